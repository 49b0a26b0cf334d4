/*
 * oojwt_diagnose_export(): a finished diagnosis as Markdown or plain
 * text for a forum post or a support ticket (the contract, and what is
 * masked, are in oojwt_diagnose.h). Nothing of an item's text is
 * written: only the report's sentences, the items' names and kinds, and
 * the commands, each through put_masked(), which writes every masked
 * value as "‹secret, N characters›" or "‹token, N characters›".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "diagnose.h"

#define MD OOJWT_DIAG_EXPORT_MARKDOWN

/* How a piece of text is written: prose (Markdown: its special
 * characters escaped), inline code, or the lines of a code block. */
#define AS_PROSE 0
#define AS_CODE  1
#define AS_BLOCK 2

typedef struct {
	oojwt_sb sb;
	const oojwt_diag_masks *m;
	int format;
	const oojwt_diag_words *w;    /* NULL: English */
	const oojwt_diag_report *r;
	char said[4096];              /* the last text say() gave */
} out;

/* The caller's words for `what` (about `index`), else `en`. */
static const char *
say(out *o, int what, size_t index, const char *en)
{
	if (o->w != NULL && o->w->say != NULL && o->w->say(o->w->ctx, what, o->r,
		index, en, o->said, sizeof o->said) == 1)
	{
		o->said[sizeof o->said - 1] = 0;
		return o->said;
	}
	return en;
}

static int
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		|| (c >= '0' && c <= '9') || c == '_';
}

/* The longest masked value at s[i..n) (0: none), its index in *which.
 * A value under 4 bytes counts only where it stands alone. */
static size_t
mask_at(const oojwt_diag_masks *m, const char *s, size_t n, size_t i,
	size_t *which)
{
	size_t k, best = 0;

	for (k = 0; k < m->n; k++) {
		size_t len = m->len[k];
		if (len <= best || len > n - i || memcmp(s + i, m->value[k], len) != 0) {
			continue;
		}
		if (len < 4 && ((i > 0 && word_byte((unsigned char)s[i - 1]))
			|| (i + len < n && word_byte((unsigned char)s[i + len]))))
		{
			continue;
		}
		best = len;
		*which = k;
	}
	return best;
}

/* Characters of a UTF-8 value (bytes that do not continue one). */
static size_t
characters(const unsigned char *v, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		n += (v[i] & 0xC0) != 0x80;
	}
	return n;
}

/* Write s[0..n) masked, stopping at the first character that starts at
 * or after `limit` (a masked value that starts before it is written
 * whole, as its mark); returns the bytes read. */
static size_t
put_masked_upto(out *o, const char *s, size_t n, int as, size_t limit)
{
	size_t i = 0, which = 0, len;
	char mark[64];

	while (i < n && (i < limit || (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80))) {
		unsigned char c = (unsigned char)s[i];
		len = mask_at(o->m, s, n, i, &which);
		if (len > 0) {
			size_t chars = characters(o->m->value[which], o->m->len[which]);
			snprintf(mark, sizeof mark, "\xE2\x80\xB9%s, %lu character%s\xE2\x80\xBA",
				o->m->token[which] ? "token" : "secret", (unsigned long)chars,
				chars == 1 ? "" : "s");
			oojwt_sb_puts(&o->sb, mark);
			i += len;
			continue;
		}
		if (c == '\n' && as == AS_BLOCK) {
			oojwt_sb_put(&o->sb, "\n", 1);
		} else if (c < 0x20 || c == 0x7F) {
			/* A sentence is one line; no control character is written. */
			oojwt_sb_put(&o->sb, " ", 1);
		} else if (o->format == MD && as == AS_PROSE && strchr("\\`*_[]<>#|~", c)
			!= NULL)
		{
			char esc[2];
			esc[0] = '\\';
			esc[1] = (char)c;
			oojwt_sb_put(&o->sb, esc, 2);
		} else {
			oojwt_sb_put(&o->sb, s + i, 1);
		}
		i++;
	}
	return i;
}

static void
put_masked(out *o, const char *s, size_t n, int as)
{
	(void)put_masked_upto(o, s, n, as, n);
}

static void
prose(out *o, const char *s)
{
	put_masked(o, s, strlen(s), AS_PROSE);
}

/* The most bytes of an item's name an export shows (a name is the
 * caller's: a file name, a label; the rest is written "..."), so that
 * the export stays within oojwt_diag_report_bound(). */
#define NAME_SHOWN 120

/* A name or code: `inline code` in Markdown (prose when it holds a
 * backtick or nothing), as it is in text; cut after NAME_SHOWN bytes. */
