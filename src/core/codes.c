/*
 * The one table of code names and the table of JWS algorithm names.
 */
#include <string.h>
#include "inner.h"
#include "core.h"

static const char *const error_names[] = {
	"ok",
	"malformed",
	"bad_base64",
	"bad_json",
	"duplicate_member",
	"alg_not_allowed",
	"alg_none",
	"bad_signature",
	"expired",
	"not_yet_valid",
	"bad_claim",
	"not_an_object",
	"too_large",
	"too_deep",
	"bad_header",
	"unsupported_alg",
	"crit_unsupported",
	"empty_key",
	"bad_key",
	"key_mismatch",
	"bad_argument",
	"no_memory",
	"buffer_too_small",
	"bad_certificate",
	"falsy_payload"
};

static const char *const warning_names[] = {
	"short_key",
	"typ_not_jwt",
	"iat_in_future",
	"duplicate_last_wins",
	"crit_ignored",
	"header_latin1",
	"payload_not_utf8",
	"payload_not_object",
	"noncanonical_base64",
	"empty_secret",
	"secret_as_token",
	"token_as_secret",
	"payload_latin1",
	"payload_replacement_char",
	"payload_double_encoded",
	"default_secret_wins",
	"default_secret",
	"browser_secret_ignored",
	"key_no_effect",
	"flag_is_string",
	"short_secret",
	"secret_quotes",
	"secret_spaces",
	"secret_docker_unsafe",
	"no_secret",
	"secret_from_file",
	"tokens_disabled",
	"example_config_section",
	"docker_flag_not_true",
	"tolerance_not_number",
	"docker_random_secret",
	"token_missing",
	"missing_required_field",
	"permissions_differ",
	"token_invalid_format",
	"bad_document_key",
	"not_an_opening_token",
	"payload_wrapper",
	"missing_config_field",
	"bad_document_type",
	"bad_file_type",
	"file_type_mismatch",
	"file_type_case",
	"key_too_long",
	"url_not_absolute",
	"callback_unreachable",
	"user_id_too_long",
	"config_has_secret",
	"link_bad_url",
	"link_bad_path",
	"link_not_cache_path",
	"link_path_prefix",
	"link_no_md5",
	"link_no_expires",
	"link_bad_md5",
	"link_bad_expires",
	"link_signature_mismatch",
	"link_expired",
	"link_path_reencoded",
	"link_secret_variant",
	"default_link_secret",
	"link_duplicate_arg",
	"link_no_filename",
	"link_secrets_differ",
	"nginx_syntax",
	"nginx_no_secret",
	"nginx_no_https",
	"nginx_443_plain",
	"nginx_old_tls",
	"nginx_ssl_directive",
	"nginx_placeholder",
	"nginx_no_certificate",
	"nginx_include",
	"nginx_secret_variable",
	"cert_expired",
	"cert_not_yet_valid",
	"cert_self_signed",
	"cert_host_not_covered",
	"cert_key_mismatch",
	"cert_weak_key",
	"cert_weak_signature",
	"cert_validity_too_long",
	"cert_cn_only",
	"cert_bad_self_signature",
	"wrong_prefix",
	"body_token_wins",
	"unsigned_fields_ignored",
	"header_token_trimmed",
	"header_too_large",
	"token_in_other_header",
	"body_not_json",
	"bad_request_field",
	"http_unreadable",
	"user_not_signed",
	"user_differs",
	"hidden_characters",
	"kind_ambiguous",
	"kind_mismatch",
	"missing_token_field",
	"bad_token_field",
	"token_not_checked",
	"connectors_decide",
	/* DS's verifyOptions (src/ds/verify_options.c, server_config.c) */
	"verify_algorithms",
	"verify_clock_tolerance",
	"verify_clock_timestamp",
	"verify_ignore_expiration",
	"verify_ignore_not_before",
	"verify_max_age",
	"verify_audience",
	"verify_issuer",
	"verify_subject",
	"verify_jwtid",
	"verify_nonce",
	"verify_complete",
	"verify_other_option",
	/* connector settings (src/ds/connector_settings.c) */
	"settings_unrecognised",
	"php_syntax",
	"connector_secret_hidden",
	"connector_setting_no_effect",
	"connector_header_refused",
	"connector_leeway_zero",
	"connector_verify_peer",
	"connector_secret_differs",
	"connector_tokens_mismatch",
	"connector_header_differs",
	"connector_prefix_differs",
	"lone_surrogate",
	/* The full module and native builds only: the JWT core module
	 * (OOJWT_CORE_MODULE, Makefile) writes none of the reports these
	 * codes (227 on) appear in and, loaded first by the page, is kept
	 * small. */
#ifndef OOJWT_CORE_MODULE
	"connector_signs",
	"token_never_expires",
	"claims_unlike_connector",
	"connector_cannot_sign",
	"connector_recognised",
	"download_url_differs",
	/* the diagnosis (src/diagnose/) */
	"diag_not_recognised",
	"diag_signed_with_other_secret",
	"diag_secret_variant",
	"diag_secret_unknown",
	"diag_token_verifies",
	"diag_no_secret",
	"diag_signature_truncated",
	"diag_token_rejected",
	"diag_no_token",
	"diag_ds_log",
	"diag_symptom",
	"diag_all_clear",
	"diag_token_unreadable",
	"diag_config_not_json",
#endif
	/* A warning of the core again (247), then findings of the DS and
	 * deploy layers: given by number, the core module leaving out the
	 * names above. */
	[OOJWT_WARN_SIGNATURE_LENGTH - OOJWT_WARN_FIRST] = "signature_length",
	"config_is_secret",
	"config_from_env",
	"config_fragment",
	"nginx_docker_rewritten",
#ifndef OOJWT_CORE_MODULE
	[OOJWT_FIND_DIAG_CERT_NO_IP - OOJWT_WARN_FIRST] = "diag_cert_no_ip",
	/* 261 - 265: sentences that are no finding (src/ds/). */
	[OOJWT_SAY_TOKEN_KIND_LABEL - OOJWT_WARN_FIRST] = "token_kind_label",
	"token_kind_why",
	"browser_verdict",
	"config_verdict",
	"secret_explained",
	/* the connectors' and a receiver's words (src/ds/connectors.c,
	 * request.c, request_json.c) */
	[OOJWT_SAY_CONNECTOR_DECIDES - OOJWT_WARN_FIRST] = "connector_decides",
	"connector_name",
	"request_answer",
	/* The verdicts of a secure download link (291 - 295). */
	[OOJWT_SAY_LINK_SERVES - OOJWT_WARN_FIRST] = "link_serves",
	"link_gone",
	"link_forbidden",
	"link_unchecked",
	"link_not_download",
	[OOJWT_SAY_DIAG_CONSEQUENCE - OOJWT_WARN_FIRST] = "diag_consequence"
#endif
};

