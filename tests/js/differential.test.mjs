// Differential tests: oojwt (C core via WebAssembly) against jsonwebtoken
// 9.0.2 -- what ONLYOFFICE Document Server runs -- and jose.
//
//   node --test tests/differential.test.mjs
//   OOJWT_SEED=123456789 node --test tests/differential.test.mjs   # reproduce
//
// Everything random comes from one seeded PRNG (mulberry32). The seed is
// printed at start-up (console.log) and in every test's diagnostics, and
// it is part of every assertion message, so a failure can be replayed.
//
// What is compared:
//   1. random payloads/secrets: kit.sign is byte-identical to
//      jsonwebtoken.sign(..., {noTimestamp: true}); jsonwebtoken.verify and
//      jose.jwtVerify accept our tokens; kit.verify accepts tokens from
//      jsonwebtoken and from jose's SignJWT; all payloads round-trip.
//   2. every single-character replacement, deletion and insertion in valid
//      tokens is refused by kit.verify and by jsonwebtoken.
//   3. exp/nbf decisions equal jsonwebtoken's over a sweep of claim values,
//      clocks and tolerances (integer and fractional).
//   4. documented, intended differences, each asserted explicitly.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import '../helpers/webcrypto.mjs'; // jose needs the global Web Crypto (Node 18)
import * as jose from 'jose';
import { loadToolkit, OojwtError } from '../../web/lib/oojwt.mjs';

// ---------------------------------------------------------------------------
// Seed and PRNG
// ---------------------------------------------------------------------------

function parseSeed(text) {
  if (text === undefined || text.trim() === '') return randomBytes(4).readUInt32LE(0);
  const t = text.trim();
  const n = /^0x[0-9a-f]+$/i.test(t) ? parseInt(t, 16) : /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`OOJWT_SEED must be an unsigned integer, got ${JSON.stringify(text)}`);
  return n >>> 0;
}

const SEED = parseSeed(process.env.OOJWT_SEED);
const SEED_TAG = `OOJWT_SEED=${SEED}`;
console.log(`differential.test.mjs: ${SEED_TAG} (reproduce with: ${SEED_TAG} node --test tests/differential.test.mjs)`);

// mulberry32: small, fast, good enough for test data.
function mulberry32(a) {
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// One independent stream per label, so that tests do not depend on each
// other's consumption of random numbers.
function rngFor(label) {
  const next = mulberry32((SEED ^ fnv1a(label)) >>> 0);
  for (let i = 0; i < 8; i++) next(); // decorrelate nearby seeds
  const r = {
    next,
    int: (n) => Math.floor(next() * n),                 // 0 .. n-1
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // lo .. hi
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    u32: () => Math.floor(next() * 4294967296) >>> 0,
  };
  return r;
}

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

const kit = await loadToolkit();
const ALGS = ['HS256', 'HS384', 'HS512'];
const HASH_BYTES = { HS256: 32, HS384: 48, HS512: 64 };
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const encoder = new TextEncoder();
const utf8 = (s) => encoder.encode(s);
const roundTrip = (v) => JSON.parse(JSON.stringify(v));
const codes = (list) => list.map((e) => e.code);
const short = (v, n = 400) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > n ? `${s.slice(0, n)}... (${s.length} chars)` : s;
};

// A token signed by hand over exactly the given JSON texts, for claims
// that both jsonwebtoken.sign and kit.sign refuse to produce.
function handToken(headerJson, payloadJson, secret, alg = 'HS256') {
  const input = `${Buffer.from(headerJson, 'utf8').toString('base64url')}.${Buffer.from(payloadJson, 'utf8').toString('base64url')}`;
  return resign(input, secret, alg);
}
function resign(signingInput, secret, alg) {
  const mac = createHmac(`sha${alg.slice(2)}`, Buffer.from(secret, 'utf8')).update(signingInput).digest('base64url');
  return `${signingInput}.${mac}`;
}

// jsonwebtoken.verify as a value: { ok, payload } or { ok: false, err }.
function jwtOutcome(token, key, options) {
  try {
    return { ok: true, payload: jwt.verify(token, key, options) };
  } catch (err) {
    return { ok: false, err };
  }
}

// ---------------------------------------------------------------------------
// Random data
// ---------------------------------------------------------------------------

