/*
 * The HS256 and unsecured examples of RFC 7515 appendix A and RFC 7519:
 * read the JWK, verify around exp, re-sign byte for byte, decode, and
 * refuse alg none.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

/*
 * An HS256 example with a JWK, the exact header and payload texts and the
 * compact token whose payload has exp = `exp`.
 */
typedef struct {
	const char *label;
	const cJSON *jwk;
	const char *header, *payload, *compact, *sig_hex;
	double exp;
} hs_example;

static void
example_verify(const hs_example *ex, const oojwt_key *key, double now,
	const int *errors)
{
	oojwt_result r;
	int code;
	test t;

	test_begin(&t, "%s: verify at now = exp %+g", ex->label, now - ex->exp);
	memset(&r, 0, sizeof r);
	code = verify(&r, ex->compact, strlen(ex->compact), key, OOJWT_ALG_HMAC,
		now, 0);
	expect_result(&t, &r, code, errors, NULL);
	expect(&t, r.alg == OOJWT_ALG_HS256, "alg %u", r.alg);
	oojwt_result_free(&r);
	test_end(&t);
}

static void
example_resign(const hs_example *ex, const oojwt_key *key)
{
	str tok;
	int code;
	test t;

	test_begin(&t, "%s: re-sign the exact header and payload texts",
		ex->label);
	code = sign_str(&tok, OOJWT_ALG_HS256, key, ex->header, ex->payload);
	if (expect(&t, code == OOJWT_OK, "oojwt_sign: %s", cname(code))) {
		expect(&t, strcmp(tok.p, ex->compact) == 0,
			"token differs:\n  got  %s\n  want %s", tok.p, ex->compact);
	}
	str_free(&tok);
	test_end(&t);
}

static void
example_decode(const hs_example *ex)
{
	size_t len = strlen(ex->compact), sig_len = 0;
	char *copy = exact_copy(ex->compact, len);
	unsigned char *sig = from_hex(ex->sig_hex, &sig_len);
	oojwt_result r;
	int code;
	test t;

	test_begin(&t, "%s: decode", ex->label);
	code = oojwt_decode(&r, copy, len);
	expect(&t, code == OOJWT_OK, "returned %s", cname(code));
	expect(&t, r.header != NULL && strcmp(r.header, ex->header) == 0
		&& r.header_len == strlen(ex->header) && r.header_ok,
		"header text differs");
	expect(&t, r.payload != NULL && strcmp(r.payload, ex->payload) == 0
		&& r.payload_len == strlen(ex->payload) && r.payload_ok,
		"payload text differs");
	expect(&t, sig != NULL && r.sig != NULL && r.sig_len == sig_len
		&& memcmp(r.sig, sig, sig_len) == 0, "signature bytes differ");
	expect(&t, r.dot1 == (size_t)(strchr(ex->compact, '.') - ex->compact)
		&& r.dot2 == (size_t)(strrchr(ex->compact, '.') - ex->compact),
		"dots at %lu, %lu", (unsigned long)r.dot1, (unsigned long)r.dot2);
	expect(&t, r.valid == 0 && r.alg == OOJWT_ALG_HS256,
		"valid %d alg %u", r.valid, r.alg);
	oojwt_result_free(&r);
	free(sig);
	free(copy);
	test_end(&t);
}

static void
run_hs_example(const hs_example *ex)
{
	static const int ok[1] = { 0 };
	static const int expired[2] = { OOJWT_ERR_EXPIRED, 0 };
	char msg[OOJWT_MESSAGE_LEN] = "";
	jwk j;
	int code;
	test t;

	test_begin(&t, "%s: read the JWK", ex->label);
	code = jwk_load_cjson(&j, ex->jwk, msg);
	expect(&t, code == OOJWT_OK && j.key.len == 64,
		"oojwt_jwk_read: %s (%s), %lu bytes", cname(code), msg,
		(unsigned long)j.key.len);
	test_end(&t);
	if (code == OOJWT_OK) {
		example_verify(ex, &j.key, ex->exp - 1, ok);
		example_verify(ex, &j.key, ex->exp - 0.001, ok);
		example_verify(ex, &j.key, ex->exp, expired);
		example_verify(ex, &j.key, ex->exp + 86400, expired);
		example_resign(ex, &j.key);
	}
	if (ex->sig_hex != NULL) {
		example_decode(ex);
	}
	jwk_free(&j);
}

