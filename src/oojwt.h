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
 *   - RS/PS/ES signatures are checked strictly (exact PKCS#1 v1.5
 *     encoding, PSS salt = hash length, ECDSA r||s of the exact size)
 *     with a key whose type fits the algorithm (see "Keys");
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
#define OOJWT_MESSAGE_LEN     400

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
	OOJWT_ERR_BAD_CERT = 23,        /* not a strict DER/PEM X.509 certificate */

	OOJWT_WARN_FIRST = 100,
	OOJWT_WARN_SHORT_KEY = 100,     /* HMAC key shorter than hash output */
	OOJWT_WARN_TYP_NOT_JWT = 101,   /* header typ present, not "JWT" */
	OOJWT_WARN_IAT_IN_FUTURE = 102, /* iat > now + tolerance */

	/* The Document Server profile (oojwt_ds_verify) and secret
	 * forensics (oojwt_secret_explain). */
	OOJWT_WARN_DUPLICATE_LAST_WINS = 103, /* repeated member; DS uses the last */
	OOJWT_WARN_CRIT_IGNORED = 104,  /* crit present; DS ignores it */
	OOJWT_WARN_HEADER_LATIN1 = 105, /* non-ASCII header bytes; DS reads Latin-1 */
	OOJWT_WARN_PAYLOAD_NOT_UTF8 = 106, /* DS replaces bad bytes by U+FFFD */
	OOJWT_WARN_PAYLOAD_NOT_OBJECT = 107, /* DS returns an array/string/... */
	OOJWT_WARN_NONCANONICAL_BASE64 = 108, /* header/payload spare bits set */
	OOJWT_WARN_EMPTY_SECRET = 109,  /* DS accepts MACs made with "" */
	OOJWT_WARN_SECRET_AS_TOKEN = 110, /* the "token" looks like a secret */
	OOJWT_WARN_TOKEN_AS_SECRET = 111, /* the "secret" is a JWT */
	OOJWT_WARN_PAYLOAD_LATIN1 = 112, /* payload text encoded as Latin-1 */
	OOJWT_WARN_PAYLOAD_REPLACEMENT = 113, /* payload contains U+FFFD */
	OOJWT_WARN_PAYLOAD_DOUBLE_ENCODED = 114, /* payload is JSON in a string */

	/* Server configuration findings (oojwt_server_config_read). */
	OOJWT_WARN_DEFAULT_SECRET_WINS = 115, /* file set, default string wins */
	OOJWT_WARN_DEFAULT_SECRET = 116, /* the effective secret is "secret" */
	OOJWT_WARN_BROWSER_SECRET_IGNORED = 117, /* secret.browser != inbox */
	OOJWT_WARN_KEY_NO_EFFECT = 118, /* inBody, secretFromInbox, tenants */
	OOJWT_WARN_FLAG_IS_STRING = 119, /* "true" where a boolean belongs */
	OOJWT_WARN_SHORT_SECRET = 120,  /* secret shorter than 32 bytes */
	OOJWT_WARN_SECRET_QUOTES = 121, /* secret carries quote characters */
	OOJWT_WARN_SECRET_SPACES = 122, /* secret carries whitespace */
	OOJWT_WARN_SECRET_DOCKER_UNSAFE = 123, /* ' \ $ that Docker mangles */
	OOJWT_WARN_NO_SECRET = 124,     /* no string, no file: every verify fails */
	OOJWT_WARN_SECRET_FROM_FILE = 125, /* raw file bytes, newline included */
	OOJWT_WARN_TOKENS_DISABLED = 126, /* an enable flag is off */
	OOJWT_WARN_EXAMPLE_SECTION = 127, /* server.token: the example app's keys */
	OOJWT_WARN_DOCKER_FLAG = 128,   /* JWT_ENABLED other than exactly "true" */
	OOJWT_WARN_TOLERANCE_NOT_NUMBER = 129, /* verifyOptions.clockTolerance */
	OOJWT_WARN_DOCKER_RANDOM_SECRET = 130, /* no JWT_SECRET: new one per start */

	/* Editor config inspection (oojwt_config_inspect). */
	OOJWT_WARN_TOKEN_MISSING = 131,  /* no token, browser tokens required */
	OOJWT_WARN_MISSING_REQUIRED_FIELD = 132, /* a 7.1+ required field */
	OOJWT_WARN_PERMISSIONS_DIFFER = 133, /* token vs config permissions */
	OOJWT_WARN_TOKEN_INVALID_FORMAT = 134, /* top-level url/payload/key */
	OOJWT_WARN_BAD_DOCUMENT_KEY = 135, /* key outside 0-9 a-z A-Z - . _ = */
	OOJWT_WARN_NOT_OPENING_TOKEN = 136, /* WOPI/reconnect/history token */
	OOJWT_WARN_PAYLOAD_WRAPPER = 137, /* config wrapped in {"payload": ...} */
	OOJWT_WARN_MISSING_CONFIG_FIELD = 138, /* api.js: url, fileType/documentType */
	OOJWT_WARN_BAD_DOCUMENT_TYPE = 139, /* documentType api.js does not know */
	OOJWT_WARN_BAD_FILE_TYPE = 140, /* fileType api.js does not know */
	OOJWT_WARN_FILE_TYPE_MISMATCH = 141, /* fileType outside documentType's group */
	OOJWT_WARN_FILE_TYPE_CASE = 142, /* fileType not lower case */
	OOJWT_WARN_KEY_TOO_LONG = 143,   /* document.key over 128 characters */
	OOJWT_WARN_URL_NOT_ABSOLUTE = 144, /* not an absolute http(s) URL */
	OOJWT_WARN_CALLBACK_UNREACHABLE = 145, /* localhost/private callback host */
	OOJWT_WARN_USER_ID_TOO_LONG = 146, /* user.id over 240 characters */
	OOJWT_WARN_CONFIG_HAS_SECRET = 147, /* the config contains the secret */

	/* Secure download links (oojwt_link_inspect) and the nginx
	 * configuration (oojwt_nginx_read). */
	OOJWT_WARN_LINK_BAD_URL = 148,   /* not an http(s) URL or a path */
	OOJWT_WARN_LINK_BAD_PATH = 149,  /* nginx refuses the path: 400 */
	OOJWT_WARN_LINK_NOT_CACHE = 150, /* no /cache/files/ in the path */
	OOJWT_WARN_LINK_PREFIX = 151,    /* a proxy's prefix before /cache/files */
	OOJWT_WARN_LINK_NO_MD5 = 152,    /* md5 argument missing or empty */
	OOJWT_WARN_LINK_NO_EXPIRES = 153, /* expires argument missing or empty */
	OOJWT_WARN_LINK_BAD_MD5 = 154,   /* md5 is not 16 bytes of base64url */
	OOJWT_WARN_LINK_BAD_EXPIRES = 155, /* expires is not a positive integer */
	OOJWT_WARN_LINK_MISMATCH = 156,  /* the signature does not match: 403 */
	OOJWT_WARN_LINK_EXPIRED = 157,   /* expires < now: 410 */
	OOJWT_WARN_LINK_REENCODED = 158, /* matches another form of the path */
	OOJWT_WARN_LINK_SECRET_VARIANT = 159, /* matches a variant of the secret */
	OOJWT_WARN_LINK_DEFAULT_SECRET = 160, /* "verysecretstring" */
	OOJWT_WARN_LINK_DUPLICATE_ARG = 161, /* md5/expires given twice */
	OOJWT_WARN_LINK_NO_FILENAME = 162, /* no filename argument */
	OOJWT_WARN_LINK_SECRETS_DIFFER = 163, /* storage vs nginx secret */
	OOJWT_WARN_NGINX_SYNTAX = 164,   /* nginx -t would refuse the text */
	OOJWT_WARN_NGINX_NO_SECRET = 165, /* no set $secure_link_secret */
	OOJWT_WARN_NGINX_NO_HTTPS = 166, /* no listen ... ssl */
	OOJWT_WARN_NGINX_443_PLAIN = 167, /* listen 443 without ssl */
	OOJWT_WARN_NGINX_OLD_TLS = 168,  /* TLSv1 / TLSv1.1 / SSLv3 allowed */
	OOJWT_WARN_NGINX_SSL_DIRECTIVE = 169, /* "ssl on;" (gone in 1.25.1) */
	OOJWT_WARN_NGINX_PLACEHOLDER = 170, /* {{SSL_CERTIFICATE_PATH}} left */
	OOJWT_WARN_NGINX_NO_CERTIFICATE = 171, /* ssl listen, no certificate */
	OOJWT_WARN_NGINX_INCLUDE = 172,  /* include: a file not read */
	OOJWT_WARN_NGINX_SECRET_VARIABLE = 173, /* $ in the secret: interpolated */
	/* TLS certificate findings (oojwt_cert_inspect). */
	OOJWT_WARN_CERT_EXPIRED = 174,  /* now > notAfter */
	OOJWT_WARN_CERT_NOT_YET_VALID = 175, /* now < notBefore */
	OOJWT_WARN_CERT_SELF_SIGNED = 176, /* no client trusts it by default */
	OOJWT_WARN_CERT_HOST_NOT_COVERED = 177, /* host/IP not in SAN (or CN) */
	OOJWT_WARN_CERT_KEY_MISMATCH = 178, /* private key of another cert */
	OOJWT_WARN_CERT_WEAK_KEY = 179, /* RSA below 2048 bits */
	OOJWT_WARN_CERT_WEAK_SIGNATURE = 180, /* SHA-1 or MD5 signature */
	OOJWT_WARN_CERT_VALIDITY_TOO_LONG = 181, /* over 398 days */
	OOJWT_WARN_CERT_CN_ONLY = 182,  /* host covered by the CN alone */
	OOJWT_WARN_CERT_BAD_SELF_SIGNATURE = 183, /* self-issued, signature fails */
	/* Requests and callbacks (oojwt_request_inspect). */
	OOJWT_WARN_WRONG_PREFIX = 184,  /* header without the exact prefix */
	OOJWT_WARN_BODY_TOKEN_WINS = 185, /* body and header token: body counts */
	OOJWT_WARN_UNSIGNED_FIELDS = 186, /* plain body fields the server drops */
	OOJWT_WARN_HEADER_TRIMMED = 187, /* callback header token lacks changesurl */
	OOJWT_WARN_HEADER_TOO_LARGE = 188, /* header token >= 7168 characters */
	OOJWT_WARN_TOKEN_IN_OTHER_HEADER = 189, /* token in another header */
	OOJWT_WARN_BODY_NOT_JSON = 190, /* body not JSON: the query is used */
	OOJWT_WARN_BAD_REQUEST_FIELD = 191, /* key/status/filetype the receiver refuses */
	OOJWT_WARN_HTTP_UNREADABLE = 192, /* a line of raw HTTP that is no header */

	/* Editor config inspection: the user (oojwt_config_inspect). */
	OOJWT_WARN_USER_NOT_SIGNED = 193, /* config user.id/name/group not in the token */
	OOJWT_WARN_USER_DIFFERS = 194   /* token's user.* overrides the config's */
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
 * Fills `r` as oojwt_decode() does, then checks the algorithm, the key,
 * the signature and the claims, recording every failure. Returns
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
 * The Document Server profile.
 *
 * oojwt_ds_verify() judges a token as ONLYOFFICE Document Server does:
 * it reproduces jsonwebtoken 9.0.2 (jws 3.2.x) called as
 *
 *   jwt.verify(token, crypto.createSecretKey(Buffer.from(secret, 'utf8')),
 *              { clockTolerance: 60 })
 *
 * (DocService checkJwt, server 7.1 to 9.3). In jsonwebtoken's order:
 * empty token ("jwt must be provided"); not exactly two dots ("jwt
 * malformed"); jws's segment regex -- no padding, whitespace, '+', '/'
 * or empty header/payload -- and a header that JSON.parse (over its
 * Latin-1 reading) refuses or that is false-like ("invalid token"); with
 * header typ "JWT", JSON.parse of the payload (decoded from UTF-8 with
 * U+FFFD for bad bytes; a failure is V8's raw SyntaxError text); empty
 * signature ("jwt signature is required"); alg not exactly one of the
 * allowed HS names ("invalid algorithm"); the base64url text of the HMAC
 * compared with the signature segment as strings, in constant time, so
 * a non-canonical last character fails ("invalid signature"); a null
 * payload (raw TypeError); nbf ("invalid nbf value", "jwt not active")
 * and exp ("invalid exp value", "jwt expired"), with `now` floored to a
 * whole second. iat is never checked, crit is ignored, a repeated member
 * name keeps its last value (a warning), an empty secret is a valid
 * zero-length key. JSON.parse has no depth limit here either.
 *
 * The strict profile (oojwt_verify() with the same algorithms and
 * floored now, and strict_clock_tolerance) then runs on the same input; where it decides
 * otherwise, `differences` says why (codes of the strict profile when
 * DS accepts, DS's code when only DS refuses).
 *
 *   algorithms       mask of HS algorithms; 0 means DS's default
 *                    (HS256 | HS384 | HS512); other bits are refused
 *   now              seconds since the epoch (floored, like
 *                    jsonwebtoken's clockTimestamp)
 *   clock_tolerance  seconds (>= 0); DS's default verifyOptions say 60
 *   strict_clock_tolerance
 *                    seconds (>= 0) the strict comparison uses (oojwt's
 *                    own default is 0, so a token 30 s past exp shows
 *                    up as a difference)
 */
typedef struct {
	unsigned algorithms;
	double now;
	double clock_tolerance;
	double strict_clock_tolerance;
} oojwt_ds_opts;

/* The class of the error DS's jsonwebtoken call throws. */
enum oojwt_ds_error {
	OOJWT_DS_NO_ERROR = 0,
	OOJWT_DS_JSON_WEB_TOKEN_ERROR = 1, /* close code 4006 */
	OOJWT_DS_TOKEN_EXPIRED_ERROR = 2,  /* close code 4005 */
	OOJWT_DS_NOT_BEFORE_ERROR = 3,     /* no close code */
	OOJWT_DS_TYPE_ERROR = 4,           /* a crash: no close code */
	OOJWT_DS_SYNTAX_ERROR = 5          /* a crash: no close code */
};
/* "JsonWebTokenError", "TokenExpiredError", ...; NULL for 0. */
const char *oojwt_ds_error_name(int e);

/* What DS's payload value is: none (not reached), the JSON text
 * (payload_text is JSON that JSON.parse turns into DS's value), or the
 * text itself as a string (jws without typ JWT, not an object/array). */
#define OOJWT_DS_PAYLOAD_NONE 0
#define OOJWT_DS_PAYLOAD_JSON 1
#define OOJWT_DS_PAYLOAD_TEXT 2

/*
 * The outcome. Caller-allocated; the texts are owned by oojwt and
 * released by oojwt_ds_result_free().
 *
 *   valid           1 when DS accepts the token
 *   error_name      enum oojwt_ds_error
 *   close_code      4006, 4005, or 0 when DS sets none
 *   code            our code for the failure (OOJWT_OK when valid)
 *   server_message  the exact err.message DS logs ("jwt expired", ...),
 *                   UTF-8 except that a lone UTF-16 surrogate from V8's
 *                   SyntaxError context is kept as its 3-byte
 *                   (WTF-8) form; server_message_len bytes (it may
 *                   contain NUL, copied from the payload)
 *   message         a sentence for people
 *   alg             the HS algorithm DS used, 0 when it got no further
 *   header_text     the header as jws reads it (Latin-1 bytes as UTF-8),
 *                   header_json 1 when it is JSON (then JSON.parse of
 *                   it is DS's header)
 *   payload_text    the payload as UTF-8 after U+FFFD replacement;
 *                   payload_kind says how DS uses it
 *   warnings        OOJWT_WARN_* about what DS tolerates
 *   differences     where the strict profile decides otherwise
 */
typedef struct {
	int valid;
	int error_name;
	int close_code;
	int code;
	char server_message[OOJWT_MESSAGE_LEN];
	size_t server_message_len;
	char message[OOJWT_MESSAGE_LEN];
	unsigned alg;
	char *header_text;
	size_t header_len;
	int header_json;
	char *payload_text;
	size_t payload_len;
	int payload_kind;
	size_t n_warnings;
	oojwt_issue warnings[OOJWT_MAX_ISSUES];
	size_t n_differences;
	oojwt_issue differences[OOJWT_MAX_ISSUES];
	size_t dropped;
} oojwt_ds_result;

/*
 * Judge `token` (`len` bytes) with the secret's bytes as DS would.
 * Fills `r` (previous content overwritten without being freed). Returns
 * OOJWT_OK whatever DS decides (see r->valid), OOJWT_ERR_BAD_ARGUMENT
 * or OOJWT_ERR_NO_MEMORY (then `r` holds nothing).
 */
int oojwt_ds_verify(oojwt_ds_result *r, const char *token, size_t len,
	const unsigned char *secret, size_t secret_len, const oojwt_ds_opts *opts);
/* Release (after wiping) what a DS result owns; safe twice. */
void oojwt_ds_result_free(oojwt_ds_result *r);

/*
 * Secret forensics.
 *
 * oojwt_secret_explain() answers "why does this token not verify with
 * this secret?". It takes the token's HS algorithm from its header (or,
 * when the header cannot be read, from the MAC length), then tries the
 * secret in these variants, in this order, and stops at the first whose
 * HMAC matches the token's MAC:
 *
 *   0 as-is                     the bytes given
 *   1 trimmed                   without leading/trailing ASCII whitespace
 *   2 with-trailing-newline     + "\n", then + "\r\n"
 *   3 without-trailing-newline  without a final "\n" or "\r\n"
 *   4 with-quotes               wrapped in "...", then in '...'
 *   5 without-quotes            without a surrounding pair of " or '
 *   6 base64-decoded            standard alphabet, padding optional
 *   7 base64url-decoded         URL alphabet, padding optional
 *   8 hex-decoded               an even number of hex digits
 *   9 default-secret            the literal "secret" (default.json)
 *
 * A variant that does not apply (no newline to remove, not hex, ...) or
 * gives the secret as given is skipped. Each try derives the key into
 * one buffer, compares MACs in constant time, and wipes the key and the
 * MAC. Claims and the header's other members are not judged here (see
 * oojwt_ds_verify()); surrounding whitespace of the token is ignored.
 *
 *   verifies   1 when the secret as given verifies the MAC
 *   variant    the index above of the variant that does, -1 when none
 *   alg        the HS algorithm tried (0 when the token has no whole
 *              HS MAC: nothing was tried)
 *   tried      bit i set when variant i was tried
 *   message    a sentence: what matched, and what that says about the
 *              setup
 *   findings   codes, with sentences:
 *              OOJWT_WARN_SECRET_AS_TOKEN  the token has no dots and
 *                  reads like a password (a secret pasted as the token)
 *              OOJWT_WARN_TOKEN_AS_SECRET  the secret has the shape of
 *                  a JWT (a token pasted as the secret)
 *              OOJWT_WARN_PAYLOAD_LATIN1  payload bytes that are not
 *                  UTF-8 but read as Latin-1 (btoa of JSON text)
 *              OOJWT_WARN_PAYLOAD_NOT_UTF8  other non-UTF-8 bytes
 *              OOJWT_WARN_PAYLOAD_REPLACEMENT  U+FFFD characters in
 *                  the payload (damage before signing)
 *              OOJWT_WARN_PAYLOAD_DOUBLE_ENCODED  the payload (or its
 *                  "payload" member) is a string holding JSON
 */
#define OOJWT_SECRET_VARIANTS 10

typedef struct {
	int verifies;
	int variant;
	unsigned alg;
	unsigned tried;
	char message[OOJWT_MESSAGE_LEN];
	size_t n_findings;
	oojwt_issue findings[OOJWT_MAX_ISSUES];
} oojwt_secret_report;

/*
 * Fill `r` for `token` (`len` bytes) and `secret` (`secret_len` bytes).
 * Returns OOJWT_OK (whatever the answer), OOJWT_ERR_BAD_ARGUMENT or
 * OOJWT_ERR_NO_MEMORY. `r` holds no pointers and no secret bytes.
 */
int oojwt_secret_explain(oojwt_secret_report *r, const char *token,
	size_t len, const unsigned char *secret, size_t secret_len);
/* "as-is", "trimmed", ... for a variant index; NULL otherwise. */
const char *oojwt_secret_variant_name(int v);

/*
 * Findings: what a configuration or request check reports. Each has a
 * severity (OOJWT_SEVERITY_*: what happens if it is left as it is), a
 * code (enum oojwt_code), a JSON path (or env variable name) into the
 * input, a sentence saying what is wrong and what the server does with
 * it, and a fix.
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
} oojwt_finding;

/* "error", "warning", "info"; NULL otherwise. */
const char *oojwt_severity_name(int severity);

/*
 * Server configuration.
 *
 * oojwt_server_config_read() reads Document Server's JWT settings as the
 * server does (7.2 to 9.3; see the spec, sections 1 and 7):
 *
 *   - `local` is the text of local.json, or -- when it does not start
 *     with '{' -- Docker settings: lines NAME=value (env file, `export`,
 *     `-e`), `- NAME=value` (compose list; quotes stay part of the value)
 *     or `NAME: value` (compose map; YAML quotes removed) for JWT_ENABLED,
 *     JWT_SECRET, JWT_HEADER, JWT_IN_BODY. They are turned into the
 *     local.json run-document-server.sh writes: JWT_ENABLED (default
 *     true) must be exactly "true" to enable the three flags, JWT_SECRET
 *     goes to every secret (absent: a random secret per start, reported
 *     with source OOJWT_SECRET_SOURCE_UNKNOWN), JWT_HEADER (default
 *     Authorization) to both headers, SECURE_LINK_SECRET to
 *     storage.fs.secretString (absent: a random one per start);
 *   - `defaults` is the text of default.json, or NULL for the values
 *     default.json ships (section 1.2-1.3: flags off, secrets "secret",
 *     header Authorization, prefix "Bearer ", outbox HS256 / "5m",
 *     verifyOptions {clockTolerance: 60}, tokenRequiredParams true);
 *   - the two are merged as node-config does (objects member by member,
 *     anything else replaces; a repeated member keeps its last value);
 *   - each secret is resolved string-then-file (getSecretByElem): a
 *     truthy `string` wins, else a truthy `file` (read raw by the
 *     server; oojwt only reports the path), else none;
 *   - flags are JavaScript truthiness of the merged value.
 *
 * Findings (codes): default_secret_wins, default_secret,
 * browser_secret_ignored, key_no_effect (inBody, secretFromInbox,
 * secret.*.tenants, JWT_IN_BODY), flag_is_string, short_secret,
 * secret_quotes, secret_spaces, secret_docker_unsafe, no_secret,
 * secret_from_file, tokens_disabled, example_config_section,
 * tolerance_not_number, docker_flag_not_true, docker_random_secret,
 * duplicate_last_wins, and bad_json / not_an_object when local.json
 * cannot be read (the defaults are then reported).
 */
#define OOJWT_SECRET_KINDS    4
#define OOJWT_SECRET_INBOX    0  /* config tokens, commands, conversion */
#define OOJWT_SECRET_OUTBOX   1  /* callbacks and downloads by DS */
#define OOJWT_SECRET_SESSION  2  /* session tokens */
#define OOJWT_SECRET_BROWSER  3  /* not read since 7.2 */

#define OOJWT_SECRET_SOURCE_NONE    0
#define OOJWT_SECRET_SOURCE_STRING  1
#define OOJWT_SECRET_SOURCE_FILE    2
#define OOJWT_SECRET_SOURCE_UNKNOWN 3  /* Docker's random secret */

#define OOJWT_CONFIG_JSON   0
#define OOJWT_CONFIG_DOCKER 1

/* "inbox", "outbox", "session", "browser"; "none", "string", "file",
 * "unknown"; NULL for other values. */
const char *oojwt_secret_kind_name(int kind);
const char *oojwt_secret_source_name(int source);

/* One resolved secret: `value` (value_len bytes, NUL-terminated) for a
 * string, `file` (NUL-terminated path) for a file; NULL otherwise. */
typedef struct {
	int source;
	const char *value;
	size_t value_len;
	const char *file;
} oojwt_cfg_secret;

/*
 * The effective settings. Caller-allocated; the strings point into
 * memory owned by the struct, released (after wiping, since it holds
 * secrets) by oojwt_server_config_free(). Header/prefix/algorithm/
 * expires are NULL when the merged value is not a string.
 * verify_options is the compact JSON text of token.verifyOptions (NULL
 * when absent).
 */
typedef struct {
	int form;                /* OOJWT_CONFIG_JSON or _DOCKER */
	int own_defaults;        /* 1 when `defaults` was used */
	oojwt_cfg_secret secrets[OOJWT_SECRET_KINDS];
	int enabled_browser, enabled_inbox, enabled_outbox;
	int token_required_params;
	const char *inbox_header, *inbox_prefix;
	const char *outbox_header, *outbox_prefix;
	const char *outbox_algorithm, *outbox_expires;
	char *verify_options;
	size_t verify_options_len;
	int docker_random_secret;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
	void *tree;              /* the merged configuration (internal) */
	/* storage.fs.secretString (the secure link secret, default.json:
	 * "verysecretstring"; Docker: SECURE_LINK_SECRET): source
	 * OOJWT_SECRET_SOURCE_STRING with its value, _NONE when the merged
	 * value is not a non-empty string, _UNKNOWN for Docker settings
	 * without SECURE_LINK_SECRET (a random one per container start). */
	oojwt_cfg_secret storage_secret;
} oojwt_server_config;

/*
 * Read the configuration (`local`, `local_len` bytes; `defaults`,
 * `defaults_len` bytes or NULL) into `c`. Returns OOJWT_OK -- an
 * unreadable local.json is a finding, not a failure --,
 * OOJWT_ERR_BAD_ARGUMENT or OOJWT_ERR_NO_MEMORY (then `c` holds nothing).
 */
int oojwt_server_config_read(oojwt_server_config *c, const char *local,
	size_t local_len, const char *defaults, size_t defaults_len);
/* Release (after wiping) what `c` owns; safe twice. */
void oojwt_server_config_free(oojwt_server_config *c);

/*
 * Editor config inspection (first part of issue 4, section 2).
 *
 * oojwt_config_inspect() takes the config a page passes to
 * DocsAPI.DocEditor (JSON text, with or without `token`) and judges it
 * in the order of DocService's auth(): a missing token when browser
 * tokens are required (4006, "jwt must be provided"); the token through
 * oojwt_ds_verify() with the inbox secret (4006 / 4005, or no close
 * code); the token kind (fileInfo: WOPI; editorConfig.
 * ds_sessionTimeConnect: reconnect; a truthy version: history; else
 * opening); the fields required since 7.1 (document.key,
 * document.permissions when the config has them, document.url,
 * editorConfig.callbackUrl when the config has one, editorConfig.mode
 * unless view), 4006 with token_required_params; document.permissions
 * deep-equal to the config's (4004); a top-level url, payload or key
 * (4004); the config's document.key characters (4004). The effective
 * config is the config with the token's values written over it (key,
 * fileType, title, url, callbackUrl, lang, mode unless the page asks for
 * view, coEditing, user) when the token opens the editor.
 *
 *   ok            1 when the editor opens
 *   close_code    4004 / 4005 / 4006, 0 when none
 *   editor_error  -23 / -21 / -20 (sdkjs c_oAscError.ID), 0 when none
 *   message       the editor's sentence, with the server's reason
 *   token_kind    OOJWT_TOKEN_*
 *   token_text    the config's token (NUL-terminated), NULL when none
 *   ds            the DS-profile verdict on it (when has_ds)
 *   effective     the effective config, compact JSON (NUL-terminated)
 *   findings      severity, code, path ("token.document.key", ...),
 *                 message, fix; codes token_missing,
 *                 missing_required_field, permissions_differ,
 *                 token_invalid_format, bad_document_key,
 *                 not_an_opening_token, payload_wrapper, and the DS
 *                 profile's failure code (expired, bad_signature, ...);
 *                 when the editor opens, user_not_signed (the config's
 *                 editorConfig.user id/name/group is not in the token:
 *                 the page sets it unsigned) and user_differs (the
 *                 token's user.* wins over the page's);
 *                 then the config's own checks (api.js and the docs):
 *                 missing_config_field, bad_document_type, bad_file_type,
 *                 file_type_mismatch, file_type_case, key_too_long,
 *                 bad_document_key (not a string), url_not_absolute,
 *                 callback_unreachable (localhost, private or
 *                 single-label hosts), user_id_too_long,
 *                 config_has_secret. When api.js itself refuses the
 *                 config (an alert: no editor is created), the verdict
 *                 says so with no close code.
 */
#define OOJWT_TOKEN_NONE      0
#define OOJWT_TOKEN_OPENING   1
#define OOJWT_TOKEN_WOPI      2
#define OOJWT_TOKEN_RECONNECT 3
#define OOJWT_TOKEN_HISTORY   4

/* "none", "opening", "wopi", "reconnect", "history"; NULL otherwise. */
const char *oojwt_token_kind_name(int kind);

/*
 *   now                    seconds since the epoch
 *   clock_tolerance        seconds (DS: verifyOptions.clockTolerance, 60)
 *   enable_browser         token.enable.browser
 *   token_required_params  server.tokenRequiredParams (default 1)
 *   server_version         the server's version, major * 100 + minor (801
 *                          for 8.1); 0 for the newest rules. Before 8.2 a
 *                          config with any editorConfig.mode (view too)
 *                          needs it in the token, and reconnect tokens are
 *                          told by editorConfig.ds_view; before 8.3 a
 *                          token with a version is not a history token.
 */
typedef struct {
	double now;
	double clock_tolerance;
	int enable_browser;
	int token_required_params;
	int server_version;
} oojwt_inspect_opts;

typedef struct {
	int ok;
	int close_code;
	int editor_error;
	char message[OOJWT_MESSAGE_LEN];
	int token_kind;
	const char *token_text;
	int has_ds;
	oojwt_ds_result ds;
	char *effective;
	size_t effective_len;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
	char alert[OOJWT_MESSAGE_LEN]; /* api.js's alert text, "" when none */
	void *tree;  /* the parsed config (internal) */
} oojwt_config_report;

/*
 * Inspect `config` (`len` bytes of JSON) with the inbox `secret`.
 * Returns OOJWT_OK (an unreadable config is a finding),
 * OOJWT_ERR_BAD_ARGUMENT or OOJWT_ERR_NO_MEMORY (then `r` holds nothing).
 * Free with oojwt_config_report_free() (safe twice).
 */
int oojwt_config_inspect(oojwt_config_report *r, const char *config,
	size_t len, const unsigned char *secret, size_t secret_len,
	const oojwt_inspect_opts *opts);
void oojwt_config_report_free(oojwt_config_report *r);

/*
 * Sign an editor config (section 2, signConfig): the payload is the
 * whole config without its `token` (OOJWT_SIGN_CONFIG_ALL, what the
 * official integrations do), or only the fields the server requires
 * (OOJWT_SIGN_CONFIG_REQUIRED: document.key, document.permissions,
 * document.url, editorConfig.callbackUrl, editorConfig.mode unless
 * view, each when the config has it), plus `iat` and `exp` when not
 * NULL. The header is {"alg":..., "typ":"JWT"}; `alg` an HS algorithm.
 * On success *token is a malloc'd NUL-terminated token (free() it) of
 * *token_len bytes. On error returns its code (bad_json, not_an_object,
 * bad_argument when the required fields are missing, empty_key, ...)
 * with a sentence in `err`.
 */
#define OOJWT_SIGN_CONFIG_ALL      0
#define OOJWT_SIGN_CONFIG_REQUIRED 1
int oojwt_config_sign(char **token, size_t *token_len, const char *config,
	size_t len, const unsigned char *secret, size_t secret_len, unsigned alg,
	int fields, const double *iat, const double *exp, oojwt_issue *err);

/*
 * Requests and callbacks (issue 4, section 4).
 *
 * oojwt_request_inspect() judges one HTTP request carrying a token as its
 * receiver does (spec sections 3 and 4):
 *
 *   kind OOJWT_REQUEST_CALLBACK    Document Server -> the integrator's
 *                                  callbackUrl, judged as the connectors
 *                                  do (Nextcloud, the Node example): outbox
 *                                  secret and header
 *   kind OOJWT_REQUEST_COMMAND,    the integrator -> CommandService,
 *        _CONVERTER, _DOCBUILDER   ConvertService, docbuilder, judged as
 *                                  getRequestParams() (7.1+) does: inbox
 *                                  secret and header
 *
 * The request is `req` (`len` bytes) in one of two forms:
 *   OOJWT_REQUEST_RAW    the text of an HTTP request: an optional request
 *                        line (METHOD TARGET [VERSION]), header lines
 *                        "Name: value" (folded lines joined), an empty
 *                        line, the body; text that starts with '{' is a
 *                        JSON object: {headers, body, method, url} when it
 *                        has only such members and at least headers or
 *                        body, else the body alone
 *   OOJWT_REQUEST_PARTS  that JSON object: "headers" an object of
 *                        name -> string (or array of strings) or an array
 *                        of [name, value] pairs; "body" a string (the raw
 *                        body), any other JSON value (its JSON text) or
 *                        null; "url"/"method" optional strings
 * Repeated headers are combined as Node does (Authorization and the other
 * single-valued ones: the first; others joined with ", "); names are
 * matched without regard to case.
 *
 * Where the token is looked for, in the receiver's order: the body parsed
 * as JSON (JSON.parse; when it is not JSON, the URL's query parameters),
 * member `token` when truthy -- and then only that one --; else the
 * configured header (`header`, default Authorization), whose value must
 * start with `prefix` (default "Bearer ") exactly. Every token found is
 * verified with oojwt_ds_verify() (the secret, `clock_tolerance`, `now`),
 * also those the receiver ignores (a header token behind a body token, a
 * token in another header), so the report can say which one counts.
 *
 * The outcome (verdict):
 *   command      {"error":0}; 6 no or invalid token; 7 expired; 1 key
 *                missing or not a string (and c is not "version")
 *   converter,   error -8 for any token failure; -7 when key or filetype
 *   docbuilder   has characters the service refuses (converter)
 *   callback     200 {"error":0}; 403 {"message":"Access denied"} when the
 *                token is missing, invalid or expired
 * With `enabled` 0 (token.enable.request.inbox off) the inbox services
 * check no token. `token_required_params` (server.tokenRequiredParams)
 * makes them use only the signed data; the effective body is what the
 * receiver acts on: inbox -- {} (or the plain params) with the decoded
 * token, then its `payload`, then its `query` assigned over it; callback
 * -- the body token's payload, or the header token's `payload` member.
 * A callback header token of 7168 characters or more is one DS trims
 * (changesurl and history dropped from the header copy only).
 *
 * Findings (severity, code, path, message, fix): token_missing,
 * wrong_prefix, token_in_other_header, body_token_wins,
 * unsigned_fields_ignored, header_token_trimmed, header_too_large,
 * body_not_json, bad_request_field, http_unreadable, payload_wrapper,
 * payload_double_encoded, payload_not_object, tokens_disabled,
 * alg_not_allowed (a callback token other than HS256: the connectors
 * take HS256 only), and the DS profile's failure code of the token that
 * counts (expired, bad_signature, ...; malformed for a `token` member
 * that is not a string: "jwt must be a string").
 */
#define OOJWT_REQUEST_CALLBACK   0
#define OOJWT_REQUEST_COMMAND    1
#define OOJWT_REQUEST_CONVERTER  2
#define OOJWT_REQUEST_DOCBUILDER 3

#define OOJWT_REQUEST_RAW   0
#define OOJWT_REQUEST_PARTS 1

/* Where a token was found. */
#define OOJWT_PLACE_BODY         0  /* body member "token" */
#define OOJWT_PLACE_QUERY        1  /* query parameter "token" (no JSON body) */
#define OOJWT_PLACE_HEADER       2  /* the configured header, after the prefix */
#define OOJWT_PLACE_OTHER_HEADER 3  /* another header that holds a JWT */

/* "callback", "command", "converter", "docbuilder" / "body", "query",
 * "header", "other-header"; NULL for other values. */
const char *oojwt_request_kind_name(int kind);
const char *oojwt_token_place_name(int place);

/*
 *   kind, form             as above
 *   now                    seconds since the epoch
 *   clock_tolerance        seconds (inbox: verifyOptions.clockTolerance,
 *                          60; callback: the connector's leeway, 0)
 *   enabled                token.enable.request.inbox (inbox kinds) or
 *                          .outbox (callback: 0 only adds a finding)
 *   token_required_params  server.tokenRequiredParams (default 1)
 *   header, header_len     the header name; NULL for "Authorization"
 *   prefix, prefix_len     its prefix; NULL for "Bearer "
 */
typedef struct {
	int kind;
	int form;
	double now;
	double clock_tolerance;
	int enabled;
	int token_required_params;
	const char *header;
	size_t header_len;
	const char *prefix;
	size_t prefix_len;
} oojwt_request_opts;

#define OOJWT_REQUEST_MAX_TOKENS 4
#define OOJWT_HEADER_NAME_LEN    64

/*
 * One token found: where (place; header_name for header places), whether
 * the receiver acts on it (counts), its text (owned, NUL-terminated,
 * len bytes; NULL when the member was not a string: then has_ds is 0 and
 * server_message says what jsonwebtoken says), the DS-profile verdict.
 */
typedef struct {
	int place;
	char header_name[OOJWT_HEADER_NAME_LEN];
	int counts;
	char *text;
	size_t len;
	int has_ds;
	oojwt_ds_result ds;
} oojwt_request_token;

/*
 *   ok            1 when the receiver acts on the request
 *   http_status   200 or 403
 *   has_error     1 when the answer has an "error" number: error
 *   response      the JSON text of the receiver's answer, "" when it
 *                 depends on the work itself (a conversion)
 *   message       a sentence: the outcome and why
 *   used          index in tokens of the token that counts, -1 when none
 *   tokens        every token found (at most OOJWT_REQUEST_MAX_TOKENS)
 *   effective     compact JSON of the effective body, NULL when the
 *                 receiver acts on nothing
 */
typedef struct {
	int ok;
	int http_status;
	int has_error;
	int error;
	char response[OOJWT_MESSAGE_LEN];
	char message[OOJWT_MESSAGE_LEN];
	int used;
	size_t n_tokens;
	oojwt_request_token tokens[OOJWT_REQUEST_MAX_TOKENS];
	char *effective;
	size_t effective_len;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
} oojwt_request_report;

/*
 * Inspect `req` with `secret` (`secret_len` bytes; the inbox secret for
 * inbox kinds, the outbox secret for callbacks). Returns OOJWT_OK (an
 * unreadable request is a finding), OOJWT_ERR_BAD_ARGUMENT or
 * OOJWT_ERR_NO_MEMORY (then `r` holds nothing). The report is big
 * (about 50 KB): allocate it on the heap in small stacks. Free with
 * oojwt_request_report_free() (safe twice).
 */
int oojwt_request_inspect(oojwt_request_report *r, const char *req,
	size_t len, const unsigned char *secret, size_t secret_len,
	const oojwt_request_opts *opts);
void oojwt_request_report_free(oojwt_request_report *r);

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

/*
 * Secure download links (nginx secure_link).
 *
 * Document Server hands out the files it converted or cached as
 * `<base>/cache/files/<path>/<name>?md5=M&expires=E&filename=F`
 * (storage-fs getSignedUrl), where M is the unpadded base64url of
 * MD5(E + decodeURIComponent(uri) + storage.fs.secretString). The nginx
 * in front of it checks them (includes/ds-docservice.conf):
 *
 *   secure_link $arg_md5,$arg_expires;
 *   secure_link_md5 "$secure_link_expires$uri$secure_link_secret";
 *   403 when the check fails, 410 when it passes but E < now.
 *
 * oojwt_link_inspect() reads a URL (or just its path and query, as in an
 * access log) and answers what that nginx answers, reproducing it:
 *
 *   - $uri: the path decoded as ngx_http_parse_complex_uri() does
 *     (%XX decoded, then slashes merged and "." / ".." resolved, with
 *     merge_slashes on as nginx ships; %25, %23 and %3F stay literal
 *     characters; a bad escape, %00 or ".." above the root is 400);
 *   - the part before /cache/files/ (a reverse proxy's prefix such as
 *     /ds-vpath) is taken as stripped by that proxy;
 *   - $arg_md5 / $arg_expires: the first argument of that name (ASCII
 *     case-insensitive), raw (not percent-decoded); an empty or absent
 *     one fails the check;
 *   - E must be decimal digits only, > 0 (ngx_atotm); M at most 24
 *     characters, base64url up to an optional '=', decoding to exactly
 *     16 bytes (spare bits ignored); compared in constant time;
 *   - expired when E < floor(now), checked after the signature (a
 *     wrong signature on an old link is 403, not 410).
 *
 * When the signature fails, other forms of the path and of the secret
 * are tried, to say what went wrong (OOJWT_LINK_PATH_*: the path decoded
 * without merging slashes, decoded twice, decoded with %2F kept (a proxy
 * decoded %252F once), not decoded at all; secret variants as in
 * oojwt_secret_variant_name() 0-5, then the default secret). Every try
 * hashes into one context and buffer that are wiped.
 */
#define OOJWT_LINK_DEFAULT_SECRET "verysecretstring"

#define OOJWT_LINK_PATH_AS_SENT        0 /* nginx's $uri */
#define OOJWT_LINK_PATH_NOT_NORMALIZED 1 /* decoded, slashes/dots kept */
#define OOJWT_LINK_PATH_DECODED_TWICE  2 /* $uri decoded once more */
#define OOJWT_LINK_PATH_PROXY_DECODED  3 /* decoded, but %2F kept */
#define OOJWT_LINK_PATH_NOT_DECODED    4 /* the path as written */
#define OOJWT_LINK_PATHS               5
/* Secret variants: 0-5 are those of oojwt_secret_variant_name(), 6 the
 * default secret. */
#define OOJWT_LINK_SECRET_DEFAULT      6
#define OOJWT_LINK_SECRETS             7

/* "as-sent", "not-normalized", "decoded-twice", "proxy-decoded",
 * "not-decoded"; and
 * "as-is", ..., "without-quotes", "default-link-secret"; NULL otherwise. */
const char *oojwt_link_path_name(int v);
const char *oojwt_link_secret_name(int v);

/*
 * The report. Caller-allocated; `signed_path` is owned (free with
 * oojwt_link_report_free(), safe twice). Spans are offsets into the
 * caller's `url` (valid while it is).
 *
 *   status        200, 400, 403 or 410 as nginx answers; 0 when it
 *                 cannot be told (no secret given, not a URL, or a path
 *                 nginx does not check)
 *   ok            1 for 200
 *   checked       1 when the signature was compared (a secret given)
 *   signed_path   nginx's $uri from /cache/files on (NUL-terminated),
 *                 NULL when the path does not decode
 *   expires       E when it is a valid number (has_expires_value)
 *   expected_md5  what md5 should be for this path, E and the secret
 *                 as given (has_expected)
 *   path_variant, secret_variant   the forms that match, -1 when none
 */
typedef struct {
	size_t off, len;
	int present;
} oojwt_span;

typedef struct {
	int status;
	int ok;
	int checked;
	char message[OOJWT_MESSAGE_LEN];
	int is_url;              /* 1: scheme://host...; 0: a path */
	oojwt_span scheme, host, port, prefix, path, query;
	oojwt_span md5, expires_arg, filename;
	char *signed_path;
	size_t signed_path_len;
	int has_expires_value;
	double expires;
	int expired;
	int has_expected;
	char expected_md5[23];
	int path_variant, secret_variant;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
} oojwt_link_report;

/*
 * Inspect `url` (`len` bytes; surrounding whitespace ignored) with the
 * secret (`secret` NULL: none given) at time `now` (seconds). Returns
 * OOJWT_OK (an unreadable URL is a finding), OOJWT_ERR_BAD_ARGUMENT or
 * OOJWT_ERR_NO_MEMORY.
 */
int oojwt_link_inspect(oojwt_link_report *r, const char *url, size_t len,
	const unsigned char *secret, size_t secret_len, double now);
void oojwt_link_report_free(oojwt_link_report *r);

/*
 * The md5 argument (22 characters and a NUL into `out`) for `expires`
 * (its text, elen bytes), an already decoded $uri `path` and `secret`.
 */
void oojwt_link_md5(char out[23], const char *expires, size_t elen,
	const char *path, size_t plen, const unsigned char *secret,
	size_t secret_len);

/*
 * Sign a link. With `path` NULL, `url` is a download URL (or path) whose
 * md5 and expires arguments are replaced (other arguments kept); else
 * `url` is the base URL (scheme://host[:port][/prefix]) and the link is
 * built as Document Server builds it: /cache/files/<path>/<name> where
 * name is the percent-encoded `filename` (encodeURIComponent, '/' first
 * written as %2f) or, with `filename` NULL, the last segment of `path`;
 * then ?md5=&expires=&filename=<name>. `expires` is whole seconds
 * (1 to 1e15). On success *out is a malloc'd NUL-terminated URL (free()
 * it); else the code (bad_argument, link_bad_url, link_bad_path,
 * link_not_cache_path, no_memory) with a sentence in `err`.
 */
int oojwt_link_sign(char **out, size_t *out_len, const char *url,
	size_t len, const char *path, size_t path_len, const char *filename,
	size_t filename_len, const unsigned char *secret, size_t secret_len,
	double expires, oojwt_issue *err);

/*
 * Compare the secret Document Server signs links with (storage.fs.
 * secretString) and the one nginx checks them with ($secure_link_secret),
 * in constant time. Adds findings to `list` (link_secrets_differ with
 * the variant that explains the difference, if any; default_link_secret)
 * and returns 1 when they are equal, 0 otherwise.
 */
int oojwt_link_secrets_compare(const unsigned char *storage,
	size_t storage_len, const unsigned char *nginx, size_t nginx_len,
	oojwt_finding *list, size_t *n, size_t *dropped);

/*
 * The nginx configuration of Document Server (nginx/ds.conf,
 * includes/ds-*.conf, or a reverse proxy's server block), read by a
 * small strict tokenizer for nginx syntax: directives end with ';',
 * blocks are { }, '#' starts a comment, "..." and '...' quote (with
 * nginx's escapes), ${var} is not a block. Text outside any server block
 * counts as one more server (a snippet). Collected:
 *
 *   secret       the first `set $secure_link_secret VALUE;` (quotes
 *                removed); secrets_differ when another block sets
 *                another value
 *   listen       every `listen` (address, port: 80 when absent, the
 *                ssl / default_server / http2 flags, line)
 *   certificate, certificate_key   the first ssl_certificate /
 *                ssl_certificate_key
 *   protocols    OOJWT_NGINX_* bits of the first ssl_protocols
 *   includes     how many include directives were not followed
 *
 * Findings: nginx_syntax, nginx_no_secret, default_link_secret,
 * nginx_secret_variable, link_secrets_differ (between blocks),
 * nginx_no_https, nginx_443_plain, nginx_no_certificate,
 * nginx_ssl_directive, nginx_old_tls, nginx_placeholder, nginx_include;
 * paths are "line N".
 */
#define OOJWT_NGINX_SSLV2   0x01
#define OOJWT_NGINX_SSLV3   0x02
#define OOJWT_NGINX_TLSV1   0x04
#define OOJWT_NGINX_TLSV1_1 0x08
#define OOJWT_NGINX_TLSV1_2 0x10
#define OOJWT_NGINX_TLSV1_3 0x20
#define OOJWT_NGINX_TEXT    512
#define OOJWT_NGINX_MAX_LISTEN 16

/* "SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3" for a bit. */
const char *oojwt_nginx_protocol_name(unsigned bit);

typedef struct {
	char address[64];        /* "0.0.0.0", "[::]", "*" or "" */
	unsigned port;
	int ssl, default_server, http2;
	int line;
} oojwt_nginx_listen;

typedef struct {
	int has_secret;
	char secret[OOJWT_NGINX_TEXT];
	size_t secret_len;
	int secrets_differ;
	size_t n_listen;
	oojwt_nginx_listen listen[OOJWT_NGINX_MAX_LISTEN];
	int has_certificate, has_certificate_key, has_protocols;
	char certificate[OOJWT_NGINX_TEXT];
	char certificate_key[OOJWT_NGINX_TEXT];
	unsigned protocols;
	size_t includes;
	size_t n_findings, dropped;
	oojwt_finding findings[OOJWT_MAX_FINDINGS];
} oojwt_nginx_config;

/*
 * Read `text` (`len` bytes) into `c` (caller-allocated; it holds the
 * secret: release it with oojwt_nginx_config_free(), which wipes it).
 * Returns OOJWT_OK (syntax errors are findings) or
 * OOJWT_ERR_BAD_ARGUMENT.
 */
int oojwt_nginx_read(oojwt_nginx_config *c, const char *text, size_t len);
void oojwt_nginx_config_free(oojwt_nginx_config *c);

/*
 * TLS certificates (issue 5).
 *
 * oojwt_cert_inspect() reads one X.509 certificate -- PEM text (the
 * first CERTIFICATE block; other blocks such as a private key are
 * skipped) or DER -- with the strict DER reader of the key code
 * (definite minimal lengths, nothing after an element, the inner and
 * outer signature algorithms equal, UTCTime/GeneralizedTime as DER
 * requires them: seconds present, "Z", no fraction), and describes it:
 *
 *   subject, issuer   the names as text, in certificate order, RFC 4514
 *                     style ("C=US, O=Example, CN=localhost"; multi-valued
 *                     RDNs joined by " + "; `,` `+` `"` `\` `<` `>` `;`
 *                     escaped with a backslash, control bytes as \XX);
 *                     NUL-terminated, owned by `c`
 *   self_issued       1 when issuer and subject are the same bytes
 *   signature_checked 1 when the certificate's signature was checked
 *                     with its own key (self-issued certificates signed
 *                     with RSA PKCS#1 v1.5 or ECDSA over SHA-256/384/512
 *                     with a P-256/384/521 key), 0 when not
 *   self_signed       self_issued, and the signature verifies when it
 *                     was checked
 *   serial            the serial number in upper-case hex without leading
 *                     zeros ("-" first for a negative one)
 *   not_before, not_after  seconds since the epoch; expired is
 *                     now > not_after, not_yet_valid now < not_before
 *   dns, ip           the subjectAltName dNSName and iPAddress entries
 *                     (addresses as text: dotted IPv4, RFC 5952 IPv6)
 *   key_type, key_bits, key_curve  "RSA" / "EC" / "Ed25519" / "Ed448" /
 *                     "RSA-PSS" or the algorithm's dotted OID; the
 *                     modulus size or the curve size; the curve's name
 *   signature_algorithm  OpenSSL's name ("sha256WithRSAEncryption",
 *                     "ecdsa-with-SHA256", ...) or the dotted OID
 *   fingerprint       SHA-256 of the DER
 *   key_matches       -1 when no private key was given, else 1 when its
 *                     public half is the certificate's key
 *   covers_host       -1 when no host was given, else 1 when the
 *                     certificate covers it; covered_by says how
 *                     (OOJWT_CERT_BY_*). Rules (RFC 6125, as OpenSSL's
 *                     X509_check_host/X509_check_ip and Node's TLS do
 *                     them): an IP address matches iPAddress entries
 *                     only; a name matches dNSName entries, ASCII case
 *                     ignored, a trailing dot ignored, "*" only as the
 *                     whole left-most label of a pattern with at least
 *                     two more labels, standing for exactly one label;
 *                     when the certificate has no dNSName at all, the
 *                     last subject CN is used instead (flagged cn_only)
 *   findings          severity, code, message and a fix (a constant
 *                     sentence): cert_expired, cert_not_yet_valid,
 *                     cert_self_signed (what the connector needs: trust
 *                     the certificate, or its "disable certificate
 *                     verification" option, with the risk),
 *                     cert_host_not_covered, cert_key_mismatch,
 *                     cert_weak_key, cert_weak_signature,
 *                     cert_validity_too_long, cert_cn_only,
 *                     cert_bad_self_signature
 *
 * Nothing here builds or validates a chain: a certificate that is not
 * self-signed may still be unknown to the client.
 */
#define OOJWT_CERT_MAX_LEN      ((size_t)1024 * 1024) /* PEM or DER input */
#define OOJWT_CERT_MAX_NAMES    1024  /* subjectAltName entries */
#define OOJWT_CERT_MAX_FINDINGS 16
#define OOJWT_CERT_TEXT_LEN     320

#define OOJWT_CERT_BY_NONE 0
#define OOJWT_CERT_BY_DNS  1  /* a dNSName entry */
#define OOJWT_CERT_BY_IP   2  /* an iPAddress entry */
#define OOJWT_CERT_BY_CN   3  /* the subject CN (no dNSName at all) */

typedef struct {
	int severity;              /* OOJWT_SEVERITY_* */
	int code;
	char message[OOJWT_CERT_TEXT_LEN];
	const char *fix;           /* static text */
} oojwt_cert_finding;

typedef struct {
	char *subject, *issuer;
	int self_issued, self_signed, signature_checked;
	char serial[132];
	double not_before, not_after;
	int expired, not_yet_valid;
	const char **dns, **ip;
	size_t n_dns, n_ip;
	char key_type[24];
	unsigned key_bits;
	char key_curve[24];
	char signature_algorithm[48];
	unsigned char fingerprint[32];
	int key_matches, covers_host, covered_by;
	size_t n_findings;
	oojwt_cert_finding findings[OOJWT_CERT_MAX_FINDINGS];
	void *mem;                 /* the strings above (internal) */
} oojwt_cert;

/*
 * What to check besides the certificate itself. `key` (key_len bytes)
 * is a private key (PEM PKCS#1, PKCS#8 or SEC1, the same as DER, or a
 * private JWK), NULL when none was given; `host` (host_len bytes) the
 * name or IP address (IPv6 with or without brackets) clients connect
 * to, NULL when none was given; `now` seconds since the epoch.
 */
typedef struct {
	double now;
	const unsigned char *key;
	size_t key_len;
	const char *host;
	size_t host_len;
} oojwt_cert_opts;

/*
 * Inspect `in` (`len` bytes) into the caller's `c`. Returns OOJWT_OK,
 * OOJWT_ERR_BAD_CERT (not a certificate, or not strict DER),
 * OOJWT_ERR_TOO_LARGE (input over OOJWT_CERT_MAX_LEN, more than
 * OOJWT_CERT_MAX_NAMES subjectAltName entries), OOJWT_ERR_BAD_KEY (the
 * private key cannot be read or is not a private key),
 * OOJWT_ERR_BAD_ARGUMENT (NULL pointers, an empty host) or
 * OOJWT_ERR_NO_MEMORY; on error `c` holds nothing and a sentence is
 * written to `msg` (OOJWT_MESSAGE_LEN bytes) when it is not NULL.
 * Private key material is wiped before returning. Free with
 * oojwt_cert_free() (safe on a zeroed struct and twice).
 */
int oojwt_cert_inspect(oojwt_cert *c, const void *in, size_t len,
	const oojwt_cert_opts *opts, char *msg);
void oojwt_cert_free(oojwt_cert *c);
/* "dns", "ip", "cn" for OOJWT_CERT_BY_*, NULL otherwise. */
const char *oojwt_cert_by_name(int by);

#ifdef __cplusplus
}
#endif

#endif
