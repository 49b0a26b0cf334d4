// The Diagnose box's output, loaded with the full module the first time a
// text needs it (app.mjs): kit.diagnose (C: src/diagnose/) says what each
// pasted text is, with what confidence, and gives one verdict and the other
// findings; this file lays them out in words. Under each box: what it was
// recognised as. Below the boxes: the verdict (the consequence, the cause,
// the fix, the secrets it names), buttons that open the texts in the tab
// that shows them in detail, the export (Markdown or text, every secret
// masked: kit.exportDiagnosis) and the other findings. Beside the box, the
// symptom list (kit.symptoms): the messages users see, in the products' own
// words; choosing one says what it means, what to paste and where to get
// it. Nothing here decides what a text is or what is wrong: every sentence
// shown comes from C. In the page's language (lang.mjs): the findings from
// the code catalogs (words.message, words.fix), C's sentences that have no
// code read back by their English templates (said.mjs), the page's own
// words through t(), and the products' texts in their own Chinese where
// they have it.
import { el, shown, sentence, findingItem } from './render.mjs';
import { t, words } from './lang.mjs';
import { readBack, phrase, told, CAUSES, WHY, EXPLAIN } from './said.mjs';
import { showTab, ready, fillInputs } from './modes.mjs';
import { copyText } from './clipboard.mjs';

// Where each kind of text is shown in detail: [tab, input id]. The server
// config (local.json, Docker lines) goes to the Document Server mode's
// Server config panel, which the Deployment mode's checks use too.
const ROUTES = {
  token: ['tab-jwt', 'token'],
  authorization: ['tab-jwt', 'token'],
  'log-line': ['tab-jwt', 'token'],
  'editor-config': ['tab-ds', 'ds-config-text'],
  'page-source': ['tab-ds', 'ds-config-text'],
  'http-request': ['tab-ds', 'ds-request-text'],
  'request-body': ['tab-ds', 'ds-request-text'],
  'local-json': ['tab-ds', 'ds-server-text'],
  'docker-env': ['tab-ds', 'ds-server-text'],
  'docker-exec': ['tab-ds', 'ds-server-text'],
  'connector-settings': ['tab-ds', 'ds-connector-text'],
  'nginx-config': ['tab-deploy', 'dp-nginx-text'],
  certificate: ['tab-deploy', 'dp-cert-text'],
  'pem-key': ['tab-deploy', 'dp-cert-key'],
  'download-link': ['tab-deploy', 'dp-url-text'],
};
const OPEN_IN = { 'tab-jwt': 'Open in the JWT inspector', 'tab-ds': 'Open in the Document Server tab', 'tab-deploy': 'Open in the Deployment tab' };
const SERVER_CONFIG = 'ds-server-text';

// The verdict's params that name secrets, as the facts under it.
const SECRET_FACTS = [
  ['signedWith', 'Signed with'],
  ['expected', 'Document Server checks with'],
  ['secret', 'The secret that signs it'],
];
// Where a command of the diagnosis runs (its runOn).
const RUN_ON = { ds_host: 'On Document Server\'s host', connector_host: 'On the connector\'s host', any: 'Anywhere' };
const SECRET_NAMES = ['the secret typed here', 'the second secret typed here'];

const EXPORTS = [
  ['markdown', 'Markdown', 'md', 'text/markdown'],
  ['text', 'text', 'txt', 'text/plain'],
];
const MASKED = 'every secret and token in it is masked, ready for a forum post or a support ticket';

// A product's text as it reads on screen: its <br> (and a written \r\n) as
// a line break, its placeholders (%s, %d, ${...}) as an ellipsis.
const onScreen = (text) => text.replace(/<br\s*\/?>|(?:\\r)?\\n/gi, '\n').replace(/%[sd]|\$\{[^}]*\}/g, '…');
// A product's own text in the page's language, where the product has one (kit.symptoms: texts.en, texts['zh-CN']).
const ownText = (s) => s.texts[words.lang] ?? null;
// A sentence without its full stop (a Chinese one's too), to be part of another.
const clause = (text) => text.replace(/[.。]$/, '');
// A finding or verdict with the names C gives in English among its params (a secret's:
// "the value of item 1"; a reason: diag_not_recognised's why) in the page's language.
function localised(f) {
  if (words.lang === 'en' || f.params === undefined || f.params === null) return f;
  const params = {};
  for (const [k, v] of Object.entries(f.params)) params[k] = typeof v !== 'string' ? v : k === 'why' ? readBack(v, WHY) ?? told(v) : phrase(v);
  return { ...f, params };
}

