// kit.onlyoffice.explainSecret: which variant of a secret verifies a token,
// on tokens MACed here with node:crypto (tests/vectors/onlyoffice_secret.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { kit, readVector } from '../helpers/common.mjs';

const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const b64u = (b) => Buffer.from(b).toString('base64url');

function build(v) {
  if (v.token) return v.token;
  const alg = v.alg ?? 'HS256';
  const key = v.signWithHex !== undefined ? Buffer.from(v.signWithHex, 'hex')
    : v.signWithBase64 !== undefined ? Buffer.from(v.signWithBase64, 'base64')
      : Buffer.from(v.signWith, 'utf8');
  const payload = v.payloadHex !== undefined ? Buffer.from(v.payloadHex, 'hex')
    : Buffer.from(v.payloadText ?? JSON.stringify(v.payload ?? { c: 'info', key: 'k1' }));
  const input = `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${b64u(payload)}`;
  return `${input}.${createHmac(HASH[alg], key).update(input).digest('base64url')}${v.tokenSuffix ?? ''}`;
}

const vectors = readVector('onlyoffice_secret.json');

for (const v of vectors.tests) {
  test(`explainSecret #${v.id}: ${v.comment}`, () => {
    const r = kit.onlyoffice.explainSecret(build(v), v.given, v.serverConfig !== undefined ? { serverConfig: v.serverConfig } : {});
    assert.equal(r.verifies, v.expect.verifies, r.message);
    assert.equal(r.variant, v.expect.variant, r.message);
    if ('alg' in v.expect) assert.equal(r.alg, v.expect.alg);
    if (v.expect.findings) assert.deepEqual(r.findings.map((f) => f.code), v.expect.findings, JSON.stringify(r.findings));
    assert.equal(typeof r.message, 'string');
    assert.ok(r.message.length > 10);
    if (r.variant !== null) assert.ok(r.tried.includes(r.variant));
    for (const f of r.findings) assert.ok(f.message.length > 10, f.code);
  });
}

test('explainSecret: tries every applicable variant in order, and only those', () => {
  const t = build({ signWith: 'nobody-knows-this-one' });
  const kinds = ['space', 'tab', 'cr', 'newline', 'crlf', 'nbsp', 'zwsp', 'bom'];
  const trailingFirst = ['newline', 'crlf', 'space', 'tab', 'cr', 'nbsp', 'zwsp', 'bom'];
  const added = [...trailingFirst.map((k) => `with-trailing-${k}`), ...kinds.map((k) => `with-leading-${k}`)];
  const r = kit.onlyoffice.explainSecret(t, '"c2VjcmV0"\n');
  assert.equal(r.variant, null);
  // Quotes and a final newline: that newline removed (no separate trim), no decoding.
  assert.deepEqual(r.tried, ['as-is', 'without-trailing-newline', ...added, 'with-quotes', 'default-secret']);
  const spaced = kit.onlyoffice.explainSecret(t, ' "c2VjcmV0"\n');
  assert.deepEqual(spaced.tried, ['as-is', 'without-trailing-newline', 'without-leading-space', 'trimmed', ...added,
    'with-quotes', 'default-secret']);
  const plain = kit.onlyoffice.explainSecret(t, 'c2VjcmV0');
  assert.deepEqual(plain.tried, ['as-is', ...added, 'with-quotes', 'base64-decoded', 'base64url-decoded', 'default-secret']);
  const hex = kit.onlyoffice.explainSecret(t, 'abcd');
  assert.ok(hex.tried.includes('hex-decoded'));
  // A CRLF at the end: the CRLF and the LF alone are two variants; trimming would repeat the first.
  const crlf = kit.onlyoffice.explainSecret(t, 'abc\r\n');
  assert.deepEqual(crlf.tried.slice(0, 4), ['as-is', 'without-trailing-newline', 'without-trailing-crlf', 'with-trailing-newline']);
  // Every removal, the trim, quotes and every addition apply at once: still a fixed bound.
  const all = kit.onlyoffice.explainSecret(t, '\ufeff\u00a0 "a"\t\r\n');
  assert.ok(all.tried.length <= 45 && new Set(all.tried).size === all.tried.length, all.tried.join());
});

