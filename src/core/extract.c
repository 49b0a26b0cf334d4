/*
 * Token extraction: find the compact JWS in text a person pasted (a
 * `Bearer` value, a whole `Authorization:` header line, a log line, a
 * JSON fragment, a quoted string) and say what was removed around it.
 * Nothing is ever removed from inside the token: the extractor only
 * cuts at its two ends, so a broken token stays broken and the
 * decoder reports it. See oojwt_extract_token() in oojwt.h.
 */
#include <string.h>
#include "inner.h"
#include "core.h"

/* How many rounds of outer layers (whitespace, quotes, header name,
 * Bearer) are peeled at most; each adds at most 6 pieces, and finding
 * the token inside a line adds at most 8 more. */
#define PEEL_ROUNDS 4

static const char *const strip_names[] = {
	NULL, "whitespace", "quote", "header", "bearer", "text"
};

const char *
oojwt_strip_name(int kind)
{
	if (kind < OOJWT_STRIP_WHITESPACE || kind > OOJWT_STRIP_TEXT) {
		return NULL;
	}
	return strip_names[kind];
}

static void
add(oojwt_extract_result *x, int kind, size_t pos, size_t len)
{
	if (len == 0 || x->n_stripped >= OOJWT_EXTRACT_MAX_STRIPS) {
		return;
	}
	x->stripped[x->n_stripped].kind = kind;
	x->stripped[x->n_stripped].pos = pos;
	x->stripped[x->n_stripped].len = len;
	x->n_stripped++;
}

