// The Build panel, imported by inspector.mjs once the inspector answers (the
// page is usable before it loads): the one builder of the page. It signs
// the payload (by default an ONLYOFFICE editor config) with the Secret box's
// key and any algorithm, and hands out the signed token, the editor config
// with its `token` field, and the same token from server-side code
// (snippets.mjs, loaded when that part is opened).
//
// It never shows or copies output that does not match its input: a payload
// that is not a JSON object, a key that cannot sign, or a signing error
// empties every output and says what is wrong and where. It keeps the
// user's edits: a token pasted into the Token box loads its payload here
// only when the payload was not edited, else it asks first, and a
// replacement can be undone. The Document Server mode's editor config panel
// sends its config here (the `oojwt:build` event on document).
import { templateText, parsePayload, build, configWith, fieldsFromToken } from './builder.mjs';
import { isAsymmetric } from './secret.mjs';
import { duration } from '../lib/time.mjs';
import { copyText } from './clipboard.mjs';
import { t, words } from './lang.mjs';

const $ = (id) => document.getElementById(id);

/**
 * Wire the builder. `page`: { key() (the Secret box as secretKey() gives
 * it), format() (its encoding), now(), putToken(token) (the builder's token
 * into the Token box, verified there), tokenNow() (the token in the Token
 * box, extracted), decode(token) }.
 */
