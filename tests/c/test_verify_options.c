/*
 * Document Server's verifyOptions in the DS profile
 * (src/ds/verify_options.c): each case names the line of jsonwebtoken
 * 9.0.2's verify.js (node_modules/jsonwebtoken/verify.js) it reproduces,
 * as DocService's checkJwt (DocsCoServer.js) calls it with
 * services.CoAuthoring.token.verifyOptions. Also ECMAScript's
 * Number::toString (src/core/js_number.c) and ms's parse, which those
 * messages and maxAge rest on. tests/js/verify_options.test.mjs compares
 * the same with jsonwebtoken itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

#define NOW 1700000000.0

/* base64url(header).base64url(payload).HMAC with `alg`'s hash (by name
 * length: any "..256" is SHA-256 and so on) under "secret". */
static void
make_token(str *t, const char *header, const char *payload, unsigned alg)
{
	unsigned char mac[64];
	size_t n;

	memset(t, 0, sizeof *t);
	str_b64(t, header, strlen(header));
	str_puts(t, ".");
	str_b64(t, payload, strlen(payload));
	n = oojwt_hmac(alg, (const unsigned char *)"secret", 6, t->p, t->len,
		mac);
	str_puts(t, ".");
	str_b64(t, mac, n);
}

typedef struct {
	const char *line;      /* where verify.js decides */
	const char *options;   /* verifyOptions JSON */
	const char *header;    /* NULL: {"alg":"HS256","typ":"JWT"} */
	unsigned mac;          /* HMAC of the signature (0: HS256) */
	const char *payload;
	int valid;
	const char *error;     /* error class when refused */
	const char *message;   /* DS's exact message */
} vcase;

#define H256 "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
#define EXP_PAST "{\"sub\":\"u\",\"exp\":1699990000}"
#define EXP_SOON "{\"sub\":\"u\",\"exp\":1700000003}"
#define EXP_HOUR "{\"sub\":\"u\",\"exp\":1700003600}"
#define INVALID_ALG "\" is not a valid algorithm.\n  Supported algorithms " \
	"are:\n  \"HS256\", \"HS384\", \"HS512\", \"RS256\", \"RS384\", " \
	"\"RS512\", \"PS256\", \"PS384\", \"PS512\", \"ES256\", \"ES384\", " \
	"\"ES512\" and \"none\"."

