import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import {
  defaultFieldResolver,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { DomainError, ErrorCode } from './errors';
import type { Limits } from './limits';

/** What one operation may still spend: its deadline and the nodes (objects, list rows) it has produced. */
export interface ExecutionBudget {
  deadline: number;
  limits: Limits;
  nodes: number;
  /** set once a limit is crossed: the whole response becomes this one error */
  tripped?: GraphQLFormattedError;
  timer?: NodeJS.Timeout;
  timeout?: Promise<never>;
}

const store = new AsyncLocalStorage<ExecutionBudget>();

/** Runs one operation under the execution limits (its time starts now). */
export function withBudget<T>(limits: Limits, run: () => T): T {
  return store.run({ deadline: performance.now() + limits.executionMs, limits, nodes: 0 }, run);
}

export const currentBudget = () => store.getStore();

export function endBudget(b: ExecutionBudget | undefined) {
  if (b?.timer) clearTimeout(b.timer);
}

const timeoutError = (b: ExecutionBudget) =>
  new DomainError(
    ErrorCode.EXECUTION_TIMEOUT,
    `The request ran longer than ${b.limits.executionMs / 1000} s and was cancelled; nothing was saved. Ask for less at a time.`,
    { limitMs: b.limits.executionMs },
  );

const trip = (b: ExecutionBudget, e: DomainError): DomainError => {
  b.tripped ??= { message: e.message, extensions: { code: e.extensions.code, details: e.extensions.details } };
  return e;
};

/**
 * Runs work outside the current operation's budget: work the operation starts and leaves behind (a
 * check after its transaction ended) is not cut off by its deadline.
 */
export const outsideBudget = <T>(run: () => T): T => store.exit(run);

/** Throws EXECUTION_TIMEOUT once the operation's deadline has passed (also checked before a transaction commits). */
export function checkDeadline(): void {
  const b = store.getStore();
  if (b && performance.now() > b.deadline) throw trip(b, timeoutError(b));
}

const isPromise = (v: unknown): v is Promise<unknown> => typeof (v as Promise<unknown>)?.then === 'function';

/**
 * Wraps every field that returns objects or lists: before it resolves, the deadline is checked; after,
 * its objects and list rows are counted against the response node limit. A query's root fields also
 * race the deadline, so a slow database answer cannot hold the request past it. A mutation's
 * transaction checks the deadline before it commits (core/db), so a cancelled mutation saves nothing.
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  const types = [schema.getQueryType(), schema.getMutationType()];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getSubscriptionType()) continue;
    const isQueryRoot = type === types[0];
    for (const field of Object.values(type.getFields())) {
      const counted = nodeCounter(field.type);
      if (!counted) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        const b = store.getStore();
        if (!b || info.operation.operation === 'subscription') return resolve(source, args, ctx, info);
        if (b.tripped) throw new DomainError(String(b.tripped.extensions?.code), b.tripped.message);
        if (performance.now() > b.deadline) throw trip(b, timeoutError(b));
        const count = (v: unknown) => {
          b.nodes += counted(v);
          if (b.nodes > b.limits.responseNodes) {
            throw trip(
              b,
              new DomainError(
                ErrorCode.RESPONSE_TOO_LARGE,
                `The answer would hold more than ${b.limits.responseNodes} objects and rows. Ask for fewer rows (use paging) or fewer nested lists.`,
                { limit: b.limits.responseNodes },
              ),
            );
          }
          return v;
        };
        const r = resolve(source, args, ctx, info);
        if (!isPromise(r)) return count(r);
        const counting = r.then(count);
        if (!isQueryRoot) return counting;
        if (!b.timeout) {
          b.timeout = new Promise<never>((_, reject) => {
            b.timer = setTimeout(() => reject(trip(b, timeoutError(b))), Math.max(0, b.deadline - performance.now()));
            b.timer.unref();
          });
          b.timeout.catch(() => undefined);
        }
        return Promise.race([counting, b.timeout]);
      };
    }
  }
  return schema;
}

/** How many nodes a value of this type adds: one per object, one per list row. */
function nodeCounter(type: GraphQLOutputType): ((v: unknown) => number) | undefined {
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) return (v) => (Array.isArray(v) ? v.length : 0);
  if (isCompositeType(getNamedType(t))) return (v) => (v == null ? 0 : 1);
  return undefined;
}
