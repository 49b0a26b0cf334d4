/*
 * oojwt_secret_compare() and its report (src/ds/secret_compare.c,
 * secret_compare_json.c): tests/vectors/secret_compare.json, whose
 * expectations are the whole report, compared member by member; then the
 * struct of a hostile pair directly (no secret byte in it, NULL inputs).
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"
#include "cJSON.h"
#include "ds/ds.h"

/* A side of a vector: "a" as UTF-8 text, or "aHex". */
static unsigned char *
side_bytes(const cJSON *v, const char *name, size_t *len)
{
	char hex[8];
	const cJSON *s = jget(v, name);

	if (cJSON_IsString(s)) {
		*len = strlen(s->valuestring);
		return (unsigned char *)exact_copy(s->valuestring, *len);
	}
	memcpy(hex, name, 1);
	memcpy(hex + 1, "Hex", 4);
	return from_hex(jstr(v, hex), len);
}

static int
holds(const void *p, size_t n, const char *s, size_t m)
{
	size_t i;

	for (i = 0; i + m <= n; i++) {
		if (memcmp((const char *)p + i, s, m) == 0) {
			return 1;
		}
	}
	return 0;
}

static void
compare_vector(const cJSON *v)
{
	size_t an = 0, bn = 0, tn = 0, rn = 0;
	unsigned char *a = side_bytes(v, "a", &an), *b = side_bytes(v, "b", &bn);
	const cJSON *tok = jget(v, "token");
	char *t = cJSON_IsString(tok) ? exact_copy(tok->valuestring,
		strlen(tok->valuestring)) : NULL;
	char *rep;
	cJSON *got;
	test tt;

	tn = t != NULL ? strlen(tok->valuestring) : 0;
	test_begin(&tt, "compare secrets #%d: %s", jint(v, "id"),
		jstr(v, "comment"));
	rep = oojwt_secret_compare_json(a, an, b, bn, t, tn, &rn);
	got = rep != NULL ? cJSON_ParseWithLength(rep, rn) : NULL;
	if (expect(&tt, got != NULL, "report is JSON")) {
		expect(&tt, cJSON_Compare(got, jget(v, "expect"), 1),
			"report %s", rep);
		/* No byte of either secret in the report (beyond one ASCII
		 * character, which any report has). */
		if (an > 2) {
			expect(&tt, !holds(rep, rn, (const char *)a, an),
				"secret a in the report");
		}
	}
	cJSON_Delete(got);
	free(rep);
	free(a);
	free(b);
	free(t);
	test_end(&tt);
}

static void
compare_direct(void)
{
	oojwt_secret_comparison r;
	static const unsigned char a[] = "s3cr3t\xd0\xb0";
	test t;

	test_begin(&t, "compare secrets: NULL with a length is refused");
	expect(&t, oojwt_secret_compare(&r, NULL, 1, a, 1, NULL, 0)
		== OOJWT_ERR_BAD_ARGUMENT, "a");
	expect(&t, oojwt_secret_compare(&r, a, 1, NULL, 1, NULL, 0)
		== OOJWT_ERR_BAD_ARGUMENT, "b");
	expect(&t, oojwt_secret_compare(&r, a, 1, a, 1, NULL, 3)
		== OOJWT_ERR_BAD_ARGUMENT, "token");
	expect(&t, oojwt_secret_compare(NULL, a, 1, a, 1, NULL, 0)
		== OOJWT_ERR_BAD_ARGUMENT, "result");
	test_end(&t);

	test_begin(&t, "compare secrets: the result holds places, not bytes");
	expect(&t, oojwt_secret_compare(&r, a, sizeof a - 1, a, 6, NULL, 0)
		== OOJWT_OK, "call");
	expect(&t, !holds(&r, sizeof r, "s3cr3t", 6), "secret text in the "
		"result");
	expect(&t, r.a.n_marks == 1 && r.a.marks[0].cp == 0x430
		&& r.a.marks[0].looks_like == 'a' && r.a.marks[0].byte == 6
		&& r.a.marks[0].index == 6, "mark");
	expect(&t, r.verifies == -1 && !r.equal && r.diff_b == -1
		&& r.diff_a == 0x430, "verdict");
	test_end(&t);

	test_begin(&t, "compare secrets: mark kind names");
	expect(&t, oojwt_secret_mark_kind_name(0) == NULL
		&& oojwt_secret_mark_kind_name(16) == NULL
		&& strcmp(oojwt_secret_mark_kind_name(OOJWT_MARK_HOMOGLYPH),
		"homoglyph") == 0 && strcmp(oojwt_secret_mark_kind_name(
		OOJWT_MARK_REPLACEMENT), "replacement") == 0, "names");
	test_end(&t);
}

void
suite_secret_compare(const char *ours, const char *shared)
{
	(void)shared;
	for_each_test(ours, "secret_compare.json", compare_vector);
	compare_direct();
}
