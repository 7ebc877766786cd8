import type { GraphQLSchema } from 'graphql';
import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import type { Context, Services } from '../../core/context';
import { now } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { DomainError, ErrorCode, notFound } from '../../core/errors';
import { XLSX_CONTENT_TYPE, type ExportFile } from '../../core/export';
import { leaseLapsed, leaseUntil, type Every } from '../../core/jobs';
import {
  assertMayExport,
  exportColumns,
  listExport,
  listXlsx,
  parseListFilter,
  readListRows,
  type ExportColumnRequest,
  type ListExport,
} from '../../core/list-export';
import type { Locale } from '../../core/locale';
import { skipLocked, OutboxWorker } from '../../core/outbox';
import { userGrants } from '../auth';
import { ExportFailure, ExportJob, ExportJobChunk, ExportJobStatus as S } from './export-job.entity';

/** The most rows a background export writes. */
export const MAX_BACKGROUND_ROWS = 200_000;
/** base64 characters per chunk row (a MySQL TEXT holds 65,535 bytes) */
const CHUNK = 60_000;
/** a job's attempts before it is given up (a process that crashed while writing it, three times) */
const MAX_ATTEMPTS = 3;

export interface ExportJobOptions {
  /** an export of more rows than this is queued (config exportBackgroundRows) */
  backgroundRows: number;
  /** how long a file is kept after it was written */
  keepHours: number;
  /** how long a process holds a job between two progress reports */
  leaseMs?: number;
}

/** The stable code of what stopped a job (a list's refusal by its own code, anything else INTERNAL). */
export function failureOf(err: unknown): ExportFailure {
  if (!(err instanceof DomainError)) return ExportFailure.INTERNAL;
  switch (err.extensions.code) {
    case ErrorCode.FORBIDDEN:
      return ExportFailure.FORBIDDEN;
    case ErrorCode.NOT_FOUND:
      return ExportFailure.NOT_FOUND;
    case ErrorCode.BAD_USER_INPUT:
      return ExportFailure.INVALID_FILTER;
    default:
      return ExportFailure.REFUSED;
  }
}

/**
 * 下载中心: big list exports run in the background. `enqueue` records what was asked; a pass of the
 * worker (right after, and periodically as the cluster job `exports` of core/jobs) takes a queued job
 * with a lease on the database clock (SKIP LOCKED where rows lock) and writes the file as its owner
 * would read the list at that moment (their permissions, scopes and field rules, read again then),
 * reporting progress; a process that dies mid-way lets its lease run out and another starts the job
 * again. Only the owner sees and downloads a job; files are deleted `keepHours` after they were written.
 */
export class ExportJobService {
  private readonly worker: OutboxWorker;
  private schema: GraphQLSchema | null = null;
  private services: Services | null = null;
  private readonly leaseMs: number;

  constructor(
    private readonly ds: DataSource,
    private readonly opts: ExportJobOptions,
  ) {
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.worker = new OutboxWorker('exports', () => this.pass());
  }

  get backgroundRows(): number {
    return this.opts.backgroundRows;
  }

  /** The schema (to read a job's filter as its list query would) and the services (its list's page). */
  attach(schema: GraphQLSchema, services: Services): void {
    this.schema = schema;
    this.services = services;
  }

  start(intervalMs: number, every?: Every): void {
    this.worker.start(intervalMs, every);
  }

  stop(): Promise<unknown> {
    return this.worker.stop();
  }

  /** One pass now (after the one under way): expired files deleted, due jobs run; how many jobs ran. */
  run(): Promise<number> {
    return this.worker.run();
  }

  async enqueue(
    ctx: Context,
    e: ListExport,
    filter: string | null | undefined,
    columns: ExportColumnRequest[],
    total: number,
  ): Promise<ExportJob> {
    const job = await this.ds.getRepository(ExportJob).save(
      Object.assign(new ExportJob(), {
        ownerId: ctx.user!.id,
        list: e.name,
        filter: filter ?? null,
        columns: JSON.stringify(columns.map((c) => ({ key: c.key, header: c.header, values: c.values ?? null }))),
        locale: ctx.locale ?? 'zh-CN',
        status: S.QUEUED,
        total: Math.min(total, MAX_BACKGROUND_ROWS),
        done: 0,
        filename: null,
        fileColumns: null,
        error: null,
        errorCode: null,
        attempts: 0,
        leaseUntil: null,
        createdAt: now(),
        finishedAt: null,
        expiresAt: null,
      }),
    );
    this.worker.soon(0);
    return job;
  }

  /** The user's own exports, newest first (the last 50). */
  mine(ctx: Context): Promise<ExportJob[]> {
    return this.ds.getRepository(ExportJob).find({
      where: { ownerId: ctx.user!.id },
      order: { id: 'DESC' },
      take: 50,
    });
  }

  /** The file of one's own finished export (NOT_FOUND for anyone else's). */
  async download(ctx: Context, id: string | number): Promise<ExportFile> {
    const job = await this.ds.getRepository(ExportJob).findOneBy({ id: Number(id) || 0 });
    if (!job || job.ownerId !== ctx.user!.id) throw notFound('This export');
    if (job.status === S.EXPIRED || (job.expiresAt && job.expiresAt <= now()))
      throw new DomainError(ErrorCode.EXPORT_EXPIRED, 'This export’s file has expired; export the list again.');
    if (job.status !== S.DONE)
      throw new DomainError(
        ErrorCode.EXPORT_NOT_READY,
        job.status === S.FAILED ? 'This export failed; export the list again.' : 'This export is not finished yet.',
      );
    const chunks = await this.ds
      .getRepository(ExportJobChunk)
      .find({ where: { jobId: job.id }, order: { seq: 'ASC' } });
    return {
      filename: job.filename!,
      contentType: XLSX_CONTENT_TYPE,
      encoding: 'base64',
      content: chunks.map((c) => c.data).join(''),
      columns: JSON.parse(job.fileColumns ?? '[]'),
    };
  }

