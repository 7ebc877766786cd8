import { Field, ID, Int, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar } from '../../core/decimal';
import { COST_PLUS_HIDDEN, hideCostPlus } from './cost-rule';

export enum PriceRuleKind {
  FIXED = 'FIXED',
  COST_PLUS = 'COST_PLUS',
  DISCOUNT_OFF_LIST = 'DISCOUNT_OFF_LIST',
}
registerEnumType(PriceRuleKind, {
  name: 'PriceRuleKind',
  description:
    'FIXED: the unit price; COST_PLUS: margin % over the current unit cost; DISCOUNT_OFF_LIST: % off the SKU reference sale price.',
});

@ObjectType({
  description:
    '价目表: prices for a tier and/or a channel (null: any). The most specific list that has the SKU applies.',
})
@Entity('price_list')
export class PriceList {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 30, unique: true }) code: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field(() => ID, { nullable: true, description: 'null: any tier' })
  @Column({ name: 'tier_id', type: 'int', nullable: true })
  tierId: number | null;
  @Field(() => ID, { nullable: true, description: 'null: any channel' })
  @Column({ name: 'channel_id', type: 'int', nullable: true })
  channelId: number | null;
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/**
 * One SKU's rule on a list for a validity period. Never updated in place: a new price closes the
 * open period the day before it starts, so the history stays.
 */
@ObjectType()
@Entity('price_list_item')
@Index(['priceListId', 'skuId', 'validFrom'])
export class PriceListItem {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'price_list_id', type: 'int' }) priceListId: number;
  @Field(() => ID) @Index() @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field(() => PriceRuleKind, { nullable: true, description: COST_PLUS_HIDDEN })
  @UseMiddleware(hideCostPlus((_, rule) => rule))
  @Column({ type: 'varchar', length: 20 })
  rule: PriceRuleKind;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: `FIXED: unit price; COST_PLUS: margin %; DISCOUNT_OFF_LIST: % off. ${COST_PLUS_HIDDEN}`,
  })
  @UseMiddleware(hideCostPlus((item: PriceListItem) => item.rule))
  @DecimalColumn(18, 4)
  value: string;
  @Field({ description: 'YYYY-MM-DD, inclusive' })
  @Column({ name: 'valid_from', type: 'varchar', length: 10 })
  validFrom: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive; null: open' })
  @Column({ name: 'valid_to', type: 'varchar', length: 10, nullable: true })
  validTo: string | null;
  @Field() @Column({ name: 'created_by', type: 'varchar', length: 100 }) createdBy: string;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
