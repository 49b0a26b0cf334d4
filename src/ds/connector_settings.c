/*
 * Connector settings, read from what an administrator pastes: Nextcloud
 * and ownCloud config.php ('onlyoffice' => [...]) and occ output, the
 * Moodle plugin's settings, the Mattermost plugin's settings. Key names,
 * defaults, trimming and precedence follow the connectors' code:
 * onlyoffice-nextcloud lib/AppConfig.php (getDocumentServerSecret,
 * jwtHeader, getJwtLeeway, getVerifyPeerOff, getSystemValue),
 * moodle-mod_onlyofficeeditor settings.php, classes/jwt_wrapper.php and
 * callback.php, onlyoffice-mattermost server/pkg/configuration/
 * configuration.go (SanitizeConfiguration, IsValid) and plugin.json.
 * The comparison with Document Server's settings is in
 * connector_compare.c.
 *
 * The PHP reader is a single pass over tokens with one token of
 * look-ahead; arrays recurse at most OOJWT_SETTINGS_MAX_DEPTH deep, so
 * any text is read in linear time.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

static const char *const form_names[] = { "unknown", "php-config",
	"occ-get", "occ-list", "moodle", "mattermost" };
static const char *const connector_names[] = { NULL, "nextcloud",
	"owncloud", "moodle", "mattermost" };

const char *
oojwt_settings_form_name(int form)
{
	return form >= 0 && form < 6 ? form_names[form] : NULL;
}

const char *
oojwt_connector_name(int connector)
{
	return connector > 0 && connector < 5 ? connector_names[connector]
		: NULL;
}

void
oojwt_cs_add(oojwt_connector_settings *s, int severity, int code,
	const char *path, const char *message, const char *fix)
{
	oojwt_cs_addp(s, severity, code, path, message, fix, NULL);
}

void
oojwt_cs_addp(oojwt_connector_settings *s, int severity, int code,
	const char *path, const char *message, const char *fix,
	const char *params)
{
	(void)oojwt_finding_addp(s->findings, &s->n_findings, &s->dropped,
		severity, code, path, message, fix, params);
}

/* ---- raw values -------------------------------------------------------- */

/* The keys read, whatever the connector calls them. */
enum { K_SECRET, K_HEADER, K_PREFIX, K_LEEWAY, K_VERIFY, K_URL,
	K_INTERNAL, K_STORAGE, K_VERSION, K_COUNT };

/* What a value is, as PHP (or JSON) has it. */
enum { V_NONE, V_STRING, V_NUMBER, V_TRUE, V_FALSE, V_NULL, V_ARRAY,
	V_COMPUTED, V_MASKED };

typedef struct {
	int kind;
	char *p;      /* decoded bytes (strings, number text), owned */
	size_t n;
} raw_value;

/* System values (config.php, config:system:get) and app values (occ
 * config:app:get / config:list), which AppConfig prefers when not empty. */
typedef struct {
	raw_value sys[K_COUNT];
	raw_value app[K_COUNT];
	int failed;   /* out of memory */
} raw_set;

static void
raw_clear(raw_value *v)
{
	oojwt_wipe_free(v->p, v->n + 1);
	v->p = NULL;
	v->n = 0;
	v->kind = V_NONE;
}

static void
raw_set_free(raw_set *r)
{
	int k;

	for (k = 0; k < K_COUNT; k++) {
		raw_clear(&r->sys[k]);
		raw_clear(&r->app[k]);
	}
}

/* Store `n` bytes as the value (a later one wins, as in PHP arrays). */
static void
raw_put(raw_set *r, raw_value *v, int kind, const char *p, size_t n)
{
	raw_clear(v);
	v->kind = kind;
	if (p == NULL) {
		return;
	}
	v->p = (char *)malloc(n + 1);
	if (v->p == NULL) {
		r->failed = 1;
		v->kind = V_NONE;
		return;
	}
	memcpy(v->p, p, n);
	v->p[n] = 0;
	v->n = n;
}

static int
same(const char *a, size_t an, const char *b)
{
	return an == strlen(b) && memcmp(a, b, an) == 0;
}

static int
same_nocase(const char *a, size_t an, const char *b)
{
	size_t i;

	if (an != strlen(b)) {
		return 0;
	}
	for (i = 0; i < an; i++) {
		char x = a[i], y = b[i];
		x = (char)(x >= 'A' && x <= 'Z' ? x + 32 : x);
		y = (char)(y >= 'A' && y <= 'Z' ? y + 32 : y);
		if (x != y) {
			return 0;
		}
	}
	return 1;
}

/* Key `k`'s name in `names` (NULL: none), exact or in any case. */
static int
key_in(const char *const *names, const char *name, size_t n, int nocase)
{
	int k;

	for (k = 0; k < K_COUNT; k++) {
		if (names[k] != NULL && (nocase ? same_nocase(name, n, names[k])
			: same(name, n, names[k])))
		{
			return k;
		}
	}
	return -1;
}

/* Nextcloud/ownCloud names (lib/AppConfig.php): exact case. */
static int
nextcloud_key(const char *name, size_t n)
{
	static const char *const names[K_COUNT] = { "jwt_secret", "jwt_header",
		NULL, "jwt_leeway", "verify_peer_off", "DocumentServerUrl",
		"DocumentServerInternalUrl", "StorageUrl", NULL };

	return key_in(names, name, n, 0);
}

/* Moodle names (settings.php, classes/configuration_constants.php). */
static int
moodle_key(const char *name, size_t n)
{
	static const char *const names[K_COUNT] = { "documentserversecret",
		"jwtheader", NULL, NULL, "disable_verify_ssl", "documentserverurl",
		"documentserverinternal", "storageurl", NULL };

	return key_in(names, name, n, 0);
}

/* Mattermost names (configuration.go): any case, since Mattermost keeps
 * plugin settings with lower-cased names in config.json. */
static int
mattermost_key(const char *name, size_t n)
{
	static const char *const names[K_COUNT] = { "DESJwt", "DESJwtHeader",
		"DESJwtPrefix", NULL, NULL, "DESAddress", NULL, NULL, NULL };

	return key_in(names, name, n, 1);
}

/* What Nextcloud's config:list prints for a sensitive value. */
#define MASKED "***REMOVED SENSITIVE VALUE***"

/* ---- PHP tokens -------------------------------------------------------- */

enum { T_END, T_SQ, T_DQ, T_NUM, T_IDENT, T_VAR, T_LBRACK, T_RBRACK,
	T_LPAREN, T_RPAREN, T_COMMA, T_ARROW, T_SEMI, T_OP, T_ERROR };

