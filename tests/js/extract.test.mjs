// kit.extract(text): the C extractor (src/core/extract.c) through the wasm module.
// It finds the token in what people paste and lists what it cut off; it never
// removes anything from inside a token, so a broken token stays broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kit, token, SECRET, NOW } from '../helpers/common.mjs';

const T = token({ document: { key: 'k1', url: 'https://example.com/a.docx' }, iat: NOW });

// Every piece and the token, put back at their positions, give the text.
function assertCovers(text, r) {
  const at = text.indexOf(r.token);
  assert.ok(r.token === '' || at >= 0, 'the token is a substring of the text');
  const pieces = [...r.stripped];
  let rebuilt = '';
  let pos = 0;
  let tokenPlaced = r.token === '';
  for (const p of pieces) {
    assert.equal(text.slice(p.pos, p.pos + p.text.length), p.text, `piece ${p.kind} is at ${p.pos}`);
    if (!tokenPlaced && p.pos > pos) {
      assert.equal(text.slice(pos, pos + r.token.length), r.token, 'the token sits between the pieces');
      rebuilt += r.token;
      pos += r.token.length;
      tokenPlaced = true;
    }
    assert.equal(p.pos, pos, `pieces are contiguous, in text order (${p.kind} at ${p.pos}, expected ${pos})`);
    rebuilt += p.text;
    pos += p.text.length;
  }
  if (!tokenPlaced) {
    rebuilt += r.token;
    pos += r.token.length;
  }
  assert.equal(pos, text.length, 'pieces and token cover the whole text');
  assert.equal(rebuilt, text);
}

const kinds = (r) => r.stripped.map((p) => p.kind);

const CASES = [
  // [name, text, expected kinds]
  ['bare token', T, []],
  ['surrounding whitespace and a newline', `  ${T}\n`, ['whitespace', 'whitespace']],
  ['Bearer', `Bearer ${T}`, ['bearer', 'whitespace']],
  ['lower-case bearer', `bearer  ${T}`, ['bearer', 'whitespace']],
  ['a whole Authorization header line', `Authorization: Bearer ${T}\r\n`,
    ['header', 'whitespace', 'bearer', 'whitespace', 'whitespace']],
  ['a custom header name', `AuthorizationJwt: Bearer ${T}`, ['header', 'whitespace', 'bearer', 'whitespace']],
  ['double quotes', `"${T}"`, ['quote', 'quote']],
  ['single quotes with spaces', ` '${T}' `, ['whitespace', 'quote', 'quote', 'whitespace']],
  ['backticks', `\`${T}\``, ['quote', 'quote']],
  ['typographic quotes', `“${T}”`, ['quote', 'quote']],
  ['nested quotes', `"'${T}'"`, ['quote', 'quote', 'quote', 'quote']],
  ['invisible characters', `\u00a0\ufeff${T}\u200b`, ['whitespace', 'whitespace']],
  ['a Document Server log line', `[2026-11-22T10:00:00.000] [ERROR] checkJwt error: name = JsonWebTokenError message = invalid signature token = ${T}`,
    ['text', 'whitespace']],
  ['a log line with text after', `token=${T} user=bob`, ['text', 'text']],
  ['a query string', `https://ds/x?token=${T}&lang=en`, ['text', 'text']],
  ['a JSON fragment', `{"token":"${T}"}`, ['text', 'quote', 'quote', 'text']],
  ['a curl command', `curl -H 'Authorization: Bearer ${T}' https://ds/command`,
    ['text', 'header', 'whitespace', 'bearer', 'whitespace', 'text']],
  ['an HTTP request', `POST /command HTTP/1.1\nHost: ds\nAuthorization: Bearer ${T}\nContent-Type: application/json\n`,
    ['text', 'header', 'whitespace', 'bearer', 'whitespace', 'text', 'whitespace']],
  ['a sentence with a full stop', `The token is ${T}.`, ['text', 'whitespace', 'text']],
];

for (const [name, text, want] of CASES) {
  test(`extract: ${name}`, () => {
    const r = kit.extract(text);
    assert.equal(r.token, T);
    assert.deepEqual(kinds(r), want);
    assertCovers(text, r);
    // What was extracted verifies; the text as pasted does not decode.
    assert.equal(kit.verify(r.token, SECRET, { now: NOW }).valid, true);
    if (want.length > 0) assert.equal(kit.verify(text, SECRET, { now: NOW }).valid, false);
  });
}

test('extract: the stripped pieces carry the text they removed', () => {
  const r = kit.extract(`Authorization: Bearer ${T}`);
  assert.deepEqual(r.stripped.map((p) => p.text), ['Authorization:', ' ', 'Bearer', ' ']);
  assert.deepEqual(r.stripped.map((p) => p.pos), [0, 14, 15, 21]);
});

