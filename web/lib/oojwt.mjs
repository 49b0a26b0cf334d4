// oojwt — the JS face of the C core compiled to WebAssembly.
//
//   import { loadToolkit, OojwtError } from './oojwt.mjs';
//   const kit = await loadToolkit();
//   kit.verify(token, 'secret', { clockTolerance: 60 });
//
// Runs unchanged in Node (>= 18) and browsers. All checks happen in C;
// this file moves bytes across the boundary, turns the C report into
// plain objects, and wipes and frees every buffer it allocated.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// The longest string V8 makes on 64-bit builds, in UTF-16 units.
const MAX_STRING = 2 ** 29 - 24;

/** Error thrown for tokens that cannot be decoded or signed; `.code` is stable. */
export class OojwtError extends Error {
  constructor(code, message, details = {}) {
    super(message);
    this.name = 'OojwtError';
    this.code = code;
    if (details.pos !== undefined) this.pos = details.pos;
    if (details.errors !== undefined) this.errors = details.errors;
    // The numbers, names and values of the sentence (as an issue's params):
    // with the code, they write it in another language (web/lib/i18n.mjs).
    this.params = details.params ?? {};
  }
}

// How the caller gave a key (src/core/wasm_key.c); what the key is, and the
// algorithms allowed when options.algorithms is not given, C decides.
const KEY_RAW = 0;
const KEY_OBJECT = 1; // the JSON of a JWK or JWK Set object

// The two modules (Makefile): the JWT core, and the full module that adds
// the Document Server and deployment checks (kit.onlyoffice,
// kit.inspectCertificate).
const CORE_WASM = './oojwt.wasm';
const FULL_WASM = './oojwt-full.wasm';

// The kit.onlyoffice functions (web/lib/onlyoffice.mjs), listed here so that a
// kit loaded without them can name what is missing without importing them.
const ONLYOFFICE_METHODS = ['verify', 'explainSecret', 'compareSecrets', 'readServerConfig', 'inspectConfig', 'signConfig',
  'inspectRequest', 'connectors', 'tokenKind', 'tokenKinds', 'inspectBrowserToken', 'readConnectorSettings', 'inspectDownloadUrl', 'signDownloadUrl', 'readNginxConfig', 'compareSecureLinkSecrets', 'commands'];

// node:fs without an import: `await import('node:fs')` costs 2-6 ms of a
// cold start (process.getBuiltinModule: Node >= 20.16; older Nodes import).
async function nodeFs() {
  if (typeof process.getBuiltinModule === 'function') return process.getBuiltinModule('node:fs');
  return import('node:fs');
}

