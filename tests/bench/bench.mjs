// `make bench`: oojwt against jsonwebtoken 9.0.2, jose, fast-jwt and the
// floor (node:crypto HMAC + JSON.parse, no checks), for verify and sign,
// across token sizes and HS256/HS512. Rounds are interleaved (every
// contender runs once per round, in rotating order) and medians reported,
// so that machine noise hits every contender alike. No assertions: this
// prints numbers and ratios measured in the same run.
//
// Then: HMAC throughput in wasm against the same C natively
// (throughput.mjs), cold start in a fresh Node process (coldstart.mjs),
// and a headless Chromium run: page usable time and oojwt against
// WebCrypto's HMAC (browser.mjs). RS256/ES256 run against node:crypto.
//
//   node tests/bench/bench.mjs [--quick] [--markdown] [--no-browser]
import { createHmac, createSecretKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify,
  timingSafeEqual } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import jsonwebtoken from 'jsonwebtoken';
import '../helpers/webcrypto.mjs'; // jose needs the global Web Crypto (Node 18)
import * as jose from 'jose';
import { createSigner, createVerifier } from 'fast-jwt';
import { loadToolkit } from '../../web/lib/oojwt.mjs';
import { throughput } from './throughput.mjs';
import { cliStart, coldStart } from './coldstart.mjs';
import { allocation } from './alloc.mjs';
import { browserBench, typingBench } from './browser.mjs';

const quick = process.argv.includes('--quick');
const markdown = process.argv.includes('--markdown');
const kit = await loadToolkit();
const secret = 'v8ZEFf2ANTp4xQzmqU4JrVpGq5TW1Rkc'; // 32 bytes, like a generated DS secret
const secretBytes = new TextEncoder().encode(secret);
const NOW = Math.floor(Date.now() / 1000);

// An editor config as an integration signs it (about 1.7 KB as a token).
function editorConfig(padTo) {
  const cfg = {
    document: {
      fileType: 'docx',
      key: 'Khirz6zTPdfd7-1700000000',
      title: 'Example Document Title.docx',
      url: 'https://example.com/url-to-example-document.docx',
      permissions: { comment: true, download: true, edit: true, fillForms: true, modifyFilter: true, modifyContentControl: true, review: true, print: true },
    },
    documentType: 'word',
    editorConfig: {
      callbackUrl: 'https://example.com/url-to-callback.ashx?filename=Example%20Document%20Title.docx&userAddress=10.0.0.1',
      lang: 'en',
      mode: 'edit',
      user: { group: 'Group1', id: '78e1e841', name: 'Smith' },
      customization: { autosave: true, comments: true, compactHeader: false, feedback: false, forcesave: false, help: true, hideRightMenu: false, toolbarNoTabs: false },
      recent: [
        { folder: 'Example Files', title: 'exampledocument1.docx', url: 'https://example.com/exampledocument1.docx' },
        { folder: 'Example Files', title: 'exampledocument2.docx', url: 'https://example.com/exampledocument2.docx' },
      ],
      templates: [
        { image: 'https://example.com/exampletemplate1.png', title: 'exampletemplate1.docx', url: 'https://example.com/url-to-create-template1' },
        { image: 'https://example.com/exampletemplate2.png', title: 'exampletemplate2.docx', url: 'https://example.com/url-to-create-template2' },
      ],
    },
    exp: NOW + 3600,
  };
  if (padTo) {
    const base = JSON.stringify(cfg).length;
    cfg.pad = 'x'.repeat(Math.max(0, Math.floor((padTo * 3) / 4) - base));
  }
  return cfg;
}

const SIZES = quick
  ? [['1.7 KB', editorConfig()]]
  : [['0.3 KB', { document: { key: 'k1', url: 'https://e.com/d.docx' }, exp: NOW + 3600 }],
    ['1.7 KB', editorConfig()], ['64 KB', editorConfig(64 * 1024)], ['1 MB', editorConfig(1024 * 1024)]];
const ALGS = quick ? ['HS256'] : ['HS256', 'HS512'];
const ASYM = quick ? [] : ['RS256', 'ES256'];

