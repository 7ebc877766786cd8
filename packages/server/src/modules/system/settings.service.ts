import type { DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, conflict } from '../../core/errors';
import { Decimal } from '../../core/decimal';
import type { AuditService } from '../audit/audit.service';
import { CompanySettings } from './settings.entity';
import type { UpdateSettingsInput } from './system.types';

const snapshot = (s: CompanySettings) => ({ ...s });

export class SettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<CompanySettings> {
    const repo = this.ds.getRepository(CompanySettings);
    return (await repo.findOne({ where: { id: 1 } })) ?? (await repo.save(repo.create({ id: 1, companyName: '', version: 1 })));
  }

  async update(ctx: Context, input: UpdateSettingsInput): Promise<CompanySettings> {
    const problems = [];
    if (input.defaultTaxRate !== undefined && input.defaultTaxRate !== null) {
      const r = new Decimal(input.defaultTaxRate);
      if (r.lt(0) || r.gte(1) || r.decimalPlaces() > 6) problems.push({ field: 'defaultTaxRate', message: 'A rate from 0 to below 1 with at most 6 decimals, e.g. "0.13".' });
    }
    if (input.defaultCreditLimit !== undefined && input.defaultCreditLimit !== null) {
      const c = new Decimal(input.defaultCreditLimit);
      if (c.lt(0) || c.decimalPlaces() > 2 || c.abs().gte('1e16')) problems.push({ field: 'defaultCreditLimit', message: 'An amount of zero or more with at most 2 decimals.' });
    }
    if (problems.length) throw badInput(problems);
    const before = await this.get();
    return inTransaction(this.ds, async (tx) => {
      const patch: Partial<CompanySettings> = { version: input.version + 1 };
      for (const k of ['companyName', 'currency', 'costingMethod', 'defaultTaxRate', 'defaultCreditLimit'] as const) {
        if (input[k] !== undefined && input[k] !== null) (patch as any)[k] = input[k];
      }
      if (patch.defaultTaxRate) patch.defaultTaxRate = new Decimal(patch.defaultTaxRate).toFixed(6);
      if (patch.defaultCreditLimit) patch.defaultCreditLimit = new Decimal(patch.defaultCreditLimit).toFixed(2);
      const res = await tx.createQueryBuilder().update(CompanySettings).set(patch).where('id = 1 AND version = :v', { v: input.version }).execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(CompanySettings, { where: { id: 1 } });
      await this.audit.record(tx, ctx, { action: 'settings.update', entityType: 'CompanySettings', entityId: 1, before: snapshot(before), after: snapshot(after) });
      return after;
    });
  }
}