typedef struct {
	const char *s;
	size_t n, i;
	int type;                 /* the current token */
	size_t start, end;
	int error;                /* OOJWT_FIND_PHP_SYNTAX or OOJWT_ERR_TOO_DEEP */
	size_t error_pos;
	char what[160];
	int sections;             /* 'onlyoffice' => [...] seen */
	int loose;                /* known keys outside a section */
	raw_set *raw;
	raw_value loose_values[K_COUNT];
} php_reader;

static size_t
line_of(const char *s, size_t pos)
{
	size_t i, line = 1;

	for (i = 0; i < pos; i++) {
		line += s[i] == '\n';
	}
	return line;
}

static void
php_fail(php_reader *r, int code, size_t pos, const char *what)
{
	if (r->error != 0) {
		return;
	}
	r->error = code;
	r->error_pos = pos;
	oojwt_fmt(r->what, sizeof r->what, "%s", what);
	r->type = T_ERROR;
}

static int
ident_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
		|| (c >= '0' && c <= '9') || c >= 0x80 || c == '\\';
}

/* Load the next token into r->type/start/end. */
static void
php_next(php_reader *r)
{
	const char *s = r->s;
	size_t n = r->n, i = r->i;

	if (r->error != 0) {
		r->type = T_ERROR;
		return;
	}
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
			|| s[i] == '\r' || s[i] == '\f' || s[i] == '\v'))
		{
			i++;
		}
		if (i + 1 < n && s[i] == '/' && s[i + 1] == '*') {
			size_t at = i;
			i += 2;
			while (i + 1 < n && !(s[i] == '*' && s[i + 1] == '/')) {
				i++;
			}
			if (i + 1 >= n) {
				php_fail(r, OOJWT_FIND_PHP_SYNTAX, at,
					"a /* comment is not closed");
				return;
			}
			i += 2;
			continue;
		}
		if (i < n && (s[i] == '#' || (s[i] == '/' && i + 1 < n
			&& s[i + 1] == '/')))
		{
			/* A line comment ends at the line's end or at ?>. */
			while (i < n && s[i] != '\n' && !(s[i] == '?' && i + 1 < n
				&& s[i + 1] == '>'))
			{
				i++;
			}
			continue;
		}
		if (i + 4 < n && memcmp(s + i, "<?php", 5) == 0) {
			i += 5;
			continue;
		}
		break;
	}
	r->start = i;
	if (i >= n) {
		r->type = T_END;
		r->i = r->end = n;
		return;
	}
	if (s[i] == '\'' || s[i] == '"') {
		char q = s[i];
		size_t j = i + 1;
		while (j < n && s[j] != q) {
			j += s[j] == '\\' ? 2 : 1;
		}
		if (j >= n) {
			php_fail(r, OOJWT_FIND_PHP_SYNTAX, i, q == '\''
				? "a '...' string is not closed"
				: "a \"...\" string is not closed");
			return;
		}
		r->type = q == '\'' ? T_SQ : T_DQ;
		r->i = r->end = j + 1;
		return;
	}
	if ((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && i + 1 < n
		&& s[i + 1] >= '0' && s[i + 1] <= '9'))
	{
		size_t j = i;
		while (j < n && (ident_char((unsigned char)s[j]) || s[j] == '.'
			|| ((s[j] == '+' || s[j] == '-') && (s[j - 1] == 'e'
			|| s[j - 1] == 'E'))) && s[j] != '\\')
		{
			j++;
		}
		r->type = T_NUM;
		r->i = r->end = j;
		return;
	}
	if (s[i] == '$' || ident_char((unsigned char)s[i])) {
		size_t j = i + 1;
		while (j < n && ident_char((unsigned char)s[j])) {
			j++;
		}
		r->type = s[i] == '$' ? T_VAR : T_IDENT;
		r->i = r->end = j;
		return;
	}
	r->i = r->end = i + 1;
	switch (s[i]) {
	case '[': r->type = T_LBRACK; return;
	case ']': r->type = T_RBRACK; return;
	case '(': r->type = T_LPAREN; return;
	case ')': r->type = T_RPAREN; return;
	case ',': r->type = T_COMMA; return;
	case ';': r->type = T_SEMI; return;
	default: break;
	}
	if (s[i] == '=' && i + 1 < n && s[i + 1] == '>') {
		r->type = T_ARROW;
		r->i = r->end = i + 2;
		return;
	}
	r->type = T_OP;
}

/* PHP's single-quoted string: \\ and \' only. */
static size_t
unquote_single(char *dst, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '\\'
			|| s[i + 1] == '\''))
		{
			i++;
		}
		dst[o++] = s[i];
	}
	return o;
}

