/*
 * Secure download links: the URLs Document Server signs for nginx's
 * secure_link module (storage-fs getSignedUrl; ds-docservice.conf).
 * oojwt_link_inspect() answers what nginx answers for a link and, when
 * the signature fails, which form of the path or of the secret it was
 * made with; oojwt_link_sign() makes one; oojwt_link_secrets_compare()
 * compares the two sides' secrets. nginx's own parsing is in
 * nginx_request.c.
 */
#include <stdlib.h>
#include <string.h>
#include "bearssl_hash.h"
#include "inner.h"
#include "deploy.h"

static const char *const path_names[OOJWT_LINK_PATHS] = {
	"as-sent", "not-normalized", "decoded-twice", "proxy-decoded",
	"not-decoded"
};

const char *
oojwt_link_path_name(int v)
{
	return v >= 0 && v < OOJWT_LINK_PATHS ? path_names[v] : NULL;
}

const char *
oojwt_link_secret_name(int v)
{
	if (v == OOJWT_LINK_SECRET_DEFAULT) {
		return "default-link-secret";
	}
	return v >= 0 && v < OOJWT_LINK_SECRET_DEFAULT
		? oojwt_secret_variant_name(v) : NULL;
}

/* A finding; `params` a JSON object text (NULL: {}). */
static void
add(oojwt_link_report *r, int severity, int code, const char *path,
	const char *message, const char *fix, const char *params)
{
	(void)oojwt_finding_addp(r->findings, &r->n_findings, &r->dropped,
		severity, code, path, message, fix, params);
}

/* MD5(expires + path + secret) into out (16 bytes); the context and
 * BearSSL's stack copies of the last block are wiped (they hold the
 * secret's bytes). */
static void
md5_link(unsigned char out[16], const char *e, size_t elen, const char *p,
	size_t plen, const unsigned char *s, size_t slen)
{
	br_md5_context mc;

	br_md5_init(&mc);
	br_md5_update(&mc, e, elen);
	br_md5_update(&mc, p, plen);
	br_md5_update(&mc, s, slen);
	br_md5_out(&mc, out);
	oojwt_wipe(&mc, sizeof mc);
	oojwt_wipe_stack();
}

void
oojwt_link_md5(char out[23], const char *expires, size_t elen,
	const char *path, size_t plen, const unsigned char *secret,
	size_t secret_len)
{
	unsigned char h[16];

	md5_link(h, expires, elen, path, plen, secret, secret_len);
	oojwt_b64url_encode(out, h, 16);
	out[22] = 0;
	oojwt_wipe(h, sizeof h);
}

/* ---- the URL ------------------------------------------------------------ */

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

static int
span_is(const char *u, const oojwt_span *s, const char *word)
{
	size_t i, n = strlen(word);

	if (s->len != n) {
		return 0;
	}
	for (i = 0; i < n && lower((unsigned char)u[s->off + i]) == word[i]; i++) {
	}
	return i == n;
}

static int
host_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		|| (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
		|| c == '~' || c == '%';
}

static void
set_span(oojwt_span *s, size_t off, size_t end)
{
	s->off = off;
	s->len = end - off;
	s->present = 1;
}

/* Read scheme://host[:port]path?query#fragment or /path?query into r's
 * spans; 0 with a sentence in `why` and its params in `pp` (reason: which
 * sentence) when it is not such a URL. */
