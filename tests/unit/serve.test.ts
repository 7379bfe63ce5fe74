import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, serve } from '../serve.ts';

const dir = mkdtempSync(join(tmpdir(), 'book-serve-'));
let port = 0;
let close: () => void = () => undefined;
beforeAll(async () => {
  mkdirSync(join(dir, 'chapters', 'one'), { recursive: true });
  writeFileSync(join(dir, 'chapters', 'one', 'index.html'), `<!doctype html><p>${'Chapter text. '.repeat(200)}</p>`);
  writeFileSync(join(dir, 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]));
  writeFileSync(join(dir, '404.html'), 'not here');
  const server = await serve({ dir, port: 0 });
  port = (server.address() as AddressInfo).port;
  close = () => server.close();
});
afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((done, fail) => {
    request({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

describe('the test server', () => {
  it('gzips HTML for clients that accept it, as static hosts do', async () => {
    const plain = await get('/chapters/one/');
    const zipped = await get('/chapters/one/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 10);
  });

  it('sends fonts as they are, and compresses the 404 page too', async () => {
    const font = await get('/font.woff2', { 'accept-encoding': 'gzip' });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.body.length).toBe(7);
    const missing = await get('/no-such-page/', { 'accept-encoding': 'gzip' });
    expect(missing.status).toBe(404);
    expect(gunzipSync(missing.body).toString()).toBe('not here');
  });

  it.each([
    ['gzip', true],
    ['br, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['', false],
  ])('reads Accept-Encoding %j as gzip allowed: %s', (header, allowed) => {
    expect(acceptsGzip(header)).toBe(allowed);
  });
});
