/*
 * oojwt -- inspect, build and verify the JSON Web Tokens of ONLYOFFICE Docs.
 *
 * This is the one public header of the oojwt C core. The same core is
 * compiled natively (tests, CLI, fuzzers) and to WebAssembly (the JS
 * module and the web page), so everything a caller can observe is
 * decided here.
 *
 * Overview
 * --------
 *
 * A compact JWS is three base64url segments joined by two dots:
 * `header.payload.signature`. oojwt reads it strictly:
 *
 *   - the token is split on exactly two dots;
 *   - each segment is base64url without padding, without whitespace and
 *     with canonical trailing bits (oojwt_b64url_decode());
 *   - header and payload are JSON read by one strict layer: duplicate
 *     member names at any depth, `\u0000`, invalid UTF-8 (including
 *     escaped lone surrogates), a byte order mark, trailing bytes,
 *     nesting deeper than OOJWT_JSON_MAX_DEPTH and numbers that do not
 *     fit a finite double are all refused; member lookups are
 *     case-sensitive;
 *   - the header `alg` must be in the caller's allowed set, spelled
 *     exactly; `none` never verifies;
 *   - the MAC is compared in constant time; key material and computed
 *     MACs are wiped on every exit path;
 *   - the claims `exp`, `nbf`, `iat` must be numbers when present;
 *     `exp` and `nbf` are checked against the caller's clock with
 *     jsonwebtoken's rules.
 *
 * A verification does not stop at the first problem: every failure it
 * finds is recorded in the result (oojwt_result), each with a stable
 * code (enum oojwt_code, names from oojwt_code_name()). Codes are the
 * contract for JS, the CLI and the tests; messages are for people and
 * may change.
 *
 * Memory
 * ------
 *
 * Inputs are (pointer, length) pairs; nothing relies on NUL
 * termination. oojwt_result is a caller-allocated struct whose decoded
 * parts are owned by the library and released by oojwt_result_free().
 * oojwt_sign() writes into a caller buffer of oojwt_sign_size() bytes.
 * There is no global state and no clock: the caller passes `now`.
 */
#ifndef OOJWT_H__
#define OOJWT_H__

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Limits.
 *
 * OOJWT_MAX_TOKEN_LEN: the longest token accepted, in bytes (4 MiB).
 * Longer input is refused with OOJWT_ERR_TOO_LARGE before any decoding.
 *
 * OOJWT_JSON_MAX_DEPTH: the deepest nesting of arrays and objects the
 * JSON layer accepts (the top-level object counts as 1).
 *
 * OOJWT_MAX_ISSUES: how many errors (and, separately, warnings) one
 * result records; further ones are counted in `dropped`.
 */
#define OOJWT_MAX_TOKEN_LEN   ((size_t)4 * 1024 * 1024)
#define OOJWT_JSON_MAX_DEPTH  64
#define OOJWT_MAX_ISSUES      16
#define OOJWT_MESSAGE_LEN     200

/*
 * Result and diagnostic codes. Append-only: a code keeps its number and
 * its name forever. 0 is success. Codes from OOJWT_WARN_FIRST on are
 * warnings, never errors.
 */
enum oojwt_code {
	OOJWT_OK = 0,
	OOJWT_ERR_MALFORMED = 1,        /* not three dot-separated segments */
	OOJWT_ERR_BAD_BASE64 = 2,       /* a segment is not strict base64url */
	OOJWT_ERR_BAD_JSON = 3,         /* header/payload/JWK not strict JSON */
	OOJWT_ERR_DUPLICATE_MEMBER = 4, /* an object repeats a member name */
	OOJWT_ERR_ALG_NOT_ALLOWED = 5,  /* alg not in the caller's set */
	OOJWT_ERR_ALG_NONE = 6,         /* alg is "none" (any case) */
	OOJWT_ERR_BAD_SIGNATURE = 7,    /* MAC mismatch or wrong length */
	OOJWT_ERR_EXPIRED = 8,          /* now >= exp + tolerance */
	OOJWT_ERR_NOT_YET_VALID = 9,    /* nbf > now + tolerance */
	OOJWT_ERR_BAD_CLAIM = 10,       /* exp/nbf/iat present but not a number */
	OOJWT_ERR_NOT_AN_OBJECT = 11,   /* header or payload is not an object */
	OOJWT_ERR_TOO_LARGE = 12,       /* input above OOJWT_MAX_TOKEN_LEN */
	OOJWT_ERR_TOO_DEEP = 13,        /* JSON nesting above the limit */
	OOJWT_ERR_BAD_HEADER = 14,      /* alg missing or not a string */
	OOJWT_ERR_UNSUPPORTED_ALG = 15, /* a JWS alg this build cannot do */
	OOJWT_ERR_CRIT = 16,            /* crit names extensions we do not know */
	OOJWT_ERR_EMPTY_KEY = 17,       /* zero-length HMAC key */
	OOJWT_ERR_BAD_KEY = 18,         /* a key (JWK) that cannot be read */
	OOJWT_ERR_KEY_MISMATCH = 19,    /* key's alg/use/key_ops forbid this use */
	OOJWT_ERR_BAD_ARGUMENT = 20,    /* caller error (NULL, bad option value) */
	OOJWT_ERR_NO_MEMORY = 21,       /* allocation failed */
	OOJWT_ERR_BUFFER_TOO_SMALL = 22,/* caller buffer too small */

