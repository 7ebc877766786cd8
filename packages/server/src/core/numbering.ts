import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Default patterns; a company overrides them in settings. {yyyyMMdd} resets the counter daily, {yyyyMM} monthly, {yyyy} yearly. */
export const DEFAULT_PATTERNS: Record<string, string> = {
  other_in: 'QR-{yyyyMMdd}-{0000}',
  other_out: 'QC-{yyyyMMdd}-{0000}',
  transfer: 'TR-{yyyyMMdd}-{0000}',
  adjustment: 'TZ-{yyyyMMdd}-{0000}',
  stocktake: 'PD-{yyyyMMdd}-{0000}',
  purchase_order: 'PO-{yyyyMMdd}-{0000}',
  purchase_receipt: 'PR-{yyyyMMdd}-{0000}',
  purchase_return: 'PT-{yyyyMMdd}-{0000}',
  landed_cost: 'LC-{yyyyMMdd}-{0000}',
  sales_order: 'SO-{yyyyMMdd}-{0000}',
  sales_shipment: 'SS-{yyyyMMdd}-{0000}',
  sales_return: 'SR-{yyyyMMdd}-{0000}',
  sales_invoice: 'SI-{yyyyMMdd}-{0000}',
};

const TOKEN = /\{(yyyyMMdd|yyyyMM|yyyy|0+)\}/g;

export function validPattern(p: string): boolean {
  return /\{0+\}/.test(p) && p.length <= 30 && p.replace(TOKEN, '').length <= 20;
}

/** The counter's period for a pattern and a YYYY-MM-DD date. */
export function periodOf(pattern: string, date: string): string {
  const d = date.replace(/-/g, '');
  if (pattern.includes('{yyyyMMdd}')) return d;
  if (pattern.includes('{yyyyMM}')) return d.slice(0, 6);
  if (pattern.includes('{yyyy}')) return d.slice(0, 4);
  return 'all';
}

export function formatNumber(pattern: string, date: string, n: number): string {
  const d = date.replace(/-/g, '');
  return pattern.replace(TOKEN, (_m, t: string) =>
    t === 'yyyyMMdd'
      ? d
      : t === 'yyyyMM'
        ? d.slice(0, 6)
        : t === 'yyyy'
          ? d.slice(0, 4)
          : String(n).padStart(t.length, '0'),
  );
}

/**
 * The next number of a document type, allocated inside the posting transaction: the counter row
 * stays locked until commit, and a rolled-back posting gives its number back, so numbers have no gaps.
 */
export async function nextNumber(
  tx: EntityManager,
  docType: string,
  date: string,
  pattern = DEFAULT_PATTERNS[docType],
): Promise<string> {
  const period = periodOf(pattern, date);
  const mysql = tx.connection.options.type !== 'better-sqlite3';
  if (mysql) {
    // LAST_INSERT_ID(expr) hands the new counter back with the UPDATE: one round trip. Updating
    // first matters: an INSERT IGNORE on an existing row takes a shared lock that deadlocks two posters.
    const bump = async () =>
      (await tx.query(
        'UPDATE doc_sequence SET last_no = LAST_INSERT_ID(last_no + 1) WHERE doc_type = ? AND period = ?',
        [docType, period],
      )) as { affectedRows?: number; insertId?: number };
    let res = await bump();
    if (!res.affectedRows) {
      await tx.query('INSERT IGNORE INTO doc_sequence (doc_type, period, last_no) VALUES (?, ?, 0)', [docType, period]);
      res = await bump();
    }
    return formatNumber(pattern, date, Number(res.insertId));
  }
  // SQLite runs one writer at a time
  await tx.query('INSERT OR IGNORE INTO doc_sequence (doc_type, period, last_no) VALUES (?, ?, 0)', [docType, period]);
  await tx.query('UPDATE doc_sequence SET last_no = last_no + 1 WHERE doc_type = ? AND period = ?', [docType, period]);
  const [row] = await tx.query('SELECT last_no FROM doc_sequence WHERE doc_type = ? AND period = ?', [docType, period]);
  return formatNumber(pattern, date, Number(row.last_no));
}

/**
 * The number taken by the database inside a posting's last packet (MySQL/MariaDB posting pool):
 * the counter row is then locked only while that packet runs, never while the API works. `token`
 * stands for the number in the packet's values (the write batch puts the number in its place) and
 * `statements` take it into `@jxc_no`.
 */
export interface PacketNumber {
  token: string;
  statements: string[];
  params: unknown[];
}

// (unguessable for any value a user could type, and cheap per posting)
const TOKEN_PREFIX = randomBytes(8).toString('hex');
let tokens = 0;

/** The statements that take the next number in a packet; null when the pattern has more than one count token. */
export function numberInPacket(
  docType: string,
  date: string,
  pattern = DEFAULT_PATTERNS[docType],
): PacketNumber | null {
  const counts = pattern.match(/\{0+\}/g) ?? [];
  if (counts.length !== 1) return null;
  const [before, after] = formatNumber(pattern.replace(counts[0], '\u0000'), date, 0).split('\u0000');
  return {
    token: `\u2063no-${TOKEN_PREFIX}-${++tokens}\u2063`,
    statements: [
      // one statement for the first number of a period and every later one; an existing row is
      // locked exclusively at once (no shared lock to upgrade, so two posters cannot deadlock here)
      'INSERT INTO doc_sequence (doc_type, period, last_no) VALUES (?, ?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last_no = LAST_INSERT_ID(last_no + 1)',
      // as formatNumber: padded to the token's width, never cut
      'SET @jxc_no = CONCAT(?, LPAD(LAST_INSERT_ID(), GREATEST(?, LENGTH(LAST_INSERT_ID())), ?), ?)',
    ],
    params: [docType, periodOf(pattern, date), before, counts[0].length - 2, '0', after],
  };
}