static int
parse_url(oojwt_link_report *r, const char *u, size_t i, size_t end,
	char *why, oojwt_params *pp)
{
	size_t k, a;

	for (k = i; k < end; k++) {
		unsigned char c = (unsigned char)u[k];
		if (c <= 0x20 || c == 0x7f) {
			oojwt_params_str(pp, "reason", c == ' ' ? "space" : "control",
				c == ' ' ? 5 : 7);
			oojwt_fmtp(why, OOJWT_MESSAGE_LEN, pp, ",offset,", "the URL "
				"contains %s at offset %z: a browser sends it as %%%s, a "
				"Document Server link never contains one", c == ' '
				? "a space" : "a control character", k - i, c == ' ' ? "20"
				: "XX");
			return 0;
		}
	}
	if (i < end && u[i] == '/') {
		r->is_url = 0;
	} else {
		for (k = i; k < end && ((u[k] >= 'a' && u[k] <= 'z')
			|| (u[k] >= 'A' && u[k] <= 'Z')); k++)
		{
		}
		set_span(&r->scheme, i, k);
		if (end - k < 3 || memcmp(u + k, "://", 3) != 0
			|| !(span_is(u, &r->scheme, "http")
				|| span_is(u, &r->scheme, "https")))
		{
			oojwt_params_str(pp, "reason", "scheme", 6);
			oojwt_fmt(why, OOJWT_MESSAGE_LEN, "not an http(s) URL: a "
				"download link starts with https:// (or, as in an access "
				"log, with its path /cache/files/...)");
			return 0;
		}
		r->is_url = 1;
		a = k + 3;
		k = a;
		if (k < end && u[k] == '[') {
			while (k < end && u[k] != ']') {
				k++;
			}
			if (k == end) {
				oojwt_params_str(pp, "reason", "ipv6", 4);
				oojwt_fmt(why, OOJWT_MESSAGE_LEN, "the IPv6 address of the "
					"host has no closing ]");
				return 0;
			}
			k++;
		} else {
			while (k < end && host_char((unsigned char)u[k])) {
				k++;
			}
		}
		set_span(&r->host, a, k);
		if (k == a) {
			oojwt_params_str(pp, "reason", "no_host", 7);
			oojwt_fmt(why, OOJWT_MESSAGE_LEN, "the URL has no host");
			return 0;
		}
		if (k < end && u[k] == ':') {
			size_t p = ++k;
			unsigned long port = 0;
			while (k < end && u[k] >= '0' && u[k] <= '9' && k - p < 6) {
				port = port * 10 + (unsigned long)(u[k] - '0');
				k++;
			}
			set_span(&r->port, p, k);
			if (k == p || port == 0 || port > 65535) {
				oojwt_params_str(pp, "reason", "port", 4);
				oojwt_fmt(why, OOJWT_MESSAGE_LEN, "the port is not a number "
					"from 1 to 65535");
				return 0;
			}
		}
		if (k < end && u[k] != '/' && u[k] != '?' && u[k] != '#') {
			oojwt_params_str(pp, "reason", u[k] == '@' ? "user" : "after_host",
				u[k] == '@' ? 4 : 10);
			oojwt_fmtp(why, OOJWT_MESSAGE_LEN, pp, "char,", "unexpected '%S' "
				"after the host%s", u + k, (size_t)1, u[k] == '@'
				? " (user:password@ has no place in a download link)" : "");
			return 0;
		}
		i = k;
	}
	for (k = i; k < end && u[k] != '?' && u[k] != '#'; k++) {
	}
	set_span(&r->path, i, k);
	if (k < end && u[k] == '?') {
		size_t q = ++k;
		while (k < end && u[k] != '#') {
			k++;
		}
		set_span(&r->query, q, k);
	}
	return 1;
}

/* Offset (in the path) of the first "/cache/files/", ASCII
 * case-insensitive as nginx's location ~* is; len when none. */
static size_t
find_cache(const char *p, size_t len)
{
	static const char word[] = "/cache/files/";
	size_t i, k, n = sizeof word - 1;

	for (i = 0; i + n <= len; i++) {
		for (k = 0; k < n && lower((unsigned char)p[i + k]) == word[k]; k++) {
		}
		if (k == n) {
			return i;
		}
	}
	return len;
}

/* Does nginx's location ~* ^(\/cache\/files.*)(\/.*) take this $uri? */
static int
cache_location(const char *uri, size_t len)
{
	static const char word[] = "/cache/files";
	size_t k;

	for (k = 0; k < 12 && k < len && lower((unsigned char)uri[k]) == word[k];
		k++)
	{
	}
	if (k < 12) {
		return 0;
	}
	while (k < len && uri[k] != '/') {
		k++;
	}
	return k < len;
}

/* ---- inspection --------------------------------------------------------- */

typedef struct {
	char *text;
	size_t len;
} form;

/* Decode `src` into a new form (`flags` as oojwt_nginx_uri); 0 when it
 * does not decode or memory runs out. */
static int
decode_form(form *f, const char *src, size_t n, int flags)
{
	size_t err;

	f->text = (char *)malloc(n + 1);
	if (f->text == NULL) {
		return 0;
	}
	if (oojwt_nginx_uri(f->text, &f->len, src, n, flags, &err)
		!= OOJWT_OK)
	{
		free(f->text);
		f->text = NULL;
		return 0;
	}
	return 1;
}

static int
same_form(const form *a, const form *b)
{
	return a->text != NULL && b->text != NULL && a->len == b->len
		&& memcmp(a->text, b->text, a->len) == 0;
}

/* 1 when MD5(E + path + key) is the 16 bytes `want` (constant time). */
static int
try_md5(const unsigned char want[16], const char *e, size_t elen,
	const form *f, const unsigned char *key, size_t klen)
{
	unsigned char h[16];
	int ok;

	md5_link(h, e, elen, f->text, f->len, key, klen);
	ok = oojwt_ct_equal(h, want, 16);
	oojwt_wipe(h, sizeof h);
	OOJWT_DECLASSIFY(&ok, sizeof ok);
	return ok;
}

