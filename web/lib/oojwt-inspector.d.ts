// Types for web/lib/oojwt-inspector.mjs (the <oojwt-inspector> element).
import type {
  Algorithm, BrowserTokenInspection, BrowserTokenKind, DsVerifyResult, Key, LoadOptions, Report, SecretVariant, TokenKindGuess, VerifyResult,
} from './oojwt.js';

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
  result: VerifyResult | DsVerifyResult | BrowserTokenInspection | Report | null;
  /** profile="onlyoffice": the token's kind (the one judged, when verified); null otherwise. */
  kind: TokenKindGuess | BrowserTokenInspection['kind'] | null;
  /**
   * When the signature fails with a secret: kit.onlyoffice.explainSecret's
   * variant that verifies (null: none does) and its message ("the secret has
   * a trailing newline"); null when the signature did not fail, or before
   * oojwt-full.wasm has loaded (the element loads it on the first failure
   * and dispatches again).
   */
  forensics: { variant: SecretVariant | null; message: string } | null;
}

/** The element's colours: "auto" (the default) follows the OS setting; "light"/"dark" the host page's theme. */
export type InspectorTheme = 'auto' | 'light' | 'dark';

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
   * Document Server judges that kind (loads oojwt-full.wasm on first use); a
   * token of no editor-page kind is verified with kit.verify's profile
   * 'onlyoffice' (clock tolerance 60 s unless `clock-tolerance` is set).
   */
  profile: 'jwt' | 'onlyoffice';
  /**
   * The connector on the other side (the `connector` attribute): an id of
   * kit.onlyoffice.connectors().connectors, e.g. "nextcloud"; passed to the
   * Document Server inspections as their `connector` option. undefined: none.
   */
  connector: string | undefined;
  /** The `theme` attribute: "light" or "dark" to follow the host page's theme; "auto" (attribute absent) follows the OS. */
  theme: InspectorTheme;
  /**
   * The `lang` attribute (HTMLElement's own `lang` property reflects it): the
   * language of the element's words, e.g. "zh-CN" or "en". Without it, the
   * nearest `lang` of the host page (its `<html lang>`), else the browser's
   * (navigator.languages).
   */
  lang: string;
  /** The language the element speaks: a tag web/lib/words.mjs has catalogs for ('en' for any other). */
  readonly language: 'en' | 'zh-CN';
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
