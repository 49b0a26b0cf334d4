/*
 * Key inputs: what bytes are (oojwt_key_classify) and which key a token
 * gets from them (oojwt_key_select), decided here once for the JS
 * module, both command lines and the C API. Bytes that read as a key
 * form are never an HMAC secret: the signature dispatcher (sig.c) asks
 * oojwt_key_classify() before any MAC is computed with a secret.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

/* 1 when a == b, else 0, without a branch (a, b < 2^31). */
static unsigned
ct_eq(unsigned a, unsigned b)
{
	return ((a ^ b) - 1u) >> 31;
}

/*
 * Does `p` (len bytes) start with a DER header whose length is exactly
 * the rest of the bytes (tag 0x30, minimal definite length)? Computed
 * without branching on the bytes: only `len`, which is public, chooses
 * which bytes are compared.
 */
static unsigned
der_frame(const unsigned char *p, size_t len)
{
	size_t n, k, body;
	unsigned ok;

	/* n length bytes after 0x80 | n (0: the short form), in the range
	 * that makes them minimal. */
	for (n = 0; n < 4; n++) {
		body = len - 2 - n;
		if (len >= 2 + n && body < ((size_t)1 << (n == 0 ? 7 : 8 * n))
			&& body >= (n == 0 ? 0 : n == 1 ? 0x80
				: (size_t)1 << (8 * (n - 1))))
		{
			ok = ct_eq(p[0], 0x30) & ct_eq(p[1], n == 0 ? (unsigned)body
				: (unsigned)(0x80 | n));
			for (k = 0; k < n; k++) {
				ok &= ct_eq(p[2 + k],
					(unsigned)((body >> (8 * (n - 1 - k))) & 0xFF));
			}
			return ok;
		}
	}
	return 0;
}

/*
 * The shape of every key structure in DER (SubjectPublicKeyInfo, PKCS#1,
 * PKCS#8, SEC1, X.509, whatever the algorithm): one SEQUENCE spanning
 * the bytes, holding at least two strict DER elements, the first a
 * SEQUENCE or an INTEGER.
 */
static int
der_shape(const unsigned char *p, size_t len)
{
	oojwt_der d = { p, len }, s, e;
	unsigned first = 0;
	int n = 0;

	if (!oojwt_der_take(&d, 0x30, &s) || d.len != 0) {
		return 0;
	}
	while (s.len > 0) {
		unsigned tag = s.p[0];
		if ((tag & 0x1F) == 0x1F || !oojwt_der_take(&s, tag, &e)) {
			return 0;
		}
		if (n++ == 0) {
			first = tag;
		}
	}
	return n >= 2 && (first == 0x30 || first == 0x02);
}

/* Where `w` (n bytes) first occurs in p[0, len), or len. */
static size_t
find(const unsigned char *p, size_t len, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i + n <= len; i++) {
		if (memcmp(p + i, w, n) == 0) {
			return i;
		}
	}
	return len;
}

/* The length of a UTF-8 BOM at p (3), or 0. */
static size_t
bom(const unsigned char *p, size_t len)
{
	return len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0;
}

/*
 * A '{' text: a JWK Set when it parses as an object with "keys" and no
 * "kty", a JWK when it has "kty"; text that does not parse is a key when
 * it names "kty" or "keys" (a JWK with a typo is still public material).
 */
static int
json_form(const unsigned char *p, size_t len)
{
	oojwt_jv *tree;
	char msg[OOJWT_MESSAGE_LEN];
	long pos;
	size_t b = bom(p, len);
	int form, kty, keys;

	p += b;
	len -= b;
	if (oojwt_json_parse(&tree, (const char *)p, len, &pos, msg) == OOJWT_OK) {
		kty = oojwt_json_get(tree, "kty") != NULL;
		keys = oojwt_json_get(tree, "keys") != NULL;
		form = kty ? OOJWT_KEYIN_JWK : keys ? OOJWT_KEYIN_JWKS
			: OOJWT_KEYIN_SECRET;
		oojwt_json_free_wipe(tree);
		return form;
	}
	keys = find(p, len, "\"keys\"", 6) != len;
	kty = find(p, len, "\"kty\"", 5) != len;
	return keys ? OOJWT_KEYIN_JWKS : kty ? OOJWT_KEYIN_JWK : OOJWT_KEYIN_SECRET;
}