const char *
oojwt_code_name(int code)
{
	if (code >= 0 && (size_t)code < sizeof error_names / sizeof *error_names) {
		return error_names[code];
	}
	if (code >= OOJWT_WARN_FIRST && (size_t)(code - OOJWT_WARN_FIRST)
		< sizeof warning_names / sizeof *warning_names)
	{
		return warning_names[code - OOJWT_WARN_FIRST];
	}
	return NULL;
}

static const struct {
	unsigned bit;
	const char *name;
	size_t mac_len;
} algs[] = {
	{ OOJWT_ALG_HS256, "HS256", 32 },
	{ OOJWT_ALG_HS384, "HS384", 48 },
	{ OOJWT_ALG_HS512, "HS512", 64 },
	{ OOJWT_ALG_RS256, "RS256", 0 },
	{ OOJWT_ALG_RS384, "RS384", 0 },
	{ OOJWT_ALG_RS512, "RS512", 0 },
	{ OOJWT_ALG_PS256, "PS256", 0 },
	{ OOJWT_ALG_PS384, "PS384", 0 },
	{ OOJWT_ALG_PS512, "PS512", 0 },
	{ OOJWT_ALG_ES256, "ES256", 0 },
	{ OOJWT_ALG_ES384, "ES384", 0 },
	{ OOJWT_ALG_ES512, "ES512", 0 },
	{ OOJWT_ALG_EDDSA, "EdDSA", 0 }
};
#define NUM_ALGS (sizeof algs / sizeof *algs)

const char *
oojwt_alg_name(unsigned alg)
{
	size_t i;

	for (i = 0; i < NUM_ALGS; i++) {
		if (algs[i].bit == alg) {
			return algs[i].name;
		}
	}
	return NULL;
}

unsigned
oojwt_alg_by_index(unsigned index)
{
	return index < NUM_ALGS ? algs[index].bit : 0;
}

void
oojwt_alg_names(char *buf, size_t cap, unsigned mask)
{
	size_t n = 0;
	unsigned i, bit;

	buf[0] = 0;
	for (i = 0; (bit = oojwt_alg_by_index(i)) != 0; i++) {
		const char *name = oojwt_alg_name(bit);
		size_t k = strlen(name);
		if ((mask & bit) == 0 || n + k + 3 > cap) {
			continue;
		}
		if (n > 0) {
			buf[n++] = ',';
			buf[n++] = ' ';
		}
		memcpy(buf + n, name, k);
		n += k;
		buf[n] = 0;
	}
}

unsigned
oojwt_alg_from_name(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < NUM_ALGS; i++) {
		if (strlen(algs[i].name) == len
			&& memcmp(algs[i].name, name, len) == 0)
		{
			return algs[i].bit;
		}
	}
	return 0;
}

size_t
oojwt_hmac_size(unsigned alg)
{
	size_t i;

	for (i = 0; i < NUM_ALGS; i++) {
		if (algs[i].bit == alg) {
			return algs[i].mac_len;
		}
	}
	return 0;
}

int
oojwt_alg_supported(unsigned alg)
{
	/* HS, RS, PS and ES (bits 0x001..0x800): every algorithm but EdDSA. */
	return (alg & 0xFFFu) != 0 && (alg & (alg - 1)) == 0;
}