	OOJWT_WARN_FIRST = 100,
	OOJWT_WARN_SHORT_KEY = 100,     /* HMAC key shorter than hash output */
	OOJWT_WARN_TYP_NOT_JWT = 101,   /* header typ present, not "JWT" */
	OOJWT_WARN_IAT_IN_FUTURE = 102  /* iat > now + tolerance */
};

/*
 * Return the stable snake_case name of a code ("bad_signature",
 * "short_key", ...), or NULL for a number that is not a code.
 */
const char *oojwt_code_name(int code);

/*
 * Algorithms. Each has a bit so that callers pass a set of allowed
 * algorithms as a mask. All JWS names are known, so that a token's alg
 * can be reported precisely; oojwt_alg_supported() tells which ones
 * this build can sign and verify (HS256, HS384, HS512).
 */
enum oojwt_alg {
	OOJWT_ALG_HS256 = 0x001,
	OOJWT_ALG_HS384 = 0x002,
	OOJWT_ALG_HS512 = 0x004,
	OOJWT_ALG_RS256 = 0x008,
	OOJWT_ALG_RS384 = 0x010,
	OOJWT_ALG_RS512 = 0x020,
	OOJWT_ALG_PS256 = 0x040,
	OOJWT_ALG_PS384 = 0x080,
	OOJWT_ALG_PS512 = 0x100,
	OOJWT_ALG_ES256 = 0x200,
	OOJWT_ALG_ES384 = 0x400,
	OOJWT_ALG_ES512 = 0x800,
	OOJWT_ALG_EDDSA = 0x1000
};
#define OOJWT_ALG_HMAC (OOJWT_ALG_HS256 | OOJWT_ALG_HS384 | OOJWT_ALG_HS512)

/*
 * Name of the algorithm whose bit is `alg` ("HS256"), or NULL.
 * oojwt_alg_by_index() enumerates all known algorithms: index 0, 1, ...
 * until it returns 0.
 */
const char *oojwt_alg_name(unsigned alg);
unsigned oojwt_alg_by_index(unsigned index);
/* The bit of the algorithm spelled exactly `name` (len bytes), or 0. */
unsigned oojwt_alg_from_name(const char *name, size_t len);
/* Non-zero when this build can sign and verify `alg`. */
int oojwt_alg_supported(unsigned alg);
/* Output length in bytes of the MAC of an HS algorithm, 0 otherwise. */
size_t oojwt_hmac_size(unsigned alg);

/*
 * Keys.
 *
 * An HMAC key is a byte string. `algs` restricts the algorithms it may
 * be used with (0: any), `ops` the operations (OOJWT_KEYOP_*, 0: any);
 * both are set from a JWK's `alg`, `use` and `key_ops` members.
 * The struct points at caller memory; oojwt never keeps the pointer.
 */
#define OOJWT_KEYOP_SIGN    0x1
#define OOJWT_KEYOP_VERIFY  0x2

typedef struct {
	const unsigned char *data;
	size_t len;
	unsigned algs;
	unsigned ops;
} oojwt_key;

/*
 * Read a JWK of type "oct" (`json`, `len` bytes) into `key`.
 *
 * The decoded secret (`k`) is written to `buf` (`buf_len` bytes; the
 * secret needs at most len * 3 / 4 bytes) and key->data points at it.
 * Accepted: a strict JSON object with `kty` "oct" and a strict
 * base64url `k`; optional `alg` (must name an HS algorithm), `use`
 * (must be "sig") and `key_ops` (array of strings; must contain "sign"
 * or "verify"). Returns OOJWT_OK, or OOJWT_ERR_BAD_KEY, OOJWT_ERR_EMPTY_KEY,
 * OOJWT_ERR_KEY_MISMATCH (use/key_ops/alg that forbid signing JWS),
 * OOJWT_ERR_BAD_JSON, OOJWT_ERR_DUPLICATE_MEMBER, OOJWT_ERR_NO_MEMORY,
 * OOJWT_ERR_BUFFER_TOO_SMALL. On error, `buf` is wiped and, when `msg`
 * is not NULL, a sentence is written there (OOJWT_MESSAGE_LEN bytes).
 */
int oojwt_jwk_read(oojwt_key *key, unsigned char *buf, size_t buf_len,
	const char *json, size_t len, char *msg);

/*
 * Diagnostics. `pos` is a byte offset into the token (or into the JSON
 * input for sign), or -1 when the finding has no single position.
 */
typedef struct {
	int code;
	long pos;
	char message[OOJWT_MESSAGE_LEN];
} oojwt_issue;

