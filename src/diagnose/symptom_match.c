/*
 * Which symptom of the table a pasted text shows (oojwt_symptom_match).
 * Each text's needle is its first literal part: up to "<br>" (where the
 * editor breaks the line, web-apps Main.js onError), a placeholder
 * ("%s", "%d", "%1", "{0}", "${"), or a line break, with a final "." or
 * "\u3002" left out, as people copy the first line and drop the stop.
 * Text and needle are compared as streams of units: ASCII letters
 * folded to lower case, white space skipped, full-width ":,()" read as
 * ASCII. One pass over the text: at each unit, only the needles that
 * start with it are tried, so the time is the text's length times the
 * needles that start there.
 */
#include <string.h>
#include "inner.h"
#include "diagnose.h"

#define NEEDLE_MAX 192
#define MAX_NEEDLES 64
/* A needle of fewer units ("Access denied", "下载失败") is a symptom only
 * in a text of at most SHORT_TEXT bytes: in a longer one (a config, a
 * log) it is more likely a word of something else. */
#define SHORT_NEEDLE 16
#define SHORT_TEXT 512

typedef struct {
	unsigned char u[NEEDLE_MAX];
	size_t n;               /* units */
	size_t symptom;
	int lang;
} needle;

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'
		|| c == '\v';
}

/* The unit at s[*i] (advanced past it): -1 at the end. White space is
 * skipped; U+FF1A U+FF0C U+FF08 U+FF09 (EF BC 9A / 8C / 88 / 89) read
 * as : , ( ). */
static int
unit(const unsigned char *s, size_t n, size_t *i)
{
	unsigned char c;

	while (*i < n && is_space(s[*i])) {
		(*i)++;
	}
	if (*i >= n) {
		return -1;
	}
	c = s[*i];
	if (c == 0xEF && *i + 2 < n && s[*i + 1] == 0xBC) {
		unsigned char d = s[*i + 2];
		int a = d == 0x9A ? ':' : d == 0x8C ? ',' : d == 0x88 ? '('
			: d == 0x89 ? ')' : 0;
		if (a != 0) {
			*i += 3;
			return a;
		}
	}
	(*i)++;
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* The length of the literal first part of `t`. */
static size_t
literal_part(const char *t)
{
	static const char *const stops[] = { "<br>", "%s", "%d", "%j", "%1",
		"{0}", "${", "\n" };
	size_t n = strlen(t), i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < sizeof stops / sizeof *stops; k++) {
			size_t m = strlen(stops[k]);
			if (i + m <= n && memcmp(t + i, stops[k], m) == 0) {
				n = i;
				break;
			}
		}
	}
	while (n > 0 && is_space((unsigned char)t[n - 1])) {
		n--;
	}
	if (n > 0 && t[n - 1] == '.') {
		n--;
	} else if (n >= 3 && memcmp(t + n - 3, "\xe3\x80\x82", 3) == 0) {
		n -= 3;
	}
	return n;
}

static void
make_needle(needle *nd, const char *t, size_t symptom, int lang)
{
	const unsigned char *s = (const unsigned char *)t;
	size_t n = literal_part(t), i = 0;
	int u;

	nd->n = 0;
	nd->symptom = symptom;
	nd->lang = lang;
	while (nd->n < NEEDLE_MAX && (u = unit(s, n, &i)) >= 0) {
		nd->u[nd->n++] = (unsigned char)u;
	}
}

/* Does the needle start at text[i]? */
static int
starts(const needle *nd, const unsigned char *s, size_t n, size_t i)
{
	size_t k;

	for (k = 0; k < nd->n; k++) {
		if (unit(s, n, &i) != nd->u[k]) {
			return 0;
		}
	}
	return 1;
}

int
oojwt_symptom_match(const char *text, size_t len, unsigned kinds,
	size_t *index, int *lang)
{
	needle nd[MAX_NEEDLES];
	size_t nn = 0, i, k, best = 0, best_len = 0;
	int best_lang = OOJWT_SYMPTOM_EN;
	const unsigned char *s = (const unsigned char *)text;

	for (i = 0; i < oojwt_symptom_count() && nn + 2 <= MAX_NEEDLES; i++) {
		const oojwt_symptom *sy = oojwt_symptom_at(i);
		if ((kinds & (1u << sy->kind)) == 0) {
			continue;
		}
		make_needle(&nd[nn++], sy->en, i, OOJWT_SYMPTOM_EN);
		if (sy->zh != NULL) {
			make_needle(&nd[nn++], sy->zh, i, OOJWT_SYMPTOM_ZH);
		}
	}
	for (i = 0; i < len; ) {
		size_t at = i;
		int u = unit(s, len, &i);
		if (u < 0) {
			break;
		}
		for (k = 0; k < nn; k++) {
			if (nd[k].n > 0 && nd[k].u[0] == u && nd[k].n > best_len
				&& (nd[k].n >= SHORT_NEEDLE || len <= SHORT_TEXT)
				&& starts(&nd[k], s, len, at))
			{
				best = k;
				best_len = nd[k].n;
				best_lang = nd[k].lang;
			}
		}
	}
	if (best_len == 0) {
		return 0;
	}
	*index = nd[best].symptom;
	*lang = best_lang;
	return 1;
}
