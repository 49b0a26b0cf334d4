#!/usr/bin/env node
// oojwt — the command line for machines with Node but no compiler.
//
// The command line itself (arguments, help texts, checks, output) is the C
// code of src/cli/, the same as build/oojwt's, compiled into oojwt-cli.wasm
// beside this file; so both print the same bytes. This file is only the
// process around it: the imports of src/cli/host_wasm.c (files, standard
// input, environment, standard output and error, clock, terminal) and the
// exit code. Bytes handed into the module (arguments, files, environment
// values: secrets among them) are wiped there after use, and the whole
// memory is zeroed when the command ends.
import { closeSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { setFlagsFromString } from 'node:v8';

// One command runs a few of the module's functions: compiling each on its
// first call, not the whole module up front, halves the start-up (the
// compile of 350 KB of wasm is most of it; `make bench` measures it).
setFlagsFromString('--wasm-lazy-compilation');

const EXIT_INTERNAL = 4;
const CHUNK = 65536;
let ex;
const bytes = () => new Uint8Array(ex.memory.buffer);
const view = () => new DataView(ex.memory.buffer);
const str = (ptr, len) => Buffer.from(ex.memory.buffer, ptr, len).toString('utf8');

// A descriptor opened non-blocking by someone else answers EAGAIN: wait a
// millisecond and try again, as a blocking read or write would.
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
function retry(fn) {
  for (;;) {
    try {
      return fn();
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      pause();
    }
  }
}

/** The bytes of `fd` up to EOF, or null beyond `max` (what was read is wiped). */
function readAll(fd, max) {
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      let n;
      try {
        n = retry(() => readSync(fd, chunk, 0, CHUNK, null));
      } catch (e) {
        if (e.code === 'EOF') n = 0;
        else throw e;
      }
      chunks.push(chunk);
      total += n;
      if (total > max) return null;
      if (n === 0) break;
      chunks[chunks.length - 1] = chunk.subarray(0, n);
    }
    chunks.pop();
    return Buffer.concat(chunks, total);
  } finally {
    for (const c of chunks) c.fill(0);
  }
}

/** Copy `data` into memory the module allocates: [ptr, len], or null. */
function handIn(data, ptrAt, lenAt) {
  const p = ex.oojwt_cli_wasm_alloc(data.length + 1);
  if (p === 0) return false;
  const m = bytes();
  m.set(data, p);
  m[p + data.length] = 0;
  view().setUint32(ptrAt, p, true);
  view().setUint32(lenAt, data.length, true);
  return true;
}

let pending = [];
let pendingLen = 0;
function writeAll(fd, buf) {
  for (let off = 0; off < buf.length;) off += retry(() => writeSync(fd, buf, off, buf.length - off));
}
function flush() {
  if (pendingLen === 0) return 0;
  const out = Buffer.concat(pending, pendingLen);
  for (const c of pending) c.fill(0);
  pending = [];
  pendingLen = 0;
  try {
    writeAll(1, out);
    return 0;
  } catch {
    return -1;
  } finally {
    out.fill(0);
  }
}

const host = {
  read(pathPtr, pathLen, isStdin, max, bufAt, lenAt, errPtr, errCap) {
    let data;
    try {
      if (isStdin) {
        data = readAll(0, max);
      } else {
        const fd = openSync(str(pathPtr, pathLen), 'r');
        try {
          data = readAll(fd, max);
        } finally {
          closeSync(fd);
        }
      }
    } catch (e) {
      const name = Buffer.from(/^E[A-Z]+$/.test(e.code ?? '') ? e.code : 'EIO');
      bytes().set(name.subarray(0, errCap - 1), errPtr);
      bytes()[errPtr + Math.min(name.length, errCap - 1)] = 0;
      return 2;
    }
    if (data === null) return 1;
    try {
      return handIn(data, bufAt, lenAt) ? 0 : 3;
    } finally {
      data.fill(0);
    }
  },
  is_file(pathPtr, pathLen) {
    try {
      return statSync(str(pathPtr, pathLen)).isFile() ? 1 : 0;
    } catch {
      return 0; // ENOENT, ENAMETOOLONG (a long token), ENOTDIR, ...
    }
  },
  getenv(namePtr, nameLen, valueAt, lenAt) {
    const value = process.env[str(namePtr, nameLen)];
    if (value === undefined) return 0;
    if (valueAt !== 0) {
      const data = Buffer.from(value);
      handIn(data, valueAt, lenAt);
      data.fill(0);
    }
    return 1;
  },
  write(fd, ptr, len) {
    const data = Buffer.from(bytes().subarray(ptr, ptr + len));
    if (fd !== 2) {
      pending.push(data);
      pendingLen += len;
      return pendingLen >= CHUNK ? flush() : 0;
    }
    if (flush() !== 0) return -1;
    try {
      writeAll(2, data);
      return 0;
    } catch {
      return -1;
    } finally {
      data.fill(0);
    }
  },
  flush,
  isatty: (fd) => (isatty(fd) ? 1 : 0),
  now: () => Math.floor(Date.now() / 1000),
};

function run(argv) {
  const mod = new WebAssembly.Module(readFileSync(new URL('./oojwt-cli.wasm', import.meta.url)));
  ex = new WebAssembly.Instance(mod, {
    env: { emscripten_notify_memory_growth() {} },
    oojwt_host: host,
  }).exports;
  ex._initialize();
  const args = argv.map((a) => Buffer.from(`${a}\0`));
  const size = args.reduce((n, a) => n + a.length, 0);
  const block = ex.oojwt_cli_wasm_alloc(size);
  const table = ex.oojwt_cli_wasm_alloc(4 * args.length);
  if (block === 0 || table === 0) return EXIT_INTERNAL;
  let at = block;
  args.forEach((a, i) => {
    bytes().set(a, at);
    view().setUint32(table + 4 * i, at, true);
    at += a.length;
    a.fill(0);
  });
  try {
    return ex.oojwt_cli_wasm_run(args.length, table);
  } finally {
    ex.oojwt_cli_wasm_free(block, size);
    ex.oojwt_cli_wasm_free(table, 4 * args.length);
    bytes().fill(0);
  }
}

let code;
try {
  code = run(['oojwt', ...process.argv.slice(2)]);
} catch (e) {
  flush();
  process.stderr.write(`oojwt: internal error: ${e?.message ?? e}\n`);
  code = EXIT_INTERNAL;
}
process.exitCode = flush() === 0 ? code : EXIT_INTERNAL;