  private async pass(): Promise<number> {
    await this.expire();
    let ran = 0;
    for (;;) {
      const job = await this.claim();
      if (!job) return ran;
      await this.execute(job);
      ran++;
    }
  }

  /** Files past their keeping time are deleted (the job stays, EXPIRED). */
  private async expire(): Promise<void> {
    const due = await this.ds.getRepository(ExportJob).find({
      select: { id: true },
      where: { status: S.DONE, expiresAt: LessThanOrEqual(now()) },
    });
    if (!due.length) return;
    const ids = due.map((j) => j.id);
    await inTransaction(this.ds, async (tx) => {
      await tx.delete(ExportJobChunk, { jobId: In(ids) });
      await tx.update(ExportJob, { id: In(ids), status: S.DONE }, { status: S.EXPIRED });
    });
  }

  /** Takes the oldest job no process holds (queued, or running under a lapsed lease). */
  private async claim(): Promise<ExportJob | null> {
    return inTransaction(this.ds, async (tx) => {
      const rows: Array<{ id: number }> = await tx.query(
        `SELECT id FROM export_job WHERE status IN (?, ?) AND ${leaseLapsed(tx, 'lease_until')} ORDER BY id LIMIT 1${skipLocked(tx)}`,
        [S.QUEUED, S.RUNNING],
      );
      if (!rows.length) return null;
      const id = Number(rows[0].id);
      const [until, params] = leaseUntil(tx, this.leaseMs);
      await tx.query(`UPDATE export_job SET status = ?, attempts = attempts + 1, lease_until = ${until} WHERE id = ?`, [
        S.RUNNING,
        ...params,
        id,
      ]);
      return tx.findOneByOrFail(ExportJob, { id });
    });
  }

  private async fail(job: ExportJob, code: ExportFailure, message: string): Promise<void> {
    await this.ds
      .getRepository(ExportJob)
      .update(
        { id: job.id },
        { status: S.FAILED, errorCode: code, error: message.slice(0, 300), leaseUntil: null, finishedAt: now() },
      );
  }

  private async execute(job: ExportJob): Promise<void> {
    if (job.attempts > MAX_ATTEMPTS)
      return this.fail(job, ExportFailure.INTERRUPTED, 'The export was interrupted too often.');
    try {
      const ctx = await this.ownerContext(job);
      if (!ctx) return this.fail(job, ExportFailure.USER_INACTIVE, 'The user may no longer export.');
      const e = listExport(job.list);
      assertMayExport(ctx, e);
      const filter = parseListFilter(this.schema!, e, job.filter);
      const cols = exportColumns(ctx, e, JSON.parse(job.columns) as ExportColumnRequest[]);
      const rows = await readListRows(ctx, e, filter, cols, MAX_BACKGROUND_ROWS, async (done, total) => {
        // progress, and the lease held on for the next page
        const [until, params] = leaseUntil(this.ds, this.leaseMs);
        await this.ds.query(`UPDATE export_job SET done = ?, total = ?, lease_until = ${until} WHERE id = ?`, [
          done,
          total,
          ...params,
          job.id,
        ]);
      });
      const file = await listXlsx(ctx, e, cols, rows);
      const at = now();
      await inTransaction(this.ds, async (tx) => {
        await tx.delete(ExportJobChunk, { jobId: job.id });
        for (let i = 0, seq = 0; i < file.content.length; i += CHUNK, seq++)
          await tx.insert(ExportJobChunk, { jobId: job.id, seq, data: file.content.slice(i, i + CHUNK) });
        await tx.update(
          ExportJob,
          { id: job.id },
          {
            status: S.DONE,
            done: rows.length,
            total: rows.length,
            filename: file.filename,
            fileColumns: JSON.stringify(file.columns),
            error: null,
            errorCode: null,
            leaseUntil: null,
            finishedAt: at,
            expiresAt: new Date(at.getTime() + this.opts.keepHours * 3_600_000),
          },
        );
      });
    } catch (err) {
      const message = err instanceof DomainError ? err.message : 'The export failed.';
      if (!(err instanceof DomainError)) console.error(`[jxc] export ${job.id} failed`, (err as Error)?.message ?? err);
      await this.fail(job, failureOf(err), message);
    }
  }

  /** The owner as they are now: their roles and warehouses (an inactive user exports nothing). */
  private async ownerContext(job: ExportJob): Promise<Context | null> {
    const g = (await userGrants(this.ds.manager, [job.ownerId])).get(job.ownerId);
    if (!g || !g.active) return null;
    return {
      user: {
        id: g.id,
        username: g.username,
        displayName: g.displayName,
        roles: g.roles,
        permissions: g.permissions,
        warehouseIds: g.warehouseIds,
        sessionId: `export:${job.id}`,
      },
      ip: '',
      userAgent: 'export-job',
      locale: job.locale as Locale,
      requestId: `export-${job.id}`,
      services: this.services!,
      hidden: new Set(),
      auditWritten: false,
      afterSuccess: [],
    };
  }
}
