/*
 * Recording diagnostics into an oojwt_result, and releasing a result.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"

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
	oojwt_wipe(r, sizeof *r);
}

void
oojwt_issue_add(oojwt_result *r, int code, long pos, const char *msg)
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
		return;
	}
	it = &list[(*n)++];
	it->code = code;
	it->pos = pos;
	oojwt_fmt(it->message, sizeof it->message, "%s", msg);
}

int
oojwt_first_error(const oojwt_result *r)
{
	return r->n_errors > 0 ? r->errors[0].code : OOJWT_OK;
}
