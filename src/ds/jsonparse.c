/*
 * JSON.parse as Node 20 (V8 11.3) runs it, for the Document Server
 * profile: the same accept/reject decisions, the same SyntaxError
 * messages (positions and context in UTF-16 code units), "last member
 * wins" for repeated names, and no depth limit (the parser is
 * iterative, like V8's).
 *
 * The input is UTF-16 code units: a Latin-1 header is one unit per
 * byte, a payload is decoded from UTF-8 with U+FFFD replacement first
 * (oojwt_ds_utf8_to_utf16). Only what jsonwebtoken reads afterwards is
 * extracted: the type of the top-level value, its truthiness, and the
 * last value of a few top-level members (alg, typ, crit, nbf, exp, and
 * the claims verifyOptions compare).
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

/* ---- UTF-8 -> UTF-16, WHATWG decoder with replacement ----------------- */

size_t
oojwt_ds_utf8_to_utf16(unsigned short *out, const unsigned char *s,
	size_t len, size_t *replaced)
{
	size_t i = 0, o = 0;
	unsigned cp = 0, need = 0, seen = 0, lower = 0x80, upper = 0xBF;

	*replaced = 0;
	while (i < len) {
		unsigned b = s[i];
		if (need == 0) {
			i++;
			if (b < 0x80) {
				out[o++] = (unsigned short)b;
			} else if (b >= 0xC2 && b <= 0xDF) {
				need = 1;
				cp = b & 0x1F;
			} else if (b >= 0xE0 && b <= 0xEF) {
				if (b == 0xE0) {
					lower = 0xA0;
				}
				if (b == 0xED) {
					upper = 0x9F;
				}
				need = 2;
				cp = b & 0xF;
			} else if (b >= 0xF0 && b <= 0xF4) {
				if (b == 0xF0) {
					lower = 0x90;
				}
				if (b == 0xF4) {
					upper = 0x8F;
				}
				need = 3;
				cp = b & 0x7;
			} else {
				out[o++] = 0xFFFD;
				(*replaced)++;
			}
			continue;
		}
		if (b < lower || b > upper) {
			/* The bad byte is not consumed: it starts afresh. */
			cp = need = seen = 0;
			lower = 0x80;
			upper = 0xBF;
			out[o++] = 0xFFFD;
			(*replaced)++;
			continue;
		}
		i++;
		lower = 0x80;
		upper = 0xBF;
		cp = (cp << 6) | (b & 0x3F);
		if (++seen < need) {
			continue;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			out[o++] = (unsigned short)(0xD800 + (cp >> 10));
			out[o++] = (unsigned short)(0xDC00 + (cp & 0x3FF));
		} else {
			out[o++] = (unsigned short)cp;
		}
		cp = need = seen = 0;
	}
	if (need != 0) {
		out[o++] = 0xFFFD;
		(*replaced)++;
	}
	return o;
}

/* ---- Buffer.from(seg, 'base64') --------------------------------------- */

static int
b64_char(unsigned char c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '-' || c == '+') return 62;
	if (c == '_' || c == '/') return 63;
	return -1;
}

