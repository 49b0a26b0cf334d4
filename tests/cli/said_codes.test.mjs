// The command line's verdicts, token kinds and secret forensics in Chinese
// (oojwt inspect-config, explain-secret with LANG=zh_CN.UTF-8): the
// sentences that carry a code (config_verdict, browser_verdict,
// token_kind_why, secret_explained) go through the code catalog
// (src/cli/i18n.c), their lines through the words (src/cli/words/); with
// LANG=C the English lines are C's own, byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = process.env.OOJWT_CLI ?? join(root, 'build', 'oojwt');
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'OOJWT_SECRET'));
const ZH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' };
const EN = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C' };

const b64u = (s) => Buffer.from(s).toString('base64url');
const hs256 = (payload, secret) => {
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const SECRET = 'Gm2Jq7VxR4pL9sTb8WcZ1eYd5NfK3hUa';
const NOW = '1700000000';
const CONFIG = {
  document: { fileType: 'docx', key: 'Khirz6zTPdfd7', title: 'Example.docx', url: 'https://example.com/a.docx', permissions: { edit: true } },
  documentType: 'word',
  editorConfig: { callbackUrl: 'https://example.com/callback', mode: 'edit', user: { id: '78e1e841', name: 'Smith' } },
};

function oojwt(args, lang, secret = SECRET) {
  const r = spawnSync(NATIVE, args, { env: { ...baseEnv, ...lang, OOJWT_SECRET: secret }, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r.stdout;
}
const config = (signer) => JSON.stringify({ ...CONFIG, token: hs256(CONFIG, signer) });

test('inspect-config: the verdict and the token kind\'s reason in Chinese, English as C writes it', () => {
  const zhOpens = oojwt(['inspect-config', '--now', NOW, config(SECRET)], ZH);
  assert.match(zhOpens, /^能打开：编辑器会打开：令牌通过了文档服务器的每一项检查\n/);
  assert.match(zhOpens, /）：有“document”或 editorConfig 对象：这是编辑器配置（refreshFile 接收同样结构的对象）\n/);
  const enOpens = oojwt(['inspect-config', '--now', NOW, config(SECRET)], EN);
  assert.match(enOpens, /^OPENS: the editor opens: the token passes every check of Document Server\n/);
  assert.match(enOpens, /\): document or editorConfig: an editor config \(refreshFile takes the same shape\)\n/);

  const zhCloses = oojwt(['inspect-config', '--now', NOW, config(`${SECRET}\n`)], ZH);
  assert.match(zhCloses, /^关闭连接 4006（编辑器错误 -20）：编辑器显示“文档安全令牌的格式不正确”（令牌：“invalid signature”）\n/);
  // The secret forensics under it.
  assert.ok(zhCloses.includes('    原样给出的密钥无法验证 HS256 签名，但在末尾加上一个换行符（LF）后的密钥可以：'), zhCloses);
  const enCloses = oojwt(['inspect-config', '--now', NOW, config(`${SECRET}\n`)], EN);
  assert.match(enCloses, /^CLOSES 4006 \(editor error -20\): The document security token is not correctly formed\. \(token:invalid signature\)\n/);
  assert.ok(enCloses.includes('    the secret as given does not verify the HS256 signature, but the secret with a line feed (LF, a newline) added at its end:'));
});

test('inspect-config --kind: a method\'s token refused on its channel, in Chinese', () => {
  const token = hs256({ fileType: 'png', url: 'https://example.com/a.png' }, 'other');
  const zh = oojwt(['inspect-config', '--now', NOW, '--kind', 'insertImage', token], ZH, 'secret');
  assert.ok(zh.includes('）：编辑器显示“文档安全令牌的格式不正确”（错误 VKEY_ENCRYPT）：不会插入图片（令牌：“invalid signature”）\n'), zh);
  assert.ok(zh.includes('）：“url”带有 fileType“png”（图片）：insertImage 的单张图片形式\n'), zh);
  const en = oojwt(['inspect-config', '--now', NOW, '--kind', 'insertImage', token], EN, 'secret');
  assert.ok(en.includes('): The document security token is not correctly formed (error VKEY_ENCRYPT): no image is inserted. (token:invalid signature)\n'), en);
});

test('explain-secret: what verifies, in Chinese', () => {
  const token = hs256(CONFIG, `${SECRET}\n`);
  const zh = oojwt(['explain-secret', token], ZH);
  assert.match(zh, /^按原样无法验证通过；能验证通过的变体：with-trailing-newline\n原样给出的密钥无法验证 HS256 签名，但在末尾加上一个换行符（LF）后的密钥可以：/);
  assert.match(zh, /\n尝试过： as-is, with-trailing-newline\n$/);
  assert.match(oojwt(['explain-secret', token], ZH, `${SECRET}\n`), /^能验证通过：按原样给出的密钥能验证这个 HS256 令牌\nHS256 签名用原样给出的密钥验证通过\n/);
  const en = oojwt(['explain-secret', token], EN);
  assert.match(en, /^DOES NOT VERIFY as given; the variant that does: with-trailing-newline\nthe secret as given does not verify the HS256 signature, but /);
  assert.match(en, /\ntried: as-is, with-trailing-newline\n$/);
});
