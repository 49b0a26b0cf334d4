/*
 * The connectors' JWT libraries (src/ds/jwt_libraries.c) at their
 * boundaries, each row taken from the library's own source: php-jwt
 * src/JWT.php decode() (floor since 6.9, iat skipped with nbf since 6.6,
 * key length in 7.0), PyJWT 2.6 api_jwt.py _validate_iat, java-jwt 4.0.0
 * JWTVerifier assertInstantIsFuture/Past (exp strict, leeway), and the
 * connector table's invariants (src/ds/connectors.c); what each connector
 * signs when it sends to Document Server, row by row, with the findings
 * that follow (src/ds/connector_sign.c: NC lib/DocumentService.php and
 * EditorApiController.php, MO classes/editor.php, MM editor.go and
 * plugin.go createVersionToken, php-jwt 7 validateHmacKeyLength in
 * encode()); and DS's downloads (FileConverter converter.js downloadFile:
 * {payload: {url}} in the outbox header) as the download handlers judge
 * them (NC CallbackController.php download(), MM download.go).
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

/* What each row signs, from the connectors' sources: config iat and
 * lifetime, request iat and lifetime, where a request's token goes, whether
 * its library refuses a short key when it signs. */
static const struct {
	const char *id;
	int config_iat;
	double config_exp;
	int request_iat;
	double request_exp;
	int send;
	int key_min;
} signs[] = {
	{ "nextcloud", 1, 300, 1, 300, 3, 0 },
	{ "nextcloud-php-jwt-7", 1, 300, 1, 300, 3, 1 },
	{ "owncloud", 1, 300, 1, 300, 3, 0 },
	{ "moodle", 0, 0, 0, 0, 3, 0 },
	{ "humhub", 0, 300, -2, -2, 3, 0 },
	{ "chamilo", 1, -1, -2, -2, 0, 0 },
	{ "confluence", 1, 300, -2, -2, 3, 0 },
	{ "jira", 1, 300, -2, -2, 3, 0 },
	{ "alfresco", 1, 300, -2, -2, 3, 0 },
	{ "liferay", 1, 300, -2, -2, 3, 0 },
	{ "nuxeo", 1, 300, -2, -2, 3, 0 },
	{ "redmine", 0, 0, 0, 0, 1, 0 },
	{ "strapi", 1, 180, 1, 60, 1, 0 },
	{ "mattermost", 1, 180, 1, 60, 1, 0 },
	{ "plone", 0, 0, 0, 0, 3, 0 },
	{ "example-nodejs", 1, 300, -2, -2, 3, 0 },
	{ "example-python", 1, -1, -2, -2, 3, 0 },
	{ "example-php", 1, -1, -2, -2, 3, 0 },
	{ "example-ruby", 1, -1, -2, -2, 3, 0 },
	{ "example-java", 0, -1, -2, -2, 3, 0 },
	{ "example-go", -2, -2, -2, -2, 0, 0 },
	{ "example-csharp", 1, -1, -2, -2, 3, 0 },
};

static void
signing_rows(void)
{
	size_t i;
	test t;

	test_begin(&t, "connectors: what each row signs when it sends to DS");
	expect(&t, sizeof signs / sizeof signs[0] == oojwt_connector_count(),
		"%zu rows, %zu facts", oojwt_connector_count(),
		sizeof signs / sizeof signs[0]);
	for (i = 0; i < sizeof signs / sizeof signs[0]; i++) {
		int row = oojwt_connector_find(signs[i].id, strlen(signs[i].id));
		const oojwt_connector *c = oojwt_connector_at((size_t)row);
		if (!expect(&t, c != NULL, "%s is a row", signs[i].id)) {
			continue;
		}
		expect(&t, c->sign_alg == OOJWT_ALG_HS256 && c->config_iat
			== signs[i].config_iat && c->config_exp == signs[i].config_exp
			&& c->request_iat == signs[i].request_iat && c->request_exp
			== signs[i].request_exp && c->send == signs[i].send, "%s signs "
			"config iat %d exp %g, request iat %d exp %g, send %d", c->id,
			c->config_iat, c->config_exp, c->request_iat, c->request_exp,
			c->send);
		expect(&t, oojwt_jwt_library_at((size_t)c->library)->key_min
			== signs[i].key_min, "%s key rule", c->id);
		expect(&t, c->sign_source != NULL || strcmp(c->id, "example-go")
			== 0, "%s names its source", c->id);
	}
	test_end(&t);
}

