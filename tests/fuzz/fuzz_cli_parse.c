/*
 * The command line's parsers: arguments (src/cli/args.c), input and
 * file reading (src/cli/input.c) and the secret sources, local.json
 * included (src/cli/secret.c), linked in as a library (the Makefile's
 * fuzz_cli_% rule; cli/main.c, which holds main(), is left out).
 *
 * max_len: 4096
 * seeds: cli
 *
 * Input: one selector byte, then the arguments separated by '\n', then
 * (after a NUL byte, when there is one) the content of a file. The
 * selector picks the command (decode, verify, sign, explain-secret,
 * server-config, inspect-config, an unknown word, an empty word). Every
 * path the parsed options name (@FILE, --secret-file,
 * --secret-from-local-json) is pointed at one temporary file holding
 * the content, and "-" (standard input) is never read, so the harness
 * never blocks and touches no other file, but for an argument that
 * names a regular file, which the command line reads as that file.
 *
 * Properties: oojwt_cli_parse() returns OK or USAGE, a USAGE comes with
 * a terminated sentence, an OK leaves the input NULL or one of the
 * arguments and every number it set finite; oojwt_cli_number() accepts
 * exactly the grammar -?D+(.D+)?([eE][+-]?D+)? with a finite value;
 * reading the file gives its bytes (trimmed of ASCII whitespace when
 * asked); the secret comes back with the length it says, NUL after it;
 * oojwt_cli_local_json_secret() of the content agrees with the strict
 * JSON layer: only strict JSON can yield a secret, and that secret is
 * services.CoAuthoring.secret.<which>.string, not empty.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <unistd.h>
#include "fuzz.h"
#include "cli/cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 32

static const char *const commands[] = { "decode", "verify", "sign",
	"explain-secret", "server-config", "inspect-config", "frobnicate", "" };

static char path[64];
static char at_path[66];

/* One temporary file for the whole run (removed at exit). */
static void
remove_file(void)
{
	unlink(path);
}

static void
write_file(const uint8_t *p, size_t n)
{
	FILE *f;

	if (path[0] == 0) {
		snprintf(path, sizeof path, "/tmp/oojwt-fuzz-cli-%ld", (long)getpid());
		snprintf(at_path, sizeof at_path, "@%s", path);
		atexit(remove_file);
	}
	f = fopen(path, "wb");
	FUZZ_CHECK(f != NULL, "the temporary file can be written");
	FUZZ_CHECK(fwrite(p, 1, n, f) == n, "the temporary file is written");
	fclose(f);
}

