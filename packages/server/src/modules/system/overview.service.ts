import { MoreThanOrEqual, type DataSource } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { LoginAttempt } from '../auth/login-attempt.entity';

export const dayKey = (d: Date) => d.toISOString().slice(0, 10);

/** The last `days` UTC days, oldest first, each with a count (zero where nothing happened). */
export function countByDay(dates: Date[], days: number, now = new Date()): Array<{ day: string; count: number }> {
  const out = new Map<string, number>();
  for (let i = days - 1; i >= 0; i--) out.set(dayKey(new Date(now.getTime() - i * 86400_000)), 0);
  for (const d of dates) {
    const k = dayKey(d);
    if (out.has(k)) out.set(k, out.get(k)! + 1);
  }
  return [...out].map(([day, count]) => ({ day, count }));
}

const startOfUtcDay = (now: Date, daysBack: number) => {
  const d = new Date(now.getTime() - daysBack * 86400_000);
  d.setUTCHours(0, 0, 0, 0);
  return d;
};

export class OverviewService {
  constructor(private readonly ds: DataSource) {}

  async auditByDay(days: number): Promise<Array<{ day: string; count: number }>> {
    const since = startOfUtcDay(new Date(), days - 1);
    const rows = await this.ds.getRepository(AuditEntry).find({ select: { at: true }, where: { at: MoreThanOrEqual(since) } });
    return countByDay(rows.map((r) => r.at), days);
  }

  async loginsByDay(days: number, success: boolean): Promise<Array<{ day: string; count: number }>> {
    const since = startOfUtcDay(new Date(), days - 1);
    const rows = await this.ds.getRepository(LoginAttempt).find({ select: { at: true }, where: { at: MoreThanOrEqual(since), success } });
    return countByDay(rows.map((r) => r.at), days);
  }
}
