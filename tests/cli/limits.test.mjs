// What both command lines (build/oojwt, src/cli/input.c oojwt_cli_read_file;
// bin/oojwt.mjs readFile) read at most: a token, a secret file, a local.json
// or a config larger than its documented limit is refused with exit 3 and
// the same message, after reading no more than limit + 1 bytes, so that
// /dev/zero or a large sparse file returns at once (about a second of CPU
// for the 64 MiB of a token) instead of filling memory until killed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const NODE_CLI = join(root, 'bin', 'oojwt.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'oojwt-limits-'));

// A 600 MB file with no blocks on disk (truncate -s 600M).
const sparse = join(tmp, 'sparse');
const fd = openSync(sparse, 'w');
ftruncateSync(fd, 600 * 1024 * 1024);
closeSync(fd);

const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'OOJWT_SECRET'));
const CLIS = {
  native: (args) => spawnSync(NATIVE, args, { env, encoding: 'utf8', input: '', timeout: 30000 }),
  // A heap cap makes a reader that keeps everything fail fast, not fill the machine.
  node: (args) => spawnSync(process.execPath, ['--max-old-space-size=256', NODE_CLI, ...args],
    { env, encoding: 'utf8', input: '', timeout: 30000 }),
};

const MiB = 1024 * 1024;
const CASES = [
  [['decode', '@/dev/zero'], `/dev/zero is larger than ${64 * MiB} bytes`],
  [['decode', `@${sparse}`], `${sparse} is larger than ${64 * MiB} bytes`],
  [['verify', '--secret-file', '/dev/zero', 'a.b.c'], `/dev/zero is larger than ${MiB} bytes`],
  [['verify', '--secret-file', sparse, 'a.b.c'], `${sparse} is larger than ${MiB} bytes`],
  [['verify', '--secret-from-local-json', '/dev/zero', 'a.b.c'], `/dev/zero is larger than ${16 * MiB} bytes`],
  [['server-config', '--defaults', sparse, '{}'], `${sparse} is larger than ${16 * MiB} bytes`],
  [['inspect-cert', '--key', '/dev/zero', 'x'], `/dev/zero is larger than ${MiB} bytes`],
];

for (const which of Object.keys(CLIS)) {
  for (const [args, message] of CASES) {
    test(`${which}: ${args.join(' ')} is refused with exit 3 and the limit`, () => {
      const r = CLIS[which](args);
      assert.equal(r.error, undefined, `${which} ${args.join(' ')} did not return: ${r.error}`);
      assert.equal(r.status, 3, `exit ${r.status}, stderr: ${r.stderr.slice(0, 400)}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, new RegExp(`^oojwt: ${args[0]}: ${message.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n`));
    });
  }
}
