// The Document Server profile against the real thing: jsonwebtoken 9.0.2
// called exactly as DS calls it,
//   jwt.verify(token, crypto.createSecretKey(Buffer.from(secret, 'utf8')), { clockTolerance: 60 })
// (plus clockTimestamp, so that both sides read the same clock). First the
// HMAC rows of Table A (tests/vectors/ds_profile.json: recipe + the
// outcome the landscape study measured), then seeded random tokens,
// mutations and clocks. Accept/reject, error class, message and the
// decoded header/payload must all agree. Set DS_SEED to replay a run.
//
// JSON.parse's SyntaxError messages are V8's and differ between Node
// versions; the profile gives those of Document Server's Node 20. They are
// checked against messages recorded under Node 20
// (tests/vectors/ds_jsonparse.json, and Table A's), and against
// jsonwebtoken's live only when the Node running the tests gives the
// recorded messages for every recorded token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kit, NOW, SECRET, b64u, readVector } from '../helpers/common.mjs';
import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { mac, mulberry32, randomCase, reference } from '../helpers/ds_random.mjs';

const parseTable = readVector('ds_jsonparse.json');
const sameParseMessages = parseTable.tests.every((t) => {
  const r = reference(t.token, SECRET, NOW);
  return r.name === 'SyntaxError' && r.message === t.message;
});
if (!sameParseMessages) {
  console.log(`# JSON.parse of Node ${process.version} gives other messages than Document Server's Node 20 (${parseTable.node}): `
    + 'SyntaxError messages are compared with the recorded ones only');
}

function ours(token, secret, now, tolerance = 60) {
  const opts = { profile: 'onlyoffice', now };
  if (tolerance !== 60) opts.clockTolerance = tolerance;
  return kit.verify(token, secret, opts);
}

/** Same decision, same error, same decoded values. */
function agree(token, secret, now, tolerance, label) {
  const want = reference(token, secret, now, tolerance);
  const got = ours(token, secret, now, tolerance);
  const shown = token.length > 300 ? `${token.slice(0, 300)}... (${token.length} chars)` : token;
  const where = `${label}\ntoken: ${JSON.stringify(shown)}\nsecret: ${JSON.stringify(secret)} now ${now} tolerance ${tolerance}`;
  if (got.valid !== want.valid) {
    assert.fail(`${where}\nwant ${want.valid ? 'accepted' : `${want.name}: ${want.message}`}\ngot ${got.valid ? 'accepted' : `${got.serverError}: ${got.serverMessage}`}`);
  }
  if (want.valid) {
    assert.equal(got.serverMessage, null, where);
    assert.deepEqual(got.header, want.header, where);
    // Values nested 1e5 deep are past what deepEqual can recurse into.
    if (token.length < 100000) assert.deepEqual(got.payload, want.payload, where);
    else assert.equal(got.payload.sub, want.payload.sub, where);
  } else {
    assert.equal(got.serverError, want.name, where);
    if (want.name !== 'SyntaxError' || sameParseMessages) assert.equal(got.serverMessage, want.message, where);
    assert.equal(got.closeCode, want.name === 'TokenExpiredError' ? 4005 : want.name === 'JsonWebTokenError' ? 4006 : null, where);
    assert.equal(got.errors.length, 1, where);
  }
  return { want, got };
}

// ---- Table A ---------------------------------------------------------------

function relative(v) {
  if (typeof v !== 'string') return v;
  const m = /^now([+-][\d.]+)?$/.exec(v);
  return m ? NOW + (m[1] ? Number(m[1]) : 0) : v;
}

