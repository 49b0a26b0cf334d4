/*
 * Document Server's verifyOptions as jsonwebtoken 9.0.2 applies them.
 *
 * DocService's checkJwt (DocsCoServer.js) passes
 * services.CoAuthoring.token.verifyOptions whole as the third argument of
 * jwt.verify(), so every option verify.js reads changes a verdict. This
 * file holds what verify.js does with them, in its order, for
 * profile.c to call at the same places:
 *
 *   - before the token: `clockTimestamp` must be a number when truthy,
 *     `nonce` a string that is not blank after trim(),
 *     `allowInvalidAsymmetricKeyTypes` a boolean when present; the clock
 *     is `clockTimestamp || Math.floor(Date.now() / 1000)`;
 *   - `algorithms` (when truthy): `algorithms.indexOf(header.alg)` -- an
 *     array compares with ===, a string searches String(alg) in it,
 *     anything else throws --, then `header.alg.startsWith('HS')`, the
 *     RS/PS/ES test against the secret key, and jws.verify (jwa's
 *     case-insensitive algorithm pattern);
 *   - nbf and exp unless `ignoreNotBefore` / `ignoreExpiration`, with
 *     `x + (clockTolerance || 0)` as JavaScript evaluates it (text
 *     concatenation for a string, an array or an object);
 *   - `audience` (a value or an array, === against payload.aud or its
 *     elements), `issuer` (a string or an array; other values check
 *     nothing), `subject`, `jwtid`, `nonce`, `maxAge` (a number of
 *     seconds or an `ms` timespan from iat, lib/timespan.js), and
 *     `complete` (the decoded value becomes {header, payload, signature}).
 *
 * Messages are jsonwebtoken's and V8's, with values written as
 * JavaScript's String() writes them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

/* ---- values on both sides ----------------------------------------------- */

/* A JSON value of the token, as UTF-16 units [start, end) of u; type
 * OOJWT_JSON_INVALID is undefined (a member that is not there). */
typedef struct {
	const unsigned short *u;
	size_t start, end;
	int type;
} uval;

/* A growing UTF-16 text. */
typedef struct {
	unsigned short *u;
	size_t n, cap;
	int oom;
} ubuf;

static void
ub_put(ubuf *b, const unsigned short *u, size_t n)
{
	if (b->oom) {
		return;
	}
	if (b->n + n > b->cap) {
		size_t cap = (b->n + n) * 2 + 16;
		unsigned short *t = (unsigned short *)realloc(b->u, cap * sizeof *t);
		if (t == NULL) {
			b->oom = 1;
			return;
		}
		b->u = t;
		b->cap = cap;
	}
	if (n > 0) {
		memcpy(b->u + b->n, u, n * sizeof *u);
	}
	b->n += n;
}

static void
ub_ascii(ubuf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned short c = (unsigned char)s[i];
		ub_put(b, &c, 1);
	}
}

/* UTF-8 text (valid, from the strict JSON layer) as UTF-16 units. */
static void
ub_utf8(ubuf *b, const char *s, size_t n)
{
	unsigned short *t = (unsigned short *)malloc((n + 1) * sizeof *t);
	size_t replaced, k;

	if (t == NULL) {
		b->oom = 1;
		return;
	}
	k = oojwt_ds_utf8_to_utf16(t, (const unsigned char *)s, n, &replaced);
	ub_put(b, t, k);
	free(t);
}

static int
uval_member(uval *x, const unsigned short *u, const oojwt_ds_json *j, int m)
{
	x->u = u;
	x->type = OOJWT_JSON_INVALID;
	if (j->top_type == OOJWT_JSON_OBJECT && j->members[m].present) {
		x->type = j->members[m].type;
		x->start = j->members[m].start;
		x->end = j->members[m].end;
	}
	return x->type;
}

