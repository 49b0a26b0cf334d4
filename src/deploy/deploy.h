/*
 * The deployment layer's internal declarations: what the files of
 * src/deploy/ share with each other and with src/cli. The API is in
 * oojwt_deploy.h.
 */
#ifndef OOJWT_DEPLOY_DEPLOY_H__
#define OOJWT_DEPLOY_DEPLOY_H__

#include "../ds/ds.h"

/* ---- nginx_request.c: what nginx makes of a secure link request ------- */

/*
 * nginx's $uri for `len` bytes of a request path (no query): with
 * OOJWT_URI_NORMALIZE, ngx_http_parse_complex_uri() with merge_slashes
 * on (%XX decoded, then slashes merged, "." and ".." resolved; %25 %23
 * %3F stay literal); without, only the %XX decoding; with
 * OOJWT_URI_KEEP_SLASH, %2F stays as written. `out` has room for
 * len + 1 bytes (NUL-terminated). OOJWT_OK, or OOJWT_ERR_MALFORMED (a
 * bad escape, %00, ".." above the root: nginx's 400) with the offset in
 * *err_pos.
 */
#define OOJWT_URI_NORMALIZE  1
#define OOJWT_URI_KEEP_SLASH 2
int oojwt_nginx_uri(char *out, size_t *out_len, const char *path, size_t len,
	int flags, size_t *err_pos);
/* $arg_NAME in the query `args`: the first NAME=value (name ASCII
 * case-insensitive, value raw) into *value; returns how many there are. */
size_t oojwt_nginx_arg(const char *args, size_t len, const char *name,
	oojwt_span *value);
/* ngx_atotm: decimal digits only, no overflow; -1 otherwise. */
long long oojwt_nginx_atotm(const char *s, size_t n);
/* The md5 argument as secure_link decodes it (ngx_decode_base64url, at
 * most 24 characters, exactly 16 bytes): 1 and the bytes, or 0. */
int oojwt_nginx_md5_arg(unsigned char out[16], const char *s, size_t n);


/* ---- report bounds (deploy_json.c): see oojwt_report_bound in core.h --
 * `len` is the sum of the texts the call reads. */
/* inspectDownloadUrl: up to nine pieces of the link (scheme, host, prefix,
 * path, query, md5, expires, filename, the path nginx signs), which may
 * overlap, each escaped (6 per byte), and the expiry's digits once: 55. */
#define OOJWT_DEPLOY_REPORT_LINK_INSPECT 1
/* signDownloadUrl: the link (the URL escaped, 6 per byte; the path and
 * file name percent-encoded, 3): 6. */
#define OOJWT_DEPLOY_REPORT_LINK_SIGN    2
/* readNginxConfig, compareSecureLinkSecrets: fixed-size fields only
 * (OOJWT_NGINX_TEXT, OOJWT_NGINX_MAX_LISTEN): 0. */
#define OOJWT_DEPLOY_REPORT_NGINX        3
size_t oojwt_deploy_report_bound(int kind, size_t len);

/* ---- deploy_json.c: reports of the deployment checks -----------------
 * As for ds_json.c (the shapes are in web/lib/oojwt.d.ts); the
 * secure link and nginx reports may show secrets: free them with
 * oojwt_wipe_free(). */
/* commands_json.c: the report of oojwt_commands_build() for `o`, or for
 * a JSON context { container, url, host, connector, header, version,
 * signWith: "openssl" | "oojwt", selfSigned, includeSecret } with the
 * secret beside it (has_secret). It holds the secret only with
 * includeSecret: free it with oojwt_wipe_free(). */
char *oojwt_commands_json(const oojwt_commands_opts *o, size_t *out_len);
char *oojwt_commands_json_text(const char *context, size_t len,
	const unsigned char *secret, size_t secret_len, int has_secret,
	size_t *out_len);
char *oojwt_link_inspect_json(const char *url, size_t len,
	const unsigned char *secret, size_t secret_len, int has_secret,
	double now, size_t *out_len);
