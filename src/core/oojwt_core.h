/*
 * oojwt_core.h -- the JWT core: tokens, algorithms, keys, verify, sign.
 *
 * Part of oojwt.h (include that). Everything the JWT core module
 * (web/lib/oojwt.wasm) holds: strict base64url and JSON, decoding and
 * verifying compact JWS with every JWS algorithm but EdDSA (HS, RS, PS,
 * ES), signing, reading keys of every form (oct/RSA/EC JWKs, JWK Sets,
 * PEM, DER, X.509), the time claims, finding a token in pasted text, and
 * the findings list the other layers fill. Verification order: split on
 * exactly two dots, strict base64url, strict JSON header, alg allowed and
 * fitting the key, signature compared in constant time, then the payload
 * and its claims.
 */
#ifndef OOJWT_CORE_H__
#define OOJWT_CORE_H__

#include <stddef.h>
#include "oojwt_codes.h"

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
#define OOJWT_MESSAGE_LEN     400
/* Room for an issue's or a finding's params, a JSON object text. */
#define OOJWT_PARAMS_LEN      384

/*
 * Algorithms. Each has a bit so that callers pass a set of allowed
 * algorithms as a mask. All JWS names are known, so that a token's alg
 * can be reported precisely; oojwt_alg_supported() tells which ones
 * this build can sign and verify (HS*, RS*, PS*, ES*; not EdDSA).
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
 *
 * `pkey` is NULL for an HMAC secret. For an RSA or EC key it points at
 * a parsed oojwt_pkey (see "Asymmetric keys" below) and `data`/`len`
 * are ignored. Zero the whole struct (memset, or `= { 0 }`) before
 * filling it member by member, so that members added later are 0.
 *
 * Algorithm confusion is impossible: HS256/384/512 refuse a key whose
 * `pkey` is an RSA or EC key, and refuse with OOJWT_ERR_KEY_MISMATCH a
 * secret that looks like a PEM text ("-----BEGIN") or a JWK of kty RSA
 * or EC; RS/PS/ES algorithms refuse any secret.
 */
#define OOJWT_KEYOP_SIGN    0x1
#define OOJWT_KEYOP_VERIFY  0x2

struct oojwt_pkey;

