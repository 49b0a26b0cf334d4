/*
 * The deployment commands of the CLI: inspect-url (a secure download
 * link as nginx judges it) and nginx-config (Document Server's nginx
 * configuration). Their JSON reports are the ones the JS module's
 * kit.onlyoffice.inspectDownloadUrl / readNginxConfig return: both call
 * the report builders of src/deploy/deploy_json.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "inner.h"

#define MAX_CONFIG ((size_t)16 * 1024 * 1024)

/* A malloc'd copy of `n` bytes plus a NUL (wipe it with
 * oojwt_wipe_free(p, n + 1)); NULL when memory runs out. */
static unsigned char *
dup_bytes(const char *s, size_t n)
{
	unsigned char *p = (unsigned char *)malloc(n + 1);

	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = 0;
	}
	return p;
}

/* The secure link secret of a local.json (storage.fs.secretString, as
 * merged over default.json) or of an nginx file ($secure_link_secret). */
static int
config_secret(const char *path, int nginx, unsigned char **secret,
	size_t *len, char *err, size_t cap)
{
	char *text;
	size_t n;
	int code;

	code = oojwt_cli_read_file(path, MAX_CONFIG, &text, &n, err, cap);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	*secret = NULL;
	if (nginx) {
		oojwt_nginx_config c;
		oojwt_nginx_read(&c, text, n);
		if (c.has_secret) {
			*len = c.secret_len;
			*secret = dup_bytes(c.secret, c.secret_len);
		} else {
			snprintf(err, cap, "%s sets no $secure_link_secret", path);
			code = OOJWT_EXIT_INPUT;
		}
		oojwt_nginx_config_free(&c);
	} else {
		oojwt_server_config c;
		if (oojwt_server_config_read(&c, text, n, NULL, 0) == OOJWT_OK) {
			if (c.storage_secret.value != NULL) {
				*len = c.storage_secret.value_len;
				*secret = dup_bytes(c.storage_secret.value, *len);
			} else {
				snprintf(err, cap, "%s: storage.fs.secretString is empty",
					path);
				code = OOJWT_EXIT_INPUT;
			}
			oojwt_server_config_free(&c);
		}
	}
	oojwt_wipe_free(text, n + 1);
	if (code == OOJWT_EXIT_OK && *secret == NULL) {
		snprintf(err, cap, "out of memory");
		code = OOJWT_EXIT_INTERNAL;
	}
	return code;
}

static void
print_findings(const oojwt_jv *list)
{
	size_t i, n = oojwt_json_array_size(list);

	for (i = 0; i < n; i++) {
		const oojwt_jv *f = oojwt_json_array_at(list, i);
		oojwt_cli_said s;
		oojwt_cli_say(&s, oojwt_json_string(oojwt_json_get(f, "code")),
			oojwt_json_get(f, "params"),
			oojwt_json_string(oojwt_json_get(f, "message")),
			oojwt_json_string(oojwt_json_get(f, "fix")));
		oojwt_cli_print_finding_said(
			oojwt_json_string(oojwt_json_get(f, "severity")),
			oojwt_json_string(oojwt_json_get(f, "code")),
			oojwt_json_string(oojwt_json_get(f, "path")), &s);
		oojwt_cli_said_free(&s);
	}
}

/* A string member, or `none` when it is null. */
static const char *
str_or(const oojwt_jv *o, const char *name, const char *none)
{
	const oojwt_jv *v = oojwt_json_get(o, name);

	return oojwt_json_type(v) == OOJWT_JSON_STRING ? oojwt_json_string(v)
		: none;
}

/* A link's expiry from now, as deploy_json.c relative_text writes it. */
static const char *const RELATIVE[] = {
	OOJWT_WORD("relative.now"), OOJWT_WORD("relative.in"),
	OOJWT_WORD("relative.ago")
};

