import { Decimal } from 'decimal.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { addDays, daysBetween, now, today } from '../../core/dates';
import { emitEvent, typed } from '../../core/events';
import { orderEvent } from './sales-events';
import { soldOnly } from './sales-costs';
import { inTransaction } from '../../core/db';
import { badInput, DomainError } from '../../core/errors';
import { nextNumber } from '../../core/numbering';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import type { AuditService } from '../audit';
import { assertPeriodOpen, companySettings, patternFor } from '../system';
import { Customer, SalesChannel, SalesStore } from './customer.entity';
import { SalesOrder, SalesOrderLine, SalesOrderStatus } from './sales-order.entity';
import { SalesReturn } from './sales-return.entity';
import { CustomerPayment, SalesInvoice, SalesInvoiceLine } from './receivable.entity';
import { TAKEN, orderStateError, type SalesOrderService } from './sales-order.service';
import type {
  CreateSalesInvoiceInput,
  CustomerReceivable,
  InvoiceAsOf,
  RecordCustomerPaymentInput,
  SalesOverview,
} from './sales.types';
import { lockRows } from '../../core/sql';
import { allows, salesOrderLifecycle } from '../../domain/lifecycle';
import { DocumentAction as A } from '../../core/actions';

const D = (s: string | number) => new Decimal(s);
const S = SalesOrderStatus;

/** Open amount per invoice when `pool` (payments + credits) settles the invoices in the order they were made. */
export function settleOldestFirst<T extends { total: string | null }>(
  invoices: T[],
  pool: Decimal,
): Array<{ invoice: T; settled: Decimal; open: Decimal }> {
  let left = pool;
  return invoices.map((invoice) => {
    const settled = Decimal.max(Decimal.min(left, invoice.total!), 0);
    left = left.minus(settled);
    return { invoice, settled, open: D(invoice.total!).minus(settled) };
  });
}

/** Ageing buckets by days since the invoice date. */
export function ageBucket(days: number): 'age0to30' | 'age31to60' | 'age61to90' | 'ageOver90' {
  return days <= 30 ? 'age0to30' : days <= 60 ? 'age31to60' : days <= 90 ? 'age61to90' : 'ageOver90';
}

