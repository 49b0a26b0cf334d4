/*
 * Reading any key (oojwt_key_read): JWK, JWK Set, PEM, DER, certificates.
 *
 * max_len: 8192
 * seeds: keys
 *
 * Input: one selector byte, then the key text or DER. Selector bit 0:
 * look the key up by kid "1" (else no kid); bit 1: a buffer one byte
 * smaller than documented (only oct secrets may then fail, with
 * buffer_too_small); bit 2: the sign-then-verify round trip (slow with
 * RSA, so only for some inputs).
 *
 * Properties (src/oojwt.h): a named code; on error *pk, *key and the
 * buffer are all zero; on success the kind and format are known, RSA
 * keys are 2048-4096 bits with an odd exponent > 1, EC keys name their
 * curve and hold an uncompressed point of its size, oct keys point into
 * the buffer, and key->pkey is pk for RSA/EC; oojwt_pkey_wipe() zeroes
 * the private parts; a private key signs a token that its own public
 * half verifies (sign-then-verify round trip); a key the reader accepts
 * is never classified as an HMAC secret (oojwt_key_classify, which
 * oojwt_key_select also runs on every input).
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
round_trip(const oojwt_key *key, const oojwt_pkey *pk)
{
	static const char pl[] = "{\"sub\":\"fuzz\"}";
	char hdr[64], *tok;
	unsigned alg;
	size_t cap, n = 0;
	oojwt_result r;
	oojwt_verify_opts opts;
	unsigned char rnd[64];
	int code;

	if (pk->kind == OOJWT_KEY_RSA_PRIVATE) {
		alg = pk->algs & (OOJWT_ALG_PS256 | OOJWT_ALG_PS384 | OOJWT_ALG_PS512)
			? OOJWT_ALG_PS256 : OOJWT_ALG_RS256;
		if (pk->algs != 0 && (pk->algs & alg) == 0) {
			alg = pk->algs & (0u - pk->algs); /* its lowest allowed bit */
		}
	} else if (pk->kind == OOJWT_KEY_EC_PRIVATE) {
		alg = pk->curve == 23 ? OOJWT_ALG_ES256 : pk->curve == 24
			? OOJWT_ALG_ES384 : OOJWT_ALG_ES512;
	} else {
		return;
	}
	if ((pk->ops != 0 && (pk->ops & OOJWT_KEYOP_SIGN) == 0)
		|| (pk->algs != 0 && (pk->algs & alg) == 0))
	{
		return;
	}
	snprintf(hdr, sizeof hdr, "{\"alg\":\"%s\"}", oojwt_alg_name(alg));
	cap = oojwt_sign_size(strlen(hdr), strlen(pl));
	tok = (char *)malloc(cap);
	memset(rnd, 7, sizeof rnd);
	code = oojwt_sign_rand(tok, cap, &n, alg, key, hdr, strlen(hdr), pl, strlen(pl),
		rnd, sizeof rnd, NULL);
	if (code == OOJWT_OK) {
		oojwt_key vkey = *key;
		vkey.ops = 0;
		opts.algorithms = alg;
		opts.now = 1e9;
		opts.clock_tolerance = 0;
		code = oojwt_verify(&r, tok, n, &vkey, &opts);
		if (pk->ops == 0 || (pk->ops & OOJWT_KEYOP_VERIFY) != 0) {
			if (code != OOJWT_OK) {
				fprintf(stderr, "round trip: %s: %s\n", oojwt_code_name(code),
					r.errors[0].message);
			}
			FUZZ_CHECK(code == OOJWT_OK, "a private key verifies what it signed");
		}
		oojwt_result_free(&r);
	}
	free(tok);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	oojwt_pkey pk;
	oojwt_key key;
	unsigned char *buf;
	size_t cap, len;
	char msg[OOJWT_MESSAGE_LEN];
	char *in;
	unsigned sel;
	int code;

	if (size < 1) {
		return 0;
	}
	sel = data[0];
	len = size - 1;
	in = fuzz_copy(data + 1, len);
	cap = len * 3 / 4 + 3 - ((sel & 2) ? 1 : 0);
	buf = (unsigned char *)malloc(cap);
	memset(buf, 0x5A, cap);
	memset(&pk, 0x5A, sizeof pk);
	code = oojwt_key_read(&key, &pk, buf, cap, in, len, (sel & 1) ? "1" : NULL,
		(sel & 1) ? 1 : 0, msg);
	FUZZ_CHECK(oojwt_code_name(code) != NULL, "a named code");
	if (code != OOJWT_OK) {
		FUZZ_CHECK(fuzz_all_zero(&pk, sizeof pk), "pk wiped on error");
		FUZZ_CHECK(fuzz_all_zero(&key, sizeof key), "key wiped on error");
		FUZZ_CHECK(fuzz_all_zero(buf, cap), "buffer wiped on error");
		FUZZ_CHECK(msg[0] != 0 && memchr(msg, 0, sizeof msg) != NULL, "a message");
		goto done;
	}
	FUZZ_CHECK(oojwt_key_classify(in, len) != OOJWT_KEYIN_SECRET,
		"a key the reader accepts is never a secret");
	FUZZ_CHECK(oojwt_key_kind_name(pk.kind) != NULL, "a known kind");
	FUZZ_CHECK(oojwt_key_format_name(pk.format) != NULL, "a known format");
	switch (pk.kind) {
	case OOJWT_KEY_OCT:
		FUZZ_CHECK(key.data == buf && key.len > 0 && key.len <= cap, "oct secret in buf");
		break;
	case OOJWT_KEY_RSA_PUBLIC:
	case OOJWT_KEY_RSA_PRIVATE:
		FUZZ_CHECK(key.pkey == &pk, "key->pkey");
		FUZZ_CHECK(pk.bits >= 2048 && pk.bits <= 4096, "RSA size in the documented range");
		FUZZ_CHECK(pk.n_len > 0 && pk.n_len <= OOJWT_RSA_MAX_BYTES && pk.n[0] != 0,
			"modulus without leading zero");
		FUZZ_CHECK(pk.e_len > 0 && pk.e_len <= OOJWT_RSA_MAX_E_BYTES
			&& (pk.e[pk.e_len - 1] & 1) != 0 && (pk.e_len > 1 || pk.e[0] > 1),
			"odd exponent > 1");
		break;
	case OOJWT_KEY_EC_PUBLIC:
	case OOJWT_KEY_EC_PRIVATE:
		FUZZ_CHECK(key.pkey == &pk, "key->pkey");
		FUZZ_CHECK(oojwt_curve_name(pk.curve) != NULL, "a named curve");
		FUZZ_CHECK(pk.pub_len == 1 + 2 * ((pk.bits + 7) / 8) && pk.pub[0] == 4,
			"an uncompressed point of the curve's size");
		break;
	default:
		FUZZ_CHECK(0, "a known kind");
	}
	FUZZ_CHECK(pk.kid_len <= OOJWT_KID_MAX && pk.kid[pk.kid_len] == 0, "kid terminated");
	if ((sel & 4) != 0) {
		round_trip(&key, &pk);
	}
	oojwt_pkey_wipe(&pk);
	FUZZ_CHECK(fuzz_all_zero(pk.p, sizeof pk.p) && fuzz_all_zero(pk.q, sizeof pk.q)
		&& fuzz_all_zero(pk.dp, sizeof pk.dp) && fuzz_all_zero(pk.dq, sizeof pk.dq)
		&& fuzz_all_zero(pk.iq, sizeof pk.iq) && fuzz_all_zero(pk.x, sizeof pk.x),
		"pkey_wipe zeroes the private parts");
done:
	memset(buf, 0x5A, cap);
	code = oojwt_key_select(&key, &pk, buf, cap, in, len, NULL, 0,
		(sel & 1) ? OOJWT_ALG_ES256 : 0, msg);
	FUZZ_CHECK(oojwt_code_name(code) != NULL, "select: a named code");
	FUZZ_CHECK(code != OOJWT_OK || (key.pkey == NULL) == (oojwt_key_classify(in, len)
		== OOJWT_KEYIN_SECRET), "select: a secret exactly when classified one");
	oojwt_pkey_wipe(&pk);
	oojwt_wipe(buf, cap);
	free(buf);
	free(in);
	return 0;
}
