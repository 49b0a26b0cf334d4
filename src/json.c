/*
 * The strict JSON layer: the only file that includes cJSON.h.
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
			if (u >= 0xDC00 && u <= 0xDFFF) {
				sc->i = at;
				return fail(sc, OOJWT_ERR_BAD_JSON,
					"unpaired low surrogate escape");
			}
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (sc->len - sc->i < 6 || sc->s[sc->i] != '\\'
					|| sc->s[sc->i + 1] != 'u')
				{
					sc->i = at;
					return fail(sc, OOJWT_ERR_BAD_JSON,
						"unpaired high surrogate escape");
				}
				sc->i += 2;
				if (!hex4(sc, &lo)) {
					return 0;
				}
				if (lo < 0xDC00 || lo > 0xDFFF) {
					sc->i = at;
					return fail(sc, OOJWT_ERR_BAD_JSON,
						"unpaired high surrogate escape");
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

/* The double of the number text s[start, sc->i), correctly rounded. */
static double
number_at(const scan *sc, size_t start)
{
	return oojwt_strtod((const char *)sc->s + start, sc->i - start, NULL);
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
		&& !isfinite(number_at(sc, start)))
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
			if (want->type == OOJWT_JSON_NUMBER) {
				want->number = number_at(sc, at);
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
			}
		}
		oojwt_json_free(tree);
		return OOJWT_OK;
	}
	if (sc.sem_code != OOJWT_OK) {
		return sc.sem_code;
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
	scan sc;
	cJSON *tree;
	const char *end = NULL;
	int code;

	*root = NULL;
	*pos = -1;
	*dups = 0;
	msg[0] = 0;
	memset(&sc, 0, sizeof sc);
	sc.s = (const unsigned char *)s;
	sc.len = len;
	code = scan_text(&sc, pos, msg);
	if (code != OOJWT_OK) {
		return code;
	}
	tree = cJSON_ParseWithLengthOpts(s, len, &end, 0);
	if (tree == NULL) {
		/* The syntax check passed, so this is an allocation failure
		 * or a number cJSON cannot read. */
		*pos = end != NULL ? (long)(end - s) : -1;
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "JSON could not be read (out of memory?)");
		return OOJWT_ERR_NO_MEMORY;
	}
	code = check_tree(tree, flags, dups, msg);
	if (code != OOJWT_OK) {
		cJSON_Delete(tree);
		*dups = 0;
		return code;
	}
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

int
oojwt_json_type(const oojwt_jv *jv)
{
	const cJSON *v = (const cJSON *)jv;

	if (v == NULL) {
		return OOJWT_JSON_INVALID;
	}
	switch (v->type & 0xFF) {
	case cJSON_NULL: return OOJWT_JSON_NULL;
	case cJSON_False: return OOJWT_JSON_FALSE;
	case cJSON_True: return OOJWT_JSON_TRUE;
	case cJSON_Number: return OOJWT_JSON_NUMBER;
	case cJSON_String: return OOJWT_JSON_STRING;
	case cJSON_Array: return OOJWT_JSON_ARRAY;
	case cJSON_Object: return OOJWT_JSON_OBJECT;
	default: return OOJWT_JSON_INVALID;
	}
}

const oojwt_jv *
oojwt_json_at(const oojwt_jv *root, const char *dotted)
{
	char name[64];
	const char *p = dotted;

	while (root != NULL && *p != 0) {
		size_t n = strcspn(p, ".");
		if (n >= sizeof name) {
			return NULL;
		}
		memcpy(name, p, n);
		name[n] = 0;
		root = oojwt_json_get(root, name);
		p += n + (p[n] == '.');
	}
	return root;
}

int
oojwt_json_truthy(const oojwt_jv *v)
{
	switch (oojwt_json_type(v)) {
	case OOJWT_JSON_TRUE:
	case OOJWT_JSON_ARRAY:
	case OOJWT_JSON_OBJECT:
		return 1;
	case OOJWT_JSON_NUMBER:
		return oojwt_json_number(v) != 0;
	case OOJWT_JSON_STRING:
		return oojwt_json_string(v)[0] != 0;
	default:
		return 0;
	}
}

const char *
oojwt_json_type_name(const oojwt_jv *v)
{
	return oojwt_json_type_word(oojwt_json_type(v));
}

