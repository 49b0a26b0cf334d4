/*
 * The JSON reports of the ONLYOFFICE rules, shared by the wasm exports
 * (src/ds/wasm_ds.c) and the native CLI (src/cli/ds.c).
 * Each returns one malloc'd JSON report (see inner.h); the logic is in
 * profile.c, secret_variants.c, server_config.c and
 * editor_config.c.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

size_t
oojwt_ds_report_bound(int kind, size_t len)
{
	static const unsigned char multiplier[] = { 0, 5, 4, 12, 6, 0, 20 };

	if (kind < OOJWT_DS_REPORT_VERIFY || kind > OOJWT_DS_REPORT_REQUEST) {
		return SIZE_MAX;
	}
	return oojwt_bound_linear(multiplier[kind], len);
}

static char *
error_report(int code, size_t *out_len)
{
	oojwt_sb sb;

	memset(&sb, 0, sizeof sb);
	oojwt_sb_error(&sb, code, code == OOJWT_ERR_NO_MEMORY ? "out of memory"
		: "invalid arguments", -1);
	return oojwt_sb_finish(&sb, out_len);
}

char *
oojwt_ds_verify_json(const char *token, size_t len,
	const unsigned char *key, size_t key_len, const oojwt_ds_opts *o,
	size_t *out_len)
{
	oojwt_ds_result r;
	oojwt_sb sb;
	const char *s;
	int code;

	code = oojwt_ds_verify(&r, token, len, key, key_len, o);
	if (code != OOJWT_OK) {
		return error_report(code, out_len);
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, r.valid ? "{\"valid\":true" : "{\"valid\":false");
	oojwt_sb_member(&sb, "alg", oojwt_alg_name(r.alg), 1);
	oojwt_sb_puts(&sb, ",\"serverError\":");
	s = oojwt_ds_error_name(r.error_name);
	if (s != NULL) {
		oojwt_sb_json_string(&sb, s, strlen(s));
		oojwt_sb_puts(&sb, ",\"serverMessage\":");
		oojwt_sb_wtf8_string(&sb, r.server_message, r.server_message_len);
	} else {
		oojwt_sb_puts(&sb, "null,\"serverMessage\":null");
	}
	oojwt_sb_puts(&sb, ",\"closeCode\":");
	if (r.close_code != 0) {
		oojwt_sb_long(&sb, r.close_code);
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, ",\"errors\":[");
	if (!r.valid) {
		oojwt_sb_puts(&sb, "{\"code\":\"");
		oojwt_sb_puts(&sb, oojwt_code_name(r.code));
		oojwt_sb_puts(&sb, "\",\"message\":");
		oojwt_sb_json_string(&sb, r.message, strlen(r.message));
		oojwt_sb_params(&sb, r.params);
		oojwt_sb_puts(&sb, "}");
	}
	oojwt_sb_puts(&sb, "],\"warnings\":");
	oojwt_sb_issues(&sb, r.warnings, r.n_warnings, 0);
	oojwt_sb_puts(&sb, ",\"differences\":");
	oojwt_sb_issues(&sb, r.differences, r.n_differences, 0);
	oojwt_sb_puts(&sb, ",\"header\":");
	if (r.header_json) {
		oojwt_sb_put(&sb, r.header_text, r.header_len);
	} else {
		oojwt_sb_puts(&sb, "null");
		if (r.header_text != NULL) {
			oojwt_sb_puts(&sb, ",\"headerText\":");
			oojwt_sb_json_string(&sb, r.header_text, r.header_len);
		}
	}
	oojwt_sb_puts(&sb, ",\"payload\":");
	if (r.payload_kind == OOJWT_DS_PAYLOAD_JSON) {
		oojwt_sb_put(&sb, r.payload_text, r.payload_len);
	} else if (r.payload_kind == OOJWT_DS_PAYLOAD_TEXT) {
		oojwt_sb_json_string(&sb, r.payload_text, r.payload_len);
	} else {
		oojwt_sb_puts(&sb, "null");
		if (r.payload_text != NULL) {
			oojwt_sb_puts(&sb, ",\"payloadText\":");
			oojwt_sb_json_string(&sb, r.payload_text, r.payload_len);
		}
	}
	if (r.decoded_text != NULL) {
		oojwt_sb_puts(&sb, ",\"decoded\":");
		oojwt_sb_put(&sb, r.decoded_text, r.decoded_len);
	}
	oojwt_sb_puts(&sb, "}");
	oojwt_ds_result_free(&r);
	return oojwt_sb_finish(&sb, out_len);
}

/* ,"<prefix>code":"<name>","<prefix>params":{...} -- or ,"code", "params"
 * with an empty prefix, beside the member that holds the sentence
 * (prefix "why": whyCode, whyParams). `params` is a JSON object text
 * ("" or NULL: {}). */
