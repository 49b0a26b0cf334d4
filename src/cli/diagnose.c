/*
 * oojwt diagnose [INPUT...]: the diagnosis of src/diagnose/ for the
 * command line. Each input is read (@FILE, an existing path, - for
 * standard input, or the text itself) and named; with none, the files of
 * a Document Server host under --root (local.json, ds.conf and the
 * certificate and key it names), each named on stderr. --json prints the
 * report kit.diagnose() returns (oojwt_diagnose_json), --export the
 * report with secrets masked (oojwt_diagnose_export), otherwise what
 * each input was recognised as, then the verdict and its fix, the other
 * findings and the commands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "inner.h"

#define MAX_ITEM ((size_t)16 * 1024 * 1024)

typedef struct {
	char *text[OOJWT_DIAG_MAX_ITEMS];
	size_t len[OOJWT_DIAG_MAX_ITEMS];
	char name[OOJWT_DIAG_MAX_ITEMS][160];
	oojwt_diag_item items[OOJWT_DIAG_MAX_ITEMS];
	size_t n;
} inputs;

static int
read_one(inputs *in, const char *arg, char *err, size_t cap)
{
	size_t k = in->n;
	int code;

	if (strcmp(arg, "-") == 0) {
		code = oojwt_cli_read_file(NULL, MAX_ITEM, &in->text[k], &in->len[k],
			err, cap);
		snprintf(in->name[k], sizeof in->name[k], "standard input");
	} else if (arg[0] == '@') {
		code = oojwt_cli_read_file(arg + 1, MAX_ITEM, &in->text[k], &in->len[k],
			err, cap);
		snprintf(in->name[k], sizeof in->name[k], "%.150s", arg + 1);
	} else if (strchr(arg, '\n') == NULL && oojwt_cli_host_is_file(arg)) {
		code = oojwt_cli_read_file(arg, MAX_ITEM, &in->text[k], &in->len[k],
			err, cap);
		snprintf(in->name[k], sizeof in->name[k], "%.150s", arg);
		if (code == OOJWT_EXIT_OK) {
			oojwt_cli_weprintf(OOJWT_WORD("note.reading_file"), "file", "%s", arg);
		}
	} else {
		size_t n = strlen(arg);
		in->text[k] = malloc(n + 1);
		if (in->text[k] == NULL) {
			snprintf(err, cap, "out of memory");
			return OOJWT_EXIT_INTERNAL;
		}
		memcpy(in->text[k], arg, n + 1);
		in->len[k] = n;
		snprintf(in->name[k], sizeof in->name[k], "argument %u", (unsigned)k + 1);
		code = OOJWT_EXIT_OK;
	}
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	in->items[k].text = in->text[k];
	in->items[k].len = in->len[k];
	in->items[k].name = in->name[k];
	in->items[k].name_len = strlen(in->name[k]);
	in->n++;
	return OOJWT_EXIT_OK;
}

/* The default places of a Document Server host (its packages' layout:
 * document-server-package's local.json and ds.conf, which
 * /etc/nginx/conf.d/ds.conf links to), under --root. */
static const char *const DS_CONFIG = "/etc/onlyoffice/documentserver/local.json";
static const char *const DS_NGINX[] = {
	"/etc/onlyoffice/documentserver/nginx/ds.conf",
	"/etc/nginx/conf.d/ds.conf"
};

/* ROOT + path (root NULL or "/": the path), in `out`. */
static void
under_root(char *out, size_t cap, const char *root, const char *path)
{
	size_t n = root != NULL ? strlen(root) : 0;

	while (n > 0 && root[n - 1] == '/') {
		n--;
	}
	snprintf(out, cap, "%.*s%s", (int)n, n > 0 ? root : "", path);
}

/* Read the file at ROOT + path, when it is one, as an input, and say so
 * on stderr as `what` (NULL: the caller says it); a file that cannot be
 * read is said and skipped. 1 when read. */
static int
read_place(inputs *in, const char *root, const char *path, const char *what)
{
	char full[1200], err[700];
	size_t k = in->n;

	if (in->n >= OOJWT_DIAG_MAX_ITEMS) {
		return 0;
	}
	under_root(full, sizeof full, root, path);
	if (!oojwt_cli_host_is_file(full)) {
		return 0;
	}
	if (oojwt_cli_read_file(full, MAX_ITEM, &in->text[k], &in->len[k], err,
		sizeof err) != OOJWT_EXIT_OK)
	{
		oojwt_cli_weprintf(OOJWT_WORD("diagnose.skipped"), "what,error", "%s%s",
			what != NULL ? what : full, err);
		return 0;
	}
	snprintf(in->name[k], sizeof in->name[k], "%.150s", full);
	in->items[k].text = in->text[k];
	in->items[k].len = in->len[k];
	in->items[k].name = in->name[k];
	in->items[k].name_len = strlen(in->name[k]);
	in->n++;
	if (what != NULL) {
		oojwt_cli_weprintf(OOJWT_WORD("diagnose.read"), "file,what", "%s%s",
			full, what);
	}
	return 1;
}

