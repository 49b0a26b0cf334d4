/*
 * Signing (oojwt_sign) of fuzzed header/payload JSON, then verifying.
 *
 * max_len: 4096
 * seeds: sign
 *
 * Input: one selector byte, then the JSON. Selector bits:
 *   0-1  alg: HS256, HS384, HS512, RS256 (an HMAC secret: must be refused)
 *   2-4  the key (fuzz_key() of fuzz.h)
 *   5    split: header and payload are the text before and after the
 *        first NUL byte; otherwise the header is {"alg":ALG,"typ":"JWT"}
 *        and the payload is the whole text.
 *
 * Properties: sign succeeds only when both texts are strict JSON by the
 * reference validator, and when one is not, fails with the reference's
 * code; a signed token verifies under the same key and alg with no
 * error other than expired/not_yet_valid/crit, and decodes back to the
 * exact header and payload bytes; signing is deterministic; a buffer
 * one byte short gives buffer_too_small without writing past it.
 */
#include "fuzz.h"
#include "ref_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const unsigned sign_algs[4] = {
	OOJWT_ALG_HS256, OOJWT_ALG_HS384, OOJWT_ALG_HS512, OOJWT_ALG_RS256
};

static int
starts_object(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
		i++;
	}
	return i < n && s[i] == '{';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char keybuf[256];
	char auto_hdr[64];
	oojwt_key key, vkey;
	oojwt_issue err;
	oojwt_result r;
	oojwt_verify_opts opts;
	const uint8_t *nul;
	char *hdr, *pl, *out, *out2;
	size_t hdr_len, pl_len, cap, n = 0, n2 = 0, i;
	unsigned sel, alg;
	int code, code2, want_h, want_p;

	if (size < 1) {
		return 0;
	}
	sel = data[0];
	alg = sign_algs[sel & 3];
	fuzz_key(&key, keybuf, (sel >> 2) & 7);
	nul = (sel & 0x20) != 0 ? memchr(data + 1, 0, size - 1) : NULL;
	if (nul != NULL) {
		hdr_len = (size_t)(nul - (data + 1));
		hdr = fuzz_copy(data + 1, hdr_len);
		pl_len = size - 1 - hdr_len - 1;
		pl = fuzz_copy(nul + 1, pl_len);
	} else {
		const char *name = oojwt_alg_name(alg);
		hdr_len = (size_t)snprintf(auto_hdr, sizeof auto_hdr,
			"{\"alg\":\"%s\",\"typ\":\"JWT\"}", name);
		hdr = fuzz_copy((const uint8_t *)auto_hdr, hdr_len);
		pl_len = size - 1;
		pl = fuzz_copy(data + 1, pl_len);
	}
	cap = oojwt_sign_size(hdr_len, pl_len);
	out = (char *)malloc(cap);
	memset(&err, 0, sizeof err);
	code = oojwt_sign(out, cap, &n, alg, &key, hdr, hdr_len, pl, pl_len, &err);
	FUZZ_CHECK(oojwt_code_name(code) != NULL, "a named code");
	FUZZ_CHECK(code == OOJWT_OK || err.code == code, "err filled on failure");

	want_h = ref_json_check((const unsigned char *)hdr, hdr_len, NULL, 0);
	want_p = ref_json_check((const unsigned char *)pl, pl_len, NULL, 0);
	if (code == OOJWT_OK) {
		FUZZ_CHECK(want_h == OOJWT_OK && want_p == OOJWT_OK, "only strict JSON is signed");
		FUZZ_CHECK(starts_object(hdr, hdr_len) && starts_object(pl, pl_len), "objects only");
		FUZZ_CHECK((alg & OOJWT_ALG_HMAC) != 0, "an HMAC secret signs HS only");
	} else if ((alg & OOJWT_ALG_HMAC) != 0 && key.len != 0
		&& (key.algs == 0 || (key.algs & alg) != 0)
		&& (key.ops == 0 || (key.ops & OOJWT_KEYOP_SIGN) != 0))
	{
		if (want_h != OOJWT_OK) {
			FUZZ_CHECK(code == want_h, "the header's JSON verdict");
		} else if (starts_object(hdr, hdr_len) && want_p != OOJWT_OK
			&& code != OOJWT_ERR_BAD_HEADER && code != OOJWT_ERR_CRIT)
		{
			/* A header verify refuses (no alg, crit, b64: src/core/sign.c)
			 * is refused before the payload is read. */
			FUZZ_CHECK(code == want_p, "the payload's JSON verdict");
		}
	}
	if (code != OOJWT_OK) {
		goto done;
	}
	FUZZ_CHECK(n + 1 <= cap && out[n] == 0 && strlen(out) == n, "token length");
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(out[i] == '.' || out[i] == '-' || out[i] == '_'
			|| (out[i] >= 'A' && out[i] <= 'Z') || (out[i] >= 'a' && out[i] <= 'z')
			|| (out[i] >= '0' && out[i] <= '9'), "token alphabet");
	}

	/* Deterministic; and one byte short is refused. */
	out2 = (char *)malloc(cap);
	code2 = oojwt_sign(out2, cap, &n2, alg, &key, hdr, hdr_len, pl, pl_len, NULL);
	FUZZ_CHECK(code2 == OOJWT_OK && n2 == n && memcmp(out, out2, n) == 0, "deterministic");
	free(out2);
	out2 = (char *)malloc(cap - 1);
	code2 = oojwt_sign(out2, cap - 1, &n2, alg, &key, hdr, hdr_len, pl, pl_len, NULL);
	FUZZ_CHECK(code2 == OOJWT_ERR_BUFFER_TOO_SMALL, "buffer one byte short");
	free(out2);

	/* Round trip. */
	opts.algorithms = alg;
	opts.now = 1e9;
	opts.clock_tolerance = 0;
	vkey = key;
	vkey.ops = 0; /* a sign-only JWK signed it; its twin verifies */
	code2 = oojwt_verify(&r, out, n, &vkey, &opts);
	fuzz_check_result(&r, code2);
	for (i = 0; i < r.n_errors; i++) {
		int c = r.errors[i].code;
		if (c != OOJWT_ERR_EXPIRED && c != OOJWT_ERR_NOT_YET_VALID && c != OOJWT_ERR_CRIT) {
			fprintf(stderr, "round trip error: %s: %s\n", oojwt_code_name(c),
				r.errors[i].message);
		}
		FUZZ_CHECK(c == OOJWT_ERR_EXPIRED || c == OOJWT_ERR_NOT_YET_VALID
			|| c == OOJWT_ERR_CRIT, "a signed token verifies");
	}
	FUZZ_CHECK(r.alg == alg && r.header_ok && r.payload_ok, "alg and parts");
	FUZZ_CHECK(r.header_len == hdr_len && memcmp(r.header, hdr, hdr_len) == 0,
		"the header comes back byte for byte");
	FUZZ_CHECK(r.payload_len == pl_len && (pl_len == 0 || memcmp(r.payload, pl, pl_len) == 0),
		"the payload comes back byte for byte");
	oojwt_result_free(&r);
done:
	free(out);
	free(hdr);
	free(pl);
	oojwt_wipe(keybuf, sizeof keybuf);
	return 0;
}
