// What a token can send to a terminal through the human output of both
// command lines (src/cli/jwt.c put_safe, bin/oojwt.mjs safe): nothing but
// text. C0 controls (ESC), C1 controls (U+009B, a CSI) and the bidi and
// invisible format characters of a header or payload, and of the messages
// that quote them (typ), are written \uXXXX; both commands print the same;
// --json stays the exact report, characters included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECRET, token } from '../helpers/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const NODE_CLI = join(root, 'bin', 'oojwt.mjs');
const env = { ...process.env, OOJWT_SECRET: SECRET, NO_COLOR: '1' };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', input: '' });
  if (r.error) throw r.error;
  return r;
};
const both = (args) => [run(NATIVE, args), run(process.execPath, [NODE_CLI, ...args])];

const payload = { sub: 'user\u202e nimda', url: 'https://example.com/report\u202excod.exe', csi: 'a\u009b2Jb', zw: 'ad\u200bmin', emoji: '😀' };
const header = { alg: 'HS256', typ: 'JWT\u001b]0;owned\u0007\u202e' };
const t = token(payload, { header });
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

for (const command of ['decode', 'verify']) {
  test(`${command}: no control or bidi character reaches the terminal; both commands agree`, () => {
    const [a, b] = both([command, t]);
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.stdout, a.stdout, b.stderr);
    assert.doesNotMatch(a.stdout, RAW);
    assert.match(a.stdout, /"sub": "user\\u202e nimda"/);
    assert.match(a.stdout, /report\\u202excod\.exe/);
    assert.match(a.stdout, /"csi": "a\\u009b2Jb"/);
    assert.match(a.stdout, /"typ": "JWT\\u001b\]0;owned\\u0007\\u202e"/);
    assert.match(a.stdout, /😀/, 'other characters are left as they are');
    if (command === 'verify') {
      // The typ warning quotes the header (the C message writes C0 controls
      // as \xXX itself): the override in it is escaped too.
      assert.match(a.stdout, /typ_not_jwt: the header's typ is "JWT\\x1b\]0;owned\\x07\\u202e", not "JWT"/);
    }
  });
}

test('--json stays the exact report', () => {
  for (const r of both(['verify', '--json', t])) {
    const rep = JSON.parse(r.stdout);
    assert.deepEqual(rep.payload, payload);
    assert.equal(rep.header.typ, header.typ);
  }
});
