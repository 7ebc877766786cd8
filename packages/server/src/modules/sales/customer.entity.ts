import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

export enum ChannelKind {
  OFFLINE_STORE = 'offline_store',
  ONLINE_SHOP = 'online_shop',
  DISTRIBUTOR = 'distributor',
}
registerEnumType(ChannelKind, {
  name: 'ChannelKind',
  description: '门店 (offline store), 电商店铺 (online shop on a platform), 分销商 (distributor).',
});

@ObjectType({
  description: '销售渠道: where an order comes from; every order carries its channel (and store) for reporting.',
})
@Entity('sales_channel')
export class SalesChannel {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 30, unique: true }) code: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field(() => ChannelKind) @Column({ type: 'varchar', length: 16 }) kind: ChannelKind;
  @Field({ description: 'tmall, jd, pdd, douyin … for online shops; empty otherwise.' })
  @Column({ type: 'varchar', length: 30, default: '' })
  platform: string;
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

@ObjectType({ description: '门店 / 店铺: a store of a channel.' })
@Entity('sales_store')
@Index(['channelId'])
export class SalesStore {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'channel_id', type: 'int' }) channelId: number;
  @Field() @Column({ type: 'varchar', length: 30, unique: true }) code: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

@ObjectType({ description: '客户等级: the RFM conditions of a tier (all must hold over the period).' })
@Entity('customer_tier')
export class CustomerTier {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 20, unique: true }) code: string;
  @Field() @Column({ type: 'varchar', length: 50 }) name: string;
  @Field(() => Int, { description: 'Higher is better.' }) @Column({ type: 'int', unique: true }) rank: number;
  @Field(() => DecimalScalar, { description: 'Σ order amount in the period, at least.' })
  @DecimalColumn(18, 2, { name: 'min_amount', default: '0.00' })
  minAmount: string;
  @Field(() => Int, { description: 'Orders in the period, at least.' })
  @Column({ name: 'min_orders', type: 'int', default: 0 })
  minOrders: number;
  @Field(() => Int, { nullable: true, description: 'The last order at most this many days ago; null: any.' })
  @Column({ name: 'max_recency_days', type: 'int', nullable: true })
  maxRecencyDays: number | null;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/** How a customer prefers to hear from us (birthday offers record their message for it). */
export enum ContactChannel {
  SMS = 'SMS',
  WECHAT = 'WECHAT',
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}
registerEnumType(ContactChannel, {
  name: 'ContactChannel',
  description: 'SMS, WECHAT, EMAIL or PHONE (a call).',
});

@ObjectType({
  description: '客户: profile, owner, credit limit, channel and tier. Contact data needs sales.customer.contact.read.',
})
@Entity('customer')
@Index(['ownerId'])
export class Customer {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 30, unique: true }) code: string;
  @Field() @Index() @Column({ type: 'varchar', length: 200 }) name: string;
  @SensitiveField('Customer', () => String, P.SalesCustomerContactRead, 'Main phone.')
  @Column({ type: 'varchar', length: 40, default: '' })
  phone: string | null;
  @SensitiveField('Customer', () => String, P.SalesCustomerContactRead, 'E-mail.')
  @Column({ type: 'varchar', length: 200, default: '' })
  email: string | null;
  @SensitiveField('Customer', () => String, P.SalesCustomerContactRead, 'Main address.')
  @Column({ type: 'varchar', length: 500, default: '' })
  address: string | null;
  @SensitiveField('Customer', () => String, P.SalesCustomerContactRead, 'YYYY-MM-DD (or MM-DD), for birthday offers.')
  @Column({ type: 'varchar', length: 10, nullable: true })
  birthday: string | null;
  @Field(() => ContactChannel, {
    nullable: true,
    description: 'The channel they prefer; none: SMS when there is a phone, else e-mail, else the salesperson.',
  })
  @Column({ name: 'preferred_channel', type: 'varchar', length: 10, nullable: true })
  preferredChannel: ContactChannel | null;
  @Field({ description: 'Preferences and notes on how to serve the customer.' })
  @Column({ type: 'varchar', length: 500, default: '' })
  preferences: string;
  @Field(() => ID, { nullable: true, description: 'The salesperson who owns the customer.' })
  @Column({ name: 'owner_id', type: 'int', nullable: true })
  ownerId: number | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'channel_id', type: 'int', nullable: true }) channelId:
    number | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'tier_id', type: 'int', nullable: true }) tierId: number | null;
  @Field({ description: 'The tier was fixed by hand; recomputing keeps it.' })
  @Column({ name: 'tier_fixed', type: 'boolean', default: false })
  tierFixed: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Why the tier is what it is (the RFM figures at the last recompute).',
  })
  @Column({ name: 'tier_reason', type: 'varchar', length: 300, nullable: true })
  tierReason: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Open receivables + a new order may not exceed it; null: no limit.',
  })
  @DecimalColumn(18, 2, { name: 'credit_limit', nullable: true })
  creditLimit: string | null;
  @Field(() => Int, { description: 'Days from invoice to due date.' })
  @Column({ name: 'payment_terms_days', type: 'int', default: 30 })
  paymentTermsDays: number;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) memo: string;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

