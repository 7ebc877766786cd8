import { In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { Supplier, SupplierQualification } from './supplier.entity';

export interface LapsingQualification {
  id: number;
  supplierId: number;
  supplierName: string;
  kind: string;
  expiresOn: string;
}

/** Qualifications valid through `until` at the latest (lapsed ones included), in the caller's transaction. */
export async function lapsingQualifications(em: EntityManager, until: string): Promise<LapsingQualification[]> {
  const rows = await em.find(SupplierQualification, {
    where: { expiresOn: LessThanOrEqual(until) },
    order: { expiresOn: 'ASC', id: 'ASC' },
  });
  const ids = [...new Set(rows.map((r) => r.supplierId))];
  const suppliers = new Map(
    (ids.length ? await em.find(Supplier, { where: { id: In(ids) } }) : []).map((s) => [s.id, s]),
  );
  return rows.map((q) => ({
    id: q.id,
    supplierId: q.supplierId,
    supplierName: suppliers.get(q.supplierId)?.name ?? '',
    kind: q.kind,
    expiresOn: q.expiresOn,
  }));
}
