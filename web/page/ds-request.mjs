// The Request or callback panel of the Document Server mode: a callback from
// Document Server or a command/converter/docbuilder request to it, judged by
// kit.onlyoffice.inspectRequest (C) — { verdict, findings, tokens,
// effectiveBody } — with the same renderers as the config panel. A build
// without that function says so instead.
import { el, renderVerdict, renderFindings, renderForensics, renderJsonMarked, renderFacts, yesNo, markUnavailable } from './render.mjs';
import { renderUsing, serverSecret } from './ds-server.mjs';
import { fillConnectors } from './ds-connector.mjs';
import { t, tNodes, words } from './lang.mjs';

// "Name: value" lines as a headers object (the last of repeated names wins).
function headersOf(text) {
  const headers = {};
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim()] = line.slice(i + 1).replace(/^[ \t]+/, '');
  }
  return headers;
}

/**
 * What inspectRequest takes: { headers, body } when the headers are given
 * apart or the text is a body alone, else the raw request text.
 */
export function requestInput(text, headersText) {
  if (headersText.trim() !== '') return { headers: headersOf(headersText), body: text };
  if (/^\s*[{[]/.test(text)) return { headers: {}, body: text };
  return text;
}

// The body as sent (for marking what the token replaced), when it is JSON.
function sentBody(input) {
  const body = typeof input === 'string' ? input.split(/\r?\n\r?\n/).slice(1).join('\n\n') : input.body;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

// Where a token was found, in words.
const PLACE = { body: 'Token in the body\'s token field', query: 'Token in the token query parameter', header: 'Token in header',
  'other-header': 'Token in header' };

// One line per token found (body, header, ...): where, whether the receiver
// acts on it, and its outcome in words.
function tokenRows(tokens) {
  if (!Array.isArray(tokens)) return [];
  return tokens.map((tk, i) => {
    if (tk === null || typeof tk !== 'object') return [t('Token {n}', { n: i + 1 }), String(tk)];
    const where = tk.header ? tNodes('Token in header {header}', { header: el('code', null, tk.header) })
      : [PLACE[tk.place] ? t(PLACE[tk.place]) : t('Token in place {place}', { place: tk.place })];
    const facts = [el('strong', null, tk.valid ? t('verifies') : t('refused'))];
    if (!tk.valid && tk.serverMessage) facts.push(' (', el('bdi', null, tk.serverMessage), ')');
    if (tk.alg) facts.push(`, ${tk.alg}`);
    if (typeof tk.length === 'number') facts.push(t(', {n} characters', { n: tk.length }));
    if (tk.token === null) facts.push(t(', not a string'));
    facts.push(tk.counts ? t('; the receiver acts on this one') : t('; the receiver ignores this one'));
    return [where, facts];
  });
}

// One line per connector: its name, its decision, its answer and its
// library's words, and the fix (code connector_decides) in the page's language.
function connectorRows(list) {
  if (!Array.isArray(list)) return [];
  return list.map((c) => [words.message({ code: 'connector_name', params: { connector: c.id }, message: c.name }), [
    el('strong', null, c.accepted === true ? t('accepts') : c.accepted === false ? t('refuses') : t('may refuse')),
    c.httpStatus !== null && c.accepted !== true ? ` (HTTP ${c.httpStatus})` : '',
    c.libraryMessage !== null ? ': ' : '', c.libraryMessage !== null ? el('bdi', null, c.libraryMessage) : '',
    c.accepted !== true && c.fix ? t(' Fix: {fix}', { fix: words.fix({ code: c.messageCode, params: c.messageParams, fix: c.fix }) }) : '',
  ]]);
}

/** Wire the Request or callback panel (the section element). */
export function setupRequestPanel(kit, root, server) {
  const q = (id) => root.querySelector(`#${id}`);
  const ui = {
    kind: q('ds-request-kind'), text: q('ds-request-text'), headers: q('ds-request-headers'), secret: q('ds-request-secret'),
    using: root.querySelector('[data-using]'), verdict: q('ds-request-verdict'), forensics: q('ds-request-forensics'),
    tokens: q('ds-request-tokens'), findings: q('ds-request-findings'), bodyWrap: q('ds-request-body'),
    connector: q('ds-request-connector'), leeway: q('ds-request-leeway'), connectorField: q('ds-request-connector-field'),
    connectors: q('ds-request-connectors'),
  };
  const bodyPre = ui.bodyWrap.querySelector('pre');
  if (typeof kit.onlyoffice.inspectRequest !== 'function') {
    markUnavailable(root, ui.verdict);
    return;
  }
  const which = () => (ui.kind.value === 'callback' ? 'outbox' : 'inbox');
  const hasConnectors = fillConnectors(kit, ui.connector);

  function clear(state, message) {
    renderVerdict(ui.verdict, { state, message });
    renderForensics(ui.forensics, null);
    ui.tokens.replaceChildren();
    ui.connectors.replaceChildren();
    renderFindings(ui.findings, null);
    ui.bodyWrap.hidden = true;
  }

  function run() {
    renderUsing(ui.using, server, which());
    ui.connectorField.hidden = !hasConnectors || ui.kind.value !== 'callback';
    if (ui.text.value.trim() === '') {
      clear('empty', t('Paste a request or callback to judge it as its receiver does'));
      return;
    }
    const secret = ui.secret.value !== '' ? ui.secret.value : serverSecret(server, which());
    if (secret === null) {
      clear('empty', t('Enter the {which} secret (or use a server config) to judge it', { which: which() }));
      return;
    }
    const input = requestInput(ui.text.value, ui.headers.value);
    let r;
    try {
      const options = { kind: ui.kind.value, now: Date.now() / 1000, serverConfig: server.current ?? undefined };
      if (!ui.connectorField.hidden) {
        if (ui.connector.value !== '') options.connector = ui.connector.value;
        if (ui.leeway.value.trim() !== '') options.leeway = Number(ui.leeway.value);
      }
      r = kit.onlyoffice.inspectRequest(input, secret, options);
    } catch (e) {
      clear('error', t('Cannot judge it: {error}', { error: `${e.code ? `${e.code}: ` : ''}${words.message(e)}` }));
      return;
    }
    const v = r.verdict ?? {};
    // The receiver's answer (code request_answer, or connector_decides) in the page's language.
    const message = v.message ? words.message(v) : (v.ok ? t('Accepted') : t('Refused'));
    renderVerdict(ui.verdict, { state: v.ok ? 'ok' : 'bad', message, verdict: { ...v, code: undefined } });
    const findings = Array.isArray(r.findings) ? r.findings : [];
    const failed = Array.isArray(r.tokens) ? r.tokens.find((t) => typeof t?.token === 'string' && t.valid === false) : undefined;
    renderForensics(ui.forensics, failed && findings.some((f) => f.code === 'bad_signature')
      ? kit.onlyoffice.explainSecret(failed.token, secret, server.text !== null ? { serverConfig: server.text } : undefined) : null);
    renderFacts(ui.tokens, tokenRows(r.tokens), t('Tokens found'));
    renderFacts(ui.connectors, connectorRows(r.connectors), t('As each connector judges it'));
    renderFindings(ui.findings, findings);
    ui.bodyWrap.hidden = r.effectiveBody === undefined || r.effectiveBody === null;
    renderJsonMarked(bodyPre, r.effectiveBody, sentBody(input));
  }

  for (const c of [ui.text, ui.headers, ui.secret, ui.leeway]) c.addEventListener('input', run);
  ui.kind.addEventListener('change', run);
  ui.connector.addEventListener('change', run);
  server.subscribe(run);
  run();
}
