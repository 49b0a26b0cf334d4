// Shared renderers of the Document Server and Deployment modes: a verdict
// line, the findings list, facts (definition lists), JSON with marked
// values, masked secrets and times. Every panel of those modes shows what
// the wasm module reported through these, the same way: the C core decides,
// this file lays it out. Nothing is parsed with innerHTML (all of it is
// pasted, untrusted text). All text goes in through el() and shown(): bidi
// controls and invisible characters as markers (web/lib/visible.mjs, as in
// the decoded view), and values from the input (code, JSON strings and
// keys, secrets, facts) inside a <bdi>, so that they cannot reorder the
// page's sentence around them. Words in the page's language (lang.mjs):
// the findings' from the code catalogs (words.message, words.fix), the
// page's own through t().
import { utc, local, relative, readableSeconds } from '../lib/time.mjs';
import { visibleNodes, visibleText } from '../lib/visible.mjs';
import { t, words } from './lang.mjs';

/** `text` from the input as an isolated <bdi> with hidden characters as markers. */
export function shown(text, className) {
  const b = document.createElement('bdi');
  if (className) b.className = className;
  b.append(...visibleNodes(String(text)));
  return b;
}

/**
 * A new element with a class and text: the text with hidden characters as
 * markers; a <code> element's text (a value from the input) isolated in a <bdi>.
 */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) {
    if (tag === 'code') e.append(shown(text));
    else e.append(...visibleNodes(String(text)));
  }
  return e;
}

/**
 * A message as a sentence: a capital (unless it starts with a name such as
 * editorConfig.callbackUrl, nginx or oojwt, which keeps its case) and a full stop
 * (in another language: as it starts, and its own full stop, 。 in Chinese);
 * durations in seconds in units people read.
 */
export const sentence = (s) => {
  const text = readableSeconds(s ?? '', words).trim();
  if (text === '') return text;
  // (A Latin word that starts a sentence of another language is a name: as it is.)
  if (words.lang !== 'en') return `${text}${/[.!?)。！？）]$/.test(text) ? '' : '。'}`;
  const first = /^(?!nginx\b|oojwt\b)[a-z]+(?![\w.$])/.test(text) ? text[0].toUpperCase() : text[0];
  return `${first}${text.slice(1)}${/[.!?)]$/.test(text) ? '' : '.'}`;
};

// ---- the verdict line --------------------------------------------------------

// How the members of a verdict read, besides ok and message.
const VERDICT_FACTS = {
  closeCode: 'close code',
  editorError: 'editor error',
  status: 'HTTP status',
  error: 'error',
  outcome: 'outcome',
  serverMessage: 'server log',
  serverError: 'server error',
  httpStatus: 'HTTP status',
  channel: 'checked on',
  tokenUsed: 'token used',
};
// Values of a verdict member that are names in C (src/ds/request.c place_names), in words.
const FACT_VALUES = {
  tokenUsed: { body: 'body', query: 'query', header: 'request header', 'other-header': 'other request header' },
};

/**
 * The verdict region of a panel. `state`: 'empty' (nothing to judge yet, with
 * `message` as the prompt), 'ok', 'bad', 'error' (the input cannot be judged)
 * or 'unavailable'. `verdict`: the C verdict object (its primitive members
 * other than ok/message/code are shown as facts: close code, editor error, HTTP
 * status, ...; its message, said by its code, is the caller's `message`). Touches the DOM only when the text changes, so that screen
 * readers hear each change once.
 */
export function renderVerdict(region, { state, message, verdict = {} }) {
  // The facts beside the sentence; its code and params say the sentence itself.
  const facts = Object.entries(verdict)
    .filter(([k, v]) => k !== 'ok' && k !== 'message' && k !== 'code' && v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => [VERDICT_FACTS[k] ? t(VERDICT_FACTS[k]) : k, FACT_VALUES[k]?.[v] ? t(FACT_VALUES[k][v]) : String(v)]);
  const key = JSON.stringify([state, message, facts]);
  if (region.dataset.key === key) return;
  region.dataset.key = key;
  region.dataset.state = state;
  const title = el('p', 'verdict-title');
  const mark = { ok: '✓', bad: '✗', error: '!' }[state];
  if (mark) title.append(el('span', 'mark', mark), ' ');
  title.append(el(state === 'empty' || state === 'unavailable' ? 'span' : 'strong', null, sentence(message)));
  const parts = [title];
  if (facts.length > 0) {
    const p = el('p', 'verdict-facts');
    for (const [k, v] of facts) {
      const chip = el('span', 'chip');
      const strong = el('strong');
      strong.append(shown(v));
      chip.append(el('span', 'chip-k', k), ' ', strong);
      p.append(chip, ' ');
    }
    parts.push(p);
  }
  region.replaceChildren(...parts);
}

