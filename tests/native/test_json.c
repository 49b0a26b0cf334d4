/*
 * The strict JSON parser against tests/vectors/strict_json.json.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

static void
json_vector(const cJSON *v)
{
	size_t len = 0;
	unsigned char *bytes = from_hex(jstr(v, "hex"), &len);
	const char *want = jstr(v, "code");
	char msg[OOJWT_MESSAGE_LEN], sh[72];
	oojwt_jv *root = NULL;
	long pos = -2;
	int code;
	test t;

	test_begin(&t, "strict_json.json #%d (%s)", jint(v, "id"),
		jstr(v, "comment"));
	if (!expect(&t, bytes != NULL, "bad hex in the vector")) {
		test_end(&t);
		return;
	}
	code = oojwt_json_parse(&root, (const char *)bytes, len, &pos, msg);
	expect(&t, strcmp(cname(code), want) == 0, "got %s (%s), want %s for %s",
		cname(code), msg, want, shown(sh, sizeof sh, (const char *)bytes, len));
	if (code == OOJWT_OK) {
		expect(&t, root != NULL, "OK without a tree");
	} else {
		expect(&t, root == NULL, "a tree returned with an error");
		expect(&t, pos >= -1 && pos <= (long)len, "position %ld", pos);
		expect(&t, msg[0] != 0, "no message");
	}
	oojwt_json_free(root);
	free(bytes);
	test_end(&t);
}

void
suite_json(const char *ours, const char *shared)
{
	(void)shared;

	for_each_test(ours, "strict_json.json", json_vector);
}
