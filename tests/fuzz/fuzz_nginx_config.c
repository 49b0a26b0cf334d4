/*
 * nginx configuration text: oojwt_nginx_read (the tokenizer and the
 * directive reader) and its JSON report.
 *
 * max_len: 8192
 * seeds: nginx
 *
 * Input: the text.
 *
 * Properties (src/oojwt.h): OOJWT_OK; the secret, certificate paths and
 * listen addresses NUL-terminated inside their buffers (the secret at its
 * length); at most OOJWT_NGINX_MAX_LISTEN listens with ports up to 65535
 * and lines within the text; protocol bits known; named, terminated
 * findings; the JSON report is strict JSON by the reference validator;
 * freeing wipes the struct.
 */
#include "fuzz.h"
#include "ref_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_copy(data, size);
	oojwt_nginx_config c;
	size_t i, lines = 1, n;
	char *rep;

	for (i = 0; i < size; i++) {
		lines += data[i] == '\n';
	}
	memset(&c, 0x5A, sizeof c);
	FUZZ_CHECK(oojwt_nginx_read(&c, text, size) == OOJWT_OK, "OOJWT_OK");
	FUZZ_CHECK(!c.has_secret || (c.secret_len < sizeof c.secret
		&& c.secret[c.secret_len] == 0), "secret terminated at its length");
	FUZZ_CHECK(memchr(c.certificate, 0, sizeof c.certificate) != NULL
		&& memchr(c.certificate_key, 0, sizeof c.certificate_key) != NULL,
		"paths terminated");
	FUZZ_CHECK(c.n_listen <= OOJWT_NGINX_MAX_LISTEN, "listen count");
	for (i = 0; i < c.n_listen; i++) {
		FUZZ_CHECK(c.listen[i].port <= 65535, "a port");
		FUZZ_CHECK(c.listen[i].line >= 1 && (size_t)c.listen[i].line <= lines,
			"a line of the text");
		FUZZ_CHECK(memchr(c.listen[i].address, 0, sizeof c.listen[i].address)
			!= NULL, "address terminated");
	}
	FUZZ_CHECK((c.protocols & ~0x3Fu) == 0, "known protocols");
	FUZZ_CHECK(c.n_findings <= OOJWT_MAX_FINDINGS, "finding count");
	for (i = 0; i < c.n_findings; i++) {
		FUZZ_CHECK(oojwt_code_name(c.findings[i].code) != NULL, "named code");
		FUZZ_CHECK(oojwt_severity_name(c.findings[i].severity) != NULL,
			"named severity");
		FUZZ_CHECK(memchr(c.findings[i].message, 0, OOJWT_MESSAGE_LEN) != NULL
			&& memchr(c.findings[i].path, 0, OOJWT_PATH_LEN) != NULL,
			"terminated texts");
	}
	oojwt_nginx_config_free(&c);
	FUZZ_CHECK(fuzz_all_zero(&c, sizeof c), "wiped");
	rep = oojwt_nginx_json(text, size, (const unsigned char *)"s", 1, 1, &n);
	FUZZ_CHECK(rep != NULL, "a report");
	FUZZ_CHECK(ref_json_check((const unsigned char *)rep, n, NULL, 0)
		== OOJWT_OK, "the report is strict JSON");
	oojwt_wipe_free(rep, n);
	free(text);
	return 0;
}
