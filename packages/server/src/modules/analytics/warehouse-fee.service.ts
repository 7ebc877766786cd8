import { Decimal } from 'decimal.js';
import type { DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { now } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { badInput, conflict, notFound } from '../../core/errors';
import { allocateWarehouseFee } from '../../domain/warehouse-fees';
import type { AuditService } from '../audit';
import { findWarehouse, monthEnd, monthUsage } from '../stock';
import * as sql from './analytics-sql';
import { WarehouseFee } from './warehouse-fee.entity';
import type { WarehouseFeeAllocation, WarehouseFeeInput } from './warehouse-fee.types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const days = (month: string) => Number(monthEnd(month).slice(8, 10));

/**
 * 仓储费: a warehouse's monthly storage and handling fees (a 3PL's), entered by an accountant, and
 * their allocation to the SKUs (storage by space-days, handling by lines moved: domain/warehouse-fees).
 * The allocation is worked out from the ledger when asked (never stored), so a back-dated posting
 * moves it; in the analysis it is dated on the month's last day.
 */
export class WarehouseFeeService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private scope(ctx: Context, warehouseId?: number): number[] | null {
    const s = ctx.user?.warehouseIds ?? null;
    if (warehouseId !== undefined && s && !s.includes(warehouseId)) throw notFound('This warehouse');
    return s;
  }

  /** The fees of a month (of the warehouses in the user's scope). */
  async list(ctx: Context, month: string): Promise<WarehouseFee[]> {
    if (!MONTH.test(month)) throw badInput([{ field: 'month', message: 'A month as YYYY-MM.' }]);
    const s = this.scope(ctx);
    const rows = await this.ds.getRepository(WarehouseFee).find({ where: { month }, order: { warehouseId: 'ASC' } });
    return s ? rows.filter((r) => s.includes(r.warehouseId)) : rows;
  }

  async save(ctx: Context, input: WarehouseFeeInput, version?: number | null): Promise<WarehouseFee> {
    const warehouseId = Number(input.warehouseId);
    this.scope(ctx, warehouseId);
    const problems: Array<{ field: string; message: string }> = [];
    for (const f of ['storage', 'handling'] as const) {
      const v = new Decimal(input[f]);
      if (v.lt(0) || v.decimalPlaces() > 2) problems.push({ field: f, message: 'An amount of 0 or more, in cents.' });
    }
    if (problems.length) throw badInput(problems);
    return inTransaction(this.ds, async (tx) => {
      if (!(await findWarehouse(tx, warehouseId))) throw notFound('This warehouse');
      const repo = tx.getRepository(WarehouseFee);
      const existing = await repo.findOne({ where: { warehouseId, month: input.month } });
      const before = existing ? { ...existing } : null;
      const values = {
        storage: new Decimal(input.storage).toFixed(2),
        handling: new Decimal(input.handling).toFixed(2),
        memo: input.memo ?? existing?.memo ?? '',
        updatedBy: ctx.user!.id,
        updatedAt: now(),
      };
      let saved: WarehouseFee;
      if (existing) {
        if (version != null && version !== existing.version) throw conflict(existing.version);
        const r = await repo.update(
          { id: existing.id, version: existing.version },
          { ...values, version: existing.version + 1 },
        );
        if (!r.affected) throw conflict(existing.version + 1);
        saved = await repo.findOneByOrFail({ id: existing.id });
      } else {
        saved = await repo.save(repo.create({ warehouseId, month: input.month, ...values, version: 1 }));
      }
      await this.audit.record(tx, ctx, {
        action: existing ? 'warehouseFee.update' : 'warehouseFee.create',
        entityType: 'WarehouseFee',
        entityId: String(saved.id),
        before,
        after: saved,
      });
      return saved;
    });
  }

  /** One warehouse's fees for a month and their allocation to its SKUs. */
  async allocation(ctx: Context, warehouseId: string, month: string): Promise<WarehouseFeeAllocation> {
    if (!MONTH.test(month)) throw badInput([{ field: 'month', message: 'A month as YYYY-MM.' }]);
    const w = Number(warehouseId);
    this.scope(ctx, w);
    const wh = await findWarehouse(this.ds.manager, w);
    if (!wh) throw notFound('This warehouse');
    const fee = await this.ds.getRepository(WarehouseFee).findOne({ where: { warehouseId: w, month } });
    const storage = fee?.storage ?? '0.00';
    const handling = fee?.handling ?? '0.00';
    const usage = await monthUsage(this.ds, [w], month);
    const a = allocateWarehouseFee(
      { storage, handling },
      usage.map((u) => ({ skuId: u.s, opening: u.opening, moves: u.moves, lines: u.lines })),
      days(month),
    );
    const attrs = await sql.skuAttributes(
      this.ds,
      a.shares.map((s) => s.skuId),
    );
    return {
      warehouseId: String(w),
      warehouse: `${wh.code} ${wh.name}`,
      month,
      storage: new Decimal(storage).toFixed(2),
      handling: new Decimal(handling).toFixed(2),
      shares: a.shares.map((s) => ({
        ...s,
        skuId: String(s.skuId),
        sku: `${attrs.get(s.skuId)?.code ?? ''} ${attrs.get(s.skuId)?.name ?? ''}`.trim(),
        baseUnit: attrs.get(s.skuId)?.baseUnit ?? '',
      })),
      unallocatedStorage: a.unallocatedStorage,
      unallocatedHandling: a.unallocatedHandling,
    };
  }

  /**
   * The allocated fees per warehouse × SKU of every month whose last day falls in [from, to] (the
   * analysis dates them there), for the warehouses given (null: all).
   */
  async allocated(
    warehouseIds: number[] | null,
    from: string,
    to: string,
  ): Promise<Array<{ date: string; warehouseId: number; skuId: number; amount: Decimal }>> {
    return (await this.allocatedShares(warehouseIds, from, to)).map((x) => ({
      date: x.date,
      warehouseId: x.warehouseId,
      skuId: x.skuId,
      amount: new Decimal(x.total),
    }));
  }

  /**
   * As `allocated`, each share with its basis (space-days, lines), its storage and handling parts
   * and the fee it comes from (the drill-down from a warehouse-cost figure).
   */
  async allocatedShares(
    warehouseIds: number[] | null,
    from: string,
    to: string,
  ): Promise<
    Array<{
      date: string;
      warehouseId: number;
      skuId: number;
      fee: WarehouseFee;
      spaceDays: string;
      lines: number;
      storage: string;
      handling: string;
      total: string;
    }>
  > {
    const fees = (
      await this.ds
        .getRepository(WarehouseFee)
        .createQueryBuilder('f')
        .where('f.month >= :a AND f.month <= :b', { a: from.slice(0, 7), b: to.slice(0, 7) })
        .orderBy('f.month')
        .addOrderBy('f.warehouse_id')
        .getMany()
    ).filter(
      (f) =>
        monthEnd(f.month) >= from && monthEnd(f.month) <= to && (!warehouseIds || warehouseIds.includes(f.warehouseId)),
    );
    const out: Awaited<ReturnType<WarehouseFeeService['allocatedShares']>> = [];
    for (const f of fees) {
      const usage = await monthUsage(this.ds, [f.warehouseId], f.month);
      const a = allocateWarehouseFee(
        { storage: f.storage, handling: f.handling },
        usage.map((u) => ({ skuId: u.s, opening: u.opening, moves: u.moves, lines: u.lines })),
        days(f.month),
      );
      for (const s of a.shares)
        if (!new Decimal(s.total).isZero())
          out.push({
            date: monthEnd(f.month),
            warehouseId: f.warehouseId,
            skuId: s.skuId,
            fee: f,
            spaceDays: s.spaceDays,
            lines: s.lines,
            storage: s.storage,
            handling: s.handling,
            total: s.total,
          });
    }
    return out;
  }
}
