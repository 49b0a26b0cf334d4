// The Secret box: its text as the key for the toolkit. UTF-8 text is what
// Document Server uses; base64, base64url and hex are explicit choices for
// integrations that decode their secret first. Strict: a character outside
// the alphabet, or a length no encoder produces, is reported, not skipped.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ALPHABETS = {
  base64: `${B64}+/`,
  base64url: `${B64}-_`,
};

const show = (c) => (c === ' ' ? 'a space' : c === '\n' ? 'a line break' : c === '\t' ? 'a tab' : `“${c}”`);

function decodeBase(text, name) {
  const alphabet = ALPHABETS[name];
  let body = text;
  const pad = /=+$/.exec(text);
  if (pad) {
    if (pad[0].length > 2 || text.length % 4 !== 0) {
      return { error: `the secret is not valid ${name}: its “=” padding does not fit its length` };
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
      const hint = name === 'base64url' && '+/'.includes(body[i]) ? ' (that is standard base64: choose “base64”)'
        : name === 'base64' && '-_'.includes(body[i]) ? ' (that is base64url: choose “base64url”)' : '';
      return { error: `the secret is not valid ${name}: character ${i + 1} is ${show(body[i])}${hint}` };
    }
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  if (body.length % 4 === 1) {
    return { error: `the secret is not valid ${name}: ${body.length} characters cannot be a whole number of bytes` };
  }
  return { key: out.subarray(0, n) };
}

function decodeHex(text) {
  const bad = /[^0-9a-fA-F]/.exec(text);
  if (bad) return { error: `the secret is not valid hex: character ${bad.index + 1} is ${show(bad[0])}` };
  if (text.length % 2 !== 0) return { error: `the secret is not valid hex: ${text.length} digits is an odd number` };
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
    return `Not recognised as a key: ${error.code ? `${error.code}: ` : ''}${error.message}.`;
  }
  if (info.kind === 'oct' && info.format === 'raw') {
    return isAsymmetric(alg) ? `Read as a shared secret (${info.bits} bits): ${alg} needs a public key (PEM or JWK) to verify, a private key to sign.` : '';
  }
  const what = info.kind === 'oct' ? `Recognised: a shared secret (${info.bits} bits)` : `Recognised: ${info.kind} key`;
  const size = info.curve ? `, curve ${info.curve}` : info.kind === 'oct' ? '' : `, ${info.bits} bits`;
  const form = `${info.format}${info.pem ? ' (PEM)' : ''}`;
  const parts = [`${what}${size}, ${form}`];
  if (info.kid !== undefined) parts.push(`kid “${info.kid}”`);
  if (info.thumbprint) parts.push(`thumbprint (RFC 7638) ${info.thumbprint}`);
  if (info.algorithms?.length) parts.push(`for ${info.algorithms.join(', ')}`);
  let text = `${parts.join('; ')}.`;
  if (info.format === 'X.509 certificate') {
    text += ' The key is taken from the certificate: no certificate chain is validated, and neither are its dates and names.';
  }
  return text;
}
