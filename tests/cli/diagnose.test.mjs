// `oojwt diagnose` on the native command line (src/cli/diagnose.c): inputs
// as text, @FILE, a bare existing path (with a note on stderr) and -; the
// human output (what each input is, then the verdict, cause and fix, then
// the other findings); --quiet; --json; --export; exit codes; the secret
// options; with no input, a Document Server host's files (--root).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVector } from '../helpers/common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const skip = !existsSync(NATIVE) && 'build/oojwt not built';
const NOW = '1765000000';
const run = (args, opts = {}) => {
  const r = spawnSync(NATIVE, args, { encoding: 'utf8', env: { PATH: process.env.PATH }, ...opts });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const b64 = (s) => Buffer.from(s).toString('base64url');
function sign(payload, secret) {
  const h = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const p = b64(JSON.stringify(payload));
  return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
}
const SECRET = 'Kq3ZxY7pLm2Vn8Rt5Wb1Hc6Jd4Fg9Ae0';
const dir = mkdtempSync(join(tmpdir(), 'oojwt-cli-diag-'));
const local = join(dir, 'local.json');
writeFileSync(local, JSON.stringify({ services: { CoAuthoring: {
  token: { enable: { browser: true, request: { inbox: true, outbox: true } } },
  secret: { inbox: { string: SECRET }, outbox: { string: SECRET }, session: { string: SECRET } },
} } }));
const tokenFile = join(dir, 'token.txt');
writeFileSync(tokenFile, `${sign({ c: 'version' }, `${SECRET}\n`)}\n`);

test('diagnose: a bare path, @FILE and text together; each named, then the verdict and the fix', { skip }, () => {
  const r = run(['diagnose', '--now', NOW, local, `@${tokenFile}`, 'Error when trying to connect (Invalid token)']);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /reading the file .*local\.json/);
  const lines = r.out.split('\n');
  assert.match(lines[0], /^1\. .*local\.json: Document Server's local\.json \(high confidence\)$/);
  assert.match(lines[2], /^2\. .*token\.txt: a token \(high confidence\)$/);
  assert.match(lines[4], /^3\. argument 3: an error copied from a connector \(high confidence\)$/);
  assert.match(r.out, /\nERROR: Nextcloud cannot connect: Document Server refuses its token \(Invalid token\): the token was signed with secret\.inbox = secret\.outbox = secret\.session with a line feed added at the end\n/);
  assert.match(r.out, /\nfix: Set the secret in Nextcloud's ONLYOFFICE app again/);
  assert.match(r.out, /\nfrom: 2\. /);
  assert.doesNotMatch(r.out, /explainSecret|inspectConfig/);
});

test('diagnose --quiet prints the verdict line only; --json the report; exit 0 when nothing is wrong', { skip }, () => {
  const good = sign({ c: 'version' }, SECRET);
  const q = run(['diagnose', '--quiet', '--now', NOW, local, good]);
  assert.equal(q.code, 0);
  assert.equal(q.out, `OK: No problem found in what you pasted: the token verifies with secret.inbox = secret.outbox = secret.session\n`);
  const j = run(['diagnose', '--json', '--now', NOW, local, good]);
  assert.equal(j.code, 0);
  const rep = JSON.parse(j.out);
  assert.equal(rep.verdict.code, 'diag_token_verifies');
  assert.deepEqual(rep.items.map((i) => i.kind), ['local-json', 'token']);
  assert.equal(rep.items[1].token, good);
});

test('diagnose reads standard input with -, and takes the secret from the secret options', { skip }, () => {
  const secretFile = join(dir, 'secret.txt');
  writeFileSync(secretFile, `${SECRET}\n`);
  const r = run(['diagnose', '--json', '--now', NOW, '--secret-file', secretFile, '-'], { input: `Bearer ${sign({ c: 'info' }, SECRET)}\n` });
  assert.equal(r.code, 0, r.err);
  const rep = JSON.parse(r.out);
  assert.equal(rep.items[0].name, 'standard input');
  assert.equal(rep.items[0].kind, 'authorization');
  assert.equal(rep.verdict.params.secret, 'the secret of --secret-file');
});

test('diagnose: usage errors and unreadable inputs', { skip }, () => {
  const many = Array.from({ length: 17 }, (_, i) => `text ${i}`);
  assert.equal(run(['diagnose', ...many]).code, 2);
  assert.equal(run(['diagnose', '@/nonexistent/file']).code, 3);
  const h = run(['diagnose', '--help']);
  assert.equal(h.code, 0);
  assert.ok(h.out.startsWith('usage: oojwt diagnose'));
  assert.match(run(['--help']).out, /\n  diagnose +anything pasted/);
});

// A Document Server host under a folder: document-server-package's
// local.json and ds.conf (and /etc/nginx/conf.d/ds.conf, its link), the
// certificate and key ds.conf names.
const CERT = readVector('diagnose.json').tests.find((t) => t.name.startsWith('a certificate made with genrsa'));
function host(files) {
  const h = mkdtempSync(join(tmpdir(), 'oojwt-host-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(h, path)), { recursive: true });
    writeFileSync(join(h, path), text);
  }
  return h;
}
const dsConf = 'server {\n  listen 443 ssl;\n  ssl_certificate /etc/ssl/ds/ds.crt;\n  ssl_certificate_key /etc/ssl/ds/ds.key;\n'
  + '  set $secure_link_secret verysecretstring;\n}\n';

test('diagnose with no input on a DS host (--root): reads local.json, ds.conf and the certificate and key it names, one stderr line each', { skip }, () => {
  const h = host({
    'etc/onlyoffice/documentserver/local.json': readFileSync(local, 'utf8'),
    'etc/onlyoffice/documentserver/nginx/ds.conf': dsConf,
    'etc/nginx/conf.d/ds.conf': dsConf,
    'etc/ssl/ds/ds.crt': CERT.items[0],
    'etc/ssl/ds/ds.key': CERT.items[1],
  });
  const r = run(['diagnose', '--now', '1796688000', '--root', h]);
  assert.equal(r.err, [
    `oojwt: diagnose: read ${h}/etc/onlyoffice/documentserver/local.json (Document Server's local.json)`,
    `oojwt: diagnose: read ${h}/etc/onlyoffice/documentserver/nginx/ds.conf (nginx's ds.conf)`,
    `oojwt: diagnose: read ${h}/etc/nginx/conf.d/ds.conf (the same ds.conf as above)`,
    `oojwt: diagnose: read ${h}/etc/ssl/ds/ds.crt (the certificate ds.conf names)`,
    `oojwt: diagnose: read ${h}/etc/ssl/ds/ds.key (the key ds.conf names)`, ''].join('\n'));
  assert.equal(r.code, 1);
  assert.match(r.out, /^1\. .*local\.json: Document Server's local\.json/);
  assert.match(r.out, /\n3\. .*ds\.crt: a certificate .*\n.*\n4\. .*ds\.key: a key/);
  assert.match(r.out, /\nERROR: Clients will refuse https:\/\/10\.17\.174\.115: the certificate has no IP address for it\n/);
  assert.match(r.out, /\ncommands:\n  on the Document Server host: .*\n    openssl genrsa /);
  // A trailing slash on the root, and a ds.conf under conf.d only.
  const only = host({ 'etc/nginx/conf.d/ds.conf': 'server {\n  listen 80;\n}\n' });
  const o = run(['diagnose', '--quiet', '--root', `${only}/`]);
  assert.equal(o.err, `oojwt: diagnose: read ${only}/etc/nginx/conf.d/ds.conf (nginx's ds.conf)\n`);
  assert.match(o.out, /^WARNING: nginx in front of Document Server/);
});

test('diagnose with no input and no DS host: says what to give, exit 2; --export checks its format', { skip }, () => {
  const empty = mkdtempSync(join(tmpdir(), 'oojwt-nohost-'));
  const r = run(['diagnose', '--root', empty]);
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, new RegExp(`^oojwt: diagnose: nothing to diagnose: no input given, and this is no Document Server host \\(no ${empty}/etc/onlyoffice/documentserver/local\\.json\\)\\. Give the texts or files you have: the error you see, local\\.json`));
  assert.equal(run(['diagnose', '--export', 'html', 'x']).code, 2);
  assert.equal(run(['diagnose', '--export', 'text', '--json', 'x']).code, 2);
  const e = run(['diagnose', '--export', 'text', '--now', NOW, local, `@${tokenFile}`]);
  assert.equal(e.code, 1);
  assert.match(e.out, /^oojwt diagnosis\n=+\n\nERROR: /);
  assert.ok(!e.out.includes(SECRET.slice(0, 8)) && !e.out.includes('eyJ'), e.out);
  assert.match(e.out, /\nInputs:\n  1\. .*local\.json: Document Server's local\.json \(high confidence\)\n  2\. .*token\.txt: a token \(high confidence\)\n/);
});