static int
json_ws(unsigned short c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The next element of the array whose text goes on at *i (just after
 * '[' or the previous element), as JSON.parse validated it: 1 and *e,
 * or 0 at the closing bracket. */
static size_t
skip_string(const unsigned short *u, size_t k, size_t end)
{
	for (k++; k < end && u[k] != '"'; k++) {
		k += u[k] == '\\';
	}
	return k + 1;
}

static int
next_element(const unsigned short *u, size_t *i, size_t end, uval *e)
{
	size_t k = *i;
	int depth = 0;

	while (k < end && (json_ws(u[k]) || u[k] == ',')) {
		k++;
	}
	if (k >= end || u[k] == ']') {
		return 0;
	}
	e->u = u;
	e->start = k;
	switch (u[k]) {
	case '"': e->type = OOJWT_JSON_STRING; break;
	case '{': e->type = OOJWT_JSON_OBJECT; break;
	case '[': e->type = OOJWT_JSON_ARRAY; break;
	case 't': e->type = OOJWT_JSON_TRUE; break;
	case 'f': e->type = OOJWT_JSON_FALSE; break;
	case 'n': e->type = OOJWT_JSON_NULL; break;
	default: e->type = OOJWT_JSON_NUMBER; break;
	}
	if (u[k] == '"') {
		k = skip_string(u, k, end);
	} else if (u[k] == '[' || u[k] == '{') {
		do {
			if (u[k] == '"') {
				k = skip_string(u, k, end);
				continue;
			}
			depth += u[k] == '[' || u[k] == '{';
			depth -= u[k] == ']' || u[k] == '}';
			k++;
		} while (depth > 0 && k < end);
	} else {
		while (k < end && u[k] != ',' && u[k] != ']' && !json_ws(u[k])) {
			k++;
		}
	}
	e->end = k;
	*i = k;
	return 1;
}

/* JSON.parse's number for a number value. */
static double
uval_number(const uval *x)
{
	size_t n = x->end - x->start, k, used;
	char small[64] = "", *buf = n < sizeof small ? small : (char *)malloc(n);
	double d;

	if (buf == NULL) {
		return NAN;
	}
	for (k = 0; k < n; k++) {
		buf[k] = (char)x->u[x->start + k];
	}
	d = oojwt_strtod(buf, n, &used);
	if (buf != small) {
		free(buf);
	}
	return d;
}

/* The units of a string value, unescaped (malloc'd; NULL out of memory). */
static unsigned short *
uval_string(const uval *x, size_t *n)
{
	unsigned short *t = (unsigned short *)malloc((x->end - x->start + 1)
		* sizeof *t);

	if (t != NULL) {
		*n = oojwt_ds_json_unescape(x->u, x->start, x->end, t);
	}
	return t;
}

/* a === b for an option value and a token value (objects and arrays are
 * never the same object). -1 out of memory. */
static int
strict_equal(const oojwt_jv *a, const uval *b)
{
	int t = oojwt_json_type(a);
	unsigned short *bs;
	size_t bn;
	ubuf as;
	int eq;

	if (a == NULL || t != b->type) {
		return 0;
	}
	switch (t) {
	case OOJWT_JSON_NULL:
	case OOJWT_JSON_TRUE:
	case OOJWT_JSON_FALSE:
		return 1;
	case OOJWT_JSON_NUMBER:
		return oojwt_json_number(a) == uval_number(b);
	case OOJWT_JSON_STRING:
		break;
	default:
		return 0;
	}
	memset(&as, 0, sizeof as);
	ub_utf8(&as, oojwt_json_string(a), strlen(oojwt_json_string(a)));
	bs = uval_string(b, &bn);
	eq = as.oom || bs == NULL ? -1 : as.n == bn
		&& (bn == 0 || memcmp(as.u, bs, bn * sizeof *bs) == 0);
	free(as.u);
	free(bs);
	return eq;
}

/* String(x) of a token value (Array.prototype.join for arrays: null and
 * undefined elements give ""). */
static void
uval_to_string(ubuf *b, const uval *x, int in_array)
{
	char num[OOJWT_JS_NUMBER_LEN];
	unsigned short *s;
	size_t n, i;
	uval e;
	int first = 1;

	switch (x->type) {
	case OOJWT_JSON_INVALID:
	case OOJWT_JSON_NULL:
		if (!in_array) {
			ub_ascii(b, x->type == OOJWT_JSON_NULL ? "null" : "undefined",
				x->type == OOJWT_JSON_NULL ? 4 : 9);
		}
		return;
	case OOJWT_JSON_TRUE:
		ub_ascii(b, "true", 4);
		return;
	case OOJWT_JSON_FALSE:
		ub_ascii(b, "false", 5);
		return;
	case OOJWT_JSON_NUMBER:
		ub_ascii(b, num, oojwt_js_number(num, uval_number(x)));
		return;
	case OOJWT_JSON_STRING:
		s = uval_string(x, &n);
		if (s == NULL) {
			b->oom = 1;
			return;
		}
		ub_put(b, s, n);
		free(s);
		return;
	case OOJWT_JSON_OBJECT:
		ub_ascii(b, "[object Object]", 15);
		return;
	default:
		break;
	}
	i = x->start + 1;
	while (next_element(x->u, &i, x->end, &e)) {
		if (!first) {
			ub_ascii(b, ",", 1);
		}
		first = 0;
		uval_to_string(b, &e, 1);
	}
}

/* String(v) of an option value, as UTF-8 (join as above). */
static void
jv_to_string(oojwt_sb *sb, const oojwt_jv *v, int in_array)
{
	char num[OOJWT_JS_NUMBER_LEN];
	const oojwt_jv *e;
	int first = 1;

	switch (oojwt_json_type(v)) {
	case OOJWT_JSON_NULL:
		if (!in_array) {
			oojwt_sb_puts(sb, "null");
		}
		return;
	case OOJWT_JSON_TRUE:
		oojwt_sb_puts(sb, "true");
		return;
	case OOJWT_JSON_FALSE:
		oojwt_sb_puts(sb, "false");
		return;
	case OOJWT_JSON_NUMBER:
		oojwt_sb_put(sb, num, oojwt_js_number(num, oojwt_json_number(v)));
		return;
	case OOJWT_JSON_STRING:
		oojwt_sb_puts(sb, oojwt_json_string(v));
		return;
	case OOJWT_JSON_OBJECT:
		oojwt_sb_puts(sb, "[object Object]");
		return;
	case OOJWT_JSON_ARRAY:
		for (e = oojwt_json_first(v, NULL); e != NULL;
			e = oojwt_json_next(e, NULL))
		{
			if (!first) {
				oojwt_sb_puts(sb, ",");
			}
			first = 0;
			jv_to_string(sb, e, 1);
		}
		return;
	default:
		oojwt_sb_puts(sb, "undefined");
		return;
	}
}

/* UTF-16 units as UTF-8 (a lone surrogate as its 3-byte form). */
static void
sb_units(oojwt_sb *sb, const unsigned short *u, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		unsigned long c = u[k];
		char t[4];
		size_t m;
		if (c >= 0xD800 && c <= 0xDBFF && k + 1 < n && u[k + 1] >= 0xDC00
			&& u[k + 1] <= 0xDFFF)
		{
			c = 0x10000 + ((c - 0xD800) << 10) + (u[k + 1] - 0xDC00u);
			k++;
		}
		if (c < 0x80) {
			t[0] = (char)c;
			m = 1;
		} else if (c < 0x800) {
			t[0] = (char)(0xC0 | (c >> 6));
			t[1] = (char)(0x80 | (c & 0x3F));
			m = 2;
		} else if (c < 0x10000) {
			t[0] = (char)(0xE0 | (c >> 12));
			t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
			t[2] = (char)(0x80 | (c & 0x3F));
			m = 3;
		} else {
			t[0] = (char)(0xF0 | (c >> 18));
			t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
			t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
			t[3] = (char)(0x80 | (c & 0x3F));
			m = 4;
		}
		oojwt_sb_put(sb, t, m);
	}
}