const char *
oojwt_json_type_word(int type)
{
	switch (type) {
	case OOJWT_JSON_NULL: return "null";
	case OOJWT_JSON_FALSE: return "false";
	case OOJWT_JSON_TRUE: return "true";
	case OOJWT_JSON_NUMBER: return "a number";
	case OOJWT_JSON_STRING: return "a string";
	case OOJWT_JSON_ARRAY: return "an array";
	case OOJWT_JSON_OBJECT: return "an object";
	default: return "nothing";
	}
}

const oojwt_jv *
oojwt_json_get(const oojwt_jv *obj, const char *name)
{
	const cJSON *c;

	if (oojwt_json_type(obj) != OOJWT_JSON_OBJECT) {
		return NULL;
	}
	for (c = ((const cJSON *)obj)->child; c != NULL; c = c->next) {
		if (strcmp(c->string, name) == 0) {
			return (const oojwt_jv *)c;
		}
	}
	return NULL;
}

double
oojwt_json_number(const oojwt_jv *v)
{
	return ((const cJSON *)v)->valuedouble;
}

const char *
oojwt_json_string(const oojwt_jv *v)
{
	return ((const cJSON *)v)->valuestring;
}

size_t
oojwt_json_array_size(const oojwt_jv *v)
{
	const cJSON *c;
	size_t n = 0;

	if (oojwt_json_type(v) != OOJWT_JSON_ARRAY) {
		return 0;
	}
	for (c = ((const cJSON *)v)->child; c != NULL; c = c->next) {
		n++;
	}
	return n;
}

const oojwt_jv *
oojwt_json_array_at(const oojwt_jv *v, size_t i)
{
	const cJSON *c;

	if (oojwt_json_type(v) != OOJWT_JSON_ARRAY) {
		return NULL;
	}
	for (c = ((const cJSON *)v)->child; c != NULL && i > 0; c = c->next) {
		i--;
	}
	return (const oojwt_jv *)c;
}

size_t
oojwt_json_object_size(const oojwt_jv *v)
{
	const cJSON *c;
	size_t n = 0;

	if (oojwt_json_type(v) != OOJWT_JSON_OBJECT) {
		return 0;
	}
	for (c = ((const cJSON *)v)->child; c != NULL; c = c->next) {
		n++;
	}
	return n;
}

const oojwt_jv *
oojwt_json_member_at(const oojwt_jv *obj, size_t i, const char **name)
{
	const cJSON *c;

	if (oojwt_json_type(obj) != OOJWT_JSON_OBJECT) {
		return NULL;
	}
	for (c = ((const cJSON *)obj)->child; c != NULL && i > 0; c = c->next) {
		i--;
	}
	if (c != NULL && name != NULL) {
		*name = c->string;
	}
	return (const oojwt_jv *)c;
}

const oojwt_jv *
oojwt_json_first(const oojwt_jv *v, const char **name)
{
	int t = oojwt_json_type(v);
	const cJSON *c;

	if (t != OOJWT_JSON_ARRAY && t != OOJWT_JSON_OBJECT) {
		return NULL;
	}
	c = ((const cJSON *)v)->child;
	if (c != NULL && name != NULL) {
		*name = c->string;
	}
	return (const oojwt_jv *)c;
}

const oojwt_jv *
oojwt_json_next(const oojwt_jv *v, const char **name)
{
	const cJSON *c = v != NULL ? ((const cJSON *)v)->next : NULL;

	if (c != NULL && name != NULL) {
		*name = c->string;
	}
	return (const oojwt_jv *)c;
}

/* ---- member indexes: lookups that stay O(log n) on huge objects ------- */

static int
cmp_items(const void *a, const void *b)
{
	return strcmp((*(cJSON *const *)a)->string, (*(cJSON *const *)b)->string);
}

/* The members of `obj` sorted by name, in a malloc'd array of *n
 * pointers (NULL with *n = 0 when the object is empty; NULL with
 * *failed set when memory runs out). */
static cJSON **
index_members(const cJSON *obj, size_t *n, int *failed)
{
	const cJSON *c;
	cJSON **items;
	size_t k = 0;

	*n = 0;
	*failed = 0;
	for (c = obj->child; c != NULL; c = c->next) {
		k++;
	}
	if (k == 0) {
		return NULL;
	}
	items = (cJSON **)malloc(k * sizeof *items);
	if (items == NULL) {
		*failed = 1;
		return NULL;
	}
	k = 0;
	for (c = obj->child; c != NULL; c = c->next) {
		items[k++] = (cJSON *)(size_t)c;
	}
	oojwt_sort(items, k, sizeof *items, cmp_items);
	*n = k;
	return items;
}

