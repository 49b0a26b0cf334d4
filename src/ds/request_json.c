/*
 * The JSON report of a request inspection (kit.onlyoffice.inspectRequest,
 * `oojwt inspect-request --json`): built here once for the wasm export
 * (src/ds/wasm_request.c) and the native CLI (src/cli/request.c).
 *
 * {"kind", "verdict": {ok, httpStatus, error, response, message,
 *  code, params, tokenUsed}, "findings": [...], "tokens": [{place, header, counts,
 *  length, token, valid, alg, serverError, serverMessage, code, payload,
 *  warnings}], "effectiveBody", "connectors": [{id, name, library,
 *  accepted, code, place, leeway, httpStatus, libraryMessage, message,
 *  fix, messageCode, messageParams}], "sender": null | {connector, confidence, used}}; and the
 *  connector table itself (kit.onlyoffice.connectors()).
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

static void
put_verdict(oojwt_sb *sb, const oojwt_connector_verdict *v)
{
	const oojwt_connector *c = oojwt_connector_at((size_t)v->connector);

	oojwt_sb_puts(sb, "{\"id\":");
	oojwt_sb_json_string(sb, c->id, strlen(c->id));
	put_str(sb, "name", c->name);
	put_str(sb, "library", oojwt_jwt_library_at((size_t)c->library)->id);
	put_name(sb, "accepted");
	oojwt_sb_puts(sb, v->accepted > 0 ? "true" : v->accepted == 0 ? "false"
		: "null");
	put_str(sb, "code", v->code != OOJWT_OK ? oojwt_code_name(v->code) : NULL);
	put_str(sb, "place", v->place >= 0 ? oojwt_token_place_name(v->place)
		: NULL);
	put_name(sb, "leeway");
	oojwt_sb_long(sb, (long)v->leeway);
	put_name(sb, "httpStatus");
	if (v->http_status > 0) {
		oojwt_sb_long(sb, v->http_status);
	} else {
		oojwt_sb_puts(sb, "null");
	}
	put_str(sb, "libraryMessage", v->library_message[0] != 0
		? v->library_message : NULL);
	put_str(sb, "message", v->message);
	put_str(sb, "fix", v->fix);
	put_str(sb, "messageCode", oojwt_code_name(OOJWT_SAY_CONNECTOR_DECIDES));
	put_name(sb, "messageParams");
	oojwt_sb_puts(sb, v->message_params[0] != 0 ? v->message_params : "{}");
	oojwt_sb_puts(sb, "}");
}

static void
put_bool(oojwt_sb *sb, const char *name, int v)
{
	put_name(sb, name);
	oojwt_sb_puts(sb, v ? "true" : "false");
}

static const char *const location_names[] = {
	"body-first", "header-first", "body-only", "header-only"
};
static const char *const header_rule_names[] = {
	"any-case", "exact-case", "wsgi", "authorization-only"
};
static const char *const prefix_rule_names[] = {
	"cut-length", "starts-with", "optional", "replace-all", "split-whitespace"
};
static const char *const iat_rule_names[] = {
	"not-checked", "checked", "checked-unless-nbf", "checked"
};

/* The tables: {"libraries": [...], "connectors": [...]}. */
void
oojwt_sb_sender(oojwt_sb *sb, const oojwt_sender *s)
{
	const oojwt_connector *c = s->connector > 0
		? oojwt_connector_at((size_t)s->connector - 1) : NULL;

	put_name(sb, "sender");
	if (c == NULL) {
		oojwt_sb_puts(sb, "null");
		return;
	}
	oojwt_sb_puts(sb, "{\"connector\":");
	oojwt_sb_json_string(sb, c->id, strlen(c->id));
	put_str(sb, "confidence", oojwt_confidence_name(s->confidence));
	put_bool(sb, "used", s->used);
	oojwt_sb_puts(sb, "}");
}

/* {"iat": true | false | null, "exp": seconds | false (none) | true (a
 * lifetime the source leaves open) | null (not known)} */
static void
put_claims(oojwt_sb *sb, const char *name, int iat, double exp)
{
	put_name(sb, name);
	oojwt_sb_puts(sb, iat == 1 ? "{\"iat\":true" : iat == 0
		? "{\"iat\":false" : "{\"iat\":null");
	put_name(sb, "exp");
	if (exp > 0) {
		oojwt_sb_long(sb, (long)exp);
	} else {
		oojwt_sb_puts(sb, exp == OOJWT_CONN_EXP_NONE ? "false"
			: exp == OOJWT_CONN_EXP_SOME ? "true" : "null");
	}
	oojwt_sb_puts(sb, "}");
}

