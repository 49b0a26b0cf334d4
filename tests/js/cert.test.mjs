// kit.inspectCertificate against real certificates made by Debian's openssl
// at test time (tests/helpers/certs.mjs), with node:crypto's X509Certificate
// and `openssl x509` output as the second opinions: subject, issuer,
// serial, validity, SAN, fingerprint, key, signature algorithm,
// checkPrivateKey, checkHost / checkIP, self-signature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { kit, loadWithInstance } from '../helpers/common.mjs';
import { OojwtError } from '../../web/lib/oojwt.mjs';
import { makeCerts, openssl, pemToDer, derToPem } from '../helpers/certs.mjs';

const { certs } = makeCerts();
const NOW = Math.floor(Date.now() / 1000);
const text = (path) => readFileSync(path, 'utf8');
const x509 = (name) => new X509Certificate(readFileSync(certs[name].cert));
const inspect = (name, options = {}) => kit.inspectCertificate(text(certs[name].cert), { now: NOW, ...options });
const codes = (r) => r.findings.map((f) => f.code);

// Node prints a DN one attribute a line (RFC 2253 escapes); ours is one line.
const nodeDn = (s) => s.split('\n').join(', ');
// WHATWG URL writes IPv6 as RFC 5952 does: an independent canonical form.
const canonicalIp = (ip) => (ip.includes(':') ? new URL(`http://[${ip}]/`).hostname.slice(1, -1) : ip);
const nodeSan = (cert) => {
  const dns = [];
  const ip = [];
  for (const part of (cert.subjectAltName ?? '').split(', ').filter(Boolean)) {
    if (part.startsWith('DNS:')) dns.push(part.slice(4));
    else if (part.startsWith('IP Address:')) ip.push(canonicalIp(part.slice(11)));
  }
  return { dns, ip };
};
const CURVES = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

for (const name of Object.keys(certs)) {
  test(`${name}: the report agrees with node:crypto's X509Certificate and openssl x509`, () => {
    const r = inspect(name);
    const c = x509(name);
    assert.equal(r.subject, nodeDn(c.subject));
    assert.equal(r.issuer, nodeDn(c.issuer));
    assert.equal(r.serial, c.serialNumber.replace(/^(00)+(?=.)/, ''));
    assert.equal(r.notBefore, Date.parse(c.validFrom) / 1000);
    assert.equal(r.notAfter, Date.parse(c.validTo) / 1000);
    assert.equal(r.fingerprintSha256, c.fingerprint256);
    assert.deepEqual(r.san, nodeSan(c));
    const type = c.publicKey.asymmetricKeyType;
    const details = c.publicKey.asymmetricKeyDetails;
    assert.equal(r.keyType, { rsa: 'RSA', ec: 'EC', ed25519: 'Ed25519' }[type]);
    if (type === 'rsa') assert.equal(r.keyBits, details.modulusLength);
    if (type === 'ec') assert.equal(r.keyCurve, CURVES[details.namedCurve]);
    const selfSigned = c.checkIssued(c) && c.verify(c.publicKey);
    assert.equal(r.selfSigned, selfSigned, 'selfSigned');
    assert.equal(r.expired, NOW > r.notAfter);
    assert.equal(r.notYetValid, NOW < r.notBefore);
    // openssl's own words for the same certificate.
    const out = openssl(['x509', '-in', certs[name].cert, '-noout', '-text', '-fingerprint', '-sha256', '-serial']);
    assert.match(out, new RegExp(`Signature Algorithm: ${r.signatureAlgorithm}\\n`, 'i'));
    assert.match(out, new RegExp(`Fingerprint=${r.fingerprintSha256}\\n`));
    assert.ok(out.includes(`serial=${c.serialNumber}`));
  });

  test(`${name}: checkPrivateKey agrees for its own key and for another`, () => {
    const c = x509(name);
    for (const other of [name, name === 'rsa' ? 'localhost' : 'rsa', 'p384']) {
      const keyPem = text(certs[other].key);
      if (other === 'ed25519') {
        // Ed25519 private keys are not read (no Ed25519 in this build): refused, never a guess.
        assert.throws(() => inspect(name, { privateKey: keyPem }), (e) => e.code === 'bad_key');
        continue;
      }
      const expected = c.checkPrivateKey(createPrivateKey(keyPem));
      const r = inspect(name, { privateKey: keyPem });
      assert.equal(r.keyMatches, expected, `${name} with the key of ${other}`);
      assert.equal(codes(r).includes('cert_key_mismatch'), !expected);
    }
  });
}

