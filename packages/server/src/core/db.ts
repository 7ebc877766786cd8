import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager, type QueryRunner } from 'typeorm';
import { checkDeadline } from './guard';
import { assertMysqlUsable, MYSQL_COLLATION } from './db-check';

export type DbKind = 'sqlite' | 'mysql';

export function dbKind(url: string): DbKind {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('mysql:') || url.startsWith('mariadb:')) return 'mysql';
  throw new Error(`JXC_DATABASE_URL must start with sqlite: or mysql: (got "${url.split(':')[0]}:")`);
}

/**
 * What the database holds, handed in by the composition root (app, CLI, tests): core knows no
 * module, so it cannot list their entities or migrations itself.
 */
export interface DatabaseSchema {
  entities: NonNullable<DataSourceOptions['entities']>;
  /** MySQL/MariaDB migrations, in order (SQLite builds its schema from the entities) */
  migrations: Array<new () => unknown>;
}

export function dataSourceOptions(url: string, { entities, migrations }: DatabaseSchema): DataSourceOptions {
  if (dbKind(url) === 'sqlite') {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return { type: 'better-sqlite3', database: file, entities, synchronize: false, enableWAL: file !== ':memory:' };
  }
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  // `?socket=/run/mysqld/mysqld.sock`: a server on the same host through its Unix socket (host and
  // port are then ignored); each statement costs the API process a fraction of the CPU of loopback TCP
  const socketPath = u.searchParams.get('socket') || undefined;
  return {
    // MariaDB reports column defaults differently; its own driver type keeps schema diffs empty
    type: url.startsWith('mariadb:') ? 'mariadb' : 'mysql',
    host: u.hostname,
    port: Number(u.port || 3306),
    ...(socketPath ? { socketPath } : {}),
    username: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
    database: u.pathname.replace(/^\//, ''),
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    timezone: 'Z',
    charset: MYSQL_COLLATION,
    supportBigNumbers: true,
    bigNumberStrings: true,
    // no stack trace captured for every statement sent (mysql2's default): it cost 0.3 ms of CPU per
    // posting; TypeORM's QueryFailedError still names the statement, and errors keep their own stack
    trace: false,
    extra: { connectionLimit: Number(process.env.JXC_DB_POOL || 20), connectTimeout: 5000 },
  };
}

/** The embedded database may build its schema from the entities; decimals become TEXT and bigints INTEGER there. */
function patchSqliteDecimals(ds: DataSource) {
  for (const meta of ds.entityMetadatas) {
    for (const col of meta.columns) {
      if (col.type === 'decimal') col.type = 'text';
      // SQLite's autoincrement needs INTEGER, which is 64-bit there anyway
      if (col.type === 'bigint') col.type = 'integer';
    }
  }
}

export async function openDatabase(
  url: string,
  schema: DatabaseSchema,
  opts: { migrate?: boolean } = {},
): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(url, schema));
  await ds.initialize();
  if (ds.options.type === 'better-sqlite3') {
    await ds.query('PRAGMA foreign_keys = ON');
    await ds.query('PRAGMA busy_timeout = 5000');
    patchSqliteDecimals(ds);
    await ds.synchronize();
  } else {
    // refuse a database jxc cannot work on, with what to do about it, before and after migrating
    try {
      await assertMysqlUsable(ds, { schema: false });
      if (opts.migrate !== false) await ds.runMigrations({ transaction: 'each' });
      await assertMysqlUsable(ds);
    } catch (e) {
      await ds.destroy();
      throw e;
    }
  }
  return ds;
}

const RETRYABLE = new Set([1213, 1205, 1020]);

export interface TransactionOptions {
  /** attempts on deadlocks and lock-wait timeouts (6) */
  tries?: number;
  /**
   * Run on the posting pool (MySQL/MariaDB; ignored on SQLite): connections that take several
   * statements in one packet, for `WriteBatch` (core/write-batch), so a posting sends its writes
   * together and its last ones with COMMIT. Only code that keeps every value a placeholder runs
   * there; everything else stays on the main pool, which refuses multi-statement packets.
   */
  packets?: boolean;
}

/** Per transaction of `inTransaction`: what runs once it has committed (`afterCommit`). */
const commitHooks = new WeakMap<EntityManager, Array<() => void>>();

/**
 * Runs `fn` once the transaction `tx` has committed, and never for an attempt that rolled back (a
 * deadlock retried, a refusal): a live update about a row must not go out for a row that is not
 * there. Outside a transaction of `inTransaction` it runs at once.
 */
export function afterCommit(tx: EntityManager, fn: () => void): void {
  const hooks = commitHooks.get(tx);
  if (hooks) hooks.push(fn);
  else fn();
}

