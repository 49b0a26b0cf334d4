// The import graph of a page module in web/ (relative './x.mjs' imports and
// re-exports, and literal dynamic imports `import('./x.mjs')`), entry first.
// With { dynamic: false }, the static graph only: the modules that load
// before the entry runs, which index.html preloads (tests/page-preload.test.mjs)
// and `make size` counts in the page's budget; the rest loads on demand.
import { readFileSync } from 'node:fs';

export function moduleGraph(dir, entry, { dynamic = true } = {}) {
  const seen = new Set();
  const walk = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = readFileSync(new URL(name, dir), 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'\.\/([\w.-]+\.mjs)'/g)) walk(m[1]);
    if (dynamic) for (const m of text.matchAll(/import\(\s*'\.\/([\w.-]+\.mjs)'\s*\)/g)) walk(m[1]);
  };
  walk(entry);
  return [...seen];
}
