/*
 * Output for people, on a terminal: text taken from the input (a token's
 * claims, a local.json value, an nginx directive, a certificate name)
 * never reaches the terminal as a control sequence or a bidi override.
 * Each character oojwt_cp_hidden (src/core/hidden.c) names is written
 * \uXXXX, the form JSON gives it: C0 controls but newline and tab (ESC
 * among them), DEL, C1 controls (U+009B is a CSI), the bidirectional and
 * invisible format characters. The --json outputs are the exact reports
 * and do not pass through here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "cli.h"

void
oojwt_cli_put_safe(oojwt_sb *sb, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, from = 0;

	while (i < len) {
		unsigned long c = s[i];
		size_t n = 1;
		if (c >= 0xc2 && c <= 0xdf && i + 1 < len && (s[i + 1] & 0xc0) == 0x80) {
			c = ((c & 0x1f) << 6) | (s[i + 1] & 0x3f);
			n = 2;
		} else if (c >= 0xe0 && c <= 0xef && i + 2 < len
			&& (s[i + 1] & 0xc0) == 0x80 && (s[i + 2] & 0xc0) == 0x80)
		{
			c = ((c & 0x0f) << 12) | ((unsigned long)(s[i + 1] & 0x3f) << 6)
				| (s[i + 2] & 0x3f);
			n = 3;
		} else if (c >= 0x80) {
			i++; /* a 4-byte sequence's bytes, or not UTF-8: as they are */
			continue;
		}
		if (oojwt_cp_hidden(c)) {
			oojwt_sb_put(sb, text + from, i - from);
			oojwt_sb_uescape(sb, c);
			from = i + n;
		}
		i += n;
	}
	oojwt_sb_put(sb, text + from, len - from);
}

const char *
oojwt_cli_safe(oojwt_sb *sb, const char *s, size_t len)
{
	memset(sb, 0, sizeof *sb);
	oojwt_cli_put_safe(sb, s, len == (size_t)-1 ? strlen(s) : len);
	oojwt_sb_put(sb, "", 1);
	return sb->failed ? "" : sb->buf;
}

/* vsnprintf into a malloc'd text (*n bytes, NUL after); NULL on failure. */
static char *
format(size_t *n, const char *fmt, va_list ap)
{
	va_list again;
	char *text;
	int len;

	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, ap);
	if (len < 0 || (text = (char *)malloc((size_t)len + 1)) == NULL) {
		va_end(again);
		return NULL;
	}
	vsnprintf(text, (size_t)len + 1, fmt, again);
	va_end(again);
	*n = (size_t)len;
	return text;
}

int
oojwt_cli_printf(const char *fmt, ...)
{
	va_list ap;
	oojwt_sb sb;
	char *text;
	size_t n;
	int rc;

	va_start(ap, fmt);
	text = format(&n, fmt, ap);
	va_end(ap);
	if (text == NULL) {
		return -1;
	}
	memset(&sb, 0, sizeof sb);
	oojwt_cli_put_safe(&sb, text, n);
	oojwt_wipe_free(text, n + 1);
	rc = !sb.failed && oojwt_cli_out(sb.buf, sb.len) == 0 ? (int)sb.len : -1;
	oojwt_wipe_free(sb.buf, sb.cap);
	return rc;
}

void
oojwt_cli_eprintf(const char *fmt, ...)
{
	va_list ap;
	char *text;
	size_t n;

	va_start(ap, fmt);
	text = format(&n, fmt, ap);
	va_end(ap);
	if (text != NULL) {
		(void)oojwt_cli_host_write(OOJWT_CLI_STDERR, text, n);
		oojwt_wipe_free(text, n + 1);
	}
}

int
oojwt_cli_puts(const char *s)
{
	return oojwt_cli_out(s, strlen(s));
}

/* --quiet: 1 while the first line is being written, 2 once it ended.
 * The one state of the command line (a run is one process). */
static int quiet;

void
oojwt_cli_set_quiet(int on)
{
	quiet = on ? 1 : 0;
}

int
oojwt_cli_out(const char *buf, size_t len)
{
	const char *nl;

	if (quiet == 0) {
		return oojwt_cli_host_write(OOJWT_CLI_STDOUT, buf, len);
	}
	if (quiet == 2 || len == 0) {
		return 0;
	}
	nl = (const char *)memchr(buf, '\n', len);
	if (nl != NULL) {
		quiet = 2;
		len = (size_t)(nl - buf) + 1;
	}
	return oojwt_cli_host_write(OOJWT_CLI_STDOUT, buf, len);
}
