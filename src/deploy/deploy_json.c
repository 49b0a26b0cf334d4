/*
 * The JSON reports of the deployment checks (secure download links and
 * nginx's configuration), shared by the wasm exports (src/deploy/wasm_deploy.c)
 * and the native CLI (src/cli/deploy.c); the logic is in secure_link.c,
 * nginx_request.c and nginx_config.c. Shapes: web/lib/oojwt.d.ts.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "deploy.h"

size_t
oojwt_deploy_report_bound(int kind, size_t len)
{
	static const unsigned char multiplier[] = { 0, 55, 6, 0 };

	if (kind < OOJWT_DEPLOY_REPORT_LINK_INSPECT || kind > OOJWT_DEPLOY_REPORT_NGINX) {
		return SIZE_MAX;
	}
	return oojwt_bound_linear(multiplier[kind], len);
}

static char *
error_json(int code, const char *message, size_t *out_len)
{
	oojwt_sb sb;

	memset(&sb, 0, sizeof sb);
	oojwt_sb_error(&sb, code, message, -1);
	return oojwt_sb_finish(&sb, out_len);
}

static void
put_span(oojwt_sb *sb, const char *name, const char *base,
	const oojwt_span *s, int comma)
{
	oojwt_sb_puts(sb, comma ? ",\"" : "\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, "\":");
	if (s->present) {
		oojwt_sb_json_string(sb, base + s->off, s->len);
	} else {
		oojwt_sb_puts(sb, "null");
	}
}

static void
put_bool(oojwt_sb *sb, const char *name, int v)
{
	oojwt_sb_puts(sb, ",\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, v ? "\":true" : "\":false");
}

/* "in 14 minutes", "3 hours ago", "now". */
static void
relative_text(char *out, size_t cap, double d)
{
	double a = d < 0 ? -d : d, n;
	const char *unit;

	if (a < 1) {
		oojwt_fmt(out, cap, "now");
		return;
	}
	if (a < 90) {
		n = a;
		unit = "second";
	} else if (a < 90 * 60) {
		n = a / 60 + 0.5;
		unit = "minute";
	} else if (a < 48 * 3600) {
		n = a / 3600 + 0.5;
		unit = "hour";
	} else {
		n = a / 86400 + 0.5;
		unit = "day";
	}
	n = (double)(long long)n;
	oojwt_fmt(out, cap, "%s%t %s%s%s", d > 0 ? "in " : "", n, unit,
		n == 1 ? "" : "s", d > 0 ? "" : " ago");
}

