// A token whose payload is false-like (0, false, "", 0.0, -0), through
// kit.onlyoffice.inspectRequest and inspectConfig. jsonwebtoken 9.0.2
// verifies it and returns the value; every caller of DocsCoServer.js
// checkJwt then tests checkJwtRes.decoded for truth:
//   getRequestParams: `if (checkJwtRes.decoded)`, else res.code stays
//     constants.VKEY -> validateInputParams gives the command service's
//     Token error (6); convertRequest fills ConvertStatus(VKEY) (-8);
//     builderRequest answers its error (-8);
//   io.use: `if (!checkJwtRes.decoded)` -> "not authorized" with
//     checkJwtRes.code null (no close code).
// The truthy side (1, "0", an object) is let in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { kit } from '../helpers/common.mjs';

const NOW = 1700000000;
const SECRET = 'secret';
const b64u = (s) => Buffer.from(s).toString('base64url');
const signText = (text) => {
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(text)}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
};
const FALSY = ['0', 'false', '""', '0.0', '-0'];

test('inspectRequest: a false-like payload is refused as no token: command 6, converter -8, docbuilder -8', () => {
  const want = { command: 6, converter: -8, docbuilder: -8 };
  for (const text of FALSY) {
    for (const [kind, error] of Object.entries(want)) {
      const r = kit.onlyoffice.inspectRequest({ body: { token: signText(text) } }, SECRET, { kind, now: NOW });
      const where = `${kind} ${text}: ${JSON.stringify(r.verdict)}`;
      assert.equal(r.verdict.ok, false, where);
      assert.equal(r.verdict.error, error, where);
      assert.deepEqual(r.verdict.response, { error }, where);
      assert.equal(r.verdict.tokenUsed, 'body', where);
      assert.match(r.verdict.message, /false-like/, where);
      assert.deepEqual(r.findings.map((f) => f.code), ['falsy_payload'], where);
      assert.equal(r.tokens[0].valid, false, where);
      assert.equal(r.tokens[0].serverError, null, where);
      assert.equal(r.tokens[0].code, 'falsy_payload', where);
      assert.equal(r.effectiveBody, null, where);
    }
  }
  // The same from the Authorization header (checkJwtHeader -> checkJwt).
  const h = kit.onlyoffice.inspectRequest({ headers: { Authorization: `Bearer ${signText('0')}` }, body: '' }, SECRET,
    { kind: 'command', now: NOW });
  assert.equal(h.verdict.error, 6);
  assert.equal(h.verdict.tokenUsed, 'header');
});

test('inspectRequest: truthy payloads pass the token check (1, "0", the command itself)', () => {
  for (const text of ['1', '"0"']) {
    const r = kit.onlyoffice.inspectRequest({ body: { token: signText(text) } }, SECRET, { kind: 'command', now: NOW });
    // Let in, then refused for the missing key (error 1), not for the token.
    assert.equal(r.verdict.error, 1, text);
    assert.ok(!r.findings.some((f) => f.code === 'falsy_payload'), text);
    assert.equal(r.tokens[0].valid, true, text);
  }
  const ok = kit.onlyoffice.inspectRequest({ body: { token: signText('{"c":"info","key":"k1"}') } }, SECRET,
    { kind: 'command', now: NOW });
  assert.equal(ok.verdict.ok, true);
  assert.equal(ok.verdict.error, 0);
});

test('inspectConfig and verify: a false-like config token is "not authorized" (io.use), with no close code', () => {
  const config = {
    document: { fileType: 'docx', key: 'k1', title: 'a.docx', url: 'https://example.com/a.docx' },
    documentType: 'word',
    editorConfig: { callbackUrl: 'https://example.com/cb', mode: 'edit' },
  };
  for (const text of FALSY) {
    const r = kit.onlyoffice.inspectConfig({ ...config, token: signText(text) }, { secret: SECRET, now: NOW });
    assert.deepEqual(r.verdict, {
      ok: false, closeCode: null, editorError: null, message: r.verdict.message,
      code: 'config_verdict', params: { frame: 'none', reason: 'falsy_payload' },
    }, text);
    assert.match(r.verdict.message, /^not authorized/, text);
    assert.equal(r.token.valid, false, text);
    assert.equal(r.token.serverError, null, text);
    assert.equal(r.token.kind, 'none', text);
    assert.deepEqual(r.findings.map((f) => f.code), ['falsy_payload'], text);
    const v = kit.verify(signText(text), SECRET, { profile: 'onlyoffice', now: NOW });
    assert.equal(v.valid, false, text);
    assert.equal(v.errors[0].code, 'falsy_payload', text);
  }
});
