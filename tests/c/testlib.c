/*
 * The native test framework and the helpers the suites share; see
 * testlib.h for the contracts.
 *
 * Inputs handed to oojwt are copied into buffers of their exact size (no
 * NUL after them), so that ASan catches any read past a length.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

/* ---- counting and reporting ------------------------------------------- */

static tally counts;

void
test_begin(test *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->name, sizeof t->name, fmt, ap);
	va_end(ap);
	t->failed = 0;
}

/* When `ok` is 0, print why and mark the test failed. Returns `ok`. */
int
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

void
test_end(test *t)
{
	if (t->failed) {
		counts.failed++;
	} else {
		counts.passed++;
	}
}

void
skip(const char *what, const char *why)
{
	printf("SKIP %s: %s\n", what, why);
	counts.skipped++;
}

tally
test_tally(void)
{
	return counts;
}

/* Name of a code for messages; never NULL. */
const char *
cname(int code)
{
	const char *n = oojwt_code_name(code);

	return n != NULL ? n : "(unnamed code)";
}

/* ---- memory and text helpers ------------------------------------------ */

void *
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
char *
exact_copy(const void *p, size_t n)
{
	char *c = (char *)xmalloc(n);

	if (n != 0) {
		memcpy(c, p, n);
	}
	return c;
}

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

void
str_put(str *s, const void *p, size_t n)
{
	str_reserve(s, n);
	if (n != 0) {
		memcpy(s->p + s->len, p, n);
	}
	s->len += n;
	s->p[s->len] = 0;
}

void
str_puts(str *s, const char *z)
{
	str_put(s, z, strlen(z));
}

void
str_insert(str *s, size_t at, const char *z)
{
	size_t n = strlen(z);

	str_reserve(s, n);
	memmove(s->p + at + n, s->p + at, s->len - at + 1);
	memcpy(s->p + at, z, n);
	s->len += n;
}

/* Append the base64url encoding of `n` bytes (oojwt's encoder). */
void
str_b64(str *s, const void *p, size_t n)
{
	size_t want = oojwt_b64url_encoded_len(n);

	str_reserve(s, want);
	s->len += oojwt_b64url_encode(s->p + s->len, (const unsigned char *)p, n);
	s->p[s->len] = 0;
}

void
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
unsigned char *
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

/* `n` bytes into `out` (cap bytes) for a message, "..." when cut: as
 * lowercase hex, or as text with \xHH escapes for what is not printable. */
static const char *
render(char *out, size_t cap, const void *p, size_t n, int as_hex)
{
	const unsigned char *b = (const unsigned char *)p;
	size_t i, o = 0;

	for (i = 0; i < n && o + (as_hex ? 6 : 8) < cap; i++) {
		if (!as_hex && b[i] >= 0x20 && b[i] < 0x7f) {
			out[o++] = (char)b[i];
		} else {
			o += (size_t)sprintf(out + o, as_hex ? "%02x" : "\\x%02x",
				b[i]);
		}
	}
	if (i < n) {
		strcpy(out + o, "...");
	} else {
		out[o] = 0;
	}
	return out;
}

const char *
to_hex(char *out, size_t cap, const void *p, size_t n)
{
	return render(out, cap, p, n, 1);
}

