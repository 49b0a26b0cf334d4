/*
 * The certificate inspector (oojwt_cert_inspect) and its JSON report.
 *
 * max_len: 16384
 * seeds: certs
 *
 * Input: a selector byte, a host length byte N, N bytes of host, then the
 * certificate (PEM text or DER). Selector bit 0: pass the host (else
 * none); bit 1: pass the certificate bytes as the private key too (the
 * key readers on hostile input); bit 2: pass a fixed P-256 private key.
 *
 * Properties (src/oojwt.h): a named code; on error the result is zeroed
 * and a message written; on success the texts are NUL-terminated UTF-8,
 * DNS names are printable ASCII, IP texts read back as the same address,
 * key_matches / covers_host are -1 exactly when nothing was asked,
 * self-signed implies self-issued, times are finite, findings carry
 * names and fixes; the JSON report is strict JSON and agrees on success.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char EC_KEY[] =
	"-----BEGIN PRIVATE KEY-----\n"
	"MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHCYt1pZmf1EaI/UY\n"
	"+1e2u+KJ4EpWRjqzfdXa+y8QpFahRANCAATuT36JOXi5oXVq6Uqh956JvauU6eok\n"
	"4aVtpruvy2U/efTH9Av0k0IQAzsnY5l1P5vEVWADBVysFAG6iPaMWcJV\n"
	"-----END PRIVATE KEY-----\n";

static int
utf8_text(const char *s)
{
	size_t i = 0, n = strlen(s), k;

	while (i < n) {
		k = oojwt_utf8_len((const unsigned char *)s + i, n - i);
		if (k == 0) {
			return 0;
		}
		i += k;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char msg[OOJWT_MESSAGE_LEN], text[46], jmsg[OOJWT_MESSAGE_LEN];
	oojwt_cert_opts o;
	oojwt_cert c;
	oojwt_jv *tree;
	unsigned char ip[16];
	unsigned sel;
	size_t hlen, len, i, k, n;
	char *host, *cert, *rep;
	long pos;
	int code, jcode;

	if (size < 2) {
		return 0;
	}
	sel = data[0];
	hlen = data[1];
	if (hlen > size - 2) {
		hlen = size - 2;
	}
	host = fuzz_copy(data + 2, hlen);
	len = size - 2 - hlen;
	cert = fuzz_copy(data + 2 + hlen, len);
	memset(&o, 0, sizeof o);
	o.now = 1700000000;
	if (sel & 1) {
		o.host = host;
		o.host_len = hlen;
	}
	if (sel & 2) {
		o.key = (const unsigned char *)cert;
		o.key_len = len;
	} else if (sel & 4) {
		o.key = (const unsigned char *)EC_KEY;
		o.key_len = sizeof EC_KEY - 1;
	}
	msg[0] = 0;
	memset(&c, 0x5A, sizeof c);
	code = oojwt_cert_inspect(&c, cert, len, &o, msg);
	FUZZ_CHECK(oojwt_code_name(code) != NULL, "a named code");
	rep = oojwt_cert_json((const unsigned char *)cert, len, o.key, o.key_len,
		o.key != NULL, o.host, o.host_len, o.host != NULL, o.now, &n);
	FUZZ_CHECK(rep != NULL, "a report");
	jcode = oojwt_json_parse(&tree, rep, n, &pos, jmsg);
	FUZZ_CHECK(jcode == OOJWT_OK, "the report is strict JSON");
	if (code != OOJWT_OK) {
		unsigned char zero[sizeof c];
		memset(zero, 0, sizeof zero);
		FUZZ_CHECK(memcmp(&c, zero, sizeof c) == 0, "zeroed on error");
		FUZZ_CHECK(msg[0] != 0 && memchr(msg, 0, sizeof msg) != NULL, "a message");
		FUZZ_CHECK(oojwt_json_get(tree, "error") != NULL, "the report says error");
		goto done;
	}
	FUZZ_CHECK(oojwt_json_get(tree, "error") == NULL, "no error in the report");
	FUZZ_CHECK(utf8_text(c.subject) && utf8_text(c.issuer), "names are UTF-8");
	FUZZ_CHECK(c.n_dns <= OOJWT_CERT_MAX_NAMES && c.n_ip <= OOJWT_CERT_MAX_NAMES,
		"SAN counts within the limit");
	for (i = 0; i < c.n_dns; i++) {
		for (k = 0; c.dns[i][k] != 0; k++) {
			FUZZ_CHECK(c.dns[i][k] > 0x20 && c.dns[i][k] < 0x7F, "DNS names printable");
		}
		FUZZ_CHECK(k > 0, "DNS names not empty");
	}
	for (i = 0; i < c.n_ip; i++) {
		k = oojwt_ip_parse(c.ip[i], strlen(c.ip[i]), ip);
		FUZZ_CHECK(k == 4 || k == 16, "IP texts read back");
		oojwt_ip_text(text, ip, k);
		FUZZ_CHECK(strcmp(text, c.ip[i]) == 0, "IP texts are canonical");
	}
	FUZZ_CHECK((c.covers_host == -1) == (o.host == NULL), "covers_host -1 iff no host");
	FUZZ_CHECK((c.key_matches == -1) == (o.key == NULL), "key_matches -1 iff no key");
	FUZZ_CHECK(!c.self_signed || c.self_issued, "self-signed implies self-issued");
	FUZZ_CHECK(c.not_before - c.not_before == 0 && c.not_after - c.not_after == 0,
		"finite times");
	FUZZ_CHECK(c.n_findings <= OOJWT_CERT_MAX_FINDINGS, "findings within the limit");
	for (i = 0; i < c.n_findings; i++) {
		FUZZ_CHECK(oojwt_code_name(c.findings[i].code) != NULL
			&& oojwt_severity_name(c.findings[i].severity) != NULL
			&& c.findings[i].fix != NULL && utf8_text(c.findings[i].message),
			"findings named, with fixes");
	}
	FUZZ_CHECK(oojwt_json_array_size(oojwt_json_get(tree, "findings")) == c.n_findings,
		"the report has the findings");
	oojwt_cert_free(&c);
done:
	oojwt_json_free(tree);
	free(rep);
	free(host);
	free(cert);
	return 0;
}