static size_t
put_utf8(char *dst, unsigned long c)
{
	if (c < 0x80) {
		dst[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		dst[0] = (char)(0xC0 | (c >> 6));
		dst[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		dst[0] = (char)(0xE0 | (c >> 12));
		dst[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		dst[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	dst[0] = (char)(0xF0 | (c >> 18));
	dst[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	dst[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	dst[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/*
 * PHP's double-quoted string: \n \t \r \v \e \f \\ \$ \", octal \0-\777
 * (mod 256), \xH[H], \u{H...}; any other backslash stays. Returns the
 * length, or (size_t)-1 when a $name or {$ interpolates a variable (the
 * value is computed at run time). `dst` has room for n bytes.
 */
static size_t
unquote_double(char *dst, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == '$' && i + 1 < n && (ident_char((unsigned char)s[i + 1])
			&& !(s[i + 1] >= '0' && s[i + 1] <= '9') && s[i + 1] != '\\'))
		{
			return (size_t)-1;
		}
		if (c == '{' && i + 1 < n && s[i + 1] == '$') {
			return (size_t)-1;
		}
		if (c != '\\' || i + 1 >= n) {
			dst[o++] = c;
			continue;
		}
		c = s[++i];
		switch (c) {
		case 'n': dst[o++] = '\n'; continue;
		case 't': dst[o++] = '\t'; continue;
		case 'r': dst[o++] = '\r'; continue;
		case 'v': dst[o++] = '\v'; continue;
		case 'e': dst[o++] = 27; continue;
		case 'f': dst[o++] = '\f'; continue;
		case '\\': case '$': case '"': dst[o++] = c; continue;
		default: break;
		}
		if (c >= '0' && c <= '7') {
			unsigned v = 0;
			size_t k;
			for (k = 0; k < 3 && i < n && s[i] >= '0' && s[i] <= '7'; k++) {
				v = v * 8 + (unsigned)(s[i++] - '0');
			}
			i--;
			dst[o++] = (char)(v & 0xFF);
			continue;
		}
		if (c == 'x' && i + 1 < n && oojwt_hex_value(s[i + 1]) >= 0) {
			unsigned v = (unsigned)oojwt_hex_value(s[++i]);
			if (i + 1 < n && oojwt_hex_value(s[i + 1]) >= 0) {
				v = v * 16 + (unsigned)oojwt_hex_value(s[++i]);
			}
			dst[o++] = (char)v;
			continue;
		}
		if (c == 'u' && i + 1 < n && s[i + 1] == '{') {
			size_t j = i + 2;
			unsigned long v = 0;
			while (j < n && oojwt_hex_value(s[j]) >= 0 && v <= 0x10FFFF) {
				v = v * 16 + (unsigned long)oojwt_hex_value(s[j++]);
			}
			/* \u{...} takes as many bytes as the escape or fewer. */
			if (j < n && s[j] == '}' && j > i + 2 && v <= 0x10FFFF
				&& !(v >= 0xD800 && v <= 0xDFFF))
			{
				o += put_utf8(dst + o, v);
				i = j;
				continue;
			}
		}
		dst[o++] = '\\';
		dst[o++] = c;
	}
	return o;
}

/* A value the reader has seen: its kind and, for a single string or
 * number token, that token. */
typedef struct {
	int kind;
	int tok_type;
	size_t start, end;
} php_value;

static void php_array(php_reader *r, int close, int collect, int depth);

/* Record the value `v` of key `k` (in the 'onlyoffice' section when
 * `collect`, else loose). */
static void
php_record(php_reader *r, int k, const php_value *v, int collect)
{
	raw_value *dst = collect ? &r->raw->sys[k] : &r->loose_values[k];
	const char *body = r->s + v->start + 1;
	size_t blen = v->end - v->start - 2;
	char *tmp;
	size_t m;

	if (!collect) {
		r->loose = 1;
	}
	if (v->kind != V_STRING || v->tok_type == T_NUM) {
		raw_put(r->raw, dst, v->kind, v->kind == V_NUMBER
			? r->s + v->start : NULL, v->end - v->start);
		return;
	}
	tmp = (char *)malloc(blen + 1);
	if (tmp == NULL) {
		r->raw->failed = 1;
		return;
	}
	m = v->tok_type == T_SQ ? unquote_single(tmp, body, blen)
		: unquote_double(tmp, body, blen);
	if (m == (size_t)-1) {
		raw_put(r->raw, dst, V_COMPUTED, NULL, 0);
	} else {
		raw_put(r->raw, dst, V_STRING, tmp, m);
	}
	oojwt_wipe_free(tmp, blen + 1);
}

/* One value, with what follows it when it is an expression (a . b,
 * -1, getenv('X'), a constant, a variable): those are V_COMPUTED. */
static void
php_value_at(php_reader *r, php_value *v, int collect_key, int depth)
{
	int parts = 0;

	memset(v, 0, sizeof *v);
	for (;;) {
		int t = r->type, kind = V_COMPUTED;
		size_t start = r->start, end = r->end;
		if (t == T_SQ || t == T_DQ) {
			kind = V_STRING;
			php_next(r);
		} else if (t == T_NUM) {
			kind = V_NUMBER;
			php_next(r);
		} else if (t == T_LBRACK) {
			php_array(r, T_RBRACK, collect_key, depth + 1);
			kind = V_ARRAY;
		} else if (t == T_IDENT) {
			const char *id = r->s + start;
			size_t idn = end - start;
			php_next(r);
			if (same_nocase(id, idn, "true")) {
				kind = V_TRUE;
			} else if (same_nocase(id, idn, "false")) {
				kind = V_FALSE;
			} else if (same_nocase(id, idn, "null")) {
				kind = V_NULL;
			} else if (r->type == T_LPAREN) {
				kind = same_nocase(id, idn, "array") ? V_ARRAY : V_COMPUTED;
				php_array(r, T_RPAREN, kind == V_ARRAY ? collect_key : 0,
					depth + 1);
			}
		} else if (t == T_VAR) {
			php_next(r);
		} else if (t == T_LPAREN) {
			php_array(r, T_RPAREN, 0, depth + 1);
		} else if (t == T_OP) {
			/* A unary or binary operator: what follows is computed. */
			php_next(r);
			parts++;
			continue;
		} else {
			php_fail(r, OOJWT_FIND_PHP_SYNTAX, start, t == T_END
				? "the text ends where a value belongs"
				: "a value was expected here");
			return;
		}
		if (++parts == 1) {
			v->kind = kind;
			v->tok_type = t;
			v->start = start;
			v->end = end;
		} else {
			v->kind = V_COMPUTED;
		}
		/* Indexing or calling the result: an expression. */
		while (r->type == T_LBRACK || r->type == T_LPAREN) {
			php_array(r, r->type == T_LBRACK ? T_RBRACK : T_RPAREN, 0,
				depth + 1);
			v->kind = V_COMPUTED;
		}
		if (r->type != T_OP) {
			return;
		}
	}
}

/* A key's name if it is a plain string; NULL otherwise. */
static const char *
key_name(const php_reader *r, const php_value *k, size_t *n)
{
	if (k->kind != V_STRING || (k->tok_type != T_SQ && k->tok_type != T_DQ)) {
		return NULL;
	}
	*n = k->end - k->start - 2;
	return r->s + k->start + 1;
}

/* One element of an array body: value, or key => value. */
static void
php_element(php_reader *r, int collect, int depth)
{
	php_value k, v;
	const char *name;
	size_t nn = 0;
	int key = -1, section = 0;

	php_value_at(r, &k, 0, depth);
	if (r->type != T_ARROW) {
		return;
	}
	php_next(r);
	name = key_name(r, &k, &nn);
	if (name != NULL && memchr(name, '\\', nn) == NULL) {
		section = same(name, nn, "onlyoffice") && depth <= 1;
		key = nextcloud_key(name, nn);
		if (key < 0 && depth <= 1 && same(name, nn, "version")) {
			key = K_VERSION;
		}
	}
	if (section) {
		r->sections++;
	}
	php_value_at(r, &v, section, depth);
	if (key >= 0 && r->error == 0) {
		if (key == K_VERSION) {
			if (v.kind == V_STRING) {
				php_record(r, K_VERSION, &v, 1);
			}
		} else if (collect) {
			php_record(r, key, &v, 1);
		} else if (depth == 0) {
			php_record(r, key, &v, 0);
		}
	}
}

/* An array whose opener is the current token; `close` ends it. */
static void
php_array(php_reader *r, int close, int collect, int depth)
{
	size_t open = r->start;

	if (depth > OOJWT_SETTINGS_MAX_DEPTH) {
		php_fail(r, OOJWT_ERR_TOO_DEEP, open, "arrays are nested deeper "
			"than oojwt reads");
		return;
	}
	php_next(r);
	for (;;) {
		if (r->type == close) {
			php_next(r);
			return;
		}
		if (r->type == T_END) {
			php_fail(r, OOJWT_FIND_PHP_SYNTAX, open, close == T_RBRACK
				? "a [ is not closed" : "a ( is not closed");
			return;
		}
		if (r->type == T_ERROR) {
			return;
		}
		php_element(r, collect, depth);
		if (r->type == T_COMMA) {
			php_next(r);
		} else if (r->type != close && r->type != T_ERROR) {
			php_fail(r, OOJWT_FIND_PHP_SYNTAX, r->start, r->type == T_END
				? (close == T_RBRACK ? "a [ is not closed"
				: "a ( is not closed")
				: "a comma or the end of the array was expected here");
			if (r->type != T_END) {
				return;
			}
			r->error_pos = open;
			return;
		}
	}
}

/* Read config.php text (or a part of it) into raw->sys. 1 when it has
 * the section or loose Nextcloud keys. */
static int
php_read(oojwt_connector_settings *s, raw_set *raw, const char *text,
	size_t len)
{
	php_reader r;
	int k;

	memset(&r, 0, sizeof r);
	r.s = text;
	r.n = len;
	r.raw = raw;
	php_next(&r);
	/* The file: statements ($CONFIG = array(...);) or a bare list of
	 * elements ('onlyoffice' => [...],) pasted from the middle. */
	while (r.type != T_END && r.type != T_ERROR) {
		if (r.type == T_SQ || r.type == T_DQ || r.type == T_NUM
			|| r.type == T_LBRACK || r.type == T_IDENT)
		{
			php_element(&r, 0, 0);
		} else {
			php_next(&r);
		}
	}
	if (r.sections == 0) {
		for (k = 0; k < K_COUNT; k++) {
			if (r.loose_values[k].kind != V_NONE && k != K_VERSION) {
				raw_clear(&raw->sys[k]);
				raw->sys[k] = r.loose_values[k];
				memset(&r.loose_values[k], 0, sizeof r.loose_values[k]);
			}
		}
	}
	for (k = 0; k < K_COUNT; k++) {
		raw_clear(&r.loose_values[k]);
	}
	if (r.error != 0) {
		/* The sentences of php_fail, named for the catalogs. */
		static const char *const reasons[][2] = {
			{ "a /* comment is not closed", "comment" },
			{ "a '...' string is not closed", "single_quote" },
			{ "a \"...\" string is not closed", "double_quote" },
			{ "the text ends where a value belongs", "value_end" },
			{ "a value was expected here", "value" },
			{ "a [ is not closed", "bracket" },
			{ "a ( is not closed", "paren" },
			{ "a comma or the end of the array was expected here", "comma" }
		};
		char msg[OOJWT_MESSAGE_LEN], path[OOJWT_PATH_LEN];
		char pbuf[OOJWT_PARAMS_LEN];
		oojwt_params p;
		size_t w;
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		for (w = 0; w < sizeof reasons / sizeof reasons[0]; w++) {
			if (strcmp(r.what, reasons[w][0]) == 0) {
				oojwt_params_str(&p, "reason", reasons[w][1],
					strlen(reasons[w][1]));
			}
		}
		oojwt_fmt(path, sizeof path, "line %z", line_of(text, r.error_pos));
		oojwt_fmtp(msg, sizeof msg, r.error == OOJWT_ERR_TOO_DEEP ? NULL : &p,
			"line", "config.php, line %z: %s; PHP would refuse the file "
			"(Nextcloud answers every page with an error), and oojwt reads "
			"only the settings before this point", line_of(text, r.error_pos),
			r.what);
		if (r.error == OOJWT_ERR_TOO_DEEP) {
			/* too_deep's sentence is "{part}: {detail}" */
			size_t colon = (size_t)(strchr(msg, ':') - msg);
			oojwt_params_str(&p, "part", msg, colon);
			oojwt_params_str(&p, "detail", msg + colon + 2,
				strlen(msg + colon + 2));
			oojwt_params_str(&p, "source", "config_php", 10);
		}
		oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR, r.error, path, msg,
			r.error == OOJWT_ERR_TOO_DEEP ? "paste the 'onlyoffice' section "
			"alone" : "close the string, comment or array (php -l config.php "
			"names the same line)", pbuf);
	}
	return r.sections > 0 || r.loose;
}

/* ---- line forms: occ config:app:get, Moodle name/value lists ----------- */

static size_t
find(const char *s, size_t n, const char *what)
{
	size_t m = strlen(what), i;

	for (i = 0; i + m <= n; i++) {
		if (s[i] == what[0] && memcmp(s + i, what, m) == 0) {
			return i;
		}
	}
	return (size_t)-1;
}

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * `occ config:app:get onlyoffice KEY` (app values) and `occ
 * config:system:get onlyoffice KEY` (config.php values) each followed by
 * the line occ printed; a key occ does not have prints nothing. 1 when a
 * command was found.
 */
static int
occ_read(raw_set *raw, const char *text, size_t len)
{
	size_t i = 0;
	int found = 0;

	while (i < len) {
		size_t e = i, at, j, ks;
		int app;
		while (e < len && text[e] != '\n') {
			e++;
		}
		at = find(text + i, e - i, "config:app:get");
		app = at != (size_t)-1;
		if (!app) {
			at = find(text + i, e - i, "config:system:get");
		}
		if (at == (size_t)-1) {
			i = e + 1;
			continue;
		}
		j = i + at + (app ? 14 : 17);
		while (j < e && blank(text[j])) {
			j++;
		}
		if (e - j < 10 || memcmp(text + j, "onlyoffice", 10) != 0
			|| (j + 10 < e && !blank(text[j + 10])))
		{
			i = e + 1;
			continue;
		}
		j += 10;
		while (j < e && blank(text[j])) {
			j++;
		}
		ks = j;
		while (j < e && !blank(text[j]) && text[j] != '\r') {
			j++;
		}
		found = 1;
		{
			int k = nextcloud_key(text + ks, j - ks);
			size_t vs = e + 1, ve;
			int has = 0;
			ve = vs;
			while (ve < len && text[ve] != '\n') {
				ve++;
			}
			if (vs < len && find(text + vs, ve - vs, "config:app:get")
				== (size_t)-1 && find(text + vs, ve - vs, "config:system:get")
				== (size_t)-1)
			{
				has = 1;
			}
			if (k >= 0 && has) {
				size_t n = ve - vs;
				raw_value *dst = app ? &raw->app[k] : &raw->sys[k];
				if (n > 0 && text[vs + n - 1] == '\r') {
					n--;
				}
				if (same(text + vs, n, MASKED)) {
					raw_put(raw, dst, V_MASKED, NULL, 0);
				} else {
					raw_put(raw, dst, V_STRING, text + vs, n);
				}
			}
			i = has ? ve + 1 : e + 1;
		}
	}
	return found;
}

/* Moodle: "[onlyofficeeditor/|onlyofficeeditor | ]name<sep>value"
 * lines, sep a tab, ':', '=' or '=>'. 1 when a Moodle name was found. */
static int
moodle_lines(raw_set *raw, const char *text, size_t len)
{
	static const char *const prefixes[] = { "mod_onlyofficeeditor/",
		"onlyofficeeditor/", "onlyofficeeditor | ", "s_onlyofficeeditor_",
		"mod_onlyofficeeditor | " };
	size_t i = 0, p;
	int found = 0;

	while (i < len) {
		size_t e = i, j = i, ns;
		int k;
		while (e < len && text[e] != '\n') {
			e++;
		}
		while (j < e && blank(text[j])) {
			j++;
		}
		for (p = 0; p < sizeof prefixes / sizeof *prefixes; p++) {
			size_t m = strlen(prefixes[p]);
			if (e - j >= m && memcmp(text + j, prefixes[p], m) == 0) {
				j += m;
				break;
			}
		}
		ns = j;
		while (j < e && ((text[j] >= 'a' && text[j] <= 'z') || text[j] == '_')) {
			j++;
		}
		k = moodle_key(text + ns, j - ns);
		if (k >= 0) {
			size_t vs = j, ve = e;
			int sep = 0;
			if (vs < e && text[vs] == '\t') {
				vs++;
				sep = 1;
			} else {
				while (vs < e && text[vs] == ' ') {
					vs++;
				}
				if (vs + 1 < e && text[vs] == '=' && text[vs + 1] == '>') {
					vs += 2;
					sep = 1;
				} else if (vs < e && (text[vs] == ':' || text[vs] == '=')) {
					vs++;
					sep = 1;
				}
				while (sep && vs < e && text[vs] == ' ') {
					vs++;
				}
			}
			if (ve > vs && text[ve - 1] == '\r') {
				ve--;
			}
			if (sep || vs == e) {
				raw_put(raw, &raw->sys[k], V_STRING, text + vs, ve - vs);
				found = 1;
			}
		}
		i = e + 1;
	}
	return found;
}

/* ---- JSON forms -------------------------------------------------------- */

static void
json_put(raw_set *raw, raw_value *dst, const oojwt_jv *v)
{
	switch (oojwt_json_type(v)) {
	case OOJWT_JSON_STRING: {
		const char *str = oojwt_json_string(v);
		raw_put(raw, dst, same(str, strlen(str), MASKED) ? V_MASKED
			: V_STRING, same(str, strlen(str), MASKED) ? NULL : str,
			strlen(str));
		break;
	}
	case OOJWT_JSON_NUMBER: {
		char num[32];
		double d = oojwt_json_number(v);
		oojwt_fmt(num, sizeof num, "%t", d);
		raw_put(raw, dst, V_NUMBER, num, strlen(num));
		break;
	}
	case OOJWT_JSON_TRUE: raw_put(raw, dst, V_TRUE, NULL, 0); break;
	case OOJWT_JSON_FALSE: raw_put(raw, dst, V_FALSE, NULL, 0); break;
	case OOJWT_JSON_NULL: raw_put(raw, dst, V_NULL, NULL, 0); break;
	default: raw_put(raw, dst, V_ARRAY, NULL, 0); break;
	}
}

/* The members of `obj` that `key` names, into `dst`. 1 when any. */
static int
json_members(raw_set *raw, raw_value *dst, const oojwt_jv *obj,
	int (*key)(const char *, size_t))
{
	const oojwt_jv *c;
	const char *name;
	int any = 0;

	for (c = oojwt_json_first(obj, &name); c != NULL;
		c = oojwt_json_next(c, &name))
	{
		int k = key(name, strlen(name));
		if (k >= 0) {
			json_put(raw, &dst[k], c);
			any = 1;
		}
	}
	return any;
}

static const oojwt_jv *
get_nocase(const oojwt_jv *obj, const char *want)
{
	const oojwt_jv *c;
	const char *name;

	for (c = oojwt_json_first(obj, &name); c != NULL;
		c = oojwt_json_next(c, &name))
	{
		if (same_nocase(name, strlen(name), want)) {
			return c;
		}
	}
	return NULL;
}

/* The form of a JSON text (0 when none fits). */
static int
json_read(oojwt_connector_settings *s, raw_set *raw, const char *text,
	size_t len)
{
	oojwt_jv *root = NULL;
	const oojwt_jv *o;
	char msg[OOJWT_MESSAGE_LEN];
	size_t dups = 0;
	long pos = -1;
	int code, form = 0;

	code = oojwt_json_parse_ex(&root, text, len, OOJWT_JSON_LAST_WINS, &dups,
		&pos, msg);
	if (code == OOJWT_ERR_NO_MEMORY) {
		raw->failed = 1;
		return 0;
	}
	if (code != OOJWT_OK) {
		oojwt_ds_findingf(s, OOJWT_SEVERITY_ERROR, code, "", "paste the whole "
			"JSON output (occ ... --output=json, config.json)", "detail,source",
			"the text starts like JSON but is not read: %s%k", msg,
			OOJWT_SEL("json_text"));
		return -1;
	}
	/* Mattermost: config.json, its PluginSettings, Plugins or the
	 * plugin's object. */
	o = get_nocase(root, "PluginSettings");
	o = o != NULL ? o : root;
	o = get_nocase(o, "Plugins") != NULL ? get_nocase(o, "Plugins") : o;
	o = get_nocase(o, "com.onlyoffice.mattermost") != NULL
		? get_nocase(o, "com.onlyoffice.mattermost") : o;
	if (oojwt_json_type(o) == OOJWT_JSON_OBJECT
		&& json_members(raw, raw->sys, o, mattermost_key))
	{
		form = OOJWT_SETTINGS_MATTERMOST;
	}
	/* occ config:list onlyoffice / config:list system. */
	if (form == 0) {
		const oojwt_jv *app = oojwt_json_at(root, "apps.onlyoffice");
		const oojwt_jv *sys = oojwt_json_get(root, "system");
		int any = 0;
		if (oojwt_json_type(app) == OOJWT_JSON_OBJECT) {
			any |= json_members(raw, raw->app, app, nextcloud_key);
			any = 1;
		}
		if (oojwt_json_type(sys) == OOJWT_JSON_OBJECT) {
			const oojwt_jv *ver = oojwt_json_get(sys, "version");
			const oojwt_jv *sec = oojwt_json_get(sys, "onlyoffice");
			if (oojwt_json_type(ver) == OOJWT_JSON_STRING) {
				json_put(raw, &raw->sys[K_VERSION], ver);
			}
			if (oojwt_json_type(sec) == OOJWT_JSON_OBJECT) {
				json_members(raw, raw->sys, sec, nextcloud_key);
				any = 1;
			}
		}
		if (!any && json_members(raw, raw->app, root, nextcloud_key)) {
			any = 1;
		}
		form = any ? OOJWT_SETTINGS_OCC_LIST : 0;
	}
	if (form == 0 && json_members(raw, raw->sys, root, moodle_key)) {
		form = OOJWT_SETTINGS_MOODLE;
	}
	oojwt_json_free_wipe(root);
	return form;
}

/* ---- from raw values to the connector's effective settings ------------ */

/* PHP's empty(): "", "0", 0, false, null, [] (and an unset value). */
static int
php_empty(const raw_value *v)
{
	size_t i;

	switch (v->kind) {
	case V_STRING:
		return v->n == 0 || (v->n == 1 && v->p[0] == '0');
	case V_NUMBER:
		for (i = 0; i < v->n && v->p[i] != 'e' && v->p[i] != 'E'; i++) {
			if (v->p[i] >= '1' && v->p[i] <= '9') {
				return 0;
			}
			if (i == 1 && (v->p[1] == 'x' || v->p[1] == 'X'
				|| v->p[1] == 'b' || v->p[1] == 'B'))
			{
				return v->n <= 2 || (v->n == 3 && v->p[2] == '0');
			}
		}
		return 1;
	case V_TRUE: case V_ARRAY: case V_COMPUTED: case V_MASKED:
		return 0;
	default:
		return 1;
	}
}

/* PHP's (integer) of a value (leading digits of a string). */
static long
php_int(const raw_value *v)
{
	size_t i = 0;
	long x = 0;
	int neg = 0;

	if (v->kind == V_TRUE) {
		return 1;
	}
	if (v->kind != V_STRING && v->kind != V_NUMBER) {
		return 0;
	}
	while (i < v->n && (v->p[i] == ' ' || v->p[i] == '\t' || v->p[i] == '\n'
		|| v->p[i] == '\r'))
	{
		i++;
	}
	if (i < v->n && (v->p[i] == '-' || v->p[i] == '+')) {
		neg = v->p[i++] == '-';
	}
	for (; i < v->n && v->p[i] >= '0' && v->p[i] <= '9'; i++) {
		if (x < 100000000L) {
			x = x * 10 + (v->p[i] - '0');
		}
	}
	return neg ? -x : x;
}

static int
setting_from(raw_set *raw, oojwt_setting *dst, const raw_value *v)
{
	dst->set = v->kind != V_NONE;
	if (v->kind == V_STRING || v->kind == V_NUMBER) {
		dst->p = (char *)malloc(v->n + 1);
		if (dst->p == NULL) {
			raw->failed = 1;
			return 0;
		}
		memcpy(dst->p, v->p, v->n);
		dst->p[v->n] = 0;
		dst->n = v->n;
	} else if (v->kind == V_TRUE) {
		/* PHP prints true as "1". */
		return setting_from(raw, dst, &(raw_value){ V_STRING, "1", 1 });
	} else if (v->kind == V_FALSE || v->kind == V_NULL) {
		return setting_from(raw, dst, &(raw_value){ V_STRING, "", 0 });
	}
	return 1;
}

/* Go's strings.TrimSpace: ASCII blanks, U+0085, U+00A0 and the Unicode
 * spaces (U+1680, U+2000-200A, U+2028-2029, U+202F, U+205F, U+3000). */
size_t
oojwt_cs_space_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0) {
		return 0;
	}
	if (u[0] == ' ' || (u[0] >= '\t' && u[0] <= '\r')) {
		return 1;
	}
	if (n >= 2 && u[0] == 0xC2 && (u[1] == 0x85 || u[1] == 0xA0)) {
		return 2;
	}
	if (n >= 3 && u[0] == 0xE1 && u[1] == 0x9A && u[2] == 0x80) {
		return 3;
	}
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8A
		|| u[2] == 0xA8 || u[2] == 0xA9 || u[2] == 0xAF))
	{
		return 3;
	}
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) {
		return 3;
	}
	if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) {
		return 3;
	}
	return 0;
}

