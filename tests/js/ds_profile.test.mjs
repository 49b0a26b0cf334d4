// The Document Server profile against the real thing: jsonwebtoken 9.0.2
// called exactly as DS calls it,
//   jwt.verify(token, crypto.createSecretKey(Buffer.from(secret, 'utf8')), { clockTolerance: 60 })
// (plus clockTimestamp, so that both sides read the same clock). First the
// HMAC rows of Table A (tests/vectors/ds_profile.json: recipe + the
// outcome the landscape study measured), then seeded random tokens,
// mutations and clocks. Accept/reject, error class, message and the
// decoded header/payload must all agree. Set DS_SEED to replay a run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { kit, NOW, SECRET, readVector } from '../helpers/common.mjs';

const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const b64u = (b) => Buffer.from(b).toString('base64url');
const mac = (input, secret, alg) => createHmac(HASH[alg], Buffer.from(secret, 'utf8')).update(input).digest('base64url');

/**
 * What DS's jsonwebtoken call does with the token at clock `now`: DS passes
 * no clockTimestamp, so jsonwebtoken uses Math.floor(Date.now() / 1000);
 * the reference gets that floored value (a fractional clockTimestamp would
 * be used as is, which DS never does).
 */
function reference(token, secret, now, tolerance = 60) {
  try {
    const d = jwt.verify(token, createSecretKey(Buffer.from(secret, 'utf8')),
      { clockTolerance: tolerance, clockTimestamp: Math.floor(now), complete: true });
    return { valid: true, header: d.header, payload: d.payload };
  } catch (e) {
    return { valid: false, name: e.name, message: e.message };
  }
}

function ours(token, secret, now, tolerance = 60) {
  const opts = { profile: 'onlyoffice', now };
  if (tolerance !== 60) opts.clockTolerance = tolerance;
  return kit.verify(token, secret, opts);
}

/** Same decision, same error, same decoded values. */
function agree(token, secret, now, tolerance, label) {
  const want = reference(token, secret, now, tolerance);
  const got = ours(token, secret, now, tolerance);
  const shown = token.length > 300 ? `${token.slice(0, 300)}... (${token.length} chars)` : token;
  const where = `${label}\ntoken: ${JSON.stringify(shown)}\nsecret: ${JSON.stringify(secret)} now ${now} tolerance ${tolerance}`;
  if (got.valid !== want.valid) {
    assert.fail(`${where}\nwant ${want.valid ? 'accepted' : `${want.name}: ${want.message}`}\ngot ${got.valid ? 'accepted' : `${got.serverError}: ${got.serverMessage}`}`);
  }
  if (want.valid) {
    assert.equal(got.serverMessage, null, where);
    assert.deepEqual(got.header, want.header, where);
    // Values nested 1e5 deep are past what deepEqual can recurse into.
    if (token.length < 100000) assert.deepEqual(got.payload, want.payload, where);
    else assert.equal(got.payload.sub, want.payload.sub, where);
  } else {
    assert.equal(got.serverError, want.name, where);
    assert.equal(got.serverMessage, want.message, where);
    assert.equal(got.closeCode, want.name === 'TokenExpiredError' ? 4005 : want.name === 'JsonWebTokenError' ? 4006 : null, where);
    assert.equal(got.errors.length, 1, where);
  }
  return { want, got };
}

// ---- Table A ---------------------------------------------------------------

function relative(v) {
  if (typeof v !== 'string') return v;
  const m = /^now([+-][\d.]+)?$/.exec(v);
  return m ? NOW + (m[1] ? Number(m[1]) : 0) : v;
}

