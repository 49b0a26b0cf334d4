// Differential tests of RS/PS/ES against node:crypto and jose on freshly
// generated keys: our tokens verify there, theirs verify here, in every
// key format we read (PEM SPKI / PKCS#1 / PKCS#8 / SEC1, DER, JWK, JWK
// Set); a flipped signature byte is refused by both.
import test from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, createPublicKey, verify as nodeVerify, constants } from 'node:crypto';
import '../helpers/webcrypto.mjs'; // jose needs the global Web Crypto (Node 18)
import * as jose from 'jose';
import { kit } from '../helpers/common.mjs';

const HASH = { 256: 'sha256', 384: 'sha384', 512: 'sha512' };
const CURVE = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };
const ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const NOW = Math.floor(Date.now() / 1000);

function freshKeys(alg) {
  const rsa = alg[0] !== 'E';
  const pair = rsa
    ? generateKeyPairSync('rsa', { modulusLength: alg.endsWith('512') ? 3072 : 2048 })
    : generateKeyPairSync('ec', { namedCurve: CURVE[alg] });
  const { publicKey, privateKey } = pair;
  const pub = {
    'SPKI PEM': publicKey.export({ type: 'spki', format: 'pem' }),
    'SPKI DER': new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
    JWK: { ...publicKey.export({ format: 'jwk' }), kid: 'k1' },
    'JWK Set': { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] },
  };
  const priv = {
    'PKCS#8 PEM': privateKey.export({ type: 'pkcs8', format: 'pem' }),
    'PKCS#8 DER': new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' })),
    JWK: privateKey.export({ format: 'jwk' }),
  };
  if (rsa) {
    pub['PKCS#1 PEM'] = publicKey.export({ type: 'pkcs1', format: 'pem' });
    priv['PKCS#1 PEM'] = privateKey.export({ type: 'pkcs1', format: 'pem' });
  } else {
    priv['SEC1 PEM'] = privateKey.export({ type: 'sec1', format: 'pem' });
  }
  return { publicKey, privateKey, pub, priv };
}

// node:crypto's own check of a compact token's signature.
function nodeOk(token, alg, publicKey) {
  const [h, p, s] = token.split('.');
  const opts = { key: publicKey };
  if (alg.startsWith('PS')) Object.assign(opts, { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: +alg.slice(2) / 8 });
  if (alg.startsWith('ES')) opts.dsaEncoding = 'ieee-p1363';
  return nodeVerify(HASH[alg.slice(2)], Buffer.from(`${h}.${p}`), opts, Buffer.from(s, 'base64url'));
}

function flip(token) {
  const i = token.lastIndexOf('.') + 5;
  return token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
}

for (const alg of ALGS) {
  test(`${alg}: ours verify with node:crypto and jose, theirs verify here, every key format`, async () => {
    const k = freshKeys(alg);
    const info = JSON.stringify(k.pub.JWK);
    for (const [fmt, key] of Object.entries(k.priv)) {
      const tok = kit.sign({ sub: 'diff', fmt }, key, { alg, header: { kid: 'k1' }, iat: true, expiresIn: 60, now: NOW });
      assert.ok(nodeOk(tok, alg, k.publicKey), `node:crypto refused ours (${fmt}); key ${info}`);
      const { payload } = await jose.jwtVerify(tok, k.publicKey, { algorithms: [alg], currentDate: new Date(NOW * 1000) });
      assert.equal(payload.fmt, fmt);
      assert.equal(nodeOk(flip(tok), alg, k.publicKey), false);
      if (!alg.startsWith('PS')) {
        assert.equal(kit.sign({ sub: 'diff', fmt }, key, { alg, header: { kid: 'k1' }, iat: NOW, expiresIn: 60, now: NOW }),
          kit.sign({ sub: 'diff', fmt }, key, { alg, header: { kid: 'k1' }, iat: NOW, expiresIn: 60, now: NOW }),
          `${alg} is deterministic`);
      }
    }
    const theirs = await new jose.SignJWT({ sub: 'jose' }).setProtectedHeader({ alg, kid: 'k1' })
      .setIssuedAt(NOW).setExpirationTime(NOW + 60).sign(k.privateKey);
    for (const [fmt, key] of Object.entries(k.pub)) {
      const r = kit.verify(theirs, key, { algorithms: [alg], now: NOW });
      assert.equal(r.valid, true, `${fmt}: ${JSON.stringify(r.errors)}; key ${info}`);
      assert.equal(kit.verify(flip(theirs), key, { algorithms: [alg], now: NOW }).valid, false, `${fmt}: flipped`);
      assert.equal(kit.keyInfo(key).thumbprint, await jose.calculateJwkThumbprint(k.pub.JWK), `${fmt} thumbprint`);
    }
    // A private key verifies too (its public half).
    assert.equal(kit.verify(theirs, k.priv.JWK, { algorithms: [alg], now: NOW }).valid, true);
    void createPublicKey;
  });
}

test('PS256: salts come from crypto.getRandomValues (two signatures differ, both verify)', () => {
  const k = freshKeys('PS256');
  const a = kit.sign({ a: 1 }, k.priv.JWK, { alg: 'PS256' });
  const b = kit.sign({ a: 1 }, k.priv.JWK, { alg: 'PS256' });
  assert.notEqual(a, b);
  assert.ok(nodeOk(a, 'PS256', k.publicKey) && nodeOk(b, 'PS256', k.publicKey));
});

test('RSA below 2048 bits and public exponent 1 or even are refused', () => {
  const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
  assert.throws(() => kit.keyInfo(small.publicKey.export({ type: 'spki', format: 'pem' })), (e) => e.code === 'bad_key');
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
  assert.throws(() => kit.keyInfo({ ...jwk, e: 'AQ' }), (e) => e.code === 'bad_key' && /exponent is 1/.test(e.message));
  assert.throws(() => kit.keyInfo({ ...jwk, e: 'AQAC' }), (e) => e.code === 'bad_key' && /even/.test(e.message));
});
