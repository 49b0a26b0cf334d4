/*
 * Our SHA-256 and HMAC-SHA-256 (src/sha256.c): FIPS 180-4 examples,
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

void
suite_sha256(const char *ours, const char *shared)
{
	(void)ours;
	(void)shared;
	fips_examples();
	against_bearssl();
}
