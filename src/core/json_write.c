/*
 * The JSON writer every report is built with (oojwt_sb, see core.h): a
 * growing buffer, JSON strings escaped as JSON.stringify escapes them,
 * numbers, the issue and finding arrays, the error object, and the one
 * way a report is finished. The wasm exports and the CLI of every layer
 * print their reports through it.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

void
oojwt_sb_put(oojwt_sb *sb, const char *s, size_t len)
{
	if (sb->failed) {
		return;
	}
	if (sb->cap - sb->len <= len) {
		/* Not realloc: the old buffer is wiped before it is freed, as
		 * reports may carry secrets (readServerConfig, readNginxConfig). */
		size_t cap = sb->cap * 2 + len + 64;
		char *p = (char *)malloc(cap);
		if (p == NULL) {
			sb->failed = 1;
			return;
		}
		if (sb->buf != NULL) {
			memcpy(p, sb->buf, sb->len);
			oojwt_wipe_free(sb->buf, sb->cap);
		}
		sb->buf = p;
		sb->cap = cap;
	}
	memcpy(sb->buf + sb->len, s, len);
	sb->len += len;
	sb->buf[sb->len] = 0;
}

void
oojwt_sb_reserve(oojwt_sb *sb, size_t n)
{
	if (sb->buf == NULL && !sb->failed) {
		sb->buf = (char *)malloc(n + 1);
		if (sb->buf == NULL) {
			sb->failed = 1;
			return;
		}
		sb->cap = n + 1;
		sb->len = 0;
		sb->buf[0] = 0;
	}
}

void
oojwt_sb_puts(oojwt_sb *sb, const char *s)
{
	oojwt_sb_put(sb, s, strlen(s));
}

void
oojwt_sb_long(oojwt_sb *sb, long v)
{
	char tmp[32];

	oojwt_fmt(tmp, sizeof tmp, "%l", v);
	oojwt_sb_puts(sb, tmp);
}

void
oojwt_sb_uescape(oojwt_sb *sb, unsigned long cp)
{
	static const char hex[] = "0123456789abcdef";
	char esc[6];

	esc[0] = '\\';
	esc[1] = 'u';
	esc[2] = hex[(cp >> 12) & 15];
	esc[3] = hex[(cp >> 8) & 15];
	esc[4] = hex[(cp >> 4) & 15];
	esc[5] = hex[cp & 15];
	oojwt_sb_put(sb, esc, sizeof esc);
}

/*
 * A JSON string literal for `len` bytes at `s`: quotes, backslashes and
 * control characters escaped; bytes that are not valid UTF-8 become
 * U+FFFD, so the report is always valid UTF-8 JSON. With `wtf8`, a lone
 * surrogate (ED A0..BF xx) becomes a \uXXXX escape instead, so that
 * JSON.parse in JS restores exactly the JavaScript string.
 */
static void
put_string(oojwt_sb *sb, const char *s, size_t len, int wtf8)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;

	oojwt_sb_put(sb, "\"", 1);
	while (i < len) {
		unsigned char c = u[i];
		size_t n;
		char esc[2];
		if (wtf8 && c == 0xED && i + 2 < len && u[i + 1] >= 0xA0
			&& u[i + 1] <= 0xBF && (u[i + 2] & 0xC0) == 0x80)
		{
			unsigned cp = 0xD000u | ((u[i + 1] & 0x3Fu) << 6)
				| (u[i + 2] & 0x3Fu);
			oojwt_sb_put(sb, s + run, i - run);
			oojwt_sb_uescape(sb, cp);
			i += 3;
			run = i;
			continue;
		}
		n = oojwt_utf8_len(u + i, len - i);
		if (n > 1 || (n == 1 && c >= 0x20 && c != '"' && c != '\\'
			&& c != 0x7f))
		{
			i += n;
			continue;
		}
		oojwt_sb_put(sb, s + run, i - run);
		if (n == 0) {
			oojwt_sb_put(sb, "\xEF\xBF\xBD", 3);
		} else if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			oojwt_sb_put(sb, esc, 2);
		} else {
			oojwt_sb_uescape(sb, c);
		}
		i++;
		run = i;
	}
	oojwt_sb_put(sb, s + run, len - run);
	oojwt_sb_put(sb, "\"", 1);
}

void
oojwt_sb_json_string(oojwt_sb *sb, const char *s, size_t len)
{
	put_string(sb, s, len, 0);
}

