import type { Decimal } from 'decimal.js';
import { assertScale, ceilTo, Dec, dec, type DecimalInput, fromFloat, qty, show } from './decimal';
import { ReplenishmentError, type Step } from './types';

/**
 * Demand over the coming days, one of:
 * - a rate: `qty` units per `days` days (20 per 7 days); demand over H days = qty × H ÷ days,
 *   exact, so a weekly figure need not be turned into a rounded daily one first;
 * - a daily forecast (from forecasting's `selectMethod`, first value = tomorrow): the sum of the
 *   first H days, plus the fraction of the next day when H is not whole. Forecast numbers are
 *   taken to exact decimals at 9 places (they are statistics, see forecasting/types.ts).
 */
export type DemandInput =
  | { qty: DecimalInput; days: DecimalInput }
  | { daily: Array<number | string> }
  /** A flat daily rate (a moving average, a smoothed level): demand over H days = rate × H, exact. */
  | { rate: DecimalInput };

export interface OrderInput {
  safetyStock: DecimalInput;
  leadTimeDays: DecimalInput;
  /** Days until the next chance to order (the review period); 0 under continuous review. */
  reviewPeriodDays: DecimalInput;
  demand: DemandInput;
  onHand: DecimalInput;
  /** Open purchase orders not yet received. */
  onOrder?: DecimalInput;
  /** Reserved for sales orders not yet shipped. */
  reserved?: DecimalInput;
  /** The supplier's pack size (箱规); the order is a whole number of packs. Default: 1 unit at `scale`. */
  packSize?: DecimalInput;
  /** The supplier's minimum order quantity (起订量); a positive order is raised to it. */
  minimumOrder?: DecimalInput;
  /** Decimals of the stock unit (0 for pieces). */
  scale: number;
}

export interface OrderSuggestion {
  /** All at `scale` decimals. orderUpTo and inventoryPosition are shown half-up; suggested is exact. */
  demandOverHorizon: string;
  orderUpTo: string;
  inventoryPosition: string;
  suggested: string;
  /** Number of packs in `suggested`. */
  packs: string;
  /** True when the minimum order quantity raised the order. */
  raisedToMinimum: boolean;
  steps: Step[];
}

function demandOver(
  demand: DemandInput,
  horizon: Decimal,
  sHorizon: string,
  explain: boolean,
): { value: Decimal; steps: Step[] } {
  if ('rate' in demand) {
    const rate = dec(demand.rate, 'demand.rate');
    const value = rate.times(horizon);
    if (!explain) return { value, steps: [] };
    const sRate = show(rate);
    return {
      value,
      steps: [
        {
          label: 'demandOverHorizon',
          formula: `dailyRate × horizonDays = ${sRate} × ${sHorizon}`,
          value: show(value),
          key: 'demandFlat',
          args: [sRate, sHorizon],
        },
      ],
    };
  }
  if ('daily' in demand) {
    const full = horizon.floor().toNumber();
    const frac = horizon.minus(full);
    const need = frac.gt(0) ? full + 1 : full;
    if (demand.daily.length < need) {
      throw new ReplenishmentError(
        'demand',
        `the daily forecast covers ${demand.daily.length} days; ${need} are needed`,
      );
    }
    const days = demand.daily
      .slice(0, need)
      .map((x, i) =>
        typeof x === 'number' ? fromFloat(x, `demand.daily[${i}]`) : dec(x, `demand.daily[${i}]`, { negativeOk: true }),
      );
    let value = new Dec(0);
    for (let i = 0; i < full; i++) value = value.plus(days[i]);
    if (!explain) return { value: frac.gt(0) ? value.plus(days[full].times(frac)) : value, steps: [] };
    let formula = `sum of the daily forecast, days 1–${full}`;
    const list = days
      .slice(0, full)
      .map((x) => show(x))
      .join(' + ');
    const args = [String(full), list];
    if (frac.gt(0)) {
      value = value.plus(days[full].times(frac));
      formula += ` + ${show(frac)} × day ${full + 1}`;
      args.push(show(frac), show(days[full]));
    }
    return {
      value,
      steps: [
        {
          label: 'demandOverHorizon',
          formula,
          value: show(value),
          key: frac.gt(0) ? 'demandDailySumPart' : 'demandDailySum',
          args,
        },
      ],
    };
  }
  const q = dec(demand.qty, 'demand.qty');
  const d = dec(demand.days, 'demand.days');
  if (!d.gt(0)) throw new ReplenishmentError('demand.days', 'demand.days must be > 0');
  const value = q.times(horizon).div(d);
  if (!explain) return { value, steps: [] };
  return {
    value,
    steps: [
      {
        label: 'dailyDemand',
        formula: `${show(q)} ÷ ${show(d)}`,
        value: show(q.div(d)),
        key: 'divide',
        args: [show(q), show(d)],
      },
      {
        label: 'demandOverHorizon',
        formula: `${show(q)} × ${show(horizon)} ÷ ${show(d)}`,
        value: show(value),
        key: 'demandPerDays',
        args: [show(q), show(horizon), show(d)],
      },
    ],
  };
}

/**
 * Suggested order quantity (periodic review, order-up-to):
 *
 *   horizon           = lead time + review period (days)
 *   order-up-to level = safety stock + forecast demand over the horizon
 *   inventory position = on hand + on order − reserved
 *   net requirement   = level − position
 *   suggestion        = 0 when the net requirement ≤ 0; otherwise the net requirement rounded UP
 *                       to whole packs, and raised to the minimum order quantity (itself rounded
 *                       up to whole packs, so the order is always whole packs).
 *
 * Every step comes back in `steps` so the console can show the arithmetic. All arithmetic is
 * exact decimal (50 digits); only the result is rounded, and the order only upwards.
 */
