// The words of the page and of the <oojwt-inspector> element in the user's
// language. Presentation only: the reports keep their codes and English.
//
// - UI text: the English text is the key (as gettext does), written in the
//   code as `words.t('Paste anything')` or, with params, as an ICU-style
//   template (web/lib/i18n.mjs) `words.t('Text {n}', { n })`. A language's
//   UI catalog, web/lib/locales/ui/<lang>.json, maps each English template
//   to its own: { lang, name, ui: { "<English>": "<translation>" } }.
//   English needs no catalog. A text the catalog lacks shows in English and
//   is remembered in `words.missing` (the page tests read none is left).
// - Static markup (index.html, the element's shadow DOM): `words.tree(root)`
//   translates every element's own text, its child elements standing as
//   {0}, {1}, … in the key ("Paste a {0} here" for `Paste a <code>config</code>
//   here`; the translation places them where its language wants them), and
//   the attributes aria-label, title, placeholder and alt. Whitespace runs
//   count as one space.
// - Findings, errors and warnings: `words.message(report)` and
//   `words.fix(report)` render the code's catalog template (web/lib/locales/
//   <lang>.json) with the report's params, falling back to its English.
// - Dates and durations: `words.date(seconds)` in the language's own format.
//
// Languages: `pickLang(wanted)` takes the first of `wanted` (a `?lang=`
// value, then navigator.languages) that oojwt speaks: zh, zh-CN, zh-Hans,
// zh-SG, zh-TW, zh-HK, … → zh-CN (the one Chinese catalog); en-* → en.
import { render, Catalogs } from './i18n.mjs';

/** The languages oojwt speaks: tag and the language's own name. */
export const LANGS = Object.freeze([
  Object.freeze({ tag: 'en', name: 'English' }),
  Object.freeze({ tag: 'zh-CN', name: '简体中文' }),
]);

// Each language's catalogs, each loaded when first asked for: its UI words
// (what a page shows before anything is judged) and its codes' messages
// (what the findings say), which a page can load later, with its checks.
const UI = {
  'zh-CN': () => json(() => import('./locales/ui/zh-CN.json', { with: { type: 'json' } }), 'ui/zh-CN.json'),
};
const CODES = {
  'zh-CN': () => json(() => import('./locales/zh-CN.json', { with: { type: 'json' } }), 'zh-CN.json'),
};

// A catalog, as a JSON module; Node 18.19 (the oldest Node the library
// supports) knows no import attributes (`with`, from 18.20 and 20.10), so
// there the file next to this module (locales/`name`) is read instead.
async function json(load, name) {
  try {
    return (await load()).default;
  } catch (e) {
    if (typeof document !== 'undefined' || !/^ERR_IMPORT_(ASSERTION|ATTRIBUTE)/.test(e?.code ?? '')) throw e;
    const fs = await import('node:fs');
    return JSON.parse(fs.readFileSync(new URL(`./locales/${name}`, import.meta.url), 'utf8'));
  }
}

/** The tag oojwt uses for a wanted language tag, or null when it has no catalog for it. */
export function supported(tag) {
  const t = String(tag ?? '').trim().replace(/_/g, '-').toLowerCase();
  if (t === '') return null;
  const base = t.split('-')[0];
  if (base === 'en') return 'en';
  if (base === 'zh') return 'zh-CN';
  return null;
}

/** The first of `wanted` (tags, most wanted first) that oojwt speaks, else 'en'. */
export function pickLang(wanted) {
  for (const tag of wanted ?? []) {
    const s = supported(tag);
    if (s !== null) return s;
  }
  return 'en';
}

const collapse = (s) => s.replace(/\s+/g, ' ').trim();
const ATTRS = ['aria-label', 'title', 'placeholder', 'alt'];
// Elements whose text is code or data, never translated.
const VERBATIM = new Set(['CODE', 'PRE', 'KBD', 'SAMP', 'SCRIPT', 'STYLE', 'TEXTAREA']);

class Words {
  #ui;
  #codes;

  #codesLoad = null;

  constructor(lang, codes, ui) {
    this.lang = lang;
    this.#codes = codes;
    this.#ui = ui;
    /** English texts asked for that the language's catalog lacks. */
    this.missing = new Set();
  }

