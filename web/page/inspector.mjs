// The JWT inspector's tab: wires its controls to the toolkit, the first
// time the tab is shown (modes.mjs). Extraction, decoding, verification and
// signing all happen in the wasm module (oojwt.mjs); the modules next to
// this one word and lay out what it reports.
//
// Builder and inspector stay in sync: editing the builder signs a token and
// puts it in the Token box; pasting a token loads its payload into the
// builder without re-signing it (build-panel.mjs, loaded once the inspector
// answers, asks first when its payload was edited). A secret typed later
// re-signs only a token the builder made, never one the user pasted.
import { keyFromBox, describeKey, isAsymmetric } from './secret.mjs';
import { judge, renderVerdict } from './verdict.mjs';
import { describeStripped, strippedDetails, renderSegments, renderJson, renderTimes, signatureInfo } from './decoded.mjs';
import { utc, toLocalInput, fromLocalInput } from '../lib/time.mjs';
import { t } from './lang.mjs';

const $ = (id) => document.getElementById(id);

/**
 * Wire the inspector. `kit`: the JWT core (or the full toolkit when the
 * page has loaded it already); `loadFull()`: a promise of the full toolkit,
 * for the secret forensics. Resolves once the builder is wired too.
 */
export function setupInspector(kit, loadFull) {
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
    alg: $('alg'),
  };

  // Who produced the text in the Token box: 'builder' or 'inspector'.
  let source = 'builder';
  // The builder, once build-panel.mjs has loaded: { run(), fromToken(r, token) }.
  let builder = null;
  let last = { text: null, extracted: null };
  // What the Decoded panel shows now (see inspect()).
  let drawn = { token: null, marks: null };

  // ---- clock ---------------------------------------------------------------

  function now() {
    if (ui.clockChosen.checked) {
      const at = fromLocalInput(ui.clockAt.value);
      if (at !== null) return at;
    }
    return Date.now() / 1000;
  }

  function showClock() {
    const at = now();
    ui.clockUtc.textContent = ui.clockChosen.checked
      ? (fromLocalInput(ui.clockAt.value) === null ? t('Choose a date and time; until then the page uses now.') : t('Checking as of {time}.', { time: utc(at) }))
      : t('Checking as of now ({time}).', { time: utc(Math.floor(at)) });
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

  // hints.mjs (what a text looks like, the forensics' headline), loaded when first needed.
  let hinted = null;
  const hints = () => import('./hints.mjs').then((m) => {
    hinted = m;
    return m;
  });

  // ---- secret forensics ----------------------------------------------------------

  // When a typed secret does not verify an HS token: which variant of it does
  // (kit.onlyoffice.explainSecret, in the full module, loaded the first time;
  // debounced while the secret is typed). The answer, once known, redraws.
  let clue = { id: null, answer: null, timer: 0 };
  function forensics(token, k, r) {
    if (typeof k.key !== 'string' || !/^HS/.test(r.alg ?? '') || !r.errors.some((e) => e.code === 'bad_signature')) {
      clearTimeout(clue.timer);
      clue = { id: null, answer: null, timer: 0 };
      return null;
    }
    const id = `${token.length}:${token}\n${k.key}`;
    if (clue.id === id) return clue.answer;
    clearTimeout(clue.timer);
    clue = { id, answer: null, timer: setTimeout(() => Promise.all([loadFull(), hints()]).then(([full, h]) => {
      if (clue.id !== id) return;
      const answer = full.onlyoffice.explainSecret(token, k.key);
      clue.answer = { ...answer, headline: answer.variant ? h.clue(answer) : null };
      inspect();
    }, () => {}), 150) };
    return null;
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
    const at = now();
    const tolerance = Number(ui.tolerance.value);
    let r = kit.verify(token, k.key ?? '', { now: at, clockTolerance: tolerance });
    // Bytes (base64/hex in the box) and no key: for an RS/PS/ES token verify
    // again allowing its algorithm (C reads the bytes as a key when they are
    // one: src/core/key_select.c), so that without a key the errors no key can fix
    // are those of its own algorithm.
    if (isAsymmetric(r.alg) && (k.key === undefined || k.key instanceof Uint8Array)) {
      r = kit.verify(token, k.key ?? '', { now: at, clockTolerance: tolerance, algorithms: [r.alg] });
    }
    if (!timeOnly) showKeyInfo(k, token === '' ? ui.alg.value : r.alg);
    const v = judge(token, r, { hasSecret: !k.empty, keyError: k.error });
    v.forensics = timeOnly ? clue.answer : forensics(token, k, r);
    const title = t(isAsymmetric(r.alg)
      ? 'the {alg} signature matches this key and the token is within its validity period (as of {time}, tolerance {tolerance} s).'
      : 'the {alg} signature matches this secret and the token is within its validity period (as of {time}, tolerance {tolerance} s).',
    { alg: r.alg ?? '', time: utc(Math.floor(at)), tolerance });
    // Not a token at all: what it looks like and where it belongs.
    let looks = '';
    if (!r.header && token !== '') {
      if (hinted) looks = hinted.looksLike(ui.token.value);
      else hints().then(() => inspect());
    }
    renderVerdict(ui.verdict, v, { title, hasSecret: !k.empty, looks }, { quiet: timeOnly });
    renderTimes(ui.times, r.payload, at);
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

  // ---- events -------------------------------------------------------------------

  function onTokenInput() {
    source = 'inspector';
    const r = inspect();
    builder?.fromToken(r, extracted().token);
  }

  function onKeyInput() {
    if (source === 'builder') builder?.run();
    inspect();
  }

  function onClockInput() {
    showClock();
    inspect();
  }

  // A large token (a config with its whole document history, 100 KB) is judged
  // and drawn once typing pauses, so that each keystroke stays as fast as in
  // a bare text box (make bench: the page's keystrokes against a bare textarea's).
  const LARGE = 16 * 1024;
  let typing = 0;
  ui.token.addEventListener('input', () => {
    // The text is the user's from the first keystroke: a secret typed before the
    // judging runs re-signs nothing over it.
    source = 'inspector';
    clearTimeout(typing);
    if (ui.token.value.length > LARGE) typing = setTimeout(onTokenInput, 120);
    else onTokenInput();
  });
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
  // Relative times and expiry follow the clock while "now" is chosen.
  setInterval(() => {
    if (!ui.clockNow.checked) return;
    showClock();
    if (extracted().token !== '') inspect({ timeOnly: true });
  }, 1000);

  // Start: an empty Token box (or what the browser kept in it).
  ui.clockAt.value = toLocalInput(Date.now() / 1000);
  showClock();
  if (ui.token.value !== '') onTokenInput();
  else inspect();

  // The builder (build-panel.mjs) loads once the inspector answers.
  return import('./build-panel.mjs').then((m) => {
    builder = m.setupBuilder(kit, {
      key,
      format: () => ui.format.value,
      now,
      decode: (token) => kit.decode(token),
      putToken(token) {
        source = 'builder';
        ui.token.value = token;
        inspect();
      },
      tokenNow() {
        const { token } = extracted();
        return { token, report: token === '' ? null : inspect() };
      },
    });
  });
}
