// The page's Document Server and Deployment modes in headless Chromium, served
// from dist/site/ and as dist/oojwt.html over file://: the mode tabs (ARIA tabs,
// keyboard), the editor config panel (configs signed here with jsonwebtoken
// 9.0.2: valid, wrong secret, a secret with a trailing newline that the
// forensics name, expired, modified permissions, page source, the effective
// config, its signing in the builder, clearing the secret; any token the editor page
// sends judged by its kind, picked when ambiguous), the server config panel
// (masked secrets, findings, used by the config panel), and the request and
// deployment panels, which run when their functions are in this build and
// are skipped (with the reason) when they are not. After every session:
// nothing stored, the URL unchanged, no console error, no request elsewhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { serveWeb, launch, openPage, openMode, distUrl, haveDist } from './harness.mjs';
import { kit } from '../helpers/common.mjs';
import { TEMPLATE } from '../../web/page/builder.mjs';

const SECRET = 'Gm2Jq7VxR4pL9sTb8WcZ1eYd5NfK3hUa';
const nowS = () => Math.floor(Date.now() / 1000);

// Which functions this build has (some are written on other branches).
const has = {
  request: typeof kit.onlyoffice.inspectRequest === 'function',
  url: typeof kit.onlyoffice.inspectDownloadUrl === 'function',
  nginx: typeof kit.onlyoffice.readNginxConfig === 'function',
  cert: typeof kit.inspectCertificate === 'function',
};
const onlyWith = (ok, fn) => (ok ? false : `${fn} is not in this build (written on another branch)`);
const onlyWithout = (ok, fn) => (ok ? `${fn} is in this build: the panel's own test runs instead` : false);

// The builder's template: an editor config with every field the server checks.
const CONFIG = TEMPLATE;

/** The config with a token signed by jsonwebtoken (independent of oojwt). */
function signed(config, { secret = SECRET, payload = config, ...options } = {}) {
  return { ...config, token: jwt.sign(payload, secret, options) };
}
const text = (config) => JSON.stringify(config, null, 2);

let server;
let browser;
const targets = {};

