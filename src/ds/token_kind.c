/*
 * The tokens of the editor page's methods: which kind a payload is
 * (insertImage, setHistoryData, setRevisedFile, ...), and each judged as
 * Document Server judges it -- the channel it travels on, what DS reads
 * from it, and what the editor gets when it fails:
 *
 *   socket        DocsCoServer.js auth(): checkJwt with the Browser
 *                 secret type (secret.inbox), then wopi / reconnect /
 *                 decoded.version (fillVersionHistoryFromJwt, 8.3+) /
 *                 opening; a failure closes with 4006 or 4005
 *   imgurls       canvasservice.js commandImgurls(): checked only when
 *                 token.enable.browser is on and a token is given; any
 *                 failure is VKEY_ENCRYPT (-121), which sdkjs's
 *                 sendImgUrls (common/editorscommon.js) passes through
 *                 mapAscServerErrorToAscError to c_oAscError.ID.VKeyEncrypt
 *                 (-20); DS reads images[].url when images is truthy,
 *                 else url
 *   downloadAs    canvasservice.js downloadAs(): a tokenDownload is
 *                 checked whenever given (or when browser tokens are on);
 *                 DS takes fileType and url from it, a failure is HTTP 403
 *   downloadFile  canvasservice.js downloadFile(): getRequestParams (the
 *                 body's or query's token, else the header); changesUrl,
 *                 else document.url when document.fileType is in
 *                 downloadFileAllowExt (default.json: pdf, xlsx), else url
 *                 with fileType likewise, else WOPI's fileInfo; anything
 *                 else is "access deny": HTTP 403
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

#define K(x) (1u << OOJWT_BROWSER_##x)
#define URL_KINDS (K(IMAGE) | K(REVISED) | K(DOCUMENT) | K(SPREADSHEET) \
	| K(REFERENCE) | K(MAIL_MERGE) | K(DOWNLOAD))

static const struct {
	const char *name, *label;
	int channel;
	const char *reads, *ignores;
} kinds[OOJWT_BROWSER_KINDS] = {
	{ "config", "the editor config (DocsAPI.DocEditor)",
		OOJWT_CHANNEL_SOCKET,
		"document.key, document.url, document.fileType, document.title, "
		"document.permissions (must equal the page's), "
		"editorConfig.callbackUrl, editorConfig.mode, editorConfig.lang, "
		"editorConfig.coEditing, editorConfig.user",
		"every other member (documentType, customization, ...): the page's "
		"unsigned values are used" },
	{ "refreshFile", "refreshFile (a new config for the open editor)",
		OOJWT_CHANNEL_SOCKET,
		"as the config: document.key, document.url, document.permissions, "
		"editorConfig.callbackUrl, editorConfig.mode, editorConfig.user",
		"as the config" },
	{ "insertImage", "insertImage (images for the open document)",
		OOJWT_CHANNEL_IMGURLS,
		"images[].url when images is given, else url",
		"c and fileType (read by the editor, not by Document Server)" },
	{ "setHistoryData", "setHistoryData (a version of the history)",
		OOJWT_CHANNEL_SOCKET,
		"version (must be truthy), key, url, changesUrl, previous.key, "
		"previous.url",
		"fileType, previous.fileType" },
	{ "setRevisedFile", "setRevisedFile (a document to compare with)",
		OOJWT_CHANNEL_DOWNLOAD_AS, "fileType, url", "every other member" },
	{ "setRequestedDocument",
		"setRequestedDocument (a document to compare, combine or insert)",
		OOJWT_CHANNEL_DOWNLOAD_AS, "fileType, url",
		"c (read by the editor) and every other member" },
	{ "setRequestedSpreadsheet",
		"setRequestedSpreadsheet (a spreadsheet of mail merge recipients)",
		OOJWT_CHANNEL_DOWNLOAD_AS, "fileType, url",
		"c (read by the editor) and every other member" },
	{ "setReferenceData",
		"setReferenceData / setReferenceSource (an external link's source)",
		OOJWT_CHANNEL_DOWNLOAD_AS,
		"fileType, url (the file downloaded), key (the source document "
		"Document Server saves first, saveRelativeFromChanges)",
		"path and referenceData (read by the editor)" },
	{ "setMailMergeRecipients",
		"setMailMergeRecipients (recipients, before 7.5)",
		OOJWT_CHANNEL_DOWNLOAD_AS, "fileType, url", "every other member" },
	{ "downloadFile", "a /downloadfile/ link's token",
		OOJWT_CHANNEL_DOWNLOAD_FILE,
		"changesUrl; else document.url with document.fileType; else url "
		"with fileType (the type must be in downloadFileAllowExt: pdf, "
		"xlsx); else fileInfo (WOPI)",
		"every other member" }
};

static const char *const confidence_names[] = {
	"certain", "likely", "ambiguous", "unknown"
};
static const char *const channel_names[] = {
	"socket", "imgurls", "downloadAs", "downloadFile"
};

const char *
oojwt_browser_kind_name(int kind)
{
	return kind >= 0 && kind < OOJWT_BROWSER_KINDS ? kinds[kind].name : NULL;
}

const char *
oojwt_browser_kind_label(int kind)
{
	return kind >= 0 && kind < OOJWT_BROWSER_KINDS ? kinds[kind].label : NULL;
}

const char *
oojwt_browser_kind_reads(int kind)
{
	return kind >= 0 && kind < OOJWT_BROWSER_KINDS ? kinds[kind].reads : NULL;
}

const char *
oojwt_browser_kind_ignores(int kind)
{
	return kind >= 0 && kind < OOJWT_BROWSER_KINDS ? kinds[kind].ignores
		: NULL;
}

int
oojwt_browser_kind_channel(int kind)
{
	return kind >= 0 && kind < OOJWT_BROWSER_KINDS ? kinds[kind].channel : -1;
}

const char *
oojwt_kind_confidence_name(int confidence)
{
	return confidence >= 0 && confidence < 4 ? confidence_names[confidence]
		: NULL;
}

const char *
oojwt_channel_name(int channel)
{
	return channel >= 0 && channel < 4 ? channel_names[channel] : NULL;
}

int
oojwt_browser_kind_parse(const char *name, size_t len)
{
	int k;

	if (name == NULL) {
		return -1;
	}
	if (len == 18 && memcmp(name, "setReferenceSource", 18) == 0) {
		return OOJWT_BROWSER_REFERENCE;
	}
	for (k = 0; k < OOJWT_BROWSER_KINDS; k++) {
		if (strlen(kinds[k].name) == len
			&& memcmp(kinds[k].name, name, len) == 0)
		{
			return k;
		}
	}
	return -1;
}

/* ---- the guess ---------------------------------------------------------- */

