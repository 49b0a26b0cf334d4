/*
 * The JSON side of oojwt_commands_build() (commands.c), shared by the
 * wasm export (wasm_deploy.c) and the native CLI (src/cli/deploy.c):
 * the context comes in as a JSON object, the commands go out as
 *
 *   { "commands": [{ "id", "runOn", "text", "explanation",
 *                    "params": { NAME: VALUE, ... } }] }
 *
 * or { "error": { "code", "message", "field" } } for a refused value.
 * The secret comes in as bytes beside the context; the report holds it
 * only with includeSecret, and is allocated once so that no copy is
 * left behind by a realloc.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "deploy.h"

static const char *const members[] = { "container", "url", "host",
	"connector", "header", "version", "signWith", "selfSigned",
	"includeSecret" };

static char *
fail(int code, const char *message, const char *field, size_t *out_len)
{
	oojwt_sb sb;

	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "{\"error\":{\"code\":\"");
	oojwt_sb_puts(&sb, oojwt_code_name(code));
	oojwt_sb_puts(&sb, "\"");
	oojwt_sb_member(&sb, "message", message, 1);
	oojwt_sb_member(&sb, "field", field, 1);
	oojwt_sb_puts(&sb, "}}");
	return oojwt_sb_finish(&sb, out_len);
}

/* A string member into (*s, *n); 0 when present but not a string. */
static int
text_of(const oojwt_jv *ctx, const char *name, const char **s, size_t *n)
{
	const oojwt_jv *v = oojwt_json_get(ctx, name);

	if (v == NULL) {
		return 1;
	}
	if (oojwt_json_type(v) != OOJWT_JSON_STRING) {
		return 0;
	}
	*s = oojwt_json_string(v);
	*n = strlen(*s);
	return 1;
}

static int
flag_of(const oojwt_jv *ctx, const char *name, int *out)
{
	const oojwt_jv *v = oojwt_json_get(ctx, name);

	if (v == NULL) {
		return 1;
	}
	if (oojwt_json_type(v) != OOJWT_JSON_TRUE
		&& oojwt_json_type(v) != OOJWT_JSON_FALSE)
	{
		return 0;
	}
	*out = oojwt_json_type(v) == OOJWT_JSON_TRUE;
	return 1;
}

char *
oojwt_commands_json(const oojwt_commands_opts *o, size_t *out_len)
{
	oojwt_commands *c = (oojwt_commands *)malloc(sizeof *c);
	oojwt_sb sb;
	size_t i, k;
	int code;

	if (c == NULL) {
		return fail(OOJWT_ERR_NO_MEMORY, "out of memory", NULL, out_len);
	}
	code = oojwt_commands_build(c, o);
	if (code != OOJWT_OK) {
		char *r = fail(code, c->bad_field != NULL ? c->message
			: "invalid arguments", c->bad_field, out_len);
		oojwt_commands_free(c);
		free(c);
		return r;
	}
	memset(&sb, 0, sizeof sb);
	sb.cap = 1024 + c->n * 6 * (OOJWT_COMMAND_LEN + OOJWT_MESSAGE_LEN
		+ OOJWT_COMMAND_PARAMS * (OOJWT_COMMAND_PARAM + 32));
	sb.buf = (char *)malloc(sb.cap);
	if (sb.buf == NULL) {
		oojwt_commands_free(c);
		free(c);
		return fail(OOJWT_ERR_NO_MEMORY, "out of memory", NULL, out_len);
	}
	sb.buf[0] = 0;
	oojwt_sb_puts(&sb, "{\"commands\":[");
	for (i = 0; i < c->n; i++) {
		const oojwt_command *m = &c->list[i];
		oojwt_sb_puts(&sb, i > 0 ? ",{" : "{");
		oojwt_sb_member(&sb, "id", oojwt_command_name(m->id), 0);
		oojwt_sb_member(&sb, "runOn", m->run_on, 1);
		oojwt_sb_member(&sb, "text", m->text, 1);
		oojwt_sb_member(&sb, "explanation", m->explanation, 1);
		oojwt_sb_puts(&sb, ",\"params\":{");
		for (k = 0; k < m->n_params; k++) {
			oojwt_sb_member(&sb, m->param_names[k], m->params[k], k > 0);
		}
		oojwt_sb_puts(&sb, "}}");
	}
	oojwt_sb_puts(&sb, "]}");
	oojwt_commands_free(c);
	free(c);
	return oojwt_sb_finish(&sb, out_len);
}

