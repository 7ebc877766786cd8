import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createApp, type App } from '../app';
import { loadConfig, type Config } from '../core/config';
import { openAppDatabase } from '../database';
import { DEMO_PASSWORD, seedBase, seedDemo } from '../seed';

/** Integration tests run on SQLite unless JXC_TEST_DB=mariadb (then JXC_TEST_MYSQL_URL or root@127.0.0.1:3306). */
export const testDbKind = (process.env.JXC_TEST_DB ?? 'sqlite') as 'sqlite' | 'mariadb';
export const mysqlServerUrl = process.env.JXC_TEST_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';
const connUrl = (u: string) => u.replace(/^mariadb:/, 'mysql:');

export interface TestDb {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file: a temp SQLite file, or a fresh MariaDB schema. */
export async function createTestDb(
  kind = testDbKind,
  opts: { createSql?: (name: string) => string } = {},
): Promise<TestDb> {
  const name = `jxc_t_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxc-test-'));
    return {
      url: `sqlite:${path.join(dir, 'db.sqlite')}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const conn = await mysql.createConnection(connUrl(mysqlServerUrl));
  await conn.query(
    opts.createSql?.(name) ?? `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await conn.end();
  return {
    url: `${mysqlServerUrl.replace(/\/$/, '')}/${name}`,
    async drop() {
      const c = await mysql.createConnection(connUrl(mysqlServerUrl));
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

export interface GqlResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; details?: any } }>;
  extensions?: { hiddenFields?: string[] };
  status: number;
  headers: Headers;
}

export interface TestApp {
  app: App;
  ds: DataSource;
  url: string;
  config: Config;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GqlResult<T>>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** A real server on a free port over a real database, seeded with the demo users. */
export async function testApp(opts: { demo?: boolean; config?: Partial<Config>; db?: TestDb } = {}): Promise<TestApp> {
  const db = opts.db ?? (await createTestDb());
  const ds = await openAppDatabase(db.url);
  await seedBase(ds);
  if (opts.demo !== false) await seedDemo(ds);
  const config: Config = {
    ...loadConfig({}),
    databaseUrl: db.url,
    port: 0,
    host: '127.0.0.1',
    consoleDir: undefined,
    // the daily alert scan runs when a test says so (DailyAlerts.run), never by itself
    dailyAlertsCheckMs: 0,
    forecastRefreshMs: 0,
    ...opts.config,
  };
  const app = await createApp(ds, config);
  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResult<T>> => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResult<T>;
    return { ...body, status: res.status, headers: res.headers };
  };
  return {
    app,
    ds,
    url: app.url,
    config,
    gql,
    async login(username, password = DEMO_PASSWORD) {
      const r = await gql<{ login: { token: string } }>(
        'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ token } }',
        { u: username, p: password },
      );
      if (!r.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
      return r.data.login.token;
    },
    async close() {
      await app.close();
      await ds.destroy();
      await db.drop();
    },
  };
}

export const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

/**
 * Records every statement the data source sends (through TypeORM's logger, which every query
 * runner calls once per round trip, START TRANSACTION and COMMIT included) until `stop()`.
 */
export function recordQueries(ds: DataSource): { queries: string[]; stop(): string[] } {
  const queries: string[] = [];
  const logger = ds.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    queries.push(query.replace(/\s+/g, ' ').trim());
    return original(query, parameters, runner);
  };
  return {
    queries,
    stop() {
      logger.logQuery = original;
      return queries;
    },
  };
}
