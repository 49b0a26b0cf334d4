// The page loads what its first screen, the Diagnose box, needs and nothing
// more: served as `make serve` serves it (dist/site/), opening it requests
// no wasm module and no chunk a dynamic import reaches (read from the
// bundle's metafile, dist/site.meta.json). The first text in the box loads
// the checks (diagnose-view.mjs and oojwt-full.wasm) while a status line
// says so; a failed load says why and is retried. The JWT inspector's tab
// loads its code and oojwt.wasm when first shown; using it requests no
// module only the Document Server modes use, and oojwt-full.wasm only once
// a typed secret fails (the secret forensics); opening the Document Server
// tab requests them, and its panel then works. A failed load says so in the
// panel and is retried when the tab is selected again. dist/oojwt.html (no
// network) works the same way from its data blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';
import { browserSession, openPage, openMode, openInspector, distUrl, haveDist } from './harness.mjs';
import { siteOutputs } from '../../tools/page-bundle.mjs';
import { TEMPLATE } from '../../web/page/builder.mjs';

const SECRET = 'Gm2Jq7VxR4pL9sTb8WcZ1eYd5NfK3hUa';
// By the names the served page fetches them under (dist/site/).
const { outputs, initial, lazy } = siteOutputs(JSON.parse(readFileSync(new URL('../../dist/site.meta.json', import.meta.url), 'utf8')));
/** The chunks that hold a source module ('page/panels.mjs'). */
const chunksOf = (src) => [...outputs].filter(([, o]) => o.inputs.includes(`web/${src}`)).map(([name]) => name);

const session = browserSession();

const file = (u) => new URL(u).pathname.split('/').pop();

/** Use the inspector: a valid HS256 token (then `between()`), then a wrong secret. */
async function useInspector(page, between = async () => {}) {
  const token = jwt.sign({ document: { key: 'lazy' } }, SECRET, { expiresIn: '5m' });
  await page.getByLabel('Token').fill(token);
  await page.getByLabel('Secret', { exact: true }).fill(SECRET);
  await page.locator('[role="status"][data-verdict="valid"]').waitFor();
  await between();
  await page.getByLabel('Secret', { exact: true }).fill(`${SECRET}x`);
  await page.locator('[role="status"][data-verdict="invalid"][data-codes~="bad_signature"]').waitFor();
}

// The chunks of the Document Server modes' panels (not the builder's, loaded
// once the inspector answers, nor hints.mjs; the library's Document Server
// part, lib/onlyoffice.mjs, comes with the full module).
const modeChunks = () => [...new Set(['page/panels.mjs', 'page/ds-config.mjs', 'page/deployment.mjs'].flatMap(chunksOf))];

/** The Document Server mode's editor config panel judges a signed config. */
async function configPanelWorks(page, ds) {
  const config = { ...TEMPLATE, token: jwt.sign(TEMPLATE, SECRET) };
  await ds.getByLabel('Config passed to DocsAPI.DocEditor').fill(JSON.stringify(config, null, 2));
  await ds.getByLabel('Inbox secret').fill(SECRET);
  await page.locator('#ds-config-verdict[data-state="ok"]').waitFor();
  assert.match(await page.locator('#ds-config-verdict').textContent(), /the editor opens/i);
  // The panels' styles came with them (markup.mjs, an adopted stylesheet).
  const border = await page.locator('#ds-config-verdict').evaluate((e) => getComputedStyle(e).borderTopWidth);
  assert.equal(border, '2px', 'the .ds-verdict rules apply');
}

test('the bundle has a lazy part: the checks, the JWT inspector, the Document Server modules, the library', () => {
  for (const m of ['page/panels.mjs', 'page/ds-config.mjs', 'page/render.mjs', 'lib/onlyoffice.mjs', 'lib/cert.mjs',
    'page/diagnose-view.mjs', 'lib/diagnose.mjs', 'page/inspector.mjs', 'page/verdict.mjs', 'page/decoded.mjs', 'lib/oojwt.mjs']) {
    assert.ok(chunksOf(m).length > 0 && chunksOf(m).every((c) => lazy.includes(c)), `${m} is only in lazy chunks: ${chunksOf(m)}`);
  }
  for (const m of ['page/app.mjs', 'page/modes.mjs', 'page/tabs.mjs']) {
    assert.ok(chunksOf(m).length > 0 && chunksOf(m).every((c) => initial.includes(c)), `${m} loads with the page: ${chunksOf(m)}`);
  }
});

