import { Decimal } from 'decimal.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { now, today } from '../../core/dates';
import { badInput, DomainError, ErrorCode, notFound, type FieldProblem } from '../../core/errors';
import { nextNumber } from '../../core/numbering';
import { lockRows } from '../../core/sql';
import { allocateByWeight, type CostingMethod } from '../../domain/costing';
import type { AuditService } from '../audit';
import type { SupplierService } from '../partners';
import { ledgerEntriesOf, valuesGivenBy, valuesGivenTo, type PostingService, type ValueAdjustment } from '../stock';
import { assertPeriodOpen, companySettings, patternFor } from '../system';
import {
  LandedCost,
  LandedCostAllocation,
  LandedCostBasis,
  LandedCostLine,
  LandedCostStatus,
} from './landed-cost.entity';
import type { LandedCostInput } from './landed-cost.types';
import { PurchaseReceipt, PurchaseReceiptLine } from './purchase-receipt.entity';
import type { PurchaseReceiptService } from './purchase-receipt.service';

const D = (s: Decimal.Value) => new Decimal(s);
const TYPE = 'landed_cost';
type CostLine = Pick<LandedCostLine, 'basis' | 'amount'>;

/**
 * 到岸成本 / 费用分摊: freight, duty, handling … charged for a posted purchase receipt, each cost
 * line allocated to the receipt's accepted lines by their value, quantity or weight (cents split
 * by largest remainder, so the parts add up exactly). Posting adds each line's share to the value
 * of the receipt line's ledger entry at the receipt's business date, through the posting engine's
 * value-only adjustment: the later issues are re-costed like after a back-dated receipt (COGS of
 * later shipments change, recost rows name the landed cost). Cancelling takes the same amounts
 * out again, so every figure returns to what it was.
 */
