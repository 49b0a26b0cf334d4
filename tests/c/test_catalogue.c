/*
 * The hostile-input catalogue (every .json file in tests/hostile/, described in
 * tests/hostile/README.md), run natively.
 *
 * Every file in the catalogue directory is read; its "entry" names the
 * entry point, and each of its "entries" is one test: the input is
 * generated from its spec, handed to the same C function the wasm
 * module exports for that entry point (src/<layer>/wasm_*.c, linked into this
 * binary and called with the arguments web/lib/oojwt.mjs passes), and the
 * code read from the JSON report must be the entry's "code".
 * tests/hostile_catalogue.test.mjs runs the same files through the JS
 * API of the wasm module; both read the code from the report the same
 * way.
 *
 * To add an entry point: a row in `entry_points` below and one in the
 * Node runner's table; to add inputs: a file or entries, no code.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

/* The wasm exports (src/core/wasm.c, wasm_key.c, wasm_fast.c, wasm_extract.c), compiled
 * natively. */
char *oojwt_wasm_decode(const char *token, size_t len, size_t *out_len);
char *oojwt_wasm_verify_key(const char *token, size_t len,
	const unsigned char *key, size_t key_len, int kind, unsigned algs,
	double now, double tolerance, size_t *out_len);
char *oojwt_wasm_sign_fast(unsigned alg, const unsigned char *key,
	size_t key_len, int kind, const char *header, size_t header_len,
	const char *payload, size_t payload_len, const unsigned char *rnd,
	size_t rnd_len, uint32_t *out);
char *oojwt_wasm_key_info(const unsigned char *key, size_t key_len, int kind,
	size_t *out_len);
char *oojwt_wasm_extract(const char *text, size_t len, size_t *out_len);

/* The ONLYOFFICE exports (src/ds/wasm_ds.c) are these core report
 * builders (inner.h) under another name; they are called directly. */

/* Key kinds of web/lib/oojwt.mjs (keyBytes). */
#define KIND_BYTES 0
#define KIND_OCT_JWK 1
#define KIND_ANY 2

/* A fixed header and payload around the "b64url" and "json" inputs. */
#define WRAP_HEADER "eyJhbGciOiJIUzI1NiJ9"
#define WRAP_PAYLOAD "e30"
#define WRAP_SIG "AAAA"

/* ---- input generators (the same specs as the Node runner) ------------ */

static int gen(str *out, const cJSON *spec, char *why, size_t cap);

static int
gen_fail(char *why, size_t cap, const char *what)
{
	snprintf(why, cap, "bad input spec: %s", what);
	return 0;
}

/* `n` copies of the `len` bytes at `p`, by doubling in a block of
 * their total size. */
static void
put_repeat(str *out, const char *p, size_t len, size_t n)
{
	size_t have, total = len * n;
	char *b;

	if (total == 0) {
		return;
	}
	b = (char *)xmalloc(total);
	memcpy(b, p, len);
	for (have = len; have < total; have *= 2) {
		memcpy(b + have, b, have < total - have ? have : total - have);
	}
	str_put(out, b, total);
	free(b);
}

static int
gen_jwt(str *out, const cJSON *o, char *why, size_t cap)
{
	str h = { 0 }, p = { 0 }, s = { 0 }, input = { 0 };
	const char *alg = jstr(o, "alg");
	unsigned bit = alg[0] != 0 ? oojwt_alg_from_name(alg, strlen(alg))
		: OOJWT_ALG_HS256;
	unsigned char mac[64];
	size_t n;
	int ok;

	ok = gen(&h, jget(o, "header"), why, cap) && gen(&p, jget(o, "payload"), why, cap)
		&& gen(&s, jget(o, "secret"), why, cap);
	if (ok && (bit & OOJWT_ALG_HMAC) == 0) {
		ok = gen_fail(why, cap, "jwt.alg must be HS256, HS384 or HS512");
	}
	if (ok) {
		str_b64(&input, h.p, h.len);
		str_puts(&input, ".");
		str_b64(&input, p.p, p.len);
		n = oojwt_hmac(bit, (const unsigned char *)s.p, s.len, input.p,
			input.len, mac);
		str_put(out, input.p, input.len);
		str_puts(out, ".");
		str_b64(out, mac, n);
	}
	str_free(&h);
	str_free(&p);
	str_free(&s);
	str_free(&input);
	return ok;
}

