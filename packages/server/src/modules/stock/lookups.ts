import { Decimal } from 'decimal.js';
import { In, type EntityManager } from 'typeorm';
import { labels } from '../../core/labels';
import { StockCost, StockLedgerEntry } from './ledger.entity';
import { Batch, Bin, Zone } from './location.entity';
import { Warehouse } from './warehouse.entity';

/*
 * What other modules read of the stock module's tables, and the one thing they add (a batch
 * received with a purchase): the stock module owns warehouse, bin, batch and the ledger, and other
 * modules reach them only through these functions (in the caller's transaction).
 */

/** One warehouse, or null. */
export function findWarehouse(em: EntityManager, id: number): Promise<Warehouse | null> {
  return em.findOneBy(Warehouse, { id: id || -1 });
}

/** A transfer's two warehouses and its lines (base quantities, in line order), or null when it is none. */
export async function transferOf(
  em: EntityManager,
  id: number,
): Promise<{
  warehouseId: number;
  toWarehouseId: number | null;
  lines: Array<{ lineNo: number; skuId: number; qty: string }>;
} | null> {
  const [doc]: Array<{ type: string; warehouse_id: number; to_warehouse_id: number | null }> = await em.query(
    'SELECT type, warehouse_id, to_warehouse_id FROM stock_document WHERE id = ?',
    [id],
  );
  if (!doc || doc.type !== 'transfer') return null;
  const lines: Array<{ line_no: number; sku_id: number; base_qty: string }> = await em.query(
    'SELECT line_no, sku_id, base_qty FROM stock_document_line WHERE document_id = ? ORDER BY line_no',
    [id],
  );
  return {
    warehouseId: Number(doc.warehouse_id),
    toWarehouseId: doc.to_warehouse_id === null ? null : Number(doc.to_warehouse_id),
    lines: lines.map((l) => ({
      lineNo: Number(l.line_no),
      skuId: Number(l.sku_id),
      qty: new Decimal(l.base_qty).toFixed(),
    })),
  };
}

/** The numbers of these stock documents (posted ones have one), by id; ids that do not exist are left out. */
export async function documentNumbers(em: EntityManager, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows: Array<{ id: number; number: string | null }> = await em.query(
    `SELECT id, number FROM stock_document WHERE id IN (${ids.map(() => '?').join(',')})`,
    ids,
  );
  return new Map(rows.map((r) => [Number(r.id), r.number ?? `#${r.id}`]));
}

/** The warehouses among these ids that exist (a user's warehouse scope keeps them as its relation). */
export function warehousesByIds(em: EntityManager, ids: number[]): Promise<Warehouse[]> {
  return ids.length ? em.find(Warehouse, { where: { id: In(ids) } }) : Promise.resolve([]);
}

/** The bins among these ids that exist, with the warehouse each belongs to. */
export function binsByIds(em: EntityManager, ids: number[]): Promise<Bin[]> {
  return ids.length ? em.find(Bin, { where: { id: In(ids) } }) : Promise.resolve([]);
}

/** One zone, or null. */
export function findZone(em: EntityManager, id: number): Promise<Zone | null> {
  return em.findOneBy(Zone, { id: id || -1 });
}

/** The ids of a zone's bins. */
export async function binIdsInZone(em: EntityManager, zoneId: number): Promise<number[]> {
  return (await em.find(Bin, { where: { zoneId }, select: { id: true } })).map((b) => b.id);
}

/** The ids of a warehouse's active bins. */
export async function activeBinIds(em: EntityManager, warehouseId: number): Promise<number[]> {
  return (await em.find(Bin, { where: { warehouseId, active: true }, select: { id: true } })).map((b) => b.id);
}

/** A warehouse's bin by its code (what a scanner reads), or null. */
export function binByCode(em: EntityManager, warehouseId: number, code: string): Promise<Bin | null> {
  return em.findOneBy(Bin, { warehouseId, code });
}

