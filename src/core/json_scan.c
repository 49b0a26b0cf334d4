/*
 * The strict JSON layer, part one: the scan that checks a text and the
 * parse into a tree. Only the core's json_*.c files include cJSON.h
 * (json_tree.c reads trees, json_config.c merges and edits them).
 *
 * cJSON 1.7.15 is lenient (it skips any byte <= 0x20 as whitespace,
 * accepts control characters and invalid UTF-8 in strings, truncates a
 * string at \u0000, takes trailing bytes, keeps the first of duplicate
 * members and looks members up case-insensitively). So every text is
 * first checked here against RFC 8259 plus our rules, in one pass that
 * also bounds the nesting depth; only then does cJSON build the tree,
 * which is then checked for duplicate member names and finite numbers.
 * Lookups compare member names byte for byte.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cJSON.h"
#include "inner.h"
#include "core.h"

/* ---- the syntax check ------------------------------------------------- */

/* A member name seen by the tree-less check: its raw bytes. */
typedef struct {
	const unsigned char *p;
	size_t len;
} name_span;

typedef struct {
	const unsigned char *s;
	size_t len, i;
	int depth;
	int code;
	const char *why;
	/* OOJWT_JSON_LONE_WTF8: escaped lone surrogates are read, and counted. */
	int lone_ok;
	size_t lone;
	long lone_pos;
	/* oojwt_json_check() only (track != 0): */
	int track;
	int escaped;            /* a member name holds an escape: use a tree */
	int str_escape;         /* the string scanned last holds an escape */
	name_span *names;       /* names of the open objects, innermost last */
	size_t n_names, cap_names;
	name_span local[32];
	int sem_code;           /* first duplicate / non-finite number */
	char *sem_msg;
	oojwt_jtop *top;
	size_t n_top;
} scan;

static int
fail(scan *sc, int code, const char *why)
{
	if (sc->code == OOJWT_OK) {
		sc->code = code;
		sc->why = why;
	}
	return 0;
}

static void
skip_ws(scan *sc)
{
	while (sc->i < sc->len) {
		unsigned char c = sc->s[sc->i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			break;
		}
		sc->i++;
	}
}

static int
hex4(scan *sc, unsigned *out)
{
	unsigned v = 0;
	int k;

	if (sc->len - sc->i < 4) {
		return fail(sc, OOJWT_ERR_BAD_JSON, "\\u must be followed by 4 hex digits");
	}
	for (k = 0; k < 4; k++) {
		unsigned char c = sc->s[sc->i];
		unsigned d;
		if (c >= '0' && c <= '9') {
			d = (unsigned)(c - '0');
		} else if (c >= 'a' && c <= 'f') {
			d = (unsigned)(c - 'a' + 10);
		} else if (c >= 'A' && c <= 'F') {
			d = (unsigned)(c - 'A' + 10);
		} else {
			return fail(sc, OOJWT_ERR_BAD_JSON, "\\u must be followed by 4 hex digits");
		}
		v = (v << 4) | d;
		sc->i++;
	}
	*out = v;
	return 1;
}

/* One UTF-8 sequence starting at sc->i (first byte >= 0x80). */
static int
utf8_seq(scan *sc)
{
	size_t n = oojwt_utf8_len(sc->s + sc->i, sc->len - sc->i);

	if (n == 0) {
		return fail(sc, OOJWT_ERR_BAD_JSON,
			"invalid UTF-8 (a bad byte, a truncated or overlong sequence, "
			"a surrogate, or a code point above U+10FFFF)");
	}
	sc->i += n;
	return 1;
}

/* String bytes that need no attention: printable ASCII but '"' and '\\'. */
static const unsigned char plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/*
 * Does one of the 8 bytes of `w` need attention in a string ('"', '\\',
 * a control character, a byte >= 0x80)? Bit tricks on 64-bit words: a
 * lane that subtracts below zero sets its top bit. Never misses such a
 * byte; may flag a word that has none only after one that has (a borrow),
 * which the byte loop then sorts out.
 */
static int
word_needs_care(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, tops = ones * 0x80u;
	uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');

	return (((q - ones) & ~q) | ((b - ones) & ~b) | (w - ones * 0x20u) | w)
		& tops ? 1 : 0;
}

