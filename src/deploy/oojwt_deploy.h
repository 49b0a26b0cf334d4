/*
 * oojwt_deploy.h -- the deployment checks.
 *
 * Part of oojwt.h (include that). What sits around Document Server and
 * breaks its tokens or its links: secure download links as nginx's
 * secure_link module judges them, Document Server's nginx configuration,
 * and the TLS certificate clients are shown. Built on the JWT core and
 * the Document Server rules (secret variants, findings).
 */
#ifndef OOJWT_DEPLOY_H__
#define OOJWT_DEPLOY_H__

#include <stddef.h>
#include "../ds/oojwt_ds.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Secure download links (nginx secure_link).
 *
 * Document Server hands out the files it converted or cached as
 * `<base>/cache/files/<path>/<name>?md5=M&expires=E&filename=F`
 * (storage-fs getSignedUrl), where M is the unpadded base64url of
 * MD5(E + decodeURIComponent(uri) + storage.fs.secretString). The nginx
 * in front of it checks them (includes/ds-docservice.conf):
 *
 *   secure_link $arg_md5,$arg_expires;
 *   secure_link_md5 "$secure_link_expires$uri$secure_link_secret";
 *   403 when the check fails, 410 when it passes but E < now.
 *
 * oojwt_link_inspect() reads a URL (or just its path and query, as in an
 * access log) and answers what that nginx answers, reproducing it:
 *
 *   - $uri: the path decoded as ngx_http_parse_complex_uri() does
 *     (%XX decoded, then slashes merged and "." / ".." resolved, with
 *     merge_slashes on as nginx ships; %25, %23 and %3F stay literal
 *     characters; a bad escape, %00 or ".." above the root is 400);
 *   - the part before /cache/files/ (a reverse proxy's prefix such as
 *     /ds-vpath) is taken as stripped by that proxy;
 *   - $arg_md5 / $arg_expires: the first argument of that name (ASCII
 *     case-insensitive), raw (not percent-decoded); an empty or absent
 *     one fails the check;
 *   - E must be decimal digits only, > 0 (ngx_atotm); M at most 24
 *     characters, base64url up to an optional '=', decoding to exactly
 *     16 bytes (spare bits ignored); compared in constant time;
 *   - expired when E < floor(now), checked after the signature (a
 *     wrong signature on an old link is 403, not 410).
 *
 * When the signature fails, other forms of the path and of the secret
 * are tried, to say what went wrong (OOJWT_LINK_PATH_*: the path decoded
 * without merging slashes, decoded twice, decoded with %2F kept (a proxy
 * decoded %252F once), not decoded at all; secret variants as in
 * oojwt_secret_variant_name() 0-5, then the default secret). Every try
 * hashes into one context and buffer that are wiped.
 */
/* OOJWT_LINK_DEFAULT_SECRET: oojwt_ds.h (Document Server's default). */

#define OOJWT_LINK_PATH_AS_SENT        0 /* nginx's $uri */
#define OOJWT_LINK_PATH_NOT_NORMALIZED 1 /* decoded, slashes/dots kept */
#define OOJWT_LINK_PATH_DECODED_TWICE  2 /* $uri decoded once more */
#define OOJWT_LINK_PATH_PROXY_DECODED  3 /* decoded, but %2F kept */
#define OOJWT_LINK_PATH_NOT_DECODED    4 /* the path as written */
#define OOJWT_LINK_PATHS               5
/* Secret variants: 0-5 are those of oojwt_secret_variant_name(), 6 the
 * default secret. */
#define OOJWT_LINK_SECRET_DEFAULT      6
#define OOJWT_LINK_SECRETS             7

/* "as-sent", "not-normalized", "decoded-twice", "proxy-decoded",
 * "not-decoded"; and
 * "as-is", ..., "without-quotes", "default-link-secret"; NULL otherwise. */
const char *oojwt_link_path_name(int v);
const char *oojwt_link_secret_name(int v);

