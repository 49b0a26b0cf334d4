/*
 * Document Server's verifyOptions as jsonwebtoken 9.0.2 applies them.
 *
 * DocService's checkJwt (DocsCoServer.js) passes
 * services.CoAuthoring.token.verifyOptions whole as the third argument of
 * jwt.verify(), so every option verify.js reads changes a verdict. This
 * file holds what verify.js does with them, in its order, for
 * profile.c to call at the same places:
 *
 *   - before the token: `clockTimestamp` must be a number when truthy,
 *     `nonce` a string that is not blank after trim(),
 *     `allowInvalidAsymmetricKeyTypes` a boolean when present; the clock
 *     is `clockTimestamp || Math.floor(Date.now() / 1000)`;
 *   - `algorithms` (when truthy): `algorithms.indexOf(header.alg)` -- an
 *     array compares with ===, a string searches String(alg) in it,
 *     anything else throws --, then `header.alg.startsWith('HS')`, the
 *     RS/PS/ES test against the secret key, and jws.verify (jwa's
 *     case-insensitive algorithm pattern);
 *   - nbf and exp unless `ignoreNotBefore` / `ignoreExpiration`, with
 *     `x + (clockTolerance || 0)` as JavaScript evaluates it (text
 *     concatenation for a string, an array or an object);
 *   - `audience` (a value or an array, === against payload.aud or its
 *     elements), `issuer` (a string or an array; other values check
 *     nothing), `subject`, `jwtid`, `nonce`, `maxAge` (a number of
 *     seconds or an `ms` timespan from iat, lib/timespan.js), and
 *     `complete` (the decoded value becomes {header, payload, signature}).
 *
 * Messages are jsonwebtoken's and V8's, with values written as
 * JavaScript's String() writes them (src/ds/js_values.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

/* Fail with the message built in sb (handed over and freed). */
static int
fail_sb(oojwt_ds_result *r, oojwt_sb *sb, int name, int code,
	const char *human, const char *key)
{
	size_t n = 0;
	char *m = oojwt_sb_finish(sb, &n);

	sb->buf = NULL;
	if (m == NULL) {
		return -1;
	}
	oojwt_ds_fail(r, name, m, n, code, "");
	oojwt_ds_failp(r, key != NULL ? ",reason" : NULL, "%s%k", human,
		key != NULL ? key : "");
	free(m);
	return 0;
}

/* The same for a server message `msg` (a C string); `key` names the
 * sentence `human` in the failure's params ({"reason":key}; NULL: {}). */
static int
fail_text(oojwt_ds_result *r, int name, const char *msg, int code,
	const char *human, const char *key)
{
	oojwt_ds_fail(r, name, msg, strlen(msg), code, "");
	oojwt_ds_failp(r, key != NULL ? ",reason" : NULL, "%s%k", human,
		key != NULL ? key : "");
	return 0;
}

/* x + clockTolerance, compared: Number(String(x) + text) when the sum
 * is text. */
static double
plus_tolerance(const oojwt_ds_vopts *v, double x)
{
	char num[OOJWT_JS_NUMBER_LEN];
	size_t k;
	char *t;
	double d;

	if (v->tolerance_text == NULL) {
		return x + v->tolerance;
	}
	k = oojwt_js_number(num, x);
	t = (char *)malloc(k + v->tolerance_text_len + 1);
	if (t == NULL) {
		return NAN;
	}
	memcpy(t, num, k);
	memcpy(t + k, v->tolerance_text, v->tolerance_text_len);
	d = oojwt_ds_js_to_number(t, k + v->tolerance_text_len);
	free(t);
	return d;
}

int
oojwt_ds_vopts_past(const oojwt_ds_vopts *v, double t, double clock)
{
	return clock >= plus_tolerance(v, t);
}

int
oojwt_ds_vopts_early(const oojwt_ds_vopts *v, double nbf, double clock)
{
	return nbf > plus_tolerance(v, clock);
}

