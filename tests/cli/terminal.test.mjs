// What a token can send to a terminal through the human output of both
// command lines (src/cli/print.c oojwt_cli_put_safe, which bin/oojwt.mjs runs in wasm): nothing but
// text. C0 controls (ESC), C1 controls (U+009B, a CSI) and the bidi and
// invisible format characters of a header or payload, and of the messages
// that quote them (typ), are written \uXXXX; both commands print the same;
// --json stays the exact report, characters included. The same for every
// other command's output for people (below).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECRET, token } from '../helpers/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const NODE_CLI = join(root, 'bin', 'oojwt.mjs');
const env = { ...process.env, OOJWT_SECRET: SECRET, NO_COLOR: '1' };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', input: '' });
  if (r.error) throw r.error;
  return r;
};
const both = (args) => [run(NATIVE, args), run(process.execPath, [NODE_CLI, ...args])];

const payload = { sub: 'user\u202e nimda', url: 'https://example.com/report\u202excod.exe', csi: 'a\u009b2Jb', zw: 'ad\u200bmin', emoji: '😀' };
const header = { alg: 'HS256', typ: 'JWT\u001b]0;owned\u0007\u202e' };
const t = token(payload, { header });
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

for (const command of ['decode', 'verify']) {
  test(`${command}: no control or bidi character reaches the terminal; both commands agree`, () => {
    // verify shows a valid token's parts with --payload only.
    const [a, b] = both(command === 'verify' ? [command, '--payload', t] : [command, t]);
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.stdout, a.stdout, b.stderr);
    assert.doesNotMatch(a.stdout, RAW);
    assert.match(a.stdout, /"sub": "user\\u202e nimda"/);
    assert.match(a.stdout, /report\\u202excod\.exe/);
    assert.match(a.stdout, /"csi": "a\\u009b2Jb"/);
    assert.match(a.stdout, /"typ": "JWT\\u001b\]0;owned\\u0007\\u202e"/);
    assert.match(a.stdout, /😀/, 'other characters are left as they are');
    if (command === 'verify') {
      // The typ warning quotes the header (the C message writes C0 controls
      // as \xXX itself): the override in it is escaped too.
      assert.match(a.stdout, /typ_not_jwt: the header's typ is "JWT\\x1b\]0;owned\\x07\\u202e", not "JWT"/);
    }
  });
}

test('--json stays the exact report', () => {
  for (const r of both(['verify', '--json', t])) {
    const rep = JSON.parse(r.stdout);
    assert.deepEqual(rep.payload, payload);
    assert.equal(rep.header.typ, header.typ);
  }
});

// The other commands for people print values of their input: a local.json,
// an editor config and its token, a request and its tokens, a download
// link, an nginx configuration, a certificate's names
// (src/cli/print.c oojwt_cli_printf; bin/oojwt.mjs safe). None of those
// values reaches the terminal as a control sequence or a bidi override.
const ESC = '\u001b';
const EVIL = `a${ESC}[2J${ESC}]0;owned\u0007\u202ez\u009b1m`;
const runIn = (cmd, args, input) => {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', input });
  if (r.error) throw r.error;
  return r;
};
const bothIn = (args, input = '') => [runIn(NATIVE, args, input), runIn(process.execPath, [NODE_CLI, ...args], input)];
const clean = (what, [a, b], escaped = /a\\u001b\[2J\\u001b\]0;owned\\u0007\\u202ez\\u009b1m/) => {
  assert.equal(b.stdout, a.stdout, `${what}: both commands print the same\n${b.stderr}`);
  assert.doesNotMatch(a.stdout, RAW, `${what}: a raw control or bidi character`);
  assert.match(a.stdout, escaped, `${what}: the value is shown, escaped`);
};

test('server-config: a secret and a header name with controls and an override', () => {
  const local = JSON.stringify({ services: { CoAuthoring: { secret: { inbox: { string: EVIL } }, token: { inbox: { header: EVIL } } } } });
  clean('server-config', bothIn(['server-config', '--show-secrets', '-'], local));
});

