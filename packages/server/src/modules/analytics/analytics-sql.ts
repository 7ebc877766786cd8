import { Decimal } from 'decimal.js';
import type { DataSource, EntityManager } from 'typeorm';
import { dateTimeParam, exactDecimalSums, startsWithPattern } from '../../core/sql';
import { soldOnly } from '../sales';

/**
 * The analytics module's one window on other modules' tables (listed with the tables it reads in
 * eslint.config.mjs, `jxc/server-layers` `reads`): the analysis joins posted documents of sales,
 * stock, catalog, purchasing and partners in the database, so it reads them here and nowhere else.
 * It only reads; every figure it returns is a posted document's (shipment and return lines carry
 * the ledger's current COGS, re-costs included) or a sum of ledger rows.
 */
type Db = DataSource | EntityManager;
const D = (v: unknown) => new Decimal((v as string | number | null) ?? 0);
const marks = (xs: unknown[]) => xs.map(() => '?').join(',');

/** One shipment line (+) or return line (−) with everything the analysis can group it by. */
export interface SalesFact {
  docType: 'sales_shipment' | 'sales_return';
  docId: number;
  docNumber: string;
  lineId: number;
  date: string;
  warehouseId: number;
  skuId: number;
  customerId: number;
  salespersonId: number;
  channelId: number;
  storeId: number | null;
  tierId: number | null;
  qty: Decimal;
  revenue: Decimal;
  cogs: Decimal;
  /** the document lines summed into it: 1 for a line, the group's count when summed in the database */
  lines: number;
}

export interface FactScope {
  from: string;
  to: string;
  warehouseIds: number[] | null;
  skuIds: number[] | null;
  customerId?: number | null;
  tierId?: number | null;
  salespersonId?: number | null;
  channelId?: number | null;
  storeId?: number | null;
  /** a salesperson without sales.customer.all: only customers they own */
  ownerId?: number | null;
}

function where(alias: string, f: FactScope): { sql: string; params: unknown[] } {
  const w = [`${alias}.business_date >= ?`, `${alias}.business_date <= ?`];
  const p: unknown[] = [f.from, f.to];
  const add = (cond: string, ...v: unknown[]) => {
    w.push(cond);
    p.push(...v);
  };
  if (f.warehouseIds)
    add(
      `${alias}.warehouse_id IN (${marks(f.warehouseIds.length ? f.warehouseIds : [-1])})`,
      ...(f.warehouseIds.length ? f.warehouseIds : [-1]),
    );
  if (f.skuIds)
    add(`l.sku_id IN (${marks(f.skuIds.length ? f.skuIds : [-1])})`, ...(f.skuIds.length ? f.skuIds : [-1]));
  if (f.customerId) add(`${alias}.customer_id = ?`, f.customerId);
  if (f.tierId) add('cu.tier_id = ?', f.tierId);
  if (f.salespersonId) add('o.owner_id = ?', f.salespersonId);
  if (f.channelId) add('o.channel_id = ?', f.channelId);
  if (f.storeId) add('o.store_id = ?', f.storeId);
  if (f.ownerId) add('cu.owner_id = ?', f.ownerId);
  return { sql: w.join(' AND '), params: p };
}

/** Gifts and prizes are promotion expense, not sales (sales' `soldOnly`). */
const sold = soldOnly('l', 'o');

/** Posted shipment and return lines dated in the range (gifts and prizes left out): revenue, quantity and COGS (returns negative). */
export async function salesFacts(db: Db, f: FactScope): Promise<SalesFact[]> {
  const s = where('h', f);
  const shipped: any[] = await db.query(
    `SELECT h.id AS doc_id, h.number AS doc_number, l.id AS line_id, h.business_date AS d, h.warehouse_id AS w, l.sku_id AS s,
       h.customer_id AS c, o.owner_id AS u, o.channel_id AS ch, o.store_id AS st, cu.tier_id AS tier, l.qty, l.amount, l.cogs
     FROM sales_shipment_line l JOIN sales_shipment h ON h.id = l.shipment_id JOIN sales_order o ON o.id = h.order_id
     JOIN customer cu ON cu.id = h.customer_id ${sold.join} WHERE ${s.sql} AND ${sold.where} ORDER BY h.business_date, h.id, l.line_no`,
    s.params,
  );
  const r = where('h', f);
  const returned: any[] = await db.query(
    `SELECT h.id AS doc_id, h.number AS doc_number, l.id AS line_id, h.business_date AS d, h.warehouse_id AS w, l.sku_id AS s,
       h.customer_id AS c, o.owner_id AS u, o.channel_id AS ch, o.store_id AS st, cu.tier_id AS tier, l.qty, l.amount,
       l.restocked_cost AS cogs
     FROM sales_return_line l JOIN sales_return h ON h.id = l.return_id JOIN sales_order o ON o.id = h.order_id
     JOIN customer cu ON cu.id = h.customer_id ${sold.join} WHERE ${r.sql} AND ${sold.where} ORDER BY h.business_date, h.id, l.line_no`,
    r.params,
  );
  const fact = (docType: SalesFact['docType'], sign: number) => (x: any) => ({
    docType,
    docId: Number(x.doc_id),
    docNumber: x.doc_number,
    lineId: Number(x.line_id),
    date: x.d,
    warehouseId: Number(x.w),
    skuId: Number(x.s),
    customerId: Number(x.c),
    salespersonId: Number(x.u),
    channelId: Number(x.ch),
    storeId: x.st == null ? null : Number(x.st),
    tierId: x.tier == null ? null : Number(x.tier),
    qty: D(x.qty).times(sign),
    revenue: D(x.amount).times(sign),
    cogs: D(x.cogs).times(sign),
    lines: 1,
  });
  return [...shipped.map(fact('sales_shipment', 1)), ...returned.map(fact('sales_return', -1))];
}

