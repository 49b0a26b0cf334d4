/*
 * Requests and callbacks (oojwt_request_inspect) on the scenarios of
 * tests/vectors/onlyoffice_requests.json, the file the Node test runs
 * through the wasm module. Tokens are signed here with oojwt_sign over
 * cJSON's text of the payload (other bytes than jsonwebtoken's, the same
 * claims); the server configuration goes through
 * oojwt_server_config_read() and oojwt_request_opts_from_config().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

#define REQ_NOW 1700000000.0
#define MAX_TOKENS 4

typedef struct {
	char name[8];
	str text;
} named_token;

/* "<<PAD:n>>" strings become n 'x' characters (any depth). */
static void
pad(cJSON *v)
{
	cJSON *c;

	cJSON_ArrayForEach(c, v) {
		int n;
		if (cJSON_IsString(c) && sscanf(c->valuestring, "<<PAD:%d>>", &n) == 1
			&& n > 0)
		{
			char *s = (char *)xmalloc((size_t)n + 1);
			memset(s, 'x', (size_t)n);
			s[n] = 0;
			cJSON_SetValuestring(c, s);
			free(s);
		} else {
			pad(c);
		}
	}
}

static int
make_tokens(test *t, const cJSON *spec, double now, named_token *out,
	size_t *n)
{
	const cJSON *tk;

	*n = 0;
	cJSON_ArrayForEach(tk, spec) {
		cJSON *p = cJSON_Duplicate(jget(tk, "payload"), 1);
		const char *secret = jstr(tk, "secret");
		const char *algname = jstr(tk, "alg");
		unsigned alg = algname[0] != 0 ? oojwt_alg_from_name(algname,
			strlen(algname)) : OOJWT_ALG_HS256;
		char hdr[64], *pl;
		oojwt_key key = raw_key(secret, strlen(secret));
		named_token *nt = &out[*n];
		if (*n >= MAX_TOKENS || p == NULL) {
			cJSON_Delete(p);
			return expect(t, 0, "too many tokens or no payload");
		}
		pad(p);
		if (jget(tk, "iatIn") != NULL) {
			cJSON_AddNumberToObject(p, "iat", now + jget(tk, "iatIn")->valuedouble);
		}
		if (jget(tk, "expIn") != NULL) {
			cJSON_AddNumberToObject(p, "exp", now + jget(tk, "expIn")->valuedouble);
		}
		pl = cJSON_PrintUnformatted(p);
		cJSON_Delete(p);
		snprintf(hdr, sizeof hdr, "{\"alg\":\"%s\",\"typ\":\"JWT\"}",
			oojwt_alg_name(alg));
		memset(nt, 0, sizeof *nt);
		snprintf(nt->name, sizeof nt->name, "%s", tk->string);
		if (!expect(t, pl != NULL && sign_str(&nt->text, alg, &key, hdr, pl)
			== OOJWT_OK, "cannot sign token %s", tk->string))
		{
			free(pl);
			str_free(&nt->text);
			return 0;
		}
		free(pl);
		(*n)++;
	}
	return 1;
}

/* `s` with every "{{Tn}}" replaced by its token. */
static void
fill(str *out, const char *s, const named_token *tok, size_t n)
{
	while (*s != 0) {
		size_t k;
		int done = 0;
		for (k = 0; k < n && !done; k++) {
			char mark[16];
			snprintf(mark, sizeof mark, "{{%s}}", tok[k].name);
			if (strncmp(s, mark, strlen(mark)) == 0) {
				str_put(out, tok[k].text.p, tok[k].text.len);
				s += strlen(mark);
				done = 1;
			}
		}
		if (!done) {
			str_put(out, s, 1);
			s++;
		}
	}
}

static void
fill_tree(cJSON *v, const named_token *tok, size_t n)
{
	cJSON *c;

	cJSON_ArrayForEach(c, v) {
		if (cJSON_IsString(c)) {
			str s;
			memset(&s, 0, sizeof s);
			fill(&s, c->valuestring, tok, n);
			str_put(&s, "", 1);
			cJSON_SetValuestring(c, s.p);
			str_free(&s);
		} else {
			fill_tree(c, tok, n);
		}
	}
}

/* Every member of `want` is in `got` with the same value (objects: the
 * same test, recursively; anything else: equal). */
static int
subset(const cJSON *got, const cJSON *want)
{
	const cJSON *w;

	if (!cJSON_IsObject(want)) {
		return cJSON_Compare(got, want, 1);
	}
	if (!cJSON_IsObject(got)) {
		return 0;
	}
	cJSON_ArrayForEach(w, want) {
		if (!subset(cJSON_GetObjectItemCaseSensitive(got, w->string), w)) {
			return 0;
		}
	}
	return 1;
}

