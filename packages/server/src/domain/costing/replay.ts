import { applyFifo, emptyFifoState } from './fifo';
import { applyMovingAverage, emptyAverageState } from './moving-average';
import {
  type CostChange,
  type CostedMove,
  CostingError,
  type CostingMethod,
  type CostResult,
  type CostState,
  type Move,
} from './types';

export const emptyState = (method: CostingMethod): CostState =>
  method === 'fifo' ? emptyFifoState() : emptyAverageState();

export function applyMove(state: CostState, move: Move): CostResult {
  return state.method === 'fifo' ? applyFifo(state, move) : applyMovingAverage(state, move);
}

/**
 * Ledger order: business date, then posting order, except that a move with `after` sits directly
 * behind the move it follows (before anything posted later on that day); the id only makes a
 * (bad) tie reproducible.
 */
export function compareMoves(a: Move, b: Move): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const pa = a.after ?? a.seq;
  const pb = b.after ?? b.seq;
  if (pa !== pb) return pa - pb;
  const fa = a.after === undefined ? 0 : 1;
  const fb = b.after === undefined ? 0 : 1;
  if (fa !== fb) return fa - fb;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function assertUniqueIds(moves: Move[]): void {
  const seen = new Set<string>();
  for (const m of moves) {
    if (seen.has(m.id)) throw new CostingError('id appears twice', m.id);
    seen.add(m.id);
  }
}

function applyAll(state: CostState, moves: Move[]): CostedMove[] {
  const out: CostedMove[] = [];
  for (const m of moves) {
    const r = applyMove(state, m);
    out.push(r.costed);
    state = r.state;
  }
  return out;
}

/** The ledger of one warehouse × SKU from scratch: sort by (date, seq), apply from an empty state. */
export function replay(method: CostingMethod, moves: Move[]): CostedMove[] {
  assertUniqueIds(moves);
  return applyAll(emptyState(method), [...moves].sort(compareMoves));
}

export interface RecostResult {
  /** The whole costed history with the back-dated move in its place. */
  costed: CostedMove[];
  /** The moves after the inserted one whose value changed: the rows the posting engine re-costs. */
  changed: CostChange[];
}

/**
 * Inserts a back-dated move into a costed history (in ledger order, as `replay` returns it) and
 * re-applies everything from the state just before the insertion point. The result equals
 * `replay` of all the moves, because applying is a pure function of (state, move).
 */
export function recostFrom(method: CostingMethod, history: CostedMove[], backdated: Move): RecostResult {
  assertUniqueIds([...history.map((c) => c.move), backdated]);
  for (let i = 1; i < history.length; i++) {
    if (compareMoves(history[i - 1].move, history[i].move) > 0)
      throw new CostingError('history is not in ledger order', history[i].move.id);
  }
  if (history.some((c) => c.state.method !== method)) throw new CostingError(`history was not costed by ${method}`);

  let at = history.findIndex((c) => compareMoves(c.move, backdated) > 0);
  if (at < 0) at = history.length;
  const before = at === 0 ? emptyState(method) : history[at - 1].state;
  const later = history.slice(at);
  const redone = applyAll(before, [backdated, ...later.map((c) => c.move)]);

  const changed: CostChange[] = [];
  later.forEach((old, k) => {
    const now = redone[k + 1];
    if (now.value !== old.value) changed.push({ id: old.move.id, oldValue: old.value, newValue: now.value });
  });
  return { costed: [...history.slice(0, at), ...redone], changed };
}
