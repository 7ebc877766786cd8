import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { In, IsNull, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { memoryBus, type Bus } from '../../core/bus';
import type { Context } from '../../core/context';
import { now, today } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { Decimal } from '../../core/decimal';
import { badInput, DomainError, ErrorCode, notFound } from '../../core/errors';
import { isDuplicateKey } from '../../core/idempotency';
import { leaseUntil, type Every } from '../../core/jobs';
import { drainDue, OutboxWorker } from '../../core/outbox';
import { dateTimeParam, onDuplicateMerge } from '../../core/sql';
import type { WriteBatch } from '../../core/write-batch';
import { stockToPush } from '../../domain/platform-stock';
import type { AuditService } from '../audit';
import { onDomainEvent, type DomainEvent } from '../../core/events';
import { findSku, skuByCodeOrBarcode } from '../catalog';
import {
  findCustomer,
  findStore,
  ReturnDisposition,
  ReturnReason,
  ReturnResolution,
  shipmentLinesOfOrder,
  type SalesFulfilmentService,
  type SalesOrderService,
} from '../sales';
import { costHeads, findWarehouse, onReservationChanged, stockAvailability, type PostingService } from '../stock';
import {
  adapterFor,
  forgetPlatformToken,
  PLATFORM_KINDS,
  PlatformError,
  type PlatformAdapter,
  type PlatformOrderIn,
  type PlatformRefundIn,
} from './platform-adapter';
import {
  PlatformConnection,
  PlatformOrder,
  PlatformOrderState,
  PlatformRefund,
  PlatformRefundState,
  PlatformShipmentPush,
  PlatformSkuMap,
  PlatformStockPush,
} from './platform.entity';

export interface ImportResult {
  imported: number;
  duplicates: number;
  held: number;
}

export interface RefundResult {
  returned: number;
  review: number;
}

export interface PlatformServiceOptions {
  /** books refunds as sales returns */
  fulfilment?: SalesFulfilmentService;
  /** how long a platform call may take */
  timeoutMs?: number;
  adapters?: (kind: string, c: PlatformConnection) => PlatformAdapter;
  leaseMs?: number;
}

/** a refund's review problem that a later sync may resolve (the order or its shipment may come later) */
const RETRYABLE = ['REFUND_UNKNOWN_ORDER', 'REFUND_NOT_SHIPPED', 'REFUND_UNKNOWN_SKU'];

/** How long one call goes on pulling pages (a request stays well within the execution limit): call again while `more`. */
const CALL_BUDGET_MS = 3_000;

/** a store connection was made (every process reads the connections again) */
const STORES_CHANGED = 'platforms.changed';

/**
 * Online stores: a connection per store, orders pulled from the platform's cursor and imported into
 * sales orders of the store's channel exactly once per platform order id (a unique key, written in
 * the same transaction as the sales order), SKUs matched by the platform's SKU code (our code or
 * barcode, or a mapping); an order with an unknown SKU is held and its SKU listed for review;
 * shipments pushed back with their tracking number.
 */
export class PlatformService {
  /** the stock push outbox's dispatcher: its periodic sweep is the cluster's job `platforms.stockPush` */
  readonly stockWorker = new OutboxWorker('platforms.stockPush', () => this.pushDueStock());

  /**
   * The store connections (id, warehouse), read once and kept until one is made: a posting into a
   * warehouse no store sells from costs no statement. A new connection is heard by every API process
   * through the bus (`platforms.changed`).
   */
  private stores: Promise<Array<{ id: number; warehouseId: number }>> | null = null;

  /** the shipment push outbox's dispatcher (tracking numbers back to the platforms) */
  readonly shipmentWorker = new OutboxWorker('platforms.shipmentPush', () => this.pushDueShipments());

  private readonly adapters: (kind: string, c: PlatformConnection) => PlatformAdapter;
  private readonly leaseMs: number;
  private readonly fulfilment?: SalesFulfilmentService;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly salesOrders: SalesOrderService,
    posting: PostingService,
    private readonly bus: Bus = memoryBus(),
    opts: PlatformServiceOptions = {},
  ) {
    this.adapters = opts.adapters ?? ((kind, c) => adapterFor(kind, c, opts.timeoutMs));
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.fulfilment = opts.fulfilment;
    bus.on(STORES_CHANGED, () => (this.stores = null));
    // every posting that changes a warehouse's stock queues its SKUs for the stores selling from it,
    // and so does every reservation (a confirmed or cancelled order changes what is available)
    posting.onPosted((tx, _doc, changes, _moves, writes) => this.queueStock(tx, changes, writes));
    onReservationChanged(ds, (tx, warehouseId, skuId) => this.queueStock(tx, [{ warehouseId, skuId }]));
    // a store's order shipped: its tracking number goes back to the platform (outbox, same transaction)
    onDomainEvent(
      ds,
      (tx, e) => (e.type === 'order.shipped' ? this.queueShipment(tx, e) : Promise.resolve()),
      (type) => type === 'order.shipped',
    );
  }

  list(): Promise<PlatformConnection[]> {
    return this.ds.getRepository(PlatformConnection).find({ order: { id: 'ASC' } });
  }

  async connect(
    ctx: Context,
    input: {
      kind: string;
      storeId: string;
      customerId: string;
      warehouseId: string;
      baseUrl: string;
      appKey: string;
      appSecret: string;
    },
  ): Promise<PlatformConnection> {
    if (!(PLATFORM_KINDS as readonly string[]).includes(input.kind))
      throw badInput([{ field: 'kind', message: `Unknown platform: ${input.kind}.` }]);
    const url = httpUrl(input.baseUrl);
    const key = shopKey(input.kind, url, input.appKey);
    const made = await inTransaction(this.ds, async (tx) => {
      const { store, customerId, warehouseId } = await this.checkRefs(tx, input);
      const same = await tx.findOne(PlatformConnection, { where: { shopKey: key } });
      if (same) throw await this.connectedAlready(tx, same);
      const res = await tx
        .insert(PlatformConnection, {
          kind: input.kind,
          storeId: store.id,
          customerId,
          warehouseId,
          baseUrl: url.toString(),
          appKey: input.appKey,
          appSecret: input.appSecret,
          cursor: null,
          refundCursor: null,
          lastSyncAt: null,
          lastError: null,
          shopKey: key,
        })
        .catch(async (e: unknown) => {
          // connected at the same moment by someone else: the unique shop key refuses the second
          if (!isDuplicateKey(e) && !/UNIQUE constraint failed: platform_connection/.test(String(e))) throw e;
          const other = await this.ds.getRepository(PlatformConnection).findOne({ where: { shopKey: key } });
          throw other ? await this.connectedAlready(this.ds.manager, other) : e;
        });
      const id = Number(res.identifiers[0].id);
      await this.audit.record(tx, ctx, {
        action: 'integration.platform.connect',
        entityType: 'PlatformConnection',
        entityId: id,
        after: { kind: input.kind, storeId: store.id, baseUrl: url.toString(), appKey: input.appKey },
      });
      return tx.findOneByOrFail(PlatformConnection, { id });
    });
    this.bus.publish(STORES_CHANGED, { id: made.id });
    return made;
  }

  /** The store, customer and warehouse a connection names, each checked to exist (BAD_USER_INPUT naming the field). */
  private async checkRefs(tx: EntityManager, input: { storeId: string; customerId: string; warehouseId: string }) {
    const store = await findStore(tx, Number(input.storeId));
    const customer = await findCustomer(tx, Number(input.customerId));
    const warehouse = await findWarehouse(tx, Number(input.warehouseId));
    const problems: Array<{ field: string; message: string }> = [];
    if (!store) problems.push({ field: 'storeId', message: 'This store does not exist.' });
    if (!customer) problems.push({ field: 'customerId', message: 'This customer does not exist.' });
    if (!warehouse) problems.push({ field: 'warehouseId', message: 'This warehouse does not exist.' });
    if (problems.length) throw badInput(problems);
    return { store: store!, customerId: customer!.id, warehouseId: warehouse!.id };
  }

  /**
   * Edits a connection (a secret typed wrong, a moved address, another customer or warehouse, the
   * safety buffer): the same checks as connecting, the shop key recomputed and refused when another
   * connection has that shop. The secret is write-only: empty or absent keeps the one stored. The
   * platform kind stays (another kind is another connection). When the shop changes (address origin
   * or app key), the pull cursors start again: orders seen before are known by their ids.
   */
  async edit(
    ctx: Context,
    input: {
      id: string;
      storeId: string;
      customerId: string;
      warehouseId: string;
      baseUrl: string;
      appKey: string;
      appSecret?: string | null;
      stockBuffer?: string | null;
      stockShare?: number | null;
    },
  ): Promise<PlatformConnection> {
    const url = httpUrl(input.baseUrl);
    const appKey = input.appKey;
    const secret = input.appSecret ?? '';
    const share = input.stockShare ?? null;
    if (share !== null && (!Number.isInteger(share) || share < 0 || share > 100))
      throw badInput([{ field: 'stockShare', message: 'A whole percentage from 0 to 100.' }]);
    if (input.stockBuffer != null && new Decimal(input.stockBuffer).isNegative())
      throw badInput([{ field: 'stockBuffer', message: 'At least 0.' }]);
    let before: PlatformConnection | null = null;
    let restock = 0;
    const saved = await inTransaction(this.ds, async (tx) => {
      const c = await tx.findOne(PlatformConnection, { where: { id: Number(input.id) || -1 } });
      if (!c) throw notFound('This store connection');
      before = c;
      const { store, customerId, warehouseId } = await this.checkRefs(tx, input);
      const key = shopKey(c.kind, url, appKey);
      const same = await tx.findOne(PlatformConnection, { where: { shopKey: key } });
      if (same && same.id !== c.id) throw await this.connectedAlready(tx, same);
      const shopChanged = key !== c.shopKey;
      const change: Partial<PlatformConnection> = {
        storeId: store.id,
        customerId,
        warehouseId,
        baseUrl: url.toString(),
        appKey,
        shopKey: key,
        ...(secret ? { appSecret: secret } : {}),
        ...(input.stockBuffer != null ? { stockBuffer: new Decimal(input.stockBuffer).toFixed(6) } : {}),
        ...(share !== null ? { stockShare: share } : {}),
        ...(shopChanged ? { cursor: null, refundCursor: null } : {}),
      };
      await tx.update(PlatformConnection, { id: c.id }, change).catch(async (e: unknown) => {
        // the same shop given to another connection at the same moment: the unique shop key refuses it
        if (!isDuplicateKey(e) && !/UNIQUE constraint failed: platform_connection/.test(String(e))) throw e;
        const other = await this.ds.getRepository(PlatformConnection).findOne({ where: { shopKey: key } });
        throw other ? await this.connectedAlready(this.ds.manager, other) : e;
      });
      const after = await tx.findOneByOrFail(PlatformConnection, { id: c.id });
      if (stockRuleChanged(c, after)) restock = await this.queueStoreStock(tx, c, after.warehouseId);
      await this.audit.record(tx, ctx, {
        action: 'integration.platform.edit',
        entityType: 'PlatformConnection',
        entityId: c.id,
        before: describeConnection(c),
        after: { ...describeConnection(after), credentialsReplaced: !!secret },
      });
      return after;
    });
    const old = before as PlatformConnection | null;
    if (old) forgetPlatformToken(old.baseUrl, old.appKey);
    forgetPlatformToken(saved.baseUrl, saved.appKey);
    this.bus.publish(STORES_CHANGED, { id: saved.id });
    if (restock) return this.pushedNow(saved.id);
    return saved;
  }

  /**
   * Queues every SKU whose quantity at the store may have moved with its stock rule or warehouse:
   * those with stock in its old or new warehouse and those mapped to a platform code (a SKU gone from
   * the store's warehouse is pushed as 0). Returns how many.
   */
  private async queueStoreStock(tx: EntityManager, c: PlatformConnection, warehouseId: number): Promise<number> {
    const heads = [
      ...(await costHeads(tx, c.warehouseId)),
      ...(warehouseId === c.warehouseId ? [] : await costHeads(tx, warehouseId)),
    ];
    const mapped = await tx.find(PlatformSkuMap, { where: { connectionId: c.id } });
    const skuIds = [
      ...new Set([...heads.map((h) => h.skuId), ...mapped.flatMap((m) => (m.skuId === null ? [] : [m.skuId]))]),
    ].sort((a, b) => a - b);
    await this.queueSkus(tx, c.id, skuIds);
    return skuIds.length;
  }

  /**
   * A store's stock rule or warehouse changed: its stock goes to the platform now, not at the next
   * sweep. The change is committed either way; a platform that does not take it shows
   * `lastStockError` on the returned connection and the rows wait for the sweep.
   */
  private async pushedNow(id: number): Promise<PlatformConnection> {
    await this.stockWorker.run().catch((e) => console.error('[jxc] platforms.stockPush failed', e?.message ?? e));
    return this.ds.getRepository(PlatformConnection).findOneByOrFail({ id });
  }

  /** One outbox row per SKU for a store (a row already waiting: its seq moves, so it goes again). */
  private async queueSkus(tx: EntityManager, connectionId: number, skuIds: number[]): Promise<void> {
    if (!skuIds.length) return;
    const at = dateTimeParam(tx, now());
    for (let i = 0; i < skuIds.length; i += 500) {
      const part = skuIds.slice(i, i + 500);
      await tx.query(
        `INSERT INTO platform_stock_push (connection_id, sku_id, seq, lease_until, created_at) VALUES ${part
          .map(() => '(?, ?, 1, NULL, ?)')
          .join(', ')} ${onDuplicateMerge(tx, ['connection_id', 'sku_id'], { seq: 'sum' })}`,
        part.flatMap((skuId) => [connectionId, skuId, at]),
      );
    }
  }

  /** The refusal of a second connection to a shop: which store has it already. */
  private async connectedAlready(em: EntityManager, c: PlatformConnection): Promise<DomainError> {
    const store = await findStore(em, c.storeId);
    return new DomainError(
      ErrorCode.PLATFORM_SHOP_CONNECTED,
      `This ${c.kind} shop (${c.appKey} at ${new URL(c.baseUrl).origin}) is connected already, to store ${store?.code ?? c.storeId}: a second connection would import every order twice.`,
      { connectionId: c.id, store: store ? `${store.code} ${store.name}` : String(c.storeId) },
    );
  }

  private async connection(id: string | number): Promise<PlatformConnection> {
    const c = await this.ds.getRepository(PlatformConnection).findOne({ where: { id: Number(id) || -1 } });
    if (!c) throw notFound('This store connection');
    return c;
  }

  /** Our SKU for each platform code, or null (unmapped). */
  private async resolveSkus(
    tx: EntityManager,
    c: PlatformConnection,
    codes: string[],
  ): Promise<Map<string, number | null>> {
    const out = new Map<string, number | null>();
    for (const code of new Set(codes)) {
      const mapped = await tx.findOne(PlatformSkuMap, { where: { connectionId: c.id, platformSku: code } });
      if (mapped?.skuId) out.set(code, mapped.skuId);
      else out.set(code, (await skuByCodeOrBarcode(tx, code))?.id ?? null);
    }
    return out;
  }

  /** One order: a sales order and its platform_order row in one transaction, or held for review; never twice. */
  private async importOne(
    ctx: Context,
    c: PlatformConnection,
    o: PlatformOrderIn,
    held?: PlatformOrder,
  ): Promise<keyof ImportResult> {
    try {
      return await inTransaction(this.ds, (tx) => this.importIn(tx, ctx, c, o, held));
    } catch (e) {
      // another import took the same order at the same moment: its unique key won
      if (isDuplicateKey(e)) return 'duplicates';
      throw e;
    }
  }

  /**
   * A page of orders: those already known are left out with one query; the rest go in one
   * transaction (1,000 orders are 20 transactions, not 1,000). Should that fail (another import took
   * one meanwhile, or one order is refused), each goes in its own transaction as before.
   */
  private async importPage(ctx: Context, c: PlatformConnection, orders: PlatformOrderIn[], result: ImportResult) {
    const ids = [...new Set(orders.map((o) => o.id.slice(0, 64)))];
    const known = new Set(
      ids.length
        ? (
            await this.ds.getRepository(PlatformOrder).find({
              select: { platformOrderId: true },
              where: { connectionId: c.id, platformOrderId: In(ids) },
            })
          ).map((r) => r.platformOrderId)
        : [],
    );
    const fresh: PlatformOrderIn[] = [];
    for (const o of orders) {
      // seen before, or twice on this page (a platform repeating itself)
      if (known.has(o.id.slice(0, 64))) result.duplicates++;
      else {
        known.add(o.id.slice(0, 64));
        fresh.push(o);
      }
    }
    if (!fresh.length) return;
    try {
      const got = await inTransaction(this.ds, async (tx) => {
        const out: Array<keyof ImportResult> = [];
        for (const o of fresh) out.push(await this.importIn(tx, ctx, c, o));
        return out;
      });
      for (const r of got) result[r]++;
    } catch {
      for (const o of fresh) result[await this.importOne(ctx, c, o)]++;
    }
  }

  private async importIn(
    tx: EntityManager,
    ctx: Context,
    c: PlatformConnection,
    o: PlatformOrderIn,
    held?: PlatformOrder,
  ): Promise<keyof ImportResult> {
    {
      {
        if (!held && (await tx.findOne(PlatformOrder, { where: { connectionId: c.id, platformOrderId: o.id } })))
          return 'duplicates' as const;
        const skus = await this.resolveSkus(
          tx,
          c,
          o.lines.map((l) => l.sku),
        );
        const unknown = [...skus].filter(([, id]) => id === null).map(([code]) => code);
        if (unknown.length) {
          if (held) return 'held' as const;
          for (const code of unknown) {
            const m = await tx.findOne(PlatformSkuMap, { where: { connectionId: c.id, platformSku: code } });
            if (m) await tx.update(PlatformSkuMap, { id: m.id }, { waiting: m.waiting + 1 });
            else
              await tx.insert(PlatformSkuMap, {
                connectionId: c.id,
                platformSku: code.slice(0, 64),
                skuId: null,
                waiting: 1,
              });
          }
          await tx.insert(PlatformOrder, {
            connectionId: c.id,
            platformOrderId: o.id.slice(0, 64),
            state: PlatformOrderState.HELD,
            salesOrderId: null,
            raw: JSON.stringify(o),
            trackingNo: null,
            shipmentPushedAt: null,
            createdAt: now(),
          });
          return 'held' as const;
        }
        const store = await findStore(tx, c.storeId);
        if (!store) throw new DomainError(ErrorCode.NOT_FOUND, 'The store of this connection does not exist.');
        const order = await this.salesOrders.createIn(tx, ctx, {
          channelId: String(store.channelId),
          storeId: String(store.id),
          customerId: String(c.customerId),
          warehouseId: String(c.warehouseId),
          orderDate: today(),
          memo: `${c.kind} ${o.id}`,
          lines: o.lines.map((l) => ({ skuId: String(skus.get(l.sku)), qty: l.qty, unitPrice: l.price })),
        });
        if (held)
          await tx.update(
            PlatformOrder,
            { id: held.id },
            { state: PlatformOrderState.IMPORTED, salesOrderId: order.id },
          );
        else
          await tx.insert(PlatformOrder, {
            connectionId: c.id,
            platformOrderId: o.id.slice(0, 64),
            state: PlatformOrderState.IMPORTED,
            salesOrderId: order.id,
            raw: JSON.stringify(o),
            trackingNo: null,
            shipmentPushedAt: null,
            createdAt: now(),
          });
        return 'imported' as const;
      }
    }
  }

  /**
   * Pulls the orders since the connection's cursor (from the start with `fromStart`) for about three
   * seconds a call (`more`: call again), and imports them; held orders whose SKUs were mapped since go in first. The cursor moves after each page, so
   * a crash re-reads at most one page, and the unique platform order id keeps that from doubling.
   */
  async importOrders(
    ctx: Context,
    id: string,
    fromStart = false,
  ): Promise<ImportResult & RefundResult & { more: boolean }> {
    const c = await this.connection(id);
    const result = { imported: 0, duplicates: 0, held: 0, returned: 0, review: 0, more: false };
    const adapter = this.adapters(c.kind, c);
    for (const h of await this.ds.getRepository(PlatformOrder).find({
      where: { connectionId: c.id, state: PlatformOrderState.HELD },
      order: { id: 'ASC' },
    })) {
      const r = await this.importOne(ctx, c, JSON.parse(h.raw), h);
      if (r === 'imported') result.imported++;
    }
    let cursor = fromStart ? null : c.cursor;
    try {
      const started = performance.now();
      while (performance.now() - started < CALL_BUDGET_MS) {
        const got = await adapter.pullOrders(cursor);
        await this.importPage(ctx, c, got.orders, result);
        cursor = got.cursor;
        await this.ds
          .getRepository(PlatformConnection)
          .update({ id: c.id }, { cursor, lastSyncAt: now(), lastError: null });
        result.more = got.more && got.orders.length > 0;
        if (!result.more) break;
      }
      // the refunds, once the orders are in (a refund may name an order of this very pull)
      if (!result.more) Object.assign(result, await this.importRefunds(ctx, c, adapter, fromStart));
    } catch (e) {
      if (!(e instanceof PlatformError)) throw e;
      await this.ds
        .getRepository(PlatformConnection)
        .update({ id: c.id }, { lastError: e.message.slice(0, 300), lastSyncAt: now() });
      throw new DomainError(ErrorCode.PLATFORM_UNAVAILABLE, e.message);
    }
    // mapped SKUs no longer wait
    await this.ds
      .getRepository(PlatformSkuMap)
      .createQueryBuilder()
      .update()
      .set({ waiting: 0 })
      .where('connection_id = :c AND sku_id IS NOT NULL', { c: c.id })
      .execute();
    return result;
  }

  /** Platform SKU codes without one of ours: the review list. */
  reviewList(id: string): Promise<PlatformSkuMap[]> {
    return this.ds
      .getRepository(PlatformSkuMap)
      .find({ where: { connectionId: Number(id) || -1, skuId: IsNull() }, order: { id: 'ASC' } });
  }

  async mapSku(ctx: Context, mapId: string, skuId: string): Promise<PlatformSkuMap> {
    return inTransaction(this.ds, async (tx) => {
      const m = await tx.findOne(PlatformSkuMap, { where: { id: Number(mapId) || -1 } });
      if (!m) throw notFound('This platform SKU');
      const sku = await findSku(tx, Number(skuId));
      if (!sku) throw badInput([{ field: 'skuId', message: 'This SKU does not exist.' }]);
      await tx.update(PlatformSkuMap, { id: m.id }, { skuId: sku.id });
      await this.audit.record(tx, ctx, {
        action: 'integration.platform.mapSku',
        entityType: 'PlatformSkuMap',
        entityId: m.id,
        after: { platformSku: m.platformSku, skuId: sku.id },
      });
      return { ...m, skuId: sku.id };
    });
  }

  /** Tells the platform that an imported order shipped, with its tracking number. */
  async pushShipment(ctx: Context, salesOrderId: string, trackingNo: string, carrier: string): Promise<PlatformOrder> {
    const tn = trackingNo.trim();
    if (!tn || tn.length > 64) throw badInput([{ field: 'trackingNo', message: '1 to 64 characters.' }]);
    const po = await this.ds
      .getRepository(PlatformOrder)
      .findOne({ where: { salesOrderId: Number(salesOrderId) || -1 } });
    if (!po) throw notFound('A platform order for this sales order');
    const c = await this.connection(po.connectionId);
    try {
      await this.adapters(c.kind, c).pushShipment(po.platformOrderId, tn, carrier.trim().slice(0, 40));
    } catch (e) {
      if (!(e instanceof PlatformError)) throw e;
      throw new DomainError(ErrorCode.PLATFORM_UNAVAILABLE, e.message);
    }
    return inTransaction(this.ds, async (tx) => {
      await tx.update(PlatformOrder, { id: po.id }, { trackingNo: tn, shipmentPushedAt: now() });
      await this.audit.record(tx, ctx, {
        action: 'integration.platform.pushShipment',
        entityType: 'PlatformOrder',
        entityId: po.id,
        after: { platformOrderId: po.platformOrderId, trackingNo: tn, carrier },
      });
      return tx.findOneByOrFail(PlatformOrder, { id: po.id });
    });
  }

  // ---------- refunds in: sales returns ----------

  /**
   * Pulls the refunds since the connection's refund cursor and books each once (by its platform
   * refund id): first those on the review list that a later sync may resolve (their order or its
   * shipment came since).
   */
  private async importRefunds(
    ctx: Context,
    c: PlatformConnection,
    adapter: PlatformAdapter,
    fromStart: boolean,
  ): Promise<RefundResult> {
    const result: RefundResult = { returned: 0, review: 0 };
    const waiting = await this.ds.getRepository(PlatformRefund).find({
      where: { connectionId: c.id, state: PlatformRefundState.REVIEW, problem: In(RETRYABLE) },
      order: { id: 'ASC' },
    });
    for (const w of waiting) if ((await this.refundOne(ctx, c, JSON.parse(w.raw), w)) === 'returned') result.returned++;
    let cursor = fromStart ? null : c.refundCursor;
    const started = performance.now();
    while (performance.now() - started < CALL_BUDGET_MS) {
      const got = await adapter.pullRefunds(cursor);
      for (const r of got.refunds) {
        const out = await this.refundOne(ctx, c, r);
        if (out !== 'duplicate') result[out]++;
      }
      cursor = got.cursor;
      await this.ds.getRepository(PlatformConnection).update({ id: c.id }, { refundCursor: cursor });
      if (!got.more || !got.refunds.length) break;
    }
    return result;
  }

  /**
   * One refund: a sales return (restocked, refund resolution) of the units on the order's shipments,
   * with its platform_refund row in the same transaction; or a review row saying why not. A refund
   * seen before is left alone (the unique key on the platform refund id).
   */
  private async refundOne(
    ctx: Context,
    c: PlatformConnection,
    r: PlatformRefundIn,
    review?: PlatformRefund,
  ): Promise<'returned' | 'review' | 'duplicate'> {
    const refundId = r.id.slice(0, 64);
    const reviewRow = async (problem: string, message: string) => {
      const fields = {
        state: PlatformRefundState.REVIEW,
        problem,
        message: message.slice(0, 300),
        salesReturnId: null,
      };
      if (review) await this.ds.getRepository(PlatformRefund).update({ id: review.id }, fields);
      else
        try {
          await this.ds.getRepository(PlatformRefund).insert({
            connectionId: c.id,
            platformRefundId: refundId,
            platformOrderId: r.orderId.slice(0, 64),
            raw: JSON.stringify(r),
            createdAt: now(),
            ...fields,
          });
        } catch (e) {
          if (isDuplicateKey(e)) return 'duplicate' as const;
          throw e;
        }
      return 'review' as const;
    };
    class Refused extends Error {
      constructor(
        readonly problem: string,
        message: string,
      ) {
        super(message);
      }
    }
    try {
      return await inTransaction(this.ds, async (tx) => {
        if (
          !review &&
          (await tx.findOne(PlatformRefund, { where: { connectionId: c.id, platformRefundId: refundId } }))
        )
          return 'duplicate' as const;
        const po = await tx.findOne(PlatformOrder, {
          where: { connectionId: c.id, platformOrderId: r.orderId.slice(0, 64), state: PlatformOrderState.IMPORTED },
        });
        if (!po?.salesOrderId)
          throw new Refused('REFUND_UNKNOWN_ORDER', `No imported order ${r.orderId} in this store.`);
        const shipped = await shipmentLinesOfOrder(tx, po.salesOrderId);
        if (!shipped.length)
          throw new Refused('REFUND_NOT_SHIPPED', `Order ${r.orderId} has not shipped: cancel or change it instead.`);
        const skus = await this.resolveSkus(
          tx,
          c,
          r.lines.map((l) => l.sku),
        );
        const unknown = [...skus].filter(([, id]) => id === null).map(([code]) => code);
        if (unknown.length) throw new Refused('REFUND_UNKNOWN_SKU', `Unknown SKU code(s): ${unknown.join(', ')}.`);
        // the units from the order's shipment lines of each SKU, oldest shipment first
        const perShipment = new Map<number, Array<{ shipmentLineId: string; qty: string }>>();
        const left = new Map(shipped.map((l) => [l.shipmentLineId, new Decimal(l.qty).minus(l.returnedQty)]));
        for (const l of r.lines) {
          let need = new Decimal(l.qty);
          if (!need.gt(0)) throw new Refused('REFUND_TOO_MUCH', `A refund line of ${l.sku} has no quantity.`);
          for (const sl of shipped.filter((x) => x.skuId === skus.get(l.sku))) {
            if (need.isZero()) break;
            const take = Decimal.min(need, left.get(sl.shipmentLineId)!);
            if (!take.gt(0)) continue;
            left.set(sl.shipmentLineId, left.get(sl.shipmentLineId)!.minus(take));
            need = need.minus(take);
            perShipment.set(sl.shipmentId, [
              ...(perShipment.get(sl.shipmentId) ?? []),
              { shipmentLineId: String(sl.shipmentLineId), qty: take.toFixed() },
            ]);
          }
          if (need.gt(0))
            throw new Refused(
              'REFUND_TOO_MUCH',
              `${l.qty} of ${l.sku} refunded, ${need.toFixed()} more than shipped and not yet returned.`,
            );
        }
        if (!this.fulfilment) throw new Error('PlatformService was built without the sales fulfilment service.');
        let first: number | null = null;
        for (const [shipmentId, lines] of perShipment) {
          const ret = await this.fulfilment.returnGoodsIn(tx, ctx, {
            shipmentId: String(shipmentId),
            reason: ReturnReason.OTHER,
            note: `${c.kind} refund ${r.id}${r.reason ? `: ${r.reason}` : ''}`.slice(0, 500),
            resolution: ReturnResolution.REFUND,
            lines: lines.map((l) => ({ ...l, disposition: ReturnDisposition.RESTOCK })),
          });
          first ??= ret.id;
        }
        const fields = { state: PlatformRefundState.RETURNED, problem: null, message: null, salesReturnId: first };
        if (review) await tx.update(PlatformRefund, { id: review.id }, fields);
        else
          await tx.insert(PlatformRefund, {
            connectionId: c.id,
            platformRefundId: refundId,
            platformOrderId: r.orderId.slice(0, 64),
            raw: JSON.stringify(r),
            createdAt: now(),
            ...fields,
          });
        return 'returned' as const;
      });
    } catch (e) {
      if (e instanceof Refused) return reviewRow(e.problem, e.message);
      // the return itself was refused (a closed period …): a person looks at it
      if (e instanceof DomainError) return reviewRow(String(e.extensions.code ?? 'REFUND_REFUSED'), e.message);
      if (isDuplicateKey(e)) return 'duplicate';
      throw e;
    }
  }

  /** Refunds waiting for a person (unknown order, not shipped, more than shipped …). */
  refundReview(id?: string | null): Promise<PlatformRefund[]> {
    return this.ds.getRepository(PlatformRefund).find({
      where: { ...(id ? { connectionId: Number(id) || -1 } : {}), state: PlatformRefundState.REVIEW },
      order: { id: 'ASC' },
    });
  }

  /** A person put a refund on the review list aside (handled by hand). */
  async dismissRefund(ctx: Context, id: string): Promise<PlatformRefund> {
    return inTransaction(this.ds, async (tx) => {
      const r = await tx.findOne(PlatformRefund, { where: { id: Number(id) || -1 } });
      if (!r || r.state !== PlatformRefundState.REVIEW) throw notFound('This refund on the review list');
      await tx.update(PlatformRefund, { id: r.id }, { state: PlatformRefundState.DISMISSED });
      await this.audit.record(tx, ctx, {
        action: 'integration.platform.dismissRefund',
        entityType: 'PlatformRefund',
        entityId: r.id,
        after: { platformRefundId: r.platformRefundId, problem: r.problem },
      });
      return { ...r, state: PlatformRefundState.DISMISSED };
    });
  }

  // ---------- shipments out: tracking numbers ----------

  /** In the shipment's transaction: a store's order shipped with a tracking number → one push row. */
  private async queueShipment(tx: EntityManager, e: DomainEvent): Promise<void> {
    const order = e.data.order as { storeId?: string | null } | undefined;
    const shipment = e.data.shipment as { id: string; trackingNo?: string; carrier?: string } | undefined;
    if (!order?.storeId || !shipment?.trackingNo || e.ref.type !== 'sales_order') return;
    const po = await tx.findOne(PlatformOrder, { where: { salesOrderId: e.ref.id } });
    if (!po) return;
    // once per shipment, however many services of this database heard it (the demo seeds with its own)
    if (await tx.findOne(PlatformShipmentPush, { where: { shipmentId: Number(shipment.id) } }))
      return this.shipmentWorker.soon(200);
    await tx.insert(PlatformShipmentPush, {
      connectionId: po.connectionId,
      orderRowId: po.id,
      shipmentId: Number(shipment.id),
      trackingNo: shipment.trackingNo.slice(0, 64),
      carrier: (shipment.carrier ?? '').slice(0, 40),
      attempts: 0,
      lastError: null,
      leaseUntil: null,
      pushedAt: null,
      createdAt: now(),
    });
    this.shipmentWorker.soon(200);
  }

  /** Pushes the tracking numbers waiting now (tests call this; the worker runs it in the background). */
  pushShipments(): Promise<number> {
    return this.shipmentWorker.run();
  }

  /**
   * Takes waiting shipment pushes (SKIP LOCKED, a lease on the database clock) and tells each
   * platform; a failure is kept on the row and tried again after a backoff (30 s doubling, at most
   * an hour), a success marks the row and the platform order with the tracking number.
   */
  private pushDueShipments(): Promise<number> {
    const seen = new Set<number>();
    return drainDue(this.ds, {
      table: 'platform_shipment_push',
      where: () => ['pushed_at IS NULL', []],
      exclude: () => ({ column: 'id', values: [...seen] }),
      limit: 50,
      leaseMs: this.leaseMs,
      load: (tx, ids) => tx.find(PlatformShipmentPush, { where: { id: In(ids) }, order: { id: 'ASC' } }),
      send: async (taken) => {
        let pushed = 0;
        for (const row of taken) {
          seen.add(row.id);
          if (await this.pushOneShipment(row)) pushed++;
        }
        return pushed;
      },
    });
  }

  private async pushOneShipment(row: PlatformShipmentPush): Promise<boolean> {
    const po = await this.ds.getRepository(PlatformOrder).findOneBy({ id: row.orderRowId });
    const c = await this.ds.getRepository(PlatformConnection).findOneBy({ id: row.connectionId });
    if (!po || !c) return false;
    try {
      await this.adapters(c.kind, c).pushShipment(po.platformOrderId, row.trackingNo, row.carrier);
    } catch (e) {
      if (!(e instanceof PlatformError)) throw e;
      const backoffMs = Math.min(30_000 * 2 ** row.attempts, 3_600_000);
      await inTransaction(this.ds, async (tx) => {
        const [until, params] = leaseUntil(tx, backoffMs);
        await tx.query(
          `UPDATE platform_shipment_push SET attempts = attempts + 1, last_error = ?, lease_until = ${until} WHERE id = ?`,
          [e.message.slice(0, 300), ...params, row.id],
        );
      });
      return false;
    }
    await inTransaction(this.ds, async (tx) => {
      await tx.update(
        PlatformShipmentPush,
        { id: row.id },
        { pushedAt: now(), attempts: row.attempts + 1, lastError: null, leaseUntil: null },
      );
      await tx.update(PlatformOrder, { id: po.id }, { trackingNo: row.trackingNo, shipmentPushedAt: now() });
    });
    return true;
  }

  /** The platform order behind a sales order (null: not from a store) and its shipment pushes. */
  async orderOf(salesOrderId: number): Promise<{
    order: PlatformOrder;
    connection: PlatformConnection;
    shipments: PlatformShipmentPush[];
  } | null> {
    const order = await this.ds.getRepository(PlatformOrder).findOne({ where: { salesOrderId } });
    if (!order) return null;
    const connection = await this.connection(order.connectionId);
    const shipments = await this.ds
      .getRepository(PlatformShipmentPush)
      .find({ where: { orderRowId: order.id }, order: { id: 'ASC' } });
    return { order, connection, shipments };
  }

  /** Per store: orders imported and held, SKUs and refunds waiting for review, tracking numbers not yet taken. */
  async counts(connectionId: number): Promise<{
    imported: number;
    held: number;
    unmappedSkus: number;
    refundsToReview: number;
    shipmentsWaiting: number;
    shipmentErrors: number;
  }> {
    const em = this.ds.manager;
    const [imported, held, unmappedSkus, refundsToReview, shipmentsWaiting, shipmentErrors] = await Promise.all([
      em.count(PlatformOrder, { where: { connectionId, state: PlatformOrderState.IMPORTED } }),
      em.count(PlatformOrder, { where: { connectionId, state: PlatformOrderState.HELD } }),
      em.count(PlatformSkuMap, { where: { connectionId, skuId: IsNull() } }),
      em.count(PlatformRefund, { where: { connectionId, state: PlatformRefundState.REVIEW } }),
      em.count(PlatformShipmentPush, { where: { connectionId, pushedAt: IsNull() } }),
      em.count(PlatformShipmentPush, { where: { connectionId, pushedAt: IsNull(), attempts: MoreThan(0) } }),
    ]);
    return { imported, held, unmappedSkus, refundsToReview, shipmentsWaiting, shipmentErrors };
  }

  // ---------- available stock out to the stores ----------

  /** In the posting's transaction: one outbox row per store × changed SKU (a second change bumps `seq`). */
  private async queueStock(
    tx: EntityManager,
    changes: Array<{ warehouseId: number; skuId: number }>,
    writes?: WriteBatch,
  ): Promise<void> {
    const warehouses = [...new Set(changes.map((c) => c.warehouseId))];
    if (!warehouses.length) return;
    if (!this.stores) {
      const loading = tx
        .find(PlatformConnection, { select: { id: true, warehouseId: true }, order: { id: 'ASC' } })
        .then((rows) => rows.map((r) => ({ id: r.id, warehouseId: r.warehouseId })));
      this.stores = loading;
      loading.catch(() => this.stores === loading && (this.stores = null));
    }
    const stores = (await this.stores).filter((st) => warehouses.includes(st.warehouseId));
    if (!stores.length) return;
    const rows = stores.flatMap((st) =>
      [...new Set(changes.filter((c) => c.warehouseId === st.warehouseId).map((c) => c.skuId))].map((skuId) => ({
        connectionId: st.id,
        skuId,
      })),
    );
    const at = dateTimeParam(tx, now());
    // in key order (the deadlock-free order of concurrent postings)
    rows.sort((a, b) => a.connectionId - b.connectionId || a.skuId - b.skuId);
    const sql = `INSERT INTO platform_stock_push (connection_id, sku_id, seq, lease_until, created_at) VALUES ${rows
      .map(() => '(?, ?, 1, NULL, ?)')
      .join(', ')} ${onDuplicateMerge(tx, ['connection_id', 'sku_id'], { seq: 'sum' })}`;
    const params = rows.flatMap((r) => [r.connectionId, r.skuId, at]);
    // a posting's packet carries it; a reservation change sends it at once
    if (writes) await writes.add(sql, params);
    else await tx.query(sql, params);
    this.stockWorker.soon(200);
  }

  /** Queues every SKU with stock in the store's warehouse (a full push: after connecting, or when the store drifted). */
  async queueFullStockPush(ctx: Context, id: string): Promise<number> {
    const c = await this.connection(id);
    const n = await inTransaction(this.ds, async (tx) => {
      const skuIds = (await costHeads(tx, c.warehouseId)).map((h) => h.skuId).sort((a, b) => a - b);
      await this.queueSkus(tx, c.id, skuIds);
      await this.audit.record(tx, ctx, {
        action: 'integration.platform.pushStock',
        entityType: 'PlatformConnection',
        entityId: c.id,
        after: { skus: skuIds.length },
      });
      return skuIds.length;
    });
    this.stockWorker.soon(0);
    return n;
  }

  /** A store's safety buffer and share of the warehouse's available stock; a change is pushed to the platform at once. */
  async setStockRule(ctx: Context, id: string, buffer: string, share: number): Promise<PlatformConnection> {
    if (!Number.isInteger(share) || share < 0 || share > 100)
      throw badInput([{ field: 'share', message: 'A whole percentage from 0 to 100.' }]);
    if (new Decimal(buffer).isNegative()) throw badInput([{ field: 'buffer', message: 'At least 0.' }]);
    let restock = 0;
    const saved = await inTransaction(this.ds, async (tx) => {
      const c = await tx.findOne(PlatformConnection, { where: { id: Number(id) || -1 } });
      if (!c) throw notFound('This store connection');
      await tx.update(PlatformConnection, { id: c.id }, { stockBuffer: buffer, stockShare: share });
      const after = await tx.findOneByOrFail(PlatformConnection, { id: c.id });
      if (stockRuleChanged(c, after)) restock = await this.queueStoreStock(tx, c, c.warehouseId);
      await this.audit.record(tx, ctx, {
        action: 'integration.platform.stockRule',
        entityType: 'PlatformConnection',
        entityId: c.id,
        before: { buffer: c.stockBuffer, share: c.stockShare },
        after: { buffer, share },
      });
      return after;
    });
    return restock ? this.pushedNow(saved.id) : saved;
  }

  /** Starts the stock push dispatcher (core/outbox) in the background. */
  startStockPush(intervalMs: number, every?: Every): void {
    this.stockWorker.start(intervalMs, every);
    // the tracking numbers share the schedule
    this.shipmentWorker.start(intervalMs, every);
  }

  stopStockPush(): Promise<unknown> {
    return Promise.all([this.stockWorker.stop(), this.shipmentWorker.stop()]);
  }

  /** Pushes what is queued now (tests call this; the worker runs it in the background). Returns the SKUs pushed. */
  pushStock(): Promise<number> {
    return this.stockWorker.run();
  }

  /**
   * Takes queued store × SKU rows (SKIP LOCKED, a lease on the database clock), reads the stock after
   * the commit of what queued them, pushes each store's SKUs in one call, and removes the rows whose
   * `seq` did not move meanwhile (a change during the push is pushed again). A store that does not
   * answer keeps its rows, its error shown on the connection, until the next sweep.
   */
  private pushDueStock(): Promise<number> {
    const failed = new Set<number>();
    return drainDue(this.ds, {
      table: 'platform_stock_push',
      exclude: () => ({ column: 'connection_id', values: [...failed] }),
      limit: 200,
      leaseMs: this.leaseMs,
      load: (tx, ids) => tx.find(PlatformStockPush, { where: { id: In(ids) }, order: { id: 'ASC' } }),
      send: async (taken) => {
        let pushed = 0;
        for (const connectionId of [...new Set(taken.map((r) => r.connectionId))]) {
          const rows = taken.filter((r) => r.connectionId === connectionId);
          if (await this.pushStoreStock(connectionId, rows)) pushed += rows.length;
          else failed.add(connectionId);
        }
        return pushed;
      },
    });
  }

  private async pushStoreStock(connectionId: number, rows: PlatformStockPush[]): Promise<boolean> {
    const c = await this.ds.getRepository(PlatformConnection).findOneBy({ id: connectionId });
    const release = (ids: number[]) =>
      ids.length
        ? this.ds.getRepository(PlatformStockPush).update({ id: In(ids) }, { leaseUntil: null })
        : Promise.resolve();
    if (!c) {
      await this.ds.getRepository(PlatformStockPush).delete({ id: In(rows.map((r) => r.id)) });
      return true;
    }
    const em = this.ds.manager;
    const skuIds = rows.map((r) => r.skuId);
    const avail = await stockAvailability(em, c.warehouseId, skuIds);
    const maps = await em.find(PlatformSkuMap, {
      where: { connectionId: c.id, skuId: In(skuIds) },
      order: { id: 'ASC' },
    });
    // under every code the platform may list it by: the codes mapped to it, and ours
    const items: Array<{ sku: string; available: string }> = [];
    for (const a of avail) {
      const qty = stockToPush(a.available, c.stockBuffer, c.stockShare);
      const codes = new Set(maps.filter((m) => m.skuId === a.skuId).map((m) => m.platformSku));
      const own = (await findSku(em, a.skuId))?.code;
      if (own) codes.add(own);
      for (const code of codes) items.push({ sku: code, available: qty });
    }
    const adapter = this.adapters(c.kind, c);
    try {
      if (items.length) await adapter.pushStock(items);
    } catch (e) {
      if (!(e instanceof PlatformError)) throw e;
      await release(rows.map((r) => r.id));
      await this.ds.getRepository(PlatformConnection).update({ id: c.id }, { lastStockError: e.message.slice(0, 300) });
      return false;
    }
    // done: each row, unless a posting changed its SKU again since it was taken
    await inTransaction(this.ds, async (tx) => {
      for (const r of rows) await tx.delete(PlatformStockPush, { id: r.id, seq: r.seq });
      await tx.update(PlatformStockPush, { id: In(rows.map((r) => r.id)) }, { leaseUntil: null });
      await tx.update(PlatformConnection, { id: c.id }, { lastStockPushAt: now(), lastStockError: null });
    });
    return true;
  }
}

