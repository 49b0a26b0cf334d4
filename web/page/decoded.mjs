// The Decoded panel and the note about pasted text: the token's segments in
// colour, header and payload pretty-printed, the time claims in UTC, local
// time and relative. Everything shown comes from the wasm module's report;
// nothing here is parsed with innerHTML (tokens are untrusted input).
import { utc, local, relative, duration } from '../lib/time.mjs';
import { visibleNodes } from '../lib/visible.mjs';
import { t, tNodes, words } from './lang.mjs';

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// Decoded text from the token: bidi controls and invisible characters shown
// as markers (web/lib/visible.mjs), inside a <bdi> so that it cannot reorder
// what the page writes around it.
function userText(className, text) {
  const e = el('bdi', className);
  e.append(...visibleNodes(text));
  return e;
}

// ---- what the extractor cut off ------------------------------------------

const visible = (s) => s.replace(/ /g, '·').replace(/\t/g, '→').replace(/\r?\n/g, '↵')
  .replace(/[\u00a0\u200b\ufeff]/g, (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
const clip = (s, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A sentence that lists what kit.extract removed, or '' when nothing. */
export function describeStripped(stripped) {
  if (stripped.length === 0) return '';
  // The token sits at the first gap between pieces.
  let pos = 0;
  let before = true;
  const said = [];
  const text = { before: 0, after: 0 };
  let ws = 0;
  const quotes = new Set();
  for (const p of stripped) {
    if (p.pos !== pos) before = false;
    pos = p.pos + p.text.length;
    if (p.kind === 'header') said.push(t('the header name “{name}”', { name: p.text }));
    else if (p.kind === 'bearer') {
      said.push(p.text === 'Bearer' ? t('the “Bearer” prefix')
        : t('the “{prefix}” prefix (Document Server wants exactly “Bearer ”)', { prefix: p.text }));
    } else if (p.kind === 'quote') quotes.add(p.text);
    else if (p.kind === 'whitespace') ws += p.text.length;
    else if (p.kind === 'text') text[before ? 'before' : 'after'] += p.text.length;
  }
  if (quotes.size > 0) said.push(t('quotes ({quotes})', { quotes: [...quotes].join(' ') }));
  if (ws > 0) said.push(t('{n, plural, one {a space or line break} other {# spaces or line breaks}}', { n: ws }));
  const n = (k) => t('{n, plural, one {# character} other {# characters}}', { n: text[k] });
  if (text.before && text.after) said.push(t('other text around it ({before} before, {after} after)', { before: n('before'), after: n('after') }));
  else if (text.before) said.push(t('{n} of other text before it', { n: n('before') }));
  else if (text.after) said.push(t('{n} of other text after it', { n: n('after') }));
  // English as the page always wrote it ("a, b and c"); another language as it lists.
  const list = words.lang !== 'en' ? new Intl.ListFormat(words.lang).format(said)
    : said.length === 1 ? said[0] : `${said.slice(0, -1).join(', ')} and ${said.at(-1)}`;
  return t('Found the token in the pasted text and removed {list}. Document Server would reject the text as pasted: send it the token alone.', { list });
}

/** The removed pieces as they were, whitespace made visible: nodes for the note. */
export function strippedDetails(stripped) {
  const nodes = [];
  for (const p of stripped) {
    if (nodes.length > 0) nodes.push(' ');
    const c = el('code', `cut cut-${p.kind}`, clip(visible(p.text)));
    c.title = p.kind;
    nodes.push(c);
  }
  return nodes.length > 0 ? [t('Removed: '), ...nodes] : [];
}

// ---- the token, colour-coded ------------------------------------------------

const SEGMENT_CLASS = ['seg-h', 'seg-p', 'seg-s'];
const MARKED = new Set(['malformed', 'bad_base64']);

/** Render the token in coloured segments, marking the offending characters. */
export function renderSegments(box, token, errors) {
  if (token === '') {
    box.replaceChildren(el('span', 'muted', '—'));
    return;
  }
  const marks = new Map();
  for (const e of errors) {
    if (MARKED.has(e.code) && e.pos !== undefined && e.pos < token.length) marks.set(e.pos, e);
  }
  const nodes = [];
  let seg = 0;
  let start = 0;
  const flush = (end) => {
    if (end <= start) return;
    const span = el('span', SEGMENT_CLASS[seg] ?? 'seg-x');
    let from = start;
    for (const [p, e] of [...marks].filter(([q]) => q >= start && q < end).sort((a, b) => a[0] - b[0])) {
      if (p > from) span.append(token.slice(from, p));
      const m = el('mark', 'bad', token[p] === ' ' ? '·' : token[p] === '\n' ? '↵' : token[p]);
      m.title = `${e.code}: ${words.message(e)}`;
      span.append(m);
      from = p + 1;
    }
    if (from < end) span.append(token.slice(from, end));
    nodes.push(span);
  };
  for (let i = token.indexOf('.'); i !== -1; i = token.indexOf('.', i + 1)) {
    flush(i);
    const dot = marks.has(i) ? el('mark', 'bad', '.') : el('span', 'dot', '.');
    if (marks.has(i)) dot.title = `${marks.get(i).code}: ${words.message(marks.get(i))}`;
    nodes.push(dot);
    seg++;
    start = i + 1;
  }
  flush(token.length);
  box.replaceChildren(...nodes);
}

// ---- JSON, pretty-printed and coloured --------------------------------------

const JSON_TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;

/** Pretty-print a decoded part: an object, or the raw text when it is not one. */
export function renderJson(pre, value, rawText) {
  if (value === null || value === undefined) {
    if (rawText === undefined) {
      pre.replaceChildren();
    } else {
      pre.replaceChildren(el('span', 'muted', `${t('not a JSON object; decoded text:')}\n`), userText('j-raw', rawText));
    }
    return;
  }
  const text = JSON.stringify(value, null, 2);
  // A large part as plain text: thousands of coloured spans cost more to lay out than they help.
  if (text.length > 16 * 1024) {
    pre.replaceChildren(userText('j-raw', text));
    return;
  }
  const nodes = [];
  let last = 0;
  for (const m of text.matchAll(JSON_TOKEN)) {
    if (m.index > last) nodes.push(text.slice(last, m.index));
    if (m[1] !== undefined) {
      nodes.push(userText(m[2] !== undefined ? 'j-key' : 'j-str', m[1]));
      if (m[2] !== undefined) nodes.push(m[2]);
    } else if (m[3] !== undefined) {
      nodes.push(el('span', 'j-num', m[3]));
    } else {
      nodes.push(el('span', 'j-lit', m[4]));
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  pre.replaceChildren(...nodes);
}

// ---- time claims ---------------------------------------------------------------

const CLAIMS = [
  ['iat', 'issued at'],
  ['nbf', 'not before'],
  ['exp', 'expires'],
];

/** The iat/nbf/exp table, relative to `now`. */
export function renderTimes(box, payload, now) {
  const rows = CLAIMS.filter(([name]) => payload && Object.hasOwn(payload, name));
  if (rows.length === 0) {
    const p = el('p', 'muted');
    p.append(...tNodes(payload ? 'No {iat}, {nbf} or {exp}: the token never expires.' : 'No {iat}, {nbf} or {exp}.',
      { iat: el('code', null, 'iat'), nbf: el('code', null, 'nbf'), exp: el('code', null, 'exp') }));
    box.replaceChildren(p);
    return;
  }
  const table = el('table', 'times-table');
  table.append(el('caption', 'visually-hidden', t('Time claims')));
  const head = el('tr');
  for (const h of ['Claim', 'Value', 'UTC', 'Local time', 'Relative']) {
    const th = el('th', null, t(h));
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const body = el('tbody');
  for (const [name, label] of rows) {
    const v = payload[name];
    const tr = el('tr');
    const th = el('th');
    th.scope = 'row';
    th.append(el('code', null, name), ` ${t(label)}`);
    tr.append(th);
    const cells = typeof v === 'number' && utc(v) !== null
      ? [String(v), utc(v), local(v, words), relative(name, v, now, words)]
      : [JSON.stringify(v), t('not a number of seconds'), '—', '—'];
    const labels = ['Value', 'UTC', 'Local time', 'Relative'];
    cells.forEach((c, i) => {
      const td = el('td', i === 3 ? `rel ${relClass(name, v, now)}` : i === 0 && typeof v === 'number' ? 'num' : null, c);
      td.dataset.label = t(labels[i]);
      tr.append(td);
    });
    body.append(tr);
  }
  table.append(body);
  const parts = [table];
  if (typeof payload.exp === 'number' && typeof payload.iat === 'number') {
    const life = payload.exp - payload.iat;
    parts.push(el('p', 'hint', life > 0 ? t('Lifetime (exp − iat): {duration}.', { duration: duration(life, words) }) : t('exp is not after iat.')));
  }
  box.replaceChildren(...parts);
}

function relClass(name, v, now) {
  if (typeof v !== 'number') return 'bad';
  if (name === 'exp') return v <= now ? 'bad' : 'ok';
  if (name === 'nbf') return v > now ? 'bad' : 'ok';
  return v > now ? 'warn' : '';
}

/** The signature line: algorithm and decoded length (C checks the length). */
export function signatureInfo(r) {
  if (r.signatureLength === undefined) return '—';
  const alg = r.alg ?? (r.header && typeof r.header.alg === 'string' ? r.header.alg : t('no algorithm'));
  return t('{alg}, {n} bytes', { alg, n: r.signatureLength });
}
