// kit.symptoms (C: src/diagnose/symptoms.c) against
// tests/vectors/symptoms.json, also run natively by tests/c/test_symptoms.c:
// the ids in order and the products' texts exactly as the upstream locale
// and l10n files write them; the shape the page's symptom list reads
// ({ id, product, texts, sources, means, paste }); every text cited and
// every symptom with something to paste; each text, as a user copies it,
// recognised by kit.diagnose in English and Chinese; pasted texts with
// noise; the same list as `oojwt symptoms --json`; the core-only kit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kit, readVector } from '../helpers/common.mjs';
import { loadToolkit, OojwtError } from '../../web/lib/oojwt.mjs';

const vectors = readVector('symptoms.json');
const LANGS = ['en', 'zh-CN'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const list = kit.symptoms();
const byId = new Map(list.map((s) => [s.id, s]));

test('kit.symptoms: the vectors\' list, in order, with the products\' exact texts', () => {
  assert.deepEqual(list.map((s) => s.id), vectors.symptoms.map((s) => s.id));
  for (const [i, v] of vectors.symptoms.entries()) {
    assert.equal(list[i].product, v.product, v.id);
    assert.deepEqual(list[i].texts, v.texts, v.id);
  }
});

test('kit.symptoms: the shape the symptom list reads, ids unique, every text cited, something to paste', () => {
  assert.equal(new Set(list.map((s) => s.id)).size, list.length, 'ids unique');
  for (const s of list) {
    assert.deepEqual(Object.keys(s), ['id', 'product', 'texts', 'sources', 'means', 'paste'], s.id);
    assert.match(s.id, /^[a-z0-9]+(_[a-z0-9]+)*$/, 'snake_case');
    assert.deepEqual(Object.keys(s.texts), LANGS, s.id);
    assert.deepEqual(Object.keys(s.sources), LANGS, s.id);
    assert.equal(typeof s.texts.en, 'string');
    for (const lang of LANGS) {
      assert.equal(s.sources[lang] === null, s.texts[lang] === null, `${s.id}: ${lang} text and source`);
      if (s.sources[lang] !== null) assert.match(s.sources[lang], /^ONLYOFFICE\/[\w.-]+ \S+/, `${s.id}: ${lang} source names a repository and a file`);
    }
    assert.ok(s.means.length > 20, `${s.id}: what it means`);
    assert.ok(s.paste.length >= 1, `${s.id}: something to paste`);
    for (const p of s.paste) {
      assert.deepEqual(Object.keys(p), ['what', 'where'], s.id);
      assert.ok(p.what && p.where, `${s.id}: what and where`);
    }
  }
  // A fresh array each call: the page may change its copy.
  const a = kit.symptoms();
  a[0].id = 'changed';
  assert.equal(kit.symptoms()[0].id, list[0].id);
});

for (const v of vectors.symptoms) {
  for (const lang of LANGS) {
    const text = v.seen[lang];
    if (text === null) continue;
    test(`kit.diagnose recognises ${v.id} in ${lang}`, () => {
      const r = kit.diagnose([text], { now: 1765000000 });
      const got = byId.get(r.items[0].symptom);
      assert.ok(got, `no symptom: ${JSON.stringify(r.items[0])}`);
      // Nextcloud's and ownCloud's texts are the same words: either id.
      assert.ok(got.id === v.id || got.texts[lang] === v.texts[lang], `${got.id}, want ${v.id}`);
      if (r.items[0].kind !== 'ds-log') {
        assert.equal(r.verdict.code, 'diag_symptom');
        assert.equal(r.verdict.params.symptom, got.id);
        assert.match(r.verdict.fix, /^Paste next: /);
      }
    });
  }
}

for (const v of vectors.recognise) {
  test(`kit.diagnose: ${v.name}`, () => {
    const r = kit.diagnose([v.text], { now: 1765000000 });
    assert.equal(r.items[0].symptom, v.symptom, JSON.stringify(r.items[0]));
    assert.equal(r.items[0].kind, v.kind);
  });
}

test('oojwt symptoms --json prints what kit.symptoms() returns', { skip: !existsSync(NATIVE) && `${NATIVE} is missing` }, () => {
  const out = spawnSync(NATIVE, ['symptoms', '--json'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), list);
});

test('kit.symptoms in a core-only kit: not_loaded until the full module is', async () => {
  const core = await loadToolkit({ onlyoffice: false });
  assert.throws(() => core.symptoms(), (e) => e instanceof OojwtError && e.code === 'not_loaded');
  await core.loadOnlyoffice();
  assert.deepEqual(core.symptoms(), list);
});
