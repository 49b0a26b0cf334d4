/*
 * The connectors: how each integration finds, cuts, verifies and
 * answers Document Server's callback. One row per connector (and per
 * library version where it decides differently); each row names the
 * source it was read from (repository@commit and file).
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

/* Library rows (jwt_libraries.c), by their place in that table. */
enum {
	PHP_60, PHP_66, PHP_69, PHP_7, PYJWT, RUBY, JAVA, JSONWEBTOKEN, GOLANG,
	PRIME, DOTNET
};

#define NC_LEEWAY "'jwt_leeway' => 30 in the 'onlyoffice' section of " \
	"config.php"
#define NC_REFUSED "{\"message\":\"Access denied\"}"
#define SDKJ "the Java SDK's acceptLeeway(3) (ONLYOFFICE/" \
	"docs-integration-sdk-java v1.7.1 DefaultJwtManager)"

/* What a connector signs when it sends to Document Server: configs
 * (iat, lifetime), requests (iat, lifetime), where a request's token
 * goes, the setting that changes it, the source; then the prefix rule of
 * its download handler and the path fragments of its URLs. */
#define U OOJWT_CONN_UNKNOWN
#define SOME OOJWT_CONN_EXP_SOME
#define BODY OOJWT_CONN_SEND_BODY
#define BOTH (OOJWT_CONN_SEND_BODY | OOJWT_CONN_SEND_HEADER)
#define SIGNS(ci, ce, ri, re, send, setting, source, dl, marks) \
	OOJWT_ALG_HS256, ci, ce, ri, re, send, setting, source, dl, marks
#define NC_EXP "'jwt_expiration' => minutes in the 'onlyoffice' section of " \
	"config.php (default 5)"
#define NC_SIGNS(repo) SIGNS(1, 300, 1, 300, BOTH, NC_EXP, repo \
	" lib/Controller/EditorApiController.php (config: iat, exp = now + " \
	"jwt_expiration minutes), lib/DocumentService.php (header {payload, iat, " \
	"exp} and the body with iat, exp and token)", -1, "/apps/onlyoffice/")
#define SDKJ_SIGNS(marks) SIGNS(1, 300, U, U, BOTH, NULL, \
	"ONLYOFFICE/docs-integration-sdk-java v1.7.1 (config: iat, exp 5 " \
	"minutes; requests: the header and the body token)", \
	OOJWT_CONN_PFX_OPTIONAL, marks)
#define EX "ONLYOFFICE/document-server-integration@0fdf1dd1 " \
	"web/documentserver-example/"

