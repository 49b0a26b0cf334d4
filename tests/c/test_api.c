/*
 * API contracts: argument checks, oojwt_result_free, code and algorithm
 * names, oojwt_fmt and oojwt_ct_equal.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

static void
test_verify_arguments(void)
{
	static const struct {
		const char *what;
		unsigned algs;
		double now, tolerance;
	} bad_opts[] = {
		{ "algorithms 0", 0, NOW, 0 },
		{ "now NaN", OOJWT_ALG_HMAC, NAN, 0 },
		{ "now +infinity", OOJWT_ALG_HMAC, INFINITY, 0 },
		{ "now -infinity", OOJWT_ALG_HMAC, -INFINITY, 0 },
		{ "negative tolerance", OOJWT_ALG_HMAC, NOW, -1 },
		{ "tolerance NaN", OOJWT_ALG_HMAC, NOW, NAN },
		{ "tolerance infinity", OOJWT_ALG_HMAC, NOW, INFINITY }
	};
	oojwt_key key = test_key(KEY_MAIN), nodata = raw_key(NULL, 4);
	oojwt_verify_opts o = opts_make(OOJWT_ALG_HMAC, NOW, 0);
	oojwt_result r;
	str tok;
	size_t i;
	test t;

	sign_str(&tok, OOJWT_ALG_HS256, &key, HDR, PAYLOAD);
	for (i = 0; i < sizeof bad_opts / sizeof *bad_opts; i++) {
		int code;
		test_begin(&t, "API: oojwt_verify with %s", bad_opts[i].what);
		memset(&r, 0, sizeof r);
		code = verify(&r, tok.p, tok.len, &key, bad_opts[i].algs,
			bad_opts[i].now, bad_opts[i].tolerance);
		expect(&t, code == OOJWT_ERR_BAD_ARGUMENT && r.valid == 0,
			"returned %s", cname(code));
		oojwt_result_free(&r);
		test_end(&t);
	}
	test_begin(&t, "API: oojwt_verify/decode with NULL arguments");
	memset(&r, 0, sizeof r);
	expect(&t, oojwt_verify(NULL, tok.p, tok.len, &key, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL result accepted");
	expect(&t, oojwt_verify(&r, NULL, 5, &key, &o) == OOJWT_ERR_BAD_ARGUMENT,
		"NULL token with a length accepted");
	expect(&t, oojwt_verify(&r, tok.p, tok.len, NULL, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL key accepted");
	expect(&t, oojwt_verify(&r, tok.p, tok.len, &nodata, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "key without data accepted");
	expect(&t, oojwt_verify(&r, tok.p, tok.len, &key, NULL)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL options accepted");
	expect(&t, oojwt_decode(NULL, tok.p, tok.len) == OOJWT_ERR_BAD_ARGUMENT,
		"oojwt_decode: NULL result accepted");
	expect(&t, oojwt_decode(&r, NULL, 3) == OOJWT_ERR_BAD_ARGUMENT,
		"oojwt_decode: NULL token accepted");
	oojwt_result_free(&r);
	test_end(&t);
	str_free(&tok);
}

static void
test_result_free(void)
{
	oojwt_key key = test_key(KEY_MAIN);
	oojwt_result r;
	str tok;
	test t;

	test_begin(&t, "API: oojwt_result_free twice, and on NULL");
	sign_str(&tok, OOJWT_ALG_HS256, &key, HDR, PAYLOAD);
	expect(&t, verify(&r, tok.p, tok.len, &key, OOJWT_ALG_HMAC, NOW, 0)
		== OOJWT_OK, "the control token does not verify");
	expect(&t, r.header != NULL && r.payload != NULL && r.sig != NULL,
		"decoded parts missing");
	oojwt_result_free(&r);
	expect(&t, r.header == NULL && r.payload == NULL && r.sig == NULL
		&& r.n_errors == 0 && r.n_warnings == 0 && r.dropped == 0
		&& r.valid == 0 && r.alg == 0 && r.dot1 == 0 && r.dot2 == 0
		&& r.header_len == 0 && r.payload_len == 0 && r.sig_len == 0
		&& r.header_ok == 0 && r.payload_ok == 0,
		"the result's fields are not zeroed");
	oojwt_result_free(&r);
	oojwt_result_free(NULL);
	memset(&r, 0, sizeof r);
	oojwt_result_free(&r);
	str_free(&tok);
	test_end(&t);
}

static const struct {
	int code;
	const char *name;
} code_table[] = {
	{ OOJWT_OK, "ok" },
	{ OOJWT_ERR_MALFORMED, "malformed" },
	{ OOJWT_ERR_BAD_BASE64, "bad_base64" },
	{ OOJWT_ERR_BAD_JSON, "bad_json" },
	{ OOJWT_ERR_DUPLICATE_MEMBER, "duplicate_member" },
	{ OOJWT_ERR_ALG_NOT_ALLOWED, "alg_not_allowed" },
	{ OOJWT_ERR_ALG_NONE, "alg_none" },
	{ OOJWT_ERR_BAD_SIGNATURE, "bad_signature" },
	{ OOJWT_ERR_EXPIRED, "expired" },
	{ OOJWT_ERR_NOT_YET_VALID, "not_yet_valid" },
	{ OOJWT_ERR_BAD_CLAIM, "bad_claim" },
	{ OOJWT_ERR_NOT_AN_OBJECT, "not_an_object" },
	{ OOJWT_ERR_TOO_LARGE, "too_large" },
	{ OOJWT_ERR_TOO_DEEP, "too_deep" },
	{ OOJWT_ERR_BAD_HEADER, "bad_header" },
	{ OOJWT_ERR_UNSUPPORTED_ALG, "unsupported_alg" },
	{ OOJWT_ERR_CRIT, "crit_unsupported" },
	{ OOJWT_ERR_EMPTY_KEY, "empty_key" },
	{ OOJWT_ERR_BAD_KEY, "bad_key" },
	{ OOJWT_ERR_KEY_MISMATCH, "key_mismatch" },
	{ OOJWT_ERR_BAD_ARGUMENT, "bad_argument" },
	{ OOJWT_ERR_NO_MEMORY, "no_memory" },
	{ OOJWT_ERR_BUFFER_TOO_SMALL, "buffer_too_small" },
	{ OOJWT_ERR_BAD_CERT, "bad_certificate" },
	{ OOJWT_ERR_FALSY_PAYLOAD, "falsy_payload" },
	{ OOJWT_WARN_SHORT_KEY, "short_key" },
	{ OOJWT_WARN_TYP_NOT_JWT, "typ_not_jwt" },
	{ OOJWT_WARN_IAT_IN_FUTURE, "iat_in_future" },
	{ OOJWT_WARN_DUPLICATE_LAST_WINS, "duplicate_last_wins" },
	{ OOJWT_WARN_CRIT_IGNORED, "crit_ignored" },
	{ OOJWT_WARN_HEADER_LATIN1, "header_latin1" },
	{ OOJWT_WARN_PAYLOAD_NOT_UTF8, "payload_not_utf8" },
	{ OOJWT_WARN_PAYLOAD_NOT_OBJECT, "payload_not_object" },
	{ OOJWT_WARN_NONCANONICAL_BASE64, "noncanonical_base64" },
	{ OOJWT_WARN_EMPTY_SECRET, "empty_secret" },
	{ OOJWT_WARN_SECRET_AS_TOKEN, "secret_as_token" },
	{ OOJWT_WARN_TOKEN_AS_SECRET, "token_as_secret" },
	{ OOJWT_WARN_PAYLOAD_LATIN1, "payload_latin1" },
	{ OOJWT_WARN_PAYLOAD_REPLACEMENT, "payload_replacement_char" },
	{ OOJWT_WARN_PAYLOAD_DOUBLE_ENCODED, "payload_double_encoded" },
	{ OOJWT_FIND_DEFAULT_SECRET_WINS, "default_secret_wins" },
	{ OOJWT_FIND_DEFAULT_SECRET, "default_secret" },
	{ OOJWT_FIND_BROWSER_SECRET_IGNORED, "browser_secret_ignored" },
	{ OOJWT_FIND_KEY_NO_EFFECT, "key_no_effect" },
	{ OOJWT_FIND_FLAG_IS_STRING, "flag_is_string" },
	{ OOJWT_FIND_SHORT_SECRET, "short_secret" },
	{ OOJWT_FIND_SECRET_QUOTES, "secret_quotes" },
	{ OOJWT_FIND_SECRET_SPACES, "secret_spaces" },
	{ OOJWT_FIND_SECRET_DOCKER_UNSAFE, "secret_docker_unsafe" },
	{ OOJWT_FIND_NO_SECRET, "no_secret" },
	{ OOJWT_FIND_SECRET_FROM_FILE, "secret_from_file" },
	{ OOJWT_FIND_TOKENS_DISABLED, "tokens_disabled" },
	{ OOJWT_FIND_EXAMPLE_SECTION, "example_config_section" },
	{ OOJWT_FIND_DOCKER_FLAG, "docker_flag_not_true" },
	{ OOJWT_FIND_TOLERANCE_NOT_NUMBER, "tolerance_not_number" },
	{ OOJWT_FIND_DOCKER_RANDOM_SECRET, "docker_random_secret" },
	{ OOJWT_FIND_TOKEN_MISSING, "token_missing" },
	{ OOJWT_FIND_MISSING_REQUIRED_FIELD, "missing_required_field" },
	{ OOJWT_FIND_PERMISSIONS_DIFFER, "permissions_differ" },
	{ OOJWT_FIND_TOKEN_INVALID_FORMAT, "token_invalid_format" },
	{ OOJWT_FIND_BAD_DOCUMENT_KEY, "bad_document_key" },
	{ OOJWT_FIND_NOT_OPENING_TOKEN, "not_an_opening_token" },
	{ OOJWT_FIND_PAYLOAD_WRAPPER, "payload_wrapper" },
	{ OOJWT_FIND_MISSING_CONFIG_FIELD, "missing_config_field" },
	{ OOJWT_FIND_BAD_DOCUMENT_TYPE, "bad_document_type" },
	{ OOJWT_FIND_BAD_FILE_TYPE, "bad_file_type" },
	{ OOJWT_FIND_FILE_TYPE_MISMATCH, "file_type_mismatch" },
	{ OOJWT_FIND_FILE_TYPE_CASE, "file_type_case" },
	{ OOJWT_FIND_KEY_TOO_LONG, "key_too_long" },
	{ OOJWT_FIND_URL_NOT_ABSOLUTE, "url_not_absolute" },
	{ OOJWT_FIND_CALLBACK_UNREACHABLE, "callback_unreachable" },
	{ OOJWT_FIND_USER_ID_TOO_LONG, "user_id_too_long" },
	{ OOJWT_FIND_CONFIG_HAS_SECRET, "config_has_secret" },
	{ OOJWT_FIND_LINK_BAD_URL, "link_bad_url" },
	{ OOJWT_FIND_LINK_BAD_PATH, "link_bad_path" },
	{ OOJWT_FIND_LINK_NOT_CACHE, "link_not_cache_path" },
	{ OOJWT_FIND_LINK_PREFIX, "link_path_prefix" },
	{ OOJWT_FIND_LINK_NO_MD5, "link_no_md5" },
	{ OOJWT_FIND_LINK_NO_EXPIRES, "link_no_expires" },
	{ OOJWT_FIND_LINK_BAD_MD5, "link_bad_md5" },
	{ OOJWT_FIND_LINK_BAD_EXPIRES, "link_bad_expires" },
	{ OOJWT_FIND_LINK_MISMATCH, "link_signature_mismatch" },
	{ OOJWT_FIND_LINK_EXPIRED, "link_expired" },
	{ OOJWT_FIND_LINK_REENCODED, "link_path_reencoded" },
	{ OOJWT_FIND_LINK_SECRET_VARIANT, "link_secret_variant" },
	{ OOJWT_FIND_LINK_DEFAULT_SECRET, "default_link_secret" },
	{ OOJWT_FIND_LINK_DUPLICATE_ARG, "link_duplicate_arg" },
	{ OOJWT_FIND_LINK_NO_FILENAME, "link_no_filename" },
	{ OOJWT_FIND_LINK_SECRETS_DIFFER, "link_secrets_differ" },
	{ OOJWT_FIND_NGINX_SYNTAX, "nginx_syntax" },
	{ OOJWT_FIND_NGINX_NO_SECRET, "nginx_no_secret" },
	{ OOJWT_FIND_NGINX_NO_HTTPS, "nginx_no_https" },
	{ OOJWT_FIND_NGINX_443_PLAIN, "nginx_443_plain" },
	{ OOJWT_FIND_NGINX_OLD_TLS, "nginx_old_tls" },
	{ OOJWT_FIND_NGINX_SSL_DIRECTIVE, "nginx_ssl_directive" },
	{ OOJWT_FIND_NGINX_PLACEHOLDER, "nginx_placeholder" },
	{ OOJWT_FIND_NGINX_NO_CERTIFICATE, "nginx_no_certificate" },
	{ OOJWT_FIND_NGINX_INCLUDE, "nginx_include" },
	{ OOJWT_FIND_NGINX_SECRET_VARIABLE, "nginx_secret_variable" },
	{ OOJWT_FIND_CERT_EXPIRED, "cert_expired" },
	{ OOJWT_FIND_CERT_NOT_YET_VALID, "cert_not_yet_valid" },
	{ OOJWT_FIND_CERT_SELF_SIGNED, "cert_self_signed" },
	{ OOJWT_FIND_CERT_HOST_NOT_COVERED, "cert_host_not_covered" },
	{ OOJWT_FIND_CERT_KEY_MISMATCH, "cert_key_mismatch" },
	{ OOJWT_FIND_CERT_WEAK_KEY, "cert_weak_key" },
	{ OOJWT_FIND_CERT_WEAK_SIGNATURE, "cert_weak_signature" },
	{ OOJWT_FIND_CERT_VALIDITY_TOO_LONG, "cert_validity_too_long" },
	{ OOJWT_FIND_CERT_CN_ONLY, "cert_cn_only" },
	{ OOJWT_FIND_CERT_BAD_SELF_SIGNATURE, "cert_bad_self_signature" },
	{ OOJWT_FIND_WRONG_PREFIX, "wrong_prefix" },
	{ OOJWT_FIND_BODY_TOKEN_WINS, "body_token_wins" },
	{ OOJWT_FIND_UNSIGNED_FIELDS, "unsigned_fields_ignored" },
	{ OOJWT_FIND_HEADER_TRIMMED, "header_token_trimmed" },
	{ OOJWT_FIND_HEADER_TOO_LARGE, "header_too_large" },
	{ OOJWT_FIND_TOKEN_IN_OTHER_HEADER, "token_in_other_header" },
	{ OOJWT_FIND_BODY_NOT_JSON, "body_not_json" },
	{ OOJWT_FIND_BAD_REQUEST_FIELD, "bad_request_field" },
	{ OOJWT_FIND_HTTP_UNREADABLE, "http_unreadable" },
	{ OOJWT_FIND_USER_NOT_SIGNED, "user_not_signed" },
	{ OOJWT_FIND_USER_DIFFERS, "user_differs" },
	{ OOJWT_WARN_HIDDEN_CHARACTERS, "hidden_characters" },
	{ OOJWT_FIND_KIND_AMBIGUOUS, "kind_ambiguous" },
	{ OOJWT_FIND_KIND_MISMATCH, "kind_mismatch" },
	{ OOJWT_FIND_MISSING_TOKEN_FIELD, "missing_token_field" },
	{ OOJWT_FIND_BAD_TOKEN_FIELD, "bad_token_field" },
	{ OOJWT_FIND_TOKEN_NOT_CHECKED, "token_not_checked" },
	{ OOJWT_FIND_CONNECTORS_DECIDE, "connectors_decide" },
	{ OOJWT_FIND_VERIFY_ALGORITHMS, "verify_algorithms" },
	{ OOJWT_FIND_VERIFY_CLOCK_TOLERANCE, "verify_clock_tolerance" },
	{ OOJWT_FIND_VERIFY_CLOCK_TIMESTAMP, "verify_clock_timestamp" },
	{ OOJWT_FIND_VERIFY_IGNORE_EXPIRATION, "verify_ignore_expiration" },
	{ OOJWT_FIND_VERIFY_IGNORE_NOT_BEFORE, "verify_ignore_not_before" },
	{ OOJWT_FIND_VERIFY_MAX_AGE, "verify_max_age" },
	{ OOJWT_FIND_VERIFY_AUDIENCE, "verify_audience" },
	{ OOJWT_FIND_VERIFY_ISSUER, "verify_issuer" },
	{ OOJWT_FIND_VERIFY_SUBJECT, "verify_subject" },
	{ OOJWT_FIND_VERIFY_JWTID, "verify_jwtid" },
	{ OOJWT_FIND_VERIFY_NONCE, "verify_nonce" },
	{ OOJWT_FIND_VERIFY_COMPLETE, "verify_complete" },
	{ OOJWT_FIND_VERIFY_OTHER_OPTION, "verify_other_option" },
	{ OOJWT_FIND_SETTINGS_UNRECOGNISED, "settings_unrecognised" },
	{ OOJWT_FIND_PHP_SYNTAX, "php_syntax" },
	{ OOJWT_FIND_CONNECTOR_SECRET_HIDDEN, "connector_secret_hidden" },
	{ OOJWT_FIND_CONNECTOR_SETTING_NO_EFFECT, "connector_setting_no_effect" },
	{ OOJWT_FIND_CONNECTOR_HEADER_REFUSED, "connector_header_refused" },
	{ OOJWT_FIND_CONNECTOR_LEEWAY_ZERO, "connector_leeway_zero" },
	{ OOJWT_FIND_CONNECTOR_VERIFY_PEER, "connector_verify_peer" },
	{ OOJWT_FIND_CONNECTOR_SECRET_DIFFERS, "connector_secret_differs" },
	{ OOJWT_FIND_CONNECTOR_TOKENS_MISMATCH, "connector_tokens_mismatch" },
	{ OOJWT_FIND_CONNECTOR_HEADER_DIFFERS, "connector_header_differs" },
	{ OOJWT_FIND_CONNECTOR_PREFIX_DIFFERS, "connector_prefix_differs" },
	{ OOJWT_FIND_LONE_SURROGATE, "lone_surrogate" },
	{ OOJWT_FIND_CONNECTOR_SIGNS, "connector_signs" },
	{ OOJWT_FIND_TOKEN_NEVER_EXPIRES, "token_never_expires" },
	{ OOJWT_FIND_CLAIMS_UNLIKE_CONNECTOR, "claims_unlike_connector" },
	{ OOJWT_FIND_CONNECTOR_CANNOT_SIGN, "connector_cannot_sign" },
	{ OOJWT_FIND_CONNECTOR_RECOGNISED, "connector_recognised" },
	{ OOJWT_FIND_DOWNLOAD_URL_DIFFERS, "download_url_differs" },
	{ OOJWT_FIND_DIAG_NOT_RECOGNISED, "diag_not_recognised" },
	{ OOJWT_FIND_DIAG_SIGNED_WITH_OTHER_SECRET, "diag_signed_with_other_secret" },
	{ OOJWT_FIND_DIAG_SECRET_VARIANT, "diag_secret_variant" },
	{ OOJWT_FIND_DIAG_SECRET_UNKNOWN, "diag_secret_unknown" },
	{ OOJWT_FIND_DIAG_TOKEN_VERIFIES, "diag_token_verifies" },
	{ OOJWT_FIND_DIAG_NO_SECRET, "diag_no_secret" },
	{ OOJWT_FIND_DIAG_SIGNATURE_TRUNCATED, "diag_signature_truncated" },
	{ OOJWT_FIND_DIAG_TOKEN_REJECTED, "diag_token_rejected" },
	{ OOJWT_FIND_DIAG_NO_TOKEN, "diag_no_token" },
	{ OOJWT_FIND_DIAG_DS_LOG, "diag_ds_log" },
	{ OOJWT_FIND_DIAG_SYMPTOM, "diag_symptom" },
	{ OOJWT_FIND_DIAG_ALL_CLEAR, "diag_all_clear" },
	{ OOJWT_FIND_DIAG_TOKEN_UNREADABLE, "diag_token_unreadable" },
	{ OOJWT_FIND_DIAG_CONFIG_NOT_JSON, "diag_config_not_json" },
	{ OOJWT_WARN_SIGNATURE_LENGTH, "signature_length" },
	{ OOJWT_FIND_CONFIG_IS_SECRET, "config_is_secret" },
	{ OOJWT_FIND_CONFIG_FROM_ENV, "config_from_env" },
	{ OOJWT_FIND_CONFIG_FRAGMENT, "config_fragment" },
	{ OOJWT_FIND_NGINX_DOCKER_REWRITTEN, "nginx_docker_rewritten" },
	{ OOJWT_FIND_DIAG_CERT_NO_IP, "diag_cert_no_ip" },
	{ OOJWT_SAY_TOKEN_KIND_LABEL, "token_kind_label" },
	{ OOJWT_SAY_TOKEN_KIND_WHY, "token_kind_why" },
	{ OOJWT_SAY_BROWSER_VERDICT, "browser_verdict" },
	{ OOJWT_SAY_CONFIG_VERDICT, "config_verdict" },
	{ OOJWT_SAY_SECRET_EXPLAINED, "secret_explained" },
	{ OOJWT_SAY_CONNECTOR_DECIDES, "connector_decides" },
	{ OOJWT_SAY_CONNECTOR_NAME, "connector_name" },
	{ OOJWT_SAY_REQUEST_ANSWER, "request_answer" },
	{ OOJWT_SAY_LINK_SERVES, "link_serves" },
	{ OOJWT_SAY_LINK_GONE, "link_gone" },
	{ OOJWT_SAY_LINK_FORBIDDEN, "link_forbidden" },
	{ OOJWT_SAY_LINK_UNCHECKED, "link_unchecked" },
	{ OOJWT_SAY_LINK_NOT_DOWNLOAD, "link_not_download" },
	{ OOJWT_SAY_DIAG_CONSEQUENCE, "diag_consequence" }
};
#define NUM_CODES (sizeof code_table / sizeof *code_table)

static int
is_snake_case(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || s[0] == '_' || s[n - 1] == '_') {
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'
			|| (i > 0 && s[i] >= '0' && s[i] <= '9')))
		{
			return 0;
		}
	}
	return strstr(s, "__") == NULL;
}

static void
test_code_names(void)
{
	int max_err = 0, max_warn = 0, unknown[7];
	size_t i, k;
	test t;

	test_begin(&t, "API: oojwt_code_name");
	for (i = 0; i < NUM_CODES; i++) {
		const char *n = oojwt_code_name(code_table[i].code);
		int c = code_table[i].code;
		if (!expect(&t, n != NULL, "code %d has no name", c)) {
			continue;
		}
		expect(&t, strcmp(n, code_table[i].name) == 0,
			"code %d is \"%s\", want \"%s\"", c, n, code_table[i].name);
		expect(&t, is_snake_case(n), "\"%s\" is not snake_case", n);
		for (k = 0; k < i; k++) {
			const char *m = oojwt_code_name(code_table[k].code);
			expect(&t, m == NULL || strcmp(n, m) != 0,
				"codes %d and %d are both \"%s\"", c, code_table[k].code, n);
		}
		if (c < OOJWT_WARN_FIRST && c > max_err) {
			max_err = c;
		}
		if (c > max_warn) {
			max_warn = c;
		}
	}
	unknown[0] = -1;
	unknown[1] = max_err + 1;
	unknown[2] = OOJWT_WARN_FIRST - 1;
	unknown[3] = max_warn + 1;
	unknown[4] = INT_MAX;
	unknown[5] = INT_MIN;
	unknown[6] = 1000;
	for (i = 0; i < sizeof unknown / sizeof *unknown; i++) {
		expect(&t, oojwt_code_name(unknown[i]) == NULL,
			"%d has a name", unknown[i]);
	}
	test_end(&t);
}

static void
test_alg_names(void)
{
	static const char *const wrong[] = {
		"hs256", "Hs256", "hS256", "HS256 ", " HS256", "HS25", "HS2566",
		"", "eddsa", "EDDSA", "none", "HS256\n"
	};
	unsigned i, bit, seen = 0;
	test t;

	test_begin(&t, "API: algorithm names are exact and case-sensitive");
	for (i = 0; (bit = oojwt_alg_by_index(i)) != 0; i++) {
		const char *n = oojwt_alg_name(bit);
		int hs = (bit & OOJWT_ALG_HMAC) != 0;
		expect(&t, n != NULL && oojwt_alg_from_name(n, strlen(n)) == bit,
			"index %u does not round-trip", i);
		expect(&t, (bit & (bit - 1)) == 0 && (seen & bit) == 0,
			"index %u: bit 0x%x repeated or not a single bit", i, bit);
		expect(&t, !!oojwt_alg_supported(bit) == (bit != OOJWT_ALG_EDDSA),
			"%s supported is %d", n, oojwt_alg_supported(bit));
		expect(&t, oojwt_hmac_size(bit) == (hs ? (size_t)(bit == OOJWT_ALG_HS256
			? 32 : bit == OOJWT_ALG_HS384 ? 48 : 64) : 0),
			"hmac size of %s", n);
		seen |= bit;
	}
	expect(&t, i == 13, "%u algorithms, want 13", i);
	for (i = 0; i < sizeof wrong / sizeof *wrong; i++) {
		expect(&t, oojwt_alg_from_name(wrong[i], strlen(wrong[i])) == 0,
			"\"%s\" is taken for an algorithm", wrong[i]);
	}
	expect(&t, oojwt_alg_from_name("HS256x", 5) == OOJWT_ALG_HS256,
		"the length is not honoured");
	expect(&t, oojwt_alg_from_name("EdDSA", 5) == OOJWT_ALG_EDDSA, "EdDSA");
	expect(&t, oojwt_alg_name(OOJWT_ALG_HS256 | OOJWT_ALG_HS384) == NULL
		&& oojwt_alg_name(0) == NULL, "a name for a mask");
	expect(&t, !oojwt_alg_supported(OOJWT_ALG_HS256 | OOJWT_ALG_HS384)
		&& !oojwt_alg_supported(0), "a mask is supported");
	test_end(&t);
}

/* oojwt_fmt into a canary-filled buffer; checks the text and that
 * nothing was written past `cap`. */
