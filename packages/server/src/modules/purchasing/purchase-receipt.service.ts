import { Decimal } from 'decimal.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { emitEvent, typed } from '../../core/events';
import { badInput, DomainError, notFound, type FieldProblem } from '../../core/errors';
import { existingLines } from '../../core/document-lines';
import { runOnce } from '../../core/idempotency';
import { nextNumber } from '../../core/numbering';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import type { CostingMethod } from '../../domain/costing';
import type { AuditService } from '../audit';
import { skuLines } from '../catalog';
import {
  assertExpiryReasons,
  batchFor,
  binsByIds,
  findBatch,
  ledgerEntriesOf,
  type PostingService,
  type ReceivedBatchLine,
  type StockMove,
} from '../stock';
import { assertPeriodOpen, companySettings, patternFor } from '../system';
import { PurchaseOrder, PurchaseOrderLine, PurchaseOrderStatus } from './purchase-order.entity';
import { type PurchaseOrderService } from './purchase-order.service';
import { PurchaseReceipt, PurchaseReceiptLine, PurchaseReturn, PurchaseReturnLine } from './purchase-receipt.entity';
import type { PurchaseDocFilter, PurchaseReturnInput, ReceivePurchaseOrderInput } from './purchasing.types';
import { now } from '../../core/dates';
import { followRecostedPurchaseReturns } from './purchase-costs';
import { lockRows } from '../../core/sql';
import { today } from '../../core/dates';
import { allows, purchaseOrderLifecycle } from '../../domain/lifecycle';
import { DocumentAction as A } from '../../core/actions';

const D = (s: string | number) => new Decimal(s);
const round2 = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const S = PurchaseOrderStatus;

