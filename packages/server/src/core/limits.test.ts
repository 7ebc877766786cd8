import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyseDocument, LIMITS, limitRules } from './limits';

const schema = buildSchema(`
  type Item { id: ID, name: String, children: [Item] }
  type Page { items: [Item], total: Int }
  input PageInput { limit: Int }
  type Query { list(page: PageInput): Page, item: Item }
`);
const codes = (q: string, limits?: Parameters<typeof limitRules>[0]) =>
  validate(schema, parse(q), [...specifiedRules, ...limitRules(limits)]).map((e) => e.extensions.code);
const L = { ...LIMITS, depth: 4, aliases: 2, cost: 100, tokens: 1000, directives: 3 };

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

  // fragments that spread the previous one twice: n levels mean 2^n fields once expanded
  const bomb = (n: number) => {
    const frags = [`fragment F0 on Item { id name }`];
    for (let i = 1; i <= n; i++) frags.push(`fragment F${i} on Item { ...F${i - 1} children { ...F${i - 1} } }`);
    return `{ item { ...F${n} } } ${frags.join(' ')}`;
  };

  it('looks at each fragment once: the work grows with the document, not with how often fragments are spread', () => {
    const visits = (n: number) => analyseDocument(parse(bomb(n))).get(undefined)!.visits;
    // three selections per level and two for the first fragment and the operation: linear in n
    expect(visits(10)).toBe(2 + 2 + 3 * 10);
    expect(visits(30)).toBe(2 + 2 + 3 * 30);
    expect(visits(200) - visits(100)).toBe(3 * 100);
    const s = analyseDocument(parse(bomb(30))).get(undefined)!;
    expect(s.cost).toBeGreaterThan(2 ** 30); // the real cost is still counted, as a number
    expect(s.depth).toBe(32);
  });

  it('refuses the fragment bomb with the ordinary limit codes', () => {
    expect(codes(bomb(30), L)).toEqual(expect.arrayContaining(['QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX']));
  });
});
