/*
 * Internal declarations of the command line (src/cli/), built twice:
 * natively as build/oojwt and into bin/oojwt-cli.wasm, which the Node
 * command bin/oojwt.mjs runs. Everything but the two host files is the
 * same code in both, so both print the same bytes.
 *
 *   main.c     oojwt_cli_main(): the command table, main help, exit codes
 *   host_native.c  the process: files, stdin, environment, output, clock,
 *                 terminal (POSIX stdio), and main()
 *   host_wasm.c    the same through the imports bin/oojwt.mjs provides
 *   wasm_cli.c the module's exports: run, alloc, wipe-and-free
 *   args.c     the argument parser (options, numbers)
 *   input.c    reading a token or payload from an argument, a file or stdin
 *   secret.c   the secret sources (file, environment, local.json, argument)
 *   js_json.c  JSON written as JavaScript's JSON.stringify writes it
 *   jwt.c      decode, verify, sign: calling the core, printing results
 *   ds.c       the Document Server commands (explain-secret, server-config,
 *                 inspect-config)
 *   deploy.c   the deployment commands (inspect-url, nginx-config)
 *   cert.c     inspect-cert: a TLS certificate, its key and host
 *   request.c  inspect-request
 *   connector.c  connector-settings
 *   diagnose.c diagnose: any number of inputs, one verdict
 *   print.c    output for people: no control or bidi character of the
 *                 input reaches the terminal
 *   i18n.c     the user's language (--lang, LC_ALL, LC_MESSAGES, LANG)
 *                 and a finding's message and fix in it
 *   i18n_format.c  a catalog template filled with a finding's params
 *   words.c    the command line's own words by id (src/cli/words/<lang>.json),
 *                 and the diagnosis's English read back in the user's
 *                 language
 */
#ifndef OOJWT_CLI_H__
#define OOJWT_CLI_H__

#include <stdarg.h>
#include <stddef.h>
#include "../diagnose/diagnose.h"

#define OOJWT_CLI_VERSION "0.1.0"

/* Exit codes (documented in `oojwt --help`). */
#define OOJWT_EXIT_OK       0  /* valid token; decoded; signed */
#define OOJWT_EXIT_INVALID  1  /* the token is invalid or undecodable */
#define OOJWT_EXIT_USAGE    2  /* bad command line */
#define OOJWT_EXIT_INPUT    3  /* unreadable input, secret or payload */
#define OOJWT_EXIT_INTERNAL 4  /* out of memory, output failed */

/* Everything the command line said. Strings point into argv. */
typedef struct {
	const char *command;
	const char *input;        /* TOKEN / PAYLOAD, @FILE or -, NULL: none */
	int json;
	int help;
	int quiet;                /* --quiet: the verdict line only */
	int color;                /* set by main: stdout is a terminal */
	/* secret sources */
	const char *secret;
	const char *secret_file;
	const char *secret_env;
	const char *local_json;
	const char *which;
	const char *jwt_key_file;     /* verify, sign: --key-file */
	/* verify */
	const char *algorithms;
	const char *profile;      /* --profile strict|onlyoffice, NULL: default */
	int has_now, has_tolerance;
	double now, tolerance;
	/* sign */
	const char *alg;
	const char *header;
	int iat;                  /* 0: none, 1: true (now), 2: iat_value */
	double iat_value;
	const char *expires_in;
	/* server-config */
	const char *defaults;
	int show_secrets;
	int show_payload;         /* verify --payload */
	/* inspect-config */
	const char *server_config;
	/* inspect-url */
	const char *nginx_config;
	/* inspect-cert */
	const char *key_file;
	const char *host;
	/* inspect-request */
	const char *kind;
	const char *connector;
	double leeway;
	int has_leeway;
	/* inspect-config */
	const char *server_version;
	/* diagnose: every positional argument */
	const char *inputs[OOJWT_DIAG_MAX_ITEMS];
	size_t n_inputs;
	const char *export_format;    /* --export markdown|text */
	const char *root;             /* --root DIR: a host's files under DIR */
	/* compare-secrets: the second secret */
	const char *other_secret_file;
	const char *other_secret_env;
	/* commands */
	const char *container;
	const char *url;
	const char *jwt_header;
	const char *sign_with;
	int self_signed;
	int include_secret;
	const char *lang;         /* --lang: the human output's language */
} oojwt_cli_opts;

