/*
 * Keys for every algorithm: the reader that recognises a JWK, a JWK
 * Set, PEM text or DER (oojwt_key_read), the checks every RSA/EC key
 * passes (oojwt_pkey_finish), names, and RFC 7638 thumbprints.
 */
#include <string.h>
#include "bearssl_ec.h"
#include "bearssl_hash.h"
#include "bearssl_rsa.h"
#include "inner.h"
#include "core.h"

void
oojwt_pkey_wipe(oojwt_pkey *pk)
{
	if (pk != NULL) {
		oojwt_wipe(pk, sizeof *pk);
	}
}

const char *
oojwt_key_kind_name(int kind)
{
	switch (kind) {
	case OOJWT_KEY_OCT: return "oct";
	case OOJWT_KEY_RSA_PUBLIC: return "RSA public";
	case OOJWT_KEY_RSA_PRIVATE: return "RSA private";
	case OOJWT_KEY_EC_PUBLIC: return "EC public";
	case OOJWT_KEY_EC_PRIVATE: return "EC private";
	default: return NULL;
	}
}

const char *
oojwt_key_format_name(int format)
{
	switch (format) {
	case OOJWT_KEYFMT_JWK: return "JWK";
	case OOJWT_KEYFMT_JWKS: return "JWK Set";
	case OOJWT_KEYFMT_SPKI: return "SubjectPublicKeyInfo";
	case OOJWT_KEYFMT_PKCS1: return "PKCS#1";
	case OOJWT_KEYFMT_PKCS8: return "PKCS#8";
	case OOJWT_KEYFMT_SEC1: return "SEC1";
	case OOJWT_KEYFMT_X509: return "X.509 certificate";
	default: return NULL;
	}
}

const char *
oojwt_curve_name(int curve)
{
	switch (curve) {
	case BR_EC_secp256r1: return "P-256";
	case BR_EC_secp384r1: return "P-384";
	case BR_EC_secp521r1: return "P-521";
	default: return NULL;
	}
}

unsigned
oojwt_key_algs(const oojwt_pkey *pk)
{
	switch (pk->kind) {
	case OOJWT_KEY_OCT:
		return OOJWT_ALG_HMAC;
	case OOJWT_KEY_RSA_PUBLIC:
	case OOJWT_KEY_RSA_PRIVATE:
		return OOJWT_ALG_RS256 | OOJWT_ALG_RS384 | OOJWT_ALG_RS512
			| OOJWT_ALG_PS256 | OOJWT_ALG_PS384 | OOJWT_ALG_PS512;
	case OOJWT_KEY_EC_PUBLIC:
	case OOJWT_KEY_EC_PRIVATE:
		return pk->curve == BR_EC_secp256r1 ? OOJWT_ALG_ES256
			: pk->curve == BR_EC_secp384r1 ? OOJWT_ALG_ES384
			: pk->curve == BR_EC_secp521r1 ? OOJWT_ALG_ES512 : 0;
	default:
		return 0;
	}
}

/* ---- thumbprints (RFC 7638): SHA-256 of the canonical JWK ------------ */

static void
h_puts(oojwt_sha256 *h, const char *s)
{
	oojwt_sha256_update(h, s, strlen(s));
}

static void
h_b64(oojwt_sha256 *h, const unsigned char *p, size_t len)
{
	char chunk[64];

	while (len > 0) {
		size_t n = len > 48 ? 48 : len;
		size_t m = oojwt_b64url_encode(chunk, p, n);
		oojwt_sha256_update(h, chunk, m);
		p += n;
		len -= n;
	}
	oojwt_wipe(chunk, sizeof chunk);
}

