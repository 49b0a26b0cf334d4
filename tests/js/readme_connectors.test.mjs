// README.md's table of connector profiles against the data it documents:
// the table between the connectors-table markers must be exactly what
// tools/connectors-table.mjs writes from kit.onlyoffice.connectors()
// (src/ds/connectors.c, src/ds/jwt_libraries.c), so a row changed in C
// without the README (or the reverse) fails here. Also checks that the
// writer itself cannot hide a row or a field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { kit } from '../helpers/common.mjs';
import { connectorsTable, START, END } from '../../tools/connectors-table.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test('README\'s connector table is the one written from kit.onlyoffice.connectors()', () => {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  assert.ok(from >= 0 && to > from, 'README.md has the connectors-table markers');
  assert.equal(readme.indexOf(START, from + 1), -1, 'one table');
  const inReadme = readme.slice(from, to + END.length);
  assert.equal(inReadme, connectorsTable(kit.onlyoffice.connectors()),
    'README.md and the connector profiles disagree: run `node tools/connectors-table.mjs` and paste its output');
});

test('the table has one row per connector, with its library, leeway, failure answer and source', () => {
  const tables = kit.onlyoffice.connectors();
  const rows = connectorsTable(tables).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Connector |'));
  assert.equal(rows.length, tables.connectors.length);
  const libs = new Map(tables.libraries.map((l) => [l.id, l]));
  tables.connectors.forEach((c, i) => {
    const cells = rows[i].slice(2, -2).split(' | ');
    assert.equal(cells.length, 9, rows[i]);
    assert.equal(cells[0], `${c.name} (\`${c.id}\`)`);
    assert.equal(cells[1], libs.get(c.library).name);
    assert.match(cells[4], new RegExp(`^${c.leeway} s`));
    if (c.refusal.status !== null) assert.match(cells[7], new RegExp(`^HTTP ${c.refusal.status}`));
    assert.equal(cells[8], c.source.replace(/\s+/g, ' '));
  });
  // A changed row changes the table.
  const changed = structuredClone(tables);
  changed.connectors[0].leeway += 1;
  assert.notEqual(connectorsTable(changed), connectorsTable(tables));
});
