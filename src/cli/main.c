#define _POSIX_C_SOURCE 200809L
/*
 * build/oojwt: the oojwt C core on the command line, for the machine
 * where Document Server runs. Commands, help texts and exit codes live
 * here; see cli.h for the other files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

#define SECRET_HELP \
	"Secret (one of; never only on the command line):\n" \
	"  --secret-file PATH          read it from a file (one final newline is dropped)\n" \
	"  --secret-env NAME           read it from the environment variable NAME\n" \
	"                              (default when no source is given: $OOJWT_SECRET)\n" \
	"  --secret-from-local-json PATH [--which inbox|outbox|session]\n" \
	"                              services.CoAuthoring.secret.<which>.string of a\n" \
	"                              Document Server local.json (default: inbox), e.g.\n" \
	"                              /etc/onlyoffice/documentserver/local.json\n" \
	"  --secret VALUE              allowed, with a warning: it shows in ps and history\n"

#define INPUT_HELP \
	"INPUT is the text itself, @FILE to read a file, or - for standard input\n" \
	"(also read when INPUT is missing and standard input is not a terminal).\n" \
	"Whitespace around text read from a file or standard input is ignored.\n"

#define EXIT_HELP \
	"Exit codes: 0 valid (decoded, signed), 1 invalid or undecodable token,\n" \
	"2 usage error, 3 input error (unreadable file, secret or payload; sign\n" \
	"refused), 4 internal error (out of memory, output failed).\n"

static const char MAIN_HELP[] =
	"usage: oojwt COMMAND [OPTIONS] [INPUT]\n"
	"\n"
	"Inspect, build and verify the JSON Web Tokens of ONLYOFFICE Docs.\n"
	"\n"
	"Commands:\n"
	"  decode    decode a token without verifying it\n"
	"  verify    verify a token with a secret: every problem, with its code\n"
	"  sign      sign a JSON payload (the same bytes as the JS module's kit.sign)\n"
	"  explain-secret  which variant of a secret verifies a token (trimmed, ...)\n"
	"  server-config   the JWT settings of a local.json, with findings and fixes\n"
	"  inspect-config  an editor config as Document Server judges it\n"
	"  inspect-url     a download link as Document Server's nginx judges it\n"
	"  nginx-config    the secure link secret, ports and TLS of an nginx config\n"
	"  inspect-cert    a TLS certificate: names, dates, key, host coverage\n"
	"  inspect-request a request to Document Server, or its callback, as the receiver judges it\n"
	"  compare-secrets two secrets side by side: invisible and look-alike characters\n"
	"  commands        ready-to-run commands built from your container, URL, host\n"
	"\n"
	"Common options:\n"
	"  --json    print the JSON report (the JS module's kit.reports) instead of a verdict\n"
	"  --help    help for a command: oojwt verify --help\n"
	"  --version\n"
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP;

static const char DECODE_HELP[] =
	"usage: oojwt decode [--json] [INPUT]\n"
	"\n"
	"Decode a token without verifying it: header, payload, time claims in\n"
	"UTC, signature length, and every reason the token cannot be decoded.\n"
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP;

static const char VERIFY_HELP[] =
	"usage: oojwt verify [SECRET OPTIONS] [--algorithms A,B] [--now SECONDS]\n"
	"                    [--clock-tolerance SECONDS] [--json] [INPUT]\n"
	"\n"
	"Verify a token strictly and report every problem it has.\n"
	"\n"
	"  --algorithms A,B       allowed algorithms (default HS256,HS384,HS512 for a\n"
	"                         secret, every algorithm for an RSA or EC key)\n"
	"  --now SECONDS          the time to judge exp/nbf at (default: the clock)\n"
	"  --clock-tolerance S    seconds granted to exp and nbf (default 0;\n"
	"                         Document Server uses 60)\n"
	"\n"
	"Key (instead of a secret; RS/PS/ES tokens, or an oct JWK for HS):\n"
	"  --key-file PATH        a PEM, DER, JWK or JWK Set file, read whole; a file\n"
	"                         that reads as a key is never a secret, whichever\n"
	"                         option names it (oojwt then reads it as that key)\n"
	"\n"
	SECRET_HELP
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP
	"\n"
	"Example:\n"
	"  oojwt verify --secret-from-local-json /etc/onlyoffice/documentserver/local.json @token.txt\n";

static const char SIGN_HELP[] =
	"usage: oojwt sign [SECRET OPTIONS] [--alg ALG] [--header JSON] [--iat[=SECONDS]]\n"
	"                  [--expires-in DURATION] [--now SECONDS] [--json] [INPUT]\n"
	"\n"
	"Sign the JSON object INPUT (the payload). The header is {\"alg\",\"typ\":\"JWT\"}\n"
	"plus --header; the payload is written as JSON.stringify writes it, so the\n"
	"token is the one kit.sign() and jsonwebtoken produce.\n"
	"\n"
	"  --alg ALG              HS256 (default), HS384, HS512; RS256/384/512 and\n"
	"                         ES256/384/512 with a private key in --key-file\n"
	"  --header JSON          members added to the header\n"
	"  --iat                  add iat (the current time); --iat=SECONDS: that value\n"
	"  --expires-in D         add exp: seconds, or 90s, 30m, 1h, 7d, 2w\n"
	"  --now SECONDS          the clock for --iat and --expires-in\n"
	"\n"
	"Key (instead of a secret; RS/PS/ES tokens, or an oct JWK for HS):\n"
	"  --key-file PATH        a PEM, DER, JWK or JWK Set file, read whole; a file\n"
	"                         that reads as a key is never a secret, whichever\n"
	"                         option names it (oojwt then reads it as that key)\n"
	"\n"
	SECRET_HELP
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP;

static const char EXPLAIN_HELP[] =
	"usage: oojwt explain-secret [SECRET OPTIONS] [--server-config local.json]\n"
	"                            [--json] [INPUT]\n"
	"\n"
	"Why does the token INPUT not verify with this secret? Tries the secret as\n"
	"given, then the variants real setups produce (trimmed; a space, tab, CR,\n"
	"LF, CRLF, no-break space, zero-width space or BOM added or removed at\n"
	"either end; with/without quotes; base64/base64url/hex-decoded; with\n"
	"--server-config, its other secrets; the default \"secret\") and names the\n"
	"one that verifies; also spots a secret pasted as the token, a token\n"
	"pasted as the secret, and damaged payloads.\n"
	"Exit code 0 when the secret as given verifies, 1 otherwise.\n"
	"\n"
	SECRET_HELP
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP;

static const char COMPARE_HELP[] =
	"usage: oojwt compare-secrets [SECRET OPTIONS] (--other-secret-file PATH |\n"
	"                             --other-secret-env NAME) [--json] [INPUT]\n"
	"\n"
	"Two secrets side by side: the one of SECRET OPTIONS and the other one\n"
	"(read as --secret-file and --secret-env read theirs; a file loses one final\n"
	"newline, a variable keeps every byte). Prints both lengths in bytes and\n"
	"characters, every invisible or look-alike character with its place (spaces,\n"
	"tabs, CR, LF, no-break and zero-width spaces, quotes, Cyrillic and Greek\n"
	"letters that look Latin), whether they are equal (compared in constant\n"
	"time), where they first differ and, with the token INPUT, which of them\n"
	"verifies it. No byte of either secret is printed.\n"
	"Exit code 0 when they are equal, 1 when they differ.\n"
	"\n"
	SECRET_HELP
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP;

static const char COMMANDS_HELP[] =
	"usage: oojwt commands [--container NAME] [--url URL] [--host HOST]\n"
	"                      [--connector nextcloud|owncloud|moodle] [--jwt-header NAME]\n"
	"                      [--server-version V] [--sign-with openssl|oojwt]\n"
	"                      [--self-signed] [--include-secret SECRET OPTIONS] [--json]\n"
	"\n"
	"Print ready-to-run commands built from these values, each with where to run\n"
	"it and what it tells: read Document Server's secret without its line break,\n"
	"a signed version request to the command service (--url, from the\n"
	"connector's host), a certificate for --host with subjectAltName,\n"
	"documentserver-update-securelink.sh, and the connector's setting. The\n"
	"secret is read from \"$JWT_SECRET\" (asked for without echo) unless\n"
	"--include-secret writes the one of SECRET OPTIONS in. Every value is quoted\n"
	"for sh; a value no command can carry safely is refused (exit code 2).\n"
	"\n"
	SECRET_HELP
	"\n"
	EXIT_HELP;

static const char CONFIG_HELP[] =
	"usage: oojwt server-config [--defaults PATH] [--show-secrets] [--json] [INPUT]\n"
	"\n"
	"Document Server's effective JWT settings from local.json (or Docker\n"
	"JWT_* lines from an env or compose file), merged over default.json as\n"
	"shipped (or --defaults PATH) as the server merges them: which tokens are\n"
	"on, where each secret comes from, headers, and the findings with fixes.\n"
	"Secrets are shown by their length unless --show-secrets is given.\n"
	"Exit code 0 when no finding is an error, 1 otherwise.\n"
	"\n"
	"Example:\n"
	"  oojwt server-config @/etc/onlyoffice/documentserver/local.json\n"
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP;

static const char INSPECT_HELP[] =
	"usage: oojwt inspect-config [SECRET OPTIONS] [--server-config PATH] [--now SECONDS]\n"
	"                            [--server-version V] [--kind NAME] [--json] [INPUT]\n"
	"\n"
	"Judge the config a page passes to DocsAPI.DocEditor (JSON, with or without\n"
	"its token) as Document Server does: whether the editor opens or closes\n"
	"(4004/4005/4006, editor error -23/-21/-20; 4007), the findings with fixes, and\n"
	"the effective config. The token is checked with the inbox secret: from\n"
	"the secret options, else from --server-config PATH (a local.json or\n"
	"Docker env file, which also gives the token flags and clock tolerance).\n"
	"INPUT may also be a token alone: any token the editor page sends, whose\n"
	"kind (config, refreshFile, insertImage, setHistoryData, setRevisedFile,\n"
	"setRequestedDocument, setRequestedSpreadsheet, setReferenceData,\n"
	"setMailMergeRecipients, downloadFile) is guessed from its payload and\n"
	"shown with the confidence, then judged as Document Server judges that kind.\n"
	"  --server-version V     the server's version (8.1, 7.3.3; default: the newest\n"
	"                         rules): before 8.2 editorConfig.mode is required in\n"
	"                         the token for view too\n"
	"  --kind NAME            judge the token (or the config's token) as this kind\n"
	"                         instead of the guess\n"
	"Exit code 0 when the editor opens (or the token is accepted), 1 otherwise.\n"
	"\n"
	SECRET_HELP
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP;

static const char INSPECT_URL_HELP[] =
	"usage: oojwt inspect-url [SECRET] [--now SECONDS] [--json] [INPUT]\n"
	"\n"
	"What the nginx of Document Server answers for a download link\n"
	"(.../cache/files/...?md5=...&expires=...): 200, 400, 403 (missing or wrong\n"
	"signature) or 410 (expired), the path nginx checks, the expiry, and when\n"
	"the signature fails, which form of the path or of the secret it matches.\n"
	"Without a secret the signature is not checked.\n"
	"Exit code 0 when nginx answers 200, 1 otherwise.\n"
	"\n"
	"Secret (the secure link secret; one of):\n"
	"  --secret-file PATH          read it from a file (one final newline is dropped)\n"
	"  --secret-env NAME           read it from the environment variable NAME\n"
	"                              (default when no source is given: $OOJWT_SECRET)\n"
	"  --server-config PATH        storage.fs.secretString of a local.json\n"
	"  --nginx-config PATH         $secure_link_secret of an nginx ds.conf\n"
	"  --secret VALUE              allowed, with a warning: it shows in ps and history\n"
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP;

static const char NGINX_HELP[] =
	"usage: oojwt nginx-config [--server-config PATH] [--show-secrets] [--json] [INPUT]\n"
	"\n"
	"Read Document Server's nginx configuration (nginx/ds.conf and the\n"
	"includes/ds-*.conf files, or a reverse proxy's server block; several files\n"
	"may follow one another): the secure link secret, the listen ports and their\n"
	"ssl flags, ssl_certificate/_key and ssl_protocols, with findings and fixes\n"
	"(no HTTPS, 443 without ssl, TLSv1/TLSv1.1, \"ssl on\", the default secret,\n"
	"syntax errors). --server-config PATH (a local.json) compares the secret\n"
	"with storage.fs.secretString. Secrets are shown by their length unless\n"
	"--show-secrets is given.\n"
	"Exit code 0 when no finding is an error, 1 otherwise.\n"
	"\n"
	"Example:\n"
	"  oojwt nginx-config --server-config /etc/onlyoffice/documentserver/local.json \\\n"
	"      @/etc/onlyoffice/documentserver/nginx/ds.conf\n"
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP;

static const char CERT_HELP[] =
	"usage: oojwt inspect-cert [--key FILE] [--host NAME] [--now SECONDS] [--json]\n"
	"                          [INPUT]\n"
	"\n"
	"Inspect the TLS certificate INPUT (PEM or DER; the first CERTIFICATE block\n"
	"of a PEM file): subject, issuer, self-signed or not, serial, validity,\n"
	"subjectAltName DNS names and IP addresses, key, signature algorithm and\n"
	"SHA-256 fingerprint, with findings and fixes (expired, self-signed, host\n"
	"not covered, key mismatch, weak key or signature, ...).\n"
	"\n"
	"  --key FILE      the private key (PEM or DER): does it belong to the\n"
	"                  certificate?\n"
	"  --host NAME     the name or IP address the connector uses to reach\n"
	"                  Document Server: does the certificate cover it?\n"
	"  --now SECONDS   the time to judge the validity at (default: the clock)\n"
	"\n"
	"Exit code 0 when no finding is an error, 1 otherwise, 3 when INPUT is not\n"
	"a certificate or the key cannot be read.\n"
	"\n"
	"Example:\n"
	"  oojwt inspect-cert --host 192.0.2.10 --key ds.key @/etc/ssl/certs/ds.crt\n"
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP;

static const char REQUEST_HELP[] =
	"usage: oojwt inspect-request --kind KIND [SECRET OPTIONS] [--server-config PATH]\n"
	"                             [--now SECONDS] [--clock-tolerance S] [--connector NAME]\n"
	"                             [--leeway S] [--json] [INPUT]\n"
	"\n"
	"Judge an HTTP request as its receiver does. KIND is callback (Document\n"
	"Server -> your callbackUrl, judged as the connectors do, outbox secret),\n"
	"command, converter or docbuilder (you -> Document Server, inbox secret).\n"
	"INPUT is the raw request (request line, headers, empty line, body), a JSON\n"
	"object {\"headers\": {...}, \"body\": ...}, or a JSON body alone. The token\n"
	"is looked for where the receiver looks (body \"token\" first, else the\n"
	"configured header with its exact prefix); every token found is verified\n"
	"with the Document Server profile, and the report says which one counts,\n"
	"the answer (command error 6/7, converter/docbuilder -8, connector 403),\n"
	"the findings with fixes, and the body the receiver acts on.\n"
	"--server-config PATH (local.json or Docker env) gives the secret, header,\n"
	"prefix, enable flags and clock tolerance; --secret-from-local-json takes\n"
	"the outbox secret for callbacks unless --which says otherwise.\n"
	"  --clock-tolerance S    seconds (default: verifyOptions, 60; callbacks 0,\n"
	"                         the connectors' leeway)\n"
	"  --connector NAME       callbacks: judge as this connector only (nextcloud,\n"
	"                         owncloud, moodle, strapi, ...; default: every one,\n"
	"                         one line each)\n"
	"  --leeway S             callbacks: the connector's leeway in seconds\n"
	"                         (Nextcloud's jwt_leeway) instead of its default\n"
	"Exit code 0 when the receiver accepts the request, 1 otherwise.\n"
	"\n"
	SECRET_HELP
	"\n"
	INPUT_HELP
	"\n"
	EXIT_HELP;

typedef struct {
	const char *name;
	int (*run)(const oojwt_cli_opts *o);
	const char *help;
	const char *needs;   /* not available yet: what it waits for */
} command;

