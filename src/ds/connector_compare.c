/*
 * Connector settings against Document Server's (oojwt_connector_settings_
 * compare): the secret each side signs and verifies with, the header
 * names, the prefix the connector cuts (7 characters whatever they are
 * in the PHP connectors: onlyoffice-nextcloud lib/Controller/
 * CallbackController.php, moodle-mod_onlyofficeeditor callback.php;
 * the configured prefix removed anywhere in onlyoffice-mattermost
 * server/web/controller/callback.go, "Bearer " in download.go), the
 * Mattermost plugin's refusal of Authorization (configuration.go
 * IsValid), and certificate checks against a self-signed certificate.
 * Messages show how secrets differ, never the secrets: invisible
 * characters as ⟦U+XXXX⟧ markers, as web/lib/visible.mjs shows them.
 */
#include <string.h>
#include "inner.h"
#include "ds.h"

/* A character to trim at either end: a Go space, or a zero-width
 * space, joiner or BOM (U+200B-200D, U+FEFF). Its byte length. */
static size_t
edge_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t w = oojwt_cs_space_at(s, n);

	if (w > 0) {
		return w;
	}
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x8B
		&& u[2] <= 0x8D)
	{
		return 3;
	}
	return n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
}

/* [*a, *b) is `s` without edge characters. */
static void
core_of(const char *s, size_t n, size_t *a, size_t *b)
{
	size_t i, w;

	*a = 0;
	while ((w = edge_at(s + *a, n - *a)) > 0) {
		*a += w;
	}
	*b = *a;
	for (i = *a; i < n; i += w) {
		w = edge_at(s + i, n - i);
		if (w == 0) {
			w = 1;
			*b = i + 1;
		}
	}
}

/* `n` bytes as people can read them: printable ASCII but the space as
 * itself, any other character as ⟦U+XXXX⟧ (a byte that is not UTF-8 as
 * ⟦0xNN⟧); at most 10 characters, then "...". */
static void
visible(char *out, size_t cap, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, count = 0;

	while (i < n && o + 16 < cap) {
		size_t w = oojwt_utf8_len(u + i, n - i);
		unsigned long c = u[i];
		if (count++ == 10) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (c > 0x20 && c < 0x7F) {
			out[o++] = (char)c;
			i++;
			continue;
		}
		memcpy(out + o, "\xE2\x9F\xA6", 3); /* ⟦ */
		o += 3;
		if (w == 0) {
			out[o++] = '0';
			out[o++] = 'x';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
			w = 1;
		} else {
			int sh;
			if (w > 1) {
				c = u[i] & (0xFFu >> (w + 1));
				for (sh = 1; sh < (int)w; sh++) {
					c = (c << 6) | (u[i + (size_t)sh] & 0x3Fu);
				}
			}
			out[o++] = 'U';
			out[o++] = '+';
			for (sh = c > 0xFFFF ? 20 : 12; sh >= 0; sh -= 4) {
				out[o++] = hex[(c >> sh) & 15];
			}
		}
		memcpy(out + o, "\xE2\x9F\xA7", 3); /* ⟧ */
		o += 3;
		i += w;
	}
	out[o] = 0;
}

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* What the whitespace at the ends of one side is, as a clause; its params
 * (`side` "c" or "d"): <side>Ends both, start, end or none, <side>Lead,
 * <side>Trail. */
static void
ends_clause(char *out, size_t cap, const char *who, const char *s,
	size_t n, size_t a, size_t b, oojwt_params *p, const char *side)
{
	char lead[200], trail[200], name[8];
	const char *ends = a > 0 && b < n ? "both" : a > 0 ? "start"
		: b < n ? "end" : "none";

	visible(lead, sizeof lead, s, a);
	visible(trail, sizeof trail, s + b, n - b);
	oojwt_fmt(name, sizeof name, "%sEnds", side);
	oojwt_params_str(p, name, ends, strlen(ends));
	oojwt_fmt(name, sizeof name, "%sLead", side);
	oojwt_params_str(p, name, lead, strlen(lead));
	oojwt_fmt(name, sizeof name, "%sTrail", side);
	oojwt_params_str(p, name, trail, strlen(trail));
	if (a > 0 && b < n) {
		oojwt_fmt(out, cap, "%s has %s at the start and %s at the end", who,
			lead, trail);
	} else if (a > 0) {
		oojwt_fmt(out, cap, "%s has %s at the start", who, lead);
	} else if (b < n) {
		oojwt_fmt(out, cap, "%s has %s at the end", who, trail);
	} else {
		out[0] = 0;
	}
}

