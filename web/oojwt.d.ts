// Types for web/oojwt.mjs.

/** Stable error codes (see src/oojwt.h). */
export type ErrorCode =
  | 'malformed' | 'bad_base64' | 'bad_json' | 'duplicate_member'
  | 'alg_not_allowed' | 'alg_none' | 'bad_signature' | 'expired'
  | 'not_yet_valid' | 'bad_claim' | 'not_an_object' | 'too_large'
  | 'too_deep' | 'bad_header' | 'unsupported_alg' | 'crit_unsupported'
  | 'empty_key' | 'bad_key' | 'key_mismatch' | 'bad_argument'
  | 'no_memory' | 'buffer_too_small';

/** Warning codes: never make a token invalid. */
export type WarningCode = 'short_key' | 'typ_not_jwt' | 'iat_in_future';

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
}

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
export type Key = string | Uint8Array | ArrayBuffer | ArrayBufferView | OctJwk;

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
  /** Default: ['HS256', 'HS384', 'HS512']. */
  algorithms?: Algorithm[];
  /** Seconds since the epoch; default Date.now() / 1000. */
  now?: number;
  /** Seconds granted to exp and nbf; default 0 (Document Server uses 60). */
  clockTolerance?: number;
}

export interface SignOptions {
  /** Default: header.alg, else 'HS256'. */
  alg?: 'HS256' | 'HS384' | 'HS512';
  /** Members merged after {alg, typ: 'JWT'}; `typ: undefined` drops typ. */
  header?: JsonObject;
  /** true: the current time (floored); a number: that value. */
  iat?: true | number;
  /** Seconds, or a string with a unit: "90s", "30m", "1h", "7d", "2w". */
  expiresIn?: number | string;
  /** The clock used for iat/expiresIn; default Date.now() / 1000. */
  now?: number;
}

export interface Toolkit {
  decode(token: string): Decoded;
  sign(payload: JsonObject, key: Key, options?: SignOptions): string;
  verify(token: string, key: Key, options?: VerifyOptions): VerifyResult;
  /** Algorithms this build signs and verifies. */
  readonly algorithms: readonly Algorithm[];
}

export interface LoadOptions {
  /** The module's bytes, a compiled module, a Response, or its URL. */
  wasm?: BufferSource | WebAssembly.Module | Response | URL | string;
}

export function loadToolkit(options?: LoadOptions): Promise<Toolkit>;

export class OojwtError extends Error {
  constructor(code: string, message: string, details?: { pos?: number; errors?: Issue[] });
  readonly name: 'OojwtError';
  code: ErrorCode;
  pos?: number;
  errors?: Issue<ErrorCode>[];
}
