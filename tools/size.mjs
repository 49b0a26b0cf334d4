// `make size`: what oojwt ships, raw and gzipped (level 9), against the
// budgets below (README, Performance). Exits 1 when a budget is exceeded.
//   - web/lib/oojwt.wasm, the JWT core (all algorithms included): at most 43.5 KB
//     gzipped (40 KB, plus 3 KB of the 4 KB the security fixes may take:
//     numbers whose cost does not depend on their digits, src/core/strtod.c's
//     power-of-five table and exact fallback, 1.3 KB; key bytes never read as
//     an HMAC secret, src/core/key_select.c, 0.6 KB; hidden and bidi
//     characters found, src/core/hidden.c, 0.7 KB; lifetimes read in C,
//     0.2 KB); web/lib/oojwt-full.wasm (adds the Document Server and deployment
//     checks, loaded only for them): reported;
//   - everything the page loads to become usable, the Diagnose box
//     (index.html, style.css, app.mjs and the chunks it imports; no wasm):
//     at most 64 KB gzipped, counted file by file as `make serve` sends
//     them (dist/site/, the code bundled and minified by esbuild,
//     tools/build-site.mjs; the chunks read from its metafile,
//     dist/site.meta.json);
//   - what each later step adds to that first screen, each alone: the
//     Diagnose box's checks on the first text (diagnose-view.mjs, the
//     library and oojwt-full.wasm), the JWT inspector when its tab is first
//     shown (its code, the builder's, oojwt.wasm), the Document Server and
//     Deployment modes when first opened (their panels, oojwt-full.wasm): reported;
//   - dist/oojwt.html (one file, both modules inlined): reported.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { siteOutputs, stepChunks } from './page-bundle.mjs';

const lib = fileURLToPath(new URL('../web/lib/', import.meta.url));
const dist = fileURLToPath(new URL('../dist/oojwt.html', import.meta.url));
const site = fileURLToPath(new URL('../dist/site/', import.meta.url));
const meta = fileURLToPath(new URL('../dist/site.meta.json', import.meta.url));
if (!existsSync(site) || !existsSync(meta)) {
  console.error('oojwt: dist/site/ is missing: run `make site`');
  process.exit(1);
}
const KB = 1024;
const gz = (b) => gzipSync(b, { level: 9 }).length;

const rows = [];
const file = (label, path) => {
  const b = readFileSync(path);
  return { label, raw: b.length, gz: gz(b) };
};
const wasm = file('web/lib/oojwt.wasm', lib + 'oojwt.wasm');
rows.push({ ...wasm, budget: 43.5 * KB });
rows.push({ ...file('web/lib/oojwt-full.wasm', lib + 'oojwt-full.wasm'), budget: null });
const total = (files) => files.reduce((a, f) => ({ raw: a.raw + f.raw, gz: a.gz + f.gz }), { raw: 0, gz: 0 });
// The files as dist/site/ names them (one folder).
const metafile = JSON.parse(readFileSync(meta, 'utf8'));
const { initial } = siteOutputs(metafile);
const pageFiles = ['index.html', 'style.css', ...initial];
const page = pageFiles.map((f) => file(f, site + f));
rows.push({ label: `the page, until usable (the Diagnose box): ${pageFiles.length} files`, ...total(page), budget: 64 * KB });
// In Chinese the page also loads its UI words before it starts (web/page/lang.mjs);
// the findings' words come later, with the checks (web/lib/words.mjs loadCodes).
const zhFiles = stepChunks(metafile, ['web/lib/locales/ui/zh-CN.json']);
rows.push({ label: `the page in Chinese, until usable: ${pageFiles.length + zhFiles.length} files`,
  ...total([...page, ...zhFiles.map((f) => file(f, site + f))]), budget: 64 * KB });
// The library with the full module: its feature modules load with it (web/lib/oojwt.mjs features()).
const FULL = ['web/lib/oojwt.mjs', 'web/lib/onlyoffice.mjs', 'web/lib/cert.mjs', 'web/lib/diagnose.mjs'];
const STEPS = [
  ['the Diagnose checks, on the first text', ['web/page/diagnose-view.mjs', ...FULL], 'oojwt-full.wasm'],
  ['the JWT inspector, when first shown', ['web/page/inspector.mjs', 'web/page/build-panel.mjs', 'web/lib/oojwt.mjs'], 'oojwt.wasm'],
  ['the Document Server modes, when opened', ['web/page/panels.mjs', ...FULL], 'oojwt-full.wasm'],
];
// The findings' words of a page in Chinese, with the first checks.
rows.push({ label: '+ in Chinese, the findings\' words, with the first checks',
  ...total(stepChunks(metafile, ['web/lib/locales/zh-CN.json']).map((f) => file(f, site + f))), budget: null });
const steps = STEPS.map(([label, sources, wasmFile]) => {
  const files = [...stepChunks(metafile, sources), wasmFile].map((f) => file(f, site + f));
  rows.push({ label: `+ ${label}: ${files.length} files`, ...total(files), budget: null });
  return [label, files];
});
if (existsSync(dist)) rows.push({ ...file('dist/oojwt.html (one file)', dist), budget: null });

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
console.log('| what | raw | gzipped | budget (gzipped) | |');
console.log('|---|---|---|---|---|');
let over = 0;
for (const r of rows) {
  const ok = r.budget === null ? '' : r.gz <= r.budget ? 'ok' : `OVER by ${kb(r.gz - r.budget)}`;
  if (r.budget !== null && r.gz > r.budget) over++;
  console.log(`| ${r.label} | ${kb(r.raw)} | ${kb(r.gz)} | ${r.budget === null ? '—' : kb(r.budget)} | ${ok} |`);
}
const byFile = (files) => files.map((f) => `${f.label} ${kb(f.gz)}`).join(', ');
console.log(`\nthe page, file by file (gzipped): ${byFile(page)}`);
for (const [label, files] of steps) console.log(`${label} add: ${byFile(files)}`);
if (over) {
  console.error(`\noojwt: ${over} size budget(s) exceeded`);
  process.exit(1);
}
