/*
 * Decimal text to double, correctly rounded (round half to even).
 *
 * JSON numbers become doubles here ("exp", "nbf", "iat" among them), in
 * the native build and in wasm, where this also serves as cJSON's
 * strtod() (src/core/wasm_strtod.c): musl's strtod() computes in 128-bit
 * long double and brings its soft-float helpers, about 14 KB of wasm.
 *
 * Every path costs a bounded amount, whatever the text (a number full of
 * digits, or one far from the fast cases, like 1e308 or 1e-320):
 *
 * 1. Clinger's (1990): when the significant digits make an integer
 *    w <= 2^53 and the power of ten p has |p| <= 22, both w and 10^|p|
 *    are doubles exactly, so one IEEE multiplication or division rounds
 *    w * 10^p correctly.
 * 2. An approximation in the manner of Eisel and Lemire (Go's
 *    src/strconv/eisel_lemire.go, eiselLemire64):
 *    the first 19 significant digits w times a 128-bit 5^p, of which the
 *    table below holds every 27th power and the rest comes from one more
 *    product with an exact 5^b, b < 27 (400 bytes instead of Lemire's
 *    10 KB). The product P is at most 4 units of its last bit below the
 *    true value, so the rounding is known unless the bits below the kept
 *    ones are within 4 of one half (exact halfway cases such as
 *    9007199254740993 among them). With more than 19 digits, w and w + 1
 *    bound the value, and both must round alike.
 * 3. Otherwise an exact comparison with the halfway point between the
 *    two candidate doubles (David Gay's dtoa.c, bigcomp(); Rust's
 *    core::num::dec2flt does the same): digits * 10^d against (2m + 1) * 2^h, in
 *    big integers of at most 3200 bits. Only the first DIGITS = 800
 *    significant digits take part, and a dropped nonzero digit counts as
 *    "a little more": a halfway point has at most 768 significant digits,
 *    so the floor of the text to 800 digits equals it only when the
 *    dropped digits decide (they are above it).
 *
 * No globals (but a test build's counter), no locale, no allocation
 * (about 850 bytes of stack on the exact path).
 */
#include <string.h>
#include "inner.h"
#include "core.h"

#define DIGITS 800
/* Big integers: 100 32-bit limbs hold 10^800 * 2^64 and 5^1130 * 2^54. */
#define LIMBS 100

#ifdef OOJWT_TESTING
unsigned long oojwt_strtod_calls;
#endif

/* 5^(27a), a = A_MIN..11: the floor of a 128-bit significand with its top
 * bit set (hi, lo), made by tools/strtod-table.mjs. */
#define A_MIN (-13)
static const uint64_t pow5_27[25][2] = {
	{ 0x8049A4AC0C5811AE, 0x205B896D777D6278 }, /* 5^-351 */
	{ 0xCF42894A5DCE35EA, 0x52064CAC828675B9 }, /* 5^-324 */
	{ 0xA76C582338ED2621, 0xAF2AF2B80AF6F24E }, /* 5^-297 */
	{ 0x873E4F75E2224E68, 0x5A7744A6E804A291 }, /* 5^-270 */
	{ 0xDA7F5BF590966848, 0xAF39A475506A899E }, /* 5^-243 */
	{ 0xB080392CC4349DEC, 0xBD8D794D96AACFB3 }, /* 5^-216 */
	{ 0x8E938662882AF53E, 0x547EB47B7282EE9C }, /* 5^-189 */
	{ 0xE65829B3046B0AFA, 0x0CB4A5A3112A5112 }, /* 5^-162 */
	{ 0xBA121A4650E4DDEB, 0x92F34D62616CE413 }, /* 5^-135 */
	{ 0x964E858C91BA2655, 0x3A6A07F8D510F86F }, /* 5^-108 */
	{ 0xF2D56790AB41C2A2, 0xFAE27299423FB9C3 }, /* 5^-81 */
	{ 0xC428D05AA4751E4C, 0xAA97E14C3C26B886 }, /* 5^-54 */
	{ 0x9E74D1B791E07E48, 0x775EA264CF55347D }, /* 5^-27 */
	{ 0x8000000000000000, 0x0000000000000000 }, /* 5^0 */
	{ 0xCECB8F27F4200F3A, 0x0000000000000000 }, /* 5^27 */
	{ 0xA70C3C40A64E6C51, 0x999090B65F67D924 }, /* 5^54 */
	{ 0x86F0AC99B4E8DAFD, 0x69A028BB3DED71A3 }, /* 5^81 */
	{ 0xDA01EE641A708DE9, 0xE80E6F4820CC9495 }, /* 5^108 */
	{ 0xB01AE745B101E9E4, 0x5EC05DCFF72E7F8F }, /* 5^135 */
	{ 0x8E41ADE9FBEBC27D, 0x14588F13BE847307 }, /* 5^162 */
	{ 0xE5D3EF282A242E81, 0x8F1668C8A86DA5FA }, /* 5^189 */
	{ 0xB9A74A0637CE2EE1, 0x6D953E2BD7173692 }, /* 5^216 */
	{ 0x95F83D0A1FB69CD9, 0x4ABDAF101564F98E }, /* 5^243 */
	{ 0xF24A01A73CF2DCCF, 0xBC633B39673C8CEC }, /* 5^270 */
	{ 0xC3B8358109E84F07, 0x0A862F80EC4700C8 }, /* 5^297 */
};

