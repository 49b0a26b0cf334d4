// The one builder and the JWT inspector's words, in Chromium, on the served
// page and on dist/oojwt.html: a JSON error in the payload empties every
// output (no "Copied", no stale token) and says where; a pasted token asks
// before replacing an edited payload, and Undo brings the edits back; the
// server-side code prints the builder's token byte for byte (Node with
// jsonwebtoken, Python with Debian's PyJWT, both HS256); the first tab names
// the variant of a secret typed with spaces around it (the secret forensics
// of the full module); text that is no token is told where it belongs;
// with local.json in use, a config signed with secret.browser is named as
// such, and a download link is checked with storage.fs.secretString.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import jwt from 'jsonwebtoken';
import { serveWeb, launch, openPage, openInspector, openMode, distUrl } from './harness.mjs';
import { kit } from '../helpers/common.mjs';

const SECRET = 'v8ZEFf2ANTp4xQzmqU4JrVpGq5TW1Rkc';
const PYTHON = '/usr/bin/python3';
let server;
let browser;
const targets = [];

before(async () => {
  server = await serveWeb();
  browser = await launch();
  targets.push({ name: 'served', url: server.base });
  targets.push({ name: 'file://', url: distUrl });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function withPage(url, fn) {
  const { page, context, log } = await openPage(browser, url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
  try {
    // The builder loads after the inspector answers.
    await openInspector(page);
    await page.locator('#build-status:not(:empty)').waitFor();
    await fn(page);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
}

for (const target of [0, 1]) {
  const name = () => targets[target].name;

  test(`builder (${target ? 'file://' : 'served'}): a JSON error empties every output, says where, and copies nothing`, () => withPage(targets[target].url, async (page) => {
    await page.getByLabel('Secret', { exact: true }).fill(SECRET);
    const built = page.getByLabel('Signed JWT');
    await assert.doesNotReject(page.waitForFunction(() => document.getElementById('built-token').value !== ''));
    const box = page.getByLabel('Payload (JSON)');
    const text = await box.inputValue();
    // Break line 3: a missing comma.
    const lines = text.split('\n');
    lines[2] = lines[2].replace(/,$/, '');
    await box.fill(lines.join('\n'));
    const status = page.locator('#build-status');
    assert.match(await status.textContent(), /not valid JSON: line 4, column \d+/, name());
    assert.equal(await built.inputValue(), '', 'no stale token');
    assert.equal(await page.getByLabel('Editor config').inputValue(), '', 'no stale config');
    assert.equal(await page.getByLabel('Token', { exact: true }).inputValue(), '', 'the Token box holds no stale builder token');
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    await page.getByRole('button', { name: 'Copy config' }).click();
    assert.match(await page.locator('#copy-note').textContent(), /^Nothing copied: The payload is not valid JSON: line 4/);
    assert.equal(await page.getByRole('button', { name: 'Copied' }).count(), 0, 'never "Copied"');
    // Fixed: signed again, and copied.
    await box.fill(text);
    await page.waitForFunction(() => document.getElementById('built-token').value !== '');
    await page.getByRole('button', { name: 'Copy config' }).click();
    // The note is written once the clipboard has taken the text (build-panel.mjs copy awaits it).
    await page.waitForFunction(() => document.getElementById('copy-note').textContent !== '');
    assert.match(await page.locator('#copy-note').textContent(), /^Copied the config/);
  }));

  test(`builder (${target ? 'file://' : 'served'}): a pasted token asks before replacing an edited payload; Undo restores it`, () => withPage(targets[target].url, async (page) => {
    await page.getByLabel('Secret', { exact: true }).fill(SECRET);
    const box = page.getByLabel('Payload (JSON)');
    const edited = JSON.stringify({ mine: 'edited by hand', n: 1 }, null, 2);
    await box.fill(edited);
    const other = jwt.sign({ theirs: 'pasted' }, SECRET, { noTimestamp: true });
    const tokenBox = page.getByLabel('Token', { exact: true });
    await tokenBox.fill(other);
    const ask = page.locator('#build-ask');
    await ask.waitFor();
    assert.match(await ask.textContent(), /Replace your edited payload/);
    assert.equal(await box.inputValue(), edited, 'nothing replaced before the answer');
    // Keep: the edits stay, the pasted token too.
    await page.getByRole('button', { name: 'Keep my payload' }).click();
    assert.equal(await box.inputValue(), edited);
    assert.equal(await tokenBox.inputValue(), other);
    // Paste again, replace (by keyboard), then undo.
    await tokenBox.fill(`${other} `);
    await ask.waitFor();
    await page.getByRole('button', { name: 'Replace with the token\'s payload' }).focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(JSON.parse(await box.inputValue()), { theirs: 'pasted' });
    assert.equal(await page.getByLabel('Signed JWT').inputValue(), other);
    const undo = page.getByRole('button', { name: 'Undo' });
    assert.ok(await undo.evaluate((b) => b === document.activeElement), 'focus moves to Undo');
    await page.keyboard.press('Enter');
    assert.equal(await box.inputValue(), edited);
    assert.equal(await tokenBox.inputValue(), `${other} `, 'undo leaves the pasted token alone');
    const built = await page.getByLabel('Signed JWT').inputValue();
    assert.deepEqual(jwt.verify(built, SECRET, { algorithms: ['HS256'], ignoreExpiration: true }).mine, 'edited by hand', 'the outputs follow the restored payload');
    // An unedited payload is replaced without asking.
    await page.getByRole('button', { name: 'Start again from the template' }).click();
    await tokenBox.fill(other);
    await page.waitForFunction(() => document.getElementById('payload-edit').value.includes('theirs'));
    assert.equal(await ask.isVisible(), false);
  }));

  test(`first tab (${target ? 'file://' : 'served'}): spaces typed around the right secret are named`, () => withPage(targets[target].url, async (page) => {
    const token = jwt.sign({ document: { key: 'k' } }, SECRET);
    await page.getByLabel('Token', { exact: true }).fill(token);
    await page.getByLabel('Secret', { exact: true }).fill(`  ${SECRET} `);
    const verdict = page.locator('#verdict');
    await page.locator('#verdict[data-variant="trimmed"]').waitFor();
    assert.match(await verdict.textContent(), /the secret you typed has spaces or line breaks around it; without them it verifies/);
    await page.getByLabel('Secret', { exact: true }).fill(`${SECRET}\n`.replace('\n', ' '));
    await page.locator('#verdict[data-variant="without-trailing-space"]').waitFor();
    assert.match(await verdict.textContent(), /the secret you typed ends with a space; without it, it verifies/);
    assert.doesNotMatch(await verdict.textContent(), /explainSecret/);
  }));

  test(`first tab (${target ? 'file://' : 'served'}): text that is no token says where it belongs`, () => withPage(targets[target].url, async (page) => {
    const box = page.getByLabel('Token', { exact: true });
    const verdict = page.locator('#verdict');
    for (const [text, where] of [
      ['{"services": {"CoAuthoring": {"secret": {"inbox": {"string": "x"}}}}}', /local\.json; paste it in Document Server → Server config/],
      ['https://ds.example.com/cache/files/data/k/output.docx/output.docx?md5=abc&expires=1&filename=output.docx', /a download link; paste it in Deployment → Download link/],
      ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', /a certificate; paste it in Deployment → Certificate/],
    ]) {
      await box.fill(text);
      await page.waitForFunction((re) => new RegExp(re).test(document.getElementById('verdict').textContent), where.source);
      assert.match(await verdict.textContent(), where);
    }
  }));
}

// ---- the server-side code, run -------------------------------------------------

const require = createRequire(import.meta.url);
const jsonwebtokenDir = require.resolve('jsonwebtoken').replace(/[/\\]index\.js$/, '');

function run(cmd, args, file, env) {
  return execFileSync(cmd, [file], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' }).trim();
}

test('builder: the Node and Python code print the builder\'s HS256 token byte for byte', () => withPage(targets[0].url, async (page) => {
  await page.getByLabel('Secret', { exact: true }).fill(SECRET);
  // A payload with nested values, a number, a boolean, null and a non-ASCII name.
  const payload = { document: { key: 'Khirz6zTPdfd7', permissions: { edit: true, download: false } }, documentType: 'word', n: 12.5, none: null, editorConfig: { user: { id: '1', name: 'Zoë Ünal' } } };
  await page.getByLabel('Payload (JSON)').fill(JSON.stringify(payload, null, 2));
  await page.waitForFunction(() => document.getElementById('built-token').value !== '');
  const token = await page.getByLabel('Signed JWT').inputValue();
  await page.getByText('The same token from server-side code').click();
  const code = page.locator('#code-text[data-ready="true"]');
  await code.waitFor();
  const dir = mkdtempSync(join(tmpdir(), 'oojwt-code-'));
  try {
    const node = await code.textContent();
    assert.doesNotMatch(node, new RegExp(SECRET), 'the secret is not written into the code');
    assert.match(node, /process\.env\.JWT_SECRET/);
    writeFileSync(join(dir, 'sign.cjs'), node);
    assert.equal(run(process.execPath, [], join(dir, 'sign.cjs'), { JWT_SECRET: SECRET, NODE_PATH: join(jsonwebtokenDir, '..') }), token, 'jsonwebtoken');

    await page.getByLabel('Language and library').selectOption('python');
    const py = await code.textContent();
    assert.doesNotMatch(py, new RegExp(SECRET));
    writeFileSync(join(dir, 'sign.py'), py);
    if (existsSync(PYTHON)) {
      assert.equal(run(PYTHON, [], join(dir, 'sign.py'), { JWT_SECRET: SECRET }), token, 'PyJWT');
    }
    // The others are written, read the secret from the environment, and name their library.
    for (const [lang, mark] of [['php', /getenv\('JWT_SECRET'\)/], ['java', /System\.getenv\("JWT_SECRET"\)/], ['csharp', /GetEnvironmentVariable\("JWT_SECRET"\)/]]) {
      await page.getByLabel('Language and library').selectOption(lang);
      const text = await code.textContent();
      assert.match(text, mark, lang);
      assert.doesNotMatch(text, new RegExp(SECRET), lang);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}));

// ---- the server config in use --------------------------------------------------

const INBOX = 'inbox-secret-0123456789abcdefghij';
const BROWSER = 'browser-secret-0123456789abcdefgh';
const LINK = 'link-secret-0123456789abcdefghijkl';
const LOCAL_JSON = JSON.stringify({
  services: { CoAuthoring: {
    secret: { inbox: { string: INBOX }, outbox: { string: INBOX }, session: { string: INBOX }, browser: { string: BROWSER } },
    token: { enable: { browser: true, request: { inbox: true, outbox: true } } },
  } },
  storage: { fs: { secretString: LINK } },
}, null, 2);

for (const target of [0, 1]) {
  test(`Document Server mode (${target ? 'file://' : 'served'}): with local.json in use, a config signed with secret.browser is named; a link is checked with storage.fs.secretString`, () => withPage(targets[target].url, async (page) => {
    const ds = await openMode(page, 'Document Server');
    await ds.getByLabel('local.json, or Docker env / compose lines').fill(LOCAL_JSON);
    await ds.getByRole('button', { name: 'Use this server config' }).click();
    const config = { document: { fileType: 'docx', key: 'k1', title: 't.docx', url: 'https://example.com/t.docx' }, documentType: 'word', editorConfig: { callbackUrl: 'https://example.com/cb' } };
    await ds.getByLabel('Config passed to DocsAPI.DocEditor').fill(JSON.stringify({ ...config, token: jwt.sign(config, BROWSER) }));
    const forensics = page.locator('#ds-config-forensics');
    await page.locator('#ds-config-forensics[data-variant="browser-secret"]').waitFor();
    assert.match(await forensics.textContent(), /signed with secret\.browser \(services\.CoAuthoring\.secret\.browser\); since 7\.2 Document Server checks configs with secret\.inbox/);

    const dp = await openMode(page, 'Deployment');
    const link = kit.onlyoffice.signDownloadUrl({ base: 'https://ds.example.com', path: 'data/k1/output.docx' }, { secret: LINK, expiresIn: 600 });
    await dp.getByLabel('Download URL').fill(link);
    const v = page.locator('#dp-url-verdict');
    await page.locator('#dp-url-verdict[data-state="ok"]').waitFor();
    assert.match(await page.locator('#dp-url-facts').textContent(), /storage\.fs\.secretString of the server config in use/);
    await dp.getByLabel('Secure link secret').fill('another secret');
    await page.locator('#dp-url-verdict[data-state="bad"]').waitFor();
    assert.match(await v.textContent(), /signed with storage\.fs\.secretString of the server config in use, not with the secret typed here/);
  }));
}
