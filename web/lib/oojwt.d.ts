// Types for web/lib/oojwt.mjs.

/** Stable error codes (see src/oojwt.h). */
export type ErrorCode =
  | 'malformed' | 'bad_base64' | 'bad_json' | 'duplicate_member'
  | 'alg_not_allowed' | 'alg_none' | 'bad_signature' | 'expired'
  | 'not_yet_valid' | 'bad_claim' | 'not_an_object' | 'too_large'
  | 'too_deep' | 'bad_header' | 'unsupported_alg' | 'crit_unsupported'
  | 'empty_key' | 'bad_key' | 'key_mismatch' | 'bad_argument'
  | 'no_memory' | 'buffer_too_small' | 'bad_certificate'
  /** Document Server profile: jsonwebtoken returns a false-like payload (0, false, ""), which DS refuses. */
  | 'falsy_payload'
  /** JS only: kit.onlyoffice on a kit loaded with { onlyoffice: false } (see loadOnlyoffice). */
  | 'not_loaded';

/** Warning codes: never make a token invalid. */
export type WarningCode = 'short_key' | 'typ_not_jwt' | 'iat_in_future' | 'hidden_characters' | 'signature_length' | OnlyofficeCode;

/**
 * Codes of the ONLYOFFICE rules (src/oojwt.h, 103 on): Document Server
 * profile warnings, secret forensics findings and server-config findings.
 */
export type OnlyofficeCode =
  | 'duplicate_last_wins' | 'crit_ignored' | 'header_latin1' | 'payload_not_utf8'
  | 'payload_not_object' | 'noncanonical_base64' | 'empty_secret'
  | 'secret_as_token' | 'token_as_secret' | 'payload_latin1'
  | 'payload_replacement_char' | 'payload_double_encoded'
  | 'default_secret_wins' | 'default_secret' | 'browser_secret_ignored'
  | 'key_no_effect' | 'flag_is_string' | 'short_secret' | 'secret_quotes'
  | 'secret_spaces' | 'secret_docker_unsafe' | 'no_secret' | 'secret_from_file'
  | 'tokens_disabled' | 'example_config_section' | 'docker_flag_not_true'
  | 'tolerance_not_number' | 'docker_random_secret'
  | 'token_missing' | 'missing_required_field' | 'permissions_differ'
  | 'token_invalid_format' | 'bad_document_key' | 'not_an_opening_token'
  | 'payload_wrapper' | 'missing_config_field' | 'bad_document_type'
  | 'bad_file_type' | 'file_type_mismatch' | 'file_type_case' | 'key_too_long'
  | 'url_not_absolute' | 'callback_unreachable' | 'user_id_too_long'
  | 'config_has_secret' | DeployCode
  | 'wrong_prefix' | 'body_token_wins' | 'unsigned_fields_ignored'
  | 'header_token_trimmed' | 'header_too_large' | 'token_in_other_header'
  | 'body_not_json' | 'bad_request_field' | 'http_unreadable'
  | 'user_not_signed' | 'user_differs'
  | 'kind_ambiguous' | 'kind_mismatch' | 'missing_token_field' | 'bad_token_field'
  | 'token_not_checked' | 'connectors_decide' | 'lone_surrogate'
  | 'connector_signs' | 'token_never_expires' | 'claims_unlike_connector' | 'connector_cannot_sign'
  | 'connector_recognised' | 'download_url_differs' | VerifyOptionCode | ConnectorSettingsCode
  | DiagnoseCode | 'config_is_secret' | 'config_from_env' | 'config_fragment' | 'nginx_docker_rewritten'
  | SaidCode;

/**
 * Codes of sentences that are no finding (261 on), each beside its English
 * with the params its catalog templates use, so that words.message() says
 * it in any language:
 * - a token kind's label (labelCode, labelParams) and the members that tell
 *   the kind (whyCode, whyParams), beside those bare string members;
 * - the verdicts of inspectBrowserToken and inspectConfig and explainSecret's
 *   answer: the code and params of the object that holds the message;
 * - a connector's decision on a callback (RequestReport.connectors[]:
 *   messageCode and messageParams beside message, the same code's fix
 *   template for fix), a connector's name (kit.onlyoffice.connectors():
 *   nameCode and nameParams beside name), the receiver's answer
 *   (RequestReport.verdict: code and params beside message);
 * - the diagnosis's consequence (DiagnoseResult.verdict: consequenceCode and
 *   consequenceParams beside consequence).
 */
export type SaidCode =
  | 'token_kind_label' | 'token_kind_why' | 'browser_verdict' | 'config_verdict'
  | 'secret_explained' | 'connector_decides' | 'connector_name' | 'request_answer'
  | 'diag_consequence';

/**
 * Codes of Document Server's verifyOptions (202 on): readServerConfig's
 * finding for each member, and the DS profile's error code for what an
 * option refuses (verify_complete is also a warning of an accepted token).
 */
export type VerifyOptionCode =
  | 'verify_algorithms' | 'verify_clock_tolerance' | 'verify_clock_timestamp'
  | 'verify_ignore_expiration' | 'verify_ignore_not_before' | 'verify_max_age'
  | 'verify_audience' | 'verify_issuer' | 'verify_subject' | 'verify_jwtid'
  | 'verify_nonce' | 'verify_complete' | 'verify_other_option';

/** Codes of the connector settings and their comparison (215 on). */
export type ConnectorSettingsCode =
  | 'settings_unrecognised' | 'php_syntax' | 'connector_secret_hidden'
  | 'connector_setting_no_effect' | 'connector_header_refused'
  | 'connector_leeway_zero' | 'connector_verify_peer' | 'connector_secret_differs'
  | 'connector_tokens_mismatch' | 'connector_header_differs' | 'connector_prefix_differs';

/** Codes of the deployment checks: secure download links and nginx (148 on). */
export type DeployCode =
  | 'link_bad_url' | 'link_bad_path' | 'link_not_cache_path' | 'link_path_prefix'
  | 'link_no_md5' | 'link_no_expires' | 'link_bad_md5' | 'link_bad_expires'
  | 'link_signature_mismatch' | 'link_expired' | 'link_path_reencoded'
  | 'link_secret_variant' | 'default_link_secret' | 'link_duplicate_arg'
  | 'link_no_filename' | 'link_secrets_differ' | 'nginx_syntax' | 'nginx_no_secret'
  | 'nginx_no_https' | 'nginx_443_plain' | 'nginx_old_tls' | 'nginx_ssl_directive'
  | 'nginx_placeholder' | 'nginx_no_certificate' | 'nginx_include'
  | 'nginx_secret_variable';

/**
 * Codes of a download link's verdict (src/oojwt.h, 291 on): what nginx
 * answers, said by code and params (web/lib/locales/); a verdict that repeats
 * a finding's sentence has that finding's code (link_bad_url, link_bad_path).
 */
export type LinkVerdictCode =
  | 'link_serves' | 'link_gone' | 'link_forbidden' | 'link_unchecked' | 'link_not_download'
  | 'link_bad_url' | 'link_bad_path';

export type Algorithm =
  | 'HS256' | 'HS384' | 'HS512'
  | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512'
  | 'ES256' | 'ES384' | 'ES512' | 'EdDSA';

export interface Issue<C extends string = string> {
  code: C;
  /** A sentence for people; may change between versions. */
  message: string;
  /** Offset in the token of the offending character, when there is one. */
  pos?: number;
  /** The numbers, names and values the sentence uses, by name: with the
   * code, they write the sentence in another language (web/lib/i18n.mjs). */
  params: Params;
}

/** An issue's or a finding's params: a JSON object of strings and numbers. */
export type Params = Record<string, string | number>;

/** A symmetric JWK (RFC 7517). `alg`, `use` and `key_ops` are honoured. */
export interface OctJwk {
  kty: 'oct';
  k: string;
  alg?: string;
  use?: string;
  key_ops?: string[];
  kid?: string;
  [member: string]: unknown;
}

/** A string is its UTF-8 bytes (as ONLYOFFICE uses its secrets). */
/** An RSA or EC JWK (RFC 7518 6.2, 6.3), public or private. */
export interface AsymmetricJwk {
  kty: 'RSA' | 'EC';
  /** RSA: n, e (and d, p, q, dp, dq, qi for a private key). */
  n?: string;
  e?: string;
  /** EC: crv P-256 / P-384 / P-521, x, y (and d for a private key). */
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
  alg?: string;
  use?: string;
  key_ops?: string[];
  kid?: string;
  [member: string]: unknown;
}

