/*
 * The commands decode, verify and sign: read the input and the secret,
 * call the core, print a verdict for people or the core's JSON report
 * (src/core/report.c) for machines, which kit.reports returns too.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* The secret forensics of a signature that failed, for people: the
 * variant that verifies, or that none does, and the fix. */
void
oojwt_cli_print_forensics(const oojwt_secret_report *x)
{
	oojwt_cli_said s;

	if (x->variant > 0) {
		oojwt_cli_wprintf(OOJWT_WORD("jwt.forensics_variant"), "variant", "%s",
			oojwt_secret_variant_name(x->variant));
	} else {
		oojwt_cli_wprintf(OOJWT_WORD("jwt.forensics_none"), NULL, NULL);
	}
	oojwt_cli_say_text(&s, OOJWT_SAY_SECRET_EXPLAINED, x->params, x->message,
		NULL);
	oojwt_cli_printf("    %s\n", s.message);
	oojwt_cli_said_free(&s);
	if (x->variant <= 0) {
		oojwt_cli_wprintf(OOJWT_WORD("jwt.forensics_fix"), NULL, NULL);
	}
}

#define ERR_CAP 700

void
oojwt_cli_error(const char *command, const char *msg)
{
	if (command != NULL) {
		oojwt_cli_eprintf("oojwt: %s: %s\n", command, msg);
	} else {
		oojwt_cli_eprintf("oojwt: %s\n", msg);
	}
}

void
oojwt_cli_error_word(const char *command, const char *id)
{
	char msg[ERR_CAP];

	oojwt_cli_wsnprintf(msg, sizeof msg, id, NULL, NULL);
	oojwt_cli_error(command, msg);
}

static int
usage(const oojwt_cli_opts *o, const char *msg)
{
	oojwt_cli_error(o->command, msg);
	oojwt_cli_weprintf(OOJWT_WORD("usage.try"), "command", "%s", o->command);
	return OOJWT_EXIT_USAGE;
}

/* usage() with word `id` (no params). */
static int
usage_word(const oojwt_cli_opts *o, const char *id)
{
	char msg[ERR_CAP];

	oojwt_cli_wsnprintf(msg, sizeof msg, id, NULL, NULL);
	return usage(o, msg);
}

/* Report a failure code from the input/secret helpers. */
static int
fail(const oojwt_cli_opts *o, int code, const char *msg)
{
	if (code == OOJWT_EXIT_USAGE) {
		return usage(o, msg);
	}
	oojwt_cli_error(o->command, msg);
	return code;
}

static int
write_out(const char *s, size_t len)
{
	if (oojwt_cli_out(s, len) != 0 || oojwt_cli_host_flush() != 0) {
		oojwt_cli_error(NULL, "cannot write to standard output");
		return OOJWT_EXIT_INTERNAL;
	}
	return OOJWT_EXIT_OK;
}

static double
clock_now(const oojwt_cli_opts *o)
{
	return o->has_now ? o->now : oojwt_cli_host_now();
}

/* ---- output for people ------------------------------------------------- */

#define C_RED    "\033[31m"
#define C_GREEN  "\033[32m"
#define C_YELLOW "\033[33m"
#define C_BOLD   "\033[1m"
#define C_OFF    "\033[0m"

static void
paint(oojwt_sb *sb, const oojwt_cli_opts *o, const char *color, const char *s)
{
	if (o->color) {
		oojwt_sb_puts(sb, color);
	}
	oojwt_sb_puts(sb, s);
	if (o->color) {
		oojwt_sb_puts(sb, C_OFF);
	}
}

static void
put_issues(oojwt_sb *sb, const oojwt_cli_opts *o, const char *kind,
	const char *color, const oojwt_issue *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		oojwt_sb_puts(sb, "  ");
		oojwt_cli_word(sb, OOJWT_WORD("severity"), "severity", "%s", kind);
		oojwt_sb_puts(sb, " ");
		paint(sb, o, color, oojwt_code_name(list[i].code));
		oojwt_sb_puts(sb, ": ");
		oojwt_cli_said s;
		oojwt_cli_say_text(&s, list[i].code, list[i].params, list[i].message,
			NULL);
		oojwt_cli_put_safe(sb, s.message, strlen(s.message));
		oojwt_cli_said_free(&s);
		if (list[i].pos >= 0) {
			oojwt_cli_word(sb, OOJWT_WORD("jwt.at_byte"), "pos", "%l",
				list[i].pos);
		}
		oojwt_sb_puts(sb, "\n");
	}
}

