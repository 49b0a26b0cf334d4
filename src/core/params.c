/*
 * The params of an issue or a finding: a small JSON object text,
 * {"alg":"HS256","length":12}, built into a caller's fixed buffer, with
 * each string escaped as the reports escape the message that uses it
 * (oojwt_sb_json_string), so a catalog template filled with the params
 * gives the message again byte for byte. The text is a whole object
 * after every call; when a member does not fit, the object goes back to
 * {} for good (a partial set of params would render a wrong sentence).
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

void
oojwt_params_init(oojwt_params *p, char *buf, size_t cap)
{
	p->buf = buf;
	p->cap = cap;
	p->len = 0;
	p->overflow = cap < 3;
	if (cap >= 3) {
		memcpy(buf, "{}", 3);
		p->len = 1;
	} else if (cap > 0) {
		buf[0] = 0;
	}
}

/* Append `"name":` + the `n` bytes of `value` (a JSON value) and close
 * the object again. Names are the caller's to keep distinct (a value
 * that a message and its fix both show is named once, the second
 * conversion left unnamed). */
static void
member(oojwt_params *p, const char *name, const char *value, size_t n)
{
	size_t k = strlen(name), need = k + n + 5;
	char *at;

	if (p->overflow || name[0] == 0) {
		return;
	}
	if (p->len + need + 1 > p->cap) {
		p->overflow = 1;
		memcpy(p->buf, "{}", 3);
		return;
	}
	at = p->buf + p->len;
	if (p->len > 1) {
		*at++ = ',';
	}
	*at++ = '"';
	memcpy(at, name, k);
	at += k;
	*at++ = '"';
	*at++ = ':';
	memcpy(at, value, n);
	at += n;
	*at++ = '}';
	*at = 0;
	p->len = (size_t)(at - p->buf) - 1;
}

void
oojwt_params_str(oojwt_params *p, const char *name, const char *value,
	size_t len)
{
	oojwt_sb sb;

	memset(&sb, 0, sizeof sb);
	oojwt_sb_json_string(&sb, value, len);
	if (sb.failed) {
		p->overflow = 1;
		if (p->cap >= 3) {
			memcpy(p->buf, "{}", 3);
		}
	} else {
		member(p, name, sb.buf, sb.len);
	}
	free(sb.buf);
}

void
oojwt_params_num(oojwt_params *p, const char *name, double v)
{
	char num[OOJWT_JS_NUMBER_LEN];

	member(p, name, num, oojwt_js_number(num, v));
}

void
oojwt_params_raw(oojwt_params *p, const char *name, const char *json,
	size_t len)
{
	member(p, name, json, len);
}