typedef struct {
	const unsigned char *data;
	size_t len;
	unsigned algs;
	unsigned ops;
	const struct oojwt_pkey *pkey;
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
 * Asymmetric keys (RS256/384/512, PS256/384/512, ES256/384/512).
 *
 * oojwt_pkey is a caller-allocated struct with fixed arrays (about
 * 2.4 KB; no interior pointers except `secret`, which points into the
 * caller's buffer for oct keys). It holds the parsed material as
 * big-endian unsigned integers and a description of the key:
 *
 *   kind        OOJWT_KEY_OCT, _RSA_PUBLIC, _RSA_PRIVATE, _EC_PUBLIC,
 *               _EC_PRIVATE (a private key can also verify: its public
 *               half is always filled in)
 *   format      where it came from (OOJWT_KEYFMT_*); `pem` is 1 when
 *               the DER was wrapped in PEM armour
 *   algs, ops   restrictions as in oojwt_key (from a JWK's alg, use,
 *               key_ops; 0: any algorithm of the key's type)
 *   bits        RSA modulus size, EC curve size (256/384/521), or the
 *               size of an oct secret
 *   curve       23 (P-256), 24 (P-384), 25 (P-521), 0 for RSA/oct
 *   kid         the JWK's kid (has_kid), NUL-terminated
 *   thumbprint  RFC 7638 JWK thumbprint (SHA-256, base64url), 43 chars
 *   n, e        RSA modulus and public exponent
 *   p, q, dp, dq, iq   RSA private CRT factors (private keys)
 *   pub         EC public point, uncompressed (04 || X || Y)
 *   x           EC private scalar (private keys)
 *
 * RSA keys must be 2048 to 4096 bits with an odd public exponent > 1;
 * EC points must lie on their curve; a private key whose public half
 * is given (JWK x/y, n/e) must match it.
 */
#define OOJWT_KEY_OCT          1
#define OOJWT_KEY_RSA_PUBLIC   2
#define OOJWT_KEY_RSA_PRIVATE  3
#define OOJWT_KEY_EC_PUBLIC    4
#define OOJWT_KEY_EC_PRIVATE   5

#define OOJWT_KEYFMT_JWK       1  /* a JWK */
#define OOJWT_KEYFMT_JWKS      2  /* a key chosen from a JWK Set */
#define OOJWT_KEYFMT_SPKI      3  /* SubjectPublicKeyInfo */
#define OOJWT_KEYFMT_PKCS1     4  /* RSAPublicKey / RSAPrivateKey */
#define OOJWT_KEYFMT_PKCS8     5  /* PrivateKeyInfo */
#define OOJWT_KEYFMT_SEC1      6  /* ECPrivateKey */
#define OOJWT_KEYFMT_X509      7  /* the key of an X.509 certificate */

#define OOJWT_RSA_MAX_BYTES    512
#define OOJWT_RSA_MAX_E_BYTES  16
#define OOJWT_EC_MAX_BYTES     66
#define OOJWT_KID_MAX          255

typedef struct oojwt_pkey {
	int kind;
	int format;
	int pem;
	unsigned algs, ops;
	unsigned bits;
	int curve;
	int has_kid;
	size_t kid_len;
	char kid[OOJWT_KID_MAX + 1];
	char thumbprint[44];
	unsigned char n[OOJWT_RSA_MAX_BYTES];
	size_t n_len;
	unsigned char e[OOJWT_RSA_MAX_E_BYTES];
	size_t e_len;
	unsigned char p[OOJWT_RSA_MAX_BYTES / 2], q[OOJWT_RSA_MAX_BYTES / 2],
		dp[OOJWT_RSA_MAX_BYTES / 2], dq[OOJWT_RSA_MAX_BYTES / 2],
		iq[OOJWT_RSA_MAX_BYTES / 2];
	size_t p_len, q_len, dp_len, dq_len, iq_len;
	unsigned char pub[1 + 2 * OOJWT_EC_MAX_BYTES];
	size_t pub_len;
	unsigned char x[OOJWT_EC_MAX_BYTES];
	size_t x_len;
	const unsigned char *secret;
	size_t secret_len;
} oojwt_pkey;

/*
 * Read any key: a JWK (kty oct, RSA or EC; public or private), a JWK
 * Set ({"keys": [...]}), PEM text (PUBLIC KEY, RSA PUBLIC KEY, RSA
 * PRIVATE KEY, PRIVATE KEY, EC PRIVATE KEY, CERTIFICATE) or the same
 * structures as bare DER. DER is parsed strictly. For a certificate
 * only the key is taken: no chain, date or name is validated.
 *
 * From a JWK Set one key is chosen: with `kid` (kid_len bytes; NULL
 * for none, e.g. the token header's kid) the key with that kid, else
 * the only key of the set. A set mixing secrets and asymmetric keys, a
 * set repeating a kid, no match or several matches are refused.
 *
 * On success `*pk` describes the key and `*key` is ready for
 * oojwt_verify()/oojwt_sign(): key->pkey = pk for RSA/EC; for an oct
 * JWK key->data is the secret, decoded into `buf` (buf_len bytes, at
 * least len * 3 / 4 + 3; pk->secret points there too). An oct JWK that
 * names an HS alg must be at least as long as the hash output.
 * Returns OOJWT_OK, OOJWT_ERR_BAD_KEY, OOJWT_ERR_KEY_MISMATCH,
 * OOJWT_ERR_EMPTY_KEY, OOJWT_ERR_BAD_JSON, OOJWT_ERR_DUPLICATE_MEMBER,
 * OOJWT_ERR_NO_MEMORY, OOJWT_ERR_BUFFER_TOO_SMALL or
 * OOJWT_ERR_BAD_ARGUMENT; on error `*pk`, `*key` and `buf` are wiped
 * and a sentence is written to `msg` (OOJWT_MESSAGE_LEN bytes) when it
 * is not NULL. Wipe `*pk` with oojwt_pkey_wipe() after use.
 */
int oojwt_key_read(oojwt_key *key, oojwt_pkey *pk, unsigned char *buf,
	size_t buf_len, const void *in, size_t len, const char *kid,
	size_t kid_len, char *msg);

/* Zero a key's material (private parts included). */
void oojwt_pkey_wipe(oojwt_pkey *pk);

/* "oct", "RSA public", "RSA private", "EC public", "EC private", or
 * NULL; the name of a format ("JWK", "SPKI", ...) or NULL. */
const char *oojwt_key_kind_name(int kind);
const char *oojwt_key_format_name(int format);
/* "P-256", "P-384", "P-521" for a curve number, else NULL. */
const char *oojwt_curve_name(int curve);

/*
 * Diagnostics. `pos` is a byte offset into the token (or into the JSON
 * input for sign), or -1 when the finding has no single position.
 * `params` is a JSON object text ("{}" when the sentence uses none, or
 * "" in an issue recorded without any): the numbers, names and values
 * the English `message` uses, by name, so that the sentence can be
 * written again in another language from a catalog keyed by the code
 * (web/lib/locales/). The message is the English sentence as before.
 */
typedef struct {
	int code;
	long pos;
	char message[OOJWT_MESSAGE_LEN];
	char params[OOJWT_PARAMS_LEN];
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
 * Release everything a result owns and zero its fields and the issues it
 * recorded (slots past the counts are left as they were: they are never
 * read). A result holds the token's parts, which are not secret, and
 * never key material; the decoded signature is wiped all the same.
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
 * Fills `r` as oojwt_decode() does, in this order: the header, the
 * algorithm and the key, the signature, then the payload's JSON and its
 * claims, recording every failure (a payload that fails is described
 * even when the signature did not match). Reading the payload converts
 * no number but exp, nbf and iat, so its cost per byte does not depend
 * on what numbers it holds. Returns
 * OOJWT_OK when the token is valid (r->valid == 1), otherwise the code
 * of the first error. A bad token never makes this fail in any other
 * way; only OOJWT_ERR_BAD_ARGUMENT (NULL pointers, invalid options)
 * and OOJWT_ERR_NO_MEMORY come from the call itself.
 */
int oojwt_verify(oojwt_result *r, const char *token, size_t len,
	const oojwt_key *key, const oojwt_verify_opts *opts);

/* ---- key classification and selection (key_select.c) ---------------- */
/*
 * What key bytes are, and which key a token gets from them: decided
 * here once for every caller (the JS module, both command lines), so
 * that none sniffs keys by rules of its own.
 *
 * Bytes that read as a key form are never an HMAC secret. Anyone who
 * holds a public key could otherwise MAC a token with its bytes; so
 * oojwt_verify() and oojwt_sign() refuse such a secret with
 * OOJWT_ERR_KEY_MISMATCH before any MAC is computed, and
 * oojwt_key_select() reads such bytes as the key they are.
 *
 * oojwt_key_classify() returns the form of `len` bytes at `in`:
 *
 *   OOJWT_KEYIN_PEM     a line that opens with "-----BEGIN": first in the
 *                       text (after a UTF-8 BOM and blanks, with LF or
 *                       CRLF line ends), or after text lines (openssl's
 *                       "subject=" lines)
 *   OOJWT_KEYIN_DER     one DER SEQUENCE spanning all the bytes and
 *                       holding at least two strict DER elements, the
 *                       first a SEQUENCE or an INTEGER: the shape of
 *                       SubjectPublicKeyInfo, PKCS#1, PKCS#8, SEC1 and
 *                       X.509, of any algorithm and size
 *   OOJWT_KEYIN_JWK     after a BOM and blanks, a '{' text that is an
 *                       object with "kty" (or, when it is not strict
 *                       JSON, names "kty")
 *   OOJWT_KEYIN_JWKS    the same with "keys" and no "kty"
 *   OOJWT_KEYIN_SECRET  anything else: an HMAC secret
 *
 * The framing is found without branching on the bytes (a secret's
 * timing tells nothing unless it starts like a key); text that frames
 * as JSON or DER is then parsed. NULL is a secret of no bytes.
 */
#define OOJWT_KEYIN_SECRET  0
#define OOJWT_KEYIN_PEM     1
#define OOJWT_KEYIN_DER     2
#define OOJWT_KEYIN_JWK     3
#define OOJWT_KEYIN_JWKS    4

int oojwt_key_classify(const void *in, size_t len);
/* "secret", "pem", "der", "jwk", "jwks", or NULL. */
const char *oojwt_key_form_name(int form);

/*
 * The key for a token, from whatever the caller was given (`in`, `len`
 * bytes): a secret, PEM, DER, a JWK or a JWK Set, classified as above.
 *
 * A secret: `*key` points at `in` (key->pkey is NULL) and `*pk`
 * describes it (kind OOJWT_KEY_OCT, format 0, bits). Any other form is
 * read with oojwt_key_read() (from the PEM line, after a BOM), and a
 * JWK Set's key is chosen by the token header's "kid"; without a kid,
 * the only key, else the only key whose kty/crv (and "alg", when
 * present) fit the token's algorithm. `token` (token_len bytes) is the
 * token the key is for, or NULL (signing: `alg` is then the algorithm;
 * with a token, its header's alg is used when known).
 *
 * `buf` (buf_len bytes, at least len * 3 / 4 + 3) receives an oct JWK's
 * secret; `*pk` must outlive `*key`. Returns OOJWT_OK or the codes of
 * oojwt_key_read() with a sentence in `msg` (OOJWT_MESSAGE_LEN bytes,
 * may be NULL); `*pk`, `*key` and `buf` are wiped on error. Wipe `*pk`
 * with oojwt_pkey_wipe() after use. The secret case reads no token.
 */
int oojwt_key_select(oojwt_key *key, oojwt_pkey *pk, unsigned char *buf,
	size_t buf_len, const void *in, size_t len, const char *token,
	size_t token_len, unsigned alg, char *msg);

/* The algorithms a verify allows when its caller names none: HS256/384/
 * 512 for a secret (an oct JWK included), every supported algorithm for
 * an RSA or EC key (whose type then decides: key_mismatch). */
unsigned oojwt_key_default_algs(const oojwt_key *key);

/*
 * Verify `token` with whatever key bytes were given: oojwt_key_select()
 * for the token, then oojwt_verify() under `opts`, whose `algorithms`
 * may be 0 for oojwt_key_default_algs(). A key that cannot be read is
 * recorded in `r` as the token's error (the token is still decoded).
 * Returns what oojwt_verify() returns, or the key's code; `r` is filled
 * in every case but a NULL `r` or `opts` (OOJWT_ERR_BAD_ARGUMENT).
 * Release `r` with oojwt_result_free(). What the native CLI's verify
 * and the JS module's kit.verify call.
 */
int oojwt_key_verify(oojwt_result *r, const char *token, size_t len,
	const void *in, size_t in_len, const oojwt_verify_opts *opts);
/* ---- end of key classification and selection ----------------------- */

/*
 * A lifetime as people write it for `expiresIn` and `--expires-in`:
 * digits and a unit s, m, h, d or w ("90s", "30m", "1h", "7d", "2w"),
 * with blanks (space, tab) allowed around the text and between the
 * digits and the unit; at most 15 digits. A bare number of seconds is a
 * number to its callers (JS's number type, the CLI's number syntax), so
 * text without a unit is refused here. On
 * success writes the seconds to *seconds and returns 1; returns 0 (and
 * leaves *seconds alone) for anything else: signs, fractions,
 * exponents, other units, an empty text. `s` is `len` bytes, not
 * NUL-terminated. The one parser behind kit.sign, signConfig,
 * signDownloadUrl and the CLI.
 */
int oojwt_duration_parse(const char *s, size_t len, double *seconds);

/*
 * Size of the buffer oojwt_sign() needs for a header of `header_len`
 * bytes and a payload of `payload_len` bytes (including a final NUL),
 * for any algorithm (room for a 512-byte RSA-4096 signature).
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
 * oojwt_sign() for every algorithm. RS* and ES* are deterministic
 * (PKCS#1 v1.5; ECDSA with RFC 6979 nonces) and ignore `rnd`. PS* draws
 * its salt (hash length) from `rnd`, which the caller fills from a
 * cryptographic generator (crypto.getRandomValues in browsers):
 * rnd_len must be at least 64; fewer is OOJWT_ERR_BAD_ARGUMENT. Every
 * signature is checked with the public key before it is returned.
 * oojwt_sign() is this function with no random bytes.
 */
int oojwt_sign_rand(char *out, size_t out_len, size_t *token_len,
	unsigned alg, const oojwt_key *key, const char *header,
	size_t header_len, const char *payload, size_t payload_len,
	const unsigned char *rnd, size_t rnd_len, oojwt_issue *err);

/*
 * Findings: what a configuration or request check reports. Each has a
 * severity (OOJWT_SEVERITY_*: what happens if it is left as it is), a
 * code (enum oojwt_code), a JSON path (or env variable name) into the
 * input, a sentence saying what is wrong and what the server does with
 * it, a fix, and the params both sentences use (a JSON object text).
 */
#define OOJWT_SEVERITY_ERROR   0  /* tokens fail, or anyone can forge them */
#define OOJWT_SEVERITY_WARNING 1  /* likely to break, or weakens security */
#define OOJWT_SEVERITY_INFO    2  /* worth knowing, no effect by itself */
#define OOJWT_PATH_LEN         96
#define OOJWT_MAX_FINDINGS     32

typedef struct {
	int severity;
	int code;
	char path[OOJWT_PATH_LEN];
	char message[OOJWT_MESSAGE_LEN];
	char fix[OOJWT_MESSAGE_LEN];
	char params[OOJWT_PARAMS_LEN]; /* as in oojwt_issue */
} oojwt_finding;

/* "error", "warning", "info"; NULL otherwise. */
const char *oojwt_severity_name(int severity);

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

/*
 * Token extraction from pasted text.
 *
 * People paste what they have: `Bearer eyJ...`, a whole
 * `Authorization: Bearer eyJ...` header line, a log line or a JSON
 * fragment that contains a token, a token in quotes (straight or
 * typographic) or with spaces and line breaks around it. Document
 * Server would reject all of these; oojwt_extract_token() finds the
 * token in `text` (`len` bytes) so that it can be checked, and records
 * every piece it cut off, so that the caller can say so.
 *
 * Rules, applied from the outside in: whitespace (ASCII, U+00A0,
 * U+200B, U+FEFF), a pair of matching quotes, a header name followed by
 * a colon, and `Bearer` (any case) followed by whitespace are peeled
 * off both ends, a few rounds deep. If what remains still contains
 * other text (whitespace inside, or a token after `token=`), the token
 * is the first run of base64url characters and dots that starts with
 * `eyJ` at a word boundary and has at least two dots; failing that,
 * when the remainder contains whitespace, the longest such run with
 * two dots, whatever it starts with. The text around it is named:
 * quotes, whitespace, `Bearer`, a header name, and other text. A run
 * also takes in `=`, `+` and `/` (so padding and standard base64 stay
 * in the token, for the decoder to report) and loses trailing dots
 * beyond the second one (the full stop of a sentence).
 *
 * Nothing is removed from inside the token, and nothing is ever an
 * error: when no token is found, the token is the text without its
 * outer layers (possibly empty) and the decoder reports what is wrong.
 *
 * `x` receives the token as an offset and a length into `text`, and the
 * removed pieces in text order, each with its kind (OOJWT_STRIP_*; names
 * from oojwt_strip_name(): "whitespace", "quote", "header", "bearer",
 * "text"), offset and length. Pieces and token together cover `text`.
 * `text` may be NULL only when `len` is 0.
 */
#define OOJWT_EXTRACT_MAX_STRIPS 48

enum oojwt_strip_kind {
	OOJWT_STRIP_WHITESPACE = 1,
	OOJWT_STRIP_QUOTE = 2,
	OOJWT_STRIP_HEADER = 3,
	OOJWT_STRIP_BEARER = 4,
	OOJWT_STRIP_TEXT = 5
};

typedef struct {
	int kind;
	size_t pos;
	size_t len;
} oojwt_strip;

typedef struct {
	size_t start;
	size_t len;
	size_t n_stripped;
	oojwt_strip stripped[OOJWT_EXTRACT_MAX_STRIPS];
} oojwt_extract_result;

void oojwt_extract_token(oojwt_extract_result *x, const char *text,
	size_t len);
/* Name of an OOJWT_STRIP_* kind, or NULL. */
const char *oojwt_strip_name(int kind);

#ifdef __cplusplus
}
#endif

#endif
