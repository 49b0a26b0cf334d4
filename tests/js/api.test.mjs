// The JS API contract: shapes, defaults, TypeErrors, OojwtError codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadToolkit, OojwtError } from '../../web/lib/oojwt.mjs';
import { kit, NOW, SECRET, token, rawToken, codes, readVector } from '../helpers/common.mjs';

test('loadToolkit accepts bytes, a Module, and a URL; rejects junk', async () => {
  const url = new URL('../../web/lib/oojwt.wasm', import.meta.url);
  const bytes = readFileSync(url);
  const fromBytes = await loadToolkit({ wasm: bytes });
  const fromModule = await loadToolkit({ wasm: new WebAssembly.Module(bytes) });
  const fromUrl = await loadToolkit({ wasm: url });
  const t = fromBytes.sign({ a: 1 }, SECRET);
  assert.equal(fromModule.verify(t, SECRET).valid, true);
  assert.equal(fromUrl.verify(t, SECRET).valid, true);
  // A fetch() Response, and a path string relative to the module.
  const fromResponse = await loadToolkit({ wasm: new Response(bytes) });
  assert.equal(fromResponse.verify(t, SECRET).valid, true);
  const fromString = await loadToolkit({ wasm: './oojwt.wasm' });
  assert.equal(fromString.verify(t, SECRET).valid, true);
  assert.deepEqual([...kit.algorithms], ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512',
    'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512']);
  await assert.rejects(loadToolkit({ wasm: new Uint8Array([0, 1, 2, 3]) }), WebAssembly.CompileError);
  await assert.rejects(loadToolkit(null), TypeError);
});

test('sign defaults: HS256, typ JWT, payload as JSON.stringify writes it, no iat', () => {
  const t = kit.sign({ b: 1, a: 'x' }, SECRET);
  const [h, p] = t.split('.');
  assert.equal(Buffer.from(h, 'base64url').toString(), '{"alg":"HS256","typ":"JWT"}');
  assert.equal(Buffer.from(p, 'base64url').toString(), '{"b":1,"a":"x"}');
  assert.equal(t, token({ b: 1, a: 'x' }));
});

test('sign options: alg, header merge, iat, expiresIn', () => {
  const t = kit.sign({ sub: 'u' }, SECRET, { alg: 'HS512', header: { kid: 'k1' }, iat: true, expiresIn: '1h', now: NOW + 0.7 });
  const d = kit.decode(t);
  assert.deepEqual(d.header, { alg: 'HS512', typ: 'JWT', kid: 'k1' });
  assert.deepEqual(d.payload, { sub: 'u', iat: NOW, exp: NOW + 3600 });
  assert.equal(d.alg, 'HS512');
  const t2 = kit.sign({ sub: 'u' }, SECRET, { expiresIn: 90, now: NOW });
  assert.deepEqual(kit.decode(t2).payload, { sub: 'u', exp: NOW + 90 });
  const t3 = kit.sign({ sub: 'u' }, SECRET, { header: { typ: undefined } });
  assert.deepEqual(kit.decode(t3).header, { alg: 'HS256' });
  assert.throws(() => kit.sign({ exp: 1 }, SECRET, { expiresIn: 10 }), { name: 'OojwtError', code: 'bad_argument' });
  assert.throws(() => kit.sign({}, SECRET, { expiresIn: '10' }), TypeError);
  assert.throws(() => kit.sign({}, SECRET, { alg: 'HS256', header: { alg: 'HS384' } }), TypeError);
});

test('sign refuses the headers verify refuses: crit, and b64 other than true', () => {
  for (const header of [{ crit: ['exp'] }, { crit: [] }, { b64: false, crit: ['b64'] }, { b64: false }, { b64: 0 }]) {
    assert.throws(() => kit.sign({ sub: 'u' }, SECRET, { header }), { name: 'OojwtError', code: 'crit_unsupported' },
      JSON.stringify(header));
  }
  // What verify says of such a header, for the same code.
  assert.deepEqual(kit.verify(rawToken('{"alg":"HS256","crit":["exp"]}', '{}'), SECRET, { now: NOW }).errors.map((e) => e.code),
    ['crit_unsupported']);
  assert.deepEqual(kit.decode(kit.sign({}, SECRET, { header: { b64: true } })).header, { alg: 'HS256', typ: 'JWT', b64: true });
});

