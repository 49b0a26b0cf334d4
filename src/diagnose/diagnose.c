/*
 * oojwt_diagnose(): recognise every item, read the settings and secrets
 * they hold, run the lower layers' inspections where their inputs are
 * present (their findings folded in, attributed to the items), check
 * every token against every secret (secrets.c) and write the verdict
 * (verdict.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "diagnose.h"

/* ---- the finding list ---------------------------------------------- */

oojwt_diag_finding *
oojwt_diag_add(oojwt_diag_ctx *c, int severity, int code, int item, int rank,
	const char *params, const char *msg, const char *fix,
	const char *short_cause)
{
	oojwt_diag_report *r = c->r;
	oojwt_diag_finding *f;

	if (r->n_findings >= OOJWT_DIAG_MAX_FINDINGS) {
		r->dropped++;
		return NULL;
	}
	f = &r->findings[r->n_findings++];
	memset(f, 0, sizeof *f);
	f->severity = severity;
	f->code = code;
	f->item = item;
	f->item2 = -1;
	f->rank = rank;
	snprintf(f->params, sizeof f->params, "%s", params != NULL ? params : "{}");
	snprintf(f->message, sizeof f->message, "%s", msg != NULL ? msg : "");
	snprintf(f->fix, sizeof f->fix, "%s", fix != NULL ? fix : "");
	snprintf(f->short_cause, sizeof f->short_cause, "%s",
		short_cause != NULL ? short_cause : f->message);
	return f;
}

void
oojwt_diag_fold(oojwt_diag_ctx *c, const oojwt_finding *list, size_t n,
	int item, int rank, const int *skip, size_t n_skip)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		oojwt_diag_finding *f;
		for (k = 0; k < n_skip && skip[k] != list[i].code; k++) {
		}
		if (k < n_skip) {
			continue;
		}
		f = oojwt_diag_add(c, list[i].severity, list[i].code, item, rank,
			list[i].params, list[i].message, list[i].fix, NULL);
		if (f != NULL) {
			snprintf(f->path, sizeof f->path, "%s", list[i].path);
		}
	}
}

void
oojwt_diag_hold(oojwt_diag_ctx *c, const char *name,
	const unsigned char *value, size_t len, unsigned roles, int item)
{
	size_t i;
	oojwt_diag_held *h;

	if (value == NULL || len == 0) {
		return;
	}
	for (i = 0; i < c->n_held; i++) {
		h = &c->held[i];
		if (h->len == len && oojwt_ct_equal(h->value, value, len)) {
			size_t l = strlen(h->name);
			if ((h->roles & roles) != roles && strstr(h->name, name) == NULL
				&& l + 3 + strlen(name) < sizeof h->name)
			{
				snprintf(h->name + l, sizeof h->name - l, " = %s", name);
			}
			h->roles |= roles;
			return;
		}
	}
	if (c->n_held >= OOJWT_DIAG_MAX_HELD) {
		return;
	}
	h = &c->held[c->n_held++];
	snprintf(h->name, sizeof h->name, "%s", name);
	h->value = value;
	h->len = len;
	h->roles = roles;
	h->item = item;
}

void
oojwt_diag_add_token(oojwt_diag_ctx *c, const char *p, size_t len, int item,
	int direction)
{
	size_t i;

	if (p == NULL || len == 0 || c->n_tokens >= OOJWT_DIAG_MAX_TOKENS) {
		return;
	}
	for (i = 0; i < c->n_tokens; i++) {
		if (c->tokens[i].len == len && memcmp(c->tokens[i].p, p, len) == 0) {
			return;
		}
	}
	c->tokens[c->n_tokens].p = p;
	c->tokens[c->n_tokens].len = len;
	c->tokens[c->n_tokens].item = item;
	c->tokens[c->n_tokens].direction = direction;
	c->n_tokens++;
}

/*
 * The first place of `needle` (m > 0 bytes) in `hay` (n bytes), in
 * linear time (Knuth-Morris-Pratt: a text built to make a naive search
 * compare the same bytes again, as 'aaa...ab', cannot make it quadratic).
 * n when it is absent; (size_t)-1 when out of memory.
 */
static size_t
find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
	size_t *next, i, k = 0, at = n;

	if (m == 0 || m > n) {
		return n;
	}
	next = (size_t *)malloc(m * sizeof *next);
	if (next == NULL) {
		return (size_t)-1;
	}
	next[0] = 0;
	for (i = 1; i < m; i++) {
		while (k > 0 && needle[i] != needle[k]) {
			k = next[k - 1];
		}
		k += needle[i] == needle[k];
		next[i] = k;
	}
	for (i = 0, k = 0; i < n; i++) {
		while (k > 0 && hay[i] != needle[k]) {
			k = next[k - 1];
		}
		k += hay[i] == needle[k];
		if (k == m) {
			at = i + 1 - m;
			break;
		}
	}
	free(next);
	return at;
}

/* Add the token a lower layer's report holds (`text`, `len` bytes) as the
 * bytes of the caller's text `s` it was read from, so that the matrix may
 * point into `s` after the report is freed; a token not found verbatim
 * there (read through escapes) is left out. */
static int
add_token_in(oojwt_diag_ctx *c, const char *s, size_t n, const char *text,
	size_t len, int item, int direction)
{
	size_t at = find_bytes(s, n, text, len);

	if (at == (size_t)-1) {
		return OOJWT_ERR_NO_MEMORY;
	}
	if (at < n) {
		oojwt_diag_add_token(c, s + at, len, item, direction);
	}
	return OOJWT_OK;
}

/* ---- what an export masks, the commands ----------------------------- */

void
oojwt_diag_mask(oojwt_diag_masks *m, const void *value, size_t len, int token)
{
	size_t i;

	if (m == NULL || value == NULL || len == 0
		|| (len == 6 && memcmp(value, "secret", 6) == 0))
	{
		return;
	}
	for (i = 0; i < m->n; i++) {
		if (m->len[i] == len && memcmp(m->value[i], value, len) == 0) {
			return;
		}
	}
	if (m->n >= OOJWT_DIAG_MAX_MASKS) {
		m->failed = 1;
		return;
	}
	m->value[m->n] = malloc(len);
	if (m->value[m->n] == NULL) {
		m->failed = 1;
		return;
	}
	memcpy(m->value[m->n], value, len);
	m->len[m->n] = len;
	m->token[m->n] = token;
	m->n++;
}

