// Generates tests/vectors/diagnose.json with node:crypto and openssl
// (independent of oojwt): one row per kind of text the diagnosis
// recognises, and one per journey (several texts judged together), each
// with what the diagnosis must answer.
//   node tests/gen/diagnose.mjs tests/vectors/diagnose.json
// (fresh certificate and key each run). Run once; the output is committed.
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NOW = 1765000000;
const b64 = (s) => Buffer.from(s).toString('base64url');
function sign(payload, secret, alg = 'HS256') {
  const h = b64(JSON.stringify({ alg, typ: 'JWT' }));
  const p = b64(JSON.stringify(payload));
  const s = createHmac(`sha${alg.slice(2)}`, secret).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${s}`;
}

const INBOX = 'Kq3ZxY7pLm2Vn8Rt5Wb1Hc6Jd4Fg9Ae0';
const BROWSER = 'Br0wser5ecretBr0wser5ecretBr0wse';
const LINK = 'L1nkS3cretL1nkS3cretL1nkS3cretL1';
const localJson = JSON.stringify({
  services: {
    CoAuthoring: {
      token: { enable: { browser: true, request: { inbox: true, outbox: true } } },
      secret: { inbox: { string: INBOX }, outbox: { string: INBOX }, session: { string: INBOX }, browser: { string: BROWSER } },
    },
  },
  storage: { fs: { secretString: LINK } },
}, null, 2);

const config = {
  document: { fileType: 'docx', key: 'k1', title: 'a.docx', url: 'https://files.example.com/a.docx' },
  documentType: 'word',
  editorConfig: { callbackUrl: 'https://files.example.com/callback' },
};
const command = { c: 'version' };
const article = (() => {
  const whole = sign({ fileType: 'png', url: 'https://example.com/url-to-example-image.png' }, 'secret');
  return whole.slice(0, whole.lastIndexOf('.') + 25); // 24 characters: 18 bytes
})();

const tmp = mkdtempSync(join(tmpdir(), 'oojwt-diag-'));
// The steps people follow for a bare IP: genrsa, req, x509 -signkey.
execFileSync('openssl', ['genrsa', '-out', `${tmp}/ds.key`, '2048'], { stdio: 'ignore' });
execFileSync('openssl', ['req', '-new', '-key', `${tmp}/ds.key`, '-out', `${tmp}/ds.csr`, '-subj', '/CN=10.17.174.115'], { stdio: 'ignore' });
execFileSync('openssl', ['x509', '-req', '-days', '365', '-in', `${tmp}/ds.csr`, '-signkey', `${tmp}/ds.key`, '-out', `${tmp}/ds.crt`], { stdio: 'ignore' });
const certPem = readFileSync(`${tmp}/ds.crt`, 'utf8');
const keyPem = readFileSync(`${tmp}/ds.key`, 'utf8');
const DS_CONF = 'include /etc/nginx/includes/http-common.conf;\nserver {\n  listen 0.0.0.0:80;\n  listen 443 ssl;\n'
  + '  ssl_certificate /var/www/onlyoffice/Data/certs/ds.crt;\n  ssl_certificate_key /var/www/onlyoffice/Data/certs/ds.key;\n'
  + '  ssl_protocols TLSv1.2 TLSv1.3;\n  server_tokens off;\n  set $secure_link_secret 3kvVrM37aHShAoDRwiow;\n'
  + '  include /etc/nginx/includes/ds-*.conf;\n}\n';

const tests = [
  // One row per kind.
  { name: 'a bare token, checked with the typed secret', items: [sign(config, INBOX)], secrets: [INBOX],
    expect: { kinds: ['token'], verdict: 'diag_token_verifies', severity: 'info' } },
  { name: 'a token signed with RS256: Document Server takes HS tokens only', items: [`${b64(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64(JSON.stringify(command))}.${b64('not checked')}`],
    expect: { kinds: ['token'], verdict: 'diag_token_rejected', severity: 'error', params: { alg: 'RS256' } } },
  { name: 'an Authorization header line', items: [`Authorization: Bearer ${sign(command, INBOX)}`], secrets: [INBOX],
    expect: { kinds: ['authorization'], verdict: 'diag_token_verifies' } },
  { name: 'an access log line holding a token', items: [`10.0.0.5 - - [06/Dec/2026:10:00:00 +0000] "GET /doc?token=${sign(command, INBOX)} HTTP/1.1" 200 12`],
    secrets: [INBOX], expect: { kinds: ['log-line'], verdict: 'diag_token_verifies' } },
  { name: 'a checkJwt error line of Document Server, with local.json: a token signed with another secret',
    items: [`[2026-12-06T10:00:00.000] [WARN] [localhost] [docId] [userId] nodeJS - checkJwt error: name = JsonWebTokenError message = invalid signature token = ${sign(config, 'another-secret')}`, localJson],
    expect: { kinds: ['ds-log', 'local-json'], verdict: 'diag_secret_unknown', severity: 'error', codes: ['diag_ds_log'] } },
  { name: 'an auth missing required parameter line', items: ['[2026-12-06T10:00:00.000] [ERROR] nodeJS - auth missing required parameter document.key (since 7.1 version)'],
    expect: { kinds: ['ds-log'], verdict: 'diag_ds_log', severity: 'warning' } },
  { name: 'a fillDataFromJwt token has modified permissions line', items: ['[WARN] nodeJS - fillDataFromJwt token has modified permissions'],
    expect: { kinds: ['ds-log'], verdict: 'diag_ds_log' } },
  { name: 'an editor config signed with the inbox secret, with local.json', items: [JSON.stringify({ ...config, token: sign(config, INBOX) }), localJson],
    expect: { kinds: ['editor-config', 'local-json'], codes: ['diag_token_verifies'] } },
  { name: 'page source with the config written in the DocsAPI.DocEditor call', items: [`<div id="placeholder"></div>\n<script>\nvar docEditor = new DocsAPI.DocEditor("placeholder", ${JSON.stringify({ ...config, token: sign(config, INBOX) })});\n</script>`],
    secrets: [INBOX], expect: { kinds: ['page-source'], codes: ['diag_token_verifies'] } },
  { name: 'page source whose config is a variable', items: ['<script>var docEditor = new DocsAPI.DocEditor("placeholder", config);</script>'],
    expect: { kinds: ['page-source'], verdict: 'diag_config_not_json', severity: 'warning' } },
  { name: 'a raw command request, its header token checked', items: [`POST /coauthoring/CommandService.ashx HTTP/1.1\r\nHost: ds.example.com\r\nAuthorization: Bearer ${sign({ payload: command }, INBOX)}\r\nContent-Type: application/json\r\n\r\n{"c":"version"}`],
    secrets: [INBOX], expect: { kinds: ['http-request'], codes: ['diag_token_verifies'] } },
  { name: 'a callback body signed with the outbox secret', items: [JSON.stringify({ key: 'k1', status: 2, url: 'https://ds.example.com/cache/files/k1/output.docx', token: sign({ key: 'k1', status: 2 }, INBOX) }), localJson],
    expect: { kinds: ['request-body', 'local-json'], codes: ['diag_token_verifies'] } },
  { name: 'local.json alone: nothing to verify', items: [localJson],
    expect: { kinds: ['local-json'] } },
  { name: 'a docker run line with JWT_SECRET, and a token signed with a space before it', items: ["docker run -i -t -d -p 80:80 --restart=always -e JWT_SECRET='my_jwt_secret' onlyoffice/documentserver", sign(command, ' my_jwt_secret')],
    expect: { kinds: ['docker-env', 'token'], verdict: 'diag_secret_variant', params: { secret: 'JWT_SECRET', variant: 'with-leading-space' } } },
  { name: 'compose environment lines', items: ['    environment:\n      - JWT_ENABLED=true\n      - JWT_SECRET=' + INBOX + '\n'],
    expect: { kinds: ['docker-env'] } },
  { name: 'docker exec ... json output, and a token signed with that value', items: [`$ sudo docker exec 1a2b3c4d json -f /etc/onlyoffice/documentserver/local.json services.CoAuthoring.secret.inbox.string\n${INBOX}\n`, sign(command, INBOX)],
    expect: { kinds: ['docker-exec', 'token'], verdict: 'diag_token_verifies', detail: 'services.CoAuthoring.secret.inbox.string' } },
  { name: 'a bare value read as a secret', items: [`${INBOX}\n`, sign(command, INBOX)],
    expect: { kinds: ['bare-value', 'token'], verdict: 'diag_token_verifies' } },
  { name: "Nextcloud's config.php", items: [`<?php\n$CONFIG = array (\n  'version' => '28.0.1.1',\n  'onlyoffice' => [\n    'jwt_secret' => '${INBOX}',\n  ],\n);\n`],
    expect: { kinds: ['connector-settings'], detail: 'nextcloud' } },
  { name: 'an nginx server block with the secure link secret', items: ['server {\n  listen 0.0.0.0:80;\n  set $secure_link_secret verysecretstring;\n  location / { proxy_pass http://docservice; }\n}\n'],
    expect: { kinds: ['nginx-config'], verdict: 'nginx_no_https', severity: 'warning', codes: ['default_link_secret'] } },
  { name: 'a certificate made with genrsa / req / x509 -signkey for a bare IP, and its key', items: [certPem, keyPem],
    expect: { kinds: ['certificate', 'pem-key'], codes: ['cert_self_signed'], verdict: 'diag_cert_no_ip', severity: 'error',
      headline: 'will refuse https://10.17.174.115: the certificate has no IP address for it',
      commands: [{ id: 'make_certificate', includes: ['subjectAltName=IP:10.17.174.115'] }] } },
  { name: 'a download link of Document Server, with local.json', items: [`https://ds.example.com/cache/files/data/k1/output.docx/output.docx?md5=AAAAAAAAAAAAAAAAAAAAAA&expires=${NOW + 3600}&filename=output.docx`, localJson],
    expect: { kinds: ['download-link', 'local-json'], verdict: 'link_signature_mismatch', severity: 'error', headline: 'The download will fail' } },
  { name: "the editor's -20 text", items: ['The document security token is not correctly formed.\nPlease contact your Document Server administrator.'],
    expect: { kinds: ['editor-error'], verdict: 'diag_symptom', params: { editorError: -20 } } },
  { name: "the editor's -21 text", items: ['The document security token has expired. Please contact your Document Server administrator.'],
    expect: { kinds: ['editor-error'], params: { editorError: -21 } } },
  { name: "Nextcloud's connection error", items: ['Error when trying to connect (Invalid token)'],
    expect: { kinds: ['connector-error'], verdict: 'diag_symptom' } },
  { name: 'unknown text', items: ['hello world, nothing here'],
    expect: { kinds: ['unknown'], verdict: 'diag_not_recognised', severity: 'info' } },
  // Journeys.
  { name: 'journey: Nextcloud "Invalid token" from a secret read with a trailing newline',
    items: ['Error when trying to connect (Invalid token)', localJson, `POST /coauthoring/CommandService.ashx HTTP/1.1\r\nAuthorization: Bearer ${sign({ payload: command }, `${INBOX}\n`)}\r\nContent-Type: application/json\r\n\r\n{"c":"version"}`],
    expect: { kinds: ['connector-error', 'local-json', 'http-request'], verdict: 'diag_secret_variant', severity: 'error',
      params: { variant: 'with-trailing-newline' }, headline: 'Nextcloud', items: [2] } },
  { name: 'journey: a config signed with secret.browser while local.json is loaded',
    items: [localJson, JSON.stringify({ ...config, token: sign(config, BROWSER) })],
    expect: { kinds: ['local-json', 'editor-config'], verdict: 'diag_signed_with_other_secret', severity: 'error',
      params: { signedWith: 'secret.browser', expected: 'secret.inbox' }, headline: 'editor', items: [1] } },
  { name: "journey: the article's token, its signature cut to 18 bytes", items: [article],
    expect: { kinds: ['token'], verdict: 'diag_signature_truncated', severity: 'error', params: { signatureBytes: 18, expectedBytes: 32 } } },
  { name: 'journey: a token with a Bearer prefix and a log line, with the secret',
    items: [`Bearer ${sign(command, INBOX)}`, `2026-12-06 10:00:00 ERROR request failed token=${sign(config, `${INBOX} `)} status=403`], secrets: [INBOX],
    expect: { kinds: ['authorization', 'log-line'], verdict: 'diag_secret_variant', params: { variant: 'with-trailing-space' }, codes: ['diag_token_verifies'] } },
  { name: "journey: nginx's $secure_link_secret against storage.fs.secretString, a line feed apart",
    items: [localJson, `server {\n  listen 0.0.0.0:80;\n  set $secure_link_secret "${LINK}\\n";\n}\n`],
    expect: { kinds: ['local-json', 'nginx-config'], verdict: 'link_secrets_differ', severity: 'error', headline: 'nginx', items: [1] } },
  { name: "journey: Nextcloud's config.php with a secret that differs from local.json's",
    items: [`<?php\n$CONFIG = array (\n  'version' => '28.0.1.1',\n  'onlyoffice' => [\n    'jwt_secret' => '${INBOX} ',\n  ],\n);\n`, localJson],
    expect: { kinds: ['connector-settings', 'local-json'], codes: ['connector_secret_differs'], verdict: 'connector_secret_differs',
      severity: 'error', headline: 'Nextcloud and Document Server do not agree', words: ['whitespace'] } },
  { name: 'journey: unknown text next to a token with no secret', items: ['hello world', sign(command, INBOX)],
    expect: { kinds: ['unknown', 'token'], verdict: 'diag_no_secret', severity: 'warning', codes: ['diag_not_recognised'] } },
  // The products' Chinese texts (src/diagnose/symptoms.c quotes their sources).
  { name: "the editor's -20 text in Chinese (web-apps zh.json errorToken), its <br> a line break",
    items: ['文档安全令牌的格式不正确\n请与您的文档服务器管理员联系。'],
    expect: { kinds: ['editor-error'], verdict: 'diag_symptom', params: { editorError: -20, symptom: 'editor_token_invalid' } } },
  { name: "Nextcloud's Chinese message (l10n/zh_CN.json), as a Chinese admin's blog quotes it",
    items: ['文档服务内部发生异常: Invalid token'],
    expect: { kinds: ['connector-error'], verdict: 'diag_symptom', params: { symptom: 'nextcloud_invalid_token' } } },
  { name: "Moodle's Chinese secret message (lang/zh_cn validationerror:incorrectsecret)",
    items: ['无法连接到 ONLYOFFICE 文档。请检查密钥是否正确。'],
    expect: { kinds: ['connector-error'], verdict: 'diag_symptom', params: { symptom: 'moodle_incorrect_secret' } } },
  { name: 'journey: Nextcloud\'s Chinese "Invalid token" from a secret read with a trailing newline',
    items: ['连接时发生异常 (文档服务内部发生异常: Invalid token)', localJson, `POST /coauthoring/CommandService.ashx HTTP/1.1\r\nAuthorization: Bearer ${sign({ payload: command }, `${INBOX}\n`)}\r\nContent-Type: application/json\r\n\r\n{"c":"version"}`],
    expect: { kinds: ['connector-error', 'local-json', 'http-request'], verdict: 'diag_secret_variant', severity: 'error',
      params: { variant: 'with-trailing-newline' }, headline: 'Nextcloud', items: [2] } },
  // The certificate of the steps people follow, judged while it is valid.
  { name: "journey: a certificate made with openssl genrsa / req / x509 -signkey for a bare IP, with Nextcloud's error",
    items: ['Error when trying to connect (Invalid token)', certPem, keyPem], now: NOW + 31688000,
    expect: { kinds: ['connector-error', 'certificate', 'pem-key'], verdict: 'diag_cert_no_ip', severity: 'error',
      params: { host: '10.17.174.115' }, headline: 'Nextcloud will refuse https://10.17.174.115: the certificate has no IP address for it',
      items: [1], words: ['subjectAltName', '-extfile', 'genrsa'],
      commands: [{ id: 'make_certificate', includes: ['openssl genrsa', '-subj /CN=10.17.174.115', 'subjectAltName=IP:10.17.174.115', '-signkey onlyoffice.key -extfile onlyoffice.ext'] }],
      codes: ['cert_self_signed'] } },
  // run-document-server.sh rewrites ds.conf at every start (update_nginx_settings).
  { name: 'journey: nginx ds.conf from the Docker container with a hand-added listen 443 ssl and certificate paths',
    items: [DS_CONF],
    expect: { kinds: ['nginx-config'], verdict: 'nginx_docker_rewritten', severity: 'warning',
      headline: 'Document Server will answer on no HTTPS port after the container restarts', items: [0],
      words: ['Data/certs', 'tls.crt', 'tls.key', '/var/www/onlyoffice/Data', '-p 443:443'] } },
];
const WORDS = {
  'journey: Nextcloud "Invalid token"': ['line feed added at the end', 'tr -d'],
  'journey: a config signed with secret.browser': ['secret.browser', 'secret.inbox'],
  "journey: the article's token": ['cut to 18 bytes'],
  'journey: a token with a Bearer prefix': ['with a space added at the end'],
  "journey: nginx's $secure_link_secret": ['secure_link_secret', 'storage.fs.secretString'],
};
for (const t of tests) {
  const w = Object.entries(WORDS).find(([k]) => t.name.startsWith(k));
  if (w) t.expect.words = w[1];
}
// The secrets the items hold, which an export must mask: the constants
// above where an item quotes them, and a private key's base64 lines.
const heldBy = (items) => {
  const out = new Set();
  for (const t of items) {
    for (const s of [INBOX, BROWSER, LINK, 'my_jwt_secret', 'verysecretstring', '3kvVrM37aHShAoDRwiow']) if (t.includes(s)) out.add(s);
    if (t.includes('PRIVATE KEY-----')) for (const l of t.split('\n')) if (l.length >= 16 && !l.startsWith('-')) out.add(l);
  }
  return [...out];
};
for (const t of tests) t.inputSecrets = heldBy(t.items);

const out = {
  description: 'kit.diagnose / oojwt_diagnose vectors: items (strings) and typed secrets, judged at `now`; '
    + 'expect: the kind of each item, the verdict code and severity, a subset of its params, a substring of '
    + 'its headline, the items it rests on, and codes that must be among the findings. Tokens signed with '
    + 'node:crypto, the certificate made with openssl (tests/gen/diagnose.mjs). Rows may carry their own `now`; '
    + '`words` must appear in the verdict (headline, cause or fix), `commands` among the report\'s commands (id, '
    + 'substrings of its text); `inputSecrets` are the secrets the items hold, which an export must mask '
    + '(tests/gen/diagnose.mjs).',
  now: NOW,
  tests: tests.map((t, i) => ({ id: i + 1, ...t })),
};
writeFileSync(process.argv[2], `${JSON.stringify(out, null, 2)}\n`);
