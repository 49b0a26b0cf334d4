// The static import graph of a page module in web/ (relative './x.mjs'
// imports and re-exports, and literal dynamic imports), entry first.
// Used by `make size` (what the page loads) and by the test that keeps
// index.html's modulepreload list complete.
import { readFileSync } from 'node:fs';

export function moduleGraph(dir, entry) {
  const seen = new Set();
  const walk = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = readFileSync(new URL(name, dir), 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'\.\/([\w.-]+\.mjs)'/g)) walk(m[1]);
    for (const m of text.matchAll(/import\(\s*'\.\/([\w.-]+\.mjs)'\s*\)/g)) walk(m[1]);
  };
  walk(entry);
  return [...seen];
}
