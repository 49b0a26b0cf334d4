/*
 * The user's language: which catalog the human output speaks, and a
 * finding's or an error's message and fix from it. The catalogs are
 * web/lib/locales/LANG.json, turned into C data at build time
 * (tools/catalogs-c.mjs writes build/gen/catalogs.c); English is the C
 * code's own text, so "en" needs no table. --json never passes through
 * here: the reports keep their English messages, with their params.
 *
 * The language is --lang, else the first of LC_ALL, LC_MESSAGES, LANG
 * that is set and not empty (POSIX's order for LC_MESSAGES), read through
 * the host layer. "zh_CN.UTF-8", "zh_CN", "zh-CN" and "zh" all name
 * zh-CN: the codeset and modifier are dropped, '_' is '-', case does not
 * count, and a language alone takes its first catalog. Anything else
 * ("C", "POSIX", a language with no catalog) is English.
 */
#include <string.h>
#include "inner.h"
#include "cli.h"

/* The chosen catalog: NULL is English. The second state of the command
 * line with --quiet's (a run is one process). */
static const oojwt_cli_catalog *chosen;

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* `n` bytes of a language tag against a catalog's: 1 when equal as
 * tags ('_' is '-', any case). */
static int
tag_eq(const char *a, size_t n, const char *b)
{
	size_t i;

	if (strlen(b) != n) {
		return 0;
	}
	for (i = 0; i < n; i++) {
		int c = a[i] == '_' ? '-' : lower((unsigned char)a[i]);
		if (c != lower((unsigned char)b[i])) {
			return 0;
		}
	}
	return 1;
}

/* The catalog a locale name or language tag names: 1 and *out (NULL for
 * English) when one does, else 0. */
static int
lookup(const char *name, size_t len, const oojwt_cli_catalog **out)
{
	size_t n = 0, lang_len = 0, i;

	while (n < len && name[n] != '.' && name[n] != '@') {
		n++;
	}
	while (lang_len < n && name[lang_len] != '_' && name[lang_len] != '-') {
		lang_len++;
	}
	if (tag_eq(name, n, "en") || (lang_len == 2 && tag_eq(name, 2, "en"))) {
		*out = NULL;
		return 1;
	}
	for (i = 0; i < oojwt_cli_n_catalogs; i++) {
		if (tag_eq(name, n, oojwt_cli_catalogs[i].lang)) {
			*out = &oojwt_cli_catalogs[i];
			return 1;
		}
	}
	for (i = 0; i < oojwt_cli_n_catalogs && lang_len > 0; i++) {
		const char *tag = oojwt_cli_catalogs[i].lang;
		char want[16];
		size_t t = strcspn(tag, "-");
		if (t == lang_len && t < sizeof want) {
			memcpy(want, tag, t);
			want[t] = 0;
			if (tag_eq(name, lang_len, want)) {
				*out = &oojwt_cli_catalogs[i];
				return 1;
			}
		}
	}
	return 0;
}

int
oojwt_cli_set_lang(const char *arg)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	chosen = NULL;
	if (arg != NULL) {
		return lookup(arg, strlen(arg), &chosen) ? 0 : -1;
	}
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		char *v = NULL;
		size_t n = 0;
		int set = oojwt_cli_host_getenv(vars[i], &v, &n);
		if (set && v != NULL && n > 0) {
			if (!lookup(v, n, &chosen)) {
				chosen = NULL;
			}
			oojwt_wipe_free(v, n + 1);
			return 0;
		}
		oojwt_wipe_free(v, n + 1);
	}
	return 0;
}

const oojwt_cli_catalog *
oojwt_cli_catalog_chosen(void)
{
	return chosen;
}

const char *
oojwt_cli_lang(void)
{
	return chosen != NULL ? chosen->lang : "en";
}

const char *
oojwt_cli_langs(void)
{
	return oojwt_cli_lang_list;
}

static const oojwt_cli_entry *
entry(const char *code)
{
	size_t i;

	if (chosen == NULL || code == NULL) {
		return NULL;
	}
	for (i = 0; i < chosen->n; i++) {
		if (strcmp(chosen->entries[i].code, code) == 0) {
			return &chosen->entries[i];
		}
	}
	return NULL;
}

void
oojwt_cli_say(oojwt_cli_said *s, const char *code, const oojwt_jv *params,
	const char *message, const char *fix)
{
	const oojwt_cli_entry *e = entry(code);

	memset(s, 0, sizeof *s);
	s->message = message != NULL ? message : "";
	s->fix = fix != NULL ? fix : "";
	if (e == NULL) {
		return;
	}
	/* Each text on its own: a template that cannot be filled (a param the
	 * finding lacks) leaves that text English. An empty English fix stays
	 * empty. */
	if (oojwt_cli_format_put(&s->m, e->message, strlen(e->message), params,
		chosen->lang, oojwt_cli_put_phrase) == 0)
	{
		oojwt_sb_put(&s->m, "", 1);
		if (!s->m.failed) {
			s->message = s->m.buf;
		}
	}
	if (s->fix[0] != 0 && oojwt_cli_format_put(&s->f, e->fix, strlen(e->fix),
		params, chosen->lang, oojwt_cli_put_phrase) == 0)
	{
		oojwt_sb_put(&s->f, "", 1);
		if (!s->f.failed) {
			s->fix = s->f.buf;
		}
	}
}

void
oojwt_cli_say_text(oojwt_cli_said *s, int code, const char *params,
	const char *message, const char *fix)
{
	oojwt_jv *root = NULL;
	long pos;
	char msg[OOJWT_MESSAGE_LEN];

	if (chosen != NULL && params != NULL && params[0] != 0
		&& oojwt_json_parse(&root, params, strlen(params), &pos, msg) != OOJWT_OK)
	{
		root = NULL;
	}
	oojwt_cli_say(s, oojwt_code_name(code), root, message, fix);
	oojwt_json_free(root);
}

void
oojwt_cli_said_free(oojwt_cli_said *s)
{
	oojwt_wipe_free(s->m.buf, s->m.cap);
	oojwt_wipe_free(s->f.buf, s->f.cap);
	memset(s, 0, sizeof *s);
}

void
oojwt_cli_print_finding_said(const char *severity, const char *code,
	const char *path, const oojwt_cli_said *s)
{
	char sev[64];

	oojwt_cli_wsnprintf(sev, sizeof sev, OOJWT_WORD("severity"), "severity",
		"%s", severity);
	oojwt_cli_wprintf(path != NULL && path[0] != 0 ? OOJWT_WORD("finding")
		: OOJWT_WORD("finding_no_path"), "severity,code,path,message,fix",
		"%s%s%s%s%s", sev, code, path, s->message, s->fix);
}

void
oojwt_cli_print_finding(const oojwt_finding *f)
{
	oojwt_cli_said s;


	oojwt_cli_say_text(&s, f->code, f->params, f->message, f->fix);
	oojwt_cli_print_finding_said(oojwt_severity_name(f->severity),
		oojwt_code_name(f->code), f->path, &s);
	oojwt_cli_said_free(&s);
}

void
oojwt_cli_print_issue(const char *kind, const oojwt_issue *e)
{
	oojwt_cli_said s;

	oojwt_cli_say_text(&s, e->code, e->params, e->message, NULL);
	oojwt_cli_printf("%s %s: %s\n", kind, oojwt_code_name(e->code), s.message);
	oojwt_cli_said_free(&s);
}
