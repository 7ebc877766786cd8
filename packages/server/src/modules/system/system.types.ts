import { IsOptional, Length } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { CostingMethod, StorageRule } from './settings.entity';

@InputType()
export class UpdateSettingsInput {
  @Field(() => Int) version: number;
  @Field({ nullable: true }) @IsOptional() @Length(0, 200) companyName?: string;
  @Field({ nullable: true }) @IsOptional() @Length(3, 3) currency?: string;
  @Field(() => CostingMethod, { nullable: true }) costingMethod?: CostingMethod;
  @DecimalInput(9, 6, { nullable: true }) defaultTaxRate?: string;
  @DecimalInput(18, 2, { nullable: true }) defaultCreditLimit?: string;
  @DecimalInput(9, 6, { nullable: true, description: 'e.g. "0.05" for 5 %' })
  purchaseOverReceiptTolerance?: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Receiving a batch expiring within this many days (0–3650) needs a reason.',
  })
  expiryWarningDays?: number;
  @Field(() => StorageRule, {
    nullable: true,
    description: 'Goods into a bin whose zone does not suit them: warn or refuse.',
  })
  storageRule?: StorageRule;
  @Field(() => Int, { nullable: true, description: 'Decimal places shown for unit costs and prices (2–6).' })
  unitCostPlaces?: number;
  @Field({ nullable: true, description: 'YYYY-MM-DD; closes every period up to that day' }) closedThrough?: string;
  @Field({ nullable: true, description: 'JSON object: document type → pattern' }) numberPatterns?: string;
}

@ObjectType({ description: 'How numbers are shown: the same for every signed-in user.' })
export class NumberFormat {
  @Field({ description: 'ISO currency code of all amounts.' }) currency: string;
  @Field(() => Int, { description: 'Decimal places for unit costs and unit prices (money totals always show 2).' })
  unitCostPlaces: number;
}

@ObjectType({ description: "The server's clock: the console takes its today from here, not from the browser." })
export class BusinessClock {
  @Field({ description: 'The server now (ISO 8601, UTC).' }) now: string;
  @Field({ description: "The company's business day now (YYYY-MM-DD in its time zone)." }) today: string;
  @Field({ description: 'The time zone business days are taken in (IANA name).' }) timeZone: string;
}

@ObjectType()
export class DayCount {
  @Field({ description: 'YYYY-MM-DD (UTC)' }) day: string;
  @Field(() => Int) count: number;
}

@ObjectType()
export class KeyCount {
  @Field() key: string;
  @Field(() => Int) count: number;
}