/*
 * No input: what a Document Server host holds -- local.json, nginx's
 * ds.conf, and the certificate and key that ds.conf names. OOJWT_EXIT_OK,
 * or OOJWT_EXIT_INTERNAL when memory runs out.
 */
static int
read_host(inputs *in, const char *root)
{
	size_t k, first_conf = OOJWT_DIAG_MAX_ITEMS;

	(void)read_place(in, root, DS_CONFIG, "Document Server's local.json");
	for (k = 0; k < sizeof DS_NGINX / sizeof *DS_NGINX; k++) {
		size_t at = in->n;
		if (!read_place(in, root, DS_NGINX[k], NULL)) {
			continue;
		}
		if (first_conf < OOJWT_DIAG_MAX_ITEMS && in->len[at] == in->len[first_conf]
			&& memcmp(in->text[at], in->text[first_conf], in->len[at]) == 0)
		{
			/* The link the package makes to the same file: once is enough. */
			oojwt_cli_weprintf(OOJWT_WORD("diagnose.read_same"), "file", "%s",
				in->name[at]);
			oojwt_wipe_free(in->text[at], in->len[at] + 1);
			in->n--;
			continue;
		}
		oojwt_cli_weprintf(OOJWT_WORD("diagnose.read_nginx"), "file", "%s",
			in->name[at]);
		if (first_conf == OOJWT_DIAG_MAX_ITEMS) {
			first_conf = at;
		}
	}
	if (first_conf < OOJWT_DIAG_MAX_ITEMS) {
		oojwt_nginx_config *ng = malloc(sizeof *ng);
		if (ng == NULL) {
			return OOJWT_EXIT_INTERNAL;
		}
		memset(ng, 0, sizeof *ng);
		if (oojwt_nginx_read(ng, in->text[first_conf], in->len[first_conf])
			== OOJWT_OK)
		{
			if (ng->has_certificate) {
				(void)read_place(in, root, ng->certificate,
					"the certificate ds.conf names");
			}
			if (ng->has_certificate_key) {
				(void)read_place(in, root, ng->certificate_key,
					"the key ds.conf names");
			}
		}
		oojwt_nginx_config_free(ng);
		free(ng);
	}
	return OOJWT_EXIT_OK;
}

static void
free_inputs(inputs *in)
{
	size_t i;

	for (i = 0; i < in->n; i++) {
		oojwt_wipe_free(in->text[i], in->len[i] + 1);
	}
}

/* The recogniser's reasons (src/diagnose/recognise.c), read back by
 * their English for the human output in another language. */
static const char *const WHY[] = {
	OOJWT_WORD("why.json_broken"), OOJWT_WORD("why.json_not_object"),
	OOJWT_WORD("why.local_json"), OOJWT_WORD("why.editor_config"),
	OOJWT_WORD("why.callback_body"), OOJWT_WORD("why.command_body"),
	OOJWT_WORD("why.conversion_body"), OOJWT_WORD("why.request_parts"),
	OOJWT_WORD("why.token_member"), OOJWT_WORD("why.json_unknown"),
	OOJWT_WORD("why.invalid_token"), OOJWT_WORD("why.ds_log_success"),
	OOJWT_WORD("why.log_line"),
	OOJWT_WORD("why.authorization"), OOJWT_WORD("why.token_quoted"),
	OOJWT_WORD("why.token"), OOJWT_WORD("why.empty"),
	OOJWT_WORD("why.certificate"), OOJWT_WORD("why.pem_key"),
	OOJWT_WORD("why.http_request"), OOJWT_WORD("why.page_source"),
	OOJWT_WORD("why.docker_exec"), OOJWT_WORD("why.docker_exec_bare"),
	OOJWT_WORD("why.docker_env"), OOJWT_WORD("why.download_link"),
	OOJWT_WORD("why.connector_settings"), OOJWT_WORD("why.nginx_config"),
	OOJWT_WORD("why.bare_value"), OOJWT_WORD("why.other_link"),
	OOJWT_WORD("why.other_settings"), OOJWT_WORD("why.other"),
	OOJWT_WORD("why.symptom")
};