function buildVector(v) {
  const secret = v.secret ?? SECRET;
  const alg = v.alg ?? 'HS256';
  const headerText = v.headerText ?? JSON.stringify({ alg, typ: 'JWT' });
  let payloadBytes;
  if (v.payloadHex) payloadBytes = Buffer.from(v.payloadHex, 'hex');
  else if (v.payloadText) payloadBytes = Buffer.from(v.payloadText);
  else {
    const p = Object.fromEntries(Object.entries(v.payload ?? { sub: 'u', iat: 'now-10', exp: 'now+3600' })
      .map(([k, x]) => [k, relative(x)]));
    if (p.blob === '8MiB') p.blob = 'x'.repeat(8 * 1024 * 1024);
    let text = JSON.stringify(p);
    if (typeof p.deep === 'number') {
      text = text.replace(`"deep":${p.deep}`, `"deep":${'['.repeat(p.deep)}${']'.repeat(p.deep)}`);
    }
    payloadBytes = Buffer.from(text);
  }
  let h = b64u(headerText);
  let p = b64u(payloadBytes);
  if (v.mutate === 'pad-header-signed') h += '='.repeat((4 - (h.length % 4)) % 4 || 2);
  if (v.mutate === 'noncanonical-payload-signed') {
    // Bump the spare bits of the last character (payload length must not be 3n).
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(p[p.length - 1]);
    assert.ok(p.length % 4 !== 0, 'recipe needs a payload with spare bits');
    p = p.slice(0, -1) + alphabet[last + 1];
  }
  const input = `${h}.${p}`;
  let sig = mac(input, secret, alg);
  let token = `${input}.${sig}`;
  switch (v.mutate) {
    case 'pad-signature': token += '='; break;
    case 'noncanonical-signature': {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      sig = sig.slice(0, -1) + alphabet[alphabet.indexOf(sig[sig.length - 1]) + 1];
      token = `${input}.${sig}`;
      break;
    }
    case 'leading-space': token = ` ${token}`; break;
    case 'trailing-newline': token += '\n'; break;
    case 'trailing-crlf': token += '\r\n'; break;
    case 'inner-newline': token = `${h}.${p.slice(0, 5)}\n${p.slice(5)}.${sig}`; break;
    case 'bearer': token = `Bearer ${token}`; break;
    case 'empty-signature': token = `${input}.`; break;
    case 'truncate-signature-4': token = token.slice(0, -4); break;
    case 'signature-16-bytes': token = `${input}.${b64u(Buffer.from(sig, 'base64url').subarray(0, 16))}`; break;
    case 'signature-plus-slash': token = `${input}.${Buffer.from(sig, 'base64url').toString('base64').replace(/=+$/, '')}`;
      if (!/[+/]/.test(token)) token = `${input}.+/${sig.slice(2)}`;
      break;
    case 'append-dot-x': token += '.x'; break;
    case 'five-segments': token = `${token}.${p}.${sig}`; break;
    default: break;
  }
  return { token, secret };
}

const table = readVector('ds_profile.json');

test(`Table A (${table.tests.length} HMAC rows and extra cases): the DS profile, jsonwebtoken as DS calls it, and the recorded outcome agree`, () => {
  for (const v of table.tests) {
    const { token, secret } = buildVector(v);
    const label = `Table A row ${v.id} (${v.case})`;
    const { got } = agree(token, secret, NOW, 60, label);
    if (v.expect.ok) {
      assert.equal(got.valid, true, label);
      if (v.expect.sub !== undefined) assert.equal(got.payload.sub, v.expect.sub, label);
    } else {
      assert.equal(got.valid, false, label);
      assert.equal(got.serverError, v.expect.name, label);
      assert.equal(got.serverMessage, v.expect.message, label);
    }
    if (v.warn) assert.ok(got.warnings.some((w) => w.code === v.warn), `${label}: warning ${v.warn} in ${JSON.stringify(got.warnings)}`);
    if (v.difference) {
      assert.ok(got.differences.some((d) => d.code === v.difference),
        `${label}: difference ${v.difference} in ${JSON.stringify(got.differences)}`);
    }
  }
});

test('the profile reports where the strict profile decides otherwise', () => {
  const exp30 = buildVector({ payload: { sub: 'u', exp: 'now-30' } });
  const r = ours(exp30.token, exp30.secret, NOW);
  assert.equal(r.valid, true);
  assert.deepEqual(r.differences.map((d) => d.code), ['expired'], 'strict, with its own default tolerance 0, refuses');
  const same = kit.verify(exp30.token, exp30.secret, { profile: 'onlyoffice', now: NOW, clockTolerance: 60 });
  assert.deepEqual(same.differences, [], 'with the tolerance given, both use it');
  const dupe = buildVector({ payloadText: '{"sub":"alice","sub":"admin"}' });
  const d = ours(dupe.token, dupe.secret, NOW);
  assert.deepEqual(d.differences.map((x) => x.code), ['duplicate_member']);
  assert.deepEqual(d.warnings.map((x) => x.code), ['duplicate_last_wins']);
  const noncanon = buildVector({ mutate: 'noncanonical-signature' });
  const n = ours(noncanon.token, noncanon.secret, NOW);
  assert.equal(n.valid, false);
  assert.equal(n.differences.length, 0, 'both refuse');
  const fine = buildVector({});
  const f = ours(fine.token, fine.secret, NOW);
  assert.equal(f.valid, true);
  assert.deepEqual(f.differences, []);
  assert.deepEqual(f.warnings, []);
  assert.equal(f.profile, 'onlyoffice');
});

