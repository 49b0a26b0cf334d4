/*
 * Editor config inspection: the config a page passes to
 * DocsAPI.DocEditor, judged in the order DocService's auth()
 * (DocsCoServer.js) judges its token: token present,
 * verify (the DS profile with the inbox secret), token kind, the fields
 * required since 7.1, permissions deep-equal, top-level url/payload/key,
 * key characters; then the effective config (the token's values over
 * the page's).
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

static const char *const kind_names[] = {
	"none", "opening", "wopi", "reconnect", "history"
};

const char *
oojwt_token_kind_name(int kind)
{
	return kind >= 0 && kind < 5 ? kind_names[kind] : NULL;
}

static void
add(oojwt_config_report *r, int severity, int code, const char *path,
	const char *message, const char *fix)
{
	oojwt_finding_add(r->findings, &r->n_findings, &r->dropped, severity,
		code, path, message, fix);
}

/* The editor's ending for a close code (spec 2.6). */
static void
verdict(oojwt_config_report *r, int close_code, const char *why)
{
	r->ok = 0;
	r->close_code = close_code;
	switch (close_code) {
	case 4006:
		r->editor_error = -20;
		oojwt_fmt(r->message, sizeof r->message,
			"The document security token is not correctly formed. (%s)", why);
		break;
	case 4005:
		r->editor_error = -21;
		oojwt_fmt(r->message, sizeof r->message,
			"The document security token has expired. (%s)", why);
		break;
	case 4004:
		r->editor_error = -23;
		oojwt_fmt(r->message, sizeof r->message,
			"You are trying to perform an action you do not have rights "
			"for. (%s)", why);
		break;
	default:
		r->editor_error = 0;
		oojwt_fmt(r->message, sizeof r->message, "%s", why);
		break;
	}
}

static int
key_chars_ok(const char *s)
{
	for (; *s != 0; s++) {
		char c = *s;
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
			|| (c >= 'A' && c <= 'Z') || c == '-' || c == '.' || c == '_'
			|| c == '='))
		{
			return 0;
		}
	}
	return 1;
}

/* 1 when the server is older than `version` (major * 100 + minor). */
static int
before(const oojwt_inspect_opts *o, int version)
{
	return o->server_version > 0 && o->server_version < version;
}

/* The checks of auth() on a verified opening token. 0 when DS stops. */
static int
opening_checks(oojwt_config_report *r, const oojwt_jv *cfg,
	const oojwt_jv *tok, const oojwt_inspect_opts *o)
{
	static const char *const required[5] = {
		"document.key", "document.permissions", "document.url",
		"editorConfig.callbackUrl", "editorConfig.mode"
	};
	char msg[OOJWT_MESSAGE_LEN], path[OOJWT_PATH_LEN];
	const oojwt_jv *mode = oojwt_json_at(cfg, "editorConfig.mode");
	const oojwt_jv *perm;
	size_t k;

	for (k = 0; k < 5; k++) {
		if ((k == 1 && !oojwt_json_truthy(oojwt_json_at(cfg, "document.permissions")))
			|| (k == 3 && !oojwt_json_truthy(oojwt_json_at(cfg, "editorConfig.callbackUrl")))
			|| (k == 4 && (!oojwt_json_truthy(mode)
				|| (oojwt_json_type(mode) == OOJWT_JSON_STRING
					&& strcmp(oojwt_json_string(mode), "view") == 0
					&& before(o, 802) == 0))))
		{
			continue;
		}
		if (oojwt_json_truthy(oojwt_json_at(tok, required[k]))) {
			continue;
		}
		oojwt_fmt(msg, sizeof msg,
			"auth missing required parameter %s (since 7.1 version): the "
			"token must carry %s%s", required[k], required[k],
			k == 4 ? " unless the mode is view (8.2+; 7.1-8.1 require it "
			"for any mode)" : k == 1 || k == 3 ? " because the config has it"
			: "");
		oojwt_fmt(path, sizeof path, "token.%s", required[k]);
		add(r, o->token_required_params ? OOJWT_SEVERITY_ERROR
			: OOJWT_SEVERITY_WARNING, OOJWT_FIND_MISSING_REQUIRED_FIELD, path,
			msg, "sign the whole config (as the official integrations do), "
			"or at least these fields");
		if (o->token_required_params) {
			oojwt_fmt(msg, sizeof msg, "auth missing required parameter %s "
				"(since 7.1 version)", required[k]);
			verdict(r, 4006, msg);
			return 0;
		}
		break;
	}
	perm = oojwt_json_at(tok, "document.permissions");
	if (perm != NULL && !oojwt_json_equal(perm,
		oojwt_json_at(cfg, "document.permissions")))
	{
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_PERMISSIONS_DIFFER,
			"document.permissions",
			"the token's document.permissions differ from the config's "
			"(compared with isDeepStrictEqual: every key, type and value): "
			"\"fillDataFromJwt token has modified permissions\"",
			"sign the config's permissions exactly as the page passes them");
		verdict(r, 4004, "the token has modified permissions");
		return 0;
	}
	for (k = 0; k < 3; k++) {
		static const char *const top[3] = { "url", "payload", "key" };
		if (oojwt_json_get(tok, top[k]) == NULL) {
			continue;
		}
		oojwt_fmt(msg, sizeof msg,
			"the token has a top-level \"%s\": an opening token with url, "
			"payload or key is refused (\"fillDataFromJwt token has invalid "
			"format\")%s", top[k], k == 1 ? "; a config wrapped in "
			"{\"payload\": ...} is the usual cause" : "");
		oojwt_fmt(path, sizeof path, "token.%s", top[k]);
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_TOKEN_INVALID_FORMAT, path, msg,
			"sign the config object itself: {document, editorConfig, ...}");
		verdict(r, 4004, "token has invalid format");
		return 0;
	}
	{
		const oojwt_jv *key = oojwt_json_at(cfg, "document.key");
		if (oojwt_json_type(key) == OOJWT_JSON_STRING
			&& !key_chars_ok(oojwt_json_string(key)))
		{
			add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_BAD_DOCUMENT_KEY,
				"document.key", "document.key has characters outside 0-9 a-z "
				"A-Z - . _ =: the socket path does not match and Document "
				"Server denies access (\"unexpected key use key pattern\")",
				"build keys from letters, digits and - . _ = only (e.g. a hash "
				"of the file id and its version)");
			verdict(r, 4004, "the document key has characters the server "
				"does not accept");
			return 0;
		}
	}
	return 1;
}

