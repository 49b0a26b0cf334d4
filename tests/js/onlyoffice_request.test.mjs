// kit.onlyoffice.inspectRequest: requests to Document Server and its
// callbacks judged as their receivers judge them
// (tests/vectors/onlyoffice_requests.json); the tokens are signed here with
// jsonwebtoken, an implementation independent of ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { OojwtError } from '../../web/lib/oojwt.mjs';
import { kit, readVector, subset } from '../helpers/common.mjs';

const vectors = readVector('onlyoffice_requests.json');

const pad = (v) => {
  if (typeof v === 'string') return v.replace(/<<PAD:(\d+)>>/g, (_, n) => 'x'.repeat(Number(n)));
  if (Array.isArray(v)) return v.map(pad);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, pad(x)]));
  return v;
};

/** Sign the scenario's tokens at `now` with jsonwebtoken. */
function makeTokens(spec, now) {
  const out = {};
  for (const [name, t] of Object.entries(spec)) {
    const payload = pad(structuredClone(t.payload));
    if (t.iatIn !== undefined) payload.iat = now + t.iatIn;
    if (t.expIn !== undefined) payload.exp = now + t.expIn;
    // noTimestamp deletes an iat the payload has: keep it when the scenario
    // sets one (as the C runner, tests/c/test_requests.c, signs it).
    out[name] = jwt.sign(payload, t.secret, { algorithm: t.alg ?? 'HS256', noTimestamp: t.iatIn === undefined });
  }
  return out;
}

const fill = (v, tokens) => {
  if (typeof v === 'string') return v.replace(/\{\{(T\d+)\}\}/g, (_, n) => tokens[n]);
  if (Array.isArray(v)) return v.map((x) => fill(x, tokens));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, tokens)]));
  return v;
};

for (const v of vectors.tests) {
  test(`inspectRequest #${v.id} (${v.kind}): ${v.comment}`, () => {
    const now = v.now ?? Math.floor(Date.now() / 1000);
    const tokens = makeTokens(v.tokens, now);
    const request = fill(v.request, tokens);
    const options = { kind: v.kind };
    if (v.now !== null) options.now = v.now;
    if (v.serverConfig !== undefined) options.serverConfig = v.serverConfig;
    const r = kit.onlyoffice.inspectRequest(request, v.secret, options);
    const why = JSON.stringify({ verdict: r.verdict, findings: r.findings, tokens: r.tokens.map(({ token, payload, ...t }) => t) }, null, 1);
    assert.deepEqual(Object.keys(r), ['kind', 'verdict', 'findings', 'tokens', 'effectiveBody', 'connectors', 'sender']);
    assert.equal(r.connectors.length, v.kind === 'callback' ? kit.onlyoffice.connectors().connectors.length : 0);
    assert.equal(r.kind, v.kind);
    subset(r.verdict, v.expect, 'verdict');
    if (v.findings !== null) assert.deepEqual(r.findings.map((f) => f.code), v.findings, why);
    if (v.tokensFound !== undefined) {
      assert.equal(r.tokens.length, v.tokensFound.length, why);
      v.tokensFound.forEach((t, i) => subset(r.tokens[i], t, `tokens[${i}]`));
    }
    if (v.effective === null) assert.equal(r.effectiveBody, null);
    else if (v.effective !== undefined) subset(r.effectiveBody, v.effective, 'effectiveBody');
    if (v.messageHas) assert.ok(r.verdict.message.includes(v.messageHas), why);
    // Invariants: at most one token counts, and it is the one named; a
    // request refused for its token has no effective body (with inbox
    // tokens off there is no token check: the plain request is the body,
    // even when a field of it is refused); findings are complete.
    const counting = r.tokens.filter((t) => t.counts);
    const tokensOff = r.findings.some((f) => f.code === 'tokens_disabled');
    assert.ok(counting.length <= 1);
    assert.equal(r.verdict.tokenUsed, counting[0]?.place ?? null);
    if (!r.verdict.ok && !counting[0]?.valid && !(tokensOff && v.kind !== 'callback')) assert.equal(r.effectiveBody, null, why);
    if (r.verdict.ok && counting.length > 0 && !tokensOff) assert.equal(counting[0].valid, true);
    for (const f of r.findings) {
      assert.ok(['error', 'warning', 'info'].includes(f.severity), f.code);
      assert.ok(f.message.length > 20 && f.fix.length > 10 && f.path.length > 0, f.code);
    }
    for (const t of r.tokens) {
      if (t.token !== null && v.noSecret) {
        // DocsCoServer.js checkJwt with no secret: jsonwebtoken itself says why.
        assert.throws(() => jwt.verify(t.token, undefined, { clockTolerance: 60, clockTimestamp: now }),
          (e) => e.message === t.serverMessage, `token at ${t.place}`);
        assert.equal(t.valid, false);
      } else if (t.token !== null) {
        assert.equal(t.length, Buffer.byteLength(t.token));
        // Each token carries the DS profile's own verdict on it.
        const ds = kit.verify(t.token, v.secret ?? 'secret', { profile: 'onlyoffice', now, clockTolerance: v.kind === 'callback' ? 0 : 60 });
        assert.equal(t.valid, ds.valid, `token at ${t.place}`);
        assert.equal(t.serverMessage, ds.serverMessage);
      }
    }
  });
}

