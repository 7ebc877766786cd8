import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';
import { EligibilityData } from './promotion.entity';

export enum DrawState {
  DRAFT = 'DRAFT',
  /** the seed's hash is published, the seed sealed; qualifying confirmed orders earn entries */
  OPEN = 'OPEN',
  /** every entry has its result; the seed is still sealed */
  DRAWN = 'DRAWN',
  /** the seed is published: anyone re-derives every result */
  REVEALED = 'REVEALED',
}
registerEnumType(DrawState, { name: 'DrawState', description: 'draft → open → drawn → revealed.' });

export enum PrizeKind {
  SKU = 'SKU',
  COUPON = 'COUPON',
  NONE = 'NONE',
}
registerEnumType(PrizeKind, {
  name: 'PrizeKind',
  description: 'SKU: one unit, a draft sales order at 0; COUPON: a code of the batch; NONE: 谢谢参与.',
});

/** 抽奖: prizes with odds and quantities, a budget, the rules an order meets to earn an entry. */
@ObjectType({ description: '抽奖. The seed is sealed until the draw is revealed.' })
@Entity('lucky_draw')
export class LuckyDraw {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 40, unique: true }) code: string;
  @Field() @Column({ type: 'varchar', length: 120 }) name: string;
  @Field(() => DrawState) @Column({ type: 'varchar', length: 10, default: DrawState.DRAFT }) state: DrawState;
  @Field({ description: 'Orders sold from (YYYY-MM-DDTHH:mm, inclusive).' })
  @Column({ name: 'starts_at', type: 'varchar', length: 16 })
  startsAt: string;
  @Field({ description: '… until (exclusive).' })
  @Column({ name: 'ends_at', type: 'varchar', length: 16 })
  endsAt: string;
  /** channels, stores, tiers, hours, weekdays, minAmount (the rest of the shape is unused) */
  @Column({ type: 'simple-json' }) eligibility: EligibilityData;
  @Field(() => DecimalScalar, { nullable: true, description: "The prizes' cost, at most; null: no limit." })
  @DecimalColumn(18, 2, { nullable: true })
  budget: string | null;
  @SensitiveField(
    'LuckyDraw',
    () => DecimalScalar,
    P.SalesMarginRead,
    "The prizes given so far, at cost (a SKU at its stock's unit cost where it is issued, a coupon at its prize's cost): what the budget counts.",
  )
  @DecimalColumn(18, 2, { name: 'prize_cost', default: '0.00' })
  prizeCost: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the seed (hex), published when it opens.' })
  @Column({ name: 'seed_hash', type: 'varchar', length: 64, nullable: true })
  seedHash: string | null;
  /** 32 random bytes as hex; answered by the API only once revealed (LuckyDrawResolver.seed) */
  @Column({ type: 'varchar', length: 64, nullable: true }) seed: string | null;
  @Field(() => Int, { description: 'Entries earned so far.' })
  @Column({ name: 'entry_count', type: 'int', default: 0 })
  entryCount: number;
  @Field(() => Int, { description: 'Entries with a result.' })
  @Column({ name: 'drawn_count', type: 'int', default: 0 })
  drawnCount: number;
  /** the highest entry id settled so far (drawing goes in id order, chunk by chunk) */
  @Column({ name: 'drawn_through', type: 'int', default: 0 }) drawnThrough: number;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'opened_at', type: 'datetime', precision: 3, nullable: true })
  openedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'drawn_at', type: 'datetime', precision: 3, nullable: true })
  drawnAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'revealed_at', type: 'datetime', precision: 3, nullable: true })
  revealedAt: Date | null;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/** A prize of a draw: what it is, its odds, how many there are and how many are left. */