static const char *const path_story[OOJWT_LINK_PATHS] = {
	"",
	"the decoded path before nginx merges slashes and resolves . and ..: "
		"the path has // or a dot segment that nginx removes before it "
		"checks",
	"the path decoded twice: the URL was percent-encoded once more on its "
		"way (a proxy or an application re-encoded %XX as %25XX), so nginx "
		"sees a different path than the one signed",
	"the path with %2f kept: a proxy in front of nginx decoded the path "
		"once, so a / of the file name (%252f) arrived as %2f, which nginx "
		"reads as a slash",
	("the path as written, not decoded: the signer hashed the "
		"percent-encoded path (an old Document Server or a custom signer)")
};

static const char *const secret_story[OOJWT_LINK_SECRETS] = {
	"",
	"the secret without its surrounding whitespace",
	"the secret plus a trailing newline (read from a file or an echo)",
	"the secret without its trailing newline",
	"the secret wrapped in quotes (quotes kept as part of the value)",
	"the secret without the quotes you pasted",
	"the shipped default \"" OOJWT_LINK_DEFAULT_SECRET "\": one side still "
		"uses it"
};

/* Try the other forms of the path and of the secret; the first pair that
 * verifies goes to r->path_variant / r->secret_variant. */
static void
try_variants(oojwt_link_report *r, const unsigned char want[16],
	const char *e, size_t elen, form *forms, const unsigned char *secret,
	size_t secret_len)
{
	unsigned char *buf = (unsigned char *)malloc(secret_len + 18);
	size_t klen;
	int pv, sv, k;

	if (buf == NULL) {
		return;
	}
	for (pv = 0; pv < OOJWT_LINK_PATHS; pv++) {
		if (forms[pv].text == NULL) {
			continue;
		}
		for (sv = 0; sv < OOJWT_LINK_SECRETS; sv++) {
			for (k = 0; k < 2; k++) {
				int ok;
				if (sv == OOJWT_LINK_SECRET_DEFAULT) {
					if (k != 0 || (secret_len == 16 && memcmp(secret,
						OOJWT_LINK_DEFAULT_SECRET, 16) == 0))
					{
						continue;
					}
					memcpy(buf, OOJWT_LINK_DEFAULT_SECRET, 16);
					klen = 16;
				} else if (!oojwt_secret_variant(sv, k, secret, secret_len,
					buf, &klen) || (pv == 0 && sv == 0))
				{
					continue;
				}
				ok = try_md5(want, e, elen, &forms[pv], buf, klen);
				oojwt_wipe(buf, secret_len + 18);
				if (ok) {
					r->path_variant = pv;
					r->secret_variant = sv;
					free(buf);
					return;
				}
			}
		}
	}
	free(buf);
}

static void
variant_findings(oojwt_link_report *r)
{
	char msg[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;

	if (r->path_variant > 0) {
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_str(&p, "form", oojwt_link_path_name(r->path_variant),
			strlen(oojwt_link_path_name(r->path_variant)));
		oojwt_fmt(msg, sizeof msg, "the signature matches %s",
			path_story[r->path_variant]);
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_REENCODED, "path", msg,
			r->path_variant == OOJWT_LINK_PATH_NOT_NORMALIZED
			? "avoid // and . segments in storage paths, or sign the path "
			"nginx sees" : r->path_variant == OOJWT_LINK_PATH_NOT_DECODED
			? "sign decodeURIComponent(path), as storage-fs does: nginx "
			"checks the decoded $uri" : "pass the URL through unchanged "
			"(nginx: proxy_pass without a URI part; Apache: ProxyPass ... "
			"nocanon and AllowEncodedSlashes NoDecode)", pbuf);
	}
	if (r->secret_variant > 0) {
		const char *name = oojwt_link_secret_name(r->secret_variant);
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_str(&p, "source", "link", 4);
		oojwt_params_str(&p, "variant", name, strlen(name));
		oojwt_fmt(msg, sizeof msg, "the signature matches %s, not the "
			"secret as given", secret_story[r->secret_variant]);
		add(r, OOJWT_SEVERITY_ERROR, r->secret_variant
			== OOJWT_LINK_SECRET_DEFAULT ? OOJWT_FIND_LINK_DEFAULT_SECRET
			: OOJWT_FIND_LINK_SECRET_VARIANT, "secret", msg,
			"give storage.fs.secretString (local.json) and set "
			"$secure_link_secret (nginx ds.conf) the same value, e.g. with "
			"documentserver-update-securelink.sh", pbuf);
	}
}

