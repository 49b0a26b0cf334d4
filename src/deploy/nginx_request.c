/*
 * What nginx makes of a request for a secure link: the path as $uri
 * (ngx_http_parse_complex_uri), an argument as $arg_NAME
 * (ngx_http_arg), the expiry as ngx_atotm reads it and the md5 as
 * ngx_decode_base64url decodes it. Each mirrors nginx 1.18-1.27 on
 * Unix with merge_slashes on (its default).
 */
#include <string.h>
#include "inner.h"
#include "deploy.h"

enum { S_USUAL, S_SLASH, S_DOT, S_DOT_DOT, S_QUOTED, S_QUOTED_SECOND };

/* Back up over "/seg/.." as nginx does: u - 4, then to after a '/'. */
static int
dot_dot(const char *out, size_t *u)
{
	size_t k;

	if (*u < 4) {
		return 0;
	}
	k = *u - 4;
	for (;;) {
		if (out[k] == '/') {
			*u = k + 1;
			return 1;
		}
		if (k == 0) {
			return 0;
		}
		k--;
	}
}

int
oojwt_nginx_uri(char *out, size_t *out_len, const char *path, size_t len,
	int flags, size_t *err_pos)
{
	int normalize = (flags & OOJWT_URI_NORMALIZE) != 0;
	int state = S_USUAL, quoted_state = S_USUAL, decoded = 0, pending = 0;
	size_t i = 0, u = 0;
	unsigned char ch = 0;

	*err_pos = 0;
	while (i < len || pending) {
		if (pending) {
			pending = 0;
		} else {
			ch = (unsigned char)path[i++];
		}
		if (!normalize && state != S_QUOTED && state != S_QUOTED_SECOND) {
			/* Only decoding: every state behaves as "usual". */
			state = S_USUAL;
		}
		switch (state) {
		case S_USUAL:
		case S_SLASH:
		case S_DOT:
		case S_DOT_DOT:
			if (ch == '%') {
				quoted_state = state;
				state = S_QUOTED;
				break;
			}
			if (!normalize) {
				out[u++] = (char)ch;
				break;
			}
			if (state == S_USUAL) {
				if (ch == '/') {
					state = S_SLASH;
				}
				out[u++] = (char)ch;
			} else if (state == S_SLASH) {
				if (ch == '/') {
					break;
				}
				state = ch == '.' ? S_DOT : S_USUAL;
				out[u++] = (char)ch;
			} else if (state == S_DOT) {
				if (ch == '/') {
					state = S_SLASH;
					u--;
				} else {
					state = ch == '.' ? S_DOT_DOT : S_USUAL;
					out[u++] = (char)ch;
				}
			} else if (ch == '/') {
				if (!dot_dot(out, &u)) {
					*err_pos = i;
					return OOJWT_ERR_MALFORMED;
				}
				state = S_SLASH;
			} else {
				state = S_USUAL;
				out[u++] = (char)ch;
			}
			break;
		case S_QUOTED:
			decoded = oojwt_hex_value(ch);
			if (decoded < 0) {
				*err_pos = i - 1;
				return OOJWT_ERR_MALFORMED;
			}
			state = S_QUOTED_SECOND;
			break;
		default: {
			int lo = oojwt_hex_value(ch);
			if (lo < 0) {
				*err_pos = i - 1;
				return OOJWT_ERR_MALFORMED;
			}
			ch = (unsigned char)(decoded * 16 + lo);
			if (ch == 0) {
				*err_pos = i - 3;
				return OOJWT_ERR_MALFORMED;
			}
			if (ch == '/' && (flags & OOJWT_URI_KEEP_SLASH) != 0) {
				memcpy(out + u, path + i - 3, 3);
				u += 3;
				state = S_USUAL;
			} else if (ch == '%' || ch == '#' || ch == '?') {
				/* Written as they are, never decoded again. */
				out[u++] = (char)ch;
				state = S_USUAL;
			} else {
				state = quoted_state;
				pending = 1;
			}
			break;
		}
		}
	}
	if (state == S_QUOTED || state == S_QUOTED_SECOND) {
		*err_pos = len;
		return OOJWT_ERR_MALFORMED;
	}
	if (normalize && state == S_DOT) {
		u--;
	} else if (normalize && state == S_DOT_DOT && !dot_dot(out, &u)) {
		*err_pos = len;
		return OOJWT_ERR_MALFORMED;
	}
	out[u] = 0;
	*out_len = u;
	return OOJWT_OK;
}

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

size_t
oojwt_nginx_arg(const char *args, size_t len, const char *name,
	oojwt_span *value)
{
	size_t i = 0, n = strlen(name), count = 0;

	value->present = 0;
	value->off = value->len = 0;
	while (i < len) {
		size_t e = i, k;
		while (e < len && args[e] != '&') {
			e++;
		}
		if (e - i > n && args[i + n] == '=') {
			for (k = 0; k < n && lower((unsigned char)args[i + k])
				== lower((unsigned char)name[k]); k++)
			{
			}
			if (k == n && count++ == 0) {
				value->present = 1;
				value->off = i + n + 1;
				value->len = e - value->off;
			}
		}
		i = e + 1;
	}
	return count;
}

long long
oojwt_nginx_atotm(const char *s, size_t n)
{
	const long long max = 0x7fffffffffffffffLL;
	long long v = 0;
	size_t i;

	if (n == 0) {
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return -1;
		}
		if (v >= max / 10 && (v > max / 10 || s[i] - '0' > max % 10)) {
			return -1;
		}
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
oojwt_nginx_md5_arg(unsigned char out[16], const char *s, size_t n)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		"abcdefghijklmnopqrstuvwxyz0123456789-_";
	unsigned char buf[17];
	size_t m, len = 0;

	if (n > 24) {
		return 0;
	}
	for (m = 0; m < n && s[m] != '='; m++) {
		if (s[m] == 0 || memchr(alphabet, s[m], 64) == NULL) {
			return 0;
		}
	}
	/* ngx_decode_base64url stops at '=', drops the spare bits and refuses
	 * 4n+1 characters; secure_link wants exactly 16 bytes: 22 characters. */
	if (m != 22) {
		return 0;
	}
	oojwt_ds_b64_decode(buf, &len, s, m);
	memcpy(out, buf, 16);
	return len == 16;
}
