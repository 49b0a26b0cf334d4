/*
 * Decimal text to double, correctly rounded (round half to even).
 *
 * JSON numbers become doubles here ("exp", "nbf", "iat" among them), in
 * the native build and in wasm, where this also serves as cJSON's
 * strtod() (src/core/wasm_strtod.c): musl's strtod() computes in 128-bit
 * long double and brings its soft-float helpers, about 14 KB of wasm.
 *
 * Two paths. The fast one (Clinger, 1990) takes the numbers tokens
 * hold: when the significant digits make an integer w <= 2^53 and the
 * power of ten p has |p| <= 22, both w and 10^|p| are doubles exactly,
 * so one IEEE multiplication or division rounds w * 10^p correctly.
 *
 * Everything else is converted exactly, by the "simple decimal
 * conversion" of Go's strconv (and Wuffs): the digits sit in a decimal
 * buffer and are shifted by powers of two until the value is a 53-bit
 * integer part plus a fraction, which is then rounded half to even.
 * The buffer keeps DIGITS = 800 significant digits; dropping digits
 * floors the value to that many digits and sets `trunc` when a dropped
 * digit was not zero. That keeps every rounding decision exact: a
 * halfway point H between two doubles has at most 768 significant
 * digits (at every scale the shifts visit), so H lies on the grid of
 * any 800-digit floor of a value x >= H of similar magnitude, and a
 * much larger x floors above H anyway. Flooring therefore keeps each
 * comparison with each H (and with each integer) as it was, turning
 * "x > H" at worst into "equal, but truncated", which rounds up.
 *
 * No globals, no locale, no allocation (about 830 bytes of stack on the
 * exact path).
 */
#include <string.h>
#include "inner.h"
#include "core.h"

#define DIGITS 800
/* Room for the new leading digits of one left shift (at most 19). */
#define ROOM 20
/* Largest shift in one pass: n < 10 * 2^60 fits 64 bits. */
#define MAX_SHIFT 60

typedef struct {
	unsigned char d[DIGITS + ROOM]; /* digit values 0-9, d[0] != 0 */
	int nd;                         /* digits in use (<= DIGITS) */
	int dp;                         /* value = 0.d[0]d[1]... * 10^dp */
	int trunc;                      /* a nonzero digit was dropped */
} decimal;

static void
dec_trim(decimal *a)
{
	while (a->nd > 0 && a->d[a->nd - 1] == 0) {
		a->nd--;
	}
}

/* a = floor(a / 2^k) to DIGITS significant digits; 1 <= k <= MAX_SHIFT. */
static void
dec_rshift(decimal *a, unsigned k)
{
	int r = 0, w = 0;
	uint64_t n = 0, mask = ((uint64_t)1 << k) - 1;

	/* Read enough leading digits for the first output digit. */
	while ((n >> k) == 0) {
		n = n * 10 + (r < a->nd ? a->d[r] : 0);
		r++;
	}
	a->dp -= r - 1;
	for (; r < a->nd; r++) {
		unsigned c = a->d[r];
		a->d[w++] = (unsigned char)(n >> k);
		n = (n & mask) * 10 + c;
	}
	while (n > 0) {
		unsigned char dig = (unsigned char)(n >> k);
		n = (n & mask) * 10;
		if (w < DIGITS) {
			a->d[w++] = dig;
		} else if (dig != 0) {
			a->trunc = 1;
		}
	}
	a->nd = w;
	dec_trim(a);
}