static void
thumbprint(oojwt_pkey *pk)
{
	oojwt_sha256 h;
	unsigned char out[32];
	size_t c;

	oojwt_sha256_init(&h);
	switch (pk->kind) {
	case OOJWT_KEY_RSA_PUBLIC:
	case OOJWT_KEY_RSA_PRIVATE:
		h_puts(&h, "{\"e\":\"");
		h_b64(&h, pk->e, pk->e_len);
		h_puts(&h, "\",\"kty\":\"RSA\",\"n\":\"");
		h_b64(&h, pk->n, pk->n_len);
		h_puts(&h, "\"}");
		break;
	case OOJWT_KEY_EC_PUBLIC:
	case OOJWT_KEY_EC_PRIVATE:
		c = oojwt_ec_size(pk->curve);
		h_puts(&h, "{\"crv\":\"");
		h_puts(&h, oojwt_curve_name(pk->curve));
		h_puts(&h, "\",\"kty\":\"EC\",\"x\":\"");
		h_b64(&h, pk->pub + 1, c);
		h_puts(&h, "\",\"y\":\"");
		h_b64(&h, pk->pub + 1 + c, c);
		h_puts(&h, "\"}");
		break;
	default:
		h_puts(&h, "{\"k\":\"");
		h_b64(&h, pk->secret, pk->secret_len);
		h_puts(&h, "\",\"kty\":\"oct\"}");
		break;
	}
	oojwt_sha256_out(&h, out);   /* wipes h */
	oojwt_b64url_encode(pk->thumbprint, out, sizeof out);
	pk->thumbprint[43] = 0;
}

/* ---- checks ------------------------------------------------------------ */

static unsigned
bit_length(const unsigned char *p, size_t len)
{
	unsigned bits;
	unsigned char top;

	while (len > 0 && p[0] == 0) {
		p++;
		len--;
	}
	if (len == 0) {
		return 0;
	}
	bits = (unsigned)(len - 1) * 8;
	for (top = p[0]; top != 0; top >>= 1) {
		bits++;
	}
	return bits;
}

static int
fail(char *msg, const char *why)
{
	oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "%s", why);
	return OOJWT_ERR_BAD_KEY;
}

static int
finish_rsa(oojwt_pkey *pk, char *msg)
{
	unsigned char n[OOJWT_RSA_MAX_BYTES];
	br_rsa_private_key sk;
	size_t n_len, i;
	int two;

	if (pk->kind == OOJWT_KEY_RSA_PRIVATE) {
		if (pk->p_len == 0 || pk->q_len == 0 || pk->dp_len == 0
			|| pk->dq_len == 0 || pk->iq_len == 0)
		{
			return fail(msg, "the RSA private key lacks its CRT "
				"parameters (p, q, dp, dq, qi)");
		}
		memset(&sk, 0, sizeof sk);
		sk.p = pk->p;
		sk.plen = pk->p_len;
		sk.q = pk->q;
		sk.qlen = pk->q_len;
		sk.dp = pk->dp;
		sk.dplen = pk->dp_len;
		sk.dq = pk->dq;
		sk.dqlen = pk->dq_len;
		sk.iq = pk->iq;
		sk.iqlen = pk->iq_len;
		if (pk->n_len == 0 || pk->e_len == 0) {
			return fail(msg, "the RSA private key has no modulus or "
				"public exponent");
		}
		/* p * q must be n: BearSSL computes the product when it fits
		 * its buffers (not for 4096-bit keys); otherwise a private
		 * then public operation on 2 must give 2 back. */
		sk.n_bitlen = (uint32_t)(8 * pk->n_len);
		n_len = pk->p_len + pk->q_len > sizeof n ? 0
			: br_rsa_i31_compute_modulus(n, &sk);
		if (n_len != 0) {
			if (n_len != pk->n_len || memcmp(n, pk->n, n_len) != 0) {
				return fail(msg, "the RSA private key does not match "
					"its modulus n (p * q != n)");
			}
		} else {
			memset(n, 0, pk->n_len);
			n[pk->n_len - 1] = 2;
			pk->bits = bit_length(pk->n, pk->n_len);
			two = oojwt_rsa_private(pk, n) && oojwt_rsa_public(pk, n);
			for (i = 0; two && i + 1 < pk->n_len; i++) {
				two = n[i] == 0;
			}
			if (!two || n[pk->n_len - 1] != 2) {
				oojwt_wipe(n, sizeof n);
				return fail(msg, "the RSA private key's parameters do not "
					"match its public key");
			}
		}
		oojwt_wipe(n, sizeof n);
	}
	if (pk->n_len == 0 || pk->n[0] == 0 || pk->e_len == 0 || pk->e[0] == 0) {
		return fail(msg, "RSA n and e must be positive integers without "
			"leading zero bytes");
	}
	pk->bits = bit_length(pk->n, pk->n_len);
	if (pk->bits < 2048) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the RSA key has %d bits; "
			"oojwt refuses RSA keys below 2048 bits", (int)pk->bits);
		return OOJWT_ERR_BAD_KEY;
	}
	if (pk->bits > 4096) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the RSA key has %d bits; "
			"oojwt supports RSA keys up to 4096 bits", (int)pk->bits);
		return OOJWT_ERR_BAD_KEY;
	}
	if ((pk->n[pk->n_len - 1] & 1) == 0) {
		return fail(msg, "the RSA modulus is even");
	}
	if (pk->e_len == 1 && pk->e[0] == 1) {
		return fail(msg, "the RSA public exponent is 1: every message "
			"would be its own signature");
	}
	if ((pk->e[pk->e_len - 1] & 1) == 0) {
		return fail(msg, "the RSA public exponent is even");
	}
	return OOJWT_OK;
}