static int
scan_string(scan *sc)
{
	sc->i++; /* opening quote */
	sc->str_escape = 0;
	while (sc->i < sc->len) {
		unsigned char c;
		size_t i = sc->i;
		uint64_t w;
		/* Eight plain bytes at a time, then one at a time. */
		while (sc->len - i >= 8) {
			memcpy(&w, sc->s + i, 8);
			if (word_needs_care(w)) {
				break;
			}
			i += 8;
		}
		while (i < sc->len && plain[sc->s[i]]) {
			i++;
		}
		sc->i = i;
		if (sc->i >= sc->len) {
			break;
		}
		c = sc->s[sc->i];
		if (c == '"') {
			sc->i++;
			return 1;
		}
		if (c < 0x20) {
			return fail(sc, OOJWT_ERR_BAD_JSON,
				"a control character must be escaped inside a string");
		}
		if (c >= 0x80) {
			if (!utf8_seq(sc)) {
				return 0;
			}
			continue;
		}
		if (c != '\\') {
			sc->i++;
			continue;
		}
		sc->str_escape = 1;
		sc->i++;
		if (sc->i >= sc->len) {
			break;
		}
		c = sc->s[sc->i];
		if (c == 'u') {
			unsigned u, lo;
			size_t at = sc->i - 1;
			sc->i++;
			if (!hex4(sc, &u)) {
				return 0;
			}
			if (u == 0) {
				sc->i = at;
				return fail(sc, OOJWT_ERR_BAD_JSON,
					"\\u0000 is refused (C and many servers would cut the string there)");
			}
			if (u >= 0xD800 && u <= 0xDBFF && sc->len - sc->i >= 6
				&& sc->s[sc->i] == '\\' && sc->s[sc->i + 1] == 'u')
			{
				size_t second = sc->i;
				sc->i += 2;
				if (!hex4(sc, &lo)) {
					return 0;
				}
				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					continue;   /* a pair: one code point */
				}
				sc->i = second;   /* the next escape is read on its own */
			}
			if (u >= 0xD800 && u <= 0xDFFF) {
				/* JSON.parse keeps a lone surrogate in the string
				 * (ECMA-262 JSON.parse reads \uXXXX as one code unit);
				 * strict JSON refuses it (RFC 8259 section 8.2). */
				if (!sc->lone_ok) {
					sc->i = at;
					return fail(sc, OOJWT_ERR_BAD_JSON, u >= 0xDC00
						? "unpaired low surrogate escape"
						: "unpaired high surrogate escape");
				}
				if (sc->lone++ == 0) {
					sc->lone_pos = (long)at;
				}
			}
			continue;
		}
		if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f'
			|| c == 'n' || c == 'r' || c == 't')
		{
			sc->i++;
			continue;
		}
		return fail(sc, OOJWT_ERR_BAD_JSON, "invalid escape sequence");
	}
	return fail(sc, OOJWT_ERR_BAD_JSON, "unterminated string");
}

static int
is_digit(scan *sc)
{
	return sc->i < sc->len && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9';
}

/*
 * Is the JSON number text s[start, sc->i) a finite double? Decided from
 * its decimal exponent, with no conversion: a value below 10^308 is
 * finite, one of 10^309 or more is not; between the two, the leading
 * digits are compared with those of the rounding boundary above the
 * largest double, and only a number that starts with all 17 of them is
 * converted. A scan converts no other number (the
 * members the caller asked for are converted once, after the scan), so
 * its cost per byte is the same for every number.
 */
