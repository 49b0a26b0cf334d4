/*
 * Secure download links: oojwt_link_inspect (the URL parser, nginx's $uri,
 * $arg_ and secure_link rules) and oojwt_link_sign.
 *
 * max_len: 2048
 * seeds: links
 *
 * Input: the URL; when it holds a NUL byte, the bytes after it are the
 * secret, else no secret is given. The clock is 1700000000.
 *
 * Properties (src/oojwt.h): OOJWT_OK; the status is 0, 200, 400, 403 or
 * 410, ok exactly for 200, 410 only for an expired link, 200 and 410 only
 * with the secret as given on the path as sent; spans inside the input;
 * signed_path NUL-terminated at its length; named, terminated findings;
 * the JSON report is strict JSON by the reference validator; and a link
 * that oojwt_link_sign re-signs with the same secret is one that
 * oojwt_link_inspect answers 200 for.
 */
#include "fuzz.h"
#include "ref_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NOW 1700000000.0

static void
check_span(const oojwt_span *s, size_t len)
{
	FUZZ_CHECK(!s->present || (s->off <= len && s->len <= len - s->off),
		"span inside the input");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t url_len = nul != NULL ? (size_t)(nul - data) : size;
	size_t secret_len = nul != NULL ? size - url_len - 1 : 0;
	char *url = fuzz_copy(data, url_len);
	unsigned char *secret = nul != NULL
		? (unsigned char *)fuzz_copy(nul + 1, secret_len) : NULL;
	oojwt_link_report r;
	oojwt_issue err;
	char *rep, *signed_url = NULL;
	size_t i, n, signed_len = 0;
	int code;

	memset(&r, 0x5A, sizeof r);
	code = oojwt_link_inspect(&r, url, url_len, secret, secret_len, NOW);
	FUZZ_CHECK(code == OOJWT_OK, "OOJWT_OK");
	FUZZ_CHECK(r.status == 0 || r.status == 200 || r.status == 400
		|| r.status == 403 || r.status == 410, "a status nginx answers");
	FUZZ_CHECK(r.ok == (r.status == 200), "ok exactly for 200");
	FUZZ_CHECK(r.status != 410 || r.expired, "410 only when expired");
	FUZZ_CHECK((r.status != 200 && r.status != 410) || (secret != NULL
		&& r.checked && r.path_variant == 0 && r.secret_variant == 0),
		"200/410 only for the secret and path as given");
	FUZZ_CHECK(r.checked == (secret != NULL && r.has_expected), "checked");
	FUZZ_CHECK(memchr(r.message, 0, sizeof r.message) != NULL, "message");
	check_span(&r.scheme, url_len);
	check_span(&r.host, url_len);
	check_span(&r.port, url_len);
	check_span(&r.path, url_len);
	check_span(&r.query, url_len);
	check_span(&r.md5, url_len);
	check_span(&r.expires_arg, url_len);
	check_span(&r.filename, url_len);
	FUZZ_CHECK(r.signed_path == NULL || (r.signed_path[r.signed_path_len] == 0
		&& r.signed_path_len <= url_len), "signed path");
	FUZZ_CHECK(r.n_findings <= OOJWT_MAX_FINDINGS, "finding count");
	for (i = 0; i < r.n_findings; i++) {
		FUZZ_CHECK(oojwt_code_name(r.findings[i].code) != NULL, "named code");
		FUZZ_CHECK(memchr(r.findings[i].message, 0, OOJWT_MESSAGE_LEN) != NULL,
			"terminated message");
	}
	oojwt_link_report_free(&r);
	oojwt_link_report_free(&r);

	rep = oojwt_link_inspect_json(url, url_len, secret, secret_len,
		secret != NULL, NOW, &n);
	FUZZ_CHECK(rep != NULL, "a report");
	FUZZ_CHECK(ref_json_check((const unsigned char *)rep, n, NULL, 0)
		== OOJWT_OK, "the report is strict JSON");
	free(rep);

	if (secret != NULL && oojwt_link_sign(&signed_url, &signed_len, url,
		url_len, NULL, 0, NULL, 0, secret, secret_len, NOW + 900, &err)
		== OOJWT_OK)
	{
		code = oojwt_link_inspect(&r, signed_url, signed_len, secret,
			secret_len, NOW);
		FUZZ_CHECK(code == OOJWT_OK && r.status == 200,
			"a re-signed link is accepted");
		oojwt_link_report_free(&r);
		free(signed_url);
	}
	free(secret);
	free(url);
	return 0;
}
