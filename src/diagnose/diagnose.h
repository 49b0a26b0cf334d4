/*
 * The diagnosis layer's internal declarations: what the files of
 * src/diagnose/ share with each other and with src/cli. The API is in
 * oojwt_diagnose.h.
 */
#ifndef OOJWT_DIAGNOSE_DIAGNOSE_H__
#define OOJWT_DIAGNOSE_DIAGNOSE_H__

#include "../deploy/deploy.h"

/* ---- recognise.c: what a pasted text is ------------------------------ */

/*
 * Recognise `len` bytes of `text` into `g` (zeroed first). Reads the
 * text a bounded number of times (linear); parses JSON only when the
 * text starts with '{' (after white space), and nothing else.
 */
void oojwt_diag_recognise(oojwt_diag_recognised *g, const char *text,
	size_t len);
/* The `sub` of a DS log line: the symptom table's code for its lines
 * (0 checkJwt error, 1 auth missing required parameter, 2 modified
 * permissions, 3 invalid format, 5 an error status of a download, 6 the
 * converter's downloadFile error), and this for "checkJwt success". */
#define OOJWT_DIAG_DS_CHECKJWT_SUCCESS 4

/* ---- diag_pack.c: the items and secrets in one buffer ---------------- */

/* Read the packed buffer into items[OOJWT_DIAG_MAX_ITEMS] and
 * secrets[OOJWT_DIAG_MAX_SECRETS] (pointers into `pack`). OOJWT_OK,
 * OOJWT_ERR_TOO_LARGE or OOJWT_ERR_BAD_ARGUMENT. */
int oojwt_diag_unpack(const unsigned char *pack, size_t len,
	oojwt_diag_item *items, size_t *n_items, oojwt_diag_secret *secrets,
	size_t *n_secrets);
/* The JSON report of a packed call (format < 0), or its export in
 * `format` (OOJWT_DIAG_EXPORT_*) as {"text":"..."}; {"error"} when it
 * does not unpack or the export fails. */
char *oojwt_diag_packed_json(const unsigned char *pack, size_t len,
	double now, int format, size_t *out_len);

/* ---- diagnose.c, secrets.c: the state of one diagnosis ---------------- */

/* The values an export masks (export.c): copies, wiped by
 * oojwt_diag_masks_free(). `token`: 1 for a token, 0 for a secret. */
#define OOJWT_DIAG_MAX_MASKS 256
typedef struct {
	size_t n;
	int failed;                          /* out of memory: export nothing */
	unsigned char *value[OOJWT_DIAG_MAX_MASKS];
	size_t len[OOJWT_DIAG_MAX_MASKS];
	int token[OOJWT_DIAG_MAX_MASKS];
} oojwt_diag_masks;
/* Add a copy of `len` bytes (nothing for an empty value, a duplicate or
 * Document Server's default "secret"). */
void oojwt_diag_mask(oojwt_diag_masks *m, const void *value, size_t len,
	int token);
void oojwt_diag_masks_free(oojwt_diag_masks *m);

/* oojwt_diagnose(), and with `masks` not NULL the values to mask in
 * what is written from the report: every held secret, the tokens, the
 * nginx secrets and the private keys' base64 lines. */
int oojwt_diag_run(oojwt_diag_report *r, const oojwt_diag_item *items,
	size_t n, const oojwt_diag_opts *opts, oojwt_diag_masks *masks);

/* The verdict's first word: ERROR, WARNING, OK (a token DS accepts, or
 * every check passed) or NOTE (an info that asks for more). */
const char *oojwt_diag_verdict_word(const oojwt_diag_finding *v);
/* Where a command runs, in words: "on the Document Server host", "on
 * the connector's host", "on any machine". */
const char *oojwt_diag_where_words(const char *run_on);

/* Roles of a held secret (bits): Document Server's, by
 * OOJWT_SECRET_INBOX... (1 << kind), the storage secret, a connector's,
 * one the user typed, a value pasted as an item. */
#define OOJWT_DIAG_ROLE_STORAGE   (1u << 4)
#define OOJWT_DIAG_ROLE_CONNECTOR (1u << 5)
#define OOJWT_DIAG_ROLE_TYPED     (1u << 6)
#define OOJWT_DIAG_ROLE_PASTED    (1u << 7)

#define OOJWT_DIAG_MAX_HELD   24
#define OOJWT_DIAG_MAX_TOKENS 16

typedef struct {
	char name[OOJWT_DIAG_NAME_LEN];      /* "secret.inbox", "Nextcloud's jwt_secret" */
	const unsigned char *value;          /* caller's or a config's memory */
	size_t len;
	unsigned roles;
	int item;                            /* -1: typed */
} oojwt_diag_held;

/* Where a token goes: to Document Server (checked with secret.inbox) or
 * from it (a callback, signed with secret.outbox). */
#define OOJWT_DIAG_TO_DS   0
#define OOJWT_DIAG_FROM_DS 1

typedef struct {
	const char *p;
	size_t len;
	int item;
	int direction;
} oojwt_diag_token;

typedef struct {
	oojwt_diag_report *r;
	const oojwt_diag_item *items;
	size_t n;
	const oojwt_diag_opts *o;
	oojwt_server_config *cfg;            /* the first server config, or NULL */
	int cfg_item;
	oojwt_connector_settings *conn;      /* the first connector settings, or NULL */
	int conn_item;
	/* Every config and settings read (the held secrets point into them),
	 * freed at the end. */
	size_t n_owned_cfg, n_owned_conn;
	oojwt_server_config *owned_cfg[OOJWT_DIAG_MAX_ITEMS];
	oojwt_connector_settings *owned_conn[OOJWT_DIAG_MAX_ITEMS];
	int connector;                       /* OOJWT_CONNECTOR_*, from any item */
	int editor_item, symptom_item, request_item;
	int editor_error;                    /* from inspectConfig or a copied text */
	size_t n_held;
	oojwt_diag_held held[OOJWT_DIAG_MAX_HELD];
	size_t n_tokens;
	oojwt_diag_token tokens[OOJWT_DIAG_MAX_TOKENS];
	int cert_self_signed;
	oojwt_diag_masks *masks;             /* an export's, or NULL */
	int token_checked[OOJWT_DIAG_MAX_ITEMS]; /* an item's token met the matrix */
} oojwt_diag_ctx;

/* Add a finding (rank: lower is more important within a severity);
 * `params` a JSON object text (NULL: {}). Returns the finding or NULL
 * when the list is full (counted in dropped). */
oojwt_diag_finding *oojwt_diag_add(oojwt_diag_ctx *c, int severity,
	int code, int item, int rank, const char *params, const char *msg,
	const char *fix, const char *short_cause);
/* Fold a lower layer's findings in, attributed to `item`; codes in
 * `skip` (n_skip of them) are left out. */
void oojwt_diag_fold(oojwt_diag_ctx *c, const oojwt_finding *list,
	size_t n, int item, int rank, const int *skip, size_t n_skip);
/* Hold a secret (deduplicated by its bytes: a second name joins the
 * first); nothing when the list is full or the value is empty. */
void oojwt_diag_hold(oojwt_diag_ctx *c, const char *name,
	const unsigned char *value, size_t len, unsigned roles, int item);
/* Queue a token for the matrix. */
void oojwt_diag_add_token(oojwt_diag_ctx *c, const char *p, size_t len,
	int item, int direction);

/* secrets.c: every queued token against every held secret. */
void oojwt_diag_matrix(oojwt_diag_ctx *c);

/* verdict.c: order the findings and write the headline. */
void oojwt_diag_verdict(oojwt_diag_ctx *c);

#endif