test('inspectRequest: the JSON body or the {headers, body} object give one answer', () => {
  const t = jwt.sign({ c: 'info', key: 'k1' }, 'secret', { noTimestamp: true });
  const a = kit.onlyoffice.inspectRequest({ body: { c: 'info', key: 'k1', token: t } }, 'secret', { kind: 'command', now: 1700000000 });
  const b = kit.onlyoffice.inspectRequest(JSON.stringify({ c: 'info', key: 'k1', token: t }), 'secret', { kind: 'command', now: 1700000000 });
  const c = kit.onlyoffice.inspectRequest({ body: JSON.stringify({ c: 'info', key: 'k1', token: t }) }, 'secret', { kind: 'command', now: 1700000000 });
  const d = kit.onlyoffice.inspectRequest({ body: new TextEncoder().encode(JSON.stringify({ c: 'info', key: 'k1', token: t })) }, new TextEncoder().encode('secret'), { kind: 'command', now: 1700000000 });
  assert.deepEqual(a, b);
  assert.deepEqual(a, c);
  assert.deepEqual(a, d);
  assert.equal(a.verdict.ok, true);
});

test('inspectRequest: a body object holding half an emoji is read as JSON.parse reads it (a warning, the half kept)', () => {
  // JSON.stringify of 'Team 🌍'.slice(0, 6) writes "Team \ud83c"; DS's JSON.parse (DocsCoServer.js) reads it.
  const name = 'Team \ud83c';
  const token = jwt.sign({ c: 'info', key: 'k1', userdata: name }, 'secret', { noTimestamp: true });
  const body = { c: 'info', key: 'k1', userdata: name, token };
  for (const request of [{ headers: { 'Content-Type': 'application/json' }, body },
    { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }]) {
    const r = kit.onlyoffice.inspectRequest(request, 'secret', { kind: 'command', now: 1700000000 });
    assert.equal(r.verdict.ok, true, JSON.stringify(r.findings));
    assert.deepEqual(r.findings.map((f) => [f.code, f.severity, f.path]), [['lone_surrogate', 'warning', 'userdata']]);
    assert.equal(r.effectiveBody.userdata, name, 'the payload keeps the same half character');
  }
});

test('inspectRequest: headers as pairs, Map, Headers; repeated headers combine as in Node', () => {
  const good = jwt.sign({ c: 'info', key: 'k1' }, 'secret', { noTimestamp: true });
  const bad = jwt.sign({ c: 'info', key: 'k1' }, 'other', { noTimestamp: true });
  const opts = { kind: 'command', now: 1700000000 };
  for (const headers of [
    [['authorization', `Bearer ${good}`]],
    new Map([['Authorization', `Bearer ${good}`]]),
    new Headers({ Authorization: `Bearer ${good}` }),
    { AUTHORIZATION: [`Bearer ${good}`, `Bearer ${bad}`] },        // Node keeps the first Authorization
  ]) {
    assert.equal(kit.onlyoffice.inspectRequest({ headers }, 'secret', opts).verdict.ok, true);
  }
  // A custom header repeated is joined with ", " (and then no longer a token).
  const joined = kit.onlyoffice.inspectRequest({ headers: [['X-Jwt', `Bearer ${good}`], ['X-Jwt', 'Bearer x']] },
    'secret', { ...opts, serverConfig: 'JWT_SECRET=secret\nJWT_HEADER=X-Jwt\n' });
  assert.equal(joined.verdict.ok, false);
  assert.equal(joined.tokens[0].token, `${good}, Bearer x`);
});

