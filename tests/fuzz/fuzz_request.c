/*
 * Requests and callbacks (oojwt_request_inspect): raw HTTP text and the
 * {headers, body} JSON form, as kit.onlyoffice.inspectRequest and
 * `oojwt inspect-request` hand them over.
 *
 * max_len: 8192
 * seeds: request
 *
 * Input: one byte of options, then the request. Options: bits 0-1 the
 * kind, bit 2 the PARTS form, bit 3 tokens enabled, bit 4
 * tokenRequiredParams, bit 5 header "AuthorizationJwt" (else the
 * default), bit 6 an empty prefix (else the default). The secret is
 * "secret".
 *
 * Properties (src/oojwt.h): OOJWT_OK, or no_memory, or bad_argument only
 * for the PARTS form; the token index is in bounds and names a counting
 * token; at most one token counts; token texts are terminated at their
 * length; a receiver that acts on a token acts on a valid one (or checks
 * none: inbox tokens off); response and effective body are strict JSON
 * by the reference validator; findings
 * are named and terminated; the JSON report is one object; freeing
 * twice is safe.
 */
#include "fuzz.h"
#include "ref_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned char secret[] = "secret";
	oojwt_request_report *r;
	oojwt_request_opts o;
	char *req, *rep;
	size_t i, n, counting = 0;
	int code;

	if (size < 1) {
		return 0;
	}
	memset(&o, 0, sizeof o);
	o.kind = data[0] & 3;
	o.form = (data[0] >> 2) & 1;
	o.enabled = (data[0] >> 3) & 1;
	o.token_required_params = (data[0] >> 4) & 1;
	if ((data[0] >> 5) & 1) {
		o.header = "AuthorizationJwt";
		o.header_len = 16;
	}
	if ((data[0] >> 6) & 1) {
		o.prefix = "";
		o.prefix_len = 0;
	}
	o.no_secret = (data[0] >> 7) & 1;
	o.now = 1700000000;
	o.clock_tolerance = 60;
	req = fuzz_copy(data + 1, size - 1);
	r = (oojwt_request_report *)malloc(sizeof *r);
	if (r == NULL) {
		abort();
	}
	memset(r, 0x5A, sizeof *r);
	code = oojwt_request_inspect(r, req, size - 1, secret, 6, &o);
	FUZZ_CHECK(code == OOJWT_OK || code == OOJWT_ERR_NO_MEMORY
		|| (code == OOJWT_ERR_BAD_ARGUMENT && o.form == OOJWT_REQUEST_PARTS),
		"OOJWT_OK");
	if (code == OOJWT_OK) {
		FUZZ_CHECK(r->n_tokens <= OOJWT_REQUEST_MAX_TOKENS, "token count");
		FUZZ_CHECK(r->used < (int)r->n_tokens, "token index in bounds");
		for (i = 0; i < r->n_tokens; i++) {
			const oojwt_request_token *t = &r->tokens[i];
			counting += t->counts != 0;
			FUZZ_CHECK(oojwt_token_place_name(t->place) != NULL, "a named place");
			FUZZ_CHECK(t->text == NULL || t->text[t->len] == 0, "text terminated");
			FUZZ_CHECK(memchr(t->header_name, 0, sizeof t->header_name) != NULL,
				"header name terminated");
		}
		FUZZ_CHECK(counting <= 1 && (r->used < 0 ? counting == 0
			: r->tokens[r->used].counts), "one counting token, the one used");
		FUZZ_CHECK(!r->ok || r->used < 0 || (r->tokens[r->used].has_ds
			&& r->tokens[r->used].ds.valid) || (o.kind != OOJWT_REQUEST_CALLBACK
			&& !o.enabled), "acts only on a valid token");
		FUZZ_CHECK(r->response[0] == 0 || ref_json_check(
			(const unsigned char *)r->response, strlen(r->response), NULL, 1)
			== OOJWT_OK, "response is JSON");
		FUZZ_CHECK(r->effective == NULL || ref_json_check(
			(const unsigned char *)r->effective, r->effective_len, NULL, 1)
			== OOJWT_OK, "effective body is JSON");
		FUZZ_CHECK(r->n_findings <= OOJWT_MAX_FINDINGS, "finding count");
		for (i = 0; i < r->n_findings; i++) {
			const oojwt_finding *f = &r->findings[i];
			FUZZ_CHECK(oojwt_code_name(f->code) != NULL, "a named finding");
			FUZZ_CHECK(oojwt_severity_name(f->severity) != NULL, "a named severity");
			FUZZ_CHECK(memchr(f->path, 0, sizeof f->path) != NULL
				&& memchr(f->message, 0, sizeof f->message) != NULL
				&& memchr(f->fix, 0, sizeof f->fix) != NULL, "terminated texts");
		}
		oojwt_request_report_free(r);
		oojwt_request_report_free(r);
	}
	/* The report embeds token payloads as DS's JSON.parse reads them
	 * (repeated members, lone surrogates), so it is not strict JSON. */
	rep = oojwt_request_inspect_json(req, size - 1, secret, 6, &o, &n);
	FUZZ_CHECK(rep == NULL || (n >= 2 && rep[0] == '{' && rep[n - 1] == '}'
		&& strlen(rep) == n), "the report is one object");
	free(rep);
	free(r);
	free(req);
	return 0;
}
