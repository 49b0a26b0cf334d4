// oojwt — the ONLYOFFICE Document Server rules (C: src/ds_*.c,
// src/ds/secret_variants.c, src/ds/server_config.c, src/ds/editor_config.c),
// marshalled for JS.
//
//   kit.verify(token, secret, { profile: 'onlyoffice' })
//   kit.onlyoffice.explainSecret(token, secret, { serverConfig })
//   kit.onlyoffice.readServerConfig(localJsonText, { defaultJsonText })
//   kit.onlyoffice.inspectConfig(config, { secret, serverConfig, now })
//   kit.onlyoffice.signConfig(config, secret, { alg, expiresIn, fields })
//   kit.onlyoffice.inspectDownloadUrl / signDownloadUrl / readNginxConfig /
//     compareSecureLinkSecrets (web/lib/deploy.mjs)
//   kit.onlyoffice.inspectRequest(request, secret, { kind, now, serverConfig })  (web/lib/onlyoffice_request.mjs)
//
// Like web/lib/oojwt.mjs, this file only moves bytes and builds plain
// objects: every decision is made in C.

import { OojwtError } from './oojwt.mjs';
import { makeDeploy } from './deploy.mjs';
import { makeInspectRequest, dsTolerance } from './onlyoffice_request.mjs';

const HS = ['HS256', 'HS384', 'HS512'];