/**
 * One transaction, retried a few times with jitter on deadlocks and lock-wait timeouts.
 * SQLite serialises writers, so it only ever runs once there.
 */
export async function inTransaction<T>(
  ds: DataSource,
  unguarded: (tx: EntityManager) => Promise<T>,
  options: number | TransactionOptions = {},
): Promise<T> {
  const { tries = 6, packets = false } = typeof options === 'number' ? { tries: options } : options;
  // a request past its execution limit is cancelled: its transaction rolls back instead of committing
  // (a transaction that committed with its last packet checked the deadline before sending it)
  // the attempt's hooks: only those of the attempt that committed run
  let hooks: Array<() => void> = [];
  const work = async (tx: EntityManager) => {
    hooks = [];
    commitHooks.set(tx, hooks);
    checkDeadline();
    const result = await unguarded(tx);
    if (!committed.has(tx.queryRunner!)) checkDeadline();
    return result;
  };
  const thenHooks = (result: T) => {
    for (const f of hooks) f();
    return result;
  };
  if (ds.options.type === 'better-sqlite3') return thenHooks(await sqliteSerial(ds, () => ds.transaction(work)));
  for (let attempt = 1; ; attempt++) {
    try {
      // READ COMMITTED: a plain read after a row lock (SELECT … FOR UPDATE) sees what the lock
      // waited for; under InnoDB's default REPEATABLE READ it would still see the snapshot taken at
      // the transaction's first read, and a check after the lock could decide on stale data
      return thenHooks(await readCommitted(ds, work, packets));
    } catch (e) {
      const errno =
        (e as { errno?: number; driverError?: { errno?: number } }).driverError?.errno ??
        (e as { errno?: number }).errno;
      if (attempt >= tries || !errno || !RETRYABLE.has(errno)) throw e;
      await new Promise((r) => setTimeout(r, 5 * 2 ** attempt + Math.random() * 20 * attempt));
    }
  }
}

/** The pool's connections whose session isolation is READ COMMITTED already. */
const readCommittedSessions = new WeakSet<object>();
/** Query runners on a posting-pool connection (several statements per packet). */
const packetRunners = new WeakSet<QueryRunner>();
/** Query runners whose transaction ended with COMMIT in its last packet. */
const committed = new WeakSet<QueryRunner>();

/** Whether this transaction's connection takes several statements in one packet (the posting pool). */
export const takesPackets = (tx: EntityManager): boolean => !!tx.queryRunner && packetRunners.has(tx.queryRunner);

/**
 * Sends `statements` and COMMIT in one packet on a posting-pool transaction and marks the
 * transaction ended (`inTransaction` then sends no COMMIT of its own); the results of the
 * statements, in order. A statement that fails stops the packet before COMMIT: the error is thrown
 * and the transaction is still open, so `inTransaction` rolls it back.
 */
export async function commitInPacket(tx: EntityManager, statements: string[], params: unknown[]): Promise<unknown[]> {
  const runner = tx.queryRunner;
  if (!runner || !packetRunners.has(runner) || !runner.isTransactionActive)
    throw new Error('commitInPacket: not a transaction of the posting pool');
  const raw = (await runner.query([...statements, 'COMMIT'].join(';\n'), params)) as unknown[];
  // what runner.commitTransaction() would have recorded
  Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
  committed.add(runner);
  return statements.length ? raw.slice(0, statements.length) : [];
}

type PoolConnection = { release(): void };
type Pool = {
  getConnection(cb: (err: Error | null, c: PoolConnection) => void): void;
  end(cb: (err?: Error) => void): void;
};
const packetPools = new WeakMap<DataSource, Promise<Pool>>();

/**
 * The posting pool of a MySQL/MariaDB data source: the main pool's settings with
 * `multipleStatements`, `JXC_DB_POSTING_POOL` (10) connections, made on first use and ended with
 * the data source.
 */
