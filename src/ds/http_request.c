/*
 * An HTTP request as a receiver sees it: the raw text people paste (a
 * request line, header lines, an empty line, the body) or the
 * {headers, body, method, url} object the JS module builds, read into one
 * oojwt_http_request; header values as Node hands them to Express's
 * req.get(); the URL's query string as Express's parser gives req.query
 * (flat names, repeated names as arrays). Used by request.c.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "ds.h"

static int
is_tchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
		|| (c >= 'A' && c <= 'Z') || (c != 0 && strchr("!#$%&'*+-.^_`|~", c)
		!= NULL);
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
same_name(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	if (an != bn) {
		return 0;
	}
	for (i = 0; i < an; i++) {
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i])) {
			return 0;
		}
	}
	return 1;
}

static void
add_field(oojwt_http_request *h, const char *name, size_t name_len,
	const char *value, size_t value_len)
{
	oojwt_http_field *f;

	if (h->n_fields >= OOJWT_HTTP_MAX_FIELDS) {
		h->dropped++;
		return;
	}
	/* Node trims spaces and tabs around a value. */
	while (value_len > 0 && (value[0] == ' ' || value[0] == '\t')) {
		value++;
		value_len--;
	}
	while (value_len > 0 && (value[value_len - 1] == ' '
		|| value[value_len - 1] == '\t'))
	{
		value_len--;
	}
	f = &h->fields[h->n_fields++];
	f->name = name;
	f->name_len = name_len;
	f->value = value;
	f->value_len = value_len;
}

/* End of the line starting at `i` (the '\n' or len) and its length
 * without a final '\r'. */
static size_t
line_end(const char *s, size_t len, size_t i, size_t *n)
{
	size_t e = i;

	while (e < len && s[e] != '\n') {
		e++;
	}
	*n = e - i;
	if (*n > 0 && s[i + *n - 1] == '\r') {
		(*n)--;
	}
	return e;
}

/* Length of the header name of a "Name: value" line, 0 when it is not. */
static size_t
header_name(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && is_tchar((unsigned char)s[k])) {
		k++;
	}
	return k > 0 && k < n && s[k] == ':' ? k : 0;
}

/* "METHOD TARGET" or "METHOD TARGET HTTP/x.y": 1 and the parts. */
static int
request_line(oojwt_http_request *h, const char *s, size_t n)
{
	size_t m = 0, t, te;

	while (m < n && s[m] >= 'A' && s[m] <= 'Z') {
		m++;
	}
	if (m == 0 || m >= n || s[m] != ' ') {
		return 0;
	}
	t = m + 1;
	te = t;
	while (te < n && s[te] != ' ') {
		te++;
	}
	if (te == t || (te < n && (n - te - 1 < 5
		|| memcmp(s + te + 1, "HTTP/", 5) != 0)))
	{
		return 0;
	}
	h->method = s;
	h->method_len = m;
	h->target = s + t;
	h->target_len = te - t;
	return 1;
}

static void
read_raw(oojwt_http_request *h, const char *s, size_t len)
{
	size_t i = 0, n, e;

	e = line_end(s, len, 0, &n);
	if (request_line(h, s, n)) {
		i = e + 1;
	} else if (header_name(s, n) == 0) {
		/* Neither a request line nor a header: the text is the body. */
		h->body = s;
		h->body_len = len;
		return;
	}
	while (i < len) {
		size_t k;
		e = line_end(s, len, i, &n);
		if (n == 0) {
			h->body = s + (e < len ? e + 1 : len);
			h->body_len = len - (size_t)(h->body - s);
			return;
		}
		k = header_name(s + i, n);
		if (k > 0) {
			add_field(h, s + i, k, s + i + k + 1, n - k - 1);
		} else if (h->bad_line < 0) {
			h->bad_line = (long)i;
		}
		i = e + 1;
	}
}

/* ---- the {headers, body, method, url} form ------------------------------ */

