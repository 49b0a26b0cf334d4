/*
 * The WebAssembly exports of the ONLYOFFICE rules (web/lib/onlyoffice.mjs
 * calls them through the bridge of web/lib/oojwt.mjs): thin wrappers of the
 * report builders in ds_json.c, which the CLI uses too.
 */
#include <string.h>
#include "inner.h"
#include "ds.h"

OOJWT_WASM_EXPORT("oojwt_wasm_ds_verify")
char *oojwt_wasm_ds_verify(const char *token, size_t len,
	const unsigned char *key, size_t key_len, unsigned algs, double now,
	double tolerance, double strict_tolerance, const char *vopts,
	size_t vopts_len, int has_vopts, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_server_config")
char *oojwt_wasm_server_config(const char *local, size_t local_len,
	const char *defaults, size_t defaults_len, int has_defaults,
	size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_config_inspect")
char *oojwt_wasm_config_inspect(const char *config, size_t len,
	const unsigned char *secret, size_t secret_len, double now,
	double tolerance, int enable_browser, int required_params,
	int server_version, const char *vopts, size_t vopts_len, int has_vopts,
	int no_secret, int connector, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_config_sign")
char *oojwt_wasm_config_sign(const char *config, size_t len,
	const unsigned char *secret, size_t secret_len, unsigned alg, int fields,
	int has_iat, double iat, int has_exp, double exp, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_ds_report_bound")
size_t oojwt_wasm_ds_report_bound(int kind, size_t len);
OOJWT_WASM_EXPORT("oojwt_wasm_ds_version")
int oojwt_wasm_ds_version(const char *s, size_t len);
OOJWT_WASM_EXPORT("oojwt_wasm_secret_explain")
char *oojwt_wasm_secret_explain(const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, const char *others,
	size_t others_len, int has_others, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_secret_compare")
char *oojwt_wasm_secret_compare(const unsigned char *a, size_t a_len,
	const unsigned char *b, size_t b_len, const char *token,
	size_t token_len, int has_token, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_connector_settings")
char *oojwt_wasm_connector_settings(const char *text, size_t len,
	const char *server, size_t server_len, int has_server,
	const char *defaults, size_t defaults_len, int has_defaults,
	int self_signed, size_t *out_len);


/* vopts: the JSON text of DS's verifyOptions when has_vopts. */
char *
oojwt_wasm_ds_verify(const char *token, size_t len,
	const unsigned char *key, size_t key_len, unsigned algs, double now,
	double tolerance, double strict_tolerance, const char *vopts,
	size_t vopts_len, int has_vopts, size_t *out_len)
{
	oojwt_ds_opts o;

	memset(&o, 0, sizeof o);
	o.algorithms = algs;
	o.now = now;
	o.clock_tolerance = tolerance;
	o.strict_clock_tolerance = strict_tolerance;
	o.verify_options = has_vopts ? vopts : NULL;
	o.verify_options_len = vopts_len;
	return oojwt_ds_verify_json(token, len, key, key_len, &o, out_len);
}

char *
oojwt_wasm_server_config(const char *local, size_t local_len,
	const char *defaults, size_t defaults_len, int has_defaults,
	size_t *out_len)
{
	return oojwt_server_config_json(local, local_len, defaults, defaults_len,
		has_defaults, out_len);
}

char *
oojwt_wasm_config_inspect(const char *config, size_t len,
	const unsigned char *secret, size_t secret_len, double now,
	double tolerance, int enable_browser, int required_params,
	int server_version, const char *vopts, size_t vopts_len, int has_vopts,
	int no_secret, int connector, size_t *out_len)
{
	oojwt_inspect_opts o;

	memset(&o, 0, sizeof o);
	o.now = now;
	o.clock_tolerance = tolerance;
	o.enable_browser = enable_browser;
	o.token_required_params = required_params;
	o.server_version = server_version;
	o.verify_options = has_vopts ? vopts : NULL;
	o.verify_options_len = vopts_len;
	o.no_secret = no_secret;
	o.connector = connector;
	return oojwt_config_inspect_json(config, len, secret, secret_len, &o,
		out_len);
}

char *
oojwt_wasm_config_sign(const char *config, size_t len,
	const unsigned char *secret, size_t secret_len, unsigned alg, int fields,
	int has_iat, double iat, int has_exp, double exp, size_t *out_len)
{
	return oojwt_config_sign_json(config, len, secret, secret_len, alg,
		fields, has_iat, iat, has_exp, exp, out_len);
}

/* `others`: the JSON array of the server config's other secrets, when
 * `has_others`. */
char *
oojwt_wasm_secret_explain(const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, const char *others,
	size_t others_len, int has_others, size_t *out_len)
{
	return oojwt_secret_explain_json_text(token, len, secret, secret_len,
		has_others ? others : NULL, others_len, out_len);
}

/* A server version as major * 100 + minor, 0 when it is not one. */
int
oojwt_wasm_ds_version(const char *s, size_t len)
{
	return oojwt_ds_version_parse(s, len);
}

/* The most bytes report `kind` can have for `len` input bytes (ds.h). */
size_t
oojwt_wasm_ds_report_bound(int kind, size_t len)
{
	return oojwt_ds_report_bound(kind, len);
}

OOJWT_WASM_EXPORT("oojwt_wasm_token_kind")
char *oojwt_wasm_token_kind(const char *text, size_t len, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_token_kinds")
char *oojwt_wasm_token_kinds(size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_browser_token")
char *oojwt_wasm_browser_token(const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, int kind, double now,
	double tolerance, int enable_browser, int required_params,
	int server_version, const char *vopts, size_t vopts_len, int has_vopts,
	size_t *out_len);

/* The kind of a token or of a payload (JSON text). */
char *
oojwt_wasm_token_kind(const char *text, size_t len, size_t *out_len)
{
	return oojwt_browser_kind_json(text, len, out_len);
}

/* Every kind, with what Document Server reads from it. */
char *
oojwt_wasm_token_kinds(size_t *out_len)
{
	return oojwt_browser_kinds_json(out_len);
}

/* One token of the editor page judged by its kind (-1: the guess). */
char *
oojwt_wasm_browser_token(const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, int kind, double now,
	double tolerance, int enable_browser, int required_params,
	int server_version, const char *vopts, size_t vopts_len, int has_vopts,
	size_t *out_len)
{
	oojwt_browser_opts o;

	memset(&o, 0, sizeof o);
	o.kind = kind;
	o.now = now;
	o.clock_tolerance = tolerance;
	o.enable_browser = enable_browser;
	o.token_required_params = required_params;
	o.server_version = server_version;
	o.verify_options = has_vopts ? vopts : NULL;
	o.verify_options_len = vopts_len;
	return oojwt_browser_inspect_json(token, len, secret, secret_len, &o,
		out_len);
}

/* Connector settings, read and compared with the server's (has_server). */
char *
oojwt_wasm_connector_settings(const char *text, size_t len,
	const char *server, size_t server_len, int has_server,
	const char *defaults, size_t defaults_len, int has_defaults,
	int self_signed, size_t *out_len)
{
	return oojwt_connector_settings_json(text, len, server, server_len,
		has_server, defaults, defaults_len, has_defaults, self_signed,
		out_len);
}

char *
oojwt_wasm_secret_compare(const unsigned char *a, size_t a_len,
	const unsigned char *b, size_t b_len, const char *token,
	size_t token_len, int has_token, size_t *out_len)
{
	return oojwt_secret_compare_json(a, a_len, b, b_len,
		has_token ? token : NULL, has_token ? token_len : 0, out_len);
}