int
oojwt_key_classify(const void *in, size_t len)
{
	static const unsigned char begin[10] = { '-', '-', '-', '-', '-', 'B',
		'E', 'G', 'I', 'N' };
	const unsigned char *p = (const unsigned char *)in;
	unsigned has_bom, leading = 1, line = 1, brace = 0, pem = 0, der;
	size_t i, k;

	if (p == NULL) {
		return OOJWT_KEYIN_SECRET;
	}
	/*
	 * The framing is classified without branching on or indexing with
	 * the bytes: every position is visited, and the verdict bits are
	 * accumulated with masks -- "a line that starts (after a BOM and
	 * blanks, or after a line feed) with -----BEGIN", "the first byte
	 * after a BOM and blanks is '{'", "a DER header that spans the
	 * bytes". Only these bits are declassified: a 1 makes the caller
	 * read the bytes as a key (or refuse them as a secret) anyway. A
	 * random secret reaches the branching checks below only when it
	 * starts with such a frame (for DER: two given bytes, 1 in 65536).
	 */
	has_bom = len >= 3 ? ct_eq(p[0], 0xEF) & ct_eq(p[1], 0xBB)
		& ct_eq(p[2], 0xBF) : 0;
	for (i = 0; i < len; i++) {
		unsigned c = p[i], ws, skip, start, diff = 0;
		ws = ct_eq(c, ' ') | ct_eq(c, '\t') | ct_eq(c, '\r') | ct_eq(c, '\n');
		skip = ws | (has_bom & (unsigned)(i < 3));
		start = (leading | line) & (skip ^ 1u);
		brace |= leading & (skip ^ 1u) & ct_eq(c, '{');
		if (len - i >= sizeof begin) {
			for (k = 0; k < sizeof begin; k++) {
				diff |= p[i + k] ^ begin[k];
			}
			pem |= start & ct_eq(diff, 0);
		}
		leading &= skip;
		line = ct_eq(c, '\n');
	}
	der = der_frame(p, len);
	OOJWT_DECLASSIFY(&pem, sizeof pem);
	OOJWT_DECLASSIFY(&brace, sizeof brace);
	OOJWT_DECLASSIFY(&der, sizeof der);
	if (pem) {
		return OOJWT_KEYIN_PEM;
	}
	if (brace) {
		return json_form(p, len);
	}
	return der && der_shape(p, len) ? OOJWT_KEYIN_DER : OOJWT_KEYIN_SECRET;
}

const char *
oojwt_key_form_name(int form)
{
	switch (form) {
	case OOJWT_KEYIN_SECRET: return "secret";
	case OOJWT_KEYIN_PEM: return "pem";
	case OOJWT_KEYIN_DER: return "der";
	case OOJWT_KEYIN_JWK: return "jwk";
	case OOJWT_KEYIN_JWKS: return "jwks";
	default: return NULL;
	}
}

unsigned
oojwt_key_default_algs(const oojwt_key *key)
{
	unsigned all = 0, bit, i;

	if (key->pkey == NULL || key->pkey->kind == OOJWT_KEY_OCT) {
		return OOJWT_ALG_HMAC;
	}
	for (i = 0; (bit = oojwt_alg_by_index(i)) != 0; i++) {
		if (oojwt_alg_supported(bit)) {
			all |= bit;
		}
	}
	return all;
}

/* The token header's alg bit and kid (copied into kid, *kid_len; NULL
 * when it has none). */
