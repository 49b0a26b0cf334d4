// The served page (dist/site/index.html, tools/build-site.mjs) preloads the
// chunks app.mjs imports statically (so that they load at once, not one
// after the other), and nothing that loads later: no wasm module (the
// Diagnose box loads oojwt-full.wasm when a text first needs it, the JWT
// inspector oojwt.wasm when its tab is first shown) and no chunk only a
// dynamic import reaches; web/page/index.html preloads nothing, and
// dist/oojwt.html, which inlines everything, has no preload left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { siteOutputs } from '../../tools/page-bundle.mjs';

const web = new URL('../../web/page/index.html', import.meta.url);
const site = new URL('../../dist/site/index.html', import.meta.url);
const meta = new URL('../../dist/site.meta.json', import.meta.url);
const preloads = (html) => ({
  modules: [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort(),
  other: [...html.matchAll(/<link rel="preload"[^>]*>/g)].map((m) => m[0]),
});

test('web/page/index.html preloads nothing', () => {
  const { modules, other } = preloads(readFileSync(web, 'utf8'));
  assert.deepEqual(modules, []);
  assert.deepEqual(other, []);
});

test('dist/site/index.html preloads the chunks app.mjs imports, nothing else', { skip: existsSync(meta) ? false : 'no dist/site/ (make site)' }, () => {
  const { initial, lazy } = siteOutputs(JSON.parse(readFileSync(meta, 'utf8')));
  // The lazy part exists (the test can tell the two apart).
  assert.ok(initial.length >= 2 && lazy.length >= 1, `${initial} / ${lazy}`);
  const { modules, other } = preloads(readFileSync(site, 'utf8'));
  assert.deepEqual(modules, initial.filter((n) => n !== 'app.mjs').sort());
  assert.ok(modules.length >= 1, 'app.mjs imports a chunk (the test can fail)');
  assert.deepEqual(other, []);
});

test('dist/oojwt.html keeps no preload', { skip: existsSync(new URL('../../dist/oojwt.html', import.meta.url)) ? false : 'no dist/oojwt.html (make dist)' }, () => {
  const html = readFileSync(new URL('../../dist/oojwt.html', import.meta.url), 'utf8');
  assert.doesNotMatch(html, /rel="(module)?preload"/);
});
