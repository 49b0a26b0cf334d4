// `make serve`: a static server for the built page (dist/site/) on the
// loopback interface only. Beside each file it sends the headers a <meta>
// cannot carry: the page's own Content-Security-Policy (read from the
// <meta http-equiv> of the folder's index.html) with frame-ancestors 'none'
// added, so no other site can frame the page; X-Content-Type-Options:
// nosniff; Referrer-Policy: no-referrer. Content types are exact (WebAssembly
// compiles only from application/wasm).
//
//   node tools/serve.mjs DIR [PORT]     PORT 0 picks a free one
//
// It prints "serving DIR on http://127.0.0.1:PORT/" once listening.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The page's CSP from its <meta http-equiv="Content-Security-Policy">, plus frame-ancestors 'none'. */
export function policyOf(html) {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (meta === null) throw new Error('index.html has no Content-Security-Policy <meta>');
  const directives = meta[1].split(';').map((d) => d.trim()).filter((d) => d !== '' && !/^frame-ancestors\b/.test(d));
  return [...directives, "frame-ancestors 'none'"].join('; ');
}

export function serve(dir, port) {
  const root = resolve(dir);
  const headers = {
    'content-security-policy': policyOf(readFileSync(join(root, 'index.html'), 'utf8')),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  const server = createServer(async (req, res) => {
    const fail = (status) => res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' })
      .end(`${status}\n`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405);
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return fail(400);
    }
    if (path.includes('\0')) return fail(400);
    let file = resolve(root, `.${path}`);
    if (file !== root && !file.startsWith(root + sep)) return fail(404);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      fail(404);
    }
  });
  return new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (import.meta.url === new URL(process.argv[1], 'file:').href) {
  const [dir, port = '8000'] = process.argv.slice(2);
  if (dir === undefined || !/^\d+$/.test(port)) {
    process.stderr.write('usage: node tools/serve.mjs DIR [PORT]\n');
    process.exit(2);
  }
  const server = await serve(dir, Number(port));
  process.stdout.write(`serving ${dir} on http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)\n`);
}
