/*
 * DER keys, read with our own strict DER reader (definite minimal
 * lengths, minimal positive INTEGERs, nothing after an element):
 * SubjectPublicKeyInfo, PKCS#1 RSAPublicKey and RSAPrivateKey (two
 * primes), PKCS#8 PrivateKeyInfo, SEC1 ECPrivateKey, and the
 * SubjectPublicKeyInfo of an X.509 certificate (only the key is taken:
 * no chain, signature, validity date or name is checked).
 */
#include <string.h>
#include "inner.h"
#include "core.h"

typedef oojwt_der der;

#define der_take oojwt_der_take
#define der_uint oojwt_der_uint

/* Read one element of tag `tag` from the front of d (inner.h). */
int
oojwt_der_take(oojwt_der *d, unsigned tag, oojwt_der *out)
{
	size_t len, n, i;

	if (d->len < 2 || d->p[0] != tag) {
		return 0;
	}
	len = d->p[1];
	i = 2;
	if (len >= 0x80) {
		n = len & 0x7F;
		if (n == 0 || n > 3 || d->len < 2 + n || d->p[2] == 0) {
			return 0;
		}
		for (len = 0; n > 0; n--) {
			len = (len << 8) | d->p[i++];
		}
		if (len < 0x80) {
			return 0;
		}
	}
	if (d->len - i < len) {
		return 0;
	}
	out->p = d->p + i;
	out->len = len;
	d->p += i + len;
	d->len -= i + len;
	return 1;
}

/* A positive minimal INTEGER into dst (cap bytes), leading 00 dropped. */
int
oojwt_der_uint(oojwt_der *d, unsigned char *dst, size_t cap, size_t *len)
{
	der v;

	if (!der_take(d, 0x02, &v) || v.len == 0 || (v.p[0] & 0x80) != 0) {
		return 0;
	}
	if (v.p[0] == 0 && v.len > 1) {
		if ((v.p[1] & 0x80) == 0) {
			return 0;
		}
		v.p++;
		v.len--;
	}
	if (v.len > cap) {
		return 0;
	}
	memcpy(dst, v.p, v.len);
	*len = v.len;
	return 1;
}

static const unsigned char oid_rsa[] = {
	0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01 };
static const unsigned char oid_rsa_pss[] = {
	0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a };
static const unsigned char oid_ec[] = {
	0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01 };
static const unsigned char oid_p256[] = {
	0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07 };
static const unsigned char oid_p384[] = { 0x2b, 0x81, 0x04, 0x00, 0x22 };
static const unsigned char oid_p521[] = { 0x2b, 0x81, 0x04, 0x00, 0x23 };

static int
same(const der *v, const unsigned char *oid, size_t len)
{
	return v->len == len && memcmp(v->p, oid, len) == 0;
}

/* RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } */
static int
rsa_public(oojwt_pkey *pk, const unsigned char *p, size_t len)
{
	der d = { p, len }, s;

	if (!der_take(&d, 0x30, &s) || d.len != 0
		|| !der_uint(&s, pk->n, sizeof pk->n, &pk->n_len)
		|| !der_uint(&s, pk->e, sizeof pk->e, &pk->e_len) || s.len != 0)
	{
		return 0;
	}
	pk->kind = OOJWT_KEY_RSA_PUBLIC;
	return 1;
}

