/*
 * What SHA-256 (sha256.c) and SHA-384/512 (sha512.c) share: the
 * Merkle-Damgard buffering and padding around their compression
 * functions, and HMAC (RFC 2104) over either. The hashes keep only
 * their rounds and their word size.
 */
#include <string.h>
#include "inner.h"
#include "core.h"

void
oojwt_md_update(const oojwt_md_class *h, void *st, unsigned char *buf,
	uint64_t *count, const void *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t used = (size_t)(*count % h->block);

	*count += len;
	if (used != 0) {
		size_t take = h->block - used < len ? h->block - used : len;
		memcpy(buf + used, p, take);
		p += take;
		len -= take;
		if (used + take < h->block) {
			return;
		}
		h->compress(st, buf, 1);
	}
	h->compress(st, p, len / h->block);
	memcpy(buf, p + len / h->block * h->block, len % h->block);
}

void
oojwt_md_pad(const oojwt_md_class *h, void *st, unsigned char *buf,
	uint64_t count)
{
	uint64_t bits = count * 8;
	size_t used = (size_t)(count % h->block);
	size_t room = h->block - h->len_bytes;
	int i;

	buf[used++] = 0x80;
	if (used > room) {
		memset(buf + used, 0, h->block - used);
		h->compress(st, buf, 1);
		used = 0;
	}
	/* The length field's upper bytes (SHA-512's is 128 bits) are 0. */
	memset(buf + used, 0, h->block - 8 - used);
	for (i = 0; i < 8; i++) {
		buf[h->block - 8 + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
	}
	h->compress(st, buf, 1);
}

size_t
oojwt_md_hmac(const oojwt_md_class *h, void *ctx, size_t out_len,
	const unsigned char *key, size_t key_len, const void *data, size_t len,
	unsigned char *out)
{
	unsigned char k0[128], inner[64];
	size_t i;

	memset(k0, 0, sizeof k0);
	if (key_len > h->block) {
		h->init(ctx, out_len);
		h->update(ctx, key, key_len);
		h->out(ctx, k0);
	} else if (key_len > 0) {
		memcpy(k0, key, key_len);
	}
	for (i = 0; i < h->block; i++) {
		k0[i] ^= 0x36;
	}
	h->init(ctx, out_len);
	h->update(ctx, k0, h->block);
	h->update(ctx, data, len);
	h->out(ctx, inner);
	for (i = 0; i < h->block; i++) {
		k0[i] ^= 0x36 ^ 0x5c;
	}
	h->init(ctx, out_len);
	h->update(ctx, k0, h->block);
	h->update(ctx, inner, out_len);
	h->out(ctx, out);
	oojwt_wipe(k0, sizeof k0);
	oojwt_wipe(inner, sizeof inner);
	return out_len;
}
