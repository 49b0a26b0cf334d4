#!/usr/bin/env node
// oojwt — the command line for machines with Node but no compiler.
//
// The same commands, options, exit codes and `--json` output as the native
// build/oojwt (src/cli*.c); every check happens in the C core through the
// JS module (web/lib/oojwt.mjs). This file only reads arguments and prints.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { loadToolkit, OojwtError } from '../web/lib/oojwt.mjs';

const EXIT = { OK: 0, INVALID: 1, USAGE: 2, INPUT: 3, INTERNAL: 4 };

// The help texts are the native ones, word for word (a test compares them).
const SECRET_HELP = `Secret (one of; never only on the command line):
  --secret-file PATH          read it from a file (one final newline is dropped)
  --secret-env NAME           read it from the environment variable NAME
                              (default when no source is given: $OOJWT_SECRET)
  --secret-from-local-json PATH [--which inbox|outbox|session]
                              services.CoAuthoring.secret.<which>.string of a
                              Document Server local.json (default: inbox), e.g.
                              /etc/onlyoffice/documentserver/local.json
  --secret VALUE              allowed, with a warning: it shows in ps and history
`;
const INPUT_HELP = `INPUT is the text itself, @FILE to read a file, or - for standard input
(also read when INPUT is missing and standard input is not a terminal).
Whitespace around text read from a file or standard input is ignored.
`;
const EXIT_HELP = `Exit codes: 0 valid (decoded, signed), 1 invalid or undecodable token,
2 usage error, 3 input error (unreadable file, secret or payload; sign
refused), 4 internal error (out of memory, output failed).
`;
const HELP = {
  main: `usage: oojwt COMMAND [OPTIONS] [INPUT]

Inspect, build and verify the JSON Web Tokens of ONLYOFFICE Docs.

Commands:
  decode    decode a token without verifying it
  verify    verify a token with a secret: every problem, with its code
  sign      sign a JSON payload (the same bytes as the JS module's kit.sign)
  explain-secret  which variant of a secret verifies a token (trimmed, ...)
  server-config   the JWT settings of a local.json, with findings and fixes
  inspect-config  an editor config as Document Server judges it
  inspect-url     a download link as Document Server's nginx judges it
  nginx-config    the secure link secret, ports and TLS of an nginx config
  inspect-cert    a TLS certificate: names, dates, key, host coverage
  inspect-request a request to Document Server, or its callback, as the receiver judges it
  compare-secrets two secrets side by side: invisible and look-alike characters
  commands        ready-to-run commands built from your container, URL, host

Common options:
  --json    print the JSON report (the JS module's kit.reports) instead of a verdict
  --help    help for a command: oojwt verify --help
  --version

${INPUT_HELP}
${EXIT_HELP}`,
  decode: `usage: oojwt decode [--json] [INPUT]

Decode a token without verifying it: header, payload, time claims in
UTC, signature length, and every reason the token cannot be decoded.

${INPUT_HELP}
${EXIT_HELP}`,
  verify: `usage: oojwt verify [SECRET OPTIONS] [--algorithms A,B] [--now SECONDS]
                    [--clock-tolerance SECONDS] [--json] [INPUT]

Verify a token strictly and report every problem it has.

  --algorithms A,B       allowed algorithms (default HS256,HS384,HS512 for a
                         secret, every algorithm for an RSA or EC key)
  --now SECONDS          the time to judge exp/nbf at (default: the clock)
  --clock-tolerance S    seconds granted to exp and nbf (default 0;
                         Document Server uses 60)

Key (instead of a secret; RS/PS/ES tokens, or an oct JWK for HS):
  --key-file PATH        a PEM, DER, JWK or JWK Set file, read whole; a file
                         that reads as a key is never a secret, whichever
                         option names it (oojwt then reads it as that key)

${SECRET_HELP}
${INPUT_HELP}
${EXIT_HELP}
Example:
  oojwt verify --secret-from-local-json /etc/onlyoffice/documentserver/local.json @token.txt
`,
  'explain-secret': `usage: oojwt explain-secret [SECRET OPTIONS] [--server-config local.json]
                            [--json] [INPUT]

Why does the token INPUT not verify with this secret? Tries the secret as
given, then the variants real setups produce (trimmed; a space, tab, CR,
LF, CRLF, no-break space, zero-width space or BOM added or removed at
either end; with/without quotes; base64/base64url/hex-decoded; with
--server-config, its other secrets; the default "secret") and names the
one that verifies; also spots a secret pasted as the token, a token
pasted as the secret, and damaged payloads.
Exit code 0 when the secret as given verifies, 1 otherwise.

${SECRET_HELP}
${INPUT_HELP}
${EXIT_HELP}`,
  'server-config': `usage: oojwt server-config [--defaults PATH] [--show-secrets] [--json] [INPUT]

Document Server's effective JWT settings from local.json (or Docker
JWT_* lines from an env or compose file), merged over default.json as
shipped (or --defaults PATH) as the server merges them: which tokens are
on, where each secret comes from, headers, and the findings with fixes.
Secrets are shown by their length unless --show-secrets is given.
Exit code 0 when no finding is an error, 1 otherwise.

Example:
  oojwt server-config @/etc/onlyoffice/documentserver/local.json

${INPUT_HELP}
${EXIT_HELP}`,
  'inspect-config': `usage: oojwt inspect-config [SECRET OPTIONS] [--server-config PATH] [--now SECONDS]
                            [--server-version V] [--kind NAME] [--json] [INPUT]

Judge the config a page passes to DocsAPI.DocEditor (JSON, with or without
its token) as Document Server does: whether the editor opens or closes
(4004/4005/4006, editor error -23/-21/-20; 4007), the findings with fixes, and
the effective config. The token is checked with the inbox secret: from
the secret options, else from --server-config PATH (a local.json or
Docker env file, which also gives the token flags and clock tolerance).
INPUT may also be a token alone: any token the editor page sends, whose
kind (config, refreshFile, insertImage, setHistoryData, setRevisedFile,
setRequestedDocument, setRequestedSpreadsheet, setReferenceData,
setMailMergeRecipients, downloadFile) is guessed from its payload and
shown with the confidence, then judged as Document Server judges that kind.
  --server-version V     the server's version (8.1, 7.3.3; default: the newest
                         rules): before 8.2 editorConfig.mode is required in
                         the token for view too
  --kind NAME            judge the token (or the config's token) as this kind
                         instead of the guess
Exit code 0 when the editor opens (or the token is accepted), 1 otherwise.

${SECRET_HELP}
${INPUT_HELP}
${EXIT_HELP}`,
  'inspect-url': `usage: oojwt inspect-url [SECRET] [--now SECONDS] [--json] [INPUT]

What the nginx of Document Server answers for a download link
(.../cache/files/...?md5=...&expires=...): 200, 400, 403 (missing or wrong
signature) or 410 (expired), the path nginx checks, the expiry, and when
the signature fails, which form of the path or of the secret it matches.
Without a secret the signature is not checked.
Exit code 0 when nginx answers 200, 1 otherwise.

Secret (the secure link secret; one of):
  --secret-file PATH          read it from a file (one final newline is dropped)
  --secret-env NAME           read it from the environment variable NAME
                              (default when no source is given: $OOJWT_SECRET)
  --server-config PATH        storage.fs.secretString of a local.json
  --nginx-config PATH         $secure_link_secret of an nginx ds.conf
  --secret VALUE              allowed, with a warning: it shows in ps and history

${INPUT_HELP}
${EXIT_HELP}`,
  'nginx-config': `usage: oojwt nginx-config [--server-config PATH] [--show-secrets] [--json] [INPUT]

Read Document Server's nginx configuration (nginx/ds.conf and the
includes/ds-*.conf files, or a reverse proxy's server block; several files
may follow one another): the secure link secret, the listen ports and their
ssl flags, ssl_certificate/_key and ssl_protocols, with findings and fixes
(no HTTPS, 443 without ssl, TLSv1/TLSv1.1, "ssl on", the default secret,
syntax errors). --server-config PATH (a local.json) compares the secret
with storage.fs.secretString. Secrets are shown by their length unless
--show-secrets is given.
Exit code 0 when no finding is an error, 1 otherwise.

Example:
  oojwt nginx-config --server-config /etc/onlyoffice/documentserver/local.json \\
      @/etc/onlyoffice/documentserver/nginx/ds.conf

${INPUT_HELP}
${EXIT_HELP}`,
  'inspect-cert': `usage: oojwt inspect-cert [--key FILE] [--host NAME] [--now SECONDS] [--json]
                          [INPUT]

Inspect the TLS certificate INPUT (PEM or DER; the first CERTIFICATE block
of a PEM file): subject, issuer, self-signed or not, serial, validity,
subjectAltName DNS names and IP addresses, key, signature algorithm and
SHA-256 fingerprint, with findings and fixes (expired, self-signed, host
not covered, key mismatch, weak key or signature, ...).

  --key FILE      the private key (PEM or DER): does it belong to the
                  certificate?
  --host NAME     the name or IP address the connector uses to reach
                  Document Server: does the certificate cover it?
  --now SECONDS   the time to judge the validity at (default: the clock)

Exit code 0 when no finding is an error, 1 otherwise, 3 when INPUT is not
a certificate or the key cannot be read.

Example:
  oojwt inspect-cert --host 192.0.2.10 --key ds.key @/etc/ssl/certs/ds.crt

${INPUT_HELP}
${EXIT_HELP}`,
  'inspect-request': `usage: oojwt inspect-request --kind KIND [SECRET OPTIONS] [--server-config PATH]
                             [--now SECONDS] [--clock-tolerance S] [--connector NAME]
                             [--leeway S] [--json] [INPUT]

Judge an HTTP request as its receiver does. KIND is callback (Document
Server -> your callbackUrl, judged as the connectors do, outbox secret),
command, converter or docbuilder (you -> Document Server, inbox secret).
INPUT is the raw request (request line, headers, empty line, body), a JSON
object {"headers": {...}, "body": ...}, or a JSON body alone. The token
is looked for where the receiver looks (body "token" first, else the
configured header with its exact prefix); every token found is verified
with the Document Server profile, and the report says which one counts,
the answer (command error 6/7, converter/docbuilder -8, connector 403),
the findings with fixes, and the body the receiver acts on.
--server-config PATH (local.json or Docker env) gives the secret, header,
prefix, enable flags and clock tolerance; --secret-from-local-json takes
the outbox secret for callbacks unless --which says otherwise.
  --clock-tolerance S    seconds (default: verifyOptions, 60; callbacks 0,
                         the connectors' leeway)
  --connector NAME       callbacks: judge as this connector only (nextcloud,
                         owncloud, moodle, strapi, ...; default: every one,
                         one line each)
  --leeway S             callbacks: the connector's leeway in seconds
                         (Nextcloud's jwt_leeway) instead of its default
Exit code 0 when the receiver accepts the request, 1 otherwise.

${SECRET_HELP}
${INPUT_HELP}
${EXIT_HELP}`,
  sign: `usage: oojwt sign [SECRET OPTIONS] [--alg ALG] [--header JSON] [--iat[=SECONDS]]
                  [--expires-in DURATION] [--now SECONDS] [--json] [INPUT]

Sign the JSON object INPUT (the payload). The header is {"alg","typ":"JWT"}
plus --header; the payload is written as JSON.stringify writes it, so the
token is the one kit.sign() and jsonwebtoken produce.

  --alg ALG              HS256 (default), HS384, HS512; RS256/384/512 and
                         ES256/384/512 with a private key in --key-file
  --header JSON          members added to the header
  --iat                  add iat (the current time); --iat=SECONDS: that value
  --expires-in D         add exp: seconds, or 90s, 30m, 1h, 7d, 2w
  --now SECONDS          the clock for --iat and --expires-in

Key (instead of a secret; RS/PS/ES tokens, or an oct JWK for HS):
  --key-file PATH        a PEM, DER, JWK or JWK Set file, read whole; a file
                         that reads as a key is never a secret, whichever
                         option names it (oojwt then reads it as that key)

${SECRET_HELP}
${INPUT_HELP}
${EXIT_HELP}`,
};

