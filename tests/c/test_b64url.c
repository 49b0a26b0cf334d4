/*
 * base64url: our decoding vectors (tests/vectors/base64url.json) and a
 * round trip of random bytes against a bit-by-bit reference encoder.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

static void
b64_vector(const cJSON *v)
{
	const char *in = jstr(v, "input");
	size_t len = strlen(in), out_len = 12345, pos = 12345, want_len = 0;
	char *src = exact_copy(in, len);
	unsigned char *dst = (unsigned char *)xmalloc(len * 3 / 4);
	unsigned char *want = NULL;
	int valid = cJSON_IsTrue(jget(v, "valid"));
	int code = oojwt_b64url_decode(dst, &out_len, src, len, &pos);
	char a[128], b[128], sh[64];
	test t;

	test_begin(&t, "base64url.json #%d (%s) \"%s\"", jint(v, "id"),
		jstr(v, "comment"), shown(sh, sizeof sh, in, len));
	if (valid) {
		want = from_hex(jstr(v, "hex"), &want_len);
		expect(&t, want != NULL, "bad hex in the vector");
		if (expect(&t, code == OOJWT_OK, "refused (%s at %lu)", cname(code),
			(unsigned long)pos) && want != NULL)
		{
			expect(&t, out_len == want_len
				&& memcmp(dst, want, want_len) == 0,
				"decoded %s, want %s", to_hex(a, sizeof a, dst, out_len),
				to_hex(b, sizeof b, want, want_len));
		}
		expect(&t, oojwt_b64url_decode_error(src, len) == NULL,
			"oojwt_b64url_decode_error gives a reason for valid input");
		if (want != NULL && want_len == out_len) {
			char *enc = (char *)xmalloc(oojwt_b64url_encoded_len(want_len));
			size_t n = oojwt_b64url_encode(enc, want, want_len);
			expect(&t, n == len && memcmp(enc, in, n) == 0,
				"re-encoding gives another text");
			free(enc);
		}
	} else {
		long want_pos = jint(v, "pos");
		expect(&t, code == OOJWT_ERR_BAD_BASE64, "returned %s, want bad_base64",
			cname(code));
		expect(&t, code == OOJWT_OK || (long)pos == want_pos,
			"error at %lu, want %ld", (unsigned long)pos, want_pos);
		expect(&t, code == OOJWT_OK || out_len == 0,
			"*dst_len is %lu after an error", (unsigned long)out_len);
		expect(&t, oojwt_b64url_decode_error(src, len) != NULL,
			"oojwt_b64url_decode_error gives no reason");
	}
	test_end(&t);
	free(want);
	free(dst);
	free(src);
}

/* xorshift32: reproducible pseudo-random bytes. */
static unsigned long
next_random(unsigned long *s)
{
	unsigned long x = *s & 0xFFFFFFFFUL;

	x ^= (x << 13) & 0xFFFFFFFFUL;
	x ^= x >> 17;
	x ^= (x << 5) & 0xFFFFFFFFUL;
	*s = x;
	return x;
}

/* A reference encoder written bit by bit, independent of oojwt's. */
static size_t
ref_b64url(char *out, const unsigned char *p, size_t n)
{
	static const char alpha[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	size_t bits = n * 8, i, o = 0;

	for (i = 0; i < bits; i += 6) {
		unsigned v = 0, k;
		for (k = 0; k < 6; k++) {
			size_t b = i + k;
			v <<= 1;
			if (b < bits) {
				v |= (p[b / 8] >> (7 - b % 8)) & 1u;
			}
		}
		out[o++] = alpha[v];
	}
	return o;
}

static void
test_b64_round_trip(void)
{
	const unsigned long seed = 0x0071a5edUL;
	unsigned long state = seed;
	size_t len;
	test t;

	test_begin(&t, "API: base64url round trip, both encoders, lengths 0..300 (seed 0x%lx)",
		seed);
	for (len = 0; len <= 300 && !t.failed; len++) {
		unsigned char *src = (unsigned char *)xmalloc(len);
		size_t elen = oojwt_b64url_encoded_len(len), n, dlen = 0, i, bad;
		char *enc = (char *)xmalloc(elen), *ref = (char *)xmalloc(elen + 2);
		unsigned char *dec;
		for (i = 0; i < len; i++) {
			src[i] = (unsigned char)next_random(&state);
		}
		n = oojwt_b64url_encode(enc, src, len);
		dec = (unsigned char *)xmalloc(n * 3 / 4);
		expect(&t, n == elen && n == ref_b64url(ref, src, len)
			&& memcmp(enc, ref, n) == 0,
			"length %lu: encoding differs from the reference",
			(unsigned long)len);
		memset(enc, '?', elen);
		expect(&t, oojwt_b64url_encode_public(enc, src, len) == elen
			&& memcmp(enc, ref, elen) == 0,
			"length %lu: the public (table) encoder differs from the "
			"reference", (unsigned long)len);
		expect(&t, oojwt_b64url_decode(dec, &dlen, enc, n, &bad) == OOJWT_OK
			&& dlen == len && memcmp(dec, src, len) == 0,
			"length %lu: decoding does not give the bytes back",
			(unsigned long)len);
		free(dec);
		free(ref);
		free(enc);
		free(src);
	}
	test_end(&t);
}

void
suite_b64url(const char *ours, const char *shared)
{
	(void)shared;

	for_each_test(ours, "base64url.json", b64_vector);
	test_b64_round_trip();
}
