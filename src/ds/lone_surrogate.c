/*
 * Half a character in a text read as JSON.parse reads it. When a
 * program cuts a string in the middle of a character outside the Basic
 * Multilingual Plane (an emoji, a rare CJK character), one UTF-16
 * surrogate of its pair is left, and JSON.stringify writes it as a
 * \uD800-\uDFFF escape. JSON.parse reads it back (ECMA-262 JSON.parse
 * keeps each \uXXXX as one code unit), so Node and the browser accept
 * the text; strict JSON does not (RFC 8259 section 8.2). The ds layer
 * reads such texts with OOJWT_JSON_LONE_WTF8 and reports them here.
 */
#include <string.h>
#include "inner.h"
#include "ds.h"

void
oojwt_ds_lone_finding(oojwt_finding *list, size_t *n, size_t *dropped,
	const oojwt_jv *tree, size_t lone, const char *key,
	const char *consequence, const char *fix)
{
	char path[OOJWT_PATH_LEN];

	if (lone == 0) {
		return;
	}
	oojwt_json_lone_path(tree, path, sizeof path);
	oojwt_finding_fmt(list, n, dropped, OOJWT_SEVERITY_WARNING,
		OOJWT_FIND_LONE_SURROGATE, path, fix, "where,count,,reader", "%s holds "
		"half of an emoji or other character beyond U+FFFF (a lone surrogate "
		"escape; %z in all), from text cut in the middle of it. JSON.parse "
		"reads it: %s%k", path[0] != 0 ? path : "a string", lone, consequence,
		key);
}
