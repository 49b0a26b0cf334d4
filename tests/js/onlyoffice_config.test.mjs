// kit.onlyoffice.readServerConfig: Document Server's effective JWT settings
// from local.json or Docker lines (tests/vectors/onlyoffice_config.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kit, readVector, subset } from '../helpers/common.mjs';

const vectors = readVector('onlyoffice_config.json');

const SHAPE = ['secrets', 'enabled', 'inbox', 'outbox', 'verifyOptions', 'tokenRequiredParams', 'form', 'findings', 'storageSecret'];

for (const v of vectors.tests) {
  test(`readServerConfig #${v.id}: ${v.comment}`, () => {
    const opts = v.default !== undefined ? { defaultJsonText: v.default } : {};
    const r = kit.onlyoffice.readServerConfig(v.local, opts);
    assert.deepEqual(Object.keys(r), SHAPE);
    assert.deepEqual(Object.keys(r.secrets), ['inbox', 'outbox', 'session', 'browser']);
    subset(r, v.expect, 'result');
    assert.deepEqual(r.findings.map((f) => f.code).sort(), v.findings, JSON.stringify(r.findings, null, 1));
    for (const f of r.findings) {
      assert.ok(['error', 'warning', 'info'].includes(f.severity));
      assert.equal(typeof f.path, 'string');
      assert.ok(f.message.length > 20 && f.fix.length > 5, f.code);
    }
  });
}

test('readServerConfig: the effective secret verifies what the server would verify', () => {
  const local = readVector('onlyoffice_config.json').tests.find((t) => t.comment.startsWith('Docker env file')).local;
  const cfg = kit.onlyoffice.readServerConfig(local);
  const t = kit.sign({ c: 'info', key: 'k1' }, cfg.secrets.inbox.value);
  assert.equal(kit.verify(t, cfg.secrets.inbox.value, { profile: 'onlyoffice' }).valid, true);
});

test('readServerConfig: argument types', () => {
  assert.throws(() => kit.onlyoffice.readServerConfig(null), TypeError);
  assert.throws(() => kit.onlyoffice.readServerConfig('{}', { defaultJsonText: 1 }), TypeError);
  assert.throws(() => kit.onlyoffice.readServerConfig('{}', null), TypeError);
});
