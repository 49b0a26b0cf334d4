/*
 * Verification (oojwt_verify) with keys and options chosen by the input.
 *
 * max_len: 8192
 * seeds: verify
 *
 * Input: one selector byte, then the token. Selector bits:
 *   0-2  the key (fuzz_key(), keys of fuzz.h: raw secrets and JWKs)
 *   3-4  allowed algorithms: all HS, HS256 only, every known bit,
 *        HS512|RS256
 *   5-6  clock: now 1300819000 (before the RFC examples' exp), 2e9,
 *        1300819380 with tolerance 60, -1e18
 *   7    re-sign: replace the signature with the correct MAC of the
 *        signing input under the key for the header's alg, so that the
 *        fuzzer reaches the claim checks behind a valid MAC.
 *
 * Properties: the result is well formed; valid exactly when there is no
 * error; a valid token has an allowed HS alg, a usable key, strict
 * object header and payload and a correct MAC (recomputed here); after
 * re-signing, bad_signature is never reported for a usable key;
 * verify's decoded parts equal oojwt_decode's; the report is JSON.
 */
#include "fuzz.h"
#include "ref_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const unsigned alg_sets[4] = {
	OOJWT_ALG_HMAC, OOJWT_ALG_HS256, 0x1FFF, OOJWT_ALG_HS512 | OOJWT_ALG_RS256
};
static const double clocks[4][2] = {
	{ 1300819000.0, 0 }, { 2e9, 0 }, { 1300819380.0, 60 }, { -1e18, 0 }
};

/* The token with its signature replaced by the right MAC, or NULL. */
static char *
resign(const char *tok, size_t len, const oojwt_key *key, size_t *out_len)
{
	oojwt_result d;
	unsigned char mac[64];
	size_t m, n;
	char *out;

	oojwt_decode(&d, tok, len);
	if (d.dot2 == 0 || fuzz_has(d.errors, d.n_errors, OOJWT_ERR_MALFORMED)
		|| fuzz_has(d.errors, d.n_errors, OOJWT_ERR_TOO_LARGE)
		|| (d.alg & OOJWT_ALG_HMAC) == 0)
	{
		oojwt_result_free(&d);
		return NULL;
	}
	m = oojwt_hmac(d.alg, key->data, key->len, tok, d.dot2, mac);
	n = d.dot2 + 1 + oojwt_b64url_encoded_len(m);
	out = (char *)malloc(n);
	memcpy(out, tok, d.dot2 + 1);
	oojwt_b64url_encode(out + d.dot2 + 1, mac, m);
	*out_len = n;
	oojwt_result_free(&d);
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char keybuf[256], mac[64];
	oojwt_key key;
	oojwt_verify_opts opts;
	oojwt_result r, d;
	char *tok, *rep;
	size_t len, rep_len;
	unsigned sel;
	int code, resigned = 0;

	if (size < 1) {
		return 0;
	}
	sel = data[0];
	fuzz_key(&key, keybuf, sel & 7);
	opts.algorithms = alg_sets[(sel >> 3) & 3];
	opts.now = clocks[(sel >> 5) & 3][0];
	opts.clock_tolerance = clocks[(sel >> 5) & 3][1];
	len = size - 1;
	tok = fuzz_copy(data + 1, len);
	if ((sel & 0x80) != 0 && key.len != 0) {
		size_t n;
		char *t = resign(tok, len, &key, &n);
		if (t != NULL) {
			free(tok);
			tok = t;
			len = n;
			resigned = 1;
		}
	}

	code = oojwt_verify(&r, tok, len, &key, &opts);
	fuzz_check_result(&r, code);
	FUZZ_CHECK(r.valid == (r.n_errors == 0), "valid exactly when no error");
	if (r.valid) {
		FUZZ_CHECK((r.alg & opts.algorithms & OOJWT_ALG_HMAC) != 0, "an allowed HS alg");
		FUZZ_CHECK(key.len != 0, "a non-empty key");
		FUZZ_CHECK(key.algs == 0 || (key.algs & r.alg) != 0, "the key allows the alg");
		FUZZ_CHECK(key.ops == 0 || (key.ops & OOJWT_KEYOP_VERIFY) != 0, "the key may verify");
		FUZZ_CHECK(r.header_ok && r.payload_ok, "strict JSON objects");
		FUZZ_CHECK(r.sig_len == oojwt_hmac_size(r.alg), "MAC length");
		oojwt_hmac(r.alg, key.data, key.len, tok, r.dot2, mac);
		FUZZ_CHECK(memcmp(mac, r.sig, r.sig_len) == 0, "the MAC is right");
	}
	if (resigned && key.len != 0 && (opts.algorithms & r.alg) != 0
		&& (key.algs == 0 || (key.algs & r.alg) != 0)
		&& (key.ops == 0 || (key.ops & OOJWT_KEYOP_VERIFY) != 0))
	{
		FUZZ_CHECK(!fuzz_has(r.errors, r.n_errors, OOJWT_ERR_BAD_SIGNATURE),
			"a re-signed token has a good signature");
	}

	oojwt_decode(&d, tok, len);
	FUZZ_CHECK(d.header_len == r.header_len && d.payload_len == r.payload_len
		&& d.sig_len == r.sig_len && d.header_ok == r.header_ok
		&& d.payload_ok == r.payload_ok, "verify decodes like decode");
	FUZZ_CHECK((d.header == NULL) == (r.header == NULL)
		&& (d.header == NULL || memcmp(d.header, r.header, r.header_len) == 0),
		"same header");
	FUZZ_CHECK((d.payload == NULL) == (r.payload == NULL)
		&& (d.payload == NULL || memcmp(d.payload, r.payload, r.payload_len) == 0),
		"same payload");
	oojwt_result_free(&d);

	rep = oojwt_report_json(&r, &rep_len);
	FUZZ_CHECK(rep != NULL && strlen(rep) == rep_len, "report");
	FUZZ_CHECK(ref_json_check((const unsigned char *)rep, rep_len, NULL, 1) == OOJWT_OK,
		"the report is JSON");
	FUZZ_CHECK(memcmp(rep, r.valid ? "{\"valid\":true," : "{\"valid\":false,", r.valid ? 14 : 15) == 0,
		"the report says the verdict");
	free(rep);
	oojwt_result_free(&r);
	oojwt_wipe(keybuf, sizeof keybuf);
	free(tok);
	return 0;
}