function buildVector(v) {
  const secret = v.secret ?? SECRET;
  const alg = v.alg ?? 'HS256';
  const headerText = v.headerText ?? JSON.stringify({ alg, typ: 'JWT' });
  let payloadBytes;
  if (v.payloadHex) payloadBytes = Buffer.from(v.payloadHex, 'hex');
  else if (v.payloadText) payloadBytes = Buffer.from(v.payloadText);
  else {
    const p = Object.fromEntries(Object.entries(v.payload ?? { sub: 'u', iat: 'now-10', exp: 'now+3600' })
      .map(([k, x]) => [k, relative(x)]));
    if (p.blob === '8MiB') p.blob = 'x'.repeat(8 * 1024 * 1024);
    let text = JSON.stringify(p);
    if (typeof p.deep === 'number') {
      text = text.replace(`"deep":${p.deep}`, `"deep":${'['.repeat(p.deep)}${']'.repeat(p.deep)}`);
    }
    payloadBytes = Buffer.from(text);
  }
  let h = b64u(headerText);
  let p = b64u(payloadBytes);
  if (v.mutate === 'pad-header-signed') h += '='.repeat((4 - (h.length % 4)) % 4 || 2);
  if (v.mutate === 'noncanonical-payload-signed') {
    // Bump the spare bits of the last character (payload length must not be 3n).
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(p[p.length - 1]);
    assert.ok(p.length % 4 !== 0, 'recipe needs a payload with spare bits');
    p = p.slice(0, -1) + alphabet[last + 1];
  }
  const input = `${h}.${p}`;
  let sig = mac(input, secret, alg);
  let token = `${input}.${sig}`;
  switch (v.mutate) {
    case 'pad-signature': token += '='; break;
    case 'noncanonical-signature': {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      sig = sig.slice(0, -1) + alphabet[alphabet.indexOf(sig[sig.length - 1]) + 1];
      token = `${input}.${sig}`;
      break;
    }
    case 'leading-space': token = ` ${token}`; break;
    case 'trailing-newline': token += '\n'; break;
    case 'trailing-crlf': token += '\r\n'; break;
    case 'inner-newline': token = `${h}.${p.slice(0, 5)}\n${p.slice(5)}.${sig}`; break;
    case 'bearer': token = `Bearer ${token}`; break;
    case 'empty-signature': token = `${input}.`; break;
    case 'truncate-signature-4': token = token.slice(0, -4); break;
    case 'signature-16-bytes': token = `${input}.${b64u(Buffer.from(sig, 'base64url').subarray(0, 16))}`; break;
    case 'signature-plus-slash': token = `${input}.${Buffer.from(sig, 'base64url').toString('base64').replace(/=+$/, '')}`;
      if (!/[+/]/.test(token)) token = `${input}.+/${sig.slice(2)}`;
      break;
    case 'append-dot-x': token += '.x'; break;
    case 'five-segments': token = `${token}.${p}.${sig}`; break;
    default: break;
  }
  return { token, secret };
}

const table = readVector('ds_profile.json');

test(`Table A (${table.tests.length} HMAC rows and extra cases): the DS profile, jsonwebtoken as DS calls it, and the recorded outcome agree`, () => {
  for (const v of table.tests) {
    const { token, secret } = buildVector(v);
    const label = `Table A row ${v.id} (${v.case})`;
    const { got } = agree(token, secret, NOW, 60, label);
    if (v.expect.ok) {
      assert.equal(got.valid, true, label);
      if (v.expect.sub !== undefined) assert.equal(got.payload.sub, v.expect.sub, label);
    } else {
      assert.equal(got.valid, false, label);
      assert.equal(got.serverError, v.expect.name, label);
      assert.equal(got.serverMessage, v.expect.message, label);
    }
    if (v.warn) assert.ok(got.warnings.some((w) => w.code === v.warn), `${label}: warning ${v.warn} in ${JSON.stringify(got.warnings)}`);
    if (v.difference) {
      assert.ok(got.differences.some((d) => d.code === v.difference),
        `${label}: difference ${v.difference} in ${JSON.stringify(got.differences)}`);
    }
  }
});

test(`JSON.parse messages: ${parseTable.tests.length} tokens give the SyntaxError messages recorded under Document Server's Node (${parseTable.node})`, () => {
  for (const [i, t] of parseTable.tests.entries()) {
    const where = `ds_jsonparse.json test ${i}${t.why ? ` (${t.why})` : ''}\ntoken: ${JSON.stringify(t.token)}`;
    const got = ours(t.token, SECRET, NOW);
    assert.equal(got.valid, false, where);
    assert.equal(got.serverError, 'SyntaxError', where);
    assert.equal(got.serverMessage, t.message, where);
    assert.equal(got.closeCode, null, where);
  }
});

