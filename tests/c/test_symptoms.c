/*
 * The symptom table (src/diagnose/symptoms.c, symptom_match.c) against
 * tests/vectors/symptoms.json: the ids in the table's order and the
 * products' texts exactly as the vectors quote them from the upstream
 * locale and l10n files; every text cited and every symptom with
 * something to paste; each text, as a user copies it, recognised by
 * oojwt_diagnose_json() in English and Chinese; pasted texts with noise;
 * the JSON of oojwt_symptoms_json() in kit.symptoms()'s shape.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"
#include "diagnose/diagnose.h"

static const char *const LANGS[2] = { "en", "zh-CN" };

static const char *
text_of(const oojwt_symptom *s, int lang)
{
	return lang == 0 ? s->en : s->zh;
}

/* The diagnosis of one text: its item's symptom id and kind. */
static cJSON *
diagnose_one(const char *text)
{
	oojwt_diag_item item;
	oojwt_diag_opts o;
	size_t len = 0;
	char *rep;
	cJSON *doc;

	memset(&o, 0, sizeof o);
	o.now = 1765000000;
	item.text = exact_copy(text, strlen(text));
	item.len = strlen(text);
	item.name = NULL;
	item.name_len = 0;
	rep = oojwt_diagnose_json(&item, 1, &o, &len);
	free((void *)item.text);
	if (rep == NULL) {
		return NULL;
	}
	doc = cJSON_ParseWithLength(rep, len);
	free(rep);
	return doc;
}

static const oojwt_symptom *
by_id(const char *id)
{
	size_t i;

	for (i = 0; i < oojwt_symptom_count(); i++) {
		if (strcmp(oojwt_symptom_at(i)->id, id) == 0) {
			return oojwt_symptom_at(i);
		}
	}
	return NULL;
}

static int
snake_case(const char *id)
{
	size_t i;

	for (i = 0; id[i] != 0; i++) {
		if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9')
			|| (id[i] == '_' && i > 0 && id[i + 1] != 0)))
		{
			return 0;
		}
	}
	return i > 0;
}

/* The table: the vectors' ids in order, their texts exactly, a source
 * for each text, something to paste, unique ids. */
static void
table(const cJSON *list)
{
	test t;
	const cJSON *v;
	size_t i = 0, j, k;

	test_begin(&t, "symptoms: the table is the vectors' list, in order");
	for (v = list->child; v != NULL; v = v->next, i++) {
		const oojwt_symptom *s = oojwt_symptom_at(i);
		const cJSON *texts = jget(v, "texts");
		const cJSON *zh = jget(texts, "zh-CN");
		if (!expect(&t, s != NULL && strcmp(s->id, jstr(v, "id")) == 0,
			"entry %lu: %s, want %s", (unsigned long)i, s != NULL ? s->id
			: "(none)", jstr(v, "id")))
		{
			continue;
		}
		expect(&t, strcmp(s->product, jstr(v, "product")) == 0, "%s: product %s",
			s->id, s->product);
		expect(&t, strcmp(s->en, jstr(texts, "en")) == 0, "%s: en text \"%s\"",
			s->id, s->en);
		expect(&t, cJSON_IsNull(zh) ? s->zh == NULL : (s->zh != NULL
			&& strcmp(s->zh, zh->valuestring) == 0), "%s: zh-CN text \"%s\"",
			s->id, s->zh != NULL ? s->zh : "(null)");
	}
	expect(&t, i == oojwt_symptom_count(), "the table has %lu entries, the "
		"vectors %lu", (unsigned long)oojwt_symptom_count(), (unsigned long)i);
	expect(&t, oojwt_symptom_at(oojwt_symptom_count()) == NULL,
		"an entry past the end");
	test_end(&t);

	test_begin(&t, "symptoms: ids unique and snake_case; every text cited; "
		"something to paste for each");
	for (i = 0; i < oojwt_symptom_count(); i++) {
		const oojwt_symptom *s = oojwt_symptom_at(i);
		expect(&t, snake_case(s->id), "%s: not snake_case", s->id);
		for (k = 0; k < i; k++) {
			expect(&t, strcmp(oojwt_symptom_at(k)->id, s->id) != 0,
				"%s: twice", s->id);
		}
		expect(&t, s->en != NULL && s->en_source != NULL && s->en_source[0] != 0,
			"%s: no English text or source", s->id);
		expect(&t, (s->zh == NULL) == (s->zh_source == NULL),
			"%s: a Chinese text without source, or a source without text", s->id);
		expect(&t, s->means != NULL && s->means[0] != 0, "%s: no meaning", s->id);
		expect(&t, s->n_paste >= 1 && s->n_paste <= OOJWT_SYMPTOM_MAX_PASTE,
			"%s: %lu things to paste", s->id, (unsigned long)s->n_paste);
		for (j = 0; j < s->n_paste && j < OOJWT_SYMPTOM_MAX_PASTE; j++) {
			expect(&t, s->paste[j].what != NULL && s->paste[j].what[0] != 0
				&& s->paste[j].where != NULL && s->paste[j].where[0] != 0,
				"%s: paste %lu lacks what or where", s->id, (unsigned long)j);
		}
		expect(&t, s->kind == OOJWT_DIAG_EDITOR_ERROR
			|| s->kind == OOJWT_DIAG_CONNECTOR_ERROR || s->kind == OOJWT_DIAG_DS_LOG,
			"%s: kind %d", s->id, s->kind);
	}
	test_end(&t);
}

