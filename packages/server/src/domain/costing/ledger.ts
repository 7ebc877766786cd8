import type { Decimal } from 'decimal.js';
import { Dec, qtyStr, round2, ZERO } from './decimal';
import { applyMove, compareMoves, emptyState } from './replay';
import { nothingReversed, plusReversed, reversalValue, type Reversed } from './reversal';
import { CostingError, type CostingMethod, type CostState, type Move } from './types';

/**
 * Where a ledger entry's value comes from, which a replay needs to reproduce it:
 * price (qty × unit cost), fixed (a given value), method (the costing method decides),
 * reverse (minus its share of the value the reversed entry has), transfer (an arrival: minus the
 * value its departure has, so re-costing follows the goods to the next warehouse).
 */
export type CostSource = 'price' | 'fixed' | 'method' | 'reverse' | 'transfer';

/** One entry of the ledger as the replay sees it; several cost heads (warehouses) may take part. */
export interface LedgerMove {
  /** The entry's id (or a placeholder for a move being posted); `ref` names entries by it. */
  id: string;
  /** The cost head (warehouse × SKU) whose state it changes. */
  head: string;
  /** Its identity in the costing state (FIFO layers carry it); unique within its head. */
  key: string;
  /** Posting order (the entry id); ties of date are broken by it. */
  seq: number;
  date: string;
  /** Signed, 6 dp. */
  qty: string;
  source: CostSource;
  /** price: the unit cost. */
  unitCost?: string;
  /** fixed: the value asked. */
  value?: string;
  /** reverse: the entry reversed; transfer: the departure this arrival came from. */
  ref?: string;
  /**
   * reverse: a cancellation (not a return): dated the day of the entry it cancels, it is ordered
   * directly after that entry, so the replay runs as if the cancelled entry had never been posted.
   */
  cancels?: boolean;
  /** The batch of the goods (0 or absent: none); FIFO keeps layers per batch. */
  batch?: number;
  /**
   * Inbound only: value given to the entry afterwards on top of its own amount (a landed cost:
   * freight, duty … allocated to a receipt), signed, 2 dp. The entry asks for its own amount plus
   * this, so the goods come in dearer and everything costed from them after follows.
   */
  extra?: string;
}

/** An entry referred to but not replayed (a departure from a warehouse outside the replay). */
export interface SettledEntry {
  key: string;
  qty: string;
  /** Its value now: own value plus every correction. */
  value: string;
}

export interface LedgerReplay {
  /** Value and unit cost of every move, by id. */
  values: Map<string, { value: string; unitCost: string }>;
  /** The cost state of every head after its last move. */
  states: Map<string, CostState>;
  /** Per head, the first point where the running quantity went below zero (date and quantity). */
  firstNegative: Map<string, { date: string; qty: string }>;
  /** The ids in the order they were applied. */
  order: string[];
}

/**
 * An inbound move that asks for `extra` on top of its own amount: a priced receipt becomes a
 * fixed-value one of round2(qty × price) + extra (its layer, its share of the average, the value
 * its reversals take all include the extra). Outbound moves are costed by the method: unchanged.
 */
export function withExtra(move: Move, extra: string): Move {
  const x = new Dec(extra);
  const q = new Dec(move.qty);
  if (x.isZero() || !q.gt(0)) return move;
  const own = move.unitCost !== undefined ? round2(q.times(move.unitCost)) : new Dec(move.value ?? 0);
  const { unitCost: _price, ...rest } = move;
  return { ...rest, value: Dec.max(own.plus(x), ZERO).toFixed(2) };
}

/**
 * Replays the ledger of one SKU over the given heads in one global order (date, then posting
 * order; a same-day cancellation right behind what it cancels). Each head keeps its own state;
 * an arrival takes the value its departure has in this replay (or, when the departure is not
 * replayed, in `settled`), and a reversal takes its share of the reversed entry's value. Since an
 * arrival is never dated before its departure nor posted before it, every value a move needs is
 * known when its turn comes: goods that go A → B → A (or round any cycle) are costed once, in time
 * order, and the result is the same whichever head the replay was started for.
 */
export function replayLedger(
  method: CostingMethod,
  moves: LedgerMove[],
  settled: Map<string, SettledEntry> = new Map(),
): LedgerReplay {
  const byId = new Map<string, LedgerMove>();
  for (const m of moves) {
    if (byId.has(m.id)) throw new CostingError('id appears twice', m.id);
    byId.set(m.id, m);
  }
  const asMove = (m: LedgerMove): Move => {
    const target = m.source === 'reverse' && m.cancels && m.ref ? byId.get(m.ref) : undefined;
    return {
      id: m.key,
      seq: m.seq,
      date: m.date,
      qty: m.qty,
      ...(m.batch ? { batch: m.batch } : {}),
      ...(target && target.date === m.date && target.head === m.head ? { after: target.seq } : {}),
    };
  };
  const sorted = moves.map((m) => ({ m, move: asMove(m) })).sort((a, b) => compareMoves(a.move, b.move));

  const values = new Map<string, { value: string; unitCost: string }>();
  const states = new Map<string, CostState>();
  const running = new Map<string, Decimal>();
  const firstNegative = new Map<string, { date: string; qty: string }>();
  const reversed = new Map<string, Reversed>();
  const valueOf = (id: string): { value: string; qty: string; key: string } => {
    const own = byId.get(id);
    const v = values.get(id);
    if (own && v) return { value: v.value, qty: own.qty, key: own.key };
    const s = settled.get(id);
    if (!s) throw new CostingError(`refers to entry ${id}, which is neither replayed nor given`);
    return s;
  };

  for (const { m, move } of sorted) {
    let costed: Move = move;
    if (m.source === 'price') costed = { ...move, unitCost: m.unitCost };
    else if (m.source === 'fixed') costed = { ...move, value: m.value };
    else if (m.source === 'reverse') {
      const target = valueOf(m.ref!);
      const value = reversalValue(target.value, target.qty, m.qty, reversed.get(m.ref!));
      costed = { ...move, value, reverses: target.key };
    } else if (m.source === 'transfer') {
      costed = { ...move, value: new Dec(valueOf(m.ref!).value).neg().toFixed(2) };
    }
    if (m.extra !== undefined) costed = withExtra(costed, m.extra);
    const r = applyMove(states.get(m.head) ?? emptyState(method), costed);
    states.set(m.head, r.state);
    values.set(m.id, { value: r.costed.value, unitCost: r.costed.unitCost });
    if (m.source === 'reverse')
      reversed.set(m.ref!, plusReversed(reversed.get(m.ref!) ?? nothingReversed(), m.qty, r.costed.value));
    const q = (running.get(m.head) ?? ZERO).plus(m.qty);
    running.set(m.head, q);
    if (q.lt(0) && !firstNegative.has(m.head)) firstNegative.set(m.head, { date: m.date, qty: qtyStr(q) });
  }
  return { values, states, firstNegative, order: sorted.map((x) => x.m.id) };
}
