// Comments and indentation out of our ES modules, for the served page
// (tools/build-site.mjs): the page's JS is about a quarter comments.
//
// A small lexer, not a minifier: strings, template literals (with ${}
// nesting) and regular expression literals are copied byte for byte;
// comments are dropped; in code, the spaces starting a line and blank
// lines go. Line breaks stay, so automatic semicolon insertion reads the
// code as before. A regular expression is told from a division by the
// token before it, which is enough for our code; build-site.mjs checks
// every output with `node --check` and the page tests run on the result.

const REGEX_AFTER = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_KEYWORDS = /(?:^|[^\w$.])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|instanceof|yield|await)$/;

export function stripJs(src) {
  let out = '';
  let i = 0;
  // Template literal nesting: for each open `${`, the brace depth at which it closes.
  const templates = [];
  let depth = 0;
  let lineStart = true;

  const regexAllowed = () => {
    const t = out.trimEnd();
    if (t === '') return true;
    const c = t[t.length - 1];
    if (REGEX_AFTER.has(c)) return true;
    return REGEX_KEYWORDS.test(t);
  };
  const emit = (s) => {
    out += s;
    lineStart = false;
  };
  const newline = () => {
    if (!lineStart) out += '\n';
    lineStart = true;
  };
  // Copy a quoted string starting at i (its quote), escapes included.
  const quoted = () => {
    const q = src[i];
    let j = i + 1;
    while (j < src.length && src[j] !== q) {
      if (src[j] === '\\') j++;
      else if (src[j] === '\n') throw new Error(`unterminated string at offset ${i}`);
      j++;
    }
    emit(src.slice(i, j + 1));
    i = j + 1;
  };
  // Copy template text from i (after ` or }) to the closing ` or the next ${.
  const templateText = () => {
    let j = i;
    for (;;) {
      if (j >= src.length) throw new Error(`unterminated template literal at offset ${i}`);
      if (src[j] === '\\') j += 2;
      else if (src[j] === '`') {
        emit(src.slice(i, j + 1));
        i = j + 1;
        return;
      } else if (src[j] === '$' && src[j + 1] === '{') {
        emit(src.slice(i, j + 2));
        i = j + 2;
        templates.push(depth);
        depth++;
        return;
      } else j++;
    }
  };
  const regex = () => {
    let j = i + 1;
    let cls = false;
    while (j < src.length && (cls || src[j] !== '/')) {
      if (src[j] === '\\') j++;
      else if (src[j] === '[') cls = true;
      else if (src[j] === ']') cls = false;
      else if (src[j] === '\n') throw new Error(`unterminated regular expression at offset ${i}`);
      j++;
    }
    j++;
    while (j < src.length && /[a-z]/.test(src[j])) j++;
    emit(src.slice(i, j));
    i = j;
  };

  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '\n') {
      newline();
      i++;
    } else if ((c === ' ' || c === '\t' || c === '\r') && lineStart) {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`unterminated comment at offset ${i}`);
      const hadBreak = src.slice(i, end).includes('\n');
      i = end + 2;
      if (hadBreak) newline();
      else if (!lineStart && /[\w$]/.test(out[out.length - 1] ?? '') && /[\w$]/.test(src[i] ?? '')) emit(' ');
    } else if (c === '"' || c === "'") {
      quoted();
    } else if (c === '`') {
      emit('`');
      i++;
      templateText();
    } else if (c === '/' && regexAllowed()) {
      regex();
    } else if (c === '{') {
      depth++;
      emit(c);
      i++;
    } else if (c === '}') {
      depth--;
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        emit('}');
        i++;
        templateText();
      } else {
        emit(c);
        i++;
      }
    } else {
      emit(c);
      i++;
    }
  }
  if (templates.length > 0 || depth !== 0) throw new Error('unbalanced braces or template literals');
  return lineStart ? out : `${out}\n`;
}
