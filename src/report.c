/*
 * A result as one JSON object: what the wasm module hands to JS and what
 * the CLI prints. The decoded header and payload are embedded as they
 * are when they passed the strict JSON layer (so JSON.parse in JS sees
 * exactly the values C checked), and as strings otherwise.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"

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
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;

	oojwt_sb_put(sb, "\"", 1);
	while (i < len) {
		unsigned char c = u[i];
		size_t n;
		char esc[6];
		if (wtf8 && c == 0xED && i + 2 < len && u[i + 1] >= 0xA0
			&& u[i + 1] <= 0xBF && (u[i + 2] & 0xC0) == 0x80)
		{
			unsigned cp = 0xD000u | ((u[i + 1] & 0x3Fu) << 6)
				| (u[i + 2] & 0x3Fu);
			oojwt_sb_put(sb, s + run, i - run);
			esc[0] = '\\';
			esc[1] = 'u';
			esc[2] = hex[(cp >> 12) & 15];
			esc[3] = hex[(cp >> 8) & 15];
			esc[4] = hex[(cp >> 4) & 15];
			esc[5] = hex[cp & 15];
			oojwt_sb_put(sb, esc, 6);
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
			esc[0] = '\\';
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			oojwt_sb_put(sb, esc, 6);
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

/* [{"code","message"[,"pos" when with_pos and pos >= 0]},...] */
static void
put_issues(oojwt_sb *sb, const oojwt_issue *list, size_t n, int with_pos)
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
		if (with_pos && list[i].pos >= 0) {
			oojwt_sb_puts(sb, ",\"pos\":");
			oojwt_sb_long(sb, list[i].pos);
		}
		oojwt_sb_put(sb, "}", 1);
	}
	oojwt_sb_put(sb, "]", 1);
}

void
oojwt_sb_issues(oojwt_sb *sb, const oojwt_issue *list, size_t n)
{
	put_issues(sb, list, n, 0);
}

/* "name":<raw JSON> when ok, "name":null,"nameText":"..." otherwise. */
static void
put_part(oojwt_sb *sb, const char *name, const char *text, size_t len, int ok)
{
	oojwt_sb_puts(sb, ",\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, "\":");
	if (ok) {
		oojwt_sb_put(sb, text, len);
		return;
	}
	oojwt_sb_puts(sb, "null");
	if (text != NULL) {
		oojwt_sb_puts(sb, ",\"");
		oojwt_sb_puts(sb, name);
		oojwt_sb_puts(sb, "Text\":");
		oojwt_sb_json_string(sb, text, len);
	}
}

char *
oojwt_report_json(const oojwt_result *r, size_t *len)
{
	oojwt_sb sb;
	const char *alg = oojwt_alg_name(r->alg);

	memset(&sb, 0, sizeof sb);
	/* One allocation in the common case: the parts embedded as they are
	 * and the issues (escaped text that is not JSON may still grow it). */
	oojwt_sb_reserve(&sb, r->header_len + r->payload_len + 256
		+ (r->n_errors + r->n_warnings) * (OOJWT_MESSAGE_LEN + 64));
	oojwt_sb_puts(&sb, r->valid ? "{\"valid\":true,\"alg\":"
		: "{\"valid\":false,\"alg\":");
	if (alg != NULL) {
		oojwt_sb_json_string(&sb, alg, strlen(alg));
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, ",\"errors\":");
	put_issues(&sb, r->errors, r->n_errors, 1);
	oojwt_sb_puts(&sb, ",\"warnings\":");
	put_issues(&sb, r->warnings, r->n_warnings, 1);
	oojwt_sb_puts(&sb, ",\"dropped\":");
	oojwt_sb_long(&sb, (long)r->dropped);
	put_part(&sb, "header", r->header, r->header_len, r->header_ok);
	put_part(&sb, "payload", r->payload, r->payload_len, r->payload_ok);
	if (r->sig != NULL) {
		oojwt_sb_puts(&sb, ",\"signatureLength\":");
		oojwt_sb_long(&sb, (long)r->sig_len);
	}
	if (r->dot2 != 0) {
		oojwt_sb_puts(&sb, ",\"dots\":[");
		oojwt_sb_long(&sb, (long)r->dot1);
		oojwt_sb_put(&sb, ",", 1);
		oojwt_sb_long(&sb, (long)r->dot2);
		oojwt_sb_put(&sb, "]", 1);
	}
	oojwt_sb_put(&sb, "}", 1);
	if (sb.failed) {
		free(sb.buf);
		return NULL;
	}
	*len = sb.len;
	return sb.buf;
}
