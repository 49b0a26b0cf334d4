/*
 * RS/PS/ES: Wycheproof ECDSA P1363, RSA PKCS#1 v1.5 and RSA-PSS (every
 * key in DER, PEM and JWK form), Wycheproof JWS (all groups) and JWK
 * sets, RFC 7515 A.2-A.4, the JOSE cookbook 4.1-4.3, our key-format
 * vectors (tests/vectors/asym_keys.json, made by node:crypto, jose and
 * openssl), signing, and the algorithm-confusion refusals.
 *
 * Wycheproof `acceptable` cases (PKCS#1 MissingNull, DigestInfo without
 * the NULL parameter) must be refused. Upstream mislabels are listed in
 * `relabel` below with the reason; nothing is skipped silently.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

#define ALL_ALGS 0xFFFu

/* A key read through oojwt_key_read, with its buffers. */
typedef struct {
	oojwt_key key;
	oojwt_pkey pk;
	unsigned char *buf;
	size_t buf_len;
	int code;
	char msg[OOJWT_MESSAGE_LEN];
} akey;

static int
akey_read(akey *k, const void *in, size_t len, const char *kid)
{
	char *copy = exact_copy(in, len);

	k->buf_len = len + 4;
	k->buf = (unsigned char *)xmalloc(k->buf_len);
	k->msg[0] = 0;
	k->code = oojwt_key_read(&k->key, &k->pk, k->buf, k->buf_len, copy, len,
		kid, kid != NULL ? strlen(kid) : 0, k->msg);
	free(copy);
	return k->code;
}

static void
akey_free(akey *k)
{
	oojwt_pkey_wipe(&k->pk);
	free(k->buf);
	k->buf = NULL;
}

/* A deterministic test RNG (xorshift64*), seeded per call site. */
static void
test_rng(unsigned char *out, size_t len, unsigned long long seed)
{
	unsigned long long x = seed * 0x9E3779B97F4A7C15ULL + 1;
	size_t i;

	for (i = 0; i < len; i++) {
		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
		out[i] = (unsigned char)((x * 0x2545F4914F6CDD1DULL) >> 56);
	}
}

/* Verify a raw signature over `msg` the way oojwt_verify does
 * (sig.c: key check, length check, algorithm). 1 when it verifies. */
static int
raw_verify(const oojwt_key *key, unsigned alg, const unsigned char *msg,
	size_t msg_len, const unsigned char *sig, size_t sig_len)
{
	oojwt_result r;
	int ok;

	memset(&r, 0, sizeof r);
	r.sig = (unsigned char *)exact_copy(sig, sig_len);
	r.sig_len = sig_len;
	ok = oojwt_sig_key_usable(&r, key, alg, OOJWT_KEYOP_VERIFY) == 1;
	if (ok) {
		oojwt_sig_verify(&r, (const char *)msg, msg_len, key, alg, 0);
		ok = r.n_errors == 0;
	}
	free(r.sig);
	return ok;
}

static unsigned
alg_for(const char *prefix, const char *sha)
{
	char name[8];
	const char *bits = strcmp(sha, "SHA-256") == 0 ? "256"
		: strcmp(sha, "SHA-384") == 0 ? "384"
		: strcmp(sha, "SHA-512") == 0 ? "512" : "?";

	snprintf(name, sizeof name, "%s%s", prefix, bits);
	return oojwt_alg_from_name(name, strlen(name));
}

/* ---- Wycheproof raw-signature files ------------------------------------- */

