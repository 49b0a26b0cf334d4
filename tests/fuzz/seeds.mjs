// Write the seed corpora of the fuzz harnesses (never committed).
//
//   node tests/fuzz/seeds.mjs [OUT_DIR]     (default build/fuzz/corpus)
//
// For every harness tests/fuzz/fuzz_NAME.c this writes OUT_DIR/fuzz_NAME/
// with the seed set its " * seeds: KIND" comment line names (json, b64,
// tokens, verify, sign, jwk, raw, keys, extract, secret, config, links, nginx, connector, certs, cli, inspect, diagnose; a new harness
// picks one, or "all"),
// drawn from tests/vectors/*.json, the tokens quoted in tests/, tokens
// signed here with the fuzz keys of tests/fuzz/fuzz.h, and hostile
// variants. Files are named by the SHA-1 of their content, so running
// this again adds nothing twice. Prints one line per harness.
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCerts, pemToDer } from '../helpers/certs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const out = resolve(process.argv[2] ?? join(root, 'build', 'fuzz', 'corpus'));

const b64u = (buf) => Buffer.from(buf).toString('base64url');
const bytes = (x) => (typeof x === 'string' ? Buffer.from(x, 'utf8') : Buffer.from(x));

// The keys of fuzz.h, in its order (index = selector bits).
const FUZZ_KEYS = [
  '{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}',
  'secret',
  '{"kty":"oct","k":"c2VjcmV0LWtleS1mb3ItdGhlLWZ1enplcnMtb25seS0zMg","alg":"HS256","key_ops":["verify","sign"],"use":"sig"}',
  '',
  'k',
  '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  '{"kty":"oct","k":"AAAA","alg":"HS512","key_ops":["sign"]}',
  '{"kty":"oct","k":"bG9uZ2VyLXRoYW4tYS1ibG9jay1sb25nZXItdGhhbi1hLWJsb2NrLWxvbmdlci10aGFuLWEtYmxvY2stbG9uZ2VyLXRoYW4tYS1ibG9jay1sb25nZXItdGhhbi1hLWJsb2NrLWxvbmdlci10aGFuLWEtYmxvY2s"}',
];
const keySecret = (t) => (t.startsWith('{') ? Buffer.from(JSON.parse(t).k, 'base64url') : Buffer.from(t, 'utf8'));
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

function sign(headerText, payloadText, secret, alg) {
  const input = `${b64u(bytes(headerText))}.${b64u(bytes(payloadText))}`;
  return `${input}.${b64u(createHmac(HASH[alg], secret).update(input).digest())}`;
}

// ---- material from tests/vectors and the test sources --------------------

const vectorDir = join(root, 'tests', 'vectors');
const docs = readdirSync(vectorDir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(vectorDir, f), 'utf8')));

const tokens = new Set();
const jsonTexts = new Set();
const b64Texts = new Set();
const jwks = new Set();
const TOKEN_RE = /^[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_=+/-]*$/;

