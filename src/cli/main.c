/*
 * oojwt on the command line, for the machine where Document Server runs:
 * build/oojwt (main_native.c) and the Node command bin/oojwt.mjs (this
 * code in bin/oojwt-cli.wasm) alike. The command table, the main help and
 * the exit codes live here; see cli.h for the other files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char *const MAIN_HELP[] = { OOJWT_WORD("help.main"), NULL };

/* Each command's help: words (help.*, src/cli/words/) written one after
 * the other, a "\n" between them as it is; the shared parts (the secret
 * options, INPUT, --lang, the exit codes every command shares) are words
 * of their own. */
static const char *const DECODE_HELP[] = {
	OOJWT_WORD("help.decode"),
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.decode.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const VERIFY_HELP[] = {
	OOJWT_WORD("help.verify"),
	OOJWT_WORD("help.key"),
	"\n",
	OOJWT_WORD("help.secret"),
	"\n",
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.verify.exit"),
	OOJWT_WORD("help.exit_tail"),
	OOJWT_WORD("help.verify.example"),
	NULL
};

static const char *const SIGN_HELP[] = {
	OOJWT_WORD("help.sign"),
	OOJWT_WORD("help.key"),
	"\n",
	OOJWT_WORD("help.secret"),
	"\n",
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.sign.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const INSPECT_CONFIG_HELP[] = {
	OOJWT_WORD("help.inspect-config"),
	OOJWT_WORD("help.secret"),
	"\n",
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.inspect-config.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const SERVER_CONFIG_HELP[] = {
	OOJWT_WORD("help.server-config"),
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.server-config.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const INSPECT_URL_HELP[] = {
	OOJWT_WORD("help.inspect-url"),
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.inspect-url.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const NGINX_CONFIG_HELP[] = {
	OOJWT_WORD("help.nginx-config"),
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.nginx-config.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const INSPECT_CERT_HELP[] = {
	OOJWT_WORD("help.inspect-cert"),
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.inspect-cert.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const INSPECT_REQUEST_HELP[] = {
	OOJWT_WORD("help.inspect-request"),
	OOJWT_WORD("help.secret"),
	"\n",
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.inspect-request.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const EXPLAIN_SECRET_HELP[] = {
	OOJWT_WORD("help.explain-secret"),
	OOJWT_WORD("help.secret"),
	"\n",
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.explain-secret.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const CONNECTOR_SETTINGS_HELP[] = {
	OOJWT_WORD("help.connector-settings"),
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.connector-settings.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const DIAGNOSE_HELP[] = {
	OOJWT_WORD("help.diagnose"),
	OOJWT_WORD("help.secret"),
	OOJWT_WORD("help.diagnose.inputs"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.diagnose.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const SYMPTOMS_HELP[] = {
	OOJWT_WORD("help.symptoms"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const COMPARE_SECRETS_HELP[] = {
	OOJWT_WORD("help.compare-secrets"),
	OOJWT_WORD("help.secret"),
	"\n",
	OOJWT_WORD("help.input"),
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.compare-secrets.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

static const char *const COMMANDS_HELP[] = {
	OOJWT_WORD("help.commands"),
	OOJWT_WORD("help.secret"),
	"\n",
	OOJWT_WORD("help.lang"),
	OOJWT_WORD("help.commands.exit"),
	OOJWT_WORD("help.exit_tail"),
	NULL
};

/*
 * Adding a command: a function `int oojwt_cli_NAME(const oojwt_cli_opts *o)`
 * in its family's file (or a new src/cli/FAMILY.c: every file of src/cli/
 * is built into build/oojwt and bin/oojwt-cli.wasm alike, by wildcard),
 * declared in cli.h; its help text here, ending with its own "Exit codes:
 * 0 ..., 1 ...," line and EXIT_TAIL; one row in COMMANDS below and one line
 * in the main help's list (help.main) (names in 19 columns); options as fields of
 * oojwt_cli_opts with a row in args.c's OPTIONS; an entry in man/oojwt.1
 * (SYNOPSIS and COMMANDS; tests/cli/same.test.mjs checks both). A command
 * reads through oojwt_cli_read_input/_read_file/oojwt_cli_secret, prints
 * through oojwt_cli_printf/oojwt_cli_out/oojwt_cli_error, and takes the
 * clock from oojwt_cli_host_now, never from stdio, getenv or time(): then
 * the Node command runs it with no line of JS.
 */
typedef struct {
	const char *name;
	int (*run)(const oojwt_cli_opts *o);
	const char *const *help;  /* words, NULL-terminated */
	const char *needs;   /* not available yet: what it waits for */
} command;

static const command COMMANDS[] = {
	{ "decode", oojwt_cli_decode, DECODE_HELP, NULL },
	{ "verify", oojwt_cli_verify, VERIFY_HELP, NULL },
	{ "sign", oojwt_cli_sign, SIGN_HELP, NULL },
	{ "inspect-config", oojwt_cli_inspect_config, INSPECT_CONFIG_HELP, NULL },
	{ "server-config", oojwt_cli_server_config, SERVER_CONFIG_HELP, NULL },
	{ "inspect-url", oojwt_cli_inspect_url, INSPECT_URL_HELP, NULL },
	{ "nginx-config", oojwt_cli_nginx_config, NGINX_CONFIG_HELP, NULL },
	{ "inspect-cert", oojwt_cli_inspect_cert, INSPECT_CERT_HELP, NULL },
	{ "inspect-request", oojwt_cli_inspect_request, INSPECT_REQUEST_HELP, NULL },
	{ "explain-secret", oojwt_cli_explain_secret, EXPLAIN_SECRET_HELP, NULL },
	{ "connector-settings", oojwt_cli_connector_settings, CONNECTOR_SETTINGS_HELP, NULL },
	{ "diagnose", oojwt_cli_diagnose, DIAGNOSE_HELP, NULL },
	{ "symptoms", oojwt_cli_symptoms, SYMPTOMS_HELP, NULL },
	{ "compare-secrets", oojwt_cli_compare_secrets, COMPARE_SECRETS_HELP, NULL },
	{ "commands", oojwt_cli_commands, COMMANDS_HELP, NULL }
};

/* Words `ids` (no params; NULL-terminated; "\n" is itself) to standard
 * output, or to standard error. */
static int
write_words(int fd, const char *const *ids)
{
	oojwt_sb sb;
	size_t i;
	int rc;

	memset(&sb, 0, sizeof sb);
	for (i = 0; ids[i] != NULL; i++) {
		if (strcmp(ids[i], "\n") == 0) {
			oojwt_sb_puts(&sb, ids[i]);
		} else {
			oojwt_cli_word(&sb, ids[i], NULL, NULL);
		}
	}
	rc = sb.failed || oojwt_cli_host_write(fd, sb.buf, sb.len) != 0
		|| oojwt_cli_host_flush() != 0 ? OOJWT_EXIT_INTERNAL : OOJWT_EXIT_OK;
	oojwt_wipe_free(sb.buf, sb.cap);
	return rc;
}

static int
write_text(const char *s)
{
	if (oojwt_cli_host_write(OOJWT_CLI_STDOUT, s, strlen(s)) != 0
		|| oojwt_cli_host_flush() != 0)
	{
		return OOJWT_EXIT_INTERNAL;
	}
	return OOJWT_EXIT_OK;
}

static int
run(int argc, char **argv)
{
	oojwt_cli_opts o;
	const command *cmd = NULL;
	char err[512];
	char *color = NULL;
	size_t i, color_len = 0;
	int code;

	/* The environment's language for what is said before --lang is read
	 * (the main help, a usage error). */
	(void)oojwt_cli_set_lang(NULL);
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0
		|| strcmp(argv[1], "help") == 0)
	{
		if (argc >= 3 && strcmp(argv[1], "help") == 0) {
			argv[1] = argv[2];
			argv[2] = (char *)"--help";
			argc = 3;
		} else if (argc < 2) {
			(void)write_words(OOJWT_CLI_STDERR, MAIN_HELP);
			return OOJWT_EXIT_USAGE;
		} else {
			return write_words(OOJWT_CLI_STDOUT, MAIN_HELP);
		}
	}
	if (strcmp(argv[1], "--version") == 0) {
		return write_text("oojwt " OOJWT_CLI_VERSION "\n");
	}
	for (i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++) {
		if (strcmp(argv[1], COMMANDS[i].name) == 0) {
			cmd = &COMMANDS[i];
		}
	}
	if (cmd == NULL) {
		oojwt_cli_weprintf(OOJWT_WORD("usage.unknown_command"), "command", "%s",
			argv[1]);
		return OOJWT_EXIT_USAGE;
	}
	if (cmd->run == NULL) {
		oojwt_cli_eprintf("oojwt: %s: not in this build yet (it needs %s of the "
			"C core)\n", cmd->name, cmd->needs);
		return OOJWT_EXIT_USAGE;
	}
	memset(&o, 0, sizeof o);
	o.command = cmd->name;
	code = oojwt_cli_parse(&o, argc, argv, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		oojwt_cli_error(o.command, err);
		oojwt_cli_weprintf(OOJWT_WORD("usage.try"), "command", "%s", o.command);
		return code;
	}
	if (oojwt_cli_set_lang(o.lang) != 0) {
		(void)oojwt_cli_set_lang(NULL);
		oojwt_cli_wsnprintf(err, sizeof err, OOJWT_WORD("usage.no_catalog"),
			"lang,langs", "%s%s", o.lang, oojwt_cli_langs());
		oojwt_cli_error(o.command, err);
		return OOJWT_EXIT_USAGE;
	}
	if (o.help) {
		return write_words(OOJWT_CLI_STDOUT, cmd->help);
	}
	oojwt_cli_set_quiet(o.quiet && !o.json);
	/* Tokens, secrets, keys and configurations are read from here on. */
	oojwt_cli_no_core_dumps();
	o.color = oojwt_cli_host_isatty(OOJWT_CLI_STDOUT)
		&& (!oojwt_cli_host_getenv("NO_COLOR", &color, &color_len) || color_len == 0);
	oojwt_wipe_free(color, color_len + 1);
	return cmd->run(&o);
}

int
oojwt_cli_main(int argc, char **argv)
{
	int code = run(argc, argv);

	if (oojwt_cli_host_flush() != 0 && code != OOJWT_EXIT_INTERNAL) {
		code = OOJWT_EXIT_INTERNAL;
	}
	return code;
}