/* "  exp  1700003600  2023-11-14 23:13:20 UTC" for each numeric claim. */
static void
put_times(oojwt_sb *sb, const char *payload, size_t len)
{
	static const char *const names[] = { "iat", "nbf", "exp" };
	char msg[OOJWT_MESSAGE_LEN], line[128];
	oojwt_jv *root;
	long pos;
	size_t i;

	if (oojwt_json_parse(&root, payload, len, &pos, msg) != OOJWT_OK) {
		return;
	}
	for (i = 0; i < 3; i++) {
		const oojwt_jv *v = oojwt_json_get(root, names[i]);
		double d;
		char when[40];
		if (oojwt_json_type(v) != OOJWT_JSON_NUMBER) {
			continue;
		}
		d = floor(oojwt_json_number(v));
		if (!(d >= 0 && d < 1e11)) {
			continue;
		}
		oojwt_utc_text(when, sizeof when, (long long)d);
		snprintf(line, sizeof line, "  %s  %.0f  %s\n", names[i], d, when);
		oojwt_sb_puts(sb, line);
	}
	oojwt_json_free(root);
}

static void
put_part(oojwt_sb *sb, const oojwt_cli_opts *o, const char *name,
	const char *text, size_t len, int ok)
{
	if (text == NULL) {
		return;
	}
	oojwt_sb part;
	char label[64];

	memset(&part, 0, sizeof part);
	oojwt_cli_wsnprintf(label, sizeof label, OOJWT_WORD("jwt.part"), "part", "%s",
		name);
	paint(sb, o, C_BOLD, label);
	if (ok) {
		oojwt_sb_puts(sb, ":\n");
		oojwt_cli_json_indent(&part, text, len);
	} else {
		oojwt_cli_word(sb, OOJWT_WORD("jwt.not_object"), NULL, NULL);
		oojwt_sb_json_string(&part, text, len);
	}
	if (part.failed) {
		sb->failed = 1;
	} else {
		oojwt_cli_put_safe(sb, part.buf, part.len);
	}
	oojwt_wipe_free(part.buf, part.cap);
	oojwt_sb_puts(sb, "\n");
}

static void
human(oojwt_sb *sb, const oojwt_cli_opts *o, const oojwt_result *r,
	int verified)
{
	const char *alg = oojwt_alg_name(r->alg);
	char word[64];
	const char *color = verified && r->valid ? C_GREEN
		: r->n_errors > 0 ? C_RED : C_BOLD;

	oojwt_cli_wsnprintf(word, sizeof word, OOJWT_WORD("jwt.verdict"), "word",
		"%s", verified && r->valid ? "valid" : verified ? "invalid"
		: r->n_errors == 0 ? "decoded" : "undecodable");
	paint(sb, o, color, word);
	if (verified && r->valid) {
		oojwt_cli_word(sb, OOJWT_WORD("jwt.valid"), "alg", "%s",
			alg != NULL ? alg : "?");
	} else if (verified || r->n_errors > 0) {
		oojwt_cli_word(sb, OOJWT_WORD("jwt.errors"), "n", "%z", r->n_errors);
	} else if (alg != NULL) {
		oojwt_cli_word(sb, OOJWT_WORD("jwt.decoded"), "alg", "%s", alg);
	} else {
		oojwt_cli_word(sb, OOJWT_WORD("jwt.decoded_no_alg"), NULL, NULL);
	}
	put_issues(sb, o, "error", C_RED, r->errors, r->n_errors);
	put_issues(sb, o, "warning", C_YELLOW, r->warnings, r->n_warnings);
	if (r->dropped > 0) {
		oojwt_cli_word(sb, OOJWT_WORD("jwt.dropped"), "n", "%z", r->dropped);
	}
	/* A valid token's parts only when asked (--payload): the verdict is
	 * the answer; an invalid one, or a decode, shows what was read. */
	if (!verified || !r->valid || o->show_payload) {
		put_part(sb, o, "header", r->header, r->header_len, r->header_ok);
		put_part(sb, o, "payload", r->payload, r->payload_len,
			r->payload_ok);
	}
	if (r->payload_ok) {
		put_times(sb, r->payload, r->payload_len);
	}
	if (r->sig != NULL) {
		oojwt_cli_word(sb, OOJWT_WORD("jwt.signature"), "n", "%z", r->sig_len);
	}
}