static int
number_finite(const scan *sc, size_t start)
{
	const unsigned char *s = sc->s;
	size_t i = start, end = sc->i;
	static const char bound[] = "17976931348623158";
	long long e10 = -1, exp = 0;
	int eneg = 0, k;

	if (s[i] == '-') {
		i++;
	}
	/* e10: the power of ten of the first nonzero digit (JSON numbers
	 * have no leading zeros: the integer part is 0 or starts it). */
	if (s[i] != '0') {
		for (; i < end && s[i] >= '0' && s[i] <= '9'; i++) {
			e10++;
		}
	} else {
		if (++i < end && s[i] == '.') {
			for (i++; i < end && s[i] == '0'; i++) {
				e10--;
			}
		}
		if (i >= end || s[i] < '1' || s[i] > '9') {
			return 1;   /* zero */
		}
	}
	while (i < end && s[i] != 'e' && s[i] != 'E') {
		i++;
	}
	if (i < end) {
		i++;
		if (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-';
			i++;
		}
		for (; i < end; i++) {
			if (exp < 1000000000000LL) {
				exp = exp * 10 + (s[i] - '0');
			}
		}
	}
	e10 += eneg ? -exp : exp;
	if (e10 != 308) {
		return e10 < 308;
	}
	/* Against the first digits of 2^1024 - 2^970, where rounding starts
	 * to give infinity; convert only when they are the same. */
	for (i = start, k = 0; i < end && k < 17 && s[i] != 'e' && s[i] != 'E'; i++) {
		if (s[i] >= '0' && s[i] <= '9' && (k > 0 || s[i] != '0')) {
			if (s[i] != bound[k]) {
				return s[i] < bound[k];
			}
			k++;
		}
	}
	if (k < 17) {
		return 1;   /* zeros follow; the boundary's digits are not 0 */
	}
	return isfinite(oojwt_strtod((const char *)s + start, end - start, NULL));
}

/* Record the first error that only the tree check used to find. */
static void
semantic(scan *sc, int code, const char *msg)
{
	if (sc->sem_code == OOJWT_OK) {
		sc->sem_code = code;
		oojwt_fmt(sc->sem_msg, OOJWT_MESSAGE_LEN, "%s", msg);
	}
}

static int
scan_number(scan *sc)
{
	size_t start = sc->i;
	int exp = 0;

	if (sc->s[sc->i] == '-') {
		sc->i++;
	}
	if (!is_digit(sc)) {
		return fail(sc, OOJWT_ERR_BAD_JSON, "invalid number");
	}
	if (sc->s[sc->i] == '0') {
		sc->i++;
		if (is_digit(sc)) {
			return fail(sc, OOJWT_ERR_BAD_JSON,
				"a number may not have a leading zero");
		}
	} else {
		while (is_digit(sc)) {
			sc->i++;
		}
	}
	if (sc->i < sc->len && sc->s[sc->i] == '.') {
		sc->i++;
		if (!is_digit(sc)) {
			return fail(sc, OOJWT_ERR_BAD_JSON,
				"a digit must follow the decimal point");
		}
		while (is_digit(sc)) {
			sc->i++;
		}
	}
	if (sc->i < sc->len && (sc->s[sc->i] == 'e' || sc->s[sc->i] == 'E')) {
		exp = 1;
		sc->i++;
		if (sc->i < sc->len && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-')) {
			sc->i++;
		}
		if (!is_digit(sc)) {
			return fail(sc, OOJWT_ERR_BAD_JSON, "invalid exponent");
		}
		while (is_digit(sc)) {
			sc->i++;
		}
	}
	/* Without an exponent, only 309 or more digits can overflow. */
	if (sc->track && (exp || sc->i - start > 300)
		&& !number_finite(sc, start))
	{
		semantic(sc, OOJWT_ERR_BAD_JSON,
			"a number is too large to be a finite double");
	}
	return 1;
}

static int
scan_literal(scan *sc, const char *word)
{
	size_t n = strlen(word);

	if (sc->len - sc->i < n || memcmp(sc->s + sc->i, word, n) != 0) {
		return fail(sc, OOJWT_ERR_BAD_JSON, "unexpected character");
	}
	sc->i += n;
	return 1;
}

static int scan_value(scan *sc);

/* Member names in byte order (strcmp's order: names hold no NUL). */
static int
cmp_spans(const void *a, const void *b)
{
	const name_span *x = (const name_span *)a;
	const name_span *y = (const name_span *)b;
	int c;

	/* The first bytes decide most comparisons. */
	if (x->len != 0 && y->len != 0 && x->p[0] != y->p[0]) {
		return x->p[0] < y->p[0] ? -1 : 1;
	}
	c = memcmp(x->p, y->p, x->len < y->len ? x->len : y->len);

	if (c != 0) {
		return c;
	}
	return x->len < y->len ? -1 : x->len > y->len;
}

/* Remember a member name (the string scanned last); give up tracking (a
 * tree will check) when it holds an escape or memory runs out. */
