// <oojwt-inspector>: the token inspector as a custom element, for admin
// dashboards. Two lines embed it:
//
//   <script type="module" src="/path/to/oojwt-inspector.mjs"></script>
//   <oojwt-inspector token="eyJ…"></oojwt-inspector>
//
// Attributes (and properties): token, mode ("verify", the default, or
// "decode"), now (seconds; default the clock), clock-tolerance (seconds),
// algorithms ("HS256,HS384"). The secret is a property only
// (`el.secret = '…'`, a Uint8Array or an oct JWK), never an attribute, so
// it stays out of the DOM, of outerHTML and of devtools' element view.
//
// After every change it dispatches `oojwt-verdict` (bubbles, composed) with
// { verdict, codes, warnings, result }: verdict is "valid", "invalid",
// "unverified" (decoded; no secret or mode="decode") or "empty".
//
// Styling: inside a shadow root; CSS custom properties --oojwt-font,
// --oojwt-mono, --oojwt-fg, --oojwt-bg, --oojwt-muted, --oojwt-border,
// --oojwt-radius, --oojwt-valid, --oojwt-invalid, --oojwt-warning; parts
// container, label, token, verdict, findings, finding, claims, header,
// payload. Strict CSP: no inline script or style and no eval; the page needs
// `script-src 'self' 'wasm-unsafe-eval'` and `connect-src 'self'` (the
// module fetches oojwt.wasm, the JWT core, next to oojwt.mjs).
import { loadToolkit } from './oojwt.mjs';
import { visibleNodes } from './visible.mjs';

const CSS = `
:host {
  display: block;
  font: var(--oojwt-font, 14px/1.45 system-ui, sans-serif);
  color: var(--oojwt-fg, #1d2330);
  background: var(--oojwt-bg, #ffffff);
  border: 1px solid var(--oojwt-border, #cfd5de);
  border-radius: var(--oojwt-radius, 8px);
  padding: 12px;
  box-sizing: border-box;
  min-width: 0;
}
@media (prefers-color-scheme: dark) {
  :host {
    color: var(--oojwt-fg, #e4e8ef);
    background: var(--oojwt-bg, #161a21);
    border-color: var(--oojwt-border, #3a414d);
  }
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.container { display: grid; gap: 10px; min-width: 0; }
label { font-weight: 600; }
textarea {
  width: 100%; min-height: 4.5em; resize: vertical;
  font: 13px/1.4 var(--oojwt-mono, ui-monospace, monospace);
  color: inherit; background: transparent;
  border: 1px solid var(--oojwt-border, #cfd5de); border-radius: 6px; padding: 6px;
  overflow-wrap: anywhere; word-break: break-all;
}
[role="status"] { font-weight: 600; padding: 6px 8px; border-radius: 6px; border-left: 4px solid var(--oojwt-muted, #7a8494); }
[data-verdict="valid"] { border-left-color: var(--oojwt-valid, #1a7f37); }
[data-verdict="invalid"] { border-left-color: var(--oojwt-invalid, #c62828); }
[data-verdict="unverified"] { border-left-color: var(--oojwt-warning, #b26a00); }
ul { margin: 0; padding-left: 1.2em; }
li code { font: 12px var(--oojwt-mono, ui-monospace, monospace); font-weight: 700; }
li.error code { color: var(--oojwt-invalid, #c62828); }
li.warning code { color: var(--oojwt-warning, #b26a00); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; }
dt { font: 12px var(--oojwt-mono, ui-monospace, monospace); font-weight: 700; }
dd { margin: 0; }
.parts { display: grid; grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: 10px; }
h3 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--oojwt-muted, #7a8494); }
pre {
  margin: 0; padding: 6px; white-space: pre-wrap; overflow-wrap: anywhere;
  font: 12px/1.4 var(--oojwt-mono, ui-monospace, monospace);
  border: 1px solid var(--oojwt-border, #cfd5de); border-radius: 6px;
}
[hidden] { display: none !important; }
.hidden-char {
  unicode-bidi: isolate; direction: ltr; color: var(--oojwt-invalid, #c62828);
  border: 1px solid currentColor; border-radius: 3px; padding: 0 1px; font-size: .85em; font-weight: 600;
}
`;

