// The JS layers: web/lib/ (the published library) imports only web/lib/,
// never web/page/; web/examples/ and the page use the library through its
// folder; and every web/lib/ module is reachable from the package's entry
// points (package.json exports), so the folder ships nothing dead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { moduleGraph } from '../helpers/module-graph.mjs';

const web = new URL('../../web/', import.meta.url);
const modules = (dir) => readdirSync(new URL(dir, web)).filter((f) => f.endsWith('.mjs')).map((f) => dir + f);

test('every module of web/lib/ imports only web/lib/ (statically and dynamically)', () => {
  const lib = modules('lib/');
  assert.ok(lib.length >= 7, lib.join(', '));
  for (const m of lib) {
    for (const dep of moduleGraph(web, m)) assert.match(dep, /^lib\//, `${m} imports ${dep}`);
  }
});

test('the package entry points reach every module of web/lib/', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const entries = Object.values(pkg.exports).map((e) => (typeof e === 'string' ? e : e.default)).filter((e) => e.endsWith('.mjs'));
  assert.deepEqual(entries.sort(), ['./web/lib/i18n.mjs', './web/lib/oojwt-inspector.mjs', './web/lib/oojwt.mjs']);
  const reached = new Set(entries.flatMap((e) => moduleGraph(web, e.slice('./web/'.length))));
  // (The catalogs words.mjs imports, web/lib/locales/, are data: the package test checks they ship.)
  assert.deepEqual([...reached].filter((m) => m.endsWith('.mjs')).sort(), modules('lib/').sort());
});

test('the page reaches the library through web/lib/ and holds no copy of it', () => {
  const graph = moduleGraph(web, 'page/app.mjs');
  assert.ok(graph.includes('lib/oojwt.mjs') && graph.includes('page/modes.mjs'), graph.join(', '));
  const libNames = new Set(modules('lib/').map((m) => m.slice(4)));
  for (const m of modules('page/')) assert.ok(!libNames.has(m.slice(5)), `${m} is named like a library module`);
});
