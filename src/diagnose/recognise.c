/*
 * What a pasted text is (oojwt_diag_recognise): the first rule that fits
 * wins, from the most specific shape to the least. Every rule reads the
 * text a bounded number of times with needles of fixed length, so the
 * whole is linear in the text. The editor's, the connectors' and
 * Document Server's messages are those of the symptom table
 * (symptoms.c), in English and Chinese; "checkJwt success" is
 * DocService/sources/DocsCoServer.js checkJwt's line for a token it
 * accepted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "diagnose.h"

static const char *const KIND_NAMES[OOJWT_DIAG_KINDS] = {
	"unknown", "token", "authorization", "log-line", "ds-log",
	"editor-config", "page-source", "http-request", "request-body",
	"local-json", "docker-env", "docker-exec", "bare-value",
	"connector-settings", "nginx-config", "certificate", "pem-key",
	"download-link", "editor-error", "connector-error"
};

static const char *const KIND_LABELS[OOJWT_DIAG_KINDS] = {
	"text oojwt does not recognise", "a token",
	"an Authorization header value", "a log line holding a token",
	"a Document Server log line", "an editor config",
	"a page's source with the editor config", "an HTTP request",
	"a request or callback body", "Document Server's local.json",
	"Docker settings (environment or compose lines)",
	"the output of docker exec ... json", "a bare value (read as a secret)",
	"a connector's settings", "an nginx configuration", "a certificate",
	"a key (PEM)", "a download link", "an error copied from the editor",
	"an error copied from a connector"
};

const char *
oojwt_diag_kind_name(int kind)
{
	return kind >= 0 && kind < OOJWT_DIAG_KINDS ? KIND_NAMES[kind] : NULL;
}

const char *
oojwt_diag_kind_label(int kind)
{
	return kind >= 0 && kind < OOJWT_DIAG_KINDS ? KIND_LABELS[kind] : NULL;
}

const char *
oojwt_diag_confidence_name(int c)
{
	switch (c) {
	case OOJWT_DIAG_HIGH: return "high";
	case OOJWT_DIAG_MEDIUM: return "medium";
	case OOJWT_DIAG_LOW: return "low";
	default: return NULL;
	}
}

/* The first place of `needle` in s[0..n), ASCII case-insensitive when
 * `nocase`; n when absent. The needles are short constants: linear. */
static size_t
find(const char *s, size_t n, const char *needle, int nocase)
{
	size_t m = strlen(needle), i, j;

	if (m == 0 || m > n) {
		return n;
	}
	for (i = 0; i + m <= n; i++) {
		for (j = 0; j < m; j++) {
			unsigned char a = (unsigned char)s[i + j];
			unsigned char b = (unsigned char)needle[j];
			if (nocase) {
				a = (unsigned char)(a >= 'A' && a <= 'Z' ? a + 32 : a);
				b = (unsigned char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
			}
			if (a != b) {
				break;
			}
		}
		if (j == m) {
			return i;
		}
	}
	return n;
}

static int
has(const char *s, size_t n, const char *needle)
{
	return find(s, n, needle, 0) < n;
}

static int
has_nocase(const char *s, size_t n, const char *needle)
{
	return find(s, n, needle, 1) < n;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'
		|| c == '\v';
}

static void
set(oojwt_diag_recognised *g, int kind, int confidence, const char *why)
{
	g->kind = kind;
	g->confidence = confidence;
	snprintf(g->why, sizeof g->why, "%s", why);
}

/* A request line: METHOD SP target [SP HTTP/x]. */
static int
request_line(const char *s, size_t n)
{
	static const char *const methods[] = { "GET ", "POST ", "PUT ",
		"HEAD ", "OPTIONS ", "DELETE ", "PATCH " };
	size_t i, eol = 0;

	while (eol < n && s[eol] != '\n') {
		eol++;
	}
	for (i = 0; i < sizeof methods / sizeof *methods; i++) {
		size_t m = strlen(methods[i]);
		if (eol > m && memcmp(s, methods[i], m) == 0) {
			return has(s, eol, " HTTP/") || s[m] == '/';
		}
	}
	return 0;
}

/* Header lines only ("Name: value" at the start, a blank line, a
 * body): an HTTP request without its request line. */
static int
header_block(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')
		|| s[i] == '-'))
	{
		i++;
	}
	return i > 0 && i + 1 < n && s[i] == ':' && (has(s, n, "\n\n")
		|| has(s, n, "\r\n\r\n")) && has_nocase(s, i, "content-")
		+ (find(s, i + 1, "Authorization:", 1) == 0) > 0;
}

