import { Decimal } from 'decimal.js';
import type { DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { addDays, daysBetween, today } from '../../core/dates';
import { badInput, forbidden, notFound } from '../../core/errors';
import { P, type Permission } from '../../core/permissions/catalogue';
import { can, sensitivePermission } from '../../core/permissions/guard';
import {
  cellMeasures,
  daysInclusive,
  emptySums,
  periodBuckets,
  periodKey,
  type CellSums,
  type PeriodKind,
} from '../../domain/analytics';
import { unitCost } from '../../domain/costing';
import * as sql from './analytics-sql';
import type { WarehouseFeeService } from './warehouse-fee.service';
import {
  MEASURE_FIELD,
  type AnalysisDimension,
  type AnalysisDrill,
  type AnalysisInput,
  type AnalysisMeasure,
  type AnalysisResult,
  type AnalysisRow,
  type NearExpiryRow,
  type SlowStockRow,
} from './analytics.types';

const PERIODS: AnalysisDimension[] = ['DAY', 'WEEK', 'MONTH', 'QUARTER'];
/** Dimensions a stock position (warehouse × SKU at a date) has; customers, people and channels it has not. */
const STOCK_DIMS: AnalysisDimension[] = ['WAREHOUSE', 'SKU', 'CATEGORY', 'BRAND', 'SUPPLIER', ...PERIODS];
const STOCK_MEASURES: AnalysisMeasure[] = ['STOCK_VALUE', 'TURNOVER', 'DAYS_OF_SUPPLY'];
/** Measures of the warehouses' fees: by warehouse × SKU × month, so (like stock) without customers, people or channels. */
const FEE_MEASURES: AnalysisMeasure[] = ['WAREHOUSE_COST', 'NET_MARGIN'];
const DIM_PERMISSION: Partial<Record<AnalysisDimension, Permission>> = {
  CUSTOMER: P.SalesCustomerRead,
  CUSTOMER_TIER: P.SalesCustomerRead,
  SUPPLIER: P.PurchasingSupplierRead,
  SALESPERSON: P.SystemUserRead,
};
const LABEL_TABLE: Partial<Record<AnalysisDimension, sql.LabelTable>> = {
  WAREHOUSE: 'warehouse',
  CATEGORY: 'category',
  BRAND: 'brand',
  CUSTOMER: 'customer',
  CUSTOMER_TIER: 'customer_tier',
  SALESPERSON: 'app_user',
  CHANNEL: 'sales_channel',
  STORE: 'sales_store',
  SUPPLIER: 'supplier',
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** localeCompare's order, with one collator (localeCompare makes one per call: seconds over 15,000 rows) */
const COLLATOR = new Intl.Collator();
const MAX_DAYS = 732;

/** What a fact or a stock position is grouped by. */
interface Point {
  date: string;
  warehouseId: number;
  skuId: number;
  customerId?: number;
  tierId?: number | null;
  salespersonId?: number;
  channelId?: number;
  storeId?: number | null;
}

type SkuAttrs = Awaited<ReturnType<typeof sql.skuAttributes>>;

/**
 * 成本与毛利分析: measures over posted shipments and returns (and the ledger's stock positions) by
 * any two dimensions, with the field rule per measure and the sales owner scope; drill-down to the
 * document lines and ledger rows behind a cell; slow, dead and near-expiry stock.
 */
export class AnalyticsService {
  constructor(
    private readonly ds: DataSource,
    private readonly fees?: Pick<WarehouseFeeService, 'allocated' | 'allocatedShares'>,
  ) {}

  private mayAnalyse(ctx: Context) {
    if (![P.ReportCostRead, P.SalesOrderRead, P.StockCostRead].some((p) => can(ctx, p)))
      throw forbidden('You may not use the analysis.', { permissions: [P.ReportCostRead] });
  }

  /** Checks the request: shape, then every measure's and dimension's permission (FORBIDDEN). */
  private check(ctx: Context, input: AnalysisInput) {
    this.mayAnalyse(ctx);
    const problems: Array<{ field: string; message: string }> = [];
    if (!DAY.test(input.from)) problems.push({ field: 'from', message: 'A day as YYYY-MM-DD.' });
    if (!DAY.test(input.to)) problems.push({ field: 'to', message: 'A day as YYYY-MM-DD.' });
    else if (DAY.test(input.from) && (input.to < input.from || daysInclusive(input.from, input.to) > MAX_DAYS))
      problems.push({ field: 'to', message: `On or after from, at most ${MAX_DAYS} days.` });
    const dims = input.dimensions;
    if (dims.length > 2 || new Set(dims).size !== dims.length)
      problems.push({ field: 'dimensions', message: 'At most two different dimensions.' });
    if (dims.filter((d) => PERIODS.includes(d)).length > 1)
      problems.push({ field: 'dimensions', message: 'At most one period.' });
    if (!input.measures.length) problems.push({ field: 'measures', message: 'At least one measure.' });
    const f = input.filter ?? {};
    if (
      input.measures.some((m) => STOCK_MEASURES.includes(m) || FEE_MEASURES.includes(m)) &&
      (dims.some((d) => !STOCK_DIMS.includes(d)) ||
        f.customerId ||
        f.tierId ||
        f.salespersonId ||
        f.channelId ||
        f.storeId)
    )
      problems.push({
        field: 'measures',
        message:
          'Stock value, turnover, days of supply, warehouse cost and net margin go by warehouse, SKU, category, brand, supplier or period only.',
      });
    if (problems.length) throw badInput(problems);
    const denied = [
      ...input.measures
        .map((m) => `AnalysisRow.${MEASURE_FIELD[m]}`)
        .filter((f) => !can(ctx, sensitivePermission('AnalysisRow', f.split('.')[1])!)),
      ...dims.filter((d) => DIM_PERMISSION[d] && !can(ctx, DIM_PERMISSION[d]!)).map((d) => `AnalysisDimension.${d}`),
      ...(f.customerId || f.tierId ? (can(ctx, P.SalesCustomerRead) ? [] : ['AnalysisFilter.customer']) : []),
      ...(f.supplierId && !can(ctx, P.PurchasingSupplierRead) ? ['AnalysisFilter.supplierId'] : []),
    ];
    if (denied.length) throw forbidden(`You may not use ${denied.join(', ')}.`, { fields: denied });
  }

  private warehouses(ctx: Context, asked?: string[] | null): number[] | null {
    const scope = ctx.user?.warehouseIds ?? null;
    if (!asked?.length) return scope;
    const ids = asked.map(Number);
    if (scope && ids.some((w) => !scope.includes(w))) throw notFound('This warehouse');
    return ids;
  }

  private async skus(input: AnalysisInput): Promise<number[] | null> {
    const f = input.filter ?? {};
    let ids = f.skuIds?.length ? f.skuIds.map(Number) : null;
    if (f.categoryId || f.brandId) {
      const m = new Set(await sql.skusMatching(this.ds, Number(f.categoryId) || null, Number(f.brandId) || null));
      ids = ids ? ids.filter((s) => m.has(s)) : [...m];
    }
    return ids;
  }

  /**
   * The facts of a request, scoped (warehouses, owner) and filtered (supplier included): each line
   * for the drill-down, or (`summed`) summed in the database by what the dimensions need.
   */
  private async facts(ctx: Context, input: AnalysisInput, summed = false) {
    const f = input.filter ?? {};
    const warehouseIds = this.warehouses(ctx, f.warehouseIds);
    const skuIds = await this.skus(input);
    const ownerScoped = can(ctx, P.SalesCustomerRead) && !can(ctx, P.SalesCustomerAll);
    const needSuppliers = !!f.supplierId || input.dimensions.includes('SUPPLIER');
    const suppliers = needSuppliers ? await sql.lastSuppliers(this.ds) : new Map<string, number>();
    const supplierOf = (p: Point) => suppliers.get(`${p.warehouseId}:${p.skuId}`) ?? 0;
    const bySupplier = <T extends Point>(xs: T[]) =>
      f.supplierId ? xs.filter((x) => supplierOf(x) === Number(f.supplierId)) : xs;
    const facts = bySupplier(
      await (summed ? sql.salesFactTotals : sql.salesFacts)(
        this.ds,
        {
          from: input.from,
          to: input.to,
          warehouseIds,
          skuIds,
          customerId: Number(f.customerId) || null,
          tierId: Number(f.tierId) || null,
          salespersonId: Number(f.salespersonId) || null,
          channelId: Number(f.channelId) || null,
          storeId: Number(f.storeId) || null,
          ownerId: ownerScoped ? (ctx.user?.id ?? -1) : null,
        },
        {
          date: input.dimensions.some((d) => PERIODS.includes(d)),
          customer: input.dimensions.includes('CUSTOMER'),
          tier: input.dimensions.includes('CUSTOMER_TIER'),
          salesperson: input.dimensions.includes('SALESPERSON'),
          channel: input.dimensions.includes('CHANNEL'),
          store: input.dimensions.includes('STORE'),
        },
      ),
    );
    return { facts, warehouseIds, skuIds, supplierOf, bySupplier };
  }

  async analyse(ctx: Context, input: AnalysisInput): Promise<AnalysisResult> {
    this.check(ctx, input);
    const dims = input.dimensions;
    const period = dims.find((d) => PERIODS.includes(d)) as PeriodKind | undefined;
    const buckets = period ? periodBuckets(input.from, input.to, period) : [];
    const totalDays = daysInclusive(input.from, input.to);
    const { facts, warehouseIds, skuIds, supplierOf, bySupplier } = await this.facts(ctx, input, true);
    const stockWanted = input.measures.some((m) => STOCK_MEASURES.includes(m));
    const positions = stockWanted ? bySupplier(await this.positions(input, warehouseIds, skuIds, buckets)) : [];
    // one who counts blind never works the book out of a stock measure while a count is open (the
    // closing quantity is behind days of supply, the stock value and turnover): a row with a place
    // under an open count gets none of them
    const blind = stockWanted ? await ctx.services.blindCounts.view(ctx, warehouseIds) : null;
    const underCount = (p: Point) => !!blind && !blind.empty && blind.hides(p.warehouseId, p.skuId);
    const fees =
      this.fees && input.measures.some((m) => FEE_MEASURES.includes(m))
        ? bySupplier(
            (await this.fees.allocated(warehouseIds, input.from, input.to)).filter(
              (x) => !skuIds || skuIds.includes(x.skuId),
            ),
          )
        : [];
    const attrs = await sql.skuAttributes(this.ds, [...new Set([...facts, ...positions, ...fees].map((x) => x.skuId))]);
    const valueOf = (d: AnalysisDimension, p: Point) => dimensionValue(d, p, attrs, supplierOf);

    // each cell's sums, and how many rows its drill-down lists (document lines, fee shares)
    const cells = new Map<
      string,
      { k1: string | null; k2: string | null; sums: CellSums; rows: number; counted?: boolean }
    >();
    const total: { sums: CellSums; rows: number; counted?: boolean } = { sums: emptySums(totalDays), rows: 0 };
    const cell = (p: Point) => {
      const k1 = dims[0] ? valueOf(dims[0], p) : null;
      const k2 = dims[1] ? valueOf(dims[1], p) : null;
      const key = `${k1}\u0001${k2}`;
      let c = cells.get(key);
      if (!c) {
        const days = period ? buckets.find((b) => b.key === periodKey(p.date, period))!.days : totalDays;
        c = { k1, k2, sums: emptySums(days), rows: 0 };
        cells.set(key, c);
      }
      return c;
    };
    for (const x of facts)
      for (const c of [cell(x), total]) {
        const s = c.sums;
        s.qty = s.qty.plus(x.qty);
        s.revenue = s.revenue.plus(x.revenue);
        s.cogs = s.cogs.plus(x.cogs);
        c.rows += x.lines;
      }
    for (const x of fees)
      for (const c of [cell(x), total]) {
        c.sums.warehouseCost = (c.sums.warehouseCost ?? new Decimal(0)).plus(x.amount);
        c.rows++;
      }
    for (const x of positions) {
      if (underCount(x)) cell(x).counted = total.counted = true;
      for (const s of [cell(x).sums, ...(x.last ? [total.sums] : [])]) {
        s.openingValue = s.openingValue.plus(x.openingValue);
        s.closingValue = s.closingValue.plus(x.closingValue);
        s.closingQty = s.closingQty.plus(x.closingQty);
      }
    }
    // the total's opening is the range's opening: the first bucket's opening per position
    if (period) {
      total.sums.openingValue = positions
        .filter((x) => x.first)
        .reduce((a, x) => a.plus(x.openingValue), new Decimal(0));
    }
    const names = await this.labels(dims, [...cells.values()]);
    const shape = (
      k1: string | null,
      k2: string | null,
      s: CellSums,
      drillRows: number,
      counted = false,
    ): AnalysisRow => {
      const m = cellMeasures(s);
      const row: AnalysisRow = {
        key1: k1,
        label1: k1 === null ? null : (names.get(`${dims[0]}:${k1}`) ?? k1),
        key2: k2,
        label2: k2 === null ? null : (names.get(`${dims[1]}:${k2}`) ?? k2),
        quantity: null,
        revenue: null,
        cogs: null,
        margin: null,
        marginPct: null,
        stockValue: null,
        turnover: null,
        daysOfSupply: null,
        warehouseCost: null,
        netMargin: null,
        drillRows,
      };
      for (const me of input.measures) {
        const field = MEASURE_FIELD[me];
        const value = (m as any)[field];
        (row as any)[field] =
          counted && STOCK_MEASURES.includes(me) ? blind!.withhold('AnalysisRow', field, true, value) : value;
      }
      return row;
    };
    const rows = [...cells.values()]
      .map((c) => shape(c.k1, c.k2, c.sums, c.rows, c.counted))
      .sort(
        (a, b) =>
          COLLATOR.compare(sortKey(dims[0], a.key1, a.label1), sortKey(dims[0], b.key1, b.label1)) ||
          COLLATOR.compare(sortKey(dims[1], a.key2, a.label2), sortKey(dims[1], b.key2, b.label2)),
      );
    return {
      dimensions: dims,
      measures: input.measures,
      rows,
      total: shape(null, null, total.sums, total.rows, total.counted),
    };
  }

  /**
   * Stock positions per warehouse × SKU (× period bucket): the value before the bucket starts and
   * at its end, from the ledger's daily sums.
   */
  private async positions(
    input: AnalysisInput,
    warehouseIds: number[] | null,
    skuIds: number[] | null,
    buckets: Array<{ key: string; start: string; end: string }>,
  ) {
    const days = await sql.ledgerByDay(this.ds, this.ds, input.to, warehouseIds, skuIds);
    const spans = buckets.length ? buckets : [{ key: '', start: input.from, end: input.to }];
    const byPair = new Map<string, Array<{ d: string; qty: Decimal; value: Decimal }>>();
    for (const r of days) {
      const k = `${r.w}:${r.s}`;
      let list = byPair.get(k);
      if (!list) byPair.set(k, (list = []));
      list.push(r);
    }
    const out: Array<
      Point & { openingValue: Decimal; closingValue: Decimal; closingQty: Decimal; first: boolean; last: boolean }
    > = [];
    for (const [k, rows] of byPair) {
      const [w, s] = k.split(':').map(Number);
      rows.sort((a, b) => a.d.localeCompare(b.d));
      // one pass per warehouse × SKU: the running totals at each span's eve and end
      let i = 0;
      let qty = new Decimal(0);
      let value = new Decimal(0);
      const upTo = (day: string) => {
        for (; i < rows.length && rows[i].d <= day; i++) {
          qty = qty.plus(rows[i].qty);
          value = value.plus(rows[i].value);
        }
        return { qty, value };
      };
      spans.forEach((b, n) => {
        const open = { ...upTo(addDays(b.start, -1)) };
        const close = { ...upTo(b.end) };
        if (open.value.isZero() && close.value.isZero() && close.qty.isZero()) return;
        out.push({
          date: b.start,
          warehouseId: w,
          skuId: s,
          openingValue: open.value,
          closingValue: close.value,
          closingQty: close.qty,
          first: n === 0,
          last: n === spans.length - 1,
        });
      });
    }
    return out;
  }

  private async labels(dims: AnalysisDimension[], cells: Array<{ k1: string | null; k2: string | null }>) {
    const out = new Map<string, string>();
    for (const [i, d] of dims.entries()) {
      const ids = [...new Set(cells.map((c) => (i === 0 ? c.k1 : c.k2)).filter((k) => k && k !== '0'))].map(Number);
      if (d === 'SKU') {
        for (const [id, a] of await sql.skuAttributes(this.ds, ids)) out.set(`SKU:${id}`, `${a.code} ${a.name}`);
      } else if (LABEL_TABLE[d]) {
        for (const [id, name] of await sql.labels(this.ds, LABEL_TABLE[d]!, ids)) out.set(`${d}:${id}`, name);
      }
      out.set(`${d}:0`, '—');
    }
    return out;
  }

  /** The document lines and ledger rows behind one cell (null key: any value of that dimension). */
  async drill(ctx: Context, input: AnalysisInput, key1?: string | null, key2?: string | null): Promise<AnalysisDrill> {
    this.check(ctx, input);
    const dims = input.dimensions;
    const { facts, supplierOf, warehouseIds, skuIds, bySupplier } = await this.facts(ctx, input);
    // the fee shares behind a warehouse-cost figure (as `analyse` counts them)
    const shares =
      this.fees && input.measures.some((m) => FEE_MEASURES.includes(m))
        ? bySupplier(
            (await this.fees.allocatedShares(warehouseIds, input.from, input.to)).filter(
              (x) => !skuIds || skuIds.includes(x.skuId),
            ),
          )
        : [];
    const attrs = await sql.skuAttributes(this.ds, [...new Set([...facts, ...shares].map((x) => x.skuId))]);
    const inCell = (x: Point) =>
      (!dims[0] || key1 == null || dimensionValue(dims[0], x, attrs, supplierOf) === key1) &&
      (!dims[1] || key2 == null || dimensionValue(dims[1], x, attrs, supplierOf) === key2);
    const hit = facts.filter(inCell);
    const feeHit = shares.filter(inCell);
    const wh = await sql.labels(this.ds, 'warehouse', [...new Set([...hit, ...feeHit].map((x) => x.warehouseId))]);
    const cu = await sql.labels(this.ds, 'customer', [...new Set(hit.map((x) => x.customerId))]);
    const skuName = (id: number) => `${attrs.get(id)?.code ?? ''} ${attrs.get(id)?.name ?? ''}`.trim();
    const warehouseFees = feeHit.map((x) => ({
      feeId: x.fee.id,
      month: x.fee.month,
      warehouseId: x.warehouseId,
      warehouse: wh.get(x.warehouseId) ?? '',
      skuId: x.skuId,
      sku: skuName(x.skuId),
      spaceDays: x.spaceDays,
      lines: x.lines,
      storage: x.storage,
      handling: x.handling,
      total: x.total,
      feeStorage: new Decimal(x.fee.storage).toFixed(2),
      feeHandling: new Decimal(x.fee.handling).toFixed(2),
      memo: x.fee.memo,
    }));
    const documents = hit.map((x) => ({
      documentType: x.docType,
      documentId: x.docId,
      documentNumber: x.docNumber,
      businessDate: x.date,
      lineId: x.lineId,
      warehouseId: x.warehouseId,
      warehouse: wh.get(x.warehouseId) ?? '',
      skuId: x.skuId,
      sku: `${attrs.get(x.skuId)?.code ?? ''} ${attrs.get(x.skuId)?.name ?? ''}`.trim(),
      customer: can(ctx, P.SalesCustomerRead) ? (cu.get(x.customerId) ?? '') : '',
      quantity: x.qty.toFixed(),
      revenue: x.revenue.toFixed(2),
      cogs: x.cogs.toFixed(2),
      margin: x.revenue.minus(x.cogs).toFixed(2),
    }));
    const keys = new Map(
      hit.map((x) => [`${x.docType}:${x.docId}:${x.skuId}`, { type: x.docType, id: x.docId, skuId: x.skuId }]),
    );
    const ledger = (await sql.ledgerRowsOf(this.ds, [...keys.values()])).filter((r) =>
      hit.some((x) => x.docId === r.documentId && x.docType === r.documentType && x.warehouseId === r.warehouseId),
    );
    return { documents, ledger, warehouseFees };
  }

  /** Stock without a receipt or issue for `days` days or more (dead: twice that), largest idle first. */
  async slowStock(ctx: Context, days: number, warehouseId?: string | null): Promise<SlowStockRow[]> {
    if (!can(ctx, P.StockBalanceRead)) throw forbidden();
    if (!(days > 0)) throw badInput([{ field: 'days', message: 'More than 0.' }]);
    const day = today();
    const rows = (await sql.stockWithLastMove(this.ds, this.warehouses(ctx, warehouseId ? [warehouseId] : null)))
      .map((r) => ({ ...r, idle: r.lastMove ? daysBetween(r.lastMove, day) : days * 2 }))
      .filter((r) => r.idle >= days)
      .sort((a, b) => b.idle - a.idle || a.w - b.w || a.s - b.s);
    const wh = await sql.labels(this.ds, 'warehouse', [...new Set(rows.map((r) => r.w))]);
    const sk = await sql.skuAttributes(this.ds, [...new Set(rows.map((r) => r.s))]);
    return rows.map((r) => ({
      warehouseId: r.w,
      warehouse: wh.get(r.w) ?? '',
      skuId: r.s,
      sku: `${sk.get(r.s)?.code} ${sk.get(r.s)?.name}`,
      qty: r.qty.toFixed(),
      lastMove: r.lastMove,
      idleDays: r.idle,
      dead: r.idle >= days * 2,
      value: r.value.toFixed(2),
    }));
  }

  /** Stock in batches expiring within `days` days (or expired), valued at the average unit cost. */
  async nearExpiry(ctx: Context, days: number, warehouseId?: string | null): Promise<NearExpiryRow[]> {
    if (!can(ctx, P.StockBalanceRead)) throw forbidden();
    if (!(days >= 0)) throw badInput([{ field: 'days', message: '0 or more.' }]);
    const day = today();
    const rows = await sql.expiringStock(
      this.ds,
      addDays(day, days),
      this.warehouses(ctx, warehouseId ? [warehouseId] : null),
    );
    const wh = await sql.labels(this.ds, 'warehouse', [...new Set(rows.map((r) => r.w))]);
    const sk = await sql.skuAttributes(this.ds, [...new Set(rows.map((r) => r.s))]);
    return rows.map((r) => {
      const u = unitCost(r.headQty.toFixed(), r.headValue.toFixed());
      return {
        warehouseId: r.w,
        warehouse: wh.get(r.w) ?? '',
        skuId: r.s,
        sku: `${sk.get(r.s)?.code} ${sk.get(r.s)?.name}`,
        batchId: r.batchId,
        batchNo: r.batchNo,
        expiryDate: r.expiryDate,
        daysLeft: daysBetween(day, r.expiryDate),
        qty: r.qty.toFixed(),
        value: u === null ? '0.00' : r.qty.times(u).toFixed(2),
      };
    });
  }
}

/** The value of a dimension for a fact or a stock position ('0' where it has none). */
function dimensionValue(d: AnalysisDimension, p: Point, attrs: SkuAttrs, supplierOf: (p: Point) => number): string {
  const a = attrs.get(p.skuId);
  switch (d) {
    case 'WAREHOUSE':
      return String(p.warehouseId);
    case 'SKU':
      return String(p.skuId);
    case 'CATEGORY':
      return String(a?.categoryId ?? 0);
    case 'BRAND':
      return String(a?.brandId ?? 0);
    case 'CUSTOMER':
      return String(p.customerId ?? 0);
    case 'CUSTOMER_TIER':
      return String(p.tierId ?? 0);
    case 'SALESPERSON':
      return String(p.salespersonId ?? 0);
    case 'CHANNEL':
      return String(p.channelId ?? 0);
    case 'STORE':
      return String(p.storeId ?? 0);
    case 'SUPPLIER':
      return String(supplierOf(p));
    default:
      return periodKey(p.date, d as PeriodKind);
  }
}

/** Periods sort by their key, everything else by its label. */
const sortKey = (d: AnalysisDimension | undefined, key: string | null, label: string | null) =>
  d && PERIODS.includes(d) ? (key ?? '') : (label ?? '');