char *
oojwt_commands_json_text(const char *context, size_t len,
	const unsigned char *secret, size_t secret_len, int has_secret,
	size_t *out_len)
{
	oojwt_commands_opts o;
	oojwt_jv *ctx = NULL;
	const oojwt_jv *m;
	const char *name, *version = NULL, *sign = NULL, *bad = NULL;
	size_t version_len = 0, sign_len = 0, k;
	char msg[OOJWT_MESSAGE_LEN], *r;
	long pos;

	if (oojwt_json_parse(&ctx, context, len, &pos, msg) != OOJWT_OK
		|| oojwt_json_type(ctx) != OOJWT_JSON_OBJECT)
	{
		oojwt_json_free(ctx);
		return fail(OOJWT_ERR_BAD_ARGUMENT, "the context is not a JSON object",
			NULL, out_len);
	}
	for (m = oojwt_json_first(ctx, &name); m != NULL && bad == NULL;
		m = oojwt_json_next(m, &name))
	{
		for (k = 0; k < sizeof members / sizeof *members
			&& strcmp(members[k], name) != 0; k++) {
		}
		if (k == sizeof members / sizeof *members) {
			bad = name;
		}
	}
	if (bad != NULL) {
		oojwt_fmt(msg, sizeof msg, "unknown member %s", bad);
		r = fail(OOJWT_ERR_BAD_ARGUMENT, msg, bad, out_len);
		oojwt_json_free(ctx);
		return r;
	}
	memset(&o, 0, sizeof o);
	if (!text_of(ctx, "container", &o.container, &o.container_len)) {
		bad = "container";
	} else if (!text_of(ctx, "url", &o.ds_url, &o.ds_url_len)) {
		bad = "url";
	} else if (!text_of(ctx, "host", &o.cert_host, &o.cert_host_len)) {
		bad = "host";
	} else if (!text_of(ctx, "connector", &o.connector, &o.connector_len)) {
		bad = "connector";
	} else if (!text_of(ctx, "header", &o.header, &o.header_len)) {
		bad = "header";
	} else if (!text_of(ctx, "version", &version, &version_len)) {
		bad = "version";
	} else if (!text_of(ctx, "signWith", &sign, &sign_len)
		|| (sign != NULL && strcmp(sign, "openssl") != 0
		&& strcmp(sign, "oojwt") != 0))
	{
		bad = "signWith";
	} else if (!flag_of(ctx, "selfSigned", &o.self_signed)) {
		bad = "selfSigned";
	} else if (!flag_of(ctx, "includeSecret", &o.include_secret)) {
		bad = "includeSecret";
	}
	if (bad == NULL && version != NULL) {
		o.server_version = oojwt_ds_version_parse(version, version_len);
		if (o.server_version == 0) {
			bad = "version";
		}
	}
	if (bad == NULL && o.include_secret && !has_secret) {
		bad = "includeSecret";
	}
	if (bad != NULL) {
		oojwt_fmt(msg, sizeof msg, "%s: not a value it takes", bad);
		r = fail(OOJWT_ERR_BAD_ARGUMENT, msg, bad, out_len);
		oojwt_json_free(ctx);
		return r;
	}
	o.sign_with = sign != NULL && strcmp(sign, "oojwt") == 0
		? OOJWT_SIGN_WITH_OOJWT : OOJWT_SIGN_WITH_OPENSSL;
	if (has_secret) {
		o.secret = secret;
		o.secret_len = secret_len;
	}
	r = oojwt_commands_json(&o, out_len);
	oojwt_json_free(ctx);
	return r;
}
