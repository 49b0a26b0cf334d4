/*
 * JavaScript's rules for the values jsonwebtoken's verify.js compares and
 * prints (src/ds/verify_options.c uses them): === between an option (a
 * JSON value of the server configuration) and a token value (UTF-16
 * units as JSON.parse read them), String() of either (Array.prototype.
 * join for arrays), Number() of text (StringToNumber), String.prototype.
 * trim's white space, and ms 2.1.3's parse of a timespan.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

/* ---- values on both sides ----------------------------------------------- */

void
oojwt_ds_utext_put(oojwt_ds_utext *b, const unsigned short *u, size_t n)
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

void
oojwt_ds_utext_ascii(oojwt_ds_utext *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned short c = (unsigned char)s[i];
		oojwt_ds_utext_put(b, &c, 1);
	}
}

/* UTF-8 text (valid, from the strict JSON layer) as UTF-16 units. */
void
oojwt_ds_utext_utf8(oojwt_ds_utext *b, const char *s, size_t n)
{
	unsigned short *t = (unsigned short *)malloc((n + 1) * sizeof *t);
	size_t replaced, k;

	if (t == NULL) {
		b->oom = 1;
		return;
	}
	k = oojwt_ds_utf8_to_utf16(t, (const unsigned char *)s, n, &replaced);
	oojwt_ds_utext_put(b, t, k);
	free(t);
}

int
oojwt_ds_val_member(oojwt_ds_val *x, const unsigned short *u,
	const oojwt_ds_json *j, int m)
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

int
oojwt_ds_val_next(const unsigned short *u, size_t *i, size_t end,
	oojwt_ds_val *e)
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
double
oojwt_ds_val_number(const oojwt_ds_val *x)
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
unsigned short *
oojwt_ds_val_units(const oojwt_ds_val *x, size_t *n)
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
int
oojwt_ds_strict_equal(const oojwt_jv *a, const oojwt_ds_val *b)
{
	int t = oojwt_json_type(a);
	unsigned short *bs;
	size_t bn;
	oojwt_ds_utext as;
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
		return oojwt_json_number(a) == oojwt_ds_val_number(b);
	case OOJWT_JSON_STRING:
		break;
	default:
		return 0;
	}
	memset(&as, 0, sizeof as);
	oojwt_ds_utext_utf8(&as, oojwt_json_string(a), strlen(oojwt_json_string(a)));
	bs = oojwt_ds_val_units(b, &bn);
	eq = as.oom || bs == NULL ? -1 : as.n == bn
		&& (bn == 0 || memcmp(as.u, bs, bn * sizeof *bs) == 0);
	free(as.u);
	free(bs);
	return eq;
}

/* String(x) of a token value (Array.prototype.join for arrays: null and
 * undefined elements give ""). */
void
oojwt_ds_val_to_string(oojwt_ds_utext *b, const oojwt_ds_val *x, int in_array)
{
	char num[OOJWT_JS_NUMBER_LEN];
	unsigned short *s;
	size_t n, i;
	oojwt_ds_val e;
	int first = 1;

	switch (x->type) {
	case OOJWT_JSON_INVALID:
	case OOJWT_JSON_NULL:
		if (!in_array) {
			oojwt_ds_utext_ascii(b, x->type == OOJWT_JSON_NULL ? "null" : "undefined",
				x->type == OOJWT_JSON_NULL ? 4 : 9);
		}
		return;
	case OOJWT_JSON_TRUE:
		oojwt_ds_utext_ascii(b, "true", 4);
		return;
	case OOJWT_JSON_FALSE:
		oojwt_ds_utext_ascii(b, "false", 5);
		return;
	case OOJWT_JSON_NUMBER:
		oojwt_ds_utext_ascii(b, num, oojwt_js_number(num, oojwt_ds_val_number(x)));
		return;
	case OOJWT_JSON_STRING:
		s = oojwt_ds_val_units(x, &n);
		if (s == NULL) {
			b->oom = 1;
			return;
		}
		oojwt_ds_utext_put(b, s, n);
		free(s);
		return;
	case OOJWT_JSON_OBJECT:
		oojwt_ds_utext_ascii(b, "[object Object]", 15);
		return;
	default:
		break;
	}
	i = x->start + 1;
	while (oojwt_ds_val_next(x->u, &i, x->end, &e)) {
		if (!first) {
			oojwt_ds_utext_ascii(b, ",", 1);
		}
		first = 0;
		oojwt_ds_val_to_string(b, &e, 1);
	}
}

/* String(v) of an option value, as UTF-8 (join as above). */
void
oojwt_ds_jv_to_string(oojwt_sb *sb, const oojwt_jv *v, int in_array)
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
			oojwt_ds_jv_to_string(sb, e, 1);
		}
		return;
	default:
		oojwt_sb_puts(sb, "undefined");
		return;
	}
}

/* UTF-16 units as UTF-8 (a lone surrogate as its 3-byte form). */
void
oojwt_ds_sb_units(oojwt_sb *sb, const unsigned short *u, size_t n)
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
double
oojwt_ds_js_to_number(const char *s, size_t n)
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

