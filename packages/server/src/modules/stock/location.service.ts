import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, conflict, notFound, type FieldProblem } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { conditionProblems, normalizeConditions, type ZoneConditions } from '../../domain/storage';
import { putAwaySuggestions } from './put-away';
import { storageFits, zoneConditions } from './storage-fit';
import type { AuditService } from '../audit';
import { companySettings, StorageRule } from '../system';
import { Bin, Zone } from './location.entity';
import type { CreateBinInput, CreateZoneInput, UpdateBinInput, UpdateZoneInput } from './location.types';

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const zoneSnapshot = (z: Zone) => ({
  warehouseId: z.warehouseId,
  code: z.code,
  name: z.name,
  storageCondition: z.storageCondition,
  conditions: zoneConditions(z),
  version: z.version,
});
const binSnapshot = (b: Bin) => ({
  warehouseId: b.warehouseId,
  zoneId: b.zoneId,
  code: b.code,
  active: b.active,
  quarantine: b.quarantine,
  version: b.version,
});

function checkCode(problems: FieldProblem[], code: string | undefined) {
  if (code === undefined) return;
  const c = code.trim();
  if (!c || c.length > 30 || !CODE_RE.test(c))
    problems.push({ field: 'code', message: 'A code is 1–30 letters, digits, _ . -.' });
}

/**
 * Zones (货区) and bins (货位). Every call goes through the warehouse scope exactly like
 * WarehouseService: a warehouse (and so its zones and bins) outside the user's scope answers
 * like one that does not exist.
 */