/* ---- host_native.c / host_wasm.c: the process ---------------------- */

/*
 * The only functions that touch the process. A file named *_native.c is
 * built into build/oojwt only, *_wasm.c into the wasm module only; every
 * other file of src/cli/ goes into both.
 */
#define OOJWT_CLI_STDOUT 1
#define OOJWT_CLI_STDERR 2

/*
 * The whole file at `path` (NULL: standard input). On success 0, *buf
 * malloc'd with a NUL after *len bytes (free it with oojwt_wipe_free(*buf,
 * *len + 1)). More than `max` bytes: 1, nothing kept. Unreadable: 2, with
 * the error's errno name ("ENOENT") in `errname`. Out of memory: 3.
 */
int oojwt_cli_host_read(const char *path, size_t max, char **buf,
	size_t *len, char *errname, size_t errcap);
/* 1 when `path` names a regular file (following links), else 0. */
int oojwt_cli_host_is_file(const char *path);
/* The environment variable `name`: 1 when set, 0 when not. With `value`
 * not NULL, a malloc'd copy (NUL after *len bytes) to be wiped and freed
 * with oojwt_wipe_free(*value, *len + 1); 0 with *value NULL when out of
 * memory. */
int oojwt_cli_host_getenv(const char *name, char **value, size_t *len);
/* Write to standard output (buffered until oojwt_cli_host_flush) or
 * standard error (at once, after flushing standard output). 0 or -1. */
int oojwt_cli_host_write(int fd, const char *buf, size_t len);
int oojwt_cli_host_flush(void);
/* 1 when the descriptor (0, 1, 2) is a terminal. */
int oojwt_cli_host_isatty(int fd);
/* The clock in seconds since 1970 (whole seconds, as time(NULL)). */
double oojwt_cli_host_now(void);
/* No core dumps (oojwt_cli_no_core_dumps; nothing to do in wasm). */
void oojwt_cli_no_core_dumps(void);

/* ---- main.c ------------------------------------------------------ */

/* The command line: argv[0] is the program, argv[1] the command. The
 * exit code; standard output is flushed. */
int oojwt_cli_main(int argc, char **argv);

/* ---- args.c ------------------------------------------------------ */

/*
 * Parse argv[2..] (argv[1] is the command) into `o`. Returns
 * OOJWT_EXIT_OK or OOJWT_EXIT_USAGE with a sentence in `err`.
 */
int oojwt_cli_parse(oojwt_cli_opts *o, int argc, char **argv,
	char *err, size_t cap);
/* A decimal number as the CLIs accept it: -?D+(.D+)?([eE][+-]?D+)?,
 * finite. 1 and *out on success, 0 otherwise. */
int oojwt_cli_number(const char *s, double *out);

/* ---- input.c ----------------------------------------------------- */

/*
 * The text named by `arg`: "-" (or NULL when stdin is not a terminal)
 * reads stdin, "@PATH" reads a file, anything else is the text itself.
 * With `trim`, ASCII whitespace around text read from stdin or a file
 * is removed (a token file ends with a newline). *buf is malloc'd (NUL
 * after *len bytes); free it with oojwt_wipe_free(*buf, *len + 1).
 * Returns OOJWT_EXIT_OK, OOJWT_EXIT_USAGE or OOJWT_EXIT_INPUT (with
 * `err`).
 */
int oojwt_cli_read_input(const char *arg, int trim, char **buf,
	size_t *len, char *err, size_t cap);
/* The whole file at `path` (NULL: stdin), at most `max` bytes. */
int oojwt_cli_read_file(const char *path, size_t max, char **buf,
	size_t *len, char *err, size_t cap);

/* ---- print.c ----------------------------------------------------- */

/* Append `len` bytes of text for people to `sb`: each character
 * oojwt_cp_hidden names (controls, bidi and invisible format characters)
 * as \uXXXX; everything else, bytes that are not UTF-8 included, as it is. */
