/*
 * Document Server's JWT configuration, read as the server reads it:
 * node-config merges default.json <- local.json (objects merge, the
 * rest replaces); each secret is resolved string-then-file
 * (utils.getSecretByElem); flags are tested for JavaScript truthiness.
 * Also reads the Docker form (JWT_ENABLED / JWT_SECRET / JWT_HEADER lines
 * of an env or compose file) by writing the local.json that
 * run-document-server.sh would write. Findings name the traps of the
 * spec (onlyoffice-tokens.md, sections 1 and 7).
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

/* The JWT part of Common/config/default.json (server 7.2 to 9.3). */
static const char default_json[] =
	"{\"services\":{\"CoAuthoring\":{"
	"\"server\":{\"tokenRequiredParams\":true},"
	"\"token\":{"
	"\"enable\":{\"browser\":false,\"request\":{\"inbox\":false,\"outbox\":false}},"
	"\"browser\":{\"secretFromInbox\":true},"
	"\"inbox\":{\"header\":\"Authorization\",\"prefix\":\"Bearer \",\"inBody\":false},"
	"\"outbox\":{\"header\":\"Authorization\",\"prefix\":\"Bearer \","
	"\"algorithm\":\"HS256\",\"expires\":\"5m\",\"inBody\":false,"
	"\"urlExclusionRegex\":\"\"},"
	"\"session\":{\"algorithm\":\"HS256\",\"expires\":\"30d\"},"
	"\"verifyOptions\":{\"clockTolerance\":60}},"
	"\"secret\":{"
	"\"browser\":{\"string\":\"secret\",\"file\":\"\"},"
	"\"inbox\":{\"string\":\"secret\",\"file\":\"\"},"
	"\"outbox\":{\"string\":\"secret\",\"file\":\"\"},"
	"\"session\":{\"string\":\"secret\",\"file\":\"\"}}}},"
	"\"storage\":{\"fs\":{\"secretString\":\"" OOJWT_LINK_DEFAULT_SECRET "\"}}}";

static const char *const kind_names[OOJWT_SECRET_KINDS] = {
	"inbox", "outbox", "session", "browser"
};

const char *
oojwt_secret_kind_name(int k)
{
	return k >= 0 && k < OOJWT_SECRET_KINDS ? kind_names[k] : NULL;
}

static const char *const source_names[] = { "none", "string", "file",
	"unknown" };

const char *
oojwt_secret_source_name(int s)
{
	return s >= 0 && s < 4 ? source_names[s] : NULL;
}

static void
add(oojwt_server_config *c, int severity, int code, const char *path,
	const char *message, const char *fix)
{
	oojwt_finding_add(c->findings, &c->n_findings, &c->dropped, severity,
		code, path, message, fix);
}

static const char *
string_at(const oojwt_jv *root, const char *dotted)
{
	const oojwt_jv *v = oojwt_json_at(root, dotted);

	return oojwt_json_type(v) == OOJWT_JSON_STRING ? oojwt_json_string(v)
		: NULL;
}

/* ---- the Docker form --------------------------------------------------- */

enum { ENV_ENABLED, ENV_SECRET, ENV_HEADER, ENV_IN_BODY, ENV_LINK_SECRET,
	ENV_COUNT };
static const char *const env_names[ENV_COUNT] = {
	"JWT_ENABLED", "JWT_SECRET", "JWT_HEADER", "JWT_IN_BODY",
	"SECURE_LINK_SECRET"
};

typedef struct {
	const char *value;
	size_t len;
	int present;
	int list_quoted; /* a compose list item that kept its quotes */
	int env_quoted;  /* NAME="..." in an env file */
} env_value;

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/* One line: [export |- |-e ]NAME=value, or NAME: value (compose map). */
static void
env_line(env_value *vals, const char *s, size_t n)
{
	size_t i = 0, k;
	int list = 0, map = 0;

	while (i < n && blank(s[i])) {
		i++;
	}
	if (i < n && s[i] == '#') {
		return;
	}
	if (i + 1 < n && s[i] == '-' && s[i + 1] == ' ') {
		list = 1;
		i += 2;
		while (i < n && blank(s[i])) {
			i++;
		}
	} else if (i + 2 < n && s[i] == '-' && s[i + 1] == 'e' && blank(s[i + 2])) {
		i += 3;
		while (i < n && blank(s[i])) {
			i++;
		}
	} else if (n - i > 7 && memcmp(s + i, "export ", 7) == 0) {
		i += 7;
	}
	/* A whole quoted list item: - "JWT_SECRET=abc" (YAML removes them). */
	if (list && i < n && (s[i] == '"' || s[i] == '\'') && n - i >= 2) {
		char q = s[i];
		size_t e = n;
		while (e > i + 1 && blank(s[e - 1])) {
			e--;
		}
		/* The closing quote must not be the opening one. */
		if (e - 1 > i && s[e - 1] == q) {
			i++;
			n = e - 1;
			list = 0;
		}
	}
	for (k = 0; k < ENV_COUNT; k++) {
		size_t m = strlen(env_names[k]);
		size_t j;
		if (n - i <= m || memcmp(s + i, env_names[k], m) != 0) {
			continue;
		}
		j = i + m;
		if (s[j] == '=') {
			j++;
		} else if (s[j] == ':') {
			map = 1;
			j++;
			while (j < n && blank(s[j])) {
				j++;
			}
		} else {
			continue;
		}
		while (n > j && (s[n - 1] == '\r' || blank(s[n - 1])) && map) {
			n--;
		}
		if (n > j && s[n - 1] == '\r') {
			n--;
		}
		vals[k].present = 1;
		vals[k].value = s + j;
		vals[k].len = n - j;
		vals[k].list_quoted = 0;
		vals[k].env_quoted = 0;
		if (n - j >= 2 && (s[j] == '"' || s[j] == '\'') && s[n - 1] == s[j]) {
			if (map) {
				/* YAML scalar quotes are syntax. */
				vals[k].value++;
				vals[k].len -= 2;
			} else if (list) {
				vals[k].list_quoted = 1;
			} else {
				vals[k].env_quoted = 1;
			}
		}
		return;
	}
}

/* Where a `docker run` / `docker create` command starts in the text,
 * or len when there is none. */
static size_t
docker_command(const char *t, size_t len)
{
	static const char *const verbs[] = { "docker run", "docker create",
		"docker container run", "docker container create" };
	size_t i, k;

	for (i = 0; i < len; i++) {
		for (k = 0; k < sizeof verbs / sizeof *verbs; k++) {
			size_t m = strlen(verbs[k]);
			if (len - i > m && memcmp(t + i, verbs[k], m) == 0
				&& (t[i + m] == ' ' || t[i + m] == '\t'))
			{
				return i;
			}
		}
	}
	return len;
}

/*
 * The words of a shell command as sh reads them: blanks and newlines
 * separate (a backslash before a newline joins the lines), '...' keeps
 * everything, "..." keeps everything but \" \\ \$ \`, a backslash
 * outside quotes keeps the next character, # at a word's start comments
 * out the rest of the line; ; | & end the command. Each
 * word after -e or --env (or --env=...) is read as a NAME=value line.
 * `buf` has room for `len` bytes and receives the unquoted words.
 */
