/*
 * Compact JWS: splitting, decoding and verifying HS256/384/512 tokens.
 *
 * Order (conventions, rule 5): split on exactly two dots; strict
 * base64url; strict JSON header; alg allowed and matching the key; MAC
 * compared in constant time; then the payload and its claims. Every
 * failure found is recorded; the MAC is wiped on every path.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

enum { PART_HEADER, PART_PAYLOAD, PART_SIGNATURE };
static const char *const part_names[] = { "header", "payload", "signature" };

/* Position in the token of decoded byte `i` of a segment at `start`. */
static long
token_pos(size_t start, long i)
{
	return i < 0 ? (long)start : (long)(start + ((size_t)i * 4) / 3);
}

/* Find the two dots. Returns 1 and sets r->dot1/dot2, or records
 * `malformed` and returns 0. */
static int
split(oojwt_result *r, const char *t, size_t len)
{
	const char *p = t, *end = t + len, *d;
	size_t n = 0, third = 0;

	/* memchr: a word at a time, where a byte loop is most of the cost
	 * of splitting a long token. */
	while (p < end && (d = (const char *)memchr(p, '.', (size_t)(end - p)))
		!= NULL)
	{
		if (n == 0) {
			r->dot1 = (size_t)(d - t);
		} else if (n == 1) {
			r->dot2 = (size_t)(d - t);
		} else if (n == 2) {
			third = (size_t)(d - t);
		}
		n++;
		p = d + 1;
	}
	if (n == 2) {
		return 1;
	}
	r->dot1 = 0;
	r->dot2 = 0;
	if (len == 0) {
		oojwt_issue_fmt(r, OOJWT_ERR_MALFORMED, -1, "reason",
			"the token is empty%k", OOJWT_SEL("empty"));
	} else {
		oojwt_issue_fmt(r, OOJWT_ERR_MALFORMED, n > 2 ? (long)third : -1,
			"segments", "a JWS has 3 segments separated by 2 dots; this "
			"text has %z segment%s%s", n + 1, n == 0 ? "" : "s", n == 4
			? " (the shape of an encrypted JWE, which is not a signed token)"
			: "");
	}
	return 0;
}

/* Decode one segment into a new NUL-terminated buffer. */
static int
decode_part(oojwt_result *r, const char *seg, size_t seg_len, size_t start,
	int part, unsigned char **out, size_t *out_len)
{
	unsigned char *buf;
	size_t bad = 0;

	buf = (unsigned char *)malloc(seg_len / 4 * 3 + 3);
	if (buf == NULL) {
		oojwt_issue_add(r, OOJWT_ERR_NO_MEMORY, -1, "out of memory");
		return 0;
	}
	if (oojwt_b64url_decode(buf, out_len, seg, seg_len, &bad) != OOJWT_OK) {
		oojwt_issue_fmt(r, OOJWT_ERR_BAD_BASE64, (long)(start + bad),
			"part,character,detail", "%s segment, character %z: %s",
			part_names[part], bad + 1,
			oojwt_b64url_decode_error(seg, seg_len));
		free(buf);
		return 0;
	}
	buf[*out_len] = 0;
	*out = buf;
	return 1;
}

/* Parse a decoded header; must be a JSON object. */
static oojwt_jv *
parse_part(oojwt_result *r, const char *text, size_t len, size_t start,
	int part)
{
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_jv *tree = NULL;
	long pos;
	int code;

	code = oojwt_json_parse(&tree, text, len, &pos, msg);
	if (code != OOJWT_OK || oojwt_json_type(tree) != OOJWT_JSON_OBJECT) {
		oojwt_issue_not_object(r, code, token_pos(start, pos), msg,
			part_names[part], oojwt_json_type(tree), (long)start);
		oojwt_json_free(tree);
		return NULL;
	}
	return tree;
}

/* Check a decoded part (no tree kept); 1 when it is a JSON object, with
 * the members named in top[0..n_top) described there. */