static void
wycheproof_file(const char *shared, const char *file, const char *prefix,
	const char *jwk_member)
{
	cJSON *doc = load_shared(shared, "wycheproof", file);
	const cJSON *g, *v;
	static const char *forms[] = { "DER", "PEM", "JWK" };
	int counts[3] = { 0, 0, 0 };

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(g, jget(doc, "testGroups")) {
		akey keys[3];
		int have[3], f;
		unsigned alg = alg_for(prefix, jstr(g, "sha"));
		size_t der_len;
		unsigned char *der = from_hex(jstr(g, "publicKeyDer"), &der_len);
		const cJSON *jwkobj = jget(g, jwk_member);
		char *jwktext = jwkobj != NULL ? cJSON_PrintUnformatted(jwkobj) : NULL;
		const char *pem = jstr(g, "publicKeyPem");

		memset(keys, 0, sizeof keys);
		have[0] = der != NULL && akey_read(&keys[0], der, der_len, NULL) == 0;
		have[1] = pem[0] != 0 && akey_read(&keys[1], pem, strlen(pem), NULL) == 0;
		have[2] = jwktext != NULL
			&& akey_read(&keys[2], jwktext, strlen(jwktext), NULL) == 0;
		cJSON_ArrayForEach(v, jget(g, "tests")) {
			const char *result = jstr(v, "result");
			int want = strcmp(result, "valid") == 0;
			size_t msg_len, sig_len;
			unsigned char *m = from_hex(jstr(v, "msg"), &msg_len);
			unsigned char *s = from_hex(jstr(v, "sig"), &sig_len);
			test t;

			test_begin(&t, "%s tcId %d (%s, %s)", file, jint(v, "tcId"),
				result, jstr(v, "comment"));
			expect(&t, m != NULL && s != NULL, "bad hex in the vector");
			/* The three forms must give the same key; the signature is
			 * checked with the first one read (the DER one). */
			for (f = 0; f < 3 && m != NULL && s != NULL; f++) {
				int got;
				if ((f == 1 && pem[0] == 0) || (f == 2 && jwktext == NULL)) {
					continue;
				}
				if (!have[f]) {
					expect(&t, !want, "%s key not read: %s (%s)", forms[f],
						cname(keys[f].code), keys[f].msg);
					continue;
				}
				if (f > 0 && have[0]) {
					expect(&t, keys[f].pk.kind == keys[0].pk.kind
						&& keys[f].pk.n_len == keys[0].pk.n_len
						&& memcmp(keys[f].pk.n, keys[0].pk.n, keys[0].pk.n_len) == 0
						&& keys[f].pk.e_len == keys[0].pk.e_len
						&& memcmp(keys[f].pk.e, keys[0].pk.e, keys[0].pk.e_len) == 0
						&& keys[f].pk.pub_len == keys[0].pk.pub_len
						&& memcmp(keys[f].pk.pub, keys[0].pk.pub, keys[0].pk.pub_len) == 0,
						"%s key differs from the DER key", forms[f]);
					counts[f]++;
					continue;
				}
				got = raw_verify(&keys[f].key, alg, m, msg_len, s, sig_len);
				expect(&t, got == want, "%s key: %s", forms[f],
					got ? "verified" : "refused");
				counts[f]++;
			}
			free(m);
			free(s);
			test_end(&t);
		}
		for (f = 0; f < 3; f++) {
			if (keys[f].buf != NULL) {
				akey_free(&keys[f]);
			}
		}
		free(der);
		free(jwktext);
	}
	cJSON_Delete(doc);
}

/* ---- Wycheproof JWS and JWK sets ------------------------------------------ */


/* Upstream labels we do not follow (shared vectors README, caveats 3-5). */
static const struct {
	const char *file;
	int tc_id;
	int valid;
	const char *why;
} relabel[] = {
	{ "json_web_signature_test.json", 367, 1,
	  "labelled invalid, byte-identical to valid tcId 357 (C2SP/wycheproof#236)" },
	{ "json_web_signature_test.json", 370, 1,
	  "labelled invalid, byte-identical to valid tcId 357 (C2SP/wycheproof#236)" },
	{ "json_web_signature_test.json", 372, 0,
	  "labelled valid, but '?' is not base64url" },
	{ "json_web_signature_test.json", 373, 0,
	  "labelled valid, but '?' is not base64url" },
	{ "json_web_signature_test.json", 346, 0,
	  "labelled valid: header PS384, key alg PS256; oojwt honours the key's alg" },
	{ "json_web_signature_test.json", 350, 0,
	  "labelled valid: header PS384, key alg PS256; oojwt honours the key's alg" },
	{ "json_web_signature_test.json", 347, 0,
	  "labelled valid: key alg \"ES521\" (sic) is not an algorithm; refused" },
	{ "json_web_signature_test.json", 351, 0,
	  "labelled valid: key alg \"ES521\" (sic) is not an algorithm; refused" },
	{ "json_web_key_test.json", 7, 1,
	  "labelled invalid (ROCA-vulnerable modulus); oojwt has no ROCA "
	  "fingerprint test (README caveat 5: optional)" }
};

static int
expected_valid(const char *file, const cJSON *v, const char **why)
{
	size_t i;

	*why = "";
	for (i = 0; i < sizeof relabel / sizeof *relabel; i++) {
		if (strcmp(relabel[i].file, file) == 0
			&& relabel[i].tc_id == jint(v, "tcId"))
		{
			*why = relabel[i].why;
			return relabel[i].valid;
		}
	}
	return strcmp(jstr(v, "result"), "valid") == 0;
}

/* The header's kid of a compact token, into out (NULL when none). */
static const char *
token_kid(const char *tok, char *out, size_t cap)
{
	oojwt_result r;
	cJSON *h;
	const char *kid = NULL;

	oojwt_decode(&r, tok, strlen(tok));
	if (r.header != NULL && (h = cJSON_Parse(r.header)) != NULL) {
		const cJSON *k = cJSON_GetObjectItemCaseSensitive(h, "kid");
		if (cJSON_IsString(k) && strlen(k->valuestring) < cap) {
			strcpy(out, k->valuestring);
			kid = out;
		}
		cJSON_Delete(h);
	}
	oojwt_result_free(&r);
	return kid;
}

