/*
 * The report of oojwt_diagnose() as JSON (kit.diagnose, `oojwt diagnose
 * --json`); the shape is in web/lib/oojwt.d.ts (DiagnoseResult):
 *
 *   {"verdict":{severity,code,headline,consequence,consequenceCode,
 *              consequenceParams,cause,fix,items,params} | null,
 *    "items":[{index,name,kind,label,confidence,why,detail,guess,token,
 *              symptom}],
 *    "findings":[{severity,code,item,path,message,fix,params}],
 *    "commands":[{id,runOn,item,text,explanation}],
 *    "secretsHeld","tokensChecked","dropped"}
 *
 * The items' names and tokens are the only texts copied from the input
 * (each byte escaped to at most 6); everything else has a fixed size.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "diagnose.h"

size_t
oojwt_diag_report_bound(size_t len)
{
	return oojwt_bound_linear(6, len);
}

static void
finding_json(oojwt_sb *sb, const oojwt_diag_finding *f)
{
	oojwt_sb_puts(sb, "{\"severity\":");
	oojwt_sb_json_string(sb, oojwt_severity_name(f->severity),
		strlen(oojwt_severity_name(f->severity)));
	oojwt_sb_puts(sb, ",\"code\":");
	oojwt_sb_json_string(sb, oojwt_code_name(f->code) != NULL
		? oojwt_code_name(f->code) : "", oojwt_code_name(f->code) != NULL
		? strlen(oojwt_code_name(f->code)) : 0);
	oojwt_sb_puts(sb, ",\"item\":");
	if (f->item >= 0) {
		oojwt_sb_long(sb, f->item);
	} else {
		oojwt_sb_puts(sb, "null");
	}
	oojwt_sb_member(sb, "path", f->path[0] != 0 ? f->path : NULL, 1);
	oojwt_sb_member(sb, "message", f->message, 1);
	oojwt_sb_member(sb, "fix", f->fix, 1);
	oojwt_sb_params(sb, f->params);
	oojwt_sb_puts(sb, "}");
}

static void
report_json(oojwt_sb *sb, const oojwt_diag_report *r,
	const oojwt_diag_item *items)
{
	size_t i;

	oojwt_sb_puts(sb, "{\"verdict\":");
	if (r->n_findings == 0) {
		oojwt_sb_puts(sb, "null");
	} else {
		const oojwt_diag_finding *f = &r->findings[0];
		oojwt_sb_puts(sb, "{\"severity\":");
		oojwt_sb_json_string(sb, oojwt_severity_name(f->severity),
			strlen(oojwt_severity_name(f->severity)));
		oojwt_sb_member(sb, "code", oojwt_code_name(f->code), 1);
		oojwt_sb_member(sb, "headline", r->headline, 1);
		oojwt_sb_member(sb, "consequence", r->consequence, 1);
		oojwt_sb_member(sb, "consequenceCode",
			oojwt_code_name(OOJWT_SAY_DIAG_CONSEQUENCE), 1);
		oojwt_sb_puts(sb, ",\"consequenceParams\":");
		oojwt_sb_puts(sb, r->consequence_params);
		oojwt_sb_member(sb, "cause", f->message, 1);
		oojwt_sb_member(sb, "fix", f->fix, 1);
		oojwt_sb_puts(sb, ",\"items\":[");
		if (f->item >= 0) {
			oojwt_sb_long(sb, f->item);
			if (f->item2 >= 0) {
				oojwt_sb_puts(sb, ",");
				oojwt_sb_long(sb, f->item2);
			}
		}
		oojwt_sb_puts(sb, "]");
		oojwt_sb_params(sb, f->params);
		oojwt_sb_puts(sb, "}");
	}
	oojwt_sb_puts(sb, ",\"items\":[");
	for (i = 0; i < r->n_items; i++) {
		const oojwt_diag_recognised *g = &r->items[i];
		if (i > 0) {
			oojwt_sb_puts(sb, ",");
		}
		oojwt_sb_puts(sb, "{\"index\":");
		oojwt_sb_long(sb, (long)i);
		oojwt_sb_puts(sb, ",\"name\":");
		if (items[i].name != NULL) {
			oojwt_sb_wtf8_string(sb, items[i].name, items[i].name_len);
		} else {
			oojwt_sb_puts(sb, "null");
		}
		oojwt_sb_member(sb, "kind", oojwt_diag_kind_name(g->kind), 1);
		oojwt_sb_member(sb, "label", oojwt_diag_kind_label(g->kind), 1);
		oojwt_sb_member(sb, "confidence", oojwt_diag_confidence_name(g->confidence), 1);
		oojwt_sb_member(sb, "why", g->why, 1);
		oojwt_sb_member(sb, "detail", g->detail[0] != 0 ? g->detail : NULL, 1);
		oojwt_sb_member(sb, "guess", g->guess != OOJWT_DIAG_UNKNOWN
			? oojwt_diag_kind_name(g->guess) : NULL, 1);
		oojwt_sb_puts(sb, ",\"token\":");
		if (g->has_token) {
			oojwt_sb_wtf8_string(sb, items[i].text + g->token_off, g->token_len);
		} else {
			oojwt_sb_puts(sb, "null");
		}
		oojwt_sb_member(sb, "symptom", g->symptom > 0
			? oojwt_symptom_at((size_t)g->symptom - 1)->id : NULL, 1);
		oojwt_sb_puts(sb, "}");
	}
	oojwt_sb_puts(sb, "],\"findings\":[");
	for (i = 0; i < r->n_findings; i++) {
		if (i > 0) {
			oojwt_sb_puts(sb, ",");
		}
		finding_json(sb, &r->findings[i]);
	}
	oojwt_sb_puts(sb, "],\"commands\":[");
	for (i = 0; i < r->n_commands; i++) {
		const oojwt_diag_command *c = &r->commands[i];
		oojwt_sb_puts(sb, i > 0 ? ",{\"id\":" : "{\"id\":");
		oojwt_sb_json_string(sb, oojwt_command_name(c->id),
			strlen(oojwt_command_name(c->id)));
		oojwt_sb_member(sb, "runOn", c->run_on, 1);
		oojwt_sb_puts(sb, ",\"item\":");
		if (c->item >= 0) {
			oojwt_sb_long(sb, c->item);
		} else {
			oojwt_sb_puts(sb, "null");
		}
		oojwt_sb_member(sb, "text", c->text, 1);
		oojwt_sb_member(sb, "explanation", c->explanation, 1);
		oojwt_sb_puts(sb, "}");
	}
	oojwt_sb_puts(sb, "],\"secretsHeld\":");
	oojwt_sb_long(sb, (long)r->n_secrets);
	oojwt_sb_puts(sb, ",\"tokensChecked\":");
	oojwt_sb_long(sb, (long)r->n_tokens);
	oojwt_sb_puts(sb, ",\"dropped\":");
	oojwt_sb_long(sb, (long)r->dropped);
	oojwt_sb_puts(sb, "}");
}

char *
oojwt_diagnose_json(const oojwt_diag_item *items, size_t n,
	const oojwt_diag_opts *opts, size_t *out_len)
{
	oojwt_diag_report *r = malloc(sizeof *r);
	oojwt_sb sb;
	int e;

	memset(&sb, 0, sizeof sb);
	if (r == NULL) {
		return NULL;
	}
	e = oojwt_diagnose(r, items, n, opts);
	if (e != OOJWT_OK) {
		oojwt_sb_error(&sb, e, e == OOJWT_ERR_TOO_LARGE
			? "Too much to diagnose at once: at most 16 texts and 16 secrets, "
				"16 MB in all."
			: e == OOJWT_ERR_NO_MEMORY ? "Out of memory."
			: "The diagnosis was called with bad arguments.", -1);
	} else {
		report_json(&sb, r, items);
	}
	oojwt_wipe(r, sizeof *r);
	free(r);
	return oojwt_sb_finish(&sb, out_len);
}
