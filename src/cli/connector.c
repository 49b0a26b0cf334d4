/*
 * `oojwt connector-settings`: what an administrator pastes from the
 * connector side (Nextcloud/ownCloud config.php or occ output, the
 * Moodle or Mattermost plugin's settings), read by
 * oojwt_connector_settings_read() and, with --server-config, compared
 * with Document Server's settings (oojwt_connector_settings_compare()).
 * --json prints the report of src/ds/connector_json.c, which is what
 * kit.onlyoffice.readConnectorSettings returns, with the connector's
 * secret hidden unless --show-secrets is given (as server-config does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "inner.h"

#define MAX_CONFIG ((size_t)16 * 1024 * 1024)

/* What the text was read as (a select of the word connector.title). */
static const char *
form_key(int form)
{
	switch (form) {
	case OOJWT_SETTINGS_PHP_CONFIG:
		return "php_config";
	case OOJWT_SETTINGS_OCC_GET:
		return "occ_get";
	case OOJWT_SETTINGS_OCC_LIST:
		return "occ_list";
	case OOJWT_SETTINGS_MOODLE:
		return "moodle";
	case OOJWT_SETTINGS_MATTERMOST:
		return "mattermost";
	default:
		return "unknown";
	}
}

static const char *
connector_key(int connector)
{
	switch (connector) {
	case OOJWT_CONNECTOR_NEXTCLOUD:
		return "Nextcloud";
	case OOJWT_CONNECTOR_OWNCLOUD:
		return "ownCloud";
	case OOJWT_CONNECTOR_MOODLE:
		return "Moodle";
	case OOJWT_CONNECTOR_MATTERMOST:
		return "Mattermost";
	default:
		return "unknown";
	}
}

static const char *
secrets_key(int v)
{
	return v == OOJWT_SECRETS_EQUAL ? "equal"
		: v == OOJWT_SECRETS_DIFFER ? "different" : "unknown";
}

/* Setting `label` (a word): its value quoted (hidden characters as
 * \uXXXX, print.c), "set, but not readable here" (computed at run time,
 * masked), or word `unset`. */
static void
print_setting(const char *label, const oojwt_setting *v, const char *unset)
{
	oojwt_cli_wprintf(label, NULL, NULL);
	if (v->p != NULL) {
		oojwt_cli_printf("\"%s\"\n", v->p);
	} else if (v->set) {
		oojwt_cli_wprintf(OOJWT_WORD("connector.unreadable"), NULL, NULL);
	} else {
		oojwt_cli_wprintf(unset, NULL, NULL);
	}
}

static size_t
print_findings(const oojwt_finding *f, size_t n)
{
	size_t i, errors = 0;
	char sev[64];

	for (i = 0; i < n; i++) {
		oojwt_cli_said s;
		errors += f[i].severity == OOJWT_SEVERITY_ERROR;
		oojwt_cli_say_text(&s, f[i].code, f[i].params, f[i].message, f[i].fix);
		oojwt_cli_wsnprintf(sev, sizeof sev, OOJWT_WORD("severity"), "severity",
			"%s", oojwt_severity_name(f[i].severity));
		oojwt_cli_wprintf(OOJWT_WORD("connector.finding"),
			"severity,code,at,path,message", "%s%s%s%s%s", sev,
			oojwt_code_name(f[i].code), f[i].path[0] ? "yes" : "no", f[i].path,
			s.message);
		if (s.fix[0]) {
			oojwt_cli_wprintf(OOJWT_WORD("connector.fix"), "fix", "%s", s.fix);
		}
		oojwt_cli_said_free(&s);
	}
	return errors;
}

