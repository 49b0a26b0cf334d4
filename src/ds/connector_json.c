/*
 * The report of the connector settings (kit.onlyoffice.
 * readConnectorSettings, see web/lib/oojwt.d.ts), shared by the wasm
 * export (src/ds/wasm_ds.c) and the CLI; the logic is in
 * connector_settings.c and connector_compare.c.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

static void
setting(oojwt_sb *sb, const char *name, const oojwt_setting *v)
{
	oojwt_sb_puts(sb, ",\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, "\":");
	if (v->p != NULL) {
		oojwt_sb_json_string(sb, v->p, v->n);
	} else {
		oojwt_sb_puts(sb, "null");
	}
}

static const char *
verdict(int v)
{
	return v == OOJWT_SECRETS_EQUAL ? "\"equal\"" : v == OOJWT_SECRETS_DIFFER
		? "\"differ\"" : "\"unknown\"";
}

char *
oojwt_connector_settings_json(const char *text, size_t len,
	const char *server, size_t server_len, int has_server,
	const char *defaults, size_t defaults_len, int has_defaults,
	int self_signed, size_t *out_len)
{
	oojwt_connector_settings s;
	oojwt_server_config c;
	oojwt_sb sb;
	size_t n_read;
	int code, v[2] = { 0, 0 };

	memset(&sb, 0, sizeof sb);
	code = oojwt_connector_settings_read(&s, text, len);
	if (code != OOJWT_OK) {
		oojwt_sb_error(&sb, code, code == OOJWT_ERR_NO_MEMORY
			? "out of memory" : "invalid arguments", -1);
		return oojwt_sb_finish(&sb, out_len);
	}
	n_read = s.n_findings;
	if (has_server) {
		code = oojwt_server_config_read(&c, server, server_len,
			has_defaults ? defaults : NULL, has_defaults ? defaults_len : 0);
		if (code == OOJWT_OK) {
			code = oojwt_connector_settings_compare(&s, &c, self_signed,
				&v[0], &v[1]);
			oojwt_server_config_free(&c);
		}
		if (code != OOJWT_OK) {
			oojwt_connector_settings_free(&s);
			oojwt_sb_error(&sb, code, code == OOJWT_ERR_NO_MEMORY
				? "out of memory" : "invalid arguments", -1);
			return oojwt_sb_finish(&sb, out_len);
		}
	}
	/* The report carries the secret: one allocation, big enough, so
	 * that no growth copies it. */
	oojwt_sb_reserve(&sb, 4096 + 6 * (s.secret.n + s.header.n + s.prefix.n
		+ s.url_ds.n + s.url_internal.n + s.url_storage.n)
		+ s.n_findings * 6 * (2 * OOJWT_MESSAGE_LEN + OOJWT_PATH_LEN + 80));
	oojwt_sb_puts(&sb, "{");
	oojwt_sb_member(&sb, "form", oojwt_settings_form_name(s.form), 0);
	oojwt_sb_member(&sb, "connector", oojwt_connector_name(s.connector), 1);
	oojwt_sb_puts(&sb, s.certain ? ",\"certain\":true" : ",\"certain\":false");
	oojwt_sb_puts(&sb, ",\"settings\":{\"secretSet\":");
	oojwt_sb_puts(&sb, s.secret.set ? "true" : "false");
	setting(&sb, "secret", &s.secret);
	setting(&sb, "header", &s.header);
	oojwt_sb_puts(&sb, ",\"headerSet\":");
	oojwt_sb_puts(&sb, s.header_set ? "true" : "false");
	setting(&sb, "prefix", &s.prefix);
	oojwt_sb_puts(&sb, ",\"leeway\":");
	if (s.leeway != -1) {
		oojwt_sb_long(&sb, s.leeway);
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, ",\"verifyPeerOff\":");
	oojwt_sb_puts(&sb, s.verify_peer_off < 0 ? "null" : s.verify_peer_off
		? "true" : "false");
	setting(&sb, "documentServerUrl", &s.url_ds);
	setting(&sb, "documentServerInternalUrl", &s.url_internal);
	setting(&sb, "storageUrl", &s.url_storage);
	oojwt_sb_puts(&sb, "},\"findings\":");
	oojwt_sb_findings(&sb, s.findings, n_read);
	oojwt_sb_puts(&sb, ",\"comparison\":");
	if (has_server) {
		oojwt_sb_puts(&sb, "{\"secrets\":{\"inbox\":");
		oojwt_sb_puts(&sb, verdict(v[0]));
		oojwt_sb_puts(&sb, ",\"outbox\":");
		oojwt_sb_puts(&sb, verdict(v[1]));
		oojwt_sb_puts(&sb, "},\"findings\":");
		oojwt_sb_findings(&sb, s.findings + n_read, s.n_findings - n_read);
		oojwt_sb_puts(&sb, "}");
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, "}");
	oojwt_connector_settings_free(&s);
	return oojwt_sb_finish(&sb, out_len);
}