test('profile option: default tolerance 60 unless given; TypeErrors; strict stays the default', () => {
  const t = buildVector({ payload: { sub: 'u', exp: 'now-30' } }).token;
  assert.equal(kit.verify(t, SECRET, { profile: 'onlyoffice', now: NOW }).valid, true);
  assert.equal(kit.verify(t, SECRET, { profile: 'onlyoffice', now: NOW, clockTolerance: 0 }).valid, false);
  assert.equal(kit.verify(t, SECRET, { now: NOW }).valid, false);
  assert.equal(kit.verify(t, SECRET, { profile: 'strict', now: NOW, clockTolerance: 60 }).valid, true);
  assert.throws(() => kit.verify(t, SECRET, { profile: 'jose' }), TypeError);
  assert.throws(() => kit.verify(t, SECRET, { profile: 'onlyoffice', algorithms: ['RS256'] }), TypeError);
  assert.throws(() => kit.verify(t, { kty: 'oct', k: 'a2traw' }, { profile: 'onlyoffice' }), TypeError);
  assert.throws(() => kit.verify(t, SECRET, { profile: 'onlyoffice', clockTolerance: '60' }), TypeError);
  const hs512 = buildVector({ alg: 'HS512' }).token;
  const r = kit.verify(hs512, SECRET, { profile: 'onlyoffice', now: NOW, algorithms: ['HS256'] });
  assert.equal(r.serverMessage, 'invalid algorithm');
  // now is floored as jsonwebtoken floors Date.now() / 1000.
  const e = buildVector({ payloadText: `{"exp":${NOW - 60}}` }).token;
  assert.equal(kit.verify(e, SECRET, { profile: 'onlyoffice', now: NOW + 0.99 }).serverMessage, 'jwt expired');
  assert.equal(kit.verify(e, SECRET, { profile: 'onlyoffice', now: NOW - 0.01 }).valid, true);
});

// ---- seeded random differential -------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = process.env.DS_SEED !== undefined ? Number(process.env.DS_SEED) : (Date.now() ^ (process.pid << 8)) >>> 0;
console.log(`# ds_profile differential seed: ${SEED} (replay with DS_SEED=${SEED})`);

const JSON_NOISE = ['{', '}', '[', ']', '"', ':', ',', '\\', '\\u', '\\uD800', '\\x', '0', '01', '-', '-a', '1.', '1e', '1e+',
  'true', 'tru', 'nul', 'null', 'NaN', ' ', '\n', '\t', '\u0001', '\u0000', 'é', '€', '😀', '\ud83d', 'x', '"a":1', ',"a":2',
  '"exp":', '"nbf":', '"alg":', '"typ":"JWT"', '"crit":[]'];
const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/. \n\r\t';

function randomValue(rnd, depth = 0) {
  const k = Math.floor(rnd() * (depth > 2 ? 5 : 7));
  switch (k) {
    case 0: return Math.floor(rnd() * 1e6) - 5e5;
    case 1: return rnd() < 0.5 ? 'u' : 'ключ ✓ ' + 'x'.repeat(Math.floor(rnd() * 30));
    case 2: return rnd() < 0.5;
    case 3: return null;
    case 4: return rnd() * 100;
    case 5: return [randomValue(rnd, depth + 1), randomValue(rnd, depth + 1)];
    default: return { a: randomValue(rnd, depth + 1), b: randomValue(rnd, depth + 1) };
  }
}

function randomClaims(rnd) {
  const p = { sub: 'u' };
  const pick = (x) => x[Math.floor(rnd() * x.length)];
  if (rnd() < 0.7) p.exp = NOW + pick([-3600, -61, -60.01, -60, -59.99, -59.5, -30, 0, 0.5, 59, 60, 3600]);
  if (rnd() < 0.4) p.nbf = NOW + pick([-100, 0, 30, 59, 59.99, 60, 60.01, 60.5, 61, 120]);
  if (rnd() < 0.3) p.iat = NOW + pick([-10, 3600]);
  if (rnd() < 0.2) p.exp = pick(['1', null, true, [], {}]);
  if (rnd() < 0.1) p.nbf = pick(['0', null]);
  if (rnd() < 0.5) p.extra = randomValue(rnd);
  return p;
}

