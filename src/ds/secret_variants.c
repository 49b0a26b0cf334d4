/*
 * Secret forensics: when a token does not verify with the secret as
 * given, try the variants real setups produce (a trailing newline from a
 * file or an .env line, quotes kept by a compose list, a secret that one
 * side base64-decodes, the shipped default "secret", ...) and name the
 * one that works. Every try derives the key into one buffer, computes
 * the HMAC, compares it with the token's MAC in constant time and wipes
 * the buffer and the MAC. Also recognises a secret pasted where the
 * token belongs (and the reverse), and payloads damaged by Latin-1
 * encoding, U+FFFD substitution or double JSON encoding.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

/* Variant names by index (oojwt_ds.h lists them); 0-9 keep their first
 * meaning, 10-39 add or remove one whitespace character at one end,
 * 40-44 are the other secrets of a server config. */
static const char *const variant_names[] = {
	"as-is", "trimmed", "with-trailing-newline", "without-trailing-newline",
	"with-quotes", "without-quotes", "base64-decoded", "base64url-decoded",
	"hex-decoded", "default-secret", "with-trailing-space", "with-trailing-tab",
	"with-trailing-cr", "with-trailing-crlf", "with-trailing-nbsp",
	"with-trailing-zwsp", "with-trailing-bom", "with-leading-space",
	"with-leading-tab", "with-leading-cr", "with-leading-newline",
	"with-leading-crlf", "with-leading-nbsp", "with-leading-zwsp",
	"with-leading-bom", "without-trailing-space", "without-trailing-tab",
	"without-trailing-cr", "without-trailing-crlf", "without-trailing-nbsp",
	"without-trailing-zwsp", "without-trailing-bom", "without-leading-space",
	"without-leading-tab", "without-leading-cr", "without-leading-newline",
	"without-leading-crlf", "without-leading-nbsp", "without-leading-zwsp",
	"without-leading-bom", "inbox-secret", "outbox-secret", "session-secret",
	"browser-secret", "storage-secret"
};

#define NUM_VARIANTS ((int)(sizeof variant_names / sizeof *variant_names))

const char *
oojwt_secret_variant_name(int v)
{
	return v >= 0 && v < NUM_VARIANTS ? variant_names[v] : NULL;
}

/* The order of the tries: removals before additions (what the user typed
 * most often carries an extra character), single characters before the
 * whole trim, the default secret before the server config's others (a
 * browser secret left at default.json's "secret" is the default). */
static const unsigned char try_order[] = {
	0, 3, 28, 25, 26, 27, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 1, 5, 2,
	13, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 4, 6, 7, 8, 9,
	40, 41, 42, 43, 44
};

/* The characters the whitespace variants add or remove, one at one end
 * (in the order of the names' last words); `what` completes a sentence. */
static const struct {
	const char *bytes;
	size_t len;
	const char *what, *key; /* key: the last word of the variants' names */
} kinds[] = {
	{ " ", 1, "a space", "space" },
	{ "\t", 1, "a tab", "tab" },
	{ "\r", 1, "a carriage return (CR)", "cr" },
	{ "\n", 1, "a line feed (LF, a newline)", "newline" },
	{ "\r\n", 2, "a Windows line end (CR LF)", "crlf" },
	{ "\xC2\xA0", 2, "a no-break space (U+00A0: copied from a web page or a "
		"word processor)", "nbsp" },
	{ "\xE2\x80\x8B", 3, "a zero-width space (U+200B, invisible)", "zwsp" },
	{ "\xEF\xBB\xBF", 3, "a byte order mark (U+FEFF: a file saved as UTF-8 "
		"with BOM)", "bom" }
};

#define WS_WITH_TRAILING    0
#define WS_WITH_LEADING     1
#define WS_WITHOUT_TRAILING 2
#define WS_WITHOUT_LEADING  3
#define FIRST_OTHER        40

/* For a whitespace variant: 1 + (group << 4 | kind); 0 for the others. */
static const unsigned char ws_of[] = {
	0, 0, 4, 36, 0, 0, 0, 0, 0, 0, 1, 2, 3, 5, 6, 7, 8, 17, 18, 19, 20, 21, 22,
	23, 24, 33, 34, 35, 37, 38, 39, 40, 49, 50, 51, 52, 53, 54, 55, 56, 0, 0, 0,
	0, 0
};

/* What each variant means for people, completing "the token verifies
 * with ...". */
