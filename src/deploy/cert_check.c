/*
 * oojwt_cert_inspect(): read the certificate (PEM or DER, cert.c), then
 * judge it: the self-signature, the private key, the host, the clock and
 * the policies that become findings (oojwt.h, "TLS certificates").
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "deploy.h"

/* What the owned memory of an oojwt_cert holds. */
typedef struct {
	char *text;
	size_t text_cap;
	const char **lists;
} cert_mem;

const char *
oojwt_cert_by_name(int by)
{
	switch (by) {
	case OOJWT_CERT_BY_DNS: return "dns";
	case OOJWT_CERT_BY_IP: return "ip";
	case OOJWT_CERT_BY_CN: return "cn";
	default: return NULL;
	}
}

void
oojwt_cert_free(oojwt_cert *c)
{
	cert_mem *m;

	if (c == NULL) {
		return;
	}
	m = (cert_mem *)c->mem;
	if (m != NULL) {
		free(m->text);
		free((void *)m->lists);
		free(m);
	}
	memset(c, 0, sizeof *c);
}

/* Append a finding with the message `text` and its `params` (a JSON
 * object text; NULL: {}). */
static void
add(oojwt_cert *c, int severity, int code, const char *fix,
	const char *text, const char *params)
{
	oojwt_cert_finding *f;
	size_t i, n, k;

	if (c->n_findings == OOJWT_CERT_MAX_FINDINGS) {
		return;
	}
	f = &c->findings[c->n_findings++];
	f->severity = severity;
	f->code = code;
	f->fix = fix;
	oojwt_fmt(f->params, sizeof f->params, "%s", params != NULL
		&& strlen(params) < sizeof f->params ? params : "{}");
	oojwt_fmt(f->message, sizeof f->message, "%s", text);
	/* A long name may have been cut inside a UTF-8 sequence. */
	for (i = 0, n = strlen(f->message); i < n; i += k) {
		k = oojwt_utf8_len((const unsigned char *)f->message + i, n - i);
		if (k == 0) {
			f->message[i] = 0;
			break;
		}
	}
}

/* ---- the private key -------------------------------------------------- */

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Read the private key into pk. Keys oojwt_key_read() refuses only for
 * their size (RSA below 2048 bits) are read without that check, so that
 * a weak certificate can still be matched with its key.
 */
static int
read_private(oojwt_pkey *pk, const unsigned char *p, size_t len, char *why)
{
	oojwt_key key;
	size_t i = 0;
	int code;

	code = oojwt_key_read(&key, pk, NULL, 0, p, len, NULL, 0, why);
	if (code != OOJWT_OK) {
		char raw_why[OOJWT_MESSAGE_LEN];
		while (i < len && is_space(p[i])) {
			i++;
		}
		memset(pk, 0, sizeof *pk);
		if (len - i >= 10 && memcmp(p + i, "-----BEGIN", 10) == 0) {
			code = oojwt_pem_key_read(pk, (const char *)p + i, len - i, raw_why);
		} else if (len > 0 && p[0] == 0x30) {
			code = oojwt_der_key_read(pk, p, len, 0, raw_why);
		}
		if (code != OOJWT_OK || pk->kind != OOJWT_KEY_RSA_PRIVATE
			|| pk->n_len == 0 || pk->n_len >= 256)
		{
			oojwt_pkey_wipe(pk);
			return OOJWT_ERR_BAD_KEY;
		}
	}
	if (pk->kind != OOJWT_KEY_RSA_PRIVATE && pk->kind != OOJWT_KEY_EC_PRIVATE) {
		oojwt_fmt(why, OOJWT_MESSAGE_LEN, "the key is a %s key, not a private "
			"key", oojwt_key_kind_name(pk->kind));
		oojwt_pkey_wipe(pk);
		return OOJWT_ERR_BAD_KEY;
	}
	return OOJWT_OK;
}