/* "signs": what the connector signs when it sends to Document Server. */
static void
put_signs(oojwt_sb *sb, const oojwt_connector *c)
{
	put_name(sb, "signs");
	oojwt_sb_puts(sb, "{\"algorithm\":");
	oojwt_sb_json_string(sb, oojwt_alg_name(c->sign_alg),
		strlen(oojwt_alg_name(c->sign_alg)));
	put_claims(sb, "config", c->config_iat, c->config_exp);
	put_claims(sb, "request", c->request_iat, c->request_exp);
	put_name(sb, "requestToken");
	oojwt_sb_puts(sb, c->send == OOJWT_CONN_SEND_BODY ? "[\"body\"]"
		: c->send != 0 ? "[\"body\",\"header\"]" : "null");
	put_str(sb, "setting", c->sign_setting);
	put_str(sb, "source", c->sign_source);
	oojwt_sb_puts(sb, "}");
}

char *
oojwt_connectors_json(size_t *out_len)
{
	oojwt_sb sb;
	size_t i;

	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "{\"libraries\":[");
	for (i = 0; i < oojwt_jwt_library_count(); i++) {
		const oojwt_jwt_library *l = oojwt_jwt_library_at(i);
		oojwt_sb_puts(&sb, i > 0 ? ",{\"id\":" : "{\"id\":");
		oojwt_sb_json_string(&sb, l->id, strlen(l->id));
		put_str(&sb, "name", l->name);
		put_str(&sb, "algorithms", l->alg_rule == OOJWT_LIB_ALG_ANY_HS
			? "any-hs" : "configured");
		put_str(&sb, "iat", iat_rule_names[l->iat_rule]);
		put_bool(&sb, "keyMinimum", l->key_min);
		put_bool(&sb, "emptyKeyRefused", l->empty_key);
		put_bool(&sb, "run", l->exact);
		put_str(&sb, "source", l->source);
		oojwt_sb_puts(&sb, "}");
	}
	oojwt_sb_puts(&sb, "],\"connectors\":[");
	for (i = 0; i < oojwt_connector_count(); i++) {
		const oojwt_connector *c = oojwt_connector_at(i);
		oojwt_sb_puts(&sb, i > 0 ? ",{\"id\":" : "{\"id\":");
		oojwt_sb_json_string(&sb, c->id, strlen(c->id));
		put_str(&sb, "name", c->name);
		put_str(&sb, "nameCode", oojwt_code_name(OOJWT_SAY_CONNECTOR_NAME));
		oojwt_sb_puts(&sb, ",\"nameParams\":{\"connector\":");
		oojwt_sb_json_string(&sb, c->id, strlen(c->id));
		oojwt_sb_puts(&sb, "}");
		put_str(&sb, "library", oojwt_jwt_library_at((size_t)c->library)->id);
		put_str(&sb, "location", location_names[c->location]);
		put_str(&sb, "header", header_rule_names[c->header_rule]);
		put_str(&sb, "prefix", prefix_rule_names[c->prefix_rule]);
		put_bool(&sb, "unwrapsPayload", c->unwrap);
		put_name(&sb, "leeway");
		oojwt_sb_long(&sb, (long)c->leeway);
		put_str(&sb, "leewaySetting", c->leeway_setting);
		put_str(&sb, "trimsSecret", c->trims_secret == 2 ? "always"
			: c->trims_secret ? "settings-page" : "no");
		put_name(&sb, "refusal");
		oojwt_sb_puts(&sb, "{\"status\":");
		if (c->refuse_status > 0) {
			oojwt_sb_long(&sb, c->refuse_status);
		} else {
			oojwt_sb_puts(&sb, "null");
		}
		put_str(&sb, "body", c->refuse_body);
		put_str(&sb, "log", c->refuse_log);
		oojwt_sb_puts(&sb, "}");
		put_str(&sb, "source", c->source);
		put_signs(&sb, c);
		put_str(&sb, "downloadPrefix", prefix_rule_names[c->download_prefix
			>= 0 ? c->download_prefix : c->prefix_rule]);
		put_str(&sb, "urlPaths", c->marks);
		oojwt_sb_puts(&sb, "}");
	}
	oojwt_sb_puts(&sb, "]}");
	return oojwt_sb_finish(&sb, out_len);
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
	put_str(&sb, "code", oojwt_code_name(r->message_code != 0
		? r->message_code : OOJWT_SAY_REQUEST_ANSWER));
	put_name(&sb, "params");
	oojwt_sb_puts(&sb, r->message_params[0] != 0 ? r->message_params : "{}");
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
	put_name(&sb, "connectors");
	oojwt_sb_puts(&sb, "[");
	for (i = 0; i < r->n_connectors; i++) {
		if (i > 0) {
			oojwt_sb_puts(&sb, ",");
		}
		put_verdict(&sb, &r->connectors[i]);
	}
	oojwt_sb_puts(&sb, "]");
	oojwt_sb_sender(&sb, &r->sender);
	oojwt_sb_puts(&sb, "}");
	oojwt_request_report_free(r);
	free(r);
	return oojwt_sb_finish(&sb, out_len);
}