static const char *const variant_story[] = {
	"the secret exactly as given",
	"the secret without its leading/trailing whitespace: one side "
		"stores it with a space or line break (Nextcloud trims on save, "
		"Document Server uses the string verbatim)",
	NULL,   /* 2, 3: whitespace, see ws_story() */
	NULL,
	"the secret wrapped in quotes: a compose list line "
		"`- JWT_SECRET=\"...\"` keeps the quotes as part of the secret",
	"the secret without its surrounding quotes: the quotes you pasted "
		"are not part of the signer's secret",
	"the base64-decoded bytes of the secret: the signer decodes it (jjwt "
		"Decoders.BASE64, jwt.io's \"secret base64 encoded\"), Document "
		"Server always uses the UTF-8 bytes of the string",
	"the base64url-decoded bytes of the secret: the signer decodes it, "
		"Document Server always uses the UTF-8 bytes of the string",
	"the hex-decoded bytes of the secret: the signer decodes it, "
		"Document Server always uses the UTF-8 bytes of the string",
	"the literal default secret \"secret\": default.json's "
		"secret.*.string still wins on that side (set it, or set "
		"\"string\": \"\" to use a file)"
};

static void
finding(oojwt_secret_report *r, int code, const char *msg)
{
	size_t dropped = 0;

	oojwt_ds_issuef(r->findings, &r->n_findings, &dropped, code, NULL, "%s",
		msg);
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'
		|| c == '\f';
}

static int
is_b64url_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
		|| (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* Three non-empty base64url segments, the first one starting "eyJ"
 * (a JSON object): the shape of a JWS. */
static int
looks_like_jwt(const unsigned char *s, size_t n)
{
	size_t i, dots = 0, seg = 0;

	if (n < 10 || s[0] != 'e' || s[1] != 'y' || s[2] != 'J') {
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (seg == 0) {
				return 0;
			}
			dots++;
			seg = 0;
		} else if (is_b64url_char(s[i])) {
			seg++;
		} else {
			return 0;
		}
	}
	return dots == 2;
}

/* No dot, no space, printable ASCII, 4..512 bytes: a secret. */
static int
looks_like_secret(const unsigned char *s, size_t n)
{
	size_t i;

	if (n < 4 || n > 512) {
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (s[i] <= 0x20 || s[i] >= 0x7F || s[i] == '.') {
			return 0;
		}
	}
	return 1;
}

/* Decoders for the variants; each returns 0 when `s` is not in that
 * encoding. `dst` has room for n bytes. */
static int
b64_value(unsigned char c, int url)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == (url ? '-' : '+')) return 62;
	if (c == (url ? '_' : '/')) return 63;
	return -1;
}