/* Fail with a message built in sb (a JsonWebTokenError unless `name`). */
static int
fail_sb(oojwt_ds_result *r, oojwt_sb *sb, int name, int code,
	const char *human)
{
	size_t n = 0;
	char *m = oojwt_sb_finish(sb, &n);

	sb->buf = NULL;
	if (m == NULL) {
		return -1;
	}
	oojwt_ds_fail(r, name, m, n, code, human);
	free(m);
	return 0;
}

static int
fail_text(oojwt_ds_result *r, int name, const char *msg, int code,
	const char *human)
{
	oojwt_ds_fail(r, name, msg, strlen(msg), code, human);
	return 0;
}

/* ---- JavaScript's text rules -------------------------------------------- */

/* The next code point of UTF-8 text (valid), advancing *i. */
static unsigned long
next_cp(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = n - *i;
	unsigned long c = p[0];

	if (c >= 0xF0 && left >= 4) {
		*i += 4;
		return ((c & 7) << 18) | ((p[1] & 0x3Fu) << 12)
			| ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
	}
	if (c >= 0xE0 && left >= 3) {
		*i += 3;
		return ((c & 15) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
	}
	if (c >= 0xC0 && left >= 2) {
		*i += 2;
		return ((c & 31) << 6) | (p[1] & 0x3Fu);
	}
	*i += 1;
	return c;
}

/* WhiteSpace and LineTerminator (what String.prototype.trim and
 * StringToNumber strip). */
static int
js_space(unsigned long c)
{
	return (c >= 9 && c <= 13) || c == 0x20 || c == 0xA0 || c == 0x1680
		|| (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
		|| c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* s.trim() === '' */
int
oojwt_ds_js_blank(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (!js_space(next_cp(s, n, &i))) {
			return 0;
		}
	}
	return 1;
}

/* Number(s): StringToNumber (ECMA-262): trimmed; "" is 0; Infinity;
 * 0x / 0o / 0b integers (exact up to 2^53); a decimal literal; else NaN. */
static double
js_to_number(const char *s, size_t n)
{
	size_t a = 0, b = n, i, used;
	double v = 0;
	int neg = 0;

	while (a < n) {
		i = a;
		if (!js_space(next_cp(s, n, &i))) {
			break;
		}
		a = i;
	}
	while (b > a) {
		size_t k = b - 1;
		while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80) {
			k--;
		}
		i = k;
		if (!js_space(next_cp(s, n, &i))) {
			break;
		}
		b = k;
	}
	s += a;
	n = b - a;
	if (n == 0) {
		return 0;
	}
	if (n > 2 && s[0] == '0' && strchr("xXoObB", s[1]) != NULL) {
		unsigned base = s[1] == 'x' || s[1] == 'X' ? 16
			: s[1] == 'o' || s[1] == 'O' ? 8 : 2;
		for (i = 2; i < n; i++) {
			int d = oojwt_hex_value(s[i]);
			if (d < 0 || (unsigned)d >= base) {
				return NAN;
			}
			v = v * base + d;
		}
		return v;
	}
	i = s[0] == '+' || s[0] == '-';
	neg = s[0] == '-';
	if (n - i == 8 && memcmp(s + i, "Infinity", 8) == 0) {
		return neg ? -HUGE_VAL : HUGE_VAL;
	}
	v = oojwt_strtod(s, n, &used);
	return used == n ? v : NAN;
}

/* x + clockTolerance, compared: Number(String(x) + text) when the sum
 * is text. */
static double
plus_tolerance(const oojwt_ds_vopts *v, double x)
{
	char num[OOJWT_JS_NUMBER_LEN];
	size_t k;
	char *t;
	double d;

	if (v->tolerance_text == NULL) {
		return x + v->tolerance;
	}
	k = oojwt_js_number(num, x);
	t = (char *)malloc(k + v->tolerance_text_len + 1);
	if (t == NULL) {
		return NAN;
	}
	memcpy(t, num, k);
	memcpy(t + k, v->tolerance_text, v->tolerance_text_len);
	d = js_to_number(t, k + v->tolerance_text_len);
	free(t);
	return d;
}

int
oojwt_ds_vopts_past(const oojwt_ds_vopts *v, double t, double clock)
{
	return clock >= plus_tolerance(v, t);
}

int
oojwt_ds_vopts_early(const oojwt_ds_vopts *v, double nbf, double clock)
{
	return nbf > plus_tolerance(v, clock);
}

/*
 * ms 2.1.3 (node_modules/ms/index.js, parse): at most 100 characters of
 * /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|
 * minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i,
 * parseFloat of the number times the unit in milliseconds. 0 when it
 * does not match (ms returns undefined).
 */
int
oojwt_ds_ms_parse(const char *s, size_t n, double *out)
{
	static const struct {
		const char *name;
		double ms;
	} units[] = {
		{ "milliseconds", 1 }, { "millisecond", 1 }, { "msecs", 1 },
		{ "msec", 1 }, { "ms", 1 }, { "seconds", 1000 }, { "second", 1000 },
		{ "secs", 1000 }, { "sec", 1000 }, { "s", 1000 },
		{ "minutes", 60000 }, { "minute", 60000 }, { "mins", 60000 },
		{ "min", 60000 }, { "m", 60000 }, { "hours", 3600000 },
		{ "hour", 3600000 }, { "hrs", 3600000 }, { "hr", 3600000 },
		{ "h", 3600000 }, { "days", 86400000 }, { "day", 86400000 },
		{ "d", 86400000 }, { "weeks", 604800000 }, { "week", 604800000 },
		{ "w", 604800000 }, { "years", 31557600000.0 },
		{ "year", 31557600000.0 }, { "yrs", 31557600000.0 },
		{ "yr", 31557600000.0 }, { "y", 31557600000.0 }
	};
	size_t i = 0, a, b = 0, num_end, k, used;
	double unit = 1, x;

	if (n > 100) {
		return 0;
	}
	i += i < n && s[i] == '-';
	for (a = i; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
	}
	a = i - a;
	if (i < n && s[i] == '.') {
		for (k = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
		}
		b = i - k;
		if (b == 0) {
			return 0;
		}
	} else if (a == 0) {
		return 0;
	}
	num_end = i;
	while (i < n && s[i] == ' ') {
		i++;
	}
	if (i < n) {
		for (k = 0; k < sizeof units / sizeof *units; k++) {
			size_t m = strlen(units[k].name), j;
			if (m != n - i) {
				continue;
			}
			for (j = 0; j < m && (s[i + j] | 0x20) == units[k].name[j]; j++) {
			}
			if (j == m) {
				break;
			}
		}
		if (k == sizeof units / sizeof *units) {
			return 0;
		}
		unit = units[k].ms;
	}
	x = oojwt_strtod(s, num_end, &used);
	*out = x * unit;
	return 1;
}

/* ---- reading the options ------------------------------------------------ */

static const oojwt_jv *
opt(const oojwt_ds_vopts *v, const char *name)
{
	return oojwt_json_get((const oojwt_jv *)v->tree, name);
}

int
oojwt_ds_vopts_init(oojwt_ds_vopts *v, const char *json, size_t len,
	double tolerance)
{
	char msg[OOJWT_MESSAGE_LEN];
	const oojwt_jv *t;
	oojwt_jv *tree = NULL;
	oojwt_sb sb;
	size_t dups;
	long pos;
	int code;

	memset(v, 0, sizeof *v);
	v->tolerance = tolerance;
	if (json == NULL) {
		return OOJWT_OK;
	}
	v->tolerance = 0;
	code = oojwt_json_parse_ex(&tree, json, len, OOJWT_JSON_LAST_WINS, &dups,
		&pos, msg);
	if (code != OOJWT_OK) {
		return code == OOJWT_ERR_NO_MEMORY ? code : OOJWT_ERR_BAD_ARGUMENT;
	}
	if (oojwt_json_type(tree) != OOJWT_JSON_OBJECT) {
		oojwt_json_free(tree);
		return OOJWT_OK;
	}
	v->tree = tree;
	t = opt(v, "algorithms");
	v->algorithms = oojwt_json_truthy(t) ? t : NULL;
	v->ignore_expiration = oojwt_json_truthy(opt(v, "ignoreExpiration"));
	v->ignore_not_before = oojwt_json_truthy(opt(v, "ignoreNotBefore"));
	v->complete = oojwt_json_type(opt(v, "complete")) == OOJWT_JSON_TRUE;
	t = opt(v, "clockTolerance");
	if (!oojwt_json_truthy(t)) {
		return OOJWT_OK;               /* (clockTolerance || 0) */
	}
	switch (oojwt_json_type(t)) {
	case OOJWT_JSON_NUMBER:
		v->tolerance = oojwt_json_number(t);
		return OOJWT_OK;
	case OOJWT_JSON_TRUE:
		v->tolerance = 1;
		return OOJWT_OK;
	default:
		break;
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_reserve(&sb, 32);
	jv_to_string(&sb, t, 0);
	v->tolerance_text = oojwt_sb_finish(&sb, &v->tolerance_text_len);
	if (v->tolerance_text == NULL) {
		oojwt_ds_vopts_free(v);
		return OOJWT_ERR_NO_MEMORY;
	}
	return OOJWT_OK;
}

void
oojwt_ds_vopts_free(oojwt_ds_vopts *v)
{
	oojwt_json_free((oojwt_jv *)v->tree);
	free(v->tolerance_text);
	memset(v, 0, sizeof *v);
}

char *
oojwt_ds_vopts_with_tolerance(const char *json, size_t len, double tolerance,
	size_t *out_len)
{
	char msg[OOJWT_MESSAGE_LEN], *text = NULL;
	oojwt_jv *tree = NULL;
	size_t dups;
	long pos;

	if (oojwt_json_parse_ex(&tree, json, len, OOJWT_JSON_LAST_WINS, &dups,
		&pos, msg) != OOJWT_OK)
	{
		return NULL;
	}
	if (oojwt_json_type(tree) != OOJWT_JSON_OBJECT) {
		oojwt_json_free(tree);
		tree = oojwt_json_new_object();
	}
	if (tree != NULL && oojwt_json_set_number(tree, "clockTolerance",
		tolerance) == OOJWT_OK)
	{
		text = oojwt_json_print(tree, out_len);
	}
	oojwt_json_free(tree);
	return text;
}

int
oojwt_ds_vopts_check(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	double now, double *clock)
{
	const oojwt_jv *ts = opt(v, "clockTimestamp");
	const oojwt_jv *nonce = opt(v, "nonce");
	const oojwt_jv *aik = opt(v, "allowInvalidAsymmetricKeyTypes");

	*clock = now;
	/* verify.js: if (options.clockTimestamp && typeof ... !== 'number') */
	if (oojwt_json_truthy(ts) && oojwt_json_type(ts) != OOJWT_JSON_NUMBER) {
		return fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR,
			"clockTimestamp must be a number", OOJWT_FIND_VERIFY_CLOCK_TIMESTAMP,
			"verifyOptions.clockTimestamp is not a number: jsonwebtoken "
			"refuses every token before reading it");
	}
	if (nonce != NULL && (oojwt_json_type(nonce) != OOJWT_JSON_STRING
		|| oojwt_ds_js_blank(oojwt_json_string(nonce), strlen(oojwt_json_string(nonce)))))
	{
		return fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR,
			"nonce must be a non-empty string", OOJWT_FIND_VERIFY_NONCE,
			"verifyOptions.nonce is not a non-blank string: jsonwebtoken "
			"refuses every token before reading it");
	}
	if (aik != NULL && oojwt_json_type(aik) != OOJWT_JSON_TRUE
		&& oojwt_json_type(aik) != OOJWT_JSON_FALSE)
	{
		return fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR,
			"allowInvalidAsymmetricKeyTypes must be a boolean",
			OOJWT_FIND_VERIFY_OTHER_OPTION, "verifyOptions."
			"allowInvalidAsymmetricKeyTypes is not a boolean: jsonwebtoken "
			"refuses every token before reading it");
	}
	/* const clockTimestamp = options.clockTimestamp || Math.floor(...) */
	if (oojwt_json_truthy(ts)) {
		*clock = oojwt_json_number(ts);
	}
	return 1;
}

