/*
 * PEM armour (RFC 7468): the first block that holds a key, decoded
 * with strict standard base64, then read as DER (key_der.c). Labels:
 * PUBLIC KEY, RSA PUBLIC KEY, RSA PRIVATE KEY, PRIVATE KEY, EC PRIVATE
 * KEY, CERTIFICATE; EC PARAMETERS blocks are skipped; encrypted keys
 * are refused.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

static int
b64_value(int c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '+') return 62;
	if (c == '/') return 63;
	return -1;
}

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int
oojwt_b64_decode_pem(unsigned char *dst, size_t *dst_len, const char *src,
	size_t src_len)
{
	unsigned long acc = 0;
	size_t i, n = 0, pad = 0, chars = 0;
	int v;

	for (i = 0; i < src_len; i++) {
		if (is_ws(src[i])) {
			continue;
		}
		if (src[i] == '=') {
			pad++;
			chars++;
			continue;
		}
		v = b64_value((unsigned char)src[i]);
		if (v < 0 || pad != 0) {
			return OOJWT_ERR_BAD_KEY;
		}
		acc = (acc << 6) | (unsigned long)v;
		chars++;
		if (chars % 4 == 0) {
			dst[n++] = (unsigned char)(acc >> 16);
			dst[n++] = (unsigned char)(acc >> 8);
			dst[n++] = (unsigned char)acc;
			acc = 0;
		}
	}
	if (chars % 4 != 0 || pad > 2) {
		return OOJWT_ERR_BAD_KEY;
	}
	if (pad == 1) {
		/* 3 characters: 18 bits, 2 bytes, 2 spare bits */
		if ((acc & 0x3) != 0) {
			return OOJWT_ERR_BAD_KEY;
		}
		dst[n++] = (unsigned char)(acc >> 10);
		dst[n++] = (unsigned char)(acc >> 2);
	} else if (pad == 2) {
		if ((acc & 0xF) != 0) {
			return OOJWT_ERR_BAD_KEY;
		}
		dst[n++] = (unsigned char)(acc >> 4);
	}
	*dst_len = n;
	return OOJWT_OK;
}

static const struct {
	const char *label;
	int fmt;
} labels[] = {
	{ "PUBLIC KEY", OOJWT_KEYFMT_SPKI },
	{ "RSA PUBLIC KEY", -OOJWT_KEYFMT_PKCS1 },
	{ "RSA PRIVATE KEY", OOJWT_KEYFMT_PKCS1 },
	{ "PRIVATE KEY", OOJWT_KEYFMT_PKCS8 },
	{ "EC PRIVATE KEY", OOJWT_KEYFMT_SEC1 },
	{ "CERTIFICATE", OOJWT_KEYFMT_X509 }
};

/* Find `w` (n bytes) in t[from..len); returns its offset or len. */
static size_t
find(const char *t, size_t len, size_t from, const char *w, size_t n)
{
	size_t i;

	for (i = from; i + n <= len; i++) {
		if (memcmp(t + i, w, n) == 0) {
			return i;
		}
	}
	return len;
}

/*
 * The next PEM block at or after *at: label at t[*lab, *lab + *lab_len),
 * body t[*body, *end); *at moves past its END line. OOJWT_OK, or
 * OOJWT_ERR_BAD_KEY with a sentence in msg (no more blocks: `none`).
 */
static int
next_block(const char *t, size_t len, size_t *at, size_t *lab,
	size_t *lab_len, size_t *body, size_t *end, const char *none, char *msg)
{
	size_t a = *at, lab_end;

	while (a < len && is_ws(t[a])) {
		a++;
	}
	if (len - a < 11 || memcmp(t + a, "-----BEGIN ", 11) != 0) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "%s", none);
		return OOJWT_ERR_BAD_KEY;
	}
	*lab = a + 11;
	lab_end = find(t, len, *lab, "-----", 5);
	if (lab_end == len || lab_end - *lab > 40) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "broken PEM armour");
		return OOJWT_ERR_BAD_KEY;
	}
	*lab_len = lab_end - *lab;
	*body = lab_end + 5;
	*end = find(t, len, *body, "-----END ", 9);
	if (*end == len || len - *end < 9 + *lab_len + 5
		|| memcmp(t + *end + 9, t + *lab, *lab_len) != 0
		|| memcmp(t + *end + 9 + *lab_len, "-----", 5) != 0)
	{
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the PEM block \"%S\" has no "
			"matching END line", t + *lab, *lab_len);
		return OOJWT_ERR_BAD_KEY;
	}
	*at = *end + 9 + *lab_len + 5;
	return OOJWT_OK;
}