/* A verdict's cause in a few words (src/diagnose/ short_cause). */
static const char *const CAUSE[] = {
	OOJWT_WORD("cause.no_token"), OOJWT_WORD("cause.all_clear"),
	OOJWT_WORD("cause.verifies"), OOJWT_WORD("cause.unreadable"),
	OOJWT_WORD("cause.not_hs"), OOJWT_WORD("cause.no_secret"),
	OOJWT_WORD("cause.unknown_secret"), OOJWT_WORD("cause.no_ip"),
	OOJWT_WORD("cause.truncated"), OOJWT_WORD("cause.other_secret"),
	OOJWT_WORD("cause.variant_added"), OOJWT_WORD("cause.variant_trimmed"),
	OOJWT_WORD("cause.variant_no_newline"), OOJWT_WORD("cause.variant_quoted"),
	OOJWT_WORD("cause.variant_unquoted"), OOJWT_WORD("cause.variant_decoded"),
	OOJWT_WORD("cause.variant_default"), OOJWT_WORD("cause.variant"),
	OOJWT_WORD("cause.rejected")
};

static const char *const KIND[OOJWT_DIAG_KINDS] = {
	OOJWT_WORD("kind.unknown"), OOJWT_WORD("kind.token"),
	OOJWT_WORD("kind.authorization"), OOJWT_WORD("kind.log_line"),
	OOJWT_WORD("kind.ds_log"), OOJWT_WORD("kind.editor_config"),
	OOJWT_WORD("kind.page_source"), OOJWT_WORD("kind.http_request"),
	OOJWT_WORD("kind.request_body"), OOJWT_WORD("kind.local_json"),
	OOJWT_WORD("kind.docker_env"), OOJWT_WORD("kind.docker_exec"),
	OOJWT_WORD("kind.bare_value"), OOJWT_WORD("kind.connector_settings"),
	OOJWT_WORD("kind.nginx_config"), OOJWT_WORD("kind.certificate"),
	OOJWT_WORD("kind.pem_key"), OOJWT_WORD("kind.download_link"),
	OOJWT_WORD("kind.editor_error"), OOJWT_WORD("kind.connector_error")
};

#define N_OF(a) (sizeof (a) / sizeof *(a))

/* The recogniser's reason for item `g`: a symptom's in the product's
 * own words of the chosen language where it has them. */
static void
why(oojwt_sb *sb, const oojwt_diag_recognised *g)
{
	const oojwt_symptom *sy = g->symptom > 0
		? oojwt_symptom_at((size_t)g->symptom - 1) : NULL;
	oojwt_sb t;

	memset(&t, 0, sizeof t);
	if (sy != NULL && sy->zh != NULL && oojwt_cli_catalog_chosen() != NULL
		&& oojwt_cli_tr(&t, g->why, WHY + N_OF(WHY) - 1, 1))
	{
		const char *br = strstr(sy->zh, "<br>");
		char text[OOJWT_MESSAGE_LEN];
		snprintf(text, sizeof text, "%.*s", (int)(br != NULL
			? (size_t)(br - sy->zh) : strlen(sy->zh)), sy->zh);
		oojwt_cli_word(sb, OOJWT_WORD("why.symptom_own"), "product,text",
			"%s%s", sy->product, text);
		oojwt_wipe_free(t.buf, t.cap);
		return;
	}
	oojwt_wipe_free(t.buf, t.cap);
	(void)oojwt_cli_tr(sb, g->why, WHY, N_OF(WHY));
}

static const char *
item_name(const inputs *in, int i)
{
	return in->name[i];
}

/* ERROR, WARNING, OK, NOTE in the chosen language, into `out`. */
static const char *
verdict_word(char *out, size_t cap, const oojwt_diag_finding *v)
{
	oojwt_cli_wsnprintf(out, cap, OOJWT_WORD("verdict"), "word", "%s",
		oojwt_diag_verdict_word(v));
	return out;
}

/* The verdict's headline in the chosen language (not English): who
 * refuses what (its code's catalog entry), and the cause in a few words
 * where a template reads it back, else the verdict's message from the
 * code catalog. */
static void
headline(oojwt_sb *sb, const oojwt_diag_report *r)
{
	const oojwt_diag_finding *v = &r->findings[0];
	oojwt_sb k;
	oojwt_cli_said said, who;

	memset(&k, 0, sizeof k);
	oojwt_cli_say_text(&said, v->code, v->params, v->message, v->fix);
	oojwt_cli_say_text(&who, OOJWT_SAY_DIAG_CONSEQUENCE,
		r->consequence_params, r->consequence, "");
	if (!oojwt_cli_tr(&k, v->short_cause, CAUSE, N_OF(CAUSE))) {
		k.len = 0;
		oojwt_sb_puts(&k, said.message);
	}
	oojwt_sb_put(&k, "", 1);
	oojwt_cli_word(sb, OOJWT_WORD("diagnose.headline_parts"),
		"consequence,cause", "%s%s", who.message,
		k.buf != NULL && !k.failed ? k.buf : "");
	oojwt_cli_said_free(&said);
	oojwt_cli_said_free(&who);
	oojwt_wipe_free(k.buf, k.cap);
}

