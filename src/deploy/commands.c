/*
 * Ready-to-run shell commands built from the user's values
 * (oojwt_commands_build(), oojwt_deploy.h). The paths are those of the
 * Docker image's run-document-server.sh (APP_DIR/npm/json, CONF_DIR/
 * local.json, documentserver-update-securelink.sh) and of the packages;
 * the connectors' setting names are Nextcloud's lib/AppConfig.php
 * (jwt_secret, jwt_header, verify_peer_off, DocumentServerUrl) and
 * Moodle's settings.php (onlyofficeeditor/documentserversecret).
 * Every value goes through quote(): nothing the user typed is read by
 * the shell as code.
 */
#include <string.h>
#include "inner.h"
#include "deploy.h"

#define JSON_TOOL "/var/www/onlyoffice/documentserver/npm/json -f " \
	"/etc/onlyoffice/documentserver/local.json"

static const char *const names[] = { NULL, "read_secret", "check_command",
	"make_certificate", "update_securelink", "connector_setting" };

const char *
oojwt_command_name(int id)
{
	return id > 0 && (size_t)id < sizeof names / sizeof *names ? names[id]
		: NULL;
}

typedef struct {
	char *buf;
	size_t cap, n;
	int over;
} text;

static void
put(text *t, const char *s, size_t n)
{
	if (t->over || n >= t->cap - t->n) {
		t->over = 1;
		return;
	}
	memcpy(t->buf + t->n, s, n);
	t->n += n;
	t->buf[t->n] = 0;
}

static void
puts_(text *t, const char *s)
{
	put(t, s, strlen(s));
}

static int
plain(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		|| (c >= '0' && c <= '9') || (c != 0 && strchr("_./:@%+=,-", c) != NULL);
}

/* `s` as one shell word: bare when every byte is plain, else in single
 * quotes with each ' written '\'' (sh: nothing is special inside). */
static void
quote(text *t, const char *s, size_t n)
{
	size_t i;
	int bare = n > 0;

	for (i = 0; i < n && bare; i++) {
		bare = plain((unsigned char)s[i]);
	}
	if (bare) {
		put(t, s, n);
		return;
	}
	put(t, "'", 1);
	for (i = 0; i < n; i++) {
		if (s[i] == '\'') {
			put(t, "'\\''", 4);
		} else {
			put(t, s + i, 1);
		}
	}
	put(t, "'", 1);
}

/* No control character (C0, DEL), valid UTF-8. */
static int
printable(const char *s, size_t n)
{
	size_t i = 0, m;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F) {
			return 0;
		}
		m = oojwt_utf8_len((const unsigned char *)s + i, n - i);
		if (m == 0) {
			return 0;
		}
		i += m;
	}
	return 1;
}

static int
all_in(const char *s, size_t n, const char *set)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
			|| (c >= '0' && c <= '9') || (c != 0 && strchr(set, c) != NULL)))
		{
			return 0;
		}
	}
	return 1;
}

static int
refuse(oojwt_commands *out, const char *field, const char *why)
{
	out->bad_field = field;
	oojwt_fmt(out->message, sizeof out->message, "%s: %s", field, why);
	return OOJWT_ERR_BAD_ARGUMENT;
}

/* An IP address (IPv6 has colons, a DNS name none; IPv4 only digits
 * and dots) against a DNS name, for IP: or DNS: in subjectAltName. */
static int
is_ip(const char *s, size_t n)
{
	size_t i;

	if (memchr(s, ':', n) != NULL) {
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (!(s[i] == '.' || (s[i] >= '0' && s[i] <= '9'))) {
			return 0;
		}
	}
	return n > 0;
}