static void
wycheproof_jws(const char *shared, const char *file, int sets)
{
	cJSON *doc = load_shared(shared, "wycheproof", file);
	const cJSON *g, *v;

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(g, jget(doc, "testGroups")) {
		const cJSON *kobj = jget(g, "public") != NULL && !cJSON_IsNull(jget(g, "public"))
			? jget(g, "public") : jget(g, "private");
		char *ktext = cJSON_PrintUnformatted(kobj);

		cJSON_ArrayForEach(v, jget(g, "tests")) {
			const char *tok = jstr(v, "jws"), *why;
			int want = expected_valid(file, v, &why), got;
			char kidbuf[300];
			const char *kid = sets ? token_kid(tok, kidbuf, sizeof kidbuf) : NULL;
			oojwt_result r;
			akey k;
			test t;

			test_begin(&t, "%s tcId %d (%s%s%s)", file, jint(v, "tcId"),
				jstr(v, "comment"), why[0] ? "; " : "", why);
			memset(&k, 0, sizeof k);
			if (akey_read(&k, ktext, strlen(ktext), kid) != OOJWT_OK) {
				got = 0;
				expect(&t, !want, "key not read: %s (%s)", cname(k.code), k.msg);
			} else {
				verify(&r, tok, strlen(tok), &k.key, ALL_ALGS, NOW, 0);
				got = jws_accepted(&r);
				expect(&t, got == want, "%s: %s", got ? "accepted" : "refused",
					r.n_errors ? r.errors[0].message : "");
				oojwt_result_free(&r);
			}
			akey_free(&k);
			test_end(&t);
		}
		free(ktext);
	}
	cJSON_Delete(doc);
}

/* ---- RFC 7515 appendix A and the cookbook --------------------------------- */

/* Sign header and payload texts with key and alg, PS* salts from the
 * test RNG seeded with `seed`; the token is in out (free with str_free). */
static int
sign_input(str *out, const oojwt_key *key, unsigned alg, const char *hdr,
	const char *pl, unsigned long long seed)
{
	unsigned char rnd[64];

	test_rng(rnd, sizeof rnd, seed);
	return sign_token_rand(out, alg, key, hdr, strlen(hdr), pl, strlen(pl),
		0, rnd, sizeof rnd, NULL);
}

static void
rfc7515(const char *ours)
{
	cJSON *doc = load_ours(ours, "rfc7515_appendix_a.json");
	const cJSON *ex;

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(ex, jget(doc, "examples")) {
		const char *id = jstr(ex, "id"), *tok = jstr(ex, "compact");
		unsigned alg = oojwt_alg_from_name(jstr(ex, "alg"), strlen(jstr(ex, "alg")));
		char *pub, *priv;
		akey kp, ks;
		oojwt_result r;
		test t;

		if (strcmp(id, "A.2") != 0 && strcmp(id, "A.3") != 0
			&& strcmp(id, "A.4") != 0)
		{
			continue;
		}
		pub = cJSON_PrintUnformatted(jget(ex, "jwkPublic"));
		priv = cJSON_PrintUnformatted(jget(ex, "jwk"));
		test_begin(&t, "RFC 7515 %s: verify with the public and the private JWK", id);
		expect(&t, akey_read(&kp, pub, strlen(pub), NULL) == 0, "public key: %s", kp.msg);
		expect(&t, akey_read(&ks, priv, strlen(priv), NULL) == 0, "private key: %s", ks.msg);
		verify(&r, tok, strlen(tok), &kp.key, alg, 1300000000.0, 0);
		expect(&t, jws_accepted(&r), "public: %s",
			r.n_errors ? r.errors[0].message : "");
		oojwt_result_free(&r);
		verify(&r, tok, strlen(tok), &ks.key, alg, 1300000000.0, 0);
		expect(&t, jws_accepted(&r), "private: %s", r.n_errors ? r.errors[0].message : "");
		oojwt_result_free(&r);
		test_end(&t);

		test_begin(&t, "RFC 7515 %s: re-signed%s", id,
			strcmp(id, "A.2") == 0 ? " bit-exactly" : ", verifies");
		{
			unsigned char sig[OOJWT_SIG_MAX_LEN], rnd[64];
			char msg[OOJWT_MESSAGE_LEN], *sig64;
			const char *input = jstr(ex, "signingInput");
			int code;
			size_t n;
			test_rng(rnd, sizeof rnd, 7);
			n = oojwt_sig_sign(alg, &ks.key, input, strlen(input), rnd,
				sizeof rnd, sig, &code, msg);
			expect(&t, n != 0, "sign failed: %s", msg);
			sig64 = (char *)xmalloc(oojwt_b64url_encoded_len(n) + 1);
			sig64[oojwt_b64url_encode(sig64, sig, n)] = 0;
			if (strcmp(id, "A.2") == 0) {
				expect(&t, strcmp(sig64, jstr(ex, "signatureB64u")) == 0,
					"not bit-exact: %.40s...", sig64);
			} else {
				expect(&t, raw_verify(&kp.key, alg,
					(const unsigned char *)input, strlen(input), sig, n),
					"ours does not verify");
			}
			free(sig64);
		}
		test_end(&t);
		akey_free(&kp);
		akey_free(&ks);
		free(pub);
		free(priv);
	}
	cJSON_Delete(doc);
}

