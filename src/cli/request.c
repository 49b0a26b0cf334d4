/*
 * `oojwt inspect-request`: a request to Document Server (command,
 * converter, docbuilder) or a callback from it, judged by
 * oojwt_request_inspect(). --json prints the report of
 * src/ds/request_json.c, which is what kit.onlyoffice.
 * inspectRequest returns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "inner.h"

#define MAX_CONFIG ((size_t)16 * 1024 * 1024)

static int
kind_of(const char *s)
{
	int k;

	for (k = 0; s != NULL && oojwt_request_kind_name(k) != NULL; k++) {
		if (strcmp(s, oojwt_request_kind_name(k)) == 0) {
			return k;
		}
	}
	return -1;
}

/* The secret and options from --server-config PATH: 0, or an exit code
 * with `err`. */
static int
from_config(const char *path, int own_secret, oojwt_request_opts *ro,
	oojwt_server_config *c, unsigned char **secret, size_t *secret_len,
	char *err, size_t cap)
{
	char *text;
	size_t len;
	int code, which;

	code = oojwt_cli_read_file(path, MAX_CONFIG, &text, &len, err, cap);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	code = oojwt_server_config_read(c, text, len, NULL, 0);
	oojwt_wipe_free(text, len + 1);
	if (code != OOJWT_OK) {
		snprintf(err, cap, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	oojwt_request_opts_from_config(ro, c, ro->kind, &which);
	if (own_secret) {
		ro->no_secret = 0;
		return OOJWT_EXIT_OK;
	}
	if (ro->no_secret) {
		/* No string and no file: DS verifies without a key. */
		*secret = (unsigned char *)calloc(1, 1);
		*secret_len = 0;
		if (*secret == NULL) {
			snprintf(err, cap, "out of memory");
			return OOJWT_EXIT_INTERNAL;
		}
		return OOJWT_EXIT_OK;
	}
	if (c->secrets[which].value == NULL) {
		snprintf(err, cap, "%s: the %s secret is not a string there "
			"(services.CoAuthoring.secret.%s); give it with --secret-file",
			path, oojwt_secret_kind_name(which), oojwt_secret_kind_name(which));
		return OOJWT_EXIT_INPUT;
	}
	*secret_len = c->secrets[which].value_len;
	*secret = (unsigned char *)malloc(*secret_len + 1);
	if (*secret == NULL) {
		snprintf(err, cap, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	memcpy(*secret, c->secrets[which].value, *secret_len + 1);
	return OOJWT_EXIT_OK;
}

int
oojwt_cli_connector(const char *name, int allow_none, int *connector,
	char *err, size_t cap)
{
	size_t i, n;
	int row;

	if (allow_none && strcmp(name, "none") == 0) {
		*connector = -1;
		return OOJWT_EXIT_OK;
	}
	row = oojwt_connector_find(name, strlen(name));
	if (row < 0) {
		char names[1024];
		n = 0;
		names[0] = 0;
		for (i = 0; i < oojwt_connector_count() && n < sizeof names; i++) {
			n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", i > 0
				? ", " : "", oojwt_connector_at(i)->id);
		}
		if (allow_none && n < sizeof names) {
			snprintf(names + n, sizeof names - n, ", none");
		}
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.connector"), "names",
			"%s", names);
		return OOJWT_EXIT_USAGE;
	}
	*connector = row + 1;
	return OOJWT_EXIT_OK;
}

/* 1 for the kinds Document Server sends (outbox secret, the connectors
 * judge them). */
static int
outbox_kind(int kind)
{
	return kind == OOJWT_REQUEST_CALLBACK || kind == OOJWT_REQUEST_DOWNLOAD;
}

/* --connector NAME (every kind: the receiver for callbacks and downloads,
 * the sender for the others) and --leeway S (callbacks and downloads):
 * 0, or an exit code with `err`. */
static int
connector_opts(const oojwt_cli_opts *o, oojwt_request_opts *ro, char *err,
	size_t cap)
{
	int code;

	if (o->has_leeway && !outbox_kind(ro->kind)) {
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.leeway_kind"), NULL, NULL);
		return OOJWT_EXIT_USAGE;
	}
	if (o->connector != NULL) {
		code = oojwt_cli_connector(o->connector, !outbox_kind(ro->kind),
			&ro->connector, err, cap);
		if (code != OOJWT_EXIT_OK) {
			return code;
		}
	}
	if (o->has_leeway) {
		if (!(o->leeway >= 0 && o->leeway <= 1e9)) {
			oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("usage.leeway"), NULL, NULL);
			return OOJWT_EXIT_USAGE;
		}
		ro->has_leeway = 1;
		ro->leeway = o->leeway;
	}
	return OOJWT_EXIT_OK;
}

static void
print_human(const oojwt_request_report *r, const char *kind)
{
	oojwt_sb sb;
	oojwt_cli_said said;
	size_t i;

	/* the receiver's answer in the chosen language (request_answer, or
	 * connector_decides for one connector) */
	oojwt_cli_say_text(&said, r->message_code != 0 ? r->message_code
		: OOJWT_SAY_REQUEST_ANSWER, r->message_params, r->message, NULL);
	oojwt_cli_wprintf(OOJWT_WORD("request.verdict"), "ok,kind,message", "%s%s%s",
		r->ok ? "yes" : "no", kind, oojwt_cli_safe(&sb, said.message, (size_t)-1));
	oojwt_wipe_free(sb.buf, sb.cap);
	oojwt_cli_said_free(&said);
	oojwt_cli_wprintf(OOJWT_WORD("request.answer"), "status,has,response",
		"%d%s%s", r->http_status, r->response[0] != 0 ? "yes" : "no",
		oojwt_cli_safe(&sb, r->response, (size_t)-1));
	oojwt_wipe_free(sb.buf, sb.cap);
	for (i = 0; i < r->n_tokens; i++) {
		const oojwt_request_token *t = &r->tokens[i];
		oojwt_cli_wprintf(OOJWT_WORD("request.token"), "place,space,header,counts",
			"%s%s%s%s", oojwt_token_place_name(t->place),
			t->header_name[0] != 0 ? " " : "",
			oojwt_cli_safe(&sb, t->header_name, (size_t)-1),
			t->counts ? "yes" : "no");
		oojwt_wipe_free(sb.buf, sb.cap);
		if (t->has_ds && t->ds.valid) {
			oojwt_cli_wprintf(OOJWT_WORD("request.token_valid"), "alg", "%s",
				oojwt_alg_name(t->ds.alg));
		} else if (t->has_ds) {
			oojwt_cli_wprintf(OOJWT_WORD("request.token_invalid"), "log", "%s",
				oojwt_cli_safe(&sb, t->ds.server_message,
				t->ds.server_message_len));
			oojwt_wipe_free(sb.buf, sb.cap);
		} else {
			oojwt_cli_wprintf(OOJWT_WORD("request.token_invalid"), "log", "%s",
				"jwt must be a string");
		}
	}
	for (i = 0; i < r->n_findings; i++) {
		oojwt_cli_print_finding(&r->findings[i]);
	}
	for (i = 0; i < r->n_connectors; i++) {
		const oojwt_connector_verdict *v = &r->connectors[i];
		oojwt_cli_wprintf(OOJWT_WORD("request.connector"), "id,answer", "%s%s",
			oojwt_connector_at((size_t)v->connector)->id, v->accepted > 0
			? "accepts" : v->accepted == 0 ? "refuses" : "may_refuse");
		if (v->http_status > 0) {
			oojwt_cli_printf(" (HTTP %d)", v->http_status);
		}
		oojwt_cli_printf("%s%s\n", v->library_message[0] != 0 ? ": " : "",
			v->library_message);
	}
	if (r->effective != NULL) {
		memset(&sb, 0, sizeof sb);
		oojwt_cli_json_indent(&sb, r->effective, r->effective_len);
		if (!sb.failed) {
			oojwt_cli_wprintf(OOJWT_WORD("request.effective"), NULL, NULL);
			oojwt_cli_printf("%s\n", sb.buf);
		}
		free(sb.buf);
	}
}

int
oojwt_cli_inspect_request(const oojwt_cli_opts *o)
{
	char err[700] = "";
	oojwt_cli_opts so = *o;
	oojwt_server_config c;
	oojwt_request_opts ro;
	oojwt_request_report *r = NULL;
	unsigned char *secret = NULL;
	size_t secret_len = 0, len = 0, n;
	char *text = NULL, *vopts = NULL;
	int code, own_secret, has_config = 0;

	memset(&ro, 0, sizeof ro);
	ro.kind = kind_of(o->kind);
	if (ro.kind < 0) {
		oojwt_cli_error(o->command, o->kind == NULL ? "--kind is required: "
			"callback, download, command, converter or docbuilder" : "--kind "
			"must be callback, download, command, converter or docbuilder");
		oojwt_cli_weprintf(OOJWT_WORD("usage.try"), "command", "%s", o->command);
		return OOJWT_EXIT_USAGE;
	}
	own_secret = o->secret != NULL || o->secret_file != NULL
		|| o->secret_env != NULL || o->local_json != NULL
		|| oojwt_cli_host_getenv("OOJWT_SECRET", NULL, NULL);
	if (!own_secret && o->server_config == NULL) {
		oojwt_cli_error_word(o->command, OOJWT_WORD("usage.inspect_request_secret"));
		oojwt_cli_weprintf(OOJWT_WORD("usage.try"), "command", "%s", o->command);
		return OOJWT_EXIT_USAGE;
	}
	/* A callback or download is signed with the outbox secret. */
	if (outbox_kind(ro.kind) && so.local_json != NULL
		&& so.which == NULL)
	{
		so.which = "outbox";
	}
	ro.form = OOJWT_REQUEST_RAW;
	ro.now = o->has_now ? o->now : oojwt_cli_host_now();
	ro.clock_tolerance = outbox_kind(ro.kind) ? 0 : 60;
	ro.enabled = 1;
	ro.token_required_params = 1;
	code = own_secret ? oojwt_cli_secret(&so, &secret, &secret_len, err,
		sizeof err) : OOJWT_EXIT_OK;
	if (code == OOJWT_EXIT_OK && o->server_config != NULL) {
		has_config = 1;
		code = from_config(o->server_config, own_secret, &ro, &c, &secret,
			&secret_len, err, sizeof err);
	}
	if (o->has_tolerance) {
		ro.clock_tolerance = o->tolerance;
		/* over the server's verifyOptions.clockTolerance */
		if (code == OOJWT_EXIT_OK && ro.verify_options != NULL) {
			vopts = oojwt_ds_vopts_with_tolerance(ro.verify_options,
				ro.verify_options_len, o->tolerance, &ro.verify_options_len);
			ro.verify_options = vopts;
			code = vopts != NULL ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
			snprintf(err, sizeof err, "out of memory");
		}
	}
	if (code == OOJWT_EXIT_OK && (o->connector != NULL || o->has_leeway)) {
		code = connector_opts(o, &ro, err, sizeof err);
	}
	if (code == OOJWT_EXIT_OK && ro.clock_tolerance < 0) {
		oojwt_cli_wsnprintf(err, sizeof err, OOJWT_WORD("jwt.tolerance"), NULL,
			NULL);
		code = OOJWT_EXIT_USAGE;
	}
	if (code == OOJWT_EXIT_OK) {
		code = oojwt_cli_read_input(o->input, 0, &text, &len, err, sizeof err);
	}
	if (code == OOJWT_EXIT_OK && o->json) {
		char *rep = oojwt_request_inspect_json(text, len, secret, secret_len,
			&ro, &n);
		code = oojwt_cli_print_report(o, rep, n);
		snprintf(err, sizeof err, "output failed");
	}
	if (code == OOJWT_EXIT_OK) {
		r = (oojwt_request_report *)malloc(sizeof *r);
		code = r != NULL && oojwt_request_inspect(r, text, len, secret,
			secret_len, &ro) == OOJWT_OK ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
		snprintf(err, sizeof err, "out of memory");
		if (code != OOJWT_EXIT_OK) {
			free(r);
			r = NULL;
		}
	}
	oojwt_wipe_free(secret, secret_len + 1);
	free(vopts);
	if (text != NULL) {
		oojwt_wipe_free(text, len + 1);
	}
	if (code != OOJWT_EXIT_OK) {
		if (has_config) {
			oojwt_server_config_free(&c);
		}
		oojwt_cli_error(o->command, err);
		if (code == OOJWT_EXIT_USAGE) {
			oojwt_cli_weprintf(OOJWT_WORD("usage.try"), "command", "%s", o->command);
		}
		return code;
	}
	if (!o->json) {
		print_human(r, oojwt_request_kind_name(ro.kind));
	}
	code = r->ok ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
	oojwt_request_report_free(r);
	free(r);
	if (has_config) {
		oojwt_server_config_free(&c);
	}
	return oojwt_cli_host_flush() == 0 ? code : OOJWT_EXIT_INTERNAL;
}
