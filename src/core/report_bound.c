/*
 * Upper bounds of the reports' lengths (see core.h), computed from the
 * input's length before any work: a caller that cannot hold a longer
 * answer (the JS module: a string of at most 2^29 - 24 units) refuses
 * the input as too_large at once. tests/c/test_report_bound.c runs every
 * report writer on hostile inputs and checks the real length against
 * these bounds.
 */
#include <stdint.h>
#include "inner.h"
#include "core.h"

size_t
oojwt_bound_linear(size_t multiplier, size_t len)
{
	if (multiplier != 0 && len > (SIZE_MAX - OOJWT_REPORT_FIXED) / multiplier) {
		return SIZE_MAX;
	}
	return multiplier * len + OOJWT_REPORT_FIXED;
}

size_t
oojwt_report_bound(int kind, size_t len)
{
	switch (kind) {
	case OOJWT_REPORT_EXTRACT:
		return oojwt_bound_linear(6, len);
	case OOJWT_REPORT_TOKEN:
		return oojwt_bound_linear(5, len);
	default:
		return SIZE_MAX;
	}
}
