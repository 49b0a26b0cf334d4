/*
 * Two secrets side by side (oojwt_secret_compare(), oojwt_ds.h): the
 * characters a person cannot see or mistakes for others, the first
 * difference, and which one signs a token. The look-alikes are those of
 * the Unicode confusables table (UTS #39, confusables.txt) whose
 * prototype is one ASCII character: Cyrillic and Greek letters,
 * fullwidth forms, dashes and typographic quotes; the invisible ones are
 * the spaces (category Zs) and format characters (Cf) of UnicodeData.txt.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

static const char *const kind_names[] = {
	NULL, "space", "tab", "cr", "lf", "control", "nbsp", "other_space",
	"zero_width", "bidi", "quote", "homoglyph", "fullwidth", "dash",
	"invalid_utf8", "replacement"
};

const char *
oojwt_secret_mark_kind_name(int kind)
{
	return kind > 0 && (size_t)kind < sizeof kind_names / sizeof *kind_names
		? kind_names[kind] : NULL;
}

/* Letters of other scripts that confusables.txt maps to one ASCII
 * letter: code point, then the letter. */
static const struct {
	unsigned short cp;
	char ascii;
} glyphs[] = {
	/* Greek capitals and small letters */
	{ 0x0391, 'A' }, { 0x0392, 'B' }, { 0x0395, 'E' }, { 0x0396, 'Z' },
	{ 0x0397, 'H' }, { 0x0399, 'I' }, { 0x039A, 'K' }, { 0x039C, 'M' },
	{ 0x039D, 'N' }, { 0x039F, 'O' }, { 0x03A1, 'P' }, { 0x03A4, 'T' },
	{ 0x03A5, 'Y' }, { 0x03A7, 'X' }, { 0x03B1, 'a' }, { 0x03B9, 'i' },
	{ 0x03BD, 'v' }, { 0x03BF, 'o' }, { 0x03C1, 'p' }, { 0x03C5, 'u' },
	/* Cyrillic */
	{ 0x0405, 'S' }, { 0x0406, 'I' }, { 0x0408, 'J' }, { 0x0410, 'A' },
	{ 0x0412, 'B' }, { 0x0415, 'E' }, { 0x041A, 'K' }, { 0x041C, 'M' },
	{ 0x041D, 'H' }, { 0x041E, 'O' }, { 0x0420, 'P' }, { 0x0421, 'C' },
	{ 0x0422, 'T' }, { 0x0425, 'X' }, { 0x0430, 'a' }, { 0x0435, 'e' },
	{ 0x043E, 'o' }, { 0x0440, 'p' }, { 0x0441, 'c' }, { 0x0443, 'y' },
	{ 0x0445, 'x' }, { 0x0455, 's' }, { 0x0456, 'i' }, { 0x0458, 'j' },
	{ 0x04BB, 'h' }, { 0x04C0, 'I' }, { 0x0501, 'd' }, { 0x051B, 'q' },
	{ 0x051D, 'w' }
};

/* The kind of code point `c`, and in *ascii what it passes for. */
static int
classify(unsigned long c, char *ascii)
{
	size_t k;

	*ascii = 0;
	switch (c) {
	case 0x20: *ascii = ' '; return OOJWT_MARK_SPACE;
	case 0x09: return OOJWT_MARK_TAB;
	case 0x0D: return OOJWT_MARK_CR;
	case 0x0A: return OOJWT_MARK_LF;
	case 0x22: case 0x27: case 0x60:
		return OOJWT_MARK_QUOTE;
	case 0xA0: case 0x202F: *ascii = ' '; return OOJWT_MARK_NBSP;
	case 0x1680: case 0x205F: case 0x3000:
		*ascii = ' ';
		return OOJWT_MARK_OTHER_SPACE;
	case 0xAD: case 0xFEFF:
		return OOJWT_MARK_ZERO_WIDTH;
	case 0xFFFD: return OOJWT_MARK_REPLACEMENT;
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
	case 0xFF07:
		*ascii = '\'';
		return OOJWT_MARK_QUOTE;
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
	case 0xAB: case 0xBB: case 0xFF02:
		*ascii = '"';
		return OOJWT_MARK_QUOTE;
	case 0x2212: *ascii = '-'; return OOJWT_MARK_DASH;
	default:
		break;
	}
	if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
		return OOJWT_MARK_CONTROL;
	}
	if (c >= 0x2000 && c <= 0x200A) {
		*ascii = ' ';
		return OOJWT_MARK_OTHER_SPACE;
	}
	if ((c >= 0x200B && c <= 0x200D) || (c >= 0x2060 && c <= 0x2064)) {
		return OOJWT_MARK_ZERO_WIDTH;
	}
	if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
		|| (c >= 0x2066 && c <= 0x2069))
	{
		return OOJWT_MARK_BIDI;
	}
	if (c >= 0x2010 && c <= 0x2015) {
		*ascii = '-';
		return OOJWT_MARK_DASH;
	}
	if (c >= 0xFF01 && c <= 0xFF5E) {
		*ascii = (char)(c - 0xFEE0);
		return OOJWT_MARK_FULLWIDTH;
	}
	for (k = 0; k < sizeof glyphs / sizeof *glyphs; k++) {
		if (glyphs[k].cp == c) {
			*ascii = glyphs[k].ascii;
			return OOJWT_MARK_HOMOGLYPH;
		}
	}
	return 0;
}

