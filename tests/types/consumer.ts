// A TypeScript consumer of the installed package, compiled by
// tests/package.test.mjs with `tsc --noEmit --strict`: it uses the API as
// documented, and the @ts-expect-error lines prove the types are not `any`.
import { loadToolkit, OojwtError } from 'oojwt';
import type {
  Algorithm, Decoded, ErrorCode, Issue, Key, LoadOptions, OctJwk, Report,
  SignOptions, Toolkit, VerifyOptions, VerifyResult, WarningCode,
} from 'oojwt';

const load: LoadOptions = { wasm: new URL('./node_modules/oojwt/web/lib/oojwt-full.wasm', import.meta.url) };
const kit: Toolkit = await loadToolkit(load);
const algs: readonly Algorithm[] = kit.algorithms;

const jwk: OctJwk = { kty: 'oct', k: 'a2V5', alg: 'HS256' };
const keys: Key[] = ['secret', new Uint8Array(32), new ArrayBuffer(8), new DataView(new ArrayBuffer(4)), jwk];

const signOptions: SignOptions = { alg: 'HS384', header: { kid: '1' }, iat: true, expiresIn: '1h', now: 1700000000 };
const token: string = kit.sign({ document: { key: 'k1' } }, keys[0], signOptions);

const verifyOptions: VerifyOptions = { algorithms: ['HS256', 'HS384'], now: 1700000000, clockTolerance: 60 };
const result: VerifyResult = kit.verify(token, 'secret', verifyOptions);
const valid: boolean = result.valid;
const errors: Issue<ErrorCode>[] = result.errors;
const warnings: Issue<WarningCode>[] = result.warnings;
const first: ErrorCode | undefined = errors[0]?.code;
const pos: number | undefined = errors[0]?.pos;

const decoded: Decoded = kit.decode(token);
const alg: Algorithm | null = decoded.alg;
const payload: { [name: string]: unknown } = decoded.payload;
const signature: string | undefined = decoded.signature;

const report: Report = JSON.parse(kit.reports.verify(token, 'secret', verifyOptions)) as Report;
const dots: [number, number] | undefined = report.dots;
const decodedReport: string = kit.reports.decode(token);

try {
  kit.decode('not a token');
} catch (e) {
  if (e instanceof OojwtError) {
    const code: ErrorCode = e.code;
    const where: number | undefined = e.pos;
    void code;
    void where;
  }
}

// @ts-expect-error: the payload is an object, not a string
kit.sign('text', 'secret');
// @ts-expect-error: unknown option
kit.verify(token, 'secret', { clockTolerence: 60 });
// @ts-expect-error: algorithms are names from the list
kit.verify(token, 'secret', { algorithms: ['HS999'] });
// @ts-expect-error: a number is not a key
kit.verify(token, 42);
// @ts-expect-error: sign only knows HS algorithms
kit.sign({}, 'secret', { alg: 'none' });
// @ts-expect-error: valid is a boolean
const notString: string = result.valid;

void [algs, valid, warnings, first, pos, alg, payload, signature, dots, decodedReport, notString];

// The element, as a dashboard written in TypeScript uses it.
import { OojwtInspector } from 'oojwt/inspector';
import type { InspectorVerdictDetail } from 'oojwt/inspector';

OojwtInspector.loadOptions = { wasm: '/assets/oojwt.wasm' };
const inspector = document.createElement('oojwt-inspector');
inspector.token = token;
inspector.secret = 'secret';
inspector.mode = 'decode';
inspector.clockTolerance = 60;
inspector.algorithms = ['HS256'];
inspector.addEventListener('oojwt-verdict', (e) => {
  const detail: InspectorVerdictDetail = e.detail;
  const verdict: 'valid' | 'invalid' | 'unverified' | 'empty' = detail.verdict;
  const variant: string | null | undefined = detail.forensics?.variant;
  void verdict; void variant;
});
const isSet: '(set)' | undefined = inspector.secret;
// @ts-expect-error: mode is verify or decode
inspector.mode = 'sign';
inspector.profile = 'onlyoffice';
inspector.connector = 'nextcloud';
inspector.theme = 'dark';
const theme: 'auto' | 'light' | 'dark' = inspector.theme;
// @ts-expect-error: theme is auto, light or dark
inspector.theme = 'sepia';
void isSet; void theme;

