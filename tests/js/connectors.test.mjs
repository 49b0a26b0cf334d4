// Callbacks as each connector judges them (src/ds/connectors.c,
// src/ds/jwt_libraries.c): the tables against the connectors brief, the
// libraries Debian and npm package (PyJWT 2.6, ruby-jwt 2.5, jsonwebtoken
// 9.0.2) run on the same callbacks and compared with oojwt's decision, and
// php-jwt's and java-jwt's rules from their sources; and the other direction:
// configs and requests signed with those libraries as each connector signs
// them, and Document Server's downloads judged by the download handlers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import jwt from 'jsonwebtoken';
import { kit } from '../helpers/common.mjs';

const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function sign(payload, secret, alg = 'HS256') {
  const input = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  return `${input}.${createHmac(HASH[alg], secret).update(input).digest('base64url')}`;
}

const SECRET = 'aVeryLongOutboxSecret-0123456789abcdef';  // 38 bytes
const CALLBACK = { key: 'Khirz6zTPdfd7', status: 2, url: 'https://ds.example/cache/x', changesurl: 'https://ds.example/c' };

// DS's callback: the body with the token, and the header copy {payload}.
function callback({ ahead = 0, alg = 'HS256', secret = SECRET, now, header = 'Authorization', body = true, exp = 300 }) {
  const iat = now + ahead;
  const headers = { [header]: `Bearer ${sign({ payload: CALLBACK, iat, exp: iat + exp }, secret, alg)}` };
  return { headers, body: body ? { ...CALLBACK, token: sign({ ...CALLBACK, iat, exp: iat + exp }, secret, alg) } : CALLBACK };
}

function judge(request, options) {
  return kit.onlyoffice.inspectRequest(request, options.secret ?? SECRET, { kind: 'callback', ...options });
}
const one = (request, connector, options = {}) => judge(request, { ...options, connector }).connectors[0];

