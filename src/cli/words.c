/*
 * The command line's own words: headings, labels, verdict words, usage
 * errors and help, asked for by id (OOJWT_WORD("diagnose.cause")) from
 * the word catalogs src/cli/words/LANG.json, which tools/catalogs-c.mjs
 * compiles in with the code catalogs. English is the source: every id has
 * an English template, and a template another language lacks, or cannot
 * fill, is written in English. Templates are the code catalogs' (ICU
 * {name}, plural, select: i18n_format.c), filled with params written by
 * oojwt_vfmtp's conversions.
 *
 * The diagnosis (src/diagnose/) writes its sentences in English for the
 * page, the reports and the export. The human output reads such a
 * sentence back by the English templates of a list of ids (the first
 * that matches, its {name} parts taken from the sentence) and writes the
 * same id in the chosen language; each part taken is itself looked up
 * among the "phrase." ids (a secret's or a connector's name). A sentence
 * that no template matches is written as it is.
 */
#include <stdarg.h>
#include <string.h>
#include "inner.h"
#include "cli.h"

/* What a proposed command does (src/deploy/commands.c), read back by
 * diagnose and commands. */
const char *const oojwt_cli_explain_ids[] = {
	OOJWT_WORD("command.check"), OOJWT_WORD("command.cert"),
	OOJWT_WORD("command.connector"), OOJWT_WORD("command.read_secret"),
	OOJWT_WORD("command.secure_link")
};
const size_t oojwt_cli_n_explain_ids = sizeof oojwt_cli_explain_ids
	/ sizeof *oojwt_cli_explain_ids;

/* Params of a word: room for a finding's message and fix. */
#define PARAMS_LEN 8192

static const char *
find(const oojwt_cli_word_entry *w, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(w[i].id, id) == 0) {
			return w[i].text;
		}
	}
	return NULL;
}

const char *
oojwt_cli_word_en(const char *id)
{
	return find(oojwt_cli_en_words, oojwt_cli_n_en_words, id);
}

/* The chosen language's template of `id`, NULL when it has none (or
 * the language is English). */
static const char *
chosen_word(const char *id)
{
	const oojwt_cli_catalog *c = oojwt_cli_catalog_chosen();

	return c != NULL ? find(c->words, c->n_words, id) : NULL;
}

/* Fill `tmpl` with `params` (JSON object text) into sb; 0 or -1 with
 * sb as it was. */
static int
fill(oojwt_sb *sb, const char *tmpl, const char *params, const char *lang)
{
	oojwt_jv *root = NULL;
	oojwt_sb t;
	long pos;
	char msg[OOJWT_MESSAGE_LEN];
	int rc;

	if (params != NULL && oojwt_json_parse(&root, params, strlen(params), &pos,
		msg) != OOJWT_OK)
	{
		return -1;
	}
	memset(&t, 0, sizeof t);
	rc = oojwt_cli_format_put(&t, tmpl, strlen(tmpl), root, lang,
		strcmp(lang, "en") != 0 ? oojwt_cli_put_phrase : NULL);
	oojwt_json_free(root);
	if (rc == 0 && !t.failed) {
		oojwt_sb_put(sb, t.buf, t.len);
	}
	oojwt_wipe_free(t.buf, t.cap);
	return rc == 0 && !t.failed ? 0 : -1;
}

void
oojwt_cli_word_params(oojwt_sb *sb, const char *id, const char *params)
{
	const char *w = chosen_word(id), *en = oojwt_cli_word_en(id);

	if (w != NULL && fill(sb, w, params, oojwt_cli_lang()) == 0) {
		return;
	}
	if (en == NULL || fill(sb, en, params, "en") != 0) {
		/* A word with no English template: the id says what is missing
		 * (tests/cli/words.test.mjs keeps every id in the catalogs). */
		oojwt_sb_puts(sb, id);
	}
}

void
oojwt_cli_vword(oojwt_sb *sb, const char *id, const char *names,
	const char *fmt, va_list ap)
{
	char pbuf[PARAMS_LEN], out[PARAMS_LEN];
	oojwt_params p;

	oojwt_params_init(&p, pbuf, sizeof pbuf);
	if (names != NULL && fmt != NULL) {
		oojwt_vfmtp(out, sizeof out, &p, names, fmt, ap);
	}
	oojwt_cli_word_params(sb, id, pbuf);
	oojwt_wipe(out, sizeof out);
	oojwt_wipe(pbuf, sizeof pbuf);
}

void
oojwt_cli_word(oojwt_sb *sb, const char *id, const char *names,
	const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	oojwt_cli_vword(sb, id, names, fmt, ap);
	va_end(ap);
}

