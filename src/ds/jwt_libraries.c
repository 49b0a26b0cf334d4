/*
 * The JWT libraries the connectors verify Document Server's callbacks
 * with, one row per version that decides differently, and one function
 * that decides as a row does. Only HS tokens: DS signs callbacks with
 * token.outbox.algorithm, an HS algorithm.
 *
 * Sources, read at the tags named (and, where `exact` is 1, run here):
 * firebase/php-jwt src/JWT.php decode() and src/Key.php; PyJWT 2.6.0
 * jwt/api_jwt.py _validate_claims and jwt/api_jws.py; ruby-jwt 2.5.0
 * lib/jwt/verify.rb; auth0/java-jwt 4.0.0 JWTVerifier.java
 * assertValidInstantClaim; jsonwebtoken 9.0.2 verify.js; golang-jwt
 * v5.2.2 validator.go and errors.go.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

static const oojwt_jwt_library libraries[] = {
	{ "php-jwt-6.0", "firebase/php-jwt 6.0 to 6.5", OOJWT_LIB_ALG_ONE,
	  OOJWT_LIB_IAT_ALWAYS, 0, 0, 0, 1, "nie",
	  "Wrong number of segments", "Incorrect key for this algorithm", NULL,
	  "Key material must not be empty", "Signature verification failed",
	  "Cannot handle token prior to %s", "Cannot handle token prior to %s",
	  "Expired token", "+0000", 1,
	  "firebase/php-jwt v6.4.0 src/JWT.php decode()" },
	{ "php-jwt-6.6", "firebase/php-jwt 6.6 to 6.8", OOJWT_LIB_ALG_ONE,
	  OOJWT_LIB_IAT_UNLESS_NBF, 0, 0, 0, 1, "nie",
	  "Wrong number of segments", "Incorrect key for this algorithm", NULL,
	  "Key material must not be empty", "Signature verification failed",
	  "Cannot handle token prior to %s", "Cannot handle token prior to %s",
	  "Expired token", "+0000", 0,
	  "firebase/php-jwt v6.8.0 src/JWT.php decode()" },
	{ "php-jwt-6.9", "firebase/php-jwt 6.9 to 6.11", OOJWT_LIB_ALG_ONE,
	  OOJWT_LIB_IAT_UNLESS_NBF, 1, 0, 0, 1, "nie",
	  "Wrong number of segments", "Incorrect key for this algorithm", NULL,
	  "Key material must not be empty", "Signature verification failed",
	  "Cannot handle token with iat prior to %s",
	  "Cannot handle token with nbf prior to %s", "Expired token", "+0000",
	  1, "firebase/php-jwt v6.11.1 src/JWT.php decode()" },
	{ "php-jwt-7", "firebase/php-jwt 7.0", OOJWT_LIB_ALG_ONE,
	  OOJWT_LIB_IAT_UNLESS_NBF, 1, 0, 1, 1, "nie",
	  "Wrong number of segments", "Incorrect key for this algorithm",
	  "Provided key is too short", "Key material must not be empty",
	  "Signature verification failed",
	  "Cannot handle token with iat prior to %s",
	  "Cannot handle token with nbf prior to %s", "Expired token", "+00:00",
	  1, "firebase/php-jwt v7.0.5 src/JWT.php decode(), "
	  "validateHmacKeyLength()" },
	{ "pyjwt-2", "PyJWT 2.6", OOJWT_LIB_ALG_ONE, OOJWT_LIB_IAT_CHECKED, 0,
	  0, 0, 0, "ine", "Not enough segments",
	  "The specified alg value is not allowed", NULL, NULL,
	  "Signature verification failed", "The token is not yet valid (iat)",
	  "The token is not yet valid (nbf)", "Signature has expired", NULL, 1,
	  "PyJWT 2.6.0 jwt/api_jwt.py _validate_claims" },
	{ "ruby-jwt-2", "ruby-jwt 2.5 to 2.8", OOJWT_LIB_ALG_ONE,
	  OOJWT_LIB_IAT_NONE, 1, 0, 0, 0, "en", "Not enough or too many segments",
	  "Expected a different algorithm", NULL, NULL,
	  "Signature verification failed", NULL,
	  "Signature nbf has not been reached", "Signature has expired", NULL, 1,
	  "ruby-jwt 2.5.0 lib/jwt/verify.rb" },
	{ "java-jwt-4", "auth0 java-jwt 4.0", OOJWT_LIB_ALG_ONE,
	  OOJWT_LIB_IAT_CHECKED, 1, 1, 0, 1, "eni",
	  "The token was expected to have 3 parts",
	  "The provided Algorithm doesn't match the one defined in the JWT's "
	  "Header.", NULL, "Empty key",
	  "The Token's Signature resulted invalid when verified using the "
	  "Algorithm: HS256", "The Token can't be used before %s.",
	  "The Token can't be used before %s.", "The Token has expired on %s.",
	  "Z", 0, "auth0/java-jwt 4.0.0 JWTVerifier.java "
	  "assertValidInstantClaim" },
	{ "jsonwebtoken-9", "jsonwebtoken 9.0", OOJWT_LIB_ALG_ANY_HS,
	  OOJWT_LIB_IAT_NONE, 0, 0, 0, 1, "ne", "jwt malformed",
	  "invalid algorithm", NULL, "secret or public key must be provided",
	  "invalid signature", NULL, "jwt not active", "jwt expired", NULL, 1,
	  "jsonwebtoken 9.0.2 verify.js" },
	{ "golang-jwt-5", "golang-jwt v5", OOJWT_LIB_ALG_ANY_HS,
	  OOJWT_LIB_IAT_NONE, 0, 0, 0, 0, "en",
	  "token is malformed: token contains an invalid number of segments",
	  "token is unverifiable: signing method is invalid", NULL, NULL,
	  "token signature is invalid: signature is invalid", NULL,
	  "token has invalid claims: token is not valid yet",
	  "token has invalid claims: token is expired", NULL, 0,
	  "golang-jwt/jwt v5.2.2 validator.go, errors.go" },
	{ "prime-jwt-1", "prime-jwt 1.3", OOJWT_LIB_ALG_ONE, OOJWT_LIB_IAT_NONE,
	  1, 0, 0, 0, "en", "InvalidJWTException",
	  "MissingVerifierException: no verifier for this algorithm", NULL,
	  NULL, "InvalidJWTSignatureException", NULL,
	  "JWTUnavailableForProcessingException", "JWTExpiredException", NULL,
	  0, "ONLYOFFICE/document-server-integration java example (prime-jwt "
	  "1.3.1)" },
	{ "jwt-dotnet-9", "Jwt.Net 9.0", OOJWT_LIB_ALG_ONE, OOJWT_LIB_IAT_NONE,
	  1, 0, 0, 0, "en", "Token must consist of 3 delimited by dot parts.",
	  "Algorithm from header does not match the configured algorithm", NULL,
	  NULL, "SignatureVerificationException: Invalid signature", NULL,
	  "TokenNotYetValidException: Token is not yet valid.",
	  "TokenExpiredException: Token has expired.", NULL, 0,
	  "ONLYOFFICE/document-server-integration csharp example (JWT 9.0.3, "
	  "MustVerifySignature)" },
};

#define N_LIBRARIES (sizeof libraries / sizeof libraries[0])

size_t
oojwt_jwt_library_count(void)
{
	return N_LIBRARIES;
}

const oojwt_jwt_library *
oojwt_jwt_library_at(size_t i)
{
	return i < N_LIBRARIES ? &libraries[i] : NULL;
}

/* The library's words, with the claim's date where they name one. */
static void
say(oojwt_library_verdict *v, const oojwt_jwt_library *lib,
	const char *words, double when)
{
	char utc[40], date[40];
	const char *pct = words != NULL ? strstr(words, "%s") : NULL;

	if (words == NULL) {
		v->message[0] = 0;
		return;
	}
	if (pct == NULL) {
		oojwt_fmt(v->message, sizeof v->message, "%s", words);
		return;
	}
	/* "2026-11-22 14:52:12 UTC" -> "2026-11-22T14:52:12" + suffix */
	/* a claim far outside any calendar: held at the edge of the range
	 * the cast below can take (JavaScript's Date range, 8.64e15 s) */
	when = when > 8.64e15 ? 8.64e15 : when < -8.64e15 ? -8.64e15 : when;
	oojwt_utc_text(utc, sizeof utc, (long long)when);
	oojwt_fmt(date, sizeof date, "%S", utc, (size_t)19);
	if (strlen(date) == 19) {
		date[10] = 'T';
	}
	oojwt_fmt(v->message, sizeof v->message, "%S%s%s%s", words,
		(size_t)(pct - words), date,
		lib->date_suffix != NULL ? lib->date_suffix : "", pct + 2);
}