// Characters that need escaping in JSON or that trip naive serialisers.
// U+0000 is left out on purpose: oojwt refuses it (documented difference,
// tested on its own below).
const ESCAPEY = [
  0x22, 0x5c, 0x2f, 0x7f, 0x85, 0x2028, 0x2029,
  ...Array.from({ length: 0x1f }, (_, i) => i + 1),
];
const ODD_BMP = [0xfeff, 0xfffd, 0xfffe, 0xffff, 0x200b, 0x200c, 0x200d, 0x200e, 0xe000, 0xf8ff, 0xac00, 0xd7ff];

// A Unicode scalar value (never a surrogate), weighted towards the
// interesting classes.
function randomCodePoint(r, { allowNul = false } = {}) {
  const k = r.int(100);
  if (k < 36) return r.range(0x20, 0x7e);                 // ASCII
  if (k < 46) return r.pick(ESCAPEY);                      // escapes, controls, U+2028/9
  if (k < 54) return r.range(0x80, 0x7ff);                 // 2-byte UTF-8
  if (k < 62) return r.range(0x4e00, 0x9fff);              // CJK
  if (k < 68) return r.range(0x300, 0x36f);                // combining marks
  if (k < 72) return r.pick(ODD_BMP);                      // BOM, non-characters, ZWJ...
  if (k < 76) return r.range(0xe000, 0xffff);              // rest of the BMP above surrogates
  if (k < 88) return r.range(0x1f300, 0x1faff);            // emoji
  if (k < 99) return r.range(0x10000, 0x10ffff);           // any astral
  return allowNul ? 0 : 0x10ffff;
}

const TRICKY_STRINGS = [
  '', ' ', '"', '\\', '\\u0041', '\\ud800', '</script>', '\u2028\u2029', 'e\u0301', 'n\u0303\u0323',
  '\u{1F600}', '\u{1F469}\u200D\u{1F4BB}', '\u{1F1FA}\u{1F1E6}', '\u{10FFFF}', '\u{10000}', '漢字かな',
  '\uFEFFbom', 'null', 'true', '1e21', '-0', '{"a":1}', '\t\n\r\b\f', '\u001f\u007f', 'a',
];

function randomString(r, maxLen) {
  if (r.chance(0.08)) return r.pick(TRICKY_STRINGS);
  const n = r.int(maxLen + 1);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCodePoint(randomCodePoint(r));
  return s;
}

const INT_KEYS = ['0', '1', '2', '7', '10', '42', '99', '1000', '4294967294', '4294967295', '4294967296',
  '01', '-1', '1.5', '1e3', ' 1', '9007199254740993'];
// Never at the top level: jsonwebtoken's noTimestamp deletes iat, and
// registered claims would make the libraries check them.
const RESERVED_TOP = new Set(['iat', 'exp', 'nbf', 'iss', 'sub', 'aud', 'jti']);

function randomKey(r, top) {
  for (;;) {
    const k = r.chance(0.18) ? r.pick(INT_KEYS) : randomString(r, 8);
    // __proto__ would be eaten by Object.assign inside jsonwebtoken.sign.
    if (k === '__proto__') continue;
    if (top && RESERVED_TOP.has(k)) continue;
    return k;
  }
}

const SPECIAL_NUMBERS = [
  0, -0, 1, -1, 0.1, 0.2, 0.1 + 0.2, 1 / 3, -1.5, 1e20, 1e21, -1e21, 1e-6, 1e-7, 5e-324, -5e-324,
  2.2250738585072014e-308, 2.225073858507201e-308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON,
  Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 4294967295,
  4294967296, -2147483648, 123456789012345680000, 1.7976931348623157e308, 9.999999999999999e22, 1e23,
];

const f64 = new DataView(new ArrayBuffer(8));
function randomNumber(r) {
  switch (r.int(8)) {
    case 0: return r.range(-1000, 1000);
    case 1: return (r.chance(0.5) ? -1 : 1) * Math.floor(r.next() * 2 ** 53);
    case 2: return (r.next() - 0.5) * 10 ** r.range(-12, 25);
    case 3: return r.pick(SPECIAL_NUMBERS);
    case 4:
    case 5:
      for (;;) { // any finite double, by bit pattern
        f64.setUint32(0, r.u32());
        f64.setUint32(4, r.u32());
        const d = f64.getFloat64(0);
        if (Number.isFinite(d)) return d;
      }
    default: return r.range(-(2 ** 31), 2 ** 31);
  }
}