static const char *
str_of(const oojwt_jv *v, size_t *n)
{
	const char *s;

	if (oojwt_json_type(v) != OOJWT_JSON_STRING) {
		return NULL;
	}
	s = oojwt_json_string(v);
	*n = strlen(s);
	return s;
}

/* One header: a string value, or an array of strings (each one field). */
static int
add_value(oojwt_http_request *h, const char *name, const oojwt_jv *v)
{
	size_t i, n, vn;
	const char *s;

	if (oojwt_json_type(v) == OOJWT_JSON_ARRAY) {
		for (i = 0; i < oojwt_json_array_size(v); i++) {
			if (add_value(h, name, oojwt_json_array_at(v, i)) != OOJWT_OK) {
				return OOJWT_ERR_BAD_ARGUMENT;
			}
		}
		return OOJWT_OK;
	}
	s = str_of(v, &vn);
	if (s == NULL) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	n = strlen(name);
	add_field(h, name, n, s, vn);
	return OOJWT_OK;
}

static int
read_parts(oojwt_http_request *h, const oojwt_jv *root, char *msg)
{
	const oojwt_jv *hs = oojwt_json_get(root, "headers");
	const oojwt_jv *body = oojwt_json_get(root, "body");
	size_t i, n;

	h->method = str_of(oojwt_json_get(root, "method"), &h->method_len);
	h->target = str_of(oojwt_json_get(root, "url"), &h->target_len);
	if (oojwt_json_type(hs) == OOJWT_JSON_OBJECT) {
		for (i = 0; i < oojwt_json_object_size(hs); i++) {
			const char *name;
			const oojwt_jv *v = oojwt_json_member_at(hs, i, &name);
			if (add_value(h, name, v) != OOJWT_OK) {
				oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "header \"%s\" must be "
					"a string or an array of strings", name);
				return OOJWT_ERR_BAD_ARGUMENT;
			}
		}
	} else if (oojwt_json_type(hs) == OOJWT_JSON_ARRAY) {
		for (i = 0; i < oojwt_json_array_size(hs); i++) {
			const oojwt_jv *pair = oojwt_json_array_at(hs, i);
			const char *name = str_of(oojwt_json_array_at(pair, 0), &n);
			if (oojwt_json_array_size(pair) != 2 || name == NULL
				|| add_value(h, name, oojwt_json_array_at(pair, 1)) != OOJWT_OK)
			{
				oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "headers[%z] must be a "
					"[name, value] pair of strings", i);
				return OOJWT_ERR_BAD_ARGUMENT;
			}
		}
	} else if (hs != NULL && oojwt_json_type(hs) != OOJWT_JSON_NULL) {
		oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "headers must be an object or an "
			"array of [name, value] pairs");
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	if (oojwt_json_type(body) == OOJWT_JSON_STRING) {
		h->body = str_of(body, &h->body_len);
	} else if (body != NULL && oojwt_json_type(body) != OOJWT_JSON_NULL) {
		h->owned = oojwt_json_print(body, &h->body_len);
		if (h->owned == NULL) {
			return OOJWT_ERR_NO_MEMORY;
		}
		h->body = h->owned;
	}
	return OOJWT_OK;
}

/* Text starting with '{' that is {headers, body, method, url}: 1. */
static int
is_parts(const oojwt_jv *root)
{
	size_t i, n = oojwt_json_object_size(root);
	int has = 0;

	if (oojwt_json_type(root) != OOJWT_JSON_OBJECT) {
		return 0;
	}
	for (i = 0; i < n; i++) {
		const char *name;
		oojwt_json_member_at(root, i, &name);
		if (strcmp(name, "headers") == 0 || strcmp(name, "body") == 0) {
			has = 1;
		} else if (strcmp(name, "method") != 0 && strcmp(name, "url") != 0) {
			return 0;
		}
	}
	return has;
}