export enum ServiceRecordKind {
  SERVICE = 'service',
  COMPLAINT = 'complaint',
}
registerEnumType(ServiceRecordKind, { name: 'ServiceRecordKind' });

@ObjectType({ description: 'A service or complaint record of a customer.' })
@Entity('customer_service_record')
@Index(['customerId'])
export class CustomerServiceRecord {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'customer_id', type: 'int' }) customerId: number;
  @Field(() => ServiceRecordKind) @Column({ type: 'varchar', length: 12 }) kind: ServiceRecordKind;
  @Field() @Column({ type: 'varchar', length: 1000 }) content: string;
  @Field() @Column({ type: 'boolean', default: false }) resolved: boolean;
  @Field(() => ID) @Column({ name: 'user_id', type: 'int' }) userId: number;
  @Field() @Column({ name: 'user_name', type: 'varchar', length: 100 }) userName: string;
  @Field(() => Date) @Column({ type: 'datetime', precision: 3 }) at: Date;
}

@ObjectType({ description: 'A contact person of a customer; phone and e-mail need sales.customer.contact.read.' })
@Entity('customer_contact')
@Index(['customerId'])
export class CustomerContact {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'customer_id', type: 'int' }) customerId: number;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field({ description: 'Position, e.g. 采购经理.' })
  @Column({ type: 'varchar', length: 100, default: '' })
  title: string;
  @SensitiveField('CustomerContact', () => String, P.SalesCustomerContactRead)
  @Column({ type: 'varchar', length: 40, default: '' })
  phone: string | null;
  @SensitiveField('CustomerContact', () => String, P.SalesCustomerContactRead)
  @Column({ type: 'varchar', length: 200, default: '' })
  email: string | null;
  @Field({ description: 'The one to call first.' })
  @Column({ name: 'is_primary', type: 'boolean', default: false })
  primary: boolean;
}

@ObjectType({
  description:
    'A delivery address of a customer; needs sales.customer.contact.read (an order keeps its own copy in shipTo).',
})
@Entity('customer_address')
@Index(['customerId'])
export class CustomerAddress {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'customer_id', type: 'int' }) customerId: number;
  @Field({ description: 'e.g. 总店, 仓库.' }) @Column({ type: 'varchar', length: 50, default: '' }) label: string;
  @SensitiveField('CustomerAddress', () => String, P.SalesCustomerContactRead, 'Who receives the goods.')
  @Column({ type: 'varchar', length: 100, default: '' })
  receiver: string | null;
  @SensitiveField('CustomerAddress', () => String, P.SalesCustomerContactRead)
  @Column({ type: 'varchar', length: 40, default: '' })
  phone: string | null;
  @SensitiveField('CustomerAddress', () => String, P.SalesCustomerContactRead)
  @Column({ type: 'varchar', length: 500 })
  address: string | null;
  @Field({ description: 'Orders ship here unless told otherwise.' })
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;
}
