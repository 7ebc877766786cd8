import type { EntityManager } from 'typeorm';
import { takesPackets } from './db';

/** A statement and its values. */
export interface Statement {
  sql: string;
  params: unknown[];
}

const kept = new WeakMap<EntityManager, Map<string, unknown>>();
const keyOf = (s: Statement) => `${s.sql}\u0000${JSON.stringify(s.params)}`;

/**
 * Statements whose inputs are known before the code that needs their answers runs: on a
 * transaction of the posting pool they go in one packet now (one round trip instead of one each)
 * and each answer is kept until `ask` takes it; anywhere else nothing is sent here and `ask` sends
 * each when asked. Order and locks are the same either way: the statements run in the order given,
 * before anything the caller sends later, so only statements the caller would send next belong here.
 */
export async function sendAhead(tx: EntityManager, statements: Statement[]): Promise<void> {
  if (!takesPackets(tx) || statements.length < 2) return;
  const raw = (await tx.query(
    statements.map((s) => s.sql).join(';\n'),
    statements.flatMap((s) => s.params),
  )) as unknown[];
  const answers = kept.get(tx) ?? new Map<string, unknown>();
  statements.forEach((s, i) => answers.set(keyOf(s), raw[i]));
  kept.set(tx, answers);
}

/** The answer `sendAhead` kept for this statement (taken once), or the statement sent now. */
export async function ask<T = unknown>(tx: EntityManager, statement: Statement): Promise<T> {
  const answers = kept.get(tx);
  const key = answers?.size ? keyOf(statement) : '';
  if (answers?.has(key)) {
    const answer = answers.get(key);
    answers.delete(key);
    return answer as T;
  }
  return (await tx.query(statement.sql, statement.params)) as T;
}