static void
docker_words(env_value *vals, const char *t, size_t len, char *buf)
{
	size_t i = 0, o = 0, start;
	int next_is_env = 0;

	while (i < len) {
		int have = 0;
		char q = 0;
		while (i < len && (blank(t[i]) || t[i] == '\n' || t[i] == '\r'
			|| (t[i] == '\\' && i + 1 < len && t[i + 1] == '\n')))
		{
			i += t[i] == '\\' ? 2 : 1;
		}
		if (i >= len || t[i] == ';' || t[i] == '|' || t[i] == '&') {
			break;
		}
		if (t[i] == '#') {
			/* A comment, to the end of the line. */
			while (i < len && t[i] != '\n') {
				i++;
			}
			continue;
		}
		start = o;
		while (i < len) {
			char c = t[i];
			if (q == '\'') {
				if (c == '\'') {
					q = 0;
				} else {
					buf[o++] = c;
				}
				i++;
			} else if (q == '"') {
				if (c == '"') {
					q = 0;
					i++;
				} else if (c == '\\' && i + 1 < len && (t[i + 1] == '"'
					|| t[i + 1] == '\\' || t[i + 1] == '$' || t[i + 1] == '`'))
				{
					buf[o++] = t[i + 1];
					i += 2;
				} else if (c == '\\' && i + 1 < len && t[i + 1] == '\n') {
					i += 2;
				} else {
					buf[o++] = c;
					i++;
				}
			} else if (c == '\'' || c == '"') {
				q = c;
				have = 1;
				i++;
			} else if (c == '\\' && i + 2 < len && t[i + 1] == '\r'
				&& t[i + 2] == '\n')
			{
				i += 3; /* a continuation with a Windows line end */
			} else if (c == '\\' && i + 1 < len) {
				if (t[i + 1] != '\n') {
					buf[o++] = t[i + 1];
				}
				i += 2;
			} else if (blank(c) || c == '\n' || c == '\r' || c == ';'
				|| c == '|' || c == '&')
			{
				break;
			} else {
				buf[o++] = c;
				i++;
			}
		}
		if (o == start && !have) {
			continue;
		}
		if (next_is_env) {
			env_line(vals, buf + start, o - start);
			next_is_env = 0;
		} else if ((o - start == 2 && memcmp(buf + start, "-e", 2) == 0)
			|| (o - start == 5 && memcmp(buf + start, "--env", 5) == 0))
		{
			next_is_env = 1;
		} else if (o - start > 6 && memcmp(buf + start, "--env=", 6) == 0) {
			env_line(vals, buf + start + 6, o - start - 6);
		} else if (o - start > 2 && memcmp(buf + start, "-e", 2) == 0
			&& buf[start + 2] != '-')
		{
			env_line(vals, buf + start + 2, o - start - 2);
		}
	}
}

/*
 * Write the local.json run-document-server.sh would write for these
 * variables (JWT_ENABLED defaults to true, JWT_HEADER to Authorization;
 * an absent JWT_SECRET becomes a random one, left out here).
 */
static char *
docker_to_json(oojwt_server_config *c, const char *text, size_t len,
	size_t *out_len)
{
	env_value vals[ENV_COUNT];
	oojwt_sb sb;
	size_t i = docker_command(text, len);
	const char *on;
	char *words = NULL;

	memset(vals, 0, sizeof vals);
	if (i < len) {
		/* The values point into the unquoted words until the end. */
		words = (char *)malloc(len);
		if (words == NULL) {
			return NULL;
		}
		docker_words(vals, text + i, len - i, words);
	}
	i = words != NULL ? len : 0;
	while (i < len) {
		size_t e = i;
		while (e < len && text[e] != '\n') {
			e++;
		}
		env_line(vals, text + i, e - i);
		i = e + 1;
	}
	if (!vals[ENV_ENABLED].present && !vals[ENV_SECRET].present
		&& !vals[ENV_HEADER].present && !vals[ENV_IN_BODY].present
		&& !vals[ENV_LINK_SECRET].present)
	{
		oojwt_wipe_free(words, len);
		return NULL;
	}
	if (!vals[ENV_LINK_SECRET].present) {
		/* The container runs documentserver-update-securelink.sh with
		 * ${SECURE_LINK_SECRET:-$(pwgen -s 20)}: a new one per start. */
		c->storage_secret.source = OOJWT_SECRET_SOURCE_UNKNOWN;
	}
	on = "true";
	if (vals[ENV_ENABLED].present && !(vals[ENV_ENABLED].len == 4
		&& memcmp(vals[ENV_ENABLED].value, "true", 4) == 0))
	{
		on = "false";
		oojwt_ds_findingf(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_DOCKER_FLAG,
			"JWT_ENABLED",
			"write JWT_ENABLED=true (lower case, no quotes) or "
			"JWT_ENABLED=false on purpose", "value",
			"JWT_ENABLED is \"%S\": the container script enables tokens only "
			"for the exact string true, so all three enable flags are false",
			vals[ENV_ENABLED].value, vals[ENV_ENABLED].len);
	}
	if (!vals[ENV_SECRET].present) {
		c->docker_random_secret = 1;
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_DOCKER_RANDOM_SECRET,
			"JWT_SECRET", "no JWT_SECRET: the container writes a new random "
			"secret into local.json at every start, overwriting any edit, so "
			"integrations break after each restart",
			"set JWT_SECRET to a fixed random value of 32+ letters and digits "
			"(read the current one with documentserver-jwt-status.sh)");
	}
	if (vals[ENV_SECRET].list_quoted) {
		oojwt_ds_findingf(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_SECRET_QUOTES,
			"JWT_SECRET",
			"drop the quotes: - JWT_SECRET=value, or use the map form "
			"JWT_SECRET: \"value\"", "source",
			"the compose list item - JWT_SECRET=\"...\" keeps the quotes as "
			"part of the secret (Docker-DocumentServer#839)%k",
			OOJWT_SEL("compose"));
	} else if (vals[ENV_SECRET].env_quoted) {
		oojwt_ds_findingf(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_SECRET_QUOTES,
			"JWT_SECRET",
			"write the value without quotes", "source",
			"JWT_SECRET=\"...\" in an env file: docker run --env-file keeps the "
			"quotes as part of the secret (compose's .env removes them); "
			"oojwt keeps them%k", OOJWT_SEL("env_file"));
	}
	if (vals[ENV_IN_BODY].present) {
		oojwt_ds_findingf(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_KEY_NO_EFFECT,
			"JWT_IN_BODY",
			"remove JWT_IN_BODY", "key", "JWT_IN_BODY sets token.inbox/outbox."
			"inBody, which Document Server ignores since 7.1 (body and header "
			"tokens are both accepted)%k", OOJWT_SEL("env_in_body"));
	}
	/* Room for everything up front: the buffer holds the secret, and a
	 * realloc would leave an unwiped copy behind. */
	memset(&sb, 0, sizeof sb);
	sb.cap = 1024 + 6 * (OOJWT_SECRET_KINDS * vals[ENV_SECRET].len
		+ 2 * vals[ENV_HEADER].len + vals[ENV_LINK_SECRET].len);
	sb.buf = (char *)malloc(sb.cap);
	if (sb.buf == NULL) {
		oojwt_wipe_free(words, len);
		return NULL;
	}
	sb.buf[0] = 0;
	oojwt_sb_puts(&sb, "{\"services\":{\"CoAuthoring\":{\"token\":{\"enable\":"
		"{\"browser\":");
	oojwt_sb_puts(&sb, on);
	oojwt_sb_puts(&sb, ",\"request\":{\"inbox\":");
	oojwt_sb_puts(&sb, on);
	oojwt_sb_puts(&sb, ",\"outbox\":");
	oojwt_sb_puts(&sb, on);
	oojwt_sb_puts(&sb, "}},\"inbox\":{\"header\":");
	if (vals[ENV_HEADER].present) {
		oojwt_sb_json_string(&sb, vals[ENV_HEADER].value, vals[ENV_HEADER].len);
	} else {
		oojwt_sb_puts(&sb, "\"Authorization\"");
	}
	oojwt_sb_puts(&sb, "},\"outbox\":{\"header\":");
	if (vals[ENV_HEADER].present) {
		oojwt_sb_json_string(&sb, vals[ENV_HEADER].value, vals[ENV_HEADER].len);
	} else {
		oojwt_sb_puts(&sb, "\"Authorization\"");
	}
	oojwt_sb_puts(&sb, "}}");
	if (vals[ENV_SECRET].present) {
		int k;
		oojwt_sb_puts(&sb, ",\"secret\":{");
		for (k = 0; k < OOJWT_SECRET_KINDS; k++) {
			oojwt_sb_puts(&sb, k == 0 ? "\"" : ",\"");
			oojwt_sb_puts(&sb, kind_names[k]);
			oojwt_sb_puts(&sb, "\":{\"string\":");
			oojwt_sb_json_string(&sb, vals[ENV_SECRET].value,
				vals[ENV_SECRET].len);
			oojwt_sb_puts(&sb, "}");
		}
		oojwt_sb_puts(&sb, "}");
	}
	oojwt_sb_puts(&sb, "}}");
	if (vals[ENV_LINK_SECRET].present) {
		oojwt_sb_puts(&sb, ",\"storage\":{\"fs\":{\"secretString\":");
		oojwt_sb_json_string(&sb, vals[ENV_LINK_SECRET].value,
			vals[ENV_LINK_SECRET].len);
		oojwt_sb_puts(&sb, "}}");
	}
	oojwt_sb_puts(&sb, "}");
	oojwt_wipe(vals, sizeof vals);
	oojwt_wipe_free(words, len);
	return oojwt_sb_finish(&sb, out_len);
}

