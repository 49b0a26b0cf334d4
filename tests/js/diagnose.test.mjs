// kit.diagnose: one diagnosis of pasted texts (C: src/diagnose/). The
// vectors of tests/vectors/diagnose.json (also run natively by
// tests/c/test_diagnose.c), the journeys end to end with what the user
// reads (headline, cause, fix, params), the same report as
// `oojwt diagnose --json`, argument checks, the core-only kit, and the
// wasm memory after a call: no secret stays behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kit, readVector, loadWithInstance } from '../helpers/common.mjs';
import { loadToolkit, OojwtError } from '../../web/lib/oojwt.mjs';

const vectors = readVector('diagnose.json');
const NOW = vectors.now;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');

const b64 = (s) => Buffer.from(s).toString('base64url');
function sign(payload, secret) {
  const h = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const p = b64(JSON.stringify(payload));
  return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
}
const row = (name) => vectors.tests.find((t) => t.name.startsWith(name));

for (const v of vectors.tests) {
  test(`diagnose #${v.id}: ${v.name}`, () => {
    const r = kit.diagnose(v.items, { secrets: v.secrets ?? [], now: v.now ?? NOW });
    const w = v.expect;
    assert.deepEqual(r.items.map((i) => i.kind), w.kinds, JSON.stringify(r.items, null, 1));
    if (w.verdict !== undefined) assert.equal(r.verdict.code, w.verdict, r.verdict.headline);
    if (w.severity !== undefined) assert.equal(r.verdict.severity, w.severity);
    if (w.headline !== undefined) assert.ok(r.verdict.headline.includes(w.headline), r.verdict.headline);
    for (const [k, val] of Object.entries(w.params ?? {})) assert.deepEqual(r.verdict.params[k], val, k);
    if (w.items !== undefined) assert.deepEqual(r.verdict.items, w.items);
    for (const c of w.codes ?? []) assert.ok(r.findings.some((f) => f.code === c), c);
    if (w.detail !== undefined) assert.ok(r.items.some((i) => i.detail === w.detail));
    for (const word of w.words ?? []) {
      assert.ok([r.verdict.headline, r.verdict.cause, r.verdict.fix].some((t) => t.includes(word)), `the verdict does not say "${word}"`);
    }
    for (const c of w.commands ?? []) {
      const got = r.commands.find((x) => x.id === c.id);
      assert.ok(got, `no command ${c.id}`);
      for (const part of c.includes) assert.ok(got.text.includes(part), `${c.id} lacks "${part}"`);
    }
    assert.equal(r.findings[0].code, r.verdict.code);
    for (const f of r.findings) {
      assert.ok(['error', 'warning', 'info'].includes(f.severity));
      assert.equal(typeof f.params, 'object');
      assert.ok(f.message.length > 0);
      assert.ok(f.item === null || (f.item >= 0 && f.item < v.items.length));
    }
    // No JS function name reaches the user.
    assert.doesNotMatch(JSON.stringify(r), /explainSecret|inspectConfig|readServerConfig/);
  });
}