/**
 * Say in a panel (its [data-unavailable] note) that its function is missing
 * from this build: its inputs are disabled and its verdict region hidden.
 */
export function markUnavailable(root, verdict) {
  root.querySelector('[data-unavailable]').hidden = false;
  for (const c of root.querySelectorAll('.ds-in textarea, .ds-in input, .ds-in select, .ds-in button')) c.disabled = true;
  verdict.dataset.state = 'unavailable';
  verdict.hidden = true;
}

// ---- findings ------------------------------------------------------------------

const SEVERITY = ['error', 'warning', 'info'];
const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' };
const SEVERITY_COUNT = {
  error: '{n, plural, one {# error} other {# errors}}',
  warning: '{n, plural, one {# warning} other {# warnings}}',
  info: '{n, plural, one {# note} other {# notes}}',
};
const rank = (s) => (SEVERITY.includes(s) ? SEVERITY.indexOf(s) : SEVERITY.length);
// The members of a finding shown in its own places (the diagnosis's item and params too).
const FINDING_FIELDS = new Set(['severity', 'code', 'path', 'message', 'fix', 'item', 'params']);

/** "2 errors, 1 warning" for a findings list ('' when empty). */
export function countFindings(findings) {
  const n = {};
  for (const f of findings) n[f.severity] = (n[f.severity] ?? 0) + 1;
  return Object.keys(n).sort((a, b) => rank(a) - rank(b))
    .map((s) => (SEVERITY_COUNT[s] ? t(SEVERITY_COUNT[s], { n: n[s] }) : `${n[s]} ${s}${n[s] === 1 ? '' : 's'}`)).join(t(', '));
}

/**
 * A verdict from findings alone, stating the consequence: the first error's
 * message (else the first warning's), and how many more are listed; `fine`
 * when there is neither.
 */
export function consequence(findings, fine) {
  const worst = findings.find((f) => f.severity === 'error') ?? findings.find((f) => f.severity === 'warning');
  if (!worst) return { state: 'ok', message: findings.length === 0 ? fine : t('{fine} (notes below)', { fine }) };
  const rest = findings.filter((f) => f !== worst && f.severity !== 'info').length;
  const message = String(words.message(worst)).replace(/[.。]$/, '');
  const said = rest > 0 ? t('{message} ({n} more below)', { message, n: rest }) : message;
  return worst.severity === 'error' ? { state: 'bad', message: said }
    : { state: 'ok', message: t('{fine}, but: {said}', { fine, said: `${said[0].toLowerCase()}${said.slice(1)}` }) };
}

/**
 * One finding as a list item: its severity in words, what is wrong and the
 * fix, in the page's language. `options.box`: the name of the text it is
 * about (the Diagnose box: one line, "Error text 2: …"); without it, the
 * code, the JSON path and the members a newer C core adds are shown too
 * (the Document Server and Deployment modes).
 */
export function findingItem(f, { box } = {}) {
  const sev = SEVERITY.includes(f.severity) ? f.severity : 'info';
  const li = el('li', `finding sev-${sev}`);
  li.dataset.code = f.code ?? '';
  li.dataset.severity = f.severity ?? '';
  const label = el('span', 'sev', SEVERITY_LABEL[f.severity] ? t(SEVERITY_LABEL[f.severity]) : String(f.severity ?? 'note'));
  const message = shown(sentence(words.message(f)));
  if (box !== undefined) {
    const head = el('p', 'f-msg');
    head.append(label, ' ');
    if (box !== null) head.append(el('span', 'f-where', t('{box}: ', { box })));
    head.append(message);
    li.append(head);
  } else {
    const head = el('p', 'f-head');
    head.append(label, ' ', el('code', 'f-code', f.code ?? ''));
    if (f.path) head.append(' ', el('span', 'f-where', t('at ')), el('code', 'f-path', f.path));
    const p = el('p', 'f-msg');
    p.append(message);
    li.append(head, p);
    // Members a newer C core adds (e.g. what the server does) are shown too.
    for (const [k, v] of Object.entries(f)) {
      if (FINDING_FIELDS.has(k) || v === null || typeof v === 'object') continue;
      const extra = el('p', 'f-extra');
      extra.append(el('span', 'f-label', `${k}: `), shown(v));
      li.append(extra);
    }
  }
  const fix = f.fix ? words.fix(f) : '';
  if (fix) {
    const p = el('p', 'f-fix');
    p.append(el('span', 'f-label', t('Fix: ')), shown(sentence(fix)));
    li.append(p);
  }
  return li;
}