static void
said(oojwt_sb *sb, const char *prefix, int code, const char *params)
{
	oojwt_sb_puts(sb, ",\"");
	oojwt_sb_puts(sb, prefix);
	oojwt_sb_puts(sb, prefix[0] != 0 ? "Code\":\"" : "code\":\"");
	oojwt_sb_puts(sb, oojwt_code_name(code));
	oojwt_sb_puts(sb, "\",\"");
	oojwt_sb_puts(sb, prefix);
	oojwt_sb_puts(sb, prefix[0] != 0 ? "Params\":" : "params\":");
	oojwt_sb_puts(sb, params != NULL && params[0] != 0 ? params : "{}");
}

/* A token kind's label, and its code: {"kind": name} says it again. */
static void
kind_label(oojwt_sb *sb, int kind)
{
	const char *name = oojwt_browser_kind_name(kind);

	oojwt_sb_member(sb, "label", oojwt_browser_kind_label(kind), 1);
	if (name == NULL) {
		return;
	}
	oojwt_sb_puts(sb, ",\"labelCode\":\"");
	oojwt_sb_puts(sb, oojwt_code_name(OOJWT_SAY_TOKEN_KIND_LABEL));
	oojwt_sb_puts(sb, "\",\"labelParams\":{\"kind\":");
	oojwt_sb_json_string(sb, name, strlen(name));
	oojwt_sb_puts(sb, "}");
}

char *
oojwt_secret_explain_json_text(const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, const char *others_json,
	size_t others_len, size_t *out_len)
{
	oojwt_secret_others o;
	oojwt_jv *tree = NULL;
	char msg[OOJWT_MESSAGE_LEN], *rep;
	long pos;
	int k;

	if (others_json == NULL) {
		return oojwt_secret_explain_json(token, len, secret, secret_len, NULL,
			out_len);
	}
	memset(&o, 0, sizeof o);
	if (oojwt_json_parse(&tree, others_json, others_len, &pos, msg) != OOJWT_OK
		|| oojwt_json_type(tree) != OOJWT_JSON_ARRAY
		|| oojwt_json_array_size(tree) != OOJWT_SECRET_OTHERS)
	{
		oojwt_json_free_wipe(tree);
		return error_report(OOJWT_ERR_BAD_ARGUMENT, out_len);
	}
	for (k = 0; k < OOJWT_SECRET_OTHERS; k++) {
		const oojwt_jv *v = oojwt_json_array_at(tree, (size_t)k);
		if (oojwt_json_type(v) == OOJWT_JSON_STRING) {
			o.value[k] = (const unsigned char *)oojwt_json_string(v);
			o.len[k] = strlen(oojwt_json_string(v));
		}
	}
	rep = oojwt_secret_explain_json(token, len, secret, secret_len, &o,
		out_len);
	oojwt_json_free_wipe(tree);
	return rep;
}

char *
oojwt_secret_explain_json(const char *token, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_secret_others *others, size_t *out_len)
{
	oojwt_secret_report r;
	oojwt_sb sb;
	const char *name;
	size_t i;
	int code;

	code = oojwt_secret_explain_ex(&r, token, len, secret, secret_len, others);
	if (code != OOJWT_OK) {
		return error_report(code, out_len);
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, r.verifies ? "{\"verifies\":true" : "{\"verifies\":false");
	oojwt_sb_member(&sb, "variant", oojwt_secret_variant_name(r.variant), 1);
	oojwt_sb_member(&sb, "message", r.message, 1);
	said(&sb, "", OOJWT_SAY_SECRET_EXPLAINED, r.params);
	oojwt_sb_member(&sb, "alg", oojwt_alg_name(r.alg), 1);
	oojwt_sb_puts(&sb, ",\"tried\":[");
	for (i = 0; i < r.n_tried; i++) {
		if (i > 0) {
			oojwt_sb_puts(&sb, ",");
		}
		name = oojwt_secret_variant_name(r.tried[i]);
		oojwt_sb_json_string(&sb, name, strlen(name));
	}
	oojwt_sb_puts(&sb, "],\"findings\":");
	oojwt_sb_issues(&sb, r.findings, r.n_findings, 0);
	oojwt_sb_puts(&sb, "}");
	oojwt_wipe(&r, sizeof r);
	return oojwt_sb_finish(&sb, out_len);
}

