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

#define SECRET_HELP \
	"Secret (one of; never only on the command line):\n" \
	"  --secret-file PATH          read it from a file (one final newline is dropped)\n" \
	"  --secret-env NAME           read it from the environment variable NAME\n" \
	"                              (default when no source is given: $OOJWT_SECRET)\n" \
	"  --secret-from-local-json PATH [--which inbox|outbox|session|browser]\n" \
	"                              services.CoAuthoring.secret.<which>.string of a\n" \
	"                              Document Server local.json (default: inbox), e.g.\n" \
	"                              /etc/onlyoffice/documentserver/local.json\n" \
	"  --secret VALUE              allowed, with a warning: it shows in ps and history\n"

#define INPUT_HELP \
	"INPUT is a file (FILE, or @FILE to say so), - for standard input (also\n" \
	"read when INPUT is missing and standard input is not a terminal), or the\n" \
	"text itself. Whitespace around text read from a file or standard input is\n" \
	"ignored. Text that is not what the command reads (a token given to\n" \
	"server-config, a local.json to verify) is refused with exit code 3.\n" \
	"--quiet prints the verdict line only.\n" \
	LANG_HELP

/* The language of findings and errors (src/cli/i18n.c). */
#define LANG_HELP \
	"--lang en|zh-CN writes findings and errors in that language (default: the\n" \
	"first of LC_ALL, LC_MESSAGES, LANG; English when it names no catalog);\n" \
	"--json stays English, with each message's params.\n"

/* Each command's exit codes: its own 0 and 1, then these. */
#define EXIT_TAIL \
	"2 usage error, 3 input error (unreadable file, secret or key; text that\n" \
	"is not what the command reads), 4 internal error (out of memory, output\n" \
	"failed).\n"

/* The main help is a word (help.main, src/cli/words/): the summary of
 * each command in the user's language. */

static const char DECODE_HELP[] =
	"usage: oojwt decode [--json] [INPUT]\n"
	"\n"
	"Decode a token without verifying it: header, payload, time claims in\n"
	"UTC, signature length, and every reason the token cannot be decoded.\n"
	"\n"
	INPUT_HELP
	"\n"
	"Exit codes: 0 decoded, 1 not decodable (every reason listed),\n"
	EXIT_TAIL;

static const char VERIFY_HELP[] =
	"usage: oojwt verify [SECRET OPTIONS] [--profile strict|onlyoffice] [--algorithms A,B]\n"
	"                    [--now SECONDS] [--clock-tolerance SECONDS] [--json] [INPUT]\n"
	"\n"
	"Verify a token strictly and report every problem it has.\n"
	"\n"
	"  --algorithms A,B       allowed algorithms (default HS256,HS384,HS512 for a\n"
	"                         secret, every algorithm for an RSA or EC key)\n"
	"  --now SECONDS          the time to judge exp/nbf at (default: the clock)\n"
	"  --clock-tolerance S    seconds granted to exp and nbf (default 0;\n"
	"                         Document Server uses 60)\n"
	"  --profile P            strict (every problem, oojwt's rules) or onlyoffice\n"
	"                         (Document Server's answer, with the secret forensics\n"
	"                         when the signature fails); default: onlyoffice with\n"
	"                         --secret-from-local-json, strict otherwise\n"
	"  --payload              print the header and payload of a valid token too\n"
	"                         (an invalid one always shows them; decode prints\n"
	"                         them without a secret)\n"
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
	"Exit codes: 0 valid, 1 invalid (every problem listed),\n"
	EXIT_TAIL
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
	"Exit codes: 0 signed (1 is never used),\n"
	EXIT_TAIL;

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
	"\n"
	SECRET_HELP
	"\n"
	INPUT_HELP
	"\n"
	"Exit codes: 0 the secret as given verifies, 1 it does not,\n"
	EXIT_TAIL;

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
	"\n"
	SECRET_HELP
	"\n"
	INPUT_HELP
	"\n"
	"Exit codes: 0 the secrets are equal, 1 they differ,\n"
	EXIT_TAIL;

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
	LANG_HELP
	"\n"
	"Exit codes: 0 the commands are printed (1 is never used),\n"
	EXIT_TAIL;

static const char CONFIG_HELP[] =
	"usage: oojwt server-config [--defaults PATH] [--show-secrets] [--json] [INPUT]\n"
	"\n"
	"Document Server's effective JWT settings from local.json (or Docker\n"
	"JWT_* lines from an env or compose file), merged over default.json as\n"
	"shipped (or --defaults PATH) as the server merges them: which tokens are\n"
	"on, where each secret comes from, headers, and the findings with fixes.\n"
	"Secrets are shown by their length unless --show-secrets is given.\n"
	"\n"
	"Example:\n"
	"  oojwt server-config @/etc/onlyoffice/documentserver/local.json\n"
	"\n"
	INPUT_HELP
	"\n"
	"Exit codes: 0 no finding is an error, 1 one is,\n"
	EXIT_TAIL;

