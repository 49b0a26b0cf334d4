// build/oojwt keeps what it reads out of core files (src/cli/host_native.c
// oojwt_cli_no_core_dumps): while it waits on standard input for the
// secret, /proc/PID/limits shows a core file size of 0 and the process is
// not dumpable (its /proc/PID files then belong to root, not to its user).
// The same wrapper around `cat` is the control that shows the test can fail.
// The Node command cannot lower these (Node has no setrlimit or prctl): the
// README's security section says so and what to do instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const linux = process.platform === 'linux';
// As root, run the command as nobody, so that "owned by root" means "not dumpable".
const asRoot = process.getuid?.() === 0;
const uid = asRoot ? 65534 : process.getuid?.();

/** Start `cmd args` with a core limit raised first; resolve once it sleeps reading stdin. */
async function waiting(cmd, args) {
  const child = spawn('/bin/sh', ['-c', 'ulimit -c 1048576 2>/dev/null || ulimit -c unlimited 2>/dev/null; exec "$@"', 'sh', cmd, ...args], {
    stdio: ['pipe', 'ignore', 'pipe'], cwd: '/', env: { PATH: process.env.PATH }, ...(asRoot ? { uid, gid: 65534 } : {}),
  });
  const proc = `/proc/${child.pid}`;
  for (let i = 0; i < 200; i++) {
    let cmdline = '';
    let state = '';
    try {
      cmdline = readFileSync(`${proc}/cmdline`, 'utf8');
      state = /^State:\s+(\S)/m.exec(readFileSync(`${proc}/status`, 'utf8'))?.[1];
    } catch { /* not there yet */ }
    if (cmdline.startsWith(cmd) && state === 'S') {
      const core = /^Max core file size\s+(\S+)\s+(\S+)/m.exec(readFileSync(`${proc}/limits`, 'utf8'));
      const owner = statSync(`${proc}/status`).uid;
      child.stdin.end();
      child.kill();
      return { soft: core[1], hard: core[2], owner };
    }
    await sleep(25);
  }
  child.kill();
  throw new Error(`${cmd} never waited on standard input`);
}

test('control: a plain process under the same wrapper may dump core', { skip: !linux }, async () => {
  const r = await waiting('/bin/cat', []);
  assert.notEqual(r.soft, '0', 'the wrapper raised the core limit');
  assert.equal(r.owner, uid, 'a dumpable process owns its /proc files');
});

for (const args of [['verify', '--secret-file', '-', 'a.b.c'], ['decode', '-']]) {
  test(`native ${args.join(' ')}: no core file and not dumpable while it reads`, { skip: !linux }, async () => {
    const r = await waiting(NATIVE, args);
    assert.deepEqual([r.soft, r.hard], ['0', '0'], 'RLIMIT_CORE is 0');
    assert.equal(r.owner, 0, 'PR_SET_DUMPABLE 0: /proc/PID files belong to root');
  });
}

test('README says what the Node command cannot do about core dumps', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.match(readme, /RLIMIT_CORE/);
  assert.match(readme, /ulimit -c 0/);
});
