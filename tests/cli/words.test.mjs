// The command line's own words (src/cli/words.c, src/cli/words/*.json):
// every id the C code asks for (OOJWT_WORD("...")) has an English and a
// zh-CN template and every template a user; and with a Chinese locale,
// `oojwt diagnose` speaks Chinese on every journey of
// tests/vectors/diagnose.json -- no English word of three letters or more
// is left outside what stays as it is (code spans, paths, URLs, keys,
// product names, JWT terms, command lines, quoted texts); and `--help` of
// every command and a run of each command (tests/cli/zh_corpus.mjs) the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateParams } from '../../web/lib/i18n.mjs';
import { corpus } from './zh_corpus.mjs';
import { COMMANDS } from './inputs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const words = (lang) => JSON.parse(readFileSync(join(root, 'src/cli/words', `${lang}.json`), 'utf8')).words;
const en = words('en');
const zh = words('zh-CN');

// The ids the C code uses: OOJWT_WORD("id") in src/cli/*.c.
function usedIds() {
  const ids = new Set();
  for (const f of readdirSync(join(root, 'src/cli')).filter((n) => n.endsWith('.c'))) {
    const text = readFileSync(join(root, 'src/cli', f), 'utf8');
    for (const m of text.matchAll(/OOJWT_WORD\("([^"]+)"\)/g)) ids.add(m[1]);
  }
  return ids;
}
// Ids read by their prefix rather than named: the phrases (words.c).
const byPrefix = (id) => id.startsWith('phrase.');

export function missingAndUnused(used, catalog) {
  const missing = [...used].filter((id) => !(id in catalog)).sort();
  const unused = Object.keys(catalog).filter((id) => !used.has(id) && !byPrefix(id)).sort();
  return { missing, unused };
}

test('every word the C code asks for is in en and zh-CN, and every entry is asked for', () => {
  const used = usedIds();
  assert.ok(used.size > 50, `only ${used.size} ids found`);
  for (const [lang, cat] of [['en', en], ['zh-CN', zh]]) {
    const { missing, unused } = missingAndUnused(used, cat);
    assert.deepEqual(missing, [], `${lang}: ids the C code uses with no entry`);
    assert.deepEqual(unused, [], `${lang}: entries no C code uses`);
  }
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'zh-CN has the ids of en');
  // The check fails on an id the catalogs lack and on an entry nobody uses.
  const extra = new Set([...used, 'diagnose.nowhere']);
  assert.deepEqual(missingAndUnused(extra, en).missing, ['diagnose.nowhere']);
  assert.deepEqual(missingAndUnused(used, { ...en, 'diagnose.unused': 'x' }).unused, ['diagnose.unused']);
});

test('every word parses as a template, and a zh-CN word uses only the params its English does', () => {
  for (const [id, t] of Object.entries(zh)) {
    const declared = new Set(templateParams(en[id] ?? ''));
    for (const p of templateParams(t)) assert.ok(declared.has(p), `${id}: zh-CN uses {${p}}, which en does not`);
  }
});

// What stays as it is in a Chinese output: products, protocols, JWT and
// tool names that have no Chinese form an admin would search for.
const KEEP = new Set(['onlyoffice', 'nextcloud', 'owncloud', 'moodle', 'mattermost', 'docker', 'nginx', 'curl',
  'openssl', 'jwt', 'json', 'http', 'https', 'tls', 'url', 'pem', 'utf', 'oojwt', 'occ', 'php', 'bearer',
  'authorization', 'checkjwt', 'jsonwebtoken', 'genrsa', 'req', 'x509', 'subjectaltname', 'base64url', 'base64',
  'md5', 'expires', 'sudo', 'printf', 'stty', 'echo', 'read', 'compose', 'env', 'secret', 'document', 'server',
  'invalid', 'token', 'docsapi', 'doceditor', 'crt', 'key', 'status', 'filetype', 'outputtype', 'headers', 'body',
  'editorconfig', 'services', 'listen', 'location', 'exec', 'run', 'cache', 'files', 'secure_link', 'docservice',
  'out', 'log', 'new', 'ssl', 'iat', 'utc', 'rfc', 'ntp', 'debian', 'let', 'encrypt', 'inbox', 'outbox', 'false', 'true', 'permissions', 'payload', 'sign', 'diagnose', 'converter', 'include', 'ssl_certificate', 'ssl_certificate_key', 'cn', 'hex', 'tab', 'rsa', 'sha256',
  // keys and commands the symptom table's Chinese names (Ctrl+U, cat, date, the command service's version, exp)
  'ctrl', 'cat', 'date', 'version', 'exp',
  // the connectors' products and the languages and servers of the examples (kit.onlyoffice.connectors())
  'chamilo', 'confluence', 'jira', 'alfresco', 'liferay', 'nuxeo', 'redmine', 'strapi', 'plone', 'humhub',
  'python', 'ruby', 'java', 'wsgi']);

