/*
 * Key classification and selection (src/core/key_select.c), from
 * tests/vectors/key_select.json (made by tests/key_select_gen.mjs with
 * node:crypto and jose; tests/key_select.test.mjs reads it too):
 *   - oojwt_key_classify() gives each input its form;
 *   - public key bytes handed to oojwt_verify() as a raw HMAC secret are
 *     refused (key_mismatch) before any MAC, under every algorithm list,
 *     and so are they by oojwt_sign();
 *   - oojwt_key_verify() reads them as the key they are: the forged HS
 *     token fails with the vector's code, the real RS/PS/ES token verifies
 *     with the default algorithms;
 *   - a JWK Set without kid: the only key that fits the token's alg.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

static int
form_of(const char *name)
{
	int f;

	for (f = 0; oojwt_key_form_name(f) != NULL; f++) {
		if (strcmp(oojwt_key_form_name(f), name) == 0) {
			return f;
		}
	}
	return -1;
}

static void
forms(const cJSON *list)
{
	const cJSON *v;
	test t;

	test_begin(&t, "key_select: oojwt_key_classify gives every vector its form");
	cJSON_ArrayForEach(v, list) {
		size_t n;
		unsigned char *b = from_hex(jstr(v, "key_hex"), &n);
		int got = oojwt_key_classify(b, n);
		expect(&t, b != NULL && got == form_of(jstr(v, "form")), "%s: %s, want %s",
			jstr(v, "name"), oojwt_key_form_name(got), jstr(v, "form"));
		free(b);
	}
	expect(&t, oojwt_key_classify(NULL, 0) == OOJWT_KEYIN_SECRET, "NULL");
	test_end(&t);
}

static void
forgeries(const cJSON *list, double now)
{
	static const unsigned lists[] = { OOJWT_ALG_HS256 | OOJWT_ALG_HS384
		| OOJWT_ALG_HS512, OOJWT_ALG_RS256 | OOJWT_ALG_HS256
		| OOJWT_ALG_HS384 | OOJWT_ALG_HS512, 0xFFFu };
	const cJSON *v;
	oojwt_result r;
	oojwt_key key;
	oojwt_issue e;
	str out;
	size_t i;
	test t;

	test_begin(&t, "key_select: public key bytes are never an HMAC secret");
	cJSON_ArrayForEach(v, list) {
		const char *tok = jstr(v, "token");
		size_t n;
		unsigned char *b = from_hex(jstr(v, "key_hex"), &n);
		oojwt_verify_opts o = opts_make(0, now, 0);

		memset(&key, 0, sizeof key);
		key.data = b;
		key.len = n;
		for (i = 0; i < sizeof lists / sizeof *lists; i++) {
			int code = verify(&r, tok, strlen(tok), &key, lists[i], now, 0);
			expect(&t, !r.valid && code == OOJWT_ERR_KEY_MISMATCH
				&& r.n_errors == 1 && strstr(r.errors[0].message,
				"never an HMAC secret") != NULL,
				"%s, raw secret, algs 0x%x: %s", jstr(v, "name"), lists[i],
				cname(code));
			oojwt_result_free(&r);
			o.algorithms = i == 0 ? 0 : lists[i];
			code = oojwt_key_verify(&r, tok, strlen(tok), b, n, &o);
			expect(&t, !r.valid && r.n_errors >= 1
				&& strcmp(cname(r.errors[0].code), jstr(v, "code")) == 0,
				"%s, selected, algs 0x%x: %s, want %s", jstr(v, "name"),
				o.algorithms, cname(r.n_errors ? r.errors[0].code : 0),
				jstr(v, "code"));
			oojwt_result_free(&r);
		}
		memset(&out, 0, sizeof out);
		expect(&t, sign_token(&out, OOJWT_ALG_HS256, &key, "{\"alg\":\"HS256\"}",
			15, "{}", 2, 0, &e) == OOJWT_ERR_KEY_MISMATCH,
			"%s: oojwt_sign with it as a secret", jstr(v, "name"));
		str_free(&out);
		free(b);
	}
	test_end(&t);
}

static void
valid(const cJSON *list, double now)
{
	const cJSON *v;
	oojwt_result r;
	test t;

	test_begin(&t, "key_select: RS/PS/ES tokens verify with the key in any form");
	cJSON_ArrayForEach(v, list) {
		const char *tok = jstr(v, "token");
		size_t n;
		unsigned char *b = from_hex(jstr(v, "key_hex"), &n);
		char *copy = exact_copy(tok, strlen(tok));
		oojwt_verify_opts o = opts_make(0, now, 0);
		int code = oojwt_key_verify(&r, copy, strlen(tok), b, n, &o);

		expect(&t, code == OOJWT_OK && r.valid, "%s: %s %s", jstr(v, "name"),
			cname(code), r.n_errors ? r.errors[0].message : "");
		oojwt_result_free(&r);
		free(copy);
		free(b);
	}
	test_end(&t);
}

/* Selection without a token: a secret stays a secret; a set by alg. */
static void
select_api(void)
{
	/* Two oct keys: 48 bytes of 0x04 for HS384, 32 of 0x00 for HS256. */
	static const char set[] = "{\"keys\":[{\"kty\":\"oct\",\"k\":\""
		"BAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE\","
		"\"alg\":\"HS384\"},{\"kty\":\"oct\",\"k\":\""
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"alg\":\"HS256\"}]}";
	unsigned char buf[sizeof set];
	oojwt_pkey pk;
	oojwt_key key;
	char msg[OOJWT_MESSAGE_LEN];
	char *s = exact_copy("s3cret", 6);
	char *j = exact_copy(set, sizeof set - 1);
	test t;
	int code;

	test_begin(&t, "key_select: oojwt_key_select and oojwt_key_default_algs");
	code = oojwt_key_select(&key, &pk, NULL, 0, s, 6, NULL, 0, 0, msg);
	expect(&t, code == OOJWT_OK && key.pkey == NULL && key.data
		== (const unsigned char *)s && key.len == 6 && pk.kind == OOJWT_KEY_OCT
		&& pk.bits == 48, "secret: %s", cname(code));
	expect(&t, oojwt_key_default_algs(&key) == OOJWT_ALG_HMAC, "secret default");
	code = oojwt_key_select(&key, &pk, buf, sizeof buf, j, sizeof set - 1,
		NULL, 0, OOJWT_ALG_HS256, msg);
	expect(&t, code == OOJWT_OK && key.len == 32 && key.data[0] == 0,
		"set by alg: %s %s", cname(code), code ? msg : "");
	expect(&t, oojwt_key_default_algs(&key) == OOJWT_ALG_HMAC, "oct JWK default");
	code = oojwt_key_select(&key, &pk, buf, sizeof buf, j, sizeof set - 1,
		NULL, 0, OOJWT_ALG_HS512, msg);
	expect(&t, code == OOJWT_ERR_KEY_MISMATCH && all_zero(&pk, sizeof pk),
		"set, no key fits HS512: %s", cname(code));
	expect(&t, oojwt_key_select(NULL, &pk, buf, sizeof buf, j, 3, NULL, 0, 0,
		msg) == OOJWT_ERR_BAD_ARGUMENT, "NULL key");
	expect(&t, oojwt_key_verify(NULL, "a.b.c", 5, s, 6, NULL)
		== OOJWT_ERR_BAD_ARGUMENT, "NULL result");
	oojwt_pkey_wipe(&pk);
	free(s);
	free(j);
	test_end(&t);
}

