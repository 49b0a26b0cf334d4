/*
 * The JWT core's internal declarations: what the files of src/core/ share
 * with each other and with the layers above (src/ds, src/deploy,
 * src/cli). Not installed, not part of the API: the contracts callers
 * rely on are in oojwt_core.h. Sections follow the files, in layer order:
 * numbers and names, base64url, diagnostics, the strict JSON layer
 * (json_scan.c, json_tree.c, json_config.c: the only users of cJSON),
 * hashes and MACs, signatures, keys, results and claims, the JSON writer
 * and findings, the wasm boundary.
 */
#ifndef OOJWT_CORE_CORE_H__
#define OOJWT_CORE_CORE_H__

#include <stdarg.h>
#include "../inner.h"

/* ---- strtod.c ------------------------------------------------------- */

/*
 * Decimal text to double, correctly rounded (round half to even) at any
 * length and exponent: subnormals exactly, +-infinity above the largest
 * double, +-0 below half the smallest subnormal. Converts the longest
 * prefix of the `len` bytes at `s` of the form
 *     [+|-] (digits [. [digits]] | . digits) [(e|E) [+|-] digits]
 * (JSON numbers, and what C's strtod() reads in decimal) and stores its
 * length in *used (when not NULL): 0 when `s` does not start with one,
 * and the result is then 0. No white space is skipped; hexadecimal,
 * "inf" and "nan" are not numbers here. errno is left alone.
 */
double oojwt_strtod(const char *s, size_t len, size_t *used);

/*
 * The same with C's strtod() contract for a NUL-terminated `s`: leading
 * white space is skipped, and *end (when not NULL) points after the
 * number, or at `s` when there is none. The wasm build's strtod()
 * (src/core/wasm_strtod.c, for cJSON).
 */
double oojwt_strtod_c(const char *s, char **end);

#ifdef OOJWT_TESTING
/* Test builds only (the native tests define OOJWT_TESTING): how many
 * numbers oojwt_strtod() has converted, so that a test can show that a
 * path converts none. */
extern unsigned long oojwt_strtod_calls;
#endif

/* ---- js_number.c ---------------------------------------------------- */

/* ECMAScript's Number::toString(10) of d ("60", "0.1", "1e+21", "-0"
 * as "0", "NaN", "Infinity") into out (32 bytes, NUL-terminated); its
 * length. */
#define OOJWT_JS_NUMBER_LEN 32
size_t oojwt_js_number(char *out, double d);

/* ---- sort.c --------------------------------------------------------- */

/* Sort `n` elements of `size` bytes at `base` in ascending order of
 * `cmp` (qsort's contract; not stable). Allocates nothing. */
void oojwt_sort(void *base, size_t n, size_t size,
	int (*cmp)(const void *, const void *));

/* ---- codes.c -------------------------------------------------------- */

/* Names of the algorithms in `mask`, comma-separated ("HS256, RS256"),
 * into buf (`cap` > 0 bytes, NUL-terminated; names that do not fit are
 * left out). */
void oojwt_alg_names(char *buf, size_t cap, unsigned mask);

/* ---- b64url.c ------------------------------------------------------- */

/*
 * oojwt_b64url_encode() for public bytes (a token's header and payload
 * texts): the same output, with a table look-up indexed by the data,
 * about 4x faster in wasm. Never for a key, a MAC or anything derived
 * from a secret (tests/ct checks the constant-time one).
 */
size_t oojwt_b64url_encode_public(char *dst, const unsigned char *src,
	size_t len);

/*
 * Strict base64url decoding for secret text (a JWK's `k`): the same
 * rules and output as oojwt_b64url_decode(), without table look-ups
 * indexed by the data.
 */
int oojwt_b64url_decode_secret(unsigned char *dst, size_t *dst_len,
	const char *src, size_t src_len);

/* ---- params.c: the params of an issue or a finding ----------------- */

/*
 * A params object ({"name":value,...}, see oojwt_issue) built into the
 * caller's `buf` (`cap` bytes, OOJWT_PARAMS_LEN for an issue or a
 * finding), a whole JSON object text after every call. Names are the
 * caller's to keep distinct; when a member does not fit, the text
 * becomes {} and stays so. oojwt_params_raw takes a JSON value as it is
 * (a number's text). The diagnosis (src/diagnose/) builds its own with
 * the same calls.
 */
typedef struct {
	char *buf;
	size_t cap, len;
	int overflow;
} oojwt_params;
void oojwt_params_init(oojwt_params *p, char *buf, size_t cap);
void oojwt_params_str(oojwt_params *p, const char *name, const char *value,
	size_t len);