/*
 * The report. Caller-allocated; `signed_path` is owned (free with
 * oojwt_link_report_free(), safe twice). Spans are offsets into the
 * caller's `url` (valid while it is).
 *
 *   status        200, 400, 403 or 410 as nginx answers; 0 when it
 *                 cannot be told (no secret given, not a URL, or a path
 *                 nginx does not check)
 *   ok            1 for 200
 *   message       the verdict in a sentence; code and params its code
 *                 (link_serves, link_gone, link_forbidden,
 *                 link_unchecked, link_not_download, or the finding it
 *                 repeats: link_bad_url, link_bad_path) and params (as
 *                 in oojwt_issue), so it can be said in any language
 *   checked       1 when the signature was compared (a secret given)
 *   signed_path   nginx's $uri from /cache/files on (NUL-terminated),
 *                 NULL when the path does not decode
 *   expires       E when it is a valid number (has_expires_value)
 *   expected_md5  what md5 should be for this path, E and the secret
 *                 as given (has_expected)
 *   path_variant, secret_variant   the forms that match, -1 when none
 */
typedef struct {
	size_t off, len;
	int present;
} oojwt_span;

typedef struct {
	int status;
	int ok;
	int checked;
	char message[OOJWT_MESSAGE_LEN];
	int code;
	char params[OOJWT_PARAMS_LEN];
	int is_url;              /* 1: scheme://host...; 0: a path */
	oojwt_span scheme, host, port, prefix, path, query;
	oojwt_span md5, expires_arg, filename;
	char *signed_path;
	size_t signed_path_len;
	int has_expires_value;
	double expires;
	int expired;
	int has_expected;
	char expected_md5[23];
	int path_variant, secret_variant;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
} oojwt_link_report;

/*
 * Inspect `url` (`len` bytes; surrounding whitespace ignored) with the
 * secret (`secret` NULL: none given) at time `now` (seconds). Returns
 * OOJWT_OK (an unreadable URL is a finding), OOJWT_ERR_BAD_ARGUMENT or
 * OOJWT_ERR_NO_MEMORY.
 */
int oojwt_link_inspect(oojwt_link_report *r, const char *url, size_t len,
	const unsigned char *secret, size_t secret_len, double now);
void oojwt_link_report_free(oojwt_link_report *r);

/*
 * The md5 argument (22 characters and a NUL into `out`) for `expires`
 * (its text, elen bytes), an already decoded $uri `path` and `secret`.
 */
void oojwt_link_md5(char out[23], const char *expires, size_t elen,
	const char *path, size_t plen, const unsigned char *secret,
	size_t secret_len);

/*
 * Sign a link. With `path` NULL, `url` is a download URL (or path) whose
 * md5 and expires arguments are replaced (other arguments kept); else
 * `url` is the base URL (scheme://host[:port][/prefix]) and the link is
 * built as Document Server builds it: /cache/files/<path>/<name> where
 * name is the percent-encoded `filename` (encodeURIComponent, '/' first
 * written as %2f) or, with `filename` NULL, the last segment of `path`;
 * then ?md5=&expires=&filename=<name>. `expires` is whole seconds
 * (1 to 1e15). On success *out is a malloc'd NUL-terminated URL (free()
 * it); else the code (bad_argument, link_bad_url, link_bad_path,
 * link_not_cache_path, no_memory) with a sentence in `err`.
 */
int oojwt_link_sign(char **out, size_t *out_len, const char *url,
	size_t len, const char *path, size_t path_len, const char *filename,
	size_t filename_len, const unsigned char *secret, size_t secret_len,
	double expires, oojwt_issue *err);

/*
 * Compare the secret Document Server signs links with (storage.fs.
 * secretString) and the one nginx checks them with ($secure_link_secret),
 * in constant time. Adds findings to `list` (link_secrets_differ with
 * the variant that explains the difference, if any; default_link_secret)
 * and returns 1 when they are equal, 0 otherwise.
 */