function randomValue(r, depth, maxDepth) {
  const k = r.int(depth >= maxDepth ? 6 : 9);
  switch (k) {
    case 0: case 1: return randomString(r, 24);
    case 2: case 3: return randomNumber(r);
    case 4: return r.chance(0.5);
    case 5: return null;
    case 6: case 7: return randomObject(r, depth + 1, maxDepth, false);
    default: {
      const n = r.int(6);
      const a = [];
      for (let i = 0; i < n; i++) a.push(randomValue(r, depth + 1, maxDepth));
      return a;
    }
  }
}

function randomObject(r, depth, maxDepth, top, maxMembers = top ? 9 : 6) {
  const o = {};
  const n = r.int(maxMembers + 1);
  for (let i = 0; i < n; i++) o[randomKey(r, top)] = randomValue(r, depth, maxDepth);
  return o;
}

function randomSecret(r) {
  const band = r.int(3);
  const len = band === 0 ? r.range(1, 32) : band === 1 ? r.range(33, 128) : r.range(129, 300);
  const unicode = r.chance(0.5);
  let s = '';
  for (let i = 0; i < len; i++) {
    s += String.fromCodePoint(unicode ? randomCodePoint(r, { allowNul: true }) : r.range(0x20, 0x7e));
  }
  return s;
}

// Fixed edge payloads placed before the random ones.
function edgePayloads() {
  let deep = 'bottom';
  for (let i = 0; i < 63; i++) deep = i % 2 ? { d: deep } : [deep]; // top object + 63 = depth 64 (the limit)
  return [
    {},
    { '': '' },
    { b: 1, 2: 2, a: 3, 1: 4, 10: 5, '-1': 6, '01': 7, 4294967294: 8, 4294967295: 9 },
    { deep },
    { long: 'x\u{1F600}\u2028"\\'.repeat(4000) },
    { nums: SPECIAL_NUMBERS },
    { tricky: TRICKY_STRINGS },
    { nested: { a: [[], {}, [[[]]], [{}], { '': { '': [] } }] } },
  ];
}

const N_RANDOM = 1200;
const CASES = (() => {
  const r = rngFor('cases');
  const out = [];
  const payloads = [...edgePayloads()];
  while (payloads.length < N_RANDOM + edgePayloads().length) payloads.push(randomObject(r, 1, r.range(1, 5), true));
  payloads.forEach((payload, i) => out.push({ i, payload, secret: randomSecret(r), alg: ALGS[i % 3] }));
  return out;
})();

// ---------------------------------------------------------------------------
// 1. Sign/verify parity
// ---------------------------------------------------------------------------

// Whether a value holds, in a member name or a string, a character the C
// core warns about (hidden_characters): C0 controls but newline and tab,
// DEL, C1 controls, bidi and invisible format characters.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;
function hasHidden(v) {
  if (typeof v === 'string') return HIDDEN.test(v);
  if (v === null || typeof v !== 'object') return false;
  return Object.entries(v).some(([k, x]) => HIDDEN.test(k) || hasHidden(x));
}