const NOT_YET = {};

class Failure extends Error {
  constructor(exit, message) {
    super(message);
    this.exit = exit;
  }
}
const usage = (message) => new Failure(EXIT.USAGE, message);

/** "insertImage (likely; candidates: insertImage): why" -- a kind guess for people, as src/cli/ds.c prints it. */
const guessLine = (g, best) => `${best ?? 'unknown'} (${g.confidence}; candidates:${g.candidates.length ? ` ${g.candidates.join(', ')}` : ' none'}): ${g.why}\n`;
const inputError = (message) => new Failure(EXIT.INPUT, message);

// ---- arguments (the language of src/cli/args.c) -------------------------

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const OPTIONS = {
  json: 'flag', help: 'flag',
  secret: 'string', 'secret-file': 'string', 'secret-env': 'string',
  'secret-from-local-json': 'string', which: 'string', 'key-file': 'string',
  algorithms: 'string', now: 'number', 'clock-tolerance': 'number',
  alg: 'string', header: 'string', iat: 'iat', 'expires-in': 'string',
  defaults: 'string', 'show-secrets': 'flag', 'server-config': 'string',
  'nginx-config': 'string',
  key: 'string', host: 'string',
  kind: 'string', 'server-version': 'string', connector: 'string', leeway: 'number',
};

