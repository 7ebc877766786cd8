import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';

export enum SafetyStockMethod {
  SIMPLE = 'simple',
  STATISTICAL = 'statistical',
  FIXED = 'fixed',
}
registerEnumType(SafetyStockMethod, {
  name: 'SafetyStockMethod',
  description:
    'simple: avg daily × lead days × instability factor; statistical: z × σ × √lead days; fixed: a number set per SKU × warehouse (setFixedSafetyStock), which wins over the rule while it is set.',
});

export enum ForecastMethodChoice {
  MOVING_AVERAGE = 'moving_average',
  SES = 'ses',
  HOLT = 'holt',
  HOLT_WINTERS = 'holt_winters',
}
registerEnumType(ForecastMethodChoice, { name: 'ForecastMethod' });

/** How days under a promotion count in the demand history (the promotions module tells which they were). */
export enum PromotionDaysRule {
  INCLUDE = 'INCLUDE',
  EXCLUDE = 'EXCLUDE',
  SCALE = 'SCALE',
}
registerEnumType(PromotionDaysRule, {
  name: 'PromotionDaysRule',
  description:
    "INCLUDE: as sold; EXCLUDE: each counts as an ordinary day (the average of the same weekday's days without a promotion); SCALE: its demand × promotionFactor.",
});

/**
 * How one SKU, or every SKU of a category (the nearest category wins), is replenished. Without a
 * setting: automatic forecast method, simple safety stock with factor 1.2, review every 7 days.
 */
@ObjectType()
@Entity('replenishment_setting')
@Index(['skuId'], { unique: true })
@Index(['categoryId'], { unique: true })
export class ReplenishmentSetting {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID, { nullable: true }) @Column({ name: 'sku_id', type: 'int', nullable: true }) skuId: number | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'category_id', type: 'int', nullable: true }) categoryId:
    number | null;
  @Field(() => ForecastMethodChoice, {
    nullable: true,
    description: 'Fixed by a user; null: the method with the lowest back-test error.',
  })
  @Column({ name: 'forecast_method', type: 'varchar', length: 16, nullable: true })
  forecastMethod: ForecastMethodChoice | null;
  @Field(() => SafetyStockMethod)
  @Column({ name: 'safety_method', type: 'varchar', length: 12, default: SafetyStockMethod.SIMPLE })
  safetyMethod: SafetyStockMethod;
  @Field(() => Int, {
    nullable: true,
    description:
      'Moving-average window in days, fixed by a user (with forecastMethod MOVING_AVERAGE); null: the back-test picks it.',
  })
  @Column({ name: 'ma_window', type: 'int', nullable: true })
  movingAverageWindow: number | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Level smoothing α, fixed by a user (SES, Holt, Holt-Winters); null: the back-test picks it.',
  })
  @DecimalColumn(4, 3, { nullable: true })
  alpha: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Trend smoothing β, fixed by a user (Holt, Holt-Winters); null: the back-test picks it.',
  })
  @DecimalColumn(4, 3, { nullable: true })
  beta: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Seasonal smoothing γ, fixed by a user (Holt-Winters); null: the back-test picks it.',
  })
  @DecimalColumn(4, 3, { nullable: true })
  gamma: string | null;
  @Field(() => DecimalScalar, { description: "The notes' 不稳定系数 for the simple rule." })
  @DecimalColumn(6, 3, { name: 'instability_factor', default: '1.200' })
  instabilityFactor: string;
  @Field(() => DecimalScalar, { description: 'Cycle service level for the statistical rule (0.95).' })
  @DecimalColumn(6, 4, { name: 'service_level', default: '0.9500' })
  serviceLevel: string;
  @Field(() => Int, { description: 'Days between two ordering decisions.' })
  @Column({ name: 'review_period_days', type: 'int', default: 7 })
  reviewPeriodDays: number;
  @Field(() => PromotionDaysRule, { description: 'Days under a promotion in the history (default EXCLUDE).' })
  @Column({ name: 'promotion_days', type: 'varchar', length: 8, default: PromotionDaysRule.EXCLUDE })
  promotionDays: PromotionDaysRule;
  @Field(() => DecimalScalar, { nullable: true, description: 'With SCALE: a promoted day counts × this (0–1).' })
  @DecimalColumn(6, 4, { name: 'promotion_factor', nullable: true })
  promotionFactor: string | null;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/**
 * A safety stock fixed by a user for one SKU in one warehouse (固定安全库存). While it is set, it is
 * the suggestion's safety stock whatever the SKU's rule says.
 */
