// oojwt — requests to Document Server and its callbacks (C:
// src/ds/request.c, src/ds/http_request.c), marshalled for JS:
//
//   kit.onlyoffice.inspectRequest({ headers, body }, secret, { kind, now, serverConfig, connector })
//   kit.onlyoffice.inspectRequest(rawHttpText, secret, { kind })
//
// Only bytes move here; every decision is made in C.

import { OojwtError } from './oojwt.mjs';

// In the order of OOJWT_REQUEST_* (src/ds/oojwt_ds.h).
const KINDS = ['callback', 'command', 'converter', 'docbuilder', 'download'];
const RAW = 0;
const PARTS = 1;
// Its report kind for oojwt_ds_report_bound (OOJWT_DS_REPORT_REQUEST, src/ds/ds.h).
const REPORT_REQUEST = 6;

// Headers as [name, value] pairs: a plain object (values: strings or
// arrays of strings), an array of pairs, a Map or a fetch Headers.
function headerPairs(headers) {
  if (headers === undefined || headers === null) return [];
  let entries;
  if (Array.isArray(headers)) entries = headers;
  else if (typeof headers.entries === 'function' && typeof headers.get === 'function') entries = [...headers.entries()];
  else if (typeof headers === 'object') entries = Object.entries(headers);
  else throw new TypeError('request.headers must be an object, an array of [name, value] pairs, a Map or Headers');
  const pairs = [];
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') {
      throw new TypeError('request.headers: each header is a [name, value] pair with a string name');
    }
    const [name, value] = entry;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string' && typeof v !== 'number') {
        throw new TypeError(`request.headers: the value of ${name} must be a string (or an array of strings)`);
      }
      pairs.push([name, String(v)]);
    }
  }
  return pairs;
}

function bodyValue(body) {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (typeof body === 'object') return body;
  throw new TypeError('request.body must be a string, a Uint8Array, a JSON value (object/array) or null');
}

/**
 * DS's verifyOptions as the JSON text the C side applies whole
 * (src/ds/verify_options.c): `value` is what jwt.verify() gets -- an
 * object, or null/absent for none. A RegExp (jsonwebtoken's audience may
 * be one) cannot come from Document Server's JSON configuration.
 */
export function verifyOptionsText(value, what = 'verifyOptions') {
  if (value === undefined || value === null) return 'null';
  if (typeof value !== 'object') throw new TypeError(`${what} must be an object (Document Server's token.verifyOptions)`);
  return JSON.stringify(value, (k, v) => {
    if (v instanceof RegExp) throw new TypeError(`${what}: a RegExp cannot be written in Document Server's JSON configuration`);
    return v;
  });
}

/**
 * kit.onlyoffice.connectors(): the connector and JWT library tables
 * (src/ds/connectors.c, src/ds/jwt_libraries.c), read once.
 */
export function makeConnectors(bridge) {
  let tables;
  return function connectors() {
    tables ??= bridge.report(bridge.exports.oojwt_wasm_connectors(bridge.outLen));
    return structuredClone(tables);
  };
}

/**
 * options.connector as the C side takes it (oojwt_request_opts.connector,
 * oojwt_inspect_opts.connector): row + 1 for a connector id; for a
 * receiver (callbacks, downloads) 0 for every row ('all' or absent); for a
 * sender (configs, requests to Document Server) 0 to tell it from the
 * shape (absent) and -1 for 'none'.
 */
export function connectorRow(connectors, value, sender) {
  if (value === undefined || value === null || (!sender && value === 'all')) return 0;
  if (sender && value === 'none') return -1;
  const ids = connectors().connectors.map((c) => c.id);
  const row = ids.indexOf(value) + 1;
  if (row === 0) throw new TypeError(`options.connector must be one of ${ids.join(', ')} (or '${sender ? 'none' : 'all'}')`);
  return row;
}

