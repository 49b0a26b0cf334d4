/*
 * Document Server's nginx configuration (ds.conf, includes/ds-*.conf, a
 * reverse proxy's server block), read with a small strict tokenizer that
 * follows ngx_conf_read_token(): words separated by blanks, ';' ends a
 * directive, '{' opens a block (not after '$', as in ${var}), '}' closes
 * one only where a word could start, '#' starts a comment only there,
 * "..." and '...' quote, a backslash escapes the next character, and
 * \" \' \\ \t \r \n are unescaped. Template placeholders {{NAME}} are
 * read as words (and reported). See oojwt_nginx_read() in oojwt.h.
 */
#include <string.h>
#include "inner.h"
#include "deploy.h"

#define MAX_WORDS 8
#define MAX_DEPTH 16
#define MAX_SERVERS 16

typedef struct {
	const char *s;
	size_t n, i;
	int line;
	int placeholder;         /* line of the first {{NAME}} word, or 0 */
	int tok_line;            /* line of the last token */
	char err[OOJWT_MESSAGE_LEN];
	char err_params[OOJWT_PARAMS_LEN]; /* line, reason: which sentence */
	int err_line;
} lexer;

enum { T_END, T_WORD, T_SEMI, T_OPEN, T_CLOSE, T_ERROR };

typedef struct {
	size_t n;
	int line;
	size_t len[MAX_WORDS];
	char w[MAX_WORDS][OOJWT_NGINX_TEXT];
} directive;

/* The first syntax error: its sentence, and `reason` naming it. */
static void
lex_error(lexer *lx, const char *reason, const char *msg)
{
	oojwt_params p;

	if (lx->err[0] == 0) {
		oojwt_params_init(&p, lx->err_params, sizeof lx->err_params);
		oojwt_params_str(&p, "reason", reason, strlen(reason));
		oojwt_fmtp(lx->err, sizeof lx->err, &p, "line", "line %d: %s",
			lx->line, msg);
		lx->err_line = lx->line;
	}
}

/* Copy a word's bytes [a, b) with nginx's unescaping into d (a word
 * longer than the buffer is cut; only its first bytes matter here). */