static const vcase cases[] = {
	{ "45: clockTimestamp && typeof !== 'number'",
		"{\"clockTimestamp\":\"1700000000\"}", NULL, 0, EXP_HOUR, 0,
		"JsonWebTokenError", "clockTimestamp must be a number" },
	{ "45: a falsy clockTimestamp is not checked", "{\"clockTimestamp\":\"\"}",
		NULL, 0, EXP_HOUR, 1, NULL, NULL },
	{ "49: nonce !== undefined, blank after trim()",
		"{\"nonce\":\" \\u00a0\\u2028\"}", NULL, 0, EXP_HOUR, 0,
		"JsonWebTokenError", "nonce must be a non-empty string" },
	{ "49: nonce null is not undefined", "{\"nonce\":null}", NULL, 0,
		EXP_HOUR, 0, "JsonWebTokenError", "nonce must be a non-empty string" },
	{ "53: allowInvalidAsymmetricKeyTypes not a boolean",
		"{\"allowInvalidAsymmetricKeyTypes\":1}", NULL, 0, EXP_HOUR, 0,
		"JsonWebTokenError", "allowInvalidAsymmetricKeyTypes must be a boolean" },
	{ "57: clockTimestamp replaces the clock",
		"{\"clockTimestamp\":1699989000}", NULL, 0, EXP_PAST, 1, NULL, NULL },
	{ "144: algorithms [HS256], an expired HS384 token: invalid algorithm first",
		"{\"algorithms\":[\"HS256\"]}", "{\"alg\":\"HS384\",\"typ\":\"JWT\"}",
		OOJWT_ALG_HS384, EXP_PAST, 0, "JsonWebTokenError", "invalid algorithm" },
	{ "144: algorithms a string: indexOf finds \"HS2\", jwa refuses it",
		"{\"algorithms\":\"HS256\"}", "{\"alg\":\"HS2\"}", 0, EXP_HOUR, 0,
		"TypeError", "\"HS2" INVALID_ALG },
	{ "144: algorithms a number: indexOf is not a function",
		"{\"algorithms\":5}", NULL, 0, EXP_HOUR, 0, "TypeError",
		"options.algorithms.indexOf is not a function" },
	{ "144: an array compares with ===: 256 is not \"256\"",
		"{\"algorithms\":[256]}", "{\"alg\":\"256\"}", 0, EXP_HOUR, 0,
		"JsonWebTokenError", "invalid algorithm" },
	{ "148: header.alg a number in the list: startsWith is not a function",
		"{\"algorithms\":[256]}", "{\"alg\":256}", 0, EXP_HOUR, 0, "TypeError",
		"header.alg.startsWith is not a function" },
	{ "150: RS256 allowed with DS's secret key",
		"{\"algorithms\":[\"RS256\"]}", "{\"alg\":\"RS256\"}", 0, EXP_HOUR, 0,
		"JsonWebTokenError",
		"secretOrPublicKey must be an asymmetric key when using RS256" },
	{ "165: jws.verify -> jwa's /i pattern: \"hs384\" is HMAC-SHA-384",
		"{\"algorithms\":[\"hs384\"]}", "{\"alg\":\"hs384\"}", OOJWT_ALG_HS384,
		EXP_HOUR, 1, NULL, NULL },
	{ "165: jwa's none verifier wants an empty signature",
		"{\"algorithms\":[\"none\"]}", "{\"alg\":\"none\"}", 0, EXP_HOUR, 0,
		"JsonWebTokenError", "invalid signature" },
	{ "165: \"es256\" reaches ecdsa-sig-formatter, which counts bytes",
		"{\"algorithms\":[\"es256\"]}", "{\"alg\":\"es256\"}", 0, EXP_HOUR, 0,
		"TypeError", "\"ES256\" signatures must be \"64\" bytes, saw \"32\"" },
	{ "165: jws.verify(jwt, \"\") throws a plain Error",
		"{\"algorithms\":\"HS256\"}", "{\"alg\":\"\"}", 0, EXP_HOUR, 0, "Error",
		"Missing algorithm parameter for jws.verify" },
	{ "176: ignoreNotBefore", "{\"ignoreNotBefore\":1}", NULL, 0,
		"{\"nbf\":1700009999}", 1, NULL, NULL },
	{ "185: ignoreExpiration", "{\"ignoreExpiration\":true}", NULL, 0,
		EXP_PAST, 1, NULL, NULL },
	{ "189: clockTolerance \"60\": exp + \"60\" is text, far in the future",
		"{\"clockTolerance\":\"60\"}", NULL, 0, EXP_PAST, 1, NULL, NULL },
	{ "189: clockTolerance \"e-5\": exp + \"e-5\" reads as 17000",
		"{\"clockTolerance\":\"e-5\"}", NULL, 0, EXP_HOUR, 0,
		"TokenExpiredError", "jwt expired" },
	{ "189: clockTolerance -5: 3 s before exp is expired",
		"{\"clockTolerance\":-5}", NULL, 0, EXP_SOON, 0, "TokenExpiredError",
		"jwt expired" },
	{ "189: no options object: no tolerance", "null", NULL, 0,
		"{\"exp\":1700000000}", 0, "TokenExpiredError", "jwt expired" },
	{ "194: exp comes before audience", "{\"audience\":\"x\"}", NULL, 0,
		EXP_PAST, 0, "TokenExpiredError", "jwt expired" },
	{ "198: audience in an aud array", "{\"audience\":\"a\"}", NULL, 0,
		"{\"aud\":[\"b\",\"a\"]}", 1, NULL, NULL },
	{ "205: audience join(' or ')", "{\"audience\":[\"x\",1,null,[2,3]]}",
		NULL, 0, "{\"aud\":\"z\"}", 0, "JsonWebTokenError",
		"jwt audience invalid. expected: x or 1 or  or 2,3" },
	{ "211: issuer string, no iss", "{\"issuer\":\"i\"}", NULL, 0,
		"{\"sub\":\"u\"}", 0, "JsonWebTokenError",
		"jwt issuer invalid. expected: i" },
	{ "212: issuer array, message joins with ','",
		"{\"issuer\":[\"a\",\"b\"]}", NULL, 0, "{\"iss\":\"c\"}", 0,
		"JsonWebTokenError", "jwt issuer invalid. expected: a,b" },
	{ "210: issuer a number checks nothing", "{\"issuer\":5}", NULL, 0,
		"{\"iss\":\"c\"}", 1, NULL, NULL },
	{ "220: subject 5 === sub 5", "{\"subject\":5}", NULL, 0, "{\"sub\":5.0}",
		1, NULL, NULL },
	{ "221: subject 0.1 !== \"0.1\"", "{\"subject\":1e-7}", NULL, 0,
		"{\"sub\":\"1e-7\"}", 0, "JsonWebTokenError",
		"jwt subject invalid. expected: 1e-7" },
	{ "227: jwtid", "{\"jwtid\":\"j\"}", NULL, 0, "{}", 0,
		"JsonWebTokenError", "jwt jwtid invalid. expected: j" },
	{ "233: nonce", "{\"nonce\":\"n\"}", NULL, 0, "{\"nonce\":\"m\"}", 0,
		"JsonWebTokenError", "jwt nonce invalid. expected: n" },
	{ "239: maxAge without iat", "{\"maxAge\":\"1h\"}", NULL, 0, EXP_HOUR, 0,
		"JsonWebTokenError", "iat required when maxAge is specified" },
	{ "247: maxAge exceeded", "{\"maxAge\":\"1h\"}", NULL, 0,
		"{\"iat\":1699996399}", 0, "TokenExpiredError", "maxAge exceeded" },
	{ "246: maxAge \"1.5 Hours\" with the clock tolerance",
		"{\"maxAge\":\"1.5 Hours\",\"clockTolerance\":60}", NULL, 0,
		"{\"iat\":1699994541}", 1, NULL, NULL },
	{ "244: maxAge ms cannot read", "{\"maxAge\":\"1 fortnight\"}", NULL, 0,
		"{\"iat\":1699999999}", 0, "JsonWebTokenError",
		"\"maxAge\" should be a number of seconds or string representing a "
		"timespan eg: \"1d\", \"20h\", 60" },
	{ "251: complete returns the decoded parts", "{\"complete\":true}", NULL,
		0, "{\"a\":1}", 1, NULL, NULL }
};