int oojwt_link_secrets_compare(const unsigned char *storage,
	size_t storage_len, const unsigned char *nginx, size_t nginx_len,
	oojwt_finding *list, size_t *n, size_t *dropped);

/*
 * The nginx configuration of Document Server (nginx/ds.conf,
 * includes/ds-*.conf, or a reverse proxy's server block), read by a
 * small strict tokenizer for nginx syntax: directives end with ';',
 * blocks are { }, '#' starts a comment, "..." and '...' quote (with
 * nginx's escapes), ${var} is not a block. Text outside any server block
 * counts as one more server (a snippet). Collected:
 *
 *   secret       the first `set $secure_link_secret VALUE;` (quotes
 *                removed); secrets_differ when another block sets
 *                another value
 *   listen       every `listen` (address, port: 80 when absent, the
 *                ssl / default_server / http2 flags, line)
 *   certificate, certificate_key   the first ssl_certificate /
 *                ssl_certificate_key
 *   protocols    OOJWT_NGINX_* bits of the first ssl_protocols
 *   includes     how many include directives were not followed
 *
 * Findings: nginx_syntax, nginx_no_secret, default_link_secret,
 * nginx_secret_variable, link_secrets_differ (between blocks),
 * nginx_no_https, nginx_443_plain, nginx_no_certificate,
 * nginx_ssl_directive, nginx_old_tls, nginx_placeholder, nginx_include;
 * paths are "line N".
 */
#define OOJWT_NGINX_SSLV2   0x01
#define OOJWT_NGINX_SSLV3   0x02
#define OOJWT_NGINX_TLSV1   0x04
#define OOJWT_NGINX_TLSV1_1 0x08
#define OOJWT_NGINX_TLSV1_2 0x10
#define OOJWT_NGINX_TLSV1_3 0x20
#define OOJWT_NGINX_TEXT    512
#define OOJWT_NGINX_MAX_LISTEN 16

/* "SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3" for a bit. */
const char *oojwt_nginx_protocol_name(unsigned bit);

typedef struct {
	char address[64];        /* "0.0.0.0", "[::]", "*" or "" */
	unsigned port;
	int ssl, default_server, http2;
	int line;
} oojwt_nginx_listen;

typedef struct {
	int has_secret;
	char secret[OOJWT_NGINX_TEXT];
	size_t secret_len;
	int secrets_differ;
	size_t n_listen;
	oojwt_nginx_listen listen[OOJWT_NGINX_MAX_LISTEN];
	int has_certificate, has_certificate_key, has_protocols;
	char certificate[OOJWT_NGINX_TEXT];
	char certificate_key[OOJWT_NGINX_TEXT];
	unsigned protocols;
	size_t includes;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
} oojwt_nginx_config;

/*
 * Read `text` (`len` bytes) into `c` (caller-allocated; it holds the
 * secret: release it with oojwt_nginx_config_free(), which wipes it).
 * Returns OOJWT_OK (syntax errors are findings) or
 * OOJWT_ERR_BAD_ARGUMENT.
 */
int oojwt_nginx_read(oojwt_nginx_config *c, const char *text, size_t len);
void oojwt_nginx_config_free(oojwt_nginx_config *c);

