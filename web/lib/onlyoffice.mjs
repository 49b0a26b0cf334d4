// oojwt — the ONLYOFFICE Document Server rules (C: src/ds_*.c,
// src/ds/secret_variants.c, src/ds/server_config.c, src/ds/editor_config.c,
// src/ds/token_kind.c),
// marshalled for JS.
//
//   kit.verify(token, secret, { profile: 'onlyoffice' })
//   kit.onlyoffice.explainSecret(token, secret, { serverConfig })
//   kit.onlyoffice.compareSecrets(a, b, { token })
//   kit.onlyoffice.readServerConfig(localJsonText, { defaultJsonText })
//   kit.onlyoffice.inspectConfig(config, { secret, serverConfig, now })
//   kit.onlyoffice.signConfig(config, secret, { alg, expiresIn, fields })
//   kit.onlyoffice.tokenKind(tokenOrPayload) / tokenKinds()
//   kit.onlyoffice.inspectBrowserToken(token, { secret, serverConfig, kind, now })
//   kit.onlyoffice.inspectDownloadUrl / signDownloadUrl / readNginxConfig /
//     compareSecureLinkSecrets (web/lib/deploy.mjs)
//   kit.onlyoffice.inspectRequest(request, secret, { kind, now, serverConfig, connector, leeway })  (web/lib/onlyoffice_request.mjs)
//   kit.onlyoffice.connectors()  the connector and JWT library tables
//   kit.onlyoffice.readConnectorSettings(text, { serverConfig, defaultJsonText, certificateSelfSigned })
//
// Like web/lib/oojwt.mjs, this file only moves bytes and builds plain
// objects: every decision is made in C.

import { OojwtError } from './oojwt.mjs';
import { makeDeploy } from './deploy.mjs';
import { makeInspectRequest, makeConnectors, verifyOptionsText, connectorRow } from './onlyoffice_request.mjs';

const HS = ['HS256', 'HS384', 'HS512'];
// The report kinds of oojwt_ds_report_bound (OOJWT_DS_REPORT_*, src/ds/ds.h).
const DS_REPORT = Object.freeze({ verify: 1, serverConfig: 2, configInspect: 3, configSign: 4 });

