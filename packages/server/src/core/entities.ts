import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Gap-free numbers: the counter row is updated in the posting transaction, so a failure uses none. */
@Entity('doc_sequence')
export class DocSequence {
  @PrimaryColumn({ name: 'doc_type', type: 'varchar', length: 20 }) docType: string;
  @PrimaryColumn({ type: 'varchar', length: 10 }) period: string;
  @Column({ name: 'last_no', type: 'int', default: 0 }) lastNo: number;
}

/** A posting request seen before: same key and same request → the first result; another request → refused. */
@Entity('idempotency_record')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'varchar', length: 100 }) key: string;
  @Column({ name: 'user_id', type: 'int' }) userId: number;
  @Column({ name: 'request_hash', type: 'varchar', length: 64 }) requestHash: string;
  @Column({ type: 'varchar', length: 60 }) operation: string;
  @Column({ name: 'result_id', type: 'varchar', length: 64 }) resultId: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/**
 * One row per scheduled job of the installation: when it is next due, who ran it last, how often it
 * ran. Every API process ticks its own timer; the one whose guarded UPDATE moves `next_run_at`
 * forward runs the job, the others see no affected row. So a job runs once per period per cluster
 * whatever the number of processes, and a restart does not push a daily job back by a day.
 */
@Entity('job_lease')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 60 }) name: string;
  @Column({ name: 'next_run_at', type: 'datetime', precision: 3 }) nextRunAt: Date;
  @Column({ type: 'varchar', length: 100, nullable: true }) holder: string | null;
  @Column({ name: 'last_run_at', type: 'datetime', precision: 3, nullable: true }) lastRunAt: Date | null;
  @Column({ type: 'int', default: 0 }) runs: number;
}

/** The tables core itself owns; the composition root adds them to the modules' entities. */
export const coreEntities = [DocSequence, IdempotencyRecord, JobLease];
