/**
 * Re-costing benchmark against MariaDB (issue 18): one back-dated receipt that re-costs a long tail
 * of later moves of one SKU spread over three warehouses through transfers (A → B → C).
 *   pnpm bench:recost     (JXC_BENCH_MYSQL_URL, default mariadb://root@127.0.0.1:3306)
 *   JXC_BENCH_MOVES=10000 JXC_BENCH_METHOD=moving_average pnpm bench:recost
 * The later moves are seeded through the services (not timed); the figure is the posting of the
 * back-dated receipt alone, through the normal service path, followed by the ledger check.
 */
import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import mysql from 'mysql2/promise';
import { loadConfig } from '../src/core/config';
import { openAppDatabase } from '../src/database';
import { Sku } from '../src/modules/catalog/sku.entity';
import { Warehouse } from '../src/modules/stock/warehouse.entity';
import { CompanySettings } from '../src/modules/system/settings.entity';
import { StockDocType } from '../src/modules/stock/stock-document.entity';
import { createServices } from '../src/services';
import { seedBase, seedDemo } from '../src/seed';
import { contextAs } from '../src/test/context';

const SERVER = process.env.JXC_BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';
const MOVES = Number(process.env.JXC_BENCH_MOVES ?? 10_000);
const METHOD = (process.env.JXC_BENCH_METHOD ?? 'moving_average') as 'moving_average' | 'fifo';
const DB = 'jxc_bench_recost';
/** One cycle: A → B 4 (2 moves), B → C 2 (2 moves), and an issue of 1 in each of A, B and C. */
const MOVES_PER_CYCLE = 7;

async function query(sql: string) {
  const c = await mysql.createConnection({ uri: SERVER.replace(/^mariadb:/, 'mysql:'), multipleStatements: true });
  await c.query(sql);
  await c.end();
}