void
oojwt_diag_masks_free(oojwt_diag_masks *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		oojwt_wipe_free(m->value[i], m->len[i]);
	}
	oojwt_wipe(m, sizeof *m);
}

/* A secret, and the same without the white space and quotes around it
 * (the form a sentence may quote). */
static void
mask_secret(oojwt_diag_masks *m, const unsigned char *v, size_t len)
{
	size_t a = 0, b = len;

	oojwt_diag_mask(m, v, len, 0);
	while (a < b && (v[a] == ' ' || v[a] == '\t' || v[a] == '\n' || v[a] == '\r'
		|| v[a] == '"' || v[a] == '\''))
	{
		a++;
	}
	while (b > a && (v[b - 1] == ' ' || v[b - 1] == '\t' || v[b - 1] == '\n'
		|| v[b - 1] == '\r' || v[b - 1] == '"' || v[b - 1] == '\''))
	{
		b--;
	}
	if (a > 0 || b < len) {
		oojwt_diag_mask(m, v + a, b - a, 0);
	}
}

/* The base64 lines of a PEM private key (lines of 16 bytes or more
 * between its BEGIN and END lines). */
static void
mask_pem_lines(oojwt_diag_masks *m, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t e = i;
		while (e < n && s[e] != '\n') {
			e++;
		}
		if (e - i >= 16 && s[i] != '-') {
			size_t k = e;
			while (k > i && (s[k - 1] == '\r' || s[k - 1] == ' ')) {
				k--;
			}
			oojwt_diag_mask(m, s + i, k - i, 0);
		}
		i = e + 1;
	}
}

/* Keep the command `id` of what oojwt_commands_build() makes of `o`. */
static void
add_command(oojwt_diag_ctx *c, int id, int item, const oojwt_commands_opts *o)
{
	oojwt_diag_report *r = c->r;
	oojwt_commands *all;
	size_t k;

	if (r->n_commands >= OOJWT_DIAG_MAX_COMMANDS
		|| (all = malloc(sizeof *all)) == NULL)
	{
		return;
	}
	if (oojwt_commands_build(all, o) == OOJWT_OK) {
		for (k = 0; k < all->n; k++) {
			oojwt_diag_command *d;
			if (all->list[k].id != id) {
				continue;
			}
			d = &r->commands[r->n_commands++];
			d->id = id;
			d->run_on = all->list[k].run_on;
			d->item = item;
			snprintf(d->text, sizeof d->text, "%s", all->list[k].text);
			snprintf(d->explanation, sizeof d->explanation, "%s",
				all->list[k].explanation);
			break;
		}
	}
	oojwt_commands_free(all);
	free(all);
}

/* ---- reading the items --------------------------------------------- */

static const char *const ROLE_NAMES[OOJWT_SECRET_KINDS] = {
	"secret.inbox", "secret.outbox", "secret.session", "secret.browser"
};

/* The secrets of a server config: local.json's names, or Docker's. */
static void
hold_config(oojwt_diag_ctx *c, const oojwt_server_config *cfg, int item)
{
	int k;

	for (k = 0; k < OOJWT_SECRET_KINDS; k++) {
		const oojwt_cfg_secret *s = &cfg->secrets[k];
		if (s->source == OOJWT_SECRET_SOURCE_STRING) {
			oojwt_diag_hold(c, cfg->form == OOJWT_CONFIG_DOCKER ? "JWT_SECRET"
				: ROLE_NAMES[k], (const unsigned char *)s->value, s->value_len,
				1u << k, item);
		}
	}
	if (cfg->storage_secret.source == OOJWT_SECRET_SOURCE_STRING) {
		oojwt_diag_hold(c, cfg->form == OOJWT_CONFIG_DOCKER
			? "SECURE_LINK_SECRET" : "storage.fs.secretString",
			(const unsigned char *)cfg->storage_secret.value,
			cfg->storage_secret.value_len, OOJWT_DIAG_ROLE_STORAGE, item);
	}
}

/* A `docker run ... -e NAME=value ...` command line as the env lines
 * oojwt_server_config_read() takes: each JWT_* or SECURE_LINK_SECRET
 * word of the line on a line of its own, one pair of surrounding shell
 * quotes removed (what the shell hands the container). NULL when the
 * text is not such a command (lines of settings are read as they are). */
static char *
docker_run_env(const char *s, size_t n, size_t *out_len)
{
	size_t i = 0, o = 0;
	char *out;
	int run = 0;

	for (i = 0; i + 13 <= n && !run; i++) {
		run = memcmp(s + i, "docker run ", 11) == 0
			|| memcmp(s + i, "container run", 13) == 0;
	}
	if (!run || (out = malloc(n + 2)) == NULL) {
		return NULL;
	}
	for (i = 0; i < n; ) {
		size_t e;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
			|| s[i] == '\\'))
		{
			i++;
		}
		for (e = i; e < n && s[e] != ' ' && s[e] != '\t' && s[e] != '\n'
			&& s[e] != '\r'; e++)
		{
		}
		if (e - i > 6 && memcmp(s + i, "--env=", 6) == 0) {
			i += 6;
		}
		if (e > i && ((e - i > 4 && memcmp(s + i, "JWT_", 4) == 0)
			|| (e - i > 19 && memcmp(s + i, "SECURE_LINK_SECRET=", 19) == 0)))
		{
			size_t eq = i;
			while (eq < e && s[eq] != '=') {
				eq++;
			}
			memcpy(out + o, s + i, eq - i + (eq < e));
			o += eq - i + (eq < e);
			if (eq + 2 < e && (s[eq + 1] == '"' || s[eq + 1] == '\'')
				&& s[e - 1] == s[eq + 1])
			{
				memcpy(out + o, s + eq + 2, e - eq - 3);
				o += e - eq - 3;
			} else if (eq < e) {
				memcpy(out + o, s + eq + 1, e - eq - 1);
				o += e - eq - 1;
			}
			out[o++] = '\n';
		}
		i = e;
	}
	out[o] = 0;
	*out_len = o;
	return out;
}