void oojwt_cli_put_safe(oojwt_sb *sb, const char *text, size_t len);
/* `len` bytes of `s` ((size_t)-1: up to its NUL) through
 * oojwt_cli_put_safe into `sb` (emptied first), NUL-terminated: the value
 * of a word's param taken from the input (a word's params would write a
 * control character \xNN, oojwt_vfmtp; this keeps the \uXXXX of every
 * other line). The caller frees sb->buf with oojwt_wipe_free. */
const char *oojwt_cli_safe(oojwt_sb *sb, const char *s, size_t len);

/* printf to standard output for people, through oojwt_cli_put_safe. The
 * formatted text (which may hold secrets: --show-secrets) is wiped.
 * Returns the bytes written, or a negative number on failure. */
#ifdef __GNUC__
__attribute__((format(printf, 1, 2)))
#endif
int oojwt_cli_printf(const char *fmt, ...);
/* Standard output for every command: `len` bytes as they are; with
 * --quiet (oojwt_cli_set_quiet) only up to the first line's end. 0 or -1. */
int oojwt_cli_out(const char *buf, size_t len);
void oojwt_cli_set_quiet(int on);

/* printf to standard error, as it is (messages of oojwt's own). */
#ifdef __GNUC__
__attribute__((format(printf, 1, 2)))
#endif
void oojwt_cli_eprintf(const char *fmt, ...);
/* `s` to standard output as it is; 0 or -1. */
int oojwt_cli_puts(const char *s);

/* ---- i18n.c, i18n_format.c: the user's language -------------------- */

/* A catalog as the build turns web/lib/locales/LANG.json into C data
 * (build/gen/catalogs.c, written by tools/catalogs-c.mjs): each code's
 * message and fix templates, in code order. */
typedef struct {
	const char *code;
	const char *message;
	const char *fix;
} oojwt_cli_entry;
typedef struct {
	const char *lang;     /* "zh-CN" */
	const char *name;     /* "简体中文" */
	const oojwt_cli_entry *entries;
	size_t n;
	const struct oojwt_cli_word_s *words;  /* src/cli/words/LANG.json */
	size_t n_words;
} oojwt_cli_catalog;
/* Every catalog but English (whose words are the C code's own), and the
 * tags of all, English first: "en, zh-CN". */
extern const oojwt_cli_catalog oojwt_cli_catalogs[];
extern const size_t oojwt_cli_n_catalogs;
extern const char oojwt_cli_lang_list[];

/*
 * Choose the language of the human output: `arg` (--lang) when not
 * NULL, else LC_ALL, LC_MESSAGES, LANG (the first set and not empty; a
 * locale that names no catalog is English). 0, or -1 when `arg` names
 * no catalog (English is then chosen).
 */
int oojwt_cli_set_lang(const char *arg);
/* The chosen language's tag ("en", "zh-CN"), and every tag, for
 * messages ("en, zh-CN"). */
const char *oojwt_cli_lang(void);
const char *oojwt_cli_langs(void);

/*
 * A finding's or an error's message and fix as the human output shows
 * them: from the chosen catalog's entry for `code` (a code name) filled
 * with `params` (a JSON object, NULL: none), or the English `message`
 * and `fix` as they are when the language is English, the catalog has
 * no entry, or a template names a param `params` lacks. An empty fix
 * stays empty. Release with oojwt_cli_said_free().
 */
typedef struct {
	const char *message;
	const char *fix;
	oojwt_sb m, f;        /* the rendered texts the pointers may name */
} oojwt_cli_said;
void oojwt_cli_say(oojwt_cli_said *s, const char *code,
	const oojwt_jv *params, const char *message, const char *fix);
/* The same for a code number and params as JSON text (NULL: none). */
void oojwt_cli_say_text(oojwt_cli_said *s, int code, const char *params,
	const char *message, const char *fix);
void oojwt_cli_said_free(oojwt_cli_said *s);
/* "SEVERITY CODE at PATH: MESSAGE\n    fix: FIX\n" to standard output,
 * in the chosen language. */
void oojwt_cli_print_finding(const oojwt_finding *f);
/* The same line from its parts (a report's finding read as JSON). */
void oojwt_cli_print_finding_said(const char *severity, const char *code,
	const char *path, const oojwt_cli_said *s);
/* "KIND CODE: MESSAGE\n" of an issue (a warning, an error). */
void oojwt_cli_print_issue(const char *kind, const oojwt_issue *e);

