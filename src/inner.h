/*
 * Internal declarations shared by the oojwt C files. Not installed, not
 * part of the API: see oojwt.h for the contracts callers rely on.
 */
#ifndef OOJWT_INNER_H__
#define OOJWT_INNER_H__

#include <stddef.h>
#include "oojwt.h"

/*
 * Functions of the wasm boundary (src/wasm*.c) carry OOJWT_WASM_EXPORT:
 * the wasm build exports them under their own name, so a new wasm_*.c
 * file needs no change to the Makefile's export list.
 */
#if defined(__wasm__)
#define OOJWT_WASM_EXPORT(name) __attribute__((export_name(name)))
#else
#define OOJWT_WASM_EXPORT(name)
#endif

/* ---- util.c ---------------------------------------------------------- */

/* Zero `len` bytes in a way the compiler may not elide. */
void oojwt_wipe(void *p, size_t len);

/* Constant-time equality of two `len`-byte buffers: 1 when equal. */
int oojwt_ct_equal(const unsigned char *a, const unsigned char *b, size_t len);

/* Length (1-4) of the valid UTF-8 sequence at `s` (`n` > 0 bytes
 * available): no overlongs, surrogates or code points above U+10FFFF.
 * 0 when the bytes there are not valid UTF-8. */
size_t oojwt_utf8_len(const unsigned char *s, size_t n);

/* Wipe `len` bytes at `p`, then free it. NULL is allowed. */
void oojwt_wipe_free(void *p, size_t len);

/*
 * Formatting without stdio (the wasm build has no locale and no files).
 * oojwt_fmt() understands %s (NUL-terminated string), %S (string with an
 * explicit length: const char *, size_t, printed with non-printable
 * bytes as \xNN), %d (int), %z (size_t), %l (long), %t (double, written
 * as a whole number of seconds, rounded toward zero, with a sign when
 * negative) and %%. Output is truncated to fit `cap` and always
 * NUL-terminated (cap > 0).
 */
void oojwt_fmt(char *out, size_t cap, const char *fmt, ...);

/* ---- b64url.c ------------------------------------------------------- */

/*
 * Strict base64url decoding for secret text (a JWK's `k`): the same
 * rules and output as oojwt_b64url_decode(), without table look-ups
 * indexed by the data.
 */
int oojwt_b64url_decode_secret(unsigned char *dst, size_t *dst_len,
	const char *src, size_t src_len);

/* ---- result.c: diagnostics ------------------------------------------- */

/* Record an error or a warning (chosen by the code's range) with the
 * sentence `msg` (copied, truncated to fit). */
void oojwt_issue_add(oojwt_result *r, int code, long pos, const char *msg);
/* Code of the first recorded error, OOJWT_OK when none. */
int oojwt_first_error(const oojwt_result *r);

/* ---- json.c: the strict JSON layer (the only user of cJSON) ---------- */

typedef struct oojwt_jv oojwt_jv;

enum oojwt_jtype {
	OOJWT_JSON_INVALID = 0,
	OOJWT_JSON_NULL,
	OOJWT_JSON_FALSE,
	OOJWT_JSON_TRUE,
	OOJWT_JSON_NUMBER,
	OOJWT_JSON_STRING,
	OOJWT_JSON_ARRAY,
	OOJWT_JSON_OBJECT
};

/*
 * Parse `len` bytes of strict JSON. On success returns OOJWT_OK and the
 * tree in `*root` (free it with oojwt_json_free()). On failure returns
 * OOJWT_ERR_BAD_JSON, OOJWT_ERR_DUPLICATE_MEMBER, OOJWT_ERR_TOO_DEEP or
 * OOJWT_ERR_NO_MEMORY, with the byte offset of the problem in `*pos`
 * (-1 when none) and a sentence in `msg` (OOJWT_MESSAGE_LEN bytes).
 */
int oojwt_json_parse(oojwt_jv **root, const char *s, size_t len,
	long *pos, char *msg);
void oojwt_json_free(oojwt_jv *v);
/* The same, after wiping every string value (for JWKs). */
void oojwt_json_free_wipe(oojwt_jv *v);
int oojwt_json_type(const oojwt_jv *v);
/* Member `name` of an object, by exact bytes; NULL when absent. */
const oojwt_jv *oojwt_json_get(const oojwt_jv *obj, const char *name);
double oojwt_json_number(const oojwt_jv *v);
/* The string value (UTF-8, NUL-terminated, never contains NUL). */
const char *oojwt_json_string(const oojwt_jv *v);
size_t oojwt_json_array_size(const oojwt_jv *v);
const oojwt_jv *oojwt_json_array_at(const oojwt_jv *v, size_t i);
/* Name for messages: "a number", "a string", "null", ... */
const char *oojwt_json_type_name(const oojwt_jv *v);

/* ---- hmac.c ---------------------------------------------------------- */

/*
 * MAC `len` bytes of `data` with `key` for HS algorithm `alg` into
 * `out` (64 bytes available). Returns the MAC length, 0 when `alg` is
 * not an HS algorithm. The key schedule is wiped before returning.
 */
size_t oojwt_hmac(unsigned alg, const unsigned char *key, size_t key_len,
	const void *data, size_t len, unsigned char *out);

/* ---- claims.c -------------------------------------------------------- */

/* Check exp/nbf/iat of a parsed payload object, recording issues. */
void oojwt_claims_check(oojwt_result *r, const oojwt_jv *payload,
	double now, double tolerance);
/* Check exp/nbf/iat types only (used when signing). */
int oojwt_claims_types(const oojwt_jv *payload, char *msg);

/* ---- report.c -------------------------------------------------------- */

/*
 * Serialise a result as one JSON object for the JS module and the CLI:
 * {"valid","alg","errors":[{code,message,pos}],"warnings":[...],
 *  "header":<object|null>,"payload":<object|null>,"headerText",
 *  "payloadText","signatureLength","dots":[d1,d2]}.
 * Returns a malloc'd NUL-terminated string and its length in *len, or
 * NULL when memory runs out.
 */
char *oojwt_report_json(const oojwt_result *r, size_t *len);

/* Append a JSON string literal for `s` (`len` bytes) to a growing
 * buffer; see report.c. */
typedef struct {
	char *buf;
	size_t len, cap;
	int failed;
} oojwt_sb;
void oojwt_sb_put(oojwt_sb *sb, const char *s, size_t len);
void oojwt_sb_puts(oojwt_sb *sb, const char *s);
void oojwt_sb_json_string(oojwt_sb *sb, const char *s, size_t len);
void oojwt_sb_long(oojwt_sb *sb, long v);

#endif
