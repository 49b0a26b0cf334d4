// Messages as data: every error, warning and finding oojwt reports has a
// stable `code` and `params` (the numbers, names and values its sentence
// uses); a catalog (web/lib/locales/<lang>.json, `en` the source) holds,
// per code, a `message` and a `fix` template. This module fills a template
// with params. It is presentation only: the reports keep their English
// `message` and `fix`, which are what `format` falls back to.
//
// Catalog: { lang, name, codes: { <code>: { params?: [names], message, fix } } }
// (`params` only in en: the source declares each code's params).
//
// Templates, a subset of ICU MessageFormat:
//   {name}                                   the param's value as the report has it
//   {name, plural, =0 {…} one {…} other {…}} by CLDR plural category of the
//                                            language (Intl.PluralRules); `#` is
//                                            the number
//   {name, select, a {…} b {…} other {…}}    by the param's value (other when
//                                            the param is absent)
//   {name, list, item {…} sep {…}}           the param is an array: `item` for
//                                            each element, `sep` between two; in
//                                            `item`, {name} is the element, and an
//                                            element that is an object lends its
//                                            members as params (then {name} is its
//                                            member `name`)
//   '{' '}' '#'                              an apostrophe before { } or # quotes up
//                                            to the next apostrophe; '' is one apostrophe
// Numbers are written as the report writes them (String(n), no grouping), so
// that the en templates give the C sentences byte for byte.

const cache = new Map();