static const oojwt_connector connectors[] = {
	{ "nextcloud", "Nextcloud", PHP_69, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_CUT, 1, 0, NC_LEEWAY, 1, 0,
	  403, NC_REFUSED, "Track with invalid jwt in body",
	  "ONLYOFFICE/onlyoffice-nextcloud@9d5157cb "
	  "lib/Controller/CallbackController.php track(), php-jwt 6.11.1",
	  NC_SIGNS("ONLYOFFICE/onlyoffice-nextcloud@9d5157cb") },
	{ "nextcloud-php-jwt-7", "Nextcloud with php-jwt 7", PHP_7,
	  OOJWT_CONN_LOC_BODY_FIRST, OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_CUT,
	  1, 0, NC_LEEWAY, 1, 0, 403, NC_REFUSED,
	  "Track with invalid jwt in body",
	  "ONLYOFFICE/onlyoffice-nextcloud@9d5157cb with firebase/php-jwt 7 "
	  "(Euro-Office forks; Nextcloud once its lock moves)",
	  NC_SIGNS("ONLYOFFICE/onlyoffice-nextcloud@9d5157cb") },
	{ "owncloud", "ownCloud", PHP_60, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_CUT, 1, 0, NC_LEEWAY, 1, 0,
	  403, NC_REFUSED, "Track with invalid jwt in body",
	  "ONLYOFFICE/onlyoffice-owncloud@91820ebe "
	  "controller/callbackcontroller.php, 3rdparty/jwt (php-jwt 6.4.0)",
	  NC_SIGNS("ONLYOFFICE/onlyoffice-owncloud@91820ebe (as Nextcloud)") },
	{ "moodle", "Moodle", PHP_69, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_CUT, 1, 60, NULL, 1, 0, 200,
	  "{\"status\":\"error\",\"error\":\"403 Access denied\"}", NULL,
	  "ONLYOFFICE/moodle-mod_onlyofficeeditor@2883dda9 callback.php, "
	  "classes/jwt_wrapper.php (JWT::$leeway = 60)",
	  SIGNS(0, 0, 0, 0, BOTH, NULL, "ONLYOFFICE/moodle-mod_onlyofficeeditor@"
	  "2883dda9 classes/editor.php (the config, no iat or exp), "
	  "classes/document_service.php (header {payload}, body token, no exp)",
	  -1, "/mod/onlyofficeeditor/|/mod_onlyofficeeditor/") },
	{ "humhub", "HumHub", PHP_69, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_CUT, 1, 0, NULL, 0, 0, 403,
	  "Invalid JWT signature", NULL, "ONLYOFFICE/onlyoffice-humhub@0ea3df8e "
	  "controllers/BackendController.php",
	  SIGNS(0, 300, U, U, BOTH, NULL, "ONLYOFFICE/onlyoffice-humhub@0ea3df8e "
	  "widgets/EditorWidget.php (exp = now + 300, no iat), Module.php",
	  -1, NULL) },
	{ "chamilo", "Chamilo", PHP_69, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_EXACT, OOJWT_CONN_PFX_CUT, 1, 0, NULL, 0, 1, 0, NULL,
	  NULL, "ONLYOFFICE/onlyoffice-chamilo@ff503579 callback.php "
	  "(docs-integration-sdk-php, php-jwt)",
	  SIGNS(1, SOME, U, U, 0, NULL, "ONLYOFFICE/docs-integration-sdk-php@"
	  "49e555ae src/Manager/Security/JwtManager.php (iat and exp)", -1,
	  NULL) },
	{ "confluence", "Confluence", JAVA, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_STARTS, 1, 3, NULL, 0, 0, 0,
	  NULL, NULL, "ONLYOFFICE/onlyoffice-confluence@ab8d713c with " SDKJ,
	  SDKJ_SIGNS("/plugins/servlet/onlyoffice/") },
	{ "jira", "Jira", JAVA, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_STARTS, 1, 3, NULL, 0, 0, 0,
	  NULL, NULL, "ONLYOFFICE/onlyoffice-jira@daa1ffa1 with " SDKJ,
	  SDKJ_SIGNS(NULL) },
	{ "alfresco", "Alfresco", JAVA, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_STARTS, 1, 3, NULL, 0, 0, 0,
	  NULL, NULL, "ONLYOFFICE/onlyoffice-alfresco@fd968a17 with " SDKJ,
	  SDKJ_SIGNS(NULL) },
	{ "liferay", "Liferay", JAVA, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_STARTS, 1, 3, NULL, 0, 0, 0,
	  NULL, NULL, "ONLYOFFICE/onlyoffice-liferay@fbfa8b95 with " SDKJ,
	  SDKJ_SIGNS(NULL) },
	{ "nuxeo", "Nuxeo", JAVA, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_STARTS, 1, 3, NULL, 0, 0, 0,
	  NULL, NULL, "ONLYOFFICE/onlyoffice-nuxeo@89567151 with " SDKJ,
	  SDKJ_SIGNS(NULL) },
	{ "redmine", "Redmine", RUBY, OOJWT_CONN_LOC_BODY_ONLY,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_CUT, 0, 0, NULL, 0, 0, 401,
	  NULL, NULL, "ONLYOFFICE/onlyoffice-redmine@689c2f7d (ruby-jwt 2.7.1; "
	  "POST callbacks: the body token only)",
	  SIGNS(0, 0, 0, 0, BODY, "jwt_algorithm in the plugin's settings "
	  "(default HS256)", "ONLYOFFICE/onlyoffice-redmine@689c2f7d "
	  "lib2/onlyoffice/api/client.rb (POST: the body token only; no iat or "
	  "exp)", -1, NULL) },
	{ "strapi", "Strapi", JSONWEBTOKEN, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_AUTH, OOJWT_CONN_PFX_SPLIT, 0, 0, NULL, 0, 0, 0,
	  "{\"error\":1}", NULL, "ONLYOFFICE/onlyoffice-strapi@6f1fe102 "
	  "(jsonwebtoken 9.0.0; Authorization split on white space)",
	  SIGNS(1, 180, 1, 60, BODY, NULL, "ONLYOFFICE/onlyoffice-strapi@6f1fe102 "
	  "server/src/controllers/editor.js (expiresIn '3m'; the version check "
	  "'1m', body only; jsonwebtoken adds iat)", -1, NULL) },
	{ "mattermost", "Mattermost", GOLANG, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_REPLACE, 0, 0, NULL, 2, 0, 0,
	  NULL, NULL, "ONLYOFFICE/onlyoffice-mattermost@ea999f97 "
	  "server/pkg/configuration/configuration.go (golang-jwt v5.2.2)",
	  SIGNS(1, 180, 1, 60, BODY, NULL, "ONLYOFFICE/onlyoffice-mattermost@"
	  "ea999f97 server/web/controller/editor.go (IssuedAt, ExpiresAt now + "
	  "3 minutes), server/cmd/plugin.go createVersionToken (1 minute)",
	  OOJWT_CONN_PFX_REPLACE, "/plugins/com.onlyoffice.mattermost/") },
	{ "plone", "Plone", PYJWT, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_WSGI, OOJWT_CONN_PFX_CUT, 1, 0, NULL, 0, 0, 0, NULL,
	  NULL, "ONLYOFFICE/onlyoffice-plone@6b30f457 (PyJWT; WSGI HTTP_ "
	  "header names)",
	  SIGNS(0, 0, 0, 0, BOTH, NULL, "ONLYOFFICE/onlyoffice-plone@6b30f457 "
	  "createSecurityToken (no iat or exp; header and body)", -1, NULL) },
	{ "example-nodejs", "the Node.js example", JSONWEBTOKEN,
	  OOJWT_CONN_LOC_BODY_FIRST, OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_CUT,
	  1, 0, NULL, 0, 0, 200, "{\"error\":1}", NULL,
	  "ONLYOFFICE/document-server-integration@0fdf1dd1 "
	  "web/documentserver-example/nodejs (jsonwebtoken 9.0.2)",
	  SIGNS(1, 300, U, U, BOTH, NULL, EX "nodejs (config: expiresIn 5m; "
	  "header {query, payload} and the body token)", -1, NULL) },
	{ "example-python", "the Python example", PYJWT,
	  OOJWT_CONN_LOC_BODY_FIRST, OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_CUT,
	  1, 0, NULL, 0, 0, 0, NULL, NULL,
	  "ONLYOFFICE/document-server-integration@0fdf1dd1 "
	  "web/documentserver-example/python (PyJWT 2.6)",
	  SIGNS(1, SOME, U, U, BOTH, NULL, EX "python (iat and exp as floats, "
	  "time.time())", -1, NULL) },
	{ "example-php", "the PHP example", PHP_66, OOJWT_CONN_LOC_HEADER_ONLY,
	  OOJWT_CONN_HDR_EXACT, OOJWT_CONN_PFX_CUT, 1, 0, NULL, 0, 0, 0, NULL,
	  NULL, "ONLYOFFICE/document-server-integration@0fdf1dd1 "
	  "web/documentserver-example/php src/trackmanager.php (php-jwt 6.8.1)",
	  SIGNS(1, SOME, U, U, BOTH, NULL, EX "php (iat and exp)", -1, NULL) },
	{ "example-ruby", "the Ruby example", RUBY, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_CUT, 1, 0, NULL, 0, 0, 0, NULL,
	  NULL, "ONLYOFFICE/document-server-integration@0fdf1dd1 "
	  "web/documentserver-example/ruby (ruby-jwt 2.8.0)",
	  SIGNS(1, SOME, U, U, BOTH, NULL, EX "ruby (iat and exp; the header "
	  "{payload} wraps the body with its token)", -1, NULL) },
	{ "example-java", "the Java example", PRIME, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_OPTIONAL, 1, 0, NULL, 0, 0, 0,
	  NULL, NULL, "ONLYOFFICE/document-server-integration@0fdf1dd1 "
	  "web/documentserver-example/java (prime-jwt 1.3.1)",
	  SIGNS(0, SOME, U, U, BOTH, NULL, EX "java (claims and exp only)", -1,
	  NULL) },
	{ "example-go", "the Go example", GOLANG, OOJWT_CONN_LOC_HEADER_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_SPLIT, 0, 0, NULL, 2, 0, 0,
	  NULL, NULL, "ONLYOFFICE/document-server-integration@0fdf1dd1 "
	  "web/documentserver-example/go (golang-jwt v5.3.0)",
	  SIGNS(U, U, U, U, 0, NULL, NULL, -1, NULL) },
	{ "example-csharp", "the C# example", DOTNET, OOJWT_CONN_LOC_BODY_FIRST,
	  OOJWT_CONN_HDR_ANY_CASE, OOJWT_CONN_PFX_CUT, 1, 0, NULL, 0, 0, 0, NULL,
	  NULL, "ONLYOFFICE/document-server-integration@0fdf1dd1 "
	  "web/documentserver-example/csharp (JWT 9.0.3)",
	  SIGNS(1, SOME, U, U, BOTH, NULL, EX "csharp (iat and exp)", -1,
	  NULL) },
};

