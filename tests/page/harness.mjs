// Shared by the browser tests of the page (tests/page/*.test.mjs) and by
// tools/screenshots.mjs: a static server for the page, Debian's Chromium through
// playwright-core, and a recorder of requests and console errors.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const webDir = fileURLToPath(new URL('../../web/', import.meta.url));
// The page as `make serve` serves it: web/page/ and the web/lib/ files it
// uses, in one folder, bundled and minified by esbuild (tools/build-site.mjs,
// run by `make`).
export const siteDir = fileURLToPath(new URL('../../dist/site/', import.meta.url));
export const distFile = fileURLToPath(new URL('../../dist/oojwt.html', import.meta.url));
export const distUrl = pathToFileURL(distFile).href;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/**
 * Serve a folder on 127.0.0.1 (a random port): the page as `make serve`
 * serves it (dist/site/), or web/ itself (web/lib/, the package's files,
 * and web/examples/, the <oojwt-inspector> example). Resolves to { base, close }.
 */
export async function serveWeb(root = siteDir) {
  const server = createServer(async (req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    try {
      if (!file.startsWith(root)) throw new Error('outside the folder served');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => server.close(r)),
  };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions'],
  });
}

/**
 * For a test file: serve the page (dist/site/) and launch Chromium before its tests, close
 * both after them; the returned object holds { server, browser } once the
 * tests run.
 */