export function suggestOrder(input: OrderInput): OrderSuggestion {
  return order(input, true);
}

/**
 * The suggested quantity alone: `suggestOrder(input).suggested` by the same arithmetic, without
 * writing the steps (a list of thousands of SKUs filtered by "needs ordering" needs only this).
 */
export function orderQuantity(input: OrderInput): string {
  return order(input, false).suggested;
}

/** `explain` false: no steps and no figures but `suggested` (the others are empty strings). */
function order(input: OrderInput, explain: boolean): OrderSuggestion {
  const { scale } = input;
  assertScale(scale);
  const ss = dec(input.safetyStock, 'safetyStock');
  const lead = dec(input.leadTimeDays, 'leadTimeDays');
  const review = dec(input.reviewPeriodDays, 'reviewPeriodDays');
  const onHand = dec(input.onHand, 'onHand', { negativeOk: true }); // negative stock, where a warehouse allows it
  const onOrder = dec(input.onOrder ?? 0, 'onOrder');
  const reserved = dec(input.reserved ?? 0, 'reserved');
  // one unit at `scale` only where no pack size is given
  const pack = input.packSize === undefined ? new Dec(1).div(new Dec(10).pow(scale)) : dec(input.packSize, 'packSize');
  if (!pack.gt(0)) throw new ReplenishmentError('packSize', 'packSize must be > 0');
  if (pack.decimalPlaces() > scale)
    throw new ReplenishmentError('packSize', `packSize has more than ${scale} decimals`);
  const moq = dec(input.minimumOrder ?? 0, 'minimumOrder');

  const horizon = lead.plus(review);
  if (!explain) {
    const demand = demandOver(input.demand, horizon, '', false);
    const net = ss.plus(demand.value).minus(onHand.plus(onOrder).minus(reserved));
    let packs = new Dec(0);
    let raisedToMinimum = false;
    if (net.gt(0)) {
      packs = net.div(pack).ceil();
      if (packs.times(pack).lt(moq)) {
        packs = moq.div(pack).ceil();
        raisedToMinimum = true;
      }
    }
    return {
      demandOverHorizon: '',
      orderUpTo: '',
      inventoryPosition: '',
      suggested: qty(ceilTo(packs.times(pack), scale), scale),
      packs: '',
      raisedToMinimum,
      steps: [],
    };
  }
  // each figure written once: the steps repeat them, and a page computes thousands of suggestions
  const [sLead, sReview, sHorizon, sSs] = [show(lead), show(review), show(horizon), show(ss)];
  const steps: Step[] = [
    {
      label: 'horizonDays',
      formula: `leadTimeDays + reviewPeriodDays = ${sLead} + ${sReview}`,
      value: sHorizon,
      key: 'horizonDays',
      args: [sLead, sReview],
    },
  ];
  const demand = demandOver(input.demand, horizon, sHorizon, true);
  steps.push(...demand.steps);

  const level = ss.plus(demand.value);
  const [sDemand, sLevel] = [show(demand.value), show(level)];
  steps.push({
    label: 'orderUpToLevel',
    formula: `safetyStock + demandOverHorizon = ${sSs} + ${sDemand}`,
    value: sLevel,
    key: 'orderUpToLevel',
    args: [sSs, sDemand],
  });
  const position = onHand.plus(onOrder).minus(reserved);
  const [sOnHand, sOnOrder, sReserved, sPosition] = [show(onHand), show(onOrder), show(reserved), show(position)];
  steps.push({
    label: 'inventoryPosition',
    formula: `onHand + onOrder − reserved = ${sOnHand} + ${sOnOrder} − ${sReserved}`,
    value: sPosition,
    key: 'inventoryPosition',
    args: [sOnHand, sOnOrder, sReserved],
  });
  const net = level.minus(position);
  const sNet = show(net);
  steps.push({
    label: 'netRequirement',
    formula: `orderUpToLevel − inventoryPosition = ${sLevel} − ${sPosition}`,
    value: sNet,
    key: 'netRequirement',
    args: [sLevel, sPosition],
  });

  let packs = new Dec(0);
  let raisedToMinimum = false;
  if (!net.gt(0)) {
    steps.push({
      label: 'suggestedQuantity',
      formula: `netRequirement ${sNet} ≤ 0 → no order`,
      value: '0',
      key: 'noOrder',
      args: [sNet],
    });
  } else {
    const sPack = show(pack);
    packs = net.div(pack).ceil();
    steps.push({
      label: 'roundedToPack',
      formula: `⌈${sNet} ÷ ${sPack}⌉ × ${sPack}`,
      value: show(packs.times(pack)),
      key: 'roundedToPack',
      args: [sNet, sPack],
    });
    if (packs.times(pack).lt(moq)) {
      const sMoq = show(moq);
      packs = moq.div(pack).ceil();
      raisedToMinimum = true;
      steps.push({
        label: 'raisedToMinimumOrder',
        formula: `⌈minimumOrder ${sMoq} ÷ ${sPack}⌉ × ${sPack}`,
        value: show(packs.times(pack)),
        key: 'raisedToMinimumOrder',
        args: [sMoq, sPack],
      });
    }
    const sPacks = show(packs);
    steps.push({
      label: 'suggestedQuantity',
      formula: `${sPacks} packs × ${sPack}`,
      value: show(packs.times(pack)),
      key: 'suggestedQuantity',
      args: [sPacks, sPack],
    });
  }
  const suggested = packs.times(pack);
  return {
    demandOverHorizon: qty(demand.value, scale),
    orderUpTo: qty(level, scale),
    inventoryPosition: qty(position, scale),
    suggested: qty(ceilTo(suggested, scale), scale),
    packs: packs.toFixed(0),
    raisedToMinimum,
    steps,
  };
}