/* a = floor(a * 2^k) to DIGITS significant digits; 1 <= k <= MAX_SHIFT. */
static void
dec_lshift(decimal *a, unsigned k)
{
	int r = a->nd, w = a->nd + ROOM, extra, nd;
	uint64_t n = 0;

	/* Right to left; digit r lands at r + ROOM, already read. */
	while (r > 0) {
		n += (uint64_t)a->d[--r] << k;
		a->d[--w] = (unsigned char)(n % 10);
		n /= 10;
	}
	while (n > 0) {
		a->d[--w] = (unsigned char)(n % 10);
		n /= 10;
	}
	extra = ROOM - w;
	nd = a->nd + extra;
	memmove(a->d, a->d + w, (size_t)nd);
	a->dp += extra;
	if (nd > DIGITS) {
		int i;
		for (i = DIGITS; i < nd; i++) {
			a->trunc |= a->d[i] != 0;
		}
		nd = DIGITS;
	}
	a->nd = nd;
	dec_trim(a);
}

/* a *= 2^k (k > 0) or a /= 2^-k (k < 0), in passes of MAX_SHIFT. */
static void
dec_shift(decimal *a, int k)
{
	while (k > 0) {
		int s = k > MAX_SHIFT ? MAX_SHIFT : k;
		dec_lshift(a, (unsigned)s);
		k -= s;
	}
	while (k < 0) {
		int s = -k > MAX_SHIFT ? MAX_SHIFT : -k;
		dec_rshift(a, (unsigned)s);
		k += s;
	}
}

/* The integer part of a (a < 2^64), plus one when the fraction rounds
 * up: above one half, or exactly one half (or one half and a dropped
 * nonzero digit) with an odd integer part (or the dropped digit). */
static uint64_t
dec_rounded(const decimal *a)
{
	uint64_t n = 0;
	int i, up;

	for (i = 0; i < a->dp; i++) {
		n = n * 10 + (i < a->nd ? a->d[i] : 0);
	}
	if (a->dp < 0 || a->dp >= a->nd) {
		return n;
	}
	if (a->d[a->dp] == 5 && a->dp + 1 == a->nd) {
		up = a->trunc || (n & 1) != 0;
	} else {
		up = a->d[a->dp] >= 5;
	}
	return n + (uint64_t)up;
}

/* Bits 0.d[0]d[1]... * 10^dp for a decimal with nd > 0, |dp| <= 400. */
static uint64_t
dec_bits(decimal *a)
{
	/* pow2[n], n = 1..8: the largest k with 2^k <= 10^n, a shift that
	 * cannot pass below 1/2 by much when the point is n digits away;
	 * pow2[0] = 1 doubles a value in [1/10, 1/2). */
	static const unsigned char pow2[9] = { 1, 3, 6, 9, 13, 16, 19, 23, 26 };
	int e2 = 0;
	uint64_t mant;

	/* Scale into [1/2, 1): value = a * 2^e2. */
	while (a->dp > 0) {
		int k = a->dp >= 9 ? 27 : pow2[a->dp];
		dec_shift(a, -k);
		e2 += k;
	}
	while (a->dp < 0 || (a->dp == 0 && a->d[0] < 5)) {
		int k = -a->dp >= 9 ? 27 : pow2[-a->dp];
		dec_shift(a, k);
		e2 -= k;
	}
	/* Into [1, 2), the form of a double's significand. */
	e2--;
	if (e2 < -1022) {
		/* Subnormal: fewer significand bits. */
		dec_shift(a, e2 + 1022);
		e2 = -1022;
	}
	if (e2 > 1023) {
		return (uint64_t)0x7FF << 52;
	}
	dec_shift(a, 53);   /* the 53-bit integer significand */
	mant = dec_rounded(a);
	if (mant == (uint64_t)1 << 53) {
		mant >>= 1;
		e2++;
		if (e2 > 1023) {
			return (uint64_t)0x7FF << 52;
		}
	}
	if ((mant >> 52) == 0) {
		return mant;    /* subnormal (or zero): biased exponent 0 */
	}
	return (mant & (((uint64_t)1 << 52) - 1)) | ((uint64_t)(e2 + 1023) << 52);
}

static int
is_digit_at(const unsigned char *s, size_t len, size_t i)
{
	return i < len && s[i] >= '0' && s[i] <= '9';
}

