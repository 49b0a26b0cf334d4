/*
 * oojwt_diagnose.h -- one diagnosis from whatever the user pasted.
 *
 * Part of oojwt.h (include that). The layer above the deployment checks:
 * it takes any number of pasted texts (items), recognises what each one
 * is, runs every check of the lower layers that applies to what it has,
 * together, and answers with one verdict (its consequence for the user,
 * the cause, the fix on the side that must change, the items it rests
 * on) and the other findings in order of importance.
 *
 * Recognition (oojwt_diag_kind_name() names the kinds): a token; an
 * `Authorization:` / `Bearer` value; a log line or other text holding a
 * token (oojwt_extract_token()); Document Server's own log lines
 * (DocsCoServer.js: "checkJwt error: name = ... message = ... token =
 * ...", "auth missing required parameter", "fillDataFromJwt token has
 * modified permissions", "... token has invalid format"); an editor
 * config (JSON, or page source with `new DocsAPI.DocEditor(...)` whose
 * config is JSON); a raw HTTP request, or a callback / command /
 * conversion body; local.json; Docker env or compose lines (JWT_SECRET,
 * SECURE_LINK_SECRET, ...); the output of `docker exec ... json -f
 * local.json KEY` (the command line and its value, or a bare value); a
 * connector's settings (oojwt_connector_settings_read()); an nginx
 * configuration; a PEM certificate or key; a download link; an error
 * text copied from the editor (-20, -21, -23, -4) or from a connector
 * (Nextcloud's "Error when trying to connect (...)", "Error occurred in
 * the document service: Invalid token"), in English or Chinese: every
 * text of the symptom table below (oojwt_symptom_match()), whose id the
 * item names. Anything else is "unknown", with the closest guess in its
 * `why`.
 *
 * Checks: every token against every secret held -- those the caller
 * gives, each secret of a recognised local.json or Docker settings
 * (inbox, outbox, session, browser, storage.fs.secretString), the
 * connector settings' secret, pasted bare values -- in every variant of
 * oojwt_secret_explain(); a signature whose length fits no HS algorithm,
 * with no secret; the token as Document Server judges it with the secret
 * it uses (oojwt_ds_verify()); and the inspections of the lower layers
 * where their inputs are present (oojwt_config_inspect,
 * oojwt_request_inspect, oojwt_server_config_read, oojwt_nginx_read,
 * oojwt_cert_inspect, oojwt_link_inspect,
 * oojwt_connector_settings_read / _compare), their findings attributed
 * to the items they came from.
 */
#ifndef OOJWT_DIAGNOSE_H__
#define OOJWT_DIAGNOSE_H__

#include <stddef.h>
#include "../deploy/oojwt_deploy.h"