export class LandedCostService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly posting: PostingService,
    private readonly receipts: PurchaseReceiptService,
    private readonly suppliers: SupplierService,
  ) {}

  // ---------- reading ----------

  async list(ctx: Context, receiptId: string): Promise<LandedCost[]> {
    const r = await this.receipts.receipt(ctx, receiptId);
    return this.ds.getRepository(LandedCost).find({ where: { receiptId: r.id }, order: { id: 'ASC' } });
  }

  async get(ctx: Context, id: string | number, tx: EntityManager = this.ds.manager): Promise<LandedCost> {
    const lc = await tx.findOne(LandedCost, { where: { id: Number(id) || -1 } });
    if (!lc) throw notFound('This landed cost');
    await this.receipts.receipt(ctx, lc.receiptId, tx).catch(() => {
      throw notFound('This landed cost');
    });
    return lc;
  }

  lines(ids: number[]): Promise<LandedCostLine[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds
      .getRepository(LandedCostLine)
      .find({ where: { landedCostId: In(ids) }, order: { landedCostId: 'ASC', lineNo: 'ASC' } });
  }

  /** The document's allocation over the receipt's lines (what posting adds, or added). */
  async allocations(lc: LandedCost): Promise<LandedCostAllocation[]> {
    const lines = await this.lines([lc.id]);
    return this.allocate(this.ds.manager, lc.receiptId, lines, lc.status === LandedCostStatus.POSTED ? lc.id : null);
  }

  /** What posting the input would add to each receipt line, before anything is saved. */
  async preview(ctx: Context, input: LandedCostInput): Promise<LandedCostAllocation[]> {
    const receipt = await this.receipts.receipt(ctx, input.receiptId);
    const lines = await this.check(this.ds.manager, receipt, input);
    return this.allocate(this.ds.manager, receipt.id, lines, null);
  }

  // ---------- writing ----------

  /** Saves a draft (and posts it at once when `post`); refused whole on any problem. */
  async create(ctx: Context, input: LandedCostInput, post = false): Promise<LandedCost> {
    const id = await this.ds.transaction(async (tx) => {
      const receipt = await this.receipts.receipt(ctx, input.receiptId, tx);
      const lines = await this.check(tx, receipt, input);
      const settings = await companySettings(tx);
      const number = await nextNumber(tx, TYPE, today(), patternFor(settings, TYPE));
      const total = lines.reduce((s, l) => s.plus(l.amount!), D(0));
      const lc = await tx.save(
        tx.create(LandedCost, {
          number,
          receiptId: receipt.id,
          warehouseId: receipt.warehouseId,
          businessDate: receipt.businessDate,
          status: LandedCostStatus.DRAFT,
          total: total.toFixed(2),
          memo: input.memo?.trim() ?? '',
          createdBy: ctx.user!.id,
          createdAt: now(),
          postedAt: null,
          cancelledAt: null,
        }),
      );
      await tx.save(lines.map((l, i) => tx.create(LandedCostLine, { ...l, landedCostId: lc.id, lineNo: i + 1 })));
      await this.audit.record(tx, ctx, {
        action: 'landedCost.create',
        entityType: 'LandedCost',
        entityId: lc.id,
        after: { number, receiptId: receipt.id, total: lc.total, lines: lines.map((l) => ({ ...l })) },
      });
      if (post) await this.postIn(tx, ctx, lc);
      return lc.id;
    });
    return this.get(ctx, id);
  }

  async post(ctx: Context, id: string): Promise<LandedCost> {
    await this.ds.transaction(async (tx) => {
      const lc = await this.locked(ctx, tx, id);
      await this.postIn(tx, ctx, lc);
    });
    return this.get(ctx, id);
  }

  /** A draft is simply cancelled; a posted one takes out exactly what its posting added. */
  async cancel(ctx: Context, id: string): Promise<LandedCost> {
    await this.ds.transaction(async (tx) => {
      const lc = await this.locked(ctx, tx, id);
      if (lc.status === LandedCostStatus.CANCELLED)
        throw new DomainError(ErrorCode.LANDED_COST_CANCELLED, `Landed cost ${lc.number} is already cancelled.`, {
          status: lc.status,
        });
      const settings = await companySettings(tx);
      if (lc.status === LandedCostStatus.POSTED) {
        assertPeriodOpen(settings, lc.businessDate);
        // the amounts its posting gave each entry, taken out again
        const given = await valuesGivenBy(tx, TYPE, lc.id);
        await this.posting.adjustValues(
          tx,
          { id: lc.id, type: TYPE, number: lc.number, businessDate: lc.businessDate, action: 'cancel' },
          given.map((g) => ({ entryId: g.entryId, value: D(g.value).neg().toFixed(2) })),
          settings.costingMethod as CostingMethod,
        );
      }
      const at = now();
      await tx.update(LandedCost, { id: lc.id }, { status: LandedCostStatus.CANCELLED, cancelledAt: at });
      await this.audit.record(tx, ctx, {
        action: 'landedCost.cancel',
        entityType: 'LandedCost',
        entityId: lc.id,
        before: { status: lc.status },
        after: { status: LandedCostStatus.CANCELLED },
      });
    });
    return this.get(ctx, id);
  }

  // ---------- inside ----------

  private async locked(ctx: Context, tx: EntityManager, id: string): Promise<LandedCost> {
    const found = await this.get(ctx, id, tx);
    await lockRows(tx, 'landed_cost', [found.id]);
    return tx.findOneByOrFail(LandedCost, { id: found.id });
  }

  private async postIn(tx: EntityManager, ctx: Context, lc: LandedCost) {
    if (lc.status !== LandedCostStatus.DRAFT)
      throw new DomainError(
        ErrorCode.LANDED_COST_NOT_DRAFT,
        `Landed cost ${lc.number} is ${lc.status}: only a draft can be posted.`,
        { status: lc.status },
      );
    const settings = await companySettings(tx);
    assertPeriodOpen(settings, lc.businessDate);
    const lines = await tx.find(LandedCostLine, { where: { landedCostId: lc.id }, order: { lineNo: 'ASC' } });
    const shares = await this.allocate(tx, lc.receiptId, lines, null);
    // a receipt line has its entries (one per bin and batch): its share is split over them by quantity
    const entries = await ledgerEntriesOf(tx, 'purchase_receipt', lc.receiptId, 'in');
    const adjustments: ValueAdjustment[] = [];
    for (const s of shares) {
      const own = entries.filter((e) => e.documentLineId === Number(s.receiptLineId) && D(e.qty).gt(0));
      if (!own.length || D(s.amount!).isZero()) continue;
      const parts = allocateByWeight(
        s.amount!,
        own.map((e) => D(e.qty).toFixed(6)),
      );
      own.forEach((e, i) => adjustments.push({ entryId: String(e.id), value: parts[i] }));
    }
    await this.posting.adjustValues(
      tx,
      { id: lc.id, type: TYPE, number: lc.number, businessDate: lc.businessDate, action: 'post' },
      adjustments,
      settings.costingMethod as CostingMethod,
    );
    await tx.update(LandedCost, { id: lc.id }, { status: LandedCostStatus.POSTED, postedAt: now() });
    await this.audit.record(tx, ctx, {
      action: 'landedCost.post',
      entityType: 'LandedCost',
      entityId: lc.id,
      after: { number: lc.number, shares: shares.map((s) => ({ receiptLineId: s.receiptLineId, amount: s.amount })) },
    });
  }

  /** Checks the input against the receipt; the cost lines as they will be saved. */
  private async check(tx: EntityManager, receipt: PurchaseReceipt, input: LandedCostInput): Promise<CostLine[]> {
    const entries = await ledgerEntriesOf(tx, 'purchase_receipt', receipt.id, 'in');
    if (!receipt.number || !entries.length)
      throw new DomainError(
        ErrorCode.RECEIPT_NOT_POSTED,
        `Receipt ${receipt.number ?? `#${receipt.id}`} has no posted goods: landed costs go on a posted receipt with accepted units.`,
        { receiptId: String(receipt.id) },
      );
    const problems: FieldProblem[] = [];
    if (!input.lines?.length) problems.push({ field: 'lines', message: 'Add at least one cost line.' });
    const supplierIds = [...new Set(input.lines.map((l) => Number(l.supplierId)).filter((n) => n > 0))];
    const suppliers = await this.suppliers.byIds(supplierIds);
    input.lines.forEach((l, i) => {
      const at = (f: string) => `lines[${i}].${f}`;
      let a: Decimal | null;
      try {
        a = D(l.amount);
      } catch {
        a = null;
      }
      if (!a || !a.isFinite()) problems.push({ field: at('amount'), message: 'A decimal amount, like 40.00.' });
      else if (!a.gt(0)) problems.push({ field: at('amount'), message: 'The amount must be more than zero.' });
      else if (a.decimalPlaces() > 2) problems.push({ field: at('amount'), message: 'At most 2 decimal places.' });
      if (l.supplierId && !suppliers.some((s) => s.id === Number(l.supplierId)))
        problems.push({ field: at('supplierId'), message: 'No such supplier.' });
    });
    if (problems.length) throw badInput(problems, 'The landed cost has problems; nothing was saved.');
    if (input.lines.some((l) => l.basis === LandedCostBasis.WEIGHT))
      throw new DomainError(
        ErrorCode.LANDED_COST_NO_WEIGHT,
        'The catalogue keeps no weight for products or SKUs, so costs cannot be allocated by weight: allocate by value or quantity.',
        { lines: input.lines.map((l, i) => (l.basis === LandedCostBasis.WEIGHT ? i : -1)).filter((i) => i >= 0) },
      );
    const lines = input.lines.map((l) => ({
      kind: l.kind,
      basis: l.basis,
      amount: D(l.amount).toFixed(2),
      supplierId: l.supplierId ? Number(l.supplierId) : null,
      memo: l.memo?.trim() ?? '',
    }));
    await this.allocate(tx, receipt.id, lines, null);
    return lines;
  }

  /**
   * Each cost line split over the receipt's accepted lines by its basis, summed per receipt line,
   * with the unit cost before (purchase value and the other posted landed costs) and after.
   * `self`: a posted landed cost whose own amounts are already in the ledger.
   */
  private async allocate(
    tx: EntityManager,
    receiptId: number,
    lines: CostLine[],
    self: number | null,
  ): Promise<LandedCostAllocation[]> {
    const rlines = (await tx.find(PurchaseReceiptLine, { where: { receiptId }, order: { lineNo: 'ASC' } })).filter(
      (l) => D(l.acceptedQty).gt(0),
    );
    const share = new Map<number, Decimal>(rlines.map((l) => [l.id, D(0)]));
    lines.forEach((c, i) => {
      const weights = rlines.map((l) => (c.basis === LandedCostBasis.VALUE ? D(l.value ?? 0) : D(l.acceptedQty)));
      if (!weights.some((w) => w.gt(0)))
        throw new DomainError(
          ErrorCode.LANDED_COST_BASIS_ZERO,
          `The receipt's lines add up to zero by ${c.basis}: cost line ${i + 1} cannot be allocated that way.`,
          { line: i, basis: c.basis },
        );
      const parts = allocateByWeight(
        c.amount!,
        weights.map((w) => w.toFixed(6)),
      );
      rlines.forEach((l, k) => share.set(l.id, share.get(l.id)!.plus(parts[k])));
    });
    // landed costs posted so far, per receipt line (this one's own left out)
    const earlier = await valuesGivenTo(tx, 'purchase_receipt', receiptId, self ? { type: TYPE, id: self } : undefined);
    return rlines.map((l) => {
      const qty = D(l.acceptedQty);
      const before = D(l.value ?? 0).plus(earlier.get(l.id) ?? 0);
      const amount = share.get(l.id)!;
      return Object.assign(new LandedCostAllocation(), {
        receiptLineId: String(l.id),
        lineNo: l.lineNo,
        skuId: String(l.skuId),
        qty: qty.toFixed(),
        value: D(l.value ?? 0).toFixed(2),
        amount: amount.toFixed(2),
        unitCostBefore: before.div(qty).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6),
        unitCostAfter: before.plus(amount).div(qty).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6),
      });
    });
  }
}
