/*
 * The strict JSON layer (oojwt_json_parse) against a second opinion.
 *
 * max_len: 4096
 * seeds: json
 *
 * Differential: the verdict (ok, bad_json, duplicate_member, too_deep)
 * must equal that of the independent validator in ref_json.h; on
 * success every value of oojwt's tree (types, numbers bit for bit,
 * decoded strings, array sizes, member lookups) must match what the
 * reference decoded. A failure carries a position inside the text and
 * a message; oojwt_json_free_wipe() is exercised on every tree.
 */
#include "fuzz.h"
#include "ref_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_copy(data, size);
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_jv *tree = NULL;
	long pos = -2;
	int code, want;

	code = oojwt_json_parse(&tree, text, size, &pos, msg);
	want = ref_json_check(data, size, NULL, 0);
	if (code != want) {
		fprintf(stderr, "oojwt: %s (%s), reference: %s\n",
			oojwt_code_name(code), msg, oojwt_code_name(want));
	}
	FUZZ_CHECK(code == want, "oojwt_json_parse agrees with the reference validator");
	if (code == OOJWT_OK) {
		FUZZ_CHECK(tree != NULL && pos == -1, "success gives a tree");
		ref_json_check(data, size, tree, 0);
		if (size & 1) {
			oojwt_json_free_wipe(tree);
		} else {
			oojwt_json_free(tree);
		}
	} else {
		FUZZ_CHECK(tree == NULL, "failure gives no tree");
		FUZZ_CHECK(pos >= -1 && pos <= (long)size, "error position inside the text");
		FUZZ_CHECK(msg[0] != 0 && memchr(msg, 0, sizeof msg) != NULL, "error message");
	}
	free(text);
	return 0;
}
