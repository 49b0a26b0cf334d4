// Document Server's verifyOptions, passed whole to jsonwebtoken: DocService's
// checkJwt (DocsCoServer.js) calls
//   jwt.verify(token, utils.getJwtHsKey(secret), services.CoAuthoring.token.verifyOptions)
// so every option of jsonwebtoken 9.0.2's verify.js changes verdicts. The DS
// profile (src/ds/verify_options.c) against jsonwebtoken itself, called that
// way: a table of options x tokens, then seeded random options and tokens
// (DS_SEED replays a run). Accept/reject, error class, message and the
// decoded value (complete: {header, payload, signature}) must agree. Then
// readServerConfig's report of each option, and inspectConfig /
// inspectRequest with a serverConfig carrying options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { kit, NOW, SECRET, b64u } from '../helpers/common.mjs';
import { mac, mulberry32 } from '../helpers/ds_random.mjs';

/** jsonwebtoken as DS calls it, with Date.now() pinned to `now` (DS passes
 * no clockTimestamp; lib/timespan.js reads Date.now() for an iat of 0). */
function reference(token, secret, now, options) {
  const realNow = Date.now;
  Date.now = () => now * 1000;
  try {
    const d = jwt.verify(token, createSecretKey(Buffer.from(secret, 'utf8')), JSON.parse(JSON.stringify(options)));
    return { valid: true, decoded: d };
  } catch (e) {
    return { valid: false, name: e.name, message: e.message };
  } finally {
    Date.now = realNow;
  }
}

function tokenOf(headerText, payloadText, macAlg = 'HS256', secret = SECRET) {
  const input = `${b64u(Buffer.from(headerText))}.${b64u(Buffer.from(payloadText))}`;
  return `${input}.${mac(input, secret, macAlg)}`;
}

function agree(token, now, options, label) {
  const want = reference(token, SECRET, now, options);
  const got = kit.verify(token, SECRET, { profile: 'onlyoffice', now, verifyOptions: options });
  const where = `${label}\noptions: ${JSON.stringify(options)}\ntoken: ${token}\nnow ${now}\nwant ${JSON.stringify(want)}\ngot ${got.valid ? 'accepted' : `${got.serverError}: ${got.serverMessage}`}`;
  assert.equal(got.valid, want.valid, where);
  if (want.valid) {
    if (options?.complete === true) {
      assert.deepEqual(got.decoded, want.decoded, where);
    } else {
      assert.equal(got.decoded, undefined, where);
      assert.deepEqual(got.payload, want.decoded, where);
    }
  } else {
    assert.equal(got.serverError, want.name, where);
    assert.equal(got.serverMessage, want.message, where);
    assert.equal(got.closeCode, want.name === 'TokenExpiredError' ? 4005 : want.name === 'JsonWebTokenError' ? 4006 : null, where);
  }
  return got;
}

// ---- the table ------------------------------------------------------------

const OPTIONS = [
  {}, null, { clockTolerance: 60 },
  { algorithms: ['HS256'] }, { algorithms: ['HS384', 'HS512'] }, { algorithms: 'HS256,HS384' }, { algorithms: 'undefined' },
  { algorithms: [] }, { algorithms: true }, { algorithms: {} }, { algorithms: 0 }, { algorithms: ['RS256', 'HS256'] },
  { algorithms: ['hs256', 'none', 'es256', 'rs256', 'Hs384'] }, { algorithms: [null, 256, ''] }, { algorithms: 'nullHS2' },
  { clockTolerance: '60' }, { clockTolerance: ' ' }, { clockTolerance: '' }, { clockTolerance: [5] }, { clockTolerance: [] },
  { clockTolerance: {} }, { clockTolerance: true }, { clockTolerance: -30 }, { clockTolerance: 1e9 }, { clockTolerance: 'e-5' },
  { clockTolerance: '0x10' }, { clockTolerance: 0.5 }, { clockTolerance: [' 7 '] },
  { clockTimestamp: NOW - 5000 }, { clockTimestamp: 'x' }, { clockTimestamp: 0 }, { clockTimestamp: NOW + 0.75 },
  { ignoreExpiration: true }, { ignoreNotBefore: 1 }, { ignoreExpiration: 'no' },
  { maxAge: 3600 }, { maxAge: '1h' }, { maxAge: '10s' }, { maxAge: 'bad' }, { maxAge: true }, { maxAge: '1.5 hours' },
  { maxAge: -1 }, { maxAge: '-2d' }, { maxAge: 30, clockTolerance: 60 },
  { audience: 'a' }, { audience: ['x', 'a'] }, { audience: 1 }, { audience: [null] }, { audience: {} }, { audience: [[1, 2], 'q'] },
  { issuer: 'i' }, { issuer: ['j', 'i'] }, { issuer: 5 }, { issuer: [] },
  { subject: 's' }, { subject: 7 }, { subject: ['s'] }, { subject: 1e21 },
  { jwtid: 'j' }, { nonce: 'n' }, { nonce: ' \u00a0' }, { nonce: 5 }, { nonce: null }, { nonce: '' },
  { complete: true }, { complete: 'true' }, { allowInvalidAsymmetricKeyTypes: 'x' }, { allowInvalidAsymmetricKeyTypes: true },
  { audience: 'a', issuer: 'i', subject: 's', jwtid: 'j', nonce: 'n', maxAge: '1d', clockTolerance: 60, complete: true },
];