oojwt_jv *
oojwt_segment_json(const char *s, size_t n, int *nomem)
{
	unsigned char *buf = (unsigned char *)malloc(n + 1);
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_jv *tree = NULL;
	size_t len = n, dups = 0, at;
	long pos;
	int code;

	if (buf == NULL) {
		*nomem = 1;
		return NULL;
	}
	if (oojwt_b64url_decode(buf, &len, s, n, &at) == OOJWT_OK) {
		code = oojwt_json_parse_ex(&tree, (const char *)buf, len,
			OOJWT_JSON_LAST_WINS, &dups, &pos, msg);
		if (code == OOJWT_ERR_NO_MEMORY) {
			*nomem = 1;
		}
		if (code != OOJWT_OK) {
			tree = NULL;
		}
	}
	free(buf);
	return tree;
}

/* 1 when the MAC of the signing input under `alg` is the signature. */
static int
mac_matches(unsigned alg, const unsigned char *secret, size_t secret_len,
	const char *token, size_t input_len, const char *sig, size_t sig_len)
{
	unsigned char mac[64], got[64];
	size_t n = oojwt_hmac(alg, secret, secret_len, token, input_len, mac);
	size_t got_len = sizeof got, at;
	int ok = 0;

	if (n > 0 && oojwt_b64url_encoded_len(n) == sig_len
		&& oojwt_b64url_decode(got, &got_len, sig, sig_len, &at) == OOJWT_OK
		&& got_len == n)
	{
		ok = oojwt_ct_equal(mac, got, n);
	}
	oojwt_wipe(mac, sizeof mac);
	oojwt_wipe(got, sizeof got);
	return ok;
}

