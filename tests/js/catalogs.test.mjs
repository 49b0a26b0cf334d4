// The message catalogs (web/lib/locales/<lang>.json) and their formatter
// (web/lib/i18n.mjs): the formatter against tests/vectors/i18n_format.json;
// each catalog's shape and order (codes by number); every code has an entry
// in every catalog and a catalog names only codes that exist; a template uses
// only the params its code declares (en declares them); and, the strong one,
// for every error, warning and finding that the kit reports over the vector
// files and the hostile-input catalogue (tests/hostile/), the en templates
// filled with the report's params give its English message and fix exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createHash, createHmac } from 'node:crypto';
import { OojwtError } from '../../web/lib/oojwt.mjs';
import { Catalogs, fallbacks, render, templateParams } from '../../web/lib/i18n.mjs';
import { kit, loadWithInstance, readVector } from '../helpers/common.mjs';
import { entryKey, entryPointsOf, files, gen, readFile } from '../helpers/hostile.mjs';

const localesDir = new URL('../../web/lib/locales/', import.meta.url);
const LANGS = ['en', 'zh-CN'];
const catalogs = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(new URL(`${l}.json`, localesDir), 'utf8'))]));
const en = catalogs.en;

// Every code the build names, by number (oojwt_code_name over the code space).
const { x } = await loadWithInstance();
const codeNumber = new Map();
{
  const mem = () => new Uint8Array(x.memory.buffer);
  for (let c = 1; c < 1000; c++) {
    const p = x.oojwt_code_name(c);
    if (!p) continue;
    let e = p;
    while (mem()[e] !== 0) e++;
    codeNumber.set(new TextDecoder().decode(mem().subarray(p, e)), c);
  }
}

// Codes whose English cannot be rendered exactly from a template, each with
// the reason. Keep it short: a code here still has its catalog entries.
const NOT_EXACT = new Map([
  // Its params (the connector's signing, the setting and the upstream files
  // it was read in) pass OOJWT_PARAMS_LEN for the connectors with the longest
  // citations (Nextcloud: 514 bytes): the finding then carries {} and is shown
  // in English; the others render exactly.
  ['connector_signs', 'params longer than OOJWT_PARAMS_LEN for some connectors'],
]);

test('the formatter against tests/vectors/i18n_format.json', () => {
  const v = readVector('i18n_format.json');
  assert.ok(v.tests.length >= 25);
  for (const t of v.tests) {
    let got;
    try {
      got = render(t.template, t.params, t.lang);
    } catch (e) {
      assert.ok(e instanceof SyntaxError || e instanceof RangeError, `#${t.id}: ${e}`);
      got = null;
    }
    assert.equal(got, t.expected, `#${t.id}: ${t.template}`);
  }
});

test('format falls back from zh-CN to zh to en, then to the report\'s English', () => {
  assert.deepEqual(fallbacks('zh-CN'), ['zh-CN', 'zh', 'en']);
  const set = new Catalogs([
    { lang: 'en', name: 'English', codes: { a: { params: ['n'], message: 'n is {n}', fix: 'fix {n}' }, b: { message: 'only en', fix: '' } } },
    { lang: 'zh-CN', name: '简体中文', codes: { a: { message: 'n 为 {n}', fix: '修复 {n}' } } },
  ]);
  assert.deepEqual(set.format('a', { n: 2 }, 'zh-CN'), { message: 'n 为 2', fix: '修复 2', lang: 'zh-CN' });
  assert.deepEqual(set.format('b', {}, 'zh-CN'), { message: 'only en', fix: '', lang: 'en' });
  assert.deepEqual(set.format('a', {}, 'zh-CN', { message: 'as reported', fix: 'f' }), { message: 'as reported', fix: 'f', lang: null });
  assert.deepEqual(set.format('zzz', {}, 'en', { message: 'as reported' }), { message: 'as reported', fix: '', lang: null });
});

