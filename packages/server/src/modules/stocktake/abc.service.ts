import { Decimal } from 'decimal.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { perRequest, type Context } from '../../core/context';
import { addDays, now, today } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { badInput, conflict, DomainError, notFound } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { AbcError, classify, dueForCount, type AbcClass, type DueItem } from '../../domain/abc';
import type { AuditService } from '../audit';
import { findSku, skuLines } from '../catalog';
import { costHeads, findWarehouse, issuedValues, type Warehouse } from '../stock';
import { AbcClassCode, AbcClassification, StocktakeSettings } from './stocktake.entity';
import type { AbcRecomputeResult, StocktakeSettingsInput } from './stocktake.types';

const D = (x: Decimal.Value) => new Decimal(x);
const pad = (n: number) => String(n).padStart(2, '0');

/** The same day `months` months earlier (the last day of a shorter month). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(Math.min(d, last))}`;
}

/** What counts as issued: goods that left for good (sales shipments and other issues), net of their cancellations. */
export const ISSUE_TYPES = ['sales_shipment', 'other_out'];

/** The class that applies: fixed by hand, else computed; null when the SKU has none. */
export const effectiveClass = (r: Pick<AbcClassification, 'manualClass' | 'computedClass'>): AbcClassCode | null =>
  r.manualClass ?? r.computedClass ?? null;

/** YYYY-MM-DD the SKU's next count is due by its class review days; null without a class or a count. */
export async function nextCountDue(ctx: Context, a: AbcClassification): Promise<string | null> {
  const c = effectiveClass(a);
  if (!c || !a.lastCountedOn) return null;
  const s = await perRequest(ctx, 'stocktakeSettings', () => ctx.services.abc.settings());
  const days = { A: s.reviewDaysA, B: s.reviewDaysB, C: s.reviewDaysC }[c];
  return addDays(a.lastCountedOn, days);
}

/**
 * ABC classes per warehouse (ABC 分类) and the settings of counts: computed from the value issued
 * over a period, recomputed on demand, fixed by hand where a user decides; each class's review
 * days drive the cycle-count plan.
 */
