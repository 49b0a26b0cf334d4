/*
 * Strict base64url against a simple reference decoder, and round trips.
 *
 * max_len: 2048
 * seeds: b64
 *
 * Differential: oojwt_b64url_decode() accepts exactly what the
 * reference below accepts (the RFC 4648 table, no padding, no 4n+1
 * length, zero unused bits), with the same bytes and the same error
 * offset; oojwt_b64url_decode_error() is NULL exactly for valid input.
 * oojwt_b64url_decode_secret() (the constant-time decoder for JWK
 * secrets) agrees with both. Round trips: encode(decode(s)) == s (the encoding is canonical) and
 * decode(encode(bytes)) == bytes, with oojwt_b64url_encoded_len()
 * exact. Output buffers have exactly the documented size.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
ref_val(unsigned char c)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	int i;

	for (i = 0; i < 64; i++) {
		if (tab[i] == (char)c) {
			return i;
		}
	}
	return -1;
}

/* Reference: returns 1 and the bytes, or 0 and the offending offset. */
static int
ref_decode(const uint8_t *s, size_t n, unsigned char *out, size_t *out_len,
	size_t *bad)
{
	size_t i, groups = n / 4, rest = n % 4, o = 0;
	int v[4], k;

	for (i = 0; i < n; i++) {
		if (ref_val(s[i]) < 0) {
			*bad = i;
			return 0;
		}
	}
	if (rest == 1) {
		*bad = n - 1;
		return 0;
	}
	for (i = 0; i < groups; i++) {
		for (k = 0; k < 4; k++) {
			v[k] = ref_val(s[i * 4 + (size_t)k]);
		}
		out[o++] = (unsigned char)((v[0] << 2) | (v[1] >> 4));
		out[o++] = (unsigned char)(((v[1] & 15) << 4) | (v[2] >> 2));
		out[o++] = (unsigned char)(((v[2] & 3) << 6) | v[3]);
	}
	if (rest >= 2) {
		v[0] = ref_val(s[groups * 4]);
		v[1] = ref_val(s[groups * 4 + 1]);
		out[o++] = (unsigned char)((v[0] << 2) | (v[1] >> 4));
		if (rest == 2 && (v[1] & 15) != 0) {
			*bad = n - 1;
			return 0;
		}
		if (rest == 3) {
			v[2] = ref_val(s[groups * 4 + 2]);
			out[o++] = (unsigned char)(((v[1] & 15) << 4) | (v[2] >> 2));
			if ((v[2] & 3) != 0) {
				*bad = n - 1;
				return 0;
			}
		}
	}
	*out_len = o;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = fuzz_copy(data, size);
	size_t cap = size * 3 / 4;
	unsigned char *dst = (unsigned char *)malloc(cap != 0 ? cap : 1);
	unsigned char *ref = (unsigned char *)malloc(cap + 3);
	size_t dst_len = 12345, ref_len = 0, bad = 777, ref_bad = 0, enc_len;
	int code, ok;
	char *enc;

	code = oojwt_b64url_decode(dst, &dst_len, src, size, &bad);
	ok = ref_decode(data, size, ref, &ref_len, &ref_bad);
	FUZZ_CHECK((code == OOJWT_OK) == ok, "accepts exactly what the reference accepts");
	FUZZ_CHECK((oojwt_b64url_decode_error(src, size) == NULL) == ok,
		"decode_error is NULL exactly for valid input");
	{
		/* The constant-time decoder for secrets agrees as well. */
		unsigned char *sec = (unsigned char *)malloc(cap != 0 ? cap : 1);
		size_t sec_len = 999;
		int sc = oojwt_b64url_decode_secret(sec, &sec_len, src, size);
		FUZZ_CHECK((sc == OOJWT_OK) == ok, "decode_secret accepts the same");
		FUZZ_CHECK(!ok || (sec_len == ref_len
			&& (ref_len == 0 || memcmp(sec, ref, ref_len) == 0)), "decode_secret bytes");
		FUZZ_CHECK(ok || (sc == OOJWT_ERR_BAD_BASE64 && sec_len == 0), "decode_secret error");
		free(sec);
	}
	if (ok) {
		FUZZ_CHECK(dst_len == ref_len, "decoded length");
		FUZZ_CHECK(dst_len == 0 || memcmp(dst, ref, dst_len) == 0, "decoded bytes");
		enc_len = oojwt_b64url_encoded_len(dst_len);
		FUZZ_CHECK(enc_len == size, "encoded_len of the decoded bytes");
		enc = (char *)malloc(enc_len != 0 ? enc_len : 1);
		FUZZ_CHECK(oojwt_b64url_encode(enc, dst, dst_len) == size, "encode length");
		FUZZ_CHECK(size == 0 || memcmp(enc, src, size) == 0, "encode(decode(s)) == s");
		free(enc);
	} else {
		FUZZ_CHECK(code == OOJWT_ERR_BAD_BASE64, "the error code");
		FUZZ_CHECK(bad == ref_bad, "the error offset");
		FUZZ_CHECK(dst_len == 0, "no length on error");
	}

	/* The other direction: any bytes encode and decode back. */
	enc_len = oojwt_b64url_encoded_len(size);
	enc = (char *)malloc(enc_len != 0 ? enc_len : 1);
	FUZZ_CHECK(oojwt_b64url_encode(enc, data, size) == enc_len, "encode length");
	free(dst);
	cap = enc_len * 3 / 4;
	dst = (unsigned char *)malloc(cap != 0 ? cap : 1);
	code = oojwt_b64url_decode(dst, &dst_len, enc, enc_len, &bad);
	FUZZ_CHECK(code == OOJWT_OK, "an encoding decodes");
	FUZZ_CHECK(dst_len == size && (size == 0 || memcmp(dst, data, size) == 0),
		"decode(encode(b)) == b");
	free(enc);
	free(dst);
	free(ref);
	free(src);
	return 0;
}
