/*
 * Debug exports of the wasm module, for the memory tests
 * (tests/wasm_memory.test.mjs, `make soak`): how many heap bytes emmalloc
 * holds for live allocations. Touches no token, key or report.
 */
#include "inner.h"
#include "core.h"

#if defined(__EMSCRIPTEN__)
#include <emscripten/emmalloc.h>
#endif

OOJWT_WASM_EXPORT("oojwt_wasm_heap_used")
size_t oojwt_wasm_heap_used(void);

/*
 * Bytes of the dynamic heap in use: what emmalloc has claimed from sbrk
 * minus what is free in it (so block headers of live allocations count).
 * It returns to the same value when every allocation made since has been
 * freed. 0 outside Emscripten.
 */
size_t
oojwt_wasm_heap_used(void)
{
#if defined(__EMSCRIPTEN__)
	return emmalloc_dynamic_heap_size() - emmalloc_free_dynamic_memory();
#else
	return 0;
#endif
}
