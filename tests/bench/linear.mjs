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
//
// A second table runs every entry point that reads attacker-chosen JSON
// (verify, the Document Server profile, decode, explainSecret,
// inspectRequest, inspectConfig, readServerConfig) on a hostile corpus of
// LINEAR_HOSTILE bytes (default 1 MB): numbers off strtod's fast paths
// (1e308, 1e-320, the least subnormal, halfway cases), long digit
// strings, nesting at the depth limit, many members, strings of escapes.
// Tokens carry a wrong signature (what anyone can send). Each cell is
// ns/byte and its ratio to the same entry on plain members with small
// numbers; every ratio should stay below 3 (below 1: the input is
// refused or skipped sooner).
import { createHmac } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  ['diagnose, a token and local.json', (n) => bigToken(n), (t) => {
    const local = '{"services":{"CoAuthoring":{"secret":{"inbox":{"string":"other"},"browser":{"string":"b"}}}}}';
    return kit.diagnose([t, local], { secrets: [SECRET], now: NOW }).verdict.code;
  }],
  // A config whose token is 'aaa...ab' after a field of 'aaa...': a naive
  // search for the token's bytes in the text would compare the run again
  // at every place (quadratic).
  ['diagnose, config whose token repeats its text', (n) => {
    const half = Math.floor(n / 2) - 40;
    return `{"document":{"key":"${'a'.repeat(half)}"},"token":"${'a'.repeat(half)}b"}`;
  }, (t) => kit.diagnose([t], { secrets: [SECRET], now: NOW }).verdict.code],
  // The symptom matcher (src/diagnose/symptom_match.c) tries, at each unit
  // of the text, the needles that start with it: a text that repeats a
  // long product message cut before its last letter makes every attempt
  // run the needle's whole length (the constant factor is the needle).
  ['diagnose, a product message cut short, repeated', (n) => {
    const cut = 'The document security token is not correctly forme ';
    return cut.repeat(Math.floor(n / cut.length));
  }, (t) => kit.diagnose([t], { now: NOW }).verdict.code],
  ['diagnose, a Chinese message cut short, repeated', (n) => {
    const cut = '文档服务内部发生异常：Invalid toke ';
    return cut.repeat(Math.floor(n / Buffer.byteLength(cut)));
  }, (t) => kit.diagnose([t], { now: NOW }).verdict.code],
  ['diagnose, text of no known shape', (n) => 'word; '.repeat(Math.floor(n / 6)), (t) => kit.diagnose([t], { now: NOW }).verdict.code],
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

// ---- the hostile corpus --------------------------------------------------

const SLOW = ['1e308', '1e-320', '4.9406564584124654e-324', '2.4703282292062327e-324',
  '2.2250738585072011e-308', '1.7976931348623157e308', '9007199254740993', '-1.7976931348623158e308',
  '123456789012345678901234567890e-330', '0.0000000000000000000000000000001e-300'];