char *
oojwt_server_config_json(const char *local, size_t local_len,
	const char *defaults, size_t defaults_len, int has_defaults,
	size_t *out_len)
{
	oojwt_server_config c;
	oojwt_sb sb;
	int code, k;

	code = oojwt_server_config_read(&c, local, local_len,
		has_defaults ? defaults : NULL, has_defaults ? defaults_len : 0);
	if (code != OOJWT_OK) {
		return error_report(code, out_len);
	}
	/* The report carries the secrets: allocate it once, big enough, so
	 * that no realloc leaves an unwiped copy behind. */
	memset(&sb, 0, sizeof sb);
	sb.cap = 16384 + 6 * (c.verify_options_len + c.storage_secret.value_len)
		+ c.n_findings * 6
		* (2 * OOJWT_MESSAGE_LEN + OOJWT_PATH_LEN + 80);
	for (k = 0; k < OOJWT_SECRET_KINDS; k++) {
		sb.cap += 6 * c.secrets[k].value_len
			+ (c.secrets[k].file != NULL ? 6 * strlen(c.secrets[k].file) : 0);
	}
	sb.cap += 6 * (strlen(c.inbox_header != NULL ? c.inbox_header : "")
		+ strlen(c.inbox_prefix != NULL ? c.inbox_prefix : "")
		+ strlen(c.outbox_header != NULL ? c.outbox_header : "")
		+ strlen(c.outbox_prefix != NULL ? c.outbox_prefix : "")
		+ strlen(c.outbox_algorithm != NULL ? c.outbox_algorithm : "")
		+ strlen(c.outbox_expires != NULL ? c.outbox_expires : ""));
	sb.buf = (char *)malloc(sb.cap);
	if (sb.buf == NULL) {
		oojwt_server_config_free(&c);
		return error_report(OOJWT_ERR_NO_MEMORY, out_len);
	}
	sb.buf[0] = 0;
	oojwt_sb_puts(&sb, "{\"secrets\":{");
	for (k = 0; k < OOJWT_SECRET_KINDS; k++) {
		const oojwt_cfg_secret *s = &c.secrets[k];
		oojwt_sb_puts(&sb, k == 0 ? "\"" : ",\"");
		oojwt_sb_puts(&sb, oojwt_secret_kind_name(k));
		oojwt_sb_puts(&sb, "\":{");
		oojwt_sb_member(&sb, "source", oojwt_secret_source_name(s->source), 0);
		oojwt_sb_puts(&sb, ",\"value\":");
		if (s->value != NULL) {
			oojwt_sb_json_string(&sb, s->value, s->value_len);
		} else {
			oojwt_sb_puts(&sb, "null");
		}
		oojwt_sb_member(&sb, "file", s->file, 1);
		oojwt_sb_puts(&sb, "}");
	}
	oojwt_sb_puts(&sb, "},\"enabled\":{\"browser\":");
	oojwt_sb_puts(&sb, c.enabled_browser ? "true" : "false");
	oojwt_sb_puts(&sb, ",\"inbox\":");
	oojwt_sb_puts(&sb, c.enabled_inbox ? "true" : "false");
	oojwt_sb_puts(&sb, ",\"outbox\":");
	oojwt_sb_puts(&sb, c.enabled_outbox ? "true" : "false");
	oojwt_sb_puts(&sb, "},\"inbox\":{");
	oojwt_sb_member(&sb, "header", c.inbox_header, 0);
	oojwt_sb_member(&sb, "prefix", c.inbox_prefix, 1);
	oojwt_sb_puts(&sb, "},\"outbox\":{");
	oojwt_sb_member(&sb, "header", c.outbox_header, 0);
	oojwt_sb_member(&sb, "prefix", c.outbox_prefix, 1);
	oojwt_sb_member(&sb, "algorithm", c.outbox_algorithm, 1);
	oojwt_sb_member(&sb, "expires", c.outbox_expires, 1);
	oojwt_sb_puts(&sb, "},\"verifyOptions\":");
	if (c.verify_options != NULL) {
		oojwt_sb_put(&sb, c.verify_options, c.verify_options_len);
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, ",\"tokenRequiredParams\":");
	oojwt_sb_puts(&sb, c.token_required_params ? "true" : "false");
	{
		static const char *const forms[] = { "json", "docker", "secret",
			"fragment" };
		oojwt_sb_member(&sb, "form", c.form >= 0 && c.form < 4
			? forms[c.form] : NULL, 1);
	}
	oojwt_sb_puts(&sb, ",\"findings\":");
	oojwt_sb_findings(&sb, c.findings, c.n_findings);
	oojwt_sb_puts(&sb, ",\"storageSecret\":{");
	oojwt_sb_member(&sb, "source", oojwt_secret_source_name(
		c.storage_secret.source), 0);
	oojwt_sb_puts(&sb, ",\"value\":");
	if (c.storage_secret.value != NULL) {
		oojwt_sb_json_string(&sb, c.storage_secret.value,
			c.storage_secret.value_len);
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, "}}");
	oojwt_server_config_free(&c);
	return oojwt_sb_finish(&sb, out_len);
}