/*
 * Append catalog template `tmpl` (`len` bytes) filled with `params` to
 * `out`, with the plural rules of `lang`: {name}, {name, plural, ...},
 * {name, select, ...} (i18n_format.c says how). 0, or -1 when the
 * template is malformed or names a param `params` lacks (what was
 * appended is then to be discarded).
 */
int oojwt_cli_format(oojwt_sb *out, const char *tmpl, size_t len,
	const oojwt_jv *params, const char *lang);
/* The same, each {name} whose param is a string written by `put` (the
 * phrases of the words catalog: oojwt_cli_put_phrase). */
typedef void (*oojwt_cli_put_fn)(oojwt_sb *out, const char *s, size_t len);
int oojwt_cli_format_put(oojwt_sb *out, const char *tmpl, size_t len,
	const oojwt_jv *params, const char *lang, oojwt_cli_put_fn put);

/* ---- words.c: the command line's own words ------------------------ */

/*
 * A word of the command line: an id (stable, dotted: "diagnose.cause")
 * and its template. The C code writes each id as OOJWT_WORD("...") so
 * that tests/cli/words.test.mjs finds every id the code uses and checks
 * that each has an English and a zh-CN entry, and each entry a user.
 */
#define OOJWT_WORD(id) (id)
struct oojwt_cli_word_s {
	const char *id;
	const char *text;
};
typedef struct oojwt_cli_word_s oojwt_cli_word_entry;
extern const oojwt_cli_word_entry oojwt_cli_en_words[];
extern const size_t oojwt_cli_n_en_words;
/* The chosen catalog (NULL: English). */
const oojwt_cli_catalog *oojwt_cli_catalog_chosen(void);
/* The English template of `id`, NULL when there is none. */
const char *oojwt_cli_word_en(const char *id);
/*
 * Append word `id` in the chosen language to `sb`, filled with the
 * params the conversions of `fmt` write under `names` (oojwt_fmtp: %s
 * %d %z %l %t; names and fmt NULL: none), or with `params` (a JSON
 * object text, NULL: none). A template the language lacks or cannot fill
 * is English's; an id with no English template is written as it is.
 */
void oojwt_cli_word(oojwt_sb *sb, const char *id, const char *names,
	const char *fmt, ...);
void oojwt_cli_vword(oojwt_sb *sb, const char *id, const char *names,
	const char *fmt, va_list ap);
void oojwt_cli_word_params(oojwt_sb *sb, const char *id, const char *params);
/* The same to standard output (through oojwt_cli_printf), to standard
 * error, or into `out` (`cap` bytes, cut to fit). */
int oojwt_cli_wprintf(const char *id, const char *names, const char *fmt, ...);
void oojwt_cli_weprintf(const char *id, const char *names, const char *fmt,
	...);
void oojwt_cli_wsnprintf(char *out, size_t cap, const char *id,
	const char *names, const char *fmt, ...);
/*
 * An English sentence of the diagnosis in the chosen language: the first
 * of the `n` ids whose English template it is (its {name} parts taken
 * from it, each translated as a phrase), written in the chosen language
 * into `sb`; 1 then, else 0 with the sentence appended as it is (always,
 * in English). _str: into an empty `sb`, returned NUL-terminated (free
 * sb.buf with oojwt_wipe_free(sb.buf, sb.cap)).
 */
int oojwt_cli_tr(oojwt_sb *sb, const char *text, const char *const *ids,
	size_t n);
/* The ids of what a proposed command does (src/deploy/commands.c), for
 * oojwt_cli_tr: diagnose's commands and the commands command. */
extern const char *const oojwt_cli_explain_ids[];
extern const size_t oojwt_cli_n_explain_ids;
const char *oojwt_cli_tr_str(oojwt_sb *sb, const char *text,
	const char *const *ids, size_t n);
/* A name or sub-sentence ("the secret of the environment") as the
 * "phrase." words give it in the chosen language; as it is when none
 * matches. _str as above; put: appended to `out`. */
const char *oojwt_cli_phrase_str(oojwt_sb *sb, const char *text);
void oojwt_cli_put_phrase(oojwt_sb *out, const char *s, size_t len);

/* ---- sniff.c: what a text looks like ------------------------------ */

