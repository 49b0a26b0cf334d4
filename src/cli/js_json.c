/*
 * JSON written the way JavaScript writes it, so that `oojwt sign` and
 * the JS module's kit.sign() (which serialises with JSON.stringify)
 * produce the same bytes for the same payload: numbers in ECMAScript's
 * shortest round-trip form, strings escaped as JSON.stringify escapes
 * them, object members ordered as JavaScript orders them (array-index
 * names first, ascending; then the others in insertion order).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* ---- numbers: ECMAScript Number::toString(10) ------------------------- */

void
oojwt_cli_js_number(oojwt_sb *sb, double d)
{
	char out[OOJWT_JS_NUMBER_LEN];

	if (!(d - d == 0)) {
		oojwt_sb_puts(sb, "null");     /* NaN and infinities */
		return;
	}
	oojwt_sb_put(sb, out, oojwt_js_number(out, d));
}

/* ---- strings: JSON.stringify's QuoteJSONString ------------------------- */

void
oojwt_cli_js_string(oojwt_sb *sb, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	oojwt_sb_put(sb, "\"", 1);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[6];
		size_t n = 2;
		if (c >= 0x20 && c != '"' && c != '\\') {
			continue;
		}
		oojwt_sb_put(sb, s + run, i - run);
		esc[0] = '\\';
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			n = 6;
			break;
		}
		oojwt_sb_put(sb, esc, n);
		run = i + 1;
	}
	oojwt_sb_put(sb, s + run, len - run);
	oojwt_sb_put(sb, "\"", 1);
}

/* ---- objects built like JavaScript objects ---------------------------- */

/* An array index: "0" or [1-9][0-9]* below 2^32 - 1. */
static int
array_index(const char *s, double *value)
{
	double v = 0;
	size_t i;

	if (s[0] == 0 || (s[0] == '0' && s[1] != 0)) {
		return 0;
	}
	for (i = 0; s[i] != 0; i++) {
		if (s[i] < '0' || s[i] > '9' || i >= 10) {
			return 0;
		}
		v = v * 10 + (s[i] - '0');
	}
	if (v > 4294967294.0) {
		return 0;
	}
	*value = v;
	return 1;
}

const oojwt_cli_member *
oojwt_cli_obj_find(const oojwt_cli_obj *o, const char *name)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		if (strcmp(o->m[i].name, name) == 0) {
			return &o->m[i];
		}
	}
	return NULL;
}

/* The member `name`, appended when absent (`fresh`: known to be absent). */
static oojwt_cli_member *
slot_in(oojwt_cli_obj *o, const char *name, int fresh)
{
	oojwt_cli_member *m = fresh ? NULL
		: (oojwt_cli_member *)oojwt_cli_obj_find(o, name);

	if (m != NULL || o->failed) {
		return m;
	}
	if (o->n == o->cap) {
		size_t cap = o->cap * 2 + 8;
		oojwt_cli_member *p = (oojwt_cli_member *)realloc(o->m,
			cap * sizeof *p);
		if (p == NULL) {
			o->failed = 1;
			return NULL;
		}
		o->m = p;
		o->cap = cap;
	}
	m = &o->m[o->n++];
	m->name = name;
	return m;
}

static oojwt_cli_member *
slot(oojwt_cli_obj *o, const char *name)
{
	return slot_in(o, name, 0);
}

void
oojwt_cli_obj_set_jv(oojwt_cli_obj *o, const char *name, const oojwt_jv *v)
{
	oojwt_cli_member *m = slot(o, name);

	if (m != NULL) {
		m->jv = v;
		m->str = NULL;
		m->num = 0;
	}
}

void
oojwt_cli_obj_set_str(oojwt_cli_obj *o, const char *name, const char *s)
{
	oojwt_cli_member *m = slot(o, name);

	if (m != NULL) {
		m->jv = NULL;
		m->str = s;
		m->num = 0;
	}
}

void
oojwt_cli_obj_set_num(oojwt_cli_obj *o, const char *name, double d)
{
	oojwt_cli_member *m = slot(o, name);

	if (m != NULL) {
		m->jv = NULL;
		m->str = NULL;
		m->num = d;
	}
}

void
oojwt_cli_obj_spread(oojwt_cli_obj *o, const oojwt_jv *v)
{
	int fresh = o->n == 0;    /* a parsed object repeats no name */
	const char *name = NULL;
	const oojwt_jv *jv;

	for (jv = oojwt_json_first(v, &name); jv != NULL;
		jv = oojwt_json_next(jv, &name))
	{
		oojwt_cli_member *m = slot_in(o, name, fresh);
		if (m != NULL) {
			m->jv = jv;
			m->str = NULL;
			m->num = 0;
		}
	}
}

void
oojwt_cli_obj_free(oojwt_cli_obj *o)
{
	free(o->m);
	memset(o, 0, sizeof *o);
}

typedef struct {
	double index;
	size_t pos;
} order;