test('inspect-config: a title, a token payload and the effective config', () => {
  const t2 = token({ document: { key: 'k1', url: 'https://example.com/a.docx', title: EVIL }, editorConfig: { callbackUrl: 'https://example.com/cb' } });
  const config = JSON.stringify({ document: { fileType: 'docx', key: 'k1', title: EVIL, url: 'https://example.com/a.docx' },
    documentType: 'word', editorConfig: { callbackUrl: 'https://example.com/cb', lang: EVIL }, token: t2 });
  const r = bothIn(['inspect-config', '--now', '1700000000', '-'], config);
  clean('inspect-config', r);
  assert.match(r[0].stdout, /effective config:/);
});

test('inspect-request: a header token, a payload that is not JSON, and the effective body', () => {
  const good = token({ c: 'info', key: 'k1', note: EVIL });
  const body = JSON.stringify({ c: 'info', key: 'k1', token: good });
  const req = `POST /coauthoring/CommandService.ashx HTTP/1.1\r\nHost: ds.example.com\r\nContent-Type: application/json\r\n`
    + `Authorization: Bearer ${good}\r\n\r\n${body}`;
  clean('inspect-request', bothIn(['inspect-request', '--kind', 'command', '--now', '1700000000', '-'], req));
  // A token whose payload is not JSON: the server's message quotes it.
  const b64 = (s) => Buffer.from(s).toString('base64url');
  const bad = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(EVIL)}.c2ln`;
  const req2 = `POST /coauthoring/CommandService.ashx HTTP/1.1\r\nHost: ds.example.com\r\nContent-Type: application/json\r\n\r\n`
    + JSON.stringify({ c: 'info', key: 'k1', token: bad });
  const r2 = bothIn(['inspect-request', '--kind', 'command', '--now', '1700000000', '-'], req2);
  assert.equal(r2[1].stdout, r2[0].stdout);
  assert.doesNotMatch(r2[0].stdout, RAW);
  assert.match(r2[0].stdout, /\\u001b/, 'the quoted payload is escaped');
});

test('inspect-url: a signed path with percent-encoded controls and an override', () => {
  const url = 'https://ds.example.com/cache/files/a%1b%5b2J%e2%80%aez/output.docx?md5=AAAAAAAAAAAAAAAAAAAAAA&expires=1700000100';
  clean('inspect-url', bothIn(['inspect-url', '--secret', 'x', '--now', '1700000000', url]), /a\\u001b\[2J\\u202ez/);
});

test('nginx-config: a secure link secret and a certificate path', () => {
  // No ';' (it ends a directive) and no BEL in these values.
  const value = `a${ESC}[2J\u202ez\u009b1m`;
  const conf = `server {\n  listen 443 ssl;\n  set $secure_link_secret "${value}";\n  ssl_certificate /etc/${value}.pem;\n}\n`;
  const r = bothIn(['nginx-config', '--show-secrets', '-'], conf);
  clean('nginx-config', r, /ssl_certificate: \/etc\/a\\u001b\[2J\\u202ez\\u009b1m\.pem/);
  assert.match(r[0].stdout, /secure link secret: a\\u001b\[2J\\u202ez\\u009b1m\n/);
});

test('inspect-cert: a subject with ESC and an override', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'oojwt-cert-'));
  const pem = join(dir, 'c.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', join(dir, 'k.pem'), '-out', pem, '-days', '30', '-utf8', '-subj', `/CN=host${ESC}[2J\u202e.example`]);
  if (made.error || made.status !== 0) {
    t.skip('openssl cannot make a certificate here');
    return;
  }
  try {
    // The certificate's own escaping writes ESC \1B (RFC 4514); the override is escaped here.
    clean('inspect-cert', bothIn(['inspect-cert', `@${pem}`]), /CN=host\\1B\[2J\\u202e\.example/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