/* ---- reading the options ------------------------------------------------ */

static const oojwt_jv *
opt(const oojwt_ds_vopts *v, const char *name)
{
	return oojwt_json_get(v->tree, name);
}

int
oojwt_ds_vopts_init(oojwt_ds_vopts *v, const char *json, size_t len,
	double tolerance)
{
	char msg[OOJWT_MESSAGE_LEN];
	const oojwt_jv *t;
	oojwt_jv *tree = NULL;
	oojwt_sb sb;
	size_t dups;
	long pos;
	int code;

	memset(v, 0, sizeof *v);
	v->tolerance = tolerance;
	if (json == NULL) {
		return OOJWT_OK;
	}
	v->tolerance = 0;
	code = oojwt_json_parse_ex(&tree, json, len, OOJWT_JSON_LAST_WINS, &dups,
		&pos, msg);
	if (code != OOJWT_OK) {
		return code == OOJWT_ERR_NO_MEMORY ? code : OOJWT_ERR_BAD_ARGUMENT;
	}
	if (oojwt_json_type(tree) != OOJWT_JSON_OBJECT) {
		oojwt_json_free(tree);
		return OOJWT_OK;
	}
	v->tree = tree;
	t = opt(v, "algorithms");
	v->algorithms = oojwt_json_truthy(t) ? t : NULL;
	v->ignore_expiration = oojwt_json_truthy(opt(v, "ignoreExpiration"));
	v->ignore_not_before = oojwt_json_truthy(opt(v, "ignoreNotBefore"));
	v->complete = oojwt_json_type(opt(v, "complete")) == OOJWT_JSON_TRUE;
	t = opt(v, "clockTolerance");
	if (!oojwt_json_truthy(t)) {
		return OOJWT_OK;               /* (clockTolerance || 0) */
	}
	switch (oojwt_json_type(t)) {
	case OOJWT_JSON_NUMBER:
		v->tolerance = oojwt_json_number(t);
		return OOJWT_OK;
	case OOJWT_JSON_TRUE:
		v->tolerance = 1;
		return OOJWT_OK;
	default:
		break;
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_reserve(&sb, 32);
	oojwt_ds_jv_to_string(&sb, t, 0);
	v->tolerance_text = oojwt_sb_finish(&sb, &v->tolerance_text_len);
	if (v->tolerance_text == NULL) {
		oojwt_ds_vopts_free(v);
		return OOJWT_ERR_NO_MEMORY;
	}
	return OOJWT_OK;
}

void
oojwt_ds_vopts_free(oojwt_ds_vopts *v)
{
	oojwt_json_free(v->tree);
	free(v->tolerance_text);
	memset(v, 0, sizeof *v);
}

char *
oojwt_ds_vopts_with_tolerance(const char *json, size_t len, double tolerance,
	size_t *out_len)
{
	char msg[OOJWT_MESSAGE_LEN], *text = NULL;
	oojwt_jv *tree = NULL;
	size_t dups;
	long pos;

	if (oojwt_json_parse_ex(&tree, json, len, OOJWT_JSON_LAST_WINS, &dups,
		&pos, msg) != OOJWT_OK)
	{
		return NULL;
	}
	if (oojwt_json_type(tree) != OOJWT_JSON_OBJECT) {
		oojwt_json_free(tree);
		tree = oojwt_json_new_object();
	}
	if (tree != NULL && oojwt_json_set_number(tree, "clockTolerance",
		tolerance) == OOJWT_OK)
	{
		text = oojwt_json_print(tree, out_len);
	}
	oojwt_json_free(tree);
	return text;
}

int
oojwt_ds_vopts_check(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	double now, double *clock)
{
	const oojwt_jv *ts = opt(v, "clockTimestamp");
	const oojwt_jv *nonce = opt(v, "nonce");
	const oojwt_jv *aik = opt(v, "allowInvalidAsymmetricKeyTypes");

	*clock = now;
	/* verify.js: if (options.clockTimestamp && typeof ... !== 'number') */
	if (oojwt_json_truthy(ts) && oojwt_json_type(ts) != OOJWT_JSON_NUMBER) {
		return fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR,
			"clockTimestamp must be a number", OOJWT_FIND_VERIFY_CLOCK_TIMESTAMP,
			"verifyOptions.clockTimestamp is not a number: jsonwebtoken "
			"refuses every token before reading it", "refused");
	}
	if (nonce != NULL && (oojwt_json_type(nonce) != OOJWT_JSON_STRING
		|| oojwt_ds_js_blank(oojwt_json_string(nonce),
		strlen(oojwt_json_string(nonce)))))
	{
		return fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR,
			"nonce must be a non-empty string", OOJWT_FIND_VERIFY_NONCE,
			"verifyOptions.nonce is not a non-blank string: jsonwebtoken "
			"refuses every token before reading it", "blank_ds");
	}
	if (aik != NULL && oojwt_json_type(aik) != OOJWT_JSON_TRUE
		&& oojwt_json_type(aik) != OOJWT_JSON_FALSE)
	{
		return fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR,
			"allowInvalidAsymmetricKeyTypes must be a boolean",
			OOJWT_FIND_VERIFY_OTHER_OPTION, "verifyOptions."
			"allowInvalidAsymmetricKeyTypes is not a boolean: jsonwebtoken "
			"refuses every token before reading it", "refused");
	}
	/* const clockTimestamp = options.clockTimestamp || Math.floor(...) */
	if (oojwt_json_truthy(ts)) {
		*clock = oojwt_json_number(ts);
	}
	return 1;
}