/** Which of a fact's attributes the analysis groups by (warehouse and SKU always: filters and the supplier need them). */
export interface FactGrouping {
  date: boolean;
  customer: boolean;
  tier: boolean;
  salesperson: boolean;
  channel: boolean;
  store: boolean;
}

/**
 * The facts summed in the database by the attributes asked for (MySQL/MariaDB add DECIMALs
 * exactly), so a month of tens of thousands of lines comes back as one row per cell, not per line;
 * SQLite (text decimals) gets the lines, summed by the caller. Attributes not grouped by are
 * placeholders (date: the range's first day; people and channels 0) that the analysis never reads.
 */
export async function salesFactTotals(db: Db, f: FactScope, by: FactGrouping): Promise<SalesFact[]> {
  if (!exactDecimalSums(db)) return salesFacts(db, f);
  const cols = [
    'h.warehouse_id',
    'l.sku_id',
    ...(by.date ? ['h.business_date'] : []),
    ...(by.customer ? ['h.customer_id'] : []),
    ...(by.tier ? ['cu.tier_id'] : []),
    ...(by.salesperson ? ['o.owner_id'] : []),
    ...(by.channel ? ['o.channel_id'] : []),
    ...(by.store ? ['o.store_id'] : []),
  ];
  const select = (cost: string) =>
    `SELECT ${cols.map((c) => `${c} AS ${c.split('.')[1]}`).join(', ')}, SUM(l.qty) AS qty, SUM(l.amount) AS amount, SUM(${cost}) AS cogs, COUNT(*) AS n`;
  const s = where('h', f);
  const shipped: any[] = await db.query(
    `${select('l.cogs')} FROM sales_shipment_line l JOIN sales_shipment h ON h.id = l.shipment_id JOIN sales_order o ON o.id = h.order_id
     JOIN customer cu ON cu.id = h.customer_id ${sold.join} WHERE ${s.sql} AND ${sold.where} GROUP BY ${cols.join(', ')}`,
    s.params,
  );
  const r = where('h', f);
  const returned: any[] = await db.query(
    `${select('l.restocked_cost')} FROM sales_return_line l JOIN sales_return h ON h.id = l.return_id JOIN sales_order o ON o.id = h.order_id
     JOIN customer cu ON cu.id = h.customer_id ${sold.join} WHERE ${r.sql} AND ${sold.where} GROUP BY ${cols.join(', ')}`,
    r.params,
  );
  const fact = (docType: SalesFact['docType'], neg: boolean) => (x: any) => ({
    docType,
    docId: 0,
    docNumber: '',
    lineId: 0,
    date: by.date ? x.business_date : f.from,
    warehouseId: Number(x.warehouse_id),
    skuId: Number(x.sku_id),
    customerId: by.customer ? Number(x.customer_id) : 0,
    salespersonId: by.salesperson ? Number(x.owner_id) : 0,
    channelId: by.channel ? Number(x.channel_id) : 0,
    storeId: by.store && x.store_id != null ? Number(x.store_id) : null,
    tierId: by.tier && x.tier_id != null ? Number(x.tier_id) : null,
    qty: neg ? D(x.qty).neg() : D(x.qty),
    revenue: neg ? D(x.amount).neg() : D(x.amount),
    cogs: neg ? D(x.cogs).neg() : D(x.cogs),
    lines: Number(x.n),
  });
  return [...shipped.map(fact('sales_shipment', false)), ...returned.map(fact('sales_return', true))];
}

