import { Field, InputType, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 200;

/** Lists with keyset paging count their rows up to this many; beyond it `total` says "this many or more". */
export const TOTAL_CAP = 10_000;

@InputType({ description: `Offset paging. limit is capped at ${MAX_PAGE_SIZE}, whatever the client asks.` })
export class PageInput {
  @Field(() => Int, { defaultValue: 0 })
  offset: number = 0;

  @Field(() => Int, { defaultValue: 50 })
  limit: number = 50;

  @Field(() => String, {
    nullable: true,
    description:
      'Keyset paging, for lists whose page returns `cursor`: the rows after that cursor (offset is then ignored), ' +
      'as fast on the 1,000th page as on the first. Other lists ignore it.',
  })
  after?: string | null;
}

export function clampPage(page?: PageInput | null): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(page?.offset ?? 0));
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(page?.limit ?? 50)));
  return { offset, limit };
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** A page of a list that also pages by keyset and counts at most TOTAL_CAP rows. */
export interface KeysetPage<T> extends Page<T> {
  /** Pass as `page.after` for the rows after this page; null when none follow (or the order has no keyset). */
  cursor: string | null;
  /** `total` is TOTAL_CAP and more rows match. */
  totalCapped: boolean;
}

/** The one list shape: `{ items, total, offset, limit }`. */
export function Paginated<T extends object>(itemType: ClassType<T>, name: string) {
  @ObjectType(name)
  class PaginatedResponse implements Page<T> {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int, { description: 'All matching rows, not just this page.' })
    total: number;

    @Field(() => Int)
    offset: number;

    @Field(() => Int, { description: 'The page size actually used (at most 200).' })
    limit: number;
  }
  return PaginatedResponse;
}

/** The list shape of the big document lists: `{ items, total, offset, limit, cursor, totalCapped }`. */
export function KeysetPaginated<T extends object>(itemType: ClassType<T>, name: string) {
  @ObjectType(name)
  class KeysetPaginatedResponse implements KeysetPage<T> {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int, {
      description: `Matching rows, counted up to ${TOTAL_CAP}: when totalCapped, ${TOTAL_CAP} or more match.`,
    })
    total: number;

    @Field(() => Int)
    offset: number;

    @Field(() => Int, { description: 'The page size actually used (at most 200).' })
    limit: number;

    @Field(() => String, {
      nullable: true,
      description: 'Pass as page.after for the next page (keyset: no offset to skip); null on the last page.',
    })
    cursor: string | null;

    @Field(() => Boolean, { description: `More than ${TOTAL_CAP} rows match; total is ${TOTAL_CAP}.` })
    totalCapped: boolean;
  }
  return KeysetPaginatedResponse;
}

/** A cursor: the last row's sort key (a YYYY-MM-DD date) and id, opaque to clients. */
export function encodeCursor(key: string, id: number): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(after: string): { key: string; id: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(parsed[0]) ||
    !Number.isSafeInteger(parsed[1]) ||
    parsed[1] < 1
  )
    throw badInput([
      { field: 'page.after', message: 'This cursor is not one a list returned; start again from the first page.' },
    ]);
  return { key: parsed[0], id: parsed[1] };
}

/**
 * Pages a filtered query newest first by `(keyColumn DESC, id DESC)` without the two costs that grow
 * with the table:
 * - **deferred join**: the page's ids come from the index alone (the key index holds the id), then
 *   only those rows are read; an offset skips index entries, not rows;
 * - **keyset**: with `page.after` the page starts after that row (`key < k OR key = k AND id < i`),
 *   so the 1,000th page costs what the first does;
 * - **capped total**: the rows are counted up to TOTAL_CAP (`totalCapped` beyond), not all of them.
 * `qb` holds the filters only (no order, no paging). `keyset: false` (another order) pages by offset
 * through the same deferred join and returns no cursor.
 *
 * `either` is a filter `a = v OR b = v` (a transfer shows in both of its warehouses) that no one index
 * serves in key order: the page's ids are then the UNION of two ranges, `a = v` and `b = v`, each read
 * newest first from its `(a, key)` / `(b, key)` index (index-only) and cut at the page's end; UNION,
 * not UNION ALL, so a row matching both (a move between bins of one warehouse) counts once.
 */
