// oojwt — the deployment checks of kit.onlyoffice: secure download links
// (nginx secure_link), nginx's configuration, and ready-to-run commands. C:
// src/deploy/secure_link.c, src/deploy/nginx_request.c, src/deploy/nginx_config.c,
// src/deploy/deploy_json.c, src/deploy/commands.c.
//
//   kit.onlyoffice.inspectDownloadUrl(url, { secret, now })
//   kit.onlyoffice.signDownloadUrl(url | { base, path, filename }, { secret, expires | expiresIn, now })
//   kit.onlyoffice.readNginxConfig(text, { serverConfig })
//   kit.onlyoffice.compareSecureLinkSecrets(serverConfig, nginxConfig)
//   kit.onlyoffice.commands(context, { secret })
//
// Like web/lib/oojwt.mjs, this file only moves bytes and builds plain objects:
// every decision is made in C.

import { OojwtError } from './oojwt.mjs';
import { local } from './time.mjs';

/** The functions of kit.onlyoffice for deployments, from the bridge of web/lib/oojwt.mjs. */
export function makeDeploy(bridge, { readServerConfig }) {
  const { exports: x, withKey, withString, report, outLen, lifetime: seconds } = bridge;
  // Refuse an input whose report could not be read back (web/lib/oojwt.mjs
  // fits); the kinds of oojwt_deploy_report_bound (src/deploy/deploy.h).
  const fits = (kind, len) => bridge.fits(x.oojwt_wasm_deploy_report_bound, kind, len);
  const REPORT_LINK_INSPECT = 1;
  const REPORT_LINK_SIGN = 2;

  function fail(r) {
    throw new OojwtError(r.error.code, r.error.message, { params: r.error.params });
  }
  function checkOptions(options) {
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  }
  function secretValue(secret, what) {
    if (typeof secret === 'string' || secret instanceof Uint8Array) return secret;
    throw new TypeError(`${what} must be a string (its UTF-8 bytes) or a Uint8Array`);
  }
  function clock(now) {
    if (now === undefined) return Date.now() / 1000;
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      throw new TypeError('options.now must be a finite number of seconds since the epoch');
    }
    return now;
  }
  const serverConfigOf = (c) => (typeof c === 'string' ? readServerConfig(c) : c);
  const nginxConfigOf = (c) => (typeof c === 'string' ? readNginxConfig(c) : c);

  /**
   * What the nginx of Document Server answers for a download link
   * (200, 400, 403, 410), and why. The secret is options.secret, else the
   * storage secret of options.serverConfig, else options.nginxConfig's.
   */
  function inspectDownloadUrl(url, options = {}) {
    if (typeof url !== 'string') throw new TypeError('url must be a string');
    checkOptions(options);
    const now = clock(options.now);
    const secret = options.secret
      ?? serverConfigOf(options.serverConfig)?.storageSecret?.value
      ?? nginxConfigOf(options.nginxConfig)?.secureLinkSecret
      ?? undefined;
    const has = secret !== undefined && secret !== null ? 1 : 0;
    fits(REPORT_LINK_INSPECT, url.length);
    const r = withKey(has ? secretValue(secret, 'options.secret') : '', (kp, kn) => withString(url, (up, un) =>
      fits(REPORT_LINK_INSPECT, un) ?? report(x.oojwt_wasm_link_inspect(up, un, kp, kn, has, now, outLen))));
    if (r.error) fail(r);
    if (r.expires !== null) r.expires.local = local(r.expires.epoch);
    return r;
  }

  /**
   * A signed download link. `target` is a link to (re)sign (its md5 and
   * expires are replaced), or { base, path, filename } to build one as
   * Document Server does: base + /cache/files/<path>/<filename>.
   * options: secret (required), expires (seconds since 1970) or
   * expiresIn (default 900, storage.fs.urlExpires), now.
   */
  function signDownloadUrl(target, options = {}) {
    checkOptions(options);
    const { secret } = options;
    if (secret === undefined) throw new TypeError('options.secret is required');
    secretValue(secret, 'options.secret');
    let expires;
    if (options.expires !== undefined) {
      expires = options.expires;
      if (typeof expires !== 'number' || !Number.isInteger(expires)) {
        throw new TypeError('options.expires must be a whole number of seconds since 1970');
      }
    } else {
      expires = Math.ceil(clock(options.now)) + seconds(options.expiresIn ?? 900, 'options.expiresIn');
    }
    let url;
    let path;
    let filename;
    if (typeof target === 'string') {
      url = target;
    } else if (target !== null && typeof target === 'object' && typeof target.base === 'string'
      && typeof target.path === 'string' && (target.filename === undefined || typeof target.filename === 'string')) {
      ({ base: url, path, filename } = target);
    } else {
      throw new TypeError('target must be a download URL or { base, path, filename? } of strings');
    }
    fits(REPORT_LINK_SIGN, url.length + (path ?? '').length + (filename ?? '').length);
    const r = withKey(secret, (kp, kn) => withString(url, (up, un) => withString(path ?? '', (pp, pn) =>
      withString(filename ?? '', (fp, fn) => fits(REPORT_LINK_SIGN, un + pn + fn) ?? report(x.oojwt_wasm_link_sign(up, un, pp, pn, path === undefined ? 0 : 1,
        fp, fn, filename === undefined ? 0 : 1, kp, kn, expires, outLen))))));
    if (r.error) fail(r);
    return r.url;
  }

  /**
   * nginx's configuration: { secureLinkSecret, listen, ssl, includes,
   * storageSecretMatches, findings }. options.serverConfig (a
   * readServerConfig result or local.json text) compares the secrets.
   */
  function readNginxConfig(text, options = {}) {
    if (typeof text !== 'string') throw new TypeError('text must be a string');
    checkOptions(options);
    const storage = options.serverConfig === undefined ? undefined
      : serverConfigOf(options.serverConfig)?.storageSecret?.value;
    if (options.serverConfig !== undefined && storage === undefined) {
      throw new TypeError('options.serverConfig must be a readServerConfig result or local.json text');
    }
    const has = typeof storage === 'string' ? 1 : 0;
    const r = withKey(has ? storage : '', (kp, kn) => bridge.withSecretString(text, (tp, tn) =>
      bridge.secretReport(x.oojwt_wasm_nginx_config(tp, tn, kp, kn, has, outLen))));
    if (r.error) fail(r);
    return r;
  }

  /**
   * Do Document Server (storage.fs.secretString) and nginx
   * ($secure_link_secret) use the same secure link secret?
   * → { match, findings }. Each argument is a result or its text.
   */
  function compareSecureLinkSecrets(serverConfig, nginxConfig) {
    const storage = serverConfigOf(serverConfig)?.storageSecret?.value;
    const ngx = nginxConfigOf(nginxConfig)?.secureLinkSecret;
    if (typeof storage !== 'string') {
      throw new OojwtError('bad_argument', 'the server configuration has no storage.fs.secretString');
    }
    if (typeof ngx !== 'string') {
      throw new OojwtError('nginx_no_secret', 'the nginx configuration sets no $secure_link_secret');
    }
    const r = withKey(storage, (sp, sn) => withKey(ngx, (np, nn) =>
      report(x.oojwt_wasm_link_compare(sp, sn, np, nn, outLen))));
    if (r.error) fail(r);
    return r;
  }

  /**
   * Ready-to-run commands from the user's values: { commands: [{ id, runOn,
   * text, explanation, params }] }. context: container, url, host,
   * connector, header, version, signWith ('openssl' | 'oojwt'), selfSigned,
   * includeSecret (with options.secret); a value that would not be safe in
   * a shell is refused (OojwtError bad_argument, .field names it).
   */
  function commands(context = {}, options = {}) {
    if (context === null || typeof context !== 'object' || Array.isArray(context)) {
      throw new TypeError('context must be an object');
    }
    checkOptions(options);
    const { secret } = options;
    const has = secret === undefined ? 0 : 1;
    const r = withKey(has ? secretValue(secret, 'options.secret') : '', (kp, kn) =>
      withString(JSON.stringify(context), (cp, cn) => bridge.secretReport(x.oojwt_wasm_commands(cp, cn, kp, kn, has, outLen))));
    if (r.error) {
      const e = new OojwtError(r.error.code, r.error.message, { params: r.error.params });
      e.field = r.error.field;
      throw e;
    }
    return r;
  }

  return { inspectDownloadUrl, signDownloadUrl, readNginxConfig, compareSecureLinkSecrets, commands };
}
