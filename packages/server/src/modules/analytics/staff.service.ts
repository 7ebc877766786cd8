import { Decimal } from 'decimal.js';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../core/db';
import type { Context } from '../../core/context';
import { addDays, businessDay, daysBetween, now, startOfBusinessDay } from '../../core/dates';
import { badInput, conflict } from '../../core/errors';
import { P } from '../../core/permissions/catalogue';
import { can } from '../../core/permissions/guard';
import type { AuditService } from '../audit';
import * as sql from './analytics-sql';
import { SalesTarget } from './sales-target.entity';
import type {
  PurchasePriceLine,
  PurchasingStaffRow,
  SalesStaffRow,
  SalesTargetInput,
  StaffDocument,
  StaffFigure,
  StaffPerformance,
  WarehouseStaffRow,
} from './staff.types';

const D = (v: Decimal.Value | null | undefined) => new Decimal(v ?? 0);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pct = (a: Decimal.Value, b: Decimal.Value) => (D(b).isZero() ? null : D(a).div(b).times(100).toFixed(2));

/**
 * A purchaser's prices: against the agreed price over the lines that had one, against the last price
 * paid over the lines of SKUs bought before. Amounts are Σ qty × difference (2 places); the % is
 * (paid ÷ reference − 1) × 100 over the same lines.
 */
export function priceFigures(
  lines: Array<{ qty: string; price: string; agreedPrice: string | null; lastPrice: string | null }>,
) {
  const vs = (ref: (l: (typeof lines)[number]) => string | null) => {
    const xs = lines.filter((l) => ref(l) !== null);
    const paid = xs.reduce((a, l) => a.plus(D(l.qty).times(l.price)), D(0));
    const base = xs.reduce((a, l) => a.plus(D(l.qty).times(ref(l)!)), D(0));
    return {
      n: xs.length,
      over: paid.minus(base).toFixed(2),
      pct: base.isZero() ? null : paid.div(base).minus(1).times(100).toFixed(2),
    };
  };
  const a = vs((l) => l.agreedPrice);
  const l = vs((x) => x.lastPrice);
  return {
    agreedLines: a.n,
    overAgreed: a.over,
    vsAgreedPct: a.pct,
    lastPricedLines: l.n,
    overLast: l.over,
    vsLastPct: l.pct,
  };
}

/**
 * 人员绩效: sales per salesperson against the monthly targets a manager sets, purchasing per
 * purchaser, warehouse lines per keeper and day with their counts' accuracy. With
 * report.staff.read everyone's; without it one's own. Each figure lists its documents (`documents`).
 */