/**
 * A JWK Set: the key is chosen by the token header's kid; without a kid,
 * the only key, else the only key that fits the token's alg (ambiguity is
 * refused).
 */
export interface JwkSet {
  keys: Array<OctJwk | AsymmetricJwk>;
}

/**
 * A string (its UTF-8 bytes, as ONLYOFFICE uses its secrets) or bytes: the
 * C core tells what they are, whatever the algorithm. PEM text (PUBLIC KEY,
 * RSA PUBLIC KEY, PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY,
 * CERTIFICATE; a BOM, CRLF and text before it allowed), DER, JWK or JWK Set
 * text is read as that key, and is never an HS* secret (an HS token with it
 * is `key_mismatch`); anything else is a shared secret.
 */
export type Key = string | Uint8Array | ArrayBuffer | ArrayBufferView | OctJwk | AsymmetricJwk | JwkSet;

/** What `kit.keyInfo` reports about a key. */
export interface KeyInfo {
  /** What the core classified the input as ('secret': a shared secret). */
  form: 'secret' | 'pem' | 'der' | 'jwk' | 'jwks';
  kind: 'oct' | 'RSA public' | 'RSA private' | 'EC public' | 'EC private';
  /** 'raw' for a plain secret. */
  format: 'raw' | 'JWK' | 'JWK Set' | 'SubjectPublicKeyInfo' | 'PKCS#1' | 'PKCS#8' | 'SEC1' | 'X.509 certificate';
  pem?: boolean;
  /** RSA modulus size, curve size, or secret size, in bits. */
  bits: number;
  curve?: 'P-256' | 'P-384' | 'P-521';
  kid?: string;
  /** RFC 7638 JWK thumbprint (SHA-256, base64url); absent for a raw secret. */
  thumbprint?: string;
  private?: boolean;
  /** The algorithms this key may serve (its type, curve and `alg`). */
  algorithms: Algorithm[];
  /** For certificates: no chain, date or name was validated. */
  note?: string;
}

export type JsonObject = { [name: string]: unknown };

export interface Parts {
  /** The signature segment as it appears in the token. */
  signature?: string;
  /** `header.payload`, the bytes the MAC covers. */
  signingInput?: string;
  signatureLength?: number;
  /** The decoded header/payload text when it is not a strict JSON object. */
  headerText?: string;
  payloadText?: string;
}

export interface Decoded extends Parts {
  header: JsonObject;
  payload: JsonObject;
  alg: Algorithm | null;
}

export interface VerifyResult extends Parts {
  valid: boolean;
  alg: Algorithm | null;
  header: JsonObject | null;
  payload: JsonObject | null;
  errors: Issue<ErrorCode>[];
  warnings: Issue<WarningCode>[];
}

export interface VerifyOptions {
  /**
   * Default (decided in C): ['HS256', 'HS384', 'HS512'] for a secret or
   * oct JWK; every supported algorithm for an RSA/EC key in any form (the
   * key's type then decides: an HS token with such a key is `key_mismatch`).
   */
  algorithms?: Algorithm[];
  /** Seconds since the epoch; default Date.now() / 1000. */
  now?: number;
  /** Seconds granted to exp and nbf; default 0 (Document Server uses 60). */
  clockTolerance?: number;
  /**
   * 'strict' (default) or 'onlyoffice': judge as Document Server does
   * (jsonwebtoken 9.0.2 with a KeyObject secret and {clockTolerance: 60});
   * the result is then a DsVerifyResult.
   */
  profile?: 'strict' | 'onlyoffice';
}

/** Options of the Document Server profile. */
export interface DsVerifyOptions {
  profile: 'onlyoffice';
  /** HS256/HS384/HS512 only; default all three (DS passes no `algorithms`). */
  algorithms?: ('HS256' | 'HS384' | 'HS512')[];
  /** Seconds since the epoch; floored as jsonwebtoken does. Default Date.now() / 1000. */
  now?: number;
  /**
   * Default 60 (DS's verifyOptions). When given, the strict comparison
   * uses it too; otherwise the strict comparison uses 0.
   */
  clockTolerance?: number;
  /**
   * The options object DS passes to jwt.verify() (its
   * services.CoAuthoring.token.verifyOptions), applied whole as
   * jsonwebtoken 9.0.2 applies it: algorithms, clockTolerance,
   * clockTimestamp, ignoreExpiration, ignoreNotBefore, maxAge, audience,
   * issuer, subject, jwtid, nonce, complete, with their validation errors.
   * null: no options at all. Not with `algorithms` / `clockTolerance`; a
   * RegExp is refused (DS's JSON configuration cannot hold one).
   */
  verifyOptions?: JsonObject | null;
  /** A readServerConfig result (or local.json text) whose verifyOptions are applied; not with verifyOptions. */
  serverConfig?: ServerConfig | string;
}

/** The class of the error DS's jsonwebtoken call throws (`Error`: jws's "Missing algorithm parameter"). */
export type DsErrorName = 'JsonWebTokenError' | 'TokenExpiredError' | 'NotBeforeError' | 'TypeError' | 'SyntaxError' | 'Error';

/** What jwt.verify() returns to DS with verifyOptions.complete: its reads of decoded.document, decoded.key, ... find nothing. */
export interface DsCompleteDecoded {
  header: unknown;
  payload: unknown;
  signature: string;
}

/** kit.verify(token, secret, { profile: 'onlyoffice' }). */
export interface DsVerifyResult {
  /** Whether Document Server accepts the token. */
  valid: boolean;
  profile: 'onlyoffice';
  alg: 'HS256' | 'HS384' | 'HS512' | null;
  /** The header as DS sees it (read as Latin-1, last duplicate wins); null when not JSON. */
  header: unknown;
  /**
   * The payload as DS sees it: usually an object; an array, string, number…
   * when DS accepts such payloads; the raw text (a string) when the header
   * has no typ JWT and the text is not a JSON object/array; null when not reached.
   */
  payload: unknown;
  /**
   * `JsonWebTokenError`, … or null when jsonwebtoken throws nothing: when
   * valid, and when it returns a false-like payload (0, false, "") that DS
   * refuses (valid false, errors[0].code `falsy_payload`: every caller of
   * DocsCoServer.js checkJwt tests the decoded value for truth).
   */
  serverError: DsErrorName | null;
  /** The exact err.message DS logs (`jwt expired`, `invalid signature`, a raw SyntaxError text, …); null when serverError is. */
  serverMessage: string | null;
  /** 4006 (JsonWebTokenError), 4005 (TokenExpiredError), or null (valid, or no close code). */
  closeCode: 4005 | 4006 | null;
  /** At most one: DS's failure with our code (verify_* for what an option refuses) and a sentence. */
  errors: Issue<ErrorCode | VerifyOptionCode>[];
  /** What DS tolerates: duplicate_last_wins, crit_ignored, header_latin1, payload_not_utf8, … */
  warnings: Issue<WarningCode>[];
  /** Where the strict profile decides otherwise (its codes when DS accepts, DS's code when only DS refuses). */
  differences: Issue<ErrorCode | WarningCode>[];
  headerText?: string;
  payloadText?: string;
  signature?: string;
  signingInput?: string;
  /** With verifyOptions.complete true, when DS accepts: the value jwt.verify() returns. */
  decoded?: DsCompleteDecoded;
}

/** A character explainSecret adds or removes at one end of the secret. */
export type SecretWhitespace = 'space' | 'tab' | 'cr' | 'newline' | 'crlf' | 'nbsp' | 'zwsp' | 'bom';

/**
 * Variants explainSecret tries. Order: as-is; without-trailing-*, without-leading-*;
 * trimmed; without-quotes; with-trailing-*, with-leading-*; with-quotes; the decodings;
 * default-secret; the server config's other secrets.
 */
export type SecretVariant =
  | 'as-is' | 'trimmed' | 'with-quotes' | 'without-quotes' | 'base64-decoded' | 'base64url-decoded'
  | 'hex-decoded' | 'default-secret'
  | `with-trailing-${SecretWhitespace}` | `with-leading-${SecretWhitespace}`
  | `without-trailing-${SecretWhitespace}` | `without-leading-${SecretWhitespace}`
  | 'inbox-secret' | 'outbox-secret' | 'session-secret' | 'browser-secret' | 'storage-secret';

