// The inputs the command-line tests run the commands over (tests/cli/
// same.test.mjs, tests/cli/zh_corpus.mjs), and the list of commands.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOW, SECRET, token } from '../helpers/common.mjs';

/** Every command of the main help, in its order. */
export const COMMANDS = ['decode', 'verify', 'sign', 'explain-secret', 'server-config', 'inspect-config',
  'inspect-url', 'nginx-config', 'inspect-cert', 'inspect-request', 'connector-settings', 'diagnose',
  'symptoms', 'compare-secrets', 'commands'];

/**
 * The inputs, the file ones written into the folder `dir`: `file(name,
 * text)` writes another there and returns its path.
 */
export function cliInputs(dir) {
  const file = (name, text) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const good = token({ document: { key: 'k1', url: 'https://example.com/a.docx' }, iat: NOW - 10, exp: NOW + 3600 });
  const local = (secret) => JSON.stringify({ services: { CoAuthoring: {
    secret: { inbox: { string: secret }, outbox: { string: secret }, session: { string: secret } },
    token: { enable: { browser: true, request: { inbox: true, outbox: true } } },
  } } }, null, 2);
  return {
    file,
    good,
    // signed with the secret and a line feed after it
    nl: token({ document: { key: 'k2' } }, { secret: `${SECRET}\n` }),
    local,
    localJson: file('local.json', local(SECRET)),
    config: JSON.stringify({ document: { key: 'k1', url: 'https://example.com/a.docx', fileType: 'docx' }, documentType: 'word',
      editorConfig: { callbackUrl: 'https://example.com/cb' }, token: good }),
    nginx: 'server {\n  listen 80;\n  set $secure_link_secret verysecretstring;\n}\n',
    request: `POST /coauthoring/CommandService.ashx HTTP/1.1\r\nHost: ds\r\nAuthorization: Bearer ${good}\r\nContent-Type: application/json\r\n\r\n{"c":"info","key":"k1"}`,
    configPhp: file('config.php', `<?php\n$CONFIG = array (\n  'onlyoffice' => [\n    'jwt_secret' => '${SECRET} ',\n  ],\n);\n`),
  };
}
