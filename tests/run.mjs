// The one test runner: runs every suite and prints one closing line,
// `total: N passed, N failed, N skipped`.
//
//   node tests/run.mjs [NATIVE_BIN] [--only SUITE [ARGS...]]
//
//   node tests/run.mjs build/test/oojwt-tests       every suite (`make test`)
//   node tests/run.mjs --only js                    one suite: native, js, page or cli
//   node tests/run.mjs --only js api cert           tests/js/api.test.mjs and cert.test.mjs only
//   node tests/run.mjs --only page --test-name-pattern=served
//   node tests/run.mjs --only native SUITE...       the native binary with SUITE... after its arguments
//
// Suites, in this order:
//   native  the C tests (tests/c/, ASan + UBSan build), NATIVE_BIN
//           (default build/test/oojwt-tests), called with the vector folders
//           then ARGS, passed through unchanged;
//   js      tests/js/*.test.mjs: the wasm library through its JS API, the package;
//   page    tests/page/*.test.mjs: the page, the <oojwt-inspector> element,
//           accessibility, lazy loading and preloads in Chromium, and dist/;
//   cli     tests/cli/*.test.mjs: the native and the Node command lines;
//   tools   tests/tools/*.test.mjs: the repository's tools (lint, apt
//           sources, the server of `make serve`).
// For a Node suite, ARGS that start with '-' go to `node --test`, the others
// name test files of the suite's folder (without .test.mjs).
// tests/helpers/ holds what the Node tests share, tests/gen/ the generators
// of vector files; tests/bench/ (make bench) and tests/fuzz/ (make fuzz) are
// not run here. Third-party vectors are read from ../shared/vectors when
// present (SHARED_VECTORS overrides) and counted as skipped when absent.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const shared = resolve(process.env.SHARED_VECTORS ?? join(root, '..', 'shared', 'vectors'));
const env = { ...process.env, SHARED_VECTORS: shared };
const totals = { passed: 0, failed: 0, skipped: 0 };

const SUITES = ['native', 'js', 'page', 'cli', 'tools'];
const argv = process.argv.slice(2);
const at = argv.indexOf('--only');
const only = at >= 0 ? argv[at + 1] : null;
const extra = at >= 0 ? argv.slice(at + 2) : [];
const positional = at >= 0 ? argv.slice(0, at) : argv;
if ((at >= 0 && !SUITES.includes(only)) || positional.length > 1) {
  console.error(`usage: node tests/run.mjs [NATIVE_BIN] [--only ${SUITES.join('|')} [ARGS...]]`);
  process.exit(2);
}
const nativeBin = positional[0] ?? join(root, 'build', 'test', 'oojwt-tests');

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

// A Node suite: every tests/SUITE/*.test.mjs, or the files ARGS name.
function nodeSuite(suite, args) {
  const all = readdirSync(join(here, suite)).filter((f) => f.endsWith('.test.mjs')).sort();
  const names = args.filter((a) => !a.startsWith('-'));
  for (const n of names) {
    if (!all.includes(`${n}.test.mjs`)) {
      console.error(`run: tests/${suite}/ has no ${n}.test.mjs (it has ${all.map((f) => f.slice(0, -'.test.mjs'.length)).join(', ')})`);
      process.exit(2);
    }
  }
  const files = (names.length ? names.map((n) => `${n}.test.mjs`) : all).map((f) => join('tests', suite, f));
  run(suite, process.execPath, ['--test', '--test-reporter=tap', ...args.filter((a) => a.startsWith('-')), ...files], parseTap);
}

console.log(existsSync(shared)
  ? `vectors: third-party vectors from ${shared}`
  : `vectors: ${shared} not found: third-party vector tests are skipped`);

for (const suite of only ? [only] : SUITES) {
  if (suite === 'native') run('native', nativeBin, [join(root, 'tests', 'vectors'), shared, ...extra], parseNative);
  else nodeSuite(suite, extra);
}

console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
