/*
 * Strict base64url (RFC 4648 section 5, no padding, RFC 7515 section 2):
 * only A-Z a-z 0-9 - _, no length of 4n+1, canonical trailing bits.
 */
#include "inner.h"

static const char alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

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

size_t
oojwt_b64url_encode(char *dst, const unsigned char *src, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i + 3 <= len; i += 3) {
		unsigned w = ((unsigned)src[i] << 16)
			| ((unsigned)src[i + 1] << 8) | src[i + 2];
		dst[o++] = alphabet[(w >> 18) & 63];
		dst[o++] = alphabet[(w >> 12) & 63];
		dst[o++] = alphabet[(w >> 6) & 63];
		dst[o++] = alphabet[w & 63];
	}
	if (len - i == 1) {
		unsigned w = (unsigned)src[i] << 16;
		dst[o++] = alphabet[(w >> 18) & 63];
		dst[o++] = alphabet[(w >> 12) & 63];
	} else if (len - i == 2) {
		unsigned w = ((unsigned)src[i] << 16) | ((unsigned)src[i + 1] << 8);
		dst[o++] = alphabet[(w >> 18) & 63];
		dst[o++] = alphabet[(w >> 12) & 63];
		dst[o++] = alphabet[(w >> 6) & 63];
	}
	return o;
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

int
oojwt_b64url_decode(unsigned char *dst, size_t *dst_len,
	const char *src, size_t src_len, size_t *err_pos)
{
	const char *why;
	size_t i, o = 0, bad;
	unsigned acc = 0;
	int bits = 0;

	bad = b64_check(src, src_len, &why);
	if (why != NULL) {
		if (err_pos != NULL) {
			*err_pos = bad;
		}
		*dst_len = 0;
		return OOJWT_ERR_BAD_BASE64;
	}
	for (i = 0; i < src_len; i++) {
		acc = (acc << 6) | (unsigned)b64_value((unsigned char)src[i]);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			dst[o++] = (unsigned char)(acc >> bits);
		}
		acc &= 0xFFu;
	}
	*dst_len = o;
	return OOJWT_OK;
}
