// The page in headless Chromium, twice: served (dist/site/) over HTTP, and the
// single file dist/oojwt.html opened over file://. The same flows run on
// both: inspect, tolerant paste, verify with its reasons, the clock, the
// secret formats, RS/ES keys (PEM, JWK, JWK Set) and their description,
// algorithm confusion, build (HS and ES256 with a private key),
// builder/inspector sync, copy; and on every page:
// no request but the page's own files, no console error, nothing stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, generateKeyPairSync, sign as nodeSign, verify as nodeVerifySig } from 'node:crypto';
import { serveWeb, launch, openPage, openInspector, distUrl, haveDist } from './harness.mjs';
import { token, SECRET, NOW } from '../helpers/common.mjs';

let server;
let browser;
const targets = [];

before(async () => {
  server = await serveWeb();
  browser = await launch();
  targets.push({ name: 'served', url: server.base, own: (u) => u.startsWith(server.base) });
  targets.push({ name: 'file://', url: distUrl, own: (u) => u === distUrl });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const nowS = () => Math.floor(Date.now() / 1000);
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** Independent check (node:crypto) of a token the page signed. */
function nodeVerify(t, secret) {
  const [h, p, s] = t.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  const mac = createHmac(HASH[header.alg], secret).update(`${h}.${p}`).digest('base64url');
  return { ok: mac === s, header, payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) };
}

// Asymmetric keys for the RS/PS/ES flows, fresh for each run.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ecOther = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pem = (k, type) => k.export({ type, format: 'pem' });
const jwkOf = (k) => k.export({ format: 'jwk' });

/** RFC 7638 thumbprint, computed here (independent of the page). */
function thumbprint(jwk) {
  const members = jwk.kty === 'RSA' ? { e: jwk.e, kty: 'RSA', n: jwk.n } : { crv: jwk.crv, kty: 'EC', x: jwk.x, y: jwk.y };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

/** A token signed by node:crypto: RS256 (PKCS#1 v1.5) or ES256 (raw r||s). */
function asymToken(payload, alg, privateKey, extra = {}) {
  const seg = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${seg({ alg, typ: 'JWT', ...extra })}.${seg(payload)}`;
  const sig = nodeSign('sha256', Buffer.from(input), alg === 'ES256' ? { key: privateKey, dsaEncoding: 'ieee-p1363' } : privateKey);
  return `${input}.${sig.toString('base64url')}`;
}

/** Open the page, run `fn`, then check requests, console and storage. */
async function withPage(target, fn, options) {
  assert.ok(target.name !== 'file://' || haveDist(), 'dist/oojwt.html is missing: run `make dist`');
  const { page, context, log } = await openPage(browser, target.url, options);
  try {
    await openInspector(page);
    const ui = {
      token: page.getByLabel('Token'),
      secret: page.getByLabel('Secret', { exact: true }),
      status: page.getByRole('status'),
    };
    await fn(page, ui, log);
    const leaked = await page.evaluate(() => ({
      local: localStorage.length, session: sessionStorage.length, cookie: document.cookie, href: location.href,
    }));
    assert.deepEqual({ local: leaked.local, session: leaked.session, cookie: leaked.cookie }, { local: 0, session: 0, cookie: '' });
    assert.ok(!leaked.href.includes(SECRET), 'the secret never goes into the URL');
    assert.deepEqual(log.errors, [], 'no console errors');
    const foreign = log.requests.filter((u) => !target.own(u));
    assert.deepEqual(foreign, [], 'only the page\'s own files are requested');
  } finally {
    await context.close();
  }
}

for (const target of [{ name: 'served' }, { name: 'file://' }]) {
  const T = () => targets.find((t) => t.name === target.name);

  test(`${target.name}: empty, then decoded without a secret, valid with it, invalid with another`, () => withPage(T(), async (page, ui) => {
    await verdictIs(ui, 'empty', '');
    const t = token({ document: { key: 'k1', url: 'https://example.com/a.docx' }, editorConfig: { mode: 'edit' } });
    await ui.token.fill(t);
    await verdictIs(ui, 'unverified', '');
    assert.match(await ui.status.textContent(), /enter the secret/);
    assert.match(await page.locator('#payload').textContent(), /"key": "k1"/);
    assert.match(await page.locator('#header').textContent(), /"alg": "HS256"/);
    // three coloured segments, exactly the token's text
    const segs = page.locator('#segments');
    assert.equal(await segs.textContent(), t);
    const [h, p, s] = t.split('.');
    assert.equal(await segs.locator('.seg-h').textContent(), h);
    assert.equal(await segs.locator('.seg-p').textContent(), p);
    assert.equal(await segs.locator('.seg-s').textContent(), s);
    await ui.secret.fill(SECRET);
    await verdictIs(ui, 'valid', '');
    assert.match(await ui.status.textContent(), /Valid: the HS256 signature matches/);
    await ui.secret.fill(`${SECRET}x`);
    await verdictIs(ui, 'invalid', 'bad_signature');
    const text = await ui.status.textContent();
    assert.match(text, /bad_signature/);
    assert.match(text, /signed with another secret/); // the C finding
    assert.match(text, /Check that the secret is exactly Document Server’s/); // what to do
    await ui.token.fill('');
    await verdictIs(ui, 'empty', '');
  }));

  test(`${target.name}: tolerant paste: header line, Bearer, log line, quotes; says what it removed`, () => withPage(T(), async (page, ui) => {
    const t = token({ document: { key: 'k2' } });
    await ui.secret.fill(SECRET);
    const note = page.locator('#extract-note');
    await ui.token.fill(`Authorization: Bearer ${t}\n`);
    await verdictIs(ui, 'valid', '');
    await note.waitFor();
    const said = await note.textContent();
    assert.match(said, /header name “Authorization:”/);
    assert.match(said, /“Bearer” prefix/);
    assert.match(said, /Document Server would reject/);
    await page.getByRole('button', { name: 'Keep only the token' }).click();
    assert.equal(await ui.token.inputValue(), t);
    await note.waitFor({ state: 'hidden' });
    await ui.token.fill(`[2026-11-22 10:00:00] [ERROR] checkJwt error: name = JsonWebTokenError token = ${t} (user 42)`);
    await verdictIs(ui, 'valid', '');
    assert.match(await note.textContent(), /other text around it/);
    await ui.token.fill(` "${t}" `);
    await verdictIs(ui, 'valid', '');
    assert.match(await note.textContent(), /quotes \("\)/);
    assert.equal(await page.locator('#segments').textContent(), t);
  }));

  test(`${target.name}: an expired token is still decoded; tolerance 60 s vs 0 s; times in UTC, local, relative`, () => withPage(T(), async (page, ui) => {
    const iat = nowS() - 3600;
    const exp = nowS() - 20;
    await ui.secret.fill(SECRET);
    await ui.token.fill(token({ document: { key: 'k3' }, iat, exp }));
    await verdictIs(ui, 'valid', ''); // within Document Server's 60 s
    await page.getByLabel('Clock tolerance').selectOption('0');
    await verdictIs(ui, 'invalid', 'expired');
    assert.match(await ui.status.textContent(), /expired \d+ s ago/);
    assert.match(await ui.status.textContent(), /The document security token has expired/);
    const times = page.locator('#times');
    const utc = new Date(exp * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
    assert.match(await times.textContent(), new RegExp(utc));
    assert.match(await times.textContent(), /expired \d+ seconds ago/);
    assert.match(await times.textContent(), /issued 60 minutes ago/);
    const local = await page.evaluate((s) => new Date(s * 1000).toLocaleString(undefined, {
      year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short',
    }), exp);
    assert.ok((await times.textContent()).includes(local), `local time ${local}`);
    assert.match(local, /GMT\+5:30/, 'the browser runs in another time zone than UTC');
    // Long expired: still decoded, with the payload shown.
    await ui.token.fill(token({ document: { key: 'old' }, iat: NOW, exp: NOW + 300 }));
    await verdictIs(ui, 'invalid', 'expired');
    assert.match(await page.locator('#payload').textContent(), /"key": "old"/);
    assert.match(await times.textContent(), /expired \d+ years ago/);
    assert.match(await times.textContent(), /Lifetime \(exp − iat\): 5 minutes/);
  }, { timezoneId: 'Asia/Kolkata' }));

  test(`${target.name}: the clock: verify as of a chosen time`, () => withPage(T(), async (page, ui) => {
    await ui.secret.fill(SECRET);
    await ui.token.fill(token({ nbf: NOW, exp: NOW + 3600 }));
    await verdictIs(ui, 'invalid', 'expired');
    const at = (s) => page.evaluate((sec) => {
      const d = new Date(sec * 1000);
      const p = (n) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
    }, s);
    await page.getByLabel('Chosen time (local)').fill(await at(NOW + 600));
    assert.equal(await page.getByLabel('a chosen time').isChecked(), true);
    await verdictIs(ui, 'valid', '');
    assert.match(await ui.status.textContent(), /as of 2023-11-14 22:23:20 UTC/);
    await page.getByLabel('Chosen time (local)').fill(await at(NOW - 600));
    await page.getByLabel('Clock tolerance').selectOption('0');
    await verdictIs(ui, 'invalid', 'not_yet_valid');
    assert.match(await ui.status.textContent(), /not valid for another 10 min \(nbf/);
    await page.getByLabel('now').check();
    await verdictIs(ui, 'invalid', 'expired');
  }, { timezoneId: 'America/New_York' }));

  test(`${target.name}: why a token fails: truncated signature, bad character, extra segment, wrong alg`, () => withPage(T(), async (page, ui) => {
    await ui.secret.fill(SECRET);
    const t = token({ document: { key: 'k4' } });
    await ui.token.fill(t.slice(0, -11));
    await verdictIs(ui, 'invalid', 'bad_signature');
    assert.match(await ui.status.textContent(), /the HS256 signature is 24 bytes, not 32: cut when copied/i);
    assert.match(await ui.status.textContent(), /cut off when it was copied/);
    const dot = t.indexOf('.');
    await ui.token.fill(`${t.slice(0, dot + 5)}*${t.slice(dot + 6)}`);
    await verdictIs(ui, 'invalid');
    assert.match(await ui.status.getAttribute('data-codes'), /^bad_base64/);
    assert.match(await ui.status.textContent(), /payload segment, character 5/i);
    const mark = page.locator('#segments mark.bad');
    assert.equal(await mark.textContent(), '*');
    await ui.token.fill(`${t}.x`);
    await verdictIs(ui, 'invalid', 'malformed');
    assert.match(await ui.status.textContent(), /this text has 4 segments/);
    await ui.token.fill(token({ a: 1 }, { header: { alg: 'RS256', typ: 'JWT' } }));
    await verdictIs(ui, 'invalid', 'alg_not_allowed');
    assert.match(await ui.status.textContent(), /only HS256, HS384 and HS512/);
    // A secret in the Token box: malformed, with the hint.
    await ui.token.fill(SECRET);
    await verdictIs(ui, 'invalid', 'malformed');
    assert.match(await ui.status.textContent(), /If this is your secret, it belongs in the Secret box/);
    // Without a secret: unverified, with the errors no secret can fix.
    await ui.secret.fill('');
    await ui.token.fill(token({ exp: NOW }));
    await verdictIs(ui, 'unverified', 'expired');
    assert.match(await ui.status.textContent(), /^✗ It fails whatever the secret: The token expired \d+ days(?: \d+ h)? ago \(exp 1700000000,/);
    await ui.secret.fill(SECRET);
    await verdictIs(ui, 'invalid', 'expired');
    assert.doesNotMatch(await ui.status.textContent(), /no secret/);
    await ui.secret.fill('');
    await ui.token.fill(`${t}.x`);
    await verdictIs(ui, 'unverified', 'malformed');
  }));

  test(`${target.name}: secret formats: UTF-8 text by default; base64, base64url, hex on request`, () => withPage(T(), async (page, ui) => {
    const raw = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0xfb, 0xff, ...Buffer.from('x'.repeat(26))]);
    const t = token({ document: { key: 'k5' } }, { secret: raw });
    const format = page.getByLabel('Encoding');
    await ui.token.fill(t);
    await ui.secret.fill(raw.toString('base64'));
    await verdictIs(ui, 'invalid', 'bad_signature');
    await format.selectOption('base64');
    await verdictIs(ui, 'valid', '');
    await format.selectOption('base64url');
    await verdictIs(ui, 'invalid', 'bad_key');
    assert.match(await ui.status.textContent(), /not valid base64url: character \d+ is “\+” \(that is standard base64/);
    await ui.secret.fill(raw.toString('base64url'));
    await verdictIs(ui, 'valid', '');
    await format.selectOption('hex');
    await ui.secret.fill(raw.toString('hex'));
    await verdictIs(ui, 'valid', '');
    await ui.secret.fill(`${raw.toString('hex')}0`);
    await verdictIs(ui, 'invalid', 'bad_key');
    assert.match(await ui.status.textContent(), /odd number/);
  }));

  test(`${target.name}: build: the editor config template, signed; HS512; expiry presets; config with token`, () => withPage(T(), async (page, ui) => {
    const edit = page.getByLabel('Payload (JSON)');
    assert.match(await edit.inputValue(), /"documentType": "word"/);
    assert.match(await page.locator('#build-status').textContent(), /Enter the secret/);
    const before = nowS();
    await ui.secret.fill(SECRET);
    await verdictIs(ui, 'valid', '');
    const built = await page.getByLabel('Signed JWT').inputValue();
    assert.equal(await ui.token.inputValue(), built, 'the builder\'s token goes into the Token box');
    let v = nodeVerify(built, SECRET);
    assert.ok(v.ok, 'node:crypto verifies the signature');
    assert.equal(v.header.alg, 'HS256');
    assert.equal(v.payload.document.key, 'Khirz6zTPdfd7');
    assert.equal(v.payload.documentType, 'word');
    assert.equal(v.payload.editorConfig.mode, 'edit');
    assert.ok(v.payload.iat >= before - 1 && v.payload.iat <= nowS() + 1);
    assert.equal(v.payload.exp - v.payload.iat, 3600);
    const config = JSON.parse(await page.getByLabel('Editor config').inputValue());
    assert.equal(config.token, built);
    assert.equal(config.document.url, 'https://example.com/url-to-example-document.docx');
    assert.equal(config.iat, undefined);
    await page.getByLabel('Algorithm').selectOption('HS512');
    await page.getByLabel('Expires').selectOption('604800');
    v = nodeVerify(await ui.token.inputValue(), SECRET);
    assert.ok(v.ok);
    assert.equal(v.header.alg, 'HS512');
    assert.equal(v.payload.exp - v.payload.iat, 604800);
    await page.getByLabel('Expires').selectOption('');
    await page.getByLabel('add iat').uncheck();
    v = nodeVerify(await ui.token.inputValue(), SECRET);
    assert.equal(v.payload.exp, undefined);
    assert.equal(v.payload.iat, undefined);
    await verdictIs(ui, 'valid', '');
    // Edit the payload: live re-signing; a JSON error is reported, not signed.
    await edit.fill(JSON.stringify({ document: { key: 'edited', url: 'https://x/y.docx' } }));
    assert.equal(nodeVerify(await ui.token.inputValue(), SECRET).payload.document.key, 'edited');
    await edit.fill('{"document": ');
    assert.match(await page.locator('#build-status').textContent(), /not valid JSON/);
    assert.equal(await edit.getAttribute('aria-invalid'), 'true');
    assert.equal(await ui.token.inputValue(), '', 'the last good token is not left as if it were this payload\'s');
    assert.equal(await page.getByLabel('Signed JWT').inputValue(), '');
    await page.getByRole('button', { name: 'Start again from the template' }).click();
    assert.equal(nodeVerify(await ui.token.inputValue(), SECRET).payload.document.key, 'Khirz6zTPdfd7');
  }));

  test(`${target.name}: sync: a pasted token fills the builder and is not re-signed by the secret`, () => withPage(T(), async (page, ui) => {
    const t = token({ document: { key: 'pasted' }, iat: nowS(), exp: nowS() + 86400 }, { header: { alg: 'HS384', typ: 'JWT' } });
    await ui.token.fill(t);
    await verdictIs(ui, 'unverified', '');
    const edit = page.getByLabel('Payload (JSON)');
    assert.deepEqual(JSON.parse(await edit.inputValue()), { document: { key: 'pasted' } });
    assert.equal(await page.getByLabel('Algorithm').inputValue(), 'HS384');
    assert.equal(await page.getByLabel('Expires').inputValue(), '86400');
    assert.equal(await page.getByLabel('add iat').isChecked(), true);
    assert.equal(await page.getByLabel('Signed JWT').inputValue(), t);
    await ui.secret.fill('another secret that is long enough!!');
    await verdictIs(ui, 'invalid', 'bad_signature');
    assert.equal(await ui.token.inputValue(), t, 'typing a secret never replaces a pasted token');
    // Editing the builder signs a new token, with the loaded settings.
    await edit.fill(JSON.stringify({ document: { key: 'pasted2' } }));
    await verdictIs(ui, 'valid', '');
    const v = nodeVerify(await ui.token.inputValue(), 'another secret that is long enough!!');
    assert.ok(v.ok);
    assert.equal(v.header.alg, 'HS384');
    assert.equal(v.payload.exp - v.payload.iat, 86400);
  }));

  test(`${target.name}: RS256 and ES256 verified with a pasted PEM public key and a JWK; the key is described`, () => withPage(T(), async (page, ui) => {
    const info = page.locator('#key-info');
    assert.equal(await info.isHidden(), true);
    // RS256, PEM SubjectPublicKeyInfo.
    const rs = asymToken({ document: { key: 'rs' } }, 'RS256', rsa.privateKey);
    await ui.token.fill(rs);
    await verdictIs(ui, 'unverified', '');
    await ui.secret.fill(pem(rsa.publicKey, 'spki'));
    await verdictIs(ui, 'valid', '');
    assert.match(await ui.status.textContent(), /RS256 signature matches this key/);
    let text = await info.textContent();
    assert.match(text, /Recognised: RSA public key, 2048 bits, SubjectPublicKeyInfo \(PEM\)/);
    assert.ok(text.includes(`thumbprint (RFC 7638) ${thumbprint(jwkOf(rsa.publicKey))}`), text);
    assert.equal(await info.isVisible(), true);
    // RS256, PKCS#1 PEM, then a JWK object with a kid.
    await ui.secret.fill(pem(rsa.publicKey, 'pkcs1'));
    await verdictIs(ui, 'valid', '');
    assert.match(await info.textContent(), /RSA public key, 2048 bits, PKCS#1 \(PEM\)/);
    await ui.secret.fill(JSON.stringify({ ...jwkOf(rsa.publicKey), kid: 'rsa-1' }));
    await verdictIs(ui, 'valid', '');
    assert.match(await info.textContent(), /RSA public key, 2048 bits, JWK; kid “rsa-1”/);
    // ES256, PEM, JWK and JWK Set (chosen by the token's kid); another key fails.
    const es = asymToken({ document: { key: 'es' } }, 'ES256', ec.privateKey, { kid: 'ec-1' });
    await ui.token.fill(es);
    await verdictIs(ui, 'invalid', 'key_mismatch'); // the RSA JWK meets an ES256 token
    await ui.secret.fill(pem(ec.publicKey, 'spki'));
    await verdictIs(ui, 'valid', '');
    text = await info.textContent();
    assert.match(text, /Recognised: EC public key, curve P-256, SubjectPublicKeyInfo \(PEM\)/);
    assert.ok(text.includes(thumbprint(jwkOf(ec.publicKey))), text);
    await ui.secret.fill(JSON.stringify(jwkOf(ec.publicKey)));
    await verdictIs(ui, 'valid', '');
    assert.match(await info.textContent(), /EC public key, curve P-256, JWK;/);
    await ui.secret.fill(JSON.stringify({ keys: [{ ...jwkOf(ecOther.publicKey), kid: 'ec-2' }, { ...jwkOf(ec.publicKey), kid: 'ec-1' }] }));
    await verdictIs(ui, 'valid', '');
    assert.match(await info.textContent(), /JWK Set/);
    await ui.secret.fill(pem(ecOther.publicKey, 'spki'));
    await verdictIs(ui, 'invalid', 'bad_signature');
    // Not a key at all, for an ES256 token.
    await ui.secret.fill('-----BEGIN PUBLIC KEY-----AAAA-----END PUBLIC KEY-----');
    await verdictIs(ui, 'invalid');
    assert.match(await info.textContent(), /^Not recognised as a key: /);
    // Algorithm confusion: an HS256 token never takes a public key as its secret.
    await ui.token.fill(token({ document: { key: 'hs' } }));
    await ui.secret.fill(pem(rsa.publicKey, 'spki'));
    await verdictIs(ui, 'invalid', 'key_mismatch');
    assert.match(await ui.status.textContent(), /algorithm confusion/);
    await ui.secret.fill(JSON.stringify(jwkOf(ec.publicKey)));
    await verdictIs(ui, 'invalid', 'key_mismatch');
    // A plain secret again: valid, and nothing to describe.
    await ui.secret.fill(SECRET);
    await verdictIs(ui, 'valid', '');
    assert.equal(await info.isHidden(), true);
  }));

  test(`${target.name}: build: ES256 signed with a pasted private key; a public key is refused`, () => withPage(T(), async (page, ui) => {
    const status = page.locator('#build-status');
    await page.getByLabel('Algorithm').selectOption('ES256');
    assert.match(await status.textContent(), /Paste a private key above \(PEM or JWK\) to sign the token with ES256/);
    await ui.secret.fill(pem(ec.publicKey, 'spki'));
    await status.filter({ hasText: 'Cannot sign with ES256' }).waitFor();
    assert.match(await status.textContent(), /key_mismatch: .*public key/);
    assert.equal(await page.getByLabel('Signed JWT').inputValue(), '');
    await ui.secret.fill(SECRET);
    await status.filter({ hasText: /Cannot sign with ES256: key_mismatch/ }).waitFor();
    await ui.secret.fill(pem(ec.privateKey, 'pkcs8'));
    await status.filter({ hasText: 'Signed with ES256' }).waitFor();
    assert.match(await page.locator('#key-info').textContent(), /Recognised: EC private key, curve P-256, PKCS#8 \(PEM\)/);
    await verdictIs(ui, 'valid', '');
    const built = await page.getByLabel('Signed JWT').inputValue();
    assert.equal(await ui.token.inputValue(), built);
    const [h, p, sig] = built.split('.');
    assert.deepEqual(JSON.parse(Buffer.from(h, 'base64url')), { alg: 'ES256', typ: 'JWT' });
    assert.equal(JSON.parse(Buffer.from(p, 'base64url')).document.key, 'Khirz6zTPdfd7');
    const ok = nodeVerifySig('sha256', Buffer.from(`${h}.${p}`), { key: ec.publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'));
    assert.ok(ok, 'node:crypto verifies the ES256 signature');
    // The same with a private JWK (SEC1 PEM too).
    await ui.secret.fill(pem(ec.privateKey, 'sec1'));
    await verdictIs(ui, 'valid', '');
    assert.match(await page.locator('#key-info').textContent(), /EC private key, curve P-256, SEC1/);
    await page.getByLabel('Algorithm').selectOption('HS256');
    await status.filter({ hasText: 'Cannot sign with HS256: key_mismatch' }).waitFor();
  }));

  test(`${target.name}: copy buttons put the token and the config on the clipboard`, () => withPage(T(), async (page, ui) => {
    await ui.secret.fill(SECRET);
    await verdictIs(ui, 'valid', '');
    await page.getByRole('button', { name: 'Copy token' }).click();
    await page.locator('#copy-note', { hasText: 'Copied the token' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await ui.token.inputValue());
    await page.getByRole('button', { name: 'Copy config' }).click();
    await page.locator('#copy-note', { hasText: 'Copied the config' }).waitFor();
    const config = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(config.token, await ui.token.inputValue());
    // Pasting (Ctrl+V) into the Token box replaces the builder's token.
    const other = token({ document: { key: 'from-clipboard' } });
    await page.evaluate((t) => navigator.clipboard.writeText(`Bearer ${t}`), other);
    await ui.token.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+V');
    await verdictIs(ui, 'valid', '');
    assert.equal(await ui.token.inputValue(), `Bearer ${other}`);
    assert.match(await page.locator('#payload').textContent(), /from-clipboard/);
  }, { permissions: ['clipboard-read', 'clipboard-write'] }));

  test(`${target.name}: the Content Security Policy forbids connections`, async () => {
    const { page, context, log } = await openPage(browser, T().url);
    try {
      const blocked = await page.evaluate(async () => {
        const tries = ['https://example.com/x', `${location.origin === 'null' ? '' : location.origin}/elsewhere`];
        const out = [];
        for (const u of tries) {
          try {
            await fetch(u);
            out.push(`fetched ${u}`);
          } catch {
            out.push('blocked');
          }
        }
        return out;
      });
      assert.equal(blocked[0], 'blocked', 'another origin is blocked');
      if (target.name === 'file://') assert.equal(blocked[1], 'blocked', 'the single file connects nowhere');
      assert.ok(log.errors.some((e) => /Content Security Policy/.test(e)), 'the browser reports the violation');
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:/);
      if (target.name === 'file://') assert.doesNotMatch(csp, /connect-src/);
      assert.ok(log.requests.every((u) => T().own(u) || u.startsWith('https://example.com/') || u.endsWith('/elsewhere')));
    } finally {
      await context.close();
    }
  });
}

// ---- helpers ------------------------------------------------------------------

/** Wait until the verdict region says `want`; then compare its codes. */
async function verdictIs(ui, want, codes) {
  const deadline = Date.now() + 5000;
  let got;
  for (;;) {
    got = await ui.status.getAttribute('data-verdict');
    if (got === want) break;
    if (Date.now() > deadline) assert.fail(`verdict: want ${want}, got ${got}: ${await ui.status.textContent()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  if (codes !== undefined) assert.equal(await ui.status.getAttribute('data-codes'), codes, await ui.status.textContent());
}