test('the profile reports where the strict profile decides otherwise', () => {
  const exp30 = buildVector({ payload: { sub: 'u', exp: 'now-30' } });
  const r = ours(exp30.token, exp30.secret, NOW);
  assert.equal(r.valid, true);
  assert.deepEqual(r.differences.map((d) => d.code), ['expired'], 'strict, with its own default tolerance 0, refuses');
  const same = kit.verify(exp30.token, exp30.secret, { profile: 'onlyoffice', now: NOW, clockTolerance: 60 });
  assert.deepEqual(same.differences, [], 'with the tolerance given, both use it');
  const dupe = buildVector({ payloadText: '{"sub":"alice","sub":"admin"}' });
  const d = ours(dupe.token, dupe.secret, NOW);
  assert.deepEqual(d.differences.map((x) => x.code), ['duplicate_member']);
  assert.deepEqual(d.warnings.map((x) => x.code), ['duplicate_last_wins']);
  const noncanon = buildVector({ mutate: 'noncanonical-signature' });
  const n = ours(noncanon.token, noncanon.secret, NOW);
  assert.equal(n.valid, false);
  assert.equal(n.differences.length, 0, 'both refuse');
  const fine = buildVector({});
  const f = ours(fine.token, fine.secret, NOW);
  assert.equal(f.valid, true);
  assert.deepEqual(f.differences, []);
  assert.deepEqual(f.warnings, []);
  assert.equal(f.profile, 'onlyoffice');
});

test('profile option: default tolerance 60 unless given; TypeErrors; strict stays the default', () => {
  const t = buildVector({ payload: { sub: 'u', exp: 'now-30' } }).token;
  assert.equal(kit.verify(t, SECRET, { profile: 'onlyoffice', now: NOW }).valid, true);
  assert.equal(kit.verify(t, SECRET, { profile: 'onlyoffice', now: NOW, clockTolerance: 0 }).valid, false);
  assert.equal(kit.verify(t, SECRET, { now: NOW }).valid, false);
  assert.equal(kit.verify(t, SECRET, { profile: 'strict', now: NOW, clockTolerance: 60 }).valid, true);
  assert.throws(() => kit.verify(t, SECRET, { profile: 'jose' }), TypeError);
  assert.throws(() => kit.verify(t, SECRET, { profile: 'onlyoffice', algorithms: ['RS256'] }), TypeError);
  assert.throws(() => kit.verify(t, { kty: 'oct', k: 'a2traw' }, { profile: 'onlyoffice' }), TypeError);
  assert.throws(() => kit.verify(t, SECRET, { profile: 'onlyoffice', clockTolerance: '60' }), TypeError);
  const hs512 = buildVector({ alg: 'HS512' }).token;
  const r = kit.verify(hs512, SECRET, { profile: 'onlyoffice', now: NOW, algorithms: ['HS256'] });
  assert.equal(r.serverMessage, 'invalid algorithm');
  // now is floored as jsonwebtoken floors Date.now() / 1000.
  const e = buildVector({ payloadText: `{"exp":${NOW - 60}}` }).token;
  assert.equal(kit.verify(e, SECRET, { profile: 'onlyoffice', now: NOW + 0.99 }).serverMessage, 'jwt expired');
  assert.equal(kit.verify(e, SECRET, { profile: 'onlyoffice', now: NOW - 0.01 }).valid, true);
});

// ---- false-like payloads ----------------------------------------------------

// jsonwebtoken 9.0.2 verify.js returns the payload jws decoded (with typ
// JWT, JSON.parse of it; decode.js keeps a non-object as it is), and
// `typeof payload.nbf` of 0 is 'undefined': no error. But every caller of
// DocsCoServer.js checkJwt tests checkJwtRes.decoded for truth (io.use and
// auth(): "not authorized"; getRequestParams: the code stays VKEY), so DS
// refuses what jsonwebtoken accepts. The profile says valid: false with no
// serverError, and the code falsy_payload.
const dsKey = (secret) => createSecretKey(Buffer.from(secret, 'utf8'));
const rawToken = (headerText, payloadSegment, secret = SECRET) => {
  const input = `${b64u(headerText)}.${payloadSegment}`;
  return `${input}.${mac(input, secret, 'HS256')}`;
};

