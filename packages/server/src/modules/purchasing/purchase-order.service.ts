import { Decimal } from 'decimal.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { emitEvent, typed } from '../../core/events';
import { badInput, conflict, DomainError, forbidden, notFound, type FieldProblem } from '../../core/errors';
import { nextNumber } from '../../core/numbering';
import { clampPage, pageNewestFirst, type KeysetPage, type PageInput } from '../../core/paging';
import { P, type Permission } from '../../core/permissions/catalogue';
import { can } from '../../core/permissions/guard';
import { AlertKind, type NewAlert } from '../alerts';
import type { AuditService } from '../audit';
import { unknownRoleCodes } from '../auth';
import { skuLines } from '../catalog';
import type { SupplierService } from '../partners';
import { findWarehouse } from '../stock';
import { companySettings, patternFor } from '../system';
import {
  ApprovalDecision,
  PurchaseApprovalStep,
  PurchaseOrder,
  PurchaseOrderApproval,
  PurchaseOrderLine,
  PurchaseOrderStatus,
  type ApprovalPlanStep,
} from './purchase-order.entity';
import type {
  ApprovalStepInput,
  CreatePurchaseOrderInput,
  PurchaseOrderFilter,
  PurchaseOrderLineInput,
  UpdatePurchaseOrderInput,
} from './purchasing.types';
import { now } from '../../core/dates';
import { today } from '../../core/dates';
import { actionsIn, allows, purchaseOrderLifecycle } from '../../domain/lifecycle';
import { DocumentAction as A } from '../../core/actions';

const D = (s: string | number) => new Decimal(s);
const S = PurchaseOrderStatus;

const snapshot = (o: PurchaseOrder, lines: PurchaseOrderLine[]) => ({
  number: o.number,
  status: o.status,
  supplierId: o.supplierId,
  warehouseId: o.warehouseId,
  orderDate: o.orderDate,
  expectedDate: o.expectedDate,
  memo: o.memo,
  total: o.total,
  version: o.version,
  lines: lines.map((l) => ({
    skuId: l.skuId,
    qty: l.qty,
    price: l.price,
    agreedPrice: l.agreedPrice,
    priceDeviates: l.priceDeviates,
  })),
});

export const stateError = (o: PurchaseOrder, action: string) =>
  new DomainError(
    'DOCUMENT_STATE',
    `Order ${o.number ?? `#${o.id}`} is ${o.status.replace('_', ' ')}; it cannot be ${action}.`,
    { status: o.status },
  );

/** Locks rows for the rest of the transaction (MySQL); SQLite runs one writer at a time anyway. */

