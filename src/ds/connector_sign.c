/*
 * The other direction: what a connector signs when it sends to Document
 * Server (an editor config, a command or conversion request), told from
 * the connector table (connectors.c: config_iat, config_exp, request_iat,
 * request_exp, send, and its library's key_min), and the connector told
 * from the shape of what it sent (the paths of its URLs, its claims).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

static const char *const confidence_names[] = {
	NULL, "low", "medium", "high"
};

const char *
oojwt_confidence_name(int confidence)
{
	return confidence >= OOJWT_CONFIDENCE_LOW
		&& confidence <= OOJWT_CONFIDENCE_HIGH
		? confidence_names[confidence] : NULL;
}

/* The claims and alg of the sent token: what the connector put in it,
 * whether or not it verifies. */
typedef struct {
	oojwt_jv *payload;
	unsigned alg;
	int has_iat, has_exp;
	double iat, exp;
} claims;

static int
read_claims(claims *k, const char *tok, size_t len)
{
	oojwt_jv *header;
	const oojwt_jv *v;
	size_t d1, d2;
	int nomem = 0;

	memset(k, 0, sizeof *k);
	if (tok == NULL || oojwt_dots(tok, len, &d1, &d2) != 2) {
		return OOJWT_OK;
	}
	header = oojwt_segment_json(tok, d1, &nomem);
	v = oojwt_json_get(header, "alg");
	if (oojwt_json_type(v) == OOJWT_JSON_STRING) {
		k->alg = oojwt_alg_from_name(oojwt_json_string(v),
			strlen(oojwt_json_string(v)));
	}
	oojwt_json_free(header);
	k->payload = oojwt_segment_json(tok + d1 + 1, d2 - d1 - 1, &nomem);
	if (oojwt_json_type(k->payload) != OOJWT_JSON_OBJECT) {
		oojwt_json_free(k->payload);
		k->payload = NULL;
	}
	v = oojwt_json_get(k->payload, "iat");
	k->has_iat = oojwt_json_type(v) == OOJWT_JSON_NUMBER;
	k->iat = k->has_iat ? oojwt_json_number(v) : 0;
	v = oojwt_json_get(k->payload, "exp");
	k->has_exp = oojwt_json_type(v) == OOJWT_JSON_NUMBER;
	k->exp = k->has_exp ? oojwt_json_number(v) : 0;
	return nomem ? OOJWT_ERR_NO_MEMORY : OOJWT_OK;
}

static int
row_iat(const oojwt_connector *c, int what)
{
	return what == OOJWT_SENT_CONFIG ? c->config_iat : c->request_iat;
}

static double
row_exp(const oojwt_connector *c, int what)
{
	return what == OOJWT_SENT_CONFIG ? c->config_exp : c->request_exp;
}

/* How the claims differ from what row `c` signs, as words appended to
 * `out`; the number of differences. */
static int
unlike(const oojwt_connector *c, const oojwt_sent *in, const claims *k,
	char *out, size_t cap)
{
	int iat = row_iat(c, in->what), n = 0;
	double exp = row_exp(c, in->what);
	size_t o = 0;

#define SAY(...) do { \
		oojwt_fmt(out + o, cap - o, "%s", n++ > 0 ? "; " : ""); \
		o += strlen(out + o); \
		oojwt_fmt(out + o, cap - o, __VA_ARGS__); \
		o += strlen(out + o); \
	} while (0)
	out[0] = 0;
	if (k->alg != 0 && k->alg != c->sign_alg && c->sign_setting == NULL) {
		SAY("it is signed with %s, %s signs with %s", oojwt_alg_name(k->alg),
			c->name, oojwt_alg_name(c->sign_alg));
	}
	if (k->payload != NULL && iat == 1 && !k->has_iat) {
		SAY("it has no iat, %s puts one", c->name);
	} else if (k->payload != NULL && iat == 0 && k->has_iat) {
		SAY("it has an iat, %s puts none", c->name);
	}
	if (k->payload != NULL && exp == OOJWT_CONN_EXP_NONE && k->has_exp) {
		SAY("it has an exp, %s puts none", c->name);
	} else if (k->payload != NULL && (exp > 0 || exp == OOJWT_CONN_EXP_SOME)
		&& !k->has_exp)
	{
		SAY("it has no exp, %s puts one", c->name);
	} else if (exp > 0 && k->has_exp && k->has_iat
		&& fabs(k->exp - k->iat - exp) > 1)
	{
		SAY("it lives %t s (exp - iat), %s signs for %t s", k->exp - k->iat,
			c->name, exp);
	}
	if (in->what == OOJWT_SENT_REQUEST && c->send == OOJWT_CONN_SEND_BODY
		&& in->has_header_token)
	{
		SAY("it has a header token, %s sends the body token only", c->name);
	}
	if (in->what == OOJWT_SENT_REQUEST && (c->send & OOJWT_CONN_SEND_BODY)
		&& in->has_header_token && !in->has_body_token)
	{
		SAY("it has no body token, %s puts one in the body", c->name);
	}