const HOSTS = ['localhost', 'LocalHost', 'docs.example.com', 'DOCS.Example.COM', 'a.example.com',
  'a.b.example.com', 'example.com', 'p384.test', 'p521.test', 'leaf.example.org', 'dated.test',
  'weak.test', 'ed.test', 'other.test', '192.0.2.10', '2001:db8::1', '2001:DB8:0:0:0:0:0:1', '127.0.0.1',
  '10.0.0.5', '10.0.0.6', '::1'];

test('host coverage agrees with X509Certificate.checkHost / checkIP for every certificate and host', () => {
  let checked = 0;
  for (const name of Object.keys(certs)) {
    const c = x509(name);
    for (const host of HOSTS) {
      const isIp = /^[\d.]+$/.test(host) || host.includes(':');
      const expected = isIp ? c.checkIP(host) !== undefined
        : c.checkHost(host, { wildcards: true, partialWildcards: false, multiLabelWildcards: false }) !== undefined;
      const r = inspect(name, { host });
      assert.equal(r.coversHost, expected, `${name} covers ${host}?`);
      assert.equal(codes(r).includes('cert_host_not_covered'), !expected, `${name} / ${host}`);
      checked++;
    }
  }
  assert.equal(checked, Object.keys(certs).length * HOSTS.length);
});

test('a self-signed certificate for localhost: CN only, self-signed, and what the connector needs', () => {
  const r = inspect('localhost', { host: '192.0.2.10' });
  assert.equal(r.selfSigned, true);
  assert.equal(r.signatureChecked, true);
  assert.deepEqual(r.san, { dns: [], ip: [] });
  assert.equal(r.coversHost, false);
  assert.deepEqual(codes(r), ['cert_host_not_covered', 'cert_self_signed', 'cert_cn_only']);
  const self = r.findings.find((f) => f.code === 'cert_self_signed');
  assert.equal(self.severity, 'warning');
  assert.match(self.fix, /Disable certificate verification/);
  assert.match(self.fix, /impersonate/);
  assert.match(r.findings[0].message, /no IP address SAN 192\.0\.2\.10/);
  const byCn = inspect('localhost', { host: 'localhost' });
  assert.equal(byCn.coversHost, true);
  assert.equal(byCn.coveredBy, 'cn');
  assert.match(byCn.findings.find((f) => f.code === 'cert_cn_only').message, /covered only by the subject CN/);
});

test('RSA with SANs: wildcard, IPv4/IPv6, validity over 398 days, escapes in the DN', () => {
  const r = inspect('rsa', { host: 'files.example.com', privateKey: text(certs.rsa.key) });
  assert.equal(r.subject, 'C=US, O=Example\\, Inc., CN=docs.example.com');
  assert.deepEqual(r.san, { dns: ['docs.example.com', '*.example.com'], ip: ['192.0.2.10', '2001:db8::1'] });
  assert.equal(r.keyBits, 2048);
  assert.equal(r.signatureAlgorithm, 'sha256WithRSAEncryption');
  assert.equal(r.coveredBy, 'dns');
  assert.equal(r.keyMatches, true);
  assert.ok(codes(r).includes('cert_validity_too_long'));
  assert.equal(inspect('rsa', { host: '[2001:db8::1]' }).coveredBy, 'ip');
  assert.equal(inspect('rsa', { host: 'docs.example.com.' }).coversHost, true, 'a trailing dot is ignored');
});

test('fixed dates: expired in 2020, not yet valid, GeneralizedTime after 2049, text around the PEM block', () => {
  const e = inspect('expired');
  assert.equal(e.notBefore, 1577836800);
  assert.equal(e.notAfter, 1609459199);
  assert.equal(e.expired, true);
  assert.equal(e.findings[0].code, 'cert_expired');
  assert.match(e.findings[0].message, /expired on 2020-12-31 23:59:59 UTC/);
  assert.equal(inspect('expired', { now: 1609459199 }).expired, false, 'valid through notAfter itself');
  assert.equal(inspect('expired', { now: 1577836799 }).notYetValid, true);
  const f = inspect('future');
  assert.equal(f.notYetValid, true);
  assert.ok(codes(f).includes('cert_not_yet_valid'));
  const g = inspect('y2060');
  assert.equal(g.notBefore, Date.UTC(2024, 1, 29, 12) / 1000, 'a leap day');
  assert.equal(g.notAfter, Date.UTC(2060, 0, 1) / 1000);
  assert.ok(text(certs.y2060.cert).startsWith('Certificate:'), 'openssl ca writes text before the block');
});

