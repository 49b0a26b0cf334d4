/*
 * JWKs of every type (RFC 7517, RFC 7518 6): kty oct, RSA (public or
 * private with CRT parameters) and EC (P-256/384/521), and JWK Sets
 * from which one key is chosen by kid. alg, use and key_ops are
 * honoured; alg must fit the key's type and curve.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

static int
jfail(char *msg, int code, const char *why)
{
	oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "%s", why);
	return code;
}

/* Decode the base64url member `name` into dst (cap bytes). Returns
 * OOJWT_OK, or bad_key with msg; *len 0 and OK when absent and not
 * required. */
static int
b64_member(const oojwt_jv *obj, const char *name, unsigned char *dst,
	size_t cap, size_t *len, int required, char *msg)
{
	unsigned char tmp[700];
	const oojwt_jv *v = oojwt_json_get(obj, name);
	const char *s;
	size_t n, out;
	int code;

	*len = 0;
	if (v == NULL) {
		if (required) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
				"the JWK has no member \"%s\"", name);
			return OOJWT_ERR_BAD_KEY;
		}
		return OOJWT_OK;
	}
	if (oojwt_json_type(v) != OOJWT_JSON_STRING) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
			"the JWK's \"%s\" must be a base64url string", name);
		return OOJWT_ERR_BAD_KEY;
	}
	s = oojwt_json_string(v);
	n = strlen(s);
	if (n / 4 * 3 + 3 > sizeof tmp) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
			"the JWK's \"%s\" is too long", name);
		return OOJWT_ERR_BAD_KEY;
	}
	code = oojwt_b64url_decode_secret(tmp, &out, s, n);
	if (code != OOJWT_OK || out == 0 || out > cap) {
		oojwt_wipe(tmp, sizeof tmp);
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, code != OOJWT_OK
			? "the JWK's \"%s\" is not strict base64url"
			: out == 0 ? "the JWK's \"%s\" is empty"
			: "the JWK's \"%s\" is too long", name);
		return OOJWT_ERR_BAD_KEY;
	}
	memcpy(dst, tmp, out);
	*len = out;
	oojwt_wipe(tmp, sizeof tmp);
	return OOJWT_OK;
}

/* Fixed-size member: exactly `size` bytes. */
static int
fixed_member(const oojwt_jv *obj, const char *name, unsigned char *dst,
	size_t size, int required, size_t *len, char *msg)
{
	unsigned char tmp[OOJWT_EC_MAX_BYTES + 1];
	size_t n;
	int code = b64_member(obj, name, tmp, sizeof tmp, &n, required, msg);

	*len = 0;
	if (code == OOJWT_OK && n != 0 && n != size) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
			"the JWK's \"%s\" is %z bytes; this curve needs exactly %z",
			name, n, size);
		code = OOJWT_ERR_BAD_KEY;
	}
	if (code == OOJWT_OK && n != 0) {
		memcpy(dst, tmp, n);
		*len = n;
	}
	oojwt_wipe(tmp, sizeof tmp);
	return code;
}

static int
read_rsa(oojwt_pkey *pk, const oojwt_jv *j, char *msg)
{
	unsigned char d[OOJWT_RSA_MAX_BYTES];
	size_t d_len;
	int code;

	code = b64_member(j, "n", pk->n, sizeof pk->n, &pk->n_len, 1, msg);
	if (code == OOJWT_OK) {
		code = b64_member(j, "e", pk->e, sizeof pk->e, &pk->e_len, 1, msg);
	}
	if (code == OOJWT_OK) {
		code = b64_member(j, "d", d, sizeof d, &d_len, 0, msg);
		oojwt_wipe(d, sizeof d);
	}
	if (code != OOJWT_OK) {
		return code;
	}
	pk->kind = d_len != 0 ? OOJWT_KEY_RSA_PRIVATE : OOJWT_KEY_RSA_PUBLIC;
	if (d_len == 0) {
		if (oojwt_json_get(j, "p") != NULL || oojwt_json_get(j, "q") != NULL) {
			return jfail(msg, OOJWT_ERR_BAD_KEY,
				"the RSA JWK has p/q but no d");
		}
		return OOJWT_OK;
	}
	if (oojwt_json_get(j, "oth") != NULL) {
		return jfail(msg, OOJWT_ERR_BAD_KEY,
			"multi-prime RSA keys (\"oth\") are not supported");
	}
	code = b64_member(j, "p", pk->p, sizeof pk->p, &pk->p_len, 1, msg);
	if (code == OOJWT_OK) {
		code = b64_member(j, "q", pk->q, sizeof pk->q, &pk->q_len, 1, msg);
	}
	if (code == OOJWT_OK) {
		code = b64_member(j, "dp", pk->dp, sizeof pk->dp, &pk->dp_len, 1, msg);
	}
	if (code == OOJWT_OK) {
		code = b64_member(j, "dq", pk->dq, sizeof pk->dq, &pk->dq_len, 1, msg);
	}
	if (code == OOJWT_OK) {
		code = b64_member(j, "qi", pk->iq, sizeof pk->iq, &pk->iq_len, 1, msg);
	}
	return code;
}