static int
read_server_config(oojwt_diag_ctx *c, size_t i, const char *s, size_t n)
{
	oojwt_server_config *cfg = malloc(sizeof *cfg);
	size_t env_len = 0;
	char *env = c->r->items[i].kind == OOJWT_DIAG_DOCKER_ENV
		? docker_run_env(s, n, &env_len) : NULL;
	int e;

	if (cfg == NULL) {
		oojwt_wipe_free(env, env_len + 1);
		return OOJWT_ERR_NO_MEMORY;
	}
	memset(cfg, 0, sizeof *cfg);
	e = env != NULL ? oojwt_server_config_read(cfg, env, env_len, NULL, 0)
		: oojwt_server_config_read(cfg, s, n, NULL, 0);
	oojwt_wipe_free(env, env_len + 1);
	if (e != OOJWT_OK) {
		free(cfg);
		return OOJWT_ERR_NO_MEMORY;
	}
	{
		/* Docker lines without JWT_SECRET say so themselves
		 * (docker_random_secret); a bare default is not news here. */
		oojwt_diag_fold(c, cfg->findings, cfg->n_findings, (int)i, 30, NULL, 0);
	}
	hold_config(c, cfg, (int)i);
	c->owned_cfg[c->n_owned_cfg++] = cfg;
	if (c->cfg == NULL) {
		c->cfg = cfg;
		c->cfg_item = (int)i;
	}
	return OOJWT_OK;
}