test('inspectRequest: the secret from serverConfig (inbox for requests, outbox for callbacks); argument errors', () => {
  const local = JSON.stringify({ services: { CoAuthoring: {
    token: { enable: { request: { inbox: true, outbox: true } } },
    secret: { inbox: { string: 'in' }, outbox: { string: 'out' } },
  } } });
  const cmd = jwt.sign({ c: 'info', key: 'k1' }, 'in', { noTimestamp: true });
  const cb = jwt.sign({ key: 'k1', status: 1 }, 'out', { noTimestamp: true });
  const server = kit.onlyoffice.readServerConfig(local);
  assert.equal(kit.onlyoffice.inspectRequest({ body: { token: cmd } }, null, { kind: 'command', serverConfig: server }).verdict.ok, true);
  assert.equal(kit.onlyoffice.inspectRequest({ body: { token: cb } }, undefined, { kind: 'callback', serverConfig: local }).verdict.ok, true);
  assert.equal(kit.onlyoffice.inspectRequest({ body: { token: cb } }, null, { kind: 'command', serverConfig: local }).verdict.error, 6);
  // A secret given wins over the server config's.
  assert.equal(kit.onlyoffice.inspectRequest({ body: { token: cmd } }, 'out', { kind: 'command', serverConfig: local }).verdict.ok, false);
  assert.throws(() => kit.onlyoffice.inspectRequest({ body: {} }, 'secret', {}), TypeError, 'kind is required');
  assert.throws(() => kit.onlyoffice.inspectRequest({ body: {} }, 'secret', { kind: 'upload' }), TypeError);
  assert.throws(() => kit.onlyoffice.inspectRequest({ body: {} }, null, { kind: 'command' }), TypeError, 'no secret');
  assert.throws(() => kit.onlyoffice.inspectRequest(42, 'secret', { kind: 'command' }), TypeError);
  assert.throws(() => kit.onlyoffice.inspectRequest({ headers: 'Authorization: x' }, 'secret', { kind: 'command' }), TypeError);
  assert.throws(() => kit.onlyoffice.inspectRequest({ headers: { A: { b: 1 } } }, 'secret', { kind: 'command' }), TypeError);
  assert.throws(() => kit.onlyoffice.inspectRequest({ body: 5 }, 'secret', { kind: 'command' }), TypeError);
  assert.throws(() => kit.onlyoffice.inspectRequest({}, 'secret', { kind: 'command', clockTolerance: -1 }), TypeError);
  assert.throws(() => kit.onlyoffice.inspectRequest({}, 'secret', { kind: 'command', now: NaN }), TypeError);
  // A raw JSON text of the wrong shape is a body, not an error.
  assert.equal(kit.onlyoffice.inspectRequest('{"headers": 5}', 'secret', { kind: 'command', now: 1 }).verdict.error, 6);
  assert.throws(() => kit.onlyoffice.inspectRequest('x', 'secret', { kind: 'command', now: Infinity }), TypeError);
  assert.ok(new OojwtError('bad_argument', 'x') instanceof Error);
});

test('inspectRequest: options.clockTolerance overrides the defaults (60 inbox, 0 callbacks)', () => {
  const now = 1700000000;
  const cb = jwt.sign({ key: 'k1', status: 1, exp: now - 30 }, 'secret');
  assert.equal(kit.onlyoffice.inspectRequest({ body: { token: cb } }, 'secret', { kind: 'callback', now }).verdict.httpStatus, 403);
  assert.equal(kit.onlyoffice.inspectRequest({ body: { token: cb } }, 'secret', { kind: 'callback', now, clockTolerance: 60 }).verdict.ok, true);
  const cmd = jwt.sign({ c: 'info', key: 'k1', exp: now - 30 }, 'secret');
  assert.equal(kit.onlyoffice.inspectRequest({ body: { token: cmd } }, 'secret', { kind: 'command', now, clockTolerance: 0 }).verdict.error, 7);
  const local = JSON.stringify({ services: { CoAuthoring: { token: { enable: { request: { inbox: true } }, verifyOptions: { clockTolerance: 10 } } } } });
  assert.equal(kit.onlyoffice.inspectRequest({ body: { token: cmd } }, 'secret', { kind: 'command', now, serverConfig: local }).verdict.error, 7);
});