/* The arguments: md5, expires, filename. 1 when both md5 and expires
 * are usable (want and *expires filled). */
static int
read_args(oojwt_link_report *r, const char *u, unsigned char want[16])
{
	const char *q = u + r->query.off;
	size_t nq = r->query.present ? r->query.len : 0, nmd5, nexp;
	char msg[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	long long e = -1;
	int md5_ok = 0;

	nmd5 = oojwt_nginx_arg(q, nq, "md5", &r->md5);
	nexp = oojwt_nginx_arg(q, nq, "expires", &r->expires_arg);
	oojwt_nginx_arg(q, nq, "filename", &r->filename);
	r->md5.off += r->query.off;
	r->expires_arg.off += r->query.off;
	r->filename.off += r->query.off;
	if (nmd5 > 1 || nexp > 1) {
		add(r, OOJWT_SEVERITY_WARNING, OOJWT_FIND_LINK_DUPLICATE_ARG,
			nmd5 > 1 ? "md5" : "expires", "the argument appears more than "
			"once: nginx checks the first one (a proxy or an application "
			"appended another)", "remove the extra arguments", NULL);
	}
	if (!r->md5.present || r->md5.len == 0) {
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_NO_MD5, "md5",
			"the link has no md5 argument: nginx answers 403",
			"use the link exactly as Document Server gave it, query included",
			NULL);
	} else if (!(md5_ok = oojwt_nginx_md5_arg(want, u + r->md5.off,
		r->md5.len)))
	{
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(msg, sizeof msg, &p, "md5", "md5 is \"%S\": nginx wants "
			"22 base64url "
			"characters (16 bytes), so it answers 403",
			u + r->md5.off, r->md5.len > 40 ? (size_t)40 : r->md5.len);
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_BAD_MD5, "md5", msg,
			"the link was cut or re-encoded: use it exactly as Document "
			"Server gave it", pbuf);
	}
	if (!r->expires_arg.present || r->expires_arg.len == 0) {
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_NO_EXPIRES, "expires",
			"the link has no expires argument: nginx answers 403",
			"use the link exactly as Document Server gave it, query included",
			NULL);
	} else if ((e = oojwt_nginx_atotm(u + r->expires_arg.off,
		r->expires_arg.len)) <= 0)
	{
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(msg, sizeof msg, &p, "expires", "expires is \"%S\": nginx "
			"wants a "
			"positive whole number of seconds (digits only), so it answers "
			"403", u + r->expires_arg.off, r->expires_arg.len > 40
			? (size_t)40 : r->expires_arg.len);
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_BAD_EXPIRES, "expires",
			msg, "use the link exactly as Document Server gave it", pbuf);
	} else {
		r->has_expires_value = 1;
		r->expires = (double)e;
	}
	if (!r->filename.present) {
		add(r, OOJWT_SEVERITY_INFO, OOJWT_FIND_LINK_NO_FILENAME, "filename",
			"no filename argument: the download works, but nginx's "
			"Content-Disposition names no file (Document Server always adds "
			"it)", "keep the filename argument Document Server added", NULL);
	}
	return md5_ok && r->has_expires_value;
}

/* The verdict: nginx's status, the sentence and its code and params (a
 * JSON object text, NULL: {}). */
static void
verdict(oojwt_link_report *r, int status, int code, const char *params,
	const char *message)
{
	r->status = status;
	r->ok = status == 200;
	r->code = code;
	oojwt_fmt(r->params, sizeof r->params, "%s", params != NULL
		&& strlen(params) < sizeof r->params ? params : "{}");
	oojwt_fmt(r->message, sizeof r->message, "%s", message);
}

