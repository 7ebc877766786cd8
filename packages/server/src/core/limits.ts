import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { ErrorCode } from './errors';

export interface Limits {
  /** characters of the query text, checked before it is parsed */
  characters: number;
  /** lexical tokens, checked while parsing (graphql's `maxTokens`) */
  tokens: number;
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
  /** objects and list rows in one response */
  responseNodes: number;
  /** wall time of one operation's execution, in milliseconds */
  executionMs: number;
}

const num = (v: string | undefined, dflt: number) => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) && n >= 0 ? n : dflt;
};

/** The limits of ../shared/reliability.md; each can be changed by an environment variable (see README). */
export function loadLimits(env: NodeJS.ProcessEnv = process.env): Limits {
  return {
    characters: num(env.JXC_LIMIT_CHARACTERS, 15_000),
    tokens: num(env.JXC_LIMIT_TOKENS, 2_000),
    depth: num(env.JXC_LIMIT_DEPTH, 8),
    aliases: num(env.JXC_LIMIT_ALIASES, 15),
    directives: num(env.JXC_LIMIT_DIRECTIVES, 10),
    cost: num(env.JXC_LIMIT_COST, 5_000),
    responseNodes: num(env.JXC_LIMIT_RESPONSE_NODES, 10_000),
    executionMs: num(env.JXC_LIMIT_EXECUTION_MS, 10_000),
  };
}

export const LIMITS: Limits = loadLimits({});

/** A query text above the character limit, refused before anything parses or walks it (null: within). */
export function queryTextProblem(query: unknown, limits: Limits): GraphQLFormattedError | null {
  return typeof query === 'string' && query.length > limits.characters
    ? {
        message: `The query has ${query.length} characters; the limit is ${limits.characters}.`,
        extensions: { code: ErrorCode.QUERY_TOO_LARGE, details: { limit: limits.characters } },
      }
    : null;
}

export interface DocumentStats {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
  /** selections looked at: grows with the document's size, never with how often fragments are spread */
  visits: number;
}

interface SetStats {
  /** levels below the selection set's own */
  depth: number;
  aliases: number;
  directives: number;
  /** at a multiplier of 1; a set's cost under multiplier m is m × this */
  cost: number;
}

const pageLimit = (field: FieldNode): number => {
  const page = field.arguments?.find((a) => a.name.value === 'page');
  if (!page) return 1;
  if (page.value.kind === Kind.OBJECT) {
    const l = page.value.fields.find((f) => f.name.value === 'limit');
    if (l?.value.kind === Kind.INT) return Math.min(200, Math.max(1, Number(l.value.value)));
  }
  return 200; // from variables: assume the cap
};

/**
 * Depth, aliases, directives and cost of each operation of a document, in time linear in its size:
 * every selection set is walked once and each fragment's figures are memoised, so a fragment
 * spread a thousand times (or nested spreads that double at every level) costs one look.
 * Aliases and directives count as often as they would be executed; cost counts each field once per
 * item it may be resolved for (a field under a paged list counts `limit` times, default 200).
 */
export function analyseDocument(doc: DocumentNode): Map<string | undefined, DocumentStats> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, SetStats>();
  const inProgress = new Set<string>();
  let visits = 0;
  const EMPTY: SetStats = { depth: 0, aliases: 0, directives: 0, cost: 0 };

  const fragmentStats = (name: string): SetStats => {
    const known = memo.get(name);
    if (known) return known;
    const frag = fragments.get(name);
    if (!frag || inProgress.has(name)) return EMPTY; // unknown fragments and cycles are graphql's own errors
    inProgress.add(name);
    const s = setStats(frag.selectionSet);
    inProgress.delete(name);
    memo.set(name, s);
    return s;
  };

  const setStats = (set: SelectionSetNode): SetStats => {
    const out: SetStats = { depth: 0, aliases: 0, directives: 0, cost: 0 };
    for (const sel of set.selections) {
      visits++;
      out.directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) out.aliases++;
        if (sel.name.value === '__typename') continue;
        out.cost += 1;
        if (sel.selectionSet) {
          const inner = setStats(sel.selectionSet);
          out.depth = Math.max(out.depth, inner.depth + 1);
          out.aliases += inner.aliases;
          out.directives += inner.directives;
          out.cost += pageLimit(sel) * inner.cost;
        }
      } else {
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? setStats(sel.selectionSet) : fragmentStats(sel.name.value);
        out.depth = Math.max(out.depth, inner.depth);
        out.aliases += inner.aliases;
        out.directives += inner.directives;
        out.cost += inner.cost;
      }
    }
    return out;
  };

  const result = new Map<string | undefined, DocumentStats>();
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const s = setStats(d.selectionSet);
    result.set(d.name?.value, {
      depth: s.depth + 1,
      aliases: s.aliases,
      directives: s.directives + (d.directives?.length ?? 0),
      cost: s.cost,
      visits,
    });
  }
  return result;
}

/** What an operation's figures break of the limits: message, code and the limit, in a fixed order. */
function overLimits(s: DocumentStats, limits: Limits): Array<{ message: string; code: string; limit: number }> {
  const out: Array<{ message: string; code: string; limit: number }> = [];
  if (s.depth > limits.depth)
    out.push({
      message: `The query is nested ${s.depth} levels deep; the limit is ${limits.depth}.`,
      code: ErrorCode.QUERY_TOO_DEEP,
      limit: limits.depth,
    });
  if (s.aliases > limits.aliases)
    out.push({
      message: `The query uses ${s.aliases} aliases; the limit is ${limits.aliases}.`,
      code: ErrorCode.TOO_MANY_ALIASES,
      limit: limits.aliases,
    });
  if (s.directives > limits.directives)
    out.push({
      message: `The query uses ${s.directives} directives; the limit is ${limits.directives}.`,
      code: ErrorCode.QUERY_TOO_COMPLEX,
      limit: limits.directives,
    });
  if (s.cost > limits.cost)
    out.push({
      message: `The query would cost ${s.cost}; the limit is ${limits.cost}. Ask for fewer fields or smaller pages.`,
      code: ErrorCode.QUERY_TOO_COMPLEX,
      limit: limits.cost,
    });
  return out;
}

/**
 * What a parsed document breaks of the limits, every operation in it, without a schema: the same
 * messages and codes the validation rule below reports, as formatted errors (no GraphQLError is
 * built: capturing its stack costs more than the walk), available before the session is looked up
 * or the schema validation runs, so refusing costs a parse and one linear walk.
 */
export function limitProblems(doc: DocumentNode, limits: Limits = LIMITS): GraphQLFormattedError[] {
  const out: GraphQLFormattedError[] = [];
  for (const s of analyseDocument(doc).values())
    for (const e of overLimits(s, limits)) out.push({ message: e.message, extensions: { code: e.code } });
  return out;
}

/** Depth, alias, directive and cost limits as a validation rule, checked before anything runs. */
export function limitRules(limits: Limits = LIMITS) {
  const rule = (context: ValidationContext): ASTVisitor => {
    let stats: Map<string | undefined, DocumentStats> | undefined;
    return {
      OperationDefinition(op) {
        stats ??= analyseDocument(context.getDocument());
        const s = stats.get(op.name?.value);
        if (!s) return;
        for (const e of overLimits(s, limits))
          context.reportError(new GraphQLError(e.message, { extensions: { code: e.code, limit: e.limit } }));
      },
    };
  };
  return [rule];
}
