/*
 * The native test framework and the helpers shared by the suites.
 *
 * A test is one `test` value: test_begin() names it, each expect() that
 * fails prints one line "FAIL <name>: <what differed>" and marks it
 * failed, and test_end() counts it as passed or failed. skip() counts one
 * skipped test and names it. test_tally() gives the counts for the final
 * line printed by main.c.
 *
 * A suite is one function of type suite_fn in its own file
 * tests/c/test_<name>.c: `ours` is the directory of our vector files
 * (tests/vectors), `shared` the directory of the third-party vectors
 * (../shared/vectors). Its prototype goes below and its row into the
 * table of main.c.
 *
 * Inputs handed to oojwt are copied into buffers of their exact size (no
 * NUL after them), so that ASan catches any read past a length. Helpers
 * that cannot allocate print a line on stderr and exit with status 2.
 */
#ifndef OOJWT_TESTLIB_H
#define OOJWT_TESTLIB_H

#include <stddef.h>
#include "cJSON.h"
#include "deploy/deploy.h"

#ifdef __GNUC__
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

/* ---- suites ------------------------------------------------------------ */

typedef void suite_fn(const char *ours, const char *shared);

suite_fn suite_b64url;      /* test_b64url.c */
suite_fn suite_json;        /* test_json.c */
suite_fn suite_hmac;        /* test_hmac.c */
suite_fn suite_examples;    /* test_examples.c */
suite_fn suite_jws_vectors; /* test_jws_vectors.c */
suite_fn suite_hostile;     /* test_hostile.c */
suite_fn suite_times;       /* test_times.c */
suite_fn suite_api;         /* test_api.c */
suite_fn suite_sign;        /* test_sign.c */
suite_fn suite_jwk;         /* test_jwk.c */
suite_fn suite_asym;        /* test_asym.c */
suite_fn suite_onlyoffice;  /* test_onlyoffice.c */
suite_fn suite_sha256;      /* test_sha256.c */
suite_fn suite_secure_link; /* test_secure_link.c */
suite_fn suite_cert;        /* test_cert.c */
suite_fn suite_key_algs;    /* test_key_algs.c */
suite_fn suite_catalogue;   /* test_catalogue.c: tests/hostile/ */
suite_fn suite_requests;    /* test_requests.c */
suite_fn suite_verify_options; /* test_verify_options.c */
suite_fn suite_strtod;      /* test_strtod.c */
suite_fn suite_sort;        /* test_sort.c */
suite_fn suite_lifetimes;   /* test_lifetimes.c */
suite_fn suite_key_select;  /* test_key_select.c */
suite_fn suite_connectors;  /* test_connectors.c */
suite_fn suite_hex;         /* test_hex.c */
suite_fn suite_report_bound; /* test_report_bound.c */
suite_fn suite_secret_compare; /* test_secret_compare.c */
suite_fn suite_commands;    /* test_commands.c */
suite_fn suite_browser_tokens; /* test_browser_tokens.c */
suite_fn suite_connector_settings; /* test_connector_settings.c */
suite_fn suite_diagnose; /* test_diagnose.c */
suite_fn suite_symptoms; /* test_symptoms.c */
suite_fn suite_i18n_format; /* test_i18n_format.c: src/cli/i18n_format.c */

/* ---- counting and reporting -------------------------------------------- */

typedef struct {
	char name[200];
	int failed;
} test;

typedef struct {
	int passed, failed, skipped;
} tally;

