/*
 * Recording diagnostics into an oojwt_result, and releasing a result.
 */
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

void
oojwt_issue_not_object(oojwt_result *r, int code, long pos, const char *msg,
	const char *what, int type, long obj_pos)
{
	char full[OOJWT_MESSAGE_LEN];

	if (code != OOJWT_OK) {
		oojwt_fmt(full, sizeof full, "%s: %s", what, msg);
		oojwt_issue_add(r, code, pos, full);
		return;
	}
	oojwt_fmt(full, sizeof full, "the %s must be a JSON object, not %s",
		what, oojwt_json_type_word(type));
	oojwt_issue_add(r, OOJWT_ERR_NOT_AN_OBJECT, obj_pos, full);
}
