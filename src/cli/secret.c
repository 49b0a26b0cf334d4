#define _POSIX_C_SOURCE 200809L
/*
 * Where the CLI gets a secret: --secret-file PATH, --secret-env NAME,
 * $OOJWT_SECRET, --secret-from-local-json PATH [--which W], or --secret
 * VALUE (allowed, with a warning: it shows in ps and shell history).
 * Every copy is wiped before it is freed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#define MAX_SECRET_FILE ((size_t)1024 * 1024)
#define MAX_LOCAL_JSON ((size_t)16 * 1024 * 1024)

static int
copy_secret(const char *s, size_t len, unsigned char **out, size_t *out_len,
	char *err, size_t cap)
{
	*out = (unsigned char *)malloc(len + 1);
	if (*out == NULL) {
		snprintf(err, cap, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	memcpy(*out, s, len);
	(*out)[len] = 0;
	*out_len = len;
	return OOJWT_EXIT_OK;
}

int
oojwt_cli_local_json_secret(const char *text, size_t len, const char *which,
	unsigned char **secret, size_t *secret_len, char *err, size_t cap)
{
	static const char *const path[] = { "services", "CoAuthoring", "secret" };
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_jv *root;
	const oojwt_jv *v;
	const char *s;
	long pos;
	size_t i;
	int code;

	code = oojwt_json_parse(&root, text, len, &pos, msg);
	if (code != OOJWT_OK) {
		if (code == OOJWT_ERR_DUPLICATE_MEMBER) {
			oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("secret.duplicate"),
				"pos,msg", "%l%s", pos, msg);
		} else {
			oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("secret.not_json"),
				"pos,msg", "%l%s", pos, msg);
		}
		return OOJWT_EXIT_INPUT;
	}
	v = root;
	for (i = 0; i < 3 && v != NULL; i++) {
		v = oojwt_json_get(v, path[i]);
	}
	v = oojwt_json_get(v, which);
	v = oojwt_json_get(v, "string");
	if (oojwt_json_type(v) != OOJWT_JSON_STRING) {
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("secret.not_string"),
			"which,type", "%s%s", which, v == NULL ? "unset"
			: oojwt_json_type_name(v));
		oojwt_json_free_wipe(root);
		return OOJWT_EXIT_INPUT;
	}
	s = oojwt_json_string(v);
	if (s[0] == 0) {
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("secret.empty"), "which", "%s",
			which);
		oojwt_json_free_wipe(root);
		return OOJWT_EXIT_INPUT;
	}
	code = copy_secret(s, strlen(s), secret, secret_len, err, cap);
	oojwt_json_free_wipe(root);
	return code;
}

/* --key-file PATH (verify, sign): the whole file, which must read as a
 * key (PEM, DER, JWK, JWK Set), never as a secret. */
static int
key_file(const oojwt_cli_opts *o, unsigned char **key, size_t *len,
	char *err, size_t cap)
{
	char *buf;
	size_t n;
	int code;

	if (strcmp(o->command, "verify") != 0 && strcmp(o->command, "sign") != 0) {
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("secret.key_file_command"), NULL,
			NULL);
		return OOJWT_EXIT_USAGE;
	}
	code = oojwt_cli_read_file(strcmp(o->jwt_key_file, "-") == 0 ? NULL
		: o->jwt_key_file, MAX_SECRET_FILE, &buf, &n, err, cap);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	if (oojwt_key_classify(buf, n) == OOJWT_KEYIN_SECRET) {
		oojwt_wipe_free(buf, n + 1);
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("secret.not_key"), "file", "%s",
			o->jwt_key_file);
		return OOJWT_EXIT_INPUT;
	}
	*key = (unsigned char *)buf;
	*len = n;
	return OOJWT_EXIT_OK;
}

int
oojwt_cli_secret(const oojwt_cli_opts *o, unsigned char **secret,
	size_t *len, char *err, size_t cap)
{
	int sources = (o->secret != NULL) + (o->secret_file != NULL)
		+ (o->secret_env != NULL) + (o->local_json != NULL)
		+ (o->jwt_key_file != NULL);
	const char *which = o->which != NULL ? o->which : "inbox";
	char *buf;
	size_t n;
	int code;

	*secret = NULL;
	*len = 0;
	if (sources > 1) {
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("secret.one_way"), NULL, NULL);
		return OOJWT_EXIT_USAGE;
	}
	if (o->which != NULL && o->local_json == NULL) {
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("secret.which_alone"), NULL, NULL);
		return OOJWT_EXIT_USAGE;
	}
	if (strcmp(which, "inbox") != 0 && strcmp(which, "outbox") != 0
		&& strcmp(which, "session") != 0 && strcmp(which, "browser") != 0)
	{
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("secret.which"), "which", "%s",
			which);
		return OOJWT_EXIT_USAGE;
	}
	if (strcmp(which, "browser") == 0) {
		/* DocsCoServer.js checks the editor's tokens with the inbox
		 * secret since 7.2; secret.browser is still read by older ones. */
		oojwt_cli_weprintf(OOJWT_WORD("note.browser_secret"), NULL, NULL);
	}
	if (o->jwt_key_file != NULL) {
		return key_file(o, secret, len, err, cap);
	}
	if (o->secret != NULL) {
		oojwt_cli_weprintf(OOJWT_WORD("note.secret_arg"), NULL, NULL);
		return copy_secret(o->secret, strlen(o->secret), secret, len, err, cap);
	}
	if (o->secret_file != NULL) {
		code = oojwt_cli_read_file(strcmp(o->secret_file, "-") == 0 ? NULL
			: o->secret_file, MAX_SECRET_FILE, &buf, &n, err, cap);
		if (code != OOJWT_EXIT_OK) {
			return code;
		}
		/* One final newline is the file's, not the secret's; a key
		 * file (a DER key may end in 0x0a) is kept whole. */
		if (n > 0 && buf[n - 1] == '\n'
			&& oojwt_key_classify(buf, n) == OOJWT_KEYIN_SECRET)
		{
			buf[--n] = 0;
			if (n > 0 && buf[n - 1] == '\r') {
				buf[--n] = 0;
			}
		}
		*secret = (unsigned char *)buf;
		*len = n;
		return OOJWT_EXIT_OK;
	}
	if (o->local_json != NULL) {
		code = oojwt_cli_read_file(o->local_json, MAX_LOCAL_JSON, &buf, &n,
			err, cap);
		if (code != OOJWT_EXIT_OK) {
			return code;
		}
		code = oojwt_cli_local_json_secret(buf, n, which, secret, len, err, cap);
		if (code != OOJWT_EXIT_OK) {
			char tmp[600];
			snprintf(tmp, sizeof tmp, "%s: %s", o->local_json, err);
			snprintf(err, cap, "%s", tmp);
		}
		oojwt_wipe_free(buf, n + 1);
		return code;
	}
	{
		const char *name = o->secret_env != NULL ? o->secret_env : "OOJWT_SECRET";
		char *value = NULL;
		size_t value_len = 0;
		if (!oojwt_cli_host_getenv(name, &value, &value_len)) {
			if (o->secret_env != NULL) {
				oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("secret.env_unset"), "name",
					"%s", name);
				return OOJWT_EXIT_INPUT;
			}
			oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("secret.needed"), "command",
				"%s", o->command);
			return OOJWT_EXIT_USAGE;
		}
		if (value == NULL) {
			snprintf(err, cap, "out of memory");
			return OOJWT_EXIT_INTERNAL;
		}
		*secret = (unsigned char *)value;
		*len = value_len;
		return OOJWT_EXIT_OK;
	}
}
