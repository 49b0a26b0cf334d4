// kit.onlyoffice.inspectConfig: the user of an opening token (spec 2.5;
// the docs sign editorConfig.user {group, id, name}): a user the page
// sets unsigned, and a token whose user overrides the page's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { kit } from '../helpers/common.mjs';

const NOW = 1700000000;
const SECRET = 'secret';
const CONFIG = {
  document: { fileType: 'docx', key: 'k1', title: 'a.docx', url: 'https://example.com/a.docx', permissions: { edit: true } },
  documentType: 'word',
  editorConfig: { callbackUrl: 'https://example.com/cb', mode: 'edit', user: { id: 'u1', name: 'Smith', group: 'Sales' } },
};
const codes = (r) => r.findings.map((f) => f.code);
const signed = (payload) => ({ ...CONFIG, token: jwt.sign(payload, SECRET, { noTimestamp: true }) });
const inspect = (cfg) => kit.onlyoffice.inspectConfig(cfg, { secret: SECRET, now: NOW });

test('the whole config signed: no user finding', () => {
  const r = inspect(signed(CONFIG));
  assert.equal(r.verdict.ok, true);
  assert.deepEqual(codes(r), []);
});

test('only the required fields signed: the page\'s user is unsigned (warning), the editor opens', () => {
  const r = inspect(kit.onlyoffice.signConfig(CONFIG, SECRET, { fields: 'required', iat: false }));
  assert.equal(r.verdict.ok, true);
  assert.deepEqual(codes(r), ['user_not_signed']);
  const f = r.findings[0];
  assert.equal(f.severity, 'warning');
  assert.equal(f.path, 'token.editorConfig.user');
  assert.match(f.message, /\(id, name, group\)/);
});

test('a token with another user: the token wins (info), and the effective config shows it', () => {
  const other = structuredClone(CONFIG);
  other.editorConfig.user = { id: 'u2', name: 'Smith', group: 'Support' };
  const r = inspect(signed(other));
  assert.equal(r.verdict.ok, true);
  assert.deepEqual(codes(r), ['user_differs', 'user_differs']);
  assert.deepEqual(r.findings.map((f) => f.path), ['token.editorConfig.user.id', 'token.editorConfig.user.group']);
  assert.ok(r.findings.every((f) => f.severity === 'info'));
  assert.match(r.findings[1].message, /no-break space/);
  assert.deepEqual(r.effectiveConfig.editorConfig.user, { id: 'u2', name: 'Smith', group: 'Support' });
});

test('partly signed user: only what is missing is named; a refused token has no user findings', () => {
  const partial = structuredClone(CONFIG);
  delete partial.editorConfig.user.group;
  assert.match(inspect(signed(partial)).findings[0].message, /\(group\)/);
  const bad = { ...CONFIG, token: jwt.sign({ document: { key: 'k1' } }, SECRET) };
  const r = inspect(bad);
  assert.equal(r.verdict.closeCode, 4006);
  assert.ok(!codes(r).includes('user_not_signed'));
});