const H = (alg) => JSON.stringify({ alg, typ: 'JWT' });
const TOKENS = [
  ['HS256, iat and exp', tokenOf(H('HS256'), JSON.stringify({ sub: 'u', iat: NOW - 10, exp: NOW + 3600 }))],
  ['HS384, expired 30 s ago', tokenOf(H('HS384'), JSON.stringify({ sub: 'u', iat: NOW - 7200, exp: NOW - 30 }), 'HS384')],
  ['HS512, expired an hour ago', tokenOf(H('HS512'), JSON.stringify({ exp: NOW - 3600 }), 'HS512')],
  ['nbf in 2 minutes', tokenOf(H('HS256'), JSON.stringify({ nbf: NOW + 120, iat: NOW }))],
  ['every claim the options compare', tokenOf(H('HS256'), JSON.stringify({ aud: 'a', iss: 'i', sub: 's', jti: 'j', nonce: 'n', iat: NOW - 100, exp: NOW + 60 }))],
  ['aud array, numeric sub', tokenOf(H('HS256'), JSON.stringify({ aud: ['b', 'a', null], sub: 7, iat: 0 }))],
  ['aud 1, sub 1e21, no iat', tokenOf(H('HS256'), JSON.stringify({ aud: 1, sub: 1e21, iss: 'j' }))],
  ['alg hs256 (lower case)', tokenOf(H('hs256'), JSON.stringify({ sub: 'u' }))],
  ['alg Hs384', tokenOf(H('Hs384'), JSON.stringify({ sub: 'u' }), 'HS384')],
  ['alg RS256', tokenOf(H('RS256'), JSON.stringify({ sub: 'u' }))],
  ['alg none with a signature', tokenOf(H('none'), JSON.stringify({ sub: 'u' }))],
  ['alg es256 (lower case)', tokenOf(H('es256'), JSON.stringify({ sub: 'u' }))],
  ['alg rs256 (lower case)', tokenOf(H('rs256'), JSON.stringify({ sub: 'u' }))],
  ['alg ""', tokenOf(H(''), JSON.stringify({ sub: 'u' }))],
  ['alg 256 (a number)', tokenOf(JSON.stringify({ alg: 256 }), JSON.stringify({ sub: 'u' }))],
  ['alg null', tokenOf(JSON.stringify({ alg: null }), JSON.stringify({ sub: 'u' }))],
  ['no alg', tokenOf(JSON.stringify({ typ: 'JWT' }), JSON.stringify({ sub: 'u' }))],
  ['payload a string (no typ)', tokenOf(JSON.stringify({ alg: 'HS256' }), 'plain text')],
  ['payload an array', tokenOf(H('HS256'), '[1,2]')],
  ['iat a string', tokenOf(H('HS256'), JSON.stringify({ iat: String(NOW) }))],
  ['exp with a fraction', tokenOf(H('HS256'), JSON.stringify({ exp: NOW - 59.5 }))],
  ['wrong secret', tokenOf(H('HS256'), JSON.stringify({ sub: 'u' }), 'HS256', 'other')],
  ['empty token', ''],
];

