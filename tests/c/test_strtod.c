/*
 * oojwt_strtod (src/core/strtod.c): decimal text to double, correctly rounded.
 *
 * Three oracles: the vector file tests/vectors/strtod.json (V8's
 * Number(); its halfway cases built exactly with BigInt), the C
 * library's strtod() (glibc's is correctly rounded), and, for halfway
 * points, the construction itself (the halfway point's exact decimal
 * computed with integers, halfway_decimal; ties to even, a nonzero
 * digit far out rounds up, a little less rounds down). All three hold
 * under valgrind too. The random inputs come
 * from a fixed seed, named in the tests' names; every comparison is of
 * bit patterns, and of how many bytes were read.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

#define SEED 0x9E3779B97F4A7C15ULL

static uint64_t
bits_of(double v)
{
	uint64_t b;

	memcpy(&b, &v, sizeof b);
	return b;
}

static double
of_bits(uint64_t b)
{
	double v;

	memcpy(&v, &b, sizeof v);
	return v;
}

static uint64_t
next_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* ours on an exact-size copy (no NUL after it, so ASan sees overreads). */
static double
ours(const char *text, size_t *used)
{
	size_t n = strlen(text);
	char *copy = exact_copy(text, n);
	double v = oojwt_strtod(copy, n, used);

	free(copy);
	return v;
}

/* Compare ours (both contracts) with `want` bits and `want_used`
 * bytes. Returns 1 when all agree. */
static int
agree(test *t, const char *text, uint64_t want, size_t want_used)
{
	char show[120], *end;
	size_t used;
	uint64_t got = bits_of(ours(text, &used));
	uint64_t got_c = bits_of(oojwt_strtod_c(text, &end));

	return expect(t, got == want && used == want_used
			&& got_c == want && (size_t)(end - text) == want_used,
		"%s: want %016llx (%zu bytes read), got %016llx (%zu), C form %016llx (%zu)",
		shown(show, sizeof show, text, strlen(text)),
		(unsigned long long)want, want_used, (unsigned long long)got, used,
		(unsigned long long)got_c, (size_t)(end - text));
}

/* Against the C library: same bits, same end. */
static int
agree_libc(test *t, const char *text)
{
	char *end;
	double v = strtod(text, &end);

	return agree(t, text, bits_of(v), (size_t)(end - text));
}

static void
one_vector(const cJSON *v)
{
	test t;
	const char *text = jstr(v, "in");
	uint64_t want = strtoull(jstr(v, "bits"), NULL, 16);
	char show[80];

	test_begin(&t, "strtod vector %s (%s)",
		shown(show, sizeof show, text, strlen(text)), jstr(v, "why"));
	expect(&t, bits_of(strtod(text, NULL)) == want,
		"the C library disagrees with the vector file");
	agree(&t, text, want, strlen(text));
	test_end(&t);
}

/* Where the number ends, and what is not one (no white space skipped
 * by oojwt_strtod; hexadecimal, inf and nan are not read). */
