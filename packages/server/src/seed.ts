import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Config } from './core/config';
import { SEEDED_ROLES } from './core/permissions/catalogue';
import { seedDemoStock } from './demo/stock-demo';
import { CustomerTier } from './modules/sales/customer.entity';
import { seedDemoPurchasing } from './demo/purchasing-demo';
import { seedDemoSales } from './demo/sales-demo';
import { contextFor, DEMO_PASSWORD } from './demo/context';
import { seedDemoSalesOrders } from './demo/sales-orders-demo';
import { seedDemoPromotionOrders, seedDemoPromotions } from './demo/promotions-demo';
import { finishDemoDraw, openDemoDraw, seedDemoBirthdays } from './demo/draws-demo';
import { seedDemoTpl } from './demo/tpl-demo';
import { createServices } from './services';
import { AuditEntry } from './modules/audit/audit-entry.entity';
import { LoginAttempt } from './modules/auth/login-attempt.entity';
import { hashPassword } from './modules/auth/password';
import { Role } from './modules/auth/role.entity';
import { User } from './modules/auth/user.entity';
import { Warehouse, WarehouseKind } from './modules/stock/warehouse.entity';
import { CompanySettings } from './modules/system/settings.entity';
import { PurchaseApprovalStep } from './modules/purchasing/purchase-order.entity';
import { DEFAULT_APPROVAL_STEPS } from './modules/purchasing/purchase-order.service';
import { now, today } from './core/dates';
import { wipeAllData } from './core/db';

export { DEMO_PASSWORD };

/** Built-in roles follow the catalogue in code: a new permission reaches them on the next start. */
export async function seedBase(ds: DataSource): Promise<void> {
  const repo = ds.getRepository(Role);
  for (const r of SEEDED_ROLES) {
    const existing = await repo.findOne({ where: { code: r.code } });
    if (!existing)
      await repo.insert({
        code: r.code,
        name: r.name,
        nameZh: r.nameZh,
        permissions: r.permissions,
        builtIn: true,
        version: 1,
      });
    else if (
      existing.builtIn &&
      JSON.stringify([...existing.permissions].sort()) !== JSON.stringify([...r.permissions].sort())
    ) {
      await repo.update({ id: existing.id }, { permissions: r.permissions, version: existing.version + 1 });
    }
  }
  const settings = ds.getRepository(CompanySettings);
  if (!(await settings.findOne({ where: { id: 1 } }))) await settings.insert({ id: 1, companyName: '', version: 1 });
  // purchase approval rules: level 1 from 0 (purchaser or manager), level 2 from 5,000.00 (manager); admins edit them
  const steps = ds.getRepository(PurchaseApprovalStep);
  if ((await steps.count()) === 0) await steps.insert(DEFAULT_APPROVAL_STEPS.map((s) => ({ ...s, version: 1 })));
  // customer tiers by RFM over the last year; admins and managers edit them
  const tiers = ds.getRepository(CustomerTier);
  if ((await tiers.count()) === 0) await tiers.insert(DEFAULT_TIERS.map((t) => ({ ...t, version: 1 })));
}

export const DEFAULT_TIERS = [
  { code: 'ordinary', name: '普通', rank: 0, minAmount: '0.00', minOrders: 0, maxRecencyDays: null },
  { code: 'silver', name: '银卡', rank: 1, minAmount: '2000.00', minOrders: 2, maxRecencyDays: 180 },
  { code: 'gold', name: '金卡', rank: 2, minAmount: '10000.00', minOrders: 5, maxRecencyDays: 90 },
  { code: 'vip', name: 'VIP', rank: 3, minAmount: '50000.00', minOrders: 12, maxRecencyDays: 30 },
];

/** First start outside demo mode: an `admin` with JXC_ADMIN_PASSWORD, or a generated password printed once. */
export async function ensureAdmin(ds: DataSource, password?: string): Promise<{ created: boolean; password?: string }> {
  const users = ds.getRepository(User);
  if ((await users.count()) > 0) return { created: false };
  const pw = password || crypto.randomBytes(12).toString('base64url');
  const admin = await ds.getRepository(Role).findOneByOrFail({ code: 'admin' });
  await users.save(
    users.create({
      username: 'admin',
      displayName: 'Administrator',
      passwordHash: await hashPassword(pw),
      active: true,
      mustChangePassword: !password,
      createdAt: now(),
      version: 1,
      roles: [admin],
      warehouses: [],
    }),
  );
  return { created: true, password: password ? undefined : pw };
}

