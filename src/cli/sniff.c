/*
 * What a text looks like, so that a command given the wrong thing (a
 * token to server-config, a local.json to verify) says so and names the
 * command that reads it, instead of judging it as a broken input of its
 * own kind; and the token inside pasted text (an Authorization header, a
 * Bearer value, a log line, a quoted string), taken out as the page does.
 */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
has(const char *text, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; n <= len && i <= len - n; i++) {
		if (memcmp(text + i, needle, n) == 0) {
			return 1;
		}
	}
	return 0;
}

static int
starts(const char *text, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && memcmp(text, prefix, n) == 0;
}

/* A request line: an upper-case method, a space, a target, " HTTP/". */
static int
request_line(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] >= 'A' && s[i] <= 'Z') {
		i++;
	}
	if (i < 3 || i >= len || s[i] != ' ') {
		return 0;
	}
	while (i < len && s[i] != '\n') {
		if (s[i] == ' ' && len - i >= 6 && memcmp(s + i + 1, "HTTP/", 5) == 0) {
			return 1;
		}
		i++;
	}
	return 0;
}

/* KEY=value lines, the first one upper-case (a Docker env file). */
static int
env_lines(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_'
		|| (i > 0 && s[i] >= '0' && s[i] <= '9')))
	{
		i++;
	}
	return i > 0 && i < len && s[i] == '=';
}

int
oojwt_cli_text_kind(const char *text, size_t len)
{
	oojwt_extract_result x;
	size_t a = 0;

	while (a < len && is_space(text[a])) {
		a++;
	}
	text += a;
	len -= a;
	if (len == 0) {
		return OOJWT_CLI_TEXT_OTHER;
	}
	while (len > 0 && is_space(text[len - 1])) {
		len--;
	}
	/* JSON: a whole object or array ("[2026-12-06 ...] [ERROR] ..." is a
	 * log line). */
	if ((text[0] == '{' && text[len - 1] == '}')
		|| (text[0] == '[' && text[len - 1] == ']'))
	{
		if (has(text, len, "\"CoAuthoring\"")) {
			return OOJWT_CLI_TEXT_LOCAL_JSON;
		}
		if (has(text, len, "\"document\"") || has(text, len, "\"editorConfig\"")) {
			return OOJWT_CLI_TEXT_EDITOR_CONFIG;
		}
		return OOJWT_CLI_TEXT_JSON;
	}
	if (starts(text, len, "-----BEGIN CERTIFICATE-----")) {
		return OOJWT_CLI_TEXT_CERT;
	}
	if (starts(text, len, "-----BEGIN ") && has(text, len, "KEY-----")) {
		return OOJWT_CLI_TEXT_KEY;
	}
	if (starts(text, len, "http://") || starts(text, len, "https://")) {
		return OOJWT_CLI_TEXT_URL;
	}
	if (request_line(text, len)) {
		return OOJWT_CLI_TEXT_HTTP;
	}
	if (has(text, len, "server {") || has(text, len, "location ")
		|| has(text, len, "listen ") || starts(text, len, "upstream ")
		|| starts(text, len, "map ") || starts(text, len, "set $"))
	{
		return OOJWT_CLI_TEXT_NGINX;
	}
	if (env_lines(text, len)) {
		return OOJWT_CLI_TEXT_ENV;
	}
	{
		/* One word that starts as a path does or ends as a file name
		 * does (a base64 secret may hold a '/' too). */
		static const char *const ext[] = { ".json", ".conf", ".txt", ".crt",
			".pem", ".key", ".env", ".yml", ".log" };
		size_t i, space = 0;
		int path = starts(text, len, "/") || starts(text, len, "./")
			|| starts(text, len, "../") || starts(text, len, "~/");
		for (i = 0; i < len; i++) {
			space += (size_t)is_space(text[i]);
		}
		for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
			size_t n = strlen(ext[i]);
			path |= len > n && memcmp(text + len - n, ext[i], n) == 0;
		}
		if (space == 0 && path && !starts(text, len, "eyJ")) {
			return OOJWT_CLI_TEXT_PATH;
		}
	}
	oojwt_extract_token(&x, text, len);
	if (x.len > 0 && starts(text + x.start, x.len, "eyJ")
		&& memchr(text + x.start, '.', x.len) != NULL)
	{
		return OOJWT_CLI_TEXT_TOKEN;
	}
	return OOJWT_CLI_TEXT_OTHER;
}

