// RS/PS/ES through the wasm module: Wycheproof JWS (all groups) and JWK
// sets, RFC 7515 A.2-A.4, the JOSE cookbook 4.1-4.3, and our key-format
// vectors (tests/vectors/asym_keys.json, made by node:crypto, jose and
// openssl). The raw-signature Wycheproof files (ECDSA P1363, PKCS#1,
// PSS) run in the native suite (tests/c/test_asym.c): their
// messages are not JWS signing inputs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { kit, NOW, readShared, readVector } from '../helpers/common.mjs';

// Upstream labels we do not follow (../shared/vectors/README.md, caveats 3-5).
const RELABEL = {
  'json_web_signature_test.json': {
    367: [true, 'labelled invalid, byte-identical to valid tcId 357 (C2SP/wycheproof#236)'],
    370: [true, 'labelled invalid, byte-identical to valid tcId 357 (C2SP/wycheproof#236)'],
    372: [false, "labelled valid, but '?' is not base64url"],
    373: [false, "labelled valid, but '?' is not base64url"],
    346: [false, 'labelled valid: header PS384, key alg PS256; oojwt honours the key alg'],
    350: [false, 'labelled valid: header PS384, key alg PS256; oojwt honours the key alg'],
    347: [false, 'labelled valid: key alg "ES521" (sic) is not an algorithm'],
    351: [false, 'labelled valid: key alg "ES521" (sic) is not an algorithm'],
  },
  'json_web_key_test.json': {
    7: [true, 'labelled invalid (ROCA modulus); oojwt has no ROCA fingerprint test (README caveat 5: optional)'],
  },
};

const ALL = kit.algorithms.slice();

// A JWS (not a JWT) is accepted when the only errors are about the
// payload not being a JSON object, located in the payload segment.
function accepted(token, r) {
  const d1 = token.indexOf('.');
  const d2 = token.lastIndexOf('.');
  return r.header !== null && r.alg !== null && r.errors.every((e) =>
    (e.code === 'bad_json' || e.code === 'not_an_object') && e.pos > d1 && e.pos <= d2);
}

function expected(file, t) {
  const re = RELABEL[file]?.[t.tcId];
  return re ? re : [t.result === 'valid', ''];
}

for (const file of ['json_web_signature_test.json', 'json_web_key_test.json']) {
  const doc = readShared(`wycheproof/${file}`);
  test(`Wycheproof ${file}: every case as labelled (mislabels documented)`, { skip: doc === null && 'shared vectors absent' }, () => {
    let n = 0;
    for (const g of doc.testGroups) {
      const key = g.public ?? g.private;
      for (const t of g.tests) {
        const [want, why] = expected(file, t);
        let got;
        try {
          const r = kit.verify(t.jws, key, { algorithms: ALL, now: NOW });
          got = accepted(t.jws, r);
        } catch (e) {
          if (e instanceof TypeError) throw e;
          got = false;
        }
        assert.equal(got, want, `tcId ${t.tcId} (${t.comment}${why ? `; ${why}` : ''})`);
        n++;
      }
    }
    assert.equal(n, doc.numberOfTests);
  });
}

test('RFC 7515 A.2-A.4 verify with the public JWK (payload claims checked at 2011)', () => {
  const doc = readVector('rfc7515_appendix_a.json');
  for (const id of ['A.2', 'A.3', 'A.4']) {
    const ex = doc.examples.find((e) => e.id === id);
    const r = kit.verify(ex.compact, ex.jwkPublic, { algorithms: [ex.alg], now: 1300000000 });
    assert.ok(accepted(ex.compact, r), `${id}: ${JSON.stringify(r.errors)}`);
    const bad = `${ex.compact.slice(0, -2)}${ex.compact.endsWith('AA') ? 'BA' : 'AA'}`;
    assert.equal(accepted(bad, kit.verify(bad, ex.jwkPublic, { algorithms: [ex.alg], now: 1300000000 })), false, `${id} tampered`);
  }
});

for (const f of ['4_1.rsa_v15_signature.json', '4_2.rsa-pss_signature.json', '4_3.ecdsa_signature.json']) {
  const doc = readShared(`jose-cookbook/jws/${f}`);
  test(`JOSE cookbook ${f} verifies with its private and its public JWK`, { skip: doc === null && 'shared vectors absent' }, () => {
    const tok = doc.output.compact;
    const { d, p, q, dp, dq, qi, ...pub } = doc.input.key;
    for (const key of [doc.input.key, pub]) {
      const r = kit.verify(tok, key, { algorithms: [doc.input.alg], now: NOW });
      assert.ok(accepted(tok, r), JSON.stringify(r.errors));
    }
    void [d, p, q, dp, dq, qi];
  });
}