/* 1 when the private key's public half is the certificate's key. */
static int
key_matches(const oojwt_cert_parse *st, const oojwt_pkey *k)
{
	const oojwt_pkey *c = &st->pk;

	if (!st->pk_ok) {
		return 0;
	}
	if (k->kind == OOJWT_KEY_RSA_PRIVATE) {
		return c->kind == OOJWT_KEY_RSA_PUBLIC && c->n_len == k->n_len
			&& memcmp(c->n, k->n, k->n_len) == 0 && c->e_len == k->e_len
			&& memcmp(c->e, k->e, k->e_len) == 0;
	}
	return c->kind == OOJWT_KEY_EC_PUBLIC && c->curve == k->curve
		&& c->pub_len == k->pub_len && memcmp(c->pub, k->pub, k->pub_len) == 0;
}

/* ---- the host ---------------------------------------------------------- */

static const char FIX_HOST[] =
	"Reissue the certificate with the name or address clients use as a "
	"subjectAltName (openssl req -x509 ... -addext \"subjectAltName=DNS:"
	"docs.example.com,IP:192.0.2.10\"), or let the connector and the "
	"browser reach Document Server by a name the certificate covers.";
static const char FIX_CN[] =
	"Reissue the certificate with a subjectAltName (-addext "
	"\"subjectAltName=DNS:name\"): browsers (Chrome since version 58, "
	"Firefox) ignore the subject CN, so the editor page fails even where "
	"the connector's OpenSSL still accepts it.";

static void
check_host(oojwt_cert *c, const oojwt_cert_parse *st, const char *host,
	size_t hlen, char *shown)
{
	unsigned char ip[16], san_ip[16];
	const char *text = st->text.buf;
	size_t iplen, i, k;
	char where[OOJWT_CERT_TEXT_LEN], m[OOJWT_CERT_TEXT_LEN];
	char pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;

	c->covers_host = 0;
	iplen = oojwt_ip_parse(host, hlen, ip);
	if (iplen != 0) {
		oojwt_ip_text(shown, ip, iplen);
		for (i = 0; i < st->n_ip; i++) {
			const char *t = text + st->ip_at[i];
			k = oojwt_ip_parse(t, strlen(t), san_ip);
			if (k == iplen && memcmp(ip, san_ip, k) == 0) {
				c->covers_host = 1;
				c->covered_by = OOJWT_CERT_BY_IP;
				return;
			}
		}
		for (i = 0; i < st->n_dns && st->n_ip == 0; i++) {
			const char *t = text + st->dns_at[i];
			k = oojwt_ip_parse(t, strlen(t), san_ip);
			if (k == iplen && memcmp(ip, san_ip, k) == 0) {
				oojwt_params_init(&p, pbuf, sizeof pbuf);
				oojwt_params_str(&p, "reason", "dns_only", 8);
				oojwt_fmtp(m, sizeof m, &p, "host", "The certificate lists %s "
					"as a DNS name, not as an IP address SAN; clients "
					"connecting to https://%s/ do not match addresses against "
					"DNS names and refuse it.", shown, shown);
				add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_CERT_HOST_NOT_COVERED,
					FIX_HOST, m, pbuf);
				return;
			}
		}
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_str(&p, "reason", st->n_ip == 0 ? "no_ip" : "other_ip",
			st->n_ip == 0 ? 5 : 8);
		oojwt_fmtp(m, sizeof m, &p, "host", "The certificate has no IP "
			"address SAN %s (%s): clients that connect to https://%s/ refuse "
			"it (curl: \"no alternative certificate subject name matches "
			"target host name\").", shown, st->n_ip == 0 ? "it has no IP "
			"address at all" : "not among its addresses", shown);
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_CERT_HOST_NOT_COVERED, FIX_HOST,
			m, pbuf);
		return;
	}
	oojwt_fmt(shown, OOJWT_CERT_TEXT_LEN, "%S", host, hlen);
	for (i = 0; i < st->n_dns; i++) {
		const char *t = text + st->dns_at[i];
		if (oojwt_dns_match(t, strlen(t), host, hlen)) {
			c->covers_host = 1;
			c->covered_by = OOJWT_CERT_BY_DNS;
			return;
		}
	}
	if (st->n_dns == 0 && st->cn.len > 0
		&& oojwt_dns_match((const char *)st->cn.p, st->cn.len, host, hlen))
	{
		c->covers_host = 1;
		c->covered_by = OOJWT_CERT_BY_CN;
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_str(&p, "reason", "host", 4);
		oojwt_fmtp(m, sizeof m, &p, "host", "%s is covered only by the "
			"subject CN: the certificate has no subjectAltName DNS name.",
			shown);
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_CERT_CN_ONLY, FIX_CN, m,
			pbuf);
		return;
	}
	where[0] = 0;
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	if (st->n_dns > 0) {
		oojwt_params_str(&p, "reason", "names", 5);
		oojwt_params_str(&p, "more", st->n_dns > 1 ? "yes" : "no",
			st->n_dns > 1 ? 3 : 2);
		oojwt_fmtp(where, sizeof where, &p, "dns", "its DNS names are %s%s",
			text + st->dns_at[0], st->n_dns > 1 ? ", ..." : "");
	} else {
		oojwt_params_str(&p, "reason", "no_dns", 6);
		oojwt_params_str(&p, "cn", st->cn.len > 0 ? "yes" : "no",
			st->cn.len > 0 ? 3 : 2);
		oojwt_fmt(where, sizeof where, "it has no DNS name%s",
			st->cn.len > 0 ? " and its CN does not match" : "");
	}
	oojwt_fmtp(m, sizeof m, &p, "host", "The certificate does not cover %s "
		"(%s): clients refuse it.", shown, where);
	add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_CERT_HOST_NOT_COVERED, FIX_HOST, m,
		pbuf);
}

