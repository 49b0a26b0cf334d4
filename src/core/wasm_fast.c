/*
 * The WebAssembly boundary's fast path for verify and sign: the common
 * outcome (a valid token with nothing to warn about; a token signed)
 * crosses to JS without a JSON report around it.
 *
 * oojwt_wasm_verify_fast() verifies as oojwt_wasm_verify_key() does
 * (same arguments, same key kinds). When the token is valid with no
 * warning, it returns the text [<header JSON>,<payload JSON>] (the two
 * decoded parts exactly as the strict JSON layer checked them, so that
 * one JSON.parse in JS yields both) and fills out[] with
 * OOJWT_FAST_VALID. In every other case it returns the full JSON report
 * of oojwt_wasm_verify_key() with OOJWT_FAST_REPORT, so that JS builds
 * the same result either way.
 *
 * oojwt_wasm_sign_fast() signs with a key of any kind (wasm_key.c:
 * bytes, oct JWK, any JWK; PS* salts in rnd); a token comes back as its
 * bare text (OOJWT_FAST_VALID), a refusal as the report
 * {"error":{"code","message"[,"pos"]}} (OOJWT_FAST_REPORT).
 *
 * out[] (4-aligned, OOJWT_FAST_WORDS words, allocated once by JS):
 *   out[OOJWT_FAST_MODE]     OOJWT_FAST_VALID or OOJWT_FAST_REPORT
 *   out[OOJWT_FAST_LEN]      length of the returned text in bytes
 *   out[OOJWT_FAST_ALG]      the algorithm's bit (valid verify only)
 *   out[OOJWT_FAST_SIG_LEN]  decoded signature length (valid verify only)
 * The returned buffer is malloc'd; JS frees it with oojwt_wasm_release()
 * (it holds no secret). NULL when memory runs out.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

OOJWT_WASM_EXPORT("oojwt_wasm_verify_fast")
char *oojwt_wasm_verify_fast(const char *token, size_t len,
	const unsigned char *key, size_t key_len, int kind, unsigned algs,
	double now, double tolerance, uint32_t *out);
OOJWT_WASM_EXPORT("oojwt_wasm_sign_fast")
char *oojwt_wasm_sign_fast(unsigned alg, const unsigned char *key,
	size_t key_len, int kind, const char *header, size_t header_len,
	const char *payload, size_t payload_len, const unsigned char *rnd,
	size_t rnd_len, uint32_t *out);

/* [header,payload] in one new buffer; its length in *n. */
static char *
both_parts(const oojwt_result *r, size_t *n)
{
	char *p = (char *)malloc(r->header_len + r->payload_len + 4);

	if (p == NULL) {
		return NULL;
	}
	p[0] = '[';
	memcpy(p + 1, r->header, r->header_len);
	p[1 + r->header_len] = ',';
	memcpy(p + 2 + r->header_len, r->payload, r->payload_len);
	*n = r->header_len + r->payload_len + 3;
	p[*n - 1] = ']';
	p[*n] = 0;
	return p;
}

char *
oojwt_wasm_verify_fast(const char *token, size_t len,
	const unsigned char *key, size_t key_len, int kind, unsigned algs,
	double now, double tolerance, uint32_t *out)
{
	oojwt_result r;
	char *text = NULL;
	size_t n = 0;

	oojwt_key_verify_as(&r, token, len, key, key_len, kind, algs, now,
		tolerance);
	out[OOJWT_FAST_MODE] = OOJWT_FAST_REPORT;
	if (r.valid && r.n_warnings == 0 && r.dropped == 0 && r.header_ok
		&& r.payload_ok && r.sig != NULL)
	{
		text = both_parts(&r, &n);
		if (text != NULL) {
			out[OOJWT_FAST_MODE] = OOJWT_FAST_VALID;
			out[OOJWT_FAST_ALG] = r.alg;
			out[OOJWT_FAST_SIG_LEN] = (uint32_t)r.sig_len;
		}
	}
	if (text == NULL) {
		text = oojwt_report_json(&r, &n);
	}
	out[OOJWT_FAST_LEN] = (uint32_t)n;
	oojwt_result_free(&r);
	return text;
}

char *
oojwt_wasm_sign_fast(unsigned alg, const unsigned char *key,
	size_t key_len, int kind, const char *header, size_t header_len,
	const char *payload, size_t payload_len, const unsigned char *rnd,
	size_t rnd_len, uint32_t *out)
{
	oojwt_issue err;
	oojwt_sb sb;
	size_t n = 0;
	char *tok;
	int code;

	code = oojwt_key_sign_as(&tok, &n, &err, alg, key, key_len, kind,
		header, header_len, payload, payload_len, rnd, rnd_len);
	out[OOJWT_FAST_MODE] = OOJWT_FAST_VALID;
	if (code != OOJWT_OK) {
		memset(&sb, 0, sizeof sb);
		oojwt_sb_error(&sb, code, err.message, err.pos);
		tok = oojwt_sb_finish(&sb, &n);
		out[OOJWT_FAST_MODE] = OOJWT_FAST_REPORT;
	}
	out[OOJWT_FAST_LEN] = (uint32_t)n;
	return tok;
}