const pems = new Set();
const secretPairs = []; // [token, secret]
const configs = []; // local.json or Docker text [NUL default.json]
function walk(v, key) {
  if (typeof v === 'string') {
    if (v.includes('-----BEGIN')) pems.add(v);
    if (/^\s*\{.*"kty"/s.test(v)) { try { JSON.parse(v); jwks.add(v); } catch { /* not JSON */ } }
    if (TOKEN_RE.test(v) && v.length > 8) tokens.add(v);
    if (/^(protectedHeader|payload|joseHeader|claimsSet|header)$/.test(key ?? '') && /^\s*[{[]/.test(v)) jsonTexts.add(v);
    if (key === 'input') b64Texts.add(v);
    return;
  }
  if (Array.isArray(v)) { for (const x of v) walk(x); return; }
  if (v !== null && typeof v === 'object') {
    if (typeof v.kty === 'string') jwks.add(JSON.stringify(v));
    if (typeof v.hex === 'string' && typeof v.code === 'string') jsonTexts.add(Buffer.from(v.hex, 'hex'));
    if (typeof v.token === 'string' && typeof v.given === 'string') secretPairs.push([v.token, v.given]);
    if (typeof v.local === 'string') configs.push(typeof v.defaults === 'string' ? `${v.local}\0${v.defaults}` : v.local);
    for (const [k, x] of Object.entries(v)) walk(x, k);
  }
}
for (const d of docs) walk(d);

// Tokens quoted in the test sources (JS and C).
function sources(dir, re) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => re.test(f)).map((f) => readFileSync(join(dir, f), 'utf8'));
}
const jsDirs = ['js', 'page', 'cli', 'helpers', 'gen'].map((d) => join(root, 'tests', d));
for (const text of [...jsDirs.flatMap((d) => sources(d, /\.mjs$/)), ...sources(join(root, 'tests', 'native'), /\.[ch]$/)]) {
  for (const m of text.matchAll(/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g)) tokens.add(m[0]);
}

// Headers and payloads to sign: from the vectors and ONLYOFFICE shapes.
const headers = [
  '{"alg":"HS256","typ":"JWT"}', '{"alg":"HS384","typ":"JWT"}', '{"alg":"HS512","typ":"JWT"}',
  '{"alg":"HS256"}', '{"typ":"JWT",\r\n "alg":"HS256"}', '{"alg":"HS256","typ":"jwt","kid":"k1"}',
  '{"alg":"HS256","crit":["exp"]}', '{"alg":"none"}', '{"alg":"RS256"}', '{"alg":"hs256"}',
];
const payloads = [
  '{}', '{"document":{"key":"k1","url":"https://example.com/a.docx","fileType":"docx"},"editorConfig":{"callbackUrl":"https://example.com/cb","user":{"id":"1","name":"A"}}}',
  '{"key":"k1","status":2,"url":"https://example.com/out.docx","users":["1"]}',
  '{"payload":{"key":"k1","status":2}}', '{"iss":"joe","exp":1300819380,"http://example.com/is_root":true}',
  '{"exp":1300819380,"nbf":1300819000,"iat":1300819000}', '{"exp":"1300819380"}', '{"nbf":2e9}', '{"iat":1e300}',
  '{"a":[1,2,{"b":null}],"s":"\\u00e9\\ud83d\\ude00"}', '{"exp":1300819380.5}',
];
for (const t of jsonTexts) {
  const s = Buffer.isBuffer(t) ? t.toString('latin1') : t;
  if (/^\s*\{/.test(s) && !Buffer.isBuffer(t)) payloads.push(t);
}

const signed = []; // { token, keyIndex }
for (const [ki, kt] of FUZZ_KEYS.entries()) {
  const secret = keySecret(kt);
  if (secret.length === 0) continue;
  for (const h of headers) {
    const alg = HASH[JSON.parse(h).alg] ? JSON.parse(h).alg : 'HS256';
    for (const p of payloads.slice(0, 8)) signed.push({ token: sign(h, p, secret, alg), keyIndex: ki });
  }
}
for (const s of signed) tokens.add(s.token);

// Hostile variants of a few tokens.
const base = signed[0].token;
const [h0, p0, s0] = base.split('.');
const hostile = [
  '', '.', '..', '...', 'a.b', 'a.b.c.d.e', `${h0}.${p0}`, `${h0}.${p0}.${s0}=`, `${h0}=.${p0}.${s0}`,
  `${h0}.${p0}.${s0.slice(0, -1)}`, ` ${base}`, `${base}\n`, base.replace(/-/g, '+'),
  `${b64u('{"alg":"none"}')}.${p0}.`, `${b64u('\ufeff{"alg":"HS256"}')}.${p0}.${s0}`,
  `${b64u('{"alg":"HS256","alg":"HS512"}')}.${p0}.${s0}`, `${b64u('[' .repeat(70))}.${p0}.${s0}`,
  `${h0}.${b64u('{"exp":1e999}')}.${s0}`, `${h0}.${b64u('{"a":"\\u0000"}')}.${s0}`,
  `${h0}.${b64u(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))}.${s0}`,
];
for (const t of hostile) tokens.add(t);
for (const t of tokens) for (const seg of t.split('.')) b64Texts.add(seg);

for (const kt of FUZZ_KEYS) if (kt.startsWith('{')) jwks.add(kt);
for (const j of [...jwks]) {
  const o = JSON.parse(j);
  jwks.add(JSON.stringify({ ...o, k: `${o.k ?? ''}=` }));
  jwks.add(JSON.stringify({ ...o, use: 'enc' }));
  jwks.add(JSON.stringify({ ...o, key_ops: ['encrypt'] }));
  jwks.add(JSON.stringify({ ...o, alg: 'RS256' }));
  jwks.add(`${j.slice(0, -1)},"k":"AA"}`);
}
jwks.add('{"kty":"oct","k":""}');
jwks.add('[]');

// DER bodies of the PEM texts (bare DER is read too).
const ders = [];
for (const p of pems) {
  for (const m of p.matchAll(/-----BEGIN [A-Z ]+-----([^-]+)-----END/g)) {
    ders.push(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  }
}
// Pasted-text shapes around tokens (for the extractor).
const pasted = [];
for (const t of [...tokens].slice(0, 40)) {
  pasted.push(`Bearer ${t}`, `Authorization: Bearer ${t}\r\n`, `"${t}"`, `\u201c${t}\u201d`,
    ` \u00a0${t}\u200b\n`, `token=${t}&x=1`, `log: verify failed for ${t}.`, `{"token":"${t}"}`,
    `${t.slice(0, 20)}\n${t.slice(20)}`);
}
for (const t of tokens) for (const s of ['secret', 'k', ' secret\n', '"secret"', 'c2VjcmV0', '736563726574']) secretPairs.push([t, s]);

// ---- the seed sets -------------------------------------------------------

const sel = (n, rest) => Buffer.concat([Buffer.from([n]), bytes(rest)]);
const sets = {
  json: () => [...jsonTexts, ...headers, ...payloads, ...jwks].map(bytes),
  b64: () => [...b64Texts].map(bytes),
  tokens: () => [...tokens].map(bytes),
  jwk: () => [...jwks].map(bytes),
  raw: () => [...tokens].slice(0, 50).map(bytes).concat([...payloads].map((p) => Buffer.concat([bytes(p), Buffer.from([0xff]), bytes(h0), Buffer.from([0xff]), bytes('message')]))),
  verify: () => {
    const list = [];
    for (const s of signed) for (const bits of [0x00, 0x20, 0x40, 0x08]) list.push(sel(s.keyIndex | bits, s.token));
    for (const t of tokens) { list.push(sel(0, t)); list.push(sel(0x81, t)); }
    return list;
  },
  sign: () => {
    const list = [];
    for (const p of payloads) for (const s of [0x00, 0x01, 0x02, 0x04, 0x14]) list.push(sel(s, p));
    for (const h of headers) for (const p of payloads.slice(0, 4)) {
      list.push(sel(0x20, Buffer.concat([bytes(h), Buffer.from([0]), bytes(p)])));
    }
    return list;
  },
};
// Decimal texts of the strtod vectors, and their slow-path shapes.
sets.numbers = () => vec('strtod.json').map((t) => bytes(t.in))
  .concat(['1e308', '1e-320', '4.9406564584124654e-324', '9007199254740993', `${'9'.repeat(900)}e-1200`].map(bytes));
sets.keys = () => [...jwks, ...pems].flatMap((k) => [sel(0, k), sel(4, k)])
  .concat(ders.map((d) => Buffer.concat([Buffer.from([0]), d])))
  .concat([...jwks].slice(0, 20).map((k) => sel(1, `{"keys":[${k}]}`)));
sets.extract = () => pasted.map(bytes).concat([...tokens].slice(0, 50).map(bytes));
sets.secret = () => secretPairs.slice(0, 600).map(([t, s]) => Buffer.concat([bytes(t), Buffer.from([0]), bytes(s)]));
sets.config = () => [...configs, '{}', '{"services":{"CoAuthoring":{"token":{"enable":{"browser":true,"request":{"inbox":true,"outbox":true}}},"secret":{"inbox":{"string":"s3cret"},"outbox":{"file":"/etc/secret"}}}}}',
  'JWT_ENABLED=true\nJWT_SECRET=abc\nJWT_HEADER=AuthorizationJwt\n', '- JWT_SECRET="quoted"\n- JWT_IN_BODY=true\n',
  "JWT_SECRET: 'x y'\nJWT_ENABLED: false\n", '{}\0{"services":{"CoAuthoring":{"token":{"verifyOptions":{"clockTolerance":"60"}}}}}'].map(bytes);
// Secure links (url NUL secret) and nginx texts, from their vector files.
const vec = (name) => JSON.parse(readFileSync(join(vectorDir, name), 'utf8')).tests;
sets.links = () => vec('secure_links.json').flatMap((t) => [bytes(t.url),
  Buffer.concat([bytes(t.url), Buffer.from([0]), bytes(t.secret ?? 'Zr8mQ2vX9pL4sT7wK1nB')])]);
sets.nginx = () => vec('nginx_configs.json').map((t) => bytes(t.text));
// Connector settings (text [NUL server config]), from their vector file.
// The diagnosis: texts joined by NUL; with a typed secret, 0x01 first and
// the secret as the second text (tests/fuzz/fuzz_diagnose.c).
sets.diagnose = () => vec('diagnose.json').map((t) => (t.secrets === undefined ? bytes(t.items.join('\0'))
  : Buffer.concat([Buffer.from([1]), bytes([t.items[0], t.secrets[0], ...t.items.slice(1)].join('\0'))])));
sets.connector = () => vec('connector_settings.json').map((t) => (t.serverConfig === undefined ? bytes(t.text)
  : Buffer.concat([bytes(t.text), Buffer.from([0]), bytes(t.serverConfig)])));
// Certificates made by openssl (tests/helpers/certs.mjs), as DER and PEM,
// each with and without a host and a key: [selector, host length, host, cert].
sets.certs = () => {
  const { certs } = makeCerts();
  const out = [];
  for (const [i, c] of Object.values(certs).entries()) {
    const pem = readFileSync(c.cert);
    const der = pemToDer(pem.toString('utf8'));
    const host = ['localhost', 'docs.example.com', '192.0.2.10', '2001:db8::1'][i % 4];
    for (const cert of [pem, der]) {
      out.push(Buffer.concat([Buffer.from([0, 0]), cert]));
      out.push(Buffer.concat([Buffer.from([1 | (i % 2 ? 4 : 2), host.length]), Buffer.from(host), cert]));
    }
  }
  return out;
};
// The command line (fuzz_cli.c): selector byte, arguments one per line,
// NUL, the content of the file the options name.
const cliArgs = [
  '', '--json', '-h\n--help', '--json\n--secret-file\nF\n@F', '--now=1700000000\n--clock-tolerance\n60\n@F',
  '--iat=12\n--expires-in\n1h\n--header\n{"kid":"a"}\n@F', '--secret-from-local-json\nF\n--which\noutbox\n@F',
  '--\n-x', '--alg=HS384\n--iat', '--bogus', '--now\n1e309', '--now=-0.5e-3', '--secret\ns3cret\ntok',
  '--secret-env\nHOME\n--algorithms\nHS256,HS512', '--which=session', '--json=1', '--defaults\nF\n--show-secrets',
];
const cliFiles = ['', ...[...tokens].slice(0, 5), ...configs.slice(0, 10), '{"services":{"CoAuthoring":{"secret":{"inbox":{"string":"s"},"outbox":{"string":""}}}}}', ' secret\r\n'];
sets.cli = () => {
  const list = [];
  for (const [i, a] of cliArgs.entries()) {
    for (const f of cliFiles.slice(0, i % 3 === 0 ? cliFiles.length : 3)) {
      list.push(Buffer.concat([Buffer.from([(i * 37) & 0xff]), bytes(a), Buffer.from([0]), bytes(f)]));
    }
  }
  return list;
};
// Editor configs (fuzz_inspect.c): flags byte, config, NUL, token. Flags 2
// and 3 sign the config in the harness; 1 takes the token after the NUL.
const inspectConfigs = docs.flatMap((d) => (Array.isArray(d.tests) ? d.tests : []))
  .filter((t) => t.config !== undefined).map((t) => (typeof t.config === 'string' ? t.config : JSON.stringify(t.config)));
sets.inspect = () => {
  const list = [];
  for (const c of inspectConfigs) {
    for (const f of [0x0c, 0x1e, 0x1f, 0x5e, 0x04]) list.push(Buffer.concat([Buffer.from([f]), bytes(c)]));
    list.push(Buffer.concat([Buffer.from([0x1d]), bytes(c), Buffer.from([0]), bytes(signed[0].token)]));
  }
  return list;
};
// Requests and callbacks: option byte (kind, form, flags; fuzz_request.c) + request.
sets.request = () => docs.flatMap((d) => (d.tests ?? []).filter((t) => t.request !== undefined && t.kind !== undefined))
  .flatMap((t) => {
    const text = (typeof t.request === 'string' ? t.request : JSON.stringify(t.request)).replace(/\{\{T\d+\}\}/g, base);
    const kind = ['callback', 'command', 'converter', 'docbuilder'].indexOf(t.kind);
    const form = typeof t.request === 'string' ? 0 : 4;
    return [kind | form | 0x18, kind | form | 0x08 | 0x20].map((o) => Buffer.concat([Buffer.from([o]), bytes(text)]));
  })
  .concat([`\x18GET /ConvertService.ashx?token=${base}&key=k HTTP/1.1\n\n`, '\x19{"token":1}', '\x18Authorization: Bearer\n x\n\nbody'].map(bytes));
// The tokens of the editor page's methods: option byte (kind, flags; fuzz_browser_token.c) + the token or payload.
sets.browser = () => vec('browser_tokens.json').flatMap((t) => {
  const payload = JSON.stringify(t.payload);
  const signed = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(payload).toString('base64url')}.x`;
  return [0x3f, 0x30, 0x12].flatMap((o) => [sel(o, payload), sel(o, signed)]);
});
sets.all = () => Object.entries(sets).filter(([k]) => k !== 'all').flatMap(([, f]) => f());

for (const f of readdirSync(here).filter((n) => /^fuzz_.*\.c$/.test(n)).sort()) {
  const name = f.slice(0, -2);
  const text = readFileSync(join(here, f), 'utf8');
  const kind = (text.match(/^ \* seeds: *(\w+)/m) ?? [])[1] ?? 'all';
  const maxLen = +((text.match(/^ \* max_len: *(\d+)/m) ?? [])[1] ?? 4096);
  if (!sets[kind]) throw new Error(`${f}: unknown seed set "${kind}" (one of ${Object.keys(sets).join(', ')})`);
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  for (const buf of sets[kind]()) {
    if (buf.length > maxLen) continue;
    writeFileSync(join(dir, createHash('sha1').update(buf).digest('hex')), buf);
    n++;
  }
  console.log(`seeds: ${name}: ${n} inputs (${kind})`);
}