/* A kind of text, as the word usage.refuse selects it. */
static const char *
text_key(int kind)
{
	switch (kind) {
	case OOJWT_CLI_TEXT_TOKEN: return "token";
	case OOJWT_CLI_TEXT_LOCAL_JSON: return "local_json";
	case OOJWT_CLI_TEXT_EDITOR_CONFIG: return "editor_config";
	case OOJWT_CLI_TEXT_JSON: return "json";
	case OOJWT_CLI_TEXT_ENV: return "env";
	case OOJWT_CLI_TEXT_NGINX: return "nginx";
	case OOJWT_CLI_TEXT_CERT: return "cert";
	case OOJWT_CLI_TEXT_KEY: return "key";
	case OOJWT_CLI_TEXT_HTTP: return "http";
	case OOJWT_CLI_TEXT_URL: return "url";
	case OOJWT_CLI_TEXT_PATH: return "path";
	default: return "other";
	}
}

/* The command that reads a kind of text. */
static const char *
reader(int kind)
{
	switch (kind) {
	case OOJWT_CLI_TEXT_TOKEN: return "oojwt verify (or decode)";
	case OOJWT_CLI_TEXT_LOCAL_JSON: return "oojwt server-config";
	case OOJWT_CLI_TEXT_EDITOR_CONFIG: return "oojwt inspect-config";
	case OOJWT_CLI_TEXT_ENV: return "oojwt server-config";
	case OOJWT_CLI_TEXT_NGINX: return "oojwt nginx-config";
	case OOJWT_CLI_TEXT_CERT: return "oojwt inspect-cert";
	case OOJWT_CLI_TEXT_HTTP: return "oojwt inspect-request";
	case OOJWT_CLI_TEXT_URL: return "oojwt inspect-url";
	default: return NULL;
	}
}

int
oojwt_cli_refuse(const char *command, int kind, const char *expected)
{
	const char *r = reader(kind);
	oojwt_sb e;

	/* `expected` in the user's language: a "phrase." word. */
	oojwt_cli_weprintf(OOJWT_WORD("usage.refuse"), "command,expected,kind,reader",
		"%s%s%s%s", command, oojwt_cli_phrase_str(&e, expected), text_key(kind),
		r != NULL ? r : "none");
	oojwt_wipe_free(e.buf, e.cap);
	return OOJWT_EXIT_INPUT;
}

int
oojwt_cli_read_expected(const oojwt_cli_opts *o, int trim, unsigned accept,
	const char *expected, char **buf, size_t *len, char *err, size_t cap)
{
	int code, kind;

	err[0] = 0;
	code = oojwt_cli_read_input(o->input, trim, buf, len, err, cap);
	if (code != OOJWT_EXIT_OK) {
		*buf = NULL;
		return code;
	}
	kind = oojwt_cli_text_kind(*buf, *len);
	if ((accept & OOJWT_CLI_KIND(kind)) == 0) {
		oojwt_wipe_free(*buf, *len + 1);
		*buf = NULL;
		return oojwt_cli_refuse(o->command, kind, expected);
	}
	return OOJWT_EXIT_OK;
}

void
oojwt_cli_take_token(const char *command, char *text, size_t *len)
{
	oojwt_extract_result x;
	oojwt_sb note;
	size_t i;
	int any = 0;

	oojwt_extract_token(&x, text, *len);
	if (x.start == 0 && x.len == *len) {
		return;
	}
	memset(&note, 0, sizeof note);
	for (i = 0; i < x.n_stripped; i++) {
		const oojwt_strip *s = &x.stripped[i];
		if (s->kind == OOJWT_STRIP_WHITESPACE) {
			continue;
		}
		oojwt_sb_puts(&note, any ? ", " : "");
		any = 1;
		if (s->kind == OOJWT_STRIP_TEXT) {
			oojwt_cli_word(&note, OOJWT_WORD("note.stripped_text"), "n", "%z",
				s->len);
		} else {
			oojwt_cli_word(&note, OOJWT_WORD("note.stripped"), "what", "%s",
				oojwt_strip_name(s->kind));
			oojwt_sb_puts(&note, " '");
			oojwt_cli_put_safe(&note, text + s->pos, s->len);
			oojwt_sb_puts(&note, "'");
		}
	}
	if (any && !note.failed) {
		oojwt_cli_weprintf(OOJWT_WORD("note.token_taken"), "command,stripped",
			"%s%S", command, note.buf, note.len);
	}
	oojwt_wipe_free(note.buf, note.cap);
	memmove(text, text + x.start, x.len);
	oojwt_wipe(text + x.len, *len - x.len);
	*len = x.len;
}
