// Build dist/oojwt.html: the page as one self-contained file that works from
// file:// with no server and no network.
//
//   node tools/build-dist.mjs [out]      (make dist; `make` runs it)
//
// - style.css goes into a <style> element;
// - our ES modules (web/page/app.mjs and what it imports, transitively, the
//   web/lib/ modules among them) go into one
//   inline <script type="module">: each imported module becomes a function
//   scope that hands its exports to the modules importing it, the entry module
//   stays at the top level (it uses top-level await);
// - the two wasm modules go into data blocks, <script type="application/octet-stream">, as base64
//   of their gzipped bytes (web/page/embedded.mjs decodes them with DecompressionStream): web/lib/oojwt.wasm,
//   the JWT core (id="oojwt-wasm"), which app.mjs passes to loadToolkit(), and web/lib/oojwt-full.wasm
//   (id="oojwt-full-wasm"), decoded only when a Document Server mode is first opened (modes.mjs);
// - the Content Security Policy allows exactly the inline script and style
//   (by their SHA-256), WebAssembly compilation, and no connection at all.
//
// The inliner is deliberately small and strict: it understands the import and
// export forms our modules use, written at the start of a line, and fails the
// build on anything else rather than produce a page that breaks at run time.
// Modules are named by their file name, as in dist/site/ (tools/module-graph.mjs
// siteName; two modules with one name fail the build).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { stripJs } from './strip-js.mjs';
import { siteName, siteNames } from './module-graph.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const out = resolve(process.argv[2] ?? join(root, 'dist', 'oojwt.html'));

function fail(msg) {
  console.error(`build-dist: ${msg}`);
  process.exit(1);
}

const read = (name) => readFileSync(join(web, name), 'utf8');

// ---- the module inliner ------------------------------------------------------

// A specifier: './x.mjs', or '../lib/x.mjs' from the page.
const IMPORT_NAMED = /^import\s*\{([^}]*)\}\s*from\s*'(\.\.?\/[\w./-]+\.mjs)';?[ \t]*$/gm;
const IMPORT_NS = /^import\s*\*\s*as\s+(\w+)\s+from\s*'(\.\.?\/[\w./-]+\.mjs)';?[ \t]*$/gm;
const EXPORT_DECL = /^export\s+((?:async\s+)?function\*?|class|const|let)\s+([\w$]+)/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\};?[ \t]*$/gm;
// import('./x.mjs'): the module is bundled too, and the call becomes a
// promise of its exports.
const IMPORT_DYNAMIC = /\bimport\('(\.\.?\/[\w./-]+\.mjs)'\)/g;

// An import becomes `let` bindings that the exporting module fills in when
// its body has run (before anything uses them, as with ES modules; this also
// covers import cycles, e.g. oojwt.mjs <-> onlyoffice.mjs).
function importStatement(from, binds) {
  const locals = binds.map(([, local]) => local).join(', ');
  const sets = binds.map(([name, local]) => `${local} = m.${name};`).join(' ');
  return `let ${locals}; __oojwt_import('${siteName(from)}', (m) => { ${sets} });`;
}

const RUNTIME = `const __oojwt_done = new Map();
const __oojwt_wait = new Map();
function __oojwt_import(name, set) {
  if (__oojwt_done.has(name)) set(__oojwt_done.get(name));
  else __oojwt_wait.set(name, [...(__oojwt_wait.get(name) ?? []), set]);
}
function __oojwt_export(name, m) {
  __oojwt_done.set(name, m);
  for (const set of __oojwt_wait.get(name) ?? []) set(m);
  __oojwt_wait.delete(name);
}
const __oojwt_load = (name) => new Promise((resolve) => __oojwt_import(name, resolve));`;

