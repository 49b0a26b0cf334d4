/*
 * Secure download links and nginx's configuration in C: the vector files
 * tests/vectors/secure_links.json (links signed with node:crypto's MD5)
 * and tests/vectors/nginx_configs.json, nginx's $uri decoding on a table
 * of paths, MD5 known answers (RFC 1321), signing round trips and the API
 * contracts of oojwt_link_* and oojwt_nginx_*.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

/* Sorted comma-separated codes of a finding list (n <= 32). */
static const char *
finding_names(char *out, size_t cap, const oojwt_finding *list, size_t n)
{
	const char *names[OOJWT_MAX_FINDINGS];
	size_t i, j, len = 0;

	for (i = 0; i < n; i++) {
		names[i] = cname(list[i].code);
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			const char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	}
	out[0] = 0;
	for (i = 0; i < n; i++) {
		len += (size_t)snprintf(out + len, len < cap ? cap - len : 0, "%s%s",
			i > 0 ? "," : "", names[i]);
	}
	return out;
}

/* The vector's "findings" array as the same text. */
static const char *
want_names(char *out, size_t cap, const cJSON *v)
{
	const cJSON *f;
	size_t len = 0;
	int first = 1;

	out[0] = 0;
	cJSON_ArrayForEach(f, jget(v, "findings")) {
		len += (size_t)snprintf(out + len, len < cap ? cap - len : 0, "%s%s",
			first ? "" : ",", f->valuestring);
		first = 0;
	}
	return out;
}

static void
link_vector(const cJSON *v)
{
	const cJSON *secret = jget(v, "secret"), *match = jget(v, "match");
	const cJSON *status = jget(v, "status"), *sp = jget(v, "signedPath");
	const char *url = jstr(v, "url");
	char got[600], want[600], md5[23];
	oojwt_link_report r;
	char *u = exact_copy(url, strlen(url));
	char *s = cJSON_IsString(secret) ? exact_copy(secret->valuestring,
		strlen(secret->valuestring)) : NULL;
	size_t slen = s != NULL ? strlen(secret->valuestring) : 0;
	test t;
	int code;

	test_begin(&t, "secure link #%d: %s", jint(v, "id"), jstr(v, "comment"));
	code = oojwt_link_inspect(&r, u, strlen(url), (const unsigned char *)s,
		slen, jget(v, "now")->valuedouble);
	if (expect(&t, code == OOJWT_OK, "returned %s", cname(code))) {
		expect(&t, r.status == (cJSON_IsNumber(status) ? status->valueint : 0),
			"status %d: %s", r.status, r.message);
		expect(&t, r.ok == (r.status == 200), "ok");
		expect(&t, cJSON_IsString(sp) ? r.signed_path != NULL
			&& strcmp(r.signed_path, sp->valuestring) == 0
			&& strlen(r.signed_path) == r.signed_path_len : r.signed_path == NULL,
			"signed path %s", r.signed_path != NULL ? r.signed_path : "NULL");
		if (cJSON_IsObject(match)) {
			expect(&t, r.path_variant >= 0
				&& strcmp(oojwt_link_path_name(r.path_variant),
					jstr(match, "path")) == 0
				&& strcmp(oojwt_link_secret_name(r.secret_variant),
					jstr(match, "secret")) == 0, "match %d/%d",
				r.path_variant, r.secret_variant);
		} else {
			expect(&t, r.path_variant < 0 && r.secret_variant < 0,
				"no match expected, got %d/%d", r.path_variant,
				r.secret_variant);
		}
		finding_names(got, sizeof got, r.findings, r.n_findings);
		want_names(want, sizeof want, v);
		expect(&t, strcmp(got, want) == 0, "findings [%s], want [%s]", got,
			want);
		if (r.has_expected) {
			oojwt_link_md5(md5, url + r.expires_arg.off, r.expires_arg.len,
				r.signed_path, r.signed_path_len, (const unsigned char *)s,
				slen);
			expect(&t, strcmp(md5, r.expected_md5) == 0 && strlen(md5) == 22,
				"expected md5");
			expect(&t, r.checked, "checked");
		}
		oojwt_link_report_free(&r);
		oojwt_link_report_free(&r);
	}
	free(u);
	free(s);
	test_end(&t);
}