async function wasmSource(wasm, fallback) {
  if (wasm instanceof WebAssembly.Module) return wasm;
  if (wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm)) return wasm;
  // A Response (or anything with arrayBuffer()). Not `instanceof
  // Response`: touching the global Response makes Node 20 load its fetch
  // implementation, 50 ms of a cold start.
  if (wasm !== null && typeof wasm === 'object' && !(wasm instanceof URL)
    && typeof wasm.arrayBuffer === 'function') {
    return new Uint8Array(await wasm.arrayBuffer());
  }
  const url = new URL(wasm === undefined ? fallback : String(wasm), import.meta.url);
  if (url.protocol === 'file:' && typeof process !== 'undefined' && process.versions?.node) {
    // Synchronous on purpose: 0.2 ms, where fs/promises' readFile spends
    // 20-30 ms starting libuv's thread pool on a cold process.
    return (await nodeFs()).readFileSync(url);
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`oojwt: cannot load ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function instantiate(wasm, fallback) {
  const source = await wasmSource(wasm, fallback);
  const imports = { env: { emscripten_notify_memory_growth() {} } };
  const instance = source instanceof WebAssembly.Module
    ? await WebAssembly.instantiate(source, imports)
    : (await WebAssembly.instantiate(source, imports)).instance;
  instance.exports._initialize();
  return instance.exports;
}

// The feature modules' JS, imported only with the full module.
async function features(bridge, kit) {
  const [{ makeOnlyoffice }, { makeCertificate }, { makeDiagnose }] = await Promise.all([import('./onlyoffice.mjs'),
    import('./cert.mjs'), import('./diagnose.mjs')]);
  return {
    onlyoffice: makeOnlyoffice(bridge, kit),
    inspectCertificate: makeCertificate(bridge).inspectCertificate,
    ...makeDiagnose(bridge), // diagnose, exportDiagnosis, symptoms
  };
}

/**
 * Load the WebAssembly module and return the toolkit.
 * options.onlyoffice (default true): load the full module, with
 * kit.onlyoffice and kit.inspectCertificate; false loads the JWT core only
 * (a third of the size, faster to start), and kit.loadOnlyoffice() adds
 * them later.
 * options.wasm: the module's bytes (ArrayBuffer / typed array), a compiled
 * WebAssembly.Module, a Response, or a URL; default: oojwt-full.wasm (or
 * oojwt.wasm with onlyoffice: false) next to this file. Either module may be
 * given: the kit has what the module has.
 */
export async function loadToolkit(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('loadToolkit(options): options must be an object');
  }
  const { onlyoffice = true } = options;
  if (typeof onlyoffice !== 'boolean') throw new TypeError('loadToolkit(options): options.onlyoffice must be a boolean');
  return makeToolkit(await instantiate(options.wasm, onlyoffice ? FULL_WASM : CORE_WASM));
}

async function makeToolkit(x) {
  // Views of wasm memory, made again only when the memory has grown (its
  // old buffer is then detached), so that a call allocates no view.
  let u8 = new Uint8Array(x.memory.buffer);
  let u32 = new Uint32Array(x.memory.buffer);
  let tokenView, keyView; // views of the two scratch buffers below
  const mem = () => {
    if (u8.buffer !== x.memory.buffer) {
      u8 = new Uint8Array(x.memory.buffer);
      u32 = new Uint32Array(x.memory.buffer);
      tokenView = u8.subarray(tokenBuf, tokenBuf + SCRATCH);
      keyView = u8.subarray(keyBuf, keyBuf + SCRATCH);
    }
    return u8;
  };
  const cstring = (ptr) => {
    const m = mem();
    let end = ptr;
    while (m[end] !== 0) end++;
    return decoder.decode(m.subarray(ptr, end));
  };

  const algBits = new Map();
  for (let i = 0, bit; (bit = x.oojwt_alg_by_index(i)) !== 0; i++) {
    algBits.set(cstring(x.oojwt_alg_name(bit)), bit);
  }
  const supported = [...algBits].filter(([, bit]) => x.oojwt_alg_supported(bit)).map(([n]) => n);
  const outLen = x.oojwt_wasm_alloc(4);
  // The fast path's out[] (src/core/wasm_fast.c): mode, text length, alg bit,
  // signature length.
  const fastOut = x.oojwt_wasm_alloc(16);
  const FAST = fastOut >>> 2;
  const FAST_VALID = 1;
  const algNames = new Map([...algBits].map(([n, bit]) => [bit, n]));
  // Two buffers kept for the toolkit's life, so that a call with a token
  // or a secret that fits allocates nothing: the token's (public bytes),
  // and the key's, wiped after every call. Longer texts (and a call made
  // while the key buffer is in use) get their own buffers for the call.
  const SCRATCH = 16384;
  const tokenBuf = x.oojwt_wasm_alloc(SCRATCH);
  const keyBuf = x.oojwt_wasm_alloc(SCRATCH);
  if (outLen === 0 || fastOut === 0 || tokenBuf === 0 || keyBuf === 0) {
    throw new OojwtError('no_memory', 'out of WebAssembly memory');
  }
  tokenView = u8.subarray(tokenBuf, tokenBuf + SCRATCH);
  keyView = u8.subarray(keyBuf, keyBuf + SCRATCH);
  let keyBusy = false;
  // The header sign() writes when options.header is not given, put in
  // wasm memory by the first sign with that algorithm and kept for the
  // toolkit's life (not at load: a cold start need not pay for it).
  const defaultHeaders = new Map(); // name -> [ptr, len]
  const defaultHeader = (name) => {
    let h = defaultHeaders.get(name);
    if (h === undefined) {
      h = put(encoder.encode(JSON.stringify({ alg: name, typ: 'JWT' })));
      defaultHeaders.set(name, h);
    }
    return h;
  };

  // Copy bytes into wasm memory; returns [ptr, len].
  function put(bytes) {
    const ptr = x.oojwt_wasm_alloc(bytes.length);
    if (ptr === 0) throw new OojwtError('no_memory', 'out of WebAssembly memory');
    mem().set(bytes, ptr);
    return [ptr, bytes.length];
  }
  function putString(s) {
    const max = s.length * 3;
    const ptr = x.oojwt_wasm_alloc(max);
    if (ptr === 0) throw new OojwtError('no_memory', 'out of WebAssembly memory');
    const { written } = encoder.encodeInto(s, mem().subarray(ptr, ptr + max));
    return [ptr, written, max];
  }
  // Secrets are wiped before they are freed; public buffers just freed.
  function wipe(ptr, size) {
    x.oojwt_wasm_free(ptr, size);
  }
  function release(ptr) {
    x.oojwt_wasm_release(ptr);
  }
  // Read and free the JSON report a C call returned (reportText: as text).
  // A report that carries secrets (a server or nginx config) is wiped
  // before it is freed.
  // A report longer than a JavaScript string can be (V8: 2**29 - 24 UTF-16
  // units) is freed (wiped when secret) first, then refused as too_large:
  // at once when even 3 bytes a unit would not fit, else when decoding fails.
  function reportText(ptr, secret = false, lenAt = outLen) {
    if (ptr === 0) throw new OojwtError('no_memory', 'out of WebAssembly memory');
    const m = mem();
    const len = u32[lenAt >>> 2]; // little-endian, 4-aligned (malloc)
    let text;
    try {
      // Valid UTF-8 from C: decoding fails only when the string is too long.
      if (len <= 3 * MAX_STRING) text = decoder.decode(m.subarray(ptr, ptr + len));
    } catch {
      text = undefined;
    } finally {
      if (secret) wipe(ptr, len);
      else release(ptr);
    }
    if (text === undefined) {
      throw new OojwtError('too_large', `the answer would be ${len} bytes of JSON, more than a JavaScript string `
        + 'can hold: give a smaller input');
    }
    return text;
  }
  // Refuse, before any work, an input whose report might not fit in a
  // string: `bound` is the report-bound export of the report's layer
  // (src/core/report_bound.c: oojwt_wasm_report_bound, and the ds and
  // deploy ones), `kind` the report's kind there, `len` the input's bytes,
  // or its UTF-16 units before it is encoded (never more than its bytes,
  // so a refusal then is right too). C's bounds are linear: the longest
  // input that fits is found by bisection, for the message.
  function fits(bound, kind, len) {
    if (bound(kind, len) >>> 0 <= MAX_STRING) return;
    let lo = 0;
    let hi = len;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (bound(kind, mid) >>> 0 <= MAX_STRING) lo = mid;
      else hi = mid;
    }
    throw new OojwtError('too_large', `the input is ${len} bytes, and its answer could be longer than a JavaScript `
      + `string can hold: it is refused before it is read; give at most ${lo} bytes`);
  }
  // The bounds of the core's reports (OOJWT_REPORT_*, src/core/core.h).
  const REPORT_EXTRACT = 1;
  const REPORT_TOKEN = 2;
  const fitsToken = (len) => fits(x.oojwt_wasm_report_bound, REPORT_TOKEN, len);
  const report = (ptr) => JSON.parse(reportText(ptr));
  const secretReport = (ptr) => JSON.parse(reportText(ptr, true));

  function keyBytes(key) {
    if (typeof key === 'string') return [encoder.encode(key), KEY_RAW];
    if (key instanceof Uint8Array) return [key, KEY_RAW];
    if (key instanceof ArrayBuffer) return [new Uint8Array(key), KEY_RAW];
    if (ArrayBuffer.isView(key)) return [new Uint8Array(key.buffer, key.byteOffset, key.byteLength), KEY_RAW];
    if (key !== null && typeof key === 'object' && (typeof key.kty === 'string' || Array.isArray(key.keys))) {
      return [encoder.encode(JSON.stringify(key)), KEY_OBJECT];
    }
    throw new TypeError('key must be a string or bytes (a shared secret, or PEM, DER, JWK or JWK Set text), a JWK object or a JWK Set object');
  }

  // Run fn(keyPtr, keyLen, kind) with the key in wasm memory; wipe after.
  function withKey(key, fn) {
    if (typeof key === 'string' && !keyBusy) {
      // Encoded straight into the key buffer: no copy left in JS.
      const written = intoScratch(key, true);
      if (written >= 0) {
        keyBusy = true;
        try {
          return fn(keyBuf, written, KEY_RAW);
        } finally {
          mem(); // the call may have grown the memory
          keyView.fill(0, 0, written);
          keyBusy = false;
        }
      }
    }
    if (typeof key === 'string') {
      return withSecretString(key, (ptr, len) => fn(ptr, len, KEY_RAW));
    }
    const [bytes, kind] = keyBytes(key);
    const [ptr, len] = put(bytes);
    try {
      return fn(ptr, len, kind);
    } finally {
      wipe(ptr, len);
      if (kind === KEY_OBJECT) bytes.fill(0);
    }
  }

  // Run fn(ptr, len) with the UTF-8 of `s` in wasm memory; a text that
  // holds secrets (a key, local.json, an nginx config) is wiped after.
  function withString(s, fn, secret = false) {
    const [ptr, len, max] = putString(s);
    try {
      return fn(ptr, len);
    } finally {
      if (secret) wipe(ptr, max);
      else release(ptr);
    }
  }
  const withSecretString = (s, fn) => withString(s, fn, true);
  // The UTF-8 of `s` into the key's or the token's scratch buffer: its
  // length, or -1 when it does not fit (what was written is wiped: the
  // key buffer holds secrets).
  function intoScratch(s, key) {
    mem();
    const view = key ? keyView : tokenView;
    const { read, written } = encoder.encodeInto(s, view);
    if (read === s.length) return written;
    view.fill(0, 0, written);
    return -1;
  }
  // Run fn(ptr, len) with a token in wasm memory: in the token buffer
  // when it fits (a JWT is ASCII: one byte a character).
  function withToken(s, fn) {
    const written = s.length <= SCRATCH ? intoScratch(s, false) : -1;
    return written >= 0 ? fn(tokenBuf, written) : withString(s, fn);
  }

  // A lifetime: seconds as a number, or text C reads ("7d", "90s", with a unit:
  // oojwt_duration_parse, the parser of `--expires-in` too).
  function lifetime(v, what) {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    const s = typeof v === 'string' ? withString(v, (p, n) => x.oojwt_wasm_duration(p, n)) : -1;
    if (s < 0) throw new TypeError(`${what} must be seconds (number) or a string like "90s", "30m", "1h", "7d", "2w"`);
    return s;
  }

  function algMask(algorithms) {
    if (!Array.isArray(algorithms) || algorithms.length === 0) {
      throw new TypeError('options.algorithms must be a non-empty array of algorithm names');
    }
    let mask = 0;
    for (const name of algorithms) {
      const bit = algBits.get(name);
      if (bit === undefined) throw new TypeError(`unknown algorithm in options.algorithms: ${String(name)}`);
      mask |= bit;
    }
    return mask;
  }

  function checkToken(token) {
    if (typeof token !== 'string') throw new TypeError('token must be a string');
  }

  // C reports byte offsets into the UTF-8 token; JS users index strings.
  function fixPositions(token, issues) {
    if (!issues.some((e) => e.pos !== undefined) || !/[^\x00-\x7f]/.test(token)) return issues;
    const starts = [];
    let bytes = 0;
    for (let i = 0; i < token.length; i++) {
      const c = token.codePointAt(i);
      const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      for (let k = 0; k < n; k++) starts[bytes + k] = i;
      bytes += n;
      if (c >= 0x10000) i++;
    }
    starts[bytes] = token.length;
    return issues.map((e) => (e.pos === undefined ? e : { ...e, pos: starts[e.pos] ?? token.length }));
  }

  function parts(token, r) {
    const out = {};
    if (r.dots) {
      // Exactly two '.' (never part of a multi-byte UTF-8 sequence).
      const d2 = token.lastIndexOf('.');
      out.signature = token.slice(d2 + 1);
      out.signingInput = token.slice(0, d2);
    }
    if (r.headerText !== undefined) out.headerText = r.headerText;
    if (r.payloadText !== undefined) out.payloadText = r.payloadText;
    if (r.signatureLength !== undefined) out.signatureLength = r.signatureLength;
    return out;
  }

  // The C core's report, as text (src/core/report.c): what `oojwt decode --json` prints.
  function decodeReport(token) {
    checkToken(token);
    fitsToken(token.length);
    return withString(token, (p, n) => {
      fitsToken(n);
      return reportText(x.oojwt_wasm_decode(p, n, outLen));
    });
  }

  function decode(token) {
    const r = JSON.parse(decodeReport(token));
    if (r.errors.length > 0) {
      const errors = fixPositions(token, r.errors);
      const e = errors[0];
      throw new OojwtError(e.code, e.message, { pos: e.pos, errors, params: e.params });
    }
    return { header: r.header, payload: r.payload, alg: r.alg, ...parts(token, r) };
  }

  // Check verify's arguments and run it in C: with `fast`, the fast
  // export (src/core/wasm_fast.c: its mode in fastOut), else the report.
  function verifyText(token, key, options, fast) {
    checkToken(token);
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const { algorithms, now = Date.now() / 1000, clockTolerance = 0 } = options;
    // 0: the default for the key, from C (HS* for a secret, all for RSA/EC).
    const mask = algorithms === undefined ? 0 : algMask(algorithms);
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      throw new TypeError('options.now must be a finite number of seconds since the epoch');
    }
    if (typeof clockTolerance !== 'number' || !Number.isFinite(clockTolerance) || clockTolerance < 0) {
      throw new TypeError('options.clockTolerance must be a finite number of seconds >= 0');
    }
    fitsToken(token.length);
    return withKey(key, (kp, kn, kind) => withToken(token, (tp, tn) => (fitsToken(tn), fast
      ? reportText(x.oojwt_wasm_verify_fast(tp, tn, kp, kn, kind, mask, now, clockTolerance, fastOut), false, fastOut + 4)
      : reportText(x.oojwt_wasm_verify_key(tp, tn, kp, kn, kind, mask, now, clockTolerance, outLen)))));
  }

  // The C core's report, as text (src/core/report.c): what `oojwt verify --json` prints.
  const verifyReport = (token, key, options = {}) => verifyText(token, key, options, false);

  function verify(token, key, options = {}) {
    if (options !== null && typeof options === 'object' && options.profile !== undefined) {
      // 'onlyoffice': judge as Document Server does (web/lib/onlyoffice.mjs).
      if (options.profile === 'onlyoffice') return kit.onlyoffice.verify(token, key, options);
      if (options.profile !== 'strict') throw new TypeError("options.profile must be 'strict' or 'onlyoffice'");
    }
    const text = verifyText(token, key, options, true);
    if (u32[FAST] === FAST_VALID) {
      // Valid, nothing to warn about: C handed over [header,payload].
      const [header, payload] = JSON.parse(text);
      const d2 = token.lastIndexOf('.');
      return {
        valid: true,
        alg: algNames.get(u32[FAST + 2]),
        header,
        payload,
        errors: [],
        warnings: [],
        signature: token.slice(d2 + 1),
        signingInput: token.slice(0, d2),
        signatureLength: u32[FAST + 3],
      };
    }
    const r = JSON.parse(text);
    return {
      valid: r.valid,
      alg: r.alg,
      header: r.header,
      payload: r.payload,
      errors: fixPositions(token, r.errors),
      warnings: r.warnings,
      ...parts(token, r),
    };
  }

  function sign(payload, key, options = {}) {
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      throw new TypeError('payload must be a plain object');
    }
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const { header = {}, iat, expiresIn, now = Date.now() / 1000 } = options;
    if (header === null || typeof header !== 'object' || Array.isArray(header)) {
      throw new TypeError('options.header must be a plain object');
    }
    const alg = options.alg ?? header.alg ?? 'HS256';
    const bit = algBits.get(alg);
    if (typeof alg !== 'string' || bit === undefined) throw new TypeError(`unknown algorithm: ${String(alg)}`);
    if (typeof now !== 'number' || !Number.isFinite(now)) throw new TypeError('options.now must be a finite number');
    const body = claimsFor(payload, iat, expiresIn === undefined ? undefined : lifetime(expiresIn, 'options.expiresIn'), now);
    if (header.alg !== undefined && header.alg !== alg) {
      throw new TypeError('options.alg and options.header.alg disagree');
    }
    const fixed = options.header === undefined ? defaultHeader(alg) : undefined;
    const headerJson = fixed === undefined ? JSON.stringify({ alg, typ: 'JWT', ...header }) : '';
    const withHeader = (fn) => (fixed === undefined ? withString(headerJson, fn) : fn(fixed[0], fixed[1]));
    const payloadJson = JSON.stringify(body);
    if (typeof payloadJson !== 'string') throw new TypeError('payload is not serialisable as JSON');
    // The payload's text goes in through the token buffer when it fits;
    // C returns the bare token.
    const call = (rp, rn) => withKey(key, (kp, kn, kind) => withHeader((hp, hn) =>
      withToken(payloadJson, (pp, pn) => reportText(x.oojwt_wasm_sign_fast(bit, kp, kn, kind, hp, hn, pp, pn,
        rp, rn, fastOut), false, fastOut + 4))));
    // PS* salts: random bytes from the platform, passed to C (src/core/wasm_key.c);
    // the other algorithms are deterministic (ES: RFC 6979) and take none.
    const text = alg.startsWith('PS')
      ? withKey(globalThis.crypto.getRandomValues(new Uint8Array(64)), call)
      : call(0, 0);
    if (u32[FAST] === FAST_VALID) return text;
    const { error } = JSON.parse(text);
    throw new OojwtError(error.code, error.message, { pos: error.pos, params: error.params });
  }

  // Find the token in pasted text (Bearer, header line, log line, quotes);
  // the C extractor says what it cut off (src/core/extract.c).
  function extract(text) {
    if (typeof text !== 'string') throw new TypeError('text must be a string');
    fits(x.oojwt_wasm_report_bound, REPORT_EXTRACT, text.length);
    const r = withString(text, (p, n) => {
      fits(x.oojwt_wasm_report_bound, REPORT_EXTRACT, n);
      return report(x.oojwt_wasm_extract(p, n, outLen));
    });
    return { token: r.token, stripped: fixPositions(text, r.stripped) };
  }

  // What a key is: kind, format, size/curve, kid, RFC 7638 thumbprint (src/core/wasm_key.c).
  function keyInfo(key) {
    const r = withKey(key, (kp, kn, kind) => report(x.oojwt_wasm_key_info(kp, kn, kind, outLen)));
    if (r.error) throw new OojwtError(r.error.code, r.error.message, { params: r.error.params });
    return r;
  }

  const kit = {
    decode, verify, sign, extract, keyInfo, algorithms: Object.freeze(supported),
    reports: Object.freeze({ decode: decodeReport, verify: verifyReport }),
  };
  // What feature modules (e.g. the ONLYOFFICE rules) need to call C: they
  // receive this object and attach their functions to `kit` before it is
  // frozen, so that every module marshals the same way.
  const bridge = {
    exports: x, withKey, withString, withSecretString, report, secretReport, algMask, checkToken, fixPositions, parts, outLen,
    lifetime, fits,
  };
  if (typeof x.oojwt_wasm_ds_verify === 'function') {
    Object.assign(kit, await features(bridge, kit));
    kit.loadOnlyoffice = async () => kit.onlyoffice;
    return Object.freeze(kit);
  }
  // The JWT core only: kit.onlyoffice's functions say how to get them
  // until kit.loadOnlyoffice() has instantiated the full module beside it.
  // From then on the JWT functions answer from the full module too: the
  // same results, with the params of every error and warning, which the
  // core module does not record (its size budget) and a catalog needs to
  // say a sentence in another language.
  let full = null;
  let loading = null;
  const core = { ...kit, reports: kit.reports };
  for (const name of ['decode', 'verify', 'sign', 'extract', 'keyInfo']) {
    kit[name] = (...args) => (full ?? core)[name](...args);
  }
  kit.reports = Object.freeze({
    decode: (...args) => (full ?? core).reports.decode(...args),
    verify: (...args) => (full ?? core).reports.verify(...args),
  });
  const need = (name) => {
    if (full === null) {
      throw new OojwtError('not_loaded', `${name} needs the Document Server module: \`await kit.loadOnlyoffice()\` first (or load the toolkit without { onlyoffice: false })`);
    }
    return full;
  };
  kit.onlyoffice = Object.freeze(Object.fromEntries(ONLYOFFICE_METHODS.map((name) =>
    [name, (...args) => need(`kit.onlyoffice.${name}`).onlyoffice[name](...args)])));
  kit.inspectCertificate = (...args) => need('kit.inspectCertificate').inspectCertificate(...args);
  kit.diagnose = (...args) => need('kit.diagnose').diagnose(...args);
  kit.symptoms = (...args) => need('kit.symptoms').symptoms(...args);
  kit.exportDiagnosis = (...args) => need('kit.exportDiagnosis').exportDiagnosis(...args);
  // Instantiate the full module beside the core (options.wasm as
  // loadToolkit's, default oojwt-full.wasm); resolves to kit.onlyoffice.
  kit.loadOnlyoffice = async (options = {}) => {
    if (options === null || typeof options !== 'object') throw new TypeError('loadOnlyoffice(options): options must be an object');
    loading ??= instantiate(options.wasm, FULL_WASM).then((exports) => {
      if (typeof exports.oojwt_wasm_ds_verify !== 'function') {
        throw new OojwtError('not_loaded', 'loadOnlyoffice: the module given is not the full module (oojwt-full.wasm)');
      }
      return makeToolkit(exports);
    }).then((other) => {
      full = other;
      return kit.onlyoffice;
    }, (e) => {
      loading = null;
      throw e;
    });
    return loading;
  };
  return Object.freeze(kit);
}

// The payload to serialise: the caller's object, plus iat/exp when asked
// (`seconds`: the lifetime already read by lifetime()).
function claimsFor(payload, iat, seconds, now) {
  if (iat === undefined && seconds === undefined) return payload;
  const body = { ...payload };
  if (iat !== undefined) {
    if (iat === true) body.iat = Math.floor(now);
    else if (typeof iat === 'number' && Number.isFinite(iat)) body.iat = iat;
    else throw new TypeError('options.iat must be true or a number of seconds');
  }
  if (seconds !== undefined) {
    if (payload.exp !== undefined) {
      throw new OojwtError('bad_argument', 'the payload already has "exp"; do not pass options.expiresIn too');
    }
    body.exp = (typeof body.iat === 'number' ? body.iat : Math.floor(now)) + seconds;
  }
  return body;
}