test('CA-signed leaf: not self-signed, serial, IP SAN, 397 days is within policy', () => {
  const r = inspect('leaf', { host: '10.0.0.5' });
  assert.equal(r.selfSigned, false);
  assert.equal(r.selfIssued, false);
  assert.equal(r.issuer, 'O=Test, CN=Test Root CA');
  assert.equal(r.serial, '0123');
  assert.equal(r.coveredBy, 'ip');
  assert.deepEqual(codes(r), []);
  assert.equal(inspect('ca').selfSigned, true);
});

test('weak key and SHA-1, Ed25519, P-384/P-521, damaged self-signature', () => {
  const w = inspect('weak', { privateKey: text(certs.weak.key) });
  assert.equal(w.keyBits, 1024);
  assert.equal(w.signatureAlgorithm, 'sha1WithRSAEncryption');
  assert.equal(w.keyMatches, true, 'a 1024-bit key is still matched');
  assert.ok(codes(w).includes('cert_weak_key') && codes(w).includes('cert_weak_signature'));
  assert.equal(w.signatureChecked, false, 'SHA-1 is not checked');
  const ed = inspect('ed25519');
  assert.equal(ed.signatureAlgorithm, 'ED25519');
  assert.equal(ed.signatureChecked, false);
  assert.equal(ed.selfSigned, true);
  assert.equal(inspect('p384').signatureChecked, true);
  assert.equal(inspect('p521').subject, 'O=Ünïcödé GmbH, CN=p521.test');
  assert.equal(inspect('p521').keyBits, 521);
  const d = inspect('damaged');
  assert.equal(d.selfIssued, true);
  assert.equal(d.selfSigned, false);
  assert.ok(codes(d).includes('cert_bad_self_signature'));
});

test('DER bytes, a chain file and a key+certificate file read as the first certificate', () => {
  const pem = text(certs.leaf.cert);
  const der = pemToDer(pem);
  assert.deepEqual(kit.inspectCertificate(new Uint8Array(der), { now: NOW }), inspect('leaf'));
  const chain = `${pem}${text(certs.ca.cert)}`;
  assert.equal(kit.inspectCertificate(chain, { now: NOW }).subject, 'CN=leaf.example.org');
  const combined = `${text(certs.leaf.key)}${pem}`;
  assert.equal(kit.inspectCertificate(combined, { now: NOW }).serial, '0123');
  assert.equal(derToPem(der), pem.replace(/\r/g, ''));
});

test('bad input is an OojwtError with a stable code; wrong argument types are TypeErrors', () => {
  const cases = [
    ['', 'bad_certificate'],
    ['hello', 'bad_certificate'],
    ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', 'bad_certificate'],
    ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', 'bad_certificate'],
    ['-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n', 'bad_certificate'],
    [new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), 'bad_certificate'],
  ];
  for (const [input, code] of cases) {
    assert.throws(() => kit.inspectCertificate(input, { now: NOW }), (e) => e instanceof OojwtError && e.code === code,
      String(input).slice(0, 40));
  }
  const pem = text(certs.rsa.cert);
  assert.throws(() => kit.inspectCertificate(pem, { privateKey: 'not a key' }), (e) => e.code === 'bad_key');
  assert.throws(() => kit.inspectCertificate(pem, { privateKey: pem }), (e) => e.code === 'bad_key' && /not a private key/.test(e.message));
  assert.throws(() => kit.inspectCertificate(pem, { host: '' }), (e) => e.code === 'bad_argument');
  assert.throws(() => kit.inspectCertificate(pem.repeat(1 + (1 << 20) / pem.length)), (e) => e.code === 'too_large');
  assert.throws(() => kit.inspectCertificate(42), TypeError);
  assert.throws(() => kit.inspectCertificate(pem, { host: 1 }), TypeError);
  assert.throws(() => kit.inspectCertificate(pem, { now: 'soon' }), TypeError);
  assert.throws(() => kit.inspectCertificate(pem, { privateKey: {} }), TypeError);
  assert.throws(() => kit.inspectCertificate(pem, null), TypeError);
  // Without a key or host those members are null.
  const r = kit.inspectCertificate(pem);
  assert.equal(r.keyMatches, null);
  assert.equal(r.coversHost, null);
});

