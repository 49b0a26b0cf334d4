/*
 * The JSON report of a request inspection (kit.onlyoffice.inspectRequest,
 * `oojwt inspect-request --json`): built here once for the wasm export
 * (src/ds/wasm_request.c) and the native CLI (src/cli/request.c).
 *
 * {"kind", "verdict": {ok, httpStatus, error, response, message,
 *  tokenUsed}, "findings": [...], "tokens": [{place, header, counts,
 *  length, token, valid, alg, serverError, serverMessage, code, payload,
 *  warnings}], "effectiveBody"}
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

static void
put_name(oojwt_sb *sb, const char *name)
{
	oojwt_sb_puts(sb, ",\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, "\":");
}

/* A NUL-terminated string member, or null. */
static void
put_str(oojwt_sb *sb, const char *name, const char *s)
{
	put_name(sb, name);
	if (s != NULL) {
		oojwt_sb_json_string(sb, s, strlen(s));
	} else {
		oojwt_sb_puts(sb, "null");
	}
}

static void
put_token(oojwt_sb *sb, const oojwt_request_token *t)
{
	const oojwt_ds_result *d = &t->ds;
	int failed = !t->has_ds || !d->valid;

	oojwt_sb_puts(sb, "{\"place\":");
	oojwt_sb_json_string(sb, oojwt_token_place_name(t->place),
		strlen(oojwt_token_place_name(t->place)));
	put_str(sb, "header", t->header_name[0] != 0 ? t->header_name : NULL);
	put_name(sb, "counts");
	oojwt_sb_puts(sb, t->counts ? "true" : "false");
	put_name(sb, "length");
	oojwt_sb_long(sb, (long)t->len);
	put_name(sb, "token");
	if (t->text != NULL) {
		oojwt_sb_json_string(sb, t->text, t->len);
	} else {
		oojwt_sb_puts(sb, "null");
	}
	put_name(sb, "valid");
	oojwt_sb_puts(sb, failed ? "false" : "true");
	put_str(sb, "alg", t->has_ds ? oojwt_alg_name(d->alg) : NULL);
	put_str(sb, "serverError", !t->has_ds ? "JsonWebTokenError"
		: oojwt_ds_error_name(d->error_name));
	put_name(sb, "serverMessage");
	if (!t->has_ds) {
		oojwt_sb_puts(sb, "\"jwt must be a string\"");
	} else if (d->error_name != OOJWT_DS_NO_ERROR) {
		oojwt_sb_wtf8_string(sb, d->server_message, d->server_message_len);
	} else {
		oojwt_sb_puts(sb, "null");
	}
	put_str(sb, "code", !failed ? NULL : oojwt_code_name(t->has_ds ? d->code
		: OOJWT_ERR_MALFORMED));
	put_name(sb, "payload");
	if (t->has_ds && d->payload_kind == OOJWT_DS_PAYLOAD_JSON) {
		oojwt_sb_put(sb, d->payload_text, d->payload_len);
	} else if (t->has_ds && d->payload_kind == OOJWT_DS_PAYLOAD_TEXT) {
		oojwt_sb_json_string(sb, d->payload_text, d->payload_len);
	} else {
		oojwt_sb_puts(sb, "null");
	}
	put_name(sb, "warnings");
	oojwt_sb_issues(sb, d->warnings, t->has_ds ? d->n_warnings : 0, 0);
	oojwt_sb_puts(sb, "}");
}

char *
oojwt_request_inspect_json(const char *req, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_request_opts *o, size_t *out_len)
{
	oojwt_request_report *r;
	oojwt_sb sb;
	size_t i;
	int code;

	memset(&sb, 0, sizeof sb);
	r = (oojwt_request_report *)malloc(sizeof *r);
	if (r == NULL) {
		oojwt_sb_error(&sb, OOJWT_ERR_NO_MEMORY, "out of memory", -1);
		return oojwt_sb_finish(&sb, out_len);
	}
	code = oojwt_request_inspect(r, req, len, secret, secret_len, o);
	if (code != OOJWT_OK) {
		oojwt_sb_error(&sb, code, code == OOJWT_ERR_NO_MEMORY ? "out of memory"
			: r->message[0] != 0 ? r->message : "invalid arguments", -1);
		free(r);
		return oojwt_sb_finish(&sb, out_len);
	}
	oojwt_sb_puts(&sb, "{\"kind\":");
	oojwt_sb_json_string(&sb, oojwt_request_kind_name(o->kind),
		strlen(oojwt_request_kind_name(o->kind)));
	oojwt_sb_puts(&sb, ",\"verdict\":{\"ok\":");
	oojwt_sb_puts(&sb, r->ok ? "true" : "false");
	put_name(&sb, "httpStatus");
	oojwt_sb_long(&sb, r->http_status);
	put_name(&sb, "error");
	if (r->has_error) {
		oojwt_sb_long(&sb, r->error);
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	put_name(&sb, "response");
	oojwt_sb_puts(&sb, r->response[0] != 0 ? r->response : "null");
	put_str(&sb, "message", r->message);
	put_str(&sb, "tokenUsed", r->used >= 0
		? oojwt_token_place_name(r->tokens[r->used].place) : NULL);
	oojwt_sb_puts(&sb, "},\"findings\":");
	oojwt_sb_findings(&sb, r->findings, r->n_findings);
	oojwt_sb_puts(&sb, ",\"tokens\":[");
	for (i = 0; i < r->n_tokens; i++) {
		if (i > 0) {
			oojwt_sb_puts(&sb, ",");
		}
		put_token(&sb, &r->tokens[i]);
	}
	oojwt_sb_puts(&sb, "]");
	put_name(&sb, "effectiveBody");
	if (r->effective != NULL) {
		oojwt_sb_put(&sb, r->effective, r->effective_len);
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, "}");
	oojwt_request_report_free(r);
	free(r);
	return oojwt_sb_finish(&sb, out_len);
}
