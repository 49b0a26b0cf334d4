/*
 * The connectors' JWT libraries (src/ds/jwt_libraries.c) at their
 * boundaries, each row taken from the library's own source: php-jwt
 * src/JWT.php decode() (floor since 6.9, iat skipped with nbf since 6.6,
 * key length in 7.0), PyJWT 2.6 api_jwt.py _validate_iat, java-jwt 4.0.0
 * JWTVerifier assertInstantIsFuture/Past (exp strict, leeway), and the
 * connector table's invariants (src/ds/connectors.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

#define AT_NOW 1765000000.0

/* An HS token over `payload` (JSON text) with `secret`. */
static void
hs_token(str *s, const char *alg, const char *payload, const char *secret)
{
	char header[64];
	unsigned char mac[64];
	size_t n;

	snprintf(header, sizeof header, "{\"alg\":\"%s\",\"typ\":\"JWT\"}", alg);
	str_b64(s, header, strlen(header));
	str_puts(s, ".");
	str_b64(s, payload, strlen(payload));
	n = oojwt_hmac(oojwt_alg_from_name(alg, strlen(alg)),
		(const unsigned char *)secret, strlen(secret), s->p, s->len, mac);
	str_puts(s, ".");
	str_b64(s, mac, n);
}

static const oojwt_jwt_library *
lib(const char *id)
{
	size_t i;

	for (i = 0; i < oojwt_jwt_library_count(); i++) {
		if (strcmp(oojwt_jwt_library_at(i)->id, id) == 0) {
			return oojwt_jwt_library_at(i);
		}
	}
	return NULL;
}

static const struct {
	const char *lib, *alg, *payload, *secret;
	double leeway;
	int code;
	const char *words;
} cases[] = {
	/* php-jwt 6.9+: floor($payload->iat) > $timestamp + $leeway */
	{ "php-jwt-6.9", "HS256", "{\"iat\":1765000000.9}", "s3cret", 0, OOJWT_OK, "" },
	{ "php-jwt-6.9", "HS256", "{\"iat\":1765000001}", "s3cret", 0,
	  OOJWT_WARN_IAT_IN_FUTURE,
	  "Cannot handle token with iat prior to 2025-12-06T05:46:41+0000" },
	{ "php-jwt-6.9", "HS256", "{\"iat\":1765000001}", "s3cret", 1, OOJWT_OK, "" },
	/* since 6.6 no iat check when nbf is set; 6.0-6.5 check both */
	{ "php-jwt-6.9", "HS256", "{\"nbf\":1765000000,\"iat\":1765000100}", "s3cret", 0, OOJWT_OK, "" },
	{ "php-jwt-6.0", "HS256", "{\"nbf\":1765000000,\"iat\":1765000100}", "s3cret", 0,
	  OOJWT_WARN_IAT_IN_FUTURE, "Cannot handle token prior to 2025-12-06T05:48:20+0000" },
	{ "php-jwt-6.0", "HS256", "{\"iat\":1765000000.5}", "s3cret", 0,
	  OOJWT_WARN_IAT_IN_FUTURE, NULL },
	/* ($timestamp - $leeway) >= $payload->exp */
	{ "php-jwt-6.9", "HS256", "{\"exp\":1765000000}", "s3cret", 0, OOJWT_ERR_EXPIRED, "Expired token" },
	{ "php-jwt-6.9", "HS256", "{\"exp\":1765000001}", "s3cret", 0, OOJWT_OK, "" },
	/* the Key's algorithm must be the token's */
	{ "php-jwt-6.9", "HS384", "{}", "s3cret", 0, OOJWT_ERR_ALG_NOT_ALLOWED,
	  "Incorrect key for this algorithm" },
	{ "php-jwt-6.9", "HS256", "{}", "", 0, OOJWT_ERR_EMPTY_KEY,
	  "Key material must not be empty" },
	/* 7.0: strlen($key) * 8 < 256 */
	{ "php-jwt-7", "HS256", "{}", "0123456789abcdef0123456789abcde", 0,
	  OOJWT_WARN_SHORT_KEY, "Provided key is too short" },
	{ "php-jwt-7", "HS256", "{}", "0123456789abcdef0123456789abcdef", 0, OOJWT_OK, "" },
	{ "php-jwt-7", "HS256", "{\"iat\":1765000100}", "0123456789abcdef0123456789abcdef", 0,
	  OOJWT_WARN_IAT_IN_FUTURE, "Cannot handle token with iat prior to 2025-12-06T05:48:20+00:00" },
	/* PyJWT: iat > now + leeway, unfloored */
	{ "pyjwt-2", "HS256", "{\"iat\":1765000000.5}", "s3cret", 0,
	  OOJWT_WARN_IAT_IN_FUTURE, "The token is not yet valid (iat)" },
	{ "pyjwt-2", "HS256", "{\"iat\":1765000060}", "s3cret", 60, OOJWT_OK, "" },
	{ "pyjwt-2", "HS512", "{}", "s3cret", 0, OOJWT_ERR_ALG_NOT_ALLOWED,
	  "The specified alg value is not allowed" },
	/* java-jwt: expired when now - leeway is after exp */
	{ "java-jwt-4", "HS256", "{\"exp\":1765000000}", "s3cret", 0, OOJWT_OK, "" },
	{ "java-jwt-4", "HS256", "{\"exp\":1764999999}", "s3cret", 0, OOJWT_ERR_EXPIRED,
	  "The Token has expired on 2025-12-06T05:46:39Z." },
	/* jsonwebtoken: any HS, iat never checked */
	{ "jsonwebtoken-9", "HS512", "{\"iat\":1865000000}", "s3cret", 0, OOJWT_OK, "" },
	{ "jsonwebtoken-9", "HS256", "{\"nbf\":1765000001}", "s3cret", 0,
	  OOJWT_ERR_NOT_YET_VALID, "jwt not active" },
	/* ruby-jwt: exp.to_i <= now - leeway */
	{ "ruby-jwt-2", "HS256", "{\"exp\":1765000000.9}", "s3cret", 0, OOJWT_ERR_EXPIRED,
	  "Signature has expired" },
	/* claims far outside any calendar: floored and compared, no overflow */
	{ "php-jwt-6.9", "HS256", "{\"exp\":1e300}", "s3cret", 0, OOJWT_OK, "" },
	{ "php-jwt-6.9", "HS256", "{\"iat\":1e300}", "s3cret", 0,
	  OOJWT_WARN_IAT_IN_FUTURE, NULL },
	{ "ruby-jwt-2", "HS256", "{\"exp\":-1e300}", "s3cret", 0, OOJWT_ERR_EXPIRED,
	  "Signature has expired" },
	/* a time claim that is not a number: not modelled (known 0) */
	{ "php-jwt-6.9", "HS256", "{\"exp\":\"soon\"}", "s3cret", 0, OOJWT_ERR_BAD_CLAIM, NULL },
};