void oojwt_params_num(oojwt_params *p, const char *name, double v);
void oojwt_params_raw(oojwt_params *p, const char *name, const char *json,
	size_t len);

/*
 * oojwt_fmt() (inner.h) that also records each conversion's text in
 * `params` under the next name of `names` (comma-separated, in the order
 * of the conversions; an empty name records nothing): %d %l %z %t as
 * numbers, %s %S as strings, exactly as the sentence shows them, and
 * %k (a NUL-terminated string) as a string param that the sentence does
 * not show: the key a catalog template selects its wording by.
 * Several calls may fill one params object (a message and its fix).
 */
void oojwt_fmtp(char *out, size_t cap, oojwt_params *params,
	const char *names, const char *fmt, ...);
void oojwt_vfmtp(char *out, size_t cap, oojwt_params *params,
	const char *names, const char *fmt, va_list ap);

/* ---- result.c: diagnostics ------------------------------------------- */

/* Record an error or a warning (chosen by the code's range) with the
 * sentence `msg` (copied, truncated to fit) and no params ({}). */
void oojwt_issue_add(oojwt_result *r, int code, long pos, const char *msg);
/* The same, with the sentence and its params written by
 * oojwt_fmtp(`names`, `fmt`, ...) straight into the issue. */
void oojwt_issue_fmt(oojwt_result *r, int code, long pos, const char *names,
	const char *fmt, ...);
/* OOJWT_SEL(key): the argument of a %k. */
#ifdef OOJWT_CORE_MODULE
/* The JWT core wasm (web/lib/oojwt.wasm) records no params: the names
 * and the keys go at compile time, the sentences stay the same (see the
 * Makefile). */
#define oojwt_issue_fmt(r, code, pos, names, ...) \
	oojwt_issue_fmt(r, code, pos, NULL, __VA_ARGS__)
#define OOJWT_SEL(key) ""
#else
#define OOJWT_SEL(key) (key)
#endif
/* Code of the first recorded error, OOJWT_OK when none. */
int oojwt_first_error(const oojwt_result *r);

/* ---- json_scan.c: the strict JSON layer (the only user of cJSON) ---------- */

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
/* The value at a dotted path ("services.CoAuthoring.token"), or NULL
 * (also when a name is 64 bytes or longer). */
const oojwt_jv *oojwt_json_at(const oojwt_jv *root, const char *dotted);
/* JavaScript truthiness of a JSON value (absent is undefined: false). */
int oojwt_json_truthy(const oojwt_jv *v);

/*
 * oojwt_json_parse() with options. `flags` 0 is the strict default.
 * OOJWT_JSON_LAST_WINS: a member name repeated in an object is not an
 * error; the earlier members of that name are dropped (JSON.parse and
 * node-config keep the last), their number is stored in *dups and, when
 * *dups > 0 on success, `msg` names the first one. All other strict
 * rules still apply.
 */
#define OOJWT_JSON_LAST_WINS 0x1u
/*
 * OOJWT_JSON_LONE_WTF8: escaped lone surrogates (\uD800-\uDFFF outside
 * a pair, what JSON.stringify writes for half of a character cut in two)
 * are read as JSON.parse reads them instead of refused: the string keeps
 * the code unit in its 3-byte WTF-8 form (ED A0-BF xx), so strcmp() and
 * oojwt_json_equal() compare as JavaScript does, and oojwt_json_print()
 * writes it back as the escape. Strict callers (token verification) do
 * not pass it.
 */
#define OOJWT_JSON_LONE_WTF8 0x2u
int oojwt_json_parse_ex(oojwt_jv **root, const char *s, size_t len,
	unsigned flags, size_t *dups, long *pos, char *msg);
/* What oojwt_json_parse_js() read besides the tree: repeated member
 * names dropped (OOJWT_JSON_LAST_WINS), and lone surrogates kept or
 * replaced (OOJWT_JSON_LONE_*) with the byte offset of the first. */
typedef struct {
	size_t dups;
	size_t lone;
	long lone_pos;
} oojwt_json_info;
/* oojwt_json_parse_ex() that also reports the lone surrogates (none
 * without OOJWT_JSON_LONE_WTF8). */
int oojwt_json_parse_js(oojwt_jv **root, const char *s, size_t len,
	unsigned flags, oojwt_json_info *info, long *pos, char *msg);
/*
 * The number of strings (member names and values) in `v` that hold a
 * lone surrogate in WTF-8 form, and the dotted path of the first one
 * into `path` (`size` bytes, truncated; array elements as .0, .1, ...).
 */
