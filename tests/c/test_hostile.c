/*
 * The hostile-token table: each row builds a damaged or unusual token and
 * states the exact errors and warnings oojwt_verify must report.
 */
#include <stdlib.h>
#include <string.h>
#include "testlib.h"

#define AT_END (-1)

enum { SHAPE_3, SHAPE_EMPTY, SHAPE_1, SHAPE_2, SHAPE_4, SHAPE_5, SHAPE_HUGE };
enum { SIG_MAC, SIG_EMPTY, SIG_SHORT, SIG_LONG, SIG_CUT2 };
enum { SEG_NONE, SEG_HEADER, SEG_PAYLOAD, SEG_SIG };

/*
 * A token built from `header` and `payload` texts (defaults HDR and
 * PAYLOAD), MACed with `mac` (default HS256) and the `signer` key over
 * exactly the segments sent, then damaged as described. `insert` goes
 * into segment `seg` at offset `at` (AT_END: its end), or overwrites the
 * characters there when `replace` is set; with `seg` set and no
 * `insert`, the segment gets '=' padding to a multiple of 4. When the
 * first expected error is bad_base64, its position must be that of the
 * inserted text.
 */
typedef struct {
	const char *name;
	const char *header, *payload;
	unsigned mac;
	int shape, sig;
	int signer, verifier;
	unsigned algs;          /* allowed algorithms; 0: OOJWT_ALG_HMAC */
	int seg;
	const char *insert;
	int replace;            /* `insert` overwrites instead */
	int at;
	int errors[4];          /* expected, first one first; 0-terminated */
	int warnings[3];
} hostile;

