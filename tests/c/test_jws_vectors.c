/*
 * Third-party JWS vectors: Wycheproof json_web_signature_test.json (its
 * oct-key groups) and the JOSE cookbook HMAC example 4.4.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

/* Upstream mislabels (see the shared vectors README, caveat 3). */
static const struct {
	int tc_id;
	int valid;
	const char *why;
} jws_relabel[] = {
	{ 367, 1, "byte-identical to valid tcId 357 (C2SP/wycheproof#236)" },
	{ 370, 1, "byte-identical to valid tcId 357 (C2SP/wycheproof#236)" },
	{ 372, 0, "labelled valid, but '?' is not base64url" },
	{ 373, 0, "labelled valid, but '?' is not base64url" }
};

static int
jws_expected_valid(const cJSON *v, const char **why)
{
	int id = jint(v, "tcId");
	size_t i;

	*why = "";
	for (i = 0; i < sizeof jws_relabel / sizeof *jws_relabel; i++) {
		if (jws_relabel[i].tc_id == id) {
			*why = jws_relabel[i].why;
			return jws_relabel[i].valid;
		}
	}
	return strcmp(jstr(v, "result"), "valid") == 0;
}

static int
wycheproof_jws(const cJSON *v, const oojwt_key *key)
{
	const char *jws = jstr(v, "jws"), *why;
	int want = jws_expected_valid(v, &why), got;
	char names[256];
	oojwt_result r;
	test t;

	test_begin(&t, "json_web_signature_test.json tcId %d (%s)%s%s",
		jint(v, "tcId"), jstr(v, "comment"), why[0] ? ": " : "", why);
	/* No payload here is a JSON object, so no claim is ever read: the
	 * clock cannot decide. */
	verify(&r, jws, strlen(jws), key, OOJWT_ALG_HMAC, 1e9, 0);
	got = jws_accepted(&r);
	expect(&t, got == want, "%s, want %s (errors: %s)",
		got ? "accepted" : "rejected", want ? "accepted" : "rejected",
		issue_names(names, sizeof names, r.errors, r.n_errors));
	oojwt_result_free(&r);
	test_end(&t);
	return !t.failed;
}

static void
run_wycheproof_jws(const char *shared)
{
	const char *file = "json_web_signature_test.json";
	cJSON *doc = load_shared(shared, "wycheproof", file);
	const cJSON *g, *v;
	int passed = 0, failed = 0, groups = 0;

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(g, jlist(doc, "testGroups")) {
		const cJSON *priv = jget(g, "private");
		char msg[OOJWT_MESSAGE_LEN];
		jwk j;
		test t;

		if (strcmp(jstr(priv, "kty"), "oct") != 0) {
			continue;
		}
		groups++;
		test_begin(&t, "%s group %d (%s): read the oct JWK", file, groups,
			jstr(g, "comment"));
		if (!expect(&t, jwk_load_cjson(&j, priv, msg) == OOJWT_OK,
			"oojwt_jwk_read: %s", msg))
		{
			test_end(&t);
			jwk_free(&j);
			failed++;
			continue;
		}
		test_end(&t);
		cJSON_ArrayForEach(v, jlist(g, "tests")) {
			if (wycheproof_jws(v, &j.key)) {
				passed++;
			} else {
				failed++;
			}
		}
		jwk_free(&j);
	}
	printf("wycheproof %s: %d passed, %d failed (%d groups with an oct key; "
		"payloads are not JSON, judged as JWS)\n", file, passed, failed,
		groups);
	cJSON_Delete(doc);
}

/* "b64(hdr).b64(pl).b64(HMAC)" for arbitrary bytes, built outside
 * oojwt_sign so that only the verifier's parser decides. */
static void
mac_token(str *out, unsigned alg, const oojwt_key *key, const char *hdr,
	size_t hlen, const char *pl, size_t plen)
{
	unsigned char mac[64];
	size_t n;

	memset(out, 0, sizeof *out);
	str_b64(out, hdr, hlen);
	str_puts(out, ".");
	str_b64(out, pl, plen);
	n = oojwt_hmac(alg, key->data, key->len, out->p, out->len, mac);
	str_puts(out, ".");
	str_b64(out, mac, n);
}

static void
run_cookbook(const char *shared)
{
	const char *file = "4_4.hmac-sha2_integrity_protection.json";
	cJSON *doc = load_shared(shared, "jose-cookbook/jws", file);
	const cJSON *in, *sg;
	const char *compact, *payload, *prot_b64;
	unsigned char *prot;
	size_t prot_len, bad;
	char msg[OOJWT_MESSAGE_LEN], names[256];
	oojwt_result r;
	oojwt_issue err;
	str tok;
	jwk j;
	test t;
	int code;

	if (doc == NULL) {
		return;
	}
	in = jget(doc, "input");
	sg = jget(doc, "signing");
	compact = jstr(jget(doc, "output"), "compact");
	payload = jstr(in, "payload");
	prot_b64 = jstr(sg, "protected_b64u");
	prot = (unsigned char *)xmalloc(strlen(prot_b64));
	oojwt_b64url_decode(prot, &prot_len, prot_b64, strlen(prot_b64), &bad);

	test_begin(&t, "cookbook %s: verify output.compact", file);
	code = jwk_load_cjson(&j, jget(in, "key"), msg);
	expect(&t, code == OOJWT_OK, "JWK: %s", msg);
	verify(&r, compact, strlen(compact), &j.key, OOJWT_ALG_HS256, 1e9, 0);
	expect(&t, jws_accepted(&r), "rejected (errors: %s)",
		issue_names(names, sizeof names, r.errors, r.n_errors));
	oojwt_result_free(&r);
	test_end(&t);

	/* oojwt_sign only signs JSON-object payloads; the MAC and the
	 * encoding are checked through the same primitives instead. */
	test_begin(&t, "cookbook %s: re-sign protected + payload", file);
	mac_token(&tok, OOJWT_ALG_HS256, &j.key, (const char *)prot, prot_len,
		payload, strlen(payload));
	expect(&t, strcmp(tok.p, compact) == 0, "token differs:\n  got  %s\n"
		"  want %s", tok.p, compact);
	str_free(&tok);
	code = sign_token(&tok, OOJWT_ALG_HS256, &j.key, (const char *)prot,
		prot_len, payload, strlen(payload), 0, &err);
	expect(&t, code == OOJWT_ERR_BAD_JSON, "oojwt_sign of the non-JSON "
		"payload returned %s, want bad_json", cname(code));
	str_free(&tok);
	test_end(&t);

	jwk_free(&j);
	free(prot);
	cJSON_Delete(doc);
}

void
suite_jws_vectors(const char *ours, const char *shared)
{
	(void)ours;

	run_wycheproof_jws(shared);
	run_cookbook(shared);
}
