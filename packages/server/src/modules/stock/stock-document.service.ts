import { Decimal } from 'decimal.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { emitEvent, eventWanted, typed } from '../../core/events';
import { inTransaction, takesPackets } from '../../core/db';
import { badInput, conflict, DomainError, forbidden, notFound, type FieldProblem } from '../../core/errors';
import { IdempotencyRecord } from '../../core/entities';
import { checkKey, claimKey, isDuplicateKey, requestHash } from '../../core/idempotency';
import { lookupKey } from '../../core/idempotency-lookup';
import { nextNumber, numberInPacket } from '../../core/numbering';
import { pageNewestFirst, type KeysetPage, type PageInput } from '../../core/paging';
import { dateTimeParam, rowLocking } from '../../core/sql';
import { ask, type Statement } from '../../core/read-ahead';
import { WriteBatch } from '../../core/write-batch';
import { P } from '../../core/permissions/catalogue';
import { can } from '../../core/permissions/guard';
import { currentUnitCost, type CostingMethod, type CostState } from '../../domain/costing';
import type { AuditService } from '../audit';
import { skuLines, type SkuLine } from '../catalog';
import {
  assertPeriodOpen,
  companySettings,
  patternFor,
  POSTING_SETTINGS_SQL,
  postingSettingsOf,
  type CompanySettings,
  type PostingSettings,
} from '../system';
import { followRecostedStockDocuments, STOCK_DOC_TYPES, writeLineCosts } from './document-costs';
import { assertExpiryReasons, type ReceivedBatchLine } from './receiving-expiry';
import { StockLedgerEntry } from './ledger.entity';
import { Batch, Bin } from './location.entity';
import type { PostingService, StockMove } from './posting.service';
import { StockDocStatus, StockDocType, StockDocument, StockDocumentLine } from './stock-document.entity';
import type {
  CreateStockDocumentInput,
  StockDocumentFilter,
  StockLineInput,
  UpdateStockDocumentInput,
} from './stock-document.types';
import { Warehouse } from './warehouse.entity';
import { pickList, type PickList } from './pick-list';

import { addDays, now, today } from '../../core/dates';
import { actionsIn, allows, stockDocumentLifecycle } from '../../domain/lifecycle';
import { DocumentAction as A } from '../../core/actions';
const D = (s: string | number) => new Decimal(s);

/** The workflow a document was made from (a stocktake whose approval posted it). */
export interface DocumentSource {
  type: string;
  id: number;
  number: string;
}

const snapshot = (d: StockDocument, lines: StockDocumentLine[]) => ({
  type: d.type,
  number: d.number,
  status: d.status,
  warehouseId: d.warehouseId,
  toWarehouseId: d.toWarehouseId,
  businessDate: d.businessDate,
  memo: d.memo,
  lines: lines.map((l) => ({
    skuId: l.skuId,
    qty: l.qty,
    unit: l.unit,
    unitCost: l.unitCost,
    binId: l.binId,
    batchNo: l.batchNo,
  })),
  version: d.version,
});

/** The line columns posting reads (as `l_<column>`). */
const POSTING_LINE_COLUMNS = [
  'id',
  'line_no',
  'sku_id',
  'base_qty',
  'unit_cost',
  'bin_id',
  'to_bin_id',
  'batch_no',
  'expiry_date',
  'expiry_reason',
];

interface PostingRead {
  sql: string;
  document(row: Record<string, unknown>): StockDocument;
}
const postingReads = new WeakMap<object, PostingRead>();

/**
 * The posting read of a data source: the document's columns (as `d_<column>`), its lines ordered by
 * line number, and the settings row (the system module's one-row subquery), one statement.
 */
function postingRead(tx: EntityManager): PostingRead {
  const known = postingReads.get(tx.connection);
  if (known) return known;
  const meta = tx.connection.getMetadata(StockDocument);
  const driver = tx.connection.driver;
  const q = (name: string) => driver.escape(name);
  const columns = meta.columns.map((c) => ({ column: c, alias: `d_${c.databaseName}` }));
  const sql =
    `SELECT ${columns.map((c) => `d.${q(c.column.databaseName)} AS ${q(c.alias)}`).join(', ')}, ` +
    `${POSTING_LINE_COLUMNS.map((c) => `l.${q(c)} AS ${q(`l_${c}`)}`).join(', ')}, s.* ` +
    `FROM ${q(meta.tableName)} d INNER JOIN (${POSTING_SETTINGS_SQL}) s ON 1 = 1 ` +
    `LEFT JOIN ${q(tx.connection.getMetadata(StockDocumentLine).tableName)} l ON l.document_id = d.id ` +
    `WHERE d.id = ? ORDER BY l.line_no ASC`;
  const read: PostingRead = {
    sql,
    document: (row) => {
      const doc = new StockDocument();
      for (const { column, alias } of columns)
        column.setEntityValue(doc, driver.prepareHydratedValue(row[alias], column));
      return doc;
    },
  };
  postingReads.set(tx.connection, read);
  return read;
}