test('extract: nothing is removed from inside a token', () => {
  const [h, p, s] = T.split('.');
  for (const broken of [
    `${h}.${p}\n.${s}`,           // a line break inside
    `${h}.${p} ${s}`,             // a space inside
    `${h}==.${p}.${s}`,           // padding
    `${h}.${p}.${s}=`,            // padding at the end
    `${h}.${p}+/.${s}`,           // standard base64 characters
    `${h}.${p}`,                  // two segments
    `${h}.${p}.${s}.${s}`,        // four segments
    `${h}.${p}.${s.slice(0, 20)}`, // truncated signature
  ]) {
    const r = kit.extract(broken);
    assert.equal(r.token, broken, JSON.stringify(broken));
    assert.deepEqual(r.stripped, []);
  }
  // The same broken tokens after "Bearer " keep every character of the token.
  const padded = `${h}.${p}.${s}==`;
  assert.equal(kit.extract(`Bearer ${padded}`).token, padded);
  assert.equal(kit.extract(`token=${padded} x`).token, padded);
});

test('extract: text with no token is returned without its outer layers', () => {
  assert.deepEqual(kit.extract(''), { token: '', stripped: [] });
  assert.deepEqual(kinds(kit.extract(' \n\t ')), ['whitespace']);
  assert.equal(kit.extract(' \n\t ').token, '');
  assert.equal(kit.extract('  my-secret-value ').token, 'my-secret-value');
  assert.equal(kit.extract('hello world').token, 'hello world');
  assert.equal(kit.extract('"Bearer"').token, 'Bearer');
  assert.equal(kit.extract('Authorization:').token, 'Authorization:');
});

test('extract: a token that does not start with eyJ is found by its two dots in a line', () => {
  const r = kit.extract('x abc.def.ghi y');
  assert.equal(r.token, 'abc.def.ghi');
  assertCovers('x abc.def.ghi y', r);
  // ...but a word without whitespace around it is taken whole.
  assert.equal(kit.extract('see=abc.def.ghi').token, 'see=abc.def.ghi');
});

test('extract: the first token wins when a line holds two', () => {
  const T2 = token({ n: 2 });
  const r = kit.extract(`old=${T} new=${T2}`);
  assert.equal(r.token, T);
  assert.equal(r.stripped.at(-1).text, ` new=${T2}`);
});

test('extract: positions are string indices when the text is not ASCII', () => {
  const text = `2026-11-22 café 😀 “${T}” ünïcode`;
  const r = kit.extract(text);
  assert.equal(r.token, T);
  assertCovers(text, r);
  assert.equal(text.slice(r.stripped.at(-1).pos), r.stripped.at(-1).text);
});

test('extract: a 100 KB token inside a log line', () => {
  const big = token({ blob: 'x'.repeat(75000) });
  assert.ok(big.length > 100000);
  const text = `INFO token = ${big} end`;
  const started = performance.now();
  const r = kit.extract(text);
  const ms = performance.now() - started;
  assert.equal(r.token, big);
  assertCovers(text, r);
  assert.ok(ms < 200, `extract took ${ms.toFixed(1)} ms`);
});

test('extract: random text around a token (seeded)', () => {
  let seed = Number(process.env.OOJWT_SEED ?? 0x5eed);
  console.log(`# extract random seed ${seed}`);
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const junk = [' ', '\n', '\t', 'Bearer ', 'Authorization: ', '"', "'", 'token=', 'x', '[INFO]', 'é', '😀', ':', '{', '}', ',', '\u00a0'];
  for (let i = 0; i < 300; i++) {
    let before = '';
    let after = '';
    for (let k = rand(5); k > 0; k--) before += junk[rand(junk.length)];
    for (let k = rand(5); k > 0; k--) after += junk[rand(junk.length)];
    // keep the boundary: a base64url character right before or after would
    // make a different (longer) run, which is not a token.
    const text = `${before} ${T} ${after}`;
    const r = kit.extract(text);
    assert.equal(r.token, T, JSON.stringify(text));
    assertCovers(text, r);
  }
});

test('extract: never throws on odd input; TypeError for a non-string', () => {
  for (const s of ['\u0000', '.', '..', 'eyJ', 'eyJ..', '"', '“', '\ud800', 'Bearer', 'Bearer ', ':'.repeat(1000), '"'.repeat(101)]) {
    const r = kit.extract(s);
    assert.equal(typeof r.token, 'string');
    assert.ok(Array.isArray(r.stripped));
  }
  for (const bad of [undefined, null, 1, {}, ['x']]) {
    assert.throws(() => kit.extract(bad), TypeError);
  }
});
