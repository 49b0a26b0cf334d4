// Inputs whose report could be longer than a JavaScript string are refused
// before any work (web/lib/oojwt.mjs fits, over the bounds of
// src/core/report_bound.c and its ds and deploy twins): OojwtError
// too_large naming the longest input that fits, nothing left in wasm
// memory. The bounds are computed in C; here they are read through the
// exports and compared with V8's real limit
// (buffer.constants.MAX_STRING_LENGTH); tests/c/test_report_bound.c checks
// that real reports stay under them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { constants } from 'node:buffer';
import { OojwtError } from '../../web/lib/oojwt.mjs';
import { loadWithInstance } from '../helpers/common.mjs';

const { kit, x } = await loadWithInstance();
const heap = () => x.oojwt_wasm_heap_used();
const MAX = constants.MAX_STRING_LENGTH;

// The longest input (bytes) the kind takes: bound(last) fits, bound(last + 1) does not.
function longest(bound, kind) {
  let lo = 0;
  let hi = MAX;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (bound(kind, mid) >>> 0 <= MAX) lo = mid;
    else hi = mid;
  }
  return lo;
}

const tooLarge = (last) => (e) => e instanceof OojwtError && e.code === 'too_large'
  && e.message.includes('refused before it is read') && e.message.includes(`give at most ${last} bytes`);

test('the JS module compares with the limit Node reports', () => {
  assert.equal(MAX, 2 ** 29 - 24, 'a 64-bit V8: web/lib/oojwt.mjs MAX_STRING');
});

test('extract: one byte past the bound is refused at once, with nothing allocated', () => {
  const last = longest(x.oojwt_wasm_report_bound, 1);
  assert.equal(last, Math.floor((MAX - 2 ** 20) / 6), 'six bytes of report per byte of text');
  kit.extract('warm up');
  const before = heap();
  const t0 = performance.now();
  assert.throws(() => kit.extract('a'.repeat(last + 1)), tooLarge(last));
  assert.ok(performance.now() - t0 < 2000, 'no work was done');
  assert.equal(heap(), before);
});

test('decode and verify: a token past the bound is refused before it is copied', () => {
  const last = longest(x.oojwt_wasm_report_bound, 2);
  const before = heap();
  const token = 'e'.repeat(last + 1);
  assert.throws(() => kit.decode(token), tooLarge(last));
  assert.throws(() => kit.reports.decode(token), tooLarge(last));
  assert.throws(() => kit.verify(token, 'secret'), tooLarge(last));
  assert.throws(() => kit.reports.verify(token, 'secret'), tooLarge(last));
  assert.equal(heap(), before);
});

test('download link: the longest link that fits is inspected, one byte more is refused', () => {
  const last = longest(x.oojwt_wasm_deploy_report_bound, 1);
  const base = 'https://ds.example.com/cache/files/';
  const fill = (n) => base + 'a'.repeat(n - base.length);
  const r = kit.onlyoffice.inspectDownloadUrl(fill(last), { secret: 's', now: 1.7e9 });
  assert.equal(r.verdict.ok, false, 'judged: no md5');
  const before = heap();
  assert.throws(() => kit.onlyoffice.inspectDownloadUrl(fill(last + 1), { secret: 's' }), tooLarge(last));
  assert.equal(heap(), before);
});

test('the bytes count, not the characters: a text that fits in UTF-16 units but not in UTF-8 is refused after encoding', () => {
  const last = longest(x.oojwt_wasm_deploy_report_bound, 1);
  // 'é' is one unit and two bytes: half the characters, over the bound in bytes.
  const url = `https://ds.example.com/${'é'.repeat(Math.floor(last / 2))}`;
  assert.ok(url.length <= last);
  const before = heap();
  assert.throws(() => kit.onlyoffice.inspectDownloadUrl(url, { secret: 's' }), tooLarge(last));
  assert.equal(heap(), before, 'the encoded copy was released');
});

test('Document Server reports: verify, server config, editor config, requests, link signing', () => {
  const ds = (kind) => longest(x.oojwt_wasm_ds_report_bound, kind);
  const before = heap();
  assert.throws(() => kit.verify('e'.repeat(ds(1) + 1), 'secret', { profile: 'onlyoffice' }), tooLarge(ds(1)));
  assert.throws(() => kit.onlyoffice.readServerConfig(' '.repeat(ds(2) + 1)), tooLarge(ds(2)));
  assert.throws(() => kit.onlyoffice.readServerConfig(' '.repeat(ds(2) - 9), { defaultJsonText: '{"a":1}'.repeat(2) }),
    tooLarge(ds(2)), 'default.json counts too');
  assert.throws(() => kit.onlyoffice.inspectConfig(' '.repeat(ds(3) + 1), { secret: 's' }), tooLarge(ds(3)));
  assert.throws(() => kit.onlyoffice.signConfig({ a: 'x'.repeat(ds(4)) }, 's'), tooLarge(ds(4)));
  assert.throws(() => kit.onlyoffice.inspectRequest(' '.repeat(ds(6) + 1), 's', { kind: 'command' }), tooLarge(ds(6)));
  const sign = longest(x.oojwt_wasm_deploy_report_bound, 2);
  assert.throws(() => kit.onlyoffice.signDownloadUrl({ base: 'https://a.example', path: 'p'.repeat(sign), filename: 'f' },
    { secret: 's', expires: 2e9 }), tooLarge(sign));
  assert.equal(heap(), before);
});

test('the multipliers are what README documents', () => {
  const m = (bound, kind) => (bound(kind, 1000) >>> 0) - (bound(kind, 0) >>> 0);
  assert.deepEqual([1, 2].map((k) => m(x.oojwt_wasm_report_bound, k) / 1000), [6, 5]);
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((k) => m(x.oojwt_wasm_ds_report_bound, k) / 1000), [5, 4, 12, 6, 0, 20]);
  assert.deepEqual([1, 2, 3].map((k) => m(x.oojwt_wasm_deploy_report_bound, k) / 1000), [55, 6, 0]);
});