static int
read_ec(oojwt_pkey *pk, const oojwt_jv *j, char *msg)
{
	const oojwt_jv *crv = oojwt_json_get(j, "crv");
	const char *s = oojwt_json_type(crv) == OOJWT_JSON_STRING
		? oojwt_json_string(crv) : "";
	size_t c, xl, yl;
	int code;

	pk->curve = strcmp(s, "P-256") == 0 ? 23 : strcmp(s, "P-384") == 0 ? 24
		: strcmp(s, "P-521") == 0 ? 25 : 0;
	c = oojwt_ec_size(pk->curve);
	if (c == 0) {
		return jfail(msg, OOJWT_ERR_BAD_KEY,
			"the EC JWK's \"crv\" must be P-256, P-384 or P-521");
	}
	pk->pub[0] = 0x04;
	code = fixed_member(j, "x", pk->pub + 1, c, 1, &xl, msg);
	if (code == OOJWT_OK) {
		code = fixed_member(j, "y", pk->pub + 1 + c, c, 1, &yl, msg);
	}
	if (code == OOJWT_OK) {
		code = fixed_member(j, "d", pk->x, c, 0, &pk->x_len, msg);
	}
	if (code != OOJWT_OK) {
		return code;
	}
	pk->pub_len = 1 + 2 * c;
	pk->kind = pk->x_len != 0 ? OOJWT_KEY_EC_PRIVATE : OOJWT_KEY_EC_PUBLIC;
	return OOJWT_OK;
}

static int
read_oct(oojwt_pkey *pk, const oojwt_jv *j, unsigned char *buf,
	size_t buf_len, char *msg)
{
	size_t out;
	int code = oojwt_jwk_oct_secret(j, buf, buf_len, &out, msg);

	if (code != OOJWT_OK) {
		return code;
	}
	pk->kind = OOJWT_KEY_OCT;
	pk->secret = buf;
	pk->secret_len = out;
	return OOJWT_OK;
}

/* alg, use, key_ops, kid of a JWK into pk. */
static int
read_common(oojwt_pkey *pk, const oojwt_jv *j, char *msg)
{
	const oojwt_jv *v;
	unsigned a, fits;
	int code;

	if ((v = oojwt_json_get(j, "alg")) != NULL) {
		a = oojwt_json_type(v) == OOJWT_JSON_STRING
			? oojwt_alg_from_name(oojwt_json_string(v),
				strlen(oojwt_json_string(v))) : 0;
		fits = oojwt_key_algs(pk);
		if ((a & fits) == 0) {
			return jfail(msg, OOJWT_ERR_KEY_MISMATCH,
				"the JWK's \"alg\" does not fit its kty/crv (or is not "
				"a JWS algorithm)");
		}
		pk->algs = a;
		if (pk->kind == OOJWT_KEY_OCT
			&& pk->secret_len < oojwt_hmac_size(a))
		{
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the JWK's secret is %z "
				"bytes; a key for %s must have at least %z (RFC 7518 3.2)",
				pk->secret_len, oojwt_alg_name(a), oojwt_hmac_size(a));
			return OOJWT_ERR_BAD_KEY;
		}
	}
	code = oojwt_jwk_use_ops(j, &pk->ops, msg);
	if (code != OOJWT_OK) {
		return code;
	}
	if ((v = oojwt_json_get(j, "kid")) != NULL) {
		const char *s;
		if (oojwt_json_type(v) != OOJWT_JSON_STRING) {
			return jfail(msg, OOJWT_ERR_BAD_KEY,
				"the JWK's \"kid\" must be a string");
		}
		s = oojwt_json_string(v);
		pk->kid_len = strlen(s);
		if (pk->kid_len > OOJWT_KID_MAX) {
			return jfail(msg, OOJWT_ERR_BAD_KEY, "the JWK's \"kid\" is too long");
		}
		memcpy(pk->kid, s, pk->kid_len + 1);
		pk->has_kid = 1;
	}
	return OOJWT_OK;
}

