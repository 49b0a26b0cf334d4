// The diagnosis's own English sentences in the page's language. Some of
// what kit.diagnose says has no code (src/diagnose/): the cause in a few
// words (the headline's end), what a text was recognised as and why
// (recognise.c), what a command does (src/deploy/commands.c) and the
// names it gives secrets.
// Each is read back by the English templates of its list, the first that
// matches the whole sentence, its {name} parts taken from it (each part
// itself read back among PHRASES: a secret's or a connector's name), and
// written with the same template from the UI catalog (web/lib/locales/
// ui/<lang>.json). In English, and for a sentence no template matches,
// nothing changes. The command line does the same (src/cli/diagnose.c).
import { t, words } from './lang.mjs';

/** The verdict's cause in a few words: the findings' short causes (src/diagnose/). */
export const CAUSES = [
  'no token to check',
  'every check passed',
  'the token cannot be read',
  'the token is not signed with a shared secret (HS256)',
  'no secret was given to check the token',
  'the token was signed with a secret you did not give',
  'the certificate has no IP address for it',
  'the token verifies with {secret}',
  "the token's signature is cut to {bytes} bytes ({alg} needs {need})",
  'it is signed with {secret}, not {expected}',
  'the token was signed with {secret} with {what} added at the {where}',
  'the token was signed with {secret} with the white space around it removed',
  'the token was signed with {secret} without its final line feed',
  'the token was signed with {secret} wrapped in quotes',
  'the token was signed with {secret} without the quotes around it',
  "the token was signed with {secret} replaced by Document Server's default, \"secret\"",
  'the token was signed with {secret} {how}-decoded',
  'the token was signed with {secret} changed',
  'the token is refused ({reason})',
];

/** A recogniser's reason that names a product's message (recognise.c). */
export const WHY = [
  'It is {product}\'s message "{text}"{lang}.',
];

/** What a command does (src/deploy/commands.c). */
export const EXPLAIN = [
  "the genrsa/req/x509 steps with {san} added: without it clients refuse the certificate for {host} whatever its CN. {then}",
  "run it in the {folder} folder on its host: it sets the secret the connector signs and checks tokens with to Document Server's (no space or line break added){tail}",
  "prints the secret Document Server checks tokens with (services.CoAuthoring.secret.inbox.string) with no line break: copy it from there into the connector's settings{tail}",
  "sets one new random secure link secret in nginx's ds.conf and in local.json (storage.fs.secretString) and restarts the services, so that download links are signed and checked with the same secret{tail}",
];

/** Names and parts the sentences above hold. */
export const PHRASES = [
  'the secret you typed',
  'the secret you typed (#{n})',
  'the value of item {n}',
  '{key} (docker exec, item {n})',
  'the secret typed here',
  'the second secret typed here',
  'ONLYOFFICE editor',
  'Document Server',
  ' (in its Chinese text)',
  ' (run it on the Document Server host)',
  '; give the container SECURE_LINK_SECRET too, or it makes a new one at every start',
  '; verify_peer_off=true makes it accept a self-signed certificate (better: have it trust the certificate)',
  'Put onlyoffice.crt and onlyoffice.key in certs/ of the folder mounted on /var/www/onlyoffice/Data, then restart the container',
  'Point ssl_certificate and ssl_certificate_key at them, then reload nginx',
  'a space',
  'a tab',
  'a carriage return',
  'a line feed',
  'CR LF',
  'a no-break space',
  'a zero-width space',
  'a byte order mark',
  'a character',
];

const compiled = new Map();

// A template as a pattern: its text literal, each {name} any text (the
// shortest that lets the whole sentence match).
function pattern(template) {
  let re = compiled.get(template);
  if (re === undefined) {
    const names = [];
    const body = template.split(/(\{[A-Za-z_]\w*\})/).map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (m === null) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return '([\\s\\S]*?)';
    }).join('');
    re = { regex: new RegExp(`^${body}$`), names };
    compiled.set(template, re);
  }
  return re;
}

/**
 * `sentence` (C's English) in the page's language, by the first of
 * `templates` that matches it; null when none does. English: the sentence.
 */
export function readBack(sentence, templates) {
  if (words.lang === 'en') return sentence;
  for (const template of templates) {
    const { regex, names } = pattern(template);
    const m = regex.exec(sentence);
    if (m === null) continue;
    const params = {};
    names.forEach((name, i) => {
      params[name] = templates === PHRASES ? m[i + 1] : phrase(m[i + 1]);
    });
    return t(template, params);
  }
  return null;
}

/**
 * A whole sentence or name of C's (a kind's label, a reason, a symptom's
 * meaning) in the page's language, by its English as the UI catalog's key;
 * as it is in English, or when the catalog lacks it (its braces are text).
 */
export function told(text) {
  if (words.lang === 'en') return text;
  try {
    return t(text);
  } catch {
    return text;
  }
}

/** A name or part in the page's language, else as it is (a code value, a file name). */
export const phrase = (text) => (text === '' ? '' : readBack(text, PHRASES) ?? text);
