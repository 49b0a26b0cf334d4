// <oojwt-inspector>: the token inspector as a custom element, for admin
// dashboards. Two lines embed it:
//
//   <script type="module" src="/path/to/oojwt-inspector.mjs"></script>
//   <oojwt-inspector token="eyJ…"></oojwt-inspector>
//
// Attributes (and properties): token, mode ("verify", the default, or
// "decode"), now (seconds; default the clock), clock-tolerance (seconds),
// algorithms ("HS256,HS384"), profile ("onlyoffice": the token is one the
// ONLYOFFICE editor page sends Document Server -- its kind is shown with
// the confidence, a "Judge as" select picks another, and with a secret it
// is judged as the server judges that kind; this loads the Document Server
// module, oojwt-full.wasm, on first use; a token of no editor-page kind is
// verified with the Document Server profile, kit.verify's profile
// 'onlyoffice'), kind (the kind to judge by; empty: the guess), connector
// (an id of kit.onlyoffice.connectors(), e.g. "nextcloud": passed to the
// Document Server inspections as their `connector` option), theme ("light",
// "dark", or "auto", the default: the OS setting; a host page with its own
// dark theme sets it), lang (the language of its words: "zh-CN", "en";
// without it, the nearest lang of the host page (its <html lang>), else the
// browser's, navigator.languages; web/lib/words.mjs says which tags it
// speaks, any other is English). The secret is a property only
// (`el.secret = '…'`, a Uint8Array or an oct JWK), never an attribute, so
// it stays out of the DOM, of outerHTML and of devtools' element view.
//
// The verdict line states the consequence ("Invalid: the token expired 2
// hours ago, so it is refused until it is signed again"). When the
// signature fails, the secret forensics (kit.onlyoffice.explainSecret, in
// oojwt-full.wasm, loaded then) say which variant of the secret signed it
// ("the secret has a trailing newline"). In a language other than English,
// the first token with findings loads oojwt-full.wasm too: the core module
// records no params, and a finding's sentence in another language needs
// them (until it has loaded, such a finding shows in English, lang="en").
//
// After every change it dispatches `oojwt-verdict` (bubbles, composed) with
// { verdict, codes, warnings, result, kind, forensics }: verdict is "valid",
// "invalid", "unverified" (decoded; no secret or mode="decode") or "empty";
// kind is the token's kind with profile="onlyoffice" (else null); forensics
// is { variant, message } when the signature failed and the forensics ran
// (variant null: no variant of the secret verifies), else null.
//
// Styling: inside a shadow root; CSS custom properties --oojwt-font,
// --oojwt-mono, --oojwt-fg, --oojwt-bg, --oojwt-muted, --oojwt-border,
// --oojwt-radius, --oojwt-valid, --oojwt-invalid, --oojwt-warning; parts
// container, label, token, verdict, forensics, findings, finding, claims,
// header, payload, kind, kind-select. Strict CSP: no inline script or style and no eval; the page needs
// `script-src 'self' 'wasm-unsafe-eval'` and `connect-src 'self'` (the
// module fetches oojwt.wasm, the JWT core, next to oojwt.mjs).
import { loadToolkit } from './oojwt.mjs';
import { visibleNodes } from './visible.mjs';
import { loadWords, pickLang, ENGLISH } from './words.mjs';

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
  :host(:not([theme="light"])) {
    color-scheme: dark;
    color: var(--oojwt-fg, #e4e8ef);
    background: var(--oojwt-bg, #161a21);
    border-color: var(--oojwt-border, #3a414d);
  }
}
/* theme="dark" / "light": the host page's theme, whatever the OS says. */
:host([theme="dark"]) {
  color-scheme: dark;
  color: var(--oojwt-fg, #e4e8ef);
  background: var(--oojwt-bg, #161a21);
  border-color: var(--oojwt-border, #3a414d);
}
:host([theme="light"]) { color-scheme: light; }
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
[part="forensics"] { margin: 0; padding: 6px 8px; border: 1px solid var(--oojwt-warning, #b26a00); border-radius: 6px; }
[hidden] { display: none !important; }
[part="kind"] { font-size: 13px; }
select { font: inherit; color: inherit; background: transparent; border: 1px solid var(--oojwt-border, #cfd5de); border-radius: 6px; padding: 2px 4px; }
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
// Whether kit.loadOnlyoffice() has resolved (the kit is shared by the page's elements).
let dsLoaded = false;
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

/** "in 3 hours", "2 days ago" in the language of `words`. */
function ago(seconds, words) {
  const abs = Math.abs(seconds);
  const [unit, size] = abs < 60 ? ['second', 1] : abs < 3600 ? ['minute', 60] : abs < 86400 ? ['hour', 3600]
    : abs < 86400 * 60 ? ['day', 86400] : abs < 86400 * 730 ? ['month', 86400 * 30] : ['year', 86400 * 365];
  return new Intl.RelativeTimeFormat(words.lang, { numeric: 'auto' }).format(Math.trunc(seconds / size), unit);
}

// What each error does to the token, for the verdict line.
const CONSEQUENCE = {
  bad_signature: (w) => w.t('the signature does not match this secret, so the receiver refuses the token ("Invalid token")'),
  expired: (w, p, now) => (typeof p.exp === 'number' ? w.t('the token expired {when}, so it is refused until it is signed again', { when: ago(p.exp - now, w) }) : undefined),
  not_yet_valid: (w, p, now) => (typeof p.nbf === 'number'
    ? w.t('the token is not valid until {when}, so it is refused until then (are both clocks right?)', { when: ago(p.nbf - now, w) }) : undefined),
  alg_not_allowed: (w, p, now, r) => (r?.alg ? w.t('its algorithm {alg} is not allowed here, so it is refused', { alg: r.alg }) : w.t('its algorithm is not allowed here, so it is refused')),
  alg_none: (w) => w.t('it is unsigned (alg "none"), which nothing should accept'),
  key_mismatch: (w) => w.t('the key does not fit the token\'s algorithm, so it cannot be checked'),
};
const UNREADABLE = new Set(['malformed', 'bad_base64', 'bad_json', 'duplicate_member', 'too_large', 'bad_header']);
// A sentence of the catalogs as part of another: in English as it is, else without its full stop.
const clause = (text, w) => (w.lang === 'en' ? text : String(text).replace(/[.。]$/, ''));

/** The verdict line of a token the core judged: the consequence, in `w`'s words. */
function headline(w, verdict, detail, mode, now) {
  const { result, codes } = detail;
  const alg = result?.alg ?? w.t('no known alg');
  if (verdict === 'empty') return w.t('Paste a token.');
  if (verdict === 'valid') return w.t('Valid: the secret matches and the token is in date ({alg}); it is accepted.', { alg: result?.alg });
  if (verdict === 'unverified') {
    return mode === 'decode' ? w.t('Decoded ({alg}); not verified (decode mode).', { alg })
      : w.t('Decoded ({alg}); not verified: set the secret to verify.', { alg });
  }
  const first = (result?.errors ?? [])[0];
  if (first === undefined) return w.t('Invalid: {codes}.', { codes: codes.join(', ') });
  const n = codes.length - 1;
  if (UNREADABLE.has(first.code)) {
    const message = w.message(first);
    return n > 0 ? w.t('Not decodable: {message}; nothing can read it (and {n} more below).', { message: clause(message, w), n })
      : w.t('Not decodable: {message}; nothing can read it.', { message: clause(message, w) });
  }
  const payload = result?.payload ?? {};
  const said = CONSEQUENCE[first.code]?.(w, payload, now, result) ?? clause(w.message(first), w);
  return n > 0 ? w.t('Invalid: {said} (and {n} more below).', { said, n }) : w.t('Invalid: {said}.', { said });
}

/** A text of C's (a reason, a confidence) in `w`'s language by its English; as it is when the catalog lacks it. */
function told(w, text) {
  if (w.lang === 'en') return text;
  try {
    return w.t(text);
  } catch {
    return text;
  }
}

/**
 * A finding's message in `w`'s language, isolated. A finding of the JWT core
 * (oojwt.wasm records no params, for its size) whose sentence needs them
 * is said in English, marked as such.
 */
function said(w, issue) {
  const message = w.message(issue);
  const bdi = el('bdi', {}, ...visibleNodes(message));
  if (w.lang !== 'en' && message === issue.message) bdi.lang = 'en';
  return bdi;
}

export class OojwtInspector extends HTMLElement {
  static observedAttributes = ['token', 'mode', 'now', 'clock-tolerance', 'algorithms', 'secret', 'profile', 'kind',
    'connector', 'theme', 'lang'];

  /** Options for loadToolkit() (e.g. { wasm: url }; default { onlyoffice: false }), read before the first element renders. */
  static loadOptions = {};

  #token = '';
  #secret;
  #result = null;
  #ui;
  #queued = false;
  #kit;
  // The last forensics: { token, secret, answer } (the secret kept to know
  // whether the answer is still the current one).
  #forensics = null;
  // The words of the element's language (English until its catalogs load), and its static texts: [node, English].
  #words = ENGLISH;
  #texts = [];

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    const ui = {
      token: el('textarea', { id: 'token', part: 'token', spellcheck: false, rows: 4, placeholder: 'eyJ…' }),
      verdict: el('div', { role: 'status', part: 'verdict', 'aria-live': 'polite', 'data-verdict': 'empty', 'data-codes': '' }, 'Loading…'),
      forensics: el('p', { part: 'forensics', hidden: true }),
      findings: el('ul', { part: 'findings' }),
      claims: el('dl', { part: 'claims' }),
      header: el('pre', { part: 'header' }),
      payload: el('pre', { part: 'payload' }),
    };
    this.#texts.push([ui.verdict, 'Loading…']);
    ui.token.addEventListener('input', () => {
      this.#token = ui.token.value;
      this.#schedule();
    });
    // A static text, in the element's language once its words are loaded.
    const text = (node, en) => {
      this.#texts.push([node, en]);
      node.textContent = en;
      return node;
    };
    ui.headerBox = el('section', {}, text(el('h3'), 'Header'), ui.header);
    ui.payloadBox = el('section', {}, text(el('h3'), 'Payload'), ui.payload);
    // profile="onlyoffice": the token's kind, and the kind to judge it by.
    ui.kind = el('p', { part: 'kind', id: 'kind' });
    ui.kindSelect = el('select', { part: 'kind-select', id: 'kind-select', 'aria-describedby': 'kind' },
      text(el('option', { value: '' }), 'the kind guessed from its payload'));
    ui.kindSelect.addEventListener('change', () => this.setAttribute('kind', ui.kindSelect.value));
    ui.kindBox = el('div', { hidden: true }, ui.kind, text(el('label', { for: 'kind-select' }), 'Judge as'), ' ', ui.kindSelect);
    root.append(el('div', { part: 'container', className: 'container' },
      text(el('label', { for: 'token', part: 'label' }), 'Token'),
      ui.token, ui.kindBox, ui.verdict, ui.forensics, ui.findings, ui.claims,
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
    Promise.all([toolkit(), this.#loadWords()]).then(([kit]) => {
      this.#kit = kit;
      this.#render();
    }, (e) => {
      this.#ui.verdict.textContent = this.#words.t('The WebAssembly module did not load: {error}', { error: e.message });
      this.#ui.verdict.dataset.verdict = 'error';
    });
  }

  /**
   * The language of the element's words: its lang attribute, else the
   * nearest lang of the host page (its <html lang>), else the browser's;
   * a tag web/lib/words.mjs speaks ('en' for any other).
   */
  get language() {
    const own = this.closest('[lang]')?.getAttribute('lang') || null;
    return pickLang(own !== null ? [own] : navigator.languages ?? [navigator.language]);
  }

  // Load the words of the element's language (English if they fail to load), and put its static texts in it.
  #loadWords() {
    return loadWords(this.language).catch(() => ENGLISH).then((words) => {
      this.#words = words;
      for (const [node, en] of this.#texts) node.textContent = words.t(en);
    });
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'secret') {
      if (value !== null) this.#refuseSecretAttribute();
      return;
    }
    if (name === 'theme') return;
    if (name === 'lang') {
      if (this.isConnected) this.#loadWords().then(() => this.#render());
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

  get profile() { return this.getAttribute('profile') === 'onlyoffice' ? 'onlyoffice' : 'jwt'; }
  set profile(value) { if (value === 'onlyoffice') this.setAttribute('profile', value); else this.removeAttribute('profile'); }

  get kind() { return this.getAttribute('kind') || undefined; }
  set kind(value) { if (value) this.setAttribute('kind', value); else this.removeAttribute('kind'); }

  get connector() { return this.getAttribute('connector') || undefined; }
  set connector(value) { if (value) this.setAttribute('connector', value); else this.removeAttribute('connector'); }

  get theme() {
    const v = this.getAttribute('theme');
    return v === 'dark' || v === 'light' ? v : 'auto';
  }
  set theme(value) { if (value === 'dark' || value === 'light') this.setAttribute('theme', value); else this.removeAttribute('theme'); }

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

  // profile="onlyoffice": the token judged as Document Server judges its
  // kind (with a secret), or its kind alone; null to fall back to the core.
  #evaluateOnlyoffice(kit, token) {
    const ui = this.#ui;
    if (ui.kindSelect.options.length === 1) {
      for (const k of kit.onlyoffice.tokenKinds()) ui.kindSelect.append(el('option', { value: k.kind }, `${k.kind}: ${this.#words.said(k, 'label')}`));
    }
    ui.kindSelect.value = this.kind ?? '';
    const guess = kit.onlyoffice.tokenKind(token);
    const w = this.#words;
    const kind = { kind: guess.kind ?? w.t('unknown'), confidence: told(w, guess.confidence), why: w.said(guess, 'why') };
    ui.kind.textContent = guess.candidates.length > 1
      ? w.t('Kind: {kind} ({confidence}): {why}. Candidates: {candidates}.', { ...kind, candidates: guess.candidates.join(', ') })
      : w.t('Kind: {kind} ({confidence}): {why}.', kind);
    ui.kindBox.hidden = false;
    if (this.mode !== 'verify' || this.#secret === undefined) return { kind: guess, judged: null };
    if (guess.kind === null && this.kind === undefined) return { kind: guess, judged: null, profile: true };
    const options = { secret: this.#secret, kind: this.kind };
    if (this.connector !== undefined) options.connector = this.connector;
    if (this.now !== undefined) options.now = this.now;
    try {
      return { kind: guess, judged: kit.onlyoffice.inspectBrowserToken(token, options) };
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      return { kind: guess, judged: null, error: e.message };
    }
  }

  #evaluate(kit) {
    const token = this.#token.trim();
    this.#ui.kindBox.hidden = true;
    if (token === '') return { verdict: 'empty', codes: [], warnings: [], result: null, kind: null };
    if (this.profile === 'onlyoffice' && dsLoaded) {
      const { kind, judged, error, profile } = this.#evaluateOnlyoffice(kit, token);
      // No kind of the editor page: verified as Document Server verifies a token.
      if (profile) return { ...this.#core(kit, token, 'onlyoffice'), kind };
      if (judged !== null) {
        return {
          verdict: judged.verdict.ok ? 'valid' : 'invalid',
          codes: judged.findings.filter((f) => f.severity === 'error').map((f) => f.code),
          warnings: judged.findings.filter((f) => f.severity !== 'error').map((f) => f.code),
          result: judged,
          kind: judged.kind,
        };
      }
      const decoded = this.#decoded(kit, token);
      if (error !== undefined) decoded.result.errors.push({ code: 'bad_argument', message: error });
      return { ...decoded, kind };
    }
    return { ...this.#core(kit, token), kind: null };
  }

  #decoded(kit, token) {
    const result = JSON.parse(kit.reports.decode(token));
    return {
      verdict: result.errors.length > 0 ? 'invalid' : 'unverified',
      codes: result.errors.map((e) => e.code),
      warnings: result.warnings.map((w) => w.code),
      result,
    };
  }

  #core(kit, token, profile) {
    if (this.mode === 'verify' && this.#secret !== undefined) {
      const options = { clockTolerance: this.clockTolerance };
      if (profile !== undefined) {
        options.profile = profile;
        // Document Server's own tolerance unless the page set one.
        if (!this.hasAttribute('clock-tolerance')) options.clockTolerance = 60;
      }
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
    return this.#decoded(kit, token);
  }

  #render() {
    const kit = this.#kit;
    if (kit === undefined) return;
    if (this.profile === 'onlyoffice' && !dsLoaded) {
      // The Document Server module, loaded once beside the core.
      kit.loadOnlyoffice().then(() => {
        dsLoaded = true;
        this.#render();
      }, (e) => {
        this.#ui.verdict.textContent = this.#words.t('The Document Server module did not load: {error}', { error: e.message });
        this.#ui.verdict.dataset.verdict = 'error';
      });
      return;
    }
    const ui = this.#ui;
    const w = this.#words;
    const detail = this.#evaluate(kit);
    const { verdict, codes, result } = detail;
    if (w.lang !== 'en' && !dsLoaded && (result?.errors?.length > 0 || result?.warnings?.length > 0)) {
      // The core module records no params, which the catalogs need to say
      // a finding in another language: with the full module loaded, the
      // kit's answers carry them (shown in English until then).
      kit.loadOnlyoffice().then(() => {
        dsLoaded = true;
        this.#render();
      }, () => {});
    }
    ui.verdict.dataset.verdict = verdict;
    ui.verdict.dataset.codes = codes.join(' ');
    if (result?.verdict !== undefined) {
      // A token of the editor page, judged by its kind.
      const v = result.verdict;
      const line = { kind: result.kind.kind, channel: v.channel, message: w.message(v) };
      ui.verdict.textContent = v.ok ? w.t('Accepted as {kind} ({channel}): {message}', line) : w.t('Refused as {kind} ({channel}): {message}', line);
      ui.findings.replaceChildren(...result.findings.map((f) => el('li', {
        className: f.severity, part: `finding ${f.severity}`, 'data-code': f.code,
      }, el('code', {}, f.code), ' ', said(w, f))));
      const payload = result.token?.payload ?? null;
      this.#claims(payload);
      this.#show(ui.headerBox, ui.header, null, undefined);
      this.#show(ui.payloadBox, ui.payload, payload, undefined);
      this.#finish(detail);
      return;
    }
    ui.verdict.textContent = headline(w, verdict, detail, this.mode, this.now ?? Date.now() / 1000);
    ui.findings.replaceChildren(...[
      ...(result?.errors ?? []).map((e) => ['error', e]),
      ...(result?.warnings ?? []).map((w) => ['warning', w]),
    ].map(([kind, issue]) => el('li', { className: kind, part: `finding ${kind}`, 'data-code': issue.code },
      el('code', {}, issue.code), ' ', said(w, issue))));
    const payload = result?.payload ?? null;
    this.#claims(payload);
    this.#show(ui.headerBox, ui.header, result?.header, result?.headerText);
    this.#show(ui.payloadBox, ui.payload, payload, result?.payloadText);
    this.#finish(detail);
  }

  // Secret forensics: which variant of the secret signed a token whose
  // signature fails (kit.onlyoffice.explainSecret, in oojwt-full.wasm:
  // loaded on the first failure, then the element renders again).
  #explain(kit, codes) {
    const ui = this.#ui;
    const token = this.#token.trim();
    const secret = this.#secret;
    if (!codes.includes('bad_signature') || this.mode !== 'verify' || secret === undefined) {
      this.#forensics = null;
    } else if (!dsLoaded) {
      kit.loadOnlyoffice().then(() => {
        dsLoaded = true;
        this.#schedule();
      }, () => {});
    } else if (this.#forensics?.token !== token || this.#forensics.secret !== secret) {
      let answer = null;
      try {
        answer = kit.onlyoffice.explainSecret(token, secret);
      } catch (e) {
        // A JWK or key object: no variants to try.
        if (!(e instanceof TypeError)) throw e;
      }
      this.#forensics = { token, secret, answer };
    }
    const answer = this.#forensics?.answer ?? null;
    ui.forensics.hidden = answer === null || answer.verifies;
    ui.forensics.dataset.variant = answer?.variant ?? '';
    const message = answer === null ? '' : this.#words.message(answer);
    ui.forensics.textContent = ui.forensics.hidden ? ''
      : this.#words.t('Secret forensics: {message}', { message: `${message}${/[.!?。]$/.test(message) ? '' : this.#words.lang === 'en' ? '.' : '。'}` });
    return ui.forensics.hidden ? null : { variant: answer.variant, message: answer.message };
  }

  #claims(payload) {
    const now = this.now ?? Date.now() / 1000;
    this.#ui.claims.replaceChildren(...['iat', 'nbf', 'exp'].flatMap((claim) => {
      const v = payload?.[claim];
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 8.64e12) return [];
      const when = new Date(v * 1000);
      return [el('dt', {}, el('code', {}, claim)), el('dd', { 'data-claim': claim },
        `${when.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} — ${ago(v - now, this.#words)}`)];
    }));
  }

  #show(box, pre, value, text) {
    box.hidden = value == null && text === undefined;
    // Bidi controls and invisible characters of the token as ⟦U+202E⟧ markers (visible.mjs).
    pre.replaceChildren(...visibleNodes(value != null ? JSON.stringify(value, null, 2) : (text ?? '')));
  }

  #finish(detail) {
    detail.forensics = this.#explain(this.#kit, detail.codes);
    if (detail.forensics?.variant && detail.result?.verdict === undefined) {
      const w = this.#words;
      this.#ui.verdict.textContent = w.t('Invalid: the token was signed with a variant of this secret, so the receiver refuses it '
        + '("Invalid token") until both sides hold the same bytes: {message}.', { message: w.message(this.#forensics.answer).replace(/[.。]$/, '') });
    }
    this.#result = detail;
    this.dispatchEvent(new CustomEvent('oojwt-verdict', { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('oojwt-inspector')) customElements.define('oojwt-inspector', OojwtInspector);