const char *
shown(char *out, size_t cap, const char *s, size_t n)
{
	return render(out, cap, s, n, 0);
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

/* load_json, or NULL and a failed test named `file`. */
static cJSON *
load_or_fail(const char *path, const char *file)
{
	char why[1200];
	cJSON *doc = load_json(path, why, sizeof why);
	test t;

	if (doc == NULL) {
		test_begin(&t, "%s", file);
		expect(&t, 0, "%s", why);
		test_end(&t);
	}
	return doc;
}

/* Our own vector file: a missing or broken file is a failed test. */
cJSON *
load_ours(const char *dir, const char *file)
{
	char path[1024];

	snprintf(path, sizeof path, "%s/%s", dir, file);
	return load_or_fail(path, file);
}

/*
 * A third-party vector file: looked up as SHARED/SUB/FILE, then
 * SHARED/FILE. A missing file is one skipped test; NULL then.
 */
cJSON *
load_shared(const char *shared, const char *sub, const char *file)
{
	char path[1024];

	snprintf(path, sizeof path, "%s/%s/%s", shared, sub, file);
	if (!file_exists(path)) {
		snprintf(path, sizeof path, "%s/%s", shared, file);
	}
	if (!file_exists(path)) {
		skip(file, "not found in the shared vectors directory");
		return NULL;
	}
	return load_or_fail(path, file);
}

const cJSON *
jget(const cJSON *o, const char *name)
{
	return cJSON_GetObjectItemCaseSensitive(o, name);
}

void
for_each_test(const char *dir, const char *file, void (*one)(const cJSON *v))
{
	cJSON *doc = load_ours(dir, file);
	const cJSON *v;

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(v, jlist(doc, "tests")) {
		one(v);
	}
	cJSON_Delete(doc);
}

/* String member, or "" when absent or not a string. */
const char *
jstr(const cJSON *o, const char *name)
{
	const cJSON *v = jget(o, name);

	return cJSON_IsString(v) ? v->valuestring : "";
}

int
jint(const cJSON *o, const char *name)
{
	const cJSON *v = jget(o, name);

	return cJSON_IsNumber(v) ? v->valueint : -1;
}

/* The "tests" (or "examples") array of a vector file. */
const cJSON *
jlist(const cJSON *doc, const char *name)
{
	const cJSON *v = jget(doc, name);

	return cJSON_IsArray(v) ? v : NULL;
}

/* ---- keys, signing and verifying -------------------------------------- */

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

int
jwk_load_str(jwk *j, const char *json, char *msg)
{
	return jwk_load(j, json, strlen(json), msg);
}

/* A JWK held as a cJSON object (vector files), serialised back. */
int
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

void
jwk_free(jwk *j)
{
	free(j->buf);
	memset(j, 0, sizeof *j);
}

oojwt_verify_opts
opts_make(unsigned algs, double now, double tolerance)
{
	oojwt_verify_opts o;

	o.algorithms = algs;
	o.now = now;
	o.clock_tolerance = tolerance;
	return o;
}

/* oojwt_verify on an exact-size copy of the token. */
int
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
int
sign_token(str *out, unsigned alg, const oojwt_key *key, const char *hdr,
	size_t hlen, const char *pl, size_t plen, size_t shrink,
	oojwt_issue *err)
{
	return sign_token_rand(out, alg, key, hdr, hlen, pl, plen, shrink,
		NULL, 0, err);
}

int
sign_token_rand(str *out, unsigned alg, const oojwt_key *key,
	const char *hdr, size_t hlen, const char *pl, size_t plen, size_t shrink,
	const unsigned char *rnd, size_t rnd_len, oojwt_issue *err)
{
	char *h = exact_copy(hdr, hlen), *p = exact_copy(pl, plen);
	size_t cap = oojwt_sign_size(hlen, plen) - shrink, n = 0;
	char *buf = (char *)xmalloc(cap);
	int code = rnd == NULL
		? oojwt_sign(buf, cap, &n, alg, key, h, hlen, p, plen, err)
		: oojwt_sign_rand(buf, cap, &n, alg, key, h, hlen, p, plen, rnd,
			rnd_len, err);

	memset(out, 0, sizeof *out);
	if (code == OOJWT_OK) {
		str_put(out, buf, n);
	}
	free(buf);
	free(h);
	free(p);
	return code;
}

int
sign_str(str *out, unsigned alg, const oojwt_key *key, const char *hdr,
	const char *pl)
{
	return sign_token(out, alg, key, hdr, strlen(hdr), pl, strlen(pl), 0,
		NULL);
}


oojwt_key
raw_key(const char *secret, size_t len)
{
	oojwt_key k;

	memset(&k, 0, sizeof k);
	k.data = (const unsigned char *)secret;
	k.len = len;
	k.algs = 0;
	k.ops = 0;
	return k;
}

/* Comma-separated names of `n` codes into `out` (cap bytes). */
static const char *
code_names(char *out, size_t cap, const int *codes, size_t n)
{
	size_t i, o = 0;

	out[0] = 0;
	for (i = 0; i < n; i++) {
		int k = snprintf(out + o, cap - o, "%s%s", i ? "," : "",
			cname(codes[i]));
		if (k < 0 || (size_t)k >= cap - o) {
			break;
		}
		o += (size_t)k;
	}
	return out;
}

/* Comma-separated code names of an issue list. */
const char *
issue_names(char *out, size_t cap, const oojwt_issue *list, size_t n)
{
	int codes[OOJWT_MAX_ISSUES];
	size_t i;

	for (i = 0; i < n && i < OOJWT_MAX_ISSUES; i++) {
		codes[i] = list[i].code;
	}
	return code_names(out, cap, codes, i);
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
		issue_names(g, sizeof g, list, n),
		code_names(w, sizeof w, want, nw));
}

/* Check a verification result: errors, warnings, validity, return. */
void
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

static const char secret_main[] =
	"0123456789abcdef-the-main-test-secret-of-64-bytes-0123456789abcd";
static const char secret_other[] =
	"an-entirely-different-secret-of-sixty-four-bytes-for-wrong-keys!";

oojwt_key
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

int
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

int
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