test('a false-like payload: jsonwebtoken 9.0.2 returns it, DS (checkJwtRes.decoded tested for truth) refuses it', () => {
  const typJwt = JSON.stringify({ alg: 'HS256', typ: 'JWT' });
  const noTyp = JSON.stringify({ alg: 'HS256' });
  const cases = [
    ...['0', 'false', '""', '0.0', '-0', '1e-400', ' 0e5 '].map((t) => [typJwt, b64u(t), t]),
    // Without typ JWT the payload is the decoded text; a one-character
    // segment decodes to no bytes: the empty string.
    [noTyp, 'A', 'segment "A"'],
  ];
  for (const [header, segment, label] of cases) {
    const token = rawToken(header, segment);
    const live = jwt.verify(token, dsKey(SECRET), { clockTolerance: 60 });
    assert.ok(!live && live !== null, `${label}: jsonwebtoken returns ${JSON.stringify(live)} without throwing`);
    const r = ours(token, SECRET, NOW);
    assert.equal(r.valid, false, label);
    assert.equal(r.serverError, null, label);
    assert.equal(r.serverMessage, null, label);
    assert.equal(r.closeCode, null, label);
    assert.deepEqual(r.errors.map((e) => e.code), ['falsy_payload'], label);
    assert.match(r.errors[0].message, /not authorized.*error 6.*-8/, label);
    assert.deepEqual(r.differences, [], `${label}: the strict profile refuses too`);
    assert.ok(!r.warnings.some((w) => w.code === 'payload_not_object'), label);
    agree(token, SECRET, NOW, 60, label);
  }
  // The truthy side: DS accepts these (jsonwebtoken returns them, and they are truthy).
  for (const [header, text, want] of [[typJwt, '1', 1], [typJwt, '"0"', '0'], [typJwt, 'true', true], [typJwt, '[]', []],
    [noTyp, '0', '0'], [noTyp, 'false', 'false'], [noTyp, '""', '""']]) {
    const token = rawToken(header, b64u(text));
    assert.deepEqual(jwt.verify(token, dsKey(SECRET)), want, text);
    const r = ours(token, SECRET, NOW);
    assert.equal(r.valid, true, text);
    assert.deepEqual(r.payload, want, text);
    assert.deepEqual(r.errors, [], text);
    agree(token, SECRET, NOW, 60, text);
  }
});

test('a header JSON.parse reads as 0 (1e-400) is no header for jws (isValidJws): invalid token', () => {
  const token = rawToken('1e-400', b64u('{"sub":"u"}'));
  const { got } = agree(token, SECRET, NOW, 60, 'header 1e-400');
  assert.equal(got.serverMessage, 'invalid token');
});

// ---- seeded random differential -------------------------------------------


const SEED = process.env.DS_SEED !== undefined ? Number(process.env.DS_SEED) : (Date.now() ^ (process.pid << 8)) >>> 0;
console.log(`# ds_profile differential seed: ${SEED} (replay with DS_SEED=${SEED})`);

test(`seeded random tokens, mutations and clocks agree with jsonwebtoken (seed ${SEED})`, () => {
  const rnd = mulberry32(SEED);
  const N = 4000;
  const seen = new Map();
  for (let i = 0; i < N; i++) {
    const c = randomCase(rnd);
    const { got } = agree(c.token, c.secret, c.now, c.tolerance, `seed ${SEED} case ${i}`);
    // Ours: the same as jsonwebtoken's (compared above), in Node 20's words.
    const key = got.valid ? 'OK' : `${got.serverError}: ${(got.serverMessage ?? '').replace(/ at position \d+|'.*|".*/g, '')}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  // The generator must reach every outcome class, or the run proves little.
  for (const k of ['OK', 'JsonWebTokenError: invalid signature', 'JsonWebTokenError: invalid token',
    'JsonWebTokenError: invalid algorithm', 'TokenExpiredError: jwt expired', 'SyntaxError: Unexpected token ']) {
    assert.ok(seen.has(k), `seed ${SEED}: no case ended as ${k}: ${JSON.stringify([...seen])}`);
  }
  console.log(`# outcomes (seed ${SEED}): ${JSON.stringify(Object.fromEntries(seen))}`);
});
