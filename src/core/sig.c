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
	char msg[OOJWT_MESSAGE_LEN], names[128];

	if (key->algs != 0 && (key->algs & alg) == 0) {
		oojwt_alg_names(names, sizeof names, key->algs);
		oojwt_fmt(msg, sizeof msg, "the key is for %s, but the token uses %s",
			names, oojwt_alg_name(alg));
		oojwt_issue_add(r, OOJWT_ERR_KEY_MISMATCH, -1, msg);
		return 0;
	}
	if (key->ops != 0 && (key->ops & op) == 0) {
		oojwt_issue_add(r, OOJWT_ERR_KEY_MISMATCH, -1,
			op == OOJWT_KEYOP_VERIFY
			? "the key's key_ops do not include \"verify\""
			: "the key's key_ops do not include \"sign\"");
		return 0;
	}
	return 1;
}

int
oojwt_sig_key_usable(oojwt_result *r, const oojwt_key *key, unsigned alg,
	unsigned op)
{
	char msg[OOJWT_MESSAGE_LEN], names[128];
	const oojwt_pkey *pk = key->pkey;
	const char *name = oojwt_alg_name(alg);
	int form;

	if (pk == NULL || pk->kind == OOJWT_KEY_OCT) {
		if ((alg & OOJWT_ALG_HMAC) == 0) {
			oojwt_fmt(msg, sizeof msg,
				"%s needs an %s key, not a shared secret",
				name, (alg & ALG_EC) ? "EC" : "RSA");
			oojwt_issue_add(r, OOJWT_ERR_KEY_MISMATCH, -1, msg);
			return 0;
		}
		form = oojwt_key_classify(key->data, key->len); /* key_select.c */
		if (form != OOJWT_KEYIN_SECRET) {
			oojwt_fmt(msg, sizeof msg,
				"the %s secret reads as a key (%s): key material is "
				"never an HMAC secret (anyone holding a public key could "
				"sign with it); give it as the key of RS/PS/ES tokens, or "
				"give the shared secret", name, oojwt_key_form_name(form));
			oojwt_issue_add(r, OOJWT_ERR_KEY_MISMATCH, -1, msg);
			return 0;
		}
		return -1;
	}
	if ((alg & oojwt_key_algs(pk)) == 0) {
		oojwt_alg_names(names, sizeof names, oojwt_key_algs(pk));
		if (pk->kind == OOJWT_KEY_EC_PUBLIC
			|| pk->kind == OOJWT_KEY_EC_PRIVATE)
		{
			oojwt_fmt(msg, sizeof msg,
				"the token uses %s, but the key is an EC %s key "
				"(for %s)", name, oojwt_curve_name(pk->curve), names);
		} else {
			oojwt_fmt(msg, sizeof msg,
				"the token uses %s, but the key is an RSA key (for %s)",
				name, names);
		}
		oojwt_issue_add(r, OOJWT_ERR_KEY_MISMATCH, -1, msg);
		return 0;
	}
	if (!oojwt_key_limits(r, key, alg, op)) {
		return 0;
	}
	if (op == OOJWT_KEYOP_SIGN && pk->kind != OOJWT_KEY_RSA_PRIVATE
		&& pk->kind != OOJWT_KEY_EC_PRIVATE)
	{
		oojwt_fmt(msg, sizeof msg,
			"signing with %s needs the private key; this is a public key",
			name);
		oojwt_issue_add(r, OOJWT_ERR_KEY_MISMATCH, -1, msg);
		return 0;
	}
	return 1;
}

void
oojwt_sig_verify(oojwt_result *r, const char *input, size_t len,
	const oojwt_key *key, unsigned alg, long at)
{
	char msg[OOJWT_MESSAGE_LEN];
	unsigned char hash[64];
	size_t hlen = oojwt_sig_hash(alg, input, len, hash);
	const oojwt_pkey *pk = key->pkey;
	int ok;

	if (pk == NULL || hlen == 0) {
		oojwt_issue_add(r, OOJWT_ERR_KEY_MISMATCH, -1,
			"no RSA or EC key for this algorithm");
		return;
	}
	if (alg & ALG_EC) {
		size_t want = 2 * oojwt_ec_size(pk->curve);
		if (r->sig_len != want) {
			oojwt_fmt(msg, sizeof msg,
				"the signature is %z bytes; %s signatures are %z bytes "
				"(r||s, not DER)", r->sig_len, oojwt_alg_name(alg), want);
			oojwt_issue_add(r, OOJWT_ERR_BAD_SIGNATURE, at, msg);
			return;
		}
		ok = oojwt_ecdsa_verify(pk, alg, hash, hlen, r->sig, r->sig_len);
	} else {
		if (r->sig_len != pk->n_len) {
			oojwt_fmt(msg, sizeof msg,
				"the signature is %z bytes; with this %d-bit key %s "
				"signatures are %z bytes", r->sig_len, (int)pk->bits,
				oojwt_alg_name(alg), pk->n_len);
			oojwt_issue_add(r, OOJWT_ERR_BAD_SIGNATURE, at, msg);
			return;
		}
		ok = (alg & ALG_PSS)
			? oojwt_rsa_pss_verify(pk, alg, hash, r->sig, r->sig_len)
			: oojwt_rsa_pkcs1_verify(pk, alg, hash, r->sig, r->sig_len);
	}
	if (!ok) {
		oojwt_fmt(msg, sizeof msg,
			"the %s signature does not verify with this key: the token was "
			"signed with another key, or changed after signing",
			oojwt_alg_name(alg));
		oojwt_issue_add(r, OOJWT_ERR_BAD_SIGNATURE, at, msg);
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
