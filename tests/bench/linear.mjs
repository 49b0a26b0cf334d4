// Time per byte of every entry point at 1 KB, 1 MB and 16 MB of input
// (time per byte must stay linear: README Limits). Prints one table; asserts
// nothing (no timing assertions anywhere in `make test`).
//
//   node tests/bench/linear.mjs            (make linear)
//   LINEAR_SIZES=1e3,1e6 node tests/bench/linear.mjs
//
// Each row builds its input at the given size, runs the call through
// the wasm module (web/lib/oojwt.mjs) best-of-N (N = 5 up to 1 MB, 2 above),
// and prints milliseconds, nanoseconds per byte and the outcome code.
// Inputs past a documented limit (tokens above 4 MiB, nesting above 64)
// show that the coded error comes back as fast as the input can be read.
// A row whose ns/byte grows with the size (a ratio well above 1 between
// the 1 MB and 16 MB columns) is super-linear.
import { createHmac } from 'node:crypto';
import { loadToolkit } from '../../web/lib/oojwt.mjs';

const kit = await loadToolkit();
const SECRET = 'k'.repeat(32);
const NOW = 1700000000;
const b64u = (s) => Buffer.from(s).toString('base64url');
const mac = (input) => createHmac('sha256', SECRET).update(input).digest('base64url');
const tokenOf = (payloadText) => {
  const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(payloadText)}`;
  return `${input}.${mac(input)}`;
};
const sizes = (process.env.LINEAR_SIZES ?? '1e3,1e6,16e6').split(',').map(Number);

// A JSON object of about `bytes` bytes made of distinct members.
function members(bytes, prefix = 'm') {
  const parts = [];
  let len = 2;
  for (let i = 0; len < bytes; i++) {
    const m = `"${prefix}${i}":${i}`;
    parts.push(m);
    len += m.length + 1;
  }
  return `{${parts.join(',')}}`;
}
// A JSON object of about `bytes` bytes holding one long string.
const bigString = (bytes) => `{"sub":"u","data":"${'x'.repeat(Math.max(0, bytes - 24))}"}`;
// A token whose whole length is about `bytes` (base64url adds a third).
const bigToken = (bytes) => tokenOf(bigString(Math.floor(bytes * 0.75)));

const codeOf = {
  verify: (r) => r.errors[0]?.code ?? 'ok',
  report: (r) => r.error?.code ?? r.errors?.[0]?.code ?? 'ok',
};

const rows = [
  ['verify (strict), one long string', (n) => bigToken(n), (t) => codeOf.verify(kit.verify(t, SECRET, { now: NOW }))],
  ['verify (strict), many members', (n) => tokenOf(members(Math.floor(n * 0.75))), (t) => codeOf.verify(kit.verify(t, SECRET, { now: NOW }))],
  ['verify (strict), nesting [[[...', (n) => tokenOf(`{"a":${'['.repeat(Math.floor(n * 0.75))}}`), (t) => codeOf.verify(kit.verify(t, SECRET, { now: NOW }))],
  ['verify (onlyoffice profile)', (n) => bigToken(n), (t) => {
    const r = kit.verify(t, SECRET, { profile: 'onlyoffice', now: NOW });
    return r.valid ? 'ok' : r.errors[0]?.code;
  }],
  ['verify (onlyoffice), many members', (n) => tokenOf(members(Math.floor(n * 0.75))), (t) => {
    const r = kit.verify(t, SECRET, { profile: 'onlyoffice', now: NOW });
    return r.valid ? 'ok' : r.errors[0]?.code;
  }],
  ['sign, many members', (n) => JSON.parse(members(n)), (p) => {
    try { kit.sign(p, SECRET); return 'ok'; } catch (e) { return e.code; }
  }],
  ['extract, text around a token', (n) => `log: ${'word '.repeat(Math.floor(n / 5))}Bearer ${bigToken(200)}`, (t) => (kit.extract(t).token.length > 0 ? 'ok' : 'none')],
  ['extract, "=eyJ" repeated (no token)', (n) => '=eyJ'.repeat(Math.floor(n / 4)), (t) => (kit.extract(t).token.length > 0 ? 'ok' : 'none')],
  ['explainSecret', (n) => bigToken(n), (t) => {
    const r = kit.onlyoffice.explainSecret(t, SECRET);
    return r.verifies ? 'ok' : `variant ${r.variant}`;
  }],
  ['readServerConfig, many members', (n) => members(n, 'x'), (t) => {
    const r = kit.onlyoffice.readServerConfig(t);
    return r.findings.find((f) => f.severity === 'error')?.code ?? 'ok';
  }],
  ['inspectConfig, many members', (n) => `{"document":{"key":"k","url":"https://e.com/a.docx","fileType":"docx","permissions":${members(n / 2, 'p')}},"documentType":"word","editorConfig":${members(n / 2, 'e')}}`,
    (t) => {
      const r = kit.onlyoffice.inspectConfig(t, { secret: SECRET, now: NOW });
      return r.verdict.ok ? 'ok' : (r.findings[0]?.code ?? 'refused');
    }],
  ['keyInfo, JWK Set of oct keys', (n) => {
    const keys = [];
    for (let i = 0, len = 10; len < n; i++) {
      const k = `{"kty":"oct","kid":"k${i}","k":"${b64u(`secret-${i}-0123456789abcdef`)}"}`;
      keys.push(k);
      len += k.length + 1;
    }
    return `{"keys":[${keys.join(',')}]}`;
  }, (t) => {
    try { kit.keyInfo(JSON.parse(t)); return 'ok'; } catch (e) { return e.code; }
  }],
];

const fmtSize = (n) => (n >= 1e6 ? `${n / 1e6} MB` : n >= 1e3 ? `${n / 1e3} KB` : `${n} B`);
const pad = (s, n) => String(s).padEnd(n);
const padl = (s, n) => String(s).padStart(n);

console.log(`linear: best-of-N wall time per call through the wasm module (node ${process.version})`);
console.log(`${pad('entry', 36)}${sizes.map((n) => padl(fmtSize(n), 36)).join('')}`);
for (const [name, make, run] of rows) {
  const cells = [];
  for (const n of sizes) {
    const input = make(n);
    const bytes = typeof input === 'string' ? Buffer.byteLength(input) : Buffer.byteLength(JSON.stringify(input));
    const reps = n > 1e6 ? 2 : 5;
    let best = Infinity;
    let outcome;
    for (let i = 0; i < reps; i++) {
      const t0 = process.hrtime.bigint();
      outcome = run(input);
      const dt = Number(process.hrtime.bigint() - t0) / 1e6;
      best = Math.min(best, dt);
    }
    cells.push(padl(`${best.toFixed(2)} ms ${(best * 1e6 / bytes).toFixed(1)} ns/B ${outcome}`, 36));
  }
  console.log(`${pad(name, 36)}${cells.join('')}`);
}