void
oojwt_sb_wtf8_string(oojwt_sb *sb, const char *s, size_t len)
{
	put_string(sb, s, len, 1);
}

/* ,"params":{...}: a params text as it is, {} when empty. */
void
oojwt_sb_params(oojwt_sb *sb, const char *params)
{
	oojwt_sb_puts(sb, ",\"params\":");
	oojwt_sb_puts(sb, params[0] != 0 ? params : "{}");
}

/* [{"code","message","params"[,"pos" when with_pos and pos >= 0]},...] */
void
oojwt_sb_issues(oojwt_sb *sb, const oojwt_issue *list, size_t n, int with_pos)
{
	size_t i;

	oojwt_sb_put(sb, "[", 1);
	for (i = 0; i < n; i++) {
		if (i > 0) {
			oojwt_sb_put(sb, ",", 1);
		}
		oojwt_sb_puts(sb, "{\"code\":\"");
		oojwt_sb_puts(sb, oojwt_code_name(list[i].code));
		oojwt_sb_puts(sb, "\",\"message\":");
		oojwt_sb_json_string(sb, list[i].message, strlen(list[i].message));
		oojwt_sb_params(sb, list[i].params);
		if (with_pos && list[i].pos >= 0) {
			oojwt_sb_puts(sb, ",\"pos\":");
			oojwt_sb_long(sb, list[i].pos);
		}
		oojwt_sb_put(sb, "}", 1);
	}
	oojwt_sb_put(sb, "]", 1);
}


/* {"error":{"code","message"[,"pos"]}} */
void
oojwt_sb_error(oojwt_sb *sb, int code, const char *message, long pos)
{
	oojwt_sb_puts(sb, "{\"error\":{\"code\":\"");
	oojwt_sb_puts(sb, oojwt_code_name(code));
	oojwt_sb_puts(sb, "\",\"message\":");
	oojwt_sb_json_string(sb, message, strlen(message));
	if (pos >= 0) {
		oojwt_sb_puts(sb, ",\"pos\":");
		oojwt_sb_long(sb, pos);
	}
	oojwt_sb_puts(sb, "}}");
}

/* {"token":"..."} when code is OOJWT_OK, else the error object. */
void
oojwt_sb_sign_result(oojwt_sb *sb, int code, const char *tok, size_t n,
	const char *message, long pos)
{
	if (code == OOJWT_OK) {
		oojwt_sb_puts(sb, "{\"token\":\"");
		oojwt_sb_put(sb, tok, n);
		oojwt_sb_puts(sb, "\"}");
	} else {
		oojwt_sb_error(sb, code, message, pos);
	}
}

/* Hand the buffer over, or NULL when memory ran out. */
char *
oojwt_sb_finish(oojwt_sb *sb, size_t *out_len)
{
	if (sb->failed) {
		free(sb->buf);
		return NULL;
	}
	*out_len = sb->len;
	return sb->buf;
}

/* "name":"value" or "name":null for a NUL-terminated string. */
void
oojwt_sb_member(oojwt_sb *sb, const char *name, const char *value, int comma)
{
	if (comma) {
		oojwt_sb_puts(sb, ",");
	}
	oojwt_sb_puts(sb, "\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, "\":");
	if (value != NULL) {
		oojwt_sb_json_string(sb, value, strlen(value));
	} else {
		oojwt_sb_puts(sb, "null");
	}
}

/* The findings as a JSON array of {severity,code,path,message,fix,params}. */
void
oojwt_sb_findings(oojwt_sb *sb, const oojwt_finding *list, size_t n)
{
	size_t i;

	oojwt_sb_puts(sb, "[");
	for (i = 0; i < n; i++) {
		const oojwt_finding *f = &list[i];
		oojwt_sb_puts(sb, i == 0 ? "{" : ",{");
		oojwt_sb_member(sb, "severity", oojwt_severity_name(f->severity), 0);
		oojwt_sb_member(sb, "code", oojwt_code_name(f->code), 1);
		oojwt_sb_member(sb, "path", f->path, 1);
		oojwt_sb_member(sb, "message", f->message, 1);
		oojwt_sb_member(sb, "fix", f->fix, 1);
		oojwt_sb_params(sb, f->params);
		oojwt_sb_puts(sb, "}");
	}
	oojwt_sb_puts(sb, "]");
}
