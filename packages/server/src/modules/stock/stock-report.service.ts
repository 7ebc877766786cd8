import { today } from '../../core/dates';
import { Decimal } from 'decimal.js';
import type { DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { notFound } from '../../core/errors';
import { inLocale } from '../../core/locale';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { assertMayUseFields } from '../../core/permissions/guard';
import type {
  BinBalance,
  StockCard,
  StockLevel,
  StockLevelFilter,
  StockLevelSort,
  ValuationGroup,
  ValuationRow,
} from './stock-report.types';
import { exactDecimalSums, sortableDecimal, startsWithPattern } from '../../core/sql';
import { unsellableStock } from './unsellable';
import { unitCost } from '../../domain/costing';
import { BlindView, type BlindCounts } from './blind-counts';
import { bookAt, inTransitAt } from './snapshots';

const D = (s: string | number | null | undefined) => new Decimal(s ?? 0);
/** Goods between warehouses (inTransitAt): warehouse 0 in the sums, this key in the valuation's rows. */
const IN_TRANSIT = 0;
export const TRANSIT_KEY = 'transit';
/** Document types whose issues are cost of goods issued (transfers and adjustments are not). */
export const ISSUE_TYPES = ['other_out', 'sales_shipment'];

/**
 * Reports read the ledger. On MySQL the database sums DECIMAL columns exactly; SQLite keeps
 * decimals as text, so there the rows are summed here with decimal.js.
 */
export class StockReportService {
  constructor(
    private readonly ds: DataSource,
    private readonly blind?: BlindCounts,
  ) {}

  /** What this user may not see of the book now (nothing unless they count blind during a count). */
  private async blindView(ctx: Context, ws: number[] | null) {
    return this.blind ? this.blind.view(ctx, ws) : new BlindView(ctx, []);
  }

  private scope(ctx: Context, warehouseId?: string | number | null): number[] | null {
    const s = ctx.user?.warehouseIds ?? null;
    if (warehouseId) {
      const w = Number(warehouseId);
      if (s && !s.includes(w)) throw notFound('This warehouse');
      return [w];
    }
    return s;
  }

  async levels(
    ctx: Context,
    filter?: StockLevelFilter | null,
    sort?: StockLevelSort | null,
    page?: PageInput | null,
  ): Promise<Page<StockLevel>> {
    if (sort === 'VALUE') assertMayUseFields(ctx, 'StockLevel', ['value'], 'sort');
    const { offset, limit } = clampPage(page);
    const where: string[] = ['1 = 1'];
    const params: unknown[] = [];
    const ws = this.scope(ctx, filter?.warehouseId);
    if (ws) {
      where.push(`c.warehouse_id IN (${ws.map(() => '?').join(',')})`);
      params.push(...ws);
    }
    if (filter?.skuId) {
      where.push('c.sku_id = ?');
      params.push(Number(filter.skuId));
    }
    if (filter?.search) {
      where.push('(s.code LIKE ? OR s.name LIKE ?)');
      params.push(`%${filter.search}%`, `%${filter.search}%`);
    }
    if (filter?.categoryId) {
      // path holds the ids from the root to the category itself ("/1/4/"): the subtree shares its prefix
      where.push(
        'p.category_id IN (SELECT c.id FROM category c WHERE c.path LIKE (SELECT ' +
          startsWithPattern(this.ds, 'path') +
          ' FROM category WHERE id = ?))',
      );
      params.push(Number(filter.categoryId));
    }
    if (!filter?.includeZero) where.push(`${sortableDecimal(this.ds, 'c.qty')} <> 0`);
    const from = `FROM stock_cost c JOIN sku s ON s.id = c.sku_id JOIN product p ON p.id = s.product_id JOIN warehouse w ON w.id = c.warehouse_id WHERE ${where.join(' AND ')}`;
    const [{ n }] = await this.ds.query(`SELECT COUNT(*) AS n ${from}`, params);
    const blind = await this.blindView(ctx, ws);
    // the order of withheld quantities would tell them: a blind counter's ON_HAND sorts by SKU
    const order =
      sort === 'VALUE' && blind.empty
        ? `${sortableDecimal(this.ds, 'c.value')} DESC`
        : sort === 'ON_HAND' && blind.empty
          ? `${sortableDecimal(this.ds, 'c.qty')} DESC`
          : 's.code';
    const rows: any[] = await this.ds.query(
      `SELECT c.warehouse_id, w.code AS warehouse_code, c.sku_id, s.code AS sku_code, s.name AS sku_name, p.base_unit, c.qty, c.value ${from} ORDER BY ${order}, c.warehouse_id, c.sku_id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    const pairs = rows.map((r) => [Number(r.warehouse_id), Number(r.sku_id)] as [number, number]);
    const reserved = await this.reservedFor(pairs);
    const blocked = await unsellableStock(this.ds, pairs, today());
    const items = rows.map((r) => {
      const onHand = D(r.qty);
      const res = reserved.get(`${r.warehouse_id}:${r.sku_id}`) ?? D(0);
      const u = blocked.get(`${r.warehouse_id}:${r.sku_id}`);
      const expired = u?.expired ?? D(0);
      const quarantined = u?.quarantined ?? D(0);
      const h = blind.hides(Number(r.warehouse_id), Number(r.sku_id));
      const w = <T>(field: string, v: T) => blind.withhold('StockLevel', field, h, v);
      return {
        warehouseId: Number(r.warehouse_id),
        warehouseCode: r.warehouse_code,
        skuId: Number(r.sku_id),
        skuCode: r.sku_code,
        skuName: r.sku_name,
        baseUnit: r.base_unit,
        onHand: w('onHand', onHand.toFixed()),
        reserved: res.toFixed(),
        expired: w('expired', expired.toFixed()),
        quarantined: w('quarantined', quarantined.toFixed()),
        available: w('available', onHand.minus(res).minus(expired).minus(quarantined).toFixed()),
        unitCost: unitCost(r.qty, r.value),
        value: w('value', D(r.value).toFixed(2)),
      };
    });
    return { items, total: Number(n), offset, limit };
  }

  /** Reservations live on the cost head (stock_cost.reserved), written by sales orders' guarded updates. */
  private async reservedFor(pairs: Array<[number, number]>): Promise<Map<string, Decimal>> {
    const out = new Map<string, Decimal>();
    if (!pairs.length) return out;
    const rows: any[] = await this.ds.query(
      `SELECT warehouse_id, sku_id, reserved FROM stock_cost WHERE ${pairs.map(() => '(warehouse_id = ? AND sku_id = ?)').join(' OR ')}`,
      pairs.flat(),
    );
    for (const r of rows) {
      const k = `${r.warehouse_id}:${r.sku_id}`;
      out.set(k, (out.get(k) ?? D(0)).plus(r.reserved));
    }
    return out;
  }

  async binBalances(ctx: Context, warehouseId: string, skuId: string): Promise<BinBalance[]> {
    const [w] = this.scope(ctx, warehouseId)!;
    const day = today();
    const blind = await this.blindView(ctx, [w]);
    const rows: any[] = await this.ds.query(
      `SELECT b.warehouse_id, b.bin_id, bn.code AS bin_code, bn.quarantine, b.batch_id, t.batch_no, t.expiry_date, b.qty, b.reserved
       FROM stock_balance b LEFT JOIN bin bn ON bn.id = b.bin_id LEFT JOIN batch t ON t.id = b.batch_id
       WHERE b.warehouse_id = ? AND b.sku_id = ? ORDER BY bn.code, t.expiry_date, t.batch_no`,
      [w, Number(skuId)],
    );
    return rows
      .filter((r) => !D(r.qty).isZero() || !D(r.reserved).isZero())
      .map((r) => ({
        warehouseId: Number(r.warehouse_id),
        binId: Number(r.bin_id),
        binCode: r.bin_code ?? null,
        quarantine: !!Number(r.quarantine ?? 0),
        batchId: Number(r.batch_id),
        batchNo: r.batch_no ?? null,
        expiryDate: r.expiry_date ?? null,
        expired: !!r.expiry_date && r.expiry_date < day,
        qty: blind.withhold('BinBalance', 'qty', blind.hides(w, Number(skuId), Number(r.bin_id)), D(r.qty).toFixed()),
        reserved: D(r.reserved).toFixed(),
      }));
  }

  async stockCard(
    ctx: Context,
    warehouseId: string,
    skuId: string,
    from?: string | null,
    to?: string | null,
  ): Promise<StockCard> {
    const [w] = this.scope(ctx, warehouseId)!;
    const s = Number(skuId);
    const blind = await this.blindView(ctx, [w]);
    // the moves summed from the first are the book: a blind counter gets the documents, no quantities
    const h = blind.hides(w, s);
    const q = (field: string, v: string) => blind.withhold('StockCard', field, h, v);
    const rq = (field: string, v: string) => blind.withhold('StockCardRow', field, h, v);
    const rows: any[] = await this.ds.query(
      `SELECT id, business_date, document_id, document_type, document_number, kind, qty, unit_cost, value FROM stock_ledger
       WHERE warehouse_id = ? AND sku_id = ?${to ? ' AND business_date <= ?' : ''} ORDER BY business_date, id`,
      [w, s, ...(to ? [to] : [])],
    );
    let qty = D(0);
    let value = D(0);
    let openingQty = D(0);
    let openingValue = D(0);
    const out = [];
    for (const r of rows) {
      qty = qty.plus(r.qty);
      value = value.plus(r.value);
      if (from && r.business_date < from) {
        openingQty = qty;
        openingValue = value;
        continue;
      }
      out.push({
        businessDate: r.business_date,
        documentId: Number(r.document_id),
        documentType: r.document_type,
        documentNumber: r.document_number,
        kind: r.kind,
        qty: rq('qty', D(r.qty).toFixed()),
        unitCost: D(r.unit_cost).toFixed(6),
        value: rq('value', D(r.value).toFixed(2)),
        balanceQty: rq('balanceQty', qty.toFixed()),
        balanceValue: rq('balanceValue', value.toFixed(2)),
      });
    }
    return {
      warehouseId: w,
      skuId: s,
      openingQty: q('openingQty', openingQty.toFixed()),
      openingValue: q('openingValue', openingValue.toFixed(2)),
      rows: out,
      closingQty: q('closingQty', qty.toFixed()),
      closingValue: q('closingValue', value.toFixed(2)),
    };
  }

  /** Σ of ledger rows per warehouse × SKU, within dates and document types. */
  private async sums(
    ws: number[] | null,
    where: string,
    params: unknown[],
  ): Promise<Array<{ w: number; s: number; qty: Decimal; value: Decimal }>> {
    const scope = ws ? ` AND warehouse_id IN (${ws.map(() => '?').join(',')})` : '';
    const p = [...params, ...(ws ?? [])];
    if (exactDecimalSums(this.ds)) {
      const rows: any[] = await this.ds.query(
        `SELECT warehouse_id AS w, sku_id AS s, SUM(qty) AS qty, SUM(value) AS value FROM stock_ledger WHERE ${where}${scope} GROUP BY warehouse_id, sku_id`,
        p,
      );
      return rows.map((r) => ({ w: Number(r.w), s: Number(r.s), qty: D(r.qty), value: D(r.value) }));
    }
    const rows: any[] = await this.ds.query(
      `SELECT warehouse_id AS w, sku_id AS s, qty, value FROM stock_ledger WHERE ${where}${scope}`,
      p,
    );
    const m = new Map<string, { w: number; s: number; qty: Decimal; value: Decimal }>();
    for (const r of rows) {
      const k = `${r.w}:${r.s}`;
      const e = m.get(k) ?? { w: Number(r.w), s: Number(r.s), qty: D(0), value: D(0) };
      e.qty = e.qty.plus(r.qty);
      e.value = e.value.plus(r.value);
      m.set(k, e);
    }
    return [...m.values()];
  }

  /** Rolls warehouse × SKU sums up to the requested group, labelled, largest value first. */
  private async group(
    sums: Array<{ w: number; s: number; qty: Decimal; value: Decimal }>,
    groupBy: ValuationGroup,
    top?: number | null,
    blind?: BlindView,
    transitLabel = '',
  ): Promise<ValuationRow[]> {
    const skuIds = [...new Set(sums.map((x) => x.s))];
    const skus: any[] = skuIds.length
      ? await this.ds.query(
          `SELECT s.id, s.code, s.name, p.category_id, c.name AS category_name FROM sku s JOIN product p ON p.id = s.product_id LEFT JOIN category c ON c.id = p.category_id WHERE s.id IN (${skuIds.map(() => '?').join(',')})`,
          skuIds,
        )
      : [];
    const whs: any[] = await this.ds.query('SELECT id, code, name FROM warehouse');
    const sk = new Map(skus.map((s) => [Number(s.id), s]));
    const wh = new Map(whs.map((w) => [Number(w.id), w]));
    const m = new Map<string, { key: string; label: string; qty: Decimal; value: Decimal; hidden: boolean }>();
    for (const x of sums) {
      const s = sk.get(x.s);
      const w = wh.get(x.w);
      const [k, label] =
        groupBy === 'WAREHOUSE'
          ? x.w === IN_TRANSIT
            ? [TRANSIT_KEY, transitLabel]
            : [String(x.w), `${w?.code} ${w?.name}`]
          : groupBy === 'CATEGORY'
            ? [String(s?.category_id ?? 0), s?.category_name ?? '—']
            : groupBy === 'SKU'
              ? [String(x.s), `${s?.code} ${s?.name}`]
              : [
                  x.w === IN_TRANSIT ? `${TRANSIT_KEY}:${x.s}` : `${x.w}:${x.s}`,
                  `${x.w === IN_TRANSIT ? transitLabel : w?.code} · ${s?.code} ${s?.name}`,
                ];
      const e = m.get(k) ?? { key: k, label, qty: D(0), value: D(0), hidden: false };
      e.hidden ||= !!blind?.hides(x.w, x.s);
      e.qty = e.qty.plus(x.qty);
      e.value = e.value.plus(x.value);
      m.set(k, e);
    }
    const rows = [...m.values()]
      .filter((r) => !r.qty.isZero() || !r.value.isZero())
      .sort((a, b) => b.value.comparedTo(a.value) || a.key.localeCompare(b.key));
    return rows.slice(0, top ?? rows.length).map((r) => ({
      key: r.key,
      label: r.label,
      qty: blind ? blind.withhold('ValuationRow', 'qty', r.hidden, r.qty.toFixed()) : r.qty.toFixed(),
      value: r.value.toFixed(2),
    }));
  }

  /** Inventory valuation at the end of a day: the latest monthly snapshot on or before it plus the ledger rows since (snapshots.ts). */
  async valuation(
    ctx: Context,
    date: string,
    groupBy: ValuationGroup,
    warehouseId?: string | null,
    top?: number | null,
  ): Promise<ValuationRow[]> {
    if (top) assertMayUseFields(ctx, 'ValuationRow', ['value'], 'sort');
    const ws = this.scope(ctx, warehouseId);
    // the whole company's stock includes what is on the road between its warehouses (a row of its
    // own by warehouse); one warehouse's, or a user's warehouses', is what they hold
    const transit = ws ? [] : await inTransitAt(this.ds, date);
    return this.group(
      [...(await bookAt(this.ds, date, ws)), ...transit],
      groupBy,
      top,
      await this.blindView(ctx, ws),
      inLocale(ctx, { 'zh-CN': '在途', en: 'In transit' }),
    );
  }

  /** Cost of goods issued in a period: issues net of their cancellations and re-costing. */
  async costOfGoodsIssued(
    ctx: Context,
    from: string,
    to: string,
    groupBy: ValuationGroup,
    warehouseId?: string | null,
  ): Promise<ValuationRow[]> {
    const sums = await this.sums(
      this.scope(ctx, warehouseId),
      `business_date >= ? AND business_date <= ? AND document_type IN (${ISSUE_TYPES.map(() => '?').join(',')})`,
      [from, to, ...ISSUE_TYPES],
    );
    return this.group(
      sums.map((x) => ({ ...x, qty: x.qty.neg(), value: x.value.neg() })),
      groupBy,
    );
  }
}