/* How the connector's secret `c` differs from Document Server's `d`,
 * as a sentence in `out`, and its params in `p` (kind: which sentence). */
static void
describe(char *out, size_t cap, const char *c, size_t cn, const char *d,
	size_t dn, oojwt_params *p)
{
	size_t ca, cb, da, db, i;

	core_of(c, cn, &ca, &cb);
	core_of(d, dn, &da, &db);
	if (cb - ca == db - da && memcmp(c + ca, d + da, cb - ca) == 0) {
		char one[320], two[320];
		ends_clause(one, sizeof one, "the connector's secret", c, cn, ca, cb,
			p, "c");
		ends_clause(two, sizeof two, "Document Server's", d, dn, da, db, p,
			"d");
		oojwt_params_str(p, "kind", "whitespace", 10);
		oojwt_params_str(p, "sep", one[0] != 0 && two[0] != 0 ? "yes" : "no",
			one[0] != 0 && two[0] != 0 ? 3 : 2);
		oojwt_fmt(out, cap, "they differ only in whitespace around them: "
			"%s%s%s", one, one[0] != 0 && two[0] != 0 ? "; " : "", two);
		return;
	}
	if (cn == dn + 2 && (c[0] == '"' || c[0] == '\'') && c[cn - 1] == c[0]
		&& memcmp(c + 1, d, dn) == 0)
	{
		oojwt_params_str(p, "kind", "connector_quoted", 16);
		oojwt_fmtp(out, cap, p, "quote", "the connector's secret is Document "
			"Server's wrapped in %s quotes", c[0] == '"' ? "double" : "single");
		return;
	}
	if (dn == cn + 2 && (d[0] == '"' || d[0] == '\'') && d[dn - 1] == d[0]
		&& memcmp(d + 1, c, cn) == 0)
	{
		oojwt_params_str(p, "kind", "ds_quoted", 9);
		oojwt_fmtp(out, cap, p, "quote", "Document Server's secret is the "
			"connector's wrapped in %s quotes", d[0] == '"' ? "double"
			: "single");
		return;
	}
	if (cn == dn) {
		for (i = 0; i < cn && ascii_lower((unsigned char)c[i])
			== ascii_lower((unsigned char)d[i]); i++) {
		}
		if (i == cn) {
			oojwt_params_str(p, "kind", "case", 4);
			oojwt_fmt(out, cap, "they differ only in letter case (secrets "
				"are compared byte for byte)");
			return;
		}
	}
	for (i = 0; i < cn && i < dn && c[i] == d[i]; i++) {
	}
	{
		char note[300];
		const char *who = NULL;
		size_t k, at = 0;
		note[0] = 0;
		for (k = 0; k < cn + dn && who == NULL; k++) {
			const char *s = k < cn ? c : d;
			size_t j = k < cn ? k : k - cn, m = k < cn ? cn : dn;
			unsigned char ch = (unsigned char)s[j];
			if (ch <= 0x20 || ch == 0x7F || edge_at(s + j, m - j) > 0
				|| (ch >= 0x80 && oojwt_utf8_len((const unsigned char *)s + j,
				m - j) == 0)
				|| (ch == 0xE2 && m - j >= 3 && (unsigned char)s[j + 1] == 0x80
				&& (unsigned char)s[j + 2] >= 0x8B
				&& (unsigned char)s[j + 2] <= 0x8F))
			{
				who = k < cn ? "the connector's secret" : "Document Server's secret";
				oojwt_params_str(p, "who", k < cn ? "connector" : "ds",
					k < cn ? 9 : 2);
				at = j;
				visible(note, sizeof note, s + j, oojwt_utf8_len(
					(const unsigned char *)s + j, m - j) > 0
					? oojwt_utf8_len((const unsigned char *)s + j, m - j) : 1);
			}
		}
		if (who != NULL) {
			char tail[400];
			oojwt_params_str(p, "kind", "bytes_note", 10);
			oojwt_fmtp(tail, sizeof tail, p, ",note,noteAt", "; %s has %s at "
				"byte %z", who, note, at + 1);
			oojwt_fmtp(out, cap, p, "connectorBytes,dsBytes,partAt", "they "
				"differ: the connector's secret is %z bytes, Document Server's "
				"%z, and they part at byte %z%s", cn, dn, i + 1, tail);
			return;
		}
	}
	oojwt_params_str(p, "kind", "bytes", 5);
	oojwt_fmtp(out, cap, p, "connectorBytes,dsBytes,partAt", "they differ: "
		"the connector's secret is %z bytes, Document Server's %z, and they "
		"part at byte %z", cn, dn, i + 1);
}