static const command COMMANDS[] = {
	{ "decode", oojwt_cli_decode, DECODE_HELP, NULL },
	{ "verify", oojwt_cli_verify, VERIFY_HELP, NULL },
	{ "sign", oojwt_cli_sign, SIGN_HELP, NULL },
	{ "inspect-config", oojwt_cli_inspect_config, INSPECT_HELP, NULL },
	{ "server-config", oojwt_cli_server_config, CONFIG_HELP, NULL },
	{ "inspect-url", oojwt_cli_inspect_url, INSPECT_URL_HELP, NULL },
	{ "nginx-config", oojwt_cli_nginx_config, NGINX_HELP, NULL },
	{ "inspect-cert", oojwt_cli_inspect_cert, CERT_HELP, NULL },
	{ "inspect-request", oojwt_cli_inspect_request, REQUEST_HELP, NULL },
	{ "explain-secret", oojwt_cli_explain_secret, EXPLAIN_HELP, NULL },
	{ "compare-secrets", oojwt_cli_compare_secrets, COMPARE_HELP, NULL },
	{ "commands", oojwt_cli_commands, COMMANDS_HELP, NULL }
};

static int
write_text(const char *s)
{
	if (fputs(s, stdout) == EOF || fflush(stdout) != 0) {
		return OOJWT_EXIT_INTERNAL;
	}
	return OOJWT_EXIT_OK;
}