static int
spki(oojwt_pkey *pk, const unsigned char *p, size_t len, char *msg)
{
	der d = { p, len }, s, alg, oid, par, bits;

	if (!der_take(&d, 0x30, &s) || d.len != 0 || !der_take(&s, 0x30, &alg)
		|| !der_take(&s, 0x03, &bits) || s.len != 0
		|| !der_take(&alg, 0x06, &oid) || bits.len < 1 || bits.p[0] != 0)
	{
		return -1;
	}
	if (same(&oid, oid_rsa, sizeof oid_rsa)) {
		if (alg.len != 2 || alg.p[0] != 0x05 || alg.p[1] != 0x00) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the RSA SubjectPublicKeyInfo "
				"must have NULL parameters");
			return 0;
		}
		if (!rsa_public(pk, bits.p + 1, bits.len - 1)) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the RSA public key inside "
				"the SubjectPublicKeyInfo is not strict DER");
			return 0;
		}
		return 1;
	}
	if (same(&oid, oid_rsa_pss, sizeof oid_rsa_pss)) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "RSASSA-PSS-only keys (OID "
			"1.2.840.113549.1.1.10) are not supported; use an rsaEncryption key");
		return 0;
	}
	if (!same(&oid, oid_ec, sizeof oid_ec)) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the public key is neither RSA "
			"nor EC (Ed25519 and others are not supported)");
		return 0;
	}
	if (!der_take(&alg, 0x06, &par) || alg.len != 0) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the EC key must name its curve");
		return 0;
	}
	pk->curve = same(&par, oid_p256, sizeof oid_p256) ? 23
		: same(&par, oid_p384, sizeof oid_p384) ? 24
		: same(&par, oid_p521, sizeof oid_p521) ? 25 : 0;
	if (pk->curve == 0) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the EC key's curve is not "
			"P-256, P-384 or P-521");
		return 0;
	}
	if (bits.len - 1 > sizeof pk->pub) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the EC point is too long");
		return 0;
	}
	memcpy(pk->pub, bits.p + 1, bits.len - 1);
	pk->pub_len = bits.len - 1;
	pk->kind = OOJWT_KEY_EC_PUBLIC;
	return 1;
}

/* Which private-key structure this is: PKCS#1, PKCS#8 or SEC1 (0). */
static int
private_format(const unsigned char *p, size_t len)
{
	der d = { p, len }, s, v;

	if (!der_take(&d, 0x30, &s) || d.len != 0 || !der_take(&s, 0x02, &v)
		|| v.len != 1 || s.len == 0)
	{
		return 0;
	}
	if (v.p[0] == 0 && s.p[0] == 0x30) {
		return OOJWT_KEYFMT_PKCS8;
	}
	if (v.p[0] == 0 && s.p[0] == 0x02) {
		return OOJWT_KEYFMT_PKCS1;
	}
	if (v.p[0] == 1 && s.p[0] == 0x04) {
		return OOJWT_KEYFMT_SEC1;
	}
	return 0;
}

/* RSAPrivateKey ::= SEQUENCE { version 0, n, e, d, p, q, dp, dq, qi }
 * (two primes only). */
static int
rsa_private(oojwt_pkey *pk, const unsigned char *p, size_t len)
{
	unsigned char dd[OOJWT_RSA_MAX_BYTES];
	der d = { p, len }, s, v;
	size_t dl;
	int ok;

	if (!der_take(&d, 0x30, &s) || d.len != 0 || !der_take(&s, 0x02, &v)
		|| v.len != 1 || v.p[0] != 0)
	{
		return 0;
	}
	ok = der_uint(&s, pk->n, sizeof pk->n, &pk->n_len)
		&& der_uint(&s, pk->e, sizeof pk->e, &pk->e_len)
		&& der_uint(&s, dd, sizeof dd, &dl)
		&& der_uint(&s, pk->p, sizeof pk->p, &pk->p_len)
		&& der_uint(&s, pk->q, sizeof pk->q, &pk->q_len)
		&& der_uint(&s, pk->dp, sizeof pk->dp, &pk->dp_len)
		&& der_uint(&s, pk->dq, sizeof pk->dq, &pk->dq_len)
		&& der_uint(&s, pk->iq, sizeof pk->iq, &pk->iq_len)
		&& s.len == 0;
	oojwt_wipe(dd, sizeof dd);
	pk->kind = OOJWT_KEY_RSA_PRIVATE;
	return ok;
}

/* The curve named by an OID (its contents), 0 when not supported. */
static int
curve_of_oid(const der *oid)
{
	return same(oid, oid_p256, sizeof oid_p256) ? 23
		: same(oid, oid_p384, sizeof oid_p384) ? 24
		: same(oid, oid_p521, sizeof oid_p521) ? 25 : 0;
}

/* ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING,
 * [0] parameters OID OPTIONAL, [1] publicKey BIT STRING OPTIONAL }.
 * `curve` is the curve already known (PKCS#8), 0 when not. */
static int
ec_private(oojwt_pkey *pk, const unsigned char *p, size_t len, int curve)
{
	der d = { p, len }, s, v, x, e, oid, bits;

	if (!der_take(&d, 0x30, &s) || d.len != 0 || !der_take(&s, 0x02, &v)
		|| v.len != 1 || v.p[0] != 1 || !der_take(&s, 0x04, &x))
	{
		return 0;
	}
	if (s.len > 0 && s.p[0] == 0xA0) {
		if (!der_take(&s, 0xA0, &e) || !der_take(&e, 0x06, &oid) || e.len != 0) {
			return 0;
		}
		if (curve != 0 && curve != curve_of_oid(&oid)) {
			return 0;
		}
		curve = curve_of_oid(&oid);
	}
	if (s.len > 0 && s.p[0] == 0xA1) {
		if (!der_take(&s, 0xA1, &e) || !der_take(&e, 0x03, &bits)
			|| e.len != 0 || bits.len < 2 || bits.p[0] != 0
			|| bits.len - 1 > sizeof pk->pub)
		{
			return 0;
		}
		memcpy(pk->pub, bits.p + 1, bits.len - 1);
		pk->pub_len = bits.len - 1;
	}
	if (s.len != 0 || curve == 0 || x.len > sizeof pk->x) {
		return 0;
	}
	memcpy(pk->x, x.p, x.len);
	pk->x_len = x.len;
	pk->curve = curve;
	pk->kind = OOJWT_KEY_EC_PRIVATE;
	return 1;
}

/* PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier,
 * privateKey OCTET STRING, [0] attributes OPTIONAL, [1] OPTIONAL } */
static int
pkcs8(oojwt_pkey *pk, const unsigned char *p, size_t len, char *msg)
{
	der d = { p, len }, s, v, alg, oid, par, key;

	if (!der_take(&d, 0x30, &s) || d.len != 0 || !der_take(&s, 0x02, &v)
		|| !der_take(&s, 0x30, &alg) || !der_take(&s, 0x04, &key)
		|| !der_take(&alg, 0x06, &oid))
	{
		return 0;
	}
	if (s.len > 0 && (s.p[0] == 0xA0 || s.p[0] == 0x81 || s.p[0] == 0xA1)) {
		der skip;
		if (!der_take(&s, s.p[0], &skip)) {
			return 0;
		}
	}
	if (s.len != 0) {
		return 0;
	}
	if (same(&oid, oid_rsa, sizeof oid_rsa)) {
		return alg.len == 2 && alg.p[0] == 0x05 && alg.p[1] == 0
			&& rsa_private(pk, key.p, key.len);
	}
	if (same(&oid, oid_ec, sizeof oid_ec)) {
		if (!der_take(&alg, 0x06, &par) || alg.len != 0
			|| curve_of_oid(&par) == 0)
		{
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the EC private key is not "
				"on P-256, P-384 or P-521");
			return 0;
		}
		return ec_private(pk, key.p, key.len, curve_of_oid(&par));
	}
	oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the private key is neither RSA nor "
		"EC (Ed25519 and others are not supported)");
	return 0;
}

static int
private_key(oojwt_pkey *pk, const unsigned char *p, size_t len, int fmt,
	char *msg)
{
	int ok;

	msg[0] = 0;
	ok = fmt == OOJWT_KEYFMT_PKCS1 ? rsa_private(pk, p, len)
		: fmt == OOJWT_KEYFMT_SEC1 ? ec_private(pk, p, len, 0)
		: pkcs8(pk, p, len, msg);
	if (!ok && msg[0] == 0) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the %s private key is not strict "
			"DER (or names an unsupported curve)", oojwt_key_format_name(fmt));
	}
	return ok;
}

