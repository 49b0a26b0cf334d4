// Bidirectional controls and invisible characters in a token
// (web/lib/visible.mjs): on the page (served dist/site/) and in
// <oojwt-inspector> (web/examples/inspector.html), a payload value such as
// "user\u202e nimda" or a URL ending "\u202excod.exe" is shown with a
// ⟦U+202E⟧ marker, never raw, so it cannot read as "user,"admin" or
// "exe.docx"; a typ holding an override cannot reorder the tool's own
// warning sentence either (the marker stands in its place). The same in the
// Document Server and Deployment panels, for values of a local.json, an
// editor config, an nginx configuration and a download link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWeb, launch, webDir, openPage, openInspector } from './harness.mjs';
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
    await openInspector(page);
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

// The Document Server and Deployment panels (web/page/render.mjs el, shown):
// values from a local.json, an editor config, an nginx configuration and a
// download link get the same markers, each inside a <bdi> that isolates it
// from the page's sentence around it.
const inPanel = (locator) => locator.evaluate((e, hidden) => {
  const markers = [...e.querySelectorAll('.hidden-char')];
  return {
    raw: new RegExp(hidden).test(e.textContent),
    text: e.textContent,
    markers: markers.map((m) => m.textContent),
    isolated: markers.every((m) => m.closest('bdi') !== null && e.contains(m.closest('bdi'))),
  };
}, HIDDEN.source);

test('page: Document Server panels show input values with markers, isolated', async () => {
  const { page, context, log } = await openPage(browser, site.base);
  try {
    await page.getByRole('tab', { name: 'Document Server' }).click();
    const local = JSON.stringify({ services: { CoAuthoring: {
      secret: { inbox: { string: `s${RLO}ecret-0123456789-0123456789-0123` } },
      token: { inbox: { header: `X-Auth${RLO}gnp.` }, outbox: { expires: `5m${RLO}` } },
    } } });
    await page.getByLabel('local.json, or Docker env / compose lines').fill(local);
    const settings = page.locator('#ds-server-settings');
    await settings.locator('.hidden-char').first().waitFor();
    let got = await inPanel(settings);
    assert.equal(got.raw, false, got.text);
    assert.match(got.text, /X-Auth⟦U\+202E⟧gnp\./);
    assert.match(got.text, /5m⟦U\+202E⟧/);
    assert.ok(got.isolated, 'every value in a <bdi>');
    await settings.getByRole('button', { name: 'Reveal the inbox secret' }).click();
    got = await inPanel(settings);
    assert.match(got.text, /"s⟦U\+202E⟧ecret-/);
    assert.equal(got.raw, false);
    assert.ok(got.isolated);

    const config = JSON.stringify({ document: { fileType: 'docx', key: `k${RLO}1`, title: `report${RLO}xcod.exe`, url: 'https://example.com/a.docx' },
      documentType: 'word', editorConfig: { callbackUrl: 'https://example.com/cb' } });
    await page.getByLabel('Config passed to DocsAPI.DocEditor').fill(config);
    const effective = page.locator('#ds-config-effective');
    await effective.locator('.hidden-char').first().waitFor();
    got = await inPanel(effective);
    assert.equal(got.raw, false, got.text);
    assert.match(got.text, /"report⟦U\+202E⟧xcod\.exe"/);
    assert.ok(got.isolated);
    for (const id of ['#ds-config-verdict', '#ds-config-findings', '#ds-server-findings', '#ds-server-verdict']) {
      assert.equal((await inPanel(page.locator(id))).raw, false, `${id}: no raw character`);
    }
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

test('page: Deployment panels show input values with markers, isolated', async () => {
  const { page, context, log } = await openPage(browser, site.base);
  try {
    await page.getByRole('tab', { name: 'Deployment' }).click();
    await page.getByLabel('nginx file or snippet').fill(`server {\n  listen 443 ssl;\n  ssl_certificate /etc/ssl/ds${RLO}trc.key;\n}\n`);
    const settings = page.locator('#dp-nginx-settings');
    await settings.locator('.hidden-char').first().waitFor();
    let got = await inPanel(settings);
    assert.equal(got.raw, false, got.text);
    assert.match(got.text, /\/etc\/ssl\/ds⟦U\+202E⟧trc\.key/);
    assert.ok(got.isolated);

    await page.getByLabel('Download URL').fill('https://ds.example.com/cache/files/a%E2%80%AEexe.docx/output.docx?md5=AAAAAAAAAAAAAAAAAAAAAA&expires=2000000000');
    await page.getByLabel('Secure link secret', { exact: true }).fill('verysecretstring');
    const facts = page.locator('#dp-url-facts');
    await facts.locator('.hidden-char').first().waitFor();
    got = await inPanel(facts);
    assert.equal(got.raw, false, got.text);
    assert.match(got.text, /a⟦U\+202E⟧exe\.docx/);
    assert.ok(got.isolated);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});
