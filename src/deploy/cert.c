/*
 * X.509 certificates: the strict DER walk of one certificate
 * (oojwt_cert_inspect, see oojwt.h). Names are made text in cert_name.c;
 * the checks that become findings are in cert_check.c.
 */
#include <stdlib.h>
#include <string.h>
#include "bearssl_hash.h"
#include "inner.h"
#include "deploy.h"

/* Signature algorithms: OpenSSL's names, the hash (as the JWS algorithm
 * whose hash it is) and the key family when oojwt can check them. */
static const struct {
	unsigned char oid[9];
	unsigned char len;
	const char *name;
	unsigned hash;      /* OOJWT_ALG_RS256 (SHA-256), ... 0: not checked */
	int family;         /* OOJWT_CERT_RSA, _EC, 0 */
	int weak;           /* MD2, MD5, SHA-1 */
	int params;         /* 1: NULL parameters (or none), 0: none */
} sig_algs[] = {
	{ { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b }, 9,
		"sha256WithRSAEncryption", OOJWT_ALG_RS256, OOJWT_CERT_RSA, 0, 1 },
	{ { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c }, 9,
		"sha384WithRSAEncryption", OOJWT_ALG_RS384, OOJWT_CERT_RSA, 0, 1 },
	{ { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d }, 9,
		"sha512WithRSAEncryption", OOJWT_ALG_RS512, OOJWT_CERT_RSA, 0, 1 },
	{ { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0e }, 9,
		"sha224WithRSAEncryption", 0, OOJWT_CERT_RSA, 0, 1 },
	{ { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05 }, 9,
		"sha1WithRSAEncryption", 0, OOJWT_CERT_RSA, 1, 1 },
	{ { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x04 }, 9,
		"md5WithRSAEncryption", 0, OOJWT_CERT_RSA, 1, 1 },
	{ { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x02 }, 9,
		"md2WithRSAEncryption", 0, OOJWT_CERT_RSA, 1, 1 },
	{ { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02 }, 8,
		"ecdsa-with-SHA256", OOJWT_ALG_ES256, OOJWT_CERT_EC, 0, 0 },
	{ { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03 }, 8,
		"ecdsa-with-SHA384", OOJWT_ALG_ES384, OOJWT_CERT_EC, 0, 0 },
	{ { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04 }, 8,
		"ecdsa-with-SHA512", OOJWT_ALG_ES512, OOJWT_CERT_EC, 0, 0 },
	{ { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x01 }, 8,
		"ecdsa-with-SHA224", 0, OOJWT_CERT_EC, 0, 0 },
	{ { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01 }, 7,
		"ecdsa-with-SHA1", 0, OOJWT_CERT_EC, 1, 0 },
	{ { 0x2b, 0x65, 0x70 }, 3, "ED25519", 0, 0, 0, 0 },
	{ { 0x2b, 0x65, 0x71 }, 3, "ED448", 0, 0, 0, 0 },
	{ { 0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x03 }, 7, "dsaWithSHA1", 0, 0, 1, 0 }
};

static const unsigned char oid_rsa[] = {
	0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01 };
static const unsigned char oid_rsa_pss[] = {
	0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a };
static const unsigned char oid_ec[] = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01 };
static const unsigned char oid_ed25519[] = { 0x2b, 0x65, 0x70 };
static const unsigned char oid_ed448[] = { 0x2b, 0x65, 0x71 };
static const unsigned char oid_san[] = { 0x55, 0x1d, 0x11 };

static const struct {
	unsigned char oid[8];
	unsigned char len;
	const char *name;
	unsigned bits;
} curves[] = {
	{ { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07 }, 8, "P-256", 256 },
	{ { 0x2b, 0x81, 0x04, 0x00, 0x22 }, 5, "P-384", 384 },
	{ { 0x2b, 0x81, 0x04, 0x00, 0x23 }, 5, "P-521", 521 },
	{ { 0x2b, 0x81, 0x04, 0x00, 0x0a }, 5, "secp256k1", 256 },
	{ { 0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01 }, 8, "brainpoolP256r1", 256 }
};

static int
is(const oojwt_der *v, const unsigned char *oid, size_t len)
{
	return v->len == len && memcmp(v->p, oid, len) == 0;
}

