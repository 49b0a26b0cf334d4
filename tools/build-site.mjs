// Build dist/site/: the page as `make serve` serves it. The same files as
// web/page/ (index.html, style.css, every module of app.mjs's graph, static
// and dynamic, the web/lib/ modules among them) and both wasm modules of
// web/lib/, in one folder, with the modules' comments and indentation
// stripped (tools/strip-js.mjs): what a browser downloads until the page is
// usable has a 64 KB budget (make size), and web/'s sources are about a quarter
// comments. One folder: the library's modules sit next to the page's, their
// imports ('../lib/x.mjs') and index.html's links rewritten to './x.mjs'
// (tools/module-graph.mjs: flatImports, flatLinks), so the page fetches what it did
// before the split, byte for byte. web/ stays the source, readable, and
// web/lib/ is what the package ships.
//
//   node tools/build-site.mjs [outdir]      (make site; `make` runs it)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleGraph, siteNames, flatImports, flatLinks } from './module-graph.mjs';
import { stripJs } from './strip-js.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const out = resolve(process.argv[2] ?? join(root, 'dist', 'site'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const modules = moduleGraph(new URL('../web/', import.meta.url), 'page/app.mjs');
let names;
try {
  names = siteNames(modules);
} catch (e) {
  console.error(`build-site: ${e.message}`);
  process.exit(1);
}
let before = 0;
let after = 0;
for (const [i, path] of modules.entries()) {
  const src = readFileSync(join(web, path), 'utf8');
  let text;
  try {
    text = flatImports(stripJs(src));
  } catch (e) {
    console.error(`build-site: web/${path}: ${e.message}`);
    process.exit(1);
  }
  writeFileSync(join(out, names[i]), text);
  before += src.length;
  after += text.length;
}
// Each stripped module must still parse (the page tests then run on them).
try {
  for (const name of names) execFileSync(process.execPath, ['--check', join(out, name)], { stdio: 'pipe' });
} catch (e) {
  console.error(`build-site: a stripped module does not parse:\n${e.stderr ?? e.message}`);
  process.exit(1);
}
writeFileSync(join(out, 'index.html'), flatLinks(readFileSync(join(web, 'page', 'index.html'), 'utf8')));
copyFileSync(join(web, 'page', 'style.css'), join(out, 'style.css'));
for (const name of ['oojwt.wasm', 'oojwt-full.wasm']) copyFileSync(join(web, 'lib', name), join(out, name));
console.log(`oojwt: ${out.startsWith(root) ? out.slice(root.length + 1) : out}/ is the served page: `
  + `${modules.length} modules, ${before} → ${after} bytes of JS`);
