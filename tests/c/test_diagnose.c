/*
 * The diagnosis (src/diagnose/): the vectors of tests/vectors/diagnose.json
 * (one row per kind of text it recognises, one per journey) through the
 * JSON report kit.diagnose and `oojwt diagnose --json` return; the C
 * contract (limits, arguments, the verdict first); hostile input: every
 * recogniser on random bytes, on truncations of each vector's texts, and
 * on large texts, which must be read in linear time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "testlib.h"
#include "diagnose/diagnose.h"

static double vec_now;

/* The report for the row's items and secrets, parsed; NULL on failure. */
static cJSON *
run_row(const cJSON *v)
{
	oojwt_diag_item items[OOJWT_DIAG_MAX_ITEMS];
	oojwt_diag_secret secrets[OOJWT_DIAG_MAX_SECRETS];
	oojwt_diag_opts o;
	const cJSON *it, *s;
	size_t ni = 0, ns = 0, len = 0;
	char *rep;
	cJSON *doc;

	memset(&o, 0, sizeof o);
	for (it = jget(v, "items")->child; it != NULL && ni < OOJWT_DIAG_MAX_ITEMS; it = it->next) {
		items[ni].text = it->valuestring;
		items[ni].len = strlen(it->valuestring);
		items[ni].name = NULL;
		items[ni].name_len = 0;
		ni++;
	}
	s = jget(v, "secrets");
	for (it = s != NULL ? s->child : NULL; it != NULL && ns < OOJWT_DIAG_MAX_SECRETS; it = it->next) {
		secrets[ns].value = (const unsigned char *)it->valuestring;
		secrets[ns].len = strlen(it->valuestring);
		secrets[ns].name = NULL;
		secrets[ns].name_len = 0;
		ns++;
	}
	o.now = vec_now;
	o.secrets = secrets;
	o.n_secrets = ns;
	rep = oojwt_diagnose_json(items, ni, &o, &len);
	if (rep == NULL) {
		return NULL;
	}
	doc = cJSON_ParseWithLength(rep, len);
	free(rep);
	return doc;
}

static int
has_code(const cJSON *findings, const char *code)
{
	const cJSON *f;

	for (f = findings != NULL ? findings->child : NULL; f != NULL; f = f->next) {
		if (strcmp(jstr(f, "code"), code) == 0) {
			return 1;
		}
	}
	return 0;
}

static void
one_vector(const cJSON *v)
{
	test t;
	const cJSON *want = jget(v, "expect"), *w, *items, *verdict, *g;
	cJSON *doc;
	size_t i;

	test_begin(&t, "diagnose %d: %s", jint(v, "id"), jstr(v, "name"));
	doc = run_row(v);
	if (!expect(&t, doc != NULL && jget(doc, "error") == NULL, "no report")) {
		cJSON_Delete(doc);
		test_end(&t);
		return;
	}
	items = jget(doc, "items");
	verdict = jget(doc, "verdict");
	for (w = jget(want, "kinds")->child, i = 0; w != NULL; w = w->next, i++) {
		const cJSON *item = cJSON_GetArrayItem(items, (int)i);
		expect(&t, item != NULL && strcmp(jstr(item, "kind"), w->valuestring) == 0,
			"item %lu: kind %s, want %s", (unsigned long)i,
			item != NULL ? jstr(item, "kind") : "(none)", w->valuestring);
		expect(&t, item != NULL && jstr(item, "why")[0] != 0, "item %lu: no why",
			(unsigned long)i);
	}
	expect(&t, verdict != NULL && cJSON_IsObject(verdict), "no verdict");
	if (jget(want, "verdict") != NULL) {
		expect(&t, strcmp(jstr(verdict, "code"), jstr(want, "verdict")) == 0,
			"verdict %s, want %s (%s)", jstr(verdict, "code"), jstr(want, "verdict"),
			jstr(verdict, "headline"));
	}
	if (jget(want, "severity") != NULL) {
		expect(&t, strcmp(jstr(verdict, "severity"), jstr(want, "severity")) == 0,
			"severity %s, want %s", jstr(verdict, "severity"), jstr(want, "severity"));
	}
	if (jget(want, "headline") != NULL) {
		expect(&t, strstr(jstr(verdict, "headline"), jstr(want, "headline")) != NULL,
			"headline \"%s\" lacks \"%s\"", jstr(verdict, "headline"),
			jstr(want, "headline"));
	}
	for (g = jget(want, "params") != NULL ? jget(want, "params")->child : NULL;
		g != NULL; g = g->next)
	{
		const cJSON *got = jget(jget(verdict, "params"), g->string);
		expect(&t, got != NULL && cJSON_Compare(got, g, 1), "params.%s differs",
			g->string);
	}
	if (jget(want, "items") != NULL) {
		expect(&t, cJSON_Compare(jget(verdict, "items"), jget(want, "items"), 1),
			"verdict items differ");
	}
	for (g = jget(want, "codes") != NULL ? jget(want, "codes")->child : NULL;
		g != NULL; g = g->next)
	{
		expect(&t, has_code(jget(doc, "findings"), g->valuestring),
			"no finding %s", g->valuestring);
	}
	if (jget(want, "detail") != NULL) {
		int found = 0;
		const cJSON *item;
		for (item = items->child; item != NULL; item = item->next) {
			found |= strcmp(jstr(item, "detail"), jstr(want, "detail")) == 0;
		}
		expect(&t, found, "no item with detail %s", jstr(want, "detail"));
	}
	/* The verdict is the first finding, and every finding has a fix or
	 * is an info; the diagnosis's own findings have params objects. */
	{
		const cJSON *f0 = cJSON_GetArrayItem(jget(doc, "findings"), 0), *f;
		expect(&t, f0 != NULL && strcmp(jstr(f0, "code"), jstr(verdict, "code")) == 0,
			"the verdict is not the first finding");
		for (f = jget(doc, "findings")->child; f != NULL; f = f->next) {
			expect(&t, cJSON_IsObject(jget(f, "params")), "%s: params not an object",
				jstr(f, "code"));
			expect(&t, jstr(f, "message")[0] != 0, "%s: no message", jstr(f, "code"));
		}
	}
	cJSON_Delete(doc);
	test_end(&t);
}