#undef SAY
	return n;
}

/* The first URL of the sent objects (document.url, callbackUrl, a
 * request's url) that holds `frag`, its path in *where; NULL when none. */
static const char *
url_of(const oojwt_jv *const *objs, size_t n_objs, const char *frag,
	size_t frag_len, const char **where)
{
	static const char *const paths[] = {
		"document.url", "editorConfig.callbackUrl", "url", "callbackUrl",
		"callback"
	};
	size_t i, j, k, len;

	for (i = 0; i < n_objs; i++) {
		for (j = 0; j < sizeof paths / sizeof paths[0]; j++) {
			const oojwt_jv *v = oojwt_json_at(objs[i], paths[j]);
			const char *s;
			if (oojwt_json_type(v) != OOJWT_JSON_STRING) {
				continue;
			}
			s = oojwt_json_string(v);
			len = strlen(s);
			for (k = 0; frag_len > 0 && k + frag_len <= len; k++) {
				if (memcmp(s + k, frag, frag_len) == 0) {
					*where = paths[j];
					return s;
				}
			}
		}
	}
	return NULL;
}

/* The first of row `c`'s URL fragments ('|'-separated) that one of the
 * sent objects' URLs holds, copied into frag; NULL when none. */
static const char *
row_mark(const oojwt_connector *c, const oojwt_jv *const *objs,
	size_t n_objs, char *frag, size_t cap, const char **where)
{
	const char *m = c->marks, *bar;
	size_t n;

	while (m != NULL && *m != 0) {
		bar = strchr(m, '|');
		n = bar != NULL ? (size_t)(bar - m) : strlen(m);
		if (n < cap && url_of(objs, n_objs, m, n, where) != NULL) {
			memcpy(frag, m, n);
			frag[n] = 0;
			return frag;
		}
		m = bar != NULL ? bar + 1 : NULL;
	}
	return NULL;
}

/* 1 when rows a and b sign alike. */
static int
sign_alike(const oojwt_connector *a, const oojwt_connector *b)
{
	return a->config_iat == b->config_iat && a->config_exp == b->config_exp
		&& a->request_iat == b->request_iat
		&& a->request_exp == b->request_exp && a->send == b->send
		&& a->sign_alg == b->sign_alg;
}

/* The connector told from the shape: its row (or -1), the confidence,
 * and the evidence in `why`. `family` gets the rows that share the
 * matched URL fragment and sign alike (bit i: row i). */
