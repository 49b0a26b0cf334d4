// HMAC throughput of the same C code (src/core/hmac.c, src/core/sha256.c, BearSSL
// for SHA-384/512) natively and in wasm, and of BearSSL's own HMAC
// natively (the reference of the README's HMAC target): tests/bench/hmac_speed.c built
// by `make bench-hmac` into build/bench/hmac-native and hmac.wasm. Both
// are timed in CPU time (process.cpuUsage for wasm, the native program's
// wall clock on an otherwise idle core is close to it; we take the best
// of five runs of each so that a busy machine hurts both alike).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const build = fileURLToPath(new URL('../../build/bench/', import.meta.url));
const ALGS = { HS256: 1, HS384: 2, HS512: 4 };

export async function throughput(sizes = [64 * 1024, 1024 * 1024]) {
  if (!existsSync(`${build}hmac-native`) || !existsSync(`${build}hmac.wasm`)) {
    return { skipped: 'run `make bench-hmac` first (make bench does)' };
  }
  const { instance } = await WebAssembly.instantiate(readFileSync(`${build}hmac.wasm`), {
    env: { emscripten_notify_memory_growth() {} },
  });
  const x = instance.exports;
  x._initialize?.();
  const rows = [];
  for (const [alg, bit] of Object.entries(ALGS)) {
    for (const size of sizes) {
      const iters = Math.max(4, Math.round(64e6 / size));
      let wasm = 0;
      let native = 0;
      let bearssl = 0;
      for (let r = 0; r < 5; r++) {
        const t0 = process.cpuUsage();
        if (x.bench_hmac(bit, size, iters, 0) < 0) throw new Error('bench_hmac: out of memory');
        const t = process.cpuUsage(t0);
        wasm = Math.max(wasm, (size * iters) / ((t.user + t.system) / 1e6) / 1e6);
        const run = (...extra) => Number(execFileSync(`${build}hmac-native`,
          [String(bit), String(size), String(iters), ...extra]).toString().trim());
        native = Math.max(native, run());
        bearssl = Math.max(bearssl, run('bearssl'));
      }
      rows.push({ alg, size, wasm, native, bearssl, ratio: wasm / native, ratioBearssl: wasm / bearssl });
    }
  }
  return { rows };
}
