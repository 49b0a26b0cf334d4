// The two command lines print the same bytes: build/oojwt and bin/oojwt.mjs
// (src/cli/ compiled into bin/oojwt-cli.wasm) run over one corpus -- every
// subcommand and its help, good and bad inputs, and the journeys of a
// Document Server host (a secret with a trailing newline in local.json,
// `server-config PATH`, an Authorization header and Bearer value, a log
// line, text of the wrong kind) -- and must agree on stdout, stderr and
// the exit code, byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOW, SECRET } from '../helpers/common.mjs';
import { COMMANDS, cliInputs } from './inputs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const NODE_CLI = join(root, 'bin', 'oojwt.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'oojwt-same-'));
const { file, good, nl, local, localJson, config, nginx, request, configPhp } = cliInputs(tmp);
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'OOJWT_SECRET' && k !== 'NO_COLOR'));

function run(cmd, args, { env = {}, input = '' }) {
  const r = spawnSync(cmd, args, { env: { ...baseEnv, ...env }, input, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout.toString('latin1'), err: r.stderr.toString('latin1') };
}

const localNl = file('local-nl.json', local(`${SECRET}\n`));
const tokenFile = file('token.txt', `${good}\n`);
const withSecret = { env: { OOJWT_SECRET: SECRET } };
// A Document Server host's files under a folder, for diagnose --root.
const dsHost = join(tmp, 'host');
mkdirSync(join(dsHost, 'etc/onlyoffice/documentserver/nginx'), { recursive: true });
writeFileSync(join(dsHost, 'etc/onlyoffice/documentserver/local.json'), local(`${SECRET}\n`));
writeFileSync(join(dsHost, 'etc/onlyoffice/documentserver/nginx/ds.conf'), nginx);
// A Chinese locale as a shell sets it (LC_ALL and LC_MESSAGES empty: unset).
const ZH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' };
const zh = { env: ZH };
const link = 'https://ds.example.com/cache/files/data/k1/output.docx/output.docx?md5=abc&expires=1700000000&filename=output.docx';
const now = ['--now', String(NOW)];
const diagnoseVectors = JSON.parse(readFileSync(join(root, 'tests', 'vectors', 'diagnose.json'), 'utf8'));


const CORPUS = [
  [[]], [['--help']], [['-h']], [['--version']], [['frobnicate']], [['help', 'verify']],
  ...COMMANDS.map((c) => [[c, '--help']]),
  // decode
  [['decode', good]], [['decode', '--json', good]], [['decode', '--quiet', good]], [['decode', `@${tokenFile}`]],
  [['decode', tokenFile]], [['decode', '-'], { input: `  ${good}\r\n` }], [['decode', 'a.b']], [['decode', 'abc.d$f.ghi']],
  [['decode', `Authorization: Bearer ${good}`]], [['decode', `Bearer ${good}`]], [['decode', `"${good}"`]],
  [['decode', `2026-12-06 10:00:01 [ERROR] nodeJS - checkJwt error: token=${good} invalid signature`]],
  [['decode', localJson]], [['decode', nginx]], [['decode', '/etc/onlyoffice/documentserver/local.json']],
  [['decode', good, 'extra']], [['decode', `@${join(tmp, 'missing')}`]], [['decode', tmp]],
  // verify
  [['verify', ...now, good], withSecret], [['verify', '--json', ...now, good], withSecret],
  [['verify', '--quiet', ...now, good], withSecret], [['verify', '--payload', ...now, good], withSecret], [['verify', ...now, '--secret-from-local-json', localJson, good]],
  [['verify', ...now, '--secret-from-local-json', localNl, nl]], [['verify', ...now, '--secret-from-local-json', localJson, nl]],
  [['verify', ...now, '--secret-from-local-json', localJson, '--json', nl]],
  [['verify', ...now, '--profile', 'onlyoffice', nl], withSecret], [['verify', ...now, '--profile', 'strict', nl], withSecret],
  [['verify', ...now, '--profile', 'other', good], withSecret],
  [['verify', ...now, '--secret-from-local-json', localJson, '--which', 'browser', good]],
  [['verify', ...now, `Authorization: Bearer ${good}`], withSecret], [['verify', ...now, good]],
  [['verify', ...now, '--secret', SECRET, good]], [['verify', ...now, '--clock-tolerance', '-1', good], withSecret],
  [['verify', String(NOW + 7200), good], withSecret], [['verify', ...now, localJson], withSecret],
  // sign
  [['sign', '{"a":1}', ...now, '--iat'], withSecret], [['sign', '--json', '{"a":1}'], withSecret],
  [['sign', '[1]'], withSecret], [['sign', '--alg', 'HS999', '{}'], withSecret],
  // explain-secret
  [['explain-secret', nl], withSecret], [['explain-secret', '--json', nl], withSecret],
  [['explain-secret', '--server-config', localJson, good], { env: { OOJWT_SECRET: 'other' } }],
  // server-config
  [['server-config', localJson]], [['server-config', `@${localNl}`]], [['server-config', '--json', localJson]],
  [['server-config', '--show-secrets', localJson]], [['server-config', good]], [['server-config', nginx]],
  [['server-config', '/etc/onlyoffice/documentserver/local.json']], [['server-config', 'JWT_ENABLED=true\nJWT_SECRET=abc\n']],
  // inspect-config
  [['inspect-config', ...now, config], withSecret], [['inspect-config', ...now, '--json', config], withSecret],
  [['inspect-config', ...now, '--server-config', localJson, good]], [['inspect-config', '{}']],
  // inspect-url, nginx-config
  [['inspect-url', ...now, 'https://ds.example.com/cache/files/data/k1/output.docx/output.docx?md5=abc&expires=1700000000&filename=output.docx']],
  [['nginx-config', nginx]], [['nginx-config', '--json', nginx]], [['nginx-config', localJson]],
  [['inspect-url', good]], [['explain-secret', localJson], withSecret], [['inspect-config', nginx], withSecret],
  // inspect-cert
  [['inspect-cert', 'not a certificate']], [['inspect-cert', good]],
  // inspect-request
  [['inspect-request', '--kind', 'command', ...now, request], withSecret],
  [['inspect-request', '--kind', 'command', ...now, '--json', request], withSecret],
  [['inspect-request', '--kind', 'callback', ...now, '{"key":"k1","status":2}'], withSecret],
  [['inspect-request']],
  [['inspect-request', '--kind', 'download', ...now, request], withSecret],
  [['inspect-config', ...now, '--connector', 'moodle', config], withSecret],
  [['inspect-config', ...now, '--connector', 'nobody', config], withSecret],
  // connector-settings
  [['connector-settings', configPhp]], [['connector-settings', '--server-config', localJson, configPhp]],
  [['connector-settings', '--json', '--server-config', localJson, configPhp]], [['connector-settings', good]],
  // diagnose: the journeys of the page's Diagnose box
  [['diagnose', ...now, localNl, good]], [['diagnose', ...now, '--json', localJson, nl]],
  [['diagnose', ...now, '--quiet', localJson, tokenFile]], [['diagnose', ...now, 'Error when trying to connect (Invalid token)']],
  [['diagnose', ...now, `Authorization: Bearer ${good}`, configPhp]], [['diagnose', ...now, good.slice(0, -20)], withSecret],
  [['diagnose', ...now, 'just some words here']], [['diagnose', ...now, nginx, localJson]],
  // symptoms: the table, and the Chinese texts it recognises
  [['symptoms']], [['symptoms', '--json']], [['symptoms', 'Invalid token']],
  [['diagnose', ...now, '连接时发生异常 (文档服务内部发生异常: Invalid token)', localJson]],
  [['diagnose', ...now, '--json', '错误 -20：文档安全令牌的格式不正确']],
  // diagnose --export: the same diagnosis with every secret masked; a
  // Document Server host under --root (its files named on stderr), and none
  [['diagnose', ...now, '--export', 'markdown', localNl, good]], [['diagnose', ...now, '--export', 'text', localJson, nl, configPhp]],
  [['diagnose', ...now, '--export=markdown', nginx, localJson], withSecret], [['diagnose', ...now, '--export', 'html', good]],
  [['diagnose', ...now, '--export', 'text', '--json', good]],
  [['diagnose', ...now, '--root', dsHost]], [['diagnose', ...now, '--root', dsHost, '--export', 'text']],
  [['diagnose', ...now, '--root', join(tmp, 'no-such-host')]],
  // compare-secrets, commands
  [['compare-secrets', '--other-secret-env', 'OTHER', good], { env: { OOJWT_SECRET: SECRET, OTHER: ` ${SECRET}\u200b` } }],
  [['compare-secrets', '--json', '--other-secret-env', 'OTHER'], { env: { OOJWT_SECRET: SECRET, OTHER: SECRET } }],
  [['compare-secrets', '--other-secret-env', 'OTHER'], { env: { OTHER: SECRET } }],
  [['commands', '--container', 'onlyoffice', '--url', 'https://10.0.0.5', '--host', '10.0.0.5', '--connector', 'nextcloud']],
  [['commands', '--json', '--container', "x'; rm -rf /"]],
  // the user's language: findings and errors from the zh-CN catalog, --json unchanged
  [['nginx-config', nginx], zh], [['nginx-config', '--json', nginx], zh], [['nginx-config', '--lang', 'zh-CN', nginx]],
  [['nginx-config', '--lang', 'zh', nginx], { env: { LANG: 'C' } }], [['nginx-config', '--lang', 'xx', nginx]],
  [['nginx-config', nginx], { env: { ...ZH, LC_ALL: 'C' } }], [['nginx-config', nginx], { env: { ...ZH, LANG: 'zh_TW.Big5' } }],
  [['inspect-url', ...now, link], zh], [['inspect-url', ...now, 'https://ds.example.com/x y'], zh],
  [['connector-settings', '--server-config', localJson, configPhp], zh],
  [['inspect-request', '--kind', 'command', ...now, request], { env: { ...ZH, OOJWT_SECRET: SECRET } }],
  [['diagnose', ...now, localNl, good], zh], [['diagnose', ...now, nginx, localJson], zh],
  [['verify', ...now, '--secret-from-local-json', localJson, nl], zh], [['decode', 'a.b'], zh],
  // every journey of the Diagnose box in Chinese (the command line's own
  // words, src/cli/words/zh-CN.json), and the symptom table
  ...diagnoseVectors.tests.map((t) => [['diagnose', '--now', String(t.now ?? diagnoseVectors.now), '--', ...t.items],
    { env: { ...ZH, ...(t.secrets ? { OOJWT_SECRET: t.secrets[0] } : {}) } }]),
  [['symptoms'], zh], [['diagnose', '--export', 'markdown', ...now, localNl, good], zh],
];

test('the native CLI is built', () => {
  assert.ok(existsSync(NATIVE), `${NATIVE} is missing: run make`);
  assert.ok(existsSync(join(root, 'bin', 'oojwt-cli.wasm')), 'bin/oojwt-cli.wasm is missing: run make');
});

test(`native and Node: the same stdout, stderr and exit code over ${CORPUS.length} command lines`, () => {
  const codes = new Set();
  for (const [args, opts = {}] of CORPUS) {
    const a = run(NATIVE, args, opts);
    const b = run(process.execPath, [NODE_CLI, ...args], opts);
    const what = `oojwt ${args.join(' ').slice(0, 120)}`;
    assert.equal(b.code, a.code, `${what}: exit codes differ (native ${a.code}: ${a.err})`);
    assert.equal(b.out, a.out, `${what}: stdout differs`);
    assert.equal(b.err, a.err, `${what}: stderr differs`);
    codes.add(a.code);
  }
  // The corpus reaches every exit code but the internal error.
  assert.deepEqual([...codes].sort(), [0, 1, 2, 3]);
});

test('the journeys answer as the issue of a DS host needs', () => {
  // A secret with a trailing newline in local.json: verify answers as
  // Document Server, and the forensics name the newline.
  const v = run(NATIVE, ['verify', ...now, '--secret-from-local-json', localJson, nl], {});
  assert.equal(v.code, 1);
  assert.match(v.out, /^REFUSED by Document Server: /);
  assert.match(v.out, /server log: JsonWebTokenError: invalid signature/);
  assert.match(v.out, /secret forensics: the variant that verifies: with-trailing-newline/);
  assert.doesNotMatch(v.out, /explainSecret/);
  // inspect-config names the variant too, for a token alone and for a
  // config holding it.
  const ic = run(NATIVE, ['inspect-config', ...now, nl], withSecret);
  assert.equal(ic.code, 1);
  assert.match(ic.out, /secret forensics: the variant that verifies: with-trailing-newline/);
  const icc = run(NATIVE, ['inspect-config', ...now, JSON.stringify({ document: { key: 'k2' }, token: nl })], withSecret);
  assert.match(icc.out, /secret forensics: the variant that verifies: with-trailing-newline/);
  // server-config PATH reads the file.
  const c = run(NATIVE, ['server-config', localJson], {});
  assert.equal(c.code, 0, c.err);
  assert.match(c.err, /^oojwt: note: reading the file /);
  // An Authorization header: the token taken out, what was stripped said.
  const h = run(NATIVE, ['decode', `Authorization: Bearer ${good}`], {});
  assert.equal(h.code, 0);
  assert.match(h.err, /stripped: header 'Authorization:', bearer 'Bearer'/);
  // Text of another kind: exit 3 and what it looks like.
  const t = run(NATIVE, ['server-config', good], {});
  assert.equal(t.code, 3);
  assert.match(t.err, /it looks like a JSON Web Token; oojwt verify \(or decode\) reads it/);
  assert.equal(t.out, '');
  // A valid token: the verdict, its times and signature, no dump of its
  // parts unless --payload; an invalid one shows them.
  const plain = run(NATIVE, ['verify', ...now, good], withSecret);
  assert.equal(plain.code, 0);
  assert.doesNotMatch(plain.out, /^payload:/m);
  assert.match(plain.out, /^ {2}exp /m);
  assert.match(run(NATIVE, ['verify', '--payload', ...now, good], withSecret).out, /^payload:\n\{/m);
  assert.match(run(NATIVE, ['verify', ...now, good.slice(0, -2)], withSecret).out, /^payload:/m);
  // --quiet: the verdict line only.
  const q = run(NATIVE, ['verify', '--quiet', ...now, good], withSecret);
  assert.match(q.out, /^VALID: [^\n]*\n$/);
});

test('the human output speaks the language of --lang, LC_ALL, LC_MESSAGES, LANG; --json does not', () => {
  const en = run(NATIVE, ['nginx-config', nginx], {});
  const cn = run(NATIVE, ['nginx-config', nginx], zh);
  const utf8 = (s) => Buffer.from(s, 'latin1').toString('utf8');
  assert.equal(cn.code, en.code);
  // The finding's code stays; its severity, place, sentence and fix are Chinese
  // (the command's own words from src/cli/words/zh-CN.json).
  assert.match(utf8(cn.out), /^警告 default_link_secret（第 3 行）：\$secure_link_secret 仍是安装包自带的默认值“verysecretstring”/m);
  assert.match(utf8(cn.out), /\n {4}修复方法：运行 documentserver-update-securelink\.sh/);
  assert.doesNotMatch(cn.out, /shipped default/);
  // --json: the same bytes in every language, with the params.
  const j = run(NATIVE, ['nginx-config', '--json', nginx], zh).out;
  assert.equal(j, run(NATIVE, ['nginx-config', '--json', nginx], {}).out);
  assert.match(j, /"code":"default_link_secret"[^}]*"params":\{"source":"nginx"\}/);
  // POSIX precedence: LC_ALL over LC_MESSAGES over LANG; --lang over all; C is English.
  assert.equal(run(NATIVE, ['nginx-config', nginx], { env: { ...ZH, LC_ALL: 'C' } }).out, en.out);
  assert.equal(run(NATIVE, ['nginx-config', nginx], { env: { LC_ALL: '', LC_MESSAGES: 'zh_CN', LANG: 'C' } }).out, cn.out);
  assert.equal(run(NATIVE, ['nginx-config', '--lang', 'en', nginx], zh).out, en.out);
  for (const tag of ['zh_CN.UTF-8', 'zh_CN', 'zh-CN', 'zh', 'ZH_cn.utf8@latin']) {
    assert.equal(run(NATIVE, ['nginx-config', nginx], { env: { LC_ALL: tag } }).out, cn.out, tag);
  }
  for (const tag of ['C', 'POSIX', 'fr_FR.UTF-8', 'en_US.UTF-8', '']) {
    assert.equal(run(NATIVE, ['nginx-config', nginx], { env: { LC_ALL: '', LC_MESSAGES: '', LANG: tag } }).out, en.out, tag);
  }
  const bad = run(NATIVE, ['nginx-config', '--lang', 'xx', nginx], {});
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--lang: no catalog for 'xx' \(there are: en, zh-CN\)/);
});

