import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app';
import { loadConfig } from './config';
import { openAppDatabase } from '../database';
import { createTestDb, type TestDb } from '../test/harness';
import { DEMO_PASSWORD, seedBase, seedDemo } from '../seed';
import type { DataSource } from 'typeorm';

/** A TCP proxy in front of MariaDB that the test can cut and restore, like a database going away. */
function proxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server!.close(() => resolve());
    });
  return {
    open,
    cut,
    get port() {
      return port;
    },
  };
}

describe('the database going away (MariaDB)', () => {
  let db: TestDb;
  let ds: DataSource;
  let app: App;
  afterAll(async () => {
    await app?.close();
    await ds?.destroy().catch(() => undefined);
    await db?.drop();
  });

  it('answers DB_UNAVAILABLE quickly while it is gone and works again once it is back, without a restart', async () => {
    db = await createTestDb('mariadb');
    const seeded = await openAppDatabase(db.url);
    await seedBase(seeded);
    await seedDemo(seeded);
    await seeded.destroy();
    const p = proxy({ host: '127.0.0.1', port: 3306 });
    await p.open();
    const url = db.url.replace('127.0.0.1:3306', `127.0.0.1:${p.port}`);
    ds = await openAppDatabase(url);
    app = await createApp(ds, {
      ...loadConfig({}),
      databaseUrl: url,
      port: 0,
      host: '127.0.0.1',
      consoleDir: undefined,
    });
    const gql = async (query: string, token?: string) => {
      const r = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
      return (await r.json()) as any;
    };
    const token = (await gql(`mutation { login(username:"admin", password:"${DEMO_PASSWORD}") { token } }`)).data.login
      .token;
    expect((await gql('{ users { total } }', token)).data.users.total).toBe(6);

    await p.cut();
    const started = Date.now();
    const down = await gql('{ users { total } }', token);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(down.errors[0].extensions.code).toBe('DB_UNAVAILABLE');
    expect(JSON.stringify(down)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|mysql|SELECT/i);

    await p.open();
    let back: any;
    for (let i = 0; i < 20; i++) {
      back = await gql('{ users { total } }', token);
      if (back.data?.users) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(back.data.users.total).toBe(6);
  });
});