static int
recognise(const oojwt_sent *in, const claims *k, int *confidence,
	unsigned long *family, char *why, size_t cap)
{
	const oojwt_jv *objs[3];
	char frag[64], names[OOJWT_MESSAGE_LEN] = "", diff[OOJWT_MESSAGE_LEN];
	const char *where = NULL;
	size_t i, n_objs = 0, count = oojwt_connector_count(), nn = 0, hits = 0;
	int row = -1;

	objs[n_objs++] = in->doc;
	if (k->payload != NULL) {
		objs[n_objs++] = k->payload;
		objs[n_objs++] = oojwt_json_get(k->payload, "payload");
	}
	*family = 0;
	for (i = 0; i < count; i++) {
		const oojwt_connector *c = oojwt_connector_at(i);
		if (row_mark(c, objs, n_objs, frag, sizeof frag, &where) == NULL) {
			continue;
		}
		if (row < 0) {
			row = (int)i;
		}
		if (sign_alike(c, oojwt_connector_at((size_t)row))) {
			*family |= 1ul << i;
			if ((int)i != row && strstr(names, c->name) == NULL) {
				oojwt_fmt(names + nn, sizeof names - nn, "%s%s", nn > 0 ? ", "
					: "", c->name);
				nn += strlen(names + nn);
			}
		} else {
			hits++;
		}
	}
	if (row >= 0) {
		const oojwt_connector *c = oojwt_connector_at((size_t)row);
		int d = unlike(c, in, k, diff, sizeof diff);
		row_mark(c, objs, n_objs, frag, sizeof frag, &where);
		*confidence = hits > 0 || d > 0 ? OOJWT_CONFIDENCE_MEDIUM
			: OOJWT_CONFIDENCE_HIGH;
		oojwt_fmt(why, cap, "%s has %s, a path of %s's URLs%s%s%s%s%s", where,
			frag, c->name, d > 0 ? "; but " : k->payload != NULL ? "; its "
			"claims are as it signs them" : "", d > 0 ? diff : "", nn > 0
			? " (the same paths and signing as: " : "", names, nn > 0 ? ")"
			: "");
		return row;
	}
	/* Claims alone: the lifetimes and iat few connectors share. */
	if (k->payload == NULL) {
		return -1;
	}
	for (i = 0; i < count; i++) {
		const oojwt_connector *c = oojwt_connector_at(i);
		int iat = row_iat(c, in->what);
		double exp = row_exp(c, in->what);
		/* a lifetime (exp - iat) is evidence; an exp or no claims at
		 * all are what most hand-made tokens have */
		int fits = k->has_iat && k->has_exp && iat == 1 && exp > 0
			&& fabs(k->exp - k->iat - exp) <= 1;
		if (!fits) {
			continue;
		}
		if (row < 0) {
			row = (int)i;
		}
		hits++;
		oojwt_fmt(names + nn, sizeof names - nn, "%s%s", nn > 0 ? ", " : "",
			c->name);
		nn += strlen(names + nn);
	}
	if (row < 0 || hits > 4) {
		return -1;
	}
	*confidence = OOJWT_CONFIDENCE_LOW;
	*family = 0;
	oojwt_fmt(why, cap, "no URL names a connector; a lifetime of %t s (exp "
		"- iat) fits %s", k->exp - k->iat, names);
	return row;
}

/* What row `c` signs, as a sentence, and its params in `p`. */
static void
signs_sentence(const oojwt_connector *c, int what, char *out, size_t cap,
	oojwt_params *p)
{
	int iat = row_iat(c, what);
	double exp = row_exp(c, what);
	const char *lib = oojwt_jwt_library_at((size_t)c->library)->name;
	const char *word;
	char life[80];

	oojwt_params_str(p, "connector", c->name, strlen(c->name));
	oojwt_params_str(p, "what", what == OOJWT_SENT_CONFIG ? "config"
		: "request", what == OOJWT_SENT_CONFIG ? 6 : 7);
	oojwt_params_str(p, "alg", oojwt_alg_name(c->sign_alg),
		strlen(oojwt_alg_name(c->sign_alg)));
	oojwt_params_str(p, "library", lib, strlen(lib));
	word = iat == 1 ? "yes" : iat == 0 ? "no" : "unknown";
	oojwt_params_str(p, "iat", word, strlen(word));
	word = exp > 0 ? "after" : exp == OOJWT_CONN_EXP_NONE ? "none"
		: exp == OOJWT_CONN_EXP_SOME ? "some" : "unknown";
	oojwt_params_str(p, "expKind", word, strlen(word));
	word = what != OOJWT_SENT_REQUEST || c->send == 0 ? "none"
		: c->send == OOJWT_CONN_SEND_BODY ? "body" : "both";
	oojwt_params_str(p, "send", word, strlen(word));
	oojwt_params_str(p, "setting", c->sign_setting != NULL ? c->sign_setting
		: "none", strlen(c->sign_setting != NULL ? c->sign_setting : "none"));
	if (exp > 0) {
		oojwt_params_str(p, "expFrom", iat == 1 ? "iat" : "signing",
			iat == 1 ? 3 : 7);
		oojwt_fmtp(life, sizeof life, p, "expSeconds,expMinutes", "an exp %t "
			"s (%t min) after %s", exp, exp / 60, iat == 1 ? "iat" : "signing");
	} else {
		oojwt_fmt(life, sizeof life, "%s", exp == OOJWT_CONN_EXP_NONE
			? "no exp" : exp == OOJWT_CONN_EXP_SOME ? "an exp" : "an exp or "
			"not (not known)");
	}
	oojwt_fmt(out, cap, "%s signs %s with %s (%s), %s, %s%s%s%s", c->name,
		what == OOJWT_SENT_CONFIG ? "its editor configs" : "its requests to "
		"Document Server", oojwt_alg_name(c->sign_alg),
		oojwt_jwt_library_at((size_t)c->library)->name, iat == 1 ? "an iat"
		: iat == 0 ? "no iat" : "an iat or not (not known)", life,
		what == OOJWT_SENT_REQUEST && c->send != 0 ? "; the token goes in "
		: "", what == OOJWT_SENT_REQUEST && c->send != 0
		? (c->send == OOJWT_CONN_SEND_BODY ? "the body only" : "the body and "
		"the header") : "", "");
	if (c->sign_setting != NULL) {
		size_t n = strlen(out);
		oojwt_fmt(out + n, cap - n, " (set by %s)", c->sign_setting);
	}
}

