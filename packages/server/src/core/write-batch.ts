import { escape } from 'mysql2';
import type { EntityManager } from 'typeorm';
import { commitInPacket, takesPackets } from './db';
import { checkDeadline } from './guard';
import type { PacketNumber } from './numbering';

/** What a statement answered: the driver's result (a MySQL ResultSetHeader: affectedRows, insertId; rows for a SELECT). */
export type WriteResult = { affectedRows?: number; insertId?: number | string } & Record<string, unknown>;

/**
 * How many rows a guarded write must change (found rows): exactly `rows`, or at least one
 * (`'some'`). Any other count refuses the transaction with `refuse()`; in a packet that ends with
 * COMMIT the count is checked by the database right after the write, so COMMIT never runs after one.
 */
export interface Expected {
  // (the count is MySQL/MariaDB's affectedRows — found rows, as mysql2 connects; on SQLite callers
  // that guard a write check its count themselves)
  rows: number | 'some';
  refuse: () => Error;
}

interface Queued {
  sql: string;
  params: unknown[];
  then?: (result: WriteResult) => void;
  expect?: Expected;
}

const bounds = (e: Expected) => (e.rows === 'some' ? [1, 2 ** 31] : [e.rows, e.rows]);

/** Throws the refusal when a guarded write changed another number of rows than expected. */
export function checkRows(e: Expected | undefined, result: WriteResult) {
  if (!e) return;
  const [min, max] = bounds(e);
  const n = result.affectedRows ?? 0;
  if (n < min || n > max) throw e.refuse();
}

/**
 * Fails the packet when the write before it changed another number of rows than [?, ?]: a scalar
 * subquery that returns two rows is an error (ER_SUBQUERY_NO_1_ROW), which stops the packet before
 * COMMIT. (Plain SQL: no SIGNAL, which needs a stored program.)
 */
const ROWS_CHECK =
  'SELECT (SELECT 1 FROM (SELECT 1 AS one UNION ALL SELECT 2) AS two WHERE ROW_COUNT() NOT BETWEEN ? AND ?) AS jxc_rows_check';
const SUBQUERY_NOT_ONE_ROW = 1242;
/** packets sent by this process (a packet's count checks name it) */
let packets = 0;

/**
 * Writes whose results the caller only checks (a changed-row count, an inserted id), never reads
 * back before it goes on. On a transaction of the posting pool (`inTransaction(…, { packets: true })`,
 * MySQL/MariaDB: connections that take several statements in one packet) they are queued and sent
 * together by `flush` — one round trip — and `commit` sends the last of them with COMMIT; anywhere
 * else (SQLite, the main pool) `add` sends each at once, so the order of work is the same as the
 * code reads. Every value stays a placeholder (the driver escapes it). A statement that fails stops
 * the packet there (the server runs none of the rest, COMMIT included) and the transaction rolls
 * back whole. The checks (`then`, `expect`) run in order after the packet: one that throws refuses
 * the transaction before anything later is sent. In the last packet (`commit`) a `then` runs after
 * COMMIT, so a write that may refuse says so with `expect`: the database checks its count there.
 */
export class WriteBatch {
  /** whether statements are held until `flush` (the posting pool) or sent at once */
  readonly packed: boolean;
  /** writes, and where the number is taken (`takeNumber`) among them */
  private queue: Array<Queued | { number: PacketNumber }> = [];
  /** the number once its statements are queued: values holding its token get it in the database */
  private number?: { token: string; sent: boolean };

  constructor(private readonly tx: EntityManager) {
    this.packed = takesPackets(tx);
  }

  /** A write: sent now (`then` called with its result), or queued until the next `flush`/`commit`. */
  async add(sql: string, params: unknown[], then?: (result: WriteResult) => void, expect?: Expected): Promise<void> {
    if (!this.packed) {
      const result = (await this.tx.query(sql, params)) as WriteResult;
      checkRows(expect, result);
      then?.(result);
      return;
    }
    if (/;\s*$/.test(sql)) throw new Error('WriteBatch: a statement without its own terminator');
    this.queue.push({ sql, params, then, expect });
  }

