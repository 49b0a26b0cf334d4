/*
 * The ONLYOFFICE rules in C: JSON.parse emulation (messages recorded from
 * Node 20), the UTF-8 decoder, the Document Server profile on worked
 * example tokens (an editor config and a callback signed with "secret"),
 * secret forensics, the server configuration reader,
 * and the strict JSON layer's "last wins" mode and merge.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

/* ---- JSON.parse: input -> V8's SyntaxError message (Node 20.20) -------- */

static const struct {
	const char *in;
	const char *msg; /* NULL: parses */
} v8_cases[] = {
	{ "hello", "Unexpected token 'h', \"hello\" is not valid JSON" },
	{ "{\"a\":1,}", "Expected double-quoted property name in JSON at position 7" },
	{ "{\"a\" 1}", "Expected ':' after property name in JSON at position 5" },
	{ "{a:1}", "Expected property name or '}' in JSON at position 1" },
	{ "[1,]", "Unexpected token ']', \"[1,]\" is not valid JSON" },
	{ "[1 2]", "Expected ',' or ']' after array element in JSON at position 3" },
	{ "{\"a\":1}x", "Unexpected non-whitespace character after JSON at position 7" },
	{ "\"abc", "Unterminated string in JSON at position 4" },
	{ "{\"a\":\"\\x\"}", "Bad escaped character in JSON at position 7" },
	{ "{\"a\":\"\x01\"}", "Bad control character in string literal in JSON at position 6" },
	{ "-", "No number after minus sign in JSON at position 1" },
	{ "1e", "Exponent part is missing a number in JSON at position 2" },
	{ "1.", "Unterminated fractional number in JSON at position 2" },
	{ "{\"a\":\"\\u12\"}", "Bad Unicode escape in JSON at position 10" },
	{ "", "Unexpected end of JSON input" },
	{ "   ", "Unexpected end of JSON input" },
	{ "{", "Expected property name or '}' in JSON at position 1" },
	{ "nul", "Unexpected end of JSON input" },
	{ "01", "Unexpected number in JSON at position 1" },
	{ "xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Unexpected token 'x', \"xaaaaaaaaa\"... is not valid JSON" },
	{ "xaaaaaaaaaaaaaaaaaaa", "Unexpected token 'x', \"xaaaaaaaaaaaaaaaaaaa\" is not valid JSON" },
	{ "[1,2", "Expected ',' or ']' after array element in JSON at position 4" },
	{ "{\"a\":1", "Expected ',' or '}' after property value in JSON at position 6" },
	{ "{\"a\":1,\"b\" 1}", "Unexpected number in JSON at position 11" },
	{ "{\"a\":1,\"b\"", "Unexpected end of JSON input" },
	{ "{\"a\":1,\"b\"}", "Unexpected token '}', \"{\"a\":1,\"b\"}\" is not valid JSON" },
	{ "\"\\", "Unexpected end of JSON input" },
	{ "\"\\u12", "Bad Unicode escape in JSON at position 5" },
	{ "trxe", "Unexpected token 'x', \"trxe\" is not valid JSON" },
	{ "tr1e", "Unexpected number in JSON at position 2" },
	{ "t\"", "Unexpected string in JSON at position 1" },
	{ "-01", "Unexpected number in JSON at position 2" },
	{ "NaN", "\"NaN\" is not valid JSON" },
	{ "undefined", "\"undefined\" is not valid JSON" },
	{ "[object Object]", "\"[object Object]\" is not valid JSON" },
	{ "{\"a\":1}\xF0\x9F\x98\x80", "Unexpected non-whitespace character after JSON at position 7" },
	{ "\"\\ud800\"", NULL },
	{ "{\"a\":1,\"a\":2}", NULL },
	{ "-0", NULL },
	{ "1e400", NULL }
};

static void
test_v8_messages(void)
{
	size_t i;

	for (i = 0; i < sizeof v8_cases / sizeof *v8_cases; i++) {
		const char *in = v8_cases[i].in;
		size_t n = strlen(in), replaced, u;
		unsigned short *units = (unsigned short *)xmalloc((n + 1) * 2);
		oojwt_ds_json j;
		test t;

		test_begin(&t, "JSON.parse emulation: %s", in);
		u = oojwt_ds_utf8_to_utf16(units, (const unsigned char *)in, n,
			&replaced);
		expect(&t, oojwt_ds_json_parse(&j, units, u) == OOJWT_OK, "no memory");
		if (v8_cases[i].msg == NULL) {
			expect(&t, j.ok, "refused: %s", j.message);
		} else {
			expect(&t, !j.ok && j.message_len == strlen(v8_cases[i].msg)
				&& memcmp(j.message, v8_cases[i].msg, j.message_len) == 0,
				"got \"%s\", want \"%s\"", j.message, v8_cases[i].msg);
		}
		free(units);
		test_end(&t);
	}
}

/* Last wins and the duplicate count, on the members DS reads. */
static void
test_v8_members(void)
{
	static const char in[] = "{\"exp\":1,\"a\":{\"b\":1,\"b\":2},\"exp\":\"x\","
		"\"alg\":\"HS256\"}";
	unsigned short units[sizeof in], name[8];
	size_t replaced, n, k;
	oojwt_ds_json j;
	test t;

	test_begin(&t, "JSON.parse emulation: last member wins, duplicates counted");
	n = oojwt_ds_utf8_to_utf16(units, (const unsigned char *)in,
		sizeof in - 1, &replaced);
	expect(&t, oojwt_ds_json_parse(&j, units, n) == OOJWT_OK && j.ok, "parse");
	expect(&t, j.duplicates == 2, "duplicates %zu", j.duplicates);
	expect(&t, j.members[OOJWT_DS_M_EXP].type == OOJWT_JSON_STRING,
		"exp is the last one, a string");
	k = oojwt_ds_json_string(units, &j.members[OOJWT_DS_M_ALG], name, 8);
	expect(&t, k == 5 && name[0] == 'H' && name[4] == '6', "alg read back");
	expect(&t, !j.members[OOJWT_DS_M_TYP].present, "no typ");
	test_end(&t);
}

/* ---- UTF-8 as Node decodes it ---------------------------------------- */