/* 1 when the string member `name` of `o` equals `want`. */
static int
string_is(const oojwt_jv *o, const char *name, const char *want)
{
	const oojwt_jv *v = oojwt_json_get(o, name);

	return oojwt_json_type(v) == OOJWT_JSON_STRING
		&& strcmp(oojwt_json_string(v), want) == 0;
}

/* 1 when `word` (lower-cased, at most 15 bytes) is in the space-separated
 * `list`. */
static int
in_list(const char *list, const char *word)
{
	char w[20];
	size_t n = strlen(word), k;

	if (n == 0 || n > 15) {
		return 0;
	}
	w[0] = ' ';
	for (k = 0; k < n; k++) {
		char c = word[k];
		w[k + 1] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	w[n + 1] = ' ';
	w[n + 2] = 0;
	return strstr(list, w) != NULL;
}

/* default.json limits_image_types_upload; the word and cell groups of
 * api.js that the editor loads for comparison and mail merge. */
static const char image_types[] = " jpg jpeg jpe png gif bmp svg tiff tif "
	"webp heic heif avif ";
static const char word_types[] = " doc docx odt rtf txt docm dot dotm dotx "
	"fodt ott epub html htm mht mhtml fb2 pdf ";
static const char cell_types[] = " xlsx xls ods csv xlsm xlsb xlt xltm xltx "
	"fods ots ";

/* The sentence saying which members decided (`key` names it: the
 * params' reason, with the conversions under `names`, oojwt_fmtp). */
static void
say_why(oojwt_kind_guess *g, const char *key, const char *names,
	const char *fmt, ...)
{
	oojwt_params p;
	va_list ap;

	g->why_key = key;
	oojwt_params_init(&p, g->why_params, sizeof g->why_params);
	oojwt_params_str(&p, "reason", key, strlen(key));
	va_start(ap, fmt);
	oojwt_vfmtp(g->why, sizeof g->why, &p, names, fmt, ap);
	va_end(ap);
}

static void
guess_object(oojwt_kind_guess *g, const oojwt_jv *p)
{
	const oojwt_jv *ft = oojwt_json_get(p, "fileType");
	const char *type = oojwt_json_type(ft) == OOJWT_JSON_STRING
		? oojwt_json_string(ft) : "";

	oojwt_fmt(g->file_type, sizeof g->file_type, "%s", type);
	g->confidence = OOJWT_KIND_CERTAIN;
	if (oojwt_json_get(p, "fileInfo") != NULL) {
		g->candidates = K(CONFIG) | K(DOWNLOAD);
		g->kind = OOJWT_BROWSER_CONFIG;
		g->confidence = OOJWT_KIND_LIKELY;
		say_why(g, "wopi", NULL, "fileInfo: a WOPI token, which "
			"opens the editor (a /downloadfile/ link may carry it too)");
	} else if (oojwt_json_at(p, "editorConfig.ds_sessionTimeConnect") != NULL) {
		g->candidates = K(CONFIG);
		g->kind = OOJWT_BROWSER_CONFIG;
		say_why(g, "reconnect", NULL, "editorConfig.ds_sessionTimeConnect:"
			" a reconnect token, given in place of the config's");
	} else if (oojwt_json_get(p, "images") != NULL) {
		g->candidates = K(IMAGE);
		g->kind = OOJWT_BROWSER_IMAGE;
		say_why(g, "images", NULL, "images: only insertImage has it");
	} else if (oojwt_json_truthy(oojwt_json_get(p, "version"))
		|| oojwt_json_get(p, "previous") != NULL)
	{
		g->candidates = K(HISTORY);
		g->kind = OOJWT_BROWSER_HISTORY;
		say_why(g, "history", NULL, "version or previous: only "
			"setHistoryData has them");
	} else if (oojwt_json_get(p, "changesUrl") != NULL) {
		g->candidates = K(HISTORY) | K(DOWNLOAD);
		g->kind = OOJWT_BROWSER_HISTORY;
		g->confidence = OOJWT_KIND_LIKELY;
		say_why(g, "changes", NULL, "changesUrl without version: "
			"setHistoryData's member (a /downloadfile/ link for the changes "
			"has it too)");
	} else if (oojwt_json_get(p, "referenceData") != NULL
		|| oojwt_json_get(p, "path") != NULL)
	{
		g->candidates = K(REFERENCE);
		g->kind = OOJWT_BROWSER_REFERENCE;
		say_why(g, "reference", NULL, "referenceData or path: only "
			"setReferenceData (and setReferenceSource) have them");
	} else if (oojwt_json_type(oojwt_json_get(p, "document")) == OOJWT_JSON_OBJECT
		|| oojwt_json_type(oojwt_json_get(p, "editorConfig")) == OOJWT_JSON_OBJECT)
	{
		g->candidates = K(CONFIG) | K(REFRESH);
		g->kind = OOJWT_BROWSER_CONFIG;
		g->confidence = OOJWT_KIND_LIKELY;
		if (oojwt_json_get(p, "editorConfig") == NULL
			&& oojwt_json_at(p, "document.key") == NULL)
		{
			g->candidates |= K(DOWNLOAD);
		}
		say_why(g, "config", NULL, "document or editorConfig: an "
			"editor config (refreshFile takes the same shape)");
	} else if (string_is(p, "c", "add") || string_is(p, "c", "change")
		|| string_is(p, "c", "fill"))
	{
		g->candidates = K(IMAGE);
		g->kind = OOJWT_BROWSER_IMAGE;
		say_why(g, "image_action", "action", "c \"%s\": insertImage's action",
			oojwt_json_string(oojwt_json_get(p, "c")));
	} else if (string_is(p, "c", "compare") || string_is(p, "c", "combine")) {
		g->candidates = K(DOCUMENT);
		g->kind = OOJWT_BROWSER_DOCUMENT;
		say_why(g, "document_action", "action", "c \"%s\": setRequestedDocument's "
			"action", oojwt_json_string(oojwt_json_get(p, "c")));
	} else if (oojwt_json_get(p, "c") != NULL
		&& oojwt_json_get(p, "url") != NULL)
	{
		g->candidates = K(DOCUMENT) | K(SPREADSHEET);
		g->kind = in_list(cell_types, type) ? OOJWT_BROWSER_SPREADSHEET
			: OOJWT_BROWSER_DOCUMENT;
		g->confidence = OOJWT_KIND_AMBIGUOUS;
		say_why(g, "c_url", NULL, "c with url: setRequestedDocument "
			"or setRequestedSpreadsheet");
	} else if (oojwt_json_get(p, "url") != NULL) {
		if (in_list(image_types, type)) {
			g->candidates = K(IMAGE);
			g->kind = OOJWT_BROWSER_IMAGE;
			g->confidence = OOJWT_KIND_LIKELY;
			say_why(g, "image_url", "fileType", "url with fileType \"%s\" (an "
				"image): insertImage's single-image form", type);
		} else if (in_list(cell_types, type)) {
			g->candidates = K(SPREADSHEET) | K(MAIL_MERGE) | K(REFERENCE)
				| (in_list(" xlsx ", type) ? K(DOWNLOAD) : 0);
			g->kind = OOJWT_BROWSER_SPREADSHEET;
			g->confidence = OOJWT_KIND_AMBIGUOUS;
			say_why(g, "sheet_url", "fileType", "url with fileType \"%s\" (a "
				"spreadsheet): several methods take {fileType, url}", type);
		} else if (in_list(word_types, type)) {
			g->candidates = K(REVISED) | K(DOCUMENT)
				| (in_list(" pdf ", type) ? K(DOWNLOAD) : 0);
			g->kind = OOJWT_BROWSER_DOCUMENT;
			g->confidence = OOJWT_KIND_AMBIGUOUS;
			say_why(g, "document_url", "fileType", "url with fileType \"%s\" (a "
				"document): setRevisedFile and setRequestedDocument both "
				"take {fileType, url}", type);
		} else {
			g->candidates = URL_KINDS;
			g->kind = OOJWT_BROWSER_IMAGE;
			g->confidence = OOJWT_KIND_AMBIGUOUS;
			say_why(g, type[0] != 0 ? "url_other_type" : "url_no_type", "", "url with %s: every method "
				"that takes {fileType, url} fits", type[0] != 0
				? "a fileType no method is known by" : "no fileType");
		}
	} else {
		g->candidates = (1u << OOJWT_BROWSER_KINDS) - 1;
		g->kind = -1;
		g->confidence = OOJWT_KIND_UNKNOWN;
		say_why(g, "none", NULL, "no member that any kind of token "
			"has (document, editorConfig, images, url, version, changesUrl, "
			"referenceData, fileInfo)");
	}
}

static void
guess_unknown(oojwt_kind_guess *g, const char *key, const char *text)
{
	g->kind = -1;
	g->confidence = OOJWT_KIND_UNKNOWN;
	g->candidates = 0;
	say_why(g, key, NULL, "%s", text);
}

/* Guess from the payload's JSON text. OOJWT_OK or OOJWT_ERR_NO_MEMORY. */
static int
guess_text(oojwt_kind_guess *g, const char *text, size_t len)
{
	oojwt_jv *p = NULL;
	char msg[OOJWT_MESSAGE_LEN];
	size_t dups;
	long pos;
	int code;

	code = oojwt_json_parse_ex(&p, text, len, OOJWT_JSON_LAST_WINS, &dups,
		&pos, msg);
	if (code == OOJWT_ERR_NO_MEMORY) {
		return code;
	}
	if (code != OOJWT_OK || oojwt_json_type(p) != OOJWT_JSON_OBJECT) {
		guess_unknown(g, "not_object", "the payload is not a JSON object");
	} else {
		guess_object(g, p);
	}
	oojwt_json_free(p);
	return OOJWT_OK;
}

int
oojwt_browser_kind_guess(oojwt_kind_guess *g, const char *text, size_t len)
{
	oojwt_ds_result d;
	oojwt_ds_opts o;
	size_t i = 0;
	int code;

	if (g == NULL || (text == NULL && len != 0)) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(g, 0, sizeof *g);
	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'
		|| text[i] == '\r'))
	{
		i++;
	}
	if (i < len && text[i] == '{') {
		return guess_text(g, text, len);
	}
	/* A token: its payload as DS decodes it; the signature is not the
	 * question here (an empty key). */
	memset(&o, 0, sizeof o);
	code = oojwt_ds_verify(&d, text, len, NULL, 0, &o);
	if (code != OOJWT_OK) {
		return code;
	}
	if (d.payload_kind == OOJWT_DS_PAYLOAD_JSON) {
		code = guess_text(g, d.payload_text, d.payload_len);
	} else {
		guess_unknown(g, "no_payload", "no JSON payload can be read from "
			"the token");
	}
	oojwt_ds_result_free(&d);
	return code;
}