/* The people's view of an inspect-url report. */
static void
link_human(const oojwt_jv *r)
{
	const oojwt_jv *v = oojwt_json_get(r, "verdict");
	const oojwt_jv *e = oojwt_json_get(r, "expires");
	const oojwt_jv *a = oojwt_json_get(r, "args");
	const oojwt_jv *m = oojwt_json_get(r, "match");
	oojwt_cli_said said;
	oojwt_sb s1, s2;

	/* The verdict in the chosen language, by its code and params. */
	oojwt_cli_say(&said, str_or(v, "code", ""), oojwt_json_get(v, "params"),
		str_or(v, "message", ""), NULL);
	oojwt_cli_printf("%s\n", said.message);
	oojwt_cli_said_free(&said);
	oojwt_cli_wprintf(OOJWT_WORD("link.signed_path"), "path", "%s",
		oojwt_cli_safe(&s1, str_or(r, "signedPath", ""), (size_t)-1));
	oojwt_wipe_free(s1.buf, s1.cap);
	if (oojwt_json_type(e) == OOJWT_JSON_OBJECT) {
		oojwt_sb epoch;
		memset(&epoch, 0, sizeof epoch);
		oojwt_cli_js_number(&epoch, oojwt_json_number(oojwt_json_get(e,
			"epoch")));
		oojwt_sb rel;
		oojwt_cli_wprintf(OOJWT_WORD("link.expires"), "epoch,utc,relative",
			"%s%s%s", epoch.failed ? "?" : epoch.buf, str_or(e, "utc", ""),
			oojwt_cli_tr_str(&rel, str_or(e, "relative", ""), RELATIVE,
			sizeof RELATIVE / sizeof RELATIVE[0]));
		free(rel.buf);
		free(epoch.buf);
	}
	if (oojwt_json_type(oojwt_json_get(a, "md5")) == OOJWT_JSON_STRING) {
		oojwt_cli_printf("  md5: %s", str_or(a, "md5", ""));
	} else {
		oojwt_cli_wprintf(OOJWT_WORD("link.no_md5"), NULL, NULL);
	}
	if (oojwt_json_type(oojwt_json_get(r, "expectedMd5"))
		== OOJWT_JSON_STRING)
	{
		oojwt_cli_wprintf(OOJWT_WORD("link.expected"), "md5", "%s",
			str_or(r, "expectedMd5", ""));
	}
	oojwt_cli_printf("\n");
	if (oojwt_json_type(m) == OOJWT_JSON_OBJECT) {
		oojwt_cli_wprintf(OOJWT_WORD("link.matches"), "path,secret", "%s%s",
			oojwt_cli_safe(&s1, str_or(m, "path", ""), (size_t)-1),
			oojwt_cli_safe(&s2, str_or(m, "secret", ""), (size_t)-1));
		oojwt_wipe_free(s1.buf, s1.cap);
		oojwt_wipe_free(s2.buf, s2.cap);
	}
	print_findings(oojwt_json_get(r, "findings"));
}

