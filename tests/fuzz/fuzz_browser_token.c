/*
 * The tokens of the editor page's methods (oojwt_browser_kind_guess,
 * oojwt_browser_inspect): a token or a payload's JSON text, as
 * kit.onlyoffice.tokenKind / inspectBrowserToken and `oojwt inspect-config`
 * hand them over.
 *
 * max_len: 4096
 * seeds: browser
 *
 * Input: one byte of options, then the text. Options: bits 0-3 the kind
 * (values 10-15: the guess), bit 4 browser tokens enabled, bit 5
 * tokenRequiredParams, bit 6 server 8.2 (else the newest rules). The
 * secret is "secret".
 *
 * Properties (src/ds/oojwt_ds.h): OOJWT_OK or no_memory; the guess has a
 * named confidence, a kind in range that is among its candidates (or -1
 * with "unknown"), candidates within the kinds, a terminated sentence;
 * the kind judged is the one chosen, else the guess; the channel is the
 * kind's; an accepted token was verified (or not checked at all: an
 * insertImage token with browser tokens off); a refusal says how
 * (close code, VKEY_ENCRYPT or 403, or a finding); findings are named and
 * terminated; the JSON reports are one object (one array for the kinds);
 * freeing twice is safe.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned char secret[] = "secret";
	oojwt_browser_report *r;
	oojwt_browser_opts o;
	oojwt_kind_guess g;
	char *text, *rep;
	size_t i, n;
	int code;

	if (size < 1) {
		return 0;
	}
	memset(&o, 0, sizeof o);
	o.kind = (data[0] & 15) < OOJWT_BROWSER_KINDS ? data[0] & 15 : -1;
	o.enable_browser = (data[0] >> 4) & 1;
	o.token_required_params = (data[0] >> 5) & 1;
	o.server_version = (data[0] >> 6) & 1 ? 802 : 0;
	o.now = 1700000000;
	o.clock_tolerance = 60;
	text = fuzz_copy(data + 1, size - 1);

	code = oojwt_browser_kind_guess(&g, text, size - 1);
	FUZZ_CHECK(code == OOJWT_OK || code == OOJWT_ERR_NO_MEMORY, "guess: OOJWT_OK");
	if (code == OOJWT_OK) {
		FUZZ_CHECK(oojwt_kind_confidence_name(g.confidence) != NULL,
			"a named confidence");
		FUZZ_CHECK(g.kind == -1 ? g.confidence == OOJWT_KIND_UNKNOWN
			: g.kind >= 0 && g.kind < OOJWT_BROWSER_KINDS
			&& (g.candidates & (1u << g.kind)) != 0, "the kind is a candidate");
		FUZZ_CHECK((g.candidates >> OOJWT_BROWSER_KINDS) == 0,
			"candidates within the kinds");
		FUZZ_CHECK(memchr(g.why, 0, sizeof g.why) != NULL, "why terminated");
	}

	r = (oojwt_browser_report *)malloc(sizeof *r);
	if (r == NULL) {
		abort();
	}
	memset(r, 0x5A, sizeof *r);
	code = oojwt_browser_inspect(r, text, size - 1, secret, 6, &o);
	FUZZ_CHECK(code == OOJWT_OK || code == OOJWT_ERR_NO_MEMORY, "OOJWT_OK");
	if (code == OOJWT_OK) {
		FUZZ_CHECK(r->kind >= 0 && r->kind < OOJWT_BROWSER_KINDS
			&& (o.kind < 0 || r->kind == o.kind) && r->chosen == (o.kind >= 0),
			"the kind judged");
		FUZZ_CHECK(r->channel == oojwt_browser_kind_channel(r->kind),
			"the kind's channel");
		FUZZ_CHECK(!r->ok || (r->has_ds && r->ds.valid) || (!r->checked
			&& r->kind == OOJWT_BROWSER_IMAGE && !o.enable_browser),
			"accepts only a valid token, or one it does not check");
		FUZZ_CHECK(r->ok || r->close_code != 0 || r->server_error == -121
			|| r->http_status == 403 || r->n_findings > 0, "a refusal says how");
		FUZZ_CHECK(memchr(r->message, 0, sizeof r->message) != NULL,
			"message terminated");
		FUZZ_CHECK(r->n_findings <= OOJWT_MAX_FINDINGS, "finding count");
		for (i = 0; i < r->n_findings; i++) {
			const oojwt_finding *f = &r->findings[i];
			FUZZ_CHECK(oojwt_code_name(f->code) != NULL, "a named finding");
			FUZZ_CHECK(oojwt_severity_name(f->severity) != NULL, "a named severity");
			FUZZ_CHECK(memchr(f->path, 0, sizeof f->path) != NULL
				&& memchr(f->message, 0, sizeof f->message) != NULL
				&& memchr(f->fix, 0, sizeof f->fix) != NULL, "terminated texts");
		}
		oojwt_browser_report_free(r);
		oojwt_browser_report_free(r);
	}
	free(r);

	/* The reports embed payloads as DS's JSON.parse reads them (repeated
	 * members, lone surrogates), so they are not strict JSON. */
	rep = oojwt_browser_inspect_json(text, size - 1, secret, 6, &o, &n);
	FUZZ_CHECK(rep == NULL || (n >= 2 && rep[0] == '{' && rep[n - 1] == '}'
		&& strlen(rep) == n), "the report is one object");
	free(rep);
	rep = oojwt_browser_kind_json(text, size - 1, &n);
	FUZZ_CHECK(rep == NULL || (n >= 2 && rep[0] == '{' && rep[n - 1] == '}'
		&& strlen(rep) == n), "the guess is one object");
	free(rep);
	rep = oojwt_browser_kinds_json(&n);
	FUZZ_CHECK(rep == NULL || (n >= 2 && rep[0] == '[' && rep[n - 1] == ']'),
		"the kinds are one array");
	free(rep);
	free(text);
	return 0;
}