static size_t
print_human(const oojwt_connector_settings *s, size_t n_read, int compared,
	const char *server_path, int inbox, int outbox, int show)
{
	size_t errors;
	oojwt_sb sb;

	oojwt_cli_wprintf(OOJWT_WORD("connector.title"), "connector,form", "%s%s",
		connector_key(s->connector), form_key(s->form));
	if (s->form != OOJWT_SETTINGS_UNKNOWN && !s->certain) {
		oojwt_cli_wprintf(OOJWT_WORD("connector.assumed"), "connector", "%s",
			connector_key(s->connector));
	}
	if (s->secret.p != NULL && !show) {
		oojwt_cli_wprintf(OOJWT_WORD("connector.secret_hidden"), "n", "%z",
			s->secret.n);
	} else {
		print_setting(OOJWT_WORD("connector.secret"), &s->secret,
			OOJWT_WORD("connector.secret_unset"));
	}
	print_setting(s->header_set ? OOJWT_WORD("connector.header")
		: OOJWT_WORD("connector.header_default"), &s->header,
		OOJWT_WORD("connector.not_set"));
	print_setting(OOJWT_WORD("connector.prefix"), &s->prefix,
		OOJWT_WORD("connector.none"));
	if (s->leeway >= 0) {
		oojwt_cli_wprintf(OOJWT_WORD("connector.leeway"), "s", "%l", s->leeway);
	} else {
		oojwt_cli_wprintf(OOJWT_WORD("connector.leeway_none"), NULL, NULL);
	}
	if (s->verify_peer_off >= 0) {
		oojwt_cli_wprintf(OOJWT_WORD("connector.cert_checks"), "off", "%s",
			s->verify_peer_off ? "yes" : "no");
	}
	print_setting(OOJWT_WORD("connector.url_ds"), &s->url_ds,
		OOJWT_WORD("connector.not_set"));
	if (s->url_internal.set) {
		print_setting(OOJWT_WORD("connector.url_internal"), &s->url_internal,
			OOJWT_WORD("connector.not_set"));
	}
	if (s->url_storage.set) {
		print_setting(OOJWT_WORD("connector.url_storage"), &s->url_storage,
			OOJWT_WORD("connector.not_set"));
	}
	errors = print_findings(s->findings, n_read);
	if (n_read == 0) {
		oojwt_cli_wprintf(OOJWT_WORD("connector.no_findings"), NULL, NULL);
	}
	if (!compared) {
		return errors;
	}
	oojwt_cli_wprintf(OOJWT_WORD("connector.compared"), "path,inbox,outbox",
		"%s%s%s", oojwt_cli_safe(&sb, server_path, (size_t)-1),
		secrets_key(inbox), secrets_key(outbox));
	oojwt_wipe_free(sb.buf, sb.cap);
	errors += print_findings(s->findings + n_read, s->n_findings - n_read);
	if (s->n_findings == n_read) {
		oojwt_cli_wprintf(OOJWT_WORD("connector.agree"), NULL, NULL);
	}
	return errors;
}