static void
one_case(const vcase *c)
{
	oojwt_ds_result r;
	oojwt_ds_opts o;
	const char *name;
	str tok;
	char *vo, *exact;
	test t;

	test_begin(&t, "verify.js:%s", c->line);
	make_token(&tok, c->header != NULL ? c->header : H256, c->payload,
		c->mac != 0 ? c->mac : OOJWT_ALG_HS256);
	memset(&o, 0, sizeof o);
	o.now = NOW + 0.5;
	o.clock_tolerance = 60;
	vo = exact_copy(c->options, strlen(c->options));
	o.verify_options = vo;
	o.verify_options_len = strlen(c->options);
	exact = exact_copy(tok.p, tok.len);
	if (expect(&t, oojwt_ds_verify(&r, exact, tok.len,
		(const unsigned char *)"secret", 6, &o) == OOJWT_OK, "call")) {
		name = oojwt_ds_error_name(r.error_name);
		expect(&t, r.valid == c->valid, "valid %d (%s: %s)", r.valid,
			name != NULL ? name : "-", r.server_message);
		if (!c->valid) {
			expect(&t, name != NULL && strcmp(name, c->error) == 0,
				"class %s", name != NULL ? name : "none");
			expect(&t, strcmp(r.server_message, c->message) == 0,
				"message \"%s\"", r.server_message);
			expect(&t, r.close_code == (strcmp(c->error, "JsonWebTokenError")
				== 0 ? 4006 : strcmp(c->error, "TokenExpiredError") == 0
				? 4005 : 0), "close code %d", r.close_code);
		}
		expect(&t, (r.decoded_text != NULL) == (strstr(c->options,
			"\"complete\":true") != NULL && c->valid), "decoded %s",
			r.decoded_text != NULL ? r.decoded_text : "none");
		if (r.decoded_text != NULL) {
			char want[400];
			snprintf(want, sizeof want, "{\"header\":%s,\"payload\":%s,"
				"\"signature\":\"%s\"}", H256, c->payload,
				strrchr(tok.p, '.') + 1);
			expect(&t, strcmp(r.decoded_text, want) == 0, "decoded %s",
				r.decoded_text);
		}
		oojwt_ds_result_free(&r);
	}
	free(exact);
	free(vo);
	str_free(&tok);
	test_end(&t);
}

