/*
 * The WebAssembly boundary for keys of every type: verify and sign with
 * a secret, an oct JWK, an RSA/EC JWK, a JWK Set, PEM or DER, and
 * describe a key. Same conventions as wasm.c: (pointer, length) in, one
 * malloc'd JSON report out (length in *out_len), key buffers wiped.
 * Signing, and verify's fast path, are exported by wasm_fast.c on
 * oojwt_wasm_sign_into() and oojwt_wasm_verify_into() below.
 *
 * Key kinds from JS:
 *   0  bytes (a UTF-8 string or a Uint8Array). For HS algorithms they
 *      are the secret (PEM- or JWK-looking text is then refused by the
 *      core: key_mismatch); for RS/PS/ES they are read as a key (PEM
 *      text, JWK text, or DER).
 *   1  the text of an oct JWK (oojwt_jwk_read, as wasm.c does)
 *   2  the text of a JWK of any kty or of a JWK Set (oojwt_key_read;
 *      the set's key is chosen by the token header's kid)
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

#define KEY_BYTES 0
#define KEY_OCT_JWK 1
#define KEY_ANY 2

#define ALG_ASYM (0xFFFu & ~(unsigned)OOJWT_ALG_HMAC)

OOJWT_WASM_EXPORT("oojwt_wasm_verify_key")
char *oojwt_wasm_verify_key(const char *token, size_t len,
	const unsigned char *key, size_t key_len, int kind, unsigned algs,
	double now, double tolerance, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_key_info")
char *oojwt_wasm_key_info(const unsigned char *key, size_t key_len, int kind,
	size_t *out_len);

/* Key material for one call; wiped by key_done(). */
typedef struct {
	oojwt_key key;
	oojwt_pkey *pk;
	unsigned char *buf;
	size_t buf_len;
} wkey;

static void
key_done(wkey *w)
{
	if (w->pk != NULL) {
		oojwt_pkey_wipe(w->pk);
		free(w->pk);
	}
	oojwt_wipe_free(w->buf, w->buf_len);
	oojwt_wipe(w, sizeof *w);
}

/* PEM text, JSON text or DER: read as a key (else it is a secret, which
 * RS/PS/ES refuse with key_mismatch). */
static int
looks_like_key(const unsigned char *p, size_t len)
{
	size_t i = 0;

	while (i < len && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r'
		|| p[i] == '\t'))
	{
		i++;
	}
	return (i < len && p[i] == '{')
		|| (len - i >= 10 && memcmp(p + i, "-----BEGIN", 10) == 0)
		|| (len > 0 && p[0] == 0x30);
}

/* A single JWK (not a set) of kty RSA or EC. */
static int
single_asym_jwk(const unsigned char *p, size_t len)
{
	oojwt_jv *tree;
	const oojwt_jv *kty;
	char msg[OOJWT_MESSAGE_LEN];
	long pos;
	int asym = 0;

	if (oojwt_json_parse(&tree, (const char *)p, len, &pos, msg) != OOJWT_OK) {
		return 0;
	}
	kty = oojwt_json_get(tree, "kty");
	if (oojwt_json_type(kty) == OOJWT_JSON_STRING) {
		asym = strcmp(oojwt_json_string(kty), "RSA") == 0
			|| strcmp(oojwt_json_string(kty), "EC") == 0;
	}
	oojwt_json_free_wipe(tree);
	return asym;
}

/* Bytes (kind 0) that can only be a secret: no RS/PS/ES among `algs`,
 * or not the shape of a key. */
static int
bytes_are_secret(int kind, unsigned algs, const unsigned char *in,
	size_t len)
{
	return kind == KEY_BYTES && ((algs & ALG_ASYM) == 0
		|| !looks_like_key(in, len));
}