/* The user of an opening token (spec 2.5; DOCS browser.md signs
 * editorConfig.user {group, id, name}): what the page sets unsigned, and
 * where the token's user wins. */
static void
user_checks(oojwt_config_report *r, const oojwt_jv *cfg, const oojwt_jv *tok)
{
	static const char *const fields[3] = { "id", "name", "group" };
	char missing[40], msg[OOJWT_MESSAGE_LEN], path[OOJWT_PATH_LEN];
	size_t k;

	missing[0] = 0;
	for (k = 0; k < 3; k++) {
		const oojwt_jv *c, *t;
		oojwt_fmt(path, sizeof path, "editorConfig.user.%s", fields[k]);
		c = oojwt_json_at(cfg, path);
		t = oojwt_json_at(tok, path);
		if (oojwt_json_truthy(c) && t == NULL) {
			size_t used = strlen(missing);
			oojwt_fmt(missing + used, sizeof missing - used, "%s%s",
				used > 0 ? ", " : "", fields[k]);
		} else if (c != NULL && t != NULL && !oojwt_json_equal(c, t)) {
			oojwt_fmt(msg, sizeof msg, "the token's editorConfig.user.%s "
				"differs from the page's: Document Server uses the token's%s",
				fields[k], k == 2 ? " (the group is shown before the name, "
				"joined by a no-break space, and decides reviewGroups/"
				"commentGroups rights)" : "");
			oojwt_fmt(path, sizeof path, "token.editorConfig.user.%s",
				fields[k]);
			add(r, OOJWT_SEVERITY_INFO, OOJWT_FIND_USER_DIFFERS, path, msg,
				"sign the same user the page passes");
		}
	}
	if (missing[0] != 0) {
		oojwt_fmt(msg, sizeof msg, "editorConfig.user (%s) is not in the "
			"token: the page's unsigned values are used, so whoever edits the "
			"page can act as any user or group; the docs sign editorConfig."
			"user {group, id, name}", missing);
		add(r, OOJWT_SEVERITY_WARNING, OOJWT_FIND_USER_NOT_SIGNED,
			"token.editorConfig.user", msg, "sign the whole config, or at "
			"least editorConfig.user with the required fields");
	}
}

/* ---- the config's own checks (api.js and the docs, spec 5) ------------ */

/* api.js 9.x fileType groups; word first (xml is in word and cell). */
static const char *const groups[5][2] = {
	{ "word", " doc docx odt gdoc txt rtf mht htm html mhtml epub docm dot "
		"dotm dotx fodt ott fb2 xml oform docxf sxw stw wps wpt pages hwp "
		"hwpx md hml " },
	{ "cell", " xls xlsx ods csv gsheet xlsm xlt xltm xltx fods ots xlsb sxc "
		"et ett numbers " },
	{ "slide", " pps ppsx ppt pptx odp gslides pot potm potx ppsm pptm fodp "
		"otp sxi dps dpt key odg " },
	{ "pdf", " pdf djvu xps oxps " },
	{ "diagram", " vsdx vssx vstx vsdm vssm vstm " }
};

