// The README's table of connector profiles, written from
// kit.onlyoffice.connectors() (src/ds/connectors.c, src/ds/jwt_libraries.c):
// `node tools/connectors-table.mjs` prints it; tests/js/readme_connectors.test.mjs
// fails when README.md's copy (between the connectors-table markers) differs.
import { fileURLToPath } from 'node:url';

export const START = '<!-- connectors-table: written by tools/connectors-table.mjs from kit.onlyoffice.connectors() -->';
export const END = '<!-- /connectors-table -->';

const LOCATION = {
  'body-first': 'body, then header',
  'header-first': 'header, then body',
  'body-only': 'body only',
  'header-only': 'header only',
};
const HEADER = {
  'any-case': 'header name in any case',
  'exact-case': 'header name in exact case',
  wsgi: 'WSGI `HTTP_` name (no `-`)',
  'authorization-only': '`Authorization` only',
};
const PREFIX = {
  'cut-length': 'cuts 7 characters, whatever they are',
  'starts-with': 'cut when the value starts with it',
  optional: 'optional',
  'replace-all': 'removed wherever it occurs',
  'split-whitespace': 'split on white space',
};
const ALGORITHMS = { configured: 'the one configured (HS256)', 'any-hs': 'any HS' };

// Table cells: no line breaks, no column separators.
const cell = (s) => String(s).replace(/\s+/g, ' ').replace(/\|/g, '\\|');
const code = (s) => (s.includes('`') ? s : `\`${s}\``);

/** The Markdown table (with its markers) for `tables`, kit.onlyoffice.connectors()'s result. */
export function connectorsTable(tables) {
  const libs = new Map(tables.libraries.map((l) => [l.id, l]));
  const rows = [
    '| Connector | Library and version | Token location | Prefix | Leeway | Algorithms | Key length | Failure answer | Source |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of tables.connectors) {
    const lib = libs.get(c.library);
    if (lib === undefined) throw new Error(`${c.id}: no library row ${c.library}`);
    const location = `${LOCATION[c.location] ?? c.location}; ${HEADER[c.header] ?? c.header}${c.unwrapsPayload ? '; unwraps `payload`' : ''}`;
    const leeway = `${c.leeway} s${c.leewaySetting ? `; set with ${code(c.leewaySetting)}` : ''}`;
    const key = [lib.keyMinimum ? 'refuses a key shorter than the hash output' : 'no minimum',
      ...(lib.emptyKeyRefused ? ['refuses an empty key'] : [])].join('; ');
    const r = c.refusal;
    const answer = [r.status === null ? 'status not documented' : `HTTP ${r.status}`,
      ...(r.body !== null ? [code(r.body)] : []), ...(r.log !== null ? [`log “${r.log}”`] : [])].join(', ');
    rows.push(`| ${[`${c.name} (\`${c.id}\`)`, lib.name, location, PREFIX[c.prefix] ?? c.prefix, leeway,
      ALGORITHMS[lib.algorithms] ?? lib.algorithms, key, answer, c.source].map(cell).join(' | ')} |`);
  }
  return [START, ...rows, END].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { loadToolkit } = await import('../web/lib/oojwt.mjs');
  const kit = await loadToolkit();
  process.stdout.write(`${connectorsTable(kit.onlyoffice.connectors())}\n`);
}