double
oojwt_strtod(const char *text, size_t len, size_t *used)
{
	/* 10^0 .. 10^22, all exact doubles. */
	static const double p10[23] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
	};
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, int_at, int_end, frac_at, frac_end, nsig = 0, j;
	long long exp = 0, e10, dp = 0;
	uint64_t w = 0, bits;
	int neg = 0;
	double v;
	decimal a;

	if (used != NULL) {
		*used = 0;
	}
	if (i < len && (s[i] == '+' || s[i] == '-')) {
		neg = s[i] == '-';
		i++;
	}
	int_at = i;
	while (is_digit_at(s, len, i)) {
		i++;
	}
	int_end = frac_at = frac_end = i;
	if (i < len && s[i] == '.') {
		frac_at = frac_end = i + 1;
		while (is_digit_at(s, len, frac_end)) {
			frac_end++;
		}
	}
	if (int_end == int_at && frac_end == frac_at) {
		return 0;   /* no digits: not a number */
	}
	i = frac_end;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		int eneg = 0;
		j = i + 1;
		if (j < len && (s[j] == '+' || s[j] == '-')) {
			eneg = s[j] == '-';
			j++;
		}
		if (is_digit_at(s, len, j)) {
			/* Saturate far beyond any exponent that matters. */
			for (; is_digit_at(s, len, j); j++) {
				if (exp < 1000000000000000LL) {
					exp = exp * 10 + (s[j] - '0');
				}
			}
			i = j;
			if (eneg) {
				exp = -exp;
			}
		}
	}
	if (used != NULL) {
		*used = i;
	}

	/* The fast path: all significant digits in w. */
	for (j = int_at; j < frac_end; j++) {
		if (j == int_end) {
			j = frac_at;
			if (j == frac_end) {
				break;
			}
		}
		if (nsig == 0 && s[j] == '0') {
			continue;
		}
		if (++nsig > 19) {
			break;
		}
		w = w * 10 + (uint64_t)(s[j] - '0');
	}
	if (nsig == 0) {
		return neg ? -0.0 : 0.0;
	}
	e10 = exp - (long long)(frac_end - frac_at);
	if (nsig <= 19 && w <= (uint64_t)1 << 53 && e10 >= -22 && e10 <= 22) {
		v = (double)w;
		v = e10 < 0 ? v / p10[-e10] : v * p10[e10];
		return neg ? -v : v;
	}

	/* The exact path. */
	a.nd = 0;
	a.trunc = 0;
	for (j = int_at; j < frac_end; j++) {
		unsigned char c;
		int in_int = j < int_end;
		if (j == int_end) {
			j = frac_at;
			if (j == frac_end) {
				break;
			}
		}
		c = (unsigned char)(s[j] - '0');
		if (a.nd == 0 && c == 0) {
			dp -= !in_int;   /* a leading zero of the fraction */
			continue;
		}
		dp += in_int;
		if (a.nd < DIGITS) {
			a.d[a.nd++] = c;
		} else if (c != 0) {
			a.trunc = 1;
		}
	}
	dec_trim(&a);
	dp += exp;
	if (dp > 310) {
		bits = (uint64_t)0x7FF << 52;   /* >= 10^310: infinity */
	} else if (dp < -330) {
		bits = 0;                       /* < 10^-330: zero */
	} else {
		a.dp = (int)dp;
		bits = dec_bits(&a);
	}
	bits |= (uint64_t)neg << 63;
	memcpy(&v, &bits, sizeof v);
	return v;
}

double
oojwt_strtod_c(const char *s, char **end)
{
	size_t skip = 0, used;
	double v;

	while (s[skip] == ' ' || (s[skip] >= '\t' && s[skip] <= '\r')) {
		skip++;
	}
	v = oojwt_strtod(s + skip, strlen(s + skip), &used);
	if (end != NULL) {
		*end = (char *)(uintptr_t)(s + (used == 0 ? 0 : skip + used));
	}
	return v;
}