size_t oojwt_json_lone_path(const oojwt_jv *v, char *path, size_t size);
/* 1 when `len` bytes at `s` hold a lone surrogate in WTF-8 form. */
int oojwt_wtf8_has_lone(const char *s, size_t len);
/* Replace, in place, every lone surrogate in WTF-8 form in the strings
 * of `v` by U+FFFD (3 bytes too): the bytes Node uses when such a string
 * becomes UTF-8 (an HMAC key, a header, a file). */
void oojwt_json_lone_replace(oojwt_jv *v);
/*
 * What oojwt_json_check() reports of one top-level member: `name` is
 * set by the caller; `type` is OOJWT_JSON_INVALID when the member is
 * absent, and `number` its value when it is a number. For a string
 * without escapes, `str` points at its bytes in the checked text
 * (`str_len` of them, no quotes); NULL otherwise.
 */
typedef struct {
	const char *name;
	int type;
	double number;
	const char *str;
	size_t str_len;
} oojwt_jtop;

/*
 * Accept or refuse `len` bytes exactly as oojwt_json_parse() does (same
 * code, position and message), without keeping a tree: the fast path
 * for token payloads. On OOJWT_OK, *root_type is the type of the value
 * and, when it is an object, top[0..n_top) describe its members. Texts
 * whose member names hold escapes are checked through a cJSON tree.
 */
int oojwt_json_check(const char *s, size_t len, int *root_type,
	oojwt_jtop *top, size_t n_top, long *pos, char *msg);
/* "a number", "a string", ... for an OOJWT_JSON_* type. */
const char *oojwt_json_type_word(int type);
/* The same without its article ("number", "null"): a params key. */
const char *oojwt_json_type_key(int type);
/* Members of an object: count, and the i-th value with its name. */
size_t oojwt_json_object_size(const oojwt_jv *v);
const oojwt_jv *oojwt_json_member_at(const oojwt_jv *obj, size_t i,
	const char **name);
/* Walk the elements of an array or the members of an object in order,
 * in O(1) a step (oojwt_json_array_at() and oojwt_json_member_at() walk
 * from the start each time): the first child (NULL when there is none
 * or `v` is no container), then the one after child `c` (NULL after the
 * last). `name`, when not NULL, receives a member's name. */
const oojwt_jv *oojwt_json_first(const oojwt_jv *v, const char **name);
const oojwt_jv *oojwt_json_next(const oojwt_jv *c, const char **name);
/* Deep-merge `over` into `base` as node-config does (objects merge,
 * everything else replaces); both must be objects. OOJWT_OK,
 * OOJWT_ERR_BAD_ARGUMENT or OOJWT_ERR_NO_MEMORY. */
int oojwt_json_merge(oojwt_jv *base, const oojwt_jv *over);
/* Compact JSON text of `v` (malloc'd, NUL-terminated; free() it), or
 * NULL when memory runs out. A lone surrogate kept in WTF-8 form
 * (OOJWT_JSON_LONE_WTF8) is written as its \uXXXX escape, as
 * JSON.stringify writes it. */
char *oojwt_json_print(const oojwt_jv *v, size_t *len);
/* Deep equality as Node's util.isDeepStrictEqual sees JSON values:
 * same types, numbers by value, objects by members in any order. */
int oojwt_json_equal(const oojwt_jv *a, const oojwt_jv *b);
/* Copy the value at `dotted` ("document.key") in `src`, if any, to the
 * same path in `dst` (objects created on the way, values replaced).
 * OOJWT_OK, OOJWT_ERR_BAD_ARGUMENT or OOJWT_ERR_NO_MEMORY. */
int oojwt_json_copy_path(oojwt_jv *dst, const oojwt_jv *src,
	const char *dotted);
/* A new empty object (NULL when memory runs out); set member `name` to
 * the finite number `v` (added or replaced); remove member `name`. */
oojwt_jv *oojwt_json_new_object(void);
int oojwt_json_set_number(oojwt_jv *obj, const char *name, double v);
void oojwt_json_remove(oojwt_jv *obj, const char *name);

/* ---- hmac.c ---------------------------------------------------------- */

/*
 * MAC `len` bytes of `data` with `key` for HS algorithm `alg` into
 * `out` (64 bytes available). Returns the MAC length, 0 when `alg` is
 * not an HS algorithm. The key schedule is wiped before returning.
 */
size_t oojwt_hmac(unsigned alg, const unsigned char *key, size_t key_len,
	const void *data, size_t len, unsigned char *out);

/* ---- sha2.c: what sha256.c and sha512.c share ------------------------ */

/* A Merkle-Damgard hash: its block size, the bytes of its length field,
 * its compression over whole blocks, and (for HMAC) its API over an
 * opaque context; init's `out_len` picks SHA-384 or SHA-512. */