#define N_CONNECTORS (sizeof connectors / sizeof connectors[0])

size_t
oojwt_connector_count(void)
{
	return N_CONNECTORS;
}

const oojwt_connector *
oojwt_connector_at(size_t i)
{
	return i < N_CONNECTORS ? &connectors[i] : NULL;
}

int
oojwt_connector_find(const char *id, size_t len)
{
	size_t i;

	for (i = 0; id != NULL && i < N_CONNECTORS; i++) {
		if (strlen(connectors[i].id) == len
			&& memcmp(connectors[i].id, id, len) == 0)
		{
			return (int)i;
		}
	}
	return -1;
}

/* The header value as the connector reads it (malloc'd, *n bytes), NULL
 * when it does not see the header. */
static char *
header_value(const oojwt_connector *c, const oojwt_http_request *h,
	const char *name, size_t name_len, size_t *n)
{
	size_t i;
	char *v;

	switch (c->header_rule) {
	case OOJWT_CONN_HDR_AUTH:
		return oojwt_http_header(h, "Authorization", 13, n);
	case OOJWT_CONN_HDR_WSGI:
		if (memchr(name, '-', name_len) != NULL) {
			return NULL;
		}
		return oojwt_http_header(h, name, name_len, n);
	case OOJWT_CONN_HDR_EXACT:
		for (i = 0; i < h->n_fields; i++) {
			const oojwt_http_field *f = &h->fields[i];
			if (f->name_len == name_len
				&& memcmp(f->name, name, name_len) == 0)
			{
				v = (char *)malloc(f->value_len + 1);
				if (v != NULL) {
					memcpy(v, f->value, f->value_len);
					v[f->value_len] = 0;
					*n = f->value_len;
				}
				return v;
			}
		}
		return NULL;
	default:
		return oojwt_http_header(h, name, name_len, n);
	}
}

