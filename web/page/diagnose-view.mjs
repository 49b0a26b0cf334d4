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
// shown comes from C.
import { el, shown, sentence } from './render.mjs';
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
const TAB_NAMES = { 'tab-jwt': 'the JWT inspector', 'tab-ds': 'the Document Server tab', 'tab-deploy': 'the Deployment tab' };
const SERVER_CONFIG = 'ds-server-text';

// The verdict's params that name secrets, as the facts under it.
const SECRET_FACTS = [
  ['signedWith', 'Signed with'],
  ['expected', 'Document Server checks with'],
  ['secret', 'The secret that signs it'],
];
const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' };
// Where a command of the diagnosis runs (its runOn).
const RUN_ON = { ds_host: 'On Document Server\'s host', connector_host: 'On the connector\'s host', any: 'Anywhere' };
const SECRET_NAMES = ['the secret typed here', 'the second secret typed here'];

const EXPORTS = [
  ['markdown', 'Markdown', 'md', 'text/markdown'],
  ['text', 'text', 'txt', 'text/plain'],
];

// A product's text as it reads on screen: its <br> (and a written \r\n) as
// a line break, its placeholders (%s, %d, ${...}) as an ellipsis.
const onScreen = (text) => text.replace(/<br\s*\/?>|(?:\\r)?\\n/gi, '\n').replace(/%[sd]|\$\{[^}]*\}/g, '…');
// The language of the symptoms' texts: Chinese first for a reader whose browser asks for it.
const chineseFirst = () => (navigator.languages ?? [navigator.language]).some((l) => /^zh\b/i.test(l));

/**
 * Wire the output. `shell` (app.mjs): { ui, texts(), secrets(), label(i), addBox() }.
 * Returns { run() }, which judges the boxes now.
 */
