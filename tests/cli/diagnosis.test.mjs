// The native CLI's compare-secrets and commands (src/cli/ds.c, src/cli/deploy.c):
// secrets from files and the environment only, the same report as
// kit.onlyoffice.compareSecrets and kit.onlyoffice.commands, exit codes,
// and hostile values refused with exit code 2. (The Node CLI is being
// rebuilt over the C CLI; these run the native binary.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kit, readVector } from '../helpers/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const tmp = mkdtempSync(join(tmpdir(), 'oojwt-diag-'));
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'OOJWT_SECRET'));
function run(args, env = {}) {
  const r = spawnSync(NATIVE, args, { env: { ...baseEnv, ...env }, encoding: 'utf8', input: '' });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const file = (name, text) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

test('compare-secrets --json: the report of kit.onlyoffice.compareSecrets, for every vector given by env', () => {
  for (const v of readVector('secret_compare.json').tests) {
    if (v.a === undefined || v.b === undefined || v.a.includes('\0') || v.b.includes('\0')) continue;
    const args = ['compare-secrets', '--secret-env', 'A', '--other-secret-env', 'B', '--json'];
    if (v.token !== undefined) args.push(v.token);
    const r = run(args, { A: v.a, B: v.b });
    assert.equal(r.code, v.expect.equal ? 0 : 1, `#${v.id}: ${r.err}`);
    assert.deepEqual(JSON.parse(r.out), v.expect, `#${v.id}`);
  }
});

test('compare-secrets: text report names each hidden character; no secret byte printed', () => {
  const r = run(['compare-secrets', '--secret-env', 'A', '--other-secret-file', file('b.txt', 'pa\u0430ss\n')], { A: 'paass\n' });
  assert.equal(r.code, 1, r.err);
  assert.ok(r.out.startsWith('DIFFERENT, but equal once'), r.out);
  assert.match(r.out, /character 6 \(byte 5\): U\+000A, lf/);
  assert.match(r.out, /character 3 \(byte 2\): U\+0430, homoglyph \(looks like "a"\)/);
  assert.match(r.out, /first difference: character 3 \(byte 2\)/);
  assert.ok(!r.out.includes('paass') && !r.out.includes('pa\u0430ss'));
});

test('compare-secrets: the other secret is required, once; the token says who verifies', () => {
  assert.equal(run(['compare-secrets', '--secret-env', 'A'], { A: 'x' }).code, 2);
  assert.equal(run(['compare-secrets', '--secret-env', 'A', '--other-secret-env', 'B', '--other-secret-file', '/dev/null'], { A: 'x', B: 'y' }).code, 2);
  const t = kit.sign({ c: 'version' }, 'secret');
  const r = run(['compare-secrets', '--secret-env', 'A', '--other-secret-env', 'B', t], { A: 'secret', B: 'secret\n' });
  assert.match(r.out, /the secret verifies the token, the other does not/);
  assert.ok(run(['--help']).out.includes('compare-secrets'));
  assert.ok(run(['compare-secrets', '--help']).out.startsWith('usage: oojwt compare-secrets'));
});

test('commands --json: kit.onlyoffice.commands\'s report; hostile values refused with exit code 2', () => {
  const args = ['commands', '--json', '--container', 'onlyoffice', '--url', 'https://10.17.174.115/', '--host', '10.17.174.115',
    '--connector', 'nextcloud', '--server-version', '8.2', '--self-signed'];
  const r = run(args);
  assert.equal(r.code, 0, r.err);
  const want = kit.onlyoffice.commands({ container: 'onlyoffice', url: 'https://10.17.174.115/', host: '10.17.174.115', connector: 'nextcloud', version: '8.2', selfSigned: true });
  assert.deepEqual(JSON.parse(r.out), want);
  for (const bad of [['--container', 'x;id'], ['--url', 'https://a\nb'], ['--host', 'a b'], ['--jwt-header', 'A:B'], ['--sign-with', 'perl'], ['--server-version', 'latest']]) {
    const b = run(['commands', ...bad]);
    assert.equal(b.code, 2, `${bad.join(' ')}: ${b.out}`);
  }
  const text = run(['commands', '--url', 'https://ds.example.com']).out;
  assert.match(text, /^# read_secret \(run on the Document Server host\)\n# prints the secret/);
  assert.match(text, /# check_command \(run on the connector's host\)/);
  const withSecret = run(['commands', '--url', 'https://ds', '--include-secret', '--secret-env', 'S'], { S: "it's" });
  assert.ok(withSecret.out.includes("JWT_SECRET='it'\\''s'"), withSecret.out);
  assert.ok(!run(['commands', '--url', 'https://ds', '--secret-env', 'S'], { S: 'Qx7rT2mK9pL4' }).out.includes('Qx7rT2mK9pL4'));
});
