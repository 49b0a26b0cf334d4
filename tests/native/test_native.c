/*
 * Native tests of the oojwt C core, run under AddressSanitizer and UBSan.
 *
 *   oojwt-tests [VECTORS_DIR [SHARED_VECTORS_DIR]]
 *
 * VECTORS_DIR (default tests/vectors) holds our vector files; they must
 * all be there. SHARED_VECTORS_DIR (default ../shared/vectors) holds the
 * third-party vectors (Wycheproof, the JOSE cookbook); a missing file is
 * counted as one skipped test and named.
 *
 * Every vector and every table row is one test. Each failed expectation
 * prints one line "FAIL <test>: <what differed>"; the last line is
 * "native: N passed, N failed, N skipped" and the exit status is 1 when
 * anything failed.
 *
 * Inputs handed to oojwt are copied into buffers of their exact size (no
 * NUL after them), so that ASan catches any read past a length.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cJSON.h"
#include "inner.h"

#ifdef __GNUC__
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

/* ---- counting and reporting ------------------------------------------- */

static struct {
	int passed, failed, skipped;
} tally;

typedef struct {
	char name[200];
	int failed;
} test;

static void test_begin(test *t, const char *fmt, ...) PRINTF_LIKE(2, 3);
static int expect(test *t, int ok, const char *fmt, ...) PRINTF_LIKE(3, 4);

static void
test_begin(test *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->name, sizeof t->name, fmt, ap);
	va_end(ap);
	t->failed = 0;
}

/* When `ok` is 0, print why and mark the test failed. Returns `ok`. */
static int
expect(test *t, int ok, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		return 1;
	}
	printf("FAIL %s: ", t->name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	t->failed = 1;
	return 0;
}

static void
test_end(test *t)
{
	if (t->failed) {
		tally.failed++;
	} else {
		tally.passed++;
	}
}

static void
skip(const char *what, const char *why)
{
	printf("SKIP %s: %s\n", what, why);
	tally.skipped++;
}

/* Name of a code for messages; never NULL. */
static const char *
cname(int code)
{
	const char *n = oojwt_code_name(code);

	return n != NULL ? n : "(unnamed code)";
}

/* ---- memory and text helpers ------------------------------------------ */

static void *
xmalloc(size_t n)
{
	void *p = malloc(n != 0 ? n : 1);

	if (p == NULL) {
		fprintf(stderr, "oojwt-tests: out of memory\n");
		exit(2);
	}
	return p;
}

/* A copy of `n` bytes in a buffer of exactly that size (no NUL). */
static char *
exact_copy(const void *p, size_t n)
{
	char *c = (char *)xmalloc(n);

	if (n != 0) {
		memcpy(c, p, n);
	}
	return c;
}

/* A growing byte string, always NUL-terminated for printing. */
typedef struct {
	char *p;
	size_t len, cap;
} str;

static void
str_reserve(str *s, size_t extra)
{
	if (s->cap - s->len <= extra) {
		size_t cap = (s->cap + extra) * 2 + 16;
		char *p = (char *)realloc(s->p, cap);
		if (p == NULL) {
			fprintf(stderr, "oojwt-tests: out of memory\n");
			exit(2);
		}
		s->p = p;
		s->cap = cap;
	}
}

static void
str_put(str *s, const void *p, size_t n)
{
	str_reserve(s, n);
	if (n != 0) {
		memcpy(s->p + s->len, p, n);
	}
	s->len += n;
	s->p[s->len] = 0;
}

static void
str_puts(str *s, const char *z)
{
	str_put(s, z, strlen(z));
}

static void
str_insert(str *s, size_t at, const char *z)
{
	size_t n = strlen(z);

	str_reserve(s, n);
	memmove(s->p + at + n, s->p + at, s->len - at + 1);
	memcpy(s->p + at, z, n);
	s->len += n;
}

/* Append the base64url encoding of `n` bytes (oojwt's encoder). */
static void
str_b64(str *s, const void *p, size_t n)
{
	size_t want = oojwt_b64url_encoded_len(n);

	str_reserve(s, want);
	s->len += oojwt_b64url_encode(s->p + s->len, (const unsigned char *)p, n);
	s->p[s->len] = 0;
}

static void
str_free(str *s)
{
	free(s->p);
	memset(s, 0, sizeof *s);
}

static int
hex_digit(int c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

/* Decode hex into a new buffer of exactly the decoded size; NULL when
 * `hex` is not hex. */
static unsigned char *
from_hex(const char *hex, size_t *len)
{
	size_t n = strlen(hex), i;
	unsigned char *out;

	if (n % 2 != 0) {
		return NULL;
	}
	out = (unsigned char *)xmalloc(n / 2);
	for (i = 0; i < n; i += 2) {
		int hi = hex_digit(hex[i]), lo = hex_digit(hex[i + 1]);
		if (hi < 0 || lo < 0) {
			free(out);
			return NULL;
		}
		out[i / 2] = (unsigned char)(hi * 16 + lo);
	}
	*len = n / 2;
	return out;
}

/* Lowercase hex of `n` bytes into `out` (cap bytes), "..." when cut. */
static const char *
to_hex(char *out, size_t cap, const void *p, size_t n)
{
	const unsigned char *b = (const unsigned char *)p;
	size_t i, o = 0;

	for (i = 0; i < n && o + 6 < cap; i++) {
		o += (size_t)sprintf(out + o, "%02x", b[i]);
	}
	if (i < n) {
		strcpy(out + o, "...");
	} else {
		out[o] = 0;
	}
	return out;
}

/* Printable form of a text for messages (escapes, cut to fit). */
static const char *
shown(char *out, size_t cap, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n && o + 8 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			out[o++] = (char)c;
		} else {
			o += (size_t)sprintf(out + o, "\\x%02x", c);
		}
	}
	if (i < n) {
		strcpy(out + o, "...");
	} else {
		out[o] = 0;
	}
	return out;
}

/* ---- files and JSON --------------------------------------------------- */

/* The whole file, NUL-terminated; NULL when it cannot be read. */
static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	str s = { NULL, 0, 0 };
	char chunk[65536];
	size_t n;

	if (f == NULL) {
		return NULL;
	}
	str_reserve(&s, 0);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		str_put(&s, chunk, n);
	}
	if (ferror(f)) {
		fclose(f);
		str_free(&s);
		return NULL;
	}
	fclose(f);
	*len = s.len;
	return s.p;
}

static int
file_exists(const char *path)
{
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		return 0;
	}
	fclose(f);
	return 1;
}

/* Parse a vector file; NULL (and a sentence in `why`) on failure. */
static cJSON *
load_json(const char *path, char *why, size_t why_len)
{
	size_t len;
	char *text = read_file(path, &len);
	cJSON *doc;

	if (text == NULL) {
		snprintf(why, why_len, "cannot read %s", path);
		return NULL;
	}
	doc = cJSON_ParseWithLength(text, len);
	free(text);
	if (doc == NULL) {
		snprintf(why, why_len, "%s is not JSON", path);
	}
	return doc;
}

/* Our own vector file: a missing or broken file is a failed test. */
static cJSON *
load_ours(const char *dir, const char *file)
{
	char path[1024], why[1200];
	cJSON *doc;
	test t;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	doc = load_json(path, why, sizeof why);
	if (doc == NULL) {
		test_begin(&t, "%s", file);
		expect(&t, 0, "%s", why);
		test_end(&t);
	}
	return doc;
}

/*
 * A third-party vector file: looked up as SHARED/SUB/FILE, then
 * SHARED/FILE. A missing file is one skipped test; NULL then.
 */
static cJSON *
load_shared(const char *shared, const char *sub, const char *file)
{
	char path[1024], why[1200];
	cJSON *doc;
	test t;

	snprintf(path, sizeof path, "%s/%s/%s", shared, sub, file);
	if (!file_exists(path)) {
		snprintf(path, sizeof path, "%s/%s", shared, file);
	}
	if (!file_exists(path)) {
		skip(file, "not found in the shared vectors directory");
		return NULL;
	}
	doc = load_json(path, why, sizeof why);
	if (doc == NULL) {
		test_begin(&t, "%s", file);
		expect(&t, 0, "%s", why);
		test_end(&t);
	}
	return doc;
}

static const cJSON *
jget(const cJSON *o, const char *name)
{
	return cJSON_GetObjectItemCaseSensitive(o, name);
}

/* String member, or "" when absent or not a string. */
static const char *
jstr(const cJSON *o, const char *name)
{
	const cJSON *v = jget(o, name);

	return cJSON_IsString(v) ? v->valuestring : "";
}

static int
jint(const cJSON *o, const char *name)
{
	const cJSON *v = jget(o, name);

	return cJSON_IsNumber(v) ? v->valueint : -1;
}

/* The "tests" (or "examples") array of a vector file. */
static const cJSON *
jlist(const cJSON *doc, const char *name)
{
	const cJSON *v = jget(doc, name);

	return cJSON_IsArray(v) ? v : NULL;
}

/* ---- keys, signing and verifying -------------------------------------- */

typedef struct {
	oojwt_key key;
	unsigned char *buf;
	size_t buf_len;
} jwk;

/* Read a JWK text through oojwt_jwk_read with the documented buffer size
 * (len * 3 / 4 bytes). Free with jwk_free() whatever the result. */
static int
jwk_load(jwk *j, const char *json, size_t len, char *msg)
{
	char *copy = exact_copy(json, len);
	int code;

	j->buf_len = len * 3 / 4;
	j->buf = (unsigned char *)xmalloc(j->buf_len);
	code = oojwt_jwk_read(&j->key, j->buf, j->buf_len, copy, len, msg);
	free(copy);
	return code;
}

static int
jwk_load_str(jwk *j, const char *json, char *msg)
{
	return jwk_load(j, json, strlen(json), msg);
}

/* A JWK held as a cJSON object (vector files), serialised back. */
static int
jwk_load_cjson(jwk *j, const cJSON *obj, char *msg)
{
	char *text = cJSON_PrintUnformatted(obj);
	int code;

	if (text == NULL) {
		j->buf = NULL;
		return -1;
	}
	code = jwk_load_str(j, text, msg);
	cJSON_free(text);
	return code;
}

static void
jwk_free(jwk *j)
{
	free(j->buf);
	memset(j, 0, sizeof *j);
}

static oojwt_verify_opts
opts_make(unsigned algs, double now, double tolerance)
{
	oojwt_verify_opts o;

	o.algorithms = algs;
	o.now = now;
	o.clock_tolerance = tolerance;
	return o;
}

/* oojwt_verify on an exact-size copy of the token. */
static int
verify(oojwt_result *r, const char *tok, size_t len, const oojwt_key *key,
	unsigned algs, double now, double tolerance)
{
	oojwt_verify_opts o = opts_make(algs, now, tolerance);
	char *copy = exact_copy(tok, len);
	int code = oojwt_verify(r, copy, len, key, &o);

	free(copy);
	return code;
}

/* oojwt_sign with exact-size inputs and an output buffer of exactly
 * oojwt_sign_size() bytes (or `shrink` bytes fewer). On success the
 * token is in `out` (free with str_free). */
static int
sign_token(str *out, unsigned alg, const oojwt_key *key, const char *hdr,
	size_t hlen, const char *pl, size_t plen, size_t shrink,
	oojwt_issue *err)
{
	char *h = exact_copy(hdr, hlen), *p = exact_copy(pl, plen);
	size_t cap = oojwt_sign_size(hlen, plen) - shrink, n = 0;
	char *buf = (char *)xmalloc(cap);
	int code = oojwt_sign(buf, cap, &n, alg, key, h, hlen, p, plen, err);

	memset(out, 0, sizeof *out);
	if (code == OOJWT_OK) {
		str_put(out, buf, n);
	}
	free(buf);
	free(h);
	free(p);
	return code;
}

