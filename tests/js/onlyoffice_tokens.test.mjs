// kit.onlyoffice.tokenKind, tokenKinds and inspectBrowserToken: the tokens
// of the editor page's methods (insertImage, setHistoryData,
// setRevisedFile, ...) recognised from their payload and judged on their
// kind's channel as DocService does (canvasservice.js commandImgurls,
// downloadAs, downloadFile; DocsCoServer.js auth), on
// tests/vectors/browser_tokens.json; the tokens are signed here with
// jsonwebtoken, an implementation independent of ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { OojwtError } from '../../web/lib/oojwt.mjs';
import { kit, readVector } from '../helpers/common.mjs';

const vectors = readVector('browser_tokens.json');
const NOW = 1700000000;

function tokenOf(v) {
  const t = jwt.sign(v.payload, 'secret', { algorithm: 'HS256', noTimestamp: true });
  if (v.cutSignature === undefined) return t;
  return t.slice(0, t.lastIndexOf('.') + 1 + v.cutSignature);
}

for (const v of vectors.tests) {
  test(`browser token ${v.id}: ${v.comment}`, () => {
    const token = tokenOf(v);
    const r = kit.onlyoffice.inspectBrowserToken(token, {
      secret: v.secret ?? 'secret',
      now: NOW,
      kind: v.kind,
      serverConfig: v.enableBrowser === false
        ? kit.onlyoffice.readServerConfig('{"services":{"CoAuthoring":{"token":{"enable":{"browser":false}}}}}')
        : undefined,
      serverVersion: v.serverVersion ? `${Math.floor(v.serverVersion / 100)}.${v.serverVersion % 100}` : undefined,
    });
    const e = v.expect;
    if ('guess' in e) assert.equal(r.kind.guessed, e.guess);
    if (e.confidence) assert.equal(r.kind.confidence, e.confidence);
    if (e.candidates) assert.deepEqual(r.kind.candidates, e.candidates);
    assert.equal(r.kind.kind, e.kind);
    assert.equal(r.kind.chosen, e.chosen === true);
    assert.equal(r.verdict.ok, e.ok, r.verdict.message);
    if ('checked' in e) assert.equal(r.verdict.checked, e.checked);
    assert.equal(r.verdict.channel, e.channel);
    for (const k of ['closeCode', 'editorError', 'serverError', 'httpStatus']) {
      if (k in e) assert.equal(r.verdict[k], e[k], k);
    }
    assert.deepEqual(r.findings.map((f) => f.code), v.findings);
    assert.equal(typeof r.reads, 'string');
    // The kind of the same token, and of its payload alone, is the same guess.
    const byToken = kit.onlyoffice.tokenKind(token);
    const byPayload = kit.onlyoffice.tokenKind(v.payload);
    for (const g of [byToken, byPayload]) {
      assert.equal(g.kind, r.kind.guessed);
      assert.equal(g.confidence, r.kind.confidence);
      assert.deepEqual(g.candidates, r.kind.candidates);
    }
  });
}

test('tokenKind: the example token of ONLYOFFICE\'s JWT article is an insertImage token, not a config', () => {
  const token = tokenOf(vectors.tests[0]);
  const g = kit.onlyoffice.tokenKind(token);
  assert.equal(g.kind, 'insertImage');
  assert.equal(g.confidence, 'likely');
  assert.match(g.why, /png/);
  // And inspectConfig is not where it belongs: a config has document.key.
  const r = kit.onlyoffice.inspectBrowserToken(token, { secret: 'secret', now: NOW });
  assert.equal(r.verdict.editorError, -20);
  assert.equal(r.verdict.serverError, -121);
});

test('tokenKinds: every kind once, with its channel and what Document Server reads', () => {
  const kinds = kit.onlyoffice.tokenKinds();
  assert.deepEqual(kinds.map((k) => k.kind), ['config', 'refreshFile', 'insertImage', 'setHistoryData',
    'setRevisedFile', 'setRequestedDocument', 'setRequestedSpreadsheet', 'setReferenceData',
    'setMailMergeRecipients', 'downloadFile']);
  assert.equal(kinds.find((k) => k.kind === 'insertImage').channel, 'imgurls');
  assert.ok(kinds.every((k) => typeof k.reads === 'string' && typeof k.label === 'string'));
  assert.ok(Object.isFrozen(kinds));
});

test('inspectBrowserToken: setReferenceSource is setReferenceData; an unknown kind, a missing secret and wrong types are TypeErrors', () => {
  const token = jwt.sign({ fileType: 'xlsx', url: 'https://example.com/a.xlsx' }, 'secret', { noTimestamp: true });
  const r = kit.onlyoffice.inspectBrowserToken(token, { secret: 'secret', kind: 'setReferenceSource', now: NOW });
  assert.equal(r.kind.kind, 'setReferenceData');
  assert.equal(r.kind.chosen, true);
  assert.throws(() => kit.onlyoffice.inspectBrowserToken(token, { secret: 'secret', kind: 'insertimage' }), TypeError);
  assert.throws(() => kit.onlyoffice.inspectBrowserToken(token, {}), TypeError);
  assert.throws(() => kit.onlyoffice.inspectBrowserToken(42, { secret: 'secret' }), TypeError);
  assert.throws(() => kit.onlyoffice.tokenKind([1]), TypeError);
  assert.throws(() => kit.onlyoffice.tokenKind(null), TypeError);
  // Text that is no token and no payload: unknown, no candidates.
  assert.deepEqual(kit.onlyoffice.tokenKind('secret').candidates, []);
  assert.ok(!(kit.onlyoffice.tokenKind('secret') instanceof OojwtError));
});

test('inspectBrowserToken: the server config gives the secret and the flags', () => {
  const local = '{"services":{"CoAuthoring":{"secret":{"inbox":{"string":"s3cr3t-0123456789"}},"token":{"enable":{"browser":true}}}}}';
  const token = jwt.sign({ c: 'add', images: [{ fileType: 'png', url: 'https://example.com/a.png' }] }, 's3cr3t-0123456789',
    { noTimestamp: true });
  const r = kit.onlyoffice.inspectBrowserToken(token, { serverConfig: local, now: NOW });
  assert.equal(r.verdict.ok, true);
  assert.equal(r.token.valid, true);
  assert.deepEqual(r.token.payload.images[0].url, 'https://example.com/a.png');
});