/* Take an element of tag `tag` and give its whole encoding too. */
static int
take_whole(oojwt_der *d, unsigned tag, oojwt_der *content, oojwt_der *whole)
{
	const unsigned char *start = d->p;

	if (!oojwt_der_take(d, tag, content)) {
		return 0;
	}
	whole->p = start;
	whole->len = (size_t)(d->p - start);
	return 1;
}

/* bad_certificate: the sentence in why, its params ({"reason":"der",
 * "part":`part`}, the key the catalogs word `what` by) in st->params. */
static int
fail(oojwt_cert_parse *st, char *why, const char *part, const char *what)
{
	oojwt_params p;

	oojwt_params_init(&p, st->params, sizeof st->params);
	oojwt_fmtp(why, OOJWT_MESSAGE_LEN, &p, "reason,part,", "not a strict DER "
		"X.509 certificate: %k%k%s", "der", part, what);
	return OOJWT_ERR_BAD_CERT;
}

/* ---- times --------------------------------------------------------------- */

static double
days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (double)era * 146097 + (double)doe - 719468;
}

static unsigned
digits(const unsigned char *p, size_t n, int *ok)
{
	unsigned v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9') {
			*ok = 0;
		}
		v = v * 10 + (unsigned)(p[i] - '0');
	}
	return v;
}

/* UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ, as DER
 * (RFC 5280 4.1.2.5) has them, into seconds since the epoch. */
static int
read_time(oojwt_der *d, double *out)
{
	static const unsigned char mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31,
		30, 31, 30, 31 };
	oojwt_der t;
	unsigned y, mo, day, h, mi, s, k;
	int ok = 1;

	if (oojwt_der_take(d, 0x17, &t)) {
		if (t.len != 13) {
			return 0;
		}
		y = digits(t.p, 2, &ok);
		y += y >= 50 ? 1900 : 2000;
		k = 2;
	} else if (oojwt_der_take(d, 0x18, &t)) {
		if (t.len != 15) {
			return 0;
		}
		y = digits(t.p, 4, &ok);
		k = 4;
	} else {
		return 0;
	}
	mo = digits(t.p + k, 2, &ok);
	day = digits(t.p + k + 2, 2, &ok);
	h = digits(t.p + k + 4, 2, &ok);
	mi = digits(t.p + k + 6, 2, &ok);
	s = digits(t.p + k + 8, 2, &ok);
	if (!ok || t.p[t.len - 1] != 'Z' || mo < 1 || mo > 12 || day < 1
		|| day > mdays[mo - 1] || h > 23 || mi > 59 || s > 59
		|| (mo == 2 && day == 29 && (y % 4 != 0 || (y % 100 == 0
		&& y % 400 != 0))))
	{
		return 0;
	}
	*out = days_from_civil((long)y, mo, day) * 86400.0 + h * 3600.0
		+ mi * 60.0 + s;
	return 1;
}

/* ---- pieces ---------------------------------------------------------------- */

/* INTEGER serialNumber as upper-case hex (BN_bn2hex's form). */
static int
read_serial(oojwt_der *d, char *out, size_t cap)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char mag[64];
	oojwt_der v;
	size_t i, n = 0, o = 0;
	int neg;

	if (!oojwt_der_take(d, 0x02, &v) || v.len == 0 || v.len > sizeof mag
		|| (v.len > 1 && ((v.p[0] == 0 && v.p[1] < 0x80)
		|| (v.p[0] == 0xFF && v.p[1] >= 0x80))))
	{
		return 0;
	}
	neg = (v.p[0] & 0x80) != 0;
	memcpy(mag, v.p, v.len);
	if (neg) {
		/* two's complement: invert and add one */
		unsigned carry = 1;
		for (i = v.len; i-- > 0;) {
			unsigned x = (unsigned)(unsigned char)~mag[i] + carry;
			mag[i] = (unsigned char)x;
			carry = x >> 8;
		}
		out[o++] = '-';
	}
	while (n < v.len && mag[n] == 0) {
		n++;
	}
	if (n == v.len) {
		out[o++] = '0';
	}
	for (i = n; i < v.len && o + 3 < cap; i++) {
		out[o++] = hex[mag[i] >> 4];
		out[o++] = hex[mag[i] & 15];
	}
	out[o] = 0;
	return 1;
}

