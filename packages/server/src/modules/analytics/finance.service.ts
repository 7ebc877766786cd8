import { Decimal } from 'decimal.js';
import type { DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { daysBetween, now, today } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { badInput, forbidden, notFound } from '../../core/errors';
import { exportXlsx, type ExportFile } from '../../core/export';
import { inLocale } from '../../core/locale';
import { P } from '../../core/permissions/catalogue';
import { can } from '../../core/permissions/guard';
import type { AuditService } from '../audit';
import * as sql from './analytics-sql';
import type { CloseChecklist, ConfirmStatementInput, PayableAgeing, Statement, StatementParty } from './finance.types';
import { StatementConfirmation } from './statement.entity';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const Z = () => new Decimal(0);

/**
 * 对账单 for customers and suppliers, the customer's (or supplier's) confirmation, payables ageing
 * and the period close checklist. A customer's balance is invoices − return credits − payments,
 * as in receivables; a supplier's invoices − payments, as in payables.
 */
export class FinanceService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async partyOf(ctx: Context, party: StatementParty, id: number) {
    if (party === 'CUSTOMER' ? !can(ctx, P.SalesReceivableRead) : !can(ctx, P.PurchasingPayableRead))
      throw forbidden('You may not read this statement.');
    const p = await sql.party(this.ds, party, id);
    const ownerScoped = party === 'CUSTOMER' && can(ctx, P.SalesCustomerRead) && !can(ctx, P.SalesCustomerAll);
    if (!p || (ownerScoped && p.ownerId !== ctx.user?.id))
      throw notFound(party === 'CUSTOMER' ? 'This customer' : 'This supplier');
    return p;
  }

  async statement(ctx: Context, party: StatementParty, partyId: string, from: string, to: string): Promise<Statement> {
    if (!DAY.test(from) || !DAY.test(to) || to < from)
      throw badInput([{ field: 'to', message: 'A period of days (YYYY-MM-DD), from ≤ to.' }]);
    const p = await this.partyOf(ctx, party, Number(partyId));
    const entries =
      party === 'CUSTOMER'
        ? await sql.customerEntries(this.ds, p.id, to)
        : await sql.supplierEntries(this.ds, p.id, to);
    const sign = (e: sql.PartyEntry) => (e.kind === 'INVOICE' ? e.amount : e.amount.neg());
    let balance = entries.filter((e) => e.date < from).reduce((a, e) => a.plus(sign(e)), Z());
    const opening = balance;
    const sums = { INVOICE: Z(), PAYMENT: Z(), CREDIT: Z() };
    const lines = entries
      .filter((e) => e.date >= from)
      .map((e) => {
        balance = balance.plus(sign(e));
        sums[e.kind] = sums[e.kind].plus(e.amount);
        return {
          date: e.date,
          kind: e.kind,
          number: e.number,
          debit: (e.kind === 'INVOICE' ? e.amount : Z()).toFixed(2),
          credit: (e.kind === 'INVOICE' ? Z() : e.amount).toFixed(2),
          balance: balance.toFixed(2),
        };
      });
    const confirmations = await this.ds.getRepository(StatementConfirmation).find({
      where: { party, partyId: p.id, dateFrom: from, dateTo: to },
      order: { id: 'ASC' },
    });
    return {
      party,
      partyId: p.id,
      partyName: p.name,
      from,
      to,
      opening: opening.toFixed(2),
      invoiced: sums.INVOICE.toFixed(2),
      paid: sums.PAYMENT.toFixed(2),
      credited: sums.CREDIT.toFixed(2),
      closing: balance.toFixed(2),
      lines,
      confirmations,
    };
  }

  /** Records that the other side confirmed the closing balance (refused when it no longer matches). */
  async confirm(ctx: Context, input: ConfirmStatementInput): Promise<StatementConfirmation> {
    const s = await this.statement(ctx, input.party, input.partyId, input.from, input.to);
    if (!new Decimal(input.closing).eq(s.closing))
      throw badInput([{ field: 'closing', message: `The statement now closes at ${s.closing}.` }]);
    return inTransaction(this.ds, async (tx) => {
      const row = await tx.getRepository(StatementConfirmation).save({
        party: input.party,
        partyId: s.partyId,
        dateFrom: input.from,
        dateTo: input.to,
        closing: s.closing,
        confirmedBy: input.confirmedBy,
        note: input.note ?? '',
        recordedBy: ctx.user!.id,
        recordedAt: now(),
      });
      await this.audit.record(tx, ctx, {
        action: 'statement.confirm',
        entityType: 'StatementConfirmation',
        entityId: row.id,
        after: row,
      });
      return row;
    });
  }

  async exportStatement(
    ctx: Context,
    party: StatementParty,
    partyId: string,
    from: string,
    to: string,
  ): Promise<ExportFile> {
    const s = await this.statement(ctx, party, partyId, from, to);
    const h = inLocale(ctx, {
      'zh-CN': {
        date: '日期',
        kind: '类型',
        number: '单号',
        debit: '增加',
        credit: '减少',
        balance: '余额',
        opening: '期初余额',
        closing: '期末余额',
        INVOICE: '发票',
        PAYMENT: '付款',
        CREDIT: '退货冲减',
      },
      en: {
        date: 'Date',
        kind: 'Kind',
        number: 'Number',
        debit: 'Debit',
        credit: 'Credit',
        balance: 'Balance',
        opening: 'Opening balance',
        closing: 'Closing balance',
        INVOICE: 'Invoice',
        PAYMENT: 'Payment',
        CREDIT: 'Credit',
      },
    });
    const rows = [
      { date: s.from, kind: h.opening, number: s.partyName, debit: null, credit: null, balance: s.opening },
      ...s.lines.map((l) => ({ ...l, kind: h[l.kind as 'INVOICE'] })),
      {
        date: s.to,
        kind: h.closing,
        number: '',
        debit: s.invoiced,
        credit: new Decimal(s.paid).plus(s.credited).toFixed(2),
        balance: s.closing,
      },
    ];
    const cols = (['date', 'kind', 'number', 'debit', 'credit', 'balance'] as const).map((k) => ({
      key: k,
      header: h[k],
      width: k === 'number' ? 24 : 14,
    }));
    return exportXlsx(
      ctx,
      'StatementLine',
      `statement-${party.toLowerCase()}-${s.partyId}`,
      cols,
      rows,
      (r: any, c) => {
        const v = r[c];
        return ['debit', 'credit', 'balance'].includes(c) && v !== null ? Number(v) : v;
      },
    );
  }

  /** Open supplier invoices by age as of a day; payments settle the oldest due first. */
  async payablesAgeing(ctx: Context, asOf = today()): Promise<PayableAgeing[]> {
    if (!can(ctx, P.PurchasingPayableRead)) throw forbidden();
    const { invoices, payments } = await sql.allSupplierEntries(this.ds, asOf);
    const ids = [...new Set(invoices.map((i) => i.supplierId))];
    const names = await sql.labels(this.ds, 'supplier', ids);
    return ids
      .map((id) => {
        let pool = payments.filter((p) => p.supplierId === id).reduce((a, p) => a.plus(p.amount), Z());
        const b = { age0to30: Z(), age31to60: Z(), age61to90: Z(), ageOver90: Z() };
        let overdue = Z();
        for (const inv of invoices.filter((i) => i.supplierId === id)) {
          const covered = Decimal.min(pool, inv.amount);
          pool = pool.minus(covered);
          const open = inv.amount.minus(covered);
          if (!open.gt(0)) continue;
          const age = daysBetween(inv.date, asOf);
          const k = age <= 30 ? 'age0to30' : age <= 60 ? 'age31to60' : age <= 90 ? 'age61to90' : 'ageOver90';
          b[k] = b[k].plus(open);
          if (inv.dueDate < asOf) overdue = overdue.plus(open);
        }
        const open = b.age0to30.plus(b.age31to60).plus(b.age61to90).plus(b.ageOver90);
        return {
          supplierId: id,
          supplier: names.get(id) ?? String(id),
          open: open.toFixed(2),
          age0to30: b.age0to30.toFixed(2),
          age31to60: b.age31to60.toFixed(2),
          age61to90: b.age61to90.toFixed(2),
          ageOver90: b.ageOver90.toFixed(2),
          overdue: overdue.toFixed(2),
        };
      })
      .filter((r) => new Decimal(r.open).gt(0))
      .sort((a, b) => a.supplier.localeCompare(b.supplier));
  }

  /** What is left before the period may be closed through a day. */
  async closeChecklist(ctx: Context, through: string): Promise<CloseChecklist> {
    if (!DAY.test(through)) throw badInput([{ field: 'through', message: 'A day as YYYY-MM-DD.' }]);
    const b = await sql.closeBlockers(this.ds, through);
    const links: Record<keyof typeof b, string> = {
      draftStockDocuments: '/inventory/documents?status=draft',
      draftPurchaseOrders: '/purchasing/orders?status=draft',
      draftSalesOrders: '/sales/orders?status=draft',
      unmatchedReceiptLines: '/purchasing/payables',
      negativeStock: '/inventory/levels',
    };
    const checks = (Object.keys(b) as Array<keyof typeof b>).map((key) => ({
      key,
      count: b[key],
      ok: b[key] === 0,
      link: links[key],
    }));
    const settings = await ctx.services.settings.get();
    return { through, closedThrough: settings.closedThrough, checks, ready: checks.every((c) => c.ok) };
  }
}