/* ---- findings ------------------------------------------------------------ */

static const char FIX_EXPIRED[] =
	"Renew the certificate (certbot renew; for a self-signed one, openssl "
	"req -x509 again), install it where nginx reads ssl_certificate and "
	"reload nginx.";
static const char FIX_NOT_YET[] =
	"Check the clock of the machine that issued the certificate and of the "
	"clients; or wait until it becomes valid.";
static const char FIX_SELF[] =
	"Make the connector trust it: add the certificate to the trust store of "
	"the machine the connector runs on (Debian: copy it to "
	"/usr/local/share/ca-certificates/ and run update-ca-certificates; "
	"Nextcloud: occ security:certificates:import), or use a certificate "
	"from a public CA (Let's Encrypt). The connector's \"Disable "
	"certificate verification (insecure)\" option also makes it work, but "
	"then anyone on the network path can impersonate Document Server and "
	"read the documents and the signed requests: keep it for tests. (When "
	"Document Server in turn downloads from a storage with a self-signed "
	"certificate, it needs services.CoAuthoring.requestDefaults."
	"rejectUnauthorized false, Docker: USE_UNAUTHORIZED_STORAGE=true, with "
	"the same risk.)";
static const char FIX_KEY[] =
	"Give nginx (ssl_certificate_key) the private key that was generated "
	"with this certificate, or reissue the certificate for this key.";
static const char FIX_WEAK_KEY[] =
	"Reissue the certificate with an RSA key of at least 2048 bits (or an "
	"EC P-256 key): OpenSSL 3 at its default security level and browsers "
	"refuse smaller keys.";
static const char FIX_WEAK_SIG[] =
	"Reissue the certificate signed with SHA-256 (openssl req -x509 "
	"-sha256): clients refuse SHA-1 and MD5 signatures.";
static const char FIX_LONG[] =
	"Publicly trusted certificates may be valid for at most 398 days "
	"(CA/Browser Forum; Safari and Chrome refuse longer ones); renew more "
	"often, e.g. with certbot.";
static const char FIX_BAD_SELF[] =
	"The certificate may be damaged: export it again from the server "
	"(nginx ssl_certificate), or reissue it.";