/** Σ ledger quantity and value per warehouse × SKU × business day up to `to` (the stock position's history). */
export async function ledgerByDay(
  db: Db,
  ds: DataSource,
  to: string,
  warehouseIds: number[] | null,
  skuIds: number[] | null,
): Promise<Array<{ w: number; s: number; d: string; qty: Decimal; value: Decimal }>> {
  const w = ['business_date <= ?'];
  const p: unknown[] = [to];
  const add = (cond: string, ids: number[]) => {
    const v = ids.length ? ids : [-1];
    w.push(`${cond} IN (${marks(v)})`);
    p.push(...v);
  };
  if (warehouseIds) add('warehouse_id', warehouseIds);
  if (skuIds) add('sku_id', skuIds);
  const sql = exactDecimalSums(ds)
    ? `SELECT warehouse_id AS w, sku_id AS s, business_date AS d, SUM(qty) AS qty, SUM(value) AS value FROM stock_ledger WHERE ${w.join(' AND ')} GROUP BY warehouse_id, sku_id, business_date`
    : `SELECT warehouse_id AS w, sku_id AS s, business_date AS d, qty, value FROM stock_ledger WHERE ${w.join(' AND ')}`;
  const rows: any[] = await db.query(sql, p);
  return rows.map((r) => ({ w: Number(r.w), s: Number(r.s), d: r.d, qty: D(r.qty), value: D(r.value) }));
}

/** SKU ids of a category subtree, a brand, or both. */
export async function skusMatching(db: Db, categoryId: number | null, brandId: number | null): Promise<number[]> {
  // path holds the ids from the root to the category itself ("/1/4/"): the subtree shares its prefix
  const w: string[] = [];
  const p: unknown[] = [];
  if (categoryId) {
    w.push(
      `p.category_id IN (SELECT c.id FROM category c WHERE c.path LIKE (SELECT ${startsWithPattern(db, 'path')} FROM category WHERE id = ?))`,
    );
    p.push(categoryId);
  }
  if (brandId) {
    w.push('p.brand_id = ?');
    p.push(brandId);
  }
  const rows: any[] = await db.query(
    `SELECT s.id FROM sku s JOIN product p ON p.id = s.product_id WHERE ${w.join(' AND ') || '1 = 1'}`,
    p,
  );
  return rows.map((r) => Number(r.id));
}

/** SKU → code, name, category, brand, base unit. */
export async function skuAttributes(db: Db, ids: number[]) {
  const out = new Map<
    number,
    { code: string; name: string; categoryId: number | null; brandId: number | null; baseUnit: string }
  >();
  if (!ids.length) return out;
  const rows: any[] = await db.query(
    `SELECT s.id, s.code, s.name, p.category_id, p.brand_id, p.base_unit FROM sku s JOIN product p ON p.id = s.product_id WHERE s.id IN (${marks(ids)})`,
    ids,
  );
  for (const r of rows)
    out.set(Number(r.id), {
      code: r.code,
      name: r.name,
      categoryId: r.category_id == null ? null : Number(r.category_id),
      brandId: r.brand_id == null ? null : Number(r.brand_id),
      baseUnit: r.base_unit ?? '',
    });
  return out;
}

const LABEL_SQL = {
  warehouse: 'SELECT id, code, name FROM warehouse',
  category: 'SELECT id, code, name FROM category',
  brand: "SELECT id, '' AS code, name FROM brand",
  customer: 'SELECT id, code, name FROM customer',
  customer_tier: 'SELECT id, code, name FROM customer_tier',
  app_user: 'SELECT id, username AS code, display_name AS name FROM app_user',
  sales_channel: 'SELECT id, code, name FROM sales_channel',
  sales_store: 'SELECT id, code, name FROM sales_store',
  supplier: 'SELECT id, code, name FROM supplier',
  sku: 'SELECT id, code, name FROM sku',
} as const;
export type LabelTable = keyof typeof LABEL_SQL;

/** "code name" per id of one table (only the ids asked for). */
export async function labels(db: Db, table: LabelTable, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!ids.length) return out;
  const rows: any[] = await db.query(`${LABEL_SQL[table]} WHERE id IN (${marks(ids)})`, ids);
  for (const r of rows) out.set(Number(r.id), [r.code, r.name].filter(Boolean).join(' '));
  return out;
}

/**
 * The supplier of a warehouse × SKU: the one whose posted receipt last brought it in there (latest
 * business day, then latest receipt). Stock and sales of a SKU are grouped by it.
 */
