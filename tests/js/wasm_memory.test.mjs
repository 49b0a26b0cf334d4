// Wasm memory: many mixed sign/verify/decode calls (valid and invalid,
// small and large tokens) in ONE module instance. After warm-up the memory
// size stays flat; after every call the heap in use is back at its start
// (every path, error paths included, frees what it allocated); and after
// calls the secrets, the HMAC key blocks derived from them (key XOR
// ipad/opad) and the MACs the core computed are nowhere in wasm memory.
//
//   OOJWT_MEMORY_CALLS=1000000 node --test tests/wasm_memory.test.mjs   (make soak)
//
// The heap figure comes from the debug export oojwt_wasm_heap_used
// (src/core/wasm_debug.c: emmalloc's claimed minus free bytes). The instance is
// captured by wrapping WebAssembly.instantiate while loadToolkit runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { OojwtError } from '../../web/lib/oojwt.mjs';
import { loadWithInstance } from '../helpers/common.mjs';

const CALLS = Number(process.env.OOJWT_MEMORY_CALLS ?? 20000);
const WARMUP = Math.min(2000, CALLS);
const NOW = 1700000000;
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const b64u = (b) => Buffer.from(b).toString('base64url');

const { kit, x } = await loadWithInstance();
const memory = () => Buffer.from(x.memory.buffer);

// Secrets with no chance of appearing by accident: random each run.
const secretText = `mem-${randomBytes(12).toString('hex')}-\u00e9`; // a string key (UTF-8)
const secretBytes = randomBytes(48); // a Uint8Array key
const jwkSecret = randomBytes(64); // a JWK key
const jwk = { kty: 'oct', k: b64u(jwkSecret), alg: 'HS512' };
const secrets = [Buffer.from(secretText), secretBytes, jwkSecret];
const xor = (b, v) => Buffer.from(b.map((c) => c ^ v));
// What HMAC derives from a key no longer than a block: the key XOR 0x36
// and XOR 0x5c (the first bytes of the padded key blocks).
const derived = secrets.flatMap((s) => [xor(s, 0x36), xor(s, 0x5c)]);

function mac(alg, key, input) {
  return createHmac(HASH[alg], key).update(input).digest();
}
function signNode(header, payload, key, alg = header.alg) {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  return `${input}.${b64u(mac(alg, key, input))}`;
}
// The token with its MAC changed, and the MAC the core will compute for it.
function tamper(token, key, alg) {
  const d = token.lastIndexOf('.');
  const sig = Buffer.from(token.slice(d + 1), 'base64url');
  sig[5] ^= 1;
  return { token: `${token.slice(0, d)}.${b64u(sig)}`, mac: mac(alg, key, token.slice(0, d)) };
}

const H256 = { alg: 'HS256', typ: 'JWT' };
const H512 = { alg: 'HS512', typ: 'JWT' };
const small = { document: { key: 'k1', url: 'https://example.com/a.docx' }, exp: NOW + 3600 };
const large = { document: { key: 'k2', title: 'x'.repeat(64 * 1024) }, users: Array.from({ length: 500 }, (_, i) => `u${i}`) };
const huge = { blob: 'y'.repeat(1024 * 1024) };

const tokens = {
  small: signNode(H256, small, Buffer.from(secretText)),
  large: signNode(H256, large, Buffer.from(secretText)),
  huge: signNode(H256, huge, Buffer.from(secretText)),
  jwk: signNode(H512, small, jwkSecret),
  bytes: signNode({ alg: 'HS384' }, small, secretBytes),
  expired: signNode(H256, { exp: NOW - 10 }, Buffer.from(secretText)),
  none: `${b64u('{"alg":"none"}')}.${b64u('{}')}.`,
  badJson: `${b64u('{"alg":"HS256",}')}.${b64u('{"a":1,"a":2}')}.AAAA`,
  badB64: 'eyJhbGciOiJIUzI1NiJ9=.e30.AAAA',
  malformed: 'a.b',
  deep: `${b64u('['.repeat(100))}.e30.AAAA`,
  tooLarge: `${'A'.repeat(4 * 1024 * 1024 + 1)}.e30.AAAA`,
};
const tamperedSmall = tamper(tokens.small, Buffer.from(secretText), 'HS256');
const tamperedJwk = tamper(tokens.jwk, jwkSecret, 'HS512');
const opts = { now: NOW };

