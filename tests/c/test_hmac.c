/*
 * HMAC-SHA2: RFC 4231 (our vector file) and Wycheproof (shared vectors,
 * full-length tags only).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

static const struct {
	unsigned alg;
	const char *rfc_field;
	const char *wycheproof_file;
	int bits;
} hmacs[] = {
	{ OOJWT_ALG_HS256, "hmacSha256", "hmac_sha256_test.json", 256 },
	{ OOJWT_ALG_HS384, "hmacSha384", "hmac_sha384_test.json", 384 },
	{ OOJWT_ALG_HS512, "hmacSha512", "hmac_sha512_test.json", 512 }
};
#define NUM_HMACS (sizeof hmacs / sizeof *hmacs)

/* MAC `data` with `key` (hex, from a vector); returns the MAC length or
 * 0 when the vector's hex is broken. */
static size_t
hmac_hex(unsigned alg, const char *key_hex, const char *data_hex,
	unsigned char *mac)
{
	size_t klen, dlen, n = 0;
	unsigned char *key = from_hex(key_hex, &klen);
	unsigned char *data = from_hex(data_hex, &dlen);

	if (key != NULL && data != NULL) {
		n = oojwt_hmac(alg, key, klen, data, dlen, mac);
	}
	free(key);
	free(data);
	return n;
}

static void
run_rfc4231(const char *dir)
{
	cJSON *doc = load_ours(dir, "rfc4231_hmac_sha2.json");
	const cJSON *v;
	size_t i;

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(v, jlist(doc, "tests")) {
		const cJSON *trunc = jget(v, "truncateBits");
		for (i = 0; i < NUM_HMACS; i++) {
			unsigned char mac[64];
			size_t want_len = 0, n, cmp;
			unsigned char *want = from_hex(jstr(v, hmacs[i].rfc_field),
				&want_len);
			char a[160], b[160];
			test t;

			test_begin(&t, "RFC 4231 test case %d, %s", jint(v, "tcId"),
				oojwt_alg_name(hmacs[i].alg));
			n = hmac_hex(hmacs[i].alg, jstr(v, "key"), jstr(v, "data"), mac);
			cmp = cJSON_IsNumber(trunc) ? (size_t)trunc->valueint / 8
				: (size_t)hmacs[i].bits / 8;
			if (expect(&t, want != NULL && want_len == cmp,
				"vector has %lu bytes, want %lu", (unsigned long)want_len,
				(unsigned long)cmp))
			{
				expect(&t, n == (size_t)hmacs[i].bits / 8
					&& memcmp(mac, want, cmp) == 0, "MAC %s, want %s",
					to_hex(a, sizeof a, mac, cmp),
					to_hex(b, sizeof b, want, want_len));
			}
			free(want);
			test_end(&t);
		}
	}
	cJSON_Delete(doc);
}

/* One Wycheproof MAC test; returns 1 when it passed. */
static int
wycheproof_mac(const cJSON *v, unsigned alg, const char *file)
{
	unsigned char mac[64];
	size_t tag_len = 0, n;
	unsigned char *tag = from_hex(jstr(v, "tag"), &tag_len);
	const char *result = jstr(v, "result");
	int valid = strcmp(result, "valid") == 0, match;
	test t;

	test_begin(&t, "%s tcId %d (%s)", file, jint(v, "tcId"),
		jstr(v, "comment"));
	n = hmac_hex(alg, jstr(v, "key"), jstr(v, "msg"), mac);
	match = tag != NULL && n == tag_len && memcmp(mac, tag, n) == 0;
	expect(&t, n == oojwt_hmac_size(alg), "MAC length %lu",
		(unsigned long)n);
	expect(&t, valid || strcmp(result, "invalid") == 0,
		"unexpected result \"%s\"", result);
	expect(&t, match == valid, valid ? "the MAC does not match the tag"
		: "an invalid tag matches");
	free(tag);
	test_end(&t);
	return !t.failed;
}

static void
run_wycheproof_hmac(const char *shared)
{
	size_t i;

	for (i = 0; i < NUM_HMACS; i++) {
		const char *file = hmacs[i].wycheproof_file;
		cJSON *doc = load_shared(shared, "wycheproof", file);
		const cJSON *g, *v;
		int passed = 0, failed = 0;

		if (doc == NULL) {
			continue;
		}
		cJSON_ArrayForEach(g, jlist(doc, "testGroups")) {
			if (jint(g, "tagSize") != hmacs[i].bits) {
				continue; /* truncated tags: not JWS */
			}
			cJSON_ArrayForEach(v, jlist(g, "tests")) {
				if (wycheproof_mac(v, hmacs[i].alg, file)) {
					passed++;
				} else {
					failed++;
				}
			}
		}
		printf("wycheproof %s: %d passed, %d failed (full-length tags)\n",
			file, passed, failed);
		cJSON_Delete(doc);
	}
}

void
suite_hmac(const char *ours, const char *shared)
{
	run_rfc4231(ours);
	run_wycheproof_hmac(shared);
}