/* hi:lo = a * b. */
static void
mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
	uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
	uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;

	*lo = (mid << 32) | (uint32_t)p00;
	*hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

static int
clz64(uint64_t x)
{
	int n = 0;

	while ((x >> 63) == 0) {
		x <<= 1;
		n++;
	}
	return n;
}

/* 5^b, b <= 27 (exact in 64 bits). */
static uint64_t
pow5_small(int b)
{
	uint64_t p = 1;

	while (b-- > 0) {
		p *= 5;
	}
	return p;
}

/* floor(k * log2 5), |k| <= 1500 (checked by tools/strtod-table.mjs). */
static int
log2_pow5(int k)
{
	return (int)((((long long)k * 1217359) + ((long long)1 << 40)) >> 19)
		- (1 << 21);
}

/*
 * A value P * 2^E (P = hi:lo, top bit 127 or 126, less than 4 units of
 * its last bit below the true value) rounded to a double: the
 * significand m kept at *m with its unit 2^(*s + E); returns 0 when the
 * true value rounds down to m, 1 when up, 2 when the dropped bits may be
 * within 4 units of one half (cannot tell).
 */
static int
round_at(uint64_t hi, uint64_t lo, int E, uint64_t *m, int *s)
{
	int top = (hi >> 63) ? 127 : 126, k;
	uint64_t rh, half;

	k = top - 52;
	if (top + E < -1022) {
		k = -1074 - E;   /* subnormal: the unit is 2^-1074 */
	}
	*s = k;
	*m = 0;
	if (k >= 130) {
		return 0;        /* below 2^-1075 */
	}
	if (k == 129) {      /* one half is 2^128 */
		return hi == ~(uint64_t)0 && lo > ~(uint64_t)0 - 4 ? 2 : 0;
	}
	/* k >= 74: one half is bit k - 1 >= 73, in hi. */
	if (k < 128) {
		*m = hi >> (k - 64);
		hi &= (((uint64_t)1) << (k - 64)) - 1;
	}
	half = (uint64_t)1 << (k - 65);
	rh = hi;
	if ((rh == half && lo == 0) || (rh == half - 1 && lo > ~(uint64_t)0 - 4)) {
		return 2;
	}
	return rh >= half;
}

/* The bits of m * 2^(s + E) (m < 2^53 + 1 as round_at left it, plus
 * its rounding), positive. */
static uint64_t
pack(uint64_t m, int s, int E)
{
	int e = s + E + 52;   /* the exponent when m has 53 bits */

	if (m == (uint64_t)1 << 53) {
		m >>= 1;
		e++;
	}
	if ((m >> 52) == 0) {
		return m;         /* subnormal; 2^52 would be the least normal */
	}
	if (e > 1023) {
		return (uint64_t)0x7FF << 52;
	}
	return (m & (((uint64_t)1 << 52) - 1)) | ((uint64_t)(e + 1023) << 52);
}

