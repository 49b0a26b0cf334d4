// kit.onlyoffice.inspectConfig: editor configs judged as Document Server's
// auth() judges them (tests/vectors/onlyoffice_inspect.json), tokens signed
// here with node:crypto.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { kit, readVector } from '../helpers/common.mjs';

const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const b64u = (b) => Buffer.from(b).toString('base64url');

function configFor(v) {
  const config = structuredClone(v.config);
  if (v.rawToken !== undefined) return { ...config, token: v.rawToken };
  if (v.payload === null) return config;
  const header = v.header ?? { alg: 'HS256', typ: 'JWT' };
  const text = v.payloadText ?? (v.payload === 'config' ? JSON.stringify(v.config) : v.payload === 'null' ? 'null' : JSON.stringify(v.payload));
  const input = `${b64u(JSON.stringify(header))}.${b64u(text)}`;
  const sig = createHmac(HASH[header.alg], v.signWith).update(input).digest('base64url');
  return { ...config, token: `${input}.${sig}` };
}

function subset(got, want, where) {
  if (want === null || typeof want !== 'object') return assert.deepEqual(got, want, where);
  for (const [k, x] of Object.entries(want)) subset(got?.[k], x, `${where}.${k}`);
}

const vectors = readVector('onlyoffice_inspect.json');

for (const v of vectors.tests) {
  test(`inspectConfig #${v.id}: ${v.comment}`, () => {
    const opts = { secret: v.secret, now: v.now };
    if (v.serverConfig !== undefined) opts.serverConfig = v.serverConfig;
    if (v.serverVersion !== undefined) opts.serverVersion = v.serverVersion;
    const r = kit.onlyoffice.inspectConfig(configFor(v), opts);
    const why = JSON.stringify({ verdict: r.verdict, findings: r.findings }, null, 1);
    assert.deepEqual(Object.keys(r), ['verdict', 'findings', 'token', 'effectiveConfig', 'sender']);
    const { messageHas, serverMessage, ...verdict } = v.expect;
    subset(r.verdict, verdict, 'verdict');
    if (messageHas) assert.ok(r.verdict.message.includes(messageHas), why);
    if (serverMessage) assert.equal(r.token.serverMessage, serverMessage, why);
    if (v.findings) assert.deepEqual(r.findings.map((f) => f.code), v.findings, why);
    if (v.effective) subset(r.effectiveConfig, v.effective, 'effectiveConfig');
    if (v.token) subset(r.token, v.token, 'token');
    if (r.verdict.ok && r.token) assert.equal(r.token.valid, true);
    for (const f of r.findings) assert.ok(f.message.length > 20 && f.fix.length > 5 && f.path !== undefined, f.code);
  });
}

test('inspectConfig: a WOPI token without UserCanWrite or UserCanReview leaves edit and review undefined (DocsCoServer.js fillDataFromWopiJwt, Object.assign)', () => {
  const v = vectors.tests.find((t) => t.comment.startsWith('a WOPI token without userAuth'));
  const r = kit.onlyoffice.inspectConfig(configFor(v), { secret: v.secret, now: v.now });
  assert.equal(r.verdict.ok, true);
  // The page's edit: true is overwritten with undefined, which JSON leaves out.
  assert.deepEqual(r.effectiveConfig.document.permissions,
    { download: true, comment: false, copy: true, print: true, chat: true, fillForms: false });
});

test('inspectConfig: the secret can come from readServerConfig', () => {
  const v = vectors.tests[0];
  const cfg = configFor(v);
  const server = kit.onlyoffice.readServerConfig('JWT_ENABLED=true\nJWT_SECRET=secret\n');
  assert.equal(kit.onlyoffice.inspectConfig(cfg, { serverConfig: server, now: v.now }).verdict.ok, true);
  assert.equal(kit.onlyoffice.inspectConfig(cfg, { serverConfig: 'JWT_SECRET=other\n', now: v.now }).verdict.closeCode, 4006);
  assert.throws(() => kit.onlyoffice.inspectConfig(null), TypeError);
  assert.throws(() => kit.onlyoffice.inspectConfig(cfg, { now: v.now }), TypeError, 'a token needs a secret');
  assert.throws(() => kit.onlyoffice.inspectConfig(cfg, { serverConfig: '{"services":{"CoAuthoring":{"secret":{"inbox":{"string":"","file":"/s"}}}}}' }), TypeError);
  const { token: _, ...bare } = cfg;
  assert.equal(kit.onlyoffice.inspectConfig(bare, { now: v.now }).verdict.closeCode, 4006, 'no token, no secret needed');
  assert.throws(() => kit.onlyoffice.inspectConfig(cfg, { secret: 1 }), TypeError);
});