test('hidden_characters: a claim with a bidi control or an invisible character warns, in decode and verify', () => {
  // kit.decode returns no warnings; its report (kit.reports.decode) has them.
  const warned = (t) => [JSON.parse(kit.reports.decode(t)), kit.verify(t, SECRET, { now: NOW })]
    .map((r) => r.warnings.filter((w) => w.code === 'hidden_characters').length);
  assert.deepEqual(warned(token({ sub: 'user\u202e nimda' })), [1, 1]);
  assert.deepEqual(warned(rawToken('{"alg":"HS256"}', '{"sub":"ad\\u200bmin"}')), [1, 1]);
  assert.deepEqual(warned(token({ sub: 'ok' }, { header: { alg: 'HS256', typ: 'JWT\u2066' } })), [1, 1]);
  assert.deepEqual(warned(token({ sub: 'café 😀', s: 'a\\u202e', n: 'a\nb\tc' })), [0, 0]);
  assert.deepEqual(warned(token({ cr: 'a\rb' })), [1, 1]);
  const r = kit.verify(token({ sub: 'user\u202e nimda' }), SECRET, { now: NOW });
  assert.equal(r.valid, true);
  const w = r.warnings.find((x) => x.code === 'hidden_characters');
  assert.match(w.message, /payload holds 1 control, direction or invisible character \(the first is U\+202E\)/);
});

test('sign and verify reject wrong argument types with TypeError', () => {
  for (const bad of [null, 'x', 1, [1], undefined]) assert.throws(() => kit.sign(bad, SECRET), TypeError);
  for (const bad of [null, 1, {}, [], undefined, { k: 'abc' }]) {
    assert.throws(() => kit.sign({}, bad), TypeError);
    assert.throws(() => kit.verify('a.b.c', bad), TypeError);
  }
  assert.throws(() => kit.sign({}, SECRET, { alg: 'RS999' }), TypeError);
  assert.throws(() => kit.verify(1, SECRET), TypeError);
  assert.throws(() => kit.decode(null), TypeError);
  assert.throws(() => kit.verify('a.b.c', SECRET, { algorithms: [] }), TypeError);
  assert.throws(() => kit.verify('a.b.c', SECRET, { algorithms: ['hs256'] }), TypeError);
  assert.throws(() => kit.verify('a.b.c', SECRET, { clockTolerance: '60' }), TypeError);
  assert.throws(() => kit.verify('a.b.c', SECRET, { clockTolerance: -1 }), TypeError);
  assert.throws(() => kit.verify('a.b.c', SECRET, { now: NaN }), TypeError);
  assert.throws(() => kit.verify('a.b.c', SECRET, null), TypeError);
});

test('sign refuses what C refuses, with OojwtError codes', () => {
  const cases = [
    [() => kit.sign({}, ''), 'empty_key'],
    [() => kit.sign({ exp: 'soon' }, SECRET), 'bad_claim'],
    [() => kit.sign({ s: '\ud800' }, SECRET), 'bad_json'],
    [() => kit.sign({ n: Infinity }, SECRET), null], // JSON.stringify writes null: accepted
    [() => kit.sign({}, { kty: 'oct', k: 'c2VjcmV0', use: 'enc' }), 'key_mismatch'],
    // 48 bytes: an oct JWK naming HS384 holds at least that (RFC 7518 3.2).
    [() => kit.sign({}, { kty: 'oct', k: Buffer.alloc(48, 7).toString('base64url'), alg: 'HS384' }), 'key_mismatch'],
    [() => kit.sign({}, JSON.parse(readVector('asym_keys.json').keys[0].public.jwk)), 'key_mismatch'],
    // Read as the RSA key it claims to be (never as a secret), and refused.
    [() => kit.sign({}, { kty: 'RSA', n: 'AQAB', e: 'AQAB' }), 'bad_key'],
    [() => kit.sign({}, { kty: 'oct', k: 'c2VjcmV0=' }), 'bad_key'],
  ];
  for (const [fn, code] of cases) {
    if (code === null) { assert.equal(typeof fn(), 'string'); continue; }
    assert.throws(fn, (e) => e instanceof OojwtError && e instanceof Error && e.code === code, code);
  }
});