static const char *
token_hint(const char *token, size_t token_len, unsigned *alg, char *kid,
	size_t *kid_len)
{
	oojwt_result r;
	oojwt_jv *hdr = NULL;
	const oojwt_jv *v;
	const char *out = NULL;
	char msg[OOJWT_MESSAGE_LEN];
	long pos;

	oojwt_decode(&r, token, token_len);
	if (r.alg != 0) {
		*alg = r.alg;
	}
	if (r.header != NULL && oojwt_json_parse(&hdr, r.header, r.header_len,
		&pos, msg) == OOJWT_OK)
	{
		v = oojwt_json_get(hdr, "kid");
		if (oojwt_json_type(v) == OOJWT_JSON_STRING
			&& strlen(oojwt_json_string(v)) <= OOJWT_KID_MAX)
		{
			*kid_len = strlen(oojwt_json_string(v));
			memcpy(kid, oojwt_json_string(v), *kid_len);
			out = kid;
		}
	}
	oojwt_json_free(hdr);
	oojwt_result_free(&r);
	return out;
}

int
oojwt_key_select(oojwt_key *key, oojwt_pkey *pk, unsigned char *buf,
	size_t buf_len, const void *in, size_t len, const char *token,
	size_t token_len, unsigned alg, char *msg)
{
	const unsigned char *p = (const unsigned char *)in;
	char kid[OOJWT_KID_MAX + 1];
	const char *k = NULL;
	size_t kid_len = 0, at = 0, line;
	int form;

	if (key == NULL || pk == NULL || (in == NULL && len != 0)
		|| (token == NULL && token_len != 0))
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	form = oojwt_key_classify(in, len);
	if (form == OOJWT_KEYIN_SECRET) {
		memset(key, 0, sizeof *key);
		memset(pk, 0, sizeof *pk);
		pk->kind = OOJWT_KEY_OCT;
		pk->secret = p;
		pk->secret_len = len;
		pk->bits = (unsigned)(len * 8);
		key->data = p;
		key->len = len;
		return OOJWT_OK;
	}
	if (token != NULL) {
		k = token_hint(token, token_len, &alg, kid, &kid_len);
	}
	if (form == OOJWT_KEYIN_PEM) {
		/* From the first line that opens a block: text before it
		 * (openssl's "subject=" lines, a BOM) is skipped. */
		for (line = 0; line < len; line = at + 1) {
			at = line + bom(p + line, len - line);
			while (at < len && (p[at] == ' ' || p[at] == '\t'
				|| p[at] == '\r' || p[at] == '\n'))
			{
				at++;
			}
			if (len - at >= 10 && memcmp(p + at, "-----BEGIN", 10) == 0) {
				break;
			}
			at = line + find(p + line, len - line, "\n", 1);
		}
	} else if (form != OOJWT_KEYIN_DER) {
		at = bom(p, len);
	}
	return oojwt_key_read_alg(key, pk, buf, buf_len, p + at, len - at, k,
		kid_len, alg, msg);
}

int
oojwt_key_verify(oojwt_result *r, const char *token, size_t len,
	const void *in, size_t in_len, const oojwt_verify_opts *opts)
{
	oojwt_verify_opts o;
	oojwt_pkey pk;
	oojwt_key key;
	unsigned char *buf = NULL;
	size_t buf_len = 0;
	char msg[OOJWT_MESSAGE_LEN];
	int code = OOJWT_OK;

	if (r == NULL || opts == NULL) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	msg[0] = 0;
	if (oojwt_key_classify(in, in_len) != OOJWT_KEYIN_SECRET) {
		buf_len = in_len + 4;
		buf = (unsigned char *)malloc(buf_len);
		if (buf == NULL) {
			code = OOJWT_ERR_NO_MEMORY;
			oojwt_fmt(msg, sizeof msg, "out of memory");
		}
	}
	if (code == OOJWT_OK) {
		code = oojwt_key_select(&key, &pk, buf, buf_len, in, in_len, token,
			len, 0, msg);
	}
	if (code != OOJWT_OK) {
		oojwt_decode(r, token, len);
		oojwt_issue_fmt(r, code, -1, "detail", "%s", msg);
	} else {
		o = *opts;
		if (o.algorithms == 0) {
			o.algorithms = oojwt_key_default_algs(&key);
		}
		code = oojwt_verify(r, token, len, &key, &o);
		if (code == OOJWT_ERR_BAD_ARGUMENT) {
			memset(r, 0, sizeof *r);
			oojwt_issue_fmt(r, OOJWT_ERR_BAD_ARGUMENT, -1, "detail", "%s",
				"invalid verify options");
		}
	}
	oojwt_pkey_wipe(&pk);
	oojwt_wipe(&key, sizeof key);
	oojwt_wipe_free(buf, buf_len);
	return code;
}