static void
check_tokens(test *t, const oojwt_request_report *r, const cJSON *found)
{
	const cJSON *f;
	size_t i = 0;

	expect(t, (size_t)cJSON_GetArraySize(found) == r->n_tokens, "%zu tokens "
		"found, expected %d", r->n_tokens, cJSON_GetArraySize(found));
	cJSON_ArrayForEach(f, found) {
		const oojwt_request_token *k = &r->tokens[i];
		const cJSON *m;
		if (i >= r->n_tokens) {
			break;
		}
		cJSON_ArrayForEach(m, f) {
			const char *name = m->string;
			int ok = 1;
			if (strcmp(name, "place") == 0) {
				ok = strcmp(oojwt_token_place_name(k->place), m->valuestring) == 0;
			} else if (strcmp(name, "header") == 0) {
				ok = strcmp(k->header_name, m->valuestring) == 0;
			} else if (strcmp(name, "counts") == 0) {
				ok = k->counts == cJSON_IsTrue(m);
			} else if (strcmp(name, "valid") == 0) {
				ok = (k->has_ds && k->ds.valid) == cJSON_IsTrue(m);
			} else if (strcmp(name, "token") == 0) {
				ok = k->text == NULL;
			} else if (strcmp(name, "serverMessage") == 0) {
				ok = k->has_ds ? k->ds.server_message_len == strlen(m->valuestring)
					&& memcmp(k->ds.server_message, m->valuestring,
					k->ds.server_message_len) == 0
					: strcmp(m->valuestring, "jwt must be a string") == 0;
			} else if (strcmp(name, "serverError") == 0) {
				ok = k->has_ds && strcmp(oojwt_ds_error_name(k->ds.error_name),
					m->valuestring) == 0;
			} else if (strcmp(name, "code") == 0) {
				ok = k->has_ds && strcmp(oojwt_code_name(k->ds.code),
					m->valuestring) == 0;
			}
			expect(t, ok, "tokens[%zu].%s differs", i, name);
		}
		i++;
	}
}

static void
check_verdict(test *t, const oojwt_request_report *r, const cJSON *v)
{
	const cJSON *e = jget(v, "expect"), *m, *fl;
	char names[400];
	size_t i;

	cJSON_ArrayForEach(m, e) {
		const char *name = m->string;
		int ok = 1;
		if (strcmp(name, "ok") == 0) {
			ok = r->ok == cJSON_IsTrue(m);
		} else if (strcmp(name, "httpStatus") == 0) {
			ok = r->http_status == m->valueint;
		} else if (strcmp(name, "error") == 0) {
			ok = cJSON_IsNull(m) ? !r->has_error : r->has_error
				&& r->error == m->valueint;
		} else if (strcmp(name, "response") == 0) {
			char *want = cJSON_IsNull(m) ? NULL : cJSON_PrintUnformatted(m);
			ok = want == NULL ? r->response[0] == 0 : strcmp(want, r->response) == 0;
			free(want);
		} else if (strcmp(name, "tokenUsed") == 0) {
			ok = cJSON_IsNull(m) ? r->used < 0 : r->used >= 0
				&& strcmp(oojwt_token_place_name(r->tokens[r->used].place),
				m->valuestring) == 0;
		}
		expect(t, ok, "verdict.%s differs (%s)", name, r->message);
	}
	names[0] = 0;
	for (i = 0; i < r->n_findings; i++) {
		size_t used = strlen(names);
		snprintf(names + used, sizeof names - used, "%s%s", i > 0 ? "," : "",
			oojwt_code_name(r->findings[i].code));
	}
	fl = jget(v, "findings");
	if (cJSON_IsArray(fl)) {
		char want[400];
		want[0] = 0;
		cJSON_ArrayForEach(m, fl) {
			size_t used = strlen(want);
			snprintf(want + used, sizeof want - used, "%s%s", used > 0 ? "," : "",
				m->valuestring);
		}
		expect(t, strcmp(names, want) == 0, "findings [%s], expected [%s]",
			names, want);
	}
	if (jget(v, "messageHas") != NULL) {
		expect(t, strstr(r->message, jstr(v, "messageHas")) != NULL,
			"message: %s", r->message);
	}
}