static const char INSPECT_HELP[] =
	"usage: oojwt inspect-config [SECRET OPTIONS] [--server-config PATH] [--now SECONDS]\n"
	"                            [--server-version V] [--kind NAME] [--connector NAME]\n"
	"                            [--json] [INPUT]\n"
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
	"  --connector NAME       the connector that signed the config (nextcloud,\n"
	"                         moodle, strapi, ...): what it signs (iat, exp and\n"
	"                         its lifetime), a token unlike it, a secret its\n"
	"                         library refuses to sign with; default: told from\n"
	"                         the config's URLs and claims, with a confidence\n"
	"                         (used when high); none: no connector checks\n"
	"\n"
	SECRET_HELP
	"\n"
	INPUT_HELP
	"\n"
	"Exit codes: 0 the editor opens (or the token is accepted), 1 not,\n"
	EXIT_TAIL;

static const char INSPECT_URL_HELP[] =
	"usage: oojwt inspect-url [SECRET] [--now SECONDS] [--json] [INPUT]\n"
	"\n"
	"What the nginx of Document Server answers for a download link\n"
	"(.../cache/files/...?md5=...&expires=...): 200, 400, 403 (missing or wrong\n"
	"signature) or 410 (expired), the path nginx checks, the expiry, and when\n"
	"the signature fails, which form of the path or of the secret it matches.\n"
	"Without a secret the signature is not checked.\n"
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
	"Exit codes: 0 nginx answers 200, 1 another status,\n"
	EXIT_TAIL;

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
	"\n"
	"Example:\n"
	"  oojwt nginx-config --server-config /etc/onlyoffice/documentserver/local.json \\\n"
	"      @/etc/onlyoffice/documentserver/nginx/ds.conf\n"
	"\n"
	INPUT_HELP
	"\n"
	"Exit codes: 0 no finding is an error, 1 one is,\n"
	EXIT_TAIL;

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
	"Example:\n"
	"  oojwt inspect-cert --host 192.0.2.10 --key ds.key @/etc/ssl/certs/ds.crt\n"
	"\n"
	INPUT_HELP
	"\n"
	"Exit codes: 0 no finding is an error, 1 one is,\n"
	EXIT_TAIL;

static const char REQUEST_HELP[] =
	"usage: oojwt inspect-request --kind KIND [SECRET OPTIONS] [--server-config PATH]\n"
	"                             [--now SECONDS] [--clock-tolerance S] [--connector NAME]\n"
	"                             [--leeway S] [--json] [INPUT]\n"
	"\n"
	"Judge an HTTP request as its receiver does. KIND is callback (Document\n"
	"Server -> your callbackUrl, judged as the connectors do, outbox secret),\n"
	"download (Document Server's GET of document.url with {payload: {url}} in\n"
	"the outbox header, judged as the connectors' download handlers do),\n"
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
	"the outbox secret for callbacks and downloads unless --which says otherwise.\n"
	"  --clock-tolerance S    seconds (default: verifyOptions, 60; callbacks and\n"
	"                         downloads 0, the connectors' leeway)\n"
	"  --connector NAME       callbacks, downloads: judge as this connector only\n"
	"                         (nextcloud, owncloud, moodle, strapi, ...; default:\n"
	"                         every one, one line each); command, converter,\n"
	"                         docbuilder: the connector that sent it, as\n"
	"                         inspect-config takes it (default: told from the\n"
	"                         request's URLs and claims; none: no checks)\n"
	"  --leeway S             callbacks, downloads: the connector's leeway in\n"
	"                         seconds (Nextcloud's jwt_leeway) instead of its default\n"
	"\n"
	SECRET_HELP
	"\n"
	INPUT_HELP
	"\n"
	"Exit codes: 0 the receiver accepts the request, 1 it refuses it,\n"
	EXIT_TAIL;

static const char CONNECTOR_HELP[] =
	"usage: oojwt connector-settings [--server-config PATH] [--show-secrets] [--json] [INPUT]\n"
	"\n"
	"Read what the connector side holds, as the connector uses it: Nextcloud's or\n"
	"ownCloud's config.php ('onlyoffice' => [...]), the output of\n"
	"'occ config:app:get onlyoffice KEY' (with the command lines) or of\n"
	"'occ config:list onlyoffice', the Moodle plugin's settings, or the Mattermost\n"
	"plugin's entry of config.json. It says which connector and form it read, the\n"
	"secret, header, prefix, leeway and certificate checks the connector ends up\n"
	"with, and what is wrong with them.\n"
	"\n"
	"  --server-config PATH   Document Server's local.json (or Docker JWT_* lines):\n"
	"                         compare the connector's secret byte for byte with\n"
	"                         secret.inbox and secret.outbox (saying how they\n"
	"                         differ, invisible characters named, never the\n"
	"                         secrets), and the header, prefix and certificate\n"
	"                         checks of both sides\n"
	"  --show-secrets         print the connector's secret (default: its length)\n"
	"  --json                 the report kit.onlyoffice.readConnectorSettings returns\n"
	"\n"
	"Example:\n"
	"  oojwt connector-settings --server-config local.json @config.php\n"
	"\n"
	INPUT_HELP
	"\n"
	"Exit codes: 0 nothing is an error, 1 a finding is an error or the text is\n"
	"no connector's settings,\n"
	EXIT_TAIL;

