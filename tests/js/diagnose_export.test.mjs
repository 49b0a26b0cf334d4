// kit.exportDiagnosis: the diagnosis of tests/vectors/diagnose.json's rows
// as Markdown and as text (C: src/diagnose/export.c, also run natively by
// tests/c/test_diagnose.c): no substring of 4 or more characters of a
// secret given or held by an item, tokens masked, Markdown well formed,
// what it says (verdict, items by name and kind, commands), the same
// bytes as `oojwt diagnose --export`, argument checks and the core-only kit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kit, readVector } from '../helpers/common.mjs';
import { loadToolkit, OojwtError } from '../../web/lib/oojwt.mjs';

const vectors = readVector('diagnose.json');
const NOW = vectors.now;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const FORMATS = ['markdown', 'text'];

/** The Markdown the export writes is well formed: its heading first, code
 * fences in pairs, and outside them backticks and ** in pairs on each
 * line, no raw HTML, no control character, only ## and ### headings. */
function wellFormed(md) {
  assert.ok(md.startsWith('## oojwt diagnosis\n'), 'no heading first');
  assert.ok(md.endsWith('\n'));
  let fence = null;
  md.slice(0, -1).split('\n').forEach((line, i) => {
    const lead = /^`{3,}/.exec(line)?.[0];
    if (lead && (fence === null || line === fence)) {
      fence = fence === null ? lead : null;
      return;
    }
    if (fence !== null) return;
    const bare = line.replace(/\\./g, '');
    assert.doesNotMatch(bare, /[<\x00-\x1f\x7f]/, `line ${i + 1}: raw HTML or a control character`);
    assert.equal((bare.match(/`/g) ?? []).length % 2, 0, `line ${i + 1}: unpaired backtick`);
    assert.equal((bare.match(/\*\*/g) ?? []).length % 2, 0, `line ${i + 1}: unpaired **`);
    assert.doesNotMatch(bare.replace(/\*\*/g, ''), /\*/, `line ${i + 1}: a lone *`);
    if (line.startsWith('#')) assert.match(line, /^#{2,3} /, `line ${i + 1}: heading level`);
  });
  assert.equal(fence, null, 'a code fence is not closed');
}

/** Every substring of 4+ characters of a secret that the export holds is
 * also in the export of the same items with every secret replaced by a
 * filler: a word of the export's own ("secret" of my_jwt_secret), not a leak. */
function noSecret(text, plain, secrets, label) {
  for (const s of secrets) {
    for (let a = 0; a + 4 <= s.length; a++) {
      for (let l = 4; a + l <= s.length; l++) {
        const sub = s.slice(a, a + l);
        if (!text.includes(sub)) break;
        assert.ok(plain.includes(sub), `${label}: "${sub}" of a secret is in the export`);
      }
    }
  }
}

const secretsOf = (v) => [...(v.secrets ?? []), ...v.inputSecrets];
// Each secret replaced by a filler of its length, "~k~k..." for the k-th,
// so that secrets that differ stay different.
const filler = (n, k) => Array.from({ length: n }, (_, j) => (j % 2 === 0 ? '~' : String(k % 10))).join('');
const withoutSecrets = (v) => v.items.map((t) => secretsOf(v).reduce((x, s, k) => x.split(s).join(filler(s.length, k)), t));

for (const v of vectors.tests) {
  test(`export #${v.id}: ${v.name}`, () => {
    const opts = { secrets: v.secrets ?? [], now: v.now ?? NOW };
    const r = kit.diagnose(v.items, opts);
    for (const format of FORMATS) {
      const text = kit.exportDiagnosis(v.items, { ...opts, format });
      const plain = kit.exportDiagnosis(withoutSecrets(v), { now: opts.now, format });
      noSecret(text, plain, secretsOf(v), format);
      for (const it of r.items) if (it.token !== null) assert.ok(!text.includes(it.token.slice(-16)), `${format}: a token's signature is in the export`);
      assert.ok(text.includes(r.verdict.code), `${format}: no verdict code`);
      for (const it of r.items) assert.ok(text.includes(it.label), `${format}: no kind ${it.label}`);
      for (const c of r.commands) assert.ok(text.includes(c.text.split('\n')[0].slice(0, 20)), `${format}: no command ${c.id}`);
      if (format === 'markdown') wellFormed(text);
    }
  });
}

