// docs/screenshot-light.png and docs/screenshot-dark.png, from the real page
// (dist/oojwt.html over file://) in Debian's Chromium:
//
//   make screenshots
//
// The scene: an editor-config token pasted as a whole Authorization header
// line, with the right secret, that expired three minutes ago, as a person
// with a failing ONLYOFFICE setup would see it.
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, openPage, distUrl, haveDist } from '../tests/page-harness.mjs';

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

const browser = await launch();
try {
  for (const scheme of ['light', 'dark']) {
    const { page, context, log } = await openPage(browser, distUrl, { colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    await page.getByLabel('Token').fill(`Authorization: Bearer ${token}`);
    await page.getByLabel('Secret').fill(secret);
    await page.locator('[role="status"][data-verdict="invalid"]').waitFor();
    await page.evaluate(() => {
      document.activeElement?.blur();
      document.getElementById('token').scrollTop = 0;
    });
    const out = `${docs}screenshot-${scheme}.png`;
    await page.screenshot({ path: out, fullPage: true });
    if (log.errors.length > 0) throw new Error(`console errors: ${log.errors.join('; ')}`);
    console.log(`oojwt: ${out.slice(out.indexOf('docs/'))}`);
    await context.close();
  }
} finally {
  await browser.close();
}