/* Parse the core's report (NULL: out of memory) into *v. */
static int
parse_report(const oojwt_cli_opts *o, char *rep, size_t n, oojwt_jv **v)
{
	char msg[OOJWT_MESSAGE_LEN];
	long pos;
	int code;

	if (rep == NULL) {
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	code = oojwt_json_parse(v, rep, n, &pos, msg);
	oojwt_wipe_free(rep, n + 1);
	if (code != OOJWT_OK) {
		oojwt_cli_error(o->command, "the core's report is not strict JSON");
		return OOJWT_EXIT_INTERNAL;
	}
	return OOJWT_EXIT_OK;
}

/* Write sb to standard output, wipe and free it. */
static int
put_out(oojwt_sb *sb)
{
	int ok = !sb->failed && oojwt_cli_out(sb->buf, sb->len) == 0
		&& oojwt_cli_host_flush() == 0;

	oojwt_wipe_free(sb->buf, sb->cap);
	return ok ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
}

int
oojwt_cli_inspect_url(const oojwt_cli_opts *o)
{
	char err[700];
	unsigned char *secret = NULL;
	size_t secret_len = 0, len, n;
	char *url, *rep;
	oojwt_jv *r;
	oojwt_sb sb;
	double now = o->has_now ? o->now : oojwt_cli_host_now();
	int code, has, ok;

	if (o->local_json != NULL) {
		oojwt_cli_error_word(o->command, OOJWT_WORD("usage.link_local_json"));
		oojwt_cli_weprintf(OOJWT_WORD("usage.try"), "command", "%s", o->command);
		return OOJWT_EXIT_USAGE;
	}
	has = o->secret != NULL || o->secret_file != NULL
		|| o->secret_env != NULL || oojwt_cli_host_getenv("OOJWT_SECRET", NULL, NULL);
	if (has) {
		code = oojwt_cli_secret(o, &secret, &secret_len, err, sizeof err);
	} else if (o->server_config != NULL || o->nginx_config != NULL) {
		has = 1;
		code = config_secret(o->server_config != NULL ? o->server_config
			: o->nginx_config, o->server_config == NULL, &secret,
			&secret_len, err, sizeof err);
	} else {
		code = OOJWT_EXIT_OK;
	}
	if (code != OOJWT_EXIT_OK) {
		oojwt_cli_error(o->command, err);
		return code;
	}
	/* A token, a local.json, an nginx file, ...: not a link. */
	code = oojwt_cli_read_expected(o, 1,
		OOJWT_CLI_KIND(OOJWT_CLI_TEXT_URL) | OOJWT_CLI_KIND(OOJWT_CLI_TEXT_PATH)
		| OOJWT_CLI_KIND(OOJWT_CLI_TEXT_OTHER), "a download link", &url, &len,
		err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		oojwt_wipe_free(secret, secret_len + 1);
		if (err[0] != 0) {
			oojwt_cli_error(o->command, err);
		}
		return code;
	}
	rep = oojwt_link_inspect_json(url, len, secret, secret_len, has, now, &n);
	oojwt_wipe_free(secret, secret_len + 1);
	oojwt_wipe_free(url, len + 1);
	code = parse_report(o, rep, n, &r);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	ok = oojwt_json_type(oojwt_json_get(oojwt_json_get(r, "verdict"), "ok"))
		== OOJWT_JSON_TRUE;
	if (o->json) {
		memset(&sb, 0, sizeof sb);
		oojwt_cli_js_value(&sb, r);
		oojwt_sb_puts(&sb, "\n");
		code = put_out(&sb);
	} else {
		link_human(r);
		code = oojwt_cli_host_flush() == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
	}
	oojwt_json_free(r);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	return ok ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
}

/* The people's view of an nginx-config report. */
static void
nginx_human(const oojwt_jv *r, const char *secret_text)
{
	const oojwt_jv *l = oojwt_json_get(r, "listen");
	const oojwt_jv *s = oojwt_json_get(r, "ssl");
	const oojwt_jv *p = oojwt_json_get(s, "protocols");
	char none[64];
	size_t i;

	oojwt_sb s1, s2;

	oojwt_cli_wprintf(OOJWT_WORD("nginx.title"), "secret", "%s",
		oojwt_cli_safe(&s1, secret_text, (size_t)-1));
	oojwt_wipe_free(s1.buf, s1.cap);
	for (i = 0; i < oojwt_json_array_size(l); i++) {
		const oojwt_jv *x = oojwt_json_array_at(l, i);
		oojwt_cli_printf("%s %s%s%.0f%s%s", i > 0 ? "," : "",
			str_or(x, "address", ""), str_or(x, "address", "")[0] != 0
			? ":" : "", oojwt_json_number(oojwt_json_get(x, "port")),
			oojwt_json_type(oojwt_json_get(x, "ssl")) == OOJWT_JSON_TRUE
			? " ssl" : "", oojwt_json_type(oojwt_json_get(x,
			"defaultServer")) == OOJWT_JSON_TRUE ? " default_server" : "");
	}
	if (oojwt_json_array_size(l) == 0) {
		oojwt_cli_wprintf(OOJWT_WORD("nginx.none"), NULL, NULL);
	}
	oojwt_cli_wsnprintf(none, sizeof none, OOJWT_WORD("nginx.none_value"), NULL,
		NULL);
	oojwt_cli_wprintf(OOJWT_WORD("nginx.ssl"), "cert,key", "%s%s",
		oojwt_cli_safe(&s1, str_or(s, "certificate", none), (size_t)-1),
		oojwt_cli_safe(&s2, str_or(s, "certificateKey", none), (size_t)-1));
	oojwt_wipe_free(s1.buf, s1.cap);
	oojwt_wipe_free(s2.buf, s2.cap);
	for (i = 0; i < oojwt_json_array_size(p); i++) {
		oojwt_cli_printf(" %s", oojwt_json_string(oojwt_json_array_at(p, i)));
	}
	if (oojwt_json_type(p) != OOJWT_JSON_ARRAY) {
		oojwt_cli_wprintf(OOJWT_WORD("nginx.not_set"), NULL, NULL);
	}
	oojwt_cli_printf("\n");
	print_findings(oojwt_json_get(r, "findings"));
	if (oojwt_json_array_size(oojwt_json_get(r, "findings")) == 0) {
		oojwt_cli_wprintf(OOJWT_WORD("config.no_findings"), NULL, NULL);
	}
}

int
oojwt_cli_nginx_config(const oojwt_cli_opts *o)
{
	char err[700], hidden[96];
	unsigned char *storage = NULL;
	size_t storage_len = 0, len, n, i;
	char *text, *rep;
	const oojwt_jv *list, *sec;
	oojwt_jv *r;
	int code, errors = 0;

	if (o->server_config != NULL) {
		code = config_secret(o->server_config, 0, &storage, &storage_len, err,
			sizeof err);
		if (code != OOJWT_EXIT_OK) {
			oojwt_cli_error(o->command, err);
			return code;
		}
	}
	code = oojwt_cli_read_expected(o, 0,
		OOJWT_CLI_KIND(OOJWT_CLI_TEXT_NGINX) | OOJWT_CLI_KIND(OOJWT_CLI_TEXT_ENV)
		| OOJWT_CLI_KIND(OOJWT_CLI_TEXT_OTHER), "an nginx configuration", &text,
		&len, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		oojwt_wipe_free(storage, storage_len + 1);
		if (err[0] != 0) {
			oojwt_cli_error(o->command, err);
		}
		return code;
	}
	rep = oojwt_nginx_json(text, len, storage, storage_len, storage != NULL,
		&n);
	oojwt_wipe_free(storage, storage_len + 1);
	oojwt_wipe_free(text, len + 1);
	code = parse_report(o, rep, n, &r);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	sec = oojwt_json_get(r, "secureLinkSecret");
	if (oojwt_json_type(sec) == OOJWT_JSON_STRING) {
		oojwt_cli_wsnprintf(hidden, sizeof hidden, OOJWT_WORD("nginx.hidden"),
			"n", "%z", strlen(oojwt_json_string(sec)));
	} else {
		oojwt_cli_wsnprintf(hidden, sizeof hidden, OOJWT_WORD("nginx.none_value"),
			NULL, NULL);
	}
	list = oojwt_json_get(r, "findings");
	for (i = 0; i < oojwt_json_array_size(list); i++) {
		errors += strcmp(str_or(oojwt_json_array_at(list, i), "severity", ""),
			"error") == 0;
	}
	if (o->json) {
		oojwt_cli_obj obj;
		oojwt_sb sb;
		memset(&obj, 0, sizeof obj);
		memset(&sb, 0, sizeof sb);
		oojwt_cli_obj_spread(&obj, r);
		if (!o->show_secrets && oojwt_json_type(sec) == OOJWT_JSON_STRING) {
			/* The report stays English, as every --json does. */
			snprintf(hidden, sizeof hidden, "(hidden: %lu bytes; --show-secrets "
				"prints it)", (unsigned long)strlen(oojwt_json_string(sec)));
			oojwt_cli_obj_set_str(&obj, "secureLinkSecret", hidden);
		}
		oojwt_cli_js_obj(&sb, &obj);
		oojwt_sb_puts(&sb, "\n");
		oojwt_cli_obj_free(&obj);
		code = put_out(&sb);
	} else {
		nginx_human(r, o->show_secrets && oojwt_json_type(sec)
			== OOJWT_JSON_STRING ? oojwt_json_string(sec) : hidden);
		code = oojwt_cli_host_flush() == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
	}
	oojwt_json_free_wipe(r);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	return errors > 0 ? OOJWT_EXIT_INVALID : OOJWT_EXIT_OK;
}

int
oojwt_cli_commands(const oojwt_cli_opts *o)
{
	oojwt_commands_opts co;
	oojwt_commands *out;
	unsigned char *secret = NULL;
	size_t secret_len = 0, i, n;
	char err[600];
	int code;

	memset(&co, 0, sizeof co);
	if (o->include_secret) {
		code = oojwt_cli_secret(o, &secret, &secret_len, err, sizeof err);
		if (code != OOJWT_EXIT_OK) {
			oojwt_cli_error(o->command, err);
			return code;
		}
		co.secret = secret;
		co.secret_len = secret_len;
		co.include_secret = 1;
	}
#define TEXT(field, from) if ((from) != NULL) { co.field = (from); \
	co.field##_len = strlen(from); }
	TEXT(container, o->container)
	TEXT(ds_url, o->url)
	TEXT(cert_host, o->host)
	TEXT(connector, o->connector)
	TEXT(header, o->jwt_header)
#undef TEXT
	co.self_signed = o->self_signed;
	code = OOJWT_EXIT_OK;
	if (o->server_version != NULL) {
		co.server_version = oojwt_ds_version_parse(o->server_version,
			strlen(o->server_version));
		if (co.server_version == 0) {
			oojwt_cli_wsnprintf(err, sizeof err, OOJWT_WORD("usage.version"),
				NULL, NULL);
			code = OOJWT_EXIT_USAGE;
		}
	}
	if (o->sign_with != NULL && strcmp(o->sign_with, "openssl") != 0) {
		if (strcmp(o->sign_with, "oojwt") != 0) {
			oojwt_cli_wsnprintf(err, sizeof err, OOJWT_WORD("usage.sign_with"),
				NULL, NULL);
			code = OOJWT_EXIT_USAGE;
		}
		co.sign_with = OOJWT_SIGN_WITH_OOJWT;
	}
	out = code == OOJWT_EXIT_OK ? (oojwt_commands *)malloc(sizeof *out) : NULL;
	if (code == OOJWT_EXIT_OK && out == NULL) {
		snprintf(err, sizeof err, "out of memory");
		code = OOJWT_EXIT_INTERNAL;
	}
	if (code == OOJWT_EXIT_OK && oojwt_commands_build(out, &co) != OOJWT_OK) {
		snprintf(err, sizeof err, "%s", out->message);
		code = OOJWT_EXIT_USAGE;
	}
	if (code != OOJWT_EXIT_OK) {
		oojwt_wipe_free(secret, secret_len + 1);
		if (out != NULL) {
			oojwt_commands_free(out);
			free(out);
		}
		oojwt_cli_error(o->command, err);
		return code;
	}
	if (o->json) {
		char *rep = oojwt_commands_json(&co, &n);
		oojwt_wipe_free(secret, secret_len + 1);
		oojwt_commands_free(out);
		free(out);
		return oojwt_cli_print_report(o, rep, n);
	}
	oojwt_wipe_free(secret, secret_len + 1);
	for (i = 0; i < out->n; i++) {
		const oojwt_command *c = &out->list[i];
		oojwt_sb ex;
		oojwt_cli_wprintf(OOJWT_WORD("commands.item"), "name,runOn,explanation",
			"%s%s%s", oojwt_command_name(c->id), c->run_on,
			oojwt_cli_tr_str(&ex, c->explanation, oojwt_cli_explain_ids,
			oojwt_cli_n_explain_ids));
		oojwt_cli_printf("%s\n\n", c->text);
		oojwt_wipe_free(ex.buf, ex.cap);
	}
	oojwt_commands_free(out);
	free(out);
	return OOJWT_EXIT_OK;
}
