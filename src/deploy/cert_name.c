/*
 * Names in X.509 certificates: distinguished names as text, object
 * identifiers as dotted text, IP addresses (parsing and RFC 5952 text),
 * and host name matching against dNSName patterns (RFC 6125).
 */
#include <string.h>
#include "inner.h"
#include "deploy.h"

size_t
oojwt_oid_text(char *out, size_t cap, const unsigned char *p, size_t len)
{
	char tmp[24];
	size_t i, n = 0, k;
	unsigned long arc = 0;
	int first = 1, bytes = 0;

	if (len == 0 || (p[len - 1] & 0x80) != 0 || cap == 0) {
		return 0;
	}
	out[0] = 0;
	for (i = 0; i < len; i++) {
		if (bytes == 0 && p[i] == 0x80) {
			return 0; /* not minimal */
		}
		if (++bytes > 4) {
			return 0; /* arcs above 2^28 are not names we print */
		}
		arc = (arc << 7) | (p[i] & 0x7Fu);
		if ((p[i] & 0x80) != 0) {
			continue;
		}
		if (first) {
			unsigned long x = arc < 40 ? 0 : arc < 80 ? 1 : 2;
			oojwt_fmt(tmp, sizeof tmp, "%l.%l", (long)x, (long)(arc - 40 * x));
			first = 0;
		} else {
			oojwt_fmt(tmp, sizeof tmp, ".%l", (long)arc);
		}
		k = strlen(tmp);
		if (n + k + 1 > cap) {
			return 0;
		}
		memcpy(out + n, tmp, k + 1);
		n += k;
		arc = 0;
		bytes = 0;
	}
	return n;
}

static const struct {
	const char *oid;
	const char *name;
} attr_names[] = {
	{ "2.5.4.3", "CN" }, { "2.5.4.6", "C" }, { "2.5.4.7", "L" },
	{ "2.5.4.8", "ST" }, { "2.5.4.10", "O" }, { "2.5.4.11", "OU" },
	{ "2.5.4.5", "serialNumber" }, { "2.5.4.4", "SN" },
	{ "2.5.4.42", "GN" }, { "2.5.4.12", "title" }, { "2.5.4.9", "street" },
	{ "2.5.4.17", "postalCode" }, { "2.5.4.46", "dnQualifier" },
	{ "2.5.4.65", "pseudonym" }, { "2.5.4.97", "organizationIdentifier" },
	{ "1.2.840.113549.1.9.1", "emailAddress" },
	{ "0.9.2342.19200300.100.1.25", "DC" },
	{ "0.9.2342.19200300.100.1.1", "UID" }
};

/* Append code point `cp` as UTF-8. */
static void
put_utf8(oojwt_sb *sb, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	oojwt_sb_put(sb, u, n);
}

/* One character of a value, escaped as RFC 4514 asks: specials with a
 * backslash, control bytes as \XX. `edge`: first or last character. */
static void
put_char(oojwt_sb *sb, unsigned long cp, int first, int last)
{
	static const char hex[] = "0123456789ABCDEF";
	char e[3];

	if (cp < 0x20 || cp == 0x7F) {
		e[0] = '\\';
		e[1] = hex[(cp >> 4) & 15];
		e[2] = hex[cp & 15];
		oojwt_sb_put(sb, e, 3);
		return;
	}
	if (cp == ',' || cp == '+' || cp == '"' || cp == '\\' || cp == '<'
		|| cp == '>' || cp == ';' || (first && (cp == '#' || cp == ' '))
		|| (last && cp == ' '))
	{
		oojwt_sb_put(sb, "\\", 1);
	}
	put_utf8(sb, cp);
}

/*
 * The string value v of ASN.1 type `tag` as escaped UTF-8 text. 0 when
 * its bytes do not fit the type (bad UTF-8, odd BMP length, a
 * surrogate, characters outside a PrintableString).
 */
