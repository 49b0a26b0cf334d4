// Generates tests/vectors/strtod.json, decimal texts and the doubles they
// round to, for oojwt_strtod (src/core/strtod.c):
//   node tests/gen/strtod_vectors.mjs tests/vectors/strtod.json
// The expected bits are V8's (Number(text), correctly rounded; independent
// of oojwt); the halfway texts are built exactly with BigInt, and each
// expectation on them (ties to even, a far nonzero digit rounds up, one
// unit less rounds down) is checked here against V8 too. Deterministic:
// the output is committed.
import { writeFileSync } from 'node:fs';

const view = new DataView(new ArrayBuffer(8));
const bitsOf = (x) => { view.setFloat64(0, x); return view.getBigUint64(0); };
const ofBits = (b) => { view.setBigUint64(0, b); return view.getFloat64(0); };
const hex = (x) => bitsOf(x).toString(16).padStart(16, '0');

const tests = [];
function add(text, why, expect) {
  const v = Number(text);
  if (expect !== undefined && !Object.is(v, expect)) {
    throw new Error(`V8 reads ${text.slice(0, 60)}... as ${v}, not ${expect} (${why})`);
  }
  tests.push({ in: text, bits: hex(v), why });
}

// The exact decimal of m * 2^q (m, q BigInt), as "digits" or "digitse-k".
function exact(m, q) {
  if (q >= 0n) return (m << q).toString();
  return `${(m * 5n ** -q).toString()}e-${-q}`;
}
// The same as a plain decimal with a point ("0.000ddd" or "ddd.ddd").
function plain(m, q) {
  if (q >= 0n) return (m << q).toString();
  const k = Number(-q);
  const s = (m * 5n ** -q).toString().padStart(k + 1, '0');
  return `${s.slice(0, s.length - k)}.${s.slice(s.length - k)}`;
}

// Significand (with the hidden bit) and exponent of a positive finite x.
function parts(x) {
  const b = bitsOf(x);
  const e = (b >> 52n) & 0x7ffn;
  const f = b & ((1n << 52n) - 1n);
  return e === 0n ? [f, -1074n] : [f | (1n << 52n), e - 1075n];
}

// The halfway point between x and the next double up, and texts just
// above and below it.
function halfway(x, name) {
  const [m, q] = parts(x);
  const up = ofBits(bitsOf(x) + 1n);
  const even = (m & 1n) === 0n ? x : up;
  const h = exact(2n * m + 1n, q - 1n);
  const [digits, e] = h.split('e');
  add(h, `${name}: exactly halfway, ties to even`, even);
  add(plain(2n * m + 1n, q - 1n), `${name}: exactly halfway, written out`, even);
  // A nonzero digit after 800 significant digits still breaks the tie.
  const far = `${digits}${'0'.repeat(Math.max(1, 810 - digits.length))}1`;
  const farExp = e === undefined ? 0 : Number(e);
  add(`${far}e${farExp - (far.length - digits.length)}`,
    `${name}: halfway, then a 1 after ${far.length - 1} digits: rounds up`, up);
  // The same as the 800th digit (the shifts' own truncation decides).
  const near = `${digits}${'0'.repeat(Math.max(1, 799 - digits.length))}1`;
  add(`${near}e${farExp - (near.length - digits.length)}`,
    `${name}: halfway, then a 1 after ${near.length - 1} digits: rounds up`, up);
  // One unit less in the last digit, then many 9s: just below halfway.
  const less = (BigInt(digits) - 1n).toString() + '9'.repeat(60);
  add(`${less}e${farExp - 60}`, `${name}: just below halfway: rounds down`, x);
}

// Named cases (the classics of decimal conversion).
for (const [text, why] of [
  ['0', 'zero'], ['-0', 'negative zero'], ['0.0e999999', 'zero with a huge exponent'],
  ['1', 'one'], ['-1.5', 'negative'], ['0.1', 'not a binary fraction'],
  ['1732291200', 'a time (fast path)'], ['1732291200.5', 'a time with a fraction'],
  ['9007199254740992', '2^53'], ['9007199254740993', '2^53 + 1: halfway, ties to even (down)'],
  ['9007199254740995', '2^53 + 3: halfway, ties to even (up)'], ['9007199254740991', '2^53 - 1'],
  ['18446744073709551615', '2^64 - 1 (more than 19 digits of w)'],
  ['1e22', 'largest exact power of ten'], ['1e23', 'the classic: not 1e23 when read in double steps'],
  ['8.98846567431158e307', '2^1023 region'],
  ['1.7976931348623157e308', 'largest double'],
  ['1.7976931348623158e308', 'rounds down to the largest double'],
  ['1.7976931348623159e308', 'overflows to infinity'],
  ['1e309', 'overflow'], ['-1e400', 'negative overflow'],
  ['2.2250738585072014e-308', 'smallest normal'],
  ['2.2250738585072011e-308', 'largest subnormal region (the PHP/Java hang)'],
  ['2.2250738585072012e-308', 'rounds up to the smallest normal'],
  ['4.9e-324', 'smallest subnormal'], ['5e-324', 'smallest subnormal'],
  ['2.4703282292062327e-324', 'just below half the smallest subnormal: zero'],
  ['2.4703282292062328e-324', 'just above half the smallest subnormal'],
  ['1e-400', 'underflow to zero'], ['-1e-400', 'underflow to negative zero'],
  ['4.4501477170144023e-308', 'twice the smallest normal'],
  ['0.000000000000000000000000000000000000000000001e45', 'leading zeros of the fraction'],
  ['100000000000000000000000000000000000000000000e-44', 'trailing zeros of the integer'],
  ['3.14159265358979323846264338327950288419716939937510', 'more digits than a double holds'],
  ['123456789012345678901234567890e-30', 'long mantissa, negative exponent'],
  ['7.038531e-26', 'a hard case of the fast path\'s neighbours'],
  ['1448997445238699', 'integer < 2^53'],
  ['1e-22', 'smallest exact negative power of the fast path'],
  ['1e-23', 'one past the fast path'],
  ['0.5', 'one half'], ['5.', 'C: digits then a point'], ['.5', 'C: a point then digits'],
  ['1E+2', 'upper-case E and a plus sign'], ['+7', 'C: a plus sign'],
]) add(text, why);

