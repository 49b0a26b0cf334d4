/*
 * Which algorithms fit a key: one function (oojwt_key_algs, key.c) now
 * decides it for the JWK reader's "alg" check, the signature dispatcher
 * and kit.keyInfo. Before, an EC key on a curve oojwt does not know was
 * given ES512 by two of them and nothing by the third; now nothing.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

#define ALG_RSA_ALL (OOJWT_ALG_RS256 | OOJWT_ALG_RS384 | OOJWT_ALG_RS512 \
	| OOJWT_ALG_PS256 | OOJWT_ALG_PS384 | OOJWT_ALG_PS512)

/* A P-256 public JWK whose point is the curve's generator, with `alg`. */
#define P256_JWK(alg) "{\"kty\":\"EC\",\"crv\":\"P-256\"," \
	"\"x\":\"axfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5RdiYwpY\"," \
	"\"y\":\"T-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU\"" alg "}"

void
suite_key_algs(const char *ours, const char *shared)
{
	static const struct {
		int kind, curve;
		unsigned algs;
	} table[] = {
		{ OOJWT_KEY_OCT, 0, OOJWT_ALG_HMAC },
		{ OOJWT_KEY_RSA_PUBLIC, 0, ALG_RSA_ALL },
		{ OOJWT_KEY_RSA_PRIVATE, 0, ALG_RSA_ALL },
		{ OOJWT_KEY_EC_PUBLIC, 23, OOJWT_ALG_ES256 },
		{ OOJWT_KEY_EC_PRIVATE, 24, OOJWT_ALG_ES384 },
		{ OOJWT_KEY_EC_PUBLIC, 25, OOJWT_ALG_ES512 },
		{ OOJWT_KEY_EC_PUBLIC, 0, 0 },    /* no curve */
		{ OOJWT_KEY_EC_PRIVATE, 22, 0 },  /* secp256k1's BearSSL number */
		{ OOJWT_KEY_EC_PUBLIC, 26, 0 },
		{ 0, 0, 0 },
		{ 99, 23, 0 },
	};
	static const struct {
		const char *jwk;
		int code;
	} jwks[] = {
		{ P256_JWK(""), OOJWT_OK },
		{ P256_JWK(",\"alg\":\"ES256\""), OOJWT_OK },
		{ P256_JWK(",\"alg\":\"ES384\""), OOJWT_ERR_KEY_MISMATCH },
		{ P256_JWK(",\"alg\":\"ES512\""), OOJWT_ERR_KEY_MISMATCH },
		{ P256_JWK(",\"alg\":\"RS256\""), OOJWT_ERR_KEY_MISMATCH },
		{ P256_JWK(",\"alg\":\"HS256\""), OOJWT_ERR_KEY_MISMATCH },
	};
	oojwt_pkey pk;
	oojwt_key key;
	oojwt_result r;
	char msg[OOJWT_MESSAGE_LEN];
	size_t i;
	test t;

	(void)ours;
	(void)shared;
	test_begin(&t, "key algorithms: one answer per kind and curve");
	for (i = 0; i < sizeof table / sizeof *table; i++) {
		memset(&pk, 0, sizeof pk);
		pk.kind = table[i].kind;
		pk.curve = table[i].curve;
		expect(&t, oojwt_key_algs(&pk) == table[i].algs, "kind %d curve %d: %#x, want %#x",
			table[i].kind, table[i].curve, oojwt_key_algs(&pk), table[i].algs);
	}
	test_end(&t);

	test_begin(&t, "key algorithms: a JWK's alg must be the one its curve serves");
	for (i = 0; i < sizeof jwks / sizeof *jwks; i++) {
		char *copy = exact_copy(jwks[i].jwk, strlen(jwks[i].jwk));
		int code = oojwt_key_read(&key, &pk, NULL, 0, copy, strlen(jwks[i].jwk),
			NULL, 0, msg);
		expect(&t, code == jwks[i].code, "row %zu: %s (%s)", i, cname(code),
			code != OOJWT_OK ? msg : "");
		oojwt_pkey_wipe(&pk);
		free(copy);
	}
	test_end(&t);

	test_begin(&t, "key algorithms: the verifier refuses an EC key with no known curve");
	memset(&pk, 0, sizeof pk);
	memset(&key, 0, sizeof key);
	memset(&r, 0, sizeof r);
	pk.kind = OOJWT_KEY_EC_PUBLIC;
	pk.curve = 26;
	key.pkey = &pk;
	expect(&t, oojwt_sig_key_usable(&r, &key, OOJWT_ALG_ES512, OOJWT_KEYOP_VERIFY) == 0
		&& r.n_errors == 1 && r.errors[0].code == OOJWT_ERR_KEY_MISMATCH,
		"an unknown curve was usable for ES512 (%zu errors)", r.n_errors);
	oojwt_result_free(&r);
	test_end(&t);
}