static int
decode_b64(unsigned char *dst, size_t *dst_len, const unsigned char *s,
	size_t n, int url)
{
	size_t i, o = 0, m = n;
	unsigned acc = 0, bits = 0;

	while (m > 0 && s[m - 1] == '=') {
		m--;
	}
	if (n - m > 2 || (n != m && n % 4 != 0) || m % 4 == 1 || m < 2) {
		return 0;
	}
	for (i = 0; i < m; i++) {
		int v = b64_value(s[i], url);
		if (v < 0) {
			return 0;
		}
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			dst[o++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	acc = 0;
	*dst_len = o;
	return 1;
}

/*
 * Derive variant `v` of the secret into `buf` (room: n + 2 bytes, or 6
 * for the default). Returns 1 and sets *len, or 0 when the variant does
 * not apply (or is the same as the secret as given). `k` selects the
 * flavour of with-quotes (0: "...", 1: '...').
 */
static int
derive(int v, int k, const unsigned char *s, size_t n, unsigned char *buf,
	size_t *len)
{
	size_t a = 0, b = n;

	switch (v) {
	case 0:
		memcpy(buf, s, n);
		*len = n;
		return k == 0;
	case 1:
		if (k != 0) {
			return 0;
		}
		while (a < b && is_space(s[a])) {
			a++;
		}
		while (b > a && is_space(s[b - 1])) {
			b--;
		}
		if (a == 0 && b == n) {
			return 0;
		}
		/* Only a final "\n" / "\r\n" to remove: that is the more
		 * telling without-trailing-newline, tried next. */
		if (a == 0 && s[n - 1] == '\n' && (b == n - 1
			|| (b == n - 2 && s[n - 2] == '\r')))
		{
			return 0;
		}
		memcpy(buf, s + a, b - a);
		*len = b - a;
		return 1;
	case 2:
		/* k == 0: "\n" (Unix file, echo); k == 1: "\r\n" (Windows). */
		memcpy(buf, s, n);
		if (k == 0) {
			buf[n] = '\n';
			*len = n + 1;
		} else {
			buf[n] = '\r';
			buf[n + 1] = '\n';
			*len = n + 2;
		}
		return 1;
	case 3:
		if (k != 0 || n == 0 || s[n - 1] != '\n') {
			return 0;
		}
		b = n - 1;
		if (b > 0 && s[b - 1] == '\r') {
			b--;
		}
		memcpy(buf, s, b);
		*len = b;
		return 1;
	case 4:
		if (k > 1) {
			return 0;
		}
		buf[0] = k == 0 ? '"' : '\'';
		memcpy(buf + 1, s, n);
		buf[n + 1] = buf[0];
		*len = n + 2;
		return 1;
	case 5:
		if (k != 0 || n < 2 || s[0] != s[n - 1]
			|| (s[0] != '"' && s[0] != '\''))
		{
			return 0;
		}
		memcpy(buf, s + 1, n - 2);
		*len = n - 2;
		return 1;
	case 6:
		return k == 0 && decode_b64(buf, len, s, n, 0);
	case 7:
		return k == 0 && decode_b64(buf, len, s, n, 1);
	case 8:
		/* Hex of the secret, decoded without branching on its
		 * characters (util.c). */
		*len = n / 2;
		return k == 0 && oojwt_hex_decode_ct(buf, s, n);
	case 9:
		if (k != 0 || (n == 6 && memcmp(s, "secret", 6) == 0)) {
			return 0;
		}
		memcpy(buf, "secret", 6);
		*len = 6;
		return 1;
	default:
		return 0;
	}
}

/* The token's pieces for the tries. */
typedef struct {
	const char *input;      /* header.payload */
	size_t input_len;
	unsigned char mac[64];  /* the signature, decoded as Node does */
	size_t mac_len;
	const char *sig;        /* the signature segment as sent */
	size_t sig_len;
	unsigned alg;
} target;

/* 1 when HMAC(key) over the input, base64url-encoded, equals the
 * signature segment as sent: the comparison Document Server (jws) makes,
 * so a damaged signature never "verifies". Constant time; the computed
 * MAC and its encoding are wiped. */
static int
try_key(const target *t, const unsigned char *key, size_t key_len)
{
	unsigned char mac[64];
	char enc[88];
	size_t n, e;
	int ok;

	n = oojwt_hmac(t->alg, key, key_len, t->input, t->input_len, mac);
	e = oojwt_b64url_encode(enc, mac, n);
	ok = e == t->sig_len
		&& oojwt_ct_equal((const unsigned char *)enc,
			(const unsigned char *)t->sig, e);
	oojwt_wipe(mac, sizeof mac);
	oojwt_wipe(enc, sizeof enc);
	return ok;
}

/* Split `token`, pick the HS algorithm (header alg, else the MAC
 * length) and decode the MAC. 0 when the token cannot be tried. */
static int
read_target(target *t, const char *tok, size_t len, unsigned char **payload,
	size_t *payload_len, unsigned *header_alg)
{
	size_t dot1 = 0, dot2 = 0, dots = 0, hn = 0;
	unsigned char *hb;
	oojwt_jv *h = NULL;
	char msg[OOJWT_MESSAGE_LEN];
	long pos;
	size_t dups;

	memset(t, 0, sizeof *t);
	*payload = NULL;
	*header_alg = 0;
	dots = oojwt_dots(tok, len, &dot1, &dot2);
	if (dots != 2) {
		return 0;
	}
	hb = (unsigned char *)malloc(dot1 + 1);
	*payload = (unsigned char *)malloc(dot2 - dot1 + 1);
	if (hb == NULL || *payload == NULL) {
		free(hb);
		return 0;
	}
	oojwt_ds_b64_decode(hb, &hn, tok, dot1);
	oojwt_ds_b64_decode(*payload, payload_len, tok + dot1 + 1,
		dot2 - dot1 - 1);
	if (oojwt_json_parse_ex(&h, (const char *)hb, hn, OOJWT_JSON_LAST_WINS,
		&dups, &pos, msg) == OOJWT_OK)
	{
		const oojwt_jv *a = oojwt_json_get(h, "alg");
		if (oojwt_json_type(a) == OOJWT_JSON_STRING) {
			const char *s = oojwt_json_string(a);
			*header_alg = oojwt_alg_from_name(s, strlen(s));
		}
	}
	oojwt_json_free(h);
	free(hb);
	if (len - dot2 - 1 > 90) {
		return 0;
	}
	oojwt_ds_b64_decode(t->mac, &t->mac_len, tok + dot2 + 1, len - dot2 - 1);
	t->alg = (*header_alg & OOJWT_ALG_HMAC) != 0 ? *header_alg
		: t->mac_len == 32 ? OOJWT_ALG_HS256 : t->mac_len == 48
		? OOJWT_ALG_HS384 : t->mac_len == 64 ? OOJWT_ALG_HS512 : 0;
	t->input = tok;
	t->input_len = dot2;
	t->sig = tok + dot2 + 1;
	t->sig_len = len - dot2 - 1;
	return t->alg != 0 && t->mac_len == oojwt_hmac_size(t->alg);
}

/* Latin-1, U+FFFD and double encoding in the payload bytes. */
static void
payload_findings(oojwt_secret_report *r, const unsigned char *p, size_t n)
{
	size_t i = 0, bad = 0, latin = 0, fffd = 0, dropped = 0;
	oojwt_jv *v = NULL;
	char msg[OOJWT_MESSAGE_LEN];
	long pos;
	size_t dups;

	while (i < n) {
		size_t k = oojwt_utf8_len(p + i, n - i);
		if (k == 0) {
			bad++;
			latin += p[i] >= 0xA0;
			i++;
			continue;
		}
		if (k == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD) {
			fffd++;
		}
		i += k;
	}
	if (bad > 0 && latin == bad) {
		oojwt_ds_issuef(r->findings, &r->n_findings, &dropped,
			OOJWT_WARN_PAYLOAD_LATIN1, "bytes", "the payload is not UTF-8 but "
			"reads as Latin-1 (%z byte%s): it was encoded with "
			"btoa(JSON.stringify(...)) or similar; Document Server turns these "
			"bytes into U+FFFD. Encode with TextEncoder", bad,
			bad == 1 ? "" : "s");
	} else if (bad > 0) {
		oojwt_ds_issuef(r->findings, &r->n_findings, &dropped,
			OOJWT_WARN_PAYLOAD_NOT_UTF8, "bytes", "the payload has %z byte%s "
			"that are not UTF-8; Document Server replaces them with U+FFFD",
			bad, bad == 1 ? "" : "s");
	}
	if (fffd > 0) {
		oojwt_ds_issuef(r->findings, &r->n_findings, &dropped,
			OOJWT_WARN_PAYLOAD_REPLACEMENT, "count", "the payload contains %z "
			"U+FFFD replacement character%s: text was already damaged (decoded "
			"with the wrong charset) before it was signed", fffd,
			fffd == 1 ? "" : "s");
	}
	if (oojwt_json_parse_ex(&v, (const char *)p, n, OOJWT_JSON_LAST_WINS,
		&dups, &pos, msg) != OOJWT_OK)
	{
		return;
	}
	{
		const oojwt_jv *s = v;
		const char *where = "the payload is a JSON string holding JSON";
		oojwt_jv *inner = NULL;
		if (oojwt_json_type(v) == OOJWT_JSON_OBJECT) {
			s = oojwt_json_get(v, "payload");
			where = "the payload's \"payload\" member is a string holding "
				"JSON (it should be the object itself)";
		}
		if (oojwt_json_type(s) == OOJWT_JSON_STRING) {
			const char *text = oojwt_json_string(s);
			if (oojwt_json_parse_ex(&inner, text, strlen(text),
				OOJWT_JSON_LAST_WINS, &dups, &pos, msg) == OOJWT_OK
				&& (oojwt_json_type(inner) == OOJWT_JSON_OBJECT
					|| oojwt_json_type(inner) == OOJWT_JSON_ARRAY))
			{
				oojwt_fmt(msg, sizeof msg,
					"%s: it was JSON-encoded twice (JSON.stringify of a "
					"string); Document Server reads no fields from it",
					where);
				finding(r, OOJWT_WARN_PAYLOAD_DOUBLE_ENCODED, msg);
			}
			oojwt_json_free(inner);
		}
	}
	oojwt_json_free(v);
}

/* Is s[0..m) exactly one of the ASCII kinds (space, tab, CR, LF, CRLF)?
 * Then a single-character variant already tried what trimming gives. */
static int
one_ascii_kind(const unsigned char *s, size_t m)
{
	size_t i;

	for (i = 0; i < 5; i++) {
		if (m == kinds[i].len && memcmp(s, kinds[i].bytes, m) == 0) {
			return 1;
		}
	}
	return 0;
}

/*
 * Variant `v` (flavour `k`) of the secret as explainSecret tries it: the
 * key into `buf` (room: n + 8 bytes), or, for another secret of the
 * server config, *key pointing at it (no copy). 0 when the variant does
 * not apply or gives a key tried already.
 */
static int
explain_key(int v, int k, const unsigned char *s, size_t n,
	const oojwt_secret_others *o, unsigned char *buf, size_t *len,
	const unsigned char **key)
{
	*key = buf;
	if (ws_of[v] != 0) {
		int g = (ws_of[v] - 1) >> 4, kind = (ws_of[v] - 1) & 15;
		const unsigned char *c = (const unsigned char *)kinds[kind].bytes;
		size_t m = kinds[kind].len;
		if (k != 0) {
			return 0;
		}
		switch (g) {
		case WS_WITH_TRAILING:
			memcpy(buf, s, n);
			memcpy(buf + n, c, m);
			*len = n + m;
			return 1;
		case WS_WITH_LEADING:
			memcpy(buf, c, m);
			memcpy(buf + m, s, n);
			*len = n + m;
			return 1;
		case WS_WITHOUT_TRAILING:
			if (n < m || memcmp(s + n - m, c, m) != 0) {
				return 0;
			}
			memcpy(buf, s, n - m);
			*len = n - m;
			return 1;
		default:
			if (n < m || memcmp(s, c, m) != 0) {
				return 0;
			}
			memcpy(buf, s + m, n - m);
			*len = n - m;
			return 1;
		}
	}
	if (v == 1) {
		/* The trimmed text starts (ends) with no whitespace, so it is
		 * s's prefix (suffix) only when nothing went at that end. */
		if (!derive(1, k, s, n, buf, len)) {
			return 0;
		}
		if ((memcmp(buf, s, *len) == 0 && one_ascii_kind(s + *len, n - *len))
			|| (memcmp(buf, s + n - *len, *len) == 0
				&& one_ascii_kind(s, n - *len)))
		{
			oojwt_wipe(buf, *len);
			return 0;
		}
		return 1;
	}
	if (v >= FIRST_OTHER) {
		int j, slot = v - FIRST_OTHER;
		/* Not the secret given, nor "secret" (tried as default-secret). */
		if (k != 0 || o == NULL || o->value[slot] == NULL || o->len[slot] == 0
			|| (o->len[slot] == n && oojwt_ct_equal(o->value[slot], s, n))
			|| (o->len[slot] == 6 && oojwt_ct_equal(o->value[slot],
				(const unsigned char *)"secret", 6)))
		{
			return 0;
		}
		for (j = 0; j < slot; j++) {
			if (o->value[j] != NULL && o->len[j] == o->len[slot]
				&& oojwt_ct_equal(o->value[j], o->value[slot], o->len[j]))
			{
				return 0;   /* the same secret: tried under its first name */
			}
		}
		*key = o->value[slot];
		*len = o->len[slot];
		return 1;
	}
	return derive(v, k, s, n, buf, len);
}

/* The sentence for a whitespace variant: which side has the character,
 * and the fix; its params (what, end, change) go to `p`. */
static void
ws_story(char *out, size_t size, oojwt_params *p, int v)
{
	int g = (ws_of[v] - 1) >> 4, kind = (ws_of[v] - 1) & 15;
	const char *end = g == WS_WITH_TRAILING || g == WS_WITHOUT_TRAILING
		? "end" : "start";

	if (g == WS_WITH_TRAILING || g == WS_WITH_LEADING) {
		oojwt_fmtp(out, size, p, ",end,what,change", "the secret with %s "
			"added at its %s: the signer's secret has it and the one you gave "
			"does not. Remove it where the signer's secret is set (a file "
			"saved by an editor, a pasted value), or, if the signer is right, "
			"add it here%k%k", kinds[kind].what, end, kinds[kind].key,
			OOJWT_SEL("with"));
	} else {
		oojwt_fmtp(out, size, p, ",end,what,change", "the secret without %s "
			"at its %s: the secret you gave has it and the signer's does not. "
			"Remove it from the secret you gave (where it was pasted, or the "
			"file it was read from)%k%k", kinds[kind].what, end,
			kinds[kind].key, OOJWT_SEL("without"));
	}
}

/* What each other secret of a server config is for (index - 40). */
static const char *const other_story[] = {
	"it was signed with secret.inbox (services.CoAuthoring.secret.inbox), "
		"with which Document Server checks editor configs and requests: a "
		"callback from it is signed with secret.outbox",
	"it was signed with secret.outbox (services.CoAuthoring.secret.outbox), "
		"with which Document Server signs callbacks and downloads: check "
		"them with that secret on the connector's side, or make inbox and "
		"outbox equal (most connectors hold one secret for both)",
	"it was signed with secret.session (services.CoAuthoring.secret."
		"session), Document Server's own: it checks configs and requests "
		"with secret.inbox; sign with that one",
	"it was signed with secret.browser (services.CoAuthoring.secret."
		"browser); since 7.2 Document Server checks configs with "
		"secret.inbox: sign with that one",
	"it was signed with storage.fs.secretString, which signs download "
		"links for nginx, not tokens: Document Server checks tokens with "
		"secret.inbox; sign with that one"
};

void
oojwt_secret_others_of(oojwt_secret_others *o, const oojwt_server_config *c)
{
	int k;

	memset(o, 0, sizeof *o);
	for (k = 0; k < OOJWT_SECRET_KINDS; k++) {
		if (c->secrets[k].source == OOJWT_SECRET_SOURCE_STRING) {
			o->value[k] = (const unsigned char *)c->secrets[k].value;
			o->len[k] = c->secrets[k].value_len;
		}
	}
	if (c->storage_secret.source == OOJWT_SECRET_SOURCE_STRING) {
		o->value[OOJWT_SECRET_OTHER_STORAGE]
			= (const unsigned char *)c->storage_secret.value;
		o->len[OOJWT_SECRET_OTHER_STORAGE] = c->storage_secret.value_len;
	}
}

int
oojwt_secret_signs(const char *token, size_t token_len,
	const unsigned char *key, size_t key_len)
{
	target t;
	unsigned char *payload = NULL;
	size_t payload_len = 0;
	unsigned alg;
	int ok = -1;

	/* A pasted token often brings a line break or spaces along. */
	while (token != NULL && token_len > 0 && is_space((unsigned char)*token)) {
		token++;
		token_len--;
	}
	while (token != NULL && token_len > 0
		&& is_space((unsigned char)token[token_len - 1]))
	{
		token_len--;
	}
	if (token != NULL && (key != NULL || key_len == 0)
		&& read_target(&t, token, token_len, &payload, &payload_len, &alg))
	{
		ok = try_key(&t, key, key_len);
		OOJWT_DECLASSIFY(&ok, sizeof ok); /* the verdict is public */
		oojwt_wipe_stack(); /* BearSSL's copies of the key */
	}
	free(payload);
	oojwt_wipe(&t, sizeof t);
	return ok;
}

int
oojwt_secret_explain(oojwt_secret_report *r, const char *token, size_t len,
	const unsigned char *secret, size_t secret_len)
{
	return oojwt_secret_explain_ex(r, token, len, secret, secret_len, NULL);
}

int
oojwt_secret_explain_ex(oojwt_secret_report *r, const char *token,
	size_t len, const unsigned char *secret, size_t secret_len,
	const oojwt_secret_others *others)
{
	target t;
	unsigned char *payload = NULL, *buf;
	const unsigned char *key;
	char story[OOJWT_MESSAGE_LEN];
	oojwt_params p;
	size_t payload_len = 0, key_len, a = 0, b = len, i;
	unsigned header_alg;
	int v, k, ok;

	if (r == NULL || (token == NULL && len != 0)
		|| (secret == NULL && secret_len != 0))
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(r, 0, sizeof *r);
	r->variant = -1;
	/* A pasted token often brings a line break or spaces along. */
	while (a < b && is_space((unsigned char)token[a])) {
		a++;
	}
	while (b > a && is_space((unsigned char)token[b - 1])) {
		b--;
	}
	if (looks_like_jwt(secret, secret_len)) {
		finding(r, OOJWT_WARN_TOKEN_AS_SECRET,
			"the secret has the shape of a JWT (three base64url parts "
			"starting eyJ): a token was pasted where the secret belongs");
	}
	ok = read_target(&t, token + a, b - a, &payload, &payload_len,
		&header_alg);
	if (!ok) {
		if (looks_like_secret((const unsigned char *)token + a, b - a)) {
			finding(r, OOJWT_WARN_SECRET_AS_TOKEN,
				"the token has no dots and reads like a password: a secret "
				"was pasted where the token belongs (Document Server says "
				"\"jwt malformed\")");
		}
		if (payload != NULL) {
			payload_findings(r, payload, payload_len);
		}
		free(payload);
		oojwt_params_init(&p, r->params, sizeof r->params);
		oojwt_fmtp(r->message, sizeof r->message, &p, ",reason", "%s%k",
			r->n_findings > 0 && r->findings[r->n_findings - 1].code
			== OOJWT_WARN_SECRET_AS_TOKEN
			? "this is not a token, so no secret can verify it"
			: "the token is not an HS256/384/512 JWS with a whole MAC, so "
			  "no secret can be tried", r->n_findings > 0
			&& r->findings[r->n_findings - 1].code == OOJWT_WARN_SECRET_AS_TOKEN
			? "not_token" : "not_hs");
		oojwt_wipe(&t, sizeof t);
		return OOJWT_OK;
	}
	r->alg = t.alg;
	buf = (unsigned char *)malloc(secret_len + 8);
	if (buf == NULL) {
		free(payload);
		oojwt_wipe(&t, sizeof t);
		return OOJWT_ERR_NO_MEMORY;
	}
	/* At most one HMAC per variant (two for with-quotes): a fixed bound. */
	for (i = 0; i < sizeof try_order && r->variant < 0; i++) {
		v = try_order[i];
		for (k = 0; k < 2 && r->variant < 0; k++) {
			key_len = 0;
			if (!explain_key(v, k, secret, secret_len, others, buf, &key_len,
				&key))
			{
				continue;
			}
			if (k == 0) {
				r->tried[r->n_tried++] = (unsigned char)v;
			}
			if (try_key(&t, key, key_len)) {
				r->variant = v;
			}
			oojwt_wipe(buf, secret_len + 8);
		}
	}
	oojwt_wipe_free(buf, secret_len + 8);
	oojwt_wipe(&t, sizeof t);
	r->verifies = r->variant == 0;
	if (payload != NULL) {
		payload_findings(r, payload, payload_len);
	}
	free(payload);
	/* The message's params (code secret_explained): reason, alg, the
	 * variant's name, and a whitespace variant's what, end and change. */
	oojwt_params_init(&p, r->params, sizeof r->params);
	if (r->variant == 0) {
		oojwt_fmtp(r->message, sizeof r->message, &p, "alg,reason",
			"the %s signature verifies with the secret exactly as given%k",
			oojwt_alg_name(r->alg), OOJWT_SEL("verifies"));
	} else if (r->variant > 0) {
		if (ws_of[r->variant] != 0) {
			ws_story(story, sizeof story, &p, r->variant);
		} else {
			oojwt_fmt(story, sizeof story, "%s", r->variant >= FIRST_OTHER
				? other_story[r->variant - FIRST_OTHER]
				: variant_story[r->variant]);
		}
		oojwt_fmtp(r->message, sizeof r->message, &p, "alg,,reason,variant",
			"the secret as given does not verify the %s signature, but %s%k%k",
			oojwt_alg_name(r->alg), story, OOJWT_SEL("variant"),
			variant_names[r->variant]);
	} else {
		oojwt_fmtp(r->message, sizeof r->message, &p, "alg,,reason,others",
			"no variant of this secret verifies the %s signature (as given, "
			"trimmed, with or without a space, tab, CR, LF, CRLF, no-break "
			"space, zero-width space or BOM at either end, quotes, base64/"
			"base64url/hex decoded, the default \"secret\"%s): the token was "
			"signed with another secret, or changed after signing%k%k",
			oojwt_alg_name(r->alg), others != NULL
			? ", the server config's other secrets" : "", OOJWT_SEL("none"),
			others != NULL ? "yes" : "no");
	}
	(void)header_alg;
	return OOJWT_OK;
}

int
oojwt_secret_variant(int v, int k, const unsigned char *s, size_t n,
	unsigned char *buf, size_t *len)
{
	return derive(v, k, s, n, buf, len);
}
