// The page's bundle, made by esbuild (a dev dependency pinned in
// package-lock.json; nothing of it ships): web/page/app.mjs and every module
// it imports, the web/lib/ modules among them, minified into ES modules.
// One set of options for dist/site/ (tools/build-site.mjs), dist/oojwt.html
// (tools/build-dist.mjs), `make size` and the tests, so that they all read
// the same build.
//
// - dist/site/ splits the code (esbuild's `splitting`): app.mjs holds what
//   the first screen (the Diagnose box and the tabs) runs, and each dynamic
//   import (the Diagnose box's diagnose-view.mjs, the JWT inspector's
//   inspector.mjs, the Document Server modes' panels.mjs, the library
//   oojwt.mjs and its onlyoffice.mjs, cert.mjs, diagnose.mjs) is a chunk of
//   its own, fetched the first time it is needed; code several use goes
//   into shared chunks. The metafile
//   (dist/site.meta.json) lists every output, the source files in it and
//   what it imports.
// - dist/oojwt.html has one inline script: no chunk (a split chunk would be a
//   second script, which its Content Security Policy does not allow), each
//   dynamic import becoming a function that runs the module's code the first
//   time it is called.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
  entryPoints: ['web/page/app.mjs'],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  // The language as written: no syntax is lowered.
  target: 'esnext',
  minify: true,
  // web/lib/oojwt.mjs imports node:fs only under Node (readFile()).
  external: ['node:fs'],
  legalComments: 'none',
  // Non-ASCII text (the Chinese catalogs) as UTF-8, not \uXXXX escapes:
  // half the bytes, and the served modules and dist/oojwt.html are UTF-8.
  charset: 'utf8',
  metafile: true,
  logLevel: 'silent',
};

/** dist/site/'s modules, written to `outdir`; resolves to esbuild's result (with .metafile). */
export const buildSite = (outdir, options = {}) => build({
  ...common,
  splitting: true,
  outdir,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  ...options,
});

/** dist/oojwt.html's script: resolves to { code, metafile }. */
export async function buildInline(options = {}) {
  const r = await build({ ...common, write: false, outfile: 'oojwt.mjs', ...options });
  return { code: r.outputFiles[0].text, metafile: r.metafile };
}

/**
 * The outputs of a dist/site/ build, by file name: `initial`, app.mjs and
 * the chunks it imports statically (what loads before the page is usable),
 * and `lazy`, the chunks only a dynamic import reaches. Each output's
 * `inputs` are the source files (paths from the project's root) it holds.
 */
export function siteOutputs(metafile) {
  const outputs = new Map(Object.entries(metafile.outputs)
    .filter(([path]) => path.endsWith('.mjs'))
    .map(([path, o]) => [base(path), { ...o, inputs: Object.keys(o.inputs) }]));
  const initial = [];
  const visit = (name) => {
    if (initial.includes(name)) return;
    initial.push(name);
    for (const i of outputs.get(name).imports) if (i.kind === 'import-statement') visit(base(i.path));
  };
  visit('app.mjs');
  const lazy = [...outputs.keys()].filter((n) => !initial.includes(n));
  return { outputs, initial, lazy };
}

/**
 * The lazy chunks a step of the page loads (names in `lazy` order): those
 * holding each of `sources` (paths from the project's root) and what they
 * import statically, less what the page loaded at first (`initial`).
 */
export function stepChunks(metafile, sources) {
  const { outputs, initial, lazy } = siteOutputs(metafile);
  const step = new Set();
  const visit = (name) => {
    if (step.has(name) || initial.includes(name)) return;
    step.add(name);
    for (const i of outputs.get(name).imports) if (i.kind === 'import-statement') visit(base(i.path));
  };
  for (const src of sources) {
    const holders = [...outputs].filter(([, o]) => o.inputs.includes(src)).map(([n]) => n);
    if (holders.length === 0) throw new Error(`stepChunks: no chunk holds ${src}`);
    holders.forEach(visit);
  }
  return lazy.filter((n) => step.has(n));
}

const base = (path) => path.slice(path.lastIndexOf('/') + 1);
