import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The one place that knows which SQL dialect a connection speaks. SQLite (the embedded demo) runs
 * one writer at a time, so it needs no row locks; MariaDB/MySQL lock rows in key order.
 */
export const isSqlite = (db: DataSource | EntityManager): boolean =>
  ('connection' in db ? db.connection : db).options.type === 'better-sqlite3';

/** Locks rows of `table` by id, in ascending id order (the deadlock-free order every writer uses). */
export async function lockRows(tx: EntityManager, table: string, ids: number[]) {
  if (isSqlite(tx) || !ids.length) return;
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  await tx.query(
    `SELECT id FROM ${table} WHERE id IN (${sorted.map(() => '?').join(',')}) ORDER BY id FOR UPDATE`,
    sorted,
  );
}

/** A decimal column as a number SQLite sorts numerically (it stores decimals as text). */
export const sortableDecimal = (db: DataSource | EntityManager, col: string): string =>
  isSqlite(db) ? `CAST(${col} AS REAL)` : col;

/**
 * `col IN (values)` compared case-insensitively on both databases (MySQL's collation already is;
 * SQLite compares lower-cased). Returns the condition and its parameters for a query builder.
 */
export function inCaseInsensitive(
  db: DataSource | EntityManager,
  col: string,
  values: string[],
  param: string,
): [string, Record<string, unknown>] {
  return isSqlite(db)
    ? [`LOWER(${col}) IN (:...${param})`, { [param]: values.map((v) => v.toLowerCase()) }]
    : [`${col} IN (:...${param})`, { [param]: values }];
}

/** A query builder's rows locked for update where the database has row locks (SQLite serialises writers anyway). */
export function forUpdate<T extends ObjectLiteral>(
  db: DataSource | EntityManager,
  qb: SelectQueryBuilder<T>,
): SelectQueryBuilder<T> {
  return isSqlite(db) ? qb : qb.setLock('pessimistic_write');
}

/**
 * Whether writers run concurrently and lock rows (MySQL/MariaDB): there a check-then-write takes
 * a row lock or a guarded UPDATE. SQLite runs one writer at a time, so it needs neither.
 */
export const rowLocking = (db: DataSource | EntityManager): boolean => !isSqlite(db);

/** ' FOR UPDATE' where the database locks rows, '' on SQLite. */
export const forUpdateClause = (db: DataSource | EntityManager): string => (rowLocking(db) ? ' FOR UPDATE' : '');

/** An INSERT that skips rows whose key exists already. */
export const insertIgnore = (db: DataSource | EntityManager): string =>
  isSqlite(db) ? 'INSERT OR IGNORE' : 'INSERT IGNORE';

/** The tail of an INSERT … VALUES that updates these columns where a row with the same key exists. */
export const onDuplicateUpdate = (db: DataSource | EntityManager, key: string[], columns: string[]): string =>
  isSqlite(db)
    ? `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`
    : `ON DUPLICATE KEY UPDATE ${columns.map((c) => `${c} = VALUES(${c})`).join(', ')}`;

/**
 * The tail of an INSERT … VALUES that merges into the row with the same key: `min` / `max` keep the
 * smaller / larger value, `sum` adds (decimals only where `exactDecimalSums`: SQLite would add floats).
 */
export const onDuplicateMerge = (
  db: DataSource | EntityManager,
  key: string[],
  merge: Record<string, 'sum' | 'min' | 'max'>,
): string => {
  const cols = Object.entries(merge);
  if (isSqlite(db))
    return `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${cols
      .map(([c, how]) =>
        how === 'sum' ? `${c} = ${c} + excluded.${c}` : `${c} = ${how.toUpperCase()}(${c}, excluded.${c})`,
      )
      .join(', ')}`;
  const fn = { min: 'LEAST', max: 'GREATEST' } as const;
  return `ON DUPLICATE KEY UPDATE ${cols
    .map(([c, how]) => (how === 'sum' ? `${c} = ${c} + VALUES(${c})` : `${c} = ${fn[how]}(${c}, VALUES(${c}))`))
    .join(', ')}`;
};

/** A LIKE pattern matching what starts with the value of `expr` (a column holding a path, say). */
export const startsWithPattern = (db: DataSource | EntityManager, expr: string): string =>
  isSqlite(db) ? `${expr} || '%'` : `CONCAT(${expr}, '%')`;

/** A DATETIME(3) parameter for raw SQL: the Date itself on MySQL, its UTC text on SQLite (as TypeORM stores it). */
export const dateTimeParam = (db: DataSource | EntityManager, at: Date): Date | string =>
  isSqlite(db) ? at.toISOString().replace('T', ' ').replace('Z', '') : at;

/**
 * Whether SUM() of DECIMAL columns is exact in the database (MySQL). SQLite keeps decimals as text
 * and would sum them as floats: there the rows are summed in TypeScript with decimal.js.
 */
export const exactDecimalSums = (db: DataSource | EntityManager): boolean => !isSqlite(db);

/** The id the database gave the row a plain `INSERT` (through `query`) wrote: MySQL's insertId, SQLite's last row id. */
export const insertedId = (db: DataSource | EntityManager, result: unknown): number =>
  Number(isSqlite(db) ? result : (result as { insertId?: number }).insertId);

/** The tail of an INSERT … VALUES that adds one to `column` where a row with the same key exists (a counter). */
export const onDuplicateIncrement = (db: DataSource | EntityManager, key: string[], column: string): string =>
  isSqlite(db)
    ? `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${column} = ${column} + 1`
    : `ON DUPLICATE KEY UPDATE ${column} = ${column} + 1`;
