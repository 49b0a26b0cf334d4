// Build dist/site/: the page as `make serve` serves it. The same files as
// web/ (index.html, style.css, every module of app.mjs's graph, static and
// dynamic, and both wasm modules), with the modules' comments and
// indentation stripped (tools/strip-js.mjs): what a browser downloads
// until the page is usable is issue 9's 64 KB budget, and web/'s sources
// are about a quarter comments. web/ stays the source, readable, and is
// what the package ships.
//
//   node tools/build-site.mjs [outdir]      (make site; `make` runs it)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleGraph } from './module-graph.mjs';
import { stripJs } from './strip-js.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const out = resolve(process.argv[2] ?? join(root, 'dist', 'site'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const modules = moduleGraph(new URL('../web/', import.meta.url), 'app.mjs');
let before = 0;
let after = 0;
for (const name of modules) {
  const src = readFileSync(join(web, name), 'utf8');
  let text;
  try {
    text = stripJs(src);
  } catch (e) {
    console.error(`build-site: web/${name}: ${e.message}`);
    process.exit(1);
  }
  writeFileSync(join(out, name), text);
  before += src.length;
  after += text.length;
}
// Each stripped module must still parse (the page tests then run on them).
try {
  for (const name of modules) execFileSync(process.execPath, ['--check', join(out, name)], { stdio: 'pipe' });
} catch (e) {
  console.error(`build-site: a stripped module does not parse:\n${e.stderr ?? e.message}`);
  process.exit(1);
}
for (const name of ['index.html', 'style.css', 'oojwt.wasm', 'oojwt-full.wasm']) copyFileSync(join(web, name), join(out, name));
console.log(`oojwt: ${out.startsWith(root) ? out.slice(root.length + 1) : out}/ is the served page: `
  + `${modules.length} modules, ${before} → ${after} bytes of JS`);