// Deployment checks (web/lib/deploy.mjs): secure download links and nginx.
const link: string = kit.onlyoffice.signDownloadUrl({ base: 'https://ds.example.com', path: 'data/k1/output.docx' },
  { secret: 's3cret', expiresIn: '15m', now: 1700000000 });
const seen = kit.onlyoffice.inspectDownloadUrl(link, { secret: 's3cret', now: 1700000000 });
const status: 200 | 400 | 403 | 410 | null = seen.verdict.status;
const nginx = kit.onlyoffice.readNginxConfig('server { listen 443 ssl; }', { serverConfig: '{}' });
const ports: number[] = nginx.listen.map((l) => l.port);
const same: boolean = kit.onlyoffice.compareSecureLinkSecrets('{}', nginx).match;
// @ts-expect-error: the secret is required to sign a link
kit.onlyoffice.signDownloadUrl(link, {});
void status; void ports; void same;
// Connector settings against Document Server's (kit.onlyoffice.readConnectorSettings).
const conn = kit.onlyoffice.readConnectorSettings("'onlyoffice' => ['jwt_secret' => 's3cret']",
  { serverConfig: '{}', certificateSelfSigned: false });
const who: 'nextcloud' | 'owncloud' | 'moodle' | 'mattermost' | null = conn.connector;
const inboxSame: 'equal' | 'differ' | 'unknown' | undefined = conn.comparison?.secrets.inbox;
// @ts-expect-error: serverConfig is the local.json text, not a readServerConfig result
kit.onlyoffice.readConnectorSettings('', { serverConfig: kit.onlyoffice.readServerConfig('{}') });
void who; void inboxSame;
// A TLS certificate, as a deployment check uses it.
import type { CertificateCode, CertificateOptions, CertificateReport } from 'oojwt';

const certOptions: CertificateOptions = { host: 'docs.example.com', privateKey: new Uint8Array(8), now: 1700000000 };
const cert: CertificateReport = kit.inspectCertificate('-----BEGIN CERTIFICATE-----', certOptions);
const covered: boolean | null = cert.coversHost;
const certCodes: CertificateCode[] = cert.findings.map((f) => f.code);
const dnsNames: string[] = cert.san.dns;
// @ts-expect-error: the host is a string
kit.inspectCertificate('x', { host: 1 });
// @ts-expect-error: notAfter is seconds, a number
const notAfterText: string = cert.notAfter;
void [covered, certCodes, dnsNames, notAfterText];
// Requests and callbacks (kit.onlyoffice.inspectRequest).
import type { RequestInspection } from 'oojwt';
const inspected: RequestInspection = kit.onlyoffice.inspectRequest(
  { headers: { Authorization: `Bearer ${token}` }, body: { c: 'info', key: 'k1' } }, 'secret', { kind: 'command', now: 1700000000 });
const answer: number | null = inspected.verdict.error;
const used: 'body' | 'query' | 'header' | null = inspected.verdict.tokenUsed;
const places: string[] = inspected.tokens.map((t) => `${t.place}:${t.counts}:${t.serverMessage ?? ''}`);
kit.onlyoffice.inspectRequest('POST /command HTTP/1.1\r\n\r\n{}', null, { kind: 'callback', serverConfig: '{}' });
// @ts-expect-error: kind is required
kit.onlyoffice.inspectRequest({ body: {} }, 'secret', {});
// @ts-expect-error: there is no upload kind
kit.onlyoffice.inspectRequest({ body: {} }, 'secret', { kind: 'upload' });
// Document Server's download of document.url, and the sender of a config.
const dl = kit.onlyoffice.inspectRequest({ headers: { Authorization: 'Bearer x' } }, 'secret', { kind: 'download', connector: 'nextcloud' });
const dlIds: string[] = dl.connectors.map((c) => c.id);
const sent = kit.onlyoffice.inspectConfig({ document: {} }, { secret: 'secret', connector: 'moodle' }).sender;
const sentBy: string | undefined = sent?.connector;
const sure: 'low' | 'medium' | 'high' | null | undefined = sent?.confidence;
const life: number | boolean | null = kit.onlyoffice.connectors().connectors[0].signs.config.exp;
void [answer, used, places, dlIds, sentBy, sure, life];