int
oojwt_http_read(oojwt_http_request *h, const char *text, size_t len,
	int form, char *msg)
{
	oojwt_jv *root = NULL;
	size_t i = 0, dups = 0;
	long pos;
	int code;

	memset(h, 0, sizeof *h);
	h->bad_line = -1;
	msg[0] = 0;
	if (text == NULL && len > 0) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'
		|| text[i] == '\n'))
	{
		i++;
	}
	if (form == OOJWT_REQUEST_PARTS || (i < len && text[i] == '{')) {
		/* JSON.stringify of the parts: a lone surrogate is kept. */
		code = oojwt_json_parse_ex(&root, text, len, OOJWT_JSON_LAST_WINS
			| OOJWT_JSON_LONE_WTF8, &dups, &pos, msg);
		if (code == OOJWT_ERR_NO_MEMORY) {
			return code;
		}
		if (form == OOJWT_REQUEST_PARTS && (code != OOJWT_OK
			|| oojwt_json_type(root) != OOJWT_JSON_OBJECT))
		{
			oojwt_json_free(root);
			if (code == OOJWT_OK) {
				oojwt_fmt(msg, OOJWT_MESSAGE_LEN, "the request must be an "
					"object {headers, body}");
			}
			return OOJWT_ERR_BAD_ARGUMENT;
		}
		if (code == OOJWT_OK && (form == OOJWT_REQUEST_PARTS || is_parts(root))) {
			const oojwt_jv *b = oojwt_json_get(root, "body");
			/* Header values and a string body go out as UTF-8, where a
			 * lone surrogate becomes U+FFFD (TextEncoder, Buffer); a JSON
			 * body keeps it as its escape (oojwt_json_print()). */
			oojwt_json_lone_replace((oojwt_jv *)oojwt_json_get(root,
				"headers"));
			if (oojwt_json_type(b) == OOJWT_JSON_STRING) {
				oojwt_json_lone_replace((oojwt_jv *)b);
			}
			h->tree = root;
			code = read_parts(h, root, msg);
			if (code == OOJWT_OK || form == OOJWT_REQUEST_PARTS
				|| code == OOJWT_ERR_NO_MEMORY)
			{
				if (code != OOJWT_OK) {
					oojwt_http_free(h);
				}
				return code;
			}
			/* Raw text of the wrong shape: it is a body. */
			oojwt_http_free(h);
			root = NULL;
		}
		oojwt_json_free(root);
		msg[0] = 0;
		h->body = text;
		h->body_len = len;
		return OOJWT_OK;
	}
	read_raw(h, text, len);
	return OOJWT_OK;
}

void
oojwt_http_free(oojwt_http_request *h)
{
	if (h == NULL) {
		return;
	}
	free(h->owned);
	oojwt_json_free((oojwt_jv *)h->tree);
	memset(h, 0, sizeof *h);
	h->bad_line = -1;
}

/* Headers Node keeps once (the first); others are joined with ", ". */
static int
single_valued(const char *name, size_t n)
{
	static const char *const names[] = {
		"age", "authorization", "content-length", "content-type", "etag",
		"expires", "from", "host", "if-modified-since",
		"if-unmodified-since", "last-modified", "location", "max-forwards",
		"proxy-authorization", "referer", "retry-after", "server",
		"user-agent"
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		if (same_name(name, n, names[i], strlen(names[i]))) {
			return 1;
		}
	}
	return 0;
}

char *
oojwt_http_header(const oojwt_http_request *h, const char *name,
	size_t name_len, size_t *len)
{
	oojwt_sb sb;
	size_t i;
	int found = 0;

	memset(&sb, 0, sizeof sb);
	for (i = 0; i < h->n_fields; i++) {
		const oojwt_http_field *f = &h->fields[i];
		if (!same_name(f->name, f->name_len, name, name_len)) {
			continue;
		}
		if (found && single_valued(name, name_len)) {
			break;
		}
		if (found) {
			oojwt_sb_put(&sb, ", ", 2);
		}
		oojwt_sb_put(&sb, f->value, f->value_len); /* allocates, even for "" */
		found = 1;
	}
	if (!found || sb.failed) {
		free(sb.buf);
		return NULL;
	}
	*len = sb.len;
	return sb.buf;
}

