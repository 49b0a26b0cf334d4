// Runs every test suite and prints one closing line: `total: N passed, N failed, N skipped`.
//
//   node tests/run.mjs build/test/oojwt-tests
//
// Suites: the native C tests (ASan + UBSan build), then the Node tests of
// the wasm module (node --test, every tests/*.test.mjs). Third-party vectors
// are read from ../shared/vectors when present (SHARED_VECTORS overrides)
// and counted as skipped when absent.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const shared = resolve(process.env.SHARED_VECTORS ?? join(root, '..', 'shared', 'vectors'));
const nativeBin = process.argv[2] ?? join(root, 'build', 'test', 'oojwt-tests');
const env = { ...process.env, SHARED_VECTORS: shared };
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(name, cmd, args, parse) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const counts = parse(out);
  if (counts === null || r.status !== 0 && counts.failed === 0) {
    // A crash or a runner that printed no counts is a failure, never a pass.
    process.stdout.write(out);
    console.log(`${name}: runner exited with ${r.status ?? r.signal} without a usable summary`);
    totals.failed += 1;
    return;
  }
  if (counts.failed > 0) process.stdout.write(out);
  else for (const line of out.split('\n')) if (/^SKIP\b|# SKIP\b/.test(line)) console.log(line.trim());
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${secs} s)`);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

function parseNative(out) {
  const m = out.match(/^native: (\d+) passed, (\d+) failed, (\d+) skipped$/m);
  return m ? { passed: +m[1], failed: +m[2], skipped: +m[3] } : null;
}

function parseTap(out) {
  const num = (key) => {
    const m = out.match(new RegExp(`^# ${key} (\\d+)$`, 'm'));
    return m ? +m[1] : null;
  };
  const pass = num('pass');
  const fail = num('fail');
  if (pass === null || fail === null) return null;
  return { passed: pass, failed: fail + (num('cancelled') ?? 0), skipped: (num('skipped') ?? 0) + (num('todo') ?? 0) };
}

console.log(existsSync(shared)
  ? `vectors: third-party vectors from ${shared}`
  : `vectors: ${shared} not found: third-party vector tests are skipped`);

run('native', nativeBin, [join(root, 'tests', 'vectors'), shared], parseNative);

const files = readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join('tests', f));
run('node', process.execPath, ['--test', '--test-reporter=tap', ...files], parseTap);

console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
