// docs/screenshot-light.png and docs/screenshot-dark.png (the Diagnose box,
// the page's first screen), docs/screenshot-zh-{light,dark}.png (the same in
// Chinese, ?lang=zh-CN; Chinese glyphs need a CJK font such as Debian's
// fonts-noto-cjk), docs/screenshot-jwt-{light,dark}.png (the JWT
// inspector) and docs/screenshot-ds-{light,dark}.png (the Document Server
// mode), from the real page (dist/oojwt.html over file://) in Debian's
// Chromium:
//
//   make screenshots
//
// The scenes: in the Diagnose box, the Nextcloud admin's journey
// (tests/vectors/diagnose.json): the connector's "Invalid token", local.json
// and the command request, whose token was signed with the secret read with
// a trailing newline. In the JWT inspector, an editor-config token pasted as
// a whole Authorization header line, with the right secret, that expired
// three minutes ago. In the Document Server mode: the config of an
// integration whose secret file ends in a newline, with a callback URL on
// localhost, pasted from the page source.
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, openPage, openMode, openInspector, distUrl, haveDist } from '../tests/page/harness.mjs';

if (!haveDist()) {
  console.error('screenshots: dist/oojwt.html is missing: run `make dist`');
  process.exit(1);
}
const docs = fileURLToPath(new URL('../docs/', import.meta.url));
mkdirSync(docs, { recursive: true });

const secret = 'Gm2Jq7VxR4pL9sTb8WcZ1eYd5NfK3hUa';
const now = Math.floor(Date.now() / 1000);
const payload = {
  document: {
    fileType: 'docx',
    key: 'Khirz6zTPdfd7',
    title: 'Quarterly report.docx',
    url: 'https://files.example.com/quarterly-report.docx',
    permissions: { edit: true, download: true },
  },
  documentType: 'word',
  editorConfig: {
    callbackUrl: 'https://files.example.com/onlyoffice/callback',
    mode: 'edit',
    user: { id: '78e1e841', name: 'Smith' },
  },
  iat: now - 480,
  exp: now - 180,
};
const seg = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const input = `${seg({ alg: 'HS256', typ: 'JWT' })}.${seg(payload)}`;
const token = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;

const config = { ...payload, editorConfig: { ...payload.editorConfig, callbackUrl: 'http://localhost:8080/onlyoffice/callback' } };
delete config.iat;
delete config.exp;
const configInput = `${seg({ alg: 'HS256', typ: 'JWT' })}.${seg({ ...config, iat: now - 20, exp: now + 280 })}`;
config.token = `${configInput}.${createHmac('sha256', `${secret}\n`).update(configInput).digest('base64url')}`;
const pageSource = `<div id="placeholder"></div>\n<script>\n  var docEditor = new DocsAPI.DocEditor("placeholder", ${JSON.stringify(config)});\n</script>`;

const nextcloud = JSON.parse(readFileSync(new URL('../tests/vectors/diagnose.json', import.meta.url), 'utf8'))
  .tests.find((t) => t.name.startsWith('journey: Nextcloud')).items;

// The Diagnose box with the Nextcloud journey, by element ids (any language).
async function diagnose(page) {
  await page.locator('#diag-text-1').fill(nextcloud[0]);
  for (let i = 1; i < nextcloud.length; i++) {
    await page.locator(`#diag-kind-${i}[data-kind]`).waitFor();
    await page.locator('#diag-add').click();
    await page.locator(`#diag-text-${i + 1}`).fill(nextcloud[i]);
  }
  await page.locator('#diag-verdict[data-code="diag_secret_variant"]').waitFor();
  await page.locator('.diag-box:nth-child(3) .recognised[data-kind]').waitFor();
  await page.evaluate(() => {
    document.activeElement?.blur();
    for (const t of document.querySelectorAll('.diag-box textarea')) t.scrollTop = 0;
  });
}

const browser = await launch();
try {
  for (const scheme of ['light', 'dark']) {
    const { page, context, log } = await openPage(browser, distUrl, { colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    await diagnose(page);
    const diag = `${docs}screenshot-${scheme}.png`;
    await page.screenshot({ path: diag, fullPage: true });
    // The JWT inspector.
    await openInspector(page);
    await page.getByLabel('Token').fill(`Authorization: Bearer ${token}`);
    await page.getByLabel('Secret', { exact: true }).fill(secret);
    await page.locator('[role="status"][data-verdict="invalid"]').waitFor();
    await page.evaluate(() => {
      document.activeElement?.blur();
      document.getElementById('token').scrollTop = 0;
    });
    const out = `${docs}screenshot-jwt-${scheme}.png`;
    await page.screenshot({ path: out, fullPage: true });
    // The Document Server mode: the editor config panel.
    await openMode(page, 'Document Server');
    await page.getByLabel('Config passed to DocsAPI.DocEditor').fill(pageSource);
    await page.getByLabel('Inbox secret').fill(secret);
    await page.locator('#ds-config-forensics:not([hidden])').waitFor();
    await page.evaluate(() => {
      document.activeElement?.blur();
      document.getElementById('ds-config-text').scrollTop = 0;
    });
    const ds = `${docs}screenshot-ds-${scheme}.png`;
    const box = await page.locator('#ds-config').boundingBox();
    await page.screenshot({ path: ds, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(box.y + box.height + 16) } });
    if (log.errors.length > 0) throw new Error(`console errors: ${log.errors.join('; ')}`);
    console.log(`oojwt: ${[diag, out, ds].map((f) => f.slice(f.indexOf('docs/'))).join(', ')}`);
    await context.close();
  }
  // The Chinese page (?lang=zh-CN): the same journey in the Diagnose box.
  for (const scheme of ['light', 'dark']) {
    const { page, context, log } = await openPage(browser, `${distUrl}?lang=zh-CN`, { colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    await diagnose(page);
    const zh = `${docs}screenshot-zh-${scheme}.png`;
    await page.screenshot({ path: zh, fullPage: true });
    if (log.errors.length > 0) throw new Error(`console errors: ${log.errors.join('; ')}`);
    console.log(`oojwt: ${zh.slice(zh.indexOf('docs/'))}`);
    await context.close();
  }
} finally {
  await browser.close();
}
