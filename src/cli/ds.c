/*
 * The Document Server commands of the CLI. Their JSON reports are the ones
 * the JS module's kit.onlyoffice.* return: both call the report builders
 * of src/ds/ds_json.c, so the two cannot drift apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"
#include "inner.h"

/* Write sb to standard output, then wipe and free it: the exit code. */
static int
put_sb(const oojwt_cli_opts *o, oojwt_sb *sb)
{
	int code;

	if (sb->failed) {
		oojwt_wipe_free(sb->buf, sb->cap);
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	code = fwrite(sb->buf, 1, sb->len, stdout) == sb->len
		&& fflush(stdout) == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
	oojwt_wipe_free(sb->buf, sb->cap);
	return code;
}

/* Print a report as JSON.stringify(JSON.parse(report)) writes it, which
 * is what the Node command prints for the JS module's object. */
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
		code = fwrite(rep, 1, len, stdout) == len && fputs("\n", stdout) != EOF
			&& fflush(stdout) == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
		oojwt_wipe_free(rep, len + 1);
		return code;
	}
	oojwt_wipe_free(rep, len + 1);
	memset(&sb, 0, sizeof sb);
	oojwt_cli_js_value(&sb, v);
	oojwt_sb_puts(&sb, "\n");
	oojwt_json_free_wipe(v);
	return put_sb(o, &sb);
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
	code = oojwt_cli_read_input(o->input, 1, &tok, &len, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		oojwt_wipe_free(secret, secret_len + 1);
		if (has_cfg) {
			oojwt_server_config_free(&c);
		}
		oojwt_cli_error(o->command, err);
		return code;
	}
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
		printf("VERIFIES: the secret as given verifies this %s token\n",
			oojwt_alg_name(r.alg) != NULL ? oojwt_alg_name(r.alg) : "?");
	} else if (r.variant >= 0) {
		printf("DOES NOT VERIFY as given; the variant that does: %s\n",
			oojwt_secret_variant_name(r.variant));
	} else {
		printf("DOES NOT VERIFY, nor does any variant tried\n");
	}
	printf("%s\n", r.message);
	for (i = 0; i < r.n_findings; i++) {
		printf("  finding %s: %s\n", oojwt_code_name(r.findings[i].code),
			r.findings[i].message);
	}
	printf("tried:");
	for (i = 0; i < r.n_tried; i++) {
		printf("%s %s", i == 0 ? "" : ",", oojwt_secret_variant_name(r.tried[i]));
	}
	printf("%s\n", r.n_tried == 0 ? " nothing (the token has no HS signature)"
		: "");
	code = r.verifies ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
	oojwt_wipe(&r, sizeof r);
	if (fflush(stdout) != 0) {
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
	return put_sb(o, &sb);
}

static const char *
on_off(int flag)
{
	return flag ? "on" : "off";
}

static void
print_str(const char *label, const char *s)
{
	if (s == NULL) {
		printf("%s (not a string)", label);
	} else {
		printf("%s \"%s\"", label, s);
	}
}

