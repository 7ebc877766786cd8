import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, conflict, DomainError } from '../../core/errors';
import { Decimal } from '../../core/decimal';
import type { AuditService } from '../audit';
import { CompanySettings } from './settings.entity';
import type { UpdateSettingsInput } from './system.types';
import { DEFAULT_PATTERNS, validPattern } from '../../core/numbering';

/** The company's settings as of the caller's transaction (costing method, closed periods, numbering, tolerances). */
export function companySettings(em: EntityManager): Promise<CompanySettings> {
  return em.findOneByOrFail(CompanySettings, { id: 1 });
}

/** The settings a posting needs. */
export type PostingSettings = Pick<
  CompanySettings,
  'costingMethod' | 'closedThrough' | 'numberPatterns' | 'expiryWarningDays' | 'storageRule'
>;

/**
 * The settings a posting needs as a one-row subquery (columns prefixed `s_`) that another module's
 * read joins (`CROSS JOIN (…) s`), so a posting reads its document and the settings in one round
 * trip; `postingSettingsOf` reads them back from a row of that read.
 */
export const POSTING_SETTINGS_SQL =
  'SELECT costing_method AS s_costing_method, closed_through AS s_closed_through, number_patterns AS s_number_patterns, expiry_warning_days AS s_expiry_warning_days, storage_rule AS s_storage_rule FROM company_settings WHERE id = 1';

export function postingSettingsOf(row: Record<string, unknown>): PostingSettings {
  return {
    costingMethod: row.s_costing_method as CompanySettings['costingMethod'],
    closedThrough: (row.s_closed_through as string | null) ?? null,
    numberPatterns: (row.s_number_patterns as string | null) ?? null,
    expiryWarningDays: row.s_expiry_warning_days == null ? 30 : Number(row.s_expiry_warning_days),
    storageRule: row.s_storage_rule as CompanySettings['storageRule'],
  };
}

const snapshot = (s: CompanySettings) => ({ ...s });
const before0 = (s: CompanySettings) => s.costingMethod;

export class SettingsService {
  private stockPosted: () => Promise<boolean> = async () => false;
  private closeHooks: Array<(tx: EntityManager, closedThrough: string) => Promise<void>> = [];

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The stock module answers whether anything was posted (the costing method is fixed from then on). */
  useStockPosted(posted: () => Promise<boolean>): void {
    this.stockPosted = posted;
  }

  /**
   * Runs in the settings' transaction when `closedThrough` moves later (the period close): the
   * stock module writes its monthly snapshots here.
   */
  onPeriodClosed(hook: (tx: EntityManager, closedThrough: string) => Promise<void>): void {
    this.closeHooks.push(hook);
  }

  async get(): Promise<CompanySettings> {
    const repo = this.ds.getRepository(CompanySettings);
    return (
      (await repo.findOne({ where: { id: 1 } })) ??
      (await repo.save(repo.create({ id: 1, companyName: '', version: 1 })))
    );
  }

