// Numbers in the wasm module: "exp" is read by src/core/strtod.c (which in wasm
// also stands in for musl's strtod() under cJSON), and must be the very
// double V8's Number() reads, correctly rounded. Seen from outside: with
// clock tolerance 0 a token is expired exactly when now >= exp, so it must
// be expired at now = Number(text) and valid one double below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kit, rawToken, readVector, SECRET } from '../helpers/common.mjs';

const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const view = new DataView(new ArrayBuffer(8));
const ofBits = (b) => { view.setBigUint64(0, b); return view.getFloat64(0); };
const bitsOf = (x) => { view.setFloat64(0, x); return view.getBigUint64(0); };

// The double just below x (x finite).
function below(x) {
  if (Object.is(x, 0) || Object.is(x, -0)) return -ofBits(1n);
  const b = bitsOf(x);
  return ofBits(x > 0 ? b - 1n : b + 1n);
}

// Whether the module reads `text` as exactly `want` (a finite double).
function readsAs(text, want) {
  const tok = rawToken('{"alg":"HS256"}', `{"exp":${text}}`);
  const codes = (now) => kit.verify(tok, SECRET, { now }).errors.map((e) => e.code);
  return codes(want).join() === 'expired' && codes(below(want)).length === 0;
}

test('strtod.json: every JSON number is read as V8 reads it (exp at now and one double below)', () => {
  const { tests } = readVector('strtod.json');
  const json = tests.filter((v) => JSON_NUMBER.test(v.in));
  assert.ok(json.length >= 90);
  for (const v of json) {
    const want = ofBits(BigInt(`0x${v.bits}`));
    assert.ok(Object.is(Number(v.in), want), `vector file vs V8: ${v.why}`);
    if (!Number.isFinite(want)) {
      const r = kit.verify(rawToken('{"alg":"HS256"}', `{"exp":${v.in}}`), SECRET, { now: 0 });
      assert.deepEqual(r.errors.map((e) => e.code), ['bad_json'], v.why);
      continue;
    }
    assert.ok(readsAs(v.in, want), `${v.in.slice(0, 40)}... (${v.why}): not read as ${want}`);
  }
});

test('strtod: 3000 seeded random JSON numbers (and exact halfway points) read as V8 reads them', () => {
  const seed = Number(process.env.OOJWT_SEED ?? Date.now() % 1e9);
  let s = seed >>> 0 || 1;
  const rand = (n) => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s % n;
  };
  const digits = (n) => Array.from({ length: n }, () => rand(10)).join('');
  for (let i = 0; i < 3000; i++) {
    let text;
    if (i % 3 === 2) {
      // The exact halfway point above a random double, maybe nudged.
      const x = ofBits((BigInt(rand(0x7fe)) << 52n) | (BigInt(rand(2 ** 26)) << 26n) | BigInt(rand(2 ** 26)));
      const b = bitsOf(x);
      const e = (b >> 52n) & 0x7ffn;
      const m = e === 0n ? b & ((1n << 52n) - 1n) : (b & ((1n << 52n) - 1n)) | (1n << 52n);
      const q = (e === 0n ? -1074n : e - 1075n) - 1n;
      const h = 2n * m + 1n;
      const d = q >= 0n ? (h << q).toString() : (h * 5n ** -q).toString();
      const k = q >= 0n ? 0n : -q;
      const nudge = ['', `${'0'.repeat(rand(820))}1`][rand(2)];
      text = `${d}${nudge}e-${k + BigInt(nudge.length)}`;
    } else {
      const n = 1 + rand(i % 3 === 0 ? 20 : 400);
      const int = digits(n).replace(/^0+(?=.)/, '');
      const frac = rand(2) ? `.${digits(1 + rand(30))}` : '';
      const exp = rand(2) ? `e${rand(700) - 400}` : '';
      text = `${rand(2) ? '-' : ''}${int}${frac}${exp}`;
    }
    assert.match(text, JSON_NUMBER);
    const want = Number(text);
    if (!Number.isFinite(want)) continue;
    assert.ok(readsAs(text, want), `seed ${seed}: ${text.slice(0, 60)}... not read as ${want}`);
  }
});

// The paths of src/core/strtod.c one by one: 19 significant digits times
// a 128-bit power of five (the product is resolved unless it lies within
// 4 units of a halfway point), w and w + 1 past 19 digits, and the exact
// comparison. Texts near halfway points cut to 17-21 digits and rounded
// both ways, at every stored power's neighbours and in subnormals.
test('strtod: 2000 seeded texts near halfway points, cut to 17-21 digits, read as V8 reads them', () => {
  const seed = Number(process.env.OOJWT_SEED ?? Date.now() % 1e9);
  let s = seed >>> 0 || 1;
  const rand = (n) => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s % n;
  };
  for (let i = 0; i < 2000; i++) {
    // A random double: every 4th a subnormal, else any binade.
    const e = i % 4 === 0 ? 0n : BigInt(1 + rand(0x7fd));
    const b = (e << 52n) | (BigInt(rand(2 ** 26)) << 26n) | BigInt(rand(2 ** 26));
    const m = e === 0n ? b : (b & ((1n << 52n) - 1n)) | (1n << 52n);
    const q = (e === 0n ? -1074n : e - 1075n) - 1n;
    const h = 2n * m + 1n;
    // Its halfway point as digits * 10^k, cut to n digits, plus 0 or 1 in
    // the last place, maybe with a long tail.
    const d = q >= 0n ? (h << q).toString() : (h * 5n ** -q).toString();
    const k = q >= 0n ? 0n : -q;
    const n = Math.min(d.length, 17 + rand(5));
    const cut = BigInt(d.slice(0, n)) + BigInt(rand(2));
    const tail = rand(3) === 0 ? `${'0'.repeat(rand(40))}${1 + rand(9)}` : '';
    const text = `${cut}${tail}e${BigInt(d.length - n) - k - BigInt(tail.length)}`;
    assert.match(text, JSON_NUMBER);
    const want = Number(text);
    if (!Number.isFinite(want)) continue;
    assert.ok(readsAs(text, want), `seed ${seed}: ${text} not read as ${want}`);
  }
});