/* Build the key; `alg` decides how bytes (kind 0) are read. */
static int
key_make(wkey *w, const unsigned char *in, size_t in_len, int kind,
	unsigned alg, const char *kid, size_t kid_len, char *msg)
{
	memset(w, 0, sizeof *w);
	if (bytes_are_secret(kind, alg, in, in_len) || (kind == KEY_ANY && alg != 0 && (alg & ALG_ASYM) == 0
		&& single_asym_jwk(in, in_len)))
	{
		/* An RSA/EC JWK for an HS algorithm: handed to the core as the
		 * secret it would be, which refuses it (key_mismatch). */
		w->key.data = in;
		w->key.len = in_len;
		return OOJWT_OK;
	}
	w->buf_len = in_len + 4;
	w->buf = (unsigned char *)malloc(w->buf_len);
	if (w->buf == NULL) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "out of memory");
		return OOJWT_ERR_NO_MEMORY;
	}
	if (kind == KEY_OCT_JWK) {
		return oojwt_jwk_read(&w->key, w->buf, w->buf_len,
			(const char *)in, in_len, msg);
	}
	w->pk = (oojwt_pkey *)malloc(sizeof *w->pk);
	if (w->pk == NULL) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "out of memory");
		return OOJWT_ERR_NO_MEMORY;
	}
	return oojwt_key_read(&w->key, w->pk, w->buf, w->buf_len, in, in_len,
		kid, kid_len, msg);
}

void
oojwt_wasm_verify_into(oojwt_result *r, const char *token, size_t len,
	const unsigned char *key_in, size_t key_len, int kind, unsigned algs,
	double now, double tolerance)
{
	oojwt_verify_opts opts;
	oojwt_jv *hdr = NULL;
	const oojwt_jv *kid = NULL;
	wkey w;
	char msg[OOJWT_MESSAGE_LEN];
	long pos;
	int code;

	/* The token's alg and kid choose how the key is read, except for
	 * bytes that can only be a secret (no RS/PS/ES allowed, or not the
	 * shape of a key): then the token is decoded once, by the verify. */
	if (bytes_are_secret(kind, algs, key_in, key_len)) {
		oojwt_result_init(r);
	} else {
		oojwt_decode(r, token, len);
	}
	if (r->header != NULL && oojwt_json_parse(&hdr, r->header,
		r->header_len, &pos, msg) == OOJWT_OK)
	{
		kid = oojwt_json_get(hdr, "kid");
		if (oojwt_json_type(kid) != OOJWT_JSON_STRING) {
			kid = NULL;
		}
	}
	msg[0] = 0;
	code = key_make(&w, key_in, key_len, kind, r->alg & algs,
		kid != NULL ? oojwt_json_string(kid) : NULL,
		kid != NULL ? strlen(oojwt_json_string(kid)) : 0, msg);
	oojwt_json_free(hdr);
	if (code != OOJWT_OK) {
		oojwt_issue_add(r, code, -1, msg);
	} else {
		oojwt_result_free(r);
		opts.algorithms = algs;
		opts.now = now;
		opts.clock_tolerance = tolerance;
		if (oojwt_verify(r, token, len, &w.key, &opts)
			== OOJWT_ERR_BAD_ARGUMENT)
		{
			memset(r, 0, sizeof *r);
			oojwt_issue_add(r, OOJWT_ERR_BAD_ARGUMENT, -1,
				"invalid verify options");
		}
	}
	key_done(&w);
}

char *
oojwt_wasm_verify_key(const char *token, size_t len,
	const unsigned char *key_in, size_t key_len, int kind, unsigned algs,
	double now, double tolerance, size_t *out_len)
{
	oojwt_result r;
	char *rep;

	oojwt_wasm_verify_into(&r, token, len, key_in, key_len, kind, algs, now,
		tolerance);
	rep = oojwt_report_json(&r, out_len);
	oojwt_result_free(&r);
	return rep;
}

int
oojwt_wasm_sign_into(char **tok, size_t *tok_len, oojwt_issue *err,
	unsigned alg, const unsigned char *key_in, size_t key_len, int kind,
	const char *header, size_t header_len, const char *payload,
	size_t payload_len, const unsigned char *rnd, size_t rnd_len)
{
	wkey w;
	size_t cap;
	int code;

	*tok = NULL;
	*tok_len = 0;
	memset(err, 0, sizeof *err);
	err->pos = -1;
	code = key_make(&w, key_in, key_len, kind, alg, NULL, 0, err->message);
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
	key_done(&w);
	return code;
}