/* ---- findings on the merged configuration ------------------------------ */

static const char *const flag_paths[3] = {
	"services.CoAuthoring.token.enable.browser",
	"services.CoAuthoring.token.enable.request.inbox",
	"services.CoAuthoring.token.enable.request.outbox"
};

static void
flag_findings(oojwt_server_config *c, const oojwt_jv *local,
	const oojwt_jv *merged)
{
	static const char what0[] = "the editor config token is not required "
		"(a token that is present is still verified)";
	static const char what1[] = "command, conversion and docbuilder requests "
		"need no token";
	static const char what2[] = "Document Server does not sign its "
		"callbacks and downloads";
	const char *const what[3] = { what0, what1, what2 };
	static const char *const flag_names[3] = { "browser", "inbox", "outbox" };
	char path[OOJWT_PATH_LEN];
	size_t k;
	const oojwt_jv *v;

	for (k = 0; k < 4; k++) {
		const char *p = k < 3 ? flag_paths[k]
			: "services.CoAuthoring.server.tokenRequiredParams";
		v = oojwt_json_at(local, p);
		if (oojwt_json_type(v) == OOJWT_JSON_STRING) {
			oojwt_ds_findingf(c, OOJWT_SEVERITY_WARNING,
				OOJWT_FIND_FLAG_IS_STRING, p,
				"write true or false without quotes", "value",
				"the flag is the string \"%s\": Document Server tests it for "
				"truthiness, so any non-empty string (even \"false\") means "
				"true", oojwt_json_string(v));
		}
	}
	for (k = 0; k < 3; k++) {
		if (oojwt_json_truthy(oojwt_json_at(merged, flag_paths[k]))) {
			continue;
		}
		oojwt_fmt(path, sizeof path, "%s", flag_paths[k]);
		oojwt_ds_findingf(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_TOKENS_DISABLED,
			path,
			"set it to true (Document Server warns at start-up about any "
			"of the three that is off)", ",flag", "this flag is off: %s%k",
			what[k], OOJWT_SEL(flag_names[k]));
	}
}

/* Resolve secret `k` as utils.getSecretByElem does. */
static void
resolve(oojwt_server_config *c, int k, const oojwt_jv *merged)
{
	char path[OOJWT_PATH_LEN];
	const oojwt_jv *elem, *str, *file;
	oojwt_cfg_secret *s = &c->secrets[k];

	oojwt_fmt(path, sizeof path, "services.CoAuthoring.secret.%s",
		kind_names[k]);
	elem = oojwt_json_at(merged, path);
	str = oojwt_json_get(elem, "string");
	file = oojwt_json_get(elem, "file");
	memset(s, 0, sizeof *s);
	if (oojwt_json_truthy(str)) {
		s->source = OOJWT_SECRET_SOURCE_STRING;
		if (oojwt_json_type(str) == OOJWT_JSON_STRING) {
			s->value = oojwt_json_string(str);
			s->value_len = strlen(s->value);
		}
	} else if (oojwt_json_truthy(file)) {
		s->source = OOJWT_SECRET_SOURCE_FILE;
		if (oojwt_json_type(file) == OOJWT_JSON_STRING) {
			s->file = oojwt_json_string(file);
		}
	} else {
		s->source = OOJWT_SECRET_SOURCE_NONE;
	}
	if (c->docker_random_secret) {
		s->source = OOJWT_SECRET_SOURCE_UNKNOWN;
		s->value = NULL;
		s->value_len = 0;
		s->file = NULL;
	}
}

static int
same_secret(const oojwt_cfg_secret *a, const oojwt_cfg_secret *b)
{
	if (a->source != b->source) {
		return 0;
	}
	if (a->source == OOJWT_SECRET_SOURCE_STRING) {
		return a->value != NULL && b->value != NULL
			&& a->value_len == b->value_len
			&& memcmp(a->value, b->value, a->value_len) == 0;
	}
	if (a->source == OOJWT_SECRET_SOURCE_FILE) {
		return a->file != NULL && b->file != NULL
			&& strcmp(a->file, b->file) == 0;
	}
	return 1;
}

