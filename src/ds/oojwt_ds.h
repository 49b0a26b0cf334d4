/*
 * oojwt_ds.h -- the Document Server rules.
 *
 * Part of oojwt.h (include that). What ONLYOFFICE Document Server does
 * with a token, built on the JWT core: the DS profile of verify
 * (jsonwebtoken 9.0.2 and Node's JSON.parse as DocService calls them),
 * secret forensics (which variant of the secret a token was made with),
 * the server's JWT configuration as node-config merges it, the editor
 * config a page passes to DocsAPI.DocEditor, and the requests and
 * callbacks between an integration and the server. Each check fills
 * findings (oojwt_core.h) with a code, a message and a fix.
 */
#ifndef OOJWT_DS_H__
#define OOJWT_DS_H__

#include <stddef.h>
#include "../core/oojwt_core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The secret Document Server signs download links with by default
 * (storage.fs.secretString in default.json). */
#define OOJWT_LINK_DEFAULT_SECRET "verysecretstring"

/*
 * The Document Server profile.
 *
 * oojwt_ds_verify() judges a token as ONLYOFFICE Document Server does:
 * it reproduces jsonwebtoken 9.0.2 (jws 3.2.x) called as
 *
 *   jwt.verify(token, crypto.createSecretKey(Buffer.from(secret, 'utf8')),
 *              { clockTolerance: 60 })
 *
 * (DocService checkJwt, server 7.1 to 9.3). In jsonwebtoken's order:
 * empty token ("jwt must be provided"); not exactly two dots ("jwt
 * malformed"); jws's segment regex -- no padding, whitespace, '+', '/'
 * or empty header/payload -- and a header that JSON.parse (over its
 * Latin-1 reading) refuses or that is false-like ("invalid token"); with
 * header typ "JWT", JSON.parse of the payload (decoded from UTF-8 with
 * U+FFFD for bad bytes; a failure is V8's raw SyntaxError text); empty
 * signature ("jwt signature is required"); alg not exactly one of the
 * allowed HS names ("invalid algorithm"); the base64url text of the HMAC
 * compared with the signature segment as strings, in constant time, so
 * a non-canonical last character fails ("invalid signature"); a null
 * payload (raw TypeError); nbf ("invalid nbf value", "jwt not active")
 * and exp ("invalid exp value", "jwt expired"), with `now` floored to a
 * whole second. iat is never checked, crit is ignored, a repeated member
 * name keeps its last value (a warning), an empty secret is a valid
 * zero-length key. JSON.parse has no depth limit here either.
 *
 * Then what DS does with the value jsonwebtoken returns: every caller of
 * DocsCoServer.js checkJwt tests checkJwtRes.decoded for truth, so a
 * false-like payload -- JSON 0, -0, 0.0, false, "" with typ JWT, or an
 * empty text without it -- that jsonwebtoken accepts is refused: valid
 * 0 with code OOJWT_ERR_FALSY_PAYLOAD, no error class, no server
 * message and no close code (the editor's handshake says "not
 * authorized"; the command service answers 6, conversion and docbuilder
 * -8).
 *
 * The strict profile (oojwt_verify() with the same algorithms and
 * floored now, and strict_clock_tolerance) then runs on the same input; where it decides
 * otherwise, `differences` says why (codes of the strict profile when
 * DS accepts, DS's code when only DS refuses).
 *
 *   algorithms       mask of HS algorithms; 0 means DS's default
 *                    (HS256 | HS384 | HS512); other bits are refused
 *   now              seconds since the epoch (floored, like
 *                    jsonwebtoken's clockTimestamp)
 *   clock_tolerance  seconds (>= 0); DS's default verifyOptions say 60
 *   strict_clock_tolerance
 *                    seconds (>= 0) the strict comparison uses (oojwt's
 *                    own default is 0, so a token 30 s past exp shows
 *                    up as a difference)
 *   no_secret        1: DS has no secret at all, and `secret` is not
 *                    used. utils.getSecretByElem reads secret.*.string
 *                    only when it is truthy, so "string": "" without a
 *                    file gives undefined, and utils.getJwtHsKey makes no
 *                    key of it (an empty secret.*.file, or a tenant's
 *                    secret file that trims to nothing, is a zero-length
 *                    key instead: no_secret 0, secret_len 0). jsonwebtoken
 *                    then refuses a signed token with "secret or public
 *                    key must be provided" and an unsigned one with
 *                    "please specify \"none\" in \"algorithms\" ..." (with
 *                    `algorithms` given: a TypeError once the alg is
 *                    allowed); no differences are computed.
 *   verify_options   NULL, or the JSON text (verify_options_len bytes) of
 *                    the options object DS passes to jwt.verify()
 *                    (services.CoAuthoring.token.verifyOptions). When
 *                    given, it replaces clock_tolerance, and the
 *                    algorithms mask only limits the strict comparison
 *                    (0: the HS names the options list, else all three).
 *                    Every option verify.js reads is applied in its
 *                    order (src/ds/verify_options.c): clockTimestamp,
 *                    nonce and allowInvalidAsymmetricKeyTypes checked
 *                    first (even for an empty token); algorithms (an
 *                    array, or a string searched with indexOf);
 *                    ignoreNotBefore, ignoreExpiration, clockTolerance
 *                    (x + clockTolerance as JavaScript adds: a string
 *                    concatenates); audience, issuer, subject, jwtid,
 *                    nonce, maxAge ("iat required when maxAge is
 *                    specified", "maxAge exceeded", 4005); complete
 *                    (decoded_text). A value that is not an object is
 *                    no options (DS's Object.assign({}, value)); text
 *                    that is not JSON is OOJWT_ERR_BAD_ARGUMENT.
 */
typedef struct {
	unsigned algorithms;
	double now;
	double clock_tolerance;
	double strict_clock_tolerance;
	int no_secret;
	const char *verify_options;
	size_t verify_options_len;
} oojwt_ds_opts;

/* The class of the error DS's jsonwebtoken call throws. */
enum oojwt_ds_error {
	OOJWT_DS_NO_ERROR = 0,
	OOJWT_DS_JSON_WEB_TOKEN_ERROR = 1, /* close code 4006 */
	OOJWT_DS_TOKEN_EXPIRED_ERROR = 2,  /* close code 4005 */
	OOJWT_DS_NOT_BEFORE_ERROR = 3,     /* no close code */
	OOJWT_DS_TYPE_ERROR = 4,           /* a crash: no close code */
	OOJWT_DS_SYNTAX_ERROR = 5,         /* a crash: no close code */
	OOJWT_DS_ERROR = 6                 /* a plain Error (jws): no close code */
};
/* "JsonWebTokenError", "TokenExpiredError", ...; NULL for 0. */
const char *oojwt_ds_error_name(int e);

/* What DS's payload value is: none (not reached), the JSON text
 * (payload_text is JSON that JSON.parse turns into DS's value), or the
 * text itself as a string (jws without typ JWT, not an object/array). */
#define OOJWT_DS_PAYLOAD_NONE 0
#define OOJWT_DS_PAYLOAD_JSON 1
#define OOJWT_DS_PAYLOAD_TEXT 2

/*
 * The outcome. Caller-allocated; the texts are owned by oojwt and
 * released by oojwt_ds_result_free().
 *
 *   valid           1 when DS accepts the token
 *   error_name      enum oojwt_ds_error (OOJWT_DS_NO_ERROR also when
 *                   jsonwebtoken accepts a false-like payload DS refuses)
 *   close_code      4006, 4005, or 0 when DS sets none
 *   code            our code for the failure (OOJWT_OK when valid)
 *   server_message  the exact err.message DS logs ("jwt expired", ...),
 *                   UTF-8 except that a lone UTF-16 surrogate from V8's
 *                   SyntaxError context is kept as its 3-byte
 *                   (WTF-8) form; server_message_len bytes (it may
 *                   contain NUL, copied from the payload)
 *   message         a sentence for people, params its params
 *   alg             the HS algorithm DS used, 0 when it got no further
 *   header_text     the header as jws reads it (Latin-1 bytes as UTF-8),
 *                   header_json 1 when it is JSON (then JSON.parse of
 *                   it is DS's header)
 *   payload_text    the payload as UTF-8 after U+FFFD replacement;
 *                   payload_kind says how DS uses it
 *   warnings        OOJWT_WARN_* about what DS tolerates (and
 *                   OOJWT_FIND_VERIFY_COMPLETE when complete is on)
 *   differences     where the strict profile decides otherwise
 *   decoded_text    NULL, or -- verifyOptions.complete true and the token
 *                   accepted -- the JSON of what jwt.verify() returns to
 *                   DS then: {"header":...,"payload":...,"signature":...}
 *                   (decoded_len bytes), so that DS's reads of
 *                   decoded.document, decoded.key, ... find nothing
 */
typedef struct {
	int valid;
	int error_name;
	int close_code;
	int code;
	char server_message[OOJWT_MESSAGE_LEN];
	size_t server_message_len;
	char message[OOJWT_MESSAGE_LEN];
	char params[OOJWT_PARAMS_LEN]; /* the message's, as in oojwt_issue */
	unsigned alg;
	char *header_text;
	size_t header_len;
	int header_json;
	char *payload_text;
	size_t payload_len;
	int payload_kind;
	size_t n_warnings;
	oojwt_issue warnings[OOJWT_MAX_ISSUES];
	size_t n_differences;
	oojwt_issue differences[OOJWT_MAX_ISSUES];
	size_t dropped;
	char *decoded_text;
	size_t decoded_len;
} oojwt_ds_result;

