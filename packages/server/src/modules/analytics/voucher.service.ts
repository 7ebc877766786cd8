import type { DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, conflict } from '../../core/errors';
import { exportCsv, exportXlsx, type ExportFile } from '../../core/export';
import type { AuditService } from '../audit';
import * as sql from './analytics-sql';
import { VoucherAccount } from './voucher-account.entity';

/** The default chart (企业会计准则 codes); admins map them to their own in settings. */
export const DEFAULT_ACCOUNTS: Record<string, [string, string]> = {
  INVENTORY: ['1405', '库存商品'],
  COGS: ['6401', '主营业务成本'],
  REVENUE: ['6001', '主营业务收入'],
  RECEIVABLE: ['1122', '应收账款'],
  PAYABLE: ['2202', '应付账款'],
  GRNI: ['220201', '应付账款-暂估'],
  ADJUSTMENT: ['1901', '待处理财产损溢'],
  BANK: ['1002', '银行存款'],
};
/** Which accounts a document's value goes to: [debit, credit] for a positive value (stock coming in, money owed or paid). */
const RULES: Record<string, [string, string]> = {
  sales_shipment: ['INVENTORY', 'COGS'],
  sales_return: ['INVENTORY', 'COGS'],
  purchase_receipt: ['INVENTORY', 'GRNI'],
  purchase_return: ['INVENTORY', 'GRNI'],
  other_in: ['INVENTORY', 'ADJUSTMENT'],
  other_out: ['INVENTORY', 'ADJUSTMENT'],
  adjustment: ['INVENTORY', 'ADJUSTMENT'],
  sales_invoice: ['RECEIVABLE', 'REVENUE'],
  customer_payment: ['BANK', 'RECEIVABLE'],
  supplier_invoice: ['GRNI', 'PAYABLE'],
  supplier_payment: ['PAYABLE', 'BANK'],
  // a purchase return's credit for goods invoiced already: the invoice's entry, negative
  supplier_credit: ['GRNI', 'PAYABLE'],
};
const COLUMNS = ['date', 'voucherNo', 'summary', 'accountCode', 'accountName', 'debit', 'credit'] as const;
const HEADERS = {
  date: '凭证日期',
  voucherNo: '凭证号',
  summary: '摘要',
  accountCode: '科目代码',
  accountName: '科目名称',
  debit: '借方金额',
  credit: '贷方金额',
};

/**
 * 凭证导出: the period's postings as two-line vouchers (one per document and business day) in the
 * columns Kingdee and Yonyou import: stock in and out, COGS, receivables, payables, payments.
 * Ledger values are the documents' current ones (re-costs included); transfers net to nothing.
 */
export class VoucherService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async accounts(): Promise<VoucherAccount[]> {
    const saved = new Map((await this.ds.getRepository(VoucherAccount).find()).map((a) => [a.key, a]));
    return Object.entries(DEFAULT_ACCOUNTS).map(
      ([key, [code, name]]) => saved.get(key) ?? ({ key, code, name, version: 0 } as VoucherAccount),
    );
  }

  async setAccount(ctx: Context, key: string, code: string, name: string, version: number): Promise<VoucherAccount> {
    if (!DEFAULT_ACCOUNTS[key])
      throw badInput([{ field: 'key', message: `One of ${Object.keys(DEFAULT_ACCOUNTS).join(', ')}.` }]);
    if (!code.trim() || !name.trim()) throw badInput([{ field: 'code', message: 'A code and a name.' }]);
    return inTransaction(this.ds, async (tx) => {
      const repo = tx.getRepository(VoucherAccount);
      const before = await repo.findOne({ where: { key } });
      if ((before?.version ?? 0) !== version) throw conflict(before?.version ?? 0);
      if (before) {
        const r = await repo.update({ key, version }, { code, name, version: version + 1 });
        if (!r.affected) throw conflict(version + 1);
      } else await repo.insert({ key, code, name, version: 1 });
      const after = await repo.findOneByOrFail({ key });
      await this.audit.record(tx, ctx, {
        action: 'voucherAccount.set',
        entityType: 'VoucherAccount',
        entityId: key,
        before,
        after,
      });
      return after;
    });
  }

  async rows(from: string, to: string) {
    const acc = new Map((await this.accounts()).map((a) => [a.key, a]));
    const docs = [
      ...(await sql.ledgerValuesByDocument(this.ds, from, to)),
      ...(await sql.moneyDocuments(this.ds, from, to)),
    ]
      .filter((d) => RULES[d.type] && !d.value.isZero())
      .sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || a.id - b.id);
    const out: Array<Record<(typeof COLUMNS)[number], string>> = [];
    docs.forEach((d, i) => {
      // a ledger value is signed (issues negative): a negative value swaps the rule's sides
      const [dr, cr] = RULES[d.type];
      const [debit, credit] = d.value.gte(0) ? [dr, cr] : [cr, dr];
      const v = d.value.abs().toFixed(2);
      const no = String(i + 1).padStart(4, '0');
      const summary = `${d.type} ${d.number}`;
      for (const [key, side] of [
        [debit, 'debit'],
        [credit, 'credit'],
      ] as const) {
        const a = acc.get(key)!;
        out.push({
          date: d.date,
          voucherNo: no,
          summary,
          accountCode: a.code,
          accountName: a.name,
          debit: side === 'debit' ? v : '',
          credit: side === 'credit' ? v : '',
        });
      }
    });
    return out;
  }

  async export(ctx: Context, from: string, to: string, format: 'CSV' | 'XLSX'): Promise<ExportFile> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || to < from)
      throw badInput([{ field: 'to', message: 'A period of days (YYYY-MM-DD), from ≤ to.' }]);
    const rows = await this.rows(from, to);
    const get = (r: Record<string, string>, c: string) => r[c];
    if (format === 'CSV') return exportCsv(ctx, 'VoucherLine', `vouchers-${from}-${to}`, COLUMNS, rows, get, HEADERS);
    return exportXlsx(
      ctx,
      'VoucherLine',
      `vouchers-${from}-${to}`,
      COLUMNS.map((key) => ({ key, header: HEADERS[key], text: key === 'accountCode' || key === 'voucherNo' })),
      rows,
      (r: Record<string, string>, c) => ((c === 'debit' || c === 'credit') && r[c] ? Number(r[c]) : r[c]),
    );
  }
}
