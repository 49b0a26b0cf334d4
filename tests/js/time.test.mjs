// web/lib/time.mjs in words: English as it always was (without words, or
// with English ones), and Chinese with the zh-CN catalogs
// (web/lib/locales/ui/zh-CN.json): durations, claims relative to now,
// spans and local dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duration, relative, span, readableSeconds, local } from '../../web/lib/time.mjs';
import { loadWords, ENGLISH } from '../../web/lib/words.mjs';

const NOW = 1765000000;

test('English: durations, claims and spans, with or without English words', () => {
  for (const w of [undefined, ENGLISH]) {
    assert.equal(duration(1, w), '1 second');
    assert.equal(duration(3 * 86400, w), '3 days');
    assert.equal(relative('exp', NOW + 3 * 86400, NOW, w), 'expires in 3 days');
    assert.equal(relative('exp', NOW - 180, NOW, w), 'expired 3 minutes ago');
    assert.equal(relative('nbf', NOW + 60, NOW, w), 'becomes valid in 60 seconds');
    assert.equal(relative('iat', NOW, NOW, w), 'issued now');
    assert.equal(span(4168, w), '1 h 9 min');
    assert.equal(span(2 * 86400 + 3 * 3600, w), '2 days 3 h');
    assert.equal(span(86400, w), '1 day');
    assert.equal(readableSeconds('a skew of 4168 s', w), 'a skew of 1 h 9 min');
  }
});

test('Chinese: 3 天后过期, 3 分钟前, 1 小时 9 分, a local date in Chinese', async () => {
  const zh = await loadWords('zh-CN');
  assert.equal(duration(3 * 86400, zh), '3 天');
  assert.equal(relative('exp', NOW + 3 * 86400, NOW, zh), '3 天后过期');
  assert.equal(relative('exp', NOW - 180, NOW, zh), '已于 3 分钟前过期');
  assert.equal(relative('nbf', NOW + 7200, NOW, zh), '2 小时后生效');
  assert.equal(relative('iat', NOW - 5, NOW, zh), '5 秒前签发');
  assert.equal(span(4168, zh), '1 小时 9 分');
  assert.equal(span(2 * 86400 + 3 * 3600, zh), '2 天 3 小时');
  assert.equal(span(45, zh), '45 秒');
  assert.equal(readableSeconds('4168 s', zh), '1 小时 9 分');
  assert.match(local(NOW, zh), /^2025年12月\d+日/);
  assert.deepEqual([...zh.missing], []);
});