// The English words of a line of Chinese output, with what stays taken
// out: quoted texts, code-like tokens (with _ . / = $ - : # @ < > [ ] { }
// or a digit, or camelCase), and the KEEP words.
export function englishWords(out) {
  const found = [];
  let fenced = false;
  for (const line of out.split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    if (fenced || /^ {4}[\x21-\x7e]/.test(line)) continue; // a command line of the commands list
    const text = line.replace(/“[^”]*”|"[^"]*"|'[^']*'|`[^`]*`|‹[^›]*›/g, ' ');
    for (const tok of text.split(/[\s\u3000-\u303f\uff00-\uffef，。：；（）、]+/)) {
      if (tok === '' || /[_./=$\-:#@<>[\]{}0-9]/.test(tok) || /[a-z][A-Z]/.test(tok)) continue;
      for (const w of tok.match(/[A-Za-z]{3,}/g) ?? []) {
        if (!KEEP.has(w.toLowerCase())) found.push(`${w} (${line.trim().slice(0, 80)})`);
      }
    }
  }
  return found;
}

const vectors = JSON.parse(readFileSync(join(root, 'tests/vectors/diagnose.json'), 'utf8'));
const ZH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' };
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'OOJWT_SECRET'));

function diagnose(t, env, extra = []) {
  const r = spawnSync(NATIVE, ['diagnose', '--now', String(t.now ?? vectors.now), ...extra, '--', ...t.items], {
    env: { ...baseEnv, ...env, ...(t.secrets ? { OOJWT_SECRET: t.secrets[0] } : {}) }, maxBuffer: 64 << 20,
  });
  if (r.error) throw r.error;
  return r.stdout.toString('utf8');
}

test('the English-word check finds English', () => {
  assert.deepEqual(englishWords('原因：令牌可以用 secret.inbox 验证通过'), []);
  assert.deepEqual(englishWords('    sudo docker exec onlyoffice cat /x'), []);
  assert.equal(englishWords('原因：the token verifies').length, 2);
  // Every journey in English is caught.
  for (const t of vectors.tests) {
    assert.ok(englishWords(diagnose(t, { LANG: 'C' })).length > 0, `journey ${t.id} in English passes the check`);
  }
});

// Codes the code catalogs do not hold yet in zh-CN (their messages are the
// C code's English until they do): a finding of such a code is left out of
// the check by its exact English message and fix, read from --json.
const zhCodes = JSON.parse(readFileSync(join(root, 'web/lib/locales/zh-CN.json'), 'utf8')).codes;
function untranslated(t) {
  const r = spawnSync(NATIVE, ['diagnose', '--json', '--now', String(t.now ?? vectors.now), '--', ...t.items], {
    env: { ...baseEnv, ...(t.secrets ? { OOJWT_SECRET: t.secrets[0] } : {}) }, maxBuffer: 64 << 20,
  });
  const rep = JSON.parse(r.stdout.toString('utf8'));
  const all = [rep.verdict, ...(rep.findings ?? [])].filter((f) => f && !(f.code in zhCodes));
  return all.flatMap((f) => [f.message, f.cause, f.fix]).filter((s) => typeof s === 'string' && s !== '');
}

for (const [what, extra] of [['text', []], ['--export markdown', ['--export', 'markdown']], ['--export text', ['--export', 'text']]]) {
  test(`with LANG=zh_CN.UTF-8, every diagnose journey speaks Chinese (${what})`, () => {
    const left = [];
    for (const t of vectors.tests) {
      let out = diagnose(t, ZH, extra);
      // An export in Chinese masks what the English one does.
      if (extra.length > 0) for (const secret of t.inputSecrets ?? []) assert.ok(!out.includes(secret), `journey ${t.id}: a secret left in the export`);
      for (const s of untranslated(t)) out = out.split(s).join(' ');
      assert.match(out, /[\u4e00-\u9fff]/, `journey ${t.id}: no Chinese at all`);
      for (const w of englishWords(out)) left.push(`${t.id}: ${w}`);
    }
    assert.deepEqual(left, []);
  });
}

// What the usage lines and the help write as they are: the placeholders
// the user replaces (in capitals, as in the English help and the man
// page), and the values options take and the commands' names, which the
// user types.
const PLACEHOLDERS = new Set(['INPUT', 'FILE', 'PATH', 'NAME', 'SECONDS', 'VALUE', 'OPTIONS', 'KIND', 'DIR',
  'FORMAT', 'ALG', 'DURATION', 'HOST', 'COMMAND', 'SECRET', 'JSON', 'URL']);
