// The hostile-input catalogue (tests/hostile/*.json, see
// tests/hostile/README.md) as the JS runners read it: the input generators,
// and for each "entry" the kit call it names and the code read from its result
// (the same rules as tests/c/test_catalogue.c). tests/js/hostile_catalogue.test.mjs
// checks the codes; tests/js/catalogs.test.mjs renders the messages they carry.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OojwtError } from '../../web/lib/oojwt.mjs';
import { verifyChecked } from './common.mjs';

export const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'hostile');
export const NOW = 1700000000;
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
// The fixed token around the "b64url" and "json" inputs (as in test_catalogue.c).
const WRAP_HEADER = 'eyJhbGciOiJIUzI1NiJ9';
const WRAP_PAYLOAD = 'e30';
const WRAP_SIG = 'AAAA';

// ---- input generators (the same specs as the native runner) -------------

export function gen(spec) {
  if (typeof spec === 'string') return Buffer.from(spec, 'utf8');
  if (spec === null || typeof spec !== 'object') throw new Error('bad input spec: not a string or an object');
  if ('text' in spec) return Buffer.from(spec.text, 'utf8');
  if ('hex' in spec) return Buffer.from(spec.hex, 'hex');
  if ('base64' in spec) return Buffer.from(spec.base64, 'base64');
  if ('repeat' in spec) {
    const unit = gen(spec.repeat);
    return unit.length === 0 || spec.times === 0 ? Buffer.alloc(0) : Buffer.alloc(unit.length * spec.times, unit);
  }
  if ('concat' in spec) return Buffer.concat(spec.concat.map(gen));
  if ('b64url' in spec) return Buffer.from(gen(spec.b64url).toString('base64url'), 'latin1');
  if ('members' in spec) {
    const value = spec.value ?? '0';
    const parts = new Array(spec.members);
    for (let i = 0; i < spec.members; i++) parts[i] = `"m${i}":${value}`;
    return Buffer.from(parts.join(','), 'utf8');
  }
  if ('jwt' in spec) {
    const { header, payload, secret, alg = 'HS256' } = spec.jwt;
    if (!HASH[alg]) throw new Error('bad input spec: jwt.alg must be HS256, HS384 or HS512');
    const input = `${gen(header).toString('base64url')}.${gen(payload).toString('base64url')}`;
    return Buffer.from(`${input}.${createHmac(HASH[alg], gen(secret)).update(input).digest('base64url')}`, 'latin1');
  }
  throw new Error('bad input spec: no known generator (text, hex, base64, repeat, concat, b64url, members, jwt)');
}

// ignoreBOM: a leading U+FEFF stays in the string (the input is passed as it is).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// The input as the string a JS caller would pass (these entry points take text).
function text(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Error('the input is not UTF-8 text, which this entry point takes');
  }
}
// A key as web/lib/oojwt.mjs takes it: a JWK object, a string, or bytes.
export function keyOf(bytes, jwk) {
  if (jwk) {
    const t = text(bytes);
    const o = JSON.parse(t);
    assert.equal(JSON.stringify(o), t, 'a keyJwk key must be written as JSON.stringify writes it (both runners then pass the same bytes)');
    return o;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return new Uint8Array(bytes);
  }
}

// ---- the code a result stands for (the same rules as test_catalogue.c) --

const firstError = (r) => r.errors?.[0]?.code ?? 'ok';
const firstFinding = (r) => r.findings?.[0]?.code ?? 'ok';
// A thrown OojwtError is the report's {"error"}; anything else is a failure.
function coded(fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OojwtError) return e.code;
    throw e;
  }
}
// entry -> (input bytes, key, options) => code, for the kit `kit`
export const entryPointsOf = (kit) => {
  const decodeCode = (token) => coded(() => (kit.decode(token), 'ok'));
  return {
    decode: (input) => decodeCode(text(input)),
    b64url: (input) => decodeCode(`${WRAP_HEADER}.${WRAP_PAYLOAD}.${text(input)}`),
    json: (input) => decodeCode(`${WRAP_HEADER}.${input.toString('base64url')}.${WRAP_SIG}`),
    // kit.verify's result must also be the one the full report gives.
    verify: (input, key, o) => coded(() => firstError(verifyChecked(text(input), key,
      { algorithms: o.algorithms, now: o.now ?? NOW, clockTolerance: o.clockTolerance ?? 0 }, kit))),
    'verify-onlyoffice': (input, key, o) => coded(() => firstError(kit.verify(text(input), key,
      { profile: 'onlyoffice', now: o.now ?? NOW }))),
    sign: (input, key, o) => {
      const t = text(input);
      const payload = JSON.parse(t);
      assert.equal(JSON.stringify(payload), t, 'a sign input must be written as JSON.stringify writes it');
      return coded(() => (kit.sign(payload, key, { alg: o.alg ?? 'HS256' }), 'ok'));
    },
    keyInfo: (input) => coded(() => (kit.keyInfo(new Uint8Array(input)), 'ok')),
    extract: (input) => decodeCode(kit.extract(text(input)).token),
    readServerConfig: (input, key, o) => coded(() => firstFinding(kit.onlyoffice.readServerConfig(text(input),
      o.defaultJsonText !== undefined ? { defaultJsonText: o.defaultJsonText } : {}))),
    readConnectorSettings: (input) => coded(() => firstFinding(kit.onlyoffice.readConnectorSettings(text(input)))),
    inspectConfig: (input, key, o) => coded(() => firstFinding(kit.onlyoffice.inspectConfig(text(input),
      { secret: key, now: o.now ?? NOW }))),
    explainSecret: (input, key) => coded(() => {
      const r = kit.onlyoffice.explainSecret(text(input), key);
      return r.findings[0]?.code ?? (r.verifies ? 'ok' : r.variant ?? 'bad_signature');
    }),
  };
};
// The entries that need the full module (kit.onlyoffice).
export const fullOnly = new Set(['verify-onlyoffice', 'readServerConfig', 'readConnectorSettings', 'inspectConfig', 'explainSecret']);
export const takesKey = new Set(['verify', 'verify-onlyoffice', 'sign', 'inspectConfig', 'explainSecret']);

export const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
export const readFile = (f) => JSON.parse(readFileSync(join(dir, f), 'utf8'));

// The key an entry takes (undefined for entry points without one).
export function entryKey(doc, e) {
  if (!takesKey.has(doc.entry)) return undefined;
  const spec = e.key ?? doc.defaults?.key;
  assert.notEqual(spec, undefined, 'key: missing');
  return keyOf(gen(spec), e.keyJwk ?? doc.defaults?.keyJwk);
}