static const char DIAGNOSE_HELP[] =
	"usage: oojwt diagnose [SECRET OPTIONS] [--now SECONDS] [--quiet] [--json]\n"
	"                      [--export FORMAT] [--root DIR] [INPUT...]\n"
	"\n"
	"Say what each input is (a token, an Authorization header, a log line,\n"
	"Document Server's log, an editor config or page source, a request or\n"
	"callback, local.json, Docker settings, docker exec output, a connector's\n"
	"settings, an nginx config, a certificate or key, a download link, an error\n"
	"message), run every check that applies to them together -- each token\n"
	"against every secret held, in every variant -- and give one verdict: what\n"
	"fails, why, and the fix. --json prints the same report as the JS module's\n"
	"kit.diagnose(); --quiet prints the verdict line only.\n"
	"\n"
	"  --export FORMAT        markdown or text: the diagnosis to paste into a\n"
	"                         forum post or a support ticket (the verdict, each\n"
	"                         input's name and kind but never its text, the other\n"
	"                         findings, the commands), every secret written\n"
	"                         \xE2\x80\xB9secret, N characters\xE2\x80\xBA and every token\n"
	"                         \xE2\x80\xB9token, N characters\xE2\x80\xBA\n"
	"  --root DIR             look for a host's files under DIR\n"
	"\n"
	"With no INPUT, the files of a Document Server host are read where they\n"
	"exist, each named on standard error: /etc/onlyoffice/documentserver/\n"
	"local.json, nginx's ds.conf in /etc/onlyoffice/documentserver/nginx/ and\n"
	"/etc/nginx/conf.d/, and the certificate and key ds.conf names. With none\n"
	"of them, it says what to give and exits with 2.\n"
	"\n"
	"Example:\n"
	"  oojwt diagnose /etc/onlyoffice/documentserver/local.json @token.txt \\\n"
	"    'Error when trying to connect (Invalid token)'\n"
	"\n"
	SECRET_HELP
	"\n"
	"Each INPUT is the text itself, @FILE or the path of an existing file, or -\n"
	"for standard input. Up to 16 inputs.\n"
	LANG_HELP
	"\n"
	"Exit codes: 0 no problem found, 1 a problem found (the verdict is an error\n"
	"or a warning),\n"
	EXIT_TAIL;

static const char SYMPTOMS_HELP[] =
	"usage: oojwt symptoms [--json]\n"
	"\n"
	"List the messages a user meets when tokens fail -- the editor's (-20,\n"
	"-21, -23, -4), Nextcloud's, ownCloud's and Moodle's, Document Server's\n"
	"log lines -- in the product's own English and Simplified Chinese words,\n"
	"each with what it means and what to paste next and where to get it.\n"
	"--json prints the list the JS module's kit.symptoms() returns, with the\n"
	"source of every text. oojwt diagnose recognises each message, in either\n"
	"language.\n"
	"\n"
	"Example:\n"
	"  oojwt symptoms --json\n"
	"\n"
	"Exit codes: 0 listed, 1 never,\n"
	EXIT_TAIL;

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
	{ "connector-settings", oojwt_cli_connector_settings, CONNECTOR_HELP, NULL },
	{ "diagnose", oojwt_cli_diagnose, DIAGNOSE_HELP, NULL },
	{ "symptoms", oojwt_cli_symptoms, SYMPTOMS_HELP, NULL },
	{ "compare-secrets", oojwt_cli_compare_secrets, COMPARE_HELP, NULL },
	{ "commands", oojwt_cli_commands, COMMANDS_HELP, NULL }
};

/* Word `id` (no params) to standard output, or to standard error. */
static int
write_word(int fd, const char *id)
{
	oojwt_sb sb;
	int rc;

	memset(&sb, 0, sizeof sb);
	oojwt_cli_word(&sb, id, NULL, NULL);
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
			(void)write_word(OOJWT_CLI_STDERR, OOJWT_WORD("help.main"));
			return OOJWT_EXIT_USAGE;
		} else {
			return write_word(OOJWT_CLI_STDOUT, OOJWT_WORD("help.main"));
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
	if (o.help) {
		return write_text(cmd->help);
	}
	if (oojwt_cli_set_lang(o.lang) != 0) {
		(void)oojwt_cli_set_lang(NULL);
		oojwt_cli_wsnprintf(err, sizeof err, OOJWT_WORD("usage.no_catalog"),
			"lang,langs", "%s%s", o.lang, oojwt_cli_langs());
		oojwt_cli_error(o.command, err);
		return OOJWT_EXIT_USAGE;
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
