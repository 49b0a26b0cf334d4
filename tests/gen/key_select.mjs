// Generates tests/vectors/key_select.json from tests/vectors/asym_keys.json
// with node:crypto and jose (independent of oojwt):
//   node tests/gen/key_select.mjs tests/vectors/key_select.json
// Run once; the output is committed. Read by tests/c/test_key_select.c
// and tests/js/key_select.test.mjs.
//
//   forgeries  public key material in the forms a verifier may hold it (DER,
//              PEM with a UTF-8 BOM, CRLF, leading blanks or text before
//              it, JWK and JWK Set text), each with an HS256/384/512 token
//              whose MAC is computed with those exact bytes as the secret:
//              what anyone holding the public key can compute. None may
//              verify, under any algorithm list.
//   forms      bytes and the form oojwt_key_classify() must give them.
//   valid      RS/PS/ES tokens with a key in one of those forms: all verify.
import { createHmac, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as jose from 'jose';

const asym = JSON.parse(readFileSync(new URL('../vectors/asym_keys.json', import.meta.url), 'utf8'));
const key = (name) => asym.keys.find((k) => k.name === name);
const rsa = key('rsa2048');
const p256 = key('p256');
const p384 = key('p384');
const NOW = asym.payload.iat + 100;
const hex = (b) => Buffer.from(b).toString('hex');
const utf8 = (s) => Buffer.from(s, 'utf8');
const der = (pem) => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
const BOM = '\ufeff';
const crlf = (s) => s.replace(/\r?\n/g, '\r\n');

function forge(bytes, alg = 'HS256') {
  const h = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
  const p = Buffer.from(JSON.stringify(asym.payload)).toString('base64url');
  const mac = createHmac(`sha${alg.slice(2)}`, bytes).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${mac}`;
}

const ed = der(generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' });
const text = `subject=CN = ${rsa.name}\nissuer=CN = ${rsa.name}\n`;
const jwkRsa = JSON.parse(rsa.public.jwk);
const jwkEc = JSON.parse(p256.public.jwk);

// [name, bytes, form, code a verify gives when the bytes are selected as a key]
const held = [
  ['RSA SPKI DER', Buffer.from(rsa.public.spki_der_hex, 'hex'), 'der', 'key_mismatch'],
  ['RSA PKCS#1 DER', Buffer.from(rsa.public.pkcs1_der_hex, 'hex'), 'der', 'key_mismatch'],
  ['RSA X.509 DER', Buffer.from(rsa.public.x509_der_hex, 'hex'), 'der', 'key_mismatch'],
  ['RSA PKCS#8 DER (private)', Buffer.from(rsa.private.pkcs8_der_hex, 'hex'), 'der', 'key_mismatch'],
  ['P-256 SPKI DER', Buffer.from(p256.public.spki_der_hex, 'hex'), 'der', 'key_mismatch'],
  ['P-384 SEC1 DER (private)', Buffer.from(p384.private.sec1_der_hex, 'hex'), 'der', 'key_mismatch'],
  ['P-256 X.509 DER', Buffer.from(p256.public.x509_der_hex, 'hex'), 'der', 'key_mismatch'],
  ['RSA 1024 SPKI DER (refused key)', small, 'der', 'bad_key'],
  ['Ed25519 SPKI DER (unsupported key)', ed, 'der', 'bad_key'],
  ['RSA SPKI PEM with a UTF-8 BOM', utf8(BOM + rsa.public.spki_pem), 'pem', 'key_mismatch'],
  ['RSA SPKI PEM with a BOM and CRLF', utf8(BOM + crlf(rsa.public.spki_pem)), 'pem', 'key_mismatch'],
  ['P-256 SPKI PEM with CRLF', utf8(crlf(p256.public.spki_pem)), 'pem', 'key_mismatch'],
  ['RSA SPKI PEM after blank lines', utf8(`\n\n  ${rsa.public.spki_pem}`), 'pem', 'key_mismatch'],
  ['RSA certificate PEM after openssl text', utf8(text + rsa.public.x509_pem), 'pem', 'key_mismatch'],
  ['RSA JWK text with a BOM', utf8(BOM + rsa.public.jwk), 'jwk', 'key_mismatch'],
  ['EC JWK text, indented', utf8(`\n  ${JSON.stringify(jwkEc, null, 2)}\n`), 'jwk', 'key_mismatch'],
  ['RSA JWK text, malformed (trailing comma)', utf8(`${rsa.public.jwk.slice(0, -1)},}`), 'jwk', 'bad_json'],
  ['JWK Set text', utf8(JSON.stringify({ keys: [jwkRsa, jwkEc] })), 'jwks', 'key_mismatch'],
  ['JWK Set text with a BOM and CRLF', utf8(BOM + crlf(JSON.stringify({ keys: [jwkRsa] }, null, 1))), 'jwks', 'key_mismatch'],
];

const forgeries = [];
for (const [name, bytes, , code] of held) {
  forgeries.push({ name, key_hex: hex(bytes), token: forge(bytes), code });
}
const spki = Buffer.from(rsa.public.spki_der_hex, 'hex');
forgeries.push({ name: 'RSA SPKI DER, HS384', key_hex: hex(spki), token: forge(spki, 'HS384'), code: 'key_mismatch' });
forgeries.push({ name: 'RSA SPKI DER, HS512', key_hex: hex(spki), token: forge(spki, 'HS512'), code: 'key_mismatch' });

const forms = held.map(([name, bytes, form]) => ({ name, key_hex: hex(bytes), form }));
const plain = [
  ['a text secret', 'k'.repeat(32)],
  ['a secret starting with a brace, no kty', '{"secret":"not a JWK"}'],
  ['a secret starting with -----', '----- not PEM -----'],
  ['a secret starting with 0x30, length not matching', '0\u0010abcdefghijklmnopqrstuvwxyz'],
  ['a hex secret starting with 30', '30820122300d06092a864886f70d0101'],
  ['empty', ''],
  ['a BOM alone', BOM],
];
for (const [name, s] of plain) forms.push({ name, key_hex: hex(utf8(s)), form: 'secret' });
// A DER SEQUENCE that covers the bytes but holds one element only: not a key.
forms.push({ name: 'a DER SEQUENCE of one INTEGER', key_hex: '3003020101', form: 'secret' });
forms.push({ name: 'random bytes with a DER header, contents not DER', key_hex: `3010${'ff'.repeat(16)}`, form: 'secret' });

async function signed(k, alg, header = {}) {
  return new jose.SignJWT(asym.payload).setProtectedHeader({ alg, typ: 'JWT', ...header })
    .sign(createPrivateKey(k.private.pkcs8_pem));
}

const valid = [
  { name: 'RS256, SPKI DER', key_hex: rsa.public.spki_der_hex, token: rsa.tokens.RS256 },
  { name: 'PS384, PKCS#1 DER', key_hex: rsa.public.pkcs1_der_hex, token: rsa.tokens.PS384 },
  { name: 'ES256, X.509 DER', key_hex: p256.public.x509_der_hex, token: p256.tokens.ES256 },
  { name: 'RS256, SPKI PEM with a BOM', key_hex: hex(utf8(BOM + rsa.public.spki_pem)), token: rsa.tokens.RS256 },
  { name: 'RS512, PEM with a BOM and CRLF', key_hex: hex(utf8(BOM + crlf(rsa.public.spki_pem))), token: rsa.tokens.RS512 },
  { name: 'ES256, certificate PEM after openssl text', key_hex: hex(utf8(text + p256.public.x509_pem)), token: p256.tokens.ES256 },
  { name: 'ES384, JWK text with a BOM', key_hex: hex(utf8(BOM + p384.public.jwk)), token: p384.tokens.ES384 },
  { name: 'PS256, private PKCS#8 DER', key_hex: rsa.private.pkcs8_der_hex, token: rsa.tokens.PS256 },
  { name: 'ES256, JWK Set of RSA and EC keys, no kid: chosen by alg', key_hex: hex(utf8(JSON.stringify({ keys: [jwkRsa, jwkEc] }))), token: p256.tokens.ES256 },
  { name: 'RS256, JWK Set, chosen by kid', key_hex: hex(utf8(JSON.stringify({ keys: [jwkRsa, { ...JSON.parse(key('rsa3072').public.jwk), kid: 'other' }] }))), token: await signed(rsa, 'RS256', { kid: jwkRsa.kid }) },
];

// A DER key whose last byte is a line feed: "one final newline is dropped"
// from a secret file must not cut it.
for (;;) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const d = publicKey.export({ type: 'spki', format: 'der' });
  if (d[d.length - 1] !== 0x0a) continue;
  const tok = await new jose.SignJWT(asym.payload).setProtectedHeader({ alg: 'ES256', typ: 'JWT' }).sign(privateKey);
  valid.push({ name: 'ES256, SPKI DER ending in 0x0a', key_hex: hex(d), token: tok });
  break;
}

writeFileSync(process.argv[2], `${JSON.stringify({
  source: `generated by tests/gen/key_select.mjs with node:crypto ${process.versions.node} and jose from tests/vectors/asym_keys.json; independent of oojwt`,
  notes: 'Test keys only. now is the time to verify at.',
  now: NOW, forgeries, forms, valid,
}, null, 1)}\n`);
