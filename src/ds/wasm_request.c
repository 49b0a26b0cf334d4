/*
 * The WebAssembly export of the request and callback checks
 * (kit.onlyoffice.inspectRequest in web/lib/onlyoffice_request.mjs): a thin
 * wrapper of the report builder in request_json.c, which the
 * CLI uses too.
 */
#include <string.h>
#include "inner.h"
#include "ds.h"

OOJWT_WASM_EXPORT("oojwt_wasm_request_inspect")
char *oojwt_wasm_request_inspect(const char *req, size_t len, int form,
	const unsigned char *secret, size_t secret_len, int kind, double now,
	double tolerance, int enabled, int required_params, const char *header,
	size_t header_len, int has_header, const char *prefix, size_t prefix_len,
	int has_prefix, const char *vopts, size_t vopts_len, int has_vopts,
	int no_secret, int connector, int has_leeway, double leeway,
	size_t *out_len);

OOJWT_WASM_EXPORT("oojwt_wasm_connectors")
char *oojwt_wasm_connectors(size_t *out_len);

char *
oojwt_wasm_request_inspect(const char *req, size_t len, int form,
	const unsigned char *secret, size_t secret_len, int kind, double now,
	double tolerance, int enabled, int required_params, const char *header,
	size_t header_len, int has_header, const char *prefix, size_t prefix_len,
	int has_prefix, const char *vopts, size_t vopts_len, int has_vopts,
	int no_secret, int connector, int has_leeway, double leeway,
	size_t *out_len)
{
	oojwt_request_opts o;

	memset(&o, 0, sizeof o);
	o.kind = kind;
	o.form = form;
	o.now = now;
	o.clock_tolerance = tolerance;
	o.enabled = enabled;
	o.token_required_params = required_params;
	o.header = has_header ? header : NULL;
	o.header_len = header_len;
	o.prefix = has_prefix ? prefix : NULL;
	o.prefix_len = prefix_len;
	o.verify_options = has_vopts ? vopts : NULL;
	o.verify_options_len = vopts_len;
	o.no_secret = no_secret;
	o.connector = connector;
	o.has_leeway = has_leeway;
	o.leeway = leeway;
	return oojwt_request_inspect_json(req, len, secret, secret_len, &o,
		out_len);
}

/* The connector and JWT library tables (kit.onlyoffice.connectors()). */
char *
oojwt_wasm_connectors(size_t *out_len)
{
	return oojwt_connectors_json(out_len);
}