export class AbcService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  inScope(ctx: Context, warehouseId: number) {
    const scope = ctx.user?.warehouseIds;
    return !scope || scope.includes(warehouseId);
  }

  async warehouse(tx: EntityManager, ctx: Context, id: string | number): Promise<Warehouse> {
    const w = await findWarehouse(tx, Number(id));
    if (!w || !this.inScope(ctx, w.id)) throw notFound('This warehouse');
    return w;
  }

  // ---------- settings ----------

  async settings(tx: EntityManager = this.ds.manager): Promise<StocktakeSettings> {
    const found = await tx.findOne(StocktakeSettings, { where: { id: 1 } });
    if (found) return found;
    await tx.createQueryBuilder().insert().into(StocktakeSettings).values({ id: 1, version: 1 }).orIgnore().execute();
    return tx.findOneOrFail(StocktakeSettings, { where: { id: 1 } });
  }

  async updateSettings(ctx: Context, input: StocktakeSettingsInput): Promise<StocktakeSettings> {
    return inTransaction(this.ds, async (tx) => {
      const before = await this.settings(tx);
      const next = { ...before };
      const problems: Array<{ field: string; message: string }> = [];
      if (input.abcCutoffA != null) next.abcCutoffA = D(input.abcCutoffA).toFixed(4);
      if (input.abcCutoffB != null) next.abcCutoffB = D(input.abcCutoffB).toFixed(4);
      try {
        classify([], { a: next.abcCutoffA, b: next.abcCutoffB });
      } catch (e) {
        if (!(e instanceof AbcError)) throw e;
        problems.push({ field: e.field === 'a' ? 'abcCutoffA' : 'abcCutoffB', message: e.message });
      }
      const ints = ['abcPeriodMonths', 'reviewDaysA', 'reviewDaysB', 'reviewDaysC'] as const;
      for (const f of ints) {
        const v = input[f];
        if (v == null) continue;
        if (!Number.isInteger(v) || v < 1 || v > (f === 'abcPeriodMonths' ? 60 : 366))
          problems.push({ field: f, message: f === 'abcPeriodMonths' ? '1 to 60 months.' : '1 to 366 days.' });
        else next[f] = v;
      }
      if (input.freezeFullCounts != null) next.freezeFullCounts = input.freezeFullCounts;
      if (input.toleranceQty != null) {
        if (D(input.toleranceQty).lt(0)) problems.push({ field: 'toleranceQty', message: 'Not negative.' });
        next.toleranceQty = D(input.toleranceQty).toFixed(6);
      }
      if (input.tolerancePct != null) {
        if (D(input.tolerancePct).lt(0) || D(input.tolerancePct).gt(100))
          problems.push({ field: 'tolerancePct', message: '0 to 100 percent.' });
        next.tolerancePct = D(input.tolerancePct).toFixed(4);
      }
      if (problems.length) throw badInput(problems);
      const { id: _id, version: _v, ...patch } = next;
      const res = await tx
        .createQueryBuilder()
        .update(StocktakeSettings)
        .set({ ...patch, version: before.version + 1 })
        .where('id = 1 AND version = :v', { v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(StocktakeSettings, { where: { id: 1 } });
      await this.audit.record(tx, ctx, {
        action: 'stocktake.settings',
        entityType: 'StocktakeSettings',
        entityId: 1,
        before,
        after,
      });
      return after;
    });
  }

  // ---------- classes ----------

  async list(
    ctx: Context,
    warehouseId: string,
    abcClass?: AbcClassCode | null,
    page?: PageInput | null,
  ): Promise<Page<AbcClassification>> {
    const w = await this.warehouse(this.ds.manager, ctx, warehouseId);
    const { offset, limit } = clampPage(page);
    const qb = this.ds
      .getRepository(AbcClassification)
      .createQueryBuilder('a')
      .where('a.warehouse_id = :w', { w: w.id });
    if (abcClass)
      qb.andWhere('(a.manual_class = :c OR (a.manual_class IS NULL AND a.computed_class = :c))', { c: abcClass });
    qb.orderBy('a.rank', 'ASC').addOrderBy('a.sku_id', 'ASC');
    const [items, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  /** Classes from the value issued over the settings' period up to today; manual classes stay. */
  async recompute(ctx: Context, warehouseId: string): Promise<AbcRecomputeResult> {
    return inTransaction(this.ds, async (tx) => {
      const w = await this.warehouse(tx, ctx, warehouseId);
      const s = await this.settings(tx);
      const periodTo = today();
      const periodFrom = addDays(monthsBefore(periodTo, s.abcPeriodMonths), 1);
      const issued = await issuedValues(tx, w.id, periodFrom, periodTo, ISSUE_TYPES);
      // every SKU the warehouse ever held, so slow movers are C rather than unclassified
      const heads = await costHeads(tx, w.id);
      const skuIds = new Set([...heads.map((h) => h.skuId), ...issued.keys()]);
      const rows = classify(
        [...skuIds].map((skuId) => ({ skuId, value: (issued.get(skuId) ?? D(0)).toFixed(2) })),
        { a: s.abcCutoffA, b: s.abcCutoffB },
      );
      const existing = new Map(
        (await tx.find(AbcClassification, { where: { warehouseId: w.id } })).map((r) => [r.skuId, r]),
      );
      const at = now();
      const save: AbcClassification[] = [];
      for (const r of rows) {
        const prior = existing.get(r.skuId);
        save.push(
          tx.create(AbcClassification, {
            ...(prior ?? { warehouseId: w.id, skuId: r.skuId, manualClass: null, lastCountedOn: null, version: 0 }),
            computedClass: r.abcClass as AbcClassCode,
            issuedValue: r.value,
            share: r.share,
            cumulative: r.cumulative,
            rank: r.rank,
            periodFrom,
            periodTo,
            computedAt: at,
            version: (prior?.version ?? 0) + 1,
          }),
        );
      }
      for (let i = 0; i < save.length; i += 200) await tx.save(save.slice(i, i + 200));
      const count = (c: AbcClass) => rows.filter((r) => r.abcClass === c).length;
      const result = { skus: rows.length, a: count('A'), b: count('B'), c: count('C'), periodFrom, periodTo };
      await this.audit.record(tx, ctx, {
        action: 'abc.recompute',
        entityType: 'Warehouse',
        entityId: w.id,
        after: result,
      });
      return result;
    });
  }

  /** Fixes a SKU's class by hand (null: back to the computed class). */
  async override(
    ctx: Context,
    warehouseId: string,
    skuId: string,
    abcClass: AbcClassCode | null,
  ): Promise<AbcClassification> {
    return inTransaction(this.ds, async (tx) => {
      const w = await this.warehouse(tx, ctx, warehouseId);
      const sku = await findSku(tx, Number(skuId));
      if (!sku) throw notFound('This SKU');
      let row = await tx.findOne(AbcClassification, { where: { warehouseId: w.id, skuId: sku.id } });
      const before = row ? { manualClass: row.manualClass, computedClass: row.computedClass } : null;
      row = tx.create(AbcClassification, {
        ...(row ?? {
          warehouseId: w.id,
          skuId: sku.id,
          computedClass: null,
          issuedValue: '0.00',
          share: '0.0000',
          cumulative: '0.0000',
          rank: 0,
          periodFrom: null,
          periodTo: null,
          computedAt: null,
          lastCountedOn: null,
          version: 0,
        }),
        manualClass: abcClass,
      });
      row.version += 1;
      const saved = await tx.save(row);
      await this.audit.record(tx, ctx, {
        action: 'abc.override',
        entityType: 'AbcClassification',
        entityId: saved.id,
        before,
        after: { manualClass: saved.manualClass, computedClass: saved.computedClass },
      });
      return saved;
    });
  }

  /** The classes of some SKUs in a warehouse (null: none). */
  async classesOf(tx: EntityManager, warehouseId: number, skuIds: number[]): Promise<Map<number, AbcClassCode>> {
    if (!skuIds.length) return new Map();
    const rows = await tx.find(AbcClassification, { where: { warehouseId, skuId: In(skuIds) } });
    const out = new Map<number, AbcClassCode>();
    for (const r of rows) {
      const c = effectiveClass(r);
      if (c) out.set(r.skuId, c);
    }
    return out;
  }

  /** The SKUs of a class in a warehouse. */
  async skusOfClass(tx: EntityManager, warehouseId: number, c: AbcClassCode): Promise<number[]> {
    const rows = await tx.find(AbcClassification, { where: { warehouseId } });
    return rows.filter((r) => effectiveClass(r) === c).map((r) => r.skuId);
  }

  /** What is due for a cycle count on `asOf` (today), by each class's review days. */
  async plan(tx: EntityManager, warehouseId: number, asOf = today()): Promise<DueItem[]> {
    const s = await this.settings(tx);
    const rows = await tx.find(AbcClassification, { where: { warehouseId } });
    return dueForCount(
      rows
        .filter((r) => effectiveClass(r))
        .map((r) => ({ skuId: r.skuId, abcClass: effectiveClass(r)!, lastCountedOn: r.lastCountedOn })),
      asOf,
      { A: s.reviewDaysA, B: s.reviewDaysB, C: s.reviewDaysC },
    );
  }

  async planFor(ctx: Context, warehouseId: string, asOf?: string | null): Promise<DueItem[]> {
    const w = await this.warehouse(this.ds.manager, ctx, warehouseId);
    if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
      throw badInput([{ field: 'asOf', message: 'A date like 2026-11-25.' }]);
    return this.plan(this.ds.manager, w.id, asOf ?? today());
  }

  /** An approved count counted these SKUs on `day`: their next counts are due from then. */
  async counted(tx: EntityManager, warehouseId: number, skuIds: number[], day: string): Promise<void> {
    if (!skuIds.length) return;
    await tx
      .createQueryBuilder()
      .update(AbcClassification)
      .set({ lastCountedOn: day })
      .where('warehouse_id = :w AND sku_id IN (:...ids)', { w: warehouseId, ids: [...new Set(skuIds)] })
      .execute();
  }

  /** Refuses SKUs without a class here (a cycle count is planned by class). */
  async assertClassified(tx: EntityManager, warehouseId: number, skuIds: number[]): Promise<void> {
    const classes = await this.classesOf(tx, warehouseId, skuIds);
    const missing = skuIds.filter((id) => !classes.has(id));
    if (missing.length) {
      const codes = [...(await skuLines(tx, missing)).values()].map((l) => l.sku.code);
      throw new DomainError(
        'SKU_NOT_CLASSIFIED',
        `${codes.join(', ')} ha${missing.length === 1 ? 's' : 've'} no ABC class in this warehouse: compute the classes or set one by hand first.`,
        { skuIds: missing.map(String), skus: codes.join(', ') },
      );
    }
  }
}
