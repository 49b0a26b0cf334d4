// The secrets bin/oojwt-cli.wasm is handed are wiped inside the module: the
// module is run here with a host of the test's own (the imports of
// src/cli/host_wasm.c, as bin/oojwt.mjs provides them), a secret from the
// environment, from a secret file and from a local.json, and after the run
// -- before the shell's final zeroing of the whole memory -- no byte
// sequence of any secret is left in the module's memory. The control: the
// same scan finds the secret while the module still holds it (inside the
// read import, once the bytes are handed in).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOW, token } from '../helpers/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const wasm = readFileSync(join(root, 'bin', 'oojwt-cli.wasm'));
const mod = new WebAssembly.Module(wasm);

function has(memory, needle) {
  return Buffer.from(memory.buffer).indexOf(needle) !== -1;
}

function run(argv, { env = {}, files = {} }) {
  let ex;
  let seenInside = false;
  const out = [];
  const str = (p, n) => Buffer.from(ex.memory.buffer, p, n).toString();
  const handIn = (data, at, lenAt) => {
    const p = ex.oojwt_cli_wasm_alloc(data.length + 1);
    new Uint8Array(ex.memory.buffer).set(data, p);
    new Uint8Array(ex.memory.buffer)[p + data.length] = 0;
    new DataView(ex.memory.buffer).setUint32(at, p, true);
    new DataView(ex.memory.buffer).setUint32(lenAt, data.length, true);
  };
  const host = {
    read(pp, pn, isStdin, max, at, lenAt) {
      const data = Buffer.from(files[isStdin ? '-' : str(pp, pn)] ?? '');
      handIn(data, at, lenAt);
      seenInside ||= Object.values(files).some((f) => f.length > 0 && has(ex.memory, Buffer.from(f)));
      return 0;
    },
    is_file: (pp, pn) => (str(pp, pn) in files ? 1 : 0),
    getenv(np, nn, at, lenAt) {
      const v = env[str(np, nn)];
      if (v === undefined) return 0;
      if (at !== 0) handIn(Buffer.from(v), at, lenAt);
      return 1;
    },
    write(fd, p, n) {
      out.push(Buffer.from(new Uint8Array(ex.memory.buffer, p, n)));
      return 0;
    },
    flush: () => 0,
    isatty: () => 0,
    now: () => NOW,
  };
  ex = new WebAssembly.Instance(mod, { env: { emscripten_notify_memory_growth() {} }, oojwt_host: host }).exports;
  ex._initialize();
  const args = ['oojwt', ...argv].map((a) => Buffer.from(`${a}\0`));
  const size = args.reduce((n, a) => n + a.length, 0);
  const block = ex.oojwt_cli_wasm_alloc(size);
  const table = ex.oojwt_cli_wasm_alloc(4 * args.length);
  let at = block;
  args.forEach((a, i) => {
    new Uint8Array(ex.memory.buffer).set(a, at);
    new DataView(ex.memory.buffer).setUint32(table + 4 * i, at, true);
    at += a.length;
  });
  const code = ex.oojwt_cli_wasm_run(args.length, table);
  ex.oojwt_cli_wasm_free(block, size);
  ex.oojwt_cli_wasm_free(table, 4 * args.length);
  return { code, memory: ex.memory, seenInside, out: Buffer.concat(out).toString() };
}

const SECRET = 'wipe-me-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const signed = token({ document: { key: 'k' } }, { secret: SECRET });
const localJson = JSON.stringify({ services: { CoAuthoring: { secret: { inbox: { string: SECRET } } } } });

test('a secret from the environment, a file and a local.json is wiped after the run', () => {
  const cases = [
    [['verify', '--now', String(NOW), signed], { env: { OOJWT_SECRET: SECRET } }],
    [['verify', '--now', String(NOW), '--secret-file', '/s', signed], { files: { '/s': `${SECRET}\n` } }],
    [['verify', '--now', String(NOW), '--secret-from-local-json', '/l.json', signed], { files: { '/l.json': localJson } }],
    [['explain-secret', '--secret-from-local-json', '/l.json', signed], { files: { '/l.json': localJson } }],
    [['server-config', '--show-secrets', '/l.json'], { files: { '/l.json': localJson } }],
  ];
  for (const [argv, opts] of cases) {
    const r = run(argv, opts);
    assert.ok(r.code === 0 || r.code === 1, `${argv[0]}: exit ${r.code}: ${r.out}`);
    if (opts.files) assert.ok(r.seenInside, `${argv[0]}: the control: the secret was in memory while read`);
    assert.equal(has(r.memory, Buffer.from(SECRET)), false, `${argv.join(' ')}: the secret is still in wasm memory`);
  }
});