enum {
	OOJWT_CLI_TEXT_OTHER = 0,
	OOJWT_CLI_TEXT_TOKEN,         /* a JWT, alone or in a header/log line */
	OOJWT_CLI_TEXT_LOCAL_JSON,    /* JSON with services.CoAuthoring */
	OOJWT_CLI_TEXT_EDITOR_CONFIG, /* JSON with document / editorConfig */
	OOJWT_CLI_TEXT_JSON,          /* other JSON */
	OOJWT_CLI_TEXT_ENV,           /* JWT_* / KEY=value lines */
	OOJWT_CLI_TEXT_NGINX,         /* nginx directives, server { } */
	OOJWT_CLI_TEXT_CERT,          /* -----BEGIN CERTIFICATE----- */
	OOJWT_CLI_TEXT_KEY,           /* -----BEGIN ... KEY----- */
	OOJWT_CLI_TEXT_HTTP,          /* a request line: POST /... HTTP/1.1 */
	OOJWT_CLI_TEXT_URL,           /* http(s)://... */
	OOJWT_CLI_TEXT_PATH           /* one word with a '/' or ending .json:
	                                 a file name that names no file */
};

/* The OOJWT_CLI_TEXT_* kind `len` bytes of text look like (a guess from
 * their first characters, for the sentence of oojwt_cli_refuse). */
int oojwt_cli_text_kind(const char *text, size_t len);
/*
 * Refuse text that is not what the command reads: "oojwt: CMD: this is
 * not EXPECTED: it looks like PHRASE; COMMAND reads it" on standard
 * error, in the user's language (word usage.refuse; EXPECTED a "phrase."
 * word); returns OOJWT_EXIT_INPUT.
 */
int oojwt_cli_refuse(const char *command, int kind, const char *expected);
/*
 * The command's INPUT (oojwt_cli_read_input, `trim` as there), refused
 * when its kind is not one of `accept` (a mask of OOJWT_CLI_KIND(kind)
 * bits) with oojwt_cli_refuse(). On failure *buf is NULL and the exit
 * code is returned: a read error's sentence is in `err` for the caller to
 * print (err[0] is 0 after a refusal, which is already said).
 */
#define OOJWT_CLI_KIND(kind) (1u << (kind))
int oojwt_cli_read_expected(const oojwt_cli_opts *o, int trim,
	unsigned accept, const char *expected, char **buf, size_t *len,
	char *err, size_t cap);

/*
 * The token in `text` (`*len` bytes, NUL after them), as the page finds
 * it in a pasted Authorization header, Bearer value, log line or quoted
 * string (oojwt_extract_token): moved to the start of `text` (the rest
 * wiped), *len updated, and a note on standard error naming what was
 * stripped. Nothing happens when the text is the token.
 */
void oojwt_cli_take_token(const char *command, char *text, size_t *len);

/* ---- secret.c ---------------------------------------------------- */

/*
 * The secret from the one source the options name (or $OOJWT_SECRET
 * when they name none). *secret is malloc'd; wipe and free it with
 * oojwt_wipe_free(*secret, *len + 1). Prints the --secret warning on
 * stderr. Returns an OOJWT_EXIT_* code (with `err`).
 */
int oojwt_cli_secret(const oojwt_cli_opts *o, unsigned char **secret,
	size_t *len, char *err, size_t cap);
/*
 * services.CoAuthoring.secret.<which>.string of a Document Server
 * local.json text (strict JSON: a repeated member is refused).
 */
int oojwt_cli_local_json_secret(const char *text, size_t len,
	const char *which, unsigned char **secret, size_t *secret_len,
	char *err, size_t cap);

/* ---- js_json.c --------------------------------------------------- */

/*
 * A JavaScript object being built the way `{...a, b: 1}` builds one:
 * setting a name that exists replaces its value in place, a new name is
 * appended; written out, names that are array indices come first in
 * ascending order (as JavaScript orders them), the others in order of
 * insertion. Values are parsed JSON trees, strings or numbers.
 */
typedef struct {
	const char *name;
	const oojwt_jv *jv;       /* when not NULL */
	const char *str;          /* else a string when not NULL */
	double num;               /* else a number */
} oojwt_cli_member;

typedef struct {
	oojwt_cli_member *m;
	size_t n, cap;
	int failed;
} oojwt_cli_obj;

