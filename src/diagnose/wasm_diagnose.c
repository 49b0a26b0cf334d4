/*
 * The WebAssembly exports of the diagnosis (web/lib/diagnose.mjs calls
 * them through the bridge of web/lib/oojwt.mjs): thin wrappers of
 * diag_pack.c, diagnose_json.c, symptoms_json.c and export.c, which the CLI
 * uses too.
 */
#include "inner.h"
#include "diagnose.h"

OOJWT_WASM_EXPORT("oojwt_wasm_diagnose")
char *oojwt_wasm_diagnose(const unsigned char *pack, size_t len, double now,
	size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_symptoms")
char *oojwt_wasm_symptoms(size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_diagnose_export")
char *oojwt_wasm_diagnose_export(const unsigned char *pack, size_t len,
	double now, int format, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_diag_report_bound")
size_t oojwt_wasm_diag_report_bound(size_t len);

char *
oojwt_wasm_diagnose(const unsigned char *pack, size_t len, double now,
	size_t *out_len)
{
	return oojwt_diag_packed_json(pack, len, now, -1, out_len);
}

char *
oojwt_wasm_diagnose_export(const unsigned char *pack, size_t len, double now,
	int format, size_t *out_len)
{
	return oojwt_diag_packed_json(pack, len, now, format, out_len);
}

size_t
oojwt_wasm_diag_report_bound(size_t len)
{
	return oojwt_diag_report_bound(len);
}

char *
oojwt_wasm_symptoms(size_t *out_len)
{
	return oojwt_symptoms_json(out_len);
}
