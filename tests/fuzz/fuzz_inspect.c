/*
 * Editor config inspection (oojwt_config_inspect, src/ds/editor_config.c)
 * with a config and a token.
 *
 * max_len: 8192
 * seeds: inspect
 *
 * Input: one flags byte, the config text, then (after a NUL byte, when
 * there is one) a token text. Flags: bits 0-1 how the token gets in --
 * 0 none, 1 the given token text, 2 the config signed by
 * oojwt_config_sign() with all fields, 3 with the required fields only
 * (so that valid tokens are common); bit 2 enable.browser; bit 3
 * tokenRequiredParams; bits 4-6 the secret (the fuzz keys of fuzz.h,
 * read as raw bytes). The token goes in as the config's first member,
 * `"token":"..."` (escaped), when the config text starts with '{'.
 *
 * Properties (src/oojwt.h): OOJWT_OK or no_memory; ok only when there
 * is no close code, no editor error and no api.js alert; close
 * codes 4004/4005/4006/4007 and editor errors -20/-21/-23 only, paired as
 * the header says (4007, a dropped connection, names none); a named token kind; findings in bounds with named
 * codes and severities and terminated texts; the effective config is
 * strict JSON (reference validator) of its stated length; the JSON
 * report (oojwt_config_inspect_json, what kit.onlyoffice.inspectConfig
 * parses) is strict JSON; messages hold no copy of a secret of 16 bytes
 * or more; freeing twice is safe.
 */
#include "fuzz.h"
#include "ref_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
put(char **out, size_t *n, size_t *cap, const void *p, size_t len)
{
	if (*n + len + 1 > *cap) {
		*cap = (*n + len + 1) * 2;
		*out = (char *)realloc(*out, *cap);
		FUZZ_CHECK(*out != NULL, "memory");
	}
	memcpy(*out + *n, p, len);
	*n += len;
	(*out)[*n] = 0;
}

/* The config with "token":"<tok>" as its first member. */
static char *
with_token(const char *cfg, size_t len, const char *tok, size_t tlen,
	size_t *out_len)
{
	oojwt_sb sb;
	char *out = NULL;
	size_t n = 0, cap = 0, i = 0;

	while (i < len && (cfg[i] == ' ' || cfg[i] == '\n' || cfg[i] == '\t'
		|| cfg[i] == '\r'))
	{
		i++;
	}
	if (i >= len || cfg[i] != '{') {
		put(&out, &n, &cap, cfg, len);
		*out_len = n;
		return out;
	}
	memset(&sb, 0, sizeof sb);
	oojwt_sb_json_string(&sb, tok, tlen);
	FUZZ_CHECK(!sb.failed, "memory");
	put(&out, &n, &cap, cfg, i + 1);
	put(&out, &n, &cap, "\"token\":", 8);
	put(&out, &n, &cap, sb.buf, sb.len);
	/* "{}" stays an object: no comma before the closing brace. */
	for (i++; i < len && (cfg[i] == ' ' || cfg[i] == '\n'); i++) {
	}
	if (i < len && cfg[i] != '}') {
		put(&out, &n, &cap, ",", 1);
	}
	put(&out, &n, &cap, cfg + i, len - i);
	free(sb.buf);
	*out_len = n;
	return out;
}

/* `n` bytes of `s` inside the `len` bytes at `m`. */
static int
contains_n(const char *m, size_t len, const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; n > 0 && i + n <= len; i++) {
		if (memcmp(m + i, s, n) == 0) {
			return 1;
		}
	}
	return 0;
}

static int
contains(const char *m, const unsigned char *s, size_t n)
{
	return contains_n(m, strlen(m), s, n);
}

/* The effective config is strict JSON, except that a lone UTF-16
 * surrogate the config held is written back as its \uD8xx-\uDFxx escape
 * (what JSON.stringify writes): checked with those escapes read as
 * U+FFFD. The report carries the effective config, and so the same. */