static void
put_word(directive *d, const char *s, size_t a, size_t b)
{
	size_t o = 0;
	char *w;

	if (d->n >= MAX_WORDS) {
		d->n++;
		return;
	}
	w = d->w[d->n];
	while (a < b) {
		char c = s[a];
		if (c == '\\' && a + 1 < b) {
			char e = s[a + 1];
			if (e == '"' || e == '\'' || e == '\\') {
				c = e;
				a++;
			} else if (e == 't' || e == 'r' || e == 'n') {
				c = e == 't' ? '\t' : e == 'r' ? '\r' : '\n';
				a++;
			}
		}
		if (o + 1 < OOJWT_NGINX_TEXT) {
			w[o++] = c;
		}
		a++;
	}
	w[o] = 0;
	d->len[d->n++] = o;
}

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The next token; a word goes into d. */
static int
next(lexer *lx, directive *d)
{
	const char *s = lx->s;
	size_t a;
	int variable = 0;

	for (;;) {
		if (lx->i >= lx->n) {
			return T_END;
		}
		if (s[lx->i] == '\n') {
			lx->line++;
		}
		if (blank(s[lx->i])) {
			lx->i++;
			continue;
		}
		if (s[lx->i] == '#') {
			while (lx->i < lx->n && s[lx->i] != '\n') {
				lx->i++;
			}
			continue;
		}
		break;
	}
	lx->tok_line = lx->line;
	switch (s[lx->i]) {
	case ';':
		lx->i++;
		return T_SEMI;
	case '}':
		lx->i++;
		return T_CLOSE;
	case '{':
		if (lx->i + 1 < lx->n && s[lx->i + 1] == '{') {
			/* A template placeholder: {{SSL_CERTIFICATE_PATH}}. */
			a = lx->i;
			while (lx->i + 1 < lx->n && !(s[lx->i] == '}'
				&& s[lx->i + 1] == '}') && s[lx->i] != '\n')
			{
				lx->i++;
			}
			lx->i = lx->i + 1 < lx->n && s[lx->i] == '}' ? lx->i + 2 : lx->n;
			if (lx->placeholder == 0) {
				lx->placeholder = lx->line;
			}
			put_word(d, s, a, lx->i);
			return T_WORD;
		}
		lx->i++;
		return T_OPEN;
	case '"':
	case '\'': {
		char q = s[lx->i++];
		a = lx->i;
		while (lx->i < lx->n && s[lx->i] != q) {
			if (s[lx->i] == '\\' && lx->i + 1 < lx->n) {
				lx->i++;
			}
			if (s[lx->i] == '\n') {
				lx->line++;
			}
			lx->i++;
		}
		if (lx->i >= lx->n) {
			lex_error(lx, "unterminated", "unterminated quoted string: nginx -t fails with "
				"\"unexpected end of file\"");
			return T_ERROR;
		}
		put_word(d, s, a, lx->i);
		lx->i++;
		if (lx->i < lx->n && !blank(s[lx->i]) && s[lx->i] != ';'
			&& s[lx->i] != '{' && s[lx->i] != ')')
		{
			lex_error(lx, "after_quote", "a quoted string must be followed by a space, ;, "
				"{ or ): nginx -t fails with \"unexpected\"");
			return T_ERROR;
		}
		return T_WORD;
	}
	default:
		break;
	}
	a = lx->i;
	while (lx->i < lx->n) {
		char c = s[lx->i];
		if (c == '{' && variable) {
			lx->i++;
			continue;
		}
		variable = c == '$';
		if (c == '\\' && lx->i + 1 < lx->n) {
			lx->i += 2;
			continue;
		}
		if (blank(c) || c == ';' || c == '{') {
			break;
		}
		lx->i++;
	}
	put_word(d, s, a, lx->i);
	return T_WORD;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct {
	int https;               /* a listen with ssl, or "ssl on" */
	int ssl_on;
	int has_certificate;
	int line;
	int listens;
	int plain_443_line;
} server;

typedef struct {
	oojwt_nginx_config *c;
	server servers[MAX_SERVERS + 1];  /* [0]: outside any server block */
	size_t n_servers;
	int uses_secret;         /* secure_link_md5 names $secure_link_secret */
	int ssl_directive_line;
	int old_tls_line;
	int secret_var;
	int secret_line;
	int ssl_line;            /* the first listen ... ssl */
} reader;

/* A finding at `line` (0: none); `params` a JSON object text (NULL: {}). */
static void
add(oojwt_nginx_config *c, int severity, int code, int line,
	const char *message, const char *fix, const char *params)
{
	char path[OOJWT_PATH_LEN];

	if (line > 0) {
		oojwt_fmt(path, sizeof path, "line %d", line);
	} else {
		path[0] = 0;
	}
	(void)oojwt_finding_addp(c->findings, &c->n_findings, &c->dropped,
		severity, code, path, message, fix, params);
}

static int
is(const directive *d, size_t k, const char *word)
{
	return d->n > k && k < MAX_WORDS && strcmp(d->w[k], word) == 0;
}

static void
copy_text(char *dst, const char *src, size_t len)
{
	memcpy(dst, src, len);
	dst[len] = 0;
}

/* Whole decimal number of at most 5 digits, else 0. */
static unsigned
port_number(const char *w, size_t n)
{
	unsigned long v = 0;
	size_t k;

	if (n == 0 || n > 5 || strspn(w, "0123456789") < n) {
		return 0;
	}
	for (k = 0; k < n; k++) {
		v = v * 10 + (unsigned long)(w[k] - '0');
	}
	return v <= 65535 ? (unsigned)v : 0;
}

/* listen PORT | ADDRESS[:PORT] | [V6][:PORT] | unix:PATH, then flags. */
static void
read_listen(reader *rd, server *sv, const directive *d)
{
	oojwt_nginx_config *c = rd->c;
	oojwt_nginx_listen *l;
	const char *w = d->w[1];
	size_t n = d->len[1], addr = n, k;
	unsigned port = 80;

	sv->listens++;
	if (c->n_listen >= OOJWT_NGINX_MAX_LISTEN) {
		return;
	}
	l = &c->listen[c->n_listen++];
	memset(l, 0, sizeof *l);
	l->line = d->line;
	if (n > 5 && memcmp(w, "unix:", 5) == 0) {
		port = 0;
	} else if (strspn(w, "0123456789") == n) {
		addr = 0;
		port = port_number(w, n);
	} else if (w[0] == '[') {
		for (k = 0; k < n && w[k] != ']'; k++) {
		}
		addr = k < n ? k + 1 : n;
		if (addr < n && w[addr] == ':') {
			port = port_number(w + addr + 1, n - addr - 1);
		}
	} else {
		for (k = n; k > 0 && w[k - 1] != ':'; k--) {
		}
		if (k > 0) {
			addr = k - 1;
			port = port_number(w + k, n - k);
		}
	}
	k = addr < sizeof l->address ? addr : sizeof l->address - 1;
	copy_text(l->address, w, k);
	l->port = port;
	for (k = 2; k < d->n && k < MAX_WORDS; k++) {
		l->ssl |= is(d, k, "ssl");
		l->http2 |= is(d, k, "http2");
		l->default_server |= is(d, k, "default_server") || is(d, k, "default");
	}
	if (l->ssl) {
		sv->https = 1;
		if (rd->ssl_line == 0) {
			rd->ssl_line = d->line;
		}
	} else if (l->port == 443 && sv->plain_443_line == 0) {
		sv->plain_443_line = d->line;
	}
}

static const char *const protocol_names[] = {
	"SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"
};

const char *
oojwt_nginx_protocol_name(unsigned bit)
{
	size_t i;

	for (i = 0; i < 6; i++) {
		if (bit == 1u << i) {
			return protocol_names[i];
		}
	}
	return NULL;
}

static void
directive_done(reader *rd, server *sv, const directive *d)
{
	oojwt_nginx_config *c = rd->c;
	size_t k, i;

	if (is(d, 0, "listen") && d->n >= 2) {
		read_listen(rd, sv, d);
	} else if (is(d, 0, "set") && d->n == 3
		&& is(d, 1, "$secure_link_secret"))
	{
		if (!c->has_secret) {
			c->has_secret = 1;
			c->secret_len = d->len[2];
			copy_text(c->secret, d->w[2], d->len[2]);
			rd->secret_line = d->line;
			rd->secret_var = memchr(d->w[2], '$', d->len[2]) != NULL;
		} else if (c->secret_len != d->len[2] || !oojwt_ct_equal(
			(const unsigned char *)c->secret,
			(const unsigned char *)d->w[2], d->len[2]))
		{
			c->secrets_differ = d->line;
		}
	} else if (is(d, 0, "secure_link_md5") && d->n >= 2
		&& strstr(d->w[1], "$secure_link_secret") != NULL)
	{
		rd->uses_secret = 1;
	} else if (is(d, 0, "ssl_certificate") && d->n >= 2) {
		sv->has_certificate = 1;
		if (!c->has_certificate) {
			c->has_certificate = 1;
			copy_text(c->certificate, d->w[1], d->len[1]);
		}
	} else if (is(d, 0, "ssl_certificate_key") && d->n >= 2) {
		if (!c->has_certificate_key) {
			c->has_certificate_key = 1;
			copy_text(c->certificate_key, d->w[1], d->len[1]);
		}
	} else if (is(d, 0, "ssl_protocols") && !c->has_protocols) {
		c->has_protocols = 1;
		for (k = 1; k < d->n && k < MAX_WORDS; k++) {
			for (i = 0; i < 6; i++) {
				if (is(d, k, protocol_names[i])) {
					c->protocols |= 1u << i;
				}
			}
		}
		if ((c->protocols & (OOJWT_NGINX_SSLV2 | OOJWT_NGINX_SSLV3
			| OOJWT_NGINX_TLSV1 | OOJWT_NGINX_TLSV1_1)) != 0)
		{
			rd->old_tls_line = d->line;
		}
	} else if (is(d, 0, "ssl") && is(d, 1, "on")) {
		sv->ssl_on = 1;
		sv->https = 1;
		if (rd->ssl_directive_line == 0) {
			rd->ssl_directive_line = d->line;
		}
	} else if (is(d, 0, "include")) {
		c->includes++;
	}
}

/* A path inside the Document Server image (run-document-server.sh's
 * Data/certs and the folder it copies them to) or the host folder its
 * README mounts there, written into the container's own nginx config. */
static const char *
docker_path(const char *p)
{
	static const char *const marks[] = { "/var/www/onlyoffice/Data/",
		"/usr/share/ca-certificates/ds/", "/app/onlyoffice/" };
	size_t k;

	for (k = 0; k < sizeof marks / sizeof *marks; k++) {
		if (strstr(p, marks[k]) != NULL) {
			return marks[k];
		}
	}
	return NULL;
}

/* The container's own names: run-document-server.sh takes
 * onlyoffice.crt/.key, else tls.crt/.key, from Data/certs. */
static int
docker_own_name(const char *p)
{
	const char *base = strrchr(p, '/');

	base = base != NULL ? base + 1 : p;
	return strcmp(base, "onlyoffice.crt") == 0
		|| strcmp(base, "onlyoffice.key") == 0
		|| strcmp(base, "tls.crt") == 0 || strcmp(base, "tls.key") == 0;
}

/* ds.conf of the Docker image with HTTPS: the container rewrites it at
 * every start (run-document-server.sh update_nginx_settings). */
static void
docker_https(oojwt_nginx_config *c, int https, int line)
{
	const char *cert = c->has_certificate ? c->certificate : "";
	const char *key = c->has_certificate_key ? c->certificate_key : "";
	char msg[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	int own;

	if (!https || (docker_path(cert) == NULL && docker_path(key) == NULL)) {
		return;
	}
	own = (cert[0] == 0 || docker_own_name(cert))
		&& (key[0] == 0 || docker_own_name(key))
		&& strstr(cert, "/app/onlyoffice/") == NULL;
	oojwt_params_init(&p, pbuf, sizeof pbuf);
	oojwt_params_str(&p, "files", own ? "own" : "other", own ? 3 : 5);
	oojwt_fmtp(msg, sizeof msg, &p, "path", "this is ds.conf inside the "
		"Document Server Docker container (%s): the container rewrites it at "
		"every start%s",
		cert[0] != 0 ? cert : key, own ? ", from ds-ssl.conf.tmpl because "
		"Data/certs holds the certificate; keep the files there and port 443 "
		"published" : ", so this listen 443 ssl and these certificate paths "
		"are gone after a restart: it enables HTTPS only for onlyoffice.crt "
		"and onlyoffice.key (or tls.crt and tls.key) in Data/certs");
	add(c, own ? OOJWT_SEVERITY_INFO : OOJWT_SEVERITY_WARNING,
		OOJWT_FIND_NGINX_DOCKER_REWRITTEN, line, msg, "put the certificate "
		"and key as onlyoffice.crt and onlyoffice.key in certs/ of the host "
		"folder mounted on /var/www/onlyoffice/Data (docker run -v "
		"/app/onlyoffice/DocumentServer/data:/var/www/onlyoffice/Data "
		"-p 443:443 ...), recreate the container, and leave ds.conf as it "
		"writes it", pbuf);
}

static void
findings(reader *rd)
{
	oojwt_nginx_config *c = rd->c;
	char msg[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	size_t i;
	int listens = 0, https = 0, top_cert = rd->servers[0].has_certificate;

	for (i = 0; i <= rd->n_servers; i++) {
		server *sv = &rd->servers[i];
		listens += sv->listens;
		https |= sv->https;
		if (sv->https && !sv->has_certificate && !top_cert) {
			add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_NGINX_NO_CERTIFICATE,
				sv->line, "this server listens with ssl but has no "
				"ssl_certificate: nginx refuses to start (\"no "
				"ssl_certificate is defined\")", "add ssl_certificate and "
				"ssl_certificate_key with the paths of your certificate "
				"and key", NULL);
		}
		if (sv->plain_443_line != 0 && !sv->ssl_on) {
			add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_NGINX_443_PLAIN,
				sv->plain_443_line, "listen 443 without ssl: nginx speaks "
				"plain HTTP on the HTTPS port, so browsers and connectors "
				"fail with a TLS protocol error", "write listen 443 ssl; "
				"(and [::]:443 ssl) with ssl_certificate/_key", NULL);
		}
	}
	if (listens > 0 && !https) {
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_NGINX_NO_HTTPS, 0,
			"no listen ... ssl: Document Server is served over plain HTTP; "
			"an HTTPS Nextcloud or portal cannot embed it (mixed content) "
			"and tokens and files travel in clear text",
			"use ds-ssl.conf (listen 443 ssl, ssl_certificate, "
			"ssl_certificate_key) or terminate TLS on the reverse proxy", NULL);
	}
	docker_https(c, https, rd->ssl_line);
	if (rd->ssl_directive_line != 0) {
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_NGINX_SSL_DIRECTIVE,
			rd->ssl_directive_line, "\"ssl on;\" is deprecated since nginx "
			"1.15.0 and was removed in 1.25.1, where nginx refuses to start "
			"(\"unknown directive ssl\")", "remove it; write listen 443 ssl; "
			"instead", NULL);
	}
	if (rd->old_tls_line != 0) {
		char old[40];
		unsigned bit;
		old[0] = 0;
		for (bit = OOJWT_NGINX_SSLV2; bit <= OOJWT_NGINX_TLSV1_1; bit <<= 1) {
			if ((c->protocols & bit) != 0) {
				oojwt_fmt(old + strlen(old), sizeof old - strlen(old), "%s%s",
					old[0] != 0 ? ", " : "", oojwt_nginx_protocol_name(bit));
			}
		}
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_params_str(&p, "reason", "allowed", 7);
		oojwt_fmtp(msg, sizeof msg, &p, "protocols", "ssl_protocols allows "
			"%s: deprecated by RFC 8996 and refused by current browsers and "
			"clients", old);
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_NGINX_OLD_TLS,
			rd->old_tls_line, msg, "ssl_protocols TLSv1.2 TLSv1.3;", pbuf);
	} else if (https && !c->has_protocols) {
		add(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_NGINX_OLD_TLS, 0,
			"no ssl_protocols here: nginx before 1.23.4 then allows TLSv1 "
			"and TLSv1.1 (unless nginx.conf's http block sets it)",
			"ssl_protocols TLSv1.2 TLSv1.3;", "{\"reason\":\"unset\"}");
	}
	if (c->has_secret && c->secret_len == 16
		&& memcmp(c->secret, OOJWT_LINK_DEFAULT_SECRET, 16) == 0)
	{
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_LINK_DEFAULT_SECRET,
			rd->secret_line, "$secure_link_secret is the shipped default \""
			OOJWT_LINK_DEFAULT_SECRET "\": anyone who knows a file's path "
			"can make a download link for it", "run "
			"documentserver-update-securelink.sh (it sets a random secret "
			"here and in local.json)", "{\"source\":\"nginx\"}");
	} else if (rd->secret_var) {
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_NGINX_SECRET_VARIABLE,
			rd->secret_line, "$secure_link_secret contains $: nginx reads "
			"$name in a set value as a variable, so the secret it checks "
			"with is not the text written here", "use a secret of letters "
			"and digits only (the same in storage.fs.secretString)", NULL);
	}
	if (c->secrets_differ != 0) {
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_LINK_SECRETS_DIFFER,
			c->secrets_differ, "$secure_link_secret has another value here "
			"than in the first server block: links signed with one are "
			"refused (403) by the other", "set the same value in every "
			"server block", "{\"source\":\"servers\"}");
	}
	if (!c->has_secret) {
		add(c, rd->uses_secret ? OOJWT_SEVERITY_ERROR : OOJWT_SEVERITY_INFO,
			OOJWT_FIND_NGINX_NO_SECRET, 0, rd->uses_secret
			? "secure_link_md5 uses $secure_link_secret, but no server "
			"block sets it: nginx checks links with an empty secret, so "
			"every download answers 403" : "no set $secure_link_secret "
			"here: the secure link secret is in ds.conf (paste it too to "
			"compare it with storage.fs.secretString)", "set "
			"$secure_link_secret in ds.conf to storage.fs.secretString",
			rd->uses_secret ? "{\"used\":\"yes\"}" : "{\"used\":\"no\"}");
	}
	if (rd->c->includes > 0) {
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(msg, sizeof msg, &p, "count", "%z include directive%s not "
			"followed: oojwt reads only the text given", c->includes,
			c->includes == 1 ? " is" : "s are");
		add(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_NGINX_INCLUDE, 0, msg,
			"paste the included files after this one to check them too", pbuf);
	}
}

