/**
 * Stock benchmark against MariaDB: the project's figures beside a raw-SQL baseline doing the same
 * work on the same schema, in one run, so the ratio means something on a noisy machine.
 *   pnpm bench            (JXC_BENCH_MYSQL_URL, default mariadb://root@127.0.0.1:3306)
 *   JXC_BENCH_LEDGER_ROWS=1000000 JXC_BENCH_DOCS=200 pnpm bench
 *   JXC_BENCH_QUICK=1 pnpm bench   (the posting part only: no balance reads, no reports)
 *   JXC_WORKERS=2 JXC_BENCH_QUICK=1 pnpm bench   (two API processes on one port; Redis at JXC_REDIS_URL)
 *   JXC_BENCH_SOCKET=/run/mysqld/mysqld.sock … (the API and both baselines reach MariaDB by its Unix socket)
 *   JXC_BENCH_SERVER_DIR=<checkout>/packages/server … (the API process from another checkout: before/after)
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { procCpuMs } from './proc-cpu';
import http from 'node:http';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { Decimal } from 'decimal.js';
import { createApp } from '../src/app';
import { loadConfig } from '../src/core/config';
import { openAppDatabase } from '../src/database';
import { Product } from '../src/modules/catalog/product.entity';
import { Sku } from '../src/modules/catalog/sku.entity';
import { Warehouse } from '../src/modules/stock/warehouse.entity';
import { createServices } from '../src/services';
import { DEMO_PASSWORD, seedBase, seedDemo } from '../src/seed';
import { toAuthUser } from '../src/modules/auth/auth.service';
import { User } from '../src/modules/auth/user.entity';
import { StockDocType } from '../src/modules/stock/stock-document.entity';
import type { Context } from '../src/core/context';

const SERVER = process.env.JXC_BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';
const SKUS = Number(process.env.JXC_BENCH_SKUS ?? 1000);
// (1,000 a cell: at 240 a cell at concurrency 8 lasted under a second, and runs disagreed by 20%)
const DOCS = Number(process.env.JXC_BENCH_DOCS ?? 1000);
const LEDGER_ROWS = Number(process.env.JXC_BENCH_LEDGER_ROWS ?? 1_000_000);
/** the databases' names (and `<name>_reports`), so two runs on one server do not collide */
const DB = process.env.JXC_BENCH_DB ?? 'jxc_bench';
/** the posting part only (a few minutes less: no balance reads, no report database) */
const QUICK = !!process.env.JXC_BENCH_QUICK;
/**
 * postings through the API before the first measured cell (not measured: the JIT's and the heap's
 * settling); after 1,000 the first cell still cost about 0.9 ms of API CPU a posting more than the
 * same cell after 4,000 (bench/README, 2026-12-07 15:47–16:03)
 */
const WARMUP = Number(process.env.JXC_BENCH_WARMUP ?? 4000);
/** API processes (the server's own JXC_WORKERS: node's cluster module, one port) */
const WORKERS = Math.max(1, Number(process.env.JXC_WORKERS || 1));
/** the MariaDB server's Unix socket: the API and the baselines connect through it instead of TCP */
const SOCKET = process.env.JXC_BENCH_SOCKET || '';
const conn = (db?: string) =>
  mysql.createConnection({
    uri: SERVER.replace(/^mariadb:/, 'mysql:') + (db ? `/${db}` : ''),
    multipleStatements: true,
  });

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const f = (n: number, d = 1) => n.toFixed(d);
const rows: string[][] = [];
const report = (what: string, project: string, baseline: string, ratio: string, target = '') => {
  rows.push([what, project, baseline, ratio, target]);
  console.log(`  ${what.padEnd(52)} ${project.padStart(12)} ${baseline.padStart(12)} ${ratio.padStart(8)} ${target}`);
};

