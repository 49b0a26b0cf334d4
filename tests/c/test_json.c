/*
 * The strict JSON parser against tests/vectors/strict_json.json.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

/*
 * oojwt_json_check() must decide exactly as oojwt_json_parse(): same
 * code, position and message, and on success the same root type and
 * top-level members as the tree holds.
 */
static void
check_agrees(test *t, const char *s, size_t len)
{
	char m1[OOJWT_MESSAGE_LEN], m2[OOJWT_MESSAGE_LEN], sh[72];
	oojwt_jtop top[4] = { { "exp", 0, 0, NULL, 0 }, { "a", 0, 0, NULL, 0 },
		{ "", 0, 0, NULL, 0 }, { "\xc3\xa9", 0, 0, NULL, 0 } };
	oojwt_jv *root = NULL;
	long p1 = -2, p2 = -2;
	int c1, c2, type = -1;
	size_t k;

	c1 = oojwt_json_parse(&root, s, len, &p1, m1);
	c2 = oojwt_json_check(s, len, &type, top, 4, &p2, m2);
	shown(sh, sizeof sh, s, len);
	expect(t, c1 == c2, "check %s, parse %s for %s", cname(c2), cname(c1), sh);
	expect(t, p1 == p2, "check pos %ld, parse pos %ld for %s", p2, p1, sh);
	expect(t, strcmp(m1, m2) == 0, "check \"%s\", parse \"%s\"", m2, m1);
	if (c1 == OOJWT_OK && c2 == OOJWT_OK) {
		expect(t, type == oojwt_json_type(root), "root type %d, want %d",
			type, oojwt_json_type(root));
		for (k = 0; k < 4; k++) {
			const oojwt_jv *m = oojwt_json_get(root, top[k].name);
			expect(t, top[k].type == oojwt_json_type(m),
				"member \"%s\": type %d, want %d", top[k].name,
				top[k].type, oojwt_json_type(m));
			if (top[k].type == OOJWT_JSON_NUMBER && m != NULL) {
				expect(t, top[k].number == oojwt_json_number(m),
					"member \"%s\": %g, want %g", top[k].name,
					top[k].number, oojwt_json_number(m));
			}
			/* A plain string's bytes are the tree's string. */
			if (top[k].str != NULL) {
				const char *want = oojwt_json_string(m);
				expect(t, top[k].type == OOJWT_JSON_STRING
					&& want != NULL && strlen(want) == top[k].str_len
					&& memcmp(want, top[k].str, top[k].str_len) == 0,
					"member \"%s\": string bytes differ from the tree's",
					top[k].name);
			}
		}
	}
	oojwt_json_free(root);
}

/* Texts the vector file does not stress: the name tracking of check. */
static void
check_extra(void)
{
	static const char *const texts[] = {
		"{\"exp\":1,\"a\":2,\"exp\":3}",
		"{\"o\":{\"x\":1,\"x\":2},\"b\":tru}",
		"{\"o\":{\"x\":1,\"x\":2},\"b\":1e999}",
		"{\"b\":1e999,\"o\":{\"x\":1,\"x\":2}}",
		"{\"x\":1,\"x\":2,\"y\":1e400}",
		"{\"\\u0061\":1,\"a\":2}",
		"{\"\\u0061\":1,\"b\":2}",
		"{\"a\\n\":1,\"exp\":12.5}",
		"{\"a\":\"HS256\",\"exp\":\"x\"}",
		"{\"a\":\"H\\u0053256\",\"\":\"\"}",
		"{\"a\":\"\xc3\xa9t\xc3\xa9 long enough for two words\",\"b\":\"\\\"\"}",
		"{\"o\":{\"a\":\"inner\"},\"a\":\"outer\"}",
		"{\"exp\":\"soon\",\"a\":[1,{\"a\":1,\"a\":1}]}",
		"{\"exp\":1.5e3,\"a\":-0,\"\":null,\"\xc3\xa9\":true}",
		"{\"a\":{},\"b\":[],\"c\":{\"d\":{\"e\":{}}}}",
		"{\"ab\":1,\"a\":2,\"abc\":3,\"b\":4,\"a\":5}",
		"[{\"a\":1},{\"a\":2},{\"a\":3,\"a\":4}]",
		"  {\"exp\" : 7 }  ",
		"\"just a string\"",
		"123",
	};
	char big[8192];
	size_t k, n, i;
	test t;

	test_begin(&t, "oojwt_json_check agrees with oojwt_json_parse (extra)");
	for (k = 0; k < sizeof texts / sizeof *texts; k++) {
		check_agrees(&t, texts[k], strlen(texts[k]));
	}
	/* Many members (insertion sort, qsort, a growing name stack),
	 * with and without a duplicate, flat and nested. */
	for (n = 2; n <= 300; n = n * 3 / 2 + 1) {
		int dup;
		for (dup = 0; dup < 2; dup++) {
			size_t len = 0;
			big[len++] = '{';
			for (i = 0; i < n; i++) {
				oojwt_fmt(big + len, sizeof big - len,
					"%s\"m%z\":{\"k%z\":%z}", i ? "," : "",
					n - 1 - i, i, i);
				len += strlen(big + len);
			}
			if (dup) {
				oojwt_fmt(big + len, sizeof big - len,
					",\"m%z\":0", n / 2);
				len += strlen(big + len);
			}
			big[len++] = '}';
			check_agrees(&t, big, len);
		}
	}
	test_end(&t);
}