/* The code point at s[i] (n bytes left), its length in *len; a byte
 * that is not UTF-8 is returned as its value with *len 1, *bad 1. */
static unsigned long
next_cp(const unsigned char *s, size_t n, size_t *len, int *bad)
{
	size_t m = oojwt_utf8_len(s, n);
	unsigned long c;

	*bad = m == 0;
	if (m <= 1) {
		*len = 1;
		return s[0];
	}
	c = s[0] & (0x7Fu >> m);
	for (*len = 1; *len < m; (*len)++) {
		c = (c << 6) | (s[*len] & 0x3Fu);
	}
	return c;
}

static void
read_side(oojwt_secret_side *d, const unsigned char *s, size_t n)
{
	size_t i = 0, len;
	int bad, kind;
	char ascii;
	unsigned long c;

	memset(d, 0, sizeof *d);
	d->bytes = n;
	d->utf8 = 1;
	while (i < n) {
		c = next_cp(s + i, n - i, &len, &bad);
		kind = bad ? OOJWT_MARK_INVALID_UTF8 : classify(c, &ascii);
		if (bad) {
			d->utf8 = 0;
			ascii = 0;
		}
		if (kind != 0 && d->n_marks < OOJWT_COMPARE_MAX_MARKS) {
			oojwt_secret_mark *m = &d->marks[d->n_marks++];
			m->byte = i;
			m->index = d->chars;
			m->cp = c;
			m->kind = kind;
			m->looks_like = ascii;
		} else if (kind != 0) {
			d->more_marks++;
		}
		d->chars++;
		i += len;
	}
}

/*
 * The cleaned form of a secret into `out` (room for n bytes): look-alikes
 * as their ASCII character, zero-width and direction characters dropped,
 * then blanks (any space, CR, LF) and one pair of quotes removed at the
 * ends. Branches on the characters: the answer it feeds is a diagnosis
 * of text the user typed, not a check an attacker times.
 */
static size_t
clean(unsigned char *out, const unsigned char *s, size_t n)
{
	size_t i = 0, o = 0, len, a, b;
	int bad, kind, pass;
	char ascii;
	unsigned long c;

	while (i < n) {
		c = next_cp(s + i, n - i, &len, &bad);
		kind = bad ? 0 : classify(c, &ascii);
		if (kind == OOJWT_MARK_ZERO_WIDTH || kind == OOJWT_MARK_BIDI) {
			/* dropped */
		} else if (kind == OOJWT_MARK_TAB || kind == OOJWT_MARK_CR
			|| kind == OOJWT_MARK_LF)
		{
			out[o++] = (unsigned char)c;
		} else if (kind != 0 && ascii != 0) {
			out[o++] = (unsigned char)ascii;
		} else {
			memmove(out + o, s + i, len);
			o += len;
		}
		i += len;
	}
	a = 0;
	b = o;
	for (pass = 0; pass < 2; pass++) {
		while (a < b && (out[a] == ' ' || out[a] == '\t' || out[a] == '\r'
			|| out[a] == '\n'))
		{
			a++;
		}
		while (b > a && (out[b - 1] == ' ' || out[b - 1] == '\t'
			|| out[b - 1] == '\r' || out[b - 1] == '\n'))
		{
			b--;
		}
		if (pass == 0 && b - a >= 2 && (out[a] == '"' || out[a] == '\'')
			&& out[b - 1] == out[a])
		{
			a++;
			b--;
		}
	}
	memmove(out, out + a, b - a);
	oojwt_wipe(out + (b - a), o - (b - a));
	return b - a;
}

