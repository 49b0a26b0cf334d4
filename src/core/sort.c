/*
 * Sorting: oojwt_sort(), heapsort with qsort()'s arguments. The core
 * sorts member names and kids to find duplicates in O(n log n); musl's
 * qsort (smoothsort) was 1.4 KB of the wasm module for that, this is a
 * fifth of it. Like qsort it is not stable: every caller's comparison
 * either orders all elements (a position breaks ties) or only asks
 * which elements are equal.
 */
#include "inner.h"
#include "core.h"

static void
swap(unsigned char *a, unsigned char *b, size_t size)
{
	while (size-- > 0) {
		unsigned char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* Let element `i` sink into the heap of the first `n` elements. */
static void
sink(unsigned char *base, size_t i, size_t n, size_t size,
	int (*cmp)(const void *, const void *))
{
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n) {
			return;
		}
		if (c + 1 < n && cmp(base + c * size, base + (c + 1) * size) < 0) {
			c++;
		}
		if (cmp(base + i * size, base + c * size) >= 0) {
			return;
		}
		swap(base + i * size, base + c * size, size);
		i = c;
	}
}

void
oojwt_sort(void *base, size_t n, size_t size,
	int (*cmp)(const void *, const void *))
{
	unsigned char *b = (unsigned char *)base;
	size_t i;

	for (i = n / 2; i-- > 0;) {
		sink(b, i, n, size, cmp);
	}
	for (i = n; i-- > 1;) {
		swap(b, b + i * size, size);
		sink(b, 0, i, size, cmp);
	}
}