static void
trim_space(oojwt_setting *v)
{
	size_t a = 0, b = 0, i = 0, w;

	if (v->p == NULL) {
		return;
	}
	while ((w = oojwt_cs_space_at(v->p + a, v->n - a)) > 0) {
		a += w;
	}
	b = a;
	i = a;
	while (i < v->n) {
		w = oojwt_cs_space_at(v->p + i, v->n - i);
		if (w == 0) {
			w = 1;
			b = i + 1;
		}
		i += w;
	}
	memmove(v->p, v->p + a, b - a);
	oojwt_wipe(v->p + (b - a), v->n - (b - a));
	v->n = b - a;
}

/* The connector's default in place of an empty value; `set` says
 * whether the text gave one. */
static void
put_default(raw_set *raw, oojwt_setting *dst, const char *def)
{
	int was = dst->set;

	oojwt_wipe_free(dst->p, dst->n + 1);
	dst->p = NULL;
	dst->n = 0;
	setting_from(raw, dst, &(raw_value){ V_STRING, (char *)def,
		strlen(def) });
	dst->set = was;
}

/* Nextcloud / ownCloud: AppConfig prefers a non-empty app value. */
static void
resolve_nextcloud(oojwt_connector_settings *s, raw_set *raw)
{
	static const int keys[] = { K_SECRET, K_HEADER, K_URL, K_INTERNAL,
		K_STORAGE };
	oojwt_setting *const dst[] = { &s->secret, &s->header, &s->url_ds,
		&s->url_internal, &s->url_storage };
	size_t i;

	for (i = 0; i < sizeof keys / sizeof *keys; i++) {
		const raw_value *v = !php_empty(&raw->app[keys[i]])
			? &raw->app[keys[i]] : &raw->sys[keys[i]];
		if (v->kind == V_MASKED) {
			dst[i]->set = 1;
			oojwt_cs_add(s, OOJWT_SEVERITY_INFO,
				OOJWT_FIND_CONNECTOR_SECRET_HIDDEN, keys[i] == K_SECRET
				? "jwt_secret" : "onlyoffice", "occ printed this value as "
				MASKED ", so the secret cannot be compared",
				"run occ config:list onlyoffice --private, or occ "
				"config:app:get onlyoffice jwt_secret");
			continue;
		}
		if (v->kind == V_COMPUTED) {
			dst[i]->set = 1;
			oojwt_cs_addp(s, OOJWT_SEVERITY_INFO,
				OOJWT_FIND_SETTINGS_UNRECOGNISED, "onlyoffice",
				"a value in the 'onlyoffice' section is computed when PHP "
				"runs (a variable, a constant, getenv(), a concatenation): "
				"oojwt does not guess it",
				"paste the value occ config:system:get onlyoffice KEY prints",
				"{\"reason\":\"computed\"}");
			continue;
		}
		setting_from(raw, dst[i], v);
	}
	/* jwtHeader: empty means Authorization. */
	s->header_set = !php_empty(&raw->app[K_HEADER])
		|| !php_empty(&raw->sys[K_HEADER]);
	if (!s->header_set) {
		put_default(raw, &s->header, "Authorization");
	}
	put_default(raw, &s->prefix, "Bearer ");
	/* getJwtLeeway reads config.php only. */
	s->leeway = php_int(&raw->sys[K_LEEWAY]);
	if (raw->sys[K_LEEWAY].kind == V_COMPUTED) {
		s->leeway = -1;
		oojwt_cs_addp(s, OOJWT_SEVERITY_INFO,
			OOJWT_FIND_SETTINGS_UNRECOGNISED, "jwt_leeway",
			"jwt_leeway is computed when PHP runs: oojwt does not guess it",
			"paste the value occ config:system:get onlyoffice jwt_leeway "
			"prints", "{\"reason\":\"leeway_computed\"}");
	}
	if (raw->app[K_LEEWAY].kind != V_NONE) {
		oojwt_cs_add(s, OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_CONNECTOR_SETTING_NO_EFFECT, "jwt_leeway",
			"jwt_leeway is set as an app value (occ config:app:set), but the "
			"connector reads it from config.php only, so it has no effect",
			"put 'jwt_leeway' => 30 in the 'onlyoffice' section of "
			"config.php (occ config:system:set onlyoffice jwt_leeway "
			"--value=30 --type=integer)");
	}
	/* getVerifyPeerOff: a non-empty app value must be "true". */
	if (!php_empty(&raw->app[K_VERIFY])) {
		s->verify_peer_off = raw->app[K_VERIFY].kind == V_STRING
			&& same(raw->app[K_VERIFY].p, raw->app[K_VERIFY].n, "true");
	} else if (raw->sys[K_VERIFY].kind != V_NONE) {
		s->verify_peer_off = !php_empty(&raw->sys[K_VERIFY]);
	}
}

