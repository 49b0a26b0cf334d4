/*
 * Constant-time check in the manner of ctgrind (run it under valgrind).
 *
 *   valgrind build/ct/ct-check
 *
 * Secret bytes (HMAC keys, the text of a JWK's `k`) are marked
 * undefined with VALGRIND_MAKE_MEM_UNDEFINED. Memcheck then propagates
 * "undefined" to everything computed from them (the MAC included) and
 * reports every conditional branch and every memory address that
 * depends on them. Each section counts the errors valgrind found while
 * it ran (VALGRIND_COUNT_ERRORS) and prints one line; the core declares
 * the few public verdicts with OOJWT_DECLASSIFY (inner.h), compiled in
 * with -DOOJWT_CT_CHECK. Results are declassified here before they are
 * compared with expectations computed from the same inputs left defined.
 *
 * Sections marked [required] must find nothing; [informational] ones
 * report known, documented leaks (see the end of this comment). The
 * exit status is 1 when a required section found something, 2 when the
 * program does not run under valgrind (nothing would be checked).
 *
 * Known, documented: reading a JWK parses its JSON text, and both the
 * strict JSON scan (src/core/json_scan.c) and cJSON branch on every character of
 * the `k` string (is it a quote, a backslash, a control character, ASCII?).
 * For a well-formed `k` (base64url characters only) every such branch goes
 * the same way whatever the secret, so the timing does not depend on the
 * key; memcheck still reports those branches because it tracks data flow,
 * not branch directions. The base64url decoding of `k` itself is checked
 * and constant-time.
 *
 * Also informational: RS/PS/ES signing with the private parts of a key
 * marked secret. BearSSL treats the byte and bit lengths of p and q as
 * public (it strips their leading zeros and sizes loops and buffers by
 * them), so memcheck reports every loop bound and memset size derived
 * from them in the i31 code (millions for RSA); a finer check would
 * declassify those lengths first. ECDSA shows a handful of reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/memcheck.h>
#include <valgrind/valgrind.h>
#include "deploy/deploy.h"

static int failures;

#define SECRET(p, n) ((void)VALGRIND_MAKE_MEM_UNDEFINED((p), (n)))
#define PUBLIC(p, n) ((void)VALGRIND_MAKE_MEM_DEFINED((p), (n)))

static unsigned long section_start;

static void
begin(void)
{
	section_start = VALGRIND_COUNT_ERRORS;
}

/* End a section: report how many secret-dependent branches/addresses
 * valgrind saw; `ok` says whether the results were right. */
static void
end(const char *name, int required, int ok)
{
	unsigned long n = VALGRIND_COUNT_ERRORS - section_start;

	printf("ct: %-58s %s: %lu secret-dependent branch(es)/index(es)%s\n",
		name, required ? "[required]" : "[informational]", n,
		ok ? "" : ", WRONG RESULT");
	if ((required && n != 0) || !ok) {
		failures++;
	}
}

static const unsigned algs[3] = { OOJWT_ALG_HS256, OOJWT_ALG_HS384, OOJWT_ALG_HS512 };
static const char header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
static const char payload[] =
	"{\"document\":{\"key\":\"k1\",\"url\":\"https://example.com/a.docx\"},"
	"\"exp\":2000000000}";

/* Header text for `alg`. */
static void
header_for(char *out, size_t cap, unsigned alg)
{
	snprintf(out, cap, "{\"alg\":\"%s\",\"typ\":\"JWT\"}", oojwt_alg_name(alg));
}

/* An HMAC key of `n` bytes at `p`, no restrictions. */
static void
raw_key(oojwt_key *key, unsigned char *p, size_t n)
{
	memset(key, 0, sizeof *key);
	key->data = p;
	key->len = n;
}

static void
fill_key(unsigned char *k, size_t n, unsigned seed)
{
	size_t i;

	for (i = 0; i < n; i++) {
		k[i] = (unsigned char)(seed * 131u + i * 29u + (i >> 3));
	}
}

