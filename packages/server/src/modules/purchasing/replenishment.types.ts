import { IsOptional } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { DecimalScalar } from '../../core/decimal';
import { ForecastMethodChoice, PromotionDaysRule, SafetyStockMethod } from './replenishment.entity';

@ObjectType({
  description:
    'One line of a suggestion’s arithmetic: a stable label (translated by the console), the formula with its numbers, the result.',
})
export class ArithmeticStep {
  @Field() label: string;
  @Field({ description: 'The formula with its numbers, in English (for API clients and logs).' }) formula: string;
  @Field() value: string;
  @Field({
    description:
      'Which formula this is, to say it in words: the label unless the label has several forms (e.g. safetyStockRawStatistical, demandFlat, rateMovingAverage).',
  })
  key: string;
  @Field(() => [String], { description: 'The numbers in the formula, in order, for a translated template.' })
  args: string[];
}

@ObjectType({ description: '补货建议 for one SKU in one warehouse, with every input and step shown.' })
export class ReplenishmentSuggestion {
  @Field(() => ID) skuId: number;
  @Field() skuCode: string;
  @Field() skuName: string;
  @Field(() => ID) warehouseId: number;
  @Field({ description: 'OK, NO_HISTORY (no demand: nothing suggested) or TOO_LITTLE_HISTORY.' }) status: string;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The history's first day: the SKU's first stock movement in this warehouse, or the window's start (91 days back) if later. null: no history yet.",
  })
  historyFrom: string | null;
  @Field({ description: "The history's last day: the last complete business day (yesterday, company time zone)." })
  historyTo: string;
  @Field(() => Int, { description: 'Days of demand history used (historyFrom … historyTo).' }) historyDays: number;
  @Field(() => DecimalScalar, {
    description: 'Demand over those days (days under a promotion counted by promotionDaysRule).',
  })
  historyTotal: string;
  @Field(() => Int, { description: 'Days of the history under a promotion (the promotions module tells which).' })
  promotedDays: number;
  @Field(() => PromotionDaysRule, { description: 'How those days were counted.' })
  promotionDaysRule: PromotionDaysRule;
  @Field(() => DecimalScalar, { description: 'Demand on those days as sold (before the rule).' })
  promotedDemand: string;
  @Field(() => DecimalScalar, { description: 'historyTotal ÷ historyDays, 4 decimals half-up.' })
  averageDailyDemand: string;
  @Field(() => String, { nullable: true, description: 'moving_average, ses, holt or holt_winters.' }) forecastMethod:
    string | null;
  @Field({ description: 'A user fixed the method; otherwise the lowest back-test error picked it.' })
  forecastMethodFixed: boolean;
  @Field(() => String, { nullable: true, description: 'The method’s parameters as JSON, e.g. {"alpha":0.3}.' })
  forecastParams: string | null;
  @Field({ description: 'A user fixed some of the parameters; otherwise the grid search chose them all.' })
  forecastParamsFixed: boolean;
  @Field(() => Int, { nullable: true, description: 'Moving-average window (days) used.' }) forecastWindow:
    number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Level smoothing α used.' }) forecastAlpha: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Trend smoothing β used.' }) forecastBeta: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Seasonal smoothing γ used.' }) forecastGamma:
    string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Days the back-test forecast one step ahead (its error is over these).',
  })
  forecastBacktestDays: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Back-test mean absolute error (units per day).' })
  forecastMae: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Back-test root mean squared error.' }) forecastRmse:
    string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'The daily demand rate the suggestion used (4 decimals): the moving average of the last forecastWindow days, the smoothed SES level, or for Holt / Holt-Winters the average of dailyForecast.',
  })
  dailyRate: string | null;
  @Field(() => [DecimalScalar], {
    description:
      'Holt / Holt-Winters: the forecast of each day of the horizon (4 decimals), whose sum is demandOverHorizon. Empty for a flat rate (dailyRate × horizonDays).',
  })
  dailyForecast: string[];
  @Field(() => Int, { description: 'leadTimeDays + reviewPeriodDays.' }) horizonDays: number;
  @Field(() => DecimalScalar, { nullable: true, description: 'Forecast demand over the horizon.' })
  demandOverHorizon: string | null;
  @Field(() => SafetyStockMethod) safetyMethod: SafetyStockMethod;
  @Field(() => DecimalScalar, { description: 'Cycle service level of the statistical rule, 0.9500.' })
  serviceLevel: string;
  @Field(() => DecimalScalar, { description: 'The same as a percentage, 95.00.' }) serviceLevelPercent: string;
  @Field(() => DecimalScalar, { description: 'z = Φ⁻¹(service level), 6 decimals (1.644854 for 95 %).' })
  serviceLevelZ: string;
  @Field(() => DecimalScalar, { description: 'The simple rule’s instability factor.' }) instabilityFactor: string;
  @Field(() => DecimalScalar, { nullable: true }) safetyStock: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'On hand that may be sold: the warehouse’s stock less expired batches and quarantine bins (notForSale). null (in extensions.hiddenFields) for one who counts blind while a count of the SKU is open, as are notForSale, suggested and the steps from the inventory position on.',
  })
  onHand: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Of the stock in the warehouse, expired or in quarantine bins: not counted in onHand.',
  })
  notForSale: string | null;
  @Field(() => DecimalScalar, {
    description:
      'Approved orders not yet received (在途): the lines’ openQty, so rejected units count only when a replacement is expected.',
  })
  onOrder: string;
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
  @Field(() => ID, { nullable: true, description: 'Only SKUs whose preferred supplier this is.' }) supplierId?: string;
  @Field({ nullable: true, description: 'Only SKUs of this ABC class in the warehouse: A, B or C.' }) abcClass?: string;
}