static int
sign_str(str *out, unsigned alg, const oojwt_key *key, const char *hdr,
	const char *pl)
{
	return sign_token(out, alg, key, hdr, strlen(hdr), pl, strlen(pl), 0,
		NULL);
}

/* "b64(hdr).b64(pl).b64(HMAC)" for arbitrary bytes, built outside
 * oojwt_sign so that only the verifier's parser decides. */
static void
mac_token(str *out, unsigned alg, const oojwt_key *key, const char *hdr,
	size_t hlen, const char *pl, size_t plen)
{
	unsigned char mac[64];
	size_t n;

	memset(out, 0, sizeof *out);
	str_b64(out, hdr, hlen);
	str_puts(out, ".");
	str_b64(out, pl, plen);
	n = oojwt_hmac(alg, key->data, key->len, out->p, out->len, mac);
	str_puts(out, ".");
	str_b64(out, mac, n);
}

static oojwt_key
raw_key(const char *secret, size_t len)
{
	oojwt_key k;

	k.data = (const unsigned char *)secret;
	k.len = len;
	k.algs = 0;
	k.ops = 0;
	return k;
}

/* Comma-separated code names of an issue list. */
static const char *
issue_names(char *out, size_t cap, const oojwt_issue *list, size_t n)
{
	size_t i, o = 0;

	out[0] = 0;
	for (i = 0; i < n; i++) {
		int k = snprintf(out + o, cap - o, "%s%s", i ? "," : "",
			cname(list[i].code));
		if (k < 0 || (size_t)k >= cap - o) {
			break;
		}
		o += (size_t)k;
	}
	return out;
}

