/*
 * oojwt_strtod (src/core/strtod.c) against the C library's strtod()
 * (glibc's is correctly rounded): the same bits and the same length
 * read, for any bytes. Texts with hexadecimal, "inf", "nan" or leading
 * white space, which the two read differently by contract, are skipped.
 *
 * max_len: 2048
 * seeds: numbers
 */
#include <math.h>
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *z = (char *)malloc(size + 1), *text, *end;
	size_t used, i;
	double ours, libc;

	if (z == NULL) {
		return 0;
	}
	memcpy(z, data, size);
	z[size] = 0;
	for (i = 0; i < size; i++) {
		char c = z[i];
		if (c == 'x' || c == 'X' || c == 'i' || c == 'I' || c == 'n' || c == 'N'
			|| c == 'p' || c == 'P' || c == ' ' || (c >= '\t' && c <= '\r'))
		{
			z[i] = '#';   /* outside C's decimal grammar for both */
		}
	}
	text = fuzz_copy((const uint8_t *)z, size);   /* exact size, no NUL */
	ours = oojwt_strtod(text, size, &used);
	libc = strtod(z, &end);
	if ((size_t)(end - z) != used || memcmp(&ours, &libc, sizeof ours) != 0) {
		fprintf(stderr, "oojwt: %a (%zu bytes), libc: %a (%zu bytes)\n",
			ours, used, libc, (size_t)(end - z));
	}
	FUZZ_CHECK((size_t)(end - z) == used, "the same length read as strtod()");
	FUZZ_CHECK(memcmp(&ours, &libc, sizeof ours) == 0, "the same bits as strtod()");
	free(z);
	free(text);
	return 0;
}
