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
#define OOJWT_DS_JSON_MEMBERS 6
enum { OOJWT_DS_M_ALG, OOJWT_DS_M_TYP, OOJWT_DS_M_CRIT, OOJWT_DS_M_NBF,
	OOJWT_DS_M_EXP, OOJWT_DS_M_PAYLOAD };

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

/* ---- lone_surrogate.c: half a character in a JSON.parse text ------- */

/* When `lone` > 0 (oojwt_json_info.lone of `tree`), add a warning
 * lone_surrogate at the path of the first string that holds one, ending
 * its sentence with `consequence` (what the reader of the text does with
 * it), with the fix `fix`. */
void oojwt_ds_lone_finding(oojwt_finding *list, size_t *n, size_t *dropped,
	const oojwt_jv *tree, size_t lone, const char *consequence,
	const char *fix);

/* ---- ds_json.c: reports of the ONLYOFFICE rules --------------
 * Each returns a malloc'd JSON report (its length in *out_len) that the
 * wasm module and the CLI print alike: {"error":{code,message}} for bad
 * arguments, otherwise the shape documented in web/lib/oojwt.d.ts. Buffers
 * that carry secrets are wiped; free the report with free() (or
 * oojwt_wipe_free() when it shows secrets). NULL when memory runs out.
 */
char *oojwt_ds_verify_json(const char *token, size_t len,
	const unsigned char *key, size_t key_len, unsigned algs, double now,
	double tolerance, double strict_tolerance, size_t *out_len);
char *oojwt_server_config_json(const char *local, size_t local_len,
	const char *defaults, size_t defaults_len, int has_defaults,
	size_t *out_len);
char *oojwt_config_inspect_json(const char *config, size_t len,
	const unsigned char *secret, size_t secret_len, double now,
	double tolerance, int enable_browser, int required_params,
	int server_version, size_t *out_len);
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

/* ---- request.c / request_json.c ------------------ */

/* The options a server configuration gives an inspection of `kind`:
 * enabled flag, header/prefix (pointers into c), tokenRequiredParams and,
 * for inbox kinds, the tolerance of oojwt_ds_verify_options_tolerance()
 * (0 for callbacks: the connectors' leeway). The secret to use is
 * c->secrets[*which]. */
void oojwt_request_opts_from_config(oojwt_request_opts *o,
	const oojwt_server_config *c, int kind, int *which);
/*
 * The clock tolerance jsonwebtoken applies with DS's verifyOptions (the
 * compact JSON text of token.verifyOptions, `len` bytes; NULL: none was
 * passed). It computes `exp + (clockTolerance || 0)` and
 * `now + (clockTolerance || 0)`: absent, null, false, 0, "" and [] give
 * 0; true gives 1; a number its value (negative ones: 0 here); a
 * non-empty string (even "60"), an object or a non-empty array turn the
 * sum into text, so exp and nbf never fail: OOJWT_DS_TOLERANCE_OFF.
 */
#define OOJWT_DS_TOLERANCE_OFF 1e300
double oojwt_ds_verify_options_tolerance(const char *json, size_t len);
/* The report of oojwt_request_inspect() as the JSON kit.onlyoffice.
 * inspectRequest returns (see web/lib/oojwt.d.ts). */
char *oojwt_request_inspect_json(const char *req, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_request_opts *o, size_t *out_len);

/* secret_variants.c: the other secrets of a read server config (strings
 * only; pointers into `c`). */
void oojwt_secret_others_of(oojwt_secret_others *o,
	const oojwt_server_config *c);
/* secret_variants.c: variant `v` (flavour `k`, see there) of the secret
 * `s` into `buf` (n + 2 bytes, at least 6): 1 and *len when it applies. */
int oojwt_secret_variant(int v, int k, const unsigned char *s, size_t n,
	unsigned char *buf, size_t *len);

#endif
