// Sign/verify times per algorithm, oojwt (wasm) next to node:crypto, on
// fresh keys (RSA 2048, P-256/384/521). Not a test: `node tests/bench/asym.mjs`.
import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify, constants } from 'node:crypto';
import { kit } from '../helpers/common.mjs';

const HASH = { 256: 'sha256', 384: 'sha384', 512: 'sha512' };
const CURVE = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };
const payload = { document: { key: 'k1', url: 'https://example.com/doc.docx' }, permissions: { edit: true } };

function time(fn, ms = 400) {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) { fn(); n++; }
  return ((performance.now() - t0) * 1000) / n; // microseconds per call
}

const rows = [];
for (const alg of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512']) {
  const { publicKey, privateKey } = alg[0] === 'E'
    ? generateKeyPairSync('ec', { namedCurve: CURVE[alg] })
    : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const priv = privateKey.export({ format: 'jwk' });
  const pub = publicKey.export({ format: 'jwk' });
  const token = kit.sign(payload, priv, { alg });
  const [h, p, s] = token.split('.');
  const input = Buffer.from(`${h}.${p}`);
  const sig = Buffer.from(s, 'base64url');
  const opt = (key) => {
    const o = { key };
    if (alg[0] === 'P') Object.assign(o, { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: +alg.slice(2) / 8 });
    if (alg[0] === 'E') o.dsaEncoding = 'ieee-p1363';
    return o;
  };
  const hash = HASH[alg.slice(2)];
  rows.push({
    alg,
    'oojwt sign µs': time(() => kit.sign(payload, priv, { alg })).toFixed(0),
    'node sign µs': time(() => nodeSign(hash, input, opt(privateKey))).toFixed(0),
    'oojwt verify µs': time(() => kit.verify(token, pub, { algorithms: [alg] })).toFixed(0),
    'node verify µs': time(() => nodeVerify(hash, input, opt(publicKey), sig)).toFixed(0),
  });
}
console.table(rows);
console.log('oojwt times include key parsing (JWK) and the whole token check; node:crypto times are the bare signature operation on a parsed KeyObject.');