int
oojwt_http_same_name(const char *a, size_t an, const char *b, size_t bn)
{
	return same_name(a, an, b, bn);
}

/* ---- the query string --------------------------------------------------- */

/* Percent-decode s[0..n) ('+' is a space) into out; its length. */
static size_t
unescape(char *out, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '+') {
			out[o++] = ' ';
		} else if (s[i] == '%' && i + 2 < n && oojwt_hex_value(s[i + 1]) >= 0
			&& oojwt_hex_value(s[i + 2]) >= 0)
		{
			out[o++] = (char)(oojwt_hex_value(s[i + 1]) * 16 + oojwt_hex_value(s[i + 2]));
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	return o;
}

typedef struct {
	const char *name, *value;
	size_t name_len, value_len;
} qpair;

char *
oojwt_http_query_json(const char *target, size_t len, size_t *out_len)
{
	qpair *pairs;
	char *buf;
	size_t q = 0, np = 0, i, j, o = 0;
	oojwt_sb sb;

	while (q < len && target[q] != '?') {
		q++;
	}
	memset(&sb, 0, sizeof sb);
	pairs = (qpair *)malloc((len - q + 1) * sizeof *pairs);
	buf = (char *)malloc(len - q + 1);
	if (pairs == NULL || buf == NULL) {
		free(pairs);
		free(buf);
		return NULL;
	}
	for (i = q + 1; i <= len && q < len;) {
		size_t e = i, eq;
		while (e < len && target[e] != '&' && target[e] != '#') {
			e++;
		}
		eq = i;
		while (eq < e && target[eq] != '=') {
			eq++;
		}
		if (eq > i) {
			qpair *p = &pairs[np++];
			p->name = buf + o;
			p->name_len = unescape(buf + o, target + i, eq - i);
			o += p->name_len;
			p->value = buf + o;
			p->value_len = eq < e ? unescape(buf + o, target + eq + 1,
				e - eq - 1) : 0;
			o += p->value_len;
		}
		if (e >= len || target[e] == '#') {
			break;
		}
		i = e + 1;
	}
	oojwt_sb_puts(&sb, "{");
	for (i = 0; i < np; i++) {
		size_t count = 0, first = i;
		for (j = 0; j < i; j++) {
			if (pairs[j].name_len == pairs[i].name_len
				&& memcmp(pairs[j].name, pairs[i].name, pairs[i].name_len) == 0)
			{
				break;
			}
		}
		if (j < i) {
			continue;   /* written with its first occurrence */
		}
		for (j = i; j < np; j++) {
			count += pairs[j].name_len == pairs[i].name_len
				&& memcmp(pairs[j].name, pairs[i].name, pairs[i].name_len) == 0;
		}
		if (sb.len > 1) {
			oojwt_sb_puts(&sb, ",");
		}
		oojwt_sb_json_string(&sb, pairs[i].name, pairs[i].name_len);
		oojwt_sb_puts(&sb, count > 1 ? ":[" : ":");
		for (j = first; j < np; j++) {
			if (pairs[j].name_len != pairs[i].name_len
				|| memcmp(pairs[j].name, pairs[i].name, pairs[i].name_len) != 0)
			{
				continue;
			}
			if (j > first) {
				oojwt_sb_puts(&sb, ",");
			}
			oojwt_sb_json_string(&sb, pairs[j].value, pairs[j].value_len);
		}
		if (count > 1) {
			oojwt_sb_puts(&sb, "]");
		}
	}
	oojwt_sb_puts(&sb, "}");
	free(pairs);
	free(buf);
	return oojwt_sb_finish(&sb, out_len);
}