let sheet;
function styles() {
  if (sheet === undefined) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

let kitPromise;
/**
 * The toolkit, loaded once per page (options as loadToolkit's): the JWT
 * core (oojwt.wasm) is all the element uses, unless loadOptions say otherwise.
 */
function toolkit() {
  kitPromise ??= loadToolkit({ onlyoffice: false, ...OojwtInspector.loadOptions });
  return kitPromise;
}

const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'part' || k.startsWith('data-') || k === 'role' || k === 'for' || k.startsWith('aria-')) node.setAttribute(k, v);
    else node[k] = v;
  }
  node.append(...children);
  return node;
};

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
function ago(seconds) {
  const abs = Math.abs(seconds);
  const [unit, size] = abs < 60 ? ['second', 1] : abs < 3600 ? ['minute', 60] : abs < 86400 ? ['hour', 3600]
    : abs < 86400 * 60 ? ['day', 86400] : abs < 86400 * 730 ? ['month', 86400 * 30] : ['year', 86400 * 365];
  return relative.format(Math.trunc(seconds / size), unit);
}

export class OojwtInspector extends HTMLElement {
  static observedAttributes = ['token', 'mode', 'now', 'clock-tolerance', 'algorithms', 'secret'];

  /** Options for loadToolkit() (e.g. { wasm: url }; default { onlyoffice: false }), read before the first element renders. */
  static loadOptions = {};

