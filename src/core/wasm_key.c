/*
 * The WebAssembly boundary for keys of every type: verify and sign with
 * a secret, a JWK, a JWK Set, PEM or DER, and describe a key. Same
 * conventions as wasm.c: (pointer, length) in, one malloc'd JSON report
 * out (length in *out_len), key buffers wiped. Signing, and verify's
 * fast path, are exported by wasm_fast.c. What the bytes are, which key
 * a token gets and the default algorithms are the core's (key_select.c:
 * oojwt_key_verify_as(), oojwt_key_sign_as()).
 *
 * Key kinds from JS (how the caller gave the key, not what it is):
 *   0  bytes (a UTF-8 string, a Uint8Array or an ArrayBuffer)
 *   1  the JSON text of a JS object: it must be a JWK or a JWK Set
 *   2  the same as 1 (kept for callers of an earlier version)
 * `algs` 0 for verify: the core's default for the key.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"


OOJWT_WASM_EXPORT("oojwt_wasm_verify_key")
char *oojwt_wasm_verify_key(const char *token, size_t len,
	const unsigned char *key, size_t key_len, int kind, unsigned algs,
	double now, double tolerance, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_key_info")
char *oojwt_wasm_key_info(const unsigned char *key, size_t key_len, int kind,
	size_t *out_len);

char *
oojwt_wasm_verify_key(const char *token, size_t len,
	const unsigned char *key_in, size_t key_len, int kind, unsigned algs,
	double now, double tolerance, size_t *out_len)
{
	oojwt_result r;
	char *rep;

	oojwt_key_verify_as(&r, token, len, key_in, key_len, kind, algs, now,
		tolerance);
	rep = oojwt_report_json(&r, out_len);
	oojwt_result_free(&r);
	return rep;
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
	oojwt_key_held w;
	const oojwt_pkey *pk;
	int code;

	memset(&sb, 0, sizeof sb);
	msg[0] = 0;
	code = oojwt_key_hold(&w, key_in, key_len, kind, NULL, 0, 0, msg);
	pk = &w.pk;
	if (code != OOJWT_OK) {
		oojwt_sb_error(&sb, code, msg, -1);
	} else if (w.key.pkey == NULL) {
		/* A plain secret: only its size is described. */
		oojwt_sb_puts(&sb, "{\"form\":\"secret\",\"kind\":\"oct\","
			"\"format\":\"raw\",\"bits\":");
		oojwt_sb_long(&sb, (long)pk->bits);
		oojwt_sb_puts(&sb, ",\"algorithms\":[\"HS256\",\"HS384\",\"HS512\"]}");
	} else {
		oojwt_sb_puts(&sb, "{\"form\":\"");
		oojwt_sb_puts(&sb, oojwt_key_form_name(oojwt_key_classify(key_in,
			key_len)));
		oojwt_sb_puts(&sb, "\",\"kind\":\"");
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
	oojwt_key_release(&w);
	return oojwt_sb_finish(&sb, out_len);
}
