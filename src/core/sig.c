/*
 * The signature dispatcher: which key may serve which algorithm, and
 * RS/PS/ES verification and signing on top of sig_rsa.c, sig_pss.c and
 * sig_ecdsa.c. HS tokens keep their own path (jws.c, sign.c, hmac.c);
 * this file only refuses the algorithm confusions around them.
 */
#include <string.h>
#include "bearssl_hash.h"
#include "inner.h"
#include "core.h"

#define ALG_PSS (OOJWT_ALG_PS256 | OOJWT_ALG_PS384 | OOJWT_ALG_PS512)
#define ALG_EC (OOJWT_ALG_ES256 | OOJWT_ALG_ES384 | OOJWT_ALG_ES512)

size_t
oojwt_sig_hash(unsigned alg, const void *data, size_t len, unsigned char *out)
{
	const br_hash_class *h;
	br_hash_compat_context hc;

	switch (alg) {
	case OOJWT_ALG_RS256: case OOJWT_ALG_PS256: case OOJWT_ALG_ES256:
	case OOJWT_ALG_HS256:
		h = &oojwt_sha256_class;
		break;
	case OOJWT_ALG_RS384: case OOJWT_ALG_PS384: case OOJWT_ALG_ES384:
	case OOJWT_ALG_HS384:
		h = &oojwt_sha384_class;
		break;
	case OOJWT_ALG_RS512: case OOJWT_ALG_PS512: case OOJWT_ALG_ES512:
	case OOJWT_ALG_HS512:
		h = &oojwt_sha512_class;
		break;
	default:
		return 0;
	}
	h->init(&hc.vtable);
	h->update(&hc.vtable, data, len);
	h->out(&hc.vtable, out);
	return (h->desc >> BR_HASHDESC_OUT_OFF) & BR_HASHDESC_OUT_MASK;
}

int
oojwt_key_limits(oojwt_result *r, const oojwt_key *key, unsigned alg,
	unsigned op)
{
	char names[128];

	if (key->algs != 0 && (key->algs & alg) == 0) {
		oojwt_alg_names(names, sizeof names, key->algs);
		oojwt_issue_fmt(r, OOJWT_ERR_KEY_MISMATCH, -1, "keyAlgs,alg,reason",
			"the key is for %s, but the token uses %s%k", names,
			oojwt_alg_name(alg), OOJWT_SEL("key_alg"));
		return 0;
	}
	if (key->ops != 0 && (key->ops & op) == 0) {
		oojwt_issue_fmt(r, OOJWT_ERR_KEY_MISMATCH, -1, "op,reason",
			"the key's key_ops do not include \"%s\"%k",
			op == OOJWT_KEYOP_VERIFY ? "verify" : "sign", OOJWT_SEL("key_ops"));
		return 0;
	}
	return 1;
}

int
oojwt_sig_key_usable(oojwt_result *r, const oojwt_key *key, unsigned alg,
	unsigned op)
{
	char names[128];
	const oojwt_pkey *pk = key->pkey;
	const char *name = oojwt_alg_name(alg);
	int form;

	if (pk == NULL || pk->kind == OOJWT_KEY_OCT) {
		if ((alg & OOJWT_ALG_HMAC) == 0) {
			oojwt_issue_fmt(r, OOJWT_ERR_KEY_MISMATCH, -1,
				"alg,keyType,reason", "%s needs an %s key, not a shared "
				"secret%k", name, (alg & ALG_EC) ? "EC" : "RSA", OOJWT_SEL("secret"));
			return 0;
		}
		form = oojwt_key_classify(key->data, key->len); /* key_select.c */
		if (form != OOJWT_KEYIN_SECRET) {
			oojwt_issue_fmt(r, OOJWT_ERR_KEY_MISMATCH, -1,
				"alg,form,reason", "the %s secret reads as a key (%s): key "
				"material is never an HMAC secret (anyone holding a public "
				"key could sign with it); give it as the key of RS/PS/ES "
				"tokens, or give the shared secret%k", name,
				oojwt_key_form_name(form), OOJWT_SEL("key_as_secret"));
			return 0;
		}
		return -1;
	}
	if ((alg & oojwt_key_algs(pk)) == 0) {
		oojwt_alg_names(names, sizeof names, oojwt_key_algs(pk));
		if (pk->kind == OOJWT_KEY_EC_PUBLIC
			|| pk->kind == OOJWT_KEY_EC_PRIVATE)
		{
			oojwt_issue_fmt(r, OOJWT_ERR_KEY_MISMATCH, -1,
				"alg,curve,keyAlgs,reason", "the token uses %s, but the key "
				"is an EC %s key (for %s)%k", name,
				oojwt_curve_name(pk->curve), names, OOJWT_SEL("ec_key"));
		} else {
			oojwt_issue_fmt(r, OOJWT_ERR_KEY_MISMATCH, -1,
				"alg,keyAlgs,reason", "the token uses %s, but the key is an "
				"RSA key (for %s)%k", name, names, OOJWT_SEL("rsa_key"));
		}
		return 0;
	}
	if (!oojwt_key_limits(r, key, alg, op)) {
		return 0;
	}
	if (op == OOJWT_KEYOP_SIGN && pk->kind != OOJWT_KEY_RSA_PRIVATE
		&& pk->kind != OOJWT_KEY_EC_PRIVATE)
	{
		oojwt_issue_fmt(r, OOJWT_ERR_KEY_MISMATCH, -1, "alg,reason",
			"signing with %s needs the private key; this is a public key%k",
			name, OOJWT_SEL("public_key"));
		return 0;
	}
	return 1;
}

