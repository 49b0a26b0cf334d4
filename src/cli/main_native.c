/*
 * main() of build/oojwt: the command line of src/cli/main.c over the
 * process of src/cli/host_native.c (kept apart so the fuzz harnesses can
 * link the host without a main()).
 */
#include "cli.h"

int
main(int argc, char **argv)
{
	return oojwt_cli_main(argc, argv);
}