static int
cmp_order(const void *a, const void *b)
{
	const order *x = (const order *)a, *y = (const order *)b;

	if (x->index != y->index) {
		return x->index < y->index ? -1 : 1;
	}
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Member positions in JavaScript's property order. NULL: no memory. */
static size_t *
js_order(const char *const *names, size_t n)
{
	order *ord = (order *)malloc((n + 1) * sizeof *ord);
	size_t *out = (size_t *)malloc((n + 1) * sizeof *out);
	size_t i;

	if (ord == NULL || out == NULL) {
		free(ord);
		free(out);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		ord[i].pos = i;
		if (!array_index(names[i], &ord[i].index)) {
			ord[i].index = 4294967296.0;   /* after every index */
		}
	}
	qsort(ord, n, sizeof *ord, cmp_order);
	for (i = 0; i < n; i++) {
		out[i] = ord[i].pos;
	}
	free(ord);
	return out;
}

static void js_value(oojwt_sb *sb, const oojwt_jv *v);

static void
js_member(oojwt_sb *sb, const char *name, int first)
{
	if (!first) {
		oojwt_sb_put(sb, ",", 1);
	}
	oojwt_cli_js_string(sb, name, strlen(name));
	oojwt_sb_put(sb, ":", 1);
}

void
oojwt_cli_js_obj(oojwt_sb *sb, const oojwt_cli_obj *o)
{
	const char **names;
	size_t *ord, i;

	if (o->failed) {
		sb->failed = 1;
		return;
	}
	names = (const char **)malloc((o->n + 1) * sizeof *names);
	if (names == NULL) {
		sb->failed = 1;
		return;
	}
	for (i = 0; i < o->n; i++) {
		names[i] = o->m[i].name;
	}
	ord = js_order(names, o->n);
	free(names);
	if (ord == NULL) {
		sb->failed = 1;
		return;
	}
	oojwt_sb_put(sb, "{", 1);
	for (i = 0; i < o->n; i++) {
		const oojwt_cli_member *m = &o->m[ord[i]];
		js_member(sb, m->name, i == 0);
		if (m->jv != NULL) {
			js_value(sb, m->jv);
		} else if (m->str != NULL) {
			oojwt_cli_js_string(sb, m->str, strlen(m->str));
		} else {
			oojwt_cli_js_number(sb, m->num);
		}
	}
	oojwt_sb_put(sb, "}", 1);
	free(ord);
}

static void
js_value(oojwt_sb *sb, const oojwt_jv *v)
{
	const oojwt_jv *e;

	switch (oojwt_json_type(v)) {
	case OOJWT_JSON_NULL:
		oojwt_sb_puts(sb, "null");
		break;
	case OOJWT_JSON_FALSE:
		oojwt_sb_puts(sb, "false");
		break;
	case OOJWT_JSON_TRUE:
		oojwt_sb_puts(sb, "true");
		break;
	case OOJWT_JSON_NUMBER:
		oojwt_cli_js_number(sb, oojwt_json_number(v));
		break;
	case OOJWT_JSON_STRING: {
		const char *s = oojwt_json_string(v);
		oojwt_cli_js_string(sb, s, strlen(s));
		break;
	}
	case OOJWT_JSON_ARRAY:
		oojwt_sb_put(sb, "[", 1);
		for (e = oojwt_json_first(v, NULL); e != NULL;
			e = oojwt_json_next(e, NULL))
		{
			if (e != oojwt_json_first(v, NULL)) {
				oojwt_sb_put(sb, ",", 1);
			}
			js_value(sb, e);
		}
		oojwt_sb_put(sb, "]", 1);
		break;
	case OOJWT_JSON_OBJECT: {
		oojwt_cli_obj o;
		memset(&o, 0, sizeof o);
		oojwt_cli_obj_spread(&o, v);
		oojwt_cli_js_obj(sb, &o);
		oojwt_cli_obj_free(&o);
		break;
	}
	default:
		sb->failed = 1;
		break;
	}
}

void
oojwt_cli_js_value(oojwt_sb *sb, const oojwt_jv *v)
{
	js_value(sb, v);
}

/* ---- layout for people ------------------------------------------------ */

static void
newline(oojwt_sb *sb, size_t depth)
{
	size_t i;

	oojwt_sb_put(sb, "\n", 1);
	for (i = 0; i < depth; i++) {
		oojwt_sb_put(sb, "  ", 2);
	}
}

void
oojwt_cli_json_indent(oojwt_sb *sb, const char *s, size_t len)
{
	size_t i = 0, depth = 0;

	while (i < len) {
		char c = s[i];
		if (c == '"') {
			size_t j = i + 1;
			while (j < len && s[j] != '"') {
				j += s[j] == '\\' ? 2 : 1;
			}
			j = j < len ? j + 1 : len;
			oojwt_sb_put(sb, s + i, j - i);
			i = j;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			i++;
			continue;
		}
		if (c == '{' || c == '[') {
			size_t j = i + 1;
			while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n'
				|| s[j] == '\r'))
			{
				j++;
			}
			oojwt_sb_put(sb, &c, 1);
			if (j < len && (s[j] == '}' || s[j] == ']')) {
				oojwt_sb_put(sb, s + j, 1);       /* {} and [] */
				i = j + 1;
				continue;
			}
			newline(sb, ++depth);
		} else if (c == '}' || c == ']') {
			newline(sb, depth > 0 ? --depth : 0);
			oojwt_sb_put(sb, &c, 1);
		} else if (c == ',') {
			oojwt_sb_put(sb, ",", 1);
			newline(sb, depth);
		} else if (c == ':') {
			oojwt_sb_put(sb, ": ", 2);
		} else {
			oojwt_sb_put(sb, &c, 1);
		}
		i++;
	}
}