export class LocationService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private inScope(ctx: Context, warehouseId: number): boolean {
    const scope = ctx.user?.warehouseIds ?? null;
    return !scope || scope.includes(warehouseId);
  }

  /** The warehouse, if it exists and is in scope (NOT_FOUND otherwise, the same either way). */
  private warehouse(ctx: Context, id: string | number) {
    return ctx.services.warehouses.get(ctx, id);
  }

  async zones(ctx: Context, warehouseId: string): Promise<Zone[]> {
    const w = await this.warehouse(ctx, warehouseId);
    return this.ds.getRepository(Zone).find({ where: { warehouseId: w.id }, order: { code: 'ASC' } });
  }

  async bins(
    ctx: Context,
    warehouseId: string,
    zoneId?: string | null,
    search?: string | null,
    active?: boolean | null,
    page?: PageInput | null,
  ): Promise<Page<Bin>> {
    const w = await this.warehouse(ctx, warehouseId);
    const { offset, limit } = clampPage(page);
    const qb = this.ds.getRepository(Bin).createQueryBuilder('b').where('b.warehouse_id = :w', { w: w.id });
    if (zoneId) qb.andWhere('b.zone_id = :z', { z: Number(zoneId) || -1 });
    if (search?.trim())
      qb.andWhere(
        new Brackets((x) =>
          x.where("LOWER(b.code) LIKE :s ESCAPE '!'", {
            s: `%${search.trim().toLowerCase().replace(/[!%_]/g, '!$&')}%`,
          }),
        ),
      );
    if (active !== undefined && active !== null) qb.andWhere('b.active = :a', { a: active });
    const [items, total] = await qb
      .orderBy('b.code', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    return { items, total, offset, limit };
  }

  /** Put-away suggestions for lines received into a warehouse in scope. */
  async putAway(ctx: Context, warehouseId: string, lines: Array<{ skuId: string; batchNo?: string | null }>) {
    const w = await this.warehouse(ctx, warehouseId);
    return putAwaySuggestions(
      this.ds.manager,
      w.id,
      lines.map((l) => ({ skuId: Number(l.skuId) || -1, batchNo: l.batchNo ?? null })),
    );
  }

  /** Whether a bin (in scope) suits these SKUs; `refused` when the settings refuse what does not fit. */
  async storageFit(ctx: Context, binId: string, skuIds: string[]) {
    const bin = await this.binIn(this.ds.manager, ctx, binId);
    const fits = await storageFits(
      this.ds.manager,
      skuIds.map((s) => ({ binId: bin.id, skuId: Number(s) || -1 })),
    );
    const refuse = (await companySettings(this.ds.manager)).storageRule === StorageRule.REFUSE;
    return fits.map((f) => ({ ...f, refused: refuse && f.mismatches.length > 0 }));
  }

  private async zoneIn(tx: EntityManager, ctx: Context, id: string | number): Promise<Zone> {
    const z = await tx.findOne(Zone, { where: { id: Number(id) || -1 } });
    if (!z || !this.inScope(ctx, z.warehouseId)) throw notFound('This zone');
    return z;
  }

  private async binIn(tx: EntityManager, ctx: Context, id: string | number): Promise<Bin> {
    const b = await tx.findOne(Bin, { where: { id: Number(id) || -1 } });
    if (!b || !this.inScope(ctx, b.warehouseId)) throw notFound('This bin');
    return b;
  }

  /** A zone for a bin: it must exist and belong to the bin's warehouse (else a field error). */
  private async zoneForBin(tx: EntityManager, warehouseId: number, zoneId: string): Promise<Zone> {
    const z = await tx.findOne(Zone, { where: { id: Number(zoneId) || -1 } });
    if (!z || z.warehouseId !== warehouseId)
      throw badInput([{ field: 'zoneId', message: 'No such zone in this warehouse.' }]);
    return z;
  }

  private async zoneCodeTaken(tx: EntityManager, warehouseId: number, code: string, exceptId?: number) {
    const rows = await tx
      .getRepository(Zone)
      .createQueryBuilder('z')
      .where('z.warehouse_id = :w AND LOWER(z.code) = :c', { w: warehouseId, c: code.trim().toLowerCase() })
      .getMany();
    return rows.some((z) => z.id !== exceptId);
  }

  private async binCodeTaken(tx: EntityManager, warehouseId: number, code: string, exceptId?: number) {
    const rows = await tx
      .getRepository(Bin)
      .createQueryBuilder('b')
      .where('b.warehouse_id = :w AND LOWER(b.code) = :c', { w: warehouseId, c: code.trim().toLowerCase() })
      .getMany();
    return rows.some((b) => b.id !== exceptId);
  }

  private checkZone(
    code: string | undefined,
    name: string | undefined,
    storage: string | null | undefined,
    conditions?: Partial<ZoneConditions> | null,
  ) {
    const problems: FieldProblem[] = [];
    if (conditions)
      for (const p of conditionProblems(conditions))
        problems.push({ field: `conditions.${p.field}`, message: p.message });
    checkCode(problems, code);
    if (name !== undefined && (!name.trim() || name.trim().length > 100))
      problems.push({ field: 'name', message: 'A name is 1–100 characters.' });
    if (storage && storage.trim().length > 100)
      problems.push({ field: 'storageCondition', message: 'At most 100 characters.' });
    if (problems.length) throw badInput(problems);
  }

  async createZone(ctx: Context, input: CreateZoneInput): Promise<Zone> {
    this.checkZone(input.code, input.name, input.storageCondition, input.conditions);
    const w = await this.warehouse(ctx, input.warehouseId);
    return inTransaction(this.ds, async (tx) => {
      if (await this.zoneCodeTaken(tx, w.id, input.code))
        throw badInput(
          [{ field: 'code', message: 'This code is taken in this warehouse.' }],
          'This zone code is taken.',
        );
      const z = await tx.save(
        tx.create(Zone, {
          warehouseId: w.id,
          code: input.code.trim(),
          name: input.name.trim(),
          storageCondition: input.storageCondition?.trim() || null,
          ...normalizeConditions(input.conditions),
          version: 1,
        }),
      );
      await this.audit.record(tx, ctx, {
        action: 'zone.create',
        entityType: 'Zone',
        entityId: z.id,
        after: zoneSnapshot(z),
      });
      return z;
    });
  }

  async updateZone(ctx: Context, input: UpdateZoneInput): Promise<Zone> {
    this.checkZone(input.code ?? undefined, input.name ?? undefined, input.storageCondition, input.conditions);
    return inTransaction(this.ds, async (tx) => {
      const before = await this.zoneIn(tx, ctx, input.id);
      if (input.code && (await this.zoneCodeTaken(tx, before.warehouseId, input.code, before.id))) {
        throw badInput(
          [{ field: 'code', message: 'This code is taken in this warehouse.' }],
          'This zone code is taken.',
        );
      }
      const patch: Partial<Zone> = { version: input.version + 1 };
      if (input.code) patch.code = input.code.trim();
      if (input.name) patch.name = input.name.trim();
      if (input.storageCondition !== undefined) patch.storageCondition = input.storageCondition?.trim() || null;
      if (input.conditions) Object.assign(patch, normalizeConditions(input.conditions));
      const res = await tx
        .createQueryBuilder()
        .update(Zone)
        .set(patch)
        .where('id = :id AND version = :v', { id: before.id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(Zone, { where: { id: before.id } });
      await this.audit.record(tx, ctx, {
        action: 'zone.update',
        entityType: 'Zone',
        entityId: before.id,
        before: zoneSnapshot(before),
        after: zoneSnapshot(after),
      });
      return after;
    });
  }

  async createBin(ctx: Context, input: CreateBinInput): Promise<Bin> {
    const problems: FieldProblem[] = [];
    checkCode(problems, input.code);
    if (problems.length) throw badInput(problems);
    const w = await this.warehouse(ctx, input.warehouseId);
    return inTransaction(this.ds, async (tx) => {
      const zone = input.zoneId ? await this.zoneForBin(tx, w.id, input.zoneId) : null;
      if (await this.binCodeTaken(tx, w.id, input.code))
        throw badInput(
          [{ field: 'code', message: 'This code is taken in this warehouse.' }],
          'This bin code is taken.',
        );
      const b = await tx.save(
        tx.create(Bin, {
          warehouseId: w.id,
          zoneId: zone?.id ?? null,
          code: input.code.trim(),
          active: true,
          quarantine: !!input.quarantine,
          version: 1,
        }),
      );
      await this.audit.record(tx, ctx, {
        action: 'bin.create',
        entityType: 'Bin',
        entityId: b.id,
        after: binSnapshot(b),
      });
      return b;
    });
  }

  async updateBin(ctx: Context, input: UpdateBinInput): Promise<Bin> {
    const problems: FieldProblem[] = [];
    checkCode(problems, input.code ?? undefined);
    if (problems.length) throw badInput(problems);
    return inTransaction(this.ds, async (tx) => {
      const before = await this.binIn(tx, ctx, input.id);
      const patch: Partial<Bin> = { version: input.version + 1 };
      if (input.zoneId !== undefined)
        patch.zoneId = input.zoneId ? (await this.zoneForBin(tx, before.warehouseId, input.zoneId)).id : null;
      if (input.code) {
        if (await this.binCodeTaken(tx, before.warehouseId, input.code, before.id))
          throw badInput(
            [{ field: 'code', message: 'This code is taken in this warehouse.' }],
            'This bin code is taken.',
          );
        patch.code = input.code.trim();
      }
      if (input.active !== undefined && input.active !== null) patch.active = input.active;
      if (input.quarantine !== undefined && input.quarantine !== null) patch.quarantine = input.quarantine;
      const res = await tx
        .createQueryBuilder()
        .update(Bin)
        .set(patch)
        .where('id = :id AND version = :v', { id: before.id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(Bin, { where: { id: before.id } });
      await this.audit.record(tx, ctx, {
        action: 'bin.update',
        entityType: 'Bin',
        entityId: before.id,
        before: binSnapshot(before),
        after: binSnapshot(after),
      });
      return after;
    });
  }
}