/** A SKU's batch by its number, or null. */
export function findBatch(em: EntityManager, skuId: number, batchNo: string): Promise<Batch | null> {
  return em.findOneBy(Batch, { skuId, batchNo });
}

/** The batches among these ids that exist. */
export function batchesByIds(em: EntityManager, ids: number[]): Promise<Batch[]> {
  return ids.length ? em.find(Batch, { where: { id: In(ids) } }) : Promise.resolve([]);
}

/**
 * The cost heads of a warehouse (one per SKU it ever held: quantity, value, reserved and the
 * costing state), all of them or those of these SKUs.
 */
export function costHeads(em: EntityManager, warehouseId: number, skuIds?: number[]): Promise<StockCost[]> {
  if (skuIds && !skuIds.length) return Promise.resolve([]);
  return em.find(StockCost, { where: skuIds ? { warehouseId, skuId: In(skuIds) } : { warehouseId } });
}

/**
 * The value each SKU issued from a warehouse in [from, to] on documents of these types: −Σ of
 * their ledger rows (issues, their corrections and cancellations).
 */
export async function issuedValues(
  em: EntityManager,
  warehouseId: number,
  from: string,
  to: string,
  documentTypes: string[],
): Promise<Map<number, Decimal>> {
  const rows: Array<{ sku_id: number; value: string }> = await em
    .getRepository(StockLedgerEntry)
    .createQueryBuilder('l')
    .select('l.sku_id', 'sku_id')
    .addSelect('l.value', 'value')
    .where('l.warehouse_id = :w', { w: warehouseId })
    .andWhere('l.business_date >= :from AND l.business_date <= :to', { from, to })
    .andWhere('l.document_type IN (:...types)', { types: documentTypes })
    .getRawMany();
  const out = new Map<number, Decimal>();
  for (const r of rows) out.set(Number(r.sku_id), (out.get(Number(r.sku_id)) ?? new Decimal(0)).minus(r.value));
  return out;
}

/** The id of a SKU's batch by its number; a batch first received here is recorded with its expiry date. */
export async function batchFor(
  tx: EntityManager,
  skuId: number,
  batchNo: string,
  expiryDate: string | null,
  receivedOn: string,
): Promise<number> {
  const found = await tx.findOne(Batch, { where: { skuId, batchNo } });
  if (found) return found.id;
  const b = await tx.save(
    tx.create(Batch, { skuId, batchNo, expiryDate, receivedAt: new Date(`${receivedOn}T00:00:00Z`) }),
  );
  return b.id;
}

/** A document's ledger entries of one kind, in posting order. */
export function ledgerEntriesOf(
  em: EntityManager,
  documentType: string,
  documentId: number,
  kind: 'in' | 'out',
): Promise<StockLedgerEntry[]> {
  return em.find(StockLedgerEntry, { where: { documentType, documentId, kind }, order: { id: 'ASC' } });
}

/** Per ledger entry, the quantity later entries have reversed of it so far (returns; corrections excluded). */
export async function reversedQuantities(em: EntityManager, entryIds: string[]): Promise<Map<string, Decimal>> {
  const back = new Map<string, Decimal>();
  if (!entryIds.length) return back;
  const rows: Array<{ ref_entry_id: string; qty: string }> = await em.query(
    `SELECT ref_entry_id, qty FROM stock_ledger WHERE ref_entry_id IN (${entryIds.map(() => '?').join(',')}) AND kind <> 'recost'`,
    entryIds,
  );
  for (const r of rows)
    back.set(String(r.ref_entry_id), (back.get(String(r.ref_entry_id)) ?? new Decimal(0)).plus(r.qty));
  return back;
}

/** Where an issue took its goods from: one per ledger entry. */
export interface StockPick {
  binId: number | null;
  binCode: string | null;
  batchNo: string | null;
  expiryDate: string | null;
  /** taken, positive */
  qty: string;
}

