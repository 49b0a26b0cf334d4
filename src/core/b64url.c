/*
 * Strict base64url (RFC 4648 section 5, no padding, RFC 7515 section 2):
 * only A-Z a-z 0-9 - _, no length of 4n+1, canonical trailing bits.
 */
#include "inner.h"
#include "core.h"

/*
 * The character of a 6-bit value, computed without a table or a branch:
 * encoding a MAC or a secret must not index memory with its bits
 * (checked by tests/ct). Each masked term applies when v is past a range:
 * 0-25 'A'.., 26-51 'a'.., 52-61 '0'.., 62 '-', 63 '_'.
 */
static char
b64_char(unsigned v)
{
	unsigned c = v + 'A';

	c += ((25u - v) >> 8) & 6u;
	c -= ((51u - v) >> 8) & 75u;
	c -= ((61u - v) >> 8) & 13u;
	c += ((62u - v) >> 8) & 49u;
	return (char)c;
}

/* Value of a base64url character, or -1. Branch-free on the value. */
static int
b64_value(unsigned char c)
{
	int x = c;
	int v = -1;

	/* Each term is the value when x is in its range, else 0 added
	 * through a mask; keeps secret bytes (JWK keys) off branches. */
	v += (((64 - x) & (x - 91)) >> 8) & (x - 65 + 1);
	v += (((96 - x) & (x - 123)) >> 8) & (x - 97 + 27);
	v += (((47 - x) & (x - 58)) >> 8) & (x - 48 + 53);
	v += (((44 - x) & (x - 46)) >> 8) & (62 + 1);
	v += (((94 - x) & (x - 96)) >> 8) & (63 + 1);
	return v;
}

size_t
oojwt_b64url_encoded_len(size_t len)
{
	return (len / 3) * 4 + ((len % 3) * 4 + 2) / 3;
}

/* The alphabet, for public bytes only (a token's header and payload). */
static const char alphabet[64] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/*
 * The body of both encoders, with CHAR(v) giving the character of v: a
 * loop each, so that the public one is never a select between both.
 */
#define ENCODE(CHAR) do { \
		size_t i_, o_ = 0; \
		for (i_ = 0; i_ + 3 <= len; i_ += 3) { \
			unsigned w_ = ((unsigned)src[i_] << 16) \
				| ((unsigned)src[i_ + 1] << 8) | src[i_ + 2]; \
			dst[o_++] = CHAR((w_ >> 18) & 63); \
			dst[o_++] = CHAR((w_ >> 12) & 63); \
			dst[o_++] = CHAR((w_ >> 6) & 63); \
			dst[o_++] = CHAR(w_ & 63); \
		} \
		if (len - i_ == 1) { \
			unsigned w_ = (unsigned)src[i_] << 16; \
			dst[o_++] = CHAR((w_ >> 18) & 63); \
			dst[o_++] = CHAR((w_ >> 12) & 63); \
		} else if (len - i_ == 2) { \
			unsigned w_ = ((unsigned)src[i_] << 16) \
				| ((unsigned)src[i_ + 1] << 8); \
			dst[o_++] = CHAR((w_ >> 18) & 63); \
			dst[o_++] = CHAR((w_ >> 12) & 63); \
			dst[o_++] = CHAR((w_ >> 6) & 63); \
		} \
		return o_; \
	} while (0)

#define TABLE_CHAR(v) alphabet[v]

size_t
oojwt_b64url_encode(char *dst, const unsigned char *src, size_t len)
{
	ENCODE(b64_char);
}

size_t
oojwt_b64url_encode_public(char *dst, const unsigned char *src, size_t len)
{
	ENCODE(TABLE_CHAR);
}

/*
 * Find the first problem in `src`: returns its offset and sets *why, or
 * returns src_len with *why = NULL when the text is strict base64url.
 */
