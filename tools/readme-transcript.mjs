// README.md's shell transcript on a Document Server host, from the symptom
// to the fix, written by running the command line (build/oojwt, or
// bin/oojwt.mjs where it is not built: both print the same bytes) in a
// folder laid out as the host: local.json in /etc/onlyoffice/documentserver,
// and the checkJwt line of Document Server's log for a token that
// Nextcloud's app signed with the secret plus a line feed.
// tests/js/readme_transcript.test.mjs checks that README.md holds exactly
// this. `node tools/readme-transcript.mjs` prints it, to paste into the README.
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const START = '<!-- diagnose-transcript: written by tools/readme-transcript.mjs -->';
export const END = '<!-- /diagnose-transcript -->';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SECRET = 'Kq3ZxY7pLm2Vn8Rt5Wb1Hc6Jd4Fg9Ae0';
const b64 = (s) => Buffer.from(s).toString('base64url');
// The version request Nextcloud's app sends to check the connection
// (lib/DocumentService.php checkDocServiceUrl), signed with a line feed
// after the secret; no time claims, so the answer does not depend on the clock.
const h = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const p = b64(JSON.stringify({ c: 'version' }));
const token = `${h}.${p}.${createHmac('sha256', `${SECRET}\n`).update(`${h}.${p}`).digest('base64url')}`;
const LOG = `[2026-12-06T10:00:00.000] [WARN] [localhost] [docId] [userId] nodeJS - checkJwt error: name = JsonWebTokenError message = invalid signature token = ${token}`;
const ERROR = 'Error when trying to connect (Invalid token)';

// What the README shows ($ lines), and what is run.
const STEPS = [
  { shown: 'cd /etc/onlyoffice/documentserver' },
  { shown: `oojwt diagnose '${ERROR}' local.json "$(grep checkJwt /var/log/onlyoffice/documentserver/docservice/out.log | tail -n1)"`,
    args: ['diagnose', ERROR, 'local.json', LOG] },
];

function cli() {
  const native = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
  return existsSync(native) ? [native] : [process.execPath, join(root, 'bin', 'oojwt.mjs')];
}

/** The transcript, between its markers, as README.md holds it. */
export function transcript() {
  const host = mkdtempSync(join(tmpdir(), 'oojwt-readme-'));
  const cwd = join(host, 'etc/onlyoffice/documentserver');
  mkdirSync(cwd, { recursive: true });
  writeFileSync(join(cwd, 'local.json'), `${JSON.stringify({ services: { CoAuthoring: {
    token: { enable: { browser: true, request: { inbox: true, outbox: true } } },
    secret: { inbox: { string: SECRET }, outbox: { string: SECRET }, session: { string: SECRET } },
  } } }, null, 2)}\n`);
  const [cmd, ...pre] = cli();
  const lines = [START, '```console'];
  try {
    for (const step of STEPS) {
      lines.push(`$ ${step.shown}`);
      if (step.args === undefined) continue;
      const env = { PATH: process.env.PATH ?? '' };
      const r = spawnSync(cmd, [...pre, ...step.args], { cwd, env, encoding: 'utf8', input: '' });
      if (r.error) throw r.error;
      // stderr first: the command writes it before its buffered stdout.
      for (const text of [r.stderr, r.stdout]) if (text !== '') lines.push(text.replace(/\n$/, ''));
      lines.push(`[exit ${r.status}]`);
    }
  } finally {
    rmSync(host, { recursive: true, force: true });
  }
  lines.push('```', END);
  return lines.join('\n');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${transcript()}\n`);
}