/** Build kit.onlyoffice.inspectRequest from the bridge of web/lib/oojwt.mjs. */
export function makeInspectRequest(bridge, readServerConfig, connectors) {
  const { exports: x, withKey, withString, report, outLen } = bridge;

  return function inspectRequest(request, secret, options = {}) {
    let text;
    let form;
    if (typeof request === 'string') {
      text = request;
      form = RAW;
    } else if (request !== null && typeof request === 'object' && !Array.isArray(request)) {
      const parts = { headers: headerPairs(request.headers), body: bodyValue(request.body) };
      if (request.url !== undefined) {
        if (typeof request.url !== 'string') throw new TypeError('request.url must be a string');
        parts.url = request.url;
      }
      if (request.method !== undefined) {
        if (typeof request.method !== 'string') throw new TypeError('request.method must be a string');
        parts.method = request.method;
      }
      text = JSON.stringify(parts);
      form = PARTS;
    } else {
      throw new TypeError('request must be { headers, body } or the raw text of an HTTP request');
    }
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const { kind, now = Date.now() / 1000 } = options;
    if (!KINDS.includes(kind)) throw new TypeError(`options.kind must be one of ${KINDS.join(', ')}`);
    if (typeof now !== 'number' || !Number.isFinite(now)) throw new TypeError('options.now must be a finite number');
    let { serverConfig } = options;
    if (typeof serverConfig === 'string') serverConfig = readServerConfig(serverConfig);
    if (serverConfig !== undefined && (serverConfig === null || typeof serverConfig !== 'object')) {
      throw new TypeError('options.serverConfig must be a readServerConfig result or local.json text');
    }
    // Callbacks and downloads: Document Server sends them (outbox).
    const callback = kind === 'callback' || kind === 'download';
    // What the server configuration says (defaults: the shipped ones, tokens on).
    const side = callback ? serverConfig?.outbox : serverConfig?.inbox;
    const header = side?.header;
    const prefix = side?.prefix;
    const enabled = (callback ? serverConfig?.enabled?.outbox : serverConfig?.enabled?.inbox) ?? true;
    const required = serverConfig?.tokenRequiredParams ?? true;
    let tolerance = callback ? 0 : 60;
    // Inbox kinds with a server config: its verifyOptions, applied whole.
    let vopts = !callback && serverConfig !== undefined ? serverConfig.verifyOptions ?? null : undefined;
    if (options.clockTolerance !== undefined) {
      tolerance = options.clockTolerance;
      if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
        throw new TypeError('options.clockTolerance must be a finite number of seconds >= 0');
      }
      if (vopts !== undefined) vopts = { ...(typeof vopts === 'object' && !Array.isArray(vopts) ? vopts : {}), clockTolerance: tolerance };
    }
    const voText = vopts !== undefined ? verifyOptionsText(vopts, 'serverConfig.verifyOptions') : '';
    // An inbox secret with neither a string nor a file: DS has none at all
    // (src/ds/oojwt_ds.h, oojwt_request_opts.no_secret).
    const noSecret = !callback && (secret ?? null) === null && serverConfig?.secrets?.inbox?.source === 'none';
    const key = secret ?? (noSecret ? '' : serverConfig?.secrets?.[callback ? 'outbox' : 'inbox']?.value);
    if (typeof key !== 'string' && !(key instanceof Uint8Array)) {
      throw new TypeError(`secret must be a string or a Uint8Array (or give options.serverConfig with a string ${callback ? 'outbox' : 'inbox'} secret)`);
    }
    // The connector(s) judging a callback or download (every row unless
    // one is named), or the one that sent a request to Document Server.
    const row = connectorRow(connectors, options.connector, !callback);
    const { leeway } = options;
    if (leeway !== undefined && (typeof leeway !== 'number' || !Number.isFinite(leeway) || leeway < 0 || leeway > 1e9)) {
      throw new TypeError('options.leeway must be a number of seconds from 0 to 1e9');
    }
    const hasHeader = typeof header === 'string' ? 1 : 0;
    const hasPrefix = typeof prefix === 'string' ? 1 : 0;
    const fits = (len) => bridge.fits(x.oojwt_wasm_ds_report_bound, REPORT_REQUEST, len);
    fits(text.length);
    const r = withKey(key, (kp, kn) => withString(text, (rp, rn) => fits(rn) ??
      withString(hasHeader ? header : '', (hp, hn) => withString(hasPrefix ? prefix : '', (pp, pn) =>
        withString(voText, (vp, vn) =>
          report(x.oojwt_wasm_request_inspect(rp, rn, form, kp, kn, KINDS.indexOf(kind), now, tolerance,
            enabled ? 1 : 0, required ? 1 : 0, hp, hn, hasHeader, pp, pn, hasPrefix, vp, vn,
            vopts !== undefined ? 1 : 0, noSecret ? 1 : 0, row, leeway !== undefined ? 1 : 0, leeway ?? 0, outLen)))))));
    if (r.error) throw new OojwtError(r.error.code, r.error.message, { params: r.error.params });
    return r;
  };
}
