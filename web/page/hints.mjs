// Words the JWT inspector needs only now and then, loaded the first time:
// what a text that is not a token looks like (and where it belongs), and
// the secret forensics' finding as a headline.
import { t, words } from './lang.mjs';

/**
 * What a text that holds no token looks like, and where it belongs: a
 * sentence, or '' when it looks like nothing known (then it is judged as a
 * token). A few telling marks only: the boxes named check it in C.
 */
export function looksLike(text) {
  const trimmed = text.trim();
  const rules = [
    [/^-----BEGIN CERTIFICATE/, 'a certificate', 'Deployment → Certificate'],
    [/^-----BEGIN [A-Z ]*PRIVATE KEY/, 'a private key', 'the Secret box below (the builder signs with it)'],
    [/^-----BEGIN [A-Z ]*PUBLIC KEY/, 'a public key', 'the Secret box below'],
    [/"CoAuthoring"|"services"\s*:/, 'Document Server\'s local.json', 'Document Server → Server config'],
    [/^\s*(-\s*)?JWT_(SECRET|ENABLED|HEADER)\s*[=:]|-e\s+JWT_SECRET=/m, 'Docker env or compose lines', 'Document Server → Server config'],
    [/\/cache\/files\/.*[?&]md5=/, 'a download link', 'Deployment → Download link'],
    [/\bsecure_link_secret\b|^\s*(server\s*\{|listen\s+\S+.*;)/m, 'an nginx configuration', 'Deployment → nginx config'],
    [/DocsAPI\.DocEditor|"documentType"|"editorConfig"/, 'an editor config without a token', 'Document Server → Editor config'],
    [/"status"\s*:\s*\d/, 'a callback body without a token', 'Document Server → Request or callback'],
    [/^[^\s.]{1,128}$/, 'a secret (no dots: not a token)', 'the Secret box below'],
  ];
  const hit = rules.find(([re]) => re.test(trimmed));
  return hit ? t('This looks like {what}; paste it in {where}.', { what: t(hit[1]), where: t(hit[2]) }) : '';
}

// What the secret forensics (kit.onlyoffice.explainSecret) found, for the
// headline: the variant of the typed secret that verifies, in plain words.
const WHITESPACE = { space: 'a space', tab: 'a tab', cr: 'a carriage return', newline: 'a line break', crlf: 'a Windows line end',
  nbsp: 'a no-break space', zwsp: 'a zero-width space', bom: 'a byte order mark' };
export function clue(f) {
  const m = /^(with|without)-(leading|trailing)-(\w+)$/.exec(f.variant);
  if (m) {
    const what = WHITESPACE[m[3]] === undefined ? m[3] : t(WHITESPACE[m[3]]);
    const params = { what, end: m[2] };
    return m[1] === 'without'
      ? t('the secret you typed {end, select, leading {starts} other {ends}} with {what}; without it, it verifies.', params)
      : t('the signer\'s secret {end, select, leading {starts} other {ends}} with {what} that the one you typed lacks; with it, it verifies.', params);
  }
  const said = {
    trimmed: 'the secret you typed has spaces or line breaks around it; without them it verifies.',
    'without-quotes': 'the secret you typed has quotes around it; without them it verifies.',
    'with-quotes': 'the signer\'s secret has quotes around it; with them it verifies.',
    'default-secret': 'the token is signed with the default secret “secret”, not the one you typed.',
  }[f.variant];
  if (said !== undefined) return t(said);
  // Another language: the whole sentence (its code, secret_explained).
  return words.lang === 'en' ? `${f.message.replace(/^the secret as given does not verify the \w+ signature, but /, 'it verifies with ')}.` : words.message(f);
}
