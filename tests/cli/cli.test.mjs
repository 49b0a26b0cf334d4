// The two command lines: the native build/oojwt (src/cli/) and the Node
// bin/oojwt.mjs. Each is run as a user runs it (spawnSync); the same
// arguments must give the same exit code and the same --json output, and
// `oojwt sign` must produce kit.sign()'s token byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kit, NOW, SECRET, token, rawToken } from '../helpers/common.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// OOJWT_CLI runs the tests against another build (e.g. one with sanitizers).
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const NODE_CLI = join(root, 'bin', 'oojwt.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'oojwt-cli-'));
const file = (name, text) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

// Environment without any OOJWT_SECRET of the caller's.
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'OOJWT_SECRET'));

const CLIS = {
  native: (args, opts) => spawnSync(NATIVE, args, opts),
  node: (args, opts) => spawnSync(process.execPath, [NODE_CLI, ...args], opts),
};

function run(which, args, { env = {}, input } = {}) {
  const r = CLIS[which](args, {
    env: { ...baseEnv, ...env }, encoding: 'utf8', input: input ?? '', maxBuffer: 64 << 20,
  });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Run both; they must agree on exit code and stdout. Returns the native result. */
function both(args, opts) {
  const a = run('native', args, opts);
  const b = run('node', args, opts);
  assert.equal(b.code, a.code, `exit codes differ for ${args.join(' ')}: native ${a.code} (${a.err}), node ${b.code} (${b.err})`);
  assert.equal(b.out, a.out, `stdout differs for ${args.join(' ')}`);
  return a;
}

const withSecret = { env: { OOJWT_SECRET: SECRET } };
const good = token({ document: { key: 'k1', url: 'https://example.com/a.docx' }, iat: NOW - 10, exp: NOW + 3600 });

test('the native CLI is built', () => {
  assert.ok(existsSync(NATIVE), `${NATIVE} is missing: run make`);
});

test('help: main and per command; no command is a usage error', () => {
  const main = both(['--help']);
  assert.equal(main.code, 0);
  for (const word of ['decode', 'verify', 'sign', 'inspect-config', 'Exit codes: 0 valid', '2 usage error', '3 input error']) {
    assert.ok(main.out.includes(word), `--help mentions ${word}`);
  }
  for (const cmd of ['decode', 'verify', 'sign']) {
    const h = both([cmd, '--help']);
    assert.equal(h.code, 0);
    assert.ok(h.out.startsWith(`usage: oojwt ${cmd}`));
    assert.equal(both(['help', cmd]).out, h.out);
  }
  assert.ok(both(['verify', '--help']).out.includes('--secret-from-local-json'));
  const none = both([]);
  assert.equal(none.code, 2);
});

test('--version is the package version in both', () => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(both(['--version']).out, `oojwt ${version}\n`);
});

test('decode: argument, @file, "-" and implicit stdin give the C report', () => {
  const expected = `${kit.reports.decode(good)}\n`;
  const p = file('token.txt', `${good}\n`);
  for (const [args, opts] of [
    [['decode', '--json', good]],
    [['decode', '--json', `@${p}`]],
    [['decode', '--json', '-'], { input: `  ${good}\r\n` }],
    [['decode', '--json'], { input: good }],
  ]) {
    const r = both(args, opts);
    assert.equal(r.code, 0);
    assert.equal(r.out, expected);
  }
  const human = both(['decode', good]);
  assert.match(human.out, /^DECODED \(HS256\): the signature was NOT verified\n/);
  assert.match(human.out, /"key": "k1"/);
  assert.match(human.out, /exp {2}1700003600 {2}2023-11-14 23:13:20 UTC/);
  assert.ok(!human.out.includes('\x1b['), 'no colour when stdout is not a terminal');
});

test('decode: an undecodable token exits 1 with every error', () => {
  const r = both(['decode', '--json', 'abc.d$f.ghi']);
  assert.equal(r.code, 1);
  assert.deepEqual(JSON.parse(r.out), JSON.parse(kit.reports.decode('abc.d$f.ghi')));
  // A file name given without @ is read as that file, with a note.
  const p = file('token-note.txt', good);
  const noted = both(['decode', p]);
  assert.equal(noted.code, 0);
  assert.match(noted.err, /^oojwt: note: reading the file '.*token-note\.txt' \(write @.*token-note\.txt to say so\)\n$/);
  const h = both(['decode', 'a.b']);
  assert.equal(h.code, 1);
  assert.match(h.out, /^NOT DECODABLE: 1 error\n {2}error malformed: /);
});

test('verify: each secret source', () => {
  const expected = `${kit.reports.verify(good, SECRET, { now: NOW })}\n`;
  const secretFile = file('secret.txt', `${SECRET}\n`);
  const localJson = file('local.json', JSON.stringify({
    services: { CoAuthoring: { secret: {
      inbox: { string: SECRET }, outbox: { string: 'outbox-secret' }, session: { string: 'session-secret' },
    } } },
  }, null, 2));
  const sources = [
    [['--secret-file', secretFile], {}],
    [[], withSecret],
    [['--secret-env', 'MY_JWT'], { env: { MY_JWT: SECRET } }],
    // (strict: local.json otherwise answers as Document Server, below)
    [['--profile', 'strict', '--secret-from-local-json', localJson], {}],
    [['--profile', 'strict', '--secret-from-local-json', localJson, '--which', 'inbox'], {}],
    [['--secret-file', '-'], { input: `${SECRET}\r\n`, tokenAsArg: true }],
  ];
  for (const [src, opts] of sources) {
    const r = both(['verify', '--json', '--now', String(NOW), ...src, good], opts);
    assert.equal(r.code, 0, `${src.join(' ')}: ${r.err}`);
    assert.equal(r.out, expected, src.join(' '));
    assert.equal(r.err, '', 'no warning for a safe source');
  }
  // --which picks the other secrets.
  const outbox = token({ a: 1 }, { secret: 'outbox-secret' });
  assert.equal(both(['verify', '--now', String(NOW), '--secret-from-local-json', localJson, '--which', 'outbox', outbox]).code, 0);
  assert.equal(both(['verify', '--now', String(NOW), '--secret-from-local-json', localJson, outbox]).code, 1);
  const session = token({ a: 1 }, { secret: 'session-secret' });
  assert.equal(both(['verify', '--secret-from-local-json', localJson, '--which=session', session]).code, 0);
  // The token itself from stdin.
  const s = both(['verify', '--json', '--now', String(NOW), '-'], { ...withSecret, input: `${good}\n` });
  assert.equal(s.out, expected);
});

test('verify: --secret works, with a warning on stderr in both', () => {
  for (const which of ['native', 'node']) {
    const r = run(which, ['verify', '--now', String(NOW), '--secret', SECRET, good]);
    assert.equal(r.code, 0);
    assert.match(r.err, /warning: --secret shows the secret in ps/);
    assert.match(r.out, /^VALID: signature and claims check out \(HS256\)\n/);
  }
});