char *
oojwt_link_inspect_json(const char *url, size_t len,
	const unsigned char *secret, size_t secret_len, int has_secret,
	double now, size_t *out_len)
{
	oojwt_link_report r;
	oojwt_sb sb;
	char tmp[64];
	int code;

	code = oojwt_link_inspect(&r, url, len, has_secret
		? (secret != NULL ? secret : (const unsigned char *)"") : NULL,
		has_secret ? secret_len : 0, now);
	if (code != OOJWT_OK) {
		return error_json(code, code == OOJWT_ERR_NO_MEMORY ? "out of memory"
			: "invalid arguments", out_len);
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, r.ok ? "{\"verdict\":{\"ok\":true,\"status\":"
		: "{\"verdict\":{\"ok\":false,\"status\":");
	if (r.status != 0) {
		oojwt_sb_long(&sb, r.status);
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_member(&sb, "message", r.message, 1);
	oojwt_sb_member(&sb, "code", oojwt_code_name(r.code), 1);
	oojwt_sb_params(&sb, r.params);
	oojwt_sb_puts(&sb, "},\"url\":");
	if (!r.path.present) {
		oojwt_sb_puts(&sb, "null");
	} else {
		oojwt_sb_puts(&sb, "{");
		put_span(&sb, "scheme", url, &r.scheme, 0);
		put_span(&sb, "host", url, &r.host, 1);
		oojwt_sb_puts(&sb, ",\"port\":");
		if (r.port.present) {
			long port = 0;
			size_t k;
			for (k = 0; k < r.port.len; k++) {
				port = port * 10 + (url[r.port.off + k] - '0');
			}
			oojwt_sb_long(&sb, port);
		} else {
			oojwt_sb_puts(&sb, "null");
		}
		r.prefix.present = 1;
		put_span(&sb, "prefix", url, &r.prefix, 1);
		put_span(&sb, "path", url, &r.path, 1);
		put_span(&sb, "query", url, &r.query, 1);
		oojwt_sb_puts(&sb, "}");
	}
	oojwt_sb_puts(&sb, ",\"signedPath\":");
	if (r.signed_path != NULL) {
		oojwt_sb_json_string(&sb, r.signed_path, r.signed_path_len);
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, ",\"args\":{");
	put_span(&sb, "md5", url, &r.md5, 0);
	put_span(&sb, "expires", url, &r.expires_arg, 1);
	put_span(&sb, "filename", url, &r.filename, 1);
	oojwt_sb_puts(&sb, "},\"expires\":");
	if (r.has_expires_value) {
		oojwt_sb_puts(&sb, "{\"epoch\":");
		if (r.expires < 9e15) {
			oojwt_fmt(tmp, sizeof tmp, "%t", r.expires);
			oojwt_sb_puts(&sb, tmp);
		} else {
			/* Beyond doubles' integers: the digits as written. */
			size_t z = 0;
			while (url[r.expires_arg.off + z] == '0') {
				z++;
			}
			oojwt_sb_put(&sb, url + r.expires_arg.off + z,
				r.expires_arg.len - z);
		}
		if (r.expires <= 253402300799.0) {
			oojwt_utc_text(tmp, sizeof tmp, (long long)r.expires);
		} else {
			oojwt_fmt(tmp, sizeof tmp, "after 9999-12-31 23:59:59 UTC");
		}
		oojwt_sb_member(&sb, "utc", tmp, 1);
		relative_text(tmp, sizeof tmp, r.expires - now);
		oojwt_sb_member(&sb, "relative", tmp, 1);
		put_bool(&sb, "expired", r.expired);
		oojwt_sb_puts(&sb, "}");
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, r.checked ? ",\"checked\":true" : ",\"checked\":false");
	oojwt_sb_puts(&sb, ",\"match\":");
	if (r.path_variant >= 0) {
		oojwt_sb_puts(&sb, "{");
		oojwt_sb_member(&sb, "path", oojwt_link_path_name(r.path_variant), 0);
		oojwt_sb_member(&sb, "secret",
			oojwt_link_secret_name(r.secret_variant), 1);
		oojwt_sb_puts(&sb, "}");
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_member(&sb, "expectedMd5", r.has_expected ? r.expected_md5
		: NULL, 1);
	oojwt_sb_puts(&sb, ",\"findings\":");
	oojwt_sb_findings(&sb, r.findings, r.n_findings);
	oojwt_sb_puts(&sb, "}");
	oojwt_link_report_free(&r);
	return oojwt_sb_finish(&sb, out_len);
}

char *
oojwt_link_sign_json(const char *url, size_t len, const char *path,
	size_t path_len, int has_path, const char *filename, size_t filename_len,
	int has_filename, const unsigned char *secret, size_t secret_len,
	double expires, size_t *out_len)
{
	oojwt_issue err;
	oojwt_sb sb;
	char *link = NULL;
	size_t n = 0;
	int code;

	code = oojwt_link_sign(&link, &n, url, len, has_path ? (path != NULL
		? path : "") : NULL, has_path ? path_len : 0, has_filename
		? (filename != NULL ? filename : "") : NULL,
		has_filename ? filename_len : 0, secret != NULL ? secret
		: (const unsigned char *)"", secret_len, expires, &err);
	if (code != OOJWT_OK) {
		return error_json(code, err.message, out_len);
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "{\"url\":");
	oojwt_sb_json_string(&sb, link, n);
	oojwt_sb_puts(&sb, "}");
	free(link);
	return oojwt_sb_finish(&sb, out_len);
}

char *
oojwt_nginx_json(const char *text, size_t len,
	const unsigned char *storage, size_t storage_len, int has_storage,
	size_t *out_len)
{
	oojwt_nginx_config c;
	oojwt_sb sb;
	size_t i;
	int code, match = -1;

	code = oojwt_nginx_read(&c, text, len);
	if (code != OOJWT_OK) {
		return error_json(code, "invalid arguments", out_len);
	}
	if (has_storage && c.has_secret) {
		match = oojwt_link_secrets_compare(storage != NULL ? storage
			: (const unsigned char *)"", storage_len,
			(const unsigned char *)c.secret, c.secret_len, c.findings,
			&c.n_findings, &c.dropped);
	}
	/* The report shows the secret: one allocation, no realloc copies. */
	memset(&sb, 0, sizeof sb);
	sb.cap = 8192 + 6 * (3 * OOJWT_NGINX_TEXT) + c.n_listen * 200
		+ c.n_findings * 6 * (2 * OOJWT_MESSAGE_LEN + OOJWT_PATH_LEN + 80);
	sb.buf = (char *)malloc(sb.cap);
	if (sb.buf == NULL) {
		oojwt_nginx_config_free(&c);
		return error_json(OOJWT_ERR_NO_MEMORY, "out of memory", out_len);
	}
	sb.buf[0] = 0;
	oojwt_sb_puts(&sb, "{\"secureLinkSecret\":");
	if (c.has_secret) {
		oojwt_sb_json_string(&sb, c.secret, c.secret_len);
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, ",\"listen\":[");
	for (i = 0; i < c.n_listen; i++) {
		const oojwt_nginx_listen *l = &c.listen[i];
		oojwt_sb_puts(&sb, i == 0 ? "{" : ",{");
		oojwt_sb_member(&sb, "address", l->address, 0);
		oojwt_sb_puts(&sb, ",\"port\":");
		oojwt_sb_long(&sb, (long)l->port);
		put_bool(&sb, "ssl", l->ssl);
		put_bool(&sb, "http2", l->http2);
		put_bool(&sb, "defaultServer", l->default_server);
		oojwt_sb_puts(&sb, ",\"line\":");
		oojwt_sb_long(&sb, l->line);
		oojwt_sb_puts(&sb, "}");
	}
	oojwt_sb_puts(&sb, "],\"ssl\":{");
	oojwt_sb_member(&sb, "certificate", c.has_certificate ? c.certificate
		: NULL, 0);
	oojwt_sb_member(&sb, "certificateKey", c.has_certificate_key
		? c.certificate_key : NULL, 1);
	oojwt_sb_puts(&sb, ",\"protocols\":");
	if (c.has_protocols) {
		unsigned bit;
		int first = 1;
		oojwt_sb_puts(&sb, "[");
		for (bit = 1; bit <= OOJWT_NGINX_TLSV1_3; bit <<= 1) {
			if ((c.protocols & bit) != 0) {
				oojwt_sb_puts(&sb, first ? "\"" : ",\"");
				oojwt_sb_puts(&sb, oojwt_nginx_protocol_name(bit));
				oojwt_sb_puts(&sb, "\"");
				first = 0;
			}
		}
		oojwt_sb_puts(&sb, "]");
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, "},\"includes\":");
	oojwt_sb_long(&sb, (long)c.includes);
	oojwt_sb_puts(&sb, ",\"storageSecretMatches\":");
	oojwt_sb_puts(&sb, match < 0 ? "null" : match ? "true" : "false");
	oojwt_sb_puts(&sb, ",\"findings\":");
	oojwt_sb_findings(&sb, c.findings, c.n_findings);
	oojwt_sb_puts(&sb, "}");
	oojwt_nginx_config_free(&c);
	return oojwt_sb_finish(&sb, out_len);
}

char *
oojwt_link_compare_json(const unsigned char *storage,
	size_t storage_len, const unsigned char *nginx, size_t nginx_len,
	size_t *out_len)
{
	oojwt_finding list[OOJWT_MAX_FINDINGS];
	oojwt_sb sb;
	size_t n = 0, dropped = 0;
	int match;

	match = oojwt_link_secrets_compare(storage != NULL ? storage
		: (const unsigned char *)"", storage_len, nginx != NULL ? nginx
		: (const unsigned char *)"", nginx_len, list, &n, &dropped);
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, match ? "{\"match\":true" : "{\"match\":false");
	oojwt_sb_puts(&sb, ",\"findings\":");
	oojwt_sb_findings(&sb, list, n);
	oojwt_sb_puts(&sb, "}");
	return oojwt_sb_finish(&sb, out_len);
}