function number(s) {
  if (!NUMBER.test(s)) return undefined;
  const d = Number(s);
  return Number.isFinite(d) ? d : undefined;
}

function parse(command, args) {
  const o = { command };
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (onlyPositional || !a.startsWith('-') || a === '-') {
      if (o.input !== undefined) throw usage(`unexpected argument '${a}' (${command} takes one input)`);
      o.input = a;
      continue;
    }
    if (a === '--') { onlyPositional = true; continue; }
    if (a === '-h') { o.help = true; continue; }
    if (!a.startsWith('--')) throw usage(`unknown option '${a}'`);
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    let value = eq < 0 ? undefined : a.slice(eq + 1);
    const type = OPTIONS[name];
    if (type === undefined) throw usage(`unknown option '--${name}'`);
    if (type === 'flag') {
      if (value !== undefined) throw usage(`--${name} takes no value`);
      o[name] = true;
      continue;
    }
    if (type === 'iat') {
      if (value === undefined) o.iat = true;
      else if ((o.iat = number(value)) === undefined) throw usage(`--iat=SECONDS needs a number, not '${value}'`);
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= args.length) throw usage(`--${name} needs a value`);
      value = args[++i];
    }
    if (type === 'number') {
      o[name] = number(value);
      if (o[name] === undefined) throw usage(`--${name} needs a number of seconds, not '${value}'`);
    } else {
      o[name] = value;
    }
  }
  return o;
}

// ---- input and secret (src/cli/input.c, src/cli/secret.c) ---------------

// The native limits (src/cli/input.c MAX_INPUT, src/cli/secret.c
// MAX_SECRET_FILE and MAX_LOCAL_JSON, src/cli/cert.c MAX_KEY, MAX_CONFIG of
// src/cli/ds.c, deploy.c and request.c): a longer file is refused, and never
// read past limit + 1 bytes, so /dev/zero or a huge file costs no memory.
const MAX = {
  input: 64 * 1024 * 1024, secretFile: 1024 * 1024, localJson: 16 * 1024 * 1024,
  key: 1024 * 1024, config: 16 * 1024 * 1024,
};

