// The sentences that are no finding but carry a code (261 on: a token
// kind's label and why, the verdicts of inspectBrowserToken and
// inspectConfig, explainSecret's answer) in Chinese, as the page and the
// element render them (web/lib/words.mjs: words.message of the object that
// holds the sentence, words.said of a member with its xCode/xParams): each
// code gives the zh-CN catalog's sentence, the editor's own Chinese quoted
// where the English quotes the editor (the symptom table's texts), and
// English where no code is given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { kit } from '../helpers/common.mjs';
import { loadWords, ENGLISH } from '../../web/lib/words.mjs';

const zh = await loadWords('zh-CN');
const b64u = (s) => Buffer.from(s).toString('base64url');
const hs256 = (payload, secret) => {
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const SECRET = 'Gm2Jq7VxR4pL9sTb8WcZ1eYd5NfK3hUa';
const NOW = 1700000000;
const CONFIG = {
  document: { fileType: 'docx', key: 'Khirz6zTPdfd7', title: 'Example.docx', url: 'https://example.com/a.docx', permissions: { edit: true } },
  documentType: 'word',
  editorConfig: { callbackUrl: 'https://example.com/callback', mode: 'edit', user: { id: '78e1e841', name: 'Smith' } },
};
// The editor's own Chinese for -20 (web-apps' DE.Controllers.Main.errorToken), from the symptom table.
const editorSays = (id) => kit.symptoms().find((s) => s.id === id).texts['zh-CN'].split('<br>')[0];

test('token_kind_label and token_kind_why: a kind\'s label and the members that tell it, beside the bare strings', () => {
  const kinds = kit.onlyoffice.tokenKinds();
  assert.equal(kinds.length, 10);
  for (const k of kinds) {
    assert.equal(k.labelCode, 'token_kind_label');
    assert.deepEqual(k.labelParams, { kind: k.kind });
    assert.equal(ENGLISH.said(k, 'label'), k.label);
    assert.match(zh.said(k, 'label'), /[\u4e00-\u9fff]/, k.kind);
  }
  assert.equal(zh.said(kinds[0], 'label'), '编辑器配置（DocsAPI.DocEditor）');
  const g = kit.onlyoffice.tokenKind(hs256(CONFIG, SECRET));
  assert.equal(g.whyCode, 'token_kind_why');
  assert.deepEqual(g.whyParams, { reason: 'config' });
  assert.equal(zh.said(g, 'label'), '编辑器配置（DocsAPI.DocEditor）');
  assert.equal(zh.said(g, 'why'), '有“document”或 editorConfig 对象：这是编辑器配置（refreshFile 接收同样结构的对象）');
  const png = kit.onlyoffice.tokenKind(JSON.stringify({ fileType: 'png', url: 'https://example.com/a.png' }));
  assert.deepEqual(png.whyParams, { reason: 'image_url', fileType: 'png' });
  assert.equal(zh.said(png, 'why'), '“url”带有 fileType“png”（图片）：insertImage 的单张图片形式');
  assert.equal(zh.said(kit.onlyoffice.tokenKind('{"c":"add"}'), 'why'), 'c 为“add”：insertImage 的操作');
  // No code: the member's English.
  assert.equal(zh.said({ why: 'as C wrote it' }, 'why'), 'as C wrote it');
});

test('config_verdict: the editor opens, or the editor\'s own Chinese for its ending with the reason', () => {
  const opens = kit.onlyoffice.inspectConfig({ ...CONFIG, token: hs256(CONFIG, SECRET) }, { secret: SECRET, now: NOW });
  assert.equal(opens.verdict.code, 'config_verdict');
  assert.equal(zh.message(opens.verdict), '编辑器会打开：令牌通过了文档服务器的每一项检查');
  const refused = kit.onlyoffice.inspectConfig({ ...CONFIG, token: hs256(CONFIG, `${SECRET}\n`) }, { secret: SECRET, now: NOW });
  assert.equal(refused.verdict.message, 'The document security token is not correctly formed. (token:invalid signature)');
  assert.deepEqual(refused.verdict.params, { frame: 'not_formed', reason: 'token', serverMessage: 'invalid signature' });
  assert.equal(zh.message(refused.verdict), `编辑器显示“${editorSays('editor_token_invalid')}”（令牌：“invalid signature”）`);
  const { token, ...noToken } = { ...CONFIG, token: undefined };
  assert.equal(token, undefined);
  const missing = kit.onlyoffice.inspectConfig(noToken, { secret: SECRET, now: NOW });
  assert.equal(zh.message(missing.verdict), `编辑器显示“${editorSays('editor_token_invalid')}”（没有令牌；文档服务器日志：“jwt must be provided”）`);
  const expired = kit.onlyoffice.inspectConfig({ ...CONFIG, token: hs256({ ...CONFIG, exp: NOW - 3600 }, SECRET) }, { secret: SECRET, now: NOW });
  assert.equal(expired.verdict.closeCode, 4005);
  assert.ok(zh.message(expired.verdict).startsWith(`编辑器显示“${editorSays('editor_token_expired').replace(/。$/, '')}`), zh.message(expired.verdict));
});

test('browser_verdict: what Document Server answers on the kind\'s channel, in Chinese', () => {
  const image = { fileType: 'png', url: 'https://example.com/a.png' };
  const ok = kit.onlyoffice.inspectBrowserToken(hs256(image, 'secret'), { secret: 'secret', now: NOW });
  assert.equal(ok.verdict.code, 'browser_verdict');
  assert.equal(zh.message(ok.verdict), '文档服务器接受这个 insertImage 令牌');
  const bad = kit.onlyoffice.inspectBrowserToken(hs256(image, 'other'), { secret: 'secret', now: NOW });
  assert.equal(zh.message(bad.verdict),
    `编辑器显示“${editorSays('editor_token_invalid')}”（错误 VKEY_ENCRYPT）：不会插入图片（令牌：“invalid signature”）`);
  const sheet = kit.onlyoffice.inspectBrowserToken(hs256({ fileType: 'xlsx' }, 'secret'), { secret: 'secret', now: NOW, kind: 'setRevisedFile' });
  assert.equal(zh.message(sheet.verdict), '文档服务器对编辑器的 downloadas 请求返回 403：文件不会被加载（令牌缺少文件的 URL 或 fileType）');
});

test('secret_explained: the variant of the secret that verifies, or that none does, in Chinese', () => {
  const token = hs256(CONFIG, `${SECRET}\n`);
  const lf = kit.onlyoffice.explainSecret(token, SECRET);
  assert.equal(lf.code, 'secret_explained');
  assert.deepEqual(lf.params, { alg: 'HS256', end: 'end', what: 'newline', change: 'with', reason: 'variant', variant: 'with-trailing-newline' });
  assert.equal(zh.message(lf), '原样给出的密钥无法验证 HS256 签名，但在末尾加上一个换行符（LF）后的密钥可以：签名方的密钥有它，'
    + '而你给出的没有。请在设置签名方密钥的地方（编辑器保存的文件、粘贴的值）去掉它；如果签名方是对的，就在这里加上它');
  assert.equal(zh.message(kit.onlyoffice.explainSecret(token, `${SECRET}\n`)), 'HS256 签名用原样给出的密钥验证通过');
  assert.match(zh.message(kit.onlyoffice.explainSecret(token, 'another')), /^这个密钥的任何变体都无法验证 HS256 签名（试过：.*默认值“secret”）：令牌是用另一个密钥签名的，或者签名后被改动过$/);
  assert.equal(zh.message(kit.onlyoffice.explainSecret(hs256(CONFIG, 'secret'), SECRET)),
    '原样给出的密钥无法验证 HS256 签名，但字面上的默认密钥“secret”可以：那一方仍在使用 default.json 中的 secret.*.string（请设置它，或设置 "string": "" 以改用文件）');
  assert.equal(zh.message(kit.onlyoffice.explainSecret(SECRET, SECRET)), '这不是令牌，任何密钥都无法验证它');
});
