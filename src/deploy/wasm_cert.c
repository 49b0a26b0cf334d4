/*
 * The WebAssembly export of the certificate inspector (web/lib/cert.mjs calls
 * it through the bridge of web/lib/oojwt.mjs): a thin wrapper of the report
 * builder in cert_json.c, which the CLI uses too. The private key's
 * buffer belongs to JS, which wipes it.
 */
#include "inner.h"
#include "deploy.h"

OOJWT_WASM_EXPORT("oojwt_wasm_cert_inspect")
char *oojwt_wasm_cert_inspect(const unsigned char *cert, size_t len,
	const unsigned char *key, size_t key_len, int has_key, const char *host,
	size_t host_len, int has_host, double now, size_t *out_len);

char *
oojwt_wasm_cert_inspect(const unsigned char *cert, size_t len,
	const unsigned char *key, size_t key_len, int has_key, const char *host,
	size_t host_len, int has_host, double now, size_t *out_len)
{
	return oojwt_cert_json(cert, len, key, key_len, has_key, host, host_len,
		has_host, now, out_len);
}
