/*
 * The Document Server layer's internal declarations: what the files of
 * src/ds/ share with each other and with src/deploy and src/cli. The API
 * is in oojwt_ds.h.
 */
#ifndef OOJWT_DS_DS_H__
#define OOJWT_DS_DS_H__

#include "../core/core.h"

/* ---- jsonparse.c: JSON.parse as Document Server's Node runs it ----- */

/* Decode UTF-8 into UTF-16 units as Node's Buffer#toString('utf8') does
 * (WHATWG: each maximal bad subsequence becomes one U+FFFD). `out` has
 * room for `len` units; returns the number written, *replaced the
 * number of U+FFFD substituted. */
size_t oojwt_ds_utf8_to_utf16(unsigned short *out, const unsigned char *s,
	size_t len, size_t *replaced);

/* Buffer.from(seg, 'base64') over `n` characters of A-Z a-z 0-9 - _ + /
 * (anything else is skipped): groups of four give three bytes, a final
 * 2 or 3 characters give 1 or 2 with the spare bits ignored, a final
 * single character is dropped. `dst` needs n * 3 / 4 + 1 bytes.
 * Returns 1 when the text was not canonical base64url. */
int oojwt_ds_b64_decode(unsigned char *dst, size_t *dst_len, const char *s,
	size_t n);

/* Top-level members jsonwebtoken reads, in this order. */
#define OOJWT_DS_JSON_MEMBERS 12
enum { OOJWT_DS_M_ALG, OOJWT_DS_M_TYP, OOJWT_DS_M_CRIT, OOJWT_DS_M_NBF,
	OOJWT_DS_M_EXP, OOJWT_DS_M_PAYLOAD, OOJWT_DS_M_AUD, OOJWT_DS_M_ISS,
	OOJWT_DS_M_SUB, OOJWT_DS_M_JTI, OOJWT_DS_M_NONCE, OOJWT_DS_M_IAT };

typedef struct {
	int present;
	int type;          /* OOJWT_JSON_* of the last value */
	size_t start, end; /* its span, in units */
} oojwt_ds_member;

typedef struct {
	int ok;                      /* 1: JSON.parse succeeds */
	char message[OOJWT_MESSAGE_LEN]; /* SyntaxError text, WTF-8 */
	size_t message_len;
	size_t error_pos;
	int top_type;                /* OOJWT_JSON_* of the whole value */
	size_t top_start, top_end;
	size_t duplicates;           /* repeated member names, any depth */
	char first_duplicate[48];    /* printable ASCII, '?' elsewhere */
	oojwt_ds_member members[OOJWT_DS_JSON_MEMBERS]; /* last wins */
} oojwt_ds_json;

/* Run JSON.parse over `n` UTF-16 units. OOJWT_OK (see out->ok) or
 * OOJWT_ERR_NO_MEMORY. */
int oojwt_ds_json_parse(oojwt_ds_json *out, const unsigned short *s, size_t n);
/* Unescaped value of a string member (at most `cap` units) into dst;
 * its length, or (size_t)-1 when absent, not a string or too long. */
size_t oojwt_ds_json_string(const unsigned short *s, const oojwt_ds_member *m,
	unsigned short *dst, size_t cap);
/* Unescaped units of the JSON string at [start, end) (quotes included)
 * into dst (room: end - start units); their number. */
size_t oojwt_ds_json_unescape(const unsigned short *s, size_t start,
	size_t end, unsigned short *dst);

/* ---- report bounds (ds_json.c): see oojwt_report_bound in core.h ------
 * Multipliers in report bytes per input byte; `len` is the sum of the
 * texts the call reads (not the secret, which no report shows). */
/* kit.onlyoffice.verify: the header and payload as Document Server decodes
 * them (at most 3/4 of the token; a byte that is not UTF-8 becomes U+FFFD,
 * 3 bytes, shown raw; a control, escaped, 6): 4.5, rounded up. */
