// Shared renderers of the Document Server and Deployment modes: a verdict
// line, the findings list, facts (definition lists), JSON with marked
// values, masked secrets and times. Every panel of those modes shows what
// the wasm module reported through these, the same way: the C core decides,
// this file lays it out. Nothing is parsed with innerHTML (all of it is
// pasted, untrusted text). All text goes in through el() and shown(): bidi
// controls and invisible characters as markers (web/lib/visible.mjs, as in
// the decoded view), and values from the input (code, JSON strings and
// keys, secrets, facts) inside a <bdi>, so that they cannot reorder the
// page's sentence around them.
import { utc, local, relative, readableSeconds } from '../lib/time.mjs';
import { visibleNodes, visibleText } from '../lib/visible.mjs';

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
 * editorConfig.callbackUrl, nginx or oojwt, which keeps its case) and a full stop;
 * durations in seconds in units people read.
 */
export const sentence = (s) => {
  const t = readableSeconds(s ?? '').trim();
  if (t === '') return t;
  const first = /^(?!nginx\b|oojwt\b)[a-z]+(?![\w.$])/.test(t) ? t[0].toUpperCase() : t[0];
  return `${first}${t.slice(1)}${/[.!?)]$/.test(t) ? '' : '.'}`;
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
};

/**
 * The verdict region of a panel. `state`: 'empty' (nothing to judge yet, with
 * `message` as the prompt), 'ok', 'bad', 'error' (the input cannot be judged)
 * or 'unavailable'. `verdict`: the C verdict object (its primitive members
 * other than ok/message are shown as facts: close code, editor error, HTTP
 * status, ...). Touches the DOM only when the text changes, so that screen
 * readers hear each change once.
 */
export function renderVerdict(region, { state, message, verdict = {} }) {
  const facts = Object.entries(verdict)
    .filter(([k, v]) => k !== 'ok' && k !== 'message' && v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => [VERDICT_FACTS[k] ?? k, String(v)]);
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
const rank = (s) => (SEVERITY.includes(s) ? SEVERITY.indexOf(s) : SEVERITY.length);
const FINDING_FIELDS = new Set(['severity', 'code', 'path', 'message', 'fix']);

/** "2 errors, 1 warning" for a findings list ('' when empty). */
export function countFindings(findings) {
  const n = {};
  for (const f of findings) n[f.severity] = (n[f.severity] ?? 0) + 1;
  return Object.keys(n).sort((a, b) => rank(a) - rank(b))
    .map((s) => `${n[s]} ${(SEVERITY_LABEL[s] ?? s).toLowerCase()}${n[s] === 1 ? '' : 's'}`).join(', ');
}

/**
 * A verdict from findings alone, stating the consequence: the first error's
 * message (else the first warning's), and how many more are listed; `fine`
 * when there is neither.
 */
export function consequence(findings, fine) {
  const worst = findings.find((f) => f.severity === 'error') ?? findings.find((f) => f.severity === 'warning');
  if (!worst) return { state: 'ok', message: findings.length === 0 ? fine : `${fine} (notes below)` };
  const rest = findings.filter((f) => f !== worst && f.severity !== 'info').length;
  const said = `${String(worst.message).replace(/\.$/, '')}${rest > 0 ? ` (${rest} more below)` : ''}`;
  return worst.severity === 'error' ? { state: 'bad', message: said }
    : { state: 'ok', message: `${fine}, but: ${said[0].toLowerCase()}${said.slice(1)}` };
}

function findingItem(f) {
  const sev = SEVERITY.includes(f.severity) ? f.severity : 'info';
  const li = el('li', `finding sev-${sev}`);
  li.dataset.code = f.code ?? '';
  li.dataset.severity = f.severity ?? '';
  const head = el('p', 'f-head');
  head.append(el('span', 'sev', SEVERITY_LABEL[f.severity] ?? String(f.severity ?? 'note')), ' ', el('code', 'f-code', f.code ?? ''));
  if (f.path) head.append(' ', el('span', 'f-where', 'at '), el('code', 'f-path', f.path));
  li.append(head, el('p', 'f-msg', sentence(f.message)));
  // Members a newer C core adds (e.g. what the server does) are shown too.
  for (const [k, v] of Object.entries(f)) {
    if (FINDING_FIELDS.has(k) || v === null || typeof v === 'object') continue;
    const p = el('p', 'f-extra');
    p.append(el('span', 'f-label', `${k}: `), shown(v));
    li.append(p);
  }
  if (f.fix) {
    const p = el('p', 'f-fix');
    p.append(el('span', 'f-label', 'Fix: '), ...visibleNodes(sentence(f.fix)));
    li.append(p);
  }
  return li;
}

/**
 * The findings list, errors first: severity (in words, not only colour),
 * code, JSON path, what is wrong and what the server does, and the fix.
 * `findings` null clears the box.
 */
export function renderFindings(box, findings, { none = 'No findings: nothing to change.' } = {}) {
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
  const h = el('h3', 'findings-h', `Findings: ${countFindings(findings)}`);
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
export const yesNo = (v) => (v === true ? 'yes' : v === false ? 'no' : '—');

/** A list of strings (or values) as code elements separated by commas. */
export function codeList(values) {
  if (!Array.isArray(values) || values.length === 0) return 'none';
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
  const rel = relative(claim, seconds, now);
  const bad = (claim === 'exp' && seconds <= now) || (claim === 'nbf' && seconds > now);
  span.append(el('span', 'utc', utc(seconds)), el('span', 'local', ` · ${local(seconds)} · `), el('span', `rel ${bad ? 'bad' : 'ok'}`, rel));
  return span;
}

// ---- secrets -------------------------------------------------------------------------

/**
 * A secret shown masked (its length only) with a Reveal button; revealed as
 * a JSON string so that spaces, quotes and line breaks show.
 */
export function maskedSecret(value, name) {
  if (typeof value !== 'string') return value === null || value === undefined ? 'none' : String(value);
  const wrap = el('span', 'secret-value');
  const code = el('code', 'masked');
  const masked = `${'•'.repeat(Math.min(value.length, 12))} (${value.length} character${value.length === 1 ? '' : 's'})`;
  code.textContent = masked;
  const b = el('button', 'reveal', 'Reveal');
  b.type = 'button';
  b.setAttribute('aria-pressed', 'false');
  b.setAttribute('aria-label', `Reveal the ${name}`);
  b.addEventListener('click', () => {
    const on = b.getAttribute('aria-pressed') !== 'true';
    b.setAttribute('aria-pressed', String(on));
    b.textContent = on ? 'Hide' : 'Reveal';
    b.setAttribute('aria-label', `${on ? 'Hide' : 'Reveal'} the ${name}`);
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
        m.title = has ? `from the token (the page had ${visibleText(JSON.stringify(old) ?? 'undefined')})` : 'from the token (not in the page\'s config)';
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
  const h = el('h3', null, answer.variant ? 'Secret forensics: found the secret that works' : 'Secret forensics: no variant of this secret works');
  const parts = [h, el('p', 'forensics-msg', sentence(answer.message))];
  if (answer.variant) {
    const p = el('p');
    p.append('Variant: ', el('code', null, answer.variant));
    parts.push(p);
  }
  if (Array.isArray(answer.tried) && answer.tried.length > 0) {
    const p = el('p', 'hint');
    p.append('Tried: ', ...[codeList(answer.tried)].flat());
    parts.push(p);
  }
  if (Array.isArray(answer.findings) && answer.findings.length > 0) {
    const list = el('div', 'findings');
    renderFindings(list, answer.findings);
    parts.push(list);
  }
  box.replaceChildren(...parts);
}
