// Key selection and the HMAC-forgery guard (src/core/key_select.c), through the
// wasm module (kit.verify, kit.keyInfo) and both command lines (build/oojwt
// and bin/oojwt.mjs), from tests/vectors/key_select.json (made by
// tests/gen/key_select.mjs with node:crypto and jose):
//   - bytes that read as a key (DER, PEM with a BOM/CRLF/blanks/text before
//     it, JWK or JWK Set text) are never an HMAC secret: a token MACed with
//     those bytes -- which anyone holding the public key can compute -- never
//     verifies, whatever the algorithm list;
//   - the same bytes verify the real RS/PS/ES tokens;
//   - the JS and the native CLI agree, byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kit, readVector, codes } from '../helpers/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const NODE_CLI = join(root, 'bin', 'oojwt.mjs');
const vec = readVector('key_select.json');
const bytes = (v) => new Uint8Array(Buffer.from(v.key_hex, 'hex'));
const tmp = mkdtempSync(join(tmpdir(), 'oojwt-keysel-'));
let files = 0;
const file = (data) => {
  const p = join(tmp, `k${files++}`);
  writeFileSync(p, data);
  return p;
};
const ALL = kit.algorithms;
const lists = (alg) => [undefined, [alg], ['RS256', alg], ['ES256', 'PS256', alg], ALL];

test('forgeries: a token MACed with public key bytes never verifies (kit.verify, bytes and text)', () => {
  for (const f of vec.forgeries) {
    const alg = JSON.parse(Buffer.from(f.token.split('.')[0], 'base64url')).alg;
    const b = bytes(f);
    const forms = [b, b.buffer.slice(0)];
    const text = Buffer.from(b).toString('utf8');
    if (Buffer.from(text, 'utf8').equals(Buffer.from(b))) forms.push(text);
    for (const key of forms) {
      for (const algorithms of lists(alg)) {
        const options = algorithms === undefined ? { now: vec.now } : { now: vec.now, algorithms };
        const r = kit.verify(f.token, key, options);
        assert.equal(r.valid, false, `${f.name} (${typeof key}, ${algorithms ?? 'default'}) verified: forgery`);
        assert.ok(r.errors.length > 0);
        if (algorithms === undefined || algorithms.includes(alg)) {
          assert.deepEqual(codes(r), [f.code], `${f.name} (${algorithms ?? 'default'}): ${JSON.stringify(r.errors)}`);
        }
        const report = JSON.parse(kit.reports.verify(f.token, key, options));
        assert.equal(report.valid, false, `${f.name}: report`);
      }
    }
  }
});

test('forgeries: the message says why and what to do', () => {
  const f = vec.forgeries[0];
  const [e] = kit.verify(f.token, bytes(f), { now: vec.now, algorithms: ['HS256', 'RS256'] }).errors;
  assert.equal(e.code, 'key_mismatch');
  assert.match(e.message, /RSA key/);
});

test('forms: kit.keyInfo names what C classified', () => {
  for (const f of vec.forms) {
    let info;
    try {
      info = kit.keyInfo(bytes(f));
    } catch (e) {
      assert.notEqual(f.form, 'secret', `${f.name}: a secret must be described, not refused (${e.code})`);
      continue;
    }
    assert.equal(info.form, f.form, f.name);
    assert.equal(info.format === 'raw', f.form === 'secret', `${f.name}: ${JSON.stringify(info)}`);
  }
});

test('valid: RS/PS/ES tokens verify with the key in any form, default algorithms', () => {
  for (const v of vec.valid) {
    const r = kit.verify(v.token, bytes(v), { now: vec.now });
    assert.equal(r.valid, true, `${v.name}: ${JSON.stringify(r.errors)}`);
    const text = Buffer.from(bytes(v)).toString('utf8');
    if (Buffer.from(text, 'utf8').equals(Buffer.from(bytes(v)))) {
      assert.equal(kit.verify(v.token, text, { now: vec.now }).valid, true, `${v.name} as text`);
    }
  }
});

