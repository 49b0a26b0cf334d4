// The Diagnose box, the page's first screen, in Chromium, on the served page
// (dist/site/) and on dist/oojwt.html: each journey end to end as a user
// walks it. Texts pasted into boxes (one per box, "Add another text" for
// the next), an optional secret; under each box what it was recognised as
// (the kinds of tests/vectors/diagnose.json, which tests/c/test_diagnose.c
// and tests/js/diagnose.test.mjs check against C), one verdict in words
// (the consequence, the cause, the fix, the secrets it names), the other
// findings, and the buttons that open the texts in the tab that shows them
// in detail, where that tab's own check agrees. Also: the boxes (add up to
// 16, remove, labels), the words (no raw JSON, no internal name), the
// symptom list (kit.symptoms) leading to the right input, the export
// (kit.exportDiagnosis) downloaded and copied with no secret byte in it, the
// keyboard, and nothing stored or sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { browserSession, openPage, distUrl, haveDist } from './harness.mjs';

const vectors = JSON.parse(readFileSync(new URL('../vectors/diagnose.json', import.meta.url), 'utf8'));
const row = (name) => vectors.tests.find((t) => t.name.startsWith(name));

const session = browserSession();
const targets = {
  served: () => ({ url: session.server.base, own: (u) => u.startsWith(session.server.base) }),
  'file://': () => ({ url: distUrl, own: (u) => u === distUrl }),
};

/** Open the page, run `fn(page)`, then check that nothing was stored or sent and nothing failed. */
async function withPage(where, fn) {
  assert.ok(where !== 'file://' || haveDist(), 'dist/oojwt.html is missing: run `make dist`');
  const target = targets[where]();
  const { page, context, log } = await openPage(session.browser, target.url);
  try {
    await fn(page);
    const left = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie, href: location.href }));
    assert.deepEqual(left, { local: 0, session: 0, cookie: '', href: target.url });
    assert.deepEqual(log.errors, [], 'no console errors');
    assert.deepEqual(log.requests.filter((u) => !target.own(u)), [], 'only the page\'s own files are requested');
  } finally {
    await context.close();
  }
}

/**
 * Paste `texts` into the Diagnose box (one box each), type `secrets`, and wait
 * for the verdict `code` (once every box says what it is). Resolves to what the user reads:
 * { kinds, recognised, state, code, verdict (its text), headline, cause, fix, facts, details }.
 */
async function diagnose(page, texts, { secrets = [], code, timeout } = {}) {
  await page.getByLabel('Paste anything').fill(texts[0]);
  for (let i = 1; i < texts.length; i++) {
    // As a user would, once the box before says what it is (the page has stopped moving).
    await page.locator(`#diag-kind-${i}[data-kind]`).waitFor({ timeout });
    await page.getByRole('button', { name: 'Add another text' }).click();
    await page.getByLabel(`Text ${i + 1}`, { exact: true }).fill(texts[i]);
  }
  if (secrets[0] !== undefined) await page.getByLabel('Secret (optional)').fill(secrets[0]);
  if (secrets[1] !== undefined) {
    await page.getByRole('button', { name: 'Add a second secret' }).click();
    await page.getByLabel('Second secret').fill(secrets[1]);
  }
  await page.waitForFunction((n) => document.querySelectorAll('.recognised[data-kind]').length === n, texts.length, { timeout });
  await page.locator(code ? `#diag-verdict[data-code="${code}"]` : '#diag-verdict[data-code]:not([data-code=""])').waitFor({ timeout });
  return read(page);
}

function read(page) {
  return page.evaluate(() => {
    const v = document.getElementById('diag-verdict');
    const text = (sel) => v.querySelector(sel)?.textContent ?? '';
    return {
      kinds: [...document.querySelectorAll('.diag-box .recognised')].map((p) => p.dataset.kind),
      recognised: [...document.querySelectorAll('.diag-box .recognised')].map((p) => p.textContent),
      state: v.dataset.state,
      code: v.dataset.code,
      verdict: v.textContent,
      headline: text('.verdict-title'),
      cause: text('.v-cause'),
      fix: text('.v-fix'),
      facts: Object.fromEntries([...v.querySelectorAll('.chip')].map((c) => [c.dataset.param, c.querySelector('code').textContent])),
      buttons: [...v.querySelectorAll('.open-in button')].map((b) => b.textContent),
      details: document.getElementById('diag-more').textContent,
      findings: [...document.querySelectorAll('#diag-more li.finding')].map((li) => li.dataset.code),
    };
  });
}

