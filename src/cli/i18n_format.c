/*
 * A message catalog's template with a finding's params (web/lib/locales/
 * *.json; web/lib/i18n.mjs is the JavaScript twin, and both are driven by
 * tests/vectors/i18n_format.json). The template is text with
 *
 *   {name}                               the param's value
 *   {name, plural, one {... # ...} other {...}}
 *                                        a branch by the number's plural
 *                                        category (=N: that exact number
 *                                        first); # is the number
 *   {name, select, a {...} b {...} other {...}}
 *                                        a branch by the param's value
 *                                        (other when the param is missing)
 *
 * branches nest, every plural and select has an other branch, and an
 * apostrophe before { } (or # in a plural's own branch) quotes up to the
 * next apostrophe; '' is one apostrophe (ICU's MessageFormat rules, the ones
 * the JavaScript formatter follows). Strings are written as they are,
 * numbers as JavaScript's String(n) writes them.
 */
#include <string.h>
#include "inner.h"
#include "cli.h"

typedef struct {
	const char *s;
	size_t i, n;
	const oojwt_jv *params;
	const char *lang;
	oojwt_sb *out;
	oojwt_cli_put_fn put;  /* writes a string param's value (NULL: as is) */
	const char *hash;     /* what # stands for: the innermost plural's */
	size_t hash_len;      /* number (0: # is plain text) */
	int depth;
} fmt;

static int run(fmt *f, int stop);

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
skip_space(fmt *f)
{
	while (f->i < f->n && is_space(f->s[f->i])) {
		f->i++;
	}
}

/* A name or keyword: up to a space, a comma, a brace. */
static size_t
word(fmt *f, const char **w)
{
	size_t from;

	skip_space(f);
	from = f->i;
	while (f->i < f->n && !is_space(f->s[f->i]) && f->s[f->i] != ','
		&& f->s[f->i] != '{' && f->s[f->i] != '}')
	{
		f->i++;
	}
	*w = f->s + from;
	return f->i - from;
}

static int
same(const char *w, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(w, lit, n) == 0;
}

/* Skip a {branch} (its opening brace read) up to its closing brace,
 * reading quotes and nested braces as run() does; 0, or -1 when it does
 * not close. */
static int
skip_branch(fmt *f, int in_plural)
{
	int depth = 1;

	while (f->i < f->n) {
		char c = f->s[f->i], d = f->i + 1 < f->n ? f->s[f->i + 1] : 0;
		if (c == '\'' && d == '\'') {
			f->i += 2;
		} else if (c == '\'' && (d == '{' || d == '}' || (d == '#' && in_plural))) {
			const char *end = memchr(f->s + f->i + 1, '\'', f->n - f->i - 1);
			if (end == NULL) {
				return -1;
			}
			f->i = (size_t)(end - f->s) + 1;
		} else {
			f->i++;
			if (c == '{') {
				depth++;
			} else if (c == '}' && --depth == 0) {
				return 0;
			}
		}
	}
	return -1;
}

/*
 * The plural category of `d` in `lang`: Chinese, Japanese, Korean have
 * only "other"; the languages of the catalogs so far that have two have
 * "one" for exactly 1 (CLDR's plural rules, cardinal, for integers).
 */
static const char *
plural_category(const char *lang, double d)
{
	if (strncmp(lang, "zh", 2) == 0 || strncmp(lang, "ja", 2) == 0
		|| strncmp(lang, "ko", 2) == 0)
	{
		return "other";
	}
	return d == 1 ? "one" : "other";
}

/*
 * The branches of a plural (`cat` its category) or a select: `key {text}`
 * pairs up to the '}' that closes the placeholder. Written: the branch of
 * key =VALUE (a plural) or VALUE itself (a select), else the category's,
 * else other's; the others are only read.
 */
static int
branches(fmt *f, const char *value, size_t vlen, const char *cat)
{
	size_t exact = 0, by_cat = 0, other = 0, end, chosen;
	int rc;

	for (;;) {
		const char *key;
		size_t klen;

		skip_space(f);
		if (f->i < f->n && f->s[f->i] == '}') {
			f->i++;
			break;
		}
		klen = word(f, &key);
		skip_space(f);
		if (klen == 0 || f->i >= f->n || f->s[f->i] != '{') {
			return -1;
		}
		f->i++;
		if (exact == 0 && (cat != NULL ? klen == vlen + 1 && key[0] == '='
			&& memcmp(key + 1, value, vlen) == 0
			: klen == vlen && memcmp(key, value, vlen) == 0))
		{
			exact = f->i;
		}
		if (by_cat == 0 && cat != NULL && same(key, klen, cat)) {
			by_cat = f->i;
		}
		if (other == 0 && same(key, klen, "other")) {
			other = f->i;
		}
		if (skip_branch(f, cat != NULL) != 0) {
			return -1;
		}
	}
	if (other == 0) {
		return -1;
	}
	end = f->i;
	chosen = exact != 0 ? exact : by_cat != 0 ? by_cat : other;
	f->i = chosen;
	rc = run(f, 1);
	f->i = end;
	return rc;
}