// The tokens of the editor page's methods (kit.onlyoffice.tokenKind, inspectBrowserToken).
import type { BrowserTokenInspection, TokenKindGuess, BrowserTokenKind } from 'oojwt';
const guess: TokenKindGuess = kit.onlyoffice.tokenKind({ fileType: 'png', url: 'https://example.com/a.png' });
const kindsAll: BrowserTokenKind[] = kit.onlyoffice.tokenKinds().map((k) => k.kind);
const browser: BrowserTokenInspection = kit.onlyoffice.inspectBrowserToken(token, { secret: 'secret', kind: 'setReferenceSource' });
const vkey: -121 | null = browser.verdict.serverError;
// @ts-expect-error: no such kind
kit.onlyoffice.inspectBrowserToken(token, { secret: 'secret', kind: 'insertimage' });
void [guess.confidence, kindsAll, vkey];

import type { Onlyoffice } from 'oojwt';
// The JWT core alone, and the Document Server functions added later.
const core: Toolkit = await loadToolkit({ onlyoffice: false, wasm: new URL('./node_modules/oojwt/web/lib/oojwt.wasm', import.meta.url) });
const later: Onlyoffice = await core.loadOnlyoffice({ wasm: new URL('./node_modules/oojwt/web/lib/oojwt-full.wasm', import.meta.url) });
const notLoaded: ErrorCode = 'not_loaded';
// @ts-expect-error: onlyoffice is a boolean
await loadToolkit({ onlyoffice: 'yes' });
void later; void notLoaded;

import type { DiagnoseResult, DiagnoseKind, DiagnoseCode, DiagnoseFindingCode, Symptom } from 'oojwt';
// One diagnosis of pasted texts: strings or named items, typed secrets.
const diag: DiagnoseResult = kit.diagnose(['eyJ...', { text: '{}', name: 'local.json' }], { secrets: ['s', { value: 's2', name: 'typed' }], now: 1 });
const firstKind: DiagnoseKind = diag.items[0].kind;
const headline: string | undefined = diag.verdict?.headline;
const diagCode: DiagnoseCode = 'diag_secret_variant';
const verdictCode: DiagnoseFindingCode | undefined = diag.verdict?.code;
// @ts-expect-error: items are strings or { text, name }
kit.diagnose([1]);
// @ts-expect-error: no such kind
const badKind: DiagnoseKind = 'jwt';
void [firstKind, headline, diagCode, verdictCode, badKind];

import type { DiagnoseCommand } from 'oojwt';
// The diagnosis as Markdown or text for a forum post, secrets masked.
const post: string = kit.exportDiagnosis(['eyJ...'], { secrets: ['s'], now: 1, format: 'markdown' });
const ticket: string = kit.exportDiagnosis([{ text: '{}', name: 'local.json' }], { format: 'text' });
const firstCommand: DiagnoseCommand | undefined = diag.commands[0];
const certCode: DiagnoseCode = 'diag_cert_no_ip';
// @ts-expect-error: no such format
kit.exportDiagnosis(['x'], { format: 'html' });
void [post, ticket, firstCommand, certCode];
// The symptom list: each message in English and (or null) Chinese, what to paste.
const symptoms: Symptom[] = kit.symptoms();
const zh: string | null = symptoms[0].texts['zh-CN'];
const pasteWhere: string = symptoms[0].paste[0].where;
const seenAs: string | null = diag.items[0].symptom;
// @ts-expect-error: no such language
void symptoms[0].texts.fr;
void [zh, pasteWhere, seenAs];