  async update(ctx: Context, input: UpdateSettingsInput): Promise<CompanySettings> {
    const problems = [];
    if (input.defaultTaxRate !== undefined && input.defaultTaxRate !== null) {
      const r = new Decimal(input.defaultTaxRate);
      if (r.lt(0) || r.gte(1) || r.decimalPlaces() > 6)
        problems.push({
          field: 'defaultTaxRate',
          message: 'A rate from 0 to below 1 with at most 6 decimals, e.g. "0.13".',
        });
    }
    if (input.defaultCreditLimit !== undefined && input.defaultCreditLimit !== null) {
      const c = new Decimal(input.defaultCreditLimit);
      if (c.lt(0) || c.decimalPlaces() > 2 || c.abs().gte('1e16'))
        problems.push({ field: 'defaultCreditLimit', message: 'An amount of zero or more with at most 2 decimals.' });
    }
    if (input.purchaseOverReceiptTolerance !== undefined && input.purchaseOverReceiptTolerance !== null) {
      const t = new Decimal(input.purchaseOverReceiptTolerance);
      if (t.lt(0) || t.gt(1) || t.decimalPlaces() > 6)
        problems.push({
          field: 'purchaseOverReceiptTolerance',
          message: 'A share from 0 to 1 with at most 6 decimals, e.g. "0.05".',
        });
    }
    if (
      input.expiryWarningDays !== undefined &&
      input.expiryWarningDays !== null &&
      (input.expiryWarningDays < 0 || input.expiryWarningDays > 3650)
    )
      problems.push({ field: 'expiryWarningDays', message: 'Whole days from 0 to 3650.' });
    if (
      input.unitCostPlaces !== undefined &&
      input.unitCostPlaces !== null &&
      (input.unitCostPlaces < 2 || input.unitCostPlaces > 6)
    )
      problems.push({ field: 'unitCostPlaces', message: 'From 2 to 6 decimal places.' });
    if (
      input.closedThrough !== undefined &&
      input.closedThrough !== null &&
      !/^\d{4}-\d{2}-\d{2}$/.test(input.closedThrough)
    ) {
      problems.push({ field: 'closedThrough', message: 'A date like 2026-10-31.' });
    }
    if (input.numberPatterns !== undefined && input.numberPatterns !== null) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(input.numberPatterns);
      } catch {
        parsed = null;
      }
      const ok =
        parsed &&
        typeof parsed === 'object' &&
        !Array.isArray(parsed) &&
        Object.entries(parsed).every(([k, v]) => k in DEFAULT_PATTERNS && typeof v === 'string' && validPattern(v));
      if (!ok)
        problems.push({
          field: 'numberPatterns',
          message:
            'A JSON object of known document types to patterns with a counter like {0000}, e.g. {"transfer":"TR-{yyyyMMdd}-{0000}"}.',
        });
    }
    if (problems.length) throw badInput(problems);
    if (input.costingMethod && input.costingMethod !== before0(await this.get())) {
      if (await this.stockPosted())
        throw badInput([
          { field: 'costingMethod', message: 'The costing method cannot change once stock has been posted.' },
        ]);
    }
    const before = await this.get();
    return inTransaction(this.ds, async (tx) => {
      const patch: Partial<CompanySettings> = { version: input.version + 1 };
      for (const k of [
        'companyName',
        'currency',
        'costingMethod',
        'defaultTaxRate',
        'defaultCreditLimit',
        'closedThrough',
        'numberPatterns',
        'purchaseOverReceiptTolerance',
        'expiryWarningDays',
        'storageRule',
        'unitCostPlaces',
      ] as const) {
        if (input[k] !== undefined && input[k] !== null) (patch as any)[k] = input[k];
      }
      if (patch.defaultTaxRate) patch.defaultTaxRate = new Decimal(patch.defaultTaxRate).toFixed(6);
      if (patch.defaultCreditLimit) patch.defaultCreditLimit = new Decimal(patch.defaultCreditLimit).toFixed(2);
      if (patch.purchaseOverReceiptTolerance)
        patch.purchaseOverReceiptTolerance = new Decimal(patch.purchaseOverReceiptTolerance).toFixed(6);
      const res = await tx
        .createQueryBuilder()
        .update(CompanySettings)
        .set(patch)
        .where('id = 1 AND version = :v', { v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(CompanySettings, { where: { id: 1 } });
      if (after.closedThrough && (!before.closedThrough || after.closedThrough > before.closedThrough))
        for (const h of this.closeHooks) await h(tx, after.closedThrough);
      await this.audit.record(tx, ctx, {
        action: 'settings.update',
        entityType: 'CompanySettings',
        entityId: 1,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }
}

/** The number pattern of a document type: the company's, or the default. */
export function patternFor(settings: Pick<CompanySettings, 'numberPatterns'>, docType: string): string {
  try {
    const custom = settings.numberPatterns ? (JSON.parse(settings.numberPatterns) as Record<string, string>) : {};
    return custom[docType] ?? DEFAULT_PATTERNS[docType];
  } catch {
    return DEFAULT_PATTERNS[docType];
  }
}

/** Nothing may be posted (or invoiced) into a closed period. */
export function assertPeriodOpen(settings: Pick<CompanySettings, 'closedThrough'>, date: string): void {
  if (settings.closedThrough && date <= settings.closedThrough) {
    throw new DomainError(
      'PERIOD_CLOSED',
      `The period up to ${settings.closedThrough} is closed; nothing can be posted on ${date}.`,
      { closedThrough: settings.closedThrough, date },
    );
  }
}
