import type { DataSource, QueryRunner } from 'typeorm';

/** The one charset and collation of every MySQL/MariaDB table, column and connection. */
export const MYSQL_CHARSET = 'utf8mb4';
export const MYSQL_COLLATION = 'utf8mb4_unicode_ci';

/** What the README tells an operator to run; repeated in every refusal. */
export const createDatabaseLine = (name = 'jxc') =>
  `CREATE DATABASE \`${name}\` CHARACTER SET ${MYSQL_CHARSET} COLLATE ${MYSQL_COLLATION};`;

/** Thrown when the database cannot be used; the message says why and what to do. */
export class DatabaseUnusableError extends Error {
  constructor(
    readonly database: string,
    readonly problems: string[],
  ) {
    super(
      `The database "${database}" cannot be used by jxc:\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        `\nCreate the database with\n  ${createDatabaseLine(database)}\n` +
        'and run `pnpm db:migrate` against it (see README, "Production on MySQL/MariaDB").',
    );
    this.name = 'DatabaseUnusableError';
  }
}

/** "10.11.6-MariaDB-0+deb12u1" → MariaDB 10.11; "8.0.36" → MySQL 8.0. */
export function parseServerVersion(v: string): { kind: 'MariaDB' | 'MySQL'; major: number; minor: number } {
  const m = /^(\d+)\.(\d+)/.exec(v) ?? [];
  return { kind: /mariadb/i.test(v) ? 'MariaDB' : 'MySQL', major: Number(m[1] ?? 0), minor: Number(m[2] ?? 0) };
}

const tooOld = ({ kind, major, minor }: ReturnType<typeof parseServerVersion>) =>
  kind === 'MariaDB' ? major < 10 || (major === 10 && minor < 6) : major < 8;

/**
 * Why this MySQL/MariaDB database is not usable, if it is not: server version, strict mode, the
 * connection's and the database's collation, and (after migrations) every table's engine and
 * collation and every character column's. `schema: false` checks only the server (before migrations).
 */
export async function mysqlProblems(
  ds: DataSource,
  opts: { schema?: boolean; runner?: QueryRunner } = {},
): Promise<string[]> {
  const query = (sql: string, params?: unknown[]) => ds.query(sql, params, opts.runner);
  const problems: string[] = [];
  const [s] = await query(
    `SELECT VERSION() AS version, DATABASE() AS db, @@SESSION.sql_mode AS sqlMode,
            @@character_set_connection AS connCharset, @@collation_connection AS connCollation,
            @@character_set_database AS dbCharset, @@collation_database AS dbCollation`,
  );
  const version = parseServerVersion(String(s.version));
  if (tooOld(version))
    problems.push(
      `the server is ${version.kind} ${s.version}; jxc needs MariaDB 10.6 or later (10.11 tested) or MySQL 8.0 or later.`,
    );
  if (!/STRICT_(TRANS|ALL)_TABLES/.test(String(s.sqlMode)))
    problems.push(
      `sql_mode (${s.sqlMode || 'empty'}) lacks STRICT_TRANS_TABLES: out-of-range amounts would be cut silently. Add it to the server's sql_mode.`,
    );
  if (s.connCharset !== MYSQL_CHARSET || s.connCollation !== MYSQL_COLLATION)
    problems.push(
      `the connection speaks ${s.connCharset}/${s.connCollation}, not ${MYSQL_CHARSET}/${MYSQL_COLLATION} (a server setting such as character_set_server with skip-character-set-client-handshake overrides the client).`,
    );
  if (opts.schema === false) return problems;
  if (s.dbCharset !== MYSQL_CHARSET || s.dbCollation !== MYSQL_COLLATION)
    problems.push(
      `the database's default is ${s.dbCharset}/${s.dbCollation}, not ${MYSQL_CHARSET}/${MYSQL_COLLATION}.`,
    );
  const tables: Array<{ name: string; engine: string | null; collation: string | null }> = await query(
    `SELECT TABLE_NAME AS name, ENGINE AS engine, TABLE_COLLATION AS collation FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND (ENGINE <> 'InnoDB' OR TABLE_COLLATION <> ?)
      ORDER BY TABLE_NAME`,
    [MYSQL_COLLATION],
  );
  for (const t of tables) {
    if (t.engine !== 'InnoDB')
      problems.push(`table ${t.name} uses the ${t.engine} engine, not InnoDB (no transactions).`);
    if (t.collation !== MYSQL_COLLATION)
      problems.push(`table ${t.name} has the collation ${t.collation}, not ${MYSQL_COLLATION}.`);
  }
  const cols: Array<{ t: string; c: string; collation: string }> = await query(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLLATION_NAME AS collation FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND COLLATION_NAME IS NOT NULL AND COLLATION_NAME <> ?
      ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [MYSQL_COLLATION],
  );
  if (cols.length)
    problems.push(
      `${cols.length} column(s) have another collation (${cols
        .slice(0, 5)
        .map((c) => `${c.t}.${c.c} ${c.collation}`)
        .join(', ')}${cols.length > 5 ? ', …' : ''}); queries mixing them fail with "Illegal mix of collations".`,
    );
  return problems;
}

/** Refuses (throws DatabaseUnusableError) when mysqlProblems finds anything. */
export async function assertMysqlUsable(ds: DataSource, opts: { schema?: boolean } = {}): Promise<void> {
  const problems = await mysqlProblems(ds, opts);
  if (problems.length) {
    const [{ db }] = await ds.query('SELECT DATABASE() AS db');
    throw new DatabaseUnusableError(String(db ?? 'jxc'), problems);
  }
}
