/*
 * The report bounds (oojwt_report_bound, oojwt_ds_report_bound,
 * oojwt_deploy_report_bound; src/core/report_bound.c): every report writer
 * run on inputs built to make its report as long as possible (controls,
 * which the writer escapes to 6 bytes; bytes that are not UTF-8; escapes
 * like \n that grow when reprinted; numbers cJSON reprints longer, 1e14;
 * the same text shown twice) at two sizes. The report must fit the bound,
 * and its growth per input byte between the two sizes (the slope) must not
 * exceed the kind's multiplier. Then the bounds themselves at the lengths
 * that matter to the JS module, without allocating: the longest input
 * whose bound fits a JavaScript string (2^29 - 24 units) and the next one,
 * and saturation on 32-bit sizes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

/* The wasm exports of src/core (wasm.c, wasm_extract.c), compiled natively. */
char *oojwt_wasm_decode(const char *token, size_t len, size_t *out_len);
char *oojwt_wasm_extract(const char *text, size_t len, size_t *out_len);

#define JS_MAX_STRING (((size_t)1 << 29) - 24)
#define NOW 1700000000.0

typedef size_t bound_fn(int kind, size_t len);

/* `n` copies of `z`. */
static void
rep(str *s, const char *z, size_t n)
{
	while (n-- > 0) {
		str_puts(s, z);
	}
}

/* `n` copies of the byte `c`. */
static void
bytes(str *s, int c, size_t n)
{
	char b[256];

	memset(b, c, sizeof b);
	while (n > 0) {
		size_t k = n < sizeof b ? n : sizeof b;
		str_put(s, b, k);
		n -= k;
	}
}

/* A JSON array of about n / 5 numbers that cJSON reprints three times
 * longer: 1e14 as 100000000000000. */
static void
numbers(str *s, size_t n)
{
	str_puts(s, "[1");
	rep(s, ",1e14", n / 5);
	str_puts(s, "]");
}

/* A JSON string of n / 2 copies of the two-character escape `esc`, which
 * the report writer writes \u00XX: three times longer. */
static void
escapes(str *s, const char *esc, size_t n)
{
	str_puts(s, "\"");
	rep(s, esc, n / 2);
	str_puts(s, "\"");
}

/* A token over a header and payload of any bytes, signed with the main
 * test key (HS256), so that a verifier reads it to the end. */
static void
token(str *out, const char *hdr, size_t hn, const char *pl, size_t pn)
{
	oojwt_key k = test_key(KEY_MAIN);
	unsigned char mac[32];
	str in = { 0 };

	str_b64(&in, hdr, hn);
	str_puts(&in, ".");
	str_b64(&in, pl, pn);
	oojwt_hmac(OOJWT_ALG_HS256, k.data, k.len, (const unsigned char *)in.p, in.len, mac);
	str_put(out, in.p, in.len);
	str_puts(out, ".");
	str_b64(out, mac, sizeof mac);
	str_free(&in);
}