int
oojwt_link_inspect(oojwt_link_report *r, const char *url, size_t len,
	const unsigned char *secret, size_t secret_len, double now)
{
	form forms[OOJWT_LINK_PATHS];
	unsigned char want[16];
	char why[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	size_t i = 0, end = len, cache, err;
	const char *rest;
	size_t rest_len;
	int args_ok, pv;

	if (r == NULL || (url == NULL && len != 0)
		|| (secret == NULL && secret_len != 0)
		|| !(now >= -9e15 && now <= 9e15))
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(r, 0, sizeof *r);
	memset(forms, 0, sizeof forms);
	r->path_variant = r->secret_variant = -1;
	while (i < end && (url[i] == ' ' || url[i] == '\t' || url[i] == '\n'
		|| url[i] == '\r'))
	{
		i++;
	}
	while (end > i && (url[end - 1] == ' ' || url[end - 1] == '\t'
		|| url[end - 1] == '\n' || url[end - 1] == '\r'))
	{
		end--;
	}
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	if (i == end || !parse_url(r, url, i, end, why, &p)) {
		if (i == end) {
			oojwt_params_str(&p, "reason", "no_url", 6);
			oojwt_fmt(why, sizeof why, "no URL given");
		}
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_BAD_URL, "url", why,
			"paste the whole download link, https:// to the last argument",
			pbuf);
		verdict(r, 0, OOJWT_FIND_LINK_BAD_URL, pbuf, why);
		return OOJWT_OK;
	}
	cache = find_cache(url + r->path.off, r->path.len);
	if (cache == r->path.len) {
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_NOT_CACHE, "path",
			"the path has no /cache/files/: this is not a link nginx checks "
			"with secure_link (Document Server's signed links are "
			"/cache/files/<key>/<file>/<name>)",
			"paste the download link the editor or the converter returned",
			"{\"reason\":\"no_cache\"}");
		verdict(r, 0, OOJWT_SAY_LINK_NOT_DOWNLOAD,
			"{\"reason\":\"no_cache\"}", "not a Document Server download "
			"link (no /cache/files/ in the path)");
		return OOJWT_OK;
	}
	r->prefix.off = r->path.off;
	r->prefix.len = cache;
	r->prefix.present = cache > 0;
	if (cache > 0) {
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(why, sizeof why, &p, "prefix", "the path starts with %S "
			"before "
			"/cache/files/: the reverse proxy in front of Document Server "
			"must strip it, since nginx checks the path from /cache/files on",
			url + r->path.off, cache > 60 ? (size_t)60 : cache);
		add(r, OOJWT_SEVERITY_INFO, OOJWT_FIND_LINK_PREFIX, "path", why,
			"nothing if downloads work; else make the proxy pass "
			"/prefix/cache/... to Document Server as /cache/...", pbuf);
	}
	rest = url + r->path.off + cache;
	rest_len = r->path.len - cache;
	args_ok = read_args(r, url, want);
	r->signed_path = (char *)malloc(rest_len + 1);
	if (r->signed_path == NULL) {
		oojwt_link_report_free(r);
		return OOJWT_ERR_NO_MEMORY;
	}
	if (oojwt_nginx_uri(r->signed_path, &r->signed_path_len, rest, rest_len,
		OOJWT_URI_NORMALIZE, &err) != OOJWT_OK)
	{
		free(r->signed_path);
		r->signed_path = NULL;
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_str(&p, "reason", "refused", 7);
		oojwt_fmtp(why, sizeof why, &p, "offset", "nginx refuses the path "
			"with 400 Bad Request: a %% not followed by two hex digits, %%00, "
			"or .. above the root (at offset %z of /cache/files...)", err);
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_BAD_PATH, "path", why,
			"the link was damaged on its way: use it exactly as Document "
			"Server gave it", pbuf);
		verdict(r, 400, OOJWT_FIND_LINK_BAD_PATH, pbuf, why);
		return OOJWT_OK;
	}
	if (!cache_location(r->signed_path, r->signed_path_len)) {
		add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_NOT_CACHE, "path",
			"once nginx resolves . and .. the path leaves /cache/files/: "
			"nginx does not serve it as a download link", "use the link "
			"exactly as Document Server gave it", "{\"reason\":\"leaves\"}");
		verdict(r, 0, OOJWT_SAY_LINK_NOT_DOWNLOAD,
			"{\"reason\":\"leaves\"}", "the path leaves /cache/files/ once "
			"nginx resolves it");
		return OOJWT_OK;
	}
	if (r->has_expires_value) {
		/* ngx_time() is whole seconds. */
		double whole = (double)(long long)now;
		if (whole > now) {
			whole -= 1;
		}
		r->expired = r->expires < whole;
	}
	if (!args_ok) {
		verdict(r, 403, OOJWT_SAY_LINK_FORBIDDEN,
			"{\"reason\":\"args\"}", "403 Forbidden: the md5 or expires "
			"argument is missing or unreadable, so nginx's secure_link check "
			"fails");
		return OOJWT_OK;
	}
	if (secret == NULL) {
		verdict(r, 0, OOJWT_SAY_LINK_UNCHECKED, r->expired
			? "{\"expired\":\"yes\"}" : "{\"expired\":\"no\"}", r->expired
			? "no secret given: the signature is not checked; the link has "
			"expired, so nginx answers 410 if the signature is right and 403 "
			"otherwise" : "no secret given: the signature is not checked "
			"(give $secure_link_secret or storage.fs.secretString)");
		return OOJWT_OK;
	}
	r->checked = 1;
	forms[0].text = r->signed_path;
	forms[0].len = r->signed_path_len;
	oojwt_link_md5(r->expected_md5, url + r->expires_arg.off,
		r->expires_arg.len, forms[0].text, forms[0].len, secret, secret_len);
	r->has_expected = 1;
	if (try_md5(want, url + r->expires_arg.off, r->expires_arg.len,
		&forms[0], secret, secret_len))
	{
		r->path_variant = r->secret_variant = 0;
		if (r->expired) {
			add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_EXPIRED, "expires",
				"the signature is right but the link has expired: nginx "
				"answers 410 Gone", "ask Document Server for a new link "
				"(storage.fs.urlExpires sets how long links live; check "
				"the clocks of both machines)", NULL);
			verdict(r, 410, OOJWT_SAY_LINK_GONE, NULL, "410 Gone: the "
				"signature is right, but the link has expired");
		} else {
			verdict(r, 200, OOJWT_SAY_LINK_SERVES, NULL, "200: nginx "
				"accepts the signature and the link has not expired");
		}
		return OOJWT_OK;
	}
	decode_form(&forms[OOJWT_LINK_PATH_NOT_NORMALIZED], rest, rest_len, 0);
	decode_form(&forms[OOJWT_LINK_PATH_DECODED_TWICE], forms[0].text,
		forms[0].len, 0);
	decode_form(&forms[OOJWT_LINK_PATH_PROXY_DECODED], rest, rest_len,
		OOJWT_URI_KEEP_SLASH);
	forms[OOJWT_LINK_PATH_NOT_DECODED].text = (char *)malloc(rest_len + 1);
	if (forms[OOJWT_LINK_PATH_NOT_DECODED].text != NULL) {
		memcpy(forms[OOJWT_LINK_PATH_NOT_DECODED].text, rest, rest_len);
		forms[OOJWT_LINK_PATH_NOT_DECODED].text[rest_len] = 0;
		forms[OOJWT_LINK_PATH_NOT_DECODED].len = rest_len;
	}
	for (pv = 1; pv < OOJWT_LINK_PATHS; pv++) {
		int k;
		for (k = 0; k < pv && forms[pv].text != NULL; k++) {
			if (same_form(&forms[k], &forms[pv])) {
				free(forms[pv].text);
				forms[pv].text = NULL;
			}
		}
	}
	try_variants(r, want, url + r->expires_arg.off, r->expires_arg.len,
		forms, secret, secret_len);
	for (pv = 1; pv < OOJWT_LINK_PATHS; pv++) {
		free(forms[pv].text);
	}
	add(r, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_MISMATCH, "md5",
		r->path_variant >= 0 ? "the md5 does not match this path with this "
		"secret: nginx answers 403 Forbidden (see the next finding for why)"
		: "the md5 matches no form of this path with this secret or its "
		"variants: nginx answers 403; the link was signed with another "
		"secret, or its path or expires was changed",
		"make storage.fs.secretString (local.json) and $secure_link_secret "
		"(nginx) equal, then ask Document Server for a new link",
		r->path_variant >= 0 ? "{\"explained\":\"yes\"}"
		: "{\"explained\":\"no\"}");
	variant_findings(r);
	verdict(r, 403, OOJWT_SAY_LINK_FORBIDDEN,
		"{\"reason\":\"mismatch\"}", "403 Forbidden: the md5 does not "
		"match the path and expires with this secret");
	return OOJWT_OK;
}

