// The page: wires the controls to the toolkit. Extraction, decoding,
// verification and signing all happen in the wasm module (oojwt.mjs); the
// modules next to this one word and lay out what it reports.
//
// Builder and inspector stay in sync: editing the builder signs a token and
// puts it in the Token box; pasting a token loads its payload into the
// builder without re-signing it. A secret typed later re-signs only a token
// the builder made, never one the user pasted.
import { loadToolkit } from '../lib/oojwt.mjs';
import { keyFromBox, describeKey, isAsymmetric } from './secret.mjs';
import { judge, renderVerdict } from './verdict.mjs';
import { describeStripped, strippedDetails, renderSegments, renderJson, renderTimes, signatureInfo } from './decoded.mjs';
import { templateText, parsePayload, build, configWith, fieldsFromToken } from './builder.mjs';
import { utc, duration, toLocalInput, fromLocalInput } from '../lib/time.mjs';
import { setupModes } from './modes.mjs';
import { embeddedWasm } from './embedded.mjs';

const $ = (id) => document.getElementById(id);

// The JWT core is all the inspector needs (the Document Server modes add the
// full module when first opened: modes.mjs). The served page loads oojwt.wasm
// next to oojwt.mjs; dist/oojwt.html has its bytes in a data block.
const kit = await loadToolkit({ onlyoffice: false, wasm: await embeddedWasm('oojwt-wasm') });
// The mode tabs: the Document Server and Deployment modes (modes.mjs).
setupModes(kit);

const ui = {
  token: $('token'),
  note: $('extract-note'),
  noteText: $('extract-text'),
  notePieces: $('extract-pieces'),
  useExtracted: $('use-extracted'),
  secret: $('secret'),
  format: $('secret-format'),
  keyInfo: $('key-info'),
  clockNow: $('clock-now'),
  clockChosen: $('clock-chosen'),
  clockAt: $('clock-at'),
  clockUtc: $('clock-utc'),
  tolerance: $('tolerance'),
  verdict: $('verdict'),
  segments: $('segments'),
  header: $('header'),
  payload: $('payload'),
  times: $('times'),
  sig: $('sig-info'),
  payloadEdit: $('payload-edit'),
  alg: $('alg'),
  expiry: $('expiry'),
  addIat: $('add-iat'),
  reset: $('reset-template'),
  buildStatus: $('build-status'),
  builtToken: $('built-token'),
  builtConfig: $('built-config'),
  copyNote: $('copy-note'),
};

// Who produced the text in the Token box: 'builder' or 'inspector'.
let source = 'builder';
let last = { text: null, extracted: null };
// What the Decoded panel shows now (see inspect()).
let drawn = { token: null, marks: null };

// ---- clock ---------------------------------------------------------------

function now() {
  if (ui.clockChosen.checked) {
    const t = fromLocalInput(ui.clockAt.value);
    if (t !== null) return t;
  }
  return Date.now() / 1000;
}

function showClock() {
  const t = now();
  ui.clockUtc.textContent = ui.clockChosen.checked
    ? (fromLocalInput(ui.clockAt.value) === null ? 'Choose a date and time; until then the page uses now.' : `Checking as of ${utc(t)}.`)
    : `Checking as of now (${utc(Math.floor(t))}).`;
}

// ---- the key from the Secret box ---------------------------------------------

function key() {
  return keyFromBox(ui.secret.value, ui.format.value);
}

// Under the Secret box: what kit.keyInfo (C) recognised in it, for any key
// form, and whenever the algorithm in use is RS/PS/ES.
function showKeyInfo(k, alg) {
  let text = '';
  if (!k.empty && !k.error) {
    let info = null;
    let error = null;
    try {
      info = kit.keyInfo(k.key);
    } catch (e) {
      error = e;
    }
    text = describeKey(info, error, { alg });
  }
  if (ui.keyInfo.textContent !== text) ui.keyInfo.textContent = text;
  ui.keyInfo.hidden = text === '';
}

// ---- inspect ----------------------------------------------------------------

function extracted() {
  const text = ui.token.value;
  if (last.text !== text) {
    last = { text, extracted: kit.extract(text) };
  }
  return last.extracted;
}

