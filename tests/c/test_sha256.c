/*
 * Our SHA-2 (src/core/sha256.c, src/core/sha512.c). SHA-256 and HMAC-SHA-256: FIPS 180-4 examples,
 * then the same answer as BearSSL's br_sha256 / br_hmac for every
 * length from 0 to 300 bytes, cut into updates at every split point of
 * a few lengths, and for keys around the 64-byte block size. RFC 4231
 * and Wycheproof HMAC vectors run through oojwt_hmac() in test_hmac.c.
 */
#include <stdlib.h>
#include <string.h>
#include "bearssl_hash.h"
#include "bearssl_hmac.h"
#include "testlib.h"

static void
digest(const void *p, size_t n, unsigned char *out)
{
	oojwt_sha256 c;

	oojwt_sha256_init(&c);
	oojwt_sha256_update(&c, p, n);
	oojwt_sha256_out(&c, out);
}

/* 1 when the 32 bytes at `d` are the digest written in `hex`. */
static int
same_hex(const unsigned char *d, const char *hex)
{
	size_t n = 0;
	unsigned char *want = from_hex(hex, &n);
	int ok = want != NULL && n == 32 && memcmp(d, want, 32) == 0;

	free(want);
	return ok;
}

static void
fips_examples(void)
{
	static const struct {
		const char *msg;
		const char *hex;
	} v[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
		  "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	};
	unsigned char out[32], thousand[1000];
	char hex[65];
	oojwt_sha256 c;
	size_t i;
	test t;

	test_begin(&t, "SHA-256: FIPS 180-4 examples and one million 'a'");
	for (i = 0; i < sizeof v / sizeof *v; i++) {
		digest(v[i].msg, strlen(v[i].msg), out);
		expect(&t, same_hex(out, v[i].hex), "\"%s\": %s", v[i].msg,
			to_hex(hex, sizeof hex, out, 32));
	}
	memset(thousand, 'a', sizeof thousand);
	oojwt_sha256_init(&c);
	for (i = 0; i < 1000; i++) {
		oojwt_sha256_update(&c, thousand, sizeof thousand);
	}
	oojwt_sha256_out(&c, out);
	expect(&t, same_hex(out,
		"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
		"one million 'a': %s", to_hex(hex, sizeof hex, out, 32));
	test_end(&t);
}

static void
against_bearssl(void)
{
	unsigned char msg[300], want[32], got[32], key[200];
	br_sha256_context bc;
	br_hmac_key_context kc;
	br_hmac_context hc;
	oojwt_sha256 c;
	size_t n, cut, k;
	test t;

	for (n = 0; n < sizeof msg; n++) {
		msg[n] = (unsigned char)(n * 131 + 7);
	}
	for (n = 0; n < sizeof key; n++) {
		key[n] = (unsigned char)(n * 29 + 3);
	}
	test_begin(&t, "SHA-256 and HMAC-SHA-256: the same as BearSSL, lengths 0-300, "
		"every split, keys 0-200 bytes");
	for (n = 0; n <= sizeof msg; n++) {
		br_sha256_init(&bc);
		br_sha256_update(&bc, msg, n);
		br_sha256_out(&bc, want);
		digest(msg, n, got);
		expect(&t, memcmp(want, got, 32) == 0, "length %zu", n);
	}
	for (n = 55; n <= 130; n += 5) {
		br_sha256_init(&bc);
		br_sha256_update(&bc, msg, n);
		br_sha256_out(&bc, want);
		for (cut = 0; cut <= n; cut++) {
			oojwt_sha256_init(&c);
			oojwt_sha256_update(&c, msg, cut);
			oojwt_sha256_update(&c, msg + cut, n - cut);
			oojwt_sha256_out(&c, got);
			expect(&t, memcmp(want, got, 32) == 0, "length %zu cut at %zu",
				n, cut);
		}
	}
	for (k = 0; k <= sizeof key; k++) {
		n = (k * 7) % sizeof msg;
		br_hmac_key_init(&kc, &br_sha256_vtable, key, k);
		br_hmac_init(&hc, &kc, 0);
		br_hmac_update(&hc, msg, n);
		br_hmac_out(&hc, want);
		expect(&t, oojwt_hmac_sha256(key, k, msg, n, got) == 32
			&& memcmp(want, got, 32) == 0, "HMAC key length %zu", k);
	}
	test_end(&t);
}

/* SHA-384/512 and their HMAC against FIPS 180-4 and BearSSL. */
static void
sha512_family(void)
{
	static const struct {
		size_t out;
		const char *msg;
		const char *hex;
	} v[] = {
		{ 64, "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
		  "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
		{ 64, "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
		  "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e" },
		{ 48, "abc", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
		  "8086072ba1e7cc2358baeca134c825a7" },
		{ 64, "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
		  "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		  "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
		  "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909" },
	};
	const br_hash_class *h[2] = { &br_sha384_vtable, &br_sha512_vtable };
	unsigned char msg[400], key[300], want[64], got[64];
	char hex[129];
	br_hash_compat_context bc;
	br_hmac_key_context kc;
	br_hmac_context hc;
	oojwt_sha512 c;
	size_t i, n, cut, k, o;
	size_t want_len = 0;
	unsigned char *w;
	test t;

	test_begin(&t, "SHA-384/512 and HMAC: FIPS 180-4 examples, the same as "
		"BearSSL for lengths 0-400, splits, keys 0-300 bytes");
	for (i = 0; i < sizeof v / sizeof *v; i++) {
		oojwt_sha512_init(&c, v[i].out);
		oojwt_sha512_update(&c, v[i].msg, strlen(v[i].msg));
		oojwt_sha512_out(&c, got);
		w = from_hex(v[i].hex, &want_len);
		expect(&t, w != NULL && want_len == v[i].out
			&& memcmp(w, got, v[i].out) == 0, "\"%s\": %s", v[i].msg,
			to_hex(hex, sizeof hex, got, v[i].out));
		free(w);
	}
	for (n = 0; n < sizeof msg; n++) {
		msg[n] = (unsigned char)(n * 151 + 11);
	}
	for (n = 0; n < sizeof key; n++) {
		key[n] = (unsigned char)(n * 37 + 5);
	}
	for (o = 0; o < 2; o++) {
		size_t out = o == 0 ? 48 : 64;
		for (n = 0; n <= sizeof msg; n++) {
			h[o]->init(&bc.vtable);
			h[o]->update(&bc.vtable, msg, n);
			h[o]->out(&bc.vtable, want);
			for (cut = n < 120 || n > 260 ? n : 0; cut <= n;
				cut += n < 120 || n > 260 ? 1 : 7)
			{
				oojwt_sha512_init(&c, out);
				oojwt_sha512_update(&c, msg, cut);
				oojwt_sha512_update(&c, msg + cut, n - cut);
				oojwt_sha512_out(&c, got);
				expect(&t, memcmp(want, got, out) == 0,
					"SHA-%zu length %zu cut %zu", out * 8, n, cut);
			}
		}
		for (k = 0; k <= sizeof key; k++) {
			n = (k * 13) % sizeof msg;
			br_hmac_key_init(&kc, h[o], key, k);
			br_hmac_init(&hc, &kc, 0);
			br_hmac_update(&hc, msg, n);
			br_hmac_out(&hc, want);
			expect(&t, oojwt_hmac_sha512(out, key, k, msg, n, got) == out
				&& memcmp(want, got, out) == 0, "HMAC-SHA-%zu key length %zu",
				out * 8, k);
		}
	}
	test_end(&t);
}

void
suite_sha256(const char *ours, const char *shared)
{
	(void)ours;
	(void)shared;
	fips_examples();
	against_bearssl();
	sha512_family();
}