typedef struct {
	size_t block, len_bytes;
	void (*compress)(void *st, const unsigned char *p, size_t n);
	void (*init)(void *ctx, size_t out_len);
	void (*update)(void *ctx, const void *data, size_t len);
	void (*out)(void *ctx, unsigned char *out);
} oojwt_md_class;

/* Buffer `len` bytes into blocks, compressing the full ones. */
void oojwt_md_update(const oojwt_md_class *h, void *st, unsigned char *buf,
	uint64_t *count, const void *data, size_t len);
/* Append the padding and the length (after `count` bytes), compress. */
void oojwt_md_pad(const oojwt_md_class *h, void *st, unsigned char *buf,
	uint64_t count);
/* HMAC with `ctx` as the hash's context; everything derived from the
 * key is wiped. Returns out_len (at most 64). */
size_t oojwt_md_hmac(const oojwt_md_class *h, void *ctx, size_t out_len,
	const unsigned char *key, size_t key_len, const void *data, size_t len,
	unsigned char *out);

/*
 * One SHA-2 round on words of type T, for sha256.c and sha512.c (each
 * with its own BSIG0, BSIG1 and CH); the caller rotates the roles of
 * a..h. Maj(a, b, c) is b ^ ((a ^ b) & (b ^ c)), and this round's a ^ b
 * is the next round's b ^ c: `bc` comes in, `ab` goes out, one operation
 * fewer a round than the textbook Maj.
 */
#define OOJWT_SHA2_ROUND(T, a, b, c, d, e, f, g, h, k, w, bc, ab) do { \
		T t1_ = (h) + BSIG1(e) + CH(e, f, g) + (k) + (w); \
		T t2_; \
		(ab) = (a) ^ (b); \
		t2_ = BSIG0(a) + ((b) ^ ((ab) & (bc))); \
		(d) += t1_; \
		(h) = t1_ + t2_; \
	} while (0)

/* Eight rounds from K[i] on, through the file's ROUND(); x holds b ^ c
 * on entry and again on exit (y is the other carried value). */
#define OOJWT_SHA2_EIGHT(i, W0, W1, W2, W3, W4, W5, W6, W7) do { \
		ROUND(a, b, c, d, e, f, g, h, K[(i) + 0], W0, x, y); \
		ROUND(h, a, b, c, d, e, f, g, K[(i) + 1], W1, y, x); \
		ROUND(g, h, a, b, c, d, e, f, K[(i) + 2], W2, x, y); \
		ROUND(f, g, h, a, b, c, d, e, K[(i) + 3], W3, y, x); \
		ROUND(e, f, g, h, a, b, c, d, K[(i) + 4], W4, x, y); \
		ROUND(d, e, f, g, h, a, b, c, K[(i) + 5], W5, y, x); \
		ROUND(c, d, e, f, g, h, a, b, K[(i) + 6], W6, x, y); \
		ROUND(b, c, d, e, f, g, h, a, K[(i) + 7], W7, y, x); \
	} while (0)

/* ---- sha256.c: SHA-256 and HMAC-SHA-256 for HS256 -------------------- */

typedef struct {
	uint32_t st[8];
	unsigned char buf[64];
	uint64_t count;
} oojwt_sha256;

void oojwt_sha256_init(oojwt_sha256 *c);
void oojwt_sha256_update(oojwt_sha256 *c, const void *data, size_t len);
/* Write the 32-byte digest to `out` and wipe the context. */
void oojwt_sha256_out(oojwt_sha256 *c, unsigned char *out);
/* HMAC-SHA-256 into `out` (32 bytes); returns 32. Everything derived
 * from the key is wiped before returning. */
size_t oojwt_hmac_sha256(const unsigned char *key, size_t key_len,
	const void *data, size_t len, unsigned char *out);

/* ---- sha512.c: SHA-384/512 and their HMAC for HS384/HS512 ------------ */

typedef struct {
	uint64_t st[8];
	unsigned char buf[128];
	uint64_t count;
	size_t out_len;
} oojwt_sha512;

/* out_len 48: SHA-384; anything else: SHA-512. */
void oojwt_sha512_init(oojwt_sha512 *c, size_t out_len);
void oojwt_sha512_update(oojwt_sha512 *c, const void *data, size_t len);
/* Write the digest (48 or 64 bytes) to `out` and wipe the context. */
void oojwt_sha512_out(oojwt_sha512 *c, unsigned char *out);
/* HMAC-SHA-384 (out_len 48) or HMAC-SHA-512 into `out`; returns the MAC
 * length. Everything derived from the key is wiped before returning. */