/* The export's fixed texts (src/diagnose/export.c), by their English. */
static const char *const EXPORT[] = {
	OOJWT_WORD("export.title_md"), OOJWT_WORD("export.title_text"),
	OOJWT_WORD("export.cause_md"), OOJWT_WORD("export.cause_text"),
	OOJWT_WORD("export.fix_md"), OOJWT_WORD("export.fix_text"),
	OOJWT_WORD("export.code_md"), OOJWT_WORD("export.code_text"),
	OOJWT_WORD("export.inputs_md"), OOJWT_WORD("export.inputs_text"),
	OOJWT_WORD("export.none_md"), OOJWT_WORD("export.none_text"),
	OOJWT_WORD("export.other_md"), OOJWT_WORD("export.other_text"),
	OOJWT_WORD("export.other_fix_md"), OOJWT_WORD("export.other_fix_text"),
	OOJWT_WORD("export.dropped"), OOJWT_WORD("export.commands_md"),
	OOJWT_WORD("export.commands_text"), OOJWT_WORD("export.input"),
	OOJWT_WORD("export.made_with")
};

/* The export's words in the chosen language (oojwt_diag_words). */
static int
export_say(void *ctx, int what, const oojwt_diag_report *r, size_t index,
	const char *en, char *out, size_t cap)
{
	oojwt_sb sb;
	int done = 1;

	(void)ctx;
	memset(&sb, 0, sizeof sb);
	switch (what) {
	case OOJWT_DIAG_SAY_TEXT:
		done = oojwt_cli_tr(&sb, en, EXPORT, N_OF(EXPORT));
		break;
	case OOJWT_DIAG_SAY_HEADLINE:
		headline(&sb, r);
		break;
	case OOJWT_DIAG_SAY_VERDICT:
		oojwt_cli_word(&sb, OOJWT_WORD("verdict"), "word", "%s", en);
		break;
	case OOJWT_DIAG_SAY_SEVERITY:
		oojwt_cli_word(&sb, OOJWT_WORD("severity"), "severity", "%s", en);
		break;
	case OOJWT_DIAG_SAY_MESSAGE:
	case OOJWT_DIAG_SAY_FIX: {
		const oojwt_diag_finding *f = &r->findings[index];
		oojwt_cli_said s;
		oojwt_cli_say_text(&s, f->code, f->params, f->message, f->fix);
		oojwt_sb_puts(&sb, what == OOJWT_DIAG_SAY_FIX ? s.fix : s.message);
		oojwt_cli_said_free(&s);
		break;
	}
	case OOJWT_DIAG_SAY_KIND:
		oojwt_cli_word(&sb, r->items[index].kind >= 0
			&& r->items[index].kind < OOJWT_DIAG_KINDS
			? KIND[r->items[index].kind] : KIND[0], NULL, NULL);
		break;
	case OOJWT_DIAG_SAY_CONFIDENCE: {
		char conf[64];
		oojwt_cli_wsnprintf(conf, sizeof conf, OOJWT_WORD("diagnose.confidence"),
			"confidence", "%s",
			oojwt_diag_confidence_name(r->items[index].confidence));
		oojwt_cli_word(&sb, OOJWT_WORD("export.confidence"), "confidence", "%s",
			conf);
		break;
	}
	case OOJWT_DIAG_SAY_NAME:
		oojwt_cli_put_phrase(&sb, en, strlen(en));
		break;
	case OOJWT_DIAG_SAY_WHERE:
		oojwt_cli_word(&sb, OOJWT_WORD("export.where"), "runOn", "%s",
			r->commands[index].run_on);
		break;
	case OOJWT_DIAG_SAY_EXPLANATION:
		done = oojwt_cli_tr(&sb, en, oojwt_cli_explain_ids,
			oojwt_cli_n_explain_ids);
		break;
	default:
		done = 0;
		break;
	}
	oojwt_sb_put(&sb, "", 1);
	if (done && !sb.failed) {
		size_t n = strlen(sb.buf);
		n = n < cap ? n : cap - 1;
		memcpy(out, sb.buf, n);
		out[n] = 0;
	}
	oojwt_wipe_free(sb.buf, sb.cap);
	return done && !sb.failed;
}