/* ---- algorithms ---------------------------------------------------------- */

static int
units_start(const unsigned short *u, size_t n, const char *w)
{
	size_t k, m = strlen(w);

	for (k = 0; k < m; k++) {
		if (k >= n || u[k] != (unsigned char)w[k]) {
			return 0;
		}
	}
	return 1;
}

/* options.algorithms.indexOf(header.alg) !== -1; -1 out of memory. */
static int
alg_listed(const oojwt_jv *algs, const uval *alg)
{
	const oojwt_jv *e;
	ubuf hay, needle;
	size_t k;
	int found = 0;

	if (oojwt_json_type(algs) == OOJWT_JSON_ARRAY) {
		for (e = oojwt_json_first(algs, NULL); e != NULL && !found;
			e = oojwt_json_next(e, NULL))
		{
			found = strict_equal(e, alg);
		}
		return found;
	}
	/* String.prototype.indexOf(String(alg)) */
	memset(&hay, 0, sizeof hay);
	memset(&needle, 0, sizeof needle);
	ub_utf8(&hay, oojwt_json_string(algs), strlen(oojwt_json_string(algs)));
	uval_to_string(&needle, alg, 0);
	for (k = 0; !hay.oom && !needle.oom && !found && k + needle.n <= hay.n;
		k++)
	{
		found = needle.n == 0 || memcmp(hay.u + k, needle.u,
			needle.n * sizeof *needle.u) == 0;
	}
	found = hay.oom || needle.oom ? -1 : found;
	free(hay.u);
	free(needle.u);
	return found;
}