/* The number grammar, checked independently of oojwt_cli_number(). */
static int
grammar(const char *s)
{
	const char *p = s;
	int digits = 0;

	p += *p == '-';
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	if (digits == 0) {
		return 0;
	}
	if (*p == '.') {
		digits = 0;
		for (p++; *p >= '0' && *p <= '9'; p++) {
			digits++;
		}
		if (digits == 0) {
			return 0;
		}
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		p += *p == '+' || *p == '-';
		digits = 0;
		for (; *p >= '0' && *p <= '9'; p++) {
			digits++;
		}
		if (digits == 0) {
			return 0;
		}
	}
	return *p == 0;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* What oojwt_cli_local_json_secret() must find, by the JSON layer. */
static void
check_local_json(const char *text, size_t n, const char *which)
{
	unsigned char *secret = NULL;
	size_t len = 0;
	char err[512], msg[OOJWT_MESSAGE_LEN];
	oojwt_jv *root;
	const oojwt_jv *v;
	long pos;
	int code, parsed;

	err[0] = 0;
	code = oojwt_cli_local_json_secret(text, n, which, &secret, &len, err,
		sizeof err);
	parsed = oojwt_json_parse(&root, text, n, &pos, msg) == OOJWT_OK;
	FUZZ_CHECK(code == OOJWT_EXIT_OK || code == OOJWT_EXIT_INPUT
		|| code == OOJWT_EXIT_INTERNAL, "an exit code");
	if (code != OOJWT_EXIT_OK) {
		FUZZ_CHECK(secret == NULL || code != OOJWT_EXIT_INPUT, "no secret on failure");
		FUZZ_CHECK(memchr(err, 0, sizeof err) != NULL && err[0] != 0,
			"a sentence says why");
		oojwt_json_free(parsed ? root : NULL);
		return;
	}
	FUZZ_CHECK(parsed, "only strict JSON yields a secret");
	v = oojwt_json_at(root, "services.CoAuthoring.secret");
	v = oojwt_json_get(v, which);
	v = oojwt_json_get(v, "string");
	FUZZ_CHECK(oojwt_json_type(v) == OOJWT_JSON_STRING, "the secret is that string");
	FUZZ_CHECK(len > 0 && len == strlen(oojwt_json_string(v))
		&& memcmp(secret, oojwt_json_string(v), len) == 0 && secret[len] == 0,
		"the secret's bytes, NUL after them");
	oojwt_json_free(root);
	oojwt_wipe_free(secret, len + 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_ARGS + 2], err[512];
	const uint8_t *nul;
	size_t args_len, file_len, i;
	char *args;
	int argc = 2, code;
	oojwt_cli_opts o;

	if (size == 0) {
		return 0;
	}
	nul = memchr(data + 1, 0, size - 1);
	args_len = nul != NULL ? (size_t)(nul - data) - 1 : size - 1;
	file_len = nul != NULL ? size - 1 - args_len - 1 : 0;
	args = fuzz_copyz(data + 1, args_len);

	argv[0] = (char *)"oojwt";
	argv[1] = (char *)commands[data[0] % (sizeof commands / sizeof *commands)];
	if (args_len > 0) {
		char *p = args;
		for (;;) {
			char *nl = strchr(p, '\n');
			if (argc < MAX_ARGS + 2) {
				argv[argc++] = p;
			}
			if (nl == NULL) {
				break;
			}
			*nl = 0;
			p = nl + 1;
		}
	}

	/* Numbers: the grammar and nothing else, finite. */
	for (i = 2; i < (size_t)argc; i++) {
		double d = 0;
		int ok = oojwt_cli_number(argv[i], &d);
		FUZZ_CHECK(!ok || grammar(argv[i]), "only the number grammar is accepted");
		FUZZ_CHECK(!ok || isfinite(d), "numbers are finite");
	}

	memset(&o, 0, sizeof o);
	o.command = argv[1];
	err[0] = 0;
	code = oojwt_cli_parse(&o, argc, argv, err, sizeof err);
	FUZZ_CHECK(code == OOJWT_EXIT_OK || code == OOJWT_EXIT_USAGE, "OK or USAGE");
	if (code != OOJWT_EXIT_OK) {
		FUZZ_CHECK(memchr(err, 0, sizeof err) != NULL && err[0] != 0,
			"a usage error says why");
		goto done;
	}
	if (o.input != NULL) {
		int found = 0;
		for (i = 2; i < (size_t)argc; i++) {
			found |= o.input == argv[i];
		}
		FUZZ_CHECK(found, "the input is one of the arguments");
	}
	FUZZ_CHECK(!o.has_now || isfinite(o.now), "--now finite");
	FUZZ_CHECK(!o.has_tolerance || isfinite(o.tolerance), "--clock-tolerance finite");
	FUZZ_CHECK(o.iat != 2 || isfinite(o.iat_value), "--iat=N finite");

	/* Every file the options name is the temporary file (written only
	 * then: file writes would dominate the run). */
	if ((o.input != NULL && o.input[0] == '@') || o.secret_file != NULL
		|| o.local_json != NULL)
	{
		write_file(nul != NULL ? nul + 1 : data, file_len);
	}
	if (o.input != NULL && o.input[0] == '@') {
		o.input = at_path;
	}
	if (o.secret_file != NULL) {
		o.secret_file = path;
	}
	if (o.local_json != NULL) {
		o.local_json = path;
	}

	/* The input: the argument itself or the file, trimmed when asked. */
	if (o.input != NULL && strcmp(o.input, "-") != 0) {
		char *buf = NULL;
		size_t len = 0;
		int trim = data[0] & 0x80;
		code = oojwt_cli_read_input(o.input, trim, &buf, &len, err, sizeof err);
		FUZZ_CHECK(code == OOJWT_EXIT_OK || code == OOJWT_EXIT_INPUT
			|| code == OOJWT_EXIT_INTERNAL, "input read or refused");
		if (code == OOJWT_EXIT_OK) {
			FUZZ_CHECK(buf != NULL && buf[len] == 0, "NUL after the input");
			if (o.input == at_path) {
				const char *f = nul != NULL ? (const char *)nul + 1 : "";
				size_t a = 0, b = file_len;
				if (trim) {
					while (a < b && is_space(f[a])) {
						a++;
					}
					while (b > a && is_space(f[b - 1])) {
						b--;
					}
				}
				FUZZ_CHECK(len == b - a && memcmp(buf, f + a, len) == 0,
					"the file's bytes");
			} else if (!oojwt_cli_host_is_file(o.input)) {
				/* (An argument that names a file is read as that file.) */
				FUZZ_CHECK(len == strlen(o.input) && memcmp(buf, o.input, len) == 0,
					"the argument itself");
			}
			oojwt_wipe_free(buf, len + 1);
		}
	}

	/* The secret, from whichever source the options name (stdin never). */
	{
		unsigned char *secret = NULL;
		size_t len = 0;
		code = oojwt_cli_secret(&o, &secret, &len, err, sizeof err);
		FUZZ_CHECK(code >= OOJWT_EXIT_OK && code <= OOJWT_EXIT_INTERNAL
			&& code != OOJWT_EXIT_INVALID, "an exit code");
		if (code == OOJWT_EXIT_OK) {
			FUZZ_CHECK(secret != NULL && secret[len] == 0, "NUL after the secret");
			oojwt_wipe_free(secret, len + 1);
		} else {
			FUZZ_CHECK(err[0] != 0, "a sentence says why");
		}
	}

	/* local.json reading on the content itself. */
	check_local_json(nul != NULL ? (const char *)nul + 1 : "", file_len,
		(data[0] & 0x20) ? "outbox" : "inbox");
done:
	free(args);
	return 0;
}