/*
 * The result of oojwt_decode() and oojwt_verify(). Allocated by the
 * caller (it may be on the stack); the decoded parts it points to are
 * owned by oojwt and released by oojwt_result_free().
 *
 *   valid        1 when verification succeeded (never set by decode)
 *   alg          the header's algorithm bit, 0 when unknown or absent
 *   errors       what made the token invalid, in the order found
 *   warnings     what a reviewer would want to know (never fatal)
 *   dropped      issues not recorded because a list was full
 *   header, payload
 *                the decoded segments (NUL-terminated for convenience;
 *                lengths exclude the NUL); NULL when not decodable
 *   header_ok, payload_ok
 *                1 when that segment is a strict JSON object
 *   sig, sig_len the decoded signature
 *   dot1, dot2   byte offsets of the two dots in the token
 */
typedef struct {
	int valid;
	unsigned alg;
	size_t n_errors;
	size_t n_warnings;
	size_t dropped;
	oojwt_issue errors[OOJWT_MAX_ISSUES];
	oojwt_issue warnings[OOJWT_MAX_ISSUES];
	char *header;
	size_t header_len;
	char *payload;
	size_t payload_len;
	unsigned char *sig;
	size_t sig_len;
	size_t dot1, dot2;
	int header_ok, payload_ok;
} oojwt_result;

/*
 * Release everything a result owns and zero the struct. A result holds
 * the token's parts, which are not secret, and never key material.
 * Safe on a zeroed struct and when called twice.
 */
void oojwt_result_free(oojwt_result *r);

/*
 * Decode a token without verifying it.
 *
 * Fills `r` (any previous content is overwritten without being freed:
 * pass a zeroed struct or one already freed). Returns OOJWT_OK when the
 * token has three segments, a strict JSON object header, a strict JSON
 * object payload and a base64url signature; otherwise the code of the
 * first error, with every error found recorded in r->errors. Whatever
 * could be decoded stays available in `r` in both cases.
 */
int oojwt_decode(oojwt_result *r, const char *token, size_t len);

/*
 * Verification options.
 *
 *   algorithms       mask of allowed algorithms (OOJWT_ALG_*); must not
 *                    be 0
 *   now              the current time, seconds since the epoch
 *   clock_tolerance  seconds granted to exp and nbf (>= 0)
 */
typedef struct {
	unsigned algorithms;
	double now;
	double clock_tolerance;
} oojwt_verify_opts;

/*
 * Verify a token with `key` under `opts`.
 *
 * Fills `r` as oojwt_decode() does, then checks the algorithm, the key,
 * the signature and the claims, recording every failure. Returns
 * OOJWT_OK when the token is valid (r->valid == 1), otherwise the code
 * of the first error. A bad token never makes this fail in any other
 * way; only OOJWT_ERR_BAD_ARGUMENT (NULL pointers, invalid options)
 * and OOJWT_ERR_NO_MEMORY come from the call itself.
 */
int oojwt_verify(oojwt_result *r, const char *token, size_t len,
	const oojwt_key *key, const oojwt_verify_opts *opts);

/*
 * Size of the buffer oojwt_sign() needs for a header of `header_len`
 * bytes and a payload of `payload_len` bytes (including a final NUL).
 */
size_t oojwt_sign_size(size_t header_len, size_t payload_len);

/*
 * Sign: produce `base64url(header) "." base64url(payload) "." MAC`.
 *
 * `header` and `payload` are JSON texts used byte for byte (the caller
 * chooses their serialisation); both must be strict JSON objects, the
 * header's `alg` must be a string naming `alg`, and `exp`, `nbf`, `iat`
 * in the payload must be numbers when present. The key must not be
 * empty and must allow signing with `alg`.
 *
 * The token is written to `out` (`out_len` bytes, at least
 * oojwt_sign_size()) with a final NUL; `*token_len` receives its length
 * without the NUL. On error, returns its code and, when `err` is not
 * NULL, fills it (pos is an offset into the header or payload JSON).
 */
int oojwt_sign(char *out, size_t out_len, size_t *token_len, unsigned alg,
	const oojwt_key *key, const char *header, size_t header_len,
	const char *payload, size_t payload_len, oojwt_issue *err);

/*
 * Strict base64url.
 *
 * oojwt_b64url_decode() decodes `src_len` characters into `dst`
 * (at least src_len * 3 / 4 bytes) and stores the decoded length in
 * `*dst_len`. Refused, with the offset of the offending character in
 * `*err_pos` and OOJWT_ERR_BAD_BASE64: characters outside
 * `A-Za-z0-9-_` (padding, whitespace, `+` and `/` included), a length
 * of 4n+1, and non-zero unused bits in the last character.
 * oojwt_b64url_decode_error() gives a sentence for the same input.
 *
 * oojwt_b64url_encode() writes the unpadded encoding of `len` bytes to
 * `dst` (oojwt_b64url_encoded_len(len) bytes, no NUL) and returns its
 * length.
 */
int oojwt_b64url_decode(unsigned char *dst, size_t *dst_len,
	const char *src, size_t src_len, size_t *err_pos);
const char *oojwt_b64url_decode_error(const char *src, size_t src_len);
size_t oojwt_b64url_encoded_len(size_t len);
size_t oojwt_b64url_encode(char *dst, const unsigned char *src, size_t len);

#ifdef __cplusplus
}
#endif

#endif