export class StockDocumentService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly posting: PostingService,
  ) {
    // a line's value is the ledger's: re-costing its entries updates it in the same transaction
    posting.onRecost(STOCK_DOC_TYPES, followRecostedStockDocuments);
  }

  // ---------- reading ----------

  private inScope(ctx: Context, ...warehouseIds: Array<number | null>) {
    const scope = ctx.user?.warehouseIds;
    return !scope || warehouseIds.filter((w): w is number => w !== null).some((w) => scope.includes(w));
  }

  async list(
    ctx: Context,
    filter?: StockDocumentFilter | null,
    page?: PageInput | null,
  ): Promise<KeysetPage<StockDocument>> {
    const qb = this.ds.getRepository(StockDocument).createQueryBuilder('d');
    const scope = ctx.user?.warehouseIds;
    const w = filter?.warehouseId ? Number(filter.warehouseId) : null;
    // a warehouse in scope already keeps every row in scope (it is the document's or its destination)
    if (scope && !(w !== null && scope.includes(w)))
      qb.andWhere('(d.warehouse_id IN (:...scope) OR d.to_warehouse_id IN (:...scope))', { scope });
    if (filter?.type) qb.andWhere('d.type = :type', { type: filter.type });
    if (filter?.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter?.from) qb.andWhere('d.business_date >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('d.business_date <= :to', { to: filter.to });
    if (filter?.number) qb.andWhere('d.number LIKE :n', { n: `%${filter.number}%` });
    // newest business day first, ties by id: ids from IDX_stock_document_date, keyset after a cursor;
    // one warehouse (its documents or a transfer's destination): merged from IDX_stock_document_wh_date
    // and IDX_stock_document_to_wh_date
    return pageNewestFirst(qb, {
      alias: 'd',
      keyColumn: 'd.business_date',
      page,
      either: w !== null ? { columns: ['d.warehouse_id', 'd.to_warehouse_id'], value: w } : undefined,
    });
  }

  /** What this user can do to the document now: its state and their permissions. */
  availableActions(ctx: Context, doc: StockDocument): A[] {
    return actionsIn(stockDocumentLifecycle, doc.status).filter((a) =>
      can(ctx, a === A.EDIT || a === A.DELETE ? P.StockDocumentCreate : P.StockDocumentPost),
    );
  }

  /**
   * 拣货单 of a draft issue (other issue, transfer, the losses of an adjustment): where to take its
   * lines from, in walking order; lines that name a bin or batch take from there. Nothing once posted.
   */
  async pickList(ctx: Context, id: string | number): Promise<PickList> {
    const doc = await this.get(ctx, id);
    const lines = await this.ds.manager.find(StockDocumentLine, {
      where: { documentId: doc.id },
      order: { lineNo: 'ASC' },
    });
    const issue = doc.type !== StockDocType.OTHER_IN && doc.status === StockDocStatus.DRAFT;
    return pickList(
      this.ds.manager,
      doc.warehouseId,
      lines.map((l) => {
        const q = new Decimal(l.baseQty);
        const out = !issue
          ? '0'
          : doc.type === StockDocType.ADJUSTMENT
            ? q.lt(0)
              ? q.neg().toFixed(6)
              : '0'
            : q.toFixed(6);
        return { skuId: l.skuId, qty: out, binId: l.binId, batchNo: l.batchNo };
      }),
      { sale: false, day: doc.businessDate },
    );
  }

  async get(ctx: Context, id: string | number, tx: EntityManager = this.ds.manager): Promise<StockDocument> {
    const doc = await tx.findOne(StockDocument, { where: { id: Number(id) || -1 } });
    if (!doc || !this.inScope(ctx, doc.warehouseId, doc.toWarehouseId)) throw notFound('This stock document');
    return doc;
  }

  lines(documentIds: number[], tx: EntityManager = this.ds.manager): Promise<StockDocumentLine[]> {
    if (!documentIds.length) return Promise.resolve([]);
    return tx
      .getRepository(StockDocumentLine)
      .find({ where: { documentId: In(documentIds) }, order: { documentId: 'ASC', lineNo: 'ASC' } });
  }

  // ---------- drafts ----------

  /** Checks the header and every line; all problems at once, with field paths. */
  private async validate(
    tx: EntityManager,
    ctx: Context,
    type: StockDocType,
    warehouseId: number,
    toWarehouseId: number | null,
    lines: StockLineInput[],
    maxLines = 500,
  ) {
    const problems: FieldProblem[] = [];
    const wh = await tx.findOne(Warehouse, { where: { id: warehouseId } });
    if (!wh || !this.inScope(ctx, warehouseId)) problems.push({ field: 'warehouseId', message: 'Unknown warehouse.' });
    else if (!wh.active) problems.push({ field: 'warehouseId', message: 'This warehouse is inactive.' });
    if (type === StockDocType.TRANSFER) {
      if (!toWarehouseId || !(await tx.findOne(Warehouse, { where: { id: toWarehouseId } })))
        problems.push({ field: 'toWarehouseId', message: 'A transfer needs a known destination warehouse.' });
    }
    // a transfer within one warehouse moves stock between bins (移库, e.g. into a quarantine bin)
    const binMove = type === StockDocType.TRANSFER && toWarehouseId === warehouseId;
    if (!lines.length) problems.push({ field: 'lines', message: 'Add at least one line.' });
    if (lines.length > maxLines) problems.push({ field: 'lines', message: `At most ${maxLines} lines per document.` });
    const skuIds = [...new Set(lines.map((l) => Number(l.skuId)).filter((n) => n > 0))];
    const found = await skuLines(tx, skuIds);
    const binIds = [
      ...new Set(
        lines
          .flatMap((l) => [l.binId, l.toBinId])
          .filter(Boolean)
          .map(Number),
      ),
    ];
    const bins = binIds.length ? await tx.find(Bin, { where: { id: In(binIds) } }) : [];
    const resolved: Array<{
      sku: SkuLine['sku'];
      product: SkuLine['product'];
      unit: string;
      factor: string;
      baseQty: string;
    }> = [];
    lines.forEach((l, i) => {
      const at = (f: string) => `lines[${i}].${f}`;
      const { sku, product, units = [] } = found.get(Number(l.skuId)) ?? {};
      if (!sku || !product) return void problems.push({ field: at('skuId'), message: 'Unknown SKU.' });
      if (!sku.active || !product.active) problems.push({ field: at('skuId'), message: 'This SKU is inactive.' });
      const q = D(l.qty);
      if (q.isZero()) problems.push({ field: at('qty'), message: 'The quantity cannot be zero.' });
      else if (q.lt(0) && type !== StockDocType.ADJUSTMENT)
        problems.push({ field: at('qty'), message: 'The quantity must be positive.' });
      const unitName = l.unit?.trim() || product.baseUnit;
      let factor = '1';
      if (unitName !== product.baseUnit) {
        const u = units.find((x) => x.name === unitName);
        if (!u) problems.push({ field: at('unit'), message: `${product.name} has no unit "${unitName}".` });
        else factor = u.factor;
      }
      const baseQty = q.times(factor);
      if (baseQty.decimalPlaces() > product.unitScale) {
        problems.push({
          field: at('qty'),
          message: `${product.baseUnit} allows ${product.unitScale} decimal place(s).`,
        });
      }
      if (l.unitCost !== undefined && l.unitCost !== null) {
        if (!can(ctx, P.StockCostRead))
          throw forbidden('You may not set unit costs.', { fields: ['StockDocumentLine.unitCost'] });
        if (D(l.unitCost).lt(0)) problems.push({ field: at('unitCost'), message: 'A unit cost cannot be negative.' });
        if (D(l.unitCost).decimalPlaces() > 6)
          problems.push({ field: at('unitCost'), message: 'At most 6 decimal places.' });
      }
      // who may read costs names one; who may not (a warehouse keeper) books it without: it comes
      // in at the current unit cost at posting (postIn), as an adjustment gain does
      if (type === StockDocType.OTHER_IN && l.unitCost == null && can(ctx, P.StockCostRead))
        problems.push({ field: at('unitCost'), message: 'An other receipt needs a unit cost.' });
      if (type !== StockDocType.OTHER_IN && type !== StockDocType.ADJUSTMENT && l.unitCost != null)
        problems.push({
          field: at('unitCost'),
          message: 'Issues and transfers take their cost from the costing method.',
        });
      for (const [f, id, w] of [
        ['binId', l.binId, warehouseId],
        ['toBinId', l.toBinId, toWarehouseId],
      ] as const) {
        if (!id || id === '0') continue; // 0: no bin (stock kept outside bins)
        const bin = bins.find((b) => b.id === Number(id));
        if (!bin || bin.warehouseId !== w)
          problems.push({ field: at(f), message: 'This bin is not in the warehouse.' });
      }
      if (binMove && !l.toBinId)
        problems.push({ field: at('toBinId'), message: 'A move within the warehouse needs the destination bin.' });
      else if (binMove && l.binId && String(l.binId) === String(l.toBinId))
        problems.push({ field: at('toBinId'), message: 'The destination bin must differ from the source bin.' });
      const inbound = type === StockDocType.OTHER_IN || (type === StockDocType.ADJUSTMENT && q.gt(0));
      if (product.batchTracked && inbound && !l.batchNo)
        problems.push({ field: at('batchNo'), message: `${product.name} is batch-tracked: give a batch number.` });
      if (l.expiryDate && !/^\d{4}-\d{2}-\d{2}$/.test(l.expiryDate))
        problems.push({ field: at('expiryDate'), message: 'A date like 2027-06-30.' });
      resolved.push({ sku, product, unit: unitName, factor: D(factor).toFixed(6), baseQty: baseQty.toFixed(6) });
    });
    if (problems.length) throw badInput(problems, 'The document has problems; nothing was saved.');
    return resolved;
  }

  private async writeLines(
    tx: EntityManager,
    docId: number,
    lines: StockLineInput[],
    resolved: Array<{ unit: string; factor: string; baseQty: string }>,
  ) {
    await tx.delete(StockDocumentLine, { documentId: docId });
    const rows = lines.map((l, i) =>
      tx.create(StockDocumentLine, {
        documentId: docId,
        lineNo: i + 1,
        skuId: Number(l.skuId),
        unit: resolved[i].unit,
        unitFactor: resolved[i].factor,
        qty: D(l.qty).toFixed(6),
        baseQty: resolved[i].baseQty,
        unitCost: l.unitCost != null ? D(l.unitCost).toFixed(6) : null,
        value: null,
        binId: l.binId ? Number(l.binId) : null,
        toBinId: l.toBinId ? Number(l.toBinId) : null,
        batchNo: l.batchNo?.trim() || null,
        expiryDate: l.expiryDate || null,
        expiryReason: l.expiryReason?.trim() || null,
      }),
    );
    return tx.save(rows);
  }

  async create(ctx: Context, input: CreateStockDocumentInput): Promise<StockDocument> {
    return inTransaction(this.ds, (tx) => this.createIn(tx, ctx, input));
  }

  /**
   * For another module's workflow (a stocktake's adjustment): creates and posts the document in the
   * caller's transaction, naming what it was made from. The caller has checked its own permission.
   */
  async createAndPostIn(
    tx: EntityManager,
    ctx: Context,
    input: CreateStockDocumentInput,
    source: DocumentSource,
  ): Promise<StockDocument> {
    const draft = await this.createIn(tx, ctx, input, source);
    return this.postIn(tx, ctx, String(draft.id));
  }

  private async createIn(
    tx: EntityManager,
    ctx: Context,
    input: CreateStockDocumentInput,
    source?: DocumentSource,
  ): Promise<StockDocument> {
    const warehouseId = Number(input.warehouseId);
    const toWarehouseId = input.toWarehouseId ? Number(input.toWarehouseId) : null;
    // a workflow's document (a full count's adjustment) may be longer than one typed by hand
    const resolved = await this.validate(
      tx,
      ctx,
      input.type,
      warehouseId,
      toWarehouseId,
      input.lines,
      source ? 100_000 : 500,
    );
    const doc = await tx.save(
      tx.create(StockDocument, {
        type: input.type,
        number: null,
        status: StockDocStatus.DRAFT,
        warehouseId,
        toWarehouseId: input.type === StockDocType.TRANSFER ? toWarehouseId : null,
        businessDate: input.businessDate ?? today(),
        memo: input.memo ?? '',
        countsAsDemand: input.type === StockDocType.OTHER_OUT && !!input.countsAsDemand,
        sourceType: source?.type ?? null,
        sourceId: source?.id ?? null,
        sourceNumber: source?.number ?? null,
        createdBy: ctx.user!.id,
        createdAt: now(),
        version: 1,
      }),
    );
    const lines = await this.writeLines(tx, doc.id, input.lines, resolved);
    await this.audit.record(tx, ctx, {
      action: 'stockDocument.create',
      entityType: 'StockDocument',
      entityId: doc.id,
      after: snapshot(doc, lines),
    });
    return doc;
  }

  async update(ctx: Context, input: UpdateStockDocumentInput): Promise<StockDocument> {
    return inTransaction(this.ds, async (tx) => {
      const before = await this.get(ctx, input.id, tx);
      if (!allows(stockDocumentLifecycle, A.EDIT, before.status)) throw notDraft(before);
      const beforeLines = await tx.find(StockDocumentLine, {
        where: { documentId: before.id },
        order: { lineNo: 'ASC' },
      });
      const patch: Partial<StockDocument> = { version: input.version + 1 };
      if (input.businessDate) patch.businessDate = input.businessDate;
      if (input.memo !== undefined && input.memo !== null) patch.memo = input.memo;
      if (input.countsAsDemand !== undefined && input.countsAsDemand !== null)
        patch.countsAsDemand = before.type === StockDocType.OTHER_OUT && input.countsAsDemand;
      if (input.toWarehouseId && before.type === StockDocType.TRANSFER)
        patch.toWarehouseId = Number(input.toWarehouseId);
      const res = await tx
        .createQueryBuilder()
        .update(StockDocument)
        .set(patch)
        .where('id = :id AND version = :v', { id: before.id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneByOrFail(StockDocument, { id: before.id });
      let lines = beforeLines;
      if (input.lines) {
        const resolved = await this.validate(tx, ctx, after.type, after.warehouseId, after.toWarehouseId, input.lines);
        lines = await this.writeLines(tx, after.id, input.lines, resolved);
      }
      await this.audit.record(tx, ctx, {
        action: 'stockDocument.update',
        entityType: 'StockDocument',
        entityId: after.id,
        before: snapshot(before, beforeLines),
        after: snapshot(after, lines),
      });
      return after;
    });
  }

  async deleteDraft(ctx: Context, id: string): Promise<boolean> {
    return inTransaction(this.ds, async (tx) => {
      const doc = await this.get(ctx, id, tx);
      if (!allows(stockDocumentLifecycle, A.DELETE, doc.status)) throw notDraft(doc);
      const lines = await tx.find(StockDocumentLine, { where: { documentId: doc.id } });
      await tx.delete(StockDocumentLine, { documentId: doc.id });
      await tx.delete(StockDocument, { id: doc.id });
      await this.audit.record(tx, ctx, {
        action: 'stockDocument.delete',
        entityType: 'StockDocument',
        entityId: doc.id,
        before: snapshot(doc, lines),
      });
      return true;
    });
  }

  // ---------- posting ----------

  /** What posting needs of the settings. */
  private async settings(
    tx: EntityManager,
  ): Promise<Pick<CompanySettings, 'costingMethod' | 'closedThrough' | 'numberPatterns' | 'expiryWarningDays'>> {
    const s = await companySettings(tx);
    return {
      expiryWarningDays: s.expiryWarningDays ?? 30,
      costingMethod: s.costingMethod,
      closedThrough: s.closedThrough ?? null,
      numberPatterns: s.numberPatterns ?? null,
    };
  }

  /**
   * The document (as `get` checks it), its lines as posting needs them and the settings, in one read:
   * plain SQL built once per data source, the document's columns converted by the driver as TypeORM's
   * own hydration does (`prepareHydratedValue`, column by column), without a query builder per posting.
   */
  /** The posting's read of a document with its lines and the settings it needs. */
  private documentRead(tx: EntityManager, id: string): Statement {
    return { sql: postingRead(tx).sql, params: [Number(id) || -1] };
  }

  /**
   * On the posting pool the draft and its lines are locked before they are read (the read itself
   * joins the settings row, which must not be locked): a second post of the same draft waits here and
   * then finds it posted (DOCUMENT_NOT_DRAFT), instead of working on what it read before and failing
   * on something else (the stock the first took). An edit meanwhile is refused by the claim's count.
   */
  private documentLock(id: string): Statement {
    return {
      sql: 'SELECT d.id FROM stock_document d LEFT JOIN stock_document_line l ON l.document_id = d.id WHERE d.id = ? FOR UPDATE',
      params: [Number(id) || -1],
    };
  }

  private async withLines(
    tx: EntityManager,
    ctx: Context,
    id: string,
  ): Promise<{ doc: StockDocument; lines: StockDocumentLine[]; settings: PostingSettings }> {
    const read = postingRead(tx);
    if (takesPackets(tx)) await ask(tx, this.documentLock(id));
    const raw = await ask<Array<Record<string, unknown>>>(tx, this.documentRead(tx, id));
    const doc = raw.length ? read.document(raw[0]) : undefined;
    if (!doc || !this.inScope(ctx, doc.warehouseId, doc.toWarehouseId)) throw notFound('This stock document');
    const lines = raw
      .filter((r) => r.l_id !== null && r.l_id !== undefined)
      .map((r) =>
        Object.assign(new StockDocumentLine(), {
          id: Number(r.l_id),
          documentId: doc.id,
          lineNo: Number(r.l_line_no),
          skuId: Number(r.l_sku_id),
          baseQty: D(r.l_base_qty as string).toFixed(),
          unitCost: r.l_unit_cost === null ? null : D(r.l_unit_cost as string).toFixed(6),
          binId: r.l_bin_id === null ? null : Number(r.l_bin_id),
          toBinId: r.l_to_bin_id === null ? null : Number(r.l_to_bin_id),
          batchNo: (r.l_batch_no as string | null) ?? null,
          expiryDate: (r.l_expiry_date as string | null) ?? null,
          expiryReason: (r.l_expiry_reason as string | null) ?? null,
        }),
      );
    return { doc, lines, settings: postingSettingsOf(raw[0]) };
  }

  private async batchFor(
    tx: EntityManager,
    skuId: number,
    batchNo: string | null,
    expiryDate: string | null,
    date: string,
    create: boolean,
    index: number,
  ): Promise<number | null> {
    if (!batchNo) return null;
    const found = await tx.findOne(Batch, { where: { skuId, batchNo } });
    if (found) return found.id;
    if (!create)
      throw badInput(
        [{ field: `lines[${index}].batchNo`, message: `Batch ${batchNo} does not exist for this SKU.` }],
        `Batch ${batchNo} does not exist.`,
      );
    const b = await tx.save(
      tx.create(Batch, { skuId, batchNo, expiryDate, receivedAt: new Date(`${date}T00:00:00Z`) }),
    );
    return b.id;
  }

  /**
   * Runs a posting step once per idempotency key: a retry of the same request returns the first
   * result, the same key with another request is refused. The key is written first, so a
   * concurrent duplicate waits on it, fails on its primary key, and then reads the winner's result.
   */
  private async once(
    ctx: Context,
    key: string | null | undefined,
    operation: string,
    id: string,
    work: (tx: EntityManager) => Promise<StockDocument>,
    packets = false,
  ): Promise<StockDocument> {
    const hash = requestHash(operation, { id });
    const run = () =>
      inTransaction(
        this.ds,
        async (tx) => {
          // (a posting's document lock and read go in the key's packet on the posting pool)
          const prior = await claimKey(
            tx,
            ctx,
            key,
            operation,
            hash,
            id,
            packets ? [this.documentLock(id), this.documentRead(tx, id)] : [],
          );
          if (prior) return this.get(ctx, prior, tx);
          return work(tx);
        },
        { packets },
      );
    try {
      return await run();
    } catch (e) {
      if (key && isDuplicateKey(e)) return run();
      throw e;
    }
  }

  async post(ctx: Context, id: string, idempotencyKey?: string | null): Promise<StockDocument> {
    return this.once(ctx, idempotencyKey, 'postStockDocument', id, (tx) => this.postIn(tx, ctx, id, true), true);
  }

  /**
   * 一步开单并过账 for API clients: creates the document and posts it in one transaction under an
   * idempotency key. The same key with the same input returns the first result (the document as
   * it is now); with another input it is refused (IDEMPOTENCY_KEY_REUSED). A concurrent duplicate
   * waits on the key's row and then reads the winner's document, so a retry after a lost reply
   * never makes a second document. `idempotencyResult` finds the document a key produced.
   */
  async createAndPost(ctx: Context, input: CreateStockDocumentInput, idempotencyKey: string): Promise<StockDocument> {
    const operation = 'createAndPostStockDocument';
    checkKey(idempotencyKey, true);
    const hash = requestHash(operation, input);
    const run = () =>
      inTransaction(this.ds, async (tx) => {
        // the key is claimed first (its row is locked until this transaction ends); its result is set below
        const prior = await claimKey(tx, ctx, idempotencyKey, operation, hash, '0');
        if (prior) return this.get(ctx, prior, tx);
        const draft = await this.createIn(tx, ctx, input);
        const posted = await this.postIn(tx, ctx, String(draft.id));
        await tx.update(IdempotencyRecord, { key: idempotencyKey }, { resultId: String(draft.id) });
        return posted;
      });
    try {
      return await run();
    } catch (e) {
      if (isDuplicateKey(e)) return run();
      throw e;
    }
  }

  /** What a request under an idempotency key produced (see core/idempotency-lookup). */
  idempotencyResult(ctx: Context, key: string) {
    return lookupKey(this.ds, ctx.user!.id, key);
  }

  /**
   * Posts a draft in the caller's transaction. `ends`: nothing follows in the transaction (a plain
   * post on the posting pool), so the last packet carries COMMIT.
   */
  private async postIn(tx: EntityManager, ctx: Context, id: string, ends = false): Promise<StockDocument> {
    const { doc, lines, settings } = await this.withLines(tx, ctx, id);
    if (!allows(stockDocumentLifecycle, A.POST, doc.status)) throw notDraft(doc);
    assertPeriodOpen(settings, doc.businessDate);
    // the status moves first, guarded, so two concurrent posts of one draft cannot both pass
    // (a move between bins of one warehouse arrives at once: nothing is in transit)
    const binMove = doc.type === StockDocType.TRANSFER && doc.toWarehouseId === doc.warehouseId;
    const next = doc.type === StockDocType.TRANSFER && !binMove ? StockDocStatus.IN_TRANSIT : StockDocStatus.POSTED;
    const postedAt = now();
    let number = '';
    const allocate = async () =>
      (number = await nextNumber(tx, doc.type, doc.businessDate, patternFor(settings, doc.type)));
    // a batch received short-dated or expired needs its reason (the batch's own date when it exists already)
    const receiving: ReceivedBatchLine[] = [];
    for (const [i, l] of lines.entries()) {
      const inbound = D(l.baseQty).gt(0) && doc.type !== StockDocType.TRANSFER && doc.type !== StockDocType.OTHER_OUT;
      if (!inbound || !l.batchNo) continue;
      const known = await tx.findOne(Batch, { where: { skuId: l.skuId, batchNo: l.batchNo } });
      receiving.push({
        index: i,
        batchNo: l.batchNo,
        expiryDate: known ? known.expiryDate : l.expiryDate,
        expiryReason: l.expiryReason,
      });
    }
    assertExpiryReasons(receiving, doc.businessDate, settings.expiryWarningDays);
    const moves: StockMove[] = [];
    for (const [i, l] of lines.entries()) {
      const q = D(l.baseQty);
      const inbound = q.gt(0) && doc.type !== StockDocType.TRANSFER && doc.type !== StockDocType.OTHER_OUT;
      const batchId = await this.batchFor(tx, l.skuId, l.batchNo, l.expiryDate, doc.businessDate, inbound, i);
      const sign = doc.type === StockDocType.OTHER_OUT || doc.type === StockDocType.TRANSFER ? -1 : 1;
      let unitCost = l.unitCost ?? undefined;
      if (inbound && unitCost === undefined)
        unitCost = await this.currentUnitCost(tx, doc.warehouseId, l.skuId, batchId ?? 0);
      moves.push({
        lineId: l.id,
        lineIndex: i,
        warehouseId: doc.warehouseId,
        skuId: l.skuId,
        qty: q.times(sign).toFixed(6),
        binId: l.binId ?? (inbound ? 0 : null),
        batchId: batchId ?? (inbound ? 0 : null),
        ...(inbound ? { unitCost } : {}),
      });
    }
    // everything that does not need the number first (balances, heads, the observers' rows, the
    // audit row): the number serialises every posting of the type until commit
    const writes = new WriteBatch(tx);
    const prepared = await this.posting.prepare(
      tx,
      {
        id: doc.id,
        type: doc.type,
        businessDate: doc.businessDate,
        withinWarehouse: binMove,
        countsAsDemand: doc.countsAsDemand,
      },
      moves,
      settings.costingMethod as CostingMethod,
      writes,
    );
    const notDraftNow = () =>
      new DomainError('DOCUMENT_NOT_DRAFT', 'Someone else posted or changed this document a moment ago.', {
        status: 'posted',
      });
    // the draft is claimed before the number, guarded by the state and version that were read, with
    // the lines' costs in the same statement (on the posting pool: in one packet with the balances,
    // the heads and the observers' rows): of two concurrent posts of one draft (or a post and an
    // edit) one finds the document changed here, rolls back everything it did and never takes a
    // number. A move between bins posts its arrivals after the departures' ledger rows (it reads
    // them), so it is claimed at the end, number and all.
    if (!binMove)
      await this.markPosted(
        tx,
        doc,
        lines,
        prepared.posted,
        { status: next, postedAt, receivedAt: null },
        { writes, refused: notDraftNow },
      );
    // the number: from here to COMMIT the counter row of this type and period is locked. When nothing
    // before COMMIT needs it here (no observer's follow-up, no receiver of the event, one packet to
    // the end), the database takes it in the last packet, after the balances, heads and claim queued
    // so far: the row is then locked only while the end of that packet runs, not while this process
    // works (issue 17: it serialised every posting of a type), and the posting is one packet from
    // here: the guarded balances and the claim are counted by the database before the number is
    // taken, so a draft edited meanwhile stops the packet there (DOCUMENT_NOT_DRAFT)
    const inPacket =
      ends && writes.packed && !binMove && !prepared.followUps.length && !eventWanted(this.ds, 'document.posted')
        ? numberInPacket(doc.type, doc.businessDate, patternFor(settings, doc.type))
        : null;
    if (inPacket) {
      writes.takeNumber(inPacket);
      number = inPacket.token;
    } else {
      await writes.flush();
      await allocate();
    }
    await this.posting.finish(tx, prepared, number, writes);
    if (binMove) {
      await writes.flush();
      await this.posting.apply(
        tx,
        { id: doc.id, type: doc.type, number, businessDate: doc.businessDate, withinWarehouse: true },
        await this.arrivalMoves(tx, doc),
        settings.costingMethod as CostingMethod,
      );
      const claimed = await this.markPosted(tx, doc, lines, prepared.posted, {
        status: next,
        postedAt,
        number,
        receivedAt: postedAt,
      });
      if (!claimed) throw notDraftNow();
    } else await writes.add('UPDATE stock_document SET number = ? WHERE id = ?', [number, doc.id]);
    const after = Object.assign(doc, {
      status: next,
      postedAt,
      version: doc.version + 1,
      number,
      ...(binMove ? { receivedAt: postedAt } : {}),
    });
    const audited = await this.audit.record(
      tx,
      ctx,
      {
        action: 'stockDocument.post',
        entityType: 'StockDocument',
        entityId: doc.id,
        after: { number, status: after.status },
      },
      writes,
    );
    // (taking the number in the packet means no receiver wants the event: nothing to write)
    if (!inPacket)
      await emitEvent(tx, {
        type: 'document.posted',
        ref: { type: doc.type, id: doc.id, number },
        warehouseId: doc.warehouseId,
        data: {
          document: typed('StockDocument', {
            id: String(doc.id),
            type: doc.type,
            number,
            status: after.status,
            warehouseId: String(doc.warehouseId),
            toWarehouseId: doc.toWarehouseId == null ? null : String(doc.toWarehouseId),
            businessDate: doc.businessDate,
          }),
          lines: lines.map((l) =>
            typed('StockDocumentLine', {
              lineNo: l.lineNo,
              skuId: String(l.skuId),
              baseQty: l.baseQty,
              unitCost: l.unitCost,
            }),
          ),
        },
      });
    // the ledger rows, the number, the audit row: on the posting pool with COMMIT in one packet (when
    // the number was taken on its own before, its counter row is held for that round trip and this);
    // elsewhere sent now, and the caller's transaction goes on
    if (ends) {
      const taken = await writes.commit();
      if (inPacket && taken) {
        after.number = taken;
        audited.after = audited.after?.replace(inPacket.token, taken) ?? null;
      }
    } else await writes.flush();
    return after;
  }

  /**
   * The cost a gain in an adjustment comes in at: the moving average, or under FIFO the newest
   * layer's cost (of the gain's batch when it has layers); domain/costing currentUnitCost.
   */
  private async currentUnitCost(tx: EntityManager, warehouseId: number, skuId: number, batchId: number) {
    const [row] = await tx.query('SELECT qty, value, state FROM stock_cost WHERE warehouse_id = ? AND sku_id = ?', [
      warehouseId,
      skuId,
    ]);
    if (!row) return '0';
    const state = row.state ? (JSON.parse(row.state) as CostState) : null;
    return currentUnitCost(state, { qty: String(row.qty), value: String(row.value) }, batchId || undefined);
  }

  /**
   * Marks a draft posted (status, time, number, version) with the value and unit cost each line
   * got, if it is still the draft of the version read; false when it is not (nothing written), or
   * with `queued` its refusal (thrown, or where the batch is packed when its packet is sent).
   * MySQL/MariaDB: one multi-table UPDATE; SQLite (one writer at a time): two statements.
   */
  private async markPosted(
    tx: EntityManager,
    doc: StockDocument,
    lines: StockDocumentLine[],
    posted: Array<{ lineId: number; qty: string; value: string }>,
    set: { status: StockDocStatus; postedAt: Date; number?: string; receivedAt: Date | null },
    /** the posting's batch (the claim goes with its next packet) and the refusal when the claim finds nothing */
    queued?: { writes: WriteBatch; refused: () => Error },
  ): Promise<boolean> {
    const costs = lineCosts(lines, posted);
    const numbered = set.number !== undefined;
    if (rowLocking(tx) && costs.length) {
      const cases = `CASE l.id ${costs.map(() => 'WHEN ? THEN ?').join(' ')} END`;
      const sql = `UPDATE stock_document d JOIN stock_document_line l ON l.document_id = d.id
         SET d.status = ?, d.posted_at = ?${numbered ? ', d.number = ?' : ''}, d.version = ?${set.receivedAt ? ', d.received_at = ?' : ''},
             l.value = ${cases}, l.unit_cost = ${cases}
         WHERE d.id = ? AND d.status = ? AND d.version = ? AND l.id IN (${costs.map(() => '?').join(',')})`;
      const params = [
        set.status,
        dateTimeParam(tx, set.postedAt),
        ...(numbered ? [set.number] : []),
        doc.version + 1,
        ...(set.receivedAt ? [dateTimeParam(tx, set.receivedAt)] : []),
        ...costs.flatMap(([id, value]) => [id, value]),
        ...costs.flatMap(([id, , unitCost]) => [id, unitCost]),
        doc.id,
        StockDocStatus.DRAFT,
        doc.version,
        ...costs.map(([id]) => id),
      ];
      if (queued) {
        // checked where the batch is sent (in the last packet: by the database, before COMMIT)
        await queued.writes.add(sql, params, undefined, { rows: 'some', refuse: queued.refused });
        return true;
      }
      const res = (await tx.query(sql, params)) as { affectedRows?: number };
      return (res.affectedRows ?? 0) > 0;
    }
    const claimed = await tx
      .createQueryBuilder()
      .update(StockDocument)
      .set({
        status: set.status,
        postedAt: set.postedAt,
        ...(numbered ? { number: set.number } : {}),
        version: doc.version + 1,
        ...(set.receivedAt ? { receivedAt: set.receivedAt } : {}),
      })
      .where('id = :id AND status = :s AND version = :v', { id: doc.id, s: StockDocStatus.DRAFT, v: doc.version })
      .execute();
    if (!claimed.affected) {
      if (queued) throw queued.refused();
      return false;
    }
    await writeLineCosts(
      tx,
      costs.map(([id, , , value, qty]) => [id, value, qty]),
    );
    return true;
  }

  /**
   * A transfer's arrival: each departure entry comes in at the destination (its bin) at exactly the
   * value it left with, corrections of re-costing since included, and follows its later re-costs.
   */
  private async arrivalMoves(tx: EntityManager, doc: StockDocument): Promise<StockMove[]> {
    const lines = await tx.find(StockDocumentLine, { where: { documentId: doc.id }, order: { lineNo: 'ASC' } });
    const out = await tx.find(StockLedgerEntry, {
      where: { documentId: doc.id, documentType: doc.type, kind: 'out' },
      order: { id: 'ASC' },
    });
    // what each departure is worth now: its value plus the corrections of re-costing since
    const corrections: Array<{ ref_entry_id: string; value: string }> = out.length
      ? await tx.query(
          `SELECT ref_entry_id, value FROM stock_ledger WHERE kind = 'recost' AND ref_entry_id IN (${out.map(() => '?').join(',')})`,
          out.map((e) => e.id),
        )
      : [];
    const worth = (e: StockLedgerEntry) =>
      corrections.filter((c) => String(c.ref_entry_id) === String(e.id)).reduce((v, c) => v.plus(c.value), D(e.value));
    return out.map((e) => {
      const line = lines.find((l) => l.id === e.documentLineId)!;
      return {
        lineId: e.documentLineId,
        lineIndex: line.lineNo - 1,
        warehouseId: doc.toWarehouseId!,
        skuId: e.skuId,
        batchId: e.batchId,
        binId: line.toBinId ?? 0,
        qty: D(e.qty).neg().toFixed(6),
        value: worth(e).neg().toFixed(2),
        // the arrival follows its departure: a later re-cost of the departure reaches it (issue 18)
        follows: String(e.id),
      };
    });
  }

  /** A transfer arrives: the same units come in at exactly the value they left with. */
  async receiveTransfer(
    ctx: Context,
    id: string,
    idempotencyKey?: string | null,
    receivedOn?: string | null,
  ): Promise<StockDocument> {
    return this.once(ctx, idempotencyKey, 'receiveTransfer', id, async (tx) => {
      const doc = await this.get(ctx, id, tx);
      if (doc.type !== StockDocType.TRANSFER || !allows(stockDocumentLifecycle, A.RECEIVE_TRANSFER, doc.status)) {
        throw new DomainError('DOCUMENT_STATE', 'Only a transfer in transit can be received.', { status: doc.status });
      }
      const settings = await this.settings(tx);
      const wanted = receivedOn ?? today();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(wanted) || wanted < doc.businessDate) {
        throw badInput([
          { field: 'receivedOn', message: `A date on or after ${doc.businessDate}, when the goods left.` },
        ]);
      }
      const date = wanted;
      assertPeriodOpen(settings, date);
      const claimed = await tx
        .createQueryBuilder()
        .update(StockDocument)
        .set({ status: StockDocStatus.POSTED, receivedAt: now(), version: doc.version + 1 })
        .where('id = :id AND status = :s', { id: doc.id, s: StockDocStatus.IN_TRANSIT })
        .execute();
      if (!claimed.affected) throw new DomainError('DOCUMENT_STATE', 'This transfer was received already.');
      const moves = await this.arrivalMoves(tx, doc);
      await this.posting.apply(
        tx,
        { id: doc.id, type: doc.type, number: doc.number!, businessDate: date },
        moves,
        settings.costingMethod as CostingMethod,
      );
      await this.audit.record(tx, ctx, {
        action: 'stockDocument.receive',
        entityType: 'StockDocument',
        entityId: doc.id,
        after: { status: StockDocStatus.POSTED },
      });
      return tx.findOneByOrFail(StockDocument, { id: doc.id });
    });
  }

  /**
   * Cancelling posts reversing entries; posted rows stay. The document is undone as if it had never
   * been posted: each entry is reversed on its own business day (right behind it in the ledger's
   * order), so the issues and transfers after it are re-costed without it. An entry in a closed
   * period is reversed on the first open day instead: a closed period's figures do not move.
   */
  async cancel(ctx: Context, id: string, idempotencyKey?: string | null): Promise<StockDocument> {
    return this.once(ctx, idempotencyKey, 'cancelStockDocument', id, async (tx) => {
      const doc = await this.get(ctx, id, tx);
      if (doc.status === StockDocStatus.CANCELLED)
        throw new DomainError('DOCUMENT_STATE', 'This document is cancelled already.', { status: doc.status });
      if (doc.status === StockDocStatus.DRAFT)
        throw new DomainError('DOCUMENT_STATE', 'A draft is not posted: delete it instead.', { status: doc.status });
      const settings = await this.settings(tx);
      const closed = settings.closedThrough;
      const reversalDate = (d: string) => (closed && d <= closed ? addDays(closed, 1) : d);
      const claimed = await tx
        .createQueryBuilder()
        .update(StockDocument)
        .set({ status: StockDocStatus.CANCELLED, cancelledAt: now(), version: doc.version + 1 })
        .where('id = :id AND status = :s', { id: doc.id, s: doc.status })
        .execute();
      if (!claimed.affected) throw new DomainError('DOCUMENT_STATE', 'This document changed meanwhile; reload it.');
      const lines = await tx.find(StockDocumentLine, { where: { documentId: doc.id } });
      const entries = await tx.find(StockLedgerEntry, {
        where: { documentId: doc.id, documentType: doc.type, kind: In(['in', 'out']) },
        order: { id: 'DESC' },
      });
      const moves: StockMove[] = entries.map((e) => ({
        lineId: e.documentLineId,
        lineIndex: (lines.find((l) => l.id === e.documentLineId)?.lineNo ?? 1) - 1,
        warehouseId: e.warehouseId,
        binId: e.binId,
        skuId: e.skuId,
        batchId: e.batchId,
        qty: D(e.qty).neg().toFixed(6),
        reverses: String(e.id),
        businessDate: reversalDate(e.businessDate),
      }));
      await this.posting.apply(
        tx,
        {
          id: doc.id,
          type: doc.type,
          number: doc.number!,
          businessDate: reversalDate(doc.businessDate),
          countsAsDemand: doc.countsAsDemand,
        },
        moves,
        settings.costingMethod as CostingMethod,
      );
      await this.audit.record(tx, ctx, {
        action: 'stockDocument.cancel',
        entityType: 'StockDocument',
        entityId: doc.id,
        after: { status: StockDocStatus.CANCELLED },
      });
      await emitEvent(tx, {
        type: 'document.cancelled',
        ref: { type: doc.type, id: doc.id, number: doc.number },
        warehouseId: doc.warehouseId,
        data: {
          document: typed('StockDocument', {
            id: String(doc.id),
            type: doc.type,
            number: doc.number,
            status: StockDocStatus.CANCELLED,
            warehouseId: String(doc.warehouseId),
          }),
        },
      });
      return tx.findOneByOrFail(StockDocument, { id: doc.id });
    });
  }
}

function notDraft(doc: StockDocument) {
  return new DomainError('DOCUMENT_NOT_DRAFT', `Document ${doc.number ?? doc.id} is ${doc.status}, not a draft.`, {
    status: doc.status,
  });
}

/** Each posted line's value (Σ of its ledger rows) and unit cost: [id, value, unit cost, value, qty]. */
function lineCosts(
  lines: StockDocumentLine[],
  posted: Array<{ lineId: number; qty: string; value: string }>,
): Array<[number, string, string, Decimal, Decimal]> {
  const out: Array<[number, string, string, Decimal, Decimal]> = [];
  for (const l of lines) {
    const rows = posted.filter((p) => p.lineId === l.id);
    if (!rows.length) continue;
    const value = rows.reduce((s, r) => s.plus(r.value), D(0));
    const qty = rows.reduce((s, r) => s.plus(r.qty), D(0));
    const unitCost = qty.isZero() ? D(0) : value.div(qty).abs().toDecimalPlaces(6);
    out.push([l.id, value.toFixed(2), unitCost.toFixed(6), value, qty]);
  }
  return out;
}