static void
nginx_vector(const cJSON *v)
{
	const cJSON *e = jget(v, "expect"), *x, *storage = jget(v, "storageSecret");
	const char *text = jstr(v, "text");
	char *copy = exact_copy(text, strlen(text));
	char got[600], want[600];
	oojwt_nginx_config c;
	test t;
	int i = 0;

	test_begin(&t, "nginx config #%d: %s", jint(v, "id"), jstr(v, "comment"));
	expect(&t, oojwt_nginx_read(&c, copy, strlen(text)) == OOJWT_OK, "read");
	if (cJSON_IsString(storage)) {
		int m = oojwt_link_secrets_compare(
			(const unsigned char *)storage->valuestring,
			strlen(storage->valuestring), (const unsigned char *)c.secret,
			c.secret_len, c.findings, &c.n_findings, &c.dropped);
		x = jget(e, "storageSecretMatches");
		expect(&t, x == NULL || m == cJSON_IsTrue(x), "storage secret %d", m);
	}
	finding_names(got, sizeof got, c.findings, c.n_findings);
	want_names(want, sizeof want, v);
	expect(&t, strcmp(got, want) == 0, "findings [%s], want [%s]", got, want);
	x = jget(e, "secureLinkSecret");
	if (x != NULL) {
		expect(&t, cJSON_IsString(x) ? c.has_secret && strcmp(c.secret,
			x->valuestring) == 0 && c.secret_len == strlen(c.secret)
			: !c.has_secret, "secret '%s'", c.secret);
	}
	x = jget(e, "certificate");
	if (x != NULL) {
		expect(&t, cJSON_IsString(x) ? c.has_certificate
			&& strcmp(c.certificate, x->valuestring) == 0 : !c.has_certificate,
			"certificate '%s'", c.certificate);
	}
	x = jget(e, "certificateKey");
	if (cJSON_IsString(x)) {
		expect(&t, c.has_certificate_key && strcmp(c.certificate_key,
			x->valuestring) == 0, "key '%s'", c.certificate_key);
	}
	x = jget(e, "includes");
	if (x != NULL) {
		expect(&t, c.includes == (size_t)x->valueint, "includes %zu",
			c.includes);
	}
	x = jget(e, "listen");
	if (x != NULL) {
		const cJSON *l;
		expect(&t, c.n_listen == (size_t)cJSON_GetArraySize(x), "%zu listen",
			c.n_listen);
		cJSON_ArrayForEach(l, x) {
			const oojwt_nginx_listen *g = &c.listen[i++];
			if ((size_t)i > c.n_listen) {
				break;
			}
			expect(&t, strcmp(g->address, jstr(l, "address")) == 0
				&& g->port == (unsigned)jint(l, "port")
				&& g->ssl == cJSON_IsTrue(jget(l, "ssl"))
				&& g->line == jint(l, "line"), "listen %d: %s %u %d line %d",
				i, g->address, g->port, g->ssl, g->line);
		}
	}
	x = jget(e, "protocols");
	if (x != NULL) {
		unsigned bits = 0, bit;
		const cJSON *p;
		cJSON_ArrayForEach(p, x) {
			for (bit = 1; bit <= OOJWT_NGINX_TLSV1_3; bit <<= 1) {
				if (strcmp(oojwt_nginx_protocol_name(bit), p->valuestring) == 0) {
					bits |= bit;
				}
			}
		}
		expect(&t, cJSON_IsArray(x) ? c.has_protocols && c.protocols == bits
			: !c.has_protocols, "protocols %#x", c.protocols);
	}
	oojwt_nginx_config_free(&c);
	expect(&t, all_zero(&c, sizeof c), "wiped");
	free(copy);
	test_end(&t);
}

/* nginx's $uri: path -> $uri, NULL for 400. */
static const struct {
	const char *in;
	const char *out;
} uri_cases[] = {
	{ "/cache/files/a/b.docx", "/cache/files/a/b.docx" },
	{ "/cache//files///a", "/cache/files/a" },
	{ "/a/./b/../c", "/a/c" },
	{ "/a/b/..", "/a/" },
	{ "/a/b/.", "/a/b/" },
	{ "/..", NULL },
	{ "/a/../..", NULL },
	{ "/a%20b", "/a b" },
	{ "/a%2Fb%2f%2fc", "/a/b/c" },
	{ "/a%2e%2E/b", "/a../b" },
	{ "/x/%2e%2e/y", "/y" },
	{ "/a%25%32%30", "/a%20" },
	{ "/a%2520", "/a%20" },
	{ "/a%23b%3Fc", "/a#b?c" },
	{ "/a%00b", NULL },
	{ "/a%zz", NULL },
	{ "/a%2", NULL },
	{ "/a%", NULL },
	{ "/a+b", "/a+b" },
	{ "/\xc3\xbc%C3%BC", "/\xc3\xbc\xc3\xbc" },
	{ "", "" }
};