static void
prefixes(void)
{
	static const struct {
		const char *text;
		size_t used;
		double value;
	} rows[] = {
		{ "", 0, 0 }, { "-", 0, 0 }, { "+", 0, 0 }, { ".", 0, 0 },
		{ "-.", 0, 0 }, { "e5", 0, 0 }, { "x1", 0, 0 }, { " 1", 0, 0 },
		{ "1e", 1, 1 }, { "1e+", 1, 1 }, { "1E-", 1, 1 }, { "1ex", 1, 1 },
		{ "5.", 2, 5 }, { ".5", 2, 0.5 }, { "+.5e1", 5, 5 },
		{ "-2.5e-1x", 7, -0.25 }, { "00012", 5, 12 }, { "1.5.5", 3, 1.5 },
		{ "1e5e5", 3, 1e5 }, { "12,3", 2, 12 }, { "0x10", 1, 0 },
		{ "inf", 0, 0 }, { "nan", 0, 0 }, { "1-2", 1, 1 }
	};
	size_t i;

	for (i = 0; i < sizeof rows / sizeof *rows; i++) {
		test t;
		size_t used = 99;
		double v;

		test_begin(&t, "strtod prefix \"%s\"", rows[i].text);
		v = ours(rows[i].text, &used);
		expect(&t, used == rows[i].used && bits_of(v) == bits_of(rows[i].value),
			"read %zu bytes as %.17g; want %zu bytes, %.17g", used, v,
			rows[i].used, rows[i].value);
		test_end(&t);
	}
	/* C's contract: white space skipped, end at the start when nothing
	 * was read; the same end as the C library for decimal text. */
	{
		static const char *const c_rows[] = {
			" 1", "\t\n\v\f\r-7e2x", "  ", "", " .", "+.5e1", "1e+",
			" 12,3", "-0", "   9007199254740993 "
		};
		test t;

		test_begin(&t, "strtod: C's strtod() contract");
		for (i = 0; i < sizeof c_rows / sizeof *c_rows; i++) {
			char *end, *lend;
			double v = oojwt_strtod_c(c_rows[i], &end);
			double lv = strtod(c_rows[i], &lend);
			expect(&t, bits_of(v) == bits_of(lv) && end == lend,
				"\"%s\": %.17g, %d read; the C library: %.17g, %d",
				c_rows[i], v, (int)(end - c_rows[i]), lv, (int)(lend - c_rows[i]));
		}
		expect(&t, oojwt_strtod_c("7", NULL) == 7, "end may be NULL");
		expect(&t, oojwt_strtod("7", 1, NULL) == 7, "used may be NULL");
		test_end(&t);
	}
}

/* A random finite double: any bit pattern, a subnormal, or near 1. */
static double
rand_double(uint64_t *s)
{
	uint64_t r = next_rand(s), b;

	switch (r % 4) {
	case 0:
		b = next_rand(s) & ((1ULL << 52) - 1);           /* subnormal */
		break;
	case 1:
		b = (next_rand(s) & ((1ULL << 52) - 1)) | (1023ULL << 52);
		break;
	default:
		b = next_rand(s) & ~(1ULL << 63);
		if ((b >> 52) == 0x7FF) {
			b ^= 1ULL << 62;                             /* not inf/nan */
		}
		break;
	}
	return of_bits(b);
}

/* Random decimal texts of every shape, against the C library. */
static void
random_texts(void)
{
	static const char *const kinds[] = {
		"shortest round trip (%.17g)", "%.Ne, N random",
		"random digits (1-25) and exponents", "long digit strings (up to 900 digits)",
		"integers below 2^54"
	};
	static const int counts[] = { 20000, 20000, 20000, 1500, 10000 };
	char buf[1200];
	int kind;

	for (kind = 0; kind < 5; kind++) {
		uint64_t s = SEED + (uint64_t)kind;
		int i, bad = 0;
		test t;

		test_begin(&t, "strtod: %d random texts, %s, seed %llx+%d, against the C library",
			counts[kind], kinds[kind], (unsigned long long)SEED, kind);
		for (i = 0; i < counts[kind] && bad < 5; i++) {
			int p = 0, k, n;
			switch (kind) {
			case 0:
				snprintf(buf, sizeof buf, "%.17g", rand_double(&s));
				break;
			case 1:
				snprintf(buf, sizeof buf, "%.*e", (int)(next_rand(&s) % 30),
					rand_double(&s));
				break;
			case 2:
			case 3:
				n = kind == 2 ? 1 + (int)(next_rand(&s) % 25)
					: 1 + (int)(next_rand(&s) % 900);
				if (next_rand(&s) & 1) {
					buf[p++] = '-';
				}
				for (k = 0; k < n; k++) {
					buf[p++] = (char)('0' + next_rand(&s) % 10);
					if (k == 0 && n > 1 && next_rand(&s) % 3 == 0) {
						buf[p++] = '.';
					}
				}
				p += snprintf(buf + p, sizeof buf - (size_t)p, "e%d",
					(int)(next_rand(&s) % 1400) - 1000 + (kind == 3 ? 0 : 350));
				break;
			default:
				snprintf(buf, sizeof buf, "%llu",
					(unsigned long long)(next_rand(&s) >> 10));
				break;
			}
			bad += !agree_libc(&t, buf);
		}
		test_end(&t);
	}
}