/** What a marked character of a secret is (kit.onlyoffice.compareSecrets). */
export type SecretMarkKind =
  | 'space' | 'tab' | 'cr' | 'lf' | 'control' | 'nbsp' | 'other_space' | 'zero_width' | 'bidi'
  | 'quote' | 'homoglyph' | 'fullwidth' | 'dash' | 'invalid_utf8' | 'replacement';

/** One character of a secret a person cannot see or can mistake for another. */
export interface SecretMark {
  /** Offset of its first byte in the UTF-8 of the secret. */
  byte: number;
  /** Its place in characters (code points), from 0. */
  index: number;
  /** "U+00A0"; a byte that is not UTF-8 as "0xC3". */
  codepoint: string;
  kind: SecretMarkKind;
  /** The ASCII character it passes for (" " for a no-break space, "a" for Cyrillic а), or null. */
  looksLike: string | null;
}

/** One secret as compareSecrets sees it. */
export interface SecretSide {
  bytes: number;
  chars: number;
  utf8: boolean;
  marks: SecretMark[];
  /** Marks past the first 64, counted only. */
  moreMarks: number;
}

/** kit.onlyoffice.compareSecrets(a, b, { token }): no byte of either secret is in it. */
export interface SecretComparison {
  a: SecretSide;
  b: SecretSide;
  /** Same bytes (compared in constant time). */
  equal: boolean;
  /** Same once look-alikes read as ASCII, invisible characters dropped, and blanks and one pair of quotes removed at the ends. */
  equalCleaned: boolean;
  /** Where they first differ (byte offset and character index), the code point there in each (null: that secret ends there), and whether the two are ASCII characters people confuse (0 O o, 1 l I |). */
  firstDifference: { byte: number; index: number; a: string | null; b: string | null; confusable: boolean } | null;
  /** Which secret verifies options.token; null without a token or when it is no HS256/384/512 token with a whole signature. */
  verifies: 'a' | 'b' | 'both' | 'neither' | null;
}

/** kit.onlyoffice.explainSecret(token, secret, { serverConfig }). */
export interface SecretExplanation {
  /** The MAC verifies with the secret exactly as given (claims are not judged). */
  verifies: boolean;
  /** The first variant whose MAC matches; null when none does. */
  variant: SecretVariant | null;
  /** What matched and what that says about the setup. */
  message: string;
  /** The message's code and params (its catalog entry says it in any language). */
  code: 'secret_explained';
  params: Params;
  /** The HS algorithm tried (header alg, else the MAC length); null when nothing could be tried. */
  alg: 'HS256' | 'HS384' | 'HS512' | null;
  /** The variants that applied and were tried, in order. */
  tried: SecretVariant[];
  /**
   * secret_as_token (a secret pasted as the token), token_as_secret (a JWT
   * pasted as the secret), payload_latin1 (btoa-style Latin-1 payload),
   * payload_not_utf8, payload_replacement_char (U+FFFD already in the
   * payload), payload_double_encoded (payload, or its `payload` member, is a
   * string holding JSON).
   */
  findings: Issue<OnlyofficeCode>[];
}

/** One finding of a configuration check. */
export interface Finding {
  severity: 'error' | 'warning' | 'info';
  code: OnlyofficeCode | ErrorCode;
  /** JSON path into local.json (or the Docker variable name); '' for the whole file. */
  path: string;
  message: string;
  fix: string;
  /** The values message and fix use (see Issue.params). */
  params: Params;
}

/** A secret resolved as Document Server does: string first, then file. */
export interface ResolvedSecret {
  /** 'unknown': Docker without JWT_SECRET (a random secret per container start). */
  source: 'string' | 'file' | 'none' | 'unknown';
  /** The secret, when it comes from `string`. */
  value: string | null;
  /** The path, when it comes from `file` (the server reads it raw; oojwt cannot). */
  file: string | null;
}

/** What readConnectorSettings read, as the connector uses it. */
export interface ConnectorSettingValues {
  /** Whether the text gives a secret; secret is null when it is unreadable (masked by occ, computed in PHP). */
  secretSet: boolean;
  /** The secret as the connector stores it (Mattermost: TrimSpaced). */
  secret: string | null;
  /** The header the connector uses (its default when not given: Authorization, Mattermost AuthorizationJWT). */
  header: string | null;
  headerSet: boolean;
  /** The prefix the connector sends and cuts: "Bearer " (PHP connectors cut 7 characters whatever they are), Mattermost's trimmed setting. */
  prefix: string | null;
  /** Seconds of clock skew php-jwt forgives: Nextcloud/ownCloud jwt_leeway (0 when unset), Moodle 60; null when the connector has none. */
  leeway: number | null;
  /** Nextcloud verify_peer_off / Moodle disable_verify_ssl; null when unset. */
  verifyPeerOff: boolean | null;
  documentServerUrl: string | null;
  documentServerInternalUrl: string | null;
  storageUrl: string | null;
}

/** kit.onlyoffice.readConnectorSettings(text, { serverConfig, defaultJsonText, certificateSelfSigned }). */
export interface ConnectorSettings {
  /** Which paste this is; 'unknown' when none (see findings). */
  form: 'php-config' | 'occ-get' | 'occ-list' | 'moodle' | 'mattermost' | 'unknown';
  connector: 'nextcloud' | 'owncloud' | 'moodle' | 'mattermost' | null;
  /** false when the text fits more than one connector (config.php without 'version': Nextcloud is named). */
  certain: boolean;
  settings: ConnectorSettingValues;
  /** What the settings say by themselves (syntax, leeway 0, certificate checks off, Mattermost's refusals). */
  findings: Finding[];
  /** With options.serverConfig: the connector's secret against secret.inbox and secret.outbox, and what disagrees. */
  comparison: {
    secrets: { inbox: 'equal' | 'differ' | 'unknown'; outbox: 'equal' | 'differ' | 'unknown' };
    findings: Finding[];
  } | null;
}

/** kit.onlyoffice.readServerConfig(localJsonText, { defaultJsonText }). */
export interface ServerConfig {
  /** browser is resolved too, but not read by DS since 7.2 (config tokens use inbox). */
  secrets: { inbox: ResolvedSecret; outbox: ResolvedSecret; session: ResolvedSecret; browser: ResolvedSecret };
  /** JavaScript truthiness of token.enable.browser / .request.inbox / .request.outbox. */
  enabled: { browser: boolean; inbox: boolean; outbox: boolean };
  /** null when the merged value is not a string. */
  inbox: { header: string | null; prefix: string | null };
  outbox: { header: string | null; prefix: string | null; algorithm: string | null; expires: string | null };
  /** token.verifyOptions after the merge (jsonwebtoken verify options). */
  verifyOptions: JsonObject | null;
  tokenRequiredParams: boolean;
  /**
   * What the text was: local.json ('json'), Docker env, compose or docker run
   * lines ('docker'), a part of local.json as `json -f local.json PATH` prints
   * it ('fragment'), or one line that is a secret ('secret': nothing is read,
   * no defaults; the one finding is config_is_secret).
   */
  form: 'json' | 'docker' | 'secret' | 'fragment';
  findings: Finding[];
  /**
   * storage.fs.secretString: the secret Document Server signs download
   * links with (default.json: "verysecretstring"); nginx must check them
   * with the same $secure_link_secret. 'unknown': Docker settings without
   * SECURE_LINK_SECRET (the container makes a new one at every start).
   */
  storageSecret: { source: 'string' | 'none' | 'unknown'; value: string | null };
}

/** The values kit.onlyoffice.commands builds its commands from (all optional). */
export interface CommandContext {
  /** Docker container of Document Server; without it the commands are for a package install (sudo). */
  container?: string;
  /** Document Server's address as the connector reaches it (http:// or https://). */
  url?: string;
  /** IP address or DNS name the certificate must cover. */
  host?: string;
  /** nextcloud, owncloud or moodle: the connector-side setting. */
  connector?: string;
  /** The JWT header (JWT_HEADER, token.inbox.header), default Authorization. */
  header?: string;
  /** Document Server's version ("8.2", "7.3.3"): /command since 8.2, CommandService.ashx before; a header token before 7.1. */
  version?: string;
  /** Who signs the check_command token: openssl in the shell (default) or oojwt. */
  signWith?: 'openssl' | 'oojwt';
  /** The certificate is self-signed (Nextcloud's verify_peer_off is added). */
  selfSigned?: boolean;
  /** Write options.secret itself into the commands (else they read "$JWT_SECRET", asked for without echo). */
  includeSecret?: boolean;
}

