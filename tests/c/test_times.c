/*
 * exp / nbf / iat boundaries, with and without clock tolerance.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

static const struct {
	const char *payload;
	double now, tolerance;
	int error;      /* the one expected error, 0: none */
	int warning;    /* the one expected warning, 0: none */
} time_table[] = {
	{ "{\"exp\":1000}", 999, 0, 0, 0 },
	{ "{\"exp\":1000}", 999.999, 0, 0, 0 },
	{ "{\"exp\":1000}", 1000, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":1000}", 1000.001, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":1000}", 1029.5, 30, 0, 0 },
	{ "{\"exp\":1000}", 1030, 30, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":1000.75}", 1000.5, 0, 0, 0 },
	{ "{\"exp\":1000.75}", 1000.75, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":1000.25}", 1000.7, 0.5, 0, 0 },
	{ "{\"exp\":1000.25}", 1000.75, 0.5, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":0}", 0, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"exp\":-5}", -6, 0, 0, 0 },
	{ "{\"exp\":1e3}", 1000, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"nbf\":1000}", 1000, 0, 0, 0 },
	{ "{\"nbf\":1000}", 999.999, 0, OOJWT_ERR_NOT_YET_VALID, 0 },
	{ "{\"nbf\":1000}", 970, 30, 0, 0 },
	{ "{\"nbf\":1000}", 969.5, 30, OOJWT_ERR_NOT_YET_VALID, 0 },
	{ "{\"nbf\":1000.5}", 1000.5, 0, 0, 0 },
	{ "{\"nbf\":1000.5}", 1000.25, 0, OOJWT_ERR_NOT_YET_VALID, 0 },
	{ "{\"nbf\":1000.5}", 1000.25, 0.25, 0, 0 },
	{ "{\"nbf\":1000.5}", 1000.2, 0.25, OOJWT_ERR_NOT_YET_VALID, 0 },
	{ "{\"nbf\":1000,\"exp\":1000}", 1000, 0, OOJWT_ERR_EXPIRED, 0 },
	{ "{\"nbf\":1000,\"exp\":1001}", 1000.5, 0, 0, 0 },
	{ "{\"iat\":1000}", 1000, 0, 0, 0 },
	{ "{\"iat\":1000.5}", 1000, 0, 0, OOJWT_WARN_IAT_IN_FUTURE },
	{ "{\"iat\":1010}", 1000, 10, 0, 0 },
	{ "{\"iat\":1010.5}", 1000, 10, 0, OOJWT_WARN_IAT_IN_FUTURE },
	{ "{\"iat\":5000}", 1000, 0, 0, OOJWT_WARN_IAT_IN_FUTURE }
};

static void
run_times(void)
{
	oojwt_key key = test_key(KEY_MAIN);
	size_t i;

	for (i = 0; i < sizeof time_table / sizeof *time_table; i++) {
		int errors[2] = { time_table[i].error, 0 };
		int warnings[2] = { time_table[i].warning, 0 };
		oojwt_result r;
		str tok;
		int code;
		test t;

		test_begin(&t, "time: %s at now %.3f, tolerance %g",
			time_table[i].payload, time_table[i].now,
			time_table[i].tolerance);
		code = sign_str(&tok, OOJWT_ALG_HS256, &key, HDR,
			time_table[i].payload);
		if (expect(&t, code == OOJWT_OK, "oojwt_sign: %s", cname(code))) {
			code = verify(&r, tok.p, tok.len, &key, OOJWT_ALG_HS256,
				time_table[i].now, time_table[i].tolerance);
			expect_result(&t, &r, code, errors, warnings);
			oojwt_result_free(&r);
		}
		str_free(&tok);
		test_end(&t);
	}
}

void
suite_times(const char *ours, const char *shared)
{
	(void)ours;
	(void)shared;

	run_times();
}
