/*
 * Report helpers of the ONLYOFFICE rules: the pieces of the JSON
 * reports that the wasm exports and the CLI both print.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"

/*
 * A JSON string literal for WTF-8 text: valid UTF-8 is copied, a lone
 * surrogate (ED A0..BF xx) becomes a \uXXXX escape, so that JSON.parse
 * in JS restores exactly the JavaScript string; control characters are
 * escaped; any other bad byte becomes U+FFFD.
 */
void
oojwt_sb_wtf8_string(oojwt_sb *sb, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	oojwt_sb_put(sb, "\"", 1);
	while (i < len) {
		unsigned c = u[i];
		size_t n;
		char esc[6];
		if (c == 0xED && i + 2 < len && u[i + 1] >= 0xA0 && u[i + 1] <= 0xBF
			&& (u[i + 2] & 0xC0) == 0x80)
		{
			unsigned cp = 0xD000u | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
			esc[0] = '\\';
			esc[1] = 'u';
			esc[2] = hex[(cp >> 12) & 15];
			esc[3] = hex[(cp >> 8) & 15];
			esc[4] = hex[(cp >> 4) & 15];
			esc[5] = hex[cp & 15];
			oojwt_sb_put(sb, esc, 6);
			i += 3;
			continue;
		}
		n = oojwt_utf8_len(u + i, len - i);
		if (n > 1 || (n == 1 && c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)) {
			oojwt_sb_put(sb, s + i, n);
			i += n;
			continue;
		}
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
	}
	oojwt_sb_put(sb, "\"", 1);
}

/* [{"code","message"},...] */
void
oojwt_sb_issues(oojwt_sb *sb, const oojwt_issue *list, size_t n)
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
		oojwt_sb_put(sb, "}", 1);
	}
	oojwt_sb_put(sb, "]", 1);
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

