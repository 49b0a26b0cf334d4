/*
 * Reading symmetric JWKs (RFC 7517, kty "oct") into oojwt_key.
 */
#include <string.h>
#include "inner.h"
#include "core.h"

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
	const oojwt_jv *e;
	int ops = 0;

	if (oojwt_json_type(v) != OOJWT_JSON_ARRAY) {
		return -1;
	}
	for (e = oojwt_json_first(v, NULL); e != NULL; e = oojwt_json_next(e, NULL)) {
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
oojwt_jwk_use_ops(const oojwt_jv *jwk, unsigned *ops, char *why)
{
	const oojwt_jv *v;
	int n;

	if ((v = oojwt_json_get(jwk, "use")) != NULL
		&& (oojwt_json_type(v) != OOJWT_JSON_STRING
			|| strcmp(oojwt_json_string(v), "sig") != 0))
	{
		oojwt_fmt(why, OOJWT_MESSAGE_LEN, "%s",
			"the JWK's \"use\" is not \"sig\": it is not a signing key");
		return OOJWT_ERR_KEY_MISMATCH;
	}
	if ((v = oojwt_json_get(jwk, "key_ops")) != NULL) {
		n = read_ops(v);
		if (n < 0) {
			oojwt_fmt(why, OOJWT_MESSAGE_LEN, "%s",
				"the JWK's \"key_ops\" must be an array of strings");
			return OOJWT_ERR_BAD_KEY;
		}
		if (n == 0) {
			oojwt_fmt(why, OOJWT_MESSAGE_LEN, "%s",
				"the JWK's \"key_ops\" allow neither \"sign\" nor \"verify\"");
			return OOJWT_ERR_KEY_MISMATCH;
		}
		*ops = (unsigned)n;
	}
	return OOJWT_OK;
}

int
oojwt_jwk_oct_secret(const oojwt_jv *jwk, unsigned char *buf,
	size_t buf_len, size_t *out_len, char *why)
{
	const oojwt_jv *v = oojwt_json_get(jwk, "k");
	const char *k;
	size_t klen;

	if (oojwt_json_type(v) != OOJWT_JSON_STRING) {
		oojwt_fmt(why, OOJWT_MESSAGE_LEN, "%s",
			"the JWK has no string member \"k\"");
		return OOJWT_ERR_BAD_KEY;
	}
	k = oojwt_json_string(v);
	klen = strlen(k);
	if (buf == NULL || buf_len < klen / 4 * 3 + 3) {
		oojwt_fmt(why, OOJWT_MESSAGE_LEN, "%s", "the key buffer is too small");
		return OOJWT_ERR_BUFFER_TOO_SMALL;
	}
	if (oojwt_b64url_decode_secret(buf, out_len, k, klen) != OOJWT_OK) {
		oojwt_fmt(why, OOJWT_MESSAGE_LEN, "%s",
			"the JWK's \"k\" is not strict base64url");
		return OOJWT_ERR_BAD_KEY;
	}
	if (*out_len == 0) {
		oojwt_fmt(why, OOJWT_MESSAGE_LEN, "%s", "the JWK's \"k\" is empty");
		return OOJWT_ERR_EMPTY_KEY;
	}
	return OOJWT_OK;
}

int
oojwt_jwk_read(oojwt_key *key, unsigned char *buf, size_t buf_len,
	const char *json, size_t len, char *msg)
{
	char why[OOJWT_MESSAGE_LEN];
	oojwt_jv *tree;
	const oojwt_jv *v;
	size_t out_len;
	long pos;
	int code;

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
		code = oojwt_jwk_oct_secret(tree, buf, buf_len, &out_len, why);
		if (code != OOJWT_OK) {
			jwk_fail(code, buf, buf_len, msg, why);
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
	if (code == OOJWT_OK) {
		code = oojwt_jwk_use_ops(tree, &key->ops, why);
		if (code != OOJWT_OK) {
			jwk_fail(code, buf, buf_len, msg, why);
		}
	}
	if (code != OOJWT_OK) {
		memset(key, 0, sizeof *key);
	}
	oojwt_json_free_wipe(tree);
	return code;
}
