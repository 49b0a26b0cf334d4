// Wasm memory after the secure link calls (web/lib/deploy.mjs): the secret
// passed as options.secret, the variants derived from it and the MD5
// blocks that hold it are nowhere in wasm memory afterwards, and the heap
// in use is back where it started (every path frees what it allocated).
// readServerConfig and readNginxConfig take texts that hold secrets and
// return reports that hold them: both buffers are wiped too, as is every
// buffer a report outgrew.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { loadWithInstance } from '../helpers/common.mjs';

const { kit, x } = await loadWithInstance();
const oo = kit.onlyoffice;

test('secure links: no secret, secret variant or hashed block stays in wasm memory; the heap returns to its start', () => {
  const NOW = 1700000000;
  const secret = `link-${randomBytes(10).toString('hex')}`;
  const uri = '/cache/files/data/k1/output.docx/a%20b.docx';
  const md5 = createHash('md5').update(`${NOW + 900}${decodeURIComponent(uri)}${secret}`).digest('base64url');
  const link = `https://ds.example.com${uri}?md5=${md5}&expires=${NOW + 900}&filename=a%20b.docx`;
  const needles = [secret, `"${secret}"`, `${secret}\n`, `'${secret}'`, `b.docx${secret}`].map((s) => Buffer.from(s));
  const ops = [
    () => assert.equal(oo.inspectDownloadUrl(link, { secret, now: NOW }).verdict.status, 200),
    () => assert.equal(oo.inspectDownloadUrl(link, { secret: `"${secret}"`, now: NOW }).match.secret, 'without-quotes'),
    () => assert.equal(oo.inspectDownloadUrl(link.replace(/%20/g, '%2520'), { secret: `${secret} `, now: NOW }).verdict.status, 403),
    () => assert.equal(oo.inspectDownloadUrl(link, { secret, now: NOW + 1000 }).verdict.status, 410),
    () => assert.equal(oo.signDownloadUrl(link, { secret, expires: NOW + 900 }), link),
    () => assert.equal(oo.signDownloadUrl({ base: 'https://ds.example.com', path: 'data/k1/output.docx', filename: 'a b.docx' },
      { secret, expires: NOW + 900 }), link),
    () => assert.equal(oo.compareSecureLinkSecrets({ storageSecret: { value: secret } }, { secureLinkSecret: `${secret}\n` }).match, false),
  ];
  for (const op of ops) op(); // warm-up: the heap may grow once
  const start = x.oojwt_wasm_heap_used();
  for (let round = 0; round < 20; round++) {
    for (const [i, op] of ops.entries()) {
      op();
      const mem = Buffer.from(x.memory.buffer);
      for (const n of needles) assert.equal(mem.indexOf(n), -1, `op ${i}: ${JSON.stringify(n.toString())} is in wasm memory`);
      // The scan does see what is left: the public report, freed unwiped.
      if (i === 0) assert.notEqual(mem.indexOf('"signedPath":"/cache/files/data/k1/output.docx/a b.docx"'), -1);
      assert.equal(x.oojwt_wasm_heap_used(), start, `op ${i}: the heap in use grew`);
    }
  }
});

test('server and nginx configs: their secrets are not left in wasm memory (input, report, outgrown buffers)', () => {
  const inbox = `inbox-${randomBytes(10).toString('hex')}`;
  const storage = `store-${randomBytes(10).toString('hex')}`;
  const link = `ngx-${randomBytes(10).toString('hex')}`;
  // Long enough that the report builder outgrows its first buffers.
  const local = JSON.stringify({
    services: { CoAuthoring: {
      secret: { inbox: { string: inbox }, outbox: { string: inbox }, session: { string: inbox } },
      token: { enable: { browser: true, request: { inbox: true, outbox: true } } },
      requestDefaults: { headers: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`X-H${i}`, 'v'.repeat(40)])) },
    } },
    storage: { fs: { secretString: storage } },
  });
  const nginx = `server {\n  listen 443 ssl;\n  ssl_certificate /c.crt;\n  ssl_certificate_key /c.key;\n  set $secure_link_secret ${link};\n}\n`
    + '# padding\n'.repeat(200);
  const needles = [inbox, storage, link].map((v) => Buffer.from(v));
  const ops = [
    () => assert.equal(oo.readServerConfig(local).secrets.inbox.value, inbox),
    () => assert.equal(oo.readNginxConfig(nginx).secureLinkSecret, link),
    () => assert.ok(oo.readNginxConfig(nginx, { serverConfig: local }).findings.some((f) => f.code === 'link_secrets_differ')),
  ];
  for (const op of ops) op();
  const start = x.oojwt_wasm_heap_used();
  for (const [i, op] of ops.entries()) {
    op();
    const mem = Buffer.from(x.memory.buffer);
    for (const n of needles) assert.equal(mem.indexOf(n), -1, `op ${i}: ${n} is in wasm memory`);
    assert.equal(x.oojwt_wasm_heap_used(), start, `op ${i}: the heap in use grew`);
  }
});

