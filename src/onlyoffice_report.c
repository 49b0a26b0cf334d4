/*
 * Report helpers of the ONLYOFFICE rules: the pieces of the JSON
 * reports that the wasm exports and the CLI both print.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"

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