export function setupView(kit, shell) {
  const { ui } = shell;
  let last = null; // the inputs of the result shown
  let shownInput = null; // { items, secrets, now } of the result shown, for the export

  const boxName = (i) => `text ${i + 1}`;

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
    const what = el('strong', null, item.label);
    p.replaceChildren(item.kind === 'unknown' ? 'Not recognised: ' : 'Recognised: ', what,
      el('span', `confidence c-${item.confidence}`, ` (${item.confidence} confidence)`));
    if (item.why) p.append(el('span', 'why', ` ${sentence(item.why)}`));
  }

  // Which boxes a finding or the verdict is about: "text 2 (an editor config)".
  function about(indices, items, boxOf) {
    const named = indices.filter((i) => items[i]).map((i) => `${boxName(boxOf[i])} (${items[i].label})`);
    return named.length === 0 ? null : el('p', 'about', `About ${named.join(' and ')}.`);
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
      const b = el('button', null, `Open in ${TAB_NAMES[tab]}`);
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
    title.append(el('strong', null, sentence(v.headline)));
    parts.push(title);
    const line = (name, text) => {
      if (!text) return;
      const p = el('p', `v-${name.toLowerCase()}`);
      p.append(el('span', 'f-label', `${name}: `), shown(sentence(text)));
      parts.push(p);
    };
    if (v.cause && sentence(v.cause) !== sentence(v.headline)) line('Cause', v.cause);
    line('Fix', v.fix);
    const facts = SECRET_FACTS.filter(([k]) => typeof v.params?.[k] === 'string');
    if (facts.length > 0) {
      const p = el('p', 'verdict-facts');
      for (const [k, name] of facts) {
        const chip = el('span', 'chip');
        chip.dataset.param = k;
        chip.append(el('span', 'chip-k', `${name}: `), el('code', null, v.params[k]));
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

  function findingItem(f, r, boxOf) {
    const sev = SEVERITY[f.severity] ? f.severity : 'info';
    const li = el('li', `finding sev-${sev}`);
    li.dataset.code = f.code;
    const head = el('p', 'f-msg');
    head.append(el('span', 'sev', SEVERITY[sev]), ' ');
    if (f.item !== null && r.items[f.item]) head.append(el('span', 'f-where', `${boxName(boxOf[f.item])}: `));
    head.append(shown(sentence(f.message)));
    li.append(head);
    if (f.fix) {
      const p = el('p', 'f-fix');
      p.append(el('span', 'f-label', 'Fix: '), shown(sentence(f.fix)));
      li.append(p);
    }
    return li;
  }

  // The commands that carry out the fixes (C builds them from the texts' values; none holds a secret).
  function commandList(commands, r, boxOf) {
    if (!Array.isArray(commands) || commands.length === 0) return [];
    const ol = el('ol', 'commands');
    commands.forEach((c, i) => {
      const li = el('li', 'command');
      li.dataset.id = c.id;
      const head = el('p');
      head.append(el('span', 'f-label', `${RUN_ON[c.runOn] ?? RUN_ON.any}${c.item !== null && r.items[c.item] ? ` (for ${boxName(boxOf[c.item])})` : ''}: `),
        shown(sentence(c.explanation)));
      const pre = el('pre', 'mono code');
      pre.id = `diag-command-${i + 1}`;
      pre.tabIndex = 0;
      pre.setAttribute('role', 'region');
      pre.setAttribute('aria-label', `Command ${i + 1}`);
      pre.append(shown(c.text));
      const copy = el('button', null, `Copy command ${i + 1}`);
      copy.type = 'button';
      copy.addEventListener('click', () => {
        copyText(c.text).then(() => {
          copy.textContent = 'Copied';
          setTimeout(() => { copy.textContent = `Copy command ${i + 1}`; }, 1500);
        }, () => {});
      });
      li.append(head, pre, copy);
      ol.append(li);
    });
    return [el('h3', null, 'Commands that carry out the fix'), ol];
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
          note.textContent = `Nothing exported: ${e.message}`;
        });
      });
      return b;
    };
    const masked = 'every secret and token in it is masked, ready for a forum post or a support ticket';
    const buttons = el('p', 'export-buttons');
    for (const [format, name, ext, type] of EXPORTS) {
      buttons.append(button(`Copy as ${name}`, async () => {
        const t = text(format);
        await copyText(t);
        note.textContent = `Copied the diagnosis as ${name} (${t.length} characters): ${masked}.`;
      }), ' ', button(`Download as ${name}`, () => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([text(format)], { type: `${type};charset=utf-8` }));
        a.download = `oojwt-diagnosis.${ext}`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 1000);
        note.textContent = `Saved the diagnosis as oojwt-diagnosis.${ext}: ${masked}.`;
      }), ' ');
    }
    row.append(el('h3', null, 'Share this diagnosis'), buttons, note);
    return row;
  }

  function render(r, boxOf, texts) {
    const v = r.verdict;
    ui.verdict.dataset.state = v ? v.severity : 'empty';
    ui.verdict.dataset.code = v?.code ?? '';
    ui.verdict.replaceChildren(...(v ? verdictParts(r, boxOf, texts) : [el('p', 'verdict-title', 'Nothing to say about these texts.')]));
    const parts = [...commandList(r.commands, r, boxOf)];
    const rest = r.findings.slice(v ? 1 : 0);
    if (rest.length > 0) {
      const ol = el('ol', 'finding-list');
      for (const f of rest) ol.append(findingItem(f, r, boxOf));
      parts.push(el('h3', null, `Also found (${rest.length})`), ol);
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
    const secrets = typed.map((value, i) => ({ value, name: SECRET_NAMES[i] })).filter((s) => s.value !== '');
    for (const b of boxes) recognised(b.box, null);
    if (items.length === 0) {
      ui.verdict.dataset.state = 'empty';
      ui.verdict.dataset.code = '';
      ui.verdict.replaceChildren(el('p', 'verdict-title', 'Paste a text above: oojwt says what it is, what goes wrong with it and how to fix it.'));
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
      ui.verdict.replaceChildren(el('p', 'verdict-title', `Cannot check these texts: ${e.message}`));
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
        li.append(el('strong', null, `${sentence(p.what).replace(/\.$/, '')}: `), shown(p.where));
        paste.append(li);
      }
      detail.hidden = false;
      detail.dataset.id = s.id;
      detail.replaceChildren(el('h3', null, `${s.product}: “${onScreen(s.texts.en).replace(/\s+/g, ' ').trim()}”`),
        el('p', null, sentence(s.means)), el('p', 'f-label', 'Paste below:'), paste);
      // The message goes into the first empty box (C recognises it there), and a new box takes what comes next.
      const empty = shell.texts().find((t) => t.text.trim() === '');
      const area = empty ? empty.box.querySelector('textarea') : shell.addBox();
      if (area) {
        area.value = onScreen(s.texts.en);
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }
      const next = shell.addBox();
      (next ?? area)?.setAttribute('aria-describedby', `${(next ?? area).getAttribute('aria-describedby')} symptom-detail`);
    }
    const groups = new Map();
    const zhFirst = chineseFirst();
    for (const s of list) {
      if (!groups.has(s.product)) groups.set(s.product, el('ul', 'symptom-list'));
      const b = el('button', 'symptom');
      b.type = 'button';
      b.dataset.id = s.id;
      b.setAttribute('aria-expanded', 'false');
      b.setAttribute('aria-controls', 'symptom-detail');
      const en = el('span', 'symptom-en', onScreen(s.texts.en));
      if (s.texts['zh-CN'] && zhFirst) {
        const zh = el('span', 'symptom-zh', onScreen(s.texts['zh-CN']));
        zh.lang = 'zh-CN';
        b.append(zh, en);
      } else {
        b.append(en);
      }
      b.addEventListener('click', () => choose(s, b));
      buttons.push(b);
      const li = el('li');
      li.append(b);
      groups.get(s.product).append(li);
    }
    const h = el('h2', null, 'Start from what you saw');
    h.id = 'symptoms-h';
    const parts = [h, el('p', 'hint', 'The messages the editor, the connectors and Document Server\'s log show when a token is refused. '
      + 'Choose the one you see: oojwt says what it means and what to paste, and where to get it.'), detail];
    for (const [product, ul] of groups) parts.push(el('h3', null, product), ul);
    box.replaceChildren(...parts);
    box.hidden = false;
  }
  symptoms(document.getElementById('symptoms'));

  return { run };
}
