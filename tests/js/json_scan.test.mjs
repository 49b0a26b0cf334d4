// The strict JSON scan reads strings eight bytes at a time
// (word_needs_care in src/core/json_scan.c) before it looks at single bytes: a byte
// that needs care must be caught wherever it falls in a word. Every
// length up to 40 with every special byte at every position, in a value
// and in a member name, against an independent judge: the bytes are
// UTF-8 (TextDecoder, fatal) and JSON.parse takes them. And numbers:
// the scan decides whether one is a finite double from its decimal
// exponent and first digits (number_finite in src/core/json_scan.c),
// without converting it; the judge is Number().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kit, b64u } from '../helpers/common.mjs';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const HEADER = b64u('{"alg":"HS256"}');
const specials = [[0x00], [0x1f], [0x22], [0x5c, 0x6e], [0x5c, 0x75, 0x30, 0x30, 0x34, 0x31], [0x5c, 0x71],
  [0x5c], [0x7f], [0xc3, 0xa9], [0xe2, 0x80, 0xa8], [0xf0, 0x9f, 0x98, 0x80], [0x80], [0xc3], [0xff], [0xed, 0xa0, 0x80]];

function judge(bytes) {
  try {
    const v = JSON.parse(utf8.decode(bytes));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? 'ok' : 'not_an_object';
  } catch {
    return 'bad_json';
  }
}

function codeOf(bytes) {
  try {
    kit.decode(`${HEADER}.${b64u(bytes)}.AAAA`);
    return 'ok';
  } catch (e) {
    return e.code;
  }
}

test('a byte that needs care is found at every position of every word', () => {
  let n = 0;
  for (let len = 0; len <= 40; len++) {
    for (let at = 0; at <= len; at++) {
      for (const sp of specials) {
        const text = [...Buffer.from('x'.repeat(at)), ...sp, ...Buffer.from('y'.repeat(len - at))];
        for (const [pre, post] of [['{"k":"', '"}'], ['{"', '":1}'], ['{"a":["', '",1]}']]) {
          const bytes = Buffer.concat([Buffer.from(pre), Buffer.from(text), Buffer.from(post)]);
          assert.equal(codeOf(bytes), judge(bytes), `${JSON.stringify(pre)} + ${Buffer.from(text).toString('hex')} + ${JSON.stringify(post)}`);
          n++;
        }
      }
    }
  }
  assert.ok(n > 10000);
});

test('escaped member names still find duplicates (the tree check)', () => {
  for (let pad = 0; pad < 12; pad++) {
    const p = 'p'.repeat(pad);
    assert.equal(codeOf(Buffer.from(`{"${p}a\\u0062":1,"${p}ab":2}`)), 'duplicate_member');
    assert.equal(codeOf(Buffer.from(`{"${p}a\\u0062":1,"${p}ac":2}`)), 'ok');
    assert.equal(codeOf(Buffer.from(`{"${p}ab":1,"x":"\\n","${p}ab":2}`)), 'duplicate_member');
  }
});

test('a number is refused exactly when Number() reads it as infinite (decided without converting it)', () => {
  const bound = 2n ** 1024n - 2n ** 970n; // from here on, rounding gives infinity
  const cases = ['1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308',
    `${(bound - 1n).toString().replace(/^1/, '1.')}e308`, `${bound.toString().replace(/^1/, '1.')}e308`,
    (bound - 1n).toString(), bound.toString(), (bound + 1n).toString(), `-${bound}`,
    '0.00000e400', '0e999', '10e307', '99.9e306', '-1e309', '1e-999999999999999999999', '1e999999999999999999999',
    '17976931348623158e292', '17976931348623157e292', '1797693134862315807e289', `0.${'0'.repeat(400)}1797693134862315807e709`,
    '9'.repeat(308), '9'.repeat(309), `1${'0'.repeat(308)}.5`, `0.0${bound}e311`];
  for (const text of cases) {
    const t = `${HEADER}.${b64u(`{"a":${text},"b":[${text}]}`)}.AAAA`;
    let code = 'ok';
    try { kit.decode(t); } catch (e) { code = e.code; }
    assert.equal(code, Number.isFinite(Number(text)) ? 'ok' : 'bad_json', text.slice(0, 60));
  }
});
