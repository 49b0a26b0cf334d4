/*
 * Native tests of the oojwt C core, run under AddressSanitizer and UBSan.
 *
 *   oojwt-tests [VECTORS_DIR [SHARED_VECTORS_DIR]]
 *
 * VECTORS_DIR (default tests/vectors) holds our vector files; they must
 * all be there. SHARED_VECTORS_DIR (default ../shared/vectors) holds the
 * third-party vectors (Wycheproof, the JOSE cookbook); a missing file is
 * counted as one skipped test and named.
 *
 * Every vector and every table row is one test. Each failed expectation
 * prints one line "FAIL <test>: <what differed>"; the last line is
 * "native: N passed, N failed, N skipped" and the exit status is 1 when
 * anything failed.
 *
 * To add a suite: write tests/native/test_<name>.c defining
 * `void suite_<name>(const char *ours, const char *shared)` with the
 * helpers of testlib.h, declare it in testlib.h (`suite_fn
 * suite_<name>;`), and add one row to `suites` below. The Makefile picks
 * up every .c file in tests/native by itself.
 */
#include <stdio.h>
#include "testlib.h"

static const struct {
	const char *name;
	suite_fn *run;
} suites[] = {
	{ "base64url", suite_b64url },
	{ "strict JSON", suite_json },
	{ "HMAC", suite_hmac },
	{ "SHA-256", suite_sha256 },
	{ "RFC 7515 / 7519 examples", suite_examples },
	{ "Wycheproof JWS and the JOSE cookbook", suite_jws_vectors },
	{ "hostile tokens", suite_hostile },
	{ "exp / nbf / iat boundaries", suite_times },
	{ "API", suite_api },
	{ "signing", suite_sign },
	{ "JWK reading", suite_jwk },
	{ "RS/PS/ES signatures and keys", suite_asym },
	{ "ONLYOFFICE rules", suite_onlyoffice },
	{ "secure links and nginx", suite_secure_link },
	{ "TLS certificates", suite_cert },
	{ "algorithms that fit a key", suite_key_algs },
	{ "hostile catalogue", suite_catalogue },
	{ "requests and callbacks", suite_requests },
	{ "decimal to double", suite_strtod },
	{ "sorting", suite_sort },
	{ "key classification and selection", suite_key_select }
};

int
main(int argc, char **argv)
{
	const char *ours = argc > 1 ? argv[1] : "tests/vectors";
	const char *shared = argc > 2 ? argv[2] : "../shared/vectors";
	size_t i;
	tally n;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 0; i < sizeof suites / sizeof *suites; i++) {
		suites[i].run(ours, shared);
	}
	n = test_tally();
	printf("native: %d passed, %d failed, %d skipped\n", n.passed, n.failed,
		n.skipped);
	return n.failed != 0 ? 1 : 0;
}