/*
 * Judge `token` (`len` bytes) with the secret's bytes as DS would.
 * Fills `r` (previous content overwritten without being freed). Returns
 * OOJWT_OK whatever DS decides (see r->valid), OOJWT_ERR_BAD_ARGUMENT
 * or OOJWT_ERR_NO_MEMORY (then `r` holds nothing).
 */
int oojwt_ds_verify(oojwt_ds_result *r, const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, const oojwt_ds_opts *opts);
/* Release (after wiping) what a DS result owns; safe twice. */
void oojwt_ds_result_free(oojwt_ds_result *r);

/*
 * Secret forensics.
 *
 * oojwt_secret_explain() answers "why does this token not verify with
 * this secret?". It takes the token's HS algorithm from its header (or,
 * when the header cannot be read, from the MAC length), then tries the
 * secret in these variants and stops at the first whose HMAC matches the
 * token's MAC. By index:
 *
 *   0 as-is                     the bytes given
 *   1 trimmed                   without all leading/trailing ASCII
 *                               whitespace (skipped when that removes
 *                               one space, tab, CR, LF or CRLF at one
 *                               end: a variant below tried it)
 *   2 with-trailing-newline     + "\n"
 *   3 without-trailing-newline  without a final "\n"
 *   4 with-quotes               wrapped in "...", then in '...'
 *   5 without-quotes            without a surrounding pair of " or '
 *   6 base64-decoded            standard alphabet, padding optional
 *   7 base64url-decoded         URL alphabet, padding optional
 *   8 hex-decoded               an even number of hex digits
 *   9 default-secret            the literal "secret" (default.json)
 *  10-16 with-trailing-KIND     + KIND at the end
 *  17-24 with-leading-KIND      KIND + the secret
 *  25-31 without-trailing-KIND  without a final KIND
 *  32-39 without-leading-KIND   without a first KIND
 *        KIND, in index order: space, tab, cr, (newline: 2, 3 for the
 *        trailing ones; 20, 35 leading), crlf, nbsp (U+00A0), zwsp
 *        (U+200B), bom (U+FEFF), each as UTF-8
 *  40-44 inbox-secret, outbox-secret, session-secret, browser-secret,
 *        storage-secret: the server config's other secrets
 *        (oojwt_secret_explain_ex() only), skipped when equal to the
 *        secret given or to one tried before
 *
 * The order of the tries: as-is; the removals (trailing, then leading);
 * trimmed; without-quotes; the additions (trailing, then leading);
 * with-quotes; the decodings; default-secret; the other secrets. A
 * variant that does not apply (nothing to remove, not hex, ...) is
 * skipped, so a call makes at most 46 HMACs. Each try derives the key
 * into one buffer, compares MACs in constant time, and wipes the key and
 * the MAC. Claims and the header's other members are not judged here
 * (see oojwt_ds_verify()); surrounding whitespace of the token is
 * ignored.
 *
 *   verifies   1 when the secret as given verifies the MAC
 *   variant    the index above of the variant that does, -1 when none
 *   alg        the HS algorithm tried (0 when the token has no whole
 *              HS MAC: nothing was tried)
 *   tried      the indices of the variants tried, in order (n_tried)
 *   message    a sentence: what matched, and what that says about the
 *              setup
 *   params     its params (code secret_explained: reason, alg, variant,
 *              change, what, end, others), a JSON object text
 *   findings   codes, with sentences:
 *              OOJWT_WARN_SECRET_AS_TOKEN  the token has no dots and
 *                  reads like a password (a secret pasted as the token)
 *              OOJWT_WARN_TOKEN_AS_SECRET  the secret has the shape of
 *                  a JWT (a token pasted as the secret)
 *              OOJWT_WARN_PAYLOAD_LATIN1  payload bytes that are not
 *                  UTF-8 but read as Latin-1 (btoa of JSON text)
 *              OOJWT_WARN_PAYLOAD_NOT_UTF8  other non-UTF-8 bytes
 *              OOJWT_WARN_PAYLOAD_REPLACEMENT  U+FFFD characters in
 *                  the payload (damage before signing)
 *              OOJWT_WARN_PAYLOAD_DOUBLE_ENCODED  the payload (or its
 *                  "payload" member) is a string holding JSON
 */
#define OOJWT_SECRET_VARIANTS 45

typedef struct {
	int verifies;
	int variant;
	unsigned alg;
	size_t n_tried;
	unsigned char tried[OOJWT_SECRET_VARIANTS];
	char message[OOJWT_MESSAGE_LEN];
	char params[OOJWT_PARAMS_LEN]; /* the message's (code secret_explained) */
	size_t n_findings;
	oojwt_issue findings[OOJWT_MAX_ISSUES];
} oojwt_secret_report;

/*
 * Fill `r` for `token` (`len` bytes) and `secret` (`secret_len` bytes).
 * Returns OOJWT_OK (whatever the answer), OOJWT_ERR_BAD_ARGUMENT or
 * OOJWT_ERR_NO_MEMORY. `r` holds no pointers and no secret bytes.
 */
int oojwt_secret_explain(oojwt_secret_report *r, const char *token,
	size_t len, const unsigned char *secret, size_t secret_len);
/*
 * The other secrets a server config holds, tried as variants 40-44:
 * value[i] (len[i] bytes; NULL when absent) for i = OOJWT_SECRET_INBOX,
 * _OUTBOX, _SESSION, _BROWSER, then OOJWT_SECRET_OTHER_STORAGE
 * (storage.fs.secretString). Caller-owned; read, never copied.
 */
#define OOJWT_SECRET_OTHER_STORAGE 4
#define OOJWT_SECRET_OTHERS 5
typedef struct {
	const unsigned char *value[OOJWT_SECRET_OTHERS];
	size_t len[OOJWT_SECRET_OTHERS];
} oojwt_secret_others;
/* oojwt_secret_explain() that also tries `others` (NULL: none). */
int oojwt_secret_explain_ex(oojwt_secret_report *r, const char *token,
	size_t len, const unsigned char *secret, size_t secret_len,
	const oojwt_secret_others *others);
/* "as-is", "trimmed", ... for a variant index; NULL otherwise. */
const char *oojwt_secret_variant_name(int v);

/*
 * Two secrets side by side.
 *
 * oojwt_secret_compare() answers "these look the same, why do they not
 * match?": for each secret its length in bytes and in characters (code
 * points of its UTF-8; a byte that is not UTF-8 counts as one), and every
 * character a person cannot see or can mistake for another, with its
 * place: spaces, tabs, CR, LF and other controls, no-break and other
 * Unicode spaces (category Zs), zero-width and direction characters
 * (category Cf: U+200B-U+200F, U+202A-U+202E, U+2060-U+2064,
 * U+2066-U+2069, U+FEFF, U+00AD), quotes (ASCII and typographic),
 * Cyrillic and Greek letters that look like Latin ones, fullwidth ASCII
 * and dashes -- the look-alikes of the Unicode confusables table (UTS
 * #39, confusables.txt) that map to one ASCII character --, bytes that
 * are not UTF-8 and U+FFFD. Then whether they are equal (compared in
 * constant time), the first difference, whether they are equal once
 * cleaned (look-alikes read as their ASCII letter, invisible characters
 * dropped, blanks and one pair of quotes removed at the ends), and, when
 * a token is given, which of them verifies its HS256/384/512 signature
 * (each tried as Document Server does, in constant time).
 *
 * The result holds no secret bytes: marks say where and what, not the
 * text around them. Work buffers are wiped before they are freed. The
 * equality and the place of the first difference are computed in
 * constant time; naming the characters (the marks, the cleaned forms)
 * reads each one and is not: it describes text the user pasted, for the
 * user.
 */
#define OOJWT_COMPARE_MAX_MARKS 64
/* Kinds of a marked character (oojwt_secret_mark_kind_name()). */
enum {
	OOJWT_MARK_SPACE = 1,      /* U+0020 */
	OOJWT_MARK_TAB,            /* U+0009 */
	OOJWT_MARK_CR,             /* U+000D */
	OOJWT_MARK_LF,             /* U+000A */
	OOJWT_MARK_CONTROL,        /* other C0 controls, DEL, C1 controls */
	OOJWT_MARK_NBSP,           /* U+00A0, U+202F */
	OOJWT_MARK_OTHER_SPACE,    /* the other Zs spaces */
	OOJWT_MARK_ZERO_WIDTH,     /* U+200B-U+200D, U+2060-U+2064, U+FEFF, U+00AD */
	OOJWT_MARK_BIDI,           /* U+200E, U+200F, U+202A-U+202E, U+2066-U+2069 */
	OOJWT_MARK_QUOTE,          /* " ' ` and typographic quotes */
	OOJWT_MARK_HOMOGLYPH,      /* a Cyrillic or Greek letter like a Latin one */
	OOJWT_MARK_FULLWIDTH,      /* U+FF01-U+FF5E */
	OOJWT_MARK_DASH,           /* U+2010-U+2015, U+2212 */
	OOJWT_MARK_INVALID_UTF8,   /* a byte that starts no valid UTF-8 */
	OOJWT_MARK_REPLACEMENT     /* U+FFFD: a character lost in a conversion */
};
typedef struct {
	size_t byte;         /* offset of its first byte */
	size_t index;        /* its place in characters, from 0 */
	unsigned long cp;    /* code point; the byte's value for INVALID_UTF8 */
	int kind;            /* OOJWT_MARK_* */
	char looks_like;     /* the ASCII character it passes for, or 0 */
} oojwt_secret_mark;
typedef struct {
	size_t bytes, chars;
	int utf8;            /* 1 when the whole secret is valid UTF-8 */
	size_t n_marks;      /* marks kept (at most OOJWT_COMPARE_MAX_MARKS) */
	size_t more_marks;   /* marks past the limit, counted only */
	oojwt_secret_mark marks[OOJWT_COMPARE_MAX_MARKS];
} oojwt_secret_side;
typedef struct {
	oojwt_secret_side a, b;
	int equal;           /* same bytes */
	int equal_cleaned;   /* same once cleaned (see above) */
	/* The first difference when !equal: its byte offset and character
	 * index (the same in both, as everything before it is equal), the
	 * code point at that place in each (-1: the secret ends there; a
	 * byte that is not UTF-8 is given as its value), and whether the two
	 * are ASCII characters people confuse (0 O o, 1 l I |). */
	size_t diff_byte, diff_index;
	long diff_a, diff_b;
	int diff_a_invalid, diff_b_invalid; /* 1: that code point is a byte */
	int diff_confusable;
	/* -1: no token given, or not an HS256/384/512 token with a signature
	 * of its length; else bit 0 set when `a` verifies it, bit 1 when `b`. */
	int verifies;
} oojwt_secret_comparison;