/* Multiplies the base-10^9 number limbs[0..*n) (least significant
 * first) by f, which is at most 2^31. */
static void
limbs_mul(uint32_t *limbs, size_t *n, uint32_t f)
{
	uint64_t carry = 0;
	size_t i;

	for (i = 0; i < *n; i++) {
		uint64_t v = (uint64_t)limbs[i] * f + carry;
		limbs[i] = (uint32_t)(v % 1000000000u);
		carry = v / 1000000000u;
	}
	while (carry != 0) {
		limbs[(*n)++] = (uint32_t)(carry % 1000000000u);
		carry /= 1000000000u;
	}
}

/* The exact decimal of the point halfway between the finite double
 * x >= 0 and the next one up, as D * 10^E with D in `digits` (no
 * trailing zeros). x = m * 2^q exactly and the next one up is
 * (m + 1) * 2^q (also across a power of two), so the halfway point is
 * (2m + 1) * 2^(q - 1): for q - 1 >= 0 an integer, else
 * (2m + 1) * 5^(1 - q) / 10^(1 - q). Integers only: long double is no
 * oracle under valgrind, which computes it at double precision. */
static void
halfway_decimal(double x, char *digits, size_t cap, int *e10)
{
	uint64_t b = bits_of(x), m = b & ((1ULL << 52) - 1);
	int biased = (int)(b >> 52), k, step;
	uint32_t limbs[120];
	size_t n = 0, i, len;

	if (biased != 0) {
		m |= 1ULL << 52;
	}
	k = (biased != 0 ? biased : 1) - 1075 - 1;       /* the halfway point's 2^k */
	m = 2 * m + 1;
	for (; m != 0; m /= 1000000000u) {
		limbs[n++] = (uint32_t)(m % 1000000000u);
	}
	for (; k > 0; k -= step) {
		step = k < 31 ? k : 31;
		limbs_mul(limbs, &n, 1u << step);
	}
	*e10 = k;
	for (; k < 0; k += step) {
		uint32_t five = 1;
		int j;

		step = -k < 13 ? -k : 13;                    /* 5^13 < 2^31 */
		for (j = 0; j < step; j++) {
			five *= 5;
		}
		limbs_mul(limbs, &n, five);
	}
	len = (size_t)snprintf(digits, cap, "%u", (unsigned)limbs[n - 1]);
	for (i = n - 1; i-- > 0 && len + 9 < cap;) {
		len += (size_t)snprintf(digits + len, cap - len, "%09u", (unsigned)limbs[i]);
	}
	while (len > 1 && digits[len - 1] == '0') {
		digits[--len] = 0;
		++*e10;
	}
}

/* Halfway points between random doubles and the next ones up, exactly
 * (halfway_decimal), plus just above (a 1 past 800 digits, and
 * one as the 800th digit) and just below (one unit less, then 9s);
 * against the construction and the C library. */
static void
halfway_points(void)
{
	test t;
	uint64_t s = SEED ^ 0xABCDEF;
	char digits[1000], text[1200];
	int i, bad = 0;

	test_begin(&t, "strtod: 4 x 4000 random halfway points (and just above, just below), seed %llx",
		(unsigned long long)(SEED ^ 0xABCDEF));
	for (i = 0; i < 4000 && bad < 5; i++) {
		double x = rand_double(&s);
		double up = nextafter(x, INFINITY);
		double even = (bits_of(x) & 1) == 0 ? x : up;
		int e10, n, pad;

		if (isinf(up)) {
			continue;
		}
		halfway_decimal(x, digits, sizeof digits, &e10);
		n = (int)strlen(digits);
		snprintf(text, sizeof text, "%se%d", digits, e10);
		bad += !agree(&t, text, bits_of(even), strlen(text));
		bad += !agree_libc(&t, text);
		pad = n < 805 ? 805 - n : 1;
		snprintf(text, sizeof text, "%s%0*de%d", digits, pad + 1, 1, e10 - pad - 1);
		bad += !agree(&t, text, bits_of(up), strlen(text));
		pad = n < 799 ? 799 - n : 1;
		snprintf(text, sizeof text, "%s%0*de%d", digits, pad + 1, 1, e10 - pad - 1);
		bad += !agree(&t, text, bits_of(up), strlen(text));
		digits[n - 1]--;
		snprintf(text, sizeof text, "%s999999999999999999999999999999e%d",
			digits, e10 - 30);
		bad += !agree(&t, text, bits_of(x), strlen(text));
		bad += !agree_libc(&t, text);
	}
	test_end(&t);
}

