/*
 * Token extraction from pasted text (oojwt_extract_token).
 *
 * max_len: 4096
 * seeds: extract
 *
 * Properties (src/oojwt.h): the token is inside the text; the removed
 * pieces are in text order, within bounds, named, never overlap the
 * token, and together with the token cover the whole text; extraction
 * never reads past `len` (exact-size copy); the same text gives the
 * same answer.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
by_pos(const void *a, const void *b)
{
	const oojwt_strip *x = (const oojwt_strip *)a, *y = (const oojwt_strip *)b;

	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_copy(data, size);
	oojwt_extract_result x, y;
	oojwt_strip all[OOJWT_EXTRACT_MAX_STRIPS + 1];
	size_t i, n = 0, at = 0;

	memset(&x, 0xA5, sizeof x);
	oojwt_extract_token(&x, text, size);
	FUZZ_CHECK(x.start <= size && x.len <= size - x.start, "token inside the text");
	FUZZ_CHECK(x.n_stripped <= OOJWT_EXTRACT_MAX_STRIPS, "strip count in bounds");
	for (i = 0; i < x.n_stripped; i++) {
		const oojwt_strip *s = &x.stripped[i];
		FUZZ_CHECK(oojwt_strip_name(s->kind) != NULL, "a named kind");
		FUZZ_CHECK(s->pos <= size && s->len <= size - s->pos, "piece inside the text");
		FUZZ_CHECK(s->len > 0, "no empty piece");
		FUZZ_CHECK(i == 0 || s->pos >= x.stripped[i - 1].pos + x.stripped[i - 1].len,
			"pieces in text order, not overlapping");
		FUZZ_CHECK(s->pos + s->len <= x.start || s->pos >= x.start + x.len,
			"no piece overlaps the token");
		all[n++] = *s;
	}
	if (x.len > 0) {
		all[n].kind = 0;
		all[n].pos = x.start;
		all[n].len = x.len;
		n++;
	}
	if (x.n_stripped < OOJWT_EXTRACT_MAX_STRIPS) {
		qsort(all, n, sizeof all[0], by_pos);
		for (i = 0; i < n; i++) {
			FUZZ_CHECK(all[i].pos == at, "pieces and token are contiguous");
			at += all[i].len;
		}
		FUZZ_CHECK(at == size, "pieces and token cover the text");
	}
	memset(&y, 0, sizeof y);
	oojwt_extract_token(&y, text, size);
	FUZZ_CHECK(y.start == x.start && y.len == x.len && y.n_stripped == x.n_stripped,
		"deterministic");
	free(text);
	return 0;
}