/* ---- the judgement ------------------------------------------------------ */

static void
add(oojwt_browser_report *r, int severity, int code, const char *path,
	const char *message, const char *fix)
{
	oojwt_finding_add(r->findings, &r->n_findings, &r->dropped, severity,
		code, path, message, fix);
}

/* The verdict's sentence, r->message, and its params, r->params (code
 * browser_verdict): `outcome` names the sentence, with the conversions of
 * `fmt` under `names` (oojwt_fmtp). */
static void
say(oojwt_browser_report *r, const char *outcome, const char *names,
	const char *fmt, ...)
{
	oojwt_params p;
	va_list ap;

	oojwt_params_init(&p, r->params, sizeof r->params);
	oojwt_params_str(&p, "outcome", outcome, strlen(outcome));
	oojwt_params_str(&p, "reason", "none", 4);
	va_start(ap, fmt);
	oojwt_vfmtp(r->message, sizeof r->message, &p, names, fmt, ap);
	va_end(ap);
}

/* The outcome of a failure on the kind's channel (see the top): the
 * editor's or the server's answer, then the reason in DS's or oojwt's
 * words, which `reason` names (the params' reason; the conversions of
 * `fmt` go under `names`). */
static void
refuse(oojwt_browser_report *r, int close_code, const char *reason,
	const char *names, const char *fmt, ...)
{
	char why[OOJWT_MESSAGE_LEN];
	oojwt_params p;
	const char *outcome;
	va_list ap;

	r->ok = 0;
	switch (r->channel) {
	case OOJWT_CHANNEL_SOCKET:
		r->close_code = close_code;
		r->editor_error = close_code == 4006 ? -20 : close_code == 4005
			? -21 : close_code == 4004 ? -23 : 0;
		outcome = close_code == 4006 ? "socket_not_formed" : close_code
			== 4005 ? "socket_expired" : close_code == 4004
			? "socket_no_rights" : "socket";
		break;
	case OOJWT_CHANNEL_IMGURLS:
		r->server_error = -121;
		r->editor_error = -20;
		outcome = "imgurls";
		break;
	default:
		r->http_status = 403;
		outcome = r->channel == OOJWT_CHANNEL_DOWNLOAD_AS ? "downloadas"
			: "downloadfile";
		break;
	}
	oojwt_params_init(&p, r->params, sizeof r->params);
	oojwt_params_str(&p, "outcome", outcome, strlen(outcome));
	oojwt_params_str(&p, "reason", reason, strlen(reason));
	va_start(ap, fmt);
	oojwt_vfmtp(why, sizeof why, &p, names, fmt, ap);
	va_end(ap);
	switch (r->channel) {
	case OOJWT_CHANNEL_SOCKET:
		oojwt_fmt(r->message, sizeof r->message, "%s%s", close_code == 4006
			? "The document security token is not correctly formed. "
			: close_code == 4005 ? "The document security token has "
			"expired. " : close_code == 4004 ? "You are trying to perform "
			"an action you do not have rights for. " : "", why);
		break;
	case OOJWT_CHANNEL_IMGURLS:
		oojwt_fmt(r->message, sizeof r->message, "The document security "
			"token is not correctly formed (error VKEY_ENCRYPT): no image "
			"is inserted. (%s)", why);
		break;
	default:
		oojwt_fmt(r->message, sizeof r->message, "Document Server answers "
			"403 to the editor's %s request: the file is not loaded. (%s)",
			outcome, why);
		break;
	}
}

