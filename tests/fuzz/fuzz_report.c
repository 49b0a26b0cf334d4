/*
 * The report serialiser (oojwt_report_json, oojwt_sb_json_string) on
 * results holding arbitrary bytes.
 *
 * max_len: 4096
 * seeds: raw
 *
 * The input is cut in three at its first two 0xFF bytes: a header text,
 * a payload text, and a message. A result is built by hand with those
 * texts (as undecodable parts: the report embeds them as strings) and
 * with up to OOJWT_MAX_ISSUES errors and warnings carrying the message.
 * Properties: the report is strict JSON (the reference validator,
 * \u0000 allowed) and valid UTF-8; a text that is valid UTF-8 without
 * NUL comes back exactly as the string member "headerText"; and
 * oojwt_sb_json_string() of the whole input is a JSON string.
 */
#include "fuzz.h"
#include "ref_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
clean_utf8(const uint8_t *p, size_t n)
{
	ref_json st;

	memset(&st, 0, sizeof st);
	st.s = p;
	st.n = n;
	while (st.i < st.n) {
		if (p[st.i] == 0) {
			return 0;
		}
		if (p[st.i] < 0x80) {
			st.i++;
			continue;
		}
		{
			size_t k = ref_utf8(&st);
			if (k == 0) {
				return 0;
			}
			st.i += k;
		}
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *cut1, *cut2 = NULL;
	oojwt_result r;
	oojwt_sb sb;
	char *rep;
	size_t rep_len = 0, h_len, i, n_issues;

	memset(&r, 0, sizeof r);
	cut1 = memchr(data, 0xFF, size);
	h_len = cut1 != NULL ? (size_t)(cut1 - data) : size;
	if (cut1 != NULL) {
		cut2 = memchr(cut1 + 1, 0xFF, size - h_len - 1);
	}
	r.header = fuzz_copyz(data, h_len);
	r.header_len = h_len;
	if (cut1 != NULL) {
		size_t p_len = cut2 != NULL ? (size_t)(cut2 - cut1 - 1) : size - h_len - 1;
		r.payload = fuzz_copyz(cut1 + 1, p_len);
		r.payload_len = p_len;
	}
	n_issues = size % 5 == 4 ? OOJWT_MAX_ISSUES + 1 : size % 5;
	for (i = 0; i < n_issues; i++) {
		char m[OOJWT_MESSAGE_LEN];
		size_t m_len = cut2 != NULL ? size - (size_t)(cut2 - data) - 1 : 0;
		if (m_len > sizeof m - 1) {
			m_len = sizeof m - 1;
		}
		if (m_len != 0) {
			memcpy(m, cut2 + 1, m_len);
		}
		m[m_len] = 0;
		oojwt_issue_add(&r, (int)(1 + i % 22), (long)i - 1, m);
		oojwt_issue_add(&r, (int)(100 + i % 3), (long)i * 1000, m);
	}
	r.alg = size > 0 ? 1u << (data[0] % 14) : 0;
	r.dot1 = size;
	r.dot2 = size / 2;
	if (size > 2 && data[1] == 'S') {
		r.sig = (unsigned char *)fuzz_copy(data, 1);
		r.sig_len = 1;
	}

	rep = oojwt_report_json(&r, &rep_len);
	FUZZ_CHECK(rep != NULL && strlen(rep) == rep_len, "report");
	FUZZ_CHECK(ref_json_check((const unsigned char *)rep, rep_len, NULL, 1) == OOJWT_OK,
		"the report is strict JSON");
	FUZZ_CHECK(clean_utf8((const uint8_t *)rep, rep_len), "the report is UTF-8");
	if (clean_utf8(data, h_len)) {
		char msg[OOJWT_MESSAGE_LEN];
		oojwt_jv *tree = NULL;
		const oojwt_jv *v;
		long pos;
		int code = oojwt_json_parse(&tree, rep, rep_len, &pos, msg);
		if (code != OOJWT_OK) {
			/* Only a \u0000 in a message may stop the strict parser. */
			FUZZ_CHECK(strstr(rep, "\\u0000") != NULL, "the report parses");
		} else {
			v = oojwt_json_get(tree, "headerText");
			FUZZ_CHECK(oojwt_json_type(v) == OOJWT_JSON_STRING, "headerText present");
			FUZZ_CHECK(strlen(oojwt_json_string(v)) == h_len
				&& memcmp(oojwt_json_string(v), data, h_len) == 0, "headerText exact");
			oojwt_json_free(tree);
		}
	}
	free(rep);

	memset(&sb, 0, sizeof sb);
	oojwt_sb_json_string(&sb, (const char *)data, size);
	FUZZ_CHECK(!sb.failed && sb.buf != NULL, "sb");
	FUZZ_CHECK(ref_json_check((const unsigned char *)sb.buf, sb.len, NULL, 1) == OOJWT_OK,
		"a JSON string literal");
	FUZZ_CHECK(sb.buf[0] == '"', "a string");
	free(sb.buf);
	oojwt_result_free(&r);
	return 0;
}