/* One JWK object. */
static int
read_one(oojwt_pkey *pk, const oojwt_jv *j, unsigned char *buf,
	size_t buf_len, char *msg)
{
	const oojwt_jv *kty = oojwt_json_get(j, "kty");
	const char *s;
	int code;

	if (oojwt_json_type(j) != OOJWT_JSON_OBJECT) {
		return jfail(msg, OOJWT_ERR_BAD_KEY, "a JWK must be a JSON object");
	}
	if (oojwt_json_type(kty) != OOJWT_JSON_STRING) {
		return jfail(msg, OOJWT_ERR_BAD_KEY,
			"the JWK has no string member \"kty\"");
	}
	s = oojwt_json_string(kty);
	if (strcmp(s, "RSA") == 0) {
		code = read_rsa(pk, j, msg);
	} else if (strcmp(s, "EC") == 0) {
		code = read_ec(pk, j, msg);
	} else if (strcmp(s, "oct") == 0) {
		code = read_oct(pk, j, buf, buf_len, msg);
	} else {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "JWKs of kty \"%s\" cannot sign "
			"JWS here (RSA, EC and oct can)", s);
		code = OOJWT_ERR_BAD_KEY;
	}
	if (code == OOJWT_OK) {
		code = read_common(pk, j, msg);
	}
	if (code == OOJWT_OK && pk->kind == OOJWT_KEY_OCT) {
		code = oojwt_pkey_finish(pk, msg);
	}
	return code;
}

static const char *
kid_of(const oojwt_jv *j)
{
	const oojwt_jv *v = oojwt_json_get(j, "kid");

	return oojwt_json_type(v) == OOJWT_JSON_STRING ? oojwt_json_string(v)
		: NULL;
}

/* A key's kid and its index in the set, sorted to find repeated kids. */
typedef struct {
	const char *kid;
	size_t index;
} kid_ref;