@ObjectType()
@Entity('fixed_safety_stock')
@Index(['warehouseId', 'skuId'], { unique: true })
export class FixedSafetyStock {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field(() => DecimalScalar) @QuantityColumn() qty: string;
}

/**
 * Demand per warehouse × SKU × business day (sales shipments and other issues marked as demand, net
 * of their cancellations), kept by a posting observer in the posting's transaction, so suggestions
 * read a few rows per SKU instead of scanning 91 days of ledger. Rebuilt from the ledger by
 * `pnpm jxc rebuild-demand` (and by the migration that made it).
 */
@Entity('replenishment_demand')
// a warehouse's window in one range, covering ("needs ordering" over every SKU reads it in one pass)
@Index('IDX_replenishment_demand_window', ['warehouseId', 'day', 'skuId', 'qty'])
export class DemandDay {
  @PrimaryColumn({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @PrimaryColumn({ name: 'sku_id', type: 'int' }) skuId: number;
  @PrimaryColumn({ type: 'varchar', length: 10 }) day: string;
  @QuantityColumn({ default: '0.000000' }) qty: string;
}

/**
 * The first and last business day a SKU moved in a warehouse (value corrections left out): where its
 * history starts. `demandVersion` goes up with every posting that changes the SKU's demand rows there
 * (and for every row when the tables are rebuilt): a suggestion kept under one version was computed
 * from the demand the SKU still has, so "needs ordering" need not read its series again.
 */
@Entity('replenishment_span')
export class DemandSpan {
  @PrimaryColumn({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @PrimaryColumn({ name: 'sku_id', type: 'int' }) skuId: number;
  @Column({ name: 'first_day', type: 'varchar', length: 10 }) firstDay: string;
  @Column({ name: 'last_day', type: 'varchar', length: 10 }) lastDay: string;
  @Column({ name: 'demand_version', type: 'int', default: 0 }) demandVersion: number;
}

/**
 * The forecast model the back-test chose for a warehouse × SKU, kept so a request runs one model
 * instead of the grid search (forecast-models.ts). `seriesHash` names what the choice was made from
 * (the demand series of the window and the setting's fixed method and parameters): a request or the
 * nightly refresh whose series hashes differently (a new day, a back-dated posting, a cancellation,
 * a changed setting) chooses again. `params`, `mae` and `rmse` are the numbers as JSON, so the cached
 * path gives exactly what the search gives.
 */
@Entity('replenishment_forecast')
export class ForecastModel {
  @PrimaryColumn({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @PrimaryColumn({ name: 'sku_id', type: 'int' }) skuId: number;
  @Column({ name: 'series_hash', type: 'varchar', length: 40 }) seriesHash: string;
  @Column({ type: 'varchar', length: 16 }) method: string;
  @Column({ type: 'varchar', length: 200 }) params: string;
  @Column({ type: 'varchar', length: 32 }) mae: string;
  @Column({ type: 'varchar', length: 32 }) rmse: string;
  @Column({ name: 'backtest_days', type: 'int' }) backtestDays: number;
  /** the business day it was chosen on */
  @Column({ name: 'made_on', type: 'varchar', length: 10 }) madeOn: string;
}

/**
 * The last suggestion computed for a warehouse × SKU, under the key of everything it was computed
 * from (`ReplenishmentService.suggestionKey`: the day, the demand version, the position, the supplier,
 * the setting …): another API process, or this one after a restart, reuses it while the key is the
 * same instead of computing it again. `suggestion` is the suggestion as JSON, read only for the
 * suggestions that leave the service. The models' refresh deletes the rows of SKUs a warehouse no
 * longer lists and rows not computed for `STALE_SUGGESTION_DAYS`.
 */
@Entity('replenishment_suggestion')
export class KeptSuggestion {
  @PrimaryColumn({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @PrimaryColumn({ name: 'sku_id', type: 'int' }) skuId: number;
  /** SHA-1 of the key: what "needs ordering" compares, reading a few bytes a SKU */
  @Column({ name: 'key_hash', type: 'varchar', length: 40 }) keyHash: string;
  @Column({ name: 'suggestion_key', type: 'text' }) key: string;
  /** the suggested quantity, so "needs ordering" filters without reading the suggestions */
  @Column({ type: 'varchar', length: 40, nullable: true }) suggested: string | null;
  /** the suggestion as JSON; null: the quantity alone was computed ("needs ordering"), built when shown */
  @Column({ type: 'text', nullable: true }) suggestion: string | null;
  /** the business day it was computed on: the models' refresh purges rows stale for long */
  @Column({ name: 'made_on', type: 'varchar', length: 10, default: '' }) madeOn: string;
}
