import { Decimal } from 'decimal.js';
import type { DataSource, EntityManager } from 'typeorm';
import { lockRows } from '../../core/sql';
import { PRIZE_ORDERS_SQL, prizeOrderIds } from '../promotions';
import {
  costChangesOf,
  ledgerLineValues,
  mergeCostChanges,
  type CostChange,
  type EntryFilter,
  type Recosted,
} from '../stock';

const D = (s: Decimal.Value) => new Decimal(s);

/** A shipment line's COGS is minus the value of its issues. */
export const shipmentEntries: EntryFilter = (e) => e.kind === 'out' && !e.cancellation;
/** A return line's restocked cost is the value of the units it took back into stock. */
export const returnEntries: EntryFilter = (e) => e.kind === 'in' && !e.cancellation;

/**
 * Re-costing corrected the entries of shipments or returns: the shipment lines' COGS, the return
 * lines' restocked cost, and their order lines' and orders' COGS and margin follow, in the
 * posting's transaction. The orders are locked first (in id order) so a shipment of the same order
 * running meanwhile cannot write back a COGS it read before (it locks the order before the stock;
 * the opposite order here is a deadlock InnoDB resolves and the transaction is retried).
 */
export async function followRecostedSales(tx: EntityManager, changes: Recosted[]): Promise<void> {
  const ship = new Map<number, Decimal>();
  const back = new Map<number, Decimal>();
  for (const c of changes) {
    if (c.documentType === 'sales_shipment' && shipmentEntries(c))
      ship.set(c.documentLineId, (ship.get(c.documentLineId) ?? D(0)).minus(c.delta));
    if (c.documentType === 'sales_return' && returnEntries(c))
      back.set(c.documentLineId, (back.get(c.documentLineId) ?? D(0)).plus(c.delta));
  }
  if (!ship.size && !back.size) return;
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');
  const slines: Array<{ id: number; order_line_id: number; cogs: string }> = ship.size
    ? await tx.query(`SELECT id, order_line_id, cogs FROM sales_shipment_line WHERE id IN (${marks(ship.size)})`, [
        ...ship.keys(),
      ])
    : [];
  const rlines: Array<{ id: number; order_line_id: number; restocked_cost: string }> = back.size
    ? await tx.query(
        `SELECT id, order_line_id, restocked_cost FROM sales_return_line WHERE id IN (${marks(back.size)})`,
        [...back.keys()],
      )
    : [];
  // the order lines' COGS: + what shipments now cost more, − what returns now take back more
  const olDelta = new Map<number, Decimal>();
  for (const l of slines)
    olDelta.set(Number(l.order_line_id), (olDelta.get(Number(l.order_line_id)) ?? D(0)).plus(ship.get(Number(l.id))!));
  for (const l of rlines)
    olDelta.set(Number(l.order_line_id), (olDelta.get(Number(l.order_line_id)) ?? D(0)).minus(back.get(Number(l.id))!));
  const olIds = [...olDelta.keys()];
  const owners: Array<{ order_id: number }> = olIds.length
    ? await tx.query(`SELECT DISTINCT order_id FROM sales_order_line WHERE id IN (${marks(olIds.length)})`, olIds)
    : [];
  const orderIds = owners.map((o) => Number(o.order_id)).sort((a, b) => a - b);
  await lockRows(tx, 'sales_order', orderIds);

  for (const l of slines)
    await tx.query('UPDATE sales_shipment_line SET cogs = ? WHERE id = ?', [
      D(l.cogs)
        .plus(ship.get(Number(l.id))!)
        .toFixed(2),
      l.id,
    ]);
  for (const l of rlines)
    await tx.query('UPDATE sales_return_line SET restocked_cost = ? WHERE id = ?', [
      D(l.restocked_cost)
        .plus(back.get(Number(l.id))!)
        .toFixed(2),
      l.id,
    ]);
  if (!orderIds.length) return;
  const lines: Array<{
    id: number;
    order_id: number;
    shipped_amount: string;
    returned_amount: string;
    cogs: string;
    margin: string;
    gift: boolean | number;
  }> = await tx.query(
    `SELECT id, order_id, shipped_amount, returned_amount, cogs, margin, gift FROM sales_order_line WHERE order_id IN (${marks(orderIds.length)}) ORDER BY id`,
    orderIds,
  );
  const perOrder = new Map<number, Array<{ gift: boolean | number; cogs: string; margin: string }>>();
  for (const l of lines) {
    const d = olDelta.get(Number(l.id));
    let cogs = D(l.cogs);
    let margin = D(l.margin);
    if (d && !d.isZero()) {
      cogs = cogs.plus(d);
      // margin: net revenue (shipped − credited) − COGS
      margin = D(l.shipped_amount).minus(l.returned_amount).minus(cogs);
      await tx.query('UPDATE sales_order_line SET cogs = ?, margin = ? WHERE id = ?', [
        cogs.toFixed(2),
        margin.toFixed(2),
        l.id,
      ]);
    }
    const mine = perOrder.get(Number(l.order_id)) ?? [];
    mine.push({ gift: l.gift, cogs: cogs.toFixed(2), margin: margin.toFixed(2) });
    perOrder.set(Number(l.order_id), mine);
  }
  const prizes = await prizeOrderIds(tx, [...perOrder.keys()]);
  for (const [id, ls] of perOrder) {
    const t = orderFigures(ls, prizes.has(id));
    await tx.query('UPDATE sales_order SET cogs = ?, margin = ?, gift_cost = ? WHERE id = ?', [
      t.cogs,
      t.margin,
      t.giftCost,
      id,
    ]);
  }
}

