/**
 * A small static file server for the built site, used by the end-to-end tests and the benchmark.
 * Serves DIR under BASE (default "/"), with directory index.html, 404.html for unknown paths,
 * and no caching headers so a redeploy is seen at once. Text responses (HTML, CSS, JavaScript,
 * JSON, SVG) are gzip-compressed for clients that accept it, as static hosts and CDNs do, so
 * Lighthouse and the benchmarks see what readers get.
 *
 *   node tests/serve.ts --dir dist --port 4330 [--base /book/]
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { createGzip, constants } from 'node:zlib';
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

/** Content types worth compressing (fonts, images and Pagefind's index are compressed already). */
export const compressible = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg\+xml)/;

/** Whether a request's Accept-Encoding allows gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q) > 0);
  });
}

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
    const type = types[extname(path)] ?? 'application/octet-stream';
    const gzip = compressible.test(type) && acceptsGzip(request.headers['accept-encoding']);
    response.writeHead(file ? 200 : 404, {
      'content-type': type,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    const body = createReadStream(path);
    if (gzip) body.pipe(createGzip({ level: constants.Z_BEST_COMPRESSION })).pipe(response);
    else body.pipe(response);
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
