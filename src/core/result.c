/*
 * Recording diagnostics into an oojwt_result, and releasing a result.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

void
oojwt_result_init(oojwt_result *r)
{
	r->n_errors = 0;
	r->n_warnings = 0;
	oojwt_result_reset(r);
}

void
oojwt_result_free(oojwt_result *r)
{
	if (r == NULL) {
		return;
	}
	/* The parts of a token are not secret: freed without wiping, but
	 * for the decoded signature, which equals the MAC the core computes
	 * when verifying (and signing the same content): wiped so that no
	 * MAC, valid or not, is left in freed memory. */
	free(r->header);
	free(r->payload);
	oojwt_wipe_free(r->sig, r->sig_len);
	oojwt_result_reset(r);
}

/* Zero a result without touching the issue slots past the counts: the
 * two lists are 2 * OOJWT_MAX_ISSUES * OOJWT_MESSAGE_LEN bytes, which a
 * verify of a small token would otherwise spend most of its time
 * clearing. Unused slots are never read. */
void
oojwt_result_reset(oojwt_result *r)
{
	oojwt_wipe(r->errors, r->n_errors <= OOJWT_MAX_ISSUES
		? r->n_errors * sizeof *r->errors : sizeof r->errors);
	oojwt_wipe(r->warnings, r->n_warnings <= OOJWT_MAX_ISSUES
		? r->n_warnings * sizeof *r->warnings : sizeof r->warnings);
	r->valid = 0;
	r->alg = 0;
	r->n_errors = 0;
	r->n_warnings = 0;
	r->dropped = 0;
	r->header = NULL;
	r->header_len = 0;
	r->payload = NULL;
	r->payload_len = 0;
	r->sig = NULL;
	r->sig_len = 0;
	r->dot1 = 0;
	r->dot2 = 0;
	r->header_ok = 0;
	r->payload_ok = 0;
}

/* The next free slot of the list the code belongs to, or NULL (counted
 * in dropped) when it is full. */
static oojwt_issue *
issue_slot(oojwt_result *r, int code, long pos)
{
	oojwt_issue *list;
	size_t *n;
	oojwt_issue *it;

	if (code >= OOJWT_WARN_FIRST) {
		list = r->warnings;
		n = &r->n_warnings;
	} else {
		list = r->errors;
		n = &r->n_errors;
	}
	if (*n >= OOJWT_MAX_ISSUES) {
		r->dropped++;
		return NULL;
	}
	it = &list[(*n)++];
	it->code = code;
	it->pos = pos;
	it->params[0] = 0; /* written as {} */
	return it;
}

void
oojwt_issue_add(oojwt_result *r, int code, long pos, const char *msg)
{
	oojwt_issue_fmt(r, code, pos, NULL, "%s", msg);
}

/* (Parenthesised: the core module's macro of that name, core.h.) */
void
(oojwt_issue_fmt)(oojwt_result *r, int code, long pos, const char *names,
	const char *fmt, ...)
{
	oojwt_issue *it = issue_slot(r, code, pos);
	oojwt_params p, *pp = NULL;
	va_list ap;

	if (it == NULL) {
		return;
	}
#ifndef OOJWT_CORE_MODULE
	oojwt_params_init(&p, it->params, sizeof it->params);
	pp = &p;
#else
	(void)p;
#endif
	va_start(ap, fmt);
	oojwt_vfmtp(it->message, sizeof it->message, pp, names, fmt, ap);
	va_end(ap);
}

int
oojwt_first_error(const oojwt_result *r)
{
	return r->n_errors > 0 ? r->errors[0].code : OOJWT_OK;
}

void
oojwt_issue_not_object(oojwt_result *r, int code, long pos, const char *msg,
	const char *what, int type, long obj_pos)
{
	if (code != OOJWT_OK) {
		oojwt_issue_fmt(r, code, pos, "part,detail", "%s: %s", what, msg);
		return;
	}
	oojwt_issue_fmt(r, OOJWT_ERR_NOT_AN_OBJECT, obj_pos, "part,,type",
		"the %s must be a JSON object, not %s%k", what,
		oojwt_json_type_word(type), OOJWT_SEL(oojwt_json_type_key(type)));
}
