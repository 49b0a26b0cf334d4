/*
 * The Document Server profile of verify: jsonwebtoken 9.0.2 (with jws
 * 3.2.x) exactly as ONLYOFFICE Document Server calls it,
 *
 *   jwt.verify(token, crypto.createSecretKey(Buffer.from(secret, 'utf8')),
 *              verifyOptions)   (default.json: { clockTolerance: 60 })
 *
 * step by step: the same order of checks, the same decisions and the
 * same error message DS logs. What each verifyOptions member changes is
 * in verify_options.c, called here where verify.js reads it. Then the
 * strict profile (oojwt_verify) runs on the same input and every place
 * where it decides otherwise is listed as a difference.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

static const char *const error_names[] = {
	NULL, "JsonWebTokenError", "TokenExpiredError", "NotBeforeError",
	"TypeError", "SyntaxError", "Error"
};

const char *
oojwt_ds_error_name(int e)
{
	return e > 0 && e < (int)(sizeof error_names / sizeof *error_names)
		? error_names[e] : NULL;
}

void
oojwt_ds_issuef(oojwt_issue *list, size_t *n, size_t *dropped, int code,
	const char *names, const char *fmt, ...)
{
	oojwt_params p;
	va_list ap;

	if (*n >= OOJWT_MAX_ISSUES) {
		(*dropped)++;
		return;
	}
	list[*n].code = code;
	list[*n].pos = -1;
	oojwt_params_init(&p, list[*n].params, sizeof list[*n].params);
	va_start(ap, fmt);
	oojwt_vfmtp(list[*n].message, OOJWT_MESSAGE_LEN, &p, names, fmt, ap);
	va_end(ap);
	(*n)++;
}

/* A warning (one of each code) with its params (oojwt_fmtp). */
static void
warnf(oojwt_ds_result *r, int code, const char *names, const char *fmt, ...)
{
	oojwt_params p;
	va_list ap;
	size_t k;

	for (k = 0; k < r->n_warnings; k++) {
		if (r->warnings[k].code == code) {
			return;
		}
	}
	if (r->n_warnings >= OOJWT_MAX_ISSUES) {
		r->dropped++;
		return;
	}
	k = r->n_warnings++;
	r->warnings[k].code = code;
	r->warnings[k].pos = -1;
	oojwt_params_init(&p, r->warnings[k].params, sizeof r->warnings[k].params);
	va_start(ap, fmt);
	oojwt_vfmtp(r->warnings[k].message, OOJWT_MESSAGE_LEN, &p, names, fmt,
		ap);
	va_end(ap);
}

static void
warn(oojwt_ds_result *r, int code, const char *msg)
{
	warnf(r, code, NULL, "%s", msg);
}

/* Record DS's failure: the exact message, its class, our code and a
 * sentence for people. */
static void
fail(oojwt_ds_result *r, int name, const char *server_message, int code,
	const char *human)
{
	oojwt_ds_fail(r, name, server_message, strlen(server_message), code,
		human);
}

void
oojwt_ds_failp(oojwt_ds_result *r, const char *names, const char *fmt, ...)
{
	oojwt_params p;
	va_list ap;

	oojwt_params_init(&p, r->params, sizeof r->params);
	va_start(ap, fmt);
	oojwt_vfmtp(r->message, sizeof r->message, &p, names, fmt, ap);
	va_end(ap);
}

/* The same with the sentence and its params written by oojwt_fmtp. */
#define failf(r, name, server_message, code, ...) \
	(fail(r, name, server_message, code, ""), \
	oojwt_ds_failp(r, __VA_ARGS__))

/* The same with a message of `n` bytes that may contain NUL (V8 puts
 * the offending character, whatever it is, into a SyntaxError). */
void
oojwt_ds_fail(oojwt_ds_result *r, int name, const char *server_message,
	size_t n, int code, const char *human)
{
	r->valid = 0;
	r->error_name = name;
	r->close_code = name == OOJWT_DS_TOKEN_EXPIRED_ERROR ? 4005
		: name == OOJWT_DS_JSON_WEB_TOKEN_ERROR ? 4006 : 0;
	r->code = code;
	/* Copied as is: control characters from V8's context are part of
	 * the message (oojwt_fmt would escape them). */
	if (n >= sizeof r->server_message) {
		n = sizeof r->server_message - 1;
	}
	memcpy(r->server_message, server_message, n);
	r->server_message[n] = 0;
	r->server_message_len = n;
	oojwt_fmt(r->message, sizeof r->message, "%s", human);
	memcpy(r->params, "{}", 3);
}

