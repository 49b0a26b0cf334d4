/*
 * oojwt_codes.h -- every code oojwt reports, in one append-only enum.
 *
 * Part of oojwt.h (include that). A code is an integer with a stable
 * snake_case name (oojwt_code_name()); codes are the contract for JS, the
 * CLI and the tests, messages are for people and may change. Numbers
 * never change and are never reused. The ranges, by domain:
 *
 *   0          OOJWT_OK
 *   1 - 99     errors of a result (decode, verify, sign, keys, input):
 *              OOJWT_ERR_*; 25 on are free
 *   100 - 102  warnings of the JWT core (oojwt_verify): OOJWT_WARN_*
 *   103 - 114  warnings of the Document Server profile and of secret
 *              forensics (oojwt_ds_verify, oojwt_secret_explain)
 *   115 - 130  findings on the server configuration
 *              (oojwt_server_config_read)
 *   131 - 147, 193 - 194
 *              findings on an editor config (oojwt_config_inspect)
 *   148 - 173  findings on secure download links and nginx
 *              (oojwt_link_inspect, oojwt_nginx_read)
 *   174 - 183  findings on TLS certificates (oojwt_cert_inspect)
 *   184 - 192  findings on requests and callbacks (oojwt_request_inspect)
 *   195        a warning of the JWT core again (oojwt_decode, oojwt_verify:
 *              hidden_characters); later codes go on from here, whatever
 *              their domain, since numbers are never reused
 *   196 - 200  findings on the tokens of the editor page's methods
 *              (oojwt_browser_inspect)
 *   201        connectors_decide: a callback as each connector judges it
 *   202 - 214  Document Server's verifyOptions: findings of
 *              oojwt_server_config_read, and failure codes and a warning
 *              (verify_complete) of the DS profile
 *   215 - 225  findings on connector settings and their comparison with
 *              the server's (oojwt_connector_settings_read, _compare)
 *   226        a finding on a text read as JSON.parse reads it (an editor
 *              config, a request body, local.json): lone_surrogate
 *   227 - 232  what a connector signs when it sends to Document Server,
 *              the connector told from a config's shape, and DS's
 *              downloads as the connectors judge them
 *   233 - 246  findings of the diagnosis, which judges several pasted
 *              texts together (oojwt_diagnose)
 *   247 - 251  the building blocks of a diagnosis: a signature whose
 *              length does not fit its algorithm (a warning of
 *              oojwt_ds_verify and oojwt_ds_signature_length), text that
 *              is not local.json (oojwt_server_config_read), nginx in the
 *              Docker image (oojwt_nginx_read)
 *   260        the diagnosis: a certificate made for an IP address
 *              without it in subjectAltName (oojwt_diagnose)
 *   261 - 265, 276 - 278, 291 - 295, 313
 *              sentences that are no finding, each given a code and
 *              params so that any language can say it (OOJWT_SAY_*; a
 *              report keeps the English beside them): a token kind's
 *              label and the members that tell it
 *              (oojwt_browser_kind_guess), the verdicts of
 *              oojwt_browser_inspect and oojwt_config_inspect, what
 *              oojwt_secret_explain found (261 - 265); a connector's
 *              decision on a callback (oojwt_connector_verdict), a
 *              connector's name, a request's receiver's answer (276 -
 *              278); what nginx answers a secure download link
 *              (oojwt_link_inspect, 291 - 295); the diagnosis's
 *              consequence, who refuses what (oojwt_diagnose, 313)
 *
 * A finding (oojwt_finding, oojwt_core.h) carries its own severity
 * (error, warning or info), so finding codes are named OOJWT_FIND_*:
 * their name says what was found, not how bad it is. The OOJWT_WARN_*
 * spellings of codes 115 on are kept as aliases at the end of this file.
 */
