import { IsOptional } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { DecimalScalar } from '../../core/decimal';
import { ForecastMethodChoice, SafetyStockMethod } from './replenishment.entity';

@ObjectType({
  description:
    'One line of a suggestion’s arithmetic: a stable label (translated by the console), the formula with its numbers, the result.',
})
export class ArithmeticStep {
  @Field() label: string;
  @Field() formula: string;
  @Field() value: string;
}

@ObjectType({ description: '补货建议 for one SKU in one warehouse, with every input and step shown.' })
export class ReplenishmentSuggestion {
  @Field(() => ID) skuId: number;
  @Field() skuCode: string;
  @Field() skuName: string;
  @Field(() => ID) warehouseId: number;
  @Field({ description: 'OK, NO_HISTORY (no demand: nothing suggested) or TOO_LITTLE_HISTORY.' }) status: string;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => Int, { description: 'Days of demand history used.' }) historyDays: number;
  @Field(() => DecimalScalar) averageDailyDemand: string;
  @Field(() => String, { nullable: true, description: 'moving_average, ses, holt or holt_winters.' }) forecastMethod:
    string | null;
  @Field({ description: 'A user fixed the method; otherwise the lowest back-test error picked it.' })
  forecastMethodFixed: boolean;
  @Field(() => String, { nullable: true, description: 'The method’s parameters as JSON, e.g. {"alpha":0.3}.' })
  forecastParams: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Back-test mean absolute error (units per day).' })
  forecastMae: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Back-test root mean squared error.' }) forecastRmse:
    string | null;
  @Field(() => SafetyStockMethod) safetyMethod: SafetyStockMethod;
  @Field(() => DecimalScalar, { nullable: true }) safetyStock: string | null;
  @Field(() => DecimalScalar) onHand: string;
  @Field(() => DecimalScalar, { description: 'Approved orders not yet received.' }) onOrder: string;
  @Field(() => DecimalScalar) reserved: string;
  @Field(() => Int) leadTimeDays: number;
  @Field(() => Int) reviewPeriodDays: number;
  @Field(() => DecimalScalar) packSize: string;
  @Field(() => DecimalScalar) minimumOrder: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'The preferred supplier: orderable, with a valid agreement; not flagged for late deliveries first, then the lowest price.',
  })
  supplierId: number | null;
  @Field(() => String, { nullable: true }) supplierName: string | null;
  @Field() supplierReducedShare: boolean;
  @Field(() => DecimalScalar, { nullable: true, description: 'null when there is no forecast.' }) suggested:
    string | null;
  @Field(() => [ArithmeticStep]) steps: ArithmeticStep[];
}

@ObjectType()
export class DemandPointOut {
  @Field({ description: 'YYYY-MM-DD (the week’s Monday for weekly points).' }) date: string;
  @Field(() => DecimalScalar) qty: string;
}

@ObjectType({ description: 'A SKU’s demand history and forecast, for one chart.' })
export class DemandForecast {
  @Field(() => ReplenishmentSuggestion) suggestion: ReplenishmentSuggestion;
  @Field(() => [DemandPointOut], { description: 'Daily demand over the history window.' }) history: DemandPointOut[];
  @Field(() => [DemandPointOut], { description: 'Weekly demand (ISO weeks).' }) weekly: DemandPointOut[];
  @Field(() => [DemandPointOut], { description: 'The next 28 days; empty without a forecast.' })
  forecast: DemandPointOut[];
}

@InputType()
export class ReplenishmentFilter {
  @Field({ nullable: true, description: 'SKU code or name contains' }) search?: string;
  @Field(() => ID, { nullable: true, description: 'This category and those below it.' }) categoryId?: string;
  @Field({ nullable: true, description: 'Only SKUs with something to order.' }) onlyToOrder?: boolean;
}

@InputType()
export class ReplenishmentSettingInput {
  @Field(() => ID, { nullable: true }) skuId?: string;
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field(() => ForecastMethodChoice, { nullable: true, description: 'null: automatic.' })
  @IsOptional()
  forecastMethod?: ForecastMethodChoice | null;
  @Field(() => SafetyStockMethod, { nullable: true }) safetyMethod?: SafetyStockMethod;
  @DecimalInput(6, 3, { nullable: true }) instabilityFactor?: string;
  @DecimalInput(6, 4, { nullable: true }) serviceLevel?: string;
  @Field(() => Int, { nullable: true }) reviewPeriodDays?: number;
}

@InputType()
export class SuggestionOrderLine {
  @Field(() => ID) skuId: string;
  @DecimalInput(18, 6) qty: string;
  @Field(() => ID, { nullable: true, description: 'Another supplier than the preferred one.' }) supplierId?: string;
}