static void
resolve_moodle(oojwt_connector_settings *s, raw_set *raw)
{
	setting_from(raw, &s->secret, &raw->sys[K_SECRET]);
	setting_from(raw, &s->header, &raw->sys[K_HEADER]);
	setting_from(raw, &s->url_ds, &raw->sys[K_URL]);
	setting_from(raw, &s->url_internal, &raw->sys[K_INTERNAL]);
	setting_from(raw, &s->url_storage, &raw->sys[K_STORAGE]);
	/* document_service.php: an empty jwtheader means Authorization. */
	s->header_set = s->header.p != NULL && s->header.n > 0;
	if (!s->header_set) {
		put_default(raw, &s->header, "Authorization");
	}
	put_default(raw, &s->prefix, "Bearer ");
	s->leeway = 60;   /* classes/jwt_wrapper.php: JWT::$leeway = 60 */
	if (raw->sys[K_VERIFY].kind != V_NONE) {
		s->verify_peer_off = !php_empty(&raw->sys[K_VERIFY]);
	}
}

static void
resolve_mattermost(oojwt_connector_settings *s, raw_set *raw)
{
	setting_from(raw, &s->secret, &raw->sys[K_SECRET]);
	setting_from(raw, &s->header, &raw->sys[K_HEADER]);
	setting_from(raw, &s->prefix, &raw->sys[K_PREFIX]);
	setting_from(raw, &s->url_ds, &raw->sys[K_URL]);
	s->header_set = s->header.set;
	/* plugin.json defaults. */
	if (!s->header.set) {
		put_default(raw, &s->header, "AuthorizationJWT");
	}
	if (!s->prefix.set) {
		put_default(raw, &s->prefix, "Bearer ");
	}
	/* SanitizeConfiguration. */
	trim_space(&s->secret);
	trim_space(&s->header);
	trim_space(&s->prefix);
	trim_space(&s->url_ds);
	while (s->url_ds.p != NULL && s->url_ds.n > 0
		&& s->url_ds.p[s->url_ds.n - 1] == '/')
	{
		s->url_ds.p[--s->url_ds.n] = 0;
	}
	s->leeway = -1;
	/* IsValid (demo mode aside). */
	if (s->secret.p == NULL || s->secret.n == 0 || s->header.n == 0
		|| s->prefix.n == 0)
	{
		oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_CONNECTOR_HEADER_REFUSED, s->secret.n == 0 ? "DESJwt"
			: s->header.n == 0 ? "DESJwtHeader" : "DESJwtPrefix",
			"the plugin refuses its configuration: the secret, the header "
			"and the prefix must all be non-empty (after trimming spaces)",
			"fill in the secret, header and prefix in the plugin's settings",
			"{\"reason\":\"empty\"}");
	} else if (same(s->header.p, s->header.n, "Authorization")) {
		oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR,
			OOJWT_FIND_CONNECTOR_HEADER_REFUSED, "DESJwtHeader",
			"the plugin refuses Authorization as the JWT header (Mattermost "
			"uses that header for its own sessions): its configuration is "
			"invalid and the editors do not open",
			"use AuthorizationJWT in the plugin and as Document Server's "
			"token.inbox.header and token.outbox.header (JWT_HEADER)",
			"{\"reason\":\"plugin_authorization\"}");
	}
}