export async function lastSuppliers(db: Db): Promise<Map<string, number>> {
  const rows: any[] = await db.query(
    `SELECT r.warehouse_id AS w, l.sku_id AS s, r.supplier_id AS sup, r.business_date AS d, r.id
     FROM purchase_receipt_line l JOIN purchase_receipt r ON r.id = l.receipt_id ORDER BY r.business_date, r.id`,
  );
  const out = new Map<string, number>();
  for (const r of rows) out.set(`${r.w}:${r.s}`, Number(r.sup));
  return out;
}

export interface LedgerRow {
  id: string;
  businessDate: string;
  warehouseId: number;
  skuId: number;
  documentType: string;
  documentId: number;
  documentNumber: string;
  kind: string;
  qty: string;
  unitCost: string;
  value: string;
  causeNumber: string | null;
}

/** The ledger rows (entries and their corrections) of some document lines. */
export async function ledgerRowsOf(
  db: Db,
  docs: Array<{ type: string; id: number; skuId: number }>,
): Promise<LedgerRow[]> {
  if (!docs.length) return [];
  const rows: any[] = await db.query(
    `SELECT id, business_date, warehouse_id, sku_id, document_type, document_id, document_number, kind, qty, unit_cost, value, cause_number
     FROM stock_ledger WHERE ${docs.map(() => '(document_type = ? AND document_id = ? AND sku_id = ?)').join(' OR ')}
     ORDER BY business_date, id`,
    docs.flatMap((d) => [d.type, d.id, d.skuId]),
  );
  return rows.map((r) => ({
    id: String(r.id),
    businessDate: r.business_date,
    warehouseId: Number(r.warehouse_id),
    skuId: Number(r.sku_id),
    documentType: r.document_type,
    documentId: Number(r.document_id),
    documentNumber: r.document_number,
    kind: r.kind,
    qty: D(r.qty).toFixed(),
    unitCost: D(r.unit_cost).toFixed(6),
    value: D(r.value).toFixed(2),
    causeNumber: r.cause_number ?? null,
  }));
}

/** Stock on hand per warehouse × SKU with the business day of its last in or out. */
export async function stockWithLastMove(db: Db, warehouseIds: number[] | null) {
  const scope = warehouseIds ? ` AND c.warehouse_id IN (${marks(warehouseIds.length ? warehouseIds : [-1])})` : '';
  const rows: any[] = await db.query(
    `SELECT c.warehouse_id AS w, c.sku_id AS s, c.qty, c.value,
       (SELECT MAX(g.business_date) FROM stock_ledger g WHERE g.warehouse_id = c.warehouse_id AND g.sku_id = c.sku_id AND g.kind <> 'recost') AS last_move
     FROM stock_cost c WHERE 1 = 1${scope}`,
    warehouseIds ? (warehouseIds.length ? warehouseIds : [-1]) : [],
  );
  return rows
    .map((r) => ({
      w: Number(r.w),
      s: Number(r.s),
      qty: D(r.qty),
      value: D(r.value),
      lastMove: r.last_move as string | null,
    }))
    .filter((r) => r.qty.gt(0));
}

/** Stock in batches whose expiry date is on or before `until`, per warehouse × SKU × batch. */
export async function expiringStock(db: Db, until: string, warehouseIds: number[] | null) {
  const scope = warehouseIds ? ` AND b.warehouse_id IN (${marks(warehouseIds.length ? warehouseIds : [-1])})` : '';
  const rows: any[] = await db.query(
    `SELECT b.warehouse_id AS w, b.sku_id AS s, b.batch_id, t.batch_no, t.expiry_date, b.qty, c.qty AS head_qty, c.value AS head_value
     FROM stock_balance b JOIN batch t ON t.id = b.batch_id
     JOIN stock_cost c ON c.warehouse_id = b.warehouse_id AND c.sku_id = b.sku_id
     WHERE t.expiry_date IS NOT NULL AND t.expiry_date <= ?${scope} ORDER BY t.expiry_date, b.warehouse_id, b.sku_id`,
    [until, ...(warehouseIds ? (warehouseIds.length ? warehouseIds : [-1]) : [])],
  );
  return rows
    .map((r) => ({
      w: Number(r.w),
      s: Number(r.s),
      batchId: Number(r.batch_id),
      batchNo: r.batch_no as string,
      expiryDate: r.expiry_date as string,
      qty: D(r.qty),
      headQty: D(r.head_qty),
      headValue: D(r.head_value),
    }))
    .filter((r) => r.qty.gt(0));
}

// ---------- the workbench's own figures (lists that have no count of their own) ----------