/* The object literal passed to DocsAPI.DocEditor(placeholder, {...}):
 * from the first '{' after the call's comma to its matching '}',
 * strings skipped. 1 with its span, 0 when it is not there or a name. */
static int
editor_call_object(const char *s, size_t n, size_t *off, size_t *len)
{
	size_t at = find(s, n, "DocsAPI.DocEditor(", 0), i, depth = 0;
	char quote = 0;

	if (at == n) {
		return 0;
	}
	for (i = at + 18; i < n && s[i] != ',' && s[i] != ')'; i++) {
	}
	if (i >= n || s[i] != ',') {
		return 0;
	}
	for (i++; i < n && is_space((unsigned char)s[i]); i++) {
	}
	if (i >= n || s[i] != '{') {
		return 0;
	}
	*off = i;
	for (; i < n; i++) {
		char ch = s[i];
		if (quote) {
			if (ch == '\\') {
				i++;
			} else if (ch == quote) {
				quote = 0;
			}
		} else if (ch == '"' || ch == '\'' || ch == '`') {
			quote = ch;
		} else if (ch == '{') {
			depth++;
		} else if (ch == '}') {
			if (--depth == 0) {
				*len = i + 1 - *off;
				return 1;
			}
		}
	}
	return 0;
}

/* JSON objects: what their members say they are. */
static void
recognise_json(oojwt_diag_recognised *g, const char *s, size_t n, size_t off)
{
	oojwt_jv *root = NULL;
	long pos;
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_json_info info;
	const oojwt_jv *v;

	g->has_json = 1;
	g->json_off = off;
	g->json_len = n;
	if (oojwt_json_parse_js(&root, s, n, OOJWT_JSON_LAST_WINS
		| OOJWT_JSON_LONE_WTF8, &info, &pos, msg) != OOJWT_OK)
	{
		set(g, OOJWT_DIAG_UNKNOWN, OOJWT_DIAG_LOW,
			"It starts like JSON but is not JSON (a comma, quote or brace "
			"is missing or extra): it may be an editor config, local.json or "
			"a request body with a syntax error.");
		g->guess = OOJWT_DIAG_EDITOR_CONFIG;
		return;
	}
	if (oojwt_json_type(root) != OOJWT_JSON_OBJECT) {
		set(g, OOJWT_DIAG_UNKNOWN, OOJWT_DIAG_LOW,
			"It is JSON, but not an object: nothing oojwt checks is a bare "
			"JSON array, string or number.");
		oojwt_json_free_wipe(root);
		return;
	}
	if (oojwt_json_at(root, "services.CoAuthoring") != NULL
		|| (oojwt_json_get(root, "services") != NULL
			&& oojwt_json_get(root, "storage") != NULL))
	{
		set(g, OOJWT_DIAG_LOCAL_JSON, OOJWT_DIAG_HIGH,
			"It is JSON with a services.CoAuthoring section: Document Server's "
			"local.json.");
	} else if (oojwt_json_get(root, "document") != NULL
		|| oojwt_json_get(root, "editorConfig") != NULL
		|| oojwt_json_get(root, "documentType") != NULL)
	{
		set(g, OOJWT_DIAG_EDITOR_CONFIG, OOJWT_DIAG_HIGH,
			"It is JSON with document / editorConfig: the config a page passes "
			"to the editor.");
	} else if ((v = oojwt_json_get(root, "status")) != NULL
		&& oojwt_json_type(v) == OOJWT_JSON_NUMBER
		&& oojwt_json_get(root, "key") != NULL)
	{
		set(g, OOJWT_DIAG_REQUEST_BODY, OOJWT_DIAG_HIGH,
			"It is JSON with key and status: the body of Document Server's "
			"callback to the integration.");
		g->sub = OOJWT_REQUEST_CALLBACK;
	} else if ((v = oojwt_json_get(root, "c")) != NULL
		&& oojwt_json_type(v) == OOJWT_JSON_STRING)
	{
		set(g, OOJWT_DIAG_REQUEST_BODY, OOJWT_DIAG_HIGH,
			"It is JSON with a command (\"c\"): the body of a request to "
			"Document Server's command service.");
		g->sub = OOJWT_REQUEST_COMMAND;
	} else if (oojwt_json_get(root, "outputtype") != NULL
		|| oojwt_json_get(root, "filetype") != NULL)
	{
		set(g, OOJWT_DIAG_REQUEST_BODY, OOJWT_DIAG_HIGH,
			"It is JSON with outputtype / filetype: the body of a conversion "
			"request.");
		g->sub = OOJWT_REQUEST_CONVERTER;
	} else if (oojwt_json_get(root, "headers") != NULL
		&& oojwt_json_get(root, "body") != NULL)
	{
		set(g, OOJWT_DIAG_HTTP_REQUEST, OOJWT_DIAG_MEDIUM,
			"It is JSON with headers and body: a request written as its "
			"parts.");
		g->sub = OOJWT_REQUEST_COMMAND;
	} else if ((v = oojwt_json_get(root, "token")) != NULL
		&& oojwt_json_type(v) == OOJWT_JSON_STRING)
	{
		set(g, OOJWT_DIAG_REQUEST_BODY, OOJWT_DIAG_MEDIUM,
			"It is JSON with a token member only: a request body; read as a "
			"command request.");
		g->sub = OOJWT_REQUEST_COMMAND;
	} else {
		set(g, OOJWT_DIAG_UNKNOWN, OOJWT_DIAG_LOW,
			"It is a JSON object, but none of the members oojwt knows "
			"(document, editorConfig, services, key/status, c, token).");
		g->has_json = 0;
	}
	oojwt_json_free_wipe(root);
}