/* base64url alphabet: the characters a segment is made of. */
static int
is_b64url(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
		|| (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* Characters a token-like run may contain: the segments, the dots, and
 * the standard-base64 characters a mistaken encoder adds (kept, so the
 * decoder can say what is wrong with them). */
static int
is_run(unsigned char c)
{
	return is_b64url(c) || c == '.' || c == '=' || c == '+' || c == '/';
}

static int
is_alnum(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
		|| (c >= '0' && c <= '9');
}

/*
 * Length of the whitespace character that starts at t[i] (i < end), 0
 * when there is none: ASCII space, tab, CR, LF, VT, FF, and the
 * invisible characters copy and paste brings along (U+00A0 no-break
 * space, U+200B zero-width space, U+FEFF byte order mark).
 */
static size_t
ws_at(const unsigned char *t, size_t i, size_t end)
{
	unsigned char c = t[i];

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'
		|| c == '\f')
	{
		return 1;
	}
	if (c == 0xC2 && end - i >= 2 && t[i + 1] == 0xA0) {
		return 2;
	}
	if (end - i >= 3 && ((c == 0xE2 && t[i + 1] == 0x80 && t[i + 2] == 0x8B)
		|| (c == 0xEF && t[i + 1] == 0xBB && t[i + 2] == 0xBF)))
	{
		return 3;
	}
	return 0;
}

/* Length of the whitespace character that ends at t[end - 1], 0 when
 * there is none (start <= end). */
static size_t
ws_before(const unsigned char *t, size_t start, size_t end)
{
	size_t k;

	for (k = 1; k <= 3 && k <= end - start; k++) {
		if (ws_at(t, end - k, end) == k) {
			return k;
		}
	}
	return 0;
}

/* Trim whitespace at both ends of [*a, *b), recording it. */
static int
trim(oojwt_extract_result *x, const unsigned char *t, size_t *a, size_t *b)
{
	size_t a0 = *a, b0 = *b, n;

	while (*a < *b && (n = ws_at(t, *a, *b)) != 0) {
		*a += n;
	}
	while (*b > *a && (n = ws_before(t, *a, *b)) != 0) {
		*b -= n;
	}
	add(x, OOJWT_STRIP_WHITESPACE, a0, *a - a0);
	add(x, OOJWT_STRIP_WHITESPACE, *b, b0 - *b);
	return *a != a0 || *b != b0;
}

/*
 * Length of the opening quote at t[i] and, in *close / *close_len, the
 * closing quote it pairs with. ASCII " ' ` pair with themselves;
 * U+201C pairs with U+201D and U+2018 with U+2019 (what word processors
 * and chat programs turn straight quotes into).
 */
static size_t
open_quote(const unsigned char *t, size_t i, size_t end,
	const unsigned char **close, size_t *close_len)
{
	static const unsigned char dq[] = { 0xE2, 0x80, 0x9D };
	static const unsigned char sq[] = { 0xE2, 0x80, 0x99 };

	if (t[i] == '"' || t[i] == '\'' || t[i] == '`') {
		*close = t + i;
		*close_len = 1;
		return 1;
	}
	if (end - i >= 3 && t[i] == 0xE2 && t[i + 1] == 0x80
		&& (t[i + 2] == 0x9C || t[i + 2] == 0x98))
	{
		*close = t[i + 2] == 0x9C ? dq : sq;
		*close_len = 3;
		return 3;
	}
	return 0;
}

/* Does the closing quote `q` (`n` bytes) end at t[end - 1]? */
static int
quote_before(const unsigned char *t, size_t start, size_t end,
	const unsigned char *q, size_t n)
{
	return end - start >= n && memcmp(t + end - n, q, n) == 0;
}

/* Strip one pair of matching quotes around [*a, *b). */
static int
unquote(oojwt_extract_result *x, const unsigned char *t, size_t *a, size_t *b)
{
	const unsigned char *q;
	size_t qn, on;

	if (*a >= *b) {
		return 0;
	}
	on = open_quote(t, *a, *b, &q, &qn);
	if (on == 0 || *b - *a < on + qn || !quote_before(t, *a + on, *b, q, qn)) {
		return 0;
	}
	add(x, OOJWT_STRIP_QUOTE, *a, on);
	add(x, OOJWT_STRIP_QUOTE, *b - qn, qn);
	*a += on;
	*b -= qn;
	return 1;
}

/* Length of `Name:` (a header name and its colon) at t[i], else 0.
 * Something must follow, and not a `/` (that is a URL scheme). */
static size_t
header_at(const unsigned char *t, size_t i, size_t end)
{
	size_t k = i;

	while (k < end && (is_alnum(t[k]) || t[k] == '-' || t[k] == '_')) {
		k++;
	}
	if (k == i || k + 1 >= end || t[k] != ':' || t[k + 1] == '/') {
		return 0;
	}
	return k + 1 - i;
}

/* Is `Bearer` (any case) at t[i], followed by whitespace? */
static int
bearer_at(const unsigned char *t, size_t i, size_t end)
{
	static const char word[] = "bearer";
	size_t k;

	if (end - i < 7) {
		return 0;
	}
	for (k = 0; k < 6; k++) {
		unsigned char c = t[i + k];
		if (c >= 'A' && c <= 'Z') {
			c = (unsigned char)(c - 'A' + 'a');
		}
		if (c != (unsigned char)word[k]) {
			return 0;
		}
	}
	return ws_at(t, i + 6, end) != 0;
}

/* Peel the outer layers of [*a, *b): whitespace, quotes, a header name,
 * the Bearer scheme, in any order, a few rounds deep. */
static void
peel(oojwt_extract_result *x, const unsigned char *t, size_t *a, size_t *b)
{
	int round, changed;
	size_t n;

	for (round = 0; round < PEEL_ROUNDS; round++) {
		changed = trim(x, t, a, b);
		changed |= unquote(x, t, a, b);
		n = header_at(t, *a, *b);
		if (n != 0) {
			add(x, OOJWT_STRIP_HEADER, *a, n);
			*a += n;
			changed = 1;
		}
		(void)trim(x, t, a, b);
		if (bearer_at(t, *a, *b)) {
			add(x, OOJWT_STRIP_BEARER, *a, 6);
			*a += 6;
			changed = 1;
		}
		if (!changed) {
			break;
		}
	}
	(void)trim(x, t, a, b);
}

static int
has_space(const unsigned char *t, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++) {
		if (ws_at(t, i, b) != 0) {
			return 1;
		}
	}
	return 0;
}

/* End of the token-like run that starts at i; its dots in *dots. A run
 * that has more than two dots loses its trailing dots (the full stop
 * of a sentence), never anything else. */
static size_t
run_end(const unsigned char *t, size_t i, size_t b, size_t *dots)
{
	size_t e = i;

	*dots = 0;
	while (e < b && is_run(t[e])) {
		*dots += t[e] == '.';
		e++;
	}
	while (*dots > 2 && t[e - 1] == '.') {
		e--;
		(*dots)--;
	}
	return e;
}

/*
 * Find a token inside [a, b): the first run that starts with "eyJ" (the
 * base64url of `{"`, how every JSON header starts) at a word boundary
 * and has at least two dots; else, when `loose`, the longest run with
 * at least two dots. Returns 1 and the run in [*s, *e), or 0.
 */
