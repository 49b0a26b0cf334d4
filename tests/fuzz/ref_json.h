/*
 * A second opinion on strict JSON for the differential harnesses.
 *
 * Written from RFC 8259, the Unicode well-formed byte table (Unicode
 * 15, table 3-7) and oojwt's documented rules (src/oojwt.h, README),
 * sharing no code with src/core/json_scan.c, src/core/util.c or cJSON: it decodes
 * every string itself, validates UTF-8 by byte ranges (not by decoding
 * code points), finds duplicate names by comparing decoded names pair
 * by pair, and reads numbers with strtod on the exact literal.
 *
 * Result codes follow oojwt: the first syntax error in the text
 * (bad_json, or too_deep when a container opens beyond
 * OOJWT_JSON_MAX_DEPTH) wins; otherwise the first value, in the order
 * values end, that is a non-finite number (bad_json) or an object with
 * a repeated name (duplicate_member).
 *
 * With a tree (`node` not NULL), every value parsed is also compared
 * with oojwt's tree through the oojwt_json_* accessors of inner.h.
 */
#ifndef OOJWT_REF_JSON_H__
#define OOJWT_REF_JSON_H__

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"

typedef struct {
	const unsigned char *s;
	size_t n, i;
	int depth;
	int syntax;    /* first syntax error code, 0 when none */
	int semantic;  /* first semantic error code, 0 when none */
	int allow_nul; /* accept \u0000 (for checking reports) */
} ref_json;

typedef struct {
	unsigned char *b;
	size_t n, cap;
} ref_buf;

static void
ref_buf_add(ref_buf *b, unsigned char c)
{
	if (b->n == b->cap) {
		b->cap = b->cap * 2 + 16;
		b->b = (unsigned char *)realloc(b->b, b->cap);
		if (b->b == NULL) {
			abort();
		}
	}
	b->b[b->n++] = c;
}

static int
ref_err(ref_json *st, int code)
{
	if (st->syntax == 0) {
		st->syntax = code;
	}
	return 0;
}

static int
ref_peek(const ref_json *st)
{
	return st->i < st->n ? st->s[st->i] : -1;
}

static void
ref_ws(ref_json *st)
{
	while (st->i < st->n && (st->s[st->i] == 0x20 || st->s[st->i] == 0x09
		|| st->s[st->i] == 0x0A || st->s[st->i] == 0x0D))
	{
		st->i++;
	}
}

/* Length of a well-formed UTF-8 sequence at st->i (lead >= 0x80), 0
 * when ill-formed. Unicode table 3-7, row by row. */
static size_t
ref_utf8(const ref_json *st)
{
	static const struct {
		unsigned char lo, hi;           /* lead byte range */
		unsigned char lo2, hi2;         /* second byte range */
		unsigned char len;
	} rows[] = {
		{ 0xC2, 0xDF, 0x80, 0xBF, 2 },
		{ 0xE0, 0xE0, 0xA0, 0xBF, 3 },
		{ 0xE1, 0xEC, 0x80, 0xBF, 3 },
		{ 0xED, 0xED, 0x80, 0x9F, 3 },
		{ 0xEE, 0xEF, 0x80, 0xBF, 3 },
		{ 0xF0, 0xF0, 0x90, 0xBF, 4 },
		{ 0xF1, 0xF3, 0x80, 0xBF, 4 },
		{ 0xF4, 0xF4, 0x80, 0x8F, 4 },
	};
	const unsigned char *p = st->s + st->i;
	size_t left = st->n - st->i, r, k;

	for (r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		if (p[0] < rows[r].lo || p[0] > rows[r].hi) {
			continue;
		}
		if (left < rows[r].len || p[1] < rows[r].lo2 || p[1] > rows[r].hi2) {
			return 0;
		}
		for (k = 2; k < rows[r].len; k++) {
			if (p[k] < 0x80 || p[k] > 0xBF) {
				return 0;
			}
		}
		return rows[r].len;
	}
	return 0;
}