size_t oojwt_hmac_sha512(size_t out_len, const unsigned char *key,
	size_t key_len, const void *data, size_t len, unsigned char *out);

/* ---- hash_class.c: our SHA-2 as BearSSL hash classes ----------------- */

#ifdef BR_BEARSSL_HASH_H__
/* For files that include bearssl_hash.h: use these, not br_sha*_vtable
 * (one SHA-2 in the module). */
extern const br_hash_class oojwt_sha256_class;
extern const br_hash_class oojwt_sha384_class;
extern const br_hash_class oojwt_sha512_class;
#endif

/* ---- sig*.c: RS/PS/ES signatures (sig.c dispatches) ------------------ */

/* Largest signature of any algorithm (RSA 4096). */
#define OOJWT_SIG_MAX_LEN 512

/*
 * May `key` be used for `alg` and operation `op` (OOJWT_KEYOP_*)?
 * Returns -1 for an ordinary secret with an HS algorithm (the HMAC
 * checks of the caller apply), 1 when the RSA/EC key fits, 0 after
 * recording why not in `r` (key_mismatch, bad_key).
 */
int oojwt_sig_key_usable(oojwt_result *r, const oojwt_key *key,
	unsigned alg, unsigned op);
/* Verify the RS/PS/ES signature r->sig of the `len` bytes `input`,
 * recording bad_signature at token offset `at` when it fails. */
void oojwt_sig_verify(oojwt_result *r, const char *input, size_t len,
	const oojwt_key *key, unsigned alg, long at);
/*
 * Sign `len` bytes of `data` with `alg` into `out` (OOJWT_SIG_MAX_LEN
 * bytes): HS through oojwt_hmac(), RS/PS/ES with key->pkey (PS takes
 * its salt from `rnd`). Returns the signature length, 0 on failure
 * with the reason in `msg` (OOJWT_MESSAGE_LEN bytes) and the code in
 * *code.
 */
size_t oojwt_sig_sign(unsigned alg, const oojwt_key *key, const void *data,
	size_t len, const unsigned char *rnd, size_t rnd_len,
	unsigned char *out, int *code, char *msg);
/* 1 when the key's own limits (key->algs, key->ops) allow `alg` and `op`
 * (OOJWT_KEYOP_*); otherwise records key_mismatch in r and returns 0. */
int oojwt_key_limits(oojwt_result *r, const oojwt_key *key, unsigned alg,
	unsigned op);

/* Hash `len` bytes with the hash of `alg` (SHA-256/384/512) into `out`
 * (64 bytes); returns the hash length. */
size_t oojwt_sig_hash(unsigned alg, const void *data, size_t len,
	unsigned char *out);
/* sig_rsa.c: PKCS#1 v1.5 with the exact DigestInfo (NULL included). */
int oojwt_rsa_pkcs1_verify(const struct oojwt_pkey *pk, unsigned alg,
	const unsigned char *hash, const unsigned char *sig, size_t sig_len);
size_t oojwt_rsa_pkcs1_sign(const struct oojwt_pkey *pk, unsigned alg,
	const unsigned char *hash, unsigned char *out);
/* The raw RSA operations on k = pk->n_len bytes at x, in place. */
int oojwt_rsa_public(const struct oojwt_pkey *pk, unsigned char *x);
int oojwt_rsa_private(const struct oojwt_pkey *pk, unsigned char *x);
/* sig_pss.c: EMSA-PSS, MGF1 with the same hash, salt = hash length. */
int oojwt_rsa_pss_verify(const struct oojwt_pkey *pk, unsigned alg,
	const unsigned char *hash, const unsigned char *sig, size_t sig_len);
size_t oojwt_rsa_pss_sign(const struct oojwt_pkey *pk, unsigned alg,
	const unsigned char *hash, const unsigned char *salt,
	unsigned char *out);
/* sig_ecdsa.c: raw r||s of exactly 2 * curve bytes. */
int oojwt_ecdsa_verify(const struct oojwt_pkey *pk, unsigned alg,
	const unsigned char *hash, size_t hash_len, const unsigned char *sig,
	size_t sig_len);
size_t oojwt_ecdsa_sign(const struct oojwt_pkey *pk, unsigned alg,
	const unsigned char *hash, unsigned char *out);
/* Bytes of a curve's field elements (32/48/66), 0 when unknown. */
size_t oojwt_ec_size(int curve);
#ifdef BR_BEARSSL_EC_H__
/* BearSSL's curve code for `curve` (files that include bearssl_ec.h). */
const br_ec_impl *oojwt_ec_impl(int curve);
#endif

