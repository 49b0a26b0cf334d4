/*
 * The verdict (oojwt_diag_verdict): the findings ordered by severity,
 * then by how directly each explains a failure (its rank), then in the
 * order found; the first is the verdict, and the headline says what it
 * means for the user -- who refuses what -- and why.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "inner.h"
#include "diagnose.h"

static int
before(const oojwt_diag_finding *a, const oojwt_diag_finding *b)
{
	if (a->severity != b->severity) {
		return a->severity < b->severity;
	}
	return a->rank < b->rank;
}

/* Insertion sort, stable: at most OOJWT_DIAG_MAX_FINDINGS entries. */
static void
order(oojwt_diag_report *r)
{
	size_t i, j;
	oojwt_diag_finding tmp;

	for (i = 1; i < r->n_findings; i++) {
		tmp = r->findings[i];
		for (j = i; j > 0 && before(&tmp, &r->findings[j - 1]); j--) {
			r->findings[j] = r->findings[j - 1];
		}
		r->findings[j] = tmp;
	}
}

static const char *
connector_title(int connector)
{
	switch (connector) {
	case OOJWT_CONNECTOR_NEXTCLOUD: return "Nextcloud";
	case OOJWT_CONNECTOR_OWNCLOUD: return "ownCloud";
	case OOJWT_CONNECTOR_MOODLE: return "Moodle";
	case OOJWT_CONNECTOR_MATTERMOST: return "Mattermost";
	default: return NULL;
	}
}

static int
is_token_code(int code)
{
	return code == OOJWT_FIND_DIAG_SIGNED_WITH_OTHER_SECRET
		|| code == OOJWT_FIND_DIAG_SECRET_VARIANT
		|| code == OOJWT_FIND_DIAG_SECRET_UNKNOWN
		|| code == OOJWT_FIND_DIAG_SIGNATURE_TRUNCATED
		|| code == OOJWT_FIND_DIAG_TOKEN_REJECTED
		|| code == OOJWT_FIND_DIAG_TOKEN_UNREADABLE;
}

/* One consequence: its sentence into `out`, its params into `p`: `kind`
 * (the catalog template's select key, src/core/codes.c
 * diag_consequence) and, for the sentences that name who refuses,
 * `who`, the connector's name or "none" (then `anyone` stands in); the
 * sentence's own values (an error number, a host) under `names`. */
static void
say(char *out, size_t cap, oojwt_params *p, const char *kind,
	const char *who, const char *anyone, const char *names,
	const char *fmt, ...)
{
	char tail[OOJWT_MESSAGE_LEN];
	va_list ap;

	oojwt_params_str(p, "kind", kind, strlen(kind));
	va_start(ap, fmt);
	oojwt_vfmtp(tail, sizeof tail, p, names, fmt, ap);
	va_end(ap);
	if (anyone == NULL) {
		oojwt_fmt(out, cap, "%s", tail);
		return;
	}
	oojwt_params_str(p, "who", who != NULL ? who : "none",
		strlen(who != NULL ? who : "none"));
	oojwt_fmt(out, cap, "%s%s", who != NULL ? who : anyone, tail);
}

