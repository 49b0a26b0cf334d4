/*
 * Producing compact tokens from caller-serialised JSON; the signature
 * itself comes from oojwt_sig_sign() (sig.c: HS, RS, PS, ES).
 */
#include <string.h>
#include "inner.h"
#include "core.h"

size_t
oojwt_sign_size(size_t header_len, size_t payload_len)
{
	return oojwt_b64url_encoded_len(header_len) + 1
		+ oojwt_b64url_encoded_len(payload_len) + 1
		+ oojwt_b64url_encoded_len(OOJWT_SIG_MAX_LEN) + 1;
}

/* Check one JSON text: strict object, described by `top`. 1 when it is. */
static int
sign_part(oojwt_result *r, const char *text, size_t len, const char *what,
	oojwt_jtop *top, size_t n_top)
{
	char msg[OOJWT_MESSAGE_LEN];
	long pos;
	int type;
	int code = oojwt_json_check(text, len, &type, top, n_top, &pos, msg);

	if (code != OOJWT_OK || type != OOJWT_JSON_OBJECT) {
		oojwt_issue_not_object(r, code, pos, msg, what, type, 0);
		return 0;
	}
	return 1;
}

/* All checks before signing; the first problem is recorded in r. */
static void
sign_checks(oojwt_result *r, unsigned alg, const oojwt_key *key,
	const char *header, size_t header_len, const char *payload,
	size_t payload_len)
{
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_jv *tree;
	const oojwt_jv *a;
	oojwt_jtop claims[OOJWT_N_CLAIMS] = OOJWT_CLAIMS_INIT;
	oojwt_jtop top[3] = { { "alg", 0, 0, NULL, 0 }, { "crit", 0, 0, NULL, 0 },
		{ "b64", 0, 0, NULL, 0 } };
	const char *name = oojwt_alg_name(alg);
	long pos;
	int asym, code, alg_ok;

	if (!oojwt_alg_supported(alg)) {
		oojwt_issue_fmt(r, OOJWT_ERR_UNSUPPORTED_ALG, -1, "reason",
			"this build of oojwt cannot sign with this algorithm%k", OOJWT_SEL("sign"));
		return;
	}
	if (oojwt_sign_size(header_len, payload_len) > OOJWT_MAX_TOKEN_LEN) {
		oojwt_issue_fmt(r, OOJWT_ERR_TOO_LARGE, -1, "limit,reason",
			"the token would be larger than the limit of %z bytes%k",
			(size_t)OOJWT_MAX_TOKEN_LEN, OOJWT_SEL("sign"));
		return;
	}
	asym = oojwt_sig_key_usable(r, key, alg, OOJWT_KEYOP_SIGN); /* sig.c */
	if (asym == 0) {
		return;
	}
	if (asym < 0 && key->len == 0) {
		oojwt_issue_fmt(r, OOJWT_ERR_EMPTY_KEY, -1, "reason",
			"refusing to sign with an empty secret%k", OOJWT_SEL("sign"));
		return;
	}
	if (asym < 0 && ((key->algs != 0 && (key->algs & alg) == 0)
		|| (key->ops != 0 && (key->ops & OOJWT_KEYOP_SIGN) == 0)))
	{
		oojwt_issue_fmt(r, OOJWT_ERR_KEY_MISMATCH, -1, "alg,reason",
			"the key's alg or key_ops do not allow signing with %s%k",
			oojwt_alg_name(alg), OOJWT_SEL("sign_limits"));
		return;
	}
	if (!sign_part(r, header, header_len, "header", top, 3)) {
		return;
	}
	/* What verify refuses (jws.c header_rest: crit), sign does not write:
	 * "b64": false means an unencoded payload (RFC 7797 3), which these
	 * tokens never have, and it needs "crit" to be understood. */
	if (top[1].type != OOJWT_JSON_INVALID) {
		oojwt_issue_fmt(r, OOJWT_ERR_CRIT, -1, "reason",
			"the header has \"crit\": verify refuses such tokens (oojwt "
			"understands no extension); remove \"crit\" from the header%k",
			"sign");
		return;
	}
	if (top[2].type != OOJWT_JSON_INVALID && top[2].type != OOJWT_JSON_TRUE) {
		oojwt_issue_fmt(r, OOJWT_ERR_CRIT, -1, "reason",
			"the header has \"b64\" other than true: it asks for an "
			"unencoded payload (RFC 7797), which oojwt neither writes nor "
			"verifies; remove \"b64\" from the header%k", OOJWT_SEL("b64"));
		return;
	}
	if (top[0].type != OOJWT_JSON_STRING || top[0].str != NULL) {
		/* Not a string, or a plain one: no tree needed. */
		alg_ok = top[0].str != NULL && top[0].str_len == strlen(name)
			&& memcmp(top[0].str, name, top[0].str_len) == 0;
	} else {
		/* An escaped alg: cJSON decodes it. */
		code = oojwt_json_parse(&tree, header, header_len, &pos, msg);
		a = code == OOJWT_OK ? oojwt_json_get(tree, "alg") : NULL;
		alg_ok = oojwt_json_type(a) == OOJWT_JSON_STRING
			&& strcmp(oojwt_json_string(a), name) == 0;
		oojwt_json_free(tree);
	}
	if (!alg_ok) {
		oojwt_issue_fmt(r, OOJWT_ERR_BAD_HEADER, -1, "alg,type",
			"the header's \"alg\" must be the string \"%s\"%k", name,
			"sign");
	}
	if (r->n_errors != 0) {
		return;
	}
	if (!sign_part(r, payload, payload_len, "payload", claims,
		OOJWT_N_CLAIMS))
	{
		return;
	}
	(void)oojwt_claims_types(r, claims, 1);
}