export class PurchaseOrderService {
  private alert: (tx: EntityManager, a: NewAlert) => Promise<void> = async () => undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly suppliers: SupplierService,
  ) {}

  /** Alerts are written through this, in the order's transaction (the alerts module's outbox). */
  useAlerts(write: (tx: EntityManager, a: NewAlert) => Promise<void>): void {
    this.alert = write;
  }

  /** The approvers of the level an order now waits for hear of it (its author never does). */
  private async awaitingDecision(tx: EntityManager, o: PurchaseOrder, step: ApprovalPlanStep): Promise<void> {
    await this.alert(tx, {
      kind: AlertKind.PO_AWAITING_APPROVAL,
      warehouseId: o.warehouseId,
      refType: 'purchase_order',
      refId: o.id,
      refNumber: o.number,
      payload: { level: step.level },
      audience: { roles: step.roleCodes, exclude: [o.createdBy] },
    });
  }

  // ---------- reading ----------

  inScope(ctx: Context, warehouseId: number) {
    const scope = ctx.user?.warehouseIds;
    return !scope || scope.includes(warehouseId);
  }

  async list(
    ctx: Context,
    filter?: PurchaseOrderFilter | null,
    page?: PageInput | null,
  ): Promise<KeysetPage<PurchaseOrder>> {
    const { offset, limit } = clampPage(page);
    const qb = this.ds.getRepository(PurchaseOrder).createQueryBuilder('o');
    const scope = ctx.user?.warehouseIds;
    if (scope) qb.andWhere('o.warehouse_id IN (:...scope)', { scope });
    if (filter?.status) qb.andWhere('o.status = :st', { st: filter.status });
    if (filter?.supplierId) qb.andWhere('o.supplier_id = :sid', { sid: Number(filter.supplierId) });
    if (filter?.warehouseId) qb.andWhere('o.warehouse_id = :wid', { wid: Number(filter.warehouseId) });
    if (filter?.number) qb.andWhere('o.number LIKE :n', { n: `%${filter.number}%` });
    if (filter?.from) qb.andWhere('o.order_date >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('o.order_date <= :to', { to: filter.to });
    if (filter?.awaitingMyDecision)
      qb.andWhere('o.status = :sub AND o.created_by <> :me', { sub: S.SUBMITTED, me: ctx.user!.id });
    if (filter?.awaitingMyDecision) {
      qb.orderBy('o.order_date', 'DESC').addOrderBy('o.id', 'DESC');
      // the pending level depends on decisions so far: filter in memory (submitted orders are few)
      const all = await qb.take(5000).getMany();
      const mine: PurchaseOrder[] = [];
      for (const o of all) if ((await this.pending(o)) && this.roleFor(ctx, (await this.pending(o))!)) mine.push(o);
      return {
        items: mine.slice(offset, offset + limit),
        total: mine.length,
        offset,
        limit,
        cursor: null,
        totalCapped: false,
      };
    }
    // newest order date first, ties by id: ids from IDX_purchase_order_date, keyset after a cursor
    return pageNewestFirst(qb, { alias: 'o', keyColumn: 'o.order_date', page });
  }

  async get(ctx: Context, id: string | number, tx: EntityManager = this.ds.manager): Promise<PurchaseOrder> {
    const o = await tx.findOne(PurchaseOrder, { where: { id: Number(id) || -1 } });
    // another warehouse's order answers like one that does not exist
    if (!o || !this.inScope(ctx, o.warehouseId)) throw notFound('This purchase order');
    return o;
  }

  lines(orderIds: number[], tx: EntityManager = this.ds.manager): Promise<PurchaseOrderLine[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return tx.find(PurchaseOrderLine, { where: { orderId: In(orderIds) }, order: { orderId: 'ASC', lineNo: 'ASC' } });
  }

  approvals(orderId: number, tx: EntityManager = this.ds.manager): Promise<PurchaseOrderApproval[]> {
    return tx.find(PurchaseOrderApproval, { where: { orderId }, order: { id: 'ASC' } });
  }

  /** The level a submitted order waits for; null otherwise. */
  async pending(o: PurchaseOrder, tx: EntityManager = this.ds.manager): Promise<ApprovalPlanStep | null> {
    if (o.status !== S.SUBMITTED) return null;
    const plan = JSON.parse(o.approvalPlan ?? '[]') as ApprovalPlanStep[];
    const done = new Set(
      (await this.approvals(o.id, tx))
        .filter((a) => a.round === o.approvalRound && a.decision === ApprovalDecision.APPROVE)
        .map((a) => a.level),
    );
    return plan.find((s) => !done.has(s.level)) ?? null;
  }

  /** What this user can do to the order now: its state, their permissions, and who decides the pending level. */
  async availableActions(ctx: Context, o: PurchaseOrder): Promise<A[]> {
    const needs: Record<string, Permission> = {
      [A.APPROVE]: P.PurchasingOrderApprove,
      [A.REJECT]: P.PurchasingOrderApprove,
      [A.RECEIVE]: P.PurchasingReceiptPost,
    };
    const out: A[] = [];
    for (const a of actionsIn(purchaseOrderLifecycle, o.status)) {
      if (!can(ctx, needs[a] ?? P.PurchasingOrderCreate)) continue;
      if (a === A.DELETE && o.number) continue;
      if (a === A.APPROVE || a === A.REJECT) {
        if (o.createdBy === ctx.user?.id) continue;
        const pending = await this.pending(o);
        if (!pending || !this.roleFor(ctx, pending)) continue;
      }
      out.push(a);
    }
    return out;
  }

  private roleFor(ctx: Context, step: ApprovalPlanStep): string | undefined {
    return ctx.user?.roles.find((r) => step.roleCodes.includes(r));
  }

  // ---------- drafts ----------

  /** Checks supplier, warehouse and lines; fills prices from the agreement. All problems at once, with field paths. */
  private async resolve(
    tx: EntityManager,
    ctx: Context,
    supplierId: number,
    warehouseId: number,
    orderDate: string,
    lines: PurchaseOrderLineInput[],
  ) {
    const problems: FieldProblem[] = [];
    const wh = await findWarehouse(tx, warehouseId);
    if (!wh || !this.inScope(ctx, warehouseId)) problems.push({ field: 'warehouseId', message: 'Unknown warehouse.' });
    else if (!wh.active) problems.push({ field: 'warehouseId', message: 'This warehouse is inactive.' });
    if (!lines.length) problems.push({ field: 'lines', message: 'Add at least one line.' });
    if (lines.length > 500) problems.push({ field: 'lines', message: 'At most 500 lines per order.' });
    if (lines.some((l) => l.price !== undefined && l.price !== null) && !can(ctx, P.CatalogPurchasePriceRead)) {
      throw forbidden('You may not set purchase prices.', { fields: ['PurchaseOrderLine.price'] });
    }
    const skuIds = [...new Set(lines.map((l) => Number(l.skuId)).filter((n) => n > 0))];
    const found = await skuLines(tx, skuIds);
    const agreements = await this.suppliers.pricesAt(supplierId, skuIds, orderDate, tx);
    const out: Array<Pick<PurchaseOrderLine, 'skuId' | 'qty' | 'price' | 'agreedPrice' | 'priceDeviates' | 'amount'>> =
      [];
    lines.forEach((l, i) => {
      const at = (f: string) => `lines[${i}].${f}`;
      const { sku, product } = found.get(Number(l.skuId)) ?? {};
      if (!sku || !product) return void problems.push({ field: at('skuId'), message: 'Unknown SKU.' });
      if (!sku.active || !product.active) problems.push({ field: at('skuId'), message: 'This SKU is inactive.' });
      const q = D(l.qty);
      if (!q.gt(0)) problems.push({ field: at('qty'), message: 'The quantity must be more than zero.' });
      else if (q.decimalPlaces() > product.unitScale)
        problems.push({
          field: at('qty'),
          message: `${product.baseUnit} allows ${product.unitScale} decimal place(s).`,
        });
      const agreement = agreements.find((a) => a.skuId === sku.id);
      const agreed = agreement?.price ?? null;
      if (agreement && q.gt(0) && q.lt(agreement.minOrderQty))
        problems.push({
          field: at('qty'),
          message: `The agreement's minimum order quantity is ${D(agreement.minOrderQty).toFixed()}.`,
        });
      let price: Decimal | null = null;
      if (l.price !== undefined && l.price !== null) {
        price = D(l.price);
        if (price.lt(0)) problems.push({ field: at('price'), message: 'A price cannot be negative.' });
        if (price.decimalPlaces() > 6) problems.push({ field: at('price'), message: 'At most 6 decimal places.' });
      } else if (agreed !== null) price = D(agreed);
      else
        problems.push({
          field: at('price'),
          message: 'This supplier has no agreed price for the SKU on the order date: give a price.',
        });
      if (!price || price.lt(0)) return;
      out.push({
        skuId: sku.id,
        qty: q.toFixed(6),
        price: price.toFixed(6),
        agreedPrice: agreed,
        // a line without an agreed price deviates from none (agreedPrice null says so)
        priceDeviates: agreed !== null && !price.eq(agreed),
        amount: q.times(price).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      });
    });
    if (problems.length) throw badInput(problems, 'The order has problems; nothing was saved.');
    return { rows: out, total: out.reduce((s, r) => s.plus(r.amount!), D(0)).toFixed(2) };
  }

  private async writeLines(tx: EntityManager, orderId: number, rows: Array<Partial<PurchaseOrderLine>>) {
    await tx.delete(PurchaseOrderLine, { orderId });
    return tx.save(
      rows.map((r, i) =>
        tx.create(PurchaseOrderLine, {
          ...r,
          orderId,
          lineNo: i + 1,
          receivedQty: '0',
          rejectedQty: '0',
          returnedQty: '0',
          invoicedQty: '0',
        }),
      ),
    );
  }

  async create(ctx: Context, input: CreatePurchaseOrderInput): Promise<PurchaseOrder> {
    return inTransaction(this.ds, (tx) => this.createIn(tx, ctx, input));
  }

  /** A draft inside the caller's transaction (replenishment creates several in one). */
  async createIn(tx: EntityManager, ctx: Context, input: CreatePurchaseOrderInput): Promise<PurchaseOrder> {
    {
      const orderDate = input.orderDate ?? today();
      const supplier = await this.suppliers.assertOrderable(tx, Number(input.supplierId) || -1, orderDate);
      const warehouseId = Number(input.warehouseId) || -1;
      const { rows, total } = await this.resolve(tx, ctx, supplier.id, warehouseId, orderDate, input.lines);
      const o = await tx.save(
        tx.create(PurchaseOrder, {
          number: null,
          status: S.DRAFT,
          supplierId: supplier.id,
          warehouseId,
          orderDate,
          expectedDate: input.expectedDate ?? null,
          memo: input.memo ?? '',
          total,
          createdBy: ctx.user!.id,
          createdAt: now(),
          approvalPlan: null,
          approvalRound: 0,
          version: 1,
        }),
      );
      const lines = await this.writeLines(tx, o.id, rows);
      await this.audit.record(tx, ctx, {
        action: 'purchaseOrder.create',
        entityType: 'PurchaseOrder',
        entityId: o.id,
        after: snapshot(o, lines),
      });
      return o;
    }
  }

  /** Drafts and rejected orders can be edited; a rejected one goes back to draft. */
  async update(ctx: Context, input: UpdatePurchaseOrderInput): Promise<PurchaseOrder> {
    return inTransaction(this.ds, async (tx) => {
      const before = await this.get(ctx, input.id, tx);
      if (!allows(purchaseOrderLifecycle, A.EDIT, before.status)) throw stateError(before, 'edited');
      const beforeLines = await this.lines([before.id], tx);
      const orderDate = input.orderDate ?? before.orderDate;
      const warehouseId = input.warehouseId ? Number(input.warehouseId) || -1 : before.warehouseId;
      const patch: Partial<PurchaseOrder> = { version: input.version + 1, status: S.DRAFT, orderDate, warehouseId };
      if (input.expectedDate) patch.expectedDate = input.expectedDate;
      if (input.memo !== undefined && input.memo !== null) patch.memo = input.memo;
      const inputLines: PurchaseOrderLineInput[] =
        input.lines ??
        // a price typed (off the agreement, or with none) stays; an agreed one is looked up again
        beforeLines.map((l) => ({
          skuId: String(l.skuId),
          qty: l.qty,
          price: l.priceDeviates || l.agreedPrice === null ? l.price! : undefined,
        }));
      const { rows, total } = await this.resolve(tx, ctx, before.supplierId, warehouseId, orderDate, inputLines);
      patch.total = total;
      const res = await tx
        .createQueryBuilder()
        .update(PurchaseOrder)
        .set(patch)
        .where('id = :id AND version = :v', { id: before.id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const lines = await this.writeLines(tx, before.id, rows);
      const after = await tx.findOneByOrFail(PurchaseOrder, { id: before.id });
      await this.audit.record(tx, ctx, {
        action: 'purchaseOrder.update',
        entityType: 'PurchaseOrder',
        entityId: after.id,
        before: snapshot(before, beforeLines),
        after: snapshot(after, lines),
      });
      return after;
    });
  }

  async deleteDraft(ctx: Context, id: string): Promise<boolean> {
    return inTransaction(this.ds, async (tx) => {
      const o = await this.get(ctx, id, tx);
      if (!allows(purchaseOrderLifecycle, A.DELETE, o.status) || o.number)
        throw stateError(o, 'deleted (only unnumbered drafts can; cancel it instead)');
      const lines = await this.lines([o.id], tx);
      await tx.delete(PurchaseOrderLine, { orderId: o.id });
      await tx.delete(PurchaseOrder, { id: o.id });
      await this.audit.record(tx, ctx, {
        action: 'purchaseOrder.delete',
        entityType: 'PurchaseOrder',
        entityId: o.id,
        before: snapshot(o, lines),
      });
      return true;
    });
  }

  // ---------- approval ----------

  /** Moves a guarded status: the row must still be in `from` at `version`, or someone else got there first. */
  private async move(tx: EntityManager, o: PurchaseOrder, from: PurchaseOrderStatus[], patch: Partial<PurchaseOrder>) {
    const res = await tx
      .createQueryBuilder()
      .update(PurchaseOrder)
      .set({ ...patch, version: o.version + 1 })
      .where('id = :id AND version = :v AND status IN (:...from)', { id: o.id, v: o.version, from })
      .execute();
    if (!res.affected)
      throw new DomainError('DOCUMENT_STATE', 'This order changed a moment ago; reload it.', { status: o.status });
  }

  async submit(ctx: Context, id: string): Promise<PurchaseOrder> {
    return inTransaction(this.ds, async (tx) => {
      const o = await this.get(ctx, id, tx);
      if (!allows(purchaseOrderLifecycle, A.SUBMIT, o.status)) throw stateError(o, 'submitted');
      await this.suppliers.assertOrderable(tx, o.supplierId, o.orderDate);
      const steps = await tx.find(PurchaseApprovalStep, { order: { level: 'ASC' } });
      const plan: ApprovalPlanStep[] = steps
        .filter((s) => D(s.minAmount).lte(o.total!))
        .map((s) => ({ level: s.level, minAmount: s.minAmount, roleCodes: s.roleCodes }));
      const settings = await companySettings(tx);
      const number =
        o.number ?? (await nextNumber(tx, 'purchase_order', o.orderDate, patternFor(settings, 'purchase_order')));
      const status = plan.length ? S.SUBMITTED : S.APPROVED;
      await this.move(tx, o, [S.DRAFT, S.REJECTED], {
        status,
        number,
        submittedAt: now(),
        approvalPlan: JSON.stringify(plan),
        approvalRound: o.approvalRound + 1,
        ...(status === S.APPROVED ? { approvedAt: now() } : {}),
      });
      await this.audit.record(tx, ctx, {
        action: 'purchaseOrder.submit',
        entityType: 'PurchaseOrder',
        entityId: o.id,
        after: { number, status, approvalPlan: plan },
      });
      const saved = await tx.findOneByOrFail(PurchaseOrder, { id: o.id });
      if (status === S.SUBMITTED) await this.awaitingDecision(tx, saved, plan[0]);
      return saved;
    });
  }

  /** Checks who may decide the pending level; returns the steps this user decides now. */
  private async decidable(
    tx: EntityManager,
    ctx: Context,
    o: PurchaseOrder,
  ): Promise<{ steps: ApprovalPlanStep[]; role: string }> {
    if (!allows(purchaseOrderLifecycle, A.APPROVE, o.status))
      throw stateError(o, 'approved or rejected (only a submitted order can)');
    if (o.createdBy === ctx.user!.id)
      throw new DomainError(
        'SELF_APPROVAL',
        'Nobody approves or rejects their own order: another approver has to decide.',
        { orderId: o.id },
      );
    const plan = JSON.parse(o.approvalPlan ?? '[]') as ApprovalPlanStep[];
    const pending = (await this.pending(o, tx))!;
    const role = this.roleFor(ctx, pending);
    if (!role) {
      const outside = plan.filter((s) => !this.roleFor(ctx, s));
      const limit = outside.length
        ? outside.reduce((m, s) => (D(s.minAmount).lt(m) ? D(s.minAmount) : m), D(outside[0].minAmount))
        : D(0);
      const amount = can(ctx, P.CatalogPurchasePriceRead) ? `This order totals ${o.total}; y` : 'Y';
      throw new DomainError(
        'APPROVAL_LIMIT',
        `${amount}our approval limit is ${limit.toFixed(2)}. Level ${pending.level} (orders from ${D(pending.minAmount).toFixed(2)}) is decided by: ${pending.roleCodes.join(', ')}.`,
        { level: pending.level, minAmount: pending.minAmount, roleCodes: pending.roleCodes, limit: limit.toFixed(2) },
      );
    }
    // a higher authority covers the following levels it also holds
    const steps = [pending];
    for (const s of plan.filter((x) => x.level > pending.level)) {
      if (!this.roleFor(ctx, s)) break;
      steps.push(s);
    }
    return { steps, role };
  }

  async approve(ctx: Context, id: string, comment?: string | null): Promise<PurchaseOrder> {
    return inTransaction(this.ds, async (tx) => {
      const o = await this.get(ctx, id, tx);
      const { steps, role } = await this.decidable(tx, ctx, o);
      const plan = JSON.parse(o.approvalPlan ?? '[]') as ApprovalPlanStep[];
      const last = steps[steps.length - 1].level === plan[plan.length - 1].level;
      await this.move(tx, o, [S.SUBMITTED], last ? { status: S.APPROVED, approvedAt: now() } : {});
      for (const s of steps) {
        await tx.insert(PurchaseOrderApproval, {
          orderId: o.id,
          round: o.approvalRound,
          level: s.level,
          decision: ApprovalDecision.APPROVE,
          userId: ctx.user!.id,
          userName: ctx.user!.displayName,
          roleCode: role,
          comment: comment?.trim() ?? '',
          at: now(),
        });
      }
      await this.audit.record(tx, ctx, {
        action: 'purchaseOrder.approve',
        entityType: 'PurchaseOrder',
        entityId: o.id,
        after: { levels: steps.map((s) => s.level), status: last ? S.APPROVED : S.SUBMITTED, comment },
      });
      const saved = await tx.findOneByOrFail(PurchaseOrder, { id: o.id });
      const next = last ? null : plan.find((s) => s.level > steps[steps.length - 1].level);
      if (next) await this.awaitingDecision(tx, saved, next);
      return saved;
    });
  }

  async reject(ctx: Context, id: string, comment: string): Promise<PurchaseOrder> {
    if (!comment?.trim())
      throw badInput([{ field: 'comment', message: 'Say why the order is rejected.' }], 'A rejection needs a comment.');
    return inTransaction(this.ds, async (tx) => {
      const o = await this.get(ctx, id, tx);
      const { steps, role } = await this.decidable(tx, ctx, o);
      await this.move(tx, o, [S.SUBMITTED], { status: S.REJECTED });
      await tx.insert(PurchaseOrderApproval, {
        orderId: o.id,
        round: o.approvalRound,
        level: steps[0].level,
        decision: ApprovalDecision.REJECT,
        userId: ctx.user!.id,
        userName: ctx.user!.displayName,
        roleCode: role,
        comment: comment.trim(),
        at: now(),
      });
      await this.audit.record(tx, ctx, {
        action: 'purchaseOrder.reject',
        entityType: 'PurchaseOrder',
        entityId: o.id,
        after: { level: steps[0].level, status: S.REJECTED, comment },
      });
      return tx.findOneByOrFail(PurchaseOrder, { id: o.id });
    });
  }

  /**
   * Nothing received yet: the order is called off. Its `document.cancelled` event lets the 3PL that
   * was announced the goods cancel its notice (or refuse: then the cancellation is refused whole).
   */
  async cancel(ctx: Context, id: string): Promise<PurchaseOrder> {
    return inTransaction(this.ds, async (tx) => {
      const o = await this.get(ctx, id, tx);
      const from = purchaseOrderLifecycle[A.CANCEL] as readonly string[] as PurchaseOrderStatus[];
      if (!from.includes(o.status)) throw stateError(o, 'cancelled (goods were received: close it instead)');
      await this.move(tx, o, from, { status: S.CANCELLED, closedAt: now() });
      await this.audit.record(tx, ctx, {
        action: 'purchaseOrder.cancel',
        entityType: 'PurchaseOrder',
        entityId: o.id,
        before: { status: o.status },
        after: { status: S.CANCELLED },
      });
      await emitEvent(tx, cancelledEvent(o, S.CANCELLED));
      return tx.findOneByOrFail(PurchaseOrder, { id: o.id });
    });
  }

  /**
   * No more receipts expected (short-closed or complete): what is still open is called off, so it says
   * `document.cancelled` too (status closed), and a 3PL's open notice for it is cancelled the same way.
   */
  async close(ctx: Context, id: string): Promise<PurchaseOrder> {
    return inTransaction(this.ds, async (tx) => {
      const o = await this.get(ctx, id, tx);
      const from = purchaseOrderLifecycle[A.CLOSE] as readonly string[] as PurchaseOrderStatus[];
      if (!from.includes(o.status)) throw stateError(o, 'closed');
      await this.move(tx, o, from, { status: S.CLOSED, closedAt: now() });
      await this.audit.record(tx, ctx, {
        action: 'purchaseOrder.close',
        entityType: 'PurchaseOrder',
        entityId: o.id,
        before: { status: o.status },
        after: { status: S.CLOSED },
      });
      await emitEvent(tx, cancelledEvent(o, S.CLOSED));
      return tx.findOneByOrFail(PurchaseOrder, { id: o.id });
    });
  }

  // ---------- approval rules ----------

  steps(): Promise<PurchaseApprovalStep[]> {
    return this.ds.getRepository(PurchaseApprovalStep).find({ order: { level: 'ASC' } });
  }

  async saveStep(ctx: Context, input: ApprovalStepInput): Promise<PurchaseApprovalStep> {
    const problems: FieldProblem[] = [];
    if (input.level < 1 || input.level > 20) problems.push({ field: 'level', message: 'A level from 1 to 20.' });
    const min = D(input.minAmount);
    if (min.lt(0) || min.decimalPlaces() > 2)
      problems.push({ field: 'minAmount', message: 'An amount of zero or more with at most 2 decimals.' });
    const codes = [...new Set(input.roleCodes.map((c) => c.trim()).filter(Boolean))];
    if (!codes.length) problems.push({ field: 'roleCodes', message: 'Name at least one role.' });
    if (problems.length) throw badInput(problems);
    return inTransaction(this.ds, async (tx) => {
      const unknown = await unknownRoleCodes(tx, codes);
      if (unknown.length) throw badInput([{ field: 'roleCodes', message: `Unknown role(s): ${unknown.join(', ')}.` }]);
      const clash = await tx.findOne(PurchaseApprovalStep, { where: { level: input.level } });
      if (clash && String(clash.id) !== input.id)
        throw badInput([{ field: 'level', message: `Level ${input.level} exists already.` }]);
      if (!input.id) {
        const row = await tx.save(
          tx.create(PurchaseApprovalStep, {
            level: input.level,
            minAmount: min.toFixed(2),
            roleCodes: codes,
            version: 1,
          }),
        );
        await this.audit.record(tx, ctx, {
          action: 'purchaseApprovalStep.create',
          entityType: 'PurchaseApprovalStep',
          entityId: row.id,
          after: { level: row.level, minAmount: row.minAmount, roleCodes: codes },
        });
        return row;
      }
      const before = await tx.findOne(PurchaseApprovalStep, { where: { id: Number(input.id) || -1 } });
      if (!before) throw notFound('This approval step');
      const v = input.version ?? -1;
      const res = await tx
        .createQueryBuilder()
        .update(PurchaseApprovalStep)
        .set({ level: input.level, minAmount: min.toFixed(2), roleCodes: codes, version: v + 1 })
        .where('id = :id AND version = :v', { id: before.id, v })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneByOrFail(PurchaseApprovalStep, { id: before.id });
      await this.audit.record(tx, ctx, {
        action: 'purchaseApprovalStep.update',
        entityType: 'PurchaseApprovalStep',
        entityId: before.id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async deleteStep(ctx: Context, id: string): Promise<boolean> {
    return inTransaction(this.ds, async (tx) => {
      const before = await tx.findOne(PurchaseApprovalStep, { where: { id: Number(id) || -1 } });
      if (!before) throw notFound('This approval step');
      await tx.delete(PurchaseApprovalStep, { id: before.id });
      await this.audit.record(tx, ctx, {
        action: 'purchaseApprovalStep.delete',
        entityType: 'PurchaseApprovalStep',
        entityId: before.id,
        before: { ...before },
      });
      return true;
    });
  }
}

/** The seeded rules: level 1 from 0 by a purchaser or a manager, level 2 from 5,000.00 by a manager. */
export const DEFAULT_APPROVAL_STEPS = [
  { level: 1, minAmount: '0.00', roleCodes: ['purchaser', 'manager'] },
  { level: 2, minAmount: '5000.00', roleCodes: ['manager'] },
];

/** A purchase order called off (cancelled, or closed with the rest): the event, without prices. */
function cancelledEvent(o: PurchaseOrder, status: PurchaseOrderStatus) {
  return {
    type: 'document.cancelled' as const,
    ref: { type: 'purchase_order', id: o.id, number: o.number },
    warehouseId: o.warehouseId,
    data: {
      order: typed('PurchaseOrder', {
        id: String(o.id),
        number: o.number,
        status,
        supplierId: String(o.supplierId),
        warehouseId: String(o.warehouseId),
      }),
    },
  };
}
