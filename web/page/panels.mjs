// The Document Server and Deployment modes' panels, imported by modes.mjs the
// first time one of them is shown (after the full wasm module has loaded):
// a mode's panel is filled with its markup (markup.mjs) and wired to
// kit.onlyoffice / kit.inspectCertificate.
import { serverState, setupServerPanel } from './ds-server.mjs';
import { setupConfigPanel } from './ds-config.mjs';
import { setupRequestPanel } from './ds-request.mjs';
import { setupConnectorPanel } from './ds-connector.mjs';
import { setupDeployment } from './deployment.mjs';
import { DS_MODE, DEPLOY_MODE, MODES_CSS } from './markup.mjs';
import { words } from './lang.mjs';

// The panels' styles, after the page's.
const sheet = new CSSStyleSheet();
sheet.replaceSync(MODES_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

// The output column every panel shares, from its data-parts: the verdict
// (a polite status region), the secret forensics, facts, and the findings;
// each gets the id `${section id}-${part}`.
const PART = {
  verdict: (e) => {
    e.className = 'ds-verdict';
    e.setAttribute('role', 'status');
    e.setAttribute('aria-live', 'polite');
    e.dataset.state = 'empty';
  },
  forensics: (e) => {
    e.className = 'forensics';
    e.hidden = true;
  },
  findings: (e) => {
    e.className = 'findings';
  },
};

function fill(markup, panel) {
  const template = document.createElement('template');
  template.innerHTML = markup;
  // The static text in the page's language (web/lib/words.mjs tree()).
  words.tree(template.content);
  panel.append(template.content);
  for (const out of panel.querySelectorAll('.ds-out[data-parts]')) {
    const section = out.closest('section').id;
    out.prepend(...out.dataset.parts.split(' ').map((part) => {
      const e = document.createElement('div');
      e.id = `${section}-${part}`;
      (PART[part] ?? ((x) => { x.className = 'settings'; }))(e);
      return e;
    }));
  }
  return panel;
}

// The server config in use (memory only): set in the Document Server mode,
// read by its config, request and connector settings panels and by the Deployment mode's nginx
// panel (storage.fs.secretString against $secure_link_secret).
const server = serverState();

const MODES = {
  'tab-ds': (kit, panel) => {
    const root = fill(DS_MODE, panel);
    setupConfigPanel(kit, root.querySelector('#ds-config'), server);
    setupRequestPanel(kit, root.querySelector('#ds-request'), server);
    setupConnectorPanel(kit, root.querySelector('#ds-connector'), server);
    setupServerPanel(kit, root.querySelector('#ds-server'), server);
  },
  'tab-deploy': (kit, panel) => setupDeployment(kit, fill(DEPLOY_MODE, panel), server),
};

/** Fill and wire the panel of mode tab `id` ('tab-ds' or 'tab-deploy'). */
export function fillMode(kit, id, panel) {
  MODES[id](kit, panel);
}
