/*
 * Ready-to-run commands (oojwt_commands_json_text).
 *
 * max_len: 4096
 * seeds: raw
 *
 * Input: the context's JSON text, a NUL byte, then the secret.
 *
 * Properties (src/deploy/oojwt_deploy.h): the report is strict JSON; it
 * is either an error naming a field or commands; no command text holds a
 * control character but its line feeds, nor a single quote that is not
 * part of a quoted word ('\'' or a whole '...' run), so sh reads each
 * value as one word.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* sh quoting of the text: quotes balance, no control byte but \n. */
static void
text_ok(const char *t)
{
	size_t i;
	int in_single = 0;

	for (i = 0; t[i] != 0; i++) {
		unsigned char c = (unsigned char)t[i];
		FUZZ_CHECK(c >= 0x20 || c == '\n', "control byte");
		if (c == '\'' && (in_single || i == 0 || t[i - 1] != '\\')) {
			in_single = !in_single;
		}
		FUZZ_CHECK(!(in_single && c == '\n'), "line break in a quoted word");
	}
	FUZZ_CHECK(!in_single, "unbalanced quote");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t cn = nul != NULL ? (size_t)(nul - data) : size, rn = 0, i;
	const unsigned char *s = nul != NULL ? nul + 1 : NULL;
	char *rep = oojwt_commands_json_text((const char *)data, cn, s,
		s != NULL ? size - cn - 1 : 0, s != NULL, &rn);
	oojwt_jv *v = NULL;
	const oojwt_jv *list, *c;
	char msg[OOJWT_MESSAGE_LEN];
	long pos;

	FUZZ_CHECK(rep != NULL && oojwt_json_parse(&v, rep, rn, &pos, msg)
		== OOJWT_OK, "strict JSON");
	list = oojwt_json_get(v, "commands");
	FUZZ_CHECK((list != NULL) != (oojwt_json_get(v, "error") != NULL),
		"commands or an error");
	for (i = 0; list != NULL && i < oojwt_json_array_size(list); i++) {
		c = oojwt_json_array_at(list, i);
		text_ok(oojwt_json_string(oojwt_json_get(c, "text")));
	}
	oojwt_json_free(v);
	free(rep);
	return 0;
}
