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