// Long inputs: beyond 800 significant digits only "nonzero rest" counts.
add(`0.${'0'.repeat(350)}${'1'.repeat(20)}`, '350 leading zeros of the fraction');
add(`1${'0'.repeat(308)}`, '10^308 written out');
add(`1${'0'.repeat(309)}`, '10^309 written out: infinity');
add(`${'9'.repeat(1000)}e-1000`, '1000 nines times 10^-1000 (just below 1)', 1);
add(`${'1'.repeat(900)}e-899`, '900 ones');
add(`1${'0'.repeat(1000)}e-1000`, 'one, with 1000 zeros and their exponent', 1);
add(`0.${'0'.repeat(1000)}1e1001`, 'one, with 1000 leading zeros', 1);

// Halfway points, at the edges of the format and in the middle.
const named = [
  [1, 'one'], [0.1, 'one tenth'], [9007199254740992, '2^53'], [1e23, '1e23'],
  [ofBits(1n), 'smallest subnormal'], [ofBits(2n), 'second subnormal'],
  [ofBits((1n << 52n) - 1n), 'largest subnormal'], [ofBits(1n << 52n), 'smallest normal'],
  [ofBits(0x7fefffffffffffffn - 1n), 'second largest double'], [123456.789, 'a middle number'],
  [1732291200.25, 'a time'], [2 ** -1022 * 1.5, 'a small normal'],
];
for (const [x, name] of named) halfway(x, name);
// Halfway between the largest double and 2^1024 (odd significand): infinity.
add(exact(2n * ((1n << 53n) - 1n) + 1n, 970n), 'halfway above the largest double: infinity', Infinity);

// The fast path's edges (src/core/strtod.c: w of 19 digits times a
// 128-bit 5^q built from every 27th power; w and w + 1 past 19 digits).
// Each stored power and its neighbours, with the smallest and largest w.
for (let q = -351; q <= 308; q += 27) {
  for (const d of [-1, 0, 1]) {
    for (const w of ['1', '9999999999999999999', '18446744073709551615', '4611686018427387905']) {
      const e = q + d;
      if (e < -360) continue;
      add(`${w}e${e}`, `w = ${w.length > 12 ? `${w.slice(0, 4)}.. (${w.length} digits)` : w} times 10^${e}: around stored power 5^${q}`);
    }
  }
}
// 19 and 20 significant digits: exact halfway integers (2^63 + 2^10,
// 2^64 + 2^11), neighbours of 10^19, and a 19-digit w with a tail.
for (const [text, why] of [
  ['9223372036854776832', '2^63 + 2^10: 19 digits, exactly halfway, ties to even (down)'],
  ['9223372036854778880', '2^63 + 3 * 2^10: 19 digits, exactly halfway, ties to even (up)'],
  ['18446744073709555712', '2^64 + 2^11: 20 digits, exactly halfway (w and w + 1 disagree)'],
  ['18446744073709555713', '2^64 + 2^11 + 1: 20 digits, just above halfway'],
  ['9999999999999999999', '19 nines'], ['99999999999999999999', '20 nines'],
  ['10000000000000000000', '10^19 written out (20 digits, zeros after w)'],
  ['10000000000000000001', '10^19 + 1'],
  ['9007199254740993.0000000000000000000000000000000000000001', '2^53 + 1 and a far 1: rounds up'],
  ['9007199254740992.9999999999999999999999999999999999999999', 'just below 2^53 + 1: 2^53'],
  ['1e2147483648', 'exponent past 32 bits: infinity'],
  ['1e-2147483649', 'negative exponent past 32 bits: zero'],
  ['1e99999999999999999999', 'exponent of 20 digits: infinity'],
  [`0.${'0'.repeat(400)}1e400`, 'a tenth, with 400 leading zeros and their exponent'],
  ['2.2250738585072011360574097967091319759348195463516456480234261097e-308', 'largest subnormal to 65 digits'],
  ['4.9406564584124654e-324', 'the least subnormal, 17 digits'],
  [exact(3n, -1074n), 'three least subnormals written exactly (751 digits)'],
]) add(text, why);
// Halfway points in every 64th binade, subnormals to the largest.
for (let e = 1n; e < 2047n; e += 64n) halfway(ofBits((e << 52n) | 0x5555555555555n), `binade ${e - 1023n}`);
for (const f of [3n, 0x8000000000001n, 0xfffffffffffffn]) halfway(ofBits(f), `subnormal ${f}`);

writeFileSync(process.argv[2] ?? 'tests/vectors/strtod.json', `${JSON.stringify({
  about: 'Decimal texts and the IEEE double bits (hex, big-endian) they round to, correctly '
    + '(round half to even), as V8\'s Number() reads them; made by tests/gen/strtod_vectors.mjs.',
  tests,
}, null, 1)}\n`);
console.log(`${tests.length} vectors`);