  /**
   * Load the codes' messages if they are not yet (loadWords with
   * { codes: false } leaves them out); resolves to this. Until then,
   * message() and fix() give the reports' English.
   */
  loadCodes() {
    if (this.#codes !== null || CODES[this.lang] === undefined) return Promise.resolve(this);
    this.#codesLoad ??= CODES[this.lang]().then((catalog) => {
      this.#codes = new Catalogs([catalog]);
      return this;
    }, (e) => {
      this.#codesLoad = null;
      throw e;
    });
    return this.#codesLoad;
  }

  /** The UI text `en` (an English template) in this language, filled with `params`. */
  t(en, params) {
    let template = en;
    if (this.#ui !== null) {
      const own = this.#ui[en];
      if (own === undefined) this.#lack(en);
      else template = own;
    }
    if (params === undefined && !template.includes('{') && !template.includes("'")) return template;
    return render(template, params ?? {}, this.lang);
  }

  // A text the catalog lacks: shown in English, remembered, and said once on
  // the console's debug level (tools/ui-missing.mjs lists them).
  #lack(en) {
    if (this.missing.has(en)) return;
    this.missing.add(en);
    console.debug(`oojwt: no ${this.lang} text for: ${JSON.stringify(en)}`);
  }

  /** An issue's or finding's message ({ code, params, message }) in this language. */
  message(report) {
    return this.#format(report).message;
  }

  /**
   * A report's sentence member `name` that carries its code beside it
   * (`nameCode`, `nameParams`: a token kind's label and why) in this
   * language; the member's English when it has no code.
   */
  said(report, name) {
    return this.message({ code: report?.[`${name}Code`], params: report?.[`${name}Params`], message: report?.[name] });
  }

  /** An issue's or finding's fix ({ code, params, fix }) in this language ('' when it has none). */
  fix(report) {
    return this.#format(report).fix;
  }

  #format(report) {
    if (this.#codes === null || report?.code === undefined) {
      return { message: report?.message ?? '', fix: report?.fix ?? '' };
    }
    return this.#codes.format(report.code, report.params ?? {}, this.lang, report);
  }

  /** Seconds since 1970 as a local date and time, in this language's format. */
  date(seconds) {
    const d = new Date(seconds * 1000);
    if (Number.isNaN(d.getTime())) return null;
    return d.toLocaleString(this.lang, {
      year: 'numeric', month: 'short', day: 'numeric',
      hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short',
    });
  }

  /**
   * Translate the static text under `root` (an element, a document or a
   * shadow root): each element's own text, with its child elements as {0},
   * {1}, … in the key, and the attributes aria-label, title, placeholder
   * and alt. Does nothing in English. Elements with `translate="no"` and
   * code (code, pre, kbd, samp, textarea) are left as they are.
   */
  tree(root) {
    if (this.#ui === null) return;
    const walk = (el) => {
      if (VERBATIM.has(el.tagName) || el.getAttribute?.('translate') === 'no') return;
      for (const a of ATTRS) {
        const v = el.getAttribute?.(a);
        if (v) el.setAttribute(a, this.t(collapse(v)));
      }
      this.#own(el);
      for (const child of el.children) walk(child);
    };
    for (const child of root.children ?? []) walk(child);
  }

  // The element's own text, if it has any besides its child elements.
  #own(el) {
    const nodes = [...el.childNodes];
    if (!nodes.some((n) => n.nodeType === 3 && n.data.trim() !== '')) return;
    const kids = [];
    let key = '';
    for (const n of nodes) {
      if (n.nodeType === 3) key += n.data;
      else if (n.nodeType === 1) key += `{${kids.push(n) - 1}}`;
    }
    key = collapse(key);
    if (!/[a-z]/.test(key.replace(/\{\d+\}/g, ''))) return; // a name or number ("HS256"): as it is
    const own = this.#ui[key];
    if (own === undefined) {
      this.#lack(key);
      return;
    }
    const out = [];
    for (const part of own.split(/(\{\d+\})/)) {
      const m = /^\{(\d+)\}$/.exec(part);
      if (m !== null && kids[+m[1]] !== undefined) out.push(kids[+m[1]]);
      else if (part !== '') out.push(part);
    }
    el.replaceChildren(...out);
  }
}

const loaded = new Map();

/**
 * The words of `lang` (a tag pickLang() gives): a promise of a Words, once
 * its catalogs are loaded ('en' loads none). A tag oojwt does not speak
 * gives English. `codes: false` loads the UI words only (a page's first
 * screen, which shows no finding yet); words.loadCodes() loads the rest.
 */
export function loadWords(lang, { codes = true } = {}) {
  const tag = supported(lang) ?? 'en';
  let p = loaded.get(tag);
  if (p === undefined) {
    p = tag === 'en'
      ? Promise.resolve(new Words('en', null, null))
      : UI[tag]().then((ui) => new Words(tag, null, ui.ui));
    p.catch(() => loaded.delete(tag));
    loaded.set(tag, p);
  }
  return codes ? p.then((w) => w.loadCodes()) : p;
}

/** English words, at once (no catalog to load). */
export const ENGLISH = new Words('en', null, null);
