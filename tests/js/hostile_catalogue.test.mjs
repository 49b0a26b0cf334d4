// The hostile-input catalogue (tests/hostile/*.json, see
// tests/hostile/README.md) through the JS API of the wasm module.
//
// Every file in tests/hostile/ is read; its "entry" names the API call
// (tests/helpers/hostile.mjs), each of its entries is one test: the input is
// generated from its spec, handed to that call, and the code read from
// the result must be the entry's "code". tests/c/test_catalogue.c
// runs the same files natively through the same C functions and reads
// the code by the same rules, so the two must agree.
//
// A new entry point is one row in tests/helpers/hostile.mjs and one in
// test_catalogue.c; new
// inputs are new files or entries, no code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadToolkit } from '../../web/lib/oojwt.mjs';
import { kit } from '../helpers/common.mjs';
import { entryKey, entryPointsOf, files, fullOnly, gen, readFile } from '../helpers/hostile.mjs';

// The JWT entries run on the core module too (web/lib/oojwt.wasm: the kit of
// loadToolkit({ onlyoffice: false })), which must answer as the full one.
const coreKit = await loadToolkit({ onlyoffice: false });

const entryPoints = entryPointsOf(kit);
const coreEntryPoints = entryPointsOf(coreKit);

test('the catalogue has at least 150 entries, each file a known entry point', () => {
  let n = 0;
  for (const f of files) {
    const doc = readFile(f);
    assert.ok(entryPoints[doc.entry], `${f}: unknown entry "${doc.entry}" (add it to entryPoints)`);
    assert.ok(Array.isArray(doc.entries) && doc.entries.length > 0, `${f}: no entries`);
    n += doc.entries.length;
  }
  assert.ok(n >= 150, `${n} entries`);
});

for (const f of files) {
  const doc = readFile(f);
  const run = entryPoints[doc.entry];
  const defaults = doc.defaults ?? {};
  for (const e of doc.entries ?? []) {
    test(`hostile ${f}: ${e.name}`, () => {
      assert.ok(e.name && e.code && e.why, 'an entry needs name, code and why');
      const o = { ...defaults.options, ...e.options };
      const key = entryKey(doc, e);
      assert.equal(run(gen(e.input), key, o), e.code, e.why);
      if (!fullOnly.has(doc.entry)) {
        assert.equal(coreEntryPoints[doc.entry](gen(e.input), key, o), e.code, `the core module: ${e.why}`);
      }
    });
  }
}
