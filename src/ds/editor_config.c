/*
 * Editor config inspection: the config a page passes to
 * DocsAPI.DocEditor, judged in the order DocService (DocsCoServer.js)
 * judges its token: token present and verified in io.use (the DS profile
 * with the inbox secret, a false-like payload refused), the connection's
 * key in io.on('connection'), then auth(): the token kind, and per kind
 * what DS does (opening: the fields required since 7.1, then
 * fillDataFromJwt's permissions and top-level url/payload/key; reconnect:
 * fillDataFromJwt alone; history: fillVersionHistoryFromJwt; WOPI:
 * fillDataFromWopiJwt and the WOPI callback); then the effective config
 * (the token's values over the page's).
 */
#include <stdarg.h>
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

/* The editor's ending for a close code (spec 2.6): r->message, and its
 * params in r->params (code config_verdict): the frame (the editor's
 * words for the close code), `reason` naming the sentence `fmt` writes,
 * its conversions under `names` (oojwt_fmtp). */
static void
vverdict(oojwt_config_report *r, int close_code, const char *reason,
	const char *names, const char *fmt, va_list ap)
{
	char why[OOJWT_MESSAGE_LEN];
	oojwt_params p;
	const char *frame = close_code == 4006 ? "not_formed" : close_code
		== 4005 ? "expired" : close_code == 4004 ? "no_rights"
		: close_code == 4007 ? "dropped" : "none";

	r->ok = 0;
	r->close_code = close_code;
	oojwt_params_init(&p, r->params, sizeof r->params);
	oojwt_params_str(&p, "frame", frame, strlen(frame));
	oojwt_params_str(&p, "reason", reason, strlen(reason));
	oojwt_vfmtp(why, sizeof why, &p, names, fmt, ap);
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
	case 4007:
		r->editor_error = 0;
		oojwt_fmt(r->message, sizeof r->message,
			"The connection is dropped (drop). (%s)", why);
		break;
	default:
		r->editor_error = 0;
		oojwt_fmt(r->message, sizeof r->message, "%s", why);
		break;
	}
}

static void
verdict(oojwt_config_report *r, int close_code, const char *reason,
	const char *names, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vverdict(r, close_code, reason, names, fmt, ap);
	va_end(ap);
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

/* fillDataFromJwt (DocsCoServer.js), which opening and reconnect tokens
 * go through: the token's document.permissions must deep-equal the
 * page's (isDeepStrictEqual), and a truthy top-level url, payload or key
 * is "token has invalid format" (a truthy fileInfo never gets here: that
 * is a WOPI token). 0 when DS stops (4004). */
static int
fill_checks(oojwt_config_report *r, const oojwt_jv *cfg, const oojwt_jv *tok)
{
	static const char *const top[3] = { "url", "payload", "key" };
	char path[OOJWT_PATH_LEN];
	const oojwt_jv *perm = oojwt_json_at(tok, "document.permissions");
	size_t k;

	if (perm != NULL && !oojwt_json_equal(perm,
		oojwt_json_at(cfg, "document.permissions")))
	{
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_PERMISSIONS_DIFFER, "document.permissions",
			"sign the config's permissions exactly as the page passes them",
			"", "the token's document.permissions differ from the config's "
			"(compared with isDeepStrictEqual: every key, type and value): "
			"\"fillDataFromJwt token has modified permissions\"");
		verdict(r, 4004, "modified_permissions", NULL, "the token has modified "
			"permissions");
		return 0;
	}
	for (k = 0; k < 3; k++) {
		/* decoded.url || decoded.payload || decoded.key: truthiness,
		 * so "", 0, false and null pass. */
		if (!oojwt_json_truthy(oojwt_json_get(tok, top[k]))) {
			continue;
		}
		oojwt_fmt(path, sizeof path, "token.%s", top[k]);
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_TOKEN_INVALID_FORMAT, path, "sign the config object "
			"itself: {document, editorConfig, ...}", "member,,where",
			"the token has a top-level \"%s\" that is not false-like: an "
			"opening token with url, payload or key is refused "
			"(\"fillDataFromJwt token has invalid format\")%s%k", top[k],
			k == 1 ? "; a config wrapped in {\"payload\": ...} is the usual "
			"cause" : "", OOJWT_SEL("config"));
		verdict(r, 4004, "invalid_format", NULL, "token has invalid format");
		return 0;
	}
	return 1;
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
	char path[OOJWT_PATH_LEN];
	const oojwt_jv *mode = oojwt_json_at(cfg, "editorConfig.mode");
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
		oojwt_fmt(path, sizeof path, "token.%s", required[k]);
		oojwt_ds_findingf(r, o->token_required_params ? OOJWT_SEVERITY_ERROR
			: OOJWT_SEVERITY_WARNING, OOJWT_FIND_MISSING_REQUIRED_FIELD, path,
			"sign the whole config (as the official integrations do), or at "
			"least these fields", "field,,,requirement", "auth missing "
			"required parameter %s (since 7.1 version): the token must carry "
			"%s%s%k", required[k], required[k], k == 4 ? " unless the mode is "
			"view (8.2+; 7.1-8.1 require it for any mode)" : k == 1 || k == 3
			? " because the config has it" : "", k == 4 ? "unless_view"
			: k == 1 || k == 3 ? "config_has_it" : "always");
		if (o->token_required_params) {
			verdict(r, 4006, "missing_required", "field", "auth missing "
				"required parameter %s (since 7.1 version)", required[k]);
			return 0;
		}
		break;
	}
	return fill_checks(r, cfg, tok);
}