/**
 * Wire the output. `shell` (app.mjs): { ui, texts(), secrets(), label(i), addBox() }.
 * Returns { run() }, which judges the boxes now.
 */
export function setupView(kit, shell) {
  const { ui } = shell;
  let last = null; // the inputs of the result shown
  let shownInput = null; // { items, secrets, now } of the result shown, for the export

  const boxName = (i) => t('text {n}', { n: i + 1 });
  // The symptoms (kit.symptoms), by id: a recognised message in the product's own words.
  const symptomById = new Map((typeof kit.symptoms === 'function' ? kit.symptoms() : []).map((s) => [s.id, s]));

  // Why a text was recognised as it was (recognise.c), in the page's language: a product's
  // message in the product's own words of that language where it has them.
  function why(item) {
    const s = symptomById.get(item.symptom);
    const own = s ? ownText(s) : null;
    if (own !== null && words.lang !== 'en') {
      return t('It is {product}\'s message "{text}".', { product: phrase(s.product), text: onScreen(own).replace(/\s+/g, ' ').trim() });
    }
    return readBack(item.why, WHY) ?? told(item.why);
  }

  function recognised(box, item) {
    const p = box.querySelector('.recognised');
    if (!item) {
      p.replaceChildren();
      delete p.dataset.kind;
      delete p.dataset.confidence;
      return;
    }
    p.dataset.kind = item.kind;
    p.dataset.confidence = item.confidence;
    const what = el('strong', null, told(item.label));
    p.replaceChildren(item.kind === 'unknown' ? t('Not recognised: ') : t('Recognised: '), what,
      el('span', `confidence c-${item.confidence}`, t(' ({confidence} confidence)', { confidence: told(item.confidence) })));
    if (item.why) p.append(el('span', 'why', ` ${sentence(why(item))}`));
  }

  // Which boxes a finding or the verdict is about: "text 2 (an editor config)".
  function about(indices, items, boxOf) {
    const named = indices.filter((i) => items[i]).map((i) => t('{box} ({kind})', { box: boxName(boxOf[i]), kind: told(items[i].label) }));
    return named.length === 0 ? null : el('p', 'about', t('About {texts}.', { texts: named.join(t(' and ')) }));
  }

  // The texts, grouped by the tab that shows them in detail, the verdict's first.
  function routes(items, texts, first) {
    const order = [...first, ...items.map((_, i) => i).filter((i) => !first.includes(i))];
    const tabs = new Map();
    for (const i of order) {
      const route = ROUTES[items[i]?.kind];
      if (!route) continue;
      const [tab, id] = route;
      if (!tabs.has(tab)) tabs.set(tab, {});
      const fill = tabs.get(tab);
      fill[id] ??= texts[i];
    }
    return tabs;
  }

  async function openIn(tab, values, all, typed) {
    const server = all[SERVER_CONFIG];
    // The server config first, and in use: the other panels judge with it.
    if (tab !== 'tab-jwt' && server !== undefined) {
      await ready('tab-ds');
      fillInputs({ [SERVER_CONFIG]: server });
      const use = document.getElementById('ds-server-use');
      if (!use.disabled && use.getAttribute('aria-pressed') !== 'true') use.click();
    }
    await showTab(tab);
    const fill = { ...values };
    if (typed !== undefined) {
      if (tab === 'tab-jwt') fill.secret = typed;
      else if (tab === 'tab-ds' && server === undefined) {
        if (fill['ds-config-text'] !== undefined) fill['ds-config-secret'] = typed;
        if (fill['ds-request-text'] !== undefined) fill['ds-request-secret'] = typed;
      }
    }
    // Filled (and in use) above.
    delete fill[SERVER_CONFIG];
    fillInputs(fill);
    document.getElementById(Object.keys(values)[0])?.focus();
  }

  function links(r, texts) {
    const tabs = routes(r.items, texts, r.verdict?.items ?? []);
    const all = Object.assign({}, ...tabs.values());
    const typed = shell.secrets().find((s) => s !== '');
    if (tabs.size === 0) return null;
    const p = el('p', 'open-in');
    for (const [tab, values] of tabs) {
      const b = el('button', null, t(OPEN_IN[tab]));
      b.type = 'button';
      b.dataset.tab = tab;
      b.addEventListener('click', () => {
        openIn(tab, values, all, typed).catch(() => {});
      });
      p.append(b, ' ');
    }
    return p;
  }

  function verdictParts(r, boxOf, texts) {
    const v = r.verdict;
    const parts = [];
    const title = el('p', 'verdict-title');
    // A note (info) is neither good nor bad news: it has no mark.
    const mark = { error: '✗', warning: '!' }[v.severity];
    if (mark) title.append(el('span', 'mark', mark), ' ');
    title.append(el('strong', null, sentence(headline(v))));
    parts.push(title);
    const line = (name, label, text) => {
      if (!text) return;
      const p = el('p', `v-${name}`);
      p.append(el('span', 'f-label', label), shown(sentence(text)));
      parts.push(p);
    };
    if (v.cause && sentence(v.cause) !== sentence(v.headline)) line('cause', t('Cause: '), words.message(localised({ ...v, message: v.cause })));
    line('fix', t('Fix: '), v.fix && words.fix(localised(v)));
    const facts = SECRET_FACTS.filter(([k]) => typeof v.params?.[k] === 'string');
    if (facts.length > 0) {
      const p = el('p', 'verdict-facts');
      for (const [k, name] of facts) {
        const chip = el('span', 'chip');
        chip.dataset.param = k;
        chip.append(el('span', 'chip-k', t('{name}: ', { name: t(name) })), el('code', null, v.params[k]));
        p.append(chip, ' ');
      }
      parts.push(p);
    }
    const a = about(v.items ?? [], r.items, boxOf);
    if (a) parts.push(a);
    const l = links(r, texts);
    if (l) parts.push(l);
    return parts;
  }

  // The verdict's headline: who refuses what (its code's catalog entry), and the cause in a
  // few words (C writes it in English; in another language it is read back, else the verdict's message).
  function headline(v) {
    if (words.lang === 'en') return v.headline;
    const cause = v.headline.startsWith(`${v.consequence}: `) ? v.headline.slice(v.consequence.length + 2) : '';
    return t('{consequence}: {cause}', {
      consequence: words.said(v, 'consequence'),
      cause: clause(readBack(cause, CAUSES) ?? words.message(localised({ ...v, message: v.cause }))),
    });
  }

  // The commands that carry out the fixes (C builds them from the texts' values; none holds a secret).
  function commandList(commands, r, boxOf) {
    if (!Array.isArray(commands) || commands.length === 0) return [];
    const ol = el('ol', 'commands');
    commands.forEach((c, i) => {
      const li = el('li', 'command');
      li.dataset.id = c.id;
      const head = el('p');
      const where = t(RUN_ON[c.runOn] ?? RUN_ON.any);
      head.append(el('span', 'f-label', c.item !== null && r.items[c.item] ? t('{where} (for {box}): ', { where, box: boxName(boxOf[c.item]) }) : t('{where}: ', { where })),
        shown(sentence(readBack(c.explanation, EXPLAIN) ?? c.explanation)));
      const pre = el('pre', 'mono code');
      pre.id = `diag-command-${i + 1}`;
      pre.tabIndex = 0;
      pre.setAttribute('role', 'region');
      pre.setAttribute('aria-label', t('Command {n}', { n: i + 1 }));
      pre.append(shown(c.text));
      const copy = el('button', null, t('Copy command {n}', { n: i + 1 }));
      copy.type = 'button';
      copy.addEventListener('click', () => {
        copyText(c.text).then(() => {
          copy.textContent = t('Copied');
          setTimeout(() => { copy.textContent = t('Copy command {n}', { n: i + 1 }); }, 1500);
        }, () => {});
      });
      li.append(head, pre, copy);
      ol.append(li);
    });
    return [el('h3', null, t('Commands that carry out the fix')), ol];
  }

  // Copy or download the diagnosis shown, as Markdown or text (C masks every secret and token in it).
  function exportRow() {
    if (typeof kit.exportDiagnosis !== 'function') return null;
    const row = el('div', 'export');
    const note = el('p', 'hint');
    note.id = 'diag-export-note';
    note.setAttribute('aria-live', 'polite');
    const text = (format) => kit.exportDiagnosis(shownInput.items, { secrets: shownInput.secrets, now: shownInput.now, format });
    const button = (label, fn) => {
      const b = el('button', null, label);
      b.type = 'button';
      b.addEventListener('click', () => {
        Promise.resolve().then(fn).catch((e) => {
          note.textContent = t('Nothing exported: {error}', { error: e.message });
        });
      });
      return b;
    };
    const buttons = el('p', 'export-buttons');
    for (const [format, en, ext, type] of EXPORTS) {
      const name = t(en);
      buttons.append(button(t('Copy as {name}', { name }), async () => {
        const copied = text(format);
        await copyText(copied);
        note.textContent = t('Copied the diagnosis as {name} ({n} characters): {masked}.', { name, n: copied.length, masked: t(MASKED) });
      }), ' ', button(t('Download as {name}', { name }), () => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([text(format)], { type: `${type};charset=utf-8` }));
        a.download = `oojwt-diagnosis.${ext}`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 1000);
        note.textContent = t('Saved the diagnosis as {file}: {masked}.', { file: `oojwt-diagnosis.${ext}`, masked: t(MASKED) });
      }), ' ');
    }
    row.append(el('h3', null, t('Share this diagnosis')), buttons, note);
    return row;
  }

  function render(r, boxOf, texts) {
    const v = r.verdict;
    ui.verdict.dataset.state = v ? v.severity : 'empty';
    ui.verdict.dataset.code = v?.code ?? '';
    ui.verdict.replaceChildren(...(v ? verdictParts(r, boxOf, texts) : [el('p', 'verdict-title', t('Nothing to say about these texts.'))]));
    const parts = [...commandList(r.commands, r, boxOf)];
    const rest = r.findings.slice(v ? 1 : 0);
    if (rest.length > 0) {
      const ol = el('ol', 'finding-list');
      for (const f of rest) ol.append(findingItem(localised(f), { box: f.item !== null && r.items[f.item] ? boxName(boxOf[f.item]) : null }));
      parts.push(el('h3', null, t('Also found ({n})', { n: rest.length })), ol);
    }
    const share = v ? exportRow() : null;
    if (share) parts.push(share);
    ui.more.replaceChildren(...parts);
  }

  function run() {
    const boxes = shell.texts();
    const typed = shell.secrets();
    const key = JSON.stringify([boxes.map((b) => b.text), typed]);
    if (key === last) return;
    last = key;
    // Empty boxes are left out; boxOf maps an item back to its box.
    const boxOf = [];
    const items = [];
    boxes.forEach((b, i) => {
      if (b.text.trim() === '') return;
      boxOf.push(i);
      items.push({ text: b.text, name: boxName(i) });
    });
    const secrets = typed.map((value, i) => ({ value, name: t(SECRET_NAMES[i]) })).filter((s) => s.value !== '');
    for (const b of boxes) recognised(b.box, null);
    if (items.length === 0) {
      ui.verdict.dataset.state = 'empty';
      ui.verdict.dataset.code = '';
      ui.verdict.replaceChildren(el('p', 'verdict-title', t('Paste a text above: oojwt says what it is, what goes wrong with it and how to fix it.')));
      ui.more.replaceChildren();
      return;
    }
    let r;
    const now = Date.now() / 1000;
    shownInput = { items, secrets, now };
    try {
      r = kit.diagnose(items, { secrets, now });
    } catch (e) {
      ui.verdict.dataset.state = 'failed';
      ui.verdict.dataset.code = e.code ?? '';
      ui.verdict.replaceChildren(el('p', 'verdict-title', t('Cannot check these texts: {error}', { error: e.message })));
      ui.more.replaceChildren();
      return;
    }
    r.items.forEach((item, k) => recognised(boxes[boxOf[k]].box, item));
    render(r, boxOf, items.map((it) => it.text));
  }

  // ---- the symptom list ------------------------------------------------------------

  function symptoms(box) {
    if (typeof kit.symptoms !== 'function' || box === null) return;
    const list = kit.symptoms();
    const detail = el('div', 'symptom-detail');
    detail.id = 'symptom-detail';
    detail.setAttribute('aria-live', 'polite');
    detail.hidden = true;
    const buttons = [];
    function choose(s, b) {
      for (const o of buttons) o.setAttribute('aria-expanded', String(o === b));
      const paste = el('ol', 'symptom-paste');
      for (const p of s.paste) {
        const li = el('li');
        // Where to get it: in words, or a command as it is (a command has no translation of its own).
        const where = told(p.where);
        li.append(el('strong', null, t('{what}: ', { what: clause(sentence(told(p.what))) })), where === p.where && words.lang !== 'en' ? el('code', null, where) : shown(where));
        paste.append(li);
      }
      detail.hidden = false;
      detail.dataset.id = s.id;
      const text = ownText(s) ?? s.texts.en;
      detail.replaceChildren(el('h3', null, t('{product}: “{text}”', { product: phrase(s.product), text: onScreen(text).replace(/\s+/g, ' ').trim() })),
        el('p', null, sentence(told(s.means))), el('p', 'f-label', t('Paste below:')), paste);
      // The message goes into the first empty box (C recognises it there), and a new box takes what comes next.
      const empty = shell.texts().find((b) => b.text.trim() === '');
      const area = empty ? empty.box.querySelector('textarea') : shell.addBox();
      if (area) {
        area.value = onScreen(text);
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }
      const next = shell.addBox();
      (next ?? area)?.setAttribute('aria-describedby', `${(next ?? area).getAttribute('aria-describedby')} symptom-detail`);
    }
    const groups = new Map();
    for (const s of list) {
      if (!groups.has(s.product)) groups.set(s.product, el('ul', 'symptom-list'));
      const b = el('button', 'symptom');
      b.type = 'button';
      b.dataset.id = s.id;
      b.setAttribute('aria-expanded', 'false');
      b.setAttribute('aria-controls', 'symptom-detail');
      // The product's own text in the page's language, else its English; quoted in a page
      // that is not English (the product's words, which may hold English: "Invalid token").
      const own = words.lang === 'en' ? null : ownText(s);
      if (words.lang === 'en') {
        b.append(el('span', 'symptom-en', onScreen(s.texts.en)));
      } else {
        const span = el('span', own !== null ? 'symptom-zh' : 'symptom-en', `“${onScreen(own ?? s.texts.en)}”`);
        span.lang = own !== null ? words.lang : 'en';
        b.append(span);
      }
      b.addEventListener('click', () => choose(s, b));
      buttons.push(b);
      const li = el('li');
      li.append(b);
      groups.get(s.product).append(li);
    }
    const h = el('h2', null, t('Start from what you saw'));
    h.id = 'symptoms-h';
    const parts = [h, el('p', 'hint', t('The messages the editor, the connectors and Document Server\'s log show when a token is refused. '
      + 'Choose the one you see: oojwt says what it means and what to paste, and where to get it.')), detail];
    for (const [product, ul] of groups) parts.push(el('h3', null, phrase(product)), ul);
    box.replaceChildren(...parts);
    box.hidden = false;
  }
  symptoms(document.getElementById('symptoms'));

  return { run };
}
