/*
 * The WebAssembly exports of the ONLYOFFICE rules (web/lib/onlyoffice.mjs
 * calls them through the bridge of web/lib/oojwt.mjs): thin wrappers of the
 * report builders in ds_json.c, which the CLI uses too.
 */
#include "inner.h"
#include "ds.h"

OOJWT_WASM_EXPORT("oojwt_wasm_ds_verify")
char *oojwt_wasm_ds_verify(const char *token, size_t len,
	const unsigned char *key, size_t key_len, unsigned algs, double now,
	double tolerance, double strict_tolerance, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_server_config")
char *oojwt_wasm_server_config(const char *local, size_t local_len,
	const char *defaults, size_t defaults_len, int has_defaults,
	size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_config_inspect")
char *oojwt_wasm_config_inspect(const char *config, size_t len,
	const unsigned char *secret, size_t secret_len, double now,
	double tolerance, int enable_browser, int required_params,
	int server_version, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_config_sign")
char *oojwt_wasm_config_sign(const char *config, size_t len,
	const unsigned char *secret, size_t secret_len, unsigned alg, int fields,
	int has_iat, double iat, int has_exp, double exp, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_ds_version")
int oojwt_wasm_ds_version(const char *s, size_t len);
OOJWT_WASM_EXPORT("oojwt_wasm_secret_explain")
char *oojwt_wasm_secret_explain(const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, const char *others,
	size_t others_len, int has_others, size_t *out_len);


char *
oojwt_wasm_ds_verify(const char *token, size_t len,
	const unsigned char *key, size_t key_len, unsigned algs, double now,
	double tolerance, double strict_tolerance, size_t *out_len)
{
	return oojwt_ds_verify_json(token, len, key, key_len, algs, now,
		tolerance, strict_tolerance, out_len);
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
	int server_version, size_t *out_len)
{
	return oojwt_config_inspect_json(config, len, secret, secret_len, now,
		tolerance, enable_browser, required_params, server_version, out_len);
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