static int
put_value(oojwt_sb *sb, unsigned tag, const oojwt_der *v)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, n, step;
	unsigned long cp;

	switch (tag) {
	case 0x0C: /* UTF8String */
		for (i = 0; i < v->len; i += n) {
			n = oojwt_utf8_len(v->p + i, v->len - i);
			if (n == 0) {
				return 0;
			}
			cp = n == 1 ? v->p[i] : n == 2 ? (v->p[i] & 0x1Fu) : n == 3
				? (v->p[i] & 0x0Fu) : (v->p[i] & 0x07u);
			for (step = 1; step < n; step++) {
				cp = (cp << 6) | (v->p[i + step] & 0x3Fu);
			}
			put_char(sb, cp, i == 0, i + n == v->len);
		}
		return 1;
	case 0x13: /* PrintableString */
	case 0x16: /* IA5String */
	case 0x12: /* NumericString */
	case 0x1A: /* VisibleString */
	case 0x14: /* TeletexString, read as Latin-1 as OpenSSL does */
		for (i = 0; i < v->len; i++) {
			if (tag != 0x14 && v->p[i] >= 0x80) {
				return 0;
			}
			put_char(sb, v->p[i], i == 0, i + 1 == v->len);
		}
		return 1;
	case 0x1E: /* BMPString: UCS-2 big-endian */
	case 0x1C: /* UniversalString: UCS-4 big-endian */
		step = tag == 0x1E ? 2 : 4;
		if (v->len % step != 0) {
			return 0;
		}
		for (i = 0; i < v->len; i += step) {
			cp = 0;
			for (n = 0; n < step; n++) {
				cp = (cp << 8) | v->p[i + n];
			}
			if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
				return 0;
			}
			put_char(sb, cp, i == 0, i + step == v->len);
		}
		return 1;
	default:
		/* Not a string: "#" and the hex of its contents. */
		oojwt_sb_put(sb, "#", 1);
		for (i = 0; i < v->len; i++) {
			char h[2];
			h[0] = hex[v->p[i] >> 4];
			h[1] = hex[v->p[i] & 15];
			oojwt_sb_put(sb, h, 2);
		}
		return 1;
	}
}

int
oojwt_cert_name(oojwt_sb *sb, const unsigned char *p, size_t len,
	oojwt_der *cn)
{
	oojwt_der name = { p, len }, rdn, atv, oid, v;
	char dotted[96];
	size_t i;
	int first = 1;

	cn->p = NULL;
	cn->len = 0;
	while (name.len > 0) {
		int first_in_rdn = 1;
		if (!oojwt_der_take(&name, 0x31, &rdn) || rdn.len == 0) {
			return 0;
		}
		while (rdn.len > 0) {
			const char *label = NULL;
			unsigned tag;
			if (!oojwt_der_take(&rdn, 0x30, &atv)
				|| !oojwt_der_take(&atv, 0x06, &oid) || atv.len < 2)
			{
				return 0;
			}
			tag = atv.p[0];
			if (!oojwt_der_take(&atv, tag, &v) || atv.len != 0
				|| oojwt_oid_text(dotted, sizeof dotted, oid.p, oid.len) == 0)
			{
				return 0;
			}
			for (i = 0; i < sizeof attr_names / sizeof *attr_names; i++) {
				if (strcmp(dotted, attr_names[i].oid) == 0) {
					label = attr_names[i].name;
				}
			}
			oojwt_sb_puts(sb, first ? "" : first_in_rdn ? ", " : " + ");
			oojwt_sb_puts(sb, label != NULL ? label : dotted);
			oojwt_sb_puts(sb, "=");
			if (!put_value(sb, tag, &v)) {
				return 0;
			}
			if (label != NULL && strcmp(label, "CN") == 0) {
				*cn = v;
			}
			first = 0;
			first_in_rdn = 0;
		}
	}
	return 1;
}

/* ---- IP addresses ------------------------------------------------------ */

/* Dotted-quad IPv4 (no leading zeros, as inet_pton) into ip[4]. */
static int
parse_v4(const char *s, size_t len, unsigned char *ip)
{
	size_t i = 0, part;

	for (part = 0; part < 4; part++) {
		unsigned v = 0, digits = 0;
		if (part > 0) {
			if (i >= len || s[i] != '.') {
				return 0;
			}
			i++;
		}
		while (i < len && s[i] >= '0' && s[i] <= '9' && digits < 4) {
			if (digits == 1 && v == 0) {
				return 0;
			}
			v = v * 10 + (unsigned)(s[i] - '0');
			digits++;
			i++;
		}
		if (digits == 0 || v > 255) {
			return 0;
		}
		ip[part] = (unsigned char)v;
	}
	return i == len;
}