static void
cookbook(const char *shared, const char *file)
{
	cJSON *doc = load_shared(shared, "jose-cookbook/jws", file);
	const cJSON *in, *sg;
	const char *tok;
	char *ktext;
	unsigned alg;
	akey k;
	oojwt_result r;
	test t;

	if (doc == NULL) {
		return;
	}
	in = jget(doc, "input");
	sg = jget(doc, "signing");
	tok = jstr(jget(doc, "output"), "compact");
	alg = oojwt_alg_from_name(jstr(in, "alg"), strlen(jstr(in, "alg")));
	ktext = cJSON_PrintUnformatted(jget(in, "key"));
	test_begin(&t, "cookbook %s: verifies", file);
	expect(&t, akey_read(&k, ktext, strlen(ktext), NULL) == 0, "key: %s", k.msg);
	verify(&r, tok, strlen(tok), &k.key, alg, NOW, 0);
	expect(&t, jws_accepted(&r), "refused: %s", r.n_errors ? r.errors[0].message : "");
	oojwt_result_free(&r);
	test_end(&t);
	if (cJSON_IsTrue(jget(doc, "reproducible"))) {
		const char *hb = jstr(sg, "protected_b64u");
		const char *pl = jstr(in, "payload");
		size_t hl;
		unsigned char *h = (unsigned char *)xmalloc(strlen(hb) + 1);
		char *hs;
		str s;
		oojwt_b64url_decode(h, &hl, hb, strlen(hb), NULL);
		hs = (char *)xmalloc(hl + 1);
		memcpy(hs, h, hl);
		hs[hl] = 0;
		/* The payload is text, not JSON: sign the input by hand. */
		test_begin(&t, "cookbook %s: re-signed bit-exactly", file);
		{
			unsigned char sig[OOJWT_SIG_MAX_LEN];
			char msg[OOJWT_MESSAGE_LEN], *sig64;
			const char *input = jstr(sg, "sig-input");
			int code;
			size_t n = oojwt_sig_sign(alg, &k.key, input, strlen(input), NULL,
				0, sig, &code, msg);
			sig64 = (char *)xmalloc(oojwt_b64url_encoded_len(n) + 1);
			sig64[oojwt_b64url_encode(sig64, sig, n)] = 0;
			expect(&t, n != 0 && strcmp(sig64, jstr(sg, "sig")) == 0,
				"signature differs (%s)", msg);
			free(sig64);
		}
		test_end(&t);
		(void)pl;
		memset(&s, 0, sizeof s);
		free(h);
		free(hs);
	}
	akey_free(&k);
	free(ktext);
	cJSON_Delete(doc);
}

/* ---- our key-format vectors ------------------------------------------------ */

static const char *
kind_of(const char *type, int private_key)
{
	if (strcmp(type, "RSA") == 0) {
		return private_key ? "RSA private" : "RSA public";
	}
	return private_key ? "EC private" : "EC public";
}

/* Read one key format (hex when the member ends in _hex). */
static int
read_format(akey *k, const char *member, const char *value)
{
	size_t n = strlen(member);

	if (n > 4 && strcmp(member + n - 4, "_hex") == 0) {
		size_t len;
		unsigned char *der = from_hex(value, &len);
		int code = der == NULL ? -1 : akey_read(k, der, len, NULL);
		free(der);
		return code;
	}
	return akey_read(k, value, strlen(value), NULL);
}