test('random payloads: kit.sign == jsonwebtoken.sign byte for byte; cross-verification with jsonwebtoken and jose', async (t) => {
  t.diagnostic(SEED_TAG);
  const stats = { cases: 0, longSecrets: 0, unicodeSecrets: 0, perAlg: { HS256: 0, HS384: 0, HS512: 0 }, shortKeyWarnings: 0 };

  for (const { i, payload, secret, alg } of CASES) {
    const ctx = `[${SEED_TAG} case=${i} alg=${alg}]`;
    const key = utf8(secret);
    try {
      const expected = roundTrip(payload);

      // (1) byte-identical to jsonwebtoken
      const ours = kit.sign(payload, secret, { alg });
      const theirs = jwt.sign(payload, secret, { algorithm: alg, noTimestamp: true });
      assert.equal(ours, theirs, `kit.sign differs from jsonwebtoken.sign ${ctx}`);

      // (2) jsonwebtoken and jose accept our token
      const j = jwtOutcome(ours, secret);
      assert.ok(j.ok, `jsonwebtoken.verify refused our token: ${j.err?.message} ${ctx}`);
      assert.deepEqual(j.payload, expected, `jsonwebtoken payload differs ${ctx}`);
      const jv = await jose.jwtVerify(ours, key, { algorithms: [alg] });
      assert.deepEqual(jv.payload, expected, `jose payload differs ${ctx}`);
      assert.deepEqual(jv.protectedHeader, { alg, typ: 'JWT' }, `jose header differs ${ctx}`);

      // (3) kit.verify accepts jsonwebtoken's and jose's tokens
      const joseToken = await new jose.SignJWT(payload).setProtectedHeader({ alg }).sign(key);
      for (const [who, token, header] of [['jsonwebtoken', theirs, { alg, typ: 'JWT' }], ['jose', joseToken, { alg }]]) {
        const v = kit.verify(token, secret, { algorithms: [alg] });
        assert.deepEqual(v.errors, [], `kit.verify errors on ${who} token ${ctx}`);
        assert.equal(v.valid, true, `kit.verify refused ${who} token ${ctx}`);
        assert.equal(v.alg, alg, `alg ${ctx}`);
        assert.deepEqual(v.header, header, `kit.verify header of ${who} token ${ctx}`);
        assert.deepEqual(v.payload, expected, `kit.verify payload of ${who} token ${ctx}`);
        // The only warnings possible here: a secret shorter than the hash
        // output, and a control, bidi or invisible character in a member
        // name or string (src/core/hidden.c oojwt_cp_hidden).
        const isShort = key.length < HASH_BYTES[alg];
        const want = [...(isShort ? ['short_key'] : []), ...(hasHidden(payload) ? ['hidden_characters'] : [])];
        assert.deepEqual(codes(v.warnings).sort(), want.sort(), `warnings ${ctx} (secret ${key.length} bytes)`);
        if (isShort) stats.shortKeyWarnings++;
      }

      // The wrong secret is refused by both sides.
      const wrong = kit.verify(ours, `${secret}!`);
      assert.equal(wrong.valid, false, `kit.verify accepted the wrong secret ${ctx}`);
      assert.deepEqual(codes(wrong.errors), ['bad_signature'], `wrong secret ${ctx}`);
      assert.equal(jwtOutcome(ours, `${secret}!`).ok, false, `jsonwebtoken accepted the wrong secret ${ctx}`);
    } catch (err) {
      if (err && typeof err.message === 'string') {
        err.message += `\n  payload: ${short(payload)}\n  secret: ${short(secret, 120)}`;
      }
      throw err;
    }
    stats.cases++;
    stats.perAlg[alg]++;
    if (utf8(secret).length > 128) stats.longSecrets++;
    if (/[^\x20-\x7e]/.test(secret)) stats.unicodeSecrets++;
  }

  t.diagnostic(`cases: ${stats.cases} (${JSON.stringify(stats.perAlg)}), secrets > 128 bytes: ${stats.longSecrets}, ` +
    `non-ASCII secrets: ${stats.unicodeSecrets}, short_key warnings seen: ${stats.shortKeyWarnings}`);
  assert.ok(stats.cases >= 1000, `at least 1000 cases [${SEED_TAG}]`);
  assert.ok(stats.longSecrets >= 100, `enough secrets longer than a hash block [${SEED_TAG}]`);
});

// ---------------------------------------------------------------------------
// 2. Single-character mutations
// ---------------------------------------------------------------------------

// Replacement classes, cycled: another base64url character, a dot, '=',
// a space, a non-ASCII character. Insertions cycle through the same.
const NON_ASCII = ['é', '\u00a0', 'Ａ', '\u{1F600}', '\u2028'];

function mutationsOf(token, pos, counter) {
  const out = [];
  const c = token[pos];
  const other = B64URL[(B64URL.indexOf(c) + 1 + (counter % 63)) % 64]; // != c when c is base64url
  const candidates = [
    c === other ? 'A' : other,
    '.', '=', ' ', NON_ASCII[counter % NON_ASCII.length],
  ];
  for (const rep of candidates) {
    if (rep !== c) out.push(['replace', token.slice(0, pos) + rep + token.slice(pos + 1)]);
  }
  out.push(['delete', token.slice(0, pos) + token.slice(pos + 1)]);
  return out;
}