static int
finish_ec(oojwt_pkey *pk, char *msg)
{
	static const unsigned char one = 1;
	unsigned char pt[1 + 2 * OOJWT_EC_MAX_BYTES];
	unsigned char kbuf[BR_EC_KBUF_PUB_MAX_SIZE];
	const unsigned char *order;
	br_ec_private_key sk;
	size_t c = oojwt_ec_size(pk->curve), olen, i;
	int below, eq;

	if (c == 0) {
		return fail(msg, "the EC key is not on P-256, P-384 or P-521");
	}
	pk->bits = c == 66 ? 521 : (unsigned)c * 8;
	if (pk->kind == OOJWT_KEY_EC_PRIVATE) {
		order = br_ec_prime_i31.order(pk->curve, &olen);
		if (pk->x_len != olen) {
			return fail(msg, "the EC private scalar has the wrong length "
				"for its curve");
		}
		/* 1 <= x < order */
		below = 0;
		eq = 1;
		for (i = 0; i < olen; i++) {
			if (eq && pk->x[i] != order[i]) {
				below = pk->x[i] < order[i];
				eq = 0;
			}
		}
		for (i = 0; i < olen && pk->x[i] == 0; i++) {
			continue;
		}
		if (!below || i == olen) {
			return fail(msg, "the EC private scalar is out of range");
		}
		sk.curve = pk->curve;
		sk.x = pk->x;
		sk.xlen = pk->x_len;
		if (br_ec_compute_pub(oojwt_ec_impl(pk->curve), NULL, kbuf, &sk) != 1 + 2 * c) {
			oojwt_wipe(kbuf, sizeof kbuf);
			return fail(msg, "the EC public key cannot be computed");
		}
		if (pk->pub_len == 0) {
			memcpy(pk->pub, kbuf, 1 + 2 * c);
			pk->pub_len = 1 + 2 * c;
		} else if (pk->pub_len != 1 + 2 * c
			|| memcmp(pk->pub, kbuf, pk->pub_len) != 0)
		{
			oojwt_wipe(kbuf, sizeof kbuf);
			return fail(msg, "the EC private key does not match its "
				"public point (x, y)");
		}
		oojwt_wipe(kbuf, sizeof kbuf);
	}
	if (pk->pub_len != 1 + 2 * c || pk->pub[0] != 0x04) {
		return fail(msg, "the EC public point must be uncompressed "
			"(04 || X || Y) with coordinates of the curve's size");
	}
	memcpy(pt, pk->pub, pk->pub_len);
	if (oojwt_ec_impl(pk->curve)->mul(pt, pk->pub_len, &one, 1, pk->curve) != 1) {
		return fail(msg, "the EC public point is not on its curve");
	}
	return OOJWT_OK;
}