/** Open purchase orders (approved or partly received) expected on or before a day, in the scope. */
export async function purchaseOrdersExpected(db: Db, until: string, warehouseIds: number[] | null, onlyDay?: string) {
  const w = ["o.status IN ('approved', 'partly_received')", 'o.expected_date IS NOT NULL', 'o.expected_date <= ?'];
  const p: unknown[] = [until];
  if (onlyDay) {
    w.push('o.expected_date = ?');
    p.push(onlyDay);
  }
  if (warehouseIds) {
    const v = warehouseIds.length ? warehouseIds : [-1];
    w.push(`o.warehouse_id IN (${marks(v)})`);
    p.push(...v);
  }
  const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM purchase_order o WHERE ${w.join(' AND ')}`, p);
  return Number(n);
}

/** Required qualifications of approved suppliers expiring between two days (inclusive). */
export async function qualificationsLapsing(db: Db, from: string, to: string) {
  const [{ n }] = await db.query(
    `SELECT COUNT(*) AS n FROM supplier_qualification q JOIN supplier s ON s.id = q.supplier_id
     WHERE q.required = ? AND s.status = 'approved' AND q.expires_on >= ? AND q.expires_on <= ?`,
    [true, from, to],
  );
  return Number(n);
}

/** Approved suppliers' ids (for the flag of two late deliveries). */
export async function approvedSupplierIds(db: Db): Promise<number[]> {
  const rows: any[] = await db.query("SELECT id FROM supplier WHERE status = 'approved'");
  return rows.map((r) => Number(r.id));
}

/** Customers (all, or one owner's) with their credit limit and birthday. */
export async function customerFacts(db: Db, ownerId: number | null) {
  const rows: any[] = await db.query(
    `SELECT id, credit_limit, birthday FROM customer${ownerId ? ' WHERE owner_id = ?' : ''}`,
    ownerId ? [ownerId] : [],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    creditLimit: r.credit_limit == null ? null : D(r.credit_limit),
    birthday: (r.birthday as string | null) ?? null,
  }));
}

/** Posted receipt lines not yet fully invoiced by the supplier (to match). */
export async function receiptLinesToInvoice(db: Db): Promise<number> {
  const rows: any[] = await db.query('SELECT accepted_qty, invoiced_qty FROM purchase_receipt_line');
  return rows.filter((r) => D(r.accepted_qty).gt(D(r.invoiced_qty))).length;
}

// ---------- staff performance: who created, owned, received, shipped, moved and counted what ----------

/** Sales orders past draft, waiting and cancellation, by order date. */
export async function salesOrdersIn(ds: DataSource, from: string, to: string) {
  const rows: any[] = await ds.query(
    `SELECT id, number, owner_id, order_date FROM sales_order
     WHERE order_date >= ? AND order_date <= ? AND status NOT IN ('draft', 'pending_price_approval', 'cancelled')
     ORDER BY order_date, id`,
    [from, to],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    number: r.number as string,
    userId: Number(r.owner_id),
    date: r.order_date as string,
  }));
}

/** Customers created between two instants, with their owner. */
export async function customersCreated(ds: DataSource, fromAt: Date, toAt: Date) {
  const rows: any[] = await ds.query(
    'SELECT id, owner_id FROM customer WHERE created_at >= ? AND created_at < ? AND owner_id IS NOT NULL',
    [dateTimeParam(ds, fromAt), dateTimeParam(ds, toAt)],
  );
  return rows.map((r) => ({ id: Number(r.id), userId: Number(r.owner_id) }));
}

/** Payments received in the period from customers, by the customer's owner. */
export async function paymentsIn(ds: DataSource, from: string, to: string) {
  const rows: any[] = await ds.query(
    `SELECT p.id, p.reference, p.received_on, p.amount, c.owner_id FROM customer_payment p JOIN customer c ON c.id = p.customer_id
     WHERE p.received_on >= ? AND p.received_on <= ? AND c.owner_id IS NOT NULL ORDER BY p.received_on, p.id`,
    [from, to],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    number: (r.reference as string) || `#${r.id}`,
    date: r.received_on as string,
    amount: D(r.amount),
    userId: Number(r.owner_id),
  }));
}

/** Purchase orders (past draft, not cancelled) by order date, with the day of their first receipt. */
export async function purchaseOrdersIn(ds: DataSource, from: string, to: string) {
  const rows: any[] = await ds.query(
    `SELECT o.id, o.number, o.created_by, o.order_date, o.expected_date,
       (SELECT MIN(r.business_date) FROM purchase_receipt r WHERE r.order_id = o.id) AS first_receipt
     FROM purchase_order o WHERE o.order_date >= ? AND o.order_date <= ? AND o.status NOT IN ('draft', 'cancelled')
     ORDER BY o.order_date, o.id`,
    [from, to],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    number: (r.number as string) ?? '',
    userId: Number(r.created_by),
    date: r.order_date as string,
    expected: (r.expected_date as string | null) ?? null,
    firstReceipt: (r.first_receipt as string | null) ?? null,
  }));
}

