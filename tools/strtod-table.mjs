// Prints the power-of-five table of src/core/strtod.c (paste it there):
//   node tools/strtod-table.mjs
// Entry a - A_MIN holds 5^(27a), a = -13..11, as a 128-bit significand M
// with its top bit set and M <= 5^(27a) / 2^e < M + 1 (the floor, exact
// BigInt arithmetic), as two 64-bit halves. The exponent e is not stored:
// strtod.c computes it as floor(27a * log2 5) - 127, and this script
// checks that formula for every entry.
const A_MIN = -13, A_MAX = 11;
const bitlen = (n) => n.toString(2).length;
const hex = (n) => `0x${n.toString(16).padStart(16, '0').toUpperCase()}`;
const rows = [];
for (let a = A_MIN; a <= A_MAX; a++) {
  const q = 27 * a;
  let m, e;
  if (q >= 0) {
    const p = 5n ** BigInt(q), l = bitlen(p);
    m = l > 128 ? p >> BigInt(l - 128) : p << BigInt(128 - l);
    e = l - 128;
  } else {
    const p = 5n ** BigInt(-q), l = bitlen(p);
    m = (1n << BigInt(127 + l)) / p;
    e = -(127 + l);
  }
  if (bitlen(m) !== 128) throw new Error(`entry ${a}: not normalized`);
  // strtod.c's formula: floor(q * log2 5) = (q * 1217359) >> 19.
  if (((q * 1217359) >> 19) - 127 !== e && Math.floor((q * 1217359) / 2 ** 19) - 127 !== e) {
    throw new Error(`entry ${a}: exponent formula gives ${Math.floor((q * 1217359) / 2 ** 19) - 127}, not ${e}`);
  }
  rows.push(`\t{ ${hex(m >> 64n)}, ${hex(m & ((1n << 64n) - 1n))} }, /* 5^${q} */`);
}
console.log(rows.join('\n'));