export const DEMO_USERS = [
  { username: 'admin', displayName: '系统管理员 Admin', role: 'admin', email: 'admin@demo.jxc', phone: '13800000001' },
  { username: 'manager', displayName: '王经理 Wang', role: 'manager', email: 'wang@demo.jxc', phone: '13800000002' },
  { username: 'accountant', displayName: '李会计 Li', role: 'accountant', email: 'li@demo.jxc', phone: '13800000003' },
  {
    username: 'purchaser',
    displayName: '赵采购 Zhao',
    role: 'purchaser',
    email: 'zhao@demo.jxc',
    phone: '13800000004',
  },
  { username: 'sales', displayName: '钱销售 Qian', role: 'sales', email: 'qian@demo.jxc', phone: '13800000005' },
  { username: 'warehouse', displayName: '孙仓管 Sun', role: 'warehouse', email: 'sun@demo.jxc', phone: '13800000006' },
];

/** Demo data: one user per role, three warehouses, and two weeks of activity for the overview. */
export async function seedDemo(ds: DataSource): Promise<boolean> {
  if ((await ds.getRepository(User).count()) > 0) return false;
  const whs = await ds.getRepository(Warehouse).save([
    { code: 'SH01', name: '上海总仓', kind: WarehouseKind.OWN, allowNegative: false, active: true, version: 1 },
    { code: 'GZ01', name: '广州仓', kind: WarehouseKind.OWN, allowNegative: false, active: true, version: 1 },
    {
      code: 'CN3P',
      name: '菜鸟第三方仓',
      kind: WarehouseKind.THIRD_PARTY,
      allowNegative: false,
      active: true,
      version: 1,
    },
  ]);
  const roles = await ds.getRepository(Role).find();
  const hash = await hashPassword(DEMO_PASSWORD);
  const users: User[] = [];
  for (const u of DEMO_USERS) {
    users.push(
      await ds.getRepository(User).save({
        username: u.username,
        displayName: u.displayName,
        email: u.email,
        phone: u.phone,
        passwordHash: hash,
        active: true,
        mustChangePassword: false,
        createdAt: new Date(now().getTime() - 20 * 86400_000),
        version: 1,
        roles: roles.filter((r) => r.code === u.role),
        warehouses: u.role === 'warehouse' ? [whs[0]] : [],
      }),
    );
  }
  await ds.getRepository(CompanySettings).update({ id: 1 }, { companyName: '示例商贸有限公司 Demo Trading Co.' });
  // two weeks of sign-ins and changes, so the overview's charts start with a history
  const attempts: Partial<LoginAttempt>[] = [];
  const audit: Partial<AuditEntry>[] = [];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let d = 13; d >= 1; d--) {
    for (const u of users) {
      const at = new Date(now().getTime() - d * 86400_000 + Math.floor(rnd() * 8 * 3600_000));
      attempts.push({ username: u.username, ip: '10.0.0.' + (u.id + 10), success: true, at });
      if (rnd() < 0.15)
        attempts.push({
          username: u.username,
          ip: '10.0.0.' + (u.id + 10),
          success: false,
          at: new Date(at.getTime() - 60_000),
        });
      audit.push({
        at,
        userId: u.id,
        username: u.username,
        roles: u.roles.map((r) => r.code),
        address: '10.0.0.' + (u.id + 10),
        requestId: crypto.randomUUID(),
        action: 'auth.login',
        entityType: 'User',
        entityId: String(u.id),
        before: null,
        after: null,
      });
    }
  }
  await ds.getRepository(LoginAttempt).insert(attempts);
  await ds.getRepository(AuditEntry).insert(audit);
  return true;
}

const DEMO_STARTED = 'demo.seed.started';
const DEMO_FINISHED = 'demo.seed.finished';

/**
 * The whole demo (users, catalogue, a year of documents) on a database without users, all or
 * nothing. It is written through the services, each in transactions of its own, so no single
 * transaction can hold it: a failure midway empties every table again (and the base rows are
 * written anew), and a run that died without cleaning (the process was killed) is recognised by its
 * start mark without an end mark in the audit log, and is cleaned and seeded again on the next start.
 * A database with users and no such mark is never touched. Returns what was seeded, or null.
 */
