// kit.onlyoffice.inspectConfig({ serverVersion }): the rules that changed
// between Document Server versions (DocsCoServer.js auth(), api.js): the
// editorConfig.mode requirement for view (8.2), reconnect tokens told by
// ds_view (7.1-8.1) or ds_sessionTimeConnect (8.2+), history tokens (8.3+).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { kit } from '../helpers/common.mjs';

const NOW = 1700000000;
const SECRET = 'secret';
const config = (mode) => ({
  document: { fileType: 'docx', key: 'Khirz6zTPdfd7', title: 'a.docx', url: 'https://example.com/a.docx' },
  documentType: 'word',
  editorConfig: { callbackUrl: 'https://example.com/cb', mode },
});
// A token over everything but editorConfig.mode.
const withToken = (cfg, extra = {}) => {
  const { mode, ...editorConfig } = cfg.editorConfig;
  const payload = { ...cfg, editorConfig: { ...editorConfig, ...extra.editorConfig }, ...extra.top };
  return { ...cfg, token: jwt.sign(payload, SECRET, { noTimestamp: true }) };
};
const inspect = (cfg, serverVersion) => kit.onlyoffice.inspectConfig(cfg, {
  secret: SECRET, now: NOW, ...(serverVersion !== undefined ? { serverVersion } : {}),
});

test('view mode without mode in the token: opens on 8.2+, closes 4006 on 7.1-8.1', () => {
  const cfg = withToken(config('view'));
  for (const v of [undefined, '8.2', '8.2.3', '9.3', '10.0']) {
    const r = inspect(cfg, v);
    assert.equal(r.verdict.ok, true, `${v}: ${r.verdict.message}`);
  }
  for (const v of ['7.1', '7.3.3', '8.1', '8.1.3']) {
    const r = inspect(cfg, v);
    assert.equal(r.verdict.closeCode, 4006, v);
    assert.equal(r.verdict.editorError, -20);
    assert.deepEqual(r.findings.map((f) => f.code), ['missing_required_field'], v);
    assert.equal(r.findings[0].path, 'token.editorConfig.mode');
    assert.match(r.verdict.message, /auth missing required parameter editorConfig\.mode \(since 7\.1 version\)/);
  }
  // Edit mode needs it everywhere.
  for (const v of [undefined, '8.1']) assert.equal(inspect(withToken(config('edit')), v).verdict.closeCode, 4006);
});

test('reconnect tokens: ds_view before 8.2, ds_sessionTimeConnect from 8.2', () => {
  const viewToken = withToken(config('edit'), { editorConfig: { mode: 'edit', ds_view: false } });
  const sessionToken = withToken(config('edit'), { editorConfig: { mode: 'edit', ds_sessionTimeConnect: NOW } });
  assert.equal(inspect(viewToken, '8.1').token.kind, 'reconnect');
  assert.equal(inspect(viewToken).token.kind, 'opening');
  assert.equal(inspect(viewToken).verdict.ok, true);
  assert.equal(inspect(sessionToken).token.kind, 'reconnect');
  assert.equal(inspect(sessionToken, '8.1').token.kind, 'opening');
  assert.match(inspect(viewToken, '7.3').findings[0].message, /ds_view \(7\.1-8\.1\)/);
});

test('history tokens exist from 8.3', () => {
  const h = withToken(config('edit'), { editorConfig: { mode: 'edit' }, top: { version: 2 } });
  assert.equal(inspect(h).token.kind, 'history');
  assert.equal(inspect(h, '8.3').token.kind, 'history');
  assert.equal(inspect(h, '8.2').token.kind, 'opening');
  assert.equal(inspect(h, '8.2').verdict.ok, true);
});

test('serverVersion: argument checks', () => {
  const cfg = withToken(config('view'));
  for (const bad of ['8', 'v8.1', '8.x', '0.9', 8.1, '', '8.1-beta']) {
    assert.throws(() => inspect(cfg, bad), TypeError, String(bad));
  }
});
