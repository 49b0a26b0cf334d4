/*
 * The tokens of the editor page's methods (src/ds/token_kind.c) on the
 * scenarios of tests/vectors/browser_tokens.json, the file the Node test
 * runs through the wasm module: the kind guessed from the payload (with
 * its confidence and candidates), the kind judged, and Document Server's
 * answer on the kind's channel (DocService canvasservice.js
 * commandImgurls, downloadAs, downloadFile; DocsCoServer.js auth). Tokens
 * are signed here with oojwt_sign over cJSON's text of the payload.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"


/* Expected null (absent or JSON null) is 0 here. */
static int
jnum(const cJSON *o, const char *name)
{
	const cJSON *v = jget(o, name);

	return cJSON_IsNumber(v) ? (int)v->valuedouble : 0;
}

/* The candidates of a guess, best first, as the JSON report lists them. */
static void
candidates(char *out, size_t cap, const oojwt_kind_guess *g)
{
	size_t used = 0;
	int k;

	out[0] = 0;
	if (g->kind >= 0 && (g->candidates & (1u << g->kind)) != 0) {
		used += (size_t)snprintf(out, cap, "%s", oojwt_browser_kind_name(g->kind));
	}
	for (k = 0; k < OOJWT_BROWSER_KINDS && used < cap; k++) {
		if (k != g->kind && (g->candidates & (1u << k)) != 0) {
			used += (size_t)snprintf(out + used, cap - used, "%s%s",
				used > 0 ? "," : "", oojwt_browser_kind_name(k));
		}
	}
}

static void
one_scenario(const cJSON *v)
{
	const cJSON *e = jget(v, "expect"), *f = jget(v, "findings"), *c;
	const char *secret = jget(v, "secret") != NULL ? jstr(v, "secret")
		: "secret";
	oojwt_key key = raw_key("secret", 6);
	oojwt_browser_report r;
	oojwt_browser_opts o;
	char want[300], got[300], *pl, *copy;
	str tok;
	size_t i, n;
	test t;

	memset(&tok, 0, sizeof tok);
	pl = cJSON_PrintUnformatted(jget(v, "payload"));
	test_begin(&t, "browser token %d: %s", jint(v, "id"), jstr(v, "comment"));
	if (!expect(&t, pl != NULL && sign_str(&tok, OOJWT_ALG_HS256, &key, HDR,
		pl) == OOJWT_OK, "signing")) {
		free(pl);
		test_end(&t);
		return;
	}
	if (jint(v, "cutSignature") > 0) {
		tok.len = (size_t)(strrchr(tok.p, '.') - tok.p) + 1
			+ (size_t)jint(v, "cutSignature");
		tok.p[tok.len] = 0;
	}
	memset(&o, 0, sizeof o);
	o.kind = jget(v, "kind") != NULL ? oojwt_browser_kind_parse(jstr(v, "kind"),
		strlen(jstr(v, "kind"))) : -1;
	o.now = 1700000000;
	o.clock_tolerance = 60;
	o.enable_browser = !cJSON_IsFalse(jget(v, "enableBrowser"));
	o.token_required_params = 1;
	o.server_version = jget(v, "serverVersion") != NULL
		? jint(v, "serverVersion") : 0;
	copy = exact_copy(tok.p, tok.len);
	expect(&t, oojwt_browser_inspect(&r, copy, tok.len,
		(const unsigned char *)secret, strlen(secret), &o) == OOJWT_OK, "call");
	if (jget(e, "guess") != NULL) {
		const char *g = oojwt_browser_kind_name(r.guess.kind);
		expect(&t, cJSON_IsNull(jget(e, "guess")) ? g == NULL : g != NULL
			&& strcmp(g, jstr(e, "guess")) == 0, "guess %s", g ? g : "null");
	}
	if (jget(e, "confidence") != NULL) {
		expect(&t, strcmp(oojwt_kind_confidence_name(r.guess.confidence),
			jstr(e, "confidence")) == 0, "confidence %s",
			oojwt_kind_confidence_name(r.guess.confidence));
	}
	if (jget(e, "candidates") != NULL) {
		want[0] = 0;
		cJSON_ArrayForEach(c, jget(e, "candidates")) {
			size_t used = strlen(want);
			snprintf(want + used, sizeof want - used, "%s%s", used > 0 ? ","
				: "", c->valuestring);
		}
		candidates(got, sizeof got, &r.guess);
		expect(&t, strcmp(want, got) == 0, "candidates %s, want %s", got, want);
	}
	expect(&t, strcmp(oojwt_browser_kind_name(r.kind), jstr(e, "kind")) == 0,
		"kind %s", oojwt_browser_kind_name(r.kind));
	expect(&t, r.chosen == cJSON_IsTrue(jget(e, "chosen")), "chosen %d",
		r.chosen);
	expect(&t, r.ok == cJSON_IsTrue(jget(e, "ok")), "ok %d (%s)", r.ok,
		r.message);
	if (jget(e, "checked") != NULL) {
		expect(&t, r.checked == cJSON_IsTrue(jget(e, "checked")), "checked");
	}
	expect(&t, strcmp(oojwt_channel_name(r.channel), jstr(e, "channel")) == 0,
		"channel %s", oojwt_channel_name(r.channel));
	if (jget(e, "closeCode") != NULL) {
		expect(&t, r.close_code == jnum(e, "closeCode"), "close %d",
			r.close_code);
	}
	if (jget(e, "editorError") != NULL) {
		expect(&t, r.editor_error == jnum(e, "editorError"), "editor %d",
			r.editor_error);
	}
	if (jget(e, "serverError") != NULL) {
		expect(&t, r.server_error == jnum(e, "serverError"), "server %d",
			r.server_error);
	}
	if (jget(e, "httpStatus") != NULL) {
		expect(&t, r.http_status == jnum(e, "httpStatus"), "http %d",
			r.http_status);
	}
	n = (size_t)cJSON_GetArraySize(f);
	got[0] = 0;
	for (i = 0; i < r.n_findings; i++) {
		size_t used = strlen(got);
		snprintf(got + used, sizeof got - used, "%s%s", i > 0 ? "," : "",
			cname(r.findings[i].code));
	}
	want[0] = 0;
	cJSON_ArrayForEach(c, f) {
		size_t used = strlen(want);
		snprintf(want + used, sizeof want - used, "%s%s", used > 0 ? "," : "",
			c->valuestring);
	}
	expect(&t, r.n_findings == n && strcmp(got, want) == 0,
		"findings %s, want %s", got, want);
	oojwt_browser_report_free(&r);
	oojwt_browser_report_free(&r);
	free(copy);
	free(pl);
	str_free(&tok);
	test_end(&t);
}

