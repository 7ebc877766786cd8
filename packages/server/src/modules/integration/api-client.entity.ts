import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An API client (接口客户端): another system (an ERP, a platform connector, a 3PL) that calls the
 * API with a key. It acts as its service user (auth module: `api:<id>`), so it has exactly a role's
 * permissions and field rules and a warehouse scope; a customer scope limits it further.
 */
@ObjectType({ description: 'A system that calls the API with a key (Authorization: Bearer <key>).' })
@Entity('api_client')
export class ApiClient {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  /** the service user it acts as */
  @Column({ name: 'user_id', type: 'int', nullable: true }) userId: number | null;
  /** customer scope (JSON array of ids); null: every customer the role may see */
  @Column({ name: 'customer_ids', type: 'text', nullable: true }) customerIds: string | null;
  @Field(() => Int, { description: 'Requests per minute; more are refused with RATE_LIMITED (HTTP 429).' })
  @Column({ name: 'rate_limit', type: 'int', default: 600 })
  rateLimit: number;
  @Field(() => Date, { nullable: true, description: 'Revoked clients are refused at once (API_KEY_REVOKED).' })
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'created_by', type: 'int', nullable: true }) createdBy: number | null;
}

/**
 * A key of a client: only its SHA-256 is stored (the key is shown once); the prefix stays visible
 * so support can tell keys apart. A rotation gives the old keys an end (`expiresAt`: the overlap).
 */
@ObjectType({ description: 'A key of an API client: its visible prefix and its life (the secret is shown once).' })
@Entity('api_key')
@Index(['clientId'])
export class ApiKey {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'client_id', type: 'int' }) clientId: number;
  @Field({ description: 'The first characters of the key (jxc_xxxxxxxx), for support.' })
  @Column({ type: 'varchar', length: 20 })
  prefix: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) hash: string;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'After a rotation: when this key stops working.' })
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true })
  lastUsedAt: Date | null;
}

/** Requests of a client per minute window: one counter row per client and minute, shared by every server. */
@Entity('api_rate_window')
export class ApiRateWindow {
  @PrimaryColumn({ name: 'client_id', type: 'int' }) clientId: number;
  /** minutes since the epoch */
  @PrimaryColumn({ name: 'window_start', type: 'int' }) windowStart: number;
  @Column({ type: 'int', default: 0 }) hits: number;
}