// Reads at most max + 1 bytes of `path` (standard input when undefined) with
// a bounded loop over fs.readSync, like oojwt_cli_read_file (src/cli/input.c);
// every buffer left behind while growing is wiped.
function readFile(path, max, what = path ?? 'standard input') {
  let fd;
  try {
    fd = path === undefined ? 0 : openSync(path, 'r');
  } catch (e) {
    throw inputError(`cannot read ${what}: ${e.code === 'ENOENT' ? 'No such file or directory' : e.message}`);
  }
  let buf = Buffer.alloc(Math.min(65536, max + 1));
  let n = 0;
  try {
    for (;;) {
      if (n === buf.length) {
        const bigger = Buffer.alloc(Math.min(buf.length * 2, max + 1));
        buf.copy(bigger, 0, 0, n);
        buf.fill(0);
        buf = bigger;
      }
      let got;
      try {
        got = readSync(fd, buf, n, buf.length - n, null);
      } catch (e) {
        if (e.code === 'EAGAIN') {
          // A non-blocking standard input: wait a little, then read again.
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        if (e.code === 'EOF') break;
        throw inputError(`cannot read ${what}: ${e.message}`);
      }
      n += got;
      if (n > max) throw inputError(`${what} is larger than ${max} bytes`);
      if (got === 0) break;
    }
  } catch (e) {
    buf.fill(0);
    throw e;
  } finally {
    if (path !== undefined) closeSync(fd);
  }
  const out = Buffer.from(buf.subarray(0, n));
  buf.fill(0);
  return out;
}

function readInput(arg, trim = true) {
  if (arg === undefined) {
    if (process.stdin.isTTY) throw usage('no input: give it as an argument, @FILE, or - for standard input');
    arg = '-';
  }
  if (arg === '-' || arg.startsWith('@')) {
    const bytes = arg === '-' ? readFile(undefined, MAX.input) : readFile(arg.slice(1), MAX.input);
    const text = bytes.toString('utf8');
    return trim ? text.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '') : text;
  }
  // `oojwt verify token.txt` means the file, most likely.
  let isFile = false;
  try {
    isFile = statSync(arg, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    // ENAMETOOLONG for a long token, ENOTDIR, ...: not a file (stat(2) in src/cli/input.c)
  }
  if (isFile) {
    process.stderr.write(`oojwt: note: '${arg}' is read as the text itself; to read the file, write @${arg}\n`);
  }
  return arg;
}

// Does C read these bytes as a key (PEM, DER, JWK, JWK Set)? kit.keyInfo
// describes every secret, and throws only for bytes it read as a key.
function isKey(kit, bytes) {
  try {
    return kit.keyInfo(bytes).form !== 'secret';
  } catch {
    return true;
  }
}

function secretFrom(o, kit) {
  const sources = ['secret', 'secret-file', 'secret-env', 'secret-from-local-json', 'key-file'].filter((k) => o[k] !== undefined);
  if (sources.length > 1) {
    throw usage('give the secret one way only (--secret-file, --secret-env, --secret-from-local-json, --key-file or --secret)');
  }
  if (o.which !== undefined && o['secret-from-local-json'] === undefined) {
    throw usage('--which goes with --secret-from-local-json');
  }
  const which = o.which ?? 'inbox';
  if (!['inbox', 'outbox', 'session'].includes(which)) {
    throw usage(`--which must be inbox, outbox or session, not '${which}'`);
  }
  if (o['key-file'] !== undefined) {
    if (o.command !== 'verify' && o.command !== 'sign') {
      throw usage('--key-file goes with verify and sign; give this command a secret with --secret-file');
    }
    const f = o['key-file'];
    const bytes = f === '-' ? readFile(undefined, MAX.key) : readFile(f, MAX.key);
    if (!isKey(kit, bytes)) {
      bytes.fill(0);
      throw inputError(`${f} is not a key (PEM, DER, JWK or JWK Set), so --key-file cannot use it; give a shared secret with --secret-file`);
    }
    return bytes;
  }
  if (o.secret !== undefined) {
    process.stderr.write('oojwt: warning: --secret shows the secret in ps and in your shell history; '
      + 'prefer --secret-file, OOJWT_SECRET or --secret-from-local-json\n');
    return Buffer.from(o.secret, 'utf8');
  }
  if (o['secret-file'] !== undefined) {
    const f = o['secret-file'];
    let bytes = readFile(f === '-' ? undefined : f, MAX.secretFile);
    let n = bytes.length;
    // One final newline is the file's; a key file (a DER key may end in
    // 0x0a) is kept whole.
    if (n > 0 && bytes[n - 1] === 0x0a && !isKey(kit, bytes)) {
      n--;
      if (n > 0 && bytes[n - 1] === 0x0d) n--;
    }
    const secret = Buffer.from(bytes.subarray(0, n));
    bytes.fill(0);
    bytes = null;
    return secret;
  }
  if (o['secret-from-local-json'] !== undefined) {
    const path = o['secret-from-local-json'];
    const text = readFile(path, MAX.localJson).toString('utf8');
    let config;
    try {
      config = JSON.parse(text);
    } catch (e) {
      throw inputError(`${path}: not JSON: ${e.message}`);
    }
    const v = config?.services?.CoAuthoring?.secret?.[which]?.string;
    if (typeof v !== 'string') {
      throw inputError(`${path}: services.CoAuthoring.secret.${which}.string is `
        + `${v === undefined ? 'not set' : 'not a string'} (Document Server then falls back to `
        + `default.json's "secret" or to secret.${which}.file)`);
    }
    if (v === '') {
      throw inputError(`${path}: services.CoAuthoring.secret.${which}.string is empty (Document Server treats that as no secret)`);
    }
    return Buffer.from(v, 'utf8');
  }
  const name = o['secret-env'] ?? 'OOJWT_SECRET';
  const value = process.env[name];
  if (value === undefined) {
    if (o['secret-env'] !== undefined) throw inputError(`the environment variable ${name} is not set`);
    throw usage(`${o.command} needs a secret: --secret-file PATH, --secret-env NAME, $OOJWT_SECRET, or --secret-from-local-json PATH`);
  }
  return Buffer.from(value, 'utf8');
}

// ---- output for people (the layout of src/cli/jwt.c) --------------------

function painter(on) {
  const wrap = (code) => (s) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap(31), green: wrap(32), yellow: wrap(33), bold: wrap(1) };
}

// Characters of the input (a token, local.json, an nginx configuration, a
// certificate) that must not reach a terminal as they are, the set
// of src/core/hidden.c oojwt_cp_hidden: C0 controls but newline and tab, DEL, C1
// controls, and the bidirectional and invisible format characters. Each is
// written \uXXXX, as JSON writes it (src/cli/print.c oojwt_cli_put_safe):
// every output for people goes through it.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const safe = (s) => s.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function human(r, verified, color) {
  const c = painter(color);
  const alg = r.alg;
  const n = r.errors.length;
  let out;
  if (verified && r.valid) out = `${c.green('VALID')}: signature and claims check out (${alg ?? '?'})\n`;
  else if (verified) out = `${c.red('INVALID')}: ${n} error${n === 1 ? '' : 's'}\n`;
  else if (n === 0) out = `${c.bold('DECODED')} (${alg ?? 'no known alg'}): the signature was NOT verified\n`;
  else out = `${c.red('NOT DECODABLE')}: ${n} error${n === 1 ? '' : 's'}\n`;
  const issues = (kind, paint, list) => {
    for (const e of list) {
      out += `  ${kind} ${paint(e.code)}: ${safe(e.message)}${e.pos !== undefined ? ` (at byte ${e.pos})` : ''}\n`;
    }
  };
  issues('error', c.red, r.errors);
  issues('warning', c.yellow, r.warnings);
  if (r.dropped > 0) out += `  (${r.dropped} more not recorded)\n`;
  for (const name of ['header', 'payload']) {
    if (r[name] !== null) out += `${c.bold(name)}:\n${safe(JSON.stringify(r[name], null, 2))}\n`;
    else if (r[`${name}Text`] !== undefined) {
      out += `${c.bold(name)} (not a JSON object, as decoded):\n${safe(JSON.stringify(r[`${name}Text`]))}\n`;
    }
  }
  if (r.payload !== null) {
    for (const claim of ['iat', 'nbf', 'exp']) {
      const v = r.payload[claim];
      if (typeof v !== 'number') continue;
      const d = Math.floor(v);
      if (!(d >= 0 && d < 1e11)) continue;
      const iso = new Date(d * 1000).toISOString();
      out += `  ${claim}  ${d}  ${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC\n`;
    }
  }
  if (r.signatureLength !== undefined) out += `signature: ${r.signatureLength} bytes\n`;
  return out;
}