static void
push_name(scan *sc, size_t start, size_t end)
{
	name_span *n;

	if (sc->str_escape) {
		sc->escaped = 1;
		sc->track = 0;
		return;
	}
	if (sc->n_names == sc->cap_names) {
		size_t cap = sc->cap_names * 2;
		n = (name_span *)malloc(cap * sizeof *n);
		if (n == NULL) {
			sc->escaped = 1;
			sc->track = 0;
			return;
		}
		memcpy(n, sc->names, sc->n_names * sizeof *n);
		if (sc->names != sc->local) {
			free(sc->names);
		}
		sc->names = n;
		sc->cap_names = cap;
	}
	sc->names[sc->n_names].p = sc->s + start;
	sc->names[sc->n_names].len = end - start;
	sc->n_names++;
}

/* An object closed: its names (from `base` on) must be unique. */
static void
pop_names(scan *sc, size_t base)
{
	name_span *v = sc->names + base;
	size_t n = sc->n_names - base, i, j;

	if (n >= 2) {
		if (n <= 16) {
			for (i = 1; i < n; i++) {
				name_span t = v[i];
				for (j = i; j > 0 && cmp_spans(&v[j - 1], &t) > 0; j--) {
					v[j] = v[j - 1];
				}
				v[j] = t;
			}
		} else {
			oojwt_sort(v, n, sizeof *v, cmp_spans);
		}
		for (i = 1; i < n; i++) {
			if (cmp_spans(&v[i - 1], &v[i]) == 0) {
				char name[OOJWT_MESSAGE_LEN];
				size_t k = v[i].len < sizeof name - 1
					? v[i].len : sizeof name - 1;
				char m[OOJWT_MESSAGE_LEN];
				memcpy(name, v[i].p, k);
				name[k] = 0;
				oojwt_fmt(m, sizeof m, "duplicate member name \"%s\" "
					"(JavaScript keeps the last, some C parsers the "
					"first)", name);
				semantic(sc, OOJWT_ERR_DUPLICATE_MEMBER, m);
				break;
			}
		}
	}
	sc->n_names = base;
}

static int
type_at(unsigned char c)
{
	switch (c) {
	case '{': return OOJWT_JSON_OBJECT;
	case '[': return OOJWT_JSON_ARRAY;
	case '"': return OOJWT_JSON_STRING;
	case 't': return OOJWT_JSON_TRUE;
	case 'f': return OOJWT_JSON_FALSE;
	case 'n': return OOJWT_JSON_NULL;
	default: return OOJWT_JSON_NUMBER;
	}
}

/* The caller-wanted top-level member named s[start, end), or NULL. */
static oojwt_jtop *
wanted(scan *sc, size_t start, size_t end)
{
	size_t k;

	for (k = 0; k < sc->n_top; k++) {
		const char *w = sc->top[k].name;
		if (strlen(w) == end - start && memcmp(w, sc->s + start, end - start) == 0) {
			return &sc->top[k];
		}
	}
	return NULL;
}