/* The group of a (lower-cased) file type, -1 when none. */
static int
file_group(const char *ft)
{
	char word[24];
	size_t n = strlen(ft), k;

	if (n == 0 || n + 3 > sizeof word) {
		return -1;
	}
	word[0] = ' ';
	for (k = 0; k < n; k++) {
		char c = ft[k];
		word[k + 1] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	word[n + 1] = ' ';
	word[n + 2] = 0;
	for (k = 0; k < 5; k++) {
		if (strstr(groups[k][1], word) != NULL) {
			return (int)k;
		}
	}
	return -1;
}

/* api.js's documentType map (lower-cased): the group it stands for,
 * -1 when unknown; *legacy set for text/spreadsheet/presentation. */
static int
doc_group(const char *dt, int *legacy)
{
	static const char *const names[] = {
		"word", "cell", "slide", "pdf", "diagram", "text", "spreadsheet",
		"presentation", "text-pdf"
	};
	static const int group[] = { 0, 1, 2, 3, 4, 0, 1, 2, 3 };
	char low[16];
	size_t n = strlen(dt), k;

	*legacy = 0;
	if (n >= sizeof low) {
		return -1;
	}
	for (k = 0; k <= n; k++) {
		char c = dt[k];
		low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	for (k = 0; k < sizeof names / sizeof *names; k++) {
		if (strcmp(low, names[k]) == 0) {
			*legacy = k >= 5 && k <= 7;
			return group[k];
		}
	}
	return -1;
}

/* Host of an absolute http(s) URL into `host` (lower case); 0 when the
 * URL is not absolute http(s) with a host. */
static int
url_host(const char *u, char *host, size_t cap)
{
	size_t i = 0, o = 0;

	if ((u[0] == 'h' || u[0] == 'H') && strncmp(u + 1, "ttp://", 6) == 0) {
		i = 7;
	} else if ((u[0] == 'h' || u[0] == 'H') && strncmp(u + 1, "ttps://", 7) == 0) {
		i = 8;
	} else {
		return 0;
	}
	/* Skip userinfo. */
	{
		size_t e = i + strcspn(u + i, "/?#");
		const char *at = NULL;
		size_t k;
		for (k = i; k < e; k++) {
			if (u[k] == '@') {
				at = u + k;
			}
		}
		if (at != NULL) {
			i = (size_t)(at - u) + 1;
		}
	}
	if (u[i] == '[') {
		while (u[i] != 0 && u[i] != ']' && o + 1 < cap) {
			host[o++] = u[i++];
		}
		if (u[i] == ']' && o + 1 < cap) {
			host[o++] = u[i++];
		}
	} else {
		while (u[i] != 0 && u[i] != ':' && u[i] != '/' && u[i] != '?'
			&& u[i] != '#' && o + 1 < cap)
		{
			char c = u[i++];
			host[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
	}
	host[o] = 0;
	return o > 0;
}

/* localhost, loopback, private, link-local, .local or single-label. */
static int
host_private(const char *h)
{
	unsigned a = 0, b = 0;
	size_t n = strlen(h);
	const char *p = h;
	int digits = 1;

	if (strcmp(h, "localhost") == 0 || (n > 10
		&& strcmp(h + n - 10, ".localhost") == 0) || (n > 6
		&& strcmp(h + n - 6, ".local") == 0) || (n > 9
		&& strcmp(h + n - 9, ".internal") == 0) || h[0] == '[')
	{
		return h[0] != '[' || strcmp(h, "[::1]") == 0
			|| strncmp(h, "[fc", 3) == 0 || strncmp(h, "[fd", 3) == 0
			|| strncmp(h, "[fe80", 5) == 0;
	}
	if (strchr(h, '.') == NULL) {
		return 1;
	}
	for (; *p != 0; p++) {
		digits &= (*p >= '0' && *p <= '9') || *p == '.';
	}
	if (!digits) {
		return 0;
	}
	for (p = h; *p >= '0' && *p <= '9'; p++) {
		a = a * 10 + (unsigned)(*p - '0');
	}
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			b = b * 10 + (unsigned)(*p - '0');
		}
	}
	return a == 127 || a == 10 || a == 0 || (a == 192 && b == 168)
		|| (a == 172 && b >= 16 && b <= 31) || (a == 169 && b == 254);
}

/* Does any string in `v` contain the secret? */
static int
contains_secret(const oojwt_jv *v, const unsigned char *secret, size_t n)
{
	const oojwt_jv *c;

	switch (oojwt_json_type(v)) {
	case OOJWT_JSON_STRING: {
		/* Short secrets ("secret") only as a whole value: as a part
		 * they are ordinary words. */
		const char *s = oojwt_json_string(v);
		size_t len = strlen(s), i;
		int found = 0;
		if (n < 16) {
			return len == n && memcmp(s, secret, n) == 0;
		}
		for (i = 0; i + n <= len && !found; i++) {
			found = memcmp(s + i, secret, n) == 0;
		}
		return found;
	}
	case OOJWT_JSON_ARRAY:
	case OOJWT_JSON_OBJECT:
		for (c = oojwt_json_first(v, NULL); c != NULL;
			c = oojwt_json_next(c, NULL))
		{
			if (contains_secret(c, secret, n)) {
				return 1;
			}
		}
		return 0;
	default:
		return 0;
	}
}

/* An api.js alert: the editor is not even created. */
static void
api_alert(oojwt_config_report *r, const char *text)
{
	if (r->alert[0] == 0) {
		oojwt_fmt(r->alert, sizeof r->alert, "%s", text);
	}
}

static void
url_checks(oojwt_config_report *r, const oojwt_jv *cfg, const char *path,
	const char *what)
{
	const oojwt_jv *v = oojwt_json_at(cfg, path);
	char host[256], msg[OOJWT_MESSAGE_LEN];

	if (oojwt_json_type(v) != OOJWT_JSON_STRING || oojwt_json_string(v)[0] == 0) {
		return;
	}
	if (!url_host(oojwt_json_string(v), host, sizeof host)) {
		oojwt_fmt(msg, sizeof msg, "%s is not an absolute http(s) URL: "
			"Document Server resolves nothing against your page", what);
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_URL_NOT_ABSOLUTE, path, msg,
			"write the full URL, https://host/path, as Document Server can "
			"reach it");
		return;
	}
	if (host_private(host)) {
		oojwt_fmt(msg, sizeof msg, "%s points at %s: that name means the "
			"Document Server machine itself or a private network; DS must "
			"reach it, and private addresses are only allowed for URLs from "
			"a verified token", what, host);
		add(r, OOJWT_SEVERITY_WARNING, OOJWT_FIND_CALLBACK_UNREACHABLE, path,
			msg, "use a name and address Document Server can reach (not "
			"localhost: in Docker that is the container)");
	}
}

static void
config_checks(oojwt_config_report *r, const oojwt_jv *cfg,
	const unsigned char *secret, size_t secret_len)
{
	const oojwt_jv *doc = oojwt_json_get(cfg, "document");
	const oojwt_jv *ft = oojwt_json_at(cfg, "document.fileType");
	const oojwt_jv *dt = oojwt_json_get(cfg, "documentType");
	const oojwt_jv *key = oojwt_json_at(cfg, "document.key");
	const oojwt_jv *uid = oojwt_json_at(cfg, "editorConfig.user.id");
	char msg[OOJWT_MESSAGE_LEN];
	int fg = -1, dg = -1, legacy = 0;
	int has_ft = oojwt_json_type(ft) == OOJWT_JSON_STRING
		&& oojwt_json_string(ft)[0] != 0;
	int has_dt = oojwt_json_type(dt) == OOJWT_JSON_STRING
		&& oojwt_json_string(dt)[0] != 0;

	if (doc != NULL) {
		if (!oojwt_json_truthy(oojwt_json_at(cfg, "document.url")) || (!has_ft && !has_dt)) {
			add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_MISSING_CONFIG_FIELD,
				!oojwt_json_truthy(oojwt_json_at(cfg, "document.url")) ? "document.url"
				: "document.fileType", "api.js refuses the config: document.url "
				"is required, and document.fileType or documentType (\"One or "
				"more required parameter for the config object is not set\")",
				"set document.url and document.fileType");
			api_alert(r, "One or more required parameter for the config "
				"object is not set");
		}
		if (has_dt) {
			dg = doc_group(oojwt_json_string(dt), &legacy);
			if (dg < 0) {
				add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_BAD_DOCUMENT_TYPE,
					"documentType", "api.js does not know this documentType "
					"(word, cell, slide, pdf, diagram)",
					"use word, cell, slide, pdf or diagram");
				api_alert(r, "The \"documentType\" parameter for the config "
					"object is invalid. Please correct it.");
			} else if (legacy) {
				add(r, OOJWT_SEVERITY_INFO, OOJWT_FIND_BAD_DOCUMENT_TYPE,
					"documentType", "text, spreadsheet and presentation are "
					"deprecated since 6.1 (api.js warns in the console)",
					"use word, cell or slide");
			}
		}
		if (has_ft) {
			const char *f = oojwt_json_string(ft);
			const char *c;
			fg = file_group(f);
			if (fg < 0) {
				add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_BAD_FILE_TYPE,
					"document.fileType", "api.js does not know this fileType",
					"use the file's extension in lower case, without the dot");
				api_alert(r, "The \"document.fileType\" parameter for the "
					"config object is invalid. Please correct it.");
			}
			for (c = f; *c != 0 && !(*c >= 'A' && *c <= 'Z'); c++) {
			}
			if (*c != 0) {
				add(r, OOJWT_SEVERITY_WARNING, OOJWT_FIND_FILE_TYPE_CASE,
					"document.fileType", "fileType must be lower case: api.js "
					"lowers the page's copy, but Document Server uses the "
					"token's value as it is",
					"write the extension in lower case here and in the token");
			}
		}
		if (fg >= 0 && dg >= 0 && fg != dg && !(fg == 3 && dg == 0)) {
			oojwt_fmt(msg, sizeof msg, "fileType %s belongs to the %s editor, "
				"but documentType says %s: the wrong editor opens the file",
				oojwt_json_string(ft), groups[fg][0], oojwt_json_string(dt));
			add(r, OOJWT_SEVERITY_WARNING, OOJWT_FIND_FILE_TYPE_MISMATCH,
				"documentType", msg, "set documentType from the file type (or "
				"leave it out: api.js infers it)");
		}
		if (key != NULL && oojwt_json_type(key) != OOJWT_JSON_STRING) {
			add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_BAD_DOCUMENT_KEY,
				"document.key", "document.key must be a string (api.js alerts "
				"\"The \\\"document.key\\\" parameter for the config object must "
				"be string\")", "pass the key as a string");
			api_alert(r, "The \"document.key\" parameter for the config object "
				"must be string. Please correct it.");
		} else if (key != NULL && strlen(oojwt_json_string(key)) > 128) {
			oojwt_fmt(msg, sizeof msg, "document.key is %z characters: the docs "
				"allow 128 (the server's database column holds 255)",
				strlen(oojwt_json_string(key)));
			add(r, OOJWT_SEVERITY_WARNING, OOJWT_FIND_KEY_TOO_LONG,
				"document.key", msg, "use a shorter key, e.g. a hash of the "
				"file id and its version");
		}
	}
	url_checks(r, cfg, "document.url", "document.url");
	url_checks(r, cfg, "editorConfig.callbackUrl", "editorConfig.callbackUrl");
	if (oojwt_json_type(uid) == OOJWT_JSON_STRING
		&& strlen(oojwt_json_string(uid)) > 240)
	{
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_USER_ID_TOO_LONG,
			"editorConfig.user.id", "editorConfig.user.id is longer than 240 "
			"characters: Document Server refuses editing users (\"User id too "
			"long\")", "use a shorter, stable user id");
	}
	if (secret_len >= 4 && contains_secret(cfg, secret, secret_len)) {
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_CONFIG_HAS_SECRET, "",
			"the config contains the JWT secret: every browser that opens the "
			"editor can read it and sign any token",
			"keep the secret on the server; only the signed token goes to the "
			"page");
	}
}