static void
key_formats(const char *ours)
{
	cJSON *doc = load_ours(ours, "asym_keys.json");
	const cJSON *key, *part, *f, *tokv;
	static const char *const parts[] = { "public", "private" };
	size_t i;

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(key, jget(doc, "keys")) {
		const char *name = jstr(key, "name");
		const char *pubjwk = jstr(jget(key, "public"), "jwk");
		akey pub;

		memset(&pub, 0, sizeof pub);
		akey_read(&pub, pubjwk, strlen(pubjwk), NULL);
		for (i = 0; i < 2; i++) {
			part = jget(key, parts[i]);
			cJSON_ArrayForEach(f, part) {
				akey k;
				oojwt_result r;
				test t;

				test_begin(&t, "key %s %s %s: read, described, verifies its "
					"tokens%s", name, parts[i], f->string,
					i ? ", signs" : "");
				memset(&k, 0, sizeof k);
				if (!expect(&t, read_format(&k, f->string, f->valuestring) == 0,
					"not read: %s", k.msg))
				{
					akey_free(&k);
					test_end(&t);
					continue;
				}
				expect(&t, strcmp(oojwt_key_kind_name(k.pk.kind),
					kind_of(jstr(key, "kind"), (int)i)) == 0, "kind %s",
					oojwt_key_kind_name(k.pk.kind));
				expect(&t, (int)k.pk.bits == jint(key, "bits"), "bits %u",
					k.pk.bits);
				expect(&t, strcmp(k.pk.thumbprint, jstr(key, "thumbprint")) == 0,
					"thumbprint %s, want %s", k.pk.thumbprint,
					jstr(key, "thumbprint"));
				expect(&t, cJSON_IsNull(jget(key, "curve"))
					|| strcmp(oojwt_curve_name(k.pk.curve), jstr(key, "curve")) == 0,
					"curve");
				expect(&t, k.pk.pem == (strstr(f->string, "_pem") != NULL),
					"pem flag");
				cJSON_ArrayForEach(tokv, jget(key, "tokens")) {
					unsigned alg = oojwt_alg_from_name(tokv->string,
						strlen(tokv->string));
					verify(&r, tokv->valuestring, strlen(tokv->valuestring),
						&k.key, alg, NOW, 0);
					expect(&t, r.valid, "%s token refused: %s", tokv->string,
						r.n_errors ? r.errors[0].message : "");
					oojwt_result_free(&r);
					if (i == 1) {
						str s1, s2;
						const char *hdr = strncmp(tokv->string, "RS", 2) == 0
							? "{\"alg\":\"RS\"}" : NULL;
						char h[64];
						(void)hdr;
						snprintf(h, sizeof h, "{\"alg\":\"%s\",\"typ\":\"JWT\"}",
							tokv->string);
						expect(&t, sign_input(&s1, &k.key, alg, h, PAYLOAD, 1) == 0
							&& sign_input(&s2, &k.key, alg, h, PAYLOAD, 2) == 0,
							"%s: signing failed", tokv->string);
						if (s1.p != NULL && s2.p != NULL) {
							int same = strcmp(s1.p, s2.p) == 0;
							expect(&t, same == (tokv->string[0] != 'P'),
								"%s: two signatures with different random "
								"bytes are %s", tokv->string,
								same ? "equal" : "different");
							verify(&r, s1.p, s1.len, &pub.key, alg, NOW, 0);
							expect(&t, r.valid, "%s: ours refused by the public "
								"JWK: %s", tokv->string,
								r.n_errors ? r.errors[0].message : "");
							oojwt_result_free(&r);
						}
						str_free(&s1);
						str_free(&s2);
					}
				}
				akey_free(&k);
				test_end(&t);
			}
		}
		akey_free(&pub);
	}
	cJSON_ArrayForEach(key, jget(doc, "refused")) {
		akey k;
		test t;
		const char *text = jstr(key, "key");
		test_begin(&t, "key refused: %s", jstr(key, "name"));
		memset(&k, 0, sizeof k);
		akey_read(&k, text, strlen(text), NULL);
		expect(&t, strcmp(cname(k.code), jstr(key, "code")) == 0,
			"got %s (%s), want %s", cname(k.code), k.msg, jstr(key, "code"));
		expect(&t, all_zero(&k.pk, sizeof k.pk) && k.key.pkey == NULL,
			"refused key not wiped");
		akey_free(&k);
		test_end(&t);
	}
	cJSON_Delete(doc);
}

/* ---- hostile DER and PEM ------------------------------------------------------ */

/* Every truncation of every DER key must be refused; every one-bit flip
 * of the P-256 keys and the RSA-2048 public keys must be read or
 * refused cleanly (ASan watches), and when read, must still be a key of
 * the same kind. */
static void
der_hostile(const char *ours)
{
	cJSON *doc = load_ours(ours, "asym_keys.json");
	const cJSON *key, *f;
	static const char *const parts[] = { "public", "private" };
	int idx = 0;
	size_t i, n, cut, bad;

	if (doc == NULL) {
		return;
	}
	cJSON_ArrayForEach(key, jget(doc, "keys")) {
		for (i = 0; i < 2; i++) {
			cJSON_ArrayForEach(f, jget(key, parts[i])) {
				unsigned char *der;
				test t;
				size_t len = strlen(f->string);
				if (len < 4 || strcmp(f->string + len - 4, "_hex") != 0) {
					continue;
				}
				der = from_hex(f->valuestring, &n);
				test_begin(&t, "hostile DER: %s %s %s truncated and bit-flipped",
					jstr(key, "name"), parts[i], f->string);
				for (cut = 0, bad = 0; cut < n; cut++) {
					akey k;
					memset(&k, 0, sizeof k);
					if (akey_read(&k, der, cut, NULL) == OOJWT_OK) {
						bad++;
					}
					akey_free(&k);
				}
				expect(&t, bad == 0, "%lu truncations accepted", (unsigned long)bad);
				for (cut = 0; (idx == 3 || (idx == 0 && i == 0)) && cut < n; cut++) {
					akey k;
					der[cut] ^= 0x01;
					memset(&k, 0, sizeof k);
					if (akey_read(&k, der, n, NULL) == OOJWT_OK) {
						expect(&t, strcmp(oojwt_key_kind_name(k.pk.kind),
							kind_of(jstr(key, "kind"), (int)i)) == 0,
							"flip at %lu gave a %s key", (unsigned long)cut,
							oojwt_key_kind_name(k.pk.kind));
					}
					akey_free(&k);
					der[cut] ^= 0x01;
				}
				free(der);
				test_end(&t);
			}
		}
		idx++;
	}
	{
		static const char *const pems[] = {
			"-----BEGIN PUBLIC KEY-----",
			"-----BEGIN PUBLIC KEY-----\nMFk=\n-----END PUBLIC KEY-----",
			"-----BEGIN PUBLIC KEY-----\n-----END PRIVATE KEY-----",
			"-----BEGIN FOO-----\nAAAA\n-----END FOO-----",
			"-----BEGIN PUBLIC KEY-----\nA===\n-----END PUBLIC KEY-----",
			"-----BEGIN PUBLIC KEY-----\nAB==\n-----END PUBLIC KEY-----",
			"-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----",
			"-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----",
			"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END RSA PRIVATE KEY-----",
			"{\"keys\":[]}", "{\"keys\":{}}", "{\"kty\":\"EC\",\"crv\":\"P-256\"}",
			"{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}",
			"{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAAA\"}",
			"0", "" };
		test t;
		test_begin(&t, "hostile PEM/JWK texts are refused");
		for (i = 0; i < sizeof pems / sizeof *pems; i++) {
			akey k;
			memset(&k, 0, sizeof k);
			expect(&t, akey_read(&k, pems[i], strlen(pems[i]), NULL) != OOJWT_OK,
				"accepted: %s", pems[i]);
			akey_free(&k);
		}
		test_end(&t);
	}
	cJSON_Delete(doc);
}