@ObjectType()
@Entity('lucky_draw_prize')
@Index(['drawId', 'position'], { unique: true })
export class LuckyDrawPrize {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'draw_id', type: 'int' }) drawId: number;
  @Field(() => Int, { description: 'Bands are laid in this order (1, 2, …).' })
  @Column({ type: 'int' })
  position: number;
  @Field() @Column({ type: 'varchar', length: 120 }) name: string;
  @Field(() => PrizeKind) @Column({ type: 'varchar', length: 10 }) kind: PrizeKind;
  @Field(() => ID, { nullable: true }) @Column({ name: 'sku_id', type: 'int', nullable: true }) skuId: number | null;
  @Field(() => ID, { nullable: true })
  @Column({ name: 'coupon_batch_id', type: 'int', nullable: true })
  couponBatchId: number | null;
  @Field(() => DecimalScalar, { description: 'Percent (at most 4 decimals).' })
  @DecimalColumn(9, 4)
  odds: string;
  @Field(() => Int, { nullable: true, description: 'null: NONE, unlimited.' })
  @Column({ type: 'int', nullable: true })
  quantity: number | null;
  @Field(() => Int, { nullable: true }) @Column({ type: 'int', nullable: true }) remaining: number | null;
  @SensitiveField('LuckyDrawPrize', () => DecimalScalar, P.SalesMarginRead, 'What one prize costs the company.')
  @DecimalColumn(18, 2, { name: 'unit_cost', default: '0.00' })
  unitCost: string | null;
}

/** One entry: earned by a confirmed order; its result once drawn. */
@ObjectType()
@Entity('lucky_draw_entry')
@Index(['drawId', 'orderId'], { unique: true })
@Index(['orderId'])
export class LuckyDrawEntry {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'draw_id', type: 'int' }) drawId: number;
  @Field(() => ID) @Column({ name: 'order_id', type: 'int' }) orderId: number;
  @Field(() => ID, { nullable: true }) @Column({ name: 'customer_id', type: 'int', nullable: true }) customerId:
    number | null;
  @Column({ name: 'channel_id', type: 'int' }) channelId: number;
  @Column({ name: 'store_id', type: 'int', nullable: true }) storeId: number | null;
  @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field(() => DecimalScalar) @DecimalColumn(18, 2, { name: 'order_total' }) orderTotal: string;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Int, { nullable: true, description: 'The roll in ppm (0 … 999999), once drawn.' })
  @Column({ type: 'int', nullable: true })
  roll: number | null;
  @Field(() => ID, { nullable: true, description: 'The prize the roll picked.' })
  @Column({ name: 'picked_prize_id', type: 'int', nullable: true })
  pickedPrizeId: number | null;
  @Field(() => ID, { nullable: true, description: 'The prize won (null: none, or the picked one was gone).' })
  @Column({ name: 'prize_id', type: 'int', nullable: true })
  prizeId: number | null;
  @Field({ description: 'The picked prize was given out to lower entry ids: nothing.' })
  @Column({ type: 'boolean', default: false })
  exhausted: boolean;
  @Field({
    description: 'The picked prize had units left but its cost did not fit what was left of the budget: nothing.',
  })
  @Column({ name: 'budget_spent', type: 'boolean', default: false })
  budgetSpent: boolean;
  @SensitiveField(
    'LuckyDrawEntry',
    () => DecimalScalar,
    P.SalesMarginRead,
    'What the prize won (or refused by the budget) cost when drawn; null without a prize or a budget.',
  )
  @DecimalColumn(18, 2, { name: 'prize_cost', nullable: true })
  prizeCost: string | null;
  @Field(() => ID, { nullable: true, description: 'COUPON prize: the code issued to the customer.' })
  @Column({ name: 'coupon_code_id', type: 'int', nullable: true })
  couponCodeId: number | null;
  @Field(() => ID, { nullable: true, description: 'SKU prize: the draft sales order made for it.' })
  @Column({ name: 'prize_order_id', type: 'int', nullable: true })
  prizeOrderId: number | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'drawn_at', type: 'datetime', precision: 3, nullable: true })
  drawnAt: Date | null;
}