// ---- signConfig -----------------------------------------------------------

import jwt from 'jsonwebtoken';
import { createSecretKey } from 'node:crypto';

const BASE = vectors.tests[0].config;
const dsVerify = (token, secret, now) => jwt.verify(token, createSecretKey(Buffer.from(secret, 'utf8')),
  { clockTolerance: 60, clockTimestamp: now });

test('signConfig: the whole config, as the integrations do; DS (jsonwebtoken) and inspectConfig accept it', () => {
  const now = 1700000000;
  const signed = kit.onlyoffice.signConfig(BASE, 'secret', { now, expiresIn: '5m' });
  assert.deepEqual({ ...signed, token: undefined }, { ...BASE, token: undefined });
  const payload = dsVerify(signed.token, 'secret', now);
  assert.deepEqual(payload, { ...BASE, iat: now, exp: now + 300 });
  assert.equal(kit.onlyoffice.inspectConfig(signed, { secret: 'secret', now }).verdict.ok, true);
  assert.equal(kit.onlyoffice.inspectConfig(signed, { secret: 'secret', now: now + 361 }).verdict.closeCode, 4005);
  // A token already in the config is not signed into the new one.
  const again = kit.onlyoffice.signConfig(signed, 'secret', { now, iat: false });
  assert.deepEqual(dsVerify(again.token, 'secret', now), BASE);
});

test('signConfig: only the required fields, HS512', () => {
  const now = 1700000000;
  const signed = kit.onlyoffice.signConfig(BASE, 'secret', { now, fields: 'required', alg: 'HS512', iat: false });
  const payload = dsVerify(signed.token, 'secret', now);
  assert.deepEqual(payload, {
    document: { key: BASE.document.key, permissions: BASE.document.permissions, url: BASE.document.url },
    editorConfig: { callbackUrl: BASE.editorConfig.callbackUrl, mode: 'edit' },
  });
  const r = kit.onlyoffice.inspectConfig(signed, { secret: 'secret', now });
  assert.equal(r.verdict.ok, true, JSON.stringify(r.findings));
  assert.equal(r.token.alg, 'HS512');
  const view = { ...BASE, editorConfig: { ...BASE.editorConfig, mode: 'view' } };
  assert.equal(dsVerify(kit.onlyoffice.signConfig(view, 'secret', { fields: 'required', iat: false }).token, 'secret', now)
    .editorConfig.mode, undefined);
});

test('signConfig: an iat or exp the config already has is replaced under its own name', () => {
  const cfg = { document: { key: 'k', url: 'https://example.com/a.docx' }, iat: 5, exp: 6 };
  const t = kit.onlyoffice.signConfig(cfg, 's'.repeat(32), { now: 1700000000, expiresIn: 60 }).token;
  assert.deepEqual(JSON.parse(Buffer.from(t.split('.')[1], 'base64url')),
    { document: cfg.document, iat: 1700000000, exp: 1700000060 });
});

test('signConfig: refusals', () => {
  assert.throws(() => kit.onlyoffice.signConfig(BASE, 'secret', { alg: 'RS256' }), TypeError);
  assert.throws(() => kit.onlyoffice.signConfig(BASE, 'secret', { fields: 'some' }), TypeError);
  assert.throws(() => kit.onlyoffice.signConfig([], 'secret'), TypeError);
  assert.throws(() => kit.onlyoffice.signConfig({ document: {} }, 'secret', { fields: 'required' }), { name: 'OojwtError', code: 'bad_argument' });
  assert.throws(() => kit.onlyoffice.signConfig(BASE, ''), { name: 'OojwtError', code: 'empty_key' });
});