static int
is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'
		|| ch == '\f' || ch == '\v';
}

/* The token the prefix rule leaves in v[0..n) (rewritten in place): 1
 * and [*start, *start + *len) when there is one. */
static int
cut_prefix(int rule, char *v, size_t n, const char *prefix,
	size_t prefix_len, size_t *start, size_t *len)
{
	size_t i, o, a, b;
	int starts = n >= prefix_len && memcmp(v, prefix, prefix_len) == 0;

	*start = 0;
	*len = n;
	switch (rule) {
	case OOJWT_CONN_PFX_CUT:       /* substr($h, 7): whatever they are */
		*start = n < prefix_len ? n : prefix_len;
		*len = n - *start;
		return 1;
	case OOJWT_CONN_PFX_STARTS:
		if (!starts) {
			return 0;
		}
		*start = prefix_len;
		*len = n - prefix_len;
		return 1;
	case OOJWT_CONN_PFX_OPTIONAL:
		*start = starts ? prefix_len : 0;
		*len = n - *start;
		return 1;
	case OOJWT_CONN_PFX_REPLACE:   /* ReplaceAll, then TrimSpace */
		for (i = 0, o = 0; i < n;) {
			if (prefix_len > 0 && n - i >= prefix_len
				&& memcmp(v + i, prefix, prefix_len) == 0)
			{
				i += prefix_len;
			} else {
				v[o++] = v[i++];
			}
		}
		for (a = 0; a < o && is_space(v[a]); a++) {
		}
		for (b = o; b > a && is_space(v[b - 1]); b--) {
		}
		*start = a;
		*len = b - a;
		return 1;
	default:                       /* split(/\s+/)[1] */
		for (a = 0; a < n && !is_space(v[a]); a++) {
		}
		for (; a < n && is_space(v[a]); a++) {
		}
		for (b = a; b < n && !is_space(v[b]); b++) {
		}
		if (a == n) {
			return 0;
		}
		*start = a;
		*len = b - a;
		return 1;
	}
}