type Db = DataSource | EntityManager;

/**
 * An order's figures from its lines: COGS and margin of what was sold, and the cost of the gifts
 * (promotion expense, kept out of the sale's COGS and margin). `prize`: the order delivers a lucky
 * draw's SKU prize (promotions' `prizeOrderIds`), so every line of it counts as a gift.
 */
export function orderFigures(
  lines: Array<{ gift: boolean | number | string | null; cogs: string | null; margin: string | null }>,
  prize = false,
) {
  const isGift = (l: { gift: boolean | number | string | null }) => prize || l.gift === true || Number(l.gift) === 1;
  const sum = (ls: typeof lines, f: (l: (typeof lines)[number]) => string | null) =>
    ls.reduce((s, l) => s.plus(f(l) ?? 0), D(0)).toFixed(2);
  const sold = lines.filter((l) => !isGift(l));
  return {
    cogs: sum(sold, (l) => l.cogs),
    margin: sum(sold, (l) => l.margin),
    giftCost: sum(lines.filter(isGift), (l) => l.cogs),
  };
}

/**
 * What reports of sales count: what was sold, not given. A gift line and every line of an order that
 * delivers a lucky draw's prize issue stock at cost as promotion expense (the order's gift cost), not
 * as the sale's COGS (`orderFigures`). `line`: the alias of a shipment or return line, `order`: of its
 * sales order.
 */
export const soldOnly = (line: string, order: string) => ({
  join: `JOIN sales_order_line sold_ol ON sold_ol.id = ${line}.order_line_id`,
  where: `sold_ol.gift = 0 AND ${order}.id NOT IN (${PRIZE_ORDERS_SQL})`,
});

/** Changes of shipment lines' COGS (one query for all the ids). */
export const shipmentLineCostChanges = (db: Db, ids: number[]) =>
  costChangesOf(db, 'sales_shipment', ids, shipmentEntries, -1);

/** Changes of return lines' restocked cost. */
export const returnLineCostChanges = (db: Db, ids: number[]) =>
  costChangesOf(db, 'sales_return', ids, returnEntries, 1);

/**
 * Changes of order lines' COGS: their shipments' (COGS up when an issue costs more) and their
 * returns' (COGS down when the restocked units are worth more), merged per cause.
 */
export async function orderLineCostChanges(db: Db, orderLineIds: number[]): Promise<Map<number, CostChange[]>> {
  const out = new Map<number, CostChange[]>();
  if (!orderLineIds.length) return out;
  const marks = orderLineIds.map(() => '?').join(',');
  const sl: Array<{ id: number; order_line_id: number }> = await db.query(
    `SELECT id, order_line_id FROM sales_shipment_line WHERE order_line_id IN (${marks})`,
    orderLineIds,
  );
  const rl: Array<{ id: number; order_line_id: number }> = await db.query(
    `SELECT id, order_line_id FROM sales_return_line WHERE order_line_id IN (${marks})`,
    orderLineIds,
  );
  const ship = await shipmentLineCostChanges(
    db,
    sl.map((l) => Number(l.id)),
  );
  const back = await costChangesOf(
    db,
    'sales_return',
    rl.map((l) => Number(l.id)),
    returnEntries,
    -1,
  );
  const parts = new Map<number, CostChange[][]>();
  for (const l of sl)
    parts.set(Number(l.order_line_id), [...(parts.get(Number(l.order_line_id)) ?? []), ship.get(Number(l.id)) ?? []]);
  for (const l of rl)
    parts.set(Number(l.order_line_id), [...(parts.get(Number(l.order_line_id)) ?? []), back.get(Number(l.id)) ?? []]);
  for (const [id, lists] of parts) out.set(id, mergeCostChanges(lists));
  return out;
}

/** Changes of orders' COGS (and so margin, the other way), merged over their lines. */
export async function orderCostChanges(db: Db, orderIds: number[]): Promise<Map<number, CostChange[]>> {
  const out = new Map<number, CostChange[]>();
  if (!orderIds.length) return out;
  const lines: Array<{ id: number; order_id: number }> = await db.query(
    `SELECT id, order_id FROM sales_order_line WHERE order_id IN (${orderIds.map(() => '?').join(',')})`,
    orderIds,
  );
  const byLine = await orderLineCostChanges(
    db,
    lines.map((l) => Number(l.id)),
  );
  const parts = new Map<number, CostChange[][]>();
  for (const l of lines)
    parts.set(Number(l.order_id), [...(parts.get(Number(l.order_id)) ?? []), byLine.get(Number(l.id)) ?? []]);
  for (const [id, lists] of parts) out.set(id, mergeCostChanges(lists));
  return out;
}