test('journey: Nextcloud "Invalid token" from a secret read with a trailing newline names the newline and the fix on the connector side', () => {
  const v = row('journey: Nextcloud');
  const r = kit.diagnose(v.items, { now: NOW });
  assert.equal(r.verdict.code, 'diag_secret_variant');
  assert.match(r.verdict.headline, /^Nextcloud cannot connect: .*line feed added at the end/);
  assert.match(r.verdict.fix, /Nextcloud's ONLYOFFICE app/);
  assert.match(r.verdict.fix, /tr -d/);
  assert.equal(r.verdict.params.variant, 'with-trailing-newline');
  assert.match(r.verdict.params.secret, /secret\.inbox/);
  assert.equal(r.items[0].kind, 'connector-error');
  // The same texts without the newline: the token verifies.
  const fixed = v.items[2].replace(/Bearer \S+/, `Bearer ${sign({ payload: { c: 'version' } }, 'Kq3ZxY7pLm2Vn8Rt5Wb1Hc6Jd4Fg9Ae0')}`);
  const ok = kit.diagnose([v.items[0], v.items[1], fixed], { now: NOW });
  assert.ok(ok.findings.some((f) => f.code === 'diag_token_verifies'));
  assert.notEqual(ok.verdict.code, 'diag_secret_variant');
});

test('journey: a config signed with secret.browser while local.json is loaded says which secret signed it and why DS uses another', () => {
  const v = row('journey: a config signed with secret.browser');
  const r = kit.diagnose(v.items, { now: NOW });
  assert.equal(r.verdict.code, 'diag_signed_with_other_secret');
  assert.match(r.verdict.cause, /signed with secret\.browser; Document Server checks .* with secret\.inbox \(since 7\.2 it does not read secret\.browser at all\)/);
  assert.match(r.verdict.headline, /^The editor will not open \(error -20\)/);
  // Not the generic "signed with another secret": the bad_signature of the
  // config inspection is said better by the matrix.
  assert.ok(!r.findings.some((f) => f.code === 'bad_signature'));
  assert.ok(r.findings.some((f) => f.code === 'browser_secret_ignored' && f.item === 0));
});

test("journey: the article's truncated token is flagged with no secret", () => {
  const v = row("journey: the article's token");
  const r = kit.diagnose(v.items, { now: NOW });
  assert.equal(r.verdict.code, 'diag_signature_truncated');
  assert.deepEqual(r.verdict.params, { signatureBytes: 18, expectedBytes: 32, alg: 'HS256' });
  assert.match(r.verdict.headline, /cut to 18 bytes \(HS256 needs 32\)/);
  // With the secret it was signed with before the cut, still truncated, never "another secret".
  const s = kit.diagnose(v.items, { secrets: ['secret'], now: NOW });
  assert.equal(s.verdict.code, 'diag_signature_truncated');
});

test('journey: a Bearer value and a log line are each taken apart, and the token with a space after the secret is named', () => {
  const v = row('journey: a token with a Bearer prefix');
  const r = kit.diagnose(v.items, { secrets: v.secrets, now: NOW });
  assert.deepEqual(r.items.map((i) => [i.kind, i.token !== null]), [['authorization', true], ['log-line', true]]);
  assert.ok(!r.items[0].token.startsWith('Bearer'));
  assert.equal(r.verdict.code, 'diag_secret_variant');
  assert.equal(r.verdict.items[0], 1);
  assert.match(r.verdict.cause, /with a space added at the end/);
  assert.ok(r.findings.some((f) => f.code === 'diag_token_verifies' && f.item === 0));
});

test('journey: unknown text gets "not recognised" with what it is not, beside what is recognised', () => {
  const r = kit.diagnose(['hello world, nothing here'], { now: NOW });
  assert.equal(r.verdict.code, 'diag_not_recognised');
  assert.equal(r.items[0].kind, 'unknown');
  assert.equal(r.items[0].confidence, 'low');
  assert.match(r.verdict.headline, /^oojwt cannot tell what this is/);
  const link = kit.diagnose(['see https://example.com/page'], { now: NOW });
  assert.equal(link.items[0].guess, 'download-link');
});

test('items may be named, and secrets named; a named secret is what the verdict names', () => {
  const tok = sign({ c: 'version' }, 'abc-def-ghi-jkl');
  const r = kit.diagnose([{ text: tok, name: 'token.txt' }], { secrets: [{ value: 'abc-def-ghi-jkl\n', name: 'my copy' }], now: NOW });
  assert.equal(r.items[0].name, 'token.txt');
  assert.equal(r.verdict.code, 'diag_secret_variant');
  assert.equal(r.verdict.params.secret, 'my copy');
  assert.equal(r.verdict.params.variant, 'without-trailing-newline');
});

test('kit.diagnose equals `oojwt diagnose --json` on the journeys', { skip: !existsSync(NATIVE) && 'build/oojwt not built' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'oojwt-diag-'));
  for (const name of ['journey: Nextcloud', 'journey: a config signed', "journey: the article's", 'unknown text']) {
    const v = row(name);
    const files = v.items.map((text, i) => {
      const p = join(dir, `item${i}.txt`);
      writeFileSync(p, text);
      return `@${p}`;
    });
    const out = spawnSync(NATIVE, ['diagnose', '--json', '--now', String(NOW), ...files], { encoding: 'utf8' });
    const native = JSON.parse(out.stdout);
    const js = kit.diagnose(v.items.map((text, i) => ({ text, name: join(dir, `item${i}.txt`) })), { now: NOW });
    assert.deepEqual(native, js, name);
    assert.equal(out.status, js.verdict.severity === 'info' ? 0 : 1);
  }
});

test('arguments: TypeError for wrong types, OojwtError too_large past 16 texts', () => {
  assert.throws(() => kit.diagnose('text'), TypeError);
  assert.throws(() => kit.diagnose([1]), TypeError);
  assert.throws(() => kit.diagnose([{ text: 'a', name: 3 }]), TypeError);
  assert.throws(() => kit.diagnose(['a'], { secrets: 'x' }), TypeError);
  assert.throws(() => kit.diagnose(['a'], { secrets: [3] }), TypeError);
  assert.throws(() => kit.diagnose(['a'], { now: NaN }), TypeError);
  assert.throws(() => kit.diagnose(Array(17).fill('a')), (e) => e instanceof OojwtError && e.code === 'too_large');
  const r = kit.diagnose([], { now: NOW });
  assert.equal(r.verdict.code, 'diag_no_token');
});

test('a kit loaded with the core only: kit.diagnose says how to get it, then works', async () => {
  const core = await loadToolkit({ onlyoffice: false });
  assert.throws(() => core.diagnose(['x']), (e) => e instanceof OojwtError && e.code === 'not_loaded');
  await core.loadOnlyoffice();
  assert.equal(core.diagnose(['hello world'], { now: NOW }).items[0].kind, 'unknown');
});

test('no secret byte stays in wasm memory after a diagnosis', async () => {
  const { kit: k, x } = await loadWithInstance();
  const secret = 'Zq8Wv3Lp0Rt6Yx2Nm5Kj9Hg4Fd7Sa1Qe';
  const local = JSON.stringify({ services: { CoAuthoring: { secret: { inbox: { string: secret } } } } });
  k.diagnose([local, sign({ c: 'version' }, secret)], { secrets: [secret], now: NOW });
  const mem = Buffer.from(x.memory.buffer);
  assert.equal(mem.indexOf(Buffer.from(secret)), -1);
});

test('more than 16 MiB of text in all is refused before any work (too_large)', () => {
  const half = 'a'.repeat(8 * 2 ** 20);
  assert.throws(() => kit.diagnose([half, `${half}b`], { now: NOW }), (e) => e instanceof OojwtError && e.code === 'too_large');
});