/*
 * Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version
 * OPTIONAL, serialNumber, signature, issuer, validity, subject,
 * subjectPublicKeyInfo, ... }, signatureAlgorithm, signatureValue }.
 * Only the SubjectPublicKeyInfo is read.
 */
static int
certificate(oojwt_pkey *pk, const unsigned char *p, size_t len, char *msg)
{
	static const unsigned char tags[5] = { 0x02, 0x30, 0x30, 0x30, 0x30 };
	der d = { p, len }, c, tbs, skip, sig;
	const unsigned char *at;
	int i, r;

	if (!der_take(&d, 0x30, &c) || d.len != 0 || !der_take(&c, 0x30, &tbs)
		|| !der_take(&c, 0x30, &skip) || !der_take(&c, 0x03, &sig)
		|| c.len != 0)
	{
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the certificate is not strict DER");
		return 0;
	}
	if (tbs.len > 0 && tbs.p[0] == 0xA0 && !der_take(&tbs, 0xA0, &skip)) {
		return 0;
	}
	/* serialNumber, signature, issuer, validity, subject */
	for (i = 0; i < 5; i++) {
		if (!der_take(&tbs, tags[i], &skip)) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the certificate is not "
				"strict DER");
			return 0;
		}
	}
	at = tbs.p;
	if (!der_take(&tbs, 0x30, &skip)) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the certificate has no public key");
		return 0;
	}
	r = spki(pk, at, (size_t)(tbs.p - at), msg);
	if (r < 0) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the certificate's public key is "
			"not strict DER");
	}
	return r > 0;
}

int
oojwt_der_key_read(oojwt_pkey *pk, const unsigned char *p, size_t len,
	int fmt, char *msg)
{
	int r;

	if (fmt == 0 || fmt == OOJWT_KEYFMT_SPKI) {
		r = spki(pk, p, len, msg);
		if (r >= 0) {
			pk->format = OOJWT_KEYFMT_SPKI;
			return r ? OOJWT_OK : OOJWT_ERR_BAD_KEY;
		}
		if (fmt != 0) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
				"the public key is not a strict DER SubjectPublicKeyInfo");
			return OOJWT_ERR_BAD_KEY;
		}
		memset(pk, 0, sizeof *pk);
	}
	if (fmt == 0 || fmt == -OOJWT_KEYFMT_PKCS1) {
		/* -PKCS1: the public RSAPublicKey structure. */
		if (rsa_public(pk, p, len)) {
			pk->format = OOJWT_KEYFMT_PKCS1;
			return OOJWT_OK;
		}
		if (fmt != 0) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
				"the RSA public key is not a strict DER RSAPublicKey");
			return OOJWT_ERR_BAD_KEY;
		}
		memset(pk, 0, sizeof *pk);
	}
	if (fmt == 0 || fmt == OOJWT_KEYFMT_PKCS1 || fmt == OOJWT_KEYFMT_PKCS8
		|| fmt == OOJWT_KEYFMT_SEC1)
	{
		int got = private_format(p, len);
		if (got != 0 && (fmt == 0 || fmt == got)) {
			pk->format = got;
			return private_key(pk, p, len, got, msg) ? OOJWT_OK
				: OOJWT_ERR_BAD_KEY;
		}
		if (fmt != 0) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the PEM label says %s, but "
				"the DER inside is not that structure",
				oojwt_key_format_name(fmt));
			return OOJWT_ERR_BAD_KEY;
		}
	}
	pk->format = OOJWT_KEYFMT_X509;
	if (certificate(pk, p, len, msg)) {
		return OOJWT_OK;
	}
	if (fmt == 0) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the DER is not a key this "
			"reader knows (SubjectPublicKeyInfo, PKCS#1, PKCS#8, SEC1, "
			"X.509 certificate)");
	}
	return OOJWT_ERR_BAD_KEY;
}
