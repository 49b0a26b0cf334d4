/*
 * The two hex decoders of src/core/util.c agree: oojwt_hex_decode_ct (for
 * secret material: masks, no branch on a character) against
 * oojwt_hex_value (branching, for public text), on every byte value in
 * both places of a pair, on odd and empty lengths, and on a long secret
 * with one bad character at each place (the output must then be wiped).
 * `make ct` checks that the first takes no secret-dependent branch.
 */
#include <string.h>
#include "testlib.h"

void
suite_hex(const char *ours, const char *shared)
{
	unsigned char in[2], out[1], text[64], bytes[32];
	unsigned a, b;
	size_t i;
	test t;

	(void)ours;
	(void)shared;
	test_begin(&t, "hex: every pair of byte values decodes as oojwt_hex_value says");
	for (a = 0; a < 256; a++) {
		for (b = 0; b < 256; b++) {
			int va = oojwt_hex_value((int)a), vb = oojwt_hex_value((int)b);
			int ok;
			in[0] = (unsigned char)a;
			in[1] = (unsigned char)b;
			out[0] = 0x5A;
			ok = oojwt_hex_decode_ct(out, in, 2);
			if (!expect(&t, ok == (va >= 0 && vb >= 0), "pair %02x %02x: verdict %d", a, b, ok)
				|| !expect(&t, out[0] == (ok ? (unsigned char)(va * 16 + vb) : 0),
					"pair %02x %02x: byte %02x", a, b, out[0]))
			{
				a = 256;
				break;
			}
		}
	}
	test_end(&t);

	test_begin(&t, "hex: empty and odd lengths are refused");
	memcpy(text, "abc", 3);
	expect(&t, oojwt_hex_decode_ct(bytes, text, 0) == 0, "empty accepted");
	expect(&t, oojwt_hex_decode_ct(bytes, text, 3) == 0, "odd length accepted");
	test_end(&t);

	test_begin(&t, "hex: a 64-character secret, then one bad character at each place");
	for (i = 0; i < 64; i++) {
		text[i] = (unsigned char)"0123456789abcdefABCDEF"[(i * 7) % 22];
	}
	expect(&t, oojwt_hex_decode_ct(bytes, text, 64) == 1, "valid text refused");
	for (i = 0; i < 32; i++) {
		unsigned want = (unsigned)(oojwt_hex_value(text[2 * i]) * 16 + oojwt_hex_value(text[2 * i + 1]));
		expect(&t, bytes[i] == want, "byte %zu: %02x, want %02x", i, bytes[i], want);
	}
	for (i = 0; i < 64; i++) {
		unsigned char keep = text[i];
		size_t k;
		text[i] = (unsigned char)(i % 2 == 0 ? 'g' : '/');
		memset(bytes, 0xEE, sizeof bytes);
		expect(&t, oojwt_hex_decode_ct(bytes, text, 64) == 0, "bad character at %zu accepted", i);
		for (k = 0; k < 32 && bytes[k] == 0; k++) {
		}
		expect(&t, k == 32, "bad character at %zu: output not wiped", i);
		text[i] = keep;
	}
	test_end(&t);
}
