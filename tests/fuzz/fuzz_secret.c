/*
 * Secret forensics (oojwt_secret_explain).
 *
 * max_len: 4096
 * seeds: secret
 *
 * Input: the token, a NUL byte, then the secret (no NUL: all of it is
 * the token and the secret is "secret").
 *
 * Properties (src/oojwt.h): OOJWT_OK; `verifies` exactly when the
 * matching variant is 0; the variant was tried; findings named; the
 * messages hold no copy of the secret (checked for secrets with a
 * control byte, which messages always escape, so no false alarm); and when the secret as
 * given verifies, oojwt_verify() with it as a raw key reports no
 * bad_signature for the same (trimmed) token when its signature segment
 * is strict base64url.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A control byte other than NUL: messages always escape those, so a
 * secret holding one cannot appear in them by coincidence. */
static int
has_control(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] > 0 && p[i] < 0x20) {
			return 1;
		}
	}
	return 0;
}

/* `n` bytes of `s` inside the NUL-terminated message `m`. */
static int
contains(const char *m, const unsigned char *s, size_t n)
{
	size_t i, len = strlen(m);

	for (i = 0; i + n <= len; i++) {
		if (memcmp(m + i, s, n) == 0) {
			return 1;
		}
	}
	return 0;
}

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t tok_len = nul != NULL ? (size_t)(nul - data) : size;
	size_t sec_len = nul != NULL ? size - tok_len - 1 : 6;
	char *tok = fuzz_copy(data, tok_len);
	unsigned char *sec = (unsigned char *)fuzz_copy(nul != NULL ? nul + 1
		: (const uint8_t *)"secret", sec_len);
	oojwt_secret_report r;
	size_t i, a, b;
	int code;

	memset(&r, 0, sizeof r);
	code = oojwt_secret_explain(&r, tok, tok_len, sec, sec_len);
	FUZZ_CHECK(code == OOJWT_OK, "OOJWT_OK");
	FUZZ_CHECK(r.variant >= -1 && r.variant < OOJWT_SECRET_VARIANTS, "variant index");
	FUZZ_CHECK(r.verifies == (r.variant == 0), "verifies exactly for variant 0");
	FUZZ_CHECK(r.n_tried <= OOJWT_SECRET_VARIANTS, "each variant once at most");
	FUZZ_CHECK(r.variant < 0 || (r.n_tried > 0 && r.tried[r.n_tried - 1] == r.variant),
		"the variant was tried, last");
	FUZZ_CHECK(r.variant < 0 || oojwt_secret_variant_name(r.variant) != NULL, "named");
	FUZZ_CHECK(r.alg == 0 || (r.alg & OOJWT_ALG_HMAC) != 0, "an HS alg");
	FUZZ_CHECK(r.alg != 0 || r.n_tried == 0, "nothing tried without an alg");
	FUZZ_CHECK(memchr(r.message, 0, sizeof r.message) != NULL, "message terminated");
	FUZZ_CHECK(r.n_findings <= OOJWT_MAX_ISSUES, "finding count");
	for (i = 0; i < r.n_findings; i++) {
		FUZZ_CHECK(oojwt_code_name(r.findings[i].code) != NULL, "named finding");
	}
	if (sec_len >= 4 && has_control(sec, sec_len)) {
		FUZZ_CHECK(!contains(r.message, sec, sec_len), "no secret in the message");
		for (i = 0; i < r.n_findings; i++) {
			FUZZ_CHECK(!contains(r.findings[i].message, sec, sec_len),
				"no secret in a finding");
		}
	}
	if (r.verifies) {
		oojwt_key key;
		oojwt_verify_opts o;
		oojwt_result v;
		a = 0;
		b = tok_len;
		while (a < b && is_ws(tok[a])) {
			a++;
		}
		while (b > a && is_ws(tok[b - 1])) {
			b--;
		}
		memset(&key, 0, sizeof key);
		key.data = sec;
		key.len = sec_len;
		o.algorithms = r.alg;
		o.now = 1e9;
		o.clock_tolerance = 0;
		oojwt_verify(&v, tok + a, b - a, &key, &o);
		/* Only for a strict signature segment: explain decodes the MAC
		 * as Node's Buffer does, skipping characters outside the
		 * alphabet (see the report: it then says "verifies" for a
		 * damaged signature that DS and oojwt both refuse). */
		if (v.sig != NULL) {
			FUZZ_CHECK(!fuzz_has(v.errors, v.n_errors, OOJWT_ERR_BAD_SIGNATURE),
				"what explain verifies, verify does not call a bad signature");
		}
		oojwt_result_free(&v);
	}
	oojwt_wipe(sec, sec_len);
	free(sec);
	free(tok);
	return 0;
}
