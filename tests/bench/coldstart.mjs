// Cold start in Node: a fresh process imports web/lib/oojwt.mjs, awaits
// loadToolkit() and verifies one 1.7 KB token; the child times exactly
// that span with performance.now() and prints it. Median of N runs.
// The child is a script file, as a user's is: the same code given with
// `node --input-type=module -e` measured 3 ms more (Node's eval path).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const moduleUrl = new URL('../../web/lib/oojwt.mjs', import.meta.url).href;

// options: loadToolkit's ({ onlyoffice: false } for the JWT core alone).
export function coldStart(token, secret, runs = 15, options = {}) {
  const child = `
    const t0 = performance.now();
    const { loadToolkit } = await import(${JSON.stringify(moduleUrl)});
    const kit = await loadToolkit(${JSON.stringify(options)});
    const r = kit.verify(${JSON.stringify(token)}, ${JSON.stringify(secret)}, { algorithms: ['HS256'] });
    const t1 = performance.now();
    if (!r.valid) throw new Error('cold start: the token did not verify');
    process.stdout.write(String(t1 - t0));`;
  const dir = mkdtempSync(join(tmpdir(), 'oojwt-cold-'));
  const script = join(dir, 'cold.mjs');
  writeFileSync(script, child);
  const times = [];
  try {
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, [script], {
        cwd: fileURLToPath(new URL('.', import.meta.url)),
      });
      times.push(Number(out.toString()));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], min: times[0], max: times[times.length - 1], runs };
}

// The Node command's start-up, wall clock, as a user runs it: `node
// bin/oojwt.mjs verify TOKEN` (instantiating bin/oojwt-cli.wasm and running
// the C command line in it), beside `node -e ''` measured in the same run,
// interleaved, so the ratio holds on a loaded machine. Medians of N runs.
export function cliStart(token, secret, runs = 15) {
  const cli = fileURLToPath(new URL('../../bin/oojwt.mjs', import.meta.url));
  const env = { ...process.env, OOJWT_SECRET: secret };
  const wall = (args) => {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'ignore'] });
    return performance.now() - t0;
  };
  const cliTimes = [];
  const nodeTimes = [];
  for (let i = 0; i < runs; i++) {
    cliTimes.push(wall([cli, 'verify', '--quiet', token]));
    nodeTimes.push(wall(['-e', '']));
  }
  const median = (t) => t.sort((a, b) => a - b)[t.length >> 1];
  return { cli: median(cliTimes), node: median(nodeTimes), runs };
}
