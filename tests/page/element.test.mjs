// <oojwt-inspector> in Debian's Chromium, on its example page
// (web/examples/inspector.html, served with its strict CSP): decode, verify,
// findings, the oojwt-verdict event, attributes and properties, the secret
// kept out of the DOM, shadow-root isolation, ::part and custom-property
// theming, profile="onlyoffice" (the kind of an ONLYOFFICE editor-page
// token, picked with "Judge as", judged as Document Server judges it; any
// other token verified with the Document Server profile), the connector
// property, the theme attribute (the host page's theme over the OS's),
// verdicts that state the consequence, the secret forensics on a failed
// signature (which loads oojwt-full.wasm), and no request or CSP violation
// beyond the page's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWeb, launch, webDir } from './harness.mjs';
import { token, SECRET, NOW, kit } from '../helpers/common.mjs';

const EXAMPLE_SECRET = 'secret-of-the-example-dashboard!';
let server;
let browser;

before(async () => {
  server = await serveWeb(webDir);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const BOTH = ['oojwt.wasm', 'oojwt-full.wasm'];

async function open(fn, { allowWarnings = false, wasmFiles = ['oojwt.wasm'], colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  const log = { requests: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warning' && !allowWarnings)) log.errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.base}examples/inspector.html`);
  const el = page.locator('oojwt-inspector');
  const status = el.locator('[role="status"]');
  await status.and(page.locator(':not(:has-text("Loading"))')).waitFor();
  try {
    await fn({ page, el, status, log });
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
    assert.deepEqual(log.errors, [], 'no console errors');
    assert.deepEqual(log.requests.filter((u) => !u.startsWith(server.base)), [], 'only the page\'s own files');
    const wasm = log.requests.filter((u) => u.endsWith('.wasm')).map((u) => u.slice(u.lastIndexOf('/') + 1));
    assert.deepEqual(wasm, wasmFiles, wasmFiles.length === 1 ? 'the element loads the JWT core only'
      : 'profile="onlyoffice" or a failed signature (the forensics) loads the Document Server module beside the core');
  } finally {
    await context.close();
  }
}

const verdict = async (status, expected, codes) => {
  await status.and(status.page().locator(`[data-verdict="${expected}"]`)).waitFor({ timeout: 20000 });
  if (codes !== undefined) assert.equal(await status.getAttribute('data-codes'), codes);
};

test('the example page: decoded without a secret, valid with it, invalid with another', () => open(async ({ page, el, status }) => {
  assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /script-src 'self' 'wasm-unsafe-eval'/);
  await verdict(status, 'unverified', '');
  assert.match(await status.textContent(), /not verified: set the secret/);
  assert.match(await el.locator('[part="payload"]').textContent(), /"key": "k1"/);
  assert.match(await el.locator('[part="header"]').textContent(), /"alg": "HS256"/);

  await page.getByLabel('Secret', { exact: true }).fill(EXAMPLE_SECRET);
  await verdict(status, 'valid', '');
  assert.match(await page.locator('#log li').first().textContent(), /^valid$/);

  await page.getByLabel('Secret', { exact: true }).fill('not the secret');
  await verdict(status, 'invalid', 'bad_signature');
  assert.equal(await el.locator('[part~="finding"][data-code="bad_signature"]').count(), 1);
  assert.match(await page.locator('#log li').first().textContent(), /^invalid: bad_signature$/);

  await page.getByLabel('Decode only').check();
  await verdict(status, 'unverified', '');
  assert.match(await status.textContent(), /decode mode/);
}, { wasmFiles: BOTH }));

test('typing a token into the element; every problem listed; claims in UTC', () => open(async ({ page, el, status }) => {
  await page.getByLabel('Secret', { exact: true }).fill(SECRET);
  const expired = token({ exp: NOW - 120, nbf: NOW + 600 });
  await page.evaluate((now) => { document.querySelector('oojwt-inspector').now = now; }, NOW);
  await el.getByLabel('Token').fill(expired);
  await verdict(status, 'invalid', 'expired not_yet_valid');
  assert.match(await el.locator('dd[data-claim="exp"]').textContent(), /^2023-11-14 22:11:20 UTC — 2 minutes ago$/);
  assert.match(await el.locator('dd[data-claim="nbf"]').textContent(), /in 10 minutes$/);
  await page.locator('#tolerance').selectOption('60');
  await verdict(status, 'invalid', 'expired not_yet_valid');
  await page.evaluate(() => { document.querySelector('oojwt-inspector').clockTolerance = 600; });
  await verdict(status, 'valid', '');

  await el.getByLabel('Token').fill('abc.d$f');
  await verdict(status, 'invalid', 'malformed');
  await el.getByLabel('Token').fill('');
  await verdict(status, 'empty', '');
}, { wasmFiles: BOTH }));

test('attributes, properties and the oojwt-verdict event', () => open(async ({ page, status }) => {
  const t = token({ document: { key: 'k2' } });
  const details = await page.evaluate(async ({ t, secret }) => {
    const el = document.querySelector('oojwt-inspector');
    const seen = [];
    document.body.addEventListener('oojwt-verdict', (e) => seen.push({
      verdict: e.detail.verdict, codes: e.detail.codes, alg: e.detail.result?.alg, target: e.target.id,
      hasSecret: JSON.stringify(e.detail).includes(secret),
    }));
    const next = () => new Promise((r) => el.addEventListener('oojwt-verdict', r, { once: true }));
    let p = next();
    el.setAttribute('token', t);
    await p;
    p = next();
    el.secret = secret;
    await p;
    p = next();
    el.algorithms = ['HS512'];
    await p;
    const state = { token: el.token === t, mode: el.mode, secretRead: el.secret, attr: el.hasAttribute('secret') };
    p = next();
    el.token = '';
    await p;
    return { seen, state, result: el.result.verdict };
  }, { t, secret: SECRET });
  assert.deepEqual(details.seen.map((s) => [s.verdict, s.codes.join(' ')]), [
    ['unverified', ''], ['valid', ''], ['invalid', 'alg_not_allowed'], ['empty', ''],
  ]);
  assert.ok(details.seen.every((s) => s.target === 'inspector' && !s.hasSecret), 'the event bubbles and never carries the secret');
  assert.equal(details.seen[1].alg, 'HS256');
  assert.deepEqual(details.state, { token: true, mode: 'verify', secretRead: '(set)', attr: false });
  assert.equal(details.result, 'empty');
  await verdict(status, 'empty', '');
}));

test('the secret never reaches the DOM; a secret attribute is refused', () => open(async ({ page }) => {
  await page.getByLabel('Secret', { exact: true }).fill(EXAMPLE_SECRET);
  const dom = await page.evaluate(() => {
    const el = document.querySelector('oojwt-inspector');
    return { outer: el.outerHTML, shadow: el.shadowRoot.innerHTML, attrs: el.getAttributeNames() };
  });
  assert.ok(!dom.outer.includes(EXAMPLE_SECRET) && !dom.shadow.includes(EXAMPLE_SECRET));
  assert.deepEqual(dom.attrs.sort(), ['id', 'token']);
  const refused = await page.evaluate(() => {
    const el = document.createElement('oojwt-inspector');
    el.setAttribute('secret', 'leaky');
    document.body.append(el);
    return { attr: el.hasAttribute('secret'), secret: el.secret };
  });
  assert.deepEqual(refused, { attr: false, secret: undefined });
}, { allowWarnings: true }));

test('a secret attribute set after connecting is removed at once, with a warning', async () => {
  const warnings = [];
  await open(async ({ page, status }) => {
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    const seen = await page.evaluate(() => {
      const el = document.querySelector('oojwt-inspector');
      const before = el.getAttributeNames();
      el.setAttribute('secret', 'leaky-after-connect');
      const now = { attr: el.hasAttribute('secret'), outer: el.outerHTML.includes('leaky-after-connect'), secret: el.secret };
      return { before: before.includes('secret'), ...now };
    });
    assert.deepEqual(seen, { before: false, attr: false, outer: false, secret: undefined });
    // The attribute's value is not used as the secret either.
    await verdict(status, 'unverified');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  }, { allowWarnings: true });
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /secret attribute was removed.*el\.secret/);
});

test('shadow-root isolation, ::part and custom properties', () => open(async ({ page, el, status }) => {
  await page.getByLabel('Secret', { exact: true }).fill('wrong');
  await verdict(status, 'invalid', 'bad_signature');
  const styles = await page.evaluate(() => {
    // Host styles that would hit the element's insides if they leaked in.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('pre { color: rgb(255, 0, 0) !important; border: 0 !important; } [role="status"] { border-left-width: 0 !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const outside = document.createElement('pre');
    outside.textContent = 'x';
    document.body.append(outside);
    const root = document.querySelector('oojwt-inspector').shadowRoot;
    const cs = (n) => getComputedStyle(n);
    const r = {
      innerPreColor: cs(root.querySelector('pre')).color,
      innerPreBorder: cs(root.querySelector('pre')).borderTopWidth,
      outsidePreBorder: cs(outside).borderTopWidth,
      verdictFont: cs(root.querySelector('[part="verdict"]')).fontSize,
      verdictBorder: cs(root.querySelector('[part="verdict"]')).borderLeftColor,
    };
    outside.remove();
    return r;
  });
  assert.notEqual(styles.innerPreColor, 'rgb(255, 0, 0)', 'host styles do not reach in');
  assert.equal(styles.innerPreBorder, '1px');
  assert.equal(styles.outsidePreBorder, '0px', 'element styles do not leak out');
  assert.equal(styles.verdictFont, '15px', '::part(verdict) from the page applies');
  assert.equal(styles.verdictBorder, 'rgb(179, 38, 30)', '--oojwt-invalid from the page applies');
}, { wasmFiles: BOTH }));

test('profile="onlyoffice": the kind of an editor-page token with its confidence, "Judge as", and Document Server\'s verdict on it', () => open(async ({ page, el, status }) => {
  // ONLYOFFICE's JWT article example, its signature cut to 24 characters.
  const whole = token({ fileType: 'png', url: 'https://example.com/url-to-example-image.png' });
  await el.evaluate((node, t) => {
    node.profile = 'onlyoffice';
    node.token = t;
  }, whole.slice(0, whole.lastIndexOf('.') + 25));
  await verdict(status, 'unverified', '');
  const kind = el.locator('[part="kind"]');
  await kind.and(page.locator(':has-text("insertImage")')).waitFor();
  assert.match(await kind.textContent(), /^Kind: insertImage \(likely\): url with fileType "png"/);
  await page.getByLabel('Secret', { exact: true }).fill(SECRET);
  await verdict(status, 'invalid', 'bad_signature');
  assert.match(await status.textContent(), /^Refused as insertImage \(imgurls\): The document security token is not correctly formed \(error VKEY_ENCRYPT\)/);
  // An ambiguous token, judged first as the guess, then as the kind picked.
  await el.evaluate((node, t) => { node.token = t; }, token({ fileType: 'docx', url: 'https://example.com/a.docx' }));
  await verdict(status, 'valid', '');
  assert.match(await kind.textContent(), /\(ambiguous\).*Candidates: setRequestedDocument, setRevisedFile\./);
  assert.equal(await el.locator('[part~="finding"][data-code="kind_ambiguous"]').count(), 1);
  await el.getByLabel('Judge as').selectOption('downloadFile');
  await verdict(status, 'invalid', 'bad_token_field');
  assert.match(await status.textContent(), /^Refused as downloadFile \(downloadFile\): Document Server answers 403/);
  assert.equal(await el.getAttribute('kind'), 'downloadFile');
  const detail = await el.evaluate((node) => node.result.kind);
  assert.equal(detail.kind, 'downloadFile');
  assert.equal(detail.chosen, true);
  assert.equal(detail.guessed, 'setRequestedDocument');
}, { wasmFiles: ['oojwt.wasm', 'oojwt-full.wasm'] }));

test('verdicts state the consequence; secret forensics name the variant that signed it', () => open(async ({ page, el, status }) => {
  await page.evaluate((now) => { document.querySelector('oojwt-inspector').now = now; }, NOW);
  await page.getByLabel('Secret', { exact: true }).fill(SECRET);
  await el.getByLabel('Token').fill(token({ exp: NOW - 7200 }));
  await verdict(status, 'invalid', 'expired');
  assert.equal(await status.textContent(), 'Invalid: the token expired 2 hours ago, so it is refused until it is signed again.');
  await el.getByLabel('Token').fill(token({ nbf: NOW + 600, exp: NOW - 60 }));
  await verdict(status, 'invalid', 'expired not_yet_valid');
  assert.match(await status.textContent(), /^Invalid: the token expired 1 minute ago, so it is refused until it is signed again \(and 1 more below\)\.$/);
  await el.getByLabel('Token').fill(token({ document: { key: 'k1' } }));
  await verdict(status, 'valid', '');
  assert.equal(await status.textContent(), 'Valid: the secret matches and the token is in date (HS256); it is accepted.');

  // Signed with the secret plus a trailing newline (read from a file with `cat`).
  const forensics = el.locator('[part="forensics"]');
  const seen = page.evaluate(() => new Promise((resolve) => {
    document.querySelector('oojwt-inspector').addEventListener('oojwt-verdict', (e) => {
      if (e.detail.forensics) resolve({ forensics: e.detail.forensics, text: JSON.stringify(e.detail) });
    });
  }));
  await el.getByLabel('Token').fill(token({ document: { key: 'k1' } }, { secret: `${SECRET}\n` }));
  await verdict(status, 'invalid', 'bad_signature');
  await forensics.and(page.locator('[data-variant="with-trailing-newline"]')).waitFor({ timeout: 20000 });
  const answer = kit.onlyoffice.explainSecret(token({ document: { key: 'k1' } }, { secret: `${SECRET}\n` }), SECRET);
  assert.equal(await forensics.textContent(), `Secret forensics: ${answer.message}${/[.!?]$/.test(answer.message) ? '' : '.'}`);
  assert.match(await status.textContent(), /^Invalid: the token was signed with a variant of this secret, so the receiver refuses it \("Invalid token"\) until both sides hold the same bytes: /);
  const detail = await seen;
  assert.deepEqual(detail.forensics, { variant: 'with-trailing-newline', message: answer.message });
  assert.ok(!detail.text.includes(SECRET), 'the event never carries the secret');

  // A secret that matches no variant: said so; a good one hides the box.
  await page.getByLabel('Secret', { exact: true }).fill('a wholly different secret value!');
  await forensics.and(page.locator('[data-variant=""]')).waitFor();
  assert.match(await status.textContent(), /^Invalid: the signature does not match this secret, so the receiver refuses the token \("Invalid token"\)\.$/);
  assert.ok(await forensics.isVisible());
  // (A password input drops line feeds: the property takes the secret as it is.)
  await el.evaluate((node, secret) => { node.secret = secret; }, `${SECRET}\n`);
  await verdict(status, 'valid', '');
  assert.equal(await forensics.isHidden(), true);
}, { wasmFiles: BOTH }));

test('connector and theme: attributes and properties; theme="dark" follows the host page over the OS, theme="light" too', async () => {
  const colours = (page) => page.evaluate(() => {
    const host = document.querySelector('oojwt-inspector');
    const cs = getComputedStyle(host);
    return { bg: cs.backgroundColor, scheme: cs.colorScheme, theme: host.theme, attr: host.getAttribute('theme') };
  });
  await open(async ({ page, el }) => {
    assert.deepEqual(await colours(page), { bg: 'rgb(255, 255, 255)', scheme: 'normal', theme: 'auto', attr: null });
    await page.locator('#theme').selectOption('dark');
    assert.deepEqual(await colours(page), { bg: 'rgb(22, 26, 33)', scheme: 'dark', theme: 'dark', attr: 'dark' });
    await el.evaluate((node) => { node.theme = 'bogus'; });
    assert.equal((await colours(page)).attr, null, 'an unknown theme is auto');
    await el.evaluate((node) => node.setAttribute('theme', 'dark'));
    assert.equal((await colours(page)).theme, 'dark');

    const c = await el.evaluate((node) => {
      const before = node.connector;
      node.connector = 'nextcloud';
      const attr = node.getAttribute('connector');
      node.setAttribute('connector', 'moodle');
      const prop = node.connector;
      node.connector = '';
      return { before: before ?? null, attr, prop, after: node.connector ?? null, has: node.hasAttribute('connector') };
    });
    assert.deepEqual(c, { before: null, attr: 'nextcloud', prop: 'moodle', after: null, has: false });
  });
  // The OS in dark mode: auto follows it, theme="light" (a light host page) does not.
  await open(async ({ page }) => {
    assert.equal((await colours(page)).bg, 'rgb(22, 26, 33)');
    await page.locator('#theme').selectOption('light');
    assert.deepEqual(await colours(page), { bg: 'rgb(255, 255, 255)', scheme: 'light', theme: 'light', attr: 'light' });
  }, { colorScheme: 'dark' });
});

test('profile="onlyoffice": a token of no editor-page kind is verified with the Document Server profile; connector passed on', () => open(async ({ page, el, status }) => {
  await page.getByLabel('Secret', { exact: true }).fill(SECRET);
  const t = token({ payload: { key: 'k1', status: 2, url: 'https://ds.example.com/cache/files/k1/output.docx' }, iat: NOW, exp: NOW + 300 });
  const guess = kit.onlyoffice.tokenKind(t);
  assert.equal(guess.kind, null, `the callback token has no editor-page kind (${JSON.stringify(guess)})`);
  await el.evaluate((node, now) => {
    node.now = now;
    node.connector = 'nextcloud';
    node.profile = 'onlyoffice';
  }, NOW + 30);
  await el.getByLabel('Token').fill(t);
  await verdict(status, 'valid', '');
  const result = await el.evaluate((node) => node.result.result);
  assert.equal(result.profile, 'onlyoffice', 'kit.verify\'s Document Server profile judged it');
  // Document Server's clock tolerance (60 s) unless the page sets one.
  await el.evaluate((node, now) => { node.now = now; }, NOW + 300 + 45);
  await verdict(status, 'valid', '');
  await el.evaluate((node) => { node.clockTolerance = 0; });
  await verdict(status, 'invalid', 'expired');
  // An editor-page token with a connector set: judged by its kind, no error.
  await el.evaluate((node) => { node.clockTolerance = 60; });
  await el.getByLabel('Token').fill(token({ fileType: 'png', url: 'https://example.com/a.png' }));
  await status.and(page.locator(':text-matches("as insertImage")')).waitFor({ timeout: 20000 });
  assert.equal(await el.evaluate((node) => node.connector), 'nextcloud');
}, { wasmFiles: BOTH }));