static void
fmt_check(test *t, size_t cap, const char *want, const char *got_buf)
{
	size_t i;

	expect(t, strcmp(got_buf, want) == 0, "cap %lu: got \"%s\", want \"%s\"",
		(unsigned long)cap, got_buf, want);
	for (i = cap; i < 64; i++) {
		if (got_buf[i] != '#') {
			expect(t, 0, "cap %lu: byte %lu written", (unsigned long)cap,
				(unsigned long)i);
			break;
		}
	}
}

#define FMT(cap, want, ...) do { \
	memset(buf, '#', sizeof buf); \
	oojwt_fmt(buf, (cap), __VA_ARGS__); \
	fmt_check(&t, (cap), (want), buf); \
} while (0)

static void
test_fmt(void)
{
	char buf[64], want[64];
	test t;

	test_begin(&t, "API: oojwt_fmt");
	FMT(64, "abc", "%s", "abc");
	FMT(64, "a\\x01\\x7fb\\x00c", "%S", "a\x01\x7f" "b\0c", (size_t)6);
	FMT(64, "xy", "%S", "xyz", (size_t)2);
	FMT(64, "0 42 -7", "%d %d %d", 0, 42, -7);
	snprintf(want, sizeof want, "%d/%d", INT_MIN, INT_MAX);
	FMT(64, want, "%d/%d", INT_MIN, INT_MAX);
	snprintf(want, sizeof want, "%lu", (unsigned long)(size_t)-1);
	FMT(64, want, "%z", (size_t)-1);
	FMT(64, "0", "%z", (size_t)0);
	snprintf(want, sizeof want, "%ld %ld", LONG_MIN, LONG_MAX);
	FMT(64, want, "%l %l", LONG_MIN, LONG_MAX);
	FMT(64, "12 -12 0 1300819380 -3", "%t %t %t %t %t", 12.9, -12.9, 0.0,
		1300819380.0, -3.0);
	FMT(64, "100% sure %", "100%% sure %%");
	FMT(64, "a-b-1-2-3-4-5%", "%s-%S-%d-%z-%l-%t-%d%%", "a", "bc", (size_t)1,
		1, (size_t)2, 3L, 4.5, 5);
	FMT(4, "abc", "%s", "abcdef");
	FMT(3, "12", "%d", 12345);
	FMT(1, "", "%s", "abc");
	FMT(2, "-", "%t", -98.0);
	FMT(6, "a\\x0a", "%S", "a\nb", (size_t)3);
	test_end(&t);
}