static void
contract(void)
{
	test t;
	oojwt_diag_item items[OOJWT_DIAG_MAX_ITEMS + 1];
	oojwt_diag_secret sec[OOJWT_DIAG_MAX_SECRETS + 1];
	oojwt_diag_opts o;
	oojwt_diag_report *r = (oojwt_diag_report *)xmalloc(sizeof *r);
	size_t i;

	test_begin(&t, "diagnose: limits and arguments");
	memset(&o, 0, sizeof o);
	for (i = 0; i <= OOJWT_DIAG_MAX_ITEMS; i++) {
		items[i].text = "x";
		items[i].len = 1;
		items[i].name = NULL;
		items[i].name_len = 0;
	}
	for (i = 0; i <= OOJWT_DIAG_MAX_SECRETS; i++) {
		sec[i].value = (const unsigned char *)"s";
		sec[i].len = 1;
		sec[i].name = NULL;
		sec[i].name_len = 0;
	}
	expect(&t, oojwt_diagnose(r, items, OOJWT_DIAG_MAX_ITEMS + 1, &o)
		== OOJWT_ERR_TOO_LARGE, "17 items accepted");
	expect(&t, oojwt_diagnose(r, items, OOJWT_DIAG_MAX_ITEMS, &o) == OOJWT_OK,
		"16 items refused");
	o.secrets = sec;
	o.n_secrets = OOJWT_DIAG_MAX_SECRETS + 1;
	expect(&t, oojwt_diagnose(r, items, 1, &o) == OOJWT_ERR_TOO_LARGE,
		"17 secrets accepted");
	o.n_secrets = 0;
	expect(&t, oojwt_diagnose(NULL, items, 1, &o) == OOJWT_ERR_BAD_ARGUMENT,
		"NULL report accepted");
	expect(&t, oojwt_diagnose(r, NULL, 1, &o) == OOJWT_ERR_BAD_ARGUMENT,
		"NULL items accepted");
	expect(&t, oojwt_diagnose(r, items, 0, &o) == OOJWT_OK && r->n_findings == 1
		&& r->findings[0].code == OOJWT_FIND_DIAG_NO_TOKEN, "no items: not no_token");
	{
		size_t len;
		char *rep = oojwt_diagnose_json(items, OOJWT_DIAG_MAX_ITEMS + 1, &o, &len);
		expect(&t, rep != NULL && strstr(rep, "\"code\":\"too_large\"") != NULL,
			"too many items: not a too_large report");
		free(rep);
	}
	/* Every kind has a name and a label, and no two share a name. */
	for (i = 0; i < OOJWT_DIAG_KINDS; i++) {
		size_t k;
		expect(&t, oojwt_diag_kind_name((int)i) != NULL
			&& oojwt_diag_kind_label((int)i) != NULL, "kind %lu unnamed",
			(unsigned long)i);
		for (k = 0; k < i; k++) {
			expect(&t, strcmp(oojwt_diag_kind_name((int)i),
				oojwt_diag_kind_name((int)k)) != 0, "kinds %lu, %lu share a name",
				(unsigned long)i, (unsigned long)k);
		}
	}
	expect(&t, oojwt_diag_kind_name(OOJWT_DIAG_KINDS) == NULL
		&& oojwt_diag_kind_name(-1) == NULL, "kind out of range named");
	free(r);
	test_end(&t);
}