static const char *
code_list_names(char *out, size_t cap, const int *codes)
{
	size_t i, o = 0;

	out[0] = 0;
	for (i = 0; codes[i] != 0; i++) {
		int k = snprintf(out + o, cap - o, "%s%s", i ? "," : "",
			cname(codes[i]));
		if (k < 0 || (size_t)k >= cap - o) {
			break;
		}
		o += (size_t)k;
	}
	return out;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/*
 * The issues recorded (`list`, `n`) must be exactly `want` (0-terminated)
 * as a multiset, with want[0] first.
 */
static void
expect_issues(test *t, const char *what, const oojwt_issue *list, size_t n,
	const int *want)
{
	int got_codes[OOJWT_MAX_ISSUES], want_codes[OOJWT_MAX_ISSUES];
	size_t nw = 0, i;
	char g[256], w[256];
	int same;

	while (want[nw] != 0) {
		want_codes[nw] = want[nw];
		nw++;
	}
	for (i = 0; i < n; i++) {
		got_codes[i] = list[i].code;
	}
	qsort(got_codes, n, sizeof *got_codes, cmp_int);
	qsort(want_codes, nw, sizeof *want_codes, cmp_int);
	same = n == nw && memcmp(got_codes, want_codes, n * sizeof *got_codes) == 0;
	if (same && nw > 0) {
		same = list[0].code == want[0];
	}
	expect(t, same, "%s: got [%s], want [%s]", what,
		issue_names(g, sizeof g, list, n), code_list_names(w, sizeof w, want));
}

/* Check a verification result: errors, warnings, validity, return. */
static void
expect_result(test *t, const oojwt_result *r, int code, const int *errors,
	const int *warnings)
{
	static const int none[1] = { 0 };

	expect(t, code == errors[0], "returned %s, want %s", cname(code),
		cname(errors[0]));
	expect_issues(t, "errors", r->errors, r->n_errors, errors);
	expect_issues(t, "warnings", r->warnings, r->n_warnings,
		warnings != NULL ? warnings : none);
	expect(t, r->valid == (errors[0] == 0), "valid is %d", r->valid);
	expect(t, r->dropped == 0, "%lu issues dropped", (unsigned long)r->dropped);
}

/* ---- base64url vectors ------------------------------------------------ */

static void
b64_vector(const cJSON *v)
{
	const char *in = jstr(v, "input");
	size_t len = strlen(in), out_len = 12345, pos = 12345, want_len = 0;
	char *src = exact_copy(in, len);
	unsigned char *dst = (unsigned char *)xmalloc(len * 3 / 4);
	unsigned char *want = NULL;
	int valid = cJSON_IsTrue(jget(v, "valid"));
	int code = oojwt_b64url_decode(dst, &out_len, src, len, &pos);
	char a[128], b[128], sh[64];
	test t;

	test_begin(&t, "base64url.json #%d (%s) \"%s\"", jint(v, "id"),
		jstr(v, "comment"), shown(sh, sizeof sh, in, len));
	if (valid) {
		want = from_hex(jstr(v, "hex"), &want_len);
		expect(&t, want != NULL, "bad hex in the vector");
		if (expect(&t, code == OOJWT_OK, "refused (%s at %lu)", cname(code),
			(unsigned long)pos) && want != NULL)
		{
			expect(&t, out_len == want_len
				&& memcmp(dst, want, want_len) == 0,
				"decoded %s, want %s", to_hex(a, sizeof a, dst, out_len),
				to_hex(b, sizeof b, want, want_len));
		}
		expect(&t, oojwt_b64url_decode_error(src, len) == NULL,
			"oojwt_b64url_decode_error gives a reason for valid input");
		if (want != NULL && want_len == out_len) {
			char *enc = (char *)xmalloc(oojwt_b64url_encoded_len(want_len));
			size_t n = oojwt_b64url_encode(enc, want, want_len);
			expect(&t, n == len && memcmp(enc, in, n) == 0,
				"re-encoding gives another text");
			free(enc);
		}
	} else {
		long want_pos = jint(v, "pos");
		expect(&t, code == OOJWT_ERR_BAD_BASE64, "returned %s, want bad_base64",
			cname(code));
		expect(&t, code == OOJWT_OK || (long)pos == want_pos,
			"error at %lu, want %ld", (unsigned long)pos, want_pos);
		expect(&t, code == OOJWT_OK || out_len == 0,
			"*dst_len is %lu after an error", (unsigned long)out_len);
		expect(&t, oojwt_b64url_decode_error(src, len) != NULL,
			"oojwt_b64url_decode_error gives no reason");
	}
	test_end(&t);
	free(want);
	free(dst);
	free(src);
}

static void
run_b64_vectors(const char *dir)
{
	cJSON *doc = load_ours(dir, "base64url.json");
	const cJSON *v;

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(v, jlist(doc, "tests")) {
		b64_vector(v);
	}
	cJSON_Delete(doc);
}

/* ---- strict JSON vectors ---------------------------------------------- */

static void
json_vector(const cJSON *v)
{
	size_t len = 0;
	unsigned char *bytes = from_hex(jstr(v, "hex"), &len);
	const char *want = jstr(v, "code");
	char msg[OOJWT_MESSAGE_LEN], sh[72];
	oojwt_jv *root = NULL;
	long pos = -2;
	int code;
	test t;

	test_begin(&t, "strict_json.json #%d (%s)", jint(v, "id"),
		jstr(v, "comment"));
	if (!expect(&t, bytes != NULL, "bad hex in the vector")) {
		test_end(&t);
		return;
	}
	code = oojwt_json_parse(&root, (const char *)bytes, len, &pos, msg);
	expect(&t, strcmp(cname(code), want) == 0, "got %s (%s), want %s for %s",
		cname(code), msg, want, shown(sh, sizeof sh, (const char *)bytes, len));
	if (code == OOJWT_OK) {
		expect(&t, root != NULL, "OK without a tree");
	} else {
		expect(&t, root == NULL, "a tree returned with an error");
		expect(&t, pos >= -1 && pos <= (long)len, "position %ld", pos);
		expect(&t, msg[0] != 0, "no message");
	}
	oojwt_json_free(root);
	free(bytes);
	test_end(&t);
}

static void
run_json_vectors(const char *dir)
{
	cJSON *doc = load_ours(dir, "strict_json.json");
	const cJSON *v;

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(v, jlist(doc, "tests")) {
		json_vector(v);
	}
	cJSON_Delete(doc);
}

/* ---- HMAC: RFC 4231 and Wycheproof ------------------------------------ */

static const struct {
	unsigned alg;
	const char *rfc_field;
	const char *wycheproof_file;
	int bits;
} hmacs[] = {
	{ OOJWT_ALG_HS256, "hmacSha256", "hmac_sha256_test.json", 256 },
	{ OOJWT_ALG_HS384, "hmacSha384", "hmac_sha384_test.json", 384 },
	{ OOJWT_ALG_HS512, "hmacSha512", "hmac_sha512_test.json", 512 }
};
#define NUM_HMACS (sizeof hmacs / sizeof *hmacs)

/* MAC `data` with `key` (hex, from a vector); returns the MAC length or
 * 0 when the vector's hex is broken. */
static size_t
hmac_hex(unsigned alg, const char *key_hex, const char *data_hex,
	unsigned char *mac)
{
	size_t klen, dlen, n = 0;
	unsigned char *key = from_hex(key_hex, &klen);
	unsigned char *data = from_hex(data_hex, &dlen);

	if (key != NULL && data != NULL) {
		n = oojwt_hmac(alg, key, klen, data, dlen, mac);
	}
	free(key);
	free(data);
	return n;
}

static void
run_rfc4231(const char *dir)
{
	cJSON *doc = load_ours(dir, "rfc4231_hmac_sha2.json");
	const cJSON *v;
	size_t i;

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(v, jlist(doc, "tests")) {
		const cJSON *trunc = jget(v, "truncateBits");
		for (i = 0; i < NUM_HMACS; i++) {
			unsigned char mac[64];
			size_t want_len = 0, n, cmp;
			unsigned char *want = from_hex(jstr(v, hmacs[i].rfc_field),
				&want_len);
			char a[160], b[160];
			test t;

			test_begin(&t, "RFC 4231 test case %d, %s", jint(v, "tcId"),
				oojwt_alg_name(hmacs[i].alg));
			n = hmac_hex(hmacs[i].alg, jstr(v, "key"), jstr(v, "data"), mac);
			cmp = cJSON_IsNumber(trunc) ? (size_t)trunc->valueint / 8
				: (size_t)hmacs[i].bits / 8;
			if (expect(&t, want != NULL && want_len == cmp,
				"vector has %lu bytes, want %lu", (unsigned long)want_len,
				(unsigned long)cmp))
			{
				expect(&t, n == (size_t)hmacs[i].bits / 8
					&& memcmp(mac, want, cmp) == 0, "MAC %s, want %s",
					to_hex(a, sizeof a, mac, cmp),
					to_hex(b, sizeof b, want, want_len));
			}
			free(want);
			test_end(&t);
		}
	}
	cJSON_Delete(doc);
}

/* One Wycheproof MAC test; returns 1 when it passed. */
static int
wycheproof_mac(const cJSON *v, unsigned alg, const char *file)
{
	unsigned char mac[64];
	size_t tag_len = 0, n;
	unsigned char *tag = from_hex(jstr(v, "tag"), &tag_len);
	const char *result = jstr(v, "result");
	int valid = strcmp(result, "valid") == 0, match;
	test t;

	test_begin(&t, "%s tcId %d (%s)", file, jint(v, "tcId"),
		jstr(v, "comment"));
	n = hmac_hex(alg, jstr(v, "key"), jstr(v, "msg"), mac);
	match = tag != NULL && n == tag_len && memcmp(mac, tag, n) == 0;
	expect(&t, n == oojwt_hmac_size(alg), "MAC length %lu",
		(unsigned long)n);
	expect(&t, valid || strcmp(result, "invalid") == 0,
		"unexpected result \"%s\"", result);
	expect(&t, match == valid, valid ? "the MAC does not match the tag"
		: "an invalid tag matches");
	free(tag);
	test_end(&t);
	return !t.failed;
}

static void
run_wycheproof_hmac(const char *shared)
{
	size_t i;

	for (i = 0; i < NUM_HMACS; i++) {
		const char *file = hmacs[i].wycheproof_file;
		cJSON *doc = load_shared(shared, "wycheproof", file);
		const cJSON *g, *v;
		int passed = 0, failed = 0;

		if (doc == NULL) {
			continue;
		}
		cJSON_ArrayForEach(g, jlist(doc, "testGroups")) {
			if (jint(g, "tagSize") != hmacs[i].bits) {
				continue; /* truncated tags: not JWS */
			}
			cJSON_ArrayForEach(v, jlist(g, "tests")) {
				if (wycheproof_mac(v, hmacs[i].alg, file)) {
					passed++;
				} else {
					failed++;
				}
			}
		}
		printf("wycheproof %s: %d passed, %d failed (full-length tags)\n",
			file, passed, failed);
		cJSON_Delete(doc);
	}
}

/* ---- RFC 7515 / 7519 examples ----------------------------------------- */

/*
 * An HS256 example with a JWK, the exact header and payload texts and the
 * compact token whose payload has exp = `exp`.
 */
typedef struct {
	const char *label;
	const cJSON *jwk;
	const char *header, *payload, *compact, *sig_hex;
	double exp;
} hs_example;

static void
example_verify(const hs_example *ex, const oojwt_key *key, double now,
	const int *errors)
{
	oojwt_result r;
	int code;
	test t;

	test_begin(&t, "%s: verify at now = exp %+g", ex->label, now - ex->exp);
	memset(&r, 0, sizeof r);
	code = verify(&r, ex->compact, strlen(ex->compact), key, OOJWT_ALG_HMAC,
		now, 0);
	expect_result(&t, &r, code, errors, NULL);
	expect(&t, r.alg == OOJWT_ALG_HS256, "alg %u", r.alg);
	oojwt_result_free(&r);
	test_end(&t);
}

static void
example_resign(const hs_example *ex, const oojwt_key *key)
{
	str tok;
	int code;
	test t;

	test_begin(&t, "%s: re-sign the exact header and payload texts",
		ex->label);
	code = sign_str(&tok, OOJWT_ALG_HS256, key, ex->header, ex->payload);
	if (expect(&t, code == OOJWT_OK, "oojwt_sign: %s", cname(code))) {
		expect(&t, strcmp(tok.p, ex->compact) == 0,
			"token differs:\n  got  %s\n  want %s", tok.p, ex->compact);
	}
	str_free(&tok);
	test_end(&t);
}

static void
example_decode(const hs_example *ex)
{
	size_t len = strlen(ex->compact), sig_len = 0;
	char *copy = exact_copy(ex->compact, len);
	unsigned char *sig = from_hex(ex->sig_hex, &sig_len);
	oojwt_result r;
	int code;
	test t;

	test_begin(&t, "%s: decode", ex->label);
	code = oojwt_decode(&r, copy, len);
	expect(&t, code == OOJWT_OK, "returned %s", cname(code));
	expect(&t, r.header != NULL && strcmp(r.header, ex->header) == 0
		&& r.header_len == strlen(ex->header) && r.header_ok,
		"header text differs");
	expect(&t, r.payload != NULL && strcmp(r.payload, ex->payload) == 0
		&& r.payload_len == strlen(ex->payload) && r.payload_ok,
		"payload text differs");
	expect(&t, sig != NULL && r.sig != NULL && r.sig_len == sig_len
		&& memcmp(r.sig, sig, sig_len) == 0, "signature bytes differ");
	expect(&t, r.dot1 == (size_t)(strchr(ex->compact, '.') - ex->compact)
		&& r.dot2 == (size_t)(strrchr(ex->compact, '.') - ex->compact),
		"dots at %lu, %lu", (unsigned long)r.dot1, (unsigned long)r.dot2);
	expect(&t, r.valid == 0 && r.alg == OOJWT_ALG_HS256,
		"valid %d alg %u", r.valid, r.alg);
	oojwt_result_free(&r);
	free(sig);
	free(copy);
	test_end(&t);
}

static void
run_hs_example(const hs_example *ex)
{
	static const int ok[1] = { 0 };
	static const int expired[2] = { OOJWT_ERR_EXPIRED, 0 };
	char msg[OOJWT_MESSAGE_LEN] = "";
	jwk j;
	int code;
	test t;

	test_begin(&t, "%s: read the JWK", ex->label);
	code = jwk_load_cjson(&j, ex->jwk, msg);
	expect(&t, code == OOJWT_OK && j.key.len == 64,
		"oojwt_jwk_read: %s (%s), %lu bytes", cname(code), msg,
		(unsigned long)j.key.len);
	test_end(&t);
	if (code == OOJWT_OK) {
		example_verify(ex, &j.key, ex->exp - 1, ok);
		example_verify(ex, &j.key, ex->exp - 0.001, ok);
		example_verify(ex, &j.key, ex->exp, expired);
		example_verify(ex, &j.key, ex->exp + 86400, expired);
		example_resign(ex, &j.key);
	}
	if (ex->sig_hex != NULL) {
		example_decode(ex);
	}
	jwk_free(&j);
}

/* An unsecured (alg none) example must be refused with alg_none. */
static void
run_none_example(const char *label, const char *compact, const cJSON *jwk_obj)
{
	static const unsigned all_algs[] = { OOJWT_ALG_HMAC, 0x1FFFu };
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_result r;
	size_t i;
	jwk j;
	test t;

	test_begin(&t, "%s: alg none is refused", label);
	expect(&t, jwk_load_cjson(&j, jwk_obj, msg) == OOJWT_OK, "JWK: %s", msg);
	for (i = 0; i < sizeof all_algs / sizeof *all_algs; i++) {
		int code = verify(&r, compact, strlen(compact), &j.key, all_algs[i],
			1e9, 0);
		expect(&t, code == OOJWT_ERR_ALG_NONE && r.valid == 0,
			"allowed 0x%x: returned %s", all_algs[i], cname(code));
		oojwt_result_free(&r);
	}
	jwk_free(&j);
	test_end(&t);
}

static const cJSON *
find_example(const cJSON *doc, const char *id)
{
	const cJSON *v;

	cJSON_ArrayForEach(v, jlist(doc, "examples")) {
		if (strcmp(jstr(v, "id"), id) == 0) {
			return v;
		}
	}
	return NULL;
}

/* The "exp" member of a JSON text (the examples' payloads). */
static double
exp_of(const char *payload)
{
	cJSON *p = cJSON_Parse(payload);
	const cJSON *e = jget(p, "exp");
	double v = cJSON_IsNumber(e) ? e->valuedouble : NAN;

	cJSON_Delete(p);
	return v;
}

static int
example_found(const cJSON *ex, const char *what)
{
	test t;

	if (ex != NULL) {
		return 1;
	}
	test_begin(&t, "%s", what);
	expect(&t, 0, "example not found in the vector file");
	test_end(&t);
	return 0;
}

static void
run_rfc7515(const char *dir)
{
	cJSON *doc = load_ours(dir, "rfc7515_appendix_a.json");
	const cJSON *a1, *a5;
	hs_example ex;

	if (doc == NULL) {
		return;
	}
	a1 = find_example(doc, "A.1");
	a5 = find_example(doc, "A.5");
	if (example_found(a1, "RFC 7515 A.1")) {
		ex.label = "RFC 7515 A.1";
		ex.jwk = jget(a1, "jwk");
		ex.header = jstr(a1, "protectedHeader");
		ex.payload = jstr(a1, "payload");
		ex.compact = jstr(a1, "compact");
		ex.sig_hex = jstr(a1, "signatureHex");
		ex.exp = exp_of(ex.payload);
		run_hs_example(&ex);
		if (example_found(a5, "RFC 7515 A.5")) {
			run_none_example("RFC 7515 A.5", jstr(a5, "compact"), ex.jwk);
		}
	}
	cJSON_Delete(doc);
}

static void
run_rfc7519(const char *dir)
{
	cJSON *doc = load_ours(dir, "rfc7519_jwt_examples.json");
	const cJSON *s31, *s61;
	hs_example ex;

	if (doc == NULL) {
		return;
	}
	s31 = find_example(doc, "3.1");
	s61 = find_example(doc, "6.1");
	if (example_found(s31, "RFC 7519 3.1")) {
		ex.label = "RFC 7519 3.1";
		ex.jwk = jget(s31, "jwk");
		ex.header = jstr(s31, "joseHeader");
		ex.payload = jstr(s31, "claimsSet");
		ex.compact = jstr(s31, "jwt");
		ex.sig_hex = NULL;
		ex.exp = exp_of(ex.payload);
		run_hs_example(&ex);
		if (example_found(s61, "RFC 7519 6.1")) {
			run_none_example("RFC 7519 6.1", jstr(s61, "jwt"), ex.jwk);
		}
	}
	cJSON_Delete(doc);
}

/* ---- Wycheproof JWS and the JOSE cookbook ----------------------------- */

/*
 * These vectors are JWS, not JWT: their payloads ("foo", "Test", a
 * quote) are not JSON objects, which oojwt_verify always reports
 * (bad_json / not_an_object on the payload). A JWS is accepted when that
 * is the only kind of error: header decoded, signature decoded and
 * checked, nothing else wrong.
 */
static int
jws_accepted(const oojwt_result *r)
{
	size_t i;

	if (!r->header_ok || r->sig == NULL || r->alg == 0) {
		return 0;
	}
	for (i = 0; i < r->n_errors; i++) {
		const oojwt_issue *e = &r->errors[i];
		if ((e->code != OOJWT_ERR_BAD_JSON
			&& e->code != OOJWT_ERR_NOT_AN_OBJECT)
			|| e->pos <= (long)r->dot1 || e->pos > (long)r->dot2)
		{
			return 0;
		}
	}
	return 1;
}

/* Upstream mislabels (see the shared vectors README, caveat 3). */
static const struct {
	int tc_id;
	int valid;
	const char *why;
} jws_relabel[] = {
	{ 367, 1, "byte-identical to valid tcId 357 (C2SP/wycheproof#236)" },
	{ 370, 1, "byte-identical to valid tcId 357 (C2SP/wycheproof#236)" },
	{ 372, 0, "labelled valid, but '?' is not base64url" },
	{ 373, 0, "labelled valid, but '?' is not base64url" }
};

static int
jws_expected_valid(const cJSON *v, const char **why)
{
	int id = jint(v, "tcId");
	size_t i;

	*why = "";
	for (i = 0; i < sizeof jws_relabel / sizeof *jws_relabel; i++) {
		if (jws_relabel[i].tc_id == id) {
			*why = jws_relabel[i].why;
			return jws_relabel[i].valid;
		}
	}
	return strcmp(jstr(v, "result"), "valid") == 0;
}

static int
wycheproof_jws(const cJSON *v, const oojwt_key *key)
{
	const char *jws = jstr(v, "jws"), *why;
	int want = jws_expected_valid(v, &why), got;
	char names[256];
	oojwt_result r;
	test t;

	test_begin(&t, "json_web_signature_test.json tcId %d (%s)%s%s",
		jint(v, "tcId"), jstr(v, "comment"), why[0] ? ": " : "", why);
	/* No payload here is a JSON object, so no claim is ever read: the
	 * clock cannot decide. */
	verify(&r, jws, strlen(jws), key, OOJWT_ALG_HMAC, 1e9, 0);
	got = jws_accepted(&r);
	expect(&t, got == want, "%s, want %s (errors: %s)",
		got ? "accepted" : "rejected", want ? "accepted" : "rejected",
		issue_names(names, sizeof names, r.errors, r.n_errors));
	oojwt_result_free(&r);
	test_end(&t);
	return !t.failed;
}

static void
run_wycheproof_jws(const char *shared)
{
	const char *file = "json_web_signature_test.json";
	cJSON *doc = load_shared(shared, "wycheproof", file);
	const cJSON *g, *v;
	int passed = 0, failed = 0, groups = 0;

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(g, jlist(doc, "testGroups")) {
		const cJSON *priv = jget(g, "private");
		char msg[OOJWT_MESSAGE_LEN];
		jwk j;
		test t;

		if (strcmp(jstr(priv, "kty"), "oct") != 0) {
			continue;
		}
		groups++;
		test_begin(&t, "%s group %d (%s): read the oct JWK", file, groups,
			jstr(g, "comment"));
		if (!expect(&t, jwk_load_cjson(&j, priv, msg) == OOJWT_OK,
			"oojwt_jwk_read: %s", msg))
		{
			test_end(&t);
			jwk_free(&j);
			failed++;
			continue;
		}
		test_end(&t);
		cJSON_ArrayForEach(v, jlist(g, "tests")) {
			if (wycheproof_jws(v, &j.key)) {
				passed++;
			} else {
				failed++;
			}
		}
		jwk_free(&j);
	}
	printf("wycheproof %s: %d passed, %d failed (%d groups with an oct key; "
		"payloads are not JSON, judged as JWS)\n", file, passed, failed,
		groups);
	cJSON_Delete(doc);
}

static void
run_cookbook(const char *shared)
{
	const char *file = "4_4.hmac-sha2_integrity_protection.json";
	cJSON *doc = load_shared(shared, "jose-cookbook/jws", file);
	const cJSON *in, *sg;
	const char *compact, *payload, *prot_b64;
	unsigned char *prot;
	size_t prot_len, bad;
	char msg[OOJWT_MESSAGE_LEN], names[256];
	oojwt_result r;
	oojwt_issue err;
	str tok;
	jwk j;
	test t;
	int code;

	if (doc == NULL) {
		return;
	}
	in = jget(doc, "input");
	sg = jget(doc, "signing");
	compact = jstr(jget(doc, "output"), "compact");
	payload = jstr(in, "payload");
	prot_b64 = jstr(sg, "protected_b64u");
	prot = (unsigned char *)xmalloc(strlen(prot_b64));
	oojwt_b64url_decode(prot, &prot_len, prot_b64, strlen(prot_b64), &bad);

	test_begin(&t, "cookbook %s: verify output.compact", file);
	code = jwk_load_cjson(&j, jget(in, "key"), msg);
	expect(&t, code == OOJWT_OK, "JWK: %s", msg);
	verify(&r, compact, strlen(compact), &j.key, OOJWT_ALG_HS256, 1e9, 0);
	expect(&t, jws_accepted(&r), "rejected (errors: %s)",
		issue_names(names, sizeof names, r.errors, r.n_errors));
	oojwt_result_free(&r);
	test_end(&t);

	/* oojwt_sign only signs JSON-object payloads; the MAC and the
	 * encoding are checked through the same primitives instead. */
	test_begin(&t, "cookbook %s: re-sign protected + payload", file);
	mac_token(&tok, OOJWT_ALG_HS256, &j.key, (const char *)prot, prot_len,
		payload, strlen(payload));
	expect(&t, strcmp(tok.p, compact) == 0, "token differs:\n  got  %s\n"
		"  want %s", tok.p, compact);
	str_free(&tok);
	code = sign_token(&tok, OOJWT_ALG_HS256, &j.key, (const char *)prot,
		prot_len, payload, strlen(payload), 0, &err);
	expect(&t, code == OOJWT_ERR_BAD_JSON, "oojwt_sign of the non-JSON "
		"payload returned %s, want bad_json", cname(code));
	str_free(&tok);
	test_end(&t);

	jwk_free(&j);
	free(prot);
	cJSON_Delete(doc);
}

/* ---- the hostile-token table ------------------------------------------ */

#define NOW 1700000000.0
#define HDR "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
#define PAYLOAD "{\"sub\":\"user\",\"exp\":2000000000}"
#define AT_END (-1)
/* An object holding 64 nested arrays: 65 levels, one above the limit. */
#define OPEN8 "[[[[[[[["
#define CLOSE8 "]]]]]]]]"
#define DEEP65 "{\"a\":" OPEN8 OPEN8 OPEN8 OPEN8 OPEN8 OPEN8 OPEN8 OPEN8 \
	CLOSE8 CLOSE8 CLOSE8 CLOSE8 CLOSE8 CLOSE8 CLOSE8 CLOSE8 "}"

enum { SHAPE_3, SHAPE_EMPTY, SHAPE_1, SHAPE_2, SHAPE_4, SHAPE_5, SHAPE_HUGE };
enum { SIG_MAC, SIG_EMPTY, SIG_SHORT, SIG_LONG, SIG_CUT2 };
enum { KEY_MAIN, KEY_OTHER, KEY_EMPTY, KEY_SHORT, KEY_HS384 };
enum { SEG_NONE, SEG_HEADER, SEG_PAYLOAD, SEG_SIG };

static const char secret_main[] =
	"0123456789abcdef-the-main-test-secret-of-64-bytes-0123456789abcd";
static const char secret_other[] =
	"an-entirely-different-secret-of-sixty-four-bytes-for-wrong-keys!";

static oojwt_key
test_key(int which)
{
	oojwt_key k = raw_key(secret_main, sizeof secret_main - 1);

	switch (which) {
	case KEY_OTHER:
		k = raw_key(secret_other, sizeof secret_other - 1);
		break;
	case KEY_EMPTY:
		k = raw_key("", 0);
		break;
	case KEY_SHORT:
		k = raw_key("short", 5);
		break;
	case KEY_HS384:
		k.algs = OOJWT_ALG_HS384;
		break;
	default:
		break;
	}
	return k;
}

/*
 * A token built from `header` and `payload` texts (defaults HDR and
 * PAYLOAD), MACed with `mac` (default HS256) and the `signer` key over
 * exactly the segments sent, then damaged as described. `insert` goes
 * into segment `seg` at offset `at` (AT_END: its end), or overwrites the
 * characters there when `replace` is set; with `seg` set and no
 * `insert`, the segment gets '=' padding to a multiple of 4. When the
 * first expected error is bad_base64, its position must be that of the
 * inserted text.
 */
typedef struct {
	const char *name;
	const char *header, *payload;
	unsigned mac;
	int shape, sig;
	int signer, verifier;
	unsigned algs;          /* allowed algorithms; 0: OOJWT_ALG_HMAC */
	int seg;
	const char *insert;
	int replace;            /* `insert` overwrites instead */
	int at;
	int errors[4];          /* expected, first one first; 0-terminated */
	int warnings[3];
} hostile;

static const hostile hostile_table[] = {
	{ .name = "valid HS256 token (control)" },
	{ .name = "valid HS512 token (control)",
	  .header = "{\"alg\":\"HS512\"}", .mac = OOJWT_ALG_HS512 },
	{ .name = "empty token", .shape = SHAPE_EMPTY,
	  .errors = { OOJWT_ERR_MALFORMED } },
	{ .name = "1 segment", .shape = SHAPE_1,
	  .errors = { OOJWT_ERR_MALFORMED } },
	{ .name = "2 segments", .shape = SHAPE_2,
	  .errors = { OOJWT_ERR_MALFORMED } },
	{ .name = "4 segments", .shape = SHAPE_4,
	  .errors = { OOJWT_ERR_MALFORMED } },
	{ .name = "5 segments (JWE shape)", .shape = SHAPE_5,
	  .errors = { OOJWT_ERR_MALFORMED } },
	{ .name = "padding in the header",
	  .header = "{\"alg\":\"HS256\",\"kid\":\"k1\"}", .seg = SEG_HEADER,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "padding in the payload", .seg = SEG_PAYLOAD,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "padding in the signature (only the '=' is wrong)",
	  .seg = SEG_SIG, .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "space in the header", .seg = SEG_HEADER, .insert = " ",
	  .at = 5, .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "tab in the payload", .seg = SEG_PAYLOAD, .insert = "\t",
	  .at = 3, .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "CRLF in the signature", .seg = SEG_SIG, .insert = "\r\n",
	  .at = 10,
	  .errors = { OOJWT_ERR_BAD_BASE64, OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "line feed after the token (not a length problem)",
	  .seg = SEG_SIG, .insert = "\n", .at = AT_END,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "space replacing a signature character (43 characters)",
	  .seg = SEG_SIG, .insert = " ", .replace = 1, .at = 20,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "'+' replacing a signature character (43 characters)",
	  .seg = SEG_SIG, .insert = "+", .replace = 1, .at = 0,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "'+' in the header", .seg = SEG_HEADER, .insert = "+",
	  .at = 4, .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "'/' in the signature", .seg = SEG_SIG, .insert = "/",
	  .at = 8,
	  .errors = { OOJWT_ERR_BAD_BASE64, OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "'=' replacing the header's last character",
	  .seg = SEG_HEADER, .insert = "=", .replace = 1, .at = 35,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "non-ASCII byte in the payload", .seg = SEG_PAYLOAD,
	  .insert = "\xc3\xa9", .at = 2, .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "header is not JSON", .header = "alg=HS256",
	  .errors = { OOJWT_ERR_BAD_JSON } },
	{ .name = "header starts with a BOM",
	  .header = "\xef\xbb\xbf" "{\"alg\":\"HS256\"}",
	  .errors = { OOJWT_ERR_BAD_JSON } },
	{ .name = "header is an array", .header = "[\"alg\",\"HS256\"]",
	  .errors = { OOJWT_ERR_NOT_AN_OBJECT } },
	{ .name = "payload is null", .payload = "null",
	  .errors = { OOJWT_ERR_NOT_AN_OBJECT } },
	{ .name = "payload is an array", .payload = "[{\"sub\":\"x\"}]",
	  .errors = { OOJWT_ERR_NOT_AN_OBJECT } },
	{ .name = "payload is a string", .payload = "\"sub\"",
	  .errors = { OOJWT_ERR_NOT_AN_OBJECT } },
	{ .name = "header and payload both not JSON", .header = "{alg:HS256}",
	  .payload = "{sub:1}",
	  .errors = { OOJWT_ERR_BAD_JSON, OOJWT_ERR_BAD_JSON } },
	{ .name = "duplicate alg in the header",
	  .header = "{\"alg\":\"HS256\",\"alg\":\"HS256\"}",
	  .errors = { OOJWT_ERR_DUPLICATE_MEMBER } },
	{ .name = "duplicate alg in the header, the second none",
	  .header = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"alg\":\"none\"}",
	  .errors = { OOJWT_ERR_DUPLICATE_MEMBER } },
	{ .name = "duplicate sub in the payload",
	  .payload = "{\"sub\":\"alice\",\"sub\":\"admin\"}",
	  .errors = { OOJWT_ERR_DUPLICATE_MEMBER } },
	{ .name = "payload nested 65 deep",
	  .payload = DEEP65,
	  .errors = { OOJWT_ERR_TOO_DEEP } },
	{ .name = "alg none, empty signature", .header = "{\"alg\":\"none\"}",
	  .sig = SIG_EMPTY, .errors = { OOJWT_ERR_ALG_NONE } },
	{ .name = "alg NONE", .header = "{\"alg\":\"NONE\"}",
	  .errors = { OOJWT_ERR_ALG_NONE } },
	{ .name = "alg None", .header = "{\"alg\":\"None\"}",
	  .sig = SIG_EMPTY, .errors = { OOJWT_ERR_ALG_NONE } },
	{ .name = "alg hs256 (wrong case)", .header = "{\"alg\":\"hs256\"}",
	  .errors = { OOJWT_ERR_ALG_NOT_ALLOWED } },
	{ .name = "alg HS999 (unknown)", .header = "{\"alg\":\"HS999\"}",
	  .errors = { OOJWT_ERR_ALG_NOT_ALLOWED } },
	{ .name = "alg missing", .header = "{\"typ\":\"JWT\"}",
	  .errors = { OOJWT_ERR_BAD_HEADER } },
	{ .name = "alg only as Alg (lookups are case-sensitive)",
	  .header = "{\"Alg\":\"HS256\"}", .errors = { OOJWT_ERR_BAD_HEADER } },
	{ .name = "ALG none beside alg HS256 (a different member)",
	  .header = "{\"ALG\":\"none\",\"alg\":\"HS256\"}" },
	{ .name = "alg is a number", .header = "{\"alg\":256}",
	  .errors = { OOJWT_ERR_BAD_HEADER } },
	{ .name = "alg is null", .header = "{\"alg\":null}",
	  .errors = { OOJWT_ERR_BAD_HEADER } },
	{ .name = "alg RS256, HS allowed", .header = "{\"alg\":\"RS256\"}",
	  .errors = { OOJWT_ERR_ALG_NOT_ALLOWED } },
	{ .name = "alg RS256 allowed but unsupported",
	  .header = "{\"alg\":\"RS256\"}",
	  .algs = OOJWT_ALG_HMAC | OOJWT_ALG_RS256,
	  .errors = { OOJWT_ERR_UNSUPPORTED_ALG } },
	{ .name = "alg HS384, only HS256 allowed",
	  .header = "{\"alg\":\"HS384\"}", .mac = OOJWT_ALG_HS384,
	  .algs = OOJWT_ALG_HS256, .errors = { OOJWT_ERR_ALG_NOT_ALLOWED } },
	{ .name = "crit present",
	  .header = "{\"alg\":\"HS256\",\"crit\":[\"exp\"]}",
	  .errors = { OOJWT_ERR_CRIT } },
	{ .name = "signature truncated by one byte", .sig = SIG_SHORT,
	  .errors = { OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "signature text missing its last 2 characters",
	  .sig = SIG_CUT2,
	  .errors = { OOJWT_ERR_BAD_BASE64, OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "signature one byte too long", .sig = SIG_LONG,
	  .errors = { OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "wrong secret", .signer = KEY_OTHER,
	  .errors = { OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "empty signature", .sig = SIG_EMPTY,
	  .errors = { OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "HS256 MAC under an HS384 header",
	  .header = "{\"alg\":\"HS384\"}",
	  .errors = { OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "expired", .payload = "{\"exp\":1699999999}",
	  .errors = { OOJWT_ERR_EXPIRED } },
	{ .name = "not yet valid", .payload = "{\"nbf\":1700000001}",
	  .errors = { OOJWT_ERR_NOT_YET_VALID } },
	{ .name = "exp is a string", .payload = "{\"exp\":\"2000000000\"}",
	  .errors = { OOJWT_ERR_BAD_CLAIM } },
	{ .name = "iat is a string", .payload = "{\"iat\":\"1600000000\"}",
	  .errors = { OOJWT_ERR_BAD_CLAIM } },
	{ .name = "nbf is null", .payload = "{\"nbf\":null}",
	  .errors = { OOJWT_ERR_BAD_CLAIM } },
	{ .name = "exp is 1e400", .payload = "{\"exp\":1e400}",
	  .errors = { OOJWT_ERR_BAD_JSON } },
	{ .name = "token longer than OOJWT_MAX_TOKEN_LEN", .shape = SHAPE_HUGE,
	  .errors = { OOJWT_ERR_TOO_LARGE } },
	{ .name = "empty key", .verifier = KEY_EMPTY,
	  .errors = { OOJWT_ERR_EMPTY_KEY } },
	{ .name = "key restricted to HS384, HS256 token",
	  .verifier = KEY_HS384, .errors = { OOJWT_ERR_KEY_MISMATCH } },
	{ .name = "bad signature + expired + not yet valid",
	  .payload = "{\"exp\":1690000000,\"nbf\":1710000000}",
	  .signer = KEY_OTHER,
	  .errors = { OOJWT_ERR_BAD_SIGNATURE, OOJWT_ERR_EXPIRED,
		OOJWT_ERR_NOT_YET_VALID } },
	{ .name = "bad exp type + not yet valid + wrong case alg",
	  .header = "{\"alg\":\"Hs256\"}",
	  .payload = "{\"exp\":true,\"nbf\":1710000000}",
	  .errors = { OOJWT_ERR_ALG_NOT_ALLOWED, OOJWT_ERR_BAD_CLAIM,
		OOJWT_ERR_NOT_YET_VALID } },
	{ .name = "warning: 5-byte key", .signer = KEY_SHORT,
	  .verifier = KEY_SHORT, .warnings = { OOJWT_WARN_SHORT_KEY } },
	{ .name = "warning: typ foo",
	  .header = "{\"alg\":\"HS256\",\"typ\":\"foo\"}",
	  .warnings = { OOJWT_WARN_TYP_NOT_JWT } },
	{ .name = "warning: iat in the future",
	  .payload = "{\"iat\":1700000100}",
	  .warnings = { OOJWT_WARN_IAT_IN_FUTURE } },
	{ .name = "expired, with two warnings",
	  .header = "{\"alg\":\"HS256\",\"typ\":\"JOSE\"}",
	  .payload = "{\"exp\":1600000000,\"iat\":1800000000}",
	  .errors = { OOJWT_ERR_EXPIRED },
	  .warnings = { OOJWT_WARN_TYP_NOT_JWT, OOJWT_WARN_IAT_IN_FUTURE } }
};

/* Apply the row's damage to one segment; returns the offset in the
 * segment where the inserted text starts. */
static size_t
damage(str *seg, const hostile *h)
{
	size_t at = h->at == AT_END ? seg->len : (size_t)h->at;

	if (h->insert != NULL && h->replace) {
		memcpy(seg->p + at, h->insert, strlen(h->insert));
		return at;
	}
	if (h->insert != NULL) {
		str_insert(seg, at, h->insert);
		return at;
	}
	at = seg->len;
	while (seg->len % 4 != 0) {
		str_puts(seg, "=");
	}
	return at;
}

/* The three segments of the row's token, MACed over exactly the first
 * two as sent; returns the offset in the token of the inserted text
 * (-1 when nothing is inserted). */
static long
hostile_segments(str seg[3], const hostile *h)
{
	const char *hdr = h->header != NULL ? h->header : HDR;
	const char *pl = h->payload != NULL ? h->payload : PAYLOAD;
	oojwt_key signer = test_key(h->signer);
	unsigned char mac[65];
	size_t n, i, at = 0;
	long pos;
	str input;

	memset(seg, 0, 3 * sizeof *seg);
	memset(&input, 0, sizeof input);
	str_b64(&seg[0], hdr, strlen(hdr));
	str_b64(&seg[1], pl, strlen(pl));
	if (h->seg == SEG_HEADER || h->seg == SEG_PAYLOAD) {
		at = damage(&seg[h->seg - 1], h);
	}
	str_put(&input, seg[0].p, seg[0].len);
	str_puts(&input, ".");
	str_put(&input, seg[1].p, seg[1].len);
	n = oojwt_hmac(h->mac != 0 ? h->mac : OOJWT_ALG_HS256, signer.data,
		signer.len, input.p, input.len, mac);
	str_free(&input);
	if (h->sig == SIG_EMPTY) {
		n = 0;
	} else if (h->sig == SIG_SHORT) {
		n--;
	} else if (h->sig == SIG_LONG) {
		mac[n++] = 0;
	}
	str_b64(&seg[2], mac, n);
	if (h->sig == SIG_CUT2) {
		seg[2].p[seg[2].len -= 2] = 0;
	}
	if (h->seg == SEG_SIG) {
		at = damage(&seg[2], h);
	}
	if (h->seg == SEG_NONE) {
		return -1;
	}
	pos = (long)at;
	for (i = 0; i + 1 < (size_t)h->seg; i++) {
		pos += (long)seg[i].len + 1;
	}
	return pos;
}

/* Join the segments into the row's token shape. */
static void
hostile_assemble(str *tok, const str seg[3], int shape)
{
	static const char filler[] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	size_t n = shape == SHAPE_EMPTY ? 0 : shape == SHAPE_1 ? 1
		: shape == SHAPE_2 ? 2 : 3, i;

	memset(tok, 0, sizeof *tok);
	str_puts(tok, "");
	for (i = 0; i < n; i++) {
		if (i > 0) {
			str_puts(tok, ".");
		}
		str_put(tok, seg[i].p, seg[i].len);
	}
	if (shape == SHAPE_4) {
		str_puts(tok, ".e30");
	} else if (shape == SHAPE_5) {
		str_puts(tok, ".e30.e30");
	}
	while (shape == SHAPE_HUGE && tok->len <= OOJWT_MAX_TOKEN_LEN) {
		str_puts(tok, filler);
	}
}

static void
hostile_token(str *tok, const hostile *h, long *ins_pos)
{
	str seg[3];
	size_t i;

	*ins_pos = hostile_segments(seg, h);
	hostile_assemble(tok, seg, h->shape);
	for (i = 0; i < 3; i++) {
		str_free(&seg[i]);
	}
}

static void
hostile_run(const hostile *h)
{
	oojwt_key key = test_key(h->verifier);
	oojwt_result r, d;
	long ins_pos;
	str tok;
	int code;
	test t;

	test_begin(&t, "hostile: %s", h->name);
	hostile_token(&tok, h, &ins_pos);
	code = verify(&r, tok.p, tok.len, &key,
		h->algs != 0 ? h->algs : OOJWT_ALG_HMAC, NOW, 0);
	expect_result(&t, &r, code, h->errors, h->warnings);
	if (h->errors[0] == OOJWT_ERR_BAD_BASE64 && ins_pos >= 0
		&& r.n_errors > 0)
	{
		expect(&t, r.errors[0].pos == ins_pos,
			"bad_base64 at %ld, want %ld", r.errors[0].pos, ins_pos);
	}
	oojwt_result_free(&r);
	/* Decoding the same bytes must be memory-safe too. */
	code = oojwt_decode(&d, tok.p, tok.len);
	expect(&t, d.valid == 0, "oojwt_decode set valid");
	expect(&t, (code == OOJWT_OK) == (d.n_errors == 0),
		"oojwt_decode returned %s with %lu errors", cname(code),
		(unsigned long)d.n_errors);
	oojwt_result_free(&d);
	str_free(&tok);
	test_end(&t);
}

static void
run_hostile(void)
{
	size_t i;

	for (i = 0; i < sizeof hostile_table / sizeof *hostile_table; i++) {
		hostile_run(&hostile_table[i]);
	}
}

/* ---- exp / nbf / iat boundaries --------------------------------------- */

static const struct {
	const char *payload;
	double now, tolerance;
	int error;      /* the one expected error, 0: none */
	int warning;    /* the one expected warning, 0: none */
} time_table[] = {
	{ "{\"exp\":1000}", 999, 0, 0, 0 },
	{ "{\"exp\":1000}", 999.999, 0, 0, 0 },
	{ "{\"exp\":1000}", 1000, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":1000}", 1000.001, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":1000}", 1029.5, 30, 0, 0 },
	{ "{\"exp\":1000}", 1030, 30, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":1000.75}", 1000.5, 0, 0, 0 },
	{ "{\"exp\":1000.75}", 1000.75, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":1000.25}", 1000.7, 0.5, 0, 0 },
	{ "{\"exp\":1000.25}", 1000.75, 0.5, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":0}", 0, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":-5}", -6, 0, 0, 0 },
	{ "{\"exp\":1e3}", 1000, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"nbf\":1000}", 1000, 0, 0, 0 },
	{ "{\"nbf\":1000}", 999.999, 0, OOJWT_ERR_NOT_YET_VALID, 0 },
	{ "{\"nbf\":1000}", 970, 30, 0, 0 },
	{ "{\"nbf\":1000}", 969.5, 30, OOJWT_ERR_NOT_YET_VALID, 0 },
	{ "{\"nbf\":1000.5}", 1000.5, 0, 0, 0 },
	{ "{\"nbf\":1000.5}", 1000.25, 0, OOJWT_ERR_NOT_YET_VALID, 0 },
	{ "{\"nbf\":1000.5}", 1000.25, 0.25, 0, 0 },
	{ "{\"nbf\":1000.5}", 1000.2, 0.25, OOJWT_ERR_NOT_YET_VALID, 0 },
	{ "{\"nbf\":1000,\"exp\":1000}", 1000, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"nbf\":1000,\"exp\":1001}", 1000.5, 0, 0, 0 },
	{ "{\"iat\":1000}", 1000, 0, 0, 0 },
	{ "{\"iat\":1000.5}", 1000, 0, 0, OOJWT_WARN_IAT_IN_FUTURE },
	{ "{\"iat\":1010}", 1000, 10, 0, 0 },
	{ "{\"iat\":1010.5}", 1000, 10, 0, OOJWT_WARN_IAT_IN_FUTURE },
	{ "{\"iat\":5000}", 1000, 0, 0, OOJWT_WARN_IAT_IN_FUTURE }
};

static void
run_times(void)
{
	oojwt_key key = test_key(KEY_MAIN);
	size_t i;

	for (i = 0; i < sizeof time_table / sizeof *time_table; i++) {
		int errors[2] = { time_table[i].error, 0 };
		int warnings[2] = { time_table[i].warning, 0 };
		oojwt_result r;
		str tok;
		int code;
		test t;

		test_begin(&t, "time: %s at now %.3f, tolerance %g",
			time_table[i].payload, time_table[i].now,
			time_table[i].tolerance);
		code = sign_str(&tok, OOJWT_ALG_HS256, &key, HDR,
			time_table[i].payload);
		if (expect(&t, code == OOJWT_OK, "oojwt_sign: %s", cname(code))) {
			code = verify(&r, tok.p, tok.len, &key, OOJWT_ALG_HS256,
				time_table[i].now, time_table[i].tolerance);
			expect_result(&t, &r, code, errors, warnings);
			oojwt_result_free(&r);
		}
		str_free(&tok);
		test_end(&t);
	}
}

/* ---- API tests -------------------------------------------------------- */

static void
test_verify_arguments(void)
{
	static const struct {
		const char *what;
		unsigned algs;
		double now, tolerance;
	} bad_opts[] = {
		{ "algorithms 0", 0, NOW, 0 },
		{ "now NaN", OOJWT_ALG_HMAC, NAN, 0 },
		{ "now +infinity", OOJWT_ALG_HMAC, INFINITY, 0 },
		{ "now -infinity", OOJWT_ALG_HMAC, -INFINITY, 0 },
		{ "negative tolerance", OOJWT_ALG_HMAC, NOW, -1 },
		{ "tolerance NaN", OOJWT_ALG_HMAC, NOW, NAN },
		{ "tolerance infinity", OOJWT_ALG_HMAC, NOW, INFINITY }
	};
	oojwt_key key = test_key(KEY_MAIN), nodata = raw_key(NULL, 4);
	oojwt_verify_opts o = opts_make(OOJWT_ALG_HMAC, NOW, 0);
	oojwt_result r;
	str tok;
	size_t i;
	test t;

	sign_str(&tok, OOJWT_ALG_HS256, &key, HDR, PAYLOAD);
	for (i = 0; i < sizeof bad_opts / sizeof *bad_opts; i++) {
		int code;
		test_begin(&t, "API: oojwt_verify with %s", bad_opts[i].what);
		memset(&r, 0, sizeof r);
		code = verify(&r, tok.p, tok.len, &key, bad_opts[i].algs,
			bad_opts[i].now, bad_opts[i].tolerance);
		expect(&t, code == OOJWT_ERR_BAD_ARGUMENT && r.valid == 0,
			"returned %s", cname(code));
		oojwt_result_free(&r);
		test_end(&t);
	}
	test_begin(&t, "API: oojwt_verify/decode with NULL arguments");
	memset(&r, 0, sizeof r);
	expect(&t, oojwt_verify(NULL, tok.p, tok.len, &key, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL result accepted");
	expect(&t, oojwt_verify(&r, NULL, 5, &key, &o) == OOJWT_ERR_BAD_ARGUMENT,
		"NULL token with a length accepted");
	expect(&t, oojwt_verify(&r, tok.p, tok.len, NULL, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL key accepted");
	expect(&t, oojwt_verify(&r, tok.p, tok.len, &nodata, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "key without data accepted");
	expect(&t, oojwt_verify(&r, tok.p, tok.len, &key, NULL)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL options accepted");
	expect(&t, oojwt_decode(NULL, tok.p, tok.len) == OOJWT_ERR_BAD_ARGUMENT,
		"oojwt_decode: NULL result accepted");
	expect(&t, oojwt_decode(&r, NULL, 3) == OOJWT_ERR_BAD_ARGUMENT,
		"oojwt_decode: NULL token accepted");
	oojwt_result_free(&r);
	test_end(&t);
	str_free(&tok);
}

static int
all_zero(const void *p, size_t n)
{
	const unsigned char *b = (const unsigned char *)p;
	size_t i;

	for (i = 0; i < n; i++) {
		if (b[i] != 0) {
			return 0;
		}
	}
	return 1;
}

static void
test_result_free(void)
{
	oojwt_key key = test_key(KEY_MAIN);
	oojwt_result r;
	str tok;
	test t;

	test_begin(&t, "API: oojwt_result_free twice, and on NULL");
	sign_str(&tok, OOJWT_ALG_HS256, &key, HDR, PAYLOAD);
	expect(&t, verify(&r, tok.p, tok.len, &key, OOJWT_ALG_HMAC, NOW, 0)
		== OOJWT_OK, "the control token does not verify");
	expect(&t, r.header != NULL && r.payload != NULL && r.sig != NULL,
		"decoded parts missing");
	oojwt_result_free(&r);
	expect(&t, all_zero(&r, sizeof r), "the result is not zeroed");
	oojwt_result_free(&r);
	oojwt_result_free(NULL);
	memset(&r, 0, sizeof r);
	oojwt_result_free(&r);
	str_free(&tok);
	test_end(&t);
}

static const struct {
	int code;
	const char *name;
} code_table[] = {
	{ OOJWT_OK, "ok" },
	{ OOJWT_ERR_MALFORMED, "malformed" },
	{ OOJWT_ERR_BAD_BASE64, "bad_base64" },
	{ OOJWT_ERR_BAD_JSON, "bad_json" },
	{ OOJWT_ERR_DUPLICATE_MEMBER, "duplicate_member" },
	{ OOJWT_ERR_ALG_NOT_ALLOWED, "alg_not_allowed" },
	{ OOJWT_ERR_ALG_NONE, "alg_none" },
	{ OOJWT_ERR_BAD_SIGNATURE, "bad_signature" },
	{ OOJWT_ERR_EXPIRED, "expired" },
	{ OOJWT_ERR_NOT_YET_VALID, "not_yet_valid" },
	{ OOJWT_ERR_BAD_CLAIM, "bad_claim" },
	{ OOJWT_ERR_NOT_AN_OBJECT, "not_an_object" },
	{ OOJWT_ERR_TOO_LARGE, "too_large" },
	{ OOJWT_ERR_TOO_DEEP, "too_deep" },
	{ OOJWT_ERR_BAD_HEADER, "bad_header" },
	{ OOJWT_ERR_UNSUPPORTED_ALG, "unsupported_alg" },
	{ OOJWT_ERR_CRIT, "crit_unsupported" },
	{ OOJWT_ERR_EMPTY_KEY, "empty_key" },
	{ OOJWT_ERR_BAD_KEY, "bad_key" },
	{ OOJWT_ERR_KEY_MISMATCH, "key_mismatch" },
	{ OOJWT_ERR_BAD_ARGUMENT, "bad_argument" },
	{ OOJWT_ERR_NO_MEMORY, "no_memory" },
	{ OOJWT_ERR_BUFFER_TOO_SMALL, "buffer_too_small" },
	{ OOJWT_WARN_SHORT_KEY, "short_key" },
	{ OOJWT_WARN_TYP_NOT_JWT, "typ_not_jwt" },
	{ OOJWT_WARN_IAT_IN_FUTURE, "iat_in_future" }
};
#define NUM_CODES (sizeof code_table / sizeof *code_table)

static int
is_snake_case(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || s[0] == '_' || s[n - 1] == '_') {
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'
			|| (i > 0 && s[i] >= '0' && s[i] <= '9')))
		{
			return 0;
		}
	}
	return strstr(s, "__") == NULL;
}

static void
test_code_names(void)
{
	int max_err = 0, max_warn = 0, unknown[7];
	size_t i, k;
	test t;

	test_begin(&t, "API: oojwt_code_name");
	for (i = 0; i < NUM_CODES; i++) {
		const char *n = oojwt_code_name(code_table[i].code);
		int c = code_table[i].code;
		if (!expect(&t, n != NULL, "code %d has no name", c)) {
			continue;
		}
		expect(&t, strcmp(n, code_table[i].name) == 0,
			"code %d is \"%s\", want \"%s\"", c, n, code_table[i].name);
		expect(&t, is_snake_case(n), "\"%s\" is not snake_case", n);
		for (k = 0; k < i; k++) {
			const char *m = oojwt_code_name(code_table[k].code);
			expect(&t, m == NULL || strcmp(n, m) != 0,
				"codes %d and %d are both \"%s\"", c, code_table[k].code, n);
		}
		if (c < OOJWT_WARN_FIRST && c > max_err) {
			max_err = c;
		}
		if (c > max_warn) {
			max_warn = c;
		}
	}
	unknown[0] = -1;
	unknown[1] = max_err + 1;
	unknown[2] = OOJWT_WARN_FIRST - 1;
	unknown[3] = max_warn + 1;
	unknown[4] = INT_MAX;
	unknown[5] = INT_MIN;
	unknown[6] = 1000;
	for (i = 0; i < sizeof unknown / sizeof *unknown; i++) {
		expect(&t, oojwt_code_name(unknown[i]) == NULL,
			"%d has a name", unknown[i]);
	}
	test_end(&t);
}

static void
test_alg_names(void)
{
	static const char *const wrong[] = {
		"hs256", "Hs256", "hS256", "HS256 ", " HS256", "HS25", "HS2566",
		"", "eddsa", "EDDSA", "none", "HS256\n"
	};
	unsigned i, bit, seen = 0;
	test t;

	test_begin(&t, "API: algorithm names are exact and case-sensitive");
	for (i = 0; (bit = oojwt_alg_by_index(i)) != 0; i++) {
		const char *n = oojwt_alg_name(bit);
		int hs = (bit & OOJWT_ALG_HMAC) != 0;
		expect(&t, n != NULL && oojwt_alg_from_name(n, strlen(n)) == bit,
			"index %u does not round-trip", i);
		expect(&t, (bit & (bit - 1)) == 0 && (seen & bit) == 0,
			"index %u: bit 0x%x repeated or not a single bit", i, bit);
		expect(&t, !!oojwt_alg_supported(bit) == hs, "%s supported is %d", n,
			oojwt_alg_supported(bit));
		expect(&t, oojwt_hmac_size(bit) == (hs ? (size_t)(bit == OOJWT_ALG_HS256
			? 32 : bit == OOJWT_ALG_HS384 ? 48 : 64) : 0),
			"hmac size of %s", n);
		seen |= bit;
	}
	expect(&t, i == 13, "%u algorithms, want 13", i);
	for (i = 0; i < sizeof wrong / sizeof *wrong; i++) {
		expect(&t, oojwt_alg_from_name(wrong[i], strlen(wrong[i])) == 0,
			"\"%s\" is taken for an algorithm", wrong[i]);
	}
	expect(&t, oojwt_alg_from_name("HS256x", 5) == OOJWT_ALG_HS256,
		"the length is not honoured");
	expect(&t, oojwt_alg_from_name("EdDSA", 5) == OOJWT_ALG_EDDSA, "EdDSA");
	expect(&t, oojwt_alg_name(OOJWT_ALG_HS256 | OOJWT_ALG_HS384) == NULL
		&& oojwt_alg_name(0) == NULL, "a name for a mask");
	expect(&t, !oojwt_alg_supported(OOJWT_ALG_HS256 | OOJWT_ALG_HS384)
		&& !oojwt_alg_supported(0), "a mask is supported");
	test_end(&t);
}

/* oojwt_fmt into a canary-filled buffer; checks the text and that
 * nothing was written past `cap`. */
static void
fmt_check(test *t, size_t cap, const char *want, const char *got_buf)
{
	size_t i;

	expect(t, strcmp(got_buf, want) == 0, "cap %lu: got \"%s\", want \"%s\"",
		(unsigned long)cap, got_buf, want);
	for (i = cap; i < 64; i++) {
		if (got_buf[i] != '#') {
			expect(t, 0, "cap %lu: byte %lu written", (unsigned long)cap,
				(unsigned long)i);
			break;
		}
	}
}

#define FMT(cap, want, ...) do { \
	memset(buf, '#', sizeof buf); \
	oojwt_fmt(buf, (cap), __VA_ARGS__); \
	fmt_check(&t, (cap), (want), buf); \
} while (0)

static void
test_fmt(void)
{
	char buf[64], want[64];
	test t;

	test_begin(&t, "API: oojwt_fmt");
	FMT(64, "abc", "%s", "abc");
	FMT(64, "a\\x01\\x7fb\\x00c", "%S", "a\x01\x7f" "b\0c", (size_t)6);
	FMT(64, "xy", "%S", "xyz", (size_t)2);
	FMT(64, "0 42 -7", "%d %d %d", 0, 42, -7);
	snprintf(want, sizeof want, "%d/%d", INT_MIN, INT_MAX);
	FMT(64, want, "%d/%d", INT_MIN, INT_MAX);
	snprintf(want, sizeof want, "%lu", (unsigned long)(size_t)-1);
	FMT(64, want, "%z", (size_t)-1);
	FMT(64, "0", "%z", (size_t)0);
	snprintf(want, sizeof want, "%ld %ld", LONG_MIN, LONG_MAX);
	FMT(64, want, "%l %l", LONG_MIN, LONG_MAX);
	FMT(64, "12 -12 0 1300819380 -3", "%t %t %t %t %t", 12.9, -12.9, 0.0,
		1300819380.0, -3.0);
	FMT(64, "100% sure %", "100%% sure %%");
	FMT(64, "a-b-1-2-3-4-5%", "%s-%S-%d-%z-%l-%t-%d%%", "a", "bc", (size_t)1,
		1, (size_t)2, 3L, 4.5, 5);
	FMT(4, "abc", "%s", "abcdef");
	FMT(3, "12", "%d", 12345);
	FMT(1, "", "%s", "abc");
	FMT(2, "-", "%t", -98.0);
	FMT(6, "a\\x0a", "%S", "a\nb", (size_t)3);
	test_end(&t);
}

static void
test_ct_equal(void)
{
	unsigned char a[64], b[64];
	size_t i;
	int bit;
	test t;

	test_begin(&t, "API: oojwt_ct_equal");
	for (i = 0; i < sizeof a; i++) {
		a[i] = b[i] = (unsigned char)(i * 37 + 11);
	}
	expect(&t, oojwt_ct_equal(a, b, sizeof a) == 1, "equal buffers differ");
	expect(&t, oojwt_ct_equal(a, b + 1, 0) == 1, "empty buffers differ");
	for (i = 0; i < sizeof a; i++) {
		for (bit = 0; bit < 8; bit++) {
			b[i] ^= (unsigned char)(1u << bit);
			expect(&t, oojwt_ct_equal(a, b, sizeof a) == 0,
				"bit %d of byte %lu ignored", bit, (unsigned long)i);
			b[i] ^= (unsigned char)(1u << bit);
		}
	}
	memset(a, 0xff, sizeof a);
	memset(b, 0x00, sizeof b);
	expect(&t, oojwt_ct_equal(a, b, sizeof a) == 0, "ff.. equals 00..");
	test_end(&t);
}

/* xorshift32: reproducible pseudo-random bytes. */
static unsigned long
next_random(unsigned long *s)
{
	unsigned long x = *s & 0xFFFFFFFFUL;

	x ^= (x << 13) & 0xFFFFFFFFUL;
	x ^= x >> 17;
	x ^= (x << 5) & 0xFFFFFFFFUL;
	*s = x;
	return x;
}

/* A reference encoder written bit by bit, independent of oojwt's. */
static size_t
ref_b64url(char *out, const unsigned char *p, size_t n)
{
	static const char alpha[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	size_t bits = n * 8, i, o = 0;

	for (i = 0; i < bits; i += 6) {
		unsigned v = 0, k;
		for (k = 0; k < 6; k++) {
			size_t b = i + k;
			v <<= 1;
			if (b < bits) {
				v |= (p[b / 8] >> (7 - b % 8)) & 1u;
			}
		}
		out[o++] = alpha[v];
	}
	return o;
}

static void
test_b64_round_trip(void)
{
	const unsigned long seed = 0x0071a5edUL;
	unsigned long state = seed;
	size_t len;
	test t;

	test_begin(&t, "API: base64url round trip, lengths 0..300 (seed 0x%lx)",
		seed);
	for (len = 0; len <= 300 && !t.failed; len++) {
		unsigned char *src = (unsigned char *)xmalloc(len);
		size_t elen = oojwt_b64url_encoded_len(len), n, dlen = 0, i, bad;
		char *enc = (char *)xmalloc(elen), *ref = (char *)xmalloc(elen + 2);
		unsigned char *dec;
		for (i = 0; i < len; i++) {
			src[i] = (unsigned char)next_random(&state);
		}
		n = oojwt_b64url_encode(enc, src, len);
		dec = (unsigned char *)xmalloc(n * 3 / 4);
		expect(&t, n == elen && n == ref_b64url(ref, src, len)
			&& memcmp(enc, ref, n) == 0,
			"length %lu: encoding differs from the reference",
			(unsigned long)len);
		expect(&t, oojwt_b64url_decode(dec, &dlen, enc, n, &bad) == OOJWT_OK
			&& dlen == len && memcmp(dec, src, len) == 0,
			"length %lu: decoding does not give the bytes back",
			(unsigned long)len);
		free(dec);
		free(ref);
		free(enc);
		free(src);
	}
	test_end(&t);
}

/* ---- signing refusals ------------------------------------------------- */

static const struct {
	const char *name;
	unsigned alg;
	int key;
	unsigned key_algs, key_ops;
	const char *header, *payload;
	size_t shrink;          /* output buffer this much below the size */
	int code;
} sign_table[] = {
	{ "control: HS256", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR, PAYLOAD, 0,
	  OOJWT_OK },
	{ "control: HS384 key for HS384", OOJWT_ALG_HS384, KEY_MAIN,
	  OOJWT_ALG_HS384, OOJWT_KEYOP_SIGN, "{\"alg\":\"HS384\"}", "{}", 0,
	  OOJWT_OK },
	{ "empty key", OOJWT_ALG_HS256, KEY_EMPTY, 0, 0, HDR, PAYLOAD, 0,
	  OOJWT_ERR_EMPTY_KEY },
	{ "header alg differs from alg", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS384\"}", PAYLOAD, 0, OOJWT_ERR_BAD_HEADER },
	{ "header alg in another case", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"hs256\"}", PAYLOAD, 0, OOJWT_ERR_BAD_HEADER },
	{ "header without alg", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"typ\":\"JWT\"}", PAYLOAD, 0, OOJWT_ERR_BAD_HEADER },
	{ "header not JSON", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS256\",}", PAYLOAD, 0, OOJWT_ERR_BAD_JSON },
	{ "header with a duplicate", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  "{\"alg\":\"HS256\",\"alg\":\"HS256\"}", PAYLOAD, 0,
	  OOJWT_ERR_DUPLICATE_MEMBER },
	{ "header an array", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, "[]", PAYLOAD, 0,
	  OOJWT_ERR_NOT_AN_OBJECT },
	{ "payload an array", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR, "[1]", 0,
	  OOJWT_ERR_NOT_AN_OBJECT },
	{ "payload a number", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR, "42", 0,
	  OOJWT_ERR_NOT_AN_OBJECT },
	{ "payload too deep", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR,
	  DEEP65, 0,
	  OOJWT_ERR_TOO_DEEP },
	{ "exp as a string", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR,
	  "{\"exp\":\"1700000000\"}", 0, OOJWT_ERR_BAD_CLAIM },
	{ "nbf as an object", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR,
	  "{\"nbf\":{}}", 0, OOJWT_ERR_BAD_CLAIM },
	{ "iat as a boolean", OOJWT_ALG_HS256, KEY_MAIN, 0, 0, HDR,
	  "{\"iat\":true}", 0, OOJWT_ERR_BAD_CLAIM },
	{ "alg RS256", OOJWT_ALG_RS256, KEY_MAIN, 0, 0, "{\"alg\":\"RS256\"}",
	  PAYLOAD, 0, OOJWT_ERR_UNSUPPORTED_ALG },
	{ "alg 0", 0, KEY_MAIN, 0, 0, HDR, PAYLOAD, 0,
	  OOJWT_ERR_UNSUPPORTED_ALG },
	{ "key for HS384 only", OOJWT_ALG_HS256, KEY_MAIN, OOJWT_ALG_HS384, 0,
	  HDR, PAYLOAD, 0, OOJWT_ERR_KEY_MISMATCH },
	{ "key for verify only", OOJWT_ALG_HS256, KEY_MAIN, 0,
	  OOJWT_KEYOP_VERIFY, HDR, PAYLOAD, 0, OOJWT_ERR_KEY_MISMATCH },
	{ "output buffer one byte too small", OOJWT_ALG_HS256, KEY_MAIN, 0, 0,
	  HDR, PAYLOAD, 1, OOJWT_ERR_BUFFER_TOO_SMALL }
};

static void
sign_row(size_t i)
{
	oojwt_key key = test_key(sign_table[i].key), vkey;
	const char *h = sign_table[i].header, *p = sign_table[i].payload;
	oojwt_issue err;
	oojwt_result r;
	str tok;
	int code;
	test t;

	key.algs = sign_table[i].key_algs;
	key.ops = sign_table[i].key_ops;
	vkey = raw_key((const char *)key.data, key.len);
	test_begin(&t, "sign: %s", sign_table[i].name);
	memset(&err, 0, sizeof err);
	code = sign_token(&tok, sign_table[i].alg, &key, h, strlen(h), p,
		strlen(p), sign_table[i].shrink, &err);
	expect(&t, code == sign_table[i].code, "returned %s (%s), want %s",
		cname(code), err.message, cname(sign_table[i].code));
	if (code != OOJWT_OK) {
		expect(&t, err.code == code && err.message[0] != 0,
			"err holds %s", cname(err.code));
	} else {
		expect(&t, strlen(tok.p) == tok.len, "NUL inside the token");
		code = verify(&r, tok.p, tok.len, &vkey, sign_table[i].alg, NOW, 0);
		expect(&t, code == OOJWT_OK, "the token does not verify: %s",
			cname(code));
		oojwt_result_free(&r);
	}
	str_free(&tok);
	test_end(&t);
}

static void
test_sign(void)
{
	oojwt_key key = test_key(KEY_MAIN);
	char out[256];
	size_t i, n;
	test t;

	for (i = 0; i < sizeof sign_table / sizeof *sign_table; i++) {
		sign_row(i);
	}
	test_begin(&t, "sign: NULL arguments");
	expect(&t, oojwt_sign(NULL, 10, &n, OOJWT_ALG_HS256, &key, HDR,
		strlen(HDR), "{}", 2, NULL) == OOJWT_ERR_BAD_ARGUMENT, "NULL out");
	expect(&t, oojwt_sign(out, sizeof out, NULL, OOJWT_ALG_HS256, &key, HDR,
		strlen(HDR), "{}", 2, NULL) == OOJWT_ERR_BAD_ARGUMENT,
		"NULL token_len");
	expect(&t, oojwt_sign(out, sizeof out, &n, OOJWT_ALG_HS256, NULL, HDR,
		strlen(HDR), "{}", 2, NULL) == OOJWT_ERR_BAD_ARGUMENT, "NULL key");
	expect(&t, oojwt_sign(out, sizeof out, &n, OOJWT_ALG_HS256, &key, NULL,
		0, "{}", 2, NULL) == OOJWT_ERR_BAD_ARGUMENT, "NULL header");
	expect(&t, oojwt_sign(out, sizeof out, &n, OOJWT_ALG_HS256, &key, HDR,
		strlen(HDR), NULL, 0, NULL) == OOJWT_ERR_BAD_ARGUMENT,
		"NULL payload");
	test_end(&t);
}

/* ---- JWK reading ------------------------------------------------------ */

#define K64 "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"

static const struct {
	const char *name, *json;
	int code;
	size_t len;             /* expected secret length when OK */
	unsigned algs, ops;
} jwk_table[] = {
	{ "plain oct key", "{\"kty\":\"oct\",\"k\":\"" K64 "\"}", OOJWT_OK, 64,
	  0, 0 },
	{ "alg HS384, use sig, key_ops [verify, sign]",
	  "{\"kty\":\"oct\",\"alg\":\"HS384\",\"use\":\"sig\","
	  "\"key_ops\":[\"verify\",\"sign\"],\"k\":\"" K64 "\"}", OOJWT_OK, 64,
	  OOJWT_ALG_HS384, OOJWT_KEYOP_SIGN | OOJWT_KEYOP_VERIFY },
	{ "key_ops [verify] only",
	  "{\"kty\":\"oct\",\"key_ops\":[\"verify\"],\"k\":\"AAAA\"}", OOJWT_OK,
	  3, 0, OOJWT_KEYOP_VERIFY },
	{ "kty RSA", "{\"kty\":\"RSA\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "kty OCT (case)", "{\"kty\":\"OCT\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "use enc", "{\"kty\":\"oct\",\"use\":\"enc\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "key_ops [encrypt, decrypt]",
	  "{\"kty\":\"oct\",\"key_ops\":[\"encrypt\",\"decrypt\"],\"k\":\"" K64
	  "\"}", OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "key_ops []", "{\"kty\":\"oct\",\"key_ops\":[],\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "key_ops a string",
	  "{\"kty\":\"oct\",\"key_ops\":\"sign\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_BAD_KEY, 0, 0, 0 },
	{ "alg RS256", "{\"kty\":\"oct\",\"alg\":\"RS256\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "alg A128KW", "{\"kty\":\"oct\",\"alg\":\"A128KW\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_KEY_MISMATCH, 0, 0, 0 },
	{ "k with padding", "{\"kty\":\"oct\",\"k\":\"AAA=\"}",
	  OOJWT_ERR_BAD_KEY, 0, 0, 0 },
	{ "k in standard base64", "{\"kty\":\"oct\",\"k\":\"ab+/\"}",
	  OOJWT_ERR_BAD_KEY, 0, 0, 0 },
	{ "k non-canonical", "{\"kty\":\"oct\",\"k\":\"AB\"}",
	  OOJWT_ERR_BAD_KEY, 0, 0, 0 },
	{ "k missing", "{\"kty\":\"oct\"}", OOJWT_ERR_BAD_KEY, 0, 0, 0 },
	{ "k a number", "{\"kty\":\"oct\",\"k\":123}", OOJWT_ERR_BAD_KEY, 0, 0,
	  0 },
	{ "JWK an array", "[{\"kty\":\"oct\",\"k\":\"AAAA\"}]", OOJWT_ERR_BAD_KEY,
	  0, 0, 0 },
	{ "JWK not JSON", "{\"kty\":\"oct\",\"k\":\"AAAA\",}", OOJWT_ERR_BAD_JSON,
	  0, 0, 0 },
	{ "duplicate k", "{\"kty\":\"oct\",\"k\":\"AAAA\",\"k\":\"" K64 "\"}",
	  OOJWT_ERR_DUPLICATE_MEMBER, 0, 0, 0 }
};

static void
jwk_row(size_t i)
{
	char msg[OOJWT_MESSAGE_LEN];
	jwk j;
	int code;
	test t;

	test_begin(&t, "JWK: %s", jwk_table[i].name);
	msg[0] = 0;
	code = jwk_load_str(&j, jwk_table[i].json, msg);
	expect(&t, code == jwk_table[i].code, "returned %s (%s), want %s",
		cname(code), msg, cname(jwk_table[i].code));
	if (code == OOJWT_OK) {
		expect(&t, j.key.len == jwk_table[i].len && j.key.data == j.buf,
			"secret of %lu bytes", (unsigned long)j.key.len);
		expect(&t, j.key.algs == jwk_table[i].algs
			&& j.key.ops == jwk_table[i].ops, "algs 0x%x ops 0x%x",
			j.key.algs, j.key.ops);
	} else {
		expect(&t, msg[0] != 0, "no message");
		expect(&t, all_zero(j.buf, j.buf_len), "the buffer is not wiped");
		expect(&t, j.key.data == NULL && j.key.len == 0, "key left set");
	}
	jwk_free(&j);
	test_end(&t);
}

static void
test_jwk(void)
{
	static const int mismatch[2] = { OOJWT_ERR_KEY_MISMATCH, 0 };
	static const int ok[1] = { 0 };
	const char *text = "{\"kty\":\"oct\",\"k\":\"" K64 "\"}";
	char msg[OOJWT_MESSAGE_LEN];
	unsigned char small[4];
	oojwt_key key;
	int code;
	oojwt_result r;
	str tok;
	size_t i;
	jwk j;
	test t;

	for (i = 0; i < sizeof jwk_table / sizeof *jwk_table; i++) {
		jwk_row(i);
	}
	test_begin(&t, "JWK: buffer too small, NULL arguments");
	expect(&t, oojwt_jwk_read(&key, small, sizeof small, text, strlen(text),
		NULL) == OOJWT_ERR_BUFFER_TOO_SMALL, "a 4-byte buffer accepted");
	expect(&t, oojwt_jwk_read(NULL, small, sizeof small, text, strlen(text),
		msg) == OOJWT_ERR_BAD_ARGUMENT, "NULL key accepted");
	expect(&t, oojwt_jwk_read(&key, NULL, 0, text, strlen(text), msg)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL buffer accepted");
	expect(&t, oojwt_jwk_read(&key, small, sizeof small, NULL, 3, msg)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL JSON accepted");
	test_end(&t);

	test_begin(&t, "JWK: alg HS384 key verifying HS256 and HS384 tokens");
	expect(&t, jwk_load_str(&j, "{\"kty\":\"oct\",\"alg\":\"HS384\",\"k\":\""
		K64 "\"}", msg) == OOJWT_OK, "JWK: %s", msg);
	sign_str(&tok, OOJWT_ALG_HS256, &j.key, HDR, PAYLOAD);
	expect(&t, tok.len == 0, "oojwt_sign signed HS256 with an HS384 key");
	str_free(&tok);
	key = raw_key((const char *)j.key.data, j.key.len);
	sign_str(&tok, OOJWT_ALG_HS256, &key, HDR, PAYLOAD);
	expect_result(&t, &r, verify(&r, tok.p, tok.len, &j.key, OOJWT_ALG_HMAC,
		NOW, 0), mismatch, NULL);
	oojwt_result_free(&r);
	str_free(&tok);
	sign_str(&tok, OOJWT_ALG_HS384, &j.key, "{\"alg\":\"HS384\"}", PAYLOAD);
	expect_result(&t, &r, verify(&r, tok.p, tok.len, &j.key, OOJWT_ALG_HMAC,
		NOW, 0), ok, NULL);
	oojwt_result_free(&r);
	str_free(&tok);
	jwk_free(&j);
	test_end(&t);

	/* oojwt.h: the reader refuses an empty secret with empty_key. */
	test_begin(&t, "JWK: an empty k is refused on read");
	code = jwk_load_str(&j, "{\"kty\":\"oct\",\"k\":\"\"}", msg);
	expect(&t, code == OOJWT_ERR_EMPTY_KEY, "got %s", cname(code));
	jwk_free(&j);
	test_end(&t);
}

/* ---- main ------------------------------------------------------------- */

int
main(int argc, char **argv)
{
	const char *ours = argc > 1 ? argv[1] : "tests/vectors";
	const char *shared = argc > 2 ? argv[2] : "../shared/vectors";

	setvbuf(stdout, NULL, _IOLBF, 0);

	run_b64_vectors(ours);
	run_json_vectors(ours);
	run_rfc4231(ours);
	run_rfc7515(ours);
	run_rfc7519(ours);

	run_wycheproof_hmac(shared);
	run_wycheproof_jws(shared);
	run_cookbook(shared);

	run_hostile();
	run_times();

	test_verify_arguments();
	test_result_free();
	test_code_names();
	test_alg_names();
	test_fmt();
	test_ct_equal();
	test_b64_round_trip();
	test_sign();
	test_jwk();

	printf("native: %d passed, %d failed, %d skipped\n", tally.passed,
		tally.failed, tally.skipped);
	return tally.failed != 0 ? 1 : 0;
}
