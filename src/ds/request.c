/*
 * Requests and callbacks: where the receiver finds
 * the token (getRequestParams for CommandService, ConvertService and
 * docbuilder; the connectors for callbacks), every token verified with
 * the Document Server profile, the answer the receiver gives, the body it
 * acts on, and the findings. The HTTP reading is in http_request.c.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

static const char *const kind_names[] = {
	"callback", "command", "converter", "docbuilder", "download"
};
static const char *const place_names[] = {
	"body", "query", "header", "other-header"
};

const char *
oojwt_request_kind_name(int kind)
{
	return kind >= 0 && kind < 5 ? kind_names[kind] : NULL;
}

const char *
oojwt_token_place_name(int place)
{
	return place >= 0 && place < 4 ? place_names[place] : NULL;
}

typedef struct {
	oojwt_request_report *r;
	const oojwt_request_opts *o;
	const unsigned char *secret;
	size_t secret_len;
	oojwt_http_request http;
	oojwt_jv *params;       /* the body's JSON, or req.query */
	int from_query;         /* params are req.query */
	oojwt_jv *decoded;      /* the counting token's payload (object) */
	const char *header;     /* configured header name and prefix */
	size_t header_len;
	const char *prefix;
	size_t prefix_len;
	int header_token;       /* index of the configured header's token, -1 */
} ctx;

static void
add(ctx *c, int severity, int code, const char *path, const char *message,
	const char *fix)
{
	oojwt_finding_add(c->r->findings, &c->r->n_findings, &c->r->dropped,
		severity, code, path, message, fix);
}

/* The same with `params`, a JSON object text. */
static void
addp(ctx *c, int severity, int code, const char *path, const char *message,
	const char *fix, const char *params)
{
	(void)oojwt_finding_addp(c->r->findings, &c->r->n_findings,
		&c->r->dropped, severity, code, path, message, fix, params);
}

static int
inbox(const ctx *c)
{
	return c->o->kind != OOJWT_REQUEST_CALLBACK
		&& c->o->kind != OOJWT_REQUEST_DOWNLOAD;
}

/* Params that start with `name`: `value`, a key that picks the sentence. */
static void
keyed_params(oojwt_params *p, char *buf, size_t cap, const char *name,
	const char *value)
{
	oojwt_params_init(p, buf, cap);
	oojwt_params_str(p, name, value, strlen(value));
}

/* The same with the direction: "inbox" (a request to DS) or "outbox"
 * (DS's callback or download). */
static void
direction_params(oojwt_params *p, char *buf, size_t cap, const ctx *c)
{
	keyed_params(p, buf, cap, "direction", inbox(c) ? "inbox" : "outbox");
}

/* DS's GET of document.url (converter.js downloadFile). */
static int
download(const ctx *c)
{
	return c->o->kind == OOJWT_REQUEST_DOWNLOAD;
}

/* ---- the params: body JSON, else the query ------------------------------ */

/* JSON.parse(body) as Node does it: 1 when it parses (then *tree is the
 * value, lone surrogates kept, *lone of them), else 0 with V8's
 * message. */
static int
parse_body(const char *s, size_t n, oojwt_jv **tree, size_t *lone, char *why,
	int *nomem)
{
	unsigned short *u = (unsigned short *)malloc((n + 1) * sizeof *u);
	oojwt_ds_json j;
	oojwt_json_info info;
	size_t units, replaced;
	char msg[OOJWT_MESSAGE_LEN];
	long pos;

	*tree = NULL;
	if (u == NULL) {
		*nomem = 1;
		return 0;
	}
	units = oojwt_ds_utf8_to_utf16(u, (const unsigned char *)s, n, &replaced);
	if (oojwt_ds_json_parse(&j, u, units) != OOJWT_OK) {
		free(u);
		*nomem = 1;
		return 0;
	}
	free(u);
	if (!j.ok) {
		oojwt_fmt(why, OOJWT_MESSAGE_LEN, "%S", j.message, j.message_len);
		return 0;
	}
	if (oojwt_json_parse_js(tree, s, n, OOJWT_JSON_LAST_WINS
		| OOJWT_JSON_LONE_WTF8, &info, &pos, msg) != OOJWT_OK)
	{
		*tree = NULL;
	}
	*lone = *tree != NULL ? info.lone : 0;
	return 1;
}

static int
looks_like_jwt(const char *s, size_t n)
{
	size_t d1, d2;

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ')) {
		n--;
	}
	return n > 10 && memcmp(s, "eyJ", 3) == 0 && oojwt_dots(s, n, &d1, &d2) == 2;
}

static int
read_params(ctx *c)
{
	oojwt_http_request *h = &c->http;
	char why[OOJWT_MESSAGE_LEN], msg[OOJWT_MESSAGE_LEN];
	size_t lone = 0;
	int nomem = 0;

	if (h->body != NULL && h->body_len > 0) {
		if (parse_body(h->body, h->body_len, &c->params, &lone, why, &nomem)) {
			if (c->params != NULL && oojwt_json_type(c->params)
				!= OOJWT_JSON_NULL)
			{
				oojwt_ds_lone_finding(c->r->findings, &c->r->n_findings,
					&c->r->dropped, c->params, lone, inbox(c) ? "inbox"
					: "outbox", inbox(c) ? "Document "
					"Server reads the body, and shows or stores the half as "
					"\xEF\xBF\xBD (U+FFFD)" : "a Node receiver reads the "
					"body; a PHP, Python or Java one may refuse it or store "
					"U+FFFD",
					"cut text at character boundaries where the body is built "
					"(JavaScript: Array.from(s).slice(0, n).join(''); PHP: "
					"mb_substr), or drop the half character");
				return OOJWT_OK;
			}
			oojwt_json_free(c->params);
			c->params = NULL;
		} else if (nomem) {
			return OOJWT_ERR_NO_MEMORY;
		} else {
			char pbuf[OOJWT_PARAMS_LEN];
			oojwt_params p;
			oojwt_params_init(&p, pbuf, sizeof pbuf);
			oojwt_params_str(&p, "bareToken", looks_like_jwt(h->body,
				h->body_len) ? "yes" : "no", looks_like_jwt(h->body,
				h->body_len) ? 3 : 2);
			oojwt_fmtp(msg, sizeof msg, &p, "error", "the body is not JSON "
				"(JSON.parse: %s)%s; the receiver reads the URL's query "
				"parameters instead", why, looks_like_jwt(h->body, h->body_len)
				? "; it is a bare token" : "");
			addp(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_BODY_NOT_JSON, "body",
				msg, "send a JSON body: {\"token\": \"<jwt>\"} or the JSON "
				"fields with their token; Content-Type: application/json", pbuf);
		}
	}
	if (h->target != NULL) {
		size_t n;
		long pos;
		char *q = oojwt_http_query_json(h->target, h->target_len, &n);
		if (q == NULL) {
			return OOJWT_ERR_NO_MEMORY;
		}
		if (oojwt_json_parse(&c->params, q, n, &pos, msg) != OOJWT_OK) {
			c->params = NULL;
		}
		c->from_query = 1;
		free(q);
	}
	return OOJWT_OK;
}

/* ---- the tokens ------------------------------------------------------- */

static oojwt_request_token *
new_token(ctx *c, int place, const char *hname, size_t hlen, const char *s,
	size_t n)
{
	oojwt_request_report *r = c->r;
	oojwt_request_token *t;

	if (r->n_tokens >= OOJWT_REQUEST_MAX_TOKENS) {
		return NULL;
	}
	t = &r->tokens[r->n_tokens];
	memset(t, 0, sizeof *t);
	t->place = place;
	if (hname != NULL) {
		oojwt_fmt(t->header_name, sizeof t->header_name, "%S", hname, hlen);
	}
	if (s != NULL) {
		t->text = (char *)malloc(n + 1);
		if (t->text == NULL) {
			return NULL;
		}
		memcpy(t->text, s, n);
		t->text[n] = 0;
		t->len = n;
	}
	r->n_tokens++;
	return t;
}

/* The truthy `token` member of the params: 1 (and the token) when there
 * is one; DS then never reads the header. */