/**
 * The findings list, errors first: severity (in words, not only colour),
 * code, JSON path, what is wrong and what the server does, and the fix.
 * `findings` null clears the box.
 */
export function renderFindings(box, findings, { none = t('No findings: nothing to change.') } = {}) {
  if (!findings) {
    box.replaceChildren();
    box.dataset.count = '';
    return;
  }
  box.dataset.count = String(findings.length);
  if (findings.length === 0) {
    box.replaceChildren(el('p', 'findings-none', none));
    return;
  }
  const sorted = findings.map((f, i) => [f, i]).sort((a, b) => rank(a[0].severity) - rank(b[0].severity) || a[1] - b[1]).map(([f]) => f);
  const h = el('h3', 'findings-h', t('Findings: {counts}', { counts: countFindings(findings) }));
  const ol = el('ol', 'finding-list');
  for (const f of sorted) ol.append(findingItem(f));
  box.replaceChildren(h, ol);
}

// ---- facts -----------------------------------------------------------------------

/**
 * A definition list of [term, value] rows; a term or value is text, a node,
 * or an array of them. Rows whose value is undefined are left out.
 */
export function renderFacts(box, rows, caption) {
  const dl = el('dl', 'facts');
  for (const [term, value] of rows) {
    if (value === undefined) continue;
    const dd = el('dd');
    for (const v of Array.isArray(value) ? value : [value]) dd.append(v === null ? '—' : typeof v === 'string' ? shown(v) : v);
    const dt = el('dt');
    dt.append(...(Array.isArray(term) ? term : [term]));
    dl.append(dt, dd);
  }
  const parts = caption ? [el('h3', null, caption), dl] : [dl];
  box.replaceChildren(...(dl.children.length > 0 ? parts : []));
}

/** Yes / no / — for a boolean that may be absent. */
export const yesNo = (v) => (v === true ? t('yes') : v === false ? t('no') : '—');

/** A list of strings (or values) as code elements separated by commas. */
export function codeList(values) {
  if (!Array.isArray(values) || values.length === 0) return t('none');
  const nodes = [];
  for (const v of values) {
    if (nodes.length > 0) nodes.push(', ');
    nodes.push(el('code', null, typeof v === 'string' ? v : JSON.stringify(v)));
  }
  return nodes;
}

/** A time as UTC, local time and relative to `now` ("expires in 3 days"). */
export function timeNodes(seconds, claim, now) {
  if (typeof seconds !== 'number' || utc(seconds) === null) return seconds === undefined || seconds === null ? '—' : String(seconds);
  const span = el('span', 'when');
  const rel = relative(claim, seconds, now, words);
  const bad = (claim === 'exp' && seconds <= now) || (claim === 'nbf' && seconds > now);
  span.append(el('span', 'utc', utc(seconds)), el('span', 'local', ` · ${local(seconds, words)} · `), el('span', `rel ${bad ? 'bad' : 'ok'}`, rel));
  return span;
}

// ---- secrets -------------------------------------------------------------------------

/**
 * A secret shown masked (its length only) with a Reveal button; revealed as
 * a JSON string so that spaces, quotes and line breaks show.
 */