test('every single-character replacement, deletion and insertion is refused', (t) => {
  t.diagnostic(SEED_TAG);
  const r = rngFor('mutations');
  const tokens = [];
  for (let i = 0; i < 36; i++) {
    const alg = ALGS[i % 3];
    const secret = randomSecret(r);
    const payload = randomObject(r, 1, 2, true, 4);
    const token = i < 30
      ? kit.sign(payload, secret, { alg })
      : resign(`${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`, secret, alg);
    // sanity: the unmutated token is valid for both
    assert.equal(kit.verify(token, secret).valid, true, `[${SEED_TAG} token=${i}] ${token}`);
    assert.equal(jwtOutcome(token, secret).ok, true, `[${SEED_TAG} token=${i}] ${token}`);
    tokens.push({ i, alg, secret, token, jwtKey: createSecretKey(Buffer.from(secret, 'utf8')) });
  }

  let checked = 0;
  const byKind = { replace: 0, delete: 0, insert: 0 };
  const kitAccepted = [];
  const jwtAccepted = [];
  const insertChars = [...B64URL.slice(0, 8), '.', '=', ' ', ...NON_ASCII];
  let counter = 0;

  for (const { i, secret, token, jwtKey } of tokens) {
    const check = (kind, pos, m) => {
      checked++;
      byKind[kind]++;
      const v = kit.verify(m, secret);
      if (v.valid !== false || v.errors.length === 0) kitAccepted.push({ token: i, kind, pos, m });
      // jsonwebtoken with the same secret (as a KeyObject, only to skip its
      // PEM probing on every call).
      let ok = false;
      try { jwt.verify(m, jwtKey); ok = true; } catch { /* refused */ }
      if (ok) jwtAccepted.push({ token: i, kind, pos, m });
    };
    for (let pos = 0; pos < token.length; pos++, counter++) {
      for (const [kind, m] of mutationsOf(token, pos, counter)) check(kind, pos, m);
    }
    for (let pos = 0; pos <= token.length; pos++, counter++) {
      const ins = insertChars[counter % insertChars.length];
      check('insert', pos, token.slice(0, pos) + ins + token.slice(pos));
      if (ins !== 'A') check('insert', pos, `${token.slice(0, pos)}A${token.slice(pos)}`);
    }
  }

  t.diagnostic(`mutated tokens: ${tokens.length}, mutations checked: ${checked} ` +
    `(replace ${byKind.replace}, delete ${byKind.delete}, insert ${byKind.insert})`);
  assert.deepEqual(kitAccepted.slice(0, 5), [], `kit.verify accepted ${kitAccepted.length} mutated tokens [${SEED_TAG}]`);
  // jsonwebtoken HMACs the signing input *as text* and compares the
  // signature *as text* (jwa: timingSafeEqual(Buffer.from(sig), ...)), so
  // no textual change can survive it: the set of single-character
  // mutations that jsonwebtoken accepts and oojwt refuses is empty. The
  // class where the two do differ -- non-canonical base64url that is
  // re-signed -- is asserted explicitly in its own test below.
  assert.deepEqual(jwtAccepted.slice(0, 5), [], `jsonwebtoken accepted ${jwtAccepted.length} mutated tokens [${SEED_TAG}]`);
  assert.ok(checked >= 30 * 100, `enough mutations [${SEED_TAG}]`);
});

// ---------------------------------------------------------------------------
// 3. exp / nbf against jsonwebtoken
// ---------------------------------------------------------------------------