#define LINK_BASE "https://ds.example.com/"
static const char HS256[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

/* The hostile input of pattern `p` at scale `n`: its text in `in`. */
typedef void make_fn(str *in, size_t n);
/* Its report (malloc'd) and length. */
typedef char *run_fn(const str *in, size_t *len);

static void
make_controls(str *in, size_t n)
{
	str_puts(in, "Authorization: Bearer \"");
	bytes(in, 1, n);
}

static void
make_not_utf8(str *in, size_t n)
{
	bytes(in, 0xFF, n);
}

static void
make_ctrl_token(str *in, size_t n)
{
	str h = { 0 }, p = { 0 };

	bytes(&h, 1, n / 2);
	bytes(&p, 1, n / 2);
	token(in, h.p, h.len, p.p, p.len);
	str_free(&h);
	str_free(&p);
}

static void
make_ctrl_payload(str *in, size_t n)
{
	str p = { 0 };

	bytes(&p, 1, n);
	token(in, HS256, strlen(HS256), p.p, p.len);
	str_free(&p);
}

static void
make_json_payload(str *in, size_t n)
{
	str p = { 0 };

	str_puts(&p, "{\"a\":");
	numbers(&p, n);
	str_puts(&p, ",\"s\":\"");
	bytes(&p, 0xFF, n);
	str_puts(&p, "\"}");
	token(in, HS256, strlen(HS256), p.p, p.len);
	str_free(&p);
}

static void
make_local_json(str *in, size_t n)
{
	str_puts(in, "{\"services\":{\"CoAuthoring\":{\"secret\":{\"inbox\":{\"string\":");
	escapes(in, "\\n", n);
	str_puts(in, "},\"outbox\":{\"string\":");
	escapes(in, "\\n", n);
	str_puts(in, "},\"session\":{\"string\":");
	escapes(in, "\\n", n);
	str_puts(in, "}},\"token\":{\"verifyOptions\":{\"a\":");
	numbers(in, n);
	str_puts(in, "},\"inbox\":{\"header\":");
	escapes(in, "\\t", n);
	str_puts(in, "}}}},\"storage\":{\"fs\":{\"secretString\":");
	escapes(in, "\\b", n);
	str_puts(in, "}}}");
}

/* An editor config whose token's payload overrides fields with long
 * values, both shown raw and reprinted in the effective config. */
static void
make_editor_config(str *in, size_t n)
{
	str p = { 0 };

	str_puts(&p, "{\"document\":{\"key\":");
	numbers(&p, n);
	str_puts(&p, ",\"url\":");
	numbers(&p, n);
	str_puts(&p, ",\"title\":\"");
	bytes(&p, 1, n / 4);
	str_puts(&p, "\"},\"editorConfig\":{\"callbackUrl\":\"https://a.example/cb\"}}");
	str_puts(in, "{\"document\":{\"fileType\":\"docx\",\"key\":\"k\",\"title\":");
	numbers(in, n);
	str_puts(in, ",\"url\":\"https://a.example/a.docx\"},\"documentType\":\"word\","
		"\"editorConfig\":{\"callbackUrl\":\"https://a.example/cb\",\"lang\":");
	escapes(in, "\\n", n);
	str_puts(in, "},\"token\":\"");
	token(in, HS256, strlen(HS256), p.p, p.len);
	str_puts(in, "\"}");
	str_free(&p);
}

/* A command request with the token in the header and in the body, the
 * body and the token's payload full of numbers reprinted longer. */
static void
make_request(str *in, size_t n)
{
	str p = { 0 }, t = { 0 };

	str_puts(&p, "{\"c\":\"info\",\"key\":\"k\",\"x\":");
	numbers(&p, n);
	str_puts(&p, ",\"payload\":{\"c\":\"info\",\"key\":\"k\",\"y\":");
	numbers(&p, n);
	str_puts(&p, "},\"s\":\"");
	bytes(&p, 0xFF, n / 2);
	str_puts(&p, "\"}");
	token(&t, HS256, strlen(HS256), p.p, p.len);
	str_puts(in, "POST /coauthoring/CommandService.ashx HTTP/1.1\r\nHost: ds.example.com\r\n"
		"Content-Type: application/json\r\nAuthorization: Bearer ");
	str_put(in, t.p, t.len);
	str_puts(in, "\r\n\r\n{\"c\":\"info\",\"key\":\"k\",\"z\":");
	numbers(in, n);
	str_puts(in, ",\"token\":\"");
	str_put(in, t.p, t.len);
	str_puts(in, "\"}");
	str_free(&p);
	str_free(&t);
}

static void
make_link(str *in, size_t n)
{
	str_puts(in, "https://ds.example.com/cache/files/");
	bytes(in, 0xFF, n);
	str_puts(in, "/output.docx/output.docx?md5=");
	rep(in, "\"\\", n / 8);
	str_puts(in, "&expires=");
	rep(in, "9", n / 4);
	str_puts(in, "&filename=");
	bytes(in, 0xFF, n / 4);
}

/* A base URL whose prefix is the bytes that also serve as the path and
 * the file name (run_link_sign). */
static void
make_link_base(str *in, size_t n)
{
	str_puts(in, LINK_BASE);
	bytes(in, '"', n);
}

static char *
run_extract(const str *in, size_t *len)
{
	return oojwt_wasm_extract(in->p, in->len, len);
}

static char *
run_decode(const str *in, size_t *len)
{
	return oojwt_wasm_decode(in->p, in->len, len);
}

static char *
run_ds_verify(const str *in, size_t *len)
{
	oojwt_key k = test_key(KEY_MAIN);
	oojwt_ds_opts o;

	memset(&o, 0, sizeof o);
	o.algorithms = OOJWT_ALG_HMAC;
	o.now = NOW;
	o.clock_tolerance = 60;
	return oojwt_ds_verify_json(in->p, in->len, k.data, k.len, &o, len);
}

static char *
run_server_config(const str *in, size_t *len)
{
	return oojwt_server_config_json(in->p, in->len, NULL, 0, 0, len);
}

static char *
run_config_inspect(const str *in, size_t *len)
{
	oojwt_key k = test_key(KEY_MAIN);
	oojwt_inspect_opts o;

	memset(&o, 0, sizeof o);
	o.now = NOW;
	o.clock_tolerance = 60;
	o.enable_browser = 1;
	o.token_required_params = 1;
	return oojwt_config_inspect_json(in->p, in->len, k.data, k.len, &o, len);
}

static char *
run_config_sign(const str *in, size_t *len)
{
	oojwt_key k = test_key(KEY_MAIN);

	return oojwt_config_sign_json(in->p, in->len, k.data, k.len,
		OOJWT_ALG_HS256, OOJWT_SIGN_CONFIG_ALL, 0, 0, 0, 0, len);
}

static char *
run_request(const str *in, size_t *len)
{
	oojwt_key k = test_key(KEY_MAIN);
	oojwt_request_opts o;

	memset(&o, 0, sizeof o);
	o.kind = OOJWT_REQUEST_COMMAND;
	o.form = OOJWT_REQUEST_RAW;
	o.now = NOW;
	o.clock_tolerance = 60;
	o.enabled = 1;
	o.token_required_params = 0;
	return oojwt_request_inspect_json(in->p, in->len, k.data, k.len, &o, len);
}

static char *
run_link_inspect(const str *in, size_t *len)
{
	oojwt_key k = test_key(KEY_MAIN);

	return oojwt_link_inspect_json(in->p, in->len, k.data, k.len, 1, NOW, len);
}

static char *
run_link_sign(const str *in, size_t *len)
{
	oojwt_key k = test_key(KEY_MAIN);
	size_t skip = strlen(LINK_BASE);

	return oojwt_link_sign_json(in->p, in->len, in->p + skip, in->len - skip, 1,
		in->p + skip, in->len - skip, 1, k.data, k.len, NOW + 3600, len);
}

/* A log line whose token (echoed in the diagnosis's items) grows. */
static void
make_diag(str *in, size_t n)
{
	str_puts(in, "GET /x?token=eyJ");
	bytes(in, 'A', n);
	str_puts(in, ".eyJ.c2ln HTTP/1.1 200\n");
}

static char *
run_diag(const str *in, size_t *len)
{
	oojwt_diag_item item;
	oojwt_diag_opts o;

	memset(&o, 0, sizeof o);
	o.now = NOW;
	item.text = in->p;
	item.len = in->len;
	item.name = in->p;
	item.name_len = in->len;
	return oojwt_diagnose_json(&item, 1, &o, len);
}

/* The diagnosis's bound has no kinds. */
static size_t
diag_bound(int kind, size_t len)
{
	(void)kind;
	return oojwt_diag_report_bound(len);
}

/* Input bytes the bound is computed over: link sign reads its text as
 * the base URL, and the same bytes as the path and the file name. */
static size_t
counted(const str *in, run_fn *run)
{
	return run == run_link_sign ? 3 * in->len - 2 * strlen(LINK_BASE)
		: run == run_diag ? 2 * in->len : in->len;
}

static const struct {
	const char *name;
	make_fn *make;
	run_fn *run;
	bound_fn *bound;
	int kind;
	size_t multiplier;
} cases[] = {
	{ "extract, controls", make_controls, run_extract, oojwt_report_bound, OOJWT_REPORT_EXTRACT, 6 },
	{ "extract, not UTF-8", make_not_utf8, run_extract, oojwt_report_bound, OOJWT_REPORT_EXTRACT, 6 },
	{ "decode, controls in header and payload", make_ctrl_token, run_decode, oojwt_report_bound, OOJWT_REPORT_TOKEN, 5 },
	{ "decode, numbers and not UTF-8", make_json_payload, run_decode, oojwt_report_bound, OOJWT_REPORT_TOKEN, 5 },
	{ "DS verify, controls in header and payload", make_ctrl_token, run_ds_verify, oojwt_ds_report_bound, OOJWT_DS_REPORT_VERIFY, 5 },
	{ "DS verify, a control payload", make_ctrl_payload, run_ds_verify, oojwt_ds_report_bound, OOJWT_DS_REPORT_VERIFY, 5 },
	{ "DS verify, numbers and not UTF-8", make_json_payload, run_ds_verify, oojwt_ds_report_bound, OOJWT_DS_REPORT_VERIFY, 5 },
	{ "server config, escapes and numbers", make_local_json, run_server_config, oojwt_ds_report_bound, OOJWT_DS_REPORT_SERVER_CONFIG, 4 },
	{ "config inspect, a token overriding fields", make_editor_config, run_config_inspect, oojwt_ds_report_bound, OOJWT_DS_REPORT_CONFIG_INSPECT, 12 },
	{ "config sign, escapes and numbers", make_editor_config, run_config_sign, oojwt_ds_report_bound, OOJWT_DS_REPORT_CONFIG_SIGN, 6 },
	{ "request, a token in the header and the body", make_request, run_request, oojwt_ds_report_bound, OOJWT_DS_REPORT_REQUEST, 20 },
	{ "download link inspect, controls", make_link, run_link_inspect, oojwt_deploy_report_bound, OOJWT_DEPLOY_REPORT_LINK_INSPECT, 55 },
	{ "download link sign, controls", make_link_base, run_link_sign, oojwt_deploy_report_bound, OOJWT_DEPLOY_REPORT_LINK_SIGN, 6 },
	{ "diagnose, a log line named by itself", make_diag, run_diag, diag_bound, 0, 6 }
};

static void
one_case(size_t i)
{
	const size_t scale[2] = { 20000, 60000 };
	size_t in_len[2], out_len[2], k;
	test t;

	test_begin(&t, "report bound: %s", cases[i].name);
	for (k = 0; k < 2; k++) {
		str in = { 0 };
		char *r, *copy;
		cases[i].make(&in, scale[k]);
		copy = exact_copy(in.p, in.len);
		free(in.p);
		in.p = copy;
		out_len[k] = 0;
		in_len[k] = counted(&in, cases[i].run);
		r = cases[i].run(&in, &out_len[k]);
		expect(&t, r != NULL, "no report");
		expect(&t, out_len[k] <= cases[i].bound(cases[i].kind, in_len[k]),
			"%zu input bytes give %zu report bytes, over the bound %zu", in_len[k],
			out_len[k], cases[i].bound(cases[i].kind, in_len[k]));
		/* The pattern took effect: the report grows with the input. */
		if (!expect(&t, r != NULL && out_len[k] > in_len[k] / 2,
			"%zu input bytes, a report of %zu only", in_len[k], out_len[k]) && r != NULL)
		{
			char why[200];
			expect(&t, 0, "%s", shown(why, sizeof why, r, out_len[k]));
		}
		oojwt_wipe_free(r, out_len[k]);
		free(in.p);
	}
	expect(&t, in_len[1] > in_len[0] && (out_len[1] - out_len[0])
		<= cases[i].multiplier * (in_len[1] - in_len[0]),
		"the report grows by %.2f bytes per input byte, more than %zu",
		(double)(out_len[1] - out_len[0]) / (double)(in_len[1] - in_len[0]),
		cases[i].multiplier);
	expect(&t, cases[i].bound(cases[i].kind, 0) == OOJWT_REPORT_FIXED
		&& cases[i].bound(cases[i].kind, 1000) == cases[i].multiplier * 1000
			+ OOJWT_REPORT_FIXED, "the documented multiplier is not %zu",
		cases[i].multiplier);
	test_end(&t);
}

/* The longest input each kind accepts under a JavaScript string, and the
 * next byte; saturation; unknown kinds. */
static void
limits(void)
{
	static const struct {
		bound_fn *bound;
		int kind;
	} all[] = {
		{ oojwt_report_bound, OOJWT_REPORT_EXTRACT },
		{ oojwt_report_bound, OOJWT_REPORT_TOKEN },
		{ oojwt_ds_report_bound, OOJWT_DS_REPORT_VERIFY },
		{ oojwt_ds_report_bound, OOJWT_DS_REPORT_SERVER_CONFIG },
		{ oojwt_ds_report_bound, OOJWT_DS_REPORT_CONFIG_INSPECT },
		{ oojwt_ds_report_bound, OOJWT_DS_REPORT_CONFIG_SIGN },
		{ oojwt_ds_report_bound, OOJWT_DS_REPORT_SECRET_EXPLAIN },
		{ oojwt_ds_report_bound, OOJWT_DS_REPORT_REQUEST },
		{ oojwt_deploy_report_bound, OOJWT_DEPLOY_REPORT_LINK_INSPECT },
		{ oojwt_deploy_report_bound, OOJWT_DEPLOY_REPORT_LINK_SIGN },
		{ oojwt_deploy_report_bound, OOJWT_DEPLOY_REPORT_NGINX }
	};
	size_t i;
	test t;

	for (i = 0; i < sizeof all / sizeof *all; i++) {
		size_t m = all[i].bound(all[i].kind, 1) - OOJWT_REPORT_FIXED;
		test_begin(&t, "report bound: kind %zu, the longest input under a JavaScript string", i);
		if (m == 0) {
			expect(&t, all[i].bound(all[i].kind, SIZE_MAX) == OOJWT_REPORT_FIXED,
				"a fixed-size report grows");
		} else {
			size_t last = (JS_MAX_STRING - OOJWT_REPORT_FIXED) / m;
			expect(&t, all[i].bound(all[i].kind, last) <= JS_MAX_STRING,
				"%zu bytes refused", last);
			expect(&t, all[i].bound(all[i].kind, last + 1) > JS_MAX_STRING,
				"%zu bytes accepted", last + 1);
			expect(&t, all[i].bound(all[i].kind, SIZE_MAX / 2) == SIZE_MAX
				&& all[i].bound(all[i].kind, SIZE_MAX) == SIZE_MAX, "no saturation");
		}
		test_end(&t);
	}
	test_begin(&t, "report bound: unknown kinds are unbounded");
	expect(&t, oojwt_report_bound(0, 1) == SIZE_MAX && oojwt_report_bound(99, 1) == SIZE_MAX
		&& oojwt_ds_report_bound(0, 1) == SIZE_MAX && oojwt_ds_report_bound(7, 1) == SIZE_MAX
		&& oojwt_deploy_report_bound(0, 1) == SIZE_MAX
		&& oojwt_deploy_report_bound(4, 1) == SIZE_MAX, "an unknown kind has a bound");
	test_end(&t);
}

void
suite_report_bound(const char *ours, const char *shared)
{
	size_t i;

	(void)ours;
	(void)shared;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		one_case(i);
	}
	limits();
}
