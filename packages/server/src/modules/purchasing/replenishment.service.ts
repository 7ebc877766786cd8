import crypto from 'node:crypto';
import Decimal from 'decimal.js';
import type { DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { onDuplicateUpdate } from '../../core/sql';
import { addDays, today } from '../../core/dates';
import { badInput } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import {
  dailySeries,
  exactHistory,
  toQtyStrings,
  weeklySeries,
  type FixedParams,
  type ForecastMethod,
} from '../../domain/forecasting';
import {
  fixedSafetyStock,
  inverseNormal,
  simpleSafetyStock,
  statisticalSafetyStock,
  orderQuantity,
  suggestOrder,
  type DemandInput,
  type Step,
} from '../../domain/replenishment';
import type { AuditService } from '../audit';
import { categoryExists, findSku, skuLines } from '../catalog';
import { SupplierStatus, type Supplier, type SupplierService } from '../partners';
import { promotedDays } from '../promotions';
import { blockedOf, findWarehouse, unsellableInWarehouse, unsellableStock, type PostingService } from '../stock';
import { recordDemand } from './demand';
import { chooseModel, keepModels, keptModels, type ModelCache } from './forecast-models';
import { openQty, type PurchaseOrder } from './purchase-order.entity';
import type { PurchaseOrderService } from './purchase-order.service';
import {
  FixedSafetyStock,
  KeptSuggestion,
  ForecastMethodChoice,
  PromotionDaysRule,
  ReplenishmentSetting,
  SafetyStockMethod,
} from './replenishment.entity';
import type { SupplierEvaluationService } from './supplier-evaluation.service';

/** Days of demand history a forecast learns from at most (13 weeks). */
export const HISTORY_DAYS = 91;
/** Decimals of the daily rate a suggestion uses (and shows). */
const RATE_PLACES = 4;
const DEFAULTS = {
  forecastMethod: null as ForecastMethodChoice | null,
  movingAverageWindow: null as number | null,
  alpha: null as string | null,
  beta: null as string | null,
  gamma: null as string | null,
  safetyMethod: SafetyStockMethod.SIMPLE,
  instabilityFactor: '1.200',
  serviceLevel: '0.9500',
  reviewPeriodDays: 7,
  // a 满减 week must not inflate next month's order: promoted days count as ordinary ones unless set otherwise
  promotionDays: PromotionDaysRule.EXCLUDE,
  promotionFactor: null as string | null,
};
const D = (x: Decimal.Value) => new Decimal(x);
/** SKU ids in slices, so an IN list stays within every database's limit of parameters */
const chunks = (ids: number[], n = 1000): number[][] =>
  Array.from({ length: Math.ceil(ids.length / n) }, (_, i) => ids.slice(i * n, (i + 1) * n));
/**
 * How a read names its SKUs: an IN list per slice for a page, or (above wholeWarehouse SKUs, as
 * "needs ordering" over all of them) one pass over the warehouse's rows, kept here by a set.
 */
const skuSlices = (ids: number[], whole = 1000): { parts: Array<number[] | null>; keep: (id: number) => boolean } => {
  if (ids.length <= whole) return { parts: chunks(ids), keep: () => true };
  const set = new Set(ids);
  return { parts: [null], keep: (id) => set.has(id) };
};
const inList = (col: string, part: number[] | null) =>
  part ? ` AND ${col} IN (${part.map(() => '?').join(',')})` : '';
const decOrNull = (x: string): Decimal | null => {
  try {
    return D(x);
  } catch {
    return null;
  }
};
/** A statistic (a float) as the exact decimal a suggestion shows and computes with: 6 places, half-up. */
const six = (x: number): Decimal => D(x.toFixed(9)).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
/** z of a service level, as shown: the same few levels over and over, each worked out once */
const zs = new Map<string, Decimal>();
const zOf = (serviceLevel: string): Decimal => {
  let z = zs.get(serviceLevel);
  if (!z) {
    if (zs.size >= 1000) zs.clear();
    zs.set(serviceLevel, (z = six(inverseNormal(D(serviceLevel).toNumber()))));
  }
  return z;
};
const show = (x: Decimal) => x.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();
const step = (label: string, formula: string, value: Decimal, key: string, args: string[]): Step => ({
  label,
  formula,
  value: show(value),
  key,
  args,
});

/** One day's demand of a SKU: as a number (the forecast) and as the database's decimal text (the exact sums). */
type DayPoint = { date: string; qty: number; exact: string };

/**
 * The computation's version in every kept suggestion's key: a release that changes what a suggestion
 * says for the same inputs raises it, so the suggestions stored before it are computed again.
 */
const SUGGESTION_FORMAT = 1;

/**
 * A suggestion not built yet, of which the quantity is known — stored under this key by another
 * process (or this one) and not read yet, or computed alone here (`suggestedQuantity`): the quantity
 * is enough to filter by; `load` builds the whole suggestion of the ones that leave the service.
 */
interface StoredRef {
  stored: true;
  sku: SkuRow;
  /** the suggestion's key ('' when suggestions are not kept) */
  key: string;
  suggested: string | null;
  /** computed here a moment ago: the whole suggestion from the same inputs (never kept in the process) */
  full?: () => Suggestion;
}
/** A suggestion computed, to be stored for every process: whole, or (null) its quantity alone. */
type Fresh = { skuId: number; key: string; suggested: string | null; suggestion: Suggestion | null };
type SuggestInput = Parameters<ReplenishmentService['suggest']>[2];
const isStored = (r: Suggestion | StoredRef): r is StoredRef => 'stored' in r;
const keyHash = (key: string) => crypto.createHash('sha1').update(key).digest('hex');

/** What the replenishment list may be filtered by. */
export interface ReplenishmentQuery {
  search?: string | null;
  categoryId?: string | null;
  /** the SKU's preferred supplier */
  supplierId?: string | null;
  /** the SKU's ABC class in the warehouse (A, B or C) */
  abcClass?: string | null;
  /** only SKUs with something to order */
  onlyToOrder?: boolean | null;
  /** SKUs "needs ordering" leaves out: their book is withheld from this user during a count */
  hidden?: (skuId: number) => boolean;
}

const toOrder = (r: Suggestion | StoredRef) => r.suggested !== null && D(r.suggested).gt(0);
/** "needs ordering" under a filter: something to order, and not withheld (`hidden`) */
const toOrderFor = (filter: ReplenishmentQuery) => (r: Suggestion | StoredRef) =>
  toOrder(r) && !filter.hidden?.('stored' in r ? r.sku.id : r.skuId);
/** A suggestion as it leaves the service: not the kept object itself. */
const copy = (r: Suggestion): Suggestion => ({ ...r });

export interface SkuRow {
  id: number;
  code: string;
  name: string;
  unitScale: number;
  categoryId: number | null;
  categoryPath: string | null;
}
export interface SupplierChoice {
  supplierId: number;
  supplierName: string;
  leadTimeDays: number;
  packSize: string;
  minimumOrder: string;
  reducedShare: boolean;
  price: string;
}

export interface Suggestion {
  skuId: number;
  skuCode: string;
  skuName: string;
  warehouseId: number;
  status: 'OK' | 'NO_HISTORY' | 'TOO_LITTLE_HISTORY';
  message: string | null;
  historyFrom: string | null;
  historyTo: string;
  historyDays: number;
  historyTotal: string;
  promotedDays: number;
  promotionDaysRule: PromotionDaysRule;
  promotedDemand: string;
  averageDailyDemand: string;
  forecastMethod: string | null;
  forecastMethodFixed: boolean;
  forecastParamsFixed: boolean;
  forecastParams: string | null;
  forecastWindow: number | null;
  forecastAlpha: string | null;
  forecastBeta: string | null;
  forecastGamma: string | null;
  forecastBacktestDays: number | null;
  forecastMae: string | null;
  forecastRmse: string | null;
  dailyRate: string | null;
  dailyForecast: string[];
  horizonDays: number;
  demandOverHorizon: string | null;
  safetyMethod: SafetyStockMethod;
  serviceLevel: string;
  serviceLevelPercent: string;
  serviceLevelZ: string;
  instabilityFactor: string;
  safetyStock: string | null;
  onHand: string | null;
  notForSale: string | null;
  onOrder: string;
  reserved: string;
  leadTimeDays: number;
  reviewPeriodDays: number;
  packSize: string;
  minimumOrder: string;
  supplierId: number | null;
  supplierName: string | null;
  supplierReducedShare: boolean;
  suggested: string | null;
  steps: Step[];
}

/**
 * 补货建议: demand history → forecast (domain/forecasting) → safety stock and order-up-to
 * suggestion (domain/replenishment), with the supplier's lead time, pack size and MOQ.
 */
export class ReplenishmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly suppliers: SupplierService,
    private readonly orders: PurchaseOrderService,
    private readonly evaluation: SupplierEvaluationService,
    posting?: PostingService,
  ) {
    // the demand history is kept as postings happen (demand.ts), not scanned from the ledger per request
    posting?.onPosted(recordDemand);
  }

  /** ABC classes per SKU in a warehouse (the stocktake module's, registered by the composition root). */
  private classesOf: (warehouseId: number, skuIds: number[]) => Promise<Map<number, string>> = async () => new Map();
  useClasses(f: (warehouseId: number, skuIds: number[]) => Promise<Map<number, string>>): void {
    this.classesOf = f;
  }

  // ---------- settings ----------

  async settings(): Promise<ReplenishmentSetting[]> {
    return this.ds.getRepository(ReplenishmentSetting).find({ order: { id: 'ASC' } });
  }

  async saveSetting(
    ctx: Context,
    input: {
      skuId?: string | null;
      categoryId?: string | null;
      forecastMethod?: ForecastMethodChoice | null;
      movingAverageWindow?: number | null;
      alpha?: string | null;
      beta?: string | null;
      gamma?: string | null;
      safetyMethod?: SafetyStockMethod | null;
      instabilityFactor?: string | null;
      serviceLevel?: string | null;
      reviewPeriodDays?: number | null;
      promotionDays?: PromotionDaysRule | null;
      promotionFactor?: string | null;
    },
  ) {
    const problems = [];
    if (!input.skuId === !input.categoryId)
      problems.push({ field: 'skuId', message: 'Give a SKU or a category, one of the two.' });
    if (input.instabilityFactor != null && !(D(input.instabilityFactor).gt(0) && D(input.instabilityFactor).lte(10)))
      problems.push({ field: 'instabilityFactor', message: 'Between 0 and 10, e.g. 1.2.' });
    if (input.serviceLevel != null && !(D(input.serviceLevel).gt(0.5) && D(input.serviceLevel).lt(1)))
      problems.push({ field: 'serviceLevel', message: 'Between 0.5 and 1, e.g. 0.95.' });
    if (input.reviewPeriodDays != null && !(input.reviewPeriodDays >= 0 && input.reviewPeriodDays <= 365))
      problems.push({ field: 'reviewPeriodDays', message: 'From 0 to 365 days.' });
    if (input.promotionFactor != null && !(D(input.promotionFactor).gt(0) && D(input.promotionFactor).lte(1)))
      problems.push({ field: 'promotionFactor', message: 'Above 0 and at most 1, e.g. 0.6.' });
    if (input.promotionDays === PromotionDaysRule.SCALE && input.promotionFactor == null)
      problems.push({ field: 'promotionFactor', message: 'SCALE needs the factor a promoted day counts by.' });
    if (input.promotionFactor != null && input.promotionDays !== PromotionDaysRule.SCALE)
      problems.push({ field: 'promotionFactor', message: 'Only with promotionDays SCALE.' });
    if (input.safetyMethod === SafetyStockMethod.FIXED)
      problems.push({
        field: 'safetyMethod',
        message: 'A fixed safety stock is a number per SKU and warehouse: set it with setFixedSafetyStock.',
      });
    // fixed parameters belong to a fixed method that has them
    const method = input.forecastMethod;
    const uses: Record<string, ForecastMethodChoice[]> = {
      movingAverageWindow: [ForecastMethodChoice.MOVING_AVERAGE],
      alpha: [ForecastMethodChoice.SES, ForecastMethodChoice.HOLT, ForecastMethodChoice.HOLT_WINTERS],
      beta: [ForecastMethodChoice.HOLT, ForecastMethodChoice.HOLT_WINTERS],
      gamma: [ForecastMethodChoice.HOLT_WINTERS],
    };
    for (const [field, methods] of Object.entries(uses)) {
      const v = (input as Record<string, unknown>)[field] as number | string | null | undefined;
      if (v == null) continue;
      if (!method || !methods.includes(method)) {
        problems.push({
          field,
          message: `Only with a fixed forecast method that has it (${methods.join(', ')}); leave it empty for the back-test to choose.`,
        });
        continue;
      }
      if (field === 'movingAverageWindow') {
        if (!(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= HISTORY_DAYS))
          problems.push({ field, message: `Whole days from 1 to ${HISTORY_DAYS}.` });
      } else {
        const d = decOrNull(v as string);
        const lowOk = field !== 'alpha';
        if (!d || d.gt(1) || d.lt(0) || (!lowOk && d.isZero()) || d.decimalPlaces() > 3)
          problems.push({ field, message: `${lowOk ? 'From 0' : 'Above 0'} to 1, at most 3 decimals (e.g. 0.3).` });
      }
    }
    if (problems.length) throw badInput(problems, 'The setting has problems; nothing was saved.');
    return inTransaction(this.ds, async (tx) => {
      const where = input.skuId ? { skuId: Number(input.skuId) || -1 } : { categoryId: Number(input.categoryId) || -1 };
      const table = input.skuId ? 'sku' : 'category';
      const exists = input.skuId ? !!(await findSku(tx, where.skuId!)) : await categoryExists(tx, where.categoryId!);
      if (!exists) throw badInput([{ field: input.skuId ? 'skuId' : 'categoryId', message: `Unknown ${table}.` }]);
      const before = await tx.findOne(ReplenishmentSetting, { where });
      const row = before
        ? { ...before }
        : tx.create(ReplenishmentSetting, {
            ...where,
            skuId: where.skuId ?? null,
            categoryId: where.categoryId ?? null,
            ...DEFAULTS,
            version: 0,
          });
      if (input.forecastMethod !== undefined) {
        row.forecastMethod = (input.forecastMethod ?? null) as ReplenishmentSetting['forecastMethod'];
        // a new method (or automatic) starts from the back-test's parameters unless given again
        row.movingAverageWindow = input.movingAverageWindow ?? null;
        row.alpha = input.alpha != null ? D(input.alpha).toFixed(3) : null;
        row.beta = input.beta != null ? D(input.beta).toFixed(3) : null;
        row.gamma = input.gamma != null ? D(input.gamma).toFixed(3) : null;
      }
      if (input.safetyMethod) row.safetyMethod = input.safetyMethod;
      if (input.instabilityFactor != null) row.instabilityFactor = D(input.instabilityFactor).toFixed(3);
      if (input.serviceLevel != null) row.serviceLevel = D(input.serviceLevel).toFixed(4);
      if (input.reviewPeriodDays != null) row.reviewPeriodDays = input.reviewPeriodDays;
      if (input.promotionDays != null) {
        row.promotionDays = input.promotionDays;
        row.promotionFactor = input.promotionFactor != null ? D(input.promotionFactor).toFixed(4) : null;
      }
      row.version = (before?.version ?? 0) + 1;
      const saved = await tx.save(ReplenishmentSetting, row);
      await this.audit.record(tx, ctx, {
        action: 'replenishmentSetting.save',
        entityType: 'ReplenishmentSetting',
        entityId: saved.id,
        before: before ?? null,
        after: saved,
      });
      return saved;
    });
  }

  /** Sets (or with qty null removes) the fixed safety stock of a SKU in a warehouse. */
  async setFixedSafetyStock(
    ctx: Context,
    warehouseId: string,
    skuId: string,
    qty: string | null | undefined,
  ): Promise<FixedSafetyStock | null> {
    const w = Number(warehouseId) || -1;
    const k = Number(skuId) || -1;
    const problems = [];
    const wh = await findWarehouse(this.ds.manager, w);
    if (!wh) problems.push({ field: 'warehouseId', message: 'Unknown warehouse.' });
    const product = (await skuLines(this.ds.manager, [k])).get(k)?.product;
    if (!product) problems.push({ field: 'skuId', message: 'Unknown SKU.' });
    const q = qty == null ? null : decOrNull(qty);
    if (qty != null && (!q || q.lt(0) || q.gt('999999999999')))
      problems.push({ field: 'qty', message: 'A quantity of 0 or more.' });
    else if (q && product && q.decimalPlaces() > product.unitScale)
      problems.push({ field: 'qty', message: `At most ${product.unitScale} decimal place(s).` });
    if (problems.length) throw badInput(problems, 'Nothing was saved.');
    return inTransaction(this.ds, async (tx) => {
      const before = await tx.findOne(FixedSafetyStock, { where: { warehouseId: w, skuId: k } });
      let after: FixedSafetyStock | null = null;
      if (q === null) {
        if (before) await tx.delete(FixedSafetyStock, { id: before.id });
      } else {
        after = await tx.save(FixedSafetyStock, {
          ...(before ?? { warehouseId: w, skuId: k }),
          qty: q.toFixed(),
        } as FixedSafetyStock);
      }
      await this.audit.record(tx, ctx, {
        action: 'replenishment.fixedSafetyStock',
        entityType: 'FixedSafetyStock',
        entityId: after?.id ?? before?.id ?? 0,
        before: before ?? null,
        after,
      });
      return after;
    });
  }

  async fixedSafetyStockList(warehouseId: number): Promise<FixedSafetyStock[]> {
    return this.ds.getRepository(FixedSafetyStock).find({ where: { warehouseId }, order: { skuId: 'ASC' } });
  }

  async fixedSafetyStocks(warehouseId: number, skuIds: number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (!skuIds.length) return out;
    // plain rows (no entities), the whole warehouse's above wholeWarehouse SKUs (no IN list)
    const { parts, keep } = skuSlices(skuIds, this.wholeWarehouse);
    for (const part of parts) {
      const rows: any[] = await this.ds.query(
        `SELECT sku_id, qty FROM fixed_safety_stock WHERE warehouse_id = ?${inList('sku_id', part)}`,
        [warehouseId, ...(part ?? [])],
      );
      for (const r of rows) if (keep(Number(r.sku_id))) out.set(Number(r.sku_id), D(r.qty).toFixed());
    }
    return out;
  }

  private resolveSetting(sku: SkuRow, all: ReplenishmentSetting[]) {
    const own = all.find((s) => s.skuId === sku.id);
    if (own) return own;
    // the nearest category up the tree ("/1/4/9/": 9, then 4, then 1)
    const ids = (sku.categoryPath ?? '').split('/').filter(Boolean).map(Number).reverse();
    for (const id of ids) {
      const s = all.find((x) => x.categoryId === id);
      if (s) return s;
    }
    return DEFAULTS;
  }

  // ---------- inputs ----------

  /**
   * The SKUs this warehouse stocks or has moved in the history window, filtered: one derived set of
   * ids (balances ∪ recent spans, each read once through its warehouse index) joined to the SKUs,
   * not two EXISTS per SKU.
   */
  private skuQuery(
    warehouseId: number,
    filter: { search?: string | null; categoryId?: string | null; skuIds?: number[] },
  ): { from: string; where: string; params: unknown[] } {
    const where = ['s.active = ?'];
    const params: unknown[] = [warehouseId, warehouseId, addDays(today(), -HISTORY_DAYS), true];
    if (filter.skuIds) {
      where.push(`s.id IN (${filter.skuIds.map(() => '?').join(',') || 'NULL'})`);
      params.push(...filter.skuIds);
    }
    if (filter.search) {
      where.push('(s.code LIKE ? OR s.name LIKE ?)');
      params.push(`%${filter.search}%`, `%${filter.search}%`);
    }
    if (filter.categoryId) {
      where.push('c.path LIKE ?');
      params.push(`%/${Number(filter.categoryId) || -1}/%`);
    }
    return {
      from: `(SELECT b.sku_id FROM stock_balance b WHERE b.warehouse_id = ?
               UNION SELECT h.sku_id FROM replenishment_span h WHERE h.warehouse_id = ? AND h.last_day >= ?) w
             JOIN sku s ON s.id = w.sku_id JOIN product p ON p.id = s.product_id LEFT JOIN category c ON c.id = p.category_id`,
      where: where.join(' AND '),
      params,
    };
  }

  private async skus(
    warehouseId: number,
    filter: { search?: string | null; categoryId?: string | null; skuIds?: number[] },
    page?: { offset: number; limit: number },
  ): Promise<SkuRow[]> {
    const q = this.skuQuery(warehouseId, filter);
    const rows: any[] = await this.ds.query(
      `SELECT s.id, s.code, s.name, p.unit_scale, p.category_id, c.path FROM ${q.from}
        WHERE ${q.where} ORDER BY s.code${page ? ' LIMIT ? OFFSET ?' : ''}`,
      page ? [...q.params, page.limit, page.offset] : q.params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      code: r.code,
      name: r.name,
      unitScale: Number(r.unit_scale),
      categoryId: r.category_id == null ? null : Number(r.category_id),
      categoryPath: r.path ?? null,
    }));
  }

  private async countSkus(
    warehouseId: number,
    filter: { search?: string | null; categoryId?: string | null },
  ): Promise<number> {
    const q = this.skuQuery(warehouseId, filter);
    return Number((await this.ds.query(`SELECT COUNT(*) AS n FROM ${q.from} WHERE ${q.where}`, q.params))[0].n);
  }

  /**
   * The history each SKU has in the warehouse: from its first stock movement there (or `from`,
   * whichever is later) to `to`. A day before the SKU was ever in the warehouse is not a day of
   * zero demand. Undefined when it has not moved there by `to`.
   */
  async historyStarts(warehouseId: number, skuIds: number[], from: string, to: string) {
    const out = new Map<number, string>();
    for (const [sku, span] of await this.spans(warehouseId, skuIds, from, to)) if (span.from) out.set(sku, span.from);
    return out;
  }

  /**
   * Each SKU's span in the warehouse: where its history starts (`historyStarts`; null when it has not
   * moved there by `to`) and its demand version (bumped by every posting that changes its demand).
   */
  private async spans(warehouseId: number, skuIds: number[], from: string, to: string) {
    const out = new Map<number, { from: string | null; version: number }>();
    if (!skuIds.length) return out;
    const { parts, keep } = skuSlices(skuIds, this.wholeWarehouse);
    for (const part of parts) {
      const rows: any[] = await this.ds.query(
        `SELECT sku_id, first_day, demand_version FROM replenishment_span
          WHERE warehouse_id = ?${inList('sku_id', part)}`,
        [warehouseId, ...(part ?? [])],
      );
      for (const r of rows) {
        const sku = Number(r.sku_id);
        if (!keep(sku)) continue;
        const first: string = r.first_day;
        out.set(sku, { from: first > to ? null : first > from ? first : from, version: Number(r.demand_version) });
      }
    }
    return out;
  }

  /**
   * Demand per day: what posted sales shipments and other issues marked as demand took out of the
   * warehouse, net of their cancellations and returns (kept per day by the postings, demand.ts).
   */
  async demand(warehouseId: number, skuIds: number[], from: string, to: string): Promise<Map<number, Array<DayPoint>>> {
    return this.demandPerSku
      ? this.demandConcat(warehouseId, skuIds, from, to)
      : this.demandRows(warehouseId, skuIds, from, to);
  }

  /** true: the database sends one row per SKU with its days as one string (GROUP_CONCAT), not a row per day. */
  demandPerSku = true;

  /** The demand as one row per SKU and day (the path before demandConcat; tests compare the two). */
  private async demandRows(
    warehouseId: number,
    skuIds: number[],
    from: string,
    to: string,
  ): Promise<Map<number, Array<DayPoint>>> {
    const out = new Map<number, Array<DayPoint>>();
    if (!skuIds.length) return out;
    const { parts, keep } = skuSlices(skuIds, this.wholeWarehouse);
    for (const part of parts) {
      const rows: any[] = await this.ds.query(
        `SELECT sku_id, day, qty FROM replenishment_demand
          WHERE warehouse_id = ?${inList('sku_id', part)} AND day >= ? AND day <= ?`,
        [warehouseId, ...(part ?? []), from, to],
      );
      for (const r of rows) {
        if (!keep(Number(r.sku_id))) continue;
        const list = out.get(Number(r.sku_id)) ?? [];
        list.push({ date: r.day, qty: Number(r.qty), exact: String(r.qty) });
        out.set(Number(r.sku_id), list);
      }
    }
    return out;
  }

  /**
   * The demand as one row per SKU: its days and quantities as one `day:qty,…` string in day order
   * and how many there are (10,000 rows for a warehouse's "needs ordering" instead of 300,000). A
   * string the server cut short (group_concat_max_len) is read again day by day.
   */
  private async demandConcat(
    warehouseId: number,
    skuIds: number[],
    from: string,
    to: string,
  ): Promise<Map<number, Array<DayPoint>>> {
    const out = new Map<number, Array<DayPoint>>();
    if (!skuIds.length) return out;
    const { parts, keep } = skuSlices(skuIds, this.wholeWarehouse);
    const mysql = this.ds.options.type !== 'better-sqlite3';
    const concat = mysql
      ? "GROUP_CONCAT(day, ':', qty ORDER BY day SEPARATOR ',')"
      : "group_concat(day || ':' || qty, ',')";
    const short: number[] = [];
    const qr = this.ds.createQueryRunner();
    try {
      // 91 days × ~20 characters; MySQL's default limit is 1,024
      if (mysql) await qr.query('SET SESSION group_concat_max_len = 1048576');
      for (const part of parts) {
        const rows: any[] = await qr.query(
          `SELECT sku_id, COUNT(*) AS n, ${concat} AS days FROM replenishment_demand
            WHERE warehouse_id = ?${inList('sku_id', part)} AND day >= ? AND day <= ? GROUP BY sku_id`,
          [warehouseId, ...(part ?? []), from, to],
        );
        for (const r of rows) {
          const sku = Number(r.sku_id);
          if (!keep(sku)) continue;
          const entries = String(r.days ?? '').split(',');
          if (entries.length !== Number(r.n)) {
            short.push(sku);
            continue;
          }
          const list: Array<DayPoint> = [];
          for (const e of entries) {
            const at = e.indexOf(':');
            const qty = e.slice(at + 1);
            list.push({ date: e.slice(0, at), qty: Number(qty), exact: qty });
          }
          out.set(sku, list);
        }
      }
    } finally {
      await qr.release();
    }
    if (short.length) for (const [k, v] of await this.demandRows(warehouseId, short, from, to)) out.set(k, v);
    return out;
  }

  private async positions(warehouseId: number, skuIds: number[]) {
    const onHand = new Map<number, Decimal>();
    const reserved = new Map<number, Decimal>();
    const onOrder = new Map<number, Decimal>();
    const notForSale = new Map<number, Decimal>();
    if (!skuIds.length) return { onHand, reserved, onOrder, notForSale };
    // a whole warehouse (above wholeWarehouse SKUs) is read by its warehouse index, kept here by a set
    const whole = skuIds.length > this.wholeWarehouse;
    const set = whole ? new Set(skuIds) : null;
    const marks = whole ? '' : ` AND sku_id IN (${skuIds.map(() => '?').join(',')})`;
    const ids = whole ? [] : skuIds;
    // the three reads at once (none depends on another)
    const [heads, blocked, lines] = await Promise.all([
      // reservations live on the warehouse × SKU cost head, like the stock report's "available"
      this.ds.query(`SELECT sku_id, qty, reserved FROM stock_cost WHERE warehouse_id = ?${marks}`, [
        warehouseId,
        ...ids,
      ]) as Promise<any[]>,
      // expired batches and quarantine bins cannot cover demand: on hand is what may be sold
      whole
        ? unsellableInWarehouse(this.ds, warehouseId, today())
        : unsellableStock(
            this.ds,
            skuIds.map((s) => [warehouseId, s]),
            today(),
          ),
      // approved orders not yet fully received: what the receive form still offers (openQty) —
      // accepted units arrived, rejected ones are on order again only when a replacement is expected
      this.ds.query(
        `SELECT l.sku_id, l.qty, l.received_qty, l.rejected_qty, l.replacement_qty FROM purchase_order_line l JOIN purchase_order o ON o.id = l.order_id
          WHERE o.warehouse_id = ? AND o.status IN ('approved', 'partly_received')${marks.replace('sku_id', 'l.sku_id')}`,
        [warehouseId, ...ids],
      ) as Promise<any[]>,
    ]);
    for (const h of heads) {
      const sku = Number(h.sku_id);
      if (set && !set.has(sku)) continue;
      onHand.set(sku, D(h.qty));
      reserved.set(sku, D(h.reserved));
    }
    for (const s of skuIds) {
      const b = blockedOf(blocked, warehouseId, s);
      if (b.isZero()) continue;
      notForSale.set(s, b);
      onHand.set(s, (onHand.get(s) ?? D(0)).minus(b));
    }
    for (const l of lines) {
      const sku = Number(l.sku_id);
      if (set && !set.has(sku)) continue;
      const open = D(
        openQty({
          qty: l.qty,
          receivedQty: l.received_qty,
          rejectedQty: l.rejected_qty,
          replacementQty: l.replacement_qty,
        }),
      );
      onOrder.set(sku, (onOrder.get(sku) ?? D(0)).plus(open));
    }
    return { onHand, reserved, onOrder, notForSale };
  }

  /**
   * The preferred supplier per SKU among those one may order from today with a valid agreement:
   * not flagged for late deliveries first, then the lowest agreed price, then the lowest id.
   */
  async preferredSuppliers(skuIds: number[], day = today()): Promise<Map<number, SupplierChoice>> {
    const out = new Map<number, SupplierChoice>();
    if (!skuIds.length) return out;
    // a whole warehouse's SKUs: every valid agreement (no IN list of 10,000), kept here by a set
    const whole = skuIds.length > this.wholeWarehouse ? new Set(skuIds) : null;
    const prices = whole
      ? (await this.suppliers.validPrices(null, day)).filter((p) => whole.has(p.skuId))
      : await this.suppliers.validPrices(skuIds, day);
    const supplierIds = [...new Set(prices.map((p) => p.supplierId))];
    const suppliers = await this.suppliers.byIds(supplierIds);
    const orderable = new Map<number, Supplier>();
    for (const s of suppliers)
      if (s.status === SupplierStatus.APPROVED && !(await this.suppliers.blockReason(s, day))) orderable.set(s.id, s);
    const flags = await this.evaluation.reducedShare([...orderable.keys()]);
    const seen = new Set<string>();
    const options = new Map<number, SupplierChoice[]>();
    // the same few decimals over and over (a pack of 6, an MOQ of 12): each written once
    const written = new Map<string, string>();
    const exact = (x: string) => {
      let v = written.get(x);
      if (v === undefined) written.set(x, (v = D(x).toFixed()));
      return v;
    };
    for (const p of prices) {
      const k = `${p.supplierId}:${p.skuId}`;
      const s = orderable.get(p.supplierId);
      if (seen.has(k) || !s) continue; // the latest-starting agreement of a supplier × SKU is the valid one
      seen.add(k);
      const list = options.get(p.skuId) ?? [];
      list.push({
        supplierId: s.id,
        supplierName: s.name,
        leadTimeDays: s.leadTimeDays,
        packSize: exact(p.packSize),
        minimumOrder: exact(p.minOrderQty),
        reducedShare: flags.get(s.id)?.flagged ?? false,
        price: exact(p.price!),
      });
      options.set(p.skuId, list);
    }
    for (const [sku, list] of options) {
      if (list.length > 1)
        list.sort(
          (a, b) =>
            Number(a.reducedShare) - Number(b.reducedShare) ||
            D(a.price).comparedTo(b.price) ||
            a.supplierId - b.supplierId,
        );
      out.set(sku, list[0]);
    }
    return out;
  }

  // ---------- suggestions ----------

  /** The window every suggestion looks at: up to HISTORY_DAYS days ending with the last complete business day. */
  private window() {
    const to = addDays(today(), -1); // today's day is not over: its sales so far are not a day's demand
    return { from: addDays(to, -(HISTORY_DAYS - 1)), to };
  }

  async suggestions(
    warehouseId: number,
    filter: ReplenishmentQuery & { skuIds?: number[] } = {},
  ): Promise<Suggestion[]> {
    const { skus, choices } = await this.candidates(warehouseId, filter);
    const rows = await this.compute(warehouseId, skus, choices);
    return (filter.onlyToOrder ? rows.filter(toOrderFor(filter)) : rows).map(copy);
  }

  /**
   * One page of suggestions, filtered in the database and here (supplier, ABC class) before any
   * forecast is made: only the page's SKUs are forecast, unless "needs ordering" asks which of all
   * of them have something to order.
   */
  async page(warehouseId: number, filter: ReplenishmentQuery = {}, page?: PageInput | null): Promise<Page<Suggestion>> {
    const { offset, limit } = clampPage(page);
    if (!filter.onlyToOrder && !filter.supplierId && !filter.abcClass) {
      // only the page's SKUs from the database, in code order, and how many there are
      await this.checkQuery(warehouseId, filter);
      const [skus, total] = await Promise.all([
        this.skus(warehouseId, filter, { offset, limit }),
        this.countSkus(warehouseId, filter),
      ]);
      return { items: (await this.compute(warehouseId, skus)).map(copy), total, offset, limit };
    }
    const c0 = performance.now();
    const { skus, choices } = await this.candidates(warehouseId, filter);
    const candidatesMs = performance.now() - c0;
    if (!filter.onlyToOrder) {
      const items = (await this.compute(warehouseId, skus.slice(offset, offset + limit), choices)).map(copy);
      return { items, total: skus.length, offset, limit };
    }
    // the stored suggestions of other processes only as far as "needs ordering" needs them: their
    // quantities for all, the whole suggestion for the page's
    const all = (await this.compute(warehouseId, skus, choices, false, true)).filter(toOrderFor(filter));
    this.lastTimings.candidates = candidatesMs;
    const items = await this.load(warehouseId, all.slice(offset, offset + limit), choices);
    return { items: items.map(copy), total: all.length, offset, limit };
  }

  /** The SKUs a filter keeps, in code order, with their preferred suppliers where already looked up. */
  /** The warehouse exists and the ABC class is one; the class, upper-cased. */
  private async checkQuery(warehouseId: number, filter: ReplenishmentQuery) {
    const wh = await findWarehouse(this.ds.manager, warehouseId);
    if (!wh) throw badInput([{ field: 'warehouseId', message: 'Unknown warehouse.' }]);
    const abc = filter.abcClass ? String(filter.abcClass).toUpperCase() : null;
    if (abc && !['A', 'B', 'C'].includes(abc)) throw badInput([{ field: 'abcClass', message: 'A, B or C.' }]);
    return abc;
  }

  private async candidates(warehouseId: number, filter: ReplenishmentQuery & { skuIds?: number[] }) {
    const abc = await this.checkQuery(warehouseId, filter);
    let skus = await this.skus(warehouseId, filter);
    let choices: Map<number, SupplierChoice> | undefined;
    if (filter.supplierId) {
      const supplierId = Number(filter.supplierId) || -1;
      choices = await this.preferredSuppliers(
        skus.map((s) => s.id),
        today(),
      );
      skus = skus.filter((s) => choices!.get(s.id)?.supplierId === supplierId);
    }
    if (abc) {
      const classes = await this.classesOf(
        warehouseId,
        skus.map((s) => s.id),
      );
      skus = skus.filter((s) => classes.get(s.id) === abc);
    }
    return { skus, choices };
  }

  /**
   * The suggestions of these SKUs, in their order: kept ones are the kept objects themselves, so
   * what leaves the service is a copy (`copy`), of only what it returns.
   */
  /**
   * `modelsOnly`: the refresh job, which is there to choose and keep the models: it computes every
   * SKU (no kept suggestion is reused) and keeps what it computed, so a day's first "needs ordering"
   * in the process that ran it finds the day's suggestions kept.
   */
  private async compute(
    warehouseId: number,
    skus: SkuRow[],
    known: Map<number, SupplierChoice> | undefined,
    modelsOnly: boolean,
    lazy: true,
  ): Promise<Array<Suggestion | StoredRef>>;
  private async compute(
    warehouseId: number,
    skus: SkuRow[],
    known?: Map<number, SupplierChoice>,
    modelsOnly?: boolean,
    lazy?: false,
  ): Promise<Suggestion[]>;
  /** `lazy`: a suggestion another process stored is left in the table (a StoredRef) until `load`. */
  private async compute(
    warehouseId: number,
    skus: SkuRow[],
    known?: Map<number, SupplierChoice>,
    modelsOnly = false,
    lazy = false,
  ): Promise<Array<Suggestion | StoredRef>> {
    const ids = skus.map((s) => s.id);
    const { from, to } = this.window();
    const t: Record<string, number> = {};
    this.lastTimings = t;
    const t0 = performance.now();
    const timed = <T>(name: string, p: Promise<T>) => p.then((x) => ((t[name] = performance.now() - t0), x));
    // everything but the demand series: a kept suggestion's key names the series by the SKU's demand
    // version, so the series is read (after the versions: see below) only for the SKUs computed again
    const [spans, pos, choices, settings, fixed, promoted] = await Promise.all([
      timed('spans', this.spans(warehouseId, ids, from, to)),
      timed('positions', this.positions(warehouseId, ids)),
      timed('suppliers', known ? Promise.resolve(known) : this.preferredSuppliers(ids, today())),
      timed('settings', this.settings()),
      timed('fixed', this.fixedSafetyStocks(warehouseId, ids)),
      timed('promoted', promotedDays(this.ds.manager, ids, from, to)),
    ]);
    t.reads = performance.now() - t0;
    const day = today();
    const inputs = skus.map((sku): SuggestInput => ({
      from: spans.get(sku.id)?.from ?? null,
      to,
      points: [] as Array<DayPoint>,
      pos,
      choice: choices.get(sku.id),
      setting: this.resolveSetting(sku, settings),
      fixedSafetyStock: fixed.get(sku.id),
      promoted: promoted.get(sku.id),
      cache: undefined,
      day,
    }));
    // the kept suggestions first; the series and the kept models are read only for the SKUs computed again
    const keep = this.keepSuggestions;
    const settingText = new Map<object, string>();
    const keys = inputs.map((input, i) => {
      if (!keep) return null;
      let setting = settingText.get(input.setting);
      if (setting === undefined) settingText.set(input.setting, (setting = JSON.stringify(input.setting)));
      return this.suggestionKey(skus[i], warehouseId, day, input, setting, spans.get(skus[i].id)?.version ?? null);
    });
    const out: Array<Suggestion | StoredRef | undefined> = keys.map((k, i) => {
      const kept = k && !modelsOnly ? this.keptSuggestions.get(`${warehouseId}:${skus[i].id}`) : undefined;
      return kept && kept.key === k ? kept.suggestion : undefined;
    });
    t.keys = performance.now() - t0 - t.reads;
    // what this process does not keep, another one (or this one before a restart) may have stored:
    // its key's hash and quantity first (a few bytes a SKU), the whole suggestion where it is needed
    const lacking = keep && !modelsOnly ? skus.filter((_, i) => !out[i]).map((s) => s.id) : [];
    if (lacking.length) {
      const stored = await this.storedSuggestions(warehouseId, lacking);
      for (const [i, sku] of skus.entries()) {
        const row = out[i] ? undefined : stored.get(sku.id);
        if (!row || row.keyHash !== keyHash(keys[i]!)) continue;
        // kept here as the reference: the next request needs no read of the table for it
        out[i] = { stored: true, sku, key: keys[i]!, suggested: row.suggested };
        this.remember(warehouseId, sku.id, keys[i]!, out[i]!);
      }
      t.stored = performance.now() - t0 - t.reads - t.keys;
    }
    const missing = skus.filter((_, i) => !out[i]).map((s) => s.id);
    t.computed = missing.length;
    t.total = performance.now() - t0;
    const done = async () =>
      lazy
        ? (out as Array<Suggestion | StoredRef>)
        : this.load(warehouseId, out as Array<Suggestion | StoredRef>, known);
    if (!missing.length) return done();
    // read after the versions (a later statement sees at least what an earlier one saw): a posting
    // between the two makes a suggestion computed from newer demand than its key says, which the
    // next request computes again, never one kept under a version newer than its demand
    const [demand, cache] = await Promise.all([
      this.demand(warehouseId, missing, from, to),
      this.modelCache(warehouseId, missing),
    ]);
    t.demand = performance.now() - t0 - t.total;
    let computed = 0;
    const fresh: Fresh[] = [];
    // the SKU's input completed in place (a copy per SKU was a tenth of the computation's garbage)
    const inputOf = (i: number): SuggestInput => {
      const input = inputs[i];
      input.points = demand.get(skus[i].id) ?? [];
      input.cache = cache;
      return input;
    };
    for (const [i, sku] of skus.entries()) {
      if (out[i]) continue;
      // a forecast is milliseconds of CPU: let other requests through between every few SKUs
      if (computed && computed % 20 === 0) await new Promise((r) => setImmediate(r));
      computed++;
      const key = keys[i];
      if (lazy) {
        // the quantity alone: the whole suggestion (its figures and steps) only if it leaves the service
        const suggested = this.suggestedQuantity(sku, warehouseId, inputOf(i));
        if (key) {
          this.remember(warehouseId, sku.id, key, { stored: true, sku, key, suggested });
          fresh.push({ skuId: sku.id, key, suggested, suggestion: null });
        }
        out[i] = {
          stored: true,
          sku,
          key: key ?? '',
          suggested,
          full: () => this.suggest(sku, warehouseId, inputOf(i)).suggestion,
        };
        continue;
      }
      const suggestion = this.suggest(sku, warehouseId, inputOf(i)).suggestion;
      if (key) {
        this.remember(warehouseId, sku.id, key, suggestion);
        fresh.push({ skuId: sku.id, key, suggested: suggestion.suggested, suggestion });
      }
      out[i] = suggestion;
    }
    t.suggest = performance.now() - t0 - t.total - t.demand;
    // stored for the other processes in the background: the request does not wait for 10,000 rows
    this.storing = this.storing.then(() => this.store(warehouseId, fresh, day));
    await this.keep(cache);
    // the models chosen now are the kept ones of what `full` builds later (not searched again)
    for (const m of cache.fresh) cache.kept.set(m.skuId, m);
    cache.fresh = [];
    t.total = performance.now() - t0;
    return done();
  }

  /** Where the last computation's time went (ms since its start when each read ended; reads, keys, demand, total): the bench prints it. */
  lastTimings: Record<string, number> = {};

  // ---------- kept suggestions ----------

  /** false: every suggestion is computed (tests compare the two). */
  keepSuggestions = true;
  /** At most this many kept (the oldest go first): three warehouses of 10,000 SKUs, and some. */
  static readonly KEPT_SUGGESTIONS = 40_000;
  /**
   * The last suggestion per warehouse × SKU, with the key of everything suggest() reads (the SKU, the
   * day and window, the SKU's demand version — which names its demand series —, on hand, reserved,
   * on order, not for sale, the supplier choice, the setting, a fixed safety stock, the promoted
   * days): "needs ordering" computes again only the SKUs whose stock, orders, demand or settings
   * changed, and reads the series of those only. Per process, in front of the table every process
   * shares (`replenishment_suggestion`); a miss in both only costs the computation.
   */
  private keptSuggestions = new Map<string, { key: string; suggestion: Suggestion | StoredRef }>();

  private remember(warehouseId: number, skuId: number, key: string, suggestion: Suggestion | StoredRef) {
    const at = `${warehouseId}:${skuId}`;
    this.keptSuggestions.delete(at); // the newest last, so the oldest go first
    if (this.keptSuggestions.size >= ReplenishmentService.KEPT_SUGGESTIONS)
      this.keptSuggestions.delete(this.keptSuggestions.keys().next().value!);
    this.keptSuggestions.set(at, { key, suggestion });
  }

  /** The stored suggestions (`replenishment_suggestion`) of these SKUs: their keys' hashes and quantities. */
  private async storedSuggestions(warehouseId: number, skuIds: number[]) {
    const out = new Map<number, { keyHash: string; suggested: string | null }>();
    const { parts, keep } = skuSlices(skuIds, this.wholeWarehouse);
    for (const part of parts) {
      const rows: any[] = await this.ds.query(
        `SELECT sku_id, key_hash, suggested FROM replenishment_suggestion WHERE warehouse_id = ?${inList('sku_id', part)}`,
        [warehouseId, ...(part ?? [])],
      );
      for (const r of rows)
        if (keep(Number(r.sku_id))) out.set(Number(r.sku_id), { keyHash: r.key_hash, suggested: r.suggested ?? null });
    }
    return out;
  }

  /**
   * The whole suggestions of stored references: the JSON of their rows, each under its full key. A
   * row another process replaced since (a newer key) is computed here instead.
   */
  private async load(
    warehouseId: number,
    rows: Array<Suggestion | StoredRef>,
    known?: Map<number, SupplierChoice>,
  ): Promise<Suggestion[]> {
    const refs = new Map(rows.filter(isStored).map((r) => [r.sku.id, r]));
    if (!refs.size) return rows as Suggestion[];
    const found = new Map<number, Suggestion>();
    // computed a moment ago as a quantity: built whole from the same inputs, kept and stored whole
    const built: Fresh[] = [];
    for (const ref of refs.values()) {
      if (!ref.full) continue;
      const suggestion = ref.full();
      found.set(ref.sku.id, suggestion);
      refs.delete(ref.sku.id);
      if (!ref.key) continue;
      this.remember(warehouseId, ref.sku.id, ref.key, suggestion);
      built.push({ skuId: ref.sku.id, key: ref.key, suggested: suggestion.suggested, suggestion });
    }
    if (built.length) {
      const day = today();
      this.storing = this.storing.then(() => this.store(warehouseId, built, day));
    }
    for (const part of chunks([...refs.keys()])) {
      const got: any[] = await this.ds.query(
        `SELECT sku_id, suggestion_key, suggestion FROM replenishment_suggestion WHERE warehouse_id = ?${inList('sku_id', part)}`,
        [warehouseId, ...part],
      );
      for (const g of got) {
        const ref = refs.get(Number(g.sku_id))!;
        // replaced since by another process, or stored as its quantity alone: computed here
        if (g.suggestion_key !== ref.key || g.suggestion == null) continue;
        const suggestion = JSON.parse(g.suggestion) as Suggestion;
        found.set(ref.sku.id, suggestion);
        this.remember(warehouseId, ref.sku.id, ref.key, suggestion);
      }
    }
    const gone = [...refs.values()].filter((r) => !found.has(r.sku.id)).map((r) => r.sku);
    if (gone.length) {
      const timings = this.lastTimings;
      for (const [i, s] of (await this.compute(warehouseId, gone, known, true)).entries()) found.set(gone[i].id, s);
      this.lastTimings = { ...timings, computed: (timings.computed ?? 0) + gone.length };
    }
    return rows.map((r) => (isStored(r) ? found.get(r.sku.id)! : r));
  }

  /**
   * "Needs ordering" as the stored suggestions (`replenishment_suggestion`) say it, per warehouse, with
   * no forecast made (the workbench's card): the suggestions computed on `day` (their key's day; the
   * periodic refresh computes every SKU the page lists, the page those it shows) with a quantity to
   * order, and their value at the preferred supplier's agreed price (`price` of the key's supplier;
   * SKUs without a supplier add nothing). `computed`: how many suggestions of the day the warehouse
   * has at all (0: none computed yet today, so nothing to tell). The quantity is compared as a number
   * only to filter; the value is summed as decimals.
   */
  async storedToOrder(
    warehouseIds: number[] | null,
    day = today(),
  ): Promise<Array<{ warehouseId: number; computed: number; toOrder: number; value: string }>> {
    const whs =
      warehouseIds ??
      (
        (await this.ds.query(
          'SELECT DISTINCT warehouse_id FROM replenishment_suggestion ORDER BY warehouse_id',
        )) as any[]
      ).map((r) => Number(r.warehouse_id));
    const out: Array<{ warehouseId: number; computed: number; toOrder: number; value: string }> = [];
    for (const w of whs) {
      // the key is JSON that starts [format, warehouse, day, …] (suggestionKey)
      const prefix = `${JSON.stringify([SUGGESTION_FORMAT, w, day]).slice(0, -1)},%`;
      const [{ n }] = await this.ds.query(
        'SELECT COUNT(*) AS n FROM replenishment_suggestion WHERE warehouse_id = ? AND suggestion_key LIKE ?',
        [w, prefix],
      );
      if (!Number(n)) continue;
      const rows: Array<{ suggested: string; suggestion_key: string }> = await this.ds.query(
        `SELECT suggested, suggestion_key FROM replenishment_suggestion
          WHERE warehouse_id = ? AND suggestion_key LIKE ? AND suggested IS NOT NULL AND CAST(suggested AS DECIMAL(24, 6)) > 0`,
        [w, prefix],
      );
      let value = D(0);
      let toOrder = 0;
      for (const r of rows) {
        if (!D(r.suggested).gt(0)) continue;
        toOrder++;
        // the supplier chosen is the key's 12th element (suggestionKey)
        const choice = (JSON.parse(r.suggestion_key) as unknown[])[11] as SupplierChoice | null;
        if (choice?.price) value = value.plus(D(r.suggested).times(choice.price));
      }
      out.push({ warehouseId: w, computed: Number(n), toOrder, value: value.toFixed(2) });
    }
    return out;
  }

  /** The background writes of computed suggestions (`store`): tests and the bench wait for them. */
  private storing: Promise<void> = Promise.resolve();
  async stored(): Promise<void> {
    await this.storing;
  }

  /**
   * Stores the suggestions computed, for every process: one upsert per 200 (a few KB each), in a
   * transaction of its own; a failure costs only a computation elsewhere.
   */
  private async store(warehouseId: number, rows: Fresh[], day: string) {
    if (!rows.length) return;
    try {
      await inTransaction(this.ds, async (tx) => {
        for (let i = 0; i < rows.length; i += 200) {
          const part = rows.slice(i, i + 200);
          await tx.query(
            `INSERT INTO replenishment_suggestion (warehouse_id, sku_id, key_hash, suggestion_key, suggested, suggestion, made_on) VALUES ${part
              .map(() => '(?, ?, ?, ?, ?, ?, ?)')
              .join(', ')} ${onDuplicateUpdate(
              tx,
              ['warehouse_id', 'sku_id'],
              ['key_hash', 'suggestion_key', 'suggested', 'suggestion', 'made_on'],
            )}`,
            part.flatMap((r) => [
              warehouseId,
              r.skuId,
              keyHash(r.key),
              r.key,
              r.suggested,
              r.suggestion && JSON.stringify(r.suggestion),
              day,
            ]),
          );
        }
      });
    } catch (e) {
      console.error('[jxc] storing replenishment suggestions failed:', (e as Error)?.message ?? e);
    }
  }

  private suggestionKey(
    sku: SkuRow,
    warehouseId: number,
    day: string,
    input: {
      from: string | null;
      to: string;
      pos: Awaited<ReturnType<ReplenishmentService['positions']>>;
      choice: SupplierChoice | undefined;
      fixedSafetyStock?: string;
      promoted?: ReadonlySet<string>;
    },
    setting: string,
    demandVersion: number | null,
  ): string {
    const { pos } = input;
    const q = (m: Map<number, Decimal>) => m.get(sku.id)?.toFixed() ?? '';
    return JSON.stringify([
      SUGGESTION_FORMAT,
      warehouseId,
      day,
      input.from,
      input.to,
      demandVersion,
      sku,
      q(pos.onHand),
      q(pos.reserved),
      q(pos.onOrder),
      q(pos.notForSale),
      input.choice ?? null,
      setting,
      input.fixedSafetyStock ?? null,
      input.promoted ? [...input.promoted].sort() : null,
    ]);
  }

  // ---------- kept forecast models (forecast-models.ts) ----------

  /** false: every request searches the grid and keeps nothing (the uncached path; tests compare the two). */
  keepForecastModels = true;
  /**
   * Above this many SKUs the inputs (spans, demand, positions, agreements, fixed safety stocks, kept
   * models) are read for the whole warehouse in one pass and kept by a set, not by SKU lists; tests
   * lower it to compare the two.
   */
  wholeWarehouse = 1000;

  private async modelCache(warehouseId: number, ids: number[]): Promise<ModelCache> {
    if (!this.keepForecastModels) return { kept: new Map(), fresh: [], enabled: false };
    const whole = ids.length > this.wholeWarehouse;
    return { kept: await keptModels(this.ds, warehouseId, whole ? null : ids), fresh: [], enabled: true };
  }

  /** Keeps the models chosen in a computation; a failure to keep them costs only time later. */
  private async keep(cache: ModelCache): Promise<number> {
    try {
      return await keepModels(this.ds, cache.fresh);
    } catch (e) {
      console.error('[jxc] keeping forecast models failed:', (e as Error)?.message ?? e);
      return 0;
    }
  }

  /**
   * The nightly refresh: every warehouse × SKU the page would list, in slices, through the same
   * computation as a request, so each model whose series changed (a new day, a back-dated posting,
   * a cancellation, a setting) is chosen again and kept. Returns how many were chosen again.
   */
  async refreshForecasts(warehouseIds?: number[]): Promise<{ skus: number; chosen: number }> {
    const whs =
      warehouseIds ??
      (
        (await this.ds.query('SELECT DISTINCT warehouse_id FROM replenishment_span ORDER BY warehouse_id')) as any[]
      ).map((r) => Number(r.warehouse_id));
    let skus = 0;
    let chosen = 0;
    for (const w of whs) {
      const list = await this.skus(w, {});
      for (let i = 0; i < list.length; i += 500) {
        const part = list.slice(i, i + 500);
        const before = await keptModels(
          this.ds,
          w,
          part.map((s) => s.id),
        );
        await this.compute(w, part, undefined, true);
        const after = await keptModels(
          this.ds,
          w,
          part.map((s) => s.id),
        );
        for (const [k, m] of after) if (before.get(k)?.seriesHash !== m.seriesHash) chosen++;
        skus += part.length;
      }
    }
    return { skus, chosen };
  }

  /**
   * The stored suggestions nothing will read again, deleted (the models' refresh job runs it after
   * the refresh, once per cluster): of SKUs a warehouse no longer lists, and rows not computed for
   * `STALE_SUGGESTION_DAYS`. Returns how many rows went.
   */
  async purgeSuggestions(): Promise<number> {
    let purged = 0;
    const whs: any[] = await this.ds.query('SELECT DISTINCT warehouse_id FROM replenishment_suggestion');
    for (const r of whs) {
      const w = Number(r.warehouse_id);
      purged += await this.purgeUnlisted(w, await this.skus(w, {}));
    }
    return purged + (await this.purgeStale());
  }

  /** A stored suggestion not computed for this many days is deleted by the refresh (`purgeStale`). */
  static readonly STALE_SUGGESTION_DAYS = 7;

  /**
   * Deletes the stored suggestions of a warehouse's SKUs it no longer lists (inactive, no stock and
   * no movement in the history window): nothing would read them again. A SKU listed again later is
   * computed and stored again; a row a request stored between the list and this costs the same.
   */
  private async purgeUnlisted(warehouseId: number, listed: SkuRow[]): Promise<number> {
    const keep = new Set(listed.map((s) => s.id));
    const rows: any[] = await this.ds.query('SELECT sku_id FROM replenishment_suggestion WHERE warehouse_id = ?', [
      warehouseId,
    ]);
    const gone = rows.map((r) => Number(r.sku_id)).filter((id) => !keep.has(id));
    for (const part of chunks(gone))
      await this.ds.query(
        `DELETE FROM replenishment_suggestion WHERE warehouse_id = ? AND sku_id IN (${part.map(() => '?').join(',')})`,
        [warehouseId, ...part],
      );
    for (const id of gone) this.keptSuggestions.delete(`${warehouseId}:${id}`);
    return gone.length;
  }

  /**
   * Deletes the stored suggestions not computed for `STALE_SUGGESTION_DAYS` business days (their
   * keys name a day long past, so no request reads them again): those of warehouses the refresh did
   * not visit, and rows stored before `made_on` existed (empty).
   */
  private async purgeStale(): Promise<number> {
    const before = addDays(today(), -ReplenishmentService.STALE_SUGGESTION_DAYS);
    const r = await this.ds
      .createQueryBuilder()
      .delete()
      .from(KeptSuggestion)
      .where('made_on < :before', { before })
      .execute();
    return r.affected ?? 0;
  }

  private refreshing: Promise<unknown> | null = null;
  /**
   * The refresh as the cluster's periodic job `replenishment.forecasts` (core/jobs: one process per
   * period; 0: never, tests call `refreshForecasts`). It runs every `periodMs` (an hour by default):
   * on a day's first run every series has a new day and is chosen again, later runs only those a
   * posting changed.
   */
  startForecastRefresh(periodMs: number, every: (name: string, ms: number, fn: () => Promise<unknown>) => void): void {
    if (!periodMs) return;
    every('replenishment.forecasts', periodMs, () => {
      if (!this.refreshing)
        this.refreshing = this.refreshForecasts()
          .then(async (r) => {
            const purged = await this.purgeSuggestions();
            console.log(
              `[jxc] forecast models: ${r.chosen} of ${r.skus} chosen again; ${purged} stored suggestion(s) purged`,
            );
          })
          .finally(() => (this.refreshing = null));
      return this.refreshing;
    });
  }

  private suggest(
    sku: SkuRow,
    warehouseId: number,
    input: {
      /** The first day of this SKU's history (null: it has none yet). */
      from: string | null;
      to: string;
      points: Array<DayPoint>;
      pos: Awaited<ReturnType<ReplenishmentService['positions']>>;
      choice: SupplierChoice | undefined;
      setting: Pick<
        ReplenishmentSetting,
        | 'forecastMethod'
        | 'movingAverageWindow'
        | 'alpha'
        | 'beta'
        | 'gamma'
        | 'safetyMethod'
        | 'instabilityFactor'
        | 'serviceLevel'
        | 'reviewPeriodDays'
        | 'promotionDays'
        | 'promotionFactor'
      >;
      fixedSafetyStock?: string;
      /** the days this SKU was under a promotion (the promotions module's answer) */
      promoted?: ReadonlySet<string>;
      /** Days of forecast to return beyond the horizon (the chart's 28). */
      forecastDays?: number;
      /** the kept forecast models (none: search the grid) */
      cache?: ModelCache;
      /** the business day (the computation's, read once: working it out is microseconds a SKU) */
      day?: string;
    },
  ): { suggestion: Suggestion; series: { dates: string[]; qty: number[] }; forecast: number[] } {
    return this.work(sku, warehouseId, input, true);
  }

  /**
   * The suggested quantity alone (`suggest(…).suggestion.suggested`), by the same arithmetic without
   * the suggestion's figures and steps: "needs ordering" filters every SKU by it and explains only
   * the page's. `replenishment-quantity.test.ts` compares the two.
   */
  private suggestedQuantity(sku: SkuRow, warehouseId: number, input: SuggestInput): string | null {
    return this.work(sku, warehouseId, input, false);
  }

  private work(
    sku: SkuRow,
    warehouseId: number,
    input: SuggestInput,
    explain: true,
  ): { suggestion: Suggestion; series: { dates: string[]; qty: number[] }; forecast: number[] };
  private work(sku: SkuRow, warehouseId: number, input: SuggestInput, explain: false): string | null;
  private work(
    sku: SkuRow,
    warehouseId: number,
    input: SuggestInput,
    explain: boolean,
  ): { suggestion: Suggestion; series: { dates: string[]; qty: number[] }; forecast: number[] } | string | null {
    const { from, to, points, pos, choice, setting } = input;
    const onHand = pos.onHand.get(sku.id) ?? D(0);
    const onOrder = pos.onOrder.get(sku.id) ?? D(0);
    const reserved = pos.reserved.get(sku.id) ?? D(0);
    const leadTimeDays = choice?.leadTimeDays ?? 7;
    const review = setting.reviewPeriodDays;
    const horizon = Math.max(1, Math.ceil(leadTimeDays + review));
    const inHistory = from ? points.filter((p) => p.date >= from && p.date <= to) : [];
    const series = from ? dailySeries(inHistory, from, to) : { dates: [] as string[], qty: [] as number[] };
    const days = series.qty.length;
    // exact daily demand, aligned with the series, with the days under a promotion counted by the
    // setting (domain/forecasting: integers of 10⁻⁶, not a Decimal per day)
    const promo = exactHistory(
      series.dates,
      inHistory,
      input.promoted ?? new Set<string>(),
      setting.promotionDays,
      setting.promotionFactor,
    );
    if (promo.promotedDays) series.qty = promo.qty;
    const total = D(promo.total);
    const average = days ? total.div(days).toDecimalPlaces(RATE_PLACES, Decimal.ROUND_HALF_UP) : D(0);
    const serviceLevel = D(setting.serviceLevel);
    const fixedParams: FixedParams = setting.forecastMethod
      ? {
          window: setting.movingAverageWindow ?? undefined,
          alpha: setting.alpha != null ? Number(setting.alpha) : undefined,
          beta: setting.beta != null ? Number(setting.beta) : undefined,
          gamma: setting.gamma != null ? Number(setting.gamma) : undefined,
        }
      : {};
    const packSize = choice?.packSize ?? '1';
    const minimumOrder = choice?.minimumOrder ?? '0';
    const base: Suggestion | null = !explain
      ? null
      : {
          skuId: sku.id,
          skuCode: sku.code,
          skuName: sku.name,
          warehouseId,
          status: 'OK',
          message: null,
          historyFrom: days ? from : null,
          historyTo: to,
          historyDays: days,
          historyTotal: total.toFixed(),
          promotedDays: promo.promotedDays,
          promotionDaysRule: setting.promotionDays,
          promotedDemand: promo.promotedBefore,
          averageDailyDemand: average.toFixed(),
          forecastMethod: null,
          forecastMethodFixed: !!setting.forecastMethod,
          forecastParamsFixed: Object.values(fixedParams).some((x) => x !== undefined),
          forecastParams: null,
          forecastWindow: null,
          forecastAlpha: null,
          forecastBeta: null,
          forecastGamma: null,
          forecastBacktestDays: null,
          forecastMae: null,
          forecastRmse: null,
          dailyRate: null,
          dailyForecast: [],
          horizonDays: horizon,
          demandOverHorizon: null,
          safetyMethod: input.fixedSafetyStock !== undefined ? SafetyStockMethod.FIXED : setting.safetyMethod,
          serviceLevel: serviceLevel.toFixed(4),
          serviceLevelPercent: serviceLevel.times(100).toFixed(2),
          serviceLevelZ: zOf(setting.serviceLevel).toFixed(),
          instabilityFactor: D(setting.instabilityFactor).toFixed(),
          safetyStock: null,
          onHand: onHand.toFixed(),
          notForSale: (pos.notForSale.get(sku.id) ?? D(0)).toFixed(),
          onOrder: onOrder.toFixed(),
          reserved: reserved.toFixed(),
          leadTimeDays,
          reviewPeriodDays: review,
          packSize,
          minimumOrder,
          supplierId: choice?.supplierId ?? null,
          supplierName: choice?.supplierName ?? null,
          supplierReducedShare: choice?.reducedShare ?? false,
          suggested: null,
          steps: [],
        };
    const sel = chooseModel(input.cache, { warehouseId, skuId: sku.id, day: input.day ?? today() }, series.qty, {
      fixed: (setting.forecastMethod ?? undefined) as ForecastMethod | undefined,
      params: fixedParams,
      horizon: horizon + (input.forecastDays ?? 0),
    });
    if (!sel.ok) {
      if (!base) return null;
      // never invent a forecast: say why there is none and suggest nothing
      const suggestion: Suggestion =
        sel.reason === 'NO_HISTORY'
          ? {
              ...base,
              status: 'NO_HISTORY',
              message: `No demand in the last ${days} day(s) of history: nothing to forecast from, so nothing is suggested.`,
            }
          : {
              ...base,
              status: 'TOO_LITTLE_HISTORY',
              message: `${sel.length} days of history are too few to test a forecast method.`,
            };
      return { suggestion, series, forecast: [] };
    }
    const params = sel.params as unknown as Record<string, number>;
    const historyStep = !base
      ? null
      : step(
          'averageDailyDemand',
          `demand of ${days} days ÷ ${days} = ${total.toFixed()} ÷ ${days}, to ${RATE_PLACES} decimals`,
          average,
          'averageDailyDemand',
          [total.toFixed(), String(days), from!, to],
        );
    // the daily rate the suggestion uses, and how it came from the history
    let demand: DemandInput;
    let rate: Decimal;
    let rateStep: Step | null;
    let daily: string[] = [];
    if (sel.method === 'moving_average') {
      const w = params.window;
      const sum = D(promo.lastDays(w));
      rate = sum.div(w).toDecimalPlaces(RATE_PLACES, Decimal.ROUND_HALF_UP);
      rateStep = !base
        ? null
        : step(
            'dailyRate',
            `demand of the last ${w} days ÷ ${w} = ${sum.toFixed()} ÷ ${w}, to ${RATE_PLACES} decimals`,
            rate,
            'rateMovingAverage',
            [sum.toFixed(), String(w)],
          );
      demand = { rate: rate.toFixed() };
    } else if (sel.method === 'ses') {
      const level = six(sel.forecast[0]);
      rate = level.toDecimalPlaces(RATE_PLACES, Decimal.ROUND_HALF_UP);
      rateStep = !base
        ? null
        : step(
            'dailyRate',
            `smoothed level (α = ${params.alpha}) ${show(level)}, to ${RATE_PLACES} decimals`,
            rate,
            'rateSes',
            [String(params.alpha), show(level)],
          );
      demand = { rate: rate.toFixed() };
    } else {
      // a trend (and a season) changes the rate from day to day: each day's forecast is used
      daily = sel.forecast
        .slice(0, horizon)
        .map((x) => six(x).toDecimalPlaces(RATE_PLACES, Decimal.ROUND_HALF_UP).toFixed());
      const sum = daily.reduce((a, b) => a.plus(b), D(0));
      rate = sum.div(horizon).toDecimalPlaces(RATE_PLACES, Decimal.ROUND_HALF_UP);
      rateStep = !base
        ? null
        : step(
            'dailyRate',
            `average of the daily forecast over ${horizon} days = ${sum.toFixed()} ÷ ${horizon}, to ${RATE_PLACES} decimals`,
            rate,
            'rateAverage',
            [sum.toFixed(), String(horizon)],
          );
      demand = { daily };
    }
    const ss =
      input.fixedSafetyStock !== undefined
        ? fixedSafetyStock({ qty: input.fixedSafetyStock, scale: sku.unitScale }, explain)
        : setting.safetyMethod === SafetyStockMethod.STATISTICAL
          ? statisticalSafetyStock(
              {
                serviceLevel: serviceLevel.toNumber(),
                leadTimeDays,
                dailyDemand: series.qty,
                scale: sku.unitScale,
              },
              explain,
            )
          : simpleSafetyStock(
              {
                averageDailySales: average.toFixed(),
                leadTimeDays,
                instabilityFactor: setting.instabilityFactor,
                scale: sku.unitScale,
              },
              explain,
            );
    const orderInput = {
      safetyStock: ss.safetyStock,
      leadTimeDays,
      reviewPeriodDays: horizon - leadTimeDays,
      demand,
      onHand: onHand.toFixed(),
      onOrder: onOrder.toFixed(),
      reserved: reserved.toFixed(),
      packSize,
      minimumOrder,
      scale: sku.unitScale,
    };
    if (!base) return D(orderQuantity(orderInput)).toFixed();
    const order = suggestOrder(orderInput);
    const demandStep = order.steps.find((x) => x.label === 'demandOverHorizon')!;
    const suggestion: Suggestion = {
      ...base,
      forecastMethod: sel.method,
      forecastParams: JSON.stringify(sel.params),
      forecastWindow: params.window ?? null,
      forecastAlpha: params.alpha != null ? D(params.alpha).toFixed() : null,
      forecastBeta: params.beta != null ? D(params.beta).toFixed() : null,
      forecastGamma: params.gamma != null ? D(params.gamma).toFixed() : null,
      forecastBacktestDays: sel.backtestDays,
      forecastMae: sel.error.mae.toFixed(4),
      forecastRmse: sel.error.rmse.toFixed(4),
      dailyRate: rate.toFixed(),
      dailyForecast: daily,
      demandOverHorizon: demandStep.value,
      safetyStock: ss.safetyStock,
      suggested: D(order.suggested).toFixed(),
      steps: [historyStep!, rateStep!, ...ss.steps, ...order.steps],
    };
    return { suggestion, series, forecast: sel.forecast };
  }

  /** One SKU's demand history (daily and weekly) and its forecast, for a chart. */
  async forecast(warehouseId: number, skuId: number) {
    const [sku] = await this.skus(warehouseId, { skuIds: [skuId] });
    if (!sku) throw badInput([{ field: 'skuId', message: 'This SKU has no stock or moves in this warehouse.' }]);
    const { from, to } = this.window();
    const [starts, demand, pos, choices, settings, fixed, cache, promoted] = await Promise.all([
      this.historyStarts(warehouseId, [skuId], from, to),
      this.demand(warehouseId, [skuId], from, to),
      this.positions(warehouseId, [skuId]),
      this.preferredSuppliers([skuId], today()),
      this.settings(),
      this.fixedSafetyStocks(warehouseId, [skuId]),
      this.modelCache(warehouseId, [skuId]),
      promotedDays(this.ds.manager, [skuId], from, to),
    ]);
    const horizon = 28;
    const r = this.suggest(sku, warehouseId, {
      from: starts.get(skuId) ?? null,
      to,
      points: demand.get(skuId) ?? [],
      pos,
      choice: choices.get(skuId),
      setting: this.resolveSetting(sku, settings),
      fixedSafetyStock: fixed.get(skuId),
      forecastDays: horizon,
      cache,
      promoted: promoted.get(skuId),
    });
    await this.keep(cache);
    const scale = Math.max(2, sku.unitScale);
    const fc = toQtyStrings(r.forecast.slice(0, horizon), scale);
    return {
      suggestion: r.suggestion,
      history: r.series.dates.map((date, i) => ({ date, qty: toQtyStrings([r.series.qty[i]], scale)[0] })),
      weekly: (r.series.dates.length ? weeklySeries(r.series) : []).map((w) => ({
        date: w.start,
        week: w.week,
        days: w.days,
        qty: toQtyStrings([w.qty], scale)[0],
      })),
      // the first forecast day is today, the day after the history's last complete day
      forecast: fc.map((qty, i) => ({ date: addDays(to, i + 1), qty })),
    };
  }

  /**
   * Turns chosen suggestions into draft purchase orders, one per supplier (the SKU's preferred
   * one unless the line names another), with agreed prices filled in — all or nothing.
   */
  async createOrders(
    ctx: Context,
    warehouseId: number,
    lines: Array<{ skuId: string; qty: string; supplierId?: string | null }>,
  ): Promise<PurchaseOrder[]> {
    const problems: Array<{ field: string; message: string }> = [];
    if (!lines.length) problems.push({ field: 'lines', message: 'Choose at least one suggestion.' });
    const skuIds = lines.map((l) => Number(l.skuId) || -1);
    const choices = await this.preferredSuppliers(skuIds);
    const groups = new Map<number, Array<{ skuId: string; qty: string }>>();
    lines.forEach((l, i) => {
      let q: Decimal;
      try {
        q = D(l.qty);
      } catch {
        q = D(0);
      }
      if (!q.gt(0))
        return void problems.push({ field: `lines[${i}].qty`, message: 'The quantity must be more than zero.' });
      const supplierId = l.supplierId ? Number(l.supplierId) || -1 : choices.get(Number(l.skuId) || -1)?.supplierId;
      if (!supplierId)
        return void problems.push({
          field: `lines[${i}].supplierId`,
          message: 'No supplier has a valid price agreement for this SKU; choose one.',
        });
      groups.set(supplierId, [...(groups.get(supplierId) ?? []), { skuId: String(l.skuId), qty: q.toFixed() }]);
    });
    if (problems.length) throw badInput(problems, 'Nothing was ordered.');
    return inTransaction(this.ds, async (tx) => {
      const out: PurchaseOrder[] = [];
      for (const [supplierId, group] of groups) {
        const lead =
          choices.get(Number(group[0].skuId))?.supplierId === supplierId
            ? choices.get(Number(group[0].skuId))!.leadTimeDays
            : undefined;
        out.push(
          await this.orders.createIn(tx, ctx, {
            supplierId: String(supplierId),
            warehouseId: String(warehouseId),
            expectedDate: lead !== undefined ? addDays(today(), lead) : undefined,
            memo: '补货建议生成 (replenishment)',
            lines: group,
          }),
        );
      }
      return out;
    });
  }
}
