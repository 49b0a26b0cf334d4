// The Deployment mode: secure download links (kit.onlyoffice.inspectDownloadUrl),
// nginx configuration (kit.onlyoffice.readNginxConfig) and TLS certificates
// (kit.inspectCertificate), all in C. Each panel checks that its function
// exists in this build and says so when it does not.
import { el, renderVerdict, renderFindings, renderFacts, maskedSecret, yesNo, codeList, timeNodes, consequence, markUnavailable } from './render.mjs';
import { t, words } from './lang.mjs';

const code = (v) => (v === undefined || v === null || v === '' ? '—' : el('code', null, typeof v === 'string' ? v : JSON.stringify(v)));
const errorText = (e) => `${e.code ? `${e.code}: ` : ''}${words.message(e)}`;
// Fact rows with their terms in the page's language.
const facts = (rows) => rows.map(([term, value]) => [t(term), value]);

/**
 * A panel's common wiring: `fn` is the toolkit function (or undefined in a
 * build without it); each of `inputs` re-runs `judge()` on input.
 */
function panel(root, verdict, fn, inputs, judge) {
  if (typeof fn !== 'function') {
    markUnavailable(root, verdict);
    return null;
  }
  for (const c of inputs) c.addEventListener('input', judge);
  judge();
  return judge;
}

// Without a verdict of its own: the consequence of the first error (or
// warning), else `fine`; how many more the list holds.
function findingsVerdict(region, findings, fine) {
  renderVerdict(region, consequence(findings, fine));
}

// The storage secret (storage.fs.secretString) of the server config in use, or null.
const storageSecret = (server) => {
  const v = server?.current?.storageSecret?.value;
  return typeof v === 'string' ? v : null;
};

function setupUrl(kit, root, server) {
  const q = (id) => root.querySelector(`#${id}`);
  const ui = { url: q('dp-url-text'), secret: q('dp-url-secret'), verdict: q('dp-url-verdict'), facts: q('dp-url-facts'), findings: q('dp-url-findings') };
  const judge = () => {
    const url = ui.url.value.trim();
    const clear = (state, message) => {
      renderVerdict(ui.verdict, { state, message });
      ui.facts.replaceChildren();
      renderFindings(ui.findings, null);
    };
    const storage = storageSecret(server);
    if (url === '') return clear('empty', t('Paste a download link to check it as nginx does'));
    if (ui.secret.value === '' && storage === null) {
      return clear('empty', t('Enter the secure link secret (or use a server config in the Document Server mode) to check the signature'));
    }
    const now = Date.now() / 1000;
    const secret = ui.secret.value !== '' ? ui.secret.value : storage;
    let r;
    try {
      r = kit.onlyoffice.inspectDownloadUrl(url, { secret, now });
    } catch (e) {
      return clear('error', t('Cannot check it: {error}', { error: errorText(e) }));
    }
    const v = r.verdict ?? {};
    let message = v.message !== undefined ? words.message(v) : (v.ok ? t('nginx serves the file') : t('nginx refuses it'));
    // Signed with the server config's storage secret, not the one typed here.
    if (r.checked && r.match === null && storage !== null && secret !== storage) {
      try {
        const s = kit.onlyoffice.inspectDownloadUrl(url, { secret: storage, now });
        if (s.match !== null) {
          message = t('The link is signed with storage.fs.secretString of the server config in use, not with the secret typed here: '
            + 'nginx serves it only when its $secure_link_secret is that same secret');
        }
      } catch {
        // The typed secret's answer stands.
      }
    }
    renderVerdict(ui.verdict, { state: v.ok ? 'ok' : 'bad', message, verdict: v });
    renderFacts(ui.facts, facts([
      ['Checked with', ui.secret.value !== '' ? t('the secret typed here') : t('storage.fs.secretString of the server config in use')],
      ['Expires', timeNodes(r.expires !== null && typeof r.expires === 'object' ? r.expires.epoch : r.expires, 'exp', now)],
      ['Signed path', code(r.signedPath)],
    ]));
    renderFindings(ui.findings, r.findings ?? []);
    return r;
  };
  const run = panel(root, ui.verdict, kit.onlyoffice.inspectDownloadUrl, [ui.url, ui.secret], judge);
  if (run !== null) server?.subscribe(run);
  return run;
}

// The server config in use, when it names a storage secret: readNginxConfig
// then compares it with $secure_link_secret (C: link_secrets_differ).
const withStorage = (server) => (typeof server?.current?.storageSecret?.value === 'string'
  ? { serverConfig: server.current } : {});

// nginx's listen directives as people write them: "443 ssl http2 (line 12)".
function listenList(list) {
  if (!Array.isArray(list) || list.length === 0) return t('no listen directive (nginx listens on port 80)');
  return codeList(list.map((l) => {
    if (typeof l !== 'object' || l === null) return String(l);
    const where = l.port === 0 ? t('a unix socket') : l.address ? `${l.address}:${l.port}` : String(l.port);
    const flags = [l.ssl && 'ssl', l.http2 && 'http2', l.defaultServer && 'default_server'].filter(Boolean);
    return `${[where, ...flags].join(' ')}${l.line ? t(' (line {line})', { line: l.line }) : ''}`;
  }));
}