#define OOJWT_DS_REPORT_VERIFY        1
/* readServerConfig (local.json plus default.json): every string shown
 * comes from its own place in the input (an escape such as \n, 2 bytes,
 * is written \u000a, 6: 3 per byte), verifyOptions is reprinted by cJSON
 * (a number up to 15 characters for 4: 3.75). */
#define OOJWT_DS_REPORT_SERVER_CONFIG 2
/* inspectConfig: the effective config reprinted (3.75 per byte of the
 * config, plus 3.75 per byte of the token's payload copied over it, 3/4
 * of the token) and the token's payload shown (4.5 per token byte):
 * 11.1, rounded up. */
#define OOJWT_DS_REPORT_CONFIG_INSPECT 3
/* signConfig: the config reprinted (3.75) in base64url (4/3): 5, and
 * the header and signature: 6. */
#define OOJWT_DS_REPORT_CONFIG_SIGN   4
/* explainSecret: no text of the input is shown: 0. */
#define OOJWT_DS_REPORT_SECRET_EXPLAIN 5
/* inspectRequest: the tokens found (disjoint pieces of the request,
 * escaped: 6 per byte), their payloads (4.5), the effective body (the
 * body reprinted, 3.75, plus the used token's payload twice, as the
 * decoded token and spread: 2 * 3.75 * 3/4): 19.9, rounded up. */
#define OOJWT_DS_REPORT_REQUEST       6
size_t oojwt_ds_report_bound(int kind, size_t len);
/* ---- js_values.c: JavaScript's rules for what verify.js compares ------- */

/* A JSON value of the token, as UTF-16 units [start, end) of u; type
 * OOJWT_JSON_INVALID is undefined (a member that is not there). */
typedef struct {
	const unsigned short *u;
	size_t start, end;
	int type;
} oojwt_ds_val;

/* A growing UTF-16 text. */
typedef struct {
	unsigned short *u;
	size_t n, cap;
	int oom;
} oojwt_ds_utext;

/* Append units / ASCII / UTF-8 text (oom set when memory runs out). */
void oojwt_ds_utext_put(oojwt_ds_utext *b, const unsigned short *u, size_t n);
void oojwt_ds_utext_ascii(oojwt_ds_utext *b, const char *s, size_t n);
void oojwt_ds_utext_utf8(oojwt_ds_utext *b, const char *s, size_t n);
/* Member m of the parsed value j (undefined unless j is an object that
 * has it) into *x; its type. */
int oojwt_ds_val_member(oojwt_ds_val *x, const unsigned short *u,
	const oojwt_ds_json *j, int m);
/* The next element of an array value, from *i (start: the array's start
 * + 1): 1 and *e, 0 after the last. */
int oojwt_ds_val_next(const unsigned short *u, size_t *i, size_t end,
	oojwt_ds_val *e);
/* JSON.parse's number of a number value; the unescaped units of a
 * string value (malloc'd, *n of them; NULL out of memory). */
double oojwt_ds_val_number(const oojwt_ds_val *x);
unsigned short *oojwt_ds_val_units(const oojwt_ds_val *x, size_t *n);
/* a === b for an option value and a token value: 1, 0, -1 out of memory. */
int oojwt_ds_strict_equal(const oojwt_jv *a, const oojwt_ds_val *b);
/* String(x) of a token value / of an option value (in_array: as an
 * element of Array.prototype.join, where null and undefined are ""). */
void oojwt_ds_val_to_string(oojwt_ds_utext *b, const oojwt_ds_val *x,
	int in_array);
void oojwt_ds_jv_to_string(oojwt_sb *sb, const oojwt_jv *v, int in_array);
/* UTF-16 units as UTF-8 (a lone surrogate in its 3-byte form). */
void oojwt_ds_sb_units(oojwt_sb *sb, const unsigned short *u, size_t n);
/* s.trim() === '' for UTF-8 text (JavaScript's white space and line
 * terminators). */
int oojwt_ds_js_blank(const char *s, size_t n);
/* Number(s) of UTF-8 text: StringToNumber (trimmed; "" is 0; Infinity;
 * 0x / 0o / 0b integers, exact up to 2^53; a decimal literal; else NaN). */
