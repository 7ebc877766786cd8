import { Arg, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/context';
import { ExportFile } from '../../core/export';
import {
  assertMayExport,
  countListRows,
  exportColumns,
  listExport,
  listXlsx,
  parseListFilter,
  readListRows,
} from '../../core/list-export';
import { SignedIn } from '../../core/permissions/guard';
import { ExportJob } from './export-job.entity';
import { ListExportInput, ListExportResult } from './list-export.types';

/** The most rows one export writes at once (bigger ones run in the background, see ExportJobService). */
export const MAX_EXPORT_ROWS = 50_000;

/**
 * The one export of every list page: the list's own permission, filter input, service (so its row
 * scope) and the columns its page shows, minus those the user may not see; xlsx with the page's headers.
 * Over `exportBackgroundRows` rows (config) the export is queued as a background job instead (下载中心).
 */
@Resolver()
export class ListExportResolver {
  @Mutation(() => ListExportResult, {
    description:
      'Exports a list page as xlsx: the rows its list query gives you (filter as that query takes it), the columns its page shows that you may see, headers as sent. Over the background threshold (JXC_EXPORT_BACKGROUND_ROWS, 5000) the file is written in the background: `job` is set and the file appears in myExports. FORBIDDEN without the list’s permission.',
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
    const jobs = ctx.services.exportJobs;
    const total = await countListRows(ctx, e, filter);
    if (total > jobs.backgroundRows)
      return { file: null, rows: total, job: await jobs.enqueue(ctx, e, input.filter, input.columns, total) };
    const rows = await readListRows(ctx, e, filter, cols, MAX_EXPORT_ROWS);
    return { file: await listXlsx(ctx, e, cols, rows), rows: rows.length, job: null };
  }

  @Query(() => [ExportJob], { description: 'Your background exports (下载中心), newest first: the last 50.' })
  @SignedIn()
  myExports(@Ctx() ctx: Context): Promise<ExportJob[]> {
    return ctx.services.exportJobs.mine(ctx);
  }

  @Query(() => ExportFile, {
    description:
      'The file of one of your finished background exports. NOT_FOUND for another user’s, EXPORT_NOT_READY before it is written (or when it failed), EXPORT_EXPIRED after its keeping time (JXC_EXPORT_KEEP_HOURS).',
  })
  @SignedIn()
  downloadExport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ExportFile> {
    return ctx.services.exportJobs.download(ctx, id);
  }
}
