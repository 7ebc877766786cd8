/**
 * The big document lists at scale, against MariaDB: `JXC_BENCH_DOCS` (1,000,000) stock documents,
 * purchase orders and sales orders each, made with bulk SQL (MariaDB's sequence engine) over three
 * years of business dates, then the lists timed through their services (server side, no HTTP): the
 * first page and the 1,000th page of 50, unfiltered and filtered by warehouse.
 *   pnpm --filter @jxc/server bench:lists   (JXC_BENCH_MYSQL_URL, JXC_BENCH_DOCS, JXC_BENCH_REUSE=1,
 *   JXC_BENCH_DEEP=5000,10000: deeper page-number jumps too)
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/core/config';
import { openAppDatabase } from '../src/database';
import { createServices } from '../src/services';
import { seedBase, seedDemo } from '../src/seed';
import { contextAs } from '../src/test/context';

const SERVER = process.env.JXC_BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';
const DOCS = Number(process.env.JXC_BENCH_DOCS ?? 1_000_000);
const RUNS = Number(process.env.JXC_BENCH_RUNS ?? 5);
/** further page numbers jumped to by offset, e.g. "5000,10000" (JXC_BENCH_DEEP): how a deep jump grows */
const DEEP = (process.env.JXC_BENCH_DEEP ?? '')
  .split(',')
  .map(Number)
  .filter((n) => n > 1);