void
oojwt_link_report_free(oojwt_link_report *r)
{
	if (r == NULL) {
		return;
	}
	free(r->signed_path);
	r->signed_path = NULL;
	r->signed_path_len = 0;
}

/* ---- signing ------------------------------------------------------------ */

/* encodeURIComponent of `n` bytes of UTF-8, after writing '/' as %2f
 * (storage-fs does both); 0 when the bytes are not UTF-8. */
static int
put_component(oojwt_sb *sb, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k = oojwt_utf8_len((const unsigned char *)s + i, n - i);
		if (k == 0) {
			return 0;
		}
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
			|| (c >= '0' && c <= '9') || strchr("-_.!~*'()", c) != NULL)
		{
			oojwt_sb_put(sb, s + i, 1);
		} else if (c == '/') {
			oojwt_sb_puts(sb, "%252f");
		} else {
			size_t j;
			for (j = 0; j < k; j++) {
				char esc[3];
				unsigned char b = (unsigned char)s[i + j];
				esc[0] = '%';
				esc[1] = hex[b >> 4];
				esc[2] = hex[b & 15];
				oojwt_sb_put(sb, esc, 3);
			}
		}
		i += k;
	}
	return 1;
}

/* The error of oojwt_link_sign: `params` a JSON object text (NULL: {}). */
static int
sign_fail(oojwt_issue *err, int code, const char *msg, const char *params)
{
	if (err != NULL) {
		err->code = code;
		err->pos = -1;
		oojwt_fmt(err->message, sizeof err->message, "%s", msg);
		oojwt_fmt(err->params, sizeof err->params, "%s", params != NULL
			&& strlen(params) < sizeof err->params ? params : "{}");
	}
	return code;
}