char *
oojwt_config_inspect_json(const char *config, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_inspect_opts *o, size_t *out_len)
{
	oojwt_config_report r;
	oojwt_sb sb;
	int code;

	code = oojwt_config_inspect(&r, config, len, secret, secret_len, o);
	if (code != OOJWT_OK) {
		return error_report(code, out_len);
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, r.ok ? "{\"verdict\":{\"ok\":true,\"closeCode\":"
		: "{\"verdict\":{\"ok\":false,\"closeCode\":");
	if (r.close_code != 0) {
		oojwt_sb_long(&sb, r.close_code);
		oojwt_sb_puts(&sb, ",\"editorError\":");
		if (r.editor_error != 0) {
			oojwt_sb_long(&sb, r.editor_error);
		} else {
			oojwt_sb_puts(&sb, "null");
		}
	} else {
		oojwt_sb_puts(&sb, "null,\"editorError\":null");
	}
	oojwt_sb_member(&sb, "message", r.message, 1);
	said(&sb, "", OOJWT_SAY_CONFIG_VERDICT, r.params);
	oojwt_sb_puts(&sb, "},\"findings\":");
	oojwt_sb_findings(&sb, r.findings, r.n_findings);
	oojwt_sb_puts(&sb, ",\"token\":");
	if (r.token_text == NULL) {
		oojwt_sb_puts(&sb, "null");
	} else {
		const char *alg = r.has_ds ? oojwt_alg_name(r.ds.alg) : NULL;
		oojwt_sb_puts(&sb, "{\"kind\":\"");
		oojwt_sb_puts(&sb, oojwt_token_kind_name(r.token_kind));
		oojwt_sb_puts(&sb, r.has_ds && r.ds.valid ? "\",\"valid\":true"
			: "\",\"valid\":false");
		oojwt_sb_member(&sb, "alg", alg, 1);
		oojwt_sb_member(&sb, "serverError", r.has_ds
			? oojwt_ds_error_name(r.ds.error_name) : NULL, 1);
		oojwt_sb_puts(&sb, ",\"serverMessage\":");
		if (r.has_ds && r.ds.error_name != 0) {
			oojwt_sb_wtf8_string(&sb, r.ds.server_message,
				r.ds.server_message_len);
		} else {
			oojwt_sb_puts(&sb, "null");
		}
		oojwt_sb_puts(&sb, ",\"payload\":");
		if (r.has_ds && r.ds.payload_kind == OOJWT_DS_PAYLOAD_JSON) {
			oojwt_sb_put(&sb, r.ds.payload_text, r.ds.payload_len);
		} else if (r.has_ds && r.ds.payload_kind == OOJWT_DS_PAYLOAD_TEXT) {
			oojwt_sb_json_string(&sb, r.ds.payload_text, r.ds.payload_len);
		} else {
			oojwt_sb_puts(&sb, "null");
		}
		oojwt_sb_puts(&sb, ",\"warnings\":");
		oojwt_sb_issues(&sb, r.ds.warnings,
			r.has_ds ? r.ds.n_warnings : 0, 0);
		if (r.has_ds && r.ds.decoded_text != NULL) {
			oojwt_sb_puts(&sb, ",\"decoded\":");
			oojwt_sb_put(&sb, r.ds.decoded_text, r.ds.decoded_len);
		}
		oojwt_sb_puts(&sb, "}");
	}
	oojwt_sb_puts(&sb, ",\"effectiveConfig\":");
	if (r.effective != NULL) {
		oojwt_sb_put(&sb, r.effective, r.effective_len);
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_sender(&sb, &r.sender);
	oojwt_sb_puts(&sb, "}");
	oojwt_config_report_free(&r);
	return oojwt_sb_finish(&sb, out_len);
}

char *
oojwt_config_sign_json(const char *config, size_t len,
	const unsigned char *secret, size_t secret_len, unsigned alg, int fields,
	int has_iat, double iat, int has_exp, double exp, size_t *out_len)
{
	oojwt_issue err;
	oojwt_sb sb;
	char *tok = NULL;
	size_t n = 0;
	int code;

	code = oojwt_config_sign(&tok, &n, config, len, secret, secret_len, alg,
		fields, has_iat ? &iat : NULL, has_exp ? &exp : NULL, &err);
	if (code == OOJWT_ERR_BAD_ARGUMENT && err.message[0] == 0) {
		return error_report(code, out_len);
	}
	memset(&sb, 0, sizeof sb);
	if (code == OOJWT_OK) {
		oojwt_sb_puts(&sb, "{\"token\":");
		oojwt_sb_json_string(&sb, tok, n);
		oojwt_sb_puts(&sb, "}");
	} else {
		oojwt_sb_error(&sb, code, err.message, -1);
	}
	free(tok);
	return oojwt_sb_finish(&sb, out_len);
}

/* ---- the tokens of the editor page's methods (token_kind.c) ------------- */

static void
null_or_long(oojwt_sb *sb, const char *name, long v)
{
	oojwt_sb_puts(sb, ",\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, "\":");
	if (v != 0) {
		oojwt_sb_long(sb, v);
	} else {
		oojwt_sb_puts(sb, "null");
	}
}

/* {"kind", "label", "confidence", "candidates", "why"} of a guess; `kind`
 * is the kind judged (the guess's when -2). */
static void
kind_object(oojwt_sb *sb, const oojwt_kind_guess *g, int kind)
{
	int k, first = 1;

	if (kind == -2) {
		kind = g->kind;
	}
	oojwt_sb_puts(sb, "{\"kind\":");
	if (kind >= 0) {
		oojwt_sb_json_string(sb, oojwt_browser_kind_name(kind),
			strlen(oojwt_browser_kind_name(kind)));
	} else {
		oojwt_sb_puts(sb, "null");
	}
	kind_label(sb, kind);
	oojwt_sb_member(sb, "confidence",
		oojwt_kind_confidence_name(g->confidence), 1);
	oojwt_sb_puts(sb, ",\"candidates\":[");
	/* The best guess first, then the others in the kinds' order. */
	if (g->kind >= 0 && (g->candidates & (1u << g->kind)) != 0) {
		oojwt_sb_json_string(sb, oojwt_browser_kind_name(g->kind),
			strlen(oojwt_browser_kind_name(g->kind)));
		first = 0;
	}
	for (k = 0; k < OOJWT_BROWSER_KINDS; k++) {
		if (k == g->kind || (g->candidates & (1u << k)) == 0) {
			continue;
		}
		oojwt_sb_puts(sb, first ? "" : ",");
		first = 0;
		oojwt_sb_json_string(sb, oojwt_browser_kind_name(k),
			strlen(oojwt_browser_kind_name(k)));
	}
	oojwt_sb_puts(sb, "]");
	oojwt_sb_member(sb, "why", g->why, 1);
	said(sb, "why", OOJWT_SAY_TOKEN_KIND_WHY, g->why_params);
}

char *
oojwt_browser_kind_json(const char *text, size_t len, size_t *out_len)
{
	oojwt_kind_guess g;
	oojwt_sb sb;
	int code;

	code = oojwt_browser_kind_guess(&g, text, len);
	if (code != OOJWT_OK) {
		return error_report(code, out_len);
	}
	memset(&sb, 0, sizeof sb);
	kind_object(&sb, &g, -2);
	oojwt_sb_puts(&sb, "}");
	return oojwt_sb_finish(&sb, out_len);
}

char *
oojwt_browser_kinds_json(size_t *out_len)
{
	oojwt_sb sb;
	int k;

	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "[");
	for (k = 0; k < OOJWT_BROWSER_KINDS; k++) {
		oojwt_sb_puts(&sb, k == 0 ? "{\"kind\":" : ",{\"kind\":");
		oojwt_sb_json_string(&sb, oojwt_browser_kind_name(k),
			strlen(oojwt_browser_kind_name(k)));
		kind_label(&sb, k);
		oojwt_sb_member(&sb, "channel", oojwt_channel_name(
			oojwt_browser_kind_channel(k)), 1);
		oojwt_sb_member(&sb, "reads", oojwt_browser_kind_reads(k), 1);
		oojwt_sb_member(&sb, "ignores", oojwt_browser_kind_ignores(k), 1);
		oojwt_sb_puts(&sb, "}");
	}
	oojwt_sb_puts(&sb, "]");
	return oojwt_sb_finish(&sb, out_len);
}

