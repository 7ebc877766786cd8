import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed';
import { testApp, testDbKind, type TestApp } from '../test/harness';

const dir = path.join(__dirname, '../test/tls');
const ca = fs.readFileSync(path.join(dir, 'cert.pem'));

function request(
  url: string,
  opts: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      u,
      {
        method: opts.method ?? 'GET',
        headers: opts.headers,
        ...(u.protocol === 'https:' ? { ca, servername: 'localhost' } : {}),
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** With a certificate and key the server speaks HTTPS: HSTS, Secure session cookies, plain HTTP redirected. */
describe(`HTTPS (${testDbKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({
      config: {
        tlsCertFile: path.join(dir, 'cert.pem'),
        tlsKeyFile: path.join(dir, 'key.pem'),
        httpRedirectPort: 0,
        alertsIntervalMs: 0,
        webhooksIntervalMs: 0,
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves HTTPS with HSTS and a Secure session cookie', async () => {
    expect(t.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await request(`${t.url}/healthz`);
    expect([health.status, health.headers['strict-transport-security']]).toEqual([
      200,
      'max-age=31536000; includeSubDomains',
    ]);
    const login = await request(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ token } }',
        variables: { u: 'admin', p: DEMO_PASSWORD },
      }),
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']?.[0] ?? '');
    expect(cookie).toMatch(/^jxc_session=/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const port = new URL(t.url).port;
    const r = await request(`http://127.0.0.1:${t.app.redirectPort}/stock/levels?x=1`, {
      headers: { host: `127.0.0.1:${t.app.redirectPort}` },
    });
    expect([r.status, r.headers.location]).toEqual([301, `https://127.0.0.1:${port}/stock/levels?x=1`]);
  });
});
