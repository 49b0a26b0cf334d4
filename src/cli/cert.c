/*
 * inspect-cert: a TLS certificate (PEM or DER), optionally its private key
 * (--key FILE) and the host clients use (--host NAME). The --json report
 * is the one kit.inspectCertificate() returns (src/deploy/cert_json.c); the text
 * for people is printed from that same report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#define MAX_KEY ((size_t)1024 * 1024)

static const char *
str_of(const oojwt_jv *rep, const char *name)
{
	const oojwt_jv *v = oojwt_json_get(rep, name);

	return oojwt_json_type(v) == OOJWT_JSON_STRING ? oojwt_json_string(v) : "";
}

/* "2026-11-22 16:43:40 UTC" */
static void
utc(char *out, size_t cap, double t)
{
	if (t >= -62135596800.0 && t < 253402300800.0) {
		oojwt_utc_text(out, cap, (long long)t);
	} else {
		snprintf(out, cap, "%.0f", t);
	}
}

static void
names(const char *label, const oojwt_jv *list, int *first)
{
	size_t i, n = oojwt_json_array_size(list);

	for (i = 0; i < n; i++) {
		oojwt_cli_printf("%s%s %s", *first ? "" : ", ", label,
			oojwt_json_string(oojwt_json_array_at(list, i)));
		*first = 0;
	}
}

/* The verdict for people; the number of error findings. */
static int
human(const oojwt_jv *r, const oojwt_cli_opts *o)
{
	const oojwt_jv *san = oojwt_json_get(r, "san");
	const oojwt_jv *findings = oojwt_json_get(r, "findings");
	const oojwt_jv *v;
	char a[64], b[64], sev[64];
	oojwt_sb s1, s2;
	size_t i, n = oojwt_json_array_size(findings);
	int first = 1, errors = 0;

	oojwt_cli_wprintf(OOJWT_WORD("cert.head"), "subject,issuer,self,serial",
		"%s%s%s%s", oojwt_cli_safe(&s1, str_of(r, "subject"), (size_t)-1),
		oojwt_cli_safe(&s2, str_of(r, "issuer"), (size_t)-1),
		oojwt_json_truthy(oojwt_json_get(r, "selfSigned")) ? "yes" : "no",
		str_of(r, "serial"));
	oojwt_wipe_free(s1.buf, s1.cap);
	oojwt_wipe_free(s2.buf, s2.cap);
	utc(a, sizeof a, oojwt_json_number(oojwt_json_get(r, "notBefore")));
	utc(b, sizeof b, oojwt_json_number(oojwt_json_get(r, "notAfter")));
	oojwt_cli_wprintf(OOJWT_WORD("cert.valid"), "from,to,state", "%s%s%s", a, b,
		oojwt_json_truthy(oojwt_json_get(r, "expired")) ? "expired"
		: oojwt_json_truthy(oojwt_json_get(r, "notYetValid")) ? "not_yet"
		: "valid");
	names("DNS", oojwt_json_get(san, "dns"), &first);
	names("IP", oojwt_json_get(san, "ip"), &first);
	if (first) {
		oojwt_cli_wprintf(OOJWT_WORD("cert.no_names"), NULL, NULL);
	}
	oojwt_cli_printf("\n");
	v = oojwt_json_get(r, "keyCurve");
	oojwt_cli_wprintf(OOJWT_WORD("cert.key"), "type,space,curve,bits,sig",
		"%s%s%s%d%s", str_of(r, "keyType"),
		oojwt_json_type(v) == OOJWT_JSON_STRING ? " " : "",
		oojwt_json_type(v) == OOJWT_JSON_STRING ? oojwt_json_string(v) : "",
		(int)oojwt_json_number(oojwt_json_get(r, "keyBits")),
		str_of(r, "signatureAlgorithm"));
	oojwt_cli_wprintf(OOJWT_WORD("cert.fingerprint"), "fp", "%s",
		str_of(r, "fingerprintSha256"));
	v = oojwt_json_get(r, "keyMatches");
	if (oojwt_json_type(v) != OOJWT_JSON_NULL) {
		oojwt_cli_wprintf(OOJWT_WORD("cert.private_key"), "matches", "%s",
			oojwt_json_truthy(v) ? "yes" : "no");
	}
	v = oojwt_json_get(r, "coversHost");
	if (oojwt_json_type(v) != OOJWT_JSON_NULL) {
		oojwt_cli_wprintf(OOJWT_WORD("cert.host"), "host,covered,by", "%s%s%s",
			oojwt_cli_safe(&s1, o->host, (size_t)-1),
			oojwt_json_truthy(v) ? "yes" : "no",
			oojwt_json_truthy(v) ? str_of(r, "coveredBy") : "");
		oojwt_wipe_free(s1.buf, s1.cap);
	}
	for (i = 0; i < n; i++) {
		const oojwt_jv *f = oojwt_json_array_at(findings, i);
		oojwt_cli_said s;
		errors += strcmp(str_of(f, "severity"), "error") == 0;
		oojwt_cli_say(&s, str_of(f, "code"), oojwt_json_get(f, "params"),
			str_of(f, "message"), str_of(f, "fix"));
		oojwt_cli_wsnprintf(sev, sizeof sev, OOJWT_WORD("severity"), "severity",
			"%s", str_of(f, "severity"));
		oojwt_cli_wprintf(OOJWT_WORD("cert.finding"), "severity,code,message,fix",
			"%s%s%s%s", sev, str_of(f, "code"), s.message, s.fix);
		oojwt_cli_said_free(&s);
	}
	if (n == 0) {
		oojwt_cli_wprintf(OOJWT_WORD("config.no_findings"), NULL, NULL);
	}
	return errors;
}