double oojwt_ds_js_to_number(const char *s, size_t n);
/* ms 2.1.3's parse (node_modules/ms/index.js), which jsonwebtoken's
 * timespan uses for a string maxAge: 1 and the milliseconds in *ms, or
 * 0 when ms returns undefined. */
int oojwt_ds_ms_parse(const char *s, size_t n, double *ms);

/* ---- verify_options.c: DS's verifyOptions as jsonwebtoken applies them - */

/*
 * The options object DocService's checkJwt passes to jwt.verify(): read
 * once per verify (oojwt_ds_vopts_init), then consulted by profile.c at
 * the places jsonwebtoken 9.0.2's verify.js reads it. Without options
 * text it is { clockTolerance: tolerance } (the callers' double).
 * x + clockTolerance is a number (tolerance) or, when clockTolerance is
 * a non-empty string, an array or an object, text: String(x) followed by
 * tolerance_text, which a comparison turns back into a number.
 */
typedef struct {
	oojwt_jv *tree;                /* the parsed options (NULL: none) */
	const oojwt_jv *algorithms;    /* truthy options.algorithms, or NULL */
	int ignore_expiration, ignore_not_before, complete;
	double tolerance;
	char *tolerance_text;          /* malloc'd, NULL when numeric */
	size_t tolerance_text_len;
} oojwt_ds_vopts;

/* Read `json` (`len` bytes; NULL: no options, clock tolerance
 * `tolerance`). A JSON value that is not an object is DS's
 * Object.assign({}, value): no options. OOJWT_OK, OOJWT_ERR_BAD_ARGUMENT
 * (not JSON) or OOJWT_ERR_NO_MEMORY. */
int oojwt_ds_vopts_init(oojwt_ds_vopts *v, const char *json, size_t len,
	double tolerance);
void oojwt_ds_vopts_free(oojwt_ds_vopts *v);
/* verify.js before the token is looked at: clockTimestamp, nonce and
 * allowInvalidAsymmetricKeyTypes checks, then the clock (clockTimestamp
 * || now floored) into *clock. 0 when DS fails (recorded in r). */
int oojwt_ds_vopts_check(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	double now, double *clock);
/* The algorithm step with a truthy options.algorithms (header units u,
 * parsed header hj, signature segment sig): the HS algorithm whose HMAC
 * decides, or 0 when DS fails (recorded in r). */
unsigned oojwt_ds_vopts_alg(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	const unsigned short *u, const oojwt_ds_json *hj, const char *sig,
	size_t sig_len);
/* `clock >= t + clockTolerance` (exp, maxAge) and `nbf > clock +
 * clockTolerance` as JavaScript evaluates them. */
int oojwt_ds_vopts_past(const oojwt_ds_vopts *v, double t, double clock);
int oojwt_ds_vopts_early(const oojwt_ds_vopts *v, double nbf, double clock);
/* verify.js after exp: audience, issuer, subject, jwtid, nonce, maxAge,
 * then complete (r->decoded_text). `now` is the unfloored caller's clock
 * (timespan's Date.now()), `clock` the one of the checks. Payload units
 * u and parsed pj; sig the signature segment. 0 when DS fails, -1 out
 * of memory. */
int oojwt_ds_vopts_claims(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	const unsigned short *u, const oojwt_ds_json *pj, double clock,
	double now, const char *sig, size_t sig_len);
/* The options text with clockTolerance set to `tolerance` (a value that
 * is not an object becomes {}): malloc'd compact JSON, NULL when the
 * text is not JSON or memory runs out. The CLI's --clock-tolerance over
 * a server config. */
char *oojwt_ds_vopts_with_tolerance(const char *json, size_t len,
	double tolerance, size_t *out_len);
/* Record DS's failure (profile.c): error class, the exact message of `n`
 * bytes, our code and a sentence. */
/* oojwt_finding_fmt() (core.h) on the findings of report `r` (any report
 * with members findings, n_findings and dropped): severity, code, path,
 * fix, names, fmt, ... */