/* A finding at "connector"; `params` a JSON object text. */
static void
add(oojwt_finding *f, size_t *n, size_t *dropped, int severity, int code,
	const char *message, const char *fix, const char *params)
{
	(void)oojwt_finding_addp(f, n, dropped, severity, code, "connector",
		message, fix, params);
}

/* The secret check of row `c`'s library when it signs: php-jwt 7's
 * encode() refuses a key shorter than the hash (validateHmacKeyLength). */
static void
key_check(const oojwt_connector *c, const oojwt_sent *in, int severity,
	oojwt_finding *f, size_t *n, size_t *dropped)
{
	const oojwt_jwt_library *lib = oojwt_jwt_library_at((size_t)c->library);
	size_t need = oojwt_hmac_size(c->sign_alg);
	char msg[OOJWT_MESSAGE_LEN], fix[OOJWT_MESSAGE_LEN];
	char pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;

	if (!lib->key_min || in->secret_len == 0 || in->secret_len >= need) {
		return;
	}
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	oojwt_params_str(&p, "status500", c->refuse_status == 403 ? "yes" : "no",
		c->refuse_status == 403 ? 3 : 2);
	oojwt_params_str(&p, "what", in->what == OOJWT_SENT_CONFIG ? "config"
		: "request", in->what == OOJWT_SENT_CONFIG ? 6 : 7);
	oojwt_fmtp(msg, sizeof msg, &p, "connector,bytes,library,libraryMessage,"
		"alg,need", "%s cannot sign with this %z-byte secret: %s throws "
		"\"%s\" in encode() (%s needs %z bytes or more), so it %ssends no %s "
		"to Document Server", c->name, in->secret_len, lib->name,
		lib->msg_key, oojwt_alg_name(c->sign_alg), need,
		c->refuse_status == 403 ? "answers HTTP 500 and " : "",
		in->what == OOJWT_SENT_CONFIG ? "editor config" : "request");
	oojwt_fmt(fix, sizeof fix, "use a secret of at least 32 characters (48 "
		"for HS384, 64 for HS512) on both sides: in %s's settings and in "
		"Document Server's local.json (services.CoAuthoring.secret.inbox, "
		".outbox and .session; Docker: JWT_SECRET)", c->name);
	add(f, n, dropped, severity, OOJWT_FIND_CONNECTOR_CANNOT_SIGN, msg, fix,
		pbuf);
}

