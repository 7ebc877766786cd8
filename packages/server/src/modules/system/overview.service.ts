import { MoreThanOrEqual, type DataSource } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { LoginAttempt } from '../auth/login-attempt.entity';
import { addDays, businessDay, now, startOfBusinessDay, today } from '../../core/dates';

/** The last `days` business days (company time zone), oldest first, each with a count (zero where nothing happened). */
export function countByDay(dates: Date[], days: number, at = now()): Array<{ day: string; count: number }> {
  const out = new Map<string, number>();
  const last = today(at);
  for (let i = days - 1; i >= 0; i--) out.set(addDays(last, -i), 0);
  for (const d of dates) {
    const k = businessDay(d);
    if (out.has(k)) out.set(k, out.get(k)! + 1);
  }
  return [...out].map(([day, count]) => ({ day, count }));
}

const startOfDaysBack = (now: Date, daysBack: number) => startOfBusinessDay(addDays(today(now), -daysBack));

export class OverviewService {
  constructor(private readonly ds: DataSource) {}

  async auditByDay(days: number): Promise<Array<{ day: string; count: number }>> {
    const since = startOfDaysBack(now(), days - 1);
    const rows = await this.ds
      .getRepository(AuditEntry)
      .find({ select: { at: true }, where: { at: MoreThanOrEqual(since) } });
    return countByDay(
      rows.map((r) => r.at),
      days,
    );
  }

  async loginsByDay(days: number, success: boolean): Promise<Array<{ day: string; count: number }>> {
    const since = startOfDaysBack(now(), days - 1);
    const rows = await this.ds
      .getRepository(LoginAttempt)
      .find({ select: { at: true }, where: { at: MoreThanOrEqual(since), success } });
    return countByDay(
      rows.map((r) => r.at),
      days,
    );
  }
}