static int
params_token(ctx *c, int *code)
{
	const oojwt_jv *v = oojwt_json_get(c->params, "token");
	int place = c->from_query ? OOJWT_PLACE_QUERY : OOJWT_PLACE_BODY;
	oojwt_request_token *t;

	*code = OOJWT_OK;
	if (oojwt_json_type(c->params) != OOJWT_JSON_OBJECT
		|| !oojwt_json_truthy(v))
	{
		return 0;
	}
	if (oojwt_json_type(v) == OOJWT_JSON_STRING) {
		const char *s = oojwt_json_string(v);
		t = new_token(c, place, NULL, 0, s, strlen(s));
	} else {
		t = new_token(c, place, NULL, 0, NULL, 0);
	}
	if (t == NULL) {
		*code = OOJWT_ERR_NO_MEMORY;
		return 0;
	}
	t->counts = 1;
	c->r->used = (int)(c->r->n_tokens - 1);
	return 1;
}

static int
starts_with(const char *s, size_t n, const char *p, size_t pn)
{
	return n >= pn && memcmp(s, p, pn) == 0;
}

/* The configured header: its token when the prefix matches; a wrong
 * prefix is a finding (and the token behind it is still checked, not
 * counted). `counts`: no body token came first. */
static int
header_token(ctx *c, int counts)
{
	char msg[OOJWT_MESSAGE_LEN], path[OOJWT_PATH_LEN];
	size_t n = 0;
	char *v = oojwt_http_header(&c->http, c->header, c->header_len, &n);
	oojwt_request_token *t;
	int code = OOJWT_OK;

	oojwt_fmt(path, sizeof path, "headers.%S", c->header, c->header_len);
	if (v == NULL) {
		return OOJWT_OK;
	}
	if (n > 0 && starts_with(v, n, c->prefix, c->prefix_len)) {
		t = new_token(c, OOJWT_PLACE_HEADER, c->header, c->header_len,
			v + c->prefix_len, n - c->prefix_len);
		if (t == NULL) {
			code = OOJWT_ERR_NO_MEMORY;
		} else {
			c->header_token = (int)(c->r->n_tokens - 1);
			if (counts) {
				t->counts = 1;
				c->r->used = c->header_token;
			}
		}
	} else if (n > 0) {
		oojwt_extract_result x;
		char pbuf[OOJWT_PARAMS_LEN];
		oojwt_params p;
		oojwt_extract_token(&x, v, n);
		direction_params(&p, pbuf, sizeof pbuf, c);
		oojwt_fmtp(msg, sizeof msg, &p, "header,prefix", "the %S header is "
			"there but does not start with \"%S\" exactly (case, one space): "
			"the receiver sees no token in it%s", c->header, c->header_len,
			c->prefix, c->prefix_len, inbox(c) ? "" : " (Nextcloud cuts the "
			"first 7 characters whatever they are)");
		addp(c, counts ? OOJWT_SEVERITY_ERROR : OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_WRONG_PREFIX, path, msg,
			"send the header as <header>: <prefix><token>, e.g. "
			"Authorization: Bearer eyJ...", pbuf);
		if (x.len > 0) {
			t = new_token(c, OOJWT_PLACE_HEADER, c->header, c->header_len,
				v + x.start, x.len);
			code = t == NULL ? OOJWT_ERR_NO_MEMORY : OOJWT_OK;
		}
	}
	free(v);
	return code;
}

/* A JWT in a header other than the configured one (AuthorizationJwt
 * where Authorization is read, or the other way round). */
static int
other_header_token(ctx *c)
{
	char msg[OOJWT_MESSAGE_LEN], path[OOJWT_PATH_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	size_t i;

	for (i = 0; i < c->http.n_fields; i++) {
		const oojwt_http_field *f = &c->http.fields[i];
		oojwt_extract_result x;
		size_t d1, d2;
		if (oojwt_http_same_name(f->name, f->name_len, c->header,
			c->header_len))
		{
			continue;
		}
		oojwt_extract_token(&x, f->value, f->value_len);
		if (x.len < 10 || memcmp(f->value + x.start, "eyJ", 3) != 0
			|| oojwt_dots(f->value + x.start, x.len, &d1, &d2) != 2)
		{
			continue;
		}
		if (new_token(c, OOJWT_PLACE_OTHER_HEADER, f->name, f->name_len,
			f->value + x.start, x.len) == NULL)
		{
			return OOJWT_ERR_NO_MEMORY;
		}
		oojwt_fmt(path, sizeof path, "headers.%S", f->name, f->name_len);
		direction_params(&p, pbuf, sizeof pbuf, c);
		oojwt_fmtp(msg, sizeof msg, &p, "found,header", "a token is in the %S "
			"header, but the receiver reads %S (%s.header)", f->name,
			f->name_len, c->header, c->header_len, inbox(c)
			? "services.CoAuthoring.token.inbox" : "token.outbox / the "
			"connector's jwt_header");
		addp(c, c->r->used < 0 ? OOJWT_SEVERITY_ERROR : OOJWT_SEVERITY_INFO,
			OOJWT_FIND_TOKEN_IN_OTHER_HEADER, path, msg,
			"use the same header name on both sides (Docker: JWT_HEADER; "
			"local.json: token.inbox.header / token.outbox.header)", pbuf);
		return OOJWT_OK;
	}
	return OOJWT_OK;
}

static int
verify_tokens(ctx *c)
{
	oojwt_ds_opts d;
	size_t i;

	memset(&d, 0, sizeof d);
	d.now = c->o->now;
	d.clock_tolerance = c->o->clock_tolerance;
	d.strict_clock_tolerance = c->o->clock_tolerance;
	d.no_secret = inbox(c) && c->o->no_secret;
	/* DS's verifyOptions go to its own checkJwt, not to the connectors. */
	if (inbox(c)) {
		d.verify_options = c->o->verify_options;
		d.verify_options_len = c->o->verify_options_len;
	}
	for (i = 0; i < c->r->n_tokens; i++) {
		oojwt_request_token *t = &c->r->tokens[i];
		if (t->text == NULL) {
			continue;
		}
		if (oojwt_ds_verify(&t->ds, t->text, t->len, c->secret,
			c->secret_len, &d) != OOJWT_OK)
		{
			return OOJWT_ERR_NO_MEMORY;
		}
		t->has_ds = 1;
	}
	return OOJWT_OK;
}

/* DS's decoded value of a verified token (its payload, or with
 * verifyOptions.complete {header, payload, signature}) as a strict tree
 * (NULL when it is not one the strict layer can hold). */
static oojwt_jv *
payload_tree(const oojwt_request_token *t)
{
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_jv *v = NULL;
	size_t dups;
	long pos;

	if (t->has_ds && t->ds.decoded_text != NULL) {
		return oojwt_json_parse_ex(&v, t->ds.decoded_text, t->ds.decoded_len,
			OOJWT_JSON_LAST_WINS, &dups, &pos, msg) == OOJWT_OK ? v : NULL;
	}
	if (!t->has_ds || t->ds.payload_kind != OOJWT_DS_PAYLOAD_JSON
		|| oojwt_json_parse_ex(&v, t->ds.payload_text, t->ds.payload_len,
		OOJWT_JSON_LAST_WINS | OOJWT_JSON_LONE_WTF8, &dups, &pos, msg)
		!= OOJWT_OK)
	{
		return NULL;
	}
	return v;
}

/* ---- the effective body ------------------------------------------------ */

/* Object.assign on a list of (name, value): a name already there keeps
 * its place and takes the new value, a new one is appended. */
typedef struct {
	const char **names;
	const oojwt_jv **values;
	size_t n, cap;
	int failed;
} assign_list;

static void
assign(assign_list *a, const oojwt_jv *obj)
{
	size_t i, k, n = oojwt_json_object_size(obj);

	if (oojwt_json_type(obj) != OOJWT_JSON_OBJECT || a->failed) {
		return;
	}
	if (a->n + n > a->cap) {
		size_t cap = a->n + n + 16;
		const char **nn = (const char **)realloc((void *)a->names,
			cap * sizeof *nn);
		const oojwt_jv **nv;
		if (nn == NULL) {
			a->failed = 1;
			return;
		}
		a->names = nn;
		nv = (const oojwt_jv **)realloc((void *)a->values, cap * sizeof *nv);
		if (nv == NULL) {
			a->failed = 1;
			return;
		}
		a->values = nv;
		a->cap = cap;
	}
	for (i = 0; i < n; i++) {
		const char *name;
		const oojwt_jv *v = oojwt_json_member_at(obj, i, &name);
		for (k = 0; k < a->n && strcmp(a->names[k], name) != 0; k++) {
		}
		a->names[k] = name;
		a->values[k] = v;
		if (k == a->n) {
			a->n++;
		}
	}
}

static const oojwt_jv *
assigned(const assign_list *a, const char *name)
{
	size_t k;

	for (k = 0; k < a->n; k++) {
		if (strcmp(a->names[k], name) == 0) {
			return a->values[k];
		}
	}
	return NULL;
}

/* JSON text of the list into r->effective; OOJWT_OK or no_memory. */
static int
print_assigned(oojwt_request_report *r, const assign_list *a)
{
	oojwt_sb sb;
	size_t k;

	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "{");
	for (k = 0; k < a->n; k++) {
		size_t n;
		char *v = oojwt_json_print(a->values[k], &n);
		if (v == NULL) {
			sb.failed = 1;
			break;
		}
		if (k > 0) {
			oojwt_sb_puts(&sb, ",");
		}
		oojwt_sb_json_string(&sb, a->names[k], strlen(a->names[k]));
		oojwt_sb_puts(&sb, ":");
		oojwt_sb_put(&sb, v, n);
		free(v);
	}
	oojwt_sb_puts(&sb, "}");
	r->effective = oojwt_sb_finish(&sb, &r->effective_len);
	return r->effective != NULL ? OOJWT_OK : OOJWT_ERR_NO_MEMORY;
}