/* Sign with a secret key and compare with the token made from the same
 * key left defined. */
/* The token buffers above must be large enough (sign_size counts the
 * largest signature of any algorithm). */
static int
buffers_fit(void)
{
	return oojwt_sign_size(strlen(payload), strlen(payload)) <= 4096;
}

static void
check_sign(unsigned alg, size_t key_len)
{
	char name[96], hdr[64], want[4096], got[4096];
	unsigned char key_bytes[200];
	oojwt_key key;
	size_t want_len = 0, got_len = 0;
	int code, ok;

	raw_key(&key, key_bytes, key_len);
	header_for(hdr, sizeof hdr, alg);
	fill_key(key_bytes, key_len, alg);
	oojwt_sign(want, sizeof want, &want_len, alg, &key, hdr, strlen(hdr),
		payload, strlen(payload), NULL);
	snprintf(name, sizeof name, "sign %s, %zu-byte key", oojwt_alg_name(alg), key_len);
	begin();
	SECRET(key_bytes, key_len);
	code = oojwt_sign(got, sizeof got, &got_len, alg, &key, hdr, strlen(hdr),
		payload, strlen(payload), NULL);
	PUBLIC(got, sizeof got);
	PUBLIC(key_bytes, key_len);
	ok = code == OOJWT_OK && got_len == want_len && memcmp(got, want, got_len) == 0;
	if (!ok) {
		printf("ct: %s: code %s, %zu bytes, expected %zu\n", name,
			oojwt_code_name(code), got_len, want_len);
	}
	end(name, 1, ok);
}

/* Verify a good and a tampered token with a secret key. */
static void
check_verify(unsigned alg, size_t key_len)
{
	char name[96], hdr[64], tok[4096];
	unsigned char key_bytes[200];
	oojwt_key key;
	oojwt_verify_opts opts = { OOJWT_ALG_HMAC, 1700000000.0, 0 };
	oojwt_result r;
	size_t tok_len = 0;
	int ok, code_good, code_bad, valid_good, valid_bad;

	raw_key(&key, key_bytes, key_len);
	header_for(hdr, sizeof hdr, alg);
	fill_key(key_bytes, key_len, alg + 7);
	oojwt_sign(tok, sizeof tok, &tok_len, alg, &key, hdr, strlen(hdr),
		payload, strlen(payload), NULL);
	snprintf(name, sizeof name, "verify %s, %zu-byte key, good and bad MAC",
		oojwt_alg_name(alg), key_len);
	begin();
	SECRET(key_bytes, key_len);
	code_good = oojwt_verify(&r, tok, tok_len, &key, &opts);
	valid_good = r.valid;
	oojwt_result_free(&r);
	/* Change a middle character of the MAC: same length, wrong value. */
	tok[tok_len - 5] = tok[tok_len - 5] == 'A' ? 'B' : 'A';
	code_bad = oojwt_verify(&r, tok, tok_len, &key, &opts);
	valid_bad = r.valid;
	oojwt_result_free(&r);
	PUBLIC(&code_good, sizeof code_good);
	PUBLIC(&code_bad, sizeof code_bad);
	PUBLIC(&valid_good, sizeof valid_good);
	PUBLIC(&valid_bad, sizeof valid_bad);
	PUBLIC(key_bytes, key_len);
	ok = code_good == OOJWT_OK && valid_good == 1
		&& code_bad == OOJWT_ERR_BAD_SIGNATURE && valid_bad == 0;
	if (!ok) {
		printf("ct: %s: good token %s, tampered token %s\n", name,
			oojwt_code_name(code_good), oojwt_code_name(code_bad));
	}
	end(name, 1, ok);
}

