/*
 * Judging tokens as Document Server does (oojwt_ds_verify).
 *
 * max_len: 8192
 * seeds: verify
 *
 * Input: one selector byte, then the token (the selector layout of
 * fuzz_verify.c: bits 0-2 the secret, raw bytes of fuzz.h's key texts,
 * so a JWK text is used as the string it is, as DS would; bits 3-4 the
 * algorithm set, HS only; bits 5-6 the clock; bit 7 a non-integer now).
 *
 * Properties (src/oojwt.h): OOJWT_OK always; valid exactly when no
 * error class, close code 4006/4005/0 by class, our code OK exactly
 * when valid; texts terminated and within bounds; the warnings and
 * differences hold named codes; where oojwt_verify() (same algorithms,
 * floored now, strict tolerance, the secret as a raw key) decides
 * otherwise, `differences` is not empty; freeing twice is safe.
 */
#include <math.h>
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const unsigned ds_algs[4] = {
	0, OOJWT_ALG_HS256, OOJWT_ALG_HS512, OOJWT_ALG_HS384 | OOJWT_ALG_HS256
};
static const double ds_clocks[4][2] = {
	{ 1300819000.0, 60 }, { 2e9, 0 }, { 1300819380.0, 60 }, { 1300819440.0, 0 }
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	oojwt_ds_result r;
	oojwt_ds_opts opts;
	oojwt_result s;
	oojwt_verify_opts so;
	oojwt_key key;
	const char *secret;
	char *tok;
	size_t i, len;
	unsigned sel;
	int code;

	if (size < 1) {
		return 0;
	}
	sel = data[0];
	secret = fuzz_key_text[sel & 7];
	memset(&opts, 0, sizeof opts);
	opts.algorithms = ds_algs[(sel >> 3) & 3];
	opts.now = ds_clocks[(sel >> 5) & 3][0] + ((sel & 0x80) ? 0.75 : 0);
	opts.clock_tolerance = ds_clocks[(sel >> 5) & 3][1];
	opts.strict_clock_tolerance = 0;
	opts.no_secret = 0;
	len = size - 1;
	tok = fuzz_copy(data + 1, len);
	memset(&r, 0x5A, sizeof r);
	code = oojwt_ds_verify(&r, tok, len, (const unsigned char *)secret, strlen(secret), &opts);
	FUZZ_CHECK(code == OOJWT_OK, "OOJWT_OK whatever DS decides");
	FUZZ_CHECK(r.valid == (r.error_name == OOJWT_DS_NO_ERROR), "valid exactly without error");
	FUZZ_CHECK((r.code == OOJWT_OK) == r.valid, "our code OK exactly when valid");
	FUZZ_CHECK(r.close_code == (r.error_name == OOJWT_DS_JSON_WEB_TOKEN_ERROR ? 4006
		: r.error_name == OOJWT_DS_TOKEN_EXPIRED_ERROR ? 4005 : 0), "close code by class");
	FUZZ_CHECK(r.valid || oojwt_ds_error_name(r.error_name) != NULL, "a named class");
	FUZZ_CHECK(r.server_message_len < OOJWT_MESSAGE_LEN, "server message in bounds");
	FUZZ_CHECK(memchr(r.message, 0, sizeof r.message) != NULL, "message terminated");
	FUZZ_CHECK(r.payload_kind >= 0 && r.payload_kind <= 2, "payload kind");
	FUZZ_CHECK(r.header_text == NULL || r.header_text[r.header_len] == 0, "header text");
	FUZZ_CHECK(r.payload_text == NULL || r.payload_text[r.payload_len] == 0, "payload text");
	FUZZ_CHECK(r.n_warnings <= OOJWT_MAX_ISSUES && r.n_differences <= OOJWT_MAX_ISSUES,
		"issue counts");
	for (i = 0; i < r.n_warnings; i++) {
		FUZZ_CHECK(oojwt_code_name(r.warnings[i].code) != NULL, "named warning");
	}
	for (i = 0; i < r.n_differences; i++) {
		FUZZ_CHECK(oojwt_code_name(r.differences[i].code) != NULL, "named difference");
	}

	memset(&key, 0, sizeof key);
	key.data = (const unsigned char *)secret;
	key.len = strlen(secret);
	so.algorithms = opts.algorithms != 0 ? opts.algorithms : OOJWT_ALG_HMAC;
	so.now = floor(opts.now);
	so.clock_tolerance = opts.strict_clock_tolerance;
	oojwt_verify(&s, tok, len, &key, &so);
	if (s.valid != r.valid) {
		FUZZ_CHECK(r.n_differences > 0 || r.dropped > 0,
			"DS and the strict profile disagree: differences says why");
	}
	oojwt_result_free(&s);
	oojwt_ds_result_free(&r);
	oojwt_ds_result_free(&r);
	free(tok);
	return 0;
}