/* ---- algorithms ---------------------------------------------------------- */

static int
units_start(const unsigned short *u, size_t n, const char *w)
{
	size_t k, m = strlen(w);

	for (k = 0; k < m; k++) {
		if (k >= n || u[k] != (unsigned char)w[k]) {
			return 0;
		}
	}
	return 1;
}

/* options.algorithms.indexOf(header.alg) !== -1; -1 out of memory. */
static int
alg_listed(const oojwt_jv *algs, const oojwt_ds_val *alg)
{
	const oojwt_jv *e;
	oojwt_ds_utext hay, needle;
	size_t k;
	int found = 0;

	if (oojwt_json_type(algs) == OOJWT_JSON_ARRAY) {
		for (e = oojwt_json_first(algs, NULL); e != NULL && !found;
			e = oojwt_json_next(e, NULL))
		{
			found = oojwt_ds_strict_equal(e, alg);
		}
		return found;
	}
	/* String.prototype.indexOf(String(alg)) */
	memset(&hay, 0, sizeof hay);
	memset(&needle, 0, sizeof needle);
	oojwt_ds_utext_utf8(&hay, oojwt_json_string(algs),
		strlen(oojwt_json_string(algs)));
	oojwt_ds_val_to_string(&needle, alg, 0);
	for (k = 0; !hay.oom && !needle.oom && !found && k + needle.n <= hay.n;
		k++)
	{
		found = needle.n == 0 || memcmp(hay.u + k, needle.u,
			needle.n * sizeof *needle.u) == 0;
	}
	found = hay.oom || needle.oom ? -1 : found;
	free(hay.u);
	free(needle.u);
	return found;
}