/* Findings about the value of secret `k` (once per distinct value). */
static void
value_findings(oojwt_server_config *c, int k, const char *path)
{
	const oojwt_cfg_secret *s = &c->secrets[k];
	size_t i;
	int quotes = 0, spaces = 0, unsafe = 0;

	if (s->value == NULL) {
		return;
	}
	if (s->value_len == 6 && memcmp(s->value, "secret", 6) == 0) {
		oojwt_ds_findingf(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_DEFAULT_SECRET,
			path,
			"set services.CoAuthoring.secret.inbox/outbox/session.string to a "
			"random value of 32+ letters and digits, the same in every "
			"integration", "kind",
			"the %s secret is the literal \"secret\" shipped in default.json: "
			"anyone can sign tokens your Document Server accepts", kind_names[k]);
		return;
	}
	if (s->value_len < 32) {
		oojwt_ds_findingf(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_SHORT_SECRET,
			path,
			"use 32 or more random letters and digits", "kind,length",
			"the %s secret is %z bytes: below the 32 bytes (256 bits) RFC 7518 "
			"asks for HS256; some connectors refuse short secrets",
			kind_names[k], s->value_len);
	}
	for (i = 0; i < s->value_len; i++) {
		char ch = s->value[i];
		quotes |= ch == '"' || ch == '\'';
		spaces |= ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
		unsafe |= ch == '\'' || ch == '\\' || ch == '$' || ch == '`'
			|| ch == '"';
	}
	for (i = 0; i < c->n_findings && quotes; i++) {
		/* The Docker reader already said where the quotes came from. */
		quotes = c->findings[i].code != OOJWT_FIND_SECRET_QUOTES;
	}
	if (quotes) {
		oojwt_ds_findingf(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_SECRET_QUOTES,
			path,
			"remove the quotes here or make every integration use them too",
			"kind,source", "the %s secret contains quote characters: usually "
			"quotes from an env or compose file that became part of the "
			"secret%k", kind_names[k], OOJWT_SEL("value"));
	}
	if (spaces) {
		oojwt_ds_findingf(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_SECRET_SPACES,
			path,
			"use a secret of letters and digits only", "kind",
			"the %s secret contains whitespace: Document Server uses it "
			"verbatim, while e.g. Nextcloud trims the secret it stores",
			kind_names[k]);
	}
	if (unsafe) {
		oojwt_ds_findingf(c, OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_SECRET_DOCKER_UNSAFE, path,
			"use a secret of letters and digits only", "kind",
			"the %s secret contains ' \\ $ ` or \": the Docker start script "
			"splices it into JavaScript and compose interpolates $, so the "
			"stored secret can differ from the one you typed", kind_names[k]);
	}
}

static void
secret_findings(oojwt_server_config *c, const oojwt_jv *local,
	const oojwt_jv *merged)
{
	char path[OOJWT_PATH_LEN];
	int k, j;

	for (k = 0; k < OOJWT_SECRET_KINDS; k++) {
		const oojwt_jv *lf, *ms;
		oojwt_fmt(path, sizeof path, "services.CoAuthoring.secret.%s",
			kind_names[k]);
		lf = oojwt_json_at(local, path);
		if (oojwt_json_get(lf, "tenants") != NULL) {
			char p2[OOJWT_PATH_LEN];
			oojwt_fmt(p2, sizeof p2, "%s.tenants", path);
			oojwt_ds_findingf(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_KEY_NO_EFFECT,
				p2,
				"remove it", "key", "secret.*.tenants (secrets per JWT issuer) "
				"was removed in 7.2; Document Server ignores it%k",
				OOJWT_SEL("tenants"));
		}
		if (k == OOJWT_SECRET_BROWSER) {
			continue;
		}
		ms = oojwt_json_at(merged, path);
		if (oojwt_json_truthy(oojwt_json_get(ms, "file"))
			&& oojwt_json_truthy(oojwt_json_get(ms, "string")))
		{
			char p2[OOJWT_PATH_LEN];
			int local_string = oojwt_json_truthy(oojwt_json_get(lf, "string"));
			oojwt_fmt(p2, sizeof p2, "%s.file", path);
			oojwt_ds_findingf(c, OOJWT_SEVERITY_ERROR,
				OOJWT_FIND_DEFAULT_SECRET_WINS, p2,
				"set \"string\": \"\" next to \"file\" in local.json",
				"kind,,,stringFrom", "secret.%s.file is set, but secret.%s.string "
				"is not empty%s, and the string wins: the file is never read%k",
				kind_names[k], kind_names[k], local_string ? ""
				: " (default.json ships \"secret\")",
				OOJWT_SEL(local_string ? "local" : "default"));
		}
		if (c->secrets[k].source == OOJWT_SECRET_SOURCE_FILE) {
			oojwt_ds_findingf(c, OOJWT_SEVERITY_INFO,
				OOJWT_FIND_SECRET_FROM_FILE, path,
				"write the file without a final newline (printf '%s', not echo)",
				"kind,file", "the %s secret is read from the file %s as raw "
				"bytes: a trailing newline is part of the secret (oojwt cannot "
				"read the file; paste its exact bytes to check a token)",
				kind_names[k], c->secrets[k].file != NULL ? c->secrets[k].file
				: "?");
		}
		/* inbox: config tokens and requests; outbox: DS's own
		 * requests; session: tokens issued after a verified open. */
		if (c->secrets[k].source == OOJWT_SECRET_SOURCE_NONE
			&& ((k == OOJWT_SECRET_INBOX && (c->enabled_browser
				|| c->enabled_inbox))
				|| (k == OOJWT_SECRET_OUTBOX && c->enabled_outbox)
				|| (k == OOJWT_SECRET_SESSION && c->enabled_browser)))
		{
			oojwt_ds_findingf(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_NO_SECRET,
				path,
				"set secret.*.string to the shared secret", "kind",
				"secret.%s has neither a string nor a file: every token of "
				"this kind fails with \"secret or public key must be provided\"",
				kind_names[k]);
		}
		for (j = 0; j < k; j++) {
			if (same_secret(&c->secrets[j], &c->secrets[k])) {
				break;
			}
		}
		if (j == k) {
			char p2[OOJWT_PATH_LEN];
			oojwt_fmt(p2, sizeof p2, "%s.string", path);
			value_findings(c, k, p2);
		}
	}
	/* secret.browser: ignored since 7.2 (config tokens use inbox). */
	oojwt_fmt(path, sizeof path, "services.CoAuthoring.secret.browser");
	if (oojwt_json_at(local, path) != NULL && !c->docker_random_secret
		&& !same_secret(&c->secrets[OOJWT_SECRET_BROWSER],
			&c->secrets[OOJWT_SECRET_INBOX]))
	{
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_BROWSER_SECRET_IGNORED, path,
			"secret.browser differs from secret.inbox, but since 7.2 Document "
			"Server verifies editor config tokens with secret.inbox and never "
			"reads secret.browser",
			"give integrations the secret.inbox secret, and remove "
			"secret.browser (or make it equal)");
	}
}

/* ---- verifyOptions: what jsonwebtoken does with each member ------------ */

#define VO_PATH "services.CoAuthoring.token.verifyOptions"

/* A finding on option `name` of verifyOptions (the object itself when
 * `name` is ""), its sentence and params written by oojwt_fmtp(`names`,
 * `fmt`, ...) (core.h). */
static void
vo_add(oojwt_server_config *c, int severity, int code, const char *name,
	const char *fix, const char *names, const char *fmt, ...)
{
	char path[OOJWT_PATH_LEN];
	va_list ap;

	oojwt_fmt(path, sizeof path, name[0] != 0 ? VO_PATH ".%s" : VO_PATH,
		name);
	va_start(ap, fmt);
	oojwt_finding_vfmt(c->findings, &c->n_findings, &c->dropped, severity,
		code, path, fix, names, fmt, ap);
	va_end(ap);
}

/* The JSON type of `v` as one word (oojwt_json_type_name without its
 * article): null, false, number, string, ... -- a catalog's select key. */
static const char *
type_key(const oojwt_jv *v)
{
	const char *w = oojwt_json_type_name(v);

	return w[0] == 'a' && w[1] == ' ' ? w + 2 : w[0] == 'a' && w[1] == 'n'
		&& w[2] == ' ' ? w + 3 : w;
}