// `file` and its deps are paths under web/ ('page/app.mjs', 'lib/oojwt.mjs').
function parseModule(file) {
  // Comments out, as on the served page (tools/strip-js.mjs).
  let src = stripJs(read(file));
  const deps = [];
  const dep = (from) => deps.push(posix.join(posix.dirname(file), from));
  const lines = [];
  src = src.replace(IMPORT_NAMED, (_, names, from) => {
    dep(from);
    const binds = names.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
      const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(s);
      if (!m) fail(`${file}: cannot read the import binding "${s}"`);
      return [m[1], m[2] ?? m[1]];
    });
    return importStatement(from, binds);
  });
  src = src.replace(IMPORT_NS, (_, name, from) => {
    dep(from);
    return `let ${name}; __oojwt_import('${siteName(from)}', (m) => { ${name} = m; });`;
  });
  src = src.replace(IMPORT_DYNAMIC, (_, from) => {
    dep(from);
    return `__oojwt_load('${siteName(from)}')`;
  });
  const exportsList = [];
  src = src.replace(EXPORT_DECL, (_, kind, name) => {
    exportsList.push(name);
    return `${kind} ${name}`;
  });
  src = src.replace(EXPORT_LIST, (_, names) => {
    for (const s of names.split(',').map((x) => x.trim()).filter(Boolean)) {
      const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(s);
      if (!m) fail(`${file}: cannot read the export "${s}"`);
      exportsList.push(m[2] ? `${m[2]}: ${m[1]}` : m[1]);
    }
    return '';
  });
  for (const line of src.split('\n')) {
    if (/^\s*import\s*[{*\w'"]/.test(line) && !/^\s*import\s*\(/.test(line)) {
      fail(`${file}: unsupported import form (only "import { a } from './x.mjs'" and "import * as x from './x.mjs'"): ${line}`);
    }
    if (/^\s*export\b/.test(line)) fail(`${file}: unsupported export form: ${line}`);
    lines.push(line);
  }
  return { file, deps, exports: exportsList, body: lines.join('\n') };
}

function bundle(entry) {
  const order = [];
  const state = new Map();
  const visit = (file) => {
    // A module being visited is an import cycle: like ES modules, it is
    // evaluated once, after the modules it imports that are not on the cycle.
    if (state.has(file)) return;
    state.set(file, 'visiting');
    const mod = parseModule(file);
    for (const dep of mod.deps) visit(dep);
    state.set(file, 'done');
    order.push(mod);
  };
  visit(entry);
  let names;
  try {
    names = siteNames(order.map((m) => m.file));
  } catch (e) {
    fail(e.message);
  }
  const parts = [RUNTIME];
  for (const [i, mod] of order.entries()) {
    if (mod.file === entry) {
      parts.push(`// ---- ${names[i]} (entry)\n${mod.body}`);
    } else {
      parts.push(`// ---- ${names[i]}\n(() => {\n${mod.body}\n__oojwt_export('${names[i]}', { ${mod.exports.join(', ')} });\n})();`);
    }
  }
  return { code: parts.join('\n'), files: names };
}

// ---- the page ----------------------------------------------------------------

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

let html = read('page/index.html');
const css = `\n${read('page/style.css')}`;
const { code, files } = bundle('page/app.mjs');
const js = `\n${code}\n`;
if (/<\/script/i.test(js)) fail('the bundled script contains "</script"');
if (/<\/style/i.test(css)) fail('style.css contains "</style"');
// A data block of a wasm module: base64 of its gzipped bytes, in lines of 120 characters.
function dataBlock(id, file) {
  if (!existsSync(join(web, file))) fail(`web/${file} is missing: run \`make wasm\``);
  const wasm = readFileSync(join(web, file));
  const b64 = gzipSync(wasm, { level: 9 }).toString('base64').replace(/.{1,120}/g, '$&\n');
  return { size: wasm.length, html: `<script type="application/octet-stream" id="${id}">\n${b64}</script>\n` };
}
const core = dataBlock('oojwt-wasm', 'lib/oojwt.wasm');
const full = dataBlock('oojwt-full-wasm', 'lib/oojwt-full.wasm');

const CSP = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
const STYLE = '<link rel="stylesheet" href="style.css">';
const SCRIPT = '<script type="module" src="app.mjs"></script>';
for (const [what, pattern] of [['CSP meta', CSP], ['stylesheet link', STYLE], ['module script', SCRIPT]]) {
  const n = typeof pattern === 'string' ? html.split(pattern).length - 1 : (html.match(new RegExp(pattern, 'g')) ?? []).length;
  if (n !== 1) fail(`web/page/index.html must contain the ${what} exactly once (found ${n})`);
}
const csp = [
  "default-src 'none'",
  `script-src ${sha256(js)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// Replacement functions: the inserted texts must not be read as $-patterns.
html = html.replace(CSP, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
html = html.replace(STYLE, () => `<style>${css}</style>`);
html = html.replace(SCRIPT, () => `${core.html}${full.html}<script type="module">${js}</script>`);
// Preloads of web/'s separate files: everything is inline here.
html = html.replace(/<!-- Preloads:[\s\S]*?-->\n/, '').replace(/<link rel="(?:module)?preload"[^>]*>\n/g, '');
html = html.replace('<!doctype html>\n', () => '<!doctype html>\n<!-- dist/oojwt.html: generated by tools/build-dist.mjs from web/; do not edit. -->\n');

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`oojwt: ${out.startsWith(root) ? out.slice(root.length + 1) : out} is ${Buffer.byteLength(html)} bytes `
  + `(modules: ${files.join(', ')}; wasm: core ${core.size} bytes, full ${full.size} bytes)`);