  #token = '';
  #secret;
  #result = null;
  #ui;
  #queued = false;
  #kit;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    const ui = {
      token: el('textarea', { id: 'token', part: 'token', spellcheck: false, rows: 4, placeholder: 'eyJ…' }),
      verdict: el('div', { role: 'status', part: 'verdict', 'aria-live': 'polite', 'data-verdict': 'empty', 'data-codes': '' }, 'Loading…'),
      findings: el('ul', { part: 'findings' }),
      claims: el('dl', { part: 'claims' }),
      header: el('pre', { part: 'header' }),
      payload: el('pre', { part: 'payload' }),
    };
    ui.token.addEventListener('input', () => {
      this.#token = ui.token.value;
      this.#schedule();
    });
    ui.headerBox = el('section', {}, el('h3', {}, 'Header'), ui.header);
    ui.payloadBox = el('section', {}, el('h3', {}, 'Payload'), ui.payload);
    root.append(el('div', { part: 'container', className: 'container' },
      el('label', { for: 'token', part: 'label' }, 'Token'),
      ui.token, ui.verdict, ui.findings, ui.claims,
      el('div', { className: 'parts' }, ui.headerBox, ui.payloadBox)));
    this.#ui = ui;
  }

  // A secret given as an attribute would sit in the DOM: remove it, on
  // connect and whenever it is set later, and say why.
  #refuseSecretAttribute() {
    if (!this.hasAttribute('secret')) return;
    this.removeAttribute('secret');
    console.warn('<oojwt-inspector>: the secret attribute was removed and ignored: it would show the secret '
      + 'in the DOM; set the property instead (el.secret = …)');
  }

  connectedCallback() {
    this.#refuseSecretAttribute();
    toolkit().then((kit) => {
      this.#kit = kit;
      this.#render();
    }, (e) => {
      this.#ui.verdict.textContent = `The WebAssembly module did not load: ${e.message}`;
      this.#ui.verdict.dataset.verdict = 'error';
    });
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'secret') {
      if (value !== null) this.#refuseSecretAttribute();
      return;
    }
    if (name === 'token') {
      this.#token = value ?? '';
      if (this.#ui.token.value !== this.#token) this.#ui.token.value = this.#token;
    }
    this.#schedule();
  }

  get token() { return this.#token; }
  set token(value) {
    this.#token = String(value ?? '');
    this.#ui.token.value = this.#token;
    this.#schedule();
  }

  get mode() { return this.getAttribute('mode') === 'decode' ? 'decode' : 'verify'; }
  set mode(value) { this.setAttribute('mode', value); }

  /** Write-only in effect: reading gives whether a secret is set, never the secret. */
  get secret() { return this.#secret === undefined ? undefined : '(set)'; }
  set secret(value) {
    this.#secret = value === null || value === '' ? undefined : value;
    this.#schedule();
  }

  get now() { const v = this.getAttribute('now'); return v === null ? undefined : Number(v); }
  set now(value) { if (value === undefined || value === null) this.removeAttribute('now'); else this.setAttribute('now', String(value)); }

  get clockTolerance() { return Number(this.getAttribute('clock-tolerance') ?? 0); }
  set clockTolerance(value) { this.setAttribute('clock-tolerance', String(value)); }

  get algorithms() {
    const v = this.getAttribute('algorithms');
    return v === null ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
  }
  set algorithms(list) { if (list == null) this.removeAttribute('algorithms'); else this.setAttribute('algorithms', [...list].join(',')); }

  /** The detail of the last `oojwt-verdict` event. */
  get result() { return this.#result; }

  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#render();
    });
  }

  #evaluate(kit) {
    const token = this.#token.trim();
    if (token === '') return { verdict: 'empty', codes: [], warnings: [], result: null };
    if (this.mode === 'verify' && this.#secret !== undefined) {
      const options = { clockTolerance: this.clockTolerance };
      if (this.now !== undefined) options.now = this.now;
      if (this.algorithms !== undefined) options.algorithms = this.algorithms;
      try {
        const result = kit.verify(token, this.#secret, options);
        return {
          verdict: result.valid ? 'valid' : 'invalid',
          codes: result.errors.map((e) => e.code),
          warnings: result.warnings.map((w) => w.code),
          result,
        };
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        const result = { valid: false, errors: [{ code: 'bad_argument', message: e.message }], warnings: [] };
        return { verdict: 'invalid', codes: ['bad_argument'], warnings: [], result };
      }
    }
    const result = JSON.parse(kit.reports.decode(token));
    return {
      verdict: result.errors.length > 0 ? 'invalid' : 'unverified',
      codes: result.errors.map((e) => e.code),
      warnings: result.warnings.map((w) => w.code),
      result,
    };
  }

  #render() {
    const kit = this.#kit;
    if (kit === undefined) return;
    const ui = this.#ui;
    const detail = this.#evaluate(kit);
    const { verdict, codes, result } = detail;
    ui.verdict.dataset.verdict = verdict;
    ui.verdict.dataset.codes = codes.join(' ');
    ui.verdict.textContent = {
      empty: 'Paste a token.',
      valid: `Valid: signature and claims check out (${result?.alg}).`,
      invalid: result?.header === null && this.#secret === undefined
        ? `Not decodable: ${codes.join(', ')}.`
        : `Invalid: ${codes.join(', ')}.`,
      unverified: this.mode === 'decode'
        ? `Decoded (${result?.alg ?? 'no known alg'}); not verified (decode mode).`
        : `Decoded (${result?.alg ?? 'no known alg'}); not verified: set the secret to verify.`,
    }[verdict];
    ui.findings.replaceChildren(...[
      ...(result?.errors ?? []).map((e) => ['error', e]),
      ...(result?.warnings ?? []).map((w) => ['warning', w]),
    ].map(([kind, issue]) => el('li', { className: kind, part: `finding ${kind}`, 'data-code': issue.code },
      el('code', {}, issue.code), ' ', el('bdi', {}, ...visibleNodes(issue.message)))));
    const payload = result?.payload ?? null;
    const now = this.now ?? Date.now() / 1000;
    ui.claims.replaceChildren(...['iat', 'nbf', 'exp'].flatMap((claim) => {
      const v = payload?.[claim];
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 8.64e12) return [];
      const when = new Date(v * 1000);
      return [el('dt', {}, claim), el('dd', { 'data-claim': claim },
        `${when.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} — ${ago(v - now)}`)];
    }));
    const show = (box, pre, value, text) => {
      box.hidden = value == null && text === undefined;
      // Bidi controls and invisible characters of the token as ⟦U+202E⟧ markers (visible.mjs).
      pre.replaceChildren(...visibleNodes(value != null ? JSON.stringify(value, null, 2) : (text ?? '')));
    };
    show(ui.headerBox, ui.header, result?.header, result?.headerText);
    show(ui.payloadBox, ui.payload, payload, result?.payloadText);
    this.#result = detail;
    this.dispatchEvent(new CustomEvent('oojwt-verdict', { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('oojwt-inspector')) customElements.define('oojwt-inspector', OojwtInspector);