/* Names, parsing and the contract's edges. */
static void
contracts(void)
{
	oojwt_kind_guess g;
	oojwt_browser_report r;
	oojwt_browser_opts o;
	int k;
	test t;

	test_begin(&t, "browser token kinds: names round-trip, setReferenceSource "
		"is setReferenceData");
	for (k = 0; k < OOJWT_BROWSER_KINDS; k++) {
		const char *name = oojwt_browser_kind_name(k);
		expect(&t, name != NULL && oojwt_browser_kind_parse(name, strlen(name))
			== k && oojwt_browser_kind_label(k) != NULL
			&& oojwt_browser_kind_reads(k) != NULL
			&& oojwt_browser_kind_channel(k) >= 0, "kind %d", k);
	}
	expect(&t, oojwt_browser_kind_name(OOJWT_BROWSER_KINDS) == NULL
		&& oojwt_browser_kind_name(-1) == NULL, "out of range");
	expect(&t, oojwt_browser_kind_parse("setReferenceSource", 18)
		== OOJWT_BROWSER_REFERENCE && oojwt_browser_kind_parse("insertimage",
		11) == -1 && oojwt_browser_kind_parse(NULL, 0) == -1, "parse");
	test_end(&t);

	test_begin(&t, "browser token kinds: a payload as JSON text, a token, and "
		"text that is neither");
	expect(&t, oojwt_browser_kind_guess(&g, " {\"images\":[]}", 14) == OOJWT_OK
		&& g.kind == OOJWT_BROWSER_IMAGE && g.confidence == OOJWT_KIND_CERTAIN,
		"payload text");
	expect(&t, oojwt_browser_kind_guess(&g, "{\"images\":", 10) == OOJWT_OK
		&& g.kind == -1 && g.confidence == OOJWT_KIND_UNKNOWN
		&& g.candidates == 0, "broken JSON");
	expect(&t, oojwt_browser_kind_guess(&g, "secret", 6) == OOJWT_OK
		&& g.kind == -1 && g.candidates == 0, "not a token");
	expect(&t, oojwt_browser_kind_guess(NULL, "x", 1) == OOJWT_ERR_BAD_ARGUMENT
		&& oojwt_browser_kind_guess(&g, NULL, 1) == OOJWT_ERR_BAD_ARGUMENT,
		"bad arguments");
	memset(&o, 0, sizeof o);
	o.kind = OOJWT_BROWSER_KINDS;
	expect(&t, oojwt_browser_inspect(&r, "a.b.c", 5, NULL, 0, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "kind out of range");
	test_end(&t);
}

void
suite_browser_tokens(const char *ours, const char *shared)
{
	(void)shared;
	for_each_test(ours, "browser_tokens.json", one_scenario);
	contracts();
}
