import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

export enum ScoreBucket {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}
registerEnumType(ScoreBucket, { name: 'ScoreBucket' });

@ObjectType({
  description: '供应商考核: quality, delivery and price of one supplier in one period, from its receipts.',
})
export class SupplierScorecard {
  @Field(() => ID) supplierId: number;
  @Field({ description: '2026-11 or 2026-Q4' }) period: string;
  @Field(() => Int, { description: 'Receipts in the period.' }) deliveries: number;
  @Field(() => Int, { description: 'Receipts on or before the order’s expected date (no date: on time).' })
  onTime: number;
  @Field(() => DecimalScalar, { description: 'onTime ÷ deliveries (0–1, 4 places).' }) onTimeRate: string;
  @Field(() => DecimalScalar, { description: 'Average days late of the late receipts.' }) averageDaysLate: string;
  @Field(() => DecimalScalar, { description: 'Accepted + rejected.' }) received: string;
  @Field(() => DecimalScalar) rejected: string;
  @Field(() => DecimalScalar, { description: 'rejected ÷ received (0–1, 4 places).' }) rejectRate: string;
  @SensitiveField(
    'SupplierScorecard',
    () => DecimalScalar,
    P.PurchasingSupplierPriceRead,
    'Σ accepted × order price, over lines with an agreed price.',
  )
  paidAmount: string | null;
  @SensitiveField(
    'SupplierScorecard',
    () => DecimalScalar,
    P.PurchasingSupplierPriceRead,
    'Σ accepted × agreed price over the same lines.',
  )
  agreedAmount: string | null;
  @SensitiveField(
    'SupplierScorecard',
    () => DecimalScalar,
    P.PurchasingSupplierPriceRead,
    '(paid ÷ agreed − 1) × 100; null without agreed prices.',
  )
  priceDeviationPct: string | null;
}

@ObjectType({ description: 'One receipt behind a scorecard (drill-down).' })
export class SupplierDelivery {
  @Field(() => ID) receiptId: number;
  @Field() receiptNumber: string;
  @Field(() => ID) supplierId: number;
  @Field(() => ID) orderId: number;
  @Field(() => String, { nullable: true }) orderNumber: string | null;
  @Field({ description: 'YYYY-MM-DD' }) receivedOn: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) expectedOn: string | null;
  @Field(() => Int) daysLate: number;
  @Field(() => DecimalScalar) accepted: string;
  @Field(() => DecimalScalar) rejected: string;
  @SensitiveField(
    'SupplierDelivery',
    () => DecimalScalar,
    P.PurchasingSupplierPriceRead,
    'Σ accepted × order price, over lines with an agreed price.',
  )
  paidAmount: string | null;
  @SensitiveField(
    'SupplierDelivery',
    () => DecimalScalar,
    P.PurchasingSupplierPriceRead,
    'Σ accepted × agreed price over the same lines.',
  )
  agreedAmount: string | null;
}
