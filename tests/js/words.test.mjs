// web/lib/words.mjs: which language a page or element speaks, and its UI
// words and findings in that language.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { templateParams } from '../../web/lib/i18n.mjs';
import { pickLang, supported, loadWords, ENGLISH, LANGS } from '../../web/lib/words.mjs';

const ui = JSON.parse(readFileSync(new URL('../../web/lib/locales/ui/zh-CN.json', import.meta.url), 'utf8'));

test('pickLang: the first wanted tag oojwt speaks; Chinese of any script or region reads the one Chinese catalog', () => {
  assert.equal(pickLang(['zh-CN', 'en']), 'zh-CN');
  for (const tag of ['zh', 'zh-Hans', 'zh-Hans-CN', 'zh_CN', 'ZH-sg', 'zh-TW', 'zh-HK']) assert.equal(pickLang([tag]), 'zh-CN', tag);
  assert.equal(pickLang(['fr-FR', 'de', 'en-GB', 'zh-CN']), 'en');
  assert.equal(pickLang(['fr-FR', 'zh']), 'zh-CN');
  assert.equal(pickLang(['fr']), 'en');
  assert.equal(pickLang([]), 'en');
  assert.equal(pickLang(undefined), 'en');
  assert.equal(supported(''), null);
  assert.equal(supported('ru'), null);
});

test('LANGS names each language in its own words, and each non-English one has a UI catalog', () => {
  assert.deepEqual(LANGS.map((l) => l.tag), ['en', 'zh-CN']);
  assert.equal(ui.lang, 'zh-CN');
  assert.equal(ui.name, LANGS[1].name);
});

test('English: the key is the text, params filled, no catalog', async () => {
  const en = await loadWords('en');
  assert.equal(en.lang, 'en');
  assert.equal(en.t('Paste anything'), 'Paste anything');
  assert.equal(en.t('Text {n}', { n: 3 }), 'Text 3');
  assert.equal(en.message({ code: 'malformed', params: {}, message: 'the English' }), 'the English');
  assert.equal(ENGLISH.missing.size, 0);
});

test('Chinese: UI texts from web/lib/locales/ui/zh-CN.json, findings from zh-CN.json, a missing text stays English and is remembered', async () => {
  const zh = await loadWords('zh-CN');
  assert.equal(zh.lang, 'zh-CN');
  assert.equal(zh.t('Paste anything'), ui.ui['Paste anything']);
  assert.equal(zh.t('Text {n}', { n: 3 }), '文本 3');
  assert.equal(zh.missing.size, 0);
  const debug = console.debug;
  console.debug = () => {};
  try {
    assert.equal(zh.t('No such text {n}', { n: 2 }), 'No such text 2');
  } finally {
    console.debug = debug;
  }
  assert.deepEqual([...zh.missing], ['No such text {n}']);
  const report = { code: 'alg_none', params: { alg: 'none' }, message: 'English', fix: 'English fix' };
  assert.match(zh.message(report), /未签名/);
  // A code the catalog has no entry for, or params its template cannot take: the report's English.
  assert.equal(zh.message({ code: 'no_such_code', params: {}, message: 'as reported' }), 'as reported');
  assert.equal(await loadWords('zh'), zh, 'one load per language');
});

test('every UI catalog value uses only the params and {n} slots its English key has', async () => {
  // A static markup key has slots {0}, {1}, … (words.tree); any other is a template of web/lib/i18n.mjs.
  const slots = (s) => (/\{\d+\}/.test(s) ? [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]) : templateParams(s)).sort();
  for (const [en, zh] of Object.entries(ui.ui)) {
    assert.equal(typeof zh, 'string', en);
    assert.notEqual(zh.trim(), '', `an empty translation for ${JSON.stringify(en)}`);
    assert.deepEqual([...new Set(slots(zh))], [...new Set(slots(en))], `${JSON.stringify(en)} → ${JSON.stringify(zh)}`);
  }
});
