/*
 * The WebAssembly boundary: thin wrappers that take (pointer, length)
 * pairs from JS, call the core, and hand back one malloc'd JSON report
 * (see report.c). No logic lives here that the native build lacks.
 *
 * Keys come in as raw bytes (kind 0) or as the text of a JWK (kind 1).
 * Reports and other public buffers are freed by JS with
 * oojwt_wasm_release(ptr); buffers that held a key with
 * oojwt_wasm_free(ptr, len), which wipes them first.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"

#define KEY_RAW 0
#define KEY_JWK 1

OOJWT_WASM_EXPORT("oojwt_wasm_alloc")
void *oojwt_wasm_alloc(size_t n);
OOJWT_WASM_EXPORT("oojwt_wasm_free")
void oojwt_wasm_free(void *p, size_t n);
OOJWT_WASM_EXPORT("oojwt_wasm_release")
void oojwt_wasm_release(void *p);
OOJWT_WASM_EXPORT("oojwt_wasm_decode")
char *oojwt_wasm_decode(const char *token, size_t len, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_verify")
char *oojwt_wasm_verify(const char *token, size_t len,
	const unsigned char *key, size_t key_len, int key_kind, unsigned algs,
	double now, double tolerance, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_sign")
char *oojwt_wasm_sign(unsigned alg, const unsigned char *key, size_t key_len,
	int key_kind, const char *header, size_t header_len,
	const char *payload, size_t payload_len, size_t *out_len);

void *
oojwt_wasm_alloc(size_t n)
{
	return malloc(n != 0 ? n : 1);
}

void
oojwt_wasm_free(void *p, size_t n)
{
	oojwt_wipe_free(p, n);
}

/* Free without wiping: for buffers that hold no secret (tokens, JSON
 * texts, reports). */
void
oojwt_wasm_release(void *p)
{
	free(p);
}

/* Report of `r`, then free it. */
static char *
finish(oojwt_result *r, size_t *out_len)
{
	char *rep = oojwt_report_json(r, out_len);

	oojwt_result_free(r);
	return rep;
}

char *
oojwt_wasm_decode(const char *token, size_t len, size_t *out_len)
{
	oojwt_result r;

	oojwt_decode(&r, token, len);
	return finish(&r, out_len);
}

/*
 * Build `key` from the JS input. For a JWK, the secret is decoded into
 * *buf (allocated here, wiped and freed by the caller with buf_len).
 */
static int
read_key(oojwt_key *key, unsigned char **buf, size_t *buf_len,
	const unsigned char *in, size_t in_len, int kind, char *msg)
{
	int code;

	*buf = NULL;
	*buf_len = 0;
	if (kind != KEY_JWK) {
		key->data = in;
		key->len = in_len;
		key->algs = 0;
		key->ops = 0;
		key->pkey = NULL; /* a secret, not an RSA/EC key */
		return OOJWT_OK;
	}
	*buf_len = in_len + 4;
	*buf = (unsigned char *)malloc(*buf_len);
	if (*buf == NULL) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "out of memory");
		return OOJWT_ERR_NO_MEMORY;
	}
	code = oojwt_jwk_read(key, *buf, *buf_len, (const char *)in, in_len, msg);
	return code;
}

char *
oojwt_wasm_verify(const char *token, size_t len,
	const unsigned char *key_in, size_t key_len, int key_kind, unsigned algs,
	double now, double tolerance, size_t *out_len)
{
	oojwt_result r;
	oojwt_verify_opts opts;
	oojwt_key key;
	unsigned char *buf;
	size_t buf_len;
	char msg[OOJWT_MESSAGE_LEN];
	int code;

	code = read_key(&key, &buf, &buf_len, key_in, key_len, key_kind, msg);
	if (code != OOJWT_OK) {
		oojwt_decode(&r, token, len);
		oojwt_issue_add(&r, code, -1, msg);
	} else {
		opts.algorithms = algs;
		opts.now = now;
		opts.clock_tolerance = tolerance;
		if (oojwt_verify(&r, token, len, &key, &opts)
			== OOJWT_ERR_BAD_ARGUMENT)
		{
			memset(&r, 0, sizeof r);
			oojwt_issue_add(&r, OOJWT_ERR_BAD_ARGUMENT, -1,
				"invalid verify options");
		}
	}
	oojwt_wipe_free(buf, buf_len);
	oojwt_wipe(&key, sizeof key);
	return finish(&r, out_len);
}

char *
oojwt_wasm_sign(unsigned alg, const unsigned char *key_in, size_t key_len,
	int key_kind, const char *header, size_t header_len,
	const char *payload, size_t payload_len, size_t *out_len)
{
	oojwt_key key;
	oojwt_issue err;
	oojwt_sb sb;
	unsigned char *buf;
	size_t buf_len, cap, n = 0;
	char *tok = NULL;
	int code;

	memset(&sb, 0, sizeof sb);
	memset(&err, 0, sizeof err);
	err.pos = -1;
	code = read_key(&key, &buf, &buf_len, key_in, key_len, key_kind,
		err.message);
	if (code == OOJWT_OK) {
		cap = oojwt_sign_size(header_len, payload_len);
		tok = (char *)malloc(cap);
		code = tok == NULL ? OOJWT_ERR_NO_MEMORY
			: oojwt_sign(tok, cap, &n, alg, &key, header, header_len,
				payload, payload_len, &err);
	}
	err.code = code;
	if (code != OOJWT_OK && err.message[0] == 0) {
		oojwt_fmt(err.message, sizeof err.message, "%s",
			oojwt_code_name(code));
	}
	oojwt_sb_sign_result(&sb, code, tok, n, err.message, err.pos);
	free(tok);
	oojwt_wipe_free(buf, buf_len);
	oojwt_wipe(&key, sizeof key);
	return oojwt_sb_finish(&sb, out_len);
}
