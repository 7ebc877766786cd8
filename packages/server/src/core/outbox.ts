import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from './db';
import { leaseLapsed, leaseUntil, type Every } from './jobs';
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

/** Which rows of an outbox table are due, for `drainDue`. */
export interface DueRows<T> {
  /** the outbox table (and an alias the condition may use, e.g. `webhook_delivery d`) */
  table: string;
  /** the alias's prefix for `id` and `lease_until` (e.g. `d.`); none by default */
  prefix?: string;
  /** what else makes a row due (besides a lapsed lease), with its parameters: asked anew for every batch */
  where?: (tx: EntityManager) => [string, unknown[]];
  /** rows set aside during this drain (tried, or their target failed): column and values, asked anew for every batch */
  exclude?: () => { column: string; values: number[] } | null;
  /** how many rows a batch takes */
  limit: number;
  /** how long a taken row is held while it is sent (the database clock) */
  leaseMs: number;
  /** the taken rows as entities, in the taking transaction */
  load: (tx: EntityManager, ids: number[]) => Promise<T[]>;
  /** sends a batch outside any transaction; returns how much it did (each row is settled or given a later lease by it) */
  send: (rows: T[]) => Promise<number>;
}

/**
 * The loop every outbox worker runs: take a batch of due rows (`SELECT … FOR UPDATE SKIP LOCKED`
 * where the database has row locks, see `skipLocked`; on SQLite the single writer serialises the
 * taking transactions instead), hold them with a lease on the database clock (`leaseUntil`) and
 * commit, send them outside the transaction, and go again until nothing is due. Several processes
 * never take the same row: a row another holds is locked or leased. A row the sender neither settles
 * nor re-leases comes back when its lease lapses; rows it set aside are kept out by `exclude`.
 * Returns the sum of what `send` did.
 */
export async function drainDue<T>(ds: DataSource, due: DueRows<T>): Promise<number> {
  const p = due.prefix ?? '';
  let done = 0;
  for (;;) {
    const taken = await inTransaction(ds, async (tx) => {
      const [cond, params] = due.where?.(tx) ?? ['', []];
      const ex = due.exclude?.();
      const out = ex?.values.length ? ` AND ${ex.column} NOT IN (${ex.values.map(() => '?').join(',')})` : '';
      const rows: Array<{ id: number }> = await tx.query(
        `SELECT ${p}id AS id FROM ${due.table} WHERE ${cond ? `${cond} AND ` : ''}${leaseLapsed(tx, `${p}lease_until`)}${out} ORDER BY ${p}id LIMIT ${Math.floor(due.limit)}${skipLocked(tx)}`,
        [...params, ...(ex?.values.length ? ex.values : [])],
      );
      if (!rows.length) return [];
      const ids = rows.map((r) => Number(r.id));
      const [until, leaseParams] = leaseUntil(tx, due.leaseMs);
      const bare = due.table.split(/\s+/)[0];
      await tx.query(`UPDATE ${bare} SET lease_until = ${until} WHERE id IN (${ids.map(() => '?').join(',')})`, [
        ...leaseParams,
        ...ids,
      ]);
      return due.load(tx, ids);
    });
    if (!taken.length) return done;
    done += await due.send(taken);
  }
}