/* Who refuses what, for the verdict `f`, with its params (`p`). */
static void
consequence(oojwt_diag_ctx *c, const oojwt_diag_finding *f, char *out,
	size_t cap, oojwt_params *p)
{
	const char *who = connector_title(c->connector);
	const oojwt_diag_recognised *g = f->item >= 0 ? &c->r->items[f->item] : NULL;
	int kind = g != NULL ? g->kind : OOJWT_DIAG_UNKNOWN;

	if (f->code == OOJWT_FIND_DIAG_NOT_RECOGNISED) {
		say(out, cap, p, "not_recognised", NULL, NULL, "",
			"oojwt cannot tell what this is");
		return;
	}
	if (f->code == OOJWT_FIND_DIAG_NO_TOKEN) {
		say(out, cap, p, "no_token", NULL, NULL, "", "Nothing to verify");
		return;
	}
	if (f->code == OOJWT_FIND_DIAG_SYMPTOM) {
		say(out, cap, p, "symptom", NULL, NULL, "",
			"More is needed to find the cause");
		return;
	}
	if (f->code == OOJWT_FIND_DIAG_CERT_NO_IP) {
		/* params: {"host":"<an IP address as text>"} */
		const char *h = strstr(f->params, "\"host\":\"");
		size_t n = 0;
		h = h != NULL ? h + 8 : "";
		while (h[n] != 0 && h[n] != '"') {
			n++;
		}
		say(out, cap, p, "refuse_host", who, "Clients", "host",
			" will refuse https://%S", h, n);
		return;
	}
	if (f->code == OOJWT_FIND_NGINX_DOCKER_REWRITTEN
		&& f->severity != OOJWT_SEVERITY_INFO)
	{
		say(out, cap, p, "no_https_port", NULL, NULL, "", "Document Server "
			"will answer on no HTTPS port after the container restarts");
		return;
	}
	if (f->severity == OOJWT_SEVERITY_INFO) {
		say(out, cap, p, "no_problem", NULL, NULL, "",
			"No problem found in what you pasted");
		return;
	}
	if (is_token_code(f->code)) {
		int callback = g != NULL && (kind == OOJWT_DIAG_HTTP_REQUEST
			|| kind == OOJWT_DIAG_REQUEST_BODY) && g->sub == OOJWT_REQUEST_CALLBACK;
		if (callback) {
			say(out, cap, p, "callback", who, "The integration", "",
				" will refuse the callback");
		} else if (kind == OOJWT_DIAG_EDITOR_CONFIG || kind == OOJWT_DIAG_PAGE_SOURCE
			|| (c->editor_error != 0 && who == NULL))
		{
			say(out, cap, p, "editor_error", NULL, NULL, "error",
				"The editor will not open (error %d)",
				c->editor_error != 0 ? c->editor_error : -20);
		} else if (who != NULL) {
			say(out, cap, p, "cannot_connect", who, "", "", " cannot connect: "
				"Document Server refuses its token (Invalid token)");
		} else {
			say(out, cap, p, "ds_refuses_token", NULL, NULL, "",
				"Document Server will refuse this token");
		}
		return;
	}
	switch (kind) {
	case OOJWT_DIAG_EDITOR_CONFIG:
	case OOJWT_DIAG_PAGE_SOURCE:
		if (c->editor_error != 0 && f->severity == OOJWT_SEVERITY_ERROR) {
			say(out, cap, p, "editor_error", NULL, NULL, "error",
				"The editor will not open (error %d)", c->editor_error);
		} else {
			say(out, cap, p, "editor_config", NULL, NULL, "",
				"The editor config has a problem");
		}
		return;
	case OOJWT_DIAG_HTTP_REQUEST:
	case OOJWT_DIAG_REQUEST_BODY:
		if (g->sub == OOJWT_REQUEST_CALLBACK) {
			say(out, cap, p, "callback", who, "The integration", "",
				" will refuse the callback");
		} else {
			say(out, cap, p, "ds_refuses_request", NULL, NULL, "",
				"Document Server will refuse the request");
		}
		return;
	case OOJWT_DIAG_LOCAL_JSON:
	case OOJWT_DIAG_DOCKER_ENV:
		say(out, cap, p, "ds_settings", NULL, NULL, "",
			"Document Server's settings have a problem");
		return;
	case OOJWT_DIAG_CONNECTOR_SETTINGS:
		say(out, cap, p, "disagree", who, "The connector", "",
			" and Document Server do not agree");
		return;
	case OOJWT_DIAG_NGINX_CONFIG:
		say(out, cap, p, "nginx", NULL, NULL, "",
			"nginx in front of Document Server has a problem");
		return;
	case OOJWT_DIAG_CERTIFICATE:
		say(out, cap, p, "refuse_cert", who, "Clients", "",
			" will refuse Document Server's certificate");
		return;
	case OOJWT_DIAG_DOWNLOAD_LINK:
		say(out, cap, p, "download", NULL, NULL, "", "The download will fail");
		return;
	default:
		say(out, cap, p, "other", NULL, NULL, "", "There is a problem");
		return;
	}
}

/* How much of `cause` a headline shows: all of it up to `max` bytes,
 * else up to the end of its last sentence (". ") or clause ("; ", ": ")
 * within `max`, else up to its last space: never a cut word. */
static size_t
headline_cut(const char *cause, size_t max)
{
	size_t n = strlen(cause), i, clause = 0, space = 0;

	if (n <= max) {
		return n;
	}
	for (i = 1; i + 1 < max; i++) {
		if ((cause[i] == '.' || cause[i] == ';' || cause[i] == ':')
			&& cause[i + 1] == ' ')
		{
			clause = cause[i] == '.' ? i + 1 : i;
		} else if (cause[i] == ' ') {
			space = i;
		}
	}
	return clause > max / 2 ? clause : space > 0 ? space : max;
}

void
oojwt_diag_verdict(oojwt_diag_ctx *c)
{
	oojwt_diag_report *r = c->r;
	size_t i;
	int problem = 0;
	const char *cause;
	oojwt_params p;

	for (i = 0; i < r->n_findings; i++) {
		if (r->findings[i].severity != OOJWT_SEVERITY_INFO) {
			problem = 1;
		}
	}
	if (!problem && c->n_tokens == 0) {
		oojwt_diag_add(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_DIAG_NO_TOKEN, -1, 55,
			NULL, "There is no token in what you pasted, so no signature was "
			"checked.", "Add the token you have a doubt about: an editor "
			"config, the Authorization header of a request, or Document Server's "
			"checkJwt log line.", "no token to check");
	} else if (!problem) {
		oojwt_diag_add(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_DIAG_ALL_CLEAR, -1, 10,
			NULL, "Every check passed: the tokens verify with the secrets "
			"Document Server uses, and the settings agree.", "",
			"every check passed");
	}
	order(r);
	if (r->n_findings == 0) {
		return;
	}
	oojwt_params_init(&p, r->consequence_params, sizeof r->consequence_params);
	consequence(c, &r->findings[0], r->consequence, sizeof r->consequence, &p);
	cause = r->findings[0].short_cause;
	snprintf(r->headline, sizeof r->headline, "%.150s: %.*s", r->consequence,
		(int)headline_cut(cause, 240), cause);
}

const char *
oojwt_diag_verdict_word(const oojwt_diag_finding *v)
{
	return v->severity == OOJWT_SEVERITY_ERROR ? "ERROR"
		: v->severity == OOJWT_SEVERITY_WARNING ? "WARNING"
		: v->code == OOJWT_FIND_DIAG_ALL_CLEAR
		|| v->code == OOJWT_FIND_DIAG_TOKEN_VERIFIES ? "OK" : "NOTE";
}
