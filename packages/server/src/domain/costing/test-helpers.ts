import type { Move } from './types';

// Small builders so the worked examples read like a ledger. Day n → 2026-03-0n (n < 10).
export const day = (n: number): string => `2026-03-${String(n).padStart(2, '0')}T09:00:00Z`;

export const receipt = (id: string, d: number, qty: string, unitCost: string, seq = 0): Move => ({
  id,
  seq,
  date: day(d),
  qty,
  unitCost,
  kind: 'receipt',
});
export const issue = (id: string, d: number, qty: string, seq = 0): Move => ({
  id,
  seq,
  date: day(d),
  qty: `-${qty}`,
  kind: 'issue',
});
export const fixed = (id: string, d: number, qty: string, value: string, seq = 0, reverses?: string): Move => ({
  id,
  seq,
  date: day(d),
  qty,
  value,
  kind: 'reversal',
  ...(reverses ? { reverses } : {}),
});

/** mulberry32: a tiny seeded PRNG so a failing property case can be reproduced from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
