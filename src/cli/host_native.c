#define _POSIX_C_SOURCE 200809L
/*
 * The process around the native command line, build/oojwt: files and
 * standard input (stdio), the environment, standard output and error,
 * the clock, the terminal, core dumps. src/cli/host_wasm.c is the same
 * interface for the wasm module; nothing else in src/cli/ touches the
 * process.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include "cli.h"

/* The errno names src/cli/input.c turns into sentences. */
static const char *
errno_name(int e)
{
	switch (e) {
	case ENOENT: return "ENOENT";
	case EACCES: return "EACCES";
	case EPERM: return "EPERM";
	case EISDIR: return "EISDIR";
	case ENOTDIR: return "ENOTDIR";
	case ELOOP: return "ELOOP";
	case ENAMETOOLONG: return "ENAMETOOLONG";
	case EMFILE: return "EMFILE";
	case ENFILE: return "ENFILE";
	case ENXIO: return "ENXIO";
	default: return "EIO";
	}
}

static int
read_error(FILE *f, const char *path, int e, char *errname, size_t errcap)
{
	if (path != NULL && f != NULL) {
		fclose(f);
	}
	snprintf(errname, errcap, "%s", errno_name(e));
	return 2;
}

int
oojwt_cli_host_read(const char *path, size_t max, char **buf, size_t *len,
	char *errname, size_t errcap)
{
	FILE *f = path != NULL ? fopen(path, "rb") : stdin;
	struct stat st;
	char *p = NULL;
	size_t n = 0, size = 0;

	*buf = NULL;
	*len = 0;
	if (f == NULL) {
		return read_error(NULL, path, errno, errname, errcap);
	}
	/* fopen opens a directory; reading it fails as Node's reading does. */
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		return read_error(f, path, EISDIR, errname, errcap);
	}
	for (;;) {
		size_t got;
		if (size - n < 4097) {
			size_t grow = size < 65536 ? 65536 : size * 2;
			char *q = (char *)malloc(grow);
			if (q == NULL) {
				oojwt_wipe_free(p, size);
				if (path != NULL) {
					fclose(f);
				}
				return 3;
			}
			if (p != NULL) {
				memcpy(q, p, n);
			}
			oojwt_wipe_free(p, size);
			p = q;
			size = grow;
		}
		got = fread(p + n, 1, size - n - 1, f);
		n += got;
		if (n > max) {
			oojwt_wipe_free(p, size);
			if (path != NULL) {
				fclose(f);
			}
			return 1;
		}
		if (got == 0) {
			break;
		}
	}
	if (ferror(f)) {
		int e = errno;
		oojwt_wipe_free(p, size);
		return read_error(f, path, e, errname, errcap);
	}
	if (path != NULL) {
		fclose(f);
	}
	p[n] = 0;
	/* Keep the allocation's size recoverable as n + 1 for the wipe. */
	if (size > n + 1) {
		char *q = (char *)malloc(n + 1);
		if (q == NULL) {
			oojwt_wipe_free(p, size);
			return 3;
		}
		memcpy(q, p, n + 1);
		oojwt_wipe_free(p, size);
		p = q;
	}
	*buf = p;
	*len = n;
	return 0;
}

int
oojwt_cli_host_is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int
oojwt_cli_host_getenv(const char *name, char **value, size_t *len)
{
	const char *v = getenv(name);

	if (v == NULL) {
		return 0;
	}
	if (value != NULL) {
		*len = strlen(v);
		*value = (char *)malloc(*len + 1);
		if (*value != NULL) {
			memcpy(*value, v, *len + 1);
		}
	}
	return 1;
}

int
oojwt_cli_host_write(int fd, const char *buf, size_t len)
{
	FILE *f = fd == OOJWT_CLI_STDERR ? stderr : stdout;

	if (fd == OOJWT_CLI_STDERR) {
		(void)fflush(stdout);
	}
	return fwrite(buf, 1, len, f) == len ? 0 : -1;
}

int
oojwt_cli_host_flush(void)
{
	return fflush(stdout) == 0 ? 0 : -1;
}

int
oojwt_cli_host_isatty(int fd)
{
	return isatty(fd) == 1;
}

double
oojwt_cli_host_now(void)
{
	return (double)time(NULL);
}

/*
 * Keep what the process holds out of core files: RLIMIT_CORE to 0 and,
 * on Linux, PR_SET_DUMPABLE to 0 (no core, no ptrace by the same user,
 * /proc/PID/mem closed). oojwt_cli_main calls it before any command reads
 * a token, secret, key or configuration. Failures are ignored: a limit
 * that cannot be lowered leaves the process as it was.
 */
void
oojwt_cli_no_core_dumps(void)
{
	struct rlimit none;

	none.rlim_cur = 0;
	none.rlim_max = 0;
	(void)setrlimit(RLIMIT_CORE, &none);
#ifdef __linux__
	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}