/* for...in finds something: objects with members, non-empty strings and
 * arrays (utils.isEmptyObject is false). */
static int
not_empty(const oojwt_jv *v)
{
	switch (oojwt_json_type(v)) {
	case OOJWT_JSON_OBJECT:
		return oojwt_json_object_size(v) > 0;
	case OOJWT_JSON_ARRAY:
		return oojwt_json_array_size(v) > 0;
	case OOJWT_JSON_STRING:
		return oojwt_json_string(v)[0] != 0;
	default:
		return 0;
	}
}

/* getRequestParams after a good verify: {} (or the plain params), the
 * decoded token, its payload, its query. */
static int
inbox_effective(ctx *c, assign_list *a)
{
	const oojwt_jv *d = c->decoded;
	const char *wrapper[2] = { "payload", "query" };
	char msg[OOJWT_MESSAGE_LEN], names[120];
	size_t i, n, out = 0;

	if (!c->o->token_required_params) {
		assign(a, c->params);
	}
	assign(a, d);
	for (i = 0; i < 2; i++) {
		const oojwt_jv *w = oojwt_json_get(d, wrapper[i]);
		if (!not_empty(w)) {
			continue;
		}
		if (oojwt_json_type(w) == OOJWT_JSON_OBJECT) {
			assign(a, w);
			continue;
		}
		oojwt_fmt(msg, sizeof msg, "the token's \"%s\" is %s, not an object: "
			"Object.assign spreads its characters (\"0\", \"1\", ...) and the "
			"fields inside never arrive", wrapper[i], oojwt_json_type_name(w));
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_WARN_PAYLOAD_DOUBLE_ENCODED,
			i == 0 ? "token.payload" : "token.query", msg,
			"sign the object itself: {\"payload\": {\"c\": ...}}, not "
			"{\"payload\": \"{\\\"c\\\": ...}\"}");
	}
	if (!c->o->token_required_params
		|| oojwt_json_type(c->params) != OOJWT_JSON_OBJECT)
	{
		return a->failed ? OOJWT_ERR_NO_MEMORY : OOJWT_OK;
	}
	names[0] = 0;
	n = oojwt_json_object_size(c->params);
	for (i = 0; i < n; i++) {
		const char *name;
		size_t used = strlen(names);
		oojwt_json_member_at(c->params, i, &name);
		if (strcmp(name, "token") == 0 || assigned(a, name) != NULL) {
			continue;
		}
		if (out++ < 6 && used + strlen(name) + 3 < sizeof names) {
			oojwt_fmt(names + used, sizeof names - used, "%s%s",
				used > 0 ? ", " : "", name);
		}
	}
	if (out > 0) {
		char pbuf[OOJWT_PARAMS_LEN];
		oojwt_params p;
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(msg, sizeof msg, &p, "fields,more", "the body has fields "
			"the token does not carry (%s%s): with tokenRequiredParams (the "
			"default) only signed data counts, so the server never sees them",
			names, out > 6 ? ", ..." : "");
		addp(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_UNSIGNED_FIELDS, "body",
			msg, "sign every field you send (the official clients sign the "
			"whole body) or put them into the token's payload", pbuf);
	}
	return a->failed ? OOJWT_ERR_NO_MEMORY : OOJWT_OK;
}

/* ---- the verdict ------------------------------------------------------- */

/* The receiver's answers that take no params: the key a catalog
 * template picks the sentence by (code request_answer, params
 * "answer"), and the sentence. */
static const struct {
	const char *key, *text;
} answers[] = {
	{ "command_runs", "The command service runs the command and answers "
		"{\"error\":0} (1 if it does not know the key)" },
	{ "command_no_key", "The command service answers {\"error\":1}: the "
		"document key is missing" },
	{ "conversion_bad_key", "The conversion service answers error -7 (bad key "
		"or filetype)" },
	{ "outputtype_unsigned", "The conversion service answers error -7 "
		"(conversion parameters): outputtype is not signed" },
	{ "outputtype_missing", "The conversion service answers error -7 "
		"(conversion parameters): no outputtype" },
	{ "outputtype_type", "The conversion service answers error -1 (unknown "
		"error): outputtype is not a string" },
	{ "outputtype_unknown", "The conversion service answers error -7 "
		"(conversion parameters): unknown outputtype" },
	{ "conversion_accepts", "The conversion service accepts the token and "
		"converts (the answer depends on the conversion)" },
	{ "builder_nothing", "The document builder answers error -1 (unknown "
		"error): no key, url or script" },
	{ "builder_accepts", "The document builder accepts the token and runs the "
		"script" },
	{ "download_accepts", "The connector accepts the download token and sends "
		"the file" },
	{ "callback_accepts", "The connector accepts the callback and answers "
		"{\"error\":0}" }
};

/* The answer, its message the sentence of `key` (answers[]). */
static void
answer(oojwt_request_report *r, int ok, int status, int has_error, int error,
	const char *response, const char *key)
{
	oojwt_params p;
	size_t i;

	r->ok = ok;
	r->http_status = status;
	r->has_error = has_error;
	r->error = error;
	oojwt_fmt(r->response, sizeof r->response, "%s", response);
	r->message_code = OOJWT_SAY_REQUEST_ANSWER;
	oojwt_params_init(&p, r->message_params, sizeof r->message_params);
	oojwt_params_str(&p, "answer", key, strlen(key));
	for (i = 0; i < sizeof answers / sizeof *answers; i++) {
		if (strcmp(answers[i].key, key) == 0) {
			oojwt_fmt(r->message, sizeof r->message, "%s", answers[i].text);
		}
	}
}

/* The failing answer of each receiver; `expired` for command error 7.
 * `why` is a finding's message (inbox kinds: "cause" "finding") or the
 * connector's log line (callbacks and downloads: "cause" "log"). */
