import { Decimal } from 'decimal.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { now, today } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { badInput, conflict, DomainError, forbidden, notFound, type FieldProblem } from '../../core/errors';
import { nextNumber } from '../../core/numbering';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { assertMayUseFields, can } from '../../core/permissions/guard';
import { lockRows } from '../../core/sql';
import { currentUnitCost, type CostState } from '../../domain/costing';
import {
  accuracyOf,
  evaluateLine,
  nextRound,
  type Accuracy,
  type BlindScope,
  type LineStatus,
} from '../../domain/counting';
import { actionsIn, allows, stocktakeLifecycle } from '../../domain/lifecycle';
import { DocumentAction as A } from '../../core/actions';
import { AlertKind, type AlertService } from '../alerts';
import type { AuditService } from '../audit';
import { userNames } from '../auth';
import { skuByCodeOrBarcode, skuIdsInCategory, skuLines } from '../catalog';
import {
  activeBinIds,
  batchesByIds,
  binByCode,
  binIdsInZone,
  binsByIds,
  bookBalances,
  costHeads,
  findBatch,
  findWarehouse,
  findZone,
  postingFacts,
  StockDocType,
  warehousesByIds,
  type DocRef,
  type PostingService,
  type StockDocumentService,
  type StockMove,
  type Zone,
} from '../stock';
import { companySettings, patternFor } from '../system';
import type { AbcService } from './abc.service';
import {
  CountLineStatus,
  CountReason,
  RecountCause,
  Stocktake,
  StocktakeCount,
  StocktakeKind,
  StocktakeLine,
  StocktakeSku,
  StocktakeStatus,
} from './stocktake.entity';
import {
  AccuracyGroup,
  ScanKind,
  type AccuracyFilter,
  type AccuracyRow,
  type CreateStocktakeInput,
  type LineReasonInput,
  type RecordCountInput,
  type StocktakeBin,
  type StocktakeFilter,
  type StocktakeLineFilter,
  type StocktakeProgress,
  type StocktakeScan,
} from './stocktake.types';

const D = (x: Decimal.Value) => new Decimal(x);
const OPEN = [StocktakeStatus.COUNTING, StocktakeStatus.REVIEW];
const keyOf = (binId: number, skuId: number, batchId: number) => `${binId}:${skuId}:${batchId}`;
const isZero = (x: string | null) => x === null || D(x).isZero();

/**
 * Stocktakes (盘点): a count snapshots the book per bin × SKU × batch; counters count blind, two
 * per line, and a third person recounts where they differ or stray from the book beyond the
 * tolerance; differences get reasons; a manager who counted nothing approves, which posts one
 * adjustment document through the posting engine. A full count freezes postings in its scope
 * through a guard the posting engine asks (the stock module knows nothing of counts).
 */
/** The freezing counts a posting's transaction read already, per set of warehouses. */
const FREEZE_READ = 'stocktake.freeze';
const frozenSeen = new WeakMap<EntityManager, Map<string, Promise<Stocktake[]>>>();

