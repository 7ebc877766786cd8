import { Field, InputType, Int, ObjectType, type ClassType } from 'type-graphql';

export const MAX_PAGE_SIZE = 200;

@InputType({ description: `Offset paging. limit is capped at ${MAX_PAGE_SIZE}, whatever the client asks.` })
export class PageInput {
  @Field(() => Int, { defaultValue: 0 })
  offset: number = 0;

  @Field(() => Int, { defaultValue: 50 })
  limit: number = 50;
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