static int
check(oojwt_commands *out, const oojwt_commands_opts *o, size_t *url_len)
{
	size_t n;

	if ((o->container == NULL && o->container_len != 0)
		|| (o->ds_url == NULL && o->ds_url_len != 0)
		|| (o->cert_host == NULL && o->cert_host_len != 0)
		|| (o->connector == NULL && o->connector_len != 0)
		|| (o->header == NULL && o->header_len != 0)
		|| (o->secret == NULL && o->secret_len != 0))
	{
		return refuse(out, "options", "a value without its text");
	}
	if (o->container != NULL && (o->container_len == 0
		|| !all_in(o->container, o->container_len, "_.-")
		|| o->container[0] == '.' || o->container[0] == '-'
		|| o->container[0] == '_'))
	{
		return refuse(out, "container", "not a Docker container name (letters, "
			"digits, _ . -, starting with a letter or digit)");
	}
	if (o->ds_url != NULL) {
		n = o->ds_url_len;
		if (!printable(o->ds_url, n) || memchr(o->ds_url, ' ', n) != NULL
			|| !((n > 7 && memcmp(o->ds_url, "http://", 7) == 0)
			|| (n > 8 && memcmp(o->ds_url, "https://", 8) == 0)))
		{
			return refuse(out, "url", "not an http:// or https:// address "
				"(without spaces or control characters)");
		}
		while (n > 0 && o->ds_url[n - 1] == '/') {
			n--;
		}
		*url_len = n;
	}
	if (o->cert_host != NULL && (o->cert_host_len == 0
		|| o->cert_host_len > 253
		|| !all_in(o->cert_host, o->cert_host_len, ".-:*")))
	{
		return refuse(out, "host", "neither an IP address nor a DNS name");
	}
	if (o->connector != NULL && (o->connector_len == 0
		|| !all_in(o->connector, o->connector_len, "-_")))
	{
		return refuse(out, "connector", "not a connector name");
	}
	if (o->header != NULL && (o->header_len == 0
		|| !all_in(o->header, o->header_len, "!#$%&'*+-.^_`|~")))
	{
		return refuse(out, "header", "not an HTTP header name");
	}
	if (o->include_secret && o->secret != NULL
		&& !printable((const char *)o->secret, o->secret_len))
	{
		return refuse(out, "secret", "it holds a line break or another "
			"control character: no command line can carry it (read it "
			"with the read_secret command instead)");
	}
	return OOJWT_OK;
}

static oojwt_command *
begin(oojwt_commands *out, int id, const char *run_on, text *t)
{
	oojwt_command *c = &out->list[out->n++];

	c->id = id;
	c->run_on = run_on;
	t->buf = c->text;
	t->cap = sizeof c->text;
	t->n = 0;
	t->over = 0;
	c->text[0] = 0;
	return c;
}

static void
param(oojwt_command *c, const char *name, const char *v, size_t n)
{
	if (c->n_params < OOJWT_COMMAND_PARAMS) {
		size_t k = n < OOJWT_COMMAND_PARAM - 1 ? n : OOJWT_COMMAND_PARAM - 1;
		c->param_names[c->n_params] = name;
		memcpy(c->params[c->n_params], v, k);
		c->params[c->n_params][k] = 0;
		c->n_params++;
	}
}

/* JWT_SECRET for the lines after it: the secret itself when asked,
 * else asked for without echo (POSIX sh: stty, read -r). */
static void
secret_source(text *t, const oojwt_commands_opts *o)
{
	if (o->include_secret && o->secret != NULL) {
		puts_(t, "JWT_SECRET=");
		quote(t, (const char *)o->secret, o->secret_len);
		puts_(t, "\n");
	} else {
		puts_(t, "printf 'JWT secret: '; stty -echo; read -r JWT_SECRET; "
			"stty echo; echo\n");
	}
}

/* `docker exec CONTAINER ` or `sudo `: where DS's own tools run. */
static void
on_ds(text *t, const oojwt_commands_opts *o)
{
	if (o->container != NULL) {
		puts_(t, "docker exec ");
		quote(t, o->container, o->container_len);
		puts_(t, " ");
	} else {
		puts_(t, "sudo ");
	}
}