static void
test_utf8(void)
{
	static const struct {
		const char *hex;
		const char *units; /* hex of the UTF-16 units, 4 digits each */
		size_t replaced;
	} cases[] = {
		{ "41c3a9", "004100e9", 0 },
		{ "f09f9880", "d83dde00", 0 },
		{ "ff", "fffd", 1 },
		{ "eda080", "fffdfffdfffd", 3 },     /* encoded surrogate */
		{ "e282", "fffd", 1 },               /* truncated sequence */
		{ "e28241", "fffd0041", 1 },
		{ "c0af", "fffdfffd", 2 },           /* overlong */
		{ "f4908080", "fffdfffdfffdfffd", 4 } /* above U+10FFFF */
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = 0, r = 0, u, k;
		unsigned char *b = from_hex(cases[i].hex, &n);
		unsigned short out[16];
		char got[80];
		test t;

		test_begin(&t, "UTF-8 decoding like Node: %s", cases[i].hex);
		u = oojwt_ds_utf8_to_utf16(out, b, n, &r);
		got[0] = 0;
		for (k = 0; k < u && k < 16; k++) {
			static const char hx[] = "0123456789abcdef";
			got[k * 4] = hx[out[k] >> 12];
			got[k * 4 + 1] = hx[(out[k] >> 8) & 15];
			got[k * 4 + 2] = hx[(out[k] >> 4) & 15];
			got[k * 4 + 3] = hx[out[k] & 15];
			got[k * 4 + 4] = 0;
		}
		expect(&t, strcmp(got, cases[i].units) == 0 && r == cases[i].replaced,
			"got %s (%zu replaced), want %s (%zu)", got, r, cases[i].units,
			cases[i].replaced);
		free(b);
		test_end(&t);
	}
}

/* ---- the DS profile on the worked example tokens ----------------------- */

#define CFG_TOKEN "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJkb2N1bWVudCI6eyJmaWxlVHlwZSI6ImRvY3giLCJrZXkiOiJLaGlyejZ6VFBkZmQ3IiwidGl0bGUiOiJFeGFtcGxlIERvY3VtZW50IFRpdGxlLmRvY3giLCJ1cmwiOiJodHRwczovL2V4YW1wbGUuY29tL3VybC10by1leGFtcGxlLWRvY3VtZW50LmRvY3giLCJwZXJtaXNzaW9ucyI6eyJlZGl0Ijp0cnVlLCJkb3dubG9hZCI6dHJ1ZX19LCJkb2N1bWVudFR5cGUiOiJ3b3JkIiwiZWRpdG9yQ29uZmlnIjp7ImNhbGxiYWNrVXJsIjoiaHR0cHM6Ly9leGFtcGxlLmNvbS91cmwtdG8tY2FsbGJhY2suYXNoeCIsIm1vZGUiOiJlZGl0IiwidXNlciI6eyJpZCI6Ijc4ZTFlODQxIiwibmFtZSI6IlNtaXRoIn19LCJpYXQiOjE3MDAwMDAwMDB9.MkYqzik1Di75Sr4QvP1cI0vECV4HV4rJ5uC0xWQUzN0"
#define CALLBACK_TOKEN "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJwYXlsb2FkIjp7ImtleSI6IktoaXJ6NnpUUGRmZDciLCJzdGF0dXMiOjR9LCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMDMwMH0.6fN0jz07_CFvLsaoeeO6JhC5pyHjHii0o-pEBrGFoO4"
/* HS256 with "secret" over false-like payloads: 0 and "" (typ JWT), and
 * a one-character payload segment without typ (the empty text); 1. */
#define FALSY_ZERO "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.MA.CKqC9RSOF7kZuY3JajXgiXTRyPWn35r3mm5hHT1bcvs"
#define FALSY_EMPTY "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.IiI.a9MhZO3eTQ1HihomslYQk1jjaSXzRjRZ5O3UHgJN5Nk"
#define FALSY_TEXT "eyJhbGciOiJIUzI1NiJ9.A.ZD7SeCAUTbJf5GFW_eiePmQY8w-aiw7D45eJEm94BnA"
#define TRUTHY_ONE "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.MQ.z8PbfYywrnuHX9sQmpDpa0IxAnqpsYnHiBK6F-Lh3TA"
#define CMD_NEWLINE "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjIjoiaW5mbyIsImtleSI6IktoaXJ6NnpUUGRmZDcifQ.i15mDGGZ-o_NNYs81aTJjAHjtAFkOoRvVfiE3GJmZv8"

static void
ds_case(const char *name, const char *tok, const char *secret, double now,
	int valid, const char *message, int close_code)
{
	oojwt_ds_result r;
	oojwt_ds_opts o;
	char *copy = exact_copy(tok, strlen(tok));
	char *key = exact_copy(secret, strlen(secret));
	test t;

	test_begin(&t, "DS profile: %s", name);
	memset(&o, 0, sizeof o);
	o.algorithms = 0;
	o.now = now;
	o.clock_tolerance = 60;
	o.strict_clock_tolerance = 0;
	o.no_secret = 0;
	expect(&t, oojwt_ds_verify(&r, copy, strlen(tok),
		(const unsigned char *)key, strlen(secret), &o) == OOJWT_OK, "call");
	expect(&t, r.valid == valid, "valid %d", r.valid);
	expect(&t, strcmp(r.server_message, message) == 0, "message \"%s\"",
		r.server_message);
	expect(&t, r.close_code == close_code, "close code %d", r.close_code);
	expect(&t, valid ? r.code == OOJWT_OK : r.code != OOJWT_OK, "code %s",
		cname(r.code));
	oojwt_ds_result_free(&r);
	oojwt_ds_result_free(&r);
	expect(&t, all_zero(&r, sizeof r), "result not wiped");
	free(copy);
	free(key);
	test_end(&t);
}