/**
 * The lines of the orders with an order date in the period (not drafts or cancelled), each with its
 * agreed price (as the order took it on its order date) and the last price paid before it: the price
 * of the same SKU on the latest earlier order (order date, then order id; any supplier, any buyer).
 */
export async function purchasePriceLines(ds: DataSource, from: string, to: string) {
  const lines: any[] = await ds.query(
    `SELECT o.id, o.number, o.created_by, o.order_date, o.supplier_id, l.id AS line_id, l.sku_id, l.qty, l.price,
       l.agreed_price
     FROM purchase_order o JOIN purchase_order_line l ON l.order_id = o.id
     WHERE o.order_date >= ? AND o.order_date <= ? AND o.status NOT IN ('draft', 'cancelled')
     ORDER BY o.order_date, o.id, l.line_no`,
    [from, to],
  );
  const skus = [...new Set(lines.map((l) => Number(l.sku_id)))];
  // every order line of those SKUs up to the period's end, in order: the last price before each line
  const history: any[] = skus.length
    ? await ds.query(
        `SELECT o.id, o.number, o.order_date, l.sku_id, l.price
         FROM purchase_order o JOIN purchase_order_line l ON l.order_id = o.id
         WHERE o.order_date <= ? AND o.status NOT IN ('draft', 'cancelled') AND l.sku_id IN (${marks(skus)})
         ORDER BY l.sku_id, o.order_date, o.id, l.line_no`,
        [to, ...skus],
      )
    : [];
  const bySku = new Map<number, Array<{ id: number; number: string; date: string; price: string }>>();
  for (const h of history) {
    const k = Number(h.sku_id);
    if (!bySku.has(k)) bySku.set(k, []);
    bySku.get(k)!.push({ id: Number(h.id), number: h.number ?? '', date: h.order_date, price: String(h.price) });
  }
  return lines.map((r) => {
    const id = Number(r.id);
    const date = r.order_date as string;
    // the latest line of an earlier order (the history is in order)
    let last: { id: number; number: string; date: string; price: string } | null = null;
    for (const h of bySku.get(Number(r.sku_id)) ?? []) {
      if (h.date < date || (h.date === date && h.id < id)) last = h;
      else break;
    }
    return {
      id,
      number: (r.number as string) ?? '',
      userId: Number(r.created_by),
      date,
      supplierId: Number(r.supplier_id),
      lineId: Number(r.line_id),
      skuId: Number(r.sku_id),
      qty: String(r.qty),
      price: String(r.price),
      agreedPrice: r.agreed_price === null || r.agreed_price === undefined ? null : String(r.agreed_price),
      lastPrice: last?.price ?? null,
      lastOrderNumber: last?.number ?? null,
    };
  });
}

/** Documents with their line counts per person and business day: receipts, shipments, stock documents. */
export async function warehouseDocuments(ds: DataSource, from: string, to: string) {
  const q = (sql: string) => ds.query(sql, [from, to]) as Promise<any[]>;
  const [receipts, shipments, moves] = await Promise.all([
    q(`SELECT h.id, h.number, h.created_by, h.business_date, COUNT(l.id) AS n FROM purchase_receipt h
       JOIN purchase_receipt_line l ON l.receipt_id = h.id WHERE h.business_date >= ? AND h.business_date <= ?
       GROUP BY h.id, h.number, h.created_by, h.business_date`),
    q(`SELECT h.id, h.number, h.created_by, h.business_date, COUNT(l.id) AS n FROM sales_shipment h
       JOIN sales_shipment_line l ON l.shipment_id = h.id WHERE h.business_date >= ? AND h.business_date <= ?
       GROUP BY h.id, h.number, h.created_by, h.business_date`),
    q(`SELECT h.id, h.number, h.created_by, h.business_date, COUNT(l.id) AS n FROM stock_document h
       JOIN stock_document_line l ON l.document_id = h.id
       WHERE h.business_date >= ? AND h.business_date <= ? AND h.status IN ('posted', 'in_transit') AND h.source_type IS NULL
       GROUP BY h.id, h.number, h.created_by, h.business_date`),
  ]);
  const shape = (type: string) => (r: any) => ({
    type,
    id: Number(r.id),
    number: (r.number as string) ?? '',
    userId: Number(r.created_by),
    date: r.business_date as string,
    lines: Number(r.n),
  });
  return [
    ...receipts.map(shape('purchase_receipt')),
    ...shipments.map(shape('sales_shipment')),
    ...moves.map(shape('stock_document')),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || a.id - b.id);
}

