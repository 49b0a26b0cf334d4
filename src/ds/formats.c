/*
 * The file formats Document Server's converter knows by name: the names
 * Common/sources/formatchecker.js getFormatFromString turns into a format
 * (anything else is AVS_OFFICESTUDIO_FILE_UNKNOWN), by the family of the
 * AVS_OFFICESTUDIO_FILE_* constant each one gives. ConvertService
 * (DocService/sources/converterservice.js convertRequest) answers
 * CONVERT_PARAMS (-7) for an outputtype that is not among them.
 */
#include <string.h>
#include "inner.h"
#include "ds.h"

/* Lower case, as the switch in getFormatFromString spells them. */
static const char *const document_names[] = {
	"docx", "doc", "wps", "odt", "rtf", "txt", "xslt", "xml", "htm", "html",
	"mht", "mhtml", "epub", "fb2", "mobi", "docm", "dotx", "dotm", "fodt",
	"ott", "oform", "docxf", "pages", "hwp", "hwpx", "hwpml", "md", NULL
};
static const char *const presentation_names[] = {
	"pptx", "ppt", "dps", "odp", "ppsx", "pptm", "ppsm", "potx", "potm",
	"fodp", "otp", "odg", "key", NULL
};
static const char *const spreadsheet_names[] = {
	"xlsx", "xls", "et", "ods", "csv", "tsv", "xlsm", "xltx", "xltm", "xlsb",
	"fods", "ots", "numbers", NULL
};
static const char *const image_names[] = {
	"jpeg", "jpe", "jpg", "tif", "tiff", "tga", "gif", "png", "emf", "wmf",
	"bmp", "cr2", "pcx", "ras", "psd", "ico", NULL
};
static const char *const crossplatform_names[] = {
	"pdf", "pdfa", "swf", "djvu", "xps", "svg", "htmlr", "ofd", NULL
};
static const char *const teamlab_names[] = {
	"doct", "xlst", "pptt", NULL
};
static const char *const other_names[] = {
	"ooxml", "odf", NULL
};
static const char *const draw_names[] = {
	"vsdx", "vssx", "vstx", "vsdm", "vssm", "vstm", NULL
};

static const struct {
	const char *family;
	const char *const *names;
} families[] = {
	{ "document", document_names },
	{ "presentation", presentation_names },
	{ "spreadsheet", spreadsheet_names },
	{ "image", image_names },
	{ "crossplatform", crossplatform_names },
	{ "teamlab", teamlab_names },
	{ "other", other_names },
	{ "draw", draw_names }
};

#define FORMAT_NAME_MAX 8

/* String.prototype.toLowerCase as far as it can give a name of the
 * table: A-Z, and U+212A KELVIN SIGN, which lowers to "k" (no other code
 * point lowers to ASCII letters or digits). 0 when the result cannot be
 * a name (too long, or another non-ASCII byte). */
static size_t
lower(char *out, const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (n == FORMAT_NAME_MAX) {
			return 0;
		}
		if (ch == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x84
			&& (unsigned char)s[i + 2] == 0xAA)
		{
			out[n++] = 'k';
			i += 2;
		} else if (ch >= 0x80) {
			return 0;
		} else {
			out[n++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a')
				: (char)ch;
		}
	}
	return n;
}

const char *
oojwt_ds_format_family(const char *s, size_t len)
{
	char low[FORMAT_NAME_MAX];
	size_t f, k, n;

	if (s == NULL || (n = lower(low, s, len)) == 0) {
		return NULL;
	}
	for (f = 0; f < sizeof families / sizeof *families; f++) {
		for (k = 0; families[f].names[k] != NULL; k++) {
			if (strlen(families[f].names[k]) == n
				&& memcmp(families[f].names[k], low, n) == 0)
			{
				return families[f].family;
			}
		}
	}
	return NULL;
}