/* A falsy value: verify.js tests these options for truthiness. */
static int
vo_inert(oojwt_server_config *c, const oojwt_jv *v, int code,
	const char *name)
{
	if (v == NULL) {
		return 1;                      /* absent: nothing to say */
	}
	if (oojwt_json_truthy(v)) {
		return 0;
	}
	vo_add(c, OOJWT_SEVERITY_INFO, code, name, "remove it",
		"option,type,valueType,reason", "%s is %s, which is false to "
		"jsonwebtoken: it has no effect%k%k", name, oojwt_json_type_name(v),
		type_key(v), "inert");
	return 1;
}

static void
vo_algorithms(oojwt_server_config *c, const oojwt_jv *v)
{
	static const char *const hs[3] = { "HS256", "HS384", "HS512" };
	const oojwt_jv *e;
	int t = oojwt_json_type(v), k, n_hs = 0, other = 0;

	if (vo_inert(c, v, OOJWT_FIND_VERIFY_ALGORITHMS, "algorithms")) {
		return;
	}
	if (t == OOJWT_JSON_STRING) {
		vo_add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_VERIFY_ALGORITHMS,
			"algorithms", "write an array: [\"HS256\"]", "value,reason",
			"algorithms is the string \"%s\": jsonwebtoken looks the header's "
			"alg up in it with indexOf, so any part of it (\"HS\", \"S2\", even "
			"\"\") gets through that step and then fails with a TypeError (no "
			"close code)%k", oojwt_json_string(v), "string");
		return;
	}
	if (t != OOJWT_JSON_ARRAY) {
		vo_add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_VERIFY_ALGORITHMS,
			"algorithms", "write an array such as [\"HS256\"], or remove it",
			"valueType,reason", "algorithms is neither an array nor a string: "
			"jsonwebtoken calls algorithms.indexOf and crashes on every token "
			"(a TypeError, no close code): no editor opens, every request "
			"fails%k%k", type_key(v), "type");
		return;
	}
	for (e = oojwt_json_first(v, NULL); e != NULL; e = oojwt_json_next(e,
		NULL))
	{
		int is_hs = 0;
		for (k = 0; k < 3 && oojwt_json_type(e) == OOJWT_JSON_STRING; k++) {
			is_hs |= strcmp(oojwt_json_string(e), hs[k]) == 0;
		}
		n_hs += is_hs;
		other += !is_hs;
	}
	if (n_hs == 0) {
		vo_add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_VERIFY_ALGORITHMS,
			"algorithms", "write [\"HS256\"] (or the HS algorithms your "
			"integrations sign with)", "reason", "algorithms lists none of "
			"HS256, HS384, HS512: Document Server verifies with a shared "
			"secret, so every token fails (\"invalid algorithm\", or an "
			"asymmetric-key error)%k", "no_hs");
		return;
	}
	vo_add(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_VERIFY_ALGORITHMS, "algorithms",
		"make sure every integration signs with a listed algorithm "
		"(connectors default to HS256)", "reason,,others", "only the listed "
		"algorithms are accepted: a token signed with another one fails "
		"\"invalid algorithm\" (4006) before its expiry is looked at%k%s%k",
		"listed", other > 0 ? "; the entries that are not HS256/384/512 never "
		"verify with the shared secret" : "", other > 0 ? "some" : "none");
}

/* audience, issuer, subject, jwtid, nonce: claims every token needs. */
static void
vo_claim(oojwt_server_config *c, const oojwt_jv *v, const char *name,
	const char *claim, int code)
{
	int t = oojwt_json_type(v);

	if (v == NULL) {
		return;
	}
	if (strcmp(name, "nonce") == 0 && (t != OOJWT_JSON_STRING
		|| oojwt_ds_js_blank(oojwt_json_string(v),
		strlen(oojwt_json_string(v)))))
	{
		vo_add(c, OOJWT_SEVERITY_ERROR, code, name, "remove it", "reason",
			"nonce is not a non-blank string: jsonwebtoken refuses every "
			"token with \"nonce must be a non-empty string\" (4006)%k",
			"blank");
		return;
	}
	if (vo_inert(c, v, code, name)) {
		return;
	}
	if (strcmp(name, "issuer") == 0 && t != OOJWT_JSON_STRING
		&& t != OOJWT_JSON_ARRAY)
	{
		vo_add(c, OOJWT_SEVERITY_WARNING, code, name, "write the issuer as a "
			"string, or remove it", "reason", "issuer is neither a string nor "
			"an array: jsonwebtoken then checks nothing%k", "type");
		return;
	}
	if (t == OOJWT_JSON_OBJECT || (t == OOJWT_JSON_ARRAY
		&& strcmp(name, "audience") != 0 && strcmp(name, "issuer") != 0))
	{
		vo_add(c, OOJWT_SEVERITY_ERROR, code, name, "write a string, or "
			"remove it", "option,type,,valueType,reason", "%s is %s: no claim "
			"is ever the same object, so every token fails \"jwt %s invalid\" "
			"(4006)%k%k", name, oojwt_json_type_name(v), name, type_key(v),
			"object");
		return;
	}
	vo_add(c, OOJWT_SEVERITY_INFO, code, name, "add the claim to every "
		"token the integrations sign, or remove the option",
		"claim,,,values,reason", "every token must carry \"%s\" equal to "
		"%s%s (compared with ===): tokens without it, as the connectors "
		"and the examples sign them, fail (4006)%k%k", claim,
		t == OOJWT_JSON_ARRAY ? "one of these values" : "this value",
		strcmp(name, "audience") == 0 ? " (or an array holding it)" : "",
		t == OOJWT_JSON_ARRAY ? "several" : "one", "required");
}

