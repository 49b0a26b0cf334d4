/*
 * The diagnosis (src/diagnose/): the vectors of tests/vectors/diagnose.json
 * (one row per kind of text it recognises, one per journey) through the
 * JSON report kit.diagnose and `oojwt diagnose --json` return; the
 * export of each row in Markdown and text (oojwt_diagnose_export): no
 * substring of 4 or more bytes of a secret given or held by an item, and
 * Markdown that is well formed; the C contract (limits, arguments, the
 * verdict first); hostile input: every
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

/* A row's items, typed secrets and options (pointers into the row). */
typedef struct {
	oojwt_diag_item items[OOJWT_DIAG_MAX_ITEMS];
	oojwt_diag_secret secrets[OOJWT_DIAG_MAX_SECRETS];
	oojwt_diag_opts o;
	size_t ni;
} row_input;

static void
row_read(row_input *in, const cJSON *v)
{
	const cJSON *it, *s;
	size_t ns = 0;

	memset(in, 0, sizeof *in);
	for (it = jget(v, "items")->child; it != NULL && in->ni < OOJWT_DIAG_MAX_ITEMS; it = it->next) {
		in->items[in->ni].text = it->valuestring;
		in->items[in->ni].len = strlen(it->valuestring);
		in->ni++;
	}
	s = jget(v, "secrets");
	for (it = s != NULL ? s->child : NULL; it != NULL && ns < OOJWT_DIAG_MAX_SECRETS; it = it->next) {
		in->secrets[ns].value = (const unsigned char *)it->valuestring;
		in->secrets[ns].len = strlen(it->valuestring);
		ns++;
	}
	/* A row may be judged at its own time (a certificate while valid). */
	in->o.now = jget(v, "now") != NULL ? jget(v, "now")->valuedouble : vec_now;
	in->o.secrets = in->secrets;
	in->o.n_secrets = ns;
}

/* The report for the row's items and secrets, parsed; NULL on failure. */
static cJSON *
run_row(const cJSON *v)
{
	row_input in;
	size_t len = 0;
	char *rep;
	cJSON *doc;

	row_read(&in, v);
	rep = oojwt_diagnose_json(in.items, in.ni, &in.o, &len);
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
	/* Key words of the verdict, anywhere in its headline, cause or fix. */
	for (g = jget(want, "words") != NULL ? jget(want, "words")->child : NULL;
		g != NULL; g = g->next)
	{
		expect(&t, strstr(jstr(verdict, "headline"), g->valuestring) != NULL
			|| strstr(jstr(verdict, "cause"), g->valuestring) != NULL
			|| strstr(jstr(verdict, "fix"), g->valuestring) != NULL,
			"the verdict does not say \"%s\"", g->valuestring);
	}
	for (g = jget(want, "commands") != NULL ? jget(want, "commands")->child : NULL;
		g != NULL; g = g->next)
	{
		const cJSON *c, *w2, *found = NULL;
		for (c = jget(doc, "commands")->child; c != NULL; c = c->next) {
			if (strcmp(jstr(c, "id"), jstr(g, "id")) == 0) {
				found = c;
			}
		}
		expect(&t, found != NULL, "no command %s", jstr(g, "id"));
		for (w2 = jget(g, "includes")->child; found != NULL && w2 != NULL; w2 = w2->next) {
			expect(&t, strstr(jstr(found, "text"), w2->valuestring) != NULL,
				"command %s lacks \"%s\"", jstr(g, "id"), w2->valuestring);
		}
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

/* ---- the export ------------------------------------------------------ */

/* 1 when the Markdown is well formed for what the export writes: it
 * opens with its heading, code fences pair up, and outside them each
 * line has its backticks and its ** in pairs, no raw HTML and no
 * control character, and only ## / ### headings. */
static int
markdown_ok(const char *md, char *why, size_t cap)
{
	const char *line = md, *nl;
	int in_fence = 0;
	size_t fence_len = 0, no = 0;

	if (strncmp(md, "## oojwt diagnosis\n", 19) != 0) {
		snprintf(why, cap, "no heading first");
		return 0;
	}
	for (; *line != 0; line = nl + 1) {
		size_t n, ticks = 0, stars = 0, i, lead = 0;
		nl = strchr(line, '\n');
		if (nl == NULL) {
			snprintf(why, cap, "no final line feed");
			return 0;
		}
		n = (size_t)(nl - line);
		no++;
		while (lead < n && line[lead] == '`') {
			lead++;
		}
		if (lead >= 3 && (!in_fence || (lead == fence_len && lead == n))) {
			in_fence = !in_fence;
			fence_len = lead;
			continue;
		}
		if (in_fence) {
			continue;
		}
		if (line[0] == '#' && strncmp(line, "## ", 3) != 0
			&& strncmp(line, "### ", 4) != 0)
		{
			snprintf(why, cap, "line %lu: a heading of another level", (unsigned long)no);
			return 0;
		}
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)line[i];
			if (c == '\\' && i + 1 < n) {
				i++;
				continue;
			}
			if (c < 0x20 || c == 0x7F || c == '<') {
				snprintf(why, cap, "line %lu: raw HTML or a control character",
					(unsigned long)no);
				return 0;
			}
			ticks += c == '`';
			if (c == '*' && i + 1 < n && line[i + 1] == '*') {
				stars++;
				i++;
			} else if (c == '*' && !(i == 0 && n > 1 && line[1] == ' ')) {
				snprintf(why, cap, "line %lu: a lone *", (unsigned long)no);
				return 0;
			}
		}
		if (ticks % 2 != 0 || stars % 2 != 0) {
			snprintf(why, cap, "line %lu: unpaired ` or **", (unsigned long)no);
			return 0;
		}
	}
	if (in_fence) {
		snprintf(why, cap, "a code fence is not closed");
		return 0;
	}
	return 1;
}

