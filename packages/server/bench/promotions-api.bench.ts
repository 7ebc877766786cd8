/**
 * Promotions through the API, against MariaDB (issue 14):
 *  1. the quote (`quoteCart`, the GraphQL query the console's simulator prices a cart with) of
 *     a 200-line cart (20 categories, 10 brands) with 50 active promotions of every kind and a coupon,
 *     JXC_BENCH_RUNS times one after another (default 300) after 5 to warm up: wall p50 / p99 / max as the
 *     client sees it, and the API process's CPU per quote; first as the console asks it (its QuoteCart
 *     query, read from packages/console/src/features/promotions/queries.ts: the first page of 50 lines),
 *     then the full answer (every line's steps with their texts), which API clients can still ask for;
 *  2. confirming orders with single-use coupons from 16 clients at once: JXC_BENCH_CODES codes
 *     (default 8), 16 draft orders on each, confirmed all at once per code; exactly one must succeed
 *     per code (COUPON_USED_UP for the rest), else the run fails.
 *   pnpm --filter @jxc/server bench:promotions-api   (JXC_BENCH_MYSQL_URL, default mariadb://root@127.0.0.1:3306;
 *   it creates and drops the database jxc_bench_promotions)
 * The API runs in its own process (src/main.ts under @swc-node/register), so the client's work is not
 * counted against it. Not a test: the figures go into bench/README.md. Target: quote p99 < 60 ms.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { procCpuMs } from './proc-cpu';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';
import { openAppDatabase } from '../src/database';
import { seedBase } from '../src/seed';
import { Brand, Category } from '../src/modules/catalog/category.entity';
import { Product } from '../src/modules/catalog/product.entity';
import { Sku } from '../src/modules/catalog/sku.entity';

const SERVER = process.env.JXC_BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';
const RUNS = Number(process.env.JXC_BENCH_RUNS ?? 300);
const CODES = Number(process.env.JXC_BENCH_CODES ?? 8);
const CLIENTS = 16;
const NAME = 'jxc_bench_promotions';
const PASSWORD = 'Bench-admin-2026';
const TARGET_P99 = 60;

let seed = 42;
const rnd = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

const raw = (db?: string) => mysql.createConnection(SERVER.replace(/^mariadb:/, 'mysql:') + (db ? `/${db}` : ''));

/** The simulator's query as the console sends it: the QuoteCart document of its queries.ts (urql sends it as written). */
function consoleQuery(): string {
  const file = path.resolve(__dirname, '../../console/src/features/promotions/queries.ts');
  const m = /graphql\(`\s*(query QuoteCart\b[\s\S]*?)`\)/.exec(fs.readFileSync(file, 'utf8'));
  if (!m) throw new Error(`no QuoteCart query in ${file}`);
  return m[1];
}

