/*
 * SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104) for HS256, the
 * algorithm Document Server signs with.
 *
 * Our own code rather than BearSSL's br_sha256 because HS256 is the hot
 * path of every verify, and BearSSL's portable round function runs at
 * about half its native speed once compiled to WebAssembly: its message
 * schedule lives in a 64-word array in memory. Here the rounds are
 * unrolled over the eight working variables and a 16-word rolling
 * schedule that the compiler keeps in locals; rotations are written so
 * that clang emits i32.rotr. No table lookups depend on data, no
 * branches depend on data, so it is constant-time like BearSSL's.
 * Checked against RFC 4231, Wycheproof and BearSSL itself (tests/c).
 */
#include <stdint.h>
#include <string.h>
#include "inner.h"
#include "core.h"

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

static const uint32_t IV[8] = {
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
};

#define ROTR(x, n)  (((x) >> (n)) | ((x) << (32 - (n))))
#define BSIG0(x)    (ROTR(x, 2) ^ ROTR(x, 13) ^ ROTR(x, 22))
#define BSIG1(x)    (ROTR(x, 6) ^ ROTR(x, 11) ^ ROTR(x, 25))
#define SSIG0(x)    (ROTR(x, 7) ^ ROTR(x, 18) ^ ((x) >> 3))
#define SSIG1(x)    (ROTR(x, 17) ^ ROTR(x, 19) ^ ((x) >> 10))
#define CH(x, y, z)  ((z) ^ ((x) & ((y) ^ (z))))

#define ROUND(a, b, c, d, e, f, g, h, k, w, bc, ab) \
	OOJWT_SHA2_ROUND(uint32_t, a, b, c, d, e, f, g, h, k, w, bc, ab)

/* W[j] for rounds 16..63, in place in the 16-word window. */
#define SCHED(j) (w[(j) & 15] += SSIG1(w[((j) + 14) & 15]) \
	+ w[((j) + 9) & 15] + SSIG0(w[((j) + 1) & 15]))

#define EIGHT OOJWT_SHA2_EIGHT

static uint32_t
be32(const unsigned char *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16)
		| ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* Compress `n` 64-byte blocks of `p` into `st`. */
static void
compress(uint32_t *st, const unsigned char *p, size_t n)
{
	uint32_t w[16];
	int i, j;

	while (n-- > 0) {
		uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
		uint32_t e = st[4], f = st[5], g = st[6], h = st[7];
		uint32_t x = b ^ c, y;

		for (j = 0; j < 16; j++) {
			w[j] = be32(p + 4 * j);
		}
		EIGHT(0, w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
		EIGHT(8, w[8], w[9], w[10], w[11], w[12], w[13], w[14], w[15]);
		for (i = 16; i < 64; i += 16) {
			EIGHT(i, SCHED(0), SCHED(1), SCHED(2), SCHED(3),
				SCHED(4), SCHED(5), SCHED(6), SCHED(7));
			EIGHT(i + 8, SCHED(8), SCHED(9), SCHED(10), SCHED(11),
				SCHED(12), SCHED(13), SCHED(14), SCHED(15));
		}
		st[0] += a; st[1] += b; st[2] += c; st[3] += d;
		st[4] += e; st[5] += f; st[6] += g; st[7] += h;
		p += 64;
	}
	oojwt_wipe(w, sizeof w);
}

static void compress_v(void *st, const unsigned char *p, size_t n);
static void init_v(void *c, size_t out_len);
static void update_v(void *c, const void *data, size_t len);
static void out_v(void *c, unsigned char *out);

static const oojwt_md_class SHA256 = { 64, 8, compress_v, init_v, update_v,
	out_v };

static void
compress_v(void *st, const unsigned char *p, size_t n)
{
	compress((uint32_t *)st, p, n);
}

void
oojwt_sha256_init(oojwt_sha256 *c)
{
	memcpy(c->st, IV, sizeof IV);
	c->count = 0;
}

void
oojwt_sha256_update(oojwt_sha256 *c, const void *data, size_t len)
{
	oojwt_md_update(&SHA256, c->st, c->buf, &c->count, data, len);
}

void
oojwt_sha256_out(oojwt_sha256 *c, unsigned char *out)
{
	int i;

	oojwt_md_pad(&SHA256, c->st, c->buf, c->count);
	for (i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(c->st[i] >> 24);
		out[4 * i + 1] = (unsigned char)(c->st[i] >> 16);
		out[4 * i + 2] = (unsigned char)(c->st[i] >> 8);
		out[4 * i + 3] = (unsigned char)c->st[i];
	}
	oojwt_wipe(c, sizeof *c);
}

static void
init_v(void *c, size_t out_len)
{
	(void)out_len;
	oojwt_sha256_init((oojwt_sha256 *)c);
}

static void
update_v(void *c, const void *data, size_t len)
{
	oojwt_sha256_update((oojwt_sha256 *)c, data, len);
}

static void
out_v(void *c, unsigned char *out)
{
	oojwt_sha256_out((oojwt_sha256 *)c, out);
}

size_t
oojwt_hmac_sha256(const unsigned char *key, size_t key_len, const void *data,
	size_t len, unsigned char *out)
{
	oojwt_sha256 c;
	size_t n = oojwt_md_hmac(&SHA256, &c, 32, key, key_len, data, len, out);

	oojwt_wipe(&c, sizeof c);
	return n;
}
