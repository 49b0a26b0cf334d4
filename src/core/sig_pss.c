/*
 * RSASSA-PSS for PS256/384/512 (RFC 8017 8.1, 9.1) on BearSSL's raw
 * RSA operations and hash classes: MGF1 with the message hash, salt
 * length equal to the hash length (RFC 7518 3.5). Verification refuses
 * every other salt length. The salt comes from the caller.
 */
#include <string.h>
#include "bearssl_hash.h"
#include "inner.h"
#include "core.h"

static const br_hash_class *
pss_hash(unsigned alg)
{
	switch (alg) {
	case OOJWT_ALG_PS256: return &oojwt_sha256_class;
	case OOJWT_ALG_PS384: return &oojwt_sha384_class;
	case OOJWT_ALG_PS512: return &oojwt_sha512_class;
	default: return NULL;
	}
}

static size_t
hash_len(const br_hash_class *h)
{
	return (h->desc >> BR_HASHDESC_OUT_OFF) & BR_HASHDESC_OUT_MASK;
}

/* XOR MGF1(seed) into buf (len bytes). */
static void
mgf1_xor(const br_hash_class *h, const unsigned char *seed, size_t seed_len,
	unsigned char *buf, size_t len)
{
	br_hash_compat_context hc;
	unsigned char t[64], ctr[4];
	size_t hlen = hash_len(h), i, j;
	unsigned long c;

	for (i = 0, c = 0; i < len; c++) {
		ctr[0] = (unsigned char)(c >> 24);
		ctr[1] = (unsigned char)(c >> 16);
		ctr[2] = (unsigned char)(c >> 8);
		ctr[3] = (unsigned char)c;
		h->init(&hc.vtable);
		h->update(&hc.vtable, seed, seed_len);
		h->update(&hc.vtable, ctr, 4);
		h->out(&hc.vtable, t);
		for (j = 0; j < hlen && i < len; j++, i++) {
			buf[i] ^= t[j];
		}
	}
}

/* H' = Hash(00 x 8 || mHash || salt) */
static void
pss_h(const br_hash_class *h, const unsigned char *mhash,
	const unsigned char *salt, size_t slen, unsigned char *out)
{
	static const unsigned char zeros[8] = { 0 };
	br_hash_compat_context hc;

	h->init(&hc.vtable);
	h->update(&hc.vtable, zeros, 8);
	h->update(&hc.vtable, mhash, hash_len(h));
	h->update(&hc.vtable, salt, slen);
	h->out(&hc.vtable, out);
}

int
oojwt_rsa_pss_verify(const oojwt_pkey *pk, unsigned alg,
	const unsigned char *mhash, const unsigned char *sig, size_t sig_len)
{
	const br_hash_class *h = pss_hash(alg);
	unsigned char x[OOJWT_RSA_MAX_BYTES], hp[64];
	unsigned char *em, *db, *hh;
	size_t k = pk->n_len, em_bits, em_len, hlen, slen, db_len, i;
	unsigned top;

	if (h == NULL || sig_len != k || k > sizeof x || pk->bits < 2) {
		return 0;
	}
	hlen = slen = hash_len(h);
	memcpy(x, sig, k);
	if (!oojwt_rsa_public(pk, x)) {
		return 0;
	}
	em_bits = pk->bits - 1;
	em_len = (em_bits + 7) / 8;
	em = x + (k - em_len);
	if (k != em_len && x[0] != 0) {
		return 0;
	}
	if (em_len < hlen + slen + 2 || em[em_len - 1] != 0xBC) {
		return 0;
	}
	db_len = em_len - hlen - 1;
	db = em;
	hh = em + db_len;
	top = (unsigned)(8 * em_len - em_bits);
	if (top != 0 && (db[0] >> (8 - top)) != 0) {
		return 0;
	}
	mgf1_xor(h, hh, hlen, db, db_len);
	if (top != 0) {
		db[0] &= (unsigned char)(0xFF >> top);
	}
	for (i = 0; i < db_len - slen - 1; i++) {
		if (db[i] != 0) {
			return 0;
		}
	}
	if (db[db_len - slen - 1] != 0x01) {
		return 0;
	}
	pss_h(h, mhash, db + db_len - slen, slen, hp);
	return oojwt_ct_equal(hp, hh, hlen);
}

size_t
oojwt_rsa_pss_sign(const oojwt_pkey *pk, unsigned alg,
	const unsigned char *mhash, const unsigned char *salt, unsigned char *out)
{
	const br_hash_class *h = pss_hash(alg);
	size_t k = pk->n_len, em_bits, em_len, hlen, slen, db_len;
	unsigned char *em;
	unsigned top;

	if (h == NULL || pk->kind != OOJWT_KEY_RSA_PRIVATE
		|| k > OOJWT_RSA_MAX_BYTES || pk->bits < 2)
	{
		return 0;
	}
	hlen = slen = hash_len(h);
	em_bits = pk->bits - 1;
	em_len = (em_bits + 7) / 8;
	if (em_len < hlen + slen + 2) {
		return 0;
	}
	memset(out, 0, k);
	em = out + (k - em_len);
	db_len = em_len - hlen - 1;
	/* H first, into its place; then DB = PS || 01 || salt, masked. */
	pss_h(h, mhash, salt, slen, em + db_len);
	em[db_len - slen - 1] = 0x01;
	memcpy(em + db_len - slen, salt, slen);
	mgf1_xor(h, em + db_len, hlen, em, db_len);
	top = (unsigned)(8 * em_len - em_bits);
	if (top != 0) {
		em[0] &= (unsigned char)(0xFF >> top);
	}
	em[em_len - 1] = 0xBC;
	if (!oojwt_rsa_private(pk, out)) {
		oojwt_wipe(out, k);
		return 0;
	}
	return k;
}