/* AlgorithmIdentifier of a signature: name, hash, family, weakness. */
static int
read_sig_alg(oojwt_cert_parse *st, oojwt_cert *c, const oojwt_der *alg)
{
	oojwt_der a = *alg, oid;
	size_t i;

	if (!oojwt_der_take(&a, 0x06, &oid)) {
		return 0;
	}
	for (i = 0; i < sizeof sig_algs / sizeof *sig_algs; i++) {
		if (is(&oid, sig_algs[i].oid, sig_algs[i].len)) {
			int null = a.len == 2 && a.p[0] == 0x05 && a.p[1] == 0;
			if (a.len != 0 && !(sig_algs[i].params && null)) {
				return 0;
			}
			oojwt_fmt(c->signature_algorithm, sizeof c->signature_algorithm,
				"%s", sig_algs[i].name);
			st->sig_hash = sig_algs[i].hash;
			st->sig_family = sig_algs[i].family;
			st->sig_weak = sig_algs[i].weak;
			return 1;
		}
	}
	if (is(&oid, oid_rsa_pss, sizeof oid_rsa_pss)) {
		oojwt_fmt(c->signature_algorithm, sizeof c->signature_algorithm,
			"rsassaPss");
		return 1;
	}
	return oojwt_oid_text(c->signature_algorithm,
		sizeof c->signature_algorithm, oid.p, oid.len) != 0;
}

/* Bits of a positive INTEGER's value. */
static unsigned
int_bits(const oojwt_der *v)
{
	size_t i = 0;
	unsigned bits;
	unsigned char top;

	while (i < v->len && v->p[i] == 0) {
		i++;
	}
	if (i == v->len) {
		return 0;
	}
	bits = (unsigned)(v->len - i - 1) * 8;
	for (top = v->p[i]; top != 0; top >>= 1) {
		bits++;
	}
	return bits;
}

/* SubjectPublicKeyInfo: type, size, curve; the key itself into st->pk
 * when oojwt can use it (RSA, EC on P-256/384/521). */
static int
read_spki(oojwt_cert_parse *st, oojwt_cert *c, const oojwt_der *whole,
	const oojwt_der *content)
{
	oojwt_der s = *content, alg, oid, par, bits, key, seq, n;
	char why[OOJWT_MESSAGE_LEN];
	size_t i;

	if (!oojwt_der_take(&s, 0x30, &alg) || !oojwt_der_take(&s, 0x03, &bits)
		|| s.len != 0 || !oojwt_der_take(&alg, 0x06, &oid) || bits.len < 1
		|| bits.p[0] != 0)
	{
		return 0;
	}
	key.p = bits.p + 1;
	key.len = bits.len - 1;
	if (is(&oid, oid_rsa, sizeof oid_rsa) || is(&oid, oid_rsa_pss,
		sizeof oid_rsa_pss))
	{
		oojwt_fmt(c->key_type, sizeof c->key_type, is(&oid, oid_rsa,
			sizeof oid_rsa) ? "RSA" : "RSA-PSS");
		if (!oojwt_der_take(&key, 0x30, &seq) || key.len != 0
			|| !oojwt_der_take(&seq, 0x02, &n))
		{
			return 0;
		}
		c->key_bits = int_bits(&n);
		st->key_family = OOJWT_CERT_RSA;
	} else if (is(&oid, oid_ec, sizeof oid_ec)) {
		oojwt_fmt(c->key_type, sizeof c->key_type, "EC");
		if (!oojwt_der_take(&alg, 0x06, &par) || alg.len != 0) {
			return 0;
		}
		for (i = 0; i < sizeof curves / sizeof *curves; i++) {
			if (is(&par, curves[i].oid, curves[i].len)) {
				oojwt_fmt(c->key_curve, sizeof c->key_curve, "%s",
					curves[i].name);
				c->key_bits = curves[i].bits;
			}
		}
		if (c->key_curve[0] == 0 && oojwt_oid_text(c->key_curve,
			sizeof c->key_curve, par.p, par.len) == 0)
		{
			return 0;
		}
		st->key_family = OOJWT_CERT_EC;
	} else if (is(&oid, oid_ed25519, sizeof oid_ed25519)
		|| is(&oid, oid_ed448, sizeof oid_ed448))
	{
		int ed448 = is(&oid, oid_ed448, sizeof oid_ed448);
		if (alg.len != 0 || key.len != (ed448 ? 57u : 32u)) {
			return 0;
		}
		oojwt_fmt(c->key_type, sizeof c->key_type, ed448 ? "Ed448" : "Ed25519");
		c->key_bits = ed448 ? 456 : 256;
	} else if (oojwt_oid_text(c->key_type, sizeof c->key_type, oid.p,
		oid.len) == 0)
	{
		return 0;
	}
	/* The key in oojwt's form, when it can be used to check signatures
	 * and compare with a private key (sizes are not judged here). */
	if (st->key_family != 0 && oojwt_der_key_read(&st->pk, whole->p,
		whole->len, OOJWT_KEYFMT_SPKI, why) == OOJWT_OK)
	{
		st->pk_ok = st->pk.kind == OOJWT_KEY_EC_PUBLIC
			? oojwt_pkey_finish(&st->pk, why) == OOJWT_OK : 1;
	}
	return 1;
}

