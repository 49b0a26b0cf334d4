// Characters that change how decoded text reads without showing themselves,
// made visible: the bidirectional controls (U+202A-202E, U+2066-2069,
// U+200E/200F, U+061C), which reorder what follows them ("user\u202e nimda"
// shows as "user,"admin"), every other format character (zero-width space,
// joiners, U+2060, U+FEFF, the soft hyphen U+00AD: Unicode category Cf),
// C0/C1 controls, line and paragraph separators, and spaces and fillers that
// look like a space or nothing (U+00A0, U+2000-200A, U+202F, U+205F, U+3000,
// U+115F, U+1160, U+3164, U+FFA0) or alter the glyph before them (variation
// selectors). Each becomes a marker such as ⟦U+202E⟧ in an element of class
// "hidden-char" with a title that says what it is; the text around it is
// left as it is. Used by the page (web/page/decoded.mjs, verdict.mjs, and
// render.mjs for the Document Server and Deployment panels) and
// <oojwt-inspector>.

const HIDDEN_ALL = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u00a0\u115f\u1160\u2000-\u200a\u202f\u205f\u3000\u3164\uffa0\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;
// Newlines and tabs in pretty-printed JSON or a message are layout, not content.
const LAYOUT = new Set(['\n', '\t', '\r']);

/** "U+202E" for a character. */
const codePoint = (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** `s` as plain text with each hidden character written ⟦U+202E⟧ (for a title attribute). */
export function visibleText(s) {
  return s.replace(HIDDEN_ALL, (c) => (LAYOUT.has(c) ? c : `⟦${codePoint(c)}⟧`));
}

/**
 * `s` as DOM nodes for `doc`: text, with each hidden character replaced by a
 * <span class="hidden-char" title="U+202E: …">⟦U+202E⟧</span>.
 */
export function visibleNodes(s, doc = document) {
  const nodes = [];
  let last = 0;
  for (const m of s.matchAll(HIDDEN_ALL)) {
    if (LAYOUT.has(m[0])) continue;
    if (m.index > last) nodes.push(s.slice(last, m.index));
    const span = doc.createElement('span');
    span.className = 'hidden-char';
    const cp = codePoint(m[0]);
    span.title = `${cp}: a direction control or an invisible character in the token`;
    span.textContent = `⟦${cp}⟧`;
    nodes.push(span);
    last = m.index + m[0].length;
  }
  if (last < s.length) nodes.push(s.slice(last));
  return nodes;
}