test('the tables: every connector of the brief, its library and its rules', () => {
  const { libraries, connectors } = kit.onlyoffice.connectors();
  const row = Object.fromEntries(connectors.map((c) => [c.id, c]));
  const lib = Object.fromEntries(libraries.map((l) => [l.id, l]));
  for (const id of ['nextcloud', 'owncloud', 'moodle', 'humhub', 'chamilo', 'confluence', 'jira', 'alfresco',
    'liferay', 'nuxeo', 'redmine', 'strapi', 'mattermost', 'plone', 'example-nodejs', 'example-python',
    'example-php', 'example-ruby', 'example-java', 'example-go', 'example-csharp']) {
    assert.ok(row[id], `${id} has a row`);
    assert.ok(lib[row[id].library], `${id}'s library ${row[id].library} has a row`);
    assert.match(row[id].source, /ONLYOFFICE\//, `${id} names its source`);
  }
  // Brief §2: leeways, where the token is looked for, how the prefix is cut.
  assert.equal(row.nextcloud.leeway, 0);
  assert.match(row.nextcloud.leewaySetting, /jwt_leeway/);
  assert.equal(row.moodle.leeway, 60);
  for (const id of ['confluence', 'jira', 'alfresco', 'liferay', 'nuxeo']) assert.equal(row[id].leeway, 3);
  assert.equal(row.nextcloud.prefix, 'cut-length');
  assert.equal(row.redmine.location, 'body-only');
  assert.equal(row['example-php'].location, 'header-only');
  assert.equal(row['example-php'].header, 'exact-case');
  assert.equal(row['example-go'].location, 'header-first');
  assert.equal(row.strapi.header, 'authorization-only');
  assert.equal(row.strapi.prefix, 'split-whitespace');
  assert.equal(row.strapi.unwrapsPayload, false);
  assert.equal(row.plone.header, 'wsgi');
  assert.equal(row.mattermost.trimsSecret, 'always');
  assert.deepEqual(row.nextcloud.refusal, { status: 403, body: '{"message":"Access denied"}', log: 'Track with invalid jwt in body' });
  assert.equal(row.moodle.refusal.status, 200);
  // Brief §1: the libraries.
  assert.equal(lib['php-jwt-7'].keyMinimum, true);
  assert.equal(lib['php-jwt-6.9'].keyMinimum, false);
  assert.equal(lib['jsonwebtoken-9'].iat, 'not-checked');
  assert.equal(lib['jsonwebtoken-9'].algorithms, 'any-hs');
  assert.equal(lib['pyjwt-2'].iat, 'checked');
  assert.equal(lib['ruby-jwt-2'].iat, 'not-checked');
  assert.equal(lib['php-jwt-6.9'].iat, 'checked-unless-nbf');
  // a copy each time: callers cannot change the table
  kit.onlyoffice.connectors().connectors[0].leeway = 99;
  assert.equal(kit.onlyoffice.connectors().connectors[0].leeway, 0);
});

// The real libraries, each over a batch of tokens: [accepted, message].
function python(cases) {
  const program = `
import json, sys, jwt
out = []
for c in json.load(sys.stdin):
    try:
        jwt.decode(c["token"], c["secret"], algorithms=["HS256"], leeway=c["leeway"])
        out.append([True, None])
    except Exception as e:
        out.append([False, str(e)])
print(json.dumps(out))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', program], { input: JSON.stringify(cases) }));
}
function ruby(cases) {
  const program = `
require "json"; require "jwt"
out = JSON.parse(STDIN.read).map do |c|
  begin
    JWT.decode(c["token"], c["secret"], true, { algorithm: "HS256", leeway: c["leeway"] })
    [true, nil]
  rescue StandardError => e
    [false, e.message]
  end
end
puts JSON.generate(out)`;
  return JSON.parse(execFileSync('ruby', ['-e', program], { input: JSON.stringify(cases) }));
}
function node(cases) {
  return cases.map((c) => {
    try {
      jwt.verify(c.token, c.secret, { clockTolerance: c.leeway, clockTimestamp: c.now });
      return [true, null];
    } catch (e) {
      return [false, e.message];
    }
  });
}

// The scenarios the connectors brief names: DS's clock ahead by 30 s and
// 90 s, HS384/HS512, a 20-character secret, an expired callback.
function scenarios(now) {
  const list = [];
  for (const ahead of [0, -10, 30, 90, -400]) {
    for (const alg of ['HS256', 'HS384', 'HS512']) {
      for (const secret of [SECRET, 'Kf8w2Lq9Zp3Xv7Nb5Tr1']) {
        for (const leeway of [0, 60]) list.push({ ahead, alg, secret, leeway, now });
      }
    }
  }
  return list;
}

for (const [name, run, ids] of [
  ['PyJWT 2.6 (Plone, the Python example)', python, ['plone', 'example-python']],
  ['ruby-jwt 2.5 (Redmine, the Ruby example)', ruby, ['redmine', 'example-ruby']],
  ['jsonwebtoken 9.0.2 (Strapi, the Node.js example)', node, ['strapi', 'example-nodejs']],
]) {
  test(`${name}: the real library decides as oojwt says, message included`, () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = scenarios(now).map((s) => ({
      ...s, token: sign({ ...CALLBACK, iat: now + s.ahead, exp: now + s.ahead + 300 }, s.secret, s.alg),
    }));
    const real = run(cases);
    let refused = 0;
    cases.forEach((c, i) => {
      for (const id of ids) {
        const v = one({ body: { ...CALLBACK, token: c.token } }, id, { secret: c.secret, leeway: c.leeway, now });
        const what = `${id}: ${c.alg}, DS ${c.ahead} s ahead, ${c.secret.length}-byte secret, leeway ${c.leeway}`;
        assert.equal(v.accepted, real[i][0], `${what}: the library says ${real[i][1] ?? 'accepted'}`);
        assert.equal(v.libraryMessage, real[i][1], what);
      }
      refused += real[i][0] ? 0 : 1;
    });
    assert.ok(refused > 0 && refused < cases.length, 'the scenarios have both outcomes');
  });
}

test('php-jwt (Nextcloud, ownCloud, Moodle): the iat rule, its leeway and its words', () => {
  const now = 1765000000;
  const ahead30 = callback({ ahead: 30, now });
  const nc = one(ahead30, 'nextcloud', { now });
  assert.equal(nc.accepted, false);
  assert.equal(nc.code, 'iat_in_future');
  assert.equal(nc.httpStatus, 403);
  assert.equal(nc.libraryMessage, 'Cannot handle token with iat prior to 2025-12-06T05:47:10+0000');
  assert.match(nc.message, /iat is 30 s ahead/);
  assert.match(nc.fix, /NTP/);
  assert.match(nc.fix, /jwt_leeway/);
  // Nextcloud's jwt_leeway (config.php) lets it through.
  assert.equal(one(ahead30, 'nextcloud', { now, leeway: 30 }).accepted, true);
  assert.equal(one(ahead30, 'nextcloud', { now, leeway: 29 }).accepted, false);
  // Moodle sets JWT::$leeway = 60.
  assert.equal(one(ahead30, 'moodle', { now }).accepted, true);
  assert.equal(one(callback({ ahead: 90, now }), 'moodle', { now }).accepted, false);
  // ownCloud's php-jwt 6.4.0: older words, and no floor (iat 0.5 s ahead).
  const half = { body: { ...CALLBACK, token: sign({ ...CALLBACK, iat: now + 0.5, exp: now + 300 }, SECRET) } };
  assert.equal(one(half, 'nextcloud', { now }).accepted, true, 'php-jwt 6.9+ floors iat');
  const oc = one(half, 'owncloud', { now });
  assert.equal(oc.accepted, false, 'php-jwt 6.4.0 compares iat unfloored');
  assert.match(oc.libraryMessage, /^Cannot handle token prior to /);
  // php-jwt >= 6.6 skips iat when nbf is there; 6.4.0 checks both.
  const withNbf = { body: { ...CALLBACK, token: sign({ ...CALLBACK, nbf: now, iat: now + 30, exp: now + 300 }, SECRET) } };
  assert.equal(one(withNbf, 'nextcloud', { now }).accepted, true);
  assert.equal(one(withNbf, 'owncloud', { now }).accepted, false);
});

test('php-jwt: HS512 callbacks and short secrets (php-jwt 7: an uncaught 500)', () => {
  const now = 1765000000;
  const hs512 = one(callback({ alg: 'HS512', now }), 'nextcloud', { now });
  assert.equal(hs512.accepted, false);
  assert.equal(hs512.libraryMessage, 'Incorrect key for this algorithm');
  assert.match(hs512.fix, /outbox\.algorithm back to HS256/);
  const short = 'Kf8w2Lq9Zp3Xv7Nb5Tr1';  // 20 characters: Docker 7.2 until Feb 2023
  const r = judge(callback({ secret: short, now }), { secret: short, now });
  const v = Object.fromEntries(r.connectors.map((c) => [c.id, c]));
  assert.equal(v.nextcloud.accepted, true);
  assert.equal(v['nextcloud-php-jwt-7'].accepted, false);
  assert.equal(v['nextcloud-php-jwt-7'].httpStatus, 500);
  assert.equal(v['nextcloud-php-jwt-7'].libraryMessage, 'Provided key is too short');
  assert.match(v['nextcloud-php-jwt-7'].fix, /at least 32 characters/);
  // 32 bytes are enough for HS256
  assert.equal(one(callback({ secret: 'x'.repeat(32), now }), 'nextcloud-php-jwt-7', { now, secret: 'x'.repeat(32) }).accepted, true);
});

test('java-jwt (Confluence, Jira, ...): leeway 3, iat checked, expiry strict', () => {
  const now = 1765000000;
  assert.equal(one(callback({ ahead: 3, now }), 'confluence', { now }).accepted, true);
  const v = one(callback({ ahead: 4, now }), 'jira', { now });
  assert.equal(v.accepted, false);
  assert.equal(v.libraryMessage, "The Token can't be used before 2025-12-06T05:46:44Z.");
  // exp == now - leeway still passes in java-jwt (isAfter), not in php-jwt
  const edge = { body: { ...CALLBACK, token: sign({ ...CALLBACK, iat: now - 400, exp: now - 3 }, SECRET) } };
  assert.equal(one(edge, 'alfresco', { now }).accepted, true);
  const edge0 = { body: { ...CALLBACK, token: sign({ ...CALLBACK, iat: now - 400, exp: now }, SECRET) } };
  assert.equal(one(edge0, 'nextcloud', { now }).accepted, false);
  assert.equal(one(edge0, 'nextcloud', { now }).libraryMessage, 'Expired token');
});

test('where each connector looks: body only, header only, exact case, WSGI names, Authorization only', () => {
  const now = 1765000000;
  const headerOnly = callback({ now, body: false });
  assert.equal(one(headerOnly, 'nextcloud', { now }).place, 'header');
  assert.equal(one(headerOnly, 'nextcloud', { now }).accepted, true);
  const rm = one(headerOnly, 'redmine', { now });
  assert.equal(rm.accepted, false);
  assert.equal(rm.code, 'token_missing');
  assert.equal(rm.httpStatus, 401);
  // the PHP example never reads the body token
  const badHeader = callback({ now });
  badHeader.headers.Authorization = 'Bearer x.y.z';
  assert.equal(one(badHeader, 'nextcloud', { now }).accepted, true, 'the body token counts');
  assert.equal(one(badHeader, 'example-php', { now }).accepted, false);
  // exact case: Chamilo and the PHP example look up "Authorization" as configured
  const lower = callback({ now, body: false, header: 'authorization' });
  assert.equal(one(lower, 'nextcloud', { now }).accepted, true);
  assert.equal(one(lower, 'chamilo', { now }).code, 'token_missing');
  // WSGI: a header name with '-' never reaches Plone
  const dashed = callback({ now, body: false, header: 'X-Onlyoffice-Jwt' });
  const cfg = { outbox: { header: 'X-Onlyoffice-Jwt', prefix: 'Bearer ' } };
  const plone = judge(dashed, { now, connector: 'plone', serverConfig: { ...cfg, secrets: { outbox: { value: SECRET } } } });
  assert.equal(plone.connectors[0].code, 'token_missing');
  assert.match(plone.connectors[0].message, /WSGI/);
  assert.equal(plone.verdict.ok, false);
  // Strapi reads Authorization only, whatever DS is set to
  const strapi = judge(dashed, { now, connector: 'strapi', serverConfig: { ...cfg, secrets: { outbox: { value: SECRET } } } });
  assert.equal(strapi.connectors[0].code, 'token_missing');
  // a header token Strapi does find is not unwrapped: it sees no key or status
  assert.match(one(headerOnly, 'strapi', { now }).message, /does not unwrap/);
  // Chamilo answers a status 4 callback before any token check
  const closed = { body: { key: 'k', status: 4 } };
  assert.equal(one(closed, 'chamilo', { now }).accepted, true);
  assert.equal(one(closed, 'nextcloud', { now }).accepted, false);
});

test('with no connector named, every row decides and one finding sums it up', () => {
  const now = 1765000000;
  const r = judge(callback({ ahead: 30, now }), { now });
  assert.equal(r.connectors.length, kit.onlyoffice.connectors().connectors.length);
  const f = r.findings.find((x) => x.code === 'connectors_decide');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /^Refused by 13 \(iat ahead of its clock: Nextcloud, Nextcloud with php-jwt 7, ownCloud/);
  assert.match(f.message, /accepted by 9: Moodle \(leeway 60 s\), Redmine/);
  assert.match(f.fix, /NTP/);
  const fine = judge(callback({ now }), { now }).findings.find((x) => x.code === 'connectors_decide');
  assert.equal(fine.severity, 'info');
  assert.match(fine.message, /^Accepted by 22: /);
  // one connector named: its answer is the verdict
  const nc = judge(callback({ ahead: 30, now }), { now, connector: 'nextcloud' });
  assert.equal(nc.verdict.ok, false);
  assert.equal(nc.verdict.httpStatus, 403);
  assert.deepEqual(nc.verdict.response, { message: 'Access denied' });
  assert.ok(nc.findings.some((x) => x.code === 'iat_in_future' && x.severity === 'error'));
});

test('bad connector options are refused with a clear error', () => {
  const now = 1765000000;
  assert.throws(() => judge(callback({ now }), { now, connector: 'sharepoint' }), /options\.connector must be one of nextcloud, /);
  assert.throws(() => judge(callback({ now }), { now, leeway: -1 }), /options\.leeway/);
  assert.throws(() => judge(callback({ now }), { now, leeway: '30' }), /options\.leeway/);
});

// ---- The other direction: what each connector signs when it sends to
// Document Server (src/ds/connectors.c, src/ds/connector_sign.c).

test('the tables: what each connector signs, and its download handler', () => {
  const row = Object.fromEntries(kit.onlyoffice.connectors().connectors.map((c) => [c.id, c]));
  // NC lib/DocumentService.php and EditorApiController.php: iat, exp now + jwt_expiration (5) minutes
  assert.deepEqual(row.nextcloud.signs.config, { iat: true, exp: 300 });
  assert.deepEqual(row.nextcloud.signs.request, { iat: true, exp: 300 });
  assert.deepEqual(row.nextcloud.signs.requestToken, ['body', 'header']);
  assert.match(row.nextcloud.signs.setting, /jwt_expiration/);
  // Moodle, Redmine, Plone: no iat, no exp
  for (const id of ['moodle', 'redmine', 'plone']) {
    assert.deepEqual(row[id].signs.config, { iat: false, exp: false }, id);
    assert.deepEqual(row[id].signs.request, { iat: false, exp: false }, id);
  }
  assert.deepEqual(row.redmine.signs.requestToken, ['body']);
  // HumHub: exp now + 300, no iat
  assert.deepEqual(row.humhub.signs.config, { iat: false, exp: 300 });
  // Strapi: configs 3 minutes, the version check 1 minute, body only; Mattermost alike
  for (const id of ['strapi', 'mattermost']) {
    assert.deepEqual(row[id].signs.config, { iat: true, exp: 180 }, id);
    assert.deepEqual(row[id].signs.request, { iat: true, exp: 60 }, id);
    assert.deepEqual(row[id].signs.requestToken, ['body'], id);
  }
  // the Java SDK: iat, exp 5 minutes; its download handler takes the prefix as optional
  for (const id of ['confluence', 'jira', 'alfresco', 'liferay', 'nuxeo']) {
    assert.deepEqual(row[id].signs.config, { iat: true, exp: 300 }, id);
    assert.equal(row[id].downloadPrefix, 'optional', id);
  }
  assert.deepEqual(row['example-java'].signs.config, { iat: false, exp: true });
  assert.deepEqual(row['example-go'].signs.config, { iat: null, exp: null });
  assert.equal(row.mattermost.downloadPrefix, 'replace-all');
  assert.match(row.nextcloud.urlPaths, /\/apps\/onlyoffice\//);
  assert.match(row.moodle.urlPaths, /\/mod\/onlyofficeeditor\//);
  for (const c of Object.values(row)) assert.equal(c.signs.algorithm, 'HS256', c.id);
});

const CONFIG = {
  document: { fileType: 'docx', key: 'Khirz6zTPdfd7', title: 'a.docx', url: 'https://files.example/doc.docx' },
  documentType: 'word',
  editorConfig: { callbackUrl: 'https://files.example/callback' },
};
const withUrls = (base) => ({
  ...CONFIG,
  document: { ...CONFIG.document, url: `${base}/download?doc=1` },
  editorConfig: { callbackUrl: `${base}/track?doc=1` },
});
const codes = (r) => r.findings.map((f) => f.code);

// The connectors' own libraries sign, as each connector signs.
function pythonSign(items) {
  const program = `
import json, sys, time, jwt
out = []
for c in json.load(sys.stdin):
    p = dict(c["payload"])
    if c.get("floats"):
        # the Python example: iat and exp from time.time(), floats
        p["iat"] = time.time(); p["exp"] = p["iat"] + 300
    out.append(jwt.encode(p, c["secret"], algorithm="HS256"))
print(json.dumps(out))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', program], { input: JSON.stringify(items) }));
}
function rubySign(items) {
  const program = `
require "json"; require "jwt"
puts JSON.generate(JSON.parse(STDIN.read).map { |c| JWT.encode(c["payload"], c["secret"], "HS256") })`;
  return JSON.parse(execFileSync('ruby', ['-e', program], { input: JSON.stringify(items) }));
}

test('configs signed by the real libraries as the connectors sign them', () => {
  const [plone, pyExample] = pythonSign([
    { payload: CONFIG, secret: SECRET },                 // Plone createSecurityToken: no iat, no exp
    { payload: CONFIG, secret: SECRET, floats: true },   // the Python example
  ]);
  const [redmine] = rubySign([{ payload: CONFIG, secret: SECRET }]);
  const strapi = jwt.sign(CONFIG, SECRET, { expiresIn: '3m' });
  const nodeExample = jwt.sign(CONFIG, SECRET, { expiresIn: '5m' });
  const inspect = (token, connector) => kit.onlyoffice.inspectConfig({ ...CONFIG, token }, { secret: SECRET, connector });
  for (const [token, id, never] of [[plone, 'plone', true], [redmine, 'redmine', true], [pyExample, 'example-python', false],
    [strapi, 'strapi', false], [nodeExample, 'example-nodejs', false]]) {
    const r = inspect(token, id);
    assert.equal(r.verdict.ok, true, id);
    assert.deepEqual(r.sender, { connector: id, confidence: null, used: true }, id);
    assert.ok(codes(r).includes('connector_signs'), id);
    assert.equal(codes(r).includes('token_never_expires'), never, id);
    assert.ok(!codes(r).includes('claims_unlike_connector'), `${id}: ${JSON.stringify(r.findings)}`);
  }
  // Strapi's 3-minute token is not what Nextcloud signs (5 minutes) ...
  const nc = inspect(strapi, 'nextcloud').findings.find((f) => f.code === 'claims_unlike_connector');
  assert.equal(nc.severity, 'warning');
  assert.match(nc.message, /it lives 180 s \(exp - iat\), Nextcloud signs for 300 s/);
  // ... nor is Plone's token without claims what Strapi signs
  assert.match(inspect(plone, 'strapi').findings.find((f) => f.code === 'claims_unlike_connector').message,
    /it has no iat, Strapi puts one; it has no exp, Strapi puts one/);
  // with no connector named, a 3-minute lifetime and no connector URL: Strapi or Mattermost, low, not used
  const guess = kit.onlyoffice.inspectConfig({ ...CONFIG, token: strapi }, { secret: SECRET });
  assert.deepEqual(guess.sender, { connector: 'strapi', confidence: 'low', used: false });
  assert.match(guess.findings.find((f) => f.code === 'connector_recognised').message, /Strapi, Mattermost/);
  assert.ok(!codes(guess).includes('connector_signs'));
  // 'none': no connector checks
  assert.equal(kit.onlyoffice.inspectConfig({ ...CONFIG, token: strapi }, { secret: SECRET, connector: 'none' }).sender, null);
  assert.throws(() => inspect(strapi, 'sharepoint'), /options\.connector must be one of nextcloud, .*'none'/);
});

test('a connector told from its config: paths and claims, with a confidence', () => {
  const now = Math.floor(Date.now() / 1000);
  const nc = withUrls('https://cloud.example/index.php/apps/onlyoffice');
  const short = 'Kf8w2Lq9Zp3Xv7Nb5Tr1';  // 20 characters: Docker 7.2 until Feb 2023
  const token = jwt.sign({ ...nc, iat: now, exp: now + 300 }, short);
  const r = kit.onlyoffice.inspectConfig({ ...nc, token }, { secret: short });
  assert.deepEqual(r.sender, { connector: 'nextcloud', confidence: 'high', used: true });
  const rec = r.findings.find((f) => f.code === 'connector_recognised');
  assert.match(rec.message, /looks like Nextcloud \(confidence high\): document\.url has \/apps\/onlyoffice\//);
  assert.match(rec.message, /ownCloud/);
  // php-jwt 7 refuses to sign with 20 bytes: a Nextcloud on it answers 500 and sends nothing
  const short7 = r.findings.find((f) => f.code === 'connector_cannot_sign');
  assert.equal(short7.severity, 'warning');
  assert.match(short7.message, /Provided key is too short/);
  const named = kit.onlyoffice.inspectConfig({ ...nc, token }, { secret: short, connector: 'nextcloud-php-jwt-7' });
  const err = named.findings.find((f) => f.code === 'connector_cannot_sign');
  assert.equal(err.severity, 'error');
  assert.match(err.message, /HTTP 500/);
  assert.match(err.fix, /at least 32 characters .* on both sides/);
  // the same paths with a one-hour token: medium, not used
  const hour = jwt.sign({ ...nc, iat: now, exp: now + 3600 }, SECRET);
  const m = kit.onlyoffice.inspectConfig({ ...nc, token: hour }, { secret: SECRET });
  assert.deepEqual(m.sender, { connector: 'nextcloud', confidence: 'medium', used: false });
  assert.match(m.findings.find((f) => f.code === 'connector_recognised').message, /but it lives 3600 s/);
  // Moodle's callback.php, no claims (as Moodle signs): high, and the token never expires
  const mo = { ...CONFIG, editorConfig: { callbackUrl: 'https://lms.example/mod/onlyofficeeditor/callback.php?doc=1' } };
  const mr = kit.onlyoffice.inspectConfig({ ...mo, token: sign(mo, SECRET) }, { secret: SECRET });
  assert.deepEqual(mr.sender, { connector: 'moodle', confidence: 'high', used: true });
  const never = mr.findings.find((f) => f.code === 'token_never_expires');
  assert.equal(never.severity, 'info');
  assert.match(never.message, /never expires/);
});

test('requests to Document Server: what the sender signs (Redmine: the body only)', () => {
  const body = { c: 'info', key: 'Khirz6zTPdfd7' };
  const [rb] = rubySign([{ payload: body, secret: SECRET }]);
  const bodyOnly = kit.onlyoffice.inspectRequest({ body: { ...body, token: rb } }, SECRET, { kind: 'command', connector: 'redmine' });
  assert.equal(bodyOnly.verdict.ok, true);
  assert.deepEqual(codes(bodyOnly), ['connector_signs', 'token_never_expires']);
  assert.match(bodyOnly.findings[0].message, /the token goes in the body only/);
  const both = kit.onlyoffice.inspectRequest({ headers: { Authorization: `Bearer ${rb}` }, body: { ...body, token: rb } }, SECRET,
    { kind: 'command', connector: 'redmine' });
  assert.match(both.findings.find((f) => f.code === 'claims_unlike_connector').message, /Redmine sends the body token only/);
  // Mattermost's version check: iat, exp one minute (createVersionToken)
  const now = Math.floor(Date.now() / 1000);
  const mm = jwt.sign({ c: 'version', iat: now, exp: now + 60 }, SECRET);
  const v = kit.onlyoffice.inspectRequest({ body: { c: 'version', token: mm } }, SECRET, { kind: 'command', connector: 'mattermost' });
  assert.deepEqual(codes(v), ['connector_signs']);
  assert.deepEqual(v.sender, { connector: 'mattermost', confidence: null, used: true });
  assert.throws(() => kit.onlyoffice.inspectRequest({ body: {} }, SECRET, { kind: 'command', connector: 'all' }), /'none'/);
});

// DS's download of document.url: FileConverter converter.js downloadFile
// signs {payload: {url}} (utils.fillJwtForRequest) into the outbox header.
const URL_ = 'https://cloud.example/apps/onlyoffice/download?doc=abc';
function download({ ahead = 0, alg = 'HS256', secret = SECRET, now }) {
  const token = jwt.sign({ payload: { url: URL_ }, iat: now + ahead }, secret, { algorithm: alg, expiresIn: 300 });
  return { token, request: { method: 'GET', url: '/apps/onlyoffice/download?doc=abc', headers: { Authorization: `Bearer ${token}` } } };
}

test('downloads: the real libraries decide as oojwt says each connector does', () => {
  const now = Math.floor(Date.now() / 1000);
  const cases = [];
  for (const ahead of [0, 30, 90, -400]) {
    for (const alg of ['HS256', 'HS512']) {
      for (const leeway of [0, 60]) cases.push({ ahead, alg, leeway, now, secret: SECRET });
    }
  }
  cases.forEach((c) => { c.token = download(c).token; });
  let refused = 0;
  for (const [run, ids] of [[python, ['plone', 'example-python']], [ruby, ['redmine', 'example-ruby']],
    [node, ['strapi', 'example-nodejs']]]) {
    const real = run(cases);
    cases.forEach((c, i) => {
      for (const id of ids) {
        const r = kit.onlyoffice.inspectRequest(download(c).request, SECRET, { kind: 'download', connector: id, now, leeway: c.leeway });
        // the same token: download() signs at the same second
        const v = r.connectors[0];
        assert.equal(v.place, 'header', id);
        assert.equal(v.accepted, real[i][0], `${id}: ${c.alg}, DS ${c.ahead} s ahead, leeway ${c.leeway}: ${real[i][1] ?? 'accepted'}`);
        assert.equal(v.libraryMessage, real[i][1], id);
      }
      refused += real[i][0] ? 0 : 1;
    });
  }
  assert.ok(refused > 0, 'some downloads are refused');
});

test('downloads: every connector decides, fixes on the right side, the signed URL', () => {
  const now = 1765000000;
  const { request } = download({ ahead: 30, now });
  const r = kit.onlyoffice.inspectRequest(request, SECRET, { kind: 'download', now });
  assert.equal(r.kind, 'download');
  assert.equal(r.connectors.length, kit.onlyoffice.connectors().connectors.length);
  const v = Object.fromEntries(r.connectors.map((c) => [c.id, c]));
  assert.equal(v.nextcloud.accepted, false);
  assert.equal(v.nextcloud.code, 'iat_in_future');
  assert.match(v.nextcloud.fix, /jwt_leeway/);
  assert.equal(v.moodle.accepted, true);
  assert.equal(v.redmine.accepted, true, 'a GET: Redmine reads the header');
  const sum = r.findings.find((f) => f.code === 'connectors_decide');
  assert.equal(sum.severity, 'error');
  assert.ok(!codes(r).includes('download_url_differs'));
  // no token at all: the fix is on DS's side (outbox tokens, the header name)
  const none = kit.onlyoffice.inspectRequest({ method: 'GET', url: '/x', headers: {} }, SECRET, { kind: 'download', now, connector: 'nextcloud' });
  assert.equal(none.verdict.ok, false);
  assert.match(none.verdict.message, /Nextcloud finds no token: it reads a download's header only/);
  assert.equal(none.verdict.httpStatus, 403);
  assert.match(none.findings.find((f) => f.code === 'token_missing' && f.path === 'connector').fix, /token\.outbox\.header/);
  // a proxy that rewrote the path: the token names another URL
  const moved = { ...request, url: '/nc/apps/onlyoffice/download?doc=abc' };
  const mm = kit.onlyoffice.inspectRequest(moved, SECRET, { kind: 'download', now: now + 60, connector: 'mattermost' });
  assert.equal(mm.verdict.ok, true);
  assert.equal(mm.findings.find((f) => f.code === 'download_url_differs').severity, 'warning');
});