static void
check_command(oojwt_commands *out, const oojwt_commands_opts *o,
	size_t url_len)
{
	int v = o->server_version;
	int old_path = v != 0 && v < 802, header_token = v != 0 && v < 701;
	const char *path = old_path ? "/coauthoring/CommandService.ashx"
		: "/command";
	const char *body = header_token ? "{\"payload\":{\"c\":\"version\"}}"
		: "{\"c\":\"version\"}";
	char url[OOJWT_COMMAND_PARAM];
	text t;
	oojwt_command *c = begin(out, OOJWT_CMD_CHECK_COMMAND, "connector_host",
		&t);

	if (url_len + strlen(path) >= sizeof url) {
		out->n--;
		return;
	}
	memcpy(url, o->ds_url, url_len);
	memcpy(url + url_len, path, strlen(path) + 1);
	secret_source(&t, o);
	if (o->sign_with == OOJWT_SIGN_WITH_OOJWT) {
		puts_(&t, "export JWT_SECRET\nT=$(oojwt sign --secret-env JWT_SECRET ");
		quote(&t, body, strlen(body));
		puts_(&t, ")\n");
	} else {
		puts_(&t, "b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }\n"
			"H=$(printf '%s' '{\"alg\":\"HS256\",\"typ\":\"JWT\"}' | b64url)\n"
			"P=$(printf '%s' ");
		quote(&t, body, strlen(body));
		puts_(&t, " | b64url)\n"
			"S=$(printf '%s' \"$H.$P\" | openssl dgst -sha256 -hmac "
			"\"$JWT_SECRET\" -binary | b64url)\nT=\"$H.$P.$S\"\n");
	}
	puts_(&t, "curl -sS -X POST ");
	quote(&t, url, strlen(url));
	puts_(&t, " -H 'Content-Type: application/json'");
	if (header_token) {
		char h[OOJWT_COMMAND_PARAM];
		oojwt_fmt(h, sizeof h, "%S: Bearer ", o->header != NULL ? o->header
			: "Authorization", o->header != NULL ? o->header_len : 13);
		puts_(&t, " -H ");
		quote(&t, h, strlen(h));
		puts_(&t, "\"$T\" -d '{\"c\":\"version\"}'");
	} else {
		puts_(&t, " -d \"{\\\"token\\\":\\\"$T\\\"}\"");
	}
	puts_(&t, "; echo");
	param(c, "url", url, strlen(url));
	param(c, "sign_with", o->sign_with == OOJWT_SIGN_WITH_OOJWT ? "oojwt"
		: "openssl", o->sign_with == OOJWT_SIGN_WITH_OOJWT ? 5 : 7);
	oojwt_fmt(c->explanation, sizeof c->explanation, "run it on the "
		"connector's host: it asks %s for Document Server's version with a "
		"token signed with your secret. {\"error\":0,\"version\":...} means "
		"the address, the certificate and the secret work; {\"error\":6} "
		"means Document Server refuses the secret; a curl TLS error is the "
		"one the connector gets", url);
	if (t.over) {
		out->n--;
	}
}

static void
make_certificate(oojwt_commands *out, const oojwt_commands_opts *o)
{
	int ip = is_ip(o->cert_host, o->cert_host_len);
	char san[OOJWT_COMMAND_PARAM], subj[OOJWT_COMMAND_PARAM];
	text t;
	oojwt_command *c = begin(out, OOJWT_CMD_MAKE_CERTIFICATE, "ds_host", &t);

	oojwt_fmt(san, sizeof san, "subjectAltName=%s:%S", ip ? "IP" : "DNS",
		o->cert_host, o->cert_host_len);
	oojwt_fmt(subj, sizeof subj, "/CN=%S", o->cert_host, o->cert_host_len);
	puts_(&t, "openssl genrsa -out onlyoffice.key 2048\n"
		"openssl req -new -key onlyoffice.key -out onlyoffice.csr -subj ");
	quote(&t, subj, strlen(subj));
	puts_(&t, "\nprintf '%s\\n' ");
	quote(&t, san, strlen(san));
	puts_(&t, " > onlyoffice.ext\nopenssl x509 -req -days 365 -in "
		"onlyoffice.csr -signkey onlyoffice.key -extfile onlyoffice.ext "
		"-out onlyoffice.crt");
	param(c, "host", o->cert_host, o->cert_host_len);
	param(c, "san", san, strlen(san));
	oojwt_fmt(c->explanation, sizeof c->explanation, "the genrsa/req/x509 "
		"steps with %s added: without it clients refuse the certificate for "
		"%S whatever its CN. %s", san, o->cert_host, o->cert_host_len,
		o->container != NULL ? "Put onlyoffice.crt and onlyoffice.key in "
		"certs/ of the folder mounted on /var/www/onlyoffice/Data, then "
		"restart the container" : "Point ssl_certificate and "
		"ssl_certificate_key at them, then reload nginx");
	if (t.over) {
		out->n--;
	}
}

