import { Decimal } from 'decimal.js';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { DecimalScalar } from '../../core/decimal';
import type { CostSource } from '../../domain/costing';

export enum CostChangeAction {
  /** the cause was posted (a back-dated receipt or issue, a return, a transfer's arrival) */
  POST = 'post',
  /** the cause was cancelled: its entries left the ledger's past */
  CANCEL = 'cancel',
}
registerEnumType(CostChangeAction, { name: 'CostChangeAction' });

@ObjectType({
  description:
    'A document whose posting or cancellation re-costed this line after it was posted (the ledger’s recost rows).',
})
export class CostChange {
  @Field({ description: 'Document type of the cause: other_in, other_out, transfer, adjustment, purchase_receipt, …' })
  causeType: string;
  @Field(() => ID) causeId: string;
  @Field() causeNumber: string;
  @Field(() => CostChangeAction) action: CostChangeAction;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the business date of the cause.' })
  causeDate: string | null;
  @Field(() => Date, { description: 'When the correction was posted.' }) changedAt: Date;
  @Field(() => DecimalScalar, {
    description: 'How much the field changed (in its own sign: + means a higher value, COGS or restocked cost).',
  })
  delta: string;
}

/** Which entries of a line make up the figure shown (a transfer line shows its departure, not its arrival …). */
export type EntryFilter = (e: { kind: 'in' | 'out'; costSource: CostSource; cancellation: boolean }) => boolean;

/** A line's figure: its posting entries, without the reversals of its own cancellation. */
export const postingEntries: EntryFilter = (e) => !e.cancellation;

/**
 * The corrections of the given lines' entries, per line, one per cause (a cause that corrected
 * several entries of a line — bins, batches — counts once, summed), oldest first. `sign` turns a
 * value delta into the field's sign (−1 for COGS, which is minus the issue's value). One query.
 */
export async function costChangesOf(
  db: DataSource | EntityManager,
  documentType: string,
  lineIds: number[],
  include: EntryFilter = postingEntries,
  sign: 1 | -1 = 1,
): Promise<Map<number, CostChange[]>> {
  const out = new Map<number, CostChange[]>();
  if (!lineIds.length) return out;
  const rows: any[] = await db.query(
    `SELECT r.id, r.document_id, r.document_line_id, r.value, r.cause_type, r.cause_id, r.cause_number, r.cause_action, r.cause_date,
            r.created_at, e.kind, e.cost_source, t.document_id AS target_doc, t.document_type AS target_type
       FROM stock_ledger r
       JOIN stock_ledger e ON e.id = r.ref_entry_id
       LEFT JOIN stock_ledger t ON t.id = e.ref_entry_id AND e.cost_source = 'reverse'
      WHERE r.kind = 'recost' AND r.document_type = ? AND r.document_line_id IN (${lineIds.map(() => '?').join(',')})
      ORDER BY r.id`,
    [documentType, ...lineIds],
  );
  for (const r of rows) {
    // a reversal of an entry of its own document: the line's cancellation, not its posting
    const cancellation =
      r.cost_source === 'reverse' &&
      r.target_doc !== null &&
      r.target_doc !== undefined &&
      Number(r.target_doc) === Number(r.document_id) &&
      r.target_type === documentType;
    if (!include({ kind: r.kind, costSource: r.cost_source, cancellation })) continue;
    const line = Number(r.document_line_id);
    const list = out.get(line) ?? [];
    const at = r.created_at instanceof Date ? r.created_at : new Date(`${String(r.created_at).replace(' ', 'T')}Z`);
    const delta = new Decimal(r.value).times(sign);
    const same = list.find(
      (c) =>
        c.causeType === r.cause_type &&
        c.causeId === String(r.cause_id) &&
        c.action === (r.cause_action ?? 'post') &&
        c.changedAt.getTime() === at.getTime(),
    );
    if (same) same.delta = new Decimal(same.delta).plus(delta).toFixed(2);
    else
      list.push(
        Object.assign(new CostChange(), {
          causeType: r.cause_type ?? '',
          causeId: String(r.cause_id ?? ''),
          causeNumber: r.cause_number ?? '',
          action: (r.cause_action ?? 'post') as CostChangeAction,
          causeDate: r.cause_date ?? null,
          changedAt: at,
          delta: delta.toFixed(2),
        }),
      );
    out.set(line, list);
  }
  return out;
}

/** Merges the changes of several lines into one list per cause (an order's lines into the order). */
export function mergeCostChanges(lists: CostChange[][]): CostChange[] {
  const out: CostChange[] = [];
  for (const c of lists.flat().sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime())) {
    const same = out.find(
      (x) =>
        x.causeType === c.causeType &&
        x.causeId === c.causeId &&
        x.action === c.action &&
        x.changedAt.getTime() === c.changedAt.getTime(),
    );
    if (same) same.delta = new Decimal(same.delta).plus(c.delta).toFixed(2);
    else out.push(Object.assign(new CostChange(), c));
  }
  return out.filter((c) => !new Decimal(c.delta).isZero());
}

/**
 * What the ledger says each line of a document type is worth now: the value of its entries that
 * `include` keeps plus the corrections re-costing appended to them, per document line (only lines
 * that have such entries). `pnpm jxc recompute-cogs` compares the stored figures with it.
 */
export async function ledgerLineValues(
  db: DataSource | EntityManager,
  documentType: string,
  include: EntryFilter = postingEntries,
): Promise<Map<number, Decimal>> {
  const entries: any[] = await db.query(
    `SELECT e.id, e.document_id, e.document_line_id, e.kind, e.cost_source, e.value,
            t.document_id AS target_doc, t.document_type AS target_type
       FROM stock_ledger e LEFT JOIN stock_ledger t ON t.id = e.ref_entry_id AND e.cost_source = 'reverse'
      WHERE e.document_type = ? AND e.kind IN ('in', 'out')`,
    [documentType],
  );
  const corrections: Array<{ ref_entry_id: string | number; value: string }> = await db.query(
    "SELECT ref_entry_id, value FROM stock_ledger WHERE kind = 'recost' AND document_type = ?",
    [documentType],
  );
  const byEntry = new Map<string, Decimal>();
  for (const c of corrections)
    byEntry.set(String(c.ref_entry_id), (byEntry.get(String(c.ref_entry_id)) ?? new Decimal(0)).plus(c.value));
  const out = new Map<number, Decimal>();
  for (const e of entries) {
    const cancellation =
      e.cost_source === 'reverse' &&
      e.target_doc !== null &&
      e.target_doc !== undefined &&
      Number(e.target_doc) === Number(e.document_id) &&
      e.target_type === documentType;
    if (!include({ kind: e.kind, costSource: e.cost_source, cancellation })) continue;
    const line = Number(e.document_line_id);
    out.set(line, (out.get(line) ?? new Decimal(0)).plus(e.value).plus(byEntry.get(String(e.id)) ?? 0));
  }
  return out;
}
