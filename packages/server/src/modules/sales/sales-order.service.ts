import { Decimal } from 'decimal.js';
import { Brackets, In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../core/context';
import { businessMinute, now, today } from '../../core/dates';
import { emitEvent } from '../../core/events';
import { orderEvent } from './sales-events';
import { inTransaction } from '../../core/db';
import { badInput, conflict, DomainError, notFound, type FieldProblem } from '../../core/errors';
import { nextNumber } from '../../core/numbering';
import { pageNewestFirst, type KeysetPage, type PageInput } from '../../core/paging';
import { P, type Permission } from '../../core/permissions/catalogue';
import { assertMayUseFields, can, securityLog } from '../../core/permissions/guard';
import { isBelowCost } from '../../domain/pricing';
import type { CustomerFigures } from '../../domain/tiers';
import type { AuditService } from '../audit';
import { skuLabel, skuLines } from '../catalog';
import { commitOrderPricing, priceOrder, prizeOrderIds, releaseOrderPricing, type OrderCart } from '../promotions';
import { currentUnitCost, findWarehouse, releaseStock, reserveStock, stockAvailability } from '../stock';
import { companySettings, patternFor } from '../system';
import { Customer, SalesChannel, SalesStore } from './customer.entity';
import type { CustomerService } from './customer.service';
import type { PriceListService } from './price-list.service';
import { SalesOrder, SalesOrderLine, SalesOrderStatus, type OrderPromotion } from './sales-order.entity';
import { SalesReturn } from './sales-return.entity';
import { SalesInvoice, CustomerPayment } from './receivable.entity';
import {
  SalesOrderSort,
  type CreateSalesOrderInput,
  type SalesOrderPreview,
  type SalesOrderFilter,
  type SalesOrderLineInput,
  type UpdateSalesOrderInput,
} from './sales.types';
import { lockRows, sortableDecimal } from '../../core/sql';
import { actionsIn, allows, salesOrderLifecycle } from '../../domain/lifecycle';
import { DocumentAction as A } from '../../core/actions';

const D = (s: string | number) => new Decimal(s);
const round2 = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const S = SalesOrderStatus;
type Head = { channelId: number; storeId: number | null; warehouseId: number; orderDate: string };
/** The business time an order is priced at: now on its own day, else the start of its day. */
const pricedAt = (orderDate: string) => (orderDate === today() ? businessMinute() : `${orderDate}T00:00`);
const MAX_COUPONS = 5;
/** Orders that count as sales (for tiers, credit exposure and reports). */
export const TAKEN = [S.CONFIRMED, S.PARTLY_SHIPPED, S.SHIPPED, S.INVOICED, S.PAID];

export const orderStateError = (o: SalesOrder, action: string) =>
  new DomainError('DOCUMENT_STATE', `Order ${o.number} is ${o.status.replace('_', ' ')}; it cannot be ${action}.`, {
    status: o.status,
  });

const snapshot = (o: SalesOrder, lines: SalesOrderLine[]) => ({
  number: o.number,
  status: o.status,
  customerId: o.customerId,
  channelId: o.channelId,
  storeId: o.storeId,
  warehouseId: o.warehouseId,
  orderDate: o.orderDate,
  promisedDate: o.promisedDate,
  total: o.total,
  version: o.version,
  lines: lines.map((l) => ({
    skuId: l.skuId,
    qty: l.qty,
    unitPrice: l.unitPrice,
    priceRule: l.priceRule,
    priceChanged: l.priceChanged,
  })),
});

/**
 * 销售订单: drafts priced by the price lists, confirmation (credit limit, then stock reserved),
 * cancellation (reservations released). A salesperson without sales.customer.all sees only the
 * orders of their own customers; everyone is limited to their warehouses.
 */
export class SalesOrderService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly customers: CustomerService,
    private readonly prices: PriceListService,
  ) {}

  // ---------- scope and reading ----------

  /** Sales staff (who work with customers) are limited to their own customers unless they see all. */
  ownerScoped(ctx: Context) {
    return can(ctx, P.SalesCustomerRead) && !can(ctx, P.SalesCustomerAll);
  }

  /** `viaOrder`: documents without a warehouse of their own (invoices) are scoped through their order. */
  scope<T extends object>(
    ctx: Context,
    qb: SelectQueryBuilder<T>,
    alias = 'o',
    viaOrder = false,
  ): SelectQueryBuilder<T> {
    const wh = ctx.user?.warehouseIds;
    if (wh && viaOrder)
      qb.andWhere(`${alias}.order_id IN (SELECT so.id FROM sales_order so WHERE so.warehouse_id IN (:...scopeWh))`, {
        scopeWh: wh.length ? wh : [-1],
      });
    else if (wh) qb.andWhere(`${alias}.warehouse_id IN (:...scopeWh)`, { scopeWh: wh.length ? wh : [-1] });
    if (this.ownerScoped(ctx))
      qb.andWhere(`${alias}.customer_id IN (SELECT sc.id FROM customer sc WHERE sc.owner_id = :scopeOwner)`, {
        scopeOwner: ctx.user?.id ?? -1,
      });
    // an API client limited to some customers
    const only = ctx.user?.customerIds;
    if (only)
      qb.andWhere(`${alias}.customer_id IN (:...scopeCustomers)`, { scopeCustomers: only.length ? only : [-1] });
    return qb;
  }

  async list(
    ctx: Context,
    filter?: SalesOrderFilter | null,
    page?: PageInput | null,
    sort?: SalesOrderSort | null,
  ): Promise<KeysetPage<SalesOrder>> {
    const qb = this.scope(ctx, this.ds.getRepository(SalesOrder).createQueryBuilder('o'));
    if (filter?.status) qb.andWhere('o.status = :st', { st: filter.status });
    if (filter?.statuses?.length) qb.andWhere('o.status IN (:...sts)', { sts: filter.statuses });
    if (filter?.customerId) qb.andWhere('o.customer_id = :cid', { cid: Number(filter.customerId) || -1 });
    if (filter?.channelId) qb.andWhere('o.channel_id = :ch', { ch: Number(filter.channelId) || -1 });
    if (filter?.storeId) qb.andWhere('o.store_id = :store', { store: Number(filter.storeId) || -1 });
    if (filter?.warehouseId) qb.andWhere('o.warehouse_id = :wid', { wid: Number(filter.warehouseId) || -1 });
    if (filter?.from) qb.andWhere('o.order_date >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('o.order_date <= :to', { to: filter.to });
    if (filter?.search) {
      const s = `%${filter.search.toLowerCase()}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('LOWER(o.number) LIKE :s', { s })
            .orWhere(
              'o.customer_id IN (SELECT sc2.id FROM customer sc2 WHERE LOWER(sc2.name) LIKE :s OR LOWER(sc2.code) LIKE :s)',
              { s },
            ),
        ),
      );
    }
    // newest order date first (ids from the order_date index, keyset after a cursor); the sorts by
    // total or margin page by offset through the same deferred join
    if (sort === SalesOrderSort.TOTAL) {
      assertMayUseFields(ctx, 'SalesOrder', ['total'], 'sort');
      return pageNewestFirst(qb, {
        alias: 'o',
        keyColumn: 'o.order_date',
        page,
        order: [[this.numeric('o.total'), 'DESC']],
      });
    }
    if (sort === SalesOrderSort.MARGIN) {
      assertMayUseFields(ctx, 'SalesOrder', ['margin'], 'sort');
      return pageNewestFirst(qb, {
        alias: 'o',
        keyColumn: 'o.order_date',
        page,
        order: [[this.numeric('o.margin'), 'DESC']],
      });
    }
    return pageNewestFirst(qb, { alias: 'o', keyColumn: 'o.order_date', page });
  }

  /** SQLite keeps decimals as text: sort them as numbers (sorting only; no arithmetic happens there). */
  private numeric(col: string) {
    return sortableDecimal(this.ds, col);
  }

  /** What this user can do to the order now: its state, their permissions, and never deciding on their own order. */
  availableActions(ctx: Context, o: SalesOrder): A[] {
    const needs: Record<string, Permission> = {
      [A.SHIP]: P.SalesShipmentPost,
      [A.INVOICE]: P.SalesInvoiceManage,
      [A.APPROVE]: P.SalesPriceApprove,
      [A.REJECT]: P.SalesPriceApprove,
    };
    const own = o.createdBy === ctx.user?.id || o.approvalRequestedBy === ctx.user?.id;
    return actionsIn(salesOrderLifecycle, o.status).filter(
      (a) => can(ctx, needs[a] ?? P.SalesOrderCreate) && !(own && (a === A.APPROVE || a === A.REJECT)),
    );
  }

  async get(ctx: Context, id: string | number, tx: EntityManager = this.ds.manager): Promise<SalesOrder> {
    const o = await this.scope(ctx, tx.getRepository(SalesOrder).createQueryBuilder('o'))
      .andWhere('o.id = :id', { id: Number(id) || -1 })
      .getOne();
    // another salesperson's (or another warehouse's) order answers like one that does not exist
    if (!o) throw notFound('This sales order');
    return o;
  }

  lines(orderIds: number[], tx: EntityManager = this.ds.manager): Promise<SalesOrderLine[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return tx.find(SalesOrderLine, { where: { orderId: In(orderIds) }, order: { orderId: 'ASC', lineNo: 'ASC' } });
  }

  /**
   * On hand, reserved, expired, quarantined and available per SKU in a warehouse (the stock
   * module's availability): available is what a confirmation may reserve.
   */
  availability(warehouseId: number, skuIds: number[]) {
    return stockAvailability(this.ds.manager, warehouseId, skuIds);
  }

  // ---------- drafts ----------

  /** Checks the header and lines and prices each line; every problem at once, with field paths. */
  private async resolve(
    tx: EntityManager,
    ctx: Context,
    customer: Customer,
    head: { channelId: number; storeId: number | null; warehouseId: number; orderDate: string },
    lines: SalesOrderLineInput[],
    opts: {
      allowBelowCost?: boolean;
      note?: string;
      noPromotions?: boolean;
      couponCodes?: string[];
      orderId?: number;
    } = {},
  ) {
    const problems: FieldProblem[] = [];
    if ((opts.couponCodes?.length ?? 0) > MAX_COUPONS)
      problems.push({ field: 'couponCodes', message: `At most ${MAX_COUPONS} coupons.` });
    const channel = await tx.findOneBy(SalesChannel, { id: head.channelId || -1 });
    if (!channel || !channel.active) problems.push({ field: 'channelId', message: 'Unknown channel.' });
    if (head.storeId) {
      const store = await tx.findOneBy(SalesStore, { id: head.storeId || -1 });
      if (!store || !store.active) problems.push({ field: 'storeId', message: 'Unknown store.' });
      else if (channel && store.channelId !== head.channelId)
        problems.push({ field: 'storeId', message: 'This store belongs to another channel.' });
    }
    const wh = await findWarehouse(tx, head.warehouseId);
    const whScope = ctx.user?.warehouseIds;
    if (!wh || (whScope && !whScope.includes(wh.id)))
      problems.push({ field: 'warehouseId', message: 'Unknown warehouse.' });
    else if (!wh.active) problems.push({ field: 'warehouseId', message: 'This warehouse is inactive.' });
    if (!lines.length) problems.push({ field: 'lines', message: 'Add at least one line.' });
    if (lines.length > 500) problems.push({ field: 'lines', message: 'At most 500 lines per order.' });
    if (problems.length) throw badInput(problems, 'The order has problems; nothing was saved.');
    const skuIds = [...new Set(lines.map((l) => Number(l.skuId)).filter((n) => n > 0))];
    const found = await skuLines(tx, skuIds);
    const rows: Array<Partial<SalesOrderLine>> = [];
    const costs: Array<string | null> = [];
    for (const [i, l] of lines.entries()) {
      const at = (f: string) => `lines[${i}].${f}`;
      const { sku, product } = found.get(Number(l.skuId)) ?? {};
      if (!sku || !product) {
        problems.push({ field: at('skuId'), message: 'Unknown SKU.' });
        continue;
      }
      if (!sku.active || !product.active) problems.push({ field: at('skuId'), message: 'This SKU is inactive.' });
      const q = D(l.qty);
      if (!q.gt(0)) problems.push({ field: at('qty'), message: 'The quantity must be more than zero.' });
      else if (q.decimalPlaces() > product.unitScale)
        problems.push({
          field: at('qty'),
          message: `${product.baseUnit} allows ${product.unitScale} decimal place(s).`,
        });
      // the steps are stored on the line for everyone who reads the order: never with the cost in them
      const quote = await this.prices.price(tx, ctx, {
        customerTierId: customer.tierId,
        channelId: head.channelId,
        warehouseId: head.warehouseId,
        skuId: sku.id,
        on: head.orderDate,
        hideCost: true,
      });
      let price = D(quote.unitPrice);
      const steps = [...quote.steps];
      let changed = false;
      if (l.unitPrice !== undefined && l.unitPrice !== null) {
        const typed = D(l.unitPrice);
        if (typed.lt(0)) problems.push({ field: at('unitPrice'), message: 'A price cannot be negative.' });
        if (typed.decimalPlaces() > 6) problems.push({ field: at('unitPrice'), message: 'At most 6 decimal places.' });
        if (!typed.eq(price)) {
          changed = true;
          steps.push(`changed by ${ctx.user?.displayName ?? 'hand'} to ${typed.toFixed(2)}`);
          price = typed;
        }
      }
      if (opts.note) steps.push(opts.note);
      // a price below cost is not refused here (that would tell the cost line by line): confirming decides
      const below = isBelowCost(price.toFixed(6), quote.unitCost);
      costs.push(quote.unitCost);
      rows.push({
        basePrice: price.toFixed(6),
        skuId: sku.id,
        qty: q.toFixed(6),
        quotedPrice: D(quote.unitPrice).toFixed(6),
        unitPrice: price.toFixed(6),
        priceListId: quote.priceListId,
        priceRule: quote.rule,
        priceSteps: steps,
        priceChanged: changed,
        belowCost: below,
        priceExempt: !!opts.allowBelowCost,
        amount: round2(q.times(price)).toFixed(2),
      });
    }
    if (problems.length) throw badInput(problems, 'The order has problems; nothing was saved.');
    if (opts.noPromotions) return this.summed(rows, [], []);
    const priced = await this.promote(
      tx,
      {
        customerId: customer.id,
        tierId: customer.tierId,
        head,
        couponCodes: opts.couponCodes ?? [],
        orderId: opts.orderId,
      },
      rows,
      costs,
    );
    return priced;
  }

  private summed(rows: Array<Partial<SalesOrderLine>>, applied: OrderPromotion[], couponCodes: string[]) {
    return {
      rows,
      total: rows.reduce((s, r) => s.plus(r.amount!), D(0)).toFixed(2),
      discountTotal: rows.reduce((s, r) => s.plus(r.discount ?? 0), D(0)).toFixed(2),
      applied,
      couponCodes,
    };
  }

  /**
   * The price steps' "促销" slot: the lines (priced by the price lists, or by hand) through the
   * promotion engine with the active promotions and the coupons (the promotions module's face). A
   * line no promotion touched keeps its price and steps; a touched one gets the engine's steps, its
   * net amount and unit price and what each promotion took off it (returns refund the net amount);
   * gift lines are added at price 0. `commit`: the confirmation's pricing, which locks and records
   * the usage, budget and coupon redemptions in the caller's transaction.
   */
  private async promote(
    tx: EntityManager,
    c: { customerId: number; tierId: number | null; head: Head; couponCodes: string[]; orderId?: number },
    rows: Array<Partial<SalesOrderLine>>,
    costs: Array<string | null>,
    commit = false,
  ) {
    const cart: OrderCart = {
      customerId: c.customerId,
      tierId: c.tierId,
      channelId: c.head.channelId,
      storeId: c.head.storeId,
      warehouseId: c.head.warehouseId,
      at: pricedAt(c.head.orderDate),
      lines: rows.map((r, i) => ({
        key: String(i),
        skuId: r.skuId!,
        qty: r.qty!,
        listPrice: r.basePrice ?? r.unitPrice!,
      })),
      couponCodes: c.couponCodes,
      orderId: c.orderId ?? null,
    };
    const r =
      commit && c.orderId ? await commitOrderPricing(tx, { ...cart, orderId: c.orderId }) : await priceOrder(tx, cart);
    const out: Array<Partial<SalesOrderLine>> = [];
    const promoSteps = (steps: Array<{ kind: string; text: string }>) =>
      steps.filter((s) => s.kind !== 'LIST' && s.kind !== 'ROUNDING').map((s) => s.text);
    for (const pl of r.priced.lines) {
      if (pl.gift) {
        out.push({
          skuId: Number(pl.sku),
          qty: D(pl.qty).toFixed(6),
          quotedPrice: '0.000000',
          unitPrice: '0.000000',
          basePrice: D(pl.listPrice).toFixed(6),
          priceListId: null,
          priceRule: 'GIFT',
          priceSteps: promoSteps(pl.steps),
          priceChanged: false,
          belowCost: false,
          // a gift is priced 0 on purpose: its cost is promotion expense, never a price below cost
          priceExempt: true,
          amount: '0.00',
          discount: '0.00',
          gift: true,
          allocations: [],
        });
        continue;
      }
      const i = Number(pl.id);
      const row = rows[i];
      if (!D(pl.discount).gt(0)) {
        out.push({ ...row, discount: '0.00', gift: false, allocations: [] });
        continue;
      }
      const unitPrice = D(pl.unitPrice).toFixed(6);
      out.push({
        ...row,
        unitPrice,
        amount: pl.amount,
        discount: pl.discount,
        gift: false,
        belowCost: isBelowCost(unitPrice, costs[i] ?? null),
        allocations: pl.allocations.map((a) => ({
          code: a.couponCode ?? a.promotionId ?? '',
          source: a.couponCode ? 'COUPON' : 'PROMOTION',
          amount: a.amount,
        })),
        priceSteps: [
          ...(row.priceSteps ?? []).filter((s) => s !== 'promotions: none'),
          ...promoSteps(pl.steps),
          `net ${pl.amount} = ${D(unitPrice).toFixed(2)} per unit`,
        ],
      });
    }
    const applied: OrderPromotion[] = [
      ...r.priced.applied.map((a) => ({
        promotionId: r.promotions.get(a.promotionId) ? String(r.promotions.get(a.promotionId)!.id) : null,
        code: a.promotionId,
        name: a.name,
        kind: a.kind,
        discount: a.discount,
        giftQty: a.giftQty,
        giftValue: a.giftValue,
      })),
      ...r.priced.coupons.map((cp) => ({
        promotionId: null,
        code: cp.code,
        name: cp.batch,
        kind: 'COUPON',
        discount: cp.discount,
        giftQty: null,
        giftValue: null,
      })),
    ];
    return this.summed(
      out,
      applied,
      r.priced.coupons.map((cp) => cp.code),
    );
  }

  /**
   * The confirmation prices the order again (the promotions and coupons as they stand now, under
   * their locks when `commit`) from the prices its lines were saved with; a different result is
   * refused (PRICES_CHANGED: saving the draft again shows the new prices), so what is confirmed is
   * what the salesperson saw, and it never changes afterwards.
   */
  private async reprice(tx: EntityManager, o: SalesOrder, lines: SalesOrderLine[], commit: boolean) {
    // an exchange keeps its prices; a lucky draw's prize is given at 0, no promotion and no draw entry
    if (o.exchangeOfReturnId || (await prizeOrderIds(tx, [o.id])).has(o.id)) return;
    const customer = await tx.findOneByOrFail(Customer, { id: o.customerId });
    const sale = lines.filter((l) => !l.gift);
    const again = await this.promote(
      tx,
      {
        customerId: o.customerId,
        tierId: customer.tierId,
        head: { channelId: o.channelId, storeId: o.storeId, warehouseId: o.warehouseId, orderDate: o.orderDate },
        couponCodes: o.couponCodes ?? [],
        orderId: o.id,
      },
      sale.map((l) => ({
        skuId: l.skuId,
        qty: l.qty,
        basePrice: l.basePrice ?? l.unitPrice,
        unitPrice: l.unitPrice,
        amount: l.amount,
        priceSteps: [],
      })),
      sale.map(() => null),
      commit,
    );
    const same =
      again.rows.length === lines.length &&
      again.rows.every(
        (r, i) =>
          r.skuId === lines[i].skuId &&
          D(r.qty!).eq(lines[i].qty) &&
          D(r.amount!).eq(lines[i].amount!) &&
          !!r.gift === !!lines[i].gift,
      );
    if (!same)
      throw new DomainError(
        'PRICES_CHANGED',
        `The promotions for order ${o.number} changed since it was saved (total ${D(o.total!).toFixed(2)} then, ${again.total} now): save it again to see the new prices, then confirm.`,
        { before: D(o.total!).toFixed(2), now: again.total },
      );
    if (commit) await tx.update(SalesOrder, { id: o.id }, { promotionsApplied: again.applied });
  }

  private async writeLines(tx: EntityManager, orderId: number, rows: Array<Partial<SalesOrderLine>>) {
    await tx.delete(SalesOrderLine, { orderId });
    return tx.save(
      rows.map((r, i) =>
        tx.create(SalesOrderLine, {
          ...r,
          orderId,
          lineNo: i + 1,
          reservedQty: '0',
          shippedQty: '0',
          returnedQty: '0',
          invoicedQty: '0',
          shippedAmount: '0.00',
          returnedAmount: '0.00',
          cogs: '0.00',
          margin: '0.00',
        }),
      ),
    );
  }

  /**
   * The draft's pricing without the draft: price lists, hand prices, promotions and coupons exactly as
   * `create` would price them now, nothing written (the coupons are checked, not redeemed).
   */
  async preview(ctx: Context, input: CreateSalesOrderInput): Promise<SalesOrderPreview> {
    const tx = this.ds.manager;
    const customer = await this.customers.get(ctx, input.customerId, tx).catch(() => {
      throw badInput([{ field: 'customerId', message: 'Unknown customer.' }], 'Unknown customer.');
    });
    const head = {
      channelId: Number(input.channelId) || -1,
      storeId: input.storeId ? Number(input.storeId) || -1 : null,
      warehouseId: Number(input.warehouseId) || -1,
      orderDate: input.orderDate ?? today(),
    };
    const r = await this.resolve(tx, ctx, customer, head, input.lines, { couponCodes: input.couponCodes ?? [] });
    return {
      total: r.total,
      discountTotal: r.discountTotal,
      promotions: r.applied,
      couponCodes: r.couponCodes,
      lines: await Promise.all(
        r.rows.map(async (row) => {
          const sku = await skuLabel(ctx, row.skuId!);
          return {
            skuId: String(row.skuId),
            skuCode: sku.code,
            skuName: sku.name,
            qty: D(row.qty!).toString(),
            unitPrice: row.unitPrice!,
            amount: row.amount!,
            discount: row.discount ?? '0.00',
            gift: !!row.gift,
            priceSteps: row.priceSteps ?? [],
          };
        }),
      ),
    };
  }

  async create(ctx: Context, input: CreateSalesOrderInput): Promise<SalesOrder> {
    return inTransaction(this.ds, (tx) => this.createIn(tx, ctx, input));
  }

  /** A draft in the caller's transaction (an exchange creates its replacement inside the return). */
  async createIn(
    tx: EntityManager,
    ctx: Context,
    input: CreateSalesOrderInput,
    opts: { allowBelowCost?: boolean; exchangeOfReturnId?: number; note?: string; noPromotions?: boolean } = {},
  ): Promise<SalesOrder> {
    const customer = await this.customers.get(ctx, input.customerId, tx).catch(() => {
      throw badInput([{ field: 'customerId', message: 'Unknown customer.' }], 'Unknown customer: nothing was saved.');
    });
    const orderDate = input.orderDate ?? today();
    const promisedDate = checkPromisedDate(input.promisedDate || null, orderDate);
    const head = {
      channelId: Number(input.channelId) || -1,
      storeId: input.storeId ? Number(input.storeId) || -1 : null,
      warehouseId: Number(input.warehouseId) || -1,
      orderDate,
    };
    const { rows, total, discountTotal, applied, couponCodes } = await this.resolve(
      tx,
      ctx,
      customer,
      head,
      input.lines,
      {
        ...opts,
        noPromotions: !!opts.exchangeOfReturnId || !!opts.noPromotions,
        couponCodes: input.couponCodes ?? [],
      },
    );
    const settings = await companySettings(tx);
    const number = await nextNumber(tx, 'sales_order', orderDate, patternFor(settings, 'sales_order'));
    const o = await tx.save(
      tx.create(SalesOrder, {
        number,
        status: S.DRAFT,
        customerId: customer.id,
        ownerId: customer.ownerId ?? ctx.user!.id,
        ...head,
        promisedDate,
        shipTo: input.shipTo?.trim() || (await this.customers.defaultShipTo(tx, customer)),
        memo: input.memo ?? '',
        total,
        cogs: '0.00',
        margin: '0.00',
        giftCost: '0.00',
        discountTotal,
        couponCodes,
        promotionsApplied: applied,
        exchangeOfReturnId: opts.exchangeOfReturnId ?? null,
        createdBy: ctx.user!.id,
        createdAt: now(),
        confirmedAt: null,
        version: 1,
      }),
    );
    const lines = await this.writeLines(tx, o.id, rows);
    await this.audit.record(tx, ctx, {
      action: 'salesOrder.create',
      entityType: 'SalesOrder',
      entityId: o.id,
      after: snapshot(o, lines),
    });
    return o;
  }

  async update(ctx: Context, input: UpdateSalesOrderInput): Promise<SalesOrder> {
    return inTransaction(this.ds, async (tx) => {
      const before = await this.get(ctx, input.id, tx);
      if (!allows(salesOrderLifecycle, A.EDIT, before.status)) throw orderStateError(before, 'edited');
      const beforeLines = await this.lines([before.id], tx);
      const customer = await this.customers.get(ctx, before.customerId, tx);
      const head = {
        channelId: input.channelId ? Number(input.channelId) || -1 : before.channelId,
        storeId: input.storeId !== undefined ? (input.storeId ? Number(input.storeId) || -1 : null) : before.storeId,
        warehouseId: input.warehouseId ? Number(input.warehouseId) || -1 : before.warehouseId,
        orderDate: before.orderDate,
      };
      const inputLines =
        input.lines ??
        beforeLines
          .filter((l) => !l.gift)
          .map((l) => ({
            skuId: String(l.skuId),
            qty: l.qty,
            unitPrice: l.priceChanged ? l.unitPrice! : undefined,
          }));
      // an exchange's replacement keeps its original prices only while its lines are left as they are
      const { rows, total, discountTotal, applied, couponCodes } = await this.resolve(
        tx,
        ctx,
        customer,
        head,
        inputLines,
        {
          allowBelowCost: !!before.exchangeOfReturnId && !input.lines,
          noPromotions: !!before.exchangeOfReturnId || (await prizeOrderIds(tx, [before.id])).has(before.id),
          couponCodes: input.couponCodes ?? before.couponCodes ?? [],
          orderId: before.id,
        },
      );
      const patch: Partial<SalesOrder> = {
        ...head,
        total,
        discountTotal,
        couponCodes,
        promotionsApplied: applied,
        version: input.version + 1,
      };
      if (input.shipTo != null) patch.shipTo = input.shipTo.trim();
      if (input.memo != null) patch.memo = input.memo;
      if (input.promisedDate != null)
        patch.promisedDate = checkPromisedDate(input.promisedDate || null, before.orderDate);
      const res = await tx
        .createQueryBuilder()
        .update(SalesOrder)
        .set(patch)
        .where('id = :id AND version = :v', { id: before.id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const lines = await this.writeLines(tx, before.id, rows);
      const after = await tx.findOneByOrFail(SalesOrder, { id: before.id });
      await this.audit.record(tx, ctx, {
        action: 'salesOrder.update',
        entityType: 'SalesOrder',
        entityId: after.id,
        before: snapshot(before, beforeLines),
        after: snapshot(after, lines),
      });
      return after;
    });
  }

  // ---------- confirm and cancel ----------

  /**
   * What a customer owes or has been promised: open receivable (invoices − credits − payments)
   * plus what confirmed orders will still bill.
   */
  async exposure(tx: EntityManager, customerId: number): Promise<Decimal> {
    const invoices = await tx.find(SalesInvoice, { where: { customerId } });
    const credits = await tx.find(SalesReturn, { where: { customerId } });
    const payments = await tx.find(CustomerPayment, { where: { customerId } });
    const open = invoices
      .reduce((s, i) => s.plus(i.total!), D(0))
      .minus(credits.reduce((s, r) => s.plus(r.credit!), D(0)))
      .minus(payments.reduce((s, p) => s.plus(p.amount!), D(0)));
    const active = await tx.find(SalesOrder, {
      where: { customerId, status: In([S.CONFIRMED, S.PARTLY_SHIPPED, S.SHIPPED]) },
    });
    const shippedLines = await this.lines(
      active.filter((o) => o.status === S.SHIPPED).map((o) => o.id),
      tx,
    );
    let unbilled = D(0);
    for (const o of active) {
      const billed = invoices.filter((i) => i.orderId === o.id).reduce((s, i) => s.plus(i.total!), D(0));
      // a shipped order bills what went out (a closed order left the rest unshipped)
      const billable =
        o.status === S.SHIPPED
          ? shippedLines.filter((l) => l.orderId === o.id).reduce((s, l) => s.plus(l.shippedAmount), D(0))
          : D(o.total!);
      unbilled = unbilled.plus(billable.minus(billed));
    }
    return open.plus(unbilled);
  }

  /** CREDIT_LIMIT_EXCEEDED when the customer's exposure plus this order is above the limit. */
  private async checkCredit(tx: EntityManager, o: SalesOrder): Promise<void> {
    const customer = await tx.findOneByOrFail(Customer, { id: o.customerId });
    if (customer.creditLimit === null) return;
    const exposure = await this.exposure(tx, customer.id);
    const after = exposure.plus(o.total!);
    if (after.gt(customer.creditLimit)) {
      throw new DomainError(
        'CREDIT_LIMIT_EXCEEDED',
        `${customer.name}'s credit limit is ${D(customer.creditLimit).toFixed(2)}: open and confirmed ${exposure.toFixed(2)} + this order ${D(o.total!).toFixed(2)} = ${after.toFixed(2)}.`,
        {
          creditLimit: D(customer.creditLimit).toFixed(2),
          exposure: exposure.toFixed(2),
          order: D(o.total!).toFixed(2),
          over: after.minus(customer.creditLimit).toFixed(2),
        },
      );
    }
  }

  /**
   * The lines priced below the current unit cost of the order's warehouse (the cost when it is
   * confirmed, not when it was priced); their flags are brought up to date. An exchange's
   * replacement at the original price is exempt.
   */
  private async markBelowCost(tx: EntityManager, o: SalesOrder, lines: SalesOrderLine[]): Promise<SalesOrderLine[]> {
    const below: SalesOrderLine[] = [];
    for (const l of lines) {
      const now = isBelowCost(l.unitPrice!, await this.prices.unitCost(tx, o.warehouseId, l.skuId));
      if (now !== !!l.belowCost) await tx.update(SalesOrderLine, { id: l.id }, { belowCost: now });
      if (now && !l.priceExempt) below.push(l);
    }
    return below;
  }

  /**
   * 确认: the credit limit is checked (open receivable + confirmed orders + this one). A price below
   * cost from someone who may not sell below cost does not fail: the order waits in
   * 待审批 (pending_price_approval) with the reason, for a price approver (approvePrices). Otherwise
   * every line's quantity is reserved by a guarded UPDATE of its cost head — two salespeople
   * confirming for the last units at once: one gets them, the other INSUFFICIENT_AVAILABLE. All or
   * nothing.
   */
  async confirm(ctx: Context, id: string, note?: string | null): Promise<SalesOrder> {
    const text = (note ?? '').trim();
    if (text.length > 500) throw badInput([{ field: 'note', message: 'At most 500 characters.' }]);
    return inTransaction(this.ds, async (tx) => {
      const o = await this.lockForDecision(tx, ctx, id);
      if (!allows(salesOrderLifecycle, A.CONFIRM, o.status)) throw orderStateError(o, 'confirmed');
      const lines = await this.lines([o.id], tx);
      await this.reprice(tx, o, lines, false);
      await this.checkCredit(tx, o);
      const below = await this.markBelowCost(tx, o, lines);
      if (below.length && !can(ctx, P.SalesBelowCost)) return this.requestApproval(tx, ctx, o, below, text);
      return this.reserveAndConfirm(tx, ctx, o, lines, 'salesOrder.confirm');
    });
  }

  /** The order (in the user's scope), its customer and itself locked, read again under the locks. */
  private async lockForDecision(tx: EntityManager, ctx: Context, id: string): Promise<SalesOrder> {
    const found = await this.get(ctx, id, tx);
    // one customer's confirmations one at a time (the credit check reads what the others add)
    await lockRows(tx, 'customer', [found.customerId]);
    await lockRows(tx, 'sales_order', [found.id]);
    return tx.findOneByOrFail(SalesOrder, { id: found.id });
  }

  /** 待审批: the order waits for a price approver; the reason only, and each request goes to the security log. */
  private async requestApproval(
    tx: EntityManager,
    ctx: Context,
    o: SalesOrder,
    below: SalesOrderLine[],
    note: string,
  ): Promise<SalesOrder> {
    await tx.update(
      SalesOrder,
      { id: o.id },
      {
        status: S.PENDING_PRICE_APPROVAL,
        approvalReason: 'PRICE_BELOW_COST',
        approvalNote: note,
        approvalRequestedBy: ctx.user!.id,
        approvalRequestedAt: now(),
        rejectionNote: '',
        version: o.version + 1,
      },
    );
    await this.audit.record(tx, ctx, {
      action: 'salesOrder.requestPriceApproval',
      entityType: 'SalesOrder',
      entityId: o.id,
      before: { status: o.status },
      after: { status: S.PENDING_PRICE_APPROVAL, reason: 'PRICE_BELOW_COST', lines: below.map((l) => l.lineNo), note },
    });
    // probing for the cost one order at a time shows here: how often this user asked in the last day
    const n = await this.audit.countSince(
      tx,
      ctx.user!.id,
      'salesOrder.requestPriceApproval',
      new Date(now().getTime() - 24 * 3600_000),
    );
    securityLog({
      event: 'price-below-cost',
      user: ctx.user?.username,
      address: ctx.ip,
      requestId: ctx.requestId,
      order: o.number,
      lines: below.length,
      requestsLast24h: n,
    });
    return tx.findOneByOrFail(SalesOrder, { id: o.id });
  }

  /** The credit limit again, then every line reserved (per SKU, in SKU order) and the order confirmed. */
  private async reserveAndConfirm(
    tx: EntityManager,
    ctx: Context,
    o: SalesOrder,
    lines: SalesOrderLine[],
    action: 'salesOrder.confirm' | 'salesOrder.approvePrices',
  ): Promise<SalesOrder> {
    // the promotions' usage and budget and the coupons' redemptions, in this transaction
    await this.reprice(tx, o, lines, true);
    await this.checkCredit(tx, o);
    // reserve per SKU in SKU order (the heads are touched in one order by everyone)
    const perSku = new Map<number, Decimal>();
    for (const l of lines) perSku.set(l.skuId, (perSku.get(l.skuId) ?? D(0)).plus(l.qty));
    for (const [skuId, q] of [...perSku].sort((a, b) => a[0] - b[0])) {
      try {
        await reserveStock(tx, o.warehouseId, skuId, q.toFixed(6));
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const line = lines.find((l) => l.skuId === skuId)!;
        throw new DomainError(String(e.extensions.code), `Line ${line.lineNo}: ${e.message}`, {
          ...(e.extensions.details as object),
          line: line.lineNo,
        });
      }
    }
    for (const l of lines) await tx.update(SalesOrderLine, { id: l.id }, { reservedQty: l.qty });
    const decided = action === 'salesOrder.approvePrices';
    await tx.update(
      SalesOrder,
      { id: o.id },
      {
        status: S.CONFIRMED,
        confirmedAt: now(),
        approvalReason: null,
        ...(decided ? { priceDecidedBy: ctx.user!.id, rejectionNote: '' } : {}),
        version: o.version + 1,
      },
    );
    await this.audit.record(tx, ctx, {
      action,
      entityType: 'SalesOrder',
      entityId: o.id,
      before: { status: o.status },
      after: { status: S.CONFIRMED, reserved: lines.map((l) => ({ skuId: l.skuId, qty: l.qty })) },
    });
    await emitEvent(tx, orderEvent('order.confirmed', { ...o, status: S.CONFIRMED }, lines));
    return tx.findOneByOrFail(SalesOrder, { id: o.id });
  }

  /** A price approver decides; never the one who created the order or asked for the approval. */
  private assertMayDecide(ctx: Context, o: SalesOrder, action: string) {
    if (!allows(salesOrderLifecycle, A.APPROVE, o.status))
      throw orderStateError(o, `${action} (only an order waiting for price approval can be)`);
    if (o.createdBy === ctx.user!.id || o.approvalRequestedBy === ctx.user!.id)
      throw new DomainError(
        'SELF_APPROVAL',
        'Nobody approves or rejects their own order: another approver has to decide.',
        { orderId: o.id },
      );
  }

  /**
   * 审批通过: the prices stand and the order is confirmed exactly as a confirmation would be — the
   * credit limit and the stock are checked again now and the stock is reserved (or nothing changes).
   */
  async approvePrices(ctx: Context, id: string): Promise<SalesOrder> {
    return inTransaction(this.ds, async (tx) => {
      const o = await this.lockForDecision(tx, ctx, id);
      this.assertMayDecide(ctx, o, 'approved');
      return this.reserveAndConfirm(tx, ctx, o, await this.lines([o.id], tx), 'salesOrder.approvePrices');
    });
  }

  /** 驳回: back to draft with the approver's note, which the salesperson sees on the order. */
  async rejectPrices(ctx: Context, id: string, note: string): Promise<SalesOrder> {
    const text = (note ?? '').trim();
    if (!text || text.length > 500)
      throw badInput([{ field: 'note', message: 'Say why (at most 500 characters).' }], 'A rejection needs a note.');
    return inTransaction(this.ds, async (tx) => {
      const o = await this.lockForDecision(tx, ctx, id);
      this.assertMayDecide(ctx, o, 'rejected');
      await tx.update(
        SalesOrder,
        { id: o.id },
        {
          status: S.DRAFT,
          approvalReason: null,
          rejectionNote: text,
          priceDecidedBy: ctx.user!.id,
          version: o.version + 1,
        },
      );
      await this.audit.record(tx, ctx, {
        action: 'salesOrder.rejectPrices',
        entityType: 'SalesOrder',
        entityId: o.id,
        before: { status: o.status },
        after: { status: S.DRAFT, note: text },
      });
      return tx.findOneByOrFail(SalesOrder, { id: o.id });
    });
  }

  /**
   * The current unit cost of each line's warehouse × SKU (what the below-cost check compares the
   * price with); null without stock. For the approver's view, behind the cost permission.
   */
  async currentUnitCosts(lineIds: number[]): Promise<Map<number, string | null>> {
    const out = new Map<number, string | null>();
    if (!lineIds.length) return out;
    const lines = await this.ds.getRepository(SalesOrderLine).find({ where: { id: In(lineIds) } });
    const orders = await this.ds
      .getRepository(SalesOrder)
      .find({ where: { id: In([...new Set(lines.map((l) => l.orderId))]) } });
    for (const l of lines) {
      const wh = orders.find((o) => o.id === l.orderId)!.warehouseId;
      out.set(l.id, await currentUnitCost(this.ds.manager, wh, l.skuId));
    }
    return out;
  }

  /** A draft, an order waiting for price approval or a confirmed order with nothing shipped; the reservations are released. */
  async cancel(ctx: Context, id: string): Promise<SalesOrder> {
    return inTransaction(this.ds, async (tx) => {
      const found = await this.get(ctx, id, tx);
      await lockRows(tx, 'sales_order', [found.id]);
      const o = await tx.findOneByOrFail(SalesOrder, { id: found.id });
      if (!allows(salesOrderLifecycle, A.CANCEL, o.status)) throw orderStateError(o, 'cancelled');
      const lines = await this.lines([o.id], tx);
      for (const l of [...lines].sort((a, b) => a.skuId - b.skuId)) {
        if (D(l.reservedQty).gt(0)) await releaseStock(tx, o.warehouseId, l.skuId, l.reservedQty);
        await tx.update(SalesOrderLine, { id: l.id }, { reservedQty: '0' });
      }
      // a confirmed order's promotion uses and coupon redemptions are given back
      await releaseOrderPricing(tx, o.id);
      await tx.update(SalesOrder, { id: o.id }, { status: S.CANCELLED, version: o.version + 1 });
      await this.audit.record(tx, ctx, {
        action: 'salesOrder.cancel',
        entityType: 'SalesOrder',
        entityId: o.id,
        before: { status: o.status },
        after: { status: S.CANCELLED, released: lines.map((l) => ({ skuId: l.skuId, qty: l.reservedQty })) },
      });
      await emitEvent(tx, orderEvent('document.cancelled', { ...o, status: S.CANCELLED }));
      return tx.findOneByOrFail(SalesOrder, { id: o.id });
    });
  }

  /**
   * 结案: a partly shipped order that will ship no more. The rest of its reservations is released
   * and it counts as shipped (what went out is what gets billed).
   */
  async close(
    ctx: Context,
    id: string,
    afterClose: (tx: EntityManager, customerId: number) => Promise<void>,
  ): Promise<SalesOrder> {
    return inTransaction(this.ds, async (tx) => {
      const found = await this.get(ctx, id, tx);
      await lockRows(tx, 'customer', [found.customerId]);
      await lockRows(tx, 'sales_order', [found.id]);
      const o = await tx.findOneByOrFail(SalesOrder, { id: found.id });
      if (!allows(salesOrderLifecycle, A.CLOSE, o.status))
        throw orderStateError(o, 'closed (only a partly shipped order can be)');
      const lines = await this.lines([o.id], tx);
      for (const l of [...lines].sort((a, b) => a.skuId - b.skuId)) {
        if (D(l.reservedQty).gt(0)) await releaseStock(tx, o.warehouseId, l.skuId, l.reservedQty);
        await tx.update(SalesOrderLine, { id: l.id }, { reservedQty: '0' });
      }
      const billed = lines.every((l) => D(l.invoicedQty).gte(l.shippedQty));
      await tx.update(SalesOrder, { id: o.id }, { status: billed ? S.INVOICED : S.SHIPPED, version: o.version + 1 });
      // an order billed already may be paid already
      if (billed) await afterClose(tx, o.customerId);
      await this.audit.record(tx, ctx, {
        action: 'salesOrder.close',
        entityType: 'SalesOrder',
        entityId: o.id,
        before: { status: o.status },
        after: {
          status: billed ? S.INVOICED : S.SHIPPED,
          released: lines.map((l) => ({ skuId: l.skuId, qty: l.reservedQty })),
        },
      });
      return tx.findOneByOrFail(SalesOrder, { id: o.id });
    });
  }

  // ---------- figures ----------

  /**
   * RFM figures for the tiers: orders taken in the period, their amount net of the credit given for
   * returns (a customer who sent everything back bought nothing), the last order day.
   */
  async figures(tx: EntityManager, customerIds: number[], from: string, to: string): Promise<CustomerFigures[]> {
    if (!customerIds.length) return [];
    const rows = await tx
      .createQueryBuilder(SalesOrder, 'o')
      .where('o.status IN (:...st)', { st: TAKEN })
      .andWhere('o.customer_id IN (:...ids)', { ids: customerIds })
      .andWhere('o.order_date >= :from AND o.order_date <= :to', { from, to })
      .getMany();
    const credited = new Map<number, Decimal>();
    for (let i = 0; i < rows.length; i += 500) {
      const lines = await tx.find(SalesOrderLine, {
        select: { orderId: true, returnedAmount: true },
        where: { orderId: In(rows.slice(i, i + 500).map((o) => o.id)) },
      });
      for (const l of lines) credited.set(l.orderId, (credited.get(l.orderId) ?? D(0)).plus(l.returnedAmount));
    }
    const kept = rows.map((o) => ({ o, net: D(o.total!).minus(credited.get(o.id) ?? 0) }));
    return customerIds.map((customerId) => {
      const mine = kept.filter((x) => x.o.customerId === customerId);
      return {
        customerId,
        orders: mine.length,
        amount: mine.reduce((s, x) => s.plus(x.net), D(0)).toFixed(2),
        lastOrderOn: mine.reduce<string | null>((m, { o }) => (m === null || o.orderDate > m ? o.orderDate : m), null),
      };
    });
  }

  /** A customer's purchases per month over the last `months` months (zeros included), for the profile chart. */
  async history(ctx: Context, customerId: string, months = 12) {
    const customer = await this.customers.get(ctx, customerId);
    const end = today().slice(0, 7);
    const list: string[] = [];
    let [y, m] = end.split('-').map(Number);
    for (let i = 0; i < months; i++) {
      list.unshift(`${y}-${String(m).padStart(2, '0')}`);
      m -= 1;
      if (m === 0) [y, m] = [y - 1, 12];
    }
    const orders = await this.ds
      .getRepository(SalesOrder)
      .createQueryBuilder('o')
      .where('o.customer_id = :c AND o.status IN (:...st) AND o.order_date >= :from', {
        c: customer.id,
        st: TAKEN,
        from: `${list[0]}-01`,
      })
      .getMany();
    return list.map((month) => {
      const mine = orders.filter((o) => o.orderDate.startsWith(month));
      return { month, orders: mine.length, amount: mine.reduce((s, o) => s.plus(o.total!), D(0)).toFixed(2) };
    });
  }
}

/** A promised date is a day on or after the order date. */
function checkPromisedDate(promised: string | null, orderDate: string): string | null {
  if (promised && promised < orderDate)
    throw badInput(
      [{ field: 'promisedDate', message: 'The promised date cannot be before the order date.' }],
      'The promised date cannot be before the order date: nothing was saved.',
    );
  return promised;
}
