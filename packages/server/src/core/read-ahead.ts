import type { EntityManager } from 'typeorm';
import { takesPackets } from './db';

/** A statement and its values. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** answers sent ahead and not yet asked for, by statement text */
const kept = new WeakMap<EntityManager, Map<string, Array<{ params: unknown[]; answer: unknown }>>>();
const same = (a: unknown, b: unknown) =>
  Object.is(a, b) || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

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
  const answers = kept.get(tx) ?? new Map<string, Array<{ params: unknown[]; answer: unknown }>>();
  statements.forEach((s, i) =>
    answers.set(s.sql, [...(answers.get(s.sql) ?? []), { params: s.params, answer: raw[i] }]),
  );
  kept.set(tx, answers);
}

/** The answer `sendAhead` kept for this statement (taken once), or the statement sent now. */
export async function ask<T = unknown>(tx: EntityManager, statement: Statement): Promise<T> {
  const waiting = kept.get(tx)?.get(statement.sql);
  const at =
    waiting?.findIndex(
      (w) => w.params.length === statement.params.length && w.params.every((p, i) => same(p, statement.params[i])),
    ) ?? -1;
  if (at >= 0) return waiting!.splice(at, 1)[0].answer as T;
  return (await tx.query(statement.sql, statement.params)) as T;
}