function printReport(o, text, verified) {
  const r = JSON.parse(text);
  process.stdout.write(o.json ? `${text}\n` : human(r, verified, o.color));
  if (verified) return r.valid ? EXIT.OK : EXIT.INVALID;
  return r.errors.length === 0 ? EXIT.OK : EXIT.INVALID;
}

const clock = (o) => o.now ?? Math.floor(Date.now() / 1000);

// ---- commands -----------------------------------------------------------

const COMMANDS = {
  decode(kit, o) {
    return printReport(o, kit.reports.decode(readInput(o.input)), false);
  },

  verify(kit, o) {
    const options = { now: clock(o), clockTolerance: o['clock-tolerance'] ?? 0 };
    if (o.algorithms !== undefined) options.algorithms = o.algorithms.split(',');
    if (options.clockTolerance < 0) throw usage('--clock-tolerance must be a number of seconds >= 0');
    const secret = secretFrom(o, kit);
    try {
      const token = readInput(o.input);
      return printReport(o, kit.reports.verify(token, secret, options), true);
    } finally {
      secret.fill(0);
    }
  },

  'explain-secret'(kit, o) {
    const secret = secretFrom(o, kit);
    // Its other secrets are tried too (outbox, session, ...).
    const options = o['server-config'] !== undefined
      ? { serverConfig: readFile(o['server-config'], MAX.config).toString('utf8') } : {};
    let r;
    try {
      r = kit.onlyoffice.explainSecret(readInput(o.input), secret, options);
    } finally {
      secret.fill(0);
    }
    if (o.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
    } else {
      let out = r.verifies ? `VERIFIES: the secret as given verifies this ${r.alg ?? '?'} token\n`
        : r.variant !== null ? `DOES NOT VERIFY as given; the variant that does: ${r.variant}\n`
          : 'DOES NOT VERIFY, nor does any variant tried\n';
      out += `${r.message}\n`;
      for (const f of r.findings) out += `  finding ${f.code}: ${f.message}\n`;
      out += `tried:${r.tried.length > 0 ? ` ${r.tried.join(', ')}` : ' nothing (the token has no HS signature)'}\n`;
      process.stdout.write(safe(out));
    }
    return r.verifies ? EXIT.OK : EXIT.INVALID;
  },

  'server-config'(kit, o) {
    const text = readInput(o.input, false);
    const options = {};
    if (o.defaults !== undefined) options.defaultJsonText = readFile(o.defaults, MAX.config).toString('utf8');
    const c = kit.onlyoffice.readServerConfig(text, options);
    const errors = c.findings.filter((f) => f.severity === 'error').length;
    if (o.json) {
      const hide = (s) => (typeof s.value === 'string' && !o['show-secrets']
        ? { ...s, value: `(hidden: ${Buffer.byteLength(s.value)} bytes; --show-secrets prints it)` } : s);
      const secrets = {};
      for (const [kind, s] of Object.entries(c.secrets)) secrets[kind] = hide(s);
      process.stdout.write(`${JSON.stringify({ ...c, secrets, storageSecret: hide(c.storageSecret) })}\n`);
    } else {
      const str = (label, v) => (typeof v === 'string' ? `${label} "${v}"` : `${label} (not a string)`);
      const onOff = (f) => (f ? 'on' : 'off');
      const own = o.defaults !== undefined;
      const docker = !text.trimStart().startsWith('{');
      let out = `Document Server JWT settings (${docker ? 'Docker settings' : 'local.json'}, merged over ${own ? 'the given default.json' : 'default.json as shipped'})\n`;
      out += `  tokens: browser ${onOff(c.enabled.browser)}, inbox ${onOff(c.enabled.inbox)}, outbox ${onOff(c.enabled.outbox)}\n`;
      for (const [kind, s] of Object.entries(c.secrets)) {
        out += `  secret ${kind}: ${s.source}`;
        if (typeof s.value === 'string') out += o['show-secrets'] ? ` "${s.value}"` : ` (${Buffer.byteLength(s.value)} bytes)`;
        if (s.file !== null) out += ` ${s.file}`;
        out += '\n';
      }
      out += `${str('  inbox: header', c.inbox.header)}${str(', prefix', c.inbox.prefix)}\n`;
      out += `${str('  outbox: header', c.outbox.header)}${str(', prefix', c.outbox.prefix)}`
        + `${str(', algorithm', c.outbox.algorithm)}${str(', expires', c.outbox.expires)}\n`;
      for (const f of c.findings) out += `${f.severity} ${f.code} at ${f.path}: ${f.message}\n    fix: ${f.fix}\n`;
      if (c.findings.length === 0) out += 'no findings\n';
      process.stdout.write(safe(out));
    }
    return errors > 0 ? EXIT.INVALID : EXIT.OK;
  },

  'inspect-config'(kit, o) {
    const ownSecret = ['secret', 'secret-file', 'secret-env', 'secret-from-local-json'].some((k) => o[k] !== undefined)
      || process.env.OOJWT_SECRET !== undefined;
    if (!ownSecret && o['server-config'] === undefined) {
      throw usage('inspect-config needs the inbox secret (--secret-file, --secret-env, $OOJWT_SECRET, '
        + '--secret-from-local-json) or --server-config PATH');
    }
    const options = { now: clock(o) };
    if (o['server-version'] !== undefined) options.serverVersion = o['server-version'];
    const kinds = kit.onlyoffice.tokenKinds().map((k) => k.kind);
    const kind = o.kind === 'setReferenceSource' ? 'setReferenceData' : o.kind;
    if (kind !== undefined && !kinds.includes(kind)) throw usage(`--kind must be one of ${kinds.join(', ')}`);
    if (ownSecret) options.secret = secretFrom(o, kit);
    if (o['server-config'] !== undefined) {
      const path = o['server-config'];
      options.serverConfig = kit.onlyoffice.readServerConfig(readFile(path, MAX.config).toString('utf8'));
      const inbox = options.serverConfig.secrets.inbox;
      // Neither string nor file: DS has no secret, which is judged; a file is asked for.
      if (!ownSecret && inbox.source !== 'none' && typeof inbox.value !== 'string') {
        options.secret?.fill(0);
        throw inputError(`${path}: the inbox secret is not a string there (services.CoAuthoring.secret.inbox); give it with --secret-file`);
      }
    }
    // The judgement, with the secret wiped whatever happens.
    const judge = (f) => {
      try {
        return f();
      } finally {
        options.secret?.fill(0);
      }
    };
    const input = readInput(o.input, false);
    const json = /^[ \t\n\r]*\{/.test(input);
    if (!json || (kind !== undefined && kind !== 'config')) {
      // A token alone, or --kind other than config: the token judged by its kind.
      let token = input.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
      if (json) {
        let parsed;
        try {
          parsed = JSON.parse(input);
        } catch {
          parsed = null;
        }
        token = parsed?.token;
        if (typeof token !== 'string') {
          options.secret?.fill(0);
          throw usage('--kind judges a token: give the token itself, or a config with a "token"');
        }
      }
      const r = judge(() => kit.onlyoffice.inspectBrowserToken(token, { ...options, kind }));
      if (o.json) {
        process.stdout.write(`${JSON.stringify(r)}\n`);
      } else {
        const v = r.verdict;
        const extra = [v.closeCode !== null ? `, close ${v.closeCode}` : '', v.serverError !== null ? `, error ${v.serverError}` : '',
          v.editorError !== null ? `, editor error ${v.editorError}` : '', v.httpStatus !== null ? `, HTTP ${v.httpStatus}` : ''].join('');
        let out = `${v.ok ? 'ACCEPTED' : 'REFUSED'} (${r.kind.kind} on ${v.channel}${extra}): ${v.message}\n`;
        out += `kind: ${r.kind.kind} (${r.kind.chosen ? 'chosen with --kind' : 'guessed'}), guessed ${guessLine(r.kind, r.kind.guessed)}`;
        out += `reads: ${r.reads}\nignores: ${r.ignores}\n`;
        for (const f of r.findings) out += `${f.severity} ${f.code} at ${f.path}: ${f.message}\n    fix: ${f.fix}\n`;
        process.stdout.write(out);
      }
      return r.verdict.ok ? EXIT.OK : EXIT.INVALID;
    }
    const r = judge(() => kit.onlyoffice.inspectConfig(input, options));
    if (o.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
    } else {
      const v = r.verdict;
      let out = v.ok ? `OPENS: ${v.message}\n`
        : v.closeCode !== null && v.editorError !== null ? `CLOSES ${v.closeCode} (editor error ${v.editorError}): ${v.message}\n`
          : v.closeCode !== null ? `CLOSES ${v.closeCode}: ${v.message}\n`
          : `DOES NOT OPEN: ${v.message}\n`;
      out += `token: ${r.token?.kind ?? 'none'}\n`;
      const payload = r.token?.payload;
      if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
        const g = kit.onlyoffice.tokenKind(payload);
        if (g.kind !== null) out += `token kind: ${guessLine(g, g.kind)}`;
      }
      for (const f of r.findings) out += `${f.severity} ${f.code} at ${f.path}: ${f.message}\n    fix: ${f.fix}\n`;
      if (r.effectiveConfig !== null) out += `effective config:\n${JSON.stringify(r.effectiveConfig, null, 2)}\n`;
      process.stdout.write(safe(out));
    }
    return r.verdict.ok ? EXIT.OK : EXIT.INVALID;
  },

  'inspect-url'(kit, o) {
    if (o['secret-from-local-json'] !== undefined) {
      throw usage('--secret-from-local-json gives a JWT secret; the link secret is storage.fs.secretString: use --server-config PATH');
    }
    const ownSecret = ['secret', 'secret-file', 'secret-env'].some((k) => o[k] !== undefined)
      || process.env.OOJWT_SECRET !== undefined;
    const options = { now: clock(o) };
    if (ownSecret) {
      options.secret = secretFrom(o, kit);
    } else if (o['server-config'] !== undefined || o['nginx-config'] !== undefined) {
      const nginx = o['server-config'] === undefined;
      const path = nginx ? o['nginx-config'] : o['server-config'];
      const text = readFile(path, MAX.config).toString('utf8');
      options.secret = nginx ? kit.onlyoffice.readNginxConfig(text).secureLinkSecret
        : kit.onlyoffice.readServerConfig(text).storageSecret.value;
      if (typeof options.secret !== 'string') {
        throw inputError(nginx ? `${path} sets no $secure_link_secret` : `${path}: storage.fs.secretString is empty`);
      }
    }
    let r;
    try {
      r = kit.onlyoffice.inspectDownloadUrl(readInput(o.input), options);
    } finally {
      if (typeof options.secret !== 'string') options.secret?.fill(0);
    }
    if (r.expires !== null) delete r.expires.local; // the C report, as build/oojwt prints it
    if (o.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
    } else {
      let out = `${r.verdict.message}\n  signed path: ${r.signedPath ?? '(none)'}\n`;
      if (r.expires !== null) out += `  expires: ${r.expires.epoch}  ${r.expires.utc} (${r.expires.relative})\n`;
      out += `  md5: ${r.args.md5 ?? '(none)'}${r.expectedMd5 !== null ? `, expected ${r.expectedMd5}` : ''}\n`;
      if (r.match !== null) out += `  matches: path ${r.match.path}, secret ${r.match.secret}\n`;
      for (const f of r.findings) out += `${f.severity} ${f.code} at ${f.path}: ${f.message}\n    fix: ${f.fix}\n`;
      process.stdout.write(safe(out));
    }
    return r.verdict.ok ? EXIT.OK : EXIT.INVALID;
  },

  'nginx-config'(kit, o) {
    const options = {};
    if (o['server-config'] !== undefined) {
      options.serverConfig = kit.onlyoffice.readServerConfig(readFile(o['server-config'], MAX.config).toString('utf8'));
      if (typeof options.serverConfig.storageSecret.value !== 'string') {
        throw inputError(`${o['server-config']}: storage.fs.secretString is empty`);
      }
    }
    const r = kit.onlyoffice.readNginxConfig(readInput(o.input, false), options);
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    const secret = typeof r.secureLinkSecret !== 'string' ? '(none)' : o['show-secrets'] ? r.secureLinkSecret
      : `(hidden: ${Buffer.byteLength(r.secureLinkSecret)} bytes; --show-secrets prints it)`;
    if (o.json) {
      process.stdout.write(`${JSON.stringify(typeof r.secureLinkSecret === 'string' ? { ...r, secureLinkSecret: secret } : r)}\n`);
    } else {
      let out = `nginx configuration\n  secure link secret: ${secret}\n  listen:`;
      out += r.listen.length === 0 ? ' (none)' : r.listen.map((l) => ` ${l.address}${l.address !== '' ? ':' : ''}${l.port}`
        + `${l.ssl ? ' ssl' : ''}${l.defaultServer ? ' default_server' : ''}`).join(',');
      out += `\n  ssl_certificate: ${r.ssl.certificate ?? '(none)'}\n  ssl_certificate_key: ${r.ssl.certificateKey ?? '(none)'}\n`;
      out += `  ssl_protocols:${r.ssl.protocols === null ? ' (not set)' : r.ssl.protocols.map((p) => ` ${p}`).join('')}\n`;
      for (const f of r.findings) out += `${f.severity} ${f.code} at ${f.path}: ${f.message}\n    fix: ${f.fix}\n`;
      if (r.findings.length === 0) out += 'no findings\n';
      process.stdout.write(safe(out));
    }
    return errors > 0 ? EXIT.INVALID : EXIT.OK;
  },

  'inspect-cert'(kit, o) {
    // The certificate as bytes (DER stays binary), like src/cli/cert.c.
    if (o.input === undefined && process.stdin.isTTY) {
      throw usage('no input: give it as an argument, @FILE, or - for standard input');
    }
    const arg = o.input ?? '-';
    const cert = arg === '-' ? readFile(undefined, MAX.input)
      : arg.startsWith('@') ? readFile(arg.slice(1), MAX.input) : Buffer.from(readInput(arg, false), 'utf8');
    const options = { now: o.now ?? Math.floor(Date.now() / 1000) };
    if (o.key !== undefined) options.privateKey = readFile(o.key, MAX.key);
    if (o.host !== undefined) options.host = o.host;
    let r;
    try {
      r = kit.inspectCertificate(new Uint8Array(cert.buffer, cert.byteOffset, cert.byteLength), options);
    } catch (e) {
      if (!(e instanceof OojwtError)) throw e;
      if (o.json) process.stdout.write(`${JSON.stringify({ error: { code: e.code, message: e.message } })}\n`);
      else process.stderr.write(safe(`oojwt: inspect-cert: ${e.code}: ${e.message}\n`));
      return EXIT.INPUT;
    } finally {
      options.privateKey?.fill(0);
    }
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    if (o.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      return errors > 0 ? EXIT.INVALID : EXIT.OK;
    }
    const utc = (t) => `${new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
    const names = [...r.san.dns.map((n) => `DNS ${n}`), ...r.san.ip.map((n) => `IP ${n}`)];
    let out = `CERTIFICATE: ${r.subject}\n`;
    out += `  issuer: ${r.issuer}${r.selfSigned ? ' (self-signed)' : ''}\n`;
    out += `  serial: ${r.serial}\n`;
    out += `  valid: ${utc(r.notBefore)} to ${utc(r.notAfter)} (${r.expired ? 'EXPIRED' : r.notYetValid ? 'NOT YET VALID' : 'valid now'})\n`;
    out += `  names: ${names.length > 0 ? names.join(', ') : 'none (no subjectAltName)'}\n`;
    out += `  key: ${r.keyType}${r.keyCurve !== null ? ` ${r.keyCurve}` : ''}, ${r.keyBits} bits; signature: ${r.signatureAlgorithm}\n`;
    out += `  SHA-256 fingerprint: ${r.fingerprintSha256}\n`;
    if (r.keyMatches !== null) out += `  private key: ${r.keyMatches ? 'matches' : 'DOES NOT MATCH'}\n`;
    if (r.coversHost !== null) out += `  host ${o.host}: ${r.coversHost ? `covered (by ${r.coveredBy})` : 'NOT COVERED'}\n`;
    for (const f of r.findings) out += `${f.severity} ${f.code}: ${f.message}\n    fix: ${f.fix}\n`;
    if (r.findings.length === 0) out += 'no findings\n';
    process.stdout.write(safe(out));
    return errors > 0 ? EXIT.INVALID : EXIT.OK;
  },

  'inspect-request'(kit, o) {
    const KINDS = ['callback', 'command', 'converter', 'docbuilder'];
    if (!KINDS.includes(o.kind)) {
      throw usage(o.kind === undefined ? '--kind is required: callback, command, converter or docbuilder'
        : '--kind must be callback, command, converter or docbuilder');
    }
    const ownSecret = ['secret', 'secret-file', 'secret-env', 'secret-from-local-json'].some((k) => o[k] !== undefined)
      || process.env.OOJWT_SECRET !== undefined;
    if (!ownSecret && o['server-config'] === undefined) {
      throw usage('inspect-request needs the secret (--secret-file, --secret-env, $OOJWT_SECRET, '
        + '--secret-from-local-json) or --server-config PATH');
    }
    const callback = o.kind === 'callback';
    // A callback is signed with the outbox secret.
    const so = callback && o['secret-from-local-json'] !== undefined && o.which === undefined ? { ...o, which: 'outbox' } : o;
    const options = { kind: o.kind, now: clock(o) };
    let secret = ownSecret ? secretFrom(so, kit) : null;
    try {
      if (o['server-config'] !== undefined) {
        const path = o['server-config'];
        options.serverConfig = kit.onlyoffice.readServerConfig(readFile(path, MAX.config).toString('utf8'));
        const which = callback ? 'outbox' : 'inbox';
        // An inbox secret with neither string nor file is none at all: judged, not asked for.
        const none = !callback && options.serverConfig.secrets.inbox.source === 'none';
        if (!ownSecret && !none && typeof options.serverConfig.secrets[which].value !== 'string') {
          throw inputError(`${path}: the ${which} secret is not a string there (services.CoAuthoring.secret.${which}); give it with --secret-file`);
        }
      }
      if (o['clock-tolerance'] !== undefined) {
        if (o['clock-tolerance'] < 0) throw usage('--clock-tolerance must be a number of seconds >= 0');
        options.clockTolerance = o['clock-tolerance'];
      }
      if (o.connector !== undefined || o.leeway !== undefined) {
        if (!callback) throw usage('--connector and --leeway are for --kind callback');
        const ids = kit.onlyoffice.connectors().connectors.map((c) => c.id);
        if (o.connector !== undefined && !ids.includes(o.connector)) throw usage(`--connector must be one of ${ids.join(', ')}`);
        if (o.leeway !== undefined && !(o.leeway >= 0 && o.leeway <= 1e9)) throw usage('--leeway must be a number of seconds from 0 to 1e9');
        options.connector = o.connector;
        options.leeway = o.leeway;
      }
      const r = kit.onlyoffice.inspectRequest(readInput(o.input, false), secret, options);
      if (o.json) {
        process.stdout.write(`${JSON.stringify(r)}\n`);
      } else {
        const v = r.verdict;
        let out = `${v.ok ? 'ACCEPTED' : 'REFUSED'} (${r.kind}): ${v.message}\n`;
        out += `answer: HTTP ${v.httpStatus} ${v.response !== null ? JSON.stringify(v.response) : '(depends on the work)'}\n`;
        for (const t of r.tokens) {
          out += `token ${t.place}${t.header !== null ? ` ${t.header}` : ''}${t.counts ? ' (counts)' : ''}: `
            + `${t.valid ? `valid ${t.alg}` : `invalid: ${t.serverMessage}`}\n`;
        }
        for (const f of r.findings) out += `${f.severity} ${f.code} at ${f.path}: ${f.message}\n    fix: ${f.fix}\n`;
        for (const c of r.connectors) {
          out += `connector ${c.id}: ${c.accepted === true ? 'accepts' : c.accepted === false ? 'refuses' : 'may refuse'}`
            + `${c.httpStatus !== null ? ` (HTTP ${c.httpStatus})` : ''}${c.libraryMessage !== null ? `: ${c.libraryMessage}` : ''}\n`;
        }
        if (r.effectiveBody !== null) out += `effective body:\n${JSON.stringify(r.effectiveBody, null, 2)}\n`;
        process.stdout.write(safe(out));
      }
      return r.verdict.ok ? EXIT.OK : EXIT.INVALID;
    } finally {
      secret?.fill(0);
      secret = null;
    }
  },

  sign(kit, o) {
    const text = readInput(o.input);
    let payload;
    try {
      payload = JSON.parse(text);
    } catch (e) {
      throw inputError(`the payload is not JSON: ${e.message}`);
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      throw inputError(`the payload must be a JSON object, not ${payload === null ? 'null' : Array.isArray(payload) ? 'an array' : `a ${typeof payload}`}`);
    }
    const options = { now: clock(o) };
    if (o.alg !== undefined) options.alg = o.alg;
    if (o.header !== undefined) {
      try {
        options.header = JSON.parse(o.header);
      } catch (e) {
        throw usage(`--header is not JSON: ${e.message}`);
      }
      const h = options.header;
      if (h === null || typeof h !== 'object' || Array.isArray(h)) throw usage('--header must be a JSON object');
    }
    if (o.iat !== undefined) options.iat = o.iat;
    if (o['expires-in'] !== undefined) options.expiresIn = number(o['expires-in']) ?? o['expires-in'];
    const secret = secretFrom(o, kit);
    let result;
    try {
      result = { token: kit.sign(payload, secret, options) };
    } catch (e) {
      if (!(e instanceof OojwtError)) throw e;
      result = { error: { code: e.code, message: e.message, ...(e.pos !== undefined ? { pos: e.pos } : {}) } };
    } finally {
      secret.fill(0);
    }
    if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else if (result.token) process.stdout.write(`${result.token}\n`);
    else process.stderr.write(`oojwt: sign: ${result.error.code}: ${result.error.message}\n`);
    return result.token ? EXIT.OK : EXIT.INPUT;
  },
};

async function main(argv) {
  const [command, ...args] = argv;
  if (command === undefined) {
    process.stderr.write(HELP.main);
    return EXIT.USAGE;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    if (command === 'help' && args.length > 0) return main([args[0], '--help']);
    process.stdout.write(HELP.main);
    return EXIT.OK;
  }
  if (command === '--version') {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`oojwt ${pkg.version}\n`);
    return EXIT.OK;
  }
  if (NOT_YET[command] !== undefined) {
    process.stderr.write(`oojwt: ${command}: not in this build yet (it needs ${NOT_YET[command]} of the C core)\n`);
    return EXIT.USAGE;
  }
  if (COMMANDS[command] === undefined) {
    process.stderr.write(`oojwt: unknown command '${command}'\nTry 'oojwt --help'.\n`);
    return EXIT.USAGE;
  }
  try {
    const o = parse(command, args);
    if (o.help) {
      process.stdout.write(HELP[command]);
      return EXIT.OK;
    }
    o.color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    const kit = await loadToolkit();
    return COMMANDS[command](kit, o);
  } catch (e) {
    if (e instanceof Failure || e instanceof TypeError) {
      const exit = e instanceof Failure ? e.exit : EXIT.USAGE;
      process.stderr.write(`oojwt: ${command}: ${e.message}\n`);
      if (exit === EXIT.USAGE) process.stderr.write(`Try 'oojwt ${command} --help'.\n`);
      return exit;
    }
    process.stderr.write(`oojwt: ${command}: ${e?.stack ?? e}\n`);
    return EXIT.INTERNAL;
  }
}

process.exitCode = await main(process.argv.slice(2));