/** 应收: invoices of shipped goods, customer payments, balances with ageing, and the sales overview. */
export class ReceivableService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly orders: SalesOrderService,
  ) {}

  // ---------- invoices ----------

  async invoices(
    ctx: Context,
    filter: { orderId?: string | null; customerId?: string | null },
    page?: PageInput | null,
  ): Promise<Page<SalesInvoice>> {
    const { offset, limit } = clampPage(page);
    const qb = this.orders.scope(ctx, this.ds.getRepository(SalesInvoice).createQueryBuilder('o'), 'o', true);
    if (filter.orderId) qb.andWhere('o.order_id = :oid', { oid: Number(filter.orderId) || -1 });
    if (filter.customerId) qb.andWhere('o.customer_id = :cid', { cid: Number(filter.customerId) || -1 });
    qb.orderBy('o.invoice_date', 'DESC').addOrderBy('o.id', 'DESC');
    const [items, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  invoiceLines(ids: number[]) {
    return ids.length
      ? this.ds
          .getRepository(SalesInvoiceLine)
          .find({ where: { invoiceId: In(ids) }, order: { invoiceId: 'ASC', lineNo: 'ASC' } })
      : Promise.resolve([]);
  }

  async payments(ctx: Context, customerId?: string | null, page?: PageInput | null): Promise<Page<CustomerPayment>> {
    const { offset, limit } = clampPage(page);
    const qb = this.ds.getRepository(CustomerPayment).createQueryBuilder('o');
    if (this.orders.ownerScoped(ctx))
      qb.andWhere('o.customer_id IN (SELECT sc.id FROM customer sc WHERE sc.owner_id = :me)', { me: ctx.user!.id });
    if (customerId) qb.andWhere('o.customer_id = :cid', { cid: Number(customerId) || -1 });
    qb.orderBy('o.received_on', 'DESC').addOrderBy('o.id', 'DESC');
    const [items, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  /**
   * 开票: bills everything shipped and not yet invoiced on the order, at the revenue the shipments
   * recorded (so Σ invoices = Σ shipped revenue to the cent). Due = invoice date + the customer's terms.
   */
  async createInvoice(ctx: Context, input: CreateSalesInvoiceInput): Promise<SalesInvoice> {
    return inTransaction(this.ds, async (tx) => {
      const found = await this.orders.get(ctx, input.orderId, tx);
      await lockRows(tx, 'customer', [found.customerId]);
      await lockRows(tx, 'sales_order', [found.id]);
      const o = await tx.findOneByOrFail(SalesOrder, { id: found.id });
      if (!allows(salesOrderLifecycle, A.INVOICE, o.status))
        throw orderStateError(o, 'invoiced (nothing shipped is waiting for an invoice)');
      const lines = await this.orders.lines([o.id], tx);
      const earlier = await tx.find(SalesInvoiceLine, { where: { orderLineId: In(lines.map((l) => l.id)) } });
      const billing = lines
        .map((l) => {
          const billed = earlier.filter((x) => x.orderLineId === l.id).reduce((s, x) => s.plus(x.amount!), D(0));
          return { l, qty: D(l.shippedQty).minus(l.invoicedQty), amount: D(l.shippedAmount).minus(billed) };
        })
        .filter((b) => b.qty.gt(0));
      if (!billing.length)
        throw new DomainError('DOCUMENT_STATE', `Everything shipped on order ${o.number} is invoiced already.`, {
          status: o.status,
        });
      const customer = await tx.findOneByOrFail(Customer, { id: o.customerId });
      const settings = await companySettings(tx);
      const date = input.invoiceDate ?? today();
      // never before the goods it bills went out (payments settle invoices in the order they were made)
      const [{ last }] = await tx.query('SELECT MAX(business_date) AS last FROM sales_shipment WHERE order_id = ?', [
        o.id,
      ]);
      if (last && date < last)
        throw badInput(
          [{ field: 'invoiceDate', message: `On or after the last shipment ${last}.` }],
          `An invoice cannot be dated before the goods were shipped (${last}).`,
        );
      assertPeriodOpen(settings, date);
      const total = billing.reduce((s, b) => s.plus(b.amount), D(0));
      const invoice = await tx.save(
        tx.create(SalesInvoice, {
          number: await nextNumber(tx, 'sales_invoice', date, patternFor(settings, 'sales_invoice')),
          orderId: o.id,
          customerId: o.customerId,
          invoiceDate: date,
          dueDate: addDays(date, customer.paymentTermsDays),
          total: total.toFixed(2),
          settled: '0.00',
          createdBy: ctx.user!.id,
          createdAt: now(),
        }),
      );
      await tx.save(
        billing.map((b, i) =>
          tx.create(SalesInvoiceLine, {
            invoiceId: invoice.id,
            lineNo: i + 1,
            orderLineId: b.l.id,
            skuId: b.l.skuId,
            qty: b.qty.toFixed(6),
            amount: b.amount.toFixed(2),
          }),
        ),
      );
      for (const b of billing) await tx.update(SalesOrderLine, { id: b.l.id }, { invoicedQty: b.l.shippedQty });
      if (o.status === S.SHIPPED)
        await tx.update(SalesOrder, { id: o.id }, { status: S.INVOICED, version: o.version + 1 });
      await this.settle(tx, o.customerId);
      await this.audit.record(tx, ctx, {
        action: 'salesInvoice.create',
        entityType: 'SalesInvoice',
        entityId: invoice.id,
        after: { number: invoice.number, orderId: o.id, total: invoice.total, dueDate: invoice.dueDate },
      });
      await emitEvent(tx, {
        ...orderEvent('order.invoiced', o),
        data: {
          order: orderEvent('order.invoiced', o).data.order,
          invoice: typed('SalesInvoice', {
            id: String(invoice.id),
            number: invoice.number,
            total: invoice.total,
            dueDate: invoice.dueDate,
          }),
        },
      });
      return tx.findOneByOrFail(SalesInvoice, { id: invoice.id });
    });
  }

  /**
   * Spreads a customer's payments and credits over the invoices, oldest first, and marks invoiced
   * orders whose invoices are all settled as paid. The caller holds the customer's lock.
   */
  async settle(tx: EntityManager, customerId: number): Promise<void> {
    // in the order the invoices were made, so a later invoice never takes money already applied
    const invoices = await tx.find(SalesInvoice, { where: { customerId }, order: { id: 'ASC' } });
    const pool = await this.pool(tx, customerId);
    const spread = settleOldestFirst(invoices, pool);
    for (const s of spread)
      if (!s.settled.eq(s.invoice.settled!))
        await tx.update(SalesInvoice, { id: s.invoice.id }, { settled: s.settled.toFixed(2) });
    const billed = await tx.find(SalesOrder, { where: { customerId, status: In([S.INVOICED, S.PAID]) } });
    for (const o of billed) {
      const mine = spread.filter((s) => s.invoice.orderId === o.id);
      const paid = mine.length > 0 && mine.every((s) => s.open.lte(0));
      const status = paid ? S.PAID : S.INVOICED;
      if (status !== o.status) await tx.update(SalesOrder, { id: o.id }, { status, version: o.version + 1 });
    }
  }

  /** Payments + return credits of a customer: what settles invoices. */
  private async pool(tx: EntityManager, customerId: number): Promise<Decimal> {
    const paid = (await tx.find(CustomerPayment, { where: { customerId } })).reduce((s, p) => s.plus(p.amount!), D(0));
    const credited = (await tx.find(SalesReturn, { where: { customerId } })).reduce((s, r) => s.plus(r.credit!), D(0));
    return paid.plus(credited);
  }

  /** 收款: at most the customer's balance (invoices − credits − payments). */
  async pay(ctx: Context, input: RecordCustomerPaymentInput): Promise<CustomerPayment> {
    const amount = D(input.amount);
    if (!amount.gt(0) || amount.decimalPlaces() > 2)
      throw badInput([{ field: 'amount', message: 'An amount above zero with at most 2 decimals.' }]);
    return inTransaction(this.ds, async (tx) => {
      const customer = await tx.findOneBy(Customer, { id: Number(input.customerId) || -1 });
      if (!customer) throw badInput([{ field: 'customerId', message: 'Unknown customer.' }]);
      // payments of one customer one at a time, so two cannot both fit under the balance
      await lockRows(tx, 'customer', [customer.id]);
      const invoiced = (await tx.find(SalesInvoice, { where: { customerId: customer.id } })).reduce(
        (s, i) => s.plus(i.total!),
        D(0),
      );
      const balance = invoiced.minus(await this.pool(tx, customer.id));
      if (amount.gt(balance)) {
        throw badInput(
          [
            {
              field: 'amount',
              message: `Only ${Decimal.max(balance, 0).toFixed(2)} is owed by ${customer.name}; a payment cannot exceed it.`,
            },
          ],
          `The payment exceeds the balance ${Decimal.max(balance, 0).toFixed(2)}.`,
        );
      }
      const p = await tx.save(
        tx.create(CustomerPayment, {
          customerId: customer.id,
          receivedOn: input.receivedOn ?? today(),
          amount: amount.toFixed(2),
          reference: input.reference?.trim() ?? '',
          createdBy: ctx.user!.id,
          createdAt: now(),
        }),
      );
      await this.settle(tx, customer.id);
      await this.audit.record(tx, ctx, {
        action: 'customerPayment.create',
        entityType: 'CustomerPayment',
        entityId: p.id,
        after: { customerId: customer.id, amount: p.amount, receivedOn: p.receivedOn, reference: p.reference },
      });
      // paid: a customer's payment (it settles their oldest invoices first)
      await emitEvent(tx, {
        type: 'order.paid',
        ref: { type: 'customer_payment', id: p.id, number: p.reference || null },
        customerId: customer.id,
        data: {
          payment: typed('CustomerPayment', {
            id: String(p.id),
            customerId: String(customer.id),
            amount: p.amount,
            receivedOn: p.receivedOn,
            reference: p.reference,
          }),
        },
      });
      return p;
    });
  }

  // ---------- receivables ----------

  /** Per customer (in the user's scope): invoiced, credited, paid, balance, open invoices by age, overdue. */
  async receivables(
    ctx: Context,
    filter: { customerId?: string | null; asOf?: string | null } = {},
  ): Promise<CustomerReceivable[]> {
    const asOf = filter.asOf ?? today();
    const cq = this.ds.getRepository(Customer).createQueryBuilder('c');
    if (this.orders.ownerScoped(ctx)) cq.andWhere('c.owner_id = :me', { me: ctx.user!.id });
    if (filter.customerId) cq.andWhere('c.id = :cid', { cid: Number(filter.customerId) || -1 });
    const customers = await cq.getMany();
    const ids = customers.map((c) => c.id);
    if (!ids.length) return [];
    const invoices = await this.ds
      .getRepository(SalesInvoice)
      .find({ where: { customerId: In(ids) }, order: { id: 'ASC' } });
    const payments = await this.ds.getRepository(CustomerPayment).find({ where: { customerId: In(ids) } });
    const credits = await this.ds.getRepository(SalesReturn).find({ where: { customerId: In(ids) } });
    const out: CustomerReceivable[] = [];
    for (const c of customers) {
      const inv = invoices.filter((i) => i.customerId === c.id && i.invoiceDate <= asOf);
      const paid = payments
        .filter((p) => p.customerId === c.id && p.receivedOn <= asOf)
        .reduce((s, p) => s.plus(p.amount!), D(0));
      const credited = credits
        .filter((r) => r.customerId === c.id && r.businessDate <= asOf)
        .reduce((s, r) => s.plus(r.credit!), D(0));
      if (!inv.length && paid.isZero() && credited.isZero()) continue;
      const invoiced = inv.reduce((s, i) => s.plus(i.total!), D(0));
      const buckets = { age0to30: D(0), age31to60: D(0), age61to90: D(0), ageOver90: D(0) };
      let overdue = D(0);
      let openInvoices = 0;
      for (const s of settleOldestFirst(inv, paid.plus(credited))) {
        if (!s.open.gt(0)) continue;
        openInvoices++;
        const k = ageBucket(daysBetween(s.invoice.invoiceDate, asOf));
        buckets[k] = buckets[k].plus(s.open);
        if (s.invoice.dueDate < asOf) overdue = overdue.plus(s.open);
      }
      out.push({
        customerId: c.id,
        customerCode: c.code,
        customerName: c.name,
        invoiced: invoiced.toFixed(2),
        credited: credited.toFixed(2),
        paid: paid.toFixed(2),
        balance: invoiced.minus(credited).minus(paid).toFixed(2),
        age0to30: buckets.age0to30.toFixed(2),
        age31to60: buckets.age31to60.toFixed(2),
        age61to90: buckets.age61to90.toFixed(2),
        ageOver90: buckets.ageOver90.toFixed(2),
        overdue: overdue.toFixed(2),
        openInvoices,
      });
    }
    return out.sort((a, b) => a.customerCode.localeCompare(b.customerCode));
  }

  /** A customer's invoices as of a day, with what had been settled by then (the receivables row's detail). */
  async invoicesAsOf(ctx: Context, customerId: string, asOf = today()): Promise<InvoiceAsOf[]> {
    const cq = this.ds
      .getRepository(Customer)
      .createQueryBuilder('c')
      .where('c.id = :cid', { cid: Number(customerId) || -1 });
    if (this.orders.ownerScoped(ctx)) cq.andWhere('c.owner_id = :me', { me: ctx.user!.id });
    const c = await cq.getOne();
    if (!c) return [];
    const invoices = (
      await this.ds.getRepository(SalesInvoice).find({ where: { customerId: c.id }, order: { id: 'ASC' } })
    ).filter((i) => i.invoiceDate <= asOf);
    const paid = (await this.ds.getRepository(CustomerPayment).find({ where: { customerId: c.id } }))
      .filter((p) => p.receivedOn <= asOf)
      .reduce((s, p) => s.plus(p.amount!), D(0));
    const credited = (await this.ds.getRepository(SalesReturn).find({ where: { customerId: c.id } }))
      .filter((r) => r.businessDate <= asOf)
      .reduce((s, r) => s.plus(r.credit!), D(0));
    const orders = invoices.length
      ? await this.ds
          .getRepository(SalesOrder)
          .find({ where: { id: In([...new Set(invoices.map((i) => i.orderId))]) } })
      : [];
    return settleOldestFirst(invoices, paid.plus(credited))
      .map((s) => ({
        invoiceId: s.invoice.id,
        number: s.invoice.number,
        orderId: s.invoice.orderId,
        orderNumber: orders.find((o) => o.id === s.invoice.orderId)?.number ?? '',
        invoiceDate: s.invoice.invoiceDate,
        dueDate: s.invoice.dueDate,
        total: D(s.invoice.total!).toFixed(2),
        settled: s.settled.toFixed(2),
        open: s.open.toFixed(2),
        overdue: s.open.gt(0) && s.invoice.dueDate < asOf,
      }))
      .reverse();
  }

  // ---------- the sales overview ----------

  /**
   * Per channel × store over [from, to]: orders taken, revenue (shipped − credited, by posting day),
   * COGS (shipped cost − cost taken back into stock) and margin; per day and channel for the chart.
   * A salesperson sees only their own customers' figures.
   */
  async overview(ctx: Context, from: string, to: string): Promise<SalesOverview> {
    if (from > to) throw badInput([{ field: 'from', message: 'The period starts after it ends.' }]);
    if (daysBetween(from, to) > 400) throw badInput([{ field: 'to', message: 'At most 400 days at once.' }]);
    const scoped = this.orders.ownerScoped(ctx);
    const wh = ctx.user?.warehouseIds;
    const where = (alias: string) =>
      `${scoped ? ` AND ${alias}.customer_id IN (SELECT sc.id FROM customer sc WHERE sc.owner_id = ${Number(ctx.user!.id)})` : ''}${wh ? ` AND ${alias}.warehouse_id IN (${(wh.length ? wh : [-1]).map(Number).join(',')})` : ''}`;
    // gifts and prizes are promotion expense, not the sale's COGS
    const sold = soldOnly('l', 'o');
    const shipped: Array<{ day: string; channel_id: number; store_id: number | null; amount: string; cogs: string }> =
      await this.ds.query(
        `SELECT s.business_date AS day, o.channel_id, o.store_id, l.amount, l.cogs FROM sales_shipment_line l JOIN sales_shipment s ON s.id = l.shipment_id JOIN sales_order o ON o.id = s.order_id ${sold.join}
       WHERE s.business_date >= ? AND s.business_date <= ? AND ${sold.where}${where('o')}`,
        [from, to],
      );
    const returned: Array<{ day: string; channel_id: number; store_id: number | null; amount: string; cogs: string }> =
      await this.ds.query(
        `SELECT r.business_date AS day, o.channel_id, o.store_id, l.amount, l.restocked_cost AS cogs FROM sales_return_line l JOIN sales_return r ON r.id = l.return_id JOIN sales_order o ON o.id = r.order_id ${sold.join}
       WHERE r.business_date >= ? AND r.business_date <= ? AND ${sold.where}${where('o')}`,
        [from, to],
      );
    const taken: Array<{ channel_id: number; store_id: number | null }> = await this.ds.query(
      `SELECT o.channel_id, o.store_id FROM sales_order o WHERE o.order_date >= ? AND o.order_date <= ? AND o.status IN (${TAKEN.map(() => '?').join(',')})${where('o')}`,
      [from, to, ...TAKEN],
    );
    const channels = await this.ds.getRepository(SalesChannel).find();
    const stores = await this.ds.getRepository(SalesStore).find();
    type Acc = { channelId: number; storeId: number | null; orders: number; revenue: Decimal; cogs: Decimal };
    const rows = new Map<string, Acc>();
    const acc = (channelId: number, storeId: number | null) => {
      const k = `${channelId}:${storeId ?? ''}`;
      if (!rows.has(k)) rows.set(k, { channelId, storeId, orders: 0, revenue: D(0), cogs: D(0) });
      return rows.get(k)!;
    };
    const days = new Map<string, { day: string; channelId: number; revenue: Decimal; cogs: Decimal }>();
    const day = (d: string, channelId: number) => {
      const k = `${d}:${channelId}`;
      if (!days.has(k)) days.set(k, { day: d, channelId, revenue: D(0), cogs: D(0) });
      return days.get(k)!;
    };
    for (const [list, sign] of [
      [shipped, 1],
      [returned, -1],
    ] as const) {
      for (const r of list) {
        const cid = Number(r.channel_id);
        const sid = r.store_id === null ? null : Number(r.store_id);
        const a = acc(cid, sid);
        const dd = day(r.day, cid);
        a.revenue = a.revenue.plus(D(r.amount).times(sign));
        a.cogs = a.cogs.plus(D(r.cogs).times(sign));
        dd.revenue = dd.revenue.plus(D(r.amount).times(sign));
        dd.cogs = dd.cogs.plus(D(r.cogs).times(sign));
      }
    }
    for (const t of taken) acc(Number(t.channel_id), t.store_id === null ? null : Number(t.store_id)).orders++;
    const code = (id: number) => channels.find((c) => c.id === id);
    const outRows = [...rows.values()]
      .map((a) => ({
        channelId: a.channelId,
        channelCode: code(a.channelId)?.code ?? '?',
        channelName: code(a.channelId)?.name ?? '?',
        storeId: a.storeId,
        storeName: a.storeId === null ? null : (stores.find((s) => s.id === a.storeId)?.name ?? null),
        orders: a.orders,
        revenue: a.revenue.toFixed(2),
        cogs: a.cogs.toFixed(2),
        margin: a.revenue.minus(a.cogs).toFixed(2),
      }))
      .sort(
        (a, b) => a.channelCode.localeCompare(b.channelCode) || (a.storeName ?? '').localeCompare(b.storeName ?? ''),
      );
    const revenue = [...rows.values()].reduce((s, a) => s.plus(a.revenue), D(0));
    const cogs = [...rows.values()].reduce((s, a) => s.plus(a.cogs), D(0));
    return {
      from,
      to,
      rows: outRows,
      days: [...days.values()]
        .sort((a, b) => a.day.localeCompare(b.day) || a.channelId - b.channelId)
        .map((d) => ({
          day: d.day,
          channelCode: code(d.channelId)?.code ?? '?',
          revenue: d.revenue.toFixed(2),
          margin: d.revenue.minus(d.cogs).toFixed(2),
        })),
      revenue: revenue.toFixed(2),
      cogs: cogs.toFixed(2),
      margin: revenue.minus(cogs).toFixed(2),
    };
  }
}