/* Findings' codes, space-separated, into out. */
static const char *
codes_of(char *out, size_t cap, const oojwt_finding *f, size_t n)
{
	size_t i, o = 0;

	out[0] = 0;
	for (i = 0; i < n && o + 1 < cap; i++) {
		o += (size_t)snprintf(out + o, cap - o, "%s%s", i > 0 ? " " : "",
			oojwt_code_name(f[i].code));
	}
	return out;
}

static const oojwt_finding *
finding(const oojwt_finding *f, size_t n, int code)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (f[i].code == code) {
			return &f[i];
		}
	}
	return NULL;
}

/* An editor config whose document.url and callbackUrl have `base` and
 * `path`, with a token over it plus `claims` (",\"iat\":...", or ""). */
static void
config_text(str *out, const char *base, const char *claims,
	const char *secret)
{
	char body[700], payload[800];
	str tok = { 0 };

	snprintf(body, sizeof body, "\"document\":{\"fileType\":\"docx\","
		"\"key\":\"k1\",\"title\":\"a.docx\",\"url\":\"%s?doc=1\"},"
		"\"documentType\":\"word\",\"editorConfig\":{\"callbackUrl\":"
		"\"%s?doc=2\"}", base, base);
	snprintf(payload, sizeof payload, "{%s%s}", body, claims);
	hs_token(&tok, "HS256", payload, secret);
	str_puts(out, "{");
	str_puts(out, body);
	str_puts(out, ",\"token\":\"");
	str_puts(out, tok.p);
	str_puts(out, "\"}");
	str_free(&tok);
}

/* a 32-byte secret; Nextcloud's and Strapi's lifetimes; Nextcloud's path */
#define S32 "0123456789abcdef0123456789abcdef"
#define FIVE_MIN ",\"iat\":1765000000,\"exp\":1765000300"
#define THREE_MIN ",\"iat\":1765000000,\"exp\":1765000180"
#define NC_URL "https://nc.example/apps/onlyoffice/track"