export interface RecomputedSales {
  shipmentLines: number;
  returnLines: number;
  orderLines: number;
  orders: number;
}

/**
 * `pnpm jxc recompute-cogs`: the shipment lines' COGS, the return lines' restocked cost and the
 * order lines' and orders' COGS and margin set to what the ledger says, for databases whose
 * re-costs happened before these figures followed them. Counts what changed (nothing the second
 * time); with `write` false it only counts.
 */
export async function recomputeSalesCosts(tx: EntityManager, write: boolean): Promise<RecomputedSales> {
  const out: RecomputedSales = { shipmentLines: 0, returnLines: 0, orderLines: 0, orders: 0 };
  const shipped = await ledgerLineValues(tx, 'sales_shipment', shipmentEntries);
  const restocked = await ledgerLineValues(tx, 'sales_return', returnEntries);
  const slines: Array<{ id: number; order_line_id: number; cogs: string }> = await tx.query(
    'SELECT id, order_line_id, cogs FROM sales_shipment_line',
  );
  const rlines: Array<{ id: number; order_line_id: number; restocked_cost: string }> = await tx.query(
    'SELECT id, order_line_id, restocked_cost FROM sales_return_line',
  );
  // each order line's COGS: Σ its shipments' COGS − Σ what its returns took back into stock
  const olCogs = new Map<number, Decimal>();
  const add = (ol: number, v: Decimal) => olCogs.set(ol, (olCogs.get(ol) ?? D(0)).plus(v));
  for (const l of slines) {
    const v = shipped.has(Number(l.id)) ? shipped.get(Number(l.id))!.neg() : D(l.cogs);
    add(Number(l.order_line_id), v);
    if (v.eq(D(l.cogs))) continue;
    out.shipmentLines++;
    if (write) await tx.query('UPDATE sales_shipment_line SET cogs = ? WHERE id = ?', [v.toFixed(2), l.id]);
  }
  for (const l of rlines) {
    const v = restocked.get(Number(l.id)) ?? D(l.restocked_cost);
    add(Number(l.order_line_id), v.neg());
    if (v.eq(D(l.restocked_cost))) continue;
    out.returnLines++;
    if (write) await tx.query('UPDATE sales_return_line SET restocked_cost = ? WHERE id = ?', [v.toFixed(2), l.id]);
  }
  const olines: Array<{
    id: number;
    order_id: number;
    shipped_amount: string;
    returned_amount: string;
    cogs: string;
    margin: string;
    gift: boolean | number;
  }> = await tx.query(
    'SELECT id, order_id, shipped_amount, returned_amount, cogs, margin, gift FROM sales_order_line ORDER BY order_id, id',
  );
  const perOrder = new Map<number, Array<{ gift: boolean | number; cogs: string; margin: string }>>();
  for (const l of olines) {
    const cogs = olCogs.get(Number(l.id)) ?? D(0);
    // margin: net revenue (shipped − credited) − COGS
    const margin = D(l.shipped_amount).minus(l.returned_amount).minus(cogs);
    const mine = perOrder.get(Number(l.order_id)) ?? [];
    mine.push({ gift: l.gift, cogs: cogs.toFixed(2), margin: margin.toFixed(2) });
    perOrder.set(Number(l.order_id), mine);
    if (cogs.eq(D(l.cogs ?? 0)) && margin.eq(D(l.margin ?? 0))) continue;
    out.orderLines++;
    if (write)
      await tx.query('UPDATE sales_order_line SET cogs = ?, margin = ? WHERE id = ?', [
        cogs.toFixed(2),
        margin.toFixed(2),
        l.id,
      ]);
  }
  const orders: Array<{ id: number; cogs: string | null; margin: string | null; gift_cost: string | null }> =
    await tx.query('SELECT id, cogs, margin, gift_cost FROM sales_order');
  const prizes = await prizeOrderIds(
    tx,
    orders.map((o) => Number(o.id)),
  );
  for (const o of orders) {
    const t = orderFigures(perOrder.get(Number(o.id)) ?? [], prizes.has(Number(o.id)));
    if (D(t.cogs).eq(D(o.cogs ?? 0)) && D(t.margin).eq(D(o.margin ?? 0)) && D(t.giftCost).eq(D(o.gift_cost ?? 0)))
      continue;
    out.orders++;
    if (write)
      await tx.query('UPDATE sales_order SET cogs = ?, margin = ?, gift_cost = ? WHERE id = ?', [
        t.cogs,
        t.margin,
        t.giftCost,
        o.id,
      ]);
  }
  return out;
}