test('every byte flip or truncation of a DER certificate is refused or still parses consistently', () => {
  const der = pemToDer(text(certs.leaf.cert));
  let refused = 0;
  for (let i = 0; i < der.length; i++) {
    const bad = Buffer.from(der);
    bad[i] ^= 0x80;
    try {
      const r = kit.inspectCertificate(new Uint8Array(bad), { now: NOW });
      assert.notEqual(r.fingerprintSha256, inspect('leaf').fingerprintSha256);
    } catch (e) {
      assert.ok(e instanceof OojwtError, String(e));
      assert.ok(['bad_certificate', 'too_large'].includes(e.code), e.code);
      refused++;
    }
  }
  for (let n = 0; n < der.length; n++) {
    assert.throws(() => kit.inspectCertificate(new Uint8Array(der.subarray(0, n))), (e) => e.code === 'bad_certificate');
  }
  assert.ok(refused > der.length / 4, `${refused} of ${der.length} flips refused`);
});

test('wasm memory: every inspection frees what it allocated, and no private key is left behind', async () => {
  const { kit: own, x } = await loadWithInstance();
  const keys = ['rsa', 'localhost', 'weak', 'p521'].map((n) => text(certs[n].key));
  // The EC scalar, the RSA exponent and the RSA primes (which oojwt keeps while it works).
  const secrets = keys.flatMap((k) => {
    const jwk = createPrivateKey(k).export({ format: 'jwk' });
    return [jwk.d, jwk.p, jwk.q].filter(Boolean).map((v) => Buffer.from(v, 'base64url'));
  });
  const calls = [
    () => own.inspectCertificate(text(certs.rsa.cert), { privateKey: keys[0], host: 'docs.example.com' }),
    () => own.inspectCertificate(text(certs.rsa.cert), { privateKey: keys[1] }),
    () => own.inspectCertificate(text(certs.weak.cert), { privateKey: keys[2], host: '10.1.1.1' }),
    () => own.inspectCertificate(text(certs.p521.cert), { privateKey: keys[3] }),
    () => own.inspectCertificate(new Uint8Array(pemToDer(text(certs.leaf.cert)))),
    () => assert.throws(() => own.inspectCertificate('junk', { privateKey: keys[0] }), OojwtError),
    () => assert.throws(() => own.inspectCertificate(text(certs.rsa.cert), { privateKey: 'junk' }), OojwtError),
  ];
  for (const call of calls) call(); // warm-up
  const start = x.oojwt_wasm_heap_used();
  for (let i = 0; i < 300; i++) {
    calls[i % calls.length]();
    assert.equal(x.oojwt_wasm_heap_used(), start, `call ${i % calls.length} leaves the heap changed`);
  }
  const mem = Buffer.from(x.memory.buffer);
  for (const [i, d] of secrets.entries()) {
    assert.equal(mem.indexOf(d), -1, `private part ${i} is in wasm memory`);
  }
});

test('private keys as PKCS#1, SEC1, PKCS#8 and DER (converted by openssl) all match their certificate', () => {
  const forms = [
    ['rsa', ['rsa', '-traditional'], /^-----BEGIN RSA PRIVATE KEY-----/],
    ['localhost', ['ec'], /^-----BEGIN EC PRIVATE KEY-----/],
    ['p384', ['pkey'], /^-----BEGIN PRIVATE KEY-----/],
    ['p521', ['ec'], /^-----BEGIN EC PRIVATE KEY-----/],
  ];
  for (const [name, cmd, label] of forms) {
    const pem = openssl([...cmd, '-in', certs[name].key]);
    assert.match(pem, label);
    assert.equal(inspect(name, { privateKey: pem }).keyMatches, true, `${name} ${cmd.join(' ')}`);
    const der = spawnSync('openssl', [...cmd, '-in', certs[name].key, '-outform', 'DER']).stdout;
    assert.ok(der.length > 0 && der[0] === 0x30);
    assert.equal(inspect(name, { privateKey: new Uint8Array(der) }).keyMatches, true, `${name} DER`);
    assert.equal(inspect('leaf', { privateKey: new Uint8Array(der) }).keyMatches, false);
  }
});
