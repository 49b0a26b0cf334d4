// Types for web/lib/oojwt-inspector.mjs (the <oojwt-inspector> element).
import type { Algorithm, Key, LoadOptions, Report, VerifyResult } from './oojwt.js';

export type InspectorVerdict = 'valid' | 'invalid' | 'unverified' | 'empty';

/** The detail of the `oojwt-verdict` event (never contains the secret). */
export interface InspectorVerdictDetail {
  verdict: InspectorVerdict;
  /** Error codes, in the order found. */
  codes: string[];
  /** Warning codes. */
  warnings: string[];
  /** kit.verify()'s result when verified; the C report when only decoded; null when empty. */
  result: VerifyResult | Report | null;
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