test('verify: invalid tokens exit 1 and report every problem, as the JS module does', () => {
  const expired = token({ exp: NOW - 100, nbf: NOW + 500 });
  const tampered = `${good.slice(0, -2)}${good.endsWith('A') ? 'B' : 'A'}A`;
  const cases = [
    [good, ['--now', String(NOW + 7200)], ['expired']],
    [expired, ['--now', String(NOW)], ['expired', 'not_yet_valid']],
    [expired, ['--now', String(NOW), '--clock-tolerance', '600'], []],
    [tampered, ['--now', String(NOW)], ['bad_signature']],
    [good, ['--now', String(NOW), '--algorithms', 'HS384,HS512'], ['alg_not_allowed']],
    [token({ a: 1 }, { secret: 'other' }), ['--now', String(NOW)], ['bad_signature']],
    [rawToken('{"alg":"none"}', '{}'), ['--now', String(NOW)], ['alg_none']],
    ['e30.e30', ['--now', String(NOW)], ['malformed']],
    ['é.e30.AA', ['--now', String(NOW)], null],
    [rawToken('{"alg":"HS256","alg":"HS256"}', '{}'), ['--now', String(NOW)], null],
  ];
  for (const [tok, opts, codes] of cases) {
    const r = both(['verify', '--json', ...opts, tok], withSecret);
    const report = JSON.parse(r.out);
    const options = { now: Number(opts[opts.indexOf('--now') + 1]) };
    if (opts.includes('--clock-tolerance')) options.clockTolerance = 600;
    if (opts.includes('--algorithms')) options.algorithms = ['HS384', 'HS512'];
    assert.equal(r.out, `${kit.reports.verify(tok, SECRET, options)}\n`, tok);
    assert.equal(r.code, report.valid ? 0 : 1);
    if (codes !== null) assert.deepEqual(report.errors.map((e) => e.code), codes, tok);
    else assert.ok(report.errors.length > 0);
  }
  const h = both(['verify', '--now', String(NOW + 7200), good], withSecret);
  assert.match(h.out, /^INVALID: 1 error\n {2}error expired: the token expired/);
});

test('usage and input errors have their exit codes in both', () => {
  const missing = join(tmp, 'does-not-exist');
  const noSecret = file('no-secret.json', '{"services":{"CoAuthoring":{"token":{}}}}');
  const notJson = file('bad.json', '{"services":');
  const fileSecret = file('file-secret.json', '{"services":{"CoAuthoring":{"secret":{"inbox":{"string":"","file":"/s"}}}}}');
  const cases = [
    [['frobnicate'], {}, 2],
    [['verify', '--bogus', good], withSecret, 2],
    [['verify', '--now', 'soon', good], withSecret, 2],
    [['verify', '--now'], withSecret, 2],
    [['verify', good], {}, 2],                                          // no secret at all
    [['verify', '--secret-file', missing, '--secret-env', 'X', good], {}, 2],
    [['verify', '--which', 'inbox', good], withSecret, 2],
    [['verify', '--secret-from-local-json', noSecret, '--which', 'browser', good], {}, 3],  // no browser secret
    [['verify', '--clock-tolerance', '-1', good], withSecret, 2],
    [['verify', '--algorithms', 'HS256,XX', good], withSecret, 2],
    [['decode', good, 'extra'], {}, 2],
    [['decode', '--json=yes', good], {}, 2],
    [['verify', '--secret-file', missing, good], {}, 3],
    [['verify', '--secret-env', 'OOJWT_NOT_SET_ANYWHERE', good], {}, 3],
    [['verify', '--secret-from-local-json', noSecret, good], {}, 3],
    [['verify', '--secret-from-local-json', notJson, good], {}, 3],
    [['verify', '--secret-from-local-json', missing, good], {}, 3],
    [['decode', `@${missing}`], {}, 3],
    [['sign', '[1,2]'], withSecret, 3],
    [['sign', '{"a":'], withSecret, 3],
    [['sign', '--header', '[]', '{}'], withSecret, 2],
    [['sign', '--alg', 'HS999', '{}'], withSecret, 2],
    [['sign', '--alg', 'HS384', '--header', '{"alg":"HS256"}', '{}'], withSecret, 2],
    [['sign', '--expires-in', 'soon', '{}'], withSecret, 2],
    [['sign', '--header', '{"crit":["exp"]}', '{}'], withSecret, 3],   // verify refuses crit: sign too
    [['sign', '--header', '{"b64":false}', '{}'], withSecret, 3],
    [['sign', '--iat=yesterday', '{}'], withSecret, 2],
    [['inspect-config', '{}'], {}, 2],                                  // no secret, no server config
    [['server-config', '--defaults'], {}, 2],
    [['inspect-request'], {}, 2],
    [['inspect-request', '--kind', 'upload', '{}'], withSecret, 2],
    [['inspect-config', '--server-version', 'eight', '{}'], withSecret, 2],
    [['inspect-request', '--kind', 'command', '{}'], {}, 2],              // no secret, no server config
    [['inspect-request', '--kind', 'command', '--clock-tolerance', '-5', '{}'], withSecret, 2],
    [['inspect-request', '--kind', 'command', '--server-config', missing, '{}'], {}, 3],
    [['inspect-request', '--kind', 'command', '--server-config', fileSecret, '{}'], {}, 3],  // inbox secret in a file
    [['explain-secret', good], {}, 2],                                   // no secret
    [['inspect-request', '--kind', 'callback', '--connector', 'sharepoint', '{}'], withSecret, 2],
    [['inspect-request', '--kind', 'command', '--connector', 'all', '{}'], withSecret, 2],
    [['inspect-request', '--kind', 'command', '--leeway', '30', '{}'], withSecret, 2],
    [['inspect-request', '--kind', 'download', '--connector', 'none', '{}'], withSecret, 2],
    [['inspect-config', '--connector', 'sharepoint', '{}'], withSecret, 2],
    [['inspect-request', '--kind', 'callback', '--leeway', '-1', '{}'], withSecret, 2],
  ];
  for (const [args, opts, code] of cases) {
    const r = both(args, opts);
    assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
    assert.equal(r.out, '', `${args.join(' ')} prints nothing on stdout`);
    assert.match(r.err, /^oojwt: /, args.join(' '));
  }
});

test('local.json with a repeated member: both refuse it (the strict JSON layer, one code)', () => {
  const dup = file('dup.json', '{"services":{"CoAuthoring":{"secret":{"inbox":{"string":"a","string":"b"}}}}}');
  for (const which of ['native', 'node']) {
    const r = run(which, ['verify', '--secret-from-local-json', dup, good]);
    assert.equal(r.code, 3, which);
    assert.match(r.err, /duplicate member name "string"/, which);
  }
});

const SIGN_CASES = [
  [{ document: { key: 'k1', url: 'https://example.com/a.docx' }, documentType: 'word' }, {}],
  [{ a: 1.5, b: -0, c: 1e21, d: 1e-7, e: 123456789012345680000, f: 0.1 + 0.2, g: 5e-324, h: -1.7976931348623157e308 }, {}],
  [{ 10: 'x', 2: 'y', b: 1, a: 2, '01': 3, 4294967295: 4, 4294967294: 5 }, {}],
  [{ s: 'quote " backslash \\ nl \n tab \t ctl \u0001 del \u007f slash / é 😀 \u2028' }, {}],
  [{ nested: { deep: [1, [2, [3, { x: null, y: true, z: false }]]], empty: {}, list: [] } }, {}],
  [{ a: 1 }, { alg: 'HS384' }],
  [{ a: 1 }, { alg: 'HS512', header: { kid: 'key-1', typ: 'at+jwt', 1: 'one' } }],
  [{ a: 1 }, { header: { alg: 'HS256', cty: 'x' } }],
  [{ a: 1 }, { iat: true, now: NOW + 0.75 }],
  [{ a: 1, iat: 5 }, { iat: 12345.5, now: NOW }],
  [{ a: 1 }, { expiresIn: '30m', now: NOW }],
  [{ a: 1 }, { expiresIn: 90, iat: true, now: NOW }],
  [{ a: 1, iat: 1000 }, { expiresIn: '2w', now: NOW }],
  [{ a: 1 }, { expiresIn: ' 7 d ', iat: 1.25, now: NOW }],
];