/* 1 when `v` is a string of an absolute http(s) URL with a host. */
static int
url_absolute(const oojwt_jv *v)
{
	const char *u;
	size_t skip;

	if (oojwt_json_type(v) != OOJWT_JSON_STRING) {
		return 0;
	}
	u = oojwt_json_string(v);
	skip = strncmp(u, "http://", 7) == 0 ? 7 : strncmp(u, "https://", 8) == 0
		? 8 : strncmp(u, "HTTP://", 7) == 0 ? 7 : strncmp(u, "HTTPS://", 8) == 0
		? 8 : 0;
	return skip > 0 && u[skip] != 0 && u[skip] != '/';
}

/* A member the kind needs (truthy); 0 and a finding when it is not:
 * `what` says why it is needed, `key` names that sentence (the params'
 * reason). */
static int
need(oojwt_browser_report *r, const oojwt_jv *p, const char *path,
	const char *key, const char *what)
{
	char where[OOJWT_PATH_LEN];

	if (oojwt_json_truthy(oojwt_json_at(p, path))) {
		return 1;
	}
	oojwt_fmt(where, sizeof where, "token.%s", path);
	oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_MISSING_TOKEN_FIELD,
		where, "sign the method's whole argument, as the docs show it",
		"kind,field,,reason", "the %s token has no %s: %s%k",
		kinds[r->kind].name, path, what, OOJWT_SEL(key));
	return 0;
}

