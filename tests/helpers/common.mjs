// Shared helpers for the Node tests: load the toolkit once, build tokens
// byte by byte with node:crypto (an implementation independent of ours),
// and locate the third-party vectors.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadToolkit } from '../../web/lib/oojwt.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const kit = await loadToolkit();
export const NOW = 1700000000;
export const SECRET = 'k'.repeat(32);

export const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** MAC `headerSeg.payloadSeg` exactly as given (segments already encoded). */
export function macSegments(headerSeg, payloadSeg, secret = SECRET, alg = 'HS256') {
  const input = `${headerSeg}.${payloadSeg}`;
  return `${input}.${createHmac(HASH[alg] ?? 'sha256', secret).update(input).digest('base64url')}`;
}

/** Token from raw header/payload texts or bytes, MACed as sent. */
export function rawToken(header, payload, secret = SECRET, alg = 'HS256') {
  return macSegments(b64u(Buffer.from(header)), b64u(Buffer.from(payload)), secret, alg);
}

/** Token from objects, header defaulting to HS256/JWT. */
export function token(payload, { header = { alg: 'HS256', typ: 'JWT' }, secret = SECRET } = {}) {
  return rawToken(JSON.stringify(header), JSON.stringify(payload), secret, header.alg);
}

export const vectorsDir = join(here, '..', 'vectors');
export const sharedDir = resolve(process.env.SHARED_VECTORS ?? join(here, '..', '..', '..', 'shared', 'vectors'));

export function readVector(name) {
  return JSON.parse(readFileSync(join(vectorsDir, name), 'utf8'));
}

/** Parsed shared vector file, or null when absent (the caller skips). */
export function readShared(rel) {
  const p = join(sharedDir, rel);
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null;
}

export const codes = (r) => r.errors.map((e) => e.code);

// Byte offset in a token's UTF-8 -> index in the JS string.
function charIndex(token, pos) {
  let bytes = 0;
  for (let i = 0; i < token.length; i++) {
    if (bytes >= pos) return i;
    const c = token.codePointAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
  }
  return token.length;
}

/** What kit.verify() returns, built from the full C report
 * (kit.reports.verify): the reference for its fast path (web/lib/oojwt.mjs,
 * src/core/wasm_fast.c), which skips the report for valid tokens. */
export function verifyFromReport(token, key, options, k = kit) {
  const r = JSON.parse(k.reports.verify(token, key, options));
  const at = (e) => (e.pos === undefined ? e : { ...e, pos: charIndex(token, e.pos) });
  const out = { valid: r.valid, alg: r.alg, header: r.header, payload: r.payload, errors: r.errors.map(at), warnings: r.warnings };
  if (r.dots) {
    out.signature = token.slice(token.lastIndexOf('.') + 1);
    out.signingInput = token.slice(0, token.lastIndexOf('.'));
  }
  for (const k of ['headerText', 'payloadText', 'signatureLength']) if (r[k] !== undefined) out[k] = r[k];
  return out;
}

/** kit.verify() (or k.verify()), after asserting that its result is
 * verifyFromReport's, member for member and in the same order. */
export function verifyChecked(token, key, options, k = kit) {
  const r = k.verify(token, key, options);
  const want = verifyFromReport(token, key, options, k);
  assert.deepStrictEqual(r, want);
  assert.deepStrictEqual(Object.keys(r), Object.keys(want));
  return r;
}

/** A second toolkit with its wasm instance's exports (memory tests): the
 * instance is captured by wrapping WebAssembly.instantiate while
 * loadToolkit runs. */
export async function loadWithInstance() {
  const real = WebAssembly.instantiate;
  let instance;
  WebAssembly.instantiate = async function instantiate(...args) {
    const r = await real.apply(this, args);
    instance = r instanceof WebAssembly.Instance ? r : r.instance;
    return r;
  };
  try {
    const own = await loadToolkit();
    return { kit: own, x: instance.exports };
  } finally {
    WebAssembly.instantiate = real;
  }
}

/** Every member of `want` matches `got`: objects by subset, deeply; anything else (arrays too) exactly. */
export function subset(got, want, where) {
  if (want === null || typeof want !== 'object' || Array.isArray(want)) {
    assert.deepEqual(got, want, where);
    return;
  }
  assert.ok(got !== null && typeof got === 'object', `${where}: expected an object, got ${JSON.stringify(got)}`);
  for (const [k, v] of Object.entries(want)) subset(got[k], v, `${where}.${k}`);
}