static void
one_scenario(const cJSON *v)
{
	named_token tok[MAX_TOKENS];
	oojwt_request_report *r = (oojwt_request_report *)xmalloc(sizeof *r);
	oojwt_request_opts o;
	oojwt_server_config c;
	const cJSON *req = jget(v, "request"), *eff;
	const char *secret = jstr(v, "secret");
	size_t n = 0, i, secret_len;
	int has_config = jget(v, "serverConfig") != NULL, which = 0, code;
	str text;
	test t;

	test_begin(&t, "request #%d (%s): %s", jint(v, "id"), jstr(v, "kind"),
		jstr(v, "comment"));
	memset(&text, 0, sizeof text);
	memset(&o, 0, sizeof o);
	for (i = 0; i < 4 && strcmp(oojwt_request_kind_name((int)i),
		jstr(v, "kind")) != 0; i++) {
	}
	o.kind = (int)i;
	o.now = REQ_NOW;
	o.clock_tolerance = o.kind == OOJWT_REQUEST_CALLBACK ? 0 : 60;
	o.enabled = 1;
	o.token_required_params = 1;
	if (!make_tokens(&t, jget(v, "tokens"), REQ_NOW, tok, &n)) {
		goto done;
	}
	if (cJSON_IsString(req)) {
		o.form = OOJWT_REQUEST_RAW;
		fill(&text, req->valuestring, tok, n);
	} else {
		cJSON *copy = cJSON_Duplicate(req, 1);
		char *s;
		fill_tree(copy, tok, n);
		s = cJSON_PrintUnformatted(copy);
		cJSON_Delete(copy);
		o.form = OOJWT_REQUEST_PARTS;
		str_puts(&text, s);
		free(s);
	}
	if (has_config) {
		const char *cfg = jstr(v, "serverConfig");
		char *exact = exact_copy(cfg, strlen(cfg));
		code = oojwt_server_config_read(&c, exact, strlen(cfg), NULL, 0);
		free(exact);
		if (!expect(&t, code == OOJWT_OK, "server config: %s", cname(code))) {
			goto done;
		}
		oojwt_request_opts_from_config(&o, &c, o.kind, &which);
		if (cJSON_IsNull(jget(v, "secret"))) {
			secret = c.secrets[which].value != NULL ? c.secrets[which].value : "";
		} else {
			o.no_secret = 0;    /* a secret given wins, as in inspectRequest */
		}
		expect(&t, o.no_secret == cJSON_IsTrue(jget(v, "noSecret")),
			"no_secret %d", o.no_secret);
	}
	secret_len = strlen(secret);
	{
		char *exact = exact_copy(text.p, text.len);
		char *key = exact_copy(secret, secret_len);
		code = oojwt_request_inspect(r, exact, text.len,
			(const unsigned char *)key, secret_len, &o);
		free(exact);
		free(key);
	}
	if (expect(&t, code == OOJWT_OK, "returns %s", cname(code))) {
		check_verdict(&t, r, v);
		if (jget(v, "tokensFound") != NULL) {
			check_tokens(&t, r, jget(v, "tokensFound"));
		}
		eff = jget(v, "effective");
		if (cJSON_IsNull(eff)) {
			expect(&t, r->effective == NULL, "an effective body: %s", r->effective);
		} else if (eff != NULL) {
			cJSON *got = r->effective != NULL ? cJSON_ParseWithLength(
				r->effective, r->effective_len) : NULL;
			expect(&t, subset(got, eff), "effective body %s",
				r->effective != NULL ? r->effective : "(none)");
			cJSON_Delete(got);
		}
		oojwt_request_report_free(r);
		oojwt_request_report_free(r);   /* safe twice */
	}
	if (has_config) {
		oojwt_server_config_free(&c);
	}
done:
	for (i = 0; i < n; i++) {
		str_free(&tok[i].text);
	}
	str_free(&text);
	free(r);
	test_end(&t);
}

