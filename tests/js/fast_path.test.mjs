// The fast path of verify and sign (src/core/wasm_fast.c, web/lib/oojwt.mjs): a
// valid token crosses the boundary as [header,payload] instead of the
// full JSON report, a signed token as its bare text. kit.verify must give
// exactly the result the full report gives (verifyChecked, tests/helpers/common.mjs)
// for every kind of token: the vectors, valid and tampered tokens,
// warnings, non-ASCII, long tokens (past the reused buffers), every key
// kind. The hostile catalogue checks the same for its verify entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { kit, NOW, SECRET, b64u, macSegments, rawToken, token, readVector, verifyChecked, loadWithInstance } from '../helpers/common.mjs';

const seed = Number(process.env.OOJWT_SEED ?? Date.now() % 100000);
console.log(`# fast path: seed ${seed}`);
let state = seed;
const rand = (n) => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state % n;
};

test('vectors: RFC 7515 A.1 and RFC 7519 3.1 at, before and after exp; wrong keys', () => {
  const { examples } = readVector('rfc7515_appendix_a.json');
  const a1 = examples.find((e) => e.id === 'A.1');
  const { examples: jwts } = readVector('rfc7519_jwt_examples.json');
  for (const t of [a1.compact, ...jwts.map((e) => e.jwt)]) {
    for (const now of [1300819380 - 1, 1300819380, 1300819380 + 100]) {
      for (const key of [a1.jwk, { ...a1.jwk, k: `${a1.jwk.k.slice(0, -2)}AA` }, SECRET]) {
        verifyChecked(t, key, { now, algorithms: ['HS256'] });
      }
    }
  }
  assert.equal(verifyChecked(a1.compact, a1.jwk, { now: 1300819380 - 1 }).valid, true);
});

test('vectors: every strict_json.json case as a payload, and base64url.json as a header', () => {
  const header = b64u('{"alg":"HS256"}');
  let valid = 0;
  for (const v of readVector('strict_json.json').tests) {
    const r = verifyChecked(macSegments(header, b64u(Buffer.from(v.hex, 'hex')), SECRET), SECRET, { now: NOW });
    valid += r.valid ? 1 : 0;
  }
  assert.ok(valid > 5, `${valid} valid payloads among the strict JSON cases`);
  for (const v of readVector('base64url.json').tests.filter((x) => !x.input.includes('.'))) {
    verifyChecked(macSegments(v.input, b64u('{}'), SECRET), SECRET, { now: NOW });
  }
});

test('valid tokens: every HS alg, key kind, header and payload shape; warnings and invalid ones too', () => {
  const bytesKey = randomBytes(64);
  const jwk = { kty: 'oct', k: b64u(bytesKey) };
  const payloads = [
    {}, { exp: NOW + 60 }, { nbf: NOW - 1, iat: NOW - 5, exp: NOW + 1 }, { a: [1, 2, { b: null }], s: 'é€😀' },
    { '__proto__': 1, constructor: 'x' }, { n: 1e308, m: -0, f: 0.1 }, { exp: NOW - 1 }, { exp: 'soon' },
    { big: 'x'.repeat(20000) }, { big: 'ü'.repeat(6000) }, { s: '\u2028\u2029\u0001"\\/' },
  ];
  const headers = [{ alg: 'HS256' }, { alg: 'HS256', typ: 'JWT' }, { typ: 'jwt', alg: 'HS384', kid: 'k1' },
    { alg: 'HS512', typ: 'at+jwt' }, { alg: 'HS256', crit: ['x'] }, { alg: 'HS256', x: 'é' }];
  let fast = 0;
  for (const payload of payloads) {
    for (const header of headers) {
      for (const [key, secret] of [[SECRET, SECRET], ['short', 'short'], [bytesKey, bytesKey], [jwk, bytesKey], ['ключ'.repeat(10), 'ключ'.repeat(10)]]) {
        const t = rawToken(JSON.stringify(header), JSON.stringify(payload), secret, header.alg);
        for (const options of [{ now: NOW }, { now: NOW, clockTolerance: 5 }, { now: NOW, algorithms: ['HS256'] }]) {
          const r = verifyChecked(t, key, options);
          if (r.valid && r.warnings.length === 0) fast++;
        }
        const d = t.lastIndexOf('.');
        verifyChecked(`${t.slice(0, d)}.${t[d + 1] === 'A' ? 'B' : 'A'}${t.slice(d + 2)}`, key, { now: NOW });
      }
    }
  }
  assert.ok(fast > 100, `${fast} results came through the fast path's conditions`);
});

test(`random tokens and byte flips agree (seed ${seed})`, () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ é';
  for (let i = 0; i < 300; i++) {
    const t = token({ sub: `u${i}`, exp: NOW + rand(200) - 100, list: Array.from({ length: rand(5) }, (_, k) => k) });
    const chars = [...t];
    const at = rand(chars.length);
    if (rand(2)) chars[at] = alphabet[rand(alphabet.length)];
    verifyChecked(chars.join(''), SECRET, { now: NOW });
  }
});

