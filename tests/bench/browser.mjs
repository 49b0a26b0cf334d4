// In headless Chromium (Debian's, through playwright-core):
// - how soon the page is usable: from navigation start to the moment the
//   Diagnose box's verdict region has a state (the page's module has run and
//   takes texts), for the served page and for dist/oojwt.html; recorded in the
//   page by a MutationObserver that an init script installs (polling from
//   Playwright would add its own script injection, 20-50 ms here, to every
//   run). Each page is measured in a new browser context (a new renderer
//   process, as for a first visit) and reloaded in an open tab;
// - HS256 verify of the same token by oojwt (wasm) and by WebCrypto's
//   HMAC (crypto.subtle.verify plus the base64url and JSON.parse a JWT
//   library needs), interleaved, medians;
// - typing into a box holding a large token (typingBench): the Diagnose
//   box (the checks loaded and the token diagnosed first) and the JWT
//   inspector's Token box; from a key's keydown to the frame after its input
//   event has been handled (requestAnimationFrame, then a task), for the
//   page's box and for a bare textarea holding the same text in the same
//   page, keystrokes interleaved, medians and their ratio. Keys come 250 ms
//   apart, so that work the page defers until typing pauses lands inside
//   the next key's time when it is slow.
import { existsSync } from 'node:fs';
import { distUrl, distFile, launch, serveWeb, webDir } from '../page/harness.mjs';

