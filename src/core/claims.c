/*
 * The time claims: exp, nbf, iat. Rules are jsonwebtoken's (what
 * ONLYOFFICE Document Server runs): expired when now >= exp + tolerance,
 * not yet valid when nbf > now + tolerance. Unlike jsonwebtoken, a
 * non-numeric iat is an error too, and an iat in the future is a warning.
 * The claims come as oojwt_json_check() describes them, in the order of
 * OOJWT_CLAIMS_INIT (core.h). Also the lifetimes people write for exp
 * ("7d": oojwt_duration_parse()).
 */
#include <string.h>
#include "inner.h"
#include "core.h"

enum { EXP, NBF, IAT };

/* 1 when the claim is absent or a number; else 0 and a sentence. */
static int
type_ok(const oojwt_jtop *c, char *msg)
{
	if (c->type == OOJWT_JSON_INVALID || c->type == OOJWT_JSON_NUMBER) {
		return 1;
	}
	oojwt_fmt(msg, OOJWT_MESSAGE_LEN,
		"claim \"%s\" must be a number of seconds since 1970, but it is %s",
		c->name, oojwt_json_type_word(c->type));
	return 0;
}

int
oojwt_claims_types(const oojwt_jtop *claims, char *msg)
{
	size_t i;

	for (i = 0; i < OOJWT_N_CLAIMS; i++) {
		if (!type_ok(&claims[i], msg)) {
			return OOJWT_ERR_BAD_CLAIM;
		}
	}
	return OOJWT_OK;
}

void
oojwt_claims_check(oojwt_result *r, const oojwt_jtop *claims, double now,
	double tolerance)
{
	char msg[OOJWT_MESSAGE_LEN];
	size_t i;

	for (i = 0; i < OOJWT_N_CLAIMS; i++) {
		if (!type_ok(&claims[i], msg)) {
			oojwt_issue_add(r, OOJWT_ERR_BAD_CLAIM, -1, msg);
		}
	}
	if (claims[EXP].type == OOJWT_JSON_NUMBER) {
		double exp = claims[EXP].number;
		if (now >= exp + tolerance) {
			oojwt_fmt(msg, sizeof msg,
				"the token expired %t s ago (exp %t, now %t, "
				"clock tolerance %t s)",
				now - exp, exp, now, tolerance);
			oojwt_issue_add(r, OOJWT_ERR_EXPIRED, -1, msg);
		}
	}
	if (claims[NBF].type == OOJWT_JSON_NUMBER) {
		double nbf = claims[NBF].number;
		if (nbf > now + tolerance) {
			oojwt_fmt(msg, sizeof msg,
				"the token is not valid for another %t s (nbf %t, "
				"now %t, clock tolerance %t s)",
				nbf - now, nbf, now, tolerance);
			oojwt_issue_add(r, OOJWT_ERR_NOT_YET_VALID, -1, msg);
		}
	}
	if (claims[IAT].type == OOJWT_JSON_NUMBER) {
		double iat = claims[IAT].number;
		if (iat > now + tolerance) {
			oojwt_fmt(msg, sizeof msg,
				"\"iat\" says the token was issued %t s in the future: "
				"the issuer's clock may be wrong", iat - now);
			oojwt_issue_add(r, OOJWT_WARN_IAT_IN_FUTURE, -1, msg);
		}
	}
}

int
oojwt_duration_parse(const char *s, size_t len, double *seconds)
{
	static const char units[] = "smhdw";
	static const unsigned unit_seconds[] = { 1, 60, 3600, 86400, 604800 };
	uint64_t v = 0;
	unsigned mult = 0, digits = 0;
	int state = 0; /* 0 before the digits, 1 in them, 2 after them, 3 after the unit */
	size_t i;

	for (i = 0; i < len; i++) {
		const char *u;
		if (s[i] == ' ' || s[i] == '\t') {
			state += state == 1;
		} else if (s[i] >= '0' && s[i] <= '9' && state < 2 && digits < 15) {
			v = v * 10 + (uint64_t)(s[i] - '0');
			digits++;
			state = 1;
		} else if (state == 0 || state == 3 || s[i] == 0
			|| (u = strchr(units, s[i])) == NULL)
		{
			return 0;
		} else {
			mult = unit_seconds[u - units];
			state = 3;
		}
	}
	if (state != 3) {
		return 0;
	}
	*seconds = (double)v * mult;
	return 1;
}
