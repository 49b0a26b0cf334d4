// The served page in headless Chromium: it loads the module and verifies a
// pasted token with a pasted secret as the user types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { token, SECRET } from './helpers.mjs';

const webDir = fileURLToPath(new URL('../web/', import.meta.url));
const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
let server;
let browser;
let base;
const requests = [];

before(async () => {
  server = createServer(async (req, res) => {
    const path = normalize(join(webDir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    try {
      if (!file.startsWith(webDir)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('paste a token and a secret: the verdict follows', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(base);
  const status = page.getByRole('status');
  await assert.doesNotReject(status.filter({ hasText: 'Paste a token' }).waitFor());
  const t = token({ document: { key: 'k1' }, editorConfig: { mode: 'edit' } });
  await page.getByLabel('Token').fill(t);
  await page.getByLabel('Secret').fill(SECRET);
  await status.filter({ hasText: 'Valid signature' }).waitFor();
  assert.match(await page.locator('#payload').textContent(), /"key": "k1"/);
  await page.getByLabel('Secret').fill(`${SECRET}\n`.trim() + 'x');
  await status.filter({ hasText: 'bad_signature' }).waitFor();
  await page.getByLabel('Token').fill(`${t}.x`);
  await status.filter({ hasText: 'malformed' }).waitFor();
  assert.deepEqual(errors, []);
  assert.ok(requests.every((u) => u.startsWith(base)), `only same-origin requests: ${requests.join(' ')}`);
  await page.close();
});
