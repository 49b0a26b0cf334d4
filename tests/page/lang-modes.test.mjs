// The JWT inspector (with its builder and server code), the Document Server
// mode and the Deployment mode in Chinese (?lang=zh-CN), served from
// dist/site/ and as dist/oojwt.html over file://: with a valid, an expired
// and a wrongly signed token at a chosen time, a token built, each Document
// Server panel and each Deployment panel given an input of ds.test.mjs, no
// English is left outside code, URLs and quoted tokens (harness
// englishLeft), and the page asked its catalog (web/lib/locales/ui/zh-CN.json)
// for no text it lacks (web/lib/words.mjs says so on the console).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { browserSession, openPage, openMode, openInspector, englishLeft, englishWords, distUrl, haveDist } from './harness.mjs';
import { kit } from '../helpers/common.mjs';
import { TEMPLATE } from '../../web/page/builder.mjs';

const SECRET = 'Gm2Jq7VxR4pL9sTb8WcZ1eYd5NfK3hUa';
// The inspector's chosen time (its "Verify as of" clock), as the datetime-local box takes it.
const AT = '2026-03-01T12:00';
const atSeconds = () => Math.floor(new Date(AT).getTime() / 1000);

// Names that stay as they are in any language besides the harness's
// KEEP_WORDS: JWT's registered header and claim names, the names of
// Document Server's secrets (secret.inbox, secret.outbox) and services, an
// encoding's and the JWT libraries' names.
const NAMES = new Set(['exp', 'iat', 'nbf', 'typ', 'alg', 'kid', 'crit', 'hex', 'inbox', 'outbox', 'jwt', 'jsonwebtoken',
  'CommandService', 'ConvertService', 'DocBuilder']);


const englishWordsHere = (text) => englishWords(text, [...NAMES]);

// The served page and Chromium, for every test of the file (harness.mjs).
const session = browserSession();
const url = (where) => `${where === 'served' ? session.server.base : distUrl}?lang=zh-CN`;

/**
 * The page in Chinese; `fn(page, lacks)` runs with `lacks`, the set of texts
 * the page asked the catalog for and did not find (from the start: the page
 * is reloaded once the console is watched). No console error either.
 */