void oojwt_cli_obj_set_jv(oojwt_cli_obj *o, const char *name,
	const oojwt_jv *v);
void oojwt_cli_obj_set_str(oojwt_cli_obj *o, const char *name,
	const char *s);
void oojwt_cli_obj_set_num(oojwt_cli_obj *o, const char *name, double d);
/* Every member of the parsed object `v`, in order. */
void oojwt_cli_obj_spread(oojwt_cli_obj *o, const oojwt_jv *v);
const oojwt_cli_member *oojwt_cli_obj_find(const oojwt_cli_obj *o,
	const char *name);
void oojwt_cli_obj_free(oojwt_cli_obj *o);
/* JSON.stringify(o) / JSON.stringify(v) / of a number / of a string. */
void oojwt_cli_js_obj(oojwt_sb *sb, const oojwt_cli_obj *o);
void oojwt_cli_js_value(oojwt_sb *sb, const oojwt_jv *v);
void oojwt_cli_js_number(oojwt_sb *sb, double d);
void oojwt_cli_js_string(oojwt_sb *sb, const char *s, size_t len);
/* Strict JSON text re-indented with two spaces per level (as
 * JSON.stringify(v, null, 2) lays it out), in linear time. */
void oojwt_cli_json_indent(oojwt_sb *sb, const char *s, size_t len);

/* ---- jwt.c ------------------------------------------------------- */

int oojwt_cli_decode(const oojwt_cli_opts *o);
int oojwt_cli_verify(const oojwt_cli_opts *o);
int oojwt_cli_sign(const oojwt_cli_opts *o);
/* Print the secret forensics of a failed signature (oojwt_secret_explain). */
void oojwt_cli_print_forensics(const oojwt_secret_report *x);

/* ---- ds.c -------------------------------------------------------- */

int oojwt_cli_explain_secret(const oojwt_cli_opts *o);
/* Write sb to standard output, then wipe and free it: the exit code
 * (out of memory, when building sb failed, said on stderr). */
int oojwt_cli_put_sb(const oojwt_cli_opts *o, oojwt_sb *sb);
int oojwt_cli_compare_secrets(const oojwt_cli_opts *o);
int oojwt_cli_server_config(const oojwt_cli_opts *o);
int oojwt_cli_inspect_config(const oojwt_cli_opts *o);
/* Print a core JSON report as JSON.stringify writes the JS module's
 * object (what bin/oojwt.mjs prints); frees `rep`. An exit code. */
int oojwt_cli_print_report(const oojwt_cli_opts *o, char *rep, size_t len);

/* ---- request.c --------------------------------------------------- */

/* --connector NAME: *connector = row + 1 (-1 for "none" when
 * allow_none), or OOJWT_EXIT_USAGE with the names in `err`. */
int oojwt_cli_connector(const char *name, int allow_none, int *connector,
	char *err, size_t cap);
int oojwt_cli_inspect_request(const oojwt_cli_opts *o);

/* ---- deploy.c ---------------------------------------------------- */

int oojwt_cli_inspect_url(const oojwt_cli_opts *o);
int oojwt_cli_nginx_config(const oojwt_cli_opts *o);
int oojwt_cli_commands(const oojwt_cli_opts *o);
/* Print a core report (len bytes, freed here) as JSON.stringify writes
 * the JS module's object; the exit code. */
int oojwt_cli_print_report(const oojwt_cli_opts *o, char *rep, size_t len);

/* ---- connector.c ------------------------------------------------ */

int oojwt_cli_connector_settings(const oojwt_cli_opts *o);
/* ---- diagnose.c -------------------------------------------------- */

int oojwt_cli_diagnose(const oojwt_cli_opts *o);
/* oojwt symptoms [--json]: the symptom table (src/diagnose/symptoms.c). */
int oojwt_cli_symptoms(const oojwt_cli_opts *o);

/* ---- cert.c ------------------------------------------------------ */

int oojwt_cli_inspect_cert(const oojwt_cli_opts *o);

/* "oojwt: <command>: <message>" on stderr. */
void oojwt_cli_error(const char *command, const char *msg);
/* The same with word `id` (no params) in the chosen language. */
void oojwt_cli_error_word(const char *command, const char *id);

#endif
