// The page in the reader's language, in Chromium, on the served page
// (dist/site/) and on dist/oojwt.html: a browser whose language is Chinese
// (navigator.languages zh-CN) opens the page in Chinese, ?lang=en overrides
// it, and the header's language links switch with nothing but ?lang=
// (web/page/lang.mjs). Every journey of tests/vectors/diagnose.json, at the
// vectors' `now`, leaves no English in the Diagnose panel outside code,
// URLs, paths and quoted product texts (harness englishLeft; KEEP_WORDS
// holds product and format names only) and asks the catalog
// (web/lib/locales/ui/zh-CN.json) for no text it lacks; the symptom list
// shows the products' own Chinese texts (kit.symptoms), and times and
// durations read as Chinese does (web/lib/time.mjs). And <oojwt-inspector>
// on its example page (web/examples/inspector.html, strict CSP): with
// lang="zh-CN" its shadow root reads in Chinese (labels, the verdict line,
// the claims' relative times) and asks its catalog for no text it lacks;
// without lang it follows the host page's <html lang>; the lang property
// switches it; English reads as it always did.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { browserSession, serveWeb, webDir, distUrl, haveDist, englishLeft } from './harness.mjs';
import { token, SECRET, NOW } from '../helpers/common.mjs';

// Code the catalogs' Chinese sentences name as it is, without markup: nginx directives,
// commands and their subcommands, services, folders, config members and claims.
const CODE_WORDS = ['listen', 'ssl', 'server', 'location', 'include', 'docservice', 'converter', 'exec', 'run', 'genrsa',
  'req', 'occ', 'sign', 'new', 'nextcloud', 'expires', 'permissions', 'mode', 'document', 'config', 'payload', 'iat',
  'environment', 'version', 'key', 'status'];
const vectors = JSON.parse(readFileSync(new URL('../vectors/diagnose.json', import.meta.url), 'utf8'));
const session = browserSession();
const targets = {
  served: () => session.server.base,
  'file://': () => distUrl,
};

/**
 * Open `url` with the browser's language `locale` and the clock at the vectors' `now`; once
 * `ready` shows, run `fn(page, lacking)`: `lacking`, the texts the catalog lacks from then on
 * (web/lib/words.mjs says them on the console). Checks that nothing failed.
 */
async function withPage(url, locale, fn, ready = '#diag-verdict[data-state]') {
  const context = await session.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(vectors.now * 1000));
  const errors = [];
  const lacking = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
    const hit = /^oojwt: no \S+ text for: (.*)$/.exec(m.text());
    if (hit) lacking.push(JSON.parse(hit[1]));
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  try {
    await page.goto(url);
    await page.locator(ready).waitFor();
    // What the page lacks from here on (the other modes' static text is not this test's).
    lacking.length = 0;
    await fn(page, lacking);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
}

/** Paste a journey's texts (one box each, by id: no English label) and secrets; wait for its verdict. */
async function journey(page, row) {
  for (const [i, text] of row.items.entries()) {
    if (i > 0) {
      await page.locator(`#diag-kind-${i}[data-kind]`).waitFor();
      await page.locator('#diag-add').click();
    }
    await page.locator(`#diag-text-${i + 1}`).fill(typeof text === 'string' ? text : text.text);
  }
  if (row.secrets?.[0] !== undefined) await page.locator('#diag-secret-1').fill(row.secrets[0]);
  if (row.secrets?.[1] !== undefined) {
    await page.locator('#diag-secret-more').click();
    await page.locator('#diag-secret-2').fill(row.secrets[1]);
  }
  await page.waitForFunction((n) => document.querySelectorAll('.recognised[data-kind]').length === n, row.items.length);
  await page.locator(row.expect.verdict ? `#diag-verdict[data-code="${row.expect.verdict}"]` : '#diag-verdict[data-code]:not([data-code=""])').waitFor();
}

for (const where of ['served', 'file://']) {
  test(`${where}: a browser asking for Chinese opens the page in Chinese; ?lang=en overrides it; the language links carry nothing but ?lang=`, async () => {
    assert.ok(where !== 'file://' || haveDist(), 'dist/oojwt.html is missing: run `make dist`');
    const base = targets[where]();
    await withPage(base, 'zh-CN', async (page, lacking) => {
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.equal(await page.locator('#tab-diag').textContent(), '诊断');
      assert.equal(await page.locator('label[for="diag-text-1"]').textContent(), '粘贴任意内容');
      const links = await page.locator('#langs a').evaluateAll((as) => as.map((a) => [a.lang, a.href, a.getAttribute('aria-current')]));
      const href = (tag) => { const u = new URL(base); u.searchParams.set('lang', tag); return u.href; };
      assert.deepEqual(links, [['en', href('en'), null], ['zh-CN', href('zh-CN'), 'true']]);
      assert.deepEqual(await englishLeft(page, '#panel-diag'), []);
      // Switching to English: the page reloads with ?lang=en and nothing else, in English.
      await page.locator('#langs a[lang="en"]').click();
      await page.waitForURL(href('en'));
      await page.locator('#diag-verdict[data-state]').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await page.locator('#tab-diag').textContent(), 'Diagnose');
      assert.equal(await page.locator('label[for="diag-text-1"]').textContent(), 'Paste anything');
      const left = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
      assert.deepEqual(left, { local: 0, session: 0, cookie: '' });
      assert.deepEqual(lacking, []);
    });
    // An English browser gets English; ?lang=zh-CN gives Chinese.
    await withPage(base, 'en-US', async (page) => {
      assert.equal(await page.locator('#tab-diag').textContent(), 'Diagnose');
    });
    await withPage(`${base}?lang=zh-CN`, 'en-US', async (page) => {
      assert.equal(await page.locator('#tab-diag').textContent(), '诊断');
    });
  });
}