/* One time claim: 0 when it passes (or is absent), else its code with
 * the library's words in v. */
static int
claim(oojwt_library_verdict *v, const oojwt_jwt_library *lib,
	const oojwt_jv *payload, char which, double now, double leeway)
{
	const char *name = which == 'n' ? "nbf" : which == 'i' ? "iat" : "exp";
	const oojwt_jv *c = oojwt_json_get(payload, name);
	double t, f;

	if (c == NULL || oojwt_json_type(c) == OOJWT_JSON_NULL) {
		return OOJWT_OK;
	}
	if (oojwt_json_type(c) != OOJWT_JSON_NUMBER) {
		oojwt_fmt(v->message, sizeof v->message, "%s is not a number: what "
			"%s does with it is not modelled here", name, lib->name);
		v->known = 0;
		return OOJWT_ERR_BAD_CLAIM;
	}
	t = oojwt_json_number(c);
	f = lib->floor ? floor(t) : t;
	v->when = f;
	switch (which) {
	case 'n':
		if (f > now + leeway) {
			say(v, lib, lib->msg_nbf, f);
			return OOJWT_ERR_NOT_YET_VALID;
		}
		return OOJWT_OK;
	case 'i':
		if (lib->iat_rule == OOJWT_LIB_IAT_NONE
			|| (lib->iat_rule == OOJWT_LIB_IAT_UNLESS_NBF
			&& oojwt_json_get(payload, "nbf") != NULL))
		{
			return OOJWT_OK;
		}
		if (f > now + leeway) {
			say(v, lib, lib->msg_iat, f);
			return OOJWT_WARN_IAT_IN_FUTURE;
		}
		return OOJWT_OK;
	default:
		if (lib->exp_strict ? now - leeway > f : now - leeway >= f) {
			say(v, lib, lib->msg_exp, f);
			return OOJWT_ERR_EXPIRED;
		}
		return OOJWT_OK;
	}
}