/*
 * Ready-to-run commands.
 *
 * oojwt_commands_build() writes the shell commands that answer the usual
 * "Invalid token" and certificate questions, built from the user's own
 * values, each with where it runs, a one-line explanation, and a stable
 * id with its parameters (so the explanation can be translated):
 *
 *   read_secret          print Document Server's secret.inbox.string
 *                        without its final newline (npm/json of the
 *                        image or package, the tool run-document-server.sh
 *                        uses, piped through tr -d '\n')
 *   check_command        a signed `version` request to the command
 *                        service (/command since 8.2, /coauthoring/
 *                        CommandService.ashx before; a header token of
 *                        {"payload": ...} before 7.1, a body token since),
 *                        to run from the connector's host: the token is
 *                        signed in the shell (openssl) or by oojwt, with
 *                        the secret read from "$JWT_SECRET" (read -rs
 *                        asks for it) unless include_secret
 *   make_certificate     openssl genrsa / req / x509 -req -signkey with
 *                        -extfile subjectAltName=IP:... or DNS:...
 *                        (only with cert_host), files named as the
 *                        Docker image takes them from Data/certs
 *   update_securelink    documentserver-update-securelink.sh
 *   connector_setting    the connector's secret (and, with cert_host on
 *                        a self-signed certificate, its TLS check)
 *                        setting: occ for Nextcloud and ownCloud,
 *                        admin/cli/cfg.php for Moodle
 *
 * Every value is written in single quotes (or bare when it holds only
 * [A-Za-z0-9_./:@%+=,-]); a value with a control character (a newline,
 * NUL, ...) is refused, as are a container name Docker would refuse, a
 * URL that is not http(s)://, a certificate host that is neither an IP
 * address nor a DNS name, and a header name that is not an HTTP token:
 * OOJWT_ERR_BAD_ARGUMENT, with the option's name in `bad_field`.
 */
#define OOJWT_COMMANDS_MAX     6
#define OOJWT_COMMAND_LEN      2048
#define OOJWT_COMMAND_PARAMS   4
#define OOJWT_COMMAND_PARAM    320
#define OOJWT_CMD_READ_SECRET       1
#define OOJWT_CMD_CHECK_COMMAND     2
#define OOJWT_CMD_MAKE_CERTIFICATE  3
#define OOJWT_CMD_UPDATE_SECURELINK 4
#define OOJWT_CMD_CONNECTOR_SETTING 5
#define OOJWT_SIGN_WITH_OPENSSL 0
#define OOJWT_SIGN_WITH_OOJWT   1
/* The user's values: each (pointer, length), NULL when not given.
 * memset to 0 before filling. */
typedef struct {
	const char *container; size_t container_len; /* docker container */
	const char *ds_url; size_t ds_url_len;       /* as the connector reaches it */
	const char *cert_host; size_t cert_host_len; /* IP or DNS name */
	const char *connector; size_t connector_len; /* nextcloud, owncloud, moodle, ... */
	const char *header; size_t header_len;       /* JWT header (Authorization) */
	const unsigned char *secret; size_t secret_len; /* with include_secret */
	int include_secret;  /* 1: write the secret itself into the commands */
	int server_version;  /* oojwt_ds_version_parse(); 0: the newest */
	int sign_with;       /* OOJWT_SIGN_WITH_OPENSSL or _OOJWT */
	int self_signed;     /* 1: the certificate is self-signed */
} oojwt_commands_opts;
typedef struct {
	int id;                          /* OOJWT_CMD_* */
	const char *run_on;              /* "ds_host", "connector_host", "any" */
	char text[OOJWT_COMMAND_LEN];    /* the shell text, lines joined by \n */
	char explanation[OOJWT_MESSAGE_LEN];
	size_t n_params;
	const char *param_names[OOJWT_COMMAND_PARAMS];
	char params[OOJWT_COMMAND_PARAMS][OOJWT_COMMAND_PARAM];
} oojwt_command;
typedef struct {
	size_t n;
	oojwt_command list[OOJWT_COMMANDS_MAX];
	const char *bad_field;           /* the refused option, or NULL */
	char message[OOJWT_MESSAGE_LEN]; /* why it was refused */
} oojwt_commands;

/* Fill `out` (caller-allocated, about 20 KB) from `o`. Returns OOJWT_OK,
 * OOJWT_ERR_BAD_ARGUMENT (bad_field and message say which value and
 * why) or OOJWT_ERR_TOO_LARGE (a value too long for a command). `out`
 * holds the secret only with include_secret: wipe it with
 * oojwt_commands_free(). */