static void
test_ds_profile(void)
{
	oojwt_ds_result r;
	oojwt_ds_opts o;
	test t;

	ds_case("spec 9 config token", CFG_TOKEN, "secret", 1700000000, 1, "", 0);
	ds_case("spec 9 config token, other secret", CFG_TOKEN, "secret\n",
		1700000000, 0, "invalid signature", 4006);
	ds_case("callback token inside exp", CALLBACK_TOKEN, "secret", 1700000300,
		1, "", 0);
	ds_case("callback token 59 s after exp", CALLBACK_TOKEN, "secret",
		1700000359.9, 1, "", 0);
	ds_case("callback token 60 s after exp", CALLBACK_TOKEN, "secret",
		1700000360, 0, "jwt expired", 4005);
	ds_case("secret newline token", CMD_NEWLINE, "secret\n", 1700000000, 1,
		"", 0);
	ds_case("empty", "", "secret", 1700000000, 0, "jwt must be provided",
		4006);
	ds_case("a secret as the token", "Qx7rT2mK9pL4vN8s", "secret", 1700000000,
		0, "jwt malformed", 4006);
	ds_case("Bearer prefix", "Bearer " CALLBACK_TOKEN, "secret", 1700000000, 0,
		"invalid token", 4006);

	/* jsonwebtoken 9.0.2 returns these payloads; DocsCoServer.js io.use
	 * (`if (!checkJwtRes.decoded)`), auth() and getRequestParams
	 * (`if (checkJwtRes.decoded)`) refuse them: not valid, no error
	 * class, no close code. */
	ds_case("payload 0 (typ JWT)", FALSY_ZERO, "secret", 1700000000, 0, "", 0);
	ds_case("payload \"\" (typ JWT)", FALSY_EMPTY, "secret", 1700000000, 0,
		"", 0);
	ds_case("one-character payload segment, no typ: the empty text",
		FALSY_TEXT, "secret", 1700000000, 0, "", 0);
	ds_case("payload 1 (typ JWT): truthy, accepted", TRUTHY_ONE, "secret",
		1700000000, 1, "", 0);
	{
		static const char *const falsy[3] = { FALSY_ZERO, FALSY_EMPTY,
			FALSY_TEXT };
		size_t k;
		test_begin(&t, "DS profile: a false-like payload is falsy_payload, "
			"with no error class");
		memset(&o, 0, sizeof o);
		o.now = 1700000000;
		o.clock_tolerance = 60;
		for (k = 0; k < 3; k++) {
			expect(&t, oojwt_ds_verify(&r, falsy[k], strlen(falsy[k]),
				(const unsigned char *)"secret", 6, &o) == OOJWT_OK, "call");
			expect(&t, !r.valid && r.code == OOJWT_ERR_FALSY_PAYLOAD
				&& r.error_name == OOJWT_DS_NO_ERROR && r.n_differences == 0,
				"case %zu: valid %d code %s name %d differences %zu", k,
				r.valid, cname(r.code), r.error_name, r.n_differences);
			oojwt_ds_result_free(&r);
		}
		test_end(&t);
	}

	test_begin(&t, "DS profile: bad arguments");
	memset(&o, 0, sizeof o);
	o.algorithms = OOJWT_ALG_RS256;
	expect(&t, oojwt_ds_verify(&r, "a.b.c", 5, NULL, 0, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "RS256 in a DS profile");
	o.algorithms = 0;
	o.clock_tolerance = -1;
	expect(&t, oojwt_ds_verify(&r, "a.b.c", 5, NULL, 0, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "negative tolerance");
	expect(&t, oojwt_ds_error_name(OOJWT_DS_TOKEN_EXPIRED_ERROR) != NULL
		&& strcmp(oojwt_ds_error_name(OOJWT_DS_TOKEN_EXPIRED_ERROR),
			"TokenExpiredError") == 0 && oojwt_ds_error_name(0) == NULL
		&& strcmp(oojwt_ds_error_name(OOJWT_DS_ERROR), "Error") == 0
		&& oojwt_ds_error_name(7) == NULL, "error names");
	test_end(&t);
}

/* DocsCoServer.js checkJwt when utils.getSecretByElem finds no secret
 * (secret.inbox.string "" and no file): jwt.verify(token, undefined,
 * options), whose answers jsonwebtoken 9.0.2's verify.js gives in this
 * order. */
static void
test_ds_no_secret(void)
{
	static const struct {
		const char *name, *token;
		unsigned algorithms;
		const char *message;
		int error_name, close_code;
	} cases[] = {
		{ "signed token", CFG_TOKEN, 0, "secret or public key must be "
			"provided", OOJWT_DS_JSON_WEB_TOKEN_ERROR, 4006 },
		{ "signed token, algorithms given", CFG_TOKEN, OOJWT_ALG_HS256,
			"secret or public key must be provided",
			OOJWT_DS_JSON_WEB_TOKEN_ERROR, 4006 },
		{ "unsigned token", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhIjoxfQ.",
			0, "please specify \"none\" in \"algorithms\" to verify unsigned "
			"tokens", OOJWT_DS_JSON_WEB_TOKEN_ERROR, 4006 },
		{ "unsigned token, its alg allowed",
			"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhIjoxfQ.", OOJWT_ALG_HS256,
			"Cannot read properties of undefined (reading 'type')",
			OOJWT_DS_TYPE_ERROR, 0 },
		{ "unsigned token, its alg not allowed",
			"eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJhIjoxfQ.", OOJWT_ALG_HS256,
			"invalid algorithm", OOJWT_DS_JSON_WEB_TOKEN_ERROR, 4006 },
		{ "malformed first", "a.b", 0, "jwt malformed",
			OOJWT_DS_JSON_WEB_TOKEN_ERROR, 4006 }
	};
	size_t k;

	for (k = 0; k < sizeof cases / sizeof *cases; k++) {
		oojwt_ds_result r;
		oojwt_ds_opts o;
		char *copy = exact_copy(cases[k].token, strlen(cases[k].token));
		test t;

		test_begin(&t, "DS profile, no secret: %s", cases[k].name);
		memset(&o, 0, sizeof o);
		o.algorithms = cases[k].algorithms;
		o.now = 1700000000;
		o.clock_tolerance = 60;
		o.no_secret = 1;
		/* The secret given is not used: "secret" verifies CFG_TOKEN. */
		expect(&t, oojwt_ds_verify(&r, copy, strlen(cases[k].token),
			(const unsigned char *)"secret", 6, &o) == OOJWT_OK, "call");
		expect(&t, !r.valid && strcmp(r.server_message, cases[k].message) == 0,
			"message \"%s\"", r.server_message);
		expect(&t, r.error_name == cases[k].error_name
			&& r.close_code == cases[k].close_code, "%s, close code %d",
			oojwt_ds_error_name(r.error_name), r.close_code);
		expect(&t, r.n_differences == 0 && r.n_warnings == 0,
			"%zu differences, %zu warnings", r.n_differences, r.n_warnings);
		oojwt_ds_result_free(&r);
		free(copy);
		test_end(&t);
	}
}

/* ---- secret forensics --------------------------------------------------- */

static void
test_secret(void)
{
	oojwt_secret_report r;
	char *tok = exact_copy(CMD_NEWLINE, strlen(CMD_NEWLINE));
	unsigned char *sec = (unsigned char *)exact_copy("secret", 6);
	test t;
	int v;

	test_begin(&t, "secret forensics: spec 9 token signed with secret\\n");
	expect(&t, oojwt_secret_explain(&r, tok, strlen(CMD_NEWLINE), sec, 6)
		== OOJWT_OK, "call");
	expect(&t, !r.verifies && r.variant == 2, "variant %d", r.variant);
	expect(&t, r.alg == OOJWT_ALG_HS256, "alg");
	expect(&t, r.n_tried > 1 && r.tried[0] == 0
		&& r.tried[r.n_tried - 1] == 2, "tried %zu, last %d", r.n_tried,
		r.n_tried > 0 ? r.tried[r.n_tried - 1] : -1);
	test_end(&t);

	test_begin(&t, "secret forensics: variant names");
	for (v = 0; v < OOJWT_SECRET_VARIANTS; v++) {
		expect(&t, oojwt_secret_variant_name(v) != NULL, "variant %d", v);
	}
	expect(&t, oojwt_secret_variant_name(OOJWT_SECRET_VARIANTS) == NULL
		&& oojwt_secret_variant_name(-1) == NULL, "out of range");
	expect(&t, strcmp(oojwt_secret_variant_name(9), "default-secret") == 0,
		"default-secret");
	test_end(&t);

	test_begin(&t, "secret forensics: a secret as the token");
	expect(&t, oojwt_secret_explain(&r, (const char *)sec, 6, sec, 6)
		== OOJWT_OK, "call");
	expect(&t, r.variant == -1 && r.alg == 0 && r.n_findings == 1
		&& r.findings[0].code == OOJWT_WARN_SECRET_AS_TOKEN, "finding");
	test_end(&t);
	free(tok);
	free(sec);
}

/* ---- server configuration ---------------------------------------------- */

static int
has_code(const oojwt_server_config *c, int code)
{
	size_t i;

	for (i = 0; i < c->n_findings; i++) {
		if (c->findings[i].code == code) {
			return 1;
		}
	}
	return 0;
}

static void
test_server_config(void)
{
	static const char trap[] = "{\"services\":{\"CoAuthoring\":{\"secret\":"
		"{\"inbox\":{\"file\":\"/s\"}},\"token\":{\"enable\":{\"browser\":\"false\"}}}}}";
	static const char env[] = "JWT_ENABLED=true\r\nJWT_SECRET=abcdefghijklmnopqrstuvwxyz0123456\r\n";
	oojwt_server_config c;
	char *in = exact_copy(trap, sizeof trap - 1);
	test t;

	test_begin(&t, "server config: default secret wins over a file");
	expect(&t, oojwt_server_config_read(&c, in, sizeof trap - 1, NULL, 0)
		== OOJWT_OK, "call");
	expect(&t, c.form == OOJWT_CONFIG_JSON, "form");
	expect(&t, c.secrets[OOJWT_SECRET_INBOX].source == OOJWT_SECRET_SOURCE_STRING
		&& c.secrets[OOJWT_SECRET_INBOX].value_len == 6, "inbox is \"secret\"");
	expect(&t, has_code(&c, OOJWT_FIND_DEFAULT_SECRET_WINS)
		&& has_code(&c, OOJWT_FIND_DEFAULT_SECRET)
		&& has_code(&c, OOJWT_FIND_FLAG_IS_STRING), "findings");
	expect(&t, c.enabled_browser == 1 && c.enabled_inbox == 0, "truthiness");
	expect(&t, c.verify_options != NULL
		&& strcmp(c.verify_options, "{\"clockTolerance\":60}") == 0,
		"verifyOptions %s", c.verify_options);
	expect(&t, c.outbox_expires != NULL && strcmp(c.outbox_expires, "5m") == 0,
		"outbox expires");
	oojwt_server_config_free(&c);
	oojwt_server_config_free(&c);
	expect(&t, all_zero(&c, sizeof c), "not wiped");
	test_end(&t);
	free(in);

	in = exact_copy(env, sizeof env - 1);
	test_begin(&t, "server config: Docker env file with CRLF");
	expect(&t, oojwt_server_config_read(&c, in, sizeof env - 1, NULL, 0)
		== OOJWT_OK, "call");
	expect(&t, c.form == OOJWT_CONFIG_DOCKER, "form");
	expect(&t, c.secrets[OOJWT_SECRET_OUTBOX].value_len == 33
		&& c.enabled_outbox == 1, "secret %zu bytes",
		c.secrets[OOJWT_SECRET_OUTBOX].value_len);
	/* Only where the settings came from: run-document-server.sh. */
	expect(&t, c.n_findings == 1
		&& c.findings[0].code == OOJWT_FIND_CONFIG_FROM_ENV
		&& c.findings[0].severity == OOJWT_SEVERITY_INFO,
		"findings: %zu, first %s", c.n_findings,
		c.n_findings > 0 ? cname(c.findings[0].code) : "");
	oojwt_server_config_free(&c);
	test_end(&t);
	free(in);
}

/* ---- the strict JSON layer's options ---------------------------------- */

static void
test_json_last_wins(void)
{
	static const char dup[] = "{\"a\":1,\"b\":{\"c\":1,\"c\":2},\"a\":3}";
	static const char over[] = "{\"b\":{\"d\":4},\"e\":[1]}";
	oojwt_jv *root = NULL, *o = NULL;
	char msg[OOJWT_MESSAGE_LEN], *text;
	size_t dups = 9, len;
	long pos;
	test t;

	test_begin(&t, "strict JSON: last-wins mode");
	expect(&t, oojwt_json_parse(&root, dup, sizeof dup - 1, &pos, msg)
		== OOJWT_ERR_DUPLICATE_MEMBER && root == NULL, "strict default");
	expect(&t, oojwt_json_parse_ex(&root, dup, sizeof dup - 1, 0, &dups, &pos,
		msg) == OOJWT_ERR_DUPLICATE_MEMBER && dups == 0, "flags 0 is strict");
	expect(&t, oojwt_json_parse_ex(&root, dup, sizeof dup - 1,
		OOJWT_JSON_LAST_WINS, &dups, &pos, msg) == OOJWT_OK, "last wins");
	expect(&t, dups == 2 && strstr(msg, "\"") != NULL, "dups %zu (%s)", dups,
		msg);
	expect(&t, oojwt_json_number(oojwt_json_get(root, "a")) == 3
		&& oojwt_json_object_size(root) == 2, "a = 3, two members");
	expect(&t, oojwt_json_parse_ex(&o, over, sizeof over - 1, 0, &dups, &pos,
		msg) == OOJWT_OK, "overlay");
	expect(&t, oojwt_json_merge(root, o) == OOJWT_OK, "merge");
	text = oojwt_json_print(root, &len);
	expect(&t, text != NULL && strcmp(text,
		"{\"b\":{\"c\":2,\"d\":4},\"a\":3,\"e\":[1]}") == 0, "merged %s", text);
	free(text);
	oojwt_json_free(o);
	oojwt_json_free(root);
	test_end(&t);
}

/* ---- editor config inspection ----------------------------------------- */

#define CFG_JSON "{\"document\":{\"fileType\":\"docx\",\"key\":\"Khirz6zTPdfd7\"," \
	"\"title\":\"Example Document Title.docx\",\"url\":\"https://example.com/" \
	"url-to-example-document.docx\",\"permissions\":{\"download\":true," \
	"\"edit\":%s}},\"documentType\":\"word\",\"editorConfig\":{\"callbackUrl\":" \
	"\"https://example.com/url-to-callback.ashx\",\"mode\":\"edit\",\"user\":" \
	"{\"id\":\"78e1e841\",\"name\":\"Smith\"}}%s}"

static void
inspect_case(const char *name, const char *edit, const char *token,
	int enable, int ok, int close_code, int editor_error, int finding)
{
	char text[2048], tail[1024];
	oojwt_config_report r;
	oojwt_inspect_opts o;
	char *copy;
	test t;

	tail[0] = 0;
	if (token != NULL) {
		snprintf(tail, sizeof tail, ",\"token\":\"%s\"", token);
	}
	snprintf(text, sizeof text, CFG_JSON, edit, tail);
	copy = exact_copy(text, strlen(text));
	memset(&o, 0, sizeof o);
	o.now = 1700000000;
	o.clock_tolerance = 60;
	o.enable_browser = enable;
	o.token_required_params = 1;
	test_begin(&t, "config inspection: %s", name);
	expect(&t, oojwt_config_inspect(&r, copy, strlen(text),
		(const unsigned char *)"secret", 6, &o) == OOJWT_OK, "call");
	expect(&t, r.ok == ok && r.close_code == close_code
		&& r.editor_error == editor_error, "ok %d close %d editor %d (%s)",
		r.ok, r.close_code, r.editor_error, r.message);
	expect(&t, finding < 0 ? r.n_findings == 0 : r.n_findings > 0
		&& r.findings[0].code == finding, "findings %zu, first %s",
		r.n_findings, r.n_findings > 0 ? cname(r.findings[0].code) : "-");
	expect(&t, r.effective != NULL, "no effective config");
	oojwt_config_report_free(&r);
	oojwt_config_report_free(&r);
	free(copy);
	test_end(&t);
}

/* A user name cut in the middle of an emoji, as JSON.stringify writes it:
 * JSON.parse (api.js, DocsCoServer.js) reads it, so the config opens with
 * a warning, and the effective config keeps the same half character. */
static void
inspect_lone(void)
{
	static const char text[] = "{\"document\":{\"fileType\":\"docx\","
		"\"key\":\"k1\",\"title\":\"t.docx\",\"url\":\"https://e.com/a.docx\"},"
		"\"documentType\":\"word\",\"editorConfig\":{\"user\":{\"id\":\"1\","
		"\"name\":\"Team \\ud83c\"}}}";
	oojwt_config_report r;
	oojwt_inspect_opts o;
	char *copy = exact_copy(text, sizeof text - 1);
	test t;

	memset(&o, 0, sizeof o);
	o.now = 1700000000;
	o.token_required_params = 1;
	test_begin(&t, "config inspection: a lone surrogate is read, with a warning");
	expect(&t, oojwt_config_inspect(&r, copy, sizeof text - 1, NULL, 0, &o)
		== OOJWT_OK, "call");
	expect(&t, r.ok == 1, "not opened: %s", r.message);
	expect(&t, r.n_findings == 1
		&& r.findings[0].code == OOJWT_FIND_LONE_SURROGATE
		&& r.findings[0].severity == OOJWT_SEVERITY_WARNING
		&& strcmp(r.findings[0].path, "editorConfig.user.name") == 0,
		"findings %zu, first %s", r.n_findings,
		r.n_findings > 0 ? cname(r.findings[0].code) : "-");
	expect(&t, r.effective != NULL
		&& strstr(r.effective, "\"name\":\"Team \\ud83c\"") != NULL,
		"effective config: %s", r.effective != NULL ? r.effective : "-");
	oojwt_config_report_free(&r);
	free(copy);
	test_end(&t);
}

static void
test_inspect(void)
{
	static const char a[] = "{\"x\":[1,{\"b\":0,\"c\":\"d\"}],\"y\":true}";
	static const char b[] = "{\"y\":true,\"x\":[1,{\"c\":\"d\",\"b\":0}]}";
	static const char c[] = "{\"y\":true,\"x\":[1,{\"c\":\"d\",\"b\":-0}]}";
	oojwt_jv *ja = NULL, *jb = NULL, *jc = NULL;
	char msg[OOJWT_MESSAGE_LEN];
	size_t dups;
	long pos;
	test t;

	inspect_case("the spec 9 config and its token", "true", CFG_TOKEN, 1, 1, 0,
		0, -1);
	inspect_case("permissions changed after signing", "false", CFG_TOKEN, 1, 0,
		4004, -23, OOJWT_FIND_PERMISSIONS_DIFFER);
	inspect_case("no token, browser tokens on", "true", NULL, 1, 0, 4006, -20,
		OOJWT_FIND_TOKEN_MISSING);
	inspect_case("no token, browser tokens off", "true", NULL, 0, 1, 0, 0, -1);
	inspect_lone();
	inspect_case("a callback token as the config token", "true",
		CALLBACK_TOKEN, 1, 0, 4006, -20, OOJWT_FIND_MISSING_REQUIRED_FIELD);

	{
		/* The worked example's config token is this config, signed with
		 * "secret" and iat 1700000000: byte for byte. */
		char text[2048], *tok = NULL, *copy;
		size_t n = 0;
		double iat = 1700000000;
		oojwt_issue err;
		snprintf(text, sizeof text, "{\"document\":{\"fileType\":\"docx\","
			"\"key\":\"Khirz6zTPdfd7\",\"title\":\"Example Document Title.docx\","
			"\"url\":\"https://example.com/url-to-example-document.docx\","
			"\"permissions\":{\"edit\":true,\"download\":true}},\"documentType\":"
			"\"word\",\"editorConfig\":{\"callbackUrl\":\"https://example.com/"
			"url-to-callback.ashx\",\"mode\":\"edit\",\"user\":{\"id\":\"78e1e841\","
			"\"name\":\"Smith\"}},\"token\":\"old\"}");
		copy = exact_copy(text, strlen(text));
		test_begin(&t, "config signing: the spec 9 config token, byte for byte");
		expect(&t, oojwt_config_sign(&tok, &n, copy, strlen(text),
			(const unsigned char *)"secret", 6, OOJWT_ALG_HS256,
			OOJWT_SIGN_CONFIG_ALL, &iat, NULL, &err) == OOJWT_OK, "sign: %s",
			err.message);
		expect(&t, tok != NULL && n == strlen(CFG_TOKEN)
			&& strcmp(tok, CFG_TOKEN) == 0, "got %s", tok != NULL ? tok : "-");
		free(tok);
		tok = NULL;
		expect(&t, oojwt_config_sign(&tok, &n, copy, strlen(text),
			(const unsigned char *)"", 0, OOJWT_ALG_HS256,
			OOJWT_SIGN_CONFIG_REQUIRED, NULL, NULL, &err) == OOJWT_ERR_EMPTY_KEY
			&& tok == NULL && err.code == OOJWT_ERR_EMPTY_KEY, "empty key");
		free(copy);
		test_end(&t);
	}

	test_begin(&t, "strict JSON: deep equality as isDeepStrictEqual");
	oojwt_json_parse_ex(&ja, a, sizeof a - 1, 0, &dups, &pos, msg);
	oojwt_json_parse_ex(&jb, b, sizeof b - 1, 0, &dups, &pos, msg);
	oojwt_json_parse_ex(&jc, c, sizeof c - 1, 0, &dups, &pos, msg);
	expect(&t, oojwt_json_equal(ja, jb), "member order matters");
	expect(&t, !oojwt_json_equal(jb, jc), "0 equals -0");
	expect(&t, !oojwt_json_equal(ja, NULL) && !oojwt_json_equal(NULL, ja),
		"NULL");
	oojwt_json_free(ja);
	oojwt_json_free(jb);
	oojwt_json_free(jc);
	test_end(&t);
}

/* ---- Document Server rules: truthiness, token kinds, the key ---------- */

#define DOCID_CFG "{\"document\":{\"fileType\":\"docx\",\"key\":\"docId\"," \
	"\"title\":\"a.docx\",\"url\":\"https://example.com/a.docx\"},\"documentType\":" \
	"\"word\",\"editorConfig\":{\"callbackUrl\":\"https://example.com/cb\"," \
	"\"mode\":\"edit\"}"
/* DOCID_CFG signed (without the token) with "secret". */
#define DOCID_TOKEN "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJkb2N1bWVudCI6eyJmaWxlVHlwZSI6ImRvY3giLCJrZXkiOiJkb2NJZCIsInRpdGxlIjoiYS5kb2N4IiwidXJsIjoiaHR0cHM6Ly9leGFtcGxlLmNvbS9hLmRvY3gifSwiZG9jdW1lbnRUeXBlIjoid29yZCIsImVkaXRvckNvbmZpZyI6eyJjYWxsYmFja1VybCI6Imh0dHBzOi8vZXhhbXBsZS5jb20vY2IiLCJtb2RlIjoiZWRpdCJ9fQ.8NHNBhFUQLR57YTP3xefrYvDC3jVcnOVf25PFZPX4uw"
/* The same config with key k1, signed with url "", payload 0, key 0 and
 * fileInfo 0 at the top. */
#define FALSY_TOP_CFG "{\"document\":{\"fileType\":\"docx\",\"key\":\"k1\"," \
	"\"title\":\"a.docx\",\"url\":\"https://example.com/a.docx\"},\"documentType\":" \
	"\"word\",\"editorConfig\":{\"callbackUrl\":\"https://example.com/cb\"," \
	"\"mode\":\"edit\"}"
#define FALSY_TOP_TOKEN "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJkb2N1bWVudCI6eyJmaWxlVHlwZSI6ImRvY3giLCJrZXkiOiJrMSIsInRpdGxlIjoiYS5kb2N4IiwidXJsIjoiaHR0cHM6Ly9leGFtcGxlLmNvbS9hLmRvY3gifSwiZG9jdW1lbnRUeXBlIjoid29yZCIsImVkaXRvckNvbmZpZyI6eyJjYWxsYmFja1VybCI6Imh0dHBzOi8vZXhhbXBsZS5jb20vY2IiLCJtb2RlIjoiZWRpdCJ9LCJ1cmwiOiIiLCJwYXlsb2FkIjowLCJrZXkiOjAsImZpbGVJbmZvIjowfQ.uaJ-3kLfjlP8dEjqEbMEh2P-D37_PzwwLrymppU387s"
/* {"url":"https://example.com/v1.docx","key":"k1","version":1}: a
 * setHistoryData payload. */
#define HISTORY_TOKEN "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1cmwiOiJodHRwczovL2V4YW1wbGUuY29tL3YxLmRvY3giLCJrZXkiOiJrMSIsInZlcnNpb24iOjF9.99ArQPC_8n8fE8q1XnSz7c822T30-kVlWtRdexQTKGU"

/* WOPI tokens of odd shapes: fileInfo with a UserCanWrite of 0, no
 * extension, a null UserId and queryParams a string; fileInfo and
 * userAuth strings (userAuth not an object: no WOPI callback). */
#define WOPI_ODD "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJrZXkiOiJ3MSIsImZpbGVJbmZvIjp7IkZpbGVFeHRlbnNpb24iOjUsIkJhc2VGaWxlTmFtZSI6Ik5vRG90IiwiVXNlcklkIjpudWxsLCJVc2VyQ2FuV3JpdGUiOjAsIlJlYWRPbmx5IjpmYWxzZX0sInF1ZXJ5UGFyYW1zIjoieCJ9.OzChbPJGTVrZDlDm8nJzq7Kl1IJT738Dwy8Knd0s5fs"
#define WOPI_STRINGS "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJmaWxlSW5mbyI6IngiLCJ1c2VyQXV0aCI6InkifQ.55mivOBTcYWxTQQgsGUuQBFmoQSpv0gDW6jt9OartR8"

static void
rule_case(const char *name, const char *config, const char *token,
	int version, int ok, int close_code, int kind, int finding,
	const char *effective_has)
{
	char text[2048];
	oojwt_config_report r;
	oojwt_inspect_opts o;
	char *copy;
	test t;

	snprintf(text, sizeof text, "%s,\"token\":\"%s\"}", config, token);
	copy = exact_copy(text, strlen(text));
	memset(&o, 0, sizeof o);
	o.now = 1700000000;
	o.clock_tolerance = 60;
	o.enable_browser = 1;
	o.token_required_params = 1;
	o.server_version = version;
	test_begin(&t, "DS rules: %s", name);
	expect(&t, oojwt_config_inspect(&r, copy, strlen(text),
		(const unsigned char *)"secret", 6, &o) == OOJWT_OK, "call");
	expect(&t, r.ok == ok && r.close_code == close_code && r.token_kind
		== kind, "ok %d close %d kind %s (%s)", r.ok, r.close_code,
		oojwt_token_kind_name(r.token_kind), r.message);
	expect(&t, finding < 0 ? r.n_findings == 0 : r.n_findings > 0
		&& r.findings[0].code == finding, "findings %zu, first %s",
		r.n_findings, r.n_findings > 0 ? cname(r.findings[0].code) : "-");
	expect(&t, effective_has == NULL || (r.effective != NULL
		&& strstr(r.effective, effective_has) != NULL), "effective %s",
		r.effective != NULL ? r.effective : "-");
	oojwt_config_report_free(&r);
	free(copy);
	test_end(&t);
}

static void
test_ds_rules(void)
{
	/* DocsCoServer.js io.use: `if (!checkJwtRes.decoded)` "not
	 * authorized", checkJwtRes.code null. */
	inspect_case("payload 0: io.use, not authorized, no close code", "true",
		FALSY_ZERO, 1, 0, 0, 0, OOJWT_ERR_FALSY_PAYLOAD);
	inspect_case("payload 1: truthy, auth() misses document.key", "true",
		TRUTHY_ONE, 1, 0, 4006, -20, OOJWT_FIND_MISSING_REQUIRED_FIELD);
	/* fillDataFromJwt: decoded.url || decoded.payload || (decoded.key &&
	 * !wopiClient.isWopiJwtToken(decoded)); isWopiJwtToken: !!fileInfo. */
	rule_case("url \"\", payload 0, key 0, fileInfo 0 are false-like: opens",
		FALSY_TOP_CFG, FALSY_TOP_TOKEN, 0, 1, 0, OOJWT_TOKEN_OPENING, -1,
		"\"key\":\"k1\"");
	/* io.on('connection') (8.2+): constants.DEFAULT_DOC_ID === ctx.docId
	 * -> "io.on connection unexpected key", ACCESS_DENIED_CODE. */
	rule_case("key docId: 4004 at the connection", DOCID_CFG, DOCID_TOKEN, 0,
		0, 4004, OOJWT_TOKEN_NONE, OOJWT_FIND_BAD_DOCUMENT_KEY, NULL);
	rule_case("key docId on 8.1: no connection check yet", DOCID_CFG,
		DOCID_TOKEN, 801, 1, 0, OOJWT_TOKEN_OPENING, -1, NULL);
	/* auth(): decoded.version -> fillVersionHistoryFromJwt (8.3+), which
	 * returns true: mode view, docid and url from the token's top. */
	rule_case("history token as the config token: opens read-only",
		FALSY_TOP_CFG, HISTORY_TOKEN, 0, 1, 0, OOJWT_TOKEN_HISTORY,
		OOJWT_FIND_NOT_OPENING_TOKEN, "\"url\":\"https://example.com/v1.docx\"");
	/* auth(): wopiClient.isWopiJwtToken -> fillDataFromWopiJwt, which
	 * returns true; edit is UserCanWrite's own false-like value. */
	rule_case("WOPI token, odd fileInfo: opens, edit 0 as DS computes it",
		FALSY_TOP_CFG, WOPI_ODD, 0, 1, 0, OOJWT_TOKEN_WOPI,
		OOJWT_FIND_NOT_OPENING_TOKEN, "\"edit\":0");
	rule_case("WOPI token, fileInfo and userAuth strings: opens",
		FALSY_TOP_CFG, WOPI_STRINGS, 0, 1, 0, OOJWT_TOKEN_WOPI,
		OOJWT_FIND_NOT_OPENING_TOKEN, "{\"fileType\":\"\",\"key\":\"k1\","
		"\"url\":");
	rule_case("history token on 8.2: an opening token without document.key",
		FALSY_TOP_CFG, HISTORY_TOKEN, 802, 0, 4006, OOJWT_TOKEN_OPENING,
		OOJWT_FIND_MISSING_REQUIRED_FIELD, NULL);
}

/* ---- robustness: mutated inputs under ASan/UBSan ----------------------- */

static unsigned
next_rand(unsigned *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

/* Mutate `base` into `out` (room: n + 16): flips, inserts, deletes. */
static size_t
mutate(char *out, const char *base, size_t n, unsigned *rnd)
{
	static const char pool[] = ".=-_ \n\r\t\"\\{}[]:,0123456789eE+-tfnu"
		"\xc3\xa9\xed\xa0\x80\xff\x00";
	size_t len = n, k, edits = 1 + next_rand(rnd) % 4;

	memcpy(out, base, n);
	for (k = 0; k < edits; k++) {
		size_t at = len == 0 ? 0 : next_rand(rnd) % (len + 1);
		unsigned what = next_rand(rnd) % 3;
		char c = pool[next_rand(rnd) % (sizeof pool - 1)];
		if (what == 0 && at < len) {
			out[at] = c;
		} else if (what == 1 && len < n + 16) {
			memmove(out + at + 1, out + at, len - at);
			out[at] = c;
			len++;
		} else if (at < len) {
			memmove(out + at, out + at + 1, len - at - 1);
			len--;
		}
	}
	return len;
}

static void
test_robustness(void)
{
	static const char cfg[] = "{\"services\":{\"CoAuthoring\":{\"secret\":{"
		"\"inbox\":{\"string\":\"abc\",\"file\":\"/x\"},\"browser\":{\"string\":"
		"\"d\"}},\"token\":{\"enable\":{\"browser\":\"true\"},\"verifyOptions\":"
		"{\"clockTolerance\":\"6\"}}}},\"server\":{\"token\":{}}}";
	static const char env[] = "  - JWT_ENABLED=true\n  - \"JWT_SECRET=a'b$c\"\n"
		"JWT_HEADER: \"X\"\n-e JWT_IN_BODY=1\r\n";
	static const char payload[] = "{\"a\":\"\\u00e9\",\"exp\":1e3,\"b\":[1,{\"c\":null}],"
		"\"payload\":\"{\\\"x\\\":1}\"}";
	static const char *const bases[] = { CFG_TOKEN, CALLBACK_TOKEN, CMD_NEWLINE };
	unsigned rnd = 0x9E3779B9u;
	char buf[2048];
	size_t i;
	int bad = 0;
	test t;

	test_begin(&t, "ONLYOFFICE rules: 3000 mutated tokens, configs and "
		"JSON texts run clean under ASan/UBSan");
	for (i = 0; i < 3000 && !bad; i++) {
		const char *base = bases[i % 3];
		size_t n = mutate(buf, base, strlen(base), &rnd);
		char *tok = exact_copy(buf, n);
		oojwt_ds_result r;
		oojwt_ds_opts o;
		oojwt_secret_report sr;
		oojwt_server_config c;
		unsigned short units[sizeof payload + 32];
		oojwt_ds_json j;
		size_t rep, u;

		memset(&o, 0, sizeof o);
		o.algorithms = 0;
		o.now = 1700000000;
		o.clock_tolerance = 60;
		o.strict_clock_tolerance = 0;
		o.no_secret = 0;
		bad |= oojwt_ds_verify(&r, tok, n, (const unsigned char *)"secret", 6,
			&o) != OOJWT_OK;
		bad |= r.valid && i % 3 != 0 && n != strlen(base);
		oojwt_ds_result_free(&r);
		bad |= oojwt_secret_explain(&sr, tok, n, (const unsigned char *)tok,
			n / 2) != OOJWT_OK;
		free(tok);

		n = mutate(buf, i % 2 ? cfg : env, i % 2 ? sizeof cfg - 1
			: sizeof env - 1, &rnd);
		tok = exact_copy(buf, n);
		bad |= oojwt_server_config_read(&c, tok, n, i % 5 == 0 ? tok : NULL,
			i % 5 == 0 ? n : 0) != OOJWT_OK;
		oojwt_server_config_free(&c);
		free(tok);

		{
			static const char cfgtok[] = "{\"document\":{\"key\":\"k/1\",\"url\":"
				"\"u\",\"permissions\":{\"edit\":true}},\"editorConfig\":{\"mode\":"
				"\"edit\"},\"payload\":{},\"token\":\"" CALLBACK_TOKEN "\"}";
			oojwt_config_report cr;
			oojwt_inspect_opts io;
			memset(&io, 0, sizeof io);
			io.now = 1700000000;
			io.clock_tolerance = 60;
			io.enable_browser = (int)(i & 1);
			io.token_required_params = (int)((i >> 1) & 1);
			n = mutate(buf, cfgtok, sizeof cfgtok - 1, &rnd);
			tok = exact_copy(buf, n);
			bad |= oojwt_config_inspect(&cr, tok, n,
				(const unsigned char *)"secret", 6, &io) != OOJWT_OK;
			oojwt_config_report_free(&cr);
			free(tok);
		}

		n = mutate(buf, payload, sizeof payload - 1, &rnd);
		u = oojwt_ds_utf8_to_utf16(units, (const unsigned char *)buf, n, &rep);
		bad |= oojwt_ds_json_parse(&j, units, u) != OOJWT_OK;
	}
	expect(&t, !bad, "a call failed at iteration %zu", i);
	test_end(&t);
}

void
suite_onlyoffice(const char *ours, const char *shared)
{
	(void)ours;
	(void)shared;
	test_v8_messages();
	test_v8_members();
	test_utf8();
	test_ds_profile();
	test_ds_no_secret();
	test_secret();
	test_server_config();
	test_json_last_wins();
	test_inspect();
	test_ds_rules();
	test_robustness();
}
