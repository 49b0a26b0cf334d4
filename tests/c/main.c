/*
 * Native tests of the oojwt C core, run under AddressSanitizer and UBSan.
 *
 *   oojwt-tests [--suite KEY[,KEY...]] [--list] [VECTORS_DIR [SHARED_VECTORS_DIR]]
 *
 * --suite runs only the named suites (KEY is the suite's file name,
 * tests/c/test_KEY.c: `--suite json,hmac`); --list prints the keys. An
 * unknown key is an error (exit 2), never an empty green run.
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
 * To add a suite: write tests/c/test_<name>.c defining
 * `void suite_<name>(const char *ours, const char *shared)` with the
 * helpers of testlib.h, declare it in testlib.h (`suite_fn
 * suite_<name>;`), and add one row to `suites` below (its key is <name>). The Makefile picks
 * up every .c file in tests/c by itself.
 */
#include <stdio.h>
#include <string.h>
#include "testlib.h"

static const struct {
	const char *key;
	const char *name;
	suite_fn *run;
} suites[] = {
	{ "b64url", "base64url", suite_b64url },
	{ "json", "strict JSON", suite_json },
	{ "hmac", "HMAC", suite_hmac },
	{ "sha256", "SHA-256", suite_sha256 },
	{ "examples", "RFC 7515 / 7519 examples", suite_examples },
	{ "jws_vectors", "Wycheproof JWS and the JOSE cookbook", suite_jws_vectors },
	{ "hostile", "hostile tokens", suite_hostile },
	{ "times", "exp / nbf / iat boundaries", suite_times },
	{ "api", "API", suite_api },
	{ "sign", "signing", suite_sign },
	{ "jwk", "JWK reading", suite_jwk },
	{ "asym", "RS/PS/ES signatures and keys", suite_asym },
	{ "onlyoffice", "ONLYOFFICE rules", suite_onlyoffice },
	{ "secure_link", "secure links and nginx", suite_secure_link },
	{ "cert", "TLS certificates", suite_cert },
	{ "key_algs", "algorithms that fit a key", suite_key_algs },
	{ "catalogue", "hostile catalogue", suite_catalogue },
	{ "requests", "requests and callbacks", suite_requests },
	{ "verify_options", "Document Server's verifyOptions", suite_verify_options },
	{ "strtod", "decimal to double", suite_strtod },
	{ "sort", "sorting", suite_sort },
	{ "lifetimes", "lifetimes and server versions", suite_lifetimes },
	{ "key_select", "what key bytes are, and which key a token gets", suite_key_select },
	{ "connectors", "callbacks as the connectors' libraries judge them", suite_connectors },
	{ "hex", "hex decoding of secrets", suite_hex },
	{ "report_bound", "report length bounds", suite_report_bound },
	{ "secret_compare", "two secrets side by side", suite_secret_compare },
	{ "commands", "ready-to-run commands", suite_commands },
	{ "browser_tokens", "the tokens of the editor page's methods", suite_browser_tokens },
	{ "connector_settings", "connector settings", suite_connector_settings },
	{ "diagnose", "one diagnosis of pasted texts", suite_diagnose },
	{ "symptoms", "the symptom table, in English and Chinese", suite_symptoms },
	{ "i18n_format", "catalog templates filled with params (the CLI's formatter)",
		suite_i18n_format }
};

/* Whether suite `key` is in the comma-separated list `only` (NULL: all). */
static int
selected(const char *only, const char *key)
{
	size_t k = strlen(key);

	while (only != NULL && *only != 0) {
		size_t n = strcspn(only, ",");
		if (n == k && strncmp(only, key, n) == 0) {
			return 1;
		}
		only += n + (only[n] == ',');
	}
	return only == NULL;
}

/* Every key of `only` names a suite; otherwise say which does not. */
static int
known(const char *only)
{
	while (*only != 0) {
		size_t n = strcspn(only, ","), i;
		int found = 0;
		for (i = 0; i < sizeof suites / sizeof *suites; i++) {
			found |= strlen(suites[i].key) == n
				&& strncmp(only, suites[i].key, n) == 0;
		}
		if (!found) {
			fprintf(stderr, "oojwt-tests: no suite \"%.*s\" (--list names them)\n",
				(int)n, only);
			return 0;
		}
		only += n + (only[n] == ',');
	}
	return 1;
}

int
main(int argc, char **argv)
{
	const char *only = NULL, *dirs[2] = { "tests/vectors", "../shared/vectors" };
	int i, ndirs = 0;
	size_t s;
	tally n;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--list") == 0) {
			for (s = 0; s < sizeof suites / sizeof *suites; s++) {
				printf("%-16s %s\n", suites[s].key, suites[s].name);
			}
			return 0;
		} else if (strcmp(argv[i], "--suite") == 0 && i + 1 < argc) {
			only = argv[++i];
			if (!known(only)) {
				return 2;
			}
		} else if (ndirs < 2 && argv[i][0] != '-') {
			dirs[ndirs++] = argv[i];
		} else {
			fprintf(stderr, "usage: oojwt-tests [--suite KEY[,KEY...]] [--list] "
				"[VECTORS_DIR [SHARED_VECTORS_DIR]]\n");
			return 2;
		}
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (s = 0; s < sizeof suites / sizeof *suites; s++) {
		if (selected(only, suites[s].key)) {
			suites[s].run(dirs[0], dirs[1]);
		}
	}
	n = test_tally();
	printf("native: %d passed, %d failed, %d skipped\n", n.passed, n.failed,
		n.skipped);
	return n.failed != 0 ? 1 : 0;
}