static void
test_ct_equal(void)
{
	unsigned char a[64], b[64];
	size_t i;
	int bit;
	test t;

	test_begin(&t, "API: oojwt_ct_equal");
	for (i = 0; i < sizeof a; i++) {
		a[i] = b[i] = (unsigned char)(i * 37 + 11);
	}
	expect(&t, oojwt_ct_equal(a, b, sizeof a) == 1, "equal buffers differ");
	expect(&t, oojwt_ct_equal(a, b + 1, 0) == 1, "empty buffers differ");
	for (i = 0; i < sizeof a; i++) {
		for (bit = 0; bit < 8; bit++) {
			b[i] ^= (unsigned char)(1u << bit);
			expect(&t, oojwt_ct_equal(a, b, sizeof a) == 0,
				"bit %d of byte %lu ignored", bit, (unsigned long)i);
			b[i] ^= (unsigned char)(1u << bit);
		}
	}
	memset(a, 0xff, sizeof a);
	memset(b, 0x00, sizeof b);
	expect(&t, oojwt_ct_equal(a, b, sizeof a) == 0, "ff.. equals 00..");
	test_end(&t);
}

/* hidden_characters (src/core/hidden.c): bidi controls and invisible
 * characters in a claim, raw or escaped, warn in decode and verify; other
 * text (an escaped backslash before "u202e", emoji, newlines) does not. */
