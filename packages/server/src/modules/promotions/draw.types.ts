import { Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { Paginated } from '../../core/paging';
import { BirthdayOffer } from './birthday.entity';
import { LuckyDraw, LuckyDrawEntry, PrizeKind } from './draw.entity';
import { EligibilityData } from './promotion.entity';

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

@InputType()
export class LuckyDrawPrizeInput {
  @Field() @Length(1, 120) name: string;
  @Field(() => PrizeKind) kind: PrizeKind;
  @Field(() => ID, { nullable: true, description: 'SKU prizes.' }) skuId?: string | null;
  @Field(() => ID, { nullable: true, description: 'COUPON prizes.' }) couponBatchId?: string | null;
  @DecimalInput(9, 4, { description: 'Percent, above 0, at most 4 decimals; all prizes together at most 100.' })
  odds: string;
  @Field(() => Int, { nullable: true, description: 'How many can be won (NONE: leave empty).' })
  quantity?: number | null;
  @DecimalInput(18, 2, { nullable: true, description: 'What one prize costs the company (counts against the budget).' })
  unitCost?: string | null;
}

@InputType()
export class SaveLuckyDrawInput {
  @Field(() => ID, { nullable: true, description: 'Omitted: a new draft.' }) id?: string;
  @Field(() => Int, { nullable: true }) version?: number;
  @Field() @Length(1, 40) @Matches(/^[A-Za-z0-9_-]+$/) code: string;
  @Field() @Length(1, 120) name: string;
  @Field({ description: 'Orders sold from (YYYY-MM-DDTHH:mm).' }) @Matches(AT) startsAt: string;
  @Field({ description: '… until (exclusive).' }) @Matches(AT) endsAt: string;
  @Field(() => EligibilityData, {
    nullable: true,
    description: 'Channels, stores, tiers, hours, weekdays and minAmount (the order total) an order meets.',
  })
  eligibility?: EligibilityData | null;
  @DecimalInput(18, 2, { nullable: true }) budget?: string | null;
  @Field(() => [LuckyDrawPrizeInput]) prizes: LuckyDrawPrizeInput[];
}

export const LuckyDrawPage = Paginated(LuckyDraw, 'LuckyDrawPage');
export const LuckyDrawEntryPage = Paginated(LuckyDrawEntry, 'LuckyDrawEntryPage');
export const BirthdayOfferPage = Paginated(BirthdayOffer, 'BirthdayOfferPage');

@ObjectType()
export class DrawMismatch {
  @Field(() => ID) entryId: string;
  @Field({ description: 'What the seed gives: roll / prize id or "-" / exhausted.' }) expected: string;
  @Field({ description: 'What is stored.' }) stored: string;
}

@ObjectType({ description: "A revealed draw's results derived again from its seed." })
export class DrawVerification {
  @Field({ description: 'SHA-256 of the revealed seed equals the hash published at opening.' }) hashMatches: boolean;
  @Field(() => Int) entries: number;
  @Field(() => Int) matching: number;
  @Field(() => [DrawMismatch]) mismatches: DrawMismatch[];
  @Field() ok: boolean;
}

@ObjectType({ description: 'What the birthday job did in one run.' })
export class BirthdayRun {
  @Field(() => Int) issued: number;
  @Field(() => Int, { description: 'Customers born this month who already had this year’s offer.' })
  already: number;
  @Field({ description: 'Empty, or why nothing was issued (switched off, no batch …).' }) skipped: string;
}
