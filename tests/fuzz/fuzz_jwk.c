/*
 * Reading JWKs (oojwt_jwk_read) from arbitrary text.
 *
 * max_len: 4096
 * seeds: jwk
 *
 * Properties: a named code; on success the key points into the caller
 * buffer with a non-empty secret that fits it, only HS algorithms and
 * known key_ops bits; on failure the key is zeroed and the whole buffer
 * is wiped (it held the secret); the verdict does not depend on whether
 * a message buffer is passed; text the reference validator rejects is
 * never a key, and is refused with the same JSON code; a buffer too
 * small for `k` is refused with buffer_too_small or an earlier error.
 */
#include "fuzz.h"
#include "ref_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *json = fuzz_copy(data, size);
	size_t cap = size * 3 / 4 + 3, i;
	unsigned char *buf = (unsigned char *)malloc(cap);
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_key key, key2;
	int code, code2, want;

	memset(buf, 0xA5, cap);
	code = oojwt_jwk_read(&key, buf, cap, json, size, msg);
	FUZZ_CHECK(oojwt_code_name(code) != NULL, "a named code");
	want = ref_json_check(data, size, NULL, 0);
	if (want != OOJWT_OK) {
		FUZZ_CHECK(code == want, "JSON verdict of the reference");
	}
	if (code == OOJWT_OK) {
		FUZZ_CHECK(key.data == buf && key.len > 0 && key.len <= cap, "the secret is in buf");
		FUZZ_CHECK((key.algs & ~(unsigned)OOJWT_ALG_HMAC) == 0, "HS algs only");
		FUZZ_CHECK((key.ops & ~(unsigned)(OOJWT_KEYOP_SIGN | OOJWT_KEYOP_VERIFY)) == 0,
			"known key_ops");
	} else {
		FUZZ_CHECK(key.data == NULL && key.len == 0 && key.algs == 0 && key.ops == 0,
			"a zeroed key on failure");
		FUZZ_CHECK(fuzz_all_zero(buf, cap), "the buffer is wiped on failure");
		FUZZ_CHECK(msg[0] != 0 && memchr(msg, 0, sizeof msg) != NULL, "a message");
	}
	memset(buf, 0, cap);
	code2 = oojwt_jwk_read(&key2, buf, cap, json, size, NULL);
	FUZZ_CHECK(code2 == code, "no message buffer, same verdict");
	if (code == OOJWT_OK) {
		FUZZ_CHECK(key2.len == key.len && key2.algs == key.algs && key2.ops == key.ops,
			"same key twice");
		/* Too small for the secret: refused, wiped. */
		for (i = 0; i < 3 && key.len > i; i++) {
			size_t small = key.len - 1 - i;
			unsigned char *b2 = (unsigned char *)malloc(small != 0 ? small : 1);
			code2 = oojwt_jwk_read(&key2, b2, small, json, size, NULL);
			FUZZ_CHECK(code2 == OOJWT_ERR_BUFFER_TOO_SMALL, "buffer too small");
			FUZZ_CHECK(fuzz_all_zero(b2, small), "small buffer wiped");
			free(b2);
		}
	}
	oojwt_wipe(buf, cap);
	free(buf);
	free(json);
	return 0;
}