  /**
   * The number is taken here (see `numberInPacket`), in the packet that carries what is queued from
   * now on (the last, with COMMIT, unless something flushes before): what was queued before runs
   * first, so the counter row is locked from here to COMMIT only; values queued from now on may
   * hold the number's token.
   */
  takeNumber(number: PacketNumber): void {
    if (!this.packed) throw new Error('WriteBatch: a number in the packet needs the posting pool');
    if (this.number) throw new Error('WriteBatch: one number per transaction');
    this.queue.push({ number });
    this.number = { token: number.token, sent: false };
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * One packet of what is queued, and the check after each counted write (which write a failed
   * check was about goes into a session variable before it: it outlives the failed packet).
   */
  private packet(queued: WriteBatch['queue']) {
    const packetNo = ++packets;
    const sql: string[] = [];
    const params: unknown[] = [];
    /** the write each result belongs to (null: the number's statements and the checks) */
    const owner: Array<Queued | null> = [];
    const send = (statement: string, values: unknown[], of: Queued | null = null) => {
      sql.push(statement);
      params.push(...values);
      owner.push(of);
    };
    for (const q of queued) {
      if ('number' in q) {
        // (its values are positional across its statements: all go with the first)
        q.number.statements.forEach((st, k) => send(st, k ? [] : q.number.params));
        this.number!.sent = true;
        continue;
      }
      if (q.expect) send('SET @jxc_checked = ?', [`${packetNo}:${queued.indexOf(q)}`]);
      const token = this.number?.sent ? this.number.token : null;
      send(q.sql, token ? q.params.map((p) => withNumber(p, token)) : q.params, q);
      if (q.expect) send(ROWS_CHECK, bounds(q.expect));
    }
    return { sql, params, owner, packetNo };
  }

  /**
   * A failed count check: the refusal of its write (the transaction is still open: the caller rolls
   * it back). The variable names this packet and the write, so a value left on the connection by an
   * earlier packet is never taken for this one's; anything else is the error as it came.
   */
  private async refusal(e: unknown, queued: WriteBatch['queue'], packetNo: number): Promise<unknown> {
    const err = e as { errno?: number; driverError?: { errno?: number } };
    if ((err.driverError?.errno ?? err.errno) !== SUBQUERY_NOT_ONE_ROW) return e;
    try {
      const [{ at }] = (await this.tx.query('SELECT @jxc_checked AS at')) as Array<{ at: unknown }>;
      const [no, i] = String(at).split(':');
      const q = Number(no) === packetNo ? queued[Number(i)] : undefined;
      return (q && 'expect' in q && q.expect?.refuse()) || e;
    } catch {
      return e;
    }
  }

  /** Sends what is queued, in one packet, and runs the checks. */
  async flush(): Promise<void> {
    const queued = this.queue;
    this.queue = [];
    if (!queued.length) return;
    const { sql, params, owner, packetNo } = this.packet(queued);
    let raw: unknown;
    try {
      raw = await this.tx.query(sql.join(';\n'), params);
    } catch (e) {
      throw await this.refusal(e, queued, packetNo);
    }
    const results = sql.length === 1 ? [raw] : (raw as unknown[]);
    owner.forEach((q, k) => {
      if (!q) return;
      checkRows(q.expect, results[k] as WriteResult);
      q.then?.(results[k] as WriteResult);
    });
  }

  /**
   * The end of the transaction: on the posting pool what is queued goes with COMMIT in one packet
   * (the request's deadline checked first, as `inTransaction` does before its COMMIT), and the
   * transaction is over when this returns; elsewhere the queue is flushed and `inTransaction`
   * commits as usual. Each `expect` is checked by the database right after its write (a count
   * outside it stops the packet before COMMIT and refuses the transaction); the `then`s run after
   * COMMIT, so they only take results (ids). With a number (`takeNumber`) every value holding its
   * token got the number in the database, and the number is returned.
   */
  async commit(): Promise<string | undefined> {
    if (!this.packed) {
      await this.flush();
      return undefined;
    }
    checkDeadline();
    const queued = this.queue;
    this.queue = [];
    const { sql, params, owner, packetNo } = this.packet(queued);
    if (this.number) {
      sql.push('SELECT @jxc_no AS number');
      owner.push(null);
    }
    let results: unknown[];
    try {
      results = await commitInPacket(this.tx, sql, params);
    } catch (e) {
      throw await this.refusal(e, queued, packetNo);
    }
    owner.forEach((q, k) => q?.then?.(results[k] as WriteResult));
    return this.number ? String((results[results.length - 1] as Array<{ number: string }>)[0].number) : undefined;
  }
}

/** A value that holds the packet's number token: the number itself, or the value with the number in the token's place. */
function withNumber(value: unknown, token: string): unknown {
  if (typeof value !== 'string' || !value.includes(token)) return value;
  const sql = value === token ? '@jxc_no' : `REPLACE(${escape(value)}, ${escape(token)}, @jxc_no)`;
  return { toSqlString: () => sql };
}