test(`${OPTIONS.length} verifyOptions x ${TOKENS.length} tokens agree with jsonwebtoken 9.0.2 as DS calls it`, () => {
  let n = 0;
  const outcomes = new Set();
  for (const options of OPTIONS) {
    for (const [name, token] of TOKENS) {
      for (const now of [NOW, NOW + 0.5]) {
        const got = agree(token, now, options, `table: ${name}`);
        outcomes.add(got.valid ? 'OK' : `${got.serverError}: ${got.serverMessage.split('.')[0]}`);
        n++;
      }
    }
  }
  // The table must reach what each option can decide, or it proves little.
  for (const k of ['OK', 'JsonWebTokenError: invalid algorithm', 'TokenExpiredError: jwt expired', 'TokenExpiredError: maxAge exceeded',
    'JsonWebTokenError: jwt audience invalid', 'JsonWebTokenError: jwt issuer invalid', 'JsonWebTokenError: jwt subject invalid',
    'JsonWebTokenError: jwt jwtid invalid', 'JsonWebTokenError: jwt nonce invalid', 'JsonWebTokenError: iat required when maxAge is specified',
    'JsonWebTokenError: nonce must be a non-empty string', 'JsonWebTokenError: clockTimestamp must be a number',
    'TypeError: options', 'TypeError: header', 'Error: Missing algorithm parameter for jws', 'NotBeforeError: jwt not active',
    'JsonWebTokenError: secretOrPublicKey must be an asymmetric key when using RS256']) {
    assert.ok(outcomes.has(k), `no case ended as ${k}: ${JSON.stringify([...outcomes])}`);
  }
  assert.ok(n > 3000);
});

// ---- seeded random options and tokens ------------------------------------

const SEED = process.env.DS_SEED !== undefined ? Number(process.env.DS_SEED) : (Date.now() ^ (process.pid << 8)) >>> 0;
console.log(`# verifyOptions differential seed: ${SEED} (replay with DS_SEED=${SEED})`);

function randomValue(rnd, kinds) {
  const pick = (x) => x[Math.floor(rnd() * x.length)];
  return pick(kinds);
}

function randomOptions(rnd) {
  const pick = (x) => x[Math.floor(rnd() * x.length)];
  const o = {};
  const maybe = (p) => rnd() < p;
  const scalars = ['a', 'b', '', ' ', 0, 1, -1, 7, 0.5, true, false, null, [], ['a'], ['a', 'b'], {}, 1e21, 'HS256'];
  if (maybe(0.3)) o.algorithms = pick([['HS256'], ['HS384'], ['HS256', 'HS384', 'HS512'], 'HS256', 'HS', 'hs256,HS512', [], ['hs256'], ['RS256'], 5, null]);
  if (maybe(0.4)) o.clockTolerance = pick([60, 0, -5, 5.5, 1e6, '60', '', ' ', '5', 'e-3', [1], [], {}, true, null]);
  if (maybe(0.15)) o.clockTimestamp = pick([NOW, NOW - 100, NOW + 100, NOW + 0.5, 0, 'x', null, true]);
  if (maybe(0.2)) o.ignoreExpiration = pick([true, false, 1, 'x', null]);
  if (maybe(0.2)) o.ignoreNotBefore = pick([true, false, 1, '', null]);
  if (maybe(0.25)) o.maxAge = pick([60, 3600, '1h', '30s', '2 days', '1.5m', 'x', '', 0, -10, true, [], '-1h', '100']);
  for (const [name, p] of [['audience', 0.25], ['issuer', 0.2], ['subject', 0.2], ['jwtid', 0.15], ['nonce', 0.15]]) {
    if (maybe(p)) o[name] = randomValue(rnd, scalars);
  }
  if (maybe(0.1)) o.complete = pick([true, false, 'true', 1]);
  if (maybe(0.05)) o.allowInvalidAsymmetricKeyTypes = pick([true, false, 'x', 0]);
  return o;
}