/* Read-time findings that need no server configuration. */
static void
own_findings(oojwt_connector_settings *s)
{
	char msg[OOJWT_MESSAGE_LEN], pbuf[OOJWT_PARAMS_LEN];
	oojwt_params p;
	int php_jwt = s->connector == OOJWT_CONNECTOR_NEXTCLOUD
		|| s->connector == OOJWT_CONNECTOR_OWNCLOUD;

	if (php_jwt && s->leeway <= 0 && s->leeway != -1 && s->secret.p != NULL
		&& s->secret.n > 0)
	{
		oojwt_params_init(&p, pbuf, sizeof pbuf);
		oojwt_fmtp(msg, sizeof msg, &p, "leeway", "jwt_leeway is %l: php-jwt "
			"refuses a callback whose iat is even 1 second ahead of this "
			"server's clock (\"Cannot handle token with iat prior to ...\"), "
			"so a Document Server clock that runs ahead breaks saving",
			s->leeway);
		oojwt_cs_addp(s, OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_CONNECTOR_LEEWAY_ZERO, "jwt_leeway", msg,
			"add 'jwt_leeway' => 30 to the 'onlyoffice' section of "
			"config.php, and keep both clocks synchronised (NTP)", pbuf);
	}
	if (s->verify_peer_off == 1) {
		oojwt_cs_addp(s, OOJWT_SEVERITY_WARNING,
			OOJWT_FIND_CONNECTOR_VERIFY_PEER, s->connector
			== OOJWT_CONNECTOR_MOODLE ? "disable_verify_ssl" : "verify_peer_off",
			"certificate checks are off for the connector's requests to "
			"Document Server: anyone between the two can read the tokens and "
			"the secret's signatures", "give Document Server a certificate the "
			"connector trusts, then turn certificate checks back on",
			"{\"reason\":\"off\"}");
	}
}