/* w * 10^q (w != 0, -343 <= q <= 308) approximated as P * 2^E. */
static void
approx(uint64_t w, int q, uint64_t *hi, uint64_t *lo, int *E)
{
	int a = (q - 27 * A_MIN) / 27 + A_MIN, b = q - 27 * a, lz = clz64(w);
	uint64_t mh = pow5_27[a - A_MIN][0], ml = pow5_27[a - A_MIN][1];
	uint64_t t1, t0, u1, u0, v1, v0;
	int eq = log2_pow5(27 * a) - 127;

	if (b > 0) {
		/* (mh:ml) * 5^b: 192 bits, normalized, the top 128 kept. */
		uint64_t p = pow5_small(b), x2, x1, x0, c;
		int n;
		mul64(ml, p, &t1, &x0);
		mul64(mh, p, &x2, &t0);
		x1 = t0 + t1;
		x2 += x1 < t0;
		n = clz64(x2);
		mh = n == 0 ? x2 : (x2 << n) | (x1 >> (64 - n));
		c = n == 0 ? x1 : (x1 << n) | (x0 >> (64 - n));
		ml = c;
		eq += 64 - n;
	}
	/* (w << lz) * (mh:ml), the top 128 bits. */
	w <<= lz;
	mul64(w, ml, &u1, &u0);
	mul64(w, mh, &v1, &v0);
	(void)u0;
	*lo = v0 + u1;
	*hi = v1 + (*lo < v0);
	*E = eq + q + 64 - lz;
}

/* ---- the exact comparison ------------------------------------------- */

typedef struct {
	uint32_t v[LIMBS];
	int n;      /* limbs in use */
} big;

static void
big_mul_add(big *x, uint32_t mul, uint32_t add)
{
	uint64_t c = add;
	int i;

	for (i = 0; i < x->n; i++) {
		c += (uint64_t)x->v[i] * mul;
		x->v[i] = (uint32_t)c;
		c >>= 32;
	}
	if (c != 0 && x->n < LIMBS) {
		x->v[x->n++] = (uint32_t)c;
	}
}

static void
big_set(big *x, uint64_t v)
{
	x->n = 0;
	while (v != 0) {
		x->v[x->n++] = (uint32_t)v;
		v >>= 32;
	}
}

/* x *= 5^k */
static void
big_pow5(big *x, int k)
{
	for (; k >= 13; k -= 13) {
		big_mul_add(x, 1220703125u, 0);   /* 5^13 */
	}
	big_mul_add(x, (uint32_t)pow5_small(k), 0);
}

/* x *= 2^k */
static void
big_shl(big *x, int k)
{
	int w = k / 32, b = k % 32, i;

	if (x->n == 0) {
		return;
	}
	if (x->n + w + 1 > LIMBS) {
		w = LIMBS - x->n - 1;   /* cannot happen (see LIMBS) */
	}
	x->v[x->n + w] = 0;
	for (i = x->n - 1; i >= 0; i--) {
		uint32_t cur = x->v[i];
		x->v[i + w + 1] |= b == 0 ? 0 : cur >> (32 - b);
		x->v[i + w] = cur << b;
	}
	for (i = 0; i < w; i++) {
		x->v[i] = 0;
	}
	x->n += w + 1;
	while (x->n > 0 && x->v[x->n - 1] == 0) {
		x->n--;
	}
}

static int
big_cmp(const big *x, const big *y)
{
	int i;

	if (x->n != y->n) {
		return x->n < y->n ? -1 : 1;
	}
	for (i = x->n - 1; i >= 0; i--) {
		if (x->v[i] != y->v[i]) {
			return x->v[i] < y->v[i] ? -1 : 1;
		}
	}
	return 0;
}

/* A number's text: digits at [int_at, int_end) and [frac_at, frac_end). */
typedef struct {
	const unsigned char *s;
	size_t int_at, int_end, frac_at, frac_end;
} digits;

/*
 * Walk the significant digits of `n`, taking at most `max`: into *w
 * (when x is NULL) or into the big integer x. Returns how many digits
 * it read up to the last one taken (leading zeros included) and sets
 * *more when a digit it did not take is not zero.
 */