/* `n` bytes of `p` and a NUL. */
static char *
copy_z(const char *p, size_t n)
{
	char *s = (char *)xmalloc(n + 1);

	memcpy(s, p, n);
	s[n] = 0;
	return s;
}

/* The row's items with each secret of `list` (n of them) replaced by a
 * filler of its length, "~k~k..." for the k-th (secrets that differ stay
 * different): what the export of a row holding no secret says. */
static char **
without_secrets(const row_input *in, const char *const *list, size_t n)
{
	char **out = (char **)xmalloc(in->ni * sizeof *out);
	size_t i, k;

	for (i = 0; i < in->ni; i++) {
		out[i] = copy_z(in->items[i].text, in->items[i].len);
		for (k = 0; k < n; k++) {
			size_t m = strlen(list[k]);
			char *at = m > 0 ? strstr(out[i], list[k]) : NULL;
			for (; at != NULL; at = strstr(at + m, list[k])) {
				size_t j;
				for (j = 0; j < m; j++) {
					at[j] = j % 2 == 0 ? '~' : (char)('0' + k % 10);
				}
			}
		}
	}
	return out;
}

static void
export_row(const cJSON *v)
{
	row_input in, base;
	const char *list[OOJWT_DIAG_MAX_SECRETS + 64];
	size_t n = 0, i, k;
	const cJSON *it;
	char **plain;
	int f;
	test t;

	row_read(&in, v);
	for (i = 0; i < in.o.n_secrets; i++) {
		list[n++] = (const char *)in.secrets[i].value;
	}
	for (it = jget(v, "inputSecrets") != NULL ? jget(v, "inputSecrets")->child
		: NULL; it != NULL && n < sizeof list / sizeof *list; it = it->next)
	{
		list[n++] = it->valuestring;
	}
	plain = without_secrets(&in, list, n);
	base = in;
	for (i = 0; i < in.ni; i++) {
		base.items[i].text = plain[i];
	}
	base.o.n_secrets = 0;
	for (f = 0; f < 2; f++) {
		size_t len = 0, blen = 0;
		int code = -1, bcode = -1;
		char *text, *btext, why[128];
		test_begin(&t, "diagnose export %d (%s): %s", jint(v, "id"),
			f == 0 ? "markdown" : "text", jstr(v, "name"));
		text = oojwt_diagnose_export(in.items, in.ni, &in.o, f, &len, &code);
		btext = oojwt_diagnose_export(base.items, base.ni, &base.o, f, &blen, &bcode);
		if (!expect(&t, text != NULL && btext != NULL && code == OOJWT_OK,
			"no export (%s)", cname(code)))
		{
			free(text);
			free(btext);
			test_end(&t);
			continue;
		}
		expect(&t, strlen(text) == len, "length %lu, NUL at %lu", (unsigned long)len,
			(unsigned long)strlen(text));
		/* No substring of 4+ bytes of a secret, unless the export of the
		 * same items without any secret says it too (a word of the
		 * export's own, as "secret" in my_jwt_secret). */
		for (k = 0; k < n; k++) {
			size_t m = strlen(list[k]), a, l;
			for (a = 0; a + 4 <= m; a++) {
				for (l = 4; a + l <= m; l++) {
					char *sub = copy_z(list[k] + a, l);
					int in_export = strstr(text, sub) != NULL;
					if (in_export) {
						expect(&t, strstr(btext, sub) != NULL, "secret %lu: \"%s\" "
							"is in the export", (unsigned long)k, sub);
					}
					free(sub);
					if (!in_export) {
						break;
					}
				}
			}
		}
		if (f == 0) {
			expect(&t, markdown_ok(text, why, sizeof why), "Markdown: %s", why);
		}
		oojwt_wipe_free(text, len + 1);
		free(btext);
		test_end(&t);
	}
	for (i = 0; i < in.ni; i++) {
		free(plain[i]);
	}
	free(plain);
}