static void
connector_setting(oojwt_commands *out, const oojwt_commands_opts *o,
	size_t url_len)
{
	int nc = (o->connector_len == 9 && memcmp(o->connector, "nextcloud", 9) == 0)
		|| (o->connector_len == 8 && memcmp(o->connector, "owncloud", 8) == 0);
	int moodle = o->connector_len == 6 && memcmp(o->connector, "moodle", 6) == 0;
	text t;
	oojwt_command *c;

	if (!nc && !moodle) {
		return;
	}
	c = begin(out, OOJWT_CMD_CONNECTOR_SETTING, "connector_host", &t);
	secret_source(&t, o);
	if (moodle) {
		puts_(&t, "php admin/cli/cfg.php --component=onlyofficeeditor "
			"--name=documentserversecret --set=\"$JWT_SECRET\"");
	} else {
		puts_(&t, "sudo -u www-data php occ config:app:set onlyoffice "
			"jwt_secret --value=\"$JWT_SECRET\"");
		if (o->header != NULL) {
			puts_(&t, "\nsudo -u www-data php occ config:app:set onlyoffice "
				"jwt_header --value=");
			quote(&t, o->header, o->header_len);
		}
		if (o->ds_url != NULL) {
			puts_(&t, "\nsudo -u www-data php occ config:app:set onlyoffice "
				"DocumentServerUrl --value=");
			quote(&t, o->ds_url, url_len);
			put(&t, "/", 1);
		}
		if (o->self_signed) {
			puts_(&t, "\nsudo -u www-data php occ config:app:set onlyoffice "
				"verify_peer_off --value=true");
		}
	}
	param(c, "connector", o->connector, o->connector_len);
	oojwt_fmt(c->explanation, sizeof c->explanation, "run it in the %S "
		"folder on its host: it sets the secret the connector signs and "
		"checks tokens with to Document Server's (no space or line break "
		"added)%s", o->connector, o->connector_len, nc && o->self_signed
		? "; verify_peer_off=true makes it accept a self-signed certificate "
		"(better: have it trust the certificate)" : "");
	if (t.over) {
		out->n--;
	}
}

int
oojwt_commands_build(oojwt_commands *out, const oojwt_commands_opts *o)
{
	size_t url_len = 0;
	text t;
	oojwt_command *c;
	int code;

	if (out == NULL || o == NULL) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(out, 0, sizeof *out);
	code = check(out, o, &url_len);
	if (code != OOJWT_OK) {
		return code;
	}
	c = begin(out, OOJWT_CMD_READ_SECRET, "ds_host", &t);
	on_ds(&t, o);
	puts_(&t, JSON_TOOL " services.CoAuthoring.secret.inbox.string "
		"| tr -d '\\n'; echo");
	if (o->container != NULL) {
		param(c, "container", o->container, o->container_len);
	}
	oojwt_fmt(c->explanation, sizeof c->explanation, "prints the secret "
		"Document Server checks tokens with (services.CoAuthoring.secret."
		"inbox.string) with no line break: copy it from there into the "
		"connector's settings%s", o->container != NULL ? "" : " (run it on "
		"the Document Server host)");
	if (o->ds_url != NULL) {
		check_command(out, o, url_len);
	}
	if (o->cert_host != NULL) {
		make_certificate(out, o);
	}
	c = begin(out, OOJWT_CMD_UPDATE_SECURELINK, "ds_host", &t);
	on_ds(&t, o);
	puts_(&t, "documentserver-update-securelink.sh");
	if (o->container != NULL) {
		param(c, "container", o->container, o->container_len);
	}
	oojwt_fmt(c->explanation, sizeof c->explanation, "sets one new random "
		"secure link secret in nginx's ds.conf and in local.json "
		"(storage.fs.secretString) and restarts the services, so that "
		"download links are signed and checked with the same secret%s",
		o->container != NULL ? "; give the container SECURE_LINK_SECRET too, "
		"or it makes a new one at every start" : "");
	if (o->connector != NULL) {
		connector_setting(out, o, url_len);
	}
	if (out->n > 0 && out->list[out->n - 1].text[0] == 0) {
		out->n--;
	}
	return OOJWT_OK;
}

void
oojwt_commands_free(oojwt_commands *out)
{
	if (out != NULL) {
		oojwt_wipe(out, sizeof *out);
	}
}
