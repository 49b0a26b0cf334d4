// A report longer than a JavaScript string can be (web/lib/oojwt.mjs
// reportText): the wasm buffer is released first (wiped when it holds a
// secret), then the call fails with OojwtError too_large, not a plain Error.
// The real limit (2**29 - 24 UTF-16 units) takes gigabytes to reach, so the
// string limit is mocked: TextDecoder.prototype.decode fails, as Node's does
// past the limit, for inputs above a small size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { OojwtError } from '../../web/lib/oojwt.mjs';
import { loadWithInstance } from '../helpers/common.mjs';

const { kit, x } = await loadWithInstance();
const heap = () => x.oojwt_wasm_heap_used();
const memory = () => Buffer.from(x.memory.buffer);

function withStringLimit(bytes, fn) {
  const real = TextDecoder.prototype.decode;
  TextDecoder.prototype.decode = function decode(input, ...rest) {
    if (input !== undefined && input.byteLength > bytes) throw new Error('Cannot create a string longer than 0x1fffffe8 characters');
    return real.call(this, input, ...rest);
  };
  try {
    return fn();
  } finally {
    TextDecoder.prototype.decode = real;
  }
}

test('extract: a report too long for a string is too_large, and its memory is freed', () => {
  const text = `Bearer eyJhbGciOiJIUzI1NiJ9.${'e'.repeat(20000)}.sig`;
  kit.extract(text); // warm up: buffers the toolkit keeps
  const before = heap();
  assert.throws(() => withStringLimit(4096, () => kit.extract(text)), (e) => e instanceof OojwtError && e.code === 'too_large'
    && /smaller input/.test(e.message));
  assert.equal(heap(), before, 'the report was released');
  assert.equal(kit.extract(text).token.length, text.length - 7, 'the toolkit still works');
});

test('decode: the same for a token\'s report', () => {
  const t = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ s: 'x'.repeat(30000) })).toString('base64url')}.c2ln`;
  kit.decode(t);
  const before = heap();
  assert.throws(() => withStringLimit(8192, () => kit.decode(t)), { name: 'OojwtError', code: 'too_large' });
  assert.equal(heap(), before);
});

test('a report that carries a secret is wiped before it is refused', () => {
  const secret = `huge-${randomBytes(16).toString('hex')}`;
  const local = JSON.stringify({ services: { CoAuthoring: { secret: { inbox: { string: secret }, outbox: { string: secret } }, padding: 'p'.repeat(20000) } } });
  kit.onlyoffice.readServerConfig(local);
  const before = heap();
  assert.throws(() => withStringLimit(1024, () => kit.onlyoffice.readServerConfig(local)),
    { name: 'OojwtError', code: 'too_large' });
  assert.equal(heap(), before);
  assert.equal(memory().indexOf(Buffer.from(secret)), -1, 'no copy of the secret left in wasm memory');
});