/* A URL member DS downloads: absolute http(s). */
static int
need_url(oojwt_browser_report *r, const oojwt_jv *p, const char *path,
	const char *key, const char *what)
{
	char where[OOJWT_PATH_LEN];

	if (!need(r, p, path, key, what)) {
		return 0;
	}
	if (url_absolute(oojwt_json_at(p, path))) {
		return 1;
	}
	oojwt_fmt(where, sizeof where, "token.%s", path);
	oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_URL_NOT_ABSOLUTE,
		where, "sign the full URL, https://host/path, as Document Server "
		"reaches it", "field,where", "%s is not an absolute http(s) URL: "
		"Document Server downloads it itself and resolves nothing against "
		"your page%k", path, OOJWT_SEL("token"));
	return 0;
}

/* insertImage (commandImgurls): images[].url, else url. */
static void
image_checks(oojwt_browser_report *r, const oojwt_jv *p)
{
	const oojwt_jv *images = oojwt_json_get(p, "images");
	char path[OOJWT_PATH_LEN];
	size_t k, n;

	if (!oojwt_json_truthy(images)) {
		if (!need_url(r, p, "url", "image_url", "without images Document Server "
			"downloads the single url, here undefined"))
		{
			refuse(r, 0, "no_image_url", NULL, "no image URL in the token");
		}
		return;
	}
	if (oojwt_json_type(images) != OOJWT_JSON_ARRAY) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_BAD_TOKEN_FIELD,
			"token.images", "sign images as an array of {fileType, url}",
			"reason", "images is not an array: Document Server calls "
			"images.map(), which throws, and the editor gets no answer for "
			"the images%k", OOJWT_SEL("images"));
		r->ok = 0;
		say(r, "images_not_array", NULL, "Document Server fails on the "
			"token (images.map is not a function): no image is inserted");
		return;
	}
	n = oojwt_json_array_size(images);
	for (k = 0; k < n; k++) {
		if (!url_absolute(oojwt_json_get(oojwt_json_array_at(images, k),
			"url")))
		{
			oojwt_fmt(path, sizeof path, "token.images[%z].url", k);
			oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR, oojwt_json_get(
				oojwt_json_array_at(images, k), "url") == NULL
				? OOJWT_FIND_MISSING_TOKEN_FIELD : OOJWT_FIND_URL_NOT_ABSOLUTE,
				path, "give every image its full URL", "where", "an image "
				"without an absolute http(s) url: Document Server cannot "
				"download it and the editor shows an upload error for it%k",
				OOJWT_SEL("image"));
			r->ok = 0;
			say(r, "images_unreachable", NULL, "some images cannot be "
				"downloaded by Document Server");
		}
	}
	if (n == 0) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_MISSING_TOKEN_FIELD, "token.images", "sign the images "
			"to insert", "reason", "images is empty: nothing is inserted%k",
			OOJWT_SEL("images_empty"));
	}
}

