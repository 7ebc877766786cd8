import { Decimal } from 'decimal.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { now, today } from '../../core/dates';
import { emitEvent, typed } from '../../core/events';
import { orderEvent } from './sales-events';
import { badInput, DomainError, notFound, type FieldProblem } from '../../core/errors';
import { existingLines } from '../../core/document-lines';
import { runOnce } from '../../core/idempotency';
import { nextNumber } from '../../core/numbering';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import type { CostingMethod } from '../../domain/costing';
import type { AuditService } from '../audit';
import { skuLines } from '../catalog';
import {
  findBatch,
  ledgerEntriesOf,
  pickList,
  picksOf,
  type PickList,
  releaseStock,
  reversedQuantities,
  type StockPick,
  type PostingService,
  type StockMove,
} from '../stock';
import { assertPeriodOpen, companySettings, patternFor } from '../system';
import { followRecostedSales, orderFigures } from './sales-costs';
import { prizeOrderIds, takeBackPromotionDiscount } from '../promotions';
import { returnTakeBack, takenBackByOrderLine } from './return-take-back';
import type { ReceivableService } from './receivable.service';
import { SalesOrder, SalesOrderLine, SalesOrderStatus } from './sales-order.entity';
import { SalesShipment, SalesShipmentLine } from './sales-shipment.entity';
import { ReturnDisposition, ReturnResolution, SalesReturn, SalesReturnLine } from './sales-return.entity';
import type { SalesOrderService } from './sales-order.service';
import type { SalesReturnInput, ShipSalesOrderInput } from './sales.types';
import { lockRows } from '../../core/sql';
import { allows, salesOrderLifecycle } from '../../domain/lifecycle';
import { DocumentAction as A } from '../../core/actions';

const D = (s: string | number) => new Decimal(s);
const round2 = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const S = SalesOrderStatus;

/** A line's margin: net revenue (shipped − credited) − COGS. */
const marginOf = (l: Pick<SalesOrderLine, 'shippedAmount' | 'returnedAmount' | 'cogs'>) =>
  D(l.shippedAmount).minus(l.returnedAmount).minus(l.cogs!);

/**
 * 发货 and 售后: shipments post through the engine (which picks FEFO by expiry, then FIFO by
 * receipt) and release the order's reservation in the same transaction; returns post back through
 * the engine's reversal of the shipment's own ledger rows, i.e. at the cost the goods left with.
 */