static void
json_vector(const cJSON *v)
{
	size_t len = 0;
	unsigned char *bytes = from_hex(jstr(v, "hex"), &len);
	const char *want = jstr(v, "code");
	char msg[OOJWT_MESSAGE_LEN], sh[72];
	oojwt_jv *root = NULL;
	long pos = -2;
	int code;
	test t;

	test_begin(&t, "strict_json.json #%d (%s)", jint(v, "id"),
		jstr(v, "comment"));
	if (!expect(&t, bytes != NULL, "bad hex in the vector")) {
		test_end(&t);
		return;
	}
	check_agrees(&t, (const char *)bytes, len);
	code = oojwt_json_parse(&root, (const char *)bytes, len, &pos, msg);
	expect(&t, strcmp(cname(code), want) == 0, "got %s (%s), want %s for %s",
		cname(code), msg, want, shown(sh, sizeof sh, (const char *)bytes, len));
	if (code == OOJWT_OK) {
		expect(&t, root != NULL, "OK without a tree");
	} else {
		expect(&t, root == NULL, "a tree returned with an error");
		expect(&t, pos >= -1 && pos <= (long)len, "position %ld", pos);
		expect(&t, msg[0] != 0, "no message");
	}
	oojwt_json_free(root);
	free(bytes);
	test_end(&t);
}

/*
 * OOJWT_JSON_LONE_WTF8: a lone surrogate escape, which the strict parse
 * refuses, is read as JSON.parse reads it (ECMA-262 JSON.parse: one code
 * unit per \uXXXX), kept as WTF-8, counted, located, printed back as its
 * escape and replaced by U+FFFD on demand.
 */
static void
check_lone(void)
{
	static const struct {
		const char *text, *string, *printed, *path, *replaced;
		size_t lone;
	} cases[] = {
		/* What JSON.stringify writes for "Team 🌍".slice(0, 6). */
		{ "{\"user\":{\"name\":\"Team \\ud83c\"}}", "Team \xED\xA0\xBC",
			"{\"user\":{\"name\":\"Team \\ud83c\"}}", "user.name",
			"Team \xEF\xBF\xBD", 1 },
		{ "[\"a\",\"\\uDC00x\"]", "\xED\xB0\x80x", "[\"a\",\"\\udc00x\"]",
			"1", "\xEF\xBF\xBDx", 1 },
		/* A lone high surrogate, then a pair. */
		{ "[\"\\ud83c\\ud83d\\ude00\"]", "\xED\xA0\xBC\xF0\x9F\x98\x80",
			"[\"\\ud83c\xF0\x9F\x98\x80\"]", "0",
			"\xEF\xBF\xBD\xF0\x9F\x98\x80", 1 },
		{ "[\"\\ud83c\\u0041\\udfff\"]", "\xED\xA0\xBC" "A\xED\xBF\xBF",
			"[\"\\ud83cA\\udfff\"]", "0", "\xEF\xBF\xBD" "A\xEF\xBF\xBD", 2 },
		/* An escaped backslash: no escape follows. */
		{ "[\"\\\\ud83c\"]", "\\ud83c", "[\"\\\\ud83c\"]", "", "\\ud83c", 0 },
		{ "[\"\\ud83d\\ude00\"]", "\xF0\x9F\x98\x80",
			"[\"\xF0\x9F\x98\x80\"]", "", "\xF0\x9F\x98\x80", 0 }
	};
	size_t k;

	for (k = 0; k < sizeof cases / sizeof *cases; k++) {
		char msg[OOJWT_MESSAGE_LEN], path[OOJWT_PATH_LEN];
		size_t n = strlen(cases[k].text), plen = 0, dups = 0;
		char *text = exact_copy(cases[k].text, n), *printed;
		oojwt_jv *root = NULL, *strict = NULL;
		oojwt_json_info info;
		const oojwt_jv *s;
		long pos = -2;
		int code;
		test t;

		test_begin(&t, "lone surrogates as JSON.parse reads them: case %lu",
			(unsigned long)k);
		code = oojwt_json_parse_ex(&strict, text, n, OOJWT_JSON_LAST_WINS,
			&dups, &pos, msg);
		expect(&t, (code == OOJWT_ERR_BAD_JSON) == (cases[k].lone > 0),
			"strict parse: %s", cname(code));
		oojwt_json_free(strict);
		code = oojwt_json_parse_js(&root, text, n, OOJWT_JSON_LAST_WINS
			| OOJWT_JSON_LONE_WTF8, &info, &pos, msg);
		if (!expect(&t, code == OOJWT_OK, "parse_js: %s (%s)", cname(code),
			msg))
		{
			free(text);
			test_end(&t);
			continue;
		}
		expect(&t, info.lone == cases[k].lone, "%lu lone, want %lu",
			(unsigned long)info.lone, (unsigned long)cases[k].lone);
		expect(&t, (info.lone_pos >= 0) == (cases[k].lone > 0),
			"lone_pos %ld", info.lone_pos);
		s = oojwt_json_type(root) == OOJWT_JSON_ARRAY
			? oojwt_json_array_at(root, oojwt_json_array_size(root) - 1)
			: oojwt_json_at(root, "user.name");
		expect(&t, oojwt_json_type(s) == OOJWT_JSON_STRING
			&& strcmp(oojwt_json_string(s), cases[k].string) == 0,
			"the string's bytes");
		expect(&t, oojwt_json_lone_path(root, path, sizeof path)
			== (cases[k].lone > 0 ? 1u : 0u)
			&& strcmp(path, cases[k].path) == 0, "path \"%s\"", path);
		printed = oojwt_json_print(root, &plen);
		expect(&t, printed != NULL && strcmp(printed, cases[k].printed) == 0
			&& plen == strlen(cases[k].printed), "printed %s",
			printed != NULL ? printed : "(null)");
		free(printed);
		oojwt_json_lone_replace(root);
		expect(&t, strcmp(oojwt_json_string(s), cases[k].replaced) == 0,
			"U+FFFD in place");
		expect(&t, oojwt_json_lone_path(root, path, sizeof path) == 0,
			"none left after the replacement");
		oojwt_json_free(root);
		free(text);
		test_end(&t);
	}
}

