import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from './db';
import { IdempotencyRecord } from './entities';
import type { Context } from './context';
import { badInput, DomainError } from './errors';
import { now } from './dates';
import { ask, sendAhead, type Statement } from './read-ahead';

export const requestHash = (operation: string, body: unknown) =>
  crypto
    .createHash('sha256')
    .update(operation + '\n' + JSON.stringify(body))
    .digest('hex');

/** The longest idempotency key: the length of `idempotency_record.key`. */
export const MAX_KEY_LENGTH = 100;

/**
 * Refuses a key longer than the column (and none at all where one is `required`) before anything is
 * written: MySQL's `INSERT IGNORE` would store a longer key cut short (a warning, not an error), and a
 * retry with the whole key would then not find the first request — refused instead of given its
 * result. SQLite would keep it whole. Both databases refuse it.
 */
export function checkKey(key: string | undefined | null, required = false) {
  if ((required && !key?.trim()) || (key && key.length > MAX_KEY_LENGTH))
    throw badInput([
      {
        field: 'idempotencyKey',
        message: `Give a key of 1 to ${MAX_KEY_LENGTH} characters, new for each document.`,
      },
    ]);
}

/**
 * Looks up an idempotency key inside the posting transaction. Returns the id the first request
 * produced, or null when the key is new. The same key with another request is refused.
 */
export async function seenBefore(
  tx: EntityManager,
  ctx: Context,
  key: string | undefined | null,
  operation: string,
  hash: string,
): Promise<string | null> {
  if (!key) return null;
  checkKey(key);
  const rec = await tx.findOne(IdempotencyRecord, { where: { key } });
  if (!rec) return null;
  if (rec.requestHash !== hash || rec.operation !== operation || rec.userId !== ctx.user?.id) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for a different request.', {
      key,
    });
  }
  return rec.resultId;
}

/**
 * Stored in the same transaction as the posting, so a retry after a failure posts again and one after
 * success does not. Always after `seenBefore`, which checked the key.
 */
export async function remember(
  tx: EntityManager,
  ctx: Context,
  key: string | undefined | null,
  operation: string,
  hash: string,
  resultId: string | number,
) {
  if (!key) return;
  await tx.insert(IdempotencyRecord, {
    key,
    userId: ctx.user!.id,
    requestHash: hash,
    operation,
    resultId: String(resultId),
    createdAt: now(),
  });
}

export function isDuplicateKey(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string }; message?: string };
  const code = err.driverError?.code ?? err.code;
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed: idempotency_record/.test(err.message ?? '')
  );
}

/**
 * Claims an idempotency key in one statement where the database allows it: a new key is written
 * (and the caller goes on); a known one returns the first result, or is refused for another request.
 * A concurrent duplicate waits on the key's row lock and then reads the winner's record.
 */
export async function claimKey(
  tx: EntityManager,
  ctx: Context,
  key: string | undefined | null,
  operation: string,
  hash: string,
  resultId: string | number,
  /** reads the caller makes next when the key is new or there is none (see `sendAhead`) */
  ahead: Statement[] = [],
): Promise<string | null> {
  if (!key) {
    await sendAhead(tx, ahead);
    return null;
  }
  if (tx.connection.options.type === 'better-sqlite3') {
    // one writer at a time: look (the key checked there), then write
    const prior = await seenBefore(tx, ctx, key, operation, hash);
    if (!prior) await remember(tx, ctx, key, operation, hash, resultId);
    return prior;
  }
  checkKey(key);
  const insert: Statement = {
    sql: 'INSERT IGNORE INTO idempotency_record (`key`, user_id, request_hash, operation, result_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    params: [key, ctx.user!.id, hash, operation, String(resultId), now()],
  };
  // (with what the caller reads next, in one packet on the posting pool: unused if the key was seen)
  await sendAhead(tx, [insert, ...ahead]);
  const res = await ask<{ affectedRows?: number }>(tx, insert);
  if (res.affectedRows === 1) return null;
  const [rec] = await tx.query(
    'SELECT user_id, request_hash, operation, result_id FROM idempotency_record WHERE `key` = ? FOR UPDATE',
    [key],
  );
  if (!rec || rec.request_hash !== hash || rec.operation !== operation || Number(rec.user_id) !== ctx.user?.id) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for a different request.', {
      key,
    });
  }
  return String(rec.result_id);
}

/**
 * Runs a posting once per idempotency key, in its own transaction: a repeated request returns the
 * first result (loaded by `load`), a concurrent duplicate that lost the insert race reads the winner's.
 */
export async function runOnce<T extends { id: number }>(
  ds: DataSource,
  ctx: Context,
  key: string | null | undefined,
  operation: string,
  body: unknown,
  load: (tx: EntityManager, id: string) => Promise<T>,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  const hash = requestHash(operation, body);
  const run = () =>
    inTransaction(ds, async (tx) => {
      const prior = await seenBefore(tx, ctx, key, operation, hash);
      if (prior) return load(tx, prior);
      const result = await work(tx);
      await remember(tx, ctx, key, operation, hash, result.id);
      return result;
    });
  try {
    return await run();
  } catch (e) {
    if (key && isDuplicateKey(e)) return run();
    throw e;
  }
}