async function main() {
  console.log(`jxc re-costing benchmark — ${new Date().toISOString()} — ${MOVES} later moves, ${METHOD}`);
  await query(
    `DROP DATABASE IF EXISTS \`${DB}\`; CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  const url = `${SERVER}/${DB}`;
  const ds = await openAppDatabase(url);
  await seedBase(ds);
  await seedDemo(ds);
  await ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: METHOD as any });
  const [product] = await ds
    .query(
      "INSERT INTO product (code, name, category_id, brand_id, base_unit, unit_scale, batch_tracked, serial_tracked, attribute_names, active, version) VALUES ('RECOST', 'Re-cost bench product', NULL, NULL, '件', 0, 0, 0, '[]', 1, 1)",
    )
    .then((r: any) => [r.insertId]);
  const sku = await ds.getRepository(Sku).save({
    productId: product,
    code: 'RECOST-1',
    name: 'Re-cost bench SKU',
    attributes: [],
    refPurchasePrice: '10.000000',
    refSalePrice: '20.000000',
    active: true,
    version: 1,
  });
  const [A, B, C] = await ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
  const services = createServices(ds, { ...loadConfig({}), databaseUrl: url });
  const ctx = await contextAs(ds, services, 'admin');

  const post = async (
    type: StockDocType,
    w: Warehouse,
    date: string,
    qty: string,
    unitCost?: string,
    to?: Warehouse,
  ) => {
    const doc = await services.stockDocuments.create(ctx, {
      type,
      warehouseId: String(w.id),
      ...(to ? { toWarehouseId: String(to.id) } : {}),
      businessDate: date,
      lines: [{ skuId: String(sku.id), qty, ...(unitCost ? { unitCost } : {}) }],
    });
    return services.stockDocuments.post(ctx, String(doc.id));
  };
  const transfer = async (from: Warehouse, to: Warehouse, date: string, qty: string) => {
    const doc = await post(StockDocType.TRANSFER, from, date, qty, undefined, to);
    await services.stockDocuments.receiveTransfer(ctx, String(doc.id), null, date);
  };

  // seeding (not timed): opening stock in A, then the later moves in date order, through the services
  const cycles = Math.ceil(MOVES / MOVES_PER_CYCLE);
  const seedStart = performance.now();
  await post(StockDocType.OTHER_IN, A, '2026-01-10', String(cycles * 6), '10.00');
  for (let i = 0; i < cycles; i++) {
    const date = new Date(Date.UTC(2026, 1, 2) + Math.floor((i * 300) / cycles) * 86400_000).toISOString().slice(0, 10);
    await transfer(A, B, date, '4');
    await transfer(B, C, date, '2');
    await post(StockDocType.OTHER_OUT, A, date, '1');
    await post(StockDocType.OTHER_OUT, B, date, '1');
    await post(StockDocType.OTHER_OUT, C, date, '1');
    if ((i + 1) % 200 === 0) process.stdout.write(`  seeded ${(i + 1) * MOVES_PER_CYCLE} moves\r`);
  }
  const seedSecs = (performance.now() - seedStart) / 1000;
  const [{ later }] = await ds.query(
    "SELECT COUNT(*) AS later FROM stock_ledger WHERE sku_id = ? AND kind <> 'recost' AND business_date > '2026-01-15'",
    [sku.id],
  );
  console.log(
    `seeded ${Number(later)} later moves (${cycles} cycles) over 3 warehouses in ${seedSecs.toFixed(1)} s (not timed)`,
  );
  const before = await services.posting.check(METHOD);
  if (before.length) throw new Error(`ledger check failed before the run:\n${before.slice(0, 10).join('\n')}`);

  // the timed part: one back-dated receipt in A, posted through the normal service path
  const receipt = await services.stockDocuments.create(ctx, {
    type: StockDocType.OTHER_IN,
    warehouseId: String(A.id),
    businessDate: '2026-01-15',
    lines: [{ skuId: String(sku.id), qty: String(cycles * 6), unitCost: '16.00' }],
  });
  // where the time goes: the statements MariaDB ran (global counters: run it on a quiet server), the
  // process's CPU time, and with JXC_BENCH_PROFILE=1 a CPU profile of the posting alone
  const status = async () =>
    Object.fromEntries(
      (
        (await ds.query(
          "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select','Com_insert','Com_update','Com_delete','Questions')",
        )) as Array<{ Variable_name: string; Value: string }>
      ).map((r) => [r.Variable_name, Number(r.Value)]),
    );
  const profiler = process.env.JXC_BENCH_PROFILE ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const s0 = await status();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await services.stockDocuments.post(ctx, String(receipt.id));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const s1 = await status();
  const stmts = Object.fromEntries(Object.keys(s1).map((k) => [k, s1[k] - s0[k] - (k === 'Questions' ? 1 : 0)]));
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    const self = new Map<string, number>();
    const dt = new Map<number, number>();
    profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
    for (const n of profile.nodes) {
      const at = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/server\//, '')}:${n.callFrame.lineNumber + 1}`;
      self.set(at, (self.get(at) ?? 0) + (dt.get(n.id) ?? 0));
    }
    console.log('CPU profile of the posting, self time (ms):');
    for (const [at, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
      console.log(`  ${(us / 1000).toFixed(1).padStart(8)}  ${at}`);
    profiler.disconnect();
  }

  const touched: Array<{ warehouse_id: number; n: number }> = await ds.query(
    "SELECT warehouse_id, COUNT(*) AS n FROM stock_ledger WHERE kind = 'recost' AND cause_id = ? AND cause_type = 'other_in' GROUP BY warehouse_id ORDER BY warehouse_id",
    [receipt.id],
  );
  const recosted = touched.reduce((s, r) => s + Number(r.n), 0);
  const c0 = performance.now();
  const problems = await services.posting.check(METHOD);
  const checkMs = performance.now() - c0;
  console.log(`moves re-costed: ${recosted} (${touched.map((r) => `warehouse ${r.warehouse_id}: ${r.n}`).join(', ')})`);
  console.log(`warehouses touched: ${touched.length}`);
  console.log(`back-dated receipt posting, wall time: ${ms.toFixed(0)} ms (target < 1000 ms)`);
  console.log(
    `  of which CPU in this process: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; statements sent to MariaDB: ${stmts.Questions} (select ${stmts.Com_select}, insert ${stmts.Com_insert}, update ${stmts.Com_update}, delete ${stmts.Com_delete})`,
  );
  console.log(
    `ledger check (replay from scratch) in ${checkMs.toFixed(0)} ms: ${problems.length ? `${problems.length} PROBLEMS\n  ${problems.slice(0, 10).join('\n  ')}` : 'the ledger equals the replay'}`,
  );
  await ds.destroy();
  await query(`DROP DATABASE IF EXISTS \`${DB}\``);
  if (problems.length) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
