// The page's UI texts a language's catalog (web/lib/locales/ui/<lang>.json)
// lacks, as a JSON object ready to fill in: opens the served page
// (dist/site/) in Chromium with ?lang=<lang>, opens every tab (and, with
// --journeys, pastes each journey of tests/vectors/diagnose.json into the
// Diagnose box), and collects what web/lib/words.mjs says it lacks.
//
//   node tools/ui-missing.mjs [zh-CN] [--journeys]
import { readFileSync } from 'node:fs';
import { launch, serveWeb, openPage, openMode, openInspector } from '../tests/page/harness.mjs';

const args = process.argv.slice(2);
const lang = args.find((a) => !a.startsWith('--')) ?? 'zh-CN';
const server = await serveWeb();
const browser = await launch();
const missing = new Set();
try {
  const { page } = await openPage(browser, `${server.base}?lang=${lang}`);
  page.on('console', (m) => {
    const hit = /^oojwt: no \S+ text for: (.*)$/.exec(m.text());
    if (hit) missing.add(JSON.parse(hit[1]));
  });
  await page.reload();
  await page.locator('#diag-verdict[data-state]').waitFor();
  if (args.includes('--journeys')) {
    const { tests } = JSON.parse(readFileSync(new URL('../tests/vectors/diagnose.json', import.meta.url), 'utf8'));
    for (const row of tests) {
      await page.reload();
      await page.locator('#diag-verdict[data-state]').waitFor();
      for (const [i, text] of row.items.entries()) {
        if (i > 0) await page.locator('#diag-add').click();
        await page.locator(`#diag-text-${i + 1}`).fill(typeof text === 'string' ? text : text.text);
      }
      await page.locator('#diag-secret-1').fill(row.secrets?.[0] ?? '');
      await page.locator('#diag-verdict:not([data-state="loading"]):not([data-state="empty"])').waitFor();
      await page.waitForTimeout(300);
    }
  }
  await openInspector(page);
  await openMode(page, 'tab-ds');
  await openMode(page, 'tab-deploy');
  await page.waitForTimeout(300);
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(Object.fromEntries([...missing].sort().map((k) => [k, ''])), null, 2));