static int
secrets_equal(const char *a, size_t an, const char *b, size_t bn)
{
	int eq = an == bn && oojwt_ct_equal((const unsigned char *)a,
		(const unsigned char *)b, an);

	OOJWT_DECLASSIFY(&eq, sizeof eq);
	return eq;
}

/* HTTP header names compare without regard to case. */
static int
header_same(const char *a, size_t an, const char *b)
{
	return oojwt_http_same_name(a, an, b, strlen(b));
}

/* Go's strings.TrimSpace(strings.ReplaceAll(p, cut, "")) is empty. */
static int
go_cut_leaves_nothing(const char *p, const char *cut, size_t cut_len)
{
	size_t i = 0, n = strlen(p), w;

	while (i < n) {
		if (cut_len > 0 && n - i >= cut_len && memcmp(p + i, cut, cut_len) == 0) {
			i += cut_len;
		} else if ((w = oojwt_cs_space_at(p + i, n - i)) > 0) {
			i += w;
		} else {
			return 0;
		}
	}
	return 1;
}

static void
secret_findings(oojwt_connector_settings *s, const oojwt_server_config *c,
	int *v)
{
	static const char *const paths[2] = {
		"services.CoAuthoring.secret.inbox.string",
		"services.CoAuthoring.secret.outbox.string"
	};
	static const char *const what[2] = {
		"editor config tokens and the connector's commands and conversions "
		"are refused (\"Invalid token\", error 6 / -8)",
		"Document Server's callbacks and downloads are refused by the "
		"connector: documents are not saved"
	};
	char how[OOJWT_MESSAGE_LEN], msg[OOJWT_MESSAGE_LEN];
	char pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	const oojwt_cfg_secret *ds[2];
	int k;

	ds[0] = &c->secrets[OOJWT_SECRET_INBOX];
	ds[1] = &c->secrets[OOJWT_SECRET_OUTBOX];
	for (k = 0; k < 2; k++) {
		v[k] = OOJWT_SECRETS_UNKNOWN;
		if (s->secret.p == NULL || s->secret.n == 0
			|| ds[k]->source != OOJWT_SECRET_SOURCE_STRING
			|| ds[k]->value == NULL)
		{
			continue;
		}
		v[k] = secrets_equal(s->secret.p, s->secret.n, ds[k]->value,
			ds[k]->value_len) ? OOJWT_SECRETS_EQUAL : OOJWT_SECRETS_DIFFER;
	}
	for (k = 0; k < 2; k++) {
		int both;
		if (v[k] != OOJWT_SECRETS_DIFFER || (k == 1 && !c->enabled_outbox)) {
			continue;
		}
		both = k == 0 && v[1] == OOJWT_SECRETS_DIFFER && c->enabled_outbox
			&& secrets_equal(ds[0]->value, ds[0]->value_len, ds[1]->value,
			ds[1]->value_len);
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_str(&p, "which", both ? "both" : k == 0 ? "inbox"
			: "outbox", both ? 4 : k == 0 ? 5 : 6);
		describe(how, sizeof how, s->secret.p, s->secret.n, ds[k]->value,
			ds[k]->value_len, &p);
		oojwt_fmt(msg, sizeof msg, "the connector's secret is not %s: %s. "
			"So %s%s", both ? "Document Server's secret.inbox and "
			"secret.outbox" : k == 0 ? "Document Server's secret.inbox"
			: "Document Server's secret.outbox", how, what[k], both
			? ", and callbacks and downloads are refused too" : "");
		oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_CONNECTOR_SECRET_DIFFERS, paths[k], msg,
			"copy the secret from one side to the other exactly, without "
			"spaces, quotes or line breaks around it", pbuf);
		if (both) {
			break;
		}
	}
}