/* ---- a key as the JS module hands it over (src/core/wasm_key.c) ------ */

#define KEY_BYTES 0
#define NOT_A_JWK "the object is neither a JWK (no \"kty\") nor a JWK " \
	"Set (no \"keys\"); give a shared secret as a string or bytes"

void
oojwt_key_release(oojwt_key_held *w)
{
	oojwt_wipe_free(w->buf, w->buf_len);
	oojwt_wipe(w, sizeof *w);
}

int
oojwt_key_hold(oojwt_key_held *w, const unsigned char *in, size_t in_len, int kind,
	const char *token, size_t token_len, unsigned alg, char *msg)
{
	int form = oojwt_key_classify(in, in_len);

	memset(w, 0, sizeof *w);
	if (kind != KEY_BYTES && form == OOJWT_KEYIN_SECRET) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "%s", NOT_A_JWK);
		return OOJWT_ERR_BAD_KEY;
	}
	if (form != OOJWT_KEYIN_SECRET) {
		w->buf_len = in_len + 4;
		w->buf = (unsigned char *)malloc(w->buf_len);
		if (w->buf == NULL) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "out of memory");
			return OOJWT_ERR_NO_MEMORY;
		}
	}
	return oojwt_key_select(&w->key, &w->pk, w->buf, w->buf_len, in, in_len,
		token, token_len, alg, msg);
}

void
oojwt_key_verify_as(oojwt_result *r, const char *token, size_t len,
	const unsigned char *key_in, size_t key_len, int kind, unsigned algs,
	double now, double tolerance)
{
	oojwt_verify_opts opts;

	if (kind != KEY_BYTES && oojwt_key_classify(key_in, key_len)
		== OOJWT_KEYIN_SECRET)
	{
		oojwt_decode(r, token, len);
		oojwt_issue_fmt(r, OOJWT_ERR_BAD_KEY, -1, "detail", "%s", NOT_A_JWK);
		return;
	}
	opts.algorithms = algs;
	opts.now = now;
	opts.clock_tolerance = tolerance;
	oojwt_key_verify(r, token, len, key_in, key_len, &opts);
}

int
oojwt_key_sign_as(char **tok, size_t *tok_len, oojwt_issue *err,
	unsigned alg, const unsigned char *key_in, size_t key_len, int kind,
	const char *header, size_t header_len, const char *payload,
	size_t payload_len, const unsigned char *rnd, size_t rnd_len)
{
	oojwt_key_held w;
	size_t cap;
	int code;

	*tok = NULL;
	*tok_len = 0;
	memset(err, 0, sizeof *err);
	err->pos = -1;
	code = oojwt_key_hold(&w, key_in, key_len, kind, NULL, 0, alg, err->message);
	if (code == OOJWT_OK) {
		cap = oojwt_sign_size(header_len, payload_len);
		*tok = (char *)malloc(cap);
		code = *tok == NULL ? OOJWT_ERR_NO_MEMORY
			: oojwt_sign_rand(*tok, cap, tok_len, alg, &w.key, header,
				header_len, payload, payload_len, rnd, rnd_len, err);
	}
	if (code != OOJWT_OK) {
		free(*tok);
		*tok = NULL;
		*tok_len = 0;
		if (err->message[0] == 0) {
			oojwt_fmt(err->message, sizeof err->message, "%s",
				oojwt_code_name(code));
		}
	}
	oojwt_key_release(&w);
	return code;
}
