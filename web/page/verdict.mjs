// The verdict region: what the C core found, as a verdict, codes and
// sentences a non-expert understands. The findings come from the wasm
// module; this file only words and lays them out.

import { visibleNodes } from '../lib/visible.mjs';
import { readableSeconds } from '../lib/time.mjs';
import { t, words } from './lang.mjs';

// What each code means for someone running ONLYOFFICE Docs. The C message
// (the precise finding) is shown first; this says what to do about it.
const EXPLAIN = {
  malformed: 'A token is three base64url parts joined by two dots. Document Server answers “jwt malformed” '
    + '(editor error -20, “The document security token is not correctly formed”). If this is your secret, it belongs in the Secret box.',
  bad_base64: 'A part contains a character base64url does not use: padding “=”, “+”, “/”, a space or a line break. '
    + 'Document Server rejects the token (“invalid token”); the token was probably mangled when it was copied or encoded.',
  bad_json: 'A part decodes, but not to valid JSON: the token was not made by a JWT library, or its text is damaged.',
  duplicate_member: 'A JSON object names the same member twice; readers disagree on which value counts.',
  alg_not_allowed: 'Document Server accepts only HS256, HS384 and HS512, spelled exactly so. '
    + 'For an RS, PS or ES token from another issuer, paste its public key (PEM or JWK) instead of a shared secret.',
  alg_none: 'The token declares itself unsigned. Document Server never accepts that.',
  bad_signature: 'Check that the secret is exactly Document Server’s, with no extra space, quote or line break, and '
    + 'that it is the right one: secret.inbox signs editor configs and requests to Document Server, secret.outbox its callbacks.',
  bad_signature_length: 'The signature has the wrong length for its algorithm: the token was probably cut off when it was copied.',
  expired: 'Past its exp time (plus the tolerance). Document Server shows “The document security token has expired” '
    + '(editor error -21). Sign a fresh token, give it a longer expiry, or check the clocks.',
  not_yet_valid: 'Its nbf (not before) time has not come: the clock of the server that signed it may be ahead.',
  bad_claim: 'exp, nbf and iat must be numbers of seconds since 1970, not strings or dates.',
  // (The braces quoted: these are templates, web/lib/i18n.mjs.)
  not_an_object: 'Header and payload must each be a JSON object (\'{…}\').',
  falsy_payload: 'The payload is 0, false or an empty text. jsonwebtoken accepts it, but Document Server tests the payload '
    + 'for truth and refuses the token. Sign the JSON object (the editor config or the request), not a bare value.',
  too_large: 'The text is too large to be a token.',
  too_deep: 'The JSON nests deeper than any real config does.',
  bad_header: 'The header must say which algorithm signed the token (“alg”).',
  unsupported_alg: 'This algorithm is not one Document Server can use with a shared secret.',
  crit_unsupported: 'The header asks the verifier to understand extensions (“crit”); oojwt refuses such tokens.',
  empty_key: 'The secret is empty.',
  bad_key: 'The secret cannot be read in the format you chose. Document Server uses the secret as plain UTF-8 text.',
  key_mismatch: 'The key does not fit this algorithm or operation. HS tokens are checked with a shared secret, and a public key '
    + '(PEM or JWK) is never accepted as one: anyone can read a public key, so a verifier that used it as an HMAC secret would '
    + 'accept tokens forged with it (“algorithm confusion”). RS, PS and ES tokens need the signer’s public key, and signing needs its private key.',
  short_key: 'Short secrets are weak, and newer connectors refuse secrets under 32 characters.',
  typ_not_jwt: 'Unusual, but Document Server ignores typ.',
  hidden_characters: 'They are shown here as ⟦U+…⟧ markers; elsewhere (a log, an admin page, a terminal) the value '
    + 'can read as another. Document Server uses the bytes as they are.',
  iat_in_future: 'The clock of the server that signed the token may be ahead of this one.',
};

export function explain(issue) {
  if (issue.code === 'bad_signature' && / signature is \d+ bytes, not \d+/.test(issue.message)) {
    return t(EXPLAIN.bad_signature_length);
  }
  return EXPLAIN[issue.code] === undefined ? '' : t(EXPLAIN[issue.code]);
}

// An issue's message in the page's language: the code's catalog entry from
// its params (web/lib/words.mjs); a sentence of the page's own (the Secret
// box's bad_key, already in its language) as it is.
const said = (issue) => (issue.params === undefined ? issue.message : words.message(issue));

/**
 * The verdict from a verify report:
 *   empty       no token
 *   unverified  no secret; the errors are those no secret can fix (its
 *               codes say so: "" when nothing else is wrong)
 *   invalid     a secret was given and something is wrong
 *   valid       verified
 * `keyError`: a sentence when the Secret box cannot be read in its format.
 */