/** One ready-to-run command. */
export interface ReadyCommand {
  id: 'read_secret' | 'check_command' | 'make_certificate' | 'update_securelink' | 'connector_setting';
  /** Where to run it. */
  runOn: 'ds_host' | 'connector_host' | 'any';
  /** Shell text (POSIX sh), lines joined by \n; every value quoted. */
  text: string;
  /** One line for people (English); id and params are for translations. */
  explanation: string;
  params: Record<string, string>;
}

/** kit.onlyoffice.inspectDownloadUrl(url, { secret, now }). */
export interface DownloadUrlInspection {
  /**
   * status: what nginx answers (200, 400, 403, 410); null when it cannot be told (no secret, not a link nginx checks).
   * message in English; code and params say it in any language (words.message(verdict), web/lib/words.mjs).
   */
  verdict: { ok: boolean; status: 200 | 400 | 403 | 410 | null; message: string; code: LinkVerdictCode; params: Record<string, string | number> };
  /** The URL's parts as written (null when it is not a URL); prefix: a reverse proxy's path before /cache/files/. */
  url: { scheme: string | null; host: string | null; port: number | null; prefix: string; path: string; query: string | null } | null;
  /** nginx's $uri from /cache/files on: what the md5 covers (null when nginx refuses the path). */
  signedPath: string | null;
  /** The first md5 / expires / filename arguments, raw (as nginx's $arg_*). */
  args: { md5: string | null; expires: string | null; filename: string | null };
  /** null when expires is not a valid number. utc / relative come from C; local is the caller's time zone. */
  expires: { epoch: number; utc: string; relative: string; expired: boolean; local: string | null } | null;
  /** true when a secret was given and the signature compared. */
  checked: boolean;
  /** The forms of the path and of the secret the md5 matches (as-sent / as-is when it verifies), null when none. */
  match: {
    path: 'as-sent' | 'not-normalized' | 'decoded-twice' | 'proxy-decoded' | 'not-decoded';
    secret: 'as-is' | 'trimmed' | 'with-trailing-newline' | 'without-trailing-newline' | 'with-quotes' | 'without-quotes' | 'default-link-secret';
  } | null;
  /** The md5 this path, expires and secret give. */
  expectedMd5: string | null;
  findings: Finding[];
}

/** One listen directive of kit.onlyoffice.readNginxConfig. */
export interface NginxListen {
  /** "0.0.0.0", "[::]", "127.0.0.1", "" for a bare port. */
  address: string;
  /** 80 when only an address is given; 0 for unix: sockets. */
  port: number;
  ssl: boolean;
  http2: boolean;
  defaultServer: boolean;
  line: number;
}

/** kit.onlyoffice.readNginxConfig(text, { serverConfig }). */
export interface NginxConfig {
  /** The first `set $secure_link_secret VALUE;` (quotes removed), null when none. */
  secureLinkSecret: string | null;
  listen: NginxListen[];
  ssl: {
    certificate: string | null;
    certificateKey: string | null;
    /** The first ssl_protocols directive, null when there is none. */
    protocols: Array<'SSLv2' | 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3'> | null;
  };
  /** include directives not followed (paste the included files too). */
  includes: number;
  /** With options.serverConfig: whether storage.fs.secretString equals the secret; null otherwise. */
  storageSecretMatches: boolean | null;
  /** path: "line N". */
  findings: Finding[];
}

/** kit.onlyoffice.compareSecureLinkSecrets(serverConfig, nginxConfig). */
export interface SecureLinkComparison {
  match: boolean;
  findings: Finding[];
}

/** kit.onlyoffice.inspectConfig(config, { secret, serverConfig, now }). */
export interface ConfigInspection {
  /**
   * What the editor ends with: closeCode 4006 / editorError -20 (not
   * correctly formed), 4005 / -21 (expired), 4004 / -23 (no rights), 4007
   * with editorError null (the connection dropped: a WOPI token with a
   * userAuth object), both null when it opens (ok) or when DS sets no close
   * code (ok false: e.g. "not authorized" for a false-like payload).
   */
  verdict: {
    ok: boolean; closeCode: 4004 | 4005 | 4006 | 4007 | null; editorError: -20 | -21 | -23 | null; message: string;
    /** The message's code and params. */
    code: 'config_verdict'; params: Params;
  };
  /**
   * Token checks in the server's order (paths like "token.document.key"),
   * then the config's own checks (api.js groups, URLs, key, user.id, a
   * secret inside the config). An api.js alert (the editor is not created)
   * makes the verdict { ok: false, closeCode: null } with the alert text.
   */
  findings: Finding[];
  /** null when the config has no token. */
  token: null | {
    /**
     * How DS's auth() takes the token (JavaScript truthiness): a truthy
     * fileInfo: 'wopi'; editorConfig.ds_sessionTimeConnect present (ds_view
     * before 8.2): 'reconnect'; a truthy version (8.3+): 'history'; else
     * 'opening'. DS opens the editor with each (finding not_an_opening_token
     * says with what); 'none' when verification stopped first.
     */
    kind: 'opening' | 'wopi' | 'reconnect' | 'history' | 'none';
    valid: boolean;
    alg: 'HS256' | 'HS384' | 'HS512' | null;
    serverError: DsErrorName | null;
    serverMessage: string | null;
    /** The payload as DS reads it. */
    payload: unknown;
    warnings: Issue<WarningCode>[];
    /** With verifyOptions.complete: what DS judges instead of the payload. */
    decoded?: DsCompleteDecoded;
  };
  /**
   * The config after the token's values override it (when the token opens
   * the editor; for a history token its key and url with mode view, for a
   * WOPI token the key and fileInfo's type, title, user and rights).
   */
  effectiveConfig: JsonObject | null;
  /** The connector that signed the config (named, or told from its shape). */
  sender: Sender | null;
}

/**
 * The connector that signed a config or a request to Document Server: named
 * in options.connector (confidence null), or told from the shape (the paths
 * of its URLs, its claims; finding connector_recognised). used: the token was
 * judged as it signs (named, or told with confidence high).
 */
export interface Sender {
  connector: string;
  confidence: 'low' | 'medium' | 'high' | null;
  used: boolean;
}

/**
 * The kinds of token the editor page sends Document Server (each verified
 * with secret.inbox and the same verifyOptions): the editor config and
 * refreshFile (the socket's auth), insertImage (the imgurls command),
 * setHistoryData (the socket's auth, 8.3+), setRevisedFile,
 * setRequestedDocument, setRequestedSpreadsheet, setReferenceData (also
 * setReferenceSource), setMailMergeRecipients (the tokenDownload of a
 * downloadAs request), and the token of a /downloadfile/ link.
 */
export type BrowserTokenKind =
  | 'config' | 'refreshFile' | 'insertImage' | 'setHistoryData' | 'setRevisedFile'
  | 'setRequestedDocument' | 'setRequestedSpreadsheet' | 'setReferenceData'
  | 'setMailMergeRecipients' | 'downloadFile';

/** Where a kind's token reaches Document Server, and so how a failure shows. */
export type BrowserTokenChannel = 'socket' | 'imgurls' | 'downloadAs' | 'downloadFile';

/**
 * kit.onlyoffice.tokenKind(tokenOrPayload): the kind from the payload's
 * members alone. 'certain': a member only that kind has (images, version,
 * referenceData, fileInfo, c "compare"); 'likely': the shape fits one kind
 * best (document/editorConfig: the config, which refreshFile shares;
 * {fileType: "png", url}: insertImage's single form); 'ambiguous': several
 * fit equally ({fileType: "docx", url}); 'unknown': none (kind null).
 */
export interface TokenKindGuess {
  kind: BrowserTokenKind | null;
  label: string | null;
  /** The label's code and params (absent when kind is null): beside the bare string. */
  labelCode?: 'token_kind_label';
  labelParams?: Params;
  confidence: 'certain' | 'likely' | 'ambiguous' | 'unknown';
  /** The kinds that fit, the best first. */
  candidates: BrowserTokenKind[];
  /** The members that decided. */
  why: string;
  /** Its code and params, beside the bare string. */
  whyCode: 'token_kind_why';
  whyParams: Params;
}

