// The page for people: axe-core finds no accessibility violation (light and
// dark, in the states a user sees), the keyboard reaches and drives every
// control, and nothing breaks at 360 px or with a 100 KB token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serveWeb, launch, openPage, openMode, openInspector, distUrl, haveDist } from './harness.mjs';
import { token, SECRET } from '../helpers/common.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;

before(async () => {
  server = await serveWeb();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const nowS = () => Math.floor(Date.now() / 1000);

/** Run axe in the page (injected by the test, not by the page). */
async function axe(page) {
  // evaluate() runs through the DevTools protocol, so the page's CSP (which
  // forbids inline scripts) stays in force for the page itself.
  await page.evaluate(axeSource);
  const r = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

// The Diagnose box (the first screen): empty, a journey's verdict with its
// findings and buttons in three boxes and two secrets, text it does not
// recognise; then the JWT inspector's states.
const vectors = JSON.parse(readFileSync(new URL('../vectors/diagnose.json', import.meta.url), 'utf8'));
const journey = (name) => vectors.tests.find((t) => t.name.startsWith(name)).items;
const DIAG_SCENES = {
  'Diagnose, empty': async () => {},
  'Diagnose, a verdict': async (page) => {
    const [error, local, request] = journey('journey: Nextcloud');
    await page.getByLabel('Paste anything').fill(error);
    await page.locator('#diag-kind-1[data-kind]').waitFor();
    await page.getByRole('button', { name: 'Add another text' }).click();
    await page.getByLabel('Text 2', { exact: true }).fill(local);
    await page.locator('#diag-kind-2[data-kind]').waitFor();
    await page.getByRole('button', { name: 'Add another text' }).click();
    await page.getByLabel('Text 3', { exact: true }).fill(request);
    await page.getByLabel('Secret (optional)').fill(SECRET);
    await page.getByRole('button', { name: 'Add a second secret' }).click();
    await page.getByLabel('Second secret').fill(`${SECRET} `);
    await page.locator('#diag-verdict[data-code="diag_secret_variant"]').waitFor();
    await page.locator('#diag-more li').first().waitFor();
  },
  'Diagnose, not recognised': async (page) => {
    await page.getByLabel('Text 3', { exact: true }).fill('hello world');
    await page.locator('#diag-kind-3[data-kind="unknown"]').waitFor();
  },
};

const SCENES = {
  empty: async (page) => {
    await openInspector(page);
  },
  invalid: async (page) => {
    await page.getByLabel('Token').fill(`Authorization: Bearer ${token({ document: { key: 'a' }, exp: nowS() - 600 })}`);
    await page.getByLabel('Secret', { exact: true }).fill('wrong');
    await page.locator('[role="status"][data-verdict="invalid"]').waitFor();
  },
  valid: async (page) => {
    await page.getByLabel('Token').fill(token({ document: { key: 'b' } }));
    await page.getByLabel('Secret', { exact: true }).fill(SECRET);
    await page.locator('[role="status"][data-verdict="valid"]').waitFor();
  },
  malformed: async (page) => {
    const t = token({ a: 1 });
    await page.getByLabel('Token').fill(`${t.slice(0, 30)}*${t.slice(31)}`);
    await page.getByLabel('Secret', { exact: true }).fill('');
    await page.locator('[role="status"][data-verdict="unverified"][data-codes^="bad_base64"]').waitFor();
  },
  'secret forensics': async (page) => {
    await page.getByLabel('Token').fill(token({ document: { key: 'c' } }));
    await page.getByLabel('Secret', { exact: true }).fill(` ${SECRET} `);
    await page.locator('[role="status"][data-variant="trimmed"]').waitFor();
  },
  'builder asking, server code open': async (page) => {
    await page.getByLabel('Payload (JSON)').fill('{"mine": 1}');
    await page.getByLabel('Token').fill(token({ theirs: 2 }));
    await page.locator('#build-ask:not([hidden])').waitFor();
    await page.getByText('The same token from server-side code').click();
    await page.locator('#code-text[data-ready="true"]').waitFor();
  },
  'builder with a JSON error': async (page) => {
    await page.getByLabel('Payload (JSON)').fill('{"mine": ');
    await page.locator('#build-status.bad').waitFor();
  },
};

for (const [where, url] of [['served', () => server.base], ['file://', () => distUrl]]) {
  for (const scheme of ['light', 'dark']) {
    test(`${where}, ${scheme}: axe-core finds no violation in any state`, async () => {
      assert.ok(where !== 'file://' || haveDist(), 'dist/oojwt.html is missing: run `make dist`');
      const { page, context, log } = await openPage(browser, url(), { colorScheme: scheme });
      try {
        for (const [name, scene] of Object.entries({ ...DIAG_SCENES, ...SCENES })) {
          await scene(page);
          assert.deepEqual(await axe(page), [], `axe, ${name}`);
        }
        // The check can fail: an unlabelled control is reported.
        await page.evaluate(() => document.querySelector('main').append(document.createElement('select')));
        assert.ok((await axe(page)).some((v) => v.startsWith('select-name')), 'axe reports an unlabelled select');
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    });
  }
}

// The Document Server and Deployment modes, in the states a user sees:
// a failing config with its findings and secret forensics, a server config
// in use with a secret revealed, connector settings compared with it, and
// the deployment panels.
const MODE_SCENES = {
  'Document Server': async (page) => {
    const ds = page.locator('#panel-ds');
    const signed = { document: { fileType: 'docx', key: 'a11y', url: 'https://example.com/a.docx' }, documentType: 'word' };
    signed.token = token(signed, { secret: `${SECRET}\n` });
    await ds.getByLabel('Config passed to DocsAPI.DocEditor').fill(JSON.stringify(signed, null, 2));
    await ds.getByLabel('Inbox secret').fill(SECRET);
    await page.locator('#ds-config-forensics:not([hidden])').waitFor();
    await ds.getByLabel('local.json, or Docker env / compose lines').fill(`JWT_ENABLED=true\nJWT_SECRET="${SECRET} x"\n`);
    await ds.getByRole('button', { name: 'Use this server config' }).click();
    await ds.getByRole('button', { name: 'Reveal the inbox secret' }).click();
    await page.locator('#ds-config [data-using]:not([hidden])').waitFor();
    // Connector settings compared with it: different secrets, one revealed with its marker.
    await ds.getByLabel('What the connector shows').fill(`'onlyoffice' => ['jwt_secret' => '${SECRET}\u200b', 'jwt_leeway' => 0]`);
    await page.locator('#ds-connector-verdict[data-state="bad"]').waitFor();
    await ds.getByRole('button', { name: 'Reveal the connector\'s secret' }).click();
  },
  Deployment: async () => {},
};

for (const [where, url] of [['served', () => server.base], ['file://', () => distUrl]]) {
  for (const scheme of ['light', 'dark']) {
    test(`${where}, ${scheme}: axe-core finds no violation in the Document Server and Deployment modes`, async () => {
      assert.ok(where !== 'file://' || haveDist(), 'dist/oojwt.html is missing: run `make dist`');
      const { page, context, log } = await openPage(browser, url(), { colorScheme: scheme });
      try {
        for (const [tab, scene] of Object.entries(MODE_SCENES)) {
          await openMode(page, tab);
          assert.deepEqual(await axe(page), [], `axe, ${tab}, empty`);
          await scene(page);
          assert.deepEqual(await axe(page), [], `axe, ${tab}, filled`);
        }
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    });
  }
}

test('light and dark follow prefers-color-scheme', async () => {
  const colours = {};
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await openPage(browser, server.base, { colorScheme: scheme });
    colours[scheme] = await page.evaluate(() => {
      const lum = (c) => {
        const [r, g, b] = c.match(/\d+/g).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return { bg: lum(getComputedStyle(document.body).backgroundColor), fg: lum(getComputedStyle(document.body).color) };
    });
    await context.close();
  }
  assert.ok(colours.light.bg > 200 && colours.light.fg < 80, JSON.stringify(colours.light));
  assert.ok(colours.dark.bg < 60 && colours.dark.fg > 200, JSON.stringify(colours.dark));
});

test('keyboard alone: Tab reaches every control of the JWT inspector in order, typing and Space drive them', async () => {
  const { page, context, log } = await openPage(browser, server.base);
  try {
    await openInspector(page);
    const order = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
      if (id === order.at(-1)) continue; // the date-time input has a stop per field
      if (id === order[0] || id === 'BODY') break;
      order.push(id);
    }
    const want = ['token', 'secret', 'secret-format', 'clock-now', 'clock-at', 'tolerance', 'segments', 'header', 'payload',
      'payload-edit', 'alg', 'expiry', 'add-iat', 'reset-template', 'copy-token', 'built-token', 'copy-config', 'built-config'];
    const seen = order.filter((id) => want.includes(id));
    assert.deepEqual(seen, want, `focus order: ${order.join(' ')}`);
    // Drive the page by keyboard: focus the token box, type, tab to the secret, type.
    await page.getByLabel('Token').focus();
    await page.keyboard.insertText(token({ document: { key: 'kbd' } }));
    await page.keyboard.press('Tab');
    await page.keyboard.type(SECRET);
    await page.locator('[role="status"][data-verdict="valid"]').waitFor();
    // Radio buttons by arrow keys; the checkbox by Space.
    await page.getByLabel('now').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByLabel('a chosen time').isChecked(), true);
    const iat = page.getByLabel('add iat');
    const was = await iat.isChecked();
    await iat.focus();
    await page.keyboard.press('Space');
    assert.equal(await iat.isChecked(), !was);
    // A visible focus indicator.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

for (const width of [360, 1280]) {
  test(`${width} px wide with a 100 KB token: no horizontal overflow, the token wraps`, async () => {
    const { page, context, log } = await openPage(browser, distUrl, { viewport: { width, height: 800 } });
    try {
      const big = token({ document: { key: 'big', blob: 'x'.repeat(76000) }, exp: nowS() + 3600 });
      assert.ok(big.length > 100000, `${big.length}`);
      const overflow = () => page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')].filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && (r.right > w + 1 || r.left < -1) && !e.closest('.visually-hidden');
        }).map((e) => `${e.tagName}#${e.id}.${e.className}`);
        return { scroll: document.documentElement.scrollWidth, width: w, wide: wide.slice(0, 5) };
      });
      let o = await overflow();
      assert.ok(o.scroll <= o.width, `empty page: ${JSON.stringify(o)}`);
      // The Diagnose box with the token in it.
      await page.getByLabel('Paste anything').fill(big);
      await page.locator('#diag-kind-1[data-kind="token"]').waitFor();
      o = await overflow();
      assert.ok(o.scroll <= o.width, `the Diagnose box with a 100 KB token: ${JSON.stringify(o)}`);
      assert.deepEqual(o.wide, []);
      await openInspector(page);
      const started = Date.now();
      await page.getByLabel('Token').fill(big);
      await page.getByLabel('Secret', { exact: true }).fill(SECRET);
      await page.locator('[role="status"][data-verdict="valid"]').waitFor();
      const ms = Date.now() - started;
      o = await overflow();
      assert.ok(o.scroll <= o.width, `with a 100 KB token: ${JSON.stringify(o)}`);
      assert.deepEqual(o.wide, []);
      assert.equal(await page.locator('#segments').textContent(), big);
      // The builder signed nothing over the pasted token, and the page stays responsive.
      assert.equal(await page.getByLabel('Token').inputValue(), big);
      assert.ok(ms < 15000, `${ms} ms`);
      // The same token as an editor config in the Document Server mode, and the Deployment mode.
      await openMode(page, 'Document Server');
      await page.locator('#panel-ds').getByLabel('Config passed to DocsAPI.DocEditor').fill(big);
      await page.locator('#panel-ds').getByLabel('Inbox secret').fill(SECRET);
      await page.locator('#ds-config-verdict:not([data-state="empty"])').waitFor();
      o = await overflow();
      assert.ok(o.scroll <= o.width, `Document Server mode: ${JSON.stringify(o)}`);
      assert.deepEqual(o.wide, []);
      await openMode(page, 'Deployment');
      o = await overflow();
      assert.ok(o.scroll <= o.width, `Deployment mode: ${JSON.stringify(o)}`);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
}