/* The word as a string for printf: `sb` holds it, NUL-terminated. */
static const char *
finished(oojwt_sb *sb)
{
	oojwt_sb_put(sb, "", 1);
	return sb->failed ? "" : sb->buf;
}

/* A word to standard output (fd 1) or standard error (2). */
static int
vput(int fd, const char *id, const char *names, const char *fmt, va_list ap)
{
	oojwt_sb sb;
	int rc = -1;

	memset(&sb, 0, sizeof sb);
	oojwt_cli_vword(&sb, id, names, fmt, ap);
	if (!sb.failed && fd == OOJWT_CLI_STDOUT) {
		rc = oojwt_cli_printf("%s", finished(&sb));
	} else if (!sb.failed) {
		oojwt_cli_eprintf("%s", finished(&sb));
		rc = 0;
	}
	oojwt_wipe_free(sb.buf, sb.cap);
	return rc;
}

int
oojwt_cli_wprintf(const char *id, const char *names, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vput(OOJWT_CLI_STDOUT, id, names, fmt, ap);
	va_end(ap);
	return rc;
}

void
oojwt_cli_weprintf(const char *id, const char *names, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)vput(OOJWT_CLI_STDERR, id, names, fmt, ap);
	va_end(ap);
}

void
oojwt_cli_wsnprintf(char *out, size_t cap, const char *id, const char *names,
	const char *fmt, ...)
{
	va_list ap;
	oojwt_sb sb;
	const char *s;
	size_t n;

	if (cap == 0) {
		return;
	}
	memset(&sb, 0, sizeof sb);
	va_start(ap, fmt);
	oojwt_cli_vword(&sb, id, names, fmt, ap);
	va_end(ap);
	s = finished(&sb);
	n = strlen(s);
	n = n < cap ? n : cap - 1;
	memcpy(out, s, n);
	out[n] = 0;
	oojwt_wipe_free(sb.buf, sb.cap);
}

/* ---- reading the diagnosis's English back ------------------------- */

/* The next piece of template `t` at *i: literal text into `lit` (ICU's
 * quoting read: '' is an apostrophe, '{...}' quoted text) up to a {name},
 * returned 0; or the {name} (a plural or select: -1) into `name`,
 * returned 1; 2 at the end. */
static int
piece(const char *t, size_t *i, char *lit, size_t cap, size_t *n,
	char *name, size_t ncap)
{
	size_t k = 0;

	if (t[*i] == 0) {
		return 2;
	}
	if (t[*i] == '{') {
		const char *close = strchr(t + *i, '}');
		size_t m = close != NULL ? (size_t)(close - t) - *i - 1 : ncap;
		if (m >= ncap || memchr(t + *i + 1, ',', m) != NULL) {
			return -1;
		}
		memcpy(name, t + *i + 1, m);
		name[m] = 0;
		*i += m + 2;
		return 1;
	}
	while (t[*i] != 0 && t[*i] != '{' && k + 1 < cap) {
		if (t[*i] == '\'' && t[*i + 1] == '\'') {
			lit[k++] = '\'';
			*i += 2;
		} else if (t[*i] == '\'' && (t[*i + 1] == '{' || t[*i + 1] == '}')) {
			const char *end = strchr(t + *i + 1, '\'');
			size_t m = end != NULL ? (size_t)(end - t) - *i - 1 : 0;
			if (end == NULL || k + m + 1 >= cap) {
				return -1;
			}
			memcpy(lit + k, t + *i + 1, m);
			k += m;
			*i += m + 2;
		} else {
			lit[k++] = t[(*i)++];
		}
	}
	lit[k] = 0;
	*n = k;
	return 0;
}

static void phrase(oojwt_params *p, const char *name, const char *v,
	size_t n, int depth);

/*
 * `text` (`len` bytes) against English template `tmpl` of text and
 * {name} parts (a plural or select never matches): 1 with each part in
 * `p` (as a phrase when one matches) when the text is the template with
 * some text for each part; each part ends at the first place where the
 * literal after it follows (the last one at the end of the text).
 */
