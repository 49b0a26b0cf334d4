/*
 * The JSON report of oojwt_cert_inspect(), shared by the wasm export
 * (src/deploy/wasm_cert.c, kit.inspectCertificate) and the native CLI
 * (src/cli/cert.c, `oojwt inspect-cert --json`). Times are whole seconds
 * since the epoch (%t: 64-bit, where the wasm build's `long` has 32).
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "deploy.h"

static void
put_seconds(oojwt_sb *sb, double t)
{
	char tmp[24];

	oojwt_fmt(tmp, sizeof tmp, "%t", t);
	oojwt_sb_puts(sb, tmp);
}

static void
put_str(oojwt_sb *sb, const char *name, const char *value)
{
	oojwt_sb_puts(sb, ",\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, "\":");
	oojwt_sb_json_string(sb, value, strlen(value));
}

static void
put_list(oojwt_sb *sb, const char *const *list, size_t n)
{
	size_t i;

	oojwt_sb_puts(sb, "[");
	for (i = 0; i < n; i++) {
		if (i > 0) {
			oojwt_sb_puts(sb, ",");
		}
		oojwt_sb_json_string(sb, list[i], strlen(list[i]));
	}
	oojwt_sb_puts(sb, "]");
}

static const char *
tri(int v)
{
	return v < 0 ? "null" : v ? "true" : "false";
}

static void
put_report(oojwt_sb *sb, const oojwt_cert *c)
{
	static const char hex[] = "0123456789ABCDEF";
	char fp[96];
	size_t i;

	oojwt_sb_puts(sb, "{\"subject\":");
	oojwt_sb_json_string(sb, c->subject, strlen(c->subject));
	put_str(sb, "issuer", c->issuer);
	oojwt_sb_puts(sb, ",\"selfSigned\":");
	oojwt_sb_puts(sb, tri(c->self_signed));
	oojwt_sb_puts(sb, ",\"selfIssued\":");
	oojwt_sb_puts(sb, tri(c->self_issued));
	oojwt_sb_puts(sb, ",\"signatureChecked\":");
	oojwt_sb_puts(sb, tri(c->signature_checked));
	put_str(sb, "serial", c->serial);
	oojwt_sb_puts(sb, ",\"notBefore\":");
	put_seconds(sb, c->not_before);
	oojwt_sb_puts(sb, ",\"notAfter\":");
	put_seconds(sb, c->not_after);
	oojwt_sb_puts(sb, ",\"expired\":");
	oojwt_sb_puts(sb, tri(c->expired));
	oojwt_sb_puts(sb, ",\"notYetValid\":");
	oojwt_sb_puts(sb, tri(c->not_yet_valid));
	oojwt_sb_puts(sb, ",\"san\":{\"dns\":");
	put_list(sb, c->dns, c->n_dns);
	oojwt_sb_puts(sb, ",\"ip\":");
	put_list(sb, c->ip, c->n_ip);
	oojwt_sb_puts(sb, "}");
	put_str(sb, "keyType", c->key_type);
	oojwt_sb_puts(sb, ",\"keyBits\":");
	oojwt_sb_long(sb, (long)c->key_bits);
	oojwt_sb_puts(sb, ",\"keyCurve\":");
	if (c->key_curve[0] != 0) {
		oojwt_sb_json_string(sb, c->key_curve, strlen(c->key_curve));
	} else {
		oojwt_sb_puts(sb, "null");
	}
	put_str(sb, "signatureAlgorithm", c->signature_algorithm);
	for (i = 0; i < 32; i++) {
		fp[3 * i] = hex[c->fingerprint[i] >> 4];
		fp[3 * i + 1] = hex[c->fingerprint[i] & 15];
		fp[3 * i + 2] = i < 31 ? ':' : 0;
	}
	put_str(sb, "fingerprintSha256", fp);
	oojwt_sb_puts(sb, ",\"keyMatches\":");
	oojwt_sb_puts(sb, tri(c->key_matches));
	oojwt_sb_puts(sb, ",\"coversHost\":");
	oojwt_sb_puts(sb, tri(c->covers_host));
	oojwt_sb_puts(sb, ",\"coveredBy\":");
	if (oojwt_cert_by_name(c->covered_by) != NULL) {
		oojwt_sb_puts(sb, "\"");
		oojwt_sb_puts(sb, oojwt_cert_by_name(c->covered_by));
		oojwt_sb_puts(sb, "\"");
	} else {
		oojwt_sb_puts(sb, "null");
	}
	oojwt_sb_puts(sb, ",\"findings\":[");
	for (i = 0; i < c->n_findings; i++) {
		const oojwt_cert_finding *f = &c->findings[i];
		oojwt_sb_puts(sb, i == 0 ? "{\"severity\":\"" : ",{\"severity\":\"");
		oojwt_sb_puts(sb, oojwt_severity_name(f->severity));
		oojwt_sb_puts(sb, "\"");
		put_str(sb, "code", oojwt_code_name(f->code));
		put_str(sb, "message", f->message);
		put_str(sb, "fix", f->fix);
		oojwt_sb_params(sb, f->params);
		oojwt_sb_puts(sb, "}");
	}
	oojwt_sb_puts(sb, "]}");
}

char *
oojwt_cert_json(const unsigned char *in, size_t len,
	const unsigned char *key, size_t key_len, int has_key, const char *host,
	size_t host_len, int has_host, double now, size_t *out_len)
{
	char msg[OOJWT_MESSAGE_LEN], params[OOJWT_PARAMS_LEN];
	oojwt_cert_opts o;
	oojwt_cert c;
	oojwt_sb sb;
	int code;

	memset(&sb, 0, sizeof sb);
	memset(&o, 0, sizeof o);
	o.now = now;
	if (has_key) {
		o.key = key != NULL ? key : (const unsigned char *)"";
		o.key_len = key_len;
	}
	if (has_host) {
		o.host = host != NULL ? host : "";
		o.host_len = host_len;
	}
	msg[0] = 0;
	params[0] = 0;
	code = oojwt_cert_inspect_params(&c, in, len, &o, msg, params);
	if (code == OOJWT_ERR_BAD_CERT) {
		/* {"error":{code,message,params}}: the params say the sentence
		 * in any language (only bad_certificate's catalog entry words
		 * them). */
		oojwt_sb_puts(&sb, "{\"error\":{\"code\":\"");
		oojwt_sb_puts(&sb, oojwt_code_name(code));
		oojwt_sb_puts(&sb, "\",\"message\":");
		oojwt_sb_json_string(&sb, msg, strlen(msg));
		oojwt_sb_params(&sb, params);
		oojwt_sb_puts(&sb, "}}");
	} else if (code != OOJWT_OK) {
		oojwt_sb_error(&sb, code, msg, -1);
	} else {
		put_report(&sb, &c);
		oojwt_cert_free(&c);
	}
	return oojwt_sb_finish(&sb, out_len);
}