/* Buffer.from(seg, 'base64'): see inner.h. */
int
oojwt_ds_b64_decode(unsigned char *dst, size_t *dst_len, const char *s, size_t n)
{
	size_t i, o = 0, m = 0;
	unsigned acc = 0, bits = 0;
	int odd = 0;

	for (i = 0; i < n; i++) {
		int v = b64_char((unsigned char)s[i]);
		if (v < 0) {
			continue;
		}
		m++;
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			dst[o++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	if (m % 4 == 1 || (bits > 0 && acc != 0)) {
		odd = 1;
	}
	*dst_len = o;
	return odd;
}

/* ---- the parser ------------------------------------------------------- */

typedef struct {
	size_t off, len;  /* unescaped name in the arena */
} name_ref;

typedef struct {
	unsigned char kind; /* '{' or '[' */
	size_t names_base;
	size_t arena_base;
} frame;

typedef struct {
	const unsigned short *s;
	size_t n, i;
	oojwt_ds_json *out;
	/* error */
	int failed;
	/* names of the open objects */
	unsigned short *arena;
	size_t arena_len;
	name_ref *names;
	size_t n_names, cap_names;
	frame *stack;
	size_t depth, cap_stack;
	int oom;
	/* the top-level member whose value is being parsed (index into
	 * oojwt_ds_json.members, or -1) */
	int member;
} parser;

static const char *const watched[OOJWT_DS_JSON_MEMBERS] = {
	"alg", "typ", "crit", "nbf", "exp", "payload", "aud", "iss", "sub",
	"jti", "nonce", "iat"
};

static int
is_ws(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
skip_ws(parser *p)
{
	while (p->i < p->n && is_ws(p->s[p->i])) {
		p->i++;
	}
}

/* Append units to the message (UTF-16 into WTF-8). */
static void
msg_units(oojwt_ds_json *o, const unsigned short *u, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		unsigned c = u[k];
		char b[4];
		size_t m;
		if (k + 1 < n && c >= 0xD800 && c <= 0xDBFF && u[k + 1] >= 0xDC00
			&& u[k + 1] <= 0xDFFF)
		{
			unsigned cp = 0x10000 + ((c - 0xD800) << 10) + (u[k + 1] - 0xDC00u);
			b[0] = (char)(0xF0 | (cp >> 18));
			b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
			b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
			b[3] = (char)(0x80 | (cp & 0x3F));
			m = 4;
			k++;
		} else if (c < 0x80) {
			b[0] = (char)c;
			m = 1;
		} else if (c < 0x800) {
			b[0] = (char)(0xC0 | (c >> 6));
			b[1] = (char)(0x80 | (c & 0x3F));
			m = 2;
		} else {
			b[0] = (char)(0xE0 | (c >> 12));
			b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
			b[2] = (char)(0x80 | (c & 0x3F));
			m = 3;
		}
		if (o->message_len + m < sizeof o->message) {
			memcpy(o->message + o->message_len, b, m);
			o->message_len += m;
			o->message[o->message_len] = 0;
		}
	}
}

static void
msg_str(oojwt_ds_json *o, const char *s)
{
	size_t n = strlen(s);

	if (o->message_len + n < sizeof o->message) {
		memcpy(o->message + o->message_len, s, n);
		o->message_len += n;
		o->message[o->message_len] = 0;
	}
}

/* "<text> in JSON at position N"; a text ending in "JSON" (V8's
 * "... after JSON") is not followed by another " in JSON". */
static void
msg_pos(oojwt_ds_json *o, const char *text, size_t pos)
{
	char tmp[OOJWT_MESSAGE_LEN];
	size_t n = strlen(text);

	oojwt_fmt(tmp, sizeof tmp, n >= 4 && strcmp(text + n - 4, "JSON") == 0
		? "%s at position %z" : "%s in JSON at position %z", text, pos);
	msg_str(o, tmp);
}

enum tok {
	T_EOS, T_STRING, T_NUMBER, T_LBRACE, T_RBRACE, T_LBRACK, T_RBRACK,
	T_TRUE, T_FALSE, T_NULL, T_COLON, T_COMMA, T_WS, T_ILLEGAL
};

static enum tok
tok_of(unsigned c)
{
	if (c == '"') return T_STRING;
	if (c == '-' || (c >= '0' && c <= '9')) return T_NUMBER;
	switch (c) {
	case '{': return T_LBRACE;
	case '}': return T_RBRACE;
	case '[': return T_LBRACK;
	case ']': return T_RBRACK;
	case 't': return T_TRUE;
	case 'f': return T_FALSE;
	case 'n': return T_NULL;
	case ':': return T_COLON;
	case ',': return T_COMMA;
	default: return is_ws(c) ? T_WS : T_ILLEGAL;
	}
}

static enum tok
peek(const parser *p)
{
	return p->i >= p->n ? T_EOS : tok_of(p->s[p->i]);
}

static int
is_special(const parser *p)
{
	static const char *const special[] = {
		"[object Object]", "undefined", "Infinity", "NaN"
	};
	size_t k, j;

	for (k = 0; k < 4; k++) {
		size_t m = strlen(special[k]);
		if (m != p->n) {
			continue;
		}
		for (j = 0; j < m && p->s[j] == (unsigned char)special[k][j]; j++) {
		}
		if (j == m) {
			return 1;
		}
	}
	return 0;
}

/* V8's ReportUnexpectedToken without an explicit message. */
static int
unexpected(parser *p, enum tok t)
{
	oojwt_ds_json *o = p->out;
	size_t pos = p->i;

	p->failed = 1;
	o->ok = 0;
	o->error_pos = pos;
	if (t == T_EOS) {
		msg_str(o, "Unexpected end of JSON input");
	} else if (t == T_NUMBER) {
		msg_pos(o, "Unexpected number", pos);
	} else if (t == T_STRING) {
		msg_pos(o, "Unexpected string", pos);
	} else if (is_special(p)) {
		msg_str(o, "\"");
		msg_units(o, p->s, p->n);
		msg_str(o, "\" is not valid JSON");
	} else {
		size_t a = 0, b = p->n;
		const char *pre = "\"", *post = "\"";
		msg_str(o, "Unexpected token '");
		msg_units(o, p->s + pos, 1);
		msg_str(o, "', ");
		if (p->n > 20) {
			if (pos < 10) {
				b = pos + 10;
				post = "\"...";
			} else if (pos < p->n - 10) {
				a = pos - 10;
				b = pos + 10;
				pre = "...\"";
				post = "\"...";
			} else {
				a = pos - 10;
				pre = "...\"";
			}
		}
		msg_str(o, pre);
		msg_units(o, p->s + a, b - a);
		msg_str(o, post);
		msg_str(o, " is not valid JSON");
	}
	return 0;
}

/* ReportUnexpectedToken with a message of its own, at p->i. */
static int
expected(parser *p, const char *text)
{
	p->failed = 1;
	p->out->ok = 0;
	p->out->error_pos = p->i;
	msg_pos(p->out, text, p->i);
	return 0;
}

/*
 * Scan a string at p->i (on the quote). When `dst` is not NULL the
 * unescaped units are written there (room: the escaped length) and
 * their number stored in *dst_len.
 */
static int
scan_string(parser *p, unsigned short *dst, size_t *dst_len)
{
	size_t o = 0;

	p->i++;
	for (;;) {
		unsigned c;
		if (p->i >= p->n) {
			return expected(p, "Unterminated string");
		}
		c = p->s[p->i];
		if (c == '"') {
			p->i++;
			break;
		}
		if (c == '\\') {
			unsigned e, v = 0;
			int k;
			p->i++;
			if (p->i >= p->n) {
				return unexpected(p, T_EOS);
			}
			e = p->s[p->i];
			if (e > 0xFF) {
				return unexpected(p, T_ILLEGAL);
			}
			switch (e) {
			case '"': case '\\': case '/': v = e; break;
			case 'b': v = 8; break;
			case 'f': v = 12; break;
			case 'n': v = 10; break;
			case 'r': v = 13; break;
			case 't': v = 9; break;
			case 'u':
				for (k = 0; k < 4; k++) {
					int d;
					p->i++;
					d = p->i < p->n ? oojwt_hex_value(p->s[p->i]) : -1;
					if (d < 0) {
						return expected(p, "Bad Unicode escape");
					}
					v = v * 16 + (unsigned)d;
				}
				break;
			default:
				return expected(p, "Bad escaped character");
			}
			p->i++;
			if (dst != NULL) {
				dst[o++] = (unsigned short)v;
			}
			continue;
		}
		if (c < 0x20) {
			return expected(p, "Bad control character in string literal");
		}
		if (dst != NULL) {
			dst[o++] = (unsigned short)c;
		}
		p->i++;
	}
	if (dst_len != NULL) {
		*dst_len = o;
	}
	return 1;
}

static int
is_digit_at(const parser *p)
{
	return p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9';
}

static int
scan_number(parser *p)
{
	if (p->s[p->i] == '-') {
		p->i++;
	}
	if (p->i < p->n && p->s[p->i] == '0') {
		p->i++;
		if (is_digit_at(p)) {
			return unexpected(p, T_NUMBER);
		}
	} else {
		if (!is_digit_at(p)) {
			return expected(p, "No number after minus sign");
		}
		while (is_digit_at(p)) {
			p->i++;
		}
	}
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (!is_digit_at(p)) {
			return expected(p, "Unterminated fractional number");
		}
		while (is_digit_at(p)) {
			p->i++;
		}
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '-' || p->s[p->i] == '+')) {
			p->i++;
		}
		if (!is_digit_at(p)) {
			return expected(p, "Exponent part is missing a number");
		}
		while (is_digit_at(p)) {
			p->i++;
		}
	}
	return 1;
}

