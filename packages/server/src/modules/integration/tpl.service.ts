import { AsyncLocalStorage } from 'node:async_hooks';
import { Decimal } from 'decimal.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { perRequest, type Context } from '../../core/context';
import { now, today } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { onDomainEvent } from '../../core/events';
import { outsideBudget } from '../../core/guard';
import { badInput, DomainError, ErrorCode, notFound } from '../../core/errors';
import { leaseUntil, type Every } from '../../core/jobs';
import { drainDue, OutboxWorker } from '../../core/outbox';
import { lockRows } from '../../core/sql';
import type { AuditService } from '../audit';
import { userGrants } from '../auth';
import { skuByCodeOrBarcode, skuLines } from '../catalog';
import { openQty, type PurchaseOrderService, type PurchaseReceiptService } from '../purchasing';
import { orderToShip, type SalesFulfilmentService, type SalesOrderService } from '../sales';
import {
  costHeads,
  documentNumbers,
  findWarehouse,
  StockDocType,
  transferOf,
  type DocRef,
  type PostingService,
  type StockDocumentService,
  type StockMove,
} from '../stock';
import { TplClient, TplError, type TplApi, type TplConfirmationIn } from './tpl-client';
import {
  cancelledReview,
  cancelSplitReview,
  failedReview,
  overReview,
  shortReview,
  stockDiffReview,
  unknownRequestReview,
  unknownSkuReview,
  type TplReviewLineParams,
  type TplReviewText,
} from './tpl-review';
import {
  TplConfirmation,
  TplConfirmationState,
  TplConnection,
  TplRequest,
  TplRequestKind,
  TplRequestStatus,
  TplReview,
  TplReviewKind,
  TplReviewStatus,
  type TplRequestLine,
} from './tpl.entity';

const D = (v: Decimal.Value) => new Decimal(v);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A quantity as the 3PL wrote it, or null when it is none (no exponent, no NaN). */
const quantity = (s: string): Decimal | null => (/^-?\d{1,12}(\.\d{1,6})?$/.test(s.trim()) ? D(s.trim()) : null);

/** Set while a 3PL confirmation (or a resolved review item) posts: the one way goods move in a 3PL warehouse. */
const confirming = new AsyncLocalStorage<boolean>();

const isUniqueViolation = (e: unknown) => {
  const err = e as { code?: string; driverError?: { code?: string }; message?: string };
  const code = err.driverError?.code ?? err.code;
  return (
    code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err.message ?? '')
  );
};

export interface TplPullResult {
  received: number;
  duplicates: number;
  posted: number;
  review: number;
}

export interface TplOptions {
  /** how long a sender holds a request while it calls the 3PL */
  leaseMs?: number;
  /** the first retry's delay; doubled per attempt up to an hour */
  backoffMs?: number;
}

/**
 * Third-party warehouses (3PL). A warehouse with an active connection is run by the 3PL: a posting
 * guard refuses a keeper's sales shipment, transfer out or purchase receipt there
 * (`TPL_OPERATED`); instead a person sends a request (a sales order's open lines, a transfer, or a
 * purchase order's open lines as an advance shipping notice), written as the outbox row
 * `tpl_request` in its own transaction and sent by the worker `tpl.send` with retries and backoff.
 *
 * Confirmations are pulled from the 3PL's feed (`tpl.pull`): each is stored first, once per
 * confirmation id (a unique key), and only then posted: a sales shipment or a purchase receipt
 * through their services with the idempotency key `tpl:<confirmation row>` (a crash between the
 * posting and marking the row posted posts nothing twice: the retry gets the first result), a
 * transfer in the same transaction as the mark. Short confirmations post what came and leave a review
 * item; more than requested, a SKU not requested, an unknown request, or a posting the engine refuses
 * change nothing and land on the review list. The daily snapshot is compared with the book; each
 * difference is a review item that a person resolves by an adjustment with a reason, or dismisses.
 */
