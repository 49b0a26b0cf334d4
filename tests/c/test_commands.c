/*
 * oojwt_commands_build() and its JSON side (src/deploy/commands.c,
 * commands_json.c): tests/vectors/commands.json (ids, run places, texts,
 * parameters, refused values), and the quoting of every byte a value
 * can hold. Running the texts in a shell is tests/js/commands.test.mjs.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"
#include "cJSON.h"
#include "deploy/deploy.h"

static const cJSON *
command_of(const cJSON *list, const char *id)
{
	const cJSON *c;

	cJSON_ArrayForEach(c, list) {
		if (strcmp(jstr(c, "id"), id) == 0) {
			return c;
		}
	}
	return NULL;
}

static void
commands_vector(const cJSON *v)
{
	const cJSON *e = jget(v, "expect"), *x, *y, *list, *s;
	const char *secret = jstr(v, "secret");
	int has_secret = jget(v, "secret") != NULL;
	char *ctx = cJSON_PrintUnformatted(jget(v, "context"));
	char *sec = exact_copy(secret, strlen(secret));
	size_t rn = 0;
	char *rep = oojwt_commands_json_text(ctx, strlen(ctx),
		(const unsigned char *)sec, strlen(secret), has_secret, &rn);
	cJSON *got = rep != NULL ? cJSON_ParseWithLength(rep, rn) : NULL;
	test t;
	int i;

	test_begin(&t, "commands #%d: %s", jint(v, "id"), jstr(v, "comment"));
	if (!expect(&t, got != NULL, "report is JSON")) {
		goto done;
	}
	if (jget(e, "error") != NULL) {
		x = jget(got, "error");
		expect(&t, x != NULL && strcmp(jstr(x, "code"), jstr(e, "error")) == 0
			&& strcmp(jstr(x, "field"), jstr(e, "field")) == 0, "report %s",
			rep);
		goto done;
	}
	list = jget(got, "commands");
	i = 0;
	cJSON_ArrayForEach(x, jget(e, "ids")) {
		y = cJSON_GetArrayItem(list, i++);
		expect(&t, y != NULL && strcmp(jstr(y, "id"), x->valuestring) == 0,
			"command %d is %s, want %s", i, jstr(y, "id"), x->valuestring);
	}
	expect(&t, cJSON_GetArraySize(list) == i, "%d commands, want %d",
		cJSON_GetArraySize(list), i);
	i = 0;
	cJSON_ArrayForEach(x, jget(e, "runOn")) {
		y = cJSON_GetArrayItem(list, i++);
		expect(&t, strcmp(jstr(y, "runOn"), x->valuestring) == 0,
			"command %d runs on %s", i, jstr(y, "runOn"));
	}
	cJSON_ArrayForEach(x, jget(e, "text")) {
		y = command_of(list, x->string);
		expect(&t, strcmp(jstr(y, "text"), x->valuestring) == 0,
			"%s: %s", x->string, jstr(y, "text"));
	}
	cJSON_ArrayForEach(x, jget(e, "contains")) {
		y = command_of(list, x->string);
		cJSON_ArrayForEach(s, x) {
			expect(&t, strstr(jstr(y, "text"), s->valuestring) != NULL,
				"%s lacks <%s>: %s", x->string, s->valuestring,
				jstr(y, "text"));
		}
	}
	cJSON_ArrayForEach(x, jget(e, "explanations")) {
		y = command_of(list, x->string);
		cJSON_ArrayForEach(s, x) {
			expect(&t, strstr(jstr(y, "explanation"), s->valuestring) != NULL,
				"%s's explanation lacks <%s>", x->string, s->valuestring);
		}
	}
	cJSON_ArrayForEach(x, jget(e, "params")) {
		y = command_of(list, x->string);
		expect(&t, cJSON_Compare(jget(y, "params"), x, 1), "%s params",
			x->string);
	}
	if (has_secret && strlen(secret) > 2 && !cJSON_IsTrue(jget(jget(v,
		"context"), "includeSecret")))
	{
		expect(&t, strstr(rep, secret) == NULL, "the secret is in the report");
	}
done:
	cJSON_Delete(got);
	free(rep);
	free(ctx);
	free(sec);
	test_end(&t);
}

/* Every byte but the control characters goes through a URL and comes
 * out inside one quoted word (an odd number of ' breaks it). */
static void
commands_bytes(void)
{
	oojwt_commands *c = (oojwt_commands *)xmalloc(sizeof *c);
	oojwt_commands_opts o;
	char url[32];
	int b, bad = 0, refused = 0;
	test t;

	test_begin(&t, "commands: every byte of a URL is quoted or refused");
	for (b = 1; b < 256; b++) {
		int code;
		memcpy(url, "https://ds/", 11);
		url[11] = (char)b;
		memset(&o, 0, sizeof o);
		o.ds_url = url;
		o.ds_url_len = 12;
		code = oojwt_commands_build(c, &o);
		if (b < 0x20 || b == 0x7F || b == ' ' || b >= 0x80) {
			refused += code == OOJWT_ERR_BAD_ARGUMENT;
			continue;
		}
		if (code != OOJWT_OK || c->n != 3) {
			bad++;
			continue;
		}
		/* The URL word: bare (only plain bytes) or one '...' run with
		 * each ' as '\''. */
		if (b == '\'') {
			bad += strstr(c->list[1].text,
				"'https://ds/'\\''/command'") == NULL;
		} else if (b != '/' && strchr("_.:@%+=,-", b) == NULL
			&& !((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z')
			|| (b >= 'A' && b <= 'Z')))
		{
			char want[40];
			memcpy(want, "'https://ds/", 12);
			want[12] = (char)b;
			memcpy(want + 13, "/command'", 10);
			bad += strstr(c->list[1].text, want) == NULL;
		}
	}
	expect(&t, bad == 0, "%d bytes not quoted as expected", bad);
	expect(&t, refused == 0x20 + 1 + 128, "%d refused", refused);
	oojwt_commands_free(c);
	expect(&t, all_zero(c, sizeof *c), "not wiped");
	free(c);
	test_end(&t);

	test_begin(&t, "commands: NULL arguments");
	memset(&o, 0, sizeof o);
	o.container_len = 3;
	expect(&t, oojwt_commands_build(NULL, &o) == OOJWT_ERR_BAD_ARGUMENT,
		"out");
	c = (oojwt_commands *)xmalloc(sizeof *c);
	expect(&t, oojwt_commands_build(c, NULL) == OOJWT_ERR_BAD_ARGUMENT,
		"opts");
	expect(&t, oojwt_commands_build(c, &o) == OOJWT_ERR_BAD_ARGUMENT
		&& strcmp(c->bad_field, "options") == 0, "a length without text");
	expect(&t, oojwt_command_name(0) == NULL && oojwt_command_name(6) == NULL
		&& strcmp(oojwt_command_name(OOJWT_CMD_CHECK_COMMAND),
		"check_command") == 0, "names");
	free(c);
	test_end(&t);
}

void
suite_commands(const char *ours, const char *shared)
{
	(void)shared;
	for_each_test(ours, "commands.json", commands_vector);
	commands_bytes();
}