unsigned
oojwt_ds_vopts_alg(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	const unsigned short *u, const oojwt_ds_json *hj, const char *sig,
	size_t sig_len)
{
	static const char *const invalid = "\" is not a valid algorithm.\n"
		"  Supported algorithms are:\n  \"HS256\", \"HS384\", \"HS512\", "
		"\"RS256\", \"RS384\", \"RS512\", \"PS256\", \"PS384\", \"PS512\", "
		"\"ES256\", \"ES384\", \"ES512\" and \"none\".";
	static const char *const no_key = "key must be a string or a buffer or "
		"a KeyObject";
	const oojwt_jv *algs = v->algorithms;
	unsigned short *name = NULL;
	size_t n = 0;
	unsigned bits = 0, family;
	oojwt_sb sb;
	oojwt_ds_val alg;
	int listed;

	(void)sig;                         /* only its length matters below */
	oojwt_ds_val_member(&alg, u, hj, OOJWT_DS_M_ALG);
	if (oojwt_json_type(algs) != OOJWT_JSON_ARRAY
		&& oojwt_json_type(algs) != OOJWT_JSON_STRING)
	{
		fail_text(r, OOJWT_DS_TYPE_ERROR, "options.algorithms.indexOf is not "
			"a function", OOJWT_FIND_VERIFY_ALGORITHMS, "verifyOptions."
			"algorithms is neither an array nor a string: jsonwebtoken "
			"crashes on every token (no close code)", "refused");
		return 0;
	}
	listed = alg_listed(algs, &alg);
	if (listed <= 0) {
		if (listed == 0) {
			fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid algorithm",
				OOJWT_ERR_ALG_NOT_ALLOWED, "the header's alg is not in "
				"verifyOptions.algorithms: Document Server refuses it", NULL);
		}
		return 0;
	}
	/* header.alg.startsWith('HS') */
	if (alg.type == OOJWT_JSON_INVALID || alg.type == OOJWT_JSON_NULL) {
		fail_text(r, OOJWT_DS_TYPE_ERROR, alg.type == OOJWT_JSON_NULL
			? "Cannot read properties of null (reading 'startsWith')"
			: "Cannot read properties of undefined (reading 'startsWith')",
			OOJWT_ERR_BAD_HEADER, "the header has no alg, yet "
			"verifyOptions.algorithms (a string) contains its text: "
			"jsonwebtoken crashes (no close code)", NULL);
		return 0;
	}
	if (alg.type != OOJWT_JSON_STRING) {
		fail_text(r, OOJWT_DS_TYPE_ERROR, "header.alg.startsWith is not a "
			"function", OOJWT_ERR_BAD_HEADER, "the header's alg is not a "
			"string, yet verifyOptions.algorithms lists it: jsonwebtoken "
			"crashes (no close code)", NULL);
		return 0;
	}
	name = oojwt_ds_val_units(&alg, &n);
	if (name == NULL) {
		return 0;
	}
	memset(&sb, 0, sizeof sb);
	if (!units_start(name, n, "HS") && (units_start(name, n, "RS")
		|| units_start(name, n, "PS") || units_start(name, n, "ES")))
	{
		oojwt_sb_puts(&sb, "secretOrPublicKey must be an asymmetric key when "
			"using ");
		oojwt_ds_sb_units(&sb, name, n);
		fail_sb(r, &sb, OOJWT_DS_JSON_WEB_TOKEN_ERROR, OOJWT_ERR_KEY_MISMATCH,
			"verifyOptions.algorithms allows this RS/PS/ES algorithm, but "
			"Document Server verifies with a secret: it refuses the token", NULL);
		free(name);
		return 0;
	}
	if (n == 0) {
		/* jws.verify: if (!algorithm) throw new Error(...) */
		fail_text(r, OOJWT_DS_ERROR, "Missing algorithm parameter for "
			"jws.verify", OOJWT_ERR_BAD_HEADER, "the header's alg is \"\" "
			"and verifyOptions.algorithms lets it through: jws throws (no "
			"close code)", NULL);
		free(name);
		return 0;
	}
	/* jwa: /^(RS|PS|ES|HS)(256|384|512)$|^(none)$/i */
	family = 0;
	if (n == 5 && ((name[0] | 0x20) == 'r' || (name[0] | 0x20) == 'p'
		|| (name[0] | 0x20) == 'e' || (name[0] | 0x20) == 'h')
		&& (name[1] | 0x20) == 's')
	{
		family = (unsigned)(name[0] | 0x20);
		if (units_start(name + 2, 3, "256")) {
			bits = OOJWT_ALG_HS256;
		} else if (units_start(name + 2, 3, "384")) {
			bits = OOJWT_ALG_HS384;
		} else if (units_start(name + 2, 3, "512")) {
			bits = OOJWT_ALG_HS512;
		} else {
			family = 0;
		}
	} else if (n == 4 && (name[0] | 0x20) == 'n' && (name[1] | 0x20) == 'o'
		&& (name[2] | 0x20) == 'n' && (name[3] | 0x20) == 'e')
	{
		family = 'n';
	}
	if (family == 0) {
		oojwt_sb_puts(&sb, "\"");
		oojwt_ds_sb_units(&sb, name, n);
		oojwt_sb_puts(&sb, invalid);
		fail_sb(r, &sb, OOJWT_DS_TYPE_ERROR, OOJWT_ERR_UNSUPPORTED_ALG,
			"verifyOptions.algorithms lets through an alg jws does not know: "
			"it throws a TypeError (no close code)", NULL);
	} else if (family == 'n') {
		/* jwa's none verifier: signature === '' (it is not) */
		fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "invalid signature",
			OOJWT_ERR_ALG_NONE, "alg \"none\" is allowed by verifyOptions."
			"algorithms, but jws's none verifier wants an empty signature, "
			"which jsonwebtoken refused before: never valid", NULL);
	} else if (family == 'e') {
		/* ecdsa-sig-formatter's joseToDer checks the length first */
		size_t want = bits == OOJWT_ALG_HS256 ? 64 : bits == OOJWT_ALG_HS384
			? 96 : 132;
		size_t have = sig_len / 4 * 3 + (sig_len % 4 == 2 ? 1
			: sig_len % 4 == 3 ? 2 : 0);
		char msg[OOJWT_MESSAGE_LEN];
		if (have != want) {
			oojwt_fmt(msg, sizeof msg, "\"ES%s\" signatures must be \"%z\" "
				"bytes, saw \"%z\"", bits == OOJWT_ALG_HS256 ? "256"
				: bits == OOJWT_ALG_HS384 ? "384" : "512", want, have);
		}
		fail_text(r, OOJWT_DS_TYPE_ERROR, have != want ? msg : no_key,
			OOJWT_ERR_KEY_MISMATCH, "an ES algorithm (in lower case) reaches "
			"jws with a secret key: it throws a TypeError (no close code)", NULL);
	} else if (family != 'h') {
		fail_text(r, OOJWT_DS_TYPE_ERROR, no_key, OOJWT_ERR_KEY_MISMATCH,
			"an RS/PS algorithm (in lower case) reaches jws with a secret "
			"key: it throws a TypeError (no close code)", NULL);
	}
	free(name);
	free(sb.buf);
	if (family != 'h') {
		return 0;
	}
	r->alg = bits;
	return bits;
}