#define oojwt_ds_findingf(r, ...) \
	oojwt_finding_fmt((r)->findings, &(r)->n_findings, &(r)->dropped, \
		__VA_ARGS__)
/* Append an issue (pos -1) to `list` (*n so far, at most
 * OOJWT_MAX_ISSUES, the rest counted in *dropped), its sentence and params
 * written by oojwt_fmtp(`names`, `fmt`, ...) (core.h). */
void oojwt_ds_issuef(oojwt_issue *list, size_t *n, size_t *dropped, int code,
	const char *names, const char *fmt, ...);
void oojwt_ds_fail(oojwt_ds_result *r, int name, const char *server_message,
	size_t n, int code, const char *human);
/* Append to `list` (*n so far, the rest counted in *dropped) the error
 * finding at "token" that quotes DS's failure `r`: "Document Server:
 * <error name>: <server message> -- <r's sentence>", r's code, the fix
 * `fix` (OOJWT_DS_FIX_*), and as params r's, then errorName,
 * serverMessage, ds "failure" (the key of the words before r's
 * sentence) and dsFix (the fix's key). */
enum { OOJWT_DS_FIX_EXPIRED_CONFIG, OOJWT_DS_FIX_EXPIRED_METHOD,
	OOJWT_DS_FIX_SIGNATURE, OOJWT_DS_FIX_NO_JWT, OOJWT_DS_FIX_EXACT };
void oojwt_ds_quote(oojwt_finding *list, size_t *n, size_t *dropped,
	const oojwt_ds_result *r, int fix);
/* The sentence of the failure just recorded, and its params, written by
 * oojwt_fmtp(`names`, `fmt`, ...) (core.h). */
void oojwt_ds_failp(oojwt_ds_result *r, const char *names, const char *fmt,
	...);

/* ---- lone_surrogate.c: half a character in a JSON.parse text ------- */

/* When `lone` > 0 (oojwt_json_info.lone of `tree`), add a warning
 * lone_surrogate at the path of the first string that holds one, ending
 * its sentence with `consequence` (what the reader of the text does with
 * it), with the fix `fix`; `key` names the reader in the params (reader:
 * config, inbox, outbox, server_config). */
void oojwt_ds_lone_finding(oojwt_finding *list, size_t *n, size_t *dropped,
	const oojwt_jv *tree, size_t lone, const char *key,
	const char *consequence, const char *fix);

/* ---- ds_json.c: reports of the ONLYOFFICE rules --------------
 * Each returns a malloc'd JSON report (its length in *out_len) that the
 * wasm module and the CLI print alike: {"error":{code,message}} for bad
 * arguments, otherwise the shape documented in web/lib/oojwt.d.ts. Buffers
 * that carry secrets are wiped; free the report with free() (or
 * oojwt_wipe_free() when it shows secrets). NULL when memory runs out.
 */
char *oojwt_ds_verify_json(const char *token, size_t len,
	const unsigned char *key, size_t key_len, const oojwt_ds_opts *o,
	size_t *out_len);
char *oojwt_server_config_json(const char *local, size_t local_len,
	const char *defaults, size_t defaults_len, int has_defaults,
	size_t *out_len);
char *oojwt_config_inspect_json(const char *config, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_inspect_opts *o, size_t *out_len);
char *oojwt_config_sign_json(const char *config, size_t len,
	const unsigned char *secret, size_t secret_len, unsigned alg, int fields,
	int has_iat, double iat, int has_exp, double exp, size_t *out_len);
/* `others`: NULL, or the server config's other secrets (see
 * oojwt_secret_explain_ex()); oojwt_secret_explain_json_text() reads them
 * from `others_len` bytes of JSON, an array of 5 strings or nulls in the
 * order of oojwt_secret_others (NULL text: none). */
char *oojwt_secret_explain_json(const char *token, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_secret_others *others, size_t *out_len);
char *oojwt_secret_explain_json_text(const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, const char *others_json,
	size_t others_len, size_t *out_len);
/* oojwt_secret_compare(); the report shows no secret byte. */
char *oojwt_secret_compare_json(const unsigned char *a, size_t a_len,
	const unsigned char *b, size_t b_len, const char *token,
	size_t token_len, size_t *out_len);