int
oojwt_connector_settings_compare(oojwt_connector_settings *s,
	const oojwt_server_config *c, int self_signed, int *inbox, int *outbox)
{
	char msg[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params pp;
	int v[2], has, php, mm;
	const char *h, *p;

	if (s == NULL || c == NULL) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	php = s->connector == OOJWT_CONNECTOR_NEXTCLOUD
		|| s->connector == OOJWT_CONNECTOR_OWNCLOUD
		|| s->connector == OOJWT_CONNECTOR_MOODLE;
	mm = s->connector == OOJWT_CONNECTOR_MATTERMOST;
	has = s->secret.p != NULL && s->secret.n > 0;
	secret_findings(s, c, v);
	if (inbox != NULL) {
		*inbox = v[0];
	}
	if (outbox != NULL) {
		*outbox = v[1];
	}
	if (s->connector == OOJWT_CONNECTOR_UNKNOWN) {
		return OOJWT_OK;
	}
	if (!has && !(s->secret.set && s->secret.p == NULL) && c->enabled_browser) {
		oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_CONNECTOR_TOKENS_MISMATCH,
			"services.CoAuthoring.token.enable.browser",
			"Document Server requires tokens, but the connector has no "
			"secret and signs nothing: the editor does not open (\"The "
			"document security token is not correctly formed\")",
			"enter Document Server's secret in the connector's settings",
			"{\"side\":\"connector\"}");
	}
	if (has && !c->enabled_outbox) {
		oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_CONNECTOR_TOKENS_MISMATCH,
			"services.CoAuthoring.token.enable.request.outbox",
			"the connector has a secret and wants a token on every callback "
			"and download, but Document Server does not sign them "
			"(token.enable.request.outbox is off): documents are not saved",
			"turn token.enable.request.outbox on (Docker: JWT_ENABLED=true)",
			"{\"side\":\"ds\"}");
	}
	if (!has) {
		return OOJWT_OK;
	}
	/* Header names: HTTP compares them without regard to case. */
	h = c->outbox_header;
	if (c->enabled_outbox && h != NULL
		&& !header_same(s->header.p, s->header.n, h))
	{
		oojwt_params_init(&pp, pbuf, sizeof pbuf);
		oojwt_params_str(&pp, "direction", "outbox", 6);
		oojwt_fmtp(msg, sizeof msg, &pp, "dsHeader,connectorHeader", "Document "
			"Server sends its token in the header \"%s\", the connector reads "
			"\"%S\": downloads, whose token is only in the header, are refused "
			"(403), and callbacks count on the token in their body alone", h,
			s->header.p, s->header.n);
		oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_CONNECTOR_HEADER_DIFFERS,
			"services.CoAuthoring.token.outbox.header", msg,
			"use one name on both sides: token.outbox.header (Docker: "
			"JWT_HEADER) and the connector's header setting", pbuf);
	}
	h = c->inbox_header;
	if (h != NULL && !header_same(s->header.p, s->header.n, h)) {
		oojwt_params_init(&pp, pbuf, sizeof pbuf);
		oojwt_params_str(&pp, "direction", "inbox", 5);
		oojwt_fmtp(msg, sizeof msg, &pp, "connectorHeader,dsHeader", "the "
			"connector sends its token in the header \"%S\", Document Server "
			"reads \"%s\": a request whose token is only in the header is "
			"refused", s->header.p, s->header.n, h);
		oojwt_cs_addp(s, OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_CONNECTOR_HEADER_DIFFERS,
			"services.CoAuthoring.token.inbox.header", msg,
			"use one name on both sides: token.inbox.header (Docker: "
			"JWT_HEADER) and the connector's header setting", pbuf);
	}
	if (mm && ((c->outbox_header != NULL && header_same("Authorization", 13,
		c->outbox_header)) || (c->inbox_header != NULL
		&& header_same("Authorization", 13, c->inbox_header))))
	{
		oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_CONNECTOR_HEADER_REFUSED,
			c->outbox_header != NULL && header_same("Authorization", 13,
			c->outbox_header) ? "services.CoAuthoring.token.outbox.header"
			: "services.CoAuthoring.token.inbox.header",
			"Document Server uses the Authorization header, which the "
			"Mattermost plugin refuses (Mattermost authenticates its own "
			"requests with it): the two cannot agree on a header",
			"set token.inbox.header and token.outbox.header (Docker: "
			"JWT_HEADER) to AuthorizationJWT, as in the plugin",
			"{\"reason\":\"ds_authorization\"}");
	}
	/* Prefixes. */
	p = c->outbox_prefix;
	if (php && c->enabled_outbox && p != NULL && strlen(p) != 7) {
		oojwt_params_init(&pp, pbuf, sizeof pbuf);
		oojwt_params_str(&pp, "reason", "php_cut", 7);
		oojwt_fmtp(msg, sizeof msg, &pp, "dsPrefix,length", "the connector "
			"cuts the first 7 characters of the header (the length of "
			"\"Bearer \") whatever they are, but Document Server's outbox "
			"prefix \"%s\" is %z characters: the token it reads is cut in the "
			"wrong place and downloads are refused", p, strlen(p));
		oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_CONNECTOR_PREFIX_DIFFERS,
			"services.CoAuthoring.token.outbox.prefix", msg,
			"set token.outbox.prefix back to \"Bearer \" (7 characters)", pbuf);
	}
	if (mm && c->enabled_outbox && p != NULL && s->prefix.p != NULL
		&& (!go_cut_leaves_nothing(p, s->prefix.p, s->prefix.n)
		|| !go_cut_leaves_nothing(p, "Bearer ", 7)))
	{
		oojwt_params_init(&pp, pbuf, sizeof pbuf);
		oojwt_params_str(&pp, "reason", "mattermost_cut", 14);
		oojwt_fmtp(msg, sizeof msg, &pp, "connectorPrefix,dsPrefix", "the "
			"plugin removes \"%S\" from a callback's header (and \"Bearer \" "
			"from a download's) and trims spaces, but Document Server's outbox "
			"prefix is \"%s\": part of it stays in front of the token, which is "
			"refused", s->prefix.p, s->prefix.n, p);
		oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_CONNECTOR_PREFIX_DIFFERS,
			"services.CoAuthoring.token.outbox.prefix", msg,
			"set token.outbox.prefix to \"Bearer \" and the plugin's prefix "
			"to Bearer", pbuf);
	}
	p = c->inbox_prefix;
	if (p != NULL && ((php && strcmp(p, "Bearer ") != 0) || (mm
		&& s->prefix.p != NULL && !go_cut_leaves_nothing(p, s->prefix.p,
		s->prefix.n))))
	{
		oojwt_params_init(&pp, pbuf, sizeof pbuf);
		oojwt_params_str(&pp, "reason", "inbox", 5);
		oojwt_fmtp(msg, sizeof msg, &pp, "connectorPrefix,dsPrefix", "the "
			"connector puts \"%S\" before the token it sends, but Document "
			"Server's inbox prefix is \"%s\": header tokens are refused", php
			? "Bearer " : s->prefix.p, php ? (size_t)7 : s->prefix.n, p);
		oojwt_cs_addp(s, OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_CONNECTOR_PREFIX_DIFFERS,
			"services.CoAuthoring.token.inbox.prefix", msg,
			"set token.inbox.prefix to \"Bearer \"", pbuf);
	}
	/* Certificates. */
	if (self_signed == 1 && s->verify_peer_off != 1 && (s->url_ds.p == NULL
		|| (s->url_ds.n >= 8 && header_same(s->url_ds.p, 8, "https://"))))
	{
		oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR, OOJWT_FIND_CONNECTOR_VERIFY_PEER,
			s->connector == OOJWT_CONNECTOR_MOODLE ? "disable_verify_ssl"
			: mm ? "DESAddress" : "verify_peer_off",
			"Document Server's certificate is self-signed and the connector "
			"checks certificates: its requests to Document Server "
			"(conversions, commands, the settings check) fail (cURL error 60; "
			"Go: certificate signed by unknown authority)",
			mm ? "give Document Server a certificate from a CA the Mattermost "
			"host trusts" : "give Document Server a certificate from a "
			"trusted CA; as a stopgap, turn certificate checks off in the "
			"connector (Nextcloud: verify_peer_off, Moodle: "
			"disable_verify_ssl)", mm ? "{\"reason\":\"self_signed\","
			"\"connector\":\"mattermost\"}" : "{\"reason\":\"self_signed\","
			"\"connector\":\"php\"}");
	}
	return OOJWT_OK;
}