unsigned
oojwt_ds_vopts_alg(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	const unsigned short *u, const oojwt_ds_json *hj, const char *sig,
	size_t sig_len)
{
	static const char *const invalid = "\" is not a valid algorithm.\n"
		"  Supported algorithms are:\n  \"HS256\", \"HS384\", \"HS512\", "
		"\"RS256\", \"RS384\", \"RS512\", \"PS256\", \"PS384\", \"PS512\", "
		"\"ES256\", \"ES384\", \"ES512\" and \"none\".";
	static const char *const no_key = "key must be a string or a buffer or "
		"a KeyObject";
	const oojwt_jv *algs = (const oojwt_jv *)v->algorithms;
	unsigned short *name = NULL;
	size_t n = 0;
	unsigned bits = 0, family;
	oojwt_sb sb;
	uval alg;
	int listed;

	(void)sig;                         /* only its length matters below */
	uval_member(&alg, u, hj, OOJWT_DS_M_ALG);
	if (oojwt_json_type(algs) != OOJWT_JSON_ARRAY
		&& oojwt_json_type(algs) != OOJWT_JSON_STRING)
	{
		fail_text(r, OOJWT_DS_TYPE_ERROR, "options.algorithms.indexOf is not "
			"a function", OOJWT_FIND_VERIFY_ALGORITHMS, "verifyOptions."
			"algorithms is neither an array nor a string: jsonwebtoken "
			"crashes on every token (no close code)");
		return 0;
	}
	listed = alg_listed(algs, &alg);
	if (listed <= 0) {
		if (listed == 0) {
			fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid algorithm",
				OOJWT_ERR_ALG_NOT_ALLOWED, "the header's alg is not in "
				"verifyOptions.algorithms: Document Server refuses it");
		}
		return 0;
	}
	/* header.alg.startsWith('HS') */
	if (alg.type == OOJWT_JSON_INVALID || alg.type == OOJWT_JSON_NULL) {
		fail_text(r, OOJWT_DS_TYPE_ERROR, alg.type == OOJWT_JSON_NULL
			? "Cannot read properties of null (reading 'startsWith')"
			: "Cannot read properties of undefined (reading 'startsWith')",
			OOJWT_ERR_BAD_HEADER, "the header has no alg, yet "
			"verifyOptions.algorithms (a string) contains its text: "
			"jsonwebtoken crashes (no close code)");
		return 0;
	}
	if (alg.type != OOJWT_JSON_STRING) {
		fail_text(r, OOJWT_DS_TYPE_ERROR, "header.alg.startsWith is not a "
			"function", OOJWT_ERR_BAD_HEADER, "the header's alg is not a "
			"string, yet verifyOptions.algorithms lists it: jsonwebtoken "
			"crashes (no close code)");
		return 0;
	}
	name = uval_string(&alg, &n);
	if (name == NULL) {
		return 0;
	}
	memset(&sb, 0, sizeof sb);
	if (!units_start(name, n, "HS") && (units_start(name, n, "RS")
		|| units_start(name, n, "PS") || units_start(name, n, "ES")))
	{
		oojwt_sb_puts(&sb, "secretOrPublicKey must be an asymmetric key when "
			"using ");
		sb_units(&sb, name, n);
		fail_sb(r, &sb, OOJWT_DS_JSON_WEB_TOKEN_ERROR, OOJWT_ERR_KEY_MISMATCH,
			"verifyOptions.algorithms allows this RS/PS/ES algorithm, but "
			"Document Server verifies with a secret: it refuses the token");
		free(name);
		return 0;
	}
	if (n == 0) {
		/* jws.verify: if (!algorithm) throw new Error(...) */
		fail_text(r, OOJWT_DS_ERROR, "Missing algorithm parameter for "
			"jws.verify", OOJWT_ERR_BAD_HEADER, "the header's alg is \"\" "
			"and verifyOptions.algorithms lets it through: jws throws (no "
			"close code)");
		free(name);
		return 0;
	}
	/* jwa: /^(RS|PS|ES|HS)(256|384|512)$|^(none)$/i */
	family = 0;
	if (n == 5 && ((name[0] | 0x20) == 'r' || (name[0] | 0x20) == 'p'
		|| (name[0] | 0x20) == 'e' || (name[0] | 0x20) == 'h')
		&& (name[1] | 0x20) == 's')
	{
		family = (unsigned)(name[0] | 0x20);
		if (units_start(name + 2, 3, "256")) {
			bits = OOJWT_ALG_HS256;
		} else if (units_start(name + 2, 3, "384")) {
			bits = OOJWT_ALG_HS384;
		} else if (units_start(name + 2, 3, "512")) {
			bits = OOJWT_ALG_HS512;
		} else {
			family = 0;
		}
	} else if (n == 4 && (name[0] | 0x20) == 'n' && (name[1] | 0x20) == 'o'
		&& (name[2] | 0x20) == 'n' && (name[3] | 0x20) == 'e')
	{
		family = 'n';
	}
	if (family == 0) {
		oojwt_sb_puts(&sb, "\"");
		sb_units(&sb, name, n);
		oojwt_sb_puts(&sb, invalid);
		fail_sb(r, &sb, OOJWT_DS_TYPE_ERROR, OOJWT_ERR_UNSUPPORTED_ALG,
			"verifyOptions.algorithms lets through an alg jws does not know: "
			"it throws a TypeError (no close code)");
	} else if (family == 'n') {
		/* jwa's none verifier: signature === '' (it is not) */
		fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid signature",
			OOJWT_ERR_ALG_NONE, "alg \"none\" is allowed by verifyOptions."
			"algorithms, but jws's none verifier wants an empty signature, "
			"which jsonwebtoken refused before: never valid");
	} else if (family == 'e') {
		/* ecdsa-sig-formatter's joseToDer checks the length first */
		size_t want = bits == OOJWT_ALG_HS256 ? 64 : bits == OOJWT_ALG_HS384
			? 96 : 132;
		size_t have = sig_len / 4 * 3 + (sig_len % 4 == 2 ? 1
			: sig_len % 4 == 3 ? 2 : 0);
		char msg[OOJWT_MESSAGE_LEN];
		if (have != want) {
			oojwt_fmt(msg, sizeof msg, "\"ES%s\" signatures must be \"%z\" "
				"bytes, saw \"%z\"", bits == OOJWT_ALG_HS256 ? "256"
				: bits == OOJWT_ALG_HS384 ? "384" : "512", want, have);
		}
		fail_text(r, OOJWT_DS_TYPE_ERROR, have != want ? msg : no_key,
			OOJWT_ERR_KEY_MISMATCH, "an ES algorithm (in lower case) reaches "
			"jws with a secret key: it throws a TypeError (no close code)");
	} else if (family != 'h') {
		fail_text(r, OOJWT_DS_TYPE_ERROR, no_key, OOJWT_ERR_KEY_MISMATCH,
			"an RS/PS algorithm (in lower case) reaches jws with a secret "
			"key: it throws a TypeError (no close code)");
	}
	free(name);
	free(sb.buf);
	if (family != 'h') {
		return 0;
	}
	r->alg = bits;
	return bits;
}