test('exp/nbf decisions equal jsonwebtoken across a sweep of claims, clocks and tolerances', (t) => {
  t.diagnostic(SEED_TAG);
  const r = rngFor('time');
  const base = 1_600_000_000 + r.int(200_000_000);
  t.diagnostic(`base time: ${base}`);
  const secret = 'time-sweep-secret-0123456789abcdef';
  const jwtKey = createSecretKey(Buffer.from(secret, 'utf8'));
  const CLAIM_OFFSETS = [-61, -60.5, -60, -59.999, -1, -0.5, 0, 0.5, 1, 59, 60, 61];
  const NOW_OFFSETS = [-121, -60, -59.5, -1, -0.5, -0.001, 0, 0.001, 0.25, 0.5, 1, 59.999, 60, 60.5, 61, 121];
  const TOLERANCES = [0, 0.5, 1, 30, 60, 120];

  const claimSets = [{}];
  for (const o of CLAIM_OFFSETS) claimSets.push({ exp: base + o }, { nbf: base + o });
  for (const e of CLAIM_OFFSETS) for (const n of CLAIM_OFFSETS) claimSets.push({ nbf: base + n, exp: base + e });

  let compared = 0;
  const tally = { valid: 0, expired: 0, not_yet_valid: 0, both: 0 };

  const compare = (claims, now, clockTolerance, alg) => {
    const ctx = `[${SEED_TAG} claims=${JSON.stringify(claims)} now=${now} clockTolerance=${clockTolerance}]`;
    const token = kit.sign({ sub: 'sweep', ...claims }, secret, { alg });
    const ours = kit.verify(token, secret, { now, clockTolerance });
    const ourCodes = codes(ours.errors);
    for (const c of ourCodes) assert.ok(c === 'expired' || c === 'not_yet_valid', `unexpected code ${c} ${ctx}`);

    const full = jwtOutcome(token, jwtKey, { clockTimestamp: now, clockTolerance });
    assert.equal(ours.valid, full.ok, `valid differs (jsonwebtoken: ${full.ok ? 'ok' : full.err.name}) ${ctx}`);
    if (!full.ok) {
      const want = { NotBeforeError: 'not_yet_valid', TokenExpiredError: 'expired' }[full.err.name];
      assert.ok(want, `jsonwebtoken failed for another reason: ${full.err.name}: ${full.err.message} ${ctx}`);
      assert.ok(ourCodes.includes(want), `our errors ${JSON.stringify(ourCodes)} lack ${want} ${ctx}`);
    }
    // jsonwebtoken stops at the first failure (nbf before exp); we report
    // all. Ask it about each claim on its own and compare the whole set.
    const expOnly = 'exp' in claims && 'nbf' in claims
      ? jwtOutcome(token, jwtKey, { clockTimestamp: now, clockTolerance, ignoreNotBefore: true }) : full;
    const nbfOnly = 'exp' in claims && 'nbf' in claims
      ? jwtOutcome(token, jwtKey, { clockTimestamp: now, clockTolerance, ignoreExpiration: true }) : full;
    assert.equal(ourCodes.includes('expired'), !expOnly.ok && expOnly.err.name === 'TokenExpiredError', `exp decision ${ctx}`);
    assert.equal(ourCodes.includes('not_yet_valid'), !nbfOnly.ok && nbfOnly.err.name === 'NotBeforeError', `nbf decision ${ctx}`);
    compared++;
    if (ours.valid) tally.valid++;
    if (ourCodes.includes('expired') && ourCodes.includes('not_yet_valid')) tally.both++;
    else if (ourCodes.length) tally[ourCodes[0]]++;
  };

  for (const claims of claimSets) {
    for (const n of NOW_OFFSETS) {
      for (const tol of TOLERANCES) compare(claims, base + n, tol, ALGS[compared % 3]);
    }
  }
  // Random fractional points, including claims far from `now`.
  for (let k = 0; k < 2000; k++) {
    const claims = {};
    const off = () => (r.next() - 0.5) * (r.chance(0.5) ? 4 : 400);
    if (r.chance(0.7)) claims.exp = base + off();
    if (r.chance(0.7)) claims.nbf = base + off();
    compare(claims, base + off(), r.pick([...TOLERANCES, r.next() * 10]), ALGS[k % 3]);
  }

  t.diagnostic(`time decisions compared: ${compared} (${JSON.stringify(tally)})`);
  assert.ok(tally.valid > 0 && tally.expired > 0 && tally.not_yet_valid > 0 && tally.both > 0,
    `sweep must exercise every outcome ${JSON.stringify(tally)} [${SEED_TAG}]`);
});

// ---------------------------------------------------------------------------
// 4. Documented differences (intended strictness)
// ---------------------------------------------------------------------------

const HEADER = '{"alg":"HS256","typ":"JWT"}';
const SECRET = 'documented-difference-secret-0123456789';