function signArgs(options) {
  const args = [];
  if (options.alg) args.push('--alg', options.alg);
  if (options.header) args.push('--header', JSON.stringify(options.header));
  if (options.iat === true) args.push('--iat');
  else if (options.iat !== undefined) args.push(`--iat=${options.iat}`);
  if (options.expiresIn !== undefined) args.push('--expires-in', String(options.expiresIn));
  if (options.now !== undefined) args.push('--now', String(options.now));
  return args;
}

test('sign: byte for byte the token of kit.sign, in both CLIs', () => {
  for (const [payload, options] of SIGN_CASES) {
    const expected = kit.sign(payload, SECRET, options);
    const args = ['sign', ...signArgs(options), JSON.stringify(payload)];
    const r = both(args, withSecret);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
    assert.equal(r.out, `${expected}\n`, args.join(' '));
    assert.equal(both([...args.slice(0, -1), '--json', args.at(-1)], withSecret).out,
      `${JSON.stringify({ token: expected })}\n`);
    // And the native CLI accepts what it signed.
    const v = run('native', ['verify', '--clock-tolerance', '1e12', expected], withSecret);
    assert.equal(v.code, 0, v.out);
  }
});

test('sign: a pretty-printed payload from a file or stdin gives the same token', () => {
  const payload = { document: { key: 'k1', title: 'Résumé.docx' }, editorConfig: { mode: 'edit', user: { id: '7' } } };
  const expected = `${kit.sign(payload, SECRET)}\n`;
  const p = file('payload.json', `${JSON.stringify(payload, null, 4)}\n`);
  assert.equal(both(['sign', `@${p}`], withSecret).out, expected);
  assert.equal(both(['sign', '-'], { ...withSecret, input: JSON.stringify(payload, null, '\t') }).out, expected);
  assert.equal(both(['sign'], { ...withSecret, input: JSON.stringify(payload) }).out, expected);
});

test('sign: refusals are the JS module\'s errors, exit 3', () => {
  const cases = [
    [['--expires-in', '1h', '{"exp":1}'], 'bad_argument'],
    [['{"exp":"tomorrow"}'], 'bad_claim'],
    // A secret for an algorithm this build cannot do, or one that needs a private key.
    [['--alg', 'EdDSA', '{}'], ['unsupported_alg', 'key_mismatch']],
  ];
  for (const [args, code] of cases) {
    const r = both(['sign', '--json', ...args], withSecret);
    assert.equal(r.code, 3);
    const { error } = JSON.parse(r.out);
    if (Array.isArray(code)) assert.ok(code.includes(error.code), error.code);
    else assert.equal(error.code, code);
    let thrown;
    try {
      kit.sign(JSON.parse(args.at(-1)), SECRET, args[0] === '--alg' ? { alg: args[1] } : args[0] === '--expires-in' ? { expiresIn: '1h' } : {});
    } catch (e) {
      thrown = e;
    }
    assert.equal(thrown?.code, error.code);
    assert.equal(error.message, thrown.message);
  }
  const empty = both(['sign', '--json', '--secret-env', 'EMPTY', '{}'], { env: { EMPTY: '' } });
  assert.equal(empty.code, 3);
  assert.equal(JSON.parse(empty.out).error.code, 'empty_key');
  const human = both(['sign', '--expires-in', '1h', '{"exp":1}'], withSecret);
  assert.equal(human.code, 3);
  assert.match(human.err, /^oojwt: sign: bad_argument: the payload already has "exp"/);
});

test('sign: both CLIs refuse what strict JSON refuses (one parser, in C)', () => {
  for (const which of ['native', 'node']) {
    const r = run(which, ['sign', '{"a":1,"a":2}'], withSecret);
    assert.equal(r.code, 3, which);
    assert.match(r.err, /duplicate member name "a"/, which);
    assert.equal(r.out, '', which);
  }
});

test('explain-secret: the variant that verifies, as kit.onlyoffice.explainSecret says, in both', () => {
  const variants = [
    [SECRET, 0],
    [` ${SECRET}\n`, 1],
    [`"${SECRET}"`, 1],
    [Buffer.from(SECRET).toString('base64'), 1],
    ['secret', 1],
    ['something else entirely', 1],
    [good, 1],                                    // a token pasted as the secret
  ];
  for (const [secret, exit] of variants) {
    const expected = kit.onlyoffice.explainSecret(good, secret);
    const r = both(['explain-secret', '--json', good], { env: { OOJWT_SECRET: secret } });
    assert.equal(r.code, exit, secret);
    assert.equal(r.out, `${JSON.stringify(expected)}\n`, secret);
    const h = both(['explain-secret', good], { env: { OOJWT_SECRET: secret } });
    assert.equal(h.code, exit);
    assert.ok(h.out.includes(expected.message));
    if (expected.variant && !expected.verifies) assert.match(h.out, new RegExp(`^DOES NOT VERIFY as given; the variant that does: ${expected.variant}\n`));
  }
  const trimmed = JSON.parse(both(['explain-secret', '--json', good], { env: { OOJWT_SECRET: ` ${SECRET}\n` } }).out);
  assert.equal(trimmed.variant, 'trimmed');
  // A secret pasted where the token belongs.
  const swapped = both(['explain-secret', '--json', SECRET], { env: { OOJWT_SECRET: good } });
  assert.equal(swapped.code, 1);
  assert.deepEqual(JSON.parse(swapped.out).findings.map((f) => f.code).sort(), ['secret_as_token', 'token_as_secret']);
});

test('explain-secret --server-config: the other secrets of local.json are tried, as kit.onlyoffice.explainSecret does, in both', () => {
  const outbox = 'Outbox-9fK2mP7qL4xR8vN3tB6wZ1cH5';
  const text = JSON.stringify({ services: { CoAuthoring: { secret: { inbox: { string: SECRET }, outbox: { string: outbox } } } } });
  const local = file('explain-local.json', text);
  const signed = kit.sign({ c: 'info', key: 'k1' }, outbox);
  const expected = kit.onlyoffice.explainSecret(signed, SECRET, { serverConfig: text });
  assert.equal(expected.variant, 'outbox-secret');
  const r = both(['explain-secret', '--json', '--server-config', local, signed], withSecret);
  assert.equal(r.code, 1);
  assert.equal(r.out, `${JSON.stringify(expected)}\n`);
  const h = both(['explain-secret', '--server-config', local, signed], withSecret);
  assert.match(h.out, /^DOES NOT VERIFY as given; the variant that does: outbox-secret\n/);
  assert.equal(JSON.parse(both(['explain-secret', '--json', signed], withSecret).out).variant, null, 'not without it');
});

