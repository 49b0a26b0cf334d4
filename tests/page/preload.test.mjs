// web/page/index.html preloads the static module graph of app.mjs and the JWT
// core's wasm (so that the served page fetches them at once, not import by
// import), and nothing that only the Document Server modes load (dynamic
// imports, oojwt-full.wasm); dist/oojwt.html, which inlines everything, has
// no preload left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { moduleGraph } from '../../tools/module-graph.mjs';

const web = new URL('../../web/', import.meta.url);
const page = new URL('page/', web);
// A link of index.html as a path under web/ ('../lib/oojwt.mjs' -> 'lib/oojwt.mjs').
const underWeb = (href) => new URL(href, page).href.slice(web.href.length);

test('index.html preloads the static module graph of app.mjs and the core wasm, nothing else', () => {
  const html = readFileSync(new URL('index.html', page), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => underWeb(m[1])).sort();
  const initial = moduleGraph(web, 'page/app.mjs', { dynamic: false });
  assert.deepEqual(preloaded, initial.slice(1).sort());
  // The lazy part exists (the test can tell the two apart) and is not preloaded.
  const lazy = moduleGraph(web, 'page/app.mjs').filter((m) => !initial.includes(m));
  for (const m of ['page/panels.mjs', 'lib/onlyoffice.mjs', 'page/ds-config.mjs']) assert.ok(lazy.includes(m), `${m} loads on demand`);
  // The core wasm, where the loader fetches it: next to web/lib/oojwt.mjs.
  const wasm = [...html.matchAll(/<link rel="preload" href="([^"]+)"[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(wasm, ['<link rel="preload" href="../lib/oojwt.wasm" as="fetch" type="application/wasm" crossorigin>']);
});

test('dist/oojwt.html keeps no preload', { skip: existsSync(new URL('../../dist/oojwt.html', import.meta.url)) ? false : 'no dist/oojwt.html (make dist)' }, () => {
  const html = readFileSync(new URL('../../dist/oojwt.html', import.meta.url), 'utf8');
  assert.doesNotMatch(html, /rel="(module)?preload"/);
});