/* --json: the report, with settings.secret hidden unless `show`. */
static int
print_json(const oojwt_cli_opts *o, const char *text, size_t len,
	const char *server, size_t server_len)
{
	char msg[OOJWT_MESSAGE_LEN], hidden[96];
	oojwt_cli_obj top, settings;
	const oojwt_jv *sv, *secret;
	oojwt_jv *v;
	oojwt_sb sb;
	size_t n;
	long pos;
	int code;
	char *rep = oojwt_connector_settings_json(text, len, server, server_len,
		server != NULL, NULL, 0, 0, -1, &n);

	if (o->show_secrets || rep == NULL) {
		return oojwt_cli_print_report(o, rep, n);
	}
	code = oojwt_json_parse(&v, rep, n, &pos, msg);
	oojwt_wipe_free(rep, n + 1);
	if (code != OOJWT_OK) {
		oojwt_cli_error(o->command, "the core's report is not strict JSON");
		return OOJWT_EXIT_INTERNAL;
	}
	memset(&top, 0, sizeof top);
	memset(&settings, 0, sizeof settings);
	memset(&sb, 0, sizeof sb);
	oojwt_cli_obj_spread(&top, v);
	sv = oojwt_json_get(v, "settings");
	secret = oojwt_json_get(sv, "secret");
	if (oojwt_json_type(secret) == OOJWT_JSON_STRING) {
		snprintf(hidden, sizeof hidden, "(hidden: %lu bytes; --show-secrets "
			"prints it)", (unsigned long)strlen(oojwt_json_string(secret)));
		oojwt_cli_obj_spread(&settings, sv);
		oojwt_cli_obj_set_str(&settings, "secret", hidden);
		oojwt_sb_puts(&sb, "{");
		for (n = 0; n < top.n; n++) {
			if (n > 0) {
				oojwt_sb_puts(&sb, ",");
			}
			oojwt_cli_js_string(&sb, top.m[n].name, strlen(top.m[n].name));
			oojwt_sb_puts(&sb, ":");
			if (strcmp(top.m[n].name, "settings") == 0) {
				oojwt_cli_js_obj(&sb, &settings);
			} else {
				oojwt_cli_js_value(&sb, top.m[n].jv);
			}
		}
		oojwt_sb_puts(&sb, "}\n");
	} else {
		oojwt_cli_js_value(&sb, v);
		oojwt_sb_puts(&sb, "\n");
	}
	oojwt_cli_obj_free(&settings);
	oojwt_cli_obj_free(&top);
	oojwt_json_free_wipe(v);
	return oojwt_cli_put_sb(o, &sb);
}

int
oojwt_cli_connector_settings(const oojwt_cli_opts *o)
{
	char err[700];
	oojwt_connector_settings s;
	oojwt_server_config c;
	char *text = NULL, *server = NULL;
	size_t len = 0, server_len = 0, n_read, errors;
	int code, form, inbox = 0, outbox = 0;

	code = oojwt_cli_read_input(o->input, 0, &text, &len, err, sizeof err);
	if (code == OOJWT_EXIT_OK && o->server_config != NULL) {
		code = oojwt_cli_read_file(o->server_config, MAX_CONFIG, &server,
			&server_len, err, sizeof err);
	}
	if (code != OOJWT_EXIT_OK) {
		oojwt_wipe_free(text, len + 1);
		oojwt_cli_error(o->command, err);
		return code;
	}
	code = oojwt_connector_settings_read(&s, text, len) == OOJWT_OK
		? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
	n_read = code == OOJWT_EXIT_OK ? s.n_findings : 0;
	if (code == OOJWT_EXIT_OK && server != NULL) {
		code = oojwt_server_config_read(&c, server, server_len, NULL, 0)
			== OOJWT_OK ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
		if (code == OOJWT_EXIT_OK) {
			code = oojwt_connector_settings_compare(&s, &c, -1, &inbox,
				&outbox) == OOJWT_OK ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
			oojwt_server_config_free(&c);
		}
		if (code != OOJWT_EXIT_OK) {
			oojwt_connector_settings_free(&s);
		}
	}
	if (code != OOJWT_EXIT_OK) {
		oojwt_wipe_free(text, len + 1);
		oojwt_wipe_free(server, server_len + 1);
		oojwt_cli_error(o->command, "out of memory");
		return code;
	}
	if (o->json) {
		size_t i;
		for (i = errors = 0; i < s.n_findings; i++) {
			errors += s.findings[i].severity == OOJWT_SEVERITY_ERROR;
		}
		code = print_json(o, text, len, server, server_len);
	} else {
		errors = print_human(&s, n_read, server != NULL, o->server_config,
			inbox, outbox, o->show_secrets);
		code = oojwt_cli_host_flush() == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
	}
	form = s.form;
	oojwt_connector_settings_free(&s);
	oojwt_wipe_free(text, len + 1);
	oojwt_wipe_free(server, server_len + 1);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	return errors > 0 || form == OOJWT_SETTINGS_UNKNOWN
		? OOJWT_EXIT_INVALID : OOJWT_EXIT_OK;
}
