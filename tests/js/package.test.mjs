// The repository as an npm package: `npm pack` it, install the tarball into
// a scratch project with no network, and use it as a consumer would: import
// it from Node, run its `oojwt` command, and compile a TypeScript consumer
// with `tsc --noEmit --strict` against the types it ships. A second, generated
// TypeScript file names every export the module really has at run time
// (module exports, kit members, and the members of kit's objects), so an
// export without a type fails the compile.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { kit, SECRET } from '../helpers/common.mjs';
import * as oojwt from '../../web/lib/oojwt.mjs';
import { moduleGraph } from '../helpers/module-graph.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'oojwt-pkg-'));
const project = join(scratch, 'consumer');
let tarball;
let files;

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  return r;
}

const npmEnv = {
  ...process.env,
  // No registry, no audit, no update check: everything comes from the tarball.
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_cache: join(scratch, 'npm-cache'),
};

before(() => {
  const packed = sh('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, env: npmEnv });
  assert.equal(packed.status, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
  tarball = join(scratch, info.filename);
  files = info.files.map((f) => f.path).sort();
  sh('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const installed = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball],
    { cwd: project, env: npmEnv });
  assert.equal(installed.status, 0, installed.stderr);
});

test('the tarball holds the library folder whole, no page file and nothing of the build', () => {
  for (const f of ['package.json', 'README.md', 'bin/oojwt.mjs', 'bin/oojwt-cli.wasm', 'man/oojwt.1']) assert.ok(files.includes(f), `${f} is packed`);
  // web/lib/, every file of it (both wasm modules built), and nothing else of web/.
  // (its files at any depth: the catalogs are in web/lib/locales/)
  const lib = readdirSync(join(root, 'web', 'lib'), { recursive: true })
    .filter((f) => statSync(join(root, 'web', 'lib', f)).isFile()).map((f) => `web/lib/${f}`).sort();
  for (const f of ['oojwt.mjs', 'oojwt.d.ts', 'oojwt.wasm', 'oojwt-full.wasm', 'oojwt-inspector.mjs', 'oojwt-inspector.d.ts']) {
    assert.ok(lib.includes(`web/lib/${f}`), `web/lib/${f} exists (make wasm)`);
  }
  assert.deepEqual(files.filter((f) => f.startsWith('web/')), lib, 'web/lib/ is packed whole, and nothing else of web/');
  // No page file: the page (web/page/) and the element's example (web/examples/) stay out.
  const page = readdirSync(join(root, 'web', 'page'));
  assert.ok(page.includes('index.html') && page.includes('app.mjs'), 'the page is in web/page/');
  for (const f of files) {
    assert.doesNotMatch(f, /^web\/(page|examples)\//, `${f} is a page file`);
    assert.doesNotMatch(f, /^(src|tests|build|tools|dist|docs|node_modules)\//, `${f} should not be packed`);
  }
  assert.equal(pkg.private, true, 'the package stays private (npm pack works; npm publish must not)');
  // Installed, the library's modules import only one another (nothing of the page).
  const installed = pathToFileURL(join(project, 'node_modules', 'oojwt', 'web', '/'));
  for (const entry of ['lib/oojwt.mjs', 'lib/oojwt-inspector.mjs']) {
    const graph = moduleGraph(installed, entry);
    assert.ok(graph.length >= (entry === 'lib/oojwt.mjs' ? 6 : 2), graph.join(', '));
    for (const m of graph) assert.match(m, /^lib\//, `${entry} imports ${m}`);
  }
  assert.ok(existsSync(join(project, 'node_modules', 'oojwt', 'web', 'lib', 'oojwt.wasm')));
});

test('Node imports the installed package: sign, verify, decode', () => {
  const script = `
    import { loadToolkit, OojwtError } from 'oojwt';
    const kit = await loadToolkit();
    const token = kit.sign({ document: { key: 'k1' } }, process.env.S, { now: 1700000000, iat: true });
    const r = kit.verify(token, process.env.S, { now: 1700000000 });
    let code;
    try { kit.decode('x'); } catch (e) { code = e instanceof OojwtError && e.code; }
    let hidden;
    try { await import('oojwt/web/lib/time.mjs'); } catch (e) { hidden = e.code; }
    const wasm = import.meta.resolve('oojwt/oojwt.wasm');
    const element = import.meta.resolve('oojwt/inspector');
    console.log(JSON.stringify({ token, valid: r.valid, payload: r.payload, code, hidden, wasm, element }));
  `;
  const r = sh(process.execPath, ['--input-type=module', '-e', script], { cwd: project, env: { ...process.env, S: SECRET } });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.token, kit.sign({ document: { key: 'k1' } }, SECRET, { now: 1700000000, iat: true }));
  assert.equal(out.valid, true);
  assert.deepEqual(out.payload, { document: { key: 'k1' }, iat: 1700000000 });
  assert.equal(out.code, 'malformed');
  assert.equal(out.hidden, 'ERR_PACKAGE_PATH_NOT_EXPORTED', 'only the exports are importable');
  assert.match(out.wasm, /node_modules\/oojwt\/web\/lib\/oojwt\.wasm$/);
  assert.match(out.element, /node_modules\/oojwt\/web\/lib\/oojwt-inspector\.mjs$/);
});

test('the package\'s bin runs: sign then verify', () => {
  const bin = join(project, 'node_modules', '.bin', 'oojwt');
  const env = { ...process.env, OOJWT_SECRET: SECRET };
  const signed = sh(bin, ['sign', '--now', '1700000000', '--expires-in', '1h', '{"a":1}'], { cwd: project, env });
  assert.equal(signed.status, 0, signed.stderr);
  const token = signed.stdout.trim();
  assert.equal(token, kit.sign({ a: 1 }, SECRET, { now: 1700000000, expiresIn: '1h' }));
  const ok = sh(bin, ['verify', '--json', '--now', '1700000000', token], { cwd: project, env });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout, `${kit.reports.verify(token, SECRET, { now: 1700000000 })}\n`);
  const late = sh(bin, ['verify', '--now', '1700007200', token], { cwd: project, env });
  assert.equal(late.status, 1);
  assert.match(late.stdout, /^INVALID: 1 error\n {2}error expired/);
});

// Every name reachable from the module at run time, as TypeScript lines.
function exportLines(kitValue) {
  const lines = [];
  for (const name of Object.keys(oojwt)) lines.push(`void mod.${name};`);
  for (const [name, value] of Object.entries(kitValue)) {
    lines.push(`void kit.${name};`);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const inner of Object.keys(value)) lines.push(`void kit.${name}.${inner};`);
    }
  }
  return lines;
}

test('TypeScript: the shipped types compile a strict consumer and cover every export', () => {
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  assert.ok(existsSync(tsc), 'typescript is a devDependency (npm ci)');
  copyFileSync(join(root, 'tests', 'types', 'consumer.ts'), join(project, 'consumer.ts'));
  const lines = exportLines(kit);
  writeFileSync(join(project, 'exports.ts'), [
    '// Generated by tests/package.test.mjs from the module\'s run-time exports.',
    "import * as mod from 'oojwt';",
    'declare const kit: mod.Toolkit;',
    ...lines,
    '',
  ].join('\n'));
  const r = sh(tsc, ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--lib', 'es2022,dom',
    'consumer.ts', 'exports.ts'], { cwd: project });
  assert.equal(r.status, 0, `tsc reports:\n${r.stdout}${r.stderr}`);
  assert.ok(lines.length >= 8, `checked ${lines.length} names`);
});