static void
library_cases(void)
{
	oojwt_library_verdict v;
	size_t i;
	test t;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		str tok = { 0 };
		char *exact;
		int code;
		hs_token(&tok, cases[i].alg, cases[i].payload, "s3cret");
		if (strcmp(cases[i].secret, "s3cret") != 0) {
			str_free(&tok);
			hs_token(&tok, cases[i].alg, cases[i].payload, cases[i].secret);
		}
		exact = exact_copy(tok.p, tok.len);
		test_begin(&t, "library %s: %s %s leeway %g", cases[i].lib,
			cases[i].alg, cases[i].payload, cases[i].leeway);
		code = oojwt_library_verify(&v, lib(cases[i].lib), OOJWT_ALG_HS256,
			exact, tok.len, (const unsigned char *)cases[i].secret,
			strlen(cases[i].secret), AT_NOW, cases[i].leeway);
		expect(&t, code == OOJWT_OK, "returned %s", cname(code));
		expect(&t, v.code == cases[i].code, "code %s, want %s", cname(v.code),
			cname(cases[i].code));
		expect(&t, cases[i].words == NULL || strcmp(v.message,
			cases[i].words) == 0, "words \"%s\"", v.message);
		expect(&t, v.known == (cases[i].code != OOJWT_ERR_BAD_CLAIM),
			"known %d", v.known);
		test_end(&t);
		free(exact);
		str_free(&tok);
	}
}

static void
contracts(void)
{
	oojwt_library_verdict v;
	size_t i, j;
	test t;
	const unsigned char k[] = "k";

	test_begin(&t, "library: bad arguments");
	expect(&t, oojwt_library_verify(NULL, lib("pyjwt-2"), OOJWT_ALG_HS256,
		"a.b.c", 5, k, 1, AT_NOW, 0) == OOJWT_ERR_BAD_ARGUMENT, "NULL verdict");
	expect(&t, oojwt_library_verify(&v, NULL, OOJWT_ALG_HS256, "a.b.c", 5, k,
		1, AT_NOW, 0) == OOJWT_ERR_BAD_ARGUMENT, "NULL library");
	expect(&t, oojwt_library_verify(&v, lib("pyjwt-2"), OOJWT_ALG_RS256,
		"a.b.c", 5, k, 1, AT_NOW, 0) == OOJWT_ERR_BAD_ARGUMENT, "RS256");
	expect(&t, oojwt_library_verify(&v, lib("pyjwt-2"), OOJWT_ALG_HMAC,
		"a.b.c", 5, k, 1, AT_NOW, 0) == OOJWT_ERR_BAD_ARGUMENT, "two algorithms");
	expect(&t, oojwt_library_verify(&v, lib("pyjwt-2"), OOJWT_ALG_HS256,
		"a.b.c", 5, k, 1, AT_NOW, -1) == OOJWT_ERR_BAD_ARGUMENT, "negative leeway");
	expect(&t, oojwt_library_verify(&v, lib("pyjwt-2"), OOJWT_ALG_HS256,
		"a.b", 3, k, 1, AT_NOW, 0) == OOJWT_OK && v.code == OOJWT_ERR_MALFORMED
		&& strcmp(v.message, "Not enough segments") == 0, "two segments: %s",
		v.message);
	test_end(&t);

	test_begin(&t, "connectors: ids unique and found, libraries known");
	for (i = 0; i < oojwt_connector_count(); i++) {
		const oojwt_connector *c = oojwt_connector_at(i);
		expect(&t, oojwt_jwt_library_at((size_t)c->library) != NULL,
			"%s's library", c->id);
		expect(&t, oojwt_connector_find(c->id, strlen(c->id)) == (int)i,
			"find %s", c->id);
		for (j = 0; j < i; j++) {
			expect(&t, strcmp(oojwt_connector_at(j)->id, c->id) != 0,
				"%s twice", c->id);
		}
	}
	expect(&t, oojwt_connector_count() <= OOJWT_MAX_CONNECTORS, "fits");
	expect(&t, oojwt_connector_find("nextcloud", 4) == -1, "prefix of an id");
	expect(&t, oojwt_connector_at(oojwt_connector_count()) == NULL, "past end");
	test_end(&t);
}

void
suite_connectors(const char *ours, const char *shared)
{
	(void)ours;
	(void)shared;
	library_cases();
	contracts();
}