test('inspectRequest and inspectConfig: verifyOptions.clockTolerance as DS\'s jsonwebtoken uses it (differential)', () => {
  const now = 1700000000;
  const secret = 'secret';
  const expired = jwt.sign({ c: 'info', key: 'k1', exp: now - 30 }, secret);
  const config = { document: { fileType: 'docx', key: 'k1', url: 'https://example.com/a.docx' }, documentType: 'word' };
  const signedConfig = { ...config, token: jwt.sign({ ...config, exp: now - 30 }, secret) };
  for (const tol of ['60', '', '0', true, false, null, [], [5], {}, 30, 31, 0]) {
    const local = JSON.stringify({ services: { CoAuthoring: { token: {
      enable: { browser: true, request: { inbox: true } }, verifyOptions: { clockTolerance: tol },
    } } } });
    let accepts = true;
    try {
      jwt.verify(expired, secret, { clockTolerance: tol, clockTimestamp: now });
    } catch {
      accepts = false;
    }
    const r = kit.onlyoffice.inspectRequest({ body: { token: expired } }, secret, { kind: 'command', now, serverConfig: local });
    assert.equal(r.verdict.ok, accepts, `clockTolerance ${JSON.stringify(tol)}: jsonwebtoken ${accepts ? 'accepts' : 'refuses'}`);
    if (!accepts) assert.equal(r.verdict.error, 7);
    const c = kit.onlyoffice.inspectConfig(signedConfig, { secret, now, serverConfig: local });
    assert.equal(c.verdict.closeCode === 4005, !accepts, `inspectConfig, clockTolerance ${JSON.stringify(tol)}`);
  }
});

test('inspectRequest converter: outputtype as formatchecker.js getFormatFromString reads it (tests/vectors/ds_formats.json), any case', () => {
  const formats = readVector('ds_formats.json');
  const now = 1700000000;
  const names = Object.values(formats.families).flat();
  const convert = (outputtype) => {
    const t = jwt.sign({ filetype: 'docx', key: 'k1', url: 'https://example.com/a.docx', outputtype }, 'secret', { noTimestamp: true });
    return kit.onlyoffice.inspectRequest({ body: { token: t } }, 'secret', { kind: 'converter', now }).verdict;
  };
  for (const name of names) {
    const mixed = [...name].map((ch, i) => (i % 2 ? ch.toUpperCase() : ch)).join('');
    for (const variant of [name, name.toUpperCase(), mixed, name.replaceAll('k', '\u212A')]) {
      // The server lowers what it gets: each variant is the name to it.
      assert.equal(variant.toLowerCase(), name);
      assert.equal(convert(variant).ok, true, `outputtype ${JSON.stringify(variant)}`);
    }
  }
  for (const name of formats.unknown) {
    assert.ok(!names.includes(name.toLowerCase()), name);
    const v = convert(name);
    assert.equal(v.ok, false, `outputtype ${JSON.stringify(name)}`);
    assert.equal(v.error, -7);
  }
  // The finding quotes the name: 40 bytes at most, whole UTF-8 characters.
  for (const [outputtype, quoted] of [[`p\u00e9${'x'.repeat(60)}`, `p\u00e9${'x'.repeat(37)}`],
    [`p${'x'.repeat(38)}\u00e9z`, `p${'x'.repeat(38)}`], ['\u212Ae', '\u212Ae']]) {
    const t = jwt.sign({ filetype: 'docx', key: 'k1', url: 'https://example.com/a.docx', outputtype }, 'secret', { noTimestamp: true });
    const f = kit.onlyoffice.inspectRequest({ body: { token: t } }, 'secret', { kind: 'converter', now }).findings[0];
    assert.equal(f.path, 'outputtype');
    assert.ok(f.message.startsWith(`outputtype "${quoted}" is no format`), f.message);
  }
  // A truthy outputtype that is no string: toLowerCase throws, the catch answers -1.
  for (const outputtype of [1, true, ['pdf'], { pdf: 1 }]) assert.equal(convert(outputtype).error, -1, JSON.stringify(outputtype));
});

test('inspectRequest: a field sent unsigned is named (converterservice.js convertRequest outputtype, validateInputParams key)', () => {
  const now = 1700000000;
  const conv = jwt.sign({ filetype: 'docx', key: 'k1', url: 'https://example.com/a.docx' }, 'secret', { noTimestamp: true });
  const r = kit.onlyoffice.inspectRequest({ body: { outputtype: 'pdf', token: conv } }, 'secret', { kind: 'converter', now });
  assert.equal(r.verdict.error, -7);
  const f = r.findings.find((x) => x.code === 'bad_request_field');
  assert.equal(f.path, 'outputtype');
  assert.match(f.message, /in the request body but not in the token/);
  const cmd = jwt.sign({ c: 'info' }, 'secret', { noTimestamp: true });
  const k = kit.onlyoffice.inspectRequest({ body: { c: 'info', key: 'k1', token: cmd } }, 'secret', { kind: 'command', now });
  assert.equal(k.verdict.error, 1);
  assert.match(k.findings.find((x) => x.code === 'bad_request_field').message, /in the request body but not in the token/);
  // The key missing everywhere is said otherwise.
  const none = kit.onlyoffice.inspectRequest({ body: { c: 'info', token: cmd } }, 'secret', { kind: 'command', now });
  assert.doesNotMatch(none.findings.find((x) => x.code === 'bad_request_field').message, /not in the token/);
});

