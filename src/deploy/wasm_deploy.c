/*
 * The WebAssembly exports of the deployment checks (web/lib/deploy.mjs calls
 * them through the bridge of web/lib/oojwt.mjs): thin wrappers of the report
 * builders in deploy_json.c, which the CLI uses too.
 */
#include "inner.h"
#include "deploy.h"

OOJWT_WASM_EXPORT("oojwt_wasm_link_inspect")
char *oojwt_wasm_link_inspect(const char *url, size_t len,
	const unsigned char *secret, size_t secret_len, int has_secret,
	double now, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_link_sign")
char *oojwt_wasm_link_sign(const char *url, size_t len, const char *path,
	size_t path_len, int has_path, const char *filename, size_t filename_len,
	int has_filename, const unsigned char *secret, size_t secret_len,
	double expires, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_nginx_config")
char *oojwt_wasm_nginx_config(const char *text, size_t len,
	const unsigned char *storage, size_t storage_len, int has_storage,
	size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_deploy_report_bound")
size_t oojwt_wasm_deploy_report_bound(int kind, size_t len);
OOJWT_WASM_EXPORT("oojwt_wasm_commands")
char *oojwt_wasm_commands(const char *context, size_t len,
	const unsigned char *secret, size_t secret_len, int has_secret,
	size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_link_compare")
char *oojwt_wasm_link_compare(const unsigned char *storage,
	size_t storage_len, const unsigned char *nginx, size_t nginx_len,
	size_t *out_len);

char *
oojwt_wasm_link_inspect(const char *url, size_t len,
	const unsigned char *secret, size_t secret_len, int has_secret,
	double now, size_t *out_len)
{
	return oojwt_link_inspect_json(url, len, secret, secret_len, has_secret,
		now, out_len);
}

char *
oojwt_wasm_link_sign(const char *url, size_t len, const char *path,
	size_t path_len, int has_path, const char *filename, size_t filename_len,
	int has_filename, const unsigned char *secret, size_t secret_len,
	double expires, size_t *out_len)
{
	return oojwt_link_sign_json(url, len, path, path_len, has_path, filename,
		filename_len, has_filename, secret, secret_len, expires, out_len);
}

char *
oojwt_wasm_nginx_config(const char *text, size_t len,
	const unsigned char *storage, size_t storage_len, int has_storage,
	size_t *out_len)
{
	return oojwt_nginx_json(text, len, storage, storage_len, has_storage,
		out_len);
}

char *
oojwt_wasm_link_compare(const unsigned char *storage,
	size_t storage_len, const unsigned char *nginx, size_t nginx_len,
	size_t *out_len)
{
	return oojwt_link_compare_json(storage, storage_len, nginx, nginx_len,
		out_len);
}

/* The most bytes report `kind` can have for `len` input bytes (deploy.h). */
size_t
oojwt_wasm_deploy_report_bound(int kind, size_t len)
{
	return oojwt_deploy_report_bound(kind, len);
}

char *
oojwt_wasm_commands(const char *context, size_t len,
	const unsigned char *secret, size_t secret_len, int has_secret,
	size_t *out_len)
{
	return oojwt_commands_json_text(context, len, secret, secret_len,
		has_secret, out_len);
}
