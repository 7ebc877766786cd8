import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Matches, MaxLength } from 'class-validator';
import { DecimalScalar } from '../../core/decimal';
import { DecimalInput } from '../../core/decimal-input';

@InputType({ description: "A warehouse's fees for a month (replaces the month's fees if there are some)." })
export class WarehouseFeeInput {
  @Field(() => ID) warehouseId: string;
  @Field({ description: 'YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'a month as YYYY-MM' })
  month: string;
  @DecimalInput(18, 2, { description: '仓储费: allocated by space-days (base-unit-days on hand)' }) storage: string;
  @DecimalInput(18, 2, { description: '操作费: allocated by the ledger lines moved' }) handling: string;
  @Field({ nullable: true }) @MaxLength(200) memo?: string;
}

@ObjectType({ description: "One SKU's share of a warehouse's fees for a month." })
export class WarehouseFeeShare {
  @Field(() => ID) skuId: string;
  @Field() sku: string;
  @Field() baseUnit: string;
  @Field(() => DecimalScalar, {
    description: 'Σ over the days of the quantity on hand at the day’s end, in base units',
  })
  spaceDays: string;
  @Field(() => Int, { description: 'ledger lines moved in the month' }) lines: number;
  @Field(() => DecimalScalar) storage: string;
  @Field(() => DecimalScalar) handling: string;
  @Field(() => DecimalScalar) total: string;
}

@ObjectType({ description: "仓储费分摊: a warehouse's fees for a month and their allocation to its SKUs." })
export class WarehouseFeeAllocation {
  @Field(() => ID) warehouseId: string;
  @Field() warehouse: string;
  @Field() month: string;
  @Field(() => DecimalScalar) storage: string;
  @Field(() => DecimalScalar) handling: string;
  @Field(() => [WarehouseFeeShare]) shares: WarehouseFeeShare[];
  @Field(() => DecimalScalar, { description: 'storage with no space-days in the month' }) unallocatedStorage: string;
  @Field(() => DecimalScalar, { description: 'handling with no lines moved in the month' }) unallocatedHandling: string;
}