export async function pageNewestFirst<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  opts: {
    alias: string;
    keyColumn: string;
    page?: PageInput | null;
    /** The order when not by key (e.g. a sort by total): [expression, direction] pairs before `id DESC`. */
    order?: Array<[string, 'ASC' | 'DESC']>;
    /** `columns[0] = value OR columns[1] = value`, applied here (see above); not also in `qb`. */
    either?: { columns: [string, string]; value: number };
  },
): Promise<KeysetPage<T>> {
  const { offset, limit } = clampPage(opts.page);
  const id = `${opts.alias}.id`;
  const keyset = !opts.order;
  const after = keyset && opts.page?.after ? decodeCursor(opts.page.after) : null;

  const either = opts.either;
  // the two ranges of `either`: the filters and one side each
  const arms = either?.columns.map((column) =>
    qb.clone().andWhere(`${column} = :pgEither`, { pgEither: either.value }),
  );
  /** `SELECT <columns> FROM (arm 0) arm0 UNION SELECT <columns> FROM (arm 1) arm1`, with the arms' parameters. */
  const union = (parts: Array<[string, unknown[]]>, columns: string): [string, unknown[]] => [
    parts.map(([sql], i) => `SELECT ${columns} FROM (${sql}) arm${i}`).join(' UNION '),
    parts.flatMap(([, params]) => params),
  ];

  // counted up to TOTAL_CAP + 1: with `either`, up to that many of each range (exact below the cap;
  // either range at the cap, or both together beyond it, mean beyond it)
  const upToCap = (base: SelectQueryBuilder<T>) =>
    base
      .clone()
      .select(id, 'id')
      .orderBy()
      .limit(TOTAL_CAP + 1)
      .getQueryAndParameters();
  const [countSql, countParams] = arms ? union(arms.map(upToCap), 'id') : upToCap(qb);
  const counted = Number(
    (await qb.connection.query(`SELECT COUNT(*) AS n FROM (${countSql}) capped`, countParams))[0]?.n ?? 0,
  );

  const idsOf = (base: SelectQueryBuilder<T>) => {
    const ids = base.clone().select(id, 'id');
    if (keyset) ids.addSelect(opts.keyColumn, 'k').orderBy(opts.keyColumn, 'DESC');
    else opts.order!.forEach(([e, d], i) => (i ? ids.addOrderBy(e, d) : ids.orderBy(e, d)));
    ids.addOrderBy(id, 'DESC');
    if (after)
      ids.andWhere(`${opts.keyColumn} <= :pgKey AND (${opts.keyColumn} < :pgKey OR ${id} < :pgId)`, {
        pgKey: after.key,
        pgId: after.id,
      });
    return ids;
  };
  const skip = after ? 0 : offset;
  let raw: Array<{ id: number | string; k?: string }>;
  if (arms && keyset) {
    // each range up to the page's end, merged newest first; the offset skips within the merge
    const [sql, params] = union(
      arms.map((arm) =>
        idsOf(arm)
          .limit(skip + limit + 1)
          .getQueryAndParameters(),
      ),
      'id, k',
    );
    raw = await qb.connection.query(
      `SELECT u.id AS id, u.k AS k FROM (${sql}) u ORDER BY u.k DESC, u.id DESC LIMIT ${limit + 1} OFFSET ${skip}`,
      params,
    );
  } else {
    const filtered = qb.clone();
    if (either)
      filtered.andWhere(`(${either.columns[0]} = :pgEither OR ${either.columns[1]} = :pgEither)`, {
        pgEither: either.value,
      });
    raw = await idsOf(filtered)
      .offset(skip)
      .limit(limit + 1)
      .getRawMany();
  }
  const more = raw.length > limit;
  const pageIds = raw.slice(0, limit).map((r) => Number(r.id));
  const rows = pageIds.length
    ? await qb.connection
        .getRepository<T>(qb.expressionMap.mainAlias!.target)
        .createQueryBuilder(opts.alias)
        .where(`${id} IN (:...pgIds)`, { pgIds: pageIds })
        .getMany()
    : [];
  const byId = new Map(rows.map((r) => [Number((r as unknown as { id: unknown }).id), r]));
  const items = pageIds.map((i) => byId.get(i)!).filter(Boolean);
  const last = raw[limit - 1];
  return {
    items,
    total: Math.min(counted, TOTAL_CAP),
    totalCapped: counted > TOTAL_CAP,
    offset,
    limit,
    cursor: keyset && more && last ? encodeCursor(String(last.k), Number(last.id)) : null,
  };
}