function inspect({ timeOnly = false } = {}) {
  const { token, stripped } = extracted();
  const k = key();
  const t = now();
  const tolerance = Number(ui.tolerance.value);
  let r = kit.verify(token, k.key ?? '', { now: t, clockTolerance: tolerance });
  // Bytes (base64/hex in the box) and no key: for an RS/PS/ES token verify
  // again allowing its algorithm (C reads the bytes as a key when they are
  // one: src/core/key_select.c), so that without a key the errors no key can fix
  // are those of its own algorithm.
  if (isAsymmetric(r.alg) && (k.key === undefined || k.key instanceof Uint8Array)) {
    r = kit.verify(token, k.key ?? '', { now: t, clockTolerance: tolerance, algorithms: [r.alg] });
  }
  if (!timeOnly) showKeyInfo(k, token === '' ? ui.alg.value : r.alg);
  const v = judge(token, r, { hasSecret: !k.empty, keyError: k.error });
  const title = `the ${r.alg ?? ''} signature matches this ${isAsymmetric(r.alg) ? 'key' : 'secret'} and the token is within its validity period `
    + `(as of ${utc(Math.floor(t))}, tolerance ${tolerance} s).`;
  renderVerdict(ui.verdict, v, { title, hasSecret: !k.empty }, { quiet: timeOnly });
  renderTimes(ui.times, r.payload, t);
  if (timeOnly) return r;

  const note = describeStripped(stripped);
  ui.note.hidden = note === '';
  ui.noteText.textContent = note;
  ui.notePieces.replaceChildren(...strippedDetails(stripped));

  // Redraw the decoded parts only when they change (a 100 KB token stays
  // fast while the secret is typed).
  const marks = JSON.stringify(v.errors.map((e) => [e.code, e.pos]));
  if (drawn.token !== token || drawn.marks !== marks) renderSegments(ui.segments, token, v.errors);
  if (drawn.token !== token) {
    renderJson(ui.header, r.header, r.headerText);
    renderJson(ui.payload, r.payload, r.payloadText);
  }
  drawn = { token, marks };
  ui.sig.textContent = signatureInfo(r);
  ui.sig.classList.toggle('muted', r.signatureLength === undefined);
  return r;
}

// ---- build ------------------------------------------------------------------

function setBuildStatus(text, bad) {
  ui.buildStatus.textContent = text;
  ui.buildStatus.classList.toggle('bad', Boolean(bad));
}

function runBuild() {
  const p = parsePayload(ui.payloadEdit.value);
  if (p.error) {
    setBuildStatus(p.error, true);
    ui.payloadEdit.setAttribute('aria-invalid', 'true');
    return;
  }
  ui.payloadEdit.removeAttribute('aria-invalid');
  const k = key();
  if (k.empty) {
    setBuildStatus(isAsymmetric(ui.alg.value)
      ? `Paste a private key above (PEM or JWK) to sign the token with ${ui.alg.value}.`
      : 'Enter the secret above to sign the token.', true);
    ui.builtToken.value = '';
    ui.builtConfig.value = JSON.stringify(configWith(p.payload, ''), null, 2);
    return;
  }
  if (k.error) {
    setBuildStatus(`Cannot sign: ${k.error}.`, true);
    return;
  }
  const expiry = ui.expiry.value;
  const out = build(kit, p.payload, k.key, {
    alg: ui.alg.value,
    iat: ui.addIat.checked,
    expiresIn: expiry === '' ? null : Number(expiry),
    now: now(),
  });
  if (out.error) {
    setBuildStatus(`Cannot sign with ${ui.alg.value}: ${out.error}`, true);
    ui.builtToken.value = '';
    ui.builtConfig.value = JSON.stringify(configWith(p.payload, ''), null, 2);
    return;
  }
  setBuildStatus(`Signed with ${ui.alg.value}. The token is also in the Token box above, verified there.`, false);
  ui.builtToken.value = out.token;
  ui.builtConfig.value = JSON.stringify(out.config, null, 2);
  ui.token.value = out.token;
}