test('server-config: kit.onlyoffice.readServerConfig with the secrets hidden, in both', () => {
  const strong = 'Zr8mQ2vX9pL4sT7wK1nB6cY3hJ5dF0gA';
  const good = file('good-local.json', JSON.stringify({ services: { CoAuthoring: {
    token: { enable: { browser: true, request: { inbox: true, outbox: true } } },
    secret: { inbox: { string: strong }, outbox: { string: strong }, session: { string: strong } },
  } } }, null, 2));
  const weak = file('weak-local.json', '{"services":{"CoAuthoring":{"secret":{"inbox":{"string":"abc"}}}}}');
  const docker = file('docker.env', `JWT_ENABLED=true\nJWT_SECRET=${strong}\n`);
  const hideOne = (s) => (typeof s.value === 'string'
    ? { ...s, value: `(hidden: ${Buffer.byteLength(s.value)} bytes; --show-secrets prints it)` } : s);
  const hide = (c) => ({
    ...c,
    secrets: Object.fromEntries(Object.entries(c.secrets).map(([k, s]) => [k, hideOne(s)])),
    storageSecret: hideOne(c.storageSecret),
  });
  for (const [path, exit] of [[good, 0], [weak, 1], [docker, 0]]) {
    const text = readFileSync(path, 'utf8');
    const expected = kit.onlyoffice.readServerConfig(text);
    const r = both(['server-config', '--json', `@${path}`]);
    assert.equal(r.code, exit, path);
    assert.equal(r.out, `${JSON.stringify(hide(expected))}\n`, path);
    assert.ok(!r.out.includes(strong), 'no secret without --show-secrets');
    const shown = both(['server-config', '--json', '--show-secrets', `@${path}`]);
    assert.equal(shown.out, `${JSON.stringify(expected)}\n`);
    const h = both(['server-config', `@${path}`]);
    assert.equal(h.code, exit);
    assert.ok(!h.out.includes(strong));
    for (const f of expected.findings) assert.ok(h.out.includes(`${f.severity} ${f.code} at ${f.path}: ${f.message}`));
  }
  // From stdin, and with the server's own default.json.
  const text = readFileSync(weak, 'utf8');
  assert.equal(both(['server-config', '--json', '-'], { input: text }).out, both(['server-config', '--json', `@${weak}`]).out);
  const defaults = file('default.json', JSON.stringify({ services: { CoAuthoring: { secret: { outbox: { string: strong } } } } }));
  const d = both(['server-config', '--json', '--defaults', defaults, `@${weak}`]);
  assert.equal(d.out, `${JSON.stringify(hide(kit.onlyoffice.readServerConfig(text, { defaultJsonText: readFileSync(defaults, 'utf8') })))}\n`);
  assert.match(both(['server-config', `@${weak}`]).out, /^Document Server JWT settings \(local\.json, merged over default\.json as shipped\)\n/);
});

