// Types for web/lib/oojwt-inspector.mjs (the <oojwt-inspector> element).
import type { Algorithm, BrowserTokenInspection, BrowserTokenKind, Key, LoadOptions, Report, TokenKindGuess, VerifyResult } from './oojwt.js';

export type InspectorVerdict = 'valid' | 'invalid' | 'unverified' | 'empty';

/** The detail of the `oojwt-verdict` event (never contains the secret). */
export interface InspectorVerdictDetail {
  verdict: InspectorVerdict;
  /** Error codes, in the order found. */
  codes: string[];
  /** Warning codes. */
  warnings: string[];
  /**
   * kit.verify()'s result when verified (profile="onlyoffice":
   * kit.onlyoffice.inspectBrowserToken's); the C report when only decoded;
   * null when empty.
   */
  result: VerifyResult | BrowserTokenInspection | Report | null;
  /** profile="onlyoffice": the token's kind (the one judged, when verified); null otherwise. */
  kind: TokenKindGuess | BrowserTokenInspection['kind'] | null;
}

export class OojwtInspector extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Options for loadToolkit(), read when the first element connects. */
  static loadOptions: LoadOptions;
  /** The token (the `token` attribute sets it too; typing in the element updates it). */
  token: string;
  /** "verify" (default) or "decode" (the `mode` attribute). */
  mode: 'verify' | 'decode';
  /** Property only, never an attribute. Reads back '(set)' or undefined, never the secret. */
  set secret(value: Key | null | undefined);
  get secret(): '(set)' | undefined;
  /** Seconds since the epoch to judge exp/nbf at (the `now` attribute); default the clock. */
  now: number | undefined;
  /** Seconds granted to exp/nbf (the `clock-tolerance` attribute). */
  clockTolerance: number;
  /** Allowed algorithms (the `algorithms` attribute, comma-separated). */
  algorithms: Algorithm[] | undefined;
  /**
   * "onlyoffice" (the `profile` attribute): the token is one the ONLYOFFICE
   * editor page sends; its kind is shown and, with a secret, it is judged as
   * Document Server judges that kind (loads oojwt-full.wasm on first use).
   */
  profile: 'jwt' | 'onlyoffice';
  /** The kind to judge by (the `kind` attribute, or the element's select); undefined: the guess. */
  kind: BrowserTokenKind | undefined;
  /** The detail of the last `oojwt-verdict` event. */
  readonly result: InspectorVerdictDetail | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'oojwt-inspector': OojwtInspector;
  }
  interface HTMLElementEventMap {
    'oojwt-verdict': CustomEvent<InspectorVerdictDetail>;
  }
}