function packetPool(ds: DataSource): Promise<Pool> {
  let pool = packetPools.get(ds);
  if (pool) return pool;
  const driver = ds.driver as unknown as {
    options: object;
    createConnectionOptions(o: object, c: object): Record<string, unknown>;
    createPool(o: Record<string, unknown>): Promise<Pool>;
  };
  const made = driver.createPool({
    ...driver.createConnectionOptions(driver.options, driver.options),
    multipleStatements: true,
    connectionLimit: Number(process.env.JXC_DB_POSTING_POOL || 10),
  });
  // READ COMMITTED is each connection's session default from its start (see readCommitted)
  void made.then((p) =>
    (p as unknown as { on(e: string, f: (c: object) => void): void }).on('connection', (c) => {
      (c as { query(sql: string, cb: (err: unknown) => void): void }).query(
        'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED',
        () => undefined,
      );
      readCommittedSessions.add(c);
    }),
  );
  packetPools.set(ds, made);
  made.catch(() => packetPools.get(ds) === made && packetPools.delete(ds));
  pool = made;
  // (ds.destroy() ends the main pool only)
  const destroy = ds.destroy.bind(ds);
  ds.destroy = async () => {
    if (packetPools.get(ds) === made) packetPools.delete(ds);
    const p = await made.catch(() => null);
    if (p) await new Promise<void>((ok) => p.end(() => ok()));
    ds.destroy = destroy;
    return destroy();
  };
  return pool;
}

async function packetConnection(ds: DataSource): Promise<PoolConnection> {
  const pool = await packetPool(ds);
  const conn = await new Promise<PoolConnection>((ok, fail) =>
    pool.getConnection((err, c) => (err ? fail(err) : ok(c))),
  );
  return (ds.driver as unknown as { prepareDbConnection(c: PoolConnection): PoolConnection }).prepareDbConnection(conn);
}

/**
 * `ds.transaction('READ COMMITTED', …)` without its round trip per transaction: the isolation level
 * is made the connection's session default the first time a transaction runs on it (every
 * transaction of the server goes through here), so each later one is START TRANSACTION … COMMIT.
 */
async function readCommitted<T>(ds: DataSource, work: (tx: EntityManager) => Promise<T>, packets: boolean): Promise<T> {
  const runner = ds.createQueryRunner();
  try {
    if (packets) {
      // the runner uses the connection it is given (and releases it to its own pool)
      (runner as unknown as { databaseConnection: PoolConnection }).databaseConnection = await packetConnection(ds);
      packetRunners.add(runner);
    }
    await runner.connect();
    const conn = (runner as unknown as { databaseConnection?: object }).databaseConnection;
    if (!conn || !readCommittedSessions.has(conn)) {
      await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      if (conn) readCommittedSessions.add(conn);
    }
    if (packets) beginWithFirstQuery(runner);
    else await runner.startTransaction();
    try {
      const result = await work(runner.manager);
      if (runner.isTransactionActive) await runner.commitTransaction();
      return result;
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    }
  } finally {
    await runner.release();
  }
}

/**
 * A posting-pool transaction's START TRANSACTION goes in one packet with its first statement (the
 * idempotency key or the document read), not in a round trip of its own. Only a plain `tx.query`
 * carries it: a first query TypeORM builds (it reads structured results) gets it sent before.
 */
function beginWithFirstQuery(runner: QueryRunner): void {
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
  const query = runner.query.bind(runner);
  runner.query = (async (sql: string, params?: unknown[], structured?: boolean) => {
    runner.query = query;
    if (structured) {
      await query('START TRANSACTION');
      return query(sql, params, structured);
    }
    const raw = (await query(`START TRANSACTION;\n${sql}`, params)) as unknown[];
    // (the answer of the statement, or of each statement of a packet, without START TRANSACTION's)
    return raw.length === 2 ? raw[1] : raw.slice(1);
  }) as QueryRunner['query'];
}

// better-sqlite3 has one connection: transactions must not interleave on it.
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();
function sqliteSerial<T>(ds: DataSource, run: () => Promise<T>): Promise<T> {
  const prev = sqliteQueues.get(ds) ?? Promise.resolve();
  const next = prev.then(run, run);
  sqliteQueues.set(
    ds,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Empties every table but the migrations' record, and restarts the ids: the database as the
 * migrations left it. For undoing a demo seeding that failed midway; nothing else may run meanwhile.
 */
export async function wipeAllData(ds: DataSource): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    if (ds.options.type === 'better-sqlite3') {
      const tables: Array<{ name: string }> = await runner.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'",
      );
      await runner.query('PRAGMA foreign_keys = OFF');
      try {
        for (const { name } of tables) await runner.query(`DELETE FROM "${name}"`);
        if ((await runner.query("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")).length)
          await runner.query('DELETE FROM sqlite_sequence');
      } finally {
        await runner.query('PRAGMA foreign_keys = ON');
      }
      return;
    }
    const tables: Array<{ name: string }> = await runner.query(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'migrations'",
    );
    await runner.query('SET FOREIGN_KEY_CHECKS = 0');
    try {
      for (const { name } of tables) await runner.query(`TRUNCATE TABLE \`${name}\``);
    } finally {
      await runner.query('SET FOREIGN_KEY_CHECKS = 1');
    }
  } finally {
    await runner.release();
  }
}