/* ---- key*.c, der.c: reading keys ------------------------------------- */

/* The algorithms a key of this kind and curve can serve, before its own
 * limits (pk->algs): HS* for oct, RS* and PS* for RSA, the one ES* of an
 * EC key's curve, and none for an unknown kind or curve (key.c). */
unsigned oojwt_key_algs(const struct oojwt_pkey *pk);
/* Check a filled pkey (sizes, exponent, point on curve, private half
 * matching public half), complete the public half of private keys and
 * compute the thumbprint. OOJWT_OK or bad_key with `msg`. */
int oojwt_pkey_finish(struct oojwt_pkey *pk, char *msg);
/* Decode a JWK's "k" (strict base64url, not empty) into buf (jwk.c):
 * OOJWT_OK with its length in *out_len, or the code with the reason in
 * why (OOJWT_MESSAGE_LEN bytes). buf is not wiped on failure. */
int oojwt_jwk_oct_secret(const oojwt_jv *jwk, unsigned char *buf,
	size_t buf_len, size_t *out_len, char *why);
/* Check a JWK's "use" (must be "sig") and "key_ops" (jwk.c): OOJWT_OK
 * (*ops set to the OOJWT_KEYOP_* bits when key_ops is present), or the
 * code with the reason in why (OOJWT_MESSAGE_LEN bytes). */
int oojwt_jwk_use_ops(const oojwt_jv *jwk, unsigned *ops, char *why);
/* Read a JWK or a JWK Set text into pk (key_jwk.c): a set's key is
 * chosen by kid, else the only key, else the only key that fits `alg`
 * (0: none given); oct secrets are decoded into buf. */
int oojwt_jwk_any(oojwt_key *key, struct oojwt_pkey *pk,
	unsigned char *buf, size_t buf_len, const char *json, size_t len,
	const char *kid, size_t kid_len, unsigned alg, char *msg);
/* oojwt_key_read() with the token's algorithm for a JWK Set (key.c). */
int oojwt_key_read_alg(oojwt_key *key, struct oojwt_pkey *pk,
	unsigned char *buf, size_t buf_len, const void *in, size_t len,
	const char *kid, size_t kid_len, unsigned alg, char *msg);
/* Read PEM text (the first block that holds a key) into pk
 * (key_pem.c). */
int oojwt_pem_key_read(struct oojwt_pkey *pk, const char *text, size_t len,
	char *msg);
/* Read DER (format guessed when fmt is 0) into pk (key_der.c). */
int oojwt_der_key_read(struct oojwt_pkey *pk, const unsigned char *der,
	size_t len, int fmt, char *msg);
/* The strict DER reader (key_der.c): an element's contents. */
typedef struct {
	const unsigned char *p;
	size_t len;
} oojwt_der;
/* Take one element of the one-byte tag `tag` from the front of d: a
 * definite length in minimal form (at most 3 length bytes) that fits;
 * its contents go to *out and d moves past it. 0 (d untouched) when the
 * element is not there or not strict DER. */
int oojwt_der_take(oojwt_der *d, unsigned tag, oojwt_der *out);
/* A positive minimal INTEGER from the front of d into dst (cap bytes,
 * leading 00 dropped), its length in *len; 0 when not one or too long. */
int oojwt_der_uint(oojwt_der *d, unsigned char *dst, size_t cap,
	size_t *len);
/* The first PEM block labelled `label` in `t` (len bytes; key_pem.c):
 * its DER, decoded into *der (malloc'd; free it with
 * oojwt_wipe_free(*der, *der_len + 1)). Blocks with other labels before
 * it are skipped. OOJWT_OK, OOJWT_ERR_NO_MEMORY, or OOJWT_ERR_BAD_KEY
 * with a sentence in msg (OOJWT_MESSAGE_LEN bytes) when there is no
 * such block or its armour or base64 is broken. */
int oojwt_pem_block(const char *t, size_t len, const char *label,
	unsigned char **der, size_t *der_len, char *msg);
/* Strict standard base64 (PEM bodies; whitespace between characters
 * allowed, '=' padding required). Returns OOJWT_OK or bad_key. */
int oojwt_b64_decode_pem(unsigned char *dst, size_t *dst_len,
	const char *src, size_t src_len);

/* ---- result.c ------------------------------------------------------- */

/* Start a result: every field zero, issue slots left as they are (they
 * are only read up to the counts). */
void oojwt_result_init(oojwt_result *r);
/* Zero the fields and the used issue slots (after freeing the parts). */
void oojwt_result_reset(oojwt_result *r);
/* Record why the `what` ("header", "payload") is not a strict JSON
 * object: the JSON layer's `code` at `pos` with its `msg`, or, when code
 * is OOJWT_OK, not_an_object (it is of `type`) at `obj_pos`. */