test('served: the first screen loads no wasm and no lazy chunk; the inspector loads and works without the Document Server modules; opening the mode loads them', async () => {
  const { page, context, log } = await openPage(session.browser, session.server.base);
  try {
    const first = log.requests.map(file);
    assert.deepEqual(first.filter((f) => f.endsWith('.wasm') || lazy.includes(f)), [], `the first screen: ${first}`);
    assert.ok(first.includes('app.mjs') && initial.every((c) => first.includes(c)), `the first screen loads app.mjs and its chunks: ${first}`);
    await openInspector(page);
    await useInspector(page, () => {
      const valid = log.requests.map(file);
      assert.ok(!valid.includes('oojwt-full.wasm'), `no full module while the secret verifies: ${valid}`);
    });
    // A secret that does not verify: the secret forensics load the full module.
    await page.locator('#verdict .forensics-line').waitFor();
    const before = log.requests.map(file);
    assert.ok(before.includes('oojwt.wasm'), `the JWT core is loaded: ${before}`);
    assert.equal(before.filter((f) => f === 'oojwt.wasm').length, 1, 'the core is fetched once');
    for (const c of chunksOf('page/inspector.mjs')) assert.ok(before.includes(c), `${c} (page/inspector.mjs) loads with its tab`);
    assert.equal(before.filter((f) => f === 'oojwt-full.wasm').length, 1, `the forensics fetched the full module once: ${before}`);
    for (const c of chunksOf('lib/onlyoffice.mjs')) assert.ok(before.includes(c), `${c} (lib/onlyoffice.mjs) comes with the full module`);
    assert.deepEqual(before.filter((f) => modeChunks().includes(f)), [], 'no Document Server module before the mode opens');
    assert.equal(await page.locator('#panel-ds').evaluate((p) => p.children.length), 0);

    const ds = await openMode(page, 'Document Server');
    const after = log.requests.map(file);
    assert.ok(after.includes('oojwt-full.wasm'), `the full module loads with the mode: ${after}`);
    for (const m of ['page/panels.mjs', 'page/ds-config.mjs', 'lib/onlyoffice.mjs']) {
      for (const c of chunksOf(m)) assert.ok(after.includes(c), `${c} (${m}) loads with the mode`);
    }
    assert.equal(await ds.getAttribute('aria-busy'), 'false');
    await configPanelWorks(page, ds);
    // The Deployment mode reuses what is loaded: no second fetch.
    await openMode(page, 'Deployment');
    assert.equal(log.requests.map(file).filter((f) => f === 'oojwt-full.wasm').length, 1);
    // The inspector still answers.
    await page.getByRole('tab', { name: 'JWT inspector' }).click();
    await page.getByLabel('Secret', { exact: true }).fill(SECRET);
    await page.locator('[role="status"][data-verdict="valid"]').waitFor();
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.requests.filter((u) => !u.startsWith(session.server.base)), []);
  } finally {
    await context.close();
  }
});

/** Hold the page's request for oojwt-full.wasm until the returned function is called, then fail it. */
async function holdThenFail(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/oojwt-full.wasm', async (route) => {
    await held;
    await route.abort();
  });
  return release;
}

test('served: the panel is busy while the mode loads, says why a load failed, and retries', async () => {
  const { page, context } = await openPage(session.browser, session.server.base);
  try {
    // Hold the full module's request, to see the loading state.
    const release = await holdThenFail(page);
    await page.getByRole('tab', { name: 'Document Server' }).click();
    const ds = page.locator('#panel-ds');
    await ds.and(page.locator('[data-load="loading"]')).waitFor();
    assert.equal(await ds.getAttribute('aria-busy'), 'true');
    assert.match(await ds.getByRole('status').textContent(), /Loading the Document Server checks/);
    release();
    await ds.and(page.locator('[data-load="failed"]')).waitFor();
    assert.equal(await ds.getAttribute('aria-busy'), 'false');
    assert.match(await ds.getByRole('alert').textContent(), /could not be loaded.*Select the tab again to retry/s);
    // The inspector is unaffected.
    await openInspector(page);
    await useInspector(page);
    // Selected again with the network back: the mode loads and works.
    await page.unroute('**/oojwt-full.wasm');
    const again = await openMode(page, 'Document Server');
    assert.equal(await again.getByRole('alert').count(), 0);
    await configPanelWorks(page, again);
  } finally {
    await context.close();
  }
});