int
oojwt_pkey_finish(oojwt_pkey *pk, char *msg)
{
	int code;

	switch (pk->kind) {
	case OOJWT_KEY_RSA_PUBLIC:
	case OOJWT_KEY_RSA_PRIVATE:
		code = finish_rsa(pk, msg);
		break;
	case OOJWT_KEY_EC_PUBLIC:
	case OOJWT_KEY_EC_PRIVATE:
		code = finish_ec(pk, msg);
		break;
	case OOJWT_KEY_OCT:
		pk->bits = (unsigned)(pk->secret_len * 8);
		code = OOJWT_OK;
		break;
	default:
		code = fail(msg, "unknown key kind");
		break;
	}
	if (code == OOJWT_OK) {
		thumbprint(pk);
	}
	oojwt_wipe_stack(); /* temporaries of the private-key checks */
	return code;
}

/* ---- the reader ----------------------------------------------------------- */

int
oojwt_key_read(oojwt_key *key, oojwt_pkey *pk, unsigned char *buf,
	size_t buf_len, const void *in, size_t len, const char *kid,
	size_t kid_len, char *msg)
{
	return oojwt_key_read_alg(key, pk, buf, buf_len, in, len, kid, kid_len,
		0, msg);
}

int
oojwt_key_read_alg(oojwt_key *key, oojwt_pkey *pk, unsigned char *buf,
	size_t buf_len, const void *in, size_t len, const char *kid,
	size_t kid_len, unsigned alg, char *msg)
{
	char why[OOJWT_MESSAGE_LEN];
	const unsigned char *p = (const unsigned char *)in;
	size_t i = 0;
	int code;

	if (key == NULL || pk == NULL || (in == NULL && len != 0)
		|| (kid == NULL && kid_len != 0))
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(key, 0, sizeof *key);
	memset(pk, 0, sizeof *pk);
	why[0] = 0;
	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'
		|| p[i] == '\n'))
	{
		i++;
	}
	if (i < len && p[i] == '{') {
		code = oojwt_jwk_any(key, pk, buf, buf_len, (const char *)p, len,
			kid, kid_len, alg, why);
	} else if (len - i >= 10 && memcmp(p + i, "-----BEGIN", 10) == 0) {
		code = oojwt_pem_key_read(pk, (const char *)p + i, len - i, why);
	} else if (len > 0 && p[0] == 0x30) {
		code = oojwt_der_key_read(pk, p, len, 0, why);
	} else {
		code = OOJWT_ERR_BAD_KEY;
		oojwt_fmt(why, sizeof why, len == 0 ? "the key is empty"
			: "not a key: expected a JWK, a JWK Set, PEM text or DER");
	}
	if (code == OOJWT_OK && pk->kind != OOJWT_KEY_OCT) {
		code = oojwt_pkey_finish(pk, why);
	}
	if (code != OOJWT_OK) {
		oojwt_pkey_wipe(pk);
		memset(key, 0, sizeof *key);
		if (buf != NULL) {
			oojwt_wipe(buf, buf_len);
		}
		if (msg != NULL) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "%s", why);
		}
		return code;
	}
	key->pkey = pk;
	key->algs = pk->algs;
	key->ops = pk->ops;
	if (pk->kind == OOJWT_KEY_OCT) {
		key->data = pk->secret;
		key->len = pk->secret_len;
	}
	return OOJWT_OK;
}