@InputType()
export class ReplenishmentSettingInput {
  @Field(() => ID, { nullable: true }) skuId?: string;
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field(() => ForecastMethodChoice, { nullable: true, description: 'null: automatic.' })
  @IsOptional()
  forecastMethod?: ForecastMethodChoice | null;
  @Field(() => Int, {
    nullable: true,
    description: 'With forecastMethod MOVING_AVERAGE: the window in days (1–91); empty: the back-test chooses.',
  })
  movingAverageWindow?: number | null;
  @DecimalInput(4, 3, {
    nullable: true,
    description: 'With SES, HOLT or HOLT_WINTERS: α in (0, 1]; empty: the back-test chooses.',
  })
  alpha?: string | null;
  @DecimalInput(4, 3, { nullable: true, description: 'With HOLT or HOLT_WINTERS: β in [0, 1].' })
  beta?: string | null;
  @DecimalInput(4, 3, { nullable: true, description: 'With HOLT_WINTERS: γ in [0, 1].' })
  gamma?: string | null;
  @Field(() => SafetyStockMethod, {
    nullable: true,
    description: 'SIMPLE or STATISTICAL (FIXED is set per SKU × warehouse).',
  })
  safetyMethod?: SafetyStockMethod;
  @DecimalInput(6, 3, { nullable: true }) instabilityFactor?: string;
  @DecimalInput(6, 4, { nullable: true }) serviceLevel?: string;
  @Field(() => Int, { nullable: true }) reviewPeriodDays?: number;
  @Field(() => PromotionDaysRule, { nullable: true, description: 'Days under a promotion: INCLUDE, EXCLUDE or SCALE.' })
  promotionDays?: PromotionDaysRule;
  @DecimalInput(6, 4, { nullable: true, description: 'With SCALE: the factor, above 0 and at most 1.' })
  promotionFactor?: string | null;
}

@InputType()
export class SuggestionOrderLine {
  @Field(() => ID) skuId: string;
  @DecimalInput(18, 6) qty: string;
  @Field(() => ID, { nullable: true, description: 'Another supplier than the preferred one.' }) supplierId?: string;
}

@InputType({ description: 'A fixed safety stock for a SKU in a warehouse (固定安全库存).' })
export class SetFixedSafetyStockInput {
  @Field(() => ID) warehouseId: string;
  @Field(() => ID) skuId: string;
  @DecimalInput(18, 6, { nullable: true, description: 'In base units; null removes it (the rule applies again).' })
  qty?: string | null;
}