test('dist/oojwt.html: the Diagnose box, the inspector, then the Document Server mode from its data blocks', { skip: haveDist() ? false : 'no dist/oojwt.html (make dist)' }, async () => {
  const { page, context, log } = await openPage(session.browser, distUrl);
  try {
    await diagnoseWorks(page);
    await openInspector(page);
    await useInspector(page);
    assert.equal(await page.locator('#panel-ds').evaluate((p) => p.children.length), 0);
    const ds = await openMode(page, 'Document Server');
    await configPanelWorks(page, ds);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.requests, [distUrl], 'no request but the file itself');
  } finally {
    await context.close();
  }
});

test('dist/oojwt.html without Uint8Array.fromBase64 (older browsers): the data blocks decode through atob', { skip: haveDist() ? false : 'no dist/oojwt.html (make dist)' }, async () => {
  const context = await session.browser.newContext();
  await context.addInitScript(() => { delete Uint8Array.fromBase64; });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(distUrl);
    assert.equal(await page.evaluate(() => typeof Uint8Array.fromBase64), 'undefined');
    await openInspector(page);
    await useInspector(page);
    await configPanelWorks(page, await openMode(page, 'Document Server'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** Paste the article's token into the Diagnose box; resolves once the verdict names the cut signature. */
async function diagnoseWorks(page) {
  await page.getByLabel('Paste anything').fill(ARTICLE);
  await page.locator('#diag-verdict[data-code="diag_signature_truncated"]').waitFor();
  assert.match(await page.locator('#diag-verdict').textContent(), /cut to 18 bytes \(HS256 needs 32\)/);
  assert.equal(await page.locator('#diag-kind-1').getAttribute('data-kind'), 'token');
}
const ARTICLE = JSON.parse(readFileSync(new URL('../vectors/diagnose.json', import.meta.url), 'utf8'))
  .tests.find((t) => t.name.startsWith("journey: the article's token")).items[0];

test('served: the first text loads the checks (a status line says so), a failed load says why and is retried', async () => {
  const { page, context, log } = await openPage(session.browser, session.server.base);
  try {
    const release = await holdThenFail(page);
    await page.getByLabel('Paste anything').fill(ARTICLE);
    const v = page.locator('#diag-verdict');
    await page.locator('#diag-verdict[data-state="loading"]').waitFor();
    assert.match(await v.textContent(), /Loading the checks/);
    assert.equal(await v.getAttribute('role'), 'status');
    release();
    await page.locator('#diag-verdict[data-state="failed"]').waitFor();
    assert.match(await v.textContent(), /could not be loaded.*Type or paste again to retry/s);
    await page.unroute('**/oojwt-full.wasm');
    await page.getByLabel('Paste anything').fill(`${ARTICLE} `);
    await diagnoseWorks(page);
    const got = log.requests.map(file);
    for (const m of ['page/diagnose-view.mjs', 'lib/diagnose.mjs']) {
      for (const c of chunksOf(m)) assert.ok(got.includes(c), `${c} (${m}) loads with the checks`);
    }
    assert.ok(!got.includes('oojwt.wasm'), `the Diagnose box needs no JWT core: ${got}`);
    assert.deepEqual(modeChunks().filter((c) => got.includes(c) && !chunksOf('page/diagnose-view.mjs').includes(c)), [], 'no Document Server panel');
    // The JWT inspector then uses the full module already loaded.
    await openInspector(page);
    await useInspector(page);
    assert.ok(!log.requests.map(file).includes('oojwt.wasm'), 'the inspector reuses the full module');
    assert.equal(log.requests.map(file).filter((f) => f === 'oojwt-full.wasm').length, 2, 'one failed fetch, one that worked');
  } finally {
    await context.close();
  }
});

test('served: focusing the box starts loading the checks', async () => {
  const { page, context, log } = await openPage(session.browser, session.server.base);
  try {
    assert.ok(!log.requests.map(file).includes('oojwt-full.wasm'));
    await page.getByLabel('Paste anything').focus();
    await page.waitForResponse((r) => r.url().endsWith('/oojwt-full.wasm'));
    await diagnoseWorks(page);
  } finally {
    await context.close();
  }
});