#ifdef __cplusplus
extern "C" {
#endif

/* At most this many items and typed secrets in one call (more are
 * refused: too_large); at most OOJWT_DIAG_MAX_LEN bytes of text in all. */
#define OOJWT_DIAG_MAX_ITEMS   16
#define OOJWT_DIAG_MAX_SECRETS 16
#define OOJWT_DIAG_MAX_LEN     ((size_t)16 << 20)
#define OOJWT_DIAG_MAX_FINDINGS 64
/* Room for a fix: a lower layer's whole (a certificate's runs to 900 bytes). */
#define OOJWT_DIAG_FIX_LEN 1024
#define OOJWT_DIAG_NAME_LEN    96
#define OOJWT_DIAG_PARAMS_LEN  640

/* What an item was recognised as. */
#define OOJWT_DIAG_UNKNOWN            0
#define OOJWT_DIAG_TOKEN              1
#define OOJWT_DIAG_AUTHORIZATION      2
#define OOJWT_DIAG_LOG_LINE           3
#define OOJWT_DIAG_DS_LOG             4
#define OOJWT_DIAG_EDITOR_CONFIG      5
#define OOJWT_DIAG_PAGE_SOURCE        6
#define OOJWT_DIAG_HTTP_REQUEST       7
#define OOJWT_DIAG_REQUEST_BODY       8
#define OOJWT_DIAG_LOCAL_JSON         9
#define OOJWT_DIAG_DOCKER_ENV        10
#define OOJWT_DIAG_DOCKER_EXEC       11
#define OOJWT_DIAG_BARE_VALUE        12
#define OOJWT_DIAG_CONNECTOR_SETTINGS 13
#define OOJWT_DIAG_NGINX_CONFIG      14
#define OOJWT_DIAG_CERTIFICATE       15
#define OOJWT_DIAG_PEM_KEY           16
#define OOJWT_DIAG_DOWNLOAD_LINK     17
#define OOJWT_DIAG_EDITOR_ERROR      18
#define OOJWT_DIAG_CONNECTOR_ERROR   19
#define OOJWT_DIAG_KINDS             20

/* "unknown", "token", "authorization", "log-line", "ds-log",
 * "editor-config", "page-source", "http-request", "request-body",
 * "local-json", "docker-env", "docker-exec", "bare-value",
 * "connector-settings", "nginx-config", "certificate", "pem-key",
 * "download-link", "editor-error", "connector-error"; NULL otherwise.
 * And a label for people ("a token", "Document Server's local.json"). */
const char *oojwt_diag_kind_name(int kind);
const char *oojwt_diag_kind_label(int kind);

#define OOJWT_DIAG_HIGH   0
#define OOJWT_DIAG_MEDIUM 1
#define OOJWT_DIAG_LOW    2
/* "high", "medium", "low"; NULL otherwise. */
const char *oojwt_diag_confidence_name(int c);

/* One pasted text: `len` bytes of `text`; `name` (name_len bytes, NULL
 * for none) a file name or label the caller gives it. */
typedef struct {
	const char *text;
	size_t len;
	const char *name;
	size_t name_len;
} oojwt_diag_item;

/* One secret the user typed: its bytes and an optional name. */
typedef struct {
	const unsigned char *value;
	size_t len;
	const char *name;
	size_t name_len;
} oojwt_diag_secret;

/*
 *   now        seconds since the epoch
 *   secrets    n_secrets typed secrets (read, never copied out)
 */
typedef struct {
	double now;
	const oojwt_diag_secret *secrets;
	size_t n_secrets;
} oojwt_diag_opts;

/* What one item was recognised as. `token_off`/`token_len`: the token
 * found in it (has_token), as offsets into the item's text. `detail`:
 * what the recogniser read (the connector, the error number, the key). */
typedef struct {
	int kind;
	int confidence;
	int guess;                   /* unknown: the closest kind, else 0 */
	char why[OOJWT_MESSAGE_LEN];
	char detail[OOJWT_DIAG_NAME_LEN];
	int has_token;
	size_t token_off, token_len;
	int has_json;                /* the JSON text to inspect is json_off.. */
	size_t json_off, json_len;
	int sub;                     /* the request kind, the editor error, ... */
	int symptom;                 /* 1 + its index in oojwt_symptom_at(); 0: none */
} oojwt_diag_recognised;

/* One finding: a code (enum oojwt_code), its severity, the item it rests
 * on (-1: none; item2 a second one, -1 when none), the sentence and the
 * fix, and `params` -- a JSON object of the values the sentence uses
 * (empty object for findings folded in from the lower layers, whose
 * sentences are their own). `short_cause` is the cause in a few words,
 * for a headline. */
typedef struct {
	int severity;
	int code;
	int item, item2;
	int rank;
	char path[OOJWT_PATH_LEN];
	char message[OOJWT_MESSAGE_LEN];
	char fix[OOJWT_DIAG_FIX_LEN];
	char short_cause[OOJWT_MESSAGE_LEN];
	char params[OOJWT_DIAG_PARAMS_LEN];
} oojwt_diag_finding;

/* A ready-to-run command the diagnosis proposes (oojwt_commands_build()
 * with the values read from the items; never a secret): its id
 * (OOJWT_CMD_*), where it runs ("ds_host", "connector_host", "any": a
 * static string), the item it answers (-1: none), the shell text (lines
 * joined by \n) and what it does. */
#define OOJWT_DIAG_MAX_COMMANDS 3
typedef struct {
	int id;
	const char *run_on;
	int item;
	char text[OOJWT_COMMAND_LEN];
	char explanation[OOJWT_MESSAGE_LEN];
} oojwt_diag_command;

/*
 * The diagnosis. Caller-allocated (about 220 KB: allocate it on the
 * heap); holds no pointers but static strings, and no secret bytes.
 *
 *   items        what each item is (n_items, in the caller's order)
 *   findings     every finding, most important first: the verdict is
 *                findings[0] when n_findings > 0
 *   headline     the consequence for the user and the cause, one line
 *   consequence  who refuses what ("Nextcloud cannot connect to
 *                Document Server"), the start of the headline
 *   consequence_params  its params (a JSON object text): the sentence
 *                as the code diag_consequence's catalog entry gives it
 *   commands     the commands that carry out the fixes (n_commands)
 *   n_secrets    how many secrets were held (typed and read)
 *   n_tokens     how many tokens were checked
 */
typedef struct {
	size_t n_items;
	oojwt_diag_recognised items[OOJWT_DIAG_MAX_ITEMS];
	size_t n_findings, dropped;
	oojwt_diag_finding findings[OOJWT_DIAG_MAX_FINDINGS];
	char headline[OOJWT_MESSAGE_LEN];
	char consequence[OOJWT_MESSAGE_LEN];
	char consequence_params[OOJWT_DIAG_PARAMS_LEN];
	size_t n_commands;
	oojwt_diag_command commands[OOJWT_DIAG_MAX_COMMANDS];
	size_t n_secrets, n_tokens;
} oojwt_diag_report;

/*
 * Diagnose `n` items. Returns OOJWT_OK, OOJWT_ERR_TOO_LARGE (more than
 * OOJWT_DIAG_MAX_ITEMS items or OOJWT_DIAG_MAX_SECRETS secrets, or more
 * than OOJWT_DIAG_MAX_LEN bytes in all), OOJWT_ERR_BAD_ARGUMENT or
 * OOJWT_ERR_NO_MEMORY. Every buffer that held a secret is wiped.
 * Runs in time linear in the total input (each item is read a bounded
 * number of times; each token is checked against at most
 * OOJWT_DIAG_MAX_SECRETS * 3 + 1 secrets, 46 HMACs each).
 */
int oojwt_diagnose(oojwt_diag_report *r, const oojwt_diag_item *items,
	size_t n, const oojwt_diag_opts *opts);

/*
 * The report of oojwt_diagnose() as JSON, what kit.diagnose returns and
 * `oojwt diagnose --json` prints (shape in web/lib/oojwt.d.ts), or
 * {"error":{code,message}}; malloc'd, NUL-terminated, *out_len bytes;
 * NULL when memory runs out.
 */
char *oojwt_diagnose_json(const oojwt_diag_item *items, size_t n,
	const oojwt_diag_opts *opts, size_t *out_len);

/*
 * The symptom table (symptoms.c): what the user saw, in the product's
 * own words, English and Simplified Chinese, each text with the file
 * and key it comes from, what it means (which check failed), and what
 * to paste next and where to get it. The texts are the products' own:
 * the editor's from ONLYOFFICE web-apps' locale files, the connectors'
 * from their l10n/lang files, Document Server's log lines from its
 * sources (written in English only: their zh-CN text is NULL). A text
 * keeps the product's markup and placeholders ("<br>", "%s", "${...}");
 * it is recognised by its first literal part (oojwt_symptom_match()).
 *
 * Entries are static and never change at run time; ids are stable
 * snake_case names, unique in the table.
 */
#define OOJWT_SYMPTOM_MAX_PASTE 3

typedef struct {
	const char *what;     /* what to paste */
	const char *where;    /* where to get it: a command or a screen */
} oojwt_symptom_paste;

typedef struct {
	const char *id;       /* "editor_token_invalid", ... */
	const char *product;  /* "ONLYOFFICE editor", "Nextcloud", ... */
	const char *en;       /* the English text */
	const char *zh;       /* the zh-CN text; NULL: the product has none */
	const char *en_source;/* repository, file and key of `en` */
	const char *zh_source;/* of `zh`; NULL exactly when zh is NULL */
	const char *means;    /* which check failed, in plain words */
	size_t n_paste;       /* 1..OOJWT_SYMPTOM_MAX_PASTE */
	oojwt_symptom_paste paste[OOJWT_SYMPTOM_MAX_PASTE];
	int kind;             /* OOJWT_DIAG_EDITOR_ERROR, _CONNECTOR_ERROR or
	                       * _DS_LOG: what an item showing it is */
	int code;             /* the editor's error number (-20, -122), the
	                       * command or conversion service's error a
	                       * connector reports (6, -8), the HTTP status it
	                       * answers (403), or the number of a Document
	                       * Server log line (0 checkJwt error ... 6, as
	                       * recognised items' `sub`); 0 when none */
	int connector;        /* OOJWT_CONNECTOR_*, for a connector's text */
} oojwt_symptom;

/* How many symptoms the table holds, and the i-th (NULL past the end).
 * The order is the list's: editor, connectors, Document Server. */
size_t oojwt_symptom_count(void);
const oojwt_symptom *oojwt_symptom_at(size_t i);

/* The languages a text is matched in (oojwt_symptom_match's *lang). */
#define OOJWT_SYMPTOM_EN 0
#define OOJWT_SYMPTOM_ZH 1

/*
 * Which symptom `len` bytes of `text` show, among those whose kind bit
 * (1 << kind) is in `kinds`: 1 with its index in *index and the
 * language matched in *lang, 0 when none. A text matches when it holds
 * the symptom's first literal part (up to "<br>" or a placeholder,
 * trailing "." or "\u3002" left out) in either language, comparing
 * ASCII letters without case, ignoring white space, and full-width
 * ":,()" as their ASCII forms; around it may be any noise (a full log
 * line, a connector's prefix, an error number). The longest match wins,
 * then the earliest in the text, then the first in the table. A part
 * shorter than 16 units ("Access denied", "下载失败") counts only in a
 * text of at most 512 bytes. Linear in
 * len (times the few needles that start at each place).
 */
int oojwt_symptom_match(const char *text, size_t len, unsigned kinds,
	size_t *index, int *lang);

/*
 * The table as JSON, what kit.symptoms() returns and `oojwt symptoms
 * --json` prints: [{"id","product","texts":{"en","zh-CN"},
 * "sources":{"en","zh-CN"},"means","paste":[{"what","where"}]}] (zh-CN
 * null where the product has no Chinese text). Malloc'd, NUL-terminated,
 * *out_len bytes; NULL when memory runs out.
 */
char *oojwt_symptoms_json(size_t *out_len);

/*
 * Export: the diagnosis of the same items as a text to paste into a
 * forum post or a support ticket -- OOJWT_DIAG_EXPORT_MARKDOWN or
 * OOJWT_DIAG_EXPORT_TEXT: the verdict (its word, headline, cause, fix,
 * code), what each item was recognised as (its name, up to 120 bytes,
 * and its kind and confidence; never its text), the other findings with
 * their fixes, and the commands of the report.
 *
 * Every secret is masked, in every sentence the export quotes (messages,
 * fixes, headline, commands, names): each secret the caller gives, each
 * secret an item holds (local.json's secret strings and storage secret,
 * Docker's JWT_SECRET and SECURE_LINK_SECRET, a connector's secret, a
 * value read with docker exec or pasted alone, nginx's
 * $secure_link_secret), and each of them without the white space and
 * quotes around it, is written "‹secret, N characters›" (N: its
 * characters, UTF-8). A private key's base64 lines are masked as well,
 * and every token found in the items, written "‹token, N characters›":
 * a token is not secret by itself, but it is a credential that Document
 * Server takes until it expires. Only Document Server's shipped default
 * "secret" is left as it is: it is public, and also a word of the export's
 * own sentences. A value of fewer than 4 bytes is masked only where it
 * stands alone (no letter, digit or _ beside it).
 *
 * Returns the text (malloc'd, NUL-terminated, *out_len bytes; free it
 * with oojwt_wipe_free(text, *out_len + 1)), or NULL with *code set to
 * OOJWT_ERR_TOO_LARGE, OOJWT_ERR_BAD_ARGUMENT (also: a format that is
 * neither) or OOJWT_ERR_NO_MEMORY -- the errors of oojwt_diagnose().
 * Markdown: a level-2 heading, lists, inline code for codes and names,
 * fenced code blocks (```sh, longer fences when a command holds
 * backticks) for commands; characters Markdown reads (\ ` * _ [ ] < >
 * # |) are escaped in sentences.
 */
#define OOJWT_DIAG_EXPORT_MARKDOWN 0
#define OOJWT_DIAG_EXPORT_TEXT     1
char *oojwt_diagnose_export(const oojwt_diag_item *items, size_t n,
	const oojwt_diag_opts *opts, int format, size_t *out_len, int *code);

/*
 * The export in another language: the same, with each text the export
 * writes offered first to `words->say` (NULL words: English). say() gets
 * what the text is (OOJWT_DIAG_SAY_*), the report, the index it is about
 * (the finding, item or command; 0 otherwise) and the English text, and
 * returns 1 with its own text in `out` (`cap` bytes, NUL-terminated), or
 * 0 to keep the English. Its texts are masked and escaped as the English
 * ones are (the fixed texts, SAY_TEXT, are written as they are: headings
 * and labels hold no secret and their Markdown is meant).
 */
#define OOJWT_DIAG_SAY_TEXT        0  /* a heading or label, as written */
#define OOJWT_DIAG_SAY_HEADLINE    1
#define OOJWT_DIAG_SAY_VERDICT     2  /* ERROR, WARNING, OK, NOTE */
#define OOJWT_DIAG_SAY_MESSAGE     3  /* finding `index`'s message */
#define OOJWT_DIAG_SAY_FIX         4  /* ... and fix */
#define OOJWT_DIAG_SAY_SEVERITY    5  /* ... and severity */
#define OOJWT_DIAG_SAY_KIND        6  /* item `index`'s kind label */
#define OOJWT_DIAG_SAY_CONFIDENCE  7  /* " (high confidence)\n" */
#define OOJWT_DIAG_SAY_NAME        8  /* item `index`'s name */
#define OOJWT_DIAG_SAY_WHERE       9  /* command `index`: "On the ..." */
#define OOJWT_DIAG_SAY_EXPLANATION 10 /* ... and what it does */
typedef struct {
	int (*say)(void *ctx, int what, const oojwt_diag_report *r,
		size_t index, const char *en, char *out, size_t cap);
	void *ctx;
} oojwt_diag_words;
char *oojwt_diagnose_export_words(const oojwt_diag_item *items, size_t n,
	const oojwt_diag_opts *opts, int format, const oojwt_diag_words *words,
	size_t *out_len, int *code);

/* The most bytes oojwt_diagnose_json() writes for `len` bytes of input
 * (texts, names and secrets together): see oojwt_report_bound. */
size_t oojwt_diag_report_bound(size_t len);

#ifdef __cplusplus
}
#endif

#endif