export function judge(token, r, { hasSecret, keyError }) {
  if (token === '') return { verdict: 'empty', errors: [], warnings: [] };
  let errors = r.errors;
  // Without a usable key, "empty" (HS) or "not a key" (RS/PS/ES) says nothing new.
  if (!hasSecret || keyError) errors = errors.filter((e) => e.code !== 'empty_key' && e.code !== 'key_mismatch');
  if (keyError) errors = [{ code: 'bad_key', message: keyError }, ...errors];
  const warnings = hasSecret && !keyError ? r.warnings : r.warnings.filter((w) => w.code !== 'short_key');
  let verdict;
  if (!hasSecret) verdict = 'unverified';
  else verdict = errors.length === 0 && r.valid ? 'valid' : 'invalid';
  return { verdict, errors, warnings };
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function issueItem(issue, kind) {
  const li = el('li', `issue ${kind}`);
  const head = el('p', 'issue-head');
  // A message quotes header values (typ, alg) as the token has them: their
  // bidi controls are shown as markers so they cannot reorder the sentence.
  const message = el('span', 'message');
  message.append(...visibleNodes(sentence(said(issue))));
  head.append(el('code', 'code', issue.code), ' ', message);
  li.append(head);
  const why = explain(issue);
  if (why) li.append(el('p', 'explain', why));
  return li;
}

// English: a capital, a full stop and durations people read; another
// language's catalog writes its sentences whole.
const sentence = (text) => {
  if (words.lang !== 'en') return text ?? '';
  const s = readableSeconds(text ?? '', words);
  return s ? `${s[0].toUpperCase()}${s.slice(1)}${/[.!?)]$/.test(s) ? '' : '.'}` : s;
};

// The secret forensics' finding (kit.onlyoffice.explainSecret) under the
// headline, in the page's language (its code, secret_explained).
const forensicsLine = (f) => sentence(words.message(f));

const drawn = new WeakMap();

/**
 * Render the verdict into the status region. Only touches the DOM when
 * something changed, so that screen readers hear each change once.
 */
export function renderVerdict(region, v, context, { quiet = false } = {}) {
  const codes = v.errors.map((e) => e.code).join(' ');
  const f = v.forensics ?? null;
  const coarse = JSON.stringify([v.verdict, codes, v.warnings.map((w) => w.code), context.hasSecret, f?.variant ?? null, f?.message]);
  const key = JSON.stringify([coarse, v.errors.map((e) => e.message), context.title, context.hasSecret, context.looks]);
  // quiet (the clock ticking): redraw only when the verdict or codes change,
  // not for every second counted in a message.
  const shown = drawn.get(region);
  if (shown && (shown.key === key || (quiet && shown.coarse === coarse))) return;
  drawn.set(region, { key, coarse });
  region.dataset.verdict = v.verdict;
  region.dataset.codes = codes;
  region.dataset.variant = f?.variant ?? '';
  const parts = [];
  const n = v.errors.length;
  const title = el('p', 'verdict-title');
  const mark = { valid: '✓', invalid: '✗', unverified: n === 0 ? '•' : '✗', empty: '' }[v.verdict];
  if (mark) title.append(el('span', 'mark', mark), ' ');
  // The consequence first: the first problem (the forensics' finding when
  // they found the secret that works), then how many more are listed.
  const more = Math.max(n - 1, 0);
  const first = n > 0 ? sentence(said(v.errors[0])).replace(/[.。]$/, '') : '';
  const found = f?.variant ? f.headline : null;
  const headline = context.looks && n > 0 ? context.looks : {
    empty: () => t('Paste a token above, or build one below.'),
    unverified: () => (n === 0
      ? t('Decoded, not verified: enter the secret to check the signature.')
      : t('It fails whatever the secret: {first}{more, plural, =0 {} other { (# more below)}}.', { first, more })),
    valid: () => t('Valid: {title}', { title: context.title }),
    invalid: () => (found ? t('Invalid: {found}', { found })
      : t('Invalid: {first}{more, plural, =0 {} other { (# more below)}}.', { first, more })),
  }[v.verdict]();
  title.append(el('strong', null, headline));
  parts.push(title);
  if (f && !f.verifies && v.verdict === 'invalid') {
    const p = el('p', 'forensics-line');
    p.append(...visibleNodes(forensicsLine(f)));
    parts.push(p);
  }
  if (n > 0) {
    const ul = el('ul', 'issues');
    for (const e of v.errors) ul.append(issueItem(e, 'error'));
    parts.push(ul);
  }
  if (v.warnings.length > 0) {
    parts.push(el('p', 'warn-title', t('Worth knowing:')));
    const ul = el('ul', 'issues');
    for (const w of v.warnings) ul.append(issueItem(w, 'warning'));
    parts.push(ul);
  }
  region.replaceChildren(...parts);
}