static int
take_digits(const digits *n, int max, uint64_t *w, big *x, int *more)
{
	size_t j;
	int nd = 0, read = 0, chunk = 0;
	uint32_t acc = 0, scale = 1;

	*more = 0;
	for (j = n->int_at; j < n->frac_end; j++) {
		unsigned c;
		if (j == n->int_end) {
			j = n->frac_at;
			if (j == n->frac_end) {
				break;
			}
		}
		c = (unsigned)(n->s[j] - '0');
		if (nd == max) {
			*more |= c != 0;
			continue;
		}
		read++;
		if (nd == 0 && c == 0) {
			continue;
		}
		nd++;
		if (x == NULL) {
			*w = *w * 10 + c;
			continue;
		}
		acc = acc * 10 + c;
		scale *= 10;
		if (++chunk == 9) {
			big_mul_add(x, scale, acc);
			acc = 0;
			scale = 1;
			chunk = 0;
		}
	}
	if (x != NULL) {
		big_mul_add(x, scale, acc);
	}
	return read;
}

/*
 * The text `n` against the halfway point (2m + 1) * 2^h: -1, 0 or 1 as
 * it is below, at or above it. The value of the text is its digit
 * string times 10^(e - number of digits).
 */
static int
cmp_halfway(const digits *n, int e, uint64_t m, int h)
{
	big x, y;
	int trunc, d;

	x.n = 0;
	d = e - take_digits(n, DIGITS, NULL, &x, &trunc);
	big_set(&y, 2 * m + 1);
	if (d >= 0) {
		big_pow5(&x, d);
	} else {
		big_pow5(&y, -d);
	}
	if (d > h) {
		big_shl(&x, d - h);
	} else {
		big_shl(&y, h - d);
	}
	d = big_cmp(&x, &y);
	return d == 0 && trunc ? 1 : d;
}

/* The bits of the positive value w * 10^q (plus less than 10^q when
 * `more`), 10^-325 < value < 10^310; the text `n` for the exact
 * comparison, whose value is its digit string times 10^(e - digits). */
static uint64_t
convert(const digits *n, uint64_t w, int q, int more, int e)
{
	uint64_t hi, lo, m, m2, b1;
	int E, E2, sh, sh2, r, ok;

	approx(w, q, &hi, &lo, &E);
	r = round_at(hi, lo, E, &m, &sh);
	b1 = pack(m + (uint64_t)r, sh, E);
	ok = r < 2;
	if (ok && more) {
		/* The value is below (w + 1) * 10^q: both must agree. */
		approx(w + 1, q, &hi, &lo, &E2);
		r = round_at(hi, lo, E2, &m2, &sh2);
		ok = r < 2 && pack(m2 + (uint64_t)r, sh2, E2) == b1;
	}
	if (ok) {
		return b1;
	}
	/* Between m and m + 1 units: which side of m + 1/2 is the text? */
	r = cmp_halfway(n, e, m, sh + E - 1);
	return pack(m + (r > 0 || (r == 0 && (m & 1))), sh, E);
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
	size_t i = 0, int_at, int_end, frac_at, frac_end, nsig, j, k, ni;
	long long exp = 0, q;
	uint64_t w = 0, bits, b;
	digits n;
	int neg = 0, more = 0;
	double v;

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

	/* The first 19 significant digits in w, k digits read (of the
	 * integer part's ni and the fraction's), `more` if any nonzero digit
	 * is left: the value is w * 10^q, plus less than 10^q when `more`. */
	n.s = s;
	n.int_at = int_at;
	n.int_end = int_end;
	n.frac_at = frac_at;
	n.frac_end = frac_end;
	ni = int_end - int_at;
	k = (size_t)take_digits(&n, 19, &w, NULL, &more);
	for (nsig = 0, b = w; b != 0; b /= 10) {
		nsig++;
	}
#ifdef OOJWT_TESTING
	oojwt_strtod_calls++;
#endif
	if (w == 0) {
		return neg ? -0.0 : 0.0;
	}
	q = exp + (long long)ni - (long long)k;
	if (!more && w <= (uint64_t)1 << 53 && q >= -22 && q <= 22) {
		v = (double)w;
		v = q < 0 ? v / p10[-q] : v * p10[q];
		return neg ? -v : v;
	}
	/* w has nsig digits: the value is below 10^(q + nsig). */
	if (q + (long long)nsig > 309) {
		bits = (uint64_t)0x7FF << 52;   /* >= 10^309: infinity */
	} else if (q + (long long)nsig < -324) {
		bits = 0;                       /* < 10^-324: zero */
	} else {
		bits = convert(&n, w, (int)q, more, (int)(exp + (long long)ni));
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