/* Append the bytes `spec` describes; 0 (with `why`) when it is broken. */
static int
gen(str *out, const cJSON *spec, char *why, size_t cap)
{
	const cJSON *v;

	str_put(out, "", 0);
	if (cJSON_IsString(spec)) {
		str_puts(out, spec->valuestring);
		return 1;
	}
	if (!cJSON_IsObject(spec)) {
		return gen_fail(why, cap, "not a string or an object");
	}
	if ((v = jget(spec, "text")) != NULL) {
		return cJSON_IsString(v) ? (str_puts(out, v->valuestring), 1)
			: gen_fail(why, cap, "text");
	}
	if ((v = jget(spec, "hex")) != NULL) {
		size_t n;
		unsigned char *b = cJSON_IsString(v) ? from_hex(v->valuestring, &n) : NULL;
		if (b == NULL) {
			return gen_fail(why, cap, "hex");
		}
		str_put(out, b, n);
		free(b);
		return 1;
	}
	if ((v = jget(spec, "base64")) != NULL) {
		size_t n = cJSON_IsString(v) ? strlen(v->valuestring) : 0;
		unsigned char *b = (unsigned char *)xmalloc(n);
		int ok = cJSON_IsString(v) && oojwt_b64_decode_pem(b, &n,
			v->valuestring, strlen(v->valuestring)) == OOJWT_OK;
		if (ok) {
			str_put(out, b, n);
		}
		free(b);
		return ok ? 1 : gen_fail(why, cap, "base64");
	}
	if ((v = jget(spec, "repeat")) != NULL) {
		str unit = { 0 };
		const cJSON *times = jget(spec, "times");
		int ok = cJSON_IsNumber(times) && times->valuedouble >= 0
			&& gen(&unit, v, why, cap);
		if (ok) {
			put_repeat(out, unit.p, unit.len, (size_t)times->valuedouble);
		}
		str_free(&unit);
		return ok ? 1 : gen_fail(why, cap, "repeat/times");
	}
	if ((v = jget(spec, "concat")) != NULL) {
		const cJSON *e;
		if (!cJSON_IsArray(v)) {
			return gen_fail(why, cap, "concat");
		}
		cJSON_ArrayForEach(e, v) {
			if (!gen(out, e, why, cap)) {
				return 0;
			}
		}
		return 1;
	}
	if ((v = jget(spec, "b64url")) != NULL) {
		str inner = { 0 };
		int ok = gen(&inner, v, why, cap);
		if (ok) {
			str_b64(out, inner.p, inner.len);
		}
		str_free(&inner);
		return ok;
	}
	if ((v = jget(spec, "members")) != NULL) {
		const char *value = jget(spec, "value") != NULL ? jstr(spec, "value") : "0";
		char name[40];
		size_t i, n;
		if (!cJSON_IsNumber(v) || v->valuedouble < 0) {
			return gen_fail(why, cap, "members");
		}
		n = (size_t)v->valuedouble;
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof name, "%s\"m%zu\":", i > 0 ? "," : "", i);
			str_puts(out, name);
			str_puts(out, value);
		}
		return 1;
	}
	if ((v = jget(spec, "jwt")) != NULL) {
		return cJSON_IsObject(v) ? gen_jwt(out, v, why, cap)
			: gen_fail(why, cap, "jwt");
	}
	return gen_fail(why, cap, "no known generator (text, hex, base64, repeat, "
		"concat, b64url, members, jwt)");
}

/* ---- entry points ------------------------------------------------------ */

/* One call: the input, the entry's options merged over the file's. */
typedef struct {
	const char *in;
	size_t len;
	const unsigned char *key;
	size_t key_len;
	int key_kind;
	const cJSON *opt;     /* entry options, then file defaults */
	const cJSON *dflt;
} call;

/* An option: the entry's, else the file's default. */
static const cJSON *
opt(const call *c, const char *name)
{
	const cJSON *v = jget(c->opt, name);

	return v != NULL ? v : jget(c->dflt, name);
}