test('sign: the bare token comes back as the token; refusals as errors with codes', () => {
  const payload = { document: { key: 'k', url: 'https://e.com/d.docx' }, exp: NOW + 60 };
  for (const alg of ['HS256', 'HS384', 'HS512']) {
    const t = kit.sign(payload, SECRET, { alg });
    const input = `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`;
    const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
    assert.equal(t, `${input}.${createHmac(hash, SECRET).update(input).digest('base64url')}`);
  }
  const big = { s: 'y'.repeat(40000) };
  assert.equal(verifyChecked(kit.sign(big, SECRET), SECRET, { now: NOW }).payload.s, big.s);
  assert.throws(() => kit.sign(payload, ''), (e) => e.code === 'empty_key');
  assert.throws(() => kit.sign({ exp: 'x' }, SECRET), (e) => e.code === 'bad_claim');
});

test('the C export: mode 1 with [header,payload] for a valid token, else the full report', async () => {
  const { x } = await loadWithInstance();
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const call = (tok, key) => {
    const tb = enc.encode(tok);
    const kb = enc.encode(key);
    const tp = x.oojwt_wasm_alloc(tb.length);
    const kp = x.oojwt_wasm_alloc(kb.length);
    const out = x.oojwt_wasm_alloc(16);
    new Uint8Array(x.memory.buffer).set(tb, tp);
    new Uint8Array(x.memory.buffer).set(kb, kp);
    const p = x.oojwt_wasm_verify_fast(tp, tb.length, kp, kb.length, 0, 7, NOW, 0, out);
    const w = new Uint32Array(x.memory.buffer, out, 4);
    const res = { mode: w[0], alg: w[2], sigLen: w[3], text: dec.decode(new Uint8Array(x.memory.buffer, p, w[1])) };
    for (const q of [p, tp, out]) x.oojwt_wasm_release(q);
    x.oojwt_wasm_free(kp, kb.length);
    return res;
  };
  const header = '{"alg":"HS256","typ":"JWT"}';
  const payload = '{"sub":"u","n":[1,2.5,"é"]}';
  const ok = call(rawToken(header, payload), SECRET);
  assert.deepEqual(ok, { mode: 1, alg: 1, sigLen: 32, text: `[${header},${payload}]` });
  const bad = call(rawToken(header, payload, 'another secret of 32 bytes......'), SECRET);
  assert.equal(bad.mode, 0);
  assert.deepEqual(JSON.parse(bad.text).errors.map((e) => e.code), ['bad_signature']);
  const warned = call(rawToken(header, payload, 'short'), 'short');
  assert.equal(warned.mode, 0);
  assert.deepEqual(JSON.parse(warned.text).warnings.map((e) => e.code), ['short_key']);
});

// The header is read without a tree when alg and typ are plain strings
// (src/core/jws.c check_header), through cJSON otherwise: the same header
// written both ways must give the same verdict, codes and messages.
test('header: plain and escaped spellings of alg and typ agree', () => {
  const esc = (s) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  const cases = [
    ['HS256', 'JWT'], ['HS256', 'jwt'], ['HS256', 'at+jwt'], ['HS384', 'JWT'], ['hs256', 'JWT'], ['none', 'JWT'],
    ['NoNe', undefined], ['RS256', 'JWT'], ['HS999', 'JWT'], ['HS256', 'é'.repeat(40)], ['HS256', 'x'.repeat(70)],
    [`HS256${'x'.repeat(40)}`, 'JWT'], ['é', 'JWT'],
  ];
  for (const [alg, typ] of cases) {
    const plain = `{"alg":"${alg}"${typ === undefined ? '' : `,"typ":"${typ}"`},"crit2":1}`;
    const escaped = `{"alg":"${esc(alg)}"${typ === undefined ? '' : `,"typ":"${esc(typ)}"`},"crit2":1}`;
    const hs = /^HS(256|384|512)$/.test(alg) ? alg : 'HS256';
    const [a, b] = [plain, escaped].map((h) => verifyChecked(rawToken(h, '{"sub":"u"}', SECRET, hs), SECRET, { now: NOW }));
    const view = (r) => ({ valid: r.valid, alg: r.alg, errors: r.errors.map((e) => [e.code, e.message]), warnings: r.warnings.map((e) => [e.code, e.message]) });
    assert.deepEqual(view(a), view(b), `${plain} vs ${escaped}`);
  }
  for (const extra of ['"crit":["x"]', '"typ":1', '"typ":null', '"alg":1', '"kid":"\\u006b"']) {
    const t = rawToken(`{"alg":"HS256",${extra}}`, '{}');
    const r = verifyChecked(t, SECRET, { now: NOW });
    assert.equal(r.valid && r.warnings.length === 0, extra === '"kid":"\\u006b"', extra);
  }
});