static int
placeholder(fmt *f)
{
	const char *name, *kind;
	size_t nlen, klen;
	char nb[40], key[OOJWT_MESSAGE_LEN];
	const oojwt_jv *v;
	const char *text;
	size_t tlen;

	nlen = word(f, &name);
	if (nlen == 0 || nlen >= sizeof key) {
		return -1;
	}
	memcpy(key, name, nlen);
	key[nlen] = 0;
	v = f->params != NULL ? oojwt_json_get(f->params, key) : NULL;
	text = "";
	tlen = 0;
	if (v != NULL && oojwt_json_type(v) == OOJWT_JSON_NUMBER) {
		tlen = oojwt_js_number(nb, oojwt_json_number(v));
		text = nb;
	} else if (v != NULL && oojwt_json_type(v) == OOJWT_JSON_STRING) {
		text = oojwt_json_string(v);
		tlen = strlen(text);
	} else if (v != NULL) {
		/* String(v) of the rest a params object holds */
		text = oojwt_json_type(v) == OOJWT_JSON_TRUE ? "true"
			: oojwt_json_type(v) == OOJWT_JSON_FALSE ? "false" : "null";
		tlen = strlen(text);
	}
	skip_space(f);
	if (f->i < f->n && f->s[f->i] == '}') {
		f->i++;
		if (v == NULL) {
			return -1;
		}
		if (f->put != NULL && oojwt_json_type(v) == OOJWT_JSON_STRING) {
			f->put(f->out, text, tlen);
		} else {
			oojwt_sb_put(f->out, text, tlen);
		}
		return 0;
	}
	if (f->i >= f->n || f->s[f->i] != ',') {
		return -1;
	}
	f->i++;
	klen = word(f, &kind);
	skip_space(f);
	if (f->i >= f->n || f->s[f->i] != ',') {
		return -1;
	}
	f->i++;
	if (same(kind, klen, "plural")) {
		const char *hash = f->hash;
		size_t hash_len = f->hash_len;
		int rc;
		if (v == NULL || oojwt_json_type(v) != OOJWT_JSON_NUMBER) {
			return -1;
		}
		f->hash = text;
		f->hash_len = tlen;
		rc = branches(f, text, tlen,
			plural_category(f->lang, oojwt_json_number(v)));
		f->hash = hash;
		f->hash_len = hash_len;
		return rc;
	}
	if (same(kind, klen, "select")) {
		/* # is text again in a select's branches; a select whose param
		 * is missing takes other (text "" names no branch) */
		const char *hash = f->hash;
		size_t hash_len = f->hash_len;
		int rc;
		f->hash_len = 0;
		rc = branches(f, text, tlen, NULL);
		f->hash = hash;
		f->hash_len = hash_len;
		return rc;
	}
	return -1;
}

/* Text up to the end (stop 0) or to the '}' that closes a branch (stop 1,
 * consumed). */
static int
run(fmt *f, int stop)
{
	if (++f->depth > 16) {
		return -1;
	}
	while (f->i < f->n) {
		char c = f->s[f->i];
		if (c == '\'') {
			char d = f->i + 1 < f->n ? f->s[f->i + 1] : 0;
			if (d == '\'') {
				oojwt_sb_put(f->out, "'", 1);
				f->i += 2;
			} else if (d == '{' || d == '}' || (d == '#' && f->hash_len > 0)) {
				const char *end = memchr(f->s + f->i + 1, '\'', f->n - f->i - 1);
				if (end == NULL) {
					return -1;
				}
				oojwt_sb_put(f->out, f->s + f->i + 1,
					(size_t)(end - f->s) - f->i - 1);
				f->i = (size_t)(end - f->s) + 1;
			} else {
				oojwt_sb_put(f->out, "'", 1);
				f->i++;
			}
		} else if (c == '{') {
			f->i++;
			if (placeholder(f) != 0) {
				return -1;
			}
		} else if (c == '}') {
			if (!stop) {
				return -1;
			}
			f->i++;
			f->depth--;
			return 0;
		} else if (c == '#' && f->hash_len > 0) {
			oojwt_sb_put(f->out, f->hash, f->hash_len);
			f->i++;
		} else {
			oojwt_sb_put(f->out, f->s + f->i, 1);
			f->i++;
		}
	}
	f->depth--;
	return stop ? -1 : 0;
}

int
oojwt_cli_format(oojwt_sb *out, const char *tmpl, size_t len,
	const oojwt_jv *params, const char *lang)
{
	return oojwt_cli_format_put(out, tmpl, len, params, lang, NULL);
}

int
oojwt_cli_format_put(oojwt_sb *out, const char *tmpl, size_t len,
	const oojwt_jv *params, const char *lang, oojwt_cli_put_fn put)
{
	fmt f;

	memset(&f, 0, sizeof f);
	f.s = tmpl;
	f.n = len;
	f.params = params;
	f.lang = lang != NULL ? lang : "en";
	f.out = out;
	f.put = put;
	return run(&f, 0) == 0 && !out->failed ? 0 : -1;
}
