// ES256/384/512 signatures are RFC 6979 deterministic ECDSA, byte for byte:
// each signature is recomputed here independently of oojwt -- the nonce k
// by RFC 6979 section 3.2 over node:crypto's HMAC, R = kG by node:crypto's
// ECDH, s = (h + r d) / k mod n with BigInt -- and must equal kit.sign's.
// A changed nonce (another DRBG, hash or seed) fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createECDH, createHash, createHmac, generateKeyPairSync } from 'node:crypto';
import { kit } from '../helpers/common.mjs';

// The curves' orders (FIPS 186-4, D.1.2), checked below: (n - 1)G = -G.
const CURVES = {
  ES256: { crv: 'P-256', ecdh: 'prime256v1', hash: 'sha256',
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n },
  ES384: { crv: 'P-384', ecdh: 'secp384r1', hash: 'sha384',
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n },
  ES512: { crv: 'P-521', ecdh: 'secp521r1', hash: 'sha512',
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n },
};

const toInt = (buf) => BigInt(`0x${Buffer.from(buf).toString('hex') || '0'}`);
const toBytes = (x, len) => Buffer.from(x.toString(16).padStart(len * 2, '0'), 'hex');
const modpow = (b, e, m) => {
  let r = 1n;
  for (b %= m; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) r = (r * b) % m;
  return r;
};

// The RFC 6979 signature (r || s) of `msg` with private scalar d.
function rfc6979(c, d, msg) {
  const qlen = c.n.toString(2).length;
  const rlen = Math.ceil(qlen / 8);
  const bits2int = (b) => {
    const x = toInt(b);
    return b.length * 8 > qlen ? x >> BigInt(b.length * 8 - qlen) : x;
  };
  const h1 = createHash(c.hash).update(msg).digest();
  const hlen = h1.length;
  const mac = (k, ...parts) => createHmac(c.hash, k).update(Buffer.concat(parts)).digest();
  const seed = Buffer.concat([toBytes(d, rlen), toBytes(bits2int(h1) % c.n, rlen)]);
  let V = Buffer.alloc(hlen, 1);
  let K = Buffer.alloc(hlen, 0);
  K = mac(K, V, Buffer.from([0]), seed);
  V = mac(K, V);
  K = mac(K, V, Buffer.from([1]), seed);
  V = mac(K, V);
  for (;;) {
    let T = Buffer.alloc(0);
    while (T.length < rlen) {
      V = mac(K, V);
      T = Buffer.concat([T, V]);
    }
    const k = bits2int(T.subarray(0, rlen));
    if (k >= 1n && k < c.n) {
      const ecdh = createECDH(c.ecdh);
      ecdh.setPrivateKey(toBytes(k, rlen));
      const R = ecdh.getPublicKey();               // 04 || X || Y
      const r = toInt(R.subarray(1, 1 + (R.length - 1) / 2)) % c.n;
      const s = (modpow(k, c.n - 2n, c.n) * ((bits2int(h1) + r * d) % c.n)) % c.n;
      return Buffer.concat([toBytes(r, rlen), toBytes(s, rlen)]);
    }
    K = mac(K, V, Buffer.from([0]));
    V = mac(K, V);
  }
}

for (const [alg, c] of Object.entries(CURVES)) {
  test(`${alg}: signatures are RFC 6979's, recomputed independently (5 keys x 3 payloads)`, () => {
    const rlen = Math.ceil(c.n.toString(2).length / 8);
    const X = (k) => {
      const e = createECDH(c.ecdh);
      e.setPrivateKey(toBytes(k, rlen));
      return e.getPublicKey().subarray(1, 1 + rlen).toString('hex');
    };
    assert.equal(X(c.n - 1n), X(1n), 'the order n');
    for (let i = 0; i < 5; i++) {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: c.crv });
      const jwk = privateKey.export({ format: 'jwk' });
      const d = toInt(Buffer.from(jwk.d, 'base64url'));
      for (const payload of [{}, { sub: `k${i}`, n: i }, { pad: 'x'.repeat(300 * i) }]) {
        const tok = kit.sign(payload, jwk, { alg });
        const [h, p, sig] = tok.split('.');
        assert.equal(Buffer.from(sig, 'base64url').toString('hex'),
          rfc6979(c, d, `${h}.${p}`).toString('hex'), `${alg} key ${i}, payload ${p}`);
      }
    }
  });
}
