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
 * text copied from the editor (-20, -21, -23) or from a connector
 * (Nextcloud's "Error when trying to connect (...)", "Error occurred in
 * the document service: Invalid token"). Anything else is "unknown",
 * with the closest guess in its `why`.
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

/*
 * The diagnosis. Caller-allocated (about 220 KB: allocate it on the
 * heap); holds no pointers and no secret bytes.
 *
 *   items        what each item is (n_items, in the caller's order)
 *   findings     every finding, most important first: the verdict is
 *                findings[0] when n_findings > 0
 *   headline     the consequence for the user and the cause, one line
 *   consequence  who refuses what ("Nextcloud cannot connect to
 *                Document Server"), the start of the headline
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

/* The most bytes oojwt_diagnose_json() writes for `len` bytes of input
 * (texts, names and secrets together): see oojwt_report_bound. */
size_t oojwt_diag_report_bound(size_t len);

#ifdef __cplusplus
}
#endif

#endif