/* The body t[body, end) decoded into a new buffer (end - body + 1 bytes). */
static int
decode_body(const char *t, size_t body, size_t end, unsigned char **der,
	size_t *der_len, char *msg)
{
	*der = (unsigned char *)malloc(end - body + 1);
	if (*der == NULL) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "out of memory");
		return OOJWT_ERR_NO_MEMORY;
	}
	if (oojwt_b64_decode_pem(*der, der_len, t + body, end - body) != OOJWT_OK) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the PEM body is not strict base64");
		oojwt_wipe_free(*der, end - body + 1);
		*der = NULL;
		return OOJWT_ERR_BAD_KEY;
	}
	return OOJWT_OK;
}

int
oojwt_pem_block(const char *t, size_t len, const char *label,
	unsigned char **der, size_t *der_len, char *msg)
{
	size_t at, lab, lab_len, body, end, want = strlen(label);
	char begin[64];
	int code;

	*der = NULL;
	*der_len = 0;
	/* Text around the blocks (openssl's -text dump, "subject=" lines) is
	 * allowed, as RFC 7468 allows explanatory text. */
	oojwt_fmt(begin, sizeof begin, "-----BEGIN %s-----", label);
	at = find(t, len, 0, begin, strlen(begin));
	if (at == len || want > 40) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the PEM text holds no %s block",
			label);
		return OOJWT_ERR_BAD_KEY;
	}
	code = next_block(t, len, &at, &lab, &lab_len, &body, &end, "", msg);
	if (code != OOJWT_OK) {
		return code;
	}
	if (find(t, end, body, ":", 1) != end) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the PEM block has headers: "
			"not supported");
		return OOJWT_ERR_BAD_KEY;
	}
	code = decode_body(t, body, end, der, der_len, msg);
	if (code == OOJWT_OK) {
		/* The size the caller frees with: der_len + 1 bytes. */
		unsigned char *d = (unsigned char *)realloc(*der, *der_len + 1);
		if (d != NULL) {
			*der = d;
		}
	}
	return code;
}

int
oojwt_pem_key_read(oojwt_pkey *pk, const char *t, size_t len, char *msg)
{
	size_t at = 0, lab, lab_len, body, end, i, der_len, lab_end;
	unsigned char *der;
	int fmt, code;

	for (;;) {
		code = next_block(t, len, &at, &lab, &lab_len, &body, &end,
			"the PEM text holds no key block (PUBLIC KEY, PRIVATE KEY, "
			"CERTIFICATE, ...)", msg);
		if (code != OOJWT_OK) {
			return code;
		}
		if (lab_len != 13 || memcmp(t + lab, "EC PARAMETERS", 13) != 0) {
			break;
		}
	}
	lab_end = lab + lab_len;
	fmt = 0;
	for (i = 0; i < sizeof labels / sizeof *labels; i++) {
		if (strlen(labels[i].label) == lab_end - lab
			&& memcmp(labels[i].label, t + lab, lab_end - lab) == 0)
		{
			fmt = labels[i].fmt;
		}
	}
	if (fmt == 0) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "PEM \"%S\" is not a key this "
			"reader knows%s", t + lab, lab_end - lab,
			find(t, lab_end, lab, "ENCRYPTED", 9) != lab_end
			? " (encrypted keys are not supported: decrypt it first)" : "");
		return OOJWT_ERR_BAD_KEY;
	}
	if (find(t, end, body, ":", 1) != end) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the PEM block has headers "
			"(an encrypted key?): not supported");
		return OOJWT_ERR_BAD_KEY;
	}
	code = decode_body(t, body, end, &der, &der_len, msg);
	if (code != OOJWT_OK) {
		return code;
	}
	code = oojwt_der_key_read(pk, der, der_len,
		fmt == OOJWT_KEYFMT_X509 ? OOJWT_KEYFMT_X509 : fmt, msg);
	pk->pem = 1;
	oojwt_wipe_free(der, end - body + 1);
	return code;
}