/*
 * A token whose payload is full of numbers off the fast paths (1e308,
 * 1e-320, the least subnormal, long digit strings), signed with another
 * key: verify reports bad_signature (and the payload's text) without
 * converting any of them; decode neither. Only the claims (exp, nbf,
 * iat) are converted, once each, however often the text repeats them.
 * Before the scan deferred its conversions, every number with an
 * exponent was converted (OOJWT_TESTING counts them).
 */
static void
no_conversions(void)
{
	static const char *const slow[] = {
		"1e308", "1e-320", "4.9406564584124654e-324",
		"2.4703282292062327e-324", "1.7976931348623157e308",
		"123456789012345678901234567890123456789e-350"
	};
	oojwt_key key = test_key(KEY_OTHER);
	oojwt_verify_opts o = opts_make(OOJWT_ALG_HMAC, 1700000000, 0);
	const char *hdr = "{\"alg\":\"HS256\"}";
	size_t i, k;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		test t;
		str payload = { 0 }, tok = { 0 };
		oojwt_result r;
		unsigned long before;
		char *copy;

		test_begin(&t, "strtod: verify with a wrong key converts %s",
			pass == 0 ? "no number of the payload" : "the claims only, once each");
		str_puts(&payload, pass == 0 ? "{\"a\":[" : "{\"exp\":1e-320,\"a\":[");
		for (i = 0; i < 3000; i++) {
			str_puts(&payload, i == 0 ? "" : ",");
			str_puts(&payload, slow[i % (sizeof slow / sizeof *slow)]);
		}
		str_puts(&payload, pass == 0 ? "]}" : "],\"nbf\":1e308}");
		str_b64(&tok, hdr, strlen(hdr));
		str_puts(&tok, ".");
		str_b64(&tok, payload.p, payload.len);
		str_puts(&tok, ".");
		for (k = 0; k < 43; k++) {
			str_puts(&tok, "A");
		}
		copy = exact_copy(tok.p, tok.len);
		before = oojwt_strtod_calls;
		oojwt_verify(&r, copy, tok.len, &key, &o);
		expect(&t, oojwt_strtod_calls - before == (pass == 0 ? 0u : 2u),
			"verify converted %lu numbers", oojwt_strtod_calls - before);
		expect(&t, r.n_errors >= 1 && r.errors[0].code == OOJWT_ERR_BAD_SIGNATURE,
			"first error %s, want bad_signature",
			r.n_errors ? cname(r.errors[0].code) : "none");
		expect(&t, r.payload != NULL && r.payload_len == payload.len
			&& r.payload_ok, "the payload text is still reported");
		if (pass == 1) {
			/* exp 1e-320 has passed, nbf 1e308 is far ahead. */
			expect(&t, r.n_errors == 3, "%zu errors, want bad_signature, "
				"expired, not_yet_valid", r.n_errors);
		}
		oojwt_result_free(&r);
		before = oojwt_strtod_calls;
		oojwt_decode(&r, copy, tok.len);
		expect(&t, oojwt_strtod_calls - before == (pass == 0 ? 0u : 2u),
			"decode converted %lu numbers", oojwt_strtod_calls - before);
		oojwt_result_free(&r);
		free(copy);
		str_free(&payload);
		str_free(&tok);
		test_end(&t);
	}
}

void
suite_strtod(const char *dir, const char *shared)
{
	(void)shared;
	for_each_test(dir, "strtod.json", one_vector);
	prefixes();
	random_texts();
	halfway_points();
	no_conversions();
}
