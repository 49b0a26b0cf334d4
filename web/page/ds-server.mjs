// The Server config panel of the Document Server mode: local.json (or Docker
// JWT_* lines) read by kit.onlyoffice.readServerConfig (C), shown as the
// settings the server ends up with, its secrets masked until revealed, and
// the findings. "Use this server config" makes the editor config and
// request panels judge with it (secret, header, prefix, clock tolerance).
// The server config lives in memory only, like every secret on the page.
import { el, renderVerdict, renderFindings, renderFacts, maskedSecret, yesNo, consequence } from './render.mjs';
import { t, tNodes, words } from './lang.mjs';

/**
 * The server config in use by the other panels: { current (the report),
 * text (what was pasted: the secret forensics read every secret in it),
 * set(r, text), subscribe(fn) }.
 */
export function serverState() {
  const subscribers = new Set();
  const state = {
    current: null,
    text: null,
    set(r, text = null) {
      state.current = r;
      state.text = r === null ? null : text;
      for (const fn of subscribers) fn(r);
    },
    subscribe(fn) {
      subscribers.add(fn);
    },
  };
  return state;
}

/** The secret a panel takes from the server config in use: 'inbox' or 'outbox'. */
export function serverSecret(server, which) {
  const v = server.current?.secrets?.[which]?.value;
  return typeof v === 'string' ? v : null;
}

/**
 * The line in a panel that says it judges with the server config, with a
 * button to stop; hidden when no server config is in use.
 */
export function renderUsing(p, server, which) {
  const sc = server.current;
  p.hidden = sc === null;
  if (sc === null) {
    p.replaceChildren();
    return;
  }
  const secret = serverSecret(server, which);
  const side = which === 'outbox' ? sc.outbox : sc.inbox;
  const tol = sc.verifyOptions?.clockTolerance;
  const stop = el('button', null, t('Stop using it'));
  stop.type = 'button';
  stop.addEventListener('click', () => server.set(null));
  const secretSaid = secret === null
    ? t('no {which} secret it can read (a file?), so the secret typed here is needed', { which })
    : t('its {which} secret ({n} characters) unless you type one here', { which, n: secret.length });
  const sideSaid = side ? tNodes(', header {header}, prefix {prefix}', {
    header: el('code', null, side.header), prefix: el('code', null, JSON.stringify(side.prefix)),
  }) : [];
  p.replaceChildren(...[
    t('Judging with the server config below: '),
    secretSaid,
    ...sideSaid,
    typeof tol === 'number' ? t(', clock tolerance {tol} s. ', { tol }) : t('. '),
    stop,
  ]);
}

const SECRETS = [
  ['inbox', 'secret.inbox: editor configs and requests to Document Server'],
  ['outbox', 'secret.outbox: callbacks and requests from Document Server'],
  ['session', 'secret.session: the editor session'],
  ['browser', 'secret.browser: ignored since 7.2'],
];

function secretRow(s, name) {
  if (!s) return undefined;
  const from = s.source === 'file' ? tNodes(' from the file {file}', { file: el('code', null, s.file ?? '?') })
    : s.file ? tNodes(' from the string (the file {file} is ignored)', { file: el('code', null, s.file) }) : [t(' from the string')];
  return [maskedSecret(s.value, `${name} secret`), ...from];
}

function settings(box, r) {
  const flag = (v) => el('strong', null, yesNo(v));
  const side = (s) => (s ? [...tNodes('header {header}, prefix {prefix}', { header: el('code', null, s.header), prefix: el('code', null, JSON.stringify(s.prefix)) }),
    ...(s.algorithm ? [', ', el('code', null, s.algorithm)] : []), ...(s.expires ? tNodes(', tokens expire after {expires}', { expires: el('code', null, s.expires) }) : [])] : undefined);
  const T = (rows) => rows.map(([term, value]) => [t(term), value]);
  renderFacts(box, T([
    ['JWT in editor configs (token.enable.browser)', flag(r.enabled?.browser)],
    ['JWT on requests to Document Server (enable.request.inbox)', flag(r.enabled?.inbox)],
    ['JWT on callbacks (enable.request.outbox)', flag(r.enabled?.outbox)],
    ['Incoming requests', side(r.inbox)],
    ['Callbacks', side(r.outbox)],
    ['Clock tolerance', typeof r.verifyOptions?.clockTolerance === 'number' ? t('{n} s', { n: r.verifyOptions.clockTolerance }) : undefined],
    ['Config tokens must carry the required fields (tokenRequiredParams)', flag(r.tokenRequiredParams)],
    ...SECRETS.map(([name, label]) => [label, secretRow(r.secrets?.[name], name)]),
    ['storage.fs.secretString (secure download links)', r.storageSecret === undefined ? undefined : maskedSecret(r.storageSecret?.value ?? r.storageSecret, 'storage secret')],
  ]), t('Settings the server ends up with'));
}

/** Wire the Server config panel (the section element) to `server`. */
export function setupServerPanel(kit, root, server) {
  const q = (id) => root.querySelector(`#${id}`);
  const ui = { text: q('ds-server-text'), use: q('ds-server-use'), verdict: q('ds-server-verdict'), settings: q('ds-server-settings'), findings: q('ds-server-findings') };
  let last = null;

  function pressed(on) {
    ui.use.setAttribute('aria-pressed', String(on));
    ui.use.textContent = on ? t('Using this server config (press to stop)') : t('Use this server config');
  }

  function run() {
    const text = ui.text.value;
    last = null;
    if (text.trim() === '') {
      renderVerdict(ui.verdict, { state: 'empty', message: t('Paste local.json or Docker env lines to see the settings the server ends up with') });
    } else {
      try {
        last = kit.onlyoffice.readServerConfig(text);
        // A secret pasted here: say where it belongs, show no settings.
        if (last.form === 'secret') {
          renderVerdict(ui.verdict, { state: 'bad', message: t('{message}; {fix}', { message: words.message(last.findings[0]), fix: words.fix(last.findings[0]) }) });
          last = null;
          ui.settings.replaceChildren();
          renderFindings(ui.findings, null);
          ui.use.disabled = true;
          if (server.current !== null) server.set(null);
          return;
        }
        renderVerdict(ui.verdict, consequence(last.findings, t('Nothing in these settings stops editors, requests or callbacks')));
      } catch (e) {
        renderVerdict(ui.verdict, { state: 'error', message: t('Cannot read it: {error}', { error: `${e.code ? `${e.code}: ` : ''}${words.message(e)}` }) });
      }
    }
    if (last) settings(ui.settings, last);
    else ui.settings.replaceChildren();
    renderFindings(ui.findings, last?.findings ?? null);
    ui.use.disabled = last === null;
    // In use: the other panels follow the edited text (or stop when it no longer reads).
    if (server.current !== null) server.set(last, text);
  }

  ui.text.addEventListener('input', run);
  ui.use.addEventListener('click', () => server.set(server.current === null ? last : null, ui.text.value));
  server.subscribe((r) => pressed(r !== null));
  run();
}