export async function seedDemoAll(ds: DataSource, config: Config): Promise<string | null> {
  const marks: Array<{ action: string }> = await ds.query('SELECT action FROM audit_entry WHERE action IN (?, ?)', [
    DEMO_STARTED,
    DEMO_FINISHED,
  ]);
  const started = marks.some((m) => m.action === DEMO_STARTED);
  const finished = marks.some((m) => m.action === DEMO_FINISHED);
  if (started && !finished) {
    console.log('[jxc] an earlier demo seeding did not finish: emptying the database and seeding again');
    await wipeAllData(ds);
    await seedBase(ds);
  } else if ((await ds.getRepository(User).count()) > 0) return null;
  const mark = (action: string) =>
    ds.getRepository(AuditEntry).insert({
      at: now(),
      userId: null,
      username: '',
      roles: [],
      address: '',
      requestId: crypto.randomUUID(),
      action,
      entityType: '',
      entityId: null,
      before: null,
      after: null,
    });
  try {
    await mark(DEMO_STARTED);
    await seedDemo(ds);
    const stock = await seedDemoStockIfEmpty(ds, config);
    await mark(DEMO_FINISHED);
    return `demo users and warehouses, ${stock}`;
  } catch (e) {
    await wipeAllData(ds);
    await seedBase(ds);
    throw e;
  }
}

/** The demo's catalogue, a year of stock moves and the purchasing documents (see demo/). */
export async function seedDemoStockIfEmpty(ds: DataSource, config: Config): Promise<string | null> {
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM sku');
  if (Number(n) > 0) return null;
  const started = Date.now();
  const services = createServices(ds, config);
  const r = await seedDemoStock(services);
  const p = await seedDemoPurchasing(services);
  const sales = await seedDemoSales(services);
  // the lucky draw is open while the demo orders are confirmed (they earn its entries), then drawn and revealed
  const drawId = await openDemoDraw(services);
  const so = await seedDemoSalesOrders(services);
  const promo = await seedDemoPromotions(services);
  // today's orders priced through those promotions and a coupon (they earn the draw's entries too)
  const promoOrders = await seedDemoPromotionOrders(services);
  const entries = await finishDemoDraw(services, drawId);
  const birthdays = await seedDemoBirthdays(services);
  // the demo's 3PL (CN3P) when scripts/demo.sh started its simulator: last, once CN3P's year is posted
  const tplSim = config.simulators.find((x) => x.kind === 'tpl');
  const tplDemo = tplSim ? `, ${await seedDemoTpl(services, tplSim)}` : '';
  // ABC classes of every warehouse from the year of issues, so the count plan and the Pareto chart have figures
  const manager = await contextFor(ds, services, 'manager');
  for (const w of await ds.getRepository(Warehouse).find({ order: { id: 'ASC' } }))
    await services.abc.recompute(manager, String(w.id));
  // this month's revenue targets, so the salespeople's workbench and the league tables read against one
  const month = today().slice(0, 7);
  for (const [who, revenue] of [
    ['sales', '5000.00'],
    ['sales2', '3000.00'],
  ] as const)
    await services.staff.setTarget(manager, {
      userId: String((await contextFor(ds, services, who)).user!.id),
      month,
      revenue,
    });
  // the periodic replenishment refresh's first run (its job runs hourly): today's suggestions stored, so the
  // purchaser's workbench counts what needs ordering from the start
  const repl = Date.now();
  const refreshed = await services.replenishment.refreshForecasts();
  await services.replenishment.stored();
  console.log(`[jxc] demo replenishment suggestions: ${refreshed.skus} in ${Date.now() - repl} ms`);
  return `${r.skus} SKUs, ${r.documents} stock documents, ${p.suppliers} suppliers, ${p.orders} purchase orders, ${sales.customers} customers, ${sales.priceLists} price lists, ${so.orders + promoOrders} sales orders, ${promo.promotions} promotions, ${promo.coupons} coupon codes, a lucky draw of ${entries} entries and ${birthdays} birthday coupons${tplDemo} in ${((Date.now() - started) / 1000).toFixed(1)} s`;
}