static int
cmp_kids(const void *a, const void *b)
{
	const kid_ref *x = (const kid_ref *)a, *y = (const kid_ref *)b;
	int c = strcmp(x->kid, y->kid);

	if (c != 0) {
		return c;
	}
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * The index of the first key whose kid an earlier key of the set already
 * has (n when none; *dup is then NULL), found by sorting the kids: O(n log
 * n) for a set of any size. (size_t)-1 when memory runs out.
 */
static size_t
first_repeated_kid(const oojwt_jv *keys, size_t n, const char **dup)
{
	kid_ref *refs = (kid_ref *)malloc((n != 0 ? n : 1) * sizeof *refs);
	const oojwt_jv *e;
	size_t m = 0, i, at = n;

	*dup = NULL;
	if (refs == NULL) {
		return (size_t)-1;
	}
	for (e = oojwt_json_first(keys, NULL), i = 0; e != NULL;
		e = oojwt_json_next(e, NULL), i++)
	{
		const char *k = kid_of(e);
		if (k != NULL) {
			refs[m].kid = k;
			refs[m].index = i;
			m++;
		}
	}
	oojwt_sort(refs, m, sizeof *refs, cmp_kids);
	for (i = 1; i < m; i++) {
		/* The second of a run of equal kids is where the earlier
		 * one-by-one scan stopped. */
		if (strcmp(refs[i - 1].kid, refs[i].kid) == 0
			&& (i < 2 || strcmp(refs[i - 2].kid, refs[i].kid) != 0)
			&& refs[i].index < at)
		{
			at = refs[i].index;
			*dup = refs[i].kid;
		}
	}
	free(refs);
	return at;
}

/* Could the set's key `e` (an object with a string kty) serve `alg`:
 * its kty and crv fit, and its "alg", when present, names it. As jose's
 * createLocalJWKSet filters a set for a token without kid. */
static int
fits(const oojwt_jv *e, unsigned alg)
{
	const char *kty = oojwt_json_string(oojwt_json_get(e, "kty"));
	const oojwt_jv *a = oojwt_json_get(e, "alg"), *crv = oojwt_json_get(e, "crv");
	const char *c = oojwt_json_type(crv) == OOJWT_JSON_STRING
		? oojwt_json_string(crv) : "";
	unsigned can = strcmp(kty, "oct") == 0 ? OOJWT_ALG_HMAC
		: strcmp(kty, "RSA") == 0 ? (0x3Fu * OOJWT_ALG_RS256)
		: strcmp(kty, "EC") != 0 ? 0
		: strcmp(c, "P-256") == 0 ? OOJWT_ALG_ES256
		: strcmp(c, "P-384") == 0 ? OOJWT_ALG_ES384
		: strcmp(c, "P-521") == 0 ? OOJWT_ALG_ES512 : 0;

	if (a != NULL && (oojwt_json_type(a) != OOJWT_JSON_STRING
		|| strcmp(oojwt_json_string(a), oojwt_alg_name(alg)) != 0))
	{
		return 0;
	}
	return (can & alg) != 0;
}

/* Choose one key of a set; its index in *pick: the key with the kid,
 * else the only key, else the only key that fits `alg`. */
static int
choose(const oojwt_jv *keys, const char *kid, size_t kid_len, unsigned alg,
	size_t *pick, char *msg)
{
	size_t n = oojwt_json_array_size(keys), i, found = 0, fit = 0, rep;
	int sym = 0, asym = 0;
	const oojwt_jv *e;
	const char *dup;

	if (n == 0) {
		return jfail(msg, OOJWT_ERR_BAD_KEY, "the JWK Set has no keys");
	}
	rep = first_repeated_kid(keys, n, &dup);
	if (rep == (size_t)-1) {
		return jfail(msg, OOJWT_ERR_NO_MEMORY, "out of memory");
	}
	for (e = oojwt_json_first(keys, NULL), i = 0; e != NULL;
		e = oojwt_json_next(e, NULL), i++)
	{
		const oojwt_jv *kty = oojwt_json_get(e, "kty");
		const char *ki = kid_of(e);
		if (oojwt_json_type(e) != OOJWT_JSON_OBJECT
			|| oojwt_json_type(kty) != OOJWT_JSON_STRING)
		{
			return jfail(msg, OOJWT_ERR_BAD_KEY,
				"every key of a JWK Set must be an object with a \"kty\"");
		}
		if (strcmp(oojwt_json_string(kty), "oct") == 0) {
			sym = 1;
		} else {
			asym = 1;
		}
		if (i == rep) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the JWK Set has two "
				"keys with kid \"%s\": ambiguous, refused", dup);
			return OOJWT_ERR_BAD_KEY;
		}
		if (kid == NULL || (ki != NULL && strlen(ki) == kid_len
			&& memcmp(ki, kid, kid_len) == 0))
		{
			if (fit == 0) {
				*pick = i;
			}
			found++;
			if (kid == NULL && alg != 0 && fits(e, alg) && fit++ == 0) {
				*pick = i;
			}
		}
	}
	if (found > 1 && fit == 1) {
		found = 1;
	}
	if (sym && asym) {
		return jfail(msg, OOJWT_ERR_BAD_KEY, "the JWK Set mixes shared "
			"secrets and public keys: refused (algorithm confusion)");
	}
	if (found == 0) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the JWK Set has no key with kid "
			"\"%S\"", kid, kid_len);
		return OOJWT_ERR_KEY_MISMATCH;
	}
	if (found > 1) {
		return jfail(msg, OOJWT_ERR_KEY_MISMATCH, "the JWK Set has several "
			"keys that fit and the token names no kid: ambiguous, "
			"refused (give the token a kid, or give the key alone)");
	}
	return OOJWT_OK;
}

int
oojwt_jwk_any(oojwt_key *key, oojwt_pkey *pk, unsigned char *buf,
	size_t buf_len, const char *json, size_t len, const char *kid,
	size_t kid_len, unsigned alg, char *msg)
{
	oojwt_jv *tree;
	const oojwt_jv *keys;
	size_t pick = 0;
	long pos;
	int code;

	(void)key;
	code = oojwt_json_parse(&tree, json, len, &pos, msg);
	if (code != OOJWT_OK) {
		return code;
	}
	keys = oojwt_json_get(tree, "keys");
	if (oojwt_json_type(tree) == OOJWT_JSON_OBJECT && keys != NULL
		&& oojwt_json_get(tree, "kty") == NULL)
	{
		if (oojwt_json_type(keys) != OOJWT_JSON_ARRAY) {
			code = jfail(msg, OOJWT_ERR_BAD_KEY,
				"a JWK Set's \"keys\" must be an array");
		} else {
			code = choose(keys, kid, kid_len, alg, &pick, msg);
		}
		if (code == OOJWT_OK) {
			code = read_one(pk, oojwt_json_array_at(keys, pick), buf,
				buf_len, msg);
			pk->format = OOJWT_KEYFMT_JWKS;
		}
	} else {
		code = read_one(pk, tree, buf, buf_len, msg);
		pk->format = OOJWT_KEYFMT_JWK;
	}
	oojwt_json_free_wipe(tree);
	return code;
}
