/*
 * oojwt_sign: the signing-refusal table and NULL arguments.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

static const struct {
	const char *name;
	unsigned alg;
	int key;
	unsigned key_algs, key_ops;
	const char *header, *payload;
	size_t shrink;          /* output buffer this much below the size */
	int code;
} sign_table[] = {
	{ "control: HS256", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR, PAYLOAD, 0,
	  OOJWT_OK },
	{ "control: HS384 key for HS384", OOJWT_ALG_HS384, KEY_MAIN,
	  OOJWT_ALG_HS384, OOJWT_KEYOP_SIGN, "{\"alg\":\"HS384\"}", "{}", 0,
	  OOJWT_OK },
	{ "empty key", OOJWT_ALG_HS256, KEY_EMPTY, 0, 0, HDR, PAYLOAD, 0,
	  OOJWT_ERR_EMPTY_KEY },
	{ "header alg differs from alg", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS384\"}", PAYLOAD, 0, OOJWT_ERR_BAD_HEADER },
	{ "header alg in another case", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"hs256\"}", PAYLOAD, 0, OOJWT_ERR_BAD_HEADER },
	{ "header alg escaped (read through a tree)", OOJWT_ALG_HS256,
	  KEY_MAIN, 0, 0, "{\"alg\":\"HS\\u0032\\u00356\"}", PAYLOAD, 0,
	  OOJWT_OK },
	{ "header alg escaped, another alg", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS\\u0032\\u00357\"}", PAYLOAD, 0,
	  OOJWT_ERR_BAD_HEADER },
	{ "header alg a number", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":256}", PAYLOAD, 0, OOJWT_ERR_BAD_HEADER },
	{ "header alg a prefix of the alg", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS25\"}", PAYLOAD, 0, OOJWT_ERR_BAD_HEADER },
	{ "header alg with the alg as prefix", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS2560\"}", PAYLOAD, 0, OOJWT_ERR_BAD_HEADER },
	{ "header alg only in a nested object", OOJWT_ALG_HS256, KEY_MAIN, 0,
	  0, "{\"x\":{\"alg\":\"HS256\"}}", PAYLOAD, 0, OOJWT_ERR_BAD_HEADER },
	{ "header without alg", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"typ\":\"JWT\"}", PAYLOAD, 0, OOJWT_ERR_BAD_HEADER },
	{ "header not JSON", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS256\",}", PAYLOAD, 0, OOJWT_ERR_BAD_JSON },
	{ "header with a duplicate", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS256\",\"alg\":\"HS256\"}", PAYLOAD, 0,
	  OOJWT_ERR_DUPLICATE_MEMBER },
	/* What verify refuses (jws.c header_rest), sign does not write. */
	{ "header with crit", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", PAYLOAD, 0,
	  OOJWT_ERR_CRIT },
	{ "header with an empty crit", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS256\",\"crit\":[]}", PAYLOAD, 0, OOJWT_ERR_CRIT },
	{ "header with an escaped crit", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS256\",\"\\u0063rit\":[\"b64\"]}", PAYLOAD, 0,
	  OOJWT_ERR_CRIT },
	{ "header with b64 false", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS256\",\"b64\":false}", PAYLOAD, 0, OOJWT_ERR_CRIT },
	{ "header with b64 a string", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS256\",\"b64\":\"false\"}", PAYLOAD, 0,
	  OOJWT_ERR_CRIT },
	{ "control: header with b64 true", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS256\",\"b64\":true}", PAYLOAD, 0, OOJWT_OK },
	{ "header an array", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, "[]", PAYLOAD, 0,
	  OOJWT_ERR_NOT_AN_OBJECT },
	{ "payload an array", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR, "[1]", 0,
	  OOJWT_ERR_NOT_AN_OBJECT },
	{ "payload a number", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR, "42", 0,
	  OOJWT_ERR_NOT_AN_OBJECT },
	{ "payload too deep", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR,
	  DEEP65, 0,
	  OOJWT_ERR_TOO_DEEP },
	{ "exp as a string", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR,
	  "{\"exp\":\"1700000000\"}", 0, OOJWT_ERR_BAD_CLAIM },
	{ "nbf as an object", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR,
	  "{\"nbf\":{}}", 0, OOJWT_ERR_BAD_CLAIM },
	{ "iat as a boolean", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR,
	  "{\"iat\":true}", 0, OOJWT_ERR_BAD_CLAIM },
	{ "alg RS256 with a secret", OOJWT_ALG_RS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"RS256\"}", PAYLOAD, 0, OOJWT_ERR_KEY_MISMATCH },
	{ "alg EdDSA", OOJWT_ALG_EDDSA, KEY_MAIN, 0, 0, "{\"alg\":\"EdDSA\"}",
	  PAYLOAD, 0, OOJWT_ERR_UNSUPPORTED_ALG },
	{ "alg 0", 0, KEY_MAIN, 0, 0, HDR, PAYLOAD, 0,
	  OOJWT_ERR_UNSUPPORTED_ALG },
	{ "key for HS384 only", OOJWT_ALG_HS256, KEY_MAIN, OOJWT_ALG_HS384, 0,
	  HDR, PAYLOAD, 0, OOJWT_ERR_KEY_MISMATCH },
	{ "key for verify only", OOJWT_ALG_HS256, KEY_MAIN, 0,
	  OOJWT_KEYOP_VERIFY, HDR, PAYLOAD, 0, OOJWT_ERR_KEY_MISMATCH },
	{ "output buffer one byte too small", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  HDR, PAYLOAD, 1, OOJWT_ERR_BUFFER_TOO_SMALL }
};

