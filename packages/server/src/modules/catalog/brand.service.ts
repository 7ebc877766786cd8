import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, conflict, notFound } from '../../core/errors';
import { inCaseInsensitive } from '../../core/sql';
import type { AuditService } from '../audit';
import { chunks } from './catalog-query';
import type { CreateBrandInput, UpdateBrandInput } from './catalog.types';
import { Brand } from './category.entity';

/** Brands: names unique case-insensitively; the import creates the missing ones. */
export class BrandService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Brand[]> {
    return this.ds.getRepository(Brand).find({ order: { name: 'ASC' }, take: 20_000 });
  }

  private checkBrandName(name: string) {
    if (!name.trim() || name.trim().length > 100)
      throw badInput([{ field: 'name', message: 'A name is 1–100 characters.' }]);
  }

  private async brandTaken(tx: EntityManager, name: string, exceptId?: number) {
    const [w, p] = inCaseInsensitive(this.ds, 'b.name', [name.trim()], 'names');
    return (await tx.getRepository(Brand).createQueryBuilder('b').where(w, p).getMany()).some((b) => b.id !== exceptId);
  }

  async create(ctx: Context, input: CreateBrandInput): Promise<Brand> {
    this.checkBrandName(input.name);
    return inTransaction(this.ds, async (tx) => {
      if (await this.brandTaken(tx, input.name))
        throw badInput([{ field: 'name', message: 'This brand exists.' }], 'This brand exists.');
      const b = await tx.save(tx.create(Brand, { name: input.name.trim(), version: 1 }));
      await this.audit.record(tx, ctx, {
        action: 'brand.create',
        entityType: 'Brand',
        entityId: b.id,
        after: { name: b.name, version: 1 },
      });
      return b;
    });
  }

  async update(ctx: Context, input: UpdateBrandInput): Promise<Brand> {
    this.checkBrandName(input.name);
    const id = Number(input.id) || -1;
    return inTransaction(this.ds, async (tx) => {
      const before = await tx.findOne(Brand, { where: { id } });
      if (!before) throw notFound('This brand');
      if (await this.brandTaken(tx, input.name, id))
        throw badInput([{ field: 'name', message: 'This brand exists.' }], 'This brand exists.');
      const res = await tx
        .createQueryBuilder()
        .update(Brand)
        .set({ name: input.name.trim(), version: input.version + 1 })
        .where('id = :id AND version = :v', { id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(Brand, { where: { id } });
      await this.audit.record(tx, ctx, {
        action: 'brand.update',
        entityType: 'Brand',
        entityId: id,
        before: { name: before.name, version: before.version },
        after: { name: after.name, version: after.version },
      });
      return after;
    });
  }

  /** Brands by name (case-insensitive) for the import; the missing ones are created when `create`. */
  async byName(tx: EntityManager, names: string[]): Promise<Map<string, Brand>> {
    const out = new Map<string, Brand>();
    for (const part of chunks([...new Set(names.map((n) => n.trim()).filter(Boolean))])) {
      const [w, p] = inCaseInsensitive(this.ds, 'b.name', part, 'names');
      for (const b of await tx.getRepository(Brand).createQueryBuilder('b').where(w, p).getMany())
        out.set(b.name.toLowerCase(), b);
    }
    return out;
  }

  async ensure(tx: EntityManager, ctx: Context, names: string[]): Promise<Map<string, Brand>> {
    const found = await this.byName(tx, names);
    for (const n of [...new Set(names.map((x) => x.trim()).filter(Boolean))]) {
      if (found.has(n.toLowerCase())) continue;
      const b = await tx.save(tx.create(Brand, { name: n, version: 1 }));
      await this.audit.record(tx, ctx, {
        action: 'brand.create',
        entityType: 'Brand',
        entityId: b.id,
        after: { name: b.name, version: 1, via: 'import' },
      });
      found.set(n.toLowerCase(), b);
    }
    return found;
  }
}