// Each op returns the MACs the core computed that must not stay in memory.
const ops = [
  ['sign small (string key)', () => {
    const t = kit.sign(small, secretText, { now: NOW });
    assert.equal(t, tokens.small);
    return [Buffer.from(t.split('.')[2], 'base64url')];
  }],
  ['verify small valid', () => { assert.equal(kit.verify(tokens.small, secretText, opts).valid, true); return []; }],
  ['verify small tampered', () => {
    const r = kit.verify(tamperedSmall.token, secretText, opts);
    assert.deepEqual(r.errors.map((e) => e.code), ['bad_signature']);
    return [tamperedSmall.mac];
  }],
  ['decode small', () => { assert.equal(kit.decode(tokens.small).payload.document.key, 'k1'); return []; }],
  ['decode malformed', () => { assert.throws(() => kit.decode(tokens.malformed), OojwtError); return []; }],
  ['verify JWK valid', () => { assert.equal(kit.verify(tokens.jwk, jwk, opts).valid, true); return []; }],
  ['verify JWK tampered', () => {
    assert.equal(kit.verify(tamperedJwk.token, jwk, opts).valid, false);
    return [tamperedJwk.mac];
  }],
  ['verify bad JSON / bad base64 / deep / none', () => {
    for (const t of [tokens.badJson, tokens.badB64, tokens.deep, tokens.none]) {
      assert.equal(kit.verify(t, secretText, opts).valid, false);
    }
    return [];
  }],
  ['verify expired / wrong key / wrong alg', () => {
    assert.deepEqual(kit.verify(tokens.expired, secretText, opts).errors.map((e) => e.code), ['expired']);
    assert.equal(kit.verify(tokens.bytes, secretText, opts).valid, false);
    assert.equal(kit.verify(tokens.bytes, secretBytes, { now: NOW, algorithms: ['HS256'] }).valid, false);
    return [mac('HS384', Buffer.from(secretText), tokens.bytes.slice(0, tokens.bytes.lastIndexOf('.')))];
  }],
  ['sign refused (bad JWK use, empty key)', () => {
    assert.throws(() => kit.sign(small, { ...jwk, use: 'enc' }, { alg: 'HS512' }), OojwtError);
    assert.throws(() => kit.sign(small, ''), OojwtError);
    assert.equal(kit.verify(tokens.small, { kty: 'oct', k: 'A=' }, opts).valid, false);
    return [];
  }],
];
// Large (about 70 KB): one call in 25.
const largeOps = [
  ['sign large (Uint8Array key)', () => {
    const t = kit.sign(large, secretBytes, { alg: 'HS384', now: NOW });
    return [Buffer.from(t.split('.')[2], 'base64url')];
  }],
  ['verify large valid', () => { assert.equal(kit.verify(tokens.large, secretText, opts).valid, true); return []; }],
];
// Rare and big: a 1 MiB payload, and a token over the 4 MiB limit.
const rareOps = [
  ['verify huge (1 MiB) valid', () => { assert.equal(kit.verify(tokens.huge, secretText, opts).valid, true); return []; }],
  ['verify over the size limit', () => {
    assert.deepEqual(kit.verify(tokens.tooLarge, secretText, opts).errors.map((e) => e.code), ['too_large']);
    return [];
  }],
];

function opAt(i) {
  if (i % 1000 === 999) return rareOps[(i / 1000 | 0) % rareOps.length];
  if (i % 25 === 12) return largeOps[(i / 25 | 0) % largeOps.length];
  return ops[i % ops.length];
}

function findIn(mem, needles) {
  for (const n of needles) {
    const at = mem.indexOf(n);
    if (at >= 0) return { at, hex: n.toString('hex').slice(0, 32) };
  }
  return null;
}

test('secrets, key blocks and computed MACs are not left in wasm memory after any call', () => {
  for (const [name, fn] of [...ops, ...largeOps, ...rareOps]) {
    const macs = fn();
    const mem = memory();
    const leakSecret = findIn(mem, secrets);
    assert.equal(leakSecret, null, `${name}: a secret is still in wasm memory at ${leakSecret?.at}`);
    const leakDerived = findIn(mem, derived);
    assert.equal(leakDerived, null, `${name}: a key XOR ipad/opad block is still in wasm memory at ${leakDerived?.at}`);
    const leakMac = findIn(mem, macs);
    assert.equal(leakMac, null, `${name}: a computed MAC is still in wasm memory at ${leakMac?.at}`);
  }
});

test(`${CALLS} mixed calls: memory flat after warm-up, heap back at its start after every call`, () => {
  const heapStart = x.oojwt_wasm_heap_used();
  assert.ok(heapStart > 0, 'the debug export reports the heap');
  let sizeAfterWarmup = 0;
  const t0 = Date.now();
  for (let i = 0; i < CALLS; i++) {
    if (i === WARMUP) sizeAfterWarmup = x.memory.buffer.byteLength;
    // Each rare op once during warm-up, so that growth happens there.
    const [name, fn] = i < rareOps.length ? rareOps[i] : opAt(i);
    const macs = fn();
    const used = x.oojwt_wasm_heap_used();
    if (used !== heapStart) {
      assert.fail(`call ${i} (${name}): heap in use ${used} bytes, at start ${heapStart}`);
    }
    if (i % 997 === 0) {
      const leak = findIn(memory(), [...secrets, ...derived, ...macs]);
      assert.equal(leak, null, `call ${i} (${name}): secret material at ${leak?.at}`);
    }
  }
  const size = x.memory.buffer.byteLength;
  if (CALLS > WARMUP) {
    assert.equal(size, sizeAfterWarmup, `memory grew after warm-up: ${sizeAfterWarmup} -> ${size} bytes`);
  }
  assert.equal(x.oojwt_wasm_heap_used(), heapStart);
  const secs = (Date.now() - t0) / 1000;
  console.log(`# wasm memory: ${CALLS} calls in ${secs.toFixed(1)} s; memory ${size} bytes after warm-up and at the end; heap in use ${heapStart} bytes before and after`);
});
