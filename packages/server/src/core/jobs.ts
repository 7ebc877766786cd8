import crypto from 'node:crypto';
import os from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';
import { insertIgnore, isSqlite } from './sql';

export interface JobOptions {
  /** how often this process looks whether the job is due (default: the period, at most a minute) */
  checkMs?: number;
  /** no log line per run (jobs that run every few seconds) */
  quiet?: boolean;
}

/** How a periodic job is scheduled once per cluster (`Scheduler.every`, handed to services that have one). */
export type Every = (name: string, periodMs: number, fn: () => Promise<unknown>, opts?: JobOptions) => void;

/**
 * Leases run on operational time, never on the business clock (which tests move and the e2e server
 * freezes): the database's clock, one for every process. A lease is a datetime column: `leaseUntil`
 * is the SQL for "`ms` from now" (with its parameters), `leaseLapsed` the condition that a lease in
 * `column` is free (none, or run out). Both the periodic jobs below (`job_lease.next_run_at`) and
 * the outboxes' rows (core/outbox: a dispatcher holds what it sends) use them.
 */
export function leaseUntil(db: DataSource | EntityManager, ms: number): [string, unknown[]] {
  return isSqlite(db)
    ? [`strftime('%Y-%m-%d %H:%M:%f', 'now', ?)`, [`${ms < 0 ? '-' : '+'}${Math.abs(ms) / 1000} seconds`]]
    : ['DATE_ADD(NOW(3), INTERVAL ? MICROSECOND)', [Math.round(ms * 1000)]];
}

export const leaseLapsed = (db: DataSource | EntityManager, column: string): string =>
  `(${column} IS NULL OR ${column} <= ${isSqlite(db) ? `strftime('%Y-%m-%d %H:%M:%f', 'now')` : 'NOW(3)'})`;

/** This process's name in `job_lease.holder`. */
export const processHolder = () => `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

/**
 * Jobs that run once per period (the lease is a `job_lease` row, see core/entities) across all API processes on one database (tier recompute, digests,
 * the alert outbox sweep …). SQLite is one process by construction: there a local timer does.
 */
export class Scheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly ds: DataSource,
    readonly holder = processHolder(),
  ) {}

  /** Runs `fn` once per `periodMs` per cluster; the first run is one period after the job was first registered. */
  every(name: string, periodMs: number, fn: () => Promise<unknown>, opts: JobOptions = {}): void {
    if (!(periodMs > 0)) return;
    const checkMs = opts.checkMs ?? Math.min(periodMs, 60_000);
    const registered = this.register(name, periodMs).catch((e) => console.error(`[jxc] job ${name}:`, e?.message ?? e));
    const tick = () => {
      if (this.stopped) return;
      const run = registered
        .then(() => this.claim(name, periodMs))
        .then(async (mine) => {
          if (!mine || this.stopped) return;
          if (!opts.quiet) console.log(`[jxc] job ${name} ran on ${this.holder}`);
          await fn();
        })
        .catch((e) => console.error(`[jxc] job ${name} failed:`, e?.message ?? e))
        .finally(() => this.running.delete(run));
      this.running.add(run);
    };
    const t = setInterval(tick, checkMs);
    t.unref();
    this.timers.push(t);
  }

  /** due times of the jobs when there is no lease table to share (SQLite: one process), on the monotonic clock */
  private readonly local = new Map<string, number>();

  // Due times are operational, not business time: the database's clock (one for every process) or
  // this process's monotonic clock, never the business clock that tests move.
  private async register(name: string, periodMs: number): Promise<void> {
    if (isSqlite(this.ds)) {
      this.local.set(name, performance.now() + periodMs);
      return;
    }
    const [until, params] = leaseUntil(this.ds, periodMs);
    await this.ds.query(`${insertIgnore(this.ds)} INTO job_lease (name, next_run_at, runs) VALUES (?, ${until}, 0)`, [
      name,
      ...params,
    ]);
  }

  /** Whether this process takes the job's current period (a guarded UPDATE; SQLite: a local due time). */
  async claim(name: string, periodMs: number): Promise<boolean> {
    if (isSqlite(this.ds)) {
      const at = performance.now();
      // a timer may fire a little early: 5 ms of slack
      if ((this.local.get(name) ?? Infinity) > at + 5) return false;
      this.local.set(name, at + periodMs);
      return true;
    }
    // a timer may fire a little early: 5 ms of slack
    const [until, params] = leaseUntil(this.ds, periodMs);
    const [slack, slackParams] = leaseUntil(this.ds, 5);
    const r = await this.ds.query(
      `UPDATE job_lease SET next_run_at = ${until}, holder = ?, last_run_at = NOW(3),
       runs = runs + 1 WHERE name = ? AND next_run_at <= ${slack}`,
      [...params, this.holder, name, ...slackParams],
    );
    return Number(r?.affectedRows ?? 0) === 1;
  }

  /** Stops the timers and waits for runs in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.splice(0)) clearInterval(t);
    await Promise.allSettled([...this.running]);
  }
}
