import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

/** Append-only: the API has no mutation that changes or deletes these rows. */
@ObjectType({ description: 'Who changed what, when and from where.' })
@Entity('audit_entry')
@Index(['at'])
@Index(['entityType', 'entityId'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Date)
  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId: number | null;

  @Field({ description: 'Username at the time (kept if the user is renamed).' })
  @Column({ type: 'varchar', length: 100, default: '' })
  username: string;

  @Field(() => [String])
  @Column({ type: 'simple-json' })
  roles: string[];

  @SensitiveField('AuditEntry', () => String, P.SystemAuditAddressRead, 'Network address of the request.')
  @Column({ type: 'varchar', length: 64, default: '' })
  address: string;

  @Field()
  @Column({ name: 'request_id', type: 'varchar', length: 64, default: '' })
  requestId: string;

  @Field({ description: 'e.g. user.create, auth.login' })
  @Index()
  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Field()
  @Column({ name: 'entity_type', type: 'varchar', length: 50, default: '' })
  entityType: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the record before the change (master data).' })
  @Column({ type: 'text', nullable: true })
  before: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'JSON of the record after the change, or the (redacted) arguments.',
  })
  @Column({ type: 'text', nullable: true })
  after: string | null;
}