export class TplService {
  readonly sender = new OutboxWorker('tpl.send', () => this.sendDue());
  readonly puller = new OutboxWorker('tpl.pull', () => this.pullAll());
  private readonly leaseMs: number;
  private readonly backoffMs: number;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    posting: PostingService,
    private readonly salesOrders: SalesOrderService,
    private readonly fulfilment: SalesFulfilmentService,
    private readonly purchaseOrders: PurchaseOrderService,
    private readonly receipts: PurchaseReceiptService,
    private readonly stockDocuments: StockDocumentService,
    private readonly api: (c: TplConnection) => TplApi = (c) => new TplClient(c),
    opts: TplOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.backoffMs = opts.backoffMs ?? 5_000;
    posting.addGuard((tx, doc, moves) => this.guard(tx, doc, moves));
    // a transfer leaving for a 3PL's warehouse: its advance shipping notice, in the posting's transaction
    posting.onPosted(async (tx, doc, _changes, moves) => {
      if (doc.type !== StockDocType.TRANSFER || !moves.some((m) => D(m.qty).lt(0))) return;
      return (number) => this.announceTransfer(tx, doc.id, number);
    });
    // a sales order confirmed in a 3PL's warehouse: its shipment request, in the confirmation's transaction
    onDomainEvent(
      ds,
      async (tx, e) => {
        if (e.type !== 'order.confirmed' || e.ref.type !== 'sales_order' || !e.warehouseId) return;
        const c = await tx.findOne(TplConnection, { where: { warehouseId: e.warehouseId, active: true } });
        if (!c) return;
        await this.shipmentRequest(tx, null, c, e.ref.id);
        this.sender.soon();
      },
      (type) => type === 'order.confirmed',
    );
    // a sales order, a purchase order (cancelled or closed) or a transfer into a 3PL's warehouse
    // cancelled: its open requests are cancelled at the 3PL
    onDomainEvent(
      ds,
      async (tx, e) => {
        if (e.type !== 'document.cancelled') return;
        const source =
          e.ref.type === 'sales_order' || e.ref.type === 'purchase_order'
            ? e.ref.type
            : e.ref.type === StockDocType.TRANSFER
              ? 'stock_document'
              : null;
        if (source) await this.cancelRequests(tx, source, e.ref.id, e.ref.number);
      },
      (type) => type === 'document.cancelled',
    );
  }

  /**
   * Cancels a document's open requests, in the cancellation's transaction. A request never sent is
   * just cancelled. The ones the 3PL may have received (sent, or an attempt made) are settled with
   * it in two steps, so that one the 3PL refuses does not leave another cancelled there alone:
   *
   * 1. the 3PL is asked about every one whether it may still be cancelled (cancelling nothing); one
   *    it has shipped (TPL_CANCEL_REFUSED) or a 3PL that does not answer (TPL_UNAVAILABLE) refuses the
   *    cancellation whole: nothing changes here or there, and a confirmation posts the goods as usual;
   * 2. then each is cancelled there. Should the 3PL refuse or fall silent now (it shipped, or went
   *    down, since the question), the cancellation is still refused whole, but the requests it has
   *    cancelled already are not forgotten: once this transaction has ended, every request the 3PL
   *    cancelled that the book still holds open is marked cancelled and gets a review item
   *    (`cancel_split`) naming the document and why it was kept, so a person sends it again or
   *    cancels the document once the 3PL settles. The same check catches a cancellation that fails
   *    after the 3PL said yes for any other reason (the transaction not committing).
   *
   * Calling the 3PL inside the transaction holds the document's lock for those calls, on purpose:
   * the answers decide whether the cancellation may commit.
   */
  private async cancelRequests(
    tx: EntityManager,
    sourceType: string,
    sourceId: number,
    sourceNumber?: string | null,
  ): Promise<void> {
    const found = await tx.find(TplRequest, {
      where: { sourceType, sourceId, status: In([TplRequestStatus.QUEUED, TplRequestStatus.SENT]) },
      order: { id: 'ASC' },
    });
    if (!found.length) return;
    await this.cancelAtTpl(tx, found, sourceNumber ?? found[0].sourceNumber);
  }

  /** The two steps of `cancelRequests` for these requests (locked here), then marks them cancelled. */
  private async cancelAtTpl(tx: EntityManager, found: TplRequest[], sourceNumber: string): Promise<void> {
    await lockRows(
      tx,
      'tpl_request',
      found.map((r) => r.id),
    );
    const open = (
      await tx.find(TplRequest, {
        where: { id: In(found.map((r) => r.id)) },
        order: { id: 'ASC' },
      })
    ).filter((r) => r.status === TplRequestStatus.QUEUED || r.status === TplRequestStatus.SENT);
    if (!open.length) return;
    const there = open.filter((r) => r.status === TplRequestStatus.SENT || r.attempts > 0);
    const connections = new Map<number, TplConnection>();
    for (const r of there)
      if (!connections.has(r.connectionId)) connections.set(r.connectionId, await this.connection(tx, r.connectionId));
    // 1. may each still be cancelled? (nothing is cancelled yet)
    for (const r of there) {
      const c = connections.get(r.connectionId)!;
      if ((await this.askTpl(c, r, (api) => api.cancellable(r.ref))) === 'refused') throw this.refused(c, r);
    }
    // 2. cancel each; a late refusal or silence leaves the ones cancelled there to the check after this transaction
    const cancelled: TplRequest[] = [];
    try {
      for (const r of there) {
        const c = connections.get(r.connectionId)!;
        if ((await this.askTpl(c, r, (api) => api.cancel(r.ref))) === 'refused') throw this.refused(c, r);
        cancelled.push(r);
      }
    } catch (e) {
      if (cancelled.length) this.checkCancelled(cancelled, sourceNumber, e);
      throw e;
    }
    if (cancelled.length) this.checkCancelled(cancelled, sourceNumber, null);
    await tx.update(
      TplRequest,
      { id: In(open.map((r) => r.id)) },
      { status: TplRequestStatus.CANCELLED, leaseUntil: null },
    );
  }

  /** One call to the 3PL about a request; a 3PL that does not answer is TPL_UNAVAILABLE (nothing changes). */
  private async askTpl<T>(c: TplConnection, r: TplRequest, call: (api: TplApi) => Promise<T>): Promise<T> {
    try {
      return await call(this.api(c));
    } catch (e) {
      if (!(e instanceof TplError)) throw e;
      throw new DomainError(
        ErrorCode.TPL_UNAVAILABLE,
        `The 3PL "${c.name}" did not confirm that request ${r.ref} is cancelled (${e.message}); nothing was cancelled, try again.`,
        { request: r.ref, connectionId: c.id },
      );
    }
  }

  private refused(c: TplConnection, r: TplRequest): DomainError {
    return new DomainError(
      ErrorCode.TPL_CANCEL_REFUSED,
      `The 3PL "${c.name}" has shipped request ${r.ref} already and refuses to cancel it; nothing was cancelled. Its confirmation posts the goods.`,
      { request: r.ref, connectionId: c.id },
    );
  }

  /** The checks after cancellations the 3PL took (tests await them: `cancelChecks()`). */
  private readonly checks = new Set<Promise<void>>();

  async cancelChecks(): Promise<void> {
    while (this.checks.size) await Promise.all([...this.checks]);
  }

  /**
   * Requests the 3PL has cancelled: once the cancellation's transaction has ended (this waits for its
   * row locks; SQLite runs one transaction at a time), any the book still holds open (the
   * cancellation did not commit) is marked cancelled, as the 3PL has it, with a review item saying
   * why the document was kept. Not awaited by the cancellation: it runs after it.
   */
  private checkCancelled(requests: TplRequest[], sourceNumber: string, failure: unknown): void {
    const ids = requests.map((r) => r.id);
    const why =
      failure instanceof DomainError
        ? failure
        : new DomainError('DOCUMENT_STATE', `The cancellation of ${sourceNumber} did not complete.`);
    // outside the request's budget: the check outlives the request, its deadline must not cut it off
    const p = outsideBudget(() =>
      inTransaction(this.ds, async (tx) => {
        await lockRows(tx, 'tpl_request', ids);
        const still = await tx.find(TplRequest, {
          where: { id: In(ids), status: In([TplRequestStatus.QUEUED, TplRequestStatus.SENT]) },
          order: { id: 'ASC' },
        });
        if (!still.length) return; // the cancellation committed
        await tx.update(
          TplRequest,
          { id: In(still.map((r) => r.id)) },
          { status: TplRequestStatus.CANCELLED, leaseUntil: null },
        );
        await tx.insert(
          TplReview,
          still.map((r) =>
            this.review(r.connectionId, TplReviewKind.CANCEL_SPLIT, cancelSplitReview(r.ref, r.sourceNumber, why), {
              requestId: r.id,
            }),
          ),
        );
      }),
    )
      .catch((e) => console.error('[jxc] 3PL cancellation check:', (e as Error)?.message ?? e))
      .finally(() => this.checks.delete(p));
    this.checks.add(p);
  }

  /**
   * Cancels a transfer out of a 3PL's warehouse that the 3PL has not confirmed (a request of its
   * own: it has no transfer document until the 3PL's confirmation posts one). The same rule as a
   * document's: the 3PL cancels it first; refused (TPL_CANCEL_REFUSED) or silent (TPL_UNAVAILABLE),
   * nothing changes. A request with a document (a sales order's, a purchase order's, a transfer
   * into the warehouse) is cancelled with its document (DOCUMENT_STATE).
   */
  async cancelRequest(ctx: Context, id: string): Promise<TplRequest> {
    await inTransaction(this.ds, async (tx) => {
      const r = await tx.findOne(TplRequest, { where: { id: Number(id) || -1 } });
      if (!r) throw notFound('This 3PL request');
      const c = await this.connection(tx, r.connectionId);
      if (ctx.user?.warehouseIds && !ctx.user.warehouseIds.includes(c.warehouseId)) throw notFound('This 3PL request');
      if (r.sourceId !== null)
        throw new DomainError(
          'DOCUMENT_STATE',
          `Request ${r.ref} belongs to ${r.sourceNumber}: cancel that document instead.`,
          { status: r.status },
        );
      if (r.status !== TplRequestStatus.QUEUED && r.status !== TplRequestStatus.SENT)
        throw new DomainError('DOCUMENT_STATE', `Request ${r.ref} is ${r.status}: there is nothing to cancel.`, {
          status: r.status,
        });
      await this.cancelAtTpl(tx, [r], r.ref);
      await this.audit.record(tx, ctx, {
        action: 'integration.tpl.request.cancel',
        entityType: 'TplRequest',
        entityId: r.id,
        before: { status: r.status },
        after: { status: TplRequestStatus.CANCELLED },
      });
    });
    return this.ds.getRepository(TplRequest).findOneByOrFail({ id: Number(id) });
  }

  /**
   * The departure of a transfer into a warehouse a 3PL runs writes an advance shipping notice
   * (kind asn, source `stock_document`) in the same transaction: the notice exists if and only if
   * the goods left. The 3PL's confirmation receives the transfer (the arrival a keeper there may not post).
   */
  private async announceTransfer(tx: EntityManager, docId: number, number: string): Promise<void> {
    const doc = await transferOf(tx, docId);
    if (!doc?.toWarehouseId || doc.toWarehouseId === doc.warehouseId) return;
    const c = await tx.findOne(TplConnection, { where: { warehouseId: doc.toWarehouseId, active: true } });
    if (!c) return;
    const from = await findWarehouse(tx, doc.warehouseId);
    await this.writeRequest(tx, null, c, {
      kind: TplRequestKind.ASN,
      sourceType: 'stock_document',
      sourceId: docId,
      sourceNumber: number,
      toWarehouseId: null,
      lines: doc.lines.map((l) => ({ key: String(l.lineNo), skuId: l.skuId, qty: l.qty })),
      party: { transfer: number, from: from?.code ?? '', name: from?.name ?? '' },
    });
    this.sender.soon();
  }

  // ---------- the rule: goods in a 3PL warehouse move when the 3PL confirms ----------

  private async guard(tx: EntityManager, doc: DocRef, moves: StockMove[]): Promise<void> {
    if (confirming.getStore()) return;
    const inbound = doc.type === 'purchase_receipt';
    const transfer = doc.type === StockDocType.TRANSFER;
    if (!inbound && doc.type !== 'sales_shipment' && !transfer) return;
    // a transfer is refused at both ends: out of a 3PL's warehouse (a request) and into it (an advance notice)
    const ws = [
      ...new Set(
        moves.filter((m) => transfer || (inbound ? D(m.qty).gt(0) : D(m.qty).lt(0))).map((m) => m.warehouseId),
      ),
    ];
    if (!ws.length) return;
    const hit = await tx.findOne(TplConnection, { where: { warehouseId: In(ws), active: true } });
    if (hit)
      throw new DomainError(
        ErrorCode.TPL_OPERATED,
        `This warehouse is run by the 3PL "${hit.name}": send it a request; its confirmation posts the goods.`,
        { warehouseId: hit.warehouseId, connectionId: hit.id },
      );
  }

  /**
   * The warehouses run by a 3PL through an active connection (once per request): goods move in
   * and out of them when the 3PL confirms, and a keeper's posting there is refused (`guard`).
   */
  operatedWarehouseIds(ctx: Context): Promise<Set<number>> {
    return perRequest(ctx, 'tpl.operatedWarehouseIds', async () => {
      const rows = await this.ds.getRepository(TplConnection).find({ where: { active: true } });
      return new Set(rows.map((c) => c.warehouseId));
    });
  }

  // ---------- connections ----------

  list(): Promise<TplConnection[]> {
    return this.ds.getRepository(TplConnection).find({ order: { id: 'ASC' } });
  }

  async connect(
    ctx: Context,
    input: { name: string; warehouseId: string; baseUrl: string; clientKey: string; secret: string },
  ): Promise<TplConnection> {
    let url: URL;
    try {
      url = new URL(input.baseUrl);
    } catch {
      throw badInput([{ field: 'baseUrl', message: 'An http(s) URL.' }]);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw badInput([{ field: 'baseUrl', message: 'An http(s) URL.' }]);
    if (!input.name.trim()) throw badInput([{ field: 'name', message: 'Give the 3PL a name.' }]);
    return inTransaction(this.ds, async (tx) => {
      const w = await findWarehouse(tx, Number(input.warehouseId) || -1);
      if (!w) throw badInput([{ field: 'warehouseId', message: 'This warehouse does not exist.' }]);
      if (await tx.findOne(TplConnection, { where: { warehouseId: w.id } }))
        throw badInput([{ field: 'warehouseId', message: 'This warehouse has a 3PL connection already.' }]);
      const res = await tx.insert(TplConnection, {
        name: input.name.trim().slice(0, 100),
        warehouseId: w.id,
        baseUrl: url.toString(),
        clientKey: input.clientKey,
        secret: input.secret,
        actingUserId: ctx.user!.id,
        active: true,
        cursor: null,
        lastPullAt: null,
        lastError: null,
        lastSnapshotDate: null,
        createdAt: now(),
      });
      const id = Number(res.identifiers[0].id);
      await this.audit.record(tx, ctx, {
        action: 'integration.tpl.connect',
        entityType: 'TplConnection',
        entityId: id,
        after: { name: input.name, warehouseId: w.id, baseUrl: url.toString(), clientKey: input.clientKey },
      });
      return tx.findOneByOrFail(TplConnection, { id });
    });
  }

  private async connection(em: EntityManager, id: string | number): Promise<TplConnection> {
    const c = await em.findOne(TplConnection, { where: { id: Number(id) || -1 } });
    if (!c) throw notFound('This 3PL connection');
    return c;
  }

  private async connectionOf(tx: EntityManager, warehouseId: number): Promise<TplConnection> {
    const c = await tx.findOne(TplConnection, { where: { warehouseId, active: true } });
    if (!c)
      throw new DomainError(ErrorCode.TPL_NOT_CONNECTED, 'This warehouse is not run by a 3PL: post it here instead.', {
        warehouseId,
      });
    return c;
  }

  requests(connectionId?: string | null, status?: string | null): Promise<TplRequest[]> {
    return this.ds.getRepository(TplRequest).find({
      where: {
        ...(connectionId ? { connectionId: Number(connectionId) || -1 } : {}),
        ...(status ? { status: status as TplRequestStatus } : {}),
      },
      order: { id: 'DESC' },
      take: 200,
    });
  }

  /** The transfers a request's confirmations posted (a transfer out of the 3PL's warehouse: one per confirmation that brought goods). */
  async transfersOf(r: TplRequest): Promise<Array<{ id: number; number: string }>> {
    if (r.kind !== TplRequestKind.TRANSFER) return [];
    const posted = await this.ds.getRepository(TplConfirmation).find({
      where: { connectionId: r.connectionId, requestRef: r.ref, postedType: 'transfer' },
      order: { id: 'ASC' },
    });
    const ids = [...new Set(posted.map((p) => p.postedId).filter((id): id is number => id !== null))];
    const numbers = await documentNumbers(this.ds.manager, ids);
    return ids.filter((id) => numbers.has(id)).map((id) => ({ id, number: numbers.get(id)! }));
  }

  requestLines(r: TplRequest): TplRequestLine[] {
    return JSON.parse(r.lines) as TplRequestLine[];
  }

  /**
   * A document's 3PL side: the connection running its warehouse (a sales or purchase order's own,
   * a transfer's destination) and its requests. A document the caller may not see is not found.
   */
  async statusOf(
    ctx: Context,
    sourceType: string,
    sourceId: string,
  ): Promise<{ connectionName?: string; requests: TplRequest[] }> {
    const type = sourceType.toLowerCase();
    let warehouseId: number | null;
    if (type === 'sales_order') warehouseId = (await this.salesOrders.get(ctx, sourceId)).warehouseId;
    else if (type === 'purchase_order') warehouseId = (await this.purchaseOrders.get(ctx, sourceId)).warehouseId;
    else if (type === 'stock_document')
      warehouseId = (await this.stockDocuments.get(ctx, sourceId)).toWarehouseId ?? null;
    else throw badInput([{ field: 'sourceType', message: 'SALES_ORDER, PURCHASE_ORDER or STOCK_DOCUMENT.' }]);
    const c = warehouseId
      ? await this.ds.getRepository(TplConnection).findOne({ where: { warehouseId, active: true } })
      : null;
    const requests = await this.ds.getRepository(TplRequest).find({
      where: { sourceType: type, sourceId: Number(sourceId) || -1 },
      order: { id: 'DESC' },
    });
    return { connectionName: c?.name, requests };
  }

  /**
   * Sends a request now: a queued one at once (its retry wait dropped), a sent one again under the
   * same reference (the 3PL takes a reference once: a resend is for a 3PL that lost it). A request
   * the 3PL has confirmed is not sent again (DOCUMENT_STATE). Returns it after the attempt.
   */
  async resend(ctx: Context, id: string): Promise<TplRequest> {
    await inTransaction(this.ds, async (tx) => {
      const r = await tx.findOne(TplRequest, { where: { id: Number(id) || -1 } });
      if (!r) throw notFound('This 3PL request');
      const c = await this.connection(tx, r.connectionId);
      if (ctx.user?.warehouseIds && !ctx.user.warehouseIds.includes(c.warehouseId)) throw notFound('This 3PL request');
      if (r.status !== TplRequestStatus.QUEUED && r.status !== TplRequestStatus.SENT)
        throw new DomainError('DOCUMENT_STATE', `Request ${r.ref} is ${r.status}: there is nothing to send.`, {
          status: r.status,
        });
      await tx.update(
        TplRequest,
        { id: r.id, status: In([TplRequestStatus.QUEUED, TplRequestStatus.SENT]) },
        { status: TplRequestStatus.QUEUED, leaseUntil: null },
      );
      await this.audit.record(tx, ctx, {
        action: 'integration.tpl.request.resend',
        entityType: 'TplRequest',
        entityId: r.id,
        before: { status: r.status },
        after: { status: TplRequestStatus.QUEUED },
      });
    });
    await this.sender.run();
    return this.ds.getRepository(TplRequest).findOneByOrFail({ id: Number(id) });
  }

  reviews(connectionId?: string | null, open = true): Promise<TplReview[]> {
    return this.ds.getRepository(TplReview).find({
      where: {
        ...(connectionId ? { connectionId: Number(connectionId) || -1 } : {}),
        ...(open ? { status: TplReviewStatus.OPEN } : {}),
      },
      order: { id: 'ASC' },
      take: 500,
    });
  }

  // ---------- requests out ----------

  private async writeRequest(
    tx: EntityManager,
    ctx: Context | null,
    c: TplConnection,
    r: {
      kind: TplRequestKind;
      sourceType: string;
      sourceId: number | null;
      sourceNumber: string;
      toWarehouseId?: number | null;
      lines: Array<{ key: string; skuId: number; qty: string }>;
      party: Record<string, string | null>;
    },
  ): Promise<TplRequest> {
    // one request at a time per connection and source: the connection's row is the lock
    await lockRows(tx, 'tpl_connection', [c.id]);
    if (r.sourceId !== null) {
      const open = await tx.findOne(TplRequest, {
        where: {
          sourceType: r.sourceType,
          sourceId: r.sourceId,
          status: In([TplRequestStatus.QUEUED, TplRequestStatus.SENT]),
        },
      });
      if (open)
        throw new DomainError(
          ErrorCode.TPL_REQUEST_OPEN,
          `Request ${open.ref} for ${r.sourceNumber} waits for the 3PL's confirmation.`,
          { requestId: open.id },
        );
    }
    const lines = r.lines.filter((l) => D(l.qty).gt(0));
    if (!lines.length) throw badInput([{ field: 'lines', message: 'Nothing is left to send.' }]);
    const skus = await skuLines(
      tx,
      lines.map((l) => l.skuId),
    );
    const stored: TplRequestLine[] = lines.map((l) => {
      const s = skus.get(l.skuId);
      return {
        key: l.key,
        skuId: l.skuId,
        sku: s?.sku.code ?? String(l.skuId),
        name: s ? `${s.product.name}${s.sku.name ? ` ${s.sku.name}` : ''}` : '',
        unit: s?.product.baseUnit ?? '',
        qty: D(l.qty).toFixed(),
        confirmed: '0',
      };
    });
    const res = await tx.insert(TplRequest, {
      connectionId: c.id,
      ref: `tmp-${ctx?.requestId ?? 'posting'}-${Math.random().toString(36).slice(2)}`.slice(0, 40),
      kind: r.kind,
      status: TplRequestStatus.QUEUED,
      sourceType: r.sourceType,
      sourceId: r.sourceId,
      sourceNumber: r.sourceNumber.slice(0, 60),
      toWarehouseId: r.toWarehouseId ?? null,
      lines: JSON.stringify(stored),
      party: JSON.stringify(r.party),
      attempts: 0,
      leaseUntil: null,
      lastError: null,
      sentAt: null,
      createdAt: now(),
    });
    const id = Number(res.identifiers[0].id);
    const ref = `TPL${String(id).padStart(6, '0')}`;
    await tx.update(TplRequest, { id }, { ref });
    // (a notice written by a posting is in that posting's audit entry)
    if (ctx)
      await this.audit.record(tx, ctx, {
        action: `integration.tpl.request.${r.kind}`,
        entityType: 'TplRequest',
        entityId: id,
        after: { ref, connectionId: c.id, source: `${r.sourceType} ${r.sourceNumber}`, lines: stored },
      });
    return tx.findOneByOrFail(TplRequest, { id });
  }

  /**
   * A confirmed sales order's open lines, to be picked by the 3PL and sent to the customer. The
   * confirmation of an order in a 3PL's warehouse writes it by itself; this sends what is still open
   * after a short confirmation (or a request for an order confirmed before the 3PL was connected).
   */
  async requestShipment(ctx: Context, salesOrderId: string): Promise<TplRequest> {
    const r = await inTransaction(this.ds, async (tx) => {
      const o = await this.salesOrders.get(ctx, salesOrderId, tx);
      if (o.status !== 'confirmed' && o.status !== 'partly_shipped')
        throw new DomainError(
          'ORDER_NOT_SHIPPABLE',
          `Order ${o.number} is ${o.status.replace('_', ' ')}: only a confirmed or partly shipped order can be shipped.`,
          { status: o.status },
        );
      const c = await this.connectionOf(tx, o.warehouseId);
      return (await this.shipmentRequest(tx, ctx, c, o.id))!;
    });
    this.sender.soon(0);
    return r;
  }

  /**
   * Writes an order's shipment request: its open lines (SKU, quantity; never a price) and where they
   * go. From the order's confirmation (ctx null: the confirmation's audit entry covers it) an order
   * with a request waiting or nothing open gets none; asked by a person, those are refused.
   */
  private async shipmentRequest(
    tx: EntityManager,
    ctx: Context | null,
    c: TplConnection,
    orderId: number,
  ): Promise<TplRequest | null> {
    const o = await orderToShip(tx, orderId);
    if (!o) throw notFound('This sales order');
    const number = o.number ?? `#${o.id}`;
    if (!ctx) {
      const waiting = await tx.findOne(TplRequest, {
        where: {
          sourceType: 'sales_order',
          sourceId: o.id,
          status: In([TplRequestStatus.QUEUED, TplRequestStatus.SENT]),
        },
      });
      if (waiting || !o.lines.some((l) => D(l.open).gt(0))) return null;
    }
    return this.writeRequest(tx, ctx, c, {
      kind: TplRequestKind.SHIPMENT,
      sourceType: 'sales_order',
      sourceId: o.id,
      sourceNumber: number,
      lines: o.lines.map((l) => ({ key: String(l.id), skuId: l.skuId, qty: l.open })),
      party: { order: o.number ?? null, customerId: String(o.customerId), shipTo: o.shipTo },
    });
  }

  /** An approved purchase order's open lines, announced to the 3PL (advance shipping notice). */
  async requestAsn(ctx: Context, purchaseOrderId: string): Promise<TplRequest> {
    const r = await inTransaction(this.ds, async (tx) => {
      const o = await this.purchaseOrders.get(ctx, purchaseOrderId, tx);
      if (o.status !== 'approved' && o.status !== 'partly_received')
        throw new DomainError(
          'ORDER_NOT_RECEIVABLE',
          `Order ${o.number ?? `#${o.id}`} is ${o.status.replace('_', ' ')}: only an approved or partly received order can be received against.`,
          { status: o.status },
        );
      const c = await this.connectionOf(tx, o.warehouseId);
      const lines = await this.purchaseOrders.lines([o.id], tx);
      return this.writeRequest(tx, ctx, c, {
        kind: TplRequestKind.ASN,
        sourceType: 'purchase_order',
        sourceId: o.id,
        sourceNumber: o.number ?? `#${o.id}`,
        lines: lines.map((l) => ({ key: String(l.id), skuId: l.skuId, qty: openQty(l) })),
        party: { order: o.number ?? null, supplierId: String(o.supplierId), expectedDate: o.expectedDate ?? null },
      });
    });
    this.sender.soon(0);
    return r;
  }

  /** Goods from the 3PL's warehouse to another of ours: posted as a transfer when the 3PL confirms. */
  async requestTransfer(
    ctx: Context,
    input: { warehouseId: string; toWarehouseId: string; lines: Array<{ skuId: string; qty: string }> },
  ): Promise<TplRequest> {
    const r = await inTransaction(this.ds, async (tx) => {
      const from = Number(input.warehouseId) || -1;
      const to = await findWarehouse(tx, Number(input.toWarehouseId) || -1);
      if (!to || to.id === from)
        throw badInput([{ field: 'toWarehouseId', message: 'A transfer needs another known destination warehouse.' }]);
      if (ctx.user?.warehouseIds && !ctx.user.warehouseIds.includes(from)) throw notFound('This warehouse');
      const c = await this.connectionOf(tx, from);
      const problems = input.lines.flatMap((l, i) =>
        D(l.qty).gt(0) ? [] : [{ field: `lines[${i}].qty`, message: 'The quantity must be more than zero.' }],
      );
      const skus = await skuLines(
        tx,
        input.lines.map((l) => Number(l.skuId)),
      );
      input.lines.forEach((l, i) => {
        if (!skus.has(Number(l.skuId)))
          problems.push({ field: `lines[${i}].skuId`, message: 'This SKU does not exist.' });
      });
      if (problems.length) throw badInput(problems);
      const lines = input.lines.map((l, i) => ({ key: String(i + 1), skuId: Number(l.skuId), qty: l.qty }));
      return this.writeRequest(tx, ctx, c, {
        kind: TplRequestKind.TRANSFER,
        sourceType: 'transfer',
        sourceId: null,
        sourceNumber: to.code,
        toWarehouseId: to.id,
        lines,
        party: { warehouse: to.code, name: to.name },
      });
    });
    this.sender.soon(0);
    return r;
  }

  /** Sends what is queued now (tests call this; the worker runs it in the background). Returns how many went. */
  sendRequests(): Promise<number> {
    return this.sender.run();
  }

  /**
   * Takes queued requests (SKIP LOCKED, a lease on the database clock) and sends each; one the 3PL
   * does not take waits `backoffMs × 2^(attempts−1)` (at most an hour) as its lease, then goes again.
   */
  private sendDue(): Promise<number> {
    const tried = new Set<number>();
    return drainDue(this.ds, {
      table: 'tpl_request',
      where: () => ['status = ?', [TplRequestStatus.QUEUED]],
      exclude: () => ({ column: 'id', values: [...tried] }),
      limit: 50,
      leaseMs: this.leaseMs,
      load: (tx, ids) => tx.find(TplRequest, { where: { id: In(ids) }, order: { id: 'ASC' } }),
      send: async (taken) => {
        let sent = 0;
        for (const r of taken) {
          tried.add(r.id);
          if (await this.sendOne(r)) sent++;
        }
        return sent;
      },
    });
  }

  /** Sends one taken request; a 3PL that does not take it leaves it queued with its error and a backoff lease. */
  private async sendOne(r: TplRequest): Promise<boolean> {
    const c = await this.ds.getRepository(TplConnection).findOneBy({ id: r.connectionId });
    if (!c) return false;
    try {
      await this.api(c).send({
        ref: r.ref,
        kind: r.kind,
        // by construction: codes, names, units and quantities, never a price
        lines: this.requestLines(r).map((l) => ({
          line: l.key,
          sku: l.sku,
          name: l.name,
          unit: l.unit,
          qty: l.qty,
        })),
        party: JSON.parse(r.party),
      });
    } catch (e) {
      if (!(e instanceof TplError)) throw e;
      const wait = Math.min(this.backoffMs * 2 ** r.attempts, 3_600_000);
      const [until, params] = leaseUntil(this.ds, wait);
      await this.ds.query(
        `UPDATE tpl_request SET attempts = attempts + 1, last_error = ?, lease_until = ${until} WHERE id = ?`,
        [e.message.slice(0, 300), ...params, r.id],
      );
      await this.ds.getRepository(TplConnection).update({ id: c.id }, { lastError: e.message.slice(0, 300) });
      return false;
    }
    const marked = await this.ds.getRepository(TplRequest).update(
      { id: r.id, status: TplRequestStatus.QUEUED },
      {
        status: TplRequestStatus.SENT,
        attempts: r.attempts + 1,
        sentAt: now(),
        leaseUntil: null,
        lastError: null,
      },
    );
    // cancelled while it was on its way: the 3PL is told (should this fail, its confirmation lands on the review list)
    if (!marked.affected)
      await this.api(c)
        .cancel(r.ref)
        .catch(() => undefined);
    return true;
  }

  // ---------- confirmations in ----------

  /** Pulls every active connection's confirmations and posts them (the worker `tpl.pull`). */
  private async pullAll(): Promise<number> {
    let n = 0;
    for (const c of await this.ds
      .getRepository(TplConnection)
      .find({ where: { active: true }, order: { id: 'ASC' } })) {
      try {
        const r = await this.pull(c.id);
        n += r.received;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
      }
    }
    return n;
  }

  /**
   * Reads the 3PL's confirmation feed from the connection's cursor, stores each confirmation once
   * (the unique confirmation id: a duplicate is counted and dropped), moves the cursor, then posts
   * every stored confirmation not posted yet (also those a crash left).
   */
  async pull(connectionId: string | number): Promise<TplPullResult> {
    const c = await this.connection(this.ds.manager, connectionId);
    const result: TplPullResult = { received: 0, duplicates: 0, posted: 0, review: 0 };
    const api = this.api(c);
    let cursor = c.cursor;
    try {
      for (let page = 0; page < 50; page++) {
        const got = await api.confirmations(cursor);
        for (const m of got.confirmations) {
          if (await this.store(c, m)) result.received++;
          else result.duplicates++;
        }
        const moved = got.next !== cursor;
        cursor = got.next;
        await this.ds.getRepository(TplConnection).update({ id: c.id }, { cursor, lastPullAt: now(), lastError: null });
        if (!moved || !got.confirmations.length) break;
      }
    } catch (e) {
      if (!(e instanceof TplError)) throw e;
      await this.ds
        .getRepository(TplConnection)
        .update({ id: c.id }, { lastError: e.message.slice(0, 300), lastPullAt: now() });
      throw new DomainError(ErrorCode.TPL_UNAVAILABLE, e.message);
    }
    const processed = await this.processPending(c.id);
    result.posted = processed.posted;
    result.review = processed.review;
    return result;
  }

  /** Stores a confirmation as received (false: its id was seen before). */
  private async store(c: TplConnection, m: TplConfirmationIn): Promise<boolean> {
    const id = m.id.trim().slice(0, 64);
    if (!id) return false;
    if (await this.ds.getRepository(TplConfirmation).findOne({ where: { connectionId: c.id, confirmationId: id } }))
      return false;
    try {
      await this.ds.getRepository(TplConfirmation).insert({
        connectionId: c.id,
        confirmationId: id,
        requestRef: m.request_ref.slice(0, 64),
        state: TplConfirmationState.RECEIVED,
        raw: JSON.stringify(m),
        postedType: null,
        postedId: null,
        receivedAt: now(),
      });
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }

  /** Posts the stored confirmations not yet posted (in the order they came). */
  async processPending(connectionId?: number): Promise<{ posted: number; review: number }> {
    const out = { posted: 0, review: 0 };
    const pending = await this.ds.getRepository(TplConfirmation).find({
      where: { state: TplConfirmationState.RECEIVED, ...(connectionId ? { connectionId } : {}) },
      order: { id: 'ASC' },
    });
    for (const conf of pending) {
      const state = await this.processOne(conf);
      if (state === TplConfirmationState.POSTED) out.posted++;
      else if (state === TplConfirmationState.REVIEW) out.review++;
    }
    return out;
  }

  /** A review item and the confirmation marked, in one transaction; nothing else changes. */
  private async toReview(conf: TplConfirmation, kind: TplReviewKind, text: TplReviewText, requestId: number | null) {
    await inTransaction(this.ds, async (tx) => {
      const r = await tx.update(
        TplConfirmation,
        { id: conf.id, state: TplConfirmationState.RECEIVED },
        { state: TplConfirmationState.REVIEW },
      );
      if (!r.affected) return;
      await tx.insert(TplReview, this.review(conf.connectionId, kind, text, { requestId, confirmationId: conf.id }));
    });
    return TplConfirmationState.REVIEW;
  }

  private review(
    connectionId: number,
    kind: TplReviewKind,
    text: TplReviewText,
    more: Partial<TplReview> = {},
  ): Omit<TplReview, 'id'> {
    return {
      connectionId,
      kind,
      status: TplReviewStatus.OPEN,
      requestId: null,
      confirmationId: null,
      skuId: null,
      bookQty: null,
      tplQty: null,
      snapshotDate: null,
      detail: text.detail.slice(0, 500),
      params: JSON.stringify(text.params),
      note: null,
      documentId: null,
      createdAt: now(),
      resolvedAt: null,
      ...more,
    };
  }

  private async processOne(conf: TplConfirmation): Promise<TplConfirmationState> {
    const c = await this.connection(this.ds.manager, conf.connectionId);
    const m = JSON.parse(conf.raw) as TplConfirmationIn;
    const req = await this.ds.getRepository(TplRequest).findOne({ where: { connectionId: c.id, ref: m.request_ref } });
    if (!req)
      return this.toReview(
        conf,
        TplReviewKind.UNKNOWN_REQUEST,
        unknownRequestReview(conf.confirmationId, m.request_ref),
        null,
      );
    if (req.status === TplRequestStatus.CANCELLED)
      return this.toReview(
        conf,
        TplReviewKind.CANCELLED,
        cancelledReview(conf.confirmationId, req.ref, req.sourceNumber),
        req.id,
      );
    const lines = this.requestLines(req);
    // per request line: what this confirmation brings (in parts, one per batch), checked against what is still open
    const bringing = new Map<
      string,
      { qty: Decimal; parts: Array<{ qty: Decimal; batch: string | null; expiry: string | null }> }
    >();
    const problems: TplReviewLineParams[] = [];
    for (const l of m.lines) {
      const rl = lines.find((x) => x.key === l.line) ?? lines.find((x) => x.sku === l.sku && !l.line);
      const q = quantity(l.qty);
      if (!rl) problems.push({ problem: 'not_requested', line: l.line || undefined, sku: l.sku || undefined });
      else if (!q || !q.isFinite() || q.lt(0))
        problems.push({ problem: 'bad_qty', line: l.line, sku: rl.sku, given: String(l.qty) });
      else if (rl.sku !== l.sku && l.sku)
        problems.push({ problem: 'wrong_sku', line: l.line, sku: l.sku, requestedSku: rl.sku });
      else {
        const b = bringing.get(rl.key) ?? { qty: D(0), parts: [] };
        const batch = l.batch?.trim().slice(0, 60) || null;
        const expiry = l.expiry && DAY.test(l.expiry) ? l.expiry : null;
        const same = b.parts.find((p) => p.batch === batch);
        if (same) {
          same.qty = same.qty.plus(q);
          same.expiry = same.expiry ?? expiry;
        } else b.parts.push({ qty: q, batch, expiry });
        b.qty = b.qty.plus(q);
        bringing.set(rl.key, b);
      }
    }
    for (const [key, b] of bringing) {
      const rl = lines.find((x) => x.key === key)!;
      const open = D(rl.qty).minus(rl.confirmed);
      if (b.qty.gt(open))
        problems.push({
          problem: 'over',
          line: rl.key,
          sku: rl.sku,
          confirmed: b.qty.toFixed(),
          open: open.toFixed(),
          requested: D(rl.qty).toFixed(),
        });
    }
    if (problems.length)
      return this.toReview(conf, TplReviewKind.OVER, overReview(conf.confirmationId, req.ref, problems), req.id);
    const date = DAY.test(m.date) ? m.date : today();
    const posting = [...bringing].filter(([, b]) => b.qty.gt(0));
    const key = `tpl:${conf.id}`;
    let ctx: Context;
    try {
      ctx = await this.actor(c);
    } catch (e) {
      await this.ds
        .getRepository(TplConnection)
        .update({ id: c.id }, { lastError: (e as Error).message.slice(0, 300) });
      return TplConfirmationState.RECEIVED;
    }
    const memo = `3PL ${req.ref} / ${conf.confirmationId}`;
    try {
      return await confirming.run(true, async () => {
        let posted: { type: string; id: number } | null = null;
        if (posting.length && req.kind === TplRequestKind.SHIPMENT) {
          // a shipment line per batch the 3PL picked (a SKU not tracked by batch: its quantity, unbatched)
          const tracked = await skuLines(
            this.ds.manager,
            lines.map((l) => l.skuId),
          );
          const s = await this.fulfilment.ship(
            ctx,
            {
              orderId: String(req.sourceId),
              businessDate: date,
              memo,
              lines: posting.flatMap(([k, b]) => {
                const rl = lines.find((x) => x.key === k)!;
                if (!tracked.get(rl.skuId)?.product.batchTracked) return [{ orderLineId: k, qty: b.qty.toFixed() }];
                return b.parts
                  .filter((p) => p.qty.gt(0))
                  .map((p) => ({ orderLineId: k, qty: p.qty.toFixed(), ...(p.batch ? { batchNo: p.batch } : {}) }));
              }),
            },
            key,
          );
          posted = { type: 'sales_shipment', id: s.id };
        } else if (posting.length && req.sourceType === 'stock_document') {
          // a transfer coming in: the engine receives a transfer whole, on the first confirmation's day
          // (a later confirmation of the rest only counts)
          if (lines.some((l) => D(l.confirmed).gt(0))) posted = { type: 'transfer', id: Number(req.sourceId) };
          else {
            const d = await this.stockDocuments.receiveTransfer(ctx, String(req.sourceId), key, date);
            posted = { type: 'transfer', id: d.id };
          }
        } else if (posting.length && req.kind === TplRequestKind.ASN) {
          const r = await this.receipts.receive(
            ctx,
            {
              orderId: String(req.sourceId),
              businessDate: date,
              memo,
              // a line per batch the 3PL received, with its expiry
              lines: posting.flatMap(([k, b]) =>
                b.parts
                  .filter((p) => p.qty.gt(0))
                  .map((p) => ({
                    orderLineId: k,
                    acceptedQty: p.qty.toFixed(),
                    ...(p.batch ? { batchNo: p.batch } : {}),
                    ...(p.expiry ? { expiryDate: p.expiry } : {}),
                  })),
              ),
            },
            key,
          );
          posted = { type: 'purchase_receipt', id: r.id };
        }
        return inTransaction(this.ds, async (tx) => {
          await lockRows(tx, 'tpl_request', [req.id]);
          const mine = await tx.update(
            TplConfirmation,
            { id: conf.id, state: TplConfirmationState.RECEIVED },
            { state: TplConfirmationState.POSTED },
          );
          if (!mine.affected) return TplConfirmationState.POSTED; // another process finished it
          if (posting.length && req.kind === TplRequestKind.TRANSFER) {
            const doc = await this.stockDocuments.createAndPostIn(
              tx,
              ctx,
              {
                type: StockDocType.TRANSFER,
                warehouseId: String(c.warehouseId),
                toWarehouseId: String(req.toWarehouseId),
                businessDate: date,
                memo,
                // a line per batch the 3PL picked
                lines: posting.flatMap(([k, b]) =>
                  b.parts
                    .filter((p) => p.qty.gt(0))
                    .map((p) => ({
                      skuId: String(lines.find((x) => x.key === k)!.skuId),
                      qty: p.qty.toFixed(),
                      ...(p.batch ? { batchNo: p.batch } : {}),
                    })),
                ),
              },
              { type: 'tpl_request', id: req.id, number: req.ref },
            );
            posted = { type: 'transfer', id: doc.id };
          }
          const fresh = this.requestLines(await tx.findOneByOrFail(TplRequest, { id: req.id }));
          for (const l of fresh) {
            const b = bringing.get(l.key);
            if (b) l.confirmed = D(l.confirmed).plus(b.qty).toFixed();
          }
          const short = fresh.filter((l) => D(l.confirmed).lt(l.qty));
          await tx.update(
            TplRequest,
            { id: req.id },
            { lines: JSON.stringify(fresh), status: short.length ? TplRequestStatus.SHORT : TplRequestStatus.DONE },
          );
          await tx.update(
            TplConfirmation,
            { id: conf.id },
            { postedType: posted?.type ?? null, postedId: posted?.id ?? null },
          );
          if (short.length)
            await tx.insert(
              TplReview,
              this.review(
                c.id,
                TplReviewKind.SHORT,
                shortReview(conf.confirmationId, req.ref, req.sourceNumber, req.sourceType === 'stock_document', short),
                { requestId: req.id, confirmationId: conf.id },
              ),
            );
          await this.audit.record(tx, ctx, {
            action: 'integration.tpl.confirm',
            entityType: 'TplConfirmation',
            entityId: conf.id,
            after: { request: req.ref, confirmation: conf.confirmationId, posted, short: short.map((l) => l.sku) },
          });
          return TplConfirmationState.POSTED;
        });
      });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return this.toReview(conf, TplReviewKind.FAILED, failedReview(conf.confirmationId, req.ref, e), req.id);
    }
  }

  /** The user a connection's confirmations post as: who connected it, with their current grants. */
  private async actor(c: TplConnection): Promise<Context> {
    const g = (await userGrants(this.ds.manager, [c.actingUserId])).get(c.actingUserId);
    if (!g?.active)
      throw new DomainError(ErrorCode.TPL_UNAVAILABLE, 'The user this 3PL connection posts as is disabled.');
    return {
      user: {
        id: g.id,
        username: g.username,
        displayName: g.displayName,
        roles: g.roles,
        permissions: g.permissions,
        warehouseIds: g.warehouseIds,
        sessionId: `tpl:${c.id}`,
      },
      ip: '',
      userAgent: `3pl:${c.id}`,
      requestId: `tpl-${c.id}`,
      services: { ds: this.ds },
      hidden: new Set(),
      auditWritten: false,
      afterSuccess: [],
    } as unknown as Context;
  }

  // ---------- the daily snapshot ----------

  /**
   * Compares the 3PL's stock snapshot with the book (after pulling the confirmations, so goods the
   * 3PL confirmed are on the book): every SKU whose quantities differ becomes a review item; the
   * open differences of an earlier snapshot are superseded. Nothing is adjusted. Once per snapshot day.
   */
  async reconcile(ctx: Context, connectionId: string | number): Promise<TplReview[]> {
    const c = await this.connection(this.ds.manager, connectionId);
    await this.pull(c.id);
    let snap;
    try {
      snap = await this.api(c).snapshot();
    } catch (e) {
      if (!(e instanceof TplError)) throw e;
      await this.ds.getRepository(TplConnection).update({ id: c.id }, { lastError: e.message.slice(0, 300) });
      throw new DomainError(ErrorCode.TPL_UNAVAILABLE, e.message);
    }
    const day = DAY.test(snap.date) ? snap.date : today();
    await inTransaction(this.ds, async (tx) => {
      await lockRows(tx, 'tpl_connection', [c.id]);
      const fresh = await tx.findOneByOrFail(TplConnection, { id: c.id });
      if (fresh.lastSnapshotDate === day) return; // reconciled already
      const book = new Map<number, Decimal>();
      for (const h of await costHeads(tx, c.warehouseId)) book.set(h.skuId, D(h.qty));
      const theirs = new Map<number, Decimal>();
      const items: Array<Omit<TplReview, 'id'>> = [];
      for (const i of snap.items) {
        const sku = await skuByCodeOrBarcode(tx, i.sku);
        const q = quantity(i.qty);
        if (!sku || !q) {
          items.push(
            this.review(c.id, TplReviewKind.STOCK_DIFF, unknownSkuReview(day, String(i.sku), String(i.qty)), {
              snapshotDate: day,
            }),
          );
          continue;
        }
        theirs.set(sku.id, (theirs.get(sku.id) ?? D(0)).plus(q));
      }
      const skuIds = [...new Set([...book.keys(), ...theirs.keys()])].sort((a, b) => a - b);
      const names = await skuLines(tx, skuIds);
      for (const skuId of skuIds) {
        const b = book.get(skuId) ?? D(0);
        const t = theirs.get(skuId) ?? D(0);
        if (b.eq(t)) continue;
        items.push(
          this.review(
            c.id,
            TplReviewKind.STOCK_DIFF,
            stockDiffReview(day, names.get(skuId)?.sku.code ?? String(skuId), b, t),
            { skuId, bookQty: b.toFixed(6), tplQty: t.toFixed(6), snapshotDate: day },
          ),
        );
      }
      await tx.update(
        TplReview,
        { connectionId: c.id, kind: TplReviewKind.STOCK_DIFF, status: TplReviewStatus.OPEN },
        { status: TplReviewStatus.SUPERSEDED, resolvedAt: now() },
      );
      if (items.length) await tx.insert(TplReview, items);
      await tx.update(TplConnection, { id: c.id }, { lastSnapshotDate: day });
      await this.audit.record(tx, ctx, {
        action: 'integration.tpl.reconcile',
        entityType: 'TplConnection',
        entityId: c.id,
        after: { day, differences: items.length },
      });
    });
    return this.ds.getRepository(TplReview).find({
      where: { connectionId: c.id, kind: TplReviewKind.STOCK_DIFF, snapshotDate: day, status: TplReviewStatus.OPEN },
      order: { id: 'ASC' },
    });
  }

  // ---------- the review list ----------

  /**
   * Resolves a review item: `adjust` (stock differences only) posts an adjustment of the 3PL's count
   * minus the book's, with the reason as its memo; `dismiss` closes it with the note. Once.
   */
  async resolve(ctx: Context, id: string, action: 'adjust' | 'dismiss', note: string): Promise<TplReview> {
    const reason = note.trim();
    if (!reason) throw badInput([{ field: 'note', message: 'Say why.' }]);
    return inTransaction(this.ds, async (tx) => {
      const item = await tx.findOne(TplReview, { where: { id: Number(id) || -1 } });
      if (!item) throw notFound('This review item');
      await lockRows(tx, 'tpl_review', [item.id]);
      const r = await tx.findOneByOrFail(TplReview, { id: item.id });
      if (r.status !== TplReviewStatus.OPEN)
        throw new DomainError(ErrorCode.TPL_REVIEW_CLOSED, `This item is ${r.status} already.`, { status: r.status });
      const c = await this.connection(tx, r.connectionId);
      if (ctx.user?.warehouseIds && !ctx.user.warehouseIds.includes(c.warehouseId)) throw notFound('This review item');
      let documentId: number | null = null;
      if (action === 'adjust') {
        if (r.kind !== TplReviewKind.STOCK_DIFF || r.skuId === null)
          throw badInput([{ field: 'action', message: 'Only a stock difference of a known SKU can be adjusted.' }]);
        const qty = D(r.tplQty!).minus(r.bookQty!);
        const doc = await confirming.run(true, () =>
          this.stockDocuments.createAndPostIn(
            tx,
            ctx,
            {
              type: StockDocType.ADJUSTMENT,
              warehouseId: String(c.warehouseId),
              memo: `3PL ${c.name} ${r.snapshotDate}: ${reason}`.slice(0, 500),
              lines: [{ skuId: String(r.skuId), qty: qty.toFixed() }],
            },
            { type: 'tpl_review', id: r.id, number: `3PL-${r.id}` },
          ),
        );
        documentId = doc.id;
      }
      const status = action === 'adjust' ? TplReviewStatus.ADJUSTED : TplReviewStatus.DISMISSED;
      await tx.update(TplReview, { id: r.id }, { status, note: reason.slice(0, 200), documentId, resolvedAt: now() });
      await this.audit.record(tx, ctx, {
        action: `integration.tpl.review.${action}`,
        entityType: 'TplReview',
        entityId: r.id,
        before: { status: r.status },
        after: { status, note: reason, documentId },
      });
      return tx.findOneByOrFail(TplReview, { id: r.id });
    });
  }

  // ---------- background ----------

  /** Starts the sender, the confirmation pull and the daily snapshot as periodic jobs. */
  start(intervalMs: number, every?: Every): void {
    this.sender.start(intervalMs, every);
    this.puller.start(intervalMs, every);
    if (intervalMs && every)
      every('tpl.snapshot', Math.max(intervalMs, 3_600_000), async () => {
        const day = today();
        for (const c of await this.ds.getRepository(TplConnection).find({ where: { active: true } }))
          if (c.lastSnapshotDate !== day)
            await this.reconcile(await this.actor(c), c.id).catch((e) =>
              console.error(`[jxc] 3PL snapshot ${c.id}:`, e?.message ?? e),
            );
      });
  }

  async stop(): Promise<void> {
    await this.sender.stop();
    await this.puller.stop();
  }
}