static void
options_checked_first(void)
{
	oojwt_ds_result r;
	oojwt_ds_opts o;
	test t;

	test_begin(&t, "verify.js:45-55 run before \"jwt must be provided\" (59)");
	memset(&o, 0, sizeof o);
	o.now = NOW;
	o.verify_options = "{\"nonce\":\"\"}";
	o.verify_options_len = strlen(o.verify_options);
	expect(&t, oojwt_ds_verify(&r, "", 0, NULL, 0, &o) == OOJWT_OK
		&& strcmp(r.server_message, "nonce must be a non-empty string") == 0,
		"message %s", r.server_message);
	oojwt_ds_result_free(&r);
	o.verify_options = "{\"nonce\":";
	o.verify_options_len = strlen(o.verify_options);
	expect(&t, oojwt_ds_verify(&r, "", 0, NULL, 0, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "options that are not JSON");
	test_end(&t);
}

static void
js_numbers(void)
{
	static const struct {
		double d;
		const char *want;
	} n[] = {
		{ 0, "0" }, { -0.0, "0" }, { 100, "100" }, { 0.1, "0.1" },
		{ 1e21, "1e+21" }, { 123456789012345680000.0, "123456789012345680000" },
		{ 5e-7, "5e-7" }, { 1.5e-7, "1.5e-7" }, { 0.000001, "0.000001" },
		{ 4.9406564584124654e-324, "5e-324" },
		{ 1.7976931348623157e308, "1.7976931348623157e+308" },
		{ -1700000000.5, "-1700000000.5" }, { 1.0 / 3, "0.3333333333333333" },
		{ 9007199254740993.0, "9007199254740992" }, { 2e-323, "2e-323" },
		{ 1.2e-322, "1.2e-322" }
	};
	char out[OOJWT_JS_NUMBER_LEN];
	size_t i;
	test t;

	test_begin(&t, "ECMAScript Number::toString (src/core/js_number.c)");
	for (i = 0; i < sizeof n / sizeof *n; i++) {
		oojwt_js_number(out, n[i].d);
		expect(&t, strcmp(out, n[i].want) == 0, "%.17g: %s, want %s", n[i].d,
			out, n[i].want);
	}
	test_end(&t);
}

static void
ms_texts(void)
{
	static const struct {
		const char *s;
		int ok;
		double ms;
	} m[] = {
		{ "1h", 1, 3600000 }, { "1.5 Hours", 1, 5400000 }, { "-1d", 1, -86400000 },
		{ ".5 s", 1, 500 }, { "100", 1, 100 }, { "2 YRS", 1, 63115200000.0 },
		{ "1.", 0, 0 }, { "1 fortnight", 0, 0 }, { " 1h", 0, 0 },
		{ "1h ", 0, 0 }, { "1\th", 0, 0 }, { "", 0, 0 }, { "-", 0, 0 }
	};
	size_t i;
	double got;
	test t;

	test_begin(&t, "ms 2.1.3 parse (node_modules/ms/index.js)");
	for (i = 0; i < sizeof m / sizeof *m; i++) {
		int ok = oojwt_ds_ms_parse(m[i].s, strlen(m[i].s), &got);
		expect(&t, ok == m[i].ok && (!ok || got == m[i].ms), "\"%s\": %d %g",
			m[i].s, ok, ok ? got : 0);
	}
	test_end(&t);
}

void
suite_verify_options(const char *ours, const char *shared)
{
	size_t i;

	(void)ours;
	(void)shared;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		one_case(&cases[i]);
	}
	options_checked_first();
	js_numbers();
	ms_texts();
}