test('each catalog: { lang, name, codes }, codes in number order, one code per line', () => {
  // The folder holds the code catalogs, and ui/, the page's and the element's words (web/lib/words.mjs).
  const files = readdirSync(localesDir, { withFileTypes: true });
  assert.deepEqual(files.filter((f) => f.isFile()).map((f) => f.name).sort(), LANGS.map((l) => `${l}.json`).sort());
  assert.deepEqual(files.filter((f) => !f.isFile()).map((f) => f.name), ['ui']);
  assert.deepEqual(readdirSync(new URL('ui/', localesDir)).sort(), LANGS.filter((l) => l !== 'en').map((l) => `${l}.json`).sort());
  for (const lang of LANGS) {
    const c = catalogs[lang];
    assert.deepEqual(Object.keys(c), ['lang', 'name', 'codes'], lang);
    assert.equal(c.lang, lang);
    assert.equal(typeof c.name, 'string');
    const nums = Object.keys(c.codes).map((k) => codeNumber.get(k));
    assert.deepEqual(nums, [...nums].sort((a, b) => a - b), `${lang}: codes in number order`);
    const text = readFileSync(new URL(`${lang}.json`, localesDir), 'utf8');
    for (const k of Object.keys(c.codes)) {
      assert.match(text, new RegExp(`\\n    "${k}": \\{[^\\n]*\\},?\\n`), `${lang}: ${k} on one line`);
    }
    for (const [k, e] of Object.entries(c.codes)) {
      assert.deepEqual(Object.keys(e), lang === 'en' ? ['params', 'message', 'fix'] : ['message', 'fix'], `${lang} ${k}`);
      assert.ok(e.message.length > 0, `${lang} ${k}: a message`);
    }
  }
});

// Codes with no catalog entry yet, by number. The list can only shrink: the
// completeness test fails when a code outside it has no entry in a catalog,
// and when a code in it gets one (then take it out). Written by hand, never
// generated from the catalogs.
const NOT_CONVERTED = [];
// Codes whose English the en templates do not yet give exactly from the
// report's params, each with the reason. The list can only shrink: the test
// fails when a listed code renders exactly in every report (then take it out).
const NOT_YET_EXACT = new Map([]);

test('a catalog names only codes that exist', () => {
  for (const lang of LANGS) {
    const unknown = Object.keys(catalogs[lang].codes).filter((k) => !codeNumber.has(k));
    assert.deepEqual(unknown, [], `${lang}: entries for codes that do not exist`);
  }
});

test('every code has an entry in every catalog, but the listed ones not yet converted', () => {
  for (const lang of LANGS) {
    const missing = [...codeNumber.keys()].filter((k) => !(k in catalogs[lang].codes));
    assert.deepEqual(missing, NOT_CONVERTED, `${lang}: codes without an entry (NOT_CONVERTED)`);
  }
});

test('a template uses only the params its code declares (en), and parses', () => {
  for (const lang of LANGS) {
    for (const [k, e] of Object.entries(catalogs[lang].codes)) {
      const declared = new Set(en.codes[k]?.params ?? []);
      for (const field of ['message', 'fix']) {
        for (const p of templateParams(e[field])) {
          assert.ok(declared.has(p), `${lang} ${k}.${field} uses {${p}}, which ${k} does not declare`);
        }
      }
    }
  }
});

// ---- the strong one: the kit's own reports, rendered again -----------------

// The issues and findings of a report: the members of its errors, warnings,
// differences and findings lists, at any depth of the report's own structure
// (not inside the decoded header, payload or config, which are the token's);
// and its sentences that are no finding, which carry their code beside them:
// an object with code, params and message (a verdict, the secret forensics'
// answer), or a member x with xCode and xParams (a token kind's label, why).
const LISTS = new Set(['errors', 'warnings', 'differences', 'findings']);
const DATA = new Set(['header', 'payload', 'effectiveConfig', 'decoded', 'config', 'claims']);
function collect(value, out) {
  const stack = [[value, 0, '']];
  while (stack.length > 0) {
    const [v, depth, key] = stack.pop();
    if (v === null || typeof v !== 'object' || depth > 8) continue;
    // A sentence object (not an issue or a finding of a list, not an error report).
    if (!Array.isArray(v) && typeof v.code === 'string' && typeof v.message === 'string' && typeof v.params === 'object'
      && !LISTS.has(key) && key !== 'error') out.push(v);
    for (const [k, w] of Object.entries(v)) {
      if (DATA.has(k)) continue;
      if (LISTS.has(k) && Array.isArray(w)) {
        for (const f of w) if (f !== null && typeof f === 'object' && typeof f.code === 'string') out.push(f);
      }
      const said = /^(\w+)Code$/.exec(k);
      if (said !== null && typeof w === 'string' && typeof v[said[1]] === 'string') {
        out.push({ code: w, params: v[`${said[1]}Params`], message: v[said[1]] });
      }
      stack.push([w, depth + 1, Array.isArray(v) ? key : k]);
    }
  }
}