char *
oojwt_browser_inspect_json(const char *token, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_browser_opts *o, size_t *out_len)
{
	oojwt_browser_report r;
	oojwt_sb sb;
	int code;

	code = oojwt_browser_inspect(&r, token, len, secret, secret_len, o);
	if (code != OOJWT_OK) {
		return error_report(code, out_len);
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "{\"kind\":");
	kind_object(&sb, &r.guess, r.kind);
	oojwt_sb_puts(&sb, r.chosen ? ",\"chosen\":true" : ",\"chosen\":false");
	oojwt_sb_member(&sb, "guessed", oojwt_browser_kind_name(r.guess.kind), 1);
	oojwt_sb_puts(&sb, "},\"verdict\":{\"ok\":");
	oojwt_sb_puts(&sb, r.ok ? "true" : "false");
	oojwt_sb_puts(&sb, r.checked ? ",\"checked\":true" : ",\"checked\":false");
	oojwt_sb_member(&sb, "channel", oojwt_channel_name(r.channel), 1);
	null_or_long(&sb, "closeCode", r.close_code);
	null_or_long(&sb, "editorError", r.editor_error);
	null_or_long(&sb, "serverError", r.server_error);
	null_or_long(&sb, "httpStatus", r.http_status);
	oojwt_sb_member(&sb, "message", r.message, 1);
	said(&sb, "", OOJWT_SAY_BROWSER_VERDICT, r.params);
	oojwt_sb_puts(&sb, "}");
	oojwt_sb_member(&sb, "reads", oojwt_browser_kind_reads(r.kind), 1);
	oojwt_sb_member(&sb, "ignores", oojwt_browser_kind_ignores(r.kind), 1);
	oojwt_sb_puts(&sb, ",\"findings\":");
	oojwt_sb_findings(&sb, r.findings, r.n_findings);
	oojwt_sb_puts(&sb, ",\"token\":");
	if (!r.has_ds) {
		oojwt_sb_puts(&sb, "null");
	} else {
		oojwt_sb_puts(&sb, r.ds.valid ? "{\"valid\":true" : "{\"valid\":false");
		oojwt_sb_member(&sb, "alg", oojwt_alg_name(r.ds.alg), 1);
		oojwt_sb_member(&sb, "serverError",
			oojwt_ds_error_name(r.ds.error_name), 1);
		oojwt_sb_puts(&sb, ",\"serverMessage\":");
		if (r.ds.error_name != 0) {
			oojwt_sb_wtf8_string(&sb, r.ds.server_message,
				r.ds.server_message_len);
		} else {
			oojwt_sb_puts(&sb, "null");
		}
		oojwt_sb_puts(&sb, ",\"payload\":");
		if (r.ds.payload_kind == OOJWT_DS_PAYLOAD_JSON) {
			oojwt_sb_put(&sb, r.ds.payload_text, r.ds.payload_len);
		} else if (r.ds.payload_kind == OOJWT_DS_PAYLOAD_TEXT) {
			oojwt_sb_json_string(&sb, r.ds.payload_text, r.ds.payload_len);
		} else {
			oojwt_sb_puts(&sb, "null");
		}
		oojwt_sb_puts(&sb, ",\"warnings\":");
		oojwt_sb_issues(&sb, r.ds.warnings, r.ds.n_warnings, 0);
		oojwt_sb_puts(&sb, "}");
	}
	oojwt_sb_puts(&sb, "}");
	oojwt_browser_report_free(&r);
	return oojwt_sb_finish(&sb, out_len);
}