/** Build `kit.onlyoffice` from the bridge of web/lib/oojwt.mjs. */
export function makeOnlyoffice(bridge, kit) {
  const { exports: x, withKey, withString, report, checkToken, parts, lifetime } = bridge;
  const outLen = bridge.outLen;
  // Refuse an input whose report could not be read back (web/lib/oojwt.mjs fits).
  const fits = (kind, len) => bridge.fits(x.oojwt_wasm_ds_report_bound, kind, len);

  // A Document Server secret is a string (its UTF-8 bytes); raw bytes
  // are accepted for secrets read from a file.
  function secretBytes(secret, what = 'secret') {
    if (typeof secret === 'string') return secret;
    if (secret instanceof Uint8Array) return secret;
    throw new TypeError(`${what} must be a string (its UTF-8 bytes) or a Uint8Array`);
  }

  function fail(r) {
    throw new OojwtError(r.error.code, r.error.message, { params: r.error.params });
  }

  /**
   * verify(token, secret, { profile: 'onlyoffice' }) lands here. With
   * verifyOptions (or serverConfig, whose verifyOptions is taken) the
   * options object Document Server passes to jwt.verify() is applied
   * whole; otherwise { algorithms, clockTolerance } (default 60).
   */
  function verifyDs(token, key, options = {}) {
    checkToken(token);
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    let voText = '';
    let hasVo = 0;
    if (options.verifyOptions !== undefined || options.serverConfig !== undefined) {
      if (options.algorithms !== undefined || options.clockTolerance !== undefined) {
        throw new TypeError('options.algorithms and options.clockTolerance belong inside verifyOptions: Document Server passes its verifyOptions whole');
      }
      if (options.verifyOptions !== undefined && options.serverConfig !== undefined) {
        throw new TypeError('give options.verifyOptions or options.serverConfig, not both');
      }
      let { serverConfig } = options;
      if (typeof serverConfig === 'string') serverConfig = readServerConfig(serverConfig);
      if (serverConfig !== undefined && (serverConfig === null || typeof serverConfig !== 'object')) {
        throw new TypeError('options.serverConfig must be a readServerConfig result or local.json text');
      }
      voText = options.verifyOptions !== undefined ? verifyOptionsText(options.verifyOptions, 'options.verifyOptions')
        : verifyOptionsText(serverConfig.verifyOptions, 'serverConfig.verifyOptions');
      hasVo = 1;
    }
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
    fits(DS_REPORT.verify, token.length);
    // With verifyOptions, C takes the algorithms for the strict comparison from them.
    const r = withKey(k, (kp, kn) => withString(token, (tp, tn) => fits(DS_REPORT.verify, tn) ?? withString(voText, (vp, vn) =>
      report(x.oojwt_wasm_ds_verify(tp, tn, kp, kn, hasVo ? 0 : mask, now, clockTolerance, strictTolerance,
        vp, vn, hasVo, outLen)))));
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
    if (r.decoded !== undefined) out.decoded = r.decoded;
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
   * Two secrets side by side: lengths, every invisible or look-alike
   * character with its place, equal or not, the first difference, and
   * (options.token) which one verifies the token. The result holds no
   * byte of either secret.
   */
  function compareSecrets(a, b, options = {}) {
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const { token } = options;
    if (token !== undefined && typeof token !== 'string') throw new TypeError('options.token must be a string');
    const has = token === undefined ? 0 : 1;
    const r = withKey(secretBytes(a, 'a'), (ap, an) => withKey(secretBytes(b, 'b'), (bp, bn) =>
      withString(token ?? '', (tp, tn) => report(x.oojwt_wasm_secret_compare(ap, an, bp, bn, tp, tn, has, outLen)))));
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
    fits(DS_REPORT.serverConfig, localJsonText.length + (has ? defaultJsonText.length : 0));
    const r = bridge.withSecretString(localJsonText, (lp, ln) => bridge.withSecretString(has ? defaultJsonText : '',
      (dp, dn) => fits(DS_REPORT.serverConfig, ln + dn) ?? bridge.secretReport(x.oojwt_wasm_server_config(lp, ln, dp, dn, has, outLen))));
    if (r.error) fail(r);
    return r;
  }

  // The options a judgement on the server's behalf takes: the server
  // config (read from local.json text when given as text), the version,
  // the clock and the inbox secret. `needSecret` says whether a token is
  // there to verify.
  function serverOptions(options, needSecret) {
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
    // secret.inbox with neither a string nor a file: DS has no secret at
    // all (src/ds/oojwt_ds.h, oojwt_inspect_opts.no_secret).
    const noSecret = (options.secret ?? null) === null && serverConfig?.secrets?.inbox?.source === 'none';
    const secret = options.secret ?? (noSecret ? '' : serverConfig?.secrets?.inbox?.value);
    if ((secret === undefined || secret === null) && needSecret) {
      // Without the inbox secret a token cannot be judged (DS would use its own).
      throw new TypeError('options.secret (or options.serverConfig with a string inbox secret) is needed to verify the token');
    }
    secretBytes(secret ?? '', 'options.secret');
    return {
      secret: secret ?? '',
      noSecret,
      now,
      version,
      // Unknown server: JWT on (the default of every installer since 7.2).
      enableBrowser: serverConfig?.enabled?.browser ?? true,
      required: serverConfig?.tokenRequiredParams ?? true,
      // DS's jsonwebtoken gets verifyOptions whole; without a server
      // config, the shipped { clockTolerance: 60 }.
      voText: serverConfig !== undefined ? verifyOptionsText(serverConfig.verifyOptions, 'serverConfig.verifyOptions') : '',
      hasVo: serverConfig !== undefined,
    };
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
    const o = serverOptions(options, typeof config === 'string' || config.token !== undefined);
    fits(DS_REPORT.configInspect, text.length);
    const r = withKey(o.secret, (kp, kn) => withString(text, (cp, cn) => fits(DS_REPORT.configInspect, cn)
      ?? withString(o.voText, (vp, vn) => report(x.oojwt_wasm_config_inspect(cp, cn, kp, kn, o.now, 60,
        o.enableBrowser ? 1 : 0, o.required ? 1 : 0, o.version, vp, vn, o.hasVo ? 1 : 0, o.noSecret ? 1 : 0,
        connectorRow(connectors, options.connector, true), outLen)))));
    if (r.error) fail(r);
    return r;
  }

  /**
   * Which kind of token the editor page sends a token (or a payload) is:
   * { kind, label, confidence, candidates, why }, from its members alone.
   */
  function tokenKind(tokenOrPayload) {
    let text;
    if (typeof tokenOrPayload === 'string') text = tokenOrPayload;
    else if (tokenOrPayload !== null && typeof tokenOrPayload === 'object' && !Array.isArray(tokenOrPayload)) {
      text = JSON.stringify(tokenOrPayload);
    } else throw new TypeError('tokenKind takes a token (string) or a payload (object)');
    const r = withString(text, (p, n) => report(x.oojwt_wasm_token_kind(p, n, outLen)));
    if (r.error) fail(r);
    return r;
  }

  let kinds = null;
  /** Every kind: { kind, label, channel, reads, ignores }, in C's order. */
  function tokenKinds() {
    kinds ??= Object.freeze(report(x.oojwt_wasm_token_kinds(outLen)).map((k) => Object.freeze(k)));
    return kinds;
  }

  /**
   * A token of the editor page judged as Document Server judges its kind
   * (options.kind, else the guess): { kind, verdict, reads, ignores,
   * findings, token }.
   */
  function inspectBrowserToken(token, options = {}) {
    checkToken(token);
    const o = serverOptions(options, true);
    const { kind } = options;
    let index = -1;
    if (kind !== undefined) {
      index = tokenKinds().findIndex((k) => k.kind === (kind === 'setReferenceSource' ? 'setReferenceData' : kind));
      if (index < 0) throw new TypeError(`options.kind must be one of ${tokenKinds().map((k) => k.kind).join(', ')}`);
    }
    const r = withKey(o.secret, (kp, kn) => withString(token, (tp, tn) => withString(o.voText, (vp, vn) =>
      report(x.oojwt_wasm_browser_token(tp, tn, kp, kn, index, o.now, 60, o.enableBrowser ? 1 : 0,
        o.required ? 1 : 0, o.version, vp, vn, o.hasVo ? 1 : 0, outLen)))));
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
    fits(DS_REPORT.configSign, text.length);
    const r = withKey(secretBytes(secret), (kp, kn) => withString(text, (cp, cn) => fits(DS_REPORT.configSign, cn)
      ?? report(x.oojwt_wasm_config_sign(cp, cn, kp, kn, mask, fields === 'all' ? 0 : 1,
        iatValue === undefined ? 0 : 1, iatValue ?? 0, expValue === undefined ? 0 : 1, expValue ?? 0, outLen))));
    if (r.error) fail(r);
    return { ...config, token: r.token };
  }

  /**
   * What the connector side has (Nextcloud/ownCloud config.php or occ
   * output, the Moodle or Mattermost plugin's settings), and, with
   * options.serverConfig (local.json text or Docker lines, as
   * readServerConfig takes), how it compares with Document Server's.
   */
  function readConnectorSettings(text, options = {}) {
    if (typeof text !== 'string') throw new TypeError('text must be a string');
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const { serverConfig, defaultJsonText, certificateSelfSigned } = options;
    if (serverConfig !== undefined && typeof serverConfig !== 'string') {
      // The comparison needs the settings as Document Server reads them, in C.
      throw new TypeError('options.serverConfig must be the local.json text (or Docker lines) readServerConfig takes');
    }
    if (defaultJsonText !== undefined && typeof defaultJsonText !== 'string') {
      throw new TypeError('options.defaultJsonText must be a string');
    }
    if (certificateSelfSigned !== undefined && typeof certificateSelfSigned !== 'boolean') {
      throw new TypeError('options.certificateSelfSigned must be a boolean');
    }
    const hasServer = serverConfig !== undefined ? 1 : 0;
    const hasDefaults = defaultJsonText !== undefined ? 1 : 0;
    const selfSigned = certificateSelfSigned === undefined ? -1 : certificateSelfSigned ? 1 : 0;
    const r = bridge.withSecretString(text, (tp, tn) => bridge.withSecretString(serverConfig ?? '', (sp, sn) =>
      bridge.withSecretString(defaultJsonText ?? '', (dp, dn) => bridge.secretReport(
        x.oojwt_wasm_connector_settings(tp, tn, sp, sn, hasServer, dp, dn, hasDefaults, selfSigned, outLen)))));
    if (r.error) fail(r);
    return r;
  }

  void kit; // the toolkit being built; the rules need only the bridge so far
  const connectors = makeConnectors(bridge);
  const inspectRequest = makeInspectRequest(bridge, readServerConfig, connectors);
  return Object.freeze({
    verify: verifyDs, explainSecret, compareSecrets, readServerConfig, inspectConfig, signConfig, inspectRequest, connectors,
    tokenKind, tokenKinds, inspectBrowserToken, readConnectorSettings,
    ...makeDeploy(bridge, { readServerConfig }), // secure links, nginx (web/lib/deploy.mjs)
  });
}