/* io.on('connection') (DocsCoServer.js, 8.2+): the socket path
 * /doc/<key>/c... must match DOC_ID_SOCKET_PATTERN, else the context
 * keeps constants.DEFAULT_DOC_ID, 'docId'; a key that is empty or is
 * 'docId' itself ends there too. Then "io.on connection unexpected key"
 * and 4004, before auth() reads any token. The key is the page's: the
 * editor builds the path from it. 0 when DS stops. */
static int
connection_checks(oojwt_config_report *r, const oojwt_jv *cfg,
	const oojwt_inspect_opts *o)
{
	const oojwt_jv *key = oojwt_json_at(cfg, "document.key");
	const char *k;

	if (before(o, 802) || oojwt_json_type(key) != OOJWT_JSON_STRING) {
		return 1;
	}
	k = oojwt_json_string(key);
	if (!key_chars_ok(k)) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_BAD_DOCUMENT_KEY,
			"document.key", "build keys from letters, digits and - . _ = only "
			"(e.g. a hash of the file id and its version)", "problem",
			"document.key has characters outside 0-9 a-z A-Z - . _ =: the "
			"socket path does not match and Document Server denies access "
			"(\"io.on connection unexpected key use key pattern\", 8.2+)%k",
			OOJWT_SEL("characters"));
		verdict(r, 4004, "key_characters", NULL, "the document key has "
			"characters the server does not accept");
		return 0;
	}
	if (k[0] == 0 || strcmp(k, "docId") == 0) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_BAD_DOCUMENT_KEY,
			"document.key", "give every document version its own key (e.g. a "
			"hash of the file id and its version)", ",problem", "%s%k",
			k[0] == 0 ? "document.key is empty: the connection keeps the "
			"server's placeholder key 'docId' and Document Server denies "
			"access (\"io.on connection unexpected key\", 8.2+)"
			: "document.key is 'docId', the placeholder the server uses when "
			"a connection names no key (constants.DEFAULT_DOC_ID): Document "
			"Server denies access (\"io.on connection unexpected key\", 8.2+)",
			OOJWT_SEL(k[0] == 0 ? "empty" : "placeholder"));
		verdict(r, 4004, "key_placeholder", NULL, "the document key is the "
			"server's placeholder 'docId'");
		return 0;
	}
	return 1;
}

/* A reconnect token as the config token (auth(): editorConfig.
 * ds_sessionTimeConnect !== undefined, ds_view before 8.2): DS calls
 * fillDataFromJwt without validateAuthToken. 0 when DS stops. */
static int
reconnect_checks(oojwt_config_report *r, const oojwt_jv *cfg,
	const oojwt_jv *tok, const oojwt_inspect_opts *o)
{
	oojwt_ds_findingf(r, OOJWT_SEVERITY_WARNING, OOJWT_FIND_NOT_OPENING_TOKEN,
		"token", "sign the editor config itself, without editorConfig.ds_* "
		"members (Document Server adds them to its own session tokens)",
		",reason", "%s%k", before(o, 802) ? "the token has editorConfig.ds_view (7.1-8.1), the "
		"mark of Document Server's own session tokens: DS takes it for a "
		"reconnection, skips the fields required since 7.1 (document.key, "
		"document.url, ...) and opens with the token's values, ds_view "
		"deciding whether the user only views" : "the token has "
		"editorConfig.ds_sessionTimeConnect (8.2+), the mark of Document "
		"Server's own session tokens: DS takes it for a reconnection, skips "
		"the fields required since 7.1 (document.key, document.url, ...) and "
		"opens with the token's values; the session is counted from that "
		"time, so expire.sessionabsolute may end it at once",
		OOJWT_SEL(before(o, 802) ? "reconnect_view" : "reconnect"));
	return fill_checks(r, cfg, tok);
}

/* A setHistoryData token as the config token (auth(): decoded.version
 * truthy, 8.3+): fillVersionHistoryFromJwt, which always returns true. */
