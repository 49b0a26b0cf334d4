/*
 * The diagnosis (oojwt_diagnose, oojwt_diagnose_json, oojwt_diagnose_export): any number of
 * pasted texts recognised and judged together.
 *
 * max_len: 16384
 * seeds: diagnose
 *
 * Input: up to 16 texts separated by NUL bytes; a first byte 0x01 makes
 * the second text a typed secret instead of an item.
 *
 * Properties (src/diagnose/oojwt_diagnose.h): OOJWT_OK (or no_memory);
 * every item has a named kind and confidence; every finding a named code
 * and severity, an item in range, NUL-terminated texts; a verdict exactly
 * when there are findings, its headline not empty; the JSON report no
 * longer than oojwt_diag_report_bound() and the same verdict; the export
 * (oojwt_diagnose_export) in both formats with that verdict and without a
 * typed secret of 16 bytes or more (masked wherever it occurs).
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	oojwt_diag_item items[OOJWT_DIAG_MAX_ITEMS];
	oojwt_diag_secret sec;
	oojwt_diag_opts o;
	oojwt_diag_report *r;
	char *copy;
	size_t n = 0, at, start, i, len = 0;
	int typed = size > 0 && data[0] == 1, code;
	char *rep;

	if (typed) {
		data++;
		size--;
	}
	copy = fuzz_copy(data, size);
	memset(&o, 0, sizeof o);
	memset(&sec, 0, sizeof sec);
	o.now = 1765000000;
	for (start = at = 0; at <= size && n < OOJWT_DIAG_MAX_ITEMS; at++) {
		if (at == size || copy[at] == 0) {
			items[n].text = copy + start;
			items[n].len = at - start;
			items[n].name = NULL;
			items[n].name_len = 0;
			n++;
			start = at + 1;
		}
	}
	if (typed && n >= 2) {
		sec.value = (const unsigned char *)items[1].text;
		sec.len = items[1].len;
		o.secrets = &sec;
		o.n_secrets = 1;
		items[1] = items[n - 1];
		n--;
	}
	r = malloc(sizeof *r);
	if (r == NULL) {
		free(copy);
		return 0;
	}
	code = oojwt_diagnose(r, items, n, &o);
	FUZZ_CHECK(code == OOJWT_OK || code == OOJWT_ERR_NO_MEMORY, "OK");
	if (code == OOJWT_OK) {
		FUZZ_CHECK(r->n_items == n, "one recognition per item");
		for (i = 0; i < n; i++) {
			FUZZ_CHECK(oojwt_diag_kind_name(r->items[i].kind) != NULL, "a named kind");
			FUZZ_CHECK(oojwt_diag_confidence_name(r->items[i].confidence) != NULL,
				"a named confidence");
			FUZZ_CHECK(memchr(r->items[i].why, 0, sizeof r->items[i].why) != NULL,
				"why terminated");
			FUZZ_CHECK(!r->items[i].has_token || r->items[i].token_off
				+ r->items[i].token_len <= items[i].len, "the token inside its item");
		}
		FUZZ_CHECK(r->n_findings > 0, "a verdict");
		FUZZ_CHECK(r->headline[0] != 0, "a headline");
		for (i = 0; i < r->n_findings; i++) {
			const oojwt_diag_finding *f = &r->findings[i];
			FUZZ_CHECK(oojwt_code_name(f->code) != NULL, "a named code");
			FUZZ_CHECK(oojwt_severity_name(f->severity) != NULL, "a named severity");
			FUZZ_CHECK(f->item >= -1 && f->item < (int)n, "an item in range");
			FUZZ_CHECK(i == 0 || f->severity >= r->findings[i - 1].severity,
				"ordered by severity");
			FUZZ_CHECK(memchr(f->message, 0, sizeof f->message) != NULL
				&& memchr(f->params, 0, sizeof f->params) != NULL, "texts terminated");
		}
		rep = oojwt_diagnose_json(items, n, &o, &len);
		if (rep != NULL) {
			size_t total = 0;
			for (i = 0; i < n; i++) {
				total += items[i].len;
			}
			FUZZ_CHECK(len <= oojwt_diag_report_bound(total + sec.len), "within its bound");
			FUZZ_CHECK(strstr(rep, oojwt_code_name(r->findings[0].code)) != NULL,
				"the same verdict");
			free(rep);
		}
		/* The export, in both formats: the same verdict, and a typed
		 * secret of 16 bytes or more (longer than any word of the
		 * export's own text) never in it. */
		for (i = 0; i < 2; i++) {
			char *text = oojwt_diagnose_export(items, n, &o, (int)i, &len, &code);
			FUZZ_CHECK(text != NULL || code == OOJWT_ERR_NO_MEMORY
				|| code == OOJWT_ERR_TOO_LARGE, "an export");
			if (text != NULL) {
				char *whole = fuzz_copyz(sec.value, sec.len);
				FUZZ_CHECK(strlen(text) == len, "no NUL in the export");
				FUZZ_CHECK(strstr(text, oojwt_code_name(r->findings[0].code)) != NULL,
					"the export's verdict");
				/* (A secret that holds a mask's own closing mark could be
				 * made up of one and the text after it.) */
				FUZZ_CHECK(sec.len < 16 || memchr(whole, 0, sec.len) != NULL
					|| strstr(whole, "\xE2\x80\xBA") != NULL
					|| strstr(text, whole) == NULL, "the secret masked");
				free(whole);
				oojwt_wipe_free(text, len + 1);
			}
		}
	}
	free(r);
	free(copy);
	return 0;
}