int oojwt_commands_build(oojwt_commands *out, const oojwt_commands_opts *o);
void oojwt_commands_free(oojwt_commands *out);
/* "read_secret", "check_command", ...; NULL for other values. */
const char *oojwt_command_name(int id);

/*
 * TLS certificates.
 *
 * oojwt_cert_inspect() reads one X.509 certificate -- PEM text (the
 * first CERTIFICATE block; other blocks such as a private key are
 * skipped) or DER -- with the strict DER reader of the key code
 * (definite minimal lengths, nothing after an element, the inner and
 * outer signature algorithms equal, UTCTime/GeneralizedTime as DER
 * requires them: seconds present, "Z", no fraction), and describes it:
 *
 *   subject, issuer   the names as text, in certificate order, RFC 4514
 *                     style ("C=US, O=Example, CN=localhost"; multi-valued
 *                     RDNs joined by " + "; `,` `+` `"` `\` `<` `>` `;`
 *                     escaped with a backslash, control bytes as \XX);
 *                     NUL-terminated, owned by `c`
 *   self_issued       1 when issuer and subject are the same bytes
 *   signature_checked 1 when the certificate's signature was checked
 *                     with its own key (self-issued certificates signed
 *                     with RSA PKCS#1 v1.5 or ECDSA over SHA-256/384/512
 *                     with a P-256/384/521 key), 0 when not
 *   self_signed       self_issued, and the signature verifies when it
 *                     was checked
 *   serial            the serial number in upper-case hex without leading
 *                     zeros ("-" first for a negative one)
 *   not_before, not_after  seconds since the epoch; expired is
 *                     now > not_after, not_yet_valid now < not_before
 *   dns, ip           the subjectAltName dNSName and iPAddress entries
 *                     (addresses as text: dotted IPv4, RFC 5952 IPv6)
 *   key_type, key_bits, key_curve  "RSA" / "EC" / "Ed25519" / "Ed448" /
 *                     "RSA-PSS" or the algorithm's dotted OID; the
 *                     modulus size or the curve size; the curve's name
 *   signature_algorithm  OpenSSL's name ("sha256WithRSAEncryption",
 *                     "ecdsa-with-SHA256", ...) or the dotted OID
 *   fingerprint       SHA-256 of the DER
 *   key_matches       -1 when no private key was given, else 1 when its
 *                     public half is the certificate's key
 *   covers_host       -1 when no host was given, else 1 when the
 *                     certificate covers it; covered_by says how
 *                     (OOJWT_CERT_BY_*). Rules (RFC 6125, as OpenSSL's
 *                     X509_check_host/X509_check_ip and Node's TLS do
 *                     them): an IP address matches iPAddress entries
 *                     only; a name matches dNSName entries, ASCII case
 *                     ignored, a trailing dot ignored, "*" only as the
 *                     whole left-most label of a pattern with at least
 *                     two more labels, standing for exactly one label;
 *                     when the certificate has no dNSName at all, the
 *                     last subject CN is used instead (flagged cn_only)
 *   findings          severity, code, message and a fix (a constant
 *                     sentence): cert_expired, cert_not_yet_valid,
 *                     cert_self_signed (what the connector needs: trust
 *                     the certificate, or its "disable certificate
 *                     verification" option, with the risk),
 *                     cert_host_not_covered, cert_key_mismatch,
 *                     cert_weak_key, cert_weak_signature,
 *                     cert_validity_too_long, cert_cn_only,
 *                     cert_bad_self_signature
 *
 * Nothing here builds or validates a chain: a certificate that is not
 * self-signed may still be unknown to the client.
 */
#define OOJWT_CERT_MAX_LEN      ((size_t)1024 * 1024) /* PEM or DER input */
#define OOJWT_CERT_MAX_NAMES    1024  /* subjectAltName entries */
#define OOJWT_CERT_MAX_FINDINGS 16
#define OOJWT_CERT_TEXT_LEN     320

