// The import graph of a module in web/, read by TypeScript's parser
// (ts.preProcessFile: static imports, re-exports and literal dynamic
// imports), independently of the bundler that builds the page (esbuild,
// tools/page-bundle.mjs): entry first, each module named by its path under
// the folder ('page/app.mjs', 'lib/oojwt.mjs'). Specifiers that are not
// relative ('node:fs') are left out; a relative one that leaves the folder
// throws.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export function moduleGraph(dir, entry) {
  const base = new URL(dir).href;
  const seen = new Set();
  const walk = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const url = new URL(name, base);
    const { importedFiles } = ts.preProcessFile(readFileSync(url, 'utf8'), true, true);
    for (const { fileName: spec } of importedFiles) {
      if (!spec.startsWith('./') && !spec.startsWith('../')) continue;
      const dep = new URL(spec, url).href;
      if (!dep.startsWith(base)) throw new Error(`${name}: ${spec} is outside ${base}`);
      walk(dep.slice(base.length));
    }
  };
  walk(entry);
  return [...seen];
}