static void
export_contract(void)
{
	test t;
	oojwt_diag_item item;
	oojwt_diag_secret sec;
	oojwt_diag_opts o;
	size_t len = 0;
	int code = 0;
	char *text;

	test_begin(&t, "diagnose export: the secret masked with its length, the "
		"token masked, a bad format refused");
	memset(&o, 0, sizeof o);
	item.text = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjIjoidmVyc2lvbiJ9."
		"jmrkjRX4CrSscGzaFdy5VtHeofug1zs8QUcnLe3CoMA";
	item.len = strlen(item.text);
	item.name = "the secret is Kq3ZxY7pLm2Vn8Rt5Wb1Hc6Jd4Fg9Ae0";
	item.name_len = strlen(item.name);
	sec.value = (const unsigned char *)"Kq3ZxY7pLm2Vn8Rt5Wb1Hc6Jd4Fg9Ae0";
	sec.len = 32;
	sec.name = NULL;
	sec.name_len = 0;
	o.secrets = &sec;
	o.n_secrets = 1;
	text = oojwt_diagnose_export(&item, 1, &o, OOJWT_DIAG_EXPORT_TEXT, &len, &code);
	expect(&t, text != NULL && strstr(text, "the secret is \xE2\x80\xB9secret, 32 "
		"characters\xE2\x80\xBA") != NULL, "the name's secret is not masked");
	expect(&t, text != NULL && strstr(text, "eyJ") == NULL, "the token is in the export");
	expect(&t, text != NULL && strstr(text, "OK: ") != NULL
		&& strstr(text, "diag_token_verifies") != NULL, "no verdict");
	free(text);
	expect(&t, oojwt_diagnose_export(&item, 1, &o, 2, &len, &code) == NULL
		&& code == OOJWT_ERR_BAD_ARGUMENT, "format 2 accepted");
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
		export_row(v);
	}
	for (v = jlist(doc, "tests")->child; v != NULL; v = v->next) {
		hostile_row(v);
	}
	cJSON_Delete(doc);
	export_contract();
	contract();
	hostile();
}