/* Docker settings: a JWT_* or SECURE_LINK_SECRET name followed by = or
 * : (env file, -e, compose list or map). */
static int
docker_lines(const char *s, size_t n)
{
	static const char *const names[] = { "JWT_SECRET", "JWT_ENABLED",
		"JWT_HEADER", "JWT_IN_BODY", "SECURE_LINK_SECRET" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		size_t at = find(s, n, names[i], 0), m = strlen(names[i]);
		if (at < n && at + m < n && (s[at + m] == '=' || s[at + m] == ':')
			&& (at == 0 || !((s[at - 1] >= 'A' && s[at - 1] <= 'Z')
				|| s[at - 1] == '_')))
		{
			return 1;
		}
	}
	return 0;
}

/* `docker exec ... json -f ...local.json KEY` then the value on its own
 * line: the value's span and the key in detail. */
static int
docker_exec(oojwt_diag_recognised *g, const char *s, size_t n)
{
	size_t at = find(s, n, "json -f", 0), eol, k, ke, v, ve;

	if (at == n || !has(s, n, "docker") || !has(s, n, "local.json")) {
		return 0;
	}
	for (eol = at; eol < n && s[eol] != '\n'; eol++) {
	}
	/* The key: the last word of the command line before a pipe. */
	for (ke = eol; ke > at && (is_space((unsigned char)s[ke - 1])
		|| s[ke - 1] == '\\'); ke--) {
	}
	k = find(s + at, ke - at, "|", 0) + at;
	if (k < ke) {
		ke = k;
		while (ke > at && is_space((unsigned char)s[ke - 1])) {
			ke--;
		}
	}
	for (k = ke; k > at && !is_space((unsigned char)s[k - 1]); k--) {
	}
	snprintf(g->detail, sizeof g->detail, "%.*s", (int)(ke - k < 80 ? ke - k : 80),
		s + k);
	/* The value: the next line that is not blank. */
	for (v = eol; v < n && is_space((unsigned char)s[v]); v++) {
	}
	for (ve = v; ve < n && s[ve] != '\n' && s[ve] != '\r'; ve++) {
	}
	g->has_json = v < ve;
	g->json_off = v;
	g->json_len = ve - v;
	return 1;
}

/* The symptom `index` of the table, matched in `lang`: its kind, code
 * and why. */
static void
set_symptom(oojwt_diag_recognised *g, size_t index, int lang, int confidence)
{
	const oojwt_symptom *sy = oojwt_symptom_at(index);
	const char *br = strstr(sy->en, "<br>");
	char why[OOJWT_MESSAGE_LEN];

	snprintf(why, sizeof why, "It is %s's message \"%.*s\"%s.", sy->product,
		(int)(br != NULL ? (size_t)(br - sy->en) : strlen(sy->en)), sy->en,
		lang == OOJWT_SYMPTOM_ZH ? " (in its Chinese text)" : "");
	set(g, sy->kind, confidence, why);
	g->sub = sy->code;
	g->symptom = (int)index + 1;
}

