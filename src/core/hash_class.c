/*
 * BearSSL hash classes (br_hash_class) over our SHA-256 and SHA-384/512
 * (sha256.c, sha512.c), for the RS/PS/ES code: the hashing of sig.c
 * and sig_pss.c, and what BearSSL's ECDSA signing runs its RFC 6979
 * HMAC-DRBG with. The module then carries one SHA-2 instead of ours and
 * BearSSL's (sha2small.c, sha2big.c: about 4 KB of wasm). The digests
 * are the same, so signatures are byte for byte what they were.
 *
 * BearSSL's contract, kept here: a context starts with its vtable
 * pointer and fits a br_hash_compat_context; out() leaves the context
 * as it was; state() gives the chaining value (big-endian words) and
 * the byte count, set_state() takes them back at a block boundary
 * (BearSSL's HMAC precomputes its keyed states with them).
 */
#include <string.h>
#include "bearssl_hash.h"
#include "inner.h"
#include "core.h"

typedef struct {
	const br_hash_class *vtable;
	oojwt_sha256 c;
} ctx256;

/* oojwt_sha512 less its out_len (the class says it): embedding the
 * whole of it would not fit. */
typedef struct {
	const br_hash_class *vtable;
	uint64_t st[8];
	unsigned char buf[128];
	uint64_t count;
} ctx512;

/* Both fit where BearSSL's code keeps any hash context. */
typedef char ctx_fits[sizeof(ctx256) <= sizeof(br_hash_compat_context)
	&& sizeof(ctx512) <= sizeof(br_hash_compat_context) ? 1 : -1];

/* The chaining value: 8 words of `size` bytes (4 or 8), big-endian. */
static void
words_out(unsigned char *p, const void *words, int size)
{
	int i, k;

	for (i = 0; i < 8; i++) {
		uint64_t w = size == 4 ? ((const uint32_t *)words)[i]
			: ((const uint64_t *)words)[i];
		for (k = 0; k < size; k++) {
			p[size * i + k] = (unsigned char)(w >> (8 * (size - 1 - k)));
		}
	}
}

static void
words_in(void *words, const unsigned char *p, int size)
{
	int i, k;

	for (i = 0; i < 8; i++) {
		uint64_t w = 0;
		for (k = 0; k < size; k++) {
			w = (w << 8) | p[size * i + k];
		}
		if (size == 4) {
			((uint32_t *)words)[i] = (uint32_t)w;
		} else {
			((uint64_t *)words)[i] = w;
		}
	}
}

static void
init256(const br_hash_class **ctx)
{
	ctx256 *x = (ctx256 *)(void *)ctx;

	x->vtable = &oojwt_sha256_class;
	oojwt_sha256_init(&x->c);
}

static void
update256(const br_hash_class **ctx, const void *data, size_t len)
{
	oojwt_sha256_update(&((ctx256 *)(void *)ctx)->c, data, len);
}

static void
out256(const br_hash_class *const *ctx, void *dst)
{
	oojwt_sha256 c = ((const ctx256 *)(const void *)ctx)->c;

	oojwt_sha256_out(&c, (unsigned char *)dst);   /* wipes the copy */
}

static uint64_t
state256(const br_hash_class *const *ctx, void *dst)
{
	const oojwt_sha256 *c = &((const ctx256 *)(const void *)ctx)->c;

	words_out((unsigned char *)dst, c->st, 4);
	return c->count;
}

static void
set_state256(const br_hash_class **ctx, const void *stb, uint64_t count)
{
	oojwt_sha256 *c = &((ctx256 *)(void *)ctx)->c;

	words_in(c->st, (const unsigned char *)stb, 4);
	c->count = count;
}

const br_hash_class oojwt_sha256_class = {
	sizeof(ctx256),
	BR_HASHDESC_ID(br_sha256_ID) | BR_HASHDESC_OUT(32) | BR_HASHDESC_STATE(32)
		| BR_HASHDESC_LBLEN(6) | BR_HASHDESC_MD_PADDING
		| BR_HASHDESC_MD_PADDING_BE,
	init256, update256, out256, state256, set_state256
};

/* SHA-384 and SHA-512: sha512.c's functions run on a copy of the
 * context in an oojwt_sha512 (wiped after use). */
static void
load512(oojwt_sha512 *c, const ctx512 *x)
{
	memcpy(c->st, x->st, sizeof c->st);
	memcpy(c->buf, x->buf, sizeof c->buf);
	c->count = x->count;
	c->out_len = x->vtable == &oojwt_sha384_class ? 48 : 64;
}

static void
init_sha2big(const br_hash_class **ctx, const br_hash_class *vtable)
{
	ctx512 *x = (ctx512 *)(void *)ctx;
	oojwt_sha512 c;

	x->vtable = vtable;
	oojwt_sha512_init(&c, vtable == &oojwt_sha384_class ? 48 : 64);
	memcpy(x->st, c.st, sizeof x->st);
	x->count = 0;
}

static void
init384(const br_hash_class **ctx)
{
	init_sha2big(ctx, &oojwt_sha384_class);
}

static void
init512(const br_hash_class **ctx)
{
	init_sha2big(ctx, &oojwt_sha512_class);
}

static void
update512(const br_hash_class **ctx, const void *data, size_t len)
{
	ctx512 *x = (ctx512 *)(void *)ctx;
	oojwt_sha512 c;

	load512(&c, x);
	oojwt_sha512_update(&c, data, len);
	memcpy(x->st, c.st, sizeof x->st);
	memcpy(x->buf, c.buf, sizeof x->buf);
	x->count = c.count;
	oojwt_wipe(&c, sizeof c);
}

static void
out512(const br_hash_class *const *ctx, void *dst)
{
	oojwt_sha512 c;

	load512(&c, (const ctx512 *)(const void *)ctx);
	oojwt_sha512_out(&c, (unsigned char *)dst);   /* wipes c */
}

static uint64_t
state512(const br_hash_class *const *ctx, void *dst)
{
	const ctx512 *x = (const ctx512 *)(const void *)ctx;

	words_out((unsigned char *)dst, x->st, 8);
	return x->count;
}

static void
set_state512(const br_hash_class **ctx, const void *stb, uint64_t count)
{
	ctx512 *x = (ctx512 *)(void *)ctx;

	words_in(x->st, (const unsigned char *)stb, 8);
	x->count = count;
}

#define DESC512(id, out) (BR_HASHDESC_ID(id) | BR_HASHDESC_OUT(out) \
	| BR_HASHDESC_STATE(64) | BR_HASHDESC_LBLEN(7) | BR_HASHDESC_MD_PADDING \
	| BR_HASHDESC_MD_PADDING_BE | BR_HASHDESC_MD_PADDING_128)

const br_hash_class oojwt_sha384_class = {
	sizeof(ctx512), DESC512(br_sha384_ID, 48),
	init384, update512, out512, state512, set_state512
};

const br_hash_class oojwt_sha512_class = {
	sizeof(ctx512), DESC512(br_sha512_ID, 64),
	init512, update512, out512, state512, set_state512
};