/*
 * Compare secret `a` (`a_len` bytes) with secret `b` (`b_len` bytes)
 * into `r` (caller-allocated, filled whole). `token` (`token_len` bytes)
 * may be NULL. Returns OOJWT_OK, OOJWT_ERR_BAD_ARGUMENT (NULL with a
 * length) or OOJWT_ERR_NO_MEMORY.
 */
int oojwt_secret_compare(oojwt_secret_comparison *r, const unsigned char *a,
	size_t a_len, const unsigned char *b, size_t b_len, const char *token,
	size_t token_len);
/* "space", "tab", "cr", "lf", "control", "nbsp", "other_space",
 * "zero_width", "bidi", "quote", "homoglyph", "fullwidth", "dash",
 * "invalid_utf8", "replacement"; NULL otherwise. */
const char *oojwt_secret_mark_kind_name(int kind);
/* 1 when `key` (`key_len` bytes) makes the signature of the HS256/384/512
 * token `token` (as Document Server compares it, in constant time); 0
 * when not; -1 when the token is no HS token with a signature of its
 * algorithm's length. */
int oojwt_secret_signs(const char *token, size_t token_len,
	const unsigned char *key, size_t key_len);

/*
 * Server configuration.
 *
 * oojwt_server_config_read() reads Document Server's JWT settings as the
 * server does (7.2 to 9.3; Common/config/default.json, utils.js
 * getSecretByElem, and the Docker image's run-document-server.sh):
 *
 *   - `local` is the text of local.json, or -- when it does not start
 *     with '{' -- Docker settings: lines NAME=value (env file, `export`,
 *     `-e`), `- NAME=value` (compose list; quotes stay part of the value)
 *     or `NAME: value` (compose map; YAML quotes removed) for JWT_ENABLED,
 *     JWT_SECRET, JWT_HEADER, JWT_IN_BODY. They are turned into the
 *     local.json run-document-server.sh writes: JWT_ENABLED (default
 *     true) must be exactly "true" to enable the three flags, JWT_SECRET
 *     goes to every secret (absent: a random secret per start, reported
 *     with source OOJWT_SECRET_SOURCE_UNKNOWN), JWT_HEADER (default
 *     Authorization) to both headers, SECURE_LINK_SECRET to
 *     storage.fs.secretString (absent: a random one per start); a
 *     `docker run` / `docker create` command (continuation lines
 *     joined, words unquoted as the shell does) is read for its `-e` /
 *     `--env` NAME=value words. Docker forms carry the finding
 *     config_from_env. Form OOJWT_CONFIG_DOCKER;
 *   - one line that is neither JSON nor such settings is a secret pasted
 *     in the wrong box: one finding, config_is_secret, and nothing else
 *     is read (no defaults: every secret has source NONE, the flags are
 *     0, the strings NULL). Form OOJWT_CONFIG_SECRET;
 *   - a JSON object that is a part of local.json, as
 *     `json -f local.json services.CoAuthoring.secret` (or `.token`,
 *     `.secret.inbox`, `services.CoAuthoring`) prints it, is read at that
 *     place, with the finding config_fragment. Form
 *     OOJWT_CONFIG_FRAGMENT;
 *   - `defaults` is the text of default.json, or NULL for the values
 *     default.json ships (section 1.2-1.3: flags off, secrets "secret",
 *     header Authorization, prefix "Bearer ", outbox HS256 / "5m",
 *     verifyOptions {clockTolerance: 60}, tokenRequiredParams true);
 *   - the two are merged as node-config does (objects member by member,
 *     anything else replaces; a repeated member keeps its last value);
 *   - each secret is resolved string-then-file (getSecretByElem): a
 *     truthy `string` wins, else a truthy `file` (read raw by the
 *     server; oojwt only reports the path), else none;
 *   - flags are JavaScript truthiness of the merged value.
 *
 * Findings (codes): default_secret_wins, default_secret,
 * browser_secret_ignored, key_no_effect (inBody, secretFromInbox,
 * secret.*.tenants, JWT_IN_BODY), flag_is_string, short_secret,
 * secret_quotes, secret_spaces, secret_docker_unsafe, no_secret,
 * secret_from_file, tokens_disabled, example_config_section,
 * tolerance_not_number, docker_flag_not_true, docker_random_secret,
 * duplicate_last_wins, and bad_json / not_an_object when local.json
 * cannot be read (the defaults are then reported). Each member of the
 * effective token.verifyOptions is reported with what jsonwebtoken does
 * with it (verify_algorithms, verify_clock_tolerance,
 * verify_clock_timestamp, verify_ignore_expiration,
 * verify_ignore_not_before, verify_max_age, verify_audience,
 * verify_issuer, verify_subject, verify_jwtid, verify_nonce,
 * verify_complete, verify_other_option): info for what it requires of
 * tokens, a warning for what makes DS accept more, an error for a
 * value that jsonwebtoken refuses or that fails every token.
 */
#define OOJWT_SECRET_KINDS    4
#define OOJWT_SECRET_INBOX    0  /* config tokens, commands, conversion */
#define OOJWT_SECRET_OUTBOX   1  /* callbacks and downloads by DS */
#define OOJWT_SECRET_SESSION  2  /* session tokens */
#define OOJWT_SECRET_BROWSER  3  /* not read since 7.2 */

#define OOJWT_SECRET_SOURCE_NONE    0
#define OOJWT_SECRET_SOURCE_STRING  1
#define OOJWT_SECRET_SOURCE_FILE    2
#define OOJWT_SECRET_SOURCE_UNKNOWN 3  /* Docker's random secret */

#define OOJWT_CONFIG_JSON     0
#define OOJWT_CONFIG_DOCKER   1
#define OOJWT_CONFIG_SECRET   2  /* one line that is a secret: nothing read */
#define OOJWT_CONFIG_FRAGMENT 3  /* a part of local.json (json -f ... PATH) */

/* "inbox", "outbox", "session", "browser"; "none", "string", "file",
 * "unknown"; NULL for other values. */
const char *oojwt_secret_kind_name(int kind);
const char *oojwt_secret_source_name(int source);

/* One resolved secret: `value` (value_len bytes, NUL-terminated) for a
 * string, `file` (NUL-terminated path) for a file; NULL otherwise. */
typedef struct {
	int source;
	const char *value;
	size_t value_len;
	const char *file;
} oojwt_cfg_secret;

/*
 * The effective settings. Caller-allocated; the strings point into
 * memory owned by the struct, released (after wiping, since it holds
 * secrets) by oojwt_server_config_free(). Header/prefix/algorithm/
 * expires are NULL when the merged value is not a string.
 * verify_options is the compact JSON text of token.verifyOptions (NULL
 * when absent).
 */
typedef struct {
	int form;                /* OOJWT_CONFIG_JSON, _DOCKER, _SECRET, _FRAGMENT */
	int own_defaults;        /* 1 when `defaults` was used */
	oojwt_cfg_secret secrets[OOJWT_SECRET_KINDS];
	int enabled_browser, enabled_inbox, enabled_outbox;
	int token_required_params;
	const char *inbox_header, *inbox_prefix;
	const char *outbox_header, *outbox_prefix;
	const char *outbox_algorithm, *outbox_expires;
	char *verify_options;
	size_t verify_options_len;
	int docker_random_secret;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
	void *tree;              /* the merged configuration (internal) */
	/* storage.fs.secretString (the secure link secret, default.json:
	 * "verysecretstring"; Docker: SECURE_LINK_SECRET): source
	 * OOJWT_SECRET_SOURCE_STRING with its value, _NONE when the merged
	 * value is not a non-empty string, _UNKNOWN for Docker settings
	 * without SECURE_LINK_SECRET (a random one per container start). */
	oojwt_cfg_secret storage_secret;
} oojwt_server_config;

/*
 * Read the configuration (`local`, `local_len` bytes; `defaults`,
 * `defaults_len` bytes or NULL) into `c`. Returns OOJWT_OK -- an
 * unreadable local.json is a finding, not a failure --,
 * OOJWT_ERR_BAD_ARGUMENT or OOJWT_ERR_NO_MEMORY (then `c` holds nothing).
 */
int oojwt_server_config_read(oojwt_server_config *c, const char *local,
	size_t local_len, const char *defaults, size_t defaults_len);
/* Release (after wiping) what `c` owns; safe twice. */
void oojwt_server_config_free(oojwt_server_config *c);