#define OOJWT_CERT_BY_NONE 0
#define OOJWT_CERT_BY_DNS  1  /* a dNSName entry */
#define OOJWT_CERT_BY_IP   2  /* an iPAddress entry */
#define OOJWT_CERT_BY_CN   3  /* the subject CN (no dNSName at all) */

typedef struct {
	int severity;              /* OOJWT_SEVERITY_* */
	int code;
	char message[OOJWT_CERT_TEXT_LEN];
	const char *fix;           /* static text */
	char params[OOJWT_PARAMS_LEN]; /* as in oojwt_issue */
} oojwt_cert_finding;

typedef struct {
	char *subject, *issuer;
	int self_issued, self_signed, signature_checked;
	char serial[132];
	double not_before, not_after;
	int expired, not_yet_valid;
	const char **dns, **ip;
	size_t n_dns, n_ip;
	char key_type[24];
	unsigned key_bits;
	char key_curve[24];
	char signature_algorithm[48];
	unsigned char fingerprint[32];
	int key_matches, covers_host, covered_by;
	size_t n_findings;
	oojwt_cert_finding findings[OOJWT_CERT_MAX_FINDINGS];
	void *mem;                 /* the strings above (internal) */
} oojwt_cert;

/*
 * What to check besides the certificate itself. `key` (key_len bytes)
 * is a private key (PEM PKCS#1, PKCS#8 or SEC1, the same as DER, or a
 * private JWK), NULL when none was given; `host` (host_len bytes) the
 * name or IP address (IPv6 with or without brackets) clients connect
 * to, NULL when none was given; `now` seconds since the epoch.
 */
typedef struct {
	double now;
	const unsigned char *key;
	size_t key_len;
	const char *host;
	size_t host_len;
} oojwt_cert_opts;

/*
 * Inspect `in` (`len` bytes) into the caller's `c`. Returns OOJWT_OK,
 * OOJWT_ERR_BAD_CERT (not a certificate, or not strict DER),
 * OOJWT_ERR_TOO_LARGE (input over OOJWT_CERT_MAX_LEN, more than
 * OOJWT_CERT_MAX_NAMES subjectAltName entries), OOJWT_ERR_BAD_KEY (the
 * private key cannot be read or is not a private key),
 * OOJWT_ERR_BAD_ARGUMENT (NULL pointers, an empty host) or
 * OOJWT_ERR_NO_MEMORY; on error `c` holds nothing and a sentence is
 * written to `msg` (OOJWT_MESSAGE_LEN bytes) when it is not NULL.
 * Private key material is wiped before returning. Free with
 * oojwt_cert_free() (safe on a zeroed struct and twice).
 */
int oojwt_cert_inspect(oojwt_cert *c, const void *in, size_t len,
	const oojwt_cert_opts *opts, char *msg);
/*
 * The same, with the params of the sentence in `msg` written on error to
 * `params` (OOJWT_PARAMS_LEN bytes, NULL: not wanted), a JSON object text
 * as bad_certificate's catalog entry words it: {"reason":"der","part":..}
 * (the part of the DER that is broken), "pem" (with "pem", "label",
 * "detail"), "empty", "size" and "names" (with "limit"), "key" (with
 * "detail"), "memory"; {} for bad arguments. Whatever the code: the
 * diagnosis reports every certificate it cannot read as bad_certificate.
 */
int oojwt_cert_inspect_params(oojwt_cert *c, const void *in, size_t len,
	const oojwt_cert_opts *opts, char *msg, char *params);
void oojwt_cert_free(oojwt_cert *c);
/* "dns", "ip", "cn" for OOJWT_CERT_BY_*, NULL otherwise. */
const char *oojwt_cert_by_name(int by);

#ifdef __cplusplus
}
#endif

#endif