before(async () => {
  server = await serveWeb();
  browser = await launch();
  targets.served = { url: server.base, own: (u) => u.startsWith(server.base) };
  targets['file://'] = { url: distUrl, own: (u) => u === distUrl };
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Open the page in a mode, run `fn(page, mode)`, then check what the session left behind. */
async function inMode(where, tab, fn, options) {
  const target = targets[where];
  assert.ok(where !== 'file://' || haveDist(), 'dist/oojwt.html is missing: run `make dist`');
  const { page, context, log } = await openPage(browser, target.url, options);
  try {
    const mode = tab ? await openMode(page, tab) : null;
    await fn(page, mode);
    const left = await page.evaluate(() => ({
      local: localStorage.length, session: sessionStorage.length, cookie: document.cookie, href: location.href, history: history.length,
    }));
    assert.deepEqual({ local: left.local, session: left.session, cookie: left.cookie }, { local: 0, session: 0, cookie: '' });
    assert.equal(left.href, target.url, 'the URL never changes (no secret, no state in it)');
    assert.ok(left.history <= 2, `no history entries are added (${left.history})`);
    assert.deepEqual(log.errors, [], 'no console errors');
    assert.deepEqual(log.requests.filter((u) => !target.own(u)), [], 'only the page\'s own files are requested');
  } finally {
    await context.close();
  }
}

/** Wait until a verdict region is in `state`; its text. */
async function verdict(region, state) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const got = await region.getAttribute('data-state');
    if (got === state) return region.textContent();
    if (Date.now() > deadline) assert.fail(`verdict: want ${state}, got ${got}: ${await region.textContent()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The findings rendered in a box: [{ code, severity, text }]. */
const findingsIn = (box) => box.locator('li.finding').evaluateAll((lis) => lis.map((li) => ({
  code: li.dataset.code, severity: li.dataset.severity, text: li.textContent,
})));

for (const where of ['served', 'file://']) {
  test(`${where}: mode tabs follow the ARIA tabs pattern and the keyboard`, () => inMode(where, null, async (page) => {
    const tabs = page.getByRole('tablist', { name: 'Modes' }).getByRole('tab');
    assert.deepEqual(await tabs.allTextContents(), ['Diagnose', 'JWT inspector', 'Document Server', 'Deployment']);
    const state = () => page.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((t) => ({
      id: t.id,
      selected: t.getAttribute('aria-selected'),
      tabindex: t.tabIndex,
      panelHidden: document.getElementById(t.getAttribute('aria-controls')).hidden,
      labelledBy: document.getElementById(t.getAttribute('aria-controls')).getAttribute('aria-labelledby'),
      focused: document.activeElement === t,
    })));
    const selectedIs = async (id) => {
      const s = await state();
      for (const t of s) {
        assert.equal(t.selected, String(t.id === id), `${t.id} aria-selected`);
        assert.equal(t.tabindex, t.id === id ? 0 : -1, `${t.id}: one tab stop, the selected tab`);
        assert.equal(t.panelHidden, t.id !== id, `${t.id}: only the selected tab's panel shows`);
        assert.equal(t.labelledBy, t.id);
      }
      assert.equal(s.find((t) => t.focused)?.id, id, 'focus follows');
    };
    // The Diagnose box is the default; the other modes are not built yet
    // (the inspector's markup is there, its code not yet wired).
    const first = (await state())[0];
    assert.deepEqual([first.id, first.selected, first.panelHidden], ['tab-diag', 'true', false]);
    assert.equal(await page.locator('#panel-ds').evaluate((p) => p.children.length), 0);
    assert.equal(await page.locator('#panel-jwt').getAttribute('data-load'), null);
    await page.getByRole('tab', { name: 'Diagnose' }).focus();
    await page.keyboard.press('ArrowRight');
    await selectedIs('tab-jwt');
    await page.locator('#panel-jwt[data-load="ready"]').waitFor();
    await page.keyboard.press('ArrowRight');
    await selectedIs('tab-ds');
    await page.locator('#panel-ds[data-load="ready"]').waitFor();
    assert.ok(await page.locator('#ds-config-text').isVisible(), 'the Document Server mode is filled when first shown');
    await page.keyboard.press('ArrowRight');
    await selectedIs('tab-deploy');
    await page.locator('#panel-deploy[data-load="ready"]').waitFor();
    await page.keyboard.press('ArrowRight');
    await selectedIs('tab-diag');
    await page.keyboard.press('ArrowLeft');
    await selectedIs('tab-deploy');
    await page.keyboard.press('Home');
    await selectedIs('tab-diag');
    await page.keyboard.press('End');
    await selectedIs('tab-deploy');
    await page.keyboard.press('ArrowLeft');
    await selectedIs('tab-ds');
    // Tab leaves the tab list for the panel; Shift+Tab comes back to the selected tab.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'ds-config-text');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-ds');
    // Typing in the mode works by keyboard alone, and the inspector kept its state.
    await page.keyboard.press('Tab');
    await page.keyboard.insertText(text(signed(CONFIG)));
    await page.keyboard.press('Tab');
    await page.keyboard.type(SECRET);
    await verdict(page.locator('#ds-config-verdict'), 'ok');
    await page.getByRole('tab', { name: 'JWT inspector' }).click();
    assert.ok(await page.getByLabel('Token').isVisible());
    assert.equal(await page.locator('#ds-config-text').isVisible(), false);
  }));

  test(`${where}: editor config: opens; wrong secret, trailing newline, expired, modified permissions in the editor's words`, () => inMode(where, 'Document Server', async (page, ds) => {
    const box = ds.getByLabel('Config passed to DocsAPI.DocEditor');
    const secret = ds.getByLabel('Inbox secret');
    const region = page.locator('#ds-config-verdict');
    const findings = page.locator('#ds-config-findings');
    const forensics = page.locator('#ds-config-forensics');
    assert.match(await verdict(region, 'empty'), /Paste a config/);

    // Valid.
    await box.fill(text(signed(CONFIG, { expiresIn: '5m' })));
    assert.match(await verdict(region, 'empty'), /enter the inbox secret/);
    await secret.fill(SECRET);
    assert.match(await verdict(region, 'ok'), /the editor opens/i);
    assert.match(await findings.textContent(), /No findings/);
    assert.equal(await forensics.isVisible(), false);
    const times = await page.locator('#ds-config-times').textContent();
    assert.match(times, /UTC/);
    assert.match(times, /expires in 5 minutes|expires in 4 minutes/);

    // Wrong secret: 4006 / -20, the finding with its path and fix, no variant works.
    await secret.fill(`${SECRET}x`);
    let v = await verdict(region, 'bad');
    assert.match(v, /The document security token is not correctly formed\./);
    assert.match(v, /close code\s*4006/);
    assert.match(v, /editor error\s*-20/);
    let f = await findingsIn(findings);
    const sig = f.find((x) => x.code === 'bad_signature');
    assert.ok(sig, JSON.stringify(f));
    assert.equal(sig.severity, 'error');
    assert.match(sig.text, /^Error\s*bad_signature\s*at\s*token/);
    assert.match(sig.text, /invalid signature/);
    assert.match(sig.text, /Fix: Sign with secret\.inbox/);
    assert.equal(await forensics.getAttribute('data-variant'), '');
    assert.match(await forensics.textContent(), /no variant of this secret works/);

    // Signed with a trailing newline (secret read from a file): the forensics name it.
    await box.fill(text(signed(CONFIG, { secret: `${SECRET}\n` })));
    await secret.fill(SECRET);
    await verdict(region, 'bad');
    assert.ok(await forensics.isVisible());
    assert.equal(await forensics.getAttribute('data-variant'), 'with-trailing-newline');
    assert.match(await forensics.textContent(), /found the secret that works.*line feed \(LF, a newline\) added at its end.*Variant: with-trailing-newline/s);

    // Expired an hour ago: 4005 / -21, the times say so.
    const t = nowS();
    await box.fill(text(signed(CONFIG, { payload: { ...CONFIG, iat: t - 7200, exp: t - 3600 } })));
    v = await verdict(region, 'bad');
    assert.match(v, /The document security token has expired\./);
    assert.match(v, /close code\s*4005/);
    assert.match(v, /editor error\s*-21/);
    assert.match(await page.locator('#ds-config-times').textContent(), /expired (60 minutes|1 hour) ago/);
    assert.equal(await forensics.isVisible(), false, 'a signature that matches needs no forensics');

    // The page passes other permissions than it signed: 4004 / -23.
    const config = signed(CONFIG);
    config.document = { ...config.document, permissions: { edit: false, download: true } };
    await box.fill(text(config));
    v = await verdict(region, 'bad');
    assert.match(v, /You are trying to perform an action you do not have rights for\./);
    assert.match(v, /close code\s*4004/);
    assert.match(v, /editor error\s*-23/);
    f = await findingsIn(findings);
    const perm = f.find((x) => x.code === 'permissions_differ');
    assert.ok(perm, JSON.stringify(f));
    assert.match(perm.text, /at\s*document\.permissions/);
    // The rendered findings are the C core's, all of them, errors first.
    const want = kit.onlyoffice.inspectConfig(text(config), { secret: SECRET }).findings;
    assert.equal(f.length, want.length);
    const rank = { error: 0, warning: 1, info: 2 };
    assert.deepEqual(f.map((x) => x.code), [...want].sort((a, b) => rank[a.severity] - rank[b.severity]).map((x) => x.code));
  }));

  test(`${where}: editor config: page source, effective config marks, signed in the builder, clearing the secret`, () => inMode(where, 'Document Server', async (page, ds) => {
    const box = ds.getByLabel('Config passed to DocsAPI.DocEditor');
    const secret = ds.getByLabel('Inbox secret');
    const region = page.locator('#ds-config-verdict');
    // The page source of an integration: the config found in the DocEditor call.
    const fromToken = { ...CONFIG, document: { ...CONFIG.document, title: 'Signed title.docx' } };
    const config = { ...CONFIG, token: jwt.sign(fromToken, SECRET) };
    await box.fill(`<!doctype html><div id="placeholder"></div>\n<script>\n  // the editor\n  var docEditor = new DocsAPI.DocEditor("placeholder", ${JSON.stringify(config)});\n</script>`);
    await secret.fill(SECRET);
    await verdict(region, 'ok');
    assert.match(await page.locator('#ds-config-found').textContent(), /Found the object passed to DocsAPI\.DocEditor/);
    // The token's title replaces the page's, and only that value is marked.
    const marks = await page.locator('#ds-config-effective mark.from-token').allTextContents();
    assert.deepEqual(marks, ['"Signed title.docx"']);
    assert.match(await page.locator('#ds-config-effective').textContent(), /"title": "Signed title\.docx"/);

    // Clearing the secret clears the verdict and the findings.
    await secret.fill('');
    assert.match(await verdict(region, 'empty'), /enter the inbox secret/);
    assert.equal(await page.locator('#ds-config-findings li').count(), 0);
    assert.equal(await page.locator('#ds-config-effective').textContent(), '');

    // A config without a token: the server closes it; the one builder (the
    // JWT inspector's Build panel) signs it.
    await box.fill(text(CONFIG));
    let v = await verdict(region, 'bad');
    assert.match(v, /jwt must be provided/);
    assert.ok((await findingsIn(page.locator('#ds-config-findings'))).some((x) => x.code === 'token_missing'));
    await ds.getByRole('button', { name: 'Edit and sign in the builder' }).click();
    assert.equal(await page.getByRole('tab', { name: 'JWT inspector' }).getAttribute('aria-selected'), 'true');
    // The inspector and its builder load the first time their tab is shown; then the config arrives.
    await page.locator('#panel-jwt[data-load="ready"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'payload-edit');
    const payloadBox = page.getByLabel('Payload (JSON)');
    assert.deepEqual(JSON.parse(await payloadBox.inputValue()), CONFIG);
    assert.ok(await payloadBox.evaluate((e) => e === document.activeElement), 'focus moves to the payload');
    await page.getByLabel('Secret', { exact: true }).fill(SECRET);
    await page.waitForFunction(() => document.getElementById('built-config').value !== '');
    const out = JSON.parse(await page.getByRole('textbox', { name: 'Editor config', exact: true }).inputValue());
    const payload = jwt.verify(out.token, SECRET, { clockTolerance: 60 });
    assert.deepEqual(payload.document, CONFIG.document);
    assert.equal(payload.exp - payload.iat, 3600);
    // The signed config, back in the Document Server mode: accepted.
    await page.getByRole('tab', { name: 'Document Server' }).click();
    await box.fill(JSON.stringify(out));
    await secret.fill(SECRET);
    await verdict(region, 'ok');
    // Only a token (here in a JavaScript literal that is not JSON): judged as the config it signs.
    await box.fill(`var config = { document: { key: 1 }, token: '${jwt.sign(CONFIG, SECRET)}' };`);
    await verdict(region, 'ok');
    assert.match(await page.locator('#ds-config-found').textContent(), /only a token: judged by its kind \(a config token as the config it signs/);
    // Neither a config nor a token.
    await box.fill('var config = { document: { key: 1 } }');
    v = await verdict(region, 'error');
    assert.match(v, /No config found/);
  }));

  test(`${where}: editor config: any token the editor page sends, its kind with the confidence, the kind picked when ambiguous`, () => inMode(where, 'Document Server', async (page, ds) => {
    const box = ds.getByLabel('Config passed to DocsAPI.DocEditor');
    const region = page.locator('#ds-config-verdict');
    const note = page.locator('#ds-config-kind');
    const pick = ds.getByLabel('Judge as', { exact: true });
    await ds.getByLabel('Inbox secret').fill(SECRET);
    // ONLYOFFICE's JWT article example (signature cut to 24 characters): an
    // insertImage token, refused as commandImgurls refuses it.
    const whole = jwt.sign({ fileType: 'png', url: 'https://example.com/url-to-example-image.png' }, SECRET, { noTimestamp: true });
    await box.fill(whole.slice(0, whole.lastIndexOf('.') + 25));
    let v = await verdict(region, 'bad');
    assert.match(v, /insertImage: The document security token is not correctly formed \(error VKEY_ENCRYPT\)/);
    assert.match(v, /checked on\s*imgurls/);
    assert.match(v, /editor error\s*-20/);
    assert.match(v, /server error\s*-121/);
    assert.match(await note.textContent(), /^Token kind: insertImage \(likely\): url with fileType "png"/);
    assert.deepEqual((await findingsIn(page.locator('#ds-config-findings'))).map((f) => f.code), ['bad_signature']);
    // {fileType: docx, url}: ambiguous; the select picks the kind.
    await box.fill(jwt.sign({ fileType: 'docx', url: 'https://example.com/a.docx' }, SECRET));
    v = await verdict(region, 'ok');
    assert.match(v, /setRequestedDocument: Document Server accepts/);
    assert.match(await note.textContent(), /\(ambiguous\).*could also be: setRevisedFile\. Pick the kind below/);
    await pick.selectOption('downloadFile');
    v = await verdict(region, 'bad');
    assert.match(v, /HTTP status\s*403/);
    await pick.selectOption('setRevisedFile');
    assert.match(await verdict(region, 'ok'), /setRevisedFile: Document Server accepts/);
    // Back to the guess; a config's token is the config, judged as before.
    await pick.selectOption('');
    await box.fill(text(signed(CONFIG, { expiresIn: '5m' })));
    assert.match(await verdict(region, 'ok'), /The editor opens/);
    assert.match(await note.textContent(), /^Token kind: config \(likely\).*could also be: refreshFile/);
    // A config whose token is judged as another kind, picked by hand.
    await pick.selectOption('setHistoryData');
    v = await verdict(region, 'bad');
    assert.match(v, /setHistoryData: /);
    assert.match(v, /close code\s*4006/);
    await box.fill('');
    await verdict(region, 'empty');
    assert.equal(await page.locator('#ds-config-kind-field').isHidden(), true);
  }));

  test(`${where}: server config: settings, masked secrets, findings, and used by the config panel`, () => inMode(where, 'Document Server', async (page, ds) => {
    const sc = ds.getByLabel('local.json, or Docker env / compose lines');
    const region = page.locator('#ds-server-verdict');
    const use = ds.getByRole('button', { name: 'Use this server config' });
    assert.equal(await use.isDisabled(), true);
    const local = { services: { CoAuthoring: {
      token: { enable: { browser: true, request: { inbox: 'true', outbox: true } } },
      secret: { inbox: { string: SECRET }, outbox: { string: SECRET }, session: { string: SECRET } },
    } } };
    await sc.fill(JSON.stringify(local, null, 2));
    assert.match(await verdict(region, 'ok'), /^✓ Nothing in these settings stops editors, requests or callbacks, but: the flag is the string "true"/);
    const settings = page.locator('#ds-server-settings');
    let shown = await settings.textContent();
    assert.ok(!shown.includes(SECRET), 'secrets are masked by default');
    assert.match(shown, /header\s*Authorization, prefix\s*"Bearer "/);
    assert.match(shown, /Clock tolerance60 s/);
    assert.match(shown, /\(32 characters\)/);
    const reveal = settings.getByRole('button', { name: 'Reveal the inbox secret' });
    await reveal.click();
    assert.ok((await settings.textContent()).includes(`"${SECRET}"`));
    assert.equal(await settings.getByRole('button', { name: 'Hide the inbox secret' }).getAttribute('aria-pressed'), 'true');
    await settings.getByRole('button', { name: 'Hide the inbox secret' }).click();
    assert.ok(!(await settings.textContent()).includes(SECRET));
    const f = await findingsIn(page.locator('#ds-server-findings'));
    const flag = f.find((x) => x.code === 'flag_is_string');
    assert.ok(flag, JSON.stringify(f));
    assert.match(flag.text, /at\s*services\.CoAuthoring\.token\.enable\.request\.inbox/);
    assert.match(flag.text, /Fix: Write true or false without quotes/);

    // The config panel judges with its inbox secret once it is in use.
    const box = ds.getByLabel('Config passed to DocsAPI.DocEditor');
    const cfg = page.locator('#ds-config-verdict');
    await box.fill(text(signed(CONFIG)));
    await verdict(cfg, 'empty');
    await use.click();
    assert.equal(await ds.getByRole('button', { name: /Using this server config/ }).getAttribute('aria-pressed'), 'true');
    await verdict(cfg, 'ok');
    const using = page.locator('#ds-config [data-using]');
    assert.match(await using.textContent(), /its inbox secret \(32 characters\).*header\s*Authorization/s);
    assert.ok(!(await using.textContent()).includes(SECRET));
    // Docker lines with another secret: the panel follows the edited text.
    await sc.fill('JWT_ENABLED=true\nJWT_SECRET=another-secret-another-secret-1234\nJWT_HEADER=AuthorizationJwt\n');
    await verdict(cfg, 'bad');
    assert.match(await using.textContent(), /header\s*AuthorizationJwt/);
    shown = await settings.textContent();
    assert.match(shown, /header\s*AuthorizationJwt/);
    // Stop using it: back to asking for the secret.
    await using.getByRole('button', { name: 'Stop using it' }).click();
    await verdict(cfg, 'empty');
    assert.equal(await using.isVisible(), false);
    assert.equal(await use.getAttribute('aria-pressed'), 'false');
  }));

  test(`${where}: request panel says it is not available in this build`, { skip: onlyWithout(has.request, 'kit.onlyoffice.inspectRequest') }, () => inMode(where, 'Document Server', async (page) => {
    const panel = page.locator('#ds-request');
    assert.match(await panel.locator('[data-unavailable]').textContent(), /not\s+available in this build/);
    assert.ok(await panel.locator('[data-unavailable]').isVisible());
    assert.equal(await panel.getByLabel('HTTP request, or its body').isDisabled(), true);
  }));

  test(`${where}: request panel judges a callback with kit.onlyoffice.inspectRequest`, { skip: onlyWith(has.request, 'kit.onlyoffice.inspectRequest') }, () => inMode(where, 'Document Server', async (page) => {
    const panel = page.locator('#ds-request');
    const region = page.locator('#ds-request-verdict');
    const body = { key: 'Khirz6zTPdfd7', status: 2, url: 'https://ds.example.com/cache/files/data/Khirz6zTPdfd7/output.docx', users: ['78e1e841'] };
    // As Document Server sends it: the body with its token, and the header token wrapping the body in {payload}.
    const raw = (secret) => `POST /onlyoffice/callback HTTP/1.1\r\nHost: files.example.com\r\nContent-Type: application/json\r\n`
      + `Authorization: Bearer ${jwt.sign({ payload: body }, secret)}\r\n\r\n${JSON.stringify({ ...body, token: jwt.sign(body, secret) })}`;
    await panel.getByLabel('Kind').selectOption('callback');
    await panel.getByLabel('Request secret').fill(SECRET);
    for (const [signer, state] of [[SECRET, 'ok'], [`${SECRET}x`, 'bad']]) {
      const req = raw(signer);
      await panel.getByLabel('HTTP request, or its body').fill(req);
      const want = kit.onlyoffice.inspectRequest(req, SECRET, { kind: 'callback', now: Date.now() / 1000 });
      assert.equal(want.verdict.ok, state === 'ok');
      const v = await verdict(region, state);
      assert.ok(v.toLowerCase().includes(String(want.verdict.message).slice(0, 40).toLowerCase()), `${v} / ${want.verdict.message}`);
      const f = await findingsIn(page.locator('#ds-request-findings'));
      assert.deepEqual(f.map((x) => x.code).sort(), want.findings.map((x) => x.code).sort());
    }
    // The body alone, with its headers apart.
    await panel.getByLabel('Headers (with a body alone)').fill('Content-Type: application/json');
    await panel.getByLabel('HTTP request, or its body').fill(JSON.stringify({ ...body, token: jwt.sign(body, SECRET) }));
    await verdict(region, 'ok');
  }));

  test(`${where}: request panel: a callback as each connector judges it, and as the one picked`, { skip: onlyWith(has.request, 'kit.onlyoffice.inspectRequest') }, () => inMode(where, 'Document Server', async (page) => {
    const panel = page.locator('#ds-request');
    const region = page.locator('#ds-request-verdict');
    const body = { key: 'Khirz6zTPdfd7', status: 2, url: 'https://ds.example.com/cache/files/data/Khirz6zTPdfd7/output.docx' };
    // Document Server's clock 30 s ahead of the connector's: php-jwt refuses iat in its future.
    const iat = nowS() + 30;
    await panel.getByLabel('Kind').selectOption('command');
    assert.equal(await panel.getByLabel('Receiving connector').isVisible(), false, 'only for callbacks');
    await panel.getByLabel('Kind').selectOption('callback');
    await panel.getByLabel('Request secret').fill(SECRET);
    await panel.getByLabel('HTTP request, or its body').fill(JSON.stringify({ ...body, token: jwt.sign({ ...body, iat }, SECRET) }));
    await verdict(region, 'ok');
    const rows = page.locator('#ds-request-connectors');
    assert.match(await rows.textContent(), /As each connector judges it/);
    assert.match(await rows.textContent(), /Nextcloud\s*refuses \(HTTP 403\): Cannot handle token with iat prior to/);
    assert.match(await rows.textContent(), /Moodle\s*accepts/);
    const f = await findingsIn(page.locator('#ds-request-findings'));
    assert.ok(f.some((x) => x.code === 'connectors_decide'));
    await panel.getByLabel('Receiving connector').selectOption('nextcloud');
    assert.match(await verdict(region, 'bad'), /Nextcloud refuses the body token/);
    await panel.getByLabel('Its leeway, seconds (empty: its default)').fill('60');
    assert.match(await verdict(region, 'ok'), /Nextcloud accepts the body token/);
    assert.equal(await rows.locator('dt').count(), 1);
  }));

  test(`${where}: deployment panels say what this build lacks`, { skip: has.url && has.nginx && has.cert ? 'every deployment function is in this build' : false }, () => inMode(where, 'Deployment', async (page) => {
    for (const [id, ok] of [['dp-url', has.url], ['dp-nginx', has.nginx], ['dp-cert', has.cert]]) {
      const note = page.locator(`#${id} [data-unavailable]`);
      assert.equal(await note.isVisible(), !ok, id);
      if (!ok) {
        assert.match(await note.textContent(), /not\s+available in this build/);
        assert.equal(await page.locator(`#${id} textarea`).first().isDisabled(), true);
      }
    }
  }));

  test(`${where}: download link panel: 200, wrong secret 403, expired 410`, { skip: onlyWith(has.url, 'kit.onlyoffice.inspectDownloadUrl') }, () => inMode(where, 'Deployment', async (page, mode) => {
    const secure = 'verysecretstring';
    const path = '/cache/files/data/Khirz6zTPdfd7_2113/output.docx/output.docx';
    // nginx secure_link_md5 "$secure_link_expires$uri$secure_link_secret", computed here with node:crypto.
    const link = (expires) => {
      const md5 = createHash('md5').update(`${expires}${path}${secure}`).digest('base64url');
      return `https://ds.example.com${path}?md5=${md5}&expires=${expires}&filename=output.docx`;
    };
    const region = page.locator('#dp-url-verdict');
    await mode.getByLabel('Download URL').fill(link(nowS() + 3600));
    assert.match(await verdict(region, 'empty'), /Enter the secure link secret/);
    await mode.getByLabel('Secure link secret', { exact: true }).fill(secure);
    assert.match(await verdict(region, 'ok'), /HTTP status\s*200/);
    assert.match(await page.locator('#dp-url-facts').textContent(), /UTC.*expires in (60 minutes|59 minutes|1 hour)/s);
    assert.match(await page.locator('#dp-url-facts').textContent(), /\/cache\/files\/data\/Khirz6zTPdfd7_2113/);
    await mode.getByLabel('Secure link secret', { exact: true }).fill(`${secure}x`);
    assert.match(await verdict(region, 'bad'), /HTTP status\s*403/);
    await mode.getByLabel('Secure link secret', { exact: true }).fill(secure);
    await mode.getByLabel('Download URL').fill(link(nowS() - 600));
    assert.match(await verdict(region, 'bad'), /HTTP status\s*410/);
  }));

  test(`${where}: nginx panel: secure link secret masked, TLS, findings`, { skip: onlyWith(has.nginx, 'kit.onlyoffice.readNginxConfig') }, () => inMode(where, 'Deployment', async (page, mode) => {
    const conf = 'server {\n  listen 80;\n  listen 443 ssl;\n  ssl_certificate /etc/ssl/certs/ds.crt;\n'
      + '  ssl_certificate_key /etc/ssl/private/ds.key;\n  ssl_protocols TLSv1 TLSv1.2;\n  set $secure_link_secret verysecretstring;\n}\n';
    await mode.getByLabel('nginx file or snippet').fill(conf);
    const want = kit.onlyoffice.readNginxConfig(conf);
    await verdict(page.locator('#dp-nginx-verdict'), want.findings.some((f) => f.severity === 'error') ? 'bad' : 'ok');
    const settings = page.locator('#dp-nginx-settings');
    const shown = await settings.textContent();
    assert.ok(!shown.includes('verysecretstring'), 'masked');
    assert.match(shown, /\/etc\/ssl\/certs\/ds\.crt/);
    assert.match(shown, /TLSv1\.2/);
    const f = await findingsIn(page.locator('#dp-nginx-findings'));
    assert.deepEqual(f.map((x) => x.code).sort(), want.findings.map((x) => x.code).sort());
    assert.ok(f.some((x) => /TLSv1\b/.test(x.text)), 'TLSv1 is flagged');
    await mode.getByRole('button', { name: 'Check download links with this secret' }).click();
    assert.equal(await mode.getByLabel('Secure link secret', { exact: true }).inputValue(), 'verysecretstring');
  }));

  test(`${where}: server config: a bare secret pasted there says where it belongs, with no settings`, () => inMode(where, 'Document Server', async (page, ds) => {
    const sc = ds.getByLabel('local.json, or Docker env / compose lines');
    const region = page.locator('#ds-server-verdict');
    await sc.fill(`${SECRET}\n`);
    const v = await verdict(region, 'bad');
    assert.match(v, /this looks like a secret, not a configuration/i);
    assert.match(v, /paste it in the secret box/);
    assert.doesNotMatch(v, /default secret/);
    assert.equal((await page.locator('#ds-server-settings').textContent()).trim(), '');
    assert.equal(await ds.getByRole('button', { name: 'Use this server config' }).isDisabled(), true);
    // docker run lines are read as the container writes local.json.
    await sc.fill(`docker run -d -p 443:443 -e JWT_SECRET=${SECRET} -e JWT_HEADER=AuthorizationJwt onlyoffice/documentserver`);
    await verdict(region, 'ok');
    assert.match(await page.locator('#ds-server-settings').textContent(), /header\s*AuthorizationJwt/);
  }));

  test(`${where}: nginx panel compares $secure_link_secret with the server config in use`, { skip: onlyWith(has.nginx, 'kit.onlyoffice.readNginxConfig') }, () => inMode(where, 'Document Server', async (page, ds) => {
    const local = { services: { CoAuthoring: { secret: { inbox: { string: SECRET }, outbox: { string: SECRET } } } },
      storage: { fs: { secretString: 'storage-secret-1' } } };
    await ds.getByLabel('local.json, or Docker env / compose lines').fill(JSON.stringify(local));
    await ds.getByRole('button', { name: 'Use this server config' }).click();
    const mode = await openMode(page, 'Deployment');
    const conf = 'server {\n  listen 443 ssl;\n  ssl_certificate /c.crt;\n  ssl_certificate_key /c.key;\n'
      + '  ssl_protocols TLSv1.2 TLSv1.3;\n  set $secure_link_secret other-secret-2;\n}\n';
    await mode.getByLabel('nginx file or snippet').fill(conf);
    const want = kit.onlyoffice.readNginxConfig(conf, { serverConfig: JSON.stringify(local) });
    assert.ok(want.findings.some((f) => f.code === 'link_secrets_differ'), 'C reports the mismatch');
    const f = await findingsIn(page.locator('#dp-nginx-findings'));
    assert.deepEqual(f.map((x) => x.code).sort(), want.findings.map((x) => x.code).sort());
    // The same secret on both sides: no mismatch.
    await mode.getByLabel('nginx file or snippet').fill(conf.replace('other-secret-2', 'storage-secret-1'));
    const same = await findingsIn(page.locator('#dp-nginx-findings'));
    assert.ok(!same.some((x) => x.code === 'link_secrets_differ'));
  }));

  test(`${where}: certificate panel: self-signed for localhost, key match, host coverage`, { skip: onlyWith(has.cert, 'kit.inspectCertificate') }, () => inMode(where, 'Deployment', async (page, mode) => {
    const dir = mkdtempSync(join(tmpdir(), 'oojwt-cert-'));
    const make = (name) => {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-days', '30', '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.crt`)], { stdio: 'ignore' });
      return { cert: readFileSync(join(dir, `${name}.crt`), 'utf8'), key: readFileSync(join(dir, `${name}.key`), 'utf8') };
    };
    const a = make('a');
    const b = make('b');
    await mode.getByLabel('Certificate (PEM)').fill(a.cert);
    await mode.getByLabel('Private key (PEM, optional)').fill(a.key);
    await mode.getByLabel('Host name or IP address').fill('docs.example.com');
    await page.locator('#dp-cert-verdict:not([data-state="empty"])').waitFor();
    const want = kit.inspectCertificate(a.cert, { privateKey: a.key, host: 'docs.example.com', now: Date.now() / 1000 });
    assert.deepEqual((await findingsIn(page.locator('#dp-cert-findings'))).map((x) => x.code).sort(), want.findings.map((x) => x.code).sort());
    let facts = await page.locator('#dp-cert-facts').textContent();
    assert.match(facts, /Self-signedyes/);
    assert.match(facts, /Private key matchesyes/);
    assert.match(facts, /Covers docs\.example\.comno/);
    assert.match(facts, /localhost/);
    assert.match(facts, /127\.0\.0\.1/);
    assert.match(facts, /UTC.*expires in/s);
    await mode.getByLabel('Private key (PEM, optional)').fill(b.key);
    await mode.getByLabel('Host name or IP address').fill('127.0.0.1');
    facts = await page.locator('#dp-cert-facts').textContent();
    assert.match(facts, /Private key matchesno/);
    assert.match(facts, /Covers 127\.0\.0\.1yes/);
  }));

  test(`${where}: connector settings: Nextcloud's config.php read, compared with the server config in use, secrets byte for byte`, () => inMode(where, 'Document Server', async (page, ds) => {
    const box = ds.getByLabel('What the connector shows');
    const region = page.locator('#ds-connector-verdict');
    const using = page.locator('#ds-connector [data-using]');
    assert.match(await verdict(region, 'empty'), /Paste what the connector shows/);
    assert.match(await using.textContent(), /No server config in use/);
    const php = (secret) => `<?php\n$CONFIG = array (\n  'version' => '28.0.1.1',\n  'onlyoffice' => array (\n    'jwt_secret' => '${secret}',\n    'jwt_leeway' => 30,\n  ),\n);\n`;

    // The connector side alone.
    await box.fill(php(`${SECRET}\u200b`));
    assert.match(await verdict(region, 'ok'), /Read Nextcloud's settings; use a server config/);
    const settings = page.locator('#ds-connector-settings');
    assert.match(await settings.textContent(), /ConnectorNextcloud.*Read asconfig\.php \('onlyoffice' section\).*Leeway for the token times30 s/s);
    const secrets = page.locator('#ds-connector-secrets');
    assert.ok(!(await secrets.textContent()).includes(SECRET), 'the secret is masked by default');
    assert.match(await secrets.textContent(), /\(33 characters\)/);
    await secrets.getByRole('button', { name: 'Reveal the connector\'s secret' }).click();
    assert.ok((await secrets.textContent()).includes(`"${SECRET}⟦U+200B⟧"`), 'the zero-width space is shown as a marker');

    // With the server config in use: both sides, byte for byte.
    const local = { services: { CoAuthoring: {
      token: { enable: { browser: true, request: { inbox: true, outbox: true } } },
      secret: { inbox: { string: SECRET }, outbox: { string: SECRET }, session: { string: SECRET } },
    } } };
    await ds.getByLabel('local.json, or Docker env / compose lines').fill(JSON.stringify(local));
    await ds.getByRole('button', { name: 'Use this server config' }).click();
    assert.match(await using.textContent(), /Compared with the server config in use/);
    const want = kit.onlyoffice.readConnectorSettings(php(`${SECRET}\u200b`), { serverConfig: JSON.stringify(local) });
    assert.deepEqual(want.comparison.secrets, { inbox: 'differ', outbox: 'differ' });
    assert.match(await verdict(region, 'bad'), /Nextcloud and Document Server hold different secrets: every token between them is refused \("Invalid token"\)/);
    const text = await secrets.textContent();
    assert.match(text, /secret\.inbox: checks what the connector sends.*\(32 characters\).*different/s);
    assert.match(text, /secret\.outbox: signs the callbacks and downloads.*different/s);
    const f = await findingsIn(page.locator('#ds-connector-findings'));
    assert.deepEqual(f.map((x) => x.code).sort(), [...want.findings, ...want.comparison.findings].map((x) => x.code).sort());
    const differs = f.find((x) => x.code === 'connector_secret_differs');
    assert.ok(differs, JSON.stringify(f));
    assert.match(differs.text, /⟦U\+200B⟧/, 'the finding names the invisible character');
    assert.ok(!differs.text.includes(SECRET), 'the finding never shows the secrets');

    // The same secret: they agree.
    await box.fill(php(SECRET));
    assert.match(await verdict(region, 'ok'), /Nextcloud and Document Server agree/);
    assert.match(await secrets.textContent(), /secret\.inbox: checks what the connector sends.*the same, byte for byte/s);

    // Text that is no connector's settings; Mattermost with DS's Authorization header.
    await box.fill('hello, this is my secret: abc');
    assert.match(await verdict(region, 'bad'), /This is not a connector's settings/);
    await box.fill(JSON.stringify({ DESAddress: 'https://ds.example.com/', DESJwt: SECRET, DESJwtHeader: 'Authorization', DESJwtPrefix: 'Bearer ' }));
    assert.match(await verdict(region, 'bad'), /^✗ Mattermost/);
    assert.ok((await findingsIn(page.locator('#ds-connector-findings'))).some((x) => x.code === 'connector_header_refused'));
  }));

  test(`${where}: editor config: the connector select lists every profile and passes it on`, () => inMode(where, 'Document Server', async (page, ds) => {
    const select = ds.getByLabel('Connector that built it');
    const names = await select.locator('option').allTextContents();
    assert.deepEqual(names.slice(1), kit.onlyoffice.connectors().connectors.map((c) => c.name));
    await ds.getByLabel('Config passed to DocsAPI.DocEditor').fill(text(signed(CONFIG)));
    await ds.getByLabel('Inbox secret').fill(SECRET);
    const region = page.locator('#ds-config-verdict');
    await verdict(region, 'ok');
    // inspectConfig takes the connector (what that connector signs); the config still opens.
    const want = kit.onlyoffice.inspectConfig(text(signed(CONFIG)), { secret: SECRET, connector: 'moodle' });
    await select.selectOption('moodle');
    assert.equal(await select.inputValue(), 'moodle');
    const shown = await verdict(region, want.verdict.ok ? 'ok' : 'bad');
    assert.ok(shown.includes(want.verdict.message.slice(1, 30)), `${shown} is inspectConfig's verdict with the connector`);
    const f = await findingsIn(page.locator('#ds-config-findings'));
    assert.deepEqual(f.map((x) => x.code).sort(), want.findings.map((x) => x.code).sort());
  }));
}