const floorVerify = (alg) => {
  const hash = alg === 'HS256' ? 'sha256' : 'sha512';
  return (token) => {
    const d2 = token.lastIndexOf('.');
    const mac = createHmac(hash, secretBytes).update(token.slice(0, d2)).digest();
    if (!timingSafeEqual(mac, Buffer.from(token.slice(d2 + 1), 'base64url'))) throw new Error('bad');
    return JSON.parse(Buffer.from(token.slice(token.indexOf('.') + 1, d2), 'base64url').toString());
  };
};

function contenders(alg, token, payload) {
  const keyObject = createSecretKey(secretBytes);
  const fastVerify = createVerifier({ key: secret, algorithms: [alg] });
  const fastSign = createSigner({ key: secret, algorithm: alg, noTimestamp: true });
  return {
    verify: {
      oojwt: () => { if (!kit.verify(token, secret, { algorithms: [alg], now: NOW }).valid) throw new Error('bad'); },
      'fast-jwt': () => fastVerify(token),
      jose: async () => jose.jwtVerify(token, secretBytes, { algorithms: [alg] }),
      jsonwebtoken: () => jsonwebtoken.verify(token, keyObject, { algorithms: [alg] }),
      floor: ((f) => () => f(token))(floorVerify(alg)),
    },
    sign: {
      oojwt: () => kit.sign(payload, secret, { alg }),
      'fast-jwt': () => fastSign(payload),
      jose: async () => new jose.SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(secretBytes),
      jsonwebtoken: () => jsonwebtoken.sign(payload, secret, { algorithm: alg, noTimestamp: true }),
    },
  };
}