/* Print `r` as the options ask; the exit code follows the verdict. */
static int
print_result(const oojwt_cli_opts *o, const oojwt_result *r, int verified)
{
	oojwt_sb sb;
	int code;

	memset(&sb, 0, sizeof sb);
	if (o->json) {
		size_t len;
		char *rep = oojwt_report_json(r, &len);
		if (rep == NULL) {
			oojwt_cli_error(o->command, "out of memory");
			return OOJWT_EXIT_INTERNAL;
		}
		oojwt_sb_put(&sb, rep, len);
		oojwt_wipe_free(rep, len + 1);
		oojwt_sb_puts(&sb, "\n");
	} else {
		human(&sb, o, r, verified);
	}
	if (sb.failed) {
		oojwt_wipe_free(sb.buf, sb.cap);
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	code = write_out(sb.buf, sb.len);
	oojwt_wipe_free(sb.buf, sb.cap);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	if (verified) {
		return r->valid ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
	}
	return r->n_errors == 0 ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
}

/*
 * The token of the input: text that is plainly something else (a
 * local.json, a certificate, an nginx configuration, ...) is refused with
 * OOJWT_EXIT_INPUT; from a header line, Bearer value, log line or quoted
 * string the token is taken out, with a note.
 */
static int
read_token(const oojwt_cli_opts *o, char **tok, size_t *len)
{
	char err[ERR_CAP];
	int code;

	code = oojwt_cli_read_expected(o, 1,
		OOJWT_CLI_KIND(OOJWT_CLI_TEXT_TOKEN) | OOJWT_CLI_KIND(OOJWT_CLI_TEXT_OTHER),
		"a token", tok, len, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		return err[0] != 0 ? fail(o, code, err) : code;
	}
	oojwt_cli_take_token(o->command, *tok, len);
	return OOJWT_EXIT_OK;
}

/* ---- decode ------------------------------------------------------------ */

int
oojwt_cli_decode(const oojwt_cli_opts *o)
{
	oojwt_result r;
	char *tok;
	size_t len;
	int code;

	code = read_token(o, &tok, &len);
	if (code != OOJWT_EXIT_OK) {
		return code;
	}
	oojwt_decode(&r, tok, len);
	code = print_result(o, &r, 0);
	oojwt_result_free(&r);
	oojwt_wipe_free(tok, len + 1);
	return code;
}

/* ---- verify ------------------------------------------------------------ */

static int
parse_algorithms(const char *list, unsigned *mask, char *err, size_t cap)
{
	const char *p = list;

	*mask = 0;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		unsigned bit = oojwt_alg_from_name(p, n);
		if (bit == 0) {
			oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("jwt.unknown_algorithms"),
				"alg", "%S", p, n);
			return 0;
		}
		*mask |= bit;
		if (comma == NULL) {
			return 1;
		}
		p = comma + 1;
	}
}

/*
 * --profile onlyoffice: the answer of Document Server (DocsCoServer.js
 * checkJwt, jsonwebtoken with clockTolerance 60), and when the signature
 * fails, which variant of the secret would verify (explain-secret).
 */