/* A setHistoryData token judged as an opening config: validateAuthToken
 * misses document.key (4006 when tokenRequiredParams), else
 * fillDataFromJwt refuses the top-level url/key (4004). */
static void
opening_refusal(oojwt_browser_report *r, const oojwt_browser_opts *o)
{
	if (o->token_required_params) {
		refuse(r, 4006, "missing_key", NULL, "auth missing required "
			"parameter document.key (since 7.1 version)");
	} else {
		refuse(r, 4004, "fill_invalid_format", NULL, "fillDataFromJwt token "
			"has invalid format");
	}
}

/* setHistoryData: the socket's decoded.version branch. */
static void
history_checks(oojwt_browser_report *r, const oojwt_jv *p,
	const oojwt_browser_opts *o)
{
	int changes = oojwt_json_truthy(oojwt_json_get(p, "changesUrl"));
	int previous = oojwt_json_truthy(oojwt_json_get(p, "previous"));
	int have;

	if (o->server_version > 0 && o->server_version < 803) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_NOT_OPENING_TOKEN, "token.version", "upgrade to 8.3 or "
			"later for signed history, or leave the history token out",
			"reason", "before 8.3 Document Server has no history branch in "
			"auth(): the token is judged as an opening config, which lacks "
			"document.key (4006 with tokenRequiredParams) or has a top-level "
			"url or key (4004, \"fillDataFromJwt token has invalid "
			"format\")%k", OOJWT_SEL("history_before_8_3"));
		opening_refusal(r, o);
		return;
	}
	if (!oojwt_json_truthy(oojwt_json_get(p, "version"))) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_MISSING_TOKEN_FIELD, "token.version", "sign the version "
			"number with the rest of setHistoryData's argument", "reason",
			"the token has no truthy version: auth() does not take the "
			"history branch but judges it as an opening config: document.key "
			"missing (4006 with tokenRequiredParams), else a top-level url or "
			"key (4004)%k", OOJWT_SEL("version"));
		opening_refusal(r, o);
		return;
	}
	/* Both are checked, so that both are reported. */
	have = need(r, p, "key", "history_key", "the version opens with an undefined document "
		"key");
	have &= need_url(r, p, "url", "history_url", "Document Server downloads "
		"the version "
		"from url");
	if (!have) {
		r->ok = 0;
		say(r, "version_unopened", NULL, "the version cannot be shown: the "
			"token lacks what Document Server opens it from");
		return;
	}
	if (changes != previous) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_MISSING_TOKEN_FIELD, changes ? "token.previous"
			: "token.changesUrl", "sign both, or neither", "reason",
			"changesUrl and previous go together: with one alone Document "
			"Server shows the version itself, without its changes "
			"(fillVersionHistoryFromJwt)%k", OOJWT_SEL("changes_previous"));
	} else if (changes && !((have = need(r, p, "previous.key",
		"previous_key", "the "
		"previous version's key")) & need_url(r, p,
		"previous.url", "previous_url", "the "
		"previous version's file")))
	{
		r->ok = 0;
		say(r, "changes_unshown", NULL, "the changes cannot be shown: "
			"previous is incomplete");
	}
}

/* downloadFileAllowExt.indexOf(fileType) with default.json's list: an
 * exact, case-sensitive match. */
static int
allowed_ext(const oojwt_jv *v)
{
	return oojwt_json_type(v) == OOJWT_JSON_STRING
		&& (strcmp(oojwt_json_string(v), "pdf") == 0
			|| strcmp(oojwt_json_string(v), "xlsx") == 0);
}

/* The /downloadfile/ token (canvasservice.js downloadFile). */
static void
download_checks(oojwt_browser_report *r, const oojwt_jv *p,
	const oojwt_browser_opts *o)
{
	if (oojwt_json_truthy(oojwt_json_get(p, "changesUrl"))
		|| (oojwt_json_truthy(oojwt_json_at(p, "document.url"))
			&& allowed_ext(oojwt_json_at(p, "document.fileType")))
		|| (oojwt_json_truthy(oojwt_json_get(p, "url"))
			&& allowed_ext(oojwt_json_get(p, "fileType")))
		|| oojwt_json_truthy(oojwt_json_get(p, "fileInfo"))
		|| (!o->enable_browser && oojwt_json_truthy(oojwt_json_get(p, "url"))))
	{
		return;
	}
	oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_BAD_TOKEN_FIELD,
		"token", "sign changesUrl, or the url with its fileType; other types "
		"need services.CoAuthoring.server.downloadFileAllowExt", "reason",
		"the token has no changesUrl, and no url (or document.url) with a "
		"fileType in downloadFileAllowExt (pdf, xlsx by default, compared "
		"as written): Document Server answers \"access deny\"%k",
		OOJWT_SEL("download"));
	refuse(r, 0, "access_deny", NULL, "access deny");
}