int
main(int argc, char **argv)
{
	oojwt_cli_opts o;
	const command *cmd = NULL;
	char err[512];
	const char *color;
	size_t i;
	int code;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0
		|| strcmp(argv[1], "help") == 0)
	{
		if (argc >= 3 && strcmp(argv[1], "help") == 0) {
			argv[1] = argv[2];
			argv[2] = (char *)"--help";
			argc = 3;
		} else if (argc < 2) {
			fputs(MAIN_HELP, stderr);
			return OOJWT_EXIT_USAGE;
		} else {
			return write_text(MAIN_HELP);
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
		fprintf(stderr, "oojwt: unknown command '%s'\nTry 'oojwt --help'.\n",
			argv[1]);
		return OOJWT_EXIT_USAGE;
	}
	if (cmd->run == NULL) {
		fprintf(stderr, "oojwt: %s: not in this build yet (it needs %s of the "
			"C core)\n", cmd->name, cmd->needs);
		return OOJWT_EXIT_USAGE;
	}
	memset(&o, 0, sizeof o);
	o.command = cmd->name;
	code = oojwt_cli_parse(&o, argc, argv, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		oojwt_cli_error(o.command, err);
		fprintf(stderr, "Try 'oojwt %s --help'.\n", o.command);
		return code;
	}
	if (o.help) {
		return write_text(cmd->help);
	}
	/* Tokens, secrets, keys and configurations are read from here on. */
	oojwt_cli_no_core_dumps();
	color = getenv("NO_COLOR");
	o.color = isatty(1) && (color == NULL || color[0] == 0);
	return cmd->run(&o);
}
