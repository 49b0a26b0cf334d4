#define _POSIX_C_SOURCE 200809L
/*
 * Reading what a command works on: the argument itself, a file
 * (`@PATH`) or standard input (`-`).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

/* Inputs above this are refused before the core sees them (the core's
 * own limit, OOJWT_MAX_TOKEN_LEN, is smaller and reported as too_large). */
#define MAX_INPUT ((size_t)64 * 1024 * 1024)

int
oojwt_cli_read_file(const char *path, size_t max, char **buf, size_t *len,
	char *err, size_t cap)
{
	FILE *f = path != NULL ? fopen(path, "rb") : stdin;
	char *p = NULL;
	size_t n = 0, size = 0;

	*buf = NULL;
	*len = 0;
	if (f == NULL) {
		snprintf(err, cap, "cannot read %s: %s", path, strerror(errno));
		return OOJWT_EXIT_INPUT;
	}
	for (;;) {
		size_t got;
		if (size - n < 4097) {
			size_t grow = size < 65536 ? 65536 : size * 2;
			char *q = (char *)malloc(grow);
			if (q == NULL) {
				snprintf(err, cap, "out of memory");
				oojwt_wipe_free(p, size);
				if (path != NULL) {
					fclose(f);
				}
				return OOJWT_EXIT_INTERNAL;
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
			snprintf(err, cap, "%s is larger than %lu bytes",
				path != NULL ? path : "standard input", (unsigned long)max);
			oojwt_wipe_free(p, size);
			if (path != NULL) {
				fclose(f);
			}
			return OOJWT_EXIT_INPUT;
		}
		if (got == 0) {
			break;
		}
	}
	if (ferror(f)) {
		snprintf(err, cap, "cannot read %s", path != NULL ? path : "standard input");
		oojwt_wipe_free(p, size);
		if (path != NULL) {
			fclose(f);
		}
		return OOJWT_EXIT_INPUT;
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
			snprintf(err, cap, "out of memory");
			return OOJWT_EXIT_INTERNAL;
		}
		memcpy(q, p, n + 1);
		oojwt_wipe_free(p, size);
		p = q;
	}
	*buf = p;
	*len = n;
	return OOJWT_EXIT_OK;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
oojwt_cli_read_input(const char *arg, int trim, char **buf, size_t *len,
	char *err, size_t cap)
{
	int code;
	size_t start = 0, end;

	if (arg == NULL) {
		if (isatty(0)) {
			snprintf(err, cap, "no input: give it as an argument, @FILE, "
				"or - for standard input");
			return OOJWT_EXIT_USAGE;
		}
		arg = "-";
	}
	if (strcmp(arg, "-") == 0 || arg[0] == '@') {
		code = oojwt_cli_read_file(arg[0] == '@' ? arg + 1 : NULL, MAX_INPUT,
			buf, len, err, cap);
		if (code != OOJWT_EXIT_OK || !trim) {
			return code;
		}
		end = *len;
		while (start < end && is_space((*buf)[start])) {
			start++;
		}
		while (end > start && is_space((*buf)[end - 1])) {
			end--;
		}
		if (start > 0 || end < *len) {
			size_t old = *len;
			memmove(*buf, *buf + start, end - start);
			oojwt_wipe(*buf + (end - start), old - (end - start));
			/* The buffer stays old + 1 bytes long; callers free it with
			 * the new length, so wipe the tail now (done above). */
			*len = end - start;
		}
		return OOJWT_EXIT_OK;
	}
	{
		/* `oojwt verify token.txt` means the file, most likely. */
		struct stat st;
		if (stat(arg, &st) == 0 && S_ISREG(st.st_mode)) {
			fprintf(stderr, "oojwt: note: '%s' is read as the text itself; "
				"to read the file, write @%s\n", arg, arg);
		}
	}
	*len = strlen(arg);
	*buf = (char *)malloc(*len + 1);
	if (*buf == NULL) {
		snprintf(err, cap, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	memcpy(*buf, arg, *len + 1);
	return OOJWT_EXIT_OK;
}