static double
opt_num(const call *c, const char *name, double dflt)
{
	const cJSON *v = opt(c, name);

	return cJSON_IsNumber(v) ? v->valuedouble : dflt;
}

/* Mask of the "algorithms" names (required for verify). */
static unsigned
opt_algs(const call *c)
{
	const cJSON *v = opt(c, "algorithms"), *e;
	unsigned mask = 0;

	cJSON_ArrayForEach(e, v) {
		if (cJSON_IsString(e)) {
			mask |= oojwt_alg_from_name(e->valuestring, strlen(e->valuestring));
		}
	}
	return mask;
}

static char *
run_decode(const call *c, size_t *n)
{
	return oojwt_wasm_decode(c->in, c->len, n);
}

/* The input as a segment or a payload inside a fixed token, decoded. */
static char *
run_wrapped(const call *c, size_t *n, int as_json)
{
	str t = { 0 };
	char *rep;

	if (as_json) {
		str_puts(&t, WRAP_HEADER ".");
		str_b64(&t, c->in, c->len);
		str_puts(&t, "." WRAP_SIG);
	} else {
		str_puts(&t, WRAP_HEADER "." WRAP_PAYLOAD ".");
		str_put(&t, c->in, c->len);
	}
	rep = oojwt_wasm_decode(t.p, t.len, n);
	str_free(&t);
	return rep;
}

static char *
run_b64url(const call *c, size_t *n)
{
	return run_wrapped(c, n, 0);
}

static char *
run_json(const call *c, size_t *n)
{
	return run_wrapped(c, n, 1);
}

static char *
run_verify(const call *c, size_t *n)
{
	return oojwt_wasm_verify_key(c->in, c->len, c->key, c->key_len,
		c->key_kind, opt_algs(c), opt_num(c, "now", NOW),
		opt_num(c, "clockTolerance", 0), n);
}

static char *
run_ds_verify(const call *c, size_t *n)
{
	/* kit.verify(token, key, { profile: 'onlyoffice', now }): HS256/384/
	 * 512, DS's tolerance 60, the strict comparison's 0. */
	oojwt_ds_opts o;

	memset(&o, 0, sizeof o);
	o.algorithms = OOJWT_ALG_HMAC;
	o.now = opt_num(c, "now", NOW);
	o.clock_tolerance = 60;
	return oojwt_ds_verify_json(c->in, c->len, c->key, c->key_len, &o, n);
}

static char *
run_sign(const call *c, size_t *n)
{
	static const unsigned char rnd[64];
	const cJSON *a = opt(c, "alg");
	const char *alg = cJSON_IsString(a) ? a->valuestring : "HS256";
	str hdr = { 0 };
	uint32_t out[4];
	char *rep;

	str_puts(&hdr, "{\"alg\":\"");
	str_puts(&hdr, alg);
	str_puts(&hdr, "\",\"typ\":\"JWT\"}");
	rep = oojwt_wasm_sign_fast(oojwt_alg_from_name(alg, strlen(alg)), c->key,
		c->key_len, c->key_kind, hdr.p, hdr.len, c->in, c->len, rnd,
		sizeof rnd, out);
	str_free(&hdr);
	*n = out[1];
	if (rep != NULL && out[0] == 1) {
		/* A bare token (src/core/wasm_fast.c): signed, code "ok". */
		free(rep);
		rep = exact_copy("{\"signed\":true}", 15);
		*n = 15;
	}
	return rep;
}

static char *
run_key_info(const call *c, size_t *n)
{
	return oojwt_wasm_key_info((const unsigned char *)c->in, c->len,
		KIND_BYTES, n);
}

static char *
run_extract(const call *c, size_t *n)
{
	size_t rn;
	char *rep = oojwt_wasm_extract(c->in, c->len, &rn), *out;
	cJSON *r = rep != NULL ? cJSON_ParseWithLength(rep, rn) : NULL;
	const char *tok = jstr(r, "token");

	out = oojwt_wasm_decode(tok, strlen(tok), n);
	cJSON_Delete(r);
	free(rep);
	return out;
}

