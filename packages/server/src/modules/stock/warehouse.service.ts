import { In, type DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, conflict, notFound } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import type { AuditService } from '../audit';
import { Warehouse } from './warehouse.entity';
import type { CreateWarehouseInput, UpdateWarehouseInput } from './warehouse.types';

const snapshot = (w: Warehouse) => ({
  code: w.code,
  name: w.name,
  kind: w.kind,
  allowNegative: w.allowNegative,
  pickStrategy: w.pickStrategy,
  active: w.active,
  version: w.version,
});

export class WarehouseService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Warehouses outside the user's scope answer exactly like ones that do not exist. */
  private scopeIds(ctx: Context): number[] | null {
    return ctx.user?.warehouseIds ?? null;
  }

  async list(ctx: Context, page?: PageInput | null): Promise<Page<Warehouse>> {
    const { offset, limit } = clampPage(page);
    const scope = this.scopeIds(ctx);
    const [items, total] = await this.ds.getRepository(Warehouse).findAndCount({
      where: scope ? { id: In(scope) } : {},
      order: { code: 'ASC' },
      skip: offset,
      take: limit,
    });
    return { items, total, offset, limit };
  }

  /**
   * Every active warehouse a transfer may go to, by code and name only: a keeper sends goods to
   * warehouses they do not manage (receiving there is up to that warehouse's keepers).
   */
  async transferDestinations(): Promise<{ id: string; code: string; name: string }[]> {
    const rows = await this.ds.getRepository(Warehouse).find({ where: { active: true }, order: { code: 'ASC' } });
    return rows.map((w) => ({ id: String(w.id), code: w.code, name: w.name }));
  }

  async get(ctx: Context, id: string | number): Promise<Warehouse> {
    const n = Number(id);
    const scope = this.scopeIds(ctx);
    const w =
      scope && !scope.includes(n) ? null : await this.ds.getRepository(Warehouse).findOne({ where: { id: n || -1 } });
    if (!w) throw notFound('This warehouse');
    return w;
  }

  async create(ctx: Context, input: CreateWarehouseInput): Promise<Warehouse> {
    return inTransaction(this.ds, async (tx) => {
      if (await tx.findOne(Warehouse, { where: { code: input.code } }))
        throw badInput([{ field: 'code', message: 'This code is taken.' }], 'This warehouse code is taken.');
      const w = await tx.save(tx.create(Warehouse, { ...input, active: true, version: 1 }));
      await this.audit.record(tx, ctx, {
        action: 'warehouse.create',
        entityType: 'Warehouse',
        entityId: w.id,
        after: snapshot(w),
      });
      return w;
    });
  }

  async update(ctx: Context, input: UpdateWarehouseInput): Promise<Warehouse> {
    const before = await this.get(ctx, input.id);
    return inTransaction(this.ds, async (tx) => {
      const patch: Partial<Warehouse> = { version: input.version + 1 };
      for (const k of ['name', 'kind', 'allowNegative', 'pickStrategy', 'active'] as const)
        if (input[k] !== undefined && input[k] !== null) (patch as any)[k] = input[k];
      const res = await tx
        .createQueryBuilder()
        .update(Warehouse)
        .set(patch)
        .where('id = :id AND version = :v', { id: before.id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(Warehouse, { where: { id: before.id } });
      await this.audit.record(tx, ctx, {
        action: 'warehouse.update',
        entityType: 'Warehouse',
        entityId: before.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  count(ctx: Context): Promise<number> {
    const scope = this.scopeIds(ctx);
    return this.ds
      .getRepository(Warehouse)
      .count({ where: scope ? { id: In(scope), active: true } : { active: true } });
  }
}
