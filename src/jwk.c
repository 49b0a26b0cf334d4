/*
 * Reading symmetric JWKs (RFC 7517, kty "oct") into oojwt_key.
 */
#include <string.h>
#include "inner.h"

static int
jwk_fail(int code, unsigned char *buf, size_t buf_len, char *msg,
	const char *why)
{
	oojwt_wipe(buf, buf_len);
	if (msg != NULL) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "%s", why);
	}
	return code;
}

/* key_ops: array of strings; returns the OOJWT_KEYOP_* bits it names,
 * or -1 when it is not an array of strings. */
static int
read_ops(const oojwt_jv *v)
{
	size_t i, n;
	int ops = 0;

	if (oojwt_json_type(v) != OOJWT_JSON_ARRAY) {
		return -1;
	}
	n = oojwt_json_array_size(v);
	for (i = 0; i < n; i++) {
		const oojwt_jv *e = oojwt_json_array_at(v, i);
		const char *s;
		if (oojwt_json_type(e) != OOJWT_JSON_STRING) {
			return -1;
		}
		s = oojwt_json_string(e);
		if (strcmp(s, "sign") == 0) {
			ops |= OOJWT_KEYOP_SIGN;
		} else if (strcmp(s, "verify") == 0) {
			ops |= OOJWT_KEYOP_VERIFY;
		}
	}
	return ops;
}

int
oojwt_jwk_read(oojwt_key *key, unsigned char *buf, size_t buf_len,
	const char *json, size_t len, char *msg)
{
	char why[OOJWT_MESSAGE_LEN];
	oojwt_jv *tree;
	const oojwt_jv *v;
	const char *k;
	size_t klen, out_len;
	long pos;
	int code, ops;

	if (key == NULL || buf == NULL || json == NULL) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(key, 0, sizeof *key);
	code = oojwt_json_parse(&tree, json, len, &pos, why);
	if (code != OOJWT_OK) {
		return jwk_fail(code, buf, buf_len, msg, why);
	}
	code = OOJWT_OK;
	v = oojwt_json_get(tree, "kty");
	if (oojwt_json_type(tree) != OOJWT_JSON_OBJECT) {
		code = jwk_fail(OOJWT_ERR_BAD_KEY, buf, buf_len, msg,
			"a JWK must be a JSON object");
	} else if (oojwt_json_type(v) != OOJWT_JSON_STRING
		|| strcmp(oojwt_json_string(v), "oct") != 0)
	{
		code = jwk_fail(OOJWT_ERR_KEY_MISMATCH, buf, buf_len, msg,
			"an HMAC secret must be a JWK with \"kty\": \"oct\"");
	}
	if (code == OOJWT_OK) {
		v = oojwt_json_get(tree, "k");
		if (oojwt_json_type(v) != OOJWT_JSON_STRING) {
			code = jwk_fail(OOJWT_ERR_BAD_KEY, buf, buf_len, msg,
				"the JWK has no string member \"k\"");
		}
	}
	if (code == OOJWT_OK) {
		k = oojwt_json_string(v);
		klen = strlen(k);
		if (buf_len < klen / 4 * 3 + 3) {
			code = jwk_fail(OOJWT_ERR_BUFFER_TOO_SMALL, buf, buf_len, msg,
				"the key buffer is too small");
		} else if (oojwt_b64url_decode_secret(buf, &out_len, k, klen)
			!= OOJWT_OK)
		{
			code = jwk_fail(OOJWT_ERR_BAD_KEY, buf, buf_len, msg,
				"the JWK's \"k\" is not strict base64url");
		} else if (out_len == 0) {
			code = jwk_fail(OOJWT_ERR_EMPTY_KEY, buf, buf_len, msg,
				"the JWK's \"k\" is empty");
		} else {
			key->data = buf;
			key->len = out_len;
		}
	}
	if (code == OOJWT_OK && (v = oojwt_json_get(tree, "alg")) != NULL) {
		unsigned a = oojwt_json_type(v) == OOJWT_JSON_STRING
			? oojwt_alg_from_name(oojwt_json_string(v),
				strlen(oojwt_json_string(v))) : 0;
		if ((a & OOJWT_ALG_HMAC) == 0) {
			code = jwk_fail(OOJWT_ERR_KEY_MISMATCH, buf, buf_len, msg,
				"the JWK's \"alg\" is not HS256, HS384 or HS512");
		}
		key->algs = a;
	}
	if (code == OOJWT_OK && (v = oojwt_json_get(tree, "use")) != NULL
		&& (oojwt_json_type(v) != OOJWT_JSON_STRING
			|| strcmp(oojwt_json_string(v), "sig") != 0))
	{
		code = jwk_fail(OOJWT_ERR_KEY_MISMATCH, buf, buf_len, msg,
			"the JWK's \"use\" is not \"sig\": it is not a signing key");
	}
	if (code == OOJWT_OK && (v = oojwt_json_get(tree, "key_ops")) != NULL) {
		ops = read_ops(v);
		if (ops < 0) {
			code = jwk_fail(OOJWT_ERR_BAD_KEY, buf, buf_len, msg,
				"the JWK's \"key_ops\" must be an array of strings");
		} else if (ops == 0) {
			code = jwk_fail(OOJWT_ERR_KEY_MISMATCH, buf, buf_len, msg,
				"the JWK's \"key_ops\" allow neither \"sign\" nor \"verify\"");
		}
		key->ops = (unsigned)(ops > 0 ? ops : 0);
	}
	if (code != OOJWT_OK) {
		memset(key, 0, sizeof *key);
	}
	oojwt_json_free_wipe(tree);
	return code;
}
