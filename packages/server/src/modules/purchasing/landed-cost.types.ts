import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { LandedCostBasis, LandedCostKind } from './landed-cost.entity';

@InputType()
export class LandedCostLineInput {
  @Field(() => LandedCostKind) kind: LandedCostKind;
  @Field(() => LandedCostBasis) basis: LandedCostBasis;
  @DecimalInput(18, 2, { description: 'More than zero, 2 decimals.' }) amount: string;
  @Field(() => ID, { nullable: true }) supplierId?: string | null;
  @Field({ nullable: true }) @IsOptional() @Length(0, 200) memo?: string;
}

@InputType()
export class LandedCostInput {
  @Field(() => ID) receiptId: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
  @Field(() => [LandedCostLineInput]) lines: LandedCostLineInput[];
}
