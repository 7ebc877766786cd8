import type { DataSource, EntityManager } from 'typeorm';
import type { Every } from './jobs';
import { rowLocking } from './sql';

/** `FOR UPDATE SKIP LOCKED` where the database has row locks: several processes take disjoint rows of an outbox. */
export const skipLocked = (db: DataSource | EntityManager): string => (rowLocking(db) ? ' FOR UPDATE SKIP LOCKED' : '');

/**
 * The background half of an outbox (发件箱): rows are written in the producer's transaction and a
 * worker hands them on. It runs on start (what a stopped server left), shortly after a row is
 * written in this process (`soon`), and every `intervalMs` as a periodic job of core/jobs (once per
 * period across all API processes: `every`; a local timer when none is given). One run at a time
 * per process; the rows of a run are taken with SKIP LOCKED (`skipLocked`) and, where they are sent
 * outside the transaction, held by a lease on the database clock (`leaseUntil`, `leaseLapsed` of core/jobs), so
 * several processes never take the same row. Live alerts and webhooks both use it.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private intervalMs = 0;

  constructor(
    /** the job's name (`job_lease.name`) and in logs */
    readonly name: string,
    /** one pass over what is due; returns how much it did */
    private readonly pass: () => Promise<number>,
  ) {}

  /**
   * Runs in the background: now, shortly after `soon`, and every `intervalMs` (0: never; tests call
   * `run`): through `every` (the cluster's scheduler) when given, else on a local timer.
   */
  start(intervalMs: number, every?: Every): void {
    this.intervalMs = intervalMs;
    if (!intervalMs) return;
    this.soon();
    if (every) every(this.name, intervalMs, () => (this.intervalMs ? this.run() : Promise.resolve()), { quiet: true });
    else {
      this.timer = setInterval(() => this.soon(0), intervalMs);
      this.timer.unref();
    }
  }

  /** Stops the timer and waits for a run under way (the scheduler's job does nothing once stopped). */
  stop(): Promise<unknown> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.intervalMs = 0;
    return this.running ?? Promise.resolve();
  }

  get started(): boolean {
    return this.intervalMs > 0;
  }

  /** A run shortly (after a row was written); nothing when not started. */
  soon(delay = 100): void {
    if (!this.intervalMs) return;
    setTimeout(() => {
      if (!this.intervalMs) return; // stopped meanwhile
      this.run().catch((e) => console.error(`[jxc] ${this.name} failed`, e?.message ?? e));
    }, delay).unref();
  }

  /** One run now (after the one under way, if any); returns how much it did. */
  run(): Promise<number> {
    if (this.running) return this.running.then(() => this.run());
    this.running = this.pass().finally(() => (this.running = null));
    return this.running;
  }
}