static int
scan_literal(parser *p, const char *word)
{
	size_t m = strlen(word), k;

	p->i++;
	for (k = 1; k < m; k++) {
		if (p->i >= p->n) {
			return unexpected(p, T_EOS);
		}
		if (p->s[p->i] != (unsigned char)word[k]) {
			unsigned c = p->s[p->i];
			return unexpected(p, c <= 0xFF ? tok_of(c) : T_ILLEGAL);
		}
		p->i++;
	}
	return 1;
}

static int
push(parser *p, unsigned char kind)
{
	if (p->depth == p->cap_stack) {
		size_t cap = p->cap_stack * 2 + 16;
		frame *f = (frame *)realloc(p->stack, cap * sizeof *f);
		if (f == NULL) {
			p->oom = 1;
			return 0;
		}
		p->stack = f;
		p->cap_stack = cap;
	}
	p->stack[p->depth].kind = kind;
	p->stack[p->depth].names_base = p->n_names;
	p->stack[p->depth].arena_base = p->arena_len;
	p->depth++;
	return 1;
}

static int
cmp_units(const unsigned short *a, size_t an, const unsigned short *b,
	size_t bn)
{
	size_t k, m = an < bn ? an : bn;

	for (k = 0; k < m; k++) {
		if (a[k] != b[k]) {
			return a[k] < b[k] ? -1 : 1;
		}
	}
	return an < bn ? -1 : an > bn;
}