static void
ref_put_cp(ref_buf *b, unsigned long cp)
{
	if (cp < 0x80) {
		ref_buf_add(b, (unsigned char)cp);
	} else if (cp < 0x800) {
		ref_buf_add(b, (unsigned char)(0xC0 | (cp >> 6)));
		ref_buf_add(b, (unsigned char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		ref_buf_add(b, (unsigned char)(0xE0 | (cp >> 12)));
		ref_buf_add(b, (unsigned char)(0x80 | ((cp >> 6) & 0x3F)));
		ref_buf_add(b, (unsigned char)(0x80 | (cp & 0x3F)));
	} else {
		ref_buf_add(b, (unsigned char)(0xF0 | (cp >> 18)));
		ref_buf_add(b, (unsigned char)(0x80 | ((cp >> 12) & 0x3F)));
		ref_buf_add(b, (unsigned char)(0x80 | ((cp >> 6) & 0x3F)));
		ref_buf_add(b, (unsigned char)(0x80 | (cp & 0x3F)));
	}
}

static long
ref_hex4(ref_json *st)
{
	static const char digits[] = "0123456789abcdef0123456789ABCDEF";
	long v = 0;
	int k;

	if (st->n - st->i < 4) {
		return -1;
	}
	for (k = 0; k < 4; k++) {
		const char *d = memchr(digits, st->s[st->i + (size_t)k], 32);
		if (d == NULL || st->s[st->i + (size_t)k] == 0) {
			return -1;
		}
		v = v * 16 + (long)((d - digits) % 16);
	}
	st->i += 4;
	return v;
}

/* A string at st->i (opening quote); decoded bytes into *out. */
static int
ref_string(ref_json *st, ref_buf *out)
{
	st->i++;
	for (;;) {
		int c = ref_peek(st);
		if (c < 0) {
			return ref_err(st, OOJWT_ERR_BAD_JSON);
		}
		if (c == '"') {
			st->i++;
			return 1;
		}
		if (c < 0x20) {
			return ref_err(st, OOJWT_ERR_BAD_JSON);
		}
		if (c >= 0x80) {
			size_t len = ref_utf8(st), k;
			if (len == 0) {
				return ref_err(st, OOJWT_ERR_BAD_JSON);
			}
			for (k = 0; k < len; k++) {
				ref_buf_add(out, st->s[st->i++]);
			}
			continue;
		}
		st->i++;
		if (c != '\\') {
			ref_buf_add(out, (unsigned char)c);
			continue;
		}
		c = ref_peek(st);
		st->i++;
		switch (c) {
		case '"': ref_buf_add(out, '"'); break;
		case '\\': ref_buf_add(out, '\\'); break;
		case '/': ref_buf_add(out, '/'); break;
		case 'b': ref_buf_add(out, 8); break;
		case 'f': ref_buf_add(out, 12); break;
		case 'n': ref_buf_add(out, 10); break;
		case 'r': ref_buf_add(out, 13); break;
		case 't': ref_buf_add(out, 9); break;
		case 'u': {
			long u = ref_hex4(st), lo;
			if (u < 0 || (u == 0 && !st->allow_nul) || (u >= 0xDC00 && u <= 0xDFFF)) {
				return ref_err(st, OOJWT_ERR_BAD_JSON);
			}
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (st->n - st->i < 2 || st->s[st->i] != '\\' || st->s[st->i + 1] != 'u') {
					return ref_err(st, OOJWT_ERR_BAD_JSON);
				}
				st->i += 2;
				lo = ref_hex4(st);
				if (lo < 0xDC00 || lo > 0xDFFF) {
					return ref_err(st, OOJWT_ERR_BAD_JSON);
				}
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			}
			ref_put_cp(out, (unsigned long)u);
			break;
		}
		default:
			return ref_err(st, OOJWT_ERR_BAD_JSON);
		}
	}
}

static int
ref_digits(ref_json *st)
{
	size_t start = st->i;

	while (st->i < st->n && st->s[st->i] >= '0' && st->s[st->i] <= '9') {
		st->i++;
	}
	return st->i > start;
}

static int
ref_number(ref_json *st, const oojwt_jv *node)
{
	size_t start = st->i;
	char *lit;
	double d;

	if (ref_peek(st) == '-') {
		st->i++;
	}
	if (ref_peek(st) == '0') {
		st->i++;
	} else if (!ref_digits(st)) {
		return ref_err(st, OOJWT_ERR_BAD_JSON);
	}
	if (ref_peek(st) == '.') {
		st->i++;
		if (!ref_digits(st)) {
			return ref_err(st, OOJWT_ERR_BAD_JSON);
		}
	}
	if (ref_peek(st) == 'e' || ref_peek(st) == 'E') {
		st->i++;
		if (ref_peek(st) == '+' || ref_peek(st) == '-') {
			st->i++;
		}
		if (!ref_digits(st)) {
			return ref_err(st, OOJWT_ERR_BAD_JSON);
		}
	}
	/* "01" is not a number followed by another: the caller sees the
	 * digit as an unexpected byte after the value. */
	lit = (char *)malloc(st->i - start + 1);
	if (lit == NULL) {
		abort();
	}
	memcpy(lit, st->s + start, st->i - start);
	lit[st->i - start] = 0;
	d = strtod(lit, NULL);
	free(lit);
	if (!isfinite(d)) {
		if (st->semantic == 0) {
			st->semantic = OOJWT_ERR_BAD_JSON;
		}
	} else if (node != NULL) {
		double o = oojwt_json_number(node);
		FUZZ_CHECK(oojwt_json_type(node) == OOJWT_JSON_NUMBER, "number type");
		FUZZ_CHECK(memcmp(&o, &d, sizeof d) == 0, "number value (bit for bit)");
	}
	return 1;
}

static int ref_value(ref_json *st, const oojwt_jv *node);

static int
ref_object(ref_json *st, const oojwt_jv *node)
{
	ref_buf *names = NULL;
	size_t count = 0, i, j;
	int ok = 1, dup = 0;

	if (node != NULL) {
		FUZZ_CHECK(oojwt_json_type(node) == OOJWT_JSON_OBJECT, "object type");
	}
	st->i++;
	ref_ws(st);
	if (ref_peek(st) == '}') {
		st->i++;
		return 1;
	}
	for (;;) {
		ref_buf name = { NULL, 0, 0 };
		const oojwt_jv *child = NULL;
		ref_ws(st);
		if (ref_peek(st) != '"') {
			ok = ref_err(st, OOJWT_ERR_BAD_JSON);
			break;
		}
		if (!ref_string(st, &name)) {
			free(name.b);
			ok = 0;
			break;
		}
		names = (ref_buf *)realloc(names, (count + 1) * sizeof *names);
		if (names == NULL) {
			abort();
		}
		names[count++] = name;
		ref_ws(st);
		if (ref_peek(st) != ':') {
			ok = ref_err(st, OOJWT_ERR_BAD_JSON);
			break;
		}
		st->i++;
		if (node != NULL) {
			char *z = (char *)malloc(name.n + 1);
			if (z == NULL) {
				abort();
			}
			if (name.n != 0) {
				memcpy(z, name.b, name.n);
			}
			z[name.n] = 0;
			child = oojwt_json_get(node, z);
			free(z);
			FUZZ_CHECK(child != NULL, "every member is found by its name");
		}
		if (!ref_value(st, child)) {
			ok = 0;
			break;
		}
		ref_ws(st);
		if (ref_peek(st) == ',') {
			st->i++;
			continue;
		}
		if (ref_peek(st) == '}') {
			st->i++;
			break;
		}
		ok = ref_err(st, OOJWT_ERR_BAD_JSON);
		break;
	}
	if (ok) {
		for (i = 0; i < count && !dup; i++) {
			for (j = i + 1; j < count && !dup; j++) {
				dup = names[i].n == names[j].n
					&& (names[i].n == 0 || memcmp(names[i].b, names[j].b, names[i].n) == 0);
			}
		}
		if (dup && st->semantic == 0) {
			st->semantic = OOJWT_ERR_DUPLICATE_MEMBER;
		}
	}
	for (i = 0; i < count; i++) {
		free(names[i].b);
	}
	free(names);
	return ok;
}

static int
ref_array(ref_json *st, const oojwt_jv *node)
{
	size_t count = 0;

	if (node != NULL) {
		FUZZ_CHECK(oojwt_json_type(node) == OOJWT_JSON_ARRAY, "array type");
	}
	st->i++;
	ref_ws(st);
	if (ref_peek(st) == ']') {
		st->i++;
		if (node != NULL) {
			FUZZ_CHECK(oojwt_json_array_size(node) == 0, "empty array");
		}
		return 1;
	}
	for (;;) {
		const oojwt_jv *child = NULL;
		if (node != NULL) {
			child = oojwt_json_array_at(node, count);
			FUZZ_CHECK(child != NULL, "array element present");
		}
		if (!ref_value(st, child)) {
			return 0;
		}
		count++;
		ref_ws(st);
		if (ref_peek(st) == ',') {
			st->i++;
			continue;
		}
		if (ref_peek(st) == ']') {
			st->i++;
			break;
		}
		return ref_err(st, OOJWT_ERR_BAD_JSON);
	}
	if (node != NULL) {
		FUZZ_CHECK(oojwt_json_array_size(node) == count, "array size");
	}
	return 1;
}

static int
ref_word(ref_json *st, const char *w, const oojwt_jv *node, int type)
{
	size_t n = strlen(w);

	if (st->n - st->i < n || memcmp(st->s + st->i, w, n) != 0) {
		return ref_err(st, OOJWT_ERR_BAD_JSON);
	}
	st->i += n;
	if (node != NULL) {
		FUZZ_CHECK(oojwt_json_type(node) == type, "literal type");
	}
	return 1;
}

static int
ref_value(ref_json *st, const oojwt_jv *node)
{
	int c, ok;

	ref_ws(st);
	c = ref_peek(st);
	if (c == '{' || c == '[') {
		if (++st->depth > OOJWT_JSON_MAX_DEPTH) {
			return ref_err(st, OOJWT_ERR_TOO_DEEP);
		}
		ok = c == '{' ? ref_object(st, node) : ref_array(st, node);
		st->depth--;
		return ok;
	}
	if (c == '"') {
		ref_buf b = { NULL, 0, 0 };
		ok = ref_string(st, &b);
		if (ok && node != NULL) {
			const char *s = oojwt_json_string(node);
			FUZZ_CHECK(oojwt_json_type(node) == OOJWT_JSON_STRING, "string type");
			FUZZ_CHECK(strlen(s) == b.n && (b.n == 0 || memcmp(s, b.b, b.n) == 0),
				"string value");
		}
		free(b.b);
		return ok;
	}
	if (c == 't') {
		return ref_word(st, "true", node, OOJWT_JSON_TRUE);
	}
	if (c == 'f') {
		return ref_word(st, "false", node, OOJWT_JSON_FALSE);
	}
	if (c == 'n') {
		return ref_word(st, "null", node, OOJWT_JSON_NULL);
	}
	if (c == '-' || (c >= '0' && c <= '9')) {
		return ref_number(st, node);
	}
	return ref_err(st, OOJWT_ERR_BAD_JSON);
}

/*
 * The verdict on `n` bytes: an oojwt code (OOJWT_OK when acceptable).
 * With `tree` (oojwt's parse of the same text), also compares values.
 */
static int
ref_json_check(const unsigned char *s, size_t n, const oojwt_jv *tree,
	int allow_nul)
{
	ref_json st;

	memset(&st, 0, sizeof st);
	st.s = s;
	st.n = n;
	st.allow_nul = allow_nul;
	if (ref_value(&st, tree)) {
		ref_ws(&st);
		if (st.i != st.n) {
			ref_err(&st, OOJWT_ERR_BAD_JSON);
		}
	}
	if (st.syntax != 0) {
		return st.syntax;
	}
	return st.semantic;
}

#endif