/** The bins and batches the engine picked for the issues of these documents, per document line, in posting order. */
export async function picksOf(
  em: EntityManager,
  documentType: string,
  documentIds: number[],
): Promise<Map<number, StockPick[]>> {
  const out = new Map<number, StockPick[]>();
  if (!documentIds.length) return out;
  const rows: Array<{
    line_id: number;
    bin_id: number;
    code: string | null;
    batch_no: string | null;
    expiry_date: string | null;
    qty: string;
  }> = await em.query(
    `SELECT e.document_line_id AS line_id, e.bin_id, b.code, t.batch_no, t.expiry_date, e.qty FROM stock_ledger e
     LEFT JOIN bin b ON b.id = e.bin_id LEFT JOIN batch t ON t.id = e.batch_id
     WHERE e.document_type = ? AND e.kind = 'out' AND e.document_id IN (${documentIds.map(() => '?').join(',')}) ORDER BY e.id`,
    [documentType, ...documentIds],
  );
  for (const r of rows) {
    const id = Number(r.line_id);
    out.set(id, [
      ...(out.get(id) ?? []),
      {
        binId: Number(r.bin_id) || null,
        binCode: r.code,
        batchNo: r.batch_no,
        expiryDate: r.expiry_date,
        qty: new Decimal(r.qty).neg().toFixed(),
      },
    ]);
  }
  return out;
}

/** A warehouse's code and name for field resolvers (one query per request for a whole list). */
export const warehouseLabel = labels('warehouse', 'warehouse', { code: 'code', name: 'name' });
/** A zone's code and name. */
export const zoneLabel = labels('zone', 'zone', { code: 'code', name: 'name' });
/** A bin's code (its name too). */
export const binLabel = labels('bin', 'bin', { code: 'code', name: 'code' });

/** Stock in a batch that expires on or before a day: per warehouse × batch, bins added up. */
export interface ExpiringBatch {
  warehouseId: number;
  skuId: number;
  batchId: number;
  batchNo: string;
  expiryDate: string;
  qty: string;
}

/** Batches in stock (quantity above zero) expiring on or before `until`, expired ones included; soonest first. */
export async function expiringBatches(em: EntityManager, until: string): Promise<ExpiringBatch[]> {
  const rows: Array<Record<string, unknown>> = await em.query(
    `SELECT b.warehouse_id AS w, b.sku_id AS s, b.batch_id AS bt, t.batch_no AS no, t.expiry_date AS exp, b.qty AS qty
     FROM stock_balance b JOIN batch t ON t.id = b.batch_id
     WHERE t.expiry_date IS NOT NULL AND t.expiry_date <= ? ORDER BY t.expiry_date, b.warehouse_id, b.batch_id, b.id`,
    [until],
  );
  const out = new Map<string, ExpiringBatch & { sum: Decimal }>();
  for (const r of rows) {
    const key = `${r.w}:${r.bt}`;
    const e = out.get(key) ?? {
      warehouseId: Number(r.w),
      skuId: Number(r.s),
      batchId: Number(r.bt),
      batchNo: String(r.no),
      expiryDate: String(r.exp),
      qty: '0',
      sum: new Decimal(0),
    };
    e.sum = e.sum.plus(String(r.qty));
    out.set(key, e);
  }
  return [...out.values()].filter((e) => e.sum.gt(0)).map(({ sum, ...e }) => ({ ...e, qty: sum.toFixed() }));
}

/** On hand per SKU over all warehouses (a promotion's gift needs some somewhere). */
export async function onHandBySku(em: EntityManager, skuIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!skuIds.length) return out;
  const heads = await em.find(StockCost, { where: { skuId: In(skuIds) } });
  for (const h of heads) out.set(h.skuId, new Decimal(out.get(h.skuId) ?? 0).plus(h.qty).toFixed(6));
  return out;
}
