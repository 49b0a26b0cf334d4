/*
 * The exports of bin/oojwt-cli.wasm, the command line of src/cli/ for the
 * Node command bin/oojwt.mjs: memory for the arguments and for what the
 * host imports (src/cli/host_wasm.c) hand in, and the run itself.
 */
#include <stdlib.h>
#include "cli.h"

void *oojwt_cli_wasm_alloc(size_t n);
void oojwt_cli_wasm_free(void *p, size_t n);
int oojwt_cli_wasm_run(int argc, char **argv);

OOJWT_WASM_EXPORT("oojwt_cli_wasm_alloc")
void *
oojwt_cli_wasm_alloc(size_t n)
{
	return malloc(n != 0 ? n : 1);
}

/* Wipe `n` bytes at `p`, then free it. */
OOJWT_WASM_EXPORT("oojwt_cli_wasm_free")
void
oojwt_cli_wasm_free(void *p, size_t n)
{
	oojwt_wipe_free(p, n);
}

/* oojwt_cli_main: argv[0..argc) are NUL-terminated strings in memory. */
OOJWT_WASM_EXPORT("oojwt_cli_wasm_run")
int
oojwt_cli_wasm_run(int argc, char **argv)
{
	return oojwt_cli_main(argc, argv);
}