static void
config_cases(void)
{
	static const struct {
		const char *what, *base, *claims, *secret, *connector;
		int sender, confidence, used;
		const char *codes;
		int severity;   /* of connector_cannot_sign, when in codes */
	} cases[] = {
		{ "Moodle's callback.php, no iat or exp: told (high), never expires",
		  "https://m.example/mod/onlyofficeeditor/callback.php", "",
		  S32, NULL, 4, 3, 1,
		  "connector_recognised connector_signs token_never_expires", 0 },
		{ "Nextcloud's /apps/onlyoffice/, iat and exp 5 min, 20-byte secret: "
		  "Nextcloud on php-jwt 7 cannot sign",
		  NC_URL,
		  FIVE_MIN, "0123456789abcdefghij",
		  NULL, 1, 3, 1, "connector_recognised connector_signs "
		  "connector_cannot_sign", OOJWT_SEVERITY_WARNING },
		{ "Nextcloud named on php-jwt 7, 20-byte secret: an error",
		  NC_URL,
		  FIVE_MIN, "0123456789abcdefghij",
		  "nextcloud-php-jwt-7", 2, 0, 1,
		  "connector_signs connector_cannot_sign", OOJWT_SEVERITY_ERROR },
		{ "Nextcloud named on php-jwt 7, 32-byte secret: signs",
		  NC_URL,
		  FIVE_MIN,
		  S32, "nextcloud-php-jwt-7", 2, 0, 1,
		  "connector_signs", 0 },
		{ "Nextcloud's paths but a one-hour token: medium, not used",
		  NC_URL,
		  ",\"iat\":1765000000,\"exp\":1765003600",
		  S32, NULL, 1, 2, 0,
		  "connector_recognised", 0 },
		{ "Nextcloud named, no iat and a one-hour exp: unlike it",
		  "https://x.example/doc", ",\"exp\":1765003600",
		  S32, "nextcloud", 1, 0, 1,
		  "connector_signs claims_unlike_connector", 0 },
		{ "no URL of a connector, 3 minutes: Strapi or Mattermost (low)",
		  "https://x.example/doc", THREE_MIN,
		  S32, NULL, 13, 1, 0,
		  "connector_recognised", 0 },
		{ "Mattermost's plugin path, 3 minutes: high",
		  "https://mm.example/plugins/com.onlyoffice.mattermost/api/callback",
		  THREE_MIN,
		  S32, NULL, 14, 3, 1,
		  "connector_recognised connector_signs", 0 },
		{ "Strapi named, 3 minutes: as it signs",
		  "https://x.example/doc", THREE_MIN,
		  S32, "strapi", 13, 0, 1,
		  "connector_signs", 0 },
		{ "Redmine named, no claims: never expires",
		  "https://x.example/doc", "", S32,
		  "redmine", 12, 0, 1, "connector_signs token_never_expires", 0 },
		{ "none: no connector checks",
		  "https://m.example/mod/onlyofficeeditor/callback.php", "",
		  S32, "none", 0, 0, 0, "", 0 },
		{ "a hand-made token with no claims and no connector URL: nothing",
		  "https://x.example/doc", "", S32,
		  NULL, 0, 0, 0, "", 0 },
	};
	oojwt_config_report r;
	oojwt_inspect_opts o;
	char got[300];
	size_t i;
	test t;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		str cfg = { 0 };
		const oojwt_finding *f;
		test_begin(&t, "config sender: %s", cases[i].what);
		config_text(&cfg, cases[i].base, cases[i].claims, cases[i].secret);
		memset(&o, 0, sizeof o);
		o.now = AT_NOW + 10;
		o.clock_tolerance = 60;
		o.enable_browser = 1;
		o.token_required_params = 1;
		o.connector = cases[i].connector == NULL ? 0
			: strcmp(cases[i].connector, "none") == 0 ? -1
			: oojwt_connector_find(cases[i].connector,
			strlen(cases[i].connector)) + 1;
		if (expect(&t, oojwt_config_inspect(&r, cfg.p, cfg.len,
			(const unsigned char *)cases[i].secret, strlen(cases[i].secret),
			&o) == OOJWT_OK, "inspect"))
		{
			/* the connector findings follow DS's own (none here) */
			expect(&t, strcmp(codes_of(got, sizeof got, r.findings,
				r.n_findings), cases[i].codes) == 0, "findings [%s], expected "
				"[%s]", got, cases[i].codes);
			expect(&t, r.sender.connector == (cases[i].sender > 0
				? oojwt_connector_find(signs[cases[i].sender - 1].id,
				strlen(signs[cases[i].sender - 1].id)) + 1 : 0),
				"sender %d", r.sender.connector);
			expect(&t, r.sender.confidence == cases[i].confidence
				&& r.sender.used == cases[i].used, "confidence %d used %d",
				r.sender.confidence, r.sender.used);
			f = finding(r.findings, r.n_findings,
				OOJWT_FIND_CONNECTOR_CANNOT_SIGN);
			expect(&t, f == NULL || (f->severity == cases[i].severity
				&& strstr(f->message, "Provided key is too short") != NULL
				&& strstr(f->message, "HTTP 500") != NULL
				&& strstr(f->fix, "32 characters") != NULL),
				"cannot sign: %s", f != NULL ? f->message : "");
			oojwt_config_report_free(&r);
		}
		str_free(&cfg);
		test_end(&t);
	}
}

/* A raw HTTP request: `line` (request line or NULL), a header
 * `Name: Bearer token` when name is not NULL, and `body`. */