int
oojwt_nginx_read(oojwt_nginx_config *c, const char *text, size_t len)
{
	static reader zero_reader;
	reader rd = zero_reader;
	lexer lx;
	directive d;
	int stack[MAX_DEPTH];    /* server index of each open block */
	size_t depth = 0;
	int cur = 0, tok;

	if (c == NULL || (text == NULL && len != 0)) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(c, 0, sizeof *c);
	memset(&lx, 0, sizeof lx);
	memset(&d, 0, sizeof d);
	lx.s = text;
	lx.n = len;
	lx.line = 1;
	rd.c = c;
	if (len > 0 && memchr(text, 0, len) != NULL) {
		/* Not a text file: read up to the NUL byte, then say so. */
		const char *z = (const char *)memchr(text, 0, len);
		size_t k;
		int line = 1;
		for (k = 0; text + k < z; k++) {
			line += text[k] == '\n';
		}
		lx.n = (size_t)(z - text);
		{
			oojwt_params p;
			oojwt_params_init(&p, lx.err_params, sizeof lx.err_params);
			oojwt_params_str(&p, "reason", "nul", 3);
			oojwt_fmtp(lx.err, sizeof lx.err, &p, "line", "line %d: a NUL "
				"byte: this is not a text file, nginx -t refuses it", line);
		}
		lx.err_line = line;
	}
	for (;;) {
		tok = next(&lx, &d);
		if (tok == T_WORD) {
			if (d.n == 1) {
				d.line = lx.tok_line;
			}
			continue;
		}
		if (tok == T_ERROR) {
			break;
		}
		if (tok == T_END) {
			if (d.n > 0) {
				lex_error(&lx, "eof_directive", "unexpected end of file, "
					"expecting ; or }");
			} else if (depth > 0) {
				lex_error(&lx, "eof_block", "unexpected end of file, "
					"expecting }");
			}
			break;
		}
		if ((tok == T_SEMI || tok == T_OPEN) && d.n == 0) {
			lex_error(&lx, tok == T_SEMI ? "semicolon" : "open",
				tok == T_SEMI ? "unexpected ;" : "unexpected {");
			break;
		}
		if (tok == T_CLOSE) {
			if (d.n > 0) {
				lex_error(&lx, "close_directive", "unexpected }: the directive "
					"before it has no "
					"closing ;");
				break;
			}
			if (depth == 0) {
				lex_error(&lx, "close", "unexpected }: no block is open");
				break;
			}
			cur = stack[--depth];
			continue;
		}
		if (tok == T_SEMI) {
			directive_done(&rd, &rd.servers[cur], &d);
		} else {
			if (depth >= MAX_DEPTH) {
				lex_error(&lx, "too_deep", "blocks nested too deeply");
				break;
			}
			stack[depth++] = cur;
			if (is(&d, 0, "server") && d.n == 1 && rd.n_servers < MAX_SERVERS) {
				cur = (int)++rd.n_servers;
				rd.servers[cur].line = d.line;
			}
		}
		memset(&d, 0, sizeof d);
	}
	if (lx.err[0] != 0) {
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_NGINX_SYNTAX, lx.err_line,
			lx.err, "fix the file and check it with nginx -t; what follows "
			"the error was not read", lx.err_params);
	}
	if (lx.placeholder) {
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_NGINX_PLACEHOLDER, lx.placeholder,
			"a template placeholder such as {{SSL_CERTIFICATE_PATH}} was "
			"never replaced: nginx refuses the file", "put the real paths "
			"in (the template is ds-ssl.conf.tmpl)", NULL);
	}
	findings(&rd);
	oojwt_wipe(&d, sizeof d);
	oojwt_wipe(&lx, sizeof lx);
	return OOJWT_OK;
}

void
oojwt_nginx_config_free(oojwt_nginx_config *c)
{
	if (c != NULL) {
		oojwt_wipe(c, sizeof *c);
	}
}