test('explainSecret: the server config\'s other secrets, once each, after the default one', () => {
  const local = JSON.stringify({ services: { CoAuthoring: { secret: {
    inbox: { string: 'in-secret-0123456789abcdefghijklmn' }, outbox: { string: 'in-secret-0123456789abcdefghijklmn' },
    session: { string: 'session-secret-0123456789abcdefgh' } } } } });
  const t = build({ signWith: 'nobody-knows-this-one' });
  const r = kit.onlyoffice.explainSecret(t, 'given-secret', { serverConfig: local });
  // outbox equals inbox (tried once, as inbox); browser is default.json's "secret", tried as
  // default-secret already; storage is default.json's "verysecretstring".
  assert.deepEqual(r.tried.filter((x) => x.endsWith('-secret')), ['default-secret', 'inbox-secret', 'session-secret', 'storage-secret']);
  assert.match(r.message, /server config's other secrets/);
  const same = kit.onlyoffice.explainSecret(t, 'in-secret-0123456789abcdefghijklmn', { serverConfig: kit.onlyoffice.readServerConfig(local) });
  assert.deepEqual(same.tried.filter((x) => x.endsWith('-secret')), ['default-secret', 'session-secret', 'storage-secret'],
    'the secret given is not tried again under another name');
  const session = build({ signWith: 'session-secret-0123456789abcdefgh' });
  const found = kit.onlyoffice.explainSecret(session, 'in-secret-0123456789abcdefghijklmn', { serverConfig: local });
  assert.equal(found.variant, 'session-secret');
  assert.match(found.message, /but it was signed with secret\.session \(services\.CoAuthoring\.secret\.session\), Document Server's own: it checks configs and requests with secret\.inbox/);
  assert.throws(() => kit.onlyoffice.explainSecret(t, 'x', { serverConfig: 1 }), TypeError);
  assert.throws(() => kit.onlyoffice.explainSecret(t, 'x', null), TypeError);
});

test('explainSecret: the message names the side with the extra character and the fix', () => {
  const S = 'Qx7rT2mK9pL4vN8sB3wY6zH1cF5jD0aE';
  const signer = kit.onlyoffice.explainSecret(build({ signWith: `${S}\t` }), S);
  assert.equal(signer.variant, 'with-trailing-tab');
  assert.match(signer.message, /a tab added at its end: the signer's secret has it/);
  assert.match(signer.message, /Remove it where the signer's secret is set/);
  const given = kit.onlyoffice.explainSecret(build({ signWith: S }), `\u00a0${S}`);
  assert.equal(given.variant, 'without-leading-nbsp');
  assert.match(given.message, /no-break space \(U\+00A0[^)]*\) at its start: the secret you gave has it/);
});

test('explainSecret: every single byte flip of the MAC defeats every variant', () => {
  const good = build({ signWith: 'secret' });
  const dot = good.lastIndexOf('.');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = dot + 1; i < good.length - 1; i++) {
    const c = alphabet[(alphabet.indexOf(good[i]) + 1) % 64];
    const bad = good.slice(0, i) + c + good.slice(i + 1);
    const r = kit.onlyoffice.explainSecret(bad, 'secret');
    assert.equal(r.variant, null, `flip at ${i}`);
  }
});

test('explainSecret: argument types', () => {
  assert.throws(() => kit.onlyoffice.explainSecret(1, 'x'), TypeError);
  assert.throws(() => kit.onlyoffice.explainSecret('a.b.c', 1), TypeError);
  assert.throws(() => kit.onlyoffice.explainSecret('a.b.c', { kty: 'oct', k: 'AA' }), TypeError);
  const bytes = kit.onlyoffice.explainSecret(build({ signWithHex: '00ff10' }), new Uint8Array([0, 255, 16]));
  assert.equal(bytes.variant, 'as-is');
});

test('explainSecret: a signature with a character inserted never verifies (DS compares the text)', () => {
  const good = build({ signWith: 'secret' });
  assert.equal(kit.onlyoffice.explainSecret(good, 'secret').variant, 'as-is');
  const dot = good.lastIndexOf('.');
  for (const junk of ['!', '=', ' ', '+', '.']) {
    for (const at of [dot + 1, dot + 20, good.length]) {
      // Whitespace around a pasted token is trimmed on purpose.
      if (junk === ' ' && at === good.length) continue;
      const bad = good.slice(0, at) + junk + good.slice(at);
      const r = kit.onlyoffice.explainSecret(bad, 'secret');
      assert.equal(r.verifies, false, `${JSON.stringify(junk)} at ${at}`);
      assert.equal(r.variant, null);
    }
  }
});
