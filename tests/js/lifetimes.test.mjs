// Lifetimes and server versions through the JS library, from the same
// vectors as the native suite (tests/vectors/lifetimes.json): kit.sign's
// and kit.onlyoffice.signConfig's expiresIn, signDownloadUrl's expiresIn
// and inspectConfig's serverVersion are all read by C
// (oojwt_duration_parse, oojwt_ds_version_parse), as `--expires-in` and
// `--server-version` are, so the library and the CLIs cannot disagree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { kit, NOW, readVector } from '../helpers/common.mjs';

const V = readVector('lifetimes.json');
const CLI = new URL('../../build/oojwt', import.meta.url).pathname;
const payloadOf = (t) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString());

for (const { text, seconds } of V.durations) {
  test(`kit.sign expiresIn ${JSON.stringify(text)}`, () => {
    const sign = () => kit.sign({ sub: 'a' }, 'secret', { alg: 'HS256', iat: NOW, expiresIn: text });
    if (seconds === null) assert.throws(sign, TypeError);
    else assert.equal(payloadOf(sign()).exp, NOW + seconds);
  });
  test(`signConfig and signDownloadUrl expiresIn ${JSON.stringify(text)}`, () => {
    const cfg = { document: { fileType: 'docx', key: 'k1', url: 'https://example.com/a.docx' }, documentType: 'word' };
    const signConfig = () => kit.onlyoffice.signConfig(cfg, 'secret', { expiresIn: text, now: NOW });
    const signUrl = () => kit.onlyoffice.signDownloadUrl('https://ds.example/cache/files/data/k/output.docx/output.docx',
      { secret: 'verysecretstring', expiresIn: text, now: NOW });
    if (seconds === null) {
      assert.throws(signConfig, TypeError);
      assert.throws(signUrl, TypeError);
    } else {
      assert.equal(payloadOf(signConfig().token).exp, NOW + seconds);
      // A link's expires is at most 1e15 (src/deploy/secure_link.c refuses more).
      if (NOW + seconds <= 1e15) assert.match(signUrl(), new RegExp(`[?&]expires=${NOW + seconds}(&|$)`));
      else assert.throws(signUrl, { name: 'OojwtError', code: 'bad_argument' });
    }
  });
}

test('a lifetime that is neither a number nor text is refused', () => {
  for (const v of [null, {}, [], NaN, Infinity, true]) {
    assert.throws(() => kit.sign({}, 'secret', { expiresIn: v }), TypeError);
  }
});

for (const { text, value } of V.versions) {
  test(`inspectConfig serverVersion ${JSON.stringify(text)}`, () => {
    const cfg = { document: { fileType: 'docx', key: 'k1', url: 'https://example.com/a.docx' }, documentType: 'word' };
    const run = () => kit.onlyoffice.inspectConfig(cfg, { secret: 'secret', now: NOW, serverVersion: text });
    if (value === null) assert.throws(run, TypeError);
    else assert.doesNotThrow(run);
  });
}

test('the native CLI reads --expires-in as the library does', { skip: !existsSync(CLI) && 'build/oojwt not built' }, () => {
  for (const { text, seconds } of V.durations) {
    if (text.trim() === '' || text.startsWith('-')) continue; // an option, or nothing, to the parser
    // Text that is a number (-?D+(.D+)?(e[+-]?D+)?) is a number of seconds
    // on the command line, as a number is in the library.
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) continue;
    const r = spawnSync(CLI, ['sign', '--secret-env', 'S', `--iat=${NOW}`, '--expires-in', text, '{"sub":"a"}'],
      { env: { S: 'secret' }, encoding: 'utf8' });
    if (seconds === null) assert.notEqual(r.status, 0, `${JSON.stringify(text)}: ${r.stdout}`);
    else assert.equal(payloadOf(r.stdout.trim()).exp, NOW + seconds, `${JSON.stringify(text)}: ${r.stderr}`);
  }
});