static int
read_connector(oojwt_diag_ctx *c, size_t i, const char *s, size_t n)
{
	oojwt_connector_settings *cs = malloc(sizeof *cs);
	char name[OOJWT_DIAG_NAME_LEN];
	const char *who;

	if (cs == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	memset(cs, 0, sizeof *cs);
	if (oojwt_connector_settings_read(cs, s, n) != OOJWT_OK) {
		free(cs);
		return OOJWT_ERR_NO_MEMORY;
	}
	who = oojwt_connector_name(cs->connector);
	if (cs->connector != OOJWT_CONNECTOR_UNKNOWN) {
		c->connector = cs->connector;
	}
	if (cs->secret.set && cs->secret.p != NULL) {
		snprintf(name, sizeof name, "%s's secret", who != NULL ? who
			: "the connector");
		if (who != NULL && who[0] >= 'a' && who[0] <= 'z') {
			name[0] = (char)(name[0] - 32);
		}
		oojwt_diag_hold(c, name, (const unsigned char *)cs->secret.p,
			cs->secret.n, OOJWT_DIAG_ROLE_CONNECTOR, (int)i);
	}
	c->owned_conn[c->n_owned_conn++] = cs;
	if (c->conn == NULL) {
		c->conn = cs;
		c->conn_item = (int)i;
	} else {
		oojwt_diag_fold(c, cs->findings, cs->n_findings, (int)i, 30, NULL, 0);
	}
	return OOJWT_OK;
}

/* The secret DS checks inbound tokens with, for the inspections: the
 * config's inbox secret, else the first secret the user typed or
 * pasted. */
static void
inbox_secret(const oojwt_diag_ctx *c, const unsigned char **p, size_t *n)
{
	size_t i;

	*p = (const unsigned char *)"";
	*n = 0;
	for (i = 0; i < c->n_held; i++) {
		if (c->held[i].roles & (1u << OOJWT_SECRET_INBOX)) {
			*p = c->held[i].value;
			*n = c->held[i].len;
			return;
		}
	}
	if (c->cfg != NULL) {
		return;
	}
	for (i = 0; i < c->n_held; i++) {
		if (c->held[i].roles & (OOJWT_DIAG_ROLE_TYPED | OOJWT_DIAG_ROLE_PASTED
			| OOJWT_DIAG_ROLE_CONNECTOR))
		{
			*p = c->held[i].value;
			*n = c->held[i].len;
			return;
		}
	}
}

static const unsigned char *
role_secret(const oojwt_diag_ctx *c, unsigned role, size_t *n)
{
	size_t i;

	for (i = 0; i < c->n_held; i++) {
		if (c->held[i].roles & role) {
			*n = c->held[i].len;
			return c->held[i].value;
		}
	}
	*n = 0;
	return NULL;
}

/* The codes a token check of the matrix says better (bad_signature):
 * left out of the folded inspections when the token was checked. */
static const int MATRIX_SAYS[] = { OOJWT_ERR_BAD_SIGNATURE };

static int
inspect_config(oojwt_diag_ctx *c, size_t i, const char *s, size_t n)
{
	oojwt_config_report *rep = malloc(sizeof *rep);
	oojwt_inspect_opts o;
	const unsigned char *sec;
	size_t sec_len;

	if (rep == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	memset(&o, 0, sizeof o);
	o.now = c->o->now;
	o.clock_tolerance = 60;
	o.enable_browser = c->cfg != NULL ? c->cfg->enabled_browser : 1;
	o.token_required_params = c->cfg != NULL ? c->cfg->token_required_params : 1;
	if (c->cfg != NULL && c->cfg->verify_options != NULL) {
		o.verify_options = c->cfg->verify_options;
		o.verify_options_len = c->cfg->verify_options_len;
	}
	inbox_secret(c, &sec, &sec_len);
	memset(rep, 0, sizeof *rep);
	if (oojwt_config_inspect(rep, s, n, sec, sec_len, &o) != OOJWT_OK) {
		free(rep);
		return OOJWT_ERR_NO_MEMORY;
	}
	if (!rep->ok && rep->editor_error != 0) {
		c->editor_error = rep->editor_error;
	}
	if (c->editor_item < 0) {
		c->editor_item = (int)i;
	}
	if (rep->token_text != NULL && add_token_in(c, s, n, rep->token_text,
		strlen(rep->token_text), (int)i, OOJWT_DIAG_TO_DS) != OOJWT_OK)
	{
		oojwt_config_report_free(rep);
		free(rep);
		return OOJWT_ERR_NO_MEMORY;
	}
	oojwt_diag_fold(c, rep->findings, rep->n_findings, (int)i, 20,
		c->n_held > 0 ? MATRIX_SAYS : NULL, c->n_held > 0 ? 1 : 0);
	oojwt_config_report_free(rep);
	free(rep);
	return OOJWT_OK;
}

static int
inspect_request(oojwt_diag_ctx *c, size_t i, const char *s, size_t n, int kind)
{
	oojwt_request_report *rep = malloc(sizeof *rep);
	oojwt_request_opts o;
	const unsigned char *sec;
	size_t sec_len, k;

	if (rep == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	memset(&o, 0, sizeof o);
	o.kind = kind;
	o.form = OOJWT_REQUEST_RAW;
	o.now = c->o->now;
	o.clock_tolerance = kind == OOJWT_REQUEST_CALLBACK ? 0 : 60;
	o.enabled = 1;
	o.token_required_params = c->cfg != NULL ? c->cfg->token_required_params : 1;
	o.connector = OOJWT_CONNECTOR_ALL;
	if (kind == OOJWT_REQUEST_CALLBACK) {
		sec = role_secret(c, OOJWT_DIAG_ROLE_CONNECTOR, &sec_len);
		if (sec == NULL) {
			sec = role_secret(c, 1u << OOJWT_SECRET_OUTBOX, &sec_len);
		}
		if (sec == NULL) {
			inbox_secret(c, &sec, &sec_len);
		}
	} else {
		inbox_secret(c, &sec, &sec_len);
		if (c->cfg != NULL && c->cfg->verify_options != NULL) {
			o.verify_options = c->cfg->verify_options;
			o.verify_options_len = c->cfg->verify_options_len;
		}
	}
	memset(rep, 0, sizeof *rep);
	if (oojwt_request_inspect(rep, s, n, sec, sec_len, &o) != OOJWT_OK) {
		free(rep);
		return OOJWT_ERR_NO_MEMORY;
	}
	if (c->request_item < 0) {
		c->request_item = (int)i;
	}
	for (k = 0; k < rep->n_tokens; k++) {
		const oojwt_request_token *t = &rep->tokens[k];
		if (t->text == NULL || (rep->used >= 0 && (size_t)rep->used != k)) {
			continue;
		}
		if (add_token_in(c, s, n, t->text, t->len, (int)i,
			kind == OOJWT_REQUEST_CALLBACK ? OOJWT_DIAG_FROM_DS
			: OOJWT_DIAG_TO_DS) != OOJWT_OK)
		{
			oojwt_request_report_free(rep);
			free(rep);
			return OOJWT_ERR_NO_MEMORY;
		}
	}
	oojwt_diag_fold(c, rep->findings, rep->n_findings, (int)i, 20,
		c->n_held > 0 ? MATRIX_SAYS : NULL, c->n_held > 0 ? 1 : 0);
	oojwt_request_report_free(rep);
	free(rep);
	return OOJWT_OK;
}

static int
inspect_nginx(oojwt_diag_ctx *c, size_t i, const char *s, size_t n)
{
	oojwt_nginx_config *ng = malloc(sizeof *ng);
	oojwt_finding *more;
	size_t n_more = 0, dropped = 0, st_len;
	const unsigned char *st;

	if (ng == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	memset(ng, 0, sizeof *ng);
	if (oojwt_nginx_read(ng, s, n) != OOJWT_OK) {
		free(ng);
		return OOJWT_ERR_NO_MEMORY;
	}
	oojwt_diag_fold(c, ng->findings, ng->n_findings, (int)i, 40, NULL, 0);
	if (ng->has_secret && c->masks != NULL) {
		mask_secret(c->masks, (const unsigned char *)ng->secret, ng->secret_len);
	}
	st = role_secret(c, OOJWT_DIAG_ROLE_STORAGE, &st_len);
	more = malloc(sizeof *more * 4);
	if (st != NULL && ng->has_secret && more != NULL) {
		oojwt_link_secrets_compare(st, st_len,
			(const unsigned char *)ng->secret, ng->secret_len, more, &n_more,
			&dropped);
		oojwt_diag_fold(c, more, n_more < 4 ? n_more : 4, (int)i, 15, NULL, 0);
	}
	free(more);
	oojwt_nginx_config_free(ng);
	free(ng);
	return OOJWT_OK;
}

/*
 * A certificate whose subject CN is an IP address that its
 * subjectAltName does not list -- what `openssl req -subj /CN=IP` and
 * `x509 -req -signkey` without -extfile make: clients connecting to
 * https://IP compare the address with the IP entries of subjectAltName
 * only (OpenSSL X509_check_ip, which curl and PHP use; browsers), and
 * refuse it. Adds diag_cert_no_ip and the genrsa/req/x509 steps with
 * -extfile subjectAltName=IP:...; 1 when it did.
 */
static int
cert_no_ip(oojwt_diag_ctx *c, const oojwt_cert *cert, int item)
{
	const char *cn = cert->subject != NULL ? strstr(cert->subject, "CN=") : NULL;
	const char *who, *cid;
	unsigned char ip[16], other[16];
	char shown[64], msg[OOJWT_MESSAGE_LEN], cause[OOJWT_MESSAGE_LEN];
	size_t n, len, k;
	oojwt_params p;
	char pbuf[OOJWT_DIAG_PARAMS_LEN];
	oojwt_commands_opts o;

	if (cn == NULL) {
		return 0;
	}
	cn += 3;
	for (n = 0; cn[n] != 0 && cn[n] != ',' && cn[n] != '/'; n++) {
	}
	len = oojwt_ip_parse(cn, n, ip);
	if (len == 0) {
		return 0;
	}
	for (k = 0; k < cert->n_ip; k++) {
		if (oojwt_ip_parse(cert->ip[k], strlen(cert->ip[k]), other) == len
			&& memcmp(ip, other, len) == 0)
		{
			return 0;
		}
	}
	oojwt_ip_text(shown, ip, len);
	who = c->connector == OOJWT_CONNECTOR_NEXTCLOUD ? "Nextcloud"
		: c->connector == OOJWT_CONNECTOR_OWNCLOUD ? "ownCloud"
		: c->connector == OOJWT_CONNECTOR_MOODLE ? "Moodle"
		: c->connector == OOJWT_CONNECTOR_MATTERMOST ? "Mattermost" : NULL;
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	oojwt_params_str(&p, "host", shown, strlen(shown));
	oojwt_params_str(&p, "altNames", cert->n_ip == 0 ? "none" : "other",
		cert->n_ip == 0 ? 4 : 5);
	cid = oojwt_connector_name(c->connector);
	if (cid == NULL) {
		cid = "unknown";
	}
	oojwt_params_str(&p, "connector", cid, strlen(cid));
	oojwt_fmt(msg, sizeof msg, "The certificate names %s only in its subject "
		"CN, and its subjectAltName has %s: %s and browsers connecting to "
		"https://%s match the address against subjectAltName IP entries only, "
		"and refuse it (curl: \"no alternative certificate subject name "
		"matches target host name\").", shown, cert->n_ip == 0
		? "no IP address" : "other IP addresses", who != NULL ? who
		: "the connector", shown);
	snprintf(cause, sizeof cause, "%s", "the certificate has no IP address for it");
	oojwt_diag_add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_DIAG_CERT_NO_IP, item, 35,
		pbuf, msg, "Make the certificate again with the "
		"address in subjectAltName: the same openssl genrsa, req and x509 "
		"-signkey steps, with -extfile giving subjectAltName=IP:... (the "
		"command below); then put the new files where nginx reads them (in "
		"Docker: certs/ of the folder mounted on /var/www/onlyoffice/Data) "
		"and restart.", cause);
	memset(&o, 0, sizeof o);
	o.cert_host = shown;
	o.cert_host_len = strlen(shown);
	o.self_signed = cert->self_signed;
	add_command(c, OOJWT_CMD_MAKE_CERTIFICATE, item, &o);
	return 1;
}

static int
inspect_cert(oojwt_diag_ctx *c, size_t i, const char *s, size_t n)
{
	oojwt_cert *cert = malloc(sizeof *cert);
	oojwt_cert_opts o;
	char msg[OOJWT_MESSAGE_LEN], params[OOJWT_PARAMS_LEN];
	size_t k;
	int no_ip;

	if (cert == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	memset(&o, 0, sizeof o);
	memset(cert, 0, sizeof *cert);
	o.now = c->o->now;
	for (k = 0; k < c->n; k++) {
		if (c->r->items[k].kind == OOJWT_DIAG_PEM_KEY && c->r->items[k].sub) {
			o.key = (const unsigned char *)c->items[k].text;
			o.key_len = c->items[k].len;
			break;
		}
	}
	msg[0] = 0;
	params[0] = 0;
	if (oojwt_cert_inspect_params(cert, s, n, &o, msg, params) != OOJWT_OK) {
		oojwt_diag_add(c, OOJWT_SEVERITY_ERROR, OOJWT_ERR_BAD_CERT, (int)i, 40,
			params, msg, "Paste the certificate file whole, from -----BEGIN "
			"CERTIFICATE----- to -----END CERTIFICATE-----.", NULL);
		free(cert);
		return OOJWT_OK;
	}
	c->cert_self_signed = cert->self_signed;
	no_ip = cert_no_ip(c, cert, (int)i);
	for (k = 0; k < cert->n_findings; k++) {
		if (no_ip && cert->findings[k].code == OOJWT_FIND_CERT_CN_ONLY) {
			continue;
		}
		oojwt_diag_add(c, cert->findings[k].severity, cert->findings[k].code,
			(int)i, 40, cert->findings[k].params, cert->findings[k].message,
			cert->findings[k].fix, NULL);
	}
	oojwt_cert_free(cert);
	free(cert);
	return OOJWT_OK;
}

static int
inspect_link(oojwt_diag_ctx *c, size_t i, const char *s, size_t n)
{
	oojwt_link_report *rep = malloc(sizeof *rep);
	const unsigned char *st;
	size_t st_len;

	if (rep == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	memset(rep, 0, sizeof *rep);
	st = role_secret(c, OOJWT_DIAG_ROLE_STORAGE, &st_len);
	if (st == NULL) {
		st = role_secret(c, OOJWT_DIAG_ROLE_TYPED | OOJWT_DIAG_ROLE_PASTED, &st_len);
	}
	if (oojwt_link_inspect(rep, s, n, st, st_len, c->o->now) != OOJWT_OK) {
		free(rep);
		return OOJWT_ERR_NO_MEMORY;
	}
	oojwt_diag_fold(c, rep->findings, rep->n_findings, (int)i, 15, NULL, 0);
	oojwt_link_report_free(rep);
	free(rep);
	return OOJWT_OK;
}

/* The message, fix and short cause of a symptom of the table: what the
 * product showed and what it means; what to paste next, each with where
 * to get it while that fits (the rest by name only); "paste X and Y"
 * for the headline. */
static void
symptom_words(const oojwt_symptom *sy, char *msg, char *fix, char *brief)
{
	const char *br = strstr(sy->en, "<br>");
	size_t j, k, len, blen, rest;
	int cut = 0;

	snprintf(msg, OOJWT_MESSAGE_LEN, "%s: \"%.*s\". %s", sy->product,
		(int)(br != NULL ? (size_t)(br - sy->en) : strlen(sy->en)), sy->en,
		sy->means);
	len = (size_t)snprintf(fix, OOJWT_MESSAGE_LEN, "Paste next: ");
	blen = (size_t)snprintf(brief, OOJWT_MESSAGE_LEN, "paste ");
	for (j = 0; j < sy->n_paste; j++) {
		const char *what = sy->paste[j].what;
		/* Room kept for the names of the ones after this. */
		for (rest = 2, k = j + 1; k < sy->n_paste; k++) {
			rest += strlen(sy->paste[k].what) + 2;
		}
		cut |= len + strlen(what) + strlen(sy->paste[j].where) + 5 + rest
			>= OOJWT_MESSAGE_LEN;
		if (!cut) {
			len += (size_t)snprintf(fix + len, OOJWT_MESSAGE_LEN - len,
				"%s%s (%s)", j > 0 ? "; " : "", what, sy->paste[j].where);
		} else if (len < OOJWT_MESSAGE_LEN) {
			len += (size_t)snprintf(fix + len, OOJWT_MESSAGE_LEN - len, "%s%s",
				j > 0 ? "; " : "", what);
		}
		if (blen < OOJWT_MESSAGE_LEN) {
			blen += (size_t)snprintf(brief + blen, OOJWT_MESSAGE_LEN - blen,
				"%s%c%s", j == 0 ? "" : j + 1 == sy->n_paste ? " and " : ", ",
				strncmp(what, "The ", 4) == 0 ? 't' : what[0], what + 1);
		}
	}
	if (len + 1 < OOJWT_MESSAGE_LEN) {
		fix[len] = '.';
		fix[len + 1] = 0;
	}
}

/* What a DS log line says, and the token it names. */
static void
explain_ds_log(oojwt_diag_ctx *c, size_t i, const char *s, size_t n)
{
	const oojwt_diag_recognised *g = &c->r->items[i];
	oojwt_params p;
	char pbuf[OOJWT_DIAG_PARAMS_LEN];
	char msg[OOJWT_MESSAGE_LEN], sfix[OOJWT_MESSAGE_LEN];
	char brief[OOJWT_MESSAGE_LEN];
	const char *m = NULL, *fix = NULL;
	size_t at, e;

	oojwt_params_init(&p, pbuf, sizeof pbuf);
	switch (g->sub) {
	case 0:
		/* checkJwt error: name = X message = Y token = Z */
		at = 0;
		while (at + 10 <= n && memcmp(s + at, "message = ", 10) != 0) {
			at++;
		}
		if (at + 10 <= n) {
			at += 10;
			for (e = at; e + 8 <= n && memcmp(s + e, " token =", 8) != 0; e++) {
			}
			if (e + 8 > n) {
				e = n;
			}
			oojwt_params_str(&p, "kind", "refused", 7);
			oojwt_params_str(&p, "serverMessage", s + at,
				e - at < 120 ? e - at : 120);
			snprintf(msg, sizeof msg, "Document Server refused a token: \"%.*s\" "
				"(its jsonwebtoken check, DocsCoServer.js checkJwt).",
				(int)(e - at < 120 ? e - at : 120), s + at);
		} else {
			oojwt_params_str(&p, "kind", "refused_plain", 13);
			snprintf(msg, sizeof msg, "Document Server refused a token (its "
				"jsonwebtoken check, DocsCoServer.js checkJwt).");
		}
		oojwt_params_str(&p, "hasToken", g->has_token ? "yes" : "no",
			g->has_token ? 3 : 2);
		m = msg;
		fix = g->has_token ? "The token of this line is checked below against "
			"the secrets you gave; paste local.json too if you have not."
			: "Paste the whole log line (with token = ...) and local.json.";
		break;
	case 1:
		oojwt_params_str(&p, "kind", "field", 5);
		m = "Document Server refused the editor config's token: a field it "
			"requires since 7.1 is not in the token (4006, the editor's error "
			"-20).";
		fix = "Sign the whole config, with document.key, document.url and, if "
			"the config has them, document.permissions, editorConfig.callbackUrl "
			"and editorConfig.mode.";
		break;
	case 2:
		oojwt_params_str(&p, "kind", "permissions", 11);
		m = "Document Server refused the config: document.permissions in the "
			"token differ from those of the config (4004, the editor's error "
			"-23).";
		fix = "Sign the permissions the page passes, exactly (same members, "
			"same values), or leave them out of the config.";
		break;
	case 3:
		oojwt_params_str(&p, "kind", "wrapped", 7);
		m = "Document Server refused the config token: it has a top-level url, "
			"key or payload (4004, the editor's error -23).";
		fix = "Sign the config object itself, not wrapped in {\"payload\": ...} "
			"and with no top-level url or key.";
		break;
	case OOJWT_DIAG_DS_CHECKJWT_SUCCESS:
		oojwt_params_str(&p, "kind", "accepted", 8);
		m = "Document Server accepted a token (checkJwt success).";
		fix = "";
		break;
	default:
		/* A line of the symptom table with no reading of its own. */
		symptom_words(oojwt_symptom_at((size_t)g->symptom - 1), msg, sfix,
			brief);
		m = msg;
		fix = sfix;
		break;
	}
	if (g->symptom > 0) {
		const char *id = oojwt_symptom_at((size_t)g->symptom - 1)->id;
		oojwt_params_str(&p, "symptom", id, strlen(id));
	}
	oojwt_diag_add(c, g->sub == OOJWT_DIAG_DS_CHECKJWT_SUCCESS
		? OOJWT_SEVERITY_INFO : OOJWT_SEVERITY_WARNING,
		OOJWT_FIND_DIAG_DS_LOG, (int)i, 50, pbuf, m, fix,
		NULL);
}

/* An error text of the editor or a connector: what it means, and what
 * to paste next (the symptom table's words). */
static void
explain_symptom(oojwt_diag_ctx *c, size_t i)
{
	const oojwt_diag_recognised *g = &c->r->items[i];
	const oojwt_symptom *sy = oojwt_symptom_at((size_t)g->symptom - 1);
	oojwt_params p;
	char pbuf[OOJWT_DIAG_PARAMS_LEN];
	char msg[OOJWT_MESSAGE_LEN], fix[OOJWT_MESSAGE_LEN];
	char brief[OOJWT_MESSAGE_LEN];

	if (sy == NULL) {
		return;
	}
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	oojwt_params_str(&p, "symptom", sy->id, strlen(sy->id));
	oojwt_params_str(&p, "product", sy->product, strlen(sy->product));
	if (g->kind == OOJWT_DIAG_EDITOR_ERROR) {
		oojwt_params_num(&p, "editorError", g->sub);
		if (c->editor_error == 0) {
			c->editor_error = g->sub;
		}
	} else {
		oojwt_params_str(&p, "connectorMessage", g->detail, strlen(g->detail));
	}
	symptom_words(sy, msg, fix, brief);
	oojwt_diag_add(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_DIAG_SYMPTOM, (int)i, 50,
		pbuf, msg, fix, brief);
	if (c->symptom_item < 0) {
		c->symptom_item = (int)i;
	}
}

static void
not_recognised(oojwt_diag_ctx *c, size_t i)
{
	const oojwt_diag_recognised *g = &c->r->items[i];
	oojwt_params p;
	char pbuf[OOJWT_DIAG_PARAMS_LEN];
	char msg[OOJWT_MESSAGE_LEN];

	oojwt_params_init(&p, pbuf, sizeof pbuf);
	if (g->guess != OOJWT_DIAG_UNKNOWN) {
		const char *k = oojwt_diag_kind_name(g->guess);
		const char *label = oojwt_diag_kind_label(g->guess);
		oojwt_params_str(&p, "guess", k, strlen(k));
		oojwt_params_str(&p, "closest", label, strlen(label));
	} else {
		oojwt_params_str(&p, "closest", "none", 4);
	}
	oojwt_params_str(&p, "why", g->why, strlen(g->why));
	snprintf(msg, sizeof msg, "Not recognised: %s%s%s", g->why,
		g->guess != OOJWT_DIAG_UNKNOWN ? " Closest: " : "",
		g->guess != OOJWT_DIAG_UNKNOWN ? oojwt_diag_kind_label(g->guess) : "");
	oojwt_diag_add(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_DIAG_NOT_RECOGNISED, (int)i,
		52, pbuf, msg, "Paste a token, an Authorization "
		"header, a log line, an editor config, local.json, Docker settings, "
		"a request, a connector's settings, an nginx configuration, a "
		"certificate, a download link or the error message you see.", NULL);
}

static void
page_source(oojwt_diag_ctx *c, size_t i)
{
	oojwt_diag_add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_DIAG_CONFIG_NOT_JSON,
		(int)i, 45, NULL, "The page calls new DocsAPI.DocEditor(...), but its "
		"config is not JSON written in the call (a variable, or an object "
		"literal with unquoted names): it cannot be checked.", "Paste the config "
		"as JSON: in the browser's console, JSON.stringify(config) where the "
		"page builds it, or the config the server side renders.", NULL);
}

/* The commands the verdict calls for (a certificate's were added with
 * its finding): a secret the connector holds differently -- read DS's
 * without its line break, set it in the connector (commands.c); nginx's
 * and Document Server's link secrets apart -- one new secret for both. */
static void
verdict_commands(oojwt_diag_ctx *c)
{
	static const char *const names[] = { NULL, "nextcloud", "owncloud",
		"moodle" };
	const oojwt_diag_finding *v = &c->r->findings[0];
	oojwt_commands_opts o;
	int secret = c->r->n_findings > 0 && (v->code == OOJWT_FIND_DIAG_SECRET_VARIANT
		|| v->code == OOJWT_FIND_DIAG_SIGNED_WITH_OTHER_SECRET
		|| v->code == OOJWT_FIND_DIAG_SECRET_UNKNOWN
		|| v->code == OOJWT_FIND_CONNECTOR_SECRET_DIFFERS);

	if (c->r->n_findings == 0 || v->severity == OOJWT_SEVERITY_INFO) {
		return;
	}
	memset(&o, 0, sizeof o);
	if (secret && c->connector >= OOJWT_CONNECTOR_NEXTCLOUD
		&& c->connector <= OOJWT_CONNECTOR_MOODLE)
	{
		o.connector = names[c->connector];
		o.connector_len = strlen(o.connector);
		add_command(c, OOJWT_CMD_READ_SECRET, v->item, &o);
		add_command(c, OOJWT_CMD_CONNECTOR_SETTING, v->item, &o);
	} else if (v->code == OOJWT_FIND_LINK_SECRETS_DIFFER) {
		add_command(c, OOJWT_CMD_UPDATE_SECURELINK, v->item, &o);
	}
}

/* ---- the driver ---------------------------------------------------- */

static int
run(oojwt_diag_ctx *c)
{
	size_t i;
	int e = OOJWT_OK;

	/* First the items that hold settings and secrets. */
	for (i = 0; i < c->n; i++) {
		oojwt_diag_recognised *g = &c->r->items[i];
		const char *s = c->items[i].text;
		size_t n = c->items[i].len;
		oojwt_diag_recognise(g, s, n);
		if (g->kind == OOJWT_DIAG_LOCAL_JSON || g->kind == OOJWT_DIAG_DOCKER_ENV) {
			e = read_server_config(c, i, s, n);
		} else if (g->kind == OOJWT_DIAG_CONNECTOR_SETTINGS) {
			e = read_connector(c, i, s, n);
		} else if (g->kind == OOJWT_DIAG_CONNECTOR_ERROR && g->symptom > 0) {
			c->connector = c->connector ? c->connector
				: oojwt_symptom_at((size_t)g->symptom - 1)->connector;
		} else if ((g->kind == OOJWT_DIAG_BARE_VALUE || g->kind
			== OOJWT_DIAG_DOCKER_EXEC) && g->has_json)
		{
			char name[OOJWT_DIAG_NAME_LEN];
			if (g->kind == OOJWT_DIAG_DOCKER_EXEC && g->detail[0] != 0) {
				snprintf(name, sizeof name, "%s (docker exec, item %u)", g->detail,
					(unsigned)i + 1);
			} else {
				snprintf(name, sizeof name, "the value of item %u", (unsigned)i + 1);
			}
			oojwt_diag_hold(c, name, (const unsigned char *)s + g->json_off,
				g->json_len, OOJWT_DIAG_ROLE_PASTED, (int)i);
		}
		if (e != OOJWT_OK) {
			return e;
		}
	}
	if (c->conn != NULL) {
		int in = 0, out = 0;
		if (c->cfg != NULL) {
			oojwt_connector_settings_compare(c->conn, c->cfg, c->cert_self_signed
				? 1 : -1, &in, &out);
		}
		oojwt_diag_fold(c, c->conn->findings, c->conn->n_findings, c->conn_item,
			25, NULL, 0);
	}
	/* Then the inspections, with what the settings gave. */
	for (i = 0; i < c->n && e == OOJWT_OK; i++) {
		const oojwt_diag_recognised *g = &c->r->items[i];
		const char *s = c->items[i].text;
		size_t n = c->items[i].len;
		switch (g->kind) {
		case OOJWT_DIAG_EDITOR_CONFIG:
		case OOJWT_DIAG_PAGE_SOURCE:
			if (g->has_json) {
				e = inspect_config(c, i, s + g->json_off, g->json_len);
			} else {
				page_source(c, i);
			}
			break;
		case OOJWT_DIAG_HTTP_REQUEST:
		case OOJWT_DIAG_REQUEST_BODY:
			e = inspect_request(c, i, s, n, g->sub);
			break;
		case OOJWT_DIAG_NGINX_CONFIG:
			e = inspect_nginx(c, i, s, n);
			break;
		case OOJWT_DIAG_CERTIFICATE:
			e = inspect_cert(c, i, s, n);
			break;
		case OOJWT_DIAG_DOWNLOAD_LINK:
			e = inspect_link(c, i, s, n);
			break;
		case OOJWT_DIAG_DS_LOG:
			explain_ds_log(c, i, s, n);
			if (g->has_token) {
				oojwt_diag_add_token(c, s + g->token_off, g->token_len, (int)i,
					OOJWT_DIAG_TO_DS);
			}
			break;
		case OOJWT_DIAG_TOKEN:
		case OOJWT_DIAG_AUTHORIZATION:
		case OOJWT_DIAG_LOG_LINE:
			oojwt_diag_add_token(c, s + g->token_off, g->token_len, (int)i,
				OOJWT_DIAG_TO_DS);
			break;
		case OOJWT_DIAG_EDITOR_ERROR:
		case OOJWT_DIAG_CONNECTOR_ERROR:
			explain_symptom(c, i);
			break;
		case OOJWT_DIAG_UNKNOWN:
			not_recognised(c, i);
			break;
		default:
			break;
		}
	}
	if (e != OOJWT_OK) {
		return e;
	}
	oojwt_diag_matrix(c);
	oojwt_diag_verdict(c);
	verdict_commands(c);
	return OOJWT_OK;
}

/* What an export masks: the held secrets, the tokens, the private
 * keys' lines (the nginx secrets were added as they were read). */
static void
collect_masks(oojwt_diag_ctx *c)
{
	size_t i;

	size_t k;

	/* The held list is bounded (OOJWT_DIAG_MAX_HELD): the configs'
	 * secrets are taken from the configs themselves. */
	for (i = 0; i < c->n_held; i++) {
		mask_secret(c->masks, c->held[i].value, c->held[i].len);
	}
	for (i = 0; i < c->n_owned_cfg; i++) {
		const oojwt_server_config *cfg = c->owned_cfg[i];
		for (k = 0; k < OOJWT_SECRET_KINDS; k++) {
			mask_secret(c->masks, (const unsigned char *)cfg->secrets[k].value,
				cfg->secrets[k].value_len);
		}
		mask_secret(c->masks, (const unsigned char *)cfg->storage_secret.value,
			cfg->storage_secret.value_len);
	}
	for (i = 0; i < c->n_owned_conn; i++) {
		const oojwt_connector_settings *cs = c->owned_conn[i];
		if (cs->secret.set) {
			mask_secret(c->masks, (const unsigned char *)cs->secret.p,
				cs->secret.n);
		}
	}
	for (i = 0; i < c->o->n_secrets; i++) {
		mask_secret(c->masks, c->o->secrets[i].value, c->o->secrets[i].len);
	}
	for (i = 0; i < c->n_tokens; i++) {
		oojwt_diag_mask(c->masks, c->tokens[i].p, c->tokens[i].len, 1);
	}
	for (i = 0; i < c->n; i++) {
		const oojwt_diag_recognised *g = &c->r->items[i];
		if (g->has_token) {
			oojwt_diag_mask(c->masks, c->items[i].text + g->token_off,
				g->token_len, 1);
		}
		if ((g->kind == OOJWT_DIAG_BARE_VALUE || g->kind
			== OOJWT_DIAG_DOCKER_EXEC) && g->has_json)
		{
			mask_secret(c->masks, (const unsigned char *)c->items[i].text
				+ g->json_off, g->json_len);
		}
		if (g->kind == OOJWT_DIAG_PEM_KEY) {
			mask_pem_lines(c->masks, c->items[i].text, c->items[i].len);
		}
	}
}

int
oojwt_diagnose(oojwt_diag_report *r, const oojwt_diag_item *items, size_t n,
	const oojwt_diag_opts *opts)
{
	return oojwt_diag_run(r, items, n, opts, NULL);
}

int
oojwt_diag_run(oojwt_diag_report *r, const oojwt_diag_item *items, size_t n,
	const oojwt_diag_opts *opts, oojwt_diag_masks *masks)
{
	oojwt_diag_ctx *c;
	size_t i, total = 0;
	int e;

	if (r == NULL || opts == NULL || (n > 0 && items == NULL)
		|| (opts->n_secrets > 0 && opts->secrets == NULL))
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(r, 0, sizeof *r);
	if (n > OOJWT_DIAG_MAX_ITEMS || opts->n_secrets > OOJWT_DIAG_MAX_SECRETS) {
		return OOJWT_ERR_TOO_LARGE;
	}
	for (i = 0; i < n; i++) {
		if (items[i].text == NULL && items[i].len > 0) {
			return OOJWT_ERR_BAD_ARGUMENT;
		}
		total += items[i].len;
		if (total > OOJWT_DIAG_MAX_LEN) {
			return OOJWT_ERR_TOO_LARGE;
		}
	}
	c = malloc(sizeof *c);
	if (c == NULL) {
		return OOJWT_ERR_NO_MEMORY;
	}
	memset(c, 0, sizeof *c);
	c->r = r;
	c->items = items;
	c->n = n;
	c->o = opts;
	c->masks = masks;
	c->cfg_item = c->conn_item = -1;
	c->editor_item = c->symptom_item = c->request_item = -1;
	r->n_items = n;
	for (i = 0; i < opts->n_secrets; i++) {
		char name[OOJWT_DIAG_NAME_LEN];
		const oojwt_diag_secret *s = &opts->secrets[i];
		if (s->name != NULL && s->name_len > 0) {
			snprintf(name, sizeof name, "%.*s", (int)(s->name_len < 80
				? s->name_len : 80), s->name);
		} else if (opts->n_secrets > 1) {
			snprintf(name, sizeof name, "the secret you typed (#%u)",
				(unsigned)i + 1);
		} else {
			snprintf(name, sizeof name, "the secret you typed");
		}
		oojwt_diag_hold(c, name, s->value, s->len, OOJWT_DIAG_ROLE_TYPED, -1);
	}
	e = run(c);
	if (e == OOJWT_OK && masks != NULL) {
		collect_masks(c);
	}
	r->n_secrets = c->n_held;
	r->n_tokens = c->n_tokens;
	for (i = 0; i < c->n_owned_cfg; i++) {
		oojwt_server_config_free(c->owned_cfg[i]);
		free(c->owned_cfg[i]);
	}
	for (i = 0; i < c->n_owned_conn; i++) {
		oojwt_connector_settings_free(c->owned_conn[i]);
		free(c->owned_conn[i]);
	}
	oojwt_wipe(c, sizeof *c);
	free(c);
	if (e != OOJWT_OK) {
		oojwt_wipe(r, sizeof *r);
	}
	return e;
}
