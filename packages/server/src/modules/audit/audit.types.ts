import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Paginated } from '../../core/paging';
import { AuditEntry } from './audit-entry.entity';

export type AuditSort = 'AT_DESC' | 'AT_ASC' | 'ADDRESS';
export const AuditSortEnum = { AT_DESC: 'AT_DESC', AT_ASC: 'AT_ASC', ADDRESS: 'ADDRESS' } as const;
registerEnumType(AuditSortEnum, { name: 'AuditSort', description: 'ADDRESS needs system.audit.address.read.' });

export type AuditGroupBy = 'USER' | 'ACTION' | 'ENTITY_TYPE' | 'ADDRESS' | 'DAY';
export const AuditGroupByEnum = {
  USER: 'USER',
  ACTION: 'ACTION',
  ENTITY_TYPE: 'ENTITY_TYPE',
  ADDRESS: 'ADDRESS',
  DAY: 'DAY',
} as const;
registerEnumType(AuditGroupByEnum, { name: 'AuditGroupBy', description: 'ADDRESS needs system.audit.address.read.' });

@InputType()
export class AuditFilter {
  @Field(() => Date, { nullable: true }) from?: Date;
  @Field(() => Date, { nullable: true, description: 'exclusive' }) to?: Date;
  @Field({ nullable: true }) username?: string;
  @Field({ nullable: true, description: 'prefix, e.g. "user."' }) action?: string;
  @Field({ nullable: true }) entityType?: string;
  @Field({ nullable: true }) entityId?: string;
  @Field({ nullable: true, description: 'needs system.audit.address.read' }) address?: string;
}

@ObjectType()
export class GroupCount {
  @Field() key: string;
  @Field(() => Int) count: number;
}

export const AuditPage = Paginated(AuditEntry, 'AuditPage');