export class StaffService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private check(from: string, to: string) {
    if (!DAY.test(from) || !DAY.test(to) || to < from || daysBetween(from, to) > 366)
      throw badInput([{ field: 'to', message: 'A period of days (YYYY-MM-DD), from ≤ to, at most a year.' }]);
  }

  /** Whose rows the user sees: everyone's (null) or their own. */
  private who(ctx: Context): number | null {
    return can(ctx, P.ReportStaffRead) ? null : (ctx.user?.id ?? -1);
  }

  async performance(ctx: Context, from: string, to: string): Promise<StaffPerformance> {
    this.check(from, to);
    const me = this.who(ctx);
    const mine = <T extends { userId: number }>(xs: T[]) => (me === null ? xs : xs.filter((x) => x.userId === me));
    const fromAt = startOfBusinessDay(from);
    const toAt = startOfBusinessDay(addDays(to, 1));

    // sales: revenue and margin of their orders' shipments and returns, orders, customers, collections, returns
    const facts = mine(
      (await sql.salesFacts(this.ds, { from, to, warehouseIds: null, skuIds: null })).map((f) => ({
        ...f,
        userId: f.salespersonId,
      })),
    );
    const orders = mine(await sql.salesOrdersIn(this.ds, from, to));
    const created = mine(await sql.customersCreated(this.ds, fromAt, toAt));
    const payments = mine(await sql.paymentsIn(this.ds, from, to));
    const targets = await this.ds
      .getRepository(SalesTarget)
      .createQueryBuilder('t')
      .where('t.month >= :a AND t.month <= :b', { a: from.slice(0, 7), b: to.slice(0, 7) })
      .getMany();
    const salesIds = [
      ...new Set([
        ...facts.map((x) => x.userId),
        ...orders.map((x) => x.userId),
        ...payments.map((x) => x.userId),
        ...created.map((x) => x.userId),
        ...mine(targets).map((x) => x.userId),
      ]),
    ];
    const pos = mine(await sql.purchaseOrdersIn(this.ds, from, to));
    const priced = mine(await sql.purchasePriceLines(this.ds, from, to));
    const docs = mine(await sql.warehouseDocuments(this.ds, from, to));
    const counts = mine(await sql.countsMade(this.ds, fromAt, toAt));
    const names = await sql.labels(this.ds, 'app_user', [
      ...new Set([
        ...salesIds,
        ...pos.map((x) => x.userId),
        ...docs.map((x) => x.userId),
        ...counts.map((x) => x.userId),
      ]),
    ]);
    const name = (id: number) => names.get(id) ?? String(id);

    const sales: SalesStaffRow[] = salesIds.map((u) => {
      const f = facts.filter((x) => x.userId === u);
      const revenue = f.reduce((a, x) => a.plus(x.revenue), D(0));
      const cogs = f.reduce((a, x) => a.plus(x.cogs), D(0));
      const shipped = f.filter((x) => x.docType === 'sales_shipment').reduce((a, x) => a.plus(x.qty), D(0));
      const returned = f.filter((x) => x.docType === 'sales_return').reduce((a, x) => a.minus(x.qty), D(0));
      const target = targets.filter((t) => t.userId === u).reduce((a, t) => a.plus(t.revenue), D(0));
      return {
        userId: u,
        name: name(u),
        revenue: revenue.toFixed(2),
        margin: revenue.minus(cogs).toFixed(2),
        orders: orders.filter((x) => x.userId === u).length,
        newCustomers: created.filter((x) => x.userId === u).length,
        collections: payments
          .filter((x) => x.userId === u)
          .reduce((a, x) => a.plus(x.amount), D(0))
          .toFixed(2),
        returnsRate: pct(returned, shipped),
        target: target.toFixed(2),
        achievement: pct(revenue, target),
        salesLines: f.length,
        payments: payments.filter((x) => x.userId === u).length,
      };
    });
    sales.sort((a, b) => D(b.revenue).comparedTo(D(a.revenue)) || a.userId - b.userId);

    const purchasing: PurchasingStaffRow[] = [...new Set(pos.map((x) => x.userId))].map((u) => {
      const o = pos.filter((x) => x.userId === u);
      const received = o.filter((x) => x.firstReceipt);
      const dated = received.filter((x) => x.expected);
      const onTime = dated.filter((x) => x.firstReceipt! <= x.expected!).length;
      const days = received.reduce((a, x) => a + daysBetween(x.date, x.firstReceipt!), 0);
      return {
        userId: u,
        name: name(u),
        orders: o.length,
        received: received.length,
        onTime,
        onTimeRate: pct(onTime, dated.length),
        cycleDays: received.length ? D(days).div(received.length).toFixed(1) : null,
        ...priceFigures(priced.filter((x) => x.userId === u)),
      };
    });

    const keys = new Set([
      ...docs.map((x) => `${x.userId}|${x.date}`),
      ...counts.map((x) => `${x.userId}|${businessDay(x.at)}`),
    ]);
    const warehouse: WarehouseStaffRow[] = [...keys]
      .map((k) => {
        const [u, day] = [Number(k.split('|')[0]), k.split('|')[1]];
        const d = docs.filter((x) => x.userId === u && x.date === day);
        const lines = (type: string) => d.filter((x) => x.type === type).reduce((a, x) => a + x.lines, 0);
        const c = counts.filter((x) => x.userId === u && businessDay(x.at) === day);
        return {
          userId: u,
          name: name(u),
          day,
          linesReceived: lines('purchase_receipt'),
          linesShipped: lines('sales_shipment'),
          linesMoved: lines('stock_document'),
          countsMade: c.length,
          countsRight: c.filter((x) => x.right).length,
        };
      })
      .sort((a, b) => a.day.localeCompare(b.day) || a.userId - b.userId);
    return { sales, purchasing, warehouse };
  }

  /**
   * The order lines behind a purchaser's price figures: each against its agreed price and the last
   * price paid before it (only one's own without report.staff.read).
   */
  async purchasePriceLines(ctx: Context, userId: string, from: string, to: string): Promise<PurchasePriceLine[]> {
    this.check(from, to);
    const me = this.who(ctx);
    const u = Number(userId);
    if (me !== null && u !== me) return [];
    const lines = (await sql.purchasePriceLines(this.ds, from, to)).filter((x) => x.userId === u);
    const suppliers = await sql.labels(this.ds, 'supplier', [...new Set(lines.map((l) => l.supplierId))]);
    const skus = await sql.labels(this.ds, 'sku', [...new Set(lines.map((l) => l.skuId))]);
    return lines.map((l) => ({
      orderId: l.id,
      orderNumber: l.number,
      orderDate: l.date,
      supplier: suppliers.get(l.supplierId) ?? String(l.supplierId),
      skuId: l.skuId,
      sku: skus.get(l.skuId) ?? String(l.skuId),
      qty: D(l.qty).toString(),
      price: D(l.price).toString(),
      agreedPrice: l.agreedPrice === null ? null : D(l.agreedPrice).toString(),
      overAgreed: l.agreedPrice === null ? null : D(l.qty).times(D(l.price).minus(l.agreedPrice)).toFixed(2),
      lastPrice: l.lastPrice === null ? null : D(l.lastPrice).toString(),
      lastOrderNumber: l.lastOrderNumber,
      overLast: l.lastPrice === null ? null : D(l.qty).times(D(l.price).minus(l.lastPrice)).toFixed(2),
    }));
  }

  /** The documents behind one figure of one person (only one's own without report.staff.read). */
  async documents(
    ctx: Context,
    userId: string,
    figure: StaffFigure,
    from: string,
    to: string,
  ): Promise<StaffDocument[]> {
    this.check(from, to);
    const me = this.who(ctx);
    const u = Number(userId);
    if (me !== null && u !== me) return [];
    if (figure === 'SALES') {
      const facts = (await sql.salesFacts(this.ds, { from, to, warehouseIds: null, skuIds: null })).filter(
        (x) => x.salespersonId === u,
      );
      const byDoc = new Map<string, StaffDocument>();
      for (const x of facts) {
        const k = `${x.docType}:${x.docId}`;
        const e = byDoc.get(k) ?? {
          documentType: x.docType,
          documentId: x.docId,
          documentNumber: x.docNumber,
          businessDate: x.date,
          lines: 0,
          amount: '0.00',
        };
        e.lines++;
        e.amount = D(e.amount).plus(x.revenue).toFixed(2);
        byDoc.set(k, e);
      }
      return [...byDoc.values()];
    }
    if (figure === 'ORDERS')
      return (await sql.salesOrdersIn(this.ds, from, to))
        .filter((x) => x.userId === u)
        .map((x) => ({
          documentType: 'sales_order',
          documentId: x.id,
          documentNumber: x.number,
          businessDate: x.date,
          lines: 0,
          amount: null,
        }));
    if (figure === 'COLLECTIONS')
      return (await sql.paymentsIn(this.ds, from, to))
        .filter((x) => x.userId === u)
        .map((x) => ({
          documentType: 'customer_payment',
          documentId: x.id,
          documentNumber: x.number,
          businessDate: x.date,
          lines: 0,
          amount: x.amount.toFixed(2),
        }));
    if (figure === 'PURCHASE_ORDERS')
      return (await sql.purchaseOrdersIn(this.ds, from, to))
        .filter((x) => x.userId === u)
        .map((x) => ({
          documentType: 'purchase_order',
          documentId: x.id,
          documentNumber: x.number,
          businessDate: x.date,
          lines: 0,
          amount: null,
        }));
    const type = { RECEIPTS: 'purchase_receipt', SHIPMENTS: 'sales_shipment', MOVES: 'stock_document' }[figure];
    return (await sql.warehouseDocuments(this.ds, from, to))
      .filter((x) => x.userId === u && x.type === type)
      .map((x) => ({
        documentType: x.type,
        documentId: x.id,
        documentNumber: x.number,
        businessDate: x.date,
        lines: x.lines,
        amount: null,
      }));
  }

  async targets(month: string): Promise<SalesTarget[]> {
    return this.ds.getRepository(SalesTarget).find({ where: { month }, order: { userId: 'ASC' } });
  }

  /** Sets (or replaces) a salesperson's target for a month. */
  async setTarget(ctx: Context, input: SalesTargetInput, version?: number | null): Promise<SalesTarget> {
    if (D(input.revenue).lt(0)) throw badInput([{ field: 'revenue', message: 'Not negative.' }]);
    return inTransaction(this.ds, async (tx) => {
      const repo = tx.getRepository(SalesTarget);
      const userId = Number(input.userId);
      const existing = await repo.findOne({ where: { userId, month: input.month } });
      const before = existing ? { ...existing } : null;
      let saved: SalesTarget;
      if (existing) {
        if (version != null && version !== existing.version) throw conflict(existing.version);
        const r = await repo.update(
          { id: existing.id, version: existing.version },
          { revenue: input.revenue, updatedBy: ctx.user!.id, updatedAt: now(), version: existing.version + 1 },
        );
        if (!r.affected) throw conflict(existing.version + 1);
        saved = (await repo.findOneByOrFail({ id: existing.id }))!;
      } else {
        saved = await repo.save(
          repo.create({
            userId,
            month: input.month,
            revenue: input.revenue,
            updatedBy: ctx.user!.id,
            updatedAt: now(),
            version: 1,
          }),
        );
      }
      await this.audit.record(tx, ctx, {
        action: existing ? 'salesTarget.update' : 'salesTarget.create',
        entityType: 'SalesTarget',
        entityId: String(saved.id),
        before,
        after: saved,
      });
      return saved;
    });
  }
}