static int
verify_ds(const oojwt_cli_opts *o, const char *tok, size_t len,
	const unsigned char *secret, size_t secret_len, unsigned algs)
{
	oojwt_ds_opts dso;
	oojwt_ds_result r;
	oojwt_secret_report x;
	oojwt_cli_said said;
	int code;
	size_t i;

	memset(&dso, 0, sizeof dso);
	dso.algorithms = algs != 0 ? algs : OOJWT_ALG_HMAC;
	dso.now = clock_now(o);
	dso.clock_tolerance = o->has_tolerance ? o->tolerance : 60;
	dso.strict_clock_tolerance = o->has_tolerance ? o->tolerance : 0;
	memset(&r, 0, sizeof r);
	if (oojwt_ds_verify(&r, tok, len, secret, secret_len, &dso) != OOJWT_OK) {
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	code = r.valid ? OOJWT_EXIT_OK : OOJWT_EXIT_INVALID;
	if (o->json) {
		size_t n;
		char *rep = oojwt_ds_verify_json(tok, len, secret, secret_len, &dso, &n);
		oojwt_ds_result_free(&r);
		if (rep == NULL) {
			oojwt_cli_error(o->command, "out of memory");
			return OOJWT_EXIT_INTERNAL;
		}
		{
			int rc = oojwt_cli_print_report(o, rep, n);
			return rc != OOJWT_EXIT_OK ? rc : code;
		}
	}
	/* The sentence in the user's language when its code's template
	 * gives the English one back (i18n.c). */
	oojwt_cli_say_text(&said, r.code, r.params, r.message, NULL);
	if (r.valid) {
		oojwt_cli_wprintf(r.message[0] != 0 ? OOJWT_WORD("jwt.ds_accepted_note")
			: OOJWT_WORD("jwt.ds_accepted"), "alg,message", "%s%s",
			oojwt_alg_name(r.alg), said.message);
	} else {
		char log[400];
		oojwt_cli_wprintf(OOJWT_WORD("jwt.ds_refused"), "message", "%s",
			said.message);
		snprintf(log, sizeof log, "%.*s", (int)r.server_message_len,
			r.server_message);
		oojwt_cli_wprintf(r.close_code != 0 ? OOJWT_WORD("jwt.server_log")
			: OOJWT_WORD("jwt.server_log_no_close"), "error,log", "%s%s",
			r.error_name != 0 ? oojwt_ds_error_name(r.error_name) : "(no error)",
			log);
		if (r.close_code != 0) {
			oojwt_cli_wprintf(OOJWT_WORD("jwt.editor_closes"), "code", "%d",
				r.close_code);
		}
	}
	oojwt_cli_said_free(&said);
	for (i = 0; i < r.n_warnings; i++) {
		oojwt_cli_print_issue("  warning", &r.warnings[i]);
	}
	if (!r.valid && r.code == OOJWT_ERR_BAD_SIGNATURE
		&& oojwt_secret_explain(&x, tok, len, secret, secret_len) == OOJWT_OK)
	{
		oojwt_cli_print_forensics(&x);
	}
	oojwt_ds_result_free(&r);
	return oojwt_cli_host_flush() == 0 ? code : OOJWT_EXIT_INTERNAL;
}

int
oojwt_cli_verify(const oojwt_cli_opts *o)
{
	char err[ERR_CAP];
	oojwt_result r;
	oojwt_verify_opts vo;
	unsigned char *secret;
	size_t secret_len, len;
	char *tok;
	int code;

	vo.algorithms = 0; /* the key's default (key_select.c) */
	if (o->algorithms != NULL
		&& !parse_algorithms(o->algorithms, &vo.algorithms, err, sizeof err))
	{
		return usage(o, err);
	}
	vo.now = clock_now(o);
	vo.clock_tolerance = o->has_tolerance ? o->tolerance : 0;
	if (vo.clock_tolerance < 0) {
		return usage_word(o, OOJWT_WORD("jwt.tolerance"));
	}
	if (o->profile != NULL && strcmp(o->profile, "strict") != 0
		&& strcmp(o->profile, "onlyoffice") != 0)
	{
		return usage_word(o, OOJWT_WORD("jwt.profile"));
	}
	if (o->profile != NULL && strcmp(o->profile, "onlyoffice") == 0
		&& o->jwt_key_file != NULL)
	{
		return usage_word(o, OOJWT_WORD("jwt.profile_key"));
	}
	code = oojwt_cli_secret(o, &secret, &secret_len, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		return fail(o, code, err);
	}
	code = read_token(o, &tok, &len);
	if (code != OOJWT_EXIT_OK) {
		oojwt_wipe_free(secret, secret_len + 1);
		return code;
	}
	if (o->profile != NULL ? strcmp(o->profile, "onlyoffice") == 0
		: o->local_json != NULL)
	{
		code = verify_ds(o, tok, len, secret, secret_len, vo.algorithms);
		oojwt_wipe_free(secret, secret_len + 1);
		oojwt_wipe_free(tok, len + 1);
		return code;
	}
	/* What kit.verify calls (src/core/wasm_key.c): the same report. */
	oojwt_key_verify(&r, tok, len, secret, secret_len, &vo);
	oojwt_wipe_free(secret, secret_len + 1);
	code = print_result(o, &r, 1);
	oojwt_result_free(&r);
	oojwt_wipe_free(tok, len + 1);
	return code;
}

/* ---- sign -------------------------------------------------------------- */

/* --expires-in: a number of seconds, or digits and a unit (the lifetime
 * kit.sign's expiresIn takes: oojwt_duration_parse()). */
static int
expires_seconds(const char *s, double *out)
{
	return oojwt_cli_number(s, out) || oojwt_duration_parse(s, strlen(s), out);
}

/* {"token":...} or {"error":{code,message,pos}} -- as src/core/wasm.c writes. */
static int
print_sign(const oojwt_cli_opts *o, int code, const char *tok, size_t n,
	const oojwt_issue *e)
{
	oojwt_sb sb;
	int rc;

	memset(&sb, 0, sizeof sb);
	if (o->json) {
		oojwt_sb_sign_result(&sb, code, tok, n, e->message, e->pos);
		oojwt_sb_puts(&sb, "\n");
	} else if (code == OOJWT_OK) {
		oojwt_sb_put(&sb, tok, n);
		oojwt_sb_puts(&sb, "\n");
	} else {
		char line[2 * OOJWT_MESSAGE_LEN + 64];
		oojwt_cli_said s;
		oojwt_cli_say_text(&s, code, e->params, e->message, NULL);
		snprintf(line, sizeof line, "%s: %s", oojwt_code_name(code), s.message);
		oojwt_cli_said_free(&s);
		oojwt_cli_error(o->command, line);
	}
	if (sb.failed) {
		oojwt_wipe_free(sb.buf, sb.cap);
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	rc = sb.len > 0 ? write_out(sb.buf, sb.len) : OOJWT_EXIT_OK;
	oojwt_wipe_free(sb.buf, sb.cap);
	if (rc != OOJWT_EXIT_OK) {
		return rc;
	}
	return code == OOJWT_OK ? OOJWT_EXIT_OK : OOJWT_EXIT_INPUT;
}

static oojwt_jv *
parse_object(const char *what, const char *text, size_t len, char *err,
	size_t cap)
{
	char msg[OOJWT_MESSAGE_LEN];
	oojwt_jv *v;
	long pos;

	if (oojwt_json_parse(&v, text, len, &pos, msg) != OOJWT_OK) {
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("jwt.not_json"), "what,pos,msg",
			"%s%l%s", what, pos, msg);
		return NULL;
	}
	if (oojwt_json_type(v) != OOJWT_JSON_OBJECT) {
		oojwt_cli_wsnprintf(err, cap, OOJWT_WORD("jwt.not_json_object"),
			"what,type", "%s%s", what, oojwt_json_type_name(v));
		oojwt_json_free(v);
		return NULL;
	}
	return v;
}

typedef struct {
	char *text;
	size_t len;
	oojwt_jv *payload, *header;
	unsigned char *secret;
	size_t secret_len;
	oojwt_pkey pk;            /* the key oojwt_key_select() read */
	unsigned char *kbuf;      /* an oct JWK's secret */
	size_t kbuf_len;
	oojwt_cli_obj hobj, body;
	oojwt_sb hjson, pjson;
	char *tok;
	size_t tok_cap;
} sign_state;

static void
sign_free(sign_state *s)
{
	oojwt_wipe_free(s->text, s->len + 1);
	oojwt_json_free(s->payload);
	oojwt_json_free(s->header);
	oojwt_wipe_free(s->secret, s->secret_len + 1);
	oojwt_pkey_wipe(&s->pk);
	oojwt_wipe_free(s->kbuf, s->kbuf_len);
	oojwt_cli_obj_free(&s->hobj);
	oojwt_cli_obj_free(&s->body);
	oojwt_wipe_free(s->hjson.buf, s->hjson.cap);
	oojwt_wipe_free(s->pjson.buf, s->pjson.cap);
	oojwt_wipe_free(s->tok, s->tok_cap);
}

static int
sign_run(const oojwt_cli_opts *o, sign_state *s)
{
	char err[ERR_CAP];
	const oojwt_jv *halg = NULL;
	const char *alg;
	unsigned bit;
	double now = clock_now(o), seconds = 0;
	oojwt_issue e;
	oojwt_key key;
	size_t n = 0;
	int code;

	code = oojwt_cli_read_input(o->input, 1, &s->text, &s->len, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		return fail(o, code, err);
	}
	s->payload = parse_object("payload", s->text, s->len, err, sizeof err);
	if (s->payload == NULL) {
		return fail(o, OOJWT_EXIT_INPUT, err);
	}
	if (o->header != NULL) {
		s->header = parse_object("--header", o->header, strlen(o->header),
			err, sizeof err);
		if (s->header == NULL) {
			return usage(o, err);
		}
		halg = oojwt_json_get(s->header, "alg");
	}
	/* The JS module's order of checks: alg, iat, expiresIn, exp, header. */
	if (o->alg != NULL) {
		alg = o->alg;
	} else if (halg != NULL && oojwt_json_type(halg) == OOJWT_JSON_STRING) {
		alg = oojwt_json_string(halg);
	} else if (halg != NULL) {
		return usage_word(o, OOJWT_WORD("jwt.alg_not_string"));
	} else {
		alg = "HS256";
	}
	bit = oojwt_alg_from_name(alg, strlen(alg));
	if (bit == 0) {
		oojwt_cli_wsnprintf(err, sizeof err, OOJWT_WORD("jwt.unknown_alg"), "alg",
			"%s", alg);
		return usage(o, err);
	}
	if (o->iat != 0 || o->expires_in != NULL) {
		const oojwt_cli_member *m;
		oojwt_cli_obj_spread(&s->body, s->payload);
		if (o->iat == 1) {
			oojwt_cli_obj_set_num(&s->body, "iat", floor(now));
		} else if (o->iat == 2) {
			oojwt_cli_obj_set_num(&s->body, "iat", o->iat_value);
		}
		if (o->expires_in != NULL) {
			double base = floor(now);
			if (!expires_seconds(o->expires_in, &seconds)) {
				return usage_word(o, OOJWT_WORD("jwt.expires_in"));
			}
			if (oojwt_json_get(s->payload, "exp") != NULL) {
				memset(&e, 0, sizeof e);
				e.pos = -1;
				snprintf(e.message, sizeof e.message, "the payload already has "
					"\"exp\"; do not pass options.expiresIn too");
				return print_sign(o, OOJWT_ERR_BAD_ARGUMENT, NULL, 0, &e);
			}
			m = oojwt_cli_obj_find(&s->body, "iat");
			if (m != NULL && m->jv == NULL && m->str == NULL) {
				base = m->num;
			} else if (m != NULL && oojwt_json_type(m->jv) == OOJWT_JSON_NUMBER) {
				base = oojwt_json_number(m->jv);
			}
			oojwt_cli_obj_set_num(&s->body, "exp", base + seconds);
		}
		oojwt_cli_js_obj(&s->pjson, &s->body);
	} else {
		oojwt_cli_js_value(&s->pjson, s->payload);
	}
	if (halg != NULL && (oojwt_json_type(halg) != OOJWT_JSON_STRING
		|| strcmp(oojwt_json_string(halg), alg) != 0))
	{
		return usage_word(o, OOJWT_WORD("jwt.alg_disagree"));
	}
	oojwt_cli_obj_set_str(&s->hobj, "alg", alg);
	oojwt_cli_obj_set_str(&s->hobj, "typ", "JWT");
	if (s->header != NULL) {
		oojwt_cli_obj_spread(&s->hobj, s->header);
	}
	oojwt_cli_js_obj(&s->hjson, &s->hobj);
	if (s->hjson.failed || s->pjson.failed || s->body.failed || s->hobj.failed) {
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	code = oojwt_cli_secret(o, &s->secret, &s->secret_len, err, sizeof err);
	if (code != OOJWT_EXIT_OK) {
		return fail(o, code, err);
	}
	s->tok_cap = oojwt_sign_size(s->hjson.len, s->pjson.len);
	s->tok = (char *)malloc(s->tok_cap);
	if (s->tok == NULL) {
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	s->kbuf_len = s->secret_len + 4;
	s->kbuf = (unsigned char *)malloc(s->kbuf_len);
	if (s->kbuf == NULL) {
		oojwt_cli_error(o->command, "out of memory");
		return OOJWT_EXIT_INTERNAL;
	}
	memset(&e, 0, sizeof e);
	e.pos = -1;
	/* The key as kit.sign reads it (src/core/key_select.c). */
	code = oojwt_key_select(&key, &s->pk, s->kbuf, s->kbuf_len, s->secret,
		s->secret_len, NULL, 0, bit, e.message);
	if (code == OOJWT_OK) {
		code = oojwt_sign(s->tok, s->tok_cap, &n, bit, &key, s->hjson.buf,
			s->hjson.len, s->pjson.buf, s->pjson.len, &e);
	}
	oojwt_wipe(&key, sizeof key);
	if (code != OOJWT_OK && e.message[0] == 0) {
		snprintf(e.message, sizeof e.message, "%s", oojwt_code_name(code));
	}
	return print_sign(o, code, s->tok, n, &e);
}

int
oojwt_cli_sign(const oojwt_cli_opts *o)
{
	sign_state s;
	int code;

	memset(&s, 0, sizeof s);
	code = sign_run(o, &s);
	sign_free(&s);
	return code;
}
