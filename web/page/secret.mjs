// The Secret box: its text as the key for the toolkit. UTF-8 text is what
// Document Server uses; base64, base64url and hex are explicit choices for
// integrations that decode their secret first. Strict: a character outside
// the alphabet, or a length no encoder produces, is reported, not skipped.

import { t, words } from './lang.mjs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ALPHABETS = {
  base64: `${B64}+/`,
  base64url: `${B64}-_`,
};

const show = (c) => (c === ' ' ? t('a space') : c === '\n' ? t('a line break') : c === '\t' ? t('a tab') : `“${c}”`);

function decodeBase(text, name) {
  const alphabet = ALPHABETS[name];
  let body = text;
  const pad = /=+$/.exec(text);
  if (pad) {
    if (pad[0].length > 2 || text.length % 4 !== 0) {
      return { error: t('the secret is not valid {name}: its “=” padding does not fit its length', { name }) };
    }
    body = text.slice(0, pad.index);
  }
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const v = alphabet.indexOf(body[i]);
    if (v < 0) {
      const hint = name === 'base64url' && '+/'.includes(body[i]) ? 'base64'
        : name === 'base64' && '-_'.includes(body[i]) ? 'base64url' : 'none';
      return { error: t('the secret is not valid {name}: character {n} is {c}{hint, select, base64 { (that is standard base64: choose “base64”)} base64url { (that is base64url: choose “base64url”)} other {}}',
        { name, n: i + 1, c: show(body[i]), hint }) };
    }
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  if (body.length % 4 === 1) {
    return { error: t('the secret is not valid {name}: {n} characters cannot be a whole number of bytes', { name, n: body.length }) };
  }
  return { key: out.subarray(0, n) };
}

function decodeHex(text) {
  const bad = /[^0-9a-fA-F]/.exec(text);
  if (bad) return { error: t('the secret is not valid hex: character {n} is {c}', { n: bad.index + 1, c: show(bad[0]) }) };
  if (text.length % 2 !== 0) return { error: t('the secret is not valid hex: {n} digits is an odd number', { n: text.length }) };
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return { key: out };
}

/**
 * The key for kit.verify/kit.sign from the Secret box: { key } (a string for
 * UTF-8 text, bytes otherwise), { empty: true } when there is no secret, or
 * { error } with a sentence.
 */
export function secretKey(text, format) {
  if (text === '') return { empty: true };
  if (format === 'utf8') return { key: text };
  const r = format === 'hex' ? decodeHex(text) : decodeBase(text, format);
  if (r.key && r.key.length === 0) return { empty: true };
  return r;
}

/**
 * The Secret box as a key: its text (or the bytes it decodes to), as
 * secretKey() gives it. Whether that is a secret, PEM, DER, a JWK or a JWK
 * Set, and whether it fits the token's algorithm, is decided in C
 * (src/core/key_select.c, through kit.keyInfo, kit.verify, kit.sign).
 */
export const keyFromBox = secretKey;

const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$/;
export const isAsymmetric = (alg) => typeof alg === 'string' && ASYMMETRIC.test(alg);

/**
 * The sentence under the Secret box from kit.keyInfo's report (or the
 * OojwtError it threw: C read the box as a key, and refused it): '' for a
 * plain shared secret used with HS*. `alg`: the algorithm in use (token or
 * builder).
 */
export function describeKey(info, error, { alg }) {
  if (error) {
    return t('Not recognised as a key: {error}.', { error: `${error.code ? `${error.code}: ` : ''}${words.message(error)}` });
  }
  if (info.kind === 'oct' && info.format === 'raw') {
    return isAsymmetric(alg) ? t('Read as a shared secret ({bits} bits): {alg} needs a public key (PEM or JWK) to verify, a private key to sign.',
      { bits: info.bits, alg }) : '';
  }
  const form = `${info.format === 'X.509 certificate' ? t('X.509 certificate') : info.format}${info.pem ? ' (PEM)' : ''}`;
  const parts = [info.kind === 'oct' ? t('Recognised: a shared secret ({bits} bits), {form}', { bits: info.bits, form })
    : info.curve ? t('Recognised: {kind} key, curve {curve}, {form}', { kind: info.kind, curve: info.curve, form })
      : t('Recognised: {kind} key, {bits} bits, {form}', { kind: info.kind, bits: info.bits, form })];
  if (info.kid !== undefined) parts.push(`kid “${info.kid}”`);
  if (info.thumbprint) parts.push(t('thumbprint (RFC 7638) {thumbprint}', { thumbprint: info.thumbprint }));
  if (info.algorithms?.length) parts.push(t('for {algorithms}', { algorithms: info.algorithms.join(', ') }));
  let text = `${parts.join(t('; '))}${t('.')}`;
  if (info.format === 'X.509 certificate') {
    text += t(' The key is taken from the certificate: no certificate chain is validated, and neither are its dates and names.');
  }
  return text;
}