// Every journey on the served page; on dist/oojwt.html, the first, the callback judged by every
// connector (the connectors' names and reasons in Chinese) and the Nextcloud journey.
const NEXTCLOUD = vectors.tests.find((r) => r.name.startsWith('journey: Nextcloud'));
const CALLBACK = vectors.tests.find((r) => r.id === 12);
const rows = [
  ...vectors.tests.map((row) => ['served', row]),
  ['file://', vectors.tests[0]],
  ['file://', CALLBACK],
  ['file://', NEXTCLOUD],
];
for (const [where, row] of rows) {
  test(`${where}: Chinese: journey ${row.id} (${row.name}) leaves no English in the Diagnose panel`, async () => {
    await withPage(`${targets[where]()}?lang=zh-CN`, 'zh-CN', async (page, lacking) => {
      await journey(page, row);
      const kinds = await page.locator('.diag-box .recognised').evaluateAll((ps) => ps.map((p) => p.dataset.kind));
      assert.deepEqual(kinds, row.expect.kinds);
      const left = await englishLeft(page, '#panel-diag', { keep: CODE_WORDS });
      assert.deepEqual(left, [], JSON.stringify(left, null, 1));
      assert.deepEqual(lacking, [], 'texts the catalog lacks');
    });
  });
}

test('served: Chinese: the Nextcloud journey reads in Chinese, the product\'s message in its own Chinese', async () => {
  await withPage(`${session.server.base}?lang=zh-CN`, 'zh-CN', async (page) => {
    await journey(page, NEXTCLOUD);
    const title = await page.locator('#diag-verdict .verdict-title').textContent();
    assert.match(title, /^✗ Nextcloud 无法连接：文档服务器拒绝它的令牌（“Invalid token”）：/);
    assert.match(await page.locator('#diag-verdict .v-cause').textContent(), /^原因：/);
    assert.match(await page.locator('#diag-kind-1').textContent(), /^识别为：从连接器复制的错误/);
    assert.match(await page.locator('#diag-verdict .open-in button').first().textContent(), /^在“文档服务器”标签页中打开$/);
  });
});

test('served: Chinese: the symptom list shows the products\' Chinese texts, and a symptom\'s detail is in Chinese', async () => {
  await withPage(`${session.server.base}?lang=zh-CN`, 'zh-CN', async (page, lacking) => {
    await page.locator('#diag-text-1').focus();
    const aside = page.locator('#symptoms');
    const editor = aside.locator('button.symptom[data-id="editor_token_invalid"]');
    await editor.waitFor();
    const spans = await editor.locator('span').evaluateAll((ss) => ss.map((x) => [x.className, x.lang, x.textContent]));
    // ONLYOFFICE/web-apps apps/documenteditor/main/locale/zh.json DE.Controllers.Main.errorToken
    assert.deepEqual(spans, [['symptom-zh', 'zh-CN', '“文档安全令牌的格式不正确\n请与您的文档服务器管理员联系。”']]);
    // Document Server's log writes English only: its text, quoted.
    assert.match(await aside.locator('button.symptom[data-id="ds_checkjwt_error"]').textContent(), /^“checkJwt error/);
    assert.equal(await aside.getByRole('heading', { level: 2 }).textContent(), '从您看到的提示开始');
    await aside.locator('button.symptom[data-id="nextcloud_invalid_token"]').click();
    await page.locator('#symptom-detail[data-id="nextcloud_invalid_token"]').waitFor();
    // The box gets the product's Chinese text, which C recognises.
    await page.locator('#diag-kind-1[data-kind="connector-error"]').waitFor();
    // The list, and what the symptom means (where to get each text names commands and menus as they are).
    const shown = '#symptoms > h2, #symptoms > p, #symptoms > h3, #symptoms > ul, #symptom-detail > h3, #symptom-detail > p, #symptom-detail .symptom-paste strong';
    assert.deepEqual(await englishLeft(page, shown, { keep: CODE_WORDS }), []);
    assert.deepEqual(await englishLeft(page, '#panel-diag .diag', { keep: CODE_WORDS }), []);
    assert.deepEqual(lacking, []);
  });
});

