// The page's language: `?lang=zh-CN` (or `?lang=en`) in its address, else
// the browser's (navigator.languages), else English (web/lib/words.mjs
// says which tags count). Its catalogs load before the page starts (none
// for English), the static text of index.html is translated, <html lang>
// is set (the browser picks Chinese glyphs by it) and the language links
// in the header point at this page with the other `lang`. Switching reloads
// the page: nothing is stored, and the address holds no secret.
import { LANGS, loadWords, pickLang, ENGLISH } from '../lib/words.mjs';

const asked = new URLSearchParams(location.search).get('lang');
const lang = pickLang([...(asked ? [asked] : []), ...(navigator.languages ?? [navigator.language])]);

/**
 * The page's words (web/lib/words.mjs); English if its catalogs fail to
 * load. The UI words load before the page starts; the codes' messages (what
 * findings say) load with the checks (modes.mjs loadFull, loadCore), so
 * that a page in Chinese is usable as soon as one in English.
 */
export const words = await loadWords(lang, { codes: false }).catch(() => ENGLISH);

/** words.t, for the page's modules: the UI text `en` in the page's language. */
export const t = (en, params) => words.t(en, params);

// The language links: one per language, the current one marked.
function switcher() {
  const nav = document.getElementById('langs');
  if (nav === null) return;
  const links = LANGS.map(({ tag, name }) => {
    const a = document.createElement('a');
    const url = new URL(location.href);
    url.searchParams.set('lang', tag);
    url.hash = '';
    a.href = url.href;
    a.lang = tag;
    a.hreflang = tag;
    a.textContent = name;
    if (tag === words.lang) a.setAttribute('aria-current', 'true');
    return a;
  });
  nav.replaceChildren(...links);
}

document.documentElement.lang = words.lang;
words.tree(document.body);
document.title = t(document.title);
switcher();

/**
 * A sentence with elements in it: `template` (English, ICU) whose params
 * named in `nodes` are elements (or text) placed where the language puts
 * them; resolves to a list for append()/replaceChildren(). Other params in
 * `params`.
 */
export function tNodes(template, nodes, params = {}) {
  const marks = Object.fromEntries(Object.keys(nodes).map((k) => [k, `\u0000${k}\u0000`]));
  return t(template, { ...params, ...marks }).split('\u0000').map((part, i) => (i % 2 === 1 ? nodes[part] : part)).filter((p) => p !== '');
}