/* The config's token, as far as the token alone tells (the page's config
 * is judged by oojwt_config_inspect()). */
static void
config_checks(oojwt_browser_report *r, const oojwt_jv *p,
	const oojwt_browser_opts *o)
{
	static const char *const top[3] = { "url", "payload", "key" };
	char path[OOJWT_PATH_LEN];
	size_t k;

	if (oojwt_json_get(p, "fileInfo") != NULL
		|| oojwt_json_at(p, "editorConfig.ds_sessionTimeConnect") != NULL)
	{
		return;
	}
	if ((!need(r, p, "document.key", "required", "auth missing required parameter "
		"document.key (since 7.1 version)")
		|| !need(r, p, "document.url", "required", "auth missing required parameter "
		"document.url (since 7.1 version)")) && o->token_required_params)
	{
		refuse(r, 4006, "missing_required", NULL, "auth missing required "
			"parameter (since 7.1 version)");
		return;
	}
	for (k = 0; k < 3; k++) {
		if (!oojwt_json_truthy(oojwt_json_get(p, top[k]))) {
			continue;
		}
		oojwt_fmt(path, sizeof path, "token.%s", top[k]);
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_TOKEN_INVALID_FORMAT, path, "sign the config object "
			"itself: {document, editorConfig, ...}", "member,where",
			"the token has a top-level \"%s\": an opening token with url, "
			"payload or key is refused (\"fillDataFromJwt token has invalid "
			"format\")%k", top[k], OOJWT_SEL("browser"));
		refuse(r, 4004, "invalid_format", NULL, "token has invalid format");
		return;
	}
}

/* What the chosen kind needs one of, to say when it has none. */
static int
has_own_members(int kind, const oojwt_jv *p)
{
	switch (kind) {
	case OOJWT_BROWSER_CONFIG:
	case OOJWT_BROWSER_REFRESH:
		return oojwt_json_get(p, "document") != NULL
			|| oojwt_json_get(p, "editorConfig") != NULL
			|| oojwt_json_get(p, "fileInfo") != NULL;
	case OOJWT_BROWSER_IMAGE:
		return oojwt_json_get(p, "images") != NULL
			|| oojwt_json_get(p, "url") != NULL;
	case OOJWT_BROWSER_HISTORY:
		return oojwt_json_get(p, "version") != NULL
			|| oojwt_json_get(p, "changesUrl") != NULL;
	case OOJWT_BROWSER_DOWNLOAD:
		return oojwt_json_get(p, "changesUrl") != NULL
			|| oojwt_json_get(p, "url") != NULL
			|| oojwt_json_get(p, "document") != NULL;
	default:
		return oojwt_json_get(p, "url") != NULL;
	}
}

static void
judge_payload(oojwt_browser_report *r, const oojwt_jv *p,
	const oojwt_browser_opts *o)
{
	int have;

	if (r->chosen && !has_own_members(r->kind, p)) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_WARNING, OOJWT_FIND_KIND_MISMATCH,
			"token", "pick the method this token is for, or sign that "
			"method's argument", "kind,members", "the payload has none of the "
			"members a %s token carries (%s)", kinds[r->kind].name,
			kinds[r->kind].reads);
	}
	switch (r->kind) {
	case OOJWT_BROWSER_CONFIG:
	case OOJWT_BROWSER_REFRESH:
		config_checks(r, p, o);
		break;
	case OOJWT_BROWSER_IMAGE:
		image_checks(r, p);
		break;
	case OOJWT_BROWSER_HISTORY:
		history_checks(r, p, o);
		break;
	case OOJWT_BROWSER_DOWNLOAD:
		download_checks(r, p, o);
		break;
	default:
		have = need(r, p, "fileType", "file_type", "Document Server converts the file "
			"from the token's fileType, here undefined");
		have &= need_url(r, p, "url", "file_url", "Document Server downloads "
			"the token's "
			"url");
		if (!have) {
			refuse(r, 0, "no_file", NULL, "the token lacks the file's url "
				"or fileType");
		}
		if (r->kind == OOJWT_BROWSER_REFERENCE
			&& !oojwt_json_truthy(oojwt_json_get(p, "key")))
		{
			oojwt_ds_findingf(r, OOJWT_SEVERITY_INFO,
				OOJWT_FIND_MISSING_TOKEN_FIELD, "token.key", "sign the source "
				"document's key too", "reason", "no key: when the source "
				"document is open in an editor, Document Server cannot save "
				"its latest changes first (saveRelativeFromChanges), so the "
				"link updates from the file at url%k",
				OOJWT_SEL("reference_key"));
		}
		break;
	}
}

