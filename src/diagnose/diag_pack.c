/*
 * The items and secrets of one diagnosis packed into one buffer (what
 * web/lib/diagnose.mjs writes, so that they cross the wasm boundary in
 * one copy, wiped after the call): two 32-bit little-endian counts
 * (items, secrets), then for each item and then each secret its name's
 * length (0xFFFFFFFF: no name), the name, the text's length, the text.
 */
#include <string.h>
#include "inner.h"
#include "diagnose.h"

static int
take_u32(const unsigned char **p, size_t *left, uint32_t *v)
{
	if (*left < 4) {
		return 0;
	}
	*v = (uint32_t)(*p)[0] | (uint32_t)(*p)[1] << 8 | (uint32_t)(*p)[2] << 16
		| (uint32_t)(*p)[3] << 24;
	*p += 4;
	*left -= 4;
	return 1;
}

static int
take_text(const unsigned char **p, size_t *left, const char **s, size_t *n,
	int may_be_absent)
{
	uint32_t len;

	if (!take_u32(p, left, &len)) {
		return 0;
	}
	if (len == 0xFFFFFFFFu && may_be_absent) {
		*s = NULL;
		*n = 0;
		return 1;
	}
	if (len > *left) {
		return 0;
	}
	*s = (const char *)*p;
	*n = len;
	*p += len;
	*left -= len;
	return 1;
}

int
oojwt_diag_unpack(const unsigned char *pack, size_t len,
	oojwt_diag_item *items, size_t *n_items, oojwt_diag_secret *secrets,
	size_t *n_secrets)
{
	uint32_t ni, ns, i;
	const unsigned char *p = pack;
	size_t left = len;

	if (pack == NULL || !take_u32(&p, &left, &ni) || !take_u32(&p, &left, &ns)) {
		return OOJWT_ERR_BAD_ARGUMENT;
	}
	if (ni > OOJWT_DIAG_MAX_ITEMS || ns > OOJWT_DIAG_MAX_SECRETS) {
		return OOJWT_ERR_TOO_LARGE;
	}
	for (i = 0; i < ni; i++) {
		if (!take_text(&p, &left, &items[i].name, &items[i].name_len, 1)
			|| !take_text(&p, &left, &items[i].text, &items[i].len, 0))
		{
			return OOJWT_ERR_BAD_ARGUMENT;
		}
	}
	for (i = 0; i < ns; i++) {
		const char *v;
		if (!take_text(&p, &left, &secrets[i].name, &secrets[i].name_len, 1)
			|| !take_text(&p, &left, &v, &secrets[i].len, 0))
		{
			return OOJWT_ERR_BAD_ARGUMENT;
		}
		secrets[i].value = (const unsigned char *)v;
	}
	*n_items = ni;
	*n_secrets = ns;
	return left == 0 ? OOJWT_OK : OOJWT_ERR_BAD_ARGUMENT;
}

/* The JSON report (format < 0) or the export in `format`, as
 * {"text":"..."}, of a packed call; {"error"} when it does not unpack or
 * the export fails. */
char *
oojwt_diag_packed_json(const unsigned char *pack, size_t len, double now,
	int format, size_t *out_len)
{
	oojwt_diag_item items[OOJWT_DIAG_MAX_ITEMS];
	oojwt_diag_secret secrets[OOJWT_DIAG_MAX_SECRETS];
	oojwt_diag_opts o;
	oojwt_sb sb;
	size_t ni = 0, ns = 0, n = 0;
	char *text;
	int e = oojwt_diag_unpack(pack, len, items, &ni, secrets, &ns);

	memset(&sb, 0, sizeof sb);
	if (e != OOJWT_OK) {
		oojwt_sb_error(&sb, e, e == OOJWT_ERR_TOO_LARGE ? "Too much to diagnose "
			"at once: at most 16 texts and 16 secrets." : "The packed items "
			"cannot be read.", -1);
		return oojwt_sb_finish(&sb, out_len);
	}
	memset(&o, 0, sizeof o);
	o.now = now;
	o.secrets = secrets;
	o.n_secrets = ns;
	if (format < 0) {
		return oojwt_diagnose_json(items, ni, &o, out_len);
	}
	text = oojwt_diagnose_export(items, ni, &o, format, &n, &e);
	if (text == NULL) {
		oojwt_sb_error(&sb, e, e == OOJWT_ERR_TOO_LARGE ? "Too much to export "
			"at once: at most 16 texts, 16 secrets, 16 MB in all." : e
			== OOJWT_ERR_BAD_ARGUMENT ? "The export format is neither markdown "
			"nor text." : "Out of memory.", -1);
	} else {
		oojwt_sb_puts(&sb, "{\"text\":");
		oojwt_sb_wtf8_string(&sb, text, n);
		oojwt_sb_puts(&sb, "}");
		oojwt_wipe_free(text, n + 1);
	}
	return oojwt_sb_finish(&sb, out_len);
}