static int
scan_container(scan *sc, unsigned char close)
{
	int first = 1;
	size_t base = sc->n_names;
	oojwt_jtop *want = NULL;

	if (++sc->depth > OOJWT_JSON_MAX_DEPTH) {
		return fail(sc, OOJWT_ERR_TOO_DEEP, "nesting is deeper than the limit");
	}
	sc->i++;
	skip_ws(sc);
	if (sc->i < sc->len && sc->s[sc->i] == close) {
		sc->i++;
		sc->depth--;
		return 1;
	}
	for (;;) {
		if (!first) {
			skip_ws(sc);
			if (sc->i >= sc->len) {
				return fail(sc, OOJWT_ERR_BAD_JSON, "unexpected end of input");
			}
			if (sc->s[sc->i] == close) {
				sc->i++;
				sc->depth--;
				if (close == '}' && sc->track) {
					pop_names(sc, base);
				}
				return 1;
			}
			if (sc->s[sc->i] != ',') {
				return fail(sc, OOJWT_ERR_BAD_JSON,
					close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
			}
			sc->i++;
		}
		first = 0;
		skip_ws(sc);
		if (close == '}') {
			if (sc->i >= sc->len || sc->s[sc->i] != '"') {
				return fail(sc, OOJWT_ERR_BAD_JSON,
					"expected a member name in double quotes");
			}
			size_t start = sc->i + 1;
			if (!scan_string(sc)) {
				return 0;
			}
			if (sc->track) {
				push_name(sc, start, sc->i - 1);
				want = sc->depth == 1 && sc->track
					? wanted(sc, start, sc->i - 1) : NULL;
			}
			skip_ws(sc);
			if (sc->i >= sc->len || sc->s[sc->i] != ':') {
				return fail(sc, OOJWT_ERR_BAD_JSON, "expected ':'");
			}
			sc->i++;
		}
		if (want != NULL) {
			size_t at;
			skip_ws(sc);
			at = sc->i;
			if (!scan_value(sc)) {
				return 0;
			}
			want->type = type_at(sc->s[at]);
			want->str = NULL;
			want->str_len = 0;
			if (want->type == OOJWT_JSON_NUMBER) {
				/* Converted once the whole text passed. */
				want->str = (const char *)sc->s + at;
				want->str_len = sc->i - at;
			} else if (want->type == OOJWT_JSON_STRING
				&& !sc->str_escape)
			{
				want->str = (const char *)sc->s + at + 1;
				want->str_len = sc->i - at - 2;
			}
			want = NULL;
			continue;
		}
		if (!scan_value(sc)) {
			return 0;
		}
	}
}

static int
scan_value(scan *sc)
{
	unsigned char c;

	skip_ws(sc);
	if (sc->i >= sc->len) {
		return fail(sc, OOJWT_ERR_BAD_JSON, "unexpected end of input");
	}
	c = sc->s[sc->i];
	switch (c) {
	case '{':
		return scan_container(sc, '}');
	case '[':
		return scan_container(sc, ']');
	case '"':
		return scan_string(sc);
	case 't':
		return scan_literal(sc, "true");
	case 'f':
		return scan_literal(sc, "false");
	case 'n':
		return scan_literal(sc, "null");
	default:
		if (c == '-' || (c >= '0' && c <= '9')) {
			return scan_number(sc);
		}
		if (c == 0xEF && sc->i == 0) {
			return fail(sc, OOJWT_ERR_BAD_JSON,
				"a byte order mark (BOM) is not allowed");
		}
		return fail(sc, OOJWT_ERR_BAD_JSON, "unexpected character");
	}
}

/* ---- checks on the tree ---------------------------------------------- */

typedef struct {
	cJSON *item;
	size_t index;
} named;

/* By name, then by position: the last of equal names sorts last. */
static int
cmp_names(const void *a, const void *b)
{
	const named *x = (const named *)a;
	const named *y = (const named *)b;
	int c = strcmp(x->item->string, y->item->string);

	if (c != 0) {
		return c;
	}
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Walk the tree: numbers finite, member names unique. With
 * OOJWT_JSON_LAST_WINS a repeated name is not an error: every earlier
 * member of that name is removed (what JSON.parse does), counted in
 * *dups, and the first such name is described in `msg`. Returns
 * OOJWT_OK or the error code.
 */
static int
check_tree(cJSON *v, unsigned flags, size_t *dups, char *msg)
{
	cJSON *c;
	size_t n = 0, i;
	named *names;
	int code = OOJWT_OK;

	if (cJSON_IsNumber(v)) {
		if (!isfinite(v->valuedouble)) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
				"a number is too large to be a finite double");
			return OOJWT_ERR_BAD_JSON;
		}
		return OOJWT_OK;
	}
	if (!cJSON_IsArray(v) && !cJSON_IsObject(v)) {
		return OOJWT_OK;
	}
	for (c = v->child; c != NULL; c = c->next) {
		int k = check_tree(c, flags, dups, msg);
		if (k != OOJWT_OK) {
			return k;
		}
		n++;
	}
	if (!cJSON_IsObject(v) || n < 2) {
		return OOJWT_OK;
	}
	names = (named *)malloc(n * sizeof *names);
	if (names == NULL) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "out of memory");
		return OOJWT_ERR_NO_MEMORY;
	}
	i = 0;
	for (c = v->child; c != NULL; c = c->next) {
		names[i].item = c;
		names[i].index = i;
		i++;
	}
	oojwt_sort(names, n, sizeof *names, cmp_names);
	for (i = 1; i < n; i++) {
		if (strcmp(names[i - 1].item->string, names[i].item->string) != 0) {
			continue;
		}
		if ((flags & OOJWT_JSON_LAST_WINS) == 0) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
				"duplicate member name \"%s\" (JavaScript keeps the last, "
				"some C parsers the first)", names[i].item->string);
			code = OOJWT_ERR_DUPLICATE_MEMBER;
			break;
		}
		if (*dups == 0) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
				"member name \"%s\" appears more than once; the last "
				"value is used (as JSON.parse does)",
				names[i].item->string);
		}
		(*dups)++;
		/* names[i - 1] comes earlier in the object: drop it. */
		cJSON_Delete(cJSON_DetachItemViaPointer(v, names[i - 1].item));
	}
	free(names);
	return code;
}

