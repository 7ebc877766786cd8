import { Arg, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { exportCsv, ExportFile } from '../../core/export';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { AuditEntry } from './audit-entry.entity';
import { auditTopic } from './audit.service';
import {
  AuditFilter,
  AuditGroupByEnum,
  AuditPage,
  AuditSortEnum,
  GroupCount,
  type AuditGroupBy,
  type AuditSort,
} from './audit.types';

@Resolver()
export class AuditResolver {
  @Query(() => AuditPage)
  @Allow(P.SystemAuditRead)
  auditLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
    @Arg('sort', () => AuditSortEnum, { nullable: true }) sort?: AuditSort,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.audit.list(ctx, filter, sort, page);
  }

  @Query(() => [GroupCount], { description: 'Counts of audit rows grouped by one key.' })
  @Allow(P.SystemAuditRead)
  auditStats(
    @Ctx() ctx: Context,
    @Arg('groupBy', () => AuditGroupByEnum) groupBy: AuditGroupBy,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
  ) {
    return ctx.services.audit.stats(ctx, groupBy, filter);
  }

  @Query(() => ExportFile)
  @Allow(P.SystemAuditRead)
  async exportAuditLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
  ) {
    const rows = await ctx.services.audit.all(ctx, filter);
    const cols = [
      'id',
      'at',
      'username',
      'roles',
      'address',
      'action',
      'entityType',
      'entityId',
      'before',
      'after',
    ] as const;
    return exportCsv(ctx, 'AuditEntry', 'audit-log', cols, rows, (r, c) => (r as any)[c]);
  }

  @Subscription(() => AuditEntry, { topics: auditTopic, description: 'Each audit row as it is written.' })
  @Allow(P.SystemAuditRead)
  auditLogged(@Root() entry: AuditEntry): AuditEntry {
    return entry;
  }
}
