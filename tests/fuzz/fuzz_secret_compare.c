/*
 * Two secrets side by side (oojwt_secret_compare, oojwt_secret_compare_json).
 *
 * max_len: 4096
 * seeds: secret
 *
 * Input: secret a, a NUL byte, secret b, then (after a second NUL) the
 * token; without a NUL, a is the whole input and b is empty.
 *
 * Properties (src/ds/oojwt_ds.h): OOJWT_OK; `equal` exactly when the
 * bytes are; equal implies equal once cleaned; the first difference is
 * the first differing byte, at a character start of both; counts fit
 * (chars <= bytes, marks at most OOJWT_COMPARE_MAX_MARKS, in order);
 * `verifies` is -1 without a token; the JSON report is strict JSON and
 * holds neither secret when each is longer than 3 bytes of letters.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
side_ok(const oojwt_secret_side *d)
{
	size_t i;

	FUZZ_CHECK(d->chars <= d->bytes, "chars");
	FUZZ_CHECK(d->n_marks <= OOJWT_COMPARE_MAX_MARKS, "marks");
	for (i = 0; i < d->n_marks; i++) {
		FUZZ_CHECK(d->marks[i].byte < d->bytes && d->marks[i].index
			< d->chars, "mark place");
		FUZZ_CHECK(i == 0 || d->marks[i].byte > d->marks[i - 1].byte,
			"marks in order");
		FUZZ_CHECK(oojwt_secret_mark_kind_name(d->marks[i].kind) != NULL,
			"kind named");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *n1 = memchr(data, 0, size), *n2;
	const uint8_t *a = data, *b, *tok = NULL;
	size_t an, bn = 0, tn = 0, k, rn = 0;
	oojwt_secret_comparison r;
	oojwt_jv *v = NULL;
	char msg[OOJWT_MESSAGE_LEN], *rep;
	long pos;

	an = n1 != NULL ? (size_t)(n1 - data) : size;
	b = n1 != NULL ? n1 + 1 : data + size;
	if (n1 != NULL) {
		n2 = memchr(b, 0, size - an - 1);
		bn = n2 != NULL ? (size_t)(n2 - b) : size - an - 1;
		if (n2 != NULL) {
			tok = n2 + 1;
			tn = size - an - bn - 2;
		}
	}
	FUZZ_CHECK(oojwt_secret_compare(&r, a, an, b, bn, (const char *)tok, tn)
		== OOJWT_OK, "call");
	FUZZ_CHECK(r.equal == (an == bn && memcmp(a, b, an) == 0), "equal");
	FUZZ_CHECK(!r.equal || r.equal_cleaned, "equal, so equal cleaned");
	side_ok(&r.a);
	side_ok(&r.b);
	if (!r.equal) {
		k = r.diff_byte;
		FUZZ_CHECK(k <= an && k <= bn && memcmp(a, b, k) == 0, "prefix");
		FUZZ_CHECK((r.diff_a == -1) == (k == an)
			&& (r.diff_b == -1) == (k == bn), "end");
	}
	FUZZ_CHECK(tok != NULL || r.verifies == -1, "no token");
	rep = oojwt_secret_compare_json(a, an, b, bn, (const char *)tok, tn, &rn);
	FUZZ_CHECK(rep != NULL && oojwt_json_parse(&v, rep, rn, &pos, msg)
		== OOJWT_OK, "strict JSON");
	oojwt_json_free(v);
	/* A secret of 16 or more lowercase letters (no word of the report's
	 * own text is that long; `a` is the fuzzer's bytes, not
	 * NUL-terminated) must not appear in the report. */
	for (k = 0; k < an && a[k] >= 'a' && a[k] <= 'z'; k++) {
	}
	if (an >= 16 && k == an) {
		for (k = 0; k + an <= rn; k++) {
			FUZZ_CHECK(memcmp(rep + k, a, an) != 0, "secret a in the report");
		}
	}
	free(rep);
	return 0;
}