int
oojwt_cli_inspect_cert(const oojwt_cli_opts *o)
{
	char err[700], msg[OOJWT_MESSAGE_LEN];
	char *cert, *key = NULL, *rep;
	size_t len, key_len = 0, n;
	oojwt_jv *r;
	const oojwt_jv *e;
	long pos;
	int code, errors;

	code = oojwt_cli_read_input(o->input, 0, &cert, &len, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		oojwt_cli_error(o->command, err);
		return code;
	}
	if (o->key_file != NULL) {
		code = oojwt_cli_read_file(o->key_file, MAX_KEY, &key, &key_len, err,
			sizeof err);
		if (code != OOJWT_EXIT_OK) {
			oojwt_wipe_free(cert, len + 1);
			oojwt_cli_error(o->command, err);
			return code;
		}
	}
	rep = oojwt_cert_json((const unsigned char *)cert, len,
		(const unsigned char *)key, key_len, key != NULL, o->host,
		o->host != NULL ? strlen(o->host) : 0, o->host != NULL,
		o->has_now ? o->now : oojwt_cli_host_now(), &n);
	oojwt_wipe_free(cert, len + 1);
	oojwt_wipe_free(key, key_len + 1);
	if (rep == NULL || oojwt_json_parse(&r, rep, n, &pos, msg) != OOJWT_OK) {
		free(rep);
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	e = oojwt_json_get(r, "error");
	if (o->json) {
		code = oojwt_cli_print_report(o, rep, n);
	} else {
		free(rep);
		code = OOJWT_EXIT_OK;
	}
	if (e != NULL) {
		oojwt_cli_said said;
		oojwt_cli_say(&said, str_of(e, "code"), oojwt_json_get(e, "params"),
			str_of(e, "message"), NULL);
		snprintf(err, sizeof err, "%s: %s", str_of(e, "code"), said.message);
		oojwt_cli_said_free(&said);
		if (!o->json) {
			oojwt_cli_error(o->command, err);
		}
		oojwt_json_free(r);
		return code != OOJWT_EXIT_OK ? code : OOJWT_EXIT_INPUT;
	}
	if (o->json) {
		const oojwt_jv *f = oojwt_json_get(r, "findings");
		size_t i;
		errors = 0;
		for (i = 0; i < oojwt_json_array_size(f); i++) {
			errors += strcmp(str_of(oojwt_json_array_at(f, i), "severity"),
				"error") == 0;
		}
	} else {
		errors = human(r, o);
		code = oojwt_cli_host_flush() == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INTERNAL;
	}
	oojwt_json_free(r);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	return errors > 0 ? OOJWT_EXIT_INVALID : OOJWT_EXIT_OK;
}