const DIGITS = `${'1234567890'.repeat(5)}123e-350`;           // 56 characters, under cJSON's 63
// 2^-1075 exactly (752 digits: halfway between 0 and the least subnormal),
// and a 57-digit text just above the halfway point 2^53 + 1.
const HALFWAY = `${5n ** 1075n}e-1075`;
const NEAR = `9007199254740993${'0'.repeat(40)}1`;
const LONG = `${'9'.repeat(900)}e-1200`;
function filled(bytes, value) {
  const parts = [];
  let len = 2;
  for (let i = 0; len < bytes; i++) {
    const m = `"m${i}":${value(i)}`;
    parts.push(m);
    len += m.length + 1;
  }
  return `{${parts.join(',')}}`;
}
const corpus = [
  ['plain members', (n) => filled(n, (i) => i)],
  ['slow-path numbers', (n) => filled(n, (i) => SLOW[i % SLOW.length])],
  ['56-digit numbers', (n) => filled(n, () => DIGITS)],
  ['57 digits, near half', (n) => filled(n, () => NEAR)],
  ['halfway, 758 chars', (n) => filled(n, () => HALFWAY)],
  ['900-digit numbers', (n) => filled(n, () => LONG)],
  ['nesting at the limit', (n) => filled(n, () => `${'['.repeat(62)}1${']'.repeat(62)}`)],
  ['escapes', (n) => filled(n, () => `"${'\\u00e9\\n\\"'.repeat(20)}"`)],
];
const wrongSig = (payloadText) => {
  const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(payloadText)}`;
  return `${input}.${createHmac('sha256', 'not the secret').update(input).digest('base64url')}`;
};
const entries = [
  ['verify (strict)', (j) => wrongSig(j), (t) => codeOf.verify(kit.verify(t, SECRET, { now: NOW }))],
  ['verify (onlyoffice)', (j) => wrongSig(j), (t) => kit.verify(t, SECRET, { profile: 'onlyoffice', now: NOW }).errors[0]?.code ?? 'ok'],
  ['decode', (j) => wrongSig(j), (t) => { try { kit.decode(t); return 'ok'; } catch (e) { return e.code; } }],
  ['explainSecret', (j) => wrongSig(j), (t) => (kit.onlyoffice.explainSecret(t, SECRET).verifies ? 'ok' : 'no')],
  ['inspectRequest (command)', (j) => `{"c":"info","key":"k","token":"${wrongSig(j)}"}`, (body) => {
    const r = kit.onlyoffice.inspectRequest({ headers: { 'content-type': 'application/json' }, body }, SECRET, { kind: 'command', now: NOW });
    return `error ${r.verdict.error}`;
  }],
  ['inspectConfig', (j) => `{"document":{"key":"k","url":"https://e.com/a.docx","fileType":"docx"},"documentType":"word","editorConfig":${j}}`,
    (t) => (kit.onlyoffice.inspectConfig(t, { secret: SECRET, now: NOW }).verdict.ok ? 'ok' : 'refused')],
  ['readServerConfig', (j) => `{"services":${j}}`,
    (t) => kit.onlyoffice.readServerConfig(t).findings.find((f) => f.severity === 'error')?.code ?? 'ok'],
];
// The native command line (build/oojwt, `make cli`), when built: the
// token in a file, the secret in another (one process per call), with
// --json. Its text output indents the payload two spaces per level, so
// at the depth limit it is some 40 times the token's size (bounded by the
// limit: time per byte of output stays flat).
const cli = new URL('../../build/oojwt', import.meta.url).pathname;
if (existsSync(cli)) {
  const dir = mkdtempSync(join(tmpdir(), 'oojwt-linear-'));
  const secretFile = join(dir, 'secret');
  writeFileSync(secretFile, SECRET);
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const cmd of ['verify', 'decode']) {
    let written = null;
    entries.push([`native CLI ${cmd} --json`, (j) => wrongSig(j), (t) => {
      const f = join(dir, 'token');
      if (written !== t) writeFileSync(f, t); // the first of 3 runs only
      written = t;
      const args = cmd === 'verify' ? ['verify', '--json', '--secret-file', secretFile, '--now', String(NOW), `@${f}`] : ['decode', '--json', `@${f}`];
      return `exit ${spawnSync(cli, args, { stdio: 'ignore' }).status}`;
    }]);
  }
}
const hostileBytes = Number(process.env.LINEAR_HOSTILE ?? 1e6);
console.log(`\nhostile corpus at ${fmtSize(hostileBytes)}: ns/byte (ratio to plain members of the same entry), best of 3`);
console.log(`${pad('entry', 26)}${corpus.map(([k]) => padl(k, 22)).join('')}`);
let worst = 0;
for (const [name, wrap, run] of entries) {
  const cells = [];
  let plain = 0;
  for (const [kind, make] of corpus) {
    // Tokens: a payload of 3/4 of the size (base64url adds a third).
    const input = wrap(make(name.startsWith('inspectConfig') || name.startsWith('readServer') ? hostileBytes : hostileBytes * 0.75));
    const bytes = Buffer.byteLength(input);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      run(input);
      best = Math.min(best, Number(process.hrtime.bigint() - t0));
    }
    const perByte = best / bytes;
    if (kind === 'plain members') plain = perByte;
    const ratio = perByte / plain;
    worst = Math.max(worst, ratio);
    cells.push(padl(`${perByte.toFixed(1)} (${ratio.toFixed(2)}x)`, 22));
  }
  console.log(`${pad(name, 26)}${cells.join('')}`);
}
console.log(`worst ratio to plain input: ${worst.toFixed(2)}x${worst > 3 ? '  ABOVE 3x' : ''}`);