static size_t
b64_check(const char *src, size_t src_len, const char **why)
{
	size_t i;
	int last;
	unsigned bad = 0;

	/* First without branching on the characters (a JWK's `k` is a
	 * secret): OR every value (-1 sets the top bit) and the unused bits
	 * of the last character, then branch once on that verdict. Only
	 * invalid text takes the slower path below that finds the place. */
	for (i = 0; i < src_len; i++) {
		bad |= (unsigned)b64_value((unsigned char)src[i]);
	}
	bad >>= 31;
	if (src_len % 4 == 2 || src_len % 4 == 3) {
		unsigned unused = (unsigned)b64_value((unsigned char)src[src_len - 1])
			& (src_len % 4 == 2 ? 15u : 3u);
		bad |= (0u - unused) >> 31;
	}
	OOJWT_DECLASSIFY(&bad, sizeof bad);
	if (bad == 0 && src_len % 4 != 1) {
		*why = NULL;
		return src_len;
	}
	for (i = 0; i < src_len; i++) {
		unsigned char c = (unsigned char)src[i];
		if (b64_value(c) < 0) {
			if (c == '=') {
				*why = "padding '=' is not allowed in base64url";
			} else if (c == '+' || c == '/') {
				*why = "'+' and '/' are standard base64, not base64url "
					"(use '-' and '_')";
			} else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
				*why = "whitespace is not allowed inside a token";
			} else if (c >= 0x80) {
				*why = "a non-ASCII character is not base64url";
			} else {
				*why = "this character is not in the base64url alphabet";
			}
			return i;
		}
	}
	if (src_len % 4 == 1) {
		*why = "a base64url text cannot have a length of 4n+1 characters "
			"(truncated or one character too many)";
		return src_len - 1;
	}
	if (src_len % 4 != 0) {
		last = b64_value((unsigned char)src[src_len - 1]);
		if ((src_len % 4 == 2 && (last & 15) != 0)
			|| (src_len % 4 == 3 && (last & 3) != 0))
		{
			*why = "the last character has non-zero unused bits "
				"(not the canonical encoding)";
			return src_len - 1;
		}
	}
	*why = NULL;
	return src_len;
}

const char *
oojwt_b64url_decode_error(const char *src, size_t src_len)
{
	const char *why;

	b64_check(src, src_len, &why);
	return why;
}

/* Decode text already checked by b64_check(), with b64_value(): no
 * table look-up indexed by the data, for secrets. */
static size_t
decode_ct(unsigned char *dst, const char *src, size_t src_len)
{
	size_t i, o = 0;
	unsigned acc = 0;
	int bits = 0;

	for (i = 0; i < src_len; i++) {
		acc = (acc << 6) | (unsigned)b64_value((unsigned char)src[i]);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			dst[o++] = (unsigned char)(acc >> bits);
		}
		acc &= 0xFFu;
	}
	return o;
}

int
oojwt_b64url_decode_secret(unsigned char *dst, size_t *dst_len,
	const char *src, size_t src_len)
{
	const char *why;

	b64_check(src, src_len, &why);
	if (why != NULL) {
		*dst_len = 0;
		return OOJWT_ERR_BAD_BASE64;
	}
	*dst_len = decode_ct(dst, src, src_len);
	return OOJWT_OK;
}

/* 0..63 for the alphabet, 0xFF otherwise (for public data only). */
static const unsigned char table[256] = {
#define X 0xFF
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, 62, X, X,
	52, 53, 54, 55, 56, 57, 58, 59, 60, 61, X, X, X, X, X, X,
	X, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, X, X, X, X, 63,
	X, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
	41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X
#undef X
};

int
oojwt_b64url_decode(unsigned char *dst, size_t *dst_len,
	const char *src, size_t src_len, size_t *err_pos)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t i, o = 0, full = src_len / 4 * 4, tail = src_len % 4;
	unsigned bad = 0, a, b, c, d;
	const char *why;

	/* Fast path for tokens (public data): four characters at a time,
	 * any invalid character sets a bit of `bad`; the slow check below
	 * then says where and why. */
	for (i = 0; i < full; i += 4) {
		a = table[s[i]];
		b = table[s[i + 1]];
		c = table[s[i + 2]];
		d = table[s[i + 3]];
		bad |= a | b | c | d;
		dst[o] = (unsigned char)((a << 2) | (b >> 4));
		dst[o + 1] = (unsigned char)((b << 4) | (c >> 2));
		dst[o + 2] = (unsigned char)((c << 6) | d);
		o += 3;
	}
	if (tail >= 2) {
		a = table[s[i]];
		b = table[s[i + 1]];
		c = tail == 3 ? table[s[i + 2]] : 0;
		bad |= a | b | c;
		/* Canonical: the unused low bits of the last character are 0. */
		bad |= tail == 2 ? (b & 15u) << 8 : (c & 3u) << 8;
		dst[o++] = (unsigned char)((a << 2) | (b >> 4));
		if (tail == 3) {
			dst[o++] = (unsigned char)((b << 4) | (c >> 2));
		}
	}
	if ((bad & 0xFFC0u) == 0 && tail != 1) {
		*dst_len = o;
		return OOJWT_OK;
	}
	if (err_pos != NULL) {
		*err_pos = b64_check(src, src_len, &why);
	}
	*dst_len = 0;
	return OOJWT_ERR_BAD_BASE64;
}