static int
check_part(oojwt_result *r, const char *text, size_t len, size_t start,
	int part, oojwt_jtop *top, size_t n_top)
{
	char msg[OOJWT_MESSAGE_LEN];
	long pos;
	int type;
	int code;

	code = oojwt_json_check(text, len, &type, top, n_top, &pos, msg);
	if (code != OOJWT_OK || type != OOJWT_JSON_OBJECT) {
		oojwt_issue_not_object(r, code, token_pos(start, pos), msg,
			part_names[part], type, (long)start);
		return 0;
	}
	return 1;
}

/* What the checks read of a header: the types of alg, typ and crit
 * (OOJWT_JSON_INVALID when absent), and alg and typ as NUL-terminated
 * text when they are strings. */
typedef struct {
	int alg_type, typ_type, crit_type;
	const char *alg, *typ;
	char alg_buf[32], typ_buf[64];
} header_view;

/* The header's members as oojwt_json_check() describes them. */
enum { HDR_ALG, HDR_TYP, HDR_CRIT, HDR_N };

/* Copy a plain string member (no escape) into `buf`; 0 when it is
 * escaped or does not fit (then a tree decodes it). */
static int
view_string(const oojwt_jtop *m, char *buf, size_t cap, const char **out)
{
	*out = NULL;
	if (m->type != OOJWT_JSON_STRING) {
		return 1;
	}
	if (m->str == NULL || m->str_len >= cap) {
		return 0;
	}
	memcpy(buf, m->str, m->str_len);
	buf[m->str_len] = 0;
	*out = buf;
	return 1;
}

/* The view from a tree (any header). */
static void
view_tree(header_view *v, const oojwt_jv *hdr)
{
	const oojwt_jv *a = oojwt_json_get(hdr, "alg");
	const oojwt_jv *t = oojwt_json_get(hdr, "typ");

	v->alg_type = oojwt_json_type(a);
	v->typ_type = oojwt_json_type(t);
	v->crit_type = oojwt_json_type(oojwt_json_get(hdr, "crit"));
	v->alg = v->alg_type == OOJWT_JSON_STRING ? oojwt_json_string(a) : NULL;
	v->typ = v->typ_type == OOJWT_JSON_STRING ? oojwt_json_string(t) : NULL;
}

/*
 * Check the decoded header and fill `v`: without a tree when alg and
 * typ are plain strings (every header in practice), else through the
 * tree left in *hdr for the caller to free. 1 when it is an object.
 */
static int
check_header(oojwt_result *r, header_view *v, oojwt_jv **hdr)
{
	oojwt_jtop top[HDR_N] = { { "alg", 0, 0, NULL, 0 },
		{ "typ", 0, 0, NULL, 0 }, { "crit", 0, 0, NULL, 0 } };

	if (!check_part(r, r->header, r->header_len, 0, PART_HEADER, top,
		HDR_N))
	{
		return 0;
	}
	v->alg_type = top[HDR_ALG].type;
	v->typ_type = top[HDR_TYP].type;
	v->crit_type = top[HDR_CRIT].type;
	if (view_string(&top[HDR_ALG], v->alg_buf, sizeof v->alg_buf, &v->alg)
		&& view_string(&top[HDR_TYP], v->typ_buf, sizeof v->typ_buf,
			&v->typ))
	{
		return 1;
	}
	*hdr = parse_part(r, r->header, r->header_len, 0, PART_HEADER);
	if (*hdr == NULL) {
		return 0;
	}
	view_tree(v, *hdr);
	return 1;
}

/* Check the decoded payload (when it decoded): a JSON object, with the
 * claims described in `claims`; then warn about hidden characters in
 * the header and the payload that passed (hidden.c). */
static void
check_payload(oojwt_result *r, oojwt_jtop *claims)
{
	if (r->payload != NULL) {
		r->payload_ok = check_part(r, r->payload, r->payload_len,
			r->dot1 + 1, PART_PAYLOAD, claims, OOJWT_N_CLAIMS);
	}
	oojwt_hidden_check(r);
}

/* An HS signature of the wrong length: no key can verify it, and the
 * usual cause is a copy that lost its end. The message, into msg (1) or
 * 0 when the length is right. */
static int
sig_length_issue(oojwt_result *r, int code, unsigned alg)
{
	size_t want = oojwt_hmac_size(alg);

	if ((alg & OOJWT_ALG_HMAC) == 0 || r->sig_len == want) {
		return 0;
	}
	oojwt_issue_fmt(r, code, (long)r->dot2 + 1, "alg,length,expected",
		"the %s signature is %z bytes, not %z: cut when copied",
		oojwt_alg_name(alg), r->sig_len, want);
	return 1;
}

