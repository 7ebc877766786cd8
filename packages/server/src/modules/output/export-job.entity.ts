import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum ExportJobStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  DONE = 'done',
  FAILED = 'failed',
  EXPIRED = 'expired',
}
registerEnumType(ExportJobStatus, {
  name: 'ExportJobStatus',
  description: '排队中, 导出中, 可下载, 失败, 已过期 (the file is deleted)',
});

/** Why a background export failed: a stable code the console shows in words. */
export enum ExportFailure {
  /** the process writing it stopped too often (crashes, restarts) */
  INTERRUPTED = 'INTERRUPTED',
  /** the owner was disabled meanwhile */
  USER_INACTIVE = 'USER_INACTIVE',
  /** the owner lost the list's permission meanwhile */
  FORBIDDEN = 'FORBIDDEN',
  /** what the filter names (a warehouse, a list) is gone or out of the owner's scope now */
  NOT_FOUND = 'NOT_FOUND',
  /** the filter is no longer valid for the list */
  INVALID_FILTER = 'INVALID_FILTER',
  /** the list refused it for another reason of its own */
  REFUSED = 'REFUSED',
  /** an unexpected error (logged on the server) */
  INTERNAL = 'INTERNAL',
}
registerEnumType(ExportFailure, {
  name: 'ExportFailure',
  description:
    'Why an export failed: INTERRUPTED (stopped too often), USER_INACTIVE, FORBIDDEN (permission lost), NOT_FOUND (a filtered object is gone or out of scope), INVALID_FILTER, REFUSED, INTERNAL.',
});

/**
 * A big list export (下载中心) run in the background: what was asked (the list, its filter as sent,
 * the columns with their headers), by whom (only they may download it), how far it is, and when its
 * file expires. A process takes a queued job with a lease on the database clock (core/jobs), so
 * several API processes never write the same file; a crashed one's lease runs out and another
 * starts it again. The file itself is in `export_job_chunk`.
 */
@ObjectType({ description: 'A list export run in the background, and its file once done (yours only).' })
@Entity('export_job')
@Index('IDX_export_job_owner', ['ownerId', 'id'])
@Index('IDX_export_job_status', ['status', 'id'])
export class ExportJob {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'owner_id', type: 'int' }) ownerId: number;
  @Field({ description: 'The list (purchaseOrders, stockLevels …).' })
  @Column({ type: 'varchar', length: 60 })
  list: string;
  /** the filter as the console sent it (JSON), read again as the list's filter input when the job runs */
  @Column({ type: 'text', nullable: true }) filter: string | null;
  /** the columns asked for (JSON: key, header, value labels); the owner's field rules apply when it runs */
  @Column({ type: 'text' }) columns: string;
  @Column({ type: 'varchar', length: 10, default: 'zh-CN' }) locale: string;
  @Field(() => ExportJobStatus) @Column({ type: 'varchar', length: 12 }) status: ExportJobStatus;
  @Field(() => Int, { description: 'Rows to write (known once counted).' })
  @Column({ type: 'int', default: 0 })
  total: number;
  @Field(() => Int, { description: 'Rows written so far.' }) @Column({ type: 'int', default: 0 }) done: number;
  @Field(() => String, { nullable: true, description: 'The file’s name once done.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  filename: string | null;
  /** the file's columns (JSON), as ExportFile.columns */
  @Column({ name: 'file_columns', type: 'text', nullable: true }) fileColumns: string | null;
  @Field(() => String, { nullable: true, description: 'Why it failed (FAILED), in English, for the log.' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;
  @Field(() => ExportFailure, { nullable: true, description: 'Why it failed (FAILED), as a stable code.' })
  @Column({ name: 'error_code', type: 'varchar', length: 30, nullable: true })
  errorCode: ExportFailure | null;
  @Column({ type: 'int', default: 0 }) attempts: number;
  /** a process runs it until then (the database's clock); a lapsed lease lets another take it */
  @Column({ name: 'lease_until', type: 'datetime', precision: 3, nullable: true }) leaseUntil: Date | null;
  @Field() @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'The file is deleted then.' })
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;
}

/** The file of an export job in pieces of base64 (each fits a TEXT column on MySQL). */
@Entity('export_job_chunk')
export class ExportJobChunk {
  @PrimaryColumn({ name: 'job_id', type: 'int' }) jobId: number;
  @PrimaryColumn({ type: 'int' }) seq: number;
  @Column({ type: 'text' }) data: string;
}