function randomToken(rnd) {
  const pick = (x) => x[Math.floor(rnd() * x.length)];
  const claim = () => pick(['a', 'b', 'u', '', ' ', 0, 1, 7, 0.5, true, null, ['a'], ['b', 'a'], [], {}, 1e21, -1]);
  const p = {};
  for (const name of ['aud', 'iss', 'sub', 'jti', 'nonce']) if (rnd() < 0.4) p[name] = claim();
  if (rnd() < 0.6) p.iat = pick([NOW - 10, NOW - 3600, NOW - 90000, NOW + 30, 0, String(NOW), null]);
  if (rnd() < 0.6) p.exp = pick([NOW + 3600, NOW - 30, NOW - 61, NOW - 3600, NOW + 0.5, NOW - 59.5]);
  if (rnd() < 0.2) p.nbf = pick([NOW + 30, NOW + 61, NOW - 10]);
  const alg = pick(['HS256', 'HS256', 'HS256', 'HS384', 'HS512', 'hs256', 'RS256', 'none', 'es256', '']);
  const macAlg = { HS384: 'HS384', HS512: 'HS512' }[alg] ?? 'HS256';
  return tokenOf(H(alg), JSON.stringify(p), macAlg, rnd() < 0.95 ? SECRET : 'other');
}