static void
uri_table(void)
{
	size_t i;

	for (i = 0; i < sizeof uri_cases / sizeof *uri_cases; i++) {
		const char *in = uri_cases[i].in;
		size_t n = strlen(in), out_len = 0, err = 0;
		char *copy = exact_copy(in, n);
		char *out = (char *)xmalloc(n + 1);
		test t;
		int code;
		test_begin(&t, "nginx $uri of \"%s\"", in);
		code = oojwt_nginx_uri(out, &out_len, copy, n, OOJWT_URI_NORMALIZE,
			&err);
		if (uri_cases[i].out == NULL) {
			expect(&t, code == OOJWT_ERR_MALFORMED && err <= n, "refused (400)");
		} else {
			expect(&t, code == OOJWT_OK && out_len == strlen(uri_cases[i].out)
				&& memcmp(out, uri_cases[i].out, out_len) == 0
				&& out[out_len] == 0, "got \"%s\"", code == OOJWT_OK ? out : "?");
		}
		free(out);
		free(copy);
		test_end(&t);
	}
}

static void
md5_and_args(void)
{
	char m[23];
	unsigned char raw[16];
	oojwt_span sp;
	test t;

	test_begin(&t, "MD5 known answers (RFC 1321) through oojwt_link_md5");
	oojwt_link_md5(m, "", 0, "", 0, (const unsigned char *)"", 0);
	expect(&t, strcmp(m, "1B2M2Y8AsgTpgAmY7PhCfg") == 0, "MD5(\"\") %s", m);
	oojwt_link_md5(m, "a", 1, "b", 1, (const unsigned char *)"c", 1);
	expect(&t, strcmp(m, "kAFQmDzST7DWlj99KOF_cg") == 0, "MD5(\"abc\") %s", m);
	oojwt_link_md5(m, "message ", 8, "digest", 6, (const unsigned char *)"", 0);
	expect(&t, strcmp(m, "-WtpfXy3k41SWi8xqvFh0A") == 0, "MD5(\"message digest\") %s", m);
	test_end(&t);

	test_begin(&t, "nginx: $arg_ lookup, ngx_atotm, the md5 argument");
	expect(&t, oojwt_nginx_arg("xmd5=1&MD5=2&md5=3", 18, "md5", &sp) == 2
		&& sp.present && sp.off == 11 && sp.len == 1, "first md5, case-insensitive");
	expect(&t, oojwt_nginx_arg("md5&md5=", 8, "md5", &sp) == 1 && sp.present
		&& sp.len == 0, "empty value");
	expect(&t, oojwt_nginx_arg("", 0, "md5", &sp) == 0 && !sp.present, "none");
	expect(&t, oojwt_nginx_atotm("1700000900", 10) == 1700000900LL, "digits");
	expect(&t, oojwt_nginx_atotm("9223372036854775807", 19) == 0x7fffffffffffffffLL, "max");
	expect(&t, oojwt_nginx_atotm("9223372036854775808", 19) == -1, "overflow");
	expect(&t, oojwt_nginx_atotm("", 0) == -1 && oojwt_nginx_atotm("-1", 2) == -1
		&& oojwt_nginx_atotm("1 ", 2) == -1, "not digits");
	expect(&t, oojwt_nginx_md5_arg(raw, "kAFQmDzST7DWlj99KOF_cg", 22) && raw[0] == 0x90
		&& raw[15] == 0x72, "22 characters");
	expect(&t, oojwt_nginx_md5_arg(raw, "kAFQmDzST7DWlj99KOF_cg==", 24), "padded");
	expect(&t, !oojwt_nginx_md5_arg(raw, "kAFQmDzST7DWlj99KOF_cg===", 25), "over 24");
	expect(&t, !oojwt_nginx_md5_arg(raw, "kAFQmDzST7DWlj99KOF/cg", 22), "not base64url");
	expect(&t, !oojwt_nginx_md5_arg(raw, "kAFQmDzST7DWlj99KOF_c", 21), "15 bytes");
	test_end(&t);
}