/* Equal lengths and bytes, without branching on the bytes. */
static int
same(const unsigned char *a, size_t an, const unsigned char *b, size_t bn)
{
	int eq = an == bn && oojwt_ct_equal(a, b, an);

	OOJWT_DECLASSIFY(&eq, sizeof eq); /* the verdict is public */
	return eq;
}

/* The first byte where a and b differ, in constant time over the longer
 * one (the place is the answer, so it is declassified). */
static size_t
first_difference(const unsigned char *a, size_t an, const unsigned char *b,
	size_t bn)
{
	size_t n = an > bn ? an : bn, i, at = n;
	unsigned found = 0;

	for (i = 0; i < n; i++) {
		unsigned x = i < an ? a[i] : 0x100u;
		unsigned y = i < bn ? b[i] : 0x100u;
		unsigned diff = x ^ y;
		/* 1 when this byte differs and none before did. */
		unsigned hit = ((diff | (0u - diff)) >> 31) & (found ^ 1u);
		size_t mask = (size_t)0 - (size_t)hit;
		at = (at & ~mask) | (i & mask);
		found |= hit;
	}
	OOJWT_DECLASSIFY(&at, sizeof at);
	return at;
}

/* The character that starts at or contains byte `at`: its start and
 * index in *start, *index; its code point, or -1 past the end. */
static long
char_at(const unsigned char *s, size_t n, size_t at, size_t *start,
	size_t *index, int *bad)
{
	size_t i = 0, len, k = 0;
	unsigned long c = 0;

	*bad = 0;
	while (i < n) {
		c = next_cp(s + i, n - i, &len, bad);
		if (at < i + len) {
			*start = i;
			*index = k;
			return (long)c;
		}
		i += len;
		k++;
	}
	*start = n;
	*index = k;
	*bad = 0;
	return -1;
}

static int
ascii_group(long c)
{
	return c == '0' || c == 'O' || c == 'o' ? 1
		: c == '1' || c == 'l' || c == 'I' || c == '|' ? 2 : 0;
}

int
oojwt_secret_compare(oojwt_secret_comparison *r, const unsigned char *a,
	size_t a_len, const unsigned char *b, size_t b_len, const char *token,
	size_t token_len)
{
	unsigned char *ca, *cb;
	size_t na, nb, at, sa, sb, ia, ib;
	int va, vb;

	if (r == NULL || (a == NULL && a_len != 0) || (b == NULL && b_len != 0)
		|| (token == NULL && token_len != 0))
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(r, 0, sizeof *r);
	read_side(&r->a, a, a_len);
	read_side(&r->b, b, b_len);
	r->equal = same(a, a_len, b, b_len);
	if (!r->equal) {
		at = first_difference(a, a_len, b, b_len);
		/* Back to the start of the character both share up to there. */
		r->diff_a = char_at(a, a_len, at, &sa, &ia, &r->diff_a_invalid);
		r->diff_b = char_at(b, b_len, at, &sb, &ib, &r->diff_b_invalid);
		r->diff_byte = sa < sb ? sa : sb;
		r->diff_index = ia < ib ? ia : ib;
		if (sa != sb) {
			r->diff_a = char_at(a, a_len, r->diff_byte, &sa, &ia,
				&r->diff_a_invalid);
			r->diff_b = char_at(b, b_len, r->diff_byte, &sb, &ib,
				&r->diff_b_invalid);
		}
		r->diff_confusable = ascii_group(r->diff_a) != 0
			&& ascii_group(r->diff_a) == ascii_group(r->diff_b);
	}
	ca = (unsigned char *)malloc(a_len + 1);
	cb = (unsigned char *)malloc(b_len + 1);
	if (ca == NULL || cb == NULL) {
		free(ca);
		free(cb);
		return OOJWT_ERR_NO_MEMORY;
	}
	na = clean(ca, a, a_len);
	nb = clean(cb, b, b_len);
	r->equal_cleaned = same(ca, na, cb, nb);
	oojwt_wipe_free(ca, a_len + 1);
	oojwt_wipe_free(cb, b_len + 1);
	r->verifies = -1;
	if (token != NULL) {
		va = oojwt_secret_signs(token, token_len, a, a_len);
		vb = oojwt_secret_signs(token, token_len, b, b_len);
		if (va >= 0) {
			r->verifies = va | (vb << 1);
		}
	}
	return OOJWT_OK;
}