/** Counts made between two instants, with the line's final quantity (null until settled). */
export async function countsMade(ds: DataSource, fromAt: Date, toAt: Date) {
  const rows: any[] = await ds.query(
    `SELECT c.counted_by, c.counted_at, c.qty, l.final_qty FROM stocktake_count c JOIN stocktake_line l ON l.id = c.line_id
     WHERE c.counted_at >= ? AND c.counted_at < ?`,
    [dateTimeParam(ds, fromAt), dateTimeParam(ds, toAt)],
  );
  return rows.map((r) => ({
    userId: Number(r.counted_by),
    at: r.counted_at instanceof Date ? r.counted_at : new Date(`${String(r.counted_at).replace(' ', 'T')}Z`),
    right: r.final_qty != null && D(r.qty).eq(D(r.final_qty)),
  }));
}

// ---------- finance: statements, payables ageing, the period close checklist ----------

export interface PartyEntry {
  kind: 'INVOICE' | 'PAYMENT' | 'CREDIT';
  id: number;
  number: string;
  date: string;
  dueDate: string | null;
  amount: Decimal;
}

/** A customer's invoices, payments and return credits up to a day. */
export async function customerEntries(db: Db, customerId: number, to: string): Promise<PartyEntry[]> {
  const [inv, pay, cred]: any[][] = await Promise.all([
    db.query(
      'SELECT id, number, invoice_date AS d, due_date, total AS a FROM sales_invoice WHERE customer_id = ? AND invoice_date <= ?',
      [customerId, to],
    ),
    db.query(
      'SELECT id, reference AS number, received_on AS d, amount AS a FROM customer_payment WHERE customer_id = ? AND received_on <= ?',
      [customerId, to],
    ),
    db.query(
      'SELECT id, number, business_date AS d, credit AS a FROM sales_return WHERE customer_id = ? AND business_date <= ?',
      [customerId, to],
    ),
  ]);
  return entries(inv, pay, cred);
}

/** A supplier's invoices, payments and what it owes back for invoiced goods returned (purchase returns' credit), up to a day. */
export async function supplierEntries(db: Db, supplierId: number, to: string): Promise<PartyEntry[]> {
  const [inv, pay, cred]: any[][] = await Promise.all([
    db.query(
      'SELECT id, invoice_no AS number, invoice_date AS d, due_date, total AS a FROM supplier_invoice WHERE supplier_id = ? AND invoice_date <= ?',
      [supplierId, to],
    ),
    db.query(
      'SELECT id, reference AS number, paid_on AS d, amount AS a FROM supplier_payment WHERE supplier_id = ? AND paid_on <= ?',
      [supplierId, to],
    ),
    db.query(
      'SELECT id, number, business_date AS d, credit AS a FROM purchase_return WHERE supplier_id = ? AND business_date <= ?',
      [supplierId, to],
    ),
  ]);
  return entries(
    inv,
    pay,
    cred.filter((r) => !D(r.a).isZero()),
  );
}

function entries(inv: any[], pay: any[], cred: any[]): PartyEntry[] {
  const shape = (kind: PartyEntry['kind']) => (r: any) => ({
    kind,
    id: Number(r.id),
    number: (r.number as string) || `#${r.id}`,
    date: r.d as string,
    dueDate: (r.due_date as string | undefined) ?? null,
    amount: D(r.a),
  });
  const order = { INVOICE: 0, CREDIT: 1, PAYMENT: 2 };
  return [...inv.map(shape('INVOICE')), ...cred.map(shape('CREDIT')), ...pay.map(shape('PAYMENT'))].sort(
    (a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind] || a.id - b.id,
  );
}

/** Customer (with its owner) or supplier name. */
export async function party(db: Db, kind: 'CUSTOMER' | 'SUPPLIER', id: number) {
  const [r]: any[] = await db.query(
    kind === 'CUSTOMER'
      ? 'SELECT id, code, name, owner_id FROM customer WHERE id = ?'
      : 'SELECT id, code, name FROM supplier WHERE id = ?',
    [id],
  );
  return r
    ? { id: Number(r.id), name: `${r.code} ${r.name}`, ownerId: r.owner_id == null ? null : Number(r.owner_id) }
    : null;
}

/**
 * Every supplier's invoices and payments up to a day (payables ageing); what suppliers owe back for
 * invoiced goods returned (purchase returns' credit) settles like a payment.
 */