const TYPED = new Set(['decode', 'verify', 'strict', 'onlyoffice', 'markdown', 'text', 'callback', 'download',
  'command', 'converter', 'docbuilder', 'none', 'inbox', 'outbox', 'session', 'browser', 'config', 'sign',
  'nextcloud', 'owncloud', 'moodle', 'strapi', 'humhub', 'chamilo', 'confluence', 'jira', 'alfresco', 'liferay',
  'nuxeo', 'redmine', 'plone', 'license', 'grep', 'symptoms', 'commands', 'inspect', 'compare', 'secrets', 'explain',
  'settings', 'connector', 'url', 'cert', 'request', 'nginx', 'config']);
// Names of standards and of the JS module's objects the help cites.
const TERMS = new Set(['Web', 'JWK', 'Set', 'DER', 'oct', 'JWS', 'nbf', 'kit', 'params', 'LANG', 'CRLF', 'BOM', 'DNS', 'GET',
  'CERTIFICATE', 'HMAC', 'socket',
  // local.json's keys and the reports' values a line shows as they are
  'string', 'file', 'opening',
  // products the certificate findings name
  'Apple', 'Safari', 'Chrome', 'certbot']);
const stays = (w) => PLACEHOLDERS.has(w) || TYPED.has(w) || TERMS.has(w);

// Sentences the C layers still write in English only, with no code of
// their own to say them in another language: each named by why, and left
// out of the check whole, never a word of it. Every one must still occur:
// once a sentence prints in Chinese, its entry fails here and goes.
const NOT_YET_SAID = {
  // What a token kind reads and ignores (src/ds/token_kind.c
  // oojwt_browser_kind_reads/_ignores): tables of member names, no code.
  kindMembers: [
    "document.key, document.url, document.fileType, document.title, document.permissions (must equal the page's), editorConfig.callbackUrl, editorConfig.mode, editorConfig.lang, editorConfig.coEditing, editorConfig.user",
    "every other member (documentType, customization, ...): the page's unsigned values are used",
  ],
  // What a connector signs and where it is read (connector_signs): its
  // params pass OOJWT_PARAMS_LEN for the longest citations, so the finding
  // is shown as C wrote it (NOT_EXACT in tests/js/catalogs.test.mjs).
  connectorSigns: [
    'it has an iat, Moodle puts none; it has an exp, Moodle puts none',
    'classes/editor.php (the config, no iat or exp), classes/document_service.php (header {payload}, body token, no exp)',
  ],
  // The base64url decoder's reason (src/core/b64url.c), a bad_base64
  // finding's `detail`: the core's sentences have no keys.
  coreDetail: [
    'a base64url text cannot have a length of 4n+1 characters (truncated or one character too many)',
  ],
};

// What stays English for good: Document Server's and jsonwebtoken's own
// log texts, quoted as the server writes them (English only).
const PRODUCT_TEXTS = [
  'auth missing required parameter editorConfig.callbackUrl (since 7.1 version)',
  'JsonWebTokenError: invalid signature',
];

// symptoms' `en` column: the products' English texts, quoted (each must be
// one of `symptoms --json`'s texts); the other lines are checked.
export function withoutEnColumn(out, texts) {
  let inEn = false;
  return out.split('\n').filter((line) => {
    const m = /^ {2}en {6}(.*)$/.exec(line) ?? (inEn ? /^ {10}(.*)$/.exec(line) : null);
    inEn = m !== null;
    if (inEn) assert.ok(texts.some((t) => t.includes(m[1])), `not a product's text: ${m[1]}`);
    return !inEn;
  }).join('\n');
}


