// Member count through the native command line: `oojwt sign`
// wrote its payload through an indexed member walk that was quadratic
// (20,000 members took 1.7 s). It must sign 250,000 members (about 3 MB,
// under the 4 MiB token limit) byte for byte as kit.sign() does, verify the
// token, and refuse 1,000,000 members with too_large. Counts, not times:
// a timeout (node:test's, 60 s) is the only clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kit, NOW, SECRET } from '../helpers/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const tmp = mkdtempSync(join(tmpdir(), 'oojwt-members-'));

function members(n) {
  const o = {};
  for (let i = 0; i < n; i++) o[`m${i}`] = 0;
  return o;
}

function cli(args, payloadPath) {
  const env = { ...process.env, OOJWT_SECRET: SECRET };
  const r = spawnSync(NATIVE, [...args, `@${payloadPath}`], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r;
}

test('oojwt sign: 250,000 members give kit.sign()\'s token, which verifies', { timeout: 60000 }, () => {
  const payload = members(250000);
  const p = join(tmp, 'p250k.json');
  writeFileSync(p, JSON.stringify(payload));
  const r = cli(['sign'], p);
  assert.equal(r.status, 0, r.stderr);
  const tok = r.stdout.trim();
  assert.equal(tok, kit.sign(payload, SECRET));
  const v = kit.verify(tok, SECRET, { now: NOW });
  assert.equal(v.valid, true, JSON.stringify(v.errors));
  assert.equal(Object.keys(v.payload).length, 250000);
  const t = join(tmp, 't250k.txt');
  writeFileSync(t, tok);
  const cv = cli(['verify', '--json', '--now', String(NOW)], t);
  assert.equal(cv.status, 0, cv.stderr);
  assert.equal(JSON.parse(cv.stdout).valid, true);
});

test('oojwt sign: 1,000,000 members are refused as too_large', { timeout: 60000 }, () => {
  const p = join(tmp, 'p1m.json');
  writeFileSync(p, JSON.stringify(members(1000000)));
  const r = cli(['sign', '--json'], p);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stdout + r.stderr, /too_large/);
});
