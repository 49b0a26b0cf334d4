/*
 * oojwt diagnose [INPUT...]: the diagnosis of src/diagnose/ for the
 * command line. Each input is read (@FILE, an existing path, - for
 * standard input, or the text itself) and named; --json prints the
 * report kit.diagnose() returns (oojwt_diagnose_json), otherwise what
 * each input was recognised as, then the verdict and its fix, then the
 * other findings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "inner.h"

#define MAX_ITEM ((size_t)16 * 1024 * 1024)

/* The default places of a Document Server host (its packages' layout). */
static const char *const DEFAULT_PLACES[] = {
	"/etc/onlyoffice/documentserver/local.json",
	"/etc/onlyoffice/documentserver/nginx/ds.conf"
};

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
			oojwt_cli_eprintf("oojwt: note: reading the file '%s' (write @%s to "
				"say so)\n", arg, arg);
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

static void
free_inputs(inputs *in)
{
	size_t i;

	for (i = 0; i < in->n; i++) {
		oojwt_wipe_free(in->text[i], in->len[i] + 1);
	}
}

/* The verdict's first word: OK only when nothing is wrong (a token DS
 * accepts, or nothing found); an info verdict that asks for more is a
 * NOTE. */
static const char *
verdict_word(const oojwt_diag_finding *v)
{
	return v->severity == OOJWT_SEVERITY_ERROR ? "ERROR"
		: v->severity == OOJWT_SEVERITY_WARNING ? "WARNING"
		: v->code == OOJWT_FIND_DIAG_ALL_CLEAR
		|| v->code == OOJWT_FIND_DIAG_TOKEN_VERIFIES ? "OK" : "NOTE";
}

static void
human(const oojwt_cli_opts *o, const oojwt_diag_report *r, const inputs *in)
{
	size_t i;

	if (r->n_findings > 0) {
		const oojwt_diag_finding *v = &r->findings[0];
		if (o->quiet) {
			oojwt_cli_printf("%s: %s\n", verdict_word(v), r->headline);
			return;
		}
	}
	for (i = 0; i < r->n_items; i++) {
		const oojwt_diag_recognised *g = &r->items[i];
		oojwt_cli_printf("%u. %s: %s (%s confidence)\n", (unsigned)i + 1,
			in->name[i], oojwt_diag_kind_label(g->kind),
			oojwt_diag_confidence_name(g->confidence));
		oojwt_cli_printf("   %s\n", g->why);
	}
	if (r->n_findings == 0) {
		return;
	}
	{
		const oojwt_diag_finding *v = &r->findings[0];
		oojwt_cli_said s;
		oojwt_cli_say_text(&s, v->code, v->params, v->message, v->fix);
		oojwt_cli_printf("\n%s: %s\n", verdict_word(v), r->headline);
		oojwt_cli_printf("cause: %s\n", s.message);
		if (s.fix[0] != 0) {
			oojwt_cli_printf("fix: %s\n", s.fix);
		}
		oojwt_cli_said_free(&s);
		if (v->item >= 0) {
			oojwt_cli_printf("from: %u. %s\n", (unsigned)v->item + 1,
				in->name[v->item]);
		}
	}
	if (r->n_findings > 1) {
		oojwt_cli_printf("\nother findings:\n");
	}
	for (i = 1; i < r->n_findings; i++) {
		const oojwt_diag_finding *f = &r->findings[i];
		oojwt_cli_said s;
		oojwt_cli_say_text(&s, f->code, f->params, f->message, f->fix);
		oojwt_cli_printf("  %s %s", oojwt_severity_name(f->severity),
			oojwt_code_name(f->code) != NULL ? oojwt_code_name(f->code) : "?");
		if (f->item >= 0) {
			oojwt_cli_printf(" (%u. %s)", (unsigned)f->item + 1, in->name[f->item]);
		}
		oojwt_cli_printf(": %s\n", s.message);
		if (s.fix[0] != 0) {
			oojwt_cli_printf("    fix: %s\n", s.fix);
		}
		oojwt_cli_said_free(&s);
	}
	if (r->dropped > 0) {
		oojwt_cli_printf("(%u more findings not shown)\n", (unsigned)r->dropped);
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
	char err[700];
	int code = OOJWT_EXIT_OK;

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
			snprintf(err, sizeof err, "at most %u inputs",
				(unsigned)OOJWT_DIAG_MAX_ITEMS);
			code = OOJWT_EXIT_USAGE;
			break;
		}
		code = read_one(in, o->inputs[i], err, sizeof err);
	}
	if (code == OOJWT_EXIT_OK && in->n == 0) {
		size_t k;
		for (k = 0; k < sizeof DEFAULT_PLACES / sizeof *DEFAULT_PLACES
			&& code == OOJWT_EXIT_OK; k++)
		{
			if (oojwt_cli_host_is_file(DEFAULT_PLACES[k])) {
				code = read_one(in, DEFAULT_PLACES[k], err, sizeof err);
			}
		}
		if (code == OOJWT_EXIT_OK && in->n == 0) {
			snprintf(err, sizeof err, "nothing to diagnose: give the texts or "
				"files you have (a token, local.json, a log line, ...)");
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
		if (e != OOJWT_OK) {
			oojwt_cli_error(o->command, oojwt_code_name(e));
			code = e == OOJWT_ERR_TOO_LARGE ? OOJWT_EXIT_INPUT : OOJWT_EXIT_INTERNAL;
		} else {
			human(o, r, in);
			code = oojwt_cli_host_flush() == 0 ? (r->n_findings > 0
				&& r->findings[0].severity != OOJWT_SEVERITY_INFO
				? OOJWT_EXIT_INVALID : OOJWT_EXIT_OK) : OOJWT_EXIT_INTERNAL;
		}
		if (r != NULL) {
			oojwt_wipe(r, sizeof *r);
			free(r);
		}
	}
	free_inputs(in);
	free(in);
	oojwt_wipe_free(secret, secret_len + 1);
	return code;
}
