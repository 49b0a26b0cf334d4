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

/* Records bad_claim for each claim present and not a number (the first
 * only when `first`); returns how many. */
int
oojwt_claims_types(oojwt_result *r, const oojwt_jtop *claims, int first)
{
	size_t i;
	int n = 0;

	for (i = 0; i < OOJWT_N_CLAIMS && !(first && n > 0); i++) {
		const oojwt_jtop *c = &claims[i];
		if (c->type == OOJWT_JSON_INVALID || c->type == OOJWT_JSON_NUMBER) {
			continue;
		}
		oojwt_issue_fmt(r, OOJWT_ERR_BAD_CLAIM, -1, "claim,,type",
			"claim \"%s\" must be a number of seconds since 1970, but it "
			"is %s%k", c->name, oojwt_json_type_word(c->type),
			OOJWT_SEL(oojwt_json_type_key(c->type)));
		n++;
	}
	return n;
}

void
oojwt_claims_check(oojwt_result *r, const oojwt_jtop *claims, double now,
	double tolerance)
{
	(void)oojwt_claims_types(r, claims, 0);
	if (claims[EXP].type == OOJWT_JSON_NUMBER) {
		double exp = claims[EXP].number;
		if (now >= exp + tolerance) {
			oojwt_issue_fmt(r, OOJWT_ERR_EXPIRED, -1,
				"ago,exp,now,tolerance", "the token expired %t s ago (exp "
				"%t, now %t, clock tolerance %t s)",
				now - exp, exp, now, tolerance);
		}
	}
	if (claims[NBF].type == OOJWT_JSON_NUMBER) {
		double nbf = claims[NBF].number;
		if (nbf > now + tolerance) {
			oojwt_issue_fmt(r, OOJWT_ERR_NOT_YET_VALID, -1,
				"wait,nbf,now,tolerance", "the token is not valid for "
				"another %t s (nbf %t, now %t, clock tolerance %t s)",
				nbf - now, nbf, now, tolerance);
		}
	}
	if (claims[IAT].type == OOJWT_JSON_NUMBER) {
		double iat = claims[IAT].number;
		if (iat > now + tolerance) {
			oojwt_issue_fmt(r, OOJWT_WARN_IAT_IN_FUTURE, -1, "ahead",
				"\"iat\" says the token was issued %t s in the future: "
				"the issuer's clock may be wrong", iat - now);
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
