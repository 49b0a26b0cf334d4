// The two wasm modules: web/lib/oojwt.wasm, the JWT core that
// loadToolkit({ onlyoffice: false }) loads, and web/lib/oojwt-full.wasm, every
// feature, loaded by default. The core must answer every JWT call exactly
// as the full module does, but for the params of its errors and warnings,
// which it does not record (src/core/core.h oojwt_issue_fmt: the size
// budget): {} where the full module gives them; without the full module,
// kit.onlyoffice says what is missing; kit.loadOnlyoffice() adds it, and
// from then on the JWT calls answer from it, params included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadToolkit, OojwtError } from '../../web/lib/oojwt.mjs';
import { kit, NOW, SECRET, readVector } from '../helpers/common.mjs';

const wasmFile = (name) => readFileSync(new URL(`../../web/lib/${name}`, import.meta.url));
const dsExports = (bytes) => WebAssembly.Module.exports(new WebAssembly.Module(bytes))
  .map((e) => e.name).filter((n) => /^oojwt_wasm_(ds|server|config|secret|request|nginx|secure|cert|link|deploy)/.test(n));

// The full module's outcome as the core module gives it: every issue's params {}.
function coreParams(o) {
  const v = o.value;
  if (v === null || typeof v !== 'object' || !Array.isArray(v.errors)) return o;
  const none = (list) => list.map((i) => ({ ...i, params: {} }));
  return { value: { ...v, errors: none(v.errors), warnings: none(v.warnings) } };
}

// Every outcome of a call, thrown errors included, as plain data.
function outcome(fn) {
  try {
    return { value: fn() };
  } catch (e) {
    return { thrown: e.constructor.name, code: e.code, message: e.message, pos: e.pos };
  }
}

test('the core module has no Document Server exports; the full one has them', () => {
  assert.deepEqual(dsExports(wasmFile('oojwt.wasm')), []);
  assert.ok(dsExports(wasmFile('oojwt-full.wasm')).length >= 10, dsExports(wasmFile('oojwt-full.wasm')).join(', '));
});

test('the core module is smaller than the full one', () => {
  const core = wasmFile('oojwt.wasm').length;
  const full = wasmFile('oojwt-full.wasm').length;
  assert.ok(core < full * 0.6, `core ${core} bytes, full ${full} bytes`);
});

test('loadToolkit: options.onlyoffice must be a boolean', async () => {
  await assert.rejects(loadToolkit({ onlyoffice: 'no' }), TypeError);
  await assert.rejects(loadToolkit({ onlyoffice: 0 }), TypeError);
});

const core = await loadToolkit({ onlyoffice: false });
const asym = readVector('asym_keys.json');

test('the core kit signs and verifies as the full kit, every algorithm, every key form', () => {
  let n = 0;
  for (const k of asym.keys) {
    for (const alg of k.algs) {
      const forms = [k.public.jwk, k.public.spki_pem, k.public.x509_pem, k.private.pkcs8_pem].filter(Boolean);
      for (const pub of forms) {
        const key = pub.startsWith('{') ? JSON.parse(pub) : pub;
        for (const token of [...Object.values(k.tokens), 'not.a.token', kit.sign({ a: 1 }, SECRET)]) {
          const opts = { algorithms: [alg], now: NOW };
          assert.deepEqual(outcome(() => core.verify(token, key, opts)), coreParams(outcome(() => kit.verify(token, key, opts))),
            `${k.name} ${alg}`);
          n++;
        }
      }
    }
  }
  assert.ok(n > 50, `${n} comparisons`);
});

test('the core kit decodes, extracts, describes keys and signs HS* as the full kit', () => {
  const samples = [kit.sign({ document: { key: 'k' }, permissions: { edit: true } }, SECRET, { alg: 'HS384' }),
    'Bearer ' + kit.sign({}, SECRET), 'a.b', 'eyJhbGciOiJub25lIn0.e30.', '{"alg":"HS256"}'];
  for (const t of samples) {
    assert.deepEqual(outcome(() => core.decode(t)), outcome(() => kit.decode(t)), t);
    assert.deepEqual(outcome(() => core.extract(t)), outcome(() => kit.extract(t)), t);
    assert.deepEqual(outcome(() => core.verify(t, SECRET)), coreParams(outcome(() => kit.verify(t, SECRET))), t);
  }
  for (const k of asym.keys) {
    assert.deepEqual(outcome(() => core.keyInfo(k.public.spki_pem)), outcome(() => kit.keyInfo(k.public.spki_pem)));
  }
  for (const alg of ['HS256', 'HS384', 'HS512']) {
    const p = { n: 1, s: 'é', nested: { a: [1, 2, 3] } };
    assert.equal(core.sign(p, SECRET, { alg, iat: 5, expiresIn: 60 }), kit.sign(p, SECRET, { alg, iat: 5, expiresIn: 60 }));
  }
  assert.deepEqual(core.algorithms, kit.algorithms);
});