static char *
run_server_config(const call *c, size_t *n)
{
	const cJSON *d = opt(c, "defaultJsonText");

	return oojwt_server_config_json(c->in, c->len,
		cJSON_IsString(d) ? d->valuestring : "",
		cJSON_IsString(d) ? strlen(d->valuestring) : 0,
		cJSON_IsString(d), n);
}

static char *
run_connector_settings(const call *c, size_t *n)
{
	return oojwt_connector_settings_json(c->in, c->len, "", 0, 0, "", 0, 0,
		-1, n);
}

static char *
run_inspect(const call *c, size_t *n)
{
	/* inspectConfig(text, { secret, now }): no serverConfig, so JWT on,
	 * tokenRequiredParams on, tolerance 60. */
	oojwt_inspect_opts o;

	memset(&o, 0, sizeof o);
	o.now = opt_num(c, "now", NOW);
	o.clock_tolerance = 60;
	o.enable_browser = 1;
	o.token_required_params = 1;
	return oojwt_config_inspect_json(c->in, c->len, c->key, c->key_len, &o,
		n);
}

static char *
run_explain(const call *c, size_t *n)
{
	return oojwt_secret_explain_json(c->in, c->len, c->key, c->key_len, NULL, n);
}

/* ---- the code a report stands for (the same rules in the Node runner) -- */

/* End of the JSON value starting at rep[i] (a valid report): strings
 * skipped with their escapes, brackets counted, no recursion, so a
 * report that echoes a 1,000,000-deep payload is read too. */
static size_t
value_end(const char *rep, size_t n, size_t i)
{
	size_t depth = 0;

	for (; i < n; i++) {
		char c = rep[i];
		if (c == '"') {
			for (i++; i < n && rep[i] != '"'; i++) {
				i += rep[i] == '\\';
			}
			if (depth == 0) {
				return i + 1;
			}
		} else if (c == '[' || c == '{') {
			depth++;
		} else if (c == ']' || c == '}') {
			if (depth == 0) {
				return i;
			}
			if (--depth == 0) {
				return i + 1;
			}
		} else if (depth == 0 && c == ',') {
			return i;
		}
	}
	return n;
}

/*
 * The members of the report's top-level object that decide its code
 * (error, errors, findings, verifies, variant, valid), parsed into a new
 * object; the others (header, payload, effectiveConfig: echoes of the
 * input, which may be deeper than cJSON reads) are skipped unparsed.
 * NULL when the report is not an object.
 */
static cJSON *
report_pick(const char *rep, size_t n)
{
	static const char *const wanted[] = { "error", "errors", "findings",
		"verifies", "variant", "valid" };
	cJSON *out;
	size_t i = 1, k;

	if (n < 2 || rep[0] != '{') {
		return NULL;
	}
	out = cJSON_CreateObject();
	while (i < n && rep[i] == '"') {
		size_t name = i + 1, name_end = value_end(rep, n, i) - 1, v, e;
		if (name_end >= n || rep[name_end + 1] != ':') {
			break;
		}
		v = name_end + 2;
		e = value_end(rep, n, v);
		for (k = 0; k < sizeof wanted / sizeof *wanted; k++) {
			if (strlen(wanted[k]) == name_end - name
				&& memcmp(rep + name, wanted[k], name_end - name) == 0)
			{
				cJSON *val = cJSON_ParseWithLength(rep + v, e - v);
				if (val == NULL) {
					cJSON_Delete(out);
					return NULL;
				}
				cJSON_AddItemToObject(out, wanted[k], val);
			}
		}
		if (e >= n || rep[e] != ',') {
			return e < n && rep[e] == '}' ? out : (cJSON_Delete(out), NULL);
		}
		i = e + 1;
	}
	cJSON_Delete(out);
	return NULL;
}

/* error.code, else the code of the first element of `list`, else NULL. */
static const char *
first_code(const cJSON *r, const char *list)
{
	const cJSON *e = cJSON_GetArrayItem(jget(r, list), 0);

	if (jget(r, "error") != NULL) {
		return jstr(jget(r, "error"), "code");
	}
	return e != NULL ? jstr(e, "code") : NULL;
}