/*
 * Editor config inspection.
 *
 * oojwt_config_inspect() takes the config a page passes to
 * DocsAPI.DocEditor (JSON text, with or without `token`) and judges it
 * in the order of DocService's auth(): a missing token when browser
 * tokens are required (4006, "jwt must be provided"); the token through
 * oojwt_ds_verify() with the inbox secret (4006 / 4005, or no close
 * code, also for a false-like payload: "not authorized"); the
 * connection's key (8.2+: the page's document.key outside 0-9 a-z A-Z
 * - . _ =, empty, or 'docId', constants.DEFAULT_DOC_ID: 4004, with or
 * without a token); the token kind, by JavaScript truthiness (a truthy
 * fileInfo: WOPI; editorConfig.ds_sessionTimeConnect present: reconnect;
 * a truthy version: history; else opening). An opening token: the
 * fields required since 7.1 (document.key, document.permissions when the
 * config has them, document.url, editorConfig.callbackUrl when the
 * config has one, editorConfig.mode unless view), 4006 with
 * token_required_params; then fillDataFromJwt: document.permissions
 * deep-equal to the config's (4004) and no truthy top-level url, payload
 * or key (4004). The other kinds open too, as DS lets them (a warning,
 * not_an_opening_token, says with what): a reconnect token goes through
 * fillDataFromJwt without the required fields; a history token opens
 * read-only with the key and url from its top level (ok 0 without
 * them); a WOPI token opens with fileInfo's details, unless it has a
 * userAuth object, which DS reads as a WOPI callback it has no session
 * for: 4007. The effective config is the config with the token's values
 * written over it (key, fileType, title, url, callbackUrl, lang, mode
 * unless the page asks for view, coEditing, user; for a history token
 * key, url, mode view and coEditing strict; for a WOPI token key,
 * fileType, title, the permissions fileInfo gives, user id and name,
 * lang) when the token opens the editor.
 *
 *   ok            1 when the editor opens
 *   close_code    4004 / 4005 / 4006 / 4007, 0 when none
 *   editor_error  -23 / -21 / -20 (sdkjs c_oAscError.ID), 0 when none
 *                 (and for 4007)
 *   message       the editor's sentence, with the server's reason
 *   params        its params (code config_verdict: frame, reason, field,
 *                 serverMessage, errorName, alert, token), a JSON object
 *                 text
 *   token_kind    OOJWT_TOKEN_*
 *   token_text    the config's token (NUL-terminated), NULL when none
 *   ds            the DS-profile verdict on it (when has_ds)
 *   effective     the effective config, compact JSON (NUL-terminated)
 *   findings      severity, code, path ("token.document.key", ...),
 *                 message, fix; codes token_missing,
 *                 missing_required_field, permissions_differ,
 *                 token_invalid_format, bad_document_key,
 *                 not_an_opening_token, payload_wrapper, and the DS
 *                 profile's failure code (expired, bad_signature,
 *                 falsy_payload, ...);
 *                 when the editor opens, user_not_signed (the config's
 *                 editorConfig.user id/name/group is not in the token:
 *                 the page sets it unsigned) and user_differs (the
 *                 token's user.* wins over the page's);
 *                 then the config's own checks (api.js and the docs):
 *                 missing_config_field, bad_document_type, bad_file_type,
 *                 file_type_mismatch, file_type_case, key_too_long,
 *                 bad_document_key (not a string), url_not_absolute,
 *                 callback_unreachable (localhost, private or
 *                 single-label hosts), user_id_too_long,
 *                 config_has_secret. When api.js itself refuses the
 *                 config (an alert: no editor is created), the verdict
 *                 says so with no close code.
 */
#define OOJWT_TOKEN_NONE      0
#define OOJWT_TOKEN_OPENING   1
#define OOJWT_TOKEN_WOPI      2
#define OOJWT_TOKEN_RECONNECT 3
#define OOJWT_TOKEN_HISTORY   4

/* "none", "opening", "wopi", "reconnect", "history"; NULL otherwise. */
const char *oojwt_token_kind_name(int kind);

/*
 *   now                    seconds since the epoch
 *   clock_tolerance        seconds (DS: verifyOptions.clockTolerance, 60)
 *   enable_browser         token.enable.browser
 *   token_required_params  server.tokenRequiredParams (default 1)
 *   server_version         the server's version, major * 100 + minor (801
 *                          for 8.1); 0 for the newest rules. Before 8.2 a
 *                          config with any editorConfig.mode (view too)
 *                          needs it in the token, and reconnect tokens are
 *                          told by editorConfig.ds_view; before 8.3 a
 *                          token with a version is not a history token.
 *   no_secret              1: the server has no inbox secret (source
 *                          OOJWT_SECRET_SOURCE_NONE): every token fails as
 *                          oojwt_ds_opts.no_secret says; the secret given
 *                          is not used.
 *   verify_options         NULL, or the JSON text (verify_options_len
 *                          bytes) of token.verifyOptions: what
 *                          oojwt_ds_opts.verify_options says (it then
 *                          replaces clock_tolerance). With complete, DS's
 *                          decoded value is {header, payload, signature}:
 *                          the config is judged against that.
 *   connector              the connector that signed the config: n + 1
 *                          for row n (oojwt_connector_at()), whose
 *                          signing the token is judged by; 0 to tell it
 *                          from the config's shape (the paths of
 *                          document.url and callbackUrl, the claims: a
 *                          connector_recognised finding with a confidence,
 *                          used when high); -1 for no connector checks
 */
typedef struct {
	double now;
	double clock_tolerance;
	int enable_browser;
	int token_required_params;
	int server_version;
	int no_secret;
	const char *verify_options;
	size_t verify_options_len;
	int connector;
} oojwt_inspect_opts;

/* The connector that signed a config or request: its row + 1 (0: none
 * named or told), the confidence it was told with from the shape
 * (OOJWT_CONFIDENCE_*; 0 when named), used 1 when the token was judged as
 * it signs. */
typedef struct {
	int connector;
	int confidence;
	int used;
} oojwt_sender;

/* How sure the connector told from a config's or request's shape is. */
#define OOJWT_CONFIDENCE_LOW    1  /* claims alone fit it (and a few more) */
#define OOJWT_CONFIDENCE_MEDIUM 2  /* a path of its URLs, claims unlike */
#define OOJWT_CONFIDENCE_HIGH   3  /* a path of its URLs, claims alike */
/* "low", "medium", "high"; NULL otherwise. */
const char *oojwt_confidence_name(int confidence);

/*
 * A Document Server version as people write it ("8.1", "7.3.3",
 * "9.0.0.123": a major of 1 to 999, a minor of at most two digits, then
 * any number of ".digits"), `len` bytes, as the server_version above:
 * major * 100 + minor. 0 for anything else (blanks, a major of 0,
 * letters, "8", "8.", "8.123", "1000.1"). The one parser behind
 * inspectConfig's serverVersion and `--server-version`.
 */
int oojwt_ds_version_parse(const char *s, size_t len);

typedef struct {
	int ok;
	int close_code;
	int editor_error;
	char message[OOJWT_MESSAGE_LEN];
	char params[OOJWT_PARAMS_LEN]; /* the message's (code config_verdict) */
	int token_kind;
	const char *token_text;
	int has_ds;
	oojwt_ds_result ds;
	char *effective;
	size_t effective_len;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
	char alert[OOJWT_MESSAGE_LEN]; /* api.js's alert text, "" when none */
	void *tree;  /* the parsed config (internal) */
	oojwt_sender sender; /* the connector that signed it */
} oojwt_config_report;

/*
 * Inspect `config` (`len` bytes of JSON) with the inbox `secret`.
 * Returns OOJWT_OK (an unreadable config is a finding),
 * OOJWT_ERR_BAD_ARGUMENT or OOJWT_ERR_NO_MEMORY (then `r` holds nothing).
 * Free with oojwt_config_report_free() (safe twice).
 */
int oojwt_config_inspect(oojwt_config_report *r, const char *config,
	size_t len, const unsigned char *secret, size_t secret_len,
	const oojwt_inspect_opts *opts);
void oojwt_config_report_free(oojwt_config_report *r);

/*
 * Sign an editor config (section 2, signConfig): the payload is the
 * whole config without its `token` (OOJWT_SIGN_CONFIG_ALL, what the
 * official integrations do), or only the fields the server requires
 * (OOJWT_SIGN_CONFIG_REQUIRED: document.key, document.permissions,
 * document.url, editorConfig.callbackUrl, editorConfig.mode unless
 * view, each when the config has it), plus `iat` and `exp` when not
 * NULL. The header is {"alg":..., "typ":"JWT"}; `alg` an HS algorithm.
 * On success *token is a malloc'd NUL-terminated token (free() it) of
 * *token_len bytes. On error returns its code (bad_json, not_an_object,
 * bad_argument when the required fields are missing, empty_key, ...)
 * with a sentence in `err`.
 */
#define OOJWT_SIGN_CONFIG_ALL      0
#define OOJWT_SIGN_CONFIG_REQUIRED 1
int oojwt_config_sign(char **token, size_t *token_len, const char *config,
	size_t len, const unsigned char *secret, size_t secret_len, unsigned alg,
	int fields, const double *iat, const double *exp, oojwt_issue *err);