static int
find_token(const unsigned char *t, size_t a, size_t b, int loose,
	size_t *s, size_t *e)
{
	size_t i, end, dots, best = 0;
	int found = 0;

	for (i = a; i + 3 <= b; i++) {
		if (t[i] == 'e' && t[i + 1] == 'y' && t[i + 2] == 'J'
			&& (i == a || !(is_b64url(t[i - 1]) || t[i - 1] == '.')))
		{
			end = run_end(t, i, b, &dots);
			if (dots >= 2) {
				*s = i;
				*e = end;
				return 1;
			}
			/* A later "eyJ" inside this run (after '=', '+', '/')
			 * ends where it ends, with no more dots: skip it, so
			 * that "=eyJ=eyJ..." stays linear. */
			i = end - 1;
		}
	}
	if (!loose) {
		return 0;
	}
	for (i = a; i < b; i = end + 1) {
		while (i < b && !is_run(t[i])) {
			i++;
		}
		if (i >= b) {
			break;
		}
		end = run_end(t, i, b, &dots);
		if (dots >= 2 && end - i > best) {
			best = end - i;
			*s = i;
			*e = end;
			found = 1;
		}
		/* skip the trailing dots run_end gave back */
		while (end < b && is_run(t[end])) {
			end++;
		}
	}
	return found;
}

/*
 * Name the text around a token found inside a line: matching quotes
 * right around it, then, going left, whitespace, `Bearer`, whitespace,
 * a header name; whatever remains on either side is text.
 */
static void
classify(oojwt_extract_result *x, const unsigned char *t, size_t a, size_t b,
	size_t s, size_t e)
{
	const unsigned char *q;
	size_t l = s, r = e, n, qn, on;

	for (n = 1; n <= 3 && n <= s - a; n++) {
		on = open_quote(t, s - n, s, &q, &qn);
		if (on == n && b - e >= qn && memcmp(t + e, q, qn) == 0) {
			add(x, OOJWT_STRIP_QUOTE, s - n, n);
			add(x, OOJWT_STRIP_QUOTE, e, qn);
			l = s - n;
			r = e + qn;
			break;
		}
	}
	n = l;
	while (l > a && (qn = ws_before(t, a, l)) != 0) {
		l -= qn;
	}
	add(x, OOJWT_STRIP_WHITESPACE, l, n - l);
	if (l - a >= 6 && bearer_at(t, l - 6, b)
		&& (l - 6 == a || !is_alnum(t[l - 7])))
	{
		l -= 6;
		add(x, OOJWT_STRIP_BEARER, l, 6);
		n = l;
		while (l > a && (qn = ws_before(t, a, l)) != 0) {
			l -= qn;
		}
		add(x, OOJWT_STRIP_WHITESPACE, l, n - l);
	}
	if (l > a && t[l - 1] == ':') {
		n = l - 1;
		while (n > a && (is_alnum(t[n - 1]) || t[n - 1] == '-'
			|| t[n - 1] == '_'))
		{
			n--;
		}
		if (n < l - 1) {
			add(x, OOJWT_STRIP_HEADER, n, l - n);
			l = n;
		}
	}
	add(x, OOJWT_STRIP_TEXT, a, l - a);
	add(x, OOJWT_STRIP_TEXT, r, b - r);
}

/* Pieces in text order (at most OOJWT_EXTRACT_MAX_STRIPS: insertion
 * sort is enough). */
static void
sort_pieces(oojwt_extract_result *x)
{
	size_t i, j;

	for (i = 1; i < x->n_stripped; i++) {
		oojwt_strip p = x->stripped[i];
		for (j = i; j > 0 && x->stripped[j - 1].pos > p.pos; j--) {
			x->stripped[j] = x->stripped[j - 1];
		}
		x->stripped[j] = p;
	}
}

void
oojwt_extract_token(oojwt_extract_result *x, const char *text, size_t len)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t a = 0, b = len, s, e;

	memset(x, 0, sizeof *x);
	if (text == NULL) {
		return;
	}
	peel(x, t, &a, &b);
	if (find_token(t, a, b, has_space(t, a, b), &s, &e)
		&& (s != a || e != b))
	{
		classify(x, t, a, b, s, e);
		a = s;
		b = e;
	}
	x->start = a;
	x->len = b - a;
	sort_pieces(x);
}
