import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { daysToExpiry, isExpired, pick, pickOrder, type Stock } from './index';

const s = (
  binId: number,
  batchId: number,
  qty: string,
  expiryDate: string | null,
  receivedAt: string | null,
): Stock => ({
  binId,
  batchId,
  qty,
  expiryDate,
  receivedAt,
});
// P0 expires first but came in last; P1 came in first
const P0 = s(1, 10, '5', '2026-12-04', '2026-11-20T00:00:00Z');
const P1 = s(2, 11, '5', '2026-12-31', '2026-11-01T00:00:00Z');
const P2 = s(1, 12, '5', '2026-12-20', '2026-11-10T00:00:00Z');
const NOEXP = s(3, 13, '5', null, '2026-10-01T00:00:00Z');

describe('picking order', () => {
  it('fefo by expiry (none last), fifo by receipt, auto = fefo where there are expiry dates', () => {
    const ids = (xs: Stock[]) => xs.map((x) => x.batchId);
    expect(ids(pickOrder([P1, NOEXP, P2, P0], 'fefo'))).toEqual([10, 12, 11, 13]);
    expect(ids(pickOrder([P1, NOEXP, P2, P0], 'fifo'))).toEqual([13, 11, 12, 10]);
    expect(ids(pickOrder([P1, NOEXP, P2, P0], 'auto'))).toEqual([10, 12, 11, 13]);
    // without batches: by bin
    expect(pickOrder([s(3, 0, '1', null, null), s(1, 0, '1', null, null)], 'auto').map((x) => x.binId)).toEqual([1, 3]);
  });

  it('expiry: the last day of use is not expired yet', () => {
    expect(isExpired(P0, '2026-12-04')).toBe(false);
    expect(isExpired(P0, '2026-12-05')).toBe(true);
    expect(isExpired(NOEXP, '2099-01-01')).toBe(false);
    expect(daysToExpiry('2026-12-04', '2026-11-25')).toBe(9);
    expect(daysToExpiry('2026-12-04', '2026-12-05')).toBe(-1);
    expect(daysToExpiry(null, '2026-12-05')).toBeNull();
  });
});

describe('pick', () => {
  it('takes in order, minus what earlier lines took, and says what is short', () => {
    const taken = new Map<string, Decimal>();
    const order = pickOrder([P0, P1, P2], 'fefo');
    expect(pick('7', order, taken)).toEqual({
      takes: [
        { binId: 1, batchId: 10, qty: '5.000000' },
        { binId: 1, batchId: 12, qty: '2.000000' },
      ],
      short: '0',
      expired: '0',
      quarantined: '0',
    });
    expect(pick('10', order, taken)).toEqual({
      takes: [
        { binId: 1, batchId: 12, qty: '3.000000' },
        { binId: 2, batchId: 11, qty: '5.000000' },
      ],
      short: '2',
      expired: '0',
      quarantined: '0',
    });
  });

  it('on 2026-12-05 never picks P0, which expired on 12-04, and reports it as expired', () => {
    const r = pick('6', pickOrder([P0, P1, P2], 'fefo'), new Map(), { blockExpiredOn: '2026-12-05' });
    expect(r.takes.map((x) => [x.batchId, x.qty])).toEqual([
      [12, '5.000000'],
      [11, '1.000000'],
    ]);
    expect(r.expired).toBe('5');
    const short = pick('11', pickOrder([P0, P1, P2], 'fefo'), new Map(), { blockExpiredOn: '2026-12-05' });
    expect([short.short, short.expired]).toEqual(['1', '5']);
  });

  it('a sale never takes from a quarantine bin; expired stock there counts as expired, not quarantined', () => {
    const Q = { ...s(9, 14, '4', '2026-12-10', '2026-11-05T00:00:00Z'), quarantine: true };
    const QX = { ...s(9, 10, '2', '2026-12-04', '2026-11-05T00:00:00Z'), quarantine: true };
    const order = pickOrder([P0, P1, P2, Q, QX], 'fefo');
    const r = pick('12', order, new Map(), { blockExpiredOn: '2026-12-05', skipQuarantine: true });
    expect(r.takes.map((x) => [x.binId, x.batchId, x.qty])).toEqual([
      [1, 12, '5.000000'],
      [2, 11, '5.000000'],
    ]);
    expect([r.short, r.expired, r.quarantined]).toEqual(['2', '7', '4']);
    // an issue that names the quarantine bin takes from it
    const named = pick('3', pickOrder([Q], 'fefo'), new Map());
    expect(named.takes).toEqual([{ binId: 9, batchId: 14, qty: '3.000000' }]);
  });
});