// RS256/ES256: fresh keys; node:crypto's verify plus JSON.parse is the floor.
function asymContenders(alg, token, payload, keys) {
  const { publicKey, privateKey } = keys;
  const pubJwk = publicKey.export({ format: 'jwk' });
  const privJwk = privateKey.export({ format: 'jwk' });
  const pubPem = publicKey.export({ format: 'pem', type: 'spki' });
  const privPem = privateKey.export({ format: 'pem', type: 'pkcs8' });
  const fastVerify = createVerifier({ key: pubPem, algorithms: [alg] });
  const fastSign = createSigner({ key: privPem, algorithm: alg, noTimestamp: true });
  const nodeOpts = (key) => (alg[0] === 'E' ? { key, dsaEncoding: 'ieee-p1363' } : key);
  return {
    verify: {
      oojwt: () => { if (!kit.verify(token, pubJwk, { algorithms: [alg], now: NOW }).valid) throw new Error('bad'); },
      'fast-jwt': () => fastVerify(token),
      jose: async () => jose.jwtVerify(token, publicKey, { algorithms: [alg] }),
      jsonwebtoken: () => jsonwebtoken.verify(token, publicKey, { algorithms: [alg] }),
      floor: () => {
        const d2 = token.lastIndexOf('.');
        if (!nodeVerify('sha256', Buffer.from(token.slice(0, d2)), nodeOpts(publicKey), Buffer.from(token.slice(d2 + 1), 'base64url'))) throw new Error('bad');
        return JSON.parse(Buffer.from(token.slice(token.indexOf('.') + 1, d2), 'base64url').toString());
      },
    },
    sign: {
      oojwt: () => kit.sign(payload, privJwk, { alg }),
      'fast-jwt': () => fastSign(payload),
      jose: async () => new jose.SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(privateKey),
      jsonwebtoken: () => jsonwebtoken.sign(payload, privateKey, { algorithm: alg, noTimestamp: true }),
      floor: () => {
        const input = `${Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
        return `${input}.${nodeSign('sha256', Buffer.from(input), nodeOpts(privateKey)).toString('base64url')}`;
      },
    },
  };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const spread = (xs) => { const s = [...xs].sort((a, b) => a - b); return [s[Math.floor(s.length * 0.1)], s[Math.floor(s.length * 0.9)]]; };

// Time one batch of `n` calls in microseconds of CPU time per call: the
// process's user + system time, so that other work on a busy machine
// (which only delays us) does not count; GC threads' work does.
function cpuNow() {
  const u = process.cpuUsage();
  return u.user + u.system;
}
async function batch(fn, n) {
  const isAsync = fn.constructor.name === 'AsyncFunction';
  const t0 = cpuNow();
  if (isAsync) for (let i = 0; i < n; i++) await fn();
  else for (let i = 0; i < n; i++) fn();
  return (cpuNow() - t0) / n;
}

async function measure(fns, bytes) {
  const names = Object.keys(fns);
  // Warm up (JIT tiers, wasm tier-up, lazy setup): about 150 ms each.
  for (const n of names) {
    const t0 = cpuNow();
    while (cpuNow() - t0 < 150000) await batch(fns[n], 10);
  }
  // Calibrate: about 5 ms per batch (at least 1 call).
  const per = {};
  for (const n of names) {
    await batch(fns[n], 3);
    const t = await batch(fns[n], 5);
    per[n] = Math.max(1, Math.min(20000, Math.round(5000 / Math.max(t, 0.01))));
  }
  const rounds = quick ? 15 : bytes > 100000 ? 9 : 25;
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(r + k) % names.length];
      samples[n].push(await batch(fns[n], per[n]));
    }
  }
  return Object.fromEntries(names.map((n) => [n, { median: median(samples[n]), spread: spread(samples[n]) }]));
}

const rows = [];
for (const [label, payload] of SIZES) {
  for (const alg of ALGS) {
    const token = kit.sign(payload, secret, { alg });
    const c = contenders(alg, token, payload);
    for (const op of ['verify', 'sign']) {
      const res = await measure(c[op], token.length);
      rows.push({ label, alg, op, bytes: token.length, res });
      const line = Object.entries(res).map(([n, r]) => `${n} ${r.median.toFixed(1)} µs`).join(', ');
      console.error(`${op} ${alg} ${label} (${token.length} B): ${line}`);
    }
  }
}

for (const alg of ASYM) {
  const keys = alg[0] === 'E'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const [label, payload] = SIZES.find(([l]) => l === '1.7 KB');
  const token = kit.sign(payload, keys.privateKey.export({ format: 'jwk' }), { alg });
  const c = asymContenders(alg, token, payload, keys);
  for (const op of ['verify', 'sign']) {
    const res = await measure(c[op], token.length);
    rows.push({ label, alg, op, bytes: token.length, res });
    console.error(`${op} ${alg} ${label}: ${Object.entries(res).map(([n, r]) => `${n} ${r.median.toFixed(1)} µs`).join(', ')}`);
  }
}

const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : '—');
console.log(`\noojwt benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${new Date().toISOString().slice(0, 10)}, CPU time per call, medians of interleaved rounds (10th–90th percentile)\n`);
console.log('| op | alg | token | oojwt | fast-jwt | jose | jsonwebtoken | floor | oojwt/fast-jwt | oojwt/floor |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const { label, alg, op, bytes, res } of rows) {
  const cell = (n) => (res[n] ? `${fmt(res[n].median)} (${fmt(res[n].spread[0])}–${fmt(res[n].spread[1])})` : '—');
  console.log(`| ${op} | ${alg} | ${label} (${bytes} B) | ${cell('oojwt')} | ${cell('fast-jwt')} | ${cell('jose')} | ${cell('jsonwebtoken')} | ${cell('floor')} | ${ratio(res.oojwt.median, res['fast-jwt']?.median)} | ${res.floor ? ratio(res.oojwt.median, res.floor.median) : '—'} |`);
}
if (!markdown) console.log('\n(ratios below 1 mean oojwt is faster)');

// ---- HMAC throughput: wasm against the same C natively -----------------
const tp = await throughput(quick ? [64 * 1024] : [64 * 1024, 1024 * 1024]);
console.log('\n| HMAC throughput (CPU time) | size | oojwt in wasm (MB/s) | same C, native (MB/s) | BearSSL native (MB/s) | wasm / same C native | wasm / BearSSL native |');
console.log('|---|---|---|---|---|---|---|');
if (tp.skipped) console.log(`| skipped: ${tp.skipped} | | | | | | |`);
for (const r of tp.rows ?? []) {
  console.log(`| ${r.alg} | ${r.size >= 1048576 ? `${r.size / 1048576} MB` : `${r.size / 1024} KB`} | ${r.wasm.toFixed(0)} | ${r.native.toFixed(0)} | ${r.bearssl.toFixed(0)} | ${r.ratio.toFixed(2)}× | ${r.ratioBearssl.toFixed(2)}× |`);
}

// ---- cold start: import + loadToolkit() + first verify -----------------
const coldToken = kit.sign(editorConfig(), secret);
const coldRows = [['import + loadToolkit({ onlyoffice: false }) + first verify (the JWT core)', { onlyoffice: false }],
  ['import + loadToolkit() + first verify (the full module)', {}]].map(([label, options]) => {
  const c = coldStart(coldToken, secret, quick ? 5 : 15, options);
  return `| ${label}, ${c.runs} runs | ${c.median.toFixed(2)} ms | ${c.min.toFixed(2)} ms | ${c.max.toFixed(2)} ms |`;
});
console.log(`\n| cold start (Node, fresh process) | median | min | max |\n|---|---|---|---|\n${coldRows.join('\n')}`);
const cs = cliStart(coldToken, secret, quick ? 5 : 15);
console.log(`\n| Node command start-up (wall clock, ${cs.runs} runs each, interleaved) | median |\n|---|---|`
  + `\n| node bin/oojwt.mjs verify --quiet TOKEN | ${cs.cli.toFixed(1)} ms |`
  + `\n| node -e '' | ${cs.node.toFixed(1)} ms |`
  + `\n| oojwt / node -e '' | ${(cs.cli / cs.node).toFixed(2)}× (${(cs.cli - cs.node).toFixed(1)} ms of our own; budget 100 ms in all) |`);

// ---- JS allocation per verify ------------------------------------------
const alloc = allocation(kit, coldToken, secret);
console.log(`\n| JS heap allocated per call (HS256, 1.7 KB) | bytes |\n|---|---|\n| kit.verify | ${alloc.verify.toFixed(0)} |`
  + `\n| its result object built alone (JSON.parse of header and payload, arrays, strings) | ${alloc.result.toFixed(0)} |`);

// ---- headless Chromium ---------------------------------------------------
if (!process.argv.includes('--no-browser')) {
  try {
    const b = await browserBench(coldToken, secret, { runs: quick ? 3 : 7 });
    console.log('\n| Chromium | median | max |\n|---|---|---|');
    for (const [name, r] of Object.entries(b.load)) console.log(`| page usable: ${name} | ${r.median.toFixed(1)} ms | ${r.max.toFixed(1)} ms |`);
    console.log(`| HS256 verify 1.7 KB: oojwt | ${b.verify.oojwt.toFixed(1)} µs | |`);
    console.log(`| HS256 verify 1.7 KB: WebCrypto (subtle.verify + JSON.parse) | ${b.verify.webcrypto.toFixed(1)} µs | |`);
    console.log(`| oojwt / WebCrypto | ${(b.verify.oojwt / b.verify.webcrypto).toFixed(2)}× | |`);
    // A config carrying a long list (many members to draw), about 100 KB as a token.
    const long = editorConfig();
    long.editorConfig.recent = Array.from({ length: 800 }, (_, i) => ({ folder: 'Example Files', title: `exampledocument${i}.docx`, url: `https://example.com/exampledocument${i}.docx` }));
    const longToken = kit.sign(long, secret);
    for (const [box, name] of [['diagnose', 'the Diagnose box'], ['token', 'the Token box']]) {
      const typing = await typingBench(longToken, { keys: quick ? 6 : 12, box });
      console.log(`| a keystroke in ${name}, ${(typing.length / 1024).toFixed(0)} KB token | ${typing.page.toFixed(1)} ms | ${typing.max.toFixed(1)} ms |`);
      console.log(`| a keystroke in a bare textarea beside it, same text | ${typing.bare.toFixed(1)} ms | |`);
      console.log(`| ${name} / bare textarea | ${typing.ratio.toFixed(2)}× | |`);
    }
  } catch (e) {
    console.log(`\n(Chromium run skipped: ${e.message.split('\n')[0]})`);
  }
}