/* Record one string (NUL-terminated) in the text buffer; its offset. */
static size_t
keep(oojwt_cert_parse *st, const char *s, size_t len)
{
	size_t at = st->text.len;

	oojwt_sb_put(&st->text, s, len);
	oojwt_sb_put(&st->text, "", 1);
	return at;
}

/* subjectAltName: GeneralNames, dNSName and iPAddress kept. */
static int
read_san(oojwt_cert_parse *st, const oojwt_der *value, char *why)
{
	oojwt_der v = *value, names, name;
	char ip[46];
	size_t i, count = 0;

	if (!oojwt_der_take(&v, 0x30, &names) || v.len != 0 || names.len == 0) {
		return fail(st, why, "san_list",
			"the subjectAltName extension is not a non-empty "
			"list of names");
	}
	while (names.len > 0) {
		unsigned tag = names.p[0];
		if (++count > OOJWT_CERT_MAX_NAMES) {
			oojwt_params p;
			oojwt_params_init(&p, st->params, sizeof st->params);
			oojwt_fmtp(why, OOJWT_MESSAGE_LEN, &p, "reason,limit", "the "
				"certificate has more than %k%d subjectAltName entries", "names",
				OOJWT_CERT_MAX_NAMES);
			return OOJWT_ERR_TOO_LARGE;
		}
		if ((tag != 0xA0 && (tag < 0x81 || tag > 0x88)
			&& tag != 0xA3 && tag != 0xA4 && tag != 0xA5)
			|| !oojwt_der_take(&names, tag, &name))
		{
			return fail(st, why, "san_entry",
				"a subjectAltName entry is not a GeneralName");
		}
		if (tag == 0x82) {
			for (i = 0; i < name.len; i++) {
				if (name.p[i] <= 0x20 || name.p[i] >= 0x7F) {
					return fail(st, why, "san_dns_byte",
						"a subjectAltName DNS name holds a byte "
						"that is not printable ASCII");
				}
			}
			if (name.len == 0) {
				return fail(st, why, "san_dns_empty",
					"a subjectAltName DNS name is empty");
			}
			st->dns_at[st->n_dns++] = keep(st, (const char *)name.p, name.len);
		} else if (tag == 0x87) {
			if (name.len != 4 && name.len != 16) {
				return fail(st, why, "san_ip",
					"a subjectAltName IP address is neither 4 "
					"nor 16 bytes");
			}
			oojwt_ip_text(ip, name.p, name.len);
			st->ip_at[st->n_ip++] = keep(st, ip, strlen(ip));
		}
	}
	return OOJWT_OK;
}

/* Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension; each OID once. */
#define MAX_EXTENSIONS 64
static int
read_extensions(oojwt_cert_parse *st, const oojwt_der *ext, char *why)
{
	oojwt_der list = *ext, seq, e, oid, crit, value, seen[MAX_EXTENSIONS];
	size_t n = 0, i;
	int code;

	if (!oojwt_der_take(&list, 0x30, &seq) || list.len != 0 || seq.len == 0) {
		return fail(st, why, "extensions",
			"the extensions are not a non-empty SEQUENCE");
	}
	while (seq.len > 0) {
		if (!oojwt_der_take(&seq, 0x30, &e) || !oojwt_der_take(&e, 0x06, &oid)) {
			return fail(st, why, "extension",
				"an extension is not an OID and a value");
		}
		if (e.len > 0 && e.p[0] == 0x01 && (!oojwt_der_take(&e, 0x01, &crit)
			|| crit.len != 1 || (crit.p[0] != 0 && crit.p[0] != 0xFF)))
		{
			return fail(st, why, "critical",
				"an extension's critical flag is not a DER BOOLEAN");
		}
		if (!oojwt_der_take(&e, 0x04, &value) || e.len != 0) {
			return fail(st, why, "extension_value",
				"an extension's value is not an OCTET STRING");
		}
		if (n == MAX_EXTENSIONS) {
			return fail(st, why, "extension_count",
				"more than 64 extensions");
		}
		for (i = 0; i < n; i++) {
			if (seen[i].len == oid.len && memcmp(seen[i].p, oid.p, oid.len) == 0) {
				return fail(st, why, "extension_twice",
					"an extension appears twice");
			}
		}
		seen[n++] = oid;
		if (is(&oid, oid_san, sizeof oid_san)) {
			code = read_san(st, &value, why);
			if (code != OOJWT_OK) {
				return code;
			}
			st->has_san = 1;
		}
	}
	return OOJWT_OK;
}

/*
 * Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm,
 * signatureValue BIT STRING }; TBSCertificate ::= SEQUENCE { [0] version,
 * serialNumber, signature, issuer, validity, subject,
 * subjectPublicKeyInfo, [1] issuerUniqueID, [2] subjectUniqueID,
 * [3] extensions }.
 */
int
oojwt_cert_parse_der(oojwt_cert_parse *st, oojwt_cert *c,
	const unsigned char *der, size_t len, char *why)
{
	oojwt_der d = { der, len }, cert, tbs, alg, alg2, sig, v, validity, spki,
		spki_whole, ext, issuer, subject;
	unsigned version = 0;
	int code;

	if (!take_whole(&d, 0x30, &cert, &st->whole) || d.len != 0) {
		return fail(st, why, "outer",
			"the outer SEQUENCE is broken or followed by "
			"other bytes");
	}
	if (!take_whole(&cert, 0x30, &tbs, &st->tbs)
		|| !oojwt_der_take(&cert, 0x30, &alg)
		|| !oojwt_der_take(&cert, 0x03, &sig) || cert.len != 0)
	{
		return fail(st, why, "parts",
			"it is not tbsCertificate, signatureAlgorithm, "
			"signatureValue");
	}
	if (sig.len < 1 || sig.p[0] != 0) {
		return fail(st, why, "unused_bits",
			"the signature BIT STRING has unused bits");
	}
	st->sig.p = sig.p + 1;
	st->sig.len = sig.len - 1;
	if (tbs.len > 0 && tbs.p[0] == 0xA0) {
		oojwt_der ver = { NULL, 0 }, vi;
		if (!oojwt_der_take(&tbs, 0xA0, &ver) || !oojwt_der_take(&ver, 0x02, &vi)
			|| ver.len != 0 || vi.len != 1 || vi.p[0] > 2)
		{
			return fail(st, why, "version",
				"the version is not v1, v2 or v3");
		}
		version = vi.p[0];
	}
	if (!read_serial(&tbs, c->serial, sizeof c->serial)) {
		return fail(st, why, "serial",
			"the serial number is not a minimal INTEGER of at "
			"most 64 bytes");
	}
	if (!oojwt_der_take(&tbs, 0x30, &alg2) || alg2.len != alg.len
		|| memcmp(alg2.p, alg.p, alg.len) != 0)
	{
		return fail(st, why, "alg_differs",
			"the signature algorithm inside differs from the "
			"one outside");
	}
	if (!read_sig_alg(st, c, &alg)) {
		return fail(st, why, "alg",
			"the signature algorithm is not strict DER");
	}
	if (!oojwt_der_take(&tbs, 0x30, &issuer)
		|| !oojwt_der_take(&tbs, 0x30, &validity)
		|| !read_time(&validity, &c->not_before)
		|| !read_time(&validity, &c->not_after) || validity.len != 0)
	{
		return fail(st, why, "validity",
			"the issuer or the validity (UTCTime/GeneralizedTime "
			"YYMMDDHHMMSSZ) is broken");
	}
	if (!oojwt_der_take(&tbs, 0x30, &subject)) {
		return fail(st, why, "no_subject",
			"the subject is missing");
	}
	st->issuer = issuer;
	st->subject = subject;
	st->issuer_at = st->text.len;
	if (!oojwt_cert_name(&st->text, issuer.p, issuer.len, &v)) {
		return fail(st, why, "issuer",
			"the issuer name is not strict DER");
	}
	oojwt_sb_put(&st->text, "", 1);
	st->subject_at = st->text.len;
	if (!oojwt_cert_name(&st->text, subject.p, subject.len, &st->cn)) {
		return fail(st, why, "subject",
			"the subject name is not strict DER");
	}
	oojwt_sb_put(&st->text, "", 1);
	if (!take_whole(&tbs, 0x30, &spki, &spki_whole)
		|| !read_spki(st, c, &spki_whole, &spki))
	{
		return fail(st, why, "spki",
			"the SubjectPublicKeyInfo is broken");
	}
	if (tbs.len > 0 && tbs.p[0] == 0x81 && !oojwt_der_take(&tbs, 0x81, &v)) {
		return fail(st, why, "issuer_uid",
			"the issuerUniqueID is broken");
	}
	if (tbs.len > 0 && tbs.p[0] == 0x82 && !oojwt_der_take(&tbs, 0x82, &v)) {
		return fail(st, why, "subject_uid",
			"the subjectUniqueID is broken");
	}
	if (tbs.len > 0) {
		if (version != 2 || !oojwt_der_take(&tbs, 0xA3, &ext) || tbs.len != 0) {
			return fail(st, why, "after_key",
				"bytes after the public key that are not v3 "
				"extensions");
		}
		code = read_extensions(st, &ext, why);
		if (code != OOJWT_OK) {
			return code;
		}
	}
	if (st->text.failed) {
		oojwt_fmt(st->params, sizeof st->params, "{\"reason\":\"memory\"}");
		oojwt_fmt(why, OOJWT_MESSAGE_LEN, "out of memory");
		return OOJWT_ERR_NO_MEMORY;
	}
	return OOJWT_OK;
}

