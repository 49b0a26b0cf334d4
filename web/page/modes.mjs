// The page's modes: the JWT inspector (app.mjs, shown first), the Document
// Server mode (editor config, server config, request or callback) and the
// Deployment mode (download links, nginx, certificates). The page starts
// with the inspector and the JWT core alone; the first time a Document
// Server or Deployment tab is shown, its panel says it is loading while
// the full wasm module (kit.loadOnlyoffice) and the panels' modules
// (panels.mjs and what it imports) load, then the panel is filled.
import { setupTabs } from './tabs.mjs';
import { embeddedWasm } from './embedded.mjs';

const LOADING = 'Loading the Document Server checks…';

// Both modes wait for the same load; a failed one is tried again the next
// time a mode's tab is selected.
let loading = null;
let full = null;

/** The full wasm module (kit.onlyoffice), loaded once: the modes and the JWT inspector's secret forensics need it. */
export function loadFull(kit) {
  // A failed load is tried again on the next call.
  full ??= Promise.resolve(embeddedWasm('oojwt-full-wasm')).then((wasm) => kit.loadOnlyoffice({ wasm })).catch((e) => {
    full = null;
    throw e;
  });
  return full;
}

function loadModes(kit) {
  loading ??= Promise.all([
    loadFull(kit),
    import('./panels.mjs'),
  ]).then(([, modes]) => modes, (e) => {
    loading = null;
    throw e;
  });
  return loading;
}

// A mode's panel while it loads (aria-busy, a status line), once it has
// loaded (filled by panels.mjs), or when it failed (an alert that says
// why). panel.dataset.load: "loading", "ready" or "failed".
function state(panel, load, message) {
  panel.dataset.load = load;
  panel.setAttribute('aria-busy', String(load === 'loading'));
  if (load === 'ready') return;
  const p = document.createElement('p');
  p.className = `mode-${load}`;
  p.setAttribute('role', load === 'failed' ? 'alert' : 'status');
  p.textContent = message;
  panel.replaceChildren(p);
}

async function openMode(kit, id, panel) {
  state(panel, 'loading', LOADING);
  try {
    const modes = await loadModes(kit);
    panel.replaceChildren();
    modes.fillMode(kit, id, panel);
    state(panel, 'ready');
  } catch (e) {
    state(panel, 'failed', `The Document Server checks could not be loaded (${e?.message ?? e}). `
      + 'Select the tab again to retry; the JWT inspector keeps working.');
    throw e;
  }
}

/** Wire the mode tabs; `kit` is the loaded toolkit (the JWT core is enough). */
export function setupModes(kit) {
  const opened = new Set();
  return setupTabs(document.querySelector('[role="tablist"]'), {
    onShow(id) {
      if (id === 'tab-jwt' || opened.has(id)) return;
      opened.add(id);
      const panel = document.getElementById(document.getElementById(id).getAttribute('aria-controls'));
      openMode(kit, id, panel).catch(() => opened.delete(id));
    },
  });
}