test('difference: exp/nbf given as strings -- jsonwebtoken "invalid exp value", oojwt bad_claim', (t) => {
  t.diagnostic(SEED_TAG);
  const token = handToken(HEADER, '{"sub":"x","exp":"2000000000"}', SECRET);
  const j = jwtOutcome(token, SECRET, { clockTimestamp: 1_700_000_000 });
  assert.equal(j.ok, false);
  assert.equal(j.err.name, 'JsonWebTokenError');
  assert.equal(j.err.message, 'invalid exp value');
  const v = kit.verify(token, SECRET, { now: 1_700_000_000 });
  assert.equal(v.valid, false);
  assert.deepEqual(codes(v.errors), ['bad_claim']);

  const tokenNbf = handToken(HEADER, '{"sub":"x","nbf":"1"}', SECRET);
  assert.equal(jwtOutcome(tokenNbf, SECRET).err?.message, 'invalid nbf value');
  assert.deepEqual(codes(kit.verify(tokenNbf, SECRET).errors), ['bad_claim']);

  // Both refuse to sign it.
  assert.throws(() => jwt.sign({ exp: '2000000000' }, SECRET, { noTimestamp: true }), /"exp" should be a number of seconds/);
  assert.throws(() => kit.sign({ exp: '2000000000' }, SECRET), (e) => e instanceof OojwtError && e.code === 'bad_claim');
});

test('difference: iat as a string -- jsonwebtoken accepts, oojwt bad_claim (strict)', (t) => {
  t.diagnostic(SEED_TAG);
  const token = handToken(HEADER, '{"sub":"x","iat":"1700000000"}', SECRET);
  const j = jwtOutcome(token, SECRET);
  assert.equal(j.ok, true, 'jsonwebtoken.verify does not check the type of iat (only with maxAge)');
  assert.deepEqual(j.payload, { sub: 'x', iat: '1700000000' });
  const v = kit.verify(token, SECRET);
  assert.equal(v.valid, false);
  assert.deepEqual(codes(v.errors), ['bad_claim']);
  assert.deepEqual(v.payload, { sub: 'x', iat: '1700000000' }, 'the payload is still reported');
  // Signing: jsonwebtoken validates iat too (its only sign-side check); so do we.
  assert.throws(() => kit.sign({ iat: '1700000000' }, SECRET), (e) => e instanceof OojwtError && e.code === 'bad_claim');
});

test('difference: lone surrogates -- jsonwebtoken signs and verifies, oojwt bad_json', (t) => {
  t.diagnostic(SEED_TAG);
  for (const s of ['\ud800', '\udc00', 'a\udbff', '\udc00\ud800', '\u{1F600}'.slice(0, 1)]) {
    const payload = { s };
    const token = jwt.sign(payload, SECRET, { noTimestamp: true });
    assert.deepEqual(jwt.verify(token, SECRET), payload, 'jsonwebtoken round-trips the lone surrogate');
    assert.throws(() => kit.sign(payload, SECRET), (e) => e instanceof OojwtError && e.code === 'bad_json',
      `kit.sign(${JSON.stringify(payload)})`);
    const v = kit.verify(token, SECRET);
    assert.equal(v.valid, false);
    assert.deepEqual(codes(v.errors), ['bad_json'], JSON.stringify(v.errors));
  }
});

test('difference: U+0000 in a string -- jsonwebtoken signs and verifies, oojwt bad_json', (t) => {
  t.diagnostic(SEED_TAG);
  const payload = { s: 'a\u0000b' };
  const token = jwt.sign(payload, SECRET, { noTimestamp: true });
  assert.deepEqual(jwt.verify(token, SECRET), payload);
  assert.throws(() => kit.sign(payload, SECRET), (e) => e instanceof OojwtError && e.code === 'bad_json');
  assert.deepEqual(codes(kit.verify(token, SECRET).errors), ['bad_json']);
});

test('difference: nesting deeper than OOJWT_JSON_MAX_DEPTH (64) -- jsonwebtoken signs, oojwt too_deep', (t) => {
  t.diagnostic(SEED_TAG);
  let deep = 1;
  for (let i = 0; i < 63; i++) deep = [deep];
  const atLimit = { d: deep }; // depth 64
  assert.equal(kit.sign(atLimit, SECRET), jwt.sign(atLimit, SECRET, { noTimestamp: true }));
  const over = { d: [deep] }; // depth 65
  const token = jwt.sign(over, SECRET, { noTimestamp: true });
  assert.deepEqual(jwt.verify(token, SECRET), over);
  assert.throws(() => kit.sign(over, SECRET), (e) => e instanceof OojwtError && e.code === 'too_deep');
  assert.deepEqual(codes(kit.verify(token, SECRET).errors), ['too_deep']);
});