static void
refuse(ctx *c, int expired, const char *why)
{
	oojwt_request_report *r = c->r;
	oojwt_params p;

	switch (c->o->kind) {
	case OOJWT_REQUEST_COMMAND:
		answer(r, 0, 200, 1, expired ? 7 : 6, expired ? "{\"error\":7}"
			: "{\"error\":6}", "command_refused");
		oojwt_params_init(&p, r->message_params, sizeof r->message_params);
		oojwt_fmtp(r->message, sizeof r->message, &p, "answer,error,,why,cause",
			"%kThe command service answers {\"error\":%d} (%s): %s%k",
			OOJWT_SEL("command_refused"), expired ? 7 : 6, expired
			? "token expired" : "invalid token", why, OOJWT_SEL("finding"));
		break;
	case OOJWT_REQUEST_CONVERTER:
	case OOJWT_REQUEST_DOCBUILDER:
		answer(r, 0, 200, 1, -8, "{\"error\":-8}", "invalid_token");
		oojwt_params_init(&p, r->message_params, sizeof r->message_params);
		oojwt_fmtp(r->message, sizeof r->message, &p, "answer,,why,cause",
			"The %k%s answers error -8 (invalid token): %s%k", OOJWT_SEL(
			c->o->kind == OOJWT_REQUEST_CONVERTER ? "conversion_refused"
			: "builder_refused"), c->o->kind == OOJWT_REQUEST_CONVERTER
			? "conversion service" : "document builder", why,
			OOJWT_SEL("finding"));
		break;
	default:
		answer(r, 0, 403, 0, 0, "{\"message\":\"Access denied\"}",
			"connector_refused");
		oojwt_params_init(&p, r->message_params, sizeof r->message_params);
		oojwt_fmtp(r->message, sizeof r->message, &p, "answer,why,cause",
			"%kThe connector answers 403 {\"message\":\"Access denied\"}: %s%k",
			OOJWT_SEL("connector_refused"), why, OOJWT_SEL(inbox(c)
			? "finding" : "log"));
		break;
	}
}

static int
doc_id_ok(const char *s, const char *extra)
{
	for (; *s != 0; s++) {
		char ch = *s;
		if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z')
			|| (ch >= 'A' && ch <= 'Z') || strchr(extra, ch) != NULL))
		{
			return 0;
		}
	}
	return 1;
}

/* A field the receiver refuses or misreads; `params` a JSON object text
 * whose reason names the sentence. */
static void
field(ctx *c, int severity, const char *path, const char *message,
	const char *fix, const char *params)
{
	addp(c, severity, OOJWT_FIND_BAD_REQUEST_FIELD, path, message, fix,
		params);
}

#define REASON(r) "{\"reason\":\"" r "\"}"

/* A field the service refuses: the finding at `path`, and
 * {"error":<error>} with the answer of `key` (answers[]). */
static void
refuse_field(ctx *c, const char *path, const char *message, const char *fix,
	const char *params, int error, const char *key)
{
	char response[24];

	field(c, OOJWT_SEVERITY_ERROR, path, message, fix, params);
	oojwt_fmt(response, sizeof response, "{\"error\":%d}", error);
	answer(c->r, 0, 200, 1, error, response, key);
}

/* DocsCoServer.js validateInputParams: commandsWithoutKey, the
 * commands that need no document key. */
static int
command_without_key(const oojwt_jv *cmd)
{
	static const char *const names[] = {
		"version", "license", "getForgottenList"
	};
	size_t k;

	for (k = 0; k < sizeof names / sizeof *names; k++) {
		if (oojwt_json_type(cmd) == OOJWT_JSON_STRING
			&& strcmp(oojwt_json_string(cmd), names[k]) == 0)
		{
			return 1;
		}
	}
	return 0;
}

/* `name` (else `alt`) as the receiver reads it: params.name ||
 * params.alt. */
static const oojwt_jv *
truthy_of(const assign_list *a, const char *name, const char *alt)
{
	const oojwt_jv *v = assigned(a, name);

	return oojwt_json_truthy(v) ? v : alt != NULL
		&& oojwt_json_truthy(assigned(a, alt)) ? assigned(a, alt) : NULL;
}

/* 1 when the plain request has a truthy `name` (or `alt`) that the data
 * the server uses lacks: the body was not signed whole. */
static int
only_unsigned(const ctx *c, const char *name, const char *alt)
{
	return c->o->token_required_params && c->decoded != NULL
		&& (oojwt_json_truthy(oojwt_json_get(c->params, name))
		|| (alt != NULL && oojwt_json_truthy(oojwt_json_get(c->params, alt))));
}

/* ConvertService (converterservice.js convertRequest): outputtype
 * through formatChecker.getFormatFromString; 1 when it passes. */
