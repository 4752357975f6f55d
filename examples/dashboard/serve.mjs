// Serves the built page on 127.0.0.1 with a strict Content-Security-Policy:
// no inline code, no eval, nothing loaded from elsewhere.
//   node examples/dashboard/serve.mjs [dir] [port]   # default: examples/dashboard/dist, 8080
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The policy the page must work under. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

const types = { '.svg': 'image/svg+xml', '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

/** Starts the server; resolves to { url, close }. Port 0 picks a free port. */
export function servePage({ dir = join(fileURLToPath(new URL('.', import.meta.url)), 'dist'), port = 0 } = {}) {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    const headers = { 'content-security-policy': contentSecurityPolicy, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    if (!file.startsWith(root)) {
      response.writeHead(403, headers).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404, headers).end('not found');
    }
  });
  return new Promise((resolvePromise) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolvePromise({ url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port] = process.argv.slice(2);
  const { url } = await servePage({ ...(dir ? { dir } : {}), port: port ? Number(port) : 8080 });
  console.log(`serving ${url} (Ctrl-C to stop)`);
}