test(`seeded random verifyOptions and tokens agree with jsonwebtoken (seed ${SEED})`, () => {
  const rnd = mulberry32(SEED);
  const seen = new Map();
  for (let i = 0; i < 3000; i++) {
    const options = randomOptions(rnd);
    const token = randomToken(rnd);
    const now = NOW + [0, 0.5, -0.5, 45][Math.floor(rnd() * 4)];
    const got = agree(token, now, options, `seed ${SEED} case ${i}`);
    const key = got.valid ? 'OK' : `${got.serverError}: ${got.serverMessage.split('.')[0]}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const k of ['OK', 'TokenExpiredError: jwt expired', 'JsonWebTokenError: jwt audience invalid', 'TokenExpiredError: maxAge exceeded']) {
    assert.ok(seen.has(k), `seed ${SEED}: no case ended as ${k}: ${JSON.stringify([...seen])}`);
  }
  console.log(`# outcomes (seed ${SEED}): ${JSON.stringify(Object.fromEntries(seen))}`);
});

// ---- the API ----------------------------------------------------------------

test('kit.verify: verifyOptions or serverConfig, never both, nor with algorithms/clockTolerance; a RegExp cannot come from JSON', () => {
  const t = TOKENS[0][1];
  assert.throws(() => kit.verify(t, SECRET, { profile: 'onlyoffice', verifyOptions: {}, clockTolerance: 5 }), TypeError);
  assert.throws(() => kit.verify(t, SECRET, { profile: 'onlyoffice', verifyOptions: {}, algorithms: ['HS256'] }), TypeError);
  assert.throws(() => kit.verify(t, SECRET, { profile: 'onlyoffice', verifyOptions: {}, serverConfig: '{}' }), TypeError);
  assert.throws(() => kit.verify(t, SECRET, { profile: 'onlyoffice', verifyOptions: { audience: /a/ } }), TypeError);
  assert.throws(() => kit.verify(t, SECRET, { profile: 'onlyoffice', verifyOptions: 'x' }), TypeError);
  // readServerConfig's verifyOptions (default.json: clockTolerance 60).
  const cfg = JSON.stringify({ services: { CoAuthoring: { token: { verifyOptions: { algorithms: ['HS256'] } } } } });
  const hs384 = TOKENS[1][1];
  const r = kit.verify(hs384, SECRET, { profile: 'onlyoffice', now: NOW, serverConfig: cfg });
  assert.equal(r.serverMessage, 'invalid algorithm', 'an HS384 token fails on the algorithm, before its expiry');
  const shipped = kit.verify(hs384, SECRET, { profile: 'onlyoffice', now: NOW, serverConfig: '{}' });
  assert.equal(shipped.valid, true, 'with the shipped { clockTolerance: 60 }, 30 s past exp passes');
  const none = kit.verify(hs384, SECRET, { profile: 'onlyoffice', now: NOW, verifyOptions: null });
  assert.equal(none.serverMessage, 'jwt expired', 'no options: no tolerance');
});

// ---- readServerConfig reports each option -------------------------------------

test('readServerConfig: each verifyOptions member reported with its code and severity', () => {
  const rows = [
    [{ ignoreExpiration: true }, 'verify_ignore_expiration', 'warning'],
    [{ ignoreNotBefore: 1 }, 'verify_ignore_not_before', 'warning'],
    [{ ignoreExpiration: false }, 'verify_ignore_expiration', 'info'],
    [{ clockTolerance: 86400 }, 'verify_clock_tolerance', 'warning'],
    [{ clockTolerance: -5 }, 'verify_clock_tolerance', 'warning'],
    [{ clockTolerance: 30 }, 'verify_clock_tolerance', 'info'],
    [{ clockTolerance: '60' }, 'tolerance_not_number', 'error'],
    [{ clockTimestamp: 1700000000 }, 'verify_clock_timestamp', 'warning'],
    [{ clockTimestamp: 'now' }, 'verify_clock_timestamp', 'error'],
    [{ algorithms: ['HS256'] }, 'verify_algorithms', 'info'],
    [{ algorithms: ['RS256'] }, 'verify_algorithms', 'error'],
    [{ algorithms: 'HS256' }, 'verify_algorithms', 'warning'],
    [{ algorithms: true }, 'verify_algorithms', 'error'],
    [{ maxAge: '1h' }, 'verify_max_age', 'info'],
    [{ maxAge: '1 fortnight' }, 'verify_max_age', 'error'],
    [{ audience: 'docs' }, 'verify_audience', 'info'],
    [{ audience: {} }, 'verify_audience', 'error'],
    [{ issuer: 'me' }, 'verify_issuer', 'info'],
    [{ issuer: 5 }, 'verify_issuer', 'warning'],
    [{ subject: 's' }, 'verify_subject', 'info'],
    [{ jwtid: ['j'] }, 'verify_jwtid', 'error'],
    [{ nonce: ' ' }, 'verify_nonce', 'error'],
    [{ nonce: 'n' }, 'verify_nonce', 'info'],
    [{ complete: true }, 'verify_complete', 'error'],
    [{ complete: 'yes' }, 'verify_complete', 'info'],
    [{ allowInvalidAsymmetricKeyTypes: 'x' }, 'verify_other_option', 'error'],
    [{ clockTolerence: 60 }, 'verify_other_option', 'warning'],
  ];
  for (const [vo, code, severity] of rows) {
    const text = JSON.stringify({ services: { CoAuthoring: { token: { verifyOptions: vo } } } });
    const r = kit.onlyoffice.readServerConfig(text);
    const f = r.findings.filter((x) => x.code === code);
    assert.equal(f.length, 1, `${JSON.stringify(vo)}: ${code} in ${JSON.stringify(r.findings.map((x) => x.code))}`);
    assert.equal(f[0].severity, severity, `${JSON.stringify(vo)}: ${f[0].message}`);
    assert.ok(f[0].path.startsWith('services.CoAuthoring.token.verifyOptions'), f[0].path);
    assert.ok(f[0].message.length > 20 && f[0].fix.length > 5);
    // node-config merges objects: default.json's clockTolerance stays.
    assert.equal(r.verifyOptions.clockTolerance, vo.clockTolerance ?? 60);
  }
  const nul = kit.onlyoffice.readServerConfig('{"services":{"CoAuthoring":{"token":{"verifyOptions":null}}}}');
  assert.ok(nul.findings.some((x) => x.code === 'verify_other_option' && x.severity === 'warning'), 'null: no options at all');
  const plain = kit.onlyoffice.readServerConfig('{}');
  assert.deepEqual(plain.findings.filter((x) => x.code.startsWith('verify_')), [],
    'the shipped default ({ clockTolerance: 60 }) is not reported');
});

// ---- inspectConfig and inspectRequest follow DS ------------------------------

function configToken(payload, alg = 'HS256') {
  return tokenOf(H(alg), JSON.stringify(payload), alg, 'secret');
}

const CONFIG = {
  document: { fileType: 'docx', key: 'k1', title: 'a.docx', url: 'https://example.com/a.docx' },
  documentType: 'word',
  editorConfig: { callbackUrl: 'https://example.com/cb', mode: 'edit' },
};

function server(verifyOptions, extra = {}) {
  return JSON.stringify({ services: { CoAuthoring: { token: { verifyOptions, enable: { browser: true, request: { inbox: true } } }, secret: { inbox: { string: 'secret' } }, ...extra } } });
}

test('inspectConfig with serverConfig: verifyOptions decide as in DocService auth()', () => {
  const iat = NOW - 7200;
  const cfg = { ...CONFIG, token: configToken({ ...CONFIG, iat, exp: NOW - 3600 }) };
  const judge = (vo, extra) => kit.onlyoffice.inspectConfig(cfg, { serverConfig: server(vo, extra), now: NOW }).verdict;
  assert.equal(judge({}).closeCode, 4005, 'expired');
  assert.equal(judge({ ignoreExpiration: true }).ok, true, 'ignoreExpiration: the editor opens');
  const age = judge({ ignoreExpiration: true, maxAge: '1h' });
  assert.equal(age.closeCode, 4005, 'maxAge exceeded');
  assert.match(age.message, /maxAge exceeded/);
  assert.equal(judge({ ignoreExpiration: true, audience: 'docs' }).closeCode, 4006);
  assert.equal(kit.onlyoffice.inspectConfig({ ...CONFIG, token: configToken(CONFIG, 'HS384') },
    { serverConfig: server({ algorithms: ['HS256'] }), now: NOW }).verdict.closeCode, 4006);
  // complete: DS's decoded is {header, payload, signature}: no document.key.
  const c = kit.onlyoffice.inspectConfig({ ...CONFIG, token: configToken(CONFIG) }, { serverConfig: server({ complete: true }), now: NOW });
  assert.equal(c.verdict.closeCode, 4006, JSON.stringify(c.verdict));
  assert.ok(c.findings.some((f) => f.code === 'missing_required_field' && f.path.includes('document.key')), JSON.stringify(c.findings));
  assert.deepEqual(Object.keys(c.token.decoded), ['header', 'payload', 'signature']);
  assert.ok(c.token.warnings.some((w) => w.code === 'verify_complete'));
  // Without tokenRequiredParams, DS goes on to fillDataFromJwt: decoded.payload is truthy: 4004.
  const c2 = kit.onlyoffice.inspectConfig({ ...CONFIG, token: configToken(CONFIG) },
    { serverConfig: server({ complete: true }, { server: { tokenRequiredParams: false } }), now: NOW });
  assert.equal(c2.verdict.closeCode, 4004, JSON.stringify(c2.verdict));
});

test('inspectRequest with serverConfig: verifyOptions for the inbox services, not for callbacks', () => {
  const body = (payload, alg) => ({ body: { token: configToken(payload, alg) } });
  const cmd = { c: 'info', key: 'k1', iat: NOW - 7200 };
  const ask = (req, vo, kind = 'command') => kit.onlyoffice.inspectRequest(req, undefined, { kind, now: NOW, serverConfig: server(vo) });
  assert.equal(ask(body(cmd), {}).verdict.error, 0);
  assert.equal(ask(body(cmd), { maxAge: '1h' }).verdict.error, 7, 'maxAge exceeded is a TokenExpiredError: 7');
  assert.equal(ask(body(cmd, 'HS512'), { algorithms: ['HS256'] }).verdict.error, 6);
  assert.equal(ask(body({ ...cmd, aud: 'docs' }), { audience: 'docs' }).verdict.error, 0);
  assert.equal(ask(body(cmd), { audience: 'docs' }, 'converter').verdict.error, -8);
  // complete: params get header/payload/signature, then the payload's members.
  const wrapped = ask(body({ payload: { c: 'info', key: 'k2' }, query: { x: 1 } }), { complete: true });
  assert.ok(wrapped.effectiveBody?.header?.alg === 'HS256', JSON.stringify(wrapped.effectiveBody));
  assert.deepEqual(wrapped.effectiveBody.payload, { c: 'info', key: 'k2' }, 'the token\'s payload member, not spread');
  assert.equal(wrapped.effectiveBody.x, undefined, 'decoded.query is undefined with complete');
  // The connectors verify callbacks: DS's options do not apply.
  const cb = { body: { token: configToken({ key: 'k1', status: 2, iat: NOW - 7200 }) } };
  const r = kit.onlyoffice.inspectRequest(cb, 'secret', { kind: 'callback', now: NOW, serverConfig: server({ maxAge: '1h' }) });
  assert.equal(r.verdict.ok, true, JSON.stringify(r.verdict));
});
