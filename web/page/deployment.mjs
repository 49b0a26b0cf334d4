// The Deployment mode: secure download links (kit.onlyoffice.inspectDownloadUrl),
// nginx configuration (kit.onlyoffice.readNginxConfig) and TLS certificates
// (kit.inspectCertificate), all in C. Each panel checks that its function
// exists in this build and says so when it does not.
import { el, renderVerdict, renderFindings, renderFacts, maskedSecret, yesNo, codeList, timeNodes, countFindings, markUnavailable } from './render.mjs';

const code = (v) => (v === undefined || v === null || v === '' ? '—' : el('code', null, typeof v === 'string' ? v : JSON.stringify(v)));
const errorText = (e) => `${e.code ? `${e.code}: ` : ''}${e.message}`;

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

// Without a verdict of its own: good when no finding is an error.
function findingsVerdict(region, findings, what) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  renderVerdict(region, {
    state: errors > 0 ? 'bad' : 'ok',
    message: findings.length === 0 ? `${what}: no findings` : `${what}: ${countFindings(findings)}`,
  });
}

function setupUrl(kit, root) {
  const q = (id) => root.querySelector(`#${id}`);
  const ui = { url: q('dp-url-text'), secret: q('dp-url-secret'), verdict: q('dp-url-verdict'), facts: q('dp-url-facts'), findings: q('dp-url-findings') };
  const judge = () => {
    const url = ui.url.value.trim();
    const clear = (state, message) => {
      renderVerdict(ui.verdict, { state, message });
      ui.facts.replaceChildren();
      renderFindings(ui.findings, null);
    };
    if (url === '') return clear('empty', 'Paste a download link to check it as nginx does');
    if (ui.secret.value === '') return clear('empty', 'Enter the secure link secret to check the signature');
    const now = Date.now() / 1000;
    let r;
    try {
      r = kit.onlyoffice.inspectDownloadUrl(url, { secret: ui.secret.value, now });
    } catch (e) {
      return clear('error', `Cannot check it: ${errorText(e)}`);
    }
    const v = r.verdict ?? {};
    renderVerdict(ui.verdict, { state: v.ok ? 'ok' : 'bad', message: v.message ?? (v.ok ? 'nginx serves the file' : 'nginx refuses it'), verdict: v });
    renderFacts(ui.facts, [
      ['Expires', timeNodes(r.expires !== null && typeof r.expires === 'object' ? r.expires.epoch : r.expires, 'exp', now)],
      ['Signed path', code(r.signedPath)],
    ]);
    renderFindings(ui.findings, r.findings ?? []);
    return r;
  };
  return panel(root, ui.verdict, kit.onlyoffice.inspectDownloadUrl, [ui.url, ui.secret], judge);
}

// The server config in use, when it names a storage secret: readNginxConfig
// then compares it with $secure_link_secret (C: link_secrets_differ).
const withStorage = (server) => (typeof server?.current?.storageSecret?.value === 'string'
  ? { serverConfig: server.current } : {});

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
      renderVerdict(ui.verdict, { state: 'empty', message: 'Paste ds.conf or your proxy\'s server block to read it' });
      return;
    }
    let r;
    try {
      r = kit.onlyoffice.readNginxConfig(ui.text.value, withStorage(server));
    } catch (e) {
      renderVerdict(ui.verdict, { state: 'error', message: `Cannot read it: ${errorText(e)}` });
      return;
    }
    findingsVerdict(ui.verdict, r.findings ?? [], 'Read the configuration');
    secret = typeof r.secureLinkSecret === 'string' ? r.secureLinkSecret : null;
    ui.use.disabled = secret === null;
    const ssl = r.ssl ?? {};
    renderFacts(ui.settings, [
      ['Secure link secret ($secure_link_secret)', r.secureLinkSecret == null ? 'not set' : maskedSecret(r.secureLinkSecret, 'secure link secret')],
      ['Listens on', codeList(r.listen)],
      ['Certificate (ssl_certificate)', code(ssl.certificate)],
      ['Private key (ssl_certificate_key)', code(ssl.certificateKey)],
      ['TLS protocols (ssl_protocols)', codeList(ssl.protocols)],
    ], 'What nginx is told');
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
      renderVerdict(ui.verdict, { state: 'empty', message: 'Paste a certificate (PEM) to read it' });
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
      renderVerdict(ui.verdict, { state: 'error', message: `Cannot read it: ${errorText(e)}` });
      return;
    }
    findingsVerdict(ui.verdict, r.findings ?? [], 'Read the certificate');
    const name = (v) => (typeof v === 'string' ? v : code(v));
    renderFacts(ui.facts, [
      ['Subject', name(r.subject)],
      ['Issuer', name(r.issuer)],
      ['Self-signed', yesNo(r.selfSigned)],
      ['Serial', code(r.serial)],
      ['Valid from (notBefore)', [timeNodes(r.notBefore, 'nbf', now), r.notYetValid ? ' — not yet valid' : '']],
      ['Valid until (notAfter)', [timeNodes(r.notAfter, 'exp', now), r.expired ? ' — expired' : '']],
      ['Names (SAN DNS)', codeList(r.san?.dns)],
      ['Addresses (SAN IP)', codeList(r.san?.ip)],
      ['Key', [r.keyType ?? '—', r.keyBits ? `, ${r.keyBits} bits` : '']],
      ['Signature algorithm', r.signatureAlgorithm ?? '—'],
      ['SHA-256 fingerprint', code(r.fingerprintSha256)],
      ['Private key matches', options.privateKey === undefined ? 'no key given' : yesNo(r.keyMatches)],
      [`Covers ${options.host ?? 'the host'}`, options.host === undefined ? 'no host given' : yesNo(r.coversHost)],
    ], 'The certificate');
    renderFindings(ui.findings, r.findings ?? []);
  };
  return panel(root, ui.verdict, kit.inspectCertificate, [ui.pem, ui.key, ui.host], judge);
}

/** Wire the Deployment mode (its tabpanel, filled from its template). */
export function setupDeployment(kit, root, server) {
  const url = setupUrl(kit, root.querySelector('#dp-url'));
  setupNginx(kit, root.querySelector('#dp-nginx'), (secret) => {
    const box = root.querySelector('#dp-url-secret');
    box.value = secret;
    url?.();
    box.focus();
  }, server);
  setupCert(kit, root.querySelector('#dp-cert'));
}
