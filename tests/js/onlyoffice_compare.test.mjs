// kit.onlyoffice.compareSecrets: two secrets side by side, against
// tests/vectors/secret_compare.json (the C runner reads the same file), on
// secrets and tokens given as text and as bytes; and kit.decode's
// signature_length warning (ONLYOFFICE's JWT article token, cut to 18 bytes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { kit, readVector } from '../helpers/common.mjs';

const bytesOf = (v, k) => (v[k] !== undefined ? v[k] : new Uint8Array(Buffer.from(v[`${k}Hex`], 'hex')));

for (const v of readVector('secret_compare.json').tests) {
  test(`compareSecrets #${v.id}: ${v.comment}`, () => {
    const r = kit.onlyoffice.compareSecrets(bytesOf(v, 'a'), bytesOf(v, 'b'), v.token !== undefined ? { token: v.token } : {});
    assert.deepEqual(r, v.expect);
    // No secret byte in what comes back (beyond the one-character ones).
    for (const k of ['a', 'b']) {
      if (typeof v[k] === 'string' && v[k].length > 2) assert.ok(!JSON.stringify(r).includes(v[k]), `secret ${k} in the result`);
    }
  });
}

test('compareSecrets: strings and their UTF-8 bytes give the same answer', () => {
  const a = 'p\u0430ss\u00a0';
  const r1 = kit.onlyoffice.compareSecrets(a, 'pass');
  const r2 = kit.onlyoffice.compareSecrets(new TextEncoder().encode(a), new TextEncoder().encode('pass'));
  assert.deepEqual(r1, r2);
  assert.deepEqual(r1.a.marks.map((m) => [m.index, m.kind, m.looksLike]), [[1, 'homoglyph', 'a'], [4, 'nbsp', ' ']]);
});

test('compareSecrets: the verdict against node:crypto for random secrets and one-byte changes', () => {
  let seed = 1700000000;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  for (let i = 0; i < 200; i++) {
    const n = 1 + (rnd() % 40);
    const a = Buffer.from(Array.from({ length: n }, () => 32 + (rnd() % 95)));
    const b = Buffer.from(a);
    if (i % 2 === 1) b[rnd() % n] ^= 1 + (rnd() % 31);
    const input = 'eyJhbGciOiJIUzI1NiJ9.eyJjIjoidmVyc2lvbiJ9';
    const tok = `${input}.${createHmac('sha256', a).update(input).digest('base64url')}`;
    const r = kit.onlyoffice.compareSecrets(new Uint8Array(a), new Uint8Array(b), { token: tok });
    const equal = a.equals(b);
    assert.equal(r.equal, equal, `seed ${seed}`);
    assert.equal(r.verifies, equal ? 'both' : 'a', `seed ${seed}`);
    if (!equal) {
      let k = 0;
      while (a[k] === b[k]) k++;
      assert.equal(r.firstDifference.byte, k, `seed ${seed}`);
    }
  }
});

test('compareSecrets: argument types', () => {
  assert.throws(() => kit.onlyoffice.compareSecrets(1, 'a'), TypeError);
  assert.throws(() => kit.onlyoffice.compareSecrets('a', null), TypeError);
  assert.throws(() => kit.onlyoffice.compareSecrets('a', 'b', { token: 5 }), TypeError);
  assert.throws(() => kit.onlyoffice.compareSecrets('a', 'b', null), TypeError);
});

test('compareSecrets: hostile inputs (1 MB of zero-width spaces, lone surrogates, NUL)', () => {
  const big = '\u200b'.repeat(1 << 20);
  const r = kit.onlyoffice.compareSecrets(big, '');
  assert.equal(r.a.chars, 1 << 20);
  assert.equal(r.a.bytes, 3 << 20);
  assert.equal(r.a.marks.length, 64);
  assert.equal(r.a.moreMarks, (1 << 20) - 64);
  assert.equal(r.equalCleaned, true);
  const s = kit.onlyoffice.compareSecrets('a\ud800b', 'a\0b');
  assert.equal(s.equal, false);
  assert.equal(s.b.marks[0].kind, 'control');
});

// ONLYOFFICE's JWT article example: {fileType: png, url}, its signature cut to
// 24 characters (18 bytes) when it was copied into the article.
const ARTICLE = readVector('secret_compare.json').tests.find((t) => t.comment.startsWith("ONLYOFFICE's JWT article")).token;

test('decode: a signature cut to 18 bytes is flagged without a secret (signature_length)', () => {
  const r = JSON.parse(kit.reports.decode(ARTICLE));
  const w = r.warnings.filter((x) => x.code === 'signature_length');
  assert.equal(w.length, 1, JSON.stringify(r.warnings));
  assert.match(w[0].message, /HS256 signature is 18 bytes, not 32/);
  assert.match(w[0].message, /cut/);
  assert.equal(w[0].pos, ARTICLE.lastIndexOf('.') + 1);
});

test('verify and the Document Server profile flag it too; a whole signature is not flagged', () => {
  const v = kit.verify(ARTICLE, 'secret', { now: 1700000000 });
  assert.equal(v.valid, false);
  assert.ok(v.warnings.some((x) => x.code === 'signature_length'));
  const ds = kit.onlyoffice.verify(ARTICLE, 'secret', { now: 1700000000 });
  assert.ok(ds.warnings.some((x) => x.code === 'signature_length'), JSON.stringify(ds.warnings));
  const warned = (t) => JSON.parse(kit.reports.decode(t)).warnings.some((x) => x.code === 'signature_length');
  const whole = kit.sign({ c: 'version' }, 'secret');
  assert.equal(warned(whole), false);
  assert.ok(!kit.onlyoffice.verify(kit.sign({ c: 'version' }, 'other'), 'secret', { now: 1700000000 }).warnings.some((x) => x.code === 'signature_length'));
  for (const alg of ['HS384', 'HS512']) {
    const t = kit.sign({ c: 'version' }, 's'.repeat(64), { alg });
    assert.equal(warned(t), false, alg);
    // Cut to a whole number of base64url quadruples (a strict decode refuses
    // a last character with spare bits set).
    const sig = t.split('.')[2];
    assert.equal(warned(t.slice(0, t.length - (sig.length % 4 || 4))), true, `${alg} cut`);
  }
  // RS256: the length depends on the key, never flagged.
  const rs = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.e30.${'A'.repeat(24)}`;
  assert.equal(warned(rs), false);
});
