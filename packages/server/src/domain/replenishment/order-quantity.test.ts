import { describe, expect, it } from 'vitest';
import { selectMethod } from '../forecasting/select';
import { suggestOrder, type OrderInput } from './order-quantity';
import { ReplenishmentError } from './types';

/**
 * The source notes' example (seed/jinxiaocun-notes.zh.txt, 采购计划制定): "安全库存为 50 件,当前库存为
 * 30 件,预计未来一周销售 20 件,采购周期为 3 天,则采购数量可初步确定为 40 件
 * (50 − 30 + 20 − 20×(3/7) ≈ 40)". Their arithmetic is wrong (it is 31.4), and it subtracts the
 * lead-time demand where it must be added.
 *
 * Our reading of the inputs: safety stock 50 pieces; on hand 30, nothing on order or reserved;
 * demand 20 per 7 days; lead time (采购周期) 3 days; and since the notes plan one week of sales,
 * a review period of 7 days (the next order is placed a week later). Through the correct formula:
 *   horizon = 3 + 7 = 10 days; demand over it = 20 × 10 ÷ 7 = 28.571429
 *   order-up-to level = 50 + 28.571429 = 78.571429; position = 30
 *   net = 48.571429 → rounded up to whole pieces: 49.
 */
const NOTES: OrderInput = {
  safetyStock: '50',
  onHand: '30',
  demand: { qty: '20', days: '7' },
  leadTimeDays: '3',
  reviewPeriodDays: '7',
  scale: 0,
};