static int
effective_is_json(const char *s, size_t n, int allow_nul)
{
	unsigned char *c = (unsigned char *)malloc(n + 1);
	size_t i;
	int ok;

	if (c == NULL) {
		return 1;
	}
	memcpy(c, s, n);
	for (i = 0; i + 6 <= n; i++) {
		if (c[i] == '\\' && c[i + 1] == 'u' && (c[i + 2] | 0x20) == 'd'
			&& strchr("89abcdefABCDEF", c[i + 3]) != NULL)
		{
			memcpy(c + i + 2, "fffd", 4);
			i += 5;
		} else if (c[i] == '\\') {
			i++;
		}
	}
	ok = ref_json_check(c, n, NULL, allow_nul) == OOJWT_OK;
	free(c);
	return ok;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul;
	unsigned flags;
	size_t cfg_len, tok_len, text_len = 0, i, rep_len;
	int quiet;
	const char *sec_text;
	unsigned char *secret;
	size_t sec_len;
	char *cfg, *tok = NULL, *text, *rep;
	oojwt_inspect_opts opts;
	oojwt_config_report r;
	int code;

	if (size == 0) {
		return 0;
	}
	flags = data[0];
	nul = memchr(data + 1, 0, size - 1);
	cfg_len = nul != NULL ? (size_t)(nul - data) - 1 : size - 1;
	cfg = fuzz_copy(data + 1, cfg_len);
	sec_text = fuzz_key_text[(flags >> 4) & 7];
	sec_len = strlen(sec_text);
	secret = (unsigned char *)fuzz_copy((const uint8_t *)sec_text, sec_len);

	switch (flags & 3) {
	case 1:
		if (nul != NULL) {
			tok_len = size - cfg_len - 2;
			tok = fuzz_copy(nul + 1, tok_len);
		}
		break;
	case 2:
	case 3: {
		double iat = 1.7e9, exp = 1.7e9 + 300;
		oojwt_issue err;
		code = oojwt_config_sign(&tok, &tok_len, cfg, cfg_len, secret, sec_len,
			OOJWT_ALG_HS256, (flags & 3) == 2 ? OOJWT_SIGN_CONFIG_ALL
			: OOJWT_SIGN_CONFIG_REQUIRED, &iat, &exp, &err);
		FUZZ_CHECK(code == OOJWT_OK || oojwt_code_name(code) != NULL, "a named code");
		FUZZ_CHECK(code != OOJWT_OK || (tok != NULL && tok[tok_len] == 0), "a token");
		if (code != OOJWT_OK) {
			tok = NULL;
		}
		break;
	}
	default:
		break;
	}
	if (tok != NULL) {
		text = with_token(cfg, cfg_len, tok, tok_len, &text_len);
	} else {
		text = fuzz_copy((const uint8_t *)cfg, cfg_len);
		text_len = cfg_len;
	}

	memset(&opts, 0, sizeof opts); /* server_version 0: the newest rules */
	memset(&opts, 0, sizeof opts);
	opts.now = 1.7e9 + 60;
	opts.clock_tolerance = 60;
	opts.enable_browser = (flags & 4) != 0;
	opts.token_required_params = (flags & 8) != 0;
	memset(&r, 0x5A, sizeof r);
	code = oojwt_config_inspect(&r, text, text_len, secret, sec_len, &opts);
	FUZZ_CHECK(code == OOJWT_OK || code == OOJWT_ERR_NO_MEMORY, "OOJWT_OK");
	if (code != OOJWT_OK) {
		goto report;
	}
	/* Not ok without any of them: the config cannot be read. */
	FUZZ_CHECK(!r.ok || (r.close_code == 0 && r.editor_error == 0 && r.alert[0] == 0),
		"ok only when nothing stops the editor");
	FUZZ_CHECK(r.close_code == 0 || r.close_code == 4004 || r.close_code == 4005
		|| r.close_code == 4006 || r.close_code == 4007, "a known close code");
	FUZZ_CHECK(r.editor_error == 0 || r.editor_error == -20 || r.editor_error == -21
		|| r.editor_error == -23, "a known editor error");
	FUZZ_CHECK((r.close_code == 0 || r.close_code == 4007) == (r.editor_error == 0),
		"a close code but 4007 comes with an editor error, and only then");
	FUZZ_CHECK(oojwt_token_kind_name(r.token_kind) != NULL, "a named token kind");
	FUZZ_CHECK(memchr(r.message, 0, sizeof r.message) != NULL
		&& memchr(r.alert, 0, sizeof r.alert) != NULL, "terminated texts");
	FUZZ_CHECK(r.token_text == NULL || strlen(r.token_text) < text_len + 1,
		"a terminated token");
	/* A secret the config itself holds may be quoted back; any other
	 * appearance in a message is a leak. */
	quiet = sec_len >= 16 && !contains_n(text, text_len, secret, sec_len);
	fuzz_check_findings(r.findings, r.n_findings);
	for (i = 0; quiet && i < r.n_findings; i++) {
		FUZZ_CHECK(!contains(r.findings[i].message, secret, sec_len)
			&& !contains(r.findings[i].fix, secret, sec_len), "no secret in a finding");
	}
	if (quiet) {
		FUZZ_CHECK(!contains(r.message, secret, sec_len), "no secret in the verdict");
	}
	if (r.effective != NULL) {
		FUZZ_CHECK(strlen(r.effective) == r.effective_len, "effective length");
		FUZZ_CHECK(effective_is_json(r.effective, r.effective_len, 0),
			"the effective config is strict JSON (lone surrogates as JSON.parse keeps them)");
	}
	oojwt_config_report_free(&r);
	oojwt_config_report_free(&r);
report:
	rep = oojwt_config_inspect_json(text, text_len, secret, sec_len, &opts,
		&rep_len);
	if (rep != NULL) {
		FUZZ_CHECK(effective_is_json(rep, rep_len, 1),
			"the report is strict JSON (lone surrogates as JSON.parse keeps them)");
		free(rep);
	}
	free(text);
	free(tok);
	oojwt_wipe(secret, sec_len);
	free(secret);
	free(cfg);
	return 0;
}