char *oojwt_link_sign_json(const char *url, size_t len, const char *path,
	size_t path_len, int has_path, const char *filename, size_t filename_len,
	int has_filename, const unsigned char *secret, size_t secret_len,
	double expires, size_t *out_len);
char *oojwt_nginx_json(const char *text, size_t len,
	const unsigned char *storage, size_t storage_len, int has_storage,
	size_t *out_len);
char *oojwt_link_compare_json(const unsigned char *storage,
	size_t storage_len, const unsigned char *nginx, size_t nginx_len,
	size_t *out_len);


/* ---- cert*.c: X.509 certificates (oojwt_cert_inspect) ----------------- */

#define OOJWT_CERT_RSA 1
#define OOJWT_CERT_EC  2

/* What the DER walk (cert.c) leaves for the checks (cert_check.c):
 * spans into the DER, the signature algorithm, the key in oojwt's form
 * (pk_ok when RSA, or EC on P-256/384/521 with a valid point), and the
 * texts (issuer, subject, names) as NUL-terminated strings in `text`. */
typedef struct {
	oojwt_der whole, tbs, sig, issuer, subject, cn;
	unsigned sig_hash;           /* OOJWT_ALG_RS256/ES256...: its hash */
	int sig_family, sig_weak;    /* OOJWT_CERT_RSA/_EC, 0 */
	int key_family;
	int pk_ok;
	struct oojwt_pkey pk;
	int has_san;
	oojwt_sb text;
	size_t issuer_at, subject_at;
	size_t n_dns, n_ip;
	size_t dns_at[OOJWT_CERT_MAX_NAMES], ip_at[OOJWT_CERT_MAX_NAMES];
	char params[OOJWT_PARAMS_LEN]; /* of the sentence in why, on error */
} oojwt_cert_parse;

/* cert.c: walk one DER certificate (`len` bytes, nothing after it) into
 * st and c (serial, times, key type, signature algorithm). OOJWT_OK, or
 * bad_certificate / too_large / no_memory with a sentence in why and its
 * params in st->params (bad_certificate's, see cert_check.c). */
int oojwt_cert_parse_der(oojwt_cert_parse *st, oojwt_cert *c,
	const unsigned char *der, size_t len, char *why);
/* 1 when the certificate's signature verifies with its own key (RSA
 * PKCS#1 v1.5 or ECDSA, SHA-256/384/512); call only when st->pk_ok and
 * st->sig_hash and the families agree. */
int oojwt_cert_self_signature(const oojwt_cert_parse *st);
/* SHA-256 of the whole DER into out (32 bytes). */
void oojwt_cert_fingerprint(const oojwt_cert_parse *st, unsigned char *out);

/* cert_name.c: the dotted text of an OID's contents (0 when not a
 * minimal OID or it does not fit `cap`); a Name's contents as text,
 * appended to sb (the value of its last CN in *cn, else len 0; 0 when
 * not strict DER); an IP address (text, optionally IPv6 in brackets)
 * into ip[16]: 4, 16, or 0 when not one; its text (46 bytes); and
 * whether a dNSName pattern covers a host name (RFC 6125 rules, see
 * oojwt.h). */
size_t oojwt_oid_text(char *out, size_t cap, const unsigned char *p,
	size_t len);
int oojwt_cert_name(oojwt_sb *sb, const unsigned char *p, size_t len,
	oojwt_der *cn);
size_t oojwt_ip_parse(const char *s, size_t len, unsigned char *ip);
void oojwt_ip_text(char *out, const unsigned char *ip, size_t len);
int oojwt_dns_match(const char *pat, size_t plen, const char *host,
	size_t hlen);

/* cert_json.c: the report of oojwt_cert_inspect() that kit.inspectCertificate
 * returns and `oojwt inspect-cert --json` prints (shape in web/lib/oojwt.d.ts),
 * or {"error":{code,message}} (with params for bad_certificate); malloc'd,
 * NULL when memory runs out. */
char *oojwt_cert_json(const unsigned char *in, size_t len,
	const unsigned char *key, size_t key_len, int has_key, const char *host,
	size_t host_len, int has_host, double now, size_t *out_len);

#endif