/* One SEQUENCE { INTEGER 0, OCTET STRING of filler } of exactly `total`
 * bytes, its length written minimally (or with one more length byte when
 * `loose`); NULL when no such encoding exists. */
static unsigned char *
der_of(size_t total, int loose)
{
	unsigned char *p;
	size_t n, body, fill, k, hdr;

	for (n = 0; n < 4; n++) {
		size_t m = n + (size_t)(loose && n < 3);
		body = total - 2 - m;
		if ((loose && n == 3) || total < 2 + m + 5 || body >= ((size_t)1 << (n == 0 ? 7 : 8 * n))
			|| body < (n == 0 ? 0 : n == 1 ? 0x80 : (size_t)1 << (8 * (n - 1))))
		{
			continue;
		}
		p = (unsigned char *)xmalloc(total);
		p[0] = 0x30;
		p[1] = (unsigned char)(m == 0 ? body : 0x80 | m);
		for (k = 0; k < m; k++) {
			p[2 + k] = (unsigned char)(body >> (8 * (m - 1 - k)));
		}
		hdr = 2 + m;
		p[hdr] = 0x02;
		p[hdr + 1] = 0x01;
		p[hdr + 2] = 0x00;
		fill = body - 3;   /* the OCTET STRING's header and contents */
		p[hdr + 3] = 0x04;
		if (fill - 2 < 0x80) {
			p[hdr + 4] = (unsigned char)(fill - 2);
			memset(p + hdr + 5, 0x41, fill - 2);
		} else if (fill - 3 < 0x100 && fill - 3 >= 0x80) {
			p[hdr + 4] = 0x81;
			p[hdr + 5] = (unsigned char)(fill - 3);
			memset(p + hdr + 6, 0x41, fill - 3);
		} else if (fill - 4 >= 0x100 && fill - 4 < 0x10000) {
			p[hdr + 4] = 0x82;
			p[hdr + 5] = (unsigned char)((fill - 4) >> 8);
			p[hdr + 6] = (unsigned char)(fill - 4);
			memset(p + hdr + 7, 0x41, fill - 4);
		} else {
			free(p);
			return NULL;
		}
		return p;
	}
	return NULL;
}

/* The DER frame at the edges of each length form. */
static void
der_edges(void)
{
	static const size_t sizes[] = { 9, 0x81, 0x84, 0x85, 0x102, 0x103,
		0x106, 0x107, 0x10003, 0x10004, 0x10008 };
	size_t i;
	int shaped = 0;
	test t;

	test_begin(&t, "key_select: DER frames at the edges of the length forms");
	for (i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		unsigned char *p = der_of(sizes[i], 0);
		if (p != NULL) {
			shaped++;
			expect(&t, oojwt_key_classify(p, sizes[i]) == OOJWT_KEYIN_DER,
				"%zu bytes, minimal length: der", sizes[i]);
			expect(&t, oojwt_key_classify(p, sizes[i] - 1) == OOJWT_KEYIN_SECRET,
				"%zu bytes cut by one: secret", sizes[i]);
			free(p);
		}
		p = der_of(sizes[i], 1);
		if (p != NULL) {
			expect(&t, oojwt_key_classify(p, sizes[i]) == OOJWT_KEYIN_SECRET,
				"%zu bytes, a non-minimal length: secret", sizes[i]);
			free(p);
		}
	}
	expect(&t, shaped >= 8, "only %d sizes could be built", shaped);
	test_end(&t);
}

void
suite_key_select(const char *ours, const char *shared)
{
	cJSON *doc = load_ours(ours, "key_select.json");
	double now;

	(void)shared;
	if (doc == NULL) {
		return;
	}
	now = (double)jint(doc, "now");
	forms(jlist(doc, "forms"));
	forgeries(jlist(doc, "forgeries"), now);
	valid(jlist(doc, "valid"), now);
	select_api();
	der_edges();
	cJSON_Delete(doc);
}