static void
verify_option_findings(oojwt_server_config *c, const oojwt_jv *merged)
{
	static const char *const known[] = { "algorithms", "clockTolerance",
		"clockTimestamp", "ignoreExpiration", "ignoreNotBefore", "maxAge",
		"audience", "issuer", "subject", "jwtid", "nonce", "complete",
		"allowInvalidAsymmetricKeyTypes" };
	const oojwt_jv *vo = oojwt_json_at(merged, VO_PATH), *v;
	const char *name;
	double ms;
	size_t k;

	if (vo != NULL && oojwt_json_type(vo) != OOJWT_JSON_OBJECT) {
		vo_add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_VERIFY_OTHER_OPTION, "",
			"write an object: {\"clockTolerance\": 60}",
			"type,valueType,reason", "verifyOptions is %s, not an object: "
			"jsonwebtoken gets no options, so no clock tolerance (a token "
			"fails on the second of its exp)%k%k", oojwt_json_type_name(vo),
			type_key(vo), "not_object");
		return;
	}
	for (v = oojwt_json_first(vo, &name); v != NULL; v = oojwt_json_next(v,
		&name))
	{
		for (k = 0; k < sizeof known / sizeof *known
			&& strcmp(known[k], name) != 0; k++) {
		}
		if (k == sizeof known / sizeof *known) {
			vo_add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_VERIFY_OTHER_OPTION,
				name, "check the spelling (names are case-sensitive), or "
				"remove it", "option,reason", "jsonwebtoken's verify does not "
				"read \"%s\" (its options: algorithms, audience, issuer, "
				"subject, jwtid, nonce, maxAge, clockTolerance, clockTimestamp, "
				"ignoreExpiration, ignoreNotBefore, complete)%k", name,
				"unknown");
		}
	}
	vo_algorithms(c, oojwt_json_get(vo, "algorithms"));
	v = oojwt_json_get(vo, "clockTolerance");
	/* default.json's 60 is the shipped behaviour: nothing to report. */
	if (oojwt_json_type(v) == OOJWT_JSON_NUMBER && oojwt_json_number(v) != 60) {
		double t = oojwt_json_number(v);
		vo_add(c, t > 300 || t < 0 ? OOJWT_SEVERITY_WARNING
			: OOJWT_SEVERITY_INFO, OOJWT_FIND_VERIFY_CLOCK_TOLERANCE,
			"clockTolerance", t > 300 || t < 0 ? "use a few seconds to "
			"a few minutes (default.json: 60)" : "nothing to do",
			"tolerance,seconds,reason", t > 300 ? "clockTolerance %t s: "
			"Document Server accepts tokens up to %t s after their exp (and "
			"before their nbf), far beyond clock drift%k" : t < 0
			? "clockTolerance %t s is negative: tokens fail %t s before their "
			"exp%k" : "tokens are accepted up to %t s after their exp and %t s "
			"before their nbf (clock drift)%k", t, t < 0 ? -t : t,
			t > 300 ? "large" : t < 0 ? "negative" : "drift");
	}
	v = oojwt_json_get(vo, "clockTimestamp");
	if (!vo_inert(c, v, OOJWT_FIND_VERIFY_CLOCK_TIMESTAMP,
		"clockTimestamp"))
	{
		int num = oojwt_json_type(v) == OOJWT_JSON_NUMBER;
		vo_add(c, num ? OOJWT_SEVERITY_WARNING : OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_VERIFY_CLOCK_TIMESTAMP, "clockTimestamp", "remove it",
			",reason", "%s%k", num ? "clockTimestamp fixes the clock "
			"jsonwebtoken judges exp, nbf and maxAge by: tokens are not checked "
			"against the real time (an old value accepts every expired token)"
			: "clockTimestamp is not a number: jsonwebtoken refuses every "
			"token (\"clockTimestamp must be a number\", 4006)", num ? "fixed"
			: "not_number");
	}
	for (k = 0; k < 2; k++) {
		const char *opt_name = k == 0 ? "ignoreExpiration" : "ignoreNotBefore";
		int code = k == 0 ? OOJWT_FIND_VERIFY_IGNORE_EXPIRATION
			: OOJWT_FIND_VERIFY_IGNORE_NOT_BEFORE;
		v = oojwt_json_get(vo, opt_name);
		if (!vo_inert(c, v, code, opt_name)) {
			vo_add(c, OOJWT_SEVERITY_WARNING, code, opt_name, "remove it",
				",,,reason", "%s: %s is never checked, so Document Server "
				"accepts %s%k", opt_name, k == 0 ? "exp" : "nbf", k == 0
				? "expired tokens, forever" : "tokens before they are meant "
				"to be valid", "set");
		}
	}
	v = oojwt_json_get(vo, "maxAge");
	if (!vo_inert(c, v, OOJWT_FIND_VERIFY_MAX_AGE, "maxAge")) {
		int ok = oojwt_json_type(v) == OOJWT_JSON_NUMBER
			|| (oojwt_json_type(v) == OOJWT_JSON_STRING
			&& oojwt_ds_ms_parse(oojwt_json_string(v),
			strlen(oojwt_json_string(v)), &ms));
		vo_add(c, ok ? OOJWT_SEVERITY_INFO : OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_VERIFY_MAX_AGE, "maxAge", ok ? "sign iat in every token "
			"(the connectors do)" : "write a number of seconds or a timespan "
			"(\"5m\"), or remove it", ",reason", "%s%k", ok ? "every token "
			"needs a numeric iat (\"iat required when maxAge is specified\", "
			"4006) and fails \"maxAge exceeded\" (4005) once that long after "
			"it, whatever its exp" : "maxAge is not a number of seconds or a "
			"timespan such as \"1d\": every token with an iat fails (4006)",
			ok ? "set" : "bad_value");
	}
	vo_claim(c, oojwt_json_get(vo, "audience"), "audience", "aud",
		OOJWT_FIND_VERIFY_AUDIENCE);
	vo_claim(c, oojwt_json_get(vo, "issuer"), "issuer", "iss",
		OOJWT_FIND_VERIFY_ISSUER);
	vo_claim(c, oojwt_json_get(vo, "subject"), "subject", "sub",
		OOJWT_FIND_VERIFY_SUBJECT);
	vo_claim(c, oojwt_json_get(vo, "jwtid"), "jwtid", "jti",
		OOJWT_FIND_VERIFY_JWTID);
	vo_claim(c, oojwt_json_get(vo, "nonce"), "nonce", "nonce",
		OOJWT_FIND_VERIFY_NONCE);
	v = oojwt_json_get(vo, "complete");
	if (oojwt_json_type(v) == OOJWT_JSON_TRUE) {
		vo_add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_VERIFY_COMPLETE, "complete",
			"remove it", "reason", "complete: jwt.verify returns {header, "
			"payload, signature}, and Document Server reads document, "
			"editorConfig, key, url from that: every editor config token fails "
			"(4006 \"document.key\" missing with tokenRequiredParams, else "
			"4004), and requests lose the token's payload wrapper and query%k",
			"set");
	} else if (v != NULL) {
		vo_add(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_VERIFY_COMPLETE, "complete",
			"remove it", "reason", "complete is not true: no effect "
			"(jsonwebtoken tests === true)%k", "not_true");
	}
	v = oojwt_json_get(vo, "allowInvalidAsymmetricKeyTypes");
	if (v != NULL) {
		int b = oojwt_json_type(v) == OOJWT_JSON_TRUE
			|| oojwt_json_type(v) == OOJWT_JSON_FALSE;
		vo_add(c, b ? OOJWT_SEVERITY_INFO : OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_VERIFY_OTHER_OPTION, "allowInvalidAsymmetricKeyTypes",
			"remove it", ",reason", "%s%k", b ? "allowInvalidAsymmetricKeyTypes "
			"matters only for RSA and EC keys: no effect with Document Server's "
			"shared secret" : "allowInvalidAsymmetricKeyTypes is not a "
			"boolean: jsonwebtoken refuses every token (4006)", b
			? "asymmetric" : "asymmetric_not_boolean");
	}
}

static void
other_findings(oojwt_server_config *c, const oojwt_jv *local,
	const oojwt_jv *merged)
{
	static const char *const dead[] = {
		"services.CoAuthoring.token.inbox.inBody",
		"services.CoAuthoring.token.outbox.inBody",
		"services.CoAuthoring.token.browser.secretFromInbox"
	};
	const oojwt_jv *v;
	size_t k;

	for (k = 0; k < sizeof dead / sizeof *dead; k++) {
		if (oojwt_json_at(local, dead[k]) != NULL) {
			oojwt_ds_findingf(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_KEY_NO_EFFECT,
				dead[k],
				"remove the key", ",key", "%s%k", k < 2 ? "inBody is ignored "
				"since 7.1: Document Server takes a body token first, else the "
				"header" : "secretFromInbox is not read since 7.2: config "
				"tokens always use secret.inbox",
				OOJWT_SEL(k < 2 ? "in_body" : "secret_from_inbox"));
		}
	}
	if (oojwt_json_at(local, "server.token") != NULL) {
		add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_EXAMPLE_SECTION,
			"server.token",
			"server.token.{enable,secret,authorizationHeader} are the example "
			"app's settings (documentserver-example/local.json); Document "
			"Server itself reads services.CoAuthoring.token and .secret",
			"put the secret in services.CoAuthoring.secret.inbox/outbox/"
			"session.string, or this file in the example's directory");
	}
	v = oojwt_json_at(merged, "services.CoAuthoring.token.verifyOptions.clockTolerance");
	if (v != NULL && oojwt_json_type(v) != OOJWT_JSON_NUMBER) {
		add(c, OOJWT_SEVERITY_ERROR, OOJWT_FIND_TOLERANCE_NOT_NUMBER,
			"services.CoAuthoring.token.verifyOptions.clockTolerance",
			"clockTolerance is not a number: jsonwebtoken adds it to exp with "
			"+, so a string turns the check into text concatenation and "
			"expired tokens pass (jsonwebtoken #606)",
			"write a number of seconds, e.g. 60");
	}
	verify_option_findings(c, merged);
}