static void
history_checks(oojwt_config_report *r, const oojwt_jv *tok)
{
	const oojwt_jv *key = oojwt_json_get(tok, "key");
	const oojwt_jv *url = oojwt_json_get(tok, "url");

	oojwt_ds_findingf(r, OOJWT_SEVERITY_WARNING, OOJWT_FIND_NOT_OPENING_TOKEN,
		"token", "sign the editor config itself; give this token only to "
		"docEditor.setHistoryData", "reason", "the token has a truthy "
		"version: it is a setHistoryData token (8.3+). Document Server opens "
		"it read-only (mode view, coEditing strict) with the document key "
		"from its top-level key and the file from its top-level url (or "
		"previous.url when previous.key is the page's key): an old version, "
		"not the page's document; the page's callbackUrl and user are used "
		"unsigned%k", OOJWT_SEL("history"));
	if (!oojwt_json_truthy(key) || !oojwt_json_truthy(url)) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_NOT_OPENING_TOKEN, !oojwt_json_truthy(key) ? "token.key"
			: "token.url", "sign the editor config itself", "member,reason",
			"the history token has no top-level %s: Document Server goes on "
			"with it undefined and cannot open a document%k",
			!oojwt_json_truthy(key) ? "key" : "url",
			OOJWT_SEL("history_incomplete"));
		verdict(r, 0, "history_incomplete", NULL, "a history token without a "
			"key or url: no document to open (no close code)");
	}
}

/* A WOPI token as the config token (auth(): wopiClient.isWopiJwtToken,
 * a truthy fileInfo): fillDataFromWopiJwt, which always returns true.
 * A userAuth object becomes the callback, which parseWopiCallback reads
 * as WOPI: without the WOPI session DS stored when its WOPI handler
 * opened the file, auth() drops the connection (4007). */
static void
wopi_checks(oojwt_config_report *r, const oojwt_jv *tok)
{
	if (oojwt_json_type(oojwt_json_get(tok, "userAuth")) == OOJWT_JSON_OBJECT) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_NOT_OPENING_TOKEN, "token", "sign the editor config "
			"itself; WOPI hosts open files through Document Server's "
			"/hosting/wopi pages", "reason", "the token has a truthy "
			"fileInfo: it is a WOPI token. Its userAuth becomes the callback, "
			"which Document Server reads as a WOPI session; for a document "
			"its WOPI handler did not open it finds no stored session "
			"(\"invalid wopi callback\") and drops the connection (4007)%k",
			OOJWT_SEL("wopi_callback"));
		verdict(r, 4007, "wopi_callback", NULL, "invalid wopi callback");
		return;
	}
	oojwt_ds_findingf(r, OOJWT_SEVERITY_WARNING, OOJWT_FIND_NOT_OPENING_TOKEN,
		"token", "sign the editor config itself", "reason", "the token has a "
		"truthy fileInfo: it is a WOPI token. Document Server opens with the "
		"key from its top-level key, the file type, title and user from "
		"fileInfo, and permissions derived from fileInfo (UserCanWrite, "
		"ReadOnly, ...) over the page's; the page's document.url and "
		"callbackUrl are used unsigned, yet DS treats the open as "
		"token-verified%k", OOJWT_SEL("wopi"));
}

/* The user of an opening token (spec 2.5; DOCS browser.md signs
 * editorConfig.user {group, id, name}): what the page sets unsigned, and
 * where the token's user wins. */