void oojwt_issue_not_object(oojwt_result *r, int code, long pos,
	const char *msg, const char *what, int type, long obj_pos);

/* ---- claims.c -------------------------------------------------------- */

/* The payload members the claim checks read, as oojwt_json_check()
 * describes them: OOJWT_CLAIMS_INIT fills in the names. */
#define OOJWT_N_CLAIMS 3
#define OOJWT_CLAIMS_INIT { { "exp", 0, 0, NULL, 0 }, \
	{ "nbf", 0, 0, NULL, 0 }, { "iat", 0, 0, NULL, 0 } }
/* Check exp/nbf/iat of a payload object, recording issues. */
void oojwt_claims_check(oojwt_result *r, const oojwt_jtop *claims,
	double now, double tolerance);
/* Record bad_claim for exp/nbf/iat present and not numbers (only the
 * first when `first`, as signing does); returns how many. */
int oojwt_claims_types(oojwt_result *r, const oojwt_jtop *claims, int first);

/* ---- hidden.c -------------------------------------------------------- */

/* 1 for a code point that does not show as itself: C0 controls but
 * newline and tab, DEL, C1 controls, bidi and invisible format characters. */
int oojwt_cp_hidden(unsigned long c);
/* Warn (hidden_characters) when the decoded header or payload, strict
 * JSON objects, hold such characters, raw or escaped. */
void oojwt_hidden_check(oojwt_result *r);

/* ---- report_bound.c: how long a report can be ------------------------ */

/*
 * The most bytes a report can have for `len` bytes of input, so that a
 * caller that can read back only so much (a JavaScript string holds at
 * most 2^29 - 24 UTF-16 units, and a report's UTF-8 bytes never decode to
 * more units than bytes) refuses an input before the work, not after.
 * Every bound is `multiplier * len + OOJWT_REPORT_FIXED`, saturating at
 * SIZE_MAX (the wasm size_t is 32 bits); the multiplier of each kind is
 * documented at its constant, in bytes of report per byte of input, from
 * the writer's worst case: a JSON string escape writes 6 bytes (\u00XX)
 * for one input byte, 3 (U+FFFD) for a byte that is not UTF-8; base64url
 * decodes 4 characters to 3 bytes; cJSON reprints a number in up to 15
 * characters for 4 (1e14); and a report may hold several copies of the
 * same text (a token, its payload, an effective config).
 * OOJWT_REPORT_FIXED covers what does not grow with the input: messages,
 * findings and issues (fixed-size buffers, at most 32 of each), names.
 * The ds and deploy layers have theirs (oojwt_ds_report_bound,
 * oojwt_deploy_report_bound).
 */
#define OOJWT_REPORT_FIXED ((size_t)1 << 20)
/* kit.extract: the token and the stripped pieces cover the text once,
 * each byte escaped at most to 6. */
#define OOJWT_REPORT_EXTRACT 1
/* decode / verify (strict): the header and payload, at most 3/4 of the
 * token once decoded, each byte escaped at most to 6: 4.5, rounded up. */
#define OOJWT_REPORT_TOKEN   2

/* multiplier * len + OOJWT_REPORT_FIXED, or SIZE_MAX when that overflows. */
size_t oojwt_bound_linear(size_t multiplier, size_t len);
/* The bound of report `kind` (OOJWT_REPORT_*) for `len` input bytes;
 * SIZE_MAX for an unknown kind. */
size_t oojwt_report_bound(int kind, size_t len);

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
/* Allocate `n` bytes up front (an empty builder only). Growth never
 * leaves a copy behind: old buffers are wiped before they are freed. */
void oojwt_sb_reserve(oojwt_sb *sb, size_t n);
void oojwt_sb_puts(oojwt_sb *sb, const char *s);
void oojwt_sb_json_string(oojwt_sb *sb, const char *s, size_t len);
/* Append \uXXXX for the code point `cp` (at most U+FFFF), lowercase hex. */
void oojwt_sb_uescape(oojwt_sb *sb, unsigned long cp);
/* The same for WTF-8 text (lone surrogates become \uXXXX escapes). */
void oojwt_sb_wtf8_string(oojwt_sb *sb, const char *s, size_t len);
void oojwt_sb_long(oojwt_sb *sb, long v);
/* ,"params":<text> for a params object text ({} when it is empty). */
void oojwt_sb_params(oojwt_sb *sb, const char *params);
/* An issue list [{"code","message"}], with "pos" in each issue too when
 * `with_pos` (a result's report) and the issue has one. */