/** An http(s) URL, or BAD_USER_INPUT on baseUrl. */
function httpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput([{ field: 'baseUrl', message: 'An http(s) URL.' }]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw badInput([{ field: 'baseUrl', message: 'An http(s) URL.' }]);
  return url;
}

/** Whether what a store is offered changed: its warehouse, safety buffer or share. */
function stockRuleChanged(before: PlatformConnection, after: PlatformConnection): boolean {
  return (
    before.warehouseId !== after.warehouseId ||
    before.stockShare !== after.stockShare ||
    !new Decimal(before.stockBuffer).eq(after.stockBuffer)
  );
}

/** What the audit trail keeps of a connection (never its secret). */
function describeConnection(c: PlatformConnection) {
  return {
    storeId: c.storeId,
    customerId: c.customerId,
    warehouseId: c.warehouseId,
    baseUrl: c.baseUrl,
    appKey: c.appKey,
    stockBuffer: c.stockBuffer,
    stockShare: c.stockShare,
  };
}

/** The names of this machine: one shop whichever of them its address uses. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The API's origin as one shop is known by: scheme and host in lower case (the URL parser does
 * that), a default port dropped, a trailing dot on the host dropped, and this machine's names
 * (localhost, 127.0.0.1, ::1) as one. A path or trailing slash changes nothing (the adapters call
 * absolute paths). The migration PlatformShopKeyOrigin1797711000000 rewrote the keys so.
 */
export function shopOrigin(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return `${url.protocol}//${LOOPBACK.has(host) ? '127.0.0.1' : host}${url.port ? `:${url.port}` : ''}`;
}

/**
 * What identifies a shop at its platform: the kind, the API's origin (`shopOrigin`) and the app key
 * (client id) the shop gave. Hashed to fit a unique index.
 */
export function shopKey(kind: string, url: URL, appKey: string): string {
  return createHash('sha256')
    .update(`${kind}\n${shopOrigin(url)}\n${appKey.trim()}`)
    .digest('hex');
}