static int
decide(oojwt_library_verdict *v, const oojwt_jwt_library *lib,
	unsigned want, const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, double now,
	double leeway, int *nomem)
{
	oojwt_jv *header = NULL, *payload = NULL;
	const oojwt_jv *alg;
	const char *o;
	size_t d1, d2;
	int code = OOJWT_OK;

	if (lib->empty_key && secret_len == 0) {
		say(v, lib, lib->msg_empty_key, 0);
		return OOJWT_ERR_EMPTY_KEY;
	}
	if (oojwt_dots(token, len, &d1, &d2) != 2) {
		say(v, lib, lib->msg_segments, 0);
		return OOJWT_ERR_MALFORMED;
	}
	header = oojwt_segment_json(token, d1, nomem);
	payload = oojwt_segment_json(token + d1 + 1, d2 - d1 - 1, nomem);
	alg = oojwt_json_get(header, "alg");
	if (oojwt_json_type(header) != OOJWT_JSON_OBJECT
		|| oojwt_json_type(payload) != OOJWT_JSON_OBJECT
		|| oojwt_json_type(alg) != OOJWT_JSON_STRING)
	{
		/* every library refuses it; its words are not modelled */
		oojwt_fmt(v->message, sizeof v->message, "not a JWT it can read (the "
			"header or the payload is not base64url JSON, or no alg)");
		code = OOJWT_ERR_BAD_HEADER;
		goto out;
	}
	o = oojwt_json_string(alg);
	v->alg = oojwt_alg_from_name(o, strlen(o)) & OOJWT_ALG_HMAC;
	if (v->alg == 0 || (lib->alg_rule == OOJWT_LIB_ALG_ONE
		&& v->alg != want))
	{
		say(v, lib, lib->msg_alg, 0);
		code = OOJWT_ERR_ALG_NOT_ALLOWED;
		goto out;
	}
	if (lib->key_min && secret_len < oojwt_hmac_size(v->alg)) {
		say(v, lib, lib->msg_key, 0);
		code = OOJWT_WARN_SHORT_KEY;
		goto out;
	}
	if (!mac_matches(v->alg, secret, secret_len, token, d2, token + d2 + 1,
		len - d2 - 1))
	{
		say(v, lib, lib->msg_signature, 0);
		code = OOJWT_ERR_BAD_SIGNATURE;
		goto out;
	}
	for (o = lib->order; *o != 0 && code == OOJWT_OK; o++) {
		code = claim(v, lib, payload, *o, now, leeway);
	}
out:
	oojwt_json_free(header);
	oojwt_json_free(payload);
	return code;
}

int
oojwt_library_verify(oojwt_library_verdict *v, const oojwt_jwt_library *lib,
	unsigned alg, const char *token, size_t len, const unsigned char *secret,
	size_t secret_len, double now, double leeway)
{
	int nomem = 0;

	if (v == NULL) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(v, 0, sizeof *v);
	if (lib == NULL || (token == NULL && len > 0) || (secret == NULL
		&& secret_len > 0) || (alg & OOJWT_ALG_HMAC) == 0
		|| (alg & (alg - 1)) != 0 || !(now - now == 0) || !(leeway >= 0))
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	v->known = 1;
	/* the libraries compare whole seconds of now (time(), to_i, ...) */
	now = floor(now);
	v->code = decide(v, lib, alg, token != NULL ? token : "", len, secret,
		secret_len, now, leeway, &nomem);
	return nomem ? OOJWT_ERR_NO_MEMORY : OOJWT_OK;
}
