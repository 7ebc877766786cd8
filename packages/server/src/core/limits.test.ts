import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { describe, expect, it } from 'vitest';
import { limitRules } from './limits';

const schema = buildSchema(`
  type Item { id: ID, name: String, children: [Item] }
  type Page { items: [Item], total: Int }
  input PageInput { limit: Int }
  type Query { list(page: PageInput): Page, item: Item }
`);
const codes = (q: string, limits?: Parameters<typeof limitRules>[0]) =>
  validate(schema, parse(q), [...specifiedRules, ...limitRules(limits)]).map((e) => e.extensions.code);
const L = { depth: 4, aliases: 2, cost: 100, tokens: 1000, directives: 3 };

describe('query limits', () => {
  it('counts depth through fragments and inline fragments', () => {
    expect(codes('{ item { children { children { id } } } }', L)).toEqual([]);
    expect(codes('{ item { children { children { children { id } } } } }', L)).toEqual(['QUERY_TOO_DEEP']);
    expect(codes('{ item { ...F } } fragment F on Item { children { children { children { id } } } }', L)).toEqual([
      'QUERY_TOO_DEEP',
    ]);
  });

  it('counts aliases and directives', () => {
    expect(codes('{ a: item { id } b: item { id } }', L)).toEqual([]);
    expect(codes('{ a: item { id } b: item { id } c: item { id } }', L)).toEqual(['TOO_MANY_ALIASES']);
    expect(
      codes(
        '{ item { id @include(if: true) name @include(if: true) children @skip(if: false) { id @skip(if: false) } } }',
        L,
      ),
    ).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('multiplies the cost of fields under a paged list by its page size, the cap when it comes from a variable', () => {
    // list 1 + items 30 + 30 × 2 fields = 91; at 40 it is 121
    expect(codes('{ list(page: { limit: 30 }) { items { id name } } }', L)).toEqual([]);
    expect(codes('{ list(page: { limit: 40 }) { items { id name } } }', L)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codes('query($p: PageInput) { list(page: $p) { items { id } } }', L)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