/* Each text as a user copies it names its symptom (or one with the same
 * text in that language: Nextcloud's and ownCloud's are the same). */
static void
seen(const cJSON *list)
{
	const cJSON *v;

	for (v = list->child; v != NULL; v = v->next) {
		int lang;
		for (lang = 0; lang < 2; lang++) {
			const cJSON *text = jget(jget(v, "seen"), LANGS[lang]);
			const oojwt_symptom *want = by_id(jstr(v, "id")), *got;
			const cJSON *item;
			cJSON *doc;
			test t;
			if (cJSON_IsNull(text) || want == NULL) {
				continue;
			}
			test_begin(&t, "symptoms: %s recognised in %s", jstr(v, "id"),
				LANGS[lang]);
			doc = diagnose_one(text->valuestring);
			item = cJSON_GetArrayItem(jget(doc, "items"), 0);
			got = by_id(jstr(item, "symptom"));
			expect(&t, got != NULL && (got == want || (text_of(got, lang) != NULL
				&& strcmp(text_of(got, lang), text_of(want, lang)) == 0)),
				"got %s (%s)", got != NULL ? got->id : "no symptom",
				jstr(item, "why"));
			expect(&t, got == NULL || strcmp(jstr(item, "kind"),
				oojwt_diag_kind_name(want->kind)) == 0, "kind %s", jstr(item, "kind"));
			expect(&t, got == NULL || strcmp(jstr(jget(jget(doc, "verdict"), "params"),
				"symptom"), got->id) == 0 || want->kind == OOJWT_DIAG_DS_LOG,
				"the verdict does not name the symptom");
			expect(&t, strstr(jstr(jget(doc, "verdict"), "fix"), "Paste") != NULL
				|| want->kind == OOJWT_DIAG_DS_LOG,
				"the verdict does not say what to paste: %s",
				jstr(jget(doc, "verdict"), "fix"));
			cJSON_Delete(doc);
			test_end(&t);
		}
	}
}

static void
recognise(const cJSON *list)
{
	const cJSON *v;

	for (v = list->child; v != NULL; v = v->next) {
		const cJSON *want = jget(v, "symptom");
		const cJSON *item;
		cJSON *doc = diagnose_one(jstr(v, "text"));
		test t;
		test_begin(&t, "symptoms: %s", jstr(v, "name"));
		item = cJSON_GetArrayItem(jget(doc, "items"), 0);
		expect(&t, cJSON_IsNull(want) ? cJSON_IsNull(jget(item, "symptom"))
			: strcmp(jstr(item, "symptom"), want->valuestring) == 0,
			"symptom %s, want %s", jstr(item, "symptom"),
			cJSON_IsNull(want) ? "none" : want->valuestring);
		expect(&t, strcmp(jstr(item, "kind"), jstr(v, "kind")) == 0,
			"kind %s, want %s", jstr(item, "kind"), jstr(v, "kind"));
		cJSON_Delete(doc);
		test_end(&t);
	}
}

/* oojwt_symptoms_json: kit.symptoms()'s shape, the same entries. */
static void
json_shape(void)
{
	test t;
	size_t len = 0, i = 0;
	char *rep = oojwt_symptoms_json(&len);
	cJSON *doc = rep != NULL ? cJSON_ParseWithLength(rep, len) : NULL;
	const cJSON *e;

	test_begin(&t, "symptoms: oojwt_symptoms_json has kit.symptoms()'s shape");
	expect(&t, cJSON_IsArray(doc) && (size_t)cJSON_GetArraySize(doc)
		== oojwt_symptom_count(), "not an array of every symptom");
	for (e = doc != NULL ? doc->child : NULL; e != NULL; e = e->next, i++) {
		const oojwt_symptom *s = oojwt_symptom_at(i);
		const cJSON *p;
		int members = 0;
		for (p = e->child; p != NULL; p = p->next) {
			members++;
		}
		expect(&t, members == 6 && strcmp(jstr(e, "id"), s->id) == 0
			&& strcmp(jstr(e, "product"), s->product) == 0
			&& strcmp(jstr(jget(e, "texts"), "en"), s->en) == 0
			&& strcmp(jstr(jget(e, "sources"), "en"), s->en_source) == 0
			&& strcmp(jstr(e, "means"), s->means) == 0
			&& cJSON_GetArraySize(jget(e, "paste")) == (int)s->n_paste,
			"entry %lu (%s) differs from the table", (unsigned long)i, s->id);
		expect(&t, s->zh == NULL ? cJSON_IsNull(jget(jget(e, "texts"), "zh-CN"))
			&& cJSON_IsNull(jget(jget(e, "sources"), "zh-CN"))
			: strcmp(jstr(jget(e, "texts"), "zh-CN"), s->zh) == 0,
			"%s: zh-CN differs", s->id);
		for (p = jget(e, "paste")->child; p != NULL; p = p->next) {
			expect(&t, jstr(p, "what")[0] != 0 && jstr(p, "where")[0] != 0
				&& cJSON_GetArraySize(p) == 2, "%s: paste entry shape", s->id);
		}
	}
	cJSON_Delete(doc);
	free(rep);
	test_end(&t);
}

void
suite_symptoms(const char *ours, const char *shared)
{
	cJSON *doc = load_ours(ours, "symptoms.json");

	(void)shared;
	if (doc == NULL) {
		return;
	}
	table(jlist(doc, "symptoms"));
	seen(jlist(doc, "symptoms"));
	recognise(jlist(doc, "recognise"));
	cJSON_Delete(doc);
	json_shape();
}
