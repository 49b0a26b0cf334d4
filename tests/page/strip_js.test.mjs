// tools/strip-js.mjs (comments out of the served page's modules) and
// dist/site/ (tools/build-site.mjs: web/page/ and the web/lib/ files it uses,
// in one folder). TypeScript's parser is the referee: a module and its
// stripped form must print to the same program.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import ts from 'typescript';
import { stripJs } from '../../tools/strip-js.mjs';
import { moduleGraph, siteNames, flatImports, flatLinks } from '../../tools/module-graph.mjs';

const web = new URL('../../web/', import.meta.url);
const site = new URL('../../dist/site/', import.meta.url);
const program = (src) => ts.transpileModule(src, {
  compilerOptions: { removeComments: true, target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext },
}).outputText;

test('every module of web/lib/ and web/page/ strips to the same program, a quarter smaller or more', () => {
  let before = 0;
  let after = 0;
  const modules = ['lib/', 'page/'].flatMap((dir) => readdirSync(new URL(dir, web)).filter((f) => f.endsWith('.mjs')).map((f) => dir + f));
  assert.ok(modules.length >= 20, modules.join(', '));
  for (const name of modules) {
    const src = readFileSync(new URL(name, web), 'utf8');
    const out = stripJs(src);
    assert.equal(program(out), program(src), name);
    before += src.length;
    after += out.length;
  }
  assert.ok(after < before * 0.8, `${before} -> ${after} bytes`);
});

test('strings, templates, regular expressions and divisions are kept; comments go', () => {
  const cases = [
    ["const a = 'x // not a comment'; // gone\n", "const a = 'x // not a comment'; \n"],
    ['const u = "http://x/*y*/";\n', 'const u = "http://x/*y*/";\n'],
    ['const t = `\n  // stays\n  ${a /* gone */ + `${b}`}\n`;\n', 'const t = `\n  // stays\n  ${a  + `${b}`}\n`;\n'],
    ['const r = /\\/\\/[/]x/g.test(s); // gone\n', 'const r = /\\/\\/[/]x/g.test(s); \n'],
    ['const d = a / b / c; /* gone */\n', 'const d = a / b / c; \n'],
    ['  if (x) return /a\'b/.test(y);\n', "if (x) return /a'b/.test(y);\n"],
    ['/**\n * doc\n */\nexport function f() {\n    return {};\n}\n', 'export function f() {\nreturn {};\n}\n'],
    ['a/*x*/b', 'a b\n'],
  ];
  for (const [src, want] of cases) {
    assert.equal(stripJs(src), want, JSON.stringify(src));
    assert.equal(program(stripJs(src)), program(src), JSON.stringify(src));
  }
  for (const bad of ["const s = 'open\n';", 'const t = `open', '/* open', '{ a']) {
    assert.throws(() => stripJs(bad), Error, JSON.stringify(bad));
  }
});

test('dist/site/ serves web/page/ with every module stripped, in one folder, and both wasm modules', { skip: !existsSync(site) && 'dist/site/ not built (make site)' }, () => {
  const modules = moduleGraph(web, 'page/app.mjs');
  assert.ok(modules.length >= 10, modules.join(', '));
  assert.ok(modules.some((m) => m.startsWith('lib/')) && modules.some((m) => m.startsWith('page/')), modules.join(', '));
  const names = siteNames(modules);
  for (const [i, path] of modules.entries()) {
    const text = readFileSync(new URL(names[i], site), 'utf8');
    assert.equal(text, flatImports(stripJs(readFileSync(new URL(path, web), 'utf8'))), path);
    // Every import names a module of the folder.
    for (const m of text.matchAll(/(?:from\s+|import\(\s*)'([^']+)'/g)) {
      if (m[1].startsWith('node:')) continue;
      assert.match(m[1], /^\.\/[\w.-]+\.mjs$/, `${names[i]} imports ${m[1]}`);
      assert.ok(names.includes(m[1].slice(2)), `${names[i]} imports ${m[1]}, not in dist/site/`);
    }
  }
  const html = readFileSync(new URL('index.html', site), 'utf8');
  assert.equal(html, flatLinks(readFileSync(new URL('page/index.html', web), 'utf8')));
  assert.doesNotMatch(html, /"\.\.\//, 'index.html links only inside dist/site/');
  assert.deepEqual(readFileSync(new URL('style.css', site)), readFileSync(new URL('page/style.css', web)), 'style.css');
  for (const name of ['oojwt.wasm', 'oojwt-full.wasm']) {
    assert.deepEqual(readFileSync(new URL(name, site)), readFileSync(new URL(`lib/${name}`, web)), name);
  }
});