static void
test_hidden_characters(void)
{
	static const struct {
		const char *hdr, *payload;
		int warns;
	} cases[] = {
		{ HDR, "{\"sub\":\"user\xe2\x80\xae nimda\"}", 1 },
		{ HDR, "{\"sub\":\"user\\u202E nimda\"}", 1 },
		{ HDR, "{\"u\":\"a\\u200bb\",\"s\":\"ad\xc2\xadmin\"}", 1 },
		{ HDR, "{\"c1\":\"\xc2\x9b\",\"esc\":\"\\u001b[2J\"}", 1 },
		{ HDR, "{\"cr\":\"a\\rb\"}", 1 },
		{ HDR, "{\"bom\":\"\xef\xbb\xbf\",\"lri\":\"\xe2\x81\xa6\"}", 1 },
		{ "{\"alg\":\"HS256\",\"typ\":\"JWT\xe2\x80\xae\"}", PAYLOAD, 1 },
		{ HDR, "{\"s\":\"a\\\\u202e\",\"e\":\"\xf0\x9f\x98\x80\","
		  "\"n\":\"a\\nb\\tc\",\"x\":\"caf\xc3\xa9\"}", 0 },
		{ HDR, PAYLOAD, 0 }
	};
	oojwt_key key = test_key(KEY_MAIN);
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		test t;
		str tok = { NULL, 0, 0 };
		oojwt_result d, v;
		size_t k, nd = 0, nv = 0;
		test_begin(&t, "hidden_characters: case %lu", (unsigned long)i);
		if (expect(&t, sign_str(&tok, OOJWT_ALG_HS256, &key, cases[i].hdr,
			cases[i].payload) == OOJWT_OK, "signs"))
		{
			memset(&d, 0, sizeof d);
			oojwt_decode(&d, tok.p, tok.len);
			verify(&v, tok.p, tok.len, &key, OOJWT_ALG_HMAC, NOW, 0);
			for (k = 0; k < d.n_warnings; k++) {
				nd += d.warnings[k].code == OOJWT_WARN_HIDDEN_CHARACTERS;
			}
			for (k = 0; k < v.n_warnings; k++) {
				nv += v.warnings[k].code == OOJWT_WARN_HIDDEN_CHARACTERS;
			}
			expect(&t, (int)nd == cases[i].warns && (int)nv == cases[i].warns,
				"decode warns %lu, verify %lu times; want %d", (unsigned long)nd,
				(unsigned long)nv, cases[i].warns);
			expect(&t, v.valid, "still valid (a warning only)");
			oojwt_result_free(&d);
			oojwt_result_free(&v);
		}
		str_free(&tok);
		test_end(&t);
	}
}

void
suite_api(const char *ours, const char *shared)
{
	(void)ours;
	(void)shared;

	test_verify_arguments();
	test_result_free();
	test_code_names();
	test_alg_names();
	test_fmt();
	test_ct_equal();
	test_hidden_characters();
}
