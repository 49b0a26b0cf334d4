/*
 * Reading what a command works on: the argument itself, a file
 * (`@PATH`) or standard input (`-`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* Inputs above this are refused before the core sees them (the core's
 * own limit, OOJWT_MAX_TOKEN_LEN, is smaller and reported as too_large). */
#define MAX_INPUT ((size_t)64 * 1024 * 1024)


int
oojwt_cli_read_file(const char *path, size_t max, char **buf, size_t *len,
	char *err, size_t cap)
{
	char errname[32];
	const char *what = path != NULL ? path : "";
	const char *std = path != NULL ? "no" : "yes";

	errname[0] = 0;
	switch (oojwt_cli_host_read(path, max, buf, len, errname, sizeof errname)) {
	case 0:
		return OOJWT_EXIT_OK;
	case 1:
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("input.too_large"), "std,what,max",
			"%s%s%z", std, what, max);
		return OOJWT_EXIT_INPUT;
	case 2:
		/* errno's sentence as glibc words it (and zh_CN's glibc), so
		 * both builds say the same. */
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("input.cannot_read"),
			"std,what,errno", "%s%s%s", std, what, errname);
		return OOJWT_EXIT_INPUT;
	default:
		snprintf(err, cap, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
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
	int code, text = 0;
	size_t start = 0, end;
	const char *path;

	if (arg == NULL) {
		if (oojwt_cli_host_isatty(0)) {
			oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("input.none"), NULL, NULL);
			return OOJWT_EXIT_USAGE;
		}
		arg = "-";
	}
	if (strcmp(arg, "-") != 0 && arg[0] != '@' && oojwt_cli_host_is_file(arg)) {
		/* `oojwt verify token.txt` means the file, as every other tool
		 * reads a path; said once, since text can look like a path. */
		oojwt_cli_weprintf(OOJWT_WORD("note.reading_file"), "file", "%s", arg);
		path = arg;
	} else if (strcmp(arg, "-") == 0 || arg[0] == '@') {
		path = arg[0] == '@' ? arg + 1 : NULL;
	} else {
		path = arg;
		text = 1;
	}
	if (!text) {
		code = oojwt_cli_read_file(path, MAX_INPUT, buf, len, err, cap);
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
			/* The buffer stays old + 1 bytes long; callers free it with
			 * the new length, so wipe the tail now. */
			oojwt_wipe(*buf + (end - start), old - (end - start));
			*len = end - start;
		}
		return OOJWT_EXIT_OK;
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