export class PurchaseReceiptService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly posting: PostingService,
    private readonly orders: PurchaseOrderService,
  ) {
    // the ledger check: every entry of a receipt or a return belongs to one of its lines
    posting.onCheck(['purchase_receipt'], (em, refs) =>
      existingLines(em, PurchaseReceiptLine, 'receiptId', PurchaseReceipt, refs),
    );
    posting.onCheck(['purchase_return'], (em, refs) =>
      existingLines(em, PurchaseReturnLine, 'returnId', PurchaseReturn, refs),
    );
    // a return's value is its share of the receipt's entry: it follows a landed cost added later
    posting.onRecost(['purchase_return'], followRecostedPurchaseReturns);
  }

  // ---------- reading ----------

  private async page<T extends PurchaseReceipt | PurchaseReturn>(
    ctx: Context,
    entity: new () => T,
    filter?: PurchaseDocFilter | null,
    page?: PageInput | null,
  ): Promise<Page<T>> {
    const { offset, limit } = clampPage(page);
    const qb = this.ds.getRepository(entity).createQueryBuilder('d');
    const scope = ctx.user?.warehouseIds;
    if (scope) qb.andWhere('d.warehouse_id IN (:...scope)', { scope });
    if (filter?.orderId) qb.andWhere('d.order_id = :oid', { oid: Number(filter.orderId) });
    if (filter?.supplierId) qb.andWhere('d.supplier_id = :sid', { sid: Number(filter.supplierId) });
    if (filter?.warehouseId) qb.andWhere('d.warehouse_id = :wid', { wid: Number(filter.warehouseId) });
    qb.orderBy('d.business_date', 'DESC').addOrderBy('d.id', 'DESC');
    const [items, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  receipts(ctx: Context, filter?: PurchaseDocFilter | null, page?: PageInput | null) {
    return this.page(ctx, PurchaseReceipt, filter, page);
  }

  returns(ctx: Context, filter?: PurchaseDocFilter | null, page?: PageInput | null) {
    return this.page(ctx, PurchaseReturn, filter, page);
  }

  async receipt(ctx: Context, id: string | number, tx: EntityManager = this.ds.manager): Promise<PurchaseReceipt> {
    const r = await tx.findOne(PurchaseReceipt, { where: { id: Number(id) || -1 } });
    if (!r || !this.orders.inScope(ctx, r.warehouseId)) throw notFound('This purchase receipt');
    return r;
  }

  async purchaseReturn(ctx: Context, id: string | number): Promise<PurchaseReturn> {
    const r = await this.ds.getRepository(PurchaseReturn).findOne({ where: { id: Number(id) || -1 } });
    if (!r || !this.orders.inScope(ctx, r.warehouseId)) throw notFound('This purchase return');
    return r;
  }

  receiptLines(receiptIds: number[]): Promise<PurchaseReceiptLine[]> {
    if (!receiptIds.length) return Promise.resolve([]);
    return this.ds
      .getRepository(PurchaseReceiptLine)
      .find({ where: { receiptId: In(receiptIds) }, order: { receiptId: 'ASC', lineNo: 'ASC' } });
  }

  returnLines(returnIds: number[]): Promise<PurchaseReturnLine[]> {
    if (!returnIds.length) return Promise.resolve([]);
    return this.ds
      .getRepository(PurchaseReturnLine)
      .find({ where: { returnId: In(returnIds) }, order: { returnId: 'ASC', lineNo: 'ASC' } });
  }

  // ---------- posting helpers ----------

  /** Runs a posting once per idempotency key (see core/idempotency runOnce). */
  private once<T extends { id: number }>(
    ctx: Context,
    key: string | null | undefined,
    operation: string,
    body: unknown,
    load: (tx: EntityManager, id: string) => Promise<T>,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    return runOnce(this.ds, ctx, key, operation, body, load, work);
  }

  // ---------- receipts ----------

  /**
   * 收货: inspects and posts in one step. Accepted units go into stock through the posting engine
   * at the order line's price; rejected units are recorded, not posted. Accepting more than the
   * order plus the company's tolerance is refused.
   */
  async receive(
    ctx: Context,
    input: ReceivePurchaseOrderInput,
    idempotencyKey?: string | null,
  ): Promise<PurchaseReceipt> {
    return this.once(
      ctx,
      idempotencyKey,
      'receivePurchaseOrder',
      input,
      (tx, id) => this.receipt(ctx, id, tx),
      async (tx) => {
        const order = await this.orders.get(ctx, input.orderId, tx);
        await lockRows(tx, 'purchase_order', [order.id]);
        const o = await tx.findOneByOrFail(PurchaseOrder, { id: order.id });
        if (!allows(purchaseOrderLifecycle, A.RECEIVE, o.status)) {
          throw new DomainError(
            'ORDER_NOT_RECEIVABLE',
            `Order ${o.number ?? `#${o.id}`} is ${o.status.replace('_', ' ')}: only an approved or partly received order can be received against.`,
            { status: o.status },
          );
        }
        const settings = await companySettings(tx);
        const date = input.businessDate ?? today();
        if (date < o.orderDate)
          throw badInput([{ field: 'businessDate', message: `On or after the order date ${o.orderDate}.` }]);
        assertPeriodOpen(settings, date);
        const orderLines = await this.orders.lines([o.id], tx);
        const found = await skuLines(
          tx,
          orderLines.map((l) => l.skuId),
        );
        const binIds = input.lines.map((l) => Number(l.binId)).filter((n) => n > 0);
        const bins = await binsByIds(tx, binIds);
        const tolerance = D(settings.purchaseOverReceiptTolerance ?? '0.05');
        const problems: FieldProblem[] = [];
        const over: Array<{
          index: number;
          orderLineId: number;
          ordered: string;
          received: string;
          accepting: string;
          allowed: string;
        }> = [];
        const pending = new Map<number, Decimal>(); // accepted in this receipt per order line
        if (!input.lines.length) problems.push({ field: 'lines', message: 'Add at least one line.' });
        input.lines.forEach((l, i) => {
          const at = (f: string) => `lines[${i}].${f}`;
          const ol = orderLines.find((x) => x.id === Number(l.orderLineId));
          if (!ol) return void problems.push({ field: at('orderLineId'), message: 'Not a line of this order.' });
          const product = found.get(ol.skuId)!.product;
          const acc = D(l.acceptedQty);
          const rej = D(l.rejectedQty ?? '0');
          if (acc.lt(0)) problems.push({ field: at('acceptedQty'), message: 'Cannot be negative.' });
          if (rej.lt(0)) problems.push({ field: at('rejectedQty'), message: 'Cannot be negative.' });
          if (acc.isZero() && rej.isZero())
            problems.push({ field: at('acceptedQty'), message: 'Accept or reject something on each line.' });
          if (acc.decimalPlaces() > product.unitScale || rej.decimalPlaces() > product.unitScale)
            problems.push({
              field: at('acceptedQty'),
              message: `${product.baseUnit} allows ${product.unitScale} decimal place(s).`,
            });
          if (rej.gt(0) && !l.rejectReason?.trim())
            problems.push({ field: at('rejectReason'), message: 'Say why goods were rejected.' });
          if (l.binId && bins.find((b) => b.id === Number(l.binId))?.warehouseId !== o.warehouseId)
            problems.push({ field: at('binId'), message: "This bin is not in the order's warehouse." });
          if (product.batchTracked && acc.gt(0) && !l.batchNo?.trim())
            problems.push({ field: at('batchNo'), message: `${product.name} is batch-tracked: give a batch number.` });
          const sum = (pending.get(ol.id) ?? D(0)).plus(acc);
          pending.set(ol.id, sum);
          const allowed = D(ol.qty).times(tolerance.plus(1));
          if (D(ol.receivedQty).plus(sum).gt(allowed)) {
            over.push({
              index: i,
              orderLineId: ol.id,
              ordered: D(ol.qty).toFixed(),
              received: D(ol.receivedQty).toFixed(),
              accepting: sum.toFixed(),
              allowed: allowed.toFixed(),
            });
          }
        });
        if (problems.length) throw badInput(problems, 'The receipt has problems; nothing was posted.');
        if (over.length) {
          const pct = tolerance.times(100).toFixed();
          throw new DomainError(
            'OVER_RECEIPT',
            `More than the order allows (tolerance ${pct} %) on line(s) ${over.map((x) => x.index + 1).join(', ')}: e.g. ordered ${over[0].ordered}, received ${over[0].received}, accepting ${over[0].accepting}, at most ${over[0].allowed} in all.`,
            { tolerance: tolerance.toFixed(), lines: over },
          );
        }
        // a batch received short-dated or expired needs its reason (the batch's own date when it exists already)
        const receiving: ReceivedBatchLine[] = [];
        for (const [i, l] of input.lines.entries()) {
          const batchNo = l.batchNo?.trim();
          if (!batchNo || !D(l.acceptedQty).gt(0)) continue;
          const ol = orderLines.find((x) => x.id === Number(l.orderLineId))!;
          const known = await findBatch(tx, ol.skuId, batchNo);
          receiving.push({
            index: i,
            batchNo,
            expiryDate: known ? known.expiryDate : (l.expiryDate ?? null),
            expiryReason: l.expiryReason ?? null,
          });
        }
        assertExpiryReasons(receiving, date, settings.expiryWarningDays);
        // the number is allocated as late as possible: its counter row serialises receipts of the day
        let number: string | null = null;
        const allocate = async () =>
          (number = await nextNumber(tx, 'purchase_receipt', date, patternFor(settings, 'purchase_receipt')));
        const receipt = await tx.save(
          tx.create(PurchaseReceipt, {
            number: null as unknown as string,
            orderId: o.id,
            supplierId: o.supplierId,
            warehouseId: o.warehouseId,
            businessDate: date,
            memo: input.memo ?? '',
            createdBy: ctx.user!.id,
            postedAt: now(),
          }),
        );
        const lines: PurchaseReceiptLine[] = [];
        // the value on the order line's running quantity, so that its receipts add up to its amount
        // (3 at 3.335 = 10.01 received one at a time: 3.34 + 3.33 + 3.34, not 3 × 3.34), as partial
        // shipments do
        const receivedSoFar = new Map<number, Decimal>();
        for (const [i, l] of input.lines.entries()) {
          const ol = orderLines.find((x) => x.id === Number(l.orderLineId))!;
          const acc = D(l.acceptedQty);
          const before = receivedSoFar.get(ol.id) ?? D(ol.receivedQty);
          receivedSoFar.set(ol.id, before.plus(acc));
          const value = round2(before.plus(acc).times(ol.price!)).minus(round2(before.times(ol.price!)));
          const batchNo = l.batchNo?.trim() || null;
          const batchId = batchNo && acc.gt(0) ? await batchFor(tx, ol.skuId, batchNo, l.expiryDate ?? null, date) : 0;
          lines.push(
            tx.create(PurchaseReceiptLine, {
              receiptId: receipt.id,
              lineNo: i + 1,
              orderLineId: ol.id,
              skuId: ol.skuId,
              acceptedQty: acc.toFixed(6),
              rejectedQty: D(l.rejectedQty ?? '0').toFixed(6),
              rejectReason: l.rejectReason?.trim() ?? '',
              replacementExpected: D(l.rejectedQty ?? '0').gt(0) && !!l.replacementExpected,
              unitCost: ol.price,
              value: value.toFixed(2),
              binId: l.binId ? Number(l.binId) : null,
              batchNo,
              expiryDate: l.expiryDate ?? null,
              expiryReason: l.expiryReason?.trim() || null,
              batchId,
              returnedQty: '0',
              returnedValue: '0.00',
              invoicedQty: '0',
            }),
          );
        }
        const saved = await tx.save(lines);
        const moves: StockMove[] = saved
          .filter((l) => D(l.acceptedQty).gt(0))
          .map((l) => ({
            lineId: l.id,
            lineIndex: l.lineNo - 1,
            warehouseId: o.warehouseId,
            skuId: l.skuId,
            binId: l.binId ?? 0,
            batchId: l.batchId,
            qty: l.acceptedQty,
            // at the price, unless the running quantity's rounding gave this receipt a cent more or less
            ...(round2(D(l.acceptedQty).times(l.unitCost!)).eq(l.value!)
              ? { unitCost: l.unitCost! }
              : { value: l.value! }),
          }));
        await this.posting.apply(
          tx,
          { id: receipt.id, type: 'purchase_receipt', number: allocate, businessDate: date },
          moves,
          settings.costingMethod as CostingMethod,
        );
        // everything rejected: no stock moved, the receipt still gets its number
        if (!number) await allocate();
        await tx.update(PurchaseReceipt, { id: receipt.id }, { number: number! });
        receipt.number = number!;
        // the order's running quantities and status (the order row is locked)
        for (const ol of orderLines) {
          const mine = saved.filter((l) => l.orderLineId === ol.id);
          if (!mine.length) continue;
          ol.receivedQty = mine.reduce((s, l) => s.plus(l.acceptedQty), D(ol.receivedQty)).toFixed(6);
          ol.rejectedQty = mine.reduce((s, l) => s.plus(l.rejectedQty), D(ol.rejectedQty)).toFixed(6);
          ol.replacementQty = mine
            .filter((l) => l.replacementExpected)
            .reduce((s, l) => s.plus(l.rejectedQty), D(ol.replacementQty))
            .toFixed(6);
          await tx.update(
            PurchaseOrderLine,
            { id: ol.id },
            { receivedQty: ol.receivedQty, rejectedQty: ol.rejectedQty, replacementQty: ol.replacementQty },
          );
        }
        // received in full only when every ordered unit was accepted; rejected units written off leave
        // nothing on order (openQty) but the purchaser closes such an order, as before
        const complete = orderLines.every((ol) => D(ol.receivedQty).gte(ol.qty));
        const status = complete ? S.RECEIVED : S.PARTLY_RECEIVED;
        await tx.update(PurchaseOrder, { id: o.id }, { status, version: o.version + 1 });
        await this.audit.record(tx, ctx, {
          action: 'purchaseReceipt.post',
          entityType: 'PurchaseReceipt',
          entityId: receipt.id,
          after: {
            number,
            orderId: o.id,
            orderStatus: status,
            lines: saved.map((l) => ({
              orderLineId: l.orderLineId,
              accepted: l.acceptedQty,
              rejected: l.rejectedQty,
              reason: l.rejectReason,
              replacementExpected: l.replacementExpected,
              batchNo: l.batchNo,
              ...(l.expiryReason ? { expiryReason: l.expiryReason } : {}),
            })),
          },
        });
        await emitEvent(tx, {
          type: 'document.posted',
          ref: { type: 'purchase_receipt', id: receipt.id, number },
          warehouseId: o.warehouseId,
          data: {
            document: {
              type: 'purchase_receipt',
              id: String(receipt.id),
              number,
              orderId: String(o.id),
              orderStatus: status,
            },
            lines: saved.map((l) =>
              typed('PurchaseReceiptLine', {
                orderLineId: String(l.orderLineId),
                skuId: String(l.skuId),
                acceptedQty: l.acceptedQty,
                rejectedQty: l.rejectedQty,
                batchNo: l.batchNo,
                unitCost: l.unitCost,
              }),
            ),
          },
        });
        return receipt;
      },
    );
  }

  // ---------- returns ----------

  /**
   * 采购退货: accepted units go back to the supplier at the value they came in at, through the
   * engine's reversal of the receipt's ledger row: round2(share of its value), and the last units
   * of a receipt line take whatever value of it is left — under both costing methods.
   */
  async returnToSupplier(
    ctx: Context,
    input: PurchaseReturnInput,
    idempotencyKey?: string | null,
  ): Promise<PurchaseReturn> {
    return this.once(
      ctx,
      idempotencyKey,
      'returnToSupplier',
      input,
      (tx, id) => tx.findOneByOrFail(PurchaseReturn, { id: Number(id) }),
      async (tx) => {
        const receipt = await this.receipt(ctx, input.receiptId, tx);
        await lockRows(tx, 'purchase_order', [receipt.orderId]);
        const settings = await companySettings(tx);
        const date = input.businessDate ?? today();
        if (date < receipt.businessDate)
          throw badInput([{ field: 'businessDate', message: `On or after the receipt date ${receipt.businessDate}.` }]);
        assertPeriodOpen(settings, date);
        const rlines = await tx.find(PurchaseReceiptLine, {
          where: { receiptId: receipt.id },
          order: { lineNo: 'ASC' },
        });
        const problems: FieldProblem[] = [];
        if (!input.lines.length) problems.push({ field: 'lines', message: 'Add at least one line.' });
        // the goods may have moved since (e.g. expired units into a quarantine bin): a line may name the bin they leave from
        const fromBins = await binsByIds(
          tx,
          input.lines.map((l) => Number(l.binId)).filter((n) => n > 0),
        );
        const asking = new Map<number, Decimal>();
        input.lines.forEach((l, i) => {
          const at = (f: string) => `lines[${i}].${f}`;
          const rl = rlines.find((x) => x.id === Number(l.receiptLineId));
          if (!rl) return void problems.push({ field: at('receiptLineId'), message: 'Not a line of this receipt.' });
          const q = D(l.qty);
          if (!q.gt(0))
            return void problems.push({ field: at('qty'), message: 'The quantity must be more than zero.' });
          if (l.binId && fromBins.find((b) => b.id === Number(l.binId))?.warehouseId !== receipt.warehouseId)
            problems.push({ field: at('binId'), message: "This bin is not in the receipt's warehouse." });
          const sum = (asking.get(rl.id) ?? D(0)).plus(q);
          asking.set(rl.id, sum);
          const left = D(rl.acceptedQty).minus(rl.returnedQty);
          if (sum.gt(left))
            problems.push({
              field: at('qty'),
              message: `At most ${left.toFixed()} can be returned (accepted ${D(rl.acceptedQty).toFixed()}, returned ${D(rl.returnedQty).toFixed()}).`,
            });
        });
        if (problems.length) throw badInput(problems, 'The return has problems; nothing was posted.');
        let number: string | null = null;
        const allocate = async () =>
          (number = await nextNumber(tx, 'purchase_return', date, patternFor(settings, 'purchase_return')));
        const ret = await tx.save(
          tx.create(PurchaseReturn, {
            number: null as unknown as string,
            receiptId: receipt.id,
            orderId: receipt.orderId,
            supplierId: receipt.supplierId,
            warehouseId: receipt.warehouseId,
            businessDate: date,
            reason: input.reason.trim(),
            createdBy: ctx.user!.id,
            postedAt: now(),
          }),
        );
        const entries = await ledgerEntriesOf(tx, 'purchase_receipt', receipt.id, 'in');
        const rows: PurchaseReturnLine[] = [];
        const moves: StockMove[] = [];
        // returned units come out of what is still to be invoiced first (the invoice then bills
        // less); units the supplier invoiced already are owed back at their price (扣款)
        let credit = D(0);
        const returnedSoFar = new Map<number, Decimal>();
        for (const [i, l] of input.lines.entries()) {
          const rl = rlines.find((x) => x.id === Number(l.receiptLineId))!;
          const q = D(l.qty);
          const before = returnedSoFar.get(rl.id) ?? D(rl.returnedQty);
          returnedSoFar.set(rl.id, before.plus(q));
          const uninvoiced = Decimal.max(D(rl.acceptedQty).minus(rl.invoicedQty).minus(before), 0);
          const invoicedBack = Decimal.max(q.minus(uninvoiced), 0);
          if (invoicedBack.gt(0)) credit = credit.plus(round2(invoicedBack.times(rl.unitCost ?? 0)));
          const row = await tx.save(
            tx.create(PurchaseReturnLine, {
              returnId: ret.id,
              lineNo: i + 1,
              receiptLineId: rl.id,
              orderLineId: rl.orderLineId,
              skuId: rl.skuId,
              qty: q.toFixed(6),
              value: '0.00',
            }),
          );
          rows.push(row);
          const entry = entries.find((e) => e.documentLineId === rl.id)!;
          // reverses the receipt's own ledger row: its share of that row's value (the last units take
          // what is left of it), and under FIFO out of that receipt's own layer
          moves.push({
            lineId: row.id,
            lineIndex: i,
            warehouseId: receipt.warehouseId,
            skuId: rl.skuId,
            binId: l.binId ? Number(l.binId) : entry.binId,
            batchId: entry.batchId,
            qty: q.neg().toFixed(6),
            reverses: String(entry.id),
          });
        }
        const posted = await this.posting.apply(
          tx,
          { id: ret.id, type: 'purchase_return', number: allocate, businessDate: date },
          moves,
          settings.costingMethod as CostingMethod,
        );
        await tx.update(PurchaseReturn, { id: ret.id }, { number: number!, credit: credit.toFixed(2) });
        ret.number = number!;
        ret.credit = credit.toFixed(2);
        const touched = new Map<number, { qty: Decimal; value: Decimal }>();
        for (const row of rows) {
          const took = posted.filter((p) => p.lineId === row.id).reduce((s, p) => s.plus(p.value), D(0));
          row.value = took.toFixed(2);
          await tx.update(PurchaseReturnLine, { id: row.id }, { value: row.value });
          const rl = rlines.find((x) => x.id === row.receiptLineId)!;
          const t = touched.get(rl.id) ?? { qty: D(rl.returnedQty), value: D(rl.returnedValue) };
          touched.set(rl.id, { qty: t.qty.plus(row.qty), value: t.value.minus(took) });
        }
        const orderLines = await this.orders.lines([receipt.orderId], tx);
        for (const [rlId, t] of touched) {
          const rl = rlines.find((x) => x.id === rlId)!;
          const delta = t.qty.minus(rl.returnedQty);
          await tx.update(
            PurchaseReceiptLine,
            { id: rlId },
            { returnedQty: t.qty.toFixed(6), returnedValue: t.value.toFixed(2) },
          );
          const ol = orderLines.find((x) => x.id === rl.orderLineId)!;
          ol.returnedQty = D(ol.returnedQty).plus(delta).toFixed(6);
          await tx.update(PurchaseOrderLine, { id: ol.id }, { returnedQty: ol.returnedQty });
        }
        await this.audit.record(tx, ctx, {
          action: 'purchaseReturn.post',
          entityType: 'PurchaseReturn',
          entityId: ret.id,
          after: {
            number,
            receiptId: receipt.id,
            reason: ret.reason,
            credit: ret.credit,
            lines: rows.map((r) => ({ receiptLineId: r.receiptLineId, qty: r.qty })),
          },
        });
        return ret;
      },
    );
  }
}