int
oojwt_browser_inspect(oojwt_browser_report *r, const char *token,
	size_t len, const unsigned char *secret, size_t secret_len,
	const oojwt_browser_opts *o)
{
	oojwt_ds_opts dso;
	oojwt_jv *p = NULL;
	char msg[OOJWT_MESSAGE_LEN];
	size_t dups;
	long pos;
	int code;

	if (r == NULL || o == NULL || (token == NULL && len != 0)
		|| (secret == NULL && secret_len != 0) || o->kind < -1
		|| o->kind >= OOJWT_BROWSER_KINDS)
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(r, 0, sizeof *r);
	code = oojwt_browser_kind_guess(&r->guess, token, len);
	if (code != OOJWT_OK) {
		return code;
	}
	r->chosen = o->kind >= 0;
	r->kind = r->chosen ? o->kind : r->guess.kind >= 0 ? r->guess.kind
		: OOJWT_BROWSER_CONFIG;
	r->channel = kinds[r->kind].channel;
	r->ok = 1;
	r->checked = 1;
	if (!r->chosen && r->guess.confidence >= OOJWT_KIND_AMBIGUOUS) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_INFO, OOJWT_FIND_KIND_AMBIGUOUS,
			"token", "say which method the token is for (--kind NAME, or "
			"\"Judge as\" on the page)", ",why,kind,confidence,reason,fileType",
			"%s (%s); it is judged as %s%k%k%k",
			r->guess.confidence == OOJWT_KIND_AMBIGUOUS ? "the payload fits "
			"several kinds of token" : "nothing in the payload tells its kind",
			r->guess.why, kinds[r->kind].name,
			oojwt_kind_confidence_name(r->guess.confidence),
			r->guess.why_key != NULL ? r->guess.why_key : "",
			r->guess.file_type);
	}
	/* insertImage: `if (tenTokenEnableBrowser && token)` -- with browser
	 * tokens off the token is never looked at. */
	if (r->kind == OOJWT_BROWSER_IMAGE && !o->enable_browser) {
		r->checked = 0;
		add(r, OOJWT_SEVERITY_WARNING, OOJWT_FIND_TOKEN_NOT_CHECKED, "token",
			"token.enable.browser is off: Document Server ignores an "
			"insertImage token and downloads the URLs the editor sends, "
			"whoever chose them", "turn on token.enable.browser (JWT_ENABLED"
			"=true in Docker)");
		say(r, "not_checked", NULL, "the images are inserted; Document "
			"Server does not check the token");
		return OOJWT_OK;
	}
	memset(&dso, 0, sizeof dso);
	dso.now = o->now;
	dso.clock_tolerance = o->clock_tolerance;
	dso.strict_clock_tolerance = 0;
	dso.verify_options = o->verify_options;
	dso.verify_options_len = o->verify_options_len;
	code = oojwt_ds_verify(&r->ds, token, len, secret, secret_len, &dso);
	if (code != OOJWT_OK) {
		return code;
	}
	r->has_ds = 1;
	if (!r->ds.valid) {
		oojwt_ds_quote(r->findings, &r->n_findings, &r->dropped, &r->ds,
			r->ds.code == OOJWT_ERR_EXPIRED ? OOJWT_DS_FIX_EXPIRED_METHOD
			: r->ds.code == OOJWT_ERR_BAD_SIGNATURE ? OOJWT_DS_FIX_SIGNATURE
			: OOJWT_DS_FIX_EXACT);
		refuse(r, r->ds.close_code, "token", "serverMessage", "token:%s",
			r->ds.server_message);
		return OOJWT_OK;
	}
	if (r->ds.payload_kind == OOJWT_DS_PAYLOAD_JSON) {
		code = oojwt_json_parse_ex(&p, r->ds.payload_text, r->ds.payload_len,
			OOJWT_JSON_LAST_WINS, &dups, &pos, msg);
		if (code == OOJWT_ERR_NO_MEMORY) {
			oojwt_browser_report_free(r);
			return code;
		}
	}
	if (oojwt_json_type(p) != OOJWT_JSON_OBJECT) {
		oojwt_ds_findingf(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_BAD_TOKEN_FIELD,
			"token", "sign the method's argument, an object", "reason",
			"the payload is not a JSON object: Document Server finds none of "
			"the members it reads%k", OOJWT_SEL("payload"));
		refuse(r, 0, "not_object", NULL, "the payload is not an object");
	} else {
		judge_payload(r, p, o);
	}
	oojwt_json_free(p);
	if (r->ok) {
		say(r, "accepts", "kind", "Document Server accepts the %s token",
			kinds[r->kind].name);
	}
	return OOJWT_OK;
}

void
oojwt_browser_report_free(oojwt_browser_report *r)
{
	if (r == NULL) {
		return;
	}
	if (r->has_ds) {
		oojwt_ds_result_free(&r->ds);
	}
	oojwt_wipe(r, sizeof *r);
}