static void
config_human(const oojwt_server_config *c, int show)
{
	size_t i;
	int k;

	printf("Document Server JWT settings (%s, merged over %s)\n",
		c->form == OOJWT_CONFIG_DOCKER ? "Docker settings" : "local.json",
		c->own_defaults ? "the given default.json" : "default.json as shipped");
	printf("  tokens: browser %s, inbox %s, outbox %s\n",
		on_off(c->enabled_browser), on_off(c->enabled_inbox),
		on_off(c->enabled_outbox));
	for (k = 0; k < OOJWT_SECRET_KINDS; k++) {
		const oojwt_cfg_secret *s = &c->secrets[k];
		printf("  secret %s: %s", oojwt_secret_kind_name(k),
			oojwt_secret_source_name(s->source));
		if (s->value != NULL && show) {
			printf(" \"%s\"", s->value);
		} else if (s->value != NULL) {
			printf(" (%lu bytes)", (unsigned long)s->value_len);
		}
		if (s->file != NULL) {
			printf(" %s", s->file);
		}
		printf("\n");
	}
	print_str("  inbox: header", c->inbox_header);
	print_str(", prefix", c->inbox_prefix);
	printf("\n");
	print_str("  outbox: header", c->outbox_header);
	print_str(", prefix", c->outbox_prefix);
	print_str(", algorithm", c->outbox_algorithm);
	print_str(", expires", c->outbox_expires);
	printf("\n");
	for (i = 0; i < c->n_findings; i++) {
		const oojwt_finding *f = &c->findings[i];
		printf("%s %s at %s: %s\n    fix: %s\n", oojwt_severity_name(f->severity),
			oojwt_code_name(f->code), f->path, f->message, f->fix);
	}
	if (c->n_findings == 0) {
		printf("no findings\n");
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

	code = oojwt_cli_read_input(o->input, 0, &text, &len, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		oojwt_cli_error(o->command, err);
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
		code = fflush(stdout) == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
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

/* As DS's jsonwebtoken uses verifyOptions (a string tolerance turns exp
 * and nbf off). */
static int
config_tolerance(const oojwt_server_config *c, double *out)
{
	*out = oojwt_ds_verify_options_tolerance(c->verify_options,
		c->verify_options_len);
	return c->verify_options != NULL;
}

int
oojwt_cli_inspect_config(const oojwt_cli_opts *o)
{
	char err[700];
	oojwt_server_config c;
	oojwt_config_report r;
	oojwt_inspect_opts io;
	unsigned char *secret = NULL;
	size_t secret_len = 0, len, i, n;
	char *text;
	int code, own_secret;

	own_secret = o->secret != NULL || o->secret_file != NULL
		|| o->secret_env != NULL || o->local_json != NULL
		|| getenv("OOJWT_SECRET") != NULL;
	if (!own_secret && o->server_config == NULL) {
		oojwt_cli_error(o->command, "inspect-config needs the inbox secret "
			"(--secret-file, --secret-env, $OOJWT_SECRET, "
			"--secret-from-local-json) or --server-config PATH");
		fprintf(stderr, "Try 'oojwt %s --help'.\n", o->command);
		return OOJWT_EXIT_USAGE;
	}
	memset(&io, 0, sizeof io);
	io.now = o->has_now ? o->now : (double)time(NULL);
	io.clock_tolerance = 60;
	io.enable_browser = 1;
	io.token_required_params = 1;
	if (o->server_version != NULL
		&& (io.server_version = oojwt_ds_version_parse(o->server_version,
		strlen(o->server_version))) == 0)
	{
		oojwt_cli_error(o->command, "--server-version must look like 8.1 or "
			"7.3.3");
		fprintf(stderr, "Try 'oojwt %s --help'.\n", o->command);
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
		config_tolerance(&c, &io.clock_tolerance);
		if (!own_secret) {
			const oojwt_cfg_secret *s = &c.secrets[OOJWT_SECRET_INBOX];
			secret_len = s->value != NULL ? s->value_len : 0;
			secret = (unsigned char *)malloc(secret_len + 1);
			if (secret == NULL) {
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
	code = oojwt_cli_read_input(o->input, 0, &text, &len, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		oojwt_wipe_free(secret, secret_len + 1);
		oojwt_cli_error(o->command, err);
		return code;
	}
	if (o->json) {
		char *rep = oojwt_config_inspect_json(text, len, secret, secret_len,
			io.now, io.clock_tolerance, io.enable_browser,
			io.token_required_params, io.server_version, &n);
		code = print_js(o, rep, n);
	} else {
		code = OOJWT_EXIT_OK;
	}
	if (code == OOJWT_EXIT_OK) {
		code = oojwt_config_inspect(&r, text, len, secret, secret_len, &io);
		code = code == OOJWT_OK ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
	}
	oojwt_wipe_free(secret, secret_len + 1);
	oojwt_wipe_free(text, len + 1);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	if (!o->json) {
		if (r.ok) {
			printf("OPENS: %s\n", r.message);
		} else if (r.close_code != 0) {
			printf("CLOSES %d (editor error %d): %s\n", r.close_code,
				r.editor_error, r.message);
		} else {
			printf("DOES NOT OPEN: %s\n", r.message);
		}
		printf("token: %s\n", r.token_text != NULL
			? oojwt_token_kind_name(r.token_kind) : "none");
		for (i = 0; i < r.n_findings; i++) {
			const oojwt_finding *f = &r.findings[i];
			printf("%s %s at %s: %s\n    fix: %s\n",
				oojwt_severity_name(f->severity), oojwt_code_name(f->code),
				f->path, f->message, f->fix);
		}
		if (r.effective != NULL) {
			oojwt_sb sb;
			memset(&sb, 0, sizeof sb);
			oojwt_cli_json_indent(&sb, r.effective, r.effective_len);
			if (!sb.failed) {
				printf("effective config:\n%s\n", sb.buf);
			}
			free(sb.buf);
		}
	}
	code = r.ok ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
	oojwt_config_report_free(&r);
	if (fflush(stdout) != 0) {
		return OOJWT_EXIT_INTERNAL;
	}
	return code;
}

int
oojwt_cli_print_report(const oojwt_cli_opts *o, char *rep, size_t len)
{
	return print_js(o, rep, len);
}