/* Start test `t` with a printf-formatted name. */
void test_begin(test *t, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* When `ok` is 0, print why and mark the test failed. Returns `ok`. */
int expect(test *t, int ok, const char *fmt, ...) PRINTF_LIKE(3, 4);

/* Count `t` as passed or failed. */
void test_end(test *t);

/* Count one skipped test, printing "SKIP <what>: <why>". */
void skip(const char *what, const char *why);

/* The counts so far. */
tally test_tally(void);

/* Name of a code for messages; never NULL. */
const char *cname(int code);

/* ---- memory and text --------------------------------------------------- */

/* malloc that never returns NULL (0 bytes gives a 1-byte block). */
void *xmalloc(size_t n);

/* A copy of `n` bytes in a buffer of exactly that size (no NUL). */
char *exact_copy(const void *p, size_t n);

/* A growing byte string, always NUL-terminated for printing once
 * something was put in it. Start it zeroed; free with str_free(). */
typedef struct {
	char *p;
	size_t len, cap;
} str;

/* Append `n` bytes; append a NUL-terminated text. */
void str_put(str *s, const void *p, size_t n);
void str_puts(str *s, const char *z);

/* Insert the text `z` at offset `at` (at most s->len). */
void str_insert(str *s, size_t at, const char *z);

/* Append the base64url encoding of `n` bytes (oojwt's encoder). */
void str_b64(str *s, const void *p, size_t n);

/* Free the buffer and zero `s`. */
void str_free(str *s);

/* Decode hex into a new buffer of exactly the decoded size (*len bytes);
 * NULL when `hex` is not hex. */
unsigned char *from_hex(const char *hex, size_t *len);

/* Lowercase hex of `n` bytes into `out` (cap bytes), "..." when cut.
 * Returns `out`. */
const char *to_hex(char *out, size_t cap, const void *p, size_t n);

/* Printable form of `n` bytes of text for messages (escapes, cut to fit
 * `cap`). Returns `out`. */
const char *shown(char *out, size_t cap, const char *s, size_t n);

/* 1 when all `n` bytes at `p` are zero. */
int all_zero(const void *p, size_t n);

/* ---- vector files ------------------------------------------------------ */

/* Our own vector file DIR/FILE: a missing or broken file is a failed
 * test; NULL then. Free with cJSON_Delete(). */
cJSON *load_ours(const char *dir, const char *file);

/* A third-party vector file: looked up as SHARED/SUB/FILE, then
 * SHARED/FILE. A missing file is one skipped test, a broken one a failed
 * test; NULL then. Free with cJSON_Delete(). */
cJSON *load_shared(const char *shared, const char *sub, const char *file);

/* Call `one` on each element of the "tests" array of our vector file
 * DIR/FILE (load_ours: a missing file is a failed test). */
void for_each_test(const char *dir, const char *file,
	void (*one)(const cJSON *v));

/* Member `name` of object `o` (case-sensitive), or NULL. */
const cJSON *jget(const cJSON *o, const char *name);

/* String member, or "" when absent or not a string. */
const char *jstr(const cJSON *o, const char *name);

/* Integer member, or -1 when absent or not a number. */
int jint(const cJSON *o, const char *name);

/* Array member (the "tests" or "examples" of a vector file), or NULL. */
const cJSON *jlist(const cJSON *doc, const char *name);

/* ---- keys, signing and verifying --------------------------------------- */

/* A key read from a JWK into its own buffer. */
typedef struct {
	oojwt_key key;
	unsigned char *buf;
	size_t buf_len;
} jwk;

/* Read a JWK text through oojwt_jwk_read with the documented buffer size
 * (len * 3 / 4 bytes); `msg` has OOJWT_MESSAGE_LEN bytes. Returns the
 * code. Free with jwk_free() whatever the result. */
int jwk_load_str(jwk *j, const char *json, char *msg);

/* The same for a JWK held as a cJSON object (vector files), serialised
 * back; -1 when it cannot be serialised. */
int jwk_load_cjson(jwk *j, const cJSON *obj, char *msg);

void jwk_free(jwk *j);

/* Options with these algorithms, clock and tolerance. */
oojwt_verify_opts opts_make(unsigned algs, double now, double tolerance);

/* oojwt_verify on an exact-size copy of the token. Returns its code; free
 * `r` with oojwt_result_free(). */
int verify(oojwt_result *r, const char *tok, size_t len, const oojwt_key *key,
	unsigned algs, double now, double tolerance);

/* oojwt_sign with exact-size inputs and an output buffer of exactly
 * oojwt_sign_size() bytes (or `shrink` bytes fewer). On success the
 * token is in `out`; free `out` with str_free() in every case. */
int sign_token(str *out, unsigned alg, const oojwt_key *key, const char *hdr,
	size_t hlen, const char *pl, size_t plen, size_t shrink,
	oojwt_issue *err);

/* sign_token through oojwt_sign_rand with `rnd_len` random bytes (for
 * PS*); with rnd == NULL it is sign_token. */
int sign_token_rand(str *out, unsigned alg, const oojwt_key *key,
	const char *hdr, size_t hlen, const char *pl, size_t plen, size_t shrink,
	const unsigned char *rnd, size_t rnd_len, oojwt_issue *err);
/* sign_token of two NUL-terminated texts, no shrink, no `err`. */
int sign_str(str *out, unsigned alg, const oojwt_key *key, const char *hdr,
	const char *pl);

/* A key over `len` bytes of `secret`, no algorithm or use restriction. */
oojwt_key raw_key(const char *secret, size_t len);

/* The test keys: two different 64-byte secrets, an empty one, a short
 * one, and the main secret restricted to HS384. */
enum { KEY_MAIN, KEY_OTHER, KEY_EMPTY, KEY_SHORT, KEY_HS384 };
oojwt_key test_key(int which);

/* Comma-separated code names of an issue list (n <= OOJWT_MAX_ISSUES)
 * into `out` (cap bytes). Returns `out`. */
const char *issue_names(char *out, size_t cap, const oojwt_issue *list,
	size_t n);

/*
 * Check a verification result against `code`, its return: the errors
 * must be exactly `errors` and the warnings exactly `warnings` (each
 * 0-terminated, compared as multisets with the first one first; NULL
 * warnings: none), code == errors[0], valid exactly when errors[0] is 0,
 * nothing dropped.
 */
void expect_result(test *t, const oojwt_result *r, int code,
	const int *errors, const int *warnings);

/* ---- shared token texts ------------------------------------------------ */

#define NOW 1700000000.0
#define HDR "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
#define PAYLOAD "{\"sub\":\"user\",\"exp\":2000000000}"
/* An object holding 64 nested arrays: 65 levels, one above the limit. */
#define OPEN8 "[[[[[[[["
#define CLOSE8 "]]]]]]]]"
#define DEEP65 "{\"a\":" OPEN8 OPEN8 OPEN8 OPEN8 OPEN8 OPEN8 OPEN8 OPEN8 \
	CLOSE8 CLOSE8 CLOSE8 CLOSE8 CLOSE8 CLOSE8 CLOSE8 CLOSE8 "}"

/*
 * Third-party JWS vectors carry payloads that are not JSON (`foo`, a
 * quotation), which oojwt_verify always reports (bad_json /
 * not_an_object on the payload). A JWS counts as accepted when that is
 * the only kind of error: header decoded, signature decoded and checked,
 * nothing else wrong.
 */
int jws_accepted(const oojwt_result *r);

#endif