static void
judge(oojwt_cert *c, const oojwt_cert_parse *st, double now)
{
	char a[48], m[OOJWT_CERT_TEXT_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	double days = (c->not_after - c->not_before) / 86400.0;

	c->expired = now > c->not_after;
	c->not_yet_valid = now < c->not_before;
	if (c->expired) {
		oojwt_utc_text(a, sizeof a, (long long)c->not_after);
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(m, sizeof m, &p, "date", "The certificate expired on %s; "
			"clients refuse it.", a);
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_CERT_EXPIRED, FIX_EXPIRED, m,
			pbuf);
	}
	if (c->not_yet_valid) {
		oojwt_utc_text(a, sizeof a, (long long)c->not_before);
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(m, sizeof m, &p, "date", "The certificate is valid only "
			"from %s; clients refuse it until then.", a);
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_CERT_NOT_YET_VALID, FIX_NOT_YET,
			m, pbuf);
	}
	if (c->self_issued && c->signature_checked && !c->self_signed) {
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_CERT_BAD_SELF_SIGNATURE,
			FIX_BAD_SELF, "Issuer and subject are the same, but the signature "
			"does not verify with the certificate's own key.", NULL);
	}
	if (st->key_family == OOJWT_CERT_RSA && c->key_bits < 2048) {
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(m, sizeof m, &p, "bits", "The certificate's RSA key has "
			"only %d bits.", (int)c->key_bits);
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_CERT_WEAK_KEY, FIX_WEAK_KEY, m,
			pbuf);
	}
	if (st->sig_weak) {
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(m, sizeof m, &p, "algorithm", "The certificate is signed "
			"with %s, which clients no longer accept.", c->signature_algorithm);
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_CERT_WEAK_SIGNATURE,
			FIX_WEAK_SIG, m, pbuf);
	}
	if (c->self_signed) {
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(m, sizeof m, &p, "subject", "The certificate is "
			"self-signed (%s): no client trusts it by default, so the "
			"ONLYOFFICE connector cannot reach Document Server over HTTPS until "
			"it is told to trust it.", st->text.buf + st->subject_at);
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_CERT_SELF_SIGNED, FIX_SELF, m,
			pbuf);
	}
	if (!st->has_san || (st->n_dns == 0 && st->n_ip == 0)) {
		if (c->covered_by != OOJWT_CERT_BY_CN) {
			add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_CERT_CN_ONLY, FIX_CN,
				"The certificate has no subjectAltName DNS name or IP "
				"address: only its subject CN names the host.",
				"{\"reason\":\"none\"}");
		}
	}
	if (days > 398) {
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_str(&p, "selfSigned", c->self_signed ? "yes" : "no",
			c->self_signed ? 3 : 2);
		oojwt_fmtp(m, sizeof m, &p, "days", "The certificate is valid for %d "
			"days, more than the 398 days allowed for public trust%s.",
			(int)(days + 0.5), c->self_signed ? " (for a self-signed "
			"certificate this matters to Apple clients only)" : "");
		add(c, c->self_signed ? OOJWT_SEVERITY_INFO : OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_CERT_VALIDITY_TOO_LONG, FIX_LONG, m, pbuf);
	}
}

/* ---- the whole inspection -------------------------------------------------- */

