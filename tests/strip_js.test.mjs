// tools/strip-js.mjs (comments out of the served page's modules) and
// dist/site/ (tools/build-site.mjs). TypeScript's parser is the referee:
// a module and its stripped form must print to the same program.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import ts from 'typescript';
import { stripJs } from '../tools/strip-js.mjs';
import { moduleGraph } from '../tools/module-graph.mjs';

const web = new URL('../web/', import.meta.url);
const site = new URL('../dist/site/', import.meta.url);
const program = (src) => ts.transpileModule(src, {
  compilerOptions: { removeComments: true, target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext },
}).outputText;

test('every module of web/ strips to the same program, a quarter smaller or more', () => {
  let before = 0;
  let after = 0;
  for (const name of readdirSync(web).filter((f) => f.endsWith('.mjs'))) {
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

test('dist/site/ serves web/ with every page module stripped, and both wasm modules', { skip: !existsSync(site) && 'dist/site/ not built (make site)' }, () => {
  const modules = moduleGraph(web, 'app.mjs');
  assert.ok(modules.length >= 10, modules.join(', '));
  for (const name of modules) {
    assert.equal(readFileSync(new URL(name, site), 'utf8'), stripJs(readFileSync(new URL(name, web), 'utf8')), name);
  }
  for (const name of ['index.html', 'style.css', 'oojwt.wasm', 'oojwt-full.wasm']) {
    assert.deepEqual(readFileSync(new URL(name, site)), readFileSync(new URL(name, web)), name);
  }
});