test('without the full module, every kit.onlyoffice function throws not_loaded and names the fix', () => {
  assert.deepEqual(Object.keys(core.onlyoffice).sort(), Object.keys(kit.onlyoffice).sort(),
    'web/lib/oojwt.mjs lists every kit.onlyoffice function (ONLYOFFICE_METHODS)');
  for (const name of Object.keys(core.onlyoffice)) {
    assert.throws(() => core.onlyoffice[name]('x', 'y'), (e) => e instanceof OojwtError && e.code === 'not_loaded'
      && e.message.includes(`kit.onlyoffice.${name}`) && e.message.includes('loadOnlyoffice'), name);
  }
  assert.throws(() => core.inspectCertificate('x'), (e) => e instanceof OojwtError && e.code === 'not_loaded');
  assert.throws(() => core.verify('a.b.c', SECRET, { profile: 'onlyoffice' }),
    (e) => e instanceof OojwtError && e.code === 'not_loaded');
});

test('loadOnlyoffice refuses the core module, then loads the full one once', async () => {
  const k = await loadToolkit({ onlyoffice: false, wasm: wasmFile('oojwt.wasm') });
  await assert.rejects(k.loadOnlyoffice({ wasm: wasmFile('oojwt.wasm') }), (e) => e.code === 'not_loaded');
  assert.throws(() => k.onlyoffice.explainSecret('x', 'y'), (e) => e.code === 'not_loaded', 'still not loaded');
  const [a, b] = await Promise.all([k.loadOnlyoffice(), k.loadOnlyoffice()]);
  assert.equal(a, k.onlyoffice);
  assert.equal(b, k.onlyoffice);
  const token = kit.sign({ document: { key: 'k1' } }, SECRET);
  const cases = [
    (x) => x.onlyoffice.explainSecret(token, `${SECRET}\n`),
    (x) => x.verify(token, SECRET, { profile: 'onlyoffice', now: NOW }),
    (x) => x.onlyoffice.readServerConfig('{"services":{"CoAuthoring":{"secret":{"inbox":{"string":"s"}}}}}'),
    (x) => x.onlyoffice.inspectConfig({ document: { key: 'k1', url: 'https://x/y.docx' }, token }, { secret: SECRET, now: NOW }),
    (x) => x.inspectCertificate('not a certificate'),
  ];
  for (const c of cases) assert.deepEqual(outcome(() => c(k)), outcome(() => c(kit)), c.toString());
  // The JWT functions answer from the full module now: the params the core's do not record.
  const expired = kit.sign({ exp: NOW - 60 }, SECRET);
  const jwtCases = [
    (x) => x.verify(expired, SECRET, { now: NOW }),
    (x) => JSON.parse(x.reports.verify(expired, SECRET, { now: NOW })),
    (x) => x.decode(`${expired}=`),
    (x) => JSON.parse(x.reports.decode('a.b')),
  ];
  for (const c of jwtCases) assert.deepEqual(outcome(() => c(k)), outcome(() => c(kit)), c.toString());
  assert.deepEqual(k.verify(expired, SECRET, { now: NOW }).errors[0].params, kit.verify(expired, SECRET, { now: NOW }).errors[0].params);
  assert.notDeepEqual(k.verify(expired, SECRET, { now: NOW }).errors[0].params, {});
  await assert.rejects(k.loadOnlyoffice(null), TypeError);
});

test('a full kit: loadOnlyoffice resolves to its kit.onlyoffice at once', async () => {
  assert.equal(await kit.loadOnlyoffice(), kit.onlyoffice);
});
