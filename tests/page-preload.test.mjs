// web/index.html preloads the whole module graph of app.mjs and the wasm
// (so that the served page fetches them at once, not import by import);
// dist/oojwt.html, which inlines everything, has no preload left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { moduleGraph } from '../tools/module-graph.mjs';

const web = new URL('../web/', import.meta.url);
const read = (name) => readFileSync(new URL(name, web), 'utf8');

test('index.html preloads every module app.mjs imports, and the wasm', () => {
  const html = read('index.html');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
  assert.deepEqual(preloaded, moduleGraph(web, 'app.mjs').slice(1).sort());
  assert.match(html, /<link rel="preload" href="oojwt\.wasm" as="fetch" type="application\/wasm" crossorigin>/);
});

test('dist/oojwt.html keeps no preload', { skip: existsSync(new URL('../dist/oojwt.html', import.meta.url)) ? false : 'no dist/oojwt.html (make dist)' }, () => {
  const html = readFileSync(new URL('../dist/oojwt.html', import.meta.url), 'utf8');
  assert.doesNotMatch(html, /rel="(module)?preload"/);
});
