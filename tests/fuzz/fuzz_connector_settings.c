/*
 * Reading connector settings (oojwt_connector_settings_read: config.php,
 * occ output, Moodle and Mattermost settings) and comparing them with a
 * server configuration (oojwt_connector_settings_compare).
 *
 * max_len: 8192
 * seeds: connector
 *
 * Input: the connector text; when it holds a NUL byte, the text after it
 * is a server configuration (local.json or Docker lines) to compare with.
 *
 * Properties (src/ds/oojwt_ds.h): OOJWT_OK (or no_memory); a named form,
 * and a named connector exactly when the form is known; every value is
 * NUL-terminated at its length; leeway and verify_peer_off in range; the
 * verdicts are OOJWT_SECRETS_*; the findings are in bounds with named
 * codes and severities and terminated texts; freeing twice is safe.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_value(const oojwt_setting *v)
{
	FUZZ_CHECK(v->p == NULL ? v->n == 0 : v->p[v->n] == 0,
		"a value terminated at its length");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t text_len = nul != NULL ? (size_t)(nul - data) : size;
	size_t server_len = nul != NULL ? size - text_len - 1 : 0;
	char *text = fuzz_copy(data, text_len);
	char *server = nul != NULL ? fuzz_copy(nul + 1, server_len) : NULL;
	oojwt_connector_settings s;
	oojwt_server_config c;
	int code, inbox = -1, outbox = -1;

	memset(&s, 0x5A, sizeof s);
	code = oojwt_connector_settings_read(&s, text, text_len);
	FUZZ_CHECK(code == OOJWT_OK || code == OOJWT_ERR_NO_MEMORY, "OOJWT_OK");
	if (code != OOJWT_OK) {
		goto done;
	}
	FUZZ_CHECK(oojwt_settings_form_name(s.form) != NULL, "a named form");
	FUZZ_CHECK((oojwt_connector_name(s.connector) != NULL)
		== (s.form != OOJWT_SETTINGS_UNKNOWN), "a connector exactly for a known form");
	check_value(&s.secret);
	check_value(&s.header);
	check_value(&s.prefix);
	check_value(&s.url_ds);
	check_value(&s.url_internal);
	check_value(&s.url_storage);
	FUZZ_CHECK(s.verify_peer_off >= -1 && s.verify_peer_off <= 1, "verify_peer_off in range");
	FUZZ_CHECK(s.leeway >= -100000000L && s.leeway <= 1000000000L, "leeway in range");
	if (server != NULL && oojwt_server_config_read(&c, server, server_len, NULL, 0) == OOJWT_OK) {
		FUZZ_CHECK(oojwt_connector_settings_compare(&s, &c, (int)(size & 1) - (int)(size % 3 == 0),
			&inbox, &outbox) == OOJWT_OK, "compare OOJWT_OK");
		FUZZ_CHECK(inbox >= OOJWT_SECRETS_UNKNOWN && inbox <= OOJWT_SECRETS_DIFFER
			&& outbox >= OOJWT_SECRETS_UNKNOWN && outbox <= OOJWT_SECRETS_DIFFER, "verdicts");
		oojwt_server_config_free(&c);
	}
	fuzz_check_findings(s.findings, s.n_findings);
	oojwt_connector_settings_free(&s);
	oojwt_connector_settings_free(&s);
done:
	free(server);
	free(text);
	return 0;
}