function cli(args, env) {
  const r = spawnSync(NATIVE, args, { env: { ...baseEnv, ...ZH, ...env }, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r.stdout.toString('utf8') + r.stderr.toString('utf8');
}

// The English left in a Chinese output, the sentences of NOT_YET_SAID
// taken out whole (each one found is recorded in `used`).
export function leftOver(out, allowed, used) {
  let text = out;
  for (const s of allowed) {
    if (text.includes(s)) used.add(s);
    text = text.split(s).join(' ');
  }
  return englishWords(text).filter((w) => !stays(w.split(' ')[0]));
}

test('the allowance takes out whole sentences only', () => {
  const used = new Set();
  assert.deepEqual(leftOver('结论：the token verifies', ['the token verifies'], used), []);
  assert.deepEqual([...used], ['the token verifies']);
  // A sentence that is only part of a longer one leaves the rest.
  assert.equal(leftOver('结论：the token verifies here', ['the token verifies'], new Set()).length, 1);
  assert.equal(leftOver('结论：the token verifies', ['token verifies here'], new Set()).length, 2);
  // Placeholders stay only in capitals.
  assert.deepEqual(leftOver('用法：oojwt decode [--json] INPUT PATH', [], new Set()), []);
  assert.equal(leftOver('读取 input 和 path', [], new Set()).length, 2);
});


// Every string of `symptoms --json` (the products' texts among them).
function productTexts() {
  const all = [];
  const walk = (v) => (typeof v === 'string' ? all.push(v) : v && typeof v === 'object' ? Object.values(v).forEach(walk) : 0);
  walk(JSON.parse(cli(['symptoms', '--json'], { LANG: 'C' })));
  return all.flatMap((t) => t.split('<br>'));
}

// The English left in the Chinese output of `runs`.
function englishLeft(runs) {
  const allowed = [...Object.values(NOT_YET_SAID).flat(), ...PRODUCT_TEXTS];
  for (const s of allowed) assert.ok(s.length >= 20 && /^[A-Z0-9a-z(]/.test(s), `a whole sentence: ${s}`);
  const used = new Set();
  const left = [];
  for (const [args, env = {}] of runs) {
    let out = cli(args, env);
    if (args[0] === 'symptoms' && !args.includes('--help')) out = withoutEnColumn(out, productTexts());
    // commands: the lines after each "# " heading are sh, code as it is.
    if (args[0] === 'commands' && !args.includes('--help')) out = out.split('\n').filter((l) => l.startsWith('# ')).join('\n');
    if (!/[\u4e00-\u9fff]/.test(out)) left.push(`${args[0]}: no Chinese at all`);
    for (const w of leftOver(out, allowed, used)) left.push(`${args[0]}: ${w}`);
  }
  return { left, unused: allowed.filter((s) => !used.has(s)) };
}

test('with LANG=zh_CN.UTF-8 (and with --lang zh-CN), the help of every command speaks Chinese', () => {
  const runs = [[['--help']], ...COMMANDS.map((c) => [[c, '--help']]), ...COMMANDS.map((c) => [[c, '--lang', 'zh-CN', '--help'], { LANG: 'C' }])];
  assert.deepEqual(englishLeft(runs).left, []);
  // In English, every command's help is caught by the check.
  for (const c of COMMANDS) assert.ok(leftOver(cli([c, '--help'], { LANG: 'C' }), [], new Set()).length > 0, c);
});

test('with LANG=zh_CN.UTF-8, a run of each command speaks Chinese', () => {
  const runs = corpus();
  const ran = new Set(runs.map(([a]) => a[0]));
  assert.deepEqual(COMMANDS.filter((c) => !ran.has(c)), [], 'commands with no run');
  const { left, unused } = englishLeft(runs);
  assert.deepEqual(left, []);
  // In English, every run is caught by the check.
  for (const [args, env = {}] of runs) {
    assert.ok(leftOver(cli(args, { ...env, LANG: 'C' }), [], new Set()).length > 0, `oojwt ${args[0]} in English passes`);
  }
  assert.deepEqual(unused, [], 'allowed sentences no run prints (remove them)');
});

// The deployment commands in Chinese: a certificate the reader refuses
// (bad_certificate, by its params: src/deploy/cert.c), in inspect-cert and
// in diagnose; a download link's verdict (link_serves) in inspect-url.
test('with LANG=zh_CN.UTF-8, inspect-cert and diagnose say bad_certificate in Chinese; inspect-url says nginx\'s verdict in Chinese', () => {
  const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
  const said = /不是严格 DER 编码的 X\.509 证书：最外层的 SEQUENCE 已损坏，或其后还有多余的字节/;
  const run = (args, env, input) => spawnSync(NATIVE, args, { env: { ...baseEnv, ...env }, input });
  const cert = run(['inspect-cert'], ZH, broken);
  assert.equal(cert.status, 3);
  assert.match(cert.stderr.toString('utf8'), said);
  // ASN.1's names in capitals (DER, SEQUENCE) stay as they are.
  assert.deepEqual(englishWords(cert.stderr.toString('utf8')).filter((w) => !/^[A-Z]{3,} /.test(w)), []);
  // The English is the reader's sentence, byte for byte.
  assert.equal(run(['inspect-cert'], { LANG: 'C' }, broken).stderr.toString('utf8'), 'oojwt: inspect-cert: bad_certificate: '
    + 'not a strict DER X.509 certificate: the outer SEQUENCE is broken or followed by other bytes\n');
  const diag = diagnose({ items: [broken] }, ZH);
  assert.match(diag, said);
  const path = '/cache/files/data/Khirz6zTPdfd7_2113/output.docx/output.docx';
  const expires = vectors.now + 3600;
  const md5 = createHash('md5').update(`${expires}${path}verysecretstring`).digest('base64url');
  const url = `https://ds.example.com${path}?md5=${md5}&expires=${expires}`;
  const link = (env) => run(['inspect-url', '--now', String(vectors.now), '--secret', 'verysecretstring', url], env).stdout.toString('utf8').split('\n')[0];
  assert.equal(link(ZH), '200：nginx 接受签名，且链接尚未过期');
  assert.equal(link({ LANG: 'C' }), '200: nginx accepts the signature and the link has not expired');
});