describe('suggested order quantity', () => {
  it('the notes’ example through the correct formula: 49, not 40 or 31.4', () => {
    const r = suggestOrder(NOTES);
    expect(r.suggested).not.toBe('40');
    expect(r.suggested).not.toBe('31.4');
    expect({ ...r, steps: r.steps.map(({ label, formula, value }) => ({ label, formula, value })) }).toEqual({
      demandOverHorizon: '29',
      orderUpTo: '79',
      inventoryPosition: '30',
      suggested: '49',
      packs: '49',
      raisedToMinimum: false,
      steps: [
        { label: 'horizonDays', formula: 'leadTimeDays + reviewPeriodDays = 3 + 7', value: '10' },
        { label: 'dailyDemand', formula: '20 ÷ 7', value: '2.857143' },
        { label: 'demandOverHorizon', formula: '20 × 10 ÷ 7', value: '28.571429' },
        { label: 'orderUpToLevel', formula: 'safetyStock + demandOverHorizon = 50 + 28.571429', value: '78.571429' },
        { label: 'inventoryPosition', formula: 'onHand + onOrder − reserved = 30 + 0 − 0', value: '30' },
        { label: 'netRequirement', formula: 'orderUpToLevel − inventoryPosition = 78.571429 − 30', value: '48.571429' },
        { label: 'roundedToPack', formula: '⌈48.571429 ÷ 1⌉ × 1', value: '49' },
        { label: 'suggestedQuantity', formula: '49 packs × 1', value: '49' },
      ],
    });
  });

  it('with continuous review (review period 0) the same inputs need 29', () => {
    // level = 50 + 20 × 3 ÷ 7 = 58.571429; net = 28.571429 → 29
    expect(suggestOrder({ ...NOTES, reviewPeriodDays: 0 }).suggested).toBe('29');
  });

  it('counts open orders and subtracts reservations', () => {
    // position = 30 + 20 − 15 = 35; net = 78.571429 − 35 = 43.571429 → 44
    const r = suggestOrder({ ...NOTES, onOrder: '20', reserved: '15' });
    expect(r.inventoryPosition).toBe('35');
    expect(r.suggested).toBe('44');
  });

  it('rounds up to whole packs, then to the minimum order quantity in whole packs', () => {
    // 48.571429 ÷ 12 → 5 packs = 60
    const packed = suggestOrder({ ...NOTES, packSize: '12' });
    expect([packed.suggested, packed.packs, packed.raisedToMinimum]).toEqual(['60', '5', false]);
    // minimum 100 → ⌈100 ÷ 12⌉ = 9 packs = 108
    const moq = suggestOrder({ ...NOTES, packSize: '12', minimumOrder: '100' });
    expect([moq.suggested, moq.packs, moq.raisedToMinimum]).toEqual(['108', '9', true]);
    expect(moq.steps.slice(-3).map((s) => [s.label, s.value])).toEqual([
      ['roundedToPack', '60'],
      ['raisedToMinimumOrder', '108'],
      ['suggestedQuantity', '108'],
    ]);
    // a minimum below the need changes nothing
    expect(suggestOrder({ ...NOTES, minimumOrder: '10' }).suggested).toBe('49');
  });

  it('never negative, and no minimum order when nothing is needed', () => {
    const r = suggestOrder({ ...NOTES, onHand: '200', packSize: '12', minimumOrder: '100' });
    expect([r.suggested, r.packs, r.raisedToMinimum]).toEqual(['0', '0', false]);
    expect(r.steps.at(-1)).toMatchObject({
      label: 'suggestedQuantity',
      formula: 'netRequirement -121.428571 ≤ 0 → no order',
      value: '0',
    });
    // exactly at the level: nothing either
    expect(suggestOrder({ ...NOTES, demand: { qty: '21', days: '7' }, onHand: '80' }).suggested).toBe('0');
  });

  it('a fractional unit (kg, 3 decimals) orders exactly what is missing', () => {
    // horizon 2 + 5 = 7 days, demand 10.25; level 1.5 + 10.25 = 11.75; net 11.75 − 3.333 = 8.417
    const r = suggestOrder({
      safetyStock: '1.5',
      onHand: '3.333',
      demand: { qty: '10.25', days: '7' },
      leadTimeDays: 2,
      reviewPeriodDays: 5,
      scale: 3,
    });
    expect([r.orderUpTo, r.inventoryPosition, r.suggested]).toEqual(['11.750', '3.333', '8.417']);
  });

  it('takes a daily forecast: the sum over the horizon, a part day pro rata', () => {
    const weekly = Array(14).fill(20 / 7); // floats, as forecasting returns them
    expect(suggestOrder({ ...NOTES, demand: { daily: weekly } }).suggested).toBe('49');
    // 2.5 days: 4 + 6 + ½ × 8 = 14; level 14; net 14 − 0 = 14
    const r = suggestOrder({
      safetyStock: 0,
      onHand: 0,
      demand: { daily: [4, 6, 8, 100] },
      leadTimeDays: '2.5',
      reviewPeriodDays: 0,
      scale: 0,
    });
    expect(r.suggested).toBe('14');
    expect(r.steps[1]).toMatchObject({
      label: 'demandOverHorizon',
      formula: 'sum of the daily forecast, days 1–2 + 0.5 × day 3',
      value: '14',
      key: 'demandDailySumPart',
    });
  });
  it('a flat daily rate: rate × horizon days, exact', () => {
    const r = suggestOrder({ ...NOTES, demand: { rate: '2.8571' } });
    expect(r.steps[1]).toEqual({
      label: 'demandOverHorizon',
      formula: 'dailyRate × horizonDays = 2.8571 × 10',
      value: '28.571',
      key: 'demandFlat',
      args: ['2.8571', '10'],
    });
    expect(r.suggested).toBe('49');
  });

  it('from sales history to an order: Holt-Winters forecast of a weekly pattern', () => {
    const pattern = [10, 12, 14, 30, 16, 8, 5]; // 95 a week
    const s = selectMethod(
      Array.from({ length: 28 }, (_, t) => pattern[t % 7]),
      { horizon: 14 },
    );
    if (!s.ok) throw new Error('expected a forecast');
    // 3 + 7 days from a Monday: one week (95) + Mon–Wed (36) = 131; level 20 + 131 = 151; net 151 − 40 = 111
    const r = suggestOrder({
      safetyStock: 20,
      onHand: 40,
      demand: { daily: s.forecast },
      leadTimeDays: 3,
      reviewPeriodDays: 7,
      scale: 0,
    });
    expect([r.demandOverHorizon, r.suggested]).toEqual(['131', '111']);
  });

  it('refuses a short forecast, a pack finer than the unit, bad numbers', () => {
    expect(() => suggestOrder({ ...NOTES, demand: { daily: [1, 2, 3] } })).toThrow(ReplenishmentError);
    expect(() => suggestOrder({ ...NOTES, packSize: '0.5' })).toThrow(/packSize/);
    expect(() => suggestOrder({ ...NOTES, packSize: '0' })).toThrow(ReplenishmentError);
    expect(() => suggestOrder({ ...NOTES, demand: { qty: '20', days: '0' } })).toThrow(ReplenishmentError);
    expect(() => suggestOrder({ ...NOTES, onOrder: 'abc' })).toThrow(ReplenishmentError);
    expect(() => suggestOrder({ ...NOTES, leadTimeDays: NaN })).toThrow(ReplenishmentError);
  });
});