static void
code(out *o, const char *s, size_t n)
{
	int ticks = o->format == MD && n > 0 && memchr(s, '`', n) == NULL;
	size_t done;

	if (ticks) {
		oojwt_sb_put(&o->sb, "`", 1);
	}
	done = put_masked_upto(o, s, n, ticks || o->format != MD ? AS_CODE
		: AS_PROSE, NAME_SHOWN);
	if (done < n) {
		oojwt_sb_puts(&o->sb, "...");
	}
	if (ticks) {
		oojwt_sb_put(&o->sb, "`", 1);
	}
}

static void
lit(out *o, const char *s)
{
	oojwt_sb_puts(&o->sb, say(o, OOJWT_DIAG_SAY_TEXT, 0, s));
}

/* An item's name (the caller checks it has one). */
static void
item_name(out *o, const oojwt_diag_item *items, size_t i)
{
	const char *en = items[i].name;
	const char *t;
	char name[OOJWT_DIAG_NAME_LEN * 2];

	/* The caller's name is not NUL-terminated: a copy to offer to say(),
	 * as long as it fits (a longer one is shown as it is). */
	if (o->w == NULL || items[i].name_len >= sizeof name) {
		code(o, en, items[i].name_len);
		return;
	}
	memcpy(name, en, items[i].name_len);
	name[items[i].name_len] = 0;
	t = say(o, OOJWT_DIAG_SAY_NAME, i, name);
	code(o, t, strlen(t));
}

/* " (input N: NAME)" for a finding's item. */
static void
from_item(out *o, const oojwt_diag_item *items, int item)
{
	char num[32];

	if (item < 0) {
		return;
	}
	snprintf(num, sizeof num, " (input %d", item + 1);
	lit(o, num);
	if (items[item].name != NULL && items[item].name_len > 0) {
		lit(o, ": ");
		item_name(o, items, (size_t)item);
	}
	lit(o, ")");
}

const char *
oojwt_diag_where_words(const char *run_on)
{
	return run_on != NULL && strcmp(run_on, "ds_host") == 0
		? "on the Document Server host"
		: run_on != NULL && strcmp(run_on, "connector_host") == 0
		? "on the connector's host" : "on any machine";
}

/* A fence of backticks longer than any run of them in `s`. */
static void
fence(out *o, const char *s)
{
	size_t i, run = 0, longest = 0;

	for (i = 0; s[i] != 0; i++) {
		run = s[i] == '`' ? run + 1 : 0;
		longest = run > longest ? run : longest;
	}
	for (i = 0; i < (longest < 3 ? 3 : longest + 1); i++) {
		lit(o, "`");
	}
}

