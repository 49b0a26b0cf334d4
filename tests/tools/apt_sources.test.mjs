// tools/apt-sources.py: the deb-src lines `make deps` fetches BearSSL and
// cJSON with, derived from sample apt sources (deb822 .sources stanzas and
// one-line sources.list / .list files) in a made-up /etc, and its refusal,
// with what to do, when Debian's main or security archive is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../tools/apt-sources.py', import.meta.url));
const KEY = '/usr/share/keyrings/debian-archive-keyring.gpg';

// Runs the script on an /etc holding `files` (paths relative to etc/).
function derive(files, release = 'bookworm', flags = []) {
  const root = mkdtempSync(join(tmpdir(), 'oojwt-apt-'));
  try {
    mkdirSync(join(root, 'etc', 'apt', 'sources.list.d'), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'etc', name), text);
    const r = spawnSync('python3', [script, ...flags, release, join(root, 'etc', 'apt')], { encoding: 'utf8' });
    return { status: r.status, lines: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const bookwormSources = `# the machine's archives
Types: deb
# a comment inside a stanza
URIs: http://mirror.example/debian
Suites: bookworm bookworm-updates
Components: main contrib
Signed-By: ${KEY}

Types: deb
URIs: http://mirror.example/debian-security
Suites: bookworm-security
Components: main
Signed-By: ${KEY}
`;

test('deb822: one deb-src line per archive, URIs and Signed-By kept, -updates folded in', () => {
  const r = derive({ 'apt/sources.list.d/debian.sources': bookwormSources });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.lines, [
    `deb-src [signed-by=${KEY}] http://mirror.example/debian bookworm main`,
    `deb-src [signed-by=${KEY}] http://mirror.example/debian-security bookworm-security main`,
  ]);
});

test('deb822: several URIs, case-insensitive fields, continuation lines; disabled and third-party stanzas skipped', () => {
  const r = derive({
    'apt/sources.list.d/debian.sources': `types: deb deb-src
uris: http://one.example/debian
 http://two.example:3142/debian
suites: trixie trixie-security
components: main
signed-by:
 -----BEGIN PGP PUBLIC KEY BLOCK-----
 .
 mQINBGPL0BUBEADmW5NdOOHwPIJlgPu6JDcKw/NZJPR8lsD9K7UgrF6nP
 -----END PGP PUBLIC KEY BLOCK-----

Types: deb
URIs: http://old.example/debian
Suites: bookworm
Components: main
Enabled: no
`,
    'apt/sources.list.d/vendor.sources': `Types: deb
URIs: https://vendor.example/node_20.x
Suites: nodistro
Components: main
`,
    'apt/sources.list.d/other.sources.disabled': 'Types: deb\nURIs: http://ignored.example/debian\nSuites: bookworm\nComponents: main\n',
  });
  assert.equal(r.status, 0, r.stderr);
  // An inline key cannot go on a one-line entry: apt's own keyrings judge it.
  assert.deepEqual(r.lines, [
    'deb-src http://one.example/debian bookworm main',
    'deb-src http://two.example:3142/debian bookworm main',
    'deb-src http://one.example/debian bookworm-security main',
    'deb-src http://two.example:3142/debian bookworm-security main',
  ]);
});

test('one-line format: [options] kept (signed-by, trusted) or dropped (arch), comments and cdrom skipped', () => {
  const r = derive({
    'apt/sources.list': `# deb http://commented.example/debian bookworm main
deb [ arch=amd64,arm64 signed-by=/etc/apt/keyrings/local.gpg ] http://proxy.example:3142/debian/ bookworm main non-free-firmware # trailing
deb cdrom:[Debian GNU/Linux 12]/ bookworm main
deb http://proxy.example:3142/debian bookworm-backports contrib
deb https://vendor.example/apt cloud-sdk-bookworm main
`,
    'apt/sources.list.d/security.list': 'deb [trusted=yes] http://proxy.example:3142/debian-security bookworm/updates main\n',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.lines, [
    'deb-src [signed-by=/etc/apt/keyrings/local.gpg] http://proxy.example:3142/debian/ bookworm main',
    'deb-src [trusted=yes] http://proxy.example:3142/debian-security bookworm-security main',
  ]);
});

test('another release (trixie): its URIs with the pinned release\'s suites', () => {
  const r = derive({
    'apt/sources.list.d/debian.sources': bookwormSources.replaceAll('bookworm', 'trixie'),
  });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.lines, [
    `deb-src [signed-by=${KEY}] http://mirror.example/debian bookworm main`,
    `deb-src [signed-by=${KEY}] http://mirror.example/debian-security bookworm-security main`,
  ]);
});

test('a codename not in the list counts only when os-release says Debian runs it', () => {
  const list = 'deb http://m.example/debian zeppo main\ndeb http://m.example/debian-security zeppo-security main\n';
  assert.equal(derive({ 'apt/sources.list': list }).status, 1);
  const r = derive({ 'apt/sources.list': list, 'os-release': 'ID=debian\nVERSION_CODENAME=zeppo\n' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.lines, [
    'deb-src http://m.example/debian bookworm main',
    'deb-src http://m.example/debian-security bookworm-security main',
  ]);
  assert.equal(derive({ 'apt/sources.list': list, 'os-release': 'ID=ubuntu\nVERSION_CODENAME=zeppo\n' }).status, 1);
});

test('no Debian source: exit 1, nothing printed, and what to do', () => {
  const r = derive({
    'apt/sources.list.d/vendor.sources': 'Types: deb\nURIs: https://vendor.example/node_20.x\nSuites: nodistro\nComponents: main\n',
  });
  assert.equal(r.status, 1);
  assert.deepEqual(r.lines, []);
  assert.match(r.stderr, /main archive: a deb source of suite bookworm /);
  assert.match(r.stderr, /security archive: a deb source of suite bookworm-security /);
  assert.match(r.stderr, /Add a Debian mirror .*\n.*sources\.list\.d\/, or set BEARSSL_DIR and CJSON_DIR/);
});

test('the security archive missing is named alone, and nothing is printed', () => {
  const r = derive({ 'apt/sources.list': 'deb http://mirror.example/debian bookworm main\n' });
  assert.equal(r.status, 1);
  assert.deepEqual(r.lines, []);
  assert.match(r.stderr, /security archive/);
  assert.doesNotMatch(r.stderr, /main archive/);
});

test('--binary: the deb line of the main archive too, for the packages emsdk-local downloads', () => {
  const r = derive({ 'apt/sources.list.d/debian.sources': bookwormSources }, 'bookworm', ['--binary']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.lines, [
    `deb-src [signed-by=${KEY}] http://mirror.example/debian bookworm main`,
    `deb-src [signed-by=${KEY}] http://mirror.example/debian-security bookworm-security main`,
    `deb [signed-by=${KEY}] http://mirror.example/debian bookworm main`,
  ]);
});