/* ---- text that is not local.json ---------------------------------------- */

/* One line (blanks around it aside) that is not JSON: a secret pasted
 * where local.json belongs. */
static int
bare_secret(const char *t, size_t len)
{
	size_t a = 0, b = len;

	while (a < b && (blank(t[a]) || t[a] == '\n' || t[a] == '\r')) {
		a++;
	}
	while (b > a && (blank(t[b - 1]) || t[b - 1] == '\n' || t[b - 1] == '\r')) {
		b--;
	}
	/* A BOM is a file's: local.json saved by an editor, not a secret. */
	return b > a && b - a <= 4096 && t[a] != '{' && t[a] != '['
		&& !(b - a >= 3 && memcmp(t + a, "\xef\xbb\xbf", 3) == 0)
		&& memchr(t + a, '\n', b - a) == NULL
		&& docker_command(t, len) == len;
}

/* 1 when every member name of object `v` is one of `names` (a list
 * ended by NULL) and there is at least one. */
static int
names_within(const oojwt_jv *v, const char *const *names)
{
	const char *name;
	const oojwt_jv *m = oojwt_json_first(v, &name);
	size_t k;

	if (oojwt_json_type(v) != OOJWT_JSON_OBJECT || m == NULL) {
		return 0;
	}
	for (; m != NULL; m = oojwt_json_next(m, &name)) {
		for (k = 0; names[k] != NULL && strcmp(names[k], name) != 0; k++) {
		}
		if (names[k] == NULL) {
			return 0;
		}
	}
	return 1;
}

/* Where an object printed by `json -f local.json PATH` belongs: the
 * PATH, or NULL when it is a whole local.json (or unknown). */
static const char *
fragment_path(const oojwt_jv *v)
{
	static const char *const elem[] = { "string", "file", "tenants", NULL };
	static const char *const kinds[] = { "inbox", "outbox", "session",
		"browser", NULL };
	static const char *const token[] = { "enable", "inbox", "outbox",
		"browser", "session", "verifyOptions", NULL };
	const char *name;
	const oojwt_jv *m;

	if (oojwt_json_get(v, "services") != NULL) {
		return NULL;
	}
	if (names_within(v, elem)) {
		return "services.CoAuthoring.secret.inbox";
	}
	if (names_within(v, kinds)) {
		for (m = oojwt_json_first(v, &name); m != NULL;
			m = oojwt_json_next(m, &name))
		{
			if (!names_within(m, elem)) {
				break;
			}
		}
		if (m == NULL) {
			return "services.CoAuthoring.secret";
		}
	}
	if (names_within(v, token) && (oojwt_json_get(v, "enable") != NULL
		|| oojwt_json_get(v, "verifyOptions") != NULL))
	{
		return "services.CoAuthoring.token";
	}
	if ((oojwt_json_get(v, "token") != NULL
		|| oojwt_json_get(v, "secret") != NULL)
		&& oojwt_json_get(v, "storage") == NULL
		&& oojwt_json_get(v, "server") == NULL)
	{
		return "services.CoAuthoring";
	}
	return NULL;
}

/* `text` wrapped into the objects of `path`: a malloc'd local.json
 * (its length in *out_len), or NULL when out of memory. */
static char *
wrap_fragment(const char *path, const char *text, size_t len,
	size_t *out_len)
{
	size_t depth = 1, k, n = strlen(path), cap;
	char *out;
	size_t o = 0;

	for (k = 0; k < n; k++) {
		depth += path[k] == '.';
	}
	cap = len + n + 6 * depth + 1;
	out = (char *)malloc(cap);
	if (out == NULL) {
		return NULL;
	}
	for (k = 0; k <= n; k++) {
		if (k == 0 || path[k - 1] == '.') {
			out[o++] = '{';
			out[o++] = '"';
		}
		if (k == n || path[k] == '.') {
			out[o++] = '"';
			out[o++] = ':';
		} else {
			out[o++] = path[k];
		}
	}
	memcpy(out + o, text, len);
	o += len;
	for (k = 0; k < depth; k++) {
		out[o++] = '}';
	}
	*out_len = o;
	return out;
}

/* ---- entry point ------------------------------------------------------- */

/* The file as node-config reads it (JSON.parse: the last of repeated
 * members wins, lone surrogates are kept; *lone of them). */
static int
parse_obj(oojwt_jv **out, const char *text, size_t len, size_t *dups,
	size_t *lone, char *msg)
{
	oojwt_json_info info;
	long pos;
	int code = oojwt_json_parse_js(out, text, len, OOJWT_JSON_LAST_WINS
		| OOJWT_JSON_LONE_WTF8, &info, &pos, msg);

	*dups = info.dups;
	*lone = info.lone;

	if (code == OOJWT_OK && oojwt_json_type(*out) != OOJWT_JSON_OBJECT) {
		oojwt_json_free_wipe(*out);
		*out = NULL;
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the file is JSON but not an object");
		return OOJWT_ERR_NOT_AN_OBJECT;
	}
	return code;
}