/* errors[0].code, or error.code, or "ok". */
static const char *
code_of_errors(const cJSON *r)
{
	const char *c = first_code(r, "errors");

	return c != NULL ? c : "ok";
}

/* findings[0].code, or error.code, or "ok". */
static const char *
code_of_findings(const cJSON *r)
{
	const char *c = first_code(r, "findings");

	return c != NULL ? c : "ok";
}

/* findings[0].code; else "ok" when the secret verifies as given, the
 * variant that does, or "bad_signature" when none does. */
static const char *
code_of_explain(const cJSON *r)
{
	const char *c = first_code(r, "findings");
	const cJSON *v = jget(r, "variant");

	if (c != NULL) {
		return c;
	}
	if (cJSON_IsTrue(jget(r, "verifies"))) {
		return "ok";
	}
	return cJSON_IsString(v) ? v->valuestring : "bad_signature";
}

/* The bound each report must fit (src/core/report_bound.c), for the
 * entry points whose report is the call's own: the kind, under the
 * function of its layer; 0 for the others. */
static const struct {
	const char *name;
	char *(*run)(const call *c, size_t *n);
	const char *(*code)(const cJSON *r);
	int takes_key;
	size_t (*bound)(int kind, size_t len);
	int kind;
} entry_points[] = {
	{ "decode", run_decode, code_of_errors, 0, oojwt_report_bound, OOJWT_REPORT_TOKEN },
	{ "b64url", run_b64url, code_of_errors, 0, NULL, 0 },
	{ "json", run_json, code_of_errors, 0, NULL, 0 },
	{ "verify", run_verify, code_of_errors, 1, oojwt_report_bound, OOJWT_REPORT_TOKEN },
	{ "verify-onlyoffice", run_ds_verify, code_of_errors, 1, oojwt_ds_report_bound, OOJWT_DS_REPORT_VERIFY },
	{ "sign", run_sign, code_of_errors, 1, NULL, 0 },
	{ "keyInfo", run_key_info, code_of_errors, 0, NULL, 0 },
	{ "extract", run_extract, code_of_errors, 0, NULL, 0 },
	{ "readServerConfig", run_server_config, code_of_findings, 0, oojwt_ds_report_bound, OOJWT_DS_REPORT_SERVER_CONFIG },
	{ "readConnectorSettings", run_connector_settings, code_of_findings, 0, NULL, 0 },
	{ "inspectConfig", run_inspect, code_of_findings, 1, oojwt_ds_report_bound, OOJWT_DS_REPORT_CONFIG_INSPECT },
	{ "explainSecret", run_explain, code_of_explain, 1, oojwt_ds_report_bound, OOJWT_DS_REPORT_SECRET_EXPLAIN }
};

/* ---- the runner -------------------------------------------------------- */

/* The key kind web/lib/oojwt.mjs gives a key: bytes, or a JWK object
 * ("keyJwk" of the entry, else of the file's defaults). */
static int
key_kind(const cJSON *e, const cJSON *dflt, const str *key)
{
	const cJSON *j = jget(e, "keyJwk") != NULL ? jget(e, "keyJwk")
		: jget(dflt, "keyJwk");
	cJSON *k;
	int kind;

	if (!cJSON_IsTrue(j)) {
		return KIND_BYTES;
	}
	k = cJSON_ParseWithLength(key->p, key->len);
	kind = cJSON_IsString(jget(k, "kty")) && strcmp(jstr(k, "kty"), "oct") == 0
		? KIND_OCT_JWK : KIND_ANY;
	cJSON_Delete(k);
	return kind;
}

