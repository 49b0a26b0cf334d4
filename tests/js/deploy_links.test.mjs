// Secure download links and nginx's configuration (web/lib/deploy.mjs, C:
// src/deploy/secure_link.c, src/deploy/nginx_request.c, src/deploy/nginx_config.c): known
// answers computed with node:crypto's MD5 exactly as Document Server's
// storage-fs getSignedUrl computes them, both ways, plus the vector files
// tests/vectors/secure_links.json and tests/vectors/nginx_configs.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { OojwtError } from '../../web/lib/oojwt.mjs';
import { kit, readVector } from '../helpers/common.mjs';

const oo = kit.onlyoffice;
const md5 = (s) => createHash('md5').update(s).digest('base64url');
const codes = (r) => r.findings.map((f) => f.code).sort();

// storage-fs getSignedUrl (server 7.x-9.x), with node:crypto.
function dsSignedUrl(base, strPath, filename, expires, secret) {
  const name = filename !== undefined ? encodeURIComponent(filename.replace(/\//g, '%2f')) : strPath.split('/').pop();
  const uri = `/cache/files/${strPath}/${name}`;
  const m = md5(expires + decodeURIComponent(uri) + secret);
  return `${base}${uri}?md5=${m}&expires=${expires}&filename=${name}`;
}

// A small seeded generator (mulberry32); replay with LINKS_SEED=.
const SEED = Number(process.env.LINKS_SEED ?? Date.now() % 1e9);
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('secure_links.json: every md5 is what node:crypto computes for what was signed', () => {
  const v = readVector('secure_links.json');
  assert.ok(v.tests.length >= 40);
  for (const t of v.tests) {
    if (t.signed === null) continue;
    const given = [...t.url.matchAll(/[?&]md5=([^&#]*)/gi)].map((m) => m[1]);
    if (!given.some((m) => m.length >= 22)) continue; // no md5, or one cut short on purpose
    const { expires, path, secret } = t.signed;
    const want = md5(expires + path + secret);
    if (t.comment.includes('spare bits')) assert.ok(!given.includes(want), `#${t.id}`);
    else assert.ok(given.some((m) => m.startsWith(want)), `#${t.id} ${t.comment}`);
  }
});

for (const t of readVector('secure_links.json').tests) {
  test(`inspectDownloadUrl #${t.id}: ${t.comment}`, () => {
    const options = { now: t.now };
    if (t.secret !== null) options.secret = t.secret;
    const r = oo.inspectDownloadUrl(t.url, options);
    assert.equal(r.verdict.status, t.status, r.verdict.message);
    assert.equal(r.verdict.ok, t.status === 200);
    assert.deepEqual(r.match, t.match);
    assert.equal(r.signedPath, t.signedPath);
    assert.deepEqual(codes(r), [...t.findings].sort(), JSON.stringify(r.findings, null, 1));
    assert.equal(r.checked, t.secret !== null && r.expectedMd5 !== null);
    for (const f of r.findings) {
      assert.ok(['error', 'warning', 'info'].includes(f.severity));
      assert.ok(f.message.length > 20 && f.fix.length > 5, f.code);
    }
    if (t.signed !== null && r.signedPath !== null && t.secret !== null && r.expectedMd5 !== null) {
      // The md5 nginx wants: over nginx's $uri with the secret as given.
      assert.equal(r.expectedMd5, md5(r.args.expires + r.signedPath + t.secret));
    }
  });
}

test(`seeded: 400 links signed by node:crypto as storage-fs does verify, and signDownloadUrl builds them byte for byte (LINKS_SEED=${SEED})`, () => {
  const rand = rng(SEED);
  const pick = (s) => s[Math.floor(rand() * s.length)];
  const chars = ['a', 'Z', '0', ' ', '/', '%', '&', '#', '?', '+', '=', 'ü', '€', '😀', '.', '-', '_', '(', "'", '~', '\\', 'ñ', 'Ж', ';'];
  const word = (n) => Array.from({ length: 1 + Math.floor(rand() * n) }, () => pick(chars)).join('');
  for (let i = 0; i < 400; i++) {
    const secret = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => pick('abcXYZ0189-_.!$ "\'\\'.split(''))).join('');
    const base = pick(['https://ds.example.com', 'http://10.0.0.5:8080', 'https://cloud.example.org/ds-vpath']);
    const strPath = `data/${word(6).replace(/[^A-Za-z0-9]/g, 'k')}${i}/output.${pick(['docx', 'xlsx', 'pdf'])}`;
    const filename = rand() < 0.2 ? undefined : `${word(12)}.docx`;
    const now = 1.7e9 + Math.floor(rand() * 1e8);
    const expires = now + Math.floor(rand() * 1800);
    const url = dsSignedUrl(base, strPath, filename, expires, secret);
    const r = oo.inspectDownloadUrl(url, { secret, now });
    assert.equal(r.verdict.status, 200, `${url} ${secret}: ${r.verdict.message}`);
    assert.equal(r.expectedMd5, r.args.md5);
    const built = oo.signDownloadUrl({ base, path: strPath, filename }, { secret, expires });
    assert.equal(built, url, 'signDownloadUrl = storage-fs getSignedUrl');
    assert.equal(oo.signDownloadUrl(url, { secret, expires }), url, 're-signing changes nothing');
    // One wrong character in the md5, or a second later than expires.
    const m = r.args.md5;
    const k = Math.floor(rand() * 21);
    const bad = url.replace(`md5=${m}`, `md5=${m.slice(0, k)}${m[k] === 'A' ? 'B' : 'A'}${m.slice(k + 1)}`);
    assert.equal(oo.inspectDownloadUrl(bad, { secret, now }).verdict.status, 403);
    assert.equal(oo.inspectDownloadUrl(url, { secret, now: expires + 1 }).verdict.status, 410);
    assert.equal(oo.inspectDownloadUrl(url, { secret, now: expires }).verdict.status, 200, 'expires == now is not expired');
    assert.equal(oo.inspectDownloadUrl(url, { secret: `${secret}x`, now }).verdict.status, 403);
  }
});

test('signDownloadUrl: re-signs a link (other arguments kept), defaults to 900 s, refuses what nginx would not check', () => {
  const url = 'https://ds.example.com/cache/files/data/k1/output.docx/output.docx?md5=old&expires=1&shardkey=k1&filename=output.docx';
  const signed = oo.signDownloadUrl(url, { secret: 's3cret', now: 1700000000.5 });
  const expires = 1700000001 + 900;
  assert.equal(signed, `https://ds.example.com/cache/files/data/k1/output.docx/output.docx?md5=${md5(`${expires}/cache/files/data/k1/output.docx/output.docx` + 's3cret')}&expires=${expires}&shardkey=k1&filename=output.docx`);
  assert.equal(oo.inspectDownloadUrl(signed, { secret: 's3cret', now: 1700000000 }).verdict.status, 200);
  assert.match(oo.signDownloadUrl(url, { secret: 's', now: 1700000000, expiresIn: '1h' }), /&expires=1700003600&/);
  const err = (f) => { try { f(); } catch (e) { return e; } return null; };
  assert.equal(err(() => oo.signDownloadUrl('https://ds.example.com/web-apps/x', { secret: 's', expires: 2e9 })).code, 'link_not_cache_path');
  assert.equal(err(() => oo.signDownloadUrl('ftp://x/cache/files/a/b', { secret: 's', expires: 2e9 })).code, 'link_bad_url');
  assert.equal(err(() => oo.signDownloadUrl('https://x/cache/files/a%zz/b', { secret: 's', expires: 2e9 })).code, 'link_bad_path');
  assert.ok(err(() => oo.signDownloadUrl({ base: 'https://x?a=1', path: 'a/b' }, { secret: 's', expires: 2e9 })) instanceof OojwtError);
  assert.throws(() => oo.signDownloadUrl(url, {}), TypeError);
  assert.throws(() => oo.signDownloadUrl(url, { secret: 's', expires: 1.5 }), TypeError);
  assert.throws(() => oo.signDownloadUrl(42, { secret: 's' }), TypeError);
  assert.throws(() => oo.inspectDownloadUrl(null), TypeError);
  assert.throws(() => oo.inspectDownloadUrl(url, { now: 'soon' }), TypeError);
});

test('inspectDownloadUrl: the expiry in UTC, local time and words; the secret from a server or nginx config', () => {
  const url = dsSignedUrl('https://ds.example.com', 'data/k1/output.docx', 'a.docx', 1700000900, 'Zr8mQ2vX9pL4sT7wK1nB');
  const r = oo.inspectDownloadUrl(url, { now: 1700000000 });
  assert.equal(r.verdict.status, null);
  assert.equal(r.checked, false);
  assert.deepEqual({ ...r.expires, local: typeof r.expires.local }, {
    epoch: 1700000900, utc: '2023-11-14 22:28:20 UTC', relative: 'in 15 minutes', expired: false, local: 'string',
  });
  assert.equal(oo.inspectDownloadUrl(url, { now: 1700090000 }).expires.relative, '25 hours ago');
  assert.equal(oo.inspectDownloadUrl(url, { now: 1700900000 }).expires.relative, '10 days ago');
  assert.equal(oo.inspectDownloadUrl(url, { now: 1700000899.5 }).expires.relative, 'now');
  const local = '{"storage":{"fs":{"secretString":"Zr8mQ2vX9pL4sT7wK1nB"}}}';
  assert.equal(oo.inspectDownloadUrl(url, { now: 1700000000, serverConfig: local }).verdict.status, 200);
  assert.equal(oo.inspectDownloadUrl(url, { now: 1700000000, nginxConfig: 'set $secure_link_secret Zr8mQ2vX9pL4sT7wK1nB;' }).verdict.status, 200);
  // The shipped default secret, when local.json sets none.
  const dflt = dsSignedUrl('https://ds.example.com', 'data/k1/output.docx', 'a.docx', 1700000900, 'verysecretstring');
  assert.equal(oo.inspectDownloadUrl(dflt, { now: 1700000000, serverConfig: '{}' }).verdict.status, 200);
});

test('readServerConfig: storageSecret is storage.fs.secretString, default "verysecretstring"', () => {
  assert.deepEqual(oo.readServerConfig('{}').storageSecret, { source: 'string', value: 'verysecretstring' });
  assert.deepEqual(oo.readServerConfig('{"storage":{"fs":{"secretString":"abc"}}}').storageSecret, { source: 'string', value: 'abc' });
  assert.deepEqual(oo.readServerConfig('{"storage":{"fs":{"secretString":""}}}').storageSecret, { source: 'none', value: null });
  assert.deepEqual(oo.readServerConfig('{}', { defaultJsonText: '{}' }).storageSecret, { source: 'none', value: null });
  // Docker: SECURE_LINK_SECRET, else a random secret at every container start.
  assert.deepEqual(oo.readServerConfig('JWT_SECRET=abc\nSECURE_LINK_SECRET=s3cr3tLink\n').storageSecret, { source: 'string', value: 's3cr3tLink' });
  assert.deepEqual(oo.readServerConfig('- SECURE_LINK_SECRET=xyz\n').storageSecret, { source: 'string', value: 'xyz' });
  assert.deepEqual(oo.readServerConfig('JWT_SECRET=abc\n').storageSecret, { source: 'unknown', value: null });
  const docker = oo.readServerConfig('JWT_SECRET=abc\nSECURE_LINK_SECRET=s3cr3tLink\n');
  assert.equal(docker.secrets.inbox.value, 'abc', 'the JWT settings are read as before');
});

for (const t of readVector('nginx_configs.json').tests) {
  test(`readNginxConfig #${t.id}: ${t.comment}`, () => {
    const options = t.storageSecret === undefined ? {}
      : { serverConfig: JSON.stringify({ storage: { fs: { secretString: t.storageSecret } } }) };
    const r = oo.readNginxConfig(t.text, options);
    assert.deepEqual(Object.keys(r), ['secureLinkSecret', 'listen', 'ssl', 'includes', 'storageSecretMatches', 'findings']);
    assert.deepEqual(codes(r), t.findings, JSON.stringify(r.findings, null, 1));
    for (const [k, want] of Object.entries(t.expect)) {
      const got = k === 'listen' ? r.listen.map(({ address, port, ssl, line }) => ({ address, port, ssl, line }))
        : k in r.ssl ? r.ssl[k] : r[k];
      assert.deepEqual(got, want, k);
    }
    if (t.messageIncludes) assert.ok(r.findings.some((f) => f.message.includes(t.messageIncludes)));
    for (const f of r.findings) assert.ok(['', 'secureLinkSecret'].includes(f.path) || /^line \d+$/.test(f.path), f.path);
    if (t.storageSecret !== undefined && r.secureLinkSecret !== null) {
      const c = oo.compareSecureLinkSecrets(JSON.stringify({ storage: { fs: { secretString: t.storageSecret } } }), r);
      assert.equal(c.match, r.storageSecretMatches);
      assert.deepEqual(c.findings.map((f) => f.code), r.findings.filter((f) => f.code === 'link_secrets_differ').map((f) => f.code));
    }
  });
}

test('compareSecureLinkSecrets: equal, different, default on both sides, no nginx secret', () => {
  const nginx = (s) => `server { set $secure_link_secret ${s}; }`;
  assert.deepEqual(oo.compareSecureLinkSecrets('{"storage":{"fs":{"secretString":"abcdefghij0123456789"}}}', nginx('abcdefghij0123456789')),
    { match: true, findings: [] });
  const diff = oo.compareSecureLinkSecrets('{}', nginx('abcdefghij0123456789'));
  assert.equal(diff.match, false);
  assert.deepEqual(diff.findings.map((f) => [f.severity, f.code]), [['error', 'link_secrets_differ']]);
  assert.match(diff.findings[0].message, /403/);
  const both = oo.compareSecureLinkSecrets(oo.readServerConfig('{}'), oo.readNginxConfig(nginx('verysecretstring')));
  assert.deepEqual([both.match, both.findings.map((f) => f.code)], [true, ['default_link_secret']]);
  assert.throws(() => oo.compareSecureLinkSecrets('{}', 'server {}'), (e) => e instanceof OojwtError && e.code === 'nginx_no_secret');
  assert.throws(() => oo.readNginxConfig(42), TypeError);
  assert.throws(() => oo.readNginxConfig('', { serverConfig: 42 }), TypeError);
});

test('readNginxConfig: hostile text never throws and every finding is well formed', () => {
  const rand = rng(SEED + 1);
  const parts = ['server', '{', '}', ';', ' ', '\n', '#', '"', "'", '\\', '$', '${x}', 'listen', '443', 'ssl', 'set',
    '$secure_link_secret', 'ssl_protocols', 'TLSv1', '{{X}}', 'include', 'ssl_certificate', 'on', '[::]:443', ':', '\u00e9'];
  for (let i = 0; i < 500; i++) {
    const text = Array.from({ length: Math.floor(rand() * 40) }, () => parts[Math.floor(rand() * parts.length)]).join(rand() < 0.5 ? ' ' : '');
    const r = oo.readNginxConfig(text);
    for (const f of r.findings) assert.ok(typeof f.code === 'string' && f.code.length > 0);
    for (const l of r.listen) assert.ok(Number.isInteger(l.port) && l.port >= 0 && l.port <= 65535);
  }
});

test('readNginxConfig: a hand-added listen 443 ssl inside the Docker container names Data/certs, the volume and -p 443:443', () => {
  const t = readVector('nginx_configs.json').tests.find((x) => x.comment.startsWith('ds.conf inside the Docker container with a hand-added'));
  const f = kit.onlyoffice.readNginxConfig(t.text).findings.find((x) => x.code === 'nginx_docker_rewritten');
  assert.equal(f.severity, 'warning');
  assert.equal(f.path, 'line 4');
  for (const s of ['rewrites it at every start', 'onlyoffice.crt', 'Data/certs']) assert.ok(f.message.includes(s), f.message);
  for (const s of ['-v /app/onlyoffice/DocumentServer/data:/var/www/onlyoffice/Data', '-p 443:443', 'onlyoffice.key']) assert.ok(f.fix.includes(s), f.fix);
  const own = readVector('nginx_configs.json').tests.find((x) => x.comment.startsWith('ds.conf as the container writes it'));
  assert.equal(kit.onlyoffice.readNginxConfig(own.text).findings.find((x) => x.code === 'nginx_docker_rewritten').severity, 'info');
});