export function maskedSecret(value, name) {
  if (typeof value !== 'string') return value === null || value === undefined ? t('none') : String(value);
  const wrap = el('span', 'secret-value');
  const code = el('code', 'masked');
  const masked = `${'•'.repeat(Math.min(value.length, 12))} ${t('({n, plural, one {# character} other {# characters}})', { n: value.length })}`;
  code.textContent = masked;
  const b = el('button', 'reveal', t('Reveal'));
  b.type = 'button';
  b.setAttribute('aria-pressed', 'false');
  b.setAttribute('aria-label', t('Reveal the {name}', { name }));
  b.addEventListener('click', () => {
    const on = b.getAttribute('aria-pressed') !== 'true';
    b.setAttribute('aria-pressed', String(on));
    b.textContent = on ? t('Hide') : t('Reveal');
    b.setAttribute('aria-label', on ? t('Hide the {name}', { name }) : t('Reveal the {name}', { name }));
    code.replaceChildren(on ? shown(JSON.stringify(value)) : masked);
    code.classList.toggle('masked', !on);
  });
  wrap.append(code, ' ', b);
  return wrap;
}

// ---- JSON with marked values -------------------------------------------------------

const differs = (a, b) => JSON.stringify(a) !== JSON.stringify(b);

/**
 * Pretty-print `value` (2-space JSON) into `pre`, wrapping in a
 * <mark class="from-token"> every leaf whose value differs from the one at
 * the same place in `before` (or that `before` lacks): in the effective
 * config, the values the token replaced or added. Returns the marked paths.
 */
export function renderJsonMarked(pre, value, before) {
  const marked = [];
  const nodes = [];
  const scalar = (v) => {
    const cls = typeof v === 'string' ? 'j-str' : typeof v === 'number' ? 'j-num' : 'j-lit';
    return typeof v === 'string' ? shown(JSON.stringify(v), cls) : el('span', cls, JSON.stringify(v));
  };
  const walk = (v, old, has, path, indent) => {
    const isObj = v !== null && typeof v === 'object';
    if (!isObj || (Array.isArray(v) && v.length === 0) || Object.keys(v).length === 0) {
      const node = isObj ? el('span', null, JSON.stringify(v)) : scalar(v);
      if (path.length > 0 && (!has || differs(v, old))) {
        const m = el('mark', 'from-token');
        m.title = has ? t('from the token (the page had {value})', { value: visibleText(JSON.stringify(old) ?? 'undefined') }) : t('from the token (not in the page\'s config)');
        m.append(node);
        nodes.push(m);
        marked.push(path.join('.'));
      } else {
        nodes.push(node);
      }
      return;
    }
    const arr = Array.isArray(v);
    const keys = arr ? v.map((_, i) => i) : Object.keys(v);
    const oldObj = has && old !== null && typeof old === 'object' ? old : null;
    nodes.push(arr ? '[' : '{', '\n');
    keys.forEach((k, i) => {
      nodes.push(' '.repeat(indent + 2));
      if (!arr) nodes.push(shown(JSON.stringify(k), 'j-key'), ': ');
      walk(v[k], oldObj ? oldObj[k] : undefined, oldObj !== null && Object.hasOwn(oldObj, k), [...path, k], indent + 2);
      nodes.push(i < keys.length - 1 ? ',\n' : '\n');
    });
    nodes.push(' '.repeat(indent), arr ? ']' : '}');
  };
  if (value === undefined || value === null) {
    pre.replaceChildren();
    return marked;
  }
  walk(value, before, before !== undefined, [], 0);
  pre.replaceChildren(...nodes);
  return marked;
}

// ---- secret forensics -----------------------------------------------------------------

/**
 * kit.onlyoffice.explainSecret's answer, shown prominently: which variant of
 * the secret verifies the token (trimmed, with a trailing newline, ...).
 */
export function renderForensics(box, answer) {
  if (!answer || answer.verifies) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.hidden = false;
  box.dataset.variant = answer.variant ?? '';
  const h = el('h3', null, answer.variant ? t('Secret forensics: found the secret that works') : t('Secret forensics: no variant of this secret works'));
  const parts = [h, el('p', 'forensics-msg', sentence(words.message(answer)))];
  if (answer.variant) {
    const p = el('p');
    p.append(t('Variant: '), el('code', null, answer.variant));
    parts.push(p);
  }
  if (Array.isArray(answer.tried) && answer.tried.length > 0) {
    const p = el('p', 'hint');
    p.append(t('Tried: '), ...[codeList(answer.tried)].flat());
    parts.push(p);
  }
  if (Array.isArray(answer.findings) && answer.findings.length > 0) {
    const list = el('div', 'findings');
    renderFindings(list, answer.findings);
    parts.push(list);
  }
  box.replaceChildren(...parts);
}