/* What to change when a connector refuses, each with the key a catalog
 * template picks its words by (the verdict's params "fix"). */
static const struct {
	const char *key, *text;
} fixes[] = {
	{ "clock_leeway", "synchronise both clocks (NTP on the Document Server "
		"host and the connector's host); meanwhile allow some leeway on the "
		"connector: " NC_LEEWAY },
	{ "clock", "synchronise both clocks (NTP on the Document Server host and "
		"the connector's host): the connector refuses a token issued in its "
		"future" },
	{ "expired", "synchronise both clocks (NTP); DS signs callbacks and "
		"downloads to expire after token.outbox.expires (5 minutes by "
		"default)" },
	{ "hs256", "set services.CoAuthoring.token.outbox.algorithm back to HS256 "
		"in Document Server's local.json (the connector verifies HS256 "
		"only)" },
	{ "short_key", "use a secret of at least 32 characters (48 for HS384, 64 "
		"for HS512) on both sides: php-jwt 7 refuses shorter keys" },
	{ "empty_key", "set the secret in the connector's settings, the same as "
		"Document Server's secret" },
	{ "secret", "use the same secret on both sides, byte for byte "
		"(services.CoAuthoring.secret.outbox.string; oojwt explain-secret "
		"finds near misses)" },
	{ "no_token_download", "keep token.enable.request.outbox on, and the "
		"header name the same on both sides (token.outbox.header and the "
		"connector's JWT header); a proxy in front of the connector must pass "
		"that header through" },
	{ "no_token_header", "keep the header token on (token.outbox.header) with "
		"the name the connector looks up, in the same case" },
	{ "no_token", "keep token.enable.request.outbox on, and the header name "
		"the same on both sides (no '-' in it for a WSGI connector)" },
	{ "unchanged", "send the compact JWT Document Server signed, unchanged" }
};

static void
fix_for(oojwt_connector_verdict *v, int code, const oojwt_connector *c,
	int download)
{
	size_t i;

	switch (code) {
	case OOJWT_WARN_IAT_IN_FUTURE:
	case OOJWT_ERR_NOT_YET_VALID:
		i = c->leeway_setting != NULL ? 0 : 1;
		break;
	case OOJWT_ERR_EXPIRED:
		i = 2;
		break;
	case OOJWT_ERR_ALG_NOT_ALLOWED:
		i = 3;
		break;
	case OOJWT_WARN_SHORT_KEY:
		i = 4;
		break;
	case OOJWT_ERR_EMPTY_KEY:
		i = 5;
		break;
	case OOJWT_ERR_BAD_SIGNATURE:
		i = 6;
		break;
	case OOJWT_FIND_TOKEN_MISSING:
		i = download ? 7 : c->location == OOJWT_CONN_LOC_HEADER_ONLY ? 8 : 9;
		break;
	default:
		i = 10;
		break;
	}
	v->fix = fixes[i].text;
	v->fix_key = fixes[i].key;
}