test('difference: an empty secret -- oojwt empty_key (jsonwebtoken refuses too, with a generic error)', (t) => {
  t.diagnostic(SEED_TAG);
  const token = kit.sign({ sub: 'x' }, SECRET);
  for (const empty of ['', new Uint8Array(0)]) {
    const v = kit.verify(token, empty);
    assert.equal(v.valid, false);
    assert.deepEqual(codes(v.errors), ['empty_key']);
    assert.throws(() => kit.sign({ sub: 'x' }, empty), (e) => e instanceof OojwtError && e.code === 'empty_key');
  }
  assert.throws(() => jwt.sign({ sub: 'x' }, '', { noTimestamp: true }), /secretOrPrivateKey must have a value/);
  assert.throws(() => jwt.verify(token, ''), /secret or public key must be provided/);
});

test('difference: non-canonical base64url (re-signed) -- jsonwebtoken accepts, oojwt bad_base64', (t) => {
  t.diagnostic(SEED_TAG);
  // Flip unused low bits of the last character of a segment, then MAC the
  // altered text so that the signature is right. jsonwebtoken decodes with
  // Buffer.from(..., 'base64'), which ignores those bits; oojwt insists on
  // the canonical encoding (intended strictness, see oojwt_b64url_decode).
  const r = rngFor('noncanonical');
  const nonCanonical = (seg) => {
    const unused = { 2: 4, 3: 2 }[seg.length % 4];
    if (!unused) return null;
    const v = B64URL.indexOf(seg[seg.length - 1]);
    const low = 1 + r.int((1 << unused) - 1); // non-zero
    return seg.slice(0, -1) + B64URL[(v & ~((1 << unused) - 1)) | low];
  };
  let payloadCases = 0;
  let headerCases = 0;
  let signatureCases = 0;
  for (const { i, payload, secret, alg } of CASES.slice(0, 300)) {
    const ctx = `[${SEED_TAG} case=${i} alg=${alg}]`;
    const token = kit.sign(payload, secret, { alg });
    const [h, p, s] = token.split('.');
    const expected = roundTrip(payload);

    const p2 = nonCanonical(p);
    if (p2) {
      const m = resign(`${h}.${p2}`, secret, alg);
      const j = jwtOutcome(m, secret);
      assert.ok(j.ok, `jsonwebtoken should accept non-canonical payload bits ${ctx}`);
      assert.deepEqual(j.payload, expected, ctx);
      const v = kit.verify(m, secret);
      assert.equal(v.valid, false, ctx);
      assert.ok(codes(v.errors).includes('bad_base64'), `${JSON.stringify(v.errors)} ${ctx}`);
      payloadCases++;
    }
    // A header with an extra member so that its segment has unused bits.
    const hj = JSON.stringify({ alg, typ: 'JWT', x: 'y'.repeat(1 + (i % 3)) });
    const hs = Buffer.from(hj).toString('base64url');
    const h2 = nonCanonical(hs);
    if (h2) {
      assert.equal(kit.verify(resign(`${hs}.${p}`, secret, alg), secret).valid, true, ctx);
      const m = resign(`${h2}.${p}`, secret, alg);
      assert.ok(jwtOutcome(m, secret).ok, `jsonwebtoken should accept non-canonical header bits ${ctx}`);
      assert.ok(codes(kit.verify(m, secret).errors).includes('bad_base64'), ctx);
      headerCases++;
    }
    // In the signature both refuse: jsonwebtoken compares the text.
    const s2 = nonCanonical(s);
    if (s2) {
      const m = `${h}.${p}.${s2}`;
      assert.equal(jwtOutcome(m, secret).ok, false, ctx);
      assert.equal(kit.verify(m, secret).valid, false, ctx);
      signatureCases++;
    }
  }
  // Padding: both refuse (jws' token regex has no '=').
  const [h, p] = kit.sign({ a: 1 }, SECRET).split('.');
  const padded = resign(`${h}.${p}${'='.repeat((4 - (p.length % 4)) % 4)}`, SECRET, 'HS256');
  assert.equal(jwtOutcome(padded, SECRET).ok, false);
  assert.deepEqual(codes(kit.verify(padded, SECRET).errors), ['bad_base64']);

  t.diagnostic(`non-canonical: payload ${payloadCases}, header ${headerCases}, signature ${signatureCases}`);
  assert.ok(payloadCases > 50 && headerCases > 50 && signatureCases > 50, `[${SEED_TAG}]`);
});
