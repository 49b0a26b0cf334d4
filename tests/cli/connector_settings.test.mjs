// `oojwt connector-settings` on the native build/oojwt (src/cli/connector.c):
// every connector settings vector (tests/vectors/connector_settings.json)
// gives, with --json --show-secrets, the report kit.onlyoffice.
// readConnectorSettings returns; without --show-secrets the connector's
// secret is hidden (in --json and in the human output); the human output
// says in words whether the secrets match; exit codes as the other inspect
// commands (0, 1 on an error finding or text no connector stores, 2 usage,
// 3 input); INPUT as text, @FILE and -.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kit } from '../helpers/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const VECTORS = JSON.parse(readFileSync(join(root, 'tests', 'vectors', 'connector_settings.json'), 'utf8')).tests;
const tmp = mkdtempSync(join(tmpdir(), 'oojwt-connector-'));
const file = (name, text) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

function run(args, input = '') {
  const r = spawnSync(NATIVE, ['connector-settings', ...args], { encoding: 'utf8', input, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SECRET = 'Kq3ZxY7pLm2Vn8Rt5Wb1Hc6Jd4Fg9Ae0';
const local = (secret) => JSON.stringify({ services: { CoAuthoring: {
  secret: { inbox: { string: secret }, outbox: { string: secret }, session: { string: secret } },
  token: { enable: { browser: true, request: { inbox: true, outbox: true } } },
} } });
const configPhp = (secret) => `<?php\n$CONFIG = array (\n  'version' => '28.0.1.1',\n  'onlyoffice' => array (\n    'jwt_secret' => '${secret}',\n    'jwt_leeway' => 30,\n  ),\n);\n`;

test('the native CLI is built', () => {
  assert.ok(existsSync(NATIVE), `${NATIVE} is missing: run make`);
});

test('--json --show-secrets: readConnectorSettings\'s report for every vector (with its server config)', () => {
  let n = 0;
  for (const v of VECTORS) {
    if (v.certificateSelfSigned !== undefined) continue;
    const args = ['--json', '--show-secrets'];
    const options = {};
    if (v.serverConfig !== undefined) {
      args.push('--server-config', file(`local-${v.id}.json`, v.serverConfig));
      options.serverConfig = v.serverConfig;
    }
    const r = run([...args, '-'], v.text);
    const expected = kit.onlyoffice.readConnectorSettings(v.text, options);
    assert.equal(r.out, `${JSON.stringify(expected)}\n`, `vector ${v.id}: ${v.comment}`);
    const errors = [...expected.findings, ...(expected.comparison?.findings ?? [])].some((f) => f.severity === 'error');
    assert.equal(r.code, errors || expected.form === 'unknown' ? 1 : 0, `vector ${v.id}: exit code (${r.err})`);
    n++;
  }
  assert.ok(n >= 20, `${n} vectors run`);
});

test('--json without --show-secrets hides the connector\'s secret, nothing else', () => {
  const text = configPhp(SECRET);
  const r = run(['--json', text]);
  assert.equal(r.code, 0, r.err);
  assert.ok(!r.out.includes(SECRET), 'the secret is not printed');
  const expected = kit.onlyoffice.readConnectorSettings(text);
  expected.settings.secret = `(hidden: ${SECRET.length} bytes; --show-secrets prints it)`;
  assert.equal(r.out, `${JSON.stringify(expected)}\n`);
});

test('human output: the connector, its settings, and the secrets compared in words; the secret never printed', () => {
  const server = file('local.json', local(SECRET));
  const same = run(['--server-config', server, configPhp(SECRET)]);
  assert.equal(same.code, 0, same.err);
  assert.match(same.out, /^Connector settings: Nextcloud, read as config\.php \('onlyoffice' section\)\n/);
  assert.match(same.out, /secret: 32 bytes \(--show-secrets prints it\)/);
  assert.match(same.out, /leeway: 30 s/);
  assert.match(same.out, /secret\.inbox \(requests to Document Server\): the same, byte for byte/);
  assert.match(same.out, /secret\.outbox \(callbacks and downloads\): the same, byte for byte/);
  assert.ok(!same.out.includes(SECRET));

  // A trailing space on the connector's side (config.php, pasted with it).
  const spaced = run(['--server-config', server, configPhp(`${SECRET} `)]);
  assert.equal(spaced.code, 1, 'a secret that differs is an error');
  assert.match(spaced.out, /secret\.inbox \(requests to Document Server\): DIFFERENT/);
  assert.match(spaced.out, /^error connector_secret_differs/m);
  assert.ok(!spaced.out.includes(SECRET), 'the finding says how they differ, not what they are');

  const shown = run(['--show-secrets', configPhp(`${SECRET}\u200b`)]);
  assert.match(shown.out, new RegExp(`secret: "${SECRET}\\\\u200B"`, 'i'), 'an invisible character is named, not printed');
  assert.ok(!shown.out.includes('\u200b'));
});

test('Mattermost with Authorization as its header: refused by the plugin (exit 1)', () => {
  const text = JSON.stringify({ DESAddress: 'https://ds.example.com/', DESJwt: SECRET, DESJwtHeader: 'Authorization', DESJwtPrefix: 'Bearer ' });
  const r = run([text]);
  assert.equal(r.code, 1);
  assert.match(r.out, /^Connector settings: Mattermost, read as Mattermost plugin settings/);
  assert.match(r.out, /connector_header_refused/);
});

test('INPUT as @FILE and standard input; text no connector stores; usage and input errors', () => {
  const path = file('config.php', configPhp(SECRET));
  const a = run(['--json', `@${path}`]);
  const b = run(['--json'], configPhp(SECRET));
  assert.equal(a.code, 0);
  assert.equal(a.out, b.out);
  const none = run(['hello, this is my secret: abc']);
  assert.equal(none.code, 1);
  assert.match(none.out, /^Connector settings: an unknown connector, read as nothing a connector stores\n/);
  assert.match(none.out, /settings_unrecognised/);
  assert.equal(run(['--server-config', join(tmp, 'missing.json'), 'x']).code, 3);
  assert.equal(run(['@' + join(tmp, 'missing.php')]).code, 3);
  assert.equal(run(['--bogus', 'x']).code, 2);
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /^usage: oojwt connector-settings \[--server-config PATH\]/);
  const main = spawnSync(NATIVE, ['--help'], { encoding: 'utf8' });
  assert.match(main.stdout, /connector-settings +a connector's settings/);
});
