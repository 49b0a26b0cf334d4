/*
 * The WebAssembly boundary: thin wrappers that take (pointer, length)
 * pairs from JS, call the core, and hand back one malloc'd JSON report
 * (see report.c). No logic lives here that the native build lacks.
 *
 * Verify and sign, with every kind of key, are in wasm_key.c.
 * Reports and other public buffers are freed by JS with
 * oojwt_wasm_release(ptr); buffers that held a key with
 * oojwt_wasm_free(ptr, len), which wipes them first.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

OOJWT_WASM_EXPORT("oojwt_wasm_alloc")
void *oojwt_wasm_alloc(size_t n);
OOJWT_WASM_EXPORT("oojwt_wasm_free")
void oojwt_wasm_free(void *p, size_t n);
OOJWT_WASM_EXPORT("oojwt_wasm_release")
void oojwt_wasm_release(void *p);
OOJWT_WASM_EXPORT("oojwt_wasm_decode")
char *oojwt_wasm_decode(const char *token, size_t len, size_t *out_len);
OOJWT_WASM_EXPORT("oojwt_wasm_duration")
double oojwt_wasm_duration(const char *s, size_t len);
OOJWT_WASM_EXPORT("oojwt_wasm_report_bound")
size_t oojwt_wasm_report_bound(int kind, size_t len);

void *
oojwt_wasm_alloc(size_t n)
{
	return malloc(n != 0 ? n : 1);
}

void
oojwt_wasm_free(void *p, size_t n)
{
	oojwt_wipe_free(p, n);
}

/* Free without wiping: for buffers that hold no secret (tokens, JSON
 * texts, reports). */
void
oojwt_wasm_release(void *p)
{
	free(p);
}

char *
oojwt_wasm_decode(const char *token, size_t len, size_t *out_len)
{
	oojwt_result r;
	char *rep;

	oojwt_decode(&r, token, len);
	rep = oojwt_report_json(&r, out_len);
	oojwt_result_free(&r);
	return rep;
}

/* The seconds of a lifetime ("7d"), or -1 when it is not one. */
double
oojwt_wasm_duration(const char *s, size_t len)
{
	double v = -1;

	return oojwt_duration_parse(s, len, &v) ? v : -1;
}

/* The most bytes report `kind` can have for `len` input bytes (core.h). */
size_t
oojwt_wasm_report_bound(int kind, size_t len)
{
	return oojwt_report_bound(kind, len);
}