/** Build `kit.onlyoffice` from the bridge of web/lib/oojwt.mjs. */
export function makeOnlyoffice(bridge, kit) {
  const { exports: x, withKey, withString, report, checkToken, parts, lifetime } = bridge;
  const outLen = bridge.outLen;

  // A Document Server secret is a string (its UTF-8 bytes); raw bytes
  // are accepted for secrets read from a file.
  function secretBytes(secret, what = 'secret') {
    if (typeof secret === 'string') return secret;
    if (secret instanceof Uint8Array) return secret;
    throw new TypeError(`${what} must be a string (its UTF-8 bytes) or a Uint8Array`);
  }

  function fail(r) {
    throw new OojwtError(r.error.code, r.error.message);
  }

  /** verify(token, secret, { profile: 'onlyoffice' }) lands here. */
  function verifyDs(token, key, options = {}) {
    checkToken(token);
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const {
      algorithms = HS,
      now = Date.now() / 1000,
      clockTolerance = 60,
    } = options;
    // The strict comparison uses the caller's tolerance, else oojwt's 0.
    const strictTolerance = options.clockTolerance === undefined ? 0 : clockTolerance;
    if (!Array.isArray(algorithms) || algorithms.length === 0 || algorithms.some((a) => !HS.includes(a))) {
      throw new TypeError('options.algorithms: the Document Server profile takes a non-empty list of HS256, HS384, HS512');
    }
    const mask = bridge.algMask(algorithms);
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      throw new TypeError('options.now must be a finite number of seconds since the epoch');
    }
    if (typeof clockTolerance !== 'number' || !Number.isFinite(clockTolerance) || clockTolerance < 0) {
      throw new TypeError('options.clockTolerance must be a finite number of seconds >= 0');
    }
    const k = secretBytes(key, 'key');
    const r = withKey(k, (kp, kn) => withString(token, (tp, tn) =>
      report(x.oojwt_wasm_ds_verify(tp, tn, kp, kn, mask, now, clockTolerance, strictTolerance, outLen))));
    if (r.error) fail(r);
    const out = {
      valid: r.valid,
      profile: 'onlyoffice',
      alg: r.alg,
      header: r.header,
      payload: r.payload,
      serverError: r.serverError,
      serverMessage: r.serverMessage,
      closeCode: r.closeCode,
      errors: r.errors,
      warnings: r.warnings,
      differences: r.differences,
    };
    if (r.headerText !== undefined) out.headerText = r.headerText;
    if (r.payloadText !== undefined) out.payloadText = r.payloadText;
    const dots = token.split('.').length === 3;
    if (dots) {
      const p = parts(token, { dots: true });
      out.signature = p.signature;
      out.signingInput = p.signingInput;
    }
    return out;
  }

  /** Which variant of `secret` verifies `token`, and what else is off. */
  function explainSecret(token, secret, options = {}) {
    checkToken(token);
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    let { serverConfig } = options;
    if (typeof serverConfig === 'string') serverConfig = readServerConfig(serverConfig);
    if (serverConfig !== undefined && (serverConfig === null || typeof serverConfig !== 'object')) {
      throw new TypeError('options.serverConfig must be a readServerConfig result or local.json text');
    }
    // The other secrets, in the order of oojwt_secret_others (C decides what to try).
    const s = serverConfig?.secrets;
    const others = serverConfig === undefined ? '' : JSON.stringify([s?.inbox?.value, s?.outbox?.value,
      s?.session?.value, s?.browser?.value, serverConfig.storageSecret?.value].map((v) => (typeof v === 'string' ? v : null)));
    const has = serverConfig === undefined ? 0 : 1;
    const r = withKey(secretBytes(secret), (kp, kn) => withString(token, (tp, tn) => bridge.withSecretString(others,
      (op, on) => report(x.oojwt_wasm_secret_explain(tp, tn, kp, kn, op, on, has, outLen)))));
    if (r.error) fail(r);
    return r;
  }

  /**
   * Document Server's effective JWT settings from local.json (or Docker
   * env/compose lines), merged over default.json (given, or as shipped).
   */
  function readServerConfig(localJsonText, options = {}) {
    if (typeof localJsonText !== 'string') throw new TypeError('localJsonText must be a string');
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const { defaultJsonText } = options;
    if (defaultJsonText !== undefined && typeof defaultJsonText !== 'string') {
      throw new TypeError('options.defaultJsonText must be a string');
    }
    const has = defaultJsonText !== undefined ? 1 : 0;
    const r = bridge.withSecretString(localJsonText, (lp, ln) => bridge.withSecretString(has ? defaultJsonText : '',
      (dp, dn) => bridge.secretReport(x.oojwt_wasm_server_config(lp, ln, dp, dn, has, outLen))));
    if (r.error) fail(r);
    return r;
  }

  /**
   * The config a page passes to DocsAPI.DocEditor, judged as Document
   * Server judges it: { verdict, findings, token, effectiveConfig }.
   */
  function inspectConfig(config, options = {}) {
    let text;
    if (typeof config === 'string') text = config;
    else if (config !== null && typeof config === 'object' && !Array.isArray(config)) text = JSON.stringify(config);
    else throw new TypeError('config must be an object (or its JSON text)');
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    let { serverConfig } = options;
    const { now = Date.now() / 1000, serverVersion } = options;
    // "8.1" or "7.3.3" -> 801; 0: the newest rules.
    let version = 0;
    if (serverVersion !== undefined) {
      // oojwt_ds_version_parse, the parser of `--server-version` too.
      version = typeof serverVersion === 'string' ? withString(serverVersion, (p, n) => x.oojwt_wasm_ds_version(p, n)) : 0;
      if (version === 0) throw new TypeError('options.serverVersion must be a version string such as "8.1" or "7.3.3"');
    }
    if (typeof serverConfig === 'string') serverConfig = readServerConfig(serverConfig);
    if (serverConfig !== undefined && (serverConfig === null || typeof serverConfig !== 'object')) {
      throw new TypeError('options.serverConfig must be a readServerConfig result or local.json text');
    }
    if (typeof now !== 'number' || !Number.isFinite(now)) throw new TypeError('options.now must be a finite number');
    const secret = options.secret ?? serverConfig?.secrets?.inbox?.value;
    if (secret === undefined || secret === null) {
      // Without the inbox secret a token cannot be judged (DS would use its own).
      const parsed = typeof config === 'string' ? null : config;
      if (parsed === null || parsed.token !== undefined) {
        throw new TypeError('options.secret (or options.serverConfig with a string inbox secret) is needed to verify config.token');
      }
    }
    secretBytes(secret ?? '', 'options.secret');
    // Unknown server: JWT on (the default of every installer since 7.2).
    const enableBrowser = serverConfig?.enabled?.browser ?? true;
    const required = serverConfig?.tokenRequiredParams ?? true;
    // As DS's jsonwebtoken uses verifyOptions (a string tolerance turns exp off).
    const tolerance = dsTolerance(bridge, serverConfig);
    const r = withKey(secret ?? '', (kp, kn) => withString(text, (cp, cn) =>
      report(x.oojwt_wasm_config_inspect(cp, cn, kp, kn, now, tolerance, enableBrowser ? 1 : 0,
        required ? 1 : 0, version, outLen))));
    if (r.error) fail(r);
    return r;
  }

  /**
   * The config with its `token`: the whole config signed (default, as the
   * official integrations do) or only the fields the server requires.
   */
  function signConfig(config, secret, options = {}) {
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      throw new TypeError('config must be an object');
    }
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const { alg = 'HS256', expiresIn, fields = 'all', iat = true, now = Date.now() / 1000 } = options;
    if (!HS.includes(alg)) throw new TypeError('options.alg must be HS256, HS384 or HS512');
    if (fields !== 'all' && fields !== 'required') throw new TypeError("options.fields must be 'all' or 'required'");
    if (typeof now !== 'number' || !Number.isFinite(now)) throw new TypeError('options.now must be a finite number');
    let iatValue;
    if (iat === true) iatValue = Math.floor(now);
    else if (typeof iat === 'number' && Number.isFinite(iat)) iatValue = iat;
    else if (iat !== false) throw new TypeError('options.iat must be true, false or a number');
    let expValue;
    if (expiresIn !== undefined) {
      const seconds = lifetime(expiresIn, 'options.expiresIn');
      expValue = (iatValue ?? Math.floor(now)) + seconds;
    }
    const text = JSON.stringify(config);
    const mask = bridge.algMask([alg]);
    const r = withKey(secretBytes(secret), (kp, kn) => withString(text, (cp, cn) =>
      report(x.oojwt_wasm_config_sign(cp, cn, kp, kn, mask, fields === 'all' ? 0 : 1,
        iatValue === undefined ? 0 : 1, iatValue ?? 0, expValue === undefined ? 0 : 1, expValue ?? 0, outLen))));
    if (r.error) fail(r);
    return { ...config, token: r.token };
  }

  void kit; // the toolkit being built; the rules need only the bridge so far
  const inspectRequest = makeInspectRequest(bridge, readServerConfig);
  return Object.freeze({
    verify: verifyDs, explainSecret, readServerConfig, inspectConfig, signConfig, inspectRequest,
    ...makeDeploy(bridge, { readServerConfig }), // secure links, nginx (web/lib/deploy.mjs)
  });
}