/** One entry of kit.onlyoffice.tokenKinds(). */
export interface BrowserTokenKindInfo {
  kind: BrowserTokenKind;
  label: string;
  /** The label's code and params, beside the bare string. */
  labelCode: 'token_kind_label';
  labelParams: Params;
  channel: BrowserTokenChannel;
  /** What Document Server reads from the payload. */
  reads: string;
  /** What it ignores. */
  ignores: string;
}

/** kit.onlyoffice.inspectBrowserToken(token, { secret, serverConfig, kind, now }). */
export interface BrowserTokenInspection {
  /** The kind judged; `guessed` and the confidence/candidates are tokenKind's. */
  kind: TokenKindGuess & { kind: BrowserTokenKind; chosen: boolean; guessed: BrowserTokenKind | null };
  /**
   * What Document Server answers on the kind's channel: socket -- closeCode
   * 4006 / 4005 / 4004, editorError -20 / -21 / -23; imgurls -- serverError
   * -121 (VKEY_ENCRYPT) and editorError -20 for any failure, expiry too;
   * downloadAs, downloadFile -- httpStatus 403. `checked` is false when DS
   * does not look at the token (insertImage with browser tokens off).
   */
  verdict: {
    ok: boolean;
    checked: boolean;
    channel: BrowserTokenChannel;
    closeCode: 4004 | 4005 | 4006 | null;
    editorError: -20 | -21 | -23 | null;
    serverError: -121 | null;
    httpStatus: 403 | null;
    message: string;
    /** The message's code and params. */
    code: 'browser_verdict';
    params: Params;
  };
  reads: string;
  ignores: string;
  /**
   * The DS profile's failure code (expired, bad_signature, ...),
   * kind_ambiguous, kind_mismatch, missing_token_field, bad_token_field,
   * url_not_absolute, token_not_checked, token_invalid_format,
   * not_an_opening_token.
   */
  findings: Finding[];
  /** null when the token was not verified (checked false). */
  token: null | {
    valid: boolean;
    alg: 'HS256' | 'HS384' | 'HS512' | null;
    serverError: DsErrorName | null;
    serverMessage: string | null;
    payload: unknown;
    warnings: Issue<WarningCode>[];
  };
}

/** Who receives the request: DS's callback to the integrator, or a request to DS. */
export type RequestKind = 'callback' | 'command' | 'converter' | 'docbuilder' | 'download';

/**
 * A request for inspectRequest. `headers`: an object (a value may be an
 * array: one header line each), an array of [name, value] pairs, a Map or
 * a fetch Headers; names match without regard to case, repeated headers
 * combine as Node combines them. `body`: the raw text, a Uint8Array
 * (UTF-8), or a JSON value (sent as its JSON text); absent or null: no
 * body. `url`: the request target, whose query the inbox services read
 * when the body is not JSON.
 */
export interface HttpRequestParts {
  headers?: Record<string, string | string[]> | Array<[string, string]> | Map<string, string> | { entries(): Iterable<[string, string]>; get(name: string): string | null };
  body?: string | Uint8Array | JsonObject | unknown[] | null;
  url?: string;
  method?: string;
}

/** One token inspectRequest found, verified with the Document Server profile. */
export interface RequestToken {
  /** body `token`; query `token` (no JSON body); the configured header; another header holding a JWT. */
  place: 'body' | 'query' | 'header' | 'other-header';
  /** The header's name for header places, else null. */
  header: string | null;
  /** Whether the receiver acts on this token (at most one does). */
  counts: boolean;
  /** Characters (bytes) of the token text. */
  length: number;
  /** The token text; null when the body's `token` is not a string. */
  token: string | null;
  valid: boolean;
  alg: 'HS256' | 'HS384' | 'HS512' | null;
  serverError: DsErrorName | null;
  /** What jsonwebtoken says (`invalid signature`, `jwt expired`, `jwt must be a string`, ...); null when it throws nothing (valid, or code falsy_payload). */
  serverMessage: string | null;
  /** Our code for the failure (expired, bad_signature, malformed, ...); null when valid. */
  code: ErrorCode | null;
  /** The payload as the receiver's jsonwebtoken reads it. */
  payload: unknown;
  warnings: Issue<WarningCode>[];
}

/** kit.onlyoffice.inspectRequest(request, secret, { kind, now, serverConfig }). */
export interface RequestInspection {
  kind: RequestKind;
  /**
   * What the receiver answers. command: httpStatus 200 with error 0, 6
   * (no or invalid token), 7 (expired) or 1 (no key); converter: -8 (any
   * token failure), -7 (key/filetype characters), else error null and
   * response null (the answer depends on the conversion); docbuilder: -8,
   * else null; callback: 403 {"message":"Access denied"} (error null) or
   * 200 {"error":0}.
   */
  verdict: {
    ok: boolean;
    /** 200 or 403; with one connector named, that connector's status (Moodle 200, Redmine 401, php-jwt 7's uncaught 500; 0 when not documented). */
    httpStatus: number;
    error: number | null;
    response: JsonObject | null;
    message: string;
    /** The code of message and its params ('request_answer'; 'connector_decides' when one connector is named). */
    code: 'request_answer' | 'connector_decides';
    params: Record<string, unknown>;
    /** Where the token that counts was found; null when none counts. */
    tokenUsed: 'body' | 'query' | 'header' | null;
  };
  /** wrong_prefix, token_missing, body_token_wins, token_in_other_header, unsigned_fields_ignored, header_token_trimmed, ... and the failing token's code. */
  findings: Finding[];
  tokens: RequestToken[];
  /**
   * What the receiver acts on: inbox services -- {} (or the plain params
   * with tokenRequiredParams false) with the decoded token, its `payload`
   * and its `query` assigned over it; callbacks -- the body token's payload
   * or the header token's `payload`. null when the token check refuses the
   * request (a request refused for a field, e.g. command error 1, shows it).
   */
  effectiveBody: JsonObject | null;
  /** Callbacks and downloads: each connector's decision (every row, or the one named); [] for other kinds. */
  connectors: ConnectorVerdict[];
  /** Command, converter, docbuilder: the connector that sent the request (null when none named or told). */
  sender: Sender | null;
}

/** How one connector (and its JWT library) decides on a callback. */
export interface ConnectorVerdict {
  id: string;
  name: string;
  /** Its library row in connectors().libraries. */
  library: string;
  /** true accepted, false refused, null when oojwt does not model what the library does with this token. */
  accepted: boolean | null;
  /** Why it refuses: iat_in_future, expired, not_yet_valid, alg_not_allowed, short_key, empty_key, bad_signature, token_missing, malformed, bad_header, bad_claim. */
  code: ErrorCode | WarningCode | null;
  /** Where it found the token. */
  place: 'body' | 'header' | null;
  /** Seconds of leeway it allowed. */
  leeway: number;
  /** Its answer: 200 when accepted; its refusal status (null when not documented). */
  httpStatus: number | null;
  /** The library's own words (its exception text). */
  libraryMessage: string | null;
  message: string;
  /** What to change, on the side that must change. */
  fix: string | null;
  /** The code of message and fix ('connector_decides'; `code` is taken) and their params: words.message({ code: messageCode, params: messageParams, message }). */
  messageCode: 'connector_decides';
  messageParams: Record<string, unknown>;
}