/*
 * Every token the editor page sends.
 *
 * Besides the editor config, Document Server checks the tokens of the
 * methods an integration calls on the open editor, each with
 * secret.inbox and the same verifyOptions, each with its own payload
 * (the method's argument itself, not wrapped):
 *
 *   OOJWT_BROWSER_CONFIG      the DocsAPI.DocEditor config: the socket's
 *                             auth (DocsCoServer.js auth); also WOPI and
 *                             reconnect tokens
 *   OOJWT_BROWSER_REFRESH     refreshFile: a new config for the open
 *                             editor, checked as the config is
 *   OOJWT_BROWSER_IMAGE       insertImage: {c, images: [{fileType, url}]}
 *                             or one {fileType, url}; the "imgurls"
 *                             command (canvasservice.js commandImgurls)
 *                             reads images[].url, else url
 *   OOJWT_BROWSER_HISTORY     setHistoryData: {version, key, url,
 *                             changesUrl, previous {key, url}}; the
 *                             socket's auth, branch decoded.version (8.3+,
 *                             fillVersionHistoryFromJwt)
 *   OOJWT_BROWSER_REVISED     setRevisedFile {fileType, url}
 *   OOJWT_BROWSER_DOCUMENT    setRequestedDocument {c, fileType, url}
 *   OOJWT_BROWSER_SPREADSHEET setRequestedSpreadsheet {c, fileType, url}
 *   OOJWT_BROWSER_REFERENCE   setReferenceData / setReferenceSource
 *                             {fileType, key, path, referenceData, url}
 *   OOJWT_BROWSER_MAIL_MERGE  setMailMergeRecipients {fileType, url}
 *                             (these five reach DS as the tokenDownload
 *                             of a downloadAs request: canvasservice.js
 *                             downloadAs reads fileType and url; the
 *                             reference's key is read by DocsCoServer.js
 *                             saveRelativeFromChanges)
 *   OOJWT_BROWSER_DOWNLOAD    the token of a /downloadfile/ link
 *                             (canvasservice.js downloadFile, through
 *                             getRequestParams: the query's token):
 *                             changesUrl, document {url, fileType} or
 *                             {url, fileType}, the type in
 *                             downloadFileAllowExt (pdf, xlsx)
 *
 * oojwt_browser_kind_guess() says which kind a payload is, from its
 * members alone: a kind and a confidence -- certain (a member only that
 * kind has: images, version, referenceData, fileInfo, ...), likely (the
 * shape fits one kind best: a config with document/editorConfig, which
 * refreshFile shares; {fileType: "png", url} of insertImage's single
 * form), ambiguous (the shape fits several equally: {fileType: "docx",
 * url} is setRevisedFile's and setRequestedDocument's) or unknown --
 * with the candidates.
 */
#define OOJWT_BROWSER_CONFIG      0
#define OOJWT_BROWSER_REFRESH     1
#define OOJWT_BROWSER_IMAGE       2
#define OOJWT_BROWSER_HISTORY     3
#define OOJWT_BROWSER_REVISED     4
#define OOJWT_BROWSER_DOCUMENT    5
#define OOJWT_BROWSER_SPREADSHEET 6
#define OOJWT_BROWSER_REFERENCE   7
#define OOJWT_BROWSER_MAIL_MERGE  8
#define OOJWT_BROWSER_DOWNLOAD    9
#define OOJWT_BROWSER_KINDS       10

#define OOJWT_KIND_CERTAIN   0
#define OOJWT_KIND_LIKELY    1
#define OOJWT_KIND_AMBIGUOUS 2
#define OOJWT_KIND_UNKNOWN   3

/* The kind's name ("config", "refreshFile", "insertImage",
 * "setHistoryData", "setRevisedFile", "setRequestedDocument",
 * "setRequestedSpreadsheet", "setReferenceData",
 * "setMailMergeRecipients", "downloadFile"), a label for people, what DS
 * reads from it and what it ignores (sentences); NULL for other values. */
const char *oojwt_browser_kind_name(int kind);
const char *oojwt_browser_kind_label(int kind);
const char *oojwt_browser_kind_reads(int kind);
const char *oojwt_browser_kind_ignores(int kind);
/* The kind named `name` (`len` bytes; setReferenceSource is
 * setReferenceData), -1 for none. */
int oojwt_browser_kind_parse(const char *name, size_t len);
/* "certain", "likely", "ambiguous", "unknown"; NULL otherwise. */
const char *oojwt_kind_confidence_name(int confidence);

/*
 *   kind         the best kind, -1 when unknown
 *   confidence   OOJWT_KIND_*
 *   candidates   bit k set when kind k fits (the best one included)
 *   why          the members that decided, as a sentence
 *   why_key      that sentence's name (a static string: "c_url",
 *                "sheet_url", "none", ...), NULL before a guess
 *   why_params   its params (code token_kind_why: reason = why_key,
 *                fileType, action), a JSON object text
 *   file_type    the payload's fileType when it is a string ("" else),
 *                cut to fit: the value `why` may quote
 */
typedef struct {
	int kind;
	int confidence;
	unsigned candidates;
	char why[OOJWT_MESSAGE_LEN];
	const char *why_key;
	char why_params[OOJWT_PARAMS_LEN];
	char file_type[64];
} oojwt_kind_guess;

/*
 * Guess the kind of `text` (`len` bytes): a payload as JSON text (it
 * starts with '{' after blanks), or a token, whose payload is read
 * without checking its signature. Returns OOJWT_OK (a text that is
 * neither gives OOJWT_KIND_UNKNOWN), OOJWT_ERR_BAD_ARGUMENT or
 * OOJWT_ERR_NO_MEMORY.
 */
int oojwt_browser_kind_guess(oojwt_kind_guess *g, const char *text,
	size_t len);

/*
 * How DS checks a token of a kind, and where it answers:
 *   OOJWT_CHANNEL_SOCKET        the socket's auth: close code 4006 / 4005
 *                               (editor -20 / -21)
 *   OOJWT_CHANNEL_IMGURLS       the imgurls command: error VKEY_ENCRYPT
 *                               (-121), which sdkjs maps to -20, for
 *                               every failure (expiry too)
 *   OOJWT_CHANNEL_DOWNLOAD_AS   /downloadas/: HTTP 403, the file is not
 *                               loaded
 *   OOJWT_CHANNEL_DOWNLOAD_FILE /downloadfile/: HTTP 403
 */
#define OOJWT_CHANNEL_SOCKET        0
#define OOJWT_CHANNEL_IMGURLS       1
#define OOJWT_CHANNEL_DOWNLOAD_AS   2
#define OOJWT_CHANNEL_DOWNLOAD_FILE 3
/* "socket", "imgurls", "downloadAs", "downloadFile"; NULL otherwise. */
const char *oojwt_channel_name(int channel);
/* The channel a kind's token travels on; -1 for other values. */
int oojwt_browser_kind_channel(int kind);

/*
 *   kind            the kind to judge by; -1 to take the guess (the first
 *                   candidate when ambiguous)
 *   now, clock_tolerance, enable_browser, token_required_params,
 *   server_version, verify_options, verify_options_len
 *                   as oojwt_inspect_opts
 */
typedef struct {
	int kind;
	double now;
	double clock_tolerance;
	int enable_browser;
	int token_required_params;
	int server_version;
	const char *verify_options;
	size_t verify_options_len;
} oojwt_browser_opts;

/*
 *   guess          oojwt_browser_kind_guess() of the token
 *   kind, chosen   the kind judged, 1 when the caller chose it
 *   ok             1 when DS does what the method asks
 *   checked        0 when DS does not look at the token (insertImage
 *                  with token.enable.browser off)
 *   channel        OOJWT_CHANNEL_*
 *   close_code     4006 / 4005 / 4004 on the socket, 0 otherwise
 *   editor_error   -20 / -21 / -23 (sdkjs c_oAscError.ID), 0 when none
 *   server_error   -121 (VKEY_ENCRYPT) on imgurls, 0 otherwise
 *   http_status    403 on the download channels, 0 otherwise
 *   message        the outcome as a sentence
 *   params         its params (code browser_verdict: outcome, reason,
 *                  serverMessage, kind), a JSON object text
 *   ds             the DS-profile verdict (when has_ds)
 *   findings       the DS profile's failure code (expired, bad_signature,
 *                  ...), kind_ambiguous, kind_mismatch (the chosen kind
 *                  has none of its members), missing_token_field,
 *                  bad_token_field, url_not_absolute, token_not_checked,
 *                  token_invalid_format, not_an_opening_token
 */
typedef struct {
	oojwt_kind_guess guess;
	int kind;
	int chosen;
	int ok;
	int checked;
	int channel;
	int close_code;
	int editor_error;
	int server_error;
	int http_status;
	char message[OOJWT_MESSAGE_LEN];
	char params[OOJWT_PARAMS_LEN];
	int has_ds;
	oojwt_ds_result ds;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
} oojwt_browser_report;

/*
 * Judge `token` (`len` bytes) with the inbox `secret` as DS judges a
 * token of its kind. Returns OOJWT_OK, OOJWT_ERR_BAD_ARGUMENT (a kind out
 * of range) or OOJWT_ERR_NO_MEMORY (then `r` holds nothing). Free with
 * oojwt_browser_report_free() (safe twice).
 */
int oojwt_browser_inspect(oojwt_browser_report *r, const char *token,
	size_t len, const unsigned char *secret, size_t secret_len,
	const oojwt_browser_opts *opts);
void oojwt_browser_report_free(oojwt_browser_report *r);