/* ---- the claims after exp ---------------------------------------------- */

/* payload.<member> === option, for the options compared one to one. */
static int
claim_check(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	const unsigned short *u, const oojwt_ds_json *pj, const char *option,
	int member, const char *what, int code)
{
	const oojwt_jv *want = opt(v, option);
	oojwt_sb sb;
	uval got;
	int eq;

	if (!oojwt_json_truthy(want)) {
		return 1;
	}
	uval_member(&got, u, pj, member);
	eq = strict_equal(want, &got);
	if (eq != 0) {
		return eq;
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "jwt ");
	oojwt_sb_puts(&sb, what);
	oojwt_sb_puts(&sb, " invalid. expected: ");
	jv_to_string(&sb, want, 0);
	return fail_sb(r, &sb, OOJWT_DS_JSON_WEB_TOKEN_ERROR, code,
		"the token's claim differs from what verifyOptions requires: "
		"Document Server refuses it");
}

static int
audience(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	const unsigned short *u, const oojwt_ds_json *pj)
{
	const oojwt_jv *want = opt(v, "audience"), *a;
	int array = oojwt_json_type(want) == OOJWT_JSON_ARRAY, match = 0;
	size_t i = 0;
	oojwt_sb sb;
	uval aud, t;

	if (!oojwt_json_truthy(want)) {
		return 1;
	}
	uval_member(&aud, u, pj, OOJWT_DS_M_AUD);
	/* target = Array.isArray(payload.aud) ? payload.aud : [payload.aud] */
	if (aud.type == OOJWT_JSON_ARRAY) {
		i = aud.start + 1;
	}
	while (!match && (aud.type == OOJWT_JSON_ARRAY
		? next_element(u, &i, aud.end, &t) : i++ == 0))
	{
		if (aud.type != OOJWT_JSON_ARRAY) {
			t = aud;
		}
		if (!array) {
			match = strict_equal(want, &t);
		}
		for (a = array ? oojwt_json_first(want, NULL) : NULL; a != NULL
			&& !match; a = oojwt_json_next(a, NULL))
		{
			match = strict_equal(a, &t);
		}
	}
	if (match != 0) {
		return match;
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "jwt audience invalid. expected: ");
	if (!array) {
		jv_to_string(&sb, want, 1);
	}
	for (a = array ? oojwt_json_first(want, NULL) : NULL; a != NULL;
		a = oojwt_json_next(a, NULL))
	{
		if (a != oojwt_json_first(want, NULL)) {
			oojwt_sb_puts(&sb, " or ");
		}
		jv_to_string(&sb, a, 1);
	}
	return fail_sb(r, &sb, OOJWT_DS_JSON_WEB_TOKEN_ERROR,
		OOJWT_FIND_VERIFY_AUDIENCE, "the token's aud is none of "
		"verifyOptions.audience: Document Server refuses it");
}