/** kit.onlyoffice.connectors(): the tables behind ConnectorVerdict, each row with its source. */
export interface ConnectorTables {
  libraries: Array<{
    id: string;
    name: string;
    algorithms: 'configured' | 'any-hs';
    iat: 'not-checked' | 'checked' | 'checked-unless-nbf';
    keyMinimum: boolean;
    emptyKeyRefused: boolean;
    /** true when its behaviour was run here with the library, false when read from its source. */
    run: boolean;
    source: string;
  }>;
  connectors: Array<{
    id: string;
    name: string;
    /** The name's code and params ({ connector: id }): words.message({ code: nameCode, params: nameParams, message: name }). */
    nameCode: 'connector_name';
    nameParams: { connector: string };
    library: string;
    location: 'body-first' | 'header-first' | 'body-only' | 'header-only';
    header: 'any-case' | 'exact-case' | 'wsgi' | 'authorization-only';
    prefix: 'cut-length' | 'starts-with' | 'optional' | 'replace-all' | 'split-whitespace';
    unwrapsPayload: boolean;
    leeway: number;
    leewaySetting: string | null;
    trimsSecret: 'no' | 'settings-page' | 'always';
    refusal: { status: number | null; body: string | null; log: string | null };
    source: string;
    /**
     * What it signs when it sends to Document Server: iat true/false (null:
     * not known); exp the lifetime in seconds, false for none (the token never
     * expires), true for an exp whose lifetime the source leaves open, null
     * when not known; where a request's token goes.
     */
    signs: {
      algorithm: 'HS256';
      config: { iat: boolean | null; exp: number | boolean | null };
      request: { iat: boolean | null; exp: number | boolean | null };
      requestToken: Array<'body' | 'header'> | null;
      setting: string | null;
      source: string | null;
    };
    /** How its download handler cuts the prefix of Document Server's download token. */
    downloadPrefix: 'cut-length' | 'starts-with' | 'optional' | 'replace-all' | 'split-whitespace';
    /** Path fragments of the URLs it puts in a config, '|' between them (null when none is known). */
    urlPaths: string | null;
  }>;
}

/** kit.onlyoffice: the Document Server rules. */
export interface Onlyoffice {
  /**
   * What Document Server's nginx answers for a download link
   * (.../cache/files/...?md5=&expires=&filename=, or just its path and
   * query): 200, 400, 403 or 410, and why. The secret is options.secret,
   * else serverConfig.storageSecret.value, else nginxConfig.secureLinkSecret
   * (each a result or its text); without one the signature is not checked.
   * now: seconds (default the clock).
   */
  inspectDownloadUrl(url: string, options?: {
    secret?: string | Uint8Array; serverConfig?: ServerConfig | string; nginxConfig?: NginxConfig | string; now?: number;
  }): DownloadUrlInspection;
  /**
   * A signed download link (the URL string). target: a link (or path) whose
   * md5 and expires are replaced, other arguments kept; or { base, path,
   * filename } built as Document Server builds it: base +
   * /cache/files/<path>/<encodeURIComponent(filename)> (filename default:
   * the last segment of path), then ?md5=&expires=&filename=. expires:
   * seconds since 1970, else now + expiresIn (default 900 s, storage.fs.
   * urlExpires). Throws OojwtError (link_bad_url, link_not_cache_path,
   * link_bad_path, bad_argument).
   */
  signDownloadUrl(target: string | { base: string; path: string; filename?: string }, options: {
    secret: string | Uint8Array; expires?: number; expiresIn?: number | string; now?: number;
  }): string;
  /**
   * nginx's configuration (ds.conf, includes/ds-*.conf, a proxy's server
   * block; several files may follow one another). serverConfig (a
   * readServerConfig result or local.json text) compares the secrets.
   */
  readNginxConfig(text: string, options?: { serverConfig?: ServerConfig | string }): NginxConfig;
  /**
   * storage.fs.secretString against $secure_link_secret (constant time);
   * a mismatch is why every download answers 403. Throws OojwtError
   * (nginx_no_secret) when the nginx text sets no secret.
   */
  compareSecureLinkSecrets(serverConfig: ServerConfig | string, nginxConfig: NginxConfig | string): SecureLinkComparison;
  /**
   * Ready-to-run commands built from `context`. Throws OojwtError
   * (bad_argument, with .field) for a value no command can carry safely.
   */
  commands(context?: CommandContext, options?: { secret?: string | Uint8Array }): { commands: ReadyCommand[] };
  /** The same as kit.verify(token, secret, { ...options, profile: 'onlyoffice' }). */
  verify(token: string, secret: string | Uint8Array, options?: Partial<DsVerifyOptions>): DsVerifyResult;
  /** Which variant of `secret` verifies `token`, and what else is off. */
  /** serverConfig (local.json text or a readServerConfig result): its other secrets are tried too. */
  explainSecret(token: string, secret: string | Uint8Array, options?: { serverConfig?: string | ServerConfig }): SecretExplanation;
  /** Two secrets side by side: lengths, invisible and look-alike characters, the first difference, which one verifies options.token. */
  compareSecrets(a: string | Uint8Array, b: string | Uint8Array, options?: { token?: string }): SecretComparison;
  /**
   * local.json text (or Docker env / compose lines with JWT_ENABLED,
   * JWT_SECRET, JWT_HEADER) merged over default.json (given, or the shipped
   * defaults) as node-config does.
   */
  readServerConfig(localJsonText: string, options?: { defaultJsonText?: string }): ServerConfig;
  /**
   * What an administrator pastes from the connector side -- Nextcloud /
   * ownCloud config.php ('onlyoffice' => [...]) or occ config:app:get /
   * config:list output, the Moodle plugin's settings, the Mattermost
   * plugin's config.json entry -- read as that connector uses it, and,
   * with serverConfig (the local.json text or Docker lines readServerConfig
   * takes), compared with Document Server's settings. certificateSelfSigned
   * says whether Document Server's certificate is self-signed (see
   * inspectCertificate). The report carries the secret.
   */
  readConnectorSettings(text: string, options?: { serverConfig?: string; defaultJsonText?: string; certificateSelfSigned?: boolean }): ConnectorSettings;
  /**
   * The config a page passes to DocsAPI.DocEditor (object or JSON text),
   * judged as DocService's auth() judges it. The inbox secret is
   * `secret`, else serverConfig.secrets.inbox.value (a serverConfig whose
   * inbox secret has neither string nor file means DS has none: every
   * token fails with "secret or public key must be provided", finding
   * no_secret); serverConfig (a
   * readServerConfig result or local.json text) also gives
   * enabled.browser (default true), tokenRequiredParams (default true) and
   * verifyOptions, applied whole as DS's jsonwebtoken applies them
   * (without serverConfig: the shipped { clockTolerance: 60 }).
   */
  inspectConfig(config: JsonObject | string, options?: {
    secret?: string | Uint8Array;
    serverConfig?: ServerConfig | string;
    now?: number;
    /**
     * The server's version ("8.1", "7.3.3"); default: the newest rules.
     * Before 8.2 editorConfig.mode is required in the token for any mode
     * (view too) and reconnect tokens carry editorConfig.ds_view; before
     * 8.3 a token with `version` is not a history token.
     */
    serverVersion?: string;
    /**
     * The connector that signed the config (an id of connectors().connectors):
     * what it signs, a token unlike it, a secret its library refuses to sign
     * with. Default: told from the config's URLs and claims (used when the
     * confidence is high); 'none': no connector checks.
     */
    connector?: string;
  }): ConfigInspection;
  /**
   * The config with its `token`: the whole config without `token` signed
   * (fields 'all', default, as the official integrations do) or only the
   * fields the server requires ('required'). `iat` (default true: the
   * floored clock) and `exp` (= iat + expiresIn) are added like
   * jsonwebtoken.sign adds them. Throws OojwtError (empty_key,
   * bad_argument when required fields are missing, ...).
   */
  /**
   * A request to Document Server (kind command, converter, docbuilder:
   * inbox secret, inbox header/prefix) or its callback to the integrator
   * (kind callback: outbox secret and header, judged as the connectors
   * judge it), as { headers, body } or the raw text of an HTTP request
   * (request line, headers, empty line, body; or a JSON body alone). The
   * secret may be null when serverConfig (a readServerConfig result or
   * local.json / Docker env text) has it as a string, or (inbox kinds) has
   * no inbox secret at all, which DS answers as an invalid token (finding
   * no_secret); serverConfig also
   * gives the header, prefix, enable flag, tokenRequiredParams and (inbox
   * kinds) verifyOptions, applied whole as DS's jsonwebtoken applies them
   * (without serverConfig: clock tolerance 60; callbacks 0, the
   * connectors' leeway; options.clockTolerance overrides the tolerance,
   * also inside verifyOptions). Throws TypeError for
   * wrong argument types, OojwtError(bad_argument) for a request object
   * of the wrong shape.
   */
  inspectRequest(request: HttpRequestParts | string, secret: string | Uint8Array | null | undefined, options: {
    kind: RequestKind;
    now?: number;
    serverConfig?: ServerConfig | string;
    clockTolerance?: number;
    /**
     * Callbacks, downloads: judge as this connector only (an id of
     * connectors().connectors); default every one. Command, converter,
     * docbuilder: the connector that sent it, as inspectConfig takes it.
     */
    connector?: string;
    /** Callbacks: the connector's leeway in seconds instead of each row's default (Nextcloud's jwt_leeway). */
    leeway?: number;
  }): RequestInspection;
  /** The connector and JWT library tables (a fresh copy each call). */
  connectors(): ConnectorTables;
  /** Which kind of token the editor page sends this is (a token, or a payload object). */
  tokenKind(tokenOrPayload: string | JsonObject): TokenKindGuess;
  /** Every kind, with its channel and what Document Server reads from it. */
  tokenKinds(): readonly BrowserTokenKindInfo[];
  /**
   * A token of the editor page judged as Document Server judges its kind:
   * options.kind (setReferenceSource is setReferenceData), else the guess
   * (the best candidate when ambiguous). The secret and serverConfig work
   * as in inspectConfig; serverVersion "8.2" or older has no history
   * branch. Throws TypeError for an unknown kind or a missing secret.
   */
  inspectBrowserToken(token: string, options: {
    secret?: string | Uint8Array;
    serverConfig?: ServerConfig | string;
    kind?: BrowserTokenKind | 'setReferenceSource';
    now?: number;
    serverVersion?: string;
  }): BrowserTokenInspection;
  signConfig<T extends JsonObject>(config: T, secret: string | Uint8Array, options?: {
    alg?: 'HS256' | 'HS384' | 'HS512';
    expiresIn?: number | string;
    fields?: 'all' | 'required';
    iat?: boolean | number;
    now?: number;
  }): T & { token: string };
}