#ifndef OOJWT_CODES_H__
#define OOJWT_CODES_H__

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Result and diagnostic codes. Append-only: a code keeps its number and
 * its name forever. 0 is success. Codes from OOJWT_WARN_FIRST on never
 * fail a result by themselves: 100 - 114, 195 and 247 are a result's warnings,
 * 115 - 194 and 196 on are findings, whose severity each finding carries.
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
	/* The Document Server profile (oojwt_ds_verify): jsonwebtoken
	 * returns a false-like payload, which every DS caller refuses. */
	OOJWT_ERR_FALSY_PAYLOAD = 24,   /* payload 0, false, "", -0: DS refuses */

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
	OOJWT_FIND_DEFAULT_SECRET_WINS = 115, /* file set, default string wins */
	OOJWT_FIND_DEFAULT_SECRET = 116, /* the effective secret is "secret" */
	OOJWT_FIND_BROWSER_SECRET_IGNORED = 117, /* secret.browser != inbox */
	OOJWT_FIND_KEY_NO_EFFECT = 118, /* inBody, secretFromInbox, tenants */
	OOJWT_FIND_FLAG_IS_STRING = 119, /* "true" where a boolean belongs */
	OOJWT_FIND_SHORT_SECRET = 120,  /* secret shorter than 32 bytes */
	OOJWT_FIND_SECRET_QUOTES = 121, /* secret carries quote characters */
	OOJWT_FIND_SECRET_SPACES = 122, /* secret carries whitespace */
	OOJWT_FIND_SECRET_DOCKER_UNSAFE = 123, /* ' \ $ that Docker mangles */
	OOJWT_FIND_NO_SECRET = 124,     /* no string, no file: every verify fails */
	OOJWT_FIND_SECRET_FROM_FILE = 125, /* raw file bytes, newline included */
	OOJWT_FIND_TOKENS_DISABLED = 126, /* an enable flag is off */
	OOJWT_FIND_EXAMPLE_SECTION = 127, /* server.token: the example app's keys */
	OOJWT_FIND_DOCKER_FLAG = 128,   /* JWT_ENABLED other than exactly "true" */
	OOJWT_FIND_TOLERANCE_NOT_NUMBER = 129, /* verifyOptions.clockTolerance */
	OOJWT_FIND_DOCKER_RANDOM_SECRET = 130, /* no JWT_SECRET: new one per start */

	/* Editor config inspection (oojwt_config_inspect). */
	OOJWT_FIND_TOKEN_MISSING = 131,  /* no token, browser tokens required */
	OOJWT_FIND_MISSING_REQUIRED_FIELD = 132, /* a 7.1+ required field */
	OOJWT_FIND_PERMISSIONS_DIFFER = 133, /* token vs config permissions */
	OOJWT_FIND_TOKEN_INVALID_FORMAT = 134, /* top-level url/payload/key */
	OOJWT_FIND_BAD_DOCUMENT_KEY = 135, /* key outside 0-9 a-z A-Z - . _ = */
	OOJWT_FIND_NOT_OPENING_TOKEN = 136, /* WOPI/reconnect/history token */
	OOJWT_FIND_PAYLOAD_WRAPPER = 137, /* config wrapped in {"payload": ...} */
	OOJWT_FIND_MISSING_CONFIG_FIELD = 138, /* api.js: url, fileType/documentType */
	OOJWT_FIND_BAD_DOCUMENT_TYPE = 139, /* documentType api.js does not know */
	OOJWT_FIND_BAD_FILE_TYPE = 140, /* fileType api.js does not know */
	OOJWT_FIND_FILE_TYPE_MISMATCH = 141, /* fileType outside documentType's group */
	OOJWT_FIND_FILE_TYPE_CASE = 142, /* fileType not lower case */
	OOJWT_FIND_KEY_TOO_LONG = 143,   /* document.key over 128 characters */
	OOJWT_FIND_URL_NOT_ABSOLUTE = 144, /* not an absolute http(s) URL */
	OOJWT_FIND_CALLBACK_UNREACHABLE = 145, /* localhost/private callback host */
	OOJWT_FIND_USER_ID_TOO_LONG = 146, /* user.id over 240 characters */
	OOJWT_FIND_CONFIG_HAS_SECRET = 147, /* the config contains the secret */

	/* Secure download links (oojwt_link_inspect) and the nginx
	 * configuration (oojwt_nginx_read). */
	OOJWT_FIND_LINK_BAD_URL = 148,   /* not an http(s) URL or a path */
	OOJWT_FIND_LINK_BAD_PATH = 149,  /* nginx refuses the path: 400 */
	OOJWT_FIND_LINK_NOT_CACHE = 150, /* no /cache/files/ in the path */
	OOJWT_FIND_LINK_PREFIX = 151,    /* a proxy's prefix before /cache/files */
	OOJWT_FIND_LINK_NO_MD5 = 152,    /* md5 argument missing or empty */
	OOJWT_FIND_LINK_NO_EXPIRES = 153, /* expires argument missing or empty */
	OOJWT_FIND_LINK_BAD_MD5 = 154,   /* md5 is not 16 bytes of base64url */
	OOJWT_FIND_LINK_BAD_EXPIRES = 155, /* expires is not a positive integer */
	OOJWT_FIND_LINK_MISMATCH = 156,  /* the signature does not match: 403 */
	OOJWT_FIND_LINK_EXPIRED = 157,   /* expires < now: 410 */
	OOJWT_FIND_LINK_REENCODED = 158, /* matches another form of the path */
	OOJWT_FIND_LINK_SECRET_VARIANT = 159, /* matches a variant of the secret */
	OOJWT_FIND_LINK_DEFAULT_SECRET = 160, /* "verysecretstring" */
	OOJWT_FIND_LINK_DUPLICATE_ARG = 161, /* md5/expires given twice */
	OOJWT_FIND_LINK_NO_FILENAME = 162, /* no filename argument */
	OOJWT_FIND_LINK_SECRETS_DIFFER = 163, /* storage vs nginx secret */
	OOJWT_FIND_NGINX_SYNTAX = 164,   /* nginx -t would refuse the text */
	OOJWT_FIND_NGINX_NO_SECRET = 165, /* no set $secure_link_secret */
	OOJWT_FIND_NGINX_NO_HTTPS = 166, /* no listen ... ssl */
	OOJWT_FIND_NGINX_443_PLAIN = 167, /* listen 443 without ssl */
	OOJWT_FIND_NGINX_OLD_TLS = 168,  /* TLSv1 / TLSv1.1 / SSLv3 allowed */
	OOJWT_FIND_NGINX_SSL_DIRECTIVE = 169, /* "ssl on;" (gone in 1.25.1) */
	OOJWT_FIND_NGINX_PLACEHOLDER = 170, /* {{SSL_CERTIFICATE_PATH}} left */
	OOJWT_FIND_NGINX_NO_CERTIFICATE = 171, /* ssl listen, no certificate */
	OOJWT_FIND_NGINX_INCLUDE = 172,  /* include: a file not read */
	OOJWT_FIND_NGINX_SECRET_VARIABLE = 173, /* $ in the secret: interpolated */
	/* TLS certificate findings (oojwt_cert_inspect). */
	OOJWT_FIND_CERT_EXPIRED = 174,  /* now > notAfter */
	OOJWT_FIND_CERT_NOT_YET_VALID = 175, /* now < notBefore */
	OOJWT_FIND_CERT_SELF_SIGNED = 176, /* no client trusts it by default */
	OOJWT_FIND_CERT_HOST_NOT_COVERED = 177, /* host/IP not in SAN (or CN) */
	OOJWT_FIND_CERT_KEY_MISMATCH = 178, /* private key of another cert */
	OOJWT_FIND_CERT_WEAK_KEY = 179, /* RSA below 2048 bits */
	OOJWT_FIND_CERT_WEAK_SIGNATURE = 180, /* SHA-1 or MD5 signature */
	OOJWT_FIND_CERT_VALIDITY_TOO_LONG = 181, /* over 398 days */
	OOJWT_FIND_CERT_CN_ONLY = 182,  /* host covered by the CN alone */
	OOJWT_FIND_CERT_BAD_SELF_SIGNATURE = 183, /* self-issued, signature fails */
	/* Requests and callbacks (oojwt_request_inspect). */
	OOJWT_FIND_WRONG_PREFIX = 184,  /* header without the exact prefix */
	OOJWT_FIND_BODY_TOKEN_WINS = 185, /* body and header token: body counts */
	OOJWT_FIND_UNSIGNED_FIELDS = 186, /* plain body fields the server drops */
	OOJWT_FIND_HEADER_TRIMMED = 187, /* callback header token lacks changesurl */
	OOJWT_FIND_HEADER_TOO_LARGE = 188, /* header token >= 7168 characters */
	OOJWT_FIND_TOKEN_IN_OTHER_HEADER = 189, /* token in another header */
	OOJWT_FIND_BODY_NOT_JSON = 190, /* body not JSON: the query is used */
	OOJWT_FIND_BAD_REQUEST_FIELD = 191, /* key/status/filetype the receiver refuses */
	OOJWT_FIND_HTTP_UNREADABLE = 192, /* a line of raw HTTP that is no header */

	/* Editor config inspection: the user (oojwt_config_inspect). */
	OOJWT_FIND_USER_NOT_SIGNED = 193, /* config user.id/name/group not in the token */
	OOJWT_FIND_USER_DIFFERS = 194,  /* token's user.* overrides the config's */

	/* A result's warning again (oojwt_decode, oojwt_verify). */
	OOJWT_WARN_HIDDEN_CHARACTERS = 195, /* control, bidi or invisible characters */

	/* The tokens of the editor page's methods (oojwt_browser_inspect). */
	OOJWT_FIND_KIND_AMBIGUOUS = 196, /* the payload fits several kinds */
	OOJWT_FIND_KIND_MISMATCH = 197,  /* the chosen kind has none of its members */
	OOJWT_FIND_MISSING_TOKEN_FIELD = 198, /* a member the kind needs is absent */
	OOJWT_FIND_BAD_TOKEN_FIELD = 199, /* a member of the wrong type or value */
	OOJWT_FIND_TOKEN_NOT_CHECKED = 200, /* browser tokens off: DS ignores it */

	/* Callbacks as each connector's library judges them (connectors.c). */
	OOJWT_FIND_CONNECTORS_DECIDE = 201, /* who accepts the callback, who not */

	/* Document Server's verifyOptions, passed whole to jsonwebtoken:
	 * findings of oojwt_server_config_read (one code per option) and the
	 * DS profile's failure codes for what an option refuses. */
	OOJWT_FIND_VERIFY_ALGORITHMS = 202, /* algorithms */
	OOJWT_FIND_VERIFY_CLOCK_TOLERANCE = 203, /* clockTolerance (a number) */
	OOJWT_FIND_VERIFY_CLOCK_TIMESTAMP = 204, /* clockTimestamp: a fixed clock */
	OOJWT_FIND_VERIFY_IGNORE_EXPIRATION = 205, /* ignoreExpiration */
	OOJWT_FIND_VERIFY_IGNORE_NOT_BEFORE = 206, /* ignoreNotBefore */
	OOJWT_FIND_VERIFY_MAX_AGE = 207, /* maxAge (iat required) */
	OOJWT_FIND_VERIFY_AUDIENCE = 208, /* audience (aud) */
	OOJWT_FIND_VERIFY_ISSUER = 209, /* issuer (iss) */
	OOJWT_FIND_VERIFY_SUBJECT = 210, /* subject (sub) */
	OOJWT_FIND_VERIFY_JWTID = 211,  /* jwtid (jti) */
	OOJWT_FIND_VERIFY_NONCE = 212,  /* nonce */
	OOJWT_FIND_VERIFY_COMPLETE = 213, /* complete: DS reads {header,payload,signature} */
	OOJWT_FIND_VERIFY_OTHER_OPTION = 214, /* allowInvalidAsymmetricKeyTypes, unknown names */

	/* Connector settings and their comparison with the server's
	 * (oojwt_connector_settings_read, oojwt_connector_settings_compare):
	 * one block, renumbered as a whole if needed. */
	OOJWT_FIND_SETTINGS_UNRECOGNISED = 215, /* none of the connector forms */
	OOJWT_FIND_PHP_SYNTAX = 216,    /* PHP array text PHP would refuse */
	OOJWT_FIND_CONNECTOR_SECRET_HIDDEN = 217, /* occ masked the secret */
	OOJWT_FIND_CONNECTOR_SETTING_NO_EFFECT = 218, /* a key the connector does not read there */
	OOJWT_FIND_CONNECTOR_HEADER_REFUSED = 219, /* Mattermost: Authorization, empty */
	OOJWT_FIND_CONNECTOR_LEEWAY_ZERO = 220, /* php-jwt leeway 0: DS clock ahead fails */
	OOJWT_FIND_CONNECTOR_VERIFY_PEER = 221, /* TLS checks off, or self-signed refused */
	OOJWT_FIND_CONNECTOR_SECRET_DIFFERS = 222, /* connector vs DS secret */
	OOJWT_FIND_CONNECTOR_TOKENS_MISMATCH = 223, /* one side signs, the other not */
	OOJWT_FIND_CONNECTOR_HEADER_DIFFERS = 224, /* header name vs inbox/outbox */
	OOJWT_FIND_CONNECTOR_PREFIX_DIFFERS = 225, /* prefix the connector cuts differently */

	/* Texts read as JSON.parse reads them (oojwt_config_inspect,
	 * oojwt_request_inspect, oojwt_server_config_read). */
	OOJWT_FIND_LONE_SURROGATE = 226, /* \uD800-\uDFFF alone: half a character */

	/* What a connector signs when it sends to Document Server
	 * (connector_sign.c: oojwt_config_inspect, oojwt_request_inspect of
	 * the inbox kinds) and how it judges DS's downloads. */
	OOJWT_FIND_CONNECTOR_SIGNS = 227, /* what the connector puts in its tokens */
	OOJWT_FIND_TOKEN_NEVER_EXPIRES = 228, /* the connector signs no exp */
	OOJWT_FIND_CLAIMS_UNLIKE_CONNECTOR = 229, /* iat, lifetime, alg, place differ */
	OOJWT_FIND_CONNECTOR_CANNOT_SIGN = 230, /* its library refuses this secret */
	OOJWT_FIND_CONNECTOR_RECOGNISED = 231, /* the sender told from the shape */
	OOJWT_FIND_DOWNLOAD_URL_DIFFERS = 232, /* the signed url is not the one fetched */

	/* The diagnosis (oojwt_diagnose): what it concludes from several
	 * items together. */
	OOJWT_FIND_DIAG_NOT_RECOGNISED = 233, /* an item oojwt cannot name (closest guess given) */
	OOJWT_FIND_DIAG_SIGNED_WITH_OTHER_SECRET = 234, /* a token signed with a held secret DS does not use for it */
	OOJWT_FIND_DIAG_SECRET_VARIANT = 235, /* a token signed with a variant of a held secret */
	OOJWT_FIND_DIAG_SECRET_UNKNOWN = 236, /* no held secret verifies a token */
	OOJWT_FIND_DIAG_TOKEN_VERIFIES = 237, /* DS's secret verifies a token and DS accepts it */
	OOJWT_FIND_DIAG_NO_SECRET = 238, /* tokens but no secret to check them with */
	OOJWT_FIND_DIAG_SIGNATURE_TRUNCATED = 239, /* a signature whose length fits no HS algorithm */
	OOJWT_FIND_DIAG_TOKEN_REJECTED = 240, /* signed with DS's secret, refused for another reason */
	OOJWT_FIND_DIAG_NO_TOKEN = 241, /* nothing to verify */
	OOJWT_FIND_DIAG_DS_LOG = 242, /* what one of Document Server's log lines means */
	OOJWT_FIND_DIAG_SYMPTOM = 243, /* an error text copied from the editor or a connector */
	OOJWT_FIND_DIAG_ALL_CLEAR = 244, /* no problem found */
	OOJWT_FIND_DIAG_TOKEN_UNREADABLE = 245, /* a token that does not decode */
	OOJWT_FIND_DIAG_CONFIG_NOT_JSON = 246, /* page source whose config is not JSON */

	/* The building blocks of a diagnosis: what a text is, told apart
	 * from what its box expects, and traps of the Docker image. */
	OOJWT_WARN_SIGNATURE_LENGTH = 247, /* HS signature not 32/48/64 bytes: cut */
	OOJWT_FIND_CONFIG_IS_SECRET = 248, /* a bare secret given as local.json */
	OOJWT_FIND_CONFIG_FROM_ENV = 249, /* Docker env lines read as local.json */
	OOJWT_FIND_CONFIG_FRAGMENT = 250, /* json -f output: part of local.json */
	OOJWT_FIND_NGINX_DOCKER_REWRITTEN = 251, /* the container rewrites ds.conf */

	/* The diagnosis again: a certificate for an IP address that lists
	 * no IP address, so clients connecting to https://IP refuse it. */
	OOJWT_FIND_DIAG_CERT_NO_IP = 260, /* certificate for an IP, no IP SAN */

	/* Sentences that are no finding: a report's verdict, a token kind's
	 * label and reasons, the secret forensics' answer. Each keeps its
	 * English message; its code and params say it in another language. */
	OOJWT_SAY_TOKEN_KIND_LABEL = 261, /* a token kind for people */
	OOJWT_SAY_TOKEN_KIND_WHY = 262, /* the members that tell the kind */
	OOJWT_SAY_BROWSER_VERDICT = 263, /* what DS does with a method's token */
	OOJWT_SAY_CONFIG_VERDICT = 264, /* the editor opens, or its ending */
	OOJWT_SAY_SECRET_EXPLAINED = 265, /* the secret variant that verifies */
	/* Sentences that are no finding, with a code and params so that
	 * they are shown in any language: a connector's decision on a
	 * callback (its message and fix), a connector's name (the connector
	 * table, kit.onlyoffice.connectors()), the answer of a request's
	 * receiver (the request report's verdict). */
	OOJWT_SAY_CONNECTOR_DECIDES = 276, /* one connector's decision */
	OOJWT_SAY_CONNECTOR_NAME = 277, /* a connector's name */
	OOJWT_SAY_REQUEST_ANSWER = 278, /* what the receiver answers */
	/* The verdict of a secure download link (oojwt_link_inspect: its
	 * status and message); a verdict that repeats a finding's sentence
	 * has that finding's code (link_bad_url, link_bad_path). */
	OOJWT_SAY_LINK_SERVES = 291,    /* 200: signature right, not expired */
	OOJWT_SAY_LINK_GONE = 292,      /* 410: signature right, expired */
	OOJWT_SAY_LINK_FORBIDDEN = 293, /* 403: arguments or signature wrong */
	OOJWT_SAY_LINK_UNCHECKED = 294, /* no secret given: not compared */
	OOJWT_SAY_LINK_NOT_DOWNLOAD = 295, /* no /cache/files/, or leaves it */
	/* The diagnosis's sentences: not findings, but written from a
	 * catalog by code and params like them. */
	OOJWT_SAY_DIAG_CONSEQUENCE = 313 /* who refuses what (the headline) */
};

