/*
 * SHA-384 and SHA-512 (FIPS 180-4) and their HMAC (RFC 2104) for HS384
 * and HS512, written like sha256.c and for the same reason: BearSSL's
 * sha2big keeps its 80-word schedule in memory and runs at about 0.6x
 * its native speed in WebAssembly. Rounds unrolled over the eight
 * working variables and a 16-word rolling schedule, no data-dependent
 * branch or index. Checked against FIPS 180-4, RFC 4231, Wycheproof and
 * BearSSL (tests/c/test_sha256.c).
 */
#include <stdint.h>
#include <string.h>
#include "inner.h"
#include "core.h"

/* The first 64 bits of the fractional parts of the cube roots of the
 * first 80 primes. */
static const uint64_t K[80] = {
	0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f,
	0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019,
	0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242,
	0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
	0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
	0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3,
	0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275,
	0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
	0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f,
	0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
	0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc,
	0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
	0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6,
	0x92722c851482353b, 0xa2bfe8a14cf10364, 0xa81a664bbc423001,
	0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
	0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
	0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99,
	0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb,
	0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc,
	0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
	0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915,
	0xc67178f2e372532b, 0xca273eceea26619c, 0xd186b8c721c0c207,
	0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba,
	0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
	0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
	0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a,
	0x5fcb6fab3ad6faec, 0x6c44198c4a475817
};

static const uint64_t IV512[8] = {
	0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
	0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179
};

static const uint64_t IV384[8] = {
	0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
	0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4
};

#define ROTR(x, n)  (((x) >> (n)) | ((x) << (64 - (n))))
#define BSIG0(x)    (ROTR(x, 28) ^ ROTR(x, 34) ^ ROTR(x, 39))
#define BSIG1(x)    (ROTR(x, 14) ^ ROTR(x, 18) ^ ROTR(x, 41))
#define SSIG0(x)    (ROTR(x, 1) ^ ROTR(x, 8) ^ ((x) >> 7))
#define SSIG1(x)    (ROTR(x, 19) ^ ROTR(x, 61) ^ ((x) >> 6))
#define CH(x, y, z)  ((z) ^ ((x) & ((y) ^ (z))))

#define ROUND(a, b, c, d, e, f, g, h, k, w, bc, ab) \
	OOJWT_SHA2_ROUND(uint64_t, a, b, c, d, e, f, g, h, k, w, bc, ab)

#define SCHED(j) (w[(j) & 15] += SSIG1(w[((j) + 14) & 15]) \
	+ w[((j) + 9) & 15] + SSIG0(w[((j) + 1) & 15]))

#define EIGHT OOJWT_SHA2_EIGHT

static uint64_t
be64(const unsigned char *p)
{
	return ((uint64_t)p[0] << 56) | ((uint64_t)p[1] << 48)
		| ((uint64_t)p[2] << 40) | ((uint64_t)p[3] << 32)
		| ((uint64_t)p[4] << 24) | ((uint64_t)p[5] << 16)
		| ((uint64_t)p[6] << 8) | (uint64_t)p[7];
}

/* Compress `n` 128-byte blocks of `p` into `st`. */
static void
compress(uint64_t *st, const unsigned char *p, size_t n)
{
	uint64_t w[16];
	int i, j;

	while (n-- > 0) {
		uint64_t a = st[0], b = st[1], c = st[2], d = st[3];
		uint64_t e = st[4], f = st[5], g = st[6], h = st[7];
		uint64_t x = b ^ c, y;

		for (j = 0; j < 16; j++) {
			w[j] = be64(p + 8 * j);
		}
		EIGHT(0, w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
		EIGHT(8, w[8], w[9], w[10], w[11], w[12], w[13], w[14], w[15]);
		for (i = 16; i < 80; i += 16) {
			EIGHT(i, SCHED(0), SCHED(1), SCHED(2), SCHED(3),
				SCHED(4), SCHED(5), SCHED(6), SCHED(7));
			EIGHT(i + 8, SCHED(8), SCHED(9), SCHED(10), SCHED(11),
				SCHED(12), SCHED(13), SCHED(14), SCHED(15));
		}
		st[0] += a; st[1] += b; st[2] += c; st[3] += d;
		st[4] += e; st[5] += f; st[6] += g; st[7] += h;
		p += 128;
	}
	oojwt_wipe(w, sizeof w);
}

static void compress_v(void *st, const unsigned char *p, size_t n);
static void init_v(void *c, size_t out_len);
static void update_v(void *c, const void *data, size_t len);
static void out_v(void *c, unsigned char *out);

static const oojwt_md_class SHA512 = { 128, 16, compress_v, init_v,
	update_v, out_v };

static void
compress_v(void *st, const unsigned char *p, size_t n)
{
	compress((uint64_t *)st, p, n);
}

void
oojwt_sha512_init(oojwt_sha512 *c, size_t out_len)
{
	memcpy(c->st, out_len == 48 ? IV384 : IV512, sizeof c->st);
	c->count = 0;
	c->out_len = out_len == 48 ? 48 : 64;
}

void
oojwt_sha512_update(oojwt_sha512 *c, const void *data, size_t len)
{
	oojwt_md_update(&SHA512, c->st, c->buf, &c->count, data, len);
}

void
oojwt_sha512_out(oojwt_sha512 *c, unsigned char *out)
{
	size_t i;

	oojwt_md_pad(&SHA512, c->st, c->buf, c->count);
	for (i = 0; i < c->out_len; i++) {
		out[i] = (unsigned char)(c->st[i / 8] >> (56 - 8 * (i % 8)));
	}
	oojwt_wipe(c, sizeof *c);
}

static void
init_v(void *c, size_t out_len)
{
	oojwt_sha512_init((oojwt_sha512 *)c, out_len);
}

static void
update_v(void *c, const void *data, size_t len)
{
	oojwt_sha512_update((oojwt_sha512 *)c, data, len);
}

static void
out_v(void *c, unsigned char *out)
{
	oojwt_sha512_out((oojwt_sha512 *)c, out);
}

size_t
oojwt_hmac_sha512(size_t out_len, const unsigned char *key, size_t key_len,
	const void *data, size_t len, unsigned char *out)
{
	oojwt_sha512 c;
	size_t n;

	out_len = out_len == 48 ? 48 : 64;
	n = oojwt_md_hmac(&SHA512, &c, out_len, key, key_len, data, len, out);
	oojwt_wipe(&c, sizeof c);
	return n;
}