static void
human(const oojwt_cli_opts *o, const oojwt_diag_report *r, const inputs *in)
{
	size_t i;
	oojwt_sb sb;
	char word[64];

	memset(&sb, 0, sizeof sb);
	if (r->n_findings > 0) {
		const oojwt_diag_finding *v = &r->findings[0];
		if (oojwt_cli_catalog_chosen() != NULL) {
			headline(&sb, r);
		} else {
			oojwt_sb_puts(&sb, r->headline);
		}
		oojwt_sb_put(&sb, "", 1);
		if (o->quiet) {
			oojwt_cli_wprintf(OOJWT_WORD("diagnose.quiet"), "word,headline",
				"%s%s", verdict_word(word, sizeof word, v), sb.failed ? "" : sb.buf);
			oojwt_wipe_free(sb.buf, sb.cap);
			return;
		}
	}
	for (i = 0; i < r->n_items; i++) {
		const oojwt_diag_recognised *g = &r->items[i];
		oojwt_sb kind, conf, w;
		memset(&kind, 0, sizeof kind);
		memset(&conf, 0, sizeof conf);
		memset(&w, 0, sizeof w);
		oojwt_cli_word(&kind, g->kind >= 0 && g->kind < OOJWT_DIAG_KINDS
			? KIND[g->kind] : KIND[0], NULL, NULL);
		oojwt_cli_word(&conf, OOJWT_WORD("diagnose.confidence"), "confidence",
			"%s", oojwt_diag_confidence_name(g->confidence));
		why(&w, g);
		oojwt_sb_put(&kind, "", 1);
		oojwt_sb_put(&conf, "", 1);
		oojwt_sb_put(&w, "", 1);
		oojwt_cli_wprintf(OOJWT_WORD("diagnose.item"), "n,name,kind,confidence",
			"%z%s%s%s", i + 1, item_name(in, (int)i), kind.failed ? "" : kind.buf,
			conf.failed ? "" : conf.buf);
		oojwt_cli_printf("   %s\n", w.failed ? "" : w.buf);
		oojwt_wipe_free(kind.buf, kind.cap);
		oojwt_wipe_free(conf.buf, conf.cap);
		oojwt_wipe_free(w.buf, w.cap);
	}
	if (r->n_findings == 0) {
		oojwt_wipe_free(sb.buf, sb.cap);
		return;
	}
	{
		const oojwt_diag_finding *v = &r->findings[0];
		oojwt_cli_said s;
		oojwt_cli_say_text(&s, v->code, v->params, v->message, v->fix);
		oojwt_cli_wprintf(OOJWT_WORD("diagnose.headline"), "word,headline",
			"%s%s", verdict_word(word, sizeof word, v), sb.failed ? "" : sb.buf);
		oojwt_cli_wprintf(OOJWT_WORD("diagnose.cause"), "text", "%s", s.message);
		if (s.fix[0] != 0) {
			oojwt_cli_wprintf(OOJWT_WORD("diagnose.fix"), "text", "%s", s.fix);
		}
		oojwt_cli_said_free(&s);
		if (v->item >= 0) {
			oojwt_cli_wprintf(OOJWT_WORD("diagnose.from"), "n,name", "%d%s",
				v->item + 1, item_name(in, v->item));
		}
	}
	oojwt_wipe_free(sb.buf, sb.cap);
	if (r->n_findings > 1) {
		oojwt_cli_wprintf(OOJWT_WORD("diagnose.other_findings"), NULL, NULL);
	}
	for (i = 1; i < r->n_findings; i++) {
		const oojwt_diag_finding *f = &r->findings[i];
		const char *code = oojwt_code_name(f->code) != NULL
			? oojwt_code_name(f->code) : "?";
		oojwt_cli_said s;
		oojwt_sb sev;
		memset(&sev, 0, sizeof sev);
		oojwt_cli_word(&sev, OOJWT_WORD("severity"), "severity", "%s",
			oojwt_severity_name(f->severity));
		oojwt_sb_put(&sev, "", 1);
		oojwt_cli_say_text(&s, f->code, f->params, f->message, f->fix);
		if (f->item >= 0) {
			oojwt_cli_wprintf(OOJWT_WORD("diagnose.other_item"),
				"severity,code,n,name,text", "%s%s%d%s%s", sev.failed ? ""
				: sev.buf, code, f->item + 1, item_name(in, f->item), s.message);
		} else {
			oojwt_cli_wprintf(OOJWT_WORD("diagnose.other"), "severity,code,text",
				"%s%s%s", sev.failed ? "" : sev.buf, code, s.message);
		}
		if (s.fix[0] != 0) {
			oojwt_cli_wprintf(OOJWT_WORD("diagnose.other_fix"), "text", "%s",
				s.fix);
		}
		oojwt_cli_said_free(&s);
		oojwt_wipe_free(sev.buf, sev.cap);
	}
	if (r->dropped > 0) {
		oojwt_cli_wprintf(OOJWT_WORD("diagnose.dropped"), "n", "%z", r->dropped);
	}
	for (i = 0; i < r->n_commands; i++) {
		const oojwt_diag_command *c = &r->commands[i];
		const char *t = c->text, *nl;
		oojwt_sb where, ex;
		memset(&where, 0, sizeof where);
		oojwt_cli_word(&where, OOJWT_WORD("diagnose.where"), "runOn", "%s",
			c->run_on);
		oojwt_sb_put(&where, "", 1);
		if (i == 0) {
			oojwt_cli_wprintf(OOJWT_WORD("diagnose.commands"), NULL, NULL);
		}
		oojwt_cli_wprintf(OOJWT_WORD("diagnose.command"), "where,explanation",
			"%s%s", where.failed ? "" : where.buf,
			oojwt_cli_tr_str(&ex, c->explanation, oojwt_cli_explain_ids,
			oojwt_cli_n_explain_ids));
		oojwt_wipe_free(where.buf, where.cap);
		oojwt_wipe_free(ex.buf, ex.cap);
		for (; *t != 0; t = nl + (*nl != 0)) {
			nl = strchr(t, '\n');
			nl = nl != NULL ? nl : t + strlen(t);
			oojwt_cli_printf("    %.*s\n", (int)(nl - t), t);
		}
	}
}