static void
http_text(str *out, const char *line, const char *name, const char *tok,
	const char *body)
{
	if (line != NULL) {
		str_puts(out, line);
		str_puts(out, "\r\n");
	}
	if (name != NULL) {
		str_puts(out, name);
		str_puts(out, ": Bearer ");
		str_puts(out, tok);
		str_puts(out, "\r\n");
	}
	str_puts(out, "\r\n");
	str_puts(out, body != NULL ? body : "");
}

static void
request_cases(void)
{
	oojwt_request_report *r = (oojwt_request_report *)xmalloc(sizeof *r);
	oojwt_request_opts o;
	const char *secret = "0123456789abcdef0123456789abcdef";
	char got[300], body[600];
	str tok = { 0 }, req = { 0 };
	test t;

	test_begin(&t, "request sender: Redmine sends the body token only");
	hs_token(&tok, "HS256", "{\"c\":\"info\",\"key\":\"k1\"}", secret);
	snprintf(body, sizeof body, "{\"c\":\"info\",\"key\":\"k1\",\"token\":"
		"\"%s\"}", tok.p);
	http_text(&req, "POST /command HTTP/1.1", "Authorization", tok.p, body);
	memset(&o, 0, sizeof o);
	o.kind = OOJWT_REQUEST_COMMAND;
	o.now = AT_NOW;
	o.enabled = 1;
	o.token_required_params = 1;
	o.clock_tolerance = 60;
	o.connector = oojwt_connector_find("redmine", 7) + 1;
	expect(&t, oojwt_request_inspect(r, req.p, req.len,
		(const unsigned char *)secret, strlen(secret), &o) == OOJWT_OK
		&& r->ok, "accepted");
	codes_of(got, sizeof got, r->findings, r->n_findings);
	expect(&t, strstr(got, "connector_signs token_never_expires "
		"claims_unlike_connector") != NULL && strstr(finding(r->findings,
		r->n_findings, OOJWT_FIND_CLAIMS_UNLIKE_CONNECTOR)->message,
		"body token only") != NULL, "findings [%s]", got);
	oojwt_request_report_free(r);
	test_end(&t);

	test_begin(&t, "request sender: Mattermost's version check, 1 minute");
	str_free(&tok);
	str_free(&req);
	hs_token(&tok, "HS256", "{\"c\":\"version\",\"iat\":1765000000,"
		"\"exp\":1765000060}", secret);
	snprintf(body, sizeof body, "{\"c\":\"version\",\"token\":\"%s\"}",
		tok.p);
	http_text(&req, NULL, NULL, NULL, body);
	o.connector = oojwt_connector_find("mattermost", 10) + 1;
	expect(&t, oojwt_request_inspect(r, req.p, req.len,
		(const unsigned char *)secret, strlen(secret), &o) == OOJWT_OK
		&& r->ok, "accepted");
	expect(&t, strcmp(codes_of(got, sizeof got, r->findings, r->n_findings),
		"connector_signs") == 0, "findings [%s]", got);
	oojwt_request_report_free(r);
	test_end(&t);
	str_free(&tok);
	str_free(&req);
	free(r);
}

/* The verdict of connector `id` in r, NULL when it did not judge. */
static const oojwt_connector_verdict *
verdict_of(const oojwt_request_report *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->n_connectors; i++) {
		if (strcmp(oojwt_connector_at((size_t)r->connectors[i].connector)->id,
			id) == 0)
		{
			return &r->connectors[i];
		}
	}
	return NULL;
}