static void
write_export(out *o, const oojwt_diag_report *r, const oojwt_diag_item *items)
{
	int md = o->format == MD;
	size_t i;
	char num[80];

	lit(o, md ? "## oojwt diagnosis\n\n" : "oojwt diagnosis\n===============\n\n");
	if (r->n_findings > 0) {
		const oojwt_diag_finding *v = &r->findings[0];
		const char *name = oojwt_code_name(v->code);
		lit(o, md ? "**" : "");
		oojwt_sb_puts(&o->sb, say(o, OOJWT_DIAG_SAY_VERDICT, 0,
			oojwt_diag_verdict_word(v)));
		lit(o, ": ");
		prose(o, say(o, OOJWT_DIAG_SAY_HEADLINE, 0, r->headline));
		lit(o, md ? "**\n\n- Cause: " : "\nCause: ");
		prose(o, say(o, OOJWT_DIAG_SAY_MESSAGE, 0, v->message));
		if (v->fix[0] != 0) {
			lit(o, md ? "\n- Fix: " : "\nFix: ");
			prose(o, say(o, OOJWT_DIAG_SAY_FIX, 0, v->fix));
		}
		lit(o, md ? "\n- Code: " : "\nCode: ");
		code(o, name != NULL ? name : "?", name != NULL ? strlen(name) : 1);
		from_item(o, items, v->item);
		lit(o, "\n");
	}
	lit(o, md ? "\n### Inputs\n\n" : "\nInputs:\n");
	if (r->n_items == 0) {
		lit(o, md ? "None.\n" : "  none\n");
	}
	for (i = 0; i < r->n_items; i++) {
		const oojwt_diag_recognised *g = &r->items[i];
		snprintf(num, sizeof num, md ? "%lu. " : "  %lu. ", (unsigned long)i + 1);
		lit(o, num);
		if (items[i].name != NULL && items[i].name_len > 0) {
			item_name(o, items, i);
			lit(o, ": ");
		}
		prose(o, say(o, OOJWT_DIAG_SAY_KIND, i, oojwt_diag_kind_label(g->kind)));
		snprintf(num, sizeof num, " (%s confidence)\n",
			oojwt_diag_confidence_name(g->confidence));
		oojwt_sb_puts(&o->sb, say(o, OOJWT_DIAG_SAY_CONFIDENCE, i, num));
	}
	if (r->n_findings > 1) {
		lit(o, md ? "\n### Other findings\n\n" : "\nOther findings:\n");
	}
	for (i = 1; i < r->n_findings; i++) {
		const oojwt_diag_finding *f = &r->findings[i];
		const char *name = oojwt_code_name(f->code);
		lit(o, md ? "- " : "  - ");
		oojwt_sb_puts(&o->sb, say(o, OOJWT_DIAG_SAY_SEVERITY, i,
			oojwt_severity_name(f->severity)));
		lit(o, " ");
		code(o, name != NULL ? name : "?", name != NULL ? strlen(name) : 1);
		from_item(o, items, f->item);
		lit(o, ": ");
		prose(o, say(o, OOJWT_DIAG_SAY_MESSAGE, i, f->message));
		lit(o, "\n");
		if (f->fix[0] != 0) {
			lit(o, md ? "  Fix: " : "    Fix: ");
			prose(o, say(o, OOJWT_DIAG_SAY_FIX, i, f->fix));
			lit(o, "\n");
		}
	}
	if (r->dropped > 0) {
		snprintf(num, sizeof num, "%s(%lu more findings not shown)\n",
			md ? "\n" : "  ", (unsigned long)r->dropped);
		lit(o, num);
	}
	if (r->n_commands > 0) {
		lit(o, md ? "\n### Commands\n" : "\nCommands:\n");
	}
	for (i = 0; i < r->n_commands; i++) {
		const oojwt_diag_command *c = &r->commands[i];
		const char *t = c->text, *nl;
		{
			const char *en = oojwt_diag_where_words(c->run_on);
			const char *t2 = say(o, OOJWT_DIAG_SAY_WHERE, i, en);
			oojwt_sb_puts(&o->sb, md ? "\n" : "  ");
			if (t2 == en) {
				oojwt_sb_puts(&o->sb, "O");
				t2 = en + 1;
			}
			oojwt_sb_puts(&o->sb, t2);
		}
		lit(o, ": ");
		prose(o, say(o, OOJWT_DIAG_SAY_EXPLANATION, i, c->explanation));
		lit(o, md ? ".\n\n" : ".\n");
		if (md) {
			fence(o, t);
			lit(o, "sh\n");
			put_masked(o, t, strlen(t), AS_BLOCK);
			lit(o, "\n");
			fence(o, t);
			lit(o, "\n");
			continue;
		}
		for (; *t != 0; t = nl + (*nl != 0)) {
			nl = strchr(t, '\n');
			nl = nl != NULL ? nl : t + strlen(t);
			lit(o, "    ");
			put_masked(o, t, (size_t)(nl - t), AS_CODE);
			lit(o, "\n");
		}
	}
	lit(o, md ? "\n---\n\n" : "\n");
	lit(o, "Made with oojwt diagnose. Secrets and tokens are masked: "
		"\xE2\x80\xB9secret, N characters\xE2\x80\xBA, \xE2\x80\xB9token, N "
		"characters\xE2\x80\xBA.\n");
}

char *
oojwt_diagnose_export(const oojwt_diag_item *items, size_t n,
	const oojwt_diag_opts *opts, int format, size_t *out_len, int *code_out)
{
	return oojwt_diagnose_export_words(items, n, opts, format, NULL, out_len,
		code_out);
}

char *
oojwt_diagnose_export_words(const oojwt_diag_item *items, size_t n,
	const oojwt_diag_opts *opts, int format, const oojwt_diag_words *words,
	size_t *out_len, int *code_out)
{
	oojwt_diag_report *r;
	oojwt_diag_masks *m;
	out o;
	char *text = NULL;
	int e;

	if (format != OOJWT_DIAG_EXPORT_MARKDOWN && format != OOJWT_DIAG_EXPORT_TEXT) {
		*code_out = OOJWT_ERR_BAD_ARGUMENT;
		return NULL;
	}
	r = malloc(sizeof *r);
	m = malloc(sizeof *m);
	if (r == NULL || m == NULL) {
		free(r);
		free(m);
		*code_out = OOJWT_ERR_NO_MEMORY;
		return NULL;
	}
	memset(m, 0, sizeof *m);
	e = oojwt_diag_run(r, items, n, opts, m);
	if (e == OOJWT_OK && m->failed) {
		/* Never an export with a value left unmasked. */
		e = m->n >= OOJWT_DIAG_MAX_MASKS ? OOJWT_ERR_TOO_LARGE
			: OOJWT_ERR_NO_MEMORY;
	}
	if (e == OOJWT_OK) {
		memset(&o, 0, sizeof o);
		o.m = m;
		o.format = format;
		o.w = words;
		o.r = r;
		write_export(&o, r, items);
		text = oojwt_sb_finish(&o.sb, out_len);
		e = text != NULL ? OOJWT_OK : OOJWT_ERR_NO_MEMORY;
	}
	oojwt_wipe(r, sizeof *r);
	free(r);
	oojwt_diag_masks_free(m);
	free(m);
	*code_out = e;
	return text;
}
