// The Build panel: an ONLYOFFICE editor config as the payload, signed by the
// wasm module (kit.sign) with the page's secret; the config handed to
// DocsAPI.DocEditor is the payload plus its `token` field. Its sentences
// go through `say` (the page's t(), web/page/lang.mjs; English by default,
// so that Node can import this file).
import { render } from '../lib/i18n.mjs';

const english = (en, params) => render(en, params ?? {}, 'en');

/** The algorithms the builder offers (the Algorithm select). */
export const ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512',
  'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

/** The default payload: the editor config fields Document Server checks. */
export const TEMPLATE = {
  document: {
    fileType: 'docx',
    key: 'Khirz6zTPdfd7',
    title: 'Example Document Title.docx',
    url: 'https://example.com/url-to-example-document.docx',
    permissions: { edit: true, download: true },
  },
  documentType: 'word',
  editorConfig: {
    callbackUrl: 'https://example.com/url-to-callback.ashx',
    mode: 'edit',
    user: { id: '78e1e841', name: 'Smith' },
  },
};

export const templateText = () => JSON.stringify(TEMPLATE, null, 2);

// Members that belong to the token, not to the config passed to the editor.
const TOKEN_ONLY = ['iat', 'exp'];

/** The config for DocsAPI.DocEditor: the payload without iat/exp, plus token. */
export function configWith(payload, token) {
  const config = { ...payload };
  for (const k of TOKEN_ONLY) delete config[k];
  delete config.token;
  config.token = token;
  return config;
}

/**
 * A JSON.parse error as "line 4, column 3: expected …" (the engine's words,
 * without "in JSON at position 53", which people count badly).
 */
export function whereInJson(text, message, say = english) {
  const m = /\s*(?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  let what = (m ? message.slice(0, m.index) + message.slice(m.index + m[0].length) : message).replace(/^JSON\.parse: /, '').trim();
  what = what.replace(/[.]$/, '');
  what = what === '' ? say('not JSON') : what[0].toLowerCase() + what.slice(1);
  if (/^unexpected end/.test(what) || (m && Number(m[1]) >= text.length)) {
    return say('it ends too early ({what}): a closing bracket, brace or quote is missing', { what });
  }
  if (!m) return what;
  const before = text.slice(0, Number(m[1])).split('\n');
  return say('line {line}, column {column}: {what}', { line: before.length, column: before.at(-1).length + 1, what });
}

/** Parse the payload box: { payload } or { error } with a sentence. */
export function parsePayload(text, say = english) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: say('The payload is not valid JSON: {where}.', { where: whereInJson(text, e.message, say) }) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: say("The payload must be a JSON object ('{…}'), not a list or a single value.") };
  }
  return { payload: value };
}

/**
 * Sign the payload: { token, config } or { error }. `options`: alg, iat
 * (boolean), expiresIn (seconds or null), now (seconds), message (an
 * OojwtError's sentence: its English message by default).
 */
export function build(kit, payload, key, { alg, iat, expiresIn, now, message = (e) => e.message }) {
  const body = { ...payload };
  // The presets own iat/exp: values typed into the payload are replaced.
  if (iat) delete body.iat;
  if (expiresIn !== null) delete body.exp;
  try {
    const token = kit.sign(body, key, {
      alg,
      iat: iat ? true : undefined,
      expiresIn: expiresIn ?? undefined,
      now: Math.floor(now),
    });
    return { token, config: configWith(payload, token) };
  } catch (e) {
    return { error: e.code ? `${e.code}: ${message(e)}` : e.message };
  }
}

/**
 * The builder's fields for a pasted token: its payload without iat/exp, its
 * algorithm, whether it has iat, and its lifetime (exp - iat) when it has exp.
 */
export function fieldsFromToken(header, payload) {
  const body = { ...payload };
  const hasIat = typeof body.iat === 'number';
  let lifetime = null;
  if (typeof body.exp === 'number') {
    lifetime = hasIat ? body.exp - body.iat : null;
  }
  const keepExp = typeof body.exp === 'number' && lifetime === null;
  if (hasIat) delete body.iat;
  if (typeof body.exp === 'number' && !keepExp) delete body.exp;
  const alg = header && ALGORITHMS.includes(header.alg) ? header.alg : null;
  return { text: JSON.stringify(body, null, 2), alg, hasIat, lifetime };
}