/* An unsecured (alg none) example must be refused with alg_none. */
static void
run_none_example(const char *label, const char *compact, const cJSON *jwk_obj)
{
	static const unsigned all_algs[] = { OOJWT_ALG_HMAC, 0x1FFFu };
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_result r;
	size_t i;
	jwk j;
	test t;

	test_begin(&t, "%s: alg none is refused", label);
	expect(&t, jwk_load_cjson(&j, jwk_obj, msg) == OOJWT_OK, "JWK: %s", msg);
	for (i = 0; i < sizeof all_algs / sizeof *all_algs; i++) {
		int code = verify(&r, compact, strlen(compact), &j.key, all_algs[i],
			1e9, 0);
		expect(&t, code == OOJWT_ERR_ALG_NONE && r.valid == 0,
			"allowed 0x%x: returned %s", all_algs[i], cname(code));
		oojwt_result_free(&r);
	}
	jwk_free(&j);
	test_end(&t);
}

static const cJSON *
find_example(const cJSON *doc, const char *id)
{
	const cJSON *v;

	cJSON_ArrayForEach(v, jlist(doc, "examples")) {
		if (strcmp(jstr(v, "id"), id) == 0) {
			return v;
		}
	}
	return NULL;
}

/* The "exp" member of a JSON text (the examples' payloads). */
static double
exp_of(const char *payload)
{
	cJSON *p = cJSON_Parse(payload);
	const cJSON *e = jget(p, "exp");
	double v = cJSON_IsNumber(e) ? e->valuedouble : NAN;

	cJSON_Delete(p);
	return v;
}

static int
example_found(const cJSON *ex, const char *what)
{
	test t;

	if (ex != NULL) {
		return 1;
	}
	test_begin(&t, "%s", what);
	expect(&t, 0, "example not found in the vector file");
	test_end(&t);
	return 0;
}

/* Where one RFC's vector file keeps its HS256 and its unsecured example,
 * and the member names it uses. */
typedef struct {
	const char *file, *rfc;         /* vector file; "RFC 7515" */
	const char *hs_id, *none_id;    /* example ids */
	const char *header, *payload, *compact;
	const char *sig_hex;            /* NULL: no signature bytes given */
} rfc_examples;

static const rfc_examples rfcs[] = {
	{ "rfc7515_appendix_a.json", "RFC 7515", "A.1", "A.5",
	  "protectedHeader", "payload", "compact", "signatureHex" },
	{ "rfc7519_jwt_examples.json", "RFC 7519", "3.1", "6.1",
	  "joseHeader", "claimsSet", "jwt", NULL }
};

static void
run_rfc(const char *dir, const rfc_examples *rfc)
{
	cJSON *doc = load_ours(dir, rfc->file);
	const cJSON *hs, *none;
	char hs_label[64], none_label[64];
	hs_example ex;

	if (doc == NULL) {
		return;
	}
	snprintf(hs_label, sizeof hs_label, "%s %s", rfc->rfc, rfc->hs_id);
	snprintf(none_label, sizeof none_label, "%s %s", rfc->rfc, rfc->none_id);
	hs = find_example(doc, rfc->hs_id);
	none = find_example(doc, rfc->none_id);
	if (example_found(hs, hs_label)) {
		ex.label = hs_label;
		ex.jwk = jget(hs, "jwk");
		ex.header = jstr(hs, rfc->header);
		ex.payload = jstr(hs, rfc->payload);
		ex.compact = jstr(hs, rfc->compact);
		ex.sig_hex = rfc->sig_hex != NULL ? jstr(hs, rfc->sig_hex) : NULL;
		ex.exp = exp_of(ex.payload);
		run_hs_example(&ex);
		if (example_found(none, none_label)) {
			run_none_example(none_label, jstr(none, rfc->compact), ex.jwk);
		}
	}
	cJSON_Delete(doc);
}

void
suite_examples(const char *ours, const char *shared)
{
	size_t i;

	(void)shared;
	for (i = 0; i < sizeof rfcs / sizeof *rfcs; i++) {
		run_rfc(ours, &rfcs[i]);
	}
}