/* Said without a secret (oojwt_decode too): signature_length. */
static void
sig_length(oojwt_result *r, unsigned alg)
{
	(void)sig_length_issue(r, OOJWT_WARN_SIGNATURE_LENGTH, alg);
}

/*
 * Split and decode all three parts and check the header. Records every
 * structural error; `v` describes the header when r->header_ok (*hdr is
 * a tree to free, or NULL). The payload is decoded from base64url but
 * not read as JSON (check_payload() does that). Returns 0 when the token
 * cannot be split.
 */
static int
decode_all(oojwt_result *r, const char *t, size_t len, oojwt_jv **hdr,
	header_view *v)
{
	unsigned char *p;

	*hdr = NULL;
	if (len > OOJWT_MAX_TOKEN_LEN) {
		oojwt_issue_fmt(r, OOJWT_ERR_TOO_LARGE, -1, "length,limit",
			"the token is %z bytes; the limit is %z bytes", len,
			(size_t)OOJWT_MAX_TOKEN_LEN);
		return 0;
	}
	if (!split(r, t, len)) {
		return 0;
	}
	if (decode_part(r, t, r->dot1, 0, PART_HEADER, &p, &r->header_len)) {
		r->header = (char *)p;
		r->header_ok = check_header(r, v, hdr);
	}
	if (decode_part(r, t + r->dot1 + 1, r->dot2 - r->dot1 - 1, r->dot1 + 1,
		PART_PAYLOAD, &p, &r->payload_len))
	{
		r->payload = (char *)p;
	}
	if (decode_part(r, t + r->dot2 + 1, len - r->dot2 - 1, r->dot2 + 1,
		PART_SIGNATURE, &p, &r->sig_len))
	{
		r->sig = p;
		if (r->header_ok && v->alg != NULL) {
			sig_length(r, oojwt_alg_from_name(v->alg, strlen(v->alg)));
		}
	}
	return 1;
}

int
oojwt_decode(oojwt_result *r, const char *token, size_t len)
{
	oojwt_jv *hdr;
	header_view v;
	oojwt_jtop claims[OOJWT_N_CLAIMS] = OOJWT_CLAIMS_INIT;

	if (r == NULL || (token == NULL && len != 0)) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	oojwt_result_init(r);
	if (decode_all(r, token, len, &hdr, &v)) {
		check_payload(r, claims);
	}
	if (r->header_ok && v.alg != NULL) {
		r->alg = oojwt_alg_from_name(v.alg, strlen(v.alg));
	}
	oojwt_json_free(hdr);
	return oojwt_first_error(r);
}

/* ASCII case-insensitive equality of a NUL-terminated string and `w`. */
static int
same_word_icase(const char *s, const char *w)
{
	size_t i;

	for (i = 0; s[i] != 0 && w[i] != 0; i++) {
		char a = s[i], b = w[i];
		if (a >= 'A' && a <= 'Z') {
			a = (char)(a + 32);
		}
		if (b >= 'A' && b <= 'Z') {
			b = (char)(b + 32);
		}
		if (a != b) {
			return 0;
		}
	}
	return s[i] == 0 && w[i] == 0;
}

/*
 * Decide the algorithm from the header. Returns its bit when the token
 * may be checked with it, 0 after recording why not.
 */