/* The slot of member `name` in an index, or NULL. */
static cJSON **
index_find(cJSON **items, size_t n, const char *name)
{
	cJSON key, *kp = &key;

	if (n == 0) {
		return NULL;
	}
	memset(&key, 0, sizeof key);
	key.string = (char *)(size_t)name;
	return (cJSON **)bsearch(&kp, items, n, sizeof *items, cmp_items);
}

static int merge_into(cJSON *base, const cJSON *over);

/* Merge member `c` of the overriding object into `base`, where `have` is
 * the member of that name (NULL when none), held at `slot` of the index. */
static int
merge_one(cJSON *base, cJSON *have, const cJSON *c, cJSON **slot)
{
	cJSON *copy;

	if (have != NULL && cJSON_IsObject(have) && cJSON_IsObject(c)) {
		return merge_into(have, c);
	}
	copy = cJSON_Duplicate(c, 1);
	if (copy == NULL) {
		return 0;
	}
	if (have != NULL) {
		if (!cJSON_ReplaceItemViaPointer(base, have, copy)) {
			cJSON_Delete(copy);
			return 0;
		}
		*slot = copy;
	} else if (!cJSON_AddItemToObject(base, c->string, copy)) {
		cJSON_Delete(copy);
		return 0;
	}
	return 1;
}

/* node-config's merge: objects merge member by member, anything else
 * (scalars, arrays, null) replaces. `base` is looked up through a sorted
 * index (O((n + m) log n), not O(n * m), for objects of any size); the
 * names of `over` are unique (every tree from oojwt_json_parse*), so the
 * members appended to `base` need not be in the index. */
static int
merge_into(cJSON *base, const cJSON *over)
{
	const cJSON *c;
	size_t n;
	int failed, ok = 1;
	cJSON **idx = index_members(base, &n, &failed);

	if (failed) {
		return 0;
	}
	for (c = over->child; c != NULL && ok; c = c->next) {
		cJSON **slot = index_find(idx, n, c->string);
		ok = merge_one(base, slot != NULL ? *slot : NULL, c, slot);
	}
	free(idx);
	return ok;
}

int
oojwt_json_merge(oojwt_jv *base, const oojwt_jv *over)
{
	if (oojwt_json_type(base) != OOJWT_JSON_OBJECT
		|| oojwt_json_type(over) != OOJWT_JSON_OBJECT)
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	return merge_into((cJSON *)base, (const cJSON *)over)
		? OOJWT_OK : OOJWT_ERR_NO_MEMORY;
}

char *
oojwt_json_print(const oojwt_jv *v, size_t *len)
{
	char *text = cJSON_PrintUnformatted((const cJSON *)v);

	*len = text != NULL ? strlen(text) : 0;
	return text;
}

/* Objects with the same members, in any order: both sorted by name and
 * compared side by side (O(n log n); names are unique in parsed trees).
 * When memory runs out, each member is looked up instead (O(n * m)). */
static int
objects_equal(const cJSON *a, const cJSON *b)
{
	size_t n, m, k;
	int fa, fb, eq = 1;
	cJSON **ia, **ib;
	const cJSON *c;

	if (oojwt_json_object_size((const oojwt_jv *)a)
		!= oojwt_json_object_size((const oojwt_jv *)b))
	{
		return 0;
	}
	ia = index_members(a, &n, &fa);
	ib = index_members(b, &m, &fb);
	if (!fa && !fb) {
		for (k = 0; k < n && eq; k++) {
			eq = strcmp(ia[k]->string, ib[k]->string) == 0
				&& oojwt_json_equal((const oojwt_jv *)ia[k],
					(const oojwt_jv *)ib[k]);
		}
		free(ia);
		free(ib);
		return eq;
	}
	free(ia);
	free(ib);
	for (c = a->child; c != NULL && eq; c = c->next) {
		const oojwt_jv *o = oojwt_json_get((const oojwt_jv *)b, c->string);
		eq = o != NULL && oojwt_json_equal((const oojwt_jv *)c, o);
	}
	return eq;
}