/* ---- algorithm confusion, key sets, API ---------------------------------- */

#define RSA_JWK_OF(doc) jstr(jget(cJSON_GetArrayItem(jget(doc, "keys"), 0), "public"), "jwk")

static void
confusion(const char *ours)
{
	cJSON *doc = load_ours(ours, "asym_keys.json");
	const cJSON *rsa, *p256, *p384;
	const char *pem;
	akey kr, ke, k3, kpriv;
	oojwt_key sec, main_key;
	oojwt_result r;
	str s;
	test t;
	char set[8192];
	int code;

	if (doc == NULL) {
		return;
	}
	rsa = cJSON_GetArrayItem(jget(doc, "keys"), 0);
	p256 = cJSON_GetArrayItem(jget(doc, "keys"), 3);
	p384 = cJSON_GetArrayItem(jget(doc, "keys"), 4);
	pem = jstr(jget(rsa, "public"), "spki_pem");
	akey_read(&kr, pem, strlen(pem), NULL);
	akey_read(&ke, jstr(jget(p256, "public"), "jwk"),
		strlen(jstr(jget(p256, "public"), "jwk")), NULL);
	akey_read(&k3, jstr(jget(p384, "public"), "jwk"),
		strlen(jstr(jget(p384, "public"), "jwk")), NULL);
	akey_read(&kpriv, jstr(jget(rsa, "private"), "jwk"),
		strlen(jstr(jget(rsa, "private"), "jwk")), NULL);

	test_begin(&t, "confusion: PEM text as an HS256 secret, to verify and to sign");
	sec = raw_key(pem, strlen(pem));
	main_key = test_key(KEY_MAIN);
	sign_str(&s, OOJWT_ALG_HS256, &main_key, HDR, PAYLOAD);
	verify(&r, s.p, s.len, &sec, OOJWT_ALG_HMAC, NOW, 0);
	expect(&t, r.n_errors > 0 && r.errors[0].code == OOJWT_ERR_KEY_MISMATCH,
		"got %s", r.n_errors ? cname(r.errors[0].code) : "valid");
	oojwt_result_free(&r);
	str_free(&s);
	code = sign_str(&s, OOJWT_ALG_HS256, &sec, HDR, PAYLOAD);
	expect(&t, code == OOJWT_ERR_KEY_MISMATCH, "signing with PEM as secret: %s",
		cname(code));
	str_free(&s);
	test_end(&t);

	test_begin(&t, "confusion: an RSA JWK text as HS256 secret");
	sec = raw_key(RSA_JWK_OF(doc), strlen(RSA_JWK_OF(doc)));
	code = sign_str(&s, OOJWT_ALG_HS256, &sec, HDR, PAYLOAD);
	expect(&t, code == OOJWT_ERR_KEY_MISMATCH, "got %s", cname(code));
	str_free(&s);
	test_end(&t);

	test_begin(&t, "confusion: HS256 token, RSA public key");
	sign_str(&s, OOJWT_ALG_HS256, &main_key, HDR, PAYLOAD);
	verify(&r, s.p, s.len, &kr.key, ALL_ALGS, NOW, 0);
	expect(&t, !r.valid && r.errors[0].code == OOJWT_ERR_KEY_MISMATCH, "got %s",
		cname(r.errors[0].code));
	oojwt_result_free(&r);
	str_free(&s);
	test_end(&t);

	test_begin(&t, "confusion: RS256 token, secret key; RS256 signing with a secret");
	{
		const char *tok = jstr(jget(rsa, "tokens"), "RS256");
		oojwt_key k2 = test_key(KEY_MAIN);
		verify(&r, tok, strlen(tok), &k2, ALL_ALGS, NOW, 0);
		expect(&t, !r.valid && r.errors[0].code == OOJWT_ERR_KEY_MISMATCH,
			"got %s", cname(r.errors[0].code));
		oojwt_result_free(&r);
		verify(&r, tok, strlen(tok), &ke.key, ALL_ALGS, NOW, 0);
		expect(&t, !r.valid && r.errors[0].code == OOJWT_ERR_KEY_MISMATCH,
			"EC key for RS256: got %s", cname(r.errors[0].code));
		oojwt_result_free(&r);
	}
	test_end(&t);

	test_begin(&t, "confusion: ES256 token, P-384 key; ES384 token, P-256 key");
	{
		const char *tok = jstr(jget(p256, "tokens"), "ES256");
		const char *tok3 = jstr(jget(p384, "tokens"), "ES384");
		verify(&r, tok, strlen(tok), &k3.key, ALL_ALGS, NOW, 0);
		expect(&t, !r.valid && r.errors[0].code == OOJWT_ERR_KEY_MISMATCH,
			"got %s", cname(r.errors[0].code));
		oojwt_result_free(&r);
		verify(&r, tok3, strlen(tok3), &ke.key, ALL_ALGS, NOW, 0);
		expect(&t, !r.valid && r.errors[0].code == OOJWT_ERR_KEY_MISMATCH,
			"got %s", cname(r.errors[0].code));
		oojwt_result_free(&r);
	}
	test_end(&t);

	test_begin(&t, "signing: public key refused, PS256 without random bytes refused");
	code = sign_str(&s, OOJWT_ALG_RS256, &kr.key, "{\"alg\":\"RS256\"}", PAYLOAD);
	expect(&t, code == OOJWT_ERR_KEY_MISMATCH, "public key signs: %s", cname(code));
	str_free(&s);
	code = sign_str(&s, OOJWT_ALG_PS256, &kpriv.key, "{\"alg\":\"PS256\"}", PAYLOAD);
	expect(&t, code == OOJWT_ERR_BAD_ARGUMENT, "PS256 without rnd: %s", cname(code));
	str_free(&s);
	code = sign_str(&s, OOJWT_ALG_RS256, &kpriv.key, "{\"alg\":\"RS256\"}", PAYLOAD);
	expect(&t, code == OOJWT_OK, "RS256 through oojwt_sign: %s", cname(code));
	str_free(&s);
	test_end(&t);

	test_begin(&t, "JWK Set: select by kid, refuse ambiguity, duplicates, mixes");
	{
		const char *a = RSA_JWK_OF(doc);
		const char *b = jstr(jget(p256, "public"), "jwk");
		const char *tok = jstr(jget(p256, "tokens"), "ES256");
		akey k;
		snprintf(set, sizeof set, "{\"keys\":[%s,%s]}", a, b);
		expect(&t, akey_read(&k, set, strlen(set), "p256-kid") == 0
			&& k.pk.curve == 23 && k.pk.format == OOJWT_KEYFMT_JWKS,
			"kid p256-kid: %s", k.msg);
		verify(&r, tok, strlen(tok), &k.key, ALL_ALGS, NOW, 0);
		expect(&t, r.valid, "chosen key does not verify");
		oojwt_result_free(&r);
		akey_free(&k);
		expect(&t, akey_read(&k, set, strlen(set), NULL) == OOJWT_ERR_KEY_MISMATCH,
			"no kid, two keys: %s", cname(k.code));
		akey_free(&k);
		expect(&t, akey_read(&k, set, strlen(set), "nope") == OOJWT_ERR_KEY_MISMATCH,
			"unknown kid: %s", cname(k.code));
		akey_free(&k);
		snprintf(set, sizeof set, "{\"keys\":[%s,%s]}", a, a);
		expect(&t, akey_read(&k, set, strlen(set), "rsa2048-kid") == OOJWT_ERR_BAD_KEY,
			"duplicate kid: %s", cname(k.code));
		akey_free(&k);
		snprintf(set, sizeof set, "{\"keys\":[%s,{\"kty\":\"oct\",\"k\":\"AAAA\"}]}", a);
		expect(&t, akey_read(&k, set, strlen(set), "rsa2048-kid") == OOJWT_ERR_BAD_KEY,
			"mixed set: %s", cname(k.code));
		akey_free(&k);
	}
	test_end(&t);

	akey_free(&kr);
	akey_free(&ke);
	akey_free(&k3);
	akey_free(&kpriv);
	cJSON_Delete(doc);
}

