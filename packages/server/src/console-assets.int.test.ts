import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings } from './console-assets';
import { testApp, type TestApp } from './test/harness';

/** A raw GET (fetch would decode the body and hide Content-Encoding). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('the console build is served pre-compressed and cached by name', () => {
  let t: TestApp;
  let dir: string;
  const js = 'export const answer = "进销存";\n'.repeat(200);
  const html =
    '<!doctype html><html><body><div id="app"></div><script src="/assets/index-Bx3_k9Qa.js"></script></body></html>';
  beforeAll(async () => {
    // a build as packages/console/vite.config.ts writes it: each file with its .br and .gz
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxc-assets-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    const write = (rel: string, text: string, compressed = true) => {
      fs.writeFileSync(path.join(dir, rel), text);
      if (!compressed) return;
      fs.writeFileSync(path.join(dir, rel + '.gz'), zlib.gzipSync(text));
      fs.writeFileSync(path.join(dir, rel + '.br'), zlib.brotliCompressSync(text));
    };
    write('index.html', html);
    write('assets/index-Bx3_k9Qa.js', js);
    write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', false);
    t = await testApp({ demo: false, config: { consoleDir: dir } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it, with the script type and immutable caching', async () => {
    const r = await get(`${t.url}/assets/index-Bx3_k9Qa.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(r.body).toString()).toBe(js);
    expect(r.body.length).toBeLessThan(Buffer.byteLength(js) / 10);
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
  });

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gz = await get(`${t.url}/assets/index-Bx3_k9Qa.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(js);
    const plain = await get(`${t.url}/assets/index-Bx3_k9Qa.js`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
    const refused = await get(`${t.url}/assets/index-Bx3_k9Qa.js`, { 'accept-encoding': 'br;q=0, gzip' });
    expect(refused.headers['content-encoding']).toBe('gzip');
  });

  it('index.html, also as the answer to a page route, is revalidated on each load', async () => {
    for (const p of ['/', '/index.html', '/purchasing/orders/12']) {
      const r = await get(`${t.url}${p}`, { 'accept-encoding': 'br' });
      expect(r.status, p).toBe(200);
      expect(r.headers['cache-control'], p).toBe('no-cache');
      expect(r.headers['content-type'], p).toMatch(/^text\/html/);
      expect(r.headers['content-encoding'], p).toBe('br');
      expect(zlib.brotliDecompressSync(r.body).toString(), p).toBe(html);
    }
  });

  it('an unhashed file is not cached for a year; a missing asset is a 404, not the app', async () => {
    const icon = await get(`${t.url}/favicon.svg`, { 'accept-encoding': 'br' });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.headers['cache-control']).toBe('no-cache');
    const missing = await get(`${t.url}/assets/index-Zz9_k9Qa.js`);
    expect(missing.status).toBe(404);
    const escape = await get(`${t.url}/..%2F..%2Fetc%2Fpasswd`);
    expect(escape.body.toString()).not.toMatch(/root:/);
  });

  it('reads Accept-Encoding by its rules', () => {
    expect([...acceptedEncodings('gzip, deflate, br')]).toEqual(['gzip', 'deflate', 'br']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings('*')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('*, br;q=0')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