export interface SignOptions {
  /** Default: header.alg, else 'HS256'. */
  alg?: Exclude<Algorithm, 'EdDSA'>;
  /** Members merged after {alg, typ: 'JWT'}; `typ: undefined` drops typ. */
  header?: JsonObject;
  /** true: the current time (floored); a number: that value. */
  iat?: true | number;
  /** Seconds, or a string with a unit: "90s", "30m", "1h", "7d", "2w". */
  expiresIn?: number | string;
  /** The clock used for iat/expiresIn; default Date.now() / 1000. */
  now?: number;
}

/**
 * The C core's report (src/core/report.c), byte offsets and all: the shape of
 * the JSON text that `kit.reports.*` return and `oojwt decode|verify --json` print.
 */
export interface Report {
  valid: boolean;
  alg: Algorithm | null;
  errors: Issue<ErrorCode>[];
  warnings: Issue<WarningCode>[];
  /** Issues not recorded because a list was full. */
  dropped: number;
  header: JsonObject | null;
  payload: JsonObject | null;
  headerText?: string;
  payloadText?: string;
  signatureLength?: number;
  /** Byte offsets of the two dots. */
  dots?: [number, number];
}

/** What `extract` cut off around a token, in text order. */
export interface Stripped {
  kind: 'whitespace' | 'quote' | 'header' | 'bearer' | 'text';
  /** Index in the pasted text where the piece starts. */
  pos: number;
  text: string;
}

export interface Extracted {
  /** The token found in the text (the text itself, trimmed, when none is found). */
  token: string;
  stripped: Stripped[];
}

export interface Toolkit {
  decode(token: string): Decoded;
  /**
   * Find the token in pasted text (`Bearer …`, an `Authorization:` header
   * line, a log line, quotes, whitespace) and list what was removed. Never
   * throws on any string; TypeError for a non-string.
   */
  extract(text: string): Extracted;
  sign(payload: JsonObject, key: Key, options?: SignOptions): string;
  verify(token: string, key: string | Uint8Array, options: DsVerifyOptions): DsVerifyResult;
  verify(token: string, key: Key, options?: VerifyOptions): VerifyResult;
  /**
   * The ONLYOFFICE Document Server rules (web/lib/onlyoffice.mjs). In a kit
   * loaded with `{ onlyoffice: false }` each function throws OojwtError
   * `not_loaded` until `await kit.loadOnlyoffice()` has resolved.
   */
  readonly onlyoffice: Onlyoffice;
  /**
   * Make kit.onlyoffice and kit.inspectCertificate available: instantiates
   * the full module (oojwt-full.wasm, or `options.wasm`) beside the core
   * when the kit was loaded with `{ onlyoffice: false }`; resolves at once
   * otherwise. Idempotent. Rejects with OojwtError `not_loaded` when the
   * module given is not the full one. Once it has resolved, decode, verify,
   * sign, extract, keyInfo and reports answer from the full module: the
   * same results, with the params of every error and warning (the core
   * module records none).
   */
  loadOnlyoffice(options?: { wasm?: LoadOptions['wasm'] }): Promise<Onlyoffice>;
  /** Describe a key (throws OojwtError `bad_key`, `key_mismatch`, ... when it cannot be read). */
  keyInfo(key: Key): KeyInfo;
  /**
   * Inspect a TLS certificate (PEM text, or DER bytes): names, dates, key,
   * fingerprint, host coverage, private-key match, findings (web/lib/cert.mjs).
   * Throws OojwtError `bad_certificate`, `too_large`, `bad_key` (privateKey
   * unreadable or not private) or `bad_argument` (empty host). A
   * `bad_certificate` error's params say its sentence in any language:
   * { reason: 'der', part } (which part of the DER is broken), { reason:
   * 'pem', pem, label?, detail? }, { reason: 'empty' } (see its catalog entry).
   */
  inspectCertificate(certificate: string | Uint8Array, options?: CertificateOptions): CertificateReport;
  /**
   * One diagnosis of any number of pasted texts (web/lib/diagnose.mjs, C:
   * src/diagnose/): what each is, every check that applies to them
   * together, one verdict. Throws OojwtError `too_large` (more than 16
   * texts or secrets, or an answer longer than a string can hold) and,
   * in a kit loaded with `{ onlyoffice: false }`, `not_loaded` until
   * `await kit.loadOnlyoffice()`.
   */
  diagnose(items: ReadonlyArray<string | DiagnoseItem>, options?: DiagnoseOptions): DiagnoseResult;
  /**
   * The symptom list (C: src/diagnose/symptoms.c): each message the
   * editor, a connector or Document Server's log shows when tokens fail,
   * in the product's own English and Simplified Chinese words with the
   * source of each, what it means, and what to paste next and where to
   * get it. kit.diagnose recognises each text, in either language, and
   * names its `id` in `items[].symptom`. A fresh array each call; throws
   * `not_loaded` like kit.diagnose.
   */
  symptoms(): Symptom[];
  /**
   * The same diagnosis as Markdown (the default) or plain text, for a forum
   * post or a support ticket (C: src/diagnose/export.c): the verdict with
   * its cause and fix, each item's name and kind (never its text), the
   * other findings and the commands. Every secret given or held by an item
   * (local.json's, Docker's JWT_SECRET, a connector's, nginx's
   * $secure_link_secret, a private key's lines) is written
   * `‹secret, N characters›`, every token `‹token, N characters›`; only
   * Document Server's public default "secret" is left as it is. Throws as
   * diagnose does; TypeError for a format that is neither.
   */
  exportDiagnosis(items: ReadonlyArray<string | DiagnoseItem>, options?: DiagnoseExportOptions): string;
  /** Algorithms this build signs and verifies. */
  readonly algorithms: readonly Algorithm[];
  /**
   * The same calls, returning the C report's JSON text unchanged (parse it
   * into a `Report`); never throws on a bad token.
   */
  readonly reports: {
    decode(token: string): string;
    verify(token: string, key: Key, options?: VerifyOptions): string;
  };
}

export interface LoadOptions {
  /**
   * The module's bytes, a compiled module, a Response, or its URL (default:
   * oojwt-full.wasm, or oojwt.wasm with `onlyoffice: false`, next to oojwt.mjs).
   */
  wasm?: BufferSource | WebAssembly.Module | Response | URL | string;
  /**
   * true (default): the full module, with kit.onlyoffice and
   * kit.inspectCertificate. false: the JWT core only (decode, verify, sign,
   * extract, keyInfo; every algorithm), a third of the size and faster to
   * start; kit.loadOnlyoffice() adds the rest later.
   */
  onlyoffice?: boolean;
}

export function loadToolkit(options?: LoadOptions): Promise<Toolkit>;