static void
user_checks(oojwt_config_report *r, const oojwt_jv *cfg, const oojwt_jv *tok)
{
	static const char *const fields[3] = { "id", "name", "group" };
	char missing[40], path[OOJWT_PATH_LEN];
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
			oojwt_fmt(path, sizeof path, "token.editorConfig.user.%s",
				fields[k]);
			oojwt_ds_findingf(r, OOJWT_SEVERITY_INFO, OOJWT_FIND_USER_DIFFERS,
				path, "sign the same user the page passes", "field",
				"the token's editorConfig.user.%s differs from the page's: "
				"Document Server uses the token's%s", fields[k], k == 2
				? " (the group is shown before the name, joined by a no-break "
				"space, and decides reviewGroups/commentGroups rights)" : "");
		}
	}
	if (missing[0] != 0) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_USER_NOT_SIGNED, "token.editorConfig.user", "sign the "
			"whole config, or at least editorConfig.user with the required "
			"fields", "fields", "editorConfig.user (%s) is not in the token: "
			"the page's unsigned values are used, so whoever edits the page "
			"can act as any user or group; the docs sign editorConfig.user "
			"{group, id, name}", missing);
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
	char host[256];

	if (oojwt_json_type(v) != OOJWT_JSON_STRING || oojwt_json_string(v)[0] == 0) {
		return;
	}
	if (!url_host(oojwt_json_string(v), host, sizeof host)) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_URL_NOT_ABSOLUTE,
			path, "write the full URL, https://host/path, as Document Server "
			"can reach it", "field,where", "%s is not an absolute http(s) URL: "
			"Document Server resolves nothing against your page%k", what,
			OOJWT_SEL("config"));
		return;
	}
	if (host_private(host)) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_CALLBACK_UNREACHABLE, path,
			"use a name and address Document Server can reach (not "
			"localhost: in Docker that is the container)", "field,host",
			"%s points at %s: that name means the Document Server machine "
			"itself or a private network; DS must reach it, and private "
			"addresses are only allowed for URLs from a verified token", what,
			host);
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
				oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR,
					OOJWT_FIND_BAD_DOCUMENT_TYPE,
					"documentType", "use word, cell, slide, pdf or diagram",
					"problem", "api.js does not know this documentType (word, "
					"cell, slide, pdf, diagram)%k", OOJWT_SEL("unknown"));
				api_alert(r, "The \"documentType\" parameter for the config "
					"object is invalid. Please correct it.");
			} else if (legacy) {
				oojwt_ds_findingf(r, OOJWT_SEVERITY_INFO,
					OOJWT_FIND_BAD_DOCUMENT_TYPE,
					"documentType", "use word, cell or slide", "problem",
					"text, spreadsheet and presentation are deprecated since 6.1 "
					"(api.js warns in the console)%k", OOJWT_SEL("legacy"));
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
			oojwt_ds_findingf(r, OOJWT_SEVERITY_WARNING,
				OOJWT_FIND_FILE_TYPE_MISMATCH,
				"documentType", "set documentType from the file type (or "
				"leave it out: api.js infers it)", "fileType,editor,documentType",
				"fileType %s belongs to the %s editor, but documentType says "
				"%s: the wrong editor opens the file", oojwt_json_string(ft),
				groups[fg][0], oojwt_json_string(dt));
		}
		if (key != NULL && oojwt_json_type(key) != OOJWT_JSON_STRING) {
			oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR,
				OOJWT_FIND_BAD_DOCUMENT_KEY,
				"document.key", "pass the key as a string", "problem",
				"document.key must be a string (api.js alerts \"The "
				"\\\"document.key\\\" parameter for the config object must be "
				"string\")%k", OOJWT_SEL("type"));
			api_alert(r, "The \"document.key\" parameter for the config object "
				"must be string. Please correct it.");
		} else if (key != NULL && strlen(oojwt_json_string(key)) > 128) {
			oojwt_ds_findingf(r, OOJWT_SEVERITY_WARNING,
				OOJWT_FIND_KEY_TOO_LONG,
				"document.key", "use a shorter key, e.g. a hash of the file id "
				"and its version", "length", "document.key is %z characters: "
				"the docs allow 128 (the server's database column holds 255)",
				strlen(oojwt_json_string(key)));
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

/* The JSON text of `v`. */
static void
put_value(oojwt_sb *sb, const oojwt_jv *v)
{
	size_t n;
	char *text = oojwt_json_print(v, &n);

	if (text == NULL) {
		sb->failed = 1;
		return;
	}
	oojwt_sb_put(sb, text, n);
	free(text);
}

/* "name":<value> into an object being written; a NULL value (absent
 * in the token) is left out. */
static void
put_member(oojwt_sb *sb, int *first, const char *name, const oojwt_jv *v)
{
	if (v == NULL) {
		return;
	}
	oojwt_sb_puts(sb, *first ? "\"" : ",\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, "\":");
	put_value(sb, v);
	*first = 0;
}

/* What fillVersionHistoryFromJwt takes from a history token, as config
 * members: key and url at the top (previous.key/url when changesUrl and
 * previous are truthy and previous.key is the page's key, which the
 * editor sends as openCmd.id), mode view, coEditing strict. */
static void
history_values(oojwt_sb *sb, const oojwt_jv *cfg, const oojwt_jv *tok)
{
	const oojwt_jv *key = oojwt_json_get(tok, "key");
	const oojwt_jv *url = oojwt_json_get(tok, "url");
	const oojwt_jv *prev = oojwt_json_get(tok, "previous");
	const oojwt_jv *pk = oojwt_json_get(prev, "key");
	const oojwt_jv *page = oojwt_json_at(cfg, "document.key");
	int first = 1;

	if (oojwt_json_truthy(oojwt_json_get(tok, "changesUrl"))
		&& oojwt_json_truthy(prev) && oojwt_json_type(pk) == OOJWT_JSON_STRING
		&& oojwt_json_type(page) == OOJWT_JSON_STRING
		&& strcmp(oojwt_json_string(pk), oojwt_json_string(page)) == 0)
	{
		key = pk;
		url = oojwt_json_get(prev, "url");
	}
	oojwt_sb_puts(sb, "{\"document\":{");
	put_member(sb, &first, "key", key);
	put_member(sb, &first, "url", url);
	oojwt_sb_puts(sb, "},\"editorConfig\":{\"mode\":\"view\","
		"\"coEditing\":{\"mode\":\"strict\"}}}");
}

/* A string member of `o` as a C string, NULL when it is not a string. */
static const char *
str_member(const oojwt_jv *o, const char *name)
{
	const oojwt_jv *v = oojwt_json_get(o, name);

	return oojwt_json_type(v) == OOJWT_JSON_STRING ? oojwt_json_string(v)
		: NULL;
}

/* Is member `name` of `o` the string `s` (JavaScript ===)? */
static int
member_is(const oojwt_jv *o, const char *name, const char *s)
{
	const char *v = str_member(o, name);

	return v != NULL && strcmp(v, s) == 0;
}

/* A boolean member of an object being written. */
static void
put_bool(oojwt_sb *sb, int *first, const char *name, int v)
{
	oojwt_sb_puts(sb, *first ? "\"" : ",\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, v ? "\":true" : "\":false");
	*first = 0;
}

/* The permissions fillDataFromWopiJwt derives from fileInfo (fi) and
 * queryParams (qp), with JavaScript's && and ||, as the members of
 * "permissions". edit is UserCanWrite's own value when that is
 * false-like, review UserCanReview's when nothing forbids reviewing;
 * when that value is missing the permission is undefined, which
 * Object.assign writes too: bit 0 (edit) and bit 1 (review) of the
 * result ask the caller to remove them. */
static unsigned
wopi_permissions(oojwt_sb *sb, const oojwt_jv *fi, const oojwt_jv *qp)
{
	const oojwt_jv *write = oojwt_json_get(fi, "UserCanWrite");
	const oojwt_jv *review = oojwt_json_get(fi, "UserCanReview");
	const oojwt_jv *supports = oojwt_json_get(fi, "SupportsReviewing");
	int only_comment = oojwt_json_truthy(oojwt_json_get(fi,
		"UserCanOnlyComment"));
	int formsubmit = member_is(qp, "formsubmit", "1");
	int edit, first = 1;
	unsigned undefined = 0;

	/* !ReadOnly && !UserCanOnlyComment && UserCanWrite && formsubmit
	 * !== '1': 1 true, 0 false, -1 UserCanWrite's false-like value. */
	edit = oojwt_json_truthy(oojwt_json_get(fi, "ReadOnly")) || only_comment
		? 0 : !oojwt_json_truthy(write) ? -1 : !formsubmit;
	oojwt_sb_puts(sb, ",\"permissions\":{");
	if (edit >= 0) {
		put_bool(sb, &first, "edit", edit);
	} else if (write != NULL) {
		put_member(sb, &first, "edit", write);
	} else {
		undefined |= 1;
	}
	if (only_comment || oojwt_json_type(supports) == OOJWT_JSON_FALSE
		|| oojwt_json_type(review) == OOJWT_JSON_FALSE)
	{
		put_bool(sb, &first, "review", 0);
	} else if (review != NULL) {
		put_member(sb, &first, "review", review);
	} else {
		undefined |= 2;
	}
	put_bool(sb, &first, "comment", edit == 1 || only_comment);
	put_bool(sb, &first, "copy", !member_is(fi, "CopyPasteRestrictions",
		"CurrentDocumentOnly") && !member_is(fi, "CopyPasteRestrictions",
		"BlockAll"));
	put_bool(sb, &first, "print", !oojwt_json_truthy(oojwt_json_get(fi,
		"DisablePrint")) && !oojwt_json_truthy(oojwt_json_get(fi,
		"HidePrintOption")));
	put_bool(sb, &first, "chat", !member_is(qp, "dchat", "1"));
	put_bool(sb, &first, "fillForms", edit == 1 || formsubmit);
	oojwt_sb_puts(sb, "}");
	return undefined;
}

/* What fillDataFromWopiJwt takes from a WOPI token (one without a
 * userAuth object, which is dropped before): key, the file type
 * (wopiClient.getFileTypeByInfo: FileExtension without its dot, else
 * BaseFileName's extension, lower case), title, the permissions (see
 * wopi_permissions(), whose result this returns), user name and id,
 * lang; bit 2 of the result: the title is undefined (neither
 * BreadcrumbDocName nor BaseFileName). */
static unsigned
wopi_values(oojwt_sb *sb, const oojwt_jv *tok)
{
	const oojwt_jv *fi = oojwt_json_get(tok, "fileInfo");
	const oojwt_jv *qp = oojwt_json_get(tok, "queryParams");
	const oojwt_jv *v;
	const char *ext = str_member(fi, "FileExtension");
	const char *base = str_member(fi, "BaseFileName");
	char *ft;
	size_t k, n;
	int first = 1;
	unsigned undefined;

	oojwt_sb_puts(sb, "{\"document\":{");
	if (oojwt_json_truthy(oojwt_json_get(tok, "key"))) {
		put_member(sb, &first, "key", oojwt_json_get(tok, "key"));
	}
	if (ext != NULL && ext[0] != 0) {
		ext++;
	} else if (base != NULL && base[0] != 0) {
		ext = strrchr(base, '.') != NULL ? strrchr(base, '.') + 1 : base;
	} else {
		ext = "";
	}
	ft = (char *)malloc(strlen(ext) + 1);
	if (ft == NULL) {
		sb->failed = 1;
		return 0;
	}
	for (n = 0; ext[n] != 0; n++) {
		ft[n] = (char)(ext[n] >= 'A' && ext[n] <= 'Z' ? ext[n] + 32 : ext[n]);
	}
	oojwt_sb_puts(sb, first ? "\"fileType\":" : ",\"fileType\":");
	oojwt_sb_json_string(sb, ft, n);
	free(ft);
	first = 0;
	v = oojwt_json_get(fi, "BreadcrumbDocName");
	if (!oojwt_json_truthy(v)) {
		v = oojwt_json_get(fi, "BaseFileName");
	}
	put_member(sb, &first, "title", v);
	undefined = wopi_permissions(sb, fi, qp) | (v == NULL ? 4u : 0u);
	oojwt_sb_puts(sb, "},\"editorConfig\":{\"user\":{");
	first = 1;
	v = oojwt_json_get(fi, "UserId");
	if (oojwt_json_type(v) != OOJWT_JSON_NULL) {
		put_member(sb, &first, "id", v);
	}
	v = oojwt_json_get(fi, "UserFriendlyName");
	if (!oojwt_json_truthy(oojwt_json_get(fi, "IsAnonymousUser"))
		&& oojwt_json_truthy(v))
	{
		put_member(sb, &first, "name", v);
	}
	oojwt_sb_puts(sb, "}");
	if (oojwt_json_truthy(qp)) {
		static const char *const lang[2] = { "lang", "ui" };
		oojwt_sb_puts(sb, ",\"lang\":");
		for (k = 0; k < 2; k++) {
			v = oojwt_json_get(qp, lang[k]);
			if (oojwt_json_truthy(v)) {
				put_value(sb, v);
				break;
			}
		}
		if (k == 2) {
			oojwt_sb_puts(sb, "\"en-US\"");
		}
	}
	oojwt_sb_puts(sb, "}}");
	return undefined;
}

/* The config after the token's values override it (spec 2.5; for
 * history and WOPI tokens, what their fill functions take). */
static int
effective(oojwt_config_report *r, const oojwt_jv *cfg, const oojwt_jv *tok,
	int kind)
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
	static const char *const wopi_paths[] = {
		"document.permissions.edit", "document.permissions.review",
		"document.permissions.comment", "document.permissions.copy",
		"document.permissions.print", "document.permissions.chat",
		"document.permissions.fillForms"
	};
	char msg[OOJWT_MESSAGE_LEN], *text;
	oojwt_jv *copy = NULL, *made = NULL;
	const oojwt_jv *mode = oojwt_json_at(cfg, "editorConfig.mode");
	size_t k, len, dups;
	unsigned undefined = 0;
	long pos;
	int code;

	if (tok != NULL && (kind == OOJWT_TOKEN_HISTORY
		|| kind == OOJWT_TOKEN_WOPI))
	{
		oojwt_sb sb;
		memset(&sb, 0, sizeof sb);
		if (kind == OOJWT_TOKEN_HISTORY) {
			history_values(&sb, cfg, tok);
		} else {
			undefined = wopi_values(&sb, tok);
		}
		text = oojwt_sb_finish(&sb, &len);
		if (text == NULL) {
			return OOJWT_ERR_NO_MEMORY;
		}
		code = oojwt_json_parse_ex(&made, text, len, OOJWT_JSON_LAST_WINS,
			&dups, &pos, msg);
		free(text);
		if (code != OOJWT_OK) {
			return code;
		}
		tok = made;
	}
	text = oojwt_json_print(cfg, &len);
	if (text == NULL) {
		oojwt_json_free(made);
		return OOJWT_ERR_NO_MEMORY;
	}
	code = oojwt_json_parse_ex(&copy, text, len, OOJWT_JSON_LAST_WINS
		| OOJWT_JSON_LONE_WTF8, &dups, &pos, msg);
	free(text);
	for (k = 0; code == OOJWT_OK && k < sizeof paths / sizeof *paths
		&& tok != NULL; k++)
	{
		/* A page asking for view keeps it: restricting is allowed. */
		if (k == 6 && made == NULL && oojwt_json_type(mode) == OOJWT_JSON_STRING
			&& strcmp(oojwt_json_string(mode), "view") == 0)
		{
			continue;
		}
		code = oojwt_json_copy_path(copy, tok, paths[k]);
	}
	/* Object.assign(data.permissions, permissions): member by member,
	 * an undefined one included (it then vanishes from the JSON). */
	for (k = 0; code == OOJWT_OK && kind == OOJWT_TOKEN_WOPI && made != NULL
		&& k < sizeof wopi_paths / sizeof *wopi_paths; k++)
	{
		code = oojwt_json_copy_path(copy, made, wopi_paths[k]);
	}
	for (k = 0; code == OOJWT_OK && k < 3; k++) {
		if ((undefined & (1u << k)) != 0) {
			/* The copy is ours to change. */
			oojwt_json_remove((oojwt_jv *)oojwt_json_at(copy, k == 2
				? "document" : "document.permissions"), k == 0 ? "edit"
				: k == 1 ? "review" : "title");
		}
	}
	oojwt_json_free(made);
	if (code != OOJWT_OK) {
		oojwt_json_free(copy);
		return code;
	}
	r->effective = oojwt_json_print(copy, &r->effective_len);
	oojwt_json_free(copy);
	return r->effective != NULL ? OOJWT_OK : OOJWT_ERR_NO_MEMORY;
}

