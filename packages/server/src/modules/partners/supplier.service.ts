import { Decimal } from 'decimal.js';
import { Brackets, In, type DataSource, type EntityManager } from 'typeorm';
import { perRequestBatch, type Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, conflict, DomainError, forbidden, notFound, type FieldProblem } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { can } from '../../core/permissions/guard';
import type { AuditService } from '../audit';
import { lockRows } from '../../core/sql';
import { findSku } from '../catalog';
import { Supplier, SupplierPrice, SupplierQualification, SupplierStatus } from './supplier.entity';
import type {
  AddQualificationInput,
  AddSupplierPriceInput,
  CreateSupplierInput,
  SupplierFilter,
  UpdateSupplierInput,
} from './supplier.types';

// business days in the company's time zone (re-exported for the purchasing module and tests)
import { addDays, daysBetween, now, today } from '../../core/dates';
const D = (s: string | number) => new Decimal(s);

const snapshot = (s: Supplier) => ({
  code: s.code,
  name: s.name,
  status: s.status,
  contactPerson: s.contactPerson,
  phone: s.phone,
  email: s.email,
  address: s.address,
  paymentTermsDays: s.paymentTermsDays,
  leadTimeDays: s.leadTimeDays,
  memo: s.memo,
  version: s.version,
});

/** An agreement valid on a day (SupplierService.validPrices): decimals as text. */
export interface ValidPrice {
  supplierId: number;
  skuId: number;
  price: string | null;
  minOrderQty: string;
  packSize: string;
}