test('keys: string = UTF-8 bytes, Uint8Array = raw, JWK oct', () => {
  const secret = 'пароль-секрет';
  const t = kit.sign({ a: 1 }, secret);
  const bytes = new TextEncoder().encode(secret);
  assert.equal(kit.verify(t, bytes).valid, true);
  assert.equal(kit.verify(t, bytes.buffer).valid, true);
  assert.equal(kit.verify(t, { kty: 'oct', k: Buffer.from(bytes).toString('base64url') }).valid, true);
  assert.equal(kit.sign({ a: 1 }, bytes), t);
  assert.deepEqual(codes(kit.verify(t, 'пароль-секрет\n')), ['bad_signature']);
  // A JWK naming HS512 holds at least 64 bytes (RFC 7518 3.2; bad_key when shorter).
  const r = kit.verify(t, { kty: 'oct', k: Buffer.alloc(64, 7).toString('base64url'), alg: 'HS512' });
  assert.deepEqual(codes(r), ['key_mismatch']);
  assert.deepEqual(r.payload, { a: 1 }, 'a key problem still shows the decoded token');
  assert.deepEqual(codes(kit.verify(t, { kty: 'oct', k: 'a b' })), ['bad_key']);
});

test('verify result shape and defaults', () => {
  const t = kit.sign({ sub: 'u', exp: Math.floor(Date.now() / 1000) + 60 }, SECRET);
  const r = kit.verify(t, SECRET);
  assert.deepEqual(Object.keys(r).slice(0, 6), ['valid', 'alg', 'header', 'payload', 'errors', 'warnings']);
  assert.equal(r.valid, true);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.warnings, []);
  assert.equal(r.signingInput, t.slice(0, t.lastIndexOf('.')));
  assert.equal(r.signature, t.slice(t.lastIndexOf('.') + 1));
  // default now is the real clock: expired tokens fail without options
  const old = kit.sign({ exp: 1000 }, SECRET);
  assert.deepEqual(codes(kit.verify(old, SECRET)), ['expired']);
  // default algorithms: all HS; narrowing works
  const t512 = kit.sign({}, SECRET, { alg: 'HS512' });
  assert.equal(kit.verify(t512, SECRET).valid, true);
  assert.deepEqual(codes(kit.verify(t512, SECRET, { algorithms: ['HS256'] })), ['alg_not_allowed']);
});

test('verify never throws on bad tokens; every message is a sentence', () => {
  for (const t of ['', '.', '..', 'a.b.c', 'x'.repeat(100), '\u0000.\u0000.\u0000', 'é.é.é', 'eyJ.eyJ.', '....']) {
    const r = kit.verify(t, SECRET, { now: NOW });
    assert.equal(r.valid, false, JSON.stringify(t));
    assert.ok(r.errors.length > 0);
    for (const e of r.errors) assert.ok(typeof e.code === 'string' && e.message.length > 10, JSON.stringify(e));
  }
});

test('decode throws OojwtError with code and position; shows what it can', () => {
  assert.throws(() => kit.decode('abc'), { name: 'OojwtError', code: 'malformed' });
  const t = token({ a: 1 });
  const bad = `${t.split('.')[0]}=.${t.split('.')[1]}.${t.split('.')[2]}`;
  assert.throws(() => kit.decode(bad), (e) => e.code === 'bad_base64' && e.pos === t.indexOf('.') && /padding/.test(e.message));
  const d = kit.decode(t);
  assert.deepEqual(d.payload, { a: 1 });
  assert.equal(d.signingInput.split('.').length, 2);
});

test('warnings: short key, typ, iat in the future', () => {
  const t = token({ iat: NOW + 3600 }, { header: { alg: 'HS256', typ: 'foo' }, secret: 'short' });
  const r = kit.verify(t, 'short', { now: NOW });
  assert.equal(r.valid, true);
  assert.deepEqual(r.warnings.map((w) => w.code).sort(), ['iat_in_future', 'short_key', 'typ_not_jwt']);
});

test('every error collected, not only the first', () => {
  const t = token({ exp: NOW - 10, nbf: NOW + 100, iat: 'x' });
  const r = kit.verify(t, 'wrong secret', { now: NOW });
  assert.deepEqual(codes(r).sort(), ['bad_claim', 'bad_signature', 'expired', 'not_yet_valid']);
});

test('large tokens: 1 MiB payload works, above the limit is too_large', () => {
  const big = { blob: 'x'.repeat(1024 * 1024) };
  const t = kit.sign(big, SECRET);
  const r = kit.verify(t, SECRET);
  assert.equal(r.valid, true);
  assert.equal(r.payload.blob.length, 1024 * 1024);
  const huge = 'a'.repeat(4 * 1024 * 1024 + 1);
  assert.deepEqual(codes(kit.verify(huge, SECRET)), ['too_large']);
  assert.throws(() => kit.sign({ blob: 'x'.repeat(4 * 1024 * 1024) }, SECRET), { code: 'too_large' });
});