/*
 * Return the stable snake_case name of a code ("bad_signature",
 * "short_key", ...), or NULL for a number that is not a code.
 */
const char *oojwt_code_name(int code);

/*
 * The names codes 115 on had before findings carried their own severity,
 * kept for callers outside this repository; oojwt itself uses OOJWT_FIND_*
 * (make lint checks it).
 */
#define OOJWT_WARN_DEFAULT_SECRET_WINS OOJWT_FIND_DEFAULT_SECRET_WINS
#define OOJWT_WARN_DEFAULT_SECRET OOJWT_FIND_DEFAULT_SECRET
#define OOJWT_WARN_BROWSER_SECRET_IGNORED OOJWT_FIND_BROWSER_SECRET_IGNORED
#define OOJWT_WARN_KEY_NO_EFFECT OOJWT_FIND_KEY_NO_EFFECT
#define OOJWT_WARN_FLAG_IS_STRING OOJWT_FIND_FLAG_IS_STRING
#define OOJWT_WARN_SHORT_SECRET OOJWT_FIND_SHORT_SECRET
#define OOJWT_WARN_SECRET_QUOTES OOJWT_FIND_SECRET_QUOTES
#define OOJWT_WARN_SECRET_SPACES OOJWT_FIND_SECRET_SPACES
#define OOJWT_WARN_SECRET_DOCKER_UNSAFE OOJWT_FIND_SECRET_DOCKER_UNSAFE
#define OOJWT_WARN_NO_SECRET OOJWT_FIND_NO_SECRET
#define OOJWT_WARN_SECRET_FROM_FILE OOJWT_FIND_SECRET_FROM_FILE
#define OOJWT_WARN_TOKENS_DISABLED OOJWT_FIND_TOKENS_DISABLED
#define OOJWT_WARN_EXAMPLE_SECTION OOJWT_FIND_EXAMPLE_SECTION
#define OOJWT_WARN_DOCKER_FLAG OOJWT_FIND_DOCKER_FLAG
#define OOJWT_WARN_TOLERANCE_NOT_NUMBER OOJWT_FIND_TOLERANCE_NOT_NUMBER
#define OOJWT_WARN_DOCKER_RANDOM_SECRET OOJWT_FIND_DOCKER_RANDOM_SECRET
#define OOJWT_WARN_TOKEN_MISSING OOJWT_FIND_TOKEN_MISSING
#define OOJWT_WARN_MISSING_REQUIRED_FIELD OOJWT_FIND_MISSING_REQUIRED_FIELD
#define OOJWT_WARN_PERMISSIONS_DIFFER OOJWT_FIND_PERMISSIONS_DIFFER
#define OOJWT_WARN_TOKEN_INVALID_FORMAT OOJWT_FIND_TOKEN_INVALID_FORMAT
#define OOJWT_WARN_BAD_DOCUMENT_KEY OOJWT_FIND_BAD_DOCUMENT_KEY
#define OOJWT_WARN_NOT_OPENING_TOKEN OOJWT_FIND_NOT_OPENING_TOKEN
#define OOJWT_WARN_PAYLOAD_WRAPPER OOJWT_FIND_PAYLOAD_WRAPPER
#define OOJWT_WARN_MISSING_CONFIG_FIELD OOJWT_FIND_MISSING_CONFIG_FIELD
#define OOJWT_WARN_BAD_DOCUMENT_TYPE OOJWT_FIND_BAD_DOCUMENT_TYPE
#define OOJWT_WARN_BAD_FILE_TYPE OOJWT_FIND_BAD_FILE_TYPE
#define OOJWT_WARN_FILE_TYPE_MISMATCH OOJWT_FIND_FILE_TYPE_MISMATCH
#define OOJWT_WARN_FILE_TYPE_CASE OOJWT_FIND_FILE_TYPE_CASE
#define OOJWT_WARN_KEY_TOO_LONG OOJWT_FIND_KEY_TOO_LONG
#define OOJWT_WARN_URL_NOT_ABSOLUTE OOJWT_FIND_URL_NOT_ABSOLUTE
#define OOJWT_WARN_CALLBACK_UNREACHABLE OOJWT_FIND_CALLBACK_UNREACHABLE
#define OOJWT_WARN_USER_ID_TOO_LONG OOJWT_FIND_USER_ID_TOO_LONG
#define OOJWT_WARN_CONFIG_HAS_SECRET OOJWT_FIND_CONFIG_HAS_SECRET
#define OOJWT_WARN_LINK_BAD_URL OOJWT_FIND_LINK_BAD_URL
#define OOJWT_WARN_LINK_BAD_PATH OOJWT_FIND_LINK_BAD_PATH
#define OOJWT_WARN_LINK_NOT_CACHE OOJWT_FIND_LINK_NOT_CACHE
#define OOJWT_WARN_LINK_PREFIX OOJWT_FIND_LINK_PREFIX
#define OOJWT_WARN_LINK_NO_MD5 OOJWT_FIND_LINK_NO_MD5
#define OOJWT_WARN_LINK_NO_EXPIRES OOJWT_FIND_LINK_NO_EXPIRES
#define OOJWT_WARN_LINK_BAD_MD5 OOJWT_FIND_LINK_BAD_MD5
#define OOJWT_WARN_LINK_BAD_EXPIRES OOJWT_FIND_LINK_BAD_EXPIRES
#define OOJWT_WARN_LINK_MISMATCH OOJWT_FIND_LINK_MISMATCH
#define OOJWT_WARN_LINK_EXPIRED OOJWT_FIND_LINK_EXPIRED
#define OOJWT_WARN_LINK_REENCODED OOJWT_FIND_LINK_REENCODED
#define OOJWT_WARN_LINK_SECRET_VARIANT OOJWT_FIND_LINK_SECRET_VARIANT
#define OOJWT_WARN_LINK_DEFAULT_SECRET OOJWT_FIND_LINK_DEFAULT_SECRET
#define OOJWT_WARN_LINK_DUPLICATE_ARG OOJWT_FIND_LINK_DUPLICATE_ARG
#define OOJWT_WARN_LINK_NO_FILENAME OOJWT_FIND_LINK_NO_FILENAME
#define OOJWT_WARN_LINK_SECRETS_DIFFER OOJWT_FIND_LINK_SECRETS_DIFFER
#define OOJWT_WARN_NGINX_SYNTAX OOJWT_FIND_NGINX_SYNTAX
#define OOJWT_WARN_NGINX_NO_SECRET OOJWT_FIND_NGINX_NO_SECRET
#define OOJWT_WARN_NGINX_NO_HTTPS OOJWT_FIND_NGINX_NO_HTTPS
#define OOJWT_WARN_NGINX_443_PLAIN OOJWT_FIND_NGINX_443_PLAIN
#define OOJWT_WARN_NGINX_OLD_TLS OOJWT_FIND_NGINX_OLD_TLS
#define OOJWT_WARN_NGINX_SSL_DIRECTIVE OOJWT_FIND_NGINX_SSL_DIRECTIVE
#define OOJWT_WARN_NGINX_PLACEHOLDER OOJWT_FIND_NGINX_PLACEHOLDER
#define OOJWT_WARN_NGINX_NO_CERTIFICATE OOJWT_FIND_NGINX_NO_CERTIFICATE
#define OOJWT_WARN_NGINX_INCLUDE OOJWT_FIND_NGINX_INCLUDE
#define OOJWT_WARN_NGINX_SECRET_VARIABLE OOJWT_FIND_NGINX_SECRET_VARIABLE
#define OOJWT_WARN_CERT_EXPIRED OOJWT_FIND_CERT_EXPIRED
#define OOJWT_WARN_CERT_NOT_YET_VALID OOJWT_FIND_CERT_NOT_YET_VALID
#define OOJWT_WARN_CERT_SELF_SIGNED OOJWT_FIND_CERT_SELF_SIGNED
#define OOJWT_WARN_CERT_HOST_NOT_COVERED OOJWT_FIND_CERT_HOST_NOT_COVERED
#define OOJWT_WARN_CERT_KEY_MISMATCH OOJWT_FIND_CERT_KEY_MISMATCH
#define OOJWT_WARN_CERT_WEAK_KEY OOJWT_FIND_CERT_WEAK_KEY
#define OOJWT_WARN_CERT_WEAK_SIGNATURE OOJWT_FIND_CERT_WEAK_SIGNATURE
#define OOJWT_WARN_CERT_VALIDITY_TOO_LONG OOJWT_FIND_CERT_VALIDITY_TOO_LONG
#define OOJWT_WARN_CERT_CN_ONLY OOJWT_FIND_CERT_CN_ONLY
#define OOJWT_WARN_CERT_BAD_SELF_SIGNATURE OOJWT_FIND_CERT_BAD_SELF_SIGNATURE
#define OOJWT_WARN_WRONG_PREFIX OOJWT_FIND_WRONG_PREFIX
#define OOJWT_WARN_BODY_TOKEN_WINS OOJWT_FIND_BODY_TOKEN_WINS
#define OOJWT_WARN_UNSIGNED_FIELDS OOJWT_FIND_UNSIGNED_FIELDS
#define OOJWT_WARN_HEADER_TRIMMED OOJWT_FIND_HEADER_TRIMMED
#define OOJWT_WARN_HEADER_TOO_LARGE OOJWT_FIND_HEADER_TOO_LARGE
#define OOJWT_WARN_TOKEN_IN_OTHER_HEADER OOJWT_FIND_TOKEN_IN_OTHER_HEADER
#define OOJWT_WARN_BODY_NOT_JSON OOJWT_FIND_BODY_NOT_JSON
#define OOJWT_WARN_BAD_REQUEST_FIELD OOJWT_FIND_BAD_REQUEST_FIELD
#define OOJWT_WARN_HTTP_UNREADABLE OOJWT_FIND_HTTP_UNREADABLE
#define OOJWT_WARN_USER_NOT_SIGNED OOJWT_FIND_USER_NOT_SIGNED
#define OOJWT_WARN_USER_DIFFERS OOJWT_FIND_USER_DIFFERS

#ifdef __cplusplus
}
#endif

#endif
