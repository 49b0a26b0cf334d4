// The Editor config panel of the Document Server mode: the config a page
// passes to DocsAPI.DocEditor, judged by kit.onlyoffice.inspectConfig (C) as
// the server judges it: the verdict in the editor's own words (close code,
// editor error, message), the findings, the token's times, and the effective
// config with the values the token overrides marked. When the signature
// fails, kit.onlyoffice.explainSecret says which variant of the secret works.
// The token's kind (kit.onlyoffice.tokenKind: the config, insertImage,
// setHistoryData, ...) is shown with its confidence; a token of another kind
// than the config, or the kind picked in "Judge as", is judged by
// kit.onlyoffice.inspectBrowserToken as the server judges that kind.
// "Connector that built it" passes `connector` to both (what that connector
// signs). "Edit and sign in the builder" hands the config to the page's one
// builder.
import { renderVerdict, renderFindings, renderForensics, renderJsonMarked, el, codeList } from './render.mjs';
import { renderTimes } from './decoded.mjs';
import { visibleNodes } from '../lib/visible.mjs';
import { renderUsing, serverSecret } from './ds-server.mjs';
import { fillConnectors } from './ds-connector.mjs';
import { showTab } from './modes.mjs';
import { t, tNodes, words } from './lang.mjs';

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// The end of the {…} that starts at `start` (strings and comments skipped), or -1.
function matchBrace(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 1;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

function parseObject(text) {
  try {
    const v = JSON.parse(text);
    return isObject(v) ? v : null;
  } catch {
    return null;
  }
}

// Only a token (or a config written as JavaScript around one): the config
// it signs, as the official integrations sign the whole config, with it.
function fromToken(kit, pasted) {
  const { token } = kit.extract(pasted);
  if (token === '') return null;
  let payload;
  try {
    payload = kit.decode(token).payload;
  } catch {
    return null;
  }
  if (!isObject(payload)) return null;
  const config = { ...payload };
  for (const claim of ['iat', 'exp', 'nbf']) delete config[claim];
  // A token that wraps the config in {"payload": …} (C reports the wrapping).
  const body = isObject(config.payload) && Object.keys(config).length === 1 ? { ...config.payload } : config;
  body.token = token;
  return {
    config: body,
    text: JSON.stringify(body),
    fromToken: true,
    where: t('No config written as JSON, only a token: judged by its kind (a config token as the config it signs, with the token).'),
  };
}

/**
 * Find the config in pasted text: { config, text, where } or { error }.
 * `text` is the config's own JSON text (given to C as is, so that its
 * strict parser sees duplicates and all); `where` says where it was found
 * when it was not the whole paste. Only locates: every check is in C.
 */
export function findConfig(kit, pasted) {
  const whole = pasted.trim();
  const direct = parseObject(whole);
  if (direct) return { config: direct, text: whole, where: null };
  if (whole.startsWith('{')) {
    try {
      JSON.parse(whole);
    } catch (e) {
      return { error: t('The config is not valid JSON: {error}', { error: e.message }) };
    }
  }
  const call = /DocsAPI\s*\.\s*DocEditor\s*\(/.exec(pasted);
  if (call) {
    const start = pasted.indexOf('{', call.index);
    const end = start < 0 ? -1 : matchBrace(pasted, start);
    if (end > 0) {
      const text = pasted.slice(start, end + 1);
      const config = parseObject(text);
      if (config) return { config, text, where: t('Found the object passed to DocsAPI.DocEditor in the pasted text.') };
    }
    // The call names a variable (or a JavaScript literal): look for a JSON object elsewhere.
  }
  for (let start = pasted.indexOf('{'); start >= 0; start = pasted.indexOf('{', start + 1)) {
    const end = matchBrace(pasted, start);
    if (end < 0) continue;
    const text = pasted.slice(start, end + 1);
    const config = parseObject(text);
    if (config && (isObject(config.document) || typeof config.token === 'string' || isObject(config.editorConfig))) {
      return { config, text, where: t('Found a config (JSON) at character {n} of the pasted text.', { n: start + 1 }) };
    }
  }
  const token = fromToken(kit, pasted);
  if (token) return token;
  return {
    error: call
      ? t('Found DocsAPI.DocEditor, but no config written as JSON: paste the config itself (in the browser console: copy(JSON.stringify(config))).')
      : t('No config found: paste the config object as JSON, or the page source that contains it.'),
  };
}

/** Wire the Editor config panel (the section element). */
export function setupConfigPanel(kit, root, server) {
  const q = (id) => root.querySelector(`#${id}`);
  const ui = {
    text: q('ds-config-text'), found: q('ds-config-found'), secret: q('ds-config-secret'), using: root.querySelector('[data-using]'),
    sign: q('ds-sign'), signNote: q('ds-sign-note'),
    verdict: q('ds-config-verdict'), forensics: q('ds-config-forensics'), findings: q('ds-config-findings'),
    timesWrap: q('ds-config-times'), effective: q('ds-config-effective'),
    kindField: q('ds-config-kind-field'), kind: q('ds-config-kind'), kindSelect: q('ds-config-kind-select'),
    connector: q('ds-config-connector'), connectorField: q('ds-config-connector-field'),
  };
  ui.connectorField.hidden = !fillConnectors(kit, ui.connector);
  // The connector picked, as inspectConfig and inspectBrowserToken take it (none: undefined).
  const connector = () => ui.connector.value || undefined;
  const times = ui.timesWrap.querySelector('.times');
  const kinds = typeof kit.onlyoffice.tokenKinds === 'function' ? kit.onlyoffice.tokenKinds() : [];
  for (const k of kinds) ui.kindSelect.append(new Option(`${k.kind}: ${words.said(k, 'label')}`, k.kind));

  // The token's kind, guessed from its payload, shown with the confidence;
  // the kind to judge it as (the select, else the guess), or null.
  function showKind(token) {
    ui.kindField.hidden = token === null || kinds.length === 0;
    if (ui.kindField.hidden) return null;
    const g = kit.onlyoffice.tokenKind(token);
    const name = g.kind ?? t('unknown');
    const others = g.candidates.filter((c) => c !== g.kind);
    // The kinds' names as code (they are the editor's method names).
    const also = el('span');
    also.append(...[codeList(others)].flat());
    ui.kind.replaceChildren(
      ...tNodes('Token kind: {name} ({confidence}): {why}.', { name: g.kind === null ? name : el('code', null, name) },
        { confidence: t(g.confidence), why: words.said(g, 'why') }),
      ...(others.length > 0 ? tNodes(' It could also be: {others}.', { others: also }) : []),
      ...(g.confidence === 'ambiguous' || g.confidence === 'unknown' ? [t(' Pick the kind below if you know it.')] : []));
    ui.kindField.dataset.confidence = g.confidence;
    return ui.kindSelect.value || g.kind;
  }

  // A token of the editor page's methods, judged by its kind.
  function runToken(token, s, kind, now) {
    let r;
    try {
      r = kit.onlyoffice.inspectBrowserToken(token, {
        secret: s.value, serverConfig: server.current ?? undefined, now, kind: ui.kindSelect.value || undefined,
        connector: connector(),
      });
    } catch (e) {
      clear('error', t('Cannot judge it: {error}', { error: `${e.code ? `${e.code}: ` : ''}${words.message(e)}` }));
      return;
    }
    const v = r.verdict;
    renderVerdict(ui.verdict, {
      state: v.ok ? 'ok' : 'bad',
      message: `${kind}: ${words.message(v)}`,
      verdict: { channel: v.channel, closeCode: v.closeCode, editorError: v.editorError, serverError: v.serverError,
        httpStatus: v.httpStatus },
    });
    renderForensics(ui.forensics, r.findings.some((f) => f.code === 'bad_signature') ? explain(token, s.value) : null);
    renderFindings(ui.findings, r.findings);
    const payload = r.token?.payload;
    ui.timesWrap.hidden = !isObject(payload);
    if (isObject(payload)) renderTimes(times, payload, now);
    renderJsonMarked(ui.effective, null);
  }

  // Which secret signed the token: variants of the secret in use, and every
  // secret of the server config in use (secret.browser, secret.session, the
  // storage secret: C names the one that matches and why the server does not use it).
  const explain = (token, value) => kit.onlyoffice.explainSecret(token, value,
    server.text !== null ? { serverConfig: server.text } : undefined);

  // The secret in use: the box, else the inbox secret of the server config in use.
  function secret() {
    if (ui.secret.value !== '') return { value: ui.secret.value };
    const s = serverSecret(server, 'inbox');
    return s === null ? null : { value: s };
  }

  function clear(state, message) {
    renderVerdict(ui.verdict, { state, message });
    renderForensics(ui.forensics, null);
    renderFindings(ui.findings, null);
    ui.timesWrap.hidden = true;
    renderJsonMarked(ui.effective, null);
  }

  function run() {
    renderUsing(ui.using, server, 'inbox');
    if (ui.text.value.trim() === '') {
      ui.found.hidden = true;
      ui.kindField.hidden = true;
      clear('empty', t('Paste a config to judge it as Document Server does'));
      return;
    }
    const found = findConfig(kit, ui.text.value);
    ui.found.hidden = !found.where;
    ui.found.replaceChildren(...visibleNodes(found.where ?? ''));
    if (found.error) {
      ui.kindField.hidden = true;
      clear('error', found.error);
      return;
    }
    const token = typeof found.config.token === 'string' ? found.config.token : null;
    const kind = showKind(token);
    const s = secret();
    if (s === null && found.config.token !== undefined) {
      clear('empty', t('The config has a token: enter the inbox secret (or use a server config below) to judge it'));
      return;
    }
    const now = Date.now() / 1000;
    // A token pasted alone that is not a config, or a kind picked other than
    // the config: the token judged as the server judges that kind.
    const picked = ui.kindSelect.value !== '' && ui.kindSelect.value !== 'config';
    if (token !== null && kind !== null && (picked || (found.fromToken && kind !== 'config' && kind !== 'refreshFile'))) {
      runToken(token, s, kind, now);
      return;
    }
    let r;
    try {
      // With a secret C reads the config's own text; without one (and no token), the object.
      r = kit.onlyoffice.inspectConfig(s === null ? found.config : found.text, {
        secret: s?.value, serverConfig: server.current ?? undefined, now, connector: connector(),
      });
    } catch (e) {
      clear('error', t('Cannot judge it: {error}', { error: `${e.code ? `${e.code}: ` : ''}${words.message(e)}` }));
      return;
    }
    renderVerdict(ui.verdict, {
      state: r.verdict.ok ? 'ok' : 'bad',
      message: words.message(r.verdict),
      verdict: r.verdict,
    });
    const badSignature = r.findings.some((f) => f.code === 'bad_signature');
    renderForensics(ui.forensics, badSignature && typeof found.config.token === 'string' && s !== null
      ? explain(found.config.token, s.value) : null);
    renderFindings(ui.findings, r.findings);
    const payload = r.token?.payload;
    ui.timesWrap.hidden = !isObject(payload);
    if (isObject(payload)) renderTimes(times, payload, now);
    renderJsonMarked(ui.effective, r.effectiveConfig, found.config);
  }

  // The one builder (the JWT inspector's Build panel, build-panel.mjs) signs:
  // the config without its token goes there.
  function toBuilder() {
    const found = findConfig(kit, ui.text.value);
    if (found.error) {
      ui.signNote.replaceChildren(...visibleNodes(t('Nothing to sign: {error}', { error: found.error })));
      return;
    }
    const payload = { ...found.config };
    delete payload.token;
    // The inspector and its builder load when their tab is first shown.
    showTab('tab-jwt').then(() => document.dispatchEvent(new CustomEvent('oojwt:build', { detail: { payload } })), () => {});
  }

  ui.text.addEventListener('input', () => {
    ui.signNote.textContent = '';
    run();
  });
  ui.secret.addEventListener('input', run);
  ui.kindSelect.addEventListener('change', run);
  ui.connector.addEventListener('change', run);
  ui.sign.addEventListener('click', toBuilder);
  server.subscribe(run);
  run();
}