static int
b64url_alphabet(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
			|| (c >= '0' && c <= '9') || c == '-' || c == '_'))
		{
			return 0;
		}
	}
	return 1;
}

/* Units equal to an ASCII word? */
static int
units_are(const unsigned short *u, size_t n, const char *w)
{
	size_t k;

	if (n != strlen(w)) {
		return 0;
	}
	for (k = 0; k < n; k++) {
		if (u[k] != (unsigned char)w[k]) {
			return 0;
		}
	}
	return 1;
}

/* Numeric value of a number member (JSON.parse semantics). */
static double
member_number(const unsigned short *u, const oojwt_ds_member *m)
{
	char buf[400], msg[OOJWT_MESSAGE_LEN];
	size_t n = m->end - m->start, k;
	oojwt_jv *v = NULL;
	long pos;
	double d;
	int neg;

	if (n >= sizeof buf) {
		n = sizeof buf - 1;
	}
	for (k = 0; k < n; k++) {
		buf[k] = (char)u[m->start + k];
	}
	buf[n] = 0;
	neg = buf[0] == '-';
	if (oojwt_json_parse(&v, buf, n, &pos, msg) != OOJWT_OK) {
		/* The strict layer refuses what overflows a double:
		 * JSON.parse gives +-Infinity, or 0 for an underflow. */
		size_t e;
		for (e = 0; e < n && buf[e] != 'e' && buf[e] != 'E'; e++) {
		}
		if (e < n && buf[e + 1] == '-') {
			return neg ? -0.0 : 0.0;
		}
		return neg ? -HUGE_VAL : HUGE_VAL;
	}
	d = oojwt_json_number(v);
	oojwt_json_free(v);
	return d;
}

/* UTF-8 text of Latin-1 bytes (each byte >= 0x80 becomes two). */
static char *
latin1_to_utf8(const unsigned char *s, size_t n, size_t *out_len)
{
	char *t = (char *)malloc(n * 2 + 1);
	size_t i, o = 0;

	if (t == NULL) {
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if (s[i] < 0x80) {
			t[o++] = (char)s[i];
		} else {
			t[o++] = (char)(0xC0 | (s[i] >> 6));
			t[o++] = (char)(0x80 | (s[i] & 0x3F));
		}
	}
	t[o] = 0;
	*out_len = o;
	return t;
}

/* UTF-8 of UTF-16 units; a lone surrogate (possible only inside a JSON
 * string, from an escape) is written back as the escape \uXXXX, so that
 * the text stays JSON that JSON.parse reads to the same value. */