/* The first symptom of `kind` with `code` (and `connector`, unless 0). */
static int
symptom_by_code(int kind, int code, int connector, size_t *index)
{
	size_t i;

	for (i = 0; i < oojwt_symptom_count(); i++) {
		const oojwt_symptom *sy = oojwt_symptom_at(i);
		if (sy->kind == kind && sy->code == code
			&& (connector == 0 || sy->connector == connector))
		{
			*index = i;
			return 1;
		}
	}
	return 0;
}

/* "-20" in s, not inside a longer number, after "error" or a Chinese
 * "错误" (the editor's number as people quote it: "error -20",
 * "Error code: -20", web-apps' errorDefaultMessage). */
static int
editor_number(const char *s, size_t n, int code)
{
	char num[8];
	size_t at, m;

	if (!has_nocase(s, n, "error") && !has(s, n, "错误")) {
		return 0;
	}
	snprintf(num, sizeof num, "%d", code);
	m = strlen(num);
	for (at = find(s, n, num, 0); at < n; ) {
		if ((at + m == n || s[at + m] < '0' || s[at + m] > '9')
			&& (at == 0 || s[at - 1] < '0' || s[at - 1] > '9'))
		{
			return 1;
		}
		at += 1 + find(s + at + 1, n - at - 1, num, 0);
	}
	return 0;
}

/* An error text of the editor or a connector, from the symptom table. */
static int
symptom_error(oojwt_diag_recognised *g, const char *s, size_t n)
{
	static const int numbers[] = { -20, -21, -23, -4, -122 };
	size_t idx, k;
	int lang;

	if (oojwt_symptom_match(s, n, (1u << OOJWT_DIAG_EDITOR_ERROR)
		| (1u << OOJWT_DIAG_CONNECTOR_ERROR), &idx, &lang))
	{
		const oojwt_symptom *sy = oojwt_symptom_at(idx);
		/* "Error when trying to connect (... Invalid token)": the
		 * connector's command error 6. */
		if (sy->kind == OOJWT_DIAG_CONNECTOR_ERROR && sy->code == 0
			&& has_nocase(s, n, "Invalid token"))
		{
			symptom_by_code(sy->kind, 6, sy->connector, &idx);
		}
		set_symptom(g, idx, lang, OOJWT_DIAG_HIGH);
	} else if (has_nocase(s, n, "Invalid token") && n < 400
		&& symptom_by_code(OOJWT_DIAG_CONNECTOR_ERROR, 6, 0, &idx))
	{
		set_symptom(g, idx, OOJWT_SYMPTOM_EN, OOJWT_DIAG_MEDIUM);
		set(g, g->kind, g->confidence, "It says \"Invalid token\": what "
			"Nextcloud, ownCloud and other connectors show when Document "
			"Server refuses their token (command error 6).");
	} else {
		for (k = 0; k < sizeof numbers / sizeof *numbers; k++) {
			if (n < 400 && editor_number(s, n, numbers[k])
				&& symptom_by_code(OOJWT_DIAG_EDITOR_ERROR, numbers[k], 0, &idx))
			{
				set_symptom(g, idx, OOJWT_SYMPTOM_EN, OOJWT_DIAG_MEDIUM);
				break;
			}
		}
		if (g->symptom == 0) {
			return 0;
		}
	}
	if (g->kind == OOJWT_DIAG_CONNECTOR_ERROR) {
		snprintf(g->detail, sizeof g->detail, "%s", g->sub == 6
			? "Invalid token" : "connection");
	}
	return 1;
}

static int
ds_log(oojwt_diag_recognised *g, const char *s, size_t n)
{
	size_t idx;
	int lang;

	if (oojwt_symptom_match(s, n, 1u << OOJWT_DIAG_DS_LOG, &idx, &lang)) {
		set_symptom(g, idx, lang, OOJWT_DIAG_HIGH);
		return 1;
	}
	if (has(s, n, "checkJwt success")) {
		set(g, OOJWT_DIAG_DS_LOG, OOJWT_DIAG_HIGH, "It is a line of Document "
			"Server's log (docservice out.log, written by DocsCoServer.js "
			"checkJwt): a token it accepted.");
		g->sub = OOJWT_DIAG_DS_CHECKJWT_SUCCESS;
		return 1;
	}
	return 0;
}