/* oojwt_key_read contracts, and the RFC 7638 section 3.1 thumbprint. */
static void
api(void)
{
	static const char rfc7638[] = "{\"kty\":\"RSA\",\"e\":\"AQAB\","
		"\"alg\":\"RS256\",\"kid\":\"2011-04-29\",\"n\":\"0vx7agoebGcQSuuPiLJXZp"
		"tN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJE"
		"CPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0"
		"h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvR"
		"L5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksIN"
		"HaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\"}";
	static const char oct[] = "{\"kty\":\"oct\",\"alg\":\"HS256\","
		"\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}";
	static const char short_oct[] = "{\"kty\":\"oct\",\"alg\":\"HS256\","
		"\"k\":\"AAAAAAAAAAAAAAAAAAAAAA\"}";
	unsigned char small[8];
	oojwt_key key;
	oojwt_pkey *pk = (oojwt_pkey *)xmalloc(sizeof *pk);
	akey k;
	test t;

	test_begin(&t, "key API: RFC 7638 3.1 thumbprint, kid, alg, kind");
	expect(&t, akey_read(&k, rfc7638, strlen(rfc7638), NULL) == 0, "%s", k.msg);
	expect(&t, strcmp(k.pk.thumbprint,
		"NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs") == 0, "thumbprint %s",
		k.pk.thumbprint);
	expect(&t, k.pk.has_kid && strcmp(k.pk.kid, "2011-04-29") == 0, "kid");
	expect(&t, k.key.algs == OOJWT_ALG_RS256 && k.pk.kind == OOJWT_KEY_RSA_PUBLIC
		&& k.pk.bits == 2048 && k.key.pkey == &k.pk && k.key.data == NULL,
		"algs 0x%x kind %d bits %u", k.key.algs, k.pk.kind, k.pk.bits);
	akey_free(&k);
	test_end(&t);

	test_begin(&t, "key API: NULL arguments, small buffer, short HS256 JWK, oct description");
	expect(&t, oojwt_key_read(NULL, pk, small, sizeof small, oct, strlen(oct),
		NULL, 0, NULL) == OOJWT_ERR_BAD_ARGUMENT, "NULL key");
	expect(&t, oojwt_key_read(&key, NULL, small, sizeof small, oct, strlen(oct),
		NULL, 0, NULL) == OOJWT_ERR_BAD_ARGUMENT, "NULL pkey");
	expect(&t, oojwt_key_read(&key, pk, small, sizeof small, NULL, 3, NULL, 0,
		NULL) == OOJWT_ERR_BAD_ARGUMENT, "NULL input");
	expect(&t, oojwt_key_read(&key, pk, small, sizeof small, oct, strlen(oct),
		NULL, 0, NULL) == OOJWT_ERR_BUFFER_TOO_SMALL && all_zero(small, sizeof small),
		"small buffer");
	expect(&t, akey_read(&k, short_oct, strlen(short_oct), NULL) == OOJWT_ERR_BAD_KEY,
		"16-byte HS256 JWK: %s", cname(k.code));
	akey_free(&k);
	expect(&t, akey_read(&k, oct, strlen(oct), NULL) == 0 && k.pk.kind == OOJWT_KEY_OCT
		&& k.pk.bits == 256 && k.key.len == 32 && k.key.data == k.buf
		&& strlen(k.pk.thumbprint) == 43, "oct JWK: %s", k.msg);
	akey_free(&k);
	test_end(&t);
	oojwt_pkey_wipe(pk);
	free(pk);
}

