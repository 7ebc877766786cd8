import Decimal from 'decimal.js';
import { In, type DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { addDays, today } from '../../core/dates';
import { badInput } from '../../core/errors';
import { dailySeries, selectMethod, toQtyStrings, weeklySeries, type ForecastMethod } from '../../domain/forecasting';
import { simpleSafetyStock, statisticalSafetyStock, suggestOrder, type Step } from '../../domain/replenishment';
import type { AuditService } from '../audit';
import { Supplier, SupplierStatus } from '../partners';
import type { SupplierService } from '../partners';
import type { PurchaseOrder } from './purchase-order.entity';
import type { PurchaseOrderService } from './purchase-order.service';
import { ForecastMethodChoice, ReplenishmentSetting, SafetyStockMethod } from './replenishment.entity';
import type { SupplierEvaluationService } from './supplier-evaluation.service';

/** Days of demand history a forecast learns from (13 weeks). */
export const HISTORY_DAYS = 91;
const DEFAULTS = {
  forecastMethod: null as ForecastMethodChoice | null,
  safetyMethod: SafetyStockMethod.SIMPLE,
  instabilityFactor: '1.200',
  serviceLevel: '0.9500',
  reviewPeriodDays: 7,
};
const D = (x: Decimal.Value) => new Decimal(x);

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
  historyDays: number;
  averageDailyDemand: string;
  forecastMethod: string | null;
  forecastMethodFixed: boolean;
  forecastParams: string | null;
  forecastMae: string | null;
  forecastRmse: string | null;
  safetyMethod: SafetyStockMethod;
  safetyStock: string | null;
  onHand: string;
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
  ) {}

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
      safetyMethod?: SafetyStockMethod | null;
      instabilityFactor?: string | null;
      serviceLevel?: string | null;
      reviewPeriodDays?: number | null;
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
    if (problems.length) throw badInput(problems, 'The setting has problems; nothing was saved.');
    return inTransaction(this.ds, async (tx) => {
      const where = input.skuId ? { skuId: Number(input.skuId) || -1 } : { categoryId: Number(input.categoryId) || -1 };
      const table = input.skuId ? 'sku' : 'category';
      const [exists] = await tx.query(`SELECT id FROM ${table} WHERE id = ?`, [
        input.skuId ? where.skuId : where.categoryId,
      ]);
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
      if (input.forecastMethod !== undefined)
        row.forecastMethod = (input.forecastMethod ?? null) as ReplenishmentSetting['forecastMethod'];
      if (input.safetyMethod) row.safetyMethod = input.safetyMethod;
      if (input.instabilityFactor != null) row.instabilityFactor = D(input.instabilityFactor).toFixed(3);
      if (input.serviceLevel != null) row.serviceLevel = D(input.serviceLevel).toFixed(4);
      if (input.reviewPeriodDays != null) row.reviewPeriodDays = input.reviewPeriodDays;
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

  private async skus(
    warehouseId: number,
    filter: { search?: string | null; categoryId?: string | null; skuIds?: number[] },
  ): Promise<SkuRow[]> {
    const where = ['s.active = ?'];
    const params: unknown[] = [true];
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
    // SKUs this warehouse stocks or has moved in the history window
    where.push(`(EXISTS (SELECT 1 FROM stock_balance b WHERE b.warehouse_id = ? AND b.sku_id = s.id)
              OR EXISTS (SELECT 1 FROM stock_ledger l WHERE l.warehouse_id = ? AND l.sku_id = s.id AND l.business_date >= ?))`);
    params.push(warehouseId, warehouseId, addDays(today(), -HISTORY_DAYS));
    const rows: any[] = await this.ds.query(
      `SELECT s.id, s.code, s.name, p.unit_scale, p.category_id, c.path FROM sku s JOIN product p ON p.id = s.product_id LEFT JOIN category c ON c.id = p.category_id
        WHERE ${where.join(' AND ')} ORDER BY s.code`,
      params,
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

  /**
   * Demand per day: what posted sales shipments and other issues marked as demand took out of the
   * warehouse, net of their cancellations and returns.
   */
  async demand(
    warehouseId: number,
    skuIds: number[],
    from: string,
    to: string,
  ): Promise<Map<number, Array<{ date: string; qty: number }>>> {
    const out = new Map<number, Array<{ date: string; qty: number }>>();
    if (!skuIds.length) return out;
    const rows: any[] = await this.ds.query(
      `SELECT l.sku_id, l.business_date, l.qty FROM stock_ledger l
        WHERE l.warehouse_id = ? AND l.sku_id IN (${skuIds.map(() => '?').join(',')}) AND l.kind <> 'recost' AND l.business_date >= ? AND l.business_date <= ?
          AND (l.document_type = 'sales_shipment'
               OR (l.document_type = 'other_out' AND l.document_id IN (SELECT d.id FROM stock_document d WHERE d.counts_as_demand = ?)))`,
      [warehouseId, ...skuIds, from, to, true],
    );
    for (const r of rows) {
      const list = out.get(Number(r.sku_id)) ?? [];
      list.push({ date: r.business_date, qty: -Number(r.qty) });
      out.set(Number(r.sku_id), list);
    }
    return out;
  }

  private async positions(warehouseId: number, skuIds: number[]) {
    const onHand = new Map<number, Decimal>();
    const reserved = new Map<number, Decimal>();
    const onOrder = new Map<number, Decimal>();
    if (!skuIds.length) return { onHand, reserved, onOrder };
    const marks = skuIds.map(() => '?').join(',');
    // reservations live on the warehouse × SKU cost head, like the stock report's "available"
    for (const h of await this.ds.query(
      `SELECT sku_id, qty, reserved FROM stock_cost WHERE warehouse_id = ? AND sku_id IN (${marks})`,
      [warehouseId, ...skuIds],
    )) {
      onHand.set(Number(h.sku_id), D(h.qty));
      reserved.set(Number(h.sku_id), D(h.reserved));
    }
    // approved orders not yet fully received (accepted units count as received)
    for (const l of await this.ds.query(
      `SELECT l.sku_id, l.qty, l.received_qty FROM purchase_order_line l JOIN purchase_order o ON o.id = l.order_id
        WHERE o.warehouse_id = ? AND o.status IN ('approved', 'partly_received') AND l.sku_id IN (${marks})`,
      [warehouseId, ...skuIds],
    )) {
      const open = Decimal.max(0, D(l.qty).minus(l.received_qty));
      onOrder.set(Number(l.sku_id), (onOrder.get(Number(l.sku_id)) ?? D(0)).plus(open));
    }
    return { onHand, reserved, onOrder };
  }

  /**
   * The preferred supplier per SKU among those one may order from today with a valid agreement:
   * not flagged for late deliveries first, then the lowest agreed price, then the lowest id.
   */
  async preferredSuppliers(skuIds: number[], day = today()): Promise<Map<number, SupplierChoice>> {
    const out = new Map<number, SupplierChoice>();
    if (!skuIds.length) return out;
    const prices: any[] = await this.ds.query(
      `SELECT supplier_id, sku_id, price, valid_from, min_order_qty, pack_size FROM supplier_price
        WHERE sku_id IN (${skuIds.map(() => '?').join(',')}) AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY valid_from DESC, id DESC`,
      [...skuIds, day, day],
    );
    const supplierIds = [...new Set(prices.map((p) => Number(p.supplier_id)))];
    const suppliers = supplierIds.length ? await this.ds.getRepository(Supplier).findBy({ id: In(supplierIds) }) : [];
    const orderable = new Map<number, Supplier>();
    for (const s of suppliers)
      if (s.status === SupplierStatus.APPROVED && !(await this.suppliers.blockReason(s, day))) orderable.set(s.id, s);
    const flags = await this.evaluation.reducedShare([...orderable.keys()]);
    const seen = new Set<string>();
    const options = new Map<number, SupplierChoice[]>();
    for (const p of prices) {
      const k = `${p.supplier_id}:${p.sku_id}`;
      const s = orderable.get(Number(p.supplier_id));
      if (seen.has(k) || !s) continue; // the latest-starting agreement of a supplier × SKU is the valid one
      seen.add(k);
      const list = options.get(Number(p.sku_id)) ?? [];
      list.push({
        supplierId: s.id,
        supplierName: s.name,
        leadTimeDays: s.leadTimeDays,
        packSize: D(p.pack_size).toFixed(),
        minimumOrder: D(p.min_order_qty).toFixed(),
        reducedShare: flags.get(s.id)?.flagged ?? false,
        price: D(p.price).toFixed(),
      });
      options.set(Number(p.sku_id), list);
    }
    for (const [sku, list] of options) {
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

  async suggestions(
    warehouseId: number,
    filter: {
      search?: string | null;
      categoryId?: string | null;
      onlyToOrder?: boolean | null;
      skuIds?: number[];
    } = {},
  ): Promise<Suggestion[]> {
    const [wh] = await this.ds.query('SELECT id FROM warehouse WHERE id = ?', [warehouseId]);
    if (!wh) throw badInput([{ field: 'warehouseId', message: 'Unknown warehouse.' }]);
    const skus = await this.skus(warehouseId, filter);
    const ids = skus.map((s) => s.id);
    const to = today();
    const from = addDays(to, -(HISTORY_DAYS - 1));
    const [demand, pos, choices, settings] = await Promise.all([
      this.demand(warehouseId, ids, from, to),
      this.positions(warehouseId, ids),
      this.preferredSuppliers(ids, to),
      this.settings(),
    ]);
    const rows = skus.map((sku) =>
      this.suggest(
        sku,
        warehouseId,
        from,
        to,
        demand.get(sku.id) ?? [],
        pos,
        choices.get(sku.id),
        this.resolveSetting(sku, settings),
      ),
    );
    return filter.onlyToOrder ? rows.filter((r) => r.suggested !== null && D(r.suggested).gt(0)) : rows;
  }

  private suggest(
    sku: SkuRow,
    warehouseId: number,
    from: string,
    to: string,
    points: Array<{ date: string; qty: number }>,
    pos: Awaited<ReturnType<ReplenishmentService['positions']>>,
    choice: SupplierChoice | undefined,
    setting: Pick<
      ReplenishmentSetting,
      'forecastMethod' | 'safetyMethod' | 'instabilityFactor' | 'serviceLevel' | 'reviewPeriodDays'
    >,
  ): Suggestion {
    const onHand = pos.onHand.get(sku.id) ?? D(0);
    const onOrder = pos.onOrder.get(sku.id) ?? D(0);
    const reserved = pos.reserved.get(sku.id) ?? D(0);
    const leadTimeDays = choice?.leadTimeDays ?? 7;
    const review = setting.reviewPeriodDays;
    const series = dailySeries(points, from, to);
    const total = points.reduce((s, p) => s.plus(p.qty), D(0));
    const base: Suggestion = {
      skuId: sku.id,
      skuCode: sku.code,
      skuName: sku.name,
      warehouseId,
      status: 'OK',
      message: null,
      historyDays: series.qty.length,
      averageDailyDemand: total.div(series.qty.length).toDecimalPlaces(4).toFixed(),
      forecastMethod: null,
      forecastMethodFixed: !!setting.forecastMethod,
      forecastParams: null,
      forecastMae: null,
      forecastRmse: null,
      safetyMethod: setting.safetyMethod,
      safetyStock: null,
      onHand: onHand.toFixed(),
      onOrder: onOrder.toFixed(),
      reserved: reserved.toFixed(),
      leadTimeDays,
      reviewPeriodDays: review,
      packSize: choice?.packSize ?? '1',
      minimumOrder: choice?.minimumOrder ?? '0',
      supplierId: choice?.supplierId ?? null,
      supplierName: choice?.supplierName ?? null,
      supplierReducedShare: choice?.reducedShare ?? false,
      suggested: null,
      steps: [],
    };
    const horizon = Math.ceil(leadTimeDays + review);
    const sel = selectMethod(series.qty, {
      fixed: (setting.forecastMethod ?? undefined) as ForecastMethod | undefined,
      horizon: Math.max(1, horizon),
    });
    if (!sel.ok) {
      // never invent a forecast: say why there is none and suggest nothing
      return sel.reason === 'NO_HISTORY'
        ? {
            ...base,
            status: 'NO_HISTORY',
            message: `No demand in the last ${HISTORY_DAYS} days: nothing to forecast from, so nothing is suggested.`,
          }
        : {
            ...base,
            status: 'TOO_LITTLE_HISTORY',
            message: `${sel.length} days of history are too few to test a forecast method.`,
          };
    }
    const ss =
      setting.safetyMethod === SafetyStockMethod.STATISTICAL
        ? statisticalSafetyStock({
            serviceLevel: Number(setting.serviceLevel),
            leadTimeDays,
            dailyDemand: series.qty,
            scale: sku.unitScale,
          })
        : simpleSafetyStock({
            averageDailySales: total.div(series.qty.length).toDecimalPlaces(6).toFixed(),
            leadTimeDays,
            instabilityFactor: setting.instabilityFactor,
            scale: sku.unitScale,
          });
    const order = suggestOrder({
      safetyStock: ss.safetyStock,
      leadTimeDays,
      reviewPeriodDays: review,
      demand: { daily: sel.forecast },
      onHand: onHand.toFixed(),
      onOrder: onOrder.toFixed(),
      reserved: reserved.toFixed(),
      packSize: base.packSize,
      minimumOrder: base.minimumOrder,
      scale: sku.unitScale,
    });
    return {
      ...base,
      forecastMethod: sel.method,
      forecastParams: JSON.stringify(sel.params),
      forecastMae: sel.error.mae.toFixed(4),
      forecastRmse: sel.error.rmse.toFixed(4),
      safetyStock: ss.safetyStock,
      suggested: D(order.suggested).toFixed(),
      steps: [...ss.steps, ...order.steps],
    };
  }

  /** One SKU's demand history (daily and weekly) and its forecast, for a chart. */
  async forecast(warehouseId: number, skuId: number) {
    const [sku] = await this.skus(warehouseId, { skuIds: [skuId] });
    if (!sku) throw badInput([{ field: 'skuId', message: 'This SKU has no stock or moves in this warehouse.' }]);
    const to = today();
    const from = addDays(to, -(HISTORY_DAYS - 1));
    const points = (await this.demand(warehouseId, [skuId], from, to)).get(skuId) ?? [];
    const series = dailySeries(points, from, to);
    const [s] = await this.suggestions(warehouseId, { skuIds: [skuId] });
    const horizon = 28;
    const settings = this.resolveSetting(sku, await this.settings());
    const sel = selectMethod(series.qty, {
      fixed: (settings.forecastMethod ?? undefined) as ForecastMethod | undefined,
      horizon,
    });
    const fc = sel.ok ? toQtyStrings(sel.forecast, Math.max(2, sku.unitScale)) : [];
    return {
      suggestion: s,
      history: series.dates.map((date, i) => ({
        date,
        qty: toQtyStrings([series.qty[i]], Math.max(2, sku.unitScale))[0],
      })),
      weekly: weeklySeries(series).map((w) => ({
        date: w.start,
        week: w.week,
        days: w.days,
        qty: toQtyStrings([w.qty], Math.max(2, sku.unitScale))[0],
      })),
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
