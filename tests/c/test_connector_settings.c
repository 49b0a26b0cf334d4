/*
 * Connector settings (src/ds/connector_settings.c, connector_compare.c,
 * connector_json.c): the vectors of tests/vectors/connector_settings.json
 * through the report the wasm module and the CLI print, the C contract
 * (which connector, effective values, comparison verdicts), and hostile
 * text: unterminated strings and comments, deep nesting, input over the
 * limit, and large inputs that must be read in one linear pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "testlib.h"
#include "ds/ds.h"

/* Every member of `want` is in `got` with the same value (objects by
 * subset, anything else exactly). */
static int
subset(test *t, const cJSON *got, const cJSON *want, const char *where)
{
	const cJSON *w;

	if (!cJSON_IsObject(want)) {
		if (!cJSON_Compare(got, want, 1)) {
			char *g = got != NULL ? cJSON_PrintUnformatted(got) : NULL;
			char *e = cJSON_PrintUnformatted(want);
			expect(t, 0, "%s: got %s, want %s", where, g != NULL ? g
				: "(absent)", e != NULL ? e : "?");
			free(g);
			free(e);
			return 0;
		}
		return 1;
	}
	if (!expect(t, cJSON_IsObject(got), "%s: not an object", where)) {
		return 0;
	}
	for (w = want->child; w != NULL; w = w->next) {
		char sub[200];
		snprintf(sub, sizeof sub, "%s.%s", where, w->string);
		if (!subset(t, jget(got, w->string), w, sub)) {
			return 0;
		}
	}
	return 1;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The finding codes of `list`, sorted, equal `want` (an array). */
static void
codes_are(test *t, const cJSON *list, const cJSON *want, const char *what)
{
	const char *got[64];
	size_t n = 0, i = 0;
	const cJSON *f, *w;

	for (f = list != NULL ? list->child : NULL; f != NULL && n < 64; f = f->next) {
		got[n++] = jstr(f, "code");
	}
	qsort(got, n, sizeof *got, cmp_str);
	for (w = want != NULL ? want->child : NULL; w != NULL; w = w->next, i++) {
		if (!expect(t, i < n && strcmp(got[i], w->valuestring) == 0,
			"%s[%lu]: got %s, want %s", what, (unsigned long)i,
			i < n ? got[i] : "(none)", w->valuestring))
		{
			return;
		}
	}
	expect(t, i == n, "%s: %lu codes, want %lu", what, (unsigned long)n,
		(unsigned long)i);
}

static int
some_message_has(const cJSON *list, const char *s)
{
	const cJSON *f;

	for (f = list != NULL ? list->child : NULL; f != NULL; f = f->next) {
		if (strstr(jstr(f, "message"), s) != NULL) {
			return 1;
		}
	}
	return 0;
}

static void
one_vector(const cJSON *v)
{
	const char *text = jstr(v, "text");
	const cJSON *server = jget(v, "serverConfig"), *ss, *inc, *cmp;
	char *in = exact_copy(text, strlen(text)), *sv = NULL, *out;
	size_t out_len = 0;
	cJSON *r;
	test t;
	int self_signed = -1;

	test_begin(&t, "connector settings #%d: %s", jint(v, "id"),
		jstr(v, "comment"));
	ss = jget(v, "certificateSelfSigned");
	if (ss != NULL) {
		self_signed = cJSON_IsTrue(ss);
	}
	if (server != NULL) {
		sv = exact_copy(server->valuestring, strlen(server->valuestring));
	}
	out = oojwt_connector_settings_json(in, strlen(text), sv,
		sv != NULL ? strlen(server->valuestring) : 0, server != NULL, NULL, 0,
		0, self_signed, &out_len);
	r = out != NULL ? cJSON_ParseWithLength(out, out_len) : NULL;
	if (expect(&t, r != NULL, "no report, or not JSON")) {
		cmp = jget(r, "comparison");
		subset(&t, r, jget(v, "expect"), "report");
		codes_are(&t, jget(r, "findings"), jget(v, "findings"), "findings");
		if (server != NULL) {
			codes_are(&t, jget(cmp, "findings"), jget(v, "comparisonFindings"),
				"comparison findings");
		} else {
			expect(&t, cJSON_IsNull(cmp), "a comparison without a server");
		}
		for (inc = jget(v, "messageIncludes") != NULL
			? jget(v, "messageIncludes")->child : NULL; inc != NULL;
			inc = inc->next)
		{
			expect(&t, some_message_has(jget(r, "findings"), inc->valuestring)
				|| some_message_has(jget(cmp, "findings"), inc->valuestring),
				"no message says \"%s\"", inc->valuestring);
		}
	}
	cJSON_Delete(r);
	oojwt_wipe_free(out, out_len);
	free(in);
	free(sv);
	test_end(&t);
}

/* The contract of oojwt_connector_settings_read/_compare. */
static void
contract(void)
{
	static const char php[] = "'onlyoffice' => ['jwt_secret' => 'abc ', "
		"'jwt_header' => 'AuthorizationJwt', 'jwt_leeway' => '30 s']";
	static const char local[] = "{\"services\":{\"CoAuthoring\":{\"token\":"
		"{\"enable\":{\"browser\":true,\"request\":{\"inbox\":true,"
		"\"outbox\":true}}},\"secret\":{\"inbox\":{\"string\":\"abc\"},"
		"\"outbox\":{\"string\":\"other\"}}}}}";
	oojwt_connector_settings s;
	oojwt_server_config c;
	char *in = exact_copy(php, sizeof php - 1);
	char *loc = exact_copy(local, sizeof local - 1);
	int inbox = -1, outbox = -1;
	test t;

	test_begin(&t, "connector settings: read and compare in C");
	expect(&t, oojwt_connector_settings_read(&s, in, sizeof php - 1)
		== OOJWT_OK, "read");
	expect(&t, s.form == OOJWT_SETTINGS_PHP_CONFIG
		&& s.connector == OOJWT_CONNECTOR_NEXTCLOUD && !s.certain,
		"form %d connector %d certain %d", s.form, s.connector, s.certain);
	expect(&t, s.secret.n == 4 && memcmp(s.secret.p, "abc ", 4) == 0
		&& s.secret.p[4] == 0, "secret");
	expect(&t, s.leeway == 30, "leeway (int)'30 s' is 30, got %ld", s.leeway);
	expect(&t, s.header_set && strcmp(s.header.p, "AuthorizationJwt") == 0,
		"header");
	expect(&t, strcmp(s.prefix.p, "Bearer ") == 0 && s.verify_peer_off == -1,
		"prefix / verify_peer_off");
	expect(&t, oojwt_server_config_read(&c, loc, sizeof local - 1, NULL, 0)
		== OOJWT_OK, "server config");
	expect(&t, oojwt_connector_settings_compare(&s, &c, -1, &inbox, &outbox)
		== OOJWT_OK, "compare");
	expect(&t, inbox == OOJWT_SECRETS_DIFFER && outbox == OOJWT_SECRETS_DIFFER,
		"verdicts %d %d", inbox, outbox);
	expect(&t, oojwt_connector_settings_compare(NULL, &c, -1, NULL, NULL)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL settings");
	expect(&t, oojwt_connector_settings_read(NULL, in, 1)
		== OOJWT_ERR_BAD_ARGUMENT && oojwt_connector_settings_read(&s, NULL, 1)
		== OOJWT_ERR_BAD_ARGUMENT, "bad arguments");
	oojwt_server_config_free(&c);
	oojwt_connector_settings_free(&s);
	oojwt_connector_settings_free(&s);
	expect(&t, all_zero(&s, sizeof s), "free wipes the struct");
	expect(&t, strcmp(oojwt_connector_name(OOJWT_CONNECTOR_MATTERMOST),
		"mattermost") == 0 && oojwt_connector_name(0) == NULL
		&& strcmp(oojwt_settings_form_name(OOJWT_SETTINGS_OCC_GET), "occ-get")
		== 0 && oojwt_settings_form_name(6) == NULL, "names");
	free(in);
	free(loc);
	test_end(&t);
}

/* Read `n` bytes of text; the first finding's code, and the seconds it
 * took. */
static int
hostile_code(const char *text, size_t n, double *secs)
{
	oojwt_connector_settings s;
	char *in = exact_copy(text, n);
	clock_t t0 = clock();
	int code;

	code = oojwt_connector_settings_read(&s, in, n);
	*secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	if (code == OOJWT_OK) {
		code = s.n_findings > 0 ? s.findings[0].code : OOJWT_OK;
	}
	oojwt_connector_settings_free(&s);
	free(in);
	return code;
}

static void
hostile(void)
{
	static const struct {
		const char *name;
		const char *head, *unit, *tail;
		int code;
	} cases[] = {
		{ "arrays nested a million deep", "'onlyoffice' => ", "[", "",
			OOJWT_ERR_TOO_DEEP },
		{ "array( nested a million deep", "'onlyoffice' => ", "array(", "",
			OOJWT_ERR_TOO_DEEP },
		{ "a string of 3 MB never closed", "'onlyoffice' => ['jwt_secret' => '",
			"abc\\'", "", OOJWT_FIND_PHP_SYNTAX },
		{ "a comment of 3 MB never closed", "'onlyoffice' => [ /*", "* / ", "",
			OOJWT_FIND_PHP_SYNTAX },
		{ "a million elements", "'onlyoffice' => [", "'jwt_header' => 'x', ",
			"'jwt_secret' => 'abcdefghijklmnopqrstuvwxyz012345', 'jwt_leeway' "
			"=> 30];", OOJWT_OK },
		{ "a concatenation of a million parts", "'onlyoffice' => ["
			"'jwt_secret' => 'a'", " . 'a'", ", 'jwt_leeway' => 30];",
			OOJWT_FIND_SETTINGS_UNRECOGNISED },
		{ "a million occ commands", "", "occ config:app:get onlyoffice "
			"jwt_header\n", "", OOJWT_OK },
		{ "a million lines of prose with =>", "", "a => b\n", "",
			OOJWT_FIND_SETTINGS_UNRECOGNISED },
		{ "a million Moodle lines", "", "jwtheader\tX\n", "", OOJWT_OK }
	};
	size_t i;
	test t;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		str text;
		double secs;
		int code;
		size_t k = 0;
		memset(&text, 0, sizeof text);
		str_puts(&text, cases[i].head);
		while (text.len + strlen(cases[i].unit) + strlen(cases[i].tail)
			< (3u << 20))
		{
			str_puts(&text, cases[i].unit);
			k++;
		}
		str_puts(&text, cases[i].tail);
		test_begin(&t, "connector settings, hostile: %s", cases[i].name);
		code = hostile_code(text.p, text.len, &secs);
		expect(&t, code == cases[i].code, "first finding %s, want %s",
			cname(code), cname(cases[i].code));
		/* One pass: 3 MB in well under the seconds a quadratic reader
		 * would need (even under the sanitizers). */
		expect(&t, secs < 5.0, "%.2f s for %lu units", secs, (unsigned long)k);
		str_free(&text);
		test_end(&t);
	}
	{
		size_t n = OOJWT_SETTINGS_MAX_LEN + 1;
		char *big = (char *)xmalloc(n);
		double secs;
		memset(big, 'a', n);
		test_begin(&t, "connector settings, hostile: over the size limit");
		expect(&t, hostile_code(big, n, &secs) == OOJWT_ERR_TOO_LARGE,
			"not too_large");
		free(big);
		test_end(&t);
	}
}

void
suite_connector_settings(const char *ours, const char *shared)
{
	(void)shared;
	for_each_test(ours, "connector_settings.json", one_vector);
	contract();
	hostile();
}
