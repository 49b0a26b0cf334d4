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
 *   {name, list, item {...} sep {...}}   the param is an array: item for
 *                                        each element, sep between two; in
 *                                        item, {name} is the element, and
 *                                        an element that is an object
 *                                        lends its members as params (then
 *                                        {name} is its member `name`)
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

/* A list's element while its item is written: `name` bound to `value`,
 * or, for an object, the object's members. */
typedef struct {
	char name[40];
	const oojwt_jv *value;
} scope;

typedef struct {
	const char *s;
	size_t i, n;
	const oojwt_jv *params;
	scope scopes[4];      /* the lists being written, innermost last */
	int n_scopes;
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

/* The next `key {` of a plural, a select or a list: 1 with the key and
 * the branch's opening brace read, 0 at the placeholder's closing brace
 * (read), -1 when neither comes. */
static int
next_branch(fmt *f, const char **key, size_t *klen)
{
	skip_space(f);
	if (f->i < f->n && f->s[f->i] == '}') {
		f->i++;
		return 0;
	}
	*klen = word(f, key);
	skip_space(f);
	if (*klen == 0 || f->i >= f->n || f->s[f->i] != '{') {
		return -1;
	}
	f->i++;
	return 1;
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
		int more = next_branch(f, &key, &klen);

		if (more <= 0) {
			if (more < 0) {
				return -1;
			}
			break;
		}
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

/* The param `key`: the innermost list element's first, then the
 * params. */
static const oojwt_jv *
lookup(const fmt *f, const char *key)
{
	int k;

	for (k = f->n_scopes - 1; k >= 0; k--) {
		const scope *sc = &f->scopes[k];
		if (oojwt_json_type(sc->value) == OOJWT_JSON_OBJECT) {
			const oojwt_jv *m = oojwt_json_get(sc->value, key);
			if (m != NULL || strcmp(key, sc->name) == 0) {
				return m;
			}
		} else if (strcmp(key, sc->name) == 0) {
			return sc->value;
		}
	}
	return f->params != NULL ? oojwt_json_get(f->params, key) : NULL;
}

/* A list (its opening read up to the branches): the item branch for
 * each element of `v`, the sep branch between two. */
static int
list(fmt *f, const char *name, const oojwt_jv *v)
{
	size_t item = 0, sep = 0, end, k, n;
	const char *hash = f->hash;
	size_t hash_len = f->hash_len;
	int rc = 0;

	if (oojwt_json_type(v) != OOJWT_JSON_ARRAY || f->n_scopes >= 4
		|| strlen(name) >= sizeof f->scopes[0].name)
	{
		return -1;
	}
	for (;;) {
		const char *key;
		size_t klen;
		int more = next_branch(f, &key, &klen);

		if (more <= 0) {
			if (more < 0) {
				return -1;
			}
			break;
		}
		if (item == 0 && same(key, klen, "item")) {
			item = f->i;
		} else if (sep == 0 && same(key, klen, "sep")) {
			sep = f->i;
		}
		if (skip_branch(f, 0) != 0) {
			return -1;
		}
	}
	if (item == 0) {
		return -1;
	}
	end = f->i;
	/* # is text in a list's branches, as in a select's */
	f->hash_len = 0;
	n = oojwt_json_array_size(v);
	for (k = 0; k < n && rc == 0; k++) {
		if (k > 0 && sep != 0) {
			f->i = sep;
			rc = run(f, 1);
		}
		if (rc == 0) {
			scope *sc = &f->scopes[f->n_scopes++];
			memcpy(sc->name, name, strlen(name) + 1);
			sc->value = oojwt_json_array_at(v, k);
			f->i = item;
			rc = run(f, 1);
			f->n_scopes--;
		}
	}
	f->hash = hash;
	f->hash_len = hash_len;
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
	v = lookup(f, key);
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
	if (same(kind, klen, "list")) {
		return list(f, key, v);
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