/* Each vector's texts cut at every 7th byte, and random bytes: no crash,
 * a report every time (the sanitizer build checks the reads). */
static void
hostile_row(const cJSON *v)
{
	const cJSON *it;
	oojwt_diag_report *r = (oojwt_diag_report *)xmalloc(sizeof *r);
	oojwt_diag_opts o;
	test t;

	memset(&o, 0, sizeof o);
	test_begin(&t, "diagnose, hostile: prefixes of vector %d's texts", jint(v, "id"));
	for (it = jget(v, "items")->child; it != NULL; it = it->next) {
		size_t n = strlen(it->valuestring), cut;
		for (cut = 0; cut <= n; cut += 7) {
			oojwt_diag_item item;
			char *copy = exact_copy(it->valuestring, cut);
			item.text = copy;
			item.len = cut;
			item.name = NULL;
			item.name_len = 0;
			expect(&t, oojwt_diagnose(r, &item, 1, &o) == OOJWT_OK,
				"cut at %lu: no report", (unsigned long)cut);
			free(copy);
		}
	}
	free(r);
	test_end(&t);
}

/* Mostly the characters the recognisers look for. */
static const char ALPHABET[] = "{}\":,.-= \n\teyJ[]@/abcJWT_SECRETDocsAPI."
	"DocEditor(listen;-----BEGIN x";

static void
hostile(void)
{
	oojwt_diag_report *r = (oojwt_diag_report *)xmalloc(sizeof *r);
	oojwt_diag_opts o;
	oojwt_diag_item item;
	unsigned long seed = 0x9e3779b9UL;
	size_t i, k, n;
	test t;

	memset(&o, 0, sizeof o);
	test_begin(&t, "diagnose, hostile: random texts (seed 0x9e3779b9)");
	for (i = 0; i < 300; i++) {
		char *buf;
		n = (size_t)(seed % 700);
		buf = (char *)xmalloc(n + 1);
		for (k = 0; k < n; k++) {
			seed = seed * 1103515245UL + 12345UL;
			buf[k] = ALPHABET[(seed >> 16) % (sizeof ALPHABET - 1)];
		}
		item.text = buf;
		item.len = n;
		item.name = NULL;
		item.name_len = 0;
		expect(&t, oojwt_diagnose(r, &item, 1, &o) == OOJWT_OK, "random text %lu",
			(unsigned long)i);
		free(buf);
	}
	test_end(&t);
	test_begin(&t, "diagnose, hostile: 4 MB texts of each shape, read in linear time");
	{
		static const char *const shapes[] = { "a", "{", "eyJ.", "-----BEGIN ",
			"JWT_SECRET=", "server {", "DocsAPI.DocEditor(x, {", "checkJwt error " };
		n = (size_t)4 << 20;
		for (k = 0; k < sizeof shapes / sizeof *shapes; k++) {
			char *buf = (char *)xmalloc(n);
			size_t m = strlen(shapes[k]);
			clock_t t0 = clock();
			double secs;
			for (i = 0; i + m <= n; i += m) {
				memcpy(buf + i, shapes[k], m);
			}
			memset(buf + i, ' ', n - i);
			item.text = buf;
			item.len = n;
			item.name = NULL;
			item.name_len = 0;
			expect(&t, oojwt_diagnose(r, &item, 1, &o) == OOJWT_OK, "%s...: no report",
				shapes[k]);
			secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
			expect(&t, secs < 20, "%s... x 4 MB took %.1f s", shapes[k], secs);
			free(buf);
		}
	}
	test_end(&t);
	free(r);
}

void
suite_diagnose(const char *ours, const char *shared)
{
	cJSON *doc = load_ours(ours, "diagnose.json");
	const cJSON *v;

	(void)shared;
	if (doc == NULL) {
		return;
	}
	vec_now = jget(doc, "now") != NULL ? jget(doc, "now")->valuedouble : 0;
	for (v = jlist(doc, "tests")->child; v != NULL; v = v->next) {
		one_vector(v);
	}
	for (v = jlist(doc, "tests")->child; v != NULL; v = v->next) {
		hostile_row(v);
	}
	cJSON_Delete(doc);
	contract();
	hostile();
}
