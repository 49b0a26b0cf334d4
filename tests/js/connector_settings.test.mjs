// kit.onlyoffice.readConnectorSettings: the connector side's settings
// (Nextcloud/ownCloud config.php and occ output, Moodle, Mattermost) and
// their comparison with Document Server's (tests/vectors/connector_settings.json,
// also run natively by tests/c/test_connector_settings.c), and the wasm
// memory after it: neither side's secret stays behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { kit, readVector, subset, loadWithInstance } from '../helpers/common.mjs';

const vectors = readVector('connector_settings.json');

const SHAPE = ['form', 'connector', 'certain', 'settings', 'findings', 'comparison'];
const codes = (list) => list.map((f) => f.code).sort();

for (const v of vectors.tests) {
  test(`readConnectorSettings #${v.id}: ${v.comment}`, () => {
    const opts = {};
    if (v.serverConfig !== undefined) opts.serverConfig = v.serverConfig;
    if (v.certificateSelfSigned !== undefined) opts.certificateSelfSigned = v.certificateSelfSigned;
    const r = kit.onlyoffice.readConnectorSettings(v.text, opts);
    assert.deepEqual(Object.keys(r), SHAPE);
    subset(r, v.expect, 'result');
    assert.deepEqual(codes(r.findings), v.findings, JSON.stringify(r.findings, null, 1));
    if (v.serverConfig === undefined) assert.equal(r.comparison, null);
    else assert.deepEqual(codes(r.comparison.findings), v.comparisonFindings, JSON.stringify(r.comparison.findings, null, 1));
    const all = [...r.findings, ...(r.comparison?.findings ?? [])];
    for (const s of v.messageIncludes ?? []) assert.ok(all.some((f) => f.message.includes(s)), s);
    for (const f of all) {
      assert.ok(['error', 'warning', 'info'].includes(f.severity));
      assert.ok(f.message.length > 20 && f.fix.length > 5, f.code);
    }
  });
}

test('readConnectorSettings: messages say how secrets differ, never the secrets', () => {
  const secret = 'Zq8pLm2Vn8Rt5Wb1Hc6Jd4Fg9Ae0Kx3Y';
  const r = kit.onlyoffice.readConnectorSettings(`'onlyoffice' => ['jwt_secret' => "\\t${secret}\\r\\n", 'jwt_leeway' => 30]`, {
    serverConfig: `JWT_SECRET=${secret}\n`,
  });
  assert.equal(r.settings.secret, `\t${secret}\r\n`);
  const [f] = r.comparison.findings;
  assert.equal(f.code, 'connector_secret_differs');
  assert.match(f.message, /⟦U\+0009⟧ at the start and ⟦U\+000D⟧⟦U\+000A⟧ at the end/);
  assert.ok(!f.message.includes(secret.slice(0, 8)) && !f.fix.includes(secret.slice(0, 8)));
});

test('readConnectorSettings: the same secret on both sides is equal, and says nothing', () => {
  const secret = 'Zq8pLm2Vn8Rt5Wb1Hc6Jd4Fg9Ae0Kx3Y';
  const r = kit.onlyoffice.readConnectorSettings(`occ config:app:get onlyoffice jwt_secret\n${secret}\n`, {
    serverConfig: `JWT_SECRET=${secret}\n`,
  });
  assert.deepEqual(r.comparison.secrets, { inbox: 'equal', outbox: 'equal' });
  assert.deepEqual(codes(r.comparison.findings), []);
});

test('readConnectorSettings: hostile text is read in one pass, with a clear code', () => {
  const cases = [
    ["'onlyoffice' => " + '['.repeat(1 << 20), 'too_deep'],
    ["'onlyoffice' => ['jwt_secret' => '" + 'x'.repeat(3 << 20), 'php_syntax'],
    ["'onlyoffice' => [" + "'jwt_header' => 'x', ".repeat(100000) + ']', null],
    ['a'.repeat((4 << 20) + 1), 'too_large'],
  ];
  for (const [text, code] of cases) {
    const t0 = performance.now();
    const r = kit.onlyoffice.readConnectorSettings(text);
    assert.ok(performance.now() - t0 < 5000, `${code}: slow`);
    if (code === null) assert.equal(r.form, 'php-config');
    else assert.equal(r.findings[0].code, code);
  }
});

test('readConnectorSettings: argument types', () => {
  assert.throws(() => kit.onlyoffice.readConnectorSettings(null), TypeError);
  assert.throws(() => kit.onlyoffice.readConnectorSettings('x', null), TypeError);
  assert.throws(() => kit.onlyoffice.readConnectorSettings('x', { serverConfig: {} }), TypeError);
  assert.throws(() => kit.onlyoffice.readConnectorSettings('x', { defaultJsonText: 1 }), TypeError);
  assert.throws(() => kit.onlyoffice.readConnectorSettings('x', { certificateSelfSigned: 'yes' }), TypeError);
});

test('readConnectorSettings: neither secret stays in wasm memory, and the heap returns to its start', async () => {
  const { kit: k2, x } = await loadWithInstance();
  const mine = `conn-${randomBytes(10).toString('hex')}`;
  const theirs = `ds-${randomBytes(10).toString('hex')}`;
  const texts = [
    `<?php\n$CONFIG = array('version' => '28.0.1', 'onlyoffice' => array('jwt_secret' => "${mine}\\n", 'jwt_leeway' => 30));`,
    `occ config:app:get onlyoffice jwt_secret\n${mine}\n`,
    JSON.stringify({ apps: { onlyoffice: { jwt_secret: mine } }, pad: 'p'.repeat(3000) }),
    `documentserversecret\t${mine}\n`,
    JSON.stringify({ DESJwt: ` ${mine} `, DESJwtHeader: 'AuthorizationJWT', DESJwtPrefix: 'Bearer ' }),
    `'onlyoffice' => ['jwt_secret' => '${mine}`,
  ];
  const serverConfig = `JWT_SECRET=${theirs}\nJWT_HEADER=AuthorizationJWT\n`;
  const needles = [mine, theirs].map((v) => Buffer.from(v));
  const ops = texts.map((t) => () => k2.onlyoffice.readConnectorSettings(t, { serverConfig }));
  for (const op of ops) op();
  const start = x.oojwt_wasm_heap_used();
  for (const [i, op] of ops.entries()) {
    const r = op();
    if (i < 5) assert.equal(r.comparison.secrets.inbox, 'differ', `op ${i}`);
    const mem = Buffer.from(x.memory.buffer);
    for (const n of needles) assert.equal(mem.indexOf(n), -1, `op ${i}: ${n} is in wasm memory`);
    assert.equal(x.oojwt_wasm_heap_used(), start, `op ${i}: the heap in use grew`);
  }
});