export class SalesFulfilmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly posting: PostingService,
    private readonly orders: SalesOrderService,
    private readonly receivables: ReceivableService,
  ) {
    // COGS and margin are the ledger's: re-costing a shipment's or return's entries updates them in the same transaction
    posting.onRecost(['sales_shipment', 'sales_return'], followRecostedSales);
    // the ledger check: every entry of a shipment or a return belongs to one of its lines
    posting.onCheck(['sales_shipment'], (em, refs) =>
      existingLines(em, SalesShipmentLine, 'shipmentId', SalesShipment, refs),
    );
    posting.onCheck(['sales_return'], (em, refs) => existingLines(em, SalesReturnLine, 'returnId', SalesReturn, refs));
  }

  // ---------- reading ----------

  private async page<T extends SalesShipment | SalesReturn>(
    ctx: Context,
    entity: new () => T,
    orderId?: string | null,
    page?: PageInput | null,
  ): Promise<Page<T>> {
    const { offset, limit } = clampPage(page);
    const qb = this.orders.scope(ctx, this.ds.getRepository(entity).createQueryBuilder('o'));
    if (orderId) qb.andWhere('o.order_id = :oid', { oid: Number(orderId) || -1 });
    qb.orderBy('o.business_date', 'DESC').addOrderBy('o.id', 'DESC');
    const [items, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  shipments(ctx: Context, orderId?: string | null, page?: PageInput | null) {
    return this.page(ctx, SalesShipment, orderId, page);
  }

  returns(ctx: Context, orderId?: string | null, page?: PageInput | null) {
    return this.page(ctx, SalesReturn, orderId, page);
  }

  async shipment(ctx: Context, id: string | number, tx: EntityManager = this.ds.manager): Promise<SalesShipment> {
    const s = await this.orders
      .scope(ctx, tx.getRepository(SalesShipment).createQueryBuilder('o'))
      .andWhere('o.id = :id', { id: Number(id) || -1 })
      .getOne();
    if (!s) throw notFound('This shipment');
    return s;
  }

  shipmentLines(ids: number[]) {
    return ids.length
      ? this.ds
          .getRepository(SalesShipmentLine)
          .find({ where: { shipmentId: In(ids) }, order: { shipmentId: 'ASC', lineNo: 'ASC' } })
      : Promise.resolve([]);
  }

  returnLines(ids: number[]) {
    return ids.length
      ? this.ds
          .getRepository(SalesReturnLine)
          .find({ where: { returnId: In(ids) }, order: { returnId: 'ASC', lineNo: 'ASC' } })
      : Promise.resolve([]);
  }

  /** Where each shipped line was picked (bin, batch, expiry), from its ledger rows. */
  picks(shipmentIds: number[]): Promise<Map<number, StockPick[]>> {
    return picksOf(this.ds.manager, 'sales_shipment', shipmentIds);
  }

  /** Order totals from its lines (the order row is locked by the caller); gifts are promotion expense, not COGS. */
  private async rollUp(tx: EntityManager, orderId: number) {
    const lines = await tx.find(SalesOrderLine, { where: { orderId } });
    // a lucky draw's SKU prize: its cost is promotion expense like a gift's
    const prize = (await prizeOrderIds(tx, [orderId])).has(orderId);
    return { lines, ...orderFigures(lines, prize) };
  }

  /** The order lines' COGS and margin as the posting left them (a back-dated posting may have re-costed this order's earlier shipments). */
  private async refreshCogs(tx: EntityManager, orderId: number, lines: SalesOrderLine[]) {
    const fresh = await tx.find(SalesOrderLine, { where: { orderId } });
    for (const l of lines) {
      const f = fresh.find((x) => x.id === l.id);
      if (f) Object.assign(l, { cogs: f.cogs, margin: f.margin });
    }
  }

  // ---------- shipments ----------

  /**
   * 发货: the engine picks bins and batches (FEFO, then FIFO) and costs the units by the company's
   * method; COGS per line is what the ledger rows took. Revenue is the line's price on the running
   * shipped quantity, rounded, less what earlier shipments took; the last units take the rest of
   * the line's amount, so Σ shipments = the line amount.
   */
  async pickList(ctx: Context, orderId: string | number): Promise<PickList> {
    const o = await this.orders.get(ctx, orderId);
    const lines = (
      await this.ds.manager.find(SalesOrderLine, { where: { orderId: o.id }, order: { lineNo: 'ASC' } })
    ).map((l) => ({
      skuId: l.skuId,
      qty: allows(salesOrderLifecycle, A.SHIP, o.status) ? D(l.qty).minus(l.shippedQty).toFixed(6) : '0',
    }));
    return pickList(this.ds.manager, o.warehouseId, lines, { sale: true, day: today() });
  }

  async ship(ctx: Context, input: ShipSalesOrderInput, idempotencyKey?: string | null): Promise<SalesShipment> {
    return runOnce(
      this.ds,
      ctx,
      idempotencyKey,
      'shipSalesOrder',
      input,
      (tx, id) => tx.findOneByOrFail(SalesShipment, { id: Number(id) }),
      async (tx) => {
        const found = await this.orders.get(ctx, input.orderId, tx);
        await lockRows(tx, 'sales_order', [found.id]);
        const o = await tx.findOneByOrFail(SalesOrder, { id: found.id });
        if (!allows(salesOrderLifecycle, A.SHIP, o.status)) {
          throw new DomainError(
            'ORDER_NOT_SHIPPABLE',
            `Order ${o.number} is ${o.status.replace('_', ' ')}: only a confirmed or partly shipped order can be shipped.`,
            { status: o.status },
          );
        }
        const settings = await companySettings(tx);
        const date = input.businessDate ?? today();
        if (date < o.orderDate)
          throw badInput([{ field: 'businessDate', message: `On or after the order date ${o.orderDate}.` }]);
        assertPeriodOpen(settings, date);
        const orderLines = await this.orders.lines([o.id], tx);
        const skus = await skuLines(
          tx,
          orderLines.map((l) => l.skuId),
        );
        const problems: FieldProblem[] = [];
        if (!input.lines.length) problems.push({ field: 'lines', message: 'Add at least one line.' });
        const asking = new Map<number, Decimal>();
        // a line that names its batch leaves from it (a 3PL's confirmation says which it picked)
        const batchIds = new Map<number, number>();
        for (const [i, l] of input.lines.entries()) {
          const ol = orderLines.find((x) => x.id === Number(l.orderLineId));
          const batchNo = l.batchNo?.trim();
          if (!ol || !batchNo) continue;
          const product = skus.get(ol.skuId)!.product;
          if (!product.batchTracked) {
            problems.push({
              field: `lines[${i}].batchNo`,
              message: `${product.name} is not batch-tracked: leave the batch empty.`,
            });
            continue;
          }
          const b = await findBatch(tx, ol.skuId, batchNo);
          if (!b)
            problems.push({ field: `lines[${i}].batchNo`, message: `Batch ${batchNo} does not exist for this SKU.` });
          else batchIds.set(i, b.id);
        }
        input.lines.forEach((l, i) => {
          const at = (f: string) => `lines[${i}].${f}`;
          const ol = orderLines.find((x) => x.id === Number(l.orderLineId));
          if (!ol) return void problems.push({ field: at('orderLineId'), message: 'Not a line of this order.' });
          const product = skus.get(ol.skuId)!.product;
          const q = D(l.qty);
          if (!q.gt(0))
            return void problems.push({ field: at('qty'), message: 'The quantity must be more than zero.' });
          if (q.decimalPlaces() > product.unitScale)
            problems.push({
              field: at('qty'),
              message: `${product.baseUnit} allows ${product.unitScale} decimal place(s).`,
            });
          const sum = (asking.get(ol.id) ?? D(0)).plus(q);
          asking.set(ol.id, sum);
          const open = D(ol.qty).minus(ol.shippedQty);
          if (sum.gt(open))
            problems.push({
              field: at('qty'),
              message: `At most ${open.toFixed()} is left to ship (ordered ${D(ol.qty).toFixed()}, shipped ${D(ol.shippedQty).toFixed()}).`,
            });
        });
        if (problems.length) throw badInput(problems, 'The shipment has problems; nothing was posted.');
        let number: string | null = null;
        const allocate = async () =>
          (number = await nextNumber(tx, 'sales_shipment', date, patternFor(settings, 'sales_shipment')));
        const shipment = await tx.save(
          tx.create(SalesShipment, {
            number: null as unknown as string,
            orderId: o.id,
            customerId: o.customerId,
            warehouseId: o.warehouseId,
            businessDate: date,
            memo: input.memo ?? '',
            trackingNo: input.trackingNo?.trim() ?? '',
            carrier: input.carrier?.trim() ?? '',
            createdBy: ctx.user!.id,
            postedAt: now(),
          }),
        );
        const rows = await tx.save(
          input.lines.map((l, i) => {
            const ol = orderLines.find((x) => x.id === Number(l.orderLineId))!;
            return tx.create(SalesShipmentLine, {
              shipmentId: shipment.id,
              lineNo: i + 1,
              orderLineId: ol.id,
              skuId: ol.skuId,
              qty: D(l.qty).toFixed(6),
              amount: '0.00',
              cogs: '0.00',
              returnedQty: '0',
            });
          }),
        );
        // the reservation goes as the goods go (same transaction): per SKU, in SKU order
        const releasing = new Map<number, Decimal>();
        for (const [olId, q] of asking) {
          const ol = orderLines.find((x) => x.id === olId)!;
          const rel = Decimal.min(q, ol.reservedQty);
          releasing.set(ol.skuId, (releasing.get(ol.skuId) ?? D(0)).plus(rel));
        }
        for (const [skuId, q] of [...releasing].sort((a, b) => a[0] - b[0]))
          if (q.gt(0)) await releaseStock(tx, o.warehouseId, skuId, q.toFixed(6));
        // the bin (and the batch, unless the line names it) left open: the engine picks FEFO by expiry, then FIFO by receipt
        const moves: StockMove[] = rows.map((r) => ({
          lineId: r.id,
          lineIndex: r.lineNo - 1,
          warehouseId: o.warehouseId,
          skuId: r.skuId,
          binId: null,
          batchId: batchIds.get(r.lineNo - 1) ?? null,
          qty: D(r.qty).neg().toFixed(6),
        }));
        const posted = await this.posting.apply(
          tx,
          { id: shipment.id, type: 'sales_shipment', number: allocate, businessDate: date },
          moves,
          settings.costingMethod as CostingMethod,
        );
        await this.refreshCogs(tx, o.id, orderLines);
        await tx.update(SalesShipment, { id: shipment.id }, { number: number! });
        shipment.number = number!;
        for (const r of rows) {
          const ol = orderLines.find((x) => x.id === r.orderLineId)!;
          const q = D(r.qty);
          const shippedQty = D(ol.shippedQty).plus(q);
          // rounded on the running quantity: partial shipments never drift from the line amount, nor go negative
          const amount = shippedQty.eq(ol.qty)
            ? D(ol.amount!).minus(ol.shippedAmount)
            : round2(shippedQty.times(ol.unitPrice!)).minus(ol.shippedAmount);
          const cogs = posted.filter((p) => p.lineId === r.id).reduce((s, p) => s.minus(p.value), D(0));
          r.amount = amount.toFixed(2);
          r.cogs = cogs.toFixed(2);
          await tx.update(SalesShipmentLine, { id: r.id }, { amount: r.amount, cogs: r.cogs });
          ol.shippedQty = shippedQty.toFixed(6);
          ol.reservedQty = Decimal.max(D(ol.reservedQty).minus(q), 0).toFixed(6);
          ol.shippedAmount = D(ol.shippedAmount).plus(amount).toFixed(2);
          ol.cogs = D(ol.cogs!).plus(cogs).toFixed(2);
          ol.margin = marginOf(ol).toFixed(2);
          await tx.update(
            SalesOrderLine,
            { id: ol.id },
            {
              shippedQty: ol.shippedQty,
              reservedQty: ol.reservedQty,
              shippedAmount: ol.shippedAmount,
              cogs: ol.cogs,
              margin: ol.margin,
            },
          );
        }
        const { lines, cogs, margin, giftCost } = await this.rollUp(tx, o.id);
        const status = lines.every((l) => D(l.shippedQty).gte(l.qty)) ? S.SHIPPED : S.PARTLY_SHIPPED;
        await tx.update(SalesOrder, { id: o.id }, { status, cogs, margin, giftCost, version: o.version + 1 });
        await this.audit.record(tx, ctx, {
          action: 'salesShipment.post',
          entityType: 'SalesShipment',
          entityId: shipment.id,
          after: {
            number,
            orderId: o.id,
            orderStatus: status,
            lines: rows.map((r) => ({ orderLineId: r.orderLineId, qty: r.qty })),
          },
        });
        await emitEvent(tx, {
          ...orderEvent('order.shipped', { ...o, status }),
          data: {
            order: orderEvent('order.shipped', { ...o, status }).data.order,
            shipment: typed('SalesShipment', {
              id: String(shipment.id),
              number: shipment.number,
              businessDate: date,
              trackingNo: shipment.trackingNo,
              carrier: shipment.carrier,
            }),
            lines: rows.map((r) =>
              typed('SalesShipmentLine', {
                orderLineId: String(r.orderLineId),
                skuId: String(r.skuId),
                qty: r.qty,
                amount: r.amount,
                cogs: r.cogs,
              }),
            ),
          },
        });
        return shipment;
      },
    );
  }

  // ---------- returns ----------

  /**
   * 售后: returned units of a shipment line (at most shipped − returned). RESTOCK posts them back
   * through the engine's reversal of the shipment's own ledger rows — the cost they left with, into
   * the bin and batch they left from; SCRAP takes nothing back (the cost stays in COGS as the loss).
   * The credit is the units at the line's price (the last units take what is left of the line's
   * revenue), less the 满减 taken back when the kept goods no longer reach it (return-take-back.ts). EXCHANGE also opens a replacement draft at the same prices.
   */
  async returnGoods(ctx: Context, input: SalesReturnInput, idempotencyKey?: string | null): Promise<SalesReturn> {
    return runOnce(
      this.ds,
      ctx,
      idempotencyKey,
      'returnSalesGoods',
      input,
      (tx, id) => tx.findOneByOrFail(SalesReturn, { id: Number(id) }),
      (tx) => this.returnGoodsIn(tx, ctx, input),
    );
  }

  /**
   * A return in the caller's transaction (the integration module books a platform's refund with its
   * own record of it, so the two commit together or not at all).
   */
  async returnGoodsIn(tx: EntityManager, ctx: Context, input: SalesReturnInput): Promise<SalesReturn> {
    {
      {
        const shipment = await this.shipment(ctx, input.shipmentId, tx);
        await lockRows(tx, 'customer', [shipment.customerId]);
        await lockRows(tx, 'sales_order', [shipment.orderId]);
        const o = await tx.findOneByOrFail(SalesOrder, { id: shipment.orderId });
        const settings = await companySettings(tx);
        const date = input.businessDate ?? today();
        if (date < shipment.businessDate)
          throw badInput([
            { field: 'businessDate', message: `On or after the shipment date ${shipment.businessDate}.` },
          ]);
        assertPeriodOpen(settings, date);
        const slines = await tx.find(SalesShipmentLine, {
          where: { shipmentId: shipment.id },
          order: { lineNo: 'ASC' },
        });
        const problems: FieldProblem[] = [];
        if (!input.lines.length) problems.push({ field: 'lines', message: 'Add at least one line.' });
        const asking = new Map<number, Decimal>();
        input.lines.forEach((l, i) => {
          const at = (f: string) => `lines[${i}].${f}`;
          const sl = slines.find((x) => x.id === Number(l.shipmentLineId));
          if (!sl) return void problems.push({ field: at('shipmentLineId'), message: 'Not a line of this shipment.' });
          const q = D(l.qty);
          if (!q.gt(0))
            return void problems.push({ field: at('qty'), message: 'The quantity must be more than zero.' });
          const sum = (asking.get(sl.id) ?? D(0)).plus(q);
          asking.set(sl.id, sum);
          const left = D(sl.qty).minus(sl.returnedQty);
          if (sum.gt(left))
            problems.push({
              field: at('qty'),
              message: `At most ${left.toFixed()} can be returned (shipped ${D(sl.qty).toFixed()}, returned ${D(sl.returnedQty).toFixed()}).`,
            });
        });
        if (problems.length) throw badInput(problems, 'The return has problems; nothing was posted.');
        let number: string | null = null;
        const allocate = async () =>
          (number = await nextNumber(tx, 'sales_return', date, patternFor(settings, 'sales_return')));
        const ret = await tx.save(
          tx.create(SalesReturn, {
            number: null as unknown as string,
            shipmentId: shipment.id,
            orderId: o.id,
            customerId: o.customerId,
            warehouseId: shipment.warehouseId,
            businessDate: date,
            reason: input.reason,
            note: input.note?.trim() ?? '',
            resolution: input.resolution,
            credit: '0.00',
            replacementOrderId: null,
            createdBy: ctx.user!.id,
            postedAt: now(),
          }),
        );
        // the shipment's ledger rows per line and what earlier returns already reversed of each
        const entries = await ledgerEntriesOf(tx, 'sales_shipment', shipment.id, 'out');
        const back = await reversedQuantities(
          tx,
          entries.map((e) => e.id),
        );
        const orderLines = await this.orders.lines([o.id], tx);
        const rows: SalesReturnLine[] = [];
        const moves: StockMove[] = [];
        for (const [i, l] of input.lines.entries()) {
          const sl = slines.find((x) => x.id === Number(l.shipmentLineId))!;
          const q = D(l.qty);
          const row = await tx.save(
            tx.create(SalesReturnLine, {
              returnId: ret.id,
              lineNo: i + 1,
              shipmentLineId: sl.id,
              orderLineId: sl.orderLineId,
              skuId: sl.skuId,
              qty: q.toFixed(6),
              disposition: l.disposition,
              amount: '0.00',
              restockedCost: '0.00',
            }),
          );
          rows.push(row);
          if (l.disposition !== ReturnDisposition.RESTOCK) continue;
          // back into the bins and batches the units left from, newest pick first
          let need = q;
          for (const e of entries.filter((x) => x.documentLineId === sl.id).reverse()) {
            if (need.isZero()) break;
            const left = D(e.qty)
              .neg()
              .minus(back.get(String(e.id)) ?? 0);
            if (!left.gt(0)) continue;
            const take = Decimal.min(left, need);
            back.set(String(e.id), (back.get(String(e.id)) ?? D(0)).plus(take));
            moves.push({
              lineId: row.id,
              lineIndex: i,
              warehouseId: shipment.warehouseId,
              skuId: sl.skuId,
              binId: e.binId,
              batchId: e.batchId,
              qty: take.toFixed(6),
              reverses: String(e.id),
            });
            need = need.minus(take);
          }
        }
        const posted = moves.length
          ? await this.posting.apply(
              tx,
              { id: ret.id, type: 'sales_return', number: allocate, businessDate: date },
              moves,
              settings.costingMethod as CostingMethod,
            )
          : [];
        if (!number) await allocate();
        await this.refreshCogs(tx, o.id, orderLines);
        let credit = D(0);
        const replacement: Array<{ skuId: string; qty: string; unitPrice: string }> = [];
        // each row's refund before any 满减 taken back: the units at the line's net price (the last
        // shipped units take what is left of the line's shipped revenue); earlier take-backs count as refunded
        const earlierTaken = await takenBackByOrderLine(
          tx,
          rows.map((r) => r.orderLineId),
          ret.id,
        );
        const qtySoFar = new Map<number, Decimal>();
        const grossSoFar = new Map<number, Decimal>();
        const gross = rows.map((row) => {
          const ol = orderLines.find((x) => x.id === row.orderLineId)!;
          const prevQty = qtySoFar.get(ol.id) ?? D(ol.returnedQty);
          const prevAmount = grossSoFar.get(ol.id) ?? D(ol.returnedAmount).plus(earlierTaken.get(ol.id) ?? 0);
          const returnedQty = prevQty.plus(row.qty);
          const amount = returnedQty.eq(ol.shippedQty)
            ? D(ol.shippedAmount).minus(prevAmount)
            : round2(returnedQty.times(ol.unitPrice!)).minus(prevAmount);
          qtySoFar.set(ol.id, returnedQty);
          grossSoFar.set(ol.id, prevAmount.plus(amount));
          return amount;
        });
        // a return that breaks a 满减 keeps back the reduction the kept goods no longer earn (the setting)
        const takeBack = await returnTakeBack(
          tx,
          o,
          orderLines,
          rows.map((r, i) => ({ orderLineId: r.orderLineId, qty: D(r.qty), refund: gross[i].toFixed(2) })),
          ret.id,
        );
        for (const [i, row] of rows.entries()) {
          const sl = slines.find((x) => x.id === row.shipmentLineId)!;
          const ol = orderLines.find((x) => x.id === row.orderLineId)!;
          const q = D(row.qty);
          const returnedQty = D(ol.returnedQty).plus(q);
          const taken = D(takeBack?.lines[i] ?? 0);
          const amount = gross[i].minus(taken);
          const restocked = posted.filter((p) => p.lineId === row.id).reduce((s, p) => s.plus(p.value), D(0));
          row.amount = amount.toFixed(2);
          row.takenBack = taken.toFixed(2);
          row.restockedCost = restocked.toFixed(2);
          await tx.update(
            SalesReturnLine,
            { id: row.id },
            { amount: row.amount, takenBack: row.takenBack, restockedCost: row.restockedCost },
          );
          sl.returnedQty = D(sl.returnedQty).plus(q).toFixed(6);
          await tx.update(SalesShipmentLine, { id: sl.id }, { returnedQty: sl.returnedQty });
          ol.returnedQty = returnedQty.toFixed(6);
          ol.returnedAmount = D(ol.returnedAmount).plus(amount).toFixed(2);
          ol.cogs = D(ol.cogs!).minus(restocked).toFixed(2);
          ol.margin = marginOf(ol).toFixed(2);
          await tx.update(
            SalesOrderLine,
            { id: ol.id },
            { returnedQty: ol.returnedQty, returnedAmount: ol.returnedAmount, cogs: ol.cogs, margin: ol.margin },
          );
          credit = credit.plus(amount);
          replacement.push({ skuId: String(ol.skuId), qty: row.qty, unitPrice: ol.unitPrice! });
        }
        const { cogs, margin, giftCost } = await this.rollUp(tx, o.id);
        await tx.update(SalesOrder, { id: o.id }, { cogs, margin, giftCost, version: o.version + 1 });
        let replacementOrderId: number | null = null;
        if (input.resolution === ReturnResolution.EXCHANGE) {
          // the replacement is charged at the original prices and paid by this return's credit
          const draft = await this.orders.createIn(
            tx,
            ctx,
            {
              customerId: String(o.customerId),
              channelId: String(o.channelId),
              storeId: o.storeId ? String(o.storeId) : undefined,
              warehouseId: String(o.warehouseId),
              orderDate: date,
              shipTo: o.shipTo,
              memo: `换货 exchange for return ${number}`,
              lines: replacement,
            },
            {
              allowBelowCost: true,
              exchangeOfReturnId: ret.id,
              note: `exchange for return ${number} at the original price`,
            },
          );
          replacementOrderId = draft.id;
        }
        // the 满减 taken back is a discount no longer given: back to the promotion's budget
        if (takeBack) await takeBackPromotionDiscount(tx, o.id, takeBack.perPromotion);
        await tx.update(
          SalesReturn,
          { id: ret.id },
          {
            number: number!,
            credit: credit.toFixed(2),
            replacementOrderId,
            thresholdTakenBack: takeBack?.total ?? '0.00',
            takeBacks: takeBack?.perPromotion ?? null,
          },
        );
        Object.assign(ret, {
          number: number!,
          credit: credit.toFixed(2),
          replacementOrderId,
          thresholdTakenBack: takeBack?.total ?? '0.00',
          takeBacks: takeBack?.perPromotion ?? null,
        });
        await this.receivables.settle(tx, o.customerId);
        await this.audit.record(tx, ctx, {
          action: 'salesReturn.post',
          entityType: 'SalesReturn',
          entityId: ret.id,
          after: {
            number,
            shipmentId: shipment.id,
            reason: ret.reason,
            resolution: ret.resolution,
            credit: ret.credit,
            thresholdTakenBack: ret.thresholdTakenBack,
            replacementOrderId,
            lines: rows.map((r) => ({ shipmentLineId: r.shipmentLineId, qty: r.qty, disposition: r.disposition })),
          },
        });
        return ret;
      }
    }
  }
}