/* The names of the algorithms a key may serve, as a JSON array. */
static void
put_algs(oojwt_sb *sb, const oojwt_pkey *pk)
{
	unsigned i, bit, fits = oojwt_key_algs(pk);
	int first = 1;

	if (pk->algs != 0) {
		fits &= pk->algs;
	}
	oojwt_sb_puts(sb, "[");
	for (i = 0; (bit = oojwt_alg_by_index(i)) != 0; i++) {
		if (fits & bit) {
			oojwt_sb_puts(sb, first ? "\"" : ",\"");
			oojwt_sb_puts(sb, oojwt_alg_name(bit));
			oojwt_sb_puts(sb, "\"");
			first = 0;
		}
	}
	oojwt_sb_puts(sb, "]");
}

char *
oojwt_wasm_key_info(const unsigned char *key_in, size_t key_len, int kind,
	size_t *out_len)
{
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_sb sb;
	wkey w;
	size_t i = 0;
	int code;

	memset(&sb, 0, sizeof sb);
	msg[0] = 0;
	while (i < key_len && (key_in[i] == ' ' || key_in[i] == '\n'
		|| key_in[i] == '\r' || key_in[i] == '\t'))
	{
		i++;
	}
	if (kind == KEY_BYTES && (i == key_len || (key_in[i] != '{'
		&& key_in[i] != '-' && key_in[0] != 0x30)))
	{
		/* A plain secret: only its size is described. */
		oojwt_sb_puts(&sb, "{\"kind\":\"oct\",\"format\":\"raw\",\"bits\":");
		oojwt_sb_long(&sb, (long)(key_len * 8));
		oojwt_sb_puts(&sb, ",\"algorithms\":[\"HS256\",\"HS384\",\"HS512\"]}");
		return oojwt_sb_finish(&sb, out_len);
	}
	code = key_make(&w, key_in, key_len, kind == KEY_OCT_JWK ? KEY_ANY : kind,
		ALG_ASYM, NULL, 0, msg);
	if (code != OOJWT_OK) {
		oojwt_sb_error(&sb, code, msg, -1);
	} else {
		const oojwt_pkey *pk = w.pk;
		oojwt_sb_puts(&sb, "{\"kind\":\"");
		oojwt_sb_puts(&sb, oojwt_key_kind_name(pk->kind));
		oojwt_sb_puts(&sb, "\",\"format\":\"");
		oojwt_sb_puts(&sb, oojwt_key_format_name(pk->format));
		oojwt_sb_puts(&sb, pk->pem ? "\",\"pem\":true" : "\",\"pem\":false");
		oojwt_sb_puts(&sb, ",\"bits\":");
		oojwt_sb_long(&sb, (long)pk->bits);
		if (pk->curve != 0) {
			oojwt_sb_puts(&sb, ",\"curve\":\"");
			oojwt_sb_puts(&sb, oojwt_curve_name(pk->curve));
			oojwt_sb_puts(&sb, "\"");
		}
		if (pk->has_kid) {
			oojwt_sb_puts(&sb, ",\"kid\":");
			oojwt_sb_json_string(&sb, pk->kid, pk->kid_len);
		}
		oojwt_sb_puts(&sb, ",\"thumbprint\":\"");
		oojwt_sb_puts(&sb, pk->thumbprint);
		oojwt_sb_puts(&sb, "\",\"private\":");
		oojwt_sb_puts(&sb, pk->kind == OOJWT_KEY_RSA_PRIVATE
			|| pk->kind == OOJWT_KEY_EC_PRIVATE ? "true" : "false");
		oojwt_sb_puts(&sb, ",\"algorithms\":");
		put_algs(&sb, pk);
		if (pk->format == OOJWT_KEYFMT_X509) {
			oojwt_sb_puts(&sb, ",\"note\":\"the key of the certificate; "
				"no chain, date or name was validated\"");
		}
		oojwt_sb_puts(&sb, "}");
	}
	key_done(&w);
	return oojwt_sb_finish(&sb, out_len);
}
