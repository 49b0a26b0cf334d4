// tools/serve.mjs, the server of `make serve`: started as make starts it
// (node tools/serve.mjs DIR PORT, here on a free port), it answers on
// 127.0.0.1 with the page's CSP plus frame-ancestors 'none' (a <meta> CSP
// cannot forbid framing), nosniff and no-referrer on every answer, exact
// content types (application/wasm), and nothing outside the folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'oojwt-serve-'));
const site = join(dir, 'site');
mkdirSync(join(site, 'sub'), { recursive: true });
copyFileSync(join(root, 'web', 'page', 'index.html'), join(site, 'index.html'));
writeFileSync(join(site, 'app.mjs'), 'export {};\n');
writeFileSync(join(site, 'style.css'), 'body{}\n');
writeFileSync(join(site, 'core.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
writeFileSync(join(dir, 'outside.txt'), 'not served\n');
const metaCsp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync(join(site, 'index.html'), 'utf8'))[1];

let child;
let base;
before(async () => {
  child = spawn(process.execPath, [join(root, 'tools', 'serve.mjs'), site, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let timer;
  base = await new Promise((ok, ko) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) ok(m[1]);
    });
    child.once('exit', (code) => ko(new Error(`serve.mjs exited ${code}: ${out}`)));
    timer = setTimeout(() => ko(new Error(`serve.mjs did not start: ${out}`)), 10000);
  }).finally(() => clearTimeout(timer));
});

after(() => {
  child?.removeAllListeners('exit');
  child?.kill();
});

const SECURITY = (csp) => {
  assert.equal(csp.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(csp.headers.get('referrer-policy'), 'no-referrer');
  const policy = csp.headers.get('content-security-policy');
  assert.ok(policy !== null, 'a Content-Security-Policy header');
  const directives = policy.split(';').map((d) => d.trim());
  assert.ok(directives.includes("frame-ancestors 'none'"), policy);
  for (const d of metaCsp.split(';').map((x) => x.trim())) assert.ok(directives.includes(d), `${d} in ${policy}`);
};

test('the page, its modules and wasm: security headers and exact content types', async () => {
  for (const [path, type] of [['', 'text/html; charset=utf-8'], ['index.html', 'text/html; charset=utf-8'],
    ['app.mjs', 'text/javascript; charset=utf-8'], ['style.css', 'text/css; charset=utf-8'], ['core.wasm', 'application/wasm']]) {
    const r = await fetch(base + path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get('content-type'), type, path);
    SECURITY(r);
    await r.arrayBuffer();
  }
  assert.deepEqual(Buffer.from(await (await fetch(`${base}core.wasm`)).arrayBuffer()).subarray(0, 4), Buffer.from('\0asm'));
});

test('missing files and paths outside the folder: 404, with the headers too', async () => {
  for (const path of ['missing.html', '../outside.txt', '%2e%2e/outside.txt', 'sub/%2e%2e/%2e%2e/outside.txt', '%00']) {
    const r = await fetch(base + path);
    assert.ok(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
    assert.doesNotMatch(await r.text(), /not served/);
    SECURITY(r);
  }
  const post = await fetch(base, { method: 'POST', body: 'x' });
  assert.equal(post.status, 405);
});

test('loopback only: the address printed is 127.0.0.1', () => {
  assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/$/);
});
