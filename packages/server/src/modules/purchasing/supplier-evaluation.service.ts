import Decimal from 'decimal.js';
import type { DataSource } from 'typeorm';
import { addDays, today } from '../../core/dates';
import { reducedShare, scorecards, daysLate, type Bucket, type Delivery } from '../../domain/evaluation';

export interface DeliveryRow extends Delivery {
  receiptNumber: string;
  orderId: number;
  orderNumber: string | null;
  daysLate: number;
}

/** Reads the receipts behind supplier scorecards; the scoring itself is domain/evaluation. */
export class SupplierEvaluationService {
  constructor(private readonly ds: DataSource) {}

  /** Every receipt of the period (both days included), oldest first, with what the scores need. */
  async deliveries(filter: { supplierId?: number; from?: string; to?: string }): Promise<DeliveryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.supplierId !== undefined) {
      where.push('r.supplier_id = ?');
      params.push(filter.supplierId);
    }
    if (filter.from) {
      where.push('r.business_date >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('r.business_date <= ?');
      params.push(filter.to);
    }
    const rows: any[] = await this.ds.query(
      `SELECT r.id, r.number, r.supplier_id, r.business_date, o.id AS order_id, o.number AS order_number, o.expected_date,
              rl.accepted_qty, rl.rejected_qty, ol.price, ol.agreed_price
         FROM purchase_receipt r
         JOIN purchase_order o ON o.id = r.order_id
         JOIN purchase_receipt_line rl ON rl.receipt_id = r.id
         JOIN purchase_order_line ol ON ol.id = rl.order_line_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.business_date, r.id`,
      params,
    );
    const out = new Map<number, DeliveryRow & { _acc: Decimal; _rej: Decimal; _paid: Decimal; _agreed: Decimal }>();
    for (const x of rows) {
      const id = Number(x.id);
      let d = out.get(id);
      if (!d) {
        const base = {
          receiptId: id,
          supplierId: Number(x.supplier_id),
          receivedOn: x.business_date,
          expectedOn: x.expected_date ?? null,
        };
        d = {
          ...base,
          receiptNumber: x.number,
          orderId: Number(x.order_id),
          orderNumber: x.order_number ?? null,
          daysLate: daysLate(base),
          accepted: '0',
          rejected: '0',
          paidAmount: '0.00',
          agreedAmount: '0.00',
          _acc: new Decimal(0),
          _rej: new Decimal(0),
          _paid: new Decimal(0),
          _agreed: new Decimal(0),
        };
        out.set(id, d);
      }
      d._acc = d._acc.plus(x.accepted_qty);
      d._rej = d._rej.plus(x.rejected_qty);
      // price is scored where an agreement existed on the order date
      if (x.agreed_price !== null && x.agreed_price !== undefined) {
        d._paid = d._paid.plus(new Decimal(x.accepted_qty).times(x.price));
        d._agreed = d._agreed.plus(new Decimal(x.accepted_qty).times(x.agreed_price));
      }
    }
    return [...out.values()].map(({ _acc, _rej, _paid, _agreed, ...d }) => ({
      ...d,
      accepted: _acc.toFixed(),
      rejected: _rej.toFixed(),
      paidAmount: _paid.toFixed(2),
      agreedAmount: _agreed.toFixed(2),
    }));
  }

  async scorecards(filter: { supplierId?: number; from?: string; to?: string }, bucket: Bucket) {
    const from = filter.from ?? addDays(today(), -365);
    return scorecards(await this.deliveries({ ...filter, from }), bucket);
  }

  /** The notes' rule on the supplier's two latest deliveries, whenever they were. */
  async reducedShare(supplierIds: number[]): Promise<Map<number, { flagged: boolean; lastTwoDaysLate: number[] }>> {
    const out = new Map<number, { flagged: boolean; lastTwoDaysLate: number[] }>();
    if (!supplierIds.length) return out;
    const rows: any[] = await this.ds.query(
      `SELECT r.id, r.supplier_id, r.business_date, o.expected_date FROM purchase_receipt r JOIN purchase_order o ON o.id = r.order_id
        WHERE r.supplier_id IN (${supplierIds.map(() => '?').join(',')})`,
      supplierIds,
    );
    for (const id of supplierIds) {
      const mine = rows
        .filter((r) => Number(r.supplier_id) === id)
        .map((r) => ({ receiptId: Number(r.id), receivedOn: r.business_date, expectedOn: r.expected_date ?? null }));
      out.set(id, reducedShare(mine));
    }
    return out;
  }
}