// A kit that keeps every result it hands back (reports parsed): its
// functions, and those of its objects (kit.onlyoffice, kit.reports), wrapped.
function recording(target, out, depth = 0) {
  const copy = {};
  for (const [name, v] of Object.entries(target)) {
    if (typeof v === 'function') {
      copy[name] = (...args) => {
        const r = v.apply(target, args);
        collect(typeof r === 'string' && r.startsWith('{') ? JSON.parse(r) : r, out);
        return r;
      };
    } else {
      copy[name] = v !== null && typeof v === 'object' && depth === 0 ? recording(v, out, 1) : v;
    }
  }
  return copy;
}

const reported = [];
const rk = recording(kit, reported);
const quiet = (fn) => {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof OojwtError)) throw e;
  }
};
// The hostile catalogue, every entry through its entry point.
const entryPoints = entryPointsOf(rk);
for (const f of files) {
  const doc = readFile(f);
  for (const e of doc.entries) {
    quiet(() => entryPoints[doc.entry](gen(e.input), entryKey(doc, e), { ...doc.defaults?.options, ...e.options }));
  }
}
// The diagnosis vectors (they fold in the findings of every layer they run).
const diag = readVector('diagnose.json');
for (const v of diag.tests) quiet(() => rk.diagnose(v.items, { secrets: v.secrets ?? [], now: diag.now }));
// Server configurations.
for (const v of readVector('onlyoffice_config.json').tests) {
  quiet(() => rk.onlyoffice.readServerConfig(v.local, v.default !== undefined ? { defaultJsonText: v.default } : {}));
}
// Tokens Document Server's JSON.parse refuses; the strict profile beside it.
for (const t of readVector('ds_jsonparse.json').tests) {
  quiet(() => rk.onlyoffice.verify(t.token, 'secret', { now: 1700000000 }));
  quiet(() => rk.verify(t.token, 'secret', { now: 1700000000 }));
}
// Editor configs of the inspect vectors, signed as they say (or not).
const b64u = (s) => Buffer.from(s).toString('base64url');
const hs256 = (payload, secret) => {
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
for (const v of readVector('onlyoffice_inspect.json').tests) {
  const config = { ...v.config };
  if (v.signWith !== undefined && config.token === undefined) config.token = hs256(v.tokenPayload ?? v.config, v.signWith);
  const opts = { secret: v.secret, now: v.now };
  if (v.serverConfig !== undefined) opts.serverConfig = v.serverConfig;
  quiet(() => rk.onlyoffice.inspectConfig(config, opts));
}
for (const v of readVector('onlyoffice_secret.json').tests) {
  if (v.token !== undefined) quiet(() => rk.onlyoffice.explainSecret(v.token, v.given));
}
// Document Server's failures as an editor config and a browser token quote
// them ("Document Server: <error>: <message> -- <sentence>": expired, not yet
// valid, a verifyOptions check), and tokens only the strict profile refuses
// ("Document Server accepts, ...": the clock tolerance, crit, an empty secret).
{
  const now = 1700000000;
  const jws = (header, payload, secret) => {
    const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  };
  const config = readVector('onlyoffice_inspect.json').tests[0].config;
  const audience = JSON.stringify({ services: { CoAuthoring: { token: { verifyOptions: { audience: 'x' } } } } });
  for (const [payload, opts] of [[{ ...config, exp: now - 1000 }, {}], [{ ...config, nbf: now + 1000 }, {}], [config, { serverConfig: audience }]]) {
    const token = hs256(payload, 'secret');
    quiet(() => rk.onlyoffice.inspectConfig({ ...config, token }, { secret: 'secret', now, ...opts }));
    quiet(() => rk.onlyoffice.inspectBrowserToken(token, { secret: 'secret', now, kind: 'insertImage', ...opts }));
  }
  quiet(() => rk.onlyoffice.verify(hs256({ exp: now - 30 }, 'secret'), 'secret', { now }));
  quiet(() => rk.onlyoffice.verify(jws({ alg: 'HS256', crit: ['x'] }, { a: 1 }, ''), '', { now }));
}
// Sentences that are no finding but have a code: the connectors' names
// (connector_name), each connector's decision on a callback or download
// (connector_decides, beside the verdict's own code) and the receiver's
// answer (request_answer), with the findings on who accepts a callback
// (connectors_decide), over the request vectors, each callback and download
// also as every connector alone and with a leeway. (The other findings of
// these requests are not all exact yet: they are left out here.)
{
  for (const c of kit.onlyoffice.connectors().connectors) {
    reported.push({ code: c.nameCode, params: c.nameParams, message: c.name });
  }
  const words = (r) => {
    reported.push({ code: r.verdict.code, params: r.verdict.params, message: r.verdict.message });
    reported.push(...r.findings.filter((f) => f.code === 'connectors_decide'));
    for (const c of r.connectors) {
      reported.push({ code: c.messageCode, params: c.messageParams, message: c.message, fix: c.fix ?? undefined });
    }
  };
  const requests = readVector('onlyoffice_requests.json');
  const ids = kit.onlyoffice.connectors().connectors.map((c) => c.id);
  for (const v of requests.tests) {
    const now = v.now ?? 1700000000;
    const tokens = {};
    for (const [name, t] of Object.entries(v.tokens)) {
      const payload = JSON.parse(JSON.stringify(t.payload).replace(/<<PAD:(\d+)>>/g, (_, n) => 'x'.repeat(Number(n))));
      if (t.iatIn !== undefined) payload.iat = now + t.iatIn;
      if (t.expIn !== undefined) payload.exp = now + t.expIn;
      tokens[name] = hs256(payload, t.secret);
    }
    const request = JSON.parse(JSON.stringify(v.request).replace(/\{\{(T\d+)\}\}/g, (_, n) => tokens[n]));
    const options = { kind: v.kind, now };
    if (v.serverConfig !== undefined) options.serverConfig = v.serverConfig;
    const each = v.kind === 'callback' || v.kind === 'download' ? [undefined, ...ids] : [undefined];
    for (const connector of each) {
      for (const leeway of connector === undefined ? [undefined, 2.5] : [undefined]) {
        quiet(() => words(kit.onlyoffice.inspectRequest(request, v.secret, { ...options, connector, leeway })));
      }
    }
  }
}
// The tokens of the editor page's methods (their verdicts, kinds, labels and
// reasons), a payload for each reason a kind is told by, and the secret
// forensics with a server config's other secrets.
for (const v of readVector('browser_tokens.json').tests) {
  const signed = hs256(v.payload, 'secret');
  const token = v.cutSignature === undefined ? signed : signed.slice(0, signed.lastIndexOf('.') + 1 + v.cutSignature);
  quiet(() => rk.onlyoffice.inspectBrowserToken(token, {
    secret: v.secret ?? 'secret', now: 1700000000, kind: v.kind,
    serverConfig: v.enableBrowser === false ? kit.onlyoffice.readServerConfig('{"services":{"CoAuthoring":{"token":{"enable":{"browser":false}}}}}') : undefined,
    serverVersion: v.serverVersion ? `${Math.floor(v.serverVersion / 100)}.${v.serverVersion % 100}` : undefined,
  }));
  quiet(() => rk.onlyoffice.tokenKind(token));
}
rk.onlyoffice.tokenKinds();
for (const p of [{ fileInfo: {} }, { editorConfig: { ds_sessionTimeConnect: 1 } }, { images: [] }, { version: 2 }, { changesUrl: 'x' },
  { referenceData: {} }, { document: {} }, { c: 'add' }, { c: 'compare' }, { c: 'x', url: 'u' }, { fileType: 'png', url: 'u' },
  { fileType: 'xlsx', url: 'u' }, { fileType: 'docx', url: 'u' }, { fileType: 'zzz', url: 'u' }, { url: 'u' }, { a: 1 }]) {
  quiet(() => rk.onlyoffice.tokenKind(JSON.stringify(p)));
}
quiet(() => rk.onlyoffice.tokenKind('[1]'));
quiet(() => rk.onlyoffice.tokenKind('not a token'));
{
  const token = hs256({ document: { key: 'k' } }, 'the outbox secret');
  quiet(() => rk.onlyoffice.explainSecret(token, 'the inbox secret', {
    serverConfig: JSON.stringify({ services: { CoAuthoring: { secret: { inbox: { string: 'the inbox secret' }, outbox: { string: 'the outbox secret' } } } } }),
  }));
  quiet(() => rk.onlyoffice.explainSecret(token, 'another secret', { serverConfig: '{}' }));
  // Each story of a variant: the signer's secret and the one given.
  const S = 'Gm2Jq7VxR4pL9sTb';
  const K = 'raw key bytes 16';
  const pairs = [[S, `  ${S}\n`], [`"${S}"`, S], [S, `"${S}"`], [K, Buffer.from(K).toString('base64')],
    [Buffer.from('fbffbf0102030405060708090a0b0c0d', 'hex'), Buffer.from('fbffbf0102030405060708090a0b0c0d', 'hex').toString('base64url')], [K, Buffer.from(K).toString('hex')], ['secret', S]];
  for (const c of [' ', '\t', '\r', '\n', '\r\n', '\u00a0', '\u200b', '\ufeff']) {
    pairs.push([`${S}${c}`, S], [`${c}${S}`, S], [S, `${S}${c}`], [S, `${c}${S}`]);
  }
  for (const [signer, given] of pairs) quiet(() => rk.onlyoffice.explainSecret(hs256({ document: { key: 'k' } }, signer), given));
  const all = { inbox: 'in', outbox: 'out', session: 'sess', browser: 'brow' };
  const serverConfig = JSON.stringify({ services: { CoAuthoring: { secret: Object.fromEntries(Object.entries(all).map(([k, v]) => [k, { string: `${v} secret` }])) } },
    storage: { fs: { secretString: 'storage secret' } } });
  for (const signer of [...Object.values(all).map((v) => `${v} secret`), 'storage secret']) {
    quiet(() => rk.onlyoffice.explainSecret(hs256({ document: { key: 'k' } }, signer), 'typed', { serverConfig }));
  }
}

// ---- the deployment layer: download links' verdicts, certificates it cannot read
// A download link in each of nginx's answers (src/deploy/secure_link.c verdict()).
{
  const secret = 'verysecretstring';
  const now = 1700000000;
  const path = '/cache/files/data/Khirz6zTPdfd7_2113/output.docx/output.docx';
  const link = (expires, s = secret, p = path) => {
    const md5 = createHash('md5').update(`${expires}${p}${s}`).digest('base64url');
    return `https://ds.example.com${p}?md5=${md5}&expires=${expires}&filename=output.docx`;
  };
  const inspect = (url, s = secret) => quiet(() => rk.onlyoffice.inspectDownloadUrl(url, s === null ? { now } : { secret: s, now }));
  inspect(link(now + 3600));                                         // 200
  inspect(link(now - 3600));                                         // 410
  inspect(link(now + 3600, 'another secret'));                       // 403: md5
  inspect(`https://ds.example.com${path}?expires=${now + 3600}`);    // 403: no md5
  inspect(link(now + 3600), null);                                   // no secret
  inspect(link(now - 3600), null);                                   // no secret, expired
  inspect('https://ds.example.com/files/a.docx?md5=x&expires=1');    // not a download link
  inspect('/cache/files/a/../../../etc/passwd?md5=x&expires=1');     // leaves /cache/files/
  inspect('ftp://ds.example.com/cache/files/a/b?md5=x&expires=1');   // not http(s)
  inspect('/cache/files/a/%zz?md5=x&expires=1');                     // nginx's 400
}
// Certificates the reader refuses, thrown (kit.inspectCertificate) and in a
// diagnosis (kit.diagnose: bad_certificate with its fix): PEM that is not
// PEM, and DER broken in one part each, from the hostile catalogue's
// RSA certificate.
const badCertificates = [];
{
  const pem = readFile(files.find((f) => readFile(f).entry === 'keyInfo' && /x509/.test(f))).entries[0].input;
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const armour = (b) => `-----BEGIN CERTIFICATE-----\n${b.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
  const patched = (at, byte) => {
    const b = Buffer.from(der);
    b[at] = byte;
    return b;
  };
  const inner = der.indexOf(Buffer.from('300d06092a864886f70d01010b0500', 'hex'));
  const serial = der.indexOf(Buffer.from('020230', 'hex'));
  const version = der.indexOf(Buffer.from('a003020102', 'hex'));
  const sigBits = der.lastIndexOf(Buffer.from('0382010100', 'hex'));
  assert.ok(inner > 0 && serial > 0 && version > 0 && sigBits > 0, 'the certificate has the expected shape');
  const texts = [
    '',
    'hello',
    '-----BEGIN CERTIFICATE-----\nAAAA\n',
    '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n',
    '-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END CERTIFICATE-----\n',
    '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
    new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]),
    armour(Buffer.concat([der, Buffer.from([0])])),
    armour(patched(version + 4, 5)),
    armour(patched(serial + 2, 0)),
    armour(patched(inner + 12, 0x0c)),
    armour(patched(sigBits + 4, 1)),
  ];
  for (const t of texts) {
    try {
      rk.inspectCertificate(t, { now: 1700000000 });
    } catch (e) {
      if (!(e instanceof OojwtError)) throw e;
      if (e.code === 'bad_certificate') badCertificates.push({ code: e.code, params: e.params, message: e.message });
    }
    if (typeof t === 'string' && t.startsWith('-----BEGIN')) quiet(() => rk.diagnose([t], { secrets: [], now: 1700000000 }));
  }
  reported.push(...badCertificates);
}

test('the deployment layer: every verdict of a download link, and bad certificates of several reasons, reported', () => {
  const codes = new Set(reported.map((r) => r.code));
  for (const c of ['link_serves', 'link_gone', 'link_forbidden', 'link_unchecked', 'link_not_download']) assert.ok(codes.has(c), c);
  const why = new Set(badCertificates.map((r) => [r.params.reason, r.params.pem ?? r.params.part].join(' ')));
  assert.deepEqual([...why].sort(), ['der alg_differs', 'der outer', 'der parts', 'der serial', 'der unused_bits', 'der version', 'empty ',
    'pem base64', 'pem headers', 'pem no_block', 'pem no_end'].sort());
  // The diagnosis says the same with its fix.
  const diag = reported.filter((r) => r.code === 'bad_certificate' && r.fix !== undefined);
  assert.ok(diag.length >= 8, `${diag.length} certificates the diagnosis cannot read`);
});

test('the kit reported enough to judge: many codes, each with params', () => {
  const codes = new Set(reported.map((r) => r.code));
  assert.ok(reported.length > 300 && codes.size > 40, `${reported.length} reports, ${codes.size} codes`);
  const without = reported.filter((r) => r.params === undefined || r.params === null || typeof r.params !== 'object');
  assert.deepEqual([...new Set(without.map((r) => r.code))], [], 'issues and findings without params');
});

// The reports of the JWT core alone (kit.decode, kit.verify, kit.sign and the
// reports of both): exact now, and kept so.
test('the JWT core: the en templates with each issue\'s params give its English message exactly', () => {
  const core = [];
  const ck = recording(kit, core);
  const cp = entryPointsOf(ck);
  for (const f of files) {
    const doc = readFile(f);
    if (!['decode', 'b64url', 'json', 'verify', 'sign', 'extract'].includes(doc.entry)) continue;
    for (const e of doc.entries) quiet(() => cp[doc.entry](gen(e.input), entryKey(doc, e), { ...doc.defaults?.options, ...e.options }));
  }
  for (const t of readVector('ds_jsonparse.json').tests) quiet(() => ck.verify(t.token, 'secret', { now: 1700000000 }));
  const codes = new Set(core.map((r) => r.code));
  assert.ok(core.length > 100 && codes.size >= 12, `${core.length} issues, ${codes.size} codes`);
  for (const r of core) {
    assert.equal(render(en.codes[r.code].message, r.params, 'en'), r.message, `${r.code} ${JSON.stringify(r.params)}`);
  }
});

test('the en templates with each report\'s params give its English message and fix exactly', () => {
  const wrong = new Map();
  const stillWrong = new Set();
  const reportedCodes = new Set();
  const undeclared = new Map();
  for (const r of reported) {
    if (NOT_EXACT.has(r.code) || !(r.code in en.codes)) continue;
    const e = en.codes[r.code];
    reportedCodes.add(r.code);
    for (const p of Object.keys(r.params)) {
      if (!e.params.includes(p)) undeclared.set(`${r.code}.${p}`, r.message);
    }
    let message;
    let fix;
    try {
      message = render(e.message, r.params, 'en');
      fix = render(e.fix, r.params, 'en');
    } catch (err) {
      message = `(${err.message})`;
    }
    if (message !== r.message || (r.fix !== undefined && fix !== r.fix)) {
      if (NOT_YET_EXACT.has(r.code)) {
        stillWrong.add(r.code);
        continue;
      }
      if (!wrong.has(r.code)) wrong.set(r.code, { params: r.params, want: [r.message, r.fix], got: [message, fix] });
    }
  }
  // Both lists at once: a param its code does not declare, and the codes whose
  // en templates do not give the report's English (the first case of each).
  assert.deepEqual({ undeclared: [...undeclared.keys()], wrong: Object.fromEntries(wrong) },
    { undeclared: [], wrong: {} });
  // Each listed code is reported, and still wrong in one report at least.
  const exactNow = [...NOT_YET_EXACT.keys()].filter((k) => !stillWrong.has(k));
  assert.deepEqual(exactNow, [], 'NOT_YET_EXACT lists codes that render exactly now (or are never reported)');
});

test('the zh-CN templates render with the params of every report the en ones render exactly', () => {
  let n = 0;
  for (const r of reported) {
    const z = catalogs['zh-CN'].codes[r.code];
    if (z === undefined || NOT_EXACT.has(r.code)) continue;
    try {
      if (render(en.codes[r.code].message, r.params, 'en') !== r.message) continue;
    } catch {
      continue;
    }
    n++;
    assert.doesNotThrow(() => render(z.message, r.params, 'zh-CN'), `${r.code}: ${JSON.stringify(r.params)}`);
    assert.doesNotThrow(() => render(z.fix, r.params, 'zh-CN'), `${r.code}: ${JSON.stringify(r.params)}`);
  }
  assert.ok(n > 100, `${n} reports`);
});

// A thrown OojwtError carries the params of the issue it reports, so the
// same code renders from the same catalog entry.
test('OojwtError: params as the report\'s issue has them; the en template gives its message', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.e30';
  const report = JSON.parse(kit.decodeReport ? kit.decodeReport(token) : '{}');
  let thrown;
  try {
    kit.decode(token);
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof OojwtError, 'decode throws an OojwtError');
  assert.equal(thrown.code, 'malformed');
  assert.equal(typeof thrown.params, 'object');
  assert.deepEqual(thrown.params, { segments: 2 });
  if (report.errors !== undefined) assert.deepEqual(thrown.params, report.errors[0].params);
  assert.equal(render(en.codes[thrown.code].message, thrown.params, 'en'), thrown.message);
  assert.deepEqual(new OojwtError('bad_argument', 'x').params, {});
});