static void
download_cases(void)
{
	oojwt_request_report *r = (oojwt_request_report *)xmalloc(sizeof *r);
	oojwt_request_opts o;
	const char *secret = "0123456789abcdef0123456789abcdef";
	const char *url = "https://nc.example/apps/onlyoffice/download?doc=abc";
	const oojwt_connector_verdict *v;
	char payload[300], line[200];
	str tok = { 0 }, req = { 0 };
	test t;

	/* DS's clock 30 s ahead of the connectors' */
	snprintf(payload, sizeof payload, "{\"payload\":{\"url\":\"%s\"},"
		"\"iat\":1765000030,\"exp\":1765000330}", url);
	hs_token(&tok, "HS256", payload, secret);
	snprintf(line, sizeof line, "GET %s HTTP/1.1", url + 18);
	http_text(&req, line, "Authorization", tok.p, NULL);
	memset(&o, 0, sizeof o);
	o.kind = OOJWT_REQUEST_DOWNLOAD;
	o.now = AT_NOW;
	o.enabled = 1;
	test_begin(&t, "download: DS's clock 30 s ahead, as each connector "
		"judges it");
	expect(&t, oojwt_request_inspect(r, req.p, req.len,
		(const unsigned char *)secret, strlen(secret), &o) == OOJWT_OK,
		"inspect");
	expect(&t, r->n_connectors == oojwt_connector_count(), "every row");
	v = verdict_of(r, "nextcloud");
	expect(&t, v != NULL && v->accepted == 0
		&& v->code == OOJWT_WARN_IAT_IN_FUTURE && v->place
		== OOJWT_PLACE_HEADER && strstr(v->fix, "jwt_leeway") != NULL,
		"Nextcloud refuses: %s", v != NULL ? v->message : "");
	v = verdict_of(r, "moodle");
	expect(&t, v != NULL && v->accepted == 1, "Moodle (leeway 60) accepts");
	v = verdict_of(r, "redmine");
	expect(&t, v != NULL && v->accepted == 1 && v->place
		== OOJWT_PLACE_HEADER, "Redmine reads a GET's header");
	v = verdict_of(r, "strapi");
	expect(&t, v != NULL && v->accepted == 1, "jsonwebtoken: iat unchecked");
	expect(&t, finding(r->findings, r->n_findings,
		OOJWT_FIND_CONNECTORS_DECIDE) != NULL && finding(r->findings,
		r->n_findings, OOJWT_FIND_DOWNLOAD_URL_DIFFERS) == NULL,
		"connectors_decide, the URL as signed");
	oojwt_request_report_free(r);
	test_end(&t);

	test_begin(&t, "download: a proxy rewrote the path");
	str_free(&req);
	http_text(&req, "GET /nc/apps/onlyoffice/download?doc=abc HTTP/1.1",
		"Authorization", tok.p, NULL);
	o.now = AT_NOW + 60;
	o.connector = oojwt_connector_find("mattermost", 10) + 1;
	expect(&t, oojwt_request_inspect(r, req.p, req.len,
		(const unsigned char *)secret, strlen(secret), &o) == OOJWT_OK
		&& r->ok && r->n_connectors == 1, "Mattermost accepts");
	expect(&t, finding(r->findings, r->n_findings,
		OOJWT_FIND_DOWNLOAD_URL_DIFFERS) != NULL, "download_url_differs");
	oojwt_request_report_free(r);
	test_end(&t);

	test_begin(&t, "download: no prefix: the Java SDK's download handler "
		"takes it (prefix optional), Nextcloud cuts 7 characters");
	str_free(&req);
	str_puts(&req, "GET /x HTTP/1.1\r\nAuthorization: ");
	str_puts(&req, tok.p);
	str_puts(&req, "\r\n\r\n");
	o.connector = OOJWT_CONNECTOR_ALL;
	expect(&t, oojwt_request_inspect(r, req.p, req.len,
		(const unsigned char *)secret, strlen(secret), &o) == OOJWT_OK,
		"inspect");
	v = verdict_of(r, "confluence");
	expect(&t, v != NULL && v->accepted == 1, "Confluence accepts: %s",
		v != NULL ? v->message : "");
	v = verdict_of(r, "nextcloud");
	expect(&t, v != NULL && v->accepted == 0, "Nextcloud refuses");
	oojwt_request_report_free(r);
	test_end(&t);
	str_free(&tok);
	str_free(&req);
	free(r);
}

void
suite_connectors(const char *ours, const char *shared)
{
	(void)ours;
	(void)shared;
	library_cases();
	contracts();
	signing_rows();
	config_cases();
	request_cases();
	download_cases();
}