static void
one_entry(const char *file, const cJSON *doc, size_t ep, const cJSON *e)
{
	const cJSON *dflt = jget(doc, "defaults");
	const cJSON *kspec = jget(e, "key") != NULL ? jget(e, "key") : jget(dflt, "key");
	const char *want = jstr(e, "code");
	str in = { 0 }, key = { 0 };
	char why[200] = "";
	char *rep = NULL;
	size_t n = 0;
	cJSON *r = NULL;
	call c;
	test t;

	test_begin(&t, "hostile %s: %s", file, jstr(e, "name"));
	if (!expect(&t, jstr(e, "name")[0] != 0 && want[0] != 0
		&& jstr(e, "why")[0] != 0, "an entry needs name, code and why"))
	{
		goto done;
	}
	if (!expect(&t, gen(&in, jget(e, "input"), why, sizeof why), "input: %s", why)
		|| (entry_points[ep].takes_key && !expect(&t, kspec != NULL
			&& gen(&key, kspec, why, sizeof why), "key: %s", why[0] ? why : "missing")))
	{
		goto done;
	}
	memset(&c, 0, sizeof c);
	c.in = exact_copy(in.p, in.len);
	c.len = in.len;
	c.key = (const unsigned char *)exact_copy(key.p, key.len);
	c.key_len = key.len;
	c.key_kind = entry_points[ep].takes_key ? key_kind(e, dflt, &key) : KIND_BYTES;
	c.opt = jget(e, "options");
	c.dflt = jget(dflt, "options");
	rep = entry_points[ep].run(&c, &n);
	free((void *)(size_t)c.in);
	free((void *)(size_t)c.key);
	if (!expect(&t, rep != NULL, "no report (out of memory)")) {
		goto done;
	}
	if (entry_points[ep].bound != NULL) {
		/* readServerConfig reads default.json too. */
		const cJSON *d = entry_points[ep].run == run_server_config
			? opt(&c, "defaultJsonText") : NULL;
		size_t b = entry_points[ep].bound(entry_points[ep].kind, in.len
			+ (cJSON_IsString(d) ? strlen(d->valuestring) : 0));
		expect(&t, n <= b, "a report of %zu bytes, over its bound %zu", n, b);
	}
	r = report_pick(rep, n);
	if (expect(&t, r != NULL, "the report is not a JSON object")) {
		const char *got = entry_points[ep].code(r);
		char shown_rep[160];
		expect(&t, strcmp(got, want) == 0, "expected %s, got %s (%s)", want,
			got, shown(shown_rep, sizeof shown_rep, rep, n));
	}
done:
	cJSON_Delete(r);
	free(rep);
	str_free(&in);
	str_free(&key);
	test_end(&t);
}

static void
one_file(const char *dir, const char *file)
{
	cJSON *doc = load_ours(dir, file);
	const char *entry = jstr(doc, "entry");
	const cJSON *e;
	size_t ep, count = 0;
	test t;

	if (doc == NULL) {
		return;
	}
	for (ep = 0; ep < sizeof entry_points / sizeof *entry_points; ep++) {
		if (strcmp(entry_points[ep].name, entry) == 0) {
			break;
		}
	}
	test_begin(&t, "hostile %s: a known entry point and entries", file);
	if (expect(&t, ep < sizeof entry_points / sizeof *entry_points,
		"unknown entry \"%s\" (add it to entry_points)", entry))
	{
		cJSON_ArrayForEach(e, jget(doc, "entries")) {
			one_entry(file, doc, ep, e);
			count++;
		}
		expect(&t, count > 0, "no entries");
	}
	test_end(&t);
	cJSON_Delete(doc);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
suite_catalogue(const char *ours, const char *shared)
{
	char dir[1024], *names[256];
	size_t n = 0, i;
	struct dirent *d;
	DIR *dp;
	test t;

	(void)shared;
	/* tests/vectors -> tests/hostile */
	snprintf(dir, sizeof dir, "%s/../hostile", ours);
	dp = opendir(dir);
	test_begin(&t, "hostile catalogue: %s can be listed", dir);
	if (expect(&t, dp != NULL, "cannot open the directory")) {
		while ((d = readdir(dp)) != NULL && n < sizeof names / sizeof *names) {
			size_t len = strlen(d->d_name);
			if (len > 5 && strcmp(d->d_name + len - 5, ".json") == 0) {
				names[n++] = strcpy((char *)xmalloc(len + 1), d->d_name);
			}
		}
		closedir(dp);
		expect(&t, n > 0, "no .json files");
	}
	test_end(&t);
	qsort(names, n, sizeof *names, cmp_names);
	for (i = 0; i < n; i++) {
		one_file(dir, names[i]);
		free(names[i]);
	}
}
