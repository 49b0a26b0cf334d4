/*
 * Small helpers: wiping, constant-time comparison, and a formatter that
 * needs neither stdio nor a locale (see inner.h for the contracts).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

void
oojwt_wipe(void *p, size_t len)
{
#if defined(__GNUC__) || defined(__clang__)
	memset(p, 0, len);
	/* The compiler must assume the asm reads the memory at p, so the
	 * memset cannot be dropped as a dead store. */
	__asm__ __volatile__("" : : "r"(p) : "memory");
#else
	volatile unsigned char *v = (volatile unsigned char *)p;

	while (len-- > 0) {
		*v++ = 0;
	}
#endif
}

size_t
oojwt_dots(const char *s, size_t len, size_t *dot1, size_t *dot2)
{
	size_t i, dots = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '.') {
			if (dots == 0) {
				*dot1 = i;
			} else if (dots == 1) {
				*dot2 = i;
			}
			dots++;
		}
	}
	return dots;
}

void
oojwt_wipe_free(void *p, size_t len)
{
	if (p != NULL) {
		oojwt_wipe(p, len);
		free(p);
	}
}

#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
void
oojwt_wipe_stack(void)
{
	/* Its own frame: must not be inlined into the caller's. */
	unsigned char burn[OOJWT_STACK_WIPE_LEN];

	oojwt_wipe(burn, sizeof burn);
}

int
oojwt_ct_equal(const unsigned char *a, const unsigned char *b, size_t len)
{
	unsigned acc = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		acc |= (unsigned)(a[i] ^ b[i]);
	}
	/* acc is 0..255: (acc - 1) >> 8 is 1 only for 0, without a branch. */
	return (int)(((acc - 1u) >> 8) & 1u);
}

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
size_t
oojwt_utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0], cp, min;
	size_t len, k;

	if (c < 0x80) {
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2; cp = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; cp = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; cp = c & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n < len) {
		return 0;
	}
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			return 0;
		}
		cp = (cp << 6) | (s[k] & 0x3Fu);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		return 0;
	}
	return len;
}

typedef struct {
	char *out;
	size_t cap, len;
} fmt_state;

static void
fmt_putc(fmt_state *st, char c)
{
	if (st->len + 1 < st->cap) {
		st->out[st->len] = c;
	}
	st->len++;
}

static void
fmt_unsigned(fmt_state *st, unsigned long long v)
{
	char tmp[24];
	size_t n = 0;

	do {
		tmp[n++] = (char)('0' + (int)(v % 10u));
		v /= 10u;
	} while (v != 0 && n < sizeof tmp);
	while (n > 0) {
		fmt_putc(st, tmp[--n]);
	}
}

static void
fmt_signed(fmt_state *st, long long v)
{
	if (v < 0) {
		fmt_putc(st, '-');
		fmt_unsigned(st, (unsigned long long)(-(v + 1)) + 1u);
	} else {
		fmt_unsigned(st, (unsigned long long)v);
	}
}

static void
fmt_bytes(fmt_state *st, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f) {
			fmt_putc(st, '\\');
			fmt_putc(st, 'x');
			fmt_putc(st, hex[c >> 4]);
			fmt_putc(st, hex[c & 15]);
		} else {
			fmt_putc(st, (char)c);
		}
	}
}

static void
fmt_seconds(fmt_state *st, double d)
{
	/* Whole seconds, toward zero; huge or odd values are clamped. */
	if (!(d == d)) {
		fmt_bytes(st, "NaN", 3);
	} else if (d >= 9.2e18) {
		fmt_bytes(st, "+inf", 4);
	} else if (d <= -9.2e18) {
		fmt_bytes(st, "-inf", 4);
	} else {
		fmt_signed(st, (long long)d);
	}
}

#ifndef OOJWT_CORE_MODULE
/* The next name of a comma-separated list (advancing *names), "" past
 * its end; the name goes to `name` (at most 31 bytes). */
static void
next_name(const char **names, char name[32])
{
	size_t n = 0;

	while (*names != NULL && **names != 0 && **names != ',') {
		if (n < 31) {
			name[n++] = **names;
		}
		(*names)++;
	}
	if (*names != NULL && **names == ',') {
		(*names)++;
	}
	name[n] = 0;
}
#endif

