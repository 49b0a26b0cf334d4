/*
 * The time claims: exp, nbf, iat. Rules are jsonwebtoken's (what
 * ONLYOFFICE Document Server runs): expired when now >= exp + tolerance,
 * not yet valid when nbf > now + tolerance. Unlike jsonwebtoken, a
 * non-numeric iat is an error too, and an iat in the future is a warning.
 */
#include "inner.h"

static const char *const time_claims[] = { "exp", "nbf", "iat" };

/* 1 when claim `name` is absent or a number; else 0 and a sentence. */
static int
type_ok(const oojwt_jv *payload, const char *name, char *msg)
{
	const oojwt_jv *v = oojwt_json_get(payload, name);

	if (v == NULL || oojwt_json_type(v) == OOJWT_JSON_NUMBER) {
		return 1;
	}
	oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
		"claim \"%s\" must be a number of seconds since 1970, but it is %s",
		name, oojwt_json_type_name(v));
	return 0;
}

int
oojwt_claims_types(const oojwt_jv *payload, char *msg)
{
	size_t i;

	for (i = 0; i < sizeof time_claims / sizeof *time_claims; i++) {
		if (!type_ok(payload, time_claims[i], msg)) {
			return OOJWT_ERR_BAD_CLAIM;
		}
	}
	return OOJWT_OK;
}

void
oojwt_claims_check(oojwt_result *r, const oojwt_jv *payload, double now,
	double tolerance)
{
	char msg[OOJWT_MESSAGE_LEN];
	const oojwt_jv *v;
	size_t i;

	for (i = 0; i < sizeof time_claims / sizeof *time_claims; i++) {
		if (!type_ok(payload, time_claims[i], msg)) {
			oojwt_issue_add(r, OOJWT_ERR_BAD_CLAIM, -1, msg);
		}
	}
	v = oojwt_json_get(payload, "exp");
	if (v != NULL && oojwt_json_type(v) == OOJWT_JSON_NUMBER) {
		double exp = oojwt_json_number(v);
		if (now >= exp + tolerance) {
			oojwt_fmt(msg, sizeof msg,
				"the token expired %t s ago (exp %t, now %t, "
				"clock tolerance %t s)",
				now - exp, exp, now, tolerance);
			oojwt_issue_add(r, OOJWT_ERR_EXPIRED, -1, msg);
		}
	}
	v = oojwt_json_get(payload, "nbf");
	if (v != NULL && oojwt_json_type(v) == OOJWT_JSON_NUMBER) {
		double nbf = oojwt_json_number(v);
		if (nbf > now + tolerance) {
			oojwt_fmt(msg, sizeof msg,
				"the token is not valid for another %t s (nbf %t, "
				"now %t, clock tolerance %t s)",
				nbf - now, nbf, now, tolerance);
			oojwt_issue_add(r, OOJWT_ERR_NOT_YET_VALID, -1, msg);
		}
	}
	v = oojwt_json_get(payload, "iat");
	if (v != NULL && oojwt_json_type(v) == OOJWT_JSON_NUMBER) {
		double iat = oojwt_json_number(v);
		if (iat > now + tolerance) {
			oojwt_fmt(msg, sizeof msg,
				"\"iat\" says the token was issued %t s in the future: "
				"the issuer's clock may be wrong", iat - now);
			oojwt_issue_add(r, OOJWT_WARN_IAT_IN_FUTURE, -1, msg);
		}
	}
}
