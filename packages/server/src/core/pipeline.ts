import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  Kind,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Context } from './context';
import { DomainError, ErrorCode, formatError } from './errors';
import { limitProblems, limitRules, queryTextProblem, type Limits } from './limits';

/**
 * The rules every operation passes, whatever its transport: HTTP hands them to Apollo, the
 * WebSocket endpoint runs `prepareOperation` with the very same pieces.
 */
export interface PipelineOptions {
  introspection: boolean;
  limits: Limits;
}

export const parseOptions = (o: PipelineOptions) => ({ maxTokens: o.limits.tokens });

export function validationRules(o: PipelineOptions): ValidationRule[] {
  return [...limitRules(o.limits), ...(o.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
}

const SUGGESTION = / ?Did you mean(.+?)\?$/;
const TOKENS = /contains more tha[nt] (\d+) tokens/;

/** formatError, plus: suggestions ("Did you mean …") only when the schema may be introspected, and the token limit's own code. */
export function errorFormatter(o: PipelineOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (TOKENS.test(formatted.message)) {
      return {
        message: `The query has more than ${o.limits.tokens} tokens; the limit is ${o.limits.tokens}.`,
        extensions: { code: ErrorCode.QUERY_TOO_LARGE },
      };
    }
    const out = formatError(formatted, error);
    return o.introspection ? out : { ...out, message: out.message.replace(SUGGESTION, '') };
  };
}

/**
 * A GraphQLError whose JSON is exactly the formatted error (graphql-ws sends errors with toJSON). It
 * answers a client's mistake and is never logged, so it carries no stack (capturing one costs more
 * than the refusal).
 */
export const asError = (f: GraphQLFormattedError) => {
  const depth = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new GraphQLError(f.message, { extensions: f.extensions as Record<string, unknown> });
  } finally {
    Error.stackTraceLimit = depth;
  }
};

/**
 * The checks that need neither a schema nor a session, cheapest first: characters before parsing,
 * tokens while parsing, then depth, aliases, directives and cost (one linear walk). Both transports
 * run it before they look up the session or validate against the schema, so a refusal costs at
 * most one parse. `errors`: refused (formatted, with codes); `document`: passed; neither: the text
 * does not parse, and the full pipeline reports the syntax error as it always did.
 */
export function preflight(
  query: string,
  o: PipelineOptions,
):
  | { errors: GraphQLFormattedError[]; document?: never }
  | { document: DocumentNode; errors?: never }
  | { errors?: never; document?: never } {
  const long = queryTextProblem(query, o.limits);
  if (long) return { errors: [long] };
  let document: DocumentNode;
  try {
    document = parse(query, parseOptions(o));
  } catch (e) {
    const err = e as GraphQLError;
    if (TOKENS.test(err.message)) return { errors: [errorFormatter(o)(err.toJSON(), err)] };
    return {};
  }
  const errors = limitProblems(document, o.limits);
  return errors.length ? { errors } : { document };
}

/**
 * Parses and validates one WebSocket operation exactly as Apollo does for HTTP (the preflight's
 * character, token and size limits first, then the same validation rules), and admits
 * subscriptions only.
 */
export function prepareOperation(
  schema: GraphQLSchema,
  o: PipelineOptions,
  payload: { query?: unknown; operationName?: unknown },
): { document: DocumentNode } | { errors: GraphQLFormattedError[] } {
  const format = errorFormatter(o);
  const fail = (e: GraphQLError) => ({ errors: [format(e.toJSON(), e)] });
  if (typeof payload.query !== 'string')
    return fail(new GraphQLError('The request has no query.', { extensions: { code: ErrorCode.BAD_REQUEST } }));
  const pre = preflight(payload.query, o);
  if (pre.errors) return { errors: pre.errors };
  let document: DocumentNode;
  if (pre.document) document = pre.document;
  else
    try {
      document = parse(payload.query, parseOptions(o));
    } catch (e) {
      const err = e as GraphQLError;
      return fail(new GraphQLError(err.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }));
    }
  const errors = validate(schema, document, [...specifiedRules, ...validationRules(o)]);
  if (errors.length)
    return {
      errors: errors.map((e) => {
        const withCode = e.extensions.code
          ? e
          : new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
        return format(withCode.toJSON(), withCode);
      }),
    };
  const op = getOperationAST(document, typeof payload.operationName === 'string' ? payload.operationName : undefined);
  if (!op) return fail(new GraphQLError('Name the operation to run.', { extensions: { code: ErrorCode.BAD_REQUEST } }));
  if (op.operation !== 'subscription')
    return fail(
      new GraphQLError('Only subscriptions are accepted over WebSocket; send queries and mutations by HTTP POST.', {
        extensions: { code: ErrorCode.OPERATION_NOT_ALLOWED },
      }),
    );
  return { document };
}

/** What a user whose password must be changed may still do. */
const WHILE_PASSWORD_CHANGE = new Set(['me', 'businessClock', 'changePassword', 'logout', 'login', '__typename']);

/**
 * A generated (first start) or reset password must be changed before anything else: every root field
 * but the ones above is refused with PASSWORD_CHANGE_REQUIRED, on every transport.
 */
export function checkPasswordChange(ctx: Context, doc: DocumentNode, op: OperationDefinitionNode): void {
  if (!ctx.user?.mustChangePassword) return;
  const fragments = new Map(
    doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const seen = new Set<string>();
  const roots = (set: SelectionSetNode): string[] =>
    set.selections.flatMap((s) => {
      if (s.kind === Kind.FIELD) return [s.name.value];
      if (s.kind === Kind.INLINE_FRAGMENT) return roots(s.selectionSet);
      const f = fragments.get(s.name.value);
      if (!f || seen.has(f.name.value)) return [];
      seen.add(f.name.value);
      return roots(f.selectionSet);
    });
  if (roots(op.selectionSet).some((f) => !WHILE_PASSWORD_CHANGE.has(f)))
    throw new DomainError(
      ErrorCode.PASSWORD_CHANGE_REQUIRED,
      'Change your password first: it was generated or reset by an administrator.',
    );
}