/*
 * Requests and callbacks.
 *
 * oojwt_request_inspect() judges one HTTP request carrying a token as its
 * receiver does (DocService's getRequestParams and the connectors'
 * callback handlers):
 *
 *   kind OOJWT_REQUEST_CALLBACK    Document Server -> the integrator's
 *                                  callbackUrl, judged as the connectors
 *                                  do (Nextcloud, the Node example): outbox
 *                                  secret and header
 *   kind OOJWT_REQUEST_DOWNLOAD    Document Server -> the integrator's
 *                                  document.url (a GET: FileConverter
 *                                  converter.js downloadFile signs
 *                                  {payload: {url}} with the outbox secret
 *                                  into the outbox header), judged as the
 *                                  connectors' download handlers do
 *   kind OOJWT_REQUEST_COMMAND,    the integrator -> CommandService,
 *        _CONVERTER, _DOCBUILDER   ConvertService, docbuilder, judged as
 *                                  getRequestParams() (7.1+) does: inbox
 *                                  secret and header
 *
 * The request is `req` (`len` bytes) in one of two forms:
 *   OOJWT_REQUEST_RAW    the text of an HTTP request: an optional request
 *                        line (METHOD TARGET [VERSION]), header lines
 *                        "Name: value" (folded lines joined), an empty
 *                        line, the body; text that starts with '{' is a
 *                        JSON object: {headers, body, method, url} when it
 *                        has only such members and at least headers or
 *                        body, else the body alone
 *   OOJWT_REQUEST_PARTS  that JSON object: "headers" an object of
 *                        name -> string (or array of strings) or an array
 *                        of [name, value] pairs; "body" a string (the raw
 *                        body), any other JSON value (its JSON text) or
 *                        null; "url"/"method" optional strings
 * Repeated headers are combined as Node does (Authorization and the other
 * single-valued ones: the first; others joined with ", "); names are
 * matched without regard to case.
 *
 * Where the token is looked for, in the receiver's order: the body parsed
 * as JSON (JSON.parse; when it is not JSON, the URL's query parameters),
 * member `token` when truthy -- and then only that one --; else the
 * configured header (`header`, default Authorization), whose value must
 * start with `prefix` (default "Bearer ") exactly. Every token found is
 * verified with oojwt_ds_verify() (the secret, `clock_tolerance`, `now`),
 * also those the receiver ignores (a header token behind a body token, a
 * token in another header), so the report can say which one counts.
 *
 * The outcome (verdict):
 *   command      {"error":0}; 6 no or invalid token; 7 expired; 1 key
 *                missing or not a string (and c is not "version")
 *   converter,   error -8 for any token failure; -7 when key or filetype
 *   docbuilder   has characters the service refuses (converter)
 *   callback     200 {"error":0}; 403 {"message":"Access denied"} when the
 *                token is missing, invalid or expired
 * With `enabled` 0 (token.enable.request.inbox off) the inbox services
 * check no token. `token_required_params` (server.tokenRequiredParams)
 * makes them use only the signed data; the effective body is what the
 * receiver acts on: inbox -- {} (or the plain params) with the decoded
 * token, then its `payload`, then its `query` assigned over it; callback
 * -- the body token's payload, or the header token's `payload` member.
 * A callback header token of 7168 characters or more is one DS trims
 * (changesurl and history dropped from the header copy only).
 *
 * Findings (severity, code, path, message, fix): token_missing,
 * wrong_prefix, token_in_other_header, body_token_wins,
 * unsigned_fields_ignored, header_token_trimmed, header_too_large,
 * body_not_json, bad_request_field, http_unreadable, payload_wrapper,
 * payload_double_encoded, payload_not_object, tokens_disabled,
 * alg_not_allowed (a callback token other than HS256: the connectors
 * take HS256 only), and the DS profile's failure code of the token that
 * counts (expired, bad_signature, ...; malformed for a `token` member
 * that is not a string: "jwt must be a string").
 */
/*
 * One connector's decision on a callback (oojwt_request_inspect() with
 * kind OOJWT_REQUEST_CALLBACK fills one per connector asked for):
 *   connector      its row
 *   accepted       1 accepted, 0 refused, -1 not known (a token the
 *                  library's behaviour is not modelled for)
 *   code           OOJWT_OK or why it refuses (as oojwt_library_verify,
 *                  plus OOJWT_FIND_TOKEN_MISSING when it finds no token
 *                  where it looks)
 *   place          where it found the token (OOJWT_PLACE_BODY / _HEADER),
 *                  -1 when nowhere
 *   leeway         the seconds it allowed
 *   http_status    its answer: 200 when accepted; on refusal its status
 *                  (500 for a php-jwt 7 key error it does not catch), 0
 *                  when not documented
 *   library_message the library's words
 *   message        a sentence: the decision and why
 *   fix            what to change, on the side that must change
 *   fix_key        the fix's key (the catalogs' words for it: code
 *                  connector_decides, its params "fix")
 *   message_params the params of `message` and `fix` (code
 *                  connector_decides, a JSON object text)
 */
typedef struct {
	int connector;
	int accepted;
	int code;
	int place;
	double leeway;
	int http_status;
	char library_message[OOJWT_MESSAGE_LEN];
	char message[OOJWT_MESSAGE_LEN];
	const char *fix;
	const char *fix_key;
	char message_params[OOJWT_PARAMS_LEN];
} oojwt_connector_verdict;

#define OOJWT_REQUEST_CALLBACK   0
#define OOJWT_REQUEST_COMMAND    1
#define OOJWT_REQUEST_CONVERTER  2
#define OOJWT_REQUEST_DOCBUILDER 3
#define OOJWT_REQUEST_DOWNLOAD   4

#define OOJWT_REQUEST_RAW   0
#define OOJWT_REQUEST_PARTS 1

/* Where a token was found. */
#define OOJWT_PLACE_BODY         0  /* body member "token" */
#define OOJWT_PLACE_QUERY        1  /* query parameter "token" (no JSON body) */
#define OOJWT_PLACE_HEADER       2  /* the configured header, after the prefix */
#define OOJWT_PLACE_OTHER_HEADER 3  /* another header that holds a JWT */

/*
 * The family of a converter output type as Document Server knows it
 * (Common/sources/formatchecker.js getFormatFromString, case-insensitive
 * as String.prototype.toLowerCase is): "document", "presentation",
 * "spreadsheet", "image", "crossplatform", "teamlab", "other" or "draw";
 * NULL for a name it does not know (AVS_OFFICESTUDIO_FILE_UNKNOWN).
 * `s`: `len` bytes of UTF-8.
 */
const char *oojwt_ds_format_family(const char *s, size_t len);

/* "callback", "command", "converter", "docbuilder", "download" / "body",
 * "query",
 * "header", "other-header"; NULL for other values. */
const char *oojwt_request_kind_name(int kind);
const char *oojwt_token_place_name(int place);

/*
 *   kind, form             as above
 *   now                    seconds since the epoch
 *   clock_tolerance        seconds (inbox: verifyOptions.clockTolerance,
 *                          60; callback: the connector's leeway, 0)
 *   enabled                token.enable.request.inbox (inbox kinds) or
 *                          .outbox (callback: 0 only adds a finding)
 *   token_required_params  server.tokenRequiredParams (default 1)
 *   header, header_len     the header name; NULL for "Authorization"
 *   prefix, prefix_len     its prefix; NULL for "Bearer "
 *   connector              callbacks and downloads: OOJWT_CONNECTOR_ALL
 *                          (0) judges the request as every connector row
 *                          does; n + 1 as row n only (oojwt_connector_at());
 *                          inbox kinds: the connector that sent it, as
 *                          oojwt_inspect_opts.connector (0: told from
 *                          the shape; -1: no connector checks)
 *   has_leeway, leeway     callbacks: the connector's leeway in seconds
 *                          instead of each row's default (Nextcloud's
 *                          jwt_leeway)
 *   no_secret              1 (inbox kinds): the server has no inbox secret
 *                          (source OOJWT_SECRET_SOURCE_NONE); every token
 *                          fails as oojwt_ds_opts.no_secret says, and the
 *                          secret given is not used
 *   verify_options         inbox kinds: NULL, or the JSON text
 *                          (verify_options_len bytes) of token.verifyOptions
 *                          (see oojwt_ds_opts; it replaces clock_tolerance,
 *                          and with complete the effective body is built
 *                          from {header, payload, signature} as DS builds
 *                          it); callbacks ignore it
 */
typedef struct {
	int kind;
	int form;
	double now;
	double clock_tolerance;
	int enabled;
	int token_required_params;
	const char *header;
	size_t header_len;
	const char *prefix;
	size_t prefix_len;
	int connector;
	int has_leeway;
	double leeway;
	int no_secret;
	const char *verify_options;
	size_t verify_options_len;
} oojwt_request_opts;

#define OOJWT_CONNECTOR_ALL 0
#define OOJWT_MAX_CONNECTORS 32

#define OOJWT_REQUEST_MAX_TOKENS 4
#define OOJWT_HEADER_NAME_LEN    64

/*
 * One token found: where (place; header_name for header places), whether
 * the receiver acts on it (counts), its text (owned, NUL-terminated,
 * len bytes; NULL when the member was not a string: then has_ds is 0 and
 * server_message says what jsonwebtoken says), the DS-profile verdict.
 */
typedef struct {
	int place;
	char header_name[OOJWT_HEADER_NAME_LEN];
	int counts;
	char *text;
	size_t len;
	int has_ds;
	oojwt_ds_result ds;
} oojwt_request_token;