void
oojwt_sig_verify(oojwt_result *r, const char *input, size_t len,
	const oojwt_key *key, unsigned alg, long at)
{
	unsigned char hash[64];
	size_t hlen = oojwt_sig_hash(alg, input, len, hash);
	const oojwt_pkey *pk = key->pkey;
	int ok;

	if (pk == NULL || hlen == 0) {
		oojwt_issue_fmt(r, OOJWT_ERR_KEY_MISMATCH, -1, "reason",
			"no RSA or EC key for this algorithm%k", OOJWT_SEL("no_key"));
		return;
	}
	if (alg & ALG_EC) {
		size_t want = 2 * oojwt_ec_size(pk->curve);
		if (r->sig_len != want) {
			oojwt_issue_fmt(r, OOJWT_ERR_BAD_SIGNATURE, at,
				"length,alg,expected,reason", "the signature is %z bytes; %s "
				"signatures are %z bytes (r||s, not DER)%k", r->sig_len,
				oojwt_alg_name(alg), want, OOJWT_SEL("ec_length"));
			return;
		}
		ok = oojwt_ecdsa_verify(pk, alg, hash, hlen, r->sig, r->sig_len);
	} else {
		if (r->sig_len != pk->n_len) {
			oojwt_issue_fmt(r, OOJWT_ERR_BAD_SIGNATURE, at,
				"length,bits,alg,expected,reason", "the signature is %z "
				"bytes; with this %d-bit key %s signatures are %z bytes%k",
				r->sig_len, (int)pk->bits, oojwt_alg_name(alg), pk->n_len,
				"rsa_length");
			return;
		}
		ok = (alg & ALG_PSS)
			? oojwt_rsa_pss_verify(pk, alg, hash, r->sig, r->sig_len)
			: oojwt_rsa_pkcs1_verify(pk, alg, hash, r->sig, r->sig_len);
	}
	if (!ok) {
		oojwt_issue_fmt(r, OOJWT_ERR_BAD_SIGNATURE, at, "alg,reason",
			"the %s signature does not verify with this key: the token was "
			"signed with another key, or changed after signing%k",
			oojwt_alg_name(alg), OOJWT_SEL("key_mismatch"));
	}
}

size_t
oojwt_sig_sign(unsigned alg, const oojwt_key *key, const void *data,
	size_t len, const unsigned char *rnd, size_t rnd_len,
	unsigned char *out, int *code, char *msg)
{
	unsigned char hash[64];
	size_t hlen, n = 0;
	const oojwt_pkey *pk = key->pkey;

	*code = OOJWT_OK;
	if (alg & OOJWT_ALG_HMAC) {
		return oojwt_hmac(alg, key->data, key->len, data, len, out);
	}
	hlen = oojwt_sig_hash(alg, data, len, hash);
	if (pk == NULL || hlen == 0) {
		*code = OOJWT_ERR_KEY_MISMATCH;
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "no private key for %s",
			oojwt_alg_name(alg));
		return 0;
	}
	if (alg & ALG_EC) {
		n = oojwt_ecdsa_sign(pk, alg, hash, out);
		if (n != 0 && !oojwt_ecdsa_verify(pk, alg, hash, hlen, out, n)) {
			n = 0;
		}
	} else if (alg & ALG_PSS) {
		if (rnd == NULL || rnd_len < 64) {
			*code = OOJWT_ERR_BAD_ARGUMENT;
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
				"%s needs 64 random bytes from the caller for its salt",
				oojwt_alg_name(alg));
			return 0;
		}
		n = oojwt_rsa_pss_sign(pk, alg, hash, rnd, out);
		if (n != 0 && !oojwt_rsa_pss_verify(pk, alg, hash, out, n)) {
			n = 0;
		}
	} else {
		n = oojwt_rsa_pkcs1_sign(pk, alg, hash, out);
		if (n != 0 && !oojwt_rsa_pkcs1_verify(pk, alg, hash, out, n)) {
			n = 0;
		}
	}
	oojwt_wipe_stack(); /* BearSSL's temporaries of the private operation */
	if (n == 0) {
		oojwt_wipe(out, OOJWT_SIG_MAX_LEN);
		*code = OOJWT_ERR_BAD_KEY;
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
			"signing with %s failed: the private key is inconsistent",
			oojwt_alg_name(alg));
	}
	return n;
}