static int
issuer(oojwt_ds_result *r, const oojwt_ds_vopts *v, const unsigned short *u,
	const oojwt_ds_json *pj)
{
	const oojwt_jv *want = opt(v, "issuer"), *a;
	int t = oojwt_json_type(want), found = 0;
	oojwt_sb sb;
	uval iss;

	if (!oojwt_json_truthy(want)) {
		return 1;
	}
	uval_member(&iss, u, pj, OOJWT_DS_M_ISS);
	if (t == OOJWT_JSON_STRING) {
		found = strict_equal(want, &iss);
	} else if (t == OOJWT_JSON_ARRAY) {
		for (a = oojwt_json_first(want, NULL); a != NULL && found == 0;
			a = oojwt_json_next(a, NULL))
		{
			found = strict_equal(a, &iss);
		}
	} else {
		return 1;                      /* neither: nothing is checked */
	}
	if (found != 0) {
		return found;
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "jwt issuer invalid. expected: ");
	jv_to_string(&sb, want, 0);
	return fail_sb(r, &sb, OOJWT_DS_JSON_WEB_TOKEN_ERROR,
		OOJWT_FIND_VERIFY_ISSUER, "the token's iss is not verifyOptions."
		"issuer: Document Server refuses it");
}

static int
max_age(oojwt_ds_result *r, const oojwt_ds_vopts *v, const unsigned short *u,
	const oojwt_ds_json *pj, double clock, double now)
{
	const oojwt_jv *age = opt(v, "maxAge");
	double iat, ts, limit, ms;
	uval x;

	if (!oojwt_json_truthy(age)) {
		return 1;
	}
	if (uval_member(&x, u, pj, OOJWT_DS_M_IAT) != OOJWT_JSON_NUMBER) {
		return fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "iat required when "
			"maxAge is specified", OOJWT_FIND_VERIFY_MAX_AGE, "verifyOptions."
			"maxAge is set and the token has no numeric iat: Document Server "
			"refuses it");
	}
	iat = uval_number(&x);
	/* lib/timespan.js: iat || Math.floor(Date.now() / 1000) */
	ts = iat != 0 ? iat : floor(now);
	if (oojwt_json_type(age) == OOJWT_JSON_NUMBER) {
		limit = ts + oojwt_json_number(age);
	} else if (oojwt_json_type(age) == OOJWT_JSON_STRING
		&& oojwt_ds_ms_parse(oojwt_json_string(age), strlen(oojwt_json_string(age)),
		&ms))
	{
		double sec = ms / 1000;
		limit = floor(ts + sec);
	} else {
		return fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "\"maxAge\" should "
			"be a number of seconds or string representing a timespan eg: "
			"\"1d\", \"20h\", 60", OOJWT_FIND_VERIFY_MAX_AGE, "verifyOptions."
			"maxAge is not a number or a timespan ms understands: every token "
			"with an iat is refused");
	}
	if (oojwt_ds_vopts_past(v, limit, clock)) {
		char msg[OOJWT_MESSAGE_LEN];
		oojwt_fmt(msg, sizeof msg, "the token was issued more than "
			"verifyOptions.maxAge ago (iat %t, limit %t, now %t)", iat, limit,
			clock);
		return fail_text(r, OOJWT_DS_TOKEN_EXPIRED_ERROR, "maxAge exceeded",
			OOJWT_ERR_EXPIRED, msg);
	}
	return 1;
}