/* Where connector `c` finds the token: the body's "token" member (PHP
 * empty() is false for it), or the header; a download handler reads the
 * header only (NC CallbackController.php download(), MO lib.php
 * onlyofficeeditor_pluginfile, MM server/web/controller/download.go),
 * with the row's download prefix rule. Returns the token text (in
 * `*owned` or the params) or NULL. */
static const char *
find(const oojwt_connector *c, const oojwt_http_request *h,
	const oojwt_jv *params, const oojwt_connector_call *call, char **owned,
	size_t *len, int *place)
{
	const char *name = call->header, *prefix = call->prefix;
	size_t name_len = call->header_len, prefix_len = call->prefix_len;
	int location = call->download ? OOJWT_CONN_LOC_HEADER_ONLY
		: c->location;
	int rule = call->download && c->download_prefix >= 0
		? c->download_prefix : c->prefix_rule;
	const oojwt_jv *t = oojwt_json_get(params, "token");
	const char *body = oojwt_json_type(t) == OOJWT_JSON_STRING
		&& oojwt_json_truthy(t) ? oojwt_json_string(t) : NULL;
	size_t n = 0, start, cut;
	char *v;
	int read_header;

	*owned = NULL;
	*place = -1;
	read_header = location != OOJWT_CONN_LOC_BODY_ONLY
		&& (body == NULL || location == OOJWT_CONN_LOC_HEADER_FIRST
		|| location == OOJWT_CONN_LOC_HEADER_ONLY);
	v = read_header ? header_value(c, h, name, name_len, &n) : NULL;
	if (v != NULL && n > 0 && cut_prefix(rule, v, n, prefix, prefix_len,
		&start, &cut))
	{
		memmove(v, v + start, cut);
		v[cut] = 0;
		*owned = v;
		*len = cut;
		*place = OOJWT_PLACE_HEADER;
		return v;
	}
	free(v);
	if (body != NULL && location != OOJWT_CONN_LOC_HEADER_ONLY) {
		*len = strlen(body);
		*place = OOJWT_PLACE_BODY;
		return body;
	}
	return NULL;
}

/* 1 when the plain body says status 4 (Chamilo answers it first). */
static int
status_closed(const oojwt_jv *params)
{
	const oojwt_jv *s = oojwt_json_get(params, "status");

	return oojwt_json_type(s) == OOJWT_JSON_NUMBER
		&& oojwt_json_number(s) == 4;
}