test('each subcommand\'s help lists its own exit codes; the command list is aligned', () => {
  const main = run(NATIVE, ['--help'], {}).out;
  const list = main.slice(main.indexOf('Commands:\n') + 10, main.indexOf('\n\n', main.indexOf('Commands:\n')));
  const cols = list.split('\n').filter((l) => /^ {2}\S/.test(l)).map((l) => l.search(/(?<=^ {2}\S+\s+)\S/));
  assert.equal(cols.length, COMMANDS.length);
  assert.equal(new Set(cols).size, 1, `descriptions start in one column: ${cols}`);
  const seen = new Set();
  for (const c of COMMANDS) {
    const h = run(NATIVE, [c, '--help'], {}).out;
    const line = h.match(/Exit codes: 0 [^\n]*/)?.[0];
    assert.ok(line, `${c} --help has an exit codes line`);
    seen.add(line);
  }
  assert.ok(seen.size >= 7, 'the exit codes are each command\'s own');
});

test('the man page covers every command of the main help (SYNOPSIS and COMMANDS)', () => {
  const main = run(NATIVE, ['--help'], {}).out;
  const block = main.slice(main.indexOf('Commands:\n') + 10, main.indexOf('\n\n', main.indexOf('Commands:\n')));
  const names = block.split('\n').map((l) => l.match(/^ {2}([a-z][a-z-]*) /)?.[1]).filter(Boolean);
  assert.ok(names.length >= COMMANDS.length, names.join(' '));
  const man = readFileSync(join(root, 'man', 'oojwt.1'), 'utf8');
  const synopsis = man.slice(man.indexOf('.SH SYNOPSIS'), man.indexOf('.SH DESCRIPTION'));
  const commands = man.slice(man.indexOf('.SH COMMANDS'), man.indexOf('.SH', man.indexOf('.SH COMMANDS') + 4));
  for (const n of names) {
    const roff = n.replace(/-/g, '\\\\-');
    assert.match(synopsis, new RegExp(`^\\.B oojwt ${roff}\\b`, 'm'), `SYNOPSIS names ${n}`);
    assert.match(commands, new RegExp(`^\\.B ${roff}\\b`, 'm'), `COMMANDS describes ${n}`);
  }
});