/** What the user reads names no internal function, shows no raw JSON and no code name. */
function readable(r) {
  const all = `${r.verdict}\n${r.details}\n${r.recognised.join('\n')}`;
  assert.doesNotMatch(all, /explainSecret|inspectConfig|readServerConfig|diagnose\(|kit\./, 'no internal function name');
  assert.doesNotMatch(all, /\b(diag|cert|link|nginx)_[a-z_]+\b/, 'no code name');
  assert.doesNotMatch(all, /\{"|"\s*:\s*[{["\d]/, 'no raw JSON');
}

for (const where of ['served', 'file://']) {
  test(`${where}: journey: Nextcloud "Invalid token" from a secret read with a trailing newline (the error, local.json, the request)`, () => withPage(where, async (page) => {
    const v = row('journey: Nextcloud');
    const r = await diagnose(page, v.items, { code: 'diag_secret_variant' });
    assert.deepEqual(r.kinds, ['connector-error', 'local-json', 'http-request']);
    assert.match(r.recognised[0], /^Recognised: an error copied from a connector \(high confidence\)/);
    assert.match(r.recognised[1], /^Recognised: Document Server's local\.json/);
    assert.equal(r.state, 'error');
    assert.match(r.headline, /^✗ Nextcloud cannot connect: Document Server refuses its token \(Invalid token\)/);
    assert.match(r.cause, /^Cause: The token is signed with secret\.inbox.* with a line feed added at the end/);
    assert.match(r.fix, /^Fix: Set the secret in Nextcloud's ONLYOFFICE app again/);
    assert.match(r.fix, /tr -d '\\n'/);
    assert.match(r.facts.secret, /secret\.inbox/);
    assert.match(r.verdict, /About text 3 \(an HTTP request\)/);
    // The verdict's styles apply (a bordered box, the colours of an error).
    const style = await page.locator('#diag-verdict').evaluate((e) => [getComputedStyle(e).borderTopWidth, getComputedStyle(e).paddingTop]);
    assert.deepEqual(style, ['2px', '12px']);
    assert.ok(r.findings.includes('diag_symptom'), r.details);
    readable(r);
    // The detail view: the server config in use, the request judged with it.
    assert.deepEqual(r.buttons, ['Open in the Document Server tab']);
    await page.getByRole('button', { name: 'Open in the Document Server tab' }).click();
    await page.locator('#panel-ds[data-load="ready"]').waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Document Server' }).getAttribute('aria-selected'), 'true');
    assert.equal(await page.locator('#ds-server-text').inputValue(), v.items[1]);
    assert.equal(await page.locator('#ds-server-use').getAttribute('aria-pressed'), 'true');
    // (A text box keeps line ends as LF.)
    assert.equal(await page.locator('#ds-request-text').inputValue(), v.items[2].replace(/\r\n/g, '\n'));
    await page.locator('#ds-request-verdict[data-state="bad"]').waitFor();
  }));

  test(`${where}: journey: a config signed with secret.browser while local.json is loaded names both secrets`, () => withPage(where, async (page) => {
    const v = row('journey: a config signed with secret.browser');
    const r = await diagnose(page, v.items, { code: 'diag_signed_with_other_secret' });
    assert.deepEqual(r.kinds, ['local-json', 'editor-config']);
    assert.match(r.headline, /^✗ The editor will not open \(error -20\): it is signed with secret\.browser, not secret\.inbox/);
    assert.match(r.cause, /signed with secret\.browser; Document Server checks .* with secret\.inbox \(since 7\.2 it does not read secret\.browser at all\)/);
    assert.match(r.fix, /sign with the value of secret\.inbox/);
    assert.deepEqual(r.facts, { signedWith: 'secret.browser', expected: 'secret.inbox' });
    assert.ok(r.findings.includes('browser_secret_ignored'));
    readable(r);
    await page.getByRole('button', { name: 'Open in the Document Server tab' }).click();
    await page.locator('#ds-config-forensics[data-variant="browser-secret"]').waitFor();
    assert.equal(await page.locator('#ds-config-text').inputValue(), v.items[1]);
    assert.ok(await page.locator('#ds-config-text').evaluate((e) => e === document.activeElement), 'the verdict\'s text is focused');
  }));

  test(`${where}: journey: nginx's $secure_link_secret against storage.fs.secretString`, () => withPage(where, async (page) => {
    const v = row("journey: nginx's $secure_link_secret");
    const r = await diagnose(page, v.items, { code: 'link_secrets_differ' });
    assert.deepEqual(r.kinds, ['local-json', 'nginx-config']);
    assert.equal(r.state, 'error');
    assert.match(r.headline, /^✗ nginx in front of Document Server has a problem/);
    assert.match(r.verdict, /storage\.fs\.secretString \(32 bytes\) but nginx checks them with \$secure_link_secret \(33 bytes\)/);
    assert.match(r.verdict, /403 \("Download failed"\)/);
    assert.match(r.fix, /documentserver-update-securelink\.sh/);
    readable(r);
    assert.deepEqual(r.buttons, ['Open in the Deployment tab', 'Open in the Document Server tab']);
    await page.getByRole('button', { name: 'Open in the Deployment tab' }).click();
    await page.locator('#panel-deploy[data-load="ready"]').waitFor();
    assert.equal(await page.locator('#dp-nginx-text').inputValue(), v.items[1]);
    // The nginx panel compares with the server config now in use.
    await page.locator('#dp-nginx-findings li[data-code="link_secrets_differ"]').waitFor();
  }));

  test(`${where}: journey: a certificate made with genrsa / req / x509 -signkey for a bare IP, with Nextcloud's error`, () => withPage(where, async (page) => {
    const v = row('journey: a certificate made with openssl genrsa');
    const r = await diagnose(page, v.items, { code: 'diag_cert_no_ip' });
    assert.deepEqual(r.kinds, ['connector-error', 'certificate', 'pem-key']);
    assert.equal(r.state, 'error');
    // The consequence for the connector, the missing IP address, and the fix matching the steps people follow.
    assert.match(r.headline, /^✗ Nextcloud will refuse https:\/\/10\.17\.174\.115: the certificate has no IP address for it/);
    assert.match(r.verdict, /subjectAltName/);
    assert.match(r.verdict, /-extfile/);
    assert.match(r.verdict, /About text 2 \(a certificate\)/);
    assert.ok(r.findings.includes('cert_self_signed'), r.details);
    // The command that makes the certificate again, the steps people follow with the IP address added.
    const command = page.locator('#diag-more li.command[data-id="make_certificate"]');
    assert.match(await command.locator('p').textContent(), /^On Document Server's host \(for text 2\): /);
    const text = await command.locator('pre').textContent();
    for (const w of ['openssl genrsa', '-subj /CN=10.17.174.115', 'subjectAltName=IP:10.17.174.115', '-extfile onlyoffice.ext']) assert.ok(text.includes(w), `${w}: ${text}`);
    readable(r);
    assert.deepEqual(r.buttons, ['Open in the Deployment tab']);
    await page.getByRole('button', { name: 'Open in the Deployment tab' }).click();
    await page.locator('#panel-deploy[data-load="ready"]').waitFor();
    assert.equal(await page.locator('#dp-cert-text').inputValue(), v.items[1]);
    assert.equal(await page.locator('#dp-cert-key').inputValue(), v.items[2]);
    await page.locator('#dp-cert-findings li[data-code="cert_self_signed"]').waitFor();
  }));

  test(`${where}: journey: an nginx ds.conf with a hand-added listen 443 ssl, from a Docker container`, () => withPage(where, async (page) => {
    const v = row('journey: nginx ds.conf from the Docker container');
    const r = await diagnose(page, v.items, { code: 'nginx_docker_rewritten' });
    assert.deepEqual(r.kinds, ['nginx-config']);
    assert.equal(r.state, 'warning');
    assert.match(r.headline, /^! Document Server will answer on no HTTPS port after the container restarts/);
    // The container rewrites ds.conf at every start: the answer names the
    // Data/certs files, the volume and -p 443:443.
    for (const w of ['Data/certs', 'tls.crt', 'tls.key', '/var/www/onlyoffice/Data', '-p 443:443']) assert.ok(r.verdict.includes(w), `${w}: ${r.verdict}`);
    readable(r);
  }));

  test(`${where}: journey: the article's truncated token is named without a secret, and opens in the JWT inspector`, () => withPage(where, async (page) => {
    const v = row("journey: the article's token");
    const r = await diagnose(page, v.items, { code: 'diag_signature_truncated' });
    assert.deepEqual(r.kinds, ['token']);
    assert.match(r.recognised[0], /^Recognised: a token \(high confidence\)/);
    assert.match(r.headline, /^✗ Document Server will refuse this token: the token's signature is cut to 18 bytes \(HS256 needs 32\)/);
    assert.match(r.cause, /no secret can verify it/);
    assert.match(r.fix, /^Fix: Copy the whole token, up to its last character/);
    readable(r);
    // With the secret it was signed with before the cut: still the cut, never "another secret".
    await page.getByLabel('Secret (optional)').fill('secret');
    await page.waitForTimeout(400);
    assert.equal((await read(page)).code, 'diag_signature_truncated');
    await page.getByRole('button', { name: 'Open in the JWT inspector' }).click();
    await page.locator('#panel-jwt[data-load="ready"]').waitFor();
    assert.equal(await page.getByLabel('Token', { exact: true }).inputValue(), v.items[0]);
    assert.equal(await page.getByLabel('Secret', { exact: true }).inputValue(), 'secret');
    await page.locator('#verdict[data-verdict="invalid"]').waitFor();
    assert.match(await page.locator('#verdict').textContent(), /18 bytes/);
  }));

  test(`${where}: a Bearer value and a log line, with the secret typed: the one with a space is named, the other verifies`, () => withPage(where, async (page) => {
    const v = row('journey: a token with a Bearer prefix');
    const r = await diagnose(page, v.items, { secrets: v.secrets, code: 'diag_secret_variant' });
    assert.deepEqual(r.kinds, ['authorization', 'log-line']);
    assert.match(r.cause, /with a space added at the end/);
    assert.match(r.verdict, /About text 2 \(a log line holding a token\)/);
    assert.ok(r.findings.includes('diag_token_verifies'));
    readable(r);
  }));
}

test('served: text not recognised says so, and what it may be', () => withPage('served', async (page) => {
  const r = await diagnose(page, ['hello world, nothing here'], { code: 'diag_not_recognised' });
  assert.deepEqual(r.kinds, ['unknown']);
  assert.match(r.recognised[0], /^Not recognised: text oojwt does not recognise \(low confidence\)/);
  assert.match(r.headline, /^oojwt cannot tell what this is/);
  assert.equal(r.state, 'info');
  readable(r);
}));

test('served: boxes: added up to 16, each labelled; removed ones renumber; emptied ones leave the diagnosis', () => withPage('served', async (page) => {
  const add = page.getByRole('button', { name: 'Add another text' });
  for (let i = 2; i <= 16; i++) {
    await add.click();
    assert.ok(await page.getByLabel(`Text ${i}`, { exact: true }).evaluate((e) => e === document.activeElement), `text ${i} is focused when added`);
  }
  assert.equal(await add.isDisabled(), true);
  assert.match(await page.locator('#diag-count').textContent(), /16 texts: the most one diagnosis takes/);
  assert.equal(await page.locator('.diag-box textarea').count(), 16);
  assert.equal(await page.getByRole('button', { name: /^Remove text \d+$/ }).count(), 15);
  await page.getByRole('button', { name: 'Remove text 3', exact: true }).click();
  assert.equal(await add.isDisabled(), false);
  const labels = await page.locator('.diag-box label').allTextContents();
  assert.deepEqual(labels, ['Paste anything', ...Array.from({ length: 14 }, (_, i) => `Text ${i + 2}`)]);
  assert.ok(await page.getByLabel('Text 2', { exact: true }).evaluate((e) => e === document.activeElement), 'focus goes to the box before');
  // A text in box 5 alone is text 5, and emptying it leaves the box empty of a verdict.
  const t = row("journey: the article's token").items[0];
  await page.getByLabel('Text 5', { exact: true }).fill(t);
  await page.locator('#diag-verdict[data-code="diag_signature_truncated"]').waitFor();
  assert.match(await page.locator('#diag-verdict').textContent(), /About text 5 \(a token\)/);
  assert.equal(await page.locator('#diag-kind-5').getAttribute('data-kind'), 'token');
  await page.getByLabel('Text 5', { exact: true }).fill('');
  await page.locator('#diag-verdict[data-state="empty"]').waitFor();
  assert.equal(await page.locator('.recognised[data-kind]').count(), 0);
}));

test('served: two secrets: the second one typed is the one named', () => withPage('served', async (page) => {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ c: 'version' })}`;
  const tok = `${input}.${createHmac('sha256', 'right-secret-0123456789-abcdefgh').update(input).digest('base64url')}`;
  const r = await diagnose(page, [tok], { secrets: ['wrong-secret', 'right-secret-0123456789-abcdefgh'], code: 'diag_token_verifies' });
  assert.equal(r.state, 'info');
  assert.match(r.verdict, /the second secret typed here/);
  // Removing the second secret: the token no longer verifies with what is left.
  await page.getByRole('button', { name: 'Remove the second secret' }).click();
  await page.locator('#diag-verdict:not([data-code="diag_token_verifies"])').waitFor();
}));

test('served: keyboard alone: the first Tab stops are the language links, the tabs and the box; Enter adds a box; typing judges', () => withPage('served', async (page) => {
  const order = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id || `${document.activeElement.tagName}:${document.activeElement.lang}`));
  }
  assert.deepEqual(order, ['A:en', 'A:zh-CN', 'tab-diag', 'diag-text-1', 'diag-add', 'diag-secret-1', 'diag-secret-more', order[7]]);
  await page.getByLabel('Paste anything').focus();
  await page.keyboard.insertText(row('journey: a config signed with secret.browser').items[0]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'diag-text-2');
  await page.keyboard.insertText(row('journey: a config signed with secret.browser').items[1]);
  await page.locator('#diag-verdict[data-code="diag_signed_with_other_secret"]').waitFor();
  // Shift+Tab reaches the box's remove button (before it); Tab the verdict's button, which opens the tab by keyboard.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Remove text 2');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 8 && await page.evaluate(() => !document.activeElement.closest('.open-in')); i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Open in the Document Server tab');
  await page.keyboard.press('Enter');
  await page.locator('#ds-config-forensics[data-variant="browser-secret"]').waitFor();
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
}));

// ---- the symptom list (kit.symptoms) and the export (kit.exportDiagnosis) ----------

for (const where of ['served', 'file://']) {
  test(`${where}: the symptom list: Nextcloud's "Invalid token" says what to paste and where, and leads to the journey's verdict`, () => withPage(where, async (page) => {
    const aside = page.locator('#symptoms');
    // The list comes with the checks, which start loading when the box is focused.
    await page.getByLabel('Paste anything').focus();
    await aside.locator('button.symptom').first().waitFor();
    assert.equal(await aside.isVisible(), true);
    assert.equal(await aside.getByRole('heading', { level: 2 }).textContent(), 'Start from what you saw');
    const products = await aside.locator('h3').allTextContents();
    for (const p of ['ONLYOFFICE editor', 'Nextcloud', 'ownCloud', 'Moodle', 'Document Server']) assert.ok(products.includes(p), products.join());
    // In the user's words: the editor's two lines, no markup, no placeholder (and English only for an English reader).
    const editor = aside.locator('button.symptom[data-id="editor_token_invalid"]');
    assert.match(await editor.locator('.symptom-en').textContent(), /^The document security token is not correctly formed\.\nPlease contact/);
    assert.equal(await aside.locator('.symptom-zh').count(), 0);
    assert.doesNotMatch(await aside.textContent(), /<br>|%s|\$\{|\\r|\\n/);
    const nc = aside.locator('button.symptom[data-id="nextcloud_invalid_token"]');
    assert.equal(await nc.getAttribute('aria-expanded'), 'false');
    await nc.click();
    assert.equal(await nc.getAttribute('aria-expanded'), 'true');
    const detail = page.locator('#symptom-detail');
    await detail.waitFor();
    assert.equal(await detail.getAttribute('data-id'), 'nextcloud_invalid_token');
    const said = await detail.textContent();
    assert.match(said, /Nextcloud: “Error occurred in the document service: Invalid token”/);
    assert.match(said, /Paste below:/);
    assert.match(said, /occ config:app:get onlyoffice jwt_secret|local\.json/);
    // The message went into the first box, and the next box is focused for what to paste.
    assert.equal(await page.getByLabel('Paste anything').inputValue(), 'Error occurred in the document service: Invalid token');
    assert.ok(await page.getByLabel('Text 2', { exact: true }).evaluate((e) => e === document.activeElement), 'the next box is focused');
    await page.locator('#diag-kind-1[data-kind="connector-error"]').waitFor();
    await page.locator('#diag-verdict[data-code="diag_symptom"]').waitFor();
    // Pasting what it asks for gives the cause.
    const v = row('journey: Nextcloud');
    await page.getByLabel('Text 2', { exact: true }).fill(v.items[1]);
    await page.locator('#diag-kind-2[data-kind="local-json"]').waitFor();
    await page.getByRole('button', { name: 'Add another text' }).click();
    await page.getByLabel('Text 3', { exact: true }).fill(v.items[2]);
    await page.locator('#diag-verdict[data-code="diag_secret_variant"]').waitFor();
    assert.match(await page.locator('#diag-verdict .verdict-title').textContent(), /Nextcloud cannot connect/);
  }));

  test(`${where}: export: the diagnosis downloaded as Markdown and as text holds no secret byte and no token`, () => withPage(where, async (page) => {
    // The Nextcloud journey, and an nginx block whose $secure_link_secret the export quotes (masked).
    const v = row('journey: Nextcloud');
    const nginx = row('an nginx server block with the secure link secret');
    const typed = 'Typed-Secret-Zq8Wv3Lp0Rt6Yx2Nm5K';
    await diagnose(page, [...v.items, ...nginx.items], { secrets: [typed], code: 'diag_secret_variant' });
    const secrets = [...v.inputSecrets, ...nginx.inputSecrets, typed];
    assert.ok(secrets.length >= 5, 'the secrets the texts hold are listed in the vectors (inputSecrets)');
    const token = /Bearer (\S+)/.exec(v.items[2])[1];
    for (const [name, file] of [['Markdown', 'oojwt-diagnosis.md'], ['text', 'oojwt-diagnosis.txt']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download as ${name}` }).click()]);
      assert.equal(download.suggestedFilename(), file);
      const text = readFileSync(await download.path(), 'utf8');
      assert.match(text, /Nextcloud cannot connect/, text);
      assert.match(text, /‹secret, 16 characters›/, 'the secret the export quotes is masked');
      noSecretIn(text, secrets, token);
      assert.match(await page.locator('#diag-export-note').textContent(), new RegExp(`Saved the diagnosis as ${file.replace('.', '\\.')}: every secret and token in it is masked`));
    }
  }));
}

/** No secret, no 8 bytes in a row of one, and no token (when given) in `text`. */
function noSecretIn(text, secrets, token = null) {
  for (const s of secrets) {
    assert.ok(!text.includes(s), `the secret ${JSON.stringify(s)} is in the export`);
    for (let i = 0; i + 8 <= s.length; i++) assert.ok(!text.includes(s.slice(i, i + 8)), `8 bytes of a secret (${s.slice(i, i + 8)}) are in the export`);
  }
  if (token !== null) assert.ok(!text.includes(token) && !text.includes(token.split('.')[2]), 'the token and its signature are not in the export');
}

test('served: export: Copy as Markdown and Copy as text put the masked diagnosis on the clipboard', () => withPage('served', async (page) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const v = row('an nginx server block with the secure link secret');
  await diagnose(page, v.items);
  for (const [name, heading] of [['Markdown', /^## /m], ['text', /^(?!## )/]]) {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: `Copy as ${name}` }).click();
    await page.locator('#diag-export-note:has-text("Copied the diagnosis")').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(text, /nginx/);
    assert.match(text, heading);
    assert.match(text, /‹secret, 16 characters›/);
    noSecretIn(text, v.inputSecrets);
    assert.match(await page.locator('#diag-export-note').textContent(), new RegExp(`Copied the diagnosis as ${name} \\(${text.length} characters\\)`));
  }
}));

test('served: a reader whose browser asks for Chinese sees each symptom in the product\'s Chinese; with ?lang=en, in its English', async () => {
  for (const [url, want] of [
    [session.server.base, ['symptom-zh', 'zh-CN', '“文档安全令牌的格式不正确\n请与您的文档服务器管理员联系。”']],
    [`${session.server.base}?lang=en`, ['symptom-en', '', 'The document security token is not correctly formed.\nPlease contact your Document Server administrator.']],
  ]) {
    const { page, context, log } = await openPage(session.browser, url, { locale: 'zh-CN' });
    try {
      await page.locator('#diag-text-1').focus();
      const editor = page.locator('#symptoms button.symptom[data-id="editor_token_invalid"]');
      await editor.waitFor();
      const spans = await editor.locator('span').evaluateAll((ss) => ss.map((x) => [x.className, x.lang, x.textContent]));
      assert.deepEqual(spans, [want]);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  }
  // A product with no Chinese text keeps its English, quoted (Document Server's log): lang.test.mjs.
});
