/*
 * Token decoding (oojwt_decode) of arbitrary text, and its report.
 *
 * max_len: 8192
 * seeds: tokens
 *
 * Properties: the result is well formed (fuzz_check_result); the dots
 * are dots; every decoded segment re-encodes to exactly the text it
 * came from (strict base64url is canonical); header_ok/payload_ok agree
 * with the reference JSON validator on the decoded bytes being an
 * object; the report (oojwt_report_json) is strict JSON by the
 * reference; a result freed twice stays zeroed.
 */
#include "fuzz.h"
#include "ref_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
same_segment(const char *tok, size_t start, size_t end, const void *dec,
	size_t dec_len)
{
	size_t n = oojwt_b64url_encoded_len(dec_len);
	char *enc = (char *)malloc(n + 1);

	FUZZ_CHECK(n == end - start, "segment length matches its decoding");
	oojwt_b64url_encode(enc, (const unsigned char *)dec, dec_len);
	FUZZ_CHECK(n == 0 || memcmp(enc, tok + start, n) == 0, "segment re-encodes exactly");
	free(enc);
}

static int
is_object(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
		i++;
	}
	return ref_json_check((const unsigned char *)s, n, NULL, 0) == OOJWT_OK
		&& i < n && s[i] == '{';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *tok = fuzz_copy(data, size);
	oojwt_result r;
	char *rep;
	size_t rep_len = 0, ne, nw;
	int code;

	code = oojwt_decode(&r, tok, size);
	fuzz_check_result(&r, code);
	FUZZ_CHECK(r.valid == 0, "decode never validates");
	if (r.dot2 != 0 && !fuzz_has(r.errors, r.n_errors, OOJWT_ERR_MALFORMED)) {
		FUZZ_CHECK(r.dot1 < r.dot2 && r.dot2 < size, "dots in order");
		FUZZ_CHECK(tok[r.dot1] == '.' && tok[r.dot2] == '.', "dots are dots");
		FUZZ_CHECK(memchr(tok + r.dot2 + 1, '.', size - r.dot2 - 1) == NULL,
			"exactly two dots");
		if (r.header != NULL) {
			same_segment(tok, 0, r.dot1, r.header, r.header_len);
			FUZZ_CHECK(r.header_ok == is_object(r.header, r.header_len),
				"header_ok agrees with the reference");
		}
		if (r.payload != NULL) {
			same_segment(tok, r.dot1 + 1, r.dot2, r.payload, r.payload_len);
			FUZZ_CHECK(r.payload_ok == is_object(r.payload, r.payload_len),
				"payload_ok agrees with the reference");
		}
		if (r.sig != NULL) {
			same_segment(tok, r.dot2 + 1, size, r.sig, r.sig_len);
		}
	}
	FUZZ_CHECK((code == OOJWT_OK) == (r.header_ok && r.payload_ok && r.sig != NULL),
		"decode succeeds exactly when all three parts do");
	rep = oojwt_report_json(&r, &rep_len);
	FUZZ_CHECK(rep != NULL && strlen(rep) == rep_len, "report");
	FUZZ_CHECK(ref_json_check((const unsigned char *)rep, rep_len, NULL, 1) == OOJWT_OK,
		"the report is JSON");
	free(rep);
	ne = r.n_errors;
	nw = r.n_warnings;
	oojwt_result_free(&r);
	oojwt_result_free(&r);
	/* Freed: every field zero and the issues it held wiped (slots past
	 * the counts are never written, so not checked). */
	FUZZ_CHECK(fuzz_all_zero(r.errors, ne * sizeof *r.errors)
		&& fuzz_all_zero(r.warnings, nw * sizeof *r.warnings)
		&& r.header == NULL && r.payload == NULL && r.sig == NULL
		&& r.n_errors == 0 && r.n_warnings == 0 && r.valid == 0
		&& r.header_len == 0 && r.payload_len == 0 && r.sig_len == 0
		&& r.dot1 == 0 && r.dot2 == 0 && r.alg == 0 && r.dropped == 0
		&& r.header_ok == 0 && r.payload_ok == 0,
		"a freed result is zeroed");
	free(tok);
	return 0;
}