function mutateText(rnd, text) {
  let s = text;
  const n = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rnd() * (s.length + 1));
    const r = rnd();
    if (r < 0.4) s = s.slice(0, at) + JSON_NOISE[Math.floor(rnd() * JSON_NOISE.length)] + s.slice(at);
    else if (r < 0.7) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 3));
    else if (r < 0.85) s = s.slice(0, at);
    else s = s.slice(0, at) + s.slice(at).replace(/./, JSON_NOISE[Math.floor(rnd() * JSON_NOISE.length)]);
  }
  return s;
}

function randomCase(rnd) {
  const pick = (x) => x[Math.floor(rnd() * x.length)];
  const alg = pick(['HS256', 'HS256', 'HS384', 'HS512', 'hs256', 'none', 'RS256']);
  const secret = pick([SECRET, SECRET, '', 'k', 'пароль', 'secret', 'secret\n']);
  const signSecret = rnd() < 0.9 ? secret : `${secret}x`;
  const header = { alg, typ: rnd() < 0.8 ? 'JWT' : pick(['jwt', 'foo', undefined]) };
  if (rnd() < 0.1) header.crit = ['foo'];
  let headerText = JSON.stringify(header);
  let payloadText = JSON.stringify(randomClaims(rnd));
  if (rnd() < 0.15) headerText = mutateText(rnd, headerText);
  if (rnd() < 0.35) payloadText = mutateText(rnd, payloadText);
  let payloadBytes = Buffer.from(payloadText);
  if (rnd() < 0.05) payloadBytes = Buffer.concat([payloadBytes.subarray(0, 5), Buffer.from([0xff, 0xc3, 0xed, 0xa0, 0x80]), payloadBytes.subarray(5)]);
  const headerBytes = rnd() < 0.05 ? Buffer.from(headerText, 'latin1') : Buffer.from(headerText);
  const h = b64u(headerBytes);
  const p = b64u(payloadBytes);
  const macAlg = HASH[alg] ? alg : 'HS256';
  let token = `${h}.${p}.${mac(`${h}.${p}`, signSecret, macAlg)}`;
  if (rnd() < 0.25) {
    const k = Math.floor(rnd() * 4);
    const at = Math.floor(rnd() * (token.length + 1));
    const c = CHARS[Math.floor(rnd() * CHARS.length)];
    if (k === 0) token = token.slice(0, at) + c + token.slice(at + 1);
    else if (k === 1) token = token.slice(0, at) + c + token.slice(at);
    else if (k === 2) token = token.slice(0, at) + token.slice(at + 1);
    else token = token.slice(0, at);
  }
  const now = NOW + pick([0, 0, 0.4, -0.6, 30, 61, -61]);
  const tolerance = rnd() < 0.8 ? 60 : pick([0, 1, 120.5]);
  return { token, secret, now, tolerance };
}

test(`seeded random tokens, mutations and clocks agree with jsonwebtoken (seed ${SEED})`, () => {
  const rnd = mulberry32(SEED);
  const N = 4000;
  const seen = new Map();
  for (let i = 0; i < N; i++) {
    const c = randomCase(rnd);
    const { want } = agree(c.token, c.secret, c.now, c.tolerance, `seed ${SEED} case ${i}`);
    const key = want.valid ? 'OK' : `${want.name}: ${want.message.replace(/ at position \d+|'.*|".*/g, '')}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  // The generator must reach every outcome class, or the run proves little.
  for (const k of ['OK', 'JsonWebTokenError: invalid signature', 'JsonWebTokenError: invalid token',
    'JsonWebTokenError: invalid algorithm', 'TokenExpiredError: jwt expired', 'SyntaxError: Unexpected token ']) {
    assert.ok(seen.has(k), `seed ${SEED}: no case ended as ${k}: ${JSON.stringify([...seen])}`);
  }
  console.log(`# outcomes (seed ${SEED}): ${JSON.stringify(Object.fromEntries(seen))}`);
});