int
oojwt_json_equal(const oojwt_jv *ja, const oojwt_jv *jb)
{
	const cJSON *a = (const cJSON *)ja, *b = (const cJSON *)jb, *c;
	int t = oojwt_json_type(ja);

	if (t != oojwt_json_type(jb)) {
		return 0;
	}
	switch (t) {
	case OOJWT_JSON_NUMBER:
		/* Object.is: 0 and -0 differ. */
		return a->valuedouble == b->valuedouble
			&& !signbit(a->valuedouble) == !signbit(b->valuedouble);
	case OOJWT_JSON_STRING:
		return strcmp(a->valuestring, b->valuestring) == 0;
	case OOJWT_JSON_ARRAY: {
		const cJSON *d = b->child;
		for (c = a->child; c != NULL; c = c->next, d = d->next) {
			if (d == NULL || !oojwt_json_equal((const oojwt_jv *)c,
				(const oojwt_jv *)d))
			{
				return 0;
			}
		}
		return d == NULL;
	}
	case OOJWT_JSON_OBJECT:
		return objects_equal(a, b);
	default:
		return t != OOJWT_JSON_INVALID;
	}
}

int
oojwt_json_copy_path(oojwt_jv *dst, const oojwt_jv *src, const char *dotted)
{
	char name[64];
	const char *p = dotted;
	const oojwt_jv *from = src;
	cJSON *to = (cJSON *)dst, *copy, *have;
	size_t n;

	/* The value to copy, if any. */
	while (from != NULL && *p != 0) {
		n = strcspn(p, ".");
		if (n >= sizeof name) {
			return OOJWT_ERR_BAD_ARGUMENT;
		}
		memcpy(name, p, n);
		name[n] = 0;
		from = oojwt_json_get(from, name);
		p += n + (p[n] == '.');
	}
	if (from == NULL) {
		return OOJWT_OK;
	}
	p = dotted;
	for (;;) {
		n = strcspn(p, ".");
		memcpy(name, p, n);
		name[n] = 0;
		have = cJSON_GetObjectItemCaseSensitive(to, name);
		if (p[n] == 0) {
			break;
		}
		if (!cJSON_IsObject(have)) {
			cJSON *obj = cJSON_CreateObject();
			if (obj == NULL) {
				return OOJWT_ERR_NO_MEMORY;
			}
			if (have != NULL) {
				cJSON_ReplaceItemViaPointer(to, have, obj);
			} else if (!cJSON_AddItemToObject(to, name, obj)) {
				cJSON_Delete(obj);
				return OOJWT_ERR_NO_MEMORY;
			}
			have = obj;
		}
		to = have;
		p += n + 1;
	}
	copy = cJSON_Duplicate((const cJSON *)from, 1);
	if (copy == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	if (have != NULL) {
		if (!cJSON_ReplaceItemViaPointer(to, have, copy)) {
			cJSON_Delete(copy);
			return OOJWT_ERR_NO_MEMORY;
		}
	} else if (!cJSON_AddItemToObject(to, name, copy)) {
		cJSON_Delete(copy);
		return OOJWT_ERR_NO_MEMORY;
	}
	return OOJWT_OK;
}

oojwt_jv *
oojwt_json_new_object(void)
{
	return (oojwt_jv *)cJSON_CreateObject();
}

int
oojwt_json_set_number(oojwt_jv *obj, const char *name, double v)
{
	cJSON *o = (cJSON *)obj, *n, *have;

	if (!cJSON_IsObject(o) || !isfinite(v)) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	n = cJSON_CreateNumber(v);
	if (n == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	have = cJSON_GetObjectItemCaseSensitive(o, name);
	if (have != NULL ? !cJSON_ReplaceItemViaPointer(o, have, n)
		: !cJSON_AddItemToObject(o, name, n))
	{
		cJSON_Delete(n);
		return OOJWT_ERR_NO_MEMORY;
	}
	return OOJWT_OK;
}

void
oojwt_json_remove(oojwt_jv *obj, const char *name)
{
	cJSON *o = (cJSON *)obj;
	cJSON *have = cJSON_IsObject(o)
		? cJSON_GetObjectItemCaseSensitive(o, name) : NULL;

	if (have != NULL) {
		cJSON_Delete(cJSON_DetachItemViaPointer(o, have));
	}
}
