import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, UseMiddleware } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { DecimalScalar } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';
import { COST_PLUS_HIDDEN, hideCostPlus } from './cost-rule';
import { PriceRuleKind } from './price-list.entity';

@InputType()
export class PriceListInput {
  @Field(() => ID, { nullable: true, description: 'omit to add' }) id?: string;
  @Field(() => Int, { nullable: true }) version?: number;
  @Field() @Length(1, 30) code: string;
  @Field() @Length(1, 100) name: string;
  @Field(() => ID, { nullable: true, description: 'null: any tier' }) tierId?: string | null;
  @Field(() => ID, { nullable: true, description: 'null: any channel' }) channelId?: string | null;
  @Field({ nullable: true }) active?: boolean;
}

@InputType({ description: 'A new price of a SKU on a list from a date; the open one ends the day before.' })
export class PriceListItemInput {
  @Field(() => ID) priceListId: string;
  @Field(() => ID) skuId: string;
  @Field(() => PriceRuleKind) rule: PriceRuleKind;
  @DecimalInput(18, 4) value: string;
  @Field() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date like 2026-12-01' }) validFrom: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date like 2026-12-31' })
  validTo?: string | null;
}

@InputType()
export class PriceQuoteInput {
  @Field(() => ID) customerId: string;
  @Field(() => ID) channelId: string;
  @Field(() => ID) warehouseId: string;
  @Field(() => ID) skuId: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD; today when omitted' }) @IsOptional() @Length(10, 10) on?: string;
}

@ObjectType({
  description:
    'The price a line would get, from which list, by which rule, and the steps (list price → price list → promotions → rounding).',
})
export class PriceQuote {
  @Field(() => DecimalScalar) unitPrice: string;
  @Field(() => ID, { nullable: true }) priceListId: string | null;
  @Field(() => String, {
    nullable: true,
    description: `FIXED, COST_PLUS, DISCOUNT_OFF_LIST or LIST_PRICE. ${COST_PLUS_HIDDEN}`,
  })
  @UseMiddleware(hideCostPlus((_, rule) => rule))
  rule: string | null;
  @Field(() => [String]) steps: string[];
  @SensitiveField(
    'PriceQuote',
    () => Boolean,
    P.SalesMarginRead,
    "The price is under the current unit cost: confirming needs sales.price.below_cost. The same permission as the order line's flag (it tells cost).",
  )
  belowCost: boolean | null;
}