/* token_kind.c's guess of a token or payload, the kinds with what DS
 * reads from each, and the judgement of one token (see oojwt.d.ts:
 * tokenKind, tokenKinds, inspectBrowserToken). */
char *oojwt_browser_kind_json(const char *text, size_t len, size_t *out_len);
char *oojwt_browser_kinds_json(size_t *out_len);
char *oojwt_browser_inspect_json(const char *token, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_browser_opts *o, size_t *out_len);


/* ---- http_request.c: an HTTP request as its receiver reads it ---------- */

typedef struct {
	const char *name;
	size_t name_len;
	const char *value;
	size_t value_len;
} oojwt_http_field;

#define OOJWT_HTTP_MAX_FIELDS 100

/*
 * The request (see oojwt_request_inspect() for the two forms). Strings
 * point into the text given or into memory the struct owns (free with
 * oojwt_http_free()). method/target are NULL when absent; body is NULL
 * when there is none; bad_line is the offset of the first line in the
 * header block that is not "Name: value" (-1 when none); fields beyond
 * OOJWT_HTTP_MAX_FIELDS are counted in `dropped`.
 */
typedef struct {
	const char *method;
	size_t method_len;
	const char *target;
	size_t target_len;
	size_t n_fields, dropped;
	oojwt_http_field fields[OOJWT_HTTP_MAX_FIELDS];
	const char *body;
	size_t body_len;
	long bad_line;
	char *owned;
	void *tree;
} oojwt_http_request;

/* Read `text` (`len` bytes) in `form` (OOJWT_REQUEST_RAW / _PARTS).
 * OOJWT_OK; OOJWT_ERR_BAD_ARGUMENT for a PARTS object of the wrong shape
 * (with a sentence in msg, OOJWT_MESSAGE_LEN bytes); OOJWT_ERR_NO_MEMORY. */
int oojwt_http_read(oojwt_http_request *h, const char *text, size_t len,
	int form, char *msg);
void oojwt_http_free(oojwt_http_request *h);
/* The value of header `name` (any case) as Node gives it to req.get():
 * malloc'd, NUL-terminated (*len bytes); NULL when absent or out of
 * memory. */
char *oojwt_http_header(const oojwt_http_request *h, const char *name,
	size_t name_len, size_t *len);
/* Header names compared without regard to ASCII case: 1 when equal. */
int oojwt_http_same_name(const char *a, size_t an, const char *b, size_t bn);
/* req.query of a target ("/path?a=1&b=%20"): compact JSON of an object
 * of strings (repeated names: arrays), malloc'd; NULL out of memory. */
char *oojwt_http_query_json(const char *target, size_t len, size_t *out_len);

/* ---- jwt_libraries.c ---------------------------------------------------- */

/* A token segment as JSON (strict base64url, strict JSON, last member
 * wins), NULL when it is neither; *nomem set to 1 when out of memory. */
oojwt_jv *oojwt_segment_json(const char *s, size_t n, int *nomem);

/* ---- connector_sign.c: what a connector signs when it sends to DS ------ */

#define OOJWT_SENT_CONFIG  0
#define OOJWT_SENT_REQUEST 1

/* What was sent: an editor config or a request (what), the connector
 * named (row + 1; 0 to recognise it from the shape; -1 for no connector
 * checks), the token that counts (token_len bytes; NULL when none), which
 * tokens the request has, the config or request body (doc: its JSON
 * value, for the URLs), and the secret (its length decides php-jwt 7's
 * key check). */
typedef struct {
	int what;
	int connector;
	const char *token;
	size_t token_len;
	int has_body_token;
	int has_header_token;
	const oojwt_jv *doc;
	size_t secret_len;
} oojwt_sent;


/* Findings on `in` as its sender signs (connector_signs,
 * token_never_expires, claims_unlike_connector, connector_cannot_sign)
 * and on the sender told from the shape (connector_recognised), appended
 * to f. OOJWT_OK or OOJWT_ERR_NO_MEMORY. */
