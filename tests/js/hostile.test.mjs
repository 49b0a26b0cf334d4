// Hostile inputs through the JS API, each with the codes it must produce.
// Rows follow the edge-case matrix of ../shared/docs/jwt-landscape.md
// (Table A, HMAC rows) with oojwt's strict answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kit, NOW, SECRET, b64u, macSegments, rawToken, token, codes, readVector } from '../helpers/common.mjs';

const P0 = { sub: 'u', iat: NOW - 10, exp: NOW + 3600 };
const PEM = readVector('asym_keys.json').keys[0].public.spki_pem;
const H0 = { alg: 'HS256', typ: 'JWT' };
const good = token(P0);
const [gh, gp, gs] = good.split('.');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Same bytes, last character with its lowest unused bit set (segment length must not be 4n).
const nonCanonical = (seg) => seg.slice(0, -1) + ALPHABET[ALPHABET.indexOf(seg.at(-1)) | 1];
const shortSeg = b64u('{"sub":"u"}');
const hdr = (h) => rawToken(JSON.stringify(h), JSON.stringify(P0));
const pay = (p) => rawToken(JSON.stringify(H0), typeof p === 'string' || Buffer.isBuffer(p) ? p : JSON.stringify(p));

// [name, token, expected error codes (all of them, in any order), options]
const rows = [
  ['baseline', good, []],
  ['exp = now', token({ ...P0, exp: NOW }), ['expired']],
  ['exp = now - 30', token({ ...P0, exp: NOW - 30 }), ['expired']],
  ['exp = now - 30, tolerance 60', token({ ...P0, exp: NOW - 30 }), [], { clockTolerance: 60 }],
  ['exp string', token({ ...P0, exp: String(NOW + 3600) }), ['bad_claim']],
  ['exp float future', token({ ...P0, exp: NOW + 0.5 }), []],
  ['exp float past', token({ ...P0, exp: NOW - 0.5 }), ['expired']],
  ['exp negative', token({ ...P0, exp: -1 }), ['expired']],
  ['exp 0', token({ ...P0, exp: 0 }), ['expired']],
  ['exp null', token({ ...P0, exp: null }), ['bad_claim']],
  ['exp 1e400 (not a finite number)', pay(`{"sub":"u","exp":1e400}`), ['bad_json']],
  ['exp 1e300', token({ ...P0, exp: 1e300 }), []],
  ['nbf = now', token({ ...P0, nbf: NOW }), []],
  ['nbf = now + 30', token({ ...P0, nbf: NOW + 30 }), ['not_yet_valid']],
  ['nbf = now + 30, tolerance 60', token({ ...P0, nbf: NOW + 30 }), [], { clockTolerance: 60 }],
  ['nbf = now + 120, tolerance 60', token({ ...P0, nbf: NOW + 120 }), ['not_yet_valid'], { clockTolerance: 60 }],
  ['nbf string', token({ ...P0, nbf: '0' }), ['bad_claim']],
  ['iat string', token({ ...P0, iat: 'yesterday' }), ['bad_claim']],
  ['typ missing', hdr({ alg: 'HS256' }), []],
  ['crit unknown', hdr({ ...H0, crit: ['foo'], foo: 1 }), ['crit_unsupported']],
  ['crit empty', hdr({ ...H0, crit: [] }), ['crit_unsupported']],
  ['b64 false', hdr({ ...H0, b64: false, crit: ['b64'] }), ['crit_unsupported']],
  ['duplicate header alg', rawToken('{"alg":"none","typ":"JWT","alg":"HS256"}', JSON.stringify(P0)), ['duplicate_member']],
  ['duplicate payload sub', pay('{"sub":"alice","exp":1800000000,"sub":"admin"}'), ['duplicate_member']],
  ['duplicate nested member', pay('{"a":[{"x":1,"x":2}]}'), ['duplicate_member']],
  ['padded header', macSegments(`${gh}=`, gp), ['bad_base64']],
  ['padded signature (only the padding is wrong)', `${good}=`, ['bad_base64']],
  ['padded truncated signature', `${good.slice(0, -2)}==`, ['bad_base64', 'bad_signature']],
  ['non-canonical signature bits', `${gh}.${gp}.${nonCanonical(gs)}`, ['bad_base64']],
  ['non-canonical payload bits', macSegments(gh, nonCanonical(shortSeg)), ['bad_base64']],
  ['canonical short payload', macSegments(gh, shortSeg), []],
  ['leading space', ` ${good}`, ['bad_base64']],
  ['trailing newline', `${good}\n`, ['bad_base64']],
  ['trailing CRLF', `${good}\r\n`, ['bad_base64']],
  ['inner newline (the MAC over the text with the newline fails too)', `${gh}.${gp.slice(0, 5)}\n${gp.slice(5)}.${gs}`, ['bad_base64', 'bad_signature']],
  ['Bearer prefix', `Bearer ${good}`, ['bad_base64']],
  ['empty signature', `${gh}.${gp}.`, ['bad_signature']],
  ['signature truncated by 4 chars', good.slice(0, -4), ['bad_base64', 'bad_signature']],
  ['signature truncated by 3 chars (decodes to 30 bytes)', good.slice(0, -3), ['bad_signature']],
  ['signature of 16 bytes', `${gh}.${gp}.${b64u(Buffer.from(gs, 'base64url').subarray(0, 16))}`, ['bad_signature']],
  ['signature with + and /', `${gh}.${gp}.${gs.slice(0, 5)}+${gs.slice(6, 9)}/${gs.slice(10)}`, ['bad_base64']],
  ['empty secret', token(P0, { secret: '' }), ['empty_key'], { key: '' }],
  ['1-byte secret (warned)', token(P0, { secret: 'k' }), [], { key: 'k' }],
  ['unicode secret', token(P0, { secret: 'пароль-секрет' }), [], { key: 'пароль-секрет' }],
  ['non-UTF-8 payload', pay(Buffer.concat([Buffer.from('{"sub":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])), ['bad_json']],
  ['UTF-8 header kid', hdr({ ...H0, kid: 'ключ' }), []],
  ['payload array', pay([1, 2]), ['not_an_object']],
  ['payload string', pay('"hello"'), ['not_an_object']],
  ['payload null', pay('null'), ['not_an_object']],
  ['payload not JSON', pay('hello'), ['bad_json']],
  ['payload with BOM', pay(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')])), ['bad_json']],
  ['payload with \\u0000', pay('{"sub":"a\\u0000b"}'), ['bad_json']],
  ['payload with trailing bytes', pay('{"sub":"u"}x'), ['bad_json']],
  ['payload nested 100 000 deep', pay(`{"a":${'['.repeat(100000)}${']'.repeat(100000)}}`), ['too_deep']],
  ['alg none', `${b64u('{"alg":"none","typ":"JWT"}')}.${gp}.`, ['alg_none']],
  ['alg NONE with signature', hdr({ alg: 'NONE' }), ['alg_none']],
  ['alg lowercase', hdr({ alg: 'hs256' }), ['alg_not_allowed']],
  ['alg missing', hdr({ typ: 'JWT' }), ['bad_header']],
  ['alg number', hdr({ alg: 256 }), ['bad_header']],
  ['alg HS512 with HS256 allowed only', token(P0, { header: { alg: 'HS512', typ: 'JWT' } }), ['alg_not_allowed'], { algorithms: ['HS256'] }],
  ['alg RS256 not allowed', hdr({ alg: 'RS256' }), ['alg_not_allowed']],
  ['alg RS256 allowed, but the key is a secret', hdr({ alg: 'RS256' }), ['key_mismatch'], { algorithms: ['RS256'] }],
  ['alg EdDSA allowed but not in this build', hdr({ alg: 'EdDSA' }), ['unsupported_alg'], { algorithms: ['EdDSA'] }],
  ['alg unknown', hdr({ alg: 'HS1024' }), ['alg_not_allowed']],
  ['header array', rawToken('[]', JSON.stringify(P0)), ['not_an_object']],
  ['header not JSON', rawToken('{alg:HS256}', JSON.stringify(P0)), ['bad_json']],
  ['4 segments', `${good}.x`, ['malformed']],
  ['5 segments (JWE-like)', `${good}.x.y`, ['malformed']],
  ['1 segment', gh, ['malformed']],
  ['empty string', '', ['malformed']],
  ['alg confusion: PEM text as HS256 secret', token(P0, { secret: PEM }), ['key_mismatch'], { key: PEM }],
  // A broken PEM is still read as PEM, never as a secret (src/core/key_select.c).
  ['alg confusion: broken PEM text as HS256 secret', token(P0, { secret: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n' }), ['bad_key'], { key: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n' }],
  ['wrong secret', good, ['bad_signature'], { key: 'not the secret' }],
  ['secret with trailing newline', good, ['bad_signature'], { key: `${SECRET}\n` }],
  ['many problems at once', token({ exp: NOW - 5, nbf: NOW + 500, iat: 'x' }, { secret: 'other' }), ['bad_signature', 'expired', 'not_yet_valid', 'bad_claim']],
];

test('hostile inputs produce exactly their codes', () => {
  let checked = 0;
  for (const [name, t, expected, opts = {}] of rows) {
    const { key = SECRET, ...options } = opts;
    const r = kit.verify(t, key, { now: NOW, ...options });
    assert.deepEqual(codes(r).sort(), [...expected].sort(), `${name}: ${JSON.stringify(r.errors)}`);
    assert.equal(r.valid, expected.length === 0, name);
    checked++;
  }
  assert.equal(checked, rows.length);
});

test('positions point at the offending character', () => {
  const r = kit.verify(` ${good}`, SECRET, { now: NOW });
  assert.equal(r.errors[0].pos, 0);
  const t = `${gh}.${gp}.${gs.slice(0, 10)}=${gs.slice(10)}`;
  assert.equal(kit.verify(t, SECRET, { now: NOW }).errors[0].pos, gh.length + gp.length + 2 + 10);
  const four = kit.verify(`${good}.x`, SECRET, { now: NOW });
  assert.equal(four.errors[0].pos, good.length);
});

test('a bad signature still decodes the token', () => {
  const r = kit.verify(good, 'nope', { now: NOW });
  assert.deepEqual(r.payload, P0);
  assert.deepEqual(r.header, H0);
  assert.match(r.errors[0].message, /another secret/);
});

test('positions are string indices even when the token has non-ASCII text', () => {
  const t = `é😀${good}`;
  const r = kit.verify(t, SECRET, { now: NOW });
  assert.equal(r.errors[0].code, 'bad_base64');
  assert.equal(r.errors[0].pos, 0);
  const u = `${gh}.${gp}.${gs.slice(0, 3)}😀${gs.slice(3)}`;
  const ru = kit.verify(u, SECRET, { now: NOW });
  assert.equal(ru.errors[0].pos, u.indexOf('😀'));
  assert.equal(ru.signature, u.slice(u.lastIndexOf('.') + 1));
});

test('messages stay valid UTF-8 when truncated', () => {
  const t = hdr({ alg: `x${'é'.repeat(120)}` });
  const r = kit.verify(t, SECRET, { now: NOW });
  assert.deepEqual(codes(r), ['alg_not_allowed']);
  assert.ok(!r.errors[0].message.includes('\ufffd'), r.errors[0].message);
  const bin = pay(Buffer.from([0x7b, 0xff, 0x7d]));
  const rb = kit.verify(bin, SECRET, { now: NOW });
  assert.equal(rb.payloadText, '{\ufffd}');
});

test('JWK with an empty k is refused as empty_key', () => {
  assert.deepEqual(codes(kit.verify(good, { kty: 'oct', k: '' }, { now: NOW })), ['empty_key']);
});

test('a token with too many dots has no signature or signing input', () => {
  const r = kit.verify(`${good}.x`, SECRET, { now: NOW });
  assert.deepEqual(codes(r), ['malformed']);
  assert.equal(r.signature, undefined);
  assert.equal(r.signingInput, undefined);
});