async function freshDb(name: string) {
  const c = await conn();
  await c.query(
    `DROP DATABASE IF EXISTS \`${name}\`; CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await c.end();
  return `${SERVER}/${name}`;
}

async function setup(url: string) {
  const ds = await openAppDatabase(url);
  await seedBase(ds);
  await seedDemo(ds);
  const [product] = await ds
    .query(
      "INSERT INTO product (code, name, category_id, brand_id, base_unit, unit_scale, batch_tracked, serial_tracked, attribute_names, active, version) VALUES ('BENCH', 'Bench product', NULL, NULL, '件', 0, 0, 0, '[]', 1, 1)",
    )
    .then((r: any) => [r.insertId]);
  void Product;
  const values = Array.from(
    { length: SKUS },
    (_, i) => `(${product}, 'B-${String(i).padStart(5, '0')}', 'Bench SKU ${i}', '[]', '10.000000', '16.000000', 1, 1)`,
  );
  await ds.query(
    `INSERT INTO sku (product_id, code, name, attributes, ref_purchase_price, ref_sale_price, active, version) VALUES ${values.join(',')}`,
  );
  const skus = (await ds.getRepository(Sku).find({ order: { id: 'ASC' } })).map((s) => s.id);
  const whs = (await ds.getRepository(Warehouse).find({ order: { id: 'ASC' } })).map((w) => w.id);
  const services = createServices(ds, { ...loadConfig({}), databaseUrl: url });
  const admin = await ds
    .getRepository(User)
    .findOneOrFail({ where: { username: 'admin' }, relations: { roles: true, warehouses: true } });
  const ctx: Context = {
    user: toAuthUser(admin, 'bench'),
    ip: '127.0.0.1',
    userAgent: 'bench',
    requestId: 'bench',
    services,
    hidden: new Set(),
    auditWritten: false,
    afterSuccess: [],
  };
  // opening stock: every warehouse × SKU, through the engine
  for (const w of whs) {
    for (let i = 0; i < skus.length; i += 500) {
      const doc = await services.stockDocuments.create(ctx, {
        type: StockDocType.OTHER_IN,
        warehouseId: String(w),
        businessDate: '2026-01-01',
        lines: skus
          .slice(i, i + 500)
          .map((s) => ({ skuId: String(s), qty: '100000', unitCost: (5 + (s % 50)).toFixed(2) })),
      });
      await services.stockDocuments.post(ctx, String(doc.id));
    }
  }
  return { ds, services, ctx, skus, whs };
}

async function runPool(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function main() {
  console.log(
    `jxc stock benchmark — ${new Date().toISOString()} — ${SKUS} SKUs × 3 warehouses, ${DOCS} documents per run, ${LEDGER_ROWS} ledger rows for reports, ${WORKERS} API process(es), MariaDB by ${SOCKET ? 'its Unix socket' : 'TCP'}${process.env.JXC_BENCH_SERVER_DIR ? `, API from ${process.env.JXC_BENCH_SERVER_DIR}` : ''}`,
  );
  const url = await freshDb(DB);
  const { ds, services, ctx, skus, whs } = await setup(url);
  // the API runs in its own process, as in production, so the client's work is not counted against it
  const port = 4900 + Math.floor(Math.random() * 90);
  const server = spawn(
    process.execPath,
    [
      // the young generation of the production start (`pnpm start`, the Dockerfile)
      '--max-semi-space-size=64',
      ...(process.env.JXC_BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.JXC_BENCH_PROFILE] : []),
      '-r',
      '@swc-node/register',
      '-r',
      './bench/count-queries.ts',
      'src/main.ts',
    ],
    {
      // JXC_BENCH_SERVER_DIR: another checkout's packages/server (e.g. the code before a change), run
      // against the same data in the same window, for a before/after at the same load
      cwd: process.env.JXC_BENCH_SERVER_DIR || path.resolve(__dirname, '..'),
      env: {
        ...process.env,
        JXC_DATABASE_URL: SOCKET ? `${url}?socket=${encodeURIComponent(SOCKET)}` : url,
        JXC_WORKERS: String(WORKERS),
        ...(WORKERS > 1 ? { JXC_REDIS_URL: process.env.JXC_REDIS_URL || 'redis://127.0.0.1:6379' } : {}),
        PORT: String(port),
        JXC_HOST: '127.0.0.1',
        JXC_CONSOLE_DIR: '/nonexistent',
        JXC_LOG_ERRORS: '0',
        JXC_ADMIN_PASSWORD: DEMO_PASSWORD,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  // every API process says when it listens (with JXC_WORKERS > 1 the forked workers share this stdout)
  const serverLines: Array<(line: string) => void> = [];
  let pending = '';
  server.stdout!.on('data', (d: Buffer) => {
    const parts = (pending + String(d)).split('\n');
    pending = parts.pop()!;
    for (const line of parts) for (const f of [...serverLines]) f(line);
  });
  await new Promise<void>((resolve, reject) => {
    let listening = 0;
    serverLines.push((line) => line.includes('console and API at') && ++listening === WORKERS && resolve());
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const app = { url: `http://127.0.0.1:${port}`, close: async () => void server.kill('SIGTERM') };
  // what the API process did: statements sent (count-queries.ts) and CPU time (from /proc)
  type Counts = {
    statements: number;
    statementsInPackets: number;
    counterUpdates: number;
    counterUpdateMs: number;
    counterHeldMs: number;
  };
  // the API processes: the server itself, or with JXC_WORKERS > 1 its workers (the primary only forks them)
  const apiPids = (): number[] =>
    WORKERS > 1
      ? fs
          .readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number)
      : [server.pid!];
  const serverCounts = () =>
    new Promise<Counts>((resolve) => {
      const pids = apiPids();
      const sum: Counts = {
        statements: 0,
        statementsInPackets: 0,
        counterUpdates: 0,
        counterUpdateMs: 0,
        counterHeldMs: 0,
      };
      let seen = 0;
      const on = (line: string) => {
        const m = /JXC_QUERY_COUNTS (\{.*\})/.exec(line);
        if (!m) return;
        const c = JSON.parse(m[1]) as Counts;
        for (const k of Object.keys(sum) as Array<keyof Counts>) sum[k] += c[k];
        if (++seen < pids.length) return;
        serverLines.splice(serverLines.indexOf(on), 1);
        resolve(sum);
      };
      serverLines.push(on);
      for (const pid of pids) process.kill(pid, 'SIGUSR2');
    });
  /** CPU time of the API processes, user + system (ms), and of the primary when there are workers */
  const serverCpuMs = () =>
    (WORKERS > 1 ? [server.pid!, ...apiPids()] : [server.pid!]).reduce((t, pid) => t + procCpuMs(pid), 0);
  void createApp;
  // the load generator's HTTP client: node's own, kept-alive connections (fetch cost this process
  // about 1 ms of CPU a request, taken from the two cores the API and MariaDB share)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(`${app.url}/graphql`);
  const gql = (query: string, variables: object, token: string) =>
    new Promise<any>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              if (parsed.errors) reject(new Error(JSON.stringify(parsed.errors)));
              else resolve(parsed.data);
            } catch (e) {
              reject(e);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const login = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { login(username:"admin", password:"${DEMO_PASSWORD}") { token } }` }),
  });
  const token = ((await login.json()) as any).data.login.token;

  const raw = await mysql.createPool({
    uri: url.replace(/^mariadb:/, 'mysql:'),
    connectionLimit: 40,
    ...(SOCKET ? { socketPath: SOCKET } : {}),
  });
  await raw.query("INSERT INTO doc_sequence (doc_type, period, last_no) VALUES ('raw_out', '20261125', 0)");
  /** CPU time (ms) of the database server's process when it runs on this host (mariadbd/mysqld), else NaN */
  const dbPid = (() => {
    for (const name of ['mariadbd', 'mysqld'])
      for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)))
        try {
          if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name) return Number(pid);
        } catch {
          // (a process that ended meanwhile)
        }
    return 0;
  })();
  const dbCpuMs = () => (dbPid ? procCpuMs(dbPid) : NaN);
  /** the server's total row lock wait so far (ms) */
  const rowLockMs = async () => {
    const [rows] = (await raw.query("SHOW GLOBAL STATUS LIKE 'Innodb_row_lock_time'")) as unknown as [
      Array<{ Value: string }>,
    ];
    return Number(rows[0].Value);
  };
  // the bare minimum writes tables of its own with the same columns and indexes (no foreign keys),
  // so the engine's invariants checked after the run hold: its "balance" rows carry qty and value
  for (const [bare, like] of [
    ['bare_document', 'stock_document'],
    ['bare_line', 'stock_document_line'],
    ['bare_balance', 'stock_cost'],
    ['bare_ledger', 'stock_ledger'],
  ])
    await raw.query(`CREATE TABLE ${bare} LIKE ${like}`);
  await raw.query('INSERT INTO bare_balance SELECT * FROM stock_cost');
  let rnd = 42;
  const rand = () => (rnd = (rnd * 1103515245 + 12345) % 2147483648) / 2147483648;
  const linesFor = (hot: boolean) => {
    const set = new Set<number>();
    while (set.size < 5) set.add(skus[Math.floor(rand() * (hot ? 20 : skus.length))]);
    return [...set];
  };

  // a warm-up, not measured: the API process compiles and optimises its posting path on the first
  // requests (the first cell measured the JIT: 12–13 ms of CPU a posting against 7–8 in the next)
  {
    const warm: string[] = [];
    for (let i = 0; i < WARMUP; i++) {
      const doc = await services.stockDocuments.create(ctx, {
        type: StockDocType.OTHER_OUT,
        warehouseId: String(whs[i % whs.length]),
        lines: linesFor(false).map((s) => ({ skuId: String(s), qty: '1' })),
      });
      warm.push(String(doc.id));
    }
    await runPool(warm.length, 4, async (i) => {
      await gql(
        'mutation($id:ID!,$k:String){ postStockDocument(id:$id, idempotencyKey:$k){ id number } }',
        { id: warm[i], k: crypto.randomUUID() },
        token,
      );
    });
  }
  console.log('\nposting 5-line issues                                    project  full / bare  ratios (full / bare)');
  for (const hot of [false, true]) {
    for (const c of [1, 8, 32]) {
      // drafts are made beforehand: the figure is the posting itself
      const drafts: string[] = [];
      for (let i = 0; i < DOCS; i++) {
        const w = whs[i % whs.length];
        const doc = await services.stockDocuments.create(ctx, {
          type: StockDocType.OTHER_OUT,
          warehouseId: String(w),
          lines: linesFor(hot).map((s) => ({ skuId: String(s), qty: '1' })),
        });
        drafts.push(String(doc.id));
      }
      const before = {
        counts: await serverCounts(),
        cpu: serverCpuMs(),
        locks: await rowLockMs(),
        client: process.cpuUsage(),
        db: dbCpuMs(),
      };
      const apiSecs = await runPool(DOCS, c, async (i) => {
        await gql(
          'mutation($id:ID!,$k:String){ postStockDocument(id:$id, idempotencyKey:$k){ id number } }',
          { id: drafts[i], k: crypto.randomUUID() },
          token,
        );
      });
      const clientCpu = process.cpuUsage(before.client);
      const apiDbMs = (dbCpuMs() - before.db) / DOCS;
      const after = { counts: await serverCounts(), cpu: serverCpuMs(), locks: await rowLockMs() };
      // the bench's own CPU while it drove the API (its HTTP client): shares the machine's cores
      const clientMs = (clientCpu.user + clientCpu.system) / 1000 / DOCS;
      // every row lock wait of the cell, server side (the counter row's, the heads' and balances')
      const lockWait = (after.locks - before.locks) / DOCS;
      const apiTrips = (after.counts.statements - before.counts.statements) / DOCS;
      const apiStatements = (after.counts.statementsInPackets - before.counts.statementsInPackets) / DOCS;
      const apiCpu = (after.cpu - before.cpu) / DOCS;
      const counterUpdates = after.counts.counterUpdates - before.counts.counterUpdates || 1;
      const counterWait = (after.counts.counterUpdateMs - before.counts.counterUpdateMs) / counterUpdates;
      const counterHeld = (after.counts.counterHeldMs - before.counts.counterHeldMs) / counterUpdates;
      // the baseline: the same rows written by hand-written SQL in one transaction per document
      let fullTrips = 0;
      const fullDb = dbCpuMs();
      const baseSecs = await runPool(DOCS, c, async (i) => {
        const w = whs[i % whs.length];
        const lines = linesFor(hot).sort((a, b) => a - b);
        const cn0 = await raw.getConnection();
        // every call is one round trip: counted
        const cn = {
          beginTransaction: () => (fullTrips++, cn0.beginTransaction()),
          commit: () => (fullTrips++, cn0.commit()),
          rollback: () => (fullTrips++, cn0.rollback()),
          query: (sql: string, params?: unknown[]) => (fullTrips++, cn0.query(sql, params)),
          release: () => cn0.release(),
        };
        for (let attempt = 0; ; attempt++) {
          try {
            await cn.beginTransaction();
            const [d]: any = await cn.query(
              "INSERT INTO stock_document (type, number, status, warehouse_id, business_date, memo, created_by, created_at, posted_at, version) VALUES ('other_out', NULL, 'posted', ?, '2026-11-25', '', 1, NOW(3), NOW(3), 1)",
              [w],
            );
            for (const [li, s] of lines.entries()) {
              const [l]: any = await cn.query(
                "INSERT INTO stock_document_line (document_id, line_no, sku_id, unit, unit_factor, qty, base_qty) VALUES (?, ?, ?, '件', 1, 1, 1)",
                [d.insertId, li + 1, s],
              );
              const [[h]]: any = await cn.query(
                'SELECT qty, value FROM stock_cost WHERE warehouse_id = ? AND sku_id = ? FOR UPDATE',
                [w, s],
              );
              const value = new Decimal(h.value).div(h.qty).toDecimalPlaces(2);
              const [u]: any = await cn.query(
                'UPDATE stock_balance SET qty = qty - 1 WHERE warehouse_id = ? AND bin_id = 0 AND sku_id = ? AND batch_id = 0 AND qty >= 1',
                [w, s],
              );
              if (u.affectedRows !== 1) throw new Error('short');
              await cn.query(
                "INSERT INTO stock_ledger (warehouse_id, bin_id, sku_id, batch_id, document_id, document_line_id, document_type, document_number, kind, cost_source, business_date, qty, unit_cost, value, created_at) VALUES (?, 0, ?, 0, ?, ?, 'other_out', 'RAW', 'out', 'method', '2026-11-25', -1, ?, ?, NOW(3))",
                [w, s, d.insertId, l.insertId, value.toFixed(6), value.neg().toFixed(2)],
              );
              await cn.query(
                'UPDATE stock_cost SET qty = qty - 1, value = value - ? WHERE warehouse_id = ? AND sku_id = ?',
                [value.toFixed(2), w, s],
              );
            }
            // the same gap-free number, allocated last as the engine does
            await cn.query(
              "UPDATE doc_sequence SET last_no = last_no + 1 WHERE doc_type = 'raw_out' AND period = '20261125'",
            );
            const [[seq]]: any = await cn.query(
              "SELECT last_no FROM doc_sequence WHERE doc_type = 'raw_out' AND period = '20261125'",
            );
            await cn.query('UPDATE stock_document SET number = ? WHERE id = ?', [
              `RAW-20261125-${String(seq.last_no).padStart(4, '0')}`,
              d.insertId,
            ]);
            await cn.commit();
            break;
          } catch (e: any) {
            await cn.rollback();
            if (attempt > 5 || ![1213, 1205].includes(e.errno)) throw e;
          }
        }
        cn.release();
      });
      // the bare minimum: document, its lines in one statement, a guarded update per line (sorted),
      // the ledger rows in one statement, commit — 10 round trips for 5 lines
      const fullDbMs = (dbCpuMs() - fullDb) / DOCS;
      let bareTrips = 0;
      const bareDb = dbCpuMs();
      const bareSecs = await runPool(DOCS, c, async (i) => {
        const w = whs[i % whs.length];
        const lines = linesFor(hot).sort((a, b) => a - b);
        const cn = await raw.getConnection();
        const q = (sql: string, params?: unknown[]) => (bareTrips++, cn.query(sql, params));
        for (let attempt = 0; ; attempt++) {
          try {
            bareTrips++;
            await cn.beginTransaction();
            const [d]: any = await q(
              "INSERT INTO bare_document (type, number, status, warehouse_id, business_date, memo, created_by, created_at, posted_at, version) VALUES ('other_out', NULL, 'posted', ?, '2026-11-25', '', 1, NOW(3), NOW(3), 1)",
              [w],
            );
            await q(
              `INSERT INTO bare_line (document_id, line_no, sku_id, unit, unit_factor, qty, base_qty) VALUES ${lines.map(() => "(?, ?, ?, '件', 1, 1, 1)").join(', ')}`,
              lines.flatMap((s, li) => [d.insertId, li + 1, s]),
            );
            for (const [li, s] of lines.entries()) {
              const [u]: any = await q(
                `UPDATE bare_balance SET value = value - (@v${li} := IF(qty = ?, value, ROUND(value * ? / qty, 2))), qty = qty - ? WHERE warehouse_id = ? AND sku_id = ? AND qty >= ?`,
                [1, 1, 1, w, s, 1],
              );
              if (u.affectedRows !== 1) throw new Error('short');
            }
            await q(
              `INSERT INTO bare_ledger (warehouse_id, bin_id, sku_id, batch_id, document_id, document_line_id, document_type, document_number, kind, cost_source, business_date, qty, unit_cost, value, created_at) VALUES ${lines.map((_, li) => `(?, 0, ?, 0, ?, ${li + 1}, 'other_out', '', 'out', 'method', '2026-11-25', -1, @v${li}, -@v${li}, NOW(3))`).join(', ')}`,
              lines.flatMap((s) => [w, s, d.insertId]),
            );
            bareTrips++;
            await cn.commit();
            break;
          } catch (e: any) {
            bareTrips++;
            await cn.rollback();
            if (attempt > 5 || ![1213, 1205].includes(e.errno)) throw e;
          }
        }
        cn.release();
      });
      const bareDbMs = (dbCpuMs() - bareDb) / DOCS;
      const api = DOCS / apiSecs;
      const base = DOCS / baseSecs;
      const bare = DOCS / bareSecs;
      const what = `${hot ? 'hot 20 SKUs' : 'uniform 1,000 SKUs × 3 wh'}, concurrency ${c}`;
      report(
        `${what} (docs/s)`,
        f(api),
        `${f(base)} / ${f(bare)}`,
        `${f(api / base, 2)} / ${f(api / bare, 2)}`,
        c === 8 ? '(target ≥ 0.7 / ≥ 0.2)' : '',
      );
      report(
        `${what}: round trips per posting`,
        apiStatements > apiTrips ? `${f(apiTrips)} (${f(apiStatements)} statements)` : f(apiTrips),
        `${f(fullTrips / DOCS)} / ${f(bareTrips / DOCS)}`,
        '',
        c === 1 && !hot ? '(target ≤ 12)' : '',
      );
      report(`${what}: API CPU per posting (ms)`, f(apiCpu, 2), '', '');
      report(`${what}: the bench's HTTP client CPU per posting (ms)`, f(clientMs, 2), '', '');
      report(
        `${what}: database server CPU per posting (ms)`,
        f(apiDbMs, 2),
        `${f(fullDbMs, 2)} / ${f(bareDbMs, 2)}`,
        '',
      );
      report(
        `${what}: number counter taken / then held until COMMIT (ms)`,
        `${f(counterWait, 2)} / ${f(counterHeld, 2)}`,
        '',
        '',
      );
      report(`${what}: InnoDB row lock wait per posting (ms)`, f(lockWait, 2), '', '');
      if (c === 1)
        report(
          `${what}: latency per posting (ms)`,
          f((apiSecs * 1000) / DOCS, 2),
          `${f((baseSecs * 1000) / DOCS, 2)} / ${f((bareSecs * 1000) / DOCS, 2)}`,
          '',
          '(target ≤ 5 ms)',
        );
    }
  }
  // raw rows went around the engine's costing state: rebuild the heads' states from their totals before checking
  const problems = (await services.posting.check('moving_average')).filter((p) => !p.includes('replay'));
  console.log(
    `  invariants after the run: ${problems.length ? problems.length + ' PROBLEMS\n    ' + problems.slice(0, 10).join('\n    ') : 'Σ ledger = balances and cost heads, nothing negative'}`,
  );

  if (QUICK) {
    await app.close();
    await raw.end();
    await ds.destroy();
    console.log('\n| measure | jxc | raw SQL | ratio | target |\n|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    return;
  }
  console.log('\nreading 50 balances of one warehouse (ms)                project     baseline    ratio');
  const apiLat: number[] = [];
  const baseLat: number[] = [];
  for (let i = 0; i < 300; i++) {
    const w = whs[i % 3];
    const offset = (i * 50) % SKUS;
    let t0 = performance.now();
    await gql(
      'query($f:StockLevelFilter,$p:PageInput){ stockLevels(filter:$f, page:$p){ total items { skuCode onHand available value } } }',
      { f: { warehouseId: String(w) }, p: { offset, limit: 50 } },
      token,
    );
    apiLat.push(performance.now() - t0);
    t0 = performance.now();
    await raw.query(
      'SELECT c.sku_id, s.code, c.qty, c.value FROM stock_cost c JOIN sku s ON s.id = c.sku_id WHERE c.warehouse_id = ? ORDER BY s.code LIMIT 50 OFFSET ?',
      [w, offset],
    );
    baseLat.push(performance.now() - t0);
  }
  report('p50', f(pct(apiLat, 50), 2), f(pct(baseLat, 50), 2), f(pct(apiLat, 50) / pct(baseLat, 50), 1));
  report(
    'p99',
    f(pct(apiLat, 99), 2),
    f(pct(baseLat, 99), 2),
    f(pct(apiLat, 99) / pct(baseLat, 99), 1),
    '(target < 50 ms)',
  );
  await app.close();
  await raw.end();
  await ds.destroy();

  // reports over a big ledger: a separate database of synthetic rows (same schema)
  const rurl = await freshDb(`${DB}_reports`);
  const rds = await openAppDatabase(rurl);
  await seedBase(rds);
  await seedDemo(rds);
  await rds.query(
    "INSERT INTO product (code, name, base_unit, unit_scale, batch_tracked, serial_tracked, attribute_names, active, version) VALUES ('BENCH', 'Bench', '件', 0, 0, 0, '[]', 1, 1)",
  );
  await rds.query(
    `INSERT INTO sku (product_id, code, name, attributes, active, version) VALUES ${Array.from({ length: SKUS }, (_, i) => `(1, 'B-${i}', 'Bench SKU ${i}', '[]', 1, 1)`).join(',')}`,
  );
  const rwhs = (await rds.query('SELECT id FROM warehouse ORDER BY id')).map((r: any) => r.id);
  const t0 = performance.now();
  const batch = 5000;
  for (let n = 0; n < LEDGER_ROWS; n += batch) {
    const vals: string[] = [];
    for (let k = n; k < Math.min(n + batch, LEDGER_ROWS); k++) {
      const sku = 1 + (k % SKUS);
      const w = rwhs[Math.floor(k / SKUS) % 3];
      const d = new Date(Date.UTC(2026, 0, 1) + Math.floor((k / LEDGER_ROWS) * 364) * 86400_000)
        .toISOString()
        .slice(0, 10);
      const out = k % 3 !== 0;
      vals.push(
        `(${w},0,${sku},0,${Math.floor(k / 5) + 1},${k + 1},'${out ? 'other_out' : 'other_in'}','X','${out ? 'out' : 'in'}','${out ? 'method' : 'price'}','${d}',${out ? -1 : 2},10.000000,${out ? '-10.00' : '20.00'},NOW(3))`,
      );
    }
    await rds.query(
      `INSERT INTO stock_ledger (warehouse_id, bin_id, sku_id, batch_id, document_id, document_line_id, document_type, document_number, kind, cost_source, business_date, qty, unit_cost, value, created_at) VALUES ${vals.join(',')}`,
    );
  }
  console.log(
    `\nreports over ${LEDGER_ROWS.toLocaleString()} ledger rows (loaded in ${f((performance.now() - t0) / 1000)} s), ms   project     baseline    ratio`,
  );
  const rservices = createServices(rds, { ...loadConfig({}), databaseUrl: rurl });
  const rctx = { ...ctx, services: rservices, user: { ...ctx.user!, warehouseIds: null } } as Context;
  const time = async (fn: () => Promise<unknown>, n = 3) => {
    const ts: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await fn();
      ts.push(performance.now() - s);
    }
    return Math.min(...ts);
  };
  const rraw = await conn(`${DB}_reports`);
  const cases: Array<[string, () => Promise<unknown>, string, unknown[], string]> = [
    [
      'valuation per warehouse × SKU at 2026-06-30',
      () => rservices.stockReports.valuation(rctx, '2026-06-30', 'WAREHOUSE_SKU'),
      'SELECT warehouse_id, sku_id, SUM(qty), SUM(value) FROM stock_ledger WHERE business_date <= ? GROUP BY warehouse_id, sku_id',
      ['2026-06-30'],
      '',
    ],
    [
      'cost of goods issued per warehouse × SKU, June',
      () => rservices.stockReports.costOfGoodsIssued(rctx, '2026-06-01', '2026-06-30', 'WAREHOUSE_SKU'),
      "SELECT warehouse_id, sku_id, -SUM(qty), -SUM(value) FROM stock_ledger WHERE business_date BETWEEN ? AND ? AND document_type IN ('other_out','sales_shipment') GROUP BY warehouse_id, sku_id",
      ['2026-06-01', '2026-06-30'],
      '(target ≤ 2× and < 1000 ms)',
    ],
    [
      'valuation per warehouse at year end',
      () => rservices.stockReports.valuation(rctx, '2026-12-31', 'WAREHOUSE'),
      'SELECT warehouse_id, SUM(qty), SUM(value) FROM stock_ledger WHERE business_date <= ? GROUP BY warehouse_id',
      ['2026-12-31'],
      '',
    ],
    [
      'cost of goods issued per warehouse, the year',
      () => rservices.stockReports.costOfGoodsIssued(rctx, '2026-01-01', '2026-12-31', 'WAREHOUSE'),
      "SELECT warehouse_id, -SUM(qty), -SUM(value) FROM stock_ledger WHERE business_date BETWEEN ? AND ? AND document_type IN ('other_out','sales_shipment') GROUP BY warehouse_id",
      ['2026-01-01', '2026-12-31'],
      '',
    ],
  ];
  for (const [what, project, sql, params, target] of cases) {
    const p = await time(project);
    const b = await time(() => rraw.query(sql, params));
    report(what, f(p, 0), f(b, 0), f(p / b, 2), target);
  }
  await rraw.end();
  await rds.destroy();
  console.log('\n| measure | jxc | raw SQL | ratio | target |\n|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
