/*
 * The wasm build's strtod(), which cJSON calls for every number: ours
 * (src/core/strtod.c), correctly rounded like musl's, which it replaces in
 * the link. musl's computes in 128-bit long double, which wasm emulates
 * in software: with its helpers it was about 14 KB of the module.
 * Natively the C library's strtod() stays (this file is empty there).
 */
#include <stdlib.h>
#include "inner.h"
#include "core.h"

#ifdef __EMSCRIPTEN__
double
strtod(const char *restrict s, char **restrict end)
{
	return oojwt_strtod_c(s, end);
}
#else
typedef int oojwt_native_keeps_libc_strtod;
#endif