/* Half characters compare as JavaScript strings do; a member name may
 * hold one too. */
static void
check_lone_compare(void)
{
	static const char a[] = "{\"n\":\"\\ud83c\"}", b[] = "{\"n\":\"\\ud83d\"}",
		c[] = "{\"\\ud800\":1,\"\\ud800\":2}";
	char msg[OOJWT_MESSAGE_LEN], path[OOJWT_PATH_LEN];
	oojwt_jv *ja = NULL, *jb = NULL, *jc = NULL, *ja2 = NULL;
	oojwt_json_info info;
	long pos;
	test t;

	test_begin(&t, "lone surrogates: equality and member names");
	oojwt_json_parse_js(&ja, a, sizeof a - 1, OOJWT_JSON_LONE_WTF8, &info,
		&pos, msg);
	oojwt_json_parse_js(&ja2, a, sizeof a - 1, OOJWT_JSON_LONE_WTF8, &info,
		&pos, msg);
	oojwt_json_parse_js(&jb, b, sizeof b - 1, OOJWT_JSON_LONE_WTF8, &info,
		&pos, msg);
	expect(&t, ja != NULL && jb != NULL && oojwt_json_equal(ja, ja2)
		&& !oojwt_json_equal(ja, jb), "\\ud83c equals itself, not \\ud83d");
	expect(&t, oojwt_json_parse_js(&jc, c, sizeof c - 1,
		OOJWT_JSON_LONE_WTF8, &info, &pos, msg) == OOJWT_ERR_DUPLICATE_MEMBER,
		"repeated half-character names are repeated names");
	oojwt_json_free(jc);
	jc = NULL;
	expect(&t, oojwt_json_parse_js(&jc, c, sizeof c - 1, OOJWT_JSON_LONE_WTF8
		| OOJWT_JSON_LAST_WINS, &info, &pos, msg) == OOJWT_OK
		&& info.dups == 1 && info.lone == 2
		&& oojwt_json_lone_path(jc, path, sizeof path) == 1
		&& strcmp(path, "\xED\xA0\x80") == 0
		&& oojwt_json_number(oojwt_json_get(jc, "\xED\xA0\x80")) == 2,
		"last wins, name found");
	oojwt_json_free(ja);
	oojwt_json_free(ja2);
	oojwt_json_free(jb);
	oojwt_json_free(jc);
	test_end(&t);
}

void
suite_json(const char *ours, const char *shared)
{
	(void)shared;

	for_each_test(ours, "strict_json.json", json_vector);
	check_extra();
	check_lone();
	check_lone_compare();
}
