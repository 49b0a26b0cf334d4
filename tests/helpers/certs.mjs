// Real certificates for the certificate tests, made by Debian's openssl at
// test time in a temporary directory (about a second): self-signed RSA and
// EC (P-256/384/521, Ed25519), SAN DNS with a wildcard, IP SANs (v4 and v6),
// a CA and a leaf it signed, fixed-date certificates from `openssl ca`
// (one expired in 2020, one valid until 2060: GeneralizedTime), a weak
// RSA-1024/SHA-1 one, and one with a damaged self-signature.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function openssl(args, { cwd, input } = {}) {
  const r = spawnSync('openssl', args, { cwd, input, encoding: 'buffer' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout.toString('utf8');
}

const CA_CONF = `[ca]
default_ca = d
[d]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = p
unique_subject = no
email_in_dn = no
copy_extensions = copy
[p]
commonName = supplied
`;

/** Make every certificate; returns { dir, certs: { name: { cert, key, ... } } } (paths). */
export function makeCerts() {
  const dir = mkdtempSync(join(tmpdir(), 'oojwt-certs-'));
  const p = (f) => join(dir, f);
  const certs = {};
  const self = (name, keyArgs, subj, extra = [], days = '30') => {
    openssl(['req', '-x509', ...keyArgs, '-nodes', '-keyout', p(`${name}.key`), '-out', p(`${name}.pem`),
      '-subj', subj, '-days', days, ...extra]);
    certs[name] = { cert: p(`${name}.pem`), key: p(`${name}.key`) };
  };
  const ec = (curve) => ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${curve}`];
  // A self-signed certificate issued for localhost, CN only.
  self('localhost', ec('P-256'), '/CN=localhost');
  // RSA with DNS names (one a wildcard) and IP addresses, a comma in O.
  self('rsa', ['-newkey', 'rsa:2048'], '/C=US/O=Example, Inc./CN=docs.example.com', ['-addext',
    'subjectAltName=DNS:docs.example.com,DNS:*.example.com,IP:192.0.2.10,IP:2001:db8::1'], '500');
  self('p384', ec('P-384'), '/CN=p384.test', ['-sha384', '-addext', 'subjectAltName=DNS:p384.test']);
  self('p521', ec('P-521'), '/O=Ünïcödé GmbH/CN=p521.test', ['-sha512', '-utf8', '-addext', 'subjectAltName=DNS:p521.test']);
  self('ed25519', ['-newkey', 'ed25519'], '/CN=ed.test', ['-addext', 'subjectAltName=DNS:ed.test']);
  // IP SAN only (127.0.0.1), CN localhost: names fall back to the CN.
  self('iponly', ec('P-256'), '/CN=localhost', ['-addext', 'subjectAltName=IP:127.0.0.1']);
  // RSA 1024 signed with SHA-1.
  self('weak', ['-newkey', 'rsa:1024', '-sha1'], '/CN=weak.test', ['-addext', 'subjectAltName=DNS:weak.test']);
  // A CA and a leaf it signed (serial 0x0123, 397 days).
  self('ca', ec('P-256'), '/O=Test/CN=Test Root CA', ['-addext', 'basicConstraints=critical,CA:TRUE']);
  openssl(['req', '-new', ...ec('P-256'), '-nodes', '-keyout', p('leaf.key'), '-out', p('leaf.csr'),
    '-subj', '/CN=leaf.example.org']);
  writeFileSync(p('leaf.ext'), 'subjectAltName=DNS:leaf.example.org,IP:10.0.0.5\n');
  openssl(['x509', '-req', '-in', p('leaf.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-set_serial', '0x0123',
    '-days', '397', '-extfile', p('leaf.ext'), '-out', p('leaf.pem')]);
  certs.leaf = { cert: p('leaf.pem'), key: p('leaf.key') };
  // Fixed dates through `openssl ca` (text before the PEM block, as it writes).
  const cadir = p('ca-db');
  mkdirSync(cadir);
  writeFileSync(join(cadir, 'index.txt'), '');
  writeFileSync(join(cadir, 'serial'), '1000\n');
  writeFileSync(join(cadir, 'ca.cnf'), CA_CONF);
  openssl(['req', '-new', ...ec('P-256'), '-nodes', '-keyout', p('dated.key'), '-out', p('dated.csr'),
    '-subj', '/CN=dated.test', '-addext', 'subjectAltName=DNS:dated.test']);
  const dated = (name, start, end) => {
    openssl(['ca', '-batch', '-config', 'ca.cnf', '-selfsign', '-keyfile', p('dated.key'), '-in', p('dated.csr'),
      '-startdate', start, '-enddate', end, '-out', p(`${name}.pem`)], { cwd: cadir });
    certs[name] = { cert: p(`${name}.pem`), key: p('dated.key') };
  };
  dated('expired', '20200101000000Z', '20201231235959Z');
  dated('future', '20991231000000Z', '21000101000000Z');
  dated('y2060', '20240229120000Z', '20600101000000Z');
  // The EC certificate with its signature's last byte changed.
  const der = pemToDer(readFileSync(certs.localhost.cert, 'utf8'));
  der[der.length - 1] ^= 0x01;
  writeFileSync(p('damaged.pem'), derToPem(der));
  certs.damaged = { cert: p('damaged.pem'), key: certs.localhost.key };
  return { dir, certs };
}

export function pemToDer(text) {
  const m = /-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/.exec(text);
  return Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
}

export function derToPem(der) {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
