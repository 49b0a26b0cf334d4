// The products' own texts in the catalogs (web/lib/locales/*.json): where an
// en template quotes what the editor, Document Server, a connector or a tool
// shows, the zh-CN template quotes it exactly as that product's Chinese
// translation writes it, character for character, so that a user can match
// it; where the product shows it in English only, the zh-CN template quotes
// the same English and says so (英文). The texts: the symptom table's
// (src/diagnose/symptoms.c through kit.symptoms(), not repeated) and
// tests/vectors/product_texts.json (the others, and the findings' params
// that carry a product's text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { kit, readVector } from '../helpers/common.mjs';

const localesDir = new URL('../../web/lib/locales/', import.meta.url);
const read = (lang) => JSON.parse(readFileSync(new URL(`${lang}.json`, localesDir), 'utf8'));
const en = read('en');
const zh = read('zh-CN');
const vectors = readVector('product_texts.json');
const FIELDS = ['message', 'fix'];

// The texts: the table's first (the table is the one source for those).
const texts = [];
for (const s of kit.symptoms()) {
  if (texts.some((t) => t.en === s.texts.en)) continue;
  texts.push({ en: s.texts.en, zh: s.texts['zh-CN'], product: s.product, source: s.sources['zh-CN'] ?? s.sources.en, listed: false });
}
for (const t of vectors.texts) texts.push({ ...t, listed: true });

// How a catalog may quote a text: whole; its first part (the editor's
// dialogs put <br> between two sentences); that part without its full stop.
function forms(text) {
  const first = text.split('<br>')[0];
  return { whole: text, first, bare: first.replace(/[.。]$/, '') };
}
// The quoted strings of a template ("..." or “...”), its ICU quoting undone
// ('{' is {, '' is ').
function quotes(template) {
  const text = template.replace(/'([{}#])'/g, '$1').replace(/''/g, "'");
  return [...text.matchAll(/"([^"]+)"|“([^”]+)”/g)].map((m) => ({ q: m[1] ?? m[2], at: m.index, end: m.index + m[0].length, text }));
}
const count = (template, q) => quotes(template).filter((x) => x.q === q).length;
// A text shown in English only, quoted at `at`: the zh-CN words next to the
// quote say so.
const saysEnglish = (x) => x.text.slice(Math.max(0, x.at - 16), x.end + 16).includes('英文');

// The product text an en quote is, and in which form: one of forms(); for a
// text with no Chinese (a log line with placeholders, an exception with a
// date after it) also its beginning, up to a word, with or without "...".
function identify(q) {
  for (const t of texts) {
    const f = forms(t.en);
    for (const kind of ['whole', 'first', 'bare']) if (q === f[kind]) return { t, kind };
  }
  const head = q.replace(/ ?\.\.\.$/, '');
  for (const t of texts) {
    if (t.zh === null && head.length >= 12 && t.en.startsWith(head) && /^( |$)/.test(t.en.slice(head.length))) return { t, kind: 'head' };
  }
  return null;
}

// Every quote of a product's text in the en catalog.
const found = [];
for (const [code, e] of Object.entries(en.codes)) {
  for (const field of FIELDS) {
    for (const x of quotes(e[field])) {
      const id = identify(x.q);
      if (id !== null) found.push({ code, field, q: x.q, ...id });
    }
  }
}

test('the list: each text has a product, a source and a key, and an en template quotes it', () => {
  for (const t of vectors.texts) {
    assert.deepEqual(Object.keys(t), ['product', 'en', 'zh', 'source', 'key'], t.en);
    assert.ok(t.zh === null || (typeof t.zh === 'string' && t.zh !== t.en), `${t.en}: zh is the Chinese text, or null`);
    assert.ok(t.product && t.source && t.key, t.en);
    assert.ok(!kit.symptoms().some((s) => s.texts.en === t.en), `${t.en}: the symptom table has it already`);
    assert.ok(found.some((f) => f.t.en === t.en), `${t.en}: no en template quotes it`);
  }
  for (const p of vectors.params) {
    assert.deepEqual(Object.keys(p), ['code', 'param', 'product', 'source'], p.code);
    assert.ok(en.codes[p.code]?.params.includes(p.param), `${p.code} declares ${p.param}`);
  }
  assert.ok(found.length >= 15, `${found.length} quotes of products' texts`);
});

test('a zh-CN template quotes each product text its en template quotes, as the product\'s Chinese writes it', () => {
  const wrong = [];
  const seen = new Set();
  for (const f of found) {
    const key = `${f.code}.${f.field}: ${f.q}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const z = zh.codes[f.code]?.[f.field];
    if (z === undefined) continue; // no zh-CN entry yet: the catalogs test lists those
    const want = f.t.zh === null || f.kind === 'head' ? f.q : forms(f.t.zh)[f.kind];
    const n = count(en.codes[f.code][f.field], f.q);
    if (count(z, want) < n) {
      wrong.push(`${key}: zh-CN should quote “${want}” ${n} time(s)${f.t.zh === null ? ' (English: the product has no Chinese)' : ` (${f.t.source})`}`);
      continue;
    }
    if (f.t.zh === null) {
      for (const x of quotes(z).filter((y) => y.q === want)) {
        if (!saysEnglish(x)) wrong.push(`${key}: zh-CN quotes it without saying the product shows it in English (英文)`);
      }
    } else if (count(z, f.q) > 0) {
      wrong.push(`${key}: zh-CN still quotes the English, but the product's Chinese is “${want}”`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('a param that carries a product\'s text: quoted in zh-CN as in en, said to be English', () => {
  for (const p of vectors.params) {
    for (const field of FIELDS) {
      const q = `{${p.param}}`;
      const n = count(en.codes[p.code][field], q);
      const z = zh.codes[p.code][field];
      const zq = quotes(z).filter((x) => x.q === q);
      assert.equal(zq.length, n, `${p.code}.${field}: zh-CN quotes ${q} as often as en`);
      for (const x of zq) assert.ok(saysEnglish(x), `${p.code}.${field}: zh-CN says ${q} is English (${p.product})`);
    }
    assert.ok(count(en.codes[p.code].message, `{${p.param}}`) + count(en.codes[p.code].fix, `{${p.param}}`) > 0, `${p.code}: en quotes {${p.param}}`);
  }
});