void oojwt_sb_issues(oojwt_sb *sb, const oojwt_issue *list, size_t n,
	int with_pos);
/* Hand the buffer over (NULL and freed when memory ran out). */
char *oojwt_sb_finish(oojwt_sb *sb, size_t *out_len);
/* {"error":{"code","message"[,"pos" when pos >= 0]}}; and a signing
 * outcome: {"token":"<tok>"} when code is OOJWT_OK, else that error. */
void oojwt_sb_error(oojwt_sb *sb, int code, const char *message, long pos);
void oojwt_sb_sign_result(oojwt_sb *sb, int code, const char *tok, size_t n,
	const char *message, long pos);

/* findings.c: append a finding to list (*n entries so far, at most
 * OOJWT_MAX_FINDINGS); count it in *dropped when the list is full. */
void oojwt_finding_add(oojwt_finding *list, size_t *n, size_t *dropped,
	int severity, int code, const char *path, const char *message,
	const char *fix);
/* The same with the message and its params written by oojwt_fmtp(`names`,
 * `fmt`, ...); the fix is a fixed text. */
void oojwt_finding_fmt(oojwt_finding *list, size_t *n, size_t *dropped,
	int severity, int code, const char *path, const char *fix,
	const char *names, const char *fmt, ...);
void oojwt_finding_vfmt(oojwt_finding *list, size_t *n, size_t *dropped,
	int severity, int code, const char *path, const char *fix,
	const char *names, const char *fmt, va_list ap);
/* The same with `params`, a JSON object text (NULL: {}), copied; {} when
 * it does not fit. Returns the finding, or NULL when the list was full. */
oojwt_finding *oojwt_finding_addp(oojwt_finding *list, size_t *n,
	size_t *dropped, int severity, int code, const char *path,
	const char *message, const char *fix, const char *params);

/* The findings as a JSON array of {severity,code,path,message,fix} (what
 * every report of the ds and deploy layers shows), and one member
 * "name":"value" ("name":null for NULL), preceded by a comma if `comma`. */
void oojwt_sb_findings(oojwt_sb *sb, const oojwt_finding *list, size_t n);
void oojwt_sb_member(oojwt_sb *sb, const char *name, const char *value,
	int comma);

/* ---- key_select.c: a key as the JS module hands it over ---------------- */

/* Key material for one call, held by oojwt_key_hold() and wiped and
 * freed by oojwt_key_release() (safe after a failed hold). */
typedef struct {
	oojwt_key key;
	oojwt_pkey pk;
	unsigned char *buf;
	size_t buf_len;
} oojwt_key_held;

/* The key in `in` (in_len bytes), given as `kind` says (see
 * oojwt_key_verify_as), for `token` (its kid and alg choose from a JWK
 * Set), or for signing with `alg` when token is NULL. OOJWT_OK, or the
 * code with the reason in msg (OOJWT_MESSAGE_LEN bytes). */
int oojwt_key_hold(oojwt_key_held *w, const unsigned char *in,
	size_t in_len, int kind, const char *token, size_t token_len,
	unsigned alg, char *msg);
void oojwt_key_release(oojwt_key_held *w);

/*
 * Verify `token` with a key given as `kind` says (0: bytes, which may be
 * any key form; 1 or 2: the JSON of a JS object, which must be a JWK or
 * a JWK Set: see wasm_key.c) into `r`, which the caller releases with
 * oojwt_result_free(). The key buffer is read, not modified.
 */
void oojwt_key_verify_as(oojwt_result *r, const char *token, size_t len,
	const unsigned char *key, size_t key_len, int kind, unsigned algs,
	double now, double tolerance);

/*
 * Sign with a key of any kind. On OOJWT_OK, *tok is a malloc'd token of
 * *tok_len bytes (NUL-terminated) for the caller to free(); otherwise
 * *tok is NULL and `err` says why (its message is never empty).
 */
int oojwt_key_sign_as(char **tok, size_t *tok_len, oojwt_issue *err,
	unsigned alg, const unsigned char *key, size_t key_len, int kind,
	const char *header, size_t header_len, const char *payload,
	size_t payload_len, const unsigned char *rnd, size_t rnd_len);

/* wasm_fast.c: the words of the fast path's out[] and its modes. */
enum {
	OOJWT_FAST_MODE, OOJWT_FAST_LEN, OOJWT_FAST_ALG, OOJWT_FAST_SIG_LEN,
	OOJWT_FAST_WORDS
};
#define OOJWT_FAST_REPORT 0u
#define OOJWT_FAST_VALID 1u

#endif