int
oojwt_connector_settings_read(oojwt_connector_settings *s,
	const char *text, size_t len)
{
	raw_set raw;
	size_t i = 0;

	if (s == NULL || (text == NULL && len != 0)) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	memset(s, 0, sizeof *s);
	memset(&raw, 0, sizeof raw);
	s->leeway = -1;
	s->verify_peer_off = -1;
	if (len > OOJWT_SETTINGS_MAX_LEN) {
		oojwt_ds_findingf(s, OOJWT_SEVERITY_ERROR, OOJWT_ERR_TOO_LARGE, "",
			"paste the 'onlyoffice' section or the plugin's settings alone",
			"length,limit,reason", "the text is %z bytes; oojwt reads "
			"connector settings up to %z bytes%k", len,
			(size_t)OOJWT_SETTINGS_MAX_LEN, "settings");
		return OOJWT_OK;
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		i = 3;
	}
	while (i < len && (blank(text[i]) || text[i] == '\n' || text[i] == '\r')) {
		i++;
	}
	if (i < len && text[i] == '{') {
		int f = json_read(s, &raw, text + i, len - i);
		s->form = f > 0 ? f : 0;
		if (f < 0) {
			s->form = OOJWT_SETTINGS_UNKNOWN;
			goto done;
		}
	} else if (occ_read(&raw, text, len)) {
		s->form = OOJWT_SETTINGS_OCC_GET;
	} else if (find(text, len, "=>") != (size_t)-1
		&& moodle_lines(&raw, text, len) == 0)
	{
		raw_set_free(&raw);
		if (php_read(s, &raw, text, len) || s->n_findings > 0) {
			s->form = OOJWT_SETTINGS_PHP_CONFIG;
		}
	} else if (moodle_lines(&raw, text, len)) {
		s->form = OOJWT_SETTINGS_MOODLE;
	}
	if (raw.failed) {
		goto oom;
	}
	switch (s->form) {
	case OOJWT_SETTINGS_PHP_CONFIG: case OOJWT_SETTINGS_OCC_GET:
	case OOJWT_SETTINGS_OCC_LIST: {
		const raw_value *ver = &raw.sys[K_VERSION];
		s->connector = OOJWT_CONNECTOR_NEXTCLOUD;
		/* ownCloud is at 10.x; Nextcloud left 10 behind in 2017. */
		if (ver->kind == V_STRING && ver->n >= 2) {
			s->certain = 1;
			if (ver->p[0] == '1' && ver->p[1] == '0'
				&& (ver->n == 2 || ver->p[2] == '.'))
			{
				s->connector = OOJWT_CONNECTOR_OWNCLOUD;
			}
		}
		resolve_nextcloud(s, &raw);
		break;
	}
	case OOJWT_SETTINGS_MOODLE:
		s->connector = OOJWT_CONNECTOR_MOODLE;
		s->certain = 1;
		resolve_moodle(s, &raw);
		break;
	case OOJWT_SETTINGS_MATTERMOST:
		s->connector = OOJWT_CONNECTOR_MATTERMOST;
		s->certain = 1;
		resolve_mattermost(s, &raw);
		break;
	default:
		if (s->n_findings == 0) {
			oojwt_cs_addp(s, OOJWT_SEVERITY_ERROR,
				OOJWT_FIND_SETTINGS_UNRECOGNISED, "",
				"the text is none of the connector settings oojwt reads: "
				"config.php with an 'onlyoffice' section, occ output, the "
				"Moodle plugin's settings, or the Mattermost plugin's JSON",
				"paste one of those as it is", "{\"reason\":\"none\"}");
		}
		break;
	}
	if (raw.failed) {
		goto oom;
	}
	own_findings(s);
done:
	raw_set_free(&raw);
	return OOJWT_OK;
oom:
	raw_set_free(&raw);
	oojwt_connector_settings_free(s);
	return OOJWT_ERR_NO_MEMORY;
}

static void
setting_free(oojwt_setting *v)
{
	oojwt_wipe_free(v->p, v->n + 1);
	v->p = NULL;
	v->n = 0;
}

void
oojwt_connector_settings_free(oojwt_connector_settings *s)
{
	if (s == NULL) {
		return;
	}
	setting_free(&s->secret);
	setting_free(&s->header);
	setting_free(&s->prefix);
	setting_free(&s->url_ds);
	setting_free(&s->url_internal);
	setting_free(&s->url_storage);
	oojwt_wipe(s, sizeof *s);
}
