import { Decimal } from 'decimal.js';
import { In, type DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, DomainError, type FieldProblem } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import type { AuditService } from '../audit';
import { type SupplierService } from '../partners';
import { PurchaseOrderLine } from './purchase-order.entity';
import { PurchaseReceipt, PurchaseReceiptLine, PurchaseReturn } from './purchase-receipt.entity';
import type { CreateSupplierInvoiceInput, RecordSupplierPaymentInput, SupplierPayable } from './purchasing.types';
import { SupplierInvoice, SupplierInvoiceLine, SupplierPayment } from './supplier-invoice.entity';
import { now } from '../../core/dates';
import { lockRows } from '../../core/sql';
import { addDays, daysBetween, today } from '../../core/dates';

const D = (s: string | number) => new Decimal(s);
const round2 = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const PRICE_TOLERANCE = D('0.01');

export class SupplierInvoiceService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly suppliers: SupplierService,
  ) {}

  async invoices(supplierId?: string | null, page?: PageInput | null): Promise<Page<SupplierInvoice>> {
    const { offset, limit } = clampPage(page);
    const where = supplierId ? { supplierId: Number(supplierId) || -1 } : {};
    const [items, total] = await this.ds
      .getRepository(SupplierInvoice)
      .findAndCount({ where, order: { invoiceDate: 'DESC', id: 'DESC' }, skip: offset, take: limit });
    return { items, total, offset, limit };
  }

  invoiceLines(invoiceIds: number[]): Promise<SupplierInvoiceLine[]> {
    if (!invoiceIds.length) return Promise.resolve([]);
    return this.ds
      .getRepository(SupplierInvoiceLine)
      .find({ where: { invoiceId: In(invoiceIds) }, order: { invoiceId: 'ASC', lineNo: 'ASC' } });
  }

  async payments(supplierId?: string | null, page?: PageInput | null): Promise<Page<SupplierPayment>> {
    const { offset, limit } = clampPage(page);
    const where = supplierId ? { supplierId: Number(supplierId) || -1 } : {};
    const [items, total] = await this.ds
      .getRepository(SupplierPayment)
      .findAndCount({ where, order: { paidOn: 'DESC', id: 'DESC' }, skip: offset, take: limit });
    return { items, total, offset, limit };
  }

  /**
   * Three-way match, line by line: the receipt line must be this supplier's, the quantity at most
   * accepted − returned − already invoiced, and the unit price the order's within 0.01. Any
   * mismatch refuses the whole invoice with INVOICE_MISMATCH naming each line.
   */
  async create(ctx: Context, input: CreateSupplierInvoiceInput): Promise<SupplierInvoice> {
    return inTransaction(this.ds, async (tx) => {
      const supplier = await this.suppliers.get(input.supplierId, tx);
      await this.suppliers.lock(tx, supplier.id);
      const problems: FieldProblem[] = [];
      if (!input.lines.length) problems.push({ field: 'lines', message: 'Add at least one line.' });
      const invoiceNo = input.invoiceNo.trim();
      if (await tx.findOne(SupplierInvoice, { where: { supplierId: supplier.id, invoiceNo } }))
        problems.push({ field: 'invoiceNo', message: 'This supplier invoice is recorded already.' });
      const rlIds = input.lines.map((l) => Number(l.receiptLineId) || -1);
      const rlines = await tx.find(PurchaseReceiptLine, { where: { id: In(rlIds) } });
      const receipts = rlines.length
        ? await tx.find(PurchaseReceipt, { where: { id: In([...new Set(rlines.map((l) => l.receiptId))]) } })
        : [];
      // returns lock the order: so do we, after the supplier (the one order of locks)
      await lockRows(
        tx,
        'purchase_order',
        receipts.map((r) => r.orderId),
      );
      const fresh = rlines.length ? await tx.find(PurchaseReceiptLine, { where: { id: In(rlIds) } }) : [];
      const orderLines = fresh.length
        ? await tx.find(PurchaseOrderLine, { where: { id: In(fresh.map((l) => l.orderLineId)) } })
        : [];
      const mismatches: Array<{
        index: number;
        receiptLineId: number;
        field: string;
        message: string;
        expected: string;
        got: string;
      }> = [];
      const asking = new Map<number, Decimal>();
      input.lines.forEach((l, i) => {
        const at = (f: string) => `lines[${i}].${f}`;
        const rl = fresh.find((x) => x.id === Number(l.receiptLineId));
        const receipt = rl && receipts.find((r) => r.id === rl.receiptId);
        if (!rl || !receipt || receipt.supplierId !== supplier.id)
          return void problems.push({ field: at('receiptLineId'), message: 'Not a receipt line of this supplier.' });
        const q = D(l.qty);
        const p = D(l.unitPrice);
        if (!q.gt(0)) problems.push({ field: at('qty'), message: 'The quantity must be more than zero.' });
        if (p.lt(0)) problems.push({ field: at('unitPrice'), message: 'A price cannot be negative.' });
        if (p.decimalPlaces() > 6) problems.push({ field: at('unitPrice'), message: 'At most 6 decimal places.' });
        const sum = (asking.get(rl.id) ?? D(0)).plus(q);
        asking.set(rl.id, sum);
        const open = D(rl.acceptedQty).minus(rl.returnedQty).minus(rl.invoicedQty);
        if (sum.gt(open)) {
          mismatches.push({
            index: i,
            receiptLineId: rl.id,
            field: at('qty'),
            message: `Line ${i + 1}: invoiced ${sum.toFixed()} but only ${open.toFixed()} received and not yet invoiced (accepted ${D(rl.acceptedQty).toFixed()}, returned ${D(rl.returnedQty).toFixed()}, invoiced ${D(rl.invoicedQty).toFixed()}).`,
            expected: open.toFixed(),
            got: sum.toFixed(),
          });
        }
        const ordered = D(orderLines.find((x) => x.id === rl.orderLineId)!.price!);
        if (p.minus(ordered).abs().gt(PRICE_TOLERANCE)) {
          mismatches.push({
            index: i,
            receiptLineId: rl.id,
            field: at('unitPrice'),
            message: `Line ${i + 1}: unit price ${p.toFixed()} differs from the order price ${ordered.toFixed()}.`,
            expected: ordered.toFixed(),
            got: p.toFixed(),
          });
        }
      });
      if (problems.length) throw badInput(problems, 'The invoice has problems; nothing was saved.');
      if (mismatches.length) {
        throw new DomainError(
          'INVOICE_MISMATCH',
          `The invoice does not match its receipts: ${mismatches.map((m) => m.message).join(' ')}`,
          { lines: mismatches },
        );
      }
      const amounts = input.lines.map((l) => round2(D(l.qty).times(l.unitPrice)));
      const total = amounts.reduce((s, a) => s.plus(a), D(0));
      const invoice = await tx.save(
        tx.create(SupplierInvoice, {
          supplierId: supplier.id,
          invoiceNo,
          invoiceDate: input.invoiceDate,
          dueDate: addDays(input.invoiceDate, supplier.paymentTermsDays),
          total: total.toFixed(2),
          memo: input.memo ?? '',
          createdBy: ctx.user!.id,
          createdAt: now(),
        }),
      );
      const lines = await tx.save(
        input.lines.map((l, i) => {
          const rl = fresh.find((x) => x.id === Number(l.receiptLineId))!;
          return tx.create(SupplierInvoiceLine, {
            invoiceId: invoice.id,
            lineNo: i + 1,
            receiptLineId: rl.id,
            orderLineId: rl.orderLineId,
            skuId: rl.skuId,
            qty: D(l.qty).toFixed(6),
            unitPrice: D(l.unitPrice).toFixed(6),
            amount: amounts[i].toFixed(2),
          });
        }),
      );
      for (const [rlId, q] of asking) {
        const rl = fresh.find((x) => x.id === rlId)!;
        await tx.update(PurchaseReceiptLine, { id: rlId }, { invoicedQty: D(rl.invoicedQty).plus(q).toFixed(6) });
        const ol = orderLines.find((x) => x.id === rl.orderLineId)!;
        ol.invoicedQty = D(ol.invoicedQty).plus(q).toFixed(6);
        await tx.update(PurchaseOrderLine, { id: ol.id }, { invoicedQty: ol.invoicedQty });
      }
      await this.audit.record(tx, ctx, {
        action: 'supplierInvoice.create',
        entityType: 'SupplierInvoice',
        entityId: invoice.id,
        after: {
          supplierId: supplier.id,
          invoiceNo,
          invoiceDate: invoice.invoiceDate,
          total: invoice.total,
          lines: lines.map((l) => ({ receiptLineId: l.receiptLineId, qty: l.qty, unitPrice: l.unitPrice })),
        },
      });
      return invoice;
    });
  }

  private async totals(supplierIds: number[] | null) {
    const filter = (alias: string) =>
      supplierIds ? ` WHERE ${alias}.supplier_id IN (${supplierIds.map(() => '?').join(',')})` : '';
    const params = supplierIds ?? [];
    const inv: Array<{ supplier_id: number; total: string; due_date: string; invoice_date: string }> =
      await this.ds.query(
        `SELECT i.supplier_id, i.total, i.due_date, i.invoice_date FROM supplier_invoice i${filter('i')} ORDER BY i.due_date, i.id`,
        params,
      );
    const pay: Array<{ supplier_id: number; amount: string }> = await this.ds.query(
      `SELECT p.supplier_id, p.amount FROM supplier_payment p${filter('p')}`,
      params,
    );
    // what suppliers owe back for returned goods they had invoiced (summed here: exact on SQLite too)
    const cred: Array<{ supplier_id: number; credit: string }> = await this.ds.query(
      `SELECT r.supplier_id, r.credit FROM purchase_return r${filter('r')}`,
      params,
    );
    return { inv, pay, cred };
  }

  /**
   * Per supplier: Σ invoices, Σ payments, open = invoices − payments − what the supplier owes back
   * for invoiced goods returned (purchase returns' credit); overdue = what of the open amount is
   * past due (payments and credits settle the oldest due first).
   */
  async payables(supplierId?: string | null): Promise<SupplierPayable[]> {
    const { inv, pay, cred } = await this.totals(supplierId ? [Number(supplierId) || -1] : null);
    const ids = [...new Set([...inv.map((r) => Number(r.supplier_id)), ...pay.map((r) => Number(r.supplier_id))])];
    const suppliers = await this.suppliers.byIds(ids);
    const now = today();
    return suppliers
      .map((s) => {
        const mine = inv.filter((r) => Number(r.supplier_id) === s.id);
        const invoiced = mine.reduce((a, r) => a.plus(r.total), D(0));
        const paid = pay.filter((r) => Number(r.supplier_id) === s.id).reduce((a, r) => a.plus(r.amount), D(0));
        const credited = cred.filter((r) => Number(r.supplier_id) === s.id).reduce((a, r) => a.plus(r.credit), D(0));
        let settle = paid.plus(credited);
        let overdue = D(0);
        // ageing as receivables: what is open of each invoice, by the days since its date
        const age = { age0to30: D(0), age31to60: D(0), age61to90: D(0), ageOver90: D(0) };
        for (const r of mine) {
          const covered = Decimal.min(settle, r.total);
          settle = settle.minus(covered);
          const open = D(r.total).minus(covered);
          if (r.due_date < now) overdue = overdue.plus(open);
          if (!open.gt(0)) continue;
          const days = daysBetween(String(r.invoice_date).slice(0, 10), now);
          const k = days <= 30 ? 'age0to30' : days <= 60 ? 'age31to60' : days <= 90 ? 'age61to90' : 'ageOver90';
          age[k] = age[k].plus(open);
        }
        return {
          supplierId: s.id,
          supplierCode: s.code,
          supplierName: s.name,
          invoiced: invoiced.toFixed(2),
          paid: paid.toFixed(2),
          open: invoiced.minus(paid).minus(credited).toFixed(2),
          overdue: overdue.toFixed(2),
          age0to30: age.age0to30.toFixed(2),
          age31to60: age.age31to60.toFixed(2),
          age61to90: age.age61to90.toFixed(2),
          ageOver90: age.ageOver90.toFixed(2),
        };
      })
      .sort((a, b) => a.supplierCode.localeCompare(b.supplierCode));
  }

  /** A payment reduces the open amount; it cannot exceed it. */
  async pay(ctx: Context, input: RecordSupplierPaymentInput): Promise<SupplierPayment> {
    const amount = D(input.amount);
    if (!amount.gt(0) || amount.decimalPlaces() > 2)
      throw badInput([{ field: 'amount', message: 'An amount above zero with at most 2 decimals.' }]);
    return inTransaction(this.ds, async (tx) => {
      // payments of one supplier one at a time, so two cannot both fit under the open amount
      const supplier = await this.suppliers.lockOne(tx, Number(input.supplierId));
      if (!supplier) throw badInput([{ field: 'supplierId', message: 'Unknown supplier.' }]);
      // summed in TypeScript: exact on both databases (SQLite would sum TEXT as a float)
      const invoiced = (await tx.find(SupplierInvoice, { where: { supplierId: supplier.id } })).reduce(
        (s, i) => s.plus(i.total!),
        D(0),
      );
      const paid = (await tx.find(SupplierPayment, { where: { supplierId: supplier.id } })).reduce(
        (s, x) => s.plus(x.amount!),
        D(0),
      );
      const credited = (await tx.find(PurchaseReturn, { where: { supplierId: supplier.id } })).reduce(
        (s, r) => s.plus(r.credit ?? 0),
        D(0),
      );
      const open = invoiced.minus(paid).minus(credited);
      if (amount.gt(open)) {
        throw badInput(
          [
            {
              field: 'amount',
              message: `Only ${open.toFixed(2)} is open for ${supplier.name}; a payment cannot exceed it.`,
            },
          ],
          `The payment exceeds the open amount ${open.toFixed(2)}.`,
        );
      }
      const p = await tx.save(
        tx.create(SupplierPayment, {
          supplierId: supplier.id,
          paidOn: input.paidOn ?? today(),
          amount: amount.toFixed(2),
          reference: input.reference?.trim() ?? '',
          createdBy: ctx.user!.id,
          createdAt: now(),
        }),
      );
      await this.audit.record(tx, ctx, {
        action: 'supplierPayment.create',
        entityType: 'SupplierPayment',
        entityId: p.id,
        after: { supplierId: supplier.id, amount: p.amount, paidOn: p.paidOn, reference: p.reference },
      });
      return p;
    });
  }
}