/* The HMAC and the comparison alone, the MAC itself secret. */
static void
check_mac_compare(void)
{
	unsigned char key_bytes[64], mac[64], other[64];
	size_t n;
	int same, differ, ok;

	fill_key(key_bytes, sizeof key_bytes, 3);
	n = oojwt_hmac(OOJWT_ALG_HS512, key_bytes, sizeof key_bytes, "data", 4, other);
	begin();
	SECRET(key_bytes, sizeof key_bytes);
	oojwt_hmac(OOJWT_ALG_HS512, key_bytes, sizeof key_bytes, "data", 4, mac);
	SECRET(mac, sizeof mac);
	same = oojwt_ct_equal(mac, other, n);
	other[n - 1] ^= 1;
	differ = oojwt_ct_equal(mac, other, n);
	PUBLIC(&same, sizeof same);
	PUBLIC(&differ, sizeof differ);
	PUBLIC(key_bytes, sizeof key_bytes);
	ok = same == 1 && differ == 0;
	end("HMAC-SHA-512 then oojwt_ct_equal on a secret MAC", 1, ok);
}

/* Base64url of secret bytes (a MAC, a JWK k) in both directions:
 * oojwt_b64url_encode() and oojwt_b64url_decode_secret(). */
static void
check_b64(void)
{
	unsigned char raw[67], back[67];
	char text[96], want[96];
	size_t len, n, back_len = 0, k;
	int code = -1, ok = 1;

	for (k = 64; k <= 66; k++) {
		fill_key(raw, k, (unsigned)k);
		len = oojwt_b64url_encode(want, raw, k);
		begin();
		SECRET(raw, k);
		n = oojwt_b64url_encode(text, raw, k);
		PUBLIC(raw, k);
		PUBLIC(text, n);
		ok = ok && n == len && memcmp(text, want, n) == 0;
		SECRET(text, n);
		code = oojwt_b64url_decode_secret(back, &back_len, text, n);
		PUBLIC(back, back_len);
		PUBLIC(text, n);
		ok = ok && code == OOJWT_OK && back_len == k && memcmp(back, raw, k) == 0;
		end(k == 64 ? "base64url encode+decode of secret bytes (64 B)"
			: k == 65 ? "base64url encode+decode of secret bytes (65 B)"
			: "base64url encode+decode of secret bytes (66 B)", 1, ok);
	}
}

/* Read a whole file (NUL-terminated), or NULL. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		if (f != NULL) {
			fclose(f);
		}
		return NULL;
	}
	rewind(f);
	buf = (char *)malloc((size_t)n + 1);
	if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf != NULL) {
		buf[n] = 0;
	}
	fclose(f);
	return buf;
}

/*
 * Sign with an RSA or EC private key whose private parts (p, q, dp, dq,
 * iq; the EC scalar x) are marked secret. The keys are the test keys of
 * tests/vectors/asym_keys.json (PKCS#8 PEM). Informational: it measures
 * BearSSL's i31 RSA/ECDSA code and src/sig_*.c, which this issue does
 * not own; key parsing (DER/PEM/JWK) is not covered.
 */