test('the export says the verdict, names each input by its name and kind, and masks with lengths', () => {
  const v = vectors.tests.find((t) => t.name.startsWith('journey: Nextcloud "Invalid token"'));
  const items = v.items.map((text, i) => ({ text, name: ['error.txt', 'local.json', 'request.txt'][i] }));
  const md = kit.exportDiagnosis(items, { now: NOW });
  assert.match(md, /^## oojwt diagnosis\n\n\*\*ERROR: Nextcloud cannot connect: /);
  assert.match(md, /\n- Cause: .*\n- Fix: .*tr -d/);
  assert.match(md, /\n1\. `error\.txt`: an error copied from a connector \(high confidence\)\n2\. `local\.json`: Document Server's local\.json/);
  assert.ok(!md.includes('"services"'), 'an input text is quoted');
  const text = kit.exportDiagnosis(items, { now: NOW, format: 'text' });
  assert.match(text, /^oojwt diagnosis\n=+\n\nERROR: Nextcloud cannot connect: /);
  assert.ok(!text.includes('**'));
  // An input with no name is shown by its kind alone.
  assert.match(kit.exportDiagnosis(['hello world'], { now: NOW, format: 'text' }), /\nInputs:\n  1\. text oojwt does not recognise \(low confidence\)\n/);
  // A long name is cut after 120 bytes, never inside a secret.
  const long = kit.exportDiagnosis([{ text: 'hello', name: `${'n'.repeat(110)}Kq3ZxY7pLm2Vn8Rt5Wb1${'m'.repeat(5000)}` }], { secrets: ['Kq3ZxY7pLm2Vn8Rt5Wb1'], now: NOW, format: 'text' });
  assert.ok(long.includes(`  1. ${'n'.repeat(110)}‹secret, 20 characters›...: a `), long);
  assert.ok(long.length < 2000);
  // A secret in a name is masked with its length in characters.
  const named = kit.exportDiagnosis([{ text: 'hello', name: 'key é-Kq3ZxY7pLm2V' }], { secrets: ['é-Kq3ZxY7pLm2V'], now: NOW });
  assert.ok(named.includes('`key ‹secret, 14 characters›`'), named);
});

test('the certificate journey exports its command in a sh code block', () => {
  const v = vectors.tests.find((t) => t.name.startsWith('journey: a certificate made with openssl'));
  const md = kit.exportDiagnosis(v.items, { now: v.now });
  assert.match(md, /\*\*ERROR: Nextcloud will refuse https:\/\/10\.17\.174\.115: the certificate has no IP address for it\*\*/);
  assert.match(md, /### Commands\n\nOn the Document Server host: .*\n\n```sh\nopenssl genrsa .*\n[^`]*-extfile onlyoffice\.ext -out onlyoffice\.crt\n```\n/);
  assert.ok(!md.includes('MII'), 'the key or certificate is quoted');
});

test('kit.exportDiagnosis equals `oojwt diagnose --export` byte for byte', { skip: !existsSync(NATIVE) && 'build/oojwt not built' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'oojwt-export-'));
  for (const v of vectors.tests.filter((t) => t.name.startsWith('journey'))) {
    const names = v.items.map((text, i) => {
      const p = join(dir, `${v.id}-${i}.txt`);
      writeFileSync(p, text);
      return p;
    });
    for (const format of FORMATS) {
      const env = { PATH: process.env.PATH, ...(v.secrets ? { OOJWT_SECRET: v.secrets[0] } : {}) };
      const out = spawnSync(NATIVE, ['diagnose', '--export', format, '--now', String(v.now ?? NOW), ...names.map((p) => `@${p}`)], { encoding: 'utf8', env });
      const js = kit.exportDiagnosis(names.map((name, i) => ({ text: v.items[i], name })),
        { secrets: (v.secrets ?? []).map((value) => ({ value, name: 'the secret of the environment' })), now: v.now ?? NOW, format });
      assert.equal(out.stdout, js, `#${v.id} ${format}`);
      assert.equal(out.status, kit.diagnose(v.items, { secrets: v.secrets ?? [], now: v.now ?? NOW }).verdict.severity === 'info' ? 0 : 1);
    }
  }
});

test('arguments: TypeError for a format that is neither, OojwtError as diagnose; the core-only kit says how to load it', async () => {
  assert.throws(() => kit.exportDiagnosis(['a'], { format: 'html' }), TypeError);
  assert.throws(() => kit.exportDiagnosis(['a'], null), TypeError);
  assert.throws(() => kit.exportDiagnosis('a'), TypeError);
  assert.throws(() => kit.exportDiagnosis(Array(17).fill('a')), (e) => e instanceof OojwtError && e.code === 'too_large');
  assert.equal(typeof kit.exportDiagnosis([]), 'string');
  const core = await loadToolkit({ onlyoffice: false });
  assert.throws(() => core.exportDiagnosis(['a']), (e) => e instanceof OojwtError && e.code === 'not_loaded');
  await core.loadOnlyoffice();
  assert.equal(core.exportDiagnosis(['a'], { now: NOW, format: 'text' }), kit.exportDiagnosis(['a'], { now: NOW, format: 'text' }));
});