function recordUsable() {
  const check = () => {
    if (window.__oojwtUsable === undefined && document.querySelector('#diag-verdict[data-state]') !== null) {
      window.__oojwtUsable = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

async function usableIn(page, url) {
  await page.goto(url);
  const handle = await page.waitForFunction(() => window.__oojwtUsable, null, { polling: 20, timeout: 10000 });
  return handle.jsonValue();
}

async function usableAt(browser, url) {
  const context = await browser.newContext();
  await context.addInitScript(recordUsable);
  const ms = await usableIn(await context.newPage(), url);
  await context.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function browserBench(token, secret, { runs = 7 } = {}) {
  const server = await serveWeb();
  // The verify timing imports the library's module, which the served page
  // bundles into its chunks: from web/, on the source page.
  const source = await serveWeb(webDir);
  const browser = await launch();
  try {
    const load = {};
    const targets = [['served page', `${server.base}index.html`]];
    if (existsSync(distFile)) targets.push(['dist/oojwt.html (file://)', distUrl]);
    for (const [name, url] of targets) {
      await usableAt(browser, url); // warm the browser's caches once
      const xs = [];
      for (let i = 0; i < runs; i++) xs.push(await usableAt(browser, url));
      load[`${name}, new context`] = { median: median(xs), max: Math.max(...xs) };
      const tab = await browser.newContext();
      await tab.addInitScript(recordUsable);
      const page = await tab.newPage();
      const ys = [];
      for (let i = 0; i <= runs; i++) {
        await page.goto('about:blank');
        const ms = await usableIn(page, url);
        if (i > 0) ys.push(ms);
      }
      load[`${name}, open tab`] = { median: median(ys), max: Math.max(...ys) };
      await tab.close();
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${source.base}page/index.html`);
    const verify = await page.evaluate(async ({ token, secret }) => {
      const { loadToolkit } = await import('../lib/oojwt.mjs');
      const kit = await loadToolkit();
      const enc = new TextEncoder();
      const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
      const b64 = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
      const d1 = token.indexOf('.');
      const d2 = token.lastIndexOf('.');
      const webcrypto = async () => {
        const ok = await crypto.subtle.verify('HMAC', key, b64(token.slice(d2 + 1)), enc.encode(token.slice(0, d2)));
        if (!ok) throw new Error('webcrypto: bad');
        return JSON.parse(new TextDecoder().decode(b64(token.slice(d1 + 1, d2))));
      };
      const oojwt = async () => {
        if (!kit.verify(token, secret, { algorithms: ['HS256'] }).valid) throw new Error('oojwt: bad');
      };
      const batch = async (fn, n) => {
        const t0 = performance.now();
        for (let i = 0; i < n; i++) await fn();
        return ((performance.now() - t0) * 1000) / n;
      };
      const s = { oojwt: [], webcrypto: [] };
      await batch(oojwt, 200);
      await batch(webcrypto, 200);
      for (let r = 0; r < 15; r++) {
        const order = r % 2 ? ['oojwt', 'webcrypto'] : ['webcrypto', 'oojwt'];
        for (const k of order) s[k].push(await batch(k === 'oojwt' ? oojwt : webcrypto, 300));
      }
      const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
      return { oojwt: med(s.oojwt), webcrypto: med(s.webcrypto) };
    }, { token, secret });
    await context.close();
    return { load, verify };
  } finally {
    await browser.close();
    await server.close();
    await source.close();
  }
}

// In the page: time each keystroke into `box` (keydown to the frame after
// its input event), into window.__keys[name].
function armKeys([selector, name]) {
  const box = document.querySelector(selector);
  window.__keys ??= {};
  window.__keys[name] = [];
  box.addEventListener('keydown', () => {
    const t0 = performance.now();
    requestAnimationFrame(() => setTimeout(() => window.__keys[name].push(performance.now() - t0), 0));
  }, { capture: true });
}

// The boxes typingBench types in: how to show each, and when it is ready.
const BOXES = {
  diagnose: {
    id: 'diag-text-1',
    async show(page) {
      await page.locator('#diag-verdict[data-state]').waitFor();
    },
    ready: '#diag-kind-1[data-kind="token"]',
  },
  token: {
    id: 'token',
    async show(page) {
      await page.locator('#diag-verdict[data-state]').waitFor();
      await page.getByRole('tab', { name: 'JWT inspector' }).click();
      await page.locator('#panel-jwt[data-load="ready"]').waitFor();
    },
    ready: '#verdict[data-verdict="unverified"]',
  },
};

/**
 * Keystrokes into the page's box `box` ('diagnose' or 'token') holding
 * `token` (typed at its end, then erased) against a bare textarea with the
 * same text, on the served page: { page, bare, ratio } medians in ms.
 */
export async function typingBench(token, { keys = 12, box: which = 'token' } = {}) {
  const target = BOXES[which];
  const server = await serveWeb();
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.base}index.html`);
    await target.show(page);
    await page.evaluate(([id, text]) => {
      // The same size and place as the page's box.
      const box = document.getElementById(id);
      const bare = document.createElement('textarea');
      bare.id = 'bare';
      bare.className = box.className;
      bare.rows = box.rows;
      bare.style.width = `${box.offsetWidth}px`;
      bare.value = text;
      box.after(bare);
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, [target.id, token]);
    await page.locator(target.ready).waitFor({ timeout: 15000 });
    await page.waitForTimeout(1000);
    await page.evaluate(armKeys, [`#${target.id}`, 'page']);
    await page.evaluate(armKeys, ['#bare', 'bare']);
    for (let i = 0; i < keys; i++) {
      for (const id of i % 2 ? ['#bare', `#${target.id}`] : [`#${target.id}`, '#bare']) {
        await page.evaluate((sel) => {
          const box = document.querySelector(sel);
          box.focus();
          box.setSelectionRange(box.value.length, box.value.length);
        }, id);
        await page.keyboard.press(i % 4 < 2 ? 'x' : 'Backspace');
        await page.waitForTimeout(250);
      }
    }
    const times = await page.evaluate(() => window.__keys);
    await context.close();
    const pageMs = median(times.page);
    const bareMs = median(times.bare);
    return { page: pageMs, bare: bareMs, max: Math.max(...times.page), ratio: pageMs / bareMs, length: token.length };
  } finally {
    await browser.close();
    await server.close();
  }
}