/* The syntax check of a whole text: one value, then only whitespace. */
static int
scan_text(scan *sc, long *pos, char *msg)
{
	if (scan_value(sc)) {
		skip_ws(sc);
		if (sc->i < sc->len) {
			fail(sc, OOJWT_ERR_BAD_JSON, "unexpected bytes after the JSON value");
		}
	}
	if (sc->code != OOJWT_OK) {
		*pos = (long)sc->i;
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "%s at byte %z", sc->why, sc->i);
	}
	return sc->code;
}

int
oojwt_json_check(const char *s, size_t len, int *root_type, oojwt_jtop *top,
	size_t n_top, long *pos, char *msg)
{
	scan sc;
	size_t k;
	int code;

	for (k = 0; k < n_top; k++) {
		top[k].type = OOJWT_JSON_INVALID;
		top[k].number = 0;
		top[k].str = NULL;
		top[k].str_len = 0;
	}
	*root_type = OOJWT_JSON_INVALID;
	*pos = -1;
	msg[0] = 0;
	memset(&sc, 0, sizeof sc);
	sc.s = (const unsigned char *)s;
	sc.len = len;
	sc.track = 1;
	sc.names = sc.local;
	sc.cap_names = sizeof sc.local / sizeof *sc.local;
	sc.sem_msg = msg;
	sc.top = top;
	sc.n_top = n_top;
	code = scan_text(&sc, pos, msg);
	if (sc.names != sc.local) {
		free(sc.names);
	}
	if (code != OOJWT_OK) {
		return code;
	}
	if (sc.escaped) {
		/* Escaped member names: let cJSON decode them. */
		oojwt_jv *tree;
		code = oojwt_json_parse(&tree, s, len, pos, msg);
		if (code != OOJWT_OK) {
			return code;
		}
		*root_type = oojwt_json_type(tree);
		for (k = 0; k < n_top; k++) {
			const oojwt_jv *v = oojwt_json_get(tree, top[k].name);
			top[k].type = oojwt_json_type(v);
			if (top[k].type == OOJWT_JSON_NUMBER) {
				top[k].number = oojwt_json_number(v);
				top[k].str = NULL;
				top[k].str_len = 0;
			}
		}
		oojwt_json_free(tree);
		return OOJWT_OK;
	}
	if (sc.sem_code != OOJWT_OK) {
		return sc.sem_code;
	}
	for (k = 0; k < n_top; k++) {
		if (top[k].type == OOJWT_JSON_NUMBER) {
			top[k].number = oojwt_strtod(top[k].str, top[k].str_len, NULL);
			top[k].str = NULL;
			top[k].str_len = 0;
		}
	}
	sc.i = 0;
	skip_ws(&sc);
	*root_type = type_at(sc.s[sc.i]);
	return OOJWT_OK;
}

int
oojwt_json_parse(oojwt_jv **root, const char *s, size_t len, long *pos,
	char *msg)
{
	size_t dups = 0;

	return oojwt_json_parse_ex(root, s, len, 0, &dups, pos, msg);
}

int
oojwt_json_parse_ex(oojwt_jv **root, const char *s, size_t len,
	unsigned flags, size_t *dups, long *pos, char *msg)
{
	oojwt_json_info info;
	int code = oojwt_json_parse_js(root, s, len, flags, &info, pos, msg);

	*dups = info.dups;
	return code;
}

static unsigned
hex_digit(unsigned char c)
{
	return c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10);
}

/*
 * A copy of the checked text `s` in which every escaped lone surrogate
 * (\uD800-\uDFFF not part of a pair) is replaced by its 3-byte WTF-8
 * form (ED A0-BF 80-BF). cJSON refuses
 * those escapes but copies raw bytes, so it then builds the tree
 * JSON.parse would. The text passed the scan: strings and escapes are
 * well formed. NULL when memory runs out; wipe and free the copy.
 */