int
oojwt_connector_judge(oojwt_connector_verdict *v, size_t row,
	const oojwt_http_request *h, const oojwt_jv *params,
	const oojwt_connector_call *call)
{
	const oojwt_connector *c = oojwt_connector_at(row);
	const oojwt_jwt_library *lib;
	oojwt_library_verdict lv;
	const char *tok;
	char *owned, ahead[120] = "";
	size_t len = 0;
	int code, wrapped;
	oojwt_params p;

	memset(v, 0, sizeof *v);
	if (c == NULL) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	/* The message's params (code connector_decides): the connector's id
	 * picks its name, `what` the sentence. */
	oojwt_params_init(&p, v->message_params, sizeof v->message_params);
	oojwt_params_str(&p, "connector", c->id, strlen(c->id));
	lib = oojwt_jwt_library_at((size_t)c->library);
	v->connector = (int)row;
	v->leeway = call->has_leeway ? call->leeway : c->leeway;
	if (c->status_first && !call->download && status_closed(params)) {
		v->accepted = 1;
		v->http_status = 200;
		v->place = -1;
		oojwt_fmtp(v->message, sizeof v->message, &p, ",what", "%s answers "
			"a status 4 callback (closed with no changes) before it checks any "
			"token%k", c->name, OOJWT_SEL("status4"));
		return OOJWT_OK;
	}
	tok = find(c, h, params, call, &owned, &len, &v->place);
	if (tok == NULL) {
		v->code = OOJWT_FIND_TOKEN_MISSING;
		v->http_status = c->refuse_status;
		fix_for(v, v->code, c, call->download);
		oojwt_params_str(&p, "fix", v->fix_key, strlen(v->fix_key));
		oojwt_fmtp(v->message, sizeof v->message, &p, ",what,reads,,rule,",
			"%s finds no token: it reads %k%k%s%k%s", c->name,
			OOJWT_SEL("no_token"), OOJWT_SEL(call->download ? "download"
			: c->location == OOJWT_CONN_LOC_BODY_ONLY ? "body_only"
			: c->location == OOJWT_CONN_LOC_HEADER_ONLY ? "header_only"
			: "body_first"), call->download ? "a download's header only"
			: c->location == OOJWT_CONN_LOC_BODY_ONLY
			? "the body's token only" : c->location
			== OOJWT_CONN_LOC_HEADER_ONLY ? "the header only"
			: "the body's token, else the header",
			OOJWT_SEL(c->header_rule == OOJWT_CONN_HDR_WSGI ? "wsgi"
			: c->header_rule == OOJWT_CONN_HDR_EXACT ? "exact_case"
			: c->header_rule == OOJWT_CONN_HDR_AUTH ? "authorization"
			: "any_case"),
			c->header_rule == OOJWT_CONN_HDR_WSGI ? " (through WSGI, which "
			"never delivers a header name with '-')" : c->header_rule
			== OOJWT_CONN_HDR_EXACT ? " (the header name in its exact case)"
			: c->header_rule == OOJWT_CONN_HDR_AUTH ? " (Authorization only)"
			: "");
		return OOJWT_OK;
	}
	code = oojwt_library_verify(&lv, lib, OOJWT_ALG_HS256, tok, len,
		call->secret, call->secret_len, call->now, v->leeway);
	free(owned);
	if (code != OOJWT_OK) {
		return code;
	}
	v->code = lv.code;
	oojwt_fmt(v->library_message, sizeof v->library_message, "%s",
		lv.message);
	if (lv.code == OOJWT_OK) {
		v->accepted = 1;
		v->http_status = 200;
		wrapped = v->place == OOJWT_PLACE_HEADER && !c->unwrap
			&& !call->download;
		oojwt_fmtp(v->message, sizeof v->message, &p, ",what,place,library,"
			"leeway,wrapped,", "%s accepts the %k%s token (%s, leeway %t s)%k%s",
			c->name, OOJWT_SEL("accepts"), v->place == OOJWT_PLACE_HEADER
			? "header" : "body", lib->name, v->leeway,
			OOJWT_SEL(wrapped ? "yes" : "no"), wrapped ? ", but does not "
			"unwrap the header token's \"payload\": it finds no key or status "
			"at the top" : "");
		return OOJWT_OK;
	}
	v->accepted = lv.known ? 0 : -1;
	v->http_status = lv.code == OOJWT_WARN_SHORT_KEY ? 500 : c->refuse_status;
	fix_for(v, lv.code, c, call->download);
	oojwt_params_str(&p, "fix", v->fix_key, strlen(v->fix_key));
	oojwt_fmtp(v->message, sizeof v->message, &p, ",what,,place,library,"
		"libraryMessage,leeway", "%s %k%s the %s token: %s says \"%s\" "
		"(leeway %t s)", c->name, OOJWT_SEL(lv.known ? "refuses"
		: "may_refuse"), lv.known ? "refuses" : "may refuse",
		v->place == OOJWT_PLACE_HEADER ? "header" : "body", lib->name,
		lv.message, v->leeway);
	if (lv.code == OOJWT_WARN_IAT_IN_FUTURE
		|| lv.code == OOJWT_ERR_NOT_YET_VALID)
	{
		oojwt_fmtp(ahead, sizeof ahead, &p, "claim,seconds", ": its %s is %t s "
			"ahead of the connector's clock (Document Server's clock runs "
			"ahead)", lv.code == OOJWT_ERR_NOT_YET_VALID ? "nbf" : "iat",
			lv.when - call->now + 0.5);
	} else if (lv.code == OOJWT_ERR_EXPIRED) {
		oojwt_fmtp(ahead, sizeof ahead, &p, "claim,seconds", "%k: it expired %t "
			"s before the connector's now", OOJWT_SEL("exp"),
			call->now - lv.when + 0.5);
	}
	oojwt_fmt(v->message + strlen(v->message), sizeof v->message
		- strlen(v->message), "%s", ahead);
	return OOJWT_OK;
}
