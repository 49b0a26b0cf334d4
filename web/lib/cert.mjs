// oojwt — the TLS certificate inspector (C: src/cert*.c), marshalled for JS.
//
//   kit.inspectCertificate(pem, { privateKey, host, now })
//
// Like web/lib/oojwt.mjs, this file only moves bytes and builds plain objects:
// the certificate is read and judged in C.

import { OojwtError } from './oojwt.mjs';

const encoder = new TextEncoder();

function bytesOf(v, what) {
  if (typeof v === 'string') return encoder.encode(v);
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  throw new TypeError(`${what} must be a string (PEM text) or a Uint8Array (DER)`);
}

/** Build `kit.inspectCertificate` from the bridge of web/lib/oojwt.mjs. */
export function makeCertificate(bridge) {
  const { exports: x, withKey, withString, report, outLen } = bridge;

  // The C core's report, as text: what `oojwt inspect-cert --json` prints.
  function inspectReport(cert, options = {}) {
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const { privateKey, host, now = Date.now() / 1000 } = options;
    const certBytes = bytesOf(cert, 'the certificate');
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      throw new TypeError('options.now must be a finite number of seconds since the epoch');
    }
    if (host !== undefined && typeof host !== 'string') throw new TypeError('options.host must be a string');
    if (privateKey !== undefined && typeof privateKey !== 'string' && !ArrayBuffer.isView(privateKey)
      && !(privateKey instanceof ArrayBuffer)) {
      throw new TypeError('options.privateKey must be a string (PEM text) or a Uint8Array (DER)');
    }
    const call = (kp, kn, hasKey) => withString(host ?? '', (hp, hn) => withKey(certBytes, (cp, cn) =>
      report(x.oojwt_wasm_cert_inspect(cp, cn, kp, kn, hasKey, hp, hn, host === undefined ? 0 : 1, now, outLen))));
    // The private key goes in through withKey, which wipes its copy.
    return privateKey === undefined ? call(0, 0, 0) : withKey(privateKey, (kp, kn) => call(kp, kn, 1));
  }

  /** Inspect a PEM (or DER) certificate; throws OojwtError on unreadable input. */
  function inspectCertificate(cert, options = {}) {
    const r = inspectReport(cert, options);
    if (r.error) throw new OojwtError(r.error.code, r.error.message, { params: r.error.params });
    return r;
  }

  return { inspectCertificate };
}
