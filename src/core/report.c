/*
 * A result as one JSON object: what the wasm module hands to JS and what
 * the CLI prints. The decoded header and payload are embedded as they
 * are when they passed the strict JSON layer (so JSON.parse in JS sees
 * exactly the values C checked), and as strings otherwise.
 */
#include <stdlib.h>
#include <string.h>
#include "inner.h"
#include "core.h"

/* "name":<raw JSON> when ok, "name":null,"nameText":"..." otherwise. */
static void
put_part(oojwt_sb *sb, const char *name, const char *text, size_t len, int ok)
{
	oojwt_sb_puts(sb, ",\"");
	oojwt_sb_puts(sb, name);
	oojwt_sb_puts(sb, "\":");
	if (ok) {
		oojwt_sb_put(sb, text, len);
		return;
	}
	oojwt_sb_puts(sb, "null");
	if (text != NULL) {
		oojwt_sb_puts(sb, ",\"");
		oojwt_sb_puts(sb, name);
		oojwt_sb_puts(sb, "Text\":");
		oojwt_sb_json_string(sb, text, len);
	}
}

char *
oojwt_report_json(const oojwt_result *r, size_t *len)
{
	oojwt_sb sb;
	const char *alg = oojwt_alg_name(r->alg);

	memset(&sb, 0, sizeof sb);
	/* One allocation in the common case: the parts embedded as they are
	 * and the issues (escaped text that is not JSON may still grow it). */
	oojwt_sb_reserve(&sb, r->header_len + r->payload_len + 256
		+ (r->n_errors + r->n_warnings) * (OOJWT_MESSAGE_LEN + 64));
	oojwt_sb_puts(&sb, r->valid ? "{\"valid\":true,\"alg\":"
		: "{\"valid\":false,\"alg\":");
	if (alg != NULL) {
		oojwt_sb_json_string(&sb, alg, strlen(alg));
	} else {
		oojwt_sb_puts(&sb, "null");
	}
	oojwt_sb_puts(&sb, ",\"errors\":");
	oojwt_sb_issues(&sb, r->errors, r->n_errors, 1);
	oojwt_sb_puts(&sb, ",\"warnings\":");
	oojwt_sb_issues(&sb, r->warnings, r->n_warnings, 1);
	oojwt_sb_puts(&sb, ",\"dropped\":");
	oojwt_sb_long(&sb, (long)r->dropped);
	put_part(&sb, "header", r->header, r->header_len, r->header_ok);
	put_part(&sb, "payload", r->payload, r->payload_len, r->payload_ok);
	if (r->sig != NULL) {
		oojwt_sb_puts(&sb, ",\"signatureLength\":");
		oojwt_sb_long(&sb, (long)r->sig_len);
	}
	if (r->dot2 != 0) {
		oojwt_sb_puts(&sb, ",\"dots\":[");
		oojwt_sb_long(&sb, (long)r->dot1);
		oojwt_sb_put(&sb, ",", 1);
		oojwt_sb_long(&sb, (long)r->dot2);
		oojwt_sb_put(&sb, "]", 1);
	}
	oojwt_sb_put(&sb, "}", 1);
	if (sb.failed) {
		free(sb.buf);
		return NULL;
	}
	*len = sb.len;
	return sb.buf;
}