/*
 *   ok            1 when the receiver acts on the request
 *   http_status   200 or 403
 *   has_error     1 when the answer has an "error" number: error
 *   response      the JSON text of the receiver's answer, "" when it
 *                 depends on the work itself (a conversion)
 *   message       a sentence: the outcome and why
 *   message_code  its code: OOJWT_SAY_REQUEST_ANSWER, or
 *                 OOJWT_SAY_CONNECTOR_DECIDES when one connector is
 *                 asked (its verdict's message); 0 before an answer
 *   message_params its params (a JSON object text)
 *   used          index in tokens of the token that counts, -1 when none
 *   tokens        every token found (at most OOJWT_REQUEST_MAX_TOKENS)
 *   effective     compact JSON of the effective body, NULL when the
 *                 receiver acts on nothing
 *   connectors    callbacks and downloads: each connector's decision
 *                 (n_connectors)
 *   sender        inbox kinds: the connector that sent the request
 */
typedef struct {
	int ok;
	int http_status;
	int has_error;
	int error;
	char response[OOJWT_MESSAGE_LEN];
	char message[OOJWT_MESSAGE_LEN];
	int message_code;
	char message_params[OOJWT_PARAMS_LEN];
	int used;
	size_t n_tokens;
	oojwt_request_token tokens[OOJWT_REQUEST_MAX_TOKENS];
	char *effective;
	size_t effective_len;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
	size_t n_connectors;
	oojwt_connector_verdict connectors[OOJWT_MAX_CONNECTORS];
	oojwt_sender sender;
} oojwt_request_report;

/*
 * Inspect `req` with `secret` (`secret_len` bytes; the inbox secret for
 * inbox kinds, the outbox secret for callbacks). Returns OOJWT_OK (an
 * unreadable request is a finding), OOJWT_ERR_BAD_ARGUMENT or
 * OOJWT_ERR_NO_MEMORY (then `r` holds nothing). The report is big
 * (about 50 KB): allocate it on the heap in small stacks. Free with
 * oojwt_request_report_free() (safe twice).
 */
int oojwt_request_inspect(oojwt_request_report *r, const char *req,
	size_t len, const unsigned char *secret, size_t secret_len,
	const oojwt_request_opts *opts);
void oojwt_request_report_free(oojwt_request_report *r);

/*
 * Connectors: the other side of a callback.
 *
 * Document Server signs each callback with the outbox secret, its own
 * clock (iat = now) and token.outbox.algorithm, and sends it to the
 * connector (Nextcloud, Moodle, ...), whose JWT library then decides.
 * The libraries differ (php-jwt refuses an iat ahead of the receiver's
 * clock, jsonwebtoken does not; php-jwt 7 refuses short keys; most take
 * HS256 only), and so do the connectors: where they look for the token,
 * how they cut the prefix, their leeway. One table row per library
 * version that decides differently, one per connector; every row names
 * its source.
 *
 * oojwt_jwt_library: how one library version verifies an HS token.
 *   alg_rule    OOJWT_LIB_ALG_ONE: only the algorithm the connector
 *               configured (HS256); OOJWT_LIB_ALG_ANY_HS: any HS
 *   iat_rule    OOJWT_LIB_IAT_*: whether iat ahead of now + leeway is
 *               refused
 *   floor       1 when claims are floored before comparing (php-jwt
 *               6.9+, ruby's to_i, java's NumericDate)
 *   exp_strict  1 when expired means now - leeway > exp (java-jwt);
 *               0 for now - leeway >= exp (the others)
 *   key_min     1 when the key must have at least as many bits as the
 *               hash (php-jwt 7: "Provided key is too short")
 *   empty_key   1 when an empty secret is refused before anything else
 *   order       the claim checks in the library's order: 'n' nbf,
 *               'i' iat, 'e' exp
 *   msg_*       the library's own words (exception text); %s in them
 *               is the claim's date, written YYYY-MM-DDTHH:MM:SS and
 *               date_suffix ("+0000" for PHP's DATE_ISO8601, "Z" ...)
 *   exact       1 when the behaviour was run here with the library,
 *               0 when it was read from its source only
 */
#define OOJWT_LIB_ALG_ONE    0
#define OOJWT_LIB_ALG_ANY_HS 1

#define OOJWT_LIB_IAT_NONE         0 /* not checked */
#define OOJWT_LIB_IAT_ALWAYS       1 /* iat > now + leeway (php-jwt < 6.6) */
#define OOJWT_LIB_IAT_UNLESS_NBF   2 /* the same, only without nbf */
#define OOJWT_LIB_IAT_CHECKED      3 /* iat > now + leeway, nbf or not */

typedef struct {
	const char *id;
	const char *name;
	int alg_rule;
	int iat_rule;
	int floor;
	int exp_strict;
	int key_min;
	int empty_key;
	const char *order;
	const char *msg_segments;
	const char *msg_alg;
	const char *msg_key;
	const char *msg_empty_key;
	const char *msg_signature;
	const char *msg_iat;
	const char *msg_nbf;
	const char *msg_exp;
	const char *date_suffix;
	int exact;
	const char *source;
} oojwt_jwt_library;

/*
 * oojwt_connector: how one connector receives DS's callback.
 *   location      OOJWT_CONN_LOC_*: body token first (then the header),
 *                 header first, body only, header only
 *   header_rule   OOJWT_CONN_HDR_*: the configured name in any case, in
 *                 the exact case, as WSGI delivers it (HTTP_NAME: a name
 *                 with '-' is never found), Authorization whatever is
 *                 configured
 *   prefix_rule   OOJWT_CONN_PFX_*: cut 7 characters whatever they are,
 *                 must start with the prefix, prefix optional, every
 *                 occurrence removed and spaces trimmed, the second word
 *                 of the value split on white space
 *   unwrap        1 when a header token's "payload" member is read
 *   leeway        seconds by default; leeway_setting names where an
 *                 admin changes it (NULL: fixed)
 *   trims_secret  1 when the connector's settings page trims the secret
 *                 (Nextcloud, ownCloud, Moodle); 2 when it always does
 *                 (Mattermost, the Go example)
 *   status_first  1 when a callback with status 4 (closed, no changes)
 *                 is answered before the token is checked (Chamilo)
 *   refuse_status the HTTP status of a refusal (0: not documented),
 *   refuse_body   its body, refuse_log the line it logs (or NULL)
 *   library       the index of its library in the library table
 *
 * What it signs when it sends to Document Server (editor configs, and
 * command, conversion and version requests), each as read in the source
 * named by sign_source:
 *   sign_alg       the HS algorithm it signs with (OOJWT_ALG_HS256 for
 *                  all; sign_setting names a setting that changes it)
 *   config_iat     1 when a config token has iat, 0 when not,
 *                  OOJWT_CONN_UNKNOWN when the source does not say
 *   config_exp     a config token's lifetime in seconds (exp - iat, or
 *                  exp - now when it puts no iat); OOJWT_CONN_EXP_NONE (0):
 *                  no exp, the token never expires; OOJWT_CONN_EXP_SOME: an
 *                  exp whose lifetime the source leaves open;
 *                  OOJWT_CONN_UNKNOWN: not known
 *   request_iat, request_exp  the same for requests to Document Server
 *   send           where a request's token goes: OOJWT_CONN_SEND_BODY
 *                  and/or OOJWT_CONN_SEND_HEADER bits; 0 not known
 *   sign_setting   the setting that changes the lifetime or the
 *                  algorithm (NULL: fixed)
 *   sign_source    where the signing was read
 *   download_prefix  how it cuts the prefix of DS's download token
 *                  (OOJWT_CONN_PFX_*); -1: as for callbacks. A download
 *                  is a GET with no body: every connector reads the
 *                  header there.
 *   marks          path fragments of the URLs it puts in a config
 *                  (document.url, editorConfig.callbackUrl), '|' between
 *                  them; NULL when none is known
 * The key length its library needs when signing is the library's
 * key_min (php-jwt 7 checks it in encode() as in decode()).
 */
#define OOJWT_CONN_UNKNOWN  (-2)
#define OOJWT_CONN_EXP_NONE 0
#define OOJWT_CONN_EXP_SOME (-1)

#define OOJWT_CONN_SEND_BODY   1
#define OOJWT_CONN_SEND_HEADER 2

#define OOJWT_CONN_LOC_BODY_FIRST   0
#define OOJWT_CONN_LOC_HEADER_FIRST 1
#define OOJWT_CONN_LOC_BODY_ONLY    2
#define OOJWT_CONN_LOC_HEADER_ONLY  3

#define OOJWT_CONN_HDR_ANY_CASE 0
#define OOJWT_CONN_HDR_EXACT    1
#define OOJWT_CONN_HDR_WSGI     2
#define OOJWT_CONN_HDR_AUTH     3

#define OOJWT_CONN_PFX_CUT      0
#define OOJWT_CONN_PFX_STARTS   1
#define OOJWT_CONN_PFX_OPTIONAL 2
#define OOJWT_CONN_PFX_REPLACE  3
#define OOJWT_CONN_PFX_SPLIT    4

typedef struct {
	const char *id;
	const char *name;
	int library;
	int location;
	int header_rule;
	int prefix_rule;
	int unwrap;
	double leeway;
	const char *leeway_setting;
	int trims_secret;
	int status_first;
	int refuse_status;
	const char *refuse_body;
	const char *refuse_log;
	const char *source;
	unsigned sign_alg;
	int config_iat;
	double config_exp;
	int request_iat;
	double request_exp;
	int send;
	const char *sign_setting;
	const char *sign_source;
	int download_prefix;
	const char *marks;
} oojwt_connector;

/* The tables: their sizes and rows (NULL out of range); a row by id
 * (`len` bytes, exact) or -1. */
size_t oojwt_jwt_library_count(void);
const oojwt_jwt_library *oojwt_jwt_library_at(size_t i);
size_t oojwt_connector_count(void);
const oojwt_connector *oojwt_connector_at(size_t i);
int oojwt_connector_find(const char *id, size_t len);