async function inChinese(where, fn) {
  assert.ok(where !== 'file://' || haveDist(), 'dist/oojwt.html is missing: run `make dist`');
  const { page, context, log } = await openPage(session.browser, url(where));
  const lacks = new Set();
  page.on('console', (m) => {
    const hit = /^oojwt: no \S+ text for: (.*)$/.exec(m.text());
    if (hit) lacks.add(JSON.parse(hit[1]));
  });
  try {
    await page.reload();
    await page.locator('#diag-verdict[data-state]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await fn(page, lacks);
    assert.deepEqual(log.errors, [], 'no console errors');
  } finally {
    await context.close();
  }
}

/**
 * No English in `root` (englishLeft, harness.mjs) besides NAMES: C's
 * verdicts, findings and names are written from their codes and params too.
 * `what` names the state in the message.
 */
async function noEnglish(page, root, what) {
  const left = [];
  for (const x of await englishLeft(page, root)) {
    const words = englishWordsHere(x.text);
    if (words.length > 0) left.push({ text: x.text, words });
  }
  assert.deepEqual(left, [], `${what}: English left in ${root}`);
}

/** Wait until a region's attribute `name` is `value` (the panels judge on input). */
const settled = (page, selector, name, value) => page.locator(`${selector}[${name}="${value}"]`).waitFor();

for (const where of ['served', 'file://']) {
  test(`${where}: JWT inspector and builder in Chinese: valid, expired, bad signature, built`, () => inChinese(where, async (page, lacks) => {
    await openInspector(page);
    await page.locator('#clock-at').fill(AT);
    const now = atSeconds();
    const token = page.locator('#token');
    const secret = page.locator('#secret');
    await noEnglish(page, '#panel-jwt', 'empty');

    const payload = { ...TEMPLATE, iat: now - 7200 };
    const cases = [
      ['valid', jwt.sign({ ...payload, exp: now + 3000 }, SECRET), 'valid'],
      ['expired', jwt.sign({ ...payload, exp: now - 3600 }, SECRET), 'invalid'],
      ['bad signature', jwt.sign({ ...payload, exp: now + 3000 }, `${SECRET}-other`), 'invalid'],
      ['not a token', `Authorization: Bearer ${jwt.sign(payload, SECRET)} `, 'valid'],
    ];
    await secret.fill(SECRET);
    for (const [what, t, verdict] of cases) {
      await token.fill(t);
      await settled(page, '#verdict', 'data-verdict', verdict);
      // The secret forensics answer once their module has loaded.
      if (what === 'bad signature') await page.locator('#verdict .forensics-line').waitFor();
      await noEnglish(page, '#panel-jwt', what);
    }
    assert.match(await page.locator('#verdict').textContent(), /有效/);

    // No secret: decoded, not verified; a secret in the wrong encoding.
    await secret.fill('');
    await settled(page, '#verdict', 'data-verdict', 'unverified');
    await noEnglish(page, '#panel-jwt', 'no secret');
    await page.locator('#secret-format').selectOption('hex');
    await secret.fill('zz');
    await settled(page, '#verdict', 'data-verdict', 'invalid');
    await noEnglish(page, '#panel-jwt', 'a secret that is not hex');
    await page.locator('#secret-format').selectOption('utf8');

    // The builder: start again from the template, sign, copy, a payload that is not JSON, the server code.
    await secret.fill(SECRET);
    await page.locator('#reset-template').click();
    await page.waitForFunction(() => document.getElementById('built-token').value !== '');
    await page.locator('#copy-token').click();
    await page.waitForFunction(() => document.getElementById('copy-note').textContent !== '');
    await page.locator('#server-code > summary').click();
    await page.locator('#code-text[data-ready="true"]').waitFor();
    await noEnglish(page, '#panel-jwt', 'built');
    await page.locator('#payload-edit').fill('{ "document": ');
    await page.waitForFunction(() => document.getElementById('built-token').value === '');
    await noEnglish(page, '#panel-jwt', 'a payload that is not JSON');
    assert.deepEqual([...lacks], [], 'texts the zh-CN catalog lacks');
  }));

  test(`${where}: Document Server mode in Chinese: editor config, server config, request, connector settings`, () => inChinese(where, async (page, lacks) => {
    const ds = await openMode(page, 'tab-ds');
    await noEnglish(page, '#panel-ds', 'empty');
    // Server config first, used by the other panels.
    const local = { services: { CoAuthoring: {
      token: { enable: { browser: true, request: { inbox: true, outbox: true } } },
      secret: { inbox: { string: SECRET }, outbox: { string: SECRET }, session: { string: SECRET } },
    } } };
    const serverText = JSON.stringify(local, null, 2);
    await page.locator('#ds-server-text').fill(serverText);
    await settled(page, '#ds-server-verdict', 'data-state', 'ok');
    await page.locator('#ds-server-use').click();
    await settled(page, '#ds-server-use', 'aria-pressed', 'true');
    // The editor config: signed, then signed with another secret.
    for (const [what, signer, state] of [['a signed config', SECRET, 'ok'], ['a config signed with another secret', `${SECRET}\n`, 'bad']]) {
      const config = JSON.stringify({ ...TEMPLATE, token: jwt.sign(TEMPLATE, signer) }, null, 2);
      const token = JSON.parse(config).token;
      await page.locator('#ds-config-text').fill(config);
      await settled(page, '#ds-config-verdict', 'data-state', state);
      await noEnglish(page, '#panel-ds', what);
    }
    // A callback as Document Server sends it.
    const body = { key: 'Khirz6zTPdfd7', status: 2, url: 'https://ds.example.com/cache/files/data/Khirz6zTPdfd7/output.docx', users: ['78e1e841'] };
    if (typeof kit.onlyoffice.inspectRequest === 'function') {
      const callback = JSON.stringify({ ...body, token: jwt.sign(body, SECRET) });
      await page.locator('#ds-request-text').fill(callback);
      await page.locator('#ds-request-verdict:not([data-state="empty"])').waitFor();
      await noEnglish(page, '#panel-ds', 'a callback');
    }
    // Nextcloud's config.php.
    const php = `<?php\n$CONFIG = array (\n  'onlyoffice' => array (\n    'DocumentServerUrl' => 'https://ds.example.com/',\n    'jwt_secret' => '${SECRET}',\n    'jwt_header' => 'AuthorizationJwt',\n  ),\n);\n`;
    await page.locator('#ds-connector-text').fill(php);
    await page.locator('#ds-connector-verdict:not([data-state="empty"])').waitFor();
    await noEnglish(page, '#panel-ds', 'connector settings');
    assert.ok(await ds.isVisible());
    assert.deepEqual([...lacks], [], 'texts the zh-CN catalog lacks');
  }));

  test(`${where}: Deployment mode in Chinese: download link, nginx, certificate`, () => inChinese(where, async (page, lacks) => {
    await openMode(page, 'tab-deploy');
    await noEnglish(page, '#panel-deploy', 'empty');
    const secure = 'verysecretstring';
    const path = '/cache/files/data/Khirz6zTPdfd7_2113/output.docx/output.docx';
    const expires = Math.floor(Date.now() / 1000) + 3600;
    const md5 = createHash('md5').update(`${expires}${path}${secure}`).digest('base64url');
    if (typeof kit.onlyoffice.inspectDownloadUrl === 'function') {
      const url = `https://ds.example.com${path}?md5=${md5}&expires=${expires}&filename=output.docx`;
      await page.locator('#dp-url-text').fill(url);
      await settled(page, '#dp-url-verdict', 'data-state', 'empty');
      await noEnglish(page, '#panel-deploy', 'a link without its secret');
      await page.locator('#dp-url-secret').fill(secure);
      await settled(page, '#dp-url-verdict', 'data-state', 'ok');
      await noEnglish(page, '#panel-deploy', 'a link nginx serves');
    }
    if (typeof kit.onlyoffice.readNginxConfig === 'function') {
      const conf = 'server {\n  listen 80;\n  listen 443 ssl;\n  ssl_certificate /etc/ssl/certs/ds.crt;\n'
        + '  ssl_certificate_key /etc/ssl/private/ds.key;\n  ssl_protocols TLSv1 TLSv1.2;\n  set $secure_link_secret verysecretstring;\n}\n';
      await page.locator('#dp-nginx-text').fill(conf);
      await page.locator('#dp-nginx-verdict:not([data-state="empty"])').waitFor();
      await noEnglish(page, '#panel-deploy', 'an nginx config');
    }
    if (typeof kit.inspectCertificate === 'function') {
      const dir = mkdtempSync(join(tmpdir(), 'oojwt-cert-'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-days', '30', '-keyout', join(dir, 'a.key'), '-out', join(dir, 'a.crt')], { stdio: 'ignore' });
      const cert = readFileSync(join(dir, 'a.crt'), 'utf8');
      const key = readFileSync(join(dir, 'a.key'), 'utf8');
      await page.locator('#dp-cert-text').fill(cert);
      await page.locator('#dp-cert-key').fill(key);
      await page.locator('#dp-cert-host').fill('docs.example.com');
      await page.locator('#dp-cert-verdict:not([data-state="empty"])').waitFor();
      await noEnglish(page, '#panel-deploy', 'a certificate');
    }
    assert.deepEqual([...lacks], [], 'texts the zh-CN catalog lacks');
  }));
}
