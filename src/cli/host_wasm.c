/*
 * The process around the command line in bin/oojwt-cli.wasm: the
 * interface of cli.h's host section over the imports of the module
 * "oojwt_host", which bin/oojwt.mjs provides with node:fs, node:tty and
 * process. The imports copy file and environment bytes into memory
 * allocated here (oojwt_cli_wasm_alloc); the C code wipes them as the
 * native build does. src/cli/host_native.c is the native twin.
 */
#include <string.h>
#include "cli.h"

#define HOST(name) __attribute__((import_module("oojwt_host"), import_name(name)))

/* path NULL (path_len 0, is_stdin 1) is standard input; the returns are
 * those of oojwt_cli_host_read. */
HOST("read") int oojwt_host_read(const char *path, size_t path_len,
	int is_stdin, size_t max, char **buf, size_t *len, char *errname,
	size_t errcap);
HOST("is_file") int oojwt_host_is_file(const char *path, size_t path_len);
/* 1 when set; with `value` not NULL, *value and *len as
 * oojwt_cli_host_getenv returns them. */
HOST("getenv") int oojwt_host_getenv(const char *name, size_t name_len,
	char **value, size_t *len);
HOST("write") int oojwt_host_write(int fd, const char *buf, size_t len);
HOST("flush") int oojwt_host_flush(void);
HOST("isatty") int oojwt_host_isatty(int fd);
HOST("now") double oojwt_host_now(void);

int
oojwt_cli_host_read(const char *path, size_t max, char **buf, size_t *len,
	char *errname, size_t errcap)
{
	*buf = NULL;
	*len = 0;
	if (errcap > 0) {
		errname[0] = 0;
	}
	return oojwt_host_read(path, path != NULL ? strlen(path) : 0,
		path == NULL, max, buf, len, errname, errcap);
}

int
oojwt_cli_host_is_file(const char *path)
{
	return oojwt_host_is_file(path, strlen(path));
}

int
oojwt_cli_host_getenv(const char *name, char **value, size_t *len)
{
	if (value != NULL) {
		*value = NULL;
		*len = 0;
	}
	return oojwt_host_getenv(name, strlen(name), value, len);
}

int
oojwt_cli_host_write(int fd, const char *buf, size_t len)
{
	return oojwt_host_write(fd, buf, len);
}

int
oojwt_cli_host_flush(void)
{
	return oojwt_host_flush();
}

int
oojwt_cli_host_isatty(int fd)
{
	return oojwt_host_isatty(fd);
}

double
oojwt_cli_host_now(void)
{
	return oojwt_host_now();
}

/* A wasm instance has no core to dump. */
void
oojwt_cli_no_core_dumps(void)
{
}