/* The config after the token's values override it (spec 2.5). */
static int
effective(oojwt_config_report *r, const oojwt_jv *cfg, const oojwt_jv *tok)
{
	static const char *const paths[] = {
		"document.key", "document.fileType", "document.title",
		"document.url", "editorConfig.callbackUrl", "editorConfig.lang",
		"editorConfig.mode", "editorConfig.coEditing.mode",
		"editorConfig.coEditing.change", "editorConfig.user.id",
		"editorConfig.user.index", "editorConfig.user.name",
		"editorConfig.user.group", "editorConfig.user.firstname",
		"editorConfig.user.lastname", "editorConfig.user.customerId"
	};
	char msg[OOJWT_MESSAGE_LEN], *text;
	oojwt_jv *copy = NULL;
	const oojwt_jv *mode = oojwt_json_at(cfg, "editorConfig.mode");
	size_t k, len, dups;
	long pos;
	int code;

	text = oojwt_json_print(cfg, &len);
	if (text == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	code = oojwt_json_parse_ex(&copy, text, len, OOJWT_JSON_LAST_WINS
		| OOJWT_JSON_LONE_WTF8, &dups, &pos, msg);
	free(text);
	if (code != OOJWT_OK) {
		return code;
	}
	for (k = 0; k < sizeof paths / sizeof *paths && tok != NULL; k++) {
		/* A page asking for view keeps it: restricting is allowed. */
		if (k == 6 && oojwt_json_type(mode) == OOJWT_JSON_STRING
			&& strcmp(oojwt_json_string(mode), "view") == 0)
		{
			continue;
		}
		code = oojwt_json_copy_path(copy, tok, paths[k]);
		if (code != OOJWT_OK) {
			oojwt_json_free(copy);
			return code;
		}
	}
	r->effective = oojwt_json_print(copy, &r->effective_len);
	oojwt_json_free(copy);
	return r->effective != NULL ? OOJWT_OK : OOJWT_ERR_NO_MEMORY;
}

int
oojwt_config_inspect(oojwt_config_report *r, const char *config, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_inspect_opts *o)
{
	oojwt_jv *cfg = NULL, *tok = NULL;
	oojwt_ds_opts dso;
	oojwt_json_info info;
	char msg[OOJWT_MESSAGE_LEN];
	const oojwt_jv *t;
	size_t dups;
	long pos;
	int code;

	if (r == NULL || o == NULL || (config == NULL && len != 0)
		|| (secret == NULL && secret_len != 0))
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(r, 0, sizeof *r);
	r->ok = 1;
	/* The page hands api.js an object: its text is what JSON.parse (or
	 * a JavaScript literal) reads, lone surrogates included. */
	code = oojwt_json_parse_js(&cfg, config, len, OOJWT_JSON_LAST_WINS
		| OOJWT_JSON_LONE_WTF8, &info, &pos, msg);
	if (code == OOJWT_ERR_NO_MEMORY) {
		return code;
	}
	if (code != OOJWT_OK || oojwt_json_type(cfg) != OOJWT_JSON_OBJECT) {
		add(r, OOJWT_SEVERITY_ERROR, code != OOJWT_OK ? code
			: OOJWT_ERR_NOT_AN_OBJECT, "", code != OOJWT_OK ? msg
			: "the config is not a JSON object", "pass the object given to "
			"new DocsAPI.DocEditor(placeholder, config)");
		verdict(r, 0, "the config cannot be read");
		oojwt_json_free(cfg);
		return OOJWT_OK;
	}
	oojwt_ds_lone_finding(r->findings, &r->n_findings, &r->dropped, cfg,
		info.lone, "the editor opens, and shows the half as \xEF\xBF\xBD "
		"(U+FFFD) where the value appears (the co-editors list, the title)",
		"cut text at character boundaries where the "
		"config is built (JavaScript: Array.from(s).slice(0, n).join(''); "
		"PHP: mb_substr; Java: offsetByCodePoints), or drop the half character");
	if (oojwt_json_get(cfg, "document") == NULL
		&& oojwt_json_type(oojwt_json_get(cfg, "payload")) == OOJWT_JSON_OBJECT)
	{
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_PAYLOAD_WRAPPER, "payload",
			"the config is wrapped in {\"payload\": ...}: that is the form of "
			"command-service requests, not of an editor config",
			"pass the inner object, with document and editorConfig at the top");
	}
	t = oojwt_json_get(cfg, "token");
	if (oojwt_json_type(t) != OOJWT_JSON_STRING || !oojwt_json_truthy(t)) {
		r->token_kind = OOJWT_TOKEN_NONE;
		if (o->enable_browser) {
			add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_TOKEN_MISSING, "token",
				"the config has no token but token.enable.browser is on: "
				"Document Server closes with \"jwt must be provided\"",
				"sign the config on the server with secret.inbox and pass it "
				"as config.token");
			verdict(r, 4006, "jwt must be provided");
		}
		goto finish;
	}
	/* Gate: a token that is present is verified even when browser
	 * tokens are off. */
	r->token_text = oojwt_json_string(t);
	dso.algorithms = 0;
	dso.now = o->now;
	dso.clock_tolerance = o->clock_tolerance;
	dso.strict_clock_tolerance = 0;
	code = oojwt_ds_verify(&r->ds, r->token_text, strlen(r->token_text),
		secret, secret_len, &dso);
	if (code != OOJWT_OK) {
		oojwt_json_free(cfg);
		oojwt_config_report_free(r);
		return code;
	}
	r->has_ds = 1;
	if (!r->ds.valid) {
		int close = r->ds.close_code;
		oojwt_fmt(msg, sizeof msg, "Document Server: %s: %s -- %s",
			oojwt_ds_error_name(r->ds.error_name), r->ds.server_message,
			r->ds.message);
		add(r, OOJWT_SEVERITY_ERROR, r->ds.code, "token", msg,
			r->ds.code == OOJWT_ERR_EXPIRED ? "sign the config when the page "
			"is served, with an expiry of at least a few minutes"
			: r->ds.code == OOJWT_ERR_BAD_SIGNATURE ? "sign with "
			"secret.inbox of this server (try explainSecret)"
			: strchr(r->token_text, '.') == NULL ? "config.token holds no JWT "
			"(no dots): often the secret itself was pasted here; sign the "
			"config and pass the resulting token"
			: "pass the token exactly as the server signed it");
		oojwt_fmt(msg, sizeof msg, close != 0 ? "token:%s" : "%s: %s -- "
			"Document Server sets no close code; the editor shows a generic "
			"connection error", close != 0 ? r->ds.server_message
			: oojwt_ds_error_name(r->ds.error_name), r->ds.server_message);
		verdict(r, close, msg);
		goto finish;
	}
	if (r->ds.payload_kind == OOJWT_DS_PAYLOAD_JSON) {
		code = oojwt_json_parse_ex(&tok, r->ds.payload_text,
			r->ds.payload_len, OOJWT_JSON_LAST_WINS | OOJWT_JSON_LONE_WTF8,
			&dups, &pos, msg);
		if (code == OOJWT_ERR_NO_MEMORY) {
			goto fail;
		}
		if (code != OOJWT_OK || oojwt_json_type(tok) != OOJWT_JSON_OBJECT) {
			oojwt_json_free(tok);
			tok = NULL;
		}
	}
	if (oojwt_json_get(tok, "fileInfo") != NULL) {
		r->token_kind = OOJWT_TOKEN_WOPI;
	} else if (oojwt_json_at(tok, before(o, 802) ? "editorConfig.ds_view"
		: "editorConfig.ds_sessionTimeConnect") != NULL)
	{
		r->token_kind = OOJWT_TOKEN_RECONNECT;
	} else if (!before(o, 803)
		&& oojwt_json_truthy(oojwt_json_get(tok, "version")))
	{
		r->token_kind = OOJWT_TOKEN_HISTORY;
	} else {
		r->token_kind = OOJWT_TOKEN_OPENING;
	}
	if (r->token_kind != OOJWT_TOKEN_OPENING) {
		oojwt_fmt(msg, sizeof msg,
			"the token is a %s token (%s), not the config's opening token: "
			"Document Server skips the opening checks and the editor does "
			"not open this config as signed", oojwt_token_kind_name(r->token_kind),
			r->token_kind == OOJWT_TOKEN_WOPI ? "it has fileInfo"
			: r->token_kind == OOJWT_TOKEN_RECONNECT ? before(o, 802)
			? "it has editorConfig.ds_view (7.1-8.1)"
			: "it has editorConfig.ds_sessionTimeConnect (8.2+)"
			: "it has a truthy version (setHistoryData, 8.3+)");
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_NOT_OPENING_TOKEN, "token", msg,
			"sign the editor config itself");
		verdict(r, 0, "not an opening token");
		goto finish;
	}
	if (opening_checks(r, cfg, tok, o)) {
		user_checks(r, cfg, tok);
	}