const vec = readVector('asym_keys.json');

for (const k of vec.keys) {
  test(`asym_keys ${k.name}: every format reads, describes itself and verifies node/jose tokens`, () => {
    for (const part of ['public', 'private']) {
      for (const [fmt, value] of Object.entries(k[part])) {
        const key = fmt.endsWith('_hex') ? Buffer.from(value, 'hex') : fmt === 'jwk' ? JSON.parse(value) : value;
        const info = kit.keyInfo(key);
        assert.equal(info.kind, `${k.kind} ${part}`, `${part} ${fmt}`);
        assert.equal(info.bits, k.bits);
        assert.equal(info.thumbprint, k.thumbprint, `${part} ${fmt} thumbprint`);
        if (k.curve) assert.equal(info.curve, k.curve);
        if (fmt.startsWith('x509')) assert.match(info.note, /no chain/);
        for (const [alg, tok] of Object.entries(k.tokens)) {
          const r = kit.verify(tok, key, { algorithms: [alg], now: NOW });
          assert.equal(r.valid, true, `${part} ${fmt} ${alg}: ${JSON.stringify(r.errors)}`);
        }
      }
    }
  });
}

test('asym_keys: weak or unsupported keys are refused with their code', () => {
  for (const r of vec.refused) {
    assert.throws(() => kit.keyInfo(r.key), (e) => e.code === r.code, r.name);
  }
});

test('JWK Sets: chosen by kid, else by alg; several keys that fit and no kid, duplicate kids, mixed sets refused', () => {
  const rsa = JSON.parse(vec.keys[0].public.jwk);
  const ec = JSON.parse(vec.keys[3].public.jwk);
  const tok = vec.keys[3].tokens.ES256; // no kid in its header
  const withKid = kit.sign({ a: 1 }, JSON.parse(vec.keys[3].private.jwk), { alg: 'ES256', header: { kid: ec.kid } });
  assert.equal(kit.verify(withKid, { keys: [rsa, ec] }).valid, true);
  // No kid: the only key that fits ES256 (as jose's createLocalJWKSet).
  assert.equal(kit.verify(tok, { keys: [rsa, ec] }).valid, true);
  assert.deepEqual(kit.verify(tok, { keys: [rsa, ec, { ...ec, kid: 'ec-copy' }] }).errors.map((e) => e.code), ['key_mismatch']);
  assert.deepEqual(kit.verify(tok, { keys: [ec] }).valid, true);
  assert.deepEqual(kit.verify(withKid, { keys: [ec, { ...ec }] }).errors.map((e) => e.code), ['bad_key']);
  assert.deepEqual(kit.verify(withKid, { keys: [ec, { kty: 'oct', k: 'AAAA' }] }).errors.map((e) => e.code), ['bad_key']);
});

test('algorithm confusion: PEM or RSA/EC JWK as an HS secret, secrets for RS/PS/ES', () => {
  const pem = vec.keys[0].public.spki_pem;
  const hs = kit.sign({ a: 1 }, 'k'.repeat(32));
  for (const key of [pem, vec.keys[0].public.jwk, JSON.parse(vec.keys[0].public.jwk)]) {
    const r = kit.verify(hs, key, { algorithms: ['HS256'] });
    assert.deepEqual(r.errors.map((e) => e.code), ['key_mismatch'], String(key).slice(0, 30));
    assert.deepEqual(kit.verify(hs, key).errors.map((e) => e.code), ['key_mismatch']);
  }
  assert.throws(() => kit.sign({ a: 1 }, pem, { alg: 'HS256' }), (e) => e.code === 'key_mismatch');
  assert.throws(() => kit.sign({ a: 1 }, 'k'.repeat(32), { alg: 'RS256' }), (e) => e.code === 'key_mismatch');
  assert.throws(() => kit.sign({ a: 1 }, pem, { alg: 'RS256' }), (e) => e.code === 'key_mismatch'); // public key
  const rs = vec.keys[0].tokens.RS256;
  assert.deepEqual(kit.verify(rs, 'k'.repeat(32), { algorithms: ['RS256'] }).errors.map((e) => e.code), ['key_mismatch']);
  assert.deepEqual(kit.verify(rs, JSON.parse(vec.keys[3].public.jwk)).errors.map((e) => e.code), ['key_mismatch']);
});
