// kit.onlyoffice.commands: ready-to-run commands from the user's values
// (tests/vectors/commands.json, which the C runner reads too), then the
// texts run in sh with docker, sudo, curl, openssl and php replaced by
// stubs that record their arguments: hostile values (quotes, $( ), ` `)
// arrive as the very bytes given, and nothing they hold runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kit, readVector } from '../helpers/common.mjs';

for (const v of readVector('commands.json').tests) {
  test(`commands #${v.id}: ${v.comment}`, () => {
    const opts = v.secret !== undefined ? { secret: v.secret } : {};
    if (v.expect.error) {
      assert.throws(() => kit.onlyoffice.commands(v.context, opts), (e) => e.code === v.expect.error && e.field === v.expect.field);
      return;
    }
    const { commands } = kit.onlyoffice.commands(v.context, opts);
    assert.deepEqual(commands.map((c) => c.id), v.expect.ids);
    if (v.expect.runOn) assert.deepEqual(commands.map((c) => c.runOn), v.expect.runOn);
    const by = Object.fromEntries(commands.map((c) => [c.id, c]));
    for (const [id, text] of Object.entries(v.expect.text ?? {})) assert.equal(by[id].text, text);
    for (const [id, parts] of Object.entries(v.expect.contains ?? {})) {
      for (const p of parts) assert.ok(by[id].text.includes(p), `${id} lacks ${p}:\n${by[id].text}`);
    }
    for (const [id, params] of Object.entries(v.expect.params ?? {})) assert.deepEqual(by[id].params, params);
    for (const [id, parts] of Object.entries(v.expect.explanations ?? {})) {
      for (const p of parts) assert.ok(by[id].explanation.includes(p), `${id}: ${by[id].explanation}`);
    }
    for (const c of commands) assert.ok(c.explanation.length > 40, c.id);
  });
}

// Run `text` in sh with stubs; returns the recorded calls [[name, ...args]].
function run(text, stdin = 'typed-secret\n') {
  const dir = mkdtempSync(join(tmpdir(), 'oojwt-commands-'));
  const log = join(dir, 'log');
  const stub = '#!/bin/sh\n{ printf \'%s\' "${0##*/}"; for a in "$@"; do printf \'\\037%s\' "$a"; done; printf \'\\036\'; } >> "$STUB_LOG"\n'
    + 'case "${0##*/}" in openssl) cat >/dev/null; printf \'x\';; esac\n';
  for (const name of ['docker', 'sudo', 'curl', 'openssl', 'php', 'stty', 'oojwt']) {
    writeFileSync(join(dir, name), stub);
    chmodSync(join(dir, name), 0o755);
  }
  const r = spawnSync('sh', ['-c', text], {
    cwd: dir, input: stdin, encoding: 'utf8',
    env: { PATH: `${dir}:${process.env.PATH}`, STUB_LOG: log, HOME: dir },
  });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').split('\x1e').filter(Boolean).map((c) => c.split('\x1f')) : [];
  const marks = ['MARK1', 'MARK2', 'MARK3'].filter((m) => existsSync(join(dir, m)));
  rmSync(dir, { recursive: true, force: true });
  return { calls, marks, status: r.status, stderr: r.stderr };
}

test('commands run in sh: hostile values arrive as given and never run', () => {
  const url = 'https://ds.example/x\'$(>MARK1)`>MARK2`"$HOME;>MARK3';
  const secret = 'it\'s$(touch MARK1)`touch MARK2`"\\$HOME';
  const header = 'X-a$b`c\'d';
  const { commands } = kit.onlyoffice.commands({ url, header, version: '7.0', connector: 'nextcloud', includeSecret: true, container: 'only_office-1.2' },
    { secret });
  for (const c of commands) {
    const r = run(c.text);
    assert.deepEqual(r.marks, [], `${c.id} ran something:\n${c.text}`);
    assert.equal(r.status, 0, `${c.id}: ${r.stderr}\n${c.text}`);
    const byName = (n) => r.calls.filter((x) => x[0] === n);
    if (c.id === 'check_command') {
      const [curl] = byName('curl');
      assert.ok(curl.includes(`${url}/coauthoring/CommandService.ashx`), JSON.stringify(curl));
      assert.ok(curl.includes(`${header}: Bearer x.x.x`) || curl.some((a) => a.startsWith(`${header}: Bearer `)), JSON.stringify(curl));
      const hmac = byName('openssl').find((x) => x.includes('-hmac'));
      assert.equal(hmac[hmac.indexOf('-hmac') + 1], secret);
    }
    if (c.id === 'connector_setting') {
      const occ = byName('sudo').map((x) => x.slice(1));
      assert.deepEqual(occ.find((x) => x.includes('jwt_secret')).at(-1), `--value=${secret}`);
      assert.deepEqual(occ.find((x) => x.includes('jwt_header')).at(-1), `--value=${header}`);
      assert.deepEqual(occ.find((x) => x.includes('DocumentServerUrl')).at(-1), `--value=${url}/`);
    }
    if (c.id === 'read_secret' || c.id === 'update_securelink') {
      assert.equal(byName('docker')[0][2], 'only_office-1.2');
    }
  }
});

test('commands run in sh: without includeSecret the secret is asked for and never in the text', () => {
  const secret = 'Qx7rT2mK9pL4vN8sB3wY6zH1cF5jD0aE';
  const { commands } = kit.onlyoffice.commands({ url: 'https://ds', connector: 'nextcloud' }, { secret });
  for (const c of commands) assert.ok(!c.text.includes(secret), c.id);
  const check = commands.find((c) => c.id === 'check_command');
  const r = run(check.text, `${secret}\n`);
  const hmac = r.calls.find((x) => x[0] === 'openssl' && x.includes('-hmac'));
  assert.equal(hmac[hmac.indexOf('-hmac') + 1], secret, 'the typed secret signs');
  assert.deepEqual(r.calls.filter((x) => x[0] === 'stty').map((x) => x[1]), ['-echo', 'echo']);
});

test('commands: the openssl steps sign what node:crypto signs', { skip: spawnSync('openssl', ['version']).status !== 0 && 'no openssl' }, () => {
  const { commands } = kit.onlyoffice.commands({ url: 'https://ds' });
  const check = commands.find((c) => c.id === 'check_command').text;
  // Everything before curl, then print the token.
  const script = `${check.slice(0, check.indexOf('curl '))}printf '%s' "$T"`;
  const r = spawnSync('sh', ['-c', script], { input: 'secret\n', encoding: 'utf8' });
  const t = r.stdout.replace(/^JWT secret: \n?/, '').trim();
  const v = kit.verify(t.slice(t.indexOf('eyJ')), 'secret', { now: 1700000000 });
  assert.equal(v.valid, true, r.stdout + r.stderr);
  assert.deepEqual(v.payload, { c: 'version' });
});

test('commands: argument types', () => {
  assert.throws(() => kit.onlyoffice.commands(null), TypeError);
  assert.throws(() => kit.onlyoffice.commands([]), TypeError);
  assert.throws(() => kit.onlyoffice.commands({}, { secret: 5 }), TypeError);
  assert.throws(() => kit.onlyoffice.commands({ url: 5 }), (e) => e.code === 'bad_argument' && e.field === 'url');
  assert.throws(() => kit.onlyoffice.commands({ selfSigned: 'yes' }), (e) => e.field === 'selfSigned');
});