/* oojwt_sort (like qsort) has no context argument: names are sorted
 * through this. */
typedef struct {
	const unsigned short *arena;
	name_ref ref;
} sort_item;

static int
cmp_items(const void *x, const void *y)
{
	const sort_item *a = (const sort_item *)x, *b = (const sort_item *)y;

	return cmp_units(a->arena + a->ref.off, a->ref.len,
		b->arena + b->ref.off, b->ref.len);
}

/* Close the object on top: count repeated names, free its names. */
static int
close_object(parser *p)
{
	frame *f = &p->stack[p->depth - 1];
	size_t n = p->n_names - f->names_base, k;

	if (n > 1) {
		sort_item *items = (sort_item *)malloc(n * sizeof *items);
		if (items == NULL) {
			p->oom = 1;
			return 0;
		}
		for (k = 0; k < n; k++) {
			items[k].arena = p->arena;
			items[k].ref = p->names[f->names_base + k];
		}
		oojwt_sort(items, n, sizeof *items, cmp_items);
		for (k = 1; k < n; k++) {
			if (cmp_items(&items[k - 1], &items[k]) == 0) {
				if (p->out->duplicates == 0) {
					size_t m = items[k].ref.len < 40 ? items[k].ref.len : 40;
					size_t j, w = 0;
					for (j = 0; j < m; j++) {
						unsigned c = items[k].arena[items[k].ref.off + j];
						p->out->first_duplicate[w++] = (char)(c >= 0x20 && c < 0x7F ? c : '?');
					}
					p->out->first_duplicate[w] = 0;
				}
				p->out->duplicates++;
			}
		}
		free(items);
	}
	p->n_names = f->names_base;
	p->arena_len = f->arena_base;
	p->depth--;
	return 1;
}

