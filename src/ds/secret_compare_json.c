/*
 * The JSON report of oojwt_secret_compare() (secret_compare.c), shared
 * by the wasm export (wasm_ds.c) and the native CLI (src/cli/secret.c):
 *
 *   { "a": side, "b": side, "equal", "equalCleaned",
 *     "firstDifference": null | { "byte", "index", "a", "b", "confusable" },
 *     "verifies": null | "a" | "b" | "both" | "neither" }
 *   side: { "bytes", "chars", "utf8", "marks": [{ "byte", "index",
 *     "codepoint", "kind", "looksLike" }], "moreMarks" }
 *
 * A code point is written "U+00A0"; a byte that is not UTF-8 "0xC3";
 * the end of a secret null. No byte of either secret is written.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

static void
codepoint(oojwt_sb *sb, long c, int byte)
{
	static const char hex[] = "0123456789ABCDEF";
	char u[12];
	size_t n = 0;
	int digits = byte ? 2 : c > 0xFFFF ? (c > 0xFFFFF ? 6 : 5) : 4;

	if (c < 0) {
		oojwt_sb_puts(sb, "null");
		return;
	}
	u[n++] = '"';
	u[n++] = byte ? '0' : 'U';
	u[n++] = byte ? 'x' : '+';
	while (digits-- > 0) {
		u[n++] = hex[(c >> (4 * digits)) & 15];
	}
	u[n++] = '"';
	oojwt_sb_put(sb, u, n);
}

static void
side(oojwt_sb *sb, const char *name, const oojwt_secret_side *d)
{
	size_t i;

	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, "\":{\"bytes\":");
	oojwt_sb_long(sb, (long)d->bytes);
	oojwt_sb_puts(sb, ",\"chars\":");
	oojwt_sb_long(sb, (long)d->chars);
	oojwt_sb_puts(sb, d->utf8 ? ",\"utf8\":true,\"marks\":["
		: ",\"utf8\":false,\"marks\":[");
	for (i = 0; i < d->n_marks; i++) {
		const oojwt_secret_mark *m = &d->marks[i];
		const char *kind = oojwt_secret_mark_kind_name(m->kind);
		oojwt_sb_puts(sb, i > 0 ? ",{\"byte\":" : "{\"byte\":");
		oojwt_sb_long(sb, (long)m->byte);
		oojwt_sb_puts(sb, ",\"index\":");
		oojwt_sb_long(sb, (long)m->index);
		oojwt_sb_puts(sb, ",\"codepoint\":");
		codepoint(sb, (long)m->cp, m->kind == OOJWT_MARK_INVALID_UTF8);
		oojwt_sb_member(sb, "kind", kind, 1);
		oojwt_sb_puts(sb, ",\"looksLike\":");
		if (m->looks_like != 0) {
			oojwt_sb_json_string(sb, &m->looks_like, 1);
		} else {
			oojwt_sb_puts(sb, "null");
		}
		oojwt_sb_puts(sb, "}");
	}
	oojwt_sb_puts(sb, "],\"moreMarks\":");
	oojwt_sb_long(sb, (long)d->more_marks);
	oojwt_sb_puts(sb, "}");
}

char *
oojwt_secret_compare_json(const unsigned char *a, size_t a_len,
	const unsigned char *b, size_t b_len, const char *token,
	size_t token_len, size_t *out_len)
{
	static const char *const who[] = { "neither", "a", "b", "both" };
	oojwt_secret_comparison *r;
	oojwt_sb sb;
	int code;

	memset(&sb, 0, sizeof sb);
	r = (oojwt_secret_comparison *)malloc(sizeof *r);
	code = r == NULL ? OOJWT_ERR_NO_MEMORY : oojwt_secret_compare(r, a,
		a_len, b, b_len, token, token_len);
	if (code != OOJWT_OK) {
		free(r);
		oojwt_sb_error(&sb, code, code == OOJWT_ERR_NO_MEMORY
			? "out of memory" : "invalid arguments", -1);
		return oojwt_sb_finish(&sb, out_len);
	}
	side(&sb, "{\"a", &r->a);
	side(&sb, ",\"b", &r->b);
	oojwt_sb_puts(&sb, r->equal ? ",\"equal\":true" : ",\"equal\":false");
	oojwt_sb_puts(&sb, r->equal_cleaned ? ",\"equalCleaned\":true"
		: ",\"equalCleaned\":false");
	oojwt_sb_puts(&sb, ",\"firstDifference\":");
	if (r->equal) {
		oojwt_sb_puts(&sb, "null");
	} else {
		oojwt_sb_puts(&sb, "{\"byte\":");
		oojwt_sb_long(&sb, (long)r->diff_byte);
		oojwt_sb_puts(&sb, ",\"index\":");
		oojwt_sb_long(&sb, (long)r->diff_index);
		oojwt_sb_puts(&sb, ",\"a\":");
		codepoint(&sb, r->diff_a, r->diff_a_invalid);
		oojwt_sb_puts(&sb, ",\"b\":");
		codepoint(&sb, r->diff_b, r->diff_b_invalid);
		oojwt_sb_puts(&sb, r->diff_confusable ? ",\"confusable\":true}"
			: ",\"confusable\":false}");
	}
	oojwt_sb_puts(&sb, ",\"verifies\":");
	if (r->verifies < 0) {
		oojwt_sb_puts(&sb, "null");
	} else {
		oojwt_sb_json_string(&sb, who[r->verifies & 3],
			strlen(who[r->verifies & 3]));
	}
	oojwt_sb_puts(&sb, "}");
	oojwt_wipe(r, sizeof *r);
	free(r);
	return oojwt_sb_finish(&sb, out_len);
}
