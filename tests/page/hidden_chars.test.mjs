// Bidirectional controls and invisible characters in a token
// (web/lib/visible.mjs): on the page (served dist/site/) and in
// <oojwt-inspector> (web/examples/inspector.html), a payload value such as
// "user\u202e nimda" or a URL ending "\u202excod.exe" is shown with a
// ⟦U+202E⟧ marker, never raw, so it cannot read as "user,"admin" or
// "exe.docx"; a typ holding an override cannot reorder the tool's own
// warning sentence either (the marker stands in its place).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWeb, launch, webDir, openPage } from './harness.mjs';
import { token, SECRET } from '../helpers/common.mjs';

let site;
let web;
let browser;
before(async () => {
  site = await serveWeb();
  web = await serveWeb(webDir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await web?.close();
});

const RLO = '\u202e';
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\u2060\ufeff\u00ad]/;
const t = token({ sub: `user${RLO} nimda`, url: `https://example.com/report${RLO}xcod.exe`, zw: 'ad\u200bmin', shy: 'ad\u00admin' },
  { header: { alg: 'HS256', typ: `JWT${RLO}x` } });

// What a part shows: its text, and the markers in it.
const shown = (locator) => locator.evaluate((e) => ({
  text: e.textContent,
  markers: [...e.querySelectorAll('.hidden-char')].map((m) => m.textContent),
  isolated: [...e.querySelectorAll('.hidden-char')].every((m) => getComputedStyle(m).unicodeBidi === 'isolate'),
}));

test('page: bidi and invisible characters in decoded values are markers, not raw', async () => {
  const { page, context, log } = await openPage(browser, site.base);
  try {
    await page.getByLabel('Token').fill(t);
    await page.locator('#payload:has-text("nimda")').waitFor();
    const payload = await shown(page.locator('#payload'));
    assert.doesNotMatch(payload.text, HIDDEN, 'no raw control or invisible character in the payload');
    assert.match(payload.text, /"user⟦U\+202E⟧ nimda"/);
    assert.match(payload.text, /report⟦U\+202E⟧xcod\.exe/);
    assert.match(payload.text, /ad⟦U\+200B⟧min/);
    assert.match(payload.text, /ad⟦U\+00AD⟧min/);
    assert.deepEqual(payload.markers, ['⟦U+202E⟧', '⟦U+202E⟧', '⟦U+200B⟧', '⟦U+00AD⟧']);
    assert.ok(payload.isolated);
    const header = await shown(page.locator('#header'));
    assert.deepEqual(header.markers, ['⟦U+202E⟧']);
    // The tool's own sentence about typ: the override is a marker, so the
    // words after it stay in order.
    const status = page.getByRole('status');
    const sentence = await status.evaluate((e) => [...e.querySelectorAll('.message')].map((m) => m.textContent).join('\n'));
    assert.match(sentence, /typ is "JWT⟦U\+202E⟧x", not "JWT"/);
    assert.doesNotMatch(await status.textContent(), HIDDEN);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

test('element: the same markers in <oojwt-inspector>, the warning text isolated', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${web.base}examples/inspector.html`);
    const el = page.locator('oojwt-inspector');
    await el.locator('[role="status"]:not(:has-text("Loading"))').waitFor();
    await page.evaluate(({ tok, secret }) => {
      const el = document.querySelector('oojwt-inspector');
      el.token = tok;
      el.secret = secret;
    }, { tok: t, secret: SECRET });
    await el.locator('[part~="payload"]:has-text("nimda")').waitFor();
    const payload = await shown(el.locator('[part~="payload"]'));
    assert.doesNotMatch(payload.text, HIDDEN);
    assert.deepEqual(payload.markers, ['⟦U+202E⟧', '⟦U+202E⟧', '⟦U+200B⟧', '⟦U+00AD⟧']);
    assert.ok(payload.isolated);
    const finding = el.locator('[data-code="typ_not_jwt"]');
    const f = await finding.evaluate((li) => ({
      text: li.textContent, bdi: li.querySelector('bdi')?.textContent ?? null,
    }));
    assert.doesNotMatch(f.text, HIDDEN);
    assert.match(f.bdi, /typ is "JWT⟦U\+202E⟧x"/, 'the message sits in a <bdi>, its override a marker');
  } finally {
    await context.close();
  }
});