/* ---- the self-signature -------------------------------------------------- */

/* ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } into r || s of
 * `size` bytes each. */
static int
ecdsa_raw(const oojwt_der *sig, unsigned char *raw, size_t size)
{
	oojwt_der d = *sig, seq;
	unsigned char r[OOJWT_EC_MAX_BYTES], s[OOJWT_EC_MAX_BYTES];
	size_t rl, sl;

	if (!oojwt_der_take(&d, 0x30, &seq) || d.len != 0
		|| !oojwt_der_uint(&seq, r, size, &rl)
		|| !oojwt_der_uint(&seq, s, size, &sl) || seq.len != 0)
	{
		return 0;
	}
	memset(raw, 0, 2 * size);
	memcpy(raw + size - rl, r, rl);
	memcpy(raw + 2 * size - sl, s, sl);
	return 1;
}

int
oojwt_cert_self_signature(const oojwt_cert_parse *st)
{
	unsigned char hash[64], raw[2 * OOJWT_EC_MAX_BYTES];
	size_t hlen, size;
	unsigned alg;

	hlen = oojwt_sig_hash(st->sig_hash, st->tbs.p, st->tbs.len, hash);
	if (st->sig_family == OOJWT_CERT_RSA) {
		return st->pk.kind == OOJWT_KEY_RSA_PUBLIC
			&& oojwt_rsa_pkcs1_verify(&st->pk, st->sig_hash, hash,
				st->sig.p, st->sig.len);
	}
	size = oojwt_ec_size(st->pk.curve);
	if (st->pk.kind != OOJWT_KEY_EC_PUBLIC || size == 0
		|| !ecdsa_raw(&st->sig, raw, size))
	{
		return 0;
	}
	/* The curve decides the JWS algorithm oojwt_ecdsa_verify expects; the
	 * hash is the certificate's (P-384 keys often sign with SHA-256). */
	alg = st->pk.curve == 23 ? OOJWT_ALG_ES256 : st->pk.curve == 24
		? OOJWT_ALG_ES384 : OOJWT_ALG_ES512;
	return oojwt_ecdsa_verify(&st->pk, alg, hash, hlen, raw, 2 * size);
}

void
oojwt_cert_fingerprint(const oojwt_cert_parse *st, unsigned char *out)
{
	br_sha256_context h;

	br_sha256_init(&h);
	br_sha256_update(&h, st->whole.p, st->whole.len);
	br_sha256_out(&h, out);
}