int
oojwt_sign(char *out, size_t out_len, size_t *token_len, unsigned alg,
	const oojwt_key *key, const char *header, size_t header_len,
	const char *payload, size_t payload_len, oojwt_issue *err)
{
	return oojwt_sign_rand(out, out_len, token_len, alg, key, header,
		header_len, payload, payload_len, NULL, 0, err);
}

int
oojwt_sign_rand(char *out, size_t out_len, size_t *token_len, unsigned alg,
	const oojwt_key *key, const char *header, size_t header_len,
	const char *payload, size_t payload_len, const unsigned char *rnd,
	size_t rnd_len, oojwt_issue *err)
{
	oojwt_result r;
	unsigned char mac[OOJWT_SIG_MAX_LEN];
	size_t n, mac_len;
	int code;

	if (out == NULL || token_len == NULL || key == NULL
		|| (key->data == NULL && key->len != 0)
		|| header == NULL || payload == NULL)
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	oojwt_result_init(&r); /* not memset: the issue lists are 13 KB */
	sign_checks(&r, alg, key, header, header_len, payload, payload_len);
	if (r.n_errors == 0 && out_len < oojwt_sign_size(header_len, payload_len)) {
		oojwt_issue_add(&r, OOJWT_ERR_BUFFER_TOO_SMALL, -1,
			"the output buffer is too small");
	}
	if (r.n_errors != 0) {
		if (err != NULL) {
			*err = r.errors[0];
		}
		return r.errors[0].code;
	}
	/* The header and payload are public: the table encoder. */
	n = oojwt_b64url_encode_public(out, (const unsigned char *)header,
		header_len);
	out[n++] = '.';
	n += oojwt_b64url_encode_public(out + n, (const unsigned char *)payload,
		payload_len);
	mac_len = oojwt_sig_sign(alg, key, out, n, rnd, rnd_len, mac, &code,
		r.errors[0].message); /* sig.c: HS, RS, PS, ES */
	oojwt_wipe_stack(); /* BearSSL's copies of the MAC and key blocks */
	if (mac_len == 0) {
		oojwt_wipe(out, out_len);
		if (err != NULL) {
			err->code = code;
			err->pos = -1;
			oojwt_fmt(err->message, sizeof err->message, "%s",
				r.errors[0].message);
		}
		return code;
	}
	out[n++] = '.';
	n += oojwt_b64url_encode(out + n, mac, mac_len);
	out[n] = 0;
	oojwt_wipe(mac, sizeof mac);
	*token_len = n;
	return OOJWT_OK;
}
