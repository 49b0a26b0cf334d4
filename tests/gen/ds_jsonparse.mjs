// Generates tests/vectors/ds_jsonparse.json, tokens whose payload is not
// JSON and the SyntaxError message jsonwebtoken 9.0.2 (jws 3.2.2
// `jwsDecode`: JSON.parse of the payload when the header's typ is JWT)
// gives for them under Document Server's Node:
//   node tests/gen/ds_jsonparse.mjs tests/vectors/ds_jsonparse.json
// The messages are V8's and change between Node versions (Node 18: "Unexpected
// token } in JSON at position 7"), so this refuses to run on any Node but 20
// (V8 11.3, what src/ds_jsonparse.c reproduces). Tokens: one per message form
// of V8 11.3's JsonParser (src/json/json-parser.cc `ReportUnexpectedToken`),
// then the first seeded random cases of tests/helpers/ds_random.mjs (seed 1) that
// end in a SyntaxError. Deterministic: the output is committed.
import { writeFileSync } from 'node:fs';
import { NOW, SECRET, b64u } from '../helpers/common.mjs';
import { mac, mulberry32, randomCase, reference } from '../helpers/ds_random.mjs';

if (!process.versions.v8.startsWith('11.3.')) {
  console.error(`ds_jsonparse_gen: Node ${process.version} (V8 ${process.versions.v8}) is not Node 20 (V8 11.3): its JSON.parse messages are not Document Server's`);
  process.exit(1);
}

const tests = [];
const seen = new Set();
function add(token, why) {
  const r = reference(token, SECRET, NOW);
  if (r.valid || r.name !== 'SyntaxError') throw new Error(`${why}: jsonwebtoken gives ${r.valid ? 'OK' : `${r.name}: ${r.message}`}`);
  if (seen.has(token)) return;
  seen.add(token);
  tests.push(why === undefined ? { token, message: r.message } : { token, message: r.message, why });
}

const header = b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const signed = (payload) => {
  const input = `${header}.${b64u(payload)}`;
  return `${input}.${mac(input, SECRET, 'HS256')}`;
};
const FORMS = [
  ['hello', 'an unexpected token at the start'],
  ['{"sub":"u",}', 'a comma before }'],
  ['{"sub" "u"}', 'no colon'],
  ['{sub:"u"}', 'an unquoted name'],
  ['{"sub":"u"', 'the end of the input'],
  ['   ', 'only whitespace'],
  ['{"sub":"u"} x', 'text after the value'],
  ['{"sub":"u"}}', 'a second closing brace'],
  ['["a" "b"]', 'no comma in an array'],
  ['{"sub":"u\u0001"}', 'a control character in a string'],
  ['{"sub":"\\x"}', 'a bad escape'],
  ['{"sub":"\\u12"}', 'a short \\u escape'],
  ['{"sub":"u', 'an unterminated string'],
  ['{"n":-}', 'no number after a minus sign'],
  ['{"n":1.}', 'no digit after the point'],
  ['{"n":1e}', 'no exponent digits'],
  ['{"n":01}', 'a leading zero'],
  ['{"n":NaN}', 'NaN'],
  ['{"t":tru}', 'a cut literal'],
  ['{"sub":"ключ ✓', 'non-ASCII context, cut'],
  ['{"sub":"😀"x}', 'an astral character before the error (UTF-16 positions)'],
  [`{"sub":"${'x'.repeat(40)}"x}`, 'a long text before the error'],
  [`{"a":"${'x'.repeat(40)}","t":tru}`, 'a long context before the token, elided'],
  [`{"t":tru,"a":"${'x'.repeat(40)}"}`, 'a long context after the token, elided'],
  [`{"a":"${'x'.repeat(40)}","t":tru,"b":"${'x'.repeat(40)}"}`, 'a long context on both sides, elided'],
  [Buffer.from([0x7b, 0xff, 0x7d]), 'invalid UTF-8 (U+FFFD)'],
];
for (const [payload, why] of FORMS) add(signed(payload), why);

// Seeded random cases, as the live differential draws them (seed 1, the
// first RANDOM that end in a SyntaxError).
const RANDOM = 400;
const rnd = mulberry32(1);
let drawn = 0;
for (const first = tests.length; tests.length < first + RANDOM; drawn++) {
  const c = randomCase(rnd);
  const r = reference(c.token, c.secret, c.now, c.tolerance);
  if (!r.valid && r.name === 'SyntaxError') add(c.token);
}

const out = process.argv[2];
const doc = {
  description: `Tokens whose payload is not JSON, and the SyntaxError message of jsonwebtoken 9.0.2 (called as Document Server calls it) for each, recorded under Node ${process.version} (V8 ${process.versions.v8}), the Node 20 Document Server runs on, by tests/gen/ds_jsonparse.mjs: one token per message form of V8's JSON parser (with why), then the first ${RANDOM} seeded random cases of tests/helpers/ds_random.mjs (seed 1, ${drawn} cases drawn) that end in a SyntaxError. The message does not depend on the secret or the clock (jws decodes before jsonwebtoken checks either).`,
  node: process.version,
  v8: process.versions.v8,
  tests,
};
writeFileSync(out, `${JSON.stringify(doc, null, 1)}\n`);
console.log(`ds_jsonparse_gen: ${tests.length} tokens written to ${out}`);