static const hostile hostile_table[] = {
	{ .name = "valid HS256 token (control)" },
	{ .name = "valid HS512 token (control)",
	  .header = "{\"alg\":\"HS512\"}", .mac = OOJWT_ALG_HS512 },
	{ .name = "empty token", .shape = SHAPE_EMPTY,
	  .errors = { OOJWT_ERR_MALFORMED } },
	{ .name = "1 segment", .shape = SHAPE_1,
	  .errors = { OOJWT_ERR_MALFORMED } },
	{ .name = "2 segments", .shape = SHAPE_2,
	  .errors = { OOJWT_ERR_MALFORMED } },
	{ .name = "4 segments", .shape = SHAPE_4,
	  .errors = { OOJWT_ERR_MALFORMED } },
	{ .name = "5 segments (JWE shape)", .shape = SHAPE_5,
	  .errors = { OOJWT_ERR_MALFORMED } },
	{ .name = "padding in the header",
	  .header = "{\"alg\":\"HS256\",\"kid\":\"k1\"}", .seg = SEG_HEADER,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "padding in the payload", .seg = SEG_PAYLOAD,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "padding in the signature (only the '=' is wrong)",
	  .seg = SEG_SIG, .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "space in the header", .seg = SEG_HEADER, .insert = " ",
	  .at = 5, .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "tab in the payload", .seg = SEG_PAYLOAD, .insert = "\t",
	  .at = 3, .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "CRLF in the signature", .seg = SEG_SIG, .insert = "\r\n",
	  .at = 10,
	  .errors = { OOJWT_ERR_BAD_BASE64, OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "line feed after the token (not a length problem)",
	  .seg = SEG_SIG, .insert = "\n", .at = AT_END,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "space replacing a signature character (43 characters)",
	  .seg = SEG_SIG, .insert = " ", .replace = 1, .at = 20,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "'+' replacing a signature character (43 characters)",
	  .seg = SEG_SIG, .insert = "+", .replace = 1, .at = 0,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "'+' in the header", .seg = SEG_HEADER, .insert = "+",
	  .at = 4, .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "'/' in the signature", .seg = SEG_SIG, .insert = "/",
	  .at = 8,
	  .errors = { OOJWT_ERR_BAD_BASE64, OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "'=' replacing the header's last character",
	  .seg = SEG_HEADER, .insert = "=", .replace = 1, .at = 35,
	  .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "non-ASCII byte in the payload", .seg = SEG_PAYLOAD,
	  .insert = "\xc3\xa9", .at = 2, .errors = { OOJWT_ERR_BAD_BASE64 } },
	{ .name = "header is not JSON", .header = "alg=HS256",
	  .errors = { OOJWT_ERR_BAD_JSON } },
	{ .name = "header starts with a BOM",
	  .header = "\xef\xbb\xbf" "{\"alg\":\"HS256\"}",
	  .errors = { OOJWT_ERR_BAD_JSON } },
	{ .name = "header is an array", .header = "[\"alg\",\"HS256\"]",
	  .errors = { OOJWT_ERR_NOT_AN_OBJECT } },
	{ .name = "payload is null", .payload = "null",
	  .errors = { OOJWT_ERR_NOT_AN_OBJECT } },
	{ .name = "payload is an array", .payload = "[{\"sub\":\"x\"}]",
	  .errors = { OOJWT_ERR_NOT_AN_OBJECT } },
	{ .name = "payload is a string", .payload = "\"sub\"",
	  .errors = { OOJWT_ERR_NOT_AN_OBJECT } },
	{ .name = "header and payload both not JSON", .header = "{alg:HS256}",
	  .payload = "{sub:1}",
	  .errors = { OOJWT_ERR_BAD_JSON, OOJWT_ERR_BAD_JSON } },
	{ .name = "duplicate alg in the header",
	  .header = "{\"alg\":\"HS256\",\"alg\":\"HS256\"}",
	  .errors = { OOJWT_ERR_DUPLICATE_MEMBER } },
	{ .name = "duplicate alg in the header, the second none",
	  .header = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"alg\":\"none\"}",
	  .errors = { OOJWT_ERR_DUPLICATE_MEMBER } },
	{ .name = "duplicate sub in the payload",
	  .payload = "{\"sub\":\"alice\",\"sub\":\"admin\"}",
	  .errors = { OOJWT_ERR_DUPLICATE_MEMBER } },
	{ .name = "payload nested 65 deep",
	  .payload = DEEP65,
	  .errors = { OOJWT_ERR_TOO_DEEP } },
	{ .name = "alg none, empty signature", .header = "{\"alg\":\"none\"}",
	  .sig = SIG_EMPTY, .errors = { OOJWT_ERR_ALG_NONE } },
	{ .name = "alg NONE", .header = "{\"alg\":\"NONE\"}",
	  .errors = { OOJWT_ERR_ALG_NONE } },
	{ .name = "alg None", .header = "{\"alg\":\"None\"}",
	  .sig = SIG_EMPTY, .errors = { OOJWT_ERR_ALG_NONE } },
	{ .name = "alg hs256 (wrong case)", .header = "{\"alg\":\"hs256\"}",
	  .errors = { OOJWT_ERR_ALG_NOT_ALLOWED } },
	{ .name = "alg HS999 (unknown)", .header = "{\"alg\":\"HS999\"}",
	  .errors = { OOJWT_ERR_ALG_NOT_ALLOWED } },
	{ .name = "alg missing", .header = "{\"typ\":\"JWT\"}",
	  .errors = { OOJWT_ERR_BAD_HEADER } },
	{ .name = "alg only as Alg (lookups are case-sensitive)",
	  .header = "{\"Alg\":\"HS256\"}", .errors = { OOJWT_ERR_BAD_HEADER } },
	{ .name = "ALG none beside alg HS256 (a different member)",
	  .header = "{\"ALG\":\"none\",\"alg\":\"HS256\"}" },
	{ .name = "alg is a number", .header = "{\"alg\":256}",
	  .errors = { OOJWT_ERR_BAD_HEADER } },
	{ .name = "alg is null", .header = "{\"alg\":null}",
	  .errors = { OOJWT_ERR_BAD_HEADER } },
	{ .name = "alg RS256, HS allowed", .header = "{\"alg\":\"RS256\"}",
	  .errors = { OOJWT_ERR_ALG_NOT_ALLOWED } },
	{ .name = "alg EdDSA allowed but unsupported",
	  .header = "{\"alg\":\"EdDSA\"}",
	  .algs = OOJWT_ALG_HMAC | OOJWT_ALG_EDDSA,
	  .errors = { OOJWT_ERR_UNSUPPORTED_ALG } },
	{ .name = "alg RS256 allowed, but the key is a secret",
	  .header = "{\"alg\":\"RS256\"}",
	  .algs = OOJWT_ALG_HMAC | OOJWT_ALG_RS256,
	  .errors = { OOJWT_ERR_KEY_MISMATCH } },
	{ .name = "alg HS384, only HS256 allowed",
	  .header = "{\"alg\":\"HS384\"}", .mac = OOJWT_ALG_HS384,
	  .algs = OOJWT_ALG_HS256, .errors = { OOJWT_ERR_ALG_NOT_ALLOWED } },
	{ .name = "crit present",
	  .header = "{\"alg\":\"HS256\",\"crit\":[\"exp\"]}",
	  .errors = { OOJWT_ERR_CRIT } },
	{ .name = "signature truncated by one byte", .sig = SIG_SHORT,
	  .errors = { OOJWT_ERR_BAD_SIGNATURE },
	  .warnings = { OOJWT_WARN_SIGNATURE_LENGTH } },
	{ .name = "signature text missing its last 2 characters",
	  .sig = SIG_CUT2,
	  .errors = { OOJWT_ERR_BAD_BASE64, OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "signature one byte too long", .sig = SIG_LONG,
	  .errors = { OOJWT_ERR_BAD_SIGNATURE },
	  .warnings = { OOJWT_WARN_SIGNATURE_LENGTH } },
	{ .name = "wrong secret", .signer = KEY_OTHER,
	  .errors = { OOJWT_ERR_BAD_SIGNATURE } },
	{ .name = "empty signature", .sig = SIG_EMPTY,
	  .errors = { OOJWT_ERR_BAD_SIGNATURE },
	  .warnings = { OOJWT_WARN_SIGNATURE_LENGTH } },
	{ .name = "HS256 MAC under an HS384 header",
	  .header = "{\"alg\":\"HS384\"}",
	  .errors = { OOJWT_ERR_BAD_SIGNATURE },
	  .warnings = { OOJWT_WARN_SIGNATURE_LENGTH } },
	{ .name = "expired", .payload = "{\"exp\":1699999999}",
	  .errors = { OOJWT_ERR_EXPIRED } },
	{ .name = "not yet valid", .payload = "{\"nbf\":1700000001}",
	  .errors = { OOJWT_ERR_NOT_YET_VALID } },
	{ .name = "exp is a string", .payload = "{\"exp\":\"2000000000\"}",
	  .errors = { OOJWT_ERR_BAD_CLAIM } },
	{ .name = "iat is a string", .payload = "{\"iat\":\"1600000000\"}",
	  .errors = { OOJWT_ERR_BAD_CLAIM } },
	{ .name = "nbf is null", .payload = "{\"nbf\":null}",
	  .errors = { OOJWT_ERR_BAD_CLAIM } },
	{ .name = "exp is 1e400", .payload = "{\"exp\":1e400}",
	  .errors = { OOJWT_ERR_BAD_JSON } },
	{ .name = "token longer than OOJWT_MAX_TOKEN_LEN", .shape = SHAPE_HUGE,
	  .errors = { OOJWT_ERR_TOO_LARGE } },
	{ .name = "empty key", .verifier = KEY_EMPTY,
	  .errors = { OOJWT_ERR_EMPTY_KEY } },
	{ .name = "key restricted to HS384, HS256 token",
	  .verifier = KEY_HS384, .errors = { OOJWT_ERR_KEY_MISMATCH } },
	{ .name = "bad signature + expired + not yet valid",
	  .payload = "{\"exp\":1690000000,\"nbf\":1710000000}",
	  .signer = KEY_OTHER,
	  .errors = { OOJWT_ERR_BAD_SIGNATURE, OOJWT_ERR_EXPIRED,
		OOJWT_ERR_NOT_YET_VALID } },
	{ .name = "bad exp type + not yet valid + wrong case alg",
	  .header = "{\"alg\":\"Hs256\"}",
	  .payload = "{\"exp\":true,\"nbf\":1710000000}",
	  .errors = { OOJWT_ERR_ALG_NOT_ALLOWED, OOJWT_ERR_BAD_CLAIM,
		OOJWT_ERR_NOT_YET_VALID } },
	{ .name = "warning: 5-byte key", .signer = KEY_SHORT,
	  .verifier = KEY_SHORT, .warnings = { OOJWT_WARN_SHORT_KEY } },
	{ .name = "warning: typ foo",
	  .header = "{\"alg\":\"HS256\",\"typ\":\"foo\"}",
	  .warnings = { OOJWT_WARN_TYP_NOT_JWT } },
	{ .name = "warning: iat in the future",
	  .payload = "{\"iat\":1700000100}",
	  .warnings = { OOJWT_WARN_IAT_IN_FUTURE } },
	{ .name = "expired, with two warnings",
	  .header = "{\"alg\":\"HS256\",\"typ\":\"JOSE\"}",
	  .payload = "{\"exp\":1600000000,\"iat\":1800000000}",
	  .errors = { OOJWT_ERR_EXPIRED },
	  .warnings = { OOJWT_WARN_TYP_NOT_JWT, OOJWT_WARN_IAT_IN_FUTURE } }
};

/* Apply the row's damage to one segment; returns the offset in the
 * segment where the inserted text starts. */
static size_t
damage(str *seg, const hostile *h)
{
	size_t at = h->at == AT_END ? seg->len : (size_t)h->at;

	if (h->insert != NULL && h->replace) {
		memcpy(seg->p + at, h->insert, strlen(h->insert));
		return at;
	}
	if (h->insert != NULL) {
		str_insert(seg, at, h->insert);
		return at;
	}
	at = seg->len;
	while (seg->len % 4 != 0) {
		str_puts(seg, "=");
	}
	return at;
}

/* The three segments of the row's token, MACed over exactly the first
 * two as sent; returns the offset in the token of the inserted text
 * (-1 when nothing is inserted). */
static long
hostile_segments(str seg[3], const hostile *h)
{
	const char *hdr = h->header != NULL ? h->header : HDR;
	const char *pl = h->payload != NULL ? h->payload : PAYLOAD;
	oojwt_key signer = test_key(h->signer);
	unsigned char mac[65];
	size_t n, i, at = 0;
	long pos;
	str input;

	memset(seg, 0, 3 * sizeof *seg);
	memset(&input, 0, sizeof input);
	str_b64(&seg[0], hdr, strlen(hdr));
	str_b64(&seg[1], pl, strlen(pl));
	if (h->seg == SEG_HEADER || h->seg == SEG_PAYLOAD) {
		at = damage(&seg[h->seg - 1], h);
	}
	str_put(&input, seg[0].p, seg[0].len);
	str_puts(&input, ".");
	str_put(&input, seg[1].p, seg[1].len);
	n = oojwt_hmac(h->mac != 0 ? h->mac : OOJWT_ALG_HS256, signer.data,
		signer.len, input.p, input.len, mac);
	str_free(&input);
	if (h->sig == SIG_EMPTY) {
		n = 0;
	} else if (h->sig == SIG_SHORT) {
		n--;
	} else if (h->sig == SIG_LONG) {
		mac[n++] = 0;
	}
	str_b64(&seg[2], mac, n);
	if (h->sig == SIG_CUT2) {
		seg[2].p[seg[2].len -= 2] = 0;
	}
	if (h->seg == SEG_SIG) {
		at = damage(&seg[2], h);
	}
	if (h->seg == SEG_NONE) {
		return -1;
	}
	pos = (long)at;
	for (i = 0; i + 1 < (size_t)h->seg; i++) {
		pos += (long)seg[i].len + 1;
	}
	return pos;
}

/* Join the segments into the row's token shape. */
static void
hostile_assemble(str *tok, const str seg[3], int shape)
{
	static const char filler[] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	size_t n = shape == SHAPE_EMPTY ? 0 : shape == SHAPE_1 ? 1
		: shape == SHAPE_2 ? 2 : 3, i;

	memset(tok, 0, sizeof *tok);
	str_puts(tok, "");
	for (i = 0; i < n; i++) {
		if (i > 0) {
			str_puts(tok, ".");
		}
		str_put(tok, seg[i].p, seg[i].len);
	}
	if (shape == SHAPE_4) {
		str_puts(tok, ".e30");
	} else if (shape == SHAPE_5) {
		str_puts(tok, ".e30.e30");
	}
	while (shape == SHAPE_HUGE && tok->len <= OOJWT_MAX_TOKEN_LEN) {
		str_puts(tok, filler);
	}
}

static void
hostile_token(str *tok, const hostile *h, long *ins_pos)
{
	str seg[3];
	size_t i;

	*ins_pos = hostile_segments(seg, h);
	hostile_assemble(tok, seg, h->shape);
	for (i = 0; i < 3; i++) {
		str_free(&seg[i]);
	}
}

static void
hostile_run(const hostile *h)
{
	oojwt_key key = test_key(h->verifier);
	oojwt_result r, d;
	long ins_pos;
	str tok;
	int code;
	test t;

	test_begin(&t, "hostile: %s", h->name);
	hostile_token(&tok, h, &ins_pos);
	code = verify(&r, tok.p, tok.len, &key,
		h->algs != 0 ? h->algs : OOJWT_ALG_HMAC, NOW, 0);
	expect_result(&t, &r, code, h->errors, h->warnings);
	if (h->errors[0] == OOJWT_ERR_BAD_BASE64 && ins_pos >= 0
		&& r.n_errors > 0)
	{
		expect(&t, r.errors[0].pos == ins_pos,
			"bad_base64 at %ld, want %ld", r.errors[0].pos, ins_pos);
	}
	oojwt_result_free(&r);
	/* Decoding the same bytes must be memory-safe too. */
	code = oojwt_decode(&d, tok.p, tok.len);
	expect(&t, d.valid == 0, "oojwt_decode set valid");
	expect(&t, (code == OOJWT_OK) == (d.n_errors == 0),
		"oojwt_decode returned %s with %lu errors", cname(code),
		(unsigned long)d.n_errors);
	oojwt_result_free(&d);
	str_free(&tok);
	test_end(&t);
}

static void
run_hostile(void)
{
	size_t i;

	for (i = 0; i < sizeof hostile_table / sizeof *hostile_table; i++) {
		hostile_run(&hostile_table[i]);
	}
}

void
suite_hostile(const char *ours, const char *shared)
{
	(void)ours;
	(void)shared;

	run_hostile();
}