/* IPv6 text (RFC 4291 2.2, an IPv4 tail allowed) into ip[16]. */
static int
parse_v6(const char *s, size_t len, unsigned char *ip)
{
	unsigned char w[16];
	size_t i = 0, n = 0, gap = 16, k;
	int gapped = 0;

	if (len >= 2 && s[0] == ':' && s[1] == ':') {
		gap = 0;
		gapped = 1;
		i = 2;
	} else if (len >= 1 && s[0] == ':') {
		return 0;
	}
	while (i < len) {
		size_t start = i;
		unsigned v = 0;
		while (i < len && i - start < 5 && oojwt_hex_value(s[i]) >= 0) {
			v = (v << 4) | (unsigned)oojwt_hex_value(s[i]);
			i++;
		}
		if (i < len && s[i] == '.') {
			/* the IPv4 tail: the last 32 bits */
			if (n > 12 || !parse_v4(s + start, len - start, w + n)) {
				return 0;
			}
			n += 4;
			i = len;
			break;
		}
		if (i == start || i - start > 4 || n > 14) {
			return 0;
		}
		w[n++] = (unsigned char)(v >> 8);
		w[n++] = (unsigned char)v;
		if (i == len) {
			break;
		}
		if (s[i] != ':') {
			return 0;
		}
		i++;
		if (i < len && s[i] == ':') {
			if (gapped) {
				return 0;
			}
			gapped = 1;
			gap = n;
			i++;
		} else if (i == len) {
			return 0; /* a trailing single colon */
		}
	}
	if ((!gapped && n != 16) || (gapped && n > 14)) {
		return 0;
	}
	if (gapped) {
		memset(ip, 0, 16);
		memcpy(ip, w, gap);
		k = n - gap;
		memcpy(ip + 16 - k, w + gap, k);
	} else {
		memcpy(ip, w, 16);
	}
	return 1;
}

size_t
oojwt_ip_parse(const char *s, size_t len, unsigned char *ip)
{
	if (len >= 2 && s[0] == '[' && s[len - 1] == ']') {
		s++;
		len -= 2;
		return parse_v6(s, len, ip) ? 16 : 0;
	}
	if (parse_v4(s, len, ip)) {
		return 4;
	}
	if (memchr(s, ':', len) != NULL && parse_v6(s, len, ip)) {
		return 16;
	}
	return 0;
}

void
oojwt_ip_text(char *out, const unsigned char *ip, size_t len)
{
	size_t i, best = 0, best_len = 0, run, n = 0;

	if (len == 4) {
		oojwt_fmt(out, 46, "%d.%d.%d.%d", ip[0], ip[1], ip[2], ip[3]);
		return;
	}
	/* RFC 5952: the longest run of two or more zero groups becomes
	 * "::" (the first such run on a tie); lower-case hex, no zeros. */
	for (i = 0; i < 8; i += run > 0 ? run : 1) {
		for (run = 0; i + run < 8 && ip[2 * (i + run)] == 0
			&& ip[2 * (i + run) + 1] == 0; run++)
		{
			continue;
		}
		if (run > best_len) {
			best = i;
			best_len = run;
		}
	}
	if (best_len < 2) {
		best_len = 0;
		best = 8;
	}
	out[0] = 0;
	for (i = 0; i < 8; i++) {
		static const char hex[] = "0123456789abcdef";
		unsigned v = ((unsigned)ip[2 * i] << 8) | ip[2 * i + 1];
		int shift, started = 0;
		if (i == best) {
			out[n++] = ':';
			out[n++] = ':';
			i += best_len - 1;
			continue;
		}
		if (i > 0 && i != best + best_len) {
			out[n++] = ':';
		}
		for (shift = 12; shift >= 0; shift -= 4) {
			unsigned d = (v >> shift) & 15;
			if (d != 0 || started || shift == 0) {
				out[n++] = hex[d];
				started = 1;
			}
		}
	}
	out[n] = 0;
}

/* ---- host names -------------------------------------------------------- */

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
same_ascii(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i])) {
			return 0;
		}
	}
	return 1;
}

int
oojwt_dns_match(const char *pat, size_t plen, const char *host, size_t hlen)
{
	size_t i, dots = 0, first_dot;

	if (plen > 0 && pat[plen - 1] == '.') {
		plen--;
	}
	if (hlen > 0 && host[hlen - 1] == '.') {
		hlen--;
	}
	if (plen == 0 || hlen == 0 || memchr(pat, 0, plen) != NULL
		|| memchr(host, '*', hlen) != NULL)
	{
		return 0;
	}
	if (plen >= 2 && pat[0] == '*' && pat[1] == '.') {
		for (i = 2; i < plen; i++) {
			dots += pat[i] == '.';
			if (pat[i] == '*') {
				return 0;
			}
		}
		if (dots == 0) {
			return 0; /* "*.com": at least two labels after the star */
		}
		for (first_dot = 0; first_dot < hlen && host[first_dot] != '.';
			first_dot++)
		{
			continue;
		}
		return first_dot > 0 && first_dot < hlen
			&& hlen - first_dot == plen - 1
			&& same_ascii(pat + 1, host + first_dot, plen - 1);
	}
	if (memchr(pat, '*', plen) != NULL) {
		return 0; /* partial or inner wildcards are not honoured */
	}
	return plen == hlen && same_ascii(pat, host, plen);
}