/* decoded = { header, payload, signature } (verify.js, complete). */
static int
complete(oojwt_ds_result *r, const char *sig, size_t sig_len)
{
	oojwt_sb sb;

	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "{\"header\":");
	oojwt_sb_put(&sb, r->header_text, r->header_len);
	oojwt_sb_puts(&sb, ",\"payload\":");
	if (r->payload_kind == OOJWT_DS_PAYLOAD_JSON) {
		oojwt_sb_put(&sb, r->payload_text, r->payload_len);
	} else {
		oojwt_sb_json_string(&sb, r->payload_text, r->payload_len);
	}
	oojwt_sb_puts(&sb, ",\"signature\":");
	oojwt_sb_json_string(&sb, sig, sig_len);
	oojwt_sb_puts(&sb, "}");
	r->decoded_text = oojwt_sb_finish(&sb, &r->decoded_len);
	return r->decoded_text != NULL ? 1 : -1;
}

int
oojwt_ds_vopts_claims(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	const unsigned short *u, const oojwt_ds_json *pj, double clock,
	double now, const char *sig, size_t sig_len)
{
	int k;

	if (v->tree == NULL) {
		return 1;
	}
	k = audience(r, v, u, pj);
	if (k == 1) {
		k = issuer(r, v, u, pj);
	}
	if (k == 1) {
		k = claim_check(r, v, u, pj, "subject", OOJWT_DS_M_SUB, "subject",
			OOJWT_FIND_VERIFY_SUBJECT);
	}
	if (k == 1) {
		k = claim_check(r, v, u, pj, "jwtid", OOJWT_DS_M_JTI, "jwtid",
			OOJWT_FIND_VERIFY_JWTID);
	}
	if (k == 1) {
		k = claim_check(r, v, u, pj, "nonce", OOJWT_DS_M_NONCE, "nonce",
			OOJWT_FIND_VERIFY_NONCE);
	}
	if (k == 1) {
		k = max_age(r, v, u, pj, clock, now);
	}
	if (k == 1 && v->complete) {
		k = complete(r, sig, sig_len);
	}
	return k;
}