/* A bare value: one line, no white space inside, not a token, short. */
static int
bare_value(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 1024) {
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (is_space((unsigned char)s[i])) {
			return 0;
		}
	}
	return 1;
}

static void
recognise_token(oojwt_diag_recognised *g, const char *text, size_t len)
{
	oojwt_extract_result x;
	size_t i, d1, d2;
	int text_cut = 0, header_cut = 0, quoted = 0;

	oojwt_extract_token(&x, text, len);
	if (x.len == 0 || oojwt_dots(text + x.start, x.len, &d1, &d2) != 2) {
		return;
	}
	for (i = 0; i < x.n_stripped; i++) {
		if (x.stripped[i].kind == OOJWT_STRIP_TEXT) {
			text_cut = 1;
		} else if (x.stripped[i].kind == OOJWT_STRIP_HEADER
			|| x.stripped[i].kind == OOJWT_STRIP_BEARER)
		{
			header_cut = 1;
		} else if (x.stripped[i].kind == OOJWT_STRIP_QUOTE) {
			quoted = 1;
		}
	}
	g->has_token = 1;
	g->token_off = x.start;
	g->token_len = x.len;
	if (text_cut) {
		set(g, OOJWT_DIAG_LOG_LINE, OOJWT_DIAG_MEDIUM,
			"It is text with a token in it (a log line, a URL parameter, a "
			"JSON fragment): the token was taken out of it.");
	} else if (header_cut) {
		set(g, OOJWT_DIAG_AUTHORIZATION, OOJWT_DIAG_HIGH,
			"It is an Authorization header (or its Bearer value): the token "
			"after the prefix was taken.");
	} else {
		set(g, OOJWT_DIAG_TOKEN, quoted ? OOJWT_DIAG_MEDIUM : OOJWT_DIAG_HIGH,
			quoted ? "It is a token in quotes: three base64url parts joined "
				"by dots."
			: "It is a token: three base64url parts joined by dots.");
	}
}

