/*
 * Shared helpers of the libFuzzer harnesses (tests/fuzz/fuzz_*.c).
 *
 * A harness is one file tests/fuzz/fuzz_NAME.c defining
 * LLVMFuzzerTestOneInput(); `make fuzz` builds every such file with
 * clang (-fsanitize=fuzzer,address,undefined) against the core sources
 * and runs it. Two comment lines in the harness tell the Makefile and
 * the seed script (tests/fuzz/seeds.mjs) how to run it:
 *
 *    * max_len: 4096        (libFuzzer -max_len)
 *    * seeds: tokens        (which seed set to write; see seeds.mjs)
 *
 * FUZZ_CHECK() turns a broken property into a crash that libFuzzer
 * reports (and saves the input of), like a sanitizer finding.
 */
#ifndef OOJWT_FUZZ_H__
#define OOJWT_FUZZ_H__

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "deploy/deploy.h"

#define FUZZ_CHECK(cond, what) do { \
		if (!(cond)) { \
			fprintf(stderr, "FUZZ PROPERTY BROKEN at %s:%d: %s (%s)\n", \
				__FILE__, __LINE__, what, #cond); \
			abort(); \
		} \
	} while (0)

/* A copy of `n` bytes in a heap block of exactly that size (no NUL
 * after it, so ASan sees any read past the length). */
static inline char *
fuzz_copy(const uint8_t *p, size_t n)
{
	char *c = (char *)malloc(n != 0 ? n : 1);

	if (c == NULL) {
		abort();
	}
	if (n != 0) {
		memcpy(c, p, n);
	}
	return c;
}

/* A NUL-terminated copy of `n` bytes (a block of n + 1 bytes). */
static inline char *
fuzz_copyz(const uint8_t *p, size_t n)
{
	char *c = (char *)malloc(n + 1);

	if (c == NULL) {
		abort();
	}
	if (n != 0) {
		memcpy(c, p, n);
	}
	c[n] = 0;
	return c;
}

/* 1 when the `n` bytes at `p` are all zero. */
static inline int
fuzz_all_zero(const void *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i;

	for (i = 0; i < n; i++) {
		if (u[i] != 0) {
			return 0;
		}
	}
	return 1;
}

/* Every recorded issue has a named code of the right kind, a
 * NUL-terminated message, and the counts are within bounds; the return
 * value of decode/verify is the first error. */
static inline void
fuzz_check_result(const oojwt_result *r, int ret)
{
	size_t i;

	FUZZ_CHECK(r->n_errors <= OOJWT_MAX_ISSUES, "error count in bounds");
	FUZZ_CHECK(r->n_warnings <= OOJWT_MAX_ISSUES, "warning count in bounds");
	FUZZ_CHECK(ret == (r->n_errors > 0 ? r->errors[0].code : OOJWT_OK),
		"return value is the first error");
	for (i = 0; i < r->n_errors; i++) {
		FUZZ_CHECK(r->errors[i].code > 0 && r->errors[i].code < OOJWT_WARN_FIRST,
			"errors hold error codes");
		FUZZ_CHECK(oojwt_code_name(r->errors[i].code) != NULL, "error code named");
		FUZZ_CHECK(memchr(r->errors[i].message, 0, OOJWT_MESSAGE_LEN) != NULL,
			"message terminated");
	}
	for (i = 0; i < r->n_warnings; i++) {
		FUZZ_CHECK(r->warnings[i].code >= OOJWT_WARN_FIRST, "warnings hold warning codes");
		FUZZ_CHECK(oojwt_code_name(r->warnings[i].code) != NULL, "warning code named");
	}
	FUZZ_CHECK(r->header == NULL || r->header[r->header_len] == 0, "header NUL-terminated");
	FUZZ_CHECK(r->payload == NULL || r->payload[r->payload_len] == 0, "payload NUL-terminated");
	FUZZ_CHECK(!r->header_ok || r->header != NULL, "header_ok implies header");
	FUZZ_CHECK(!r->payload_ok || r->payload != NULL, "payload_ok implies payload");
}

/* A findings list (oojwt_finding, n of them): in bounds, named codes
 * and severities, terminated texts. */
static inline void
fuzz_check_findings(const oojwt_finding *list, size_t n)
{
	size_t i;

	FUZZ_CHECK(n <= OOJWT_MAX_FINDINGS, "finding count");
	for (i = 0; i < n; i++) {
		const oojwt_finding *f = &list[i];
		FUZZ_CHECK(oojwt_code_name(f->code) != NULL, "a named finding");
		FUZZ_CHECK(oojwt_severity_name(f->severity) != NULL, "a named severity");
		FUZZ_CHECK(memchr(f->path, 0, sizeof f->path) != NULL
			&& memchr(f->message, 0, sizeof f->message) != NULL
			&& memchr(f->fix, 0, sizeof f->fix) != NULL, "terminated texts");
	}
}

/* 1 when `list` (n issues) holds `code`. */
static inline int
fuzz_has(const oojwt_issue *list, size_t n, int code)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (list[i].code == code) {
			return 1;
		}
	}
	return 0;
}

/*
 * The keys the token harnesses pick from with a selector byte. JWKs are
 * read through oojwt_jwk_read(), so their restrictions apply. Index 0
 * is the RFC 7515 A.1 key; tests/fuzz/seeds.mjs signs seed tokens with
 * the same keys (keep the two lists in the same order).
 */
#define FUZZ_NKEYS 8
static const char *const fuzz_key_text[FUZZ_NKEYS] = {
	"{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}",
	"secret",
	"{\"kty\":\"oct\",\"k\":\"c2VjcmV0LWtleS1mb3ItdGhlLWZ1enplcnMtb25seS0zMg\",\"alg\":\"HS256\",\"key_ops\":[\"verify\",\"sign\"],\"use\":\"sig\"}",
	"",
	"k",
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
	"{\"kty\":\"oct\",\"k\":\"AAAA\",\"alg\":\"HS512\",\"key_ops\":[\"sign\"]}",
	"{\"kty\":\"oct\",\"k\":\"bG9uZ2VyLXRoYW4tYS1ibG9jay1sb25nZXItdGhhbi1hLWJsb2NrLWxvbmdlci10aGFuLWEtYmxvY2stbG9uZ2VyLXRoYW4tYS1ibG9jay1sb25nZXItdGhhbi1hLWJsb2NrLWxvbmdlci10aGFuLWEtYmxvY2s\"}"
};

/* Fill `key` (secret bytes in `buf`, 256 bytes) for index `i`. */
static inline void
fuzz_key(oojwt_key *key, unsigned char *buf, unsigned i)
{
	const char *t = fuzz_key_text[i % FUZZ_NKEYS];
	size_t n = strlen(t);

	memset(key, 0, sizeof *key);
	if (n > 0 && t[0] == '{') {
		int code = oojwt_jwk_read(key, buf, 256, t, n, NULL);
		FUZZ_CHECK(code == OOJWT_OK, "the fuzz keys are valid JWKs");
	} else {
		memcpy(buf, t, n);
		key->data = buf;
		key->len = n;
	}
}

#endif