const PAGE = 50;

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const name = process.env.JXC_BENCH_DB ?? 'jxc_bench_lists';
  const c = await mysql.createConnection({ uri: SERVER.replace(/^mariadb:/, 'mysql:'), multipleStatements: true });
  const reuse =
    process.env.JXC_BENCH_REUSE === '1' &&
    ((await c.query('SHOW DATABASES LIKE ?', [name])) as unknown as [unknown[]])[0].length > 0;
  if (!reuse)
    await c.query(
      `DROP DATABASE IF EXISTS \`${name}\`; CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  await c.end();
  const url = `${SERVER}/${name}`;
  const ds = await openAppDatabase(url);
  if (!reuse) {
    await seedBase(ds);
    await seedDemo(ds);
    await generate(ds);
  }
  await measure(ds, url);
  await ds.destroy();
}

/** DOCS rows in each table, in slices of 100,000, dates spread over three years ending 2026-12-31. */
async function generate(ds: DataSource) {
  const one = async (sql: string) => Number((await ds.query(sql))[0]?.id);
  const wh = (await ds.query('SELECT id FROM warehouse ORDER BY id')).map((r: any) => Number(r.id)) as number[];
  const supplier = await one('SELECT MIN(id) AS id FROM supplier');
  const customer = await one('SELECT MIN(id) AS id FROM customer');
  const channel = await one('SELECT MIN(id) AS id FROM sales_channel');
  const user = await one("SELECT id FROM app_user WHERE username = 'admin'");
  const whOf = `ELT(1 + seq % ${wh.length}, ${wh.join(', ')})`;
  const day = `DATE_FORMAT(DATE_SUB('2026-12-31', INTERVAL (seq % 1096) DAY), '%Y-%m-%d')`;
  const t0 = performance.now();
  for (let from = 1; from <= DOCS; from += 100_000) {
    const to = Math.min(DOCS, from + 99_999);
    const seq = `seq_${from}_to_${to}`;
    await ds.query(
      `INSERT INTO stock_document (type, number, status, warehouse_id, business_date, memo, created_by, created_at, version, counts_as_demand)
       SELECT 'other_out', CONCAT('LB-SD-', seq), 'posted', ${whOf}, ${day}, '', ${user}, NOW(3), 1, 0 FROM ${seq}`,
    );
    await ds.query(
      `INSERT INTO purchase_order (number, status, supplier_id, warehouse_id, order_date, memo, total, created_by, created_at, approval_round, version)
       SELECT CONCAT('LB-PO-', seq), 'approved', ${supplier}, ${whOf}, ${day}, '', '100.00', ${user}, NOW(3), 0, 1 FROM ${seq}`,
    );
    await ds.query(
      `INSERT INTO sales_order (number, status, customer_id, owner_id, channel_id, warehouse_id, order_date, total, cogs, margin, created_by, created_at, version)
       SELECT CONCAT('LB-SO-', seq), 'confirmed', ${customer}, ${user}, ${channel}, ${whOf}, ${day}, '100.00', '60.00', '40.00', ${user}, NOW(3), 1 FROM ${seq}`,
    );
    process.stdout.write(`\r  generated ${to} of ${DOCS} of each`);
  }
  await ds.query('ANALYZE TABLE stock_document, purchase_order, sales_order');
  console.log(` in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function measure(ds: DataSource, url: string) {
  const services = createServices(ds, { ...loadConfig({}), databaseUrl: url });
  const ctx = await contextAs(ds, services, 'admin');
  const counts = await ds.query(
    'SELECT (SELECT COUNT(*) FROM stock_document) AS sd, (SELECT COUNT(*) FROM purchase_order) AS po, (SELECT COUNT(*) FROM sales_order) AS so',
  );
  const w = String((await ds.query('SELECT MIN(id) AS id FROM warehouse'))[0].id);
  console.log(
    `jxc lists benchmark — ${new Date().toISOString()} — stock documents ${counts[0].sd}, purchase orders ${counts[0].po}, sales orders ${counts[0].so}; pages of ${PAGE}; load average ${load()}`,
  );
  const time = async (what: string, f: () => Promise<{ total: number; items: unknown[] }>) => {
    const ms: number[] = [];
    let r = { total: 0, items: [] as unknown[] };
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      r = await f();
      ms.push(performance.now() - t);
    }
    const m = median(ms);
    console.log(
      `  ${what.padEnd(52)} ${m.toFixed(1).padStart(8)} ms median of ${RUNS} (min ${Math.min(...ms).toFixed(1)}), ${r.items.length} rows of ${r.total}${(r as { totalCapped?: boolean }).totalCapped ? '+' : ''}  target < 100 ms ${m < 100 ? 'ok' : 'MISSED'}`,
    );
  };
  type P = { offset: number; limit: number; after?: string | null };
  const lists: Array<[string, (filter: any, page: P) => Promise<any>]> = [
    ['stock documents', (f, p) => services.stockDocuments.list(ctx, f, p)],
    ['purchase orders', (f, p) => services.purchaseOrders.list(ctx, f, p)],
    ['sales orders', (f, p) => services.salesOrders.list(ctx, f, p)],
  ];
  for (const [what, list] of lists) {
    console.log(`  (load average ${load()})`);
    await time(`${what}: first page`, () => list({}, { offset: 0, limit: PAGE }));
    await time(`${what}: page 1,000`, () => list({}, { offset: 999 * PAGE, limit: PAGE }));
    await time(`${what}: one warehouse, page 1,000`, () =>
      list({ warehouseId: w }, { offset: 999 * PAGE, limit: PAGE }),
    );
    for (const n of DEEP) {
      await time(`${what}: page ${n.toLocaleString('en')}`, () => list({}, { offset: (n - 1) * PAGE, limit: PAGE }));
      await time(`${what}: one warehouse, page ${n.toLocaleString('en')}`, () =>
        list({ warehouseId: w }, { offset: (n - 1) * PAGE, limit: PAGE }),
      );
    }
    // keyset: the 1,000th page from the 999th page's cursor (what the console's "next" sends)
    const c999 = (await list({}, { offset: 998 * PAGE, limit: PAGE })).cursor;
    await time(`${what}: page 1,000 by cursor`, () => list({}, { offset: 999 * PAGE, limit: PAGE, after: c999 }));
    const w999 = (await list({ warehouseId: w }, { offset: 998 * PAGE, limit: PAGE })).cursor;
    await time(`${what}: one warehouse, page 1,000 by cursor`, () =>
      list({ warehouseId: w }, { offset: 999 * PAGE, limit: PAGE, after: w999 }),
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