export function browserSession() {
  const session = {};
  before(async () => {
    session.server = await serveWeb();
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/**
 * A new page that records every request and every console error, uncaught
 * exception and CSP violation. `allowed(url)` says which requests are the
 * page's own files.
 */
export async function openPage(browser, url, { colorScheme = 'light', viewport = { width: 1280, height: 900 }, ...more } = {}) {
  const context = await browser.newContext({ colorScheme, viewport, ...more });
  const page = await context.newPage();
  const log = { requests: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  // The page's module has run once the Diagnose box's verdict region has a state.
  await page.locator('#diag-verdict[data-state]').waitFor();
  return { page, context, log };
}

/**
 * Select the JWT inspector's tab (the page opens on the Diagnose box) and
 * wait until the inspector answers: its code and wasm module have loaded
 * (web/page/modes.mjs: data-load="ready") and its verdict region has left
 * "Loading…"; resolves to the panel's locator.
 */
export async function openInspector(page) {
  await page.locator('#tab-jwt').click();
  const panel = page.locator('#panel-jwt[data-load="ready"]');
  await panel.waitFor();
  await page.locator('#verdict[data-verdict]:not(:has-text("Loading"))').waitFor();
  return panel;
}

/**
 * Select the mode tab named `name` ('Document Server', 'Deployment') with a
 * click and wait until its panel has loaded what it needs (web/page/modes.mjs:
 * data-load="ready"); resolves to the panel's locator.
 */
export async function openMode(page, name) {
  // By id ('tab-ds', 'tab-deploy') in any language, or by its English name.
  const tab = name.startsWith('tab-') ? page.locator(`#${name}`) : page.getByRole('tab', { name });
  await tab.click();
  const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
  await panel.and(page.locator('[data-load="ready"]')).waitFor();
  return panel;
}

export const haveDist = () => existsSync(distFile);

// Words that stay as they are in any language: product and format names,
// protocol and algorithm names (a text of the page that is only these, with
// digits and punctuation, is not "English left").
export const KEEP_WORDS = new Set([
  'oojwt', 'ONLYOFFICE', 'Docs', 'Document', 'Server', 'DocumentServer', 'Nextcloud', 'ownCloud', 'Moodle', 'Confluence',
  'Jira', 'Mattermost', 'Docker', 'docker', 'compose', 'nginx', 'JWT', 'JWS', 'JWE', 'JWK', 'JSON', 'HMAC', 'RSA', 'ECDSA',
  'EdDSA', 'HTTPS', 'HTTP', 'URL', 'URLs', 'TLS', 'SSL', 'DER', 'PEM', 'UTC', 'GMT', 'Base64', 'base64url', 'base64',
  'SHA', 'PKCS', 'OpenSSL', 'openssl', 'IP', 'DNS', 'API', 'CLI', 'GitHub', 'WebAssembly', 'Chromium', 'Markdown',
  'English', 'UTF', 'ASCII', 'CSP', 'PHP', 'Node', 'npm', 'local', 'json', 'conf', 'php', 'ini', 'env',
  // header and scheme names, JSON literals, and products and libraries the sentences name
  'Authorization', 'Bearer', 'true', 'false', 'null', 'Debian', 'Ubuntu', 'Let', 'Encrypt', 'jsonwebtoken', 'curl',
  // host names and commands a sentence names (openssl req, occ)
  'localhost', 'req', 'occ', 'sudo', 'cat', 'date', 'onlyoffice', 'Ctrl',
  // JWT's registered header and claim names
  'alg', 'typ', 'kid', 'exp', 'iat', 'nbf', 'iss', 'aud', 'sub', 'jti',
  // the connectors (src/ds/connectors.c) and the languages of ONLYOFFICE's examples, products all
  'HumHub', 'Chamilo', 'Alfresco', 'Liferay', 'Nuxeo', 'Redmine', 'Strapi', 'Plone', 'Java', 'Python', 'Ruby',
]);

/**
 * The English left on a page shown in another language: each visible text
 * (in the document and open shadow roots; `root` narrows it to a selector)
 * with an ASCII word of three or more letters that is not in KEEP_WORDS
 * (or `keep`), outside code (code, pre, kbd, samp, textarea, input,
 * [translate="no"]), URLs, paths, file names, JSON keys and quoted tokens
 * ("…", “…”, «…», '…'), and outside names written as code in a sentence:
 * dotted (secret.inbox, JSON.stringify), hyphenated
 * (without-trailing-newline) or colon-joined (occ's security:certificates:import),
 * options (-extfile), calls (f(...)) and folders (certs/).
 * Resolves to a list of { text, words }.
 */
export async function englishLeft(page, root = 'body', { keep = [] } = {}) {
  const texts = await page.evaluate((root) => {
    const SKIP = 'code, pre, kbd, samp, textarea, input, select option[value=""] ~ *, [translate="no"], script, style, template';
    const out = [];
    const visible = (el) => {
      for (let e = el; e; e = e.parentElement ?? e.getRootNode()?.host) {
        if (e.hidden || e.closest?.('[hidden], [aria-hidden="true"]')) return false;
        const cs = getComputedStyle(e);
        if (cs.display === 'none' || cs.visibility === 'hidden') return false;
        if (e.parentElement === null && e.getRootNode() === document) break;
      }
      return true;
    };
    const scan = (node) => {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n = walker.currentNode; n; n = walker.nextNode()) {
        if (n.nodeType === 1) {
          if (n.shadowRoot) scan(n.shadowRoot);
          continue;
        }
        const el = n.parentElement;
        if (el !== null && !el.closest(SKIP) && visible(el)) out.push(n.data);
      }
    };
    for (const r of document.querySelectorAll(root)) scan(r);
    return out;
  }, root);
  const out = [];
  for (const text of texts) {
    const words = englishWords(text, keep);
    if (words.length > 0) out.push({ text: text.trim().slice(0, 200), words });
  }
  return out;
}

/**
 * The English words of `text` as englishLeft counts them: ASCII words of
 * three or more letters outside KEEP_WORDS and `keep`, URLs, quoted
 * tokens, paths and file names, and names written as code in a sentence.
 */
export function englishWords(text, keep = []) {
  const rest = text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ') // URLs
    .replace(/<[\w-]+>/g, ' ') // placeholders in a command (<container>)
    .replace(/"[^"]*"|“[^”]*”|«[^»]*»|「[^」]*」|(?<!\w)'[^'\s][^']*'(?!\w)/g, ' ') // quoted tokens and product texts
    .replace(/(?:[\w.-]*\/[\w./*-]+)|(?:\b[\w-]+\.(?:json|conf|php|ini|crt|key|pem|log|yml|yaml|js|mjs|html|docx|xlsx|pptx)\b)/g, ' ') // paths, files
    .replace(/\b[a-z]+(?:[A-Z][a-z0-9]*)+\b|\b\w+_\w+\b|\b[A-Z]{2,}\d*\b|\b\w*\d\w*\b/g, ' ') // identifiers, acronyms
    .replace(/\$?\b\w+(?:[.:=-]\w+)+\b|\$\w+|(?<![\w-])--?\w+|\b\w+(?=\()|\b\w+\/(?!\w)/g, ' '); // dotted, hyphenated, options, calls, folders, variables
  const more = new Set(keep);
  return (rest.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !KEEP_WORDS.has(w) && !more.has(w));
}
