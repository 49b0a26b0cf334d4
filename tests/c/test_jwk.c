/*
 * oojwt_jwk_read: the JWK table, buffer and NULL arguments, and keys
 * restricted to one algorithm.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

#define K64 "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"

static const struct {
	const char *name, *json;
	int code;
	size_t len;             /* expected secret length when OK */
	unsigned algs, ops;
} jwk_table[] = {
	{ "plain oct key", "{\"kty\":\"oct\",\"k\":\"" K64 "\"}", OOJWT_OK, 64,
	  0, 0 },
	{ "alg HS384, use sig, key_ops [verify, sign]",
	  "{\"kty\":\"oct\",\"alg\":\"HS384\",\"use\":\"sig\","
	  "\"key_ops\":[\"verify\",\"sign\"],\"k\":\"" K64 "\"}", OOJWT_OK, 64,
	  OOJWT_ALG_HS384, OOJWT_KEYOP_SIGN | OOJWT_KEYOP_VERIFY },
	{ "key_ops [verify] only",
	  "{\"kty\":\"oct\",\"key_ops\":[\"verify\"],\"k\":\"AAAA\"}", OOJWT_OK,
	  3, 0, OOJWT_KEYOP_VERIFY },
	{ "kty RSA", "{\"kty\":\"RSA\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "kty OCT (case)", "{\"kty\":\"OCT\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "use enc", "{\"kty\":\"oct\",\"use\":\"enc\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "key_ops [encrypt, decrypt]",
	  "{\"kty\":\"oct\",\"key_ops\":[\"encrypt\",\"decrypt\"],\"k\":\"" K64
	  "\"}", OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "key_ops []", "{\"kty\":\"oct\",\"key_ops\":[],\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "key_ops a string",
	  "{\"kty\":\"oct\",\"key_ops\":\"sign\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_BAD_KEY, 0, 0, 0 },
	{ "alg RS256", "{\"kty\":\"oct\",\"alg\":\"RS256\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "alg A128KW", "{\"kty\":\"oct\",\"alg\":\"A128KW\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "k with padding", "{\"kty\":\"oct\",\"k\":\"AAA=\"}",
	  OOJWT_ERR_BAD_KEY, 0, 0, 0 },
	{ "k in standard base64", "{\"kty\":\"oct\",\"k\":\"ab+/\"}",
	  OOJWT_ERR_BAD_KEY, 0, 0, 0 },
	{ "k non-canonical", "{\"kty\":\"oct\",\"k\":\"AB\"}",
	  OOJWT_ERR_BAD_KEY, 0, 0, 0 },
	{ "k missing", "{\"kty\":\"oct\"}", OOJWT_ERR_BAD_KEY, 0, 0, 0 },
	{ "k a number", "{\"kty\":\"oct\",\"k\":123}", OOJWT_ERR_BAD_KEY, 0, 0,
	  0 },
	{ "JWK an array", "[{\"kty\":\"oct\",\"k\":\"AAAA\"}]", OOJWT_ERR_BAD_KEY,
	  0, 0, 0 },
	{ "JWK not JSON", "{\"kty\":\"oct\",\"k\":\"AAAA\",}", OOJWT_ERR_BAD_JSON,
	  0, 0, 0 },
	{ "duplicate k", "{\"kty\":\"oct\",\"k\":\"AAAA\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_DUPLICATE_MEMBER, 0, 0, 0 }
};

static void
jwk_row(size_t i)
{
	char msg[OOJWT_MESSAGE_LEN];
	jwk j;
	int code;
	test t;

	test_begin(&t, "JWK: %s", jwk_table[i].name);
	msg[0] = 0;
	code = jwk_load_str(&j, jwk_table[i].json, msg);
	expect(&t, code == jwk_table[i].code, "returned %s (%s), want %s",
		cname(code), msg, cname(jwk_table[i].code));
	if (code == OOJWT_OK) {
		expect(&t, j.key.len == jwk_table[i].len && j.key.data == j.buf,
			"secret of %lu bytes", (unsigned long)j.key.len);
		expect(&t, j.key.algs == jwk_table[i].algs
			&& j.key.ops == jwk_table[i].ops, "algs 0x%x ops 0x%x",
			j.key.algs, j.key.ops);
	} else {
		expect(&t, msg[0] != 0, "no message");
		expect(&t, all_zero(j.buf, j.buf_len), "the buffer is not wiped");
		expect(&t, j.key.data == NULL && j.key.len == 0, "key left set");
	}
	jwk_free(&j);
	test_end(&t);
}

static void
test_jwk(void)
{
	static const int mismatch[2] = { OOJWT_ERR_KEY_MISMATCH, 0 };
	static const int ok[1] = { 0 };
	const char *text = "{\"kty\":\"oct\",\"k\":\"" K64 "\"}";
	char msg[OOJWT_MESSAGE_LEN];
	unsigned char small[4];
	oojwt_key key;
	int code;
	oojwt_result r;
	str tok;
	size_t i;
	jwk j;
	test t;

	for (i = 0; i < sizeof jwk_table / sizeof *jwk_table; i++) {
		jwk_row(i);
	}
	test_begin(&t, "JWK: buffer too small, NULL arguments");
	expect(&t, oojwt_jwk_read(&key, small, sizeof small, text, strlen(text),
		NULL) == OOJWT_ERR_BUFFER_TOO_SMALL, "a 4-byte buffer accepted");
	expect(&t, oojwt_jwk_read(NULL, small, sizeof small, text, strlen(text),
		msg) == OOJWT_ERR_BAD_ARGUMENT, "NULL key accepted");
	expect(&t, oojwt_jwk_read(&key, NULL, 0, text, strlen(text), msg)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL buffer accepted");
	expect(&t, oojwt_jwk_read(&key, small, sizeof small, NULL, 3, msg)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL JSON accepted");
	test_end(&t);

	test_begin(&t, "JWK: alg HS384 key verifying HS256 and HS384 tokens");
	expect(&t, jwk_load_str(&j, "{\"kty\":\"oct\",\"alg\":\"HS384\",\"k\":\""
		K64 "\"}", msg) == OOJWT_OK, "JWK: %s", msg);
	sign_str(&tok, OOJWT_ALG_HS256, &j.key, HDR, PAYLOAD);
	expect(&t, tok.len == 0, "oojwt_sign signed HS256 with an HS384 key");
	str_free(&tok);
	key = raw_key((const char *)j.key.data, j.key.len);
	sign_str(&tok, OOJWT_ALG_HS256, &key, HDR, PAYLOAD);
	expect_result(&t, &r, verify(&r, tok.p, tok.len, &j.key, OOJWT_ALG_HMAC,
		NOW, 0), mismatch, NULL);
	oojwt_result_free(&r);
	str_free(&tok);
	sign_str(&tok, OOJWT_ALG_HS384, &j.key, "{\"alg\":\"HS384\"}", PAYLOAD);
	expect_result(&t, &r, verify(&r, tok.p, tok.len, &j.key, OOJWT_ALG_HMAC,
		NOW, 0), ok, NULL);
	oojwt_result_free(&r);
	str_free(&tok);
	jwk_free(&j);
	test_end(&t);

	/* oojwt.h: the reader refuses an empty secret with empty_key. */
	test_begin(&t, "JWK: an empty k is refused on read");
	code = jwk_load_str(&j, "{\"kty\":\"oct\",\"k\":\"\"}", msg);
	expect(&t, code == OOJWT_ERR_EMPTY_KEY, "got %s", cname(code));
	jwk_free(&j);
	test_end(&t);
}

void
suite_jwk(const char *ours, const char *shared)
{
	(void)ours;
	(void)shared;

	test_jwk();
}