/*
 * One library's decision on a token (`len` bytes) with `secret`, the
 * algorithm the connector configured (`alg`, an HS bit), `now` and
 * `leeway` seconds:
 *   code     OOJWT_OK (accepted), OOJWT_ERR_MALFORMED, _BAD_HEADER (a
 *            header or payload that is not base64url JSON, or no alg:
 *            refused, in oojwt's words),
 *            _ALG_NOT_ALLOWED, _EMPTY_KEY, OOJWT_WARN_SHORT_KEY (a key
 *            the library refuses), _BAD_SIGNATURE, _BAD_CLAIM (a time
 *            claim that is not a number: not modelled, known 0),
 *            _NOT_YET_VALID, OOJWT_WARN_IAT_IN_FUTURE, _EXPIRED
 *   known    1 when the decision follows the library; 0 when oojwt does
 *            not model what it does with this token
 *   message  the library's words (its exception text)
 *   alg      the token's HS algorithm, 0 when not one
 *   when     the time claim that failed (as the library compared it)
 * Returns OOJWT_OK, or OOJWT_ERR_BAD_ARGUMENT / _NO_MEMORY.
 */
typedef struct {
	int code;
	int known;
	unsigned alg;
	double when;
	char message[OOJWT_MESSAGE_LEN];
} oojwt_library_verdict;

int oojwt_library_verify(oojwt_library_verdict *v,
	const oojwt_jwt_library *lib, unsigned alg, const char *token,
	size_t len, const unsigned char *secret, size_t secret_len, double now,
	double leeway);

/*
 * Connector settings.
 *
 * oojwt_connector_settings_read() reads what an administrator can paste
 * from the connector side and says what it is:
 *
 *   OOJWT_SETTINGS_PHP_CONFIG      Nextcloud / ownCloud config.php text
 *                                  with an 'onlyoffice' => [...] (or
 *                                  array(...)) section: PHP single- and
 *                                  double-quoted strings with their
 *                                  escapes, =>, trailing commas, // # and
 *                                  block comments; values computed at run
 *                                  time (getenv(), concatenation) are
 *                                  reported as unreadable, not guessed
 *   OOJWT_SETTINGS_OCC_GET         `occ config:app:get onlyoffice KEY`
 *                                  command lines, each followed by the
 *                                  line occ printed (the app values)
 *   OOJWT_SETTINGS_OCC_LIST        `occ config:list onlyoffice` JSON
 *                                  ({"apps":{"onlyoffice":{...}}}) or the
 *                                  app's object alone
 *   OOJWT_SETTINGS_MOODLE          mod_onlyofficeeditor settings: lines
 *                                  "name<tab|:|=|=>>value" (admin/cli/
 *                                  cfg.php output, the admin page's list;
 *                                  names may carry "onlyofficeeditor/" or
 *                                  "onlyofficeeditor | "), or its JSON
 *   OOJWT_SETTINGS_MATTERMOST      the plugin's settings in Mattermost's
 *                                  config.json: PluginSettings.Plugins
 *                                  ["com.onlyoffice.mattermost"], or that
 *                                  object alone (names in any case, as
 *                                  Mattermost lower-cases them)
 *
 * Key names are the connectors' own: Nextcloud/ownCloud lib/AppConfig.php
 * (jwt_secret, jwt_header, jwt_leeway, verify_peer_off,
 * DocumentServerUrl, DocumentServerInternalUrl, StorageUrl), Moodle
 * settings.php (documentserverurl, documentserversecret, jwtheader,
 * documentserverinternal, storageurl, disable_verify_ssl), Mattermost
 * server/pkg/configuration/configuration.go (DESAddress, DESJwt,
 * DESJwtHeader, DESJwtPrefix; SanitizeConfiguration TrimSpaces them, so
 * the values are stored trimmed here too).
 *
 * The effective values are the connector's: the header defaults to
 * Authorization (Nextcloud AppConfig jwtHeader, Moodle) or
 * AuthorizationJWT (Mattermost plugin.json); the prefix is what the
 * connector cuts: 7 characters whatever they are for the PHP connectors
 * (substr($header, strlen("Bearer "))), the configured prefix removed
 * anywhere for Mattermost (callback.go); leeway is jwt_leeway cast to an
 * integer (Nextcloud/ownCloud, read from config.php only), 60 for Moodle
 * (jwt_wrapper), -1 when the connector has none; verify_peer_off is PHP
 * truthiness of the value, -1 when unset.
 *
 * Hostile text is read in linear time: input above
 * OOJWT_SETTINGS_MAX_LEN bytes is refused (too_large), arrays nested
 * deeper than OOJWT_SETTINGS_MAX_DEPTH stop the reader (too_deep), and a
 * string, comment or array left open is php_syntax, with its line.
 *
 * Findings (codes): settings_unrecognised, php_syntax, too_deep,
 * too_large, bad_json, connector_secret_hidden (occ printed a masked
 * value), connector_setting_no_effect (jwt_leeway as an app value,
 * which AppConfig getJwtLeeway never reads; a value computed at run
 * time), connector_header_refused (Mattermost's IsValid: an empty
 * secret, header or prefix, or the header Authorization),
 * connector_leeway_zero (php-jwt refuses a callback whose iat is even
 * 1 s ahead of its clock), connector_verify_peer (certificate checks
 * off).
 */
#define OOJWT_SETTINGS_MAX_LEN   (4u << 20)
#define OOJWT_SETTINGS_MAX_DEPTH 64

#define OOJWT_SETTINGS_UNKNOWN     0
#define OOJWT_SETTINGS_PHP_CONFIG  1
#define OOJWT_SETTINGS_OCC_GET     2
#define OOJWT_SETTINGS_OCC_LIST    3
#define OOJWT_SETTINGS_MOODLE      4
#define OOJWT_SETTINGS_MATTERMOST  5

#define OOJWT_CONNECTOR_UNKNOWN    0
#define OOJWT_CONNECTOR_NEXTCLOUD  1
#define OOJWT_CONNECTOR_OWNCLOUD   2
#define OOJWT_CONNECTOR_MOODLE     3
#define OOJWT_CONNECTOR_MATTERMOST 4

/* "unknown", "php-config", "occ-get", "occ-list", "moodle",
 * "mattermost" / "nextcloud", "owncloud", "moodle", "mattermost" (NULL
 * for unknown and other values). */
const char *oojwt_settings_form_name(int form);
const char *oojwt_connector_name(int connector);

/* One value: `set` when the text gives it; `p` (n bytes, NUL-terminated,
 * owned) is NULL when it is set but unreadable (computed, masked). */
typedef struct {
	int set;
	char *p;
	size_t n;
} oojwt_setting;

/*
 *   form, connector   as above; `certain` 0 when the text fits more than
 *                     one connector (config.php without a 'version' says
 *                     nothing of Nextcloud vs ownCloud: Nextcloud is
 *                     named)
 *   secret, header, prefix, url_ds, url_internal, url_storage
 *                     the values as the connector stores them (header
 *                     and prefix: the effective ones, see above)
 *   header_set        1 when the header was given, 0 for the default
 *   leeway            seconds, -1 when the connector has no setting or
 *                     the text computes it
 *   verify_peer_off   1 / 0, -1 when not set
 */
typedef struct {
	int form;
	int connector;
	int certain;
	oojwt_setting secret, header, prefix;
	oojwt_setting url_ds, url_internal, url_storage;
	int header_set;
	long leeway;
	int verify_peer_off;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
} oojwt_connector_settings;

/*
 * Read `text` (`len` bytes) into `s` (previous content overwritten).
 * Returns OOJWT_OK whatever the text is (see s->form and the findings),
 * OOJWT_ERR_BAD_ARGUMENT or OOJWT_ERR_NO_MEMORY (then `s` holds
 * nothing). Free with oojwt_connector_settings_free() (wipes; safe
 * twice).
 */
int oojwt_connector_settings_read(oojwt_connector_settings *s,
	const char *text, size_t len);
void oojwt_connector_settings_free(oojwt_connector_settings *s);

/*
 * Compare connector settings `s` with a server configuration `c`
 * (oojwt_server_config_read()). The connector's secret signs what it
 * sends to DS (checked with secret.inbox) and verifies callbacks and
 * downloads (signed with secret.outbox): each is compared byte for byte
 * (the verdict in *inbox / *outbox: OOJWT_SECRETS_*). When they differ,
 * the finding says how -- surrounding whitespace, quotes, letter case,
 * or where and by how much -- showing invisible characters as
 * ⟦U+XXXX⟧ markers, never the secrets themselves. `self_signed` is 1
 * when DS's certificate is self-signed (oojwt_cert_inspect said
 * cert_self_signed), 0 when it is trusted, -1 when unknown.
 *
 * Findings (appended to s->findings): connector_secret_differs,
 * connector_tokens_mismatch (one side signs and the other has no secret
 * or tokens off), connector_header_differs (outbox header: DS's file
 * downloads carry the token in the header only; inbox header),
 * connector_prefix_differs (a DS prefix the connector does not cut),
 * connector_header_refused (Mattermost with DS's Authorization),
 * connector_verify_peer (an https DS with a self-signed certificate the
 * connector checks).
 */
#define OOJWT_SECRETS_UNKNOWN 0  /* one side has none, or a file/random */
#define OOJWT_SECRETS_EQUAL   1
#define OOJWT_SECRETS_DIFFER  2

int oojwt_connector_settings_compare(oojwt_connector_settings *s,
	const oojwt_server_config *c, int self_signed, int *inbox, int *outbox);

#ifdef __cplusplus
}
#endif

#endif