void
oojwt_vfmtp(char *out, size_t cap, oojwt_params *params, const char *names,
	const char *fmt, va_list ap)
{
	fmt_state st;
	const char *p;
#ifndef OOJWT_CORE_MODULE
	char name[32];
#endif

	if (cap == 0) {
		return;
	}
	st.out = out;
	st.cap = cap;
	st.len = 0;
	for (p = fmt; *p != 0; p++) {
		size_t start = st.len;
		if (*p != '%' || p[1] == 0) {
			fmt_putc(&st, *p);
			continue;
		}
		p++;
		switch (*p) {
		case 's':
		case 'k': { /* %k: a string param only, taken back below */
			const char *s = va_arg(ap, const char *);
			if (s == NULL) {
				s = "(null)";
			}
			fmt_bytes(&st, s, strlen(s));
			break;
		}
		case 'S': {
			const char *s = va_arg(ap, const char *);
			size_t n = va_arg(ap, size_t);
			fmt_bytes(&st, s, n);
			break;
		}
		case 'd':
			fmt_signed(&st, va_arg(ap, int));
			break;
		case 'l':
			fmt_signed(&st, va_arg(ap, long));
			break;
		case 'z':
			fmt_unsigned(&st, va_arg(ap, size_t));
			break;
		case 't':
			fmt_seconds(&st, va_arg(ap, double));
			break;
		default:
			fmt_putc(&st, *p);
			continue;
		}
#ifndef OOJWT_CORE_MODULE
		if (params != NULL) {
			/* The conversion's text as written (cut where the output
			 * was): numbers as numbers, NaN and infinities of %t and
			 * everything else as strings. */
			size_t end = st.len < cap ? st.len : cap - 1;
			char last = end > start ? out[end - 1] : 0;
			next_name(&names, name);
			if (start >= end) {
				oojwt_params_str(params, name, "", 0);
			} else if (*p != 's' && *p != 'S' && *p != 'k' && last != 'f'
				&& out[start] != 'N')
			{
				oojwt_params_raw(params, name, out + start, end - start);
			} else {
				oojwt_params_str(params, name, out + start, end - start);
			}
		}
#else
		(void)params;
		(void)names;
#endif
		if (*p == 'k') {
			st.len = start;
		}
	}
	if (st.len < cap) {
		out[st.len] = 0;
	} else {
		/* Truncated: do not leave half a UTF-8 sequence at the end. */
		size_t end = cap - 1;
		size_t lead = end;
		while (lead > 0 && ((unsigned char)out[lead - 1] & 0xC0) == 0x80) {
			lead--;
		}
		if (lead > 0 && (unsigned char)out[lead - 1] >= 0xC0) {
			unsigned char c = (unsigned char)out[lead - 1];
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			if (end - (lead - 1) < need) {
				end = lead - 1;
			}
		}
		out[end] = 0;
	}
}

void
oojwt_fmt(char *out, size_t cap, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	oojwt_vfmtp(out, cap, NULL, NULL, fmt, ap);
	va_end(ap);
}

void
oojwt_fmtp(char *out, size_t cap, oojwt_params *params, const char *names,
	const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	oojwt_vfmtp(out, cap, params, names, fmt, ap);
	va_end(ap);
}

/* "2026-11-22 14:52:12 UTC" for whole seconds since 1970 (proleptic
 * Gregorian; days to civil date as in H. Hinnant's algorithm). */
void
oojwt_utc_text(char *out, size_t cap, long long t)
{
	long long days = t / 86400, secs = t % 86400, era, doe, yoe, y, doy, mp;
	long long d, m;

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	oojwt_fmt(out, cap, "%t-%s%t-%s%t %s%t:%s%t:%s%t UTC", (double)y,
		m < 10 ? "0" : "", (double)m, d < 10 ? "0" : "", (double)d,
		secs / 3600 < 10 ? "0" : "", (double)(secs / 3600),
		secs / 60 % 60 < 10 ? "0" : "", (double)(secs / 60 % 60),
		secs % 60 < 10 ? "0" : "", (double)(secs % 60));
}

int
oojwt_hex_value(int c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* 1 when the int `x` (|x| < 2^31) is negative, 0 otherwise: the sign bit. */
static unsigned
negative(int x)
{
	return (unsigned)x >> 31;
}

/* The hex digit `c` (0-255) as its value 0 to 15 in the low bits, with bit
 * 31 set when `c` is not a hex digit; computed with masks only. */
static unsigned
hex_nibble_ct(unsigned c)
{
	int d = (int)c - '0', l = (int)(c | 0x20u) - 'a';
	unsigned is_d = (1u - negative(d)) & negative(d - 10);
	unsigned is_l = (1u - negative(l)) & negative(l - 6);

	return ((0u - is_d) & (unsigned)d) | ((0u - is_l) & (unsigned)(l + 10))
		| ((1u - (is_d | is_l)) << 31);
}

int
oojwt_hex_decode_ct(unsigned char *dst, const unsigned char *src, size_t n)
{
	unsigned bad = 0;
	size_t i;

	if (n == 0 || n % 2 != 0) {
		return 0;
	}
	for (i = 0; i < n; i += 2) {
		unsigned hi = hex_nibble_ct(src[i]), lo = hex_nibble_ct(src[i + 1]);
		bad |= hi | lo;
		dst[i / 2] = (unsigned char)(((hi << 4) | lo) & 0xFFu);
	}
	bad >>= 31;
	OOJWT_DECLASSIFY(&bad, sizeof bad);
	if (bad != 0) {
		oojwt_wipe(dst, n / 2);
		return 0;
	}
	return 1;
}
