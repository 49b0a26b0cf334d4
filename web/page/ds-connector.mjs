// The Connector settings panel of the Document Server mode: what the admin
// pastes from the connector side (Nextcloud/ownCloud config.php or occ
// output, the Moodle or Mattermost plugin's settings), read by
// kit.onlyoffice.readConnectorSettings (C) as that connector uses it and,
// when a server config is in use (the Server config panel), compared with
// Document Server's: the secrets byte for byte (shown masked until
// revealed, invisible characters as markers), header, prefix, leeway and
// certificate checks. Also the connector select the other panels share.
import { el, renderVerdict, renderFindings, renderFacts, maskedSecret, yesNo } from './render.mjs';
import { t, words } from './lang.mjs';

/** Add an option per connector profile (kit.onlyoffice.connectors()) to `select`; false when the build has none. */
export function fillConnectors(kit, select) {
  if (typeof kit.onlyoffice.connectors !== 'function') return false;
  for (const c of kit.onlyoffice.connectors().connectors) {
    select.append(new Option(words.said(c, 'name'), c.id));
  }
  return true;
}

const NAMES = { nextcloud: 'Nextcloud', owncloud: 'ownCloud', moodle: 'Moodle', mattermost: 'Mattermost' };
const FORMS = {
  'php-config': "config.php ('onlyoffice' section)",
  'occ-get': 'occ config:app:get output',
  'occ-list': 'occ config:list output',
  moodle: 'the Moodle plugin settings',
  mattermost: "the Mattermost plugin's config.json entry",
};
const SECRETS = {
  equal: 'the same, byte for byte',
  differ: 'different',
  unknown: 'cannot be compared (a side has no secret, or reads it from a file)',
};

// The connector's settings as facts.
function settingRows(r) {
  const s = r.settings;
  const name = NAMES[r.connector] ?? t('unknown');
  return [
    ['Connector', r.certain ? name : t('{name} (assumed: the text fits more than one connector)', { name })],
    ['Read as', FORMS[r.form] ? t(FORMS[r.form]) : r.form],
    ['Header it uses', s.header === null ? undefined : [el('code', null, s.header), s.headerSet ? '' : t(' (its default)')]],
    ['Prefix it sends and cuts', s.prefix === null ? t('none') : el('code', null, JSON.stringify(s.prefix))],
    ['Leeway for the token times', s.leeway === null ? t('none it can set') : t('{n} s', { n: s.leeway })],
    ['Certificate checks off (verify_peer_off)', s.verifyPeerOff === null ? undefined : yesNo(s.verifyPeerOff)],
    ['Document Server address', s.documentServerUrl ?? undefined],
    ['Document Server address from the connector\'s server', s.documentServerInternalUrl ?? undefined],
    ['Connector address for Document Server', s.storageUrl ?? undefined],
  ].map(([term, value]) => [t(term), value]);
}

// The secrets side by side: lengths, masked values (revealed as JSON
// strings, invisible characters as markers) and whether they match.
function secretRows(r, server) {
  const theirs = server?.secrets ?? {};
  const cmp = r.comparison?.secrets;
  const row = (which, label) => {
    const v = theirs[which]?.value;
    const value = typeof v === 'string' ? maskedSecret(v, `${which} secret`) : t('none it can read');
    return [t(label), cmp ? [value, t(': '), el('strong', null, SECRETS[cmp[which]] ? t(SECRETS[cmp[which]]) : cmp[which])] : value];
  };
  return [
    [t('The connector\'s secret'), r.settings.secretSet && r.settings.secret === null ? t('set, but not readable here')
      : maskedSecret(r.settings.secret, 'connector\'s secret')],
    ...(cmp ? [
      row('inbox', 'secret.inbox: checks what the connector sends'),
      row('outbox', 'secret.outbox: signs the callbacks and downloads'),
    ] : []),
  ];
}

// The headline: the consequence for the user, from the C report.
function headline(r) {
  const name = NAMES[r.connector] ?? t('The connector');
  const all = [...r.findings, ...(r.comparison?.findings ?? [])];
  const errors = all.filter((f) => f.severity === 'error');
  if (r.form === 'unknown') {
    return { state: 'bad', message: t('This is not a connector\'s settings: paste config.php\'s \'onlyoffice\' section, occ output, or the Moodle or Mattermost plugin settings') };
  }
  if (r.comparison === null) {
    return {
      state: errors.length > 0 ? 'bad' : 'ok',
      message: errors.length > 0 ? t('{name} will fail: {error}', { name, error: words.message(errors[0]) })
        : t('Read {name}\'s settings; use a server config (Server config panel, above) to compare them with Document Server\'s', { name }),
    };
  }
  const { inbox, outbox } = r.comparison.secrets;
  if (inbox === 'differ' || outbox === 'differ') {
    const which = inbox === 'differ' && outbox === 'differ' ? 'both' : inbox === 'differ' ? 'inbox' : 'outbox';
    return { state: 'bad', message: t('{name} and Document Server hold different secrets: {which, select, both {every token between them} '
      + 'inbox {what {name} sends to Document Server} other {Document Server\'s callbacks to {name}}} is refused ("Invalid token")', { name, which }) };
  }
  if (errors.length > 0) return { state: 'bad', message: t('{name} and Document Server disagree: {error}', { name, error: words.message(errors[0]) }) };
  return { state: 'ok', message: t('{name} and Document Server agree: same secret, header and prefix', { name }) };
}

/** Wire the Connector settings panel (the section element) to the server config in use. */
export function setupConnectorPanel(kit, root, server) {
  const q = (id) => root.querySelector(`#${id}`);
  const ui = {
    text: q('ds-connector-text'), using: root.querySelector('[data-using]'), verdict: q('ds-connector-verdict'),
    settings: q('ds-connector-settings'), secrets: q('ds-connector-secrets'), findings: q('ds-connector-findings'),
  };
  if (typeof kit.onlyoffice.readConnectorSettings !== 'function') {
    root.querySelector('[data-unavailable]').hidden = false;
    ui.text.disabled = true;
    return;
  }

  function run() {
    const sc = server.current;
    ui.using.hidden = false;
    ui.using.textContent = sc === null || server.text === null
      ? t('No server config in use: only the connector side is read. Use one in the Server config panel to compare both sides.')
      : t('Compared with the server config in use (the Server config panel).');
    if (ui.text.value.trim() === '') {
      renderVerdict(ui.verdict, { state: 'empty', message: t('Paste what the connector shows to compare it with Document Server') });
      ui.settings.replaceChildren();
      ui.secrets.replaceChildren();
      renderFindings(ui.findings, null);
      return;
    }
    let r;
    try {
      r = kit.onlyoffice.readConnectorSettings(ui.text.value, sc !== null && server.text !== null ? { serverConfig: server.text } : {});
    } catch (e) {
      renderVerdict(ui.verdict, { state: 'error', message: t('Cannot read it: {error}', { error: `${e.code ? `${e.code}: ` : ''}${words.message(e)}` }) });
      return;
    }
    renderVerdict(ui.verdict, headline(r));
    if (r.form === 'unknown') ui.settings.replaceChildren();
    else renderFacts(ui.settings, settingRows(r), t('What the connector uses'));
    if (r.form === 'unknown') ui.secrets.replaceChildren();
    else renderFacts(ui.secrets, secretRows(r, r.comparison ? sc : null), t('Secrets'));
    renderFindings(ui.findings, [...r.findings, ...(r.comparison?.findings ?? [])]);
  }

  ui.text.addEventListener('input', run);
  server.subscribe(run);
  run();
}
