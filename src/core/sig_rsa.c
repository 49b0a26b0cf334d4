/*
 * RSA for RS256/384/512: BearSSL's i31 raw operations and our own
 * PKCS#1 v1.5 encoding (RFC 8017 9.2). Verification rebuilds the one
 * valid encoded message -- 00 01 FF..FF 00 DigestInfo hash, with the
 * NULL parameter in the DigestInfo -- and compares it byte for byte,
 * so the form without NULL that BearSSL's unpadder tolerates is
 * refused here.
 */
#include <string.h>
#include "bearssl_rsa.h"
#include "inner.h"
#include "core.h"

/* DigestInfo prefixes (RFC 8017 9.2, note 1), NULL parameter included. */
static const unsigned char di_sha256[] = {
	0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
	0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
static const unsigned char di_sha384[] = {
	0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
	0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30 };
static const unsigned char di_sha512[] = {
	0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
	0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40 };

int
oojwt_rsa_public(const oojwt_pkey *pk, unsigned char *x)
{
	br_rsa_public_key k;

	k.n = (unsigned char *)pk->n;
	k.nlen = pk->n_len;
	k.e = (unsigned char *)pk->e;
	k.elen = pk->e_len;
	return br_rsa_i31_public(x, pk->n_len, &k) == 1;
}

int
oojwt_rsa_private(const oojwt_pkey *pk, unsigned char *x)
{
	br_rsa_private_key k;

	k.n_bitlen = pk->bits;
	k.p = (unsigned char *)pk->p;
	k.plen = pk->p_len;
	k.q = (unsigned char *)pk->q;
	k.qlen = pk->q_len;
	k.dp = (unsigned char *)pk->dp;
	k.dplen = pk->dp_len;
	k.dq = (unsigned char *)pk->dq;
	k.dqlen = pk->dq_len;
	k.iq = (unsigned char *)pk->iq;
	k.iqlen = pk->iq_len;
	return br_rsa_i31_private(x, &k) == 1;
}

/* The encoded message for `hash` into em (k bytes); 0 when k is too
 * small for it. */
static int
encode(unsigned char *em, size_t k, unsigned alg, const unsigned char *hash)
{
	const unsigned char *di;
	size_t di_len, hlen;

	switch (alg) {
	case OOJWT_ALG_RS256: di = di_sha256; di_len = sizeof di_sha256; hlen = 32; break;
	case OOJWT_ALG_RS384: di = di_sha384; di_len = sizeof di_sha384; hlen = 48; break;
	case OOJWT_ALG_RS512: di = di_sha512; di_len = sizeof di_sha512; hlen = 64; break;
	default: return 0;
	}
	if (k < di_len + hlen + 11) {
		return 0;
	}
	em[0] = 0x00;
	em[1] = 0x01;
	memset(em + 2, 0xFF, k - di_len - hlen - 3);
	em[k - di_len - hlen - 1] = 0x00;
	memcpy(em + k - di_len - hlen, di, di_len);
	memcpy(em + k - hlen, hash, hlen);
	return 1;
}

int
oojwt_rsa_pkcs1_verify(const oojwt_pkey *pk, unsigned alg,
	const unsigned char *hash, const unsigned char *sig, size_t sig_len)
{
	unsigned char x[OOJWT_RSA_MAX_BYTES], em[OOJWT_RSA_MAX_BYTES];
	size_t k = pk->n_len;

	if (sig_len != k || k > sizeof x || !encode(em, k, alg, hash)) {
		return 0;
	}
	memcpy(x, sig, k);
	if (!oojwt_rsa_public(pk, x)) {
		return 0;
	}
	return oojwt_ct_equal(x, em, k);
}

size_t
oojwt_rsa_pkcs1_sign(const oojwt_pkey *pk, unsigned alg,
	const unsigned char *hash, unsigned char *out)
{
	size_t k = pk->n_len;

	if (pk->kind != OOJWT_KEY_RSA_PRIVATE || k > OOJWT_RSA_MAX_BYTES
		|| !encode(out, k, alg, hash) || !oojwt_rsa_private(pk, out))
	{
		return 0;
	}
	return k;
}
