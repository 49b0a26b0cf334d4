// make lint: the layout's rules, checked on the tree (conventions.md,
// "C (src/)" and "The wasm boundary and JS (web/)"). Prints one line per
// violation, `lint: N files, M problems`, and exits 1 when M > 0.
//
//   node tools/lint.mjs [ROOT]      (ROOT defaults to the repository)
//
// Rules:
//   layer-include   src/<layer>/ includes only inner.h, oojwt.h, its own
//                   folder's headers and lower layers' (core <- ds <-
//                   deploy <- diagnose; cli may use all)
//   cjson-include   cJSON.h only in the core's JSON files (src/core/json_*.c)
//   cjson-nocase    no case-insensitive cJSON lookup (cJSON_GetObjectItem,
//                   cJSON_HasObjectItem, ... without CaseSensitive)
//   wasm-export     every function a src/*/wasm_*.c defines outside
//                   `static` carries OOJWT_WASM_EXPORT (exports only)
//   lib-imports     web/lib/ never imports from web/page/
//   outside-ref     no comment cites a document outside the repository
//                   (an issue or session number, "the spec, section 7"): cite the upstream
//                   file and function instead
//   old-finding     codes 115 on are OOJWT_FIND_*, not OOJWT_WARN_*
//   test-header     each test file opens with a comment naming what it covers
//   cli-host        src/cli/ touches the process only in host_native.c and
//                   main_native.c (no stdio, getenv, isatty, time): the
//                   rest is built into bin/oojwt-cli.wasm as well, where
//                   src/cli/host_wasm.c is the process
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const LAYERS = ['core', 'ds', 'deploy', 'diagnose', 'cli'];
// libc functions the wasm link takes from us instead of musl (wasm_strtod.c).
const LIBC_SHIMS = new Set(['strtod']);
const SKIP = new Set(['node_modules', 'build', 'dist', '.git', 'deps']);
const problems = [];
let files = 0;

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (SKIP.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const rel = (p) => relative(root, p).split(sep).join('/');
const report = (p, line, rule, text) => problems.push(`${rel(p)}:${line}: ${rule}: ${text}`);
const lineOf = (text, index) => text.slice(0, index).split('\n').length;

// C comments and JS comments (line and block), without string contents.
function comments(text, js) {
  const out = [];
  const re = js ? /\/\*[\s\S]*?\*\/|(?<![:\\'"`])\/\/[^\n]*/g : /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;
  for (const m of text.matchAll(re)) out.push({ text: m[0], index: m.index });
  return out;
}

const OUTSIDE = /\b(?:issues?|sessions?)\s+#?\d+\b|\bthe spec(?:ification)?\b|\bspec(?:'s)?\s+sections?\b/i;

function checkC(p) {
  const text = readFileSync(p, 'utf8');
  const r = rel(p);
  const m = r.match(/^src\/([^/]+)\/[^/]+$/);
  const layer = m ? m[1] : null;
  for (const inc of text.matchAll(/^[ \t]*#[ \t]*include[ \t]*"([^"]+)"/gm)) {
    const name = inc[1];
    const line = lineOf(text, inc.index);
    if (name === 'cJSON.h') {
      if (!/^src\/core\/json_[a-z_]+\.c$/.test(r) && r.startsWith('src/')) {
        report(p, line, 'cjson-include', 'cJSON.h is included only by src/core/json_*.c, the strict JSON layer');
      }
      continue;
    }
    if (!layer || !r.startsWith('src/')) continue;
    // As the compiler looks: the file's folder first, then -Isrc.
    const candidates = [resolve(dirname(p), name), resolve(root, 'src', name)];
    const found = candidates.find((c) => existsSync(c))
      ?? candidates.find((c) => /^src\/([^/]+\/)?[^/]+\.h$/.test(rel(c))) ?? candidates[0];
    const t = rel(found);
    const tm = t.match(/^src\/([^/]+)\/[^/]+$/);
    if (t === 'src/inner.h' || t === 'src/oojwt.h') continue;
    if (/^bearssl_[a-z0-9]+\.h$/.test(name)) continue;
    if (!tm || !LAYERS.includes(tm[1])) {
      report(p, line, 'layer-include', `"${name}" is not a header of src/`);
      continue;
    }
    const from = LAYERS.indexOf(layer);
    const to = LAYERS.indexOf(tm[1]);
    if (layer !== 'cli' && to > from) {
      report(p, line, 'layer-include', `src/${layer}/ may not include ${t}: ${tm[1]} is a higher layer (core <- ds <- deploy <- diagnose <- cli)`);
    }
  }
  if (/^src\/cli\/[^/]+\.c$/.test(r) && !/_native\.c$/.test(r)) {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
    const host = /\b(?:printf|fprintf|vfprintf|puts|fputs|putchar|fwrite|fread|fopen|fflush|getenv|isatty|time|strftime|gmtime_r|localtime|stat)\s*\(|\bstd(?:in|out|err)\b/g;
    for (const h of code.matchAll(host)) {
      report(p, lineOf(text, h.index), 'cli-host', `${h[0].replace(/\s*\($/, '()')} touches the process: src/cli/ goes into the wasm module too; use the host interface of src/cli/cli.h (oojwt_cli_printf, oojwt_cli_eprintf, oojwt_cli_read_file, oojwt_cli_host_getenv, oojwt_cli_host_now)`);
    }
  }
  const nocase = /\bcJSON_(GetObjectItem|HasObjectItem|DetachItemFromObject|DeleteItemFromObject|ReplaceItemInObject)(?!CaseSensitive)\b/g;
  for (const c of text.matchAll(nocase)) {
    report(p, lineOf(text, c.index), 'cjson-nocase', `${c[0]} compares member names case-insensitively: use the ...CaseSensitive form or src/core/json_tree.c`);
  }
  if (/^src\/[^/]+\/wasm_[a-z_]+\.c$/.test(r)) {
    const exported = new Set([...text.matchAll(/OOJWT_WASM_EXPORT\("(\w+)"\)/g)].map((x) => x[1]));
    const re = /^(?!static\b)(?!extern\b)[A-Za-z_][\w \t*]*\n([A-Za-z_]\w*)\([^;]*?\)\s*\{/gm;
    for (const f of text.matchAll(re)) {
      if (!exported.has(f[1]) && !LIBC_SHIMS.has(f[1])) {
        report(p, lineOf(text, f.index), 'wasm-export', `${f[1]}() is not an export: a wasm_*.c file holds only its layer's exports, logic lives in the layer's other files`);
      }
    }
  }
  if (!r.endsWith('oojwt_codes.h')) checkFindings(p, text);
  checkComments(p, text, false);
}

let findNames = null;
function checkFindings(p, text) {
  if (findNames === null) {
    const codes = join(root, 'src', 'core', 'oojwt_codes.h');
    findNames = new Set(existsSync(codes)
      ? [...readFileSync(codes, 'utf8').matchAll(/\bOOJWT_FIND_([A-Z0-9_]+)\s*=/g)].map((x) => x[1]) : []);
  }
  for (const w of text.matchAll(/\bOOJWT_WARN_([A-Z0-9_]+)\b/g)) {
    if (findNames.has(w[1])) {
      report(p, lineOf(text, w.index), 'old-finding', `OOJWT_WARN_${w[1]} is a finding: write OOJWT_FIND_${w[1]}`);
    }
  }
}

// The rule's own description and its test fixtures quote what it forbids.
const QUOTES_RULES = new Set(['tools/lint.mjs', 'tests/tools/lint.test.mjs']);

function checkComments(p, text, js) {
  if (QUOTES_RULES.has(rel(p))) return;
  for (const c of comments(text, js)) {
    const m = c.text.match(OUTSIDE);
    if (m) {
      report(p, lineOf(text, c.index + m.index), 'outside-ref',
        `"${m[0]}" cites a document outside the repository: cite the upstream file and function instead`);
    }
  }
}

const IMPORT = /\bimport\s*(?:[\w*{}\s,]+from\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g;

function checkJs(p) {
  const text = readFileSync(p, 'utf8');
  const r = rel(p);
  if (r.startsWith('web/lib/')) {
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec.startsWith('.')) continue;
      const t = rel(resolve(dirname(p), spec));
      if (!t.startsWith('web/lib/')) {
        report(p, lineOf(text, m.index), 'lib-imports', `web/lib/ imports ${t}: the library never depends on the page or anything outside web/lib/`);
      }
    }
  }
  checkComments(p, text, true);
}

function checkTestHeader(p) {
  const text = readFileSync(p, 'utf8').replace(/^#![^\n]*\n/, '');
  const ok = p.endsWith('.c') || p.endsWith('.h') ? /^\/\*/.test(text) : /^\/\/|^\/\*/.test(text);
  if (!ok) report(p, 1, 'test-header', 'a test file opens with a comment that names what it covers');
}

for (const p of walk(join(root, 'src'))) {
  if (/\.[ch]$/.test(p)) { files++; checkC(p); }
}
for (const dir of ['tests', 'tools', 'bin', 'web']) {
  for (const p of walk(join(root, dir))) {
    const r = rel(p);
    if (/\.[ch]$/.test(p)) { files++; checkFindings(p, readFileSync(p, 'utf8')); checkComments(p, readFileSync(p, 'utf8'), false); }
    else if (/\.(mjs|js|ts)$/.test(p)) { files++; checkJs(p); }
    else continue;
    if (/^tests\/.*(\.test\.mjs|\/test_[a-z_0-9]+\.c)$/.test(r)) checkTestHeader(p);
  }
}
if (existsSync(join(root, 'Makefile'))) {
  const text = readFileSync(join(root, 'Makefile'), 'utf8');
  files++;
  for (const line of text.split('\n').map((l, i) => [l, i + 1])) {
    const hash = line[0].indexOf('#');
    if (hash < 0) continue;
    const m = line[0].slice(hash).match(OUTSIDE);
    if (m) report(join(root, 'Makefile'), line[1], 'outside-ref', `"${m[0]}" cites a document outside the repository`);
  }
}

for (const line of problems) console.log(line);
console.log(`lint: ${files} files, ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
process.exit(problems.length ? 1 : 0);
