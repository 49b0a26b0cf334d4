// The Document Server reference and the seeded token generator, shared by
// tests/ds_profile.test.mjs (which compares the DS profile with jsonwebtoken
// on the Node that runs it) and tests/gen/ds_jsonparse.mjs (which records
// jsonwebtoken's SyntaxError messages under Document Server's Node in
// tests/vectors/ds_jsonparse.json).
import { createHmac, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { NOW, SECRET, b64u } from './common.mjs';

const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
export const mac = (input, secret, alg) => createHmac(HASH[alg], Buffer.from(secret, 'utf8')).update(input).digest('base64url');

/**
 * What DS's jsonwebtoken call does with the token at clock `now`: DS passes
 * no clockTimestamp, so jsonwebtoken uses Math.floor(Date.now() / 1000);
 * the reference gets that floored value (a fractional clockTimestamp would
 * be used as is, which DS never does). Then what DS's callers of
 * DocsCoServer.js checkJwt do with the value it returns: they test
 * checkJwtRes.decoded for truth, so a false-like payload (0, false, "")
 * is refused with no error thrown (name and message null).
 */
export function reference(token, secret, now, tolerance = 60) {
  try {
    const d = jwt.verify(token, createSecretKey(Buffer.from(secret, 'utf8')),
      { clockTolerance: tolerance, clockTimestamp: Math.floor(now), complete: true });
    if (!d.payload) return { valid: false, name: null, message: null, payload: d.payload };
    return { valid: true, header: d.header, payload: d.payload };
  } catch (e) {
    return { valid: false, name: e.name, message: e.message };
  }
}

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

export function randomCase(rnd) {
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
