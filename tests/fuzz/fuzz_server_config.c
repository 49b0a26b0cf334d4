/*
 * Reading Document Server's JWT settings (oojwt_server_config_read):
 * local.json, Docker env/compose text, and an optional default.json.
 *
 * max_len: 4096
 * seeds: config
 *
 * Input: the local text; when it holds a NUL byte, the text after it
 * is `defaults` (default.json), else defaults is NULL (the shipped
 * values).
 *
 * Properties (src/oojwt.h): OOJWT_OK (or no_memory); a known form; each
 * secret has a named source, a NUL-terminated value exactly for a
 * string source and a path exactly for a file source; the header,
 * prefix, algorithm and expiry strings are NUL-terminated; the compact
 * verifyOptions text is strict JSON by the reference validator; the
 * findings are in bounds with named codes and severities and terminated
 * texts; freeing twice is safe.
 */
#include "fuzz.h"
#include "ref_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_str(const char *s)
{
	if (s != NULL) {
		FUZZ_CHECK(strlen(s) < (size_t)1 << 20, "a terminated string");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t local_len = nul != NULL ? (size_t)(nul - data) : size;
	size_t def_len = nul != NULL ? size - local_len - 1 : 0;
	char *local = fuzz_copy(data, local_len);
	char *defaults = nul != NULL ? fuzz_copy(nul + 1, def_len) : NULL;
	oojwt_server_config c;
	size_t i;
	int code;

	memset(&c, 0x5A, sizeof c);
	code = oojwt_server_config_read(&c, local, local_len, defaults, def_len);
	FUZZ_CHECK(code == OOJWT_OK || code == OOJWT_ERR_NO_MEMORY, "OOJWT_OK");
	if (code != OOJWT_OK) {
		goto done;
	}
	FUZZ_CHECK(c.form == OOJWT_CONFIG_JSON || c.form == OOJWT_CONFIG_DOCKER
		|| c.form == OOJWT_CONFIG_SECRET || c.form == OOJWT_CONFIG_FRAGMENT,
		"a known form");
	for (i = 0; i < OOJWT_SECRET_KINDS; i++) {
		const oojwt_cfg_secret *s = &c.secrets[i];
		FUZZ_CHECK(oojwt_secret_source_name(s->source) != NULL, "a named source");
		FUZZ_CHECK((s->value != NULL) == (s->source == OOJWT_SECRET_SOURCE_STRING),
			"a value exactly for a string secret");
		FUZZ_CHECK((s->file != NULL) == (s->source == OOJWT_SECRET_SOURCE_FILE),
			"a path exactly for a file secret");
		FUZZ_CHECK(s->value == NULL || s->value[s->value_len] == 0, "value terminated");
		check_str(s->file);
	}
	check_str(c.inbox_header);
	check_str(c.inbox_prefix);
	check_str(c.outbox_header);
	check_str(c.outbox_prefix);
	check_str(c.outbox_algorithm);
	check_str(c.outbox_expires);
	if (c.verify_options != NULL) {
		FUZZ_CHECK(strlen(c.verify_options) == c.verify_options_len, "verifyOptions length");
		FUZZ_CHECK(ref_json_check((const unsigned char *)c.verify_options,
			c.verify_options_len, NULL, 1) == OOJWT_OK, "verifyOptions is JSON");
	}
	fuzz_check_findings(c.findings, c.n_findings);
	oojwt_server_config_free(&c);
	oojwt_server_config_free(&c);
done:
	free(defaults);
	free(local);
	return 0;
}