test('served: Chinese: a download link\'s expiry reads as Chinese does (a local date, "60 分钟后过期")', async () => {
  const row = vectors.tests.find((r) => r.name.startsWith('a download link of Document Server'));
  await withPage(`${session.server.base}?lang=zh-CN`, 'zh-CN', async (page) => {
    await journey(page, row);
    await page.locator('#diag-verdict .open-in button[data-tab="tab-deploy"]').click();
    const when = page.locator('#panel-deploy .when');
    await when.waitFor();
    // expires=1765003600, an hour after the vectors' now.
    assert.equal(await when.locator('.rel').textContent(), '60 分钟后过期');
    assert.match(await when.locator('.local').textContent(), /2025年12月\d+日/);
  });
});

// A certificate whose DER is broken (three zero bytes): bad_certificate, said
// by its params (src/deploy/cert.c), in the diagnosis and in the Deployment
// mode's certificate panel.
test('served: Chinese: a certificate oojwt cannot read is said in Chinese, in the Diagnose panel and the Deployment mode', async () => {
  const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
  const said = /不是严格 DER 编码的 X\.509 证书：最外层的 SEQUENCE 已损坏，或其后还有多余的字节/;
  await withPage(`${session.server.base}?lang=zh-CN`, 'zh-CN', async (page, lacking) => {
    await page.locator('#diag-text-1').fill(broken);
    await page.locator('#diag-verdict[data-code]:not([data-code=""])').waitFor();
    assert.match(await page.locator('#panel-diag').textContent(), said);
    assert.deepEqual(await englishLeft(page, '#panel-diag', { keep: CODE_WORDS }), []);
    await page.locator('#tab-deploy').click();
    await page.locator('#dp-cert-text').fill(broken);
    await page.locator('#dp-cert-verdict[data-state="error"]').waitFor();
    assert.match(await page.locator('#dp-cert-verdict').textContent(), said);
    assert.deepEqual(await englishLeft(page, '#dp-cert'), []);
    assert.deepEqual(lacking, [], 'texts the catalog lacks');
  });
});

// ---- <oojwt-inspector> ----------------------------------------------------------------

let web; // web/ served: the element's example page
before(async () => {
  web = await serveWeb(webDir);
});
after(() => web?.close());

const openExample = (fn) => withPage(`${web.base}examples/inspector.html`, 'en-US', fn,
  'oojwt-inspector#inspector [role="status"]:not(:has-text("Loading"))');

// A new element after the example's, with `attrs`, the token and (optionally) the secret.
function add(page, attrs, tok, secret) {
  return page.evaluate(({ attrs, tok, secret }) => {
    const x = document.createElement('oojwt-inspector');
    x.id = 'x';
    for (const [k, v] of Object.entries(attrs)) x.setAttribute(k, v);
    x.setAttribute('token', tok);
    if (secret !== undefined) x.secret = secret;
    document.body.append(x);
  }, { attrs, tok, secret });
}

const expired = token({ sub: 'u', exp: NOW - 7200 });

test('lang="zh-CN": the element reads in Chinese, with no English left in its shadow root', () => openExample(async (page, lacking) => {
  await add(page, { lang: 'zh-CN', now: String(NOW) }, expired, SECRET);
  const x = page.locator('#x');
  const status = x.locator('[role="status"]');
  await status.and(page.locator('[data-verdict="invalid"]')).waitFor();
  assert.equal(await status.textContent(), '无效：令牌已于2小时前过期，重新签名之前都会被拒绝。');
  assert.equal(await x.locator('label[for="token"]').textContent(), '令牌');
  assert.match(await x.locator('[part~="findings"]').textContent(), /expired/, 'the finding names its code');
  assert.match(await x.locator('dd[data-claim="exp"]').textContent(), /UTC — 2小时前$/);
  // The core module records no params, which the finding's Chinese needs: the element loads the
  // full module for them, then no English is left (none marked lang="en" either).
  await x.locator('[part~="findings"]:not(:has(bdi[lang="en"]))').waitFor();
  assert.match(await x.locator('[part~="findings"]').textContent(), /7200/);
  assert.deepEqual(await englishLeft(page, '#x'), []);
  assert.deepEqual(lacking, []);
  // The lang property switches it, and English reads as it always did.
  await page.evaluate(() => { document.getElementById('x').lang = 'en'; });
  await status.and(page.locator(':has-text("Invalid:")')).waitFor();
  assert.equal(await status.textContent(), 'Invalid: the token expired 2 hours ago, so it is refused until it is signed again.');
  assert.equal(await x.locator('label[for="token"]').textContent(), 'Token');
}));

test('without lang, the element follows the host page\'s <html lang>', () => openExample(async (page) => {
  // The example page is English: its element speaks English.
  assert.equal(await page.locator('#inspector label[for="token"]').textContent(), 'Token');
  await page.evaluate(() => { document.documentElement.lang = 'zh-CN'; });
  await add(page, { now: String(NOW) }, expired);
  const x = page.locator('#x');
  await x.locator('[role="status"][data-verdict="unverified"]').waitFor();
  assert.equal(await x.locator('[role="status"]').textContent(), '已解码（HS256）；未验证：设置密钥即可验证。');
  assert.equal(await page.locator('#x').evaluate((e) => e.language), 'zh-CN');
  assert.deepEqual(await englishLeft(page, '#x'), []);
}));