/* Scan a member name at p->i into the arena; note a watched one. */
static int
member_name(parser *p)
{
	unsigned short *dst = p->arena + p->arena_len;
	size_t len = 0, k;

	if (!scan_string(p, dst, &len)) {
		return 0;
	}
	if (p->n_names == p->cap_names) {
		size_t cap = p->cap_names * 2 + 16;
		name_ref *r = (name_ref *)realloc(p->names, cap * sizeof *r);
		if (r == NULL) {
			p->oom = 1;
			return 0;
		}
		p->names = r;
		p->cap_names = cap;
	}
	p->names[p->n_names].off = p->arena_len;
	p->names[p->n_names].len = len;
	p->n_names++;
	p->arena_len += len;
	if (p->depth == 1) {
		p->member = -1;
		for (k = 0; k < OOJWT_DS_JSON_MEMBERS; k++) {
			size_t m = strlen(watched[k]), j;
			if (m != len) {
				continue;
			}
			for (j = 0; j < m && dst[j] == (unsigned char)watched[k][j]; j++) {
			}
			if (j == m) {
				p->member = (int)k;
			}
		}
	}
	return 1;
}

/* Record the value that starts at `start` for the watched member. */
static void
note_value(parser *p, int member, int type, size_t start)
{
	oojwt_ds_member *m;

	if (member < 0) {
		return;
	}
	m = &p->out->members[member];
	m->present = 1;
	m->type = type;
	m->start = start;
	m->end = p->i;
}

/* The value at top level or as an array element / member value. */
static int
parse(parser *p)
{
	for (;;) {
		enum tok t;
		size_t start;
		int member = p->depth == 1 && p->stack[0].kind == '{'
			? p->member : -1;
		int type = OOJWT_JSON_INVALID;

		skip_ws(p);
		t = peek(p);
		start = p->i;
		if (p->depth == 0) {
			p->out->top_start = start;
		}
		switch (t) {
		case T_STRING:
			if (!scan_string(p, NULL, NULL)) {
				return 0;
			}
			type = OOJWT_JSON_STRING;
			break;
		case T_NUMBER:
			if (!scan_number(p)) {
				return 0;
			}
			type = OOJWT_JSON_NUMBER;
			break;
		case T_TRUE:
			if (!scan_literal(p, "true")) {
				return 0;
			}
			type = OOJWT_JSON_TRUE;
			break;
		case T_FALSE:
			if (!scan_literal(p, "false")) {
				return 0;
			}
			type = OOJWT_JSON_FALSE;
			break;
		case T_NULL:
			if (!scan_literal(p, "null")) {
				return 0;
			}
			type = OOJWT_JSON_NULL;
			break;
		case T_LBRACE:
			p->i++;
			skip_ws(p);
			if (peek(p) == T_RBRACE) {
				p->i++;
				type = OOJWT_JSON_OBJECT;
				break;
			}
			if (p->depth == 0) {
				p->out->top_type = OOJWT_JSON_OBJECT;
			}
			note_value(p, member, OOJWT_JSON_OBJECT, start);
			if (!push(p, '{')) {
				return 0;
			}
			if (peek(p) != T_STRING) {
				return expected(p, "Expected property name or '}'");
			}
			if (!member_name(p)) {
				return 0;
			}
			skip_ws(p);
			if (peek(p) != T_COLON) {
				return expected(p, "Expected ':' after property name");
			}
			p->i++;
			continue;
		case T_LBRACK:
			p->i++;
			skip_ws(p);
			if (peek(p) == T_RBRACK) {
				p->i++;
				type = OOJWT_JSON_ARRAY;
				break;
			}
			if (p->depth == 0) {
				p->out->top_type = OOJWT_JSON_ARRAY;
			}
			note_value(p, member, OOJWT_JSON_ARRAY, start);
			if (!push(p, '[')) {
				return 0;
			}
			continue;
		default:
			return unexpected(p, t);
		}
		/* A complete scalar or empty container. */
		if (p->depth == 0) {
			p->out->top_type = type;
			p->out->top_end = p->i;
		}
		note_value(p, member, type, start);
		/* Close what is complete, find where the next value goes. */
		for (;;) {
			frame *f;
			if (p->depth == 0) {
				skip_ws(p);
				if (p->i < p->n) {
					return expected(p,
						"Unexpected non-whitespace character after JSON");
				}
				return 1;
			}
			f = &p->stack[p->depth - 1];
			skip_ws(p);
			if (f->kind == '{') {
				if (peek(p) == T_COMMA) {
					p->i++;
					skip_ws(p);
					if (peek(p) != T_STRING) {
						return expected(p,
							"Expected double-quoted property name");
					}
					if (!member_name(p)) {
						return 0;
					}
					/* V8 has no message of its own here. */
					skip_ws(p);
					if (peek(p) != T_COLON) {
						return unexpected(p, peek(p));
					}
					p->i++;
					break;
				}
				if (peek(p) != T_RBRACE) {
					return expected(p,
						"Expected ',' or '}' after property value");
				}
				p->i++;
				if (!close_object(p)) {
					return 0;
				}
			} else {
				if (peek(p) == T_COMMA) {
					p->i++;
					break;
				}
				if (peek(p) != T_RBRACK) {
					return expected(p,
						"Expected ',' or ']' after array element");
				}
				p->i++;
				p->n_names = f->names_base;
				p->arena_len = f->arena_base;
				p->depth--;
			}
			if (p->depth == 0) {
				p->out->top_end = p->i;
			} else if (p->depth == 1 && p->stack[0].kind == '{'
				&& p->member >= 0)
			{
				p->out->members[p->member].end = p->i;
			}
		}
	}
}