export class StocktakeService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    posting: PostingService,
    private readonly stockDocuments: StockDocumentService,
    private readonly abc: AbcService,
    private readonly alerts: AlertService,
  ) {
    posting.addGuard((tx, doc, moves) => this.guard(tx, doc, moves));
    // the freezing counts of the posting's warehouses come with its read of warehouse facts
    posting.addRead({
      tag: FREEZE_READ,
      select: (_heads, warehouseIds) => ({
        sql: `SELECT '${FREEZE_READ}' AS k, id, warehouse_id AS a, number AS b, zone_id AS c FROM stocktake WHERE warehouse_id IN (${warehouseIds.map(() => '?').join(',')}) AND status IN (${OPEN.map(() => '?').join(',')}) AND freeze_postings = 1`,
        params: [...warehouseIds, ...OPEN],
      }),
    });
  }

  // ---------- the freeze ----------

  /** Refuses a posting that touches the scope of an open count that freezes postings. */
  private async guard(tx: EntityManager, _doc: DocRef, moves: StockMove[]): Promise<void> {
    const whs = [...new Set(moves.map((m) => m.warehouseId))].sort((a, b) => a - b);
    // read with the posting's warehouse facts; else asked twice per posting (before and after
    // picking) about the same warehouses: read once per transaction
    const read = postingFacts(tx, FREEZE_READ);
    const seen = frozenSeen.get(tx) ?? new Map<string, Promise<Stocktake[]>>();
    frozenSeen.set(tx, seen);
    const key = whs.join(',');
    if (read && whs.every((w) => read.warehouses.has(w)))
      seen.set(
        key,
        Promise.resolve(
          read.rows
            .map((r) =>
              Object.assign(new Stocktake(), {
                id: r.id,
                warehouseId: Number(r.a),
                number: r.b ?? '',
                zoneId: r.c === null || r.c === undefined ? null : Number(r.c),
              }),
            )
            .sort((a, b) => a.id - b.id),
        ),
      );
    else if (!seen.has(key))
      seen.set(
        key,
        tx.find(Stocktake, {
          where: { warehouseId: In(whs), status: In(OPEN), freezePostings: true },
          order: { id: 'ASC' },
        }),
      );
    const open = await seen.get(key)!;
    for (const st of open) {
      let hit = moves.some((m) => m.warehouseId === st.warehouseId);
      if (hit && st.zoneId) {
        const bins = new Set(await this.zoneBins(tx, st.zoneId));
        hit = moves.some((m) => m.warehouseId === st.warehouseId && m.binId !== null && bins.has(m.binId));
      }
      if (!hit) continue;
      throw new DomainError(
        'COUNT_IN_PROGRESS',
        `Stocktake ${st.number} is counting ${st.zoneId ? 'a zone of this warehouse' : 'this warehouse'}: nothing can be posted there until it is approved or cancelled.`,
        { stocktakeId: String(st.id), number: st.number, warehouseId: String(st.warehouseId) },
      );
    }
  }

  /**
   * What the open counts of these warehouses (null: all) cover, for withholding the book from those
   * who count blind until the count is approved or cancelled (the stock module asks through a
   * source registered with its BlindCounts): the zone's bins or all, the listed SKUs or all.
   */
  async blindScopes(tx: EntityManager, warehouseIds: number[] | null): Promise<BlindScope[]> {
    const open = await tx.find(Stocktake, {
      where: { status: In(OPEN), ...(warehouseIds ? { warehouseId: In(warehouseIds) } : {}) },
      order: { id: 'ASC' },
    });
    const out: BlindScope[] = [];
    for (const st of open) {
      const listed = st.kind === StocktakeKind.CYCLE && (!!st.abcClass || !!st.categoryId || st.skuListed);
      const skus = listed ? (await tx.find(StocktakeSku, { where: { stocktakeId: st.id } })).map((x) => x.skuId) : null;
      out.push({
        warehouseId: st.warehouseId,
        binIds: st.zoneId ? await this.zoneBins(tx, st.zoneId) : null,
        skuIds: skus,
      });
    }
    return out;
  }

  private async zoneBins(tx: EntityManager, zoneId: number): Promise<number[]> {
    return binIdsInZone(tx, zoneId);
  }

  // ---------- reading ----------

  assertMayView(ctx: Context) {
    if (!can(ctx, P.StockCountPerform) && !can(ctx, P.StockCountRead))
      throw forbidden('You do not have permission to do this.', { permissions: [P.StockCountPerform] });
  }

  private inScope(ctx: Context, warehouseId: number) {
    const scope = ctx.user?.warehouseIds;
    return !scope || scope.includes(warehouseId);
  }

  async get(ctx: Context, id: string | number, tx: EntityManager = this.ds.manager): Promise<Stocktake> {
    const st = await tx.findOne(Stocktake, { where: { id: Number(id) || -1 } });
    if (!st || !this.inScope(ctx, st.warehouseId)) throw notFound('This stocktake');
    return st;
  }

  async list(ctx: Context, filter?: StocktakeFilter | null, page?: PageInput | null): Promise<Page<Stocktake>> {
    const { offset, limit } = clampPage(page);
    const qb = this.ds.getRepository(Stocktake).createQueryBuilder('s');
    const scope = ctx.user?.warehouseIds;
    if (scope) qb.andWhere(scope.length ? 's.warehouse_id IN (:...scope)' : '1 = 0', { scope });
    if (filter?.warehouseId) qb.andWhere('s.warehouse_id = :w', { w: Number(filter.warehouseId) || -1 });
    if (filter?.status) qb.andWhere('s.status = :st', { st: filter.status });
    if (filter?.kind) qb.andWhere('s.kind = :k', { k: filter.kind });
    if (filter?.open) qb.andWhere('s.status IN (:...open)', { open: OPEN });
    qb.orderBy('s.id', 'DESC');
    const [items, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  availableActions(ctx: Context, st: Stocktake): A[] {
    return actionsIn(stocktakeLifecycle, st.status).filter((a) =>
      can(ctx, a === A.APPROVE ? P.StockCountApprove : P.StockCountManage),
    );
  }

  /** Lines with their counts attached. */
  private async withCounts(tx: EntityManager, lines: StocktakeLine[]): Promise<StocktakeLine[]> {
    if (!lines.length) return lines;
    const counts = await tx.find(StocktakeCount, {
      where: { lineId: In(lines.map((l) => l.id)) },
      order: { round: 'ASC' },
    });
    for (const l of lines) l.counts = counts.filter((c) => c.lineId === l.id);
    return lines;
  }

  async lines(
    ctx: Context,
    stocktakeId: string,
    filter?: StocktakeLineFilter | null,
    page?: PageInput | null,
  ): Promise<Page<StocktakeLine>> {
    const st = await this.get(ctx, stocktakeId);
    const { offset, limit } = clampPage(page);
    const qb = this.ds
      .getRepository(StocktakeLine)
      .createQueryBuilder('l')
      .where('l.stocktake_id = :id', { id: st.id });
    if (filter?.binId != null) qb.andWhere('l.bin_id = :b', { b: Number(filter.binId) || 0 });
    if (filter?.status) qb.andWhere('l.status = :s', { s: filter.status });
    if (filter?.skuId) qb.andWhere('l.sku_id = :sku', { sku: Number(filter.skuId) || -1 });
    if (filter?.toCount)
      qb.andWhere(
        "l.status <> 'settled' AND NOT EXISTS (SELECT 1 FROM stocktake_count c WHERE c.line_id = l.id AND c.counted_by = :me)",
        { me: ctx.user!.id },
      );
    if (filter?.withDifference) {
      assertMayUseFields(ctx, 'StocktakeLine', ['differenceQty'], 'filter');
      qb.andWhere(
        "l.status = 'settled' AND l.difference_qty IS NOT NULL AND l.difference_qty NOT IN ('0.000000', '-0.000000')",
      );
    }
    qb.orderBy('l.line_no', 'ASC');
    const [items, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items: await this.withCounts(this.ds.manager, items), total, offset, limit };
  }

  async progress(stocktakeId: number): Promise<StocktakeProgress> {
    const rows: Array<{ status: string; n: number }> = await this.ds.query(
      'SELECT status, COUNT(*) AS n FROM stocktake_line WHERE stocktake_id = ? GROUP BY status',
      [stocktakeId],
    );
    const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return {
      lines: rows.reduce((t, r) => t + Number(r.n), 0),
      pending: n('pending'),
      recount: n('recount'),
      settled: n('settled'),
    };
  }

  /** The bins of the count for a counter: every bin of the scope, what is left to count in each (no quantities). */
  async bins(ctx: Context, stocktakeId: string): Promise<StocktakeBin[]> {
    const st = await this.get(ctx, stocktakeId);
    const tx = this.ds.manager;
    const lines = await tx.find(StocktakeLine, {
      where: { stocktakeId: st.id },
      select: { id: true, binId: true, status: true },
    });
    const mine = new Set(
      (await tx.find(StocktakeCount, { where: { stocktakeId: st.id, countedBy: ctx.user!.id } })).map((c) => c.lineId),
    );
    const scopeBins = await this.scopeBins(tx, st);
    const binIds = new Set([...lines.map((l) => l.binId), ...scopeBins]);
    const codes = new Map(
      (
        await binsByIds(
          tx,
          [...binIds].filter((b) => b > 0),
        )
      ).map((b) => [b.id, b.code]),
    );
    return [...binIds]
      .map((binId) => {
        const here = lines.filter((l) => l.binId === binId);
        return {
          binId,
          code: codes.get(binId) ?? '',
          lines: here.length,
          toCount: here.filter((l) => l.status !== CountLineStatus.SETTLED && !mine.has(l.id)).length,
          recount: here.filter((l) => l.status === CountLineStatus.RECOUNT).length,
          settled: here.filter((l) => l.status === CountLineStatus.SETTLED).length,
        };
      })
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.binId - b.binId));
  }

  /** The bins a count covers: a zone's bins, or every active bin of the warehouse and 0 (outside bins). */
  private async scopeBins(tx: EntityManager, st: Stocktake): Promise<number[]> {
    if (st.zoneId) return this.zoneBins(tx, st.zoneId);
    return [0, ...(await activeBinIds(tx, st.warehouseId))];
  }

  private async binInScope(tx: EntityManager, st: Stocktake, binId: number): Promise<boolean> {
    if (binId === 0) return !st.zoneId;
    const [bin] = await binsByIds(tx, [binId]);
    if (!bin || bin.warehouseId !== st.warehouseId) return false;
    return st.zoneId ? bin.zoneId === st.zoneId : true;
  }

  private async skuInCount(tx: EntityManager, st: Stocktake, skuId: number): Promise<boolean> {
    if (st.kind === StocktakeKind.FULL) return true;
    const listed = await tx.findOne(StocktakeSku, { where: { stocktakeId: st.id, skuId } });
    if (listed) return true;
    // a cycle count of a zone alone covers every SKU there
    return !st.abcClass && !st.categoryId && !st.skuListed;
  }

  /** What a scanned code is in this count: one of its bins, a SKU, or unknown. */
  async scan(ctx: Context, stocktakeId: string, code: string): Promise<StocktakeScan> {
    const st = await this.get(ctx, stocktakeId);
    const tx = this.ds.manager;
    const c = code.trim();
    const none = {
      binId: null,
      binCode: null,
      skuId: null,
      skuCode: null,
      skuName: null,
      unit: null,
      batchTracked: false,
    };
    if (!c) return { kind: ScanKind.UNKNOWN, ...none, inCount: false };
    const bin = await binByCode(tx, st.warehouseId, c);
    if (bin)
      return {
        kind: ScanKind.BIN,
        ...none,
        binId: bin.id,
        binCode: bin.code,
        inCount: await this.binInScope(tx, st, bin.id),
      };
    const sku = await skuByCodeOrBarcode(tx, c);
    if (!sku) return { kind: ScanKind.UNKNOWN, ...none, inCount: false };
    const { product } = (await skuLines(tx, [sku.id])).get(sku.id)!;
    return {
      kind: ScanKind.SKU,
      ...none,
      skuId: sku.id,
      skuCode: sku.code,
      skuName: sku.name,
      unit: product.baseUnit,
      batchTracked: product.batchTracked,
      inCount: await this.skuInCount(tx, st, sku.id),
    };
  }

  // ---------- creating ----------

  async create(ctx: Context, input: CreateStocktakeInput): Promise<Stocktake> {
    return inTransaction(this.ds, async (tx) => {
      const problems: FieldProblem[] = [];
      const w = await findWarehouse(tx, Number(input.warehouseId));
      if (!w || !this.inScope(ctx, w.id)) throw badInput([{ field: 'warehouseId', message: 'Unknown warehouse.' }]);
      if (!w.active) problems.push({ field: 'warehouseId', message: 'This warehouse is inactive.' });
      let zone: Zone | null = null;
      if (input.zoneId) {
        zone = await findZone(tx, Number(input.zoneId));
        if (!zone || zone.warehouseId !== w.id)
          problems.push({ field: 'zoneId', message: 'This zone is not in the warehouse.' });
      }
      const full = input.kind === StocktakeKind.FULL;
      const skuList = input.skuIds?.map((s) => Number(s) || -1) ?? [];
      if (full) {
        for (const f of ['abcClass', 'categoryId', 'skuIds', 'duePlan'] as const)
          if (input[f] != null && !(f === 'duePlan' && input[f] === false))
            problems.push({ field: f, message: 'A full count counts every SKU: use a cycle count for a selection.' });
      } else {
        if (!input.abcClass && !input.categoryId && !skuList.length && !input.duePlan && !zone)
          problems.push({
            field: 'kind',
            message: 'A cycle count needs an ABC class, a zone, a category, SKUs or the class plan.',
          });
        if (input.freezePostings)
          problems.push({ field: 'freezePostings', message: 'Only full counts freeze postings.' });
      }
      const settings = await this.abc.settings(tx);
      const tolQty = D(input.toleranceQty ?? settings.toleranceQty);
      const tolPct = D(input.tolerancePct ?? settings.tolerancePct);
      if (tolQty.lt(0)) problems.push({ field: 'toleranceQty', message: 'A tolerance cannot be negative.' });
      if (tolPct.lt(0) || tolPct.gt(100)) problems.push({ field: 'tolerancePct', message: '0 to 100 percent.' });
      if (problems.length) throw badInput(problems, 'The count has problems; nothing was saved.');
      const freeze = full && (input.freezePostings ?? settings.freezeFullCounts);

      // the SKUs of a cycle count: the intersection of what was asked
      let skuSet: number[] | null = null;
      const narrow = (ids: number[]) => {
        skuSet = skuSet ? skuSet.filter((x) => ids.includes(x)) : [...new Set(ids)];
      };
      if (!full) {
        if (skuList.length) {
          const known = await skuLines(tx, skuList);
          const unknown = skuList.filter((id) => !known.has(id));
          if (unknown.length) throw badInput([{ field: 'skuIds', message: 'Unknown SKU.' }]);
          await this.abc.assertClassified(tx, w.id, skuList);
          narrow(skuList);
        }
        if (input.abcClass) narrow(await this.abc.skusOfClass(tx, w.id, input.abcClass));
        if (input.categoryId) {
          const skus = await skuIdsInCategory(tx, Number(input.categoryId));
          if (!skus) throw badInput([{ field: 'categoryId', message: 'Unknown category.' }]);
          narrow(skus);
        }
        if (input.duePlan) {
          const due = await this.abc.plan(tx, w.id);
          if (!due.length)
            throw badInput([{ field: 'duePlan', message: 'No SKU is due for a count in this warehouse today.' }]);
          narrow(due.map((d) => d.skuId));
        }
      }

      // an open frozen count of an overlapping scope
      if (freeze) {
        const open = await tx.find(Stocktake, { where: { warehouseId: w.id, status: In(OPEN), freezePostings: true } });
        const clash = open.find((o) => !o.zoneId || !zone || o.zoneId === zone.id);
        if (clash)
          throw new DomainError(
            'COUNT_IN_PROGRESS',
            `Stocktake ${clash.number} is already counting this scope; close it before opening another full count.`,
            { stocktakeId: String(clash.id), number: clash.number, warehouseId: String(w.id) },
          );
      }

      const binIds = zone ? await this.zoneBins(tx, zone.id) : undefined;
      const balances = await bookBalances(tx, w.id, {
        binIds,
        skuIds: skuSet ?? undefined,
        lock: true,
      });
      const day = today();
      const number = await nextNumber(tx, 'stocktake', day, patternFor(await companySettings(tx), 'stocktake'));
      const st = await tx.save(
        tx.create(Stocktake, {
          number,
          kind: input.kind,
          status: StocktakeStatus.COUNTING,
          warehouseId: w.id,
          zoneId: zone?.id ?? null,
          abcClass: full ? null : (input.abcClass ?? null),
          categoryId: full || !input.categoryId ? null : Number(input.categoryId),
          skuListed: !full && (!!skuList.length || !!input.duePlan),
          freezePostings: freeze,
          toleranceQty: tolQty.toFixed(6),
          tolerancePct: tolPct.toFixed(4),
          businessDate: day,
          memo: input.memo ?? '',
          createdBy: ctx.user!.id,
          createdAt: now(),
          version: 1,
        }),
      );
      const batchNos = new Map(
        (await batchesByIds(tx, [...new Set(balances.map((b) => b.batchId).filter((b) => b > 0))])).map((b) => [
          b.id,
          b.batchNo,
        ]),
      );
      const lines = balances.map((b, i) =>
        tx.create(StocktakeLine, {
          stocktakeId: st.id,
          lineNo: i + 1,
          binId: b.binId,
          skuId: b.skuId,
          batchId: b.batchId,
          batchNo: b.batchId ? (batchNos.get(b.batchId) ?? '') : '',
          found: false,
          bookQty: b.qty,
          status: CountLineStatus.PENDING,
          note: '',
        }),
      );
      for (let i = 0; i < lines.length; i += 300) await tx.insert(StocktakeLine, lines.slice(i, i + 300));
      const skus = skuSet as number[] | null;
      if (skus?.length)
        for (let i = 0; i < skus.length; i += 500)
          await tx.insert(
            StocktakeSku,
            skus.slice(i, i + 500).map((skuId) => ({ stocktakeId: st.id, skuId })),
          );
      await this.audit.record(tx, ctx, {
        action: 'stocktake.create',
        entityType: 'Stocktake',
        entityId: st.id,
        after: { number, kind: st.kind, warehouseId: w.id, zoneId: st.zoneId, freeze, lines: lines.length },
      });
      return st;
    });
  }

  // ---------- counting ----------

  /** The stocktake locked for a change (every change of a count takes this lock first). */
  private async locked(tx: EntityManager, ctx: Context, id: string | number): Promise<Stocktake> {
    await lockRows(tx, 'stocktake', [Number(id) || -1]);
    return this.get(ctx, id, tx);
  }

  private notInState(st: Stocktake, what: string) {
    return new DomainError('DOCUMENT_STATE', `Stocktake ${st.number} is ${st.status}: ${what}`, {
      status: st.status,
    });
  }

  /** What the shelf should hold for a line now: the book of the snapshot, plus what moved since where postings go on. */
  private async expected(tx: EntityManager, st: Stocktake, lines: StocktakeLine[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (st.freezePostings) {
      for (const l of lines) out.set(l.id, l.bookQty);
      return out;
    }
    const balances = await bookBalances(tx, st.warehouseId, {
      skuIds: [...new Set(lines.map((l) => l.skuId))],
      nonZero: false,
    });
    const by = new Map(balances.map((b) => [keyOf(b.binId, b.skuId, b.batchId), b.qty]));
    for (const l of lines) out.set(l.id, D(by.get(keyOf(l.binId, l.skuId, l.batchId)) ?? 0).toFixed());
    return out;
  }

  async recordCount(ctx: Context, input: RecordCountInput): Promise<StocktakeLine> {
    return inTransaction(this.ds, async (tx) => {
      const st = await this.locked(tx, ctx, input.stocktakeId);
      if (st.status !== StocktakeStatus.COUNTING) throw this.notInState(st, 'counting has finished.');
      const qty = D(input.qty);
      if (qty.lt(0)) throw badInput([{ field: 'qty', message: 'A count cannot be negative.' }]);
      const binId = Number(input.binId);
      if (!Number.isInteger(binId) || !(await this.binInScope(tx, st, binId)))
        throw new DomainError('BIN_NOT_IN_COUNT', `This bin is not part of stocktake ${st.number}.`, {
          binId: String(input.binId),
        });
      const found = (await skuLines(tx, [Number(input.skuId) || -1])).get(Number(input.skuId) || -1);
      if (!found) throw badInput([{ field: 'skuId', message: 'Unknown SKU.' }]);
      const { sku, product } = found;
      if (qty.decimalPlaces() > product.unitScale)
        throw badInput([
          { field: 'qty', message: `${product.baseUnit} allows ${product.unitScale} decimal place(s).` },
        ]);
      if (!(await this.skuInCount(tx, st, sku.id)))
        throw new DomainError('SKU_NOT_IN_COUNT', `${sku.code} is not counted by stocktake ${st.number}.`, {
          skuId: String(sku.id),
          sku: sku.code,
        });
      const batchNo = input.batchNo?.trim() ?? '';
      let line = await tx.findOne(StocktakeLine, { where: { stocktakeId: st.id, binId, skuId: sku.id, batchNo } });
      if (!line) {
        // goods the book does not have here: a line of its own, found by the counter
        if (product.batchTracked && !batchNo)
          throw badInput([{ field: 'batchNo', message: `${product.name} is batch-tracked: give the batch number.` }]);
        if (!product.batchTracked && batchNo)
          throw badInput([{ field: 'batchNo', message: `${product.name} is not batch-tracked.` }]);
        const batch = batchNo ? await findBatch(tx, sku.id, batchNo) : null;
        const [{ n }] = await tx.query(
          'SELECT COALESCE(MAX(line_no), 0) AS n FROM stocktake_line WHERE stocktake_id = ?',
          [st.id],
        );
        line = await tx.save(
          tx.create(StocktakeLine, {
            stocktakeId: st.id,
            lineNo: Number(n) + 1,
            binId,
            skuId: sku.id,
            batchId: batch?.id ?? 0,
            batchNo,
            found: true,
            bookQty: '0',
            status: CountLineStatus.PENDING,
            note: '',
          }),
        );
      }
      await lockRows(tx, 'stocktake_line', [line.id]);
      line = await tx.findOneOrFail(StocktakeLine, { where: { id: line.id } });
      const counts = await tx.find(StocktakeCount, { where: { lineId: line.id }, order: { round: 'ASC' } });
      const entries = counts.map((c) => ({ round: c.round, countedBy: c.countedBy, qty: c.qty }));
      const r = nextRound(line.status as LineStatus, entries, ctx.user!.id, qty.toFixed());
      if ('code' in r) {
        if (r.code === 'NEGATIVE_QTY') throw badInput([{ field: 'qty', message: r.message }]);
        if (r.code === 'LINE_SETTLED') throw new DomainError('DOCUMENT_STATE', r.message, { status: line.status });
        throw new DomainError(r.code, r.message, { lineId: String(line.id) });
      }
      const count = await tx.save(
        tx.create(StocktakeCount, {
          stocktakeId: st.id,
          lineId: line.id,
          round: r.round,
          countedBy: ctx.user!.id,
          qty: qty.toFixed(6),
          countedAt: now(),
        }),
      );
      const expected = (await this.expected(tx, st, [line])).get(line.id)!;
      const ev = evaluateLine(expected, [...entries, { round: r.round, countedBy: ctx.user!.id, qty: qty.toFixed() }], {
        qty: st.toleranceQty,
        pct: st.tolerancePct,
      });
      const patch = {
        status: ev.status as CountLineStatus,
        recountCause: ev.recountCause as RecountCause | null,
        finalQty: ev.finalQty,
        differenceQty: ev.difference,
      };
      await tx.update(StocktakeLine, { id: line.id }, patch);
      await this.audit.record(tx, ctx, {
        action: 'stocktake.count',
        entityType: 'StocktakeLine',
        entityId: line.id,
        after: { stocktake: st.number, round: r.round, qty: qty.toFixed(), status: patch.status },
      });
      void count;
      const [after] = await this.withCounts(tx, [await tx.findOneOrFail(StocktakeLine, { where: { id: line.id } })]);
      return after;
    });
  }

  /** Counting is over: every line has its quantity (else COUNT_INCOMPLETE); reasons and approval follow. */
  async finish(ctx: Context, id: string, version: number): Promise<Stocktake> {
    return inTransaction(this.ds, async (tx) => {
      const st = await this.locked(tx, ctx, id);
      if (!allows(stocktakeLifecycle, A.SUBMIT, st.status)) throw this.notInState(st, 'counting has finished.');
      if (st.version !== version) throw conflict(st.version);
      const p = await this.progressIn(tx, st.id);
      if (p.pending || p.recount)
        throw new DomainError(
          'COUNT_INCOMPLETE',
          `${p.pending} line(s) still need their two counts and ${p.recount} a recount.`,
          { pending: p.pending, recount: p.recount },
        );
      await tx.update(
        Stocktake,
        { id: st.id },
        { status: StocktakeStatus.REVIEW, finishedAt: now(), version: st.version + 1 },
      );
      // the approvers hear of it (live alert, written with the change)
      await this.alerts.write(tx, {
        kind: AlertKind.COUNT_AWAITING_APPROVAL,
        warehouseId: st.warehouseId,
        refType: 'stocktake',
        refId: st.id,
        refNumber: st.number,
      });
      await this.audit.record(tx, ctx, {
        action: 'stocktake.finish',
        entityType: 'Stocktake',
        entityId: st.id,
        after: { status: StocktakeStatus.REVIEW },
      });
      return tx.findOneOrFail(Stocktake, { where: { id: st.id } });
    });
  }

  private async progressIn(tx: EntityManager, id: number) {
    const lines = await tx.find(StocktakeLine, { where: { stocktakeId: id }, select: { id: true, status: true } });
    return {
      pending: lines.filter((l) => l.status === CountLineStatus.PENDING).length,
      recount: lines.filter((l) => l.status === CountLineStatus.RECOUNT).length,
    };
  }

  /** Why lines differ: a reason each (and a note). */
  async setReasons(ctx: Context, stocktakeId: string, reasons: LineReasonInput[]): Promise<StocktakeLine[]> {
    return inTransaction(this.ds, async (tx) => {
      const st = await this.locked(tx, ctx, stocktakeId);
      if (!allows(stocktakeLifecycle, A.EDIT, st.status)) throw this.notInState(st, 'it is closed.');
      const ids = reasons.map((r) => Number(r.lineId) || -1);
      const lines = ids.length ? await tx.find(StocktakeLine, { where: { id: In(ids), stocktakeId: st.id } }) : [];
      const problems: FieldProblem[] = [];
      reasons.forEach((r, i) => {
        const l = lines.find((x) => x.id === Number(r.lineId));
        if (!l) problems.push({ field: `reasons[${i}].lineId`, message: 'Not a line of this count.' });
        else if (l.status !== CountLineStatus.SETTLED)
          problems.push({ field: `reasons[${i}].lineId`, message: 'The line is not counted yet.' });
        if (!Object.values(CountReason).includes(r.reason))
          problems.push({ field: `reasons[${i}].reason`, message: 'Unknown reason.' });
      });
      if (problems.length) throw badInput(problems, 'Some reasons could not be set; nothing was saved.');
      for (const r of reasons)
        await tx.update(StocktakeLine, { id: Number(r.lineId) }, { reason: r.reason, note: r.note?.trim() ?? '' });
      await tx.update(Stocktake, { id: st.id }, { version: st.version + 1 });
      await this.audit.record(tx, ctx, {
        action: 'stocktake.reasons',
        entityType: 'Stocktake',
        entityId: st.id,
        after: reasons.map((r) => ({ lineId: r.lineId, reason: r.reason, note: r.note ?? '' })),
      });
      const out = ids.length ? await tx.find(StocktakeLine, { where: { id: In(ids) }, order: { lineNo: 'ASC' } }) : [];
      return this.withCounts(tx, out);
    });
  }

  async cancel(ctx: Context, id: string, version: number): Promise<Stocktake> {
    return inTransaction(this.ds, async (tx) => {
      const st = await this.locked(tx, ctx, id);
      if (!allows(stocktakeLifecycle, A.CANCEL, st.status)) throw this.notInState(st, 'it cannot be cancelled.');
      if (st.version !== version) throw conflict(st.version);
      await tx.update(
        Stocktake,
        { id: st.id },
        { status: StocktakeStatus.CANCELLED, cancelledAt: now(), version: st.version + 1 },
      );
      await this.audit.record(tx, ctx, {
        action: 'stocktake.cancel',
        entityType: 'Stocktake',
        entityId: st.id,
        after: { status: StocktakeStatus.CANCELLED },
      });
      return tx.findOneOrFail(Stocktake, { where: { id: st.id } });
    });
  }

  /**
   * Approves the differences: one adjustment document (the count as its source) posts every line
   * whose count differs from what the shelf should hold now — gains at the current cost, losses at
   * the costing method's — and the count closes (postings in its scope go on).
   */
  async approve(ctx: Context, id: string, version: number): Promise<Stocktake> {
    return inTransaction(this.ds, async (tx) => {
      const st = await this.locked(tx, ctx, id);
      if (!allows(stocktakeLifecycle, A.APPROVE, st.status))
        throw this.notInState(st, 'only a count whose counting has finished can be approved.');
      if (st.version !== version) throw conflict(st.version);
      const own = await tx.count(StocktakeCount, { where: { stocktakeId: st.id, countedBy: ctx.user!.id } });
      if (own)
        throw new DomainError(
          'OWN_COUNT_APPROVAL',
          `You counted ${own} line(s) of stocktake ${st.number}: someone who did not count approves it.`,
          { counted: own },
        );
      const lines = await tx.find(StocktakeLine, { where: { stocktakeId: st.id }, order: { lineNo: 'ASC' } });
      const unexplained = lines.filter((l) => !isZero(l.differenceQty) && !l.reason);
      if (unexplained.length)
        throw new DomainError(
          'REASON_REQUIRED',
          `Give the reason of every difference first: line(s) ${unexplained.map((l) => l.lineNo).join(', ')}.`,
          { lines: unexplained.map((l) => l.lineNo) },
        );
      // the shelf against the book now, under the cost heads' locks
      const balances = await bookBalances(tx, st.warehouseId, {
        skuIds: [...new Set(lines.map((l) => l.skuId))],
        lock: true,
        nonZero: false,
      });
      const by = new Map(balances.map((b) => [keyOf(b.binId, b.skuId, b.batchId), D(b.qty)]));
      const figures = lines.map((l) => {
        const current = by.get(keyOf(l.binId, l.skuId, l.batchId)) ?? D(0);
        const adjust = D(l.finalQty!).minus(current);
        return { line: l, moved: current.minus(l.bookQty), adjust };
      });
      const day = today();
      // closed first, so its own adjustment passes the freeze
      const claimed = await tx
        .createQueryBuilder()
        .update(Stocktake)
        .set({
          status: StocktakeStatus.APPROVED,
          approvedBy: ctx.user!.id,
          approvedAt: now(),
          approvedOn: day,
          version: st.version + 1,
        })
        .where('id = :id AND status = :s', { id: st.id, s: StocktakeStatus.REVIEW })
        .execute();
      if (!claimed.affected) throw this.notInState(st, 'it changed meanwhile; reload it.');
      const posting = figures.filter((f) => !f.adjust.isZero());
      let adjustment: { id: number; number: string | null } | null = null;
      const values = new Map<number, { lineId: number; value: string }>();
      if (posting.length) {
        const doc = await this.stockDocuments.createAndPostIn(
          tx,
          ctx,
          {
            type: StockDocType.ADJUSTMENT,
            warehouseId: String(st.warehouseId),
            businessDate: day,
            memo: `盘点 Stocktake ${st.number}`,
            lines: posting.map((f) => ({
              skuId: String(f.line.skuId),
              qty: f.adjust.toFixed(),
              binId: String(f.line.binId),
              ...(f.line.batchNo ? { batchNo: f.line.batchNo } : {}),
              ...(f.line.batchNo && f.adjust.gt(0) ? { expiryReason: `盘盈 stocktake gain ${st.number}` } : {}),
            })),
          },
          { type: 'stocktake', id: st.id, number: st.number },
        );
        adjustment = { id: doc.id, number: doc.number };
        const docLines = await this.stockDocuments.lines([doc.id], tx);
        posting.forEach((f, i) =>
          values.set(f.line.id, { lineId: docLines[i].id, value: docLines[i].value ?? '0.00' }),
        );
      }
      for (const f of figures) {
        const v = values.get(f.line.id);
        await tx.update(
          StocktakeLine,
          { id: f.line.id },
          {
            movedQty: f.moved.toFixed(6),
            differenceQty: f.adjust.toFixed(6),
            adjustmentLineId: v?.lineId ?? null,
            postedValue: v?.value ?? '0.00',
          },
        );
      }
      if (adjustment)
        await tx.update(Stocktake, { id: st.id }, { adjustmentId: adjustment.id, adjustmentNumber: adjustment.number });
      await this.abc.counted(
        tx,
        st.warehouseId,
        lines.map((l) => l.skuId),
        day,
      );
      const after = await tx.findOneOrFail(Stocktake, { where: { id: st.id } });
      await this.audit.record(tx, ctx, {
        action: 'stocktake.approve',
        entityType: 'Stocktake',
        entityId: st.id,
        after: { status: after.status, adjustment: after.adjustmentNumber, lines: posting.length },
      });
      return after;
    });
  }

  // ---------- accuracy ----------

  /** The accuracy of one count: settled lines; values as posted, or estimated at the current cost before approval. */
  async accuracy(ctx: Context, st: Stocktake): Promise<Accuracy & { estimated: boolean }> {
    const lines = await this.ds.getRepository(StocktakeLine).find({
      where: { stocktakeId: st.id, status: CountLineStatus.SETTLED },
    });
    const approved = st.status === StocktakeStatus.APPROVED;
    const costs = !approved && can(ctx, P.StockCostRead) ? await this.estimates(st, lines) : new Map<number, string>();
    return {
      ...accuracyOf(
        lines.map((l) => ({
          difference: l.differenceQty ?? '0',
          value: approved ? (l.postedValue ?? '0') : (costs.get(l.id) ?? '0'),
        })),
      ),
      estimated: !approved,
    };
  }

  /** Difference × the current unit cost of each line (an estimate until the adjustment posts). */
  async estimates(st: Stocktake, lines: StocktakeLine[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    const differing = lines.filter((l) => !isZero(l.differenceQty));
    if (!differing.length) return out;
    const heads = await costHeads(this.ds.manager, st.warehouseId, [...new Set(differing.map((l) => l.skuId))]);
    for (const l of differing) {
      const h = heads.find((x) => x.skuId === l.skuId);
      const state = h?.state ? (JSON.parse(h.state) as CostState) : null;
      const unit = currentUnitCost(state, { qty: h?.qty ?? '0', value: h?.value ?? '0' }, l.batchId || undefined);
      out.set(l.id, D(l.differenceQty!).times(unit).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
    }
    return out;
  }

  /** Accuracy of approved counts over time: by warehouse, counter, reason or month. */
  async accuracyOver(ctx: Context, filter: AccuracyFilter | null | undefined, group: AccuracyGroup) {
    const qb = this.ds
      .getRepository(Stocktake)
      .createQueryBuilder('s')
      .where('s.status = :a', { a: StocktakeStatus.APPROVED });
    const scope = ctx.user?.warehouseIds;
    if (scope) qb.andWhere(scope.length ? 's.warehouse_id IN (:...scope)' : '1 = 0', { scope });
    if (filter?.warehouseId) qb.andWhere('s.warehouse_id = :w', { w: Number(filter.warehouseId) || -1 });
    if (filter?.from) qb.andWhere('s.approved_on >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('s.approved_on <= :to', { to: filter.to });
    const counts = await qb.orderBy('s.id', 'ASC').getMany();
    if (!counts.length) return [];
    const byId = new Map(counts.map((c) => [c.id, c]));
    const lines = await this.ds.getRepository(StocktakeLine).find({
      where: { stocktakeId: In(counts.map((c) => c.id)), status: CountLineStatus.SETTLED },
    });
    const groups = new Map<
      string,
      { label: string; counts: Set<number>; lines: Array<{ difference: string; value: string }> }
    >();
    const add = (key: string, label: string, stocktakeId: number, l: { difference: string; value: string }) => {
      const g = groups.get(key) ?? { label, counts: new Set<number>(), lines: [] };
      g.counts.add(stocktakeId);
      g.lines.push(l);
      groups.set(key, g);
    };
    const fig = (l: StocktakeLine) => ({ difference: l.differenceQty ?? '0', value: l.postedValue ?? '0' });
    if (group === AccuracyGroup.COUNTER) {
      const entries = await this.ds
        .getRepository(StocktakeCount)
        .find({ where: { stocktakeId: In(counts.map((c) => c.id)) } });
      const users = await userNames(this.ds.manager, [...new Set(entries.map((e) => e.countedBy))]);
      const lineById = new Map(lines.map((l) => [l.id, l]));
      for (const e of entries) {
        const l = lineById.get(e.lineId);
        if (!l) continue;
        // right: what this counter counted is what the line settled at
        const right = D(e.qty).eq(l.finalQty ?? -1);
        add(String(e.countedBy), users.get(e.countedBy) ?? String(e.countedBy), l.stocktakeId, {
          difference: right ? '0' : '1',
          value: l.postedValue ?? '0',
        });
      }
    } else if (group === AccuracyGroup.WAREHOUSE) {
      const names = new Map(
        (await warehousesByIds(this.ds.manager, [...new Set(counts.map((c) => c.warehouseId))])).map((w) => [
          w.id,
          w.name,
        ]),
      );
      for (const l of lines) {
        const w = byId.get(l.stocktakeId)!.warehouseId;
        add(String(w), names.get(w) ?? String(w), l.stocktakeId, fig(l));
      }
    } else if (group === AccuracyGroup.MONTH) {
      for (const l of lines) {
        const m = byId.get(l.stocktakeId)!.approvedOn!.slice(0, 7);
        add(m, m, l.stocktakeId, fig(l));
      }
    } else {
      for (const l of lines) {
        if (isZero(l.differenceQty)) continue;
        const r = l.reason ?? 'none';
        add(r, r, l.stocktakeId, fig(l));
      }
    }
    const rows: AccuracyRow[] = [...groups.entries()].map(
      ([key, g]) =>
        Object.assign(
          { key, label: g.label, counts: g.counts.size, estimated: false },
          accuracyOf(g.lines),
        ) as AccuracyRow,
    );
    return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
