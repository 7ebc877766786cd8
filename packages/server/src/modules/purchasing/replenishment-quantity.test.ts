import { Decimal } from 'decimal.js';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { dateOf, dayNumber } from '../../domain/forecasting/series';
import type { AuditService } from '../audit';
import type { SupplierService } from '../partners';
import type { PurchaseOrderService } from './purchase-order.service';
import { ForecastMethodChoice, PromotionDaysRule, SafetyStockMethod } from './replenishment.entity';
import { ReplenishmentService, type SkuRow, type Suggestion, type SupplierChoice } from './replenishment.service';
import type { SupplierEvaluationService } from './supplier-evaluation.service';

/** A seeded generator, so a failure is the same series every run. */
function generator(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

type Input = Parameters<ReplenishmentService['suggest']>[2];
/** The two computations under test (private: the service's own arithmetic, no database). */
interface Work {
  suggest(sku: SkuRow, warehouseId: number, input: Input): { suggestion: Suggestion };
  suggestedQuantity(sku: SkuRow, warehouseId: number, input: Input): string | null;
}

describe('"needs ordering" computes the suggested quantity alone', () => {
  it("equals the whole suggestion's quantity on random series, settings, positions and suppliers", () => {
    const rs = new ReplenishmentService(
      {} as DataSource,
      {} as AuditService,
      {} as SupplierService,
      {} as PurchaseOrderService,
      {} as SupplierEvaluationService,
    ) as unknown as Work;
    const rnd = generator(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const decimal = (max: number, places: number) => (rnd() * max).toFixed(places);
    const methods = [null, null, ...Object.values(ForecastMethodChoice)];
    const safety = [SafetyStockMethod.SIMPLE, SafetyStockMethod.STATISTICAL];
    const rules = Object.values(PromotionDaysRule);
    const to = '2026-12-06';
    const seen = { suggested: 0, zero: 0, none: 0, fixed: 0, methods: new Set<string>() };
    for (let run = 0; run < 400; run++) {
      const unitScale = pick([0, 0, 1, 2, 3]);
      const sku: SkuRow = {
        id: run + 1,
        code: `R-${run}`,
        name: 'random',
        unitScale,
        categoryId: null,
        categoryPath: null,
      };
      // up to 91 days of history (a few SKUs with none, or too little to test a method)
      const days = run % 25 === 0 ? 0 : run % 25 === 1 ? 1 + Math.floor(rnd() * 10) : 14 + Math.floor(rnd() * 78);
      const from = days ? dateOf(dayNumber(to) - days + 1) : null;
      const dates = Array.from({ length: days }, (_, i) => dateOf(dayNumber(to) - days + 1 + i));
      const busy = rnd();
      const points = dates
        .filter(() => rnd() < busy)
        .map((date) => {
          const r = rnd();
          const units =
            r < 0.04 ? -Math.floor(rnd() * 3000) : r < 0.08 ? Math.floor(rnd() * 1e7) : Math.floor(rnd() * 40_000);
          const exact = (unitScale === 0 ? Math.round(units / 1000) : units / 1000).toFixed(6);
          return { date, qty: Number(exact), exact };
        });
      const method = pick(methods);
      const rule = pick(rules);
      const setting = {
        forecastMethod: method,
        movingAverageWindow:
          method === ForecastMethodChoice.MOVING_AVERAGE && rnd() < 0.5 ? 1 + Math.floor(rnd() * 28) : null,
        alpha: method && method !== ForecastMethodChoice.MOVING_AVERAGE && rnd() < 0.5 ? decimal(0.9, 2) : null,
        beta:
          (method === ForecastMethodChoice.HOLT || method === ForecastMethodChoice.HOLT_WINTERS) && rnd() < 0.5
            ? decimal(0.5, 2)
            : null,
        gamma: method === ForecastMethodChoice.HOLT_WINTERS && rnd() < 0.5 ? decimal(0.5, 2) : null,
        safetyMethod: pick(safety),
        instabilityFactor: (0.5 + rnd() * 2).toFixed(3),
        serviceLevel: (0.5 + rnd() * 0.49).toFixed(4),
        reviewPeriodDays: Math.floor(rnd() * 30),
        promotionDays: rule,
        promotionFactor: rule === PromotionDaysRule.SCALE ? (0.1 + rnd() * 0.9).toFixed(4) : null,
      };
      const position = (max: number) => new Map(rnd() < 0.8 ? [[sku.id, new Decimal(decimal(max, unitScale))]] : []);
      const choice: SupplierChoice | undefined =
        rnd() < 0.7
          ? {
              supplierId: 1,
              supplierName: 'S',
              leadTimeDays: Math.floor(rnd() * 40),
              packSize: pick(unitScale ? ['1', '6', '12', '0.5', '24'] : ['1', '6', '12', '24']),
              minimumOrder: pick(['0', '10', '100', '7.5']),
              reducedShare: rnd() < 0.1,
              price: '1.00',
            }
          : undefined;
      const input: Input = {
        from,
        to,
        points,
        pos: {
          onHand: position(2000),
          reserved: position(300),
          onOrder: position(1000),
          notForSale: position(50),
        },
        choice,
        setting,
        fixedSafetyStock: rnd() < 0.1 ? decimal(500, unitScale) : undefined,
        promoted: new Set(dates.filter(() => rnd() < 0.1)),
        day: '2026-12-07',
      };
      const whole = rs.suggest(sku, 1, input).suggestion;
      const alone = rs.suggestedQuantity(sku, 1, input);
      expect(alone, `run ${run}`).toBe(whole.suggested);
      if (whole.suggested === null) seen.none++;
      else if (new Decimal(whole.suggested).gt(0)) seen.suggested++;
      else seen.zero++;
      if (input.fixedSafetyStock !== undefined) seen.fixed++;
      if (whole.forecastMethod) seen.methods.add(whole.forecastMethod);
    }
    // the random cases reach every branch: orders, no order, no forecast, fixed safety stocks, every method
    expect(seen.suggested).toBeGreaterThan(100);
    expect(seen.zero).toBeGreaterThan(50);
    expect(seen.none).toBeGreaterThan(10);
    expect(seen.fixed).toBeGreaterThan(20);
    expect([...seen.methods].sort()).toEqual(['holt', 'holt_winters', 'moving_average', 'ses']);
  });
});
