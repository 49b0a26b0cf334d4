/*
 * The two small parsers the JS library and both CLIs share, driven by
 * tests/vectors/lifetimes.json: lifetimes ("7d": oojwt_duration_parse,
 * kit.sign's expiresIn, `--expires-in`) and Document Server versions
 * ("8.1": oojwt_ds_version_parse, serverVersion, `--server-version`).
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

static void
one_duration(const cJSON *v)
{
	const char *text = jstr(v, "text");
	const cJSON *want = jget(v, "seconds");
	char *copy;
	double got = -12345;
	size_t n;
	int ok;
	test t;

	test_begin(&t, "lifetime \"%s\"", text != NULL ? text : "?");
	if (!expect(&t, text != NULL && want != NULL, "vector lacks text or seconds")) {
		test_end(&t);
		return;
	}
	n = strlen(text);
	copy = exact_copy(text, n);
	ok = oojwt_duration_parse(copy, n, &got);
	if (cJSON_IsNull(want)) {
		expect(&t, ok == 0, "accepted as %.0f s, want refused", got);
		expect(&t, got == -12345, "wrote *seconds though it refused");
	} else {
		expect(&t, ok == 1, "refused, want %.0f s", want->valuedouble);
		expect(&t, got == want->valuedouble, "%.0f s, want %.0f s", got,
			want->valuedouble);
	}
	free(copy);
	test_end(&t);
}

static void
one_version(const cJSON *v)
{
	const char *text = jstr(v, "text");
	const cJSON *want = jget(v, "value");
	char *copy;
	size_t n;
	int got;
	test t;

	test_begin(&t, "server version \"%s\"", text != NULL ? text : "?");
	if (!expect(&t, text != NULL && want != NULL, "vector lacks text or value")) {
		test_end(&t);
		return;
	}
	n = strlen(text);
	copy = exact_copy(text, n);
	got = oojwt_ds_version_parse(copy, n);
	expect(&t, got == (cJSON_IsNull(want) ? 0 : (int)want->valuedouble),
		"%d, want %d", got, cJSON_IsNull(want) ? 0 : (int)want->valuedouble);
	free(copy);
	test_end(&t);
}

void
suite_lifetimes(const char *ours, const char *shared)
{
	cJSON *doc = load_ours(ours, "lifetimes.json");
	const cJSON *v;
	const cJSON *list;

	(void)shared;
	if (doc == NULL) {
		return;
	}
	list = jlist(doc, "durations");
	cJSON_ArrayForEach(v, list) {
		one_duration(v);
	}
	list = jlist(doc, "versions");
	cJSON_ArrayForEach(v, list) {
		one_version(v);
	}
	cJSON_Delete(doc);
}
