/**
 * Analytics benchmark against MariaDB (issue 15, speed and scale): over a big ledger (10,000,000
 * rows by default), valuation per warehouse × SKU at a date (monthly snapshot + at most a month of
 * ledger rows), the warehouse × SKU margin cross-tab for a month and a workbench load (the
 * accountant's and the manager's), each beside the bare SQL answering the same question in the
 * same run.
 *   pnpm bench:analytics   (JXC_BENCH_MYSQL_URL, default mariadb://root@127.0.0.1:3306)
 *   JXC_BENCH_ROWS=2000000 pnpm bench:analytics          smaller
 *   JXC_BENCH_REUSE=1 pnpm bench:analytics               keep the database of the last run (same size)
 * The data is made with bulk SQL (INSERT … SELECT over MariaDB's seq_ tables), not through the
 * posting engine: 24 months (2025-01 … 2026-12), 3 warehouses × JXC_BENCH_SKUS SKUs (5,000); of
 * every 4 ledger rows one receipt (+4) and three issues (−1 each, two of them shipments); one
 * shipment line per 8 ledger rows, 10 lines a shipment.
 */
import 'reflect-metadata';
import mysql from 'mysql2/promise';
import { loadConfig } from '../src/core/config';
import { inTransaction } from '../src/core/db';
import { setNow } from '../src/core/dates';
import type { Context } from '../src/core/context';
import { openAppDatabase } from '../src/database';
import { createServices } from '../src/services';
import { seedBase, seedDemo } from '../src/seed';
import { toAuthUser } from '../src/modules/auth/auth.service';
import { User } from '../src/modules/auth/user.entity';
import { writeSnapshotsThrough } from '../src/modules/stock/snapshots';

const SERVER = process.env.JXC_BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';
const ROWS = Number(process.env.JXC_BENCH_ROWS ?? 10_000_000);
const SKUS = Number(process.env.JXC_BENCH_SKUS ?? 5000);
const DB = process.env.JXC_BENCH_DB ?? 'jxc_bench_analytics';
const REUSE = process.env.JXC_BENCH_REUSE === '1';
const DAYS = 730; // 2025-01-01 … 2026-12-31
const CHUNK = 500_000;
const conn = (db?: string) =>
  mysql.createConnection({
    uri: SERVER.replace(/^mariadb:/, 'mysql:') + (db ? `/${db}` : ''),
    multipleStatements: true,
  });
const f = (n: number, d = 0) => n.toFixed(d);
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