static unsigned
header_alg(oojwt_result *r, const header_view *v, unsigned allowed)
{
	char names[128];
	const char *s = v->alg;
	unsigned alg, i, bit;

	if (s == NULL) {
		oojwt_issue_fmt(r, OOJWT_ERR_BAD_HEADER, 0, ",type",
			v->alg_type == OOJWT_JSON_INVALID
			? "the header has no \"alg\" member%s%k"
			: "the header's \"alg\" must be a string, not %s%k",
			v->alg_type == OOJWT_JSON_INVALID ? ""
			: oojwt_json_type_word(v->alg_type),
			OOJWT_SEL(v->alg_type == OOJWT_JSON_INVALID ? "absent"
			: oojwt_json_type_key(v->alg_type)));
		return 0;
	}
	if (same_word_icase(s, "none")) {
		oojwt_issue_fmt(r, OOJWT_ERR_ALG_NONE, 0, "alg",
			"alg \"%s\" declares an unsigned token; it never verifies", s);
		return 0;
	}
	alg = oojwt_alg_from_name(s, strlen(s));
	r->alg = alg;
	if (alg == 0 || (allowed & alg) == 0) {
		/* For the messages below only. */
		oojwt_alg_names(names, sizeof names, allowed);
	}
	if (alg == 0) {
		for (i = 0; (bit = oojwt_alg_by_index(i)) != 0; i++) {
			if (same_word_icase(s, oojwt_alg_name(bit))) {
				oojwt_issue_fmt(r, OOJWT_ERR_ALG_NOT_ALLOWED, 0,
					"alg,expected,reason", "alg \"%s\" is not \"%s\": "
					"algorithm names are case-sensitive%k", s,
					oojwt_alg_name(bit), OOJWT_SEL("case"));
				return 0;
			}
		}
		oojwt_issue_fmt(r, OOJWT_ERR_ALG_NOT_ALLOWED, 0,
			"alg,allowed,reason", "alg \"%s\" is not a JWS algorithm "
			"(allowed: %s)%k", s, names, OOJWT_SEL("unknown"));
		return 0;
	}
	if ((allowed & alg) == 0) {
		oojwt_issue_fmt(r, OOJWT_ERR_ALG_NOT_ALLOWED, 0, "alg,allowed",
			"alg %s is not among the allowed algorithms (%s)", s, names);
		return 0;
	}
	if (!oojwt_alg_supported(alg)) {
		oojwt_issue_fmt(r, OOJWT_ERR_UNSUPPORTED_ALG, 0, "alg",
			"alg %s is not supported by this build of oojwt", s);
		return 0;
	}
	return alg;
}

/* Header members other than alg: crit (refused), typ (warned). */
static void
header_rest(oojwt_result *r, const header_view *v)
{
	if (v->crit_type != OOJWT_JSON_INVALID) {
		oojwt_issue_add(r, OOJWT_ERR_CRIT, 0,
			"the header has \"crit\": it names extensions a verifier must "
			"understand, and oojwt understands none (RFC 7515 4.1.11)");
	}
	if (v->typ_type != OOJWT_JSON_INVALID
		&& (v->typ == NULL || !same_word_icase(v->typ, "JWT")))
	{
		if (v->typ != NULL) {
			oojwt_issue_fmt(r, OOJWT_WARN_TYP_NOT_JWT, 0, "typ",
				"the header's typ is \"%s\", not \"JWT\"", v->typ);
		} else {
			oojwt_issue_fmt(r, OOJWT_WARN_TYP_NOT_JWT, 0, ",type",
				"the header's typ is %s, not the string \"JWT\"%k",
				oojwt_json_type_word(v->typ_type),
				OOJWT_SEL(oojwt_json_type_key(v->typ_type)));
		}
	}
}

/* Key usable for verifying with `alg`? Records why not. */
static int
key_usable(oojwt_result *r, const oojwt_key *key, unsigned alg, unsigned op)
{
	size_t mac_len = oojwt_hmac_size(alg);
	int asym = oojwt_sig_key_usable(r, key, alg, op); /* sig.c */

	if (asym >= 0) {
		return asym;
	}
	if (key->len == 0) {
		oojwt_issue_fmt(r, OOJWT_ERR_EMPTY_KEY, -1, "reason",
			"the secret is empty; an empty HMAC key proves nothing%k",
			OOJWT_SEL("verify"));
		return 0;
	}
	if (!oojwt_key_limits(r, key, alg, op)) {
		return 0;
	}
	if (key->len < mac_len) {
		oojwt_issue_fmt(r, OOJWT_WARN_SHORT_KEY, -1, "length,alg,want",
			"the secret is %z bytes; %s wants at least %z (the hash "
			"output size)", key->len, oojwt_alg_name(alg), mac_len);
	}
	return 1;
}

