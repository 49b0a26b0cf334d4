// The shipped program is the source's: dist/site/ and dist/oojwt.html are
// esbuild's bundle (tools/page-bundle.mjs) of exactly the modules the page
// reaches in web/page/ and web/lib/, read independently by TypeScript's
// parser (tests/helpers/module-graph.mjs), and of nothing else: no stray
// file, no npm package's code. That the bundled code behaves as the
// source's is what the other page tests check, on both builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { buildInline, siteOutputs } from '../../tools/page-bundle.mjs';
import { moduleGraph } from '../helpers/module-graph.mjs';

const web = new URL('../../web/', import.meta.url);
const site = new URL('../../dist/site/', import.meta.url);
const metaFile = new URL('../../dist/site.meta.json', import.meta.url);
const dist = new URL('../../dist/oojwt.html', import.meta.url);
const built = existsSync(metaFile) ? false : 'no dist/site/ (make site)';
// The page's modules, as paths from the project's root ('web/page/app.mjs').
const reached = moduleGraph(web, 'page/app.mjs').map((m) => `web/${m}`).sort();

/** The bundle's inputs are the modules the page reaches, all ours. */
function assertInputs(metafile, what) {
  const inputs = Object.keys(metafile.inputs).sort();
  assert.ok(reached.length >= 20 && reached.includes('web/page/panels.mjs') && reached.includes('web/lib/cert.mjs'), reached.join(', '));
  assert.deepEqual(inputs, reached, `${what} holds exactly the modules app.mjs reaches`);
  // Modules, and the message catalogs (web/lib/words.mjs imports them as JSON modules).
  for (const f of inputs) {
    assert.match(f, /^web\/(?:(?:page|lib)\/[\w-]+\.mjs|lib\/locales\/(?:ui\/)?[\w-]+\.json)$/, `${what}: ${f} is one of web/'s modules or catalogs, no package's`);
  }
  // The only import left out of the bundle: node:fs, which the library imports under Node only.
  const external = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  assert.deepEqual([...new Set(external)], ['node:fs'], `${what}'s external imports`);
}

test('dist/site/: the bundle holds the modules the page reaches, and nothing else', { skip: built }, () => {
  const metafile = JSON.parse(readFileSync(metaFile, 'utf8'));
  assertInputs(metafile, 'dist/site/');
  // Every module's code is in some output (the lazy ones in the lazy chunks).
  const { outputs, initial, lazy } = siteOutputs(metafile);
  const placed = new Set([...outputs.values()].flatMap((o) => o.inputs));
  assert.deepEqual([...placed].sort(), reached);
  const where = (src) => [...outputs].filter(([, o]) => o.inputs.includes(src)).map(([n]) => n);
  for (const src of ['web/page/panels.mjs', 'web/page/ds-config.mjs', 'web/lib/onlyoffice.mjs', 'web/lib/cert.mjs',
    'web/page/diagnose-view.mjs', 'web/page/inspector.mjs', 'web/lib/oojwt.mjs',
    // The Chinese catalogs: only a page shown in Chinese loads them.
    'web/lib/locales/zh-CN.json', 'web/lib/locales/ui/zh-CN.json']) {
    assert.ok(where(src).every((n) => lazy.includes(n)), `${src} loads on demand: ${where(src)}`);
  }
  for (const src of ['web/page/app.mjs', 'web/page/modes.mjs', 'web/page/tabs.mjs']) {
    assert.ok(where(src).every((n) => initial.includes(n)), `${src} loads with the page: ${where(src)}`);
  }
});

test('dist/site/ holds the metafile\'s outputs as written, the page\'s static files, and nothing else', { skip: built }, () => {
  const metafile = JSON.parse(readFileSync(metaFile, 'utf8'));
  const { outputs } = siteOutputs(metafile);
  const files = readdirSync(site).sort();
  assert.deepEqual(files, [...outputs.keys(), 'index.html', 'style.css', 'oojwt.wasm', 'oojwt-full.wasm'].sort());
  for (const [name, o] of outputs) {
    assert.equal(statSync(new URL(name, site)).size, o.bytes, name);
    // Every relative import names a module of the folder.
    const text = readFileSync(new URL(name, site), 'utf8');
    for (const m of text.matchAll(/(?:from\s*|import\(\s*)"(\.[^"]*)"/g)) {
      assert.match(m[1], /^\.\/[\w.-]+\.mjs$/, `${name} imports ${m[1]}`);
      assert.ok(outputs.has(m[1].slice(2)), `${name} imports ${m[1]}, not in dist/site/`);
    }
  }
  const html = readFileSync(new URL('index.html', site), 'utf8');
  assert.doesNotMatch(html, /"\.\.\//, 'index.html links only inside dist/site/');
  for (const f of ['style.css', 'oojwt.wasm', 'oojwt-full.wasm']) {
    const src = new URL(f === 'style.css' ? 'page/style.css' : `lib/${f}`, web);
    assert.ok(readFileSync(new URL(f, site)).equals(readFileSync(src)), `${f} is web/'s`);
  }
});

test('dist/oojwt.html\'s script is the bundle of the current sources, allowed by its hash', { skip: existsSync(dist) ? false : 'no dist/oojwt.html (make dist)' }, async () => {
  const html = readFileSync(dist, 'utf8');
  const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1, 'one inline module script');
  assert.doesNotMatch(html, /<script[^>]* src=/, 'no external script');
  const { code, metafile } = await buildInline();
  assertInputs(metafile, 'dist/oojwt.html');
  assert.equal(scripts[0], `\n${code}`, 'rebuilding from web/ gives the same script (make dist is up to date)');
  const hash = createHash('sha256').update(scripts[0], 'utf8').digest('base64');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)[1];
  assert.match(csp, new RegExp(`script-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}' 'wasm-unsafe-eval';`));
});
