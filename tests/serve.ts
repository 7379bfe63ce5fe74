/**
 * A small static file server for the built site, used by the end-to-end tests and the benchmark.
 * Serves DIR under BASE (default "/"), with directory index.html, 404.html for unknown paths,
 * and no caching headers so a redeploy is seen at once.
 *
 *   node tests/serve.ts --dir dist --port 4330 [--base /book/]
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServeOptions {
  /**
   * The folder to serve, or a function asked on every request: the offline tests switch between two
   * builds with it, and return null to drop every connection, as a network that is down.
   */
  dir: string | (() => string | null);
  port: number;
  base?: string;
  host?: string;
}

function fileFor(root: string, pathname: string): string | undefined {
  const target = normalize(join(root, decodeURIComponent(pathname)));
  if (target !== root && !target.startsWith(root + sep)) return undefined;
  try {
    const stat = statSync(target);
    if (stat.isFile()) return target;
    if (stat.isDirectory()) {
      const index = join(target, 'index.html');
      if (statSync(index).isFile()) return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export function serve(options: ServeOptions): Promise<Server> {
  const { dir } = options;
  const base = options.base ?? '/';
  const server = createServer((request, response) => {
    const current = typeof dir === 'string' ? dir : dir();
    if (current === null) {
      request.socket.destroy();
      return;
    }
    const root = resolve(current);
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not under the base path');
      return;
    }
    const inner = `/${url.pathname.slice(base.length)}`;
    if (!inner.endsWith('/') && !extname(inner) && fileFor(root, `${inner}/`)) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const file = fileFor(root, inner);
    const path = file ?? fileFor(root, '/404.html');
    if (!path) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(file ? 200 : 404, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(path).pipe(response);
  });
  return new Promise((done) => server.listen(options.port, options.host ?? '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4321' }, base: { type: 'string', default: '/' } },
  });
  const port = Number(values.port);
  await serve({ dir: values.dir, port, base: values.base });
  console.log(`Serving ${values.dir} at http://127.0.0.1:${port}${values.base}`);
}
