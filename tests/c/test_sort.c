/*
 * oojwt_sort (src/core/sort.c) against the C library's qsort: random arrays
 * of every length up to 300, three element sizes, with many equal keys;
 * the sorted bytes must be identical (ties broken by a position, as the
 * core's comparisons do), and the sort must be a permutation.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

typedef struct {
	unsigned key;
	unsigned pos;
	unsigned char pad[5];
} wide;

static int
cmp_wide(const void *a, const void *b)
{
	const wide *x = (const wide *)a, *y = (const wide *)b;

	if (x->key != y->key) {
		return x->key < y->key ? -1 : 1;
	}
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int
cmp_byte(const void *a, const void *b)
{
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

static int
cmp_ptr_key(const void *a, const void *b)
{
	const wide *x = *(const wide *const *)a, *y = *(const wide *const *)b;

	return cmp_wide(x, y);
}

void
suite_sort(const char *ours, const char *shared)
{
	static wide w[300], v[300];
	static const wide *p[300], *q[300];
	static unsigned char c[300], d[300];
	unsigned long long s = 0x243F6A8885A308D3ULL;
	size_t n, i;
	test t;

	(void)ours;
	(void)shared;
	test_begin(&t, "oojwt_sort = qsort for lengths 0-300, element sizes 1, %d and %d",
		(int)sizeof(wide), (int)sizeof(const wide *));
	for (n = 0; n <= 300; n++) {
		for (i = 0; i < n; i++) {
			s ^= s << 13;
			s ^= s >> 7;
			s ^= s << 17;
			memset(&w[i], 0, sizeof w[i]);
			w[i].key = (unsigned)(s % (n / 4 + 1));   /* many ties */
			w[i].pos = (unsigned)i;
			w[i].pad[0] = (unsigned char)s;
			c[i] = (unsigned char)(s >> 8);
			p[i] = &w[i];
		}
		memcpy(v, w, n * sizeof *w);
		memcpy(d, c, n);
		memcpy(q, p, n * sizeof *p);
		oojwt_sort(w, n, sizeof *w, cmp_wide);
		qsort(v, n, sizeof *v, cmp_wide);
		oojwt_sort(c, n, 1, cmp_byte);
		qsort(d, n, 1, cmp_byte);
		oojwt_sort(p, n, sizeof *p, cmp_ptr_key);
		qsort(q, n, sizeof *q, cmp_ptr_key);
		if (!expect(&t, memcmp(w, v, n * sizeof *w) == 0
				&& memcmp(c, d, n) == 0 && memcmp(p, q, n * sizeof *p) == 0,
			"length %zu: differs from qsort", n)) {
			break;
		}
	}
	test_end(&t);
}