/* What the connector that signed the config puts in it
 * (connector_sign.c), named or told from the config's shape. */
static int
sender_checks(oojwt_config_report *r, const oojwt_jv *cfg, size_t secret_len,
	const oojwt_inspect_opts *o)
{
	oojwt_sent in;

	memset(&in, 0, sizeof in);
	in.what = OOJWT_SENT_CONFIG;
	in.connector = o->connector;
	in.token = r->token_text;
	in.token_len = r->token_text != NULL ? strlen(r->token_text) : 0;
	in.doc = cfg;
	in.secret_len = secret_len;
	return oojwt_connector_sender(&r->sender, &in, r->findings,
		&r->n_findings, &r->dropped);
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
		|| (secret == NULL && secret_len != 0) || o->connector < -1
		|| (o->connector > 0
		&& (size_t)o->connector > oojwt_connector_count()))
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
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR, code != OOJWT_OK ? code
			: OOJWT_ERR_NOT_AN_OBJECT, "", "pass the object given to "
			"new DocsAPI.DocEditor(placeholder, config)", code != OOJWT_OK
			? "detail,source" : ",source", "%s%k", code != OOJWT_OK ? msg
			: "the config is not a JSON object", OOJWT_SEL("config"));
		verdict(r, 0, "unreadable", NULL, "the config cannot be read");
		oojwt_json_free(cfg);
		return OOJWT_OK;
	}
	oojwt_ds_lone_finding(r->findings, &r->n_findings, &r->dropped, cfg,
		info.lone, "config", "the editor opens, and shows the half as \xEF\xBF\xBD "
		"(U+FFFD) where the value appears (the co-editors list, the title)",
		"cut text at character boundaries where the "
		"config is built (JavaScript: Array.from(s).slice(0, n).join(''); "
		"PHP: mb_substr; Java: offsetByCodePoints), or drop the half character");
	if (oojwt_json_get(cfg, "document") == NULL
		&& oojwt_json_type(oojwt_json_get(cfg, "payload")) == OOJWT_JSON_OBJECT)
	{
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_PAYLOAD_WRAPPER,
			"payload", "pass the inner object, with document and editorConfig "
			"at the top", "where", "the config is wrapped in {\"payload\": "
			"...}: that is the form of command-service requests, not of an "
			"editor config%k", OOJWT_SEL("config"));
	}
	if (o->no_secret && o->enable_browser) {
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_NO_SECRET,
			"services.CoAuthoring.secret.inbox", "the server has no inbox "
			"secret (secret.inbox.string is empty and no file is set): it "
			"checks every config token without a key and closes with \"secret "
			"or public key must be provided\"", "set services.CoAuthoring."
			"secret.inbox.string (Docker: JWT_SECRET) to the secret the "
			"integration signs with");
	}
	t = oojwt_json_get(cfg, "token");
	if (oojwt_json_type(t) != OOJWT_JSON_STRING || !oojwt_json_truthy(t)) {
		r->token_kind = OOJWT_TOKEN_NONE;
		if (o->enable_browser) {
			oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR,
				OOJWT_FIND_TOKEN_MISSING, "token", "sign the config on the "
				"server with secret.inbox and pass it as config.token",
				"where", "the config has no token but token.enable.browser is "
				"on: Document Server closes with \"jwt must be provided\"%k",
				OOJWT_SEL("config"));
			verdict(r, 4006, "jwt_missing", NULL, "jwt must be provided");
		} else {
			connection_checks(r, cfg, o);
		}
		goto finish;
	}
	/* Gate: a token that is present is verified even when browser
	 * tokens are off. */
	r->token_text = oojwt_json_string(t);
	memset(&dso, 0, sizeof dso);
	dso.now = o->now;
	dso.clock_tolerance = o->clock_tolerance;
	dso.strict_clock_tolerance = 0;
	dso.no_secret = o->no_secret;
	dso.verify_options = o->verify_options;
	dso.verify_options_len = o->verify_options_len;
	code = oojwt_ds_verify(&r->ds, r->token_text, strlen(r->token_text),
		secret, secret_len, &dso);
	if (code != OOJWT_OK) {
		oojwt_json_free(cfg);
		oojwt_config_report_free(r);
		return code;
	}
	r->has_ds = 1;
	if (!r->ds.valid && r->ds.code == OOJWT_ERR_FALSY_PAYLOAD) {
		/* io.use: if (!checkJwtRes.decoded) "not authorized", with
		 * checkJwtRes.code null. */
		(void)oojwt_finding_addp(r->findings, &r->n_findings, &r->dropped,
			OOJWT_SEVERITY_ERROR, OOJWT_ERR_FALSY_PAYLOAD, "token",
			r->ds.message, "sign the editor config object, not a bare value",
			r->ds.params);
		verdict(r, 0, "falsy_payload", NULL, "not authorized: the token's "
			"payload is a false-like value, which Document Server's handshake "
			"refuses; it sets no close code and the editor shows a generic "
			"connection error");
		goto finish;
	}
	if (!r->ds.valid) {
		int close = r->ds.close_code;
		oojwt_ds_quote(r->findings, &r->n_findings, &r->dropped, &r->ds,
			r->ds.code == OOJWT_ERR_EXPIRED ? OOJWT_DS_FIX_EXPIRED_CONFIG
			: r->ds.code == OOJWT_ERR_BAD_SIGNATURE ? OOJWT_DS_FIX_SIGNATURE
			: strchr(r->token_text, '.') == NULL ? OOJWT_DS_FIX_NO_JWT
			: OOJWT_DS_FIX_EXACT);
		if (close != 0) {
			verdict(r, close, "token", "serverMessage", "token:%s",
				r->ds.server_message);
		} else {
			verdict(r, 0, "no_close", "errorName,serverMessage", "%s: %s -- "
				"Document Server sets no close code; the editor shows a "
				"generic connection error",
				oojwt_ds_error_name(r->ds.error_name), r->ds.server_message);
		}
		goto finish;
	}
	/* DS's decoded value: the payload, or with verifyOptions.complete
	 * {header, payload, signature}. */
	if (r->ds.decoded_text != NULL || r->ds.payload_kind
		== OOJWT_DS_PAYLOAD_JSON)
	{
		code = r->ds.decoded_text != NULL ? oojwt_json_parse_ex(&tok,
			r->ds.decoded_text, r->ds.decoded_len, OOJWT_JSON_LAST_WINS
			| OOJWT_JSON_LONE_WTF8, &dups, &pos, msg)
			: oojwt_json_parse_ex(&tok, r->ds.payload_text, r->ds.payload_len,
			OOJWT_JSON_LAST_WINS | OOJWT_JSON_LONE_WTF8, &dups, &pos, msg);
		if (code == OOJWT_ERR_NO_MEMORY) {
			goto fail;
		}
		if (code != OOJWT_OK || oojwt_json_type(tok) != OOJWT_JSON_OBJECT) {
			oojwt_json_free(tok);
			tok = NULL;
		}
	}
	if (!connection_checks(r, cfg, o)) {
		goto finish;
	}
	/* auth() in this order; isWopiJwtToken is !!decoded.fileInfo. */
	if (oojwt_json_truthy(oojwt_json_get(tok, "fileInfo"))) {
		r->token_kind = OOJWT_TOKEN_WOPI;
	} else if (oojwt_json_truthy(oojwt_json_get(tok, "editorConfig"))
		&& oojwt_json_at(tok, before(o, 802) ? "editorConfig.ds_view"
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
	switch (r->token_kind) {
	case OOJWT_TOKEN_WOPI:
		wopi_checks(r, tok);
		break;
	case OOJWT_TOKEN_HISTORY:
		history_checks(r, tok);
		break;
	case OOJWT_TOKEN_RECONNECT:
		if (reconnect_checks(r, cfg, tok, o)) {
			user_checks(r, cfg, tok);
		}
		break;
	default:
		if (opening_checks(r, cfg, tok, o)) {
			user_checks(r, cfg, tok);
		}
		break;
	}
finish:
	config_checks(r, cfg, secret, secret_len);
	if (sender_checks(r, cfg, secret_len, o) != OOJWT_OK) {
		goto fail;
	}
	if (r->alert[0] != 0) {
		/* api.js refuses before anything reaches the server. */
		verdict(r, 0, "alert", "alert", "api.js alert: %s (no editor is "
			"created)", r->alert);
	}
	code = effective(r, cfg, r->ok ? tok : NULL, r->token_kind);
	if (code == OOJWT_ERR_NO_MEMORY) {
		goto fail;
	}
	if (r->ok) {
		oojwt_params p;
		oojwt_params_init(&p, r->params, sizeof r->params);
		oojwt_fmtp(r->message, sizeof r->message, &p, "frame,reason,",
			"%k%k%s", OOJWT_SEL("none"), OOJWT_SEL("opens"),
			r->token_kind == OOJWT_TOKEN_NONE ? "the editor opens (no token, "
			"and none required)" : r->token_kind == OOJWT_TOKEN_OPENING
			? "the editor opens: the token passes every check of Document "
			"Server" : r->token_kind == OOJWT_TOKEN_HISTORY ? "the editor "
			"opens read-only, with the version the history token names (not "
			"the page's document)" : r->token_kind == OOJWT_TOKEN_RECONNECT
			? "the editor opens: Document Server takes the token for a "
			"reconnection and skips the required-field checks" : "the editor "
			"opens: Document Server takes the token for a WOPI token and reads "
			"the file's details from fileInfo");
		oojwt_params_str(&p, "token", oojwt_token_kind_name(r->token_kind),
			strlen(oojwt_token_kind_name(r->token_kind)));
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
