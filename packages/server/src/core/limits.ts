import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export const LIMITS = { depth: 8, aliases: 15, cost: 10_000, tokens: 3_000, directives: 20 };

/**
 * Depth, alias and cost limits, checked before anything runs. Cost counts each field once per
 * item it may be resolved for: a field under a paged list counts `limit` times (default 50, max 200).
 */
export function limitRules(limits = LIMITS) {
  const rule = (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const vars = () => ({}) as Record<string, unknown>;
    let aliases = 0;
    let directives = 0;

    const pageLimit = (field: FieldNode): number => {
      const page = field.arguments?.find((a) => a.name.value === 'page');
      if (!page) return 1;
      if (page.value.kind === Kind.OBJECT) {
        const l = page.value.fields.find((f) => f.name.value === 'limit');
        if (l?.value.kind === Kind.INT) return Math.min(200, Math.max(1, Number(l.value.value)));
      }
      return 200; // from variables: assume the cap
    };

    const walk = (
      set: SelectionSetNode,
      depth: number,
      multiplier: number,
      seen: Set<string>,
    ): { depth: number; cost: number } => {
      let maxDepth = depth;
      let cost = 0;
      for (const sel of set.selections) {
        directives += sel.directives?.length ?? 0;
        if (sel.kind === Kind.FIELD) {
          if (sel.alias) aliases++;
          if (sel.name.value === '__typename') continue;
          const m = multiplier * pageLimit(sel);
          cost += multiplier;
          if (sel.selectionSet) {
            const inner = walk(sel.selectionSet, depth + 1, m, seen);
            maxDepth = Math.max(maxDepth, inner.depth);
            cost += inner.cost;
          }
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const inner = walk(sel.selectionSet, depth, multiplier, seen);
          maxDepth = Math.max(maxDepth, inner.depth);
          cost += inner.cost;
        } else {
          const frag = fragments.get(sel.name.value);
          if (!frag || seen.has(frag.name.value)) continue; // cycles are reported by graphql itself
          const inner = walk(frag.selectionSet, depth, multiplier, new Set([...seen, frag.name.value]));
          maxDepth = Math.max(maxDepth, inner.depth);
          cost += inner.cost;
        }
      }
      return { depth: maxDepth, cost };
    };
    void vars;

    return {
      OperationDefinition(op) {
        const { depth, cost } = walk(op.selectionSet, 1, 1, new Set());
        if (depth > limits.depth) {
          context.reportError(
            new GraphQLError(`The query is nested ${depth} levels deep; the limit is ${limits.depth}.`, {
              extensions: { code: 'QUERY_TOO_DEEP' },
            }),
          );
        }
        if (aliases > limits.aliases) {
          context.reportError(
            new GraphQLError(`The query uses ${aliases} aliases; the limit is ${limits.aliases}.`, {
              extensions: { code: 'TOO_MANY_ALIASES' },
            }),
          );
        }
        if (directives > limits.directives) {
          context.reportError(
            new GraphQLError(`The query uses ${directives} directives; the limit is ${limits.directives}.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX' },
            }),
          );
        }
        if (cost > limits.cost) {
          context.reportError(
            new GraphQLError(
              `The query would cost ${cost}; the limit is ${limits.cost}. Ask for fewer fields or smaller pages.`,
              { extensions: { code: 'QUERY_TOO_COMPLEX' } },
            ),
          );
        }
      },
    };
  };
  return [rule];
}