static char *
utf16_to_utf8(const unsigned short *u, size_t n, size_t *out_len)
{
	static const char hex[] = "0123456789abcdef";
	char *t = (char *)malloc(n * 6 + 1);
	size_t k, o = 0;

	if (t == NULL) {
		return NULL;
	}
	for (k = 0; k < n; k++) {
		unsigned c = u[k];
		if (c >= 0xD800 && c <= 0xDBFF && k + 1 < n && u[k + 1] >= 0xDC00
			&& u[k + 1] <= 0xDFFF)
		{
			unsigned cp = 0x10000 + ((c - 0xD800) << 10) + (u[k + 1] - 0xDC00u);
			t[o++] = (char)(0xF0 | (cp >> 18));
			t[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
			t[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			t[o++] = (char)(0x80 | (cp & 0x3F));
			k++;
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			t[o++] = '\\';
			t[o++] = 'u';
			t[o++] = hex[c >> 12];
			t[o++] = hex[(c >> 8) & 15];
			t[o++] = hex[(c >> 4) & 15];
			t[o++] = hex[c & 15];
		} else if (c < 0x80) {
			t[o++] = (char)c;
		} else if (c < 0x800) {
			t[o++] = (char)(0xC0 | (c >> 6));
			t[o++] = (char)(0x80 | (c & 0x3F));
		} else {
			t[o++] = (char)(0xE0 | (c >> 12));
			t[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
			t[o++] = (char)(0x80 | (c & 0x3F));
		}
	}
	t[o] = 0;
	*out_len = o;
	return t;
}

/* Is the whole JSON value falsy in JavaScript? false, null, "", and a
 * number JSON.parse reads as 0 or -0 (0.0, 0e5, 1e-400). NaN cannot be
 * written in JSON; objects and arrays are truthy. */
static int
falsy(const unsigned short *u, const oojwt_ds_json *j)
{
	oojwt_ds_member m;

	switch (j->top_type) {
	case OOJWT_JSON_FALSE:
	case OOJWT_JSON_NULL:
		return 1;
	case OOJWT_JSON_STRING:
		return j->top_end - j->top_start == 2;
	case OOJWT_JSON_NUMBER:
		m.present = 1;
		m.type = OOJWT_JSON_NUMBER;
		m.start = j->top_start;
		m.end = j->top_end;
		return member_number(u, &m) == 0;
	default:
		return 0;
	}
}

/* The HMAC as jws computes and compares it: base64url text of the MAC
 * against the signature segment, as strings, in constant time. */
static int
signature_matches(const char *token, size_t dot2, const char *sig,
	size_t sig_len, unsigned alg, const unsigned char *key, size_t key_len)
{
	unsigned char mac[64];
	char text[90];
	size_t mac_len, text_len;
	int ok;

	mac_len = oojwt_hmac(alg, key, key_len, token, dot2, mac);
	text_len = oojwt_b64url_encode(text, mac, mac_len);
	ok = sig_len == text_len
		&& oojwt_ct_equal((const unsigned char *)text,
			(const unsigned char *)sig, text_len);
	oojwt_wipe(mac, sizeof mac);
	oojwt_wipe(text, sizeof text);
	return ok;
}

/* Params `p` in `buf` (`cap` bytes) that start as the object text
 * `text` (another issue's params), for more members after them. */
static void
params_from(oojwt_params *p, char *buf, size_t cap, const char *text)
{
	size_t n = strlen(text);

	oojwt_params_init(p, buf, cap);
	if (n > 2 && n < cap && text[0] == '{' && text[n - 1] == '}') {
		memcpy(buf, text, n + 1);
		p->len = n - 1;
	}
}

void
oojwt_ds_quote(oojwt_finding *list, size_t *n, size_t *dropped,
	const oojwt_ds_result *r, int fix)
{
	static const char *const fixes[][2] = {
		{ "expired_config", "sign the config when the page is served, with "
			"an expiry of at least a few minutes" },
		{ "expired_method", "sign the token when the method is called, with "
			"an expiry of at least a few minutes" },
		{ "signature", "sign with secret.inbox of this server, and check the "
			"secret for hidden characters: the secret check names the "
			"difference" },
		{ "no_jwt", "config.token holds no JWT (no dots): often the secret "
			"itself was pasted here; sign the config and pass the resulting "
			"token" },
		{ "exact", "pass the token exactly as the server signed it" }
	};
	char msg[OOJWT_MESSAGE_LEN], params[OOJWT_PARAMS_LEN];
	oojwt_params p;

	params_from(&p, params, sizeof params, r->params);
	oojwt_fmtp(msg, sizeof msg, &p, "errorName,serverMessage,,ds,dsFix",
		"Document Server: %s: %s -- %s%k%k", oojwt_ds_error_name(r->error_name),
		r->server_message, r->message, OOJWT_SEL("failure"),
		OOJWT_SEL(fixes[fix][0]));
	(void)oojwt_finding_addp(list, n, dropped, OOJWT_SEVERITY_ERROR, r->code,
		"token", msg, fixes[fix][1], params);
}

/* Both decisions side by side: list where the strict profile differs. */
static void
differences(oojwt_ds_result *r, const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, const oojwt_ds_opts *o,
	double now)
{
	oojwt_result s;
	oojwt_verify_opts so;
	oojwt_key key;
	size_t k;

	memset(&key, 0, sizeof key);
	key.data = secret;
	key.len = secret_len;
	so.algorithms = o->algorithms;
	so.now = now;
	so.clock_tolerance = o->strict_clock_tolerance;
	if (oojwt_verify(&s, token, len, &key, &so) == OOJWT_ERR_BAD_ARGUMENT) {
		return;
	}
	if (r->valid && !s.valid) {
		for (k = 0; k < s.n_errors; k++) {
			oojwt_issue *d = &r->differences[r->n_differences];
			oojwt_params p;
			if (r->n_differences >= OOJWT_MAX_ISSUES) {
				r->dropped++;
				continue;
			}
			/* The strict issue's params, and the key of the words
			 * around its sentence. */
			d->code = s.errors[k].code;
			d->pos = -1;
			params_from(&p, d->params, sizeof d->params, s.errors[k].params);
			oojwt_fmtp(d->message, sizeof d->message, &p, ",ds",
				"Document Server accepts, the strict profile refuses: %s%k",
				s.errors[k].message, OOJWT_SEL("accepts"));
			r->n_differences++;
		}
	} else if (!r->valid && s.valid) {
		oojwt_ds_issuef(r->differences, &r->n_differences, &r->dropped,
			r->code, "errorName,serverMessage,difference", "Document Server "
			"refuses (%s: %s), the strict profile accepts%k",
			oojwt_ds_error_name(r->error_name), r->server_message,
			"ds_refuses");
	}
	oojwt_result_free(&s);
}

/* The header as jws reads it. Returns 0 when DS says "invalid token". */
static int
read_header(oojwt_ds_result *r, const unsigned char *bytes, size_t n,
	unsigned short **units, oojwt_ds_json *hj)
{
	size_t k;
	int high = 0;

	*units = (unsigned short *)malloc((n + 1) * sizeof **units);
	if (*units == NULL) {
		return -1;
	}
	for (k = 0; k < n; k++) {
		(*units)[k] = bytes[k];
		high |= bytes[k] >= 0x80;
	}
	if (oojwt_ds_json_parse(hj, *units, n) != OOJWT_OK) {
		return -1;
	}
	r->header_text = latin1_to_utf8(bytes, n, &r->header_len);
	if (r->header_text == NULL) {
		return -1;
	}
	if (high) {
		warn(r, OOJWT_WARN_HEADER_LATIN1,
			"the header has non-ASCII bytes: Document Server (jws) reads "
			"the header as Latin-1, so UTF-8 text there turns into mojibake");
	}
	if (!hj->ok) {
		failf(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid token",
			OOJWT_ERR_BAD_JSON, "reason",
			"the header is not JSON (read as Latin-1, as jws does), so "
			"Document Server calls the token invalid%k",
			OOJWT_SEL("ds_header"));
		return 0;
	}
	r->header_json = 1;
	if (falsy(*units, hj)) {
		failf(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid token",
			OOJWT_ERR_NOT_AN_OBJECT, "reason",
			"the header is JSON but a false-like value (0, false, null, "
			"\"\"), which jws takes for no header%k",
			OOJWT_SEL("ds_header_falsy"));
		return 0;
	}
	if (hj->duplicates > 0) {
		warnf(r, OOJWT_WARN_DUPLICATE_LAST_WINS, "part,member", "the %s "
			"repeats member \"%s\"; Document Server (JSON.parse) uses the "
			"last value", "header", hj->first_duplicate);
	}
	if (hj->top_type == OOJWT_JSON_OBJECT && hj->members[OOJWT_DS_M_CRIT].present) {
		warn(r, OOJWT_WARN_CRIT_IGNORED,
			"the header has \"crit\": Document Server (jsonwebtoken) "
			"ignores it and verifies the token anyway");
	}
	return 1;
}

/* The payload is a JSON string: when its content parses to an object or
 * an array, that becomes the payload (units and text replaced). 1 when
 * done (or nothing to do), -1 when memory runs out. */
static int
reparse(oojwt_ds_result *r, unsigned short **units, size_t *n_units,
	oojwt_ds_json *pj)
{
	oojwt_ds_json inner;
	unsigned short *u;
	size_t n;
	char *text;
	size_t text_len;

	u = (unsigned short *)malloc((pj->top_end - pj->top_start + 1) * sizeof *u);
	if (u == NULL) {
		return -1;
	}
	n = oojwt_ds_json_unescape(*units, pj->top_start, pj->top_end, u);
	if (oojwt_ds_json_parse(&inner, u, n) != OOJWT_OK) {
		free(u);
		return -1;
	}
	if (!inner.ok || (inner.top_type != OOJWT_JSON_OBJECT
		&& inner.top_type != OOJWT_JSON_ARRAY))
	{
		free(u);
		return 1;
	}
	text = utf16_to_utf8(u, n, &text_len);
	if (text == NULL) {
		free(u);
		return -1;
	}
	free(r->payload_text);
	r->payload_text = text;
	r->payload_len = text_len;
	free(*units);
	*units = u;
	*n_units = n;
	*pj = inner;
	warn(r, OOJWT_WARN_PAYLOAD_DOUBLE_ENCODED,
		"the payload is a JSON string holding JSON: jsonwebtoken decodes it "
		"a second time and uses the object inside");
	return 1;
}

/* Decode the payload as jws does and, with typ JWT, JSON.parse it.
 * Returns 0 when that throws (a raw SyntaxError in DS). */
static int
read_payload(oojwt_ds_result *r, const unsigned char *bytes, size_t n,
	int typ_jwt, unsigned short **units, size_t *n_units, oojwt_ds_json *pj)
{
	size_t replaced = 0;

	*units = (unsigned short *)malloc((n + 1) * sizeof **units);
	if (*units == NULL) {
		return -1;
	}
	*n_units = oojwt_ds_utf8_to_utf16(*units, bytes, n, &replaced);
	r->payload_text = utf16_to_utf8(*units, *n_units, &r->payload_len);
	if (r->payload_text == NULL) {
		return -1;
	}
	if (replaced > 0) {
		warnf(r, OOJWT_WARN_PAYLOAD_NOT_UTF8, "sequences,,reason",
			"the payload is not valid UTF-8: Document Server replaces %z "
			"bad byte sequence%s with U+FFFD and goes on%k", replaced,
			replaced == 1 ? "" : "s", "ds");
	}
	if (oojwt_ds_json_parse(pj, *units, *n_units) != OOJWT_OK) {
		return -1;
	}
	if (typ_jwt) {
		if (!pj->ok) {
			oojwt_ds_fail(r, OOJWT_DS_SYNTAX_ERROR, pj->message,
				pj->message_len, OOJWT_ERR_BAD_JSON, "");
			oojwt_ds_failp(r, "reason", "the header says typ JWT, so jws "
				"runs JSON.parse on the payload, which is not JSON: Document "
				"Server fails with a raw SyntaxError (no close code)%k",
				OOJWT_SEL("ds_payload"));
			return 0;
		}
		r->payload_kind = OOJWT_DS_PAYLOAD_JSON;
		if (pj->top_type == OOJWT_JSON_STRING) {
			/* jws parsed the payload into a string; jsonwebtoken's
			 * decode() then tries JSON.parse on that string and keeps
			 * the result when it is an object or an array. */
			int k = reparse(r, units, n_units, pj);
			if (k <= 0) {
				return k;
			}
		}
	} else if (pj->ok && (pj->top_type == OOJWT_JSON_OBJECT
		|| pj->top_type == OOJWT_JSON_ARRAY))
	{
		r->payload_kind = OOJWT_DS_PAYLOAD_JSON;
	} else {
		r->payload_kind = OOJWT_DS_PAYLOAD_TEXT;
	}
	if (r->payload_kind == OOJWT_DS_PAYLOAD_JSON && pj->duplicates > 0) {
		warnf(r, OOJWT_WARN_DUPLICATE_LAST_WINS, "part,member", "the %s "
			"repeats member \"%s\"; Document Server (JSON.parse) uses the "
			"last value", "payload", pj->first_duplicate);
	}
	return 1;
}

/* nbf and exp, as jsonwebtoken checks them (verify.js: unless
 * ignoreNotBefore / ignoreExpiration; `now` is the clock, tol the numeric
 * clockTolerance for messages). */
static void
claims(oojwt_ds_result *r, const unsigned short *u, const oojwt_ds_json *pj,
	double now, const oojwt_ds_vopts *vo)
{
	double tol = vo->tolerance;
	const oojwt_ds_member *nbf = &pj->members[OOJWT_DS_M_NBF];
	const oojwt_ds_member *exp = &pj->members[OOJWT_DS_M_EXP];

	if (r->payload_kind == OOJWT_DS_PAYLOAD_JSON
		&& pj->top_type == OOJWT_JSON_NULL)
	{
		failf(r, OOJWT_DS_TYPE_ERROR,
			"Cannot read properties of null (reading 'nbf')",
			OOJWT_ERR_NOT_AN_OBJECT, "reason",
			"the payload is JSON null: jsonwebtoken crashes reading "
			"payload.nbf, a raw TypeError (no close code)%k",
			OOJWT_SEL("ds_payload_null"));
		return;
	}
	if (r->payload_kind == OOJWT_DS_PAYLOAD_JSON ? falsy(u, pj)
		: r->payload_len == 0)
	{
		/* jsonwebtoken returns the value (typeof 0 .nbf is undefined),
		 * but every caller of DocsCoServer.js checkJwt tests
		 * checkJwtRes.decoded for truth: the io.use handshake and auth()
		 * ("not authorized", no close code), getRequestParams (command
		 * service error 6, converter and docbuilder -8). */
		failf(r, OOJWT_DS_NO_ERROR, "", OOJWT_ERR_FALSY_PAYLOAD, "value,kind",
			"jsonwebtoken accepts the token and returns its payload, %s, a "
			"false-like value; Document Server tests what it returns for "
			"truth and refuses the token: the editor is \"not authorized\" "
			"(no close code), the command service answers error 6, "
			"conversion and docbuilder -8%k",
			r->payload_kind == OOJWT_DS_PAYLOAD_TEXT ? "an empty text"
			: r->payload_len <= 24 ? r->payload_text : "zero",
			OOJWT_SEL(r->payload_kind == OOJWT_DS_PAYLOAD_TEXT ? "text"
			: r->payload_len <= 24 ? "json" : "zero"));
		return;
	}
	if (r->payload_kind != OOJWT_DS_PAYLOAD_JSON
		|| pj->top_type != OOJWT_JSON_OBJECT)
	{
		warn(r, OOJWT_WARN_PAYLOAD_NOT_OBJECT,
			"the payload is not a JSON object; Document Server (jsonwebtoken) "
			"accepts it anyway, with no time claims to check");
		return;
	}
	if (nbf->present && !vo->ignore_not_before) {
		double v;
		if (nbf->type != OOJWT_JSON_NUMBER) {
			fail(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid nbf value",
				OOJWT_ERR_BAD_CLAIM, "\"nbf\" is not a number");
			return;
		}
		v = member_number(u, nbf);
		if (oojwt_ds_vopts_early(vo, v, now)) {
			failf(r, OOJWT_DS_NOT_BEFORE_ERROR, "jwt not active",
				OOJWT_ERR_NOT_YET_VALID, "wait,nbf,now,tolerance",
				"the token is not valid for another %t s (nbf %t, now %t, "
				"clock tolerance %t s)", v - now, v, now, tol);
			return;
		}
	}
	if (exp->present && !vo->ignore_expiration) {
		double v;
		if (exp->type != OOJWT_JSON_NUMBER) {
			fail(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid exp value",
				OOJWT_ERR_BAD_CLAIM, "\"exp\" is not a number");
			return;
		}
		v = member_number(u, exp);
		if (oojwt_ds_vopts_past(vo, v, now)) {
			failf(r, OOJWT_DS_TOKEN_EXPIRED_ERROR, "jwt expired",
				OOJWT_ERR_EXPIRED, "ago,exp,now,tolerance",
				"the token expired %t s ago (exp %t, now %t, clock "
				"tolerance %t s)", now - v, v, now, tol);
		}
	}
}

static unsigned
ds_alg(oojwt_ds_result *r, const unsigned short *u, const oojwt_ds_json *hj,
	unsigned allowed)
{
	unsigned short name[16];
	size_t n = (size_t)-1;
	unsigned i, bit;

	if (hj->top_type == OOJWT_JSON_OBJECT) {
		n = oojwt_ds_json_string(u, &hj->members[OOJWT_DS_M_ALG], name, 16);
	}
	for (i = 0; n != (size_t)-1 && (bit = oojwt_alg_by_index(i)) != 0; i++) {
		if ((allowed & bit) != 0 && units_are(name, n, oojwt_alg_name(bit))) {
			r->alg = bit;
			return bit;
		}
	}
	if (n != (size_t)-1 && (units_are(name, n, "none") || units_are(name, n, "None")
		|| units_are(name, n, "NONE")))
	{
		fail(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid algorithm",
			OOJWT_ERR_ALG_NONE, "alg \"none\" (an unsigned token) with a "
			"signature: Document Server refuses the algorithm");
	} else if (n == (size_t)-1) {
		fail(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid algorithm",
			OOJWT_ERR_BAD_HEADER, "the header has no string \"alg\" "
			"(or is not an object): Document Server refuses the algorithm");
	} else {
		fail(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid algorithm",
			OOJWT_ERR_ALG_NOT_ALLOWED, "the header's alg is not one of "
			"HS256, HS384, HS512 spelled exactly: Document Server refuses it");
	}
	return 0;
}

/* The strict comparison's algorithms under verifyOptions: the HS names
 * an algorithms array lists exactly, else all three. */
static unsigned
strict_mask(const oojwt_jv *a)
{
	const oojwt_jv *e;
	unsigned mask = 0, i, bit;

	for (e = oojwt_json_first(a, NULL); e != NULL; e = oojwt_json_next(e,
		NULL))
	{
		for (i = 0; (bit = oojwt_alg_by_index(i)) != 0; i++) {
			if ((bit & OOJWT_ALG_HMAC) != 0
				&& oojwt_json_type(e) == OOJWT_JSON_STRING
				&& strcmp(oojwt_json_string(e), oojwt_alg_name(bit)) == 0)
			{
				mask |= bit;
			}
		}
	}
	return mask != 0 ? mask : OOJWT_ALG_HMAC;
}

int
oojwt_ds_verify(oojwt_ds_result *r, const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, const oojwt_ds_opts *opts)
{
	oojwt_ds_opts o;
	oojwt_ds_vopts vo;
	oojwt_ds_json hj, pj;
	unsigned short *hu = NULL, *pu = NULL;
	unsigned char *hb = NULL, *pb = NULL;
	size_t dot1 = 0, dot2 = 0, dots = 0, hn = 0, pn = 0, pun = 0;
	double now, clock = 0;
	int step, code = OOJWT_OK;
	unsigned alg;

	if (r == NULL || (token == NULL && len != 0) || opts == NULL
		|| (secret == NULL && secret_len != 0) || !isfinite(opts->now)
		|| !isfinite(opts->clock_tolerance) || opts->clock_tolerance < 0
		|| !isfinite(opts->strict_clock_tolerance)
		|| opts->strict_clock_tolerance < 0
		|| (opts->algorithms & ~(unsigned)OOJWT_ALG_HMAC) != 0)
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(r, 0, sizeof *r);
	o = *opts;
	code = oojwt_ds_vopts_init(&vo, o.verify_options, o.verify_options_len,
		o.clock_tolerance);
	if (code != OOJWT_OK) {
		return code;
	}
	if (o.algorithms == 0) {
		o.algorithms = o.verify_options != NULL
			? strict_mask(vo.algorithms) : OOJWT_ALG_HMAC;
	}
	/* jsonwebtoken: clockTimestamp = Math.floor(Date.now() / 1000). */
	now = floor(o.now);
	r->valid = 1;
	if (secret_len == 0 && !o.no_secret) {
		warn(r, OOJWT_WARN_EMPTY_SECRET,
			"the secret is empty: Document Server wraps it in a zero-length "
			"key and accepts any token MACed with the empty key");
	}
	if (!oojwt_ds_vopts_check(r, &vo, now, &clock)) {
		goto done;
	}
	if (len == 0) {
		failf(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "jwt must be provided",
			OOJWT_ERR_MALFORMED, "reason", "no token at all%k",
			OOJWT_SEL("ds_empty"));
		goto done;
	}
	dots = oojwt_dots(token, len, &dot1, &dot2);
	if (dots != 2) {
		failf(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "jwt malformed",
			OOJWT_ERR_MALFORMED, "reason", "a JWT has 3 segments separated "
			"by 2 dots; this text does not%k", OOJWT_SEL("ds_dots"));
		goto done;
	}
	/* jws: /^[a-zA-Z0-9\-_]+?\.[a-zA-Z0-9\-_]+?\.([a-zA-Z0-9\-_]+)?$/ */
	if (dot1 == 0 || dot2 == dot1 + 1 || !b64url_alphabet(token, dot1)
		|| !b64url_alphabet(token + dot1 + 1, dot2 - dot1 - 1)
		|| !b64url_alphabet(token + dot2 + 1, len - dot2 - 1))
	{
		failf(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid token",
			OOJWT_ERR_BAD_BASE64, "reason", "a segment is empty or has a "
			"character outside A-Z a-z 0-9 - _ (padding, whitespace, a line "
			"break, \"Bearer \", + or /): jws refuses the token%k",
			OOJWT_SEL("ds_alphabet"));
		goto done;
	}
	hb = (unsigned char *)malloc(dot1 + 1);
	pb = (unsigned char *)malloc(dot2 - dot1);
	if (hb == NULL || pb == NULL) {
		code = OOJWT_ERR_NO_MEMORY;
		goto done;
	}
	if (oojwt_ds_b64_decode(hb, &hn, token, dot1)
		| oojwt_ds_b64_decode(pb, &pn, token + dot1 + 1, dot2 - dot1 - 1))
	{
		warn(r, OOJWT_WARN_NONCANONICAL_BASE64,
			"the header or payload segment is not canonical base64url "
			"(spare bits set, or a dangling character); Node decodes it "
			"anyway");
	}
	step = read_header(r, hb, hn, &hu, &hj);
	if (step < 0) {
		code = OOJWT_ERR_NO_MEMORY;
		goto done;
	}
	if (step == 0) {
		goto done;
	}
	{
		unsigned short typ[4];
		size_t tn = hj.top_type == OOJWT_JSON_OBJECT
			? oojwt_ds_json_string(hu, &hj.members[OOJWT_DS_M_TYP], typ, 4)
			: (size_t)-1;
		int typ_jwt = tn != (size_t)-1 && units_are(typ, tn, "JWT");
		step = read_payload(r, pb, pn, typ_jwt, &pu, &pun, &pj);
	}
	if (step < 0) {
		code = OOJWT_ERR_NO_MEMORY;
		goto done;
	}
	if (step == 0) {
		goto done;
	}
	/* jsonwebtoken's verify: hasSignature against the secret it got. */
	if (o.no_secret && dot2 + 1 != len) {
		failf(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "secret or public key must "
			"be provided", OOJWT_ERR_BAD_SIGNATURE, "reason", "Document "
			"Server has no secret (secret.inbox.string is empty and no file is "
			"set), so it can verify no token%k", OOJWT_SEL("ds_no_secret"));
		goto done;
	}
	if (o.no_secret && opts->algorithms == 0) {
		failf(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "please specify \"none\" in "
			"\"algorithms\" to verify unsigned tokens", OOJWT_ERR_BAD_SIGNATURE,
			"reason", "an unsigned token, and Document Server has no secret: "
			"jsonwebtoken refuses it unless verifyOptions.algorithms lists "
			"\"none\"%k", OOJWT_SEL("ds_unsigned_no_secret"));
		goto done;
	}
	if (dot2 + 1 == len && !o.no_secret) {
		failf(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "jwt signature is required",
			OOJWT_ERR_BAD_SIGNATURE, "reason", "the signature segment is "
			"empty (an unsigned token); Document Server always wants a "
			"signature%k", OOJWT_SEL("ds_unsigned"));
		goto done;
	}
	alg = vo.algorithms != NULL ? oojwt_ds_vopts_alg(r, &vo, hu, &hj,
		token + dot2 + 1, len - dot2 - 1) : ds_alg(r, hu, &hj,
		o.verify_options != NULL ? OOJWT_ALG_HMAC : o.algorithms);
	if (alg == 0) {
		goto done;
	}
	if (o.no_secret) {
		/* `secretOrPublicKey.type` of undefined, after the alg check. */
		failf(r, OOJWT_DS_TYPE_ERROR, "Cannot read properties of undefined "
			"(reading 'type')", OOJWT_ERR_BAD_SIGNATURE, "reason", "an "
			"unsigned token, and Document Server has no secret: jsonwebtoken "
			"crashes on the missing key%k", OOJWT_SEL("ds_no_key"));
		goto done;
	}
	if (!signature_matches(token, dot2, token + dot2 + 1, len - dot2 - 1,
		alg, secret, secret_len))
	{
		size_t chars = len - dot2 - 1, want = oojwt_hmac_size(alg);
		if ((alg & OOJWT_ALG_HMAC) != 0
			&& chars != oojwt_b64url_encoded_len(want))
		{
			/* As oojwt_decode says it (jws.c), without a secret. */
			warnf(r, OOJWT_WARN_SIGNATURE_LENGTH, "alg,length,expected,reason",
				"the %s signature is %z bytes, not %z: the token was cut when "
				"it was copied (or bytes were added to it), so no secret "
				"verifies it; copy the whole token%k", oojwt_alg_name(alg),
				chars * 3 / 4, want, "ds");
		}
		failf(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid signature",
			OOJWT_ERR_BAD_SIGNATURE, "reason", "the signature is not the "
			"base64url HMAC of the token with this secret, character for "
			"character (another secret, a change after signing, or a "
			"non-canonical last character)%k", OOJWT_SEL("ds_hmac"));
		goto done;
	}
	claims(r, pu, &pj, clock, &vo);
	if (r->valid && oojwt_ds_vopts_claims(r, &vo, pu, &pj, clock, o.now,
		token + dot2 + 1, len - dot2 - 1) < 0)
	{
		code = OOJWT_ERR_NO_MEMORY;
	}
	if (r->decoded_text != NULL) {
		warnf(r, OOJWT_FIND_VERIFY_COMPLETE, "reason", "verifyOptions.complete "
			"is true: jwt.verify returns {header, payload, signature}, so "
			"Document Server finds no document, editorConfig, key, c or url in "
			"what it decoded (the token's members sit under .payload)%k",
			"decoded");
	}
done:
	if (code == OOJWT_OK && !o.no_secret) {
		differences(r, token, len, secret, secret_len, &o, now);
	}
	free(hb);
	free(pb);
	free(hu);
	free(pu);
	oojwt_ds_vopts_free(&vo);
	if (code != OOJWT_OK) {
		oojwt_ds_result_free(r);
	}
	return code;
}

void
oojwt_ds_result_free(oojwt_ds_result *r)
{
	if (r == NULL) {
		return;
	}
	free(r->header_text);
	free(r->payload_text);
	free(r->decoded_text);
	oojwt_wipe(r, sizeof *r);
}
