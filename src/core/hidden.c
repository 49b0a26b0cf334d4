/*
 * Characters that do not show as themselves: the C0 controls but newline
 * and tab, DEL, the C1 controls, and the bidirectional and invisible
 * format characters (U+00AD, U+061C, U+180E, U+200B-200F, U+2028-202E,
 * U+2060-2064, U+2066-206F, U+FEFF, U+FFF9-FFFB). A claim holding one can
 * read as another value ("user\u202e nimda" shows as "user,"admin"), and
 * a terminal acts on the controls. The decoder warns about them
 * (oojwt_hidden_check); the command line escapes them (src/cli/jwt.c).
 */
#include "inner.h"
#include "core.h"

int
oojwt_cp_hidden(unsigned long c)
{
	return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
		|| c == 0xad || c == 0x61c || c == 0x180e
		|| (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e)
		|| (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206f)
		|| c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb);
}

/* The first hidden character of strict JSON text `s`, raw (UTF-8) or
 * escaped (\uXXXX); its code point in *cp and the count in *n. */
static size_t
scan(const char *s, size_t len, unsigned long *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n = 0;

	while (i < len) {
		unsigned long c = u[i];
		size_t step = 1;
		if (c == '\\' && i + 1 < len) {
			step = 2;
			if (s[i + 1] == 'u' && i + 5 < len) {
				size_t k;
				int h;
				c = 0;
				for (k = 2; k < 6 && (h = oojwt_hex_value(s[i + k])) >= 0; k++) {
					c = c << 4 | (unsigned long)h;
				}
				step = 6;
			} else {
				/* \b \f \r are controls; \n \t \" \\ \/ are text */
				c = s[i + 1] == 'b' ? 0x08 : s[i + 1] == 'f' ? 0x0c
					: s[i + 1] == 'r' ? 0x0d : 0x20;
			}
		} else if (c >= 0xc2 && c <= 0xdf && i + 1 < len) {
			c = ((c & 0x1f) << 6) | (u[i + 1] & 0x3fu);
			step = 2;
		} else if (c >= 0xe0 && c <= 0xef && i + 2 < len) {
			c = ((c & 0x0f) << 12) | ((unsigned long)(u[i + 1] & 0x3f) << 6)
				| (u[i + 2] & 0x3fu);
			step = 3;
		} else if (c >= 0x80) {
			c = 0x20; /* 4-byte sequences hold none of them */
		}
		/* A raw CR can only be JSON whitespace between tokens. */
		if (oojwt_cp_hidden(c) && !(c == '\r' && step == 1)) {
			if (n++ == 0) {
				*cp = c;
			}
		}
		i += step;
	}
	return n;
}

void
oojwt_hidden_check(oojwt_result *r)
{
	static const char *const names[] = { "header", "payload" };
	int part;

	for (part = 0; part < 2; part++) {
		const char *text = part == 0 ? r->header : r->payload;
		size_t len = part == 0 ? r->header_len : r->payload_len;
		unsigned long cp = 0;
		size_t n;
		if (!(part == 0 ? r->header_ok : r->payload_ok) || text == NULL) {
			continue;
		}
		n = scan(text, len, &cp);
		if (n == 0) {
			continue;
		}
		{
			static const char hex[] = "0123456789ABCDEF";
			char u[5];
			u[0] = hex[(cp >> 12) & 15];
			u[1] = hex[(cp >> 8) & 15];
			u[2] = hex[(cp >> 4) & 15];
			u[3] = hex[cp & 15];
			u[4] = 0;
			oojwt_issue_fmt(r, OOJWT_WARN_HIDDEN_CHARACTERS,
				part == 0 ? 0 : (long)r->dot1 + 1, "part,count,,codePoint",
				"the %s holds %z control, direction or invisible "
				"character%s (the first is U+%s): shown as it is, a value "
				"can read as another (a right-to-left override makes "
				"\"user\\u202e nimda\" read \"user,\"admin\"); do not trust "
				"how its claims look, and have the issuer remove them",
				names[part], n, n == 1 ? "" : "s", u);
		}
	}
}