int
oojwt_cli_diagnose(const oojwt_cli_opts *o)
{
	inputs *in = calloc(1, sizeof *in);
	oojwt_diag_secret sec;
	oojwt_diag_opts d;
	unsigned char *secret = NULL;
	size_t secret_len = 0, i;
	char err[1400];
	int code = OOJWT_EXIT_OK, format = -1;

	if (in == NULL) {
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	memset(&d, 0, sizeof d);
	d.now = o->has_now ? o->now : oojwt_cli_host_now();
	if (o->local_json != NULL) {
		code = read_one(in, o->local_json, err, sizeof err);
	}
	for (i = 0; i < o->n_inputs && code == OOJWT_EXIT_OK; i++) {
		if (in->n >= OOJWT_DIAG_MAX_ITEMS) {
			oojwt_cli_wsnprintf(err, sizeof err, OOJWT_WORD("usage.too_many"), "n",
				"%z", (size_t)OOJWT_DIAG_MAX_ITEMS);
			code = OOJWT_EXIT_USAGE;
			break;
		}
		code = read_one(in, o->inputs[i], err, sizeof err);
	}
	if (code == OOJWT_EXIT_OK && o->export_format != NULL) {
		if (strcmp(o->export_format, "markdown") == 0) {
			format = OOJWT_DIAG_EXPORT_MARKDOWN;
		} else if (strcmp(o->export_format, "text") == 0) {
			format = OOJWT_DIAG_EXPORT_TEXT;
		} else {
			char f[104];
			snprintf(f, sizeof f, "%.100s", o->export_format);
			oojwt_cli_wsnprintf(err, sizeof err, OOJWT_WORD("usage.export_format"),
				"format", "%s", f);
			code = OOJWT_EXIT_USAGE;
		}
		if (code == OOJWT_EXIT_OK && o->json) {
			oojwt_cli_wsnprintf(err, sizeof err, OOJWT_WORD("usage.export_json"),
				NULL, NULL);
			code = OOJWT_EXIT_USAGE;
		}
	}
	if (code == OOJWT_EXIT_OK && in->n == 0) {
		code = read_host(in, o->root);
		if (code == OOJWT_EXIT_OK && in->n == 0) {
			char place[1200];
			under_root(place, sizeof place, o->root, DS_CONFIG);
			place[500] = 0;
			oojwt_cli_wsnprintf(err, sizeof err, OOJWT_WORD("usage.nothing"),
				"place", "%s", place);
			code = OOJWT_EXIT_USAGE;
		}
	}
	if (code == OOJWT_EXIT_OK && (o->secret != NULL || o->secret_file != NULL
		|| o->secret_env != NULL
		|| oojwt_cli_host_getenv("OOJWT_SECRET", NULL, NULL)))
	{
		oojwt_cli_opts so = *o;
		so.local_json = NULL;
		code = oojwt_cli_secret(&so, &secret, &secret_len, err, sizeof err);
		if (code == OOJWT_EXIT_OK) {
			sec.value = secret;
			sec.len = secret_len;
			sec.name = o->secret_file != NULL ? "the secret of --secret-file"
				: o->secret != NULL ? "the secret of --secret"
				: "the secret of the environment";
			sec.name_len = strlen(sec.name);
			d.secrets = &sec;
			d.n_secrets = 1;
		}
	}
	if (code != OOJWT_EXIT_OK) {
		oojwt_cli_error(o->command, err);
		free_inputs(in);
		free(in);
		oojwt_wipe_free(secret, secret_len + 1);
		return code;
	}
	if (o->json) {
		size_t len = 0;
		char *rep = oojwt_diagnose_json(in->items, in->n, &d, &len);
		if (rep == NULL) {
			oojwt_cli_error(o->command, "out of memory");
			code = OOJWT_EXIT_INTERNAL;
		} else {
			int problem = strstr(rep, "\"verdict\":{\"severity\":\"error\"") != NULL
				|| strstr(rep, "\"verdict\":{\"severity\":\"warning\"") != NULL;
			code = oojwt_cli_print_report(o, rep, len);
			if (code == OOJWT_EXIT_OK && problem) {
				code = OOJWT_EXIT_INVALID;
			}
		}
	} else {
		oojwt_diag_report *r = malloc(sizeof *r);
		int e = r != NULL ? oojwt_diagnose(r, in->items, in->n, &d)
			: OOJWT_ERR_NO_MEMORY;
		char *text = NULL;
		size_t len = 0;
		if (e == OOJWT_OK && format >= 0) {
			oojwt_diag_words words;
			words.say = export_say;
			words.ctx = NULL;
			text = oojwt_diagnose_export_words(in->items, in->n, &d, format,
				oojwt_cli_catalog_chosen() != NULL ? &words : NULL, &len, &e);
		}
		if (e != OOJWT_OK) {
			oojwt_cli_error(o->command, oojwt_code_name(e));
			code = e == OOJWT_ERR_TOO_LARGE ? OOJWT_EXIT_INPUT : OOJWT_EXIT_INTERNAL;
		} else {
			if (text != NULL) {
				(void)oojwt_cli_out(text, len);
			} else {
				human(o, r, in);
			}
			code = oojwt_cli_host_flush() == 0 ? (r->n_findings > 0
				&& r->findings[0].severity != OOJWT_SEVERITY_INFO
				? OOJWT_EXIT_INVALID : OOJWT_EXIT_OK) : OOJWT_EXIT_INTERNAL;
		}
		if (r != NULL) {
			oojwt_wipe(r, sizeof *r);
			free(r);
		}
		if (text != NULL) {
			oojwt_wipe_free(text, len + 1);
		}
	}
	free_inputs(in);
	free(in);
	oojwt_wipe_free(secret, secret_len + 1);
	return code;
}

/* The symptom table's own words (src/diagnose/symptoms.c): what each
 * means, what to paste and where, read back by their English. */
static const char *const SYMPTOM[] = {
	OOJWT_WORD("symptom.means.editor_token_invalid"),
	OOJWT_WORD("symptom.means.editor_token_expired"),
	OOJWT_WORD("symptom.means.editor_access_denied"),
	OOJWT_WORD("symptom.means.editor_download_failed"),
	OOJWT_WORD("symptom.means.editor_key_descriptor_unknown"),
	OOJWT_WORD("symptom.means.editor_key_descriptor_expired"),
	OOJWT_WORD("symptom.means.editor_session_token"),
	OOJWT_WORD("symptom.means.nextcloud_invalid_token"),
	OOJWT_WORD("symptom.means.nextcloud_connect_error"),
	OOJWT_WORD("symptom.means.nextcloud_access_denied"),
	OOJWT_WORD("symptom.means.owncloud_invalid_token"),
	OOJWT_WORD("symptom.means.owncloud_connect_error"),
	OOJWT_WORD("symptom.means.moodle_incorrect_secret"),
	OOJWT_WORD("symptom.means.moodle_incorrect_jwt_header"),
	OOJWT_WORD("symptom.means.ds_checkjwt_error"),
	OOJWT_WORD("symptom.means.ds_auth_missing_parameter"),
	OOJWT_WORD("symptom.means.ds_token_modified_permissions"),
	OOJWT_WORD("symptom.means.ds_token_invalid_format"),
	OOJWT_WORD("symptom.means.ds_download_error_response"),
	OOJWT_WORD("symptom.means.ds_converter_download_error"),
	OOJWT_WORD("symptom.paste.editor_config"),
	OOJWT_WORD("symptom.paste.local_json"),
	OOJWT_WORD("symptom.paste.checkjwt_line"),
	OOJWT_WORD("symptom.paste.time"),
	OOJWT_WORD("symptom.paste.filldata_lines"),
	OOJWT_WORD("symptom.paste.downloadfile_lines"),
	OOJWT_WORD("symptom.paste.connector_secret"),
	OOJWT_WORD("symptom.paste.checkjwt_lines"),
	OOJWT_WORD("symptom.paste.nextcloud_secret"),
	OOJWT_WORD("symptom.paste.ds_inbox"),
	OOJWT_WORD("symptom.paste.whole_message"),
	OOJWT_WORD("symptom.paste.nextcloud_log"),
	OOJWT_WORD("symptom.paste.owncloud_secret"),
	OOJWT_WORD("symptom.paste.owncloud_log"),
	OOJWT_WORD("symptom.paste.moodle_secret"),
	OOJWT_WORD("symptom.paste.moodle_settings"),
	OOJWT_WORD("symptom.paste.log_line_token"),
	OOJWT_WORD("symptom.paste.log_line"),
	OOJWT_WORD("symptom.paste.log_line_status"),
	OOJWT_WORD("symptom.paste.log_line_stack"),
	OOJWT_WORD("symptom.paste.where_page"),
	OOJWT_WORD("symptom.paste.where_local_json"),
	OOJWT_WORD("symptom.paste.where_date"),
	OOJWT_WORD("symptom.paste.where_occ"),
	OOJWT_WORD("symptom.paste.where_nc_toast"),
	OOJWT_WORD("symptom.paste.where_nc_log"),
	OOJWT_WORD("symptom.paste.where_oc_message"),
	OOJWT_WORD("symptom.paste.where_oc_log"),
	OOJWT_WORD("symptom.paste.where_moodle_settings"),
	OOJWT_WORD("symptom.paste.where_moodle_secret"),
};

/* A product's text as it shows: "<br>" is where it breaks the line. */
static void
print_text(const char *label, const char *t)
{
	const char *br;

	oojwt_cli_printf("  %-8s", label);
	while ((br = strstr(t, "<br>")) != NULL) {
		oojwt_cli_printf("%.*s\n          ", (int)(br - t), t);
		t = br + 4;
	}
	oojwt_cli_printf("%s\n", t);
}

int
oojwt_cli_symptoms(const oojwt_cli_opts *o)
{
	size_t i, j, len = 0;
	char none[160];

	if (o->input != NULL) {
		char msg[300];
		oojwt_cli_wsnprintf(msg, sizeof msg, OOJWT_WORD("usage.symptoms_input"),
			NULL, NULL);
		oojwt_cli_error(o->command, msg);
		return OOJWT_EXIT_USAGE;
	}
	if (o->json) {
		char *rep = oojwt_symptoms_json(&len);
		if (rep == NULL) {
			oojwt_cli_error(o->command, "out of memory");
			return OOJWT_EXIT_INTERNAL;
		}
		return oojwt_cli_print_report(o, rep, len);
	}
	oojwt_cli_wsnprintf(none, sizeof none, OOJWT_WORD("symptoms.none"), NULL,
		NULL);
	for (i = 0; i < oojwt_symptom_count(); i++) {
		const oojwt_symptom *s = oojwt_symptom_at(i);
		oojwt_sb m;
		if (i > 0) {
			oojwt_cli_printf("\n");
		}
		oojwt_cli_wprintf(OOJWT_WORD("symptoms.title"), "id,product", "%s%s",
			s->id, s->product);
		print_text("en", s->en);
		print_text("zh-CN", s->zh != NULL ? s->zh : none);
		oojwt_cli_wprintf(OOJWT_WORD("symptoms.means"), "text", "%s",
			oojwt_cli_tr_str(&m, s->means, SYMPTOM, N_OF(SYMPTOM)));
		oojwt_wipe_free(m.buf, m.cap);
		for (j = 0; j < s->n_paste; j++) {
			oojwt_sb what, where;
			oojwt_cli_wprintf(j == 0 ? OOJWT_WORD("symptoms.paste")
				: OOJWT_WORD("symptoms.paste_more"), "what,where", "%s%s",
				oojwt_cli_tr_str(&what, s->paste[j].what, SYMPTOM, N_OF(SYMPTOM)),
				oojwt_cli_tr_str(&where, s->paste[j].where, SYMPTOM,
				N_OF(SYMPTOM)));
			oojwt_wipe_free(what.buf, what.cap);
			oojwt_wipe_free(where.buf, where.cap);
		}
	}
	return oojwt_cli_host_flush() == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
}