int
oojwt_ds_json_parse(oojwt_ds_json *out, const unsigned short *s, size_t n)
{
	parser p;
	int ok;

	memset(out, 0, sizeof *out);
	memset(&p, 0, sizeof p);
	p.s = s;
	p.n = n;
	p.out = out;
	p.member = -1;
	out->ok = 1;
	p.arena = (unsigned short *)malloc((n + 1) * sizeof *p.arena);
	if (p.arena == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	ok = parse(&p);
	free(p.arena);
	free(p.names);
	free(p.stack);
	if (p.oom) {
		return OOJWT_ERR_NO_MEMORY;
	}
	out->ok = ok;
	return OOJWT_OK;
}

size_t
oojwt_ds_json_string(const unsigned short *s, const oojwt_ds_member *m,
	unsigned short *dst, size_t cap)
{
	parser p;
	unsigned short tmp[64];
	size_t len = 0;

	if (!m->present || m->type != OOJWT_JSON_STRING
		|| m->end - m->start > sizeof tmp / sizeof *tmp)
	{
		return (size_t)-1;
	}
	memset(&p, 0, sizeof p);
	p.s = s;
	p.n = m->end;
	p.i = m->start;
	{
		oojwt_ds_json dummy;
		memset(&dummy, 0, sizeof dummy);
		p.out = &dummy;
		if (!scan_string(&p, tmp, &len)) {
			return (size_t)-1;
		}
	}
	if (len > cap) {
		return (size_t)-1;
	}
	memcpy(dst, tmp, len * sizeof *tmp);
	return len;
}

size_t
oojwt_ds_json_unescape(const unsigned short *s, size_t start, size_t end,
	unsigned short *dst)
{
	parser p;
	oojwt_ds_json dummy;
	size_t len = 0;

	memset(&p, 0, sizeof p);
	memset(&dummy, 0, sizeof dummy);
	p.s = s;
	p.n = end;
	p.i = start;
	p.out = &dummy;
	if (!scan_string(&p, dst, &len)) {
		return 0;
	}
	return len;
}