int
oojwt_server_config_read(oojwt_server_config *c, const char *local,
	size_t local_len, const char *defaults, size_t defaults_len)
{
	oojwt_jv *loc = NULL, *def = NULL;
	char *docker = NULL;
	size_t docker_len = 0, dups = 0, lone = 0, i = 0;
	char msg[OOJWT_MESSAGE_LEN], full[OOJWT_MESSAGE_LEN];
	const oojwt_jv *m;
	int code, k;

	if (c == NULL || (local == NULL && local_len != 0)
		|| (defaults == NULL && defaults_len != 0))
	{
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(c, 0, sizeof *c);
	while (i < local_len && (local[i] == ' ' || local[i] == '\t'
		|| local[i] == '\n' || local[i] == '\r'))
	{
		i++;
	}
	if (i < local_len && local[i] != '{') {
		docker = docker_to_json(c, local, local_len, &docker_len);
		if (docker != NULL) {
			c->form = OOJWT_CONFIG_DOCKER;
			local = docker;
			local_len = docker_len;
		} else if (c->n_findings == 0 && bare_secret(local, local_len)) {
			c->form = OOJWT_CONFIG_SECRET;
			add(c, OOJWT_SEVERITY_WARNING, OOJWT_FIND_CONFIG_IS_SECRET, "",
				"this looks like a secret, not a configuration: one line, "
				"neither local.json nor Docker settings, so no setting is "
				"read from it", "paste it in the secret box; here, paste "
				"local.json or the docker run / compose lines");
			return OOJWT_OK;
		}
	}
	if (local_len == 0) {
		local = "{}";
		local_len = 2;
	}
	code = parse_obj(&loc, local, local_len, &dups, &lone, msg);
	if (code == OOJWT_ERR_NO_MEMORY) {
		goto fail;
	}
	if (code == OOJWT_OK && c->form == OOJWT_CONFIG_JSON) {
		const char *path = fragment_path(loc);
		if (path != NULL) {
			char *w = wrap_fragment(path, local, local_len, &docker_len);
			if (w == NULL) {
				goto fail;
			}
			oojwt_json_free_wipe(loc);
			loc = NULL;
			docker = w;
			local = w;
			local_len = docker_len;
			c->form = OOJWT_CONFIG_FRAGMENT;
			{
				char pbuf[OOJWT_PARAMS_LEN];
				oojwt_params p;
				oojwt_params_init(&p, pbuf, sizeof pbuf);
				oojwt_fmtp(full, sizeof full, &p, "path", "this is a part of "
					"local.json, as json -f local.json %s prints it: read as "
					"%s, everything else as default.json ships it", path,
					path);
				(void)oojwt_finding_addp(c->findings, &c->n_findings,
					&c->dropped, OOJWT_SEVERITY_INFO,
					OOJWT_FIND_CONFIG_FRAGMENT, path, full, "paste the whole "
					"local.json (docker exec <container> cat "
					"/etc/onlyoffice/documentserver/local.json) to check every "
					"setting", pbuf);
			}
			code = parse_obj(&loc, local, local_len, &dups, &lone, msg);
			if (code != OOJWT_OK) {
				goto fail;
			}
		}
	}
	if (code != OOJWT_OK) {
		/* not_an_object's sentence is parse_obj's own */
		oojwt_ds_findingf(c, OOJWT_SEVERITY_ERROR, code, "", "fix the JSON; "
			"the defaults are shown meanwhile", code == OOJWT_ERR_NOT_AN_OBJECT
			? ",source" : "detail,source", "local.json is not read: %s "
			"(Document Server would not start with it)%k", msg,
			OOJWT_SEL("local_json"));
		code = parse_obj(&loc, "{}", 2, &dups, &lone, msg);
		if (code != OOJWT_OK) {
			goto fail;
		}
	} else if (dups > 0) {
		oojwt_finding_fmt(c->findings, &c->n_findings, &c->dropped,
			OOJWT_SEVERITY_WARNING, OOJWT_WARN_DUPLICATE_LAST_WINS, "",
			"keep one of the repeated members", "file,detail",
			"%s: %s", "local.json", msg);
	}
	oojwt_ds_lone_finding(c->findings, &c->n_findings, &c->dropped, loc, lone,
		"server_config", "Document Server starts, but where the value becomes bytes (an HMAC "
		"key, a header) Node writes the half as U+FFFD: a connector holding "
		"the secret as written does not match",
		"remove the half character (or write the whole character)");
	/* From here on the values are the bytes Node uses. */
	oojwt_json_lone_replace(loc);
	if (defaults != NULL) {
		code = parse_obj(&def, defaults, defaults_len, &dups, &lone, msg);
		oojwt_json_lone_replace(def);
		if (code != OOJWT_OK) {
			oojwt_ds_findingf(c, OOJWT_SEVERITY_WARNING, code, "", "paste "
				"default.json as it is on the server", code
				== OOJWT_ERR_NOT_AN_OBJECT ? ",source" : "detail,source",
				"default.json is not read: %s; the shipped defaults are used%k",
				msg, OOJWT_SEL("default_json"));
			defaults = NULL;
		} else {
			c->own_defaults = 1;
		}
	}
	if (def == NULL) {
		code = parse_obj(&def, default_json, sizeof default_json - 1, &dups,
			&lone, msg);
		if (code != OOJWT_OK) {
			goto fail;
		}
	}
	code = oojwt_json_merge(def, loc);
	if (code != OOJWT_OK) {
		goto fail;
	}
	c->tree = def;
	m = def;
	def = NULL;
	c->enabled_browser = oojwt_json_truthy(oojwt_json_at(m, flag_paths[0]));
	c->enabled_inbox = oojwt_json_truthy(oojwt_json_at(m, flag_paths[1]));
	c->enabled_outbox = oojwt_json_truthy(oojwt_json_at(m, flag_paths[2]));
	for (k = 0; k < OOJWT_SECRET_KINDS; k++) {
		resolve(c, k, m);
	}
	{
		/* storage-fs signs download links with it (secure links). */
		const oojwt_jv *ss = oojwt_json_at(m, "storage.fs.secretString");
		if (c->storage_secret.source != OOJWT_SECRET_SOURCE_UNKNOWN
			&& oojwt_json_type(ss) == OOJWT_JSON_STRING
			&& oojwt_json_string(ss)[0] != 0)
		{
			c->storage_secret.source = OOJWT_SECRET_SOURCE_STRING;
			c->storage_secret.value = oojwt_json_string(ss);
			c->storage_secret.value_len = strlen(c->storage_secret.value);
		}
	}
	c->token_required_params = oojwt_json_truthy(oojwt_json_at(m,
		"services.CoAuthoring.server.tokenRequiredParams"));
	c->inbox_header = string_at(m, "services.CoAuthoring.token.inbox.header");
	c->inbox_prefix = string_at(m, "services.CoAuthoring.token.inbox.prefix");
	c->outbox_header = string_at(m, "services.CoAuthoring.token.outbox.header");
	c->outbox_prefix = string_at(m, "services.CoAuthoring.token.outbox.prefix");
	c->outbox_algorithm = string_at(m,
		"services.CoAuthoring.token.outbox.algorithm");
	c->outbox_expires = string_at(m,
		"services.CoAuthoring.token.outbox.expires");
	{
		const oojwt_jv *vo = oojwt_json_at(m, "services.CoAuthoring.token.verifyOptions");
		if (vo != NULL) {
			c->verify_options = oojwt_json_print(vo, &c->verify_options_len);
			if (c->verify_options == NULL) {
				goto fail;
			}
		}
	}
	flag_findings(c, loc, m);
	secret_findings(c, loc, m);
	other_findings(c, loc, m);
	if (c->form == OOJWT_CONFIG_DOCKER) {
		add(c, OOJWT_SEVERITY_INFO, OOJWT_FIND_CONFIG_FROM_ENV, "",
			"read from Docker environment variables (docker run -e, an env "
			"file or compose's environment:) as the image's "
			"run-document-server.sh writes them into local.json at every "
			"start: JWT_ENABLED to the three token.enable flags, JWT_SECRET "
			"to secret.inbox/outbox/session/browser.string, JWT_HEADER to "
			"token.inbox/outbox.header, JWT_IN_BODY to their inBody",
			"to change a setting, change the variable and recreate the "
			"container: an edit of local.json inside it is overwritten");
	}
	oojwt_json_free_wipe(loc);
	oojwt_wipe_free(docker, docker_len);
	return OOJWT_OK;
fail:
	oojwt_json_free_wipe(loc);
	oojwt_json_free_wipe(def);
	oojwt_wipe_free(docker, docker_len);
	oojwt_server_config_free(c);
	return OOJWT_ERR_NO_MEMORY;
}

void
oojwt_server_config_free(oojwt_server_config *c)
{
	if (c == NULL) {
		return;
	}
	oojwt_json_free_wipe((oojwt_jv *)c->tree);
	if (c->verify_options != NULL) {
		oojwt_wipe(c->verify_options, c->verify_options_len);
		free(c->verify_options);
	}
	oojwt_wipe(c, sizeof *c);
}