export class SupplierService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(filter?: SupplierFilter | null, page?: PageInput | null): Promise<Page<Supplier>> {
    const { offset, limit } = clampPage(page);
    const qb = this.ds.getRepository(Supplier).createQueryBuilder('s');
    if (filter?.search) {
      const s = `%${filter.search.toLowerCase()}%`;
      qb.andWhere(new Brackets((w) => w.where('LOWER(s.code) LIKE :s', { s }).orWhere('LOWER(s.name) LIKE :s', { s })));
    }
    if (filter?.status) qb.andWhere('s.status = :st', { st: filter.status });
    qb.orderBy('s.code', 'ASC').addOrderBy('s.id', 'ASC');
    const [items, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  async get(id: string | number, tx: EntityManager = this.ds.manager): Promise<Supplier> {
    const s = await tx.findOne(Supplier, { where: { id: Number(id) || -1 } });
    if (!s) throw notFound('This supplier');
    return s;
  }

  /** The supplier of a listed row: the suppliers a list's rows name are read in one query per request. */
  async forRow(ctx: Context, id: number): Promise<Supplier> {
    const s = await perRequestBatch(ctx, 'supplier', id, async (ids) => {
      const rows = await this.ds.getRepository(Supplier).find({ where: { id: In(ids) } });
      return new Map(rows.map((r) => [r.id, r]));
    });
    if (!s) throw notFound('This supplier');
    return s;
  }

  /** Locks a supplier's row for update: its invoices and payments are written one at a time. */
  lock(tx: EntityManager, id: number): Promise<void> {
    return lockRows(tx, 'supplier', [id]);
  }

  /** A supplier locked for update, or null. */
  async lockOne(tx: EntityManager, id: number): Promise<Supplier | null> {
    const s = await tx.findOne(Supplier, { where: { id: id || -1 } });
    if (s) await this.lock(tx, s.id);
    return s;
  }

  byIds(ids: number[]): Promise<Supplier[]> {
    return ids.length
      ? this.ds.getRepository(Supplier).find({ where: { id: In([...new Set(ids)]) } })
      : Promise.resolve([]);
  }

  async create(ctx: Context, input: CreateSupplierInput): Promise<Supplier> {
    return inTransaction(this.ds, async (tx) => {
      const code = input.code.trim();
      if (await tx.findOne(Supplier, { where: { code } }))
        throw badInput([{ field: 'code', message: 'This supplier code is taken.' }], 'This supplier code is taken.');
      const s = await tx.save(
        tx.create(Supplier, {
          code,
          name: input.name.trim(),
          status: input.status ?? SupplierStatus.CANDIDATE,
          contactPerson: input.contactPerson?.trim() ?? '',
          phone: input.phone?.trim() ?? '',
          email: input.email?.trim() ?? '',
          address: input.address?.trim() ?? '',
          paymentTermsDays: input.paymentTermsDays ?? 30,
          leadTimeDays: input.leadTimeDays ?? 7,
          memo: input.memo ?? '',
          createdAt: now(),
          version: 1,
        }),
      );
      await this.audit.record(tx, ctx, {
        action: 'supplier.create',
        entityType: 'Supplier',
        entityId: s.id,
        after: snapshot(s),
      });
      return s;
    });
  }

  /** Optimistic edit: the version is checked in the UPDATE itself. */
  async update(ctx: Context, input: UpdateSupplierInput): Promise<Supplier> {
    return inTransaction(this.ds, async (tx) => {
      const before = await this.get(input.id, tx);
      const patch: Partial<Supplier> = { version: input.version + 1 };
      for (const k of [
        'name',
        'status',
        'contactPerson',
        'phone',
        'email',
        'address',
        'paymentTermsDays',
        'leadTimeDays',
        'memo',
      ] as const) {
        const v = input[k];
        if (v !== undefined && v !== null) (patch as any)[k] = typeof v === 'string' ? v.trim() : v;
      }
      const res = await tx
        .createQueryBuilder()
        .update(Supplier)
        .set(patch)
        .where('id = :id AND version = :v', { id: before.id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneByOrFail(Supplier, { id: before.id });
      await this.audit.record(tx, ctx, {
        action: 'supplier.update',
        entityType: 'Supplier',
        entityId: after.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  qualifications(supplierIds: number[]): Promise<SupplierQualification[]> {
    if (!supplierIds.length) return Promise.resolve([]);
    return this.ds
      .getRepository(SupplierQualification)
      .find({ where: { supplierId: In(supplierIds) }, order: { expiresOn: 'ASC', id: 'ASC' } });
  }

  async addQualification(ctx: Context, input: AddQualificationInput): Promise<SupplierQualification> {
    return inTransaction(this.ds, async (tx) => {
      const s = await this.get(input.supplierId, tx);
      const q = await tx.save(
        tx.create(SupplierQualification, {
          supplierId: s.id,
          kind: input.kind.trim(),
          number: input.number?.trim() ?? '',
          expiresOn: input.expiresOn,
          required: input.required ?? true,
          createdAt: now(),
          createdBy: ctx.user!.id,
        }),
      );
      await this.audit.record(tx, ctx, {
        action: 'supplier.qualification.add',
        entityType: 'Supplier',
        entityId: s.id,
        after: { kind: q.kind, number: q.number, expiresOn: q.expiresOn, required: q.required },
      });
      return q;
    });
  }

  /** Qualifications that lapse within `withinDays` from today, lapsed ones included; soonest first. */
  async expiring(withinDays: number, supplierId?: string | null) {
    const limit = addDays(today(), Math.max(0, Math.min(3650, withinDays)));
    const qb = this.ds
      .getRepository(SupplierQualification)
      .createQueryBuilder('q')
      .where('q.expires_on <= :limit', { limit });
    if (supplierId) qb.andWhere('q.supplier_id = :sid', { sid: Number(supplierId) });
    const rows = await qb.orderBy('q.expires_on', 'ASC').addOrderBy('q.id', 'ASC').take(1000).getMany();
    const suppliers = new Map((await this.byIds(rows.map((r) => r.supplierId))).map((s) => [s.id, s]));
    return rows.map((q) => {
      const daysLeft = daysBetween(today(), q.expiresOn);
      return { qualification: q, supplier: suppliers.get(q.supplierId)!, daysLeft, expired: daysLeft < 0 };
    });
  }

  /**
   * Why no order may go to this supplier on `date` (null when it may): suspended, or a required
   * qualification that has expired by then (or by today, whichever is later).
   */
  async blockReason(
    supplier: Supplier,
    date: string,
    tx: EntityManager = this.ds.manager,
  ): Promise<{ reason: string; details: Record<string, unknown> } | null> {
    if (supplier.status === SupplierStatus.SUSPENDED) {
      return {
        reason: `Supplier ${supplier.code} ${supplier.name} is suspended; no orders can be placed with it.`,
        details: { supplierId: supplier.id, status: supplier.status },
      };
    }
    const at = date > today() ? date : today();
    const lapsed = await tx
      .getRepository(SupplierQualification)
      .createQueryBuilder('q')
      .where('q.supplier_id = :id AND q.required = :r AND q.expires_on < :at', { id: supplier.id, r: true, at })
      .orderBy('q.expires_on', 'ASC')
      .getMany();
    if (lapsed.length) {
      const list = lapsed.map((q) => `${q.kind}${q.number ? ` ${q.number}` : ''} (expired ${q.expiresOn})`).join(', ');
      return {
        reason: `Supplier ${supplier.code} ${supplier.name} has an expired required qualification: ${list}. Renew it before ordering.`,
        details: {
          supplierId: supplier.id,
          qualifications: lapsed.map((q) => ({ id: q.id, kind: q.kind, expiresOn: q.expiresOn })),
        },
      };
    }
    return null;
  }

  /** Refuses an order to a blocked supplier with SUPPLIER_BLOCKED. */
  async assertOrderable(tx: EntityManager, supplierId: number, date: string): Promise<Supplier> {
    const s = await tx.findOne(Supplier, { where: { id: supplierId } });
    if (!s) throw badInput([{ field: 'supplierId', message: 'Unknown supplier.' }]);
    const blocked = await this.blockReason(s, date, tx);
    if (blocked) throw new DomainError('SUPPLIER_BLOCKED', blocked.reason, blocked.details);
    return s;
  }

  // ---------- price agreements ----------

  async addPrice(ctx: Context, input: AddSupplierPriceInput): Promise<SupplierPrice> {
    // a position that may not see agreed prices may not set them either
    if (!can(ctx, P.PurchasingSupplierPriceRead))
      throw forbidden('You may not set supplier prices.', { fields: ['SupplierPrice.price'] });
    return inTransaction(this.ds, async (tx) => {
      const s = await this.get(input.supplierId, tx);
      const problems: FieldProblem[] = [];
      const sku = await findSku(tx, Number(input.skuId));
      if (!sku) problems.push({ field: 'skuId', message: 'Unknown SKU.' });
      const price = D(input.price);
      if (price.lt(0)) problems.push({ field: 'price', message: 'A price cannot be negative.' });
      if (price.decimalPlaces() > 6) problems.push({ field: 'price', message: 'At most 6 decimal places.' });
      if (input.validTo && input.validTo < input.validFrom)
        problems.push({ field: 'validTo', message: 'The end of validity cannot be before its start.' });
      const moq = D(input.minOrderQty ?? '0');
      if (moq.lt(0)) problems.push({ field: 'minOrderQty', message: 'Cannot be negative.' });
      const pack = D(input.packSize ?? '1');
      if (!pack.gt(0)) problems.push({ field: 'packSize', message: 'A pack holds more than zero units.' });
      if (problems.length) throw badInput(problems, 'The price agreement has problems; nothing was saved.');
      const row = await tx.save(
        tx.create(SupplierPrice, {
          supplierId: s.id,
          skuId: sku!.id,
          price: price.toFixed(6),
          validFrom: input.validFrom,
          validTo: input.validTo ?? null,
          minOrderQty: moq.toFixed(6),
          packSize: pack.toFixed(6),
          createdAt: now(),
          createdBy: ctx.user!.id,
        }),
      );
      await this.audit.record(tx, ctx, {
        action: 'supplier.price.add',
        entityType: 'SupplierPrice',
        entityId: row.id,
        after: {
          supplierId: s.id,
          skuId: row.skuId,
          price: row.price,
          validFrom: row.validFrom,
          validTo: row.validTo,
          minOrderQty: row.minOrderQty,
          packSize: row.packSize,
        },
      });
      return row;
    });
  }

  /**
   * The agreement valid on `at` for each SKU of a supplier: among the rows whose validity covers
   * the date, the one that starts latest (the newest row on a tie) — a newer agreement supersedes.
   */
  /**
   * Agreements valid on a day for these SKUs (null: for every SKU), of every supplier: the
   * latest-starting first (so the first of a supplier × SKU is the valid one). Plain rows with what a
   * choice of supplier needs, decimals as the database sends them (no entities: "needs ordering"
   * reads 10,000 of them).
   */
  async validPrices(skuIds: number[] | null, day: string): Promise<ValidPrice[]> {
    if (skuIds && !skuIds.length) return [];
    const rows: any[] = await this.ds.query(
      `SELECT p.supplier_id, p.sku_id, p.price, p.min_order_qty, p.pack_size FROM supplier_price p
        WHERE ${skuIds ? `p.sku_id IN (${skuIds.map(() => '?').join(',')}) AND ` : ''}p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to >= ?)
        ORDER BY p.valid_from DESC, p.id DESC`,
      [...(skuIds ?? []), day, day],
    );
    return rows.map((r) => ({
      supplierId: Number(r.supplier_id),
      skuId: Number(r.sku_id),
      price: r.price == null ? null : String(r.price),
      minOrderQty: String(r.min_order_qty),
      packSize: String(r.pack_size),
    }));
  }

  async pricesAt(
    supplierId: number,
    skuIds: number[] | null,
    at: string,
    tx: EntityManager = this.ds.manager,
  ): Promise<SupplierPrice[]> {
    const qb = tx
      .getRepository(SupplierPrice)
      .createQueryBuilder('p')
      .where('p.supplier_id = :sid AND p.valid_from <= :at AND (p.valid_to IS NULL OR p.valid_to >= :at)', {
        sid: supplierId,
        at,
      });
    if (skuIds) {
      if (!skuIds.length) return [];
      qb.andWhere('p.sku_id IN (:...skuIds)', { skuIds });
    }
    const rows = await qb
      .orderBy('p.sku_id', 'ASC')
      .addOrderBy('p.valid_from', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .getMany();
    const seen = new Set<number>();
    return rows.filter((r) => (seen.has(r.skuId) ? false : (seen.add(r.skuId), true)));
  }

  /** Every agreement for a SKU (of one supplier or all), newest first: the price history. */
  history(skuId: string, supplierId?: string | null): Promise<SupplierPrice[]> {
    const where: Record<string, unknown> = { skuId: Number(skuId) || -1 };
    if (supplierId) where.supplierId = Number(supplierId);
    return this.ds.getRepository(SupplierPrice).find({ where, order: { validFrom: 'DESC', id: 'DESC' }, take: 1000 });
  }
}