finish:
	config_checks(r, cfg, secret, secret_len);
	if (r->alert[0] != 0) {
		/* api.js refuses before anything reaches the server. */
		r->ok = 0;
		r->close_code = 0;
		r->editor_error = 0;
		oojwt_fmt(r->message, sizeof r->message, "api.js alert: %s (no "
			"editor is created)", r->alert);
	}
	code = effective(r, cfg, r->ok && r->token_kind == OOJWT_TOKEN_OPENING
		? tok : NULL);
	if (code == OOJWT_ERR_NO_MEMORY) {
		goto fail;
	}
	if (r->ok) {
		oojwt_fmt(r->message, sizeof r->message, r->token_kind
			== OOJWT_TOKEN_NONE ? "the editor opens (no token, and none "
			"required)" : "the editor opens: the token passes every check "
			"of Document Server");
	}
	/* The token text points into cfg: keep the tree. */
	oojwt_json_free(tok);
	r->tree = cfg;
	return OOJWT_OK;
fail:
	oojwt_json_free(tok);
	oojwt_json_free(cfg);
	oojwt_config_report_free(r);
	return OOJWT_ERR_NO_MEMORY;
}

void
oojwt_config_report_free(oojwt_config_report *r)
{
	if (r == NULL) {
		return;
	}
	if (r->has_ds) {
		oojwt_ds_result_free(&r->ds);
	}
	free(r->effective);
	oojwt_json_free((oojwt_jv *)r->tree);
	oojwt_wipe(r, sizeof *r);
}