/* Hand the texts over to c (pointer lists built over the text buffer). */
static int
own_texts(oojwt_cert *c, oojwt_cert_parse *st)
{
	cert_mem *m = (cert_mem *)malloc(sizeof *m);
	size_t i, n = st->n_dns + st->n_ip;

	if (m == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	m->lists = (const char **)malloc((n > 0 ? n : 1) * sizeof *m->lists);
	if (m->lists == NULL) {
		free(m);
		return OOJWT_ERR_NO_MEMORY;
	}
	m->text = st->text.buf;
	m->text_cap = st->text.cap;
	st->text.buf = NULL;
	for (i = 0; i < st->n_dns; i++) {
		m->lists[i] = m->text + st->dns_at[i];
	}
	for (i = 0; i < st->n_ip; i++) {
		m->lists[st->n_dns + i] = m->text + st->ip_at[i];
	}
	c->mem = m;
	c->issuer = m->text + st->issuer_at;
	c->subject = m->text + st->subject_at;
	c->dns = m->lists;
	c->n_dns = st->n_dns;
	c->ip = m->lists + st->n_dns;
	c->n_ip = st->n_ip;
	return OOJWT_OK;
}

/* Why oojwt_pem_block() found no certificate, as a key of bad_certificate's
 * `pem` param (src/core/key_pem.c words it); the block's label in *label
 * when its END line is missing. NULL for a sentence not listed here. */
static const char *
pem_reason(const char *inner, oojwt_span *label)
{
	static const char *const known[][2] = {
		{ "no_block", "the PEM text holds no CERTIFICATE block" },
		{ "armour", "broken PEM armour" },
		{ "headers", "the PEM block has headers: not supported" },
		{ "base64", "the PEM body is not strict base64" }
	};
	static const char open[] = "the PEM block \"";
	static const char close[] = "\" has no matching END line";
	size_t i, n = strlen(inner);

	for (i = 0; i < sizeof known / sizeof *known; i++) {
		if (strcmp(inner, known[i][1]) == 0) {
			return known[i][0];
		}
	}
	if (n > sizeof open + sizeof close - 2
		&& memcmp(inner, open, sizeof open - 1) == 0
		&& strcmp(inner + n - (sizeof close - 1), close) == 0)
	{
		label->off = sizeof open - 1;
		label->len = n - (sizeof open - 1) - (sizeof close - 1);
		return "no_end";
	}
	return NULL;
}

/* The DER of the input: PEM's first CERTIFICATE block (text around it
 * allowed), or the bytes themselves when they start as DER does. On
 * error, the params of the sentence in why are in `params`. */
static int
input_der(const unsigned char *p, size_t len, unsigned char **owned,
	const unsigned char **der, size_t *der_len, char *why, char *params)
{
	oojwt_params pp;
	int code;

	*owned = NULL;
	oojwt_params_init(&pp, params, OOJWT_PARAMS_LEN);
	if (len == 0) {
		oojwt_fmtp(why, OOJWT_MESSAGE_LEN, &pp, "reason", "the certificate "
			"is empty%k", "empty");
		return OOJWT_ERR_BAD_CERT;
	}
	/* DER: a SEQUENCE with a long-form length (every real certificate);
	 * text that starts with '0' is looked at as PEM first. */
	if (p[0] == 0x30 && (len < 2 || (p[1] & 0x80) != 0)) {
		*der = p;
		*der_len = len;
		return OOJWT_OK;
	}
	code = oojwt_pem_block((const char *)p, len, "CERTIFICATE", owned,
		der_len, why);
	if (code == OOJWT_ERR_BAD_KEY && p[0] == 0x30) {
		*der = p;
		*der_len = len;
		return OOJWT_OK;
	}
	if (code == OOJWT_ERR_BAD_KEY) {
		char inner[OOJWT_MESSAGE_LEN];
		oojwt_span label = { 0, 0, 0 };
		const char *pem = pem_reason(why, &label);
		oojwt_fmt(inner, sizeof inner, "%s", why);
		oojwt_params_str(&pp, "reason", "pem", 3);
		if (pem != NULL) {
			oojwt_params_str(&pp, "pem", pem, strlen(pem));
			if (label.len > 0) {
				oojwt_params_str(&pp, "label", inner + label.off, label.len);
			}
		} else {
			oojwt_params_str(&pp, "pem", "other", 5);
			oojwt_params_str(&pp, "detail", inner, strlen(inner));
		}
		oojwt_fmt(why, OOJWT_MESSAGE_LEN, "not a certificate: expected PEM "
			"text with a CERTIFICATE block, or DER (%s)", inner);
		return OOJWT_ERR_BAD_CERT;
	}
	*der = *owned;
	return code;
}

int
oojwt_cert_inspect(oojwt_cert *c, const void *in, size_t len,
	const oojwt_cert_opts *o, char *msg)
{
	return oojwt_cert_inspect_params(c, in, len, o, msg, NULL);
}

int
oojwt_cert_inspect_params(oojwt_cert *c, const void *in, size_t len,
	const oojwt_cert_opts *o, char *msg, char *params)
{
	char why[OOJWT_MESSAGE_LEN], shown[OOJWT_CERT_TEXT_LEN];
	char wp[OOJWT_PARAMS_LEN];
	oojwt_params ep;
	oojwt_cert_parse *st = NULL;
	oojwt_pkey *k = NULL;
	const unsigned char *der = NULL;
	unsigned char *owned = NULL;
	size_t der_len = 0;
	int code;

	why[0] = 0;
	oojwt_params_init(&ep, wp, sizeof wp);
	if (c == NULL || o == NULL || (in == NULL && len != 0)
		|| (o->key == NULL && o->key_len != 0)
		|| (o->host == NULL && o->host_len != 0)
		|| (o->host != NULL && o->host_len == 0) || !(o->now - o->now == 0))
	{
		if (c != NULL) {
			memset(c, 0, sizeof *c);
		}
		if (msg != NULL) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "invalid arguments (an empty "
				"host, a NULL pointer or a time that is not finite)");
		}
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(c, 0, sizeof *c);
	c->key_matches = -1;
	c->covers_host = -1;
	if (len > OOJWT_CERT_MAX_LEN) {
		oojwt_fmtp(why, sizeof why, &ep, "reason,limit", "the certificate "
			"input is larger than %k%z bytes", "size", OOJWT_CERT_MAX_LEN);
		code = OOJWT_ERR_TOO_LARGE;
		goto done;
	}
	code = input_der((const unsigned char *)in, len, &owned, &der, &der_len,
		why, wp);
	if (code != OOJWT_OK) {
		goto done;
	}
	st = (oojwt_cert_parse *)calloc(1, sizeof *st);
	if (st == NULL) {
		code = OOJWT_ERR_NO_MEMORY;
		goto done;
	}
	code = oojwt_cert_parse_der(st, c, der, der_len, why);
	if (code != OOJWT_OK) {
		oojwt_fmt(wp, sizeof wp, "%s", st->params);
		goto done;
	}
	oojwt_cert_fingerprint(st, c->fingerprint);
	c->self_issued = st->issuer.len == st->subject.len
		&& memcmp(st->issuer.p, st->subject.p, st->issuer.len) == 0;
	if (c->self_issued && st->pk_ok && st->sig_hash != 0
		&& st->sig_family == st->key_family)
	{
		c->signature_checked = 1;
		c->self_signed = oojwt_cert_self_signature(st);
	} else {
		c->self_signed = c->self_issued;
	}
	if (o->host != NULL) {
		check_host(c, st, o->host, o->host_len, shown);
	}
	if (o->key != NULL) {
		k = (oojwt_pkey *)malloc(sizeof *k);
		if (k == NULL) {
			code = OOJWT_ERR_NO_MEMORY;
			goto done;
		}
		code = read_private(k, o->key, o->key_len, why);
		if (code != OOJWT_OK) {
			char inner[OOJWT_MESSAGE_LEN];
			oojwt_fmt(inner, sizeof inner, "%s", why);
			oojwt_params_init(&ep, wp, sizeof wp);
			oojwt_fmtp(why, sizeof why, &ep, "reason,detail", "the private "
				"key cannot be read: %k%s", "key", inner);
			goto done;
		}
		c->key_matches = key_matches(st, k);
		if (!c->key_matches) {
			char pbuf[OOJWT_PARAMS_LEN];
			oojwt_params p;
			oojwt_params_init(&p, pbuf, sizeof pbuf);
			oojwt_fmtp(shown, sizeof shown, &p, "keyKind", "The private key "
				"(%s) does not belong to this certificate: nginx refuses to "
				"start (\"key values mismatch\").", oojwt_key_kind_name(k->kind));
			add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_CERT_KEY_MISMATCH, FIX_KEY,
				shown, pbuf);
		}
	}
	judge(c, st, o->now);
	code = own_texts(c, st);
done:
	if (k != NULL) {
		oojwt_pkey_wipe(k);
		free(k);
	}
	if (st != NULL) {
		free(st->text.buf);
		oojwt_pkey_wipe(&st->pk);
		free(st);
	}
	oojwt_wipe_free(owned, der_len + 1);
	oojwt_wipe_stack(); /* temporaries of the private-key checks */
	if (code != OOJWT_OK) {
		oojwt_cert_free(c);
		if (code == OOJWT_ERR_NO_MEMORY) {
			oojwt_fmt(why, sizeof why, "out of memory");
			oojwt_fmt(wp, sizeof wp, "{\"reason\":\"memory\"}");
		}
		if (params != NULL) {
			oojwt_fmt(params, OOJWT_PARAMS_LEN, "%s", wp);
		}
		if (msg != NULL) {
			oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "%s", why);
		}
	}
	return code;
}
