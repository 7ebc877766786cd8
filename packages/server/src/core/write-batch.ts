import { escape } from 'mysql2';
import type { EntityManager } from 'typeorm';
import { commitInPacket, takesPackets } from './db';
import { checkDeadline } from './guard';
import type { PacketNumber } from './numbering';

/** What a statement answered: the driver's result (a MySQL ResultSetHeader: affectedRows, insertId; rows for a SELECT). */
export type WriteResult = { affectedRows?: number; insertId?: number | string } & Record<string, unknown>;

interface Queued {
  sql: string;
  params: unknown[];
  then?: (result: WriteResult) => void;
}

/**
 * Writes whose results the caller only checks (a changed-row count, an inserted id), never reads
 * back before it goes on. On a transaction of the posting pool (`inTransaction(…, { packets: true })`,
 * MySQL/MariaDB: connections that take several statements in one packet) they are queued and sent
 * together by `flush` — one round trip — and `commit` sends the last of them with COMMIT; anywhere
 * else (SQLite, the main pool) `add` sends each at once, so the order of work is the same as the
 * code reads. Every value stays a placeholder (the driver escapes it). A statement that fails stops
 * the packet there (the server runs none of the rest, COMMIT included) and the transaction rolls
 * back whole. The checks (`then`) run in order after the packet: one that throws refuses the
 * transaction before anything later is sent — so a check that may refuse belongs before `commit`.
 */
export class WriteBatch {
  /** whether statements are held until `flush` (the posting pool) or sent at once */
  readonly packed: boolean;
  private queue: Queued[] = [];

  constructor(private readonly tx: EntityManager) {
    this.packed = takesPackets(tx);
  }

  /** A write: sent now (`then` called with its result), or queued until the next `flush`/`commit`. */
  async add(sql: string, params: unknown[], then?: (result: WriteResult) => void): Promise<void> {
    if (!this.packed) {
      const result = (await this.tx.query(sql, params)) as WriteResult;
      then?.(result);
      return;
    }
    if (/;\s*$/.test(sql)) throw new Error('WriteBatch: a statement without its own terminator');
    this.queue.push({ sql, params, then });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Sends what is queued, in one packet, and runs the checks. */
  async flush(): Promise<void> {
    const queued = this.queue;
    this.queue = [];
    if (!queued.length) return;
    const sql = queued.map((q) => q.sql).join(';\n');
    const raw = (await this.tx.query(
      sql,
      queued.flatMap((q) => q.params),
    )) as WriteResult | WriteResult[];
    const results = queued.length === 1 ? [raw as WriteResult] : (raw as WriteResult[]);
    queued.forEach((q, i) => q.then?.(results[i]));
  }

  /**
   * The end of the transaction: on the posting pool what is queued goes with COMMIT in one packet
   * (the request's deadline checked first, as `inTransaction` does before its COMMIT), and the
   * transaction is over when this returns; elsewhere the queue is flushed and `inTransaction`
   * commits as usual. The checks of this last packet run after COMMIT: give it only statements
   * whose results are taken (ids), not ones that may refuse. With `number` the packet takes the
   * document's number first (see `numberInPacket`): every value holding its token gets the number
   * in the database, and the number is returned.
   */
  async commit(number?: PacketNumber): Promise<string | undefined> {
    if (!this.packed) {
      if (number) throw new Error('WriteBatch: a number in the packet needs the posting pool');
      await this.flush();
      return undefined;
    }
    checkDeadline();
    const queued = this.queue;
    this.queue = [];
    const params = queued.flatMap((q) => q.params);
    const results = await commitInPacket(
      this.tx,
      number
        ? [...number.statements, ...queued.map((q) => q.sql), 'SELECT @jxc_no AS number']
        : queued.map((q) => q.sql),
      number ? [...number.params, ...params.map((p) => withNumber(p, number.token))] : params,
    );
    const own = number ? results.slice(number.statements.length) : results;
    queued.forEach((q, i) => q.then?.(own[i] as WriteResult));
    return number ? String((own[queued.length] as Array<{ number: string }>)[0].number) : undefined;
  }
}

/** A value that holds the packet's number token: the number itself, or the value with the number in the token's place. */
function withNumber(value: unknown, token: string): unknown {
  if (typeof value !== 'string' || !value.includes(token)) return value;
  const sql = value === token ? '@jxc_no' : `REPLACE(${escape(value)}, ${escape(token)}, @jxc_no)`;
  return { toSqlString: () => sql };
}