/* A few contracts beyond the scenarios. */
static void
contracts(void)
{
	oojwt_request_report *r = (oojwt_request_report *)xmalloc(sizeof *r);
	oojwt_request_opts o;
	char q[] = "/ConvertService.ashx?a=1&b=x%20y+z&a=2&c&d=%zz#frag";
	char *json;
	size_t n;
	test t;

	test_begin(&t, "request: arguments refused");
	memset(&o, 0, sizeof o);
	o.kind = 5;
	expect(&t, oojwt_request_inspect(r, "", 0, NULL, 0, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "kind 5");
	o.kind = OOJWT_REQUEST_DOWNLOAD;
	o.connector = -1;
	expect(&t, oojwt_request_inspect(r, "", 0, NULL, 0, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "download: connector -1");
	o.kind = OOJWT_REQUEST_COMMAND;
	o.connector = (int)oojwt_connector_count() + 1;
	expect(&t, oojwt_request_inspect(r, "", 0, NULL, 0, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "command: connector out of range");
	o.connector = 0;
	o.kind = OOJWT_REQUEST_COMMAND;
	o.clock_tolerance = -1;
	expect(&t, oojwt_request_inspect(r, "", 0, NULL, 0, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "negative tolerance");
	o.clock_tolerance = 0;
	o.form = OOJWT_REQUEST_PARTS;
	expect(&t, oojwt_request_inspect(r, "[1]", 3, NULL, 0, &o)
		== OOJWT_ERR_BAD_ARGUMENT && strstr(r->message, "object") != NULL,
		"parts must be an object: %s", r->message);
	expect(&t, oojwt_request_inspect(NULL, "", 0, NULL, 0, &o)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL report");
	o.form = OOJWT_REQUEST_RAW;
	o.enabled = 1;
	expect(&t, oojwt_request_inspect(r, "", 0, NULL, 0, &o) == OOJWT_OK
		&& !r->ok && r->error == 6 && r->n_tokens == 0, "empty request");
	oojwt_request_report_free(r);
	expect(&t, oojwt_request_kind_name(5) == NULL
		&& strcmp(oojwt_request_kind_name(OOJWT_REQUEST_DOWNLOAD),
		"download") == 0
		&& oojwt_token_place_name(-1) == NULL
		&& strcmp(oojwt_token_place_name(OOJWT_PLACE_OTHER_HEADER),
		"other-header") == 0, "names");
	test_end(&t);

	test_begin(&t, "request: req.query as Express gives it");
	json = oojwt_http_query_json(q, strlen(q), &n);
	expect(&t, json != NULL && strcmp(json, "{\"a\":[\"1\",\"2\"],\"b\":\"x y z\","
		"\"c\":\"\",\"d\":\"%zz\"}") == 0, "query %s", json);
	free(json);
	test_end(&t);
	free(r);
}

/* `s` in upper case (ASCII), every 'k' made U+212A KELVIN SIGN when
 * `kelvin`: both lower back to `s` (String.prototype.toLowerCase). */
static void
variant(str *out, const char *s, int kelvin)
{
	for (; *s != 0; s++) {
		if (kelvin && *s == 'k') {
			str_puts(out, "\xE2\x84\xAA");
		} else {
			char ch = *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A') : *s;
			str_put(out, &ch, 1);
		}
	}
}

/* oojwt_ds_format_family against tests/vectors/ds_formats.json, the case
 * labels of formatchecker.js getFormatFromString by family. */
static void
formats(const char *ours)
{
	cJSON *v = load_ours(ours, "ds_formats.json");
	const cJSON *fam, *name;
	size_t known = 0;
	test t;

	test_begin(&t, "formatchecker.js getFormatFromString: every name, any case");
	if (!expect(&t, v != NULL, "ds_formats.json")) {
		test_end(&t);
		return;
	}
	cJSON_ArrayForEach(fam, jget(v, "families")) {
		cJSON_ArrayForEach(name, fam) {
			const char *n = name->valuestring;
			const char *got = oojwt_ds_format_family(n, strlen(n));
			int kelvin;
			expect(&t, got != NULL && strcmp(got, fam->string) == 0,
				"%s: %s, expected %s", n, got != NULL ? got : "unknown",
				fam->string);
			for (kelvin = 0; kelvin < 2; kelvin++) {
				str u;
				memset(&u, 0, sizeof u);
				variant(&u, n, kelvin);
				got = oojwt_ds_format_family(u.p, u.len);
				expect(&t, got != NULL && strcmp(got, fam->string) == 0,
					"%.*s: %s", (int)u.len, u.p, got != NULL ? got : "unknown");
				str_free(&u);
			}
			known++;
		}
	}
	expect(&t, known > 80, "%zu names", known);
	cJSON_ArrayForEach(name, jget(v, "unknown")) {
		const char *n = name->valuestring;
		const char *got = oojwt_ds_format_family(n, strlen(n));
		expect(&t, got == NULL, "\"%s\" is %s", n, got);
	}
	expect(&t, oojwt_ds_format_family(NULL, 0) == NULL
		&& oojwt_ds_format_family("pdf", 2) == NULL
		&& oojwt_ds_format_family("pdfx", 3) != NULL, "lengths");
	test_end(&t);
	cJSON_Delete(v);
}

void
suite_requests(const char *ours, const char *shared)
{
	(void)shared;
	for_each_test(ours, "onlyoffice_requests.json", one_scenario);
	formats(ours);
	contracts();
}