void
suite_asym(const char *ours, const char *shared)
{
	static const char *const ec[] = {
		"ecdsa_secp256r1_sha256_p1363_test.json",
		"ecdsa_secp384r1_sha384_p1363_test.json",
		"ecdsa_secp521r1_sha512_p1363_test.json" };
	static const char *const pss[] = {
		"rsa_pss_2048_sha256_mgf1_32_test.json",
		"rsa_pss_2048_sha384_mgf1_48_test.json",
		"rsa_pss_3072_sha256_mgf1_32_test.json",
		"rsa_pss_4096_sha256_mgf1_32_test.json",
		"rsa_pss_4096_sha384_mgf1_48_test.json",
		"rsa_pss_4096_sha512_mgf1_64_test.json" };
	static const char *const sizes[] = { "2048", "3072", "4096" };
	static const char *const shas[] = { "256", "384", "512" };
	char name[64];
	size_t i, j;

	for (i = 0; i < 3; i++) {
		wycheproof_file(shared, ec[i], "ES", "publicKeyJwk");
	}
	for (i = 0; i < 3; i++) {
		for (j = 0; j < 3; j++) {
			snprintf(name, sizeof name, "rsa_signature_%s_sha%s_test.json",
				sizes[i], shas[j]);
			wycheproof_file(shared, name, "RS", "keyJwk");
		}
	}
	for (i = 0; i < sizeof pss / sizeof *pss; i++) {
		wycheproof_file(shared, pss[i], "PS", "publicKeyJwk");
	}
	wycheproof_jws(shared, "json_web_signature_test.json", 0);
	wycheproof_jws(shared, "json_web_key_test.json", 1);
	rfc7515(ours);
	cookbook(shared, "4_1.rsa_v15_signature.json");
	cookbook(shared, "4_2.rsa-pss_signature.json");
	cookbook(shared, "4_3.ecdsa_signature.json");
	key_formats(ours);
	der_hostile(ours);
	confusion(ours);
	api();
}
