// The import graph of a page module in web/ (relative imports and re-exports,
// './x.mjs' or '../lib/x.mjs', and literal dynamic imports `import('./x.mjs')`),
// entry first, each module named by its path under web/ ('page/app.mjs',
// 'lib/oojwt.mjs'). With { dynamic: false }, the static graph only: the
// modules that load before the entry runs, which web/page/index.html preloads
// (tests/page/preload.test.mjs) and `make size` counts in the page's budget;
// the rest loads on demand.
//
// The built page (dist/site/, dist/oojwt.html) holds web/page/ and the
// web/lib/ modules it uses in one folder: siteName() is a module's name
// there and flatImports() rewrites a module's imports to match.
import { readFileSync } from 'node:fs';

// A relative specifier ('./x.mjs', '../lib/x.mjs') in a static import or
// re-export, and in a literal dynamic import.
const STATIC = /((?:^|\n)\s*(?:import|export)\s[^;]*?from\s+')(\.\.?\/[\w./-]+\.mjs)'/g;
const DYNAMIC = /(import\(\s*')(\.\.?\/[\w./-]+\.mjs)'/g;

export function moduleGraph(dir, entry, { dynamic = true } = {}) {
  const base = new URL(dir).href;
  const seen = new Set();
  const walk = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const url = new URL(name, base);
    const text = readFileSync(url, 'utf8');
    const follow = (spec) => {
      const dep = new URL(spec, url).href;
      if (!dep.startsWith(base)) throw new Error(`${name}: ${spec} is outside ${base}`);
      walk(dep.slice(base.length));
    };
    for (const m of text.matchAll(STATIC)) follow(m[2]);
    if (dynamic) for (const m of text.matchAll(DYNAMIC)) follow(m[2]);
  };
  walk(entry);
  return [...seen];
}

/** A module's name in the built page: its file name ('lib/oojwt.mjs' -> 'oojwt.mjs'). */
export const siteName = (path) => path.slice(path.lastIndexOf('/') + 1);

/**
 * The built page's names of `paths` (web/ paths), in order; throws when two
 * modules would share a name there (a page module named like a library one).
 */
export function siteNames(paths) {
  const names = paths.map(siteName);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new Error(`two modules of the page are named ${twice}: rename one`);
  return names;
}

/** `text` with every relative module specifier made './' + its file name. */
export const flatImports = (text) => text
  .replace(STATIC, (_, head, spec) => `${head}./${siteName(spec)}'`)
  .replace(DYNAMIC, (_, head, spec) => `${head}./${siteName(spec)}'`);

/** index.html's links into the library ('../lib/x') as the built page's ('x'). */
export const flatLinks = (html) => html.replaceAll('"../lib/', '"');