export async function allSupplierEntries(db: Db, to: string) {
  const [inv, pay, cred]: any[][] = await Promise.all([
    db.query(
      'SELECT supplier_id AS s, invoice_date AS d, due_date, total AS a, id FROM supplier_invoice WHERE invoice_date <= ? ORDER BY due_date, id',
      [to],
    ),
    db.query('SELECT supplier_id AS s, amount AS a FROM supplier_payment WHERE paid_on <= ?', [to]),
    db.query('SELECT supplier_id AS s, credit AS a FROM purchase_return WHERE business_date <= ?', [to]),
  ]);
  return {
    invoices: inv.map((r) => ({
      supplierId: Number(r.s),
      date: r.d as string,
      dueDate: r.due_date as string,
      amount: D(r.a),
    })),
    payments: [...pay, ...cred.filter((r) => !D(r.a).isZero())].map((r) => ({
      supplierId: Number(r.s),
      amount: D(r.a),
    })),
  };
}

/** What stands in the way of closing through a day: drafts dated up to it, unmatched receipt lines, negative stock. */
export async function closeBlockers(db: Db, through: string) {
  const one = async (sql: string, p: unknown[] = []) => Number((await db.query(sql, p))[0].n);
  const negative: any[] = await db.query('SELECT qty FROM stock_cost');
  return {
    draftStockDocuments: await one(
      "SELECT COUNT(*) AS n FROM stock_document WHERE status = 'draft' AND business_date <= ?",
      [through],
    ),
    draftPurchaseOrders: await one(
      "SELECT COUNT(*) AS n FROM purchase_order WHERE status IN ('draft', 'submitted') AND order_date <= ?",
      [through],
    ),
    draftSalesOrders: await one(
      "SELECT COUNT(*) AS n FROM sales_order WHERE status IN ('draft', 'pending_price_approval') AND order_date <= ?",
      [through],
    ),
    unmatchedReceiptLines: (
      (await db.query(
        'SELECT l.accepted_qty, l.invoiced_qty FROM purchase_receipt_line l JOIN purchase_receipt r ON r.id = l.receipt_id WHERE r.business_date <= ?',
        [through],
      )) as any[]
    ).filter((r) => D(r.accepted_qty).gt(D(r.invoiced_qty))).length,
    negativeStock: negative.filter((r) => D(r.qty).lt(0)).length,
  };
}

// ---------- the voucher export: the period's postings per document ----------

/** Σ ledger value per document in a period (re-costs included, dated like the entries they correct). */
export async function ledgerValuesByDocument(db: Db, from: string, to: string) {
  const rows: any[] = await db.query(
    `SELECT document_type AS t, document_id AS id, document_number AS n, business_date AS d, value FROM stock_ledger
     WHERE business_date >= ? AND business_date <= ? ORDER BY business_date, id`,
    [from, to],
  );
  const out = new Map<string, { type: string; id: number; number: string; date: string; value: Decimal }>();
  for (const r of rows) {
    const k = `${r.t}:${r.id}:${r.d}`;
    const e = out.get(k) ?? {
      type: r.t as string,
      id: Number(r.id),
      number: r.n as string,
      date: r.d as string,
      value: D(0),
    };
    e.value = e.value.plus(D(r.value));
    out.set(k, e);
  }
  return [...out.values()];
}

/** Sales and supplier invoices and payments in a period, and suppliers' credits for invoiced goods returned. */
export async function moneyDocuments(db: Db, from: string, to: string) {
  const q = (sql: string) => db.query(sql, [from, to]) as Promise<any[]>;
  const [si, cp, pi, sp, sc] = await Promise.all([
    q(
      'SELECT id, number AS n, invoice_date AS d, total AS a FROM sales_invoice WHERE invoice_date >= ? AND invoice_date <= ?',
    ),
    q(
      'SELECT id, reference AS n, received_on AS d, amount AS a FROM customer_payment WHERE received_on >= ? AND received_on <= ?',
    ),
    q(
      'SELECT id, invoice_no AS n, invoice_date AS d, total AS a FROM supplier_invoice WHERE invoice_date >= ? AND invoice_date <= ?',
    ),
    q('SELECT id, reference AS n, paid_on AS d, amount AS a FROM supplier_payment WHERE paid_on >= ? AND paid_on <= ?'),
    // what a supplier owes back for invoiced goods returned: the invoice's entry reversed
    q(
      'SELECT id, number AS n, business_date AS d, credit AS a FROM purchase_return WHERE business_date >= ? AND business_date <= ?',
    ),
  ]);
  const shape = (type: string) => (r: any) => ({
    type,
    id: Number(r.id),
    number: (r.n as string) || `#${r.id}`,
    date: r.d as string,
    value: D(r.a),
  });
  return [
    ...si.map(shape('sales_invoice')),
    ...cp.map(shape('customer_payment')),
    ...pi.map(shape('supplier_invoice')),
    ...sp.map(shape('supplier_payment')),
    ...sc.map(shape('supplier_credit')).map((x) => ({ ...x, value: x.value.neg() })),
  ];
}
