/*
 * The Document Server commands of the CLI. Their JSON reports are the ones
 * the JS module's kit.onlyoffice.* return: both call the report builders
 * of src/ds/ds_json.c, so the two cannot drift apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "inner.h"

int
oojwt_cli_put_sb(const oojwt_cli_opts *o, oojwt_sb *sb)
{
	int code;

	if (sb->failed) {
		oojwt_wipe_free(sb->buf, sb->cap);
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	code = oojwt_cli_out(sb->buf, sb->len) == 0
		&& oojwt_cli_host_flush() == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
	oojwt_wipe_free(sb->buf, sb->cap);
	return code;
}

/* Print a report as JSON.stringify(JSON.parse(report)) writes it, which
 * is how JSON.stringify writes the JS module's object. */
static int
print_js(const oojwt_cli_opts *o, char *rep, size_t len)
{
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_jv *v;
	oojwt_sb sb;
	long pos;
	int code;

	if (rep == NULL) {
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	code = oojwt_json_parse(&v, rep, len, &pos, msg);
	if (code == OOJWT_ERR_DUPLICATE_MEMBER) {
		/* A token payload with a repeated member, as Document Server
		 * reads it: keep the last, as JSON.parse does (the member's
		 * place may differ from JSON.parse's, which keeps the first). */
		size_t dups = 0;
		code = oojwt_json_parse_ex(&v, rep, len, OOJWT_JSON_LAST_WINS, &dups,
			&pos, msg);
	}
	if (code != OOJWT_OK) {
		/* Text strict JSON cannot hold (a lone surrogate): as written. */
		code = oojwt_cli_out(rep, len) == 0 && oojwt_cli_puts("\n") == 0
			&& oojwt_cli_host_flush() == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
		oojwt_wipe_free(rep, len + 1);
		return code;
	}
	oojwt_wipe_free(rep, len + 1);
	memset(&sb, 0, sizeof sb);
	oojwt_cli_js_value(&sb, v);
	oojwt_sb_puts(&sb, "\n");
	oojwt_json_free_wipe(v);
	return oojwt_cli_put_sb(o, &sb);
}

#define MAX_CONFIG ((size_t)16 * 1024 * 1024)

/* Read --server-config PATH into `c` (free it with
 * oojwt_server_config_free()); an exit code, and `err` when not OK. */
static int
load_server_config(const oojwt_cli_opts *o, oojwt_server_config *c,
	char *err, size_t cap)
{
	char *cfg = NULL;
	size_t cfg_len = 0;
	int code = oojwt_cli_read_file(o->server_config, MAX_CONFIG, &cfg,
		&cfg_len, err, cap);

	if (code == OOJWT_EXIT_OK) {
		code = oojwt_server_config_read(c, cfg, cfg_len, NULL, 0) == OOJWT_OK
			? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
		snprintf(err, cap, "out of memory");
	}
	oojwt_wipe_free(cfg, cfg_len + 1);
	return code;
}

/* `before`, then sentence `message` of code `code` with `params` (a JSON
 * object text) in the chosen language, and a line end. */
static void
print_said(int code, const char *params, const char *before,
	const char *message)
{
	oojwt_cli_said s;

	oojwt_cli_say_text(&s, code, params, message, NULL);
	oojwt_cli_printf("%s%s\n", before, s.message);
	oojwt_cli_said_free(&s);
}

int
oojwt_cli_explain_secret(const oojwt_cli_opts *o)
{
	char err[700];
	oojwt_secret_report r;
	oojwt_server_config c;
	oojwt_secret_others others;
	unsigned char *secret;
	size_t secret_len, len, i, n;
	char *tok;
	int code, v, has_cfg = 0;

	code = oojwt_cli_secret(o, &secret, &secret_len, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		oojwt_cli_error(o->command, err);
		return code;
	}
	if (o->server_config != NULL) {
		/* Its other secrets are tried too (outbox, session, ...). */
		code = load_server_config(o, &c, err, sizeof err);
		if (code != OOJWT_EXIT_OK) {
			oojwt_wipe_free(secret, secret_len + 1);
			oojwt_cli_error(o->command, err);
			return code;
		}
		has_cfg = 1;
		oojwt_secret_others_of(&others, &c);
	}
	/* A local.json or a certificate given for the token is refused; a
	 * secret pasted as the token is read (the forensics name it). */
	code = oojwt_cli_read_expected(o, 1,
		OOJWT_CLI_KIND(OOJWT_CLI_TEXT_TOKEN) | OOJWT_CLI_KIND(OOJWT_CLI_TEXT_PATH)
		| OOJWT_CLI_KIND(OOJWT_CLI_TEXT_OTHER), "a token", &tok, &len, err,
		sizeof err);
	if (code != OOJWT_EXIT_OK) {
		oojwt_wipe_free(secret, secret_len + 1);
		if (has_cfg) {
			oojwt_server_config_free(&c);
		}
		if (err[0] != 0) {
			oojwt_cli_error(o->command, err);
		}
		return code;
	}
	oojwt_cli_take_token(o->command, tok, &len);
	if (o->json) {
		char *rep = oojwt_secret_explain_json(tok, len, secret, secret_len,
			has_cfg ? &others : NULL, &n);
		code = oojwt_secret_explain_ex(&r, tok, len, secret, secret_len,
			has_cfg ? &others : NULL);
		oojwt_wipe_free(secret, secret_len + 1);
		oojwt_wipe_free(tok, len + 1);
		if (has_cfg) {
			oojwt_server_config_free(&c);
		}
		v = print_js(o, rep, n);
		if (v != OOJWT_EXIT_OK) {
			return v;
		}
		return code != OOJWT_OK ? OOJWT_EXIT_INTERNAL
			: r.verifies ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
	}
	code = oojwt_secret_explain_ex(&r, tok, len, secret, secret_len,
		has_cfg ? &others : NULL);
	oojwt_wipe_free(secret, secret_len + 1);
	oojwt_wipe_free(tok, len + 1);
	if (has_cfg) {
		oojwt_server_config_free(&c);
	}
	if (code != OOJWT_OK) {
		oojwt_cli_error(o->command, oojwt_code_name(code));
		return OOJWT_EXIT_INTERNAL;
	}
	if (r.verifies) {
		oojwt_cli_wprintf(OOJWT_WORD("explain.verifies"), "alg", "%s",
			oojwt_alg_name(r.alg) != NULL ? oojwt_alg_name(r.alg) : "?");
	} else if (r.variant >= 0) {
		oojwt_cli_wprintf(OOJWT_WORD("explain.variant"), "variant", "%s",
			oojwt_secret_variant_name(r.variant));
	} else {
		oojwt_cli_wprintf(OOJWT_WORD("explain.none"), NULL, NULL);
	}
	print_said(OOJWT_SAY_SECRET_EXPLAINED, r.params, "", r.message);
	for (i = 0; i < r.n_findings; i++) {
		oojwt_cli_print_issue("  finding", &r.findings[i]);
	}
	oojwt_cli_wprintf(OOJWT_WORD("explain.tried"), NULL, NULL);
	for (i = 0; i < r.n_tried; i++) {
		oojwt_cli_printf("%s %s", i == 0 ? "" : ",", oojwt_secret_variant_name(r.tried[i]));
	}
	if (r.n_tried == 0) {
		oojwt_cli_wprintf(OOJWT_WORD("explain.tried_nothing"), NULL, NULL);
	}
	oojwt_cli_printf("\n");
	code = r.verifies ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
	oojwt_wipe(&r, sizeof r);
	if (oojwt_cli_host_flush() != 0) {
		return OOJWT_EXIT_INTERNAL;
	}
	return code;
}

/* ---- server-config ------------------------------------------------------ */

/* What --json prints in place of a secret without --show-secrets. */
static void
hidden(char *out, size_t cap, size_t len)
{
	snprintf(out, cap, "(hidden: %lu bytes; --show-secrets prints it)",
		(unsigned long)len);
}

/* One {source, value, ...} secret object with its value hidden. */
static void
redacted_secret(oojwt_sb *sb, const oojwt_jv *s)
{
	const oojwt_jv *value = oojwt_json_get(s, "value");
	oojwt_cli_obj o;
	char text[96];

	memset(&o, 0, sizeof o);
	oojwt_cli_obj_spread(&o, s);
	if (oojwt_json_type(value) == OOJWT_JSON_STRING) {
		hidden(text, sizeof text, strlen(oojwt_json_string(value)));
		oojwt_cli_obj_set_str(&o, "value", text);
	}
	oojwt_cli_js_obj(sb, &o);
	oojwt_cli_obj_free(&o);
}

/* The report with secrets.*.value hidden, as JSON.stringify writes it. */
static void
redacted_json(oojwt_sb *sb, const oojwt_jv *rep, int show)
{
	size_t i, n = oojwt_json_object_size(rep);

	oojwt_sb_puts(sb, "{");
	for (i = 0; i < n; i++) {
		const char *name;
		const oojwt_jv *v = oojwt_json_member_at(rep, i, &name);
		size_t k, kinds;
		if (i > 0) {
			oojwt_sb_puts(sb, ",");
		}
		oojwt_cli_js_string(sb, name, strlen(name));
		oojwt_sb_puts(sb, ":");
		if (!show && strcmp(name, "storageSecret") == 0) {
			/* The secure link secret (storage.fs.secretString). */
			redacted_secret(sb, v);
			continue;
		}
		if (show || strcmp(name, "secrets") != 0
			|| oojwt_json_type(v) != OOJWT_JSON_OBJECT)
		{
			oojwt_cli_js_value(sb, v);
			continue;
		}
		oojwt_sb_puts(sb, "{");
		kinds = oojwt_json_object_size(v);
		for (k = 0; k < kinds; k++) {
			const char *kind;
			const oojwt_jv *s = oojwt_json_member_at(v, k, &kind);
			if (k > 0) {
				oojwt_sb_puts(sb, ",");
			}
			oojwt_cli_js_string(sb, kind, strlen(kind));
			oojwt_sb_puts(sb, ":");
			redacted_secret(sb, s);
		}
		oojwt_sb_puts(sb, "}");
	}
	oojwt_sb_puts(sb, "}\n");
}

static int
config_json(const oojwt_cli_opts *o, const char *text, size_t len,
	const char *defaults, size_t defaults_len)
{
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_jv *v;
	oojwt_sb sb;
	size_t n;
	long pos;
	char *rep = oojwt_server_config_json(text, len, defaults, defaults_len,
		defaults != NULL, &n);
	int code;

	if (rep == NULL) {
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	code = oojwt_json_parse(&v, rep, n, &pos, msg);
	oojwt_wipe_free(rep, n + 1);
	if (code != OOJWT_OK) {
		oojwt_cli_error(o->command, "the core's report is not strict JSON");
		return OOJWT_EXIT_INTERNAL;
	}
	memset(&sb, 0, sizeof sb);
	redacted_json(&sb, v, o->show_secrets);
	oojwt_json_free_wipe(v);
	return oojwt_cli_put_sb(o, &sb);
}

static const char *
on_off(int flag)
{
	return flag ? "on" : "off";
}

/* Setting `label` (a word: header, prefix, ...) and its value. */
static void
print_str(const char *label, const char *s)
{
	oojwt_cli_wprintf(label, NULL, NULL);
	if (s == NULL) {
		oojwt_cli_wprintf(OOJWT_WORD("config.not_string"), NULL, NULL);
	} else {
		oojwt_cli_printf(" \"%s\"", s);
	}
}

static void
config_human(const oojwt_server_config *c, int show)
{
	size_t i;
	int k;

	oojwt_cli_wprintf(OOJWT_WORD("config.title"), "form,defaults", "%s%s",
		c->form == OOJWT_CONFIG_DOCKER ? "docker" : "local_json",
		c->own_defaults ? "given" : "shipped");
	oojwt_cli_wprintf(OOJWT_WORD("config.tokens"), "browser,inbox,outbox",
		"%s%s%s", on_off(c->enabled_browser), on_off(c->enabled_inbox),
		on_off(c->enabled_outbox));
	for (k = 0; k < OOJWT_SECRET_KINDS; k++) {
		const oojwt_cfg_secret *s = &c->secrets[k];
		oojwt_cli_wprintf(OOJWT_WORD("config.secret"), "kind,source", "%s%s",
			oojwt_secret_kind_name(k), oojwt_secret_source_name(s->source));
		if (s->value != NULL && show) {
			oojwt_cli_printf(" \"%s\"", s->value);
		} else if (s->value != NULL) {
			oojwt_cli_wprintf(OOJWT_WORD("config.bytes"), "n", "%z",
				s->value_len);
		}
		if (s->file != NULL) {
			oojwt_cli_printf(" %s", s->file);
		}
		oojwt_cli_printf("\n");
	}
	print_str(OOJWT_WORD("config.inbox_header"), c->inbox_header);
	print_str(OOJWT_WORD("config.prefix"), c->inbox_prefix);
	oojwt_cli_printf("\n");
	print_str(OOJWT_WORD("config.outbox_header"), c->outbox_header);
	print_str(OOJWT_WORD("config.prefix"), c->outbox_prefix);
	print_str(OOJWT_WORD("config.algorithm"), c->outbox_algorithm);
	print_str(OOJWT_WORD("config.expires"), c->outbox_expires);
	oojwt_cli_printf("\n");
	for (i = 0; i < c->n_findings; i++) {
		oojwt_cli_print_finding(&c->findings[i]);
	}
	if (c->n_findings == 0) {
		oojwt_cli_wprintf(OOJWT_WORD("config.no_findings"), NULL, NULL);
	}
}

int
oojwt_cli_server_config(const oojwt_cli_opts *o)
{
	char err[700];
	oojwt_server_config c;
	char *text, *defaults = NULL;
	size_t len, defaults_len = 0, i;
	int code, errors = 0;

	/* A token, a certificate, an nginx file, ...: said so, never judged
	 * as a configuration of defaults. */
	code = oojwt_cli_read_expected(o, 0,
		OOJWT_CLI_KIND(OOJWT_CLI_TEXT_LOCAL_JSON) | OOJWT_CLI_KIND(OOJWT_CLI_TEXT_JSON)
		| OOJWT_CLI_KIND(OOJWT_CLI_TEXT_ENV) | OOJWT_CLI_KIND(OOJWT_CLI_TEXT_OTHER),
		"a Document Server local.json or Docker env file", &text, &len, err,
		sizeof err);
	if (code != OOJWT_EXIT_OK) {
		if (err[0] != 0) {
			oojwt_cli_error(o->command, err);
		}
		return code;
	}
	if (o->defaults != NULL) {
		code = oojwt_cli_read_file(o->defaults, MAX_CONFIG, &defaults,
			&defaults_len, err, sizeof err);
		if (code != OOJWT_EXIT_OK) {
			oojwt_wipe_free(text, len + 1);
			oojwt_cli_error(o->command, err);
			return code;
		}
	}
	code = oojwt_server_config_read(&c, text, len, defaults, defaults_len);
	if (code != OOJWT_OK) {
		oojwt_wipe_free(text, len + 1);
		oojwt_wipe_free(defaults, defaults_len + 1);
		oojwt_cli_error(o->command, oojwt_code_name(code));
		return OOJWT_EXIT_INTERNAL;
	}
	for (i = 0; i < c.n_findings; i++) {
		errors += c.findings[i].severity == OOJWT_SEVERITY_ERROR;
	}
	if (o->json) {
		code = config_json(o, text, len, defaults, defaults_len);
	} else {
		config_human(&c, o->show_secrets);
		code = oojwt_cli_host_flush() == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
	}
	oojwt_server_config_free(&c);
	oojwt_wipe_free(text, len + 1);
	oojwt_wipe_free(defaults, defaults_len + 1);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	return errors > 0 ? OOJWT_EXIT_INVALID : OOJWT_EXIT_OK;
}

/* ---- inspect-config ----------------------------------------------------- */

/* The kinds as --kind takes them, for messages: "config, refreshFile, ...". */
static void
kind_names(char *out, size_t cap)
{
	size_t used = 0;
	int k;

	out[0] = 0;
	for (k = 0; k < OOJWT_BROWSER_KINDS && used + 1 < cap; k++) {
		oojwt_fmt(out + used, cap - used, "%s%s", k > 0 ? ", " : "",
			oojwt_browser_kind_name(k));
		used += strlen(out + used);
	}
}

/* "insertImage (likely; candidates: insertImage)": a guess for people. */
static void
print_guess(const oojwt_kind_guess *g)
{
	int k, first = 1;

	oojwt_cli_wprintf(OOJWT_WORD("guess.head"), "kind,confidence", "%s%s",
		g->kind >= 0 ? oojwt_browser_kind_name(g->kind) : "unknown",
		oojwt_kind_confidence_name(g->confidence));
	for (k = -1; k < OOJWT_BROWSER_KINDS; k++) {
		int kind = k < 0 ? g->kind : k;
		if (kind < 0 || (k >= 0 && k == g->kind)
			|| (g->candidates & (1u << kind)) == 0)
		{
			continue;
		}
		oojwt_cli_printf("%s %s", first ? "" : ",", oojwt_browser_kind_name(kind));
		first = 0;
	}
	{
		oojwt_cli_said w;
		oojwt_cli_say_text(&w, OOJWT_SAY_TOKEN_KIND_WHY, g->why_params, g->why,
			NULL);
		oojwt_cli_wprintf(OOJWT_WORD("guess.tail"), "none,why", "%s%s",
			first ? "yes" : "no", w.message);
		oojwt_cli_said_free(&w);
	}
}

/* A token of the editor page's methods, judged by its kind. */
/* 1 when a finding says the signature does not verify: the secret
 * forensics then name the variant of the secret that would. */
static int
bad_signature(const oojwt_finding *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (f[i].code == OOJWT_ERR_BAD_SIGNATURE) {
			return 1;
		}
	}
	return 0;
}

static int
inspect_token(const oojwt_cli_opts *o, const char *token, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_browser_opts *bo)
{
	oojwt_browser_report r;
	oojwt_sb m;
	size_t i, n;
	int code;

	if (o->json) {
		char *rep = oojwt_browser_inspect_json(token, len, secret,
			secret_len, bo, &n);
		code = print_js(o, rep, n);
		if (code != OOJWT_EXIT_OK) {
			return code;
		}
	}
	if (oojwt_browser_inspect(&r, token, len, secret, secret_len, bo)
		!= OOJWT_OK)
	{
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	if (o->json) {
		code = r.ok ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
		oojwt_browser_report_free(&r);
		return code;
	}
	oojwt_cli_wprintf(OOJWT_WORD("browser.verdict"), "ok,kind,channel", "%s%s%s",
		r.ok ? "yes" : "no", oojwt_browser_kind_name(r.kind),
		oojwt_channel_name(r.channel));
	if (r.close_code != 0) {
		oojwt_cli_wprintf(OOJWT_WORD("browser.close"), "n", "%d", r.close_code);
	}
	if (r.server_error != 0) {
		oojwt_cli_wprintf(OOJWT_WORD("browser.error"), "n", "%d", r.server_error);
	}
	if (r.editor_error != 0) {
		oojwt_cli_wprintf(OOJWT_WORD("browser.editor_error"), "n", "%d",
			r.editor_error);
	}
	if (r.http_status != 0) {
		oojwt_cli_printf(", HTTP %d", r.http_status);
	}
	{
		oojwt_cli_said v;
		oojwt_cli_say_text(&v, OOJWT_SAY_BROWSER_VERDICT, r.params, r.message,
			NULL);
		oojwt_cli_wprintf(OOJWT_WORD("browser.message"), "message", "%s",
			oojwt_cli_safe(&m, v.message, (size_t)-1));
		oojwt_cli_said_free(&v);
	}
	oojwt_wipe_free(m.buf, m.cap);
	oojwt_cli_wprintf(OOJWT_WORD("browser.kind"), "kind,chosen", "%s%s",
		oojwt_browser_kind_name(r.kind), r.chosen ? "yes" : "no");
	print_guess(&r.guess);
	oojwt_cli_wprintf(OOJWT_WORD("browser.reads"), "reads,ignores", "%s%s",
		oojwt_browser_kind_reads(r.kind), oojwt_browser_kind_ignores(r.kind));
	for (i = 0; i < r.n_findings; i++) {
		oojwt_cli_print_finding(&r.findings[i]);
	}
	if (bad_signature(r.findings, r.n_findings)) {
		oojwt_secret_report x;
		if (oojwt_secret_explain(&x, token, len, secret, secret_len)
			== OOJWT_OK)
		{
			oojwt_cli_print_forensics(&x);
		}
		oojwt_wipe(&x, sizeof x);
	}
	code = r.ok ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
	oojwt_browser_report_free(&r);
	return oojwt_cli_host_flush() != 0 ? OOJWT_EXIT_INTERNAL : code;
}

/* The config's "token" member (malloc'd; NULL with a sentence in err when
 * the text is no JSON object with a string token). */
static char *
config_token(const char *text, size_t len, size_t *n, char *err, size_t cap)
{
	char msg[OOJWT_MESSAGE_LEN], *out = NULL;
	oojwt_jv *v = NULL;
	const oojwt_jv *t;
	size_t dups;
	long pos;

	if (oojwt_json_parse_ex(&v, text, len, OOJWT_JSON_LAST_WINS, &dups, &pos,
		msg) == OOJWT_OK)
	{
		t = oojwt_json_get(v, "token");
		if (oojwt_json_type(t) == OOJWT_JSON_STRING) {
			*n = strlen(oojwt_json_string(t));
			out = (char *)malloc(*n + 1);
			if (out != NULL) {
				memcpy(out, oojwt_json_string(t), *n + 1);
			}
		}
	}
	oojwt_json_free(v);
	if (out == NULL) {
		oojwt_fmt(err, cap, "--kind judges a token: give the token itself, "
			"or a config with a \"token\"");
	}
	return out;
}

/* A copy of the server's verifyOptions text, which DS's jsonwebtoken
 * applies whole ("null" when the configuration has none: no options). */
static char *
config_vopts(const oojwt_server_config *c, size_t *len)
{
	const char *v = c->verify_options != NULL ? c->verify_options : "null";
	char *t;

	*len = c->verify_options != NULL ? c->verify_options_len : 4;
	t = (char *)malloc(*len + 1);
	if (t != NULL) {
		memcpy(t, v, *len);
		t[*len] = 0;
	}
	return t;
}

int
oojwt_cli_inspect_config(const oojwt_cli_opts *o)
{
	char err[700];
	oojwt_server_config c;
	oojwt_config_report r;
	oojwt_inspect_opts io;
	oojwt_secret_report x;
	unsigned char *secret = NULL;
	size_t secret_len = 0, len, i, n, start = 0;
	char *text, *vopts = NULL;
	int code, own_secret, kind = -1, have_x = 0;

	own_secret = o->secret != NULL || o->secret_file != NULL
		|| o->secret_env != NULL || o->local_json != NULL
		|| oojwt_cli_host_getenv("OOJWT_SECRET", NULL, NULL);
	if (!own_secret && o->server_config == NULL) {
		oojwt_cli_error_word(o->command, OOJWT_WORD("usage.inspect_config_secret"));
		oojwt_cli_weprintf(OOJWT_WORD("usage.try"), "command", "%s", o->command);
		return OOJWT_EXIT_USAGE;
	}
	memset(&io, 0, sizeof io);
	io.now = o->has_now ? o->now : oojwt_cli_host_now();
	io.clock_tolerance = 60;
	io.enable_browser = 1;
	io.token_required_params = 1;
	if (o->server_version != NULL
		&& (io.server_version = oojwt_ds_version_parse(o->server_version,
		strlen(o->server_version))) == 0)
	{
		oojwt_cli_error_word(o->command, OOJWT_WORD("usage.version_form"));
		oojwt_cli_weprintf(OOJWT_WORD("usage.try"), "command", "%s", o->command);
		return OOJWT_EXIT_USAGE;
	}
	if (o->connector != NULL && oojwt_cli_connector(o->connector, 1,
		&io.connector, err, sizeof err) != OOJWT_EXIT_OK)
	{
		oojwt_cli_error(o->command, err);
		oojwt_cli_weprintf(OOJWT_WORD("usage.try"), "command", "%s", o->command);
		return OOJWT_EXIT_USAGE;
	}
	if (o->kind != NULL && (kind = oojwt_browser_kind_parse(o->kind,
		strlen(o->kind))) < 0)
	{
		char names[300];
		kind_names(names, sizeof names);
		oojwt_cli_wsnprintf(err, sizeof err, OOJWT_WORD("usage.kind"), "names",
			"%s", names);
		oojwt_cli_error(o->command, err);
		oojwt_cli_weprintf(OOJWT_WORD("usage.try"), "command", "%s", o->command);
		return OOJWT_EXIT_USAGE;
	}
	if (own_secret) {
		code = oojwt_cli_secret(o, &secret, &secret_len, err, sizeof err);
		if (code != OOJWT_EXIT_OK) {
			oojwt_cli_error(o->command, err);
			return code;
		}
	}
	if (o->server_config != NULL) {
		code = load_server_config(o, &c, err, sizeof err);
		if (code != OOJWT_EXIT_OK) {
			oojwt_wipe_free(secret, secret_len + 1);
			oojwt_cli_error(o->command, err);
			return code;
		}
		io.enable_browser = c.enabled_browser;
		io.token_required_params = c.token_required_params;
		vopts = config_vopts(&c, &io.verify_options_len);
		io.verify_options = vopts;
		if (vopts == NULL) {
			oojwt_wipe_free(secret, secret_len + 1);
			oojwt_server_config_free(&c);
			oojwt_cli_error(o->command, "out of memory");
			return OOJWT_EXIT_INTERNAL;
		}
		if (!own_secret && c.secrets[OOJWT_SECRET_INBOX].source
			!= OOJWT_SECRET_SOURCE_NONE
			&& c.secrets[OOJWT_SECRET_INBOX].value == NULL)
		{
			oojwt_server_config_free(&c);
			free(vopts);
			snprintf(err, sizeof err, "%s: the inbox secret is not a string "
				"there (services.CoAuthoring.secret.inbox); give it with "
				"--secret-file", o->server_config);
			oojwt_cli_error(o->command, err);
			return OOJWT_EXIT_INPUT;
		}
		/* No string and no file: DS has no secret at all. */
		io.no_secret = !own_secret && c.secrets[OOJWT_SECRET_INBOX].source
			== OOJWT_SECRET_SOURCE_NONE;
		if (!own_secret) {
			const oojwt_cfg_secret *s = &c.secrets[OOJWT_SECRET_INBOX];
			secret_len = s->value != NULL ? s->value_len : 0;
			secret = (unsigned char *)malloc(secret_len + 1);
			if (secret == NULL) {
				free(vopts);
				oojwt_server_config_free(&c);
				oojwt_cli_error(o->command, "out of memory");
				return OOJWT_EXIT_INTERNAL;
			}
			if (secret_len > 0) {
				memcpy(secret, s->value, secret_len);
			}
			secret[secret_len] = 0;
		}
		oojwt_server_config_free(&c);
	}
	code = oojwt_cli_read_expected(o, 0,
		OOJWT_CLI_KIND(OOJWT_CLI_TEXT_EDITOR_CONFIG) | OOJWT_CLI_KIND(OOJWT_CLI_TEXT_JSON)
		| OOJWT_CLI_KIND(OOJWT_CLI_TEXT_TOKEN) | OOJWT_CLI_KIND(OOJWT_CLI_TEXT_OTHER),
		"an editor config or a token", &text, &len, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		oojwt_wipe_free(secret, secret_len + 1);
		free(vopts);
		if (err[0] != 0) {
			oojwt_cli_error(o->command, err);
		}
		return code;
	}
	if (oojwt_cli_text_kind(text, len) == OOJWT_CLI_TEXT_TOKEN) {
		oojwt_cli_take_token(o->command, text, &len);
	}
	while (start < len && (text[start] == ' ' || text[start] == '\t'
		|| text[start] == '\n' || text[start] == '\r'))
	{
		start++;
	}
	/* A token (not a config), or --kind other than config: the token
	 * judged by its kind. */
	if (start == len || text[start] != '{' || kind > OOJWT_BROWSER_CONFIG) {
		oojwt_browser_opts bo;
		char *tok = NULL;
		size_t tn = 0;
		if (start < len && text[start] == '{') {
			tok = config_token(text, len, &tn, err, sizeof err);
		} else {
			while (len > start && (text[len - 1] == ' ' || text[len - 1] == '\t'
				|| text[len - 1] == '\n' || text[len - 1] == '\r'))
			{
				len--;
			}
		}
		memset(&bo, 0, sizeof bo);
		bo.kind = kind;
		bo.now = io.now;
		bo.clock_tolerance = io.clock_tolerance;
		bo.enable_browser = io.enable_browser;
		bo.token_required_params = io.token_required_params;
		bo.server_version = io.server_version;
		bo.verify_options = io.verify_options;
		bo.verify_options_len = io.verify_options_len;
		code = start < len && text[start] == '{' && tok == NULL
			? OOJWT_EXIT_USAGE : inspect_token(o, tok != NULL ? tok
			: text + start, tok != NULL ? tn : len - start, secret,
			secret_len, &bo);
		if (code == OOJWT_EXIT_USAGE) {
			oojwt_cli_error(o->command, err);
		}
		free(tok);
		free(vopts);
		oojwt_wipe_free(secret, secret_len + 1);
		oojwt_wipe_free(text, len + 1);
		return code;
	}
	if (o->json) {
		char *rep = oojwt_config_inspect_json(text, len, secret, secret_len,
			&io, &n);
		code = print_js(o, rep, n);
	} else {
		code = OOJWT_EXIT_OK;
	}
	if (code == OOJWT_EXIT_OK) {
		code = oojwt_config_inspect(&r, text, len, secret, secret_len, &io);
		code = code == OOJWT_OK ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
	}
	memset(&x, 0, sizeof x);
	if (code == OOJWT_EXIT_OK && !o->json && r.token_text != NULL
		&& bad_signature(r.findings, r.n_findings))
	{
		have_x = oojwt_secret_explain(&x, r.token_text, strlen(r.token_text),
			secret, secret_len) == OOJWT_OK;
	}
	free(vopts);
	oojwt_wipe_free(secret, secret_len + 1);
	oojwt_wipe_free(text, len + 1);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	if (!o->json) {
		const char *kname = r.token_text != NULL
			? oojwt_token_kind_name(r.token_kind) : NULL;
		oojwt_sb m;
		oojwt_cli_said v;
		const char *msg;
		oojwt_cli_say_text(&v, OOJWT_SAY_CONFIG_VERDICT, r.params, r.message,
			NULL);
		msg = oojwt_cli_safe(&m, v.message, (size_t)-1);
		if (r.ok) {
			oojwt_cli_wprintf(OOJWT_WORD("editor.opens"), "message", "%s", msg);
		} else if (r.close_code != 0 && r.editor_error != 0) {
			oojwt_cli_wprintf(OOJWT_WORD("editor.closes_error"),
				"close,error,message", "%d%d%s", r.close_code,
				r.editor_error, msg);
		} else if (r.close_code != 0) {
			oojwt_cli_wprintf(OOJWT_WORD("editor.closes"), "close,message",
				"%d%s", r.close_code, msg);
		} else {
			oojwt_cli_wprintf(OOJWT_WORD("editor.not_open"), "message", "%s",
				msg);
		}
		oojwt_wipe_free(m.buf, m.cap);
		oojwt_cli_said_free(&v);
		oojwt_cli_wprintf(OOJWT_WORD("editor.token"), "kind", "%s",
			kname == NULL ? "none" : kname);
		if (r.has_ds && r.ds.payload_kind == OOJWT_DS_PAYLOAD_JSON) {
			oojwt_kind_guess g;
			if (oojwt_browser_kind_guess(&g, r.ds.payload_text,
				r.ds.payload_len) == OOJWT_OK && g.kind >= 0)
			{
				oojwt_cli_wprintf(OOJWT_WORD("editor.token_kind"), NULL, NULL);
				print_guess(&g);
			}
		}
		for (i = 0; i < r.n_findings; i++) {
			oojwt_cli_print_finding(&r.findings[i]);
		}
		if (have_x) {
			oojwt_cli_print_forensics(&x);
		}
		if (r.effective != NULL) {
			oojwt_sb sb;
			memset(&sb, 0, sizeof sb);
			oojwt_cli_json_indent(&sb, r.effective, r.effective_len);
			if (!sb.failed) {
				oojwt_cli_wprintf(OOJWT_WORD("editor.effective"), NULL, NULL);
				oojwt_cli_printf("%s\n", sb.buf);
			}
			free(sb.buf);
		}
	}
	code = r.ok ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
	oojwt_wipe(&x, sizeof x);
	oojwt_config_report_free(&r);
	if (oojwt_cli_host_flush() != 0) {
		return OOJWT_EXIT_INTERNAL;
	}
	return code;
}

int
oojwt_cli_print_report(const oojwt_cli_opts *o, char *rep, size_t len)
{
	return print_js(o, rep, len);
}

/* The second secret of compare-secrets: --other-secret-file (one final
 * newline dropped, as --secret-file) or --other-secret-env (every byte). */
static int
other_secret(const oojwt_cli_opts *o, unsigned char **out, size_t *len,
	char *err, size_t cap)
{
	oojwt_cli_opts one;

	if ((o->other_secret_file != NULL) == (o->other_secret_env != NULL)) {
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.other_secret"), NULL, NULL);
		return OOJWT_EXIT_USAGE;
	}
	memset(&one, 0, sizeof one);
	one.command = o->command;
	one.secret_file = o->other_secret_file;
	one.secret_env = o->other_secret_env;
	return oojwt_cli_secret(&one, out, len, err, cap);
}

static void
print_side(const char *name, const oojwt_secret_side *d)
{
	size_t i;

	oojwt_cli_wprintf(OOJWT_WORD("compare.side"), "side,bytes,chars,utf8",
		"%s%z%z%s", name, d->bytes, d->chars, d->utf8 ? "yes" : "no");
	for (i = 0; i < d->n_marks; i++) {
		const oojwt_secret_mark *m = &d->marks[i];
		if (m->kind == OOJWT_MARK_INVALID_UTF8) {
			char hex[8];
			snprintf(hex, sizeof hex, "%02lX", (unsigned long)m->cp);
			oojwt_cli_wprintf(OOJWT_WORD("compare.byte"), "n,byte,hex,kind",
				"%z%z%s%s", m->index + 1, m->byte, hex,
				oojwt_secret_mark_kind_name(m->kind));
		} else {
			char cp[16];
			snprintf(cp, sizeof cp, "%04lX", (unsigned long)m->cp);
			oojwt_cli_wprintf(OOJWT_WORD("compare.char"),
				"n,byte,cp,kind,looks,like", "%z%z%s%s%s%s", m->index + 1,
				m->byte, cp, oojwt_secret_mark_kind_name(m->kind),
				m->looks_like != 0 ? "yes" : "no",
				m->looks_like != 0 ? (char[2]){ m->looks_like, 0 } : "");
		}
	}
	if (d->more_marks > 0) {
		oojwt_cli_wprintf(OOJWT_WORD("compare.more"), "n", "%z", d->more_marks);
	}
}

int
oojwt_cli_compare_secrets(const oojwt_cli_opts *o)
{
	oojwt_secret_comparison r;
	char err[600], *tok = NULL;
	unsigned char *a = NULL, *b = NULL;
	size_t an = 0, bn = 0, len = 0, n;
	int code, equal, has_token = o->input != NULL;

	code = oojwt_cli_secret(o, &a, &an, err, sizeof err);
	if (code == OOJWT_EXIT_OK) {
		code = other_secret(o, &b, &bn, err, sizeof err);
	}
	if (code == OOJWT_EXIT_OK && o->input != NULL) {
		code = oojwt_cli_read_input(o->input, 1, &tok, &len, err, sizeof err);
	}
	if (code != OOJWT_EXIT_OK) {
		oojwt_wipe_free(a, an + 1);
		oojwt_wipe_free(b, bn + 1);
		oojwt_cli_error(o->command, err);
		return code;
	}
	if (o->json) {
		char *rep = oojwt_secret_compare_json(a, an, b, bn, tok, len, &n);
		code = oojwt_secret_compare(&r, a, an, b, bn, tok, len);
		oojwt_wipe_free(a, an + 1);
		oojwt_wipe_free(b, bn + 1);
		free(tok);
		n = (size_t)print_js(o, rep, n);
		if (n != OOJWT_EXIT_OK) {
			return (int)n;
		}
		return code != OOJWT_OK ? OOJWT_EXIT_INTERNAL
			: r.equal ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
	}
	code = oojwt_secret_compare(&r, a, an, b, bn, tok, len);
	oojwt_wipe_free(a, an + 1);
	oojwt_wipe_free(b, bn + 1);
	free(tok);
	if (code != OOJWT_OK) {
		oojwt_cli_error(o->command, oojwt_code_name(code));
		return OOJWT_EXIT_INTERNAL;
	}
	oojwt_cli_wprintf(OOJWT_WORD("compare.verdict"), "equal", "%s", r.equal
		? "equal" : r.equal_cleaned ? "cleaned" : "different");
	print_side("secret", &r.a);
	print_side("other_secret", &r.b);
	if (!r.equal) {
		oojwt_cli_wprintf(OOJWT_WORD("compare.first_difference"),
			"n,byte,confusable", "%z%z%s", r.diff_index + 1, r.diff_byte,
			r.diff_confusable ? "yes" : "no");
	}
	if (r.verifies >= 0) {
		static const char *const who[] = { "neither", "secret",
			"other_secret", "both" };
		oojwt_cli_wprintf(OOJWT_WORD("compare.verifies"), "who", "%s",
			who[r.verifies & 3]);
	} else if (has_token) {
		oojwt_cli_wprintf(OOJWT_WORD("compare.no_hs"), NULL, NULL);
	}
	equal = r.equal;
	oojwt_wipe(&r, sizeof r);
	return equal ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
}
