// The page's modes, one tab each: Diagnose (app.mjs, shown first), the JWT
// inspector (inspector.mjs), the Document Server mode (editor config, server
// config, request or callback, connector settings) and the Deployment mode
// (download links, nginx, certificates). The page starts with the Diagnose
// box alone and no wasm: what a mode needs loads the first time it is
// needed, and its panel says so while it loads (aria-busy, a status line):
// - the JWT inspector: its code and the JWT core (oojwt.wasm), or the full
//   module when the page has it already or speaks another language than English;
// - the Document Server and Deployment modes: the full module
//   (oojwt-full.wasm) and the panels' modules (panels.mjs and what it
//   imports);
// - the Diagnose box: the full module and diagnose-view.mjs, when a text
//   first needs them (app.mjs).
// With either module come the findings' words when the page is not in
// English (web/lib/words.mjs loadCodes): the first screen shows none.
// A failed load says why and is tried again the next time.
import { setupTabs } from './tabs.mjs';
import { embeddedWasm } from './embedded.mjs';
import { t, words } from './lang.mjs';

// Each load once; a failed one is forgotten, so that the next call tries again.
const once = (make) => {
  let p = null;
  return () => {
    p ??= make().catch((e) => {
      p = null;
      throw e;
    });
    return p;
  };
};
const library = () => import('../lib/oojwt.mjs');

/**
 * The full toolkit (oojwt-full.wasm: kit.diagnose, kit.onlyoffice, kit.inspectCertificate
 * and the JWT functions), loaded once. The served page fetches the module next to oojwt.mjs;
 * dist/oojwt.html has its bytes in a data block.
 */
let fullLoaded = false;
export const loadFull = once(async () => {
  const [{ loadToolkit }] = await Promise.all([library(), words.loadCodes()]);
  const kit = await loadToolkit({ wasm: await embeddedWasm('oojwt-full-wasm') });
  fullLoaded = true;
  return kit;
});

// The JWT core alone (oojwt.wasm, a third of the full module), for the
// inspector when nothing has loaded the full module yet.
const loadCore = once(async () => {
  const [{ loadToolkit }] = await Promise.all([library(), words.loadCodes()]);
  return loadToolkit({ onlyoffice: false, wasm: await embeddedWasm('oojwt-wasm') });
});

const loadPanels = once(() => Promise.all([loadFull(), import('./panels.mjs')]));

// A mode's panel while it loads (aria-busy, a status line), once it has
// loaded, or when it failed (an alert that says why).
// panel.dataset.load: "loading", "ready" or "failed". `keep`: the panel's
// own markup stays (the inspector's); else the line replaces its content.
function state(panel, load, message, keep = false) {
  panel.dataset.load = load;
  panel.setAttribute('aria-busy', String(load === 'loading'));
  panel.querySelector(':scope > .mode-line')?.remove();
  if (load === 'ready') return;
  const p = document.createElement('p');
  p.className = `mode-line mode-${load}`;
  p.setAttribute('role', load === 'failed' ? 'alert' : 'status');
  p.textContent = message;
  if (keep) panel.prepend(p);
  else panel.replaceChildren(p);
}

const OPEN = {
  'tab-jwt': async (panel) => {
    // The core module's reports carry no params (src/core/result.c
    // oojwt_issue_fmt under OOJWT_CORE_MODULE): a page in another language
    // than English takes the full module, whose findings it can word.
    const full = fullLoaded || words.lang !== 'en';
    const [kit, { setupInspector }] = await Promise.all([full ? loadFull() : loadCore(), import('./inspector.mjs')]);
    await setupInspector(kit, loadFull);
  },
  'tab-ds': async (panel, id) => {
    const [kit, modes] = await loadPanels();
    panel.replaceChildren();
    modes.fillMode(kit, id, panel);
  },
};
OPEN['tab-deploy'] = OPEN['tab-ds'];

const opened = new Map();
let tabs = null;

/** Fill the panel of mode tab `id` if it is not yet (without selecting it); resolves once it is ready. */
export function ready(id) {
  if (!OPEN[id]) return Promise.resolve();
  if (!opened.has(id)) {
    const panel = document.getElementById(document.getElementById(id).getAttribute('aria-controls'));
    const jwt = id === 'tab-jwt';
    state(panel, 'loading', jwt ? t('Loading the JWT inspector…') : t('Loading the Document Server checks…'), jwt);
    const p = OPEN[id](panel, id).then(() => state(panel, 'ready'), (e) => {
      opened.delete(id);
      const error = e?.message ?? e;
      state(panel, 'failed', jwt
        ? t('The JWT inspector could not be loaded ({error}). Select the tab again to retry; the other tabs keep working.', { error })
        : t('The Document Server checks could not be loaded ({error}). Select the tab again to retry; the other tabs keep working.', { error }), jwt);
      throw e;
    });
    opened.set(id, p);
  }
  return opened.get(id);
}

/** Select mode tab `id` (and focus it with `focus`); resolves once its panel is ready. */
export function showTab(id, { focus = false } = {}) {
  tabs.select(id, { focus });
  return ready(id);
}

/**
 * Put `values` ({ element id: text }) into a ready panel's inputs, as if
 * typed (an input event each, so that the panel judges them).
 */
export function fillInputs(values) {
  for (const [id, value] of Object.entries(values)) {
    const box = document.getElementById(id);
    if (box === null || value === undefined) continue;
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** Wire the mode tabs. */
export function setupModes() {
  tabs = setupTabs(document.querySelector('[role="tablist"]'), {
    onShow(id) {
      ready(id).catch(() => {});
    },
  });
  return tabs;
}
