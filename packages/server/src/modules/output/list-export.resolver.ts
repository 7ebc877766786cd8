import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/context';
import {
  assertMayExport,
  exportColumns,
  listExport,
  listXlsx,
  parseListFilter,
  readListRows,
} from '../../core/list-export';
import { SignedIn } from '../../core/permissions/guard';
import { ListExportInput, ListExportResult } from './list-export.types';

/** The most rows one export writes. */
export const MAX_EXPORT_ROWS = 50_000;

/**
 * The one export of every list page: the list's own permission, filter input, service (so its row
 * scope) and the columns its page shows, minus those the user may not see; xlsx with the page's headers.
 */
@Resolver()
export class ListExportResolver {
  @Mutation(() => ListExportResult, {
    description:
      'Exports a list page as xlsx: the rows its list query gives you (filter as that query takes it), the columns its page shows that you may see, headers as sent. FORBIDDEN without the list’s permission.',
  })
  @SignedIn()
  async exportList(
    @Arg('input') input: ListExportInput,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ListExportResult> {
    const e = listExport(input.list);
    assertMayExport(ctx, e);
    const filter = parseListFilter(info.schema, e, input.filter);
    const cols = exportColumns(ctx, e, input.columns);
    const rows = await readListRows(ctx, e, filter, cols, MAX_EXPORT_ROWS);
    return { file: await listXlsx(ctx, e, cols, rows), rows: rows.length };
  }
}
