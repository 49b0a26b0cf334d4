// make lint (tools/lint.mjs): each rule fires on a tree that breaks it and
// stays quiet on one that keeps it, so that a green lint means something.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const lint = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tools', 'lint.mjs');

function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'oojwt-lint-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function run(files) {
  const root = tree(files);
  try {
    const r = spawnSync(process.execPath, [lint, root], { encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const CLEAN = {
  'src/inner.h': '/* shared */\n#include "oojwt.h"\n',
  'src/oojwt.h': '/* api */\n#include "core/oojwt_codes.h"\n',
  'src/core/oojwt_codes.h': '/* codes */\nenum { OOJWT_FIND_DEFAULT_SECRET = 116 };\n',
  'src/core/core.h': '/* core */\n#include "../inner.h"\n',
  'src/core/json_scan.c': '/* scan */\n#include "cJSON.h"\n#include "inner.h"\n#include "core.h"\nvoid f(void) { cJSON_GetObjectItemCaseSensitive(0, "a"); }\n',
  'src/ds/ds.h': '/* ds */\n#include "../core/core.h"\n',
  'src/ds/profile.c': '/* DocsCoServer.js checkJwt */\n#include "inner.h"\n#include "ds.h"\n#include "core/core.h"\n',
  'src/ds/wasm_ds.c': '/* exports */\n#include "ds.h"\nOOJWT_WASM_EXPORT("oojwt_wasm_x")\nint oojwt_wasm_x(int a);\n\nint\noojwt_wasm_x(int a)\n{\n\treturn a;\n}\n',
  'src/cli/main.c': '/* cli */\n#include "../deploy/deploy.h"\n',
  'web/lib/oojwt.mjs': "// library\nimport { x } from './time.mjs';\nconst u = new URL('./oojwt.wasm', import.meta.url);\n",
  'web/page/app.mjs': "// page\nimport { loadToolkit } from '../lib/oojwt.mjs';\n",
  'tests/js/a.test.mjs': '// covers a\n',
  'tests/c/test_a.c': '/* covers a */\n',
};

test('a tree that keeps every rule passes', () => {
  const r = run(CLEAN);
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /lint: \d+ files, 0 problems/);
});

const BREAKS = [
  ['layer-include', 'src/core/key.c', '/* key */\n#include "inner.h"\n#include "ds/ds.h"\n'],
  ['layer-include', 'src/ds/x.c', '/* x */\n#include "../deploy/deploy.h"\n'],
  ['cjson-include', 'src/ds/y.c', '/* y */\n#include "cJSON.h"\n'],
  ['cjson-include', 'src/core/key_pem.c', '/* pem */\n#include "cJSON.h"\n'],
  ['cjson-nocase', 'src/core/json_tree.c', '/* t */\n#include "cJSON.h"\nvoid g(void) { cJSON_GetObjectItem(0, "a"); }\n'],
  ['cjson-nocase', 'src/core/json_config.c', '/* c */\n#include "cJSON.h"\nvoid g(void) { cJSON_HasObjectItem(0, "a"); }\n'],
  ['wasm-export', 'src/core/wasm_k.c', '/* k */\nint\nhelper(int a)\n{\n\treturn a + 1;\n}\n'],
  ['lib-imports', 'web/lib/el.mjs', "// element\nimport { judge } from '../page/verdict.mjs';\n"],
  ['lib-imports', 'web/lib/lazy.mjs', "// lazy\nconst m = () => import('../page/ds.mjs');\n"],
  // The outside references are built, so that the repository holds none.
  ['outside-ref', 'src/ds/request.c', `/*\n * Requests (${'issue'} 4, section 4).\n */\n#include "ds.h"\n`],
  ['outside-ref', 'src/core/jws.c', `/* As measured in ${'session'} 3. */\n#include "core.h"\n`],
  ['outside-ref', 'web/lib/onlyoffice.mjs', '// As the spec says in section 7.\nexport {};\n'],
  ['outside-ref', 'src/ds/z.c', '/* z: spec sections 2.2-2.6 */\n#include "ds.h"\n'],
  ['old-finding', 'src/ds/w.c', '/* w */\n#include "ds.h"\nint c = OOJWT_WARN_DEFAULT_SECRET;\n'],
  ['cli-host', 'src/cli/diag.c', '/* d */\n#include <stdio.h>\nvoid f(void) { printf("x"); }\n'],
  ['cli-host', 'src/cli/env.c', '/* e */\n#include <stdlib.h>\nconst char *f(void) { return getenv("X"); }\n'],
  ['test-header', 'tests/js/b.test.mjs', "import { test } from 'node:test';\n"],
  ['test-header', 'tests/c/test_b.c', '#include "testlib.h"\n'],
];

for (const [rule, path, text] of BREAKS) {
  test(`${rule} fires on ${path}`, () => {
    const r = run({ ...CLEAN, [path]: text });
    assert.equal(r.status, 1, r.out);
    assert.ok(r.out.split('\n').some((l) => l.startsWith(`${path}:`) && l.includes(`: ${rule}: `)), r.out);
  });
}

test('the repository itself passes', () => {
  const r = spawnSync(process.execPath, [lint], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
