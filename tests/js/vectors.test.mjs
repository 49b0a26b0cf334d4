// Vector files through the JS API (the C runner reads the same files):
// our base64url and strict-JSON tables, RFC 7515/7519 examples, and the
// third-party Wycheproof JWS and RFC 7520 cookbook vectors when present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kit, NOW, macSegments, b64u, readVector, readShared, codes } from '../helpers/common.mjs';

const K = 'k'.repeat(32);

test('base64url.json: strict decoding, positions of the offending character', () => {
  const { tests } = readVector('base64url.json');
  assert.ok(tests.length >= 40);
  const payload = b64u('{}');
  // A '.' cannot stand inside a segment: the token would split there.
  for (const v of tests.filter((x) => !x.input.includes('.'))) {
    // The input is the header segment; the MAC is over the text as sent.
    const t = macSegments(v.input, payload, K);
    const r = kit.verify(t, K, { now: NOW });
    const b64 = r.errors.filter((e) => e.code === 'bad_base64');
    if (v.valid) {
      assert.deepEqual(b64, [], `#${v.id} ${v.comment}`);
      const expected = Buffer.from(v.hex, 'hex').toString('latin1');
      // The decoded bytes come back as the header (object) or its text.
      if (r.header === null && r.headerText !== undefined && /^[\x20-\x7e]*$/.test(expected)) {
        assert.equal(r.headerText, expected, `#${v.id}`);
      }
    } else {
      assert.equal(b64.length, 1, `#${v.id} ${v.comment}: ${JSON.stringify(r.errors)}`);
      assert.equal(b64[0].pos, v.pos, `#${v.id} ${v.comment}`);
    }
  }
});

test('strict_json.json: every case gives its code as a token payload', () => {
  const { tests } = readVector('strict_json.json');
  assert.ok(tests.length >= 60);
  const header = b64u('{"alg":"HS256"}');
  for (const v of tests) {
    const bytes = Buffer.from(v.hex, 'hex');
    const r = kit.verify(macSegments(header, b64u(bytes), K), K, { now: NOW });
    let expected = v.code === 'ok' ? [] : [v.code];
    if (v.code === 'ok') {
      const value = JSON.parse(bytes.toString('utf8'));
      if (value === null || typeof value !== 'object' || Array.isArray(value)) expected = ['not_an_object'];
    }
    assert.deepEqual(codes(r), expected, `#${v.id} ${v.comment}: ${JSON.stringify(r.errors)}`);
  }
});

test('RFC 7515 A.1 and A.5, RFC 7519 3.1 and 6.1', () => {
  const { examples } = readVector('rfc7515_appendix_a.json');
  const a1 = examples.find((e) => e.id === 'A.1');
  const before = 1300819380 - 1;
  const r = kit.verify(a1.compact, a1.jwk, { now: before });
  assert.equal(r.valid, true, JSON.stringify(r.errors));
  assert.equal(r.payload.iss, 'joe');
  assert.deepEqual(codes(kit.verify(a1.compact, a1.jwk, { now: 1300819380 })), ['expired']);
  assert.deepEqual(codes(kit.verify(a1.compact, { ...a1.jwk, k: a1.jwk.k.slice(0, -2) + 'AA' }, { now: before })), ['bad_signature']);
  const a5 = examples.find((e) => e.id === 'A.5');
  assert.deepEqual(codes(kit.verify(a5.compact, a1.jwk, { now: before })), ['alg_none']);

  const jwt = readVector('rfc7519_jwt_examples.json');
  const all = JSON.stringify(jwt);
  const compacts = [...all.matchAll(/"(eyJ[\w-]+\.[\w-]+\.[\w-]*)"/g)].map((m) => m[1]);
  assert.ok(compacts.length >= 2);
  for (const c of compacts) {
    const v = kit.verify(c, a1.jwk, { now: before });
    const alg = kit.decode(c).header.alg;
    assert.deepEqual(codes(v), alg === 'none' ? ['alg_none'] : [], c);
  }
});

// A JWS (not JWT) vector counts as valid when the only errors are about
// the payload not being a JSON object: the signature and structure passed.
function jwsValid(r, jws) {
  const d1 = jws.indexOf('.');
  const d2 = jws.indexOf('.', d1 + 1);
  return r.errors.every((e) => ['bad_json', 'not_an_object'].includes(e.code) && e.pos > d1 && e.pos <= d2);
}

test('Wycheproof json_web_signature_test.json: HMAC (oct) groups', (t) => {
  const w = readShared('wycheproof/json_web_signature_test.json');
  if (!w) return t.skip('wycheproof/json_web_signature_test.json not found');
  // Upstream mislabels (see shared/vectors/README.md): 367/370 are copies
  // of valid 357; 372/373 carry a '?' and must be rejected.
  const fixed = { 367: 'valid', 370: 'valid', 372: 'invalid', 373: 'invalid' };
  let n = 0;
  for (const g of w.testGroups.filter((x) => x.private?.kty === 'oct')) {
    for (const v of g.tests) {
      const r = kit.verify(v.jws, g.private, { now: NOW });
      const want = fixed[v.tcId] ?? v.result;
      assert.equal(jwsValid(r, v.jws), want === 'valid', `tcId ${v.tcId} ${v.comment}: ${JSON.stringify(r.errors)}`);
      n++;
    }
  }
  t.diagnostic(`${n} Wycheproof JWS HMAC cases`);
  assert.ok(n >= 40);
});

test('RFC 7520 cookbook 4.4 (HS256)', (t) => {
  const c = readShared('jose-cookbook/jws/4_4.hmac-sha2_integrity_protection.json');
  if (!c) return t.skip('jose-cookbook/jws/4_4 not found');
  const r = kit.verify(c.output.compact, c.input.key, { now: NOW });
  // The payload is prose, not JSON: the signature verifies, the payload is reported.
  assert.deepEqual(codes(r), ['bad_json']);
  assert.equal(r.payloadText, c.input.payload);
  const wrong = kit.verify(c.output.compact, { ...c.input.key, k: b64u(Buffer.alloc(32)) }, { now: NOW });
  assert.deepEqual(codes(wrong).sort(), ['bad_json', 'bad_signature']);
});