static int
match(const char *tmpl, const char *text, size_t len, oojwt_params *p,
	int depth)
{
	size_t ti = 0, at = 0, n = 0;
	char lit[OOJWT_MESSAGE_LEN], name[32];
	int k;

	while ((k = piece(tmpl, &ti, lit, sizeof lit, &n, name, sizeof name)) != 2) {
		size_t from, end, ln = 0;
		char part[32];
		int next;
		if (k < 0) {
			return 0;
		}
		if (k == 0) {
			if (len - at < n || memcmp(text + at, lit, n) != 0) {
				return 0;
			}
			at += n;
			continue;
		}
		memcpy(part, name, sizeof part);
		next = piece(tmpl, &ti, lit, sizeof lit, &ln, name, sizeof name);
		from = at;
		if (next == 2) {
			end = len;
		} else if (next == 0 && tmpl[ti] == 0) {
			if (len - at < ln || memcmp(text + len - ln, lit, ln) != 0) {
				return 0;
			}
			end = len - ln;
		} else if (next == 0) {
			size_t i;
			end = len + 1;
			for (i = at; i + ln <= len; i++) {
				if (memcmp(text + i, lit, ln) == 0) {
					end = i;
					break;
				}
			}
			if (end > len) {
				return 0;
			}
		} else {
			return 0; /* two parts side by side: no place to cut */
		}
		phrase(p, part, text + from, end - from, depth);
		at = end + (next == 0 ? ln : 0);
	}
	return at == len;
}

/* Part `name` of a sentence read back, `n` bytes at `v`, into `p`: in the
 * chosen language when a "phrase." or "why." word's English template
 * matches it (a name, a recogniser's reason a finding quotes), else as
 * it is. */
static void
phrase(oojwt_params *p, const char *name, const char *v, size_t n, int depth)
{
	const oojwt_cli_catalog *c = oojwt_cli_catalog_chosen();
	size_t i;

	if (c != NULL && depth < 3) {
		for (i = 0; i < oojwt_cli_n_en_words; i++) {
			const oojwt_cli_word_entry *w = &oojwt_cli_en_words[i];
			char pbuf[PARAMS_LEN / 2];
			oojwt_params q;
			oojwt_sb sb;
			if (strncmp(w->id, "phrase.", 7) != 0
				&& strncmp(w->id, "why.", 4) != 0)
			{
				continue;
			}
			oojwt_params_init(&q, pbuf, sizeof pbuf);
			if (!match(w->text, v, n, &q, depth + 1) || q.overflow) {
				continue;
			}
			memset(&sb, 0, sizeof sb);
			oojwt_cli_word_params(&sb, w->id, pbuf);
			if (!sb.failed) {
				oojwt_params_str(p, name, sb.buf, sb.len);
				oojwt_wipe_free(sb.buf, sb.cap);
				return;
			}
			oojwt_wipe_free(sb.buf, sb.cap);
		}
	}
	oojwt_params_str(p, name, v, n);
}

int
oojwt_cli_tr(oojwt_sb *sb, const char *text, const char *const *ids,
	size_t n)
{
	size_t i, len = strlen(text);

	if (oojwt_cli_catalog_chosen() != NULL) {
		for (i = 0; i < n; i++) {
			const char *en = oojwt_cli_word_en(ids[i]);
			char pbuf[PARAMS_LEN];
			oojwt_params p;
			oojwt_params_init(&p, pbuf, sizeof pbuf);
			if (en != NULL && match(en, text, len, &p, 0) && !p.overflow) {
				oojwt_cli_word_params(sb, ids[i], pbuf);
				oojwt_wipe(pbuf, sizeof pbuf);
				return 1;
			}
			oojwt_wipe(pbuf, sizeof pbuf);
		}
	}
	oojwt_sb_puts(sb, text);
	return 0;
}

const char *
oojwt_cli_tr_str(oojwt_sb *sb, const char *text, const char *const *ids,
	size_t n)
{
	memset(sb, 0, sizeof *sb);
	(void)oojwt_cli_tr(sb, text, ids, n);
	return finished(sb);
}

const char *
oojwt_cli_phrase_str(oojwt_sb *sb, const char *text)
{
	memset(sb, 0, sizeof *sb);
	oojwt_cli_put_phrase(sb, text, strlen(text));
	return finished(sb);
}

void
oojwt_cli_put_phrase(oojwt_sb *out, const char *s, size_t len)
{
	char pbuf[PARAMS_LEN];
	oojwt_params p;
	oojwt_jv *root = NULL;
	long pos;
	char msg[OOJWT_MESSAGE_LEN];
	const char *v = NULL;

	oojwt_params_init(&p, pbuf, sizeof pbuf);
	phrase(&p, "v", s, len, 0);
	if (!p.overflow && oojwt_json_parse(&root, pbuf, strlen(pbuf), &pos, msg)
		== OOJWT_OK)
	{
		v = oojwt_json_string(oojwt_json_get(root, "v"));
	}
	if (v != NULL) {
		oojwt_sb_puts(out, v);
	} else {
		oojwt_sb_put(out, s, len);
	}
	oojwt_json_free(root);
	oojwt_wipe(pbuf, sizeof pbuf);
}