export class OojwtError extends Error {
  constructor(code: string, message: string, details?: { pos?: number; errors?: Issue[]; params?: Params });
  readonly name: 'OojwtError';
  code: ErrorCode;
  pos?: number;
  errors?: Issue<ErrorCode>[];
  /** The numbers, names and values the message uses, by name, as an
   * issue's params: the same code has the same catalog entry
   * (web/lib/locales/), so `catalogs.format(e.code, e.params, lang)` writes it in
   * another language. {} when the C side gave none (the JWT core module,
   * web/lib/oojwt.wasm, records no params; nor do most errors thrown for
   * a wrong argument). */
  params: Params;
  /** kit.onlyoffice.commands: the context member it refused. */
  field?: string;
}

/** Finding codes of kit.inspectCertificate (src/oojwt.h, 148 on). */
export type CertificateCode =
  | 'cert_expired' | 'cert_not_yet_valid' | 'cert_self_signed'
  | 'cert_host_not_covered' | 'cert_key_mismatch' | 'cert_weak_key'
  | 'cert_weak_signature' | 'cert_validity_too_long' | 'cert_cn_only'
  | 'cert_bad_self_signature';

export interface CertificateOptions {
  /** The private key (PEM PKCS#1/PKCS#8/SEC1 text or DER): does it match? */
  privateKey?: string | Uint8Array;
  /** The name or IP address clients connect to: is it covered? */
  host?: string;
  /** Seconds since the epoch (default: the clock). */
  now?: number;
}

export interface CertificateFinding {
  severity: 'error' | 'warning' | 'info';
  code: CertificateCode;
  message: string;
  fix: string;
  /** The values message and fix use (see Issue.params). */
  params: Params;
}

/** What kit.inspectCertificate reports (src/deploy/cert_json.c). */
export interface CertificateReport {
  /** "C=US, O=Example, CN=docs.example.com" (certificate order, RFC 4514 escapes). */
  subject: string;
  issuer: string;
  /** Issuer = subject, and the signature verifies with its own key where it was checked. */
  selfSigned: boolean;
  selfIssued: boolean;
  /** The self-signature was checked (RSA PKCS#1 v1.5 / ECDSA P-256/384/521, SHA-256/384/512). */
  signatureChecked: boolean;
  /** Upper-case hex, no leading zero bytes. */
  serial: string;
  /** Seconds since the epoch. */
  notBefore: number;
  notAfter: number;
  expired: boolean;
  notYetValid: boolean;
  san: { dns: string[]; ip: string[] };
  /** 'RSA', 'EC', 'Ed25519', 'Ed448', 'RSA-PSS' or a dotted OID. */
  keyType: string;
  keyBits: number;
  /** 'P-256', 'P-384', 'P-521', ... for EC keys, else null. */
  keyCurve: string | null;
  /** OpenSSL's name: 'sha256WithRSAEncryption', 'ecdsa-with-SHA256', ... */
  signatureAlgorithm: string;
  /** 'AB:CD:...' (32 bytes), as openssl x509 -fingerprint -sha256 prints it. */
  fingerprintSha256: string;
  /** null when no privateKey was given. */
  keyMatches: boolean | null;
  /** null when no host was given. */
  coversHost: boolean | null;
  /** How the host is covered: a DNS name, an IP address, or the CN (no DNS names at all). */
  coveredBy: 'dns' | 'ip' | 'cn' | null;
  findings: CertificateFinding[];
}

/** Codes of the diagnosis's own findings (src/oojwt.h, 240 on). */
export type DiagnoseCode =
  | 'diag_not_recognised' | 'diag_signed_with_other_secret' | 'diag_secret_variant'
  | 'diag_secret_unknown' | 'diag_token_verifies' | 'diag_no_secret'
  | 'diag_signature_truncated' | 'diag_token_rejected' | 'diag_no_token'
  | 'diag_ds_log' | 'diag_symptom' | 'diag_all_clear' | 'diag_token_unreadable'
  | 'diag_config_not_json' | 'diag_cert_no_ip';

/** One entry of kit.symptoms(). */
export interface Symptom {
  /** Stable snake_case id, e.g. 'editor_token_invalid', 'nextcloud_invalid_token'. */
  id: string;
  /** 'ONLYOFFICE editor', 'Document Server', 'Nextcloud', 'ownCloud', 'Moodle'. */
  product: string;
  /** The text exactly as the product writes it (its markup and placeholders kept: '<br>', '%s'); 'zh-CN' null where the product has no Chinese text. */
  texts: { en: string; 'zh-CN': string | null };
  /** Repository, file and key of each text; 'zh-CN' null exactly when the text is. */
  sources: { en: string; 'zh-CN': string | null };
  /** Which check failed, in plain words. */
  means: string;
  /** What to paste next, and where to get it (a command or a screen). */
  paste: Array<{ what: string; where: string }>;
}

/** What kit.diagnose recognises a text as (src/diagnose/recognise.c). */
export type DiagnoseKind =
  | 'unknown' | 'token' | 'authorization' | 'log-line' | 'ds-log' | 'editor-config'
  | 'page-source' | 'http-request' | 'request-body' | 'local-json' | 'docker-env'
  | 'docker-exec' | 'bare-value' | 'connector-settings' | 'nginx-config' | 'certificate'
  | 'pem-key' | 'download-link' | 'editor-error' | 'connector-error';

export interface DiagnoseItem {
  text: string;
  /** A file name or label, shown back in the report. */
  name?: string;
}

export interface DiagnoseOptions {
  /** Secrets the user typed: strings (their UTF-8 bytes), bytes, or named. */
  secrets?: ReadonlyArray<string | Uint8Array | { value: string | Uint8Array; name?: string }>;
  /** Seconds since the epoch (default: the clock). */
  now?: number;
}

export interface DiagnoseExportOptions extends DiagnoseOptions {
  /** 'markdown' (default) or 'text'. */
  format?: 'markdown' | 'text';
}

/** A ready-to-run command of a diagnosis (src/deploy/commands.c), never holding a secret. */
export interface DiagnoseCommand {
  id: 'read_secret' | 'check_command' | 'make_certificate' | 'update_securelink' | 'connector_setting';
  runOn: 'ds_host' | 'connector_host' | 'any';
  /** Index of the item it answers, null when none. */
  item: number | null;
  /** The shell text, lines joined by \n. */
  text: string;
  explanation: string;
}

/** Any code a diagnosis may report: its own, and those of the inspections it folds in. */
export type DiagnoseFindingCode = ErrorCode | WarningCode | DeployCode | CertificateCode;

export interface DiagnoseFinding {
  severity: 'error' | 'warning' | 'info';
  code: DiagnoseFindingCode;
  /** Index of the item it rests on, null when none. */
  item: number | null;
  path: string | null;
  message: string;
  fix: string;
  /** The values message and fix use (see Issue.params). */
  params: Record<string, string | number>;
}

export interface DiagnoseResult {
  /** The most important finding, with the headline; null only for no items. */
  verdict: {
    severity: 'error' | 'warning' | 'info';
    code: DiagnoseFindingCode;
    /** The consequence for the user, then the cause. */
    headline: string;
    /** Who refuses what: the start of the headline. */
    consequence: string;
    /** The consequence's code (its catalog entry) and the values its sentence uses. */
    consequenceCode: 'diag_consequence';
    consequenceParams: { kind: string; who?: string; host?: string; error?: number };
    cause: string;
    fix: string;
    items: number[];
    params: Record<string, string | number>;
  } | null;
  items: Array<{
    index: number;
    name: string | null;
    kind: DiagnoseKind;
    label: string;
    confidence: 'high' | 'medium' | 'low';
    why: string;
    /** What the recogniser read: the connector, the docker exec key, ... */
    detail: string | null;
    /** For `unknown`: the closest kind, when there is one. */
    guess: DiagnoseKind | null;
    /** The token found in the text, if any. */
    token: string | null;
    /** The symptom (kit.symptoms() id) the text shows: an editor, connector or Document Server log message. */
    symptom: string | null;
  }>;
  /** Every finding, most important first (the verdict's is the first). */
  findings: DiagnoseFinding[];
  /** The commands that carry out the fixes, built from the items' values. */
  commands: DiagnoseCommand[];
  secretsHeld: number;
  tokensChecked: number;
  dropped: number;
}
