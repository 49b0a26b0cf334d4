// Build dist/site/: the page as `make serve` serves it, in one folder:
// index.html, style.css, both wasm modules of web/lib/, and the page's code
// bundled and minified by esbuild (tools/page-bundle.mjs): app.mjs, the
// chunks only the Document Server modes load, and the chunks both share.
// What a browser downloads until the page is usable has a 64 KB budget
// (make size). web/ stays the source, readable, and web/lib/ is what the
// package ships.
//
// index.html's comments are left out (as esbuild leaves out the code's) and
// a modulepreload of each chunk app.mjs imports goes after its stylesheet
// link (so that they load at once, not after app.mjs); nothing else loads
// before the page is usable (the wasm modules come when a mode or a pasted
// text first needs them, next to the modules as oojwt.mjs expects). The
// metafile goes to dist/site.meta.json, outside the served folder, for
// `make size` and the tests.
//
//   node tools/build-site.mjs [outdir]      (make site; `make` runs it)
//   --no-minify: the same bundle, readable (to tell a minifier bug from ours:
//   the page tests pass on both)
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSite, root, siteOutputs } from './page-bundle.mjs';

const web = join(root, 'web');
const args = process.argv.slice(2);
const minify = !args.includes('--no-minify');
const out = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'dist', 'site'));
const fail = (msg) => {
  console.error(`build-site: ${msg}`);
  process.exit(1);
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let result;
try {
  result = await buildSite(out, { minify });
} catch (e) {
  fail(e.message);
}
const { outputs, initial, lazy } = siteOutputs(result.metafile);

// The chunks app.mjs imports are preloaded after the stylesheet.
let html = readFileSync(join(web, 'page', 'index.html'), 'utf8');
const STYLE = '<link rel="stylesheet" href="style.css">\n';
if (html.split(STYLE).length !== 2) fail('web/page/index.html must link style.css exactly once');
const preloads = initial.slice(1).map((n) => `<link rel="modulepreload" href="${n}">\n`).join('');
html = html.replace(STYLE, () => STYLE + preloads);
// Minified as the code is: the source's comments (web/page/index.html keeps them) are not sent.
html = html.replace(/^[ \t]*<!--[\s\S]*?-->\n/gm, '');
writeFileSync(join(out, 'index.html'), html);
copyFileSync(join(web, 'page', 'style.css'), join(out, 'style.css'));
for (const name of ['oojwt.wasm', 'oojwt-full.wasm']) copyFileSync(join(web, 'lib', name), join(out, name));
const meta = `${out}.meta.json`;
writeFileSync(meta, `${JSON.stringify(result.metafile, null, 1)}\n`);

const sources = Object.keys(result.metafile.inputs);
const bytes = (names) => names.reduce((n, f) => n + outputs.get(f).bytes, 0);
const rel = (p) => (p.startsWith(root) ? p.slice(root.length) : p);
console.log(`oojwt: ${rel(out)}/ is the served page: ${sources.length} modules, `
  + `${sources.reduce((n, f) => n + result.metafile.inputs[f].bytes, 0)} → ${bytes([...outputs.keys()])} bytes of JS `
  + `(until usable: ${initial.join(', ')}; on demand: ${lazy.join(', ')})`);
