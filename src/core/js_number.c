/*
 * ECMAScript's Number::toString(10) (ECMA-262, Number::toString): the
 * fewest significant digits that read back as the same double (the
 * closest such when several do), written as JavaScript writes them
 * ("60", "0.5", "1e+21", "1.5e-7"). What `'' + x` gives in Node, for the
 * places where a JavaScript program glues a number into text: the CLI's
 * JSON output and jsonwebtoken's messages and `exp + clockTolerance`
 * (src/ds/verify_options.c).
 *
 * The digits come from the exact decimal value of the double, m * 2^e
 * as a big integer in base 10^9 (m * 5^-e, shifted, when e < 0), rounded
 * to 1, 2, ... 17 digits until oojwt_strtod() reads them back. No stdio,
 * no locale, no allocation (about 400 bytes of stack plus the digits).
 */
#include <string.h>
#include "inner.h"
#include "core.h"

/* 2^53 * 5^1074 < 10^767: 86 limbs of 10^9. */
#define LIMBS 88
#define BASE 1000000000u

typedef struct {
	uint32_t l[LIMBS]; /* least significant first */
	size_t n;
} big;

static void
big_mul(big *b, uint32_t f)
{
	uint64_t carry = 0;
	size_t i;

	for (i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->l[i] * f + carry;
		b->l[i] = (uint32_t)(t % BASE);
		carry = t / BASE;
	}
	while (carry != 0 && b->n < LIMBS) {
		b->l[b->n++] = (uint32_t)(carry % BASE);
		carry /= BASE;
	}
}

/* The decimal digits of `b` (no leading zeros) into d; their number. */
static size_t
big_digits(const big *b, char *d)
{
	size_t k = 0, i = b->n;
	uint32_t top = b->l[i - 1];
	char tmp[10];
	int j = 0;

	while (top != 0) {
		tmp[j++] = (char)('0' + top % 10);
		top /= 10;
	}
	while (j > 0) {
		d[k++] = tmp[--j];
	}
	for (i = b->n - 1; i-- > 0;) {
		uint32_t v = b->l[i];
		for (j = 8; j >= 0; j--) {
			d[k + (size_t)j] = (char)('0' + v % 10);
			v /= 10;
		}
		k += 9;
	}
	return k;
}

/* The decimal digits of u at out; their number. */
static size_t
put_uint(char *out, unsigned u)
{
	char e[12];
	size_t j = 0, o = 0;

	do {
		e[j++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	while (j > 0) {
		out[o++] = e[--j];
	}
	return o;
}

/* Does 0.<dig[0..k)> * 10^n read back as d? */
static int
reads_back(const char *dig, size_t k, int n, double d)
{
	char text[48];
	size_t o = 0, used;

	text[o++] = '0';
	text[o++] = '.';
	memcpy(text + o, dig, k);
	o += k;
	text[o++] = 'e';
	if (n < 0) {
		text[o++] = '-';
	}
	o += put_uint(text + o, (unsigned)(n < 0 ? -n : n));
	return oojwt_strtod(text, o, &used) == d && used == o;
}

/* The k shortest digits of d > 0 (finite) into s; *n such that
 * d = 0.s * 10^n. */
static size_t
shortest(double d, char *s, int *n)
{
	char all[800];
	uint64_t bits, m;
	int e, p;
	size_t len, k;
	big b;

	memcpy(&bits, &d, sizeof bits);
	m = bits & 0xFFFFFFFFFFFFFull;
	e = (int)((bits >> 52) & 0x7FF);
	if (e == 0) {
		e = -1074;
	} else {
		m |= 1ull << 52;
		e -= 1075;
	}
	b.n = 0;
	while (m != 0) {
		b.l[b.n++] = (uint32_t)(m % BASE);
		m /= BASE;
	}
	for (p = e; p > 0; p -= p >= 29 ? 29 : p) {
		big_mul(&b, 1u << (p >= 29 ? 29 : p));
	}
	for (p = -e; p > 0; p -= p >= 13 ? 13 : p) {
		uint32_t f = 1;
		int q;
		for (q = 0; q < (p >= 13 ? 13 : p); q++) {
			f *= 5;
		}
		big_mul(&b, f);
	}
	len = big_digits(&b, all);
	*n = (int)len + (e < 0 ? e : 0);
	for (k = 1; k < len && k <= 17; k++) {
		char down[20], up[20];
		size_t i, rest;
		int up_n = *n, nearer_up, tie = 1;
		memcpy(down, all, k);
		memcpy(up, all, k);
		for (i = k; i-- > 0 && up[i] == '9';) {
			up[i] = '0';
		}
		if (i == (size_t)-1) {
			up[0] = '1';       /* 99.. became 100..: one more place */
			up_n++;
		} else {
			up[i]++;
		}
		for (rest = k + 1; rest < len && tie; rest++) {
			tie = all[rest] == '0';
		}
		nearer_up = all[k] > '5' || (all[k] == '5' && (!tie
			|| (all[k - 1] - '0') % 2 == 1));
		if (reads_back(nearer_up ? up : down, k, nearer_up ? up_n : *n, d)) {
			memcpy(s, nearer_up ? up : down, k);
			*n = nearer_up ? up_n : *n;
			break;
		}
		if (reads_back(nearer_up ? down : up, k, nearer_up ? *n : up_n, d)) {
			memcpy(s, nearer_up ? down : up, k);
			*n = nearer_up ? *n : up_n;
			break;
		}
	}
	if (k >= len || k > 17) {
		k = len < 17 ? len : 17;
		memcpy(s, all, k);
	}
	while (k > 1 && s[k - 1] == '0') {
		k--;
	}
	return k;
}

size_t
oojwt_js_number(char *out, double d)
{
	char s[20];
	size_t o = 0, k;
	int n, i;

	if (d != d) {
		memcpy(out, "NaN", 4);
		return 3;
	}
	if (d == 0) {
		memcpy(out, "0", 2);             /* also -0 */
		return 1;
	}
	if (d < 0) {
		out[o++] = '-';
		d = -d;
	}
	if (d - d != 0) {
		memcpy(out + o, "Infinity", 9);
		return o + 8;
	}
	k = shortest(d, s, &n);             /* d = 0.s * 10^n */
	if ((int)k <= n && n <= 21) {
		memcpy(out + o, s, k);
		o += k;
		for (i = (int)k; i < n; i++) {
			out[o++] = '0';
		}
	} else if (0 < n && n <= 21) {
		memcpy(out + o, s, (size_t)n);
		o += (size_t)n;
		out[o++] = '.';
		memcpy(out + o, s + n, k - (size_t)n);
		o += k - (size_t)n;
	} else if (-6 < n && n <= 0) {
		out[o++] = '0';
		out[o++] = '.';
		for (i = 0; i < -n; i++) {
			out[o++] = '0';
		}
		memcpy(out + o, s, k);
		o += k;
	} else {
		out[o++] = s[0];
		if (k > 1) {
			out[o++] = '.';
			memcpy(out + o, s + 1, k - 1);
			o += k - 1;
		}
		out[o++] = 'e';
		out[o++] = n - 1 < 0 ? '-' : '+';
		o += put_uint(out + o, (unsigned)(n - 1 < 0 ? 1 - n : n - 1));
	}
	out[o] = 0;
	return o;
}