static void
check_private(const char *vectors)
{
	static const struct { const char *name; unsigned alg; } cases[] = {
		{ "rsa2048", OOJWT_ALG_RS256 }, { "rsa2048", OOJWT_ALG_PS256 },
		{ "p256", OOJWT_ALG_ES256 }, { "p384", OOJWT_ALG_ES384 }
	};
	char *text = slurp(vectors), *pem, name[96], hdr[64];
	char want[4096], got[4096];
	unsigned char buf[64], rnd[64];
	size_t i, want_len = 0, got_len = 0;
	oojwt_pkey pk;
	oojwt_key key;
	int code;

	if (text == NULL) {
		printf("ct: %s not readable: private-key sections skipped\n", vectors);
		return;
	}
	memset(rnd, 0x42, sizeof rnd);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *at = strstr(text, cases[i].name), *b, *e;
		snprintf(name, sizeof name, "sign %s with a secret %s private key",
			oojwt_alg_name(cases[i].alg), cases[i].name);
		b = at != NULL ? strstr(at, "\"pkcs8_pem\": \"") : NULL;
		e = b != NULL ? strchr(b + 14, '"') : NULL;
		if (e == NULL) {
			printf("ct: %s: key not found, skipped\n", name);
			continue;
		}
		b += 14;
		pem = (char *)malloc((size_t)(e - b) + 1);
		{
			/* Undo the JSON escapes of the PEM text (only \n occurs). */
			size_t o = 0;
			const char *q;
			for (q = b; q < e; q++) {
				if (q[0] == '\\' && q + 1 < e && q[1] == 'n') {
					pem[o++] = '\n';
					q++;
				} else {
					pem[o++] = *q;
				}
			}
			pem[o] = 0;
		}
		code = oojwt_key_read(&key, &pk, buf, sizeof buf, pem, strlen(pem), NULL, 0, NULL);
		free(pem);
		if (code != OOJWT_OK) {
			printf("ct: %s: key not read (%s), skipped\n", name, oojwt_code_name(code));
			continue;
		}
		snprintf(hdr, sizeof hdr, "{\"alg\":\"%s\"}", oojwt_alg_name(cases[i].alg));
		oojwt_sign_rand(want, sizeof want, &want_len, cases[i].alg, &key, hdr, strlen(hdr),
			payload, strlen(payload), rnd, sizeof rnd, NULL);
		begin();
		SECRET(pk.p, sizeof pk.p);
		SECRET(pk.q, sizeof pk.q);
		SECRET(pk.dp, sizeof pk.dp);
		SECRET(pk.dq, sizeof pk.dq);
		SECRET(pk.iq, sizeof pk.iq);
		SECRET(pk.x, sizeof pk.x);
		code = oojwt_sign_rand(got, sizeof got, &got_len, cases[i].alg, &key, hdr,
			strlen(hdr), payload, strlen(payload), rnd, sizeof rnd, NULL);
		PUBLIC(got, sizeof got);
		PUBLIC(&code, sizeof code);
		PUBLIC(&got_len, sizeof got_len);
		end(name, 0, code == OOJWT_OK && got_len == want_len
			&& memcmp(got, want, got_len) == 0);
		oojwt_pkey_wipe(&pk);
	}
	free(text);
}

/* What nginx answers for `url` checked with `secret` marked secret (-1
 * when the call fails). */
static int
link_status(const char *url, size_t len, unsigned char *secret, size_t n)
{
	oojwt_link_report r;
	int code, status;

	SECRET(secret, n);
	code = oojwt_link_inspect(&r, url, len, secret, n, 1.9e9);
	PUBLIC(&r, sizeof r);
	PUBLIC(secret, n);
	status = code == OOJWT_OK ? r.status : -1;
	oojwt_link_report_free(&r);
	return status;
}

/*
 * Secure download links (src/deploy/secure_link.c): the secret goes into MD5
 * with the expiry and the path, and the result is compared with the
 * link's md5 in constant time. Required: checking a link that matches
 * and signing one. Informational: a link that does not match, where the
 * variants of the secret (trimmed, unquoted, ...) are tried, which looks
 * at the secret's first and last bytes by design; and comparing two
 * secrets that differ, for the same reason.
 */
static void
check_link(void)
{
	static const char base[] = "https://ds.example.com";
	static const char path[] = "data/k1/output.docx";
	unsigned char secret[32];
	oojwt_issue err;
	char *url = NULL, *again = NULL, *bad;
	size_t len = 0, again_len = 0;
	int code, ok;

	fill_key(secret, sizeof secret, 7);
	code = oojwt_link_sign(&url, &len, base, strlen(base), path,
		strlen(path), "a b.docx", 8, secret, sizeof secret, 2e9, &err);
	if (code != OOJWT_OK) {
		printf("ct: link: cannot sign the reference link (%s)\n",
			oojwt_code_name(code));
		failures++;
		return;
	}

	begin();
	SECRET(secret, sizeof secret);
	code = oojwt_link_sign(&again, &again_len, base, strlen(base), path,
		strlen(path), "a b.docx", 8, secret, sizeof secret, 2e9, &err);
	if (again != NULL) {
		PUBLIC(again, again_len);
	}
	PUBLIC(secret, sizeof secret);
	ok = code == OOJWT_OK && again_len == len && memcmp(again, url, len) == 0;
	end("sign a download link, 32-byte secret", 1, ok);
	free(again);

	begin();
	ok = link_status(url, len, secret, sizeof secret) == 200;
	end("check a download link that matches, 32-byte secret", 1, ok);

	/* One md5 character changed: 403, then the variants are tried. */
	bad = strstr(url, "md5=");
	if (bad != NULL) {
		bad[4] = bad[4] == 'A' ? 'B' : 'A';
	}
	begin();
	ok = link_status(url, len, secret, sizeof secret) == 403;
	end("check a download link that does not match (variants tried)", 0, ok);
	free(url);
}

