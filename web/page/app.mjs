// The page: the mode tabs (modes.mjs) and the Diagnose box, shown first.
//
// The Diagnose box takes any number of pasted texts (up to 16, one box
// each) and up to two secrets; kit.diagnose (C, in the full module) says
// what each text is and gives one verdict, which diagnose-view.mjs lays
// out. This file holds only what the page needs before a text is pasted:
// adding and removing boxes, and loading the checks (the full module and
// diagnose-view.mjs) the first time a box or secret is focused or typed
// in, while a status line says so. Texts are judged once typing pauses
// (longer pauses for long texts), so that a keystroke stays as fast as in
// a bare text box with a 100 KB token in it.
import { t } from './lang.mjs';
import { setupModes, loadFull } from './modes.mjs';

const $ = (id) => document.getElementById(id);
const MAX_BOXES = 16; // OOJWT_DIAG_MAX_ITEMS, src/diagnose/oojwt_diagnose.h

setupModes();

const ui = {
  panel: $('panel-diag'),
  boxes: $('diag-boxes'),
  add: $('diag-add'),
  count: $('diag-count'),
  secrets: [$('diag-secret-1'), $('diag-secret-2')],
  secretField: $('diag-secret-2-field'),
  secretMore: $('diag-secret-more'),
  verdict: $('diag-verdict'),
  more: $('diag-more'),
};

// ---- the checks, loaded once --------------------------------------------------

let view = null; // diagnose-view.mjs's controller, once loaded
let loading = null;
function load() {
  loading ??= Promise.all([loadFull(), import('./diagnose-view.mjs')]).then(([kit, m]) => {
    view = m.setupView(kit, { ui, texts, secrets, label, addBox });
    return view;
  }, (e) => {
    loading = null;
    throw e;
  });
  return loading;
}

function say(state, text, role) {
  ui.verdict.dataset.state = state;
  const p = document.createElement('p');
  p.className = role ?? 'verdict-title';
  p.textContent = text;
  ui.verdict.replaceChildren(p);
  ui.more.replaceChildren();
}

// ---- the boxes -------------------------------------------------------------------

const boxes = () => [...ui.boxes.querySelectorAll('.diag-box')];
/** The label of the box at `i` (0-based). */
const label = (i) => (i === 0 ? t('Paste anything') : t('Text {n}', { n: i + 1 }));
/** The boxes' texts in order, each with its box. */
const texts = () => boxes().map((box) => ({ box, text: box.querySelector('textarea').value }));
/** The secrets typed, in order (empty ones left out by the caller). */
const secrets = () => ui.secrets.filter((s) => !s.closest('[hidden]')).map((s) => s.value);

// Number the boxes after an addition or removal: ids, labels, remove buttons.
function renumber() {
  boxes().forEach((box, i) => {
    const n = i + 1;
    box.dataset.box = String(n);
    const area = box.querySelector('textarea');
    const kind = box.querySelector('.recognised');
    area.id = `diag-text-${n}`;
    kind.id = `diag-kind-${n}`;
    area.setAttribute('aria-describedby', `${i === 0 ? 'diag-hint ' : ''}diag-kind-${n}`);
    const l = box.querySelector('label');
    l.htmlFor = area.id;
    l.textContent = label(i);
    const remove = box.querySelector('.remove');
    if (remove) remove.textContent = t('Remove text {n}', { n });
  });
  const n = boxes().length;
  ui.add.disabled = n >= MAX_BOXES;
  ui.count.textContent = n >= MAX_BOXES ? t('{n} texts: the most one diagnosis takes.', { n: MAX_BOXES }) : '';
}

function focusBox(i) {
  boxes()[i]?.querySelector('textarea').focus();
}

/** Add a box after the others and focus it; returns its text area (null past 16 boxes). */
function addBox() {
  if (boxes().length >= MAX_BOXES) return null;
  const box = boxes()[0].cloneNode(true);
  const area = box.querySelector('textarea');
  area.value = '';
  area.rows = 5;
  const kind = box.querySelector('.recognised');
  kind.replaceChildren();
  delete kind.dataset.kind;
  delete kind.dataset.confidence;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'remove';
  remove.addEventListener('click', () => {
    const i = boxes().indexOf(box);
    box.remove();
    renumber();
    focusBox(Math.max(0, i - 1));
    schedule(0);
  });
  box.querySelector('.box-head').append(remove);
  ui.boxes.append(box);
  renumber();
  area.focus();
  return area;
}

// ---- judging, once typing pauses ---------------------------------------------------

let timer = 0;
function schedule(delay) {
  clearTimeout(timer);
  const size = texts().reduce((n, t) => n + t.text.length, 0);
  timer = setTimeout(run, delay ?? (size > 16 * 1024 ? 300 : 120));
}

function run() {
  const empty = texts().every((t) => t.text.trim() === '');
  if (view) {
    view.run();
    return;
  }
  if (empty) {
    prompt();
    return;
  }
  say('loading', t('Loading the checks (once)…'));
  load().then((v) => v.run(), (e) => {
    say('failed', t('The checks could not be loaded ({error}). Type or paste again to retry.', { error: String(e?.message ?? e) }));
  });
}

const prompt = () => say('empty', t('Paste a text above: oojwt says what it is, what goes wrong with it and how to fix it.'));

ui.panel.addEventListener('input', (e) => {
  if (e.target.matches('textarea, input')) schedule();
});
// Focusing a box or a secret is a sign that a text is coming: the checks start loading.
ui.panel.addEventListener('focusin', (e) => {
  if (e.target.matches('textarea, input')) load().catch(() => {});
});
ui.add.addEventListener('click', () => addBox());
ui.secretMore.addEventListener('click', () => {
  const on = ui.secretField.hidden;
  ui.secretField.hidden = !on;
  ui.secretMore.setAttribute('aria-expanded', String(on));
  ui.secretMore.textContent = on ? t('Remove the second secret') : t('Add a second secret');
  if (on) ui.secrets[1].focus();
  schedule(0);
});

renumber();
// What the browser kept in the boxes is judged at once.
if (texts().some((t) => t.text.trim() !== '')) run();
else prompt();