/* The other arguments of a query (not md5/expires), each after '&'. */
static void
put_other_args(oojwt_sb *sb, const char *q, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t e = i;
		oojwt_span v;
		while (e < n && q[e] != '&') {
			e++;
		}
		if (e > i && oojwt_nginx_arg(q + i, e - i, "md5", &v) == 0
			&& oojwt_nginx_arg(q + i, e - i, "expires", &v) == 0)
		{
			oojwt_sb_puts(sb, "&");
			oojwt_sb_put(sb, q + i, e - i);
		}
		i = e + 1;
	}
}

int
oojwt_link_sign(char **out, size_t *out_len, const char *url,
	size_t len, const char *path, size_t path_len, const char *filename,
	size_t filename_len, const unsigned char *secret, size_t secret_len,
	double expires, oojwt_issue *err)
{
	oojwt_link_report r;
	oojwt_sb sb, uri;
	char why[OOJWT_MESSAGE_LEN], e[24], md5[23], *signed_path;
	char pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	size_t elen, slen, cache, ep, k;
	const char *base_end;

	if (out == NULL || out_len == NULL || (url == NULL && len != 0)
		|| (secret == NULL && secret_len != 0)
		|| (path == NULL && path_len != 0)
		|| (filename == NULL && filename_len != 0))
	{
		return sign_fail(err, OOJWT_ERR_BAD_ARGUMENT, "invalid arguments", NULL);
	}
	*out = NULL;
	*out_len = 0;
	if (!(expires >= 1 && expires <= 1e15 && expires == (double)(long long)
		expires))
	{
		return sign_fail(err, OOJWT_ERR_BAD_ARGUMENT, "expires must be a "
			"whole number of seconds since 1970, from 1 to 1e15", NULL);
	}
	oojwt_fmt(e, sizeof e, "%t", expires);
	elen = strlen(e);
	memset(&r, 0, sizeof r);
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	if (len == 0 || !parse_url(&r, url, 0, len, why, &p)) {
		return sign_fail(err, OOJWT_FIND_LINK_BAD_URL, len == 0
			? "no URL given" : why, len == 0 ? "{\"reason\":\"no_url\"}"
			: pbuf);
	}
	memset(&uri, 0, sizeof uri);
	if (path != NULL) {
		/* The base: scheme://host[:port][/prefix], no query. */
		if (r.query.present || !r.is_url) {
			return sign_fail(err, OOJWT_FIND_LINK_BAD_URL, "the base must be "
				"scheme://host[:port][/prefix] without a query",
				"{\"reason\":\"base\"}");
		}
		for (k = path_len; k > 0 && path[k - 1] != '/'; k--) {
		}
		oojwt_sb_puts(&uri, "/cache/files/");
		oojwt_sb_put(&uri, path, path_len);
		oojwt_sb_puts(&uri, "/");
		if (filename != NULL) {
			if (!put_component(&uri, filename, filename_len)) {
				free(uri.buf);
				return sign_fail(err, OOJWT_ERR_BAD_ARGUMENT, "the file name "
					"is not UTF-8", NULL);
			}
		} else {
			oojwt_sb_put(&uri, path + k, path_len - k);
		}
		if (uri.failed) {
			free(uri.buf);
			return sign_fail(err, OOJWT_ERR_NO_MEMORY, "out of memory", NULL);
		}
		cache = 0;
	} else {
		cache = find_cache(url + r.path.off, r.path.len);
		if (cache == r.path.len) {
			return sign_fail(err, OOJWT_FIND_LINK_NOT_CACHE, "the path has no "
				"/cache/files/: nginx checks secure links only there",
				"{\"reason\":\"sign\"}");
		}
		oojwt_sb_put(&uri, url + r.path.off + cache, r.path.len - cache);
		if (uri.failed) {
			free(uri.buf);
			return sign_fail(err, OOJWT_ERR_NO_MEMORY, "out of memory", NULL);
		}
	}
	signed_path = (char *)malloc(uri.len + 1);
	if (signed_path == NULL) {
		free(uri.buf);
		return sign_fail(err, OOJWT_ERR_NO_MEMORY, "out of memory", NULL);
	}
	if (oojwt_nginx_uri(signed_path, &slen, uri.buf, uri.len,
		OOJWT_URI_NORMALIZE, &ep)
		!= OOJWT_OK || !cache_location(signed_path, slen))
	{
		free(signed_path);
		free(uri.buf);
		return sign_fail(err, OOJWT_FIND_LINK_BAD_PATH, "nginx would not "
			"check this path (a bad %-escape, %00, or .. leaving "
			"/cache/files/)", "{\"reason\":\"sign\"}");
	}
	oojwt_link_md5(md5, e, elen, signed_path, slen, secret, secret_len);
	/* The md5 argument is what the link publishes. */
	OOJWT_DECLASSIFY(md5, sizeof md5);
	free(signed_path);
	memset(&sb, 0, sizeof sb);
	if (path != NULL) {
		base_end = url + r.path.off + r.path.len;
		while (base_end > url && base_end[-1] == '/') {
			base_end--;
		}
		oojwt_sb_put(&sb, url, (size_t)(base_end - url));
		oojwt_sb_put(&sb, uri.buf, uri.len);
	} else {
		oojwt_sb_put(&sb, url, r.path.off + r.path.len);
	}
	oojwt_sb_puts(&sb, "?md5=");
	oojwt_sb_puts(&sb, md5);
	oojwt_sb_puts(&sb, "&expires=");
	oojwt_sb_puts(&sb, e);
	if (path != NULL) {
		oojwt_sb_puts(&sb, "&filename=");
		oojwt_sb_put(&sb, uri.buf + 14 + path_len, uri.len - 14 - path_len);
	} else if (r.query.present) {
		put_other_args(&sb, url + r.query.off, r.query.len);
	}
	free(uri.buf);
	if (sb.failed) {
		free(sb.buf);
		return sign_fail(err, OOJWT_ERR_NO_MEMORY, "out of memory", NULL);
	}
	*out = sb.buf;
	*out_len = sb.len;
	return OOJWT_OK;
}