async function load(url: string) {
  const ds = await openAppDatabase(url);
  await seedBase(ds);
  await seedDemo(ds);
  const raw = await conn(DB);
  await raw.query(
    "INSERT INTO product (code, name, base_unit, unit_scale, batch_tracked, serial_tracked, attribute_names, active, version) VALUES ('BENCH', 'Bench', '件', 0, 0, 0, '[]', 1, 1)",
  );
  const [[{ p }]]: any = await raw.query("SELECT id AS p FROM product WHERE code = 'BENCH'");
  const [[{ s0 }]]: any = await raw.query('SELECT COALESCE(MAX(id), 0) AS s0 FROM sku');
  await raw.query(
    `INSERT INTO sku (product_id, code, name, attributes, active, version) SELECT ${p}, CONCAT('BA-', seq), CONCAT('Bench SKU ', seq), '[]', 1, 1 FROM seq_1_to_${SKUS}`,
  );
  const whs: number[] = (await ds.query('SELECT id FROM warehouse ORDER BY id LIMIT 3')).map((r: any) => Number(r.id));
  const [[adm]]: any = await raw.query("SELECT id FROM app_user WHERE username = 'admin'");
  await raw.query("INSERT INTO customer (code, name, created_at) VALUES ('BENCH', 'Bench customer', NOW(3))");
  await raw.query("INSERT INTO sales_channel (code, name, kind) VALUES ('BENCH', 'Bench', 'distributor')");
  const [[c]]: any = await raw.query("SELECT id, owner_id FROM customer WHERE code = 'BENCH'");
  const [[ch]]: any = await raw.query("SELECT id FROM sales_channel WHERE code = 'BENCH'");
  const wExpr = (k: string) => `ELT(1 + ${k} % 3, ${whs.join(', ')})`;
  const sExpr = (k: string) => `${s0} + 1 + FLOOR(${k} / 3) % ${SKUS}`;
  const dExpr = (k: string) =>
    `DATE_FORMAT(DATE_ADD('2025-01-01', INTERVAL FLOOR(${k} * ${DAYS} / ${ROWS}) DAY), '%Y-%m-%d')`;
  // secondary indexes are built once at the end (faster than kept row by row)
  const idx: any[] = await ds.query(
    "SELECT DISTINCT index_name AS i FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'stock_ledger' AND index_name <> 'PRIMARY'",
  );
  const [shown]: any = await raw.query('SHOW CREATE TABLE stock_ledger');
  const create: string = shown[0]['Create Table'];
  await raw.query(`ALTER TABLE stock_ledger ${idx.map((x) => `DROP INDEX \`${x.i}\``).join(', ')}`);
  let t0 = performance.now();
  for (let n = 0; n < ROWS; n += CHUNK) {
    const size = Math.min(CHUNK, ROWS - n);
    const k = `(seq + ${n})`;
    await raw.query(
      `INSERT INTO stock_ledger (warehouse_id, bin_id, sku_id, batch_id, document_id, document_line_id, document_type, document_number, kind, cost_source, business_date, qty, unit_cost, value, created_at)
       SELECT ${wExpr(k)}, 0, ${sExpr(k)}, 0, FLOOR(${k} / 10) + 1, ${k} + 1,
         ELT(1 + ${k} % 4, 'other_in', 'sales_shipment', 'sales_shipment', 'other_out'), 'X',
         IF(${k} % 4 = 0, 'in', 'out'), IF(${k} % 4 = 0, 'price', 'method'), ${dExpr(k)},
         IF(${k} % 4 = 0, 4, -1), 10, IF(${k} % 4 = 0, 40, -10), NOW(3)
       FROM seq_0_to_${size - 1}`,
    );
    process.stdout.write(`\r  ledger ${(n + size).toLocaleString()} rows (${secs(t0)} s)`);
  }
  console.log();
  t0 = performance.now();
  const keys = [...create.matchAll(/ KEY `([^`]+)` \(([^)]+)\)/g)].map((m) => `ADD INDEX \`${m[1]}\` (${m[2]})`);
  await raw.query(`ALTER TABLE stock_ledger ${keys.join(', ')}`);
  console.log(`  ledger indexes rebuilt (${secs(t0)} s)`);
  // cost heads: the totals per warehouse × SKU
  await raw.query(
    'INSERT INTO stock_cost (warehouse_id, sku_id, qty, value, reserved, state, last_date) SELECT warehouse_id, sku_id, SUM(qty), SUM(value), 0, NULL, MAX(business_date) FROM stock_ledger GROUP BY warehouse_id, sku_id',
  );
  // sales: one shipment line per 8 ledger rows, 10 lines a shipment (one order each)
  t0 = performance.now();
  const lines = Math.floor(ROWS / 8);
  const ships = Math.ceil(lines / 10);
  const [[{ o0 }]]: any = await raw.query('SELECT COALESCE(MAX(id), 0) AS o0 FROM sales_order');
  const [[{ h0 }]]: any = await raw.query('SELECT COALESCE(MAX(id), 0) AS h0 FROM sales_shipment');
  for (let n = 0; n < ships; n += CHUNK) {
    const size = Math.min(CHUNK, ships - n);
    const k = `(seq + ${n})`;
    const d = `DATE_FORMAT(DATE_ADD('2025-01-01', INTERVAL FLOOR(${k} * ${DAYS} / ${ships}) DAY), '%Y-%m-%d')`;
    await raw.query(
      `INSERT INTO sales_order (id, number, customer_id, owner_id, channel_id, warehouse_id, order_date, status, created_by, created_at)
       SELECT ${o0} + 1 + ${k}, CONCAT('BSO-', ${k}), ${c.id}, ${c.owner_id ?? adm.id}, ${ch.id}, ${wExpr(k)}, ${d}, 'shipped', ${adm.id}, NOW(3) FROM seq_0_to_${size - 1}`,
    );
    await raw.query(
      `INSERT INTO sales_shipment (id, number, order_id, customer_id, warehouse_id, business_date, created_by, posted_at)
       SELECT ${h0} + 1 + ${k}, CONCAT('BSH-', ${k}), ${o0} + 1 + ${k}, ${c.id}, ${wExpr(k)}, ${d}, ${adm.id}, NOW(3) FROM seq_0_to_${size - 1}`,
    );
  }
  for (let n = 0; n < lines; n += CHUNK) {
    const size = Math.min(CHUNK, lines - n);
    const k = `(seq + ${n})`;
    await raw.query(
      `INSERT INTO sales_shipment_line (shipment_id, line_no, order_line_id, sku_id, qty, amount, cogs)
       SELECT ${h0} + 1 + FLOOR(${k} / 10), ${k} % 10 + 1, ${k} + 1, ${s0} + 1 + (${k} * 7) % ${SKUS}, 2, 16 + ${k} % 5, 10 + ${k} % 3 FROM seq_0_to_${size - 1}`,
    );
  }
  console.log(`  ${ships.toLocaleString()} shipments, ${lines.toLocaleString()} lines (${secs(t0)} s)`);
  t0 = performance.now();
  const months = await inTransaction(ds, (tx) => writeSnapshotsThrough(tx, '2026-11-30'));
  console.log(`  snapshots of ${months.length} months (${secs(t0)} s)`);
  await raw.end();
  return ds;
}

