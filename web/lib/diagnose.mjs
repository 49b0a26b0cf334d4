// oojwt — the diagnosis (C: src/diagnose/), marshalled for JS.
//
//   kit.diagnose(items, { secrets, now })
//   kit.symptoms()
//   kit.exportDiagnosis(items, { secrets, now, format: 'markdown' | 'text' })
//
// items: strings, or { text, name } objects (name: a file name or label);
// options.secrets: strings (their UTF-8 bytes), Uint8Arrays, or
// { value, name } objects. Everything is packed into one buffer (the
// layout of src/diagnose/diag_pack.c), copied once into wasm memory,
// and wiped there and here after the call. Like web/lib/oojwt.mjs, this
// file only moves bytes and builds plain objects: what each text is and
// what the verdict says are decided in C.

import { OojwtError } from './oojwt.mjs';

const encoder = new TextEncoder();
const MAX_ITEMS = 16; // OOJWT_DIAG_MAX_ITEMS, src/diagnose/oojwt_diagnose.h
const NO_NAME = 0xFFFFFFFF;
// OOJWT_DIAG_EXPORT_MARKDOWN, _TEXT (src/diagnose/oojwt_diagnose.h), by index.
const EXPORT_FORMATS = ['markdown', 'text'];

function itemOf(v, i) {
  if (typeof v === 'string') return { text: v, name: undefined };
  if (v !== null && typeof v === 'object' && typeof v.text === 'string') {
    if (v.name !== undefined && typeof v.name !== 'string') throw new TypeError(`items[${i}].name must be a string`);
    return { text: v.text, name: v.name };
  }
  throw new TypeError(`items[${i}] must be a string or { text, name }`);
}

function secretOf(v, i) {
  if (typeof v === 'string') return { value: encoder.encode(v), name: undefined, ours: true };
  if (v instanceof Uint8Array) return { value: v, name: undefined, ours: false };
  if (v !== null && typeof v === 'object' && (typeof v.value === 'string' || v.value instanceof Uint8Array)) {
    if (v.name !== undefined && typeof v.name !== 'string') throw new TypeError(`options.secrets[${i}].name must be a string`);
    const ours = typeof v.value === 'string';
    return { value: ours ? encoder.encode(v.value) : v.value, name: v.name, ours };
  }
  throw new TypeError(`options.secrets[${i}] must be a string, a Uint8Array or { value, name }`);
}

/** Build `kit.diagnose` from the bridge of web/lib/oojwt.mjs. */
export function makeDiagnose(bridge) {
  const { exports: x, withKey, report, secretReport, outLen } = bridge;

  function pack(items, secrets) {
    const parts = [];
    const u32 = (n) => {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setUint32(0, n, true);
      parts.push(b);
    };
    const text = (bytes) => {
      u32(bytes.length);
      parts.push(bytes);
    };
    const name = (s) => (s === undefined ? u32(NO_NAME) : text(encoder.encode(s)));
    u32(items.length);
    u32(secrets.length);
    for (const it of items) {
      name(it.name);
      text(encoder.encode(it.text));
    }
    for (const s of secrets) {
      name(s.name);
      text(s.value);
    }
    const size = parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  // One packed call: `call(pointer, length)` returns the C report.
  function run(items, options, call) {
    if (!Array.isArray(items)) throw new TypeError('items must be an array of strings or { text, name }');
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const { secrets = [], now = Date.now() / 1000 } = options;
    if (!Array.isArray(secrets)) throw new TypeError('options.secrets must be an array');
    if (typeof now !== 'number' || !Number.isFinite(now)) throw new TypeError('options.now must be a finite number of seconds');
    if (items.length > MAX_ITEMS || secrets.length > MAX_ITEMS) {
      throw new OojwtError('too_large', `at most ${MAX_ITEMS} texts and ${MAX_ITEMS} secrets at once`);
    }
    const its = items.map(itemOf);
    const secs = secrets.map(secretOf);
    const bytes = pack(its, secs);
    let r;
    try {
      bridge.fits((_kind, n) => x.oojwt_wasm_diag_report_bound(n), 0, bytes.length);
      r = withKey(bytes, (p, n) => secretReport(call(p, n, now)));
    } finally {
      bytes.fill(0);
      for (const s of secs) if (s.ours) s.value.fill(0);
    }
    if (r.error) throw new OojwtError(r.error.code, r.error.message, { params: r.error.params });
    return r;
  }

  /**
   * Recognise each item, run every check that applies to them together,
   * and give one verdict. Throws OojwtError (too_large, ...) when the C
   * call refuses the input; TypeError for arguments of the wrong type.
   */
  function diagnose(items, options = {}) {
    return run(items, options, (p, n, now) => x.oojwt_wasm_diagnose(p, n, now, outLen));
  }

  /**
   * The same diagnosis as a text to paste into a forum post or a support
   * ticket, every secret and token masked (src/diagnose/export.c):
   * options.format 'markdown' (default) or 'text'.
   */
  function exportDiagnosis(items, options = {}) {
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const { format = 'markdown' } = options;
    const f = EXPORT_FORMATS.indexOf(format);
    if (f < 0) throw new TypeError("options.format must be 'markdown' or 'text'");
    return run(items, options, (p, n, now) => x.oojwt_wasm_diagnose_export(p, n, now, f, outLen)).text;
  }

  /**
   * The symptom table (src/diagnose/symptoms.c): what the user saw, in
   * the product's words in English and Simplified Chinese (null where the
   * product has no Chinese text), the source of each, what it means, and
   * what to paste next and where to get it. A fresh array each call.
   */
  function symptoms() {
    return report(x.oojwt_wasm_symptoms(outLen));
  }

  return { diagnose, exportDiagnosis, symptoms };
}