static char *
lone_copy(const char *s, size_t len, size_t *out_len)
{
	const unsigned char *u = (const unsigned char *)s;
	char *t = (char *)malloc(len + 1);
	size_t i = 0, o = 0;
	int in_string = 0;

	if (t == NULL) {
		return NULL;
	}
	while (i < len) {
		unsigned cp, lo;
		if (u[i] == '"') {
			in_string = !in_string;
		}
		if (!in_string || u[i] != '\\') {
			t[o++] = s[i++];
			continue;
		}
		if (u[i + 1] != 'u') {
			t[o++] = s[i++];
			t[o++] = s[i++];
			continue;
		}
		cp = hex_digit(u[i + 2]) << 12 | hex_digit(u[i + 3]) << 8
			| hex_digit(u[i + 4]) << 4 | hex_digit(u[i + 5]);
		if (cp >= 0xD800 && cp <= 0xDBFF && len - i >= 12
			&& u[i + 6] == '\\' && u[i + 7] == 'u')
		{
			lo = hex_digit(u[i + 8]) << 12 | hex_digit(u[i + 9]) << 8
				| hex_digit(u[i + 10]) << 4 | hex_digit(u[i + 11]);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				memcpy(t + o, s + i, 12);
				o += 12;
				i += 12;
				continue;
			}
		}
		if (cp < 0xD800 || cp > 0xDFFF) {
			memcpy(t + o, s + i, 6);
		} else {
			t[o] = (char)0xED;
			t[o + 1] = (char)(0x80 | ((cp >> 6) & 0x3F));
			t[o + 2] = (char)(0x80 | (cp & 0x3F));
		}
		o += cp < 0xD800 || cp > 0xDFFF ? 6 : 3;
		i += 6;
	}
	t[o] = 0;
	*out_len = o;
	return t;
}

int
oojwt_json_parse_js(oojwt_jv **root, const char *s, size_t len,
	unsigned flags, oojwt_json_info *info, long *pos, char *msg)
{
	scan sc;
	cJSON *tree;
	const char *end = NULL, *text = s;
	char *copy = NULL;
	size_t text_len = len;
	int code;

	*root = NULL;
	*pos = -1;
	memset(info, 0, sizeof *info);
	info->lone_pos = -1;
	msg[0] = 0;
	memset(&sc, 0, sizeof sc);
	sc.s = (const unsigned char *)s;
	sc.len = len;
	sc.lone_ok = (flags & OOJWT_JSON_LONE_WTF8) != 0;
	code = scan_text(&sc, pos, msg);
	if (code != OOJWT_OK) {
		return code;
	}
	if (sc.lone > 0) {
		copy = lone_copy(s, len, &text_len);
		if (copy == NULL) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "out of memory");
			return OOJWT_ERR_NO_MEMORY;
		}
		text = copy;
	}
	tree = cJSON_ParseWithLengthOpts(text, text_len, &end, 0);
	if (copy != NULL) {
		/* The text may be a configuration holding secrets. */
		oojwt_wipe_free(copy, text_len + 1);
	}
	if (tree == NULL) {
		/* The syntax check passed, so this is an allocation failure
		 * or a number cJSON cannot read. */
		*pos = end != NULL && copy == NULL ? (long)(end - s) : -1;
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "JSON could not be read (out of memory?)");
		return OOJWT_ERR_NO_MEMORY;
	}
	code = check_tree(tree, flags, &info->dups, msg);
	if (code != OOJWT_OK) {
		cJSON_Delete(tree);
		info->dups = 0;
		return code;
	}
	info->lone = sc.lone;
	info->lone_pos = sc.lone > 0 ? sc.lone_pos : -1;
	*root = (oojwt_jv *)tree;
	return OOJWT_OK;
}

void
oojwt_json_free(oojwt_jv *v)
{
	cJSON_Delete((cJSON *)v);
}

/* Wipe the string values of `v`, its siblings and descendants. */
static void
wipe_strings(cJSON *v)
{
	for (; v != NULL; v = v->next) {
		if (v->valuestring != NULL) {
			oojwt_wipe(v->valuestring, strlen(v->valuestring));
		}
		wipe_strings(v->child);
	}
}

void
oojwt_json_free_wipe(oojwt_jv *v)
{
	if (v != NULL) {
		wipe_strings((cJSON *)v);
	}
	cJSON_Delete((cJSON *)v);
}