test('colour only on a terminal, and not with NO_COLOR', { skip: !existsSync('/usr/bin/script') && 'no script(1) to make a terminal' }, () => {
  const expired = token({ exp: NOW - 10 });
  for (const cmd of [NATIVE, `${process.execPath} ${NODE_CLI}`]) {
    const line = `${cmd} verify --now ${NOW} ${expired}`;
    const tty = spawnSync('/usr/bin/script', ['-qec', line, '/dev/null'], { encoding: 'utf8', env: { ...baseEnv, OOJWT_SECRET: SECRET } });
    assert.match(tty.stdout, /\x1b\[31mINVALID\x1b\[0m: 1 error/, cmd);
    assert.match(tty.stdout, /error \x1b\[31mexpired\x1b\[0m: /);
    const plain = spawnSync('/usr/bin/script', ['-qec', line, '/dev/null'], { encoding: 'utf8', env: { ...baseEnv, OOJWT_SECRET: SECRET, NO_COLOR: '1' } });
    assert.ok(plain.stdout.includes('INVALID: 1 error') && !plain.stdout.includes('\x1b['), cmd);
  }
});

// A seeded generator of payloads that stress JSON.stringify's rules: every
// kind of double, array-index names, escapes, astral characters, nesting.
function payloadGenerator(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const chars = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\t', '\u0001', '\u001f', '\u007f', 'é', 'ß', '€', '\u2028', '😀', '𝄞'];
  const str = () => Array.from({ length: int(8) }, () => chars[int(chars.length)]).join('');
  const num = () => {
    switch (int(6)) {
      case 0: return int(2 ** 31) - 2 ** 30;
      case 1: return (next() - 0.5) * 10 ** (int(40) - 20);
      case 2: { // any finite double, from random bits
        const b = new DataView(new ArrayBuffer(8));
        b.setUint32(0, int(2 ** 32));
        b.setUint32(4, int(2 ** 32));
        const d = b.getFloat64(0);
        return Number.isFinite(d) ? d : 0;
      }
      case 3: return [0, -0, 1e21, 1e-7, 1e-6, 123e-20, 2 ** 53, 5e-324, 0.1][int(9)];
      case 4: return Math.round(next() * 1e6) / 1e3;
      default: return 1.7e9 + int(1e6);
    }
  };
  const name = () => (int(4) === 0 ? String(int(5) === 0 ? 4294967295 : int(100)) : str());
  const value = (depth) => {
    const k = depth > 3 ? int(4) : int(6);
    if (k === 0) return num();
    if (k === 1) return str();
    if (k === 2) return [true, false, null][int(3)];
    if (k === 3) return num();
    if (k === 4) return Array.from({ length: int(4) }, () => value(depth + 1));
    return object(depth + 1);
  };
  const object = (depth) => {
    const o = {};
    for (let i = int(6); i > 0; i--) o[name()] = value(depth);
    return o;
  };
  return () => object(0);
}

test('sign: 300 seeded random payloads, native token = kit.sign token', () => {
  const seed = Number(process.env.OOJWT_SEED ?? Date.now() % 1e9);
  console.log(`# cli sign property test seed ${seed} (OOJWT_SEED=${seed} reproduces it)`);
  const gen = payloadGenerator(seed);
  for (let i = 0; i < 300; i++) {
    const payload = gen();
    const text = JSON.stringify(payload, null, i % 3 === 0 ? 2 : undefined);
    const r = run('native', ['sign', '-'], { ...withSecret, input: text });
    assert.equal(r.code, 0, `seed ${seed} #${i}: ${r.err}`);
    assert.equal(r.out, `${kit.sign(payload, SECRET)}\n`, `seed ${seed} #${i}: ${text}`);
  }
});

test('inspect-config: kit.onlyoffice.inspectConfig, in both; secret from the options or local.json', () => {
  const config = {
    document: { fileType: 'docx', key: 'k1', title: 'a.docx', url: 'https://example.com/a.docx' },
    documentType: 'word',
    editorConfig: { callbackUrl: 'https://example.com/cb', mode: 'edit' },
  };
  const signed = { ...config, token: kit.sign(config, SECRET, { now: NOW, expiresIn: '1h' }) };
  const local = file('inspect-local.json', JSON.stringify({ services: { CoAuthoring: {
    secret: { inbox: { string: SECRET } }, token: { enable: { browser: true } },
  } } }));
  const cases = [
    // [config, cli args, inspectConfig options, expected exit]
    [signed, ['--now', String(NOW)], { now: NOW, secret: SECRET }, 0, withSecret],
    [signed, ['--now', String(NOW + 7200)], { now: NOW + 7200, secret: SECRET }, 1, withSecret],
    [signed, ['--now', String(NOW), '--secret-env', 'OTHER'], { now: NOW, secret: 'another secret' }, 1, { env: { OTHER: 'another secret' } }],
    [config, ['--now', String(NOW)], { now: NOW, secret: SECRET }, 1, withSecret],
    [signed, ['--now', String(NOW), '--server-config', local], { now: NOW, serverConfig: readFileSync(local, 'utf8') }, 0, {}],
    [signed, ['--now', String(NOW), '--server-config', local, '--secret-env', 'OTHER'],
      { now: NOW, serverConfig: readFileSync(local, 'utf8'), secret: 'x' }, 1, { env: { OTHER: 'x' } }],
    // verifyOptions, passed whole to jsonwebtoken by DocService's checkJwt.
    ...[[{ ignoreExpiration: true }, 0], [{ maxAge: '1h' }, 1], [{ complete: true }, 1], [null, 1]].map(([vo, exit], i) => {
      const p = file(`inspect-vo-${i}.json`, JSON.stringify({ services: { CoAuthoring: {
        secret: { inbox: { string: SECRET } }, token: { enable: { browser: true }, verifyOptions: vo },
      } } }));
      return [signed, ['--now', String(NOW + 7200), '--server-config', p], { now: NOW + 7200, serverConfig: readFileSync(p, 'utf8') }, exit, {}];
    }),
  ];
  for (const [cfg, args, options, exit, opts] of cases) {
    const expected = kit.onlyoffice.inspectConfig(cfg, options);
    const text = JSON.stringify(cfg, null, 2);
    const r = both(['inspect-config', '--json', ...args, '-'], { ...opts, input: text });
    assert.equal(r.code, exit, `${args.join(' ')}: ${r.err}`);
    assert.equal(r.out, `${JSON.stringify(expected)}\n`, args.join(' '));
    assert.equal(expected.verdict.ok, exit === 0);
    const h = both(['inspect-config', ...args, '-'], { ...opts, input: text });
    assert.equal(h.code, exit);
    const v = expected.verdict;
    assert.ok(h.out.startsWith(v.ok ? `OPENS: ${v.message}\n` : `CLOSES ${v.closeCode} (editor error ${v.editorError}): ${v.message}\n`), h.out);
  }
});

test('inspect-url and nginx-config: the reports of kit.onlyoffice, in both; secrets from the options or the config files', () => {
  const secret = 'Zr8mQ2vX9pL4sT7wK1nB';
  const uri = '/cache/files/data/k1/output.docx/Report%202023.docx';
  const expires = NOW + 900;
  const md5 = createHash('md5').update(expires + decodeURIComponent(uri) + secret).digest('base64url');
  const link = `https://ds.example.com${uri}?md5=${md5}&expires=${expires}&filename=Report%202023.docx`;
  const local = file('link-local.json', JSON.stringify({ storage: { fs: { secretString: secret } } }));
  const nginx = file('ds.conf', `server {\n  listen 443 ssl;\n  ssl_certificate /a.pem;\n  ssl_protocols TLSv1.2;\n  set $secure_link_secret ${secret};\n}\n`);
  const report = (options) => {
    const r = kit.onlyoffice.inspectDownloadUrl(link, { now: NOW, ...options });
    delete r.expires.local;
    return `${JSON.stringify(r)}\n`;
  };
  for (const [args, opts, exit, withSecret] of [
    [[], { env: { OOJWT_SECRET: secret } }, 0, true],
    [['--server-config', local], {}, 0, true],
    [['--nginx-config', nginx], {}, 0, true],
    [[], {}, 1, false],
    [['--secret-env', 'LINK'], { env: { LINK: 'wrong' } }, 1, 'wrong'],
  ]) {
    const r = both(['inspect-url', '--json', '--now', String(NOW), ...args, link], opts);
    assert.equal(r.code, exit, `${args.join(' ')}: ${r.err}`);
    const expected = withSecret === false ? report({}) : report({ secret: withSecret === true ? secret : withSecret });
    assert.equal(r.out, expected, args.join(' '));
  }
  const expired = both(['inspect-url', '--now', String(expires + 1), '--server-config', local, link]);
  assert.equal(expired.code, 1);
  assert.match(expired.out, /^410 Gone/);
  assert.match(expired.out, /error link_expired at expires: /);
  assert.equal(both(['inspect-url', '--secret-from-local-json', local, link]).code, 2);
  assert.ok(both(['inspect-url', '--help']).out.startsWith('usage: oojwt inspect-url'));
  assert.ok(both(['nginx-config', '--help']).out.startsWith('usage: oojwt nginx-config'));

  const hidden = `(hidden: ${secret.length} bytes; --show-secrets prints it)`;
  const n = both(['nginx-config', '--json', `@${nginx}`]);
  assert.equal(n.code, 0, n.err);
  assert.equal(n.out, `${JSON.stringify({ ...kit.onlyoffice.readNginxConfig(readFileSync(nginx, 'utf8')), secureLinkSecret: hidden })}\n`);
  assert.ok(!n.out.includes(secret));
  assert.equal(both(['nginx-config', '--json', '--show-secrets', `@${nginx}`]).out,
    `${JSON.stringify(kit.onlyoffice.readNginxConfig(readFileSync(nginx, 'utf8')))}\n`);
  const other = file('other-local.json', '{}');
  const differ = both(['nginx-config', '--json', '--server-config', other, `@${nginx}`]);
  assert.equal(differ.code, 1, 'secrets that differ are an error');
  assert.equal(JSON.parse(differ.out).storageSecretMatches, false);
  assert.ok(JSON.parse(differ.out).findings.some((f) => f.code === 'link_secrets_differ'));
  const human = both(['nginx-config', '--server-config', local, `@${nginx}`]);
  assert.equal(human.code, 0);
  assert.match(human.out, /^nginx configuration\n {2}secure link secret: \(hidden: 20 bytes/);
  assert.match(human.out, /listen: 443 ssl\n/);
  const broken = both(['nginx-config', '-'], { input: 'server {\n  listen 80\n}\n' });
  assert.equal(broken.code, 1);
  assert.match(broken.out, /error nginx_syntax at line 3: /);
});

test('inspect-cert: both CLIs print kit.inspectCertificate\'s report, the same verdict and exit codes', async () => {
  const { makeCerts, pemToDer } = await import('../helpers/certs.mjs');
  const { certs } = makeCerts();
  const now = Math.floor(Date.now() / 1000);
  assert.ok(both(['inspect-cert', '--help']).out.startsWith('usage: oojwt inspect-cert'));
  assert.ok(both(['--help']).out.includes('inspect-cert'));
  const der = file('leaf.der', pemToDer(readFileSync(certs.leaf.cert, 'utf8')));
  const cases = [
    [['--host', '192.0.2.10', '--key', certs.rsa.key, `@${certs.rsa.cert}`], 'rsa', { host: '192.0.2.10', key: 'rsa' }, 0],
    [['--host', 'nextcloud.example.net', `@${certs.rsa.cert}`], 'rsa', { host: 'nextcloud.example.net' }, 1],
    [['--key', certs.localhost.key, `@${certs.rsa.cert}`], 'rsa', { key: 'localhost' }, 1],
    [[`@${certs.expired.cert}`], 'expired', {}, 1],
    [['--host', 'localhost', `@${certs.localhost.cert}`], 'localhost', { host: 'localhost' }, 0],
    [['--host', '10.0.0.5', `@${der}`], 'leaf', { host: '10.0.0.5' }, 0],
    [['-'], 'leaf', {}, 0, readFileSync(certs.leaf.cert, 'utf8')],
  ];
  for (const [args, name, opt, exit, input] of cases) {
    const options = { now };
    if (opt.host !== undefined) options.host = opt.host;
    if (opt.key !== undefined) options.privateKey = readFileSync(certs[opt.key].key, 'utf8');
    const expected = kit.inspectCertificate(readFileSync(certs[name].cert), options);
    const j = both(['inspect-cert', '--json', '--now', String(now), ...args], { input });
    assert.equal(j.code, exit, `${args.join(' ')}: ${j.err}`);
    assert.equal(j.out, `${JSON.stringify(expected)}\n`, args.join(' '));
    const h = both(['inspect-cert', '--now', String(now), ...args], { input });
    assert.equal(h.code, exit);
    assert.ok(h.out.startsWith(`CERTIFICATE: ${expected.subject}\n`));
    for (const f of expected.findings) assert.ok(h.out.includes(`${f.severity} ${f.code}: ${f.message}\n`));
  }
  // Not a certificate, an unreadable key: exit 3 with the error in both forms.
  const bad = both(['inspect-cert', '--json', 'hello']);
  assert.equal(bad.code, 3);
  assert.equal(JSON.parse(bad.out).error.code, 'bad_certificate');
  const noKey = both(['inspect-cert', '--key', certs.rsa.cert, `@${certs.rsa.cert}`]);
  assert.equal(noKey.code, 3);
  assert.match(noKey.err, /^oojwt: inspect-cert: bad_key: /);
  const missing = both(['inspect-cert', '--key', join(tmp, 'nope.key'), `@${certs.rsa.cert}`]);
  assert.equal(missing.code, 3);
});

test('inspect-request: kit.onlyoffice.inspectRequest, in both; raw text, JSON, secret from options or local.json', () => {
  const cmd = token({ c: 'info', key: 'k1' });
  const raw = (auth) => `POST /coauthoring/CommandService.ashx HTTP/1.1\r\nHost: ds\r\n${auth}\r\n`
    + 'Content-Type: application/json\r\n\r\n{"c":"info","key":"k1"}\n';
  const outbox = 'outbox-secret-0123456789abcdefghij';
  const callback = { key: 'k1', status: 1, users: ['u1'] };
  const cbBody = JSON.stringify({ ...callback, token: token(callback, { secret: outbox }) }, null, 2);
  const local = file('request-local.json', JSON.stringify({ services: { CoAuthoring: {
    token: { enable: { request: { inbox: true, outbox: true } } },
    secret: { inbox: { string: SECRET }, outbox: { string: outbox } },
  } } }));
  const docker = file('request-docker.env', `JWT_ENABLED=true\nJWT_SECRET=${SECRET}\nJWT_HEADER=AuthorizationJwt\n`);
  const expired = token({ c: 'info', key: 'k1', exp: NOW - 3600 });
  // secret.inbox.string "" and no file: DocsCoServer.js checkJwt has no secret.
  const noSecret = file('request-no-secret.json', JSON.stringify({ services: { CoAuthoring: {
    token: { enable: { request: { inbox: true } } }, secret: { inbox: { string: '' } },
  } } }));
  const body = (payload) => JSON.stringify({ token: token(payload) });
  const conv = { filetype: 'docx', key: 'k1', url: 'https://example.com/a.docx' };
  const aged = file('request-maxage.json', JSON.stringify({ services: { CoAuthoring: {
    token: { enable: { request: { inbox: true } }, verifyOptions: { maxAge: 60 } }, secret: { inbox: { string: SECRET } },
  } } }));
  const cases = [
    // [input, cli args, secret, inspectRequest options, exit, run options]
    [raw(`Authorization: Bearer ${cmd}`), ['--kind', 'command'], SECRET, { kind: 'command' }, 0, withSecret],
    [raw(`Authorization: bearer ${cmd}`), ['--kind', 'command'], SECRET, { kind: 'command' }, 1, withSecret],
    [raw(`Authorization: Bearer ${expired}`), ['--kind', 'command'], SECRET, { kind: 'command' }, 1, withSecret],
    [raw(`AuthorizationJwt: Bearer ${cmd}`), ['--kind', 'command', '--server-config', docker], null,
      { kind: 'command', serverConfig: readFileSync(docker, 'utf8') }, 0, {}],
    [raw(`Authorization: Bearer ${cmd}`), ['--kind', 'converter', '--server-config', docker], null,
      { kind: 'converter', serverConfig: readFileSync(docker, 'utf8') }, 1, {}],
    [cbBody, ['--kind', 'callback', '--secret-from-local-json', local], outbox, { kind: 'callback' }, 0, {}],
    [cbBody, ['--kind', 'callback', '--secret-from-local-json', local, '--which', 'inbox'], SECRET, { kind: 'callback' }, 1, {}],
    [cbBody, ['--kind', 'callback', '--server-config', local], null,
      { kind: 'callback', serverConfig: readFileSync(local, 'utf8') }, 0, {}],
    [cbBody, ['--kind', 'callback', '--clock-tolerance', '5'], SECRET, { kind: 'callback', clockTolerance: 5 }, 1, withSecret],
    // DocsCoServer.js validateInputParams: license needs no key, getForgotten does.
    [body({ c: 'license' }), ['--kind', 'command'], SECRET, { kind: 'command' }, 0, withSecret],
    [body({ c: 'getForgotten' }), ['--kind', 'command'], SECRET, { kind: 'command' }, 1, withSecret],
    // converterservice.js convertRequest: outputtype through getFormatFromString.
    [body({ ...conv, outputtype: 'PDF' }), ['--kind', 'converter'], SECRET, { kind: 'converter' }, 0, withSecret],
    [body(conv), ['--kind', 'converter'], SECRET, { kind: 'converter' }, 1, withSecret],
    [JSON.stringify({ outputtype: 'pdf', token: token(conv) }), ['--kind', 'converter'], SECRET, { kind: 'converter' }, 1, withSecret],
    // converterservice.js builderRequest: no key, no url, no body.
    [`POST /docbuilder HTTP/1.1\r\nAuthorization: Bearer ${token({ async: false })}\r\n\r\n`, ['--kind', 'docbuilder'], SECRET, { kind: 'docbuilder' }, 1, withSecret],
    [body({ c: 'info', key: 'k1' }), ['--kind', 'command', '--server-config', noSecret], null,
      { kind: 'command', serverConfig: readFileSync(noSecret, 'utf8') }, 1, {}],
    // The server's verifyOptions (jsonwebtoken's maxAge: 60 s from iat), and
    // --clock-tolerance over their clockTolerance.
    ...[[[], 1], [['--clock-tolerance', '600'], 0]].map(([extra, exit]) => [
      raw(`Authorization: Bearer ${token({ c: 'info', key: 'k1', iat: NOW - 300 })}`),
      ['--kind', 'command', '--server-config', aged, ...extra], null,
      { kind: 'command', serverConfig: readFileSync(aged, 'utf8'), ...(extra.length ? { clockTolerance: 600 } : {}) }, exit, {}]),
  ];
  for (const [input, args, secret, options, exit, opts] of cases) {
    const expected = kit.onlyoffice.inspectRequest(input, secret, { ...options, now: NOW });
    const r = both(['inspect-request', '--json', '--now', String(NOW), ...args, '-'], { ...opts, input });
    assert.equal(r.code, exit, `${args.join(' ')}: ${r.err}`);
    assert.equal(r.out, `${JSON.stringify(expected)}\n`, args.join(' '));
    assert.equal(expected.verdict.ok, exit === 0);
    const h = both(['inspect-request', '--now', String(NOW), ...args, '-'], { ...opts, input });
    assert.equal(h.code, exit);
    assert.ok(h.out.startsWith(`${expected.verdict.ok ? 'ACCEPTED' : 'REFUSED'} (${expected.kind}): ${expected.verdict.message}\n`), h.out);
    for (const f of expected.findings) assert.ok(h.out.includes(`${f.severity} ${f.code} at ${f.path}: ${f.message}`), f.code);
  }
  // From a file, and as an argument.
  const p = file('request.http', raw(`Authorization: Bearer ${cmd}`));
  const fromFile = both(['inspect-request', '--json', '--now', String(NOW), '--kind', 'command', `@${p}`], withSecret);
  assert.equal(fromFile.code, 0);
  assert.equal(both(['inspect-request', '--json', '--now', String(NOW), '--kind', 'command', readFileSync(p, 'utf8')], withSecret).out, fromFile.out);
  const help = both(['inspect-request', '--help']);
  assert.ok(help.out.startsWith('usage: oojwt inspect-request --kind KIND'));
  assert.match(both(['--help']).out, /inspect-request +a request to Document Server/);
});

test('inspect-config --server-config with an empty inbox secret: no secret at all (utils.getSecretByElem), in both', () => {
  const local = file('config-no-secret.json', JSON.stringify({ services: { CoAuthoring: {
    token: { enable: { browser: true } }, secret: { inbox: { string: '' } },
  } } }));
  const config = { document: { fileType: 'docx', key: 'k1', title: 'a.docx', url: 'https://example.com/a.docx' }, documentType: 'word' };
  const input = JSON.stringify({ ...config, token: kit.sign(config, SECRET) });
  const r = both(['inspect-config', '--json', '--now', String(NOW), '--server-config', local, '-'], { input });
  const expected = kit.onlyoffice.inspectConfig(JSON.parse(input), { serverConfig: readFileSync(local, 'utf8'), now: NOW });
  assert.equal(r.code, 1, r.err);
  assert.equal(r.out, `${JSON.stringify(expected)}\n`);
  assert.equal(expected.verdict.closeCode, 4006);
  assert.equal(expected.token.serverMessage, 'secret or public key must be provided');
  // The secret given wins; a secret in a file is asked for.
  assert.equal(both(['inspect-config', '--json', '--now', String(NOW), '--server-config', local, '-'], { ...withSecret, input }).code, 0);
  const inFile = file('config-secret-file.json', JSON.stringify({ services: { CoAuthoring: { secret: { inbox: { string: '', file: '/run/s' } } } } }));
  // (the input as an argument: the command exits before it would read stdin)
  const f = both(['inspect-config', '--json', '--now', String(NOW), '--server-config', inFile, input]);
  assert.equal(f.code, 3);
  assert.match(f.err, /--secret-file/);
});

test('inspect-config --server-version: the 7.1-8.1 rule for view mode, in both', () => {
  const config = {
    document: { fileType: 'docx', key: 'k1', title: 'a.docx', url: 'https://example.com/a.docx' },
    documentType: 'word',
    editorConfig: { callbackUrl: 'https://example.com/cb', mode: 'view' },
  };
  const { mode, ...editorConfig } = config.editorConfig;
  const signed = { ...config, token: kit.sign({ ...config, editorConfig }, SECRET) };
  const input = JSON.stringify(signed);
  for (const [version, exit] of [[undefined, 0], ['8.2', 0], ['8.1', 1], ['7.3.3', 1]]) {
    const args = ['inspect-config', '--json', '--now', String(NOW), ...(version ? ['--server-version', version] : []), '-'];
    const r = both(args, { ...withSecret, input });
    assert.equal(r.code, exit, `${version}: ${r.err}`);
    const expected = kit.onlyoffice.inspectConfig(signed, { secret: SECRET, now: NOW, ...(version ? { serverVersion: version } : {}) });
    assert.equal(r.out, `${JSON.stringify(expected)}\n`);
  }
  void mode;
});


test('inspect-request --connector/--leeway: a callback as one connector judges it, in both', () => {
  // DS's clock 30 s ahead: php-jwt (Nextcloud) refuses, Moodle's 60 s leeway copes.
  const cb = { key: 'k1', status: 2, url: 'https://ds.example/x' };
  const body = JSON.stringify({ ...cb, token: token({ ...cb, iat: NOW + 30, exp: NOW + 330 }) });
  const args = (...more) => ['inspect-request', '--now', String(NOW), '--kind', 'callback', ...more, body];
  const nc = both(args('--connector', 'nextcloud'), withSecret);
  assert.equal(nc.code, 1);
  assert.match(nc.out, /^REFUSED \(callback\): Nextcloud refuses the body token: firebase\/php-jwt 6\.9 to 6\.11 says "Cannot handle token with iat prior to/);
  assert.match(nc.out, /answer: HTTP 403 \{"message":"Access denied"\}/);
  assert.match(nc.out, /^connector nextcloud: refuses \(HTTP 403\): Cannot handle token with iat prior to /m);
  assert.equal(both(args('--connector', 'nextcloud', '--leeway', '30'), withSecret).code, 0);
  assert.equal(both(args('--connector', 'moodle'), withSecret).code, 0);
  const all = both(args(), withSecret);
  assert.equal(all.out.match(/^connector /gm).length, kit.onlyoffice.connectors().connectors.length);
  assert.match(all.out, /error connectors_decide at connector: Refused by 13 /);
  const json = JSON.parse(both(args('--json', '--connector', 'strapi'), withSecret).out);
  assert.deepEqual(json.connectors.map((c) => [c.id, c.accepted]), [['strapi', true]]);
});

test('inspect-config: a history token opens read-only, a false-like token is not authorized, a WOPI token drops, in both', () => {
  // DocsCoServer.js auth(): decoded.version -> fillVersionHistoryFromJwt
  // (8.3+), which returns true; io.use: if (!checkJwtRes.decoded) "not
  // authorized" (no close code); a WOPI token's userAuth object is read as
  // a WOPI callback (wopiClient.parseWopiCallback) with no stored session:
  // 4007.
  const config = {
    document: { fileType: 'docx', key: 'k1', title: 'a.docx', url: 'https://example.com/a.docx' },
    documentType: 'word',
    editorConfig: { callbackUrl: 'https://example.com/cb', mode: 'edit' },
  };
  const history = kit.sign({ url: 'https://example.com/v1.docx', key: 'k1', version: 1 }, SECRET);
  const wopi = kit.sign({ fileInfo: { BaseFileName: 'a.docx' }, userAuth: { wopiSrc: 'https://wopi.example.com/files/1' } }, SECRET);
  const input = (t) => `${JSON.stringify({ ...config, token: t })}`;
  const h = both(['inspect-config', '--now', String(NOW), '-'], { ...withSecret, input: input(history) });
  assert.equal(h.code, 0, h.err);
  assert.match(h.out, /^OPENS: the editor opens read-only.*\ntoken: history\ntoken kind: setHistoryData \(certain; .*\nwarning not_an_opening_token at token: /);
  assert.match(h.out, /"mode": "view"/);
  assert.match(h.out, /"url": "https:\/\/example\.com\/v1\.docx"/);
  const f = both(['inspect-config', '--now', String(NOW), '-'],
    { ...withSecret, input: input(rawToken(JSON.stringify({ alg: 'HS256', typ: 'JWT' }), '0')) });
  assert.equal(f.code, 1);
  assert.match(f.out, /^DOES NOT OPEN: not authorized: .*\ntoken: no token Document Server can use\nerror falsy_payload at token: /);
  const w = both(['inspect-config', '--now', String(NOW), '-'], { ...withSecret, input: input(wopi) });
  assert.equal(w.code, 1);
  assert.match(w.out, /^CLOSES 4007: The connection is dropped \(drop\)\. \(invalid wopi callback\)\ntoken: wopi\ntoken kind: config \(likely; .*\nerror not_an_opening_token/);
});

test('inspect-config with a token alone: its kind guessed (or --kind NAME) and judged as Document Server judges that kind, in both', () => {
  // ONLYOFFICE's JWT article example: {fileType: png, url}, signature cut to 24 characters.
  const whole = token({ fileType: 'png', url: 'https://example.com/url-to-example-image.png' });
  const article = whole.slice(0, whole.lastIndexOf('.') + 25);
  const docx = token({ fileType: 'docx', url: 'https://example.com/a.docx' });
  const cases = [
    // [input, args, inspectBrowserToken kind, exit, first line]
    [article, [], undefined, 1, 'REFUSED (insertImage on imgurls, error -121, editor error -20): '],
    [`  ${docx}\n`, [], undefined, 0, 'ACCEPTED (setRequestedDocument on downloadAs): '],
    [docx, ['--kind', 'setRevisedFile'], 'setRevisedFile', 0, 'ACCEPTED (setRevisedFile on downloadAs): '],
    [docx, ['--kind', 'downloadFile'], 'downloadFile', 1, 'REFUSED (downloadFile on downloadFile, HTTP 403): '],
    [JSON.stringify({ token: docx }), ['--kind', 'setReferenceSource'], 'setReferenceData', 0,
      'ACCEPTED (setReferenceData on downloadAs): '],
  ];
  for (const [input, args, kind, exit, first] of cases) {
    const expected = kit.onlyoffice.inspectBrowserToken(input.trim().startsWith('{') ? JSON.parse(input).token : input.trim(),
      { secret: SECRET, now: NOW, kind });
    const j = both(['inspect-config', '--json', '--now', String(NOW), ...args, '-'], { ...withSecret, input });
    assert.equal(j.code, exit, `${args.join(' ')}: ${j.err}`);
    assert.equal(j.out, `${JSON.stringify(expected)}\n`);
    const h = both(['inspect-config', '--now', String(NOW), ...args, '-'], { ...withSecret, input });
    assert.equal(h.code, exit);
    assert.ok(h.out.startsWith(first), h.out);
    assert.match(h.out, new RegExp(`^kind: ${expected.kind.kind} \\((chosen with --kind|guessed)\\), guessed `, 'm'));
  }
  const ambiguous = both(['inspect-config', '--now', String(NOW), '-'], { ...withSecret, input: docx });
  assert.match(ambiguous.out, /guessed setRequestedDocument \(ambiguous; candidates: setRequestedDocument, setRevisedFile\)/);
  assert.match(ambiguous.out, /^info kind_ambiguous at token: /m);
  // An unknown kind, and --kind on a config without a token, are usage errors.
  // (the input as an argument: a usage error exits before stdin would be read)
  assert.equal(both(['inspect-config', '--kind', 'insertimage', docx], withSecret).code, 2);
  assert.equal(both(['inspect-config', '--kind', 'insertImage', '-'], { ...withSecret, input: '{"document":{}}' }).code, 2);
  // A config keeps its own judgement, and says what kind its token looks like.
  const config = { document: { fileType: 'docx', key: 'k1', url: 'https://example.com/a.docx' }, editorConfig: { mode: 'edit' } };
  const signed = JSON.stringify({ ...config, token: kit.sign(config, SECRET, { now: NOW }) });
  const c = both(['inspect-config', '--now', String(NOW), '-'], { ...withSecret, input: signed });
  assert.match(c.out, /^token: opening\ntoken kind: config \(likely; candidates: config, refreshFile\): /m);
  const wrong = JSON.stringify({ ...config, token: docx });
  const w = both(['inspect-config', '--now', String(NOW), '-'], { ...withSecret, input: wrong });
  assert.match(w.out, /^token kind: setRequestedDocument \(ambiguous; /m);
});

test('inspect-config --connector and inspect-request --kind download: kit.onlyoffice, in both', () => {
  // Moodle signs its config with no iat and no exp (classes/editor.php).
  const config = {
    document: { fileType: 'docx', key: 'k1', title: 'a.docx', url: 'https://lms.example/pluginfile.php/5/mod_onlyofficeeditor/content/0/a.docx' },
    documentType: 'word',
    editorConfig: { callbackUrl: 'https://lms.example/mod/onlyofficeeditor/callback.php?doc=x' },
  };
  const signed = JSON.stringify({ ...config, token: token(config) });
  for (const [args, options] of [[[], {}], [['--connector', 'moodle'], { connector: 'moodle' }],
    [['--connector', 'none'], { connector: 'none' }], [['--connector', 'strapi'], { connector: 'strapi' }]]) {
    const expected = kit.onlyoffice.inspectConfig(signed, { secret: SECRET, now: NOW, ...options });
    const r = both(['inspect-config', '--json', '--now', String(NOW), ...args, '-'], { ...withSecret, input: signed });
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, `${JSON.stringify(expected)}\n`, args.join(' '));
    const h = both(['inspect-config', '--now', String(NOW), ...args, '-'], { ...withSecret, input: signed });
    for (const f of expected.findings) assert.ok(h.out.includes(`${f.severity} ${f.code} at ${f.path}: ${f.message}`), f.code);
  }
  assert.match(both(['inspect-config', '--now', String(NOW), '-'], { ...withSecret, input: signed }).out,
    /info token_never_expires at connector: Moodle signs its editor configs with no exp/);
  // DS's download of document.url: {payload: {url}} in the outbox header, 30 s ahead.
  const url = 'https://cloud.example/apps/onlyoffice/download?doc=abc';
  const dl = `GET /apps/onlyoffice/download?doc=abc HTTP/1.1\r\nAuthorization: Bearer ${
    token({ payload: { url }, iat: NOW + 30, exp: NOW + 330 })}\r\n\r\n`;
  for (const [args, options, exit] of [[[], {}, 0], [['--connector', 'nextcloud'], { connector: 'nextcloud' }, 1],
    [['--connector', 'moodle'], { connector: 'moodle' }, 0]]) {
    const expected = kit.onlyoffice.inspectRequest(dl, SECRET, { kind: 'download', now: NOW, ...options });
    const r = both(['inspect-request', '--kind', 'download', '--json', '--now', String(NOW), ...args, '-'], { ...withSecret, input: dl });
    assert.equal(r.code, exit, r.err);
    assert.equal(r.out, `${JSON.stringify(expected)}\n`, args.join(' '));
  }
  const h = both(['inspect-request', '--kind', 'download', '--now', String(NOW), '-'], { ...withSecret, input: dl });
  assert.match(h.out, /^ACCEPTED \(download\): /);
  assert.match(h.out, /connector nextcloud: refuses \(HTTP 403\): Cannot handle token with iat prior to /);
  assert.match(h.out, /connector moodle: accepts/);
});
