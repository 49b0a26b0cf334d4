/*
 * The command line's catalog formatter (src/cli/i18n_format.c) over
 * tests/vectors/i18n_format.json, the file web/lib/i18n.mjs is tested
 * with too: each template filled with its params in its language gives
 * exactly the expected text, or is refused where the expectation is null.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"
#include "cJSON.h"
#include "cli/cli.h"

static void
one(const cJSON *v)
{
	const char *tmpl = jstr(v, "template");
	const cJSON *want = jget(v, "expected");
	char *params = cJSON_PrintUnformatted(jget(v, "params"));
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_jv *root = NULL;
	oojwt_sb sb;
	long pos;
	test t;
	int rc;

	test_begin(&t, "i18n_format %d", jint(v, "id"));
	if (params == NULL || oojwt_json_parse(&root, params, strlen(params), &pos,
		msg) != OOJWT_OK)
	{
		expect(&t, 0, "params do not parse: %s", params != NULL ? params : "");
		free(params);
		test_end(&t);
		return;
	}
	memset(&sb, 0, sizeof sb);
	/* the template as its exact bytes: no NUL after it */
	{
		char *exact = exact_copy(tmpl, strlen(tmpl));
		rc = oojwt_cli_format(&sb, exact, strlen(tmpl), root,
			jstr(v, "lang"));
		free(exact);
	}
	if (cJSON_IsNull(want)) {
		expect(&t, rc != 0, "refused, but gave \"%.*s\"", (int)sb.len,
			sb.buf != NULL ? sb.buf : "");
	} else if (expect(&t, rc == 0, "refused: %s", tmpl)) {
		const char *w = cJSON_IsString(want) ? want->valuestring : "";
		expect(&t, sb.len == strlen(w) && memcmp(sb.buf, w, sb.len) == 0,
			"gave \"%.*s\", expected \"%s\"", (int)sb.len, sb.buf, w);
	}
	free(sb.buf);
	oojwt_json_free(root);
	free(params);
	test_end(&t);
}

void
suite_i18n_format(const char *ours, const char *shared)
{
	(void)shared;
	for_each_test(ours, "i18n_format.json", one);
}