function run(which, args) {
  const r = which === 'native'
    ? spawnSync(NATIVE, args, { encoding: 'utf8', input: '' })
    : spawnSync(process.execPath, [NODE_CLI, ...args], { encoding: 'utf8', input: '' });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function both(args) {
  const a = run('native', args);
  const b = run('node', args);
  assert.equal(b.code, a.code, `exit codes differ for ${args.join(' ')}: native ${a.code} (${a.err}), node ${b.code} (${b.err})`);
  assert.equal(b.out, a.out, `stdout differs for ${args.join(' ')}`);
  return a;
}

// One forgery of each kind (a process per run: the whole list takes 40 s).
const CLI_FORGERIES = ['RSA SPKI DER', 'P-256 SPKI DER', 'Ed25519 SPKI DER (unsupported key)',
  'RSA SPKI PEM with a BOM and CRLF', 'RSA certificate PEM after openssl text', 'RSA JWK text with a BOM',
  'RSA JWK text, malformed (trailing comma)', 'JWK Set text with a BOM and CRLF', 'RSA SPKI DER, HS512'];

test('both CLIs: verify --secret-file with public key bytes refuses the forged token, and they agree', () => {
  for (const f of vec.forgeries.filter((x) => CLI_FORGERIES.includes(x.name))) {
    const path = file(Buffer.from(f.key_hex, 'hex'));
    for (const [which, extra] of [['--secret-file', []], ['--secret-file', ['--algorithms', 'RS256,HS256,HS384,HS512']],
      ['--key-file', ['--algorithms', 'HS256,HS384,HS512']]]) {
      {
        const args = ['verify', which, path, '--now', String(vec.now), '--json', ...extra, f.token];
        const a = both(args);
        assert.equal(a.code, 1, `${f.name} ${which} ${extra.join(' ')}: exit ${a.code} ${a.out} ${a.err}`);
        assert.deepEqual(codes(JSON.parse(a.out)), [f.code], `${f.name} ${which}: ${a.out}`);
      }
    }
  }
});

test('both CLIs: verify RS/PS/ES tokens with a PEM, DER, JWK or JWK Set file', () => {
  for (const v of vec.valid) {
    const path = file(Buffer.from(v.key_hex, 'hex'));
    for (const which of ['--key-file', '--secret-file']) {
      const a = both(['verify', which, path, '--now', String(vec.now), '--json', v.token]);
      assert.equal(a.code, 0, `${v.name} ${which}: ${a.out} ${a.err}`);
      assert.equal(JSON.parse(a.out).valid, true);
      if (v === vec.valid[0]) assert.match(both(['verify', which, path, '--now', String(vec.now), v.token]).out, /^VALID/);
    }
  }
});

test('both CLIs: --key-file refuses a plain secret; a DER key ending in a newline byte is kept whole', () => {
  const secret = file('k'.repeat(32));
  const tok = kit.sign({ a: 1 }, 'k'.repeat(32));
  const a = both(['verify', '--key-file', secret, '--json', tok]);
  assert.equal(a.code, 3, a.err);
  assert.match(a.err, /--key-file/);
  assert.equal(both(['verify', '--secret-file', secret, '--json', tok]).code, 0);
  // A DER key whose last byte is 0x0a is read whole from --secret-file
  // (dropping "one final newline" would leave bytes that are no key).
  const v = vec.valid.find((x) => x.name === 'ES256, SPKI DER ending in 0x0a');
  assert.ok(v.key_hex.endsWith('0a'));
  assert.equal(both(['verify', '--secret-file', file(Buffer.from(v.key_hex, 'hex')), v.token, '--now', String(vec.now)]).code, 0);
});

test('both CLIs: sign RS256 and ES256 with --key-file give the same token, which verifies', () => {
  const asym = readVector('asym_keys.json');
  for (const [alg, pem, pub] of [['RS256', asym.keys[0].private.pkcs8_pem, asym.keys[0].public.spki_pem],
    ['ES256', asym.keys[3].private.sec1_pem, asym.keys[3].public.jwk]]) {
    const a = both(['sign', '--key-file', file(pem), '--alg', alg, '--now', String(vec.now), '{"a":1}']);
    assert.equal(a.code, 0, a.err);
    assert.equal(kit.verify(a.out.trim(), pub, { now: vec.now }).valid, true, alg);
  }
});