/* ---- the claims after exp ---------------------------------------------- */

/* payload.<member> === option, for the options compared one to one. */
static int
claim_check(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	const unsigned short *u, const oojwt_ds_json *pj, const char *option,
	int member, const char *what, int code)
{
	const oojwt_jv *want = opt(v, option);
	oojwt_sb sb;
	oojwt_ds_val got;
	int eq;

	if (!oojwt_json_truthy(want)) {
		return 1;
	}
	oojwt_ds_val_member(&got, u, pj, member);
	eq = oojwt_ds_strict_equal(want, &got);
	if (eq != 0) {
		return eq;
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "jwt ");
	oojwt_sb_puts(&sb, what);
	oojwt_sb_puts(&sb, " invalid. expected: ");
	oojwt_ds_jv_to_string(&sb, want, 0);
	return fail_sb(r, &sb, OOJWT_DS_JSON_WEB_TOKEN_ERROR, code,
		"the token's claim differs from what verifyOptions requires: "
		"Document Server refuses it", "refused");
}

static int
audience(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	const unsigned short *u, const oojwt_ds_json *pj)
{
	const oojwt_jv *want = opt(v, "audience"), *a;
	int array = oojwt_json_type(want) == OOJWT_JSON_ARRAY, match = 0;
	size_t i = 0;
	oojwt_sb sb;
	oojwt_ds_val aud, t;

	if (!oojwt_json_truthy(want)) {
		return 1;
	}
	oojwt_ds_val_member(&aud, u, pj, OOJWT_DS_M_AUD);
	/* target = Array.isArray(payload.aud) ? payload.aud : [payload.aud] */
	if (aud.type == OOJWT_JSON_ARRAY) {
		i = aud.start + 1;
	}
	while (!match && (aud.type == OOJWT_JSON_ARRAY
		? oojwt_ds_val_next(u, &i, aud.end, &t) : i++ == 0))
	{
		if (aud.type != OOJWT_JSON_ARRAY) {
			t = aud;
		}
		if (!array) {
			match = oojwt_ds_strict_equal(want, &t);
		}
		for (a = array ? oojwt_json_first(want, NULL) : NULL; a != NULL
			&& !match; a = oojwt_json_next(a, NULL))
		{
			match = oojwt_ds_strict_equal(a, &t);
		}
	}
	if (match != 0) {
		return match;
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "jwt audience invalid. expected: ");
	if (!array) {
		oojwt_ds_jv_to_string(&sb, want, 1);
	}
	for (a = array ? oojwt_json_first(want, NULL) : NULL; a != NULL;
		a = oojwt_json_next(a, NULL))
	{
		if (a != oojwt_json_first(want, NULL)) {
			oojwt_sb_puts(&sb, " or ");
		}
		oojwt_ds_jv_to_string(&sb, a, 1);
	}
	return fail_sb(r, &sb, OOJWT_DS_JSON_WEB_TOKEN_ERROR,
		OOJWT_FIND_VERIFY_AUDIENCE, "the token's aud is none of "
		"verifyOptions.audience: Document Server refuses it", "refused");
}