async function main() {
  const url = `${SERVER}/${DB}`;
  const c = await conn();
  const [[have]]: any = await c.query(
    'SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = ?',
    [DB, 'stock_snapshot_month'],
  );
  let reuse = REUSE && Number(have.n) > 0;
  if (reuse) {
    const [[{ n }]]: any = await c.query(`SELECT COUNT(*) AS n FROM \`${DB}\`.stock_ledger`);
    reuse = Number(n) === ROWS;
    if (!reuse) console.log(`  the kept database has ${n} ledger rows, not ${ROWS}: made again`);
  }
  if (!reuse)
    await c.query(
      `DROP DATABASE IF EXISTS \`${DB}\`; CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  await c.end();
  const t0 = performance.now();
  const ds = reuse ? await openAppDatabase(url) : await load(url);
  if (!reuse) console.log(`  loaded in ${secs(t0)} s`);
  // the business clock: mid-December 2026 (November is the latest snapshot)
  setNow('2026-12-16T02:00:00Z');
  const services = createServices(ds, { ...loadConfig({}), databaseUrl: url });
  const as = async (username: string): Promise<Context> => {
    const u = await ds
      .getRepository(User)
      .findOneOrFail({ where: { username }, relations: { roles: true, warehouses: true } });
    return {
      user: toAuthUser(u, 'bench'),
      ip: '127.0.0.1',
      userAgent: 'bench',
      requestId: 'bench',
      services,
      hidden: new Set(),
      auditWritten: false,
      afterSuccess: [],
    } as Context;
  };
  const admin = await as('admin');
  const raw = await conn(DB);
  const [[{ n }]]: any = await raw.query('SELECT COUNT(*) AS n FROM stock_ledger');
  const [[{ pairs }]]: any = await raw.query('SELECT COUNT(*) AS pairs FROM stock_cost');
  console.log(
    `\njxc analytics benchmark — ${Number(n).toLocaleString()} ledger rows, ${Number(pairs).toLocaleString()} warehouse × SKU pairs`,
  );
  const time = async (fn: () => Promise<unknown>, times = 3) => {
    const ts: number[] = [];
    for (let i = 0; i < times; i++) {
      const s = performance.now();
      await fn();
      ts.push(performance.now() - s);
    }
    return Math.min(...ts);
  };
  const out: string[][] = [];
  const row = (what: string, p: number, b: number, note = '') => {
    out.push([what, f(p), f(b), (p / b).toFixed(2), note]);
    console.log(
      `  ${what.padEnd(58)} ${f(p).padStart(8)} ${f(b).padStart(8)} ${(p / b).toFixed(2).padStart(6)} ${note}`,
    );
  };
  console.log(
    `  ${'measure (ms, best of 3)'.padEnd(58)} ${'jxc'.padStart(8)} ${'bare SQL'.padStart(8)} ${'ratio'.padStart(6)}`,
  );

  // 1. valuation per warehouse × SKU at a date: the same snapshot + month SQL, and the full scan
  const snapSql = `SELECT w, s, SUM(qty), SUM(value) FROM (
      SELECT warehouse_id AS w, sku_id AS s, qty, value FROM stock_snapshot WHERE month = ?
      UNION ALL SELECT warehouse_id, sku_id, SUM(qty), SUM(value) FROM stock_ledger WHERE business_date > ? AND business_date <= ? GROUP BY warehouse_id, sku_id
    ) x GROUP BY w, s HAVING SUM(qty) <> 0 OR SUM(value) <> 0`;
  for (const [day, month, end] of [
    ['2026-06-30', '2026-06', '2026-06-30'],
    ['2026-06-29', '2026-05', '2026-05-31'],
    ['2026-12-15', '2026-11', '2026-11-30'],
  ]) {
    const p = await time(() => services.stockReports.valuation(admin, day, 'WAREHOUSE_SKU'));
    // the bare SQL gives the same answer: each warehouse × SKU with its labels, largest value first
    const b = await time(() =>
      raw.query(
        `SELECT y.*, wh.code, wh.name, k.code, k.name, c.name FROM (${snapSql}) y JOIN warehouse wh ON wh.id = y.w JOIN sku k ON k.id = y.s JOIN product p ON p.id = k.product_id LEFT JOIN category c ON c.id = p.category_id ORDER BY 4 DESC`,
        [month, end, day],
      ),
    );
    row(`valuation per warehouse × SKU at ${day}`, p, b, `(snapshot ${month})`);
  }
  const scan = await time(
    () =>
      raw.query(
        'SELECT warehouse_id, sku_id, SUM(qty), SUM(value) FROM stock_ledger WHERE business_date <= ? GROUP BY warehouse_id, sku_id',
        ['2026-06-29'],
      ),
    1,
  );
  console.log(`  (for scale: the same valuation by a full scan of the ledger, bare SQL: ${f(scan)} ms)`);

  // 2. the warehouse × SKU margin cross-tab of a month
  const input = {
    from: '2026-06-01',
    to: '2026-06-30',
    dimensions: ['WAREHOUSE', 'SKU'],
    measures: ['REVENUE', 'COGS', 'MARGIN', 'MARGIN_PCT'],
  } as any;
  const p2 = await time(() => services.analytics.analyse(admin, input));
  const b2 = await time(() =>
    raw.query(
      `SELECT y.*, wh.name, k.code, k.name FROM (SELECT w, s, SUM(a), SUM(c) FROM (
        SELECT h.warehouse_id AS w, l.sku_id AS s, l.amount AS a, l.cogs AS c FROM sales_shipment_line l JOIN sales_shipment h ON h.id = l.shipment_id JOIN sales_order o ON o.id = h.order_id JOIN customer cu ON cu.id = h.customer_id WHERE h.business_date BETWEEN ? AND ?
        UNION ALL SELECT h.warehouse_id, l.sku_id, -l.amount, -l.restocked_cost FROM sales_return_line l JOIN sales_return h ON h.id = l.return_id JOIN sales_order o ON o.id = h.order_id JOIN customer cu ON cu.id = h.customer_id WHERE h.business_date BETWEEN ? AND ?
      ) x GROUP BY w, s) y JOIN warehouse wh ON wh.id = y.w JOIN sku k ON k.id = y.s ORDER BY wh.name, k.code`,
      ['2026-06-01', '2026-06-30', '2026-06-01', '2026-06-30'],
    ),
  );
  const [[{ ml }]]: any = await raw.query(
    "SELECT COUNT(*) AS ml FROM sales_shipment_line l JOIN sales_shipment h ON h.id = l.shipment_id WHERE h.business_date BETWEEN '2026-06-01' AND '2026-06-30'",
  );
  row('margin cross-tab warehouse × SKU, June 2026', p2, b2, `(${Number(ml).toLocaleString()} lines)`);

  // 3. a workbench load: the accountant (stock value now and at last month's end) and the manager (all sections)
  for (const who of ['accountant', 'manager']) {
    const ctx = await as(who).catch(() => null);
    if (!ctx) continue;
    const p3 = await time(() => services.workbench.build(ctx));
    // its heaviest part bare: the stock value per warehouse now and at the end of last month
    const b3 = await time(async () => {
      await raw.query(snapSql.replace('x GROUP BY w, s', 'x GROUP BY w'), ['2026-11', '2026-11-30', '2026-12-16']);
      await raw.query(
        'SELECT warehouse_id, SUM(qty), SUM(value) FROM stock_snapshot WHERE month = ? GROUP BY warehouse_id',
        ['2026-11'],
      );
    });
    row(`workbench load (${who})`, p3, b3, '(bare: its two stock-value queries)');
  }
  await raw.end();
  await ds.destroy();
  console.log('\n| measure (ms) | jxc | bare SQL | ratio | note |\n|---|---|---|---|---|');
  for (const r of out) console.log(`| ${r.join(' | ')} |`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