int oojwt_connector_sender(oojwt_sender *s, const oojwt_sent *in,
	oojwt_finding *f, size_t *n, size_t *dropped);

/* ---- connectors.c: a callback as each connector judges it -------------- */

/* What a callback judgement needs besides the request: DS's outbox
 * header name and prefix (the connector is set alike), the outbox
 * secret, now, a leeway that replaces each row's default, and download
 * (1: DS's GET of document.url, judged by the connector's download
 * handler: the header only, the row's download_prefix). */
typedef struct {
	int download;
	const char *header;
	size_t header_len;
	const char *prefix;
	size_t prefix_len;
	const unsigned char *secret;
	size_t secret_len;
	double now;
	int has_leeway;
	double leeway;
} oojwt_connector_call;

/* Connector `row` judges callback (or download) `h` whose body parsed as `params` (the
 * JSON value, NULL when none). OOJWT_OK, or OOJWT_ERR_BAD_ARGUMENT /
 * _NO_MEMORY. */
int oojwt_connector_judge(oojwt_connector_verdict *v, size_t row,
	const oojwt_http_request *h, const oojwt_jv *params,
	const oojwt_connector_call *call);

/* ---- request.c / request_json.c ------------------ */

/* The options a server configuration gives an inspection of `kind`:
 * enabled flag, header/prefix (pointers into c), tokenRequiredParams and,
 * for inbox kinds, c's verifyOptions text (pointing into c; "null" when
 * absent: no options) -- for callbacks clock tolerance 0, the
 * connectors' leeway. The secret to use is c->secrets[*which]. */
void oojwt_request_opts_from_config(oojwt_request_opts *o,
	const oojwt_server_config *c, int kind, int *which);
/* The report of oojwt_request_inspect() as the JSON kit.onlyoffice.
 * inspectRequest returns (see web/lib/oojwt.d.ts). */
char *oojwt_request_inspect_json(const char *req, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_request_opts *o, size_t *out_len);

/* The connector and library tables as JSON (kit.onlyoffice.connectors()). */
char *oojwt_connectors_json(size_t *out_len);
/* ,"sender": null or {"connector", "confidence" (null when named),
 * "used"}: the connector that signed a config or request. */
void oojwt_sb_sender(oojwt_sb *sb, const oojwt_sender *s);

/* secret_variants.c: the other secrets of a read server config (strings
 * only; pointers into `c`). */
void oojwt_secret_others_of(oojwt_secret_others *o,
	const oojwt_server_config *c);
/* secret_variants.c: variant `v` (flavour `k`, see there) of the secret
 * `s` into `buf` (n + 2 bytes, at least 6): 1 and *len when it applies. */
int oojwt_secret_variant(int v, int k, const unsigned char *s, size_t n,
	unsigned char *buf, size_t *len);

/* ---- connector_settings.c / connector_compare.c / connector_json.c --- */

/* Append a finding to s->findings. */
void oojwt_cs_add(oojwt_connector_settings *s, int severity, int code,
	const char *path, const char *message, const char *fix);
/* The same with `params`, a JSON object text (NULL: {}). */
void oojwt_cs_addp(oojwt_connector_settings *s, int severity, int code,
	const char *path, const char *message, const char *fix,
	const char *params);
/* Byte length of the space character at `s` (`n` bytes) as Go's
 * strings.TrimSpace sees one (ASCII blanks, U+0085, U+00A0, U+1680,
 * U+2000-200A, U+2028-2029, U+202F, U+205F, U+3000); 0 otherwise. */
size_t oojwt_cs_space_at(const char *s, size_t n);
/* The report kit.onlyoffice.readConnectorSettings returns: the settings
 * read from `text`, and, when has_server, their comparison with the
 * server configuration read from `server` (and `defaults` when
 * has_defaults) with `self_signed` (1, 0, -1). */
char *oojwt_connector_settings_json(const char *text, size_t len,
	const char *server, size_t server_len, int has_server,
	const char *defaults, size_t defaults_len, int has_defaults,
	int self_signed, size_t *out_len);

#endif