/* ---- signing a config ---------------------------------------------------- */

int
oojwt_config_sign(char **token, size_t *token_len, const char *config,
	size_t len, const unsigned char *secret, size_t secret_len, unsigned alg,
	int fields, const double *iat, const double *exp, oojwt_issue *err)
{
	static const char *const required[] = {
		"document.key", "document.permissions", "document.url",
		"editorConfig.callbackUrl", "editorConfig.mode"
	};
	static const char header_fmt[] = "{\"alg\":\"%s\",\"typ\":\"JWT\"}";
	oojwt_jv *cfg = NULL, *body = NULL;
	oojwt_key key;
	char header[64], *text = NULL, *out = NULL;
	size_t dups, text_len = 0, cap, k;
	long pos;
	int code;

	if (token == NULL || token_len == NULL || err == NULL
		|| (config == NULL && len != 0) || (secret == NULL && secret_len != 0)
		|| (alg & OOJWT_ALG_HMAC) == 0 || (alg & (alg - 1)) != 0
		|| (fields != OOJWT_SIGN_CONFIG_ALL
			&& fields != OOJWT_SIGN_CONFIG_REQUIRED))
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	*token = NULL;
	*token_len = 0;
	memset(err, 0, sizeof *err);
	err->pos = -1;
	code = oojwt_json_parse_ex(&cfg, config, len, OOJWT_JSON_LAST_WINS
		| OOJWT_JSON_LONE_WTF8, &dups, &pos, err->message);
	if (code == OOJWT_OK && oojwt_json_type(cfg) != OOJWT_JSON_OBJECT) {
		code = OOJWT_ERR_NOT_AN_OBJECT;
		oojwt_fmt(err->message, sizeof err->message,
			"the config is not a JSON object");
	}
	if (code != OOJWT_OK) {
		goto done;
	}
	oojwt_json_remove(cfg, "token");
	if (fields == OOJWT_SIGN_CONFIG_ALL) {
		body = cfg;
		cfg = NULL;
	} else {
		const oojwt_jv *mode = oojwt_json_at(cfg, "editorConfig.mode");
		body = oojwt_json_new_object();
		if (body == NULL) {
			code = OOJWT_ERR_NO_MEMORY;
			goto done;
		}
		for (k = 0; k < sizeof required / sizeof *required; k++) {
			/* mode only when the page asks for something but view. */
			if (k == 4 && oojwt_json_type(mode) == OOJWT_JSON_STRING
				&& strcmp(oojwt_json_string(mode), "view") == 0)
			{
				continue;
			}
			code = oojwt_json_copy_path(body, cfg, required[k]);
			if (code != OOJWT_OK) {
				goto done;
			}
		}
		if (oojwt_json_at(body, "document.key") == NULL || oojwt_json_at(body, "document.url") == NULL) {
			code = OOJWT_ERR_BAD_ARGUMENT;
			oojwt_fmt(err->message, sizeof err->message, "the config has no "
				"document.key or document.url, which the server requires "
				"in the token");
			goto done;
		}
	}
	if ((iat != NULL && (code = oojwt_json_set_number(body, "iat", *iat))
		!= OOJWT_OK) || (exp != NULL
		&& (code = oojwt_json_set_number(body, "exp", *exp)) != OOJWT_OK))
	{
		goto done;
	}
	text = oojwt_json_print(body, &text_len);
	if (text == NULL) {
		code = OOJWT_ERR_NO_MEMORY;
		goto done;
	}
	oojwt_fmt(header, sizeof header, header_fmt, oojwt_alg_name(alg));
	memset(&key, 0, sizeof key);
	key.data = secret;
	key.len = secret_len;
	cap = oojwt_sign_size(strlen(header), text_len);
	out = (char *)malloc(cap);
	if (out == NULL) {
		code = OOJWT_ERR_NO_MEMORY;
		goto done;
	}
	code = oojwt_sign(out, cap, token_len, alg, &key, header, strlen(header),
		text, text_len, err);
	if (code == OOJWT_OK) {
		*token = out;
		out = NULL;
	}
done:
	if (code != OOJWT_OK && err->message[0] == 0) {
		oojwt_fmt(err->message, sizeof err->message, "%s",
			oojwt_code_name(code));
	}
	err->code = code;
	free(out);
	free(text);
	oojwt_json_free(body);
	oojwt_json_free(cfg);
	return code;
}

int
oojwt_ds_version_parse(const char *s, size_t len)
{
	size_t i = 0, n;
	int major = 0, minor = 0;

	for (n = 0; i < len && s[i] >= '0' && s[i] <= '9' && n < 4; n++) {
		major = major * 10 + (s[i++] - '0');
	}
	if (n == 0 || n > 3 || major == 0 || i >= len || s[i++] != '.') {
		return 0;
	}
	for (n = 0; i < len && s[i] >= '0' && s[i] <= '9' && n < 3; n++) {
		minor = minor * 10 + (s[i++] - '0');
	}
	if (n == 0 || n > 2) {
		return 0;
	}
	while (i < len && s[i] == '.') {
		for (i++, n = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			n++;
		}
		if (n == 0) {
			return 0;
		}
	}
	return i == len ? major * 100 + minor : 0;
}
