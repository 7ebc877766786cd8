import type { Decimal } from 'decimal.js';
import { costStr, Dec, ownShare, parseMove, qtyStr, round2, round6, valueStr, ZERO } from './decimal';
import type { CostResult, FifoState, LayerTake, Move } from './types';

export const emptyFifoState = (): FifoState => ({ method: 'fifo', layers: [], lastUnitCost: costStr(ZERO) });

interface Layer {
  id: string;
  qty: Decimal; // signed: negative for a shortage layer
  value: Decimal; // same sign as qty
  batch?: number;
}

/** Value of `part` units of a layer (magnitude): the whole remainder takes the whole remaining value. */
function share(l: Layer, part: Decimal): Decimal {
  return part.eq(l.qty.abs()) ? l.value.abs() : round2(part.times(l.value.abs()).div(l.qty.abs()));
}

const rateOf = (l: Layer): Decimal => round6(l.value.abs().div(l.qty.abs()));

/**
 * FIFO cost layers (先进先出) for one warehouse × SKU.
 *
 * - Every inbound move opens a layer (its qty and value) at the back: layers are consumed in the
 *   order the goods came in. That includes fixed-value inbounds (a cancelled issue, a sales
 *   return, a transfer in): their goods come back at exactly their value, as a new layer.
 * - An outbound move consumes the oldest layers first; taking the whole remainder of a layer
 *   takes its whole remaining value, a partial take is round2(qty × layerValue ÷ layerQty).
 *   With `reverses` naming a receipt whose layer is still there, that layer is taken first
 *   (a purchase return or receipt cancellation gives back those very goods). With `batch`, the
 *   layers of that batch come next, oldest first, and only then the others (layers are kept per
 *   batch: the cost that leaves is the cost of the batch that physically left). A fixed-value
 *   outbound is still valued from the layers, since layers must keep Σ layers = balance; any
 *   difference from the asked value is reported as `variance`.
 *
 * Negative stock (only reached when the warehouse allows it): the part of an issue beyond the
 * layers opens a negative (shortage) layer at the last known unit cost (of the last layer
 * consumed or opened; 0 if there never was one). A later inbound fills shortage layers oldest
 * first at the value they were issued at, and the rest opens a layer at its own price; the
 * difference to the inbound's own amount is reported as `variance` (for cost of goods sold).
 * So layers are all positive or all negative, and the value is 0.00 whenever the qty is 0.
 */
export function applyFifo(state: FifoState, move: Move): CostResult {
  const p = parseMove(move);
  const layers: Layer[] = state.layers.map((l) => ({
    id: l.id,
    qty: new Dec(l.qty),
    value: new Dec(l.value),
    ...(l.batch ? { batch: l.batch } : {}),
  }));
  const batch = move.batch || undefined;
  let last = new Dec(state.lastUnitCost);
  const takes: LayerTake[] = [];
  const took = (layerId: string, qty: Decimal, value: Decimal) =>
    takes.push({ layerId, qty: qtyStr(qty), value: valueStr(value) });
  let magnitude = ZERO; // |value| of this row
  let rest = p.q.abs();

  if (p.q.gt(0)) {
    // fill shortages first, each at the value it was issued at
    for (const l of layers) {
      if (rest.isZero() || l.qty.gt(0)) break;
      const part = Dec.min(rest, l.qty.neg());
      const v = share(l, part);
      l.qty = l.qty.plus(part);
      l.value = l.value.plus(v);
      took(l.id, part, v);
      magnitude = magnitude.plus(v);
      rest = rest.minus(part);
    }
    if (rest.gt(0)) {
      const restValue = p.requested!.minus(ownShare(p, p.q.minus(rest)));
      const opened: Layer = { id: move.id, qty: rest, value: restValue, ...(batch ? { batch } : {}) };
      layers.push(opened);
      took(opened.id, rest, restValue);
      magnitude = magnitude.plus(restValue);
      last = rateOf(opened);
    }
  } else {
    const own = move.reverses ? layers.find((l) => l.id === move.reverses && l.qty.gt(0)) : undefined;
    // the layers of the batch that left first (oldest first), then the rest: without batches that is all of them in order
    const mine = layers.filter((l) => l !== own && l.batch === batch);
    const others = layers.filter((l) => l !== own && l.batch !== batch);
    const order = [...(own ? [own] : []), ...mine, ...others];
    for (const l of order) {
      if (rest.isZero() || !l.qty.gt(0)) break;
      const part = Dec.min(rest, l.qty);
      const v = share(l, part);
      last = rateOf(l);
      l.qty = l.qty.minus(part);
      l.value = l.value.minus(v);
      took(l.id, part, v);
      magnitude = magnitude.plus(v);
      rest = rest.minus(part);
    }
    if (rest.gt(0)) {
      const v = round2(rest.times(last));
      layers.push({ id: move.id, qty: rest.neg(), value: v.neg(), ...(batch ? { batch } : {}) });
      took(move.id, rest, v);
      magnitude = magnitude.plus(v);
    }
  }

  const value = p.q.gt(0) ? magnitude : magnitude.neg();
  const kept = layers.filter((l) => !l.qty.isZero());
  const next: FifoState = {
    method: 'fifo',
    layers: kept.map((l) => ({
      id: l.id,
      qty: qtyStr(l.qty),
      value: valueStr(l.value),
      ...(l.batch ? { batch: l.batch } : {}),
    })),
    lastUnitCost: costStr(last),
  };
  const unitCost = p.priced && p.requested!.eq(value) ? p.rate! : magnitude.div(p.q.abs());
  return {
    state: next,
    costed: {
      move,
      unitCost: costStr(round6(unitCost)),
      value: valueStr(value),
      balanceQty: qtyStr(kept.reduce((s, l) => s.plus(l.qty), ZERO)),
      balanceValue: valueStr(kept.reduce((s, l) => s.plus(l.value), ZERO)),
      layers: takes,
      ...(p.requested && !p.requested.eq(value) ? { variance: valueStr(p.requested.minus(value)) } : {}),
      state: next,
    },
  };
}
