/*
 * The symptom table as JSON (oojwt_symptoms_json): what kit.symptoms()
 * returns and `oojwt symptoms --json` prints; the shape is in
 * web/lib/oojwt.d.ts (Symptom).
 */
#include <string.h>
#include "inner.h"
#include "diagnose.h"

/* "name":{"en":...,"zh-CN":...} after a comma. */
static void
by_language(oojwt_sb *sb, const char *name, const char *en, const char *zh)
{
	oojwt_sb_puts(sb, ",\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, "\":{");
	oojwt_sb_member(sb, "en", en, 0);
	oojwt_sb_member(sb, "zh-CN", zh, 1);
	oojwt_sb_puts(sb, "}");
}

char *
oojwt_symptoms_json(size_t *out_len)
{
	oojwt_sb sb;
	size_t i, j;

	memset(&sb, 0, sizeof sb);
	oojwt_sb_puts(&sb, "[");
	for (i = 0; i < oojwt_symptom_count(); i++) {
		const oojwt_symptom *s = oojwt_symptom_at(i);
		oojwt_sb_puts(&sb, i > 0 ? ",{" : "{");
		oojwt_sb_member(&sb, "id", s->id, 0);
		oojwt_sb_member(&sb, "product", s->product, 1);
		by_language(&sb, "texts", s->en, s->zh);
		by_language(&sb, "sources", s->en_source, s->zh_source);
		oojwt_sb_member(&sb, "means", s->means, 1);
		oojwt_sb_puts(&sb, ",\"paste\":[");
		for (j = 0; j < s->n_paste; j++) {
			oojwt_sb_puts(&sb, j > 0 ? ",{" : "{");
			oojwt_sb_member(&sb, "what", s->paste[j].what, 0);
			oojwt_sb_member(&sb, "where", s->paste[j].where, 1);
			oojwt_sb_puts(&sb, "}");
		}
		oojwt_sb_puts(&sb, "]}");
	}
	oojwt_sb_puts(&sb, "]");
	return oojwt_sb_finish(&sb, out_len);
}