function setupNginx(kit, root, useSecret, server) {
  const q = (id) => root.querySelector(`#${id}`);
  const ui = { text: q('dp-nginx-text'), use: q('dp-nginx-use'), verdict: q('dp-nginx-verdict'), settings: q('dp-nginx-settings'), findings: q('dp-nginx-findings') };
  let secret = null;
  const judge = () => {
    secret = null;
    ui.use.disabled = true;
    ui.settings.replaceChildren();
    renderFindings(ui.findings, null);
    if (ui.text.value.trim() === '') {
      renderVerdict(ui.verdict, { state: 'empty', message: t('Paste ds.conf or your proxy\'s server block to read it') });
      return;
    }
    let r;
    try {
      r = kit.onlyoffice.readNginxConfig(ui.text.value, withStorage(server));
    } catch (e) {
      renderVerdict(ui.verdict, { state: 'error', message: t('Cannot read it: {error}', { error: errorText(e) }) });
      return;
    }
    findingsVerdict(ui.verdict, r.findings ?? [], t('Nothing in this configuration stops Document Server'));
    secret = typeof r.secureLinkSecret === 'string' ? r.secureLinkSecret : null;
    ui.use.disabled = secret === null;
    const ssl = r.ssl ?? {};
    renderFacts(ui.settings, facts([
      ['Secure link secret ($secure_link_secret)', r.secureLinkSecret == null ? t('not set') : maskedSecret(r.secureLinkSecret, 'secure link secret')],
      ['Listens on', listenList(r.listen)],
      ['Certificate (ssl_certificate)', code(ssl.certificate)],
      ['Private key (ssl_certificate_key)', code(ssl.certificateKey)],
      ['TLS protocols (ssl_protocols)', codeList(ssl.protocols)],
    ]), t('What nginx is told'));
    renderFindings(ui.findings, r.findings ?? []);
  };
  ui.use.addEventListener('click', () => {
    if (secret !== null) useSecret(secret);
  });
  const run = panel(root, ui.verdict, kit.onlyoffice.readNginxConfig, [ui.text], judge);
  if (run !== null) server?.subscribe(run);
  return run;
}

function setupCert(kit, root) {
  const q = (id) => root.querySelector(`#${id}`);
  const ui = { pem: q('dp-cert-text'), key: q('dp-cert-key'), host: q('dp-cert-host'), verdict: q('dp-cert-verdict'), facts: q('dp-cert-facts'), findings: q('dp-cert-findings') };
  const judge = () => {
    ui.facts.replaceChildren();
    renderFindings(ui.findings, null);
    if (ui.pem.value.trim() === '') {
      renderVerdict(ui.verdict, { state: 'empty', message: t('Paste a certificate (PEM) to read it') });
      return;
    }
    const now = Date.now() / 1000;
    const options = { now };
    if (ui.key.value.trim() !== '') options.privateKey = ui.key.value;
    if (ui.host.value.trim() !== '') options.host = ui.host.value.trim();
    let r;
    try {
      r = kit.inspectCertificate(ui.pem.value, options);
    } catch (e) {
      renderVerdict(ui.verdict, { state: 'error', message: t('Cannot read it: {error}', { error: errorText(e) }) });
      return;
    }
    findingsVerdict(ui.verdict, r.findings ?? [], t('Nothing in this certificate stops a connector from trusting it'));
    renderFacts(ui.facts, facts([
      ['Subject', code(r.subject)],
      ['Issuer', code(r.issuer)],
      ['Self-signed', yesNo(r.selfSigned)],
      ['Serial', code(r.serial)],
      ['Valid from (notBefore)', [timeNodes(r.notBefore, 'nbf', now), r.notYetValid ? t(' — not yet valid') : '']],
      ['Valid until (notAfter)', [timeNodes(r.notAfter, 'exp', now), r.expired ? t(' — expired') : '']],
      ['Names (SAN DNS)', codeList(r.san?.dns)],
      ['Addresses (SAN IP)', codeList(r.san?.ip)],
      ['Key', [r.keyType ?? '—', r.keyBits ? t(', {n} bits', { n: r.keyBits }) : '']],
      ['Signature algorithm', code(r.signatureAlgorithm)],
      ['SHA-256 fingerprint', code(r.fingerprintSha256)],
      ['Private key matches', options.privateKey === undefined ? t('no key given') : yesNo(r.keyMatches)],
    ]).concat([[options.host === undefined ? t('Covers the host') : t('Covers {host}', { host: options.host }),
      options.host === undefined ? t('no host given') : yesNo(r.coversHost)]]), t('The certificate'));
    renderFindings(ui.findings, r.findings ?? []);
  };
  return panel(root, ui.verdict, kit.inspectCertificate, [ui.pem, ui.key, ui.host], judge);
}

/** Wire the Deployment mode (its tabpanel, filled from its template). */
export function setupDeployment(kit, root, server) {
  const url = setupUrl(kit, root.querySelector('#dp-url'), server);
  setupNginx(kit, root.querySelector('#dp-nginx'), (secret) => {
    const box = root.querySelector('#dp-url-secret');
    box.value = secret;
    url?.();
    box.focus();
  }, server);
  setupCert(kit, root.querySelector('#dp-cert'));
}