static int
output_type(ctx *c, const assign_list *a)
{
	const oojwt_jv *ot = truthy_of(a, "outputtype", "outputType");
	char msg[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	const char *s;
	size_t n;

	if (ot == NULL) {
		if (only_unsigned(c, "outputtype", "outputType")) {
			refuse_field(c, "outputtype", "outputtype is in the request body "
				"but not in the token: with tokenRequiredParams (the default) "
				"the server uses only the signed data, so it has no outputtype "
				"and answers error -7", "sign outputtype with the rest: the "
				"token's payload must carry every field of the request (sign "
				"the whole body)", REASON("outputtype_unsigned"), -7,
				"outputtype_unsigned");
		} else {
			refuse_field(c, "outputtype", "the request has no outputtype: the "
				"conversion service does not know what to make and answers "
				"error -7", "give the target format, e.g. \"outputtype\": "
				"\"pdf\", in the signed data", REASON("outputtype_missing"), -7,
				"outputtype_missing");
		}
		return 0;
	}
	if (oojwt_json_type(ot) != OOJWT_JSON_STRING) {
		keyed_params(&p, pbuf, sizeof pbuf, "reason", "outputtype_type");
		oojwt_fmtp(msg, sizeof msg, &p, "type", "outputtype is %s, not a "
			"string: the server calls toLowerCase on it, which throws, and "
			"answers error -1", oojwt_json_type_name(ot));
		refuse_field(c, "outputtype", msg, "send the target format as a "
			"string, e.g. \"outputtype\": \"pdf\"", pbuf, -1, "outputtype_type");
		return 0;
	}
	s = oojwt_json_string(ot);
	n = strlen(s);
	if (oojwt_ds_format_family(s, n) == NULL) {
		/* At most 40 bytes of it, cut before a UTF-8 character. */
		for (n = n < 40 ? n : 40; s[n] != 0 && (s[n] & 0xC0) == 0x80; n--) {
		}
		keyed_params(&p, pbuf, sizeof pbuf, "reason", "outputtype_unknown");
		oojwt_fmtp(msg, sizeof msg, &p, "outputtype", "outputtype \"%S\" is "
			"no format the server knows (any case: docx, xlsx, pptx, pdf, png, "
			"...): error -7", s, n);
		refuse_field(c, "outputtype", msg, "use a bare extension the "
			"converter knows, without a dot, e.g. \"pdf\" or \"docx\"", pbuf, -7,
			"outputtype_unknown");
		return 0;
	}
	return 1;
}

/* A download token's payload names the URL DS fetched ({url}, read by
 * MM server/web/controller/download.go for the file id): a request that
 * went to another URL (a proxy that rewrote it) is served the file the
 * signed URL names, or refused. */
static void
download_url(ctx *c, const assign_list *a)
{
	const oojwt_jv *u = assigned(a, "url");
	const char *s, *path;
	size_t n, t = c->http.target_len;
	char msg[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;

	if (oojwt_json_type(u) != OOJWT_JSON_STRING) {
		field(c, OOJWT_SEVERITY_WARNING, "url", "the download token's payload "
			"has no url: DS signs {\"payload\": {\"url\": ...}} with the "
			"exact URL it fetches, and a connector that reads the file from "
			"it (Mattermost) finds none", "send the token DS signed, unchanged",
			REASON("download_no_url"));
		return;
	}
	if (c->http.target == NULL || t == 0) {
		return;
	}
	s = oojwt_json_string(u);
	n = strlen(s);
	/* an origin-form target compares with the signed URL's path and query */
	path = c->http.target[0] == '/' && strstr(s, "://") != NULL
		? strchr(strstr(s, "://") + 3, '/') : s;
	if (path != NULL && (size_t)(s + n - path) == t
		&& memcmp(path, c->http.target, t) == 0)
	{
		return;
	}
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	oojwt_fmtp(msg, sizeof msg, &p, "signedUrl,target", "the token signs the "
		"URL %s but the request went to %S: the connector judges the signed "
		"URL (Mattermost serves the file it names), so a proxy that rewrites "
		"the path or query makes the two disagree", s, c->http.target, t);
	addp(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_DOWNLOAD_URL_DIFFERS, "url",
		msg, "give Document Server the URL the connector is reached at "
		"(document.url as the connector builds it), and let the proxy pass "
		"the path and query unchanged", pbuf);
}

/* What the service does with a request it let in. */
static void
accept(ctx *c, const assign_list *a)
{
	oojwt_request_report *r = c->r;
	const oojwt_jv *key = assigned(a, "key");
	const oojwt_jv *cmd = assigned(a, "c");
	const oojwt_jv *ft;

	switch (c->o->kind) {
	case OOJWT_REQUEST_COMMAND:
		if (oojwt_json_type(key) != OOJWT_JSON_STRING
			&& !command_without_key(cmd))
		{
			refuse_field(c, "key", only_unsigned(c, "key", NULL) ? "the "
				"document key is in the request body but not in the token: with "
				"tokenRequiredParams (the default) the server uses only the "
				"signed data: error 1 (document key missing or not found)"
				: "the command has no string \"key\" in the data the server "
				"uses: error 1 (document key missing or not found)",
				"put the document key into the signed data: "
				"{\"c\":\"info\",\"key\":\"...\"} (only version, license "
				"and getForgottenList need none)", only_unsigned(c, "key", NULL)
				? REASON("key_unsigned") : REASON("key_missing"), 1,
				"command_no_key");
			return;
		}
		answer(r, 1, 200, 1, 0, "{\"error\":0}", "command_runs");
		return;
	case OOJWT_REQUEST_CONVERTER:
		ft = assigned(a, "filetype");
		if (!oojwt_json_truthy(ft)) {
			ft = assigned(a, "fileType");
		}
		if ((oojwt_json_type(key) == OOJWT_JSON_STRING
			&& oojwt_json_string(key)[0] != 0
			&& !doc_id_ok(oojwt_json_string(key), "-._="))
			|| (oojwt_json_type(ft) == OOJWT_JSON_STRING
			&& !doc_id_ok(oojwt_json_string(ft), "")))
		{
			refuse_field(c, "key", "key or filetype has characters the conversion "
				"service refuses (key: 0-9 a-z A-Z - . _ =; filetype: letters "
				"and digits): error -7", "use a key of letters, digits and "
				"- . _ = and a bare extension such as docx",
				REASON("key_characters"), -7, "conversion_bad_key");
			return;
		}
		if (!output_type(c, a)) {
			return;
		}
		answer(r, 1, 200, 0, 0, "", "conversion_accepts");
		return;
	case OOJWT_REQUEST_DOCBUILDER:
		/* converterservice.js builderRequest: params.key || params.url
		 * || a body (the script itself). */
		if (!oojwt_json_truthy(key) && !oojwt_json_truthy(assigned(a, "url"))
			&& (c->http.body == NULL || c->http.body_len == 0))
		{
			refuse_field(c, only_unsigned(c, "url", NULL) ? "url" : "key",
				only_unsigned(c, "url", NULL) ? "url is in the request but "
				"not in the token: with tokenRequiredParams (the default) the "
				"server uses only the signed data, and with no key, no url and "
				"no script in the body it answers error -1" : "the request has "
				"no key, no url and no script in the body: the document builder "
				"has nothing to run and answers error -1", "sign the url of the "
				".docbuilder script ({\"url\": \"https://.../script.docbuilder\"}) "
				"or post the script as the body", only_unsigned(c, "url", NULL)
				? REASON("builder_url_unsigned") : REASON("builder_nothing"),
				-1, "builder_nothing");
			return;
		}
		if (!oojwt_json_truthy(assigned(a, "url")) && c->params != NULL
			&& !c->from_query)
		{
			field(c, OOJWT_SEVERITY_WARNING, "url", only_unsigned(c, "url",
				NULL) ? "url is in the body but not in the token, so the server "
				"has none: the document builder takes the JSON body itself as "
				"the script, which does not run" : "no url in the data the "
				"server uses: the document builder takes the JSON body itself "
				"as the script, which does not run", "sign the url of the "
				".docbuilder script, or post the script as the body with the "
				"token in the header", only_unsigned(c, "url", NULL)
				? REASON("builder_body_unsigned") : REASON("builder_body"));
		}
		answer(r, 1, 200, 0, 0, "", "builder_accepts");
		return;
	case OOJWT_REQUEST_DOWNLOAD:
		download_url(c, a);
		answer(r, 1, 200, 0, 0, "", "download_accepts");
		return;
	default:
		if (oojwt_json_type(key) != OOJWT_JSON_STRING
			|| oojwt_json_type(assigned(a, "status")) != OOJWT_JSON_NUMBER)
		{
			field(c, OOJWT_SEVERITY_WARNING, "key", "the callback data has no "
				"string \"key\" and numeric \"status\": the connector cannot "
				"tell which document this is about",
				"read the body token's payload (or the header token's "
				"\"payload\" member), where DS puts key and status",
				REASON("callback_key"));
		}
		answer(r, 1, 200, 1, 0, "{\"error\":0}", "callback_accepts");
		return;
	}
}

/* The failure of the token that counts, as a finding with a fix. */
static void
token_failure(ctx *c, const oojwt_request_token *t, char *why, size_t cap)
{
	char msg[OOJWT_MESSAGE_LEN], path[OOJWT_PATH_LEN];
	const char *fix;
	int code = t->has_ds ? t->ds.code : OOJWT_ERR_MALFORMED;

	if (t->place == OOJWT_PLACE_HEADER) {
		oojwt_fmt(path, sizeof path, "headers.%s", t->header_name);
	} else {
		oojwt_fmt(path, sizeof path, "%s.token", place_names[t->place]);
	}
	if (!t->has_ds) {
		oojwt_fmt(why, cap, "the %s token is not a string (jsonwebtoken: jwt "
			"must be a string)", place_names[t->place]);
	} else if (code == OOJWT_ERR_FALSY_PAYLOAD) {
		/* getRequestParams: if (checkJwtRes.decoded) ... else the code
		 * stays VKEY, as with no token. */
		oojwt_fmt(why, cap, "the %s token verifies, but its payload is a "
			"false-like value (0, false, \"\"), which the receiver takes for "
			"no token", place_names[t->place]);
	} else {
		oojwt_fmt(why, cap, "the %s token fails: %S", place_names[t->place],
			t->ds.server_message, t->ds.server_message_len);
	}
	switch (code) {
	case OOJWT_ERR_EXPIRED:
		fix = "sign with exp some minutes ahead and check both clocks (NTP)";
		break;
	case OOJWT_ERR_BAD_SIGNATURE:
		fix = inbox(c) ? "sign with services.CoAuthoring.secret.inbox.string "
			"of local.json, byte for byte (oojwt explain-secret finds near "
			"misses)" : "verify with services.CoAuthoring.secret.outbox.string "
			"of DS's local.json (oojwt explain-secret finds near misses)";
		break;
	case OOJWT_ERR_FALSY_PAYLOAD:
		fix = "sign the request's JSON object";
		break;
	default:
		fix = "send the compact JWT itself: three base64url parts, no quotes, "
			"spaces or padding";
		break;
	}
	oojwt_fmt(msg, sizeof msg, "%s%s%s", why, t->has_ds ? ": " : "",
		t->has_ds ? t->ds.message : "");
	add(c, OOJWT_SEVERITY_ERROR, code, path, msg, fix);
}

/* Body and header token together: which counts, and what that means. */
static void
both_tokens(ctx *c)
{
	const oojwt_request_token *b, *h;
	char msg[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	int severity;

	if (c->r->used < 0 || c->header_token < 0
		|| c->r->tokens[c->r->used].place == OOJWT_PLACE_HEADER)
	{
		return;
	}
	b = &c->r->tokens[c->r->used];
	h = &c->r->tokens[c->header_token];
	severity = b->has_ds && b->ds.valid ? OOJWT_SEVERITY_INFO
		: h->has_ds && h->ds.valid ? OOJWT_SEVERITY_ERROR
		: OOJWT_SEVERITY_WARNING;
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	oojwt_params_str(&p, "outcome", severity == OOJWT_SEVERITY_INFO
		? "body_verifies" : severity == OOJWT_SEVERITY_ERROR ? "header_verifies"
		: "neither", severity == OOJWT_SEVERITY_INFO ? 13
		: severity == OOJWT_SEVERITY_ERROR ? 15 : 7);
	oojwt_fmtp(msg, sizeof msg, &p, "place,header", "a %s token and a %s "
		"header token: the receiver verifies only the %s token (7.1+) and "
		"never reads the header%s", place_names[b->place], h->header_name,
		place_names[b->place], severity == OOJWT_SEVERITY_ERROR
		? ", which would verify" : "");
	addp(c, severity, OOJWT_FIND_BODY_TOKEN_WINS, "body.token", msg,
		severity == OOJWT_SEVERITY_INFO ? "nothing to do; keep both tokens "
		"signed alike" : "fix the body token (or leave it out to have the "
		"header read)", pbuf);
}

/* Callback status 2 (ready for saving) or 6 (force save): changesurl
 * belongs to it. */
static int
ready_to_save(const oojwt_jv *cb)
{
	const oojwt_jv *st = oojwt_json_get(cb, "status");
	double n = oojwt_json_number(st);

	return oojwt_json_type(st) == OOJWT_JSON_NUMBER && (n == 2 || n == 6);
}

/* Header size: DS trims callback header tokens of 7168 characters or
 * more (checkAndFixAuthorizationLength); proxies refuse ~8 KB headers. */
static void
header_size(ctx *c)
{
	const oojwt_request_token *h;
	oojwt_jv *hp, *bp = NULL;
	const oojwt_jv *inner;
	char msg[OOJWT_MESSAGE_LEN], path[OOJWT_PATH_LEN];

	if (c->header_token < 0) {
		return;
	}
	h = &c->r->tokens[c->header_token];
	oojwt_fmt(path, sizeof path, "headers.%s", h->header_name);
	if (h->len >= 7168) {
		char pbuf[OOJWT_PARAMS_LEN];
		oojwt_params p;
		direction_params(&p, pbuf, sizeof pbuf, c);
		oojwt_fmtp(msg, sizeof msg, &p, "length", "the header token has %z "
			"characters (>= 7168)%s", h->len, inbox(c) ? ": proxies (nginx: "
			"8 KB header buffers) may answer 413 or cut it" : ": DS would have "
			"dropped changesurl and history from it; this one still carries "
			"them");
		addp(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_HEADER_TOO_LARGE, path,
			msg, "send the token in the body ({\"token\": ...}), which has no "
			"such limit", pbuf);
	}
	if (inbox(c) || download(c)) {
		return;
	}
	hp = payload_tree(h);
	inner = oojwt_json_get(hp, "payload");
	if (c->r->used >= 0 && c->r->used != c->header_token) {
		bp = payload_tree(&c->r->tokens[c->r->used]);
	}
	if (oojwt_json_type(inner) == OOJWT_JSON_OBJECT
		&& oojwt_json_get(inner, "changesurl") == NULL
		&& (oojwt_json_get(bp, "changesurl") != NULL
		|| (c->r->used == c->header_token && ready_to_save(inner))))
	{
		add(c, c->r->used == c->header_token ? OOJWT_SEVERITY_WARNING
			: OOJWT_SEVERITY_INFO, OOJWT_FIND_HEADER_TRIMMED, path,
			"the header token's payload has no changesurl: DS trims the header "
			"copy when it reaches 7168 characters (changesurl dropped, history "
			"emptied); only the body token keeps them",
			"verify the body token and read changesurl/history from it (the "
			"docs recommend the body token)");
	}
	oojwt_json_free(hp);
	oojwt_json_free(bp);
}

/* The words for a refusal, by code. */
static const char *
refusal_words(int code)
{
	switch (code) {
	case OOJWT_WARN_IAT_IN_FUTURE: return "iat ahead of its clock";
	case OOJWT_ERR_NOT_YET_VALID: return "nbf ahead of its clock";
	case OOJWT_ERR_EXPIRED: return "expired";
	case OOJWT_ERR_ALG_NOT_ALLOWED: return "HS256 only";
	case OOJWT_WARN_SHORT_KEY: return "key too short";
	case OOJWT_ERR_BAD_SIGNATURE: return "signature";
	case OOJWT_FIND_TOKEN_MISSING: return "finds no token";
	default: return oojwt_code_name(code);
	}
}

/* A connector in a params list: its number (its row + 1, as
 * oojwt_request_opts.connector counts them: 22 names fit a params
 * object as numbers, not as ids), or {"<list>": number, ...more} (`more`
 * a JSON members text, "" for none). */
static void
row_item(oojwt_sb *sb, const char *list, int row, const char *more)
{
	if (sb->len > 0 && sb->buf[sb->len - 1] != '[') {
		oojwt_sb_puts(sb, ",");
	}
	if (more[0] == 0) {
		oojwt_sb_long(sb, (long)row + 1);
		return;
	}
	oojwt_sb_puts(sb, "{\"");
	oojwt_sb_puts(sb, list);
	oojwt_sb_puts(sb, "\":");
	oojwt_sb_long(sb, (long)row + 1);
	oojwt_sb_puts(sb, more);
	oojwt_sb_puts(sb, "}");
}

/* "Refused by 3 (iat ahead of its clock: Nextcloud, ownCloud; HS256
 * only: Plone); accepted by 2: Strapi, Moodle (leeway 60 s)", the
 * accepted names left out when they do not fit; and its params (code
 * connectors_decide) in `pbuf` (OOJWT_PARAMS_LEN bytes, {} when they do
 * not fit): "refused" (a number), "groups" [{"why": the code's name,
 * "rows": [connector numbers, {"rows": n, "maybe": "yes"} for a
 * maybe]}], "accepted" (a number), "listed" ("yes" when the accepted
 * names are written), "ok" [numbers, {"ok": n, "leeway": seconds} when
 * there is leeway], "leeway" 0 (what a number without its own leeway
 * reads), and
 * "fix" (the fix's key, as the connectors' verdicts have it). */
static void
connectors_sentence(const oojwt_request_report *r, char *out, size_t cap,
	const char *fix_key, char *pbuf)
{
	char acc[OOJWT_MESSAGE_LEN] = "", more[64];
	size_t i, j, n = 0, an = 0, refused = 0, unsure = 0, accepted = 0;
	oojwt_sb ok, pj;

	memset(&ok, 0, sizeof ok);
	memset(&pj, 0, sizeof pj);
	oojwt_sb_puts(&ok, "[");
	for (i = 0; i < r->n_connectors; i++) {
		const oojwt_connector_verdict *v = &r->connectors[i];
		refused += v->accepted == 0;
		unsure += v->accepted < 0;
		if (v->accepted > 0) {
			const oojwt_connector *row = oojwt_connector_at(
				(size_t)v->connector);
			oojwt_fmt(acc + an, sizeof acc - an, "%s%s", accepted > 0 ? ", "
				: "", row->name);
			an += strlen(acc + an);
			more[0] = 0;
			if (v->leeway > 0) {
				oojwt_fmt(acc + an, sizeof acc - an, " (leeway %t s)",
					v->leeway);
				an += strlen(acc + an);
				oojwt_fmt(more, sizeof more, ",\"leeway\":%t", v->leeway);
			}
			row_item(&ok, "ok", v->connector, more);
			accepted++;
		}
	}
	oojwt_sb_puts(&ok, "]");
	out[0] = 0;
	oojwt_sb_puts(&pj, "{\"refused\":");
	oojwt_sb_long(&pj, (long)(refused + unsure));
	if (refused + unsure > 0) {
		oojwt_fmt(out, cap, "Refused by %z (", refused + unsure);
		n = strlen(out);
		oojwt_sb_puts(&pj, ",\"groups\":[");
		/* one group per reason, in the order of first appearance */
		for (i = 0; i < r->n_connectors; i++) {
			const oojwt_connector_verdict *v = &r->connectors[i];
			const char *why = oojwt_code_name(v->code);
			int seen = 0;
			if (v->accepted > 0) {
				continue;
			}
			for (j = 0; j < i; j++) {
				seen |= r->connectors[j].accepted <= 0
					&& r->connectors[j].code == v->code;
			}
			if (seen) {
				continue;
			}
			oojwt_fmt(out + n, cap - n, "%s%s:", out[n - 1] == '(' ? "" : "; ",
				refusal_words(v->code));
			n += strlen(out + n);
			oojwt_sb_puts(&pj, pj.buf[pj.len - 1] == '[' ? "{\"why\":"
				: ",{\"why\":");
			oojwt_sb_json_string(&pj, why, strlen(why));
			oojwt_sb_puts(&pj, ",\"rows\":[");
			for (j = i; j < r->n_connectors; j++) {
				const oojwt_connector_verdict *w = &r->connectors[j];
				if (w->accepted <= 0 && w->code == v->code) {
					const oojwt_connector *row = oojwt_connector_at(
						(size_t)w->connector);
					oojwt_fmt(out + n, cap - n, "%s %s%s", j > i ? "," : "",
						row->name, w->accepted < 0 ? " (maybe)" : "");
					n += strlen(out + n);
					row_item(&pj, "rows", w->connector, w->accepted < 0
						? ",\"maybe\":\"yes\"" : "");
				}
			}
			oojwt_sb_puts(&pj, "]}");
		}
		oojwt_sb_puts(&pj, "]");
		oojwt_fmt(out + n, cap - n, ")%s", accepted > 0 ? "; accepted by "
			: "");
		n += strlen(out + n);
	} else {
		oojwt_fmt(out, cap, "Accepted by ");
		n = strlen(out);
	}
	oojwt_sb_puts(&pj, ",\"accepted\":");
	oojwt_sb_long(&pj, (long)accepted);
	if (accepted > 0 && n + an + 8 < cap) {
		oojwt_fmt(out + n, cap - n, "%z: %s", accepted, acc);
		oojwt_sb_puts(&pj, ",\"listed\":\"yes\",\"leeway\":0,\"ok\":");
		oojwt_sb_put(&pj, ok.buf, ok.len);
	} else if (accepted > 0) {
		oojwt_fmt(out + n, cap - n, "the other %z", accepted);
	}
	oojwt_sb_puts(&pj, ",\"fix\":");
	oojwt_sb_json_string(&pj, fix_key, strlen(fix_key));
	oojwt_sb_puts(&pj, "}");
	oojwt_fmt(pbuf, OOJWT_PARAMS_LEN, "%s", !pj.failed && !ok.failed
		&& pj.len < OOJWT_PARAMS_LEN ? pj.buf : "{}");
	free(ok.buf);
	free(pj.buf);
}

/* Callbacks: each connector's decision on the same request, and one
 * finding that says who accepts it and who does not. With one connector
 * asked for, its answer is the verdict. */
static int
judge_connectors(ctx *c)
{
	oojwt_request_report *r = c->r;
	oojwt_connector_call call;
	size_t i, first = 0, end = oojwt_connector_count();
	size_t refused = 0, unknown = 0;
	char msg[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	const char *fix = NULL, *fix_key = NULL;
	int code;

	memset(&call, 0, sizeof call);
	call.header = c->header;
	call.header_len = c->header_len;
	call.prefix = c->prefix;
	call.prefix_len = c->prefix_len;
	call.secret = c->secret;
	call.secret_len = c->secret_len;
	call.now = c->o->now;
	call.has_leeway = c->o->has_leeway;
	call.leeway = c->o->leeway;
	call.download = download(c);
	if (c->o->connector > 0) {
		first = (size_t)c->o->connector - 1;
		end = first + 1;
	}
	for (i = first; i < end && r->n_connectors < OOJWT_MAX_CONNECTORS; i++) {
		oojwt_connector_verdict *v = &r->connectors[r->n_connectors++];
		code = oojwt_connector_judge(v, i, &c->http, c->params, &call);
		if (code != OOJWT_OK) {
			return code;
		}
		refused += v->accepted == 0;
		unknown += v->accepted < 0;
		if (v->accepted != 1 && fix == NULL) {
			fix = v->fix;
			fix_key = v->fix_key;
		}
	}
	if (c->o->connector > 0) {
		const oojwt_connector_verdict *v = &r->connectors[0];
		const oojwt_connector *row = oojwt_connector_at(first);
		r->ok = v->accepted == 1;
		r->http_status = v->http_status;
		oojwt_fmt(r->message, sizeof r->message, "%s", v->message);
		r->message_code = OOJWT_SAY_CONNECTOR_DECIDES;
		oojwt_fmt(r->message_params, sizeof r->message_params, "%s",
			v->message_params);
		if (v->accepted != 1) {
			r->has_error = 0;
			oojwt_fmt(r->response, sizeof r->response, "%s",
				row->refuse_body != NULL && row->refuse_body[0] == '{'
				? row->refuse_body : "");
			add(c, v->accepted == 0 ? OOJWT_SEVERITY_ERROR
				: OOJWT_SEVERITY_WARNING, v->code, "connector", v->message,
				v->fix);
		}
		return OOJWT_OK;
	}
	connectors_sentence(r, msg, sizeof msg, fix_key != NULL ? fix_key
		: download(c) ? "none_download" : "none_callback", pbuf);
	addp(c, refused > 0 ? OOJWT_SEVERITY_ERROR : unknown > 0
		? OOJWT_SEVERITY_WARNING : OOJWT_SEVERITY_INFO,
		OOJWT_FIND_CONNECTORS_DECIDE, "connector", msg, fix != NULL ? fix
		: download(c) ? "nothing to do: every connector accepts this download"
		: "nothing to do: every connector accepts this callback", pbuf);
	return OOJWT_OK;
}

/* Inbox kinds: what the connector that sent the request signs, and
 * the connector told from the request's shape (connector_sign.c). */
static int
judge_sender(ctx *c)
{
	oojwt_request_report *r = c->r;
	const oojwt_request_token *t = r->used >= 0 ? &r->tokens[r->used] : NULL;
	oojwt_sent in;
	size_t i;

	memset(&in, 0, sizeof in);
	in.what = OOJWT_SENT_REQUEST;
	in.connector = c->o->connector;
	in.token = t != NULL ? t->text : NULL;
	in.token_len = t != NULL ? t->len : 0;
	for (i = 0; i < r->n_tokens; i++) {
		in.has_body_token |= r->tokens[i].place == OOJWT_PLACE_BODY;
		in.has_header_token |= r->tokens[i].place == OOJWT_PLACE_HEADER;
	}
	in.doc = c->params;
	in.secret_len = c->secret_len;
	return oojwt_connector_sender(&r->sender, &in, r->findings,
		&r->n_findings, &r->dropped);
}

static int
judge(ctx *c)
{
	oojwt_request_report *r = c->r;
	oojwt_request_token *t = r->used >= 0 ? &r->tokens[r->used] : NULL;
	assign_list a;
	char why[OOJWT_MESSAGE_LEN], params[OOJWT_PARAMS_LEN];
	oojwt_params pp;
	int code = OOJWT_OK;

	memset(&a, 0, sizeof a);
	both_tokens(c);
	header_size(c);
	if (inbox(c) && c->o->enabled && c->o->no_secret) {
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_NO_SECRET,
			"services.CoAuthoring.secret.inbox", "the server has no inbox "
			"secret (secret.inbox.string is empty and no file is set): it "
			"checks every token without a key and refuses it with \"secret or "
			"public key must be provided\"", "set services.CoAuthoring.secret."
			"inbox.string (Docker: JWT_SECRET) to the secret the integration "
			"signs with");
	}
	if (inbox(c) && !c->o->enabled) {
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_TOKENS_DISABLED,
			"services.CoAuthoring.token.enable.request.inbox",
			"inbox tokens are off: the server checks no token and acts on the "
			"plain request, so anyone who reaches it can send commands",
			"set token.enable.request.inbox (Docker: JWT_ENABLED=true) and sign "
			"every request");
		assign(&a, c->params);
		accept(c, &a);
		code = print_assigned(r, &a);
	} else if (t == NULL) {
		oojwt_params_init(&pp, params, sizeof params);
		oojwt_fmtp(why, sizeof why, &pp, "header,prefix,where", "no token: "
			"no \"token\" in the body and no %S header starting with \"%S\"%k",
			c->header, c->header_len, c->prefix, c->prefix_len,
			OOJWT_SEL(inbox(c) ? "inbox" : "outbox"));
		addp(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_TOKEN_MISSING, download(c)
			? "headers" : "body.token", why,
			inbox(c) ? "sign the request with the inbox secret and send "
			"{\"token\": ...} in the body (or the header)" : "turn on "
			"token.enable.request.outbox in DS's local.json (or the connector "
			"must not require a token)", params);
		refuse(c, 0, inbox(c) ? why : download(c) ? "Download without jwt"
			: "Track without jwt");
	} else if (!t->has_ds || !t->ds.valid) {
		token_failure(c, t, why, sizeof why);
		refuse(c, t->has_ds && t->ds.error_name == OOJWT_DS_TOKEN_EXPIRED_ERROR,
			inbox(c) ? why : download(c) ? "Download with invalid jwt"
			: t->place == OOJWT_PLACE_BODY
			? "Track with invalid jwt in body" : "Track with invalid jwt");
	} else {
		c->decoded = payload_tree(t);
		if (oojwt_json_type(c->decoded) != OOJWT_JSON_OBJECT) {
			add(c, OOJWT_SEVERITY_ERROR, OOJWT_WARN_PAYLOAD_NOT_OBJECT,
				"token", "the token verifies but its payload is not a JSON "
				"object: there are no fields to act on",
				"sign a JSON object");
		}
		if (inbox(c)) {
			code = inbox_effective(c, &a);
		} else if (t->place == OOJWT_PLACE_HEADER) {
			const oojwt_jv *p = oojwt_json_get(c->decoded, "payload");
			if (oojwt_json_type(p) == OOJWT_JSON_OBJECT) {
				assign(&a, p);
			} else {
				oojwt_ds_findingf(c->r, OOJWT_SEVERITY_WARNING,
					OOJWT_FIND_PAYLOAD_WRAPPER, "token.payload", download(c)
					? "send the token DS signed, unchanged" : "sign the header "
					"token as {\"payload\": {...callback...}}", ",where",
					"%s%k", download(c) ? "the header token has no "
					"\"payload\" object: DS signs a download as {\"payload\": "
					"{\"url\": ...}}" : "the header token has no \"payload\" "
					"object: DS puts the callback data there and connectors "
					"read only that member", OOJWT_SEL(download(c)
					? "download_header" : "callback_header"));
				assign(&a, c->decoded);
			}
		} else {
			if (oojwt_json_type(oojwt_json_get(c->decoded, "payload"))
				== OOJWT_JSON_OBJECT
				&& oojwt_json_get(c->decoded, "key") == NULL)
			{
				oojwt_ds_findingf(c->r, OOJWT_SEVERITY_WARNING,
					OOJWT_FIND_PAYLOAD_WRAPPER, "body.token", "sign the body "
					"token over the callback object unwrapped", "where",
					"the body token is wrapped in {\"payload\": ...}: DS signs "
					"the body token over the callback object itself, and "
					"connectors read key and status at the top%k",
					OOJWT_SEL("callback_body"));
			}
			assign(&a, c->decoded);
		}
		if (code == OOJWT_OK) {
			accept(c, &a);
			code = print_assigned(r, &a);
		}
		if (!inbox(c) && t->ds.alg != OOJWT_ALG_HS256) {
			add(c, OOJWT_SEVERITY_WARNING, OOJWT_ERR_ALG_NOT_ALLOWED, "token",
				"the token is not HS256: Nextcloud and ownCloud verify callbacks "
				"and downloads with HS256 only and answer 403", "keep "
				"services.CoAuthoring.token.outbox.algorithm at HS256");
		}
	}
	if (!inbox(c) && !c->o->enabled) {
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_TOKENS_DISABLED,
			"services.CoAuthoring.token.enable.request.outbox",
			"outbox tokens are off: DS sends callbacks and downloads without a "
			"token, and a connector that has a secret answers 403",
			"set token.enable.request.outbox (Docker: JWT_ENABLED=true)");
	}
	free((void *)a.names);
	free((void *)a.values);
	if (code == OOJWT_OK && !inbox(c)) {
		code = judge_connectors(c);
	}
	if (code == OOJWT_OK && inbox(c)) {
		code = judge_sender(c);
	}
	return code;
}

int
oojwt_request_inspect(oojwt_request_report *r, const char *req, size_t len,
	const unsigned char *secret, size_t secret_len,
	const oojwt_request_opts *o)
{
	char msg[OOJWT_MESSAGE_LEN];
	ctx c;
	int code, tok;

	if (r == NULL) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(r, 0, sizeof *r);
	r->used = -1;
	if (o == NULL || (req == NULL && len > 0) || (secret == NULL
		&& secret_len > 0) || o->kind < 0 || o->kind > 4
		|| (o->form != OOJWT_REQUEST_RAW && o->form != OOJWT_REQUEST_PARTS)
		|| o->connector < (o->kind == OOJWT_REQUEST_CALLBACK
		|| o->kind == OOJWT_REQUEST_DOWNLOAD ? 0 : -1)
		|| (size_t)(o->connector < 0 ? 0 : o->connector)
		> oojwt_connector_count()
		|| (o->has_leeway && !(o->leeway >= 0 && o->leeway <= 1e9))
		|| !(o->clock_tolerance >= 0) || !(o->now - o->now == 0))
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(&c, 0, sizeof c);
	c.r = r;
	c.o = o;
	c.secret = secret;
	c.secret_len = secret_len;
	c.header_token = -1;
	c.header = o->header != NULL ? o->header : "Authorization";
	c.header_len = o->header != NULL ? o->header_len : 13;
	c.prefix = o->prefix != NULL ? o->prefix : "Bearer ";
	c.prefix_len = o->prefix != NULL ? o->prefix_len : 7;
	code = oojwt_http_read(&c.http, req, len, o->form, msg);
	if (code != OOJWT_OK) {
		oojwt_fmt(r->message, sizeof r->message, "%s", msg);
		return code;
	}
	if (c.http.bad_line >= 0) {
		char pbuf[OOJWT_PARAMS_LEN];
		oojwt_params p;
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(msg, sizeof msg, &p, "offset", "the line at byte %l of the "
			"request is not a \"Name: value\" header (a header wrapped onto the "
			"next line?): it is left out", c.http.bad_line);
		addp(&c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_HTTP_UNREADABLE, "headers",
			msg, "paste each header on one line, then an empty line, then the "
			"body", pbuf);
	}
	code = read_params(&c);
	if (code == OOJWT_OK) {
		tok = params_token(&c, &code);
		if (code == OOJWT_OK) {
			code = header_token(&c, !tok);
		}
		if (code == OOJWT_OK && c.header_token < 0) {
			code = other_header_token(&c);
		}
	}
	if (code == OOJWT_OK) {
		code = verify_tokens(&c);
	}
	if (code == OOJWT_OK) {
		code = judge(&c);
	}
	oojwt_json_free(c.params);
	oojwt_json_free(c.decoded);
	oojwt_http_free(&c.http);
	if (code != OOJWT_OK) {
		oojwt_request_report_free(r);
	}
	return code;
}

void
oojwt_request_report_free(oojwt_request_report *r)
{
	size_t i;

	if (r == NULL) {
		return;
	}
	for (i = 0; i < r->n_tokens && i < OOJWT_REQUEST_MAX_TOKENS; i++) {
		free(r->tokens[i].text);
		oojwt_ds_result_free(&r->tokens[i].ds);
	}
	free(r->effective);
	memset(r, 0, sizeof *r);
	r->used = -1;
}

void
oojwt_request_opts_from_config(oojwt_request_opts *o,
	const oojwt_server_config *c, int kind, int *which)
{
	const char *h, *p;

	o->kind = kind;
	o->token_required_params = c->token_required_params;
	if (kind == OOJWT_REQUEST_CALLBACK || kind == OOJWT_REQUEST_DOWNLOAD) {
		o->enabled = c->enabled_outbox;
		h = c->outbox_header;
		p = c->outbox_prefix;
		*which = OOJWT_SECRET_OUTBOX;
		o->clock_tolerance = 0;
		o->no_secret = 0;
	} else {
		o->enabled = c->enabled_inbox;
		h = c->inbox_header;
		p = c->inbox_prefix;
		*which = OOJWT_SECRET_INBOX;
		o->clock_tolerance = 0;
		o->verify_options = c->verify_options != NULL ? c->verify_options
			: "null";
		o->verify_options_len = c->verify_options != NULL
			? c->verify_options_len : 4;
		o->no_secret = c->secrets[OOJWT_SECRET_INBOX].source
			== OOJWT_SECRET_SOURCE_NONE;
	}
	o->header = h;
	o->header_len = h != NULL ? strlen(h) : 0;
	o->prefix = p;
	o->prefix_len = p != NULL ? strlen(p) : 0;
}
