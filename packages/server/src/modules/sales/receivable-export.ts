import type { Context } from '../../core/context';
import { exportCsv, exportXlsx } from '../../core/export';
import { inLocale, type Locale } from '../../core/locale';
import type { CustomerReceivable } from './sales.types';

const COLUMNS = [
  'customerCode',
  'customerName',
  'invoiced',
  'credited',
  'paid',
  'balance',
  'age0to30',
  'age31to60',
  'age61to90',
  'ageOver90',
  'overdue',
  'openInvoices',
] as const;

const HEADERS: Record<Locale, Record<(typeof COLUMNS)[number], string>> = {
  'zh-CN': {
    customerCode: '客户编码',
    customerName: '客户',
    invoiced: '已开票',
    credited: '退货冲减',
    paid: '已收款',
    balance: '应收余额',
    age0to30: '0–30 天',
    age31to60: '31–60 天',
    age61to90: '61–90 天',
    ageOver90: '90 天以上',
    overdue: '逾期',
    openInvoices: '未结发票数',
  },
  en: {
    customerCode: 'Customer code',
    customerName: 'Customer',
    invoiced: 'Invoiced',
    credited: 'Credited',
    paid: 'Paid',
    balance: 'Balance',
    age0to30: '0–30 days',
    age31to60: '31–60 days',
    age61to90: '61–90 days',
    ageOver90: 'Over 90 days',
    overdue: 'Overdue',
    openInvoices: 'Open invoices',
  },
};

/**
 * 应收账款 as CSV or xlsx: the same rows as customerReceivables (a salesperson's own customers, all
 * for those who see all customers), the same field rule for the columns, headers in the requester's language.
 */
export async function exportCustomerReceivables(ctx: Context, asOf?: string | null, xlsx?: boolean | null) {
  const rows = await ctx.services.receivables.receivables(ctx, { asOf });
  const headers = inLocale(ctx, HEADERS);
  const get = (r: CustomerReceivable, c: string) => (r as unknown as Record<string, unknown>)[c];
  return xlsx
    ? exportXlsx(
        ctx,
        'CustomerReceivable',
        'receivables',
        COLUMNS.map((key) => ({ key, header: headers[key], text: key === 'customerCode' })),
        rows,
        get,
      )
    : exportCsv(ctx, 'CustomerReceivable', 'receivables', COLUMNS, rows, get, headers);
}