export function setupBuilder(kit, page) {
  const ui = {
    payload: $('payload-edit'), alg: $('alg'), expiry: $('expiry'), addIat: $('add-iat'), reset: $('reset-template'),
    status: $('build-status'), token: $('built-token'), config: $('built-config'), copyNote: $('copy-note'),
    ask: $('build-ask'), askText: $('build-ask-text'), replace: $('build-replace'), keep: $('build-keep'),
    undoNote: $('build-undo'), undo: $('build-undo-button'), code: $('server-code'), lang: $('code-lang'), codeText: $('code-text'),
  };
  // The payload text the builder itself last put in the box (template or
  // token): the box differs from it once the user has edited it.
  let loaded = '';
  let pending = null; // a token waiting for the user's answer
  let undo = null; // the builder's state before a replacement
  let why = ''; // why the outputs are empty ('' when they are filled)
  let signed = null; // { alg, payload } of the token shown
  let snippets = null;

  const edited = () => ui.payload.value !== loaded;

  function status(text, bad) {
    ui.status.textContent = text;
    ui.status.classList.toggle('bad', Boolean(bad));
  }

  // Outputs that match the input, or none and the reason.
  function show(token, config, made) {
    ui.token.value = token;
    ui.config.value = config === null ? '' : JSON.stringify(config, null, 2);
    signed = made;
    why = '';
    showCode();
  }
  function empty(reason) {
    ui.token.value = '';
    ui.config.value = '';
    signed = null;
    why = reason;
    status(reason, true);
    showCode();
  }

  /** Sign the payload; `push`: put the token in the Token box (the user is building). */
  function run({ push = true } = {}) {
    const p = parsePayload(ui.payload.value, t);
    if (p.error) ui.payload.setAttribute('aria-invalid', 'true');
    else ui.payload.removeAttribute('aria-invalid');
    if (p.error) {
      empty(t('{error} Nothing is signed until it is fixed.', { error: p.error }));
      if (push) page.putToken('');
      return;
    }
    const k = page.key();
    if (k.empty || k.error) {
      empty(k.error ? t('Cannot sign: {error}.', { error: k.error }) : isAsymmetric(ui.alg.value)
        ? t('Paste a private key above (PEM or JWK) to sign the token with {alg}.', { alg: ui.alg.value })
        : t('Enter the secret above to sign the token.'));
      if (push) page.putToken('');
      return;
    }
    const expiry = ui.expiry.value;
    const out = build(kit, p.payload, k.key, {
      alg: ui.alg.value, iat: ui.addIat.checked, expiresIn: expiry === '' ? null : Number(expiry), now: page.now(),
      message: (e) => words.message(e),
    });
    if (out.error) {
      empty(t('Cannot sign with {alg}: {error}', { alg: ui.alg.value, error: out.error }));
      if (push) page.putToken('');
      return;
    }
    show(out.token, out.config, { alg: ui.alg.value, payload: page.decode(out.token).payload });
    status(t('Signed with {alg}. The token is also in the Token box above, verified there.', { alg: ui.alg.value }), false);
    if (push) page.putToken(out.token);
  }

  function setExpiry(lifetime) {
    ui.expiry.querySelector('option[data-custom]')?.remove();
    if (lifetime === null) {
      ui.expiry.value = '';
    } else if ([...ui.expiry.options].some((o) => o.value === String(lifetime))) {
      ui.expiry.value = String(lifetime);
    } else {
      const o = new Option(t('{duration} after iat, as in the token', { duration: duration(lifetime, words) }), String(lifetime));
      o.dataset.custom = '';
      ui.expiry.add(o);
      ui.expiry.value = String(lifetime);
    }
  }

  const state = () => ({ text: ui.payload.value, loaded, alg: ui.alg.value, iat: ui.addIat.checked,
    expiry: ui.expiry.value, custom: ui.expiry.querySelector('option[data-custom]')?.cloneNode(true) ?? null });

  // The token's payload and settings in the builder (not re-signed).
  function load(r, token) {
    const f = fieldsFromToken(r.header, r.payload);
    ui.payload.value = f.text;
    loaded = f.text;
    ui.payload.removeAttribute('aria-invalid');
    if (f.alg) ui.alg.value = f.alg;
    ui.addIat.checked = f.hasIat;
    setExpiry(f.lifetime);
    show(token, configWith(JSON.parse(f.text), token), f.alg ? { alg: f.alg, payload: r.payload } : null);
    status(t('Loaded from the token in the Token box (not re-signed). Edit anything here to sign a new one.'), false);
  }

  function hideAsk() {
    pending = null;
    ui.ask.hidden = true;
  }

  /** A token typed or pasted into the Token box (r: its verify report). */
  function fromToken(r, token) {
    if (!r.payload || !r.header || typeof r.payload !== 'object' || Array.isArray(r.payload)) {
      hideAsk();
      return;
    }
    const f = fieldsFromToken(r.header, r.payload);
    if (f.text === ui.payload.value) {
      hideAsk();
      load(r, token);
      return;
    }
    if (edited()) {
      pending = { r, token };
      ui.askText.textContent = t('The Token box holds a token with another payload. Replace your edited payload with the token\'s?');
      ui.ask.hidden = false;
      return;
    }
    hideAsk();
    ui.undoNote.hidden = true;
    load(r, token);
  }

  ui.replace.addEventListener('click', () => {
    if (!pending) return;
    undo = state();
    load(pending.r, pending.token);
    hideAsk();
    ui.undoNote.hidden = false;
    ui.undo.focus();
  });
  ui.keep.addEventListener('click', () => {
    hideAsk();
    ui.payload.focus();
  });
  ui.undo.addEventListener('click', () => {
    if (!undo) return;
    ui.payload.value = undo.text;
    loaded = undo.loaded;
    ui.alg.value = undo.alg;
    ui.addIat.checked = undo.iat;
    ui.expiry.querySelector('option[data-custom]')?.remove();
    if (undo.custom) ui.expiry.add(undo.custom);
    ui.expiry.value = undo.expiry;
    undo = null;
    ui.undoNote.hidden = true;
    // The outputs follow the restored payload; the Token box keeps the pasted token.
    run({ push: false });
    ui.payload.focus();
  });

  function onInput() {
    hideAsk();
    ui.undoNote.hidden = true;
    ui.copyNote.textContent = '';
    run();
  }
  for (const c of [ui.payload, ui.alg, ui.expiry, ui.addIat]) c.addEventListener(c === ui.payload ? 'input' : 'change', onInput);
  ui.reset.addEventListener('click', () => {
    ui.payload.value = templateText();
    loaded = ui.payload.value;
    setExpiry(3600);
    ui.addIat.checked = true;
    ui.alg.value = 'HS256';
    onInput();
  });

  // ---- server-side code -------------------------------------------------------

  function showCode() {
    if (!snippets) return;
    if (signed === null) {
      ui.codeText.textContent = why || t('Sign a token above: the code signs the same payload.');
      ui.codeText.dataset.ready = 'false';
      return;
    }
    ui.codeText.textContent = snippets.snippet(ui.lang.value, { alg: signed.alg, payload: signed.payload, format: page.format(), say: t });
    ui.codeText.dataset.ready = 'true';
  }
  ui.code.addEventListener('toggle', async () => {
    if (!ui.code.open || snippets) return;
    snippets = await import('./snippets.mjs');
    showCode();
  });
  ui.lang.addEventListener('change', showCode);

  // ---- copy --------------------------------------------------------------------

  const NAMES = { 'built-token': 'token', 'built-config': 'config', 'code-text': 'code' };
  async function copy(button) {
    const box = $(button.dataset.copy);
    const what = NAMES[box.id];
    const text = box.id === 'code-text' ? (box.dataset.ready === 'true' ? box.textContent : '') : box.value;
    if (text === '') {
      ui.copyNote.textContent = t('Nothing copied: {why}.', { why: why ? why.replace(/[.。]$/, '') : t('nothing is signed yet') });
      return;
    }
    await copyText(text);
    ui.copyNote.textContent = t('Copied the {what, select, token {token} config {config} other {code}} ({n} characters).', { what, n: text.length });
    const label = button.textContent;
    button.textContent = t('Copied');
    setTimeout(() => { button.textContent = label; }, 1500);
  }
  for (const b of document.querySelectorAll('button[data-copy]')) b.addEventListener('click', () => copy(b));

  // The Document Server mode's "Edit and sign in the builder".
  document.addEventListener('oojwt:build', (e) => {
    const before = state();
    hideAsk();
    ui.payload.value = JSON.stringify(e.detail.payload, null, 2);
    loaded = ui.payload.value;
    undo = before.text !== before.loaded ? before : null;
    ui.undoNote.hidden = undo === null;
    ui.copyNote.textContent = '';
    run();
    ui.payload.focus();
  });

  // Start: the template, or the token already in the Token box.
  ui.payload.value = templateText();
  loaded = ui.payload.value;
  const box = page.tokenNow();
  if (box.report && box.token !== '') fromToken(box.report, box.token);
  else run({ push: box.token === '' });
  return { run, fromToken };
}