function pluralRules(lang) {
  let rules = cache.get(lang);
  if (rules === undefined) {
    try {
      rules = new Intl.PluralRules(lang);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    cache.set(lang, rules);
  }
  return rules;
}

// Parse a template into nodes: strings, { arg }, { arg, kind, branches }.
function parse(src) {
  let i = 0;
  const fail = (why) => {
    throw new SyntaxError(`template, at ${i}: ${why}: ${src}`);
  };
  const name = () => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*/.exec(src.slice(i));
    if (m === null) fail('a name');
    i += m[0].length;
    return m[1];
  };
  function nodes(inPlural, nested) {
    const out = [];
    let text = '';
    while (i < src.length) {
      const c = src[i];
      if (c === "'") {
        if (src[i + 1] === "'") {
          text += "'";
          i += 2;
          continue;
        }
        if (src[i + 1] === '{' || src[i + 1] === '}' || (inPlural && src[i + 1] === '#')) {
          const end = src.indexOf("'", i + 1);
          if (end < 0) fail('an unclosed quote');
          text += src.slice(i + 1, end);
          i = end + 1;
          continue;
        }
        text += c;
        i++;
      } else if (c === '{') {
        if (text !== '') out.push(text);
        text = '';
        i++;
        out.push(arg());
      } else if (c === '}') {
        if (!nested) fail('a } with no {');
        break;
      } else if (c === '#' && inPlural) {
        if (text !== '') out.push(text);
        text = '';
        out.push({ hash: true });
        i++;
      } else {
        text += c;
        i++;
      }
    }
    if (text !== '') out.push(text);
    return out;
  }
  function arg() {
    const a = name();
    if (src[i] === '}') {
      i++;
      return { arg: a };
    }
    if (src[i] !== ',') fail(', or }');
    i++;
    const kind = name();
    if (kind !== 'plural' && kind !== 'select' && kind !== 'list') fail(`plural, select or list, not ${kind}`);
    if (src[i] !== ',') fail(',');
    i++;
    const branches = new Map();
    for (;;) {
      while (/\s/.test(src[i] ?? '')) i++;
      if (src[i] === '}') {
        i++;
        break;
      }
      const m = /^(=\d+|[A-Za-z_][A-Za-z0-9_-]*)\s*\{/.exec(src.slice(i));
      if (m === null) fail('a branch key and {');
      i += m[0].length;
      const body = nodes(kind === 'plural', true);
      if (src[i] !== '}') fail('a } closing the branch');
      i++;
      branches.set(m[1], body);
    }
    if (kind === 'list' ? !branches.has('item') : !branches.has('other')) {
      fail(`no ${kind === 'list' ? 'item' : 'other'} branch in {${a}, ${kind}}`);
    }
    return { arg: a, kind, branches };
  }
  const out = nodes(false, false);
  if (i < src.length) fail('text after the end');
  return out;
}

const parsed = new Map();
function compiled(template) {
  let t = parsed.get(template);
  if (t === undefined) {
    t = parse(template);
    parsed.set(template, t);
  }
  return t;
}

/** The names of the params a template uses. */
export function templateParams(template) {
  const names = new Set();
  const walk = (list) => {
    for (const n of list) {
      if (typeof n === 'string' || n.hash) continue;
      names.add(n.arg);
      if (n.branches) for (const b of n.branches.values()) walk(b);
    }
  };
  walk(compiled(template));
  return [...names];
}

const text = (v) => (typeof v === 'string' ? v : String(v));

function run(list, params, lang, number) {
  let out = '';
  for (const n of list) {
    if (typeof n === 'string') {
      out += n;
    } else if (n.hash) {
      out += text(number);
    } else {
      const has = Object.hasOwn(params, n.arg);
      const v = params[n.arg];
      if (n.kind === 'select') {
        // A select whose param is absent takes `other`.
        const key = has ? text(v) : 'other';
        out += run(n.branches.get(key) ?? n.branches.get('other'), params, lang, number);
      } else if (!has) {
        throw new RangeError(`no param ${n.arg}`);
      } else if (n.kind === undefined) {
        out += text(v);
      } else if (n.kind === 'list') {
        if (!Array.isArray(v)) throw new RangeError(`param ${n.arg} is not a list`);
        const sep = n.branches.get('sep');
        const scope = (e) => {
          if (e === null || typeof e !== 'object' || Array.isArray(e)) return { ...params, [n.arg]: e };
          const s = { ...params };
          delete s[n.arg];
          return Object.assign(s, e);
        };
        out += v.map((e) => run(n.branches.get('item'), scope(e), lang, number))
          .join(sep === undefined ? '' : run(sep, params, lang, number));
      } else {
        if (typeof v !== 'number') throw new RangeError(`param ${n.arg} is not a number`);
        const body = n.branches.get(`=${v}`) ?? n.branches.get(pluralRules(lang).select(v))
          ?? n.branches.get('other');
        out += run(body, params, lang, v);
      }
    }
  }
  return out;
}

/**
 * Fill `template` with `params` (an object) for `lang` (a BCP 47 tag: it
 * picks the plural rules). Throws a SyntaxError for a bad template and a
 * RangeError for a param the template needs and `params` lacks.
 */
export function render(template, params, lang = 'en') {
  return run(compiled(template), params ?? {}, lang, undefined);
}

/** The language tags to try for `lang`, most specific first, en last. */
export function fallbacks(lang) {
  const out = [];
  const parts = String(lang ?? 'en').split('-');
  for (let k = parts.length; k > 0; k--) out.push(parts.slice(0, k).join('-'));
  if (!out.includes('en')) out.push('en');
  return out;
}

/**
 * A set of catalogs. `format(code, params, lang, english)` gives
 * { message, fix, lang } from the first catalog of `fallbacks(lang)` that
 * has the code and renders with these params; failing all, the report's
 * own English `english.message` and `english.fix` (lang null).
 */
export class Catalogs {
  #byLang = new Map();

  constructor(list = []) {
    for (const c of list) this.add(c);
  }

  add(catalog) {
    if (catalog === null || typeof catalog !== 'object' || typeof catalog.lang !== 'string'
      || catalog.codes === null || typeof catalog.codes !== 'object') {
      throw new TypeError('a catalog is { lang, name, codes }');
    }
    this.#byLang.set(catalog.lang, catalog);
    return this;
  }

  get langs() {
    return [...this.#byLang.keys()];
  }

  catalog(lang) {
    return this.#byLang.get(lang);
  }

  format(code, params, lang = 'en', english = {}) {
    for (const tag of fallbacks(lang)) {
      const entry = this.#byLang.get(tag)?.codes[code];
      if (entry === undefined) continue;
      try {
        return {
          message: render(entry.message, params, tag),
          fix: entry.fix === undefined ? (english.fix ?? '') : render(entry.fix, params, tag),
          lang: tag,
        };
      } catch {
        // a catalog that does not fit these params: the next language
      }
    }
    return { message: english.message ?? code, fix: english.fix ?? '', lang: null };
  }
}