async function main() {
  console.log(
    `jxc promotions API benchmark — ${new Date().toISOString()} — load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const c = await raw();
  await c.query(`DROP DATABASE IF EXISTS \`${NAME}\``);
  await c.query(`CREATE DATABASE \`${NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  const url = `${SERVER.replace(/\/$/, '')}/${NAME}`;
  const ds = await openAppDatabase(url);
  await seedBase(ds);
  // the catalogue: 20 categories under 4 roots, 10 brands, 200 SKUs (one product each)
  const roots: Category[] = [];
  for (let i = 0; i < 4; i++) {
    const r = await ds
      .getRepository(Category)
      .save({ parentId: null, code: `ROOT${i}`, name: `根${i}`, path: '/', version: 1 });
    await ds.getRepository(Category).update({ id: r.id }, { path: `/${r.id}/` });
    roots.push({ ...r, path: `/${r.id}/` });
  }
  const cats: Category[] = [];
  for (let i = 0; i < 20; i++) {
    const root = roots[i % 4];
    const k = await ds
      .getRepository(Category)
      .save({ parentId: root.id, code: `CAT${i}`, name: `类${i}`, path: '/', version: 1 });
    await ds.getRepository(Category).update({ id: k.id }, { path: `${root.path}${k.id}/` });
    cats.push(k);
  }
  const brands: Brand[] = [];
  for (let i = 0; i < 10; i++) brands.push(await ds.getRepository(Brand).save({ name: `品牌${i}`, version: 1 }));
  const skus: number[] = [];
  for (let i = 0; i < 200; i++) {
    const p = await ds.getRepository(Product).save({
      code: `BP${i}`,
      name: `商品${i}`,
      categoryId: cats[i % 20].id,
      brandId: brands[i % 10].id,
      baseUnit: '件',
      unitScale: 0,
      shelfLifeDays: null,
      storageCondition: null,
      batchTracked: false,
      serialTracked: false,
      attributeNames: [],
      active: true,
      version: 1,
    });
    const s = await ds.getRepository(Sku).save({
      productId: p.id,
      code: `BP${i}-1`,
      name: `商品${i}`,
      attributes: [],
      refPurchasePrice: money(int(100, 15_000)),
      refSalePrice: money(int(199, 29_900)),
      active: true,
      version: 1,
    });
    skus.push(s.id);
  }
  await ds.destroy();

  const port = 4990 + Math.floor(Math.random() * 9);
  // JXC_BENCH_CPU_PROF=dir: the API process writes a V8 CPU profile there when it stops (open it in Chrome's DevTools)
  const prof = process.env.JXC_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.JXC_BENCH_CPU_PROF}`] : [];
  // JXC_BENCH_NODE_ARGS: the options of the API's node; by default the production start's (package.json `start`,
  // docker/Dockerfile NODE_OPTIONS): a 64 MB semi-space. JXC_BENCH_NODE_ARGS= (empty) measures node's default.
  const extra = (process.env.JXC_BENCH_NODE_ARGS ?? '--max-semi-space-size=64').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...prof, ...extra, '-r', '@swc-node/register', 'src/main.ts'], {
    cwd: path.resolve(__dirname, '..'),
    env: {
      ...process.env,
      JXC_DATABASE_URL: url,
      PORT: String(port),
      JXC_HOST: '127.0.0.1',
      JXC_CONSOLE_DIR: '/nonexistent',
      JXC_LOG_ERRORS: '0',
      JXC_ADMIN_PASSWORD: PASSWORD,
      // as the Docker image runs it (graphql-js checks every type test for a second copy of itself otherwise)
      NODE_ENV: process.env.JXC_BENCH_NODE_ENV ?? 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // JXC_BENCH_SERVER_LOG=file: the API's standard output kept (with --trace-gc in JXC_BENCH_NODE_ARGS: its pauses)
  if (process.env.JXC_BENCH_SERVER_LOG) server.stdout!.pipe(fs.createWriteStream(process.env.JXC_BENCH_SERVER_LOG));
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => String(d).includes('console and API at') && resolve());
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}/graphql`;
  const post = async (query: string, variables: object, token?: string) => {
    const r = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await r.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  };
  const gql = async (query: string, variables: object, token?: string) => {
    const b = await post(query, variables, token);
    if (b.errors) throw new Error(JSON.stringify(b.errors));
    return b.data;
  };
  try {
    const token: string = (await gql(`mutation { login(username:"admin", password:"${PASSWORD}") { token } }`, {}))
      .login.token;
    const channel = (
      await gql('mutation{ saveSalesChannel(input:{code:"STORE", name:"门店", kind: OFFLINE_STORE}){ id } }', {}, token)
    ).saveSalesChannel.id;
    const wh = (await gql('mutation{ createWarehouse(input:{code:"BW", name:"基准仓"}){ id } }', {}, token))
      .createWarehouse;
    // stock: gifts need it, and the orders of part 2
    const doc = (
      await gql(
        'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }',
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: String(wh.id),
            lines: skus.map((x) => ({ skuId: String(x), qty: '100000', unitCost: '5.00' })),
          },
        },
        token,
      )
    ).createStockDocument.id;
    await gql('mutation($id:ID!){ postStockDocument(id:$id){ id } }', { id: doc }, token);

    // 50 promotions of every kind, approved and running
    const S = (i: number) => String(skus[i]);
    const specs: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 15; i++)
      specs.push({
        kind: 'PERCENT_OFF',
        rule: { percent: String(int(3, 25)) },
        eligibility: i % 2 ? { categoryIds: [String(cats[i].id)] } : { brandIds: [String(brands[i % 10].id)] },
      });
    for (let i = 0; i < 8; i++)
      specs.push({
        kind: 'FIXED_PRICE',
        rule: { price: money(int(150, 5000)) },
        eligibility: { skuIds: [S(i * 7), S(i * 7 + 1)] },
      });
    for (let i = 0; i < 5; i++)
      specs.push({
        kind: 'TIER_PRICE',
        rule: {
          tiers: [
            { minQty: '3', percent: '5' },
            { minQty: '10', percent: '12' },
          ],
        },
        eligibility: { categoryIds: [String(cats[(i * 3) % 20].id)] },
      });
    for (let i = 0; i < 5; i++)
      specs.push({
        kind: 'BUNDLE_PRICE',
        rule: {
          items: [
            { skuId: S(100 + i * 2), qty: '1' },
            { skuId: S(101 + i * 2), qty: '1' },
          ],
          price: '99.00',
          maxTimes: 3,
        },
      });
    for (let i = 0; i < 5; i++)
      specs.push({
        kind: 'BUY_X_GET_Y',
        rule: { buyQty: '3', getQty: '1', giftSkuId: i % 2 ? S(190 + i) : null, maxTimes: 2 },
        eligibility: { skuIds: [S(120 + i * 3), S(121 + i * 3)] },
      });
    for (let i = 0; i < 6; i++)
      specs.push({
        kind: 'THRESHOLD_OFF',
        rule:
          i % 2
            ? { threshold: String(300 * (i + 1)), off: String(30 * (i + 1)), perMultiple: false }
            : { threshold: '300', off: '20', perMultiple: true, cap: String(100 * (i + 1)) },
        eligibility: i < 2 ? null : { categoryIds: [String(roots[i % 4].id)] },
      });
    for (let i = 0; i < 3; i++) specs.push({ kind: 'ORDER_PERCENT', rule: { percent: String(2 + i), cap: '200' } });
    for (let i = 0; i < 3; i++)
      specs.push({
        kind: 'PERCENT_OFF',
        exclusive: true,
        priority: 5 + i,
        rule: { percent: String(20 + i * 5) },
        eligibility: { brandIds: [String(brands[i].id)] },
      });
    let n = 0;
    for (const s of specs) {
      const p = (
        await gql(
          'mutation($i:SavePromotionInput!){ savePromotion(input:$i){ id } }',
          {
            i: {
              code: `BP${n}`,
              name: `促销${n++}`,
              priority: int(10, 90),
              exclusive: false,
              startsAt: '2026-01-01T00:00',
              endsAt: '2028-01-01T00:00',
              budget: '4000',
              ...s,
            },
          },
          token,
        )
      ).savePromotion;
      await gql('mutation($id:ID!){ submitPromotion(id:$id){ id } }', { id: p.id }, token);
    }
    const batch = (
      await gql(
        'mutation($i:CreateCouponBatchInput!){ createCouponBatch(input:$i){ id } }',
        {
          i: {
            code: 'B500',
            name: '满500减50',
            kind: 'AMOUNT_OFF',
            value: '50',
            minSpend: '500',
            validFrom: '2026-01-01T00:00',
            validTo: '2028-01-01T00:00',
            usesPerCode: 1000000,
            printed: 1,
          },
        },
        token,
      )
    ).createCouponBatch.id;
    const [quoteCode] = (
      await gql('query($b:ID!){ couponCodes(batchId:$b){ items { code } } }', { b: batch }, token)
    ).couponCodes.items.map((x: { code: string }) => x.code);

    // ---- 1. the quote: the console's query (the simulator's, read from its source: the first page of 50 lines
    // with their steps and the whole cart's totals and explanation), then the full answer (every line's steps and texts)
    const CONSOLE = consoleQuery();
    const FULL = `query($i:QuoteCartInput!){ quoteCart(input:$i){ listTotal discountTotal total giftValue
      lines { skuId qty gift amount unitPrice steps { kind promotionCode couponCode discount amount text } }
      applied { code discount giftQty text } notApplied { code text } coupons { code discount } } }`;
    const input = {
      channelId: channel,
      warehouseId: String(wh.id),
      lines: skus.map((s) => ({ skuId: String(s), qty: String(int(1, 6)) })),
      couponCodes: [quoteCode],
    };
    const first = (await gql(FULL, { i: input }, token)).quoteCart;
    const steps = first.lines.reduce((n: number, l: { steps: unknown[] }) => n + l.steps.length, 0);
    console.log(
      `quote: 200 lines → ${first.lines.length} lines (gifts included, ${steps} steps, sha1 ${crypto.createHash('sha1').update(JSON.stringify(first).replaceAll(quoteCode, 'CODE')).digest('hex').slice(0, 12)} of the full answer with the random coupon code left out), ${first.applied.length} promotions applied, ${first.notApplied.length} not, coupon ${first.coupons.map((x: any) => x.discount).join(',')}; list ${first.listTotal} − ${first.discountTotal} = ${first.total}`,
    );
    const timed = async (name: string, query: string, variables: object, lines: (q: any) => any[]) => {
      const one = (await gql(query, variables, token)).quoteCart;
      if (one.total !== first.total) throw new Error(`${name}: the total ${one.total} ≠ ${first.total}`);
      const size = JSON.stringify({ data: { quoteCart: one } }).length;
      const shown = lines(one);
      const shownSteps = shown.reduce((n: number, l: { steps: unknown[] }) => n + l.steps.length, 0);
      for (let i = 0; i < 5; i++) await gql(query, variables, token);
      const wall: number[] = [];
      const cpu0 = procCpuMs(server.pid!);
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const q = (await gql(query, variables, token)).quoteCart;
        wall.push(performance.now() - t0);
        if (q.total !== first.total) throw new Error(`the quote changed: ${q.total} ≠ ${first.total}`);
      }
      const cpuPer = (procCpuMs(server.pid!) - cpu0) / RUNS;
      wall.sort((a, b) => a - b);
      const [p50, p99, max] = [quantile(wall, 0.5), quantile(wall, 0.99), wall[wall.length - 1]];
      console.log(
        `${name} × ${RUNS}: ${shown.length} lines, ${shownSteps} steps, answer ${(size / 1024).toFixed(0)} kB; wall p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms; API CPU ${cpuPer.toFixed(1)} ms a quote (target p99 < ${TARGET_P99} ms: ${p99 < TARGET_P99 ? 'met' : 'NOT met'})`,
      );
    };
    await timed(
      'quote as the console asks it (simulator, page 1 of 50 lines)',
      CONSOLE,
      { input, offset: 0 },
      (q) => q.linePage.items,
    );
    await timed('quote, the full answer (every line, steps with texts)', FULL, { i: input }, (q) => q.lines);

    // ---- 2. single-use coupons confirmed by 16 clients at once
    const once = (
      await gql(
        'mutation($i:CreateCouponBatchInput!){ createCouponBatch(input:$i){ id } }',
        {
          i: {
            code: 'ONCE',
            name: '一次券',
            kind: 'AMOUNT_OFF',
            value: '5',
            validFrom: '2026-01-01T00:00',
            validTo: '2028-01-01T00:00',
            usesPerCode: 1,
            printed: CODES,
          },
        },
        token,
      )
    ).createCouponBatch.id;
    const codes: string[] = (
      await gql('query($b:ID!){ couponCodes(batchId:$b, page:{limit:500}){ items { code } } }', { b: once }, token)
    ).couponCodes.items.map((x: { code: string }) => x.code);
    const customers: string[] = [];
    for (let i = 0; i < CLIENTS; i++)
      customers.push(
        (await gql(`mutation{ createCustomer(input:{code:"BC-${i}", name:"客${i}"}){ id } }`, {}, token)).createCustomer
          .id,
      );
    // separate logins: 16 clients
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i++)
      tokens.push(
        (await gql(`mutation { login(username:"admin", password:"${PASSWORD}") { token } }`, {})).login.token,
      );
    const times: number[] = [];
    let wrong = 0;
    for (const code of codes) {
      const orders: string[] = [];
      for (let i = 0; i < CLIENTS; i++)
        orders.push(
          (
            await gql(
              'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id } }',
              {
                i: {
                  customerId: customers[i],
                  channelId: channel,
                  warehouseId: String(wh.id),
                  lines: [{ skuId: String(skus[0]), qty: '1' }],
                  couponCodes: [code],
                },
              },
              token,
            )
          ).createSalesOrder.id,
        );
      const t0 = performance.now();
      const results = await Promise.all(
        orders.map(async (id, i) => {
          const s = performance.now();
          const r = await post('mutation($id:ID!){ confirmSalesOrder(id:$id){ status } }', { id }, tokens[i]);
          times.push(performance.now() - s);
          return r;
        }),
      );
      const all = performance.now() - t0;
      const ok = results.filter((r) => r.data?.confirmSalesOrder?.status === 'CONFIRMED').length;
      const usedUp = results.filter((r) => r.errors?.[0]?.extensions?.code === 'COUPON_USED_UP').length;
      if (ok !== 1 || usedUp !== CLIENTS - 1) {
        wrong++;
        console.log(
          `  code ${code}: ${ok} confirmed, ${usedUp} COUPON_USED_UP — WRONG`,
          JSON.stringify(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)),
        );
      } else
        console.log(`  code ${code}: 1 confirmed, ${usedUp} COUPON_USED_UP, all 16 answered in ${all.toFixed(0)} ms`);
    }
    const db = await raw(NAME);
    const [rows] = await db.query(
      'SELECT c.code, c.used, (SELECT COUNT(*) FROM coupon_redemption r WHERE r.code_id = c.id AND r.reversed_at IS NULL) AS reds FROM coupon_code c WHERE c.batch_id = ?',
      [Number(once)],
    );
    await db.end();
    const bad = (rows as Array<{ used: number; reds: number }>).filter(
      (r) => Number(r.used) !== 1 || Number(r.reds) !== 1,
    );
    times.sort((a, b) => a - b);
    console.log(
      `confirm × ${times.length} (${CODES} codes × ${CLIENTS} clients at once): p50 ${quantile(times, 0.5).toFixed(0)} ms, p99 ${quantile(times, 0.99).toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms; codes used once with one redemption: ${codes.length - bad.length}/${codes.length}`,
    );
    console.log(
      `load after: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    if (wrong || bad.length) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    if (server.exitCode === null) await new Promise((r) => server.once('exit', r));
    const d = await raw();
    await d.query(`DROP DATABASE IF EXISTS \`${NAME}\``);
    await d.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