static int
issuer(oojwt_ds_result *r, const oojwt_ds_vopts *v, const unsigned short *u,
	const oojwt_ds_json *pj)
{
	const oojwt_jv *want = opt(v, "issuer"), *a;
	int t = oojwt_json_type(want), found = 0;
	oojwt_sb sb;
	oojwt_ds_val iss;

	if (!oojwt_json_truthy(want)) {
		return 1;
	}
	oojwt_ds_val_member(&iss, u, pj, OOJWT_DS_M_ISS);
	if (t == OOJWT_JSON_STRING) {
		found = oojwt_ds_strict_equal(want, &iss);
	} else if (t == OOJWT_JSON_ARRAY) {
		for (a = oojwt_json_first(want, NULL); a != NULL && found == 0;
			a = oojwt_json_next(a, NULL))
		{
			found = oojwt_ds_strict_equal(a, &iss);
		}
	} else {
		return 1;                      /* neither: nothing is checked */
	}
	if (found != 0) {
		return found;
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "jwt issuer invalid. expected: ");
	oojwt_ds_jv_to_string(&sb, want, 0);
	return fail_sb(r, &sb, OOJWT_DS_JSON_WEB_TOKEN_ERROR,
		OOJWT_FIND_VERIFY_ISSUER, "the token's iss is not verifyOptions."
		"issuer: Document Server refuses it", "refused");
}