static void
sign_round_trips(void)
{
	static const char secret[] = "Zr8mQ2vX9pL4sT7wK1nB";
	const unsigned char *k = (const unsigned char *)secret;
	char *url = NULL, *again = NULL;
	size_t n = 0, m = 0;
	oojwt_link_report r;
	oojwt_issue err;
	test t;

	test_begin(&t, "oojwt_link_sign builds as storage-fs does; inspect says 200");
	expect(&t, oojwt_link_sign(&url, &n, "https://ds.example.com/", 23,
		"data/k1/output.docx", 19, "a b/c.docx", 10, k, 20, 1700000900,
		&err) == OOJWT_OK, "signed: %s", err.message);
	if (url != NULL) {
		expect(&t, strncmp(url, "https://ds.example.com/cache/files/data/k1/"
			"output.docx/a%20b%252fc.docx?md5=", 71) == 0
			&& strstr(url, "&expires=1700000900&filename=a%20b%252fc.docx")
			!= NULL && strlen(url) == n, "%s", url);
		expect(&t, oojwt_link_inspect(&r, url, n, k, 20, 1700000000) == OOJWT_OK
			&& r.status == 200, "status %d", r.status);
		oojwt_link_report_free(&r);
		expect(&t, oojwt_link_sign(&again, &m, url, n, NULL, 0, NULL, 0, k, 20,
			1700000900, &err) == OOJWT_OK && m == n
			&& memcmp(again, url, n) == 0, "re-signed the same");
	}
	free(url);
	free(again);
	expect(&t, oojwt_link_sign(&url, &n, "https://x/a", 11, NULL, 0, NULL, 0,
		k, 20, 1700000900, &err) == OOJWT_FIND_LINK_NOT_CACHE && url == NULL,
		"not a cache path");
	expect(&t, oojwt_link_sign(&url, &n, "https://x/cache/files/a/b", 25, NULL,
		0, NULL, 0, k, 20, 1.5, &err) == OOJWT_ERR_BAD_ARGUMENT, "expires 1.5");
	expect(&t, oojwt_link_sign(&url, &n, "https://x", 9, "a", 1, "\xff", 1, k,
		20, 2e9, &err) == OOJWT_ERR_BAD_ARGUMENT, "file name not UTF-8");
	test_end(&t);

	test_begin(&t, "oojwt_link_* and oojwt_nginx_* refuse bad arguments");
	expect(&t, oojwt_link_inspect(NULL, "a", 1, NULL, 0, 0) == OOJWT_ERR_BAD_ARGUMENT, "NULL report");
	expect(&t, oojwt_link_inspect(&r, NULL, 1, NULL, 0, 0) == OOJWT_ERR_BAD_ARGUMENT, "NULL url");
	expect(&t, oojwt_link_inspect(&r, "a", 1, NULL, 3, 0) == OOJWT_ERR_BAD_ARGUMENT, "NULL secret");
	expect(&t, oojwt_link_inspect(&r, "a", 1, NULL, 0, 1e300) == OOJWT_ERR_BAD_ARGUMENT, "huge now");
	expect(&t, oojwt_nginx_read(NULL, "", 0) == OOJWT_ERR_BAD_ARGUMENT, "NULL config");
	oojwt_link_report_free(NULL);
	oojwt_nginx_config_free(NULL);
	expect(&t, oojwt_link_path_name(OOJWT_LINK_PATHS) == NULL
		&& oojwt_link_secret_name(OOJWT_LINK_SECRETS) == NULL
		&& oojwt_nginx_protocol_name(3) == NULL
		&& strcmp(oojwt_link_secret_name(OOJWT_LINK_SECRET_DEFAULT),
			"default-link-secret") == 0, "names");
	test_end(&t);
}

void
suite_secure_link(const char *ours, const char *shared)
{
	(void)shared;
	for_each_test(ours, "secure_links.json", link_vector);
	for_each_test(ours, "nginx_configs.json", nginx_vector);
	uri_table();
	md5_and_args();
	sign_round_trips();
}
