// A representative run of every command (inputs of tests/cli/*.test.mjs),
// for the Chinese-output check of tests/cli/words.test.mjs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOW, SECRET } from '../helpers/common.mjs';
import { cliInputs } from './inputs.mjs';
import { makeCerts } from '../helpers/certs.mjs';

export function corpus() {
  const tmp = mkdtempSync(join(tmpdir(), 'oojwt-zh-'));
  const { good, nl, localJson, config, nginx, request, configPhp } = cliInputs(tmp);
  const link = 'https://ds.example.com/cache/files/data/k1/output.docx/output.docx?md5=AbCdEfGhIj0123456789ab&expires=1700000000&filename=output.docx';
  const { certs } = makeCerts();
  const now = ['--now', String(NOW)];
  const secret = { OOJWT_SECRET: SECRET };
  return [
    [['decode', good]], [['decode', 'a.b']], [['decode', `Authorization: Bearer ${good}`]],
    [['verify', ...now, good], secret], [['verify', ...now, good.slice(0, -2)], secret],
    [['verify', ...now, '--secret-from-local-json', localJson, nl]],
    [['sign', '{"a":1}', ...now, '--iat', '--secret', SECRET]],
    [['explain-secret', nl], secret], [['explain-secret', '--server-config', localJson, good], { OOJWT_SECRET: 'other' }],
    [['server-config', localJson]], [['server-config', 'JWT_ENABLED=true\nJWT_SECRET=abc\n']],
    [['inspect-config', ...now, config], secret], [['inspect-config', ...now, '--server-config', localJson, good]],
    [['inspect-config', ...now, '--connector', 'moodle', config], secret],
    [['inspect-url', ...now, link]], [['inspect-url', ...now, link], { OOJWT_SECRET: 'verysecretstring' }],
    [['nginx-config', nginx]],
    [['inspect-cert', '--host', '192.0.2.10', '--key', certs.rsa.key, `@${certs.rsa.cert}`]],
    [['inspect-cert', '--host', 'nextcloud.example.net', `@${certs.rsa.cert}`]],
    [['inspect-request', '--kind', 'command', ...now, request], secret],
    [['inspect-request', '--kind', 'callback', ...now, '{"key":"k1","status":2}'], secret],
    [['connector-settings', configPhp]], [['connector-settings', '--server-config', localJson, configPhp]],
    [['diagnose', ...now, localJson, nl]],
    [['symptoms']],
    [['compare-secrets', '--other-secret-env', 'OTHER', good], { OOJWT_SECRET: SECRET, OTHER: ` ${SECRET}\u200b` }],
    [['compare-secrets', '--other-secret-env', 'OTHER'], { OOJWT_SECRET: SECRET, OTHER: SECRET }],
    [['commands', '--container', 'onlyoffice', '--url', 'https://10.0.0.5', '--host', '10.0.0.5', '--connector', 'nextcloud']],
    // usage and input errors
    [['server-config', good]], [['decode', `@${join(tmp, 'missing')}`]], [['verify', ...now, good]],
    [['verify', '--profile', 'other', good], secret], [['sign', '[1]'], secret], [['decode', good, '--frob']],
    [['verify', '--which', 'inbox', good], secret], [['nosuchcommand']],
  ];
}