test('inspectRequest and inspectConfig: an empty secret.inbox.string is no secret (utils.getSecretByElem), not a zero-length key', () => {
  const now = 1700000000;
  const local = '{"services":{"CoAuthoring":{"secret":{"inbox":{"string":""}},"token":{"enable":{"browser":true,"request":{"inbox":true}}}}}}';
  const server = kit.onlyoffice.readServerConfig(local);
  assert.equal(server.secrets.inbox.source, 'none');
  assert.ok(server.findings.some((f) => f.code === 'no_secret'));
  const emptyKey = createSecretKey(Buffer.alloc(0));
  const config = { document: { fileType: 'docx', key: 'k1', url: 'https://example.com/a.docx' }, documentType: 'word' };
  for (const key of ['secret', emptyKey]) {
    const signed = { ...config, token: jwt.sign(config, key, { noTimestamp: true }) };
    // DocsCoServer.js checkJwt: jwt.verify(token, utils.getJwtHsKey(undefined) = undefined, verifyOptions).
    assert.throws(() => jwt.verify(signed.token, undefined, { clockTolerance: 60 }), { message: 'secret or public key must be provided' });
    const c = kit.onlyoffice.inspectConfig(signed, { serverConfig: server, now });
    assert.equal(c.verdict.ok, false);
    assert.equal(c.verdict.closeCode, 4006);
    assert.equal(c.verdict.editorError, -20);
    assert.equal(c.token.serverMessage, 'secret or public key must be provided');
    assert.deepEqual(c.findings.map((f) => f.code).slice(0, 2), ['no_secret', 'bad_signature']);
    assert.deepEqual(kit.onlyoffice.inspectConfig(signed, { serverConfig: local, now }), c);
    const cmd = jwt.sign({ c: 'info', key: 'k1' }, key, { noTimestamp: true });
    const r = kit.onlyoffice.inspectRequest({ body: { token: cmd } }, undefined, { kind: 'command', serverConfig: server, now });
    assert.equal(r.verdict.error, 6);
    assert.equal(r.tokens[0].serverMessage, 'secret or public key must be provided');
    const conv = jwt.sign({ filetype: 'docx', key: 'k1', url: 'https://example.com/a.docx', outputtype: 'pdf' }, key, { noTimestamp: true });
    assert.equal(kit.onlyoffice.inspectRequest({ body: { token: conv } }, null, { kind: 'converter', serverConfig: local, now }).verdict.error, -8);
  }
  // The zero-length key itself (a tenant's empty secret file) accepts the token MACed with it.
  const withEmpty = jwt.sign({ c: 'info', key: 'k1' }, emptyKey, { noTimestamp: true });
  assert.equal(kit.onlyoffice.inspectRequest({ body: { token: withEmpty } }, '', { kind: 'command', now }).verdict.ok, true);
  // An unsigned token: jsonwebtoken asks for "none" in algorithms first.
  const unsigned = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"c":"info","key":"k1"}').toString('base64url')}.`;
  let expected;
  try { jwt.verify(unsigned, undefined, { clockTolerance: 60 }); } catch (e) { expected = e.message; }
  const u = kit.onlyoffice.inspectRequest({ body: { token: unsigned } }, undefined, { kind: 'command', serverConfig: server, now });
  assert.equal(u.tokens[0].serverMessage, expected);
  assert.equal(u.verdict.error, 6);
  // No token and browser tokens on: "jwt must be provided", and the finding.
  const bare = kit.onlyoffice.inspectConfig(config, { serverConfig: server, now });
  assert.equal(bare.verdict.closeCode, 4006);
  assert.ok(bare.findings.some((f) => f.code === 'no_secret'));
  // A secret given wins over the server config's (none).
  const signed = { ...config, token: jwt.sign(config, 'secret', { noTimestamp: true }) };
  assert.equal(kit.onlyoffice.inspectConfig(signed, { serverConfig: server, secret: 'secret', now }).verdict.ok, true);
  // A secret in a file oojwt cannot read is still asked for.
  const fromFile = kit.onlyoffice.readServerConfig('{"services":{"CoAuthoring":{"secret":{"inbox":{"string":"","file":"/run/secret"}}}}}');
  assert.throws(() => kit.onlyoffice.inspectConfig(signed, { serverConfig: fromFile, now }), TypeError);
  assert.throws(() => kit.onlyoffice.inspectRequest({ body: {} }, undefined, { kind: 'command', serverConfig: fromFile, now }), TypeError);
});