static void
sign_row(size_t i)
{
	oojwt_key key = test_key(sign_table[i].key), vkey;
	const char *h = sign_table[i].header, *p = sign_table[i].payload;
	oojwt_issue err;
	oojwt_result r;
	str tok;
	int code;
	test t;

	key.algs = sign_table[i].key_algs;
	key.ops = sign_table[i].key_ops;
	vkey = raw_key((const char *)key.data, key.len);
	test_begin(&t, "sign: %s", sign_table[i].name);
	memset(&err, 0, sizeof err);
	code = sign_token(&tok, sign_table[i].alg, &key, h, strlen(h), p,
		strlen(p), sign_table[i].shrink, &err);
	expect(&t, code == sign_table[i].code, "returned %s (%s), want %s",
		cname(code), err.message, cname(sign_table[i].code));
	if (code != OOJWT_OK) {
		expect(&t, err.code == code && err.message[0] != 0,
			"err holds %s", cname(err.code));
	} else {
		expect(&t, strlen(tok.p) == tok.len, "NUL inside the token");
		code = verify(&r, tok.p, tok.len, &vkey, sign_table[i].alg, NOW, 0);
		expect(&t, code == OOJWT_OK, "the token does not verify: %s",
			cname(code));
		oojwt_result_free(&r);
	}
	str_free(&tok);
	test_end(&t);
}

static void
test_sign(void)
{
	oojwt_key key = test_key(KEY_MAIN);
	char out[256];
	size_t i, n;
	test t;

	for (i = 0; i < sizeof sign_table / sizeof *sign_table; i++) {
		sign_row(i);
	}
	test_begin(&t, "sign: NULL arguments");
	expect(&t, oojwt_sign(NULL, 10, &n, OOJWT_ALG_HS256, &key, HDR,
		strlen(HDR), "{}", 2, NULL) == OOJWT_ERR_BAD_ARGUMENT, "NULL out");
	expect(&t, oojwt_sign(out, sizeof out, NULL, OOJWT_ALG_HS256, &key, HDR,
		strlen(HDR), "{}", 2, NULL) == OOJWT_ERR_BAD_ARGUMENT,
		"NULL token_len");
	expect(&t, oojwt_sign(out, sizeof out, &n, OOJWT_ALG_HS256, NULL, HDR,
		strlen(HDR), "{}", 2, NULL) == OOJWT_ERR_BAD_ARGUMENT, "NULL key");
	expect(&t, oojwt_sign(out, sizeof out, &n, OOJWT_ALG_HS256, &key, NULL,
		0, "{}", 2, NULL) == OOJWT_ERR_BAD_ARGUMENT, "NULL header");
	expect(&t, oojwt_sign(out, sizeof out, &n, OOJWT_ALG_HS256, &key, HDR,
		strlen(HDR), NULL, 0, NULL) == OOJWT_ERR_BAD_ARGUMENT,
		"NULL payload");
	test_end(&t);
}

void
suite_sign(const char *ours, const char *shared)
{
	(void)ours;
	(void)shared;

	test_sign();
}
