/*
 * The WebAssembly export of token extraction (oojwt_extract_token() in
 * extract.c): one call, one malloc'd JSON report, released by JS with
 * oojwt_wasm_release() like every other report.
 *
 *   {"token":"eyJ...","start":14,
 *    "stripped":[{"kind":"header","pos":0,"text":"Authorization:"}, ...]}
 *
 * Offsets are bytes into the UTF-8 text; the JS module turns them into
 * string indices.
 */
#include <stdlib.h>
#include "inner.h"
#include "core.h"

OOJWT_WASM_EXPORT("oojwt_wasm_extract")
char *oojwt_wasm_extract(const char *text, size_t len, size_t *out_len);

char *
oojwt_wasm_extract(const char *text, size_t len, size_t *out_len)
{
	oojwt_extract_result x;
	oojwt_sb sb = { NULL, 0, 0, 0 };
	size_t i;

	oojwt_extract_token(&x, text, len);
	oojwt_sb_puts(&sb, "{\"token\":");
	oojwt_sb_json_string(&sb, text + x.start, x.len);
	oojwt_sb_puts(&sb, ",\"start\":");
	oojwt_sb_long(&sb, (long)x.start);
	oojwt_sb_puts(&sb, ",\"stripped\":[");
	for (i = 0; i < x.n_stripped; i++) {
		const oojwt_strip *s = &x.stripped[i];
		oojwt_sb_puts(&sb, i == 0 ? "{\"kind\":\"" : ",{\"kind\":\"");
		oojwt_sb_puts(&sb, oojwt_strip_name(s->kind));
		oojwt_sb_puts(&sb, "\",\"pos\":");
		oojwt_sb_long(&sb, (long)s->pos);
		oojwt_sb_puts(&sb, ",\"text\":");
		oojwt_sb_json_string(&sb, text + s->pos, s->len);
		oojwt_sb_puts(&sb, "}");
	}
	oojwt_sb_puts(&sb, "]}");
	if (sb.failed) {
		free(sb.buf);
		return NULL;
	}
	*out_len = sb.len;
	return sb.buf;
}