/* ---- the two sides' secrets --------------------------------------------- */

int
oojwt_link_secrets_compare(const unsigned char *storage,
	size_t storage_len, const unsigned char *nginx, size_t nginx_len,
	oojwt_finding *list, size_t *n, size_t *dropped)
{
	unsigned char *buf;
	char msg[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	size_t klen;
	int equal, v, k, found = -1;

	equal = storage_len == nginx_len && oojwt_ct_equal(storage, nginx,
		storage_len);
	OOJWT_DECLASSIFY(&equal, sizeof equal);
	if (equal) {
		if (storage_len == 16 && memcmp(storage, OOJWT_LINK_DEFAULT_SECRET,
			16) == 0)
		{
			(void)oojwt_finding_addp(list, n, dropped,
				OOJWT_SEVERITY_WARNING, OOJWT_FIND_LINK_DEFAULT_SECRET,
				"secureLinkSecret",
				"both sides use the shipped default secret \""
				OOJWT_LINK_DEFAULT_SECRET "\": anyone who knows a file's "
				"path can make a download link for it",
				"run documentserver-update-securelink.sh (it sets a random "
				"secret on both sides)", "{\"source\":\"both\"}");
		}
		return 1;
	}
	buf = (unsigned char *)malloc(nginx_len + 18);
	for (v = 1; buf != NULL && v < OOJWT_LINK_SECRET_DEFAULT && found < 0;
		v++)
	{
		for (k = 0; k < 2 && found < 0; k++) {
			int same;
			if (!oojwt_secret_variant(v, k, nginx, nginx_len, buf, &klen)) {
				continue;
			}
			same = klen == storage_len && oojwt_ct_equal(buf, storage, klen);
			OOJWT_DECLASSIFY(&same, sizeof same);
			oojwt_wipe(buf, nginx_len + 18);
			if (same) {
				found = v;
			}
		}
	}
	free(buf);
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	oojwt_params_str(&p, "source", "compare", 7);
	oojwt_params_str(&p, "difference", found > 0
		? oojwt_secret_variant_name(found) : "none", found > 0
		? strlen(oojwt_secret_variant_name(found)) : 4);
	oojwt_fmtp(msg, sizeof msg, &p, "storageBytes,nginxBytes",
		"Document Server signs download links with storage.fs.secretString "
		"(%z bytes) but nginx checks them with $secure_link_secret (%z "
		"bytes)%s%s: every /cache/files/ download answers 403 (\"Download "
		"failed\")", storage_len, nginx_len, found > 0 ? "; they differ as "
		: "", found > 0 ? oojwt_secret_variant_name(found) : "");
	(void)oojwt_finding_addp(list, n, dropped, OOJWT_SEVERITY_ERROR,
		OOJWT_FIND_LINK_SECRETS_DIFFER, "secureLinkSecret", msg,
		"give both the same value (documentserver-update-securelink.sh "
		"writes both), restart docservice and converter, reload nginx", pbuf);
	return 0;
}