void
oojwt_diag_recognise(oojwt_diag_recognised *g, const char *text, size_t len)
{
	size_t a = 0, b = len, off = 0, olen = 0;
	const char *s;
	size_t n;

	memset(g, 0, sizeof *g);
	while (a < b && is_space((unsigned char)text[a])) {
		a++;
	}
	while (b > a && is_space((unsigned char)text[b - 1])) {
		b--;
	}
	s = text + a;
	n = b - a;
	if (n == 0) {
		set(g, OOJWT_DIAG_UNKNOWN, OOJWT_DIAG_LOW, "It is empty.");
		return;
	}
	if (n > 11 && memcmp(s, "-----BEGIN ", 11) == 0) {
		if (has(s, n < 64 ? n : 64, "CERTIFICATE-----")) {
			set(g, OOJWT_DIAG_CERTIFICATE, OOJWT_DIAG_HIGH,
				"It is a PEM certificate (-----BEGIN CERTIFICATE-----).");
		} else {
			set(g, OOJWT_DIAG_PEM_KEY, OOJWT_DIAG_HIGH,
				"It is a PEM block that is not a certificate: a key.");
			g->sub = has(s, n < 64 ? n : 64, "PRIVATE KEY-----");
		}
		return;
	}
	if (request_line(s, n) || header_block(s, n)) {
		set(g, OOJWT_DIAG_HTTP_REQUEST, OOJWT_DIAG_HIGH,
			"It is an HTTP request: a request line or header lines, then the "
			"body.");
		g->has_json = 1;
		g->json_off = a;
		g->json_len = n;
		g->sub = has(s, n, "\"status\"") ? OOJWT_REQUEST_CALLBACK
			: has(s, n, "\"outputtype\"") ? OOJWT_REQUEST_CONVERTER
			: OOJWT_REQUEST_COMMAND;
		return;
	}
	if (ds_log(g, s, n)) {
		{
			oojwt_diag_recognised t;
			size_t at = find(s, n, "token = ", 0);
			if (at < n) {
				memset(&t, 0, sizeof t);
				recognise_token(&t, s + at + 8, n - at - 8);
				if (t.has_token) {
					g->has_token = 1;
					g->token_off = a + at + 8 + t.token_off;
					g->token_len = t.token_len;
				}
			}
		}
		return;
	}
	if (s[0] == '{') {
		recognise_json(g, s, n, a);
		if (g->kind != OOJWT_DIAG_UNKNOWN) {
			return;
		}
	}
	if (has(s, n, "DocsAPI.DocEditor")) {
		set(g, OOJWT_DIAG_PAGE_SOURCE, OOJWT_DIAG_HIGH,
			"It is a page's source calling new DocsAPI.DocEditor(...): the "
			"config is its second argument.");
		g->has_json = editor_call_object(s, n, &off, &olen);
		g->json_off = a + off;
		g->json_len = olen;
		return;
	}
	if (symptom_error(g, s, n)) {
		return;
	}
	if (docker_exec(g, s, n)) {
		set(g, OOJWT_DIAG_DOCKER_EXEC, g->has_json ? OOJWT_DIAG_HIGH
			: OOJWT_DIAG_MEDIUM, g->has_json
			? "It is a docker exec ... json -f local.json command and the "
				"value it printed: read as that secret."
			: "It is a docker exec ... json -f local.json command without the "
				"value it printed.");
		g->json_off += a;
		return;
	}
	if (docker_lines(s, n)) {
		set(g, OOJWT_DIAG_DOCKER_ENV, OOJWT_DIAG_HIGH,
			"It sets Document Server's JWT_* / SECURE_LINK_SECRET variables: "
			"Docker settings (docker run -e, an env file or compose).");
		return;
	}
	if (has(s, n, "/cache/files/") || (has(s, n, "md5=") && has(s, n, "expires="))) {
		set(g, OOJWT_DIAG_DOWNLOAD_LINK, has(s, n, "md5=") ? OOJWT_DIAG_HIGH
			: OOJWT_DIAG_MEDIUM,
			"It is a download link of Document Server (/cache/files/... with "
			"md5 and expires), checked by nginx's secure_link.");
		return;
	}
	{
		oojwt_connector_settings *cs = malloc(sizeof *cs);
		if (cs != NULL) {
			memset(cs, 0, sizeof *cs);
			if (oojwt_connector_settings_read(cs, s, n) == OOJWT_OK
				&& cs->form != OOJWT_SETTINGS_UNKNOWN)
			{
				set(g, OOJWT_DIAG_CONNECTOR_SETTINGS, cs->certain
					? OOJWT_DIAG_HIGH : OOJWT_DIAG_MEDIUM,
					"It holds a connector's ONLYOFFICE settings (secret, "
					"header, Document Server address).");
				snprintf(g->detail, sizeof g->detail, "%s",
					oojwt_connector_name(cs->connector) != NULL
					? oojwt_connector_name(cs->connector) : "connector");
				g->sub = cs->connector;
			}
			oojwt_connector_settings_free(cs);
			free(cs);
			if (g->kind != OOJWT_DIAG_UNKNOWN) {
				return;
			}
		}
	}
	if ((has(s, n, "server {") || has(s, n, "listen ") || has(s, n, "location ")
		|| has(s, n, "secure_link")) && has(s, n, ";"))
	{
		set(g, OOJWT_DIAG_NGINX_CONFIG, has(s, n, "server {")
			? OOJWT_DIAG_HIGH : OOJWT_DIAG_MEDIUM,
			"It has nginx directives (server, listen, location, secure_link): "
			"an nginx configuration such as Document Server's ds.conf.");
		return;
	}
	recognise_token(g, text, len);
	if (g->has_token) {
		return;
	}
	if (bare_value(s, n)) {
		set(g, OOJWT_DIAG_BARE_VALUE, OOJWT_DIAG_MEDIUM,
			"It is one word on one line: read as a secret (the output of "
			"docker exec ... json, or a secret copied from a setting).");
		g->has_json = 1;
		g->json_off = a;
		g->json_len = n;
		return;
	}
	set(g, OOJWT_DIAG_UNKNOWN, OOJWT_DIAG_LOW,
		has(s, n, "://") ? "It holds a link, but not a download link of "
			"Document Server (no md5 and expires)."
		: has(s, n, "=") ? "It holds NAME=value settings, but none of "
			"Document Server's (JWT_SECRET, JWT_ENABLED, JWT_HEADER, "
			"SECURE_LINK_SECRET)."
		: "It is text with no token, setting, configuration, certificate or "
			"known error message in it.");
	g->guess = has(s, n, "://") ? OOJWT_DIAG_DOWNLOAD_LINK
		: has(s, n, "=") ? OOJWT_DIAG_DOCKER_ENV : OOJWT_DIAG_UNKNOWN;
}