static void
check_signature(oojwt_result *r, const char *token, const oojwt_key *key,
	unsigned alg)
{
	unsigned char mac[64];
	size_t mac_len = oojwt_hmac_size(alg);
	long at = (long)r->dot2 + 1;
	int same;

	if ((alg & OOJWT_ALG_HMAC) == 0) { /* RS/PS/ES: sig.c */
		oojwt_sig_verify(r, token, r->dot2, key, alg, at);
		return;
	}
	if (sig_length_issue(r, OOJWT_ERR_BAD_SIGNATURE, alg)) {
		return;
	}
	oojwt_hmac(alg, key->data, key->len, token, r->dot2, mac);
	same = oojwt_ct_equal(mac, r->sig, mac_len);
	OOJWT_DECLASSIFY(&same, sizeof same); /* the verdict is public */
	if (!same) {
		oojwt_issue_fmt(r, OOJWT_ERR_BAD_SIGNATURE, at, "alg,reason",
			"the %s signature does not match: the token was signed with "
			"another secret, or changed after signing%k",
			oojwt_alg_name(alg), OOJWT_SEL("mismatch"));
	}
	oojwt_wipe(mac, sizeof mac);
	oojwt_wipe_stack(); /* BearSSL's copy of the MAC */
}

/* The signature did not decode: still say when its length is wrong
 * for `alg`, the usual sign of a truncated copy. */
static void
signature_shape(oojwt_result *r, const char *seg, size_t seg_len,
	unsigned alg)
{
	size_t want = oojwt_b64url_encoded_len(oojwt_hmac_size(alg));

	if ((alg & OOJWT_ALG_HMAC) == 0) { /* length depends on the key */
		return;
	}
	/* Trailing padding or whitespace is reported as bad_base64
	 * already; it is not a length problem of the signature. */
	while (seg_len > 0 && (seg[seg_len - 1] == '=' || seg[seg_len - 1] == ' '
		|| seg[seg_len - 1] == '\n' || seg[seg_len - 1] == '\r'
		|| seg[seg_len - 1] == '\t'))
	{
		seg_len--;
	}
	if (seg_len != want) {
		oojwt_issue_fmt(r, OOJWT_ERR_BAD_SIGNATURE, (long)r->dot2 + 1,
			"length,alg,expected,,reason", "the signature is %z characters; "
			"%s signatures are %z characters%s%k", seg_len,
			oojwt_alg_name(alg), want, seg_len < want ? " (truncated?)" : "",
			OOJWT_SEL(seg_len < want ? "characters_short"
			: "characters_long"));
	}
}

int
oojwt_verify(oojwt_result *r, const char *token, size_t len,
	const oojwt_key *key, const oojwt_verify_opts *opts)
{
	oojwt_jv *hdr;
	header_view v;
	oojwt_jtop claims[OOJWT_N_CLAIMS] = OOJWT_CLAIMS_INIT;
	unsigned alg = 0;

	if (r == NULL || (token == NULL && len != 0) || key == NULL
		|| (key->data == NULL && key->len != 0) || opts == NULL
		|| (opts->algorithms & 0x1FFFu) == 0
		|| !isfinite(opts->now) || !isfinite(opts->clock_tolerance)
		|| opts->clock_tolerance < 0)
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	oojwt_result_init(r);
	if (!decode_all(r, token, len, &hdr, &v)) {
		return oojwt_first_error(r);
	}
	if (r->header_ok) {
		alg = header_alg(r, &v, opts->algorithms);
		header_rest(r, &v);
	}
	if (alg != 0 && key_usable(r, key, alg, OOJWT_KEYOP_VERIFY)) {
		if (r->sig != NULL) {
			check_signature(r, token, key, alg);
		} else {
			signature_shape(r, token + r->dot2 + 1, len - r->dot2 - 1,
				alg);
		}
	}
	/* Only now the payload: its JSON and its claims (the signature was
	 * computed over its base64url text). The result still reports every
	 * error, so a payload that fails is described even when the
	 * signature did not match; the scan converts no numbers but the
	 * claims (json_scan.c), so that costs the same for any payload. */
	check_payload(r, claims);
	if (r->payload_ok) {
		oojwt_claims_check(r, claims, opts->now, opts->clock_tolerance);
	}
	oojwt_json_free(hdr);
	r->valid = r->n_errors == 0;
	return oojwt_first_error(r);
}
