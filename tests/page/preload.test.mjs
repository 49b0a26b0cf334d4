// The served page (dist/site/index.html, tools/build-site.mjs) preloads the
// chunks app.mjs imports statically and the JWT core's wasm (so that they
// load at once, not one after the other), and nothing that only the Document
// Server modes load (the chunks a dynamic import reaches, oojwt-full.wasm);
// web/page/index.html preloads the wasm only, and dist/oojwt.html, which
// inlines everything, has no preload left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { siteOutputs } from '../../tools/page-bundle.mjs';

const web = new URL('../../web/page/index.html', import.meta.url);
const site = new URL('../../dist/site/index.html', import.meta.url);
const meta = new URL('../../dist/site.meta.json', import.meta.url);
const wasmPreload = (href) => `<link rel="preload" href="${href}" as="fetch" type="application/wasm" crossorigin>`;
const preloads = (html) => ({
  modules: [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort(),
  other: [...html.matchAll(/<link rel="preload"[^>]*>/g)].map((m) => m[0]),
});

test('web/page/index.html preloads the core wasm, where the loader fetches it, and no module', () => {
  const { modules, other } = preloads(readFileSync(web, 'utf8'));
  assert.deepEqual(modules, []);
  assert.deepEqual(other, [wasmPreload('../lib/oojwt.wasm')]);
});

test('dist/site/index.html preloads the chunks app.mjs imports and the core wasm, nothing else', { skip: existsSync(meta) ? false : 'no dist/site/ (make site)' }, () => {
  const { initial, lazy } = siteOutputs(JSON.parse(readFileSync(meta, 'utf8')));
  // The lazy part exists (the test can tell the two apart).
  assert.ok(initial.length >= 2 && lazy.length >= 1, `${initial} / ${lazy}`);
  const { modules, other } = preloads(readFileSync(site, 'utf8'));
  assert.deepEqual(modules, initial.filter((n) => n !== 'app.mjs').sort());
  assert.deepEqual(other, [wasmPreload('oojwt.wasm')]);
});

test('dist/oojwt.html keeps no preload', { skip: existsSync(new URL('../../dist/oojwt.html', import.meta.url)) ? false : 'no dist/oojwt.html (make dist)' }, () => {
  const html = readFileSync(new URL('../../dist/oojwt.html', import.meta.url), 'utf8');
  assert.doesNotMatch(html, /rel="(module)?preload"/);
});