// A pasted token fills the builder (not re-signed).
function loadBuilder(r, token) {
  if (!r.payload || !r.header) return;
  const f = fieldsFromToken(r.header, r.payload);
  ui.payloadEdit.value = f.text;
  ui.payloadEdit.removeAttribute('aria-invalid');
  if (f.alg) ui.alg.value = f.alg;
  ui.addIat.checked = f.hasIat;
  ui.expiry.querySelector('option[data-custom]')?.remove();
  if (f.lifetime === null) {
    ui.expiry.value = '';
  } else if ([...ui.expiry.options].some((o) => o.value === String(f.lifetime))) {
    ui.expiry.value = String(f.lifetime);
  } else {
    const o = new Option(`${f.lifetime} s (${duration(f.lifetime)}) after iat, as in the token`, String(f.lifetime));
    o.dataset.custom = '';
    ui.expiry.add(o);
    ui.expiry.value = String(f.lifetime);
  }
  ui.builtToken.value = token;
  ui.builtConfig.value = JSON.stringify(configWith(JSON.parse(f.text), token), null, 2);
  setBuildStatus('Loaded from the token in the Token box (not re-signed). Edit anything here to sign a new one.', false);
}

// ---- events -------------------------------------------------------------------

function onTokenInput() {
  source = 'inspector';
  const r = inspect();
  loadBuilder(r, extracted().token);
}

function onKeyInput() {
  if (source === 'builder') runBuild();
  inspect();
}

function onBuilderInput() {
  source = 'builder';
  runBuild();
  inspect();
}

function onClockInput() {
  showClock();
  inspect();
}

ui.token.addEventListener('input', onTokenInput);
// A paste replaces a token the builder put there, instead of landing inside it.
ui.token.addEventListener('paste', () => {
  if (source === 'builder') ui.token.select();
});
ui.useExtracted.addEventListener('click', () => {
  ui.token.value = extracted().token;
  onTokenInput();
  ui.token.focus();
});
ui.secret.addEventListener('input', onKeyInput);
ui.format.addEventListener('change', onKeyInput);
ui.tolerance.addEventListener('change', onClockInput);
ui.clockNow.addEventListener('change', onClockInput);
ui.clockChosen.addEventListener('change', () => {
  if (fromLocalInput(ui.clockAt.value) === null) ui.clockAt.value = toLocalInput(Date.now() / 1000);
  onClockInput();
});
ui.clockAt.addEventListener('input', () => {
  ui.clockChosen.checked = true;
  onClockInput();
});
for (const c of [ui.payloadEdit, ui.alg, ui.expiry, ui.addIat]) {
  c.addEventListener(c === ui.payloadEdit ? 'input' : 'change', onBuilderInput);
}
ui.reset.addEventListener('click', () => {
  ui.payloadEdit.value = templateText();
  ui.expiry.querySelector('option[data-custom]')?.remove();
  ui.expiry.value = '3600';
  ui.addIat.checked = true;
  ui.alg.value = 'HS256';
  onBuilderInput();
});

async function copy(button) {
  const box = $(button.dataset.copy);
  const what = button.id === 'copy-token' ? 'token' : 'config';
  if (box.value === '') {
    ui.copyNote.textContent = `Nothing to copy yet: enter a secret to sign the ${what}.`;
    return;
  }
  try {
    await navigator.clipboard.writeText(box.value);
  } catch {
    // Clipboard API refused (permissions): copy the selection instead.
    box.select();
    document.execCommand('copy');
  }
  ui.copyNote.textContent = `Copied the ${what} (${box.value.length} characters).`;
  button.textContent = 'Copied';
  setTimeout(() => { button.textContent = what === 'token' ? 'Copy token' : 'Copy config'; }, 1500);
}
for (const b of document.querySelectorAll('button[data-copy]')) b.addEventListener('click', () => copy(b));

// Relative times and expiry follow the clock while "now" is chosen.
setInterval(() => {
  if (!ui.clockNow.checked) return;
  showClock();
  if (extracted().token !== '') inspect({ timeOnly: true });
}, 1000);

// Start: the template in the builder, an empty Token box.
ui.payloadEdit.value = templateText();
ui.clockAt.value = toLocalInput(Date.now() / 1000);
showClock();
runBuild();
if (ui.token.value !== '') onTokenInput();
else inspect();