int
oojwt_connector_sender(oojwt_sender *s, const oojwt_sent *in,
	oojwt_finding *f, size_t *n, size_t *dropped)
{
	const oojwt_connector *c;
	claims k;
	char msg[OOJWT_MESSAGE_LEN], why[OOJWT_MESSAGE_LEN];
	char diff[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	unsigned long family = 0;
	size_t i;
	int code, row, confidence = 0;

	memset(s, 0, sizeof *s);
	if (in->connector < 0) {
		return OOJWT_OK;
	}
	code = read_claims(&k, in->token, in->token_len);
	if (code != OOJWT_OK) {
		return code;
	}
	if (in->connector > 0) {
		row = in->connector - 1;
		s->used = 1;
	} else {
		row = recognise(in, &k, &confidence, &family, why, sizeof why);
		if (row >= 0) {
			oojwt_params_init(&p, pbuf, sizeof pbuf);
			oojwt_fmtp(msg, sizeof msg, &p, "connector,confidence,evidence",
				"this looks like %s (confidence %s): %s%s",
				oojwt_connector_at((size_t)row)->name,
				oojwt_confidence_name(confidence), why, confidence
				== OOJWT_CONFIDENCE_HIGH ? "; judged as it signs"
				: "; not judged as it signs (the evidence is not strong "
				"enough)");
			add(f, n, dropped, OOJWT_SEVERITY_INFO,
				OOJWT_FIND_CONNECTOR_RECOGNISED, msg, confidence
				== OOJWT_CONFIDENCE_HIGH ? "nothing to do; name the connector "
				"(the connector option, --connector) if this is not it"
				: "name the connector (the connector option, --connector) to "
				"have the token judged as it signs", pbuf);
			s->connector = row + 1;
			s->confidence = confidence;
			s->used = confidence == OOJWT_CONFIDENCE_HIGH;
		}
		if (!s->used) {
			oojwt_json_free(k.payload);
			return OOJWT_OK;
		}
	}
	s->connector = row + 1;
	c = oojwt_connector_at((size_t)row);
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	signs_sentence(c, in->what, msg, sizeof msg, &p);
	oojwt_params_str(&p, "source", c->sign_source != NULL ? c->sign_source
		: "none", strlen(c->sign_source != NULL ? c->sign_source : "none"));
	oojwt_fmt(why, sizeof why, "nothing to do: this is what it signs%s%s%s",
		c->sign_source != NULL ? " (read in " : "", c->sign_source != NULL
		? c->sign_source : "", c->sign_source != NULL ? ")" : "");
	add(f, n, dropped, OOJWT_SEVERITY_INFO, OOJWT_FIND_CONNECTOR_SIGNS, msg,
		why, pbuf);
	if (row_exp(c, in->what) == OOJWT_CONN_EXP_NONE) {
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_str(&p, "what", in->what == OOJWT_SENT_CONFIG ? "config"
			: "request", in->what == OOJWT_SENT_CONFIG ? 6 : 7);
		oojwt_fmtp(msg, sizeof msg, &p, "connector", "%s signs %s with no "
			"exp: the token never expires, and whoever copies it can replay "
			"it for as long as the secret stays the same", c->name, in->what
			== OOJWT_SENT_CONFIG ? "its editor configs" : "its requests");
		add(f, n, dropped, OOJWT_SEVERITY_INFO, OOJWT_FIND_TOKEN_NEVER_EXPIRES,
			msg, "nothing to set on Document Server; keep the secret private "
			"on both sides and change it (on both sides) if a token leaks",
			pbuf);
	}
	if (unlike(c, in, &k, diff, sizeof diff) > 0) {
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_str(&p, "setting", c->sign_setting != NULL
			? c->sign_setting : "none", strlen(c->sign_setting != NULL
			? c->sign_setting : "none"));
		oojwt_fmtp(msg, sizeof msg, &p, "connector,differences", "the token "
			"is not as %s signs it: %s; another program (or a changed "
			"setting) signed it, or the connector is another one", c->name,
			diff);
		add(f, n, dropped, OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_CLAIMS_UNLIKE_CONNECTOR, msg, c->sign_setting != NULL
			? c->sign_setting : "name the connector that sent it (the "
			"connector option, --connector), or sign as it does", pbuf);
	}
	key_check(c, in, OOJWT_SEVERITY_ERROR, f, n, dropped);
	/* a family member on another library (Nextcloud on php-jwt 7) */
	for (i = 0; i < oojwt_connector_count() && i < 8 * sizeof family; i++) {
		if ((family >> i & 1ul) != 0 && (int)i != row) {
			key_check(oojwt_connector_at(i), in, OOJWT_SEVERITY_WARNING, f, n,
				dropped);
		}
	}
	oojwt_json_free(k.payload);
	return OOJWT_OK;
}