static int
max_age(oojwt_ds_result *r, const oojwt_ds_vopts *v, const unsigned short *u,
	const oojwt_ds_json *pj, double clock, double now)
{
	const oojwt_jv *age = opt(v, "maxAge");
	double iat, ts, limit, ms;
	oojwt_ds_val x;

	if (!oojwt_json_truthy(age)) {
		return 1;
	}
	if (oojwt_ds_val_member(&x, u, pj, OOJWT_DS_M_IAT) != OOJWT_JSON_NUMBER) {
		return fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "iat required when "
			"maxAge is specified", OOJWT_FIND_VERIFY_MAX_AGE, "verifyOptions."
			"maxAge is set and the token has no numeric iat: Document Server "
			"refuses it", "iat_required");
	}
	iat = oojwt_ds_val_number(&x);
	/* lib/timespan.js: iat || Math.floor(Date.now() / 1000) */
	ts = iat != 0 ? iat : floor(now);
	if (oojwt_json_type(age) == OOJWT_JSON_NUMBER) {
		limit = ts + oojwt_json_number(age);
	} else if (oojwt_json_type(age) == OOJWT_JSON_STRING
		&& oojwt_ds_ms_parse(oojwt_json_string(age), strlen(oojwt_json_string(age)),
		&ms))
	{
		double sec = ms / 1000;
		limit = floor(ts + sec);
	} else {
		return fail_text(r, OOJWT_DS_JSON_WEB_TOKEN_ERROR, "\"maxAge\" should "
			"be a number of seconds or string representing a timespan eg: "
			"\"1d\", \"20h\", 60", OOJWT_FIND_VERIFY_MAX_AGE, "verifyOptions."
			"maxAge is not a number or a timespan ms understands: every token "
			"with an iat is refused", "refused");
	}
	if (oojwt_ds_vopts_past(v, limit, clock)) {
		char msg[OOJWT_MESSAGE_LEN];
		oojwt_fmt(msg, sizeof msg, "the token was issued more than "
			"verifyOptions.maxAge ago (iat %t, limit %t, now %t)", iat, limit,
			clock);
		return fail_text(r, OOJWT_DS_TOKEN_EXPIRED_ERROR, "maxAge exceeded",
			OOJWT_ERR_EXPIRED, msg, NULL);
	}
	return 1;
}

/* decoded = { header, payload, signature } (verify.js, complete). */
static int
complete(oojwt_ds_result *r, const char *sig, size_t sig_len)
{
	oojwt_sb sb;

	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "{\"header\":");
	oojwt_sb_put(&sb, r->header_text, r->header_len);
	oojwt_sb_puts(&sb, ",\"payload\":");
	if (r->payload_kind == OOJWT_DS_PAYLOAD_JSON) {
		oojwt_sb_put(&sb, r->payload_text, r->payload_len);
	} else {
		oojwt_sb_json_string(&sb, r->payload_text, r->payload_len);
	}
	oojwt_sb_puts(&sb, ",\"signature\":");
	oojwt_sb_json_string(&sb, sig, sig_len);
	oojwt_sb_puts(&sb, "}");
	r->decoded_text = oojwt_sb_finish(&sb, &r->decoded_len);
	return r->decoded_text != NULL ? 1 : -1;
}

int
oojwt_ds_vopts_claims(oojwt_ds_result *r, const oojwt_ds_vopts *v,
	const unsigned short *u, const oojwt_ds_json *pj, double clock,
	double now, const char *sig, size_t sig_len)
{
	int k;

	if (v->tree == NULL) {
		return 1;
	}
	k = audience(r, v, u, pj);
	if (k == 1) {
		k = issuer(r, v, u, pj);
	}
	if (k == 1) {
		k = claim_check(r, v, u, pj, "subject", OOJWT_DS_M_SUB, "subject",
			OOJWT_FIND_VERIFY_SUBJECT);
	}
	if (k == 1) {
		k = claim_check(r, v, u, pj, "jwtid", OOJWT_DS_M_JTI, "jwtid",
			OOJWT_FIND_VERIFY_JWTID);
	}
	if (k == 1) {
		k = claim_check(r, v, u, pj, "nonce", OOJWT_DS_M_NONCE, "nonce",
			OOJWT_FIND_VERIFY_NONCE);
	}
	if (k == 1) {
		k = max_age(r, v, u, pj, clock, now);
	}
	if (k == 1 && v->complete) {
		k = complete(r, sig, sig_len);
	}
	return k;
}