/* A secret given as hex text (the hex-decoded variant that
 * oojwt_secret_explain tries, src/ds/secret_variants.c), decoded by
 * oojwt_hex_decode_ct: required; then text with a bad character, which
 * must be refused with nothing but the verdict declassified. */
static void
check_hex(void)
{
	unsigned char text[64], bytes[32], want[32];
	size_t i;
	int ok, code;

	for (i = 0; i < sizeof want; i++) {
		want[i] = (unsigned char)(i * 37u + 11u);
		text[2 * i] = (unsigned char)"0123456789abcdef"[want[i] >> 4];
		text[2 * i + 1] = (unsigned char)"0123456789ABCDEF"[want[i] & 15];
	}
	begin();
	SECRET(text, sizeof text);
	code = oojwt_hex_decode_ct(bytes, text, sizeof text);
	PUBLIC(bytes, sizeof bytes);
	PUBLIC(text, sizeof text);
	ok = code == 1 && memcmp(bytes, want, sizeof want) == 0;
	end("oojwt_hex_decode_ct on a 64-character hex secret", 1, ok);

	text[17] = 'x';
	begin();
	SECRET(text, sizeof text);
	code = oojwt_hex_decode_ct(bytes, text, sizeof text);
	PUBLIC(bytes, sizeof bytes);
	PUBLIC(text, sizeof text);
	end("oojwt_hex_decode_ct on hex text with a bad character", 1, code == 0);
}

/* A whole JWK with `k` secret: informational (see the comment above). */
static void
check_jwk(void)
{
	static const char jwk[] =
		"{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\",\"alg\":\"HS256\"}";
	char text[sizeof jwk];
	unsigned char buf[128];
	oojwt_key key;
	const char *k;
	int code;

	memcpy(text, jwk, sizeof jwk);
	k = strstr(text, "\"k\":\"") + 5;
	begin();
	SECRET((void *)k, 86);
	code = oojwt_jwk_read(&key, buf, sizeof buf, text, sizeof jwk - 1, NULL);
	PUBLIC(&code, sizeof code);
	PUBLIC(buf, sizeof buf);
	PUBLIC(&key, sizeof key);
	end("oojwt_jwk_read with a secret k (JSON scan + cJSON)", 0,
		code == OOJWT_OK && key.len == 64);
}

int
main(void)
{
	size_t i;

	if (!RUNNING_ON_VALGRIND) {
		fprintf(stderr, "ct-check: run me under valgrind (make ct); nothing is checked otherwise\n");
		return 2;
	}
	if (!buffers_fit()) {
		fprintf(stderr, "ct-check: token buffers too small for oojwt_sign_size()\n");
		return 1;
	}
	check_mac_compare();
	check_b64();
	for (i = 0; i < 3; i++) {
		check_sign(algs[i], 32);
		check_sign(algs[i], 200); /* longer than a block: hashed first */
		check_verify(algs[i], 64);
		check_verify(algs[i], 200);
	}
	check_jwk();
	check_hex();
	check_link();
	check_private("tests/vectors/asym_keys.json");
	(void)header;
	printf("ct: %s\n", failures == 0 ? "no secret-dependent branch or index in the required sections"
		: "FAILED");
	return failures == 0 ? 0 : 1;
}
