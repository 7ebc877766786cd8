import { describe, expect, it } from 'vitest';
import { daysLate, periodOf, reducedShare, scorecards, type Delivery } from './index';

const d = (
  receiptId: number,
  receivedOn: string,
  expectedOn: string | null,
  accepted: string,
  rejected: string,
  paid = '0',
  agreed = '0',
  supplierId = 1,
): Delivery => ({
  receiptId,
  supplierId,
  receivedOn,
  expectedOn,
  accepted,
  rejected,
  paidAmount: paid,
  agreedAmount: agreed,
});

describe('supplier evaluation', () => {
  it('counts days late against the expected date; no promise is on time', () => {
    expect(daysLate(d(1, '2026-11-10', '2026-11-07', '1', '0'))).toBe(3);
    expect(daysLate(d(1, '2026-11-07', '2026-11-07', '1', '0'))).toBe(0);
    expect(daysLate(d(1, '2026-03-01', '2026-02-27', '1', '0'))).toBe(2);
    expect(daysLate(d(1, '2026-11-10', null, '1', '0'))).toBe(0);
  });

  it('buckets by month or quarter', () => {
    expect(periodOf('2026-11-25', 'MONTH')).toBe('2026-11');
    expect(periodOf('2026-11-25', 'QUARTER')).toBe('2026-Q4');
    expect(periodOf('2026-03-31', 'QUARTER')).toBe('2026-Q1');
    expect(periodOf('2026-04-01', 'QUARTER')).toBe('2026-Q2');
  });

  it('scores quality, delivery and price per supplier and period (hand-worked)', () => {
    const cards = scorecards(
      [
        // Q4: three deliveries, one 4 days late and one 2 days late; 95 + 5 rejected, 48 + 2 rejected, 100 + 0
        d(1, '2026-10-05', '2026-10-05', '95', '5', '950.00', '1000.00'),
        d(2, '2026-11-09', '2026-11-05', '48', '2', '528.00', '480.00'),
        d(3, '2026-12-03', '2026-12-01', '100', '0', '0', '0'),
        // Q3: one on time
        d(4, '2026-09-30', '2026-10-01', '10', '0'),
        // another supplier
        d(5, '2026-10-02', null, '7', '1', '70.00', '70.00', 2),
      ],
      'QUARTER',
    );
    expect(cards).toEqual([
      {
        supplierId: 1,
        period: '2026-Q3',
        deliveries: 1,
        onTime: 1,
        onTimeRate: '1.0000',
        averageDaysLate: '0.00',
        received: '10',
        rejected: '0',
        rejectRate: '0.0000',
        paidAmount: '0.00',
        agreedAmount: '0.00',
        priceDeviationPct: null,
      },
      // reject 7 / 250 = 0.028; on time 1/3; late (4 + 2) / 2 = 3; price 1478 / 1480 − 1 = −0.135 %
      {
        supplierId: 1,
        period: '2026-Q4',
        deliveries: 3,
        onTime: 1,
        onTimeRate: '0.3333',
        averageDaysLate: '3.00',
        received: '250',
        rejected: '7',
        rejectRate: '0.0280',
        paidAmount: '1478.00',
        agreedAmount: '1480.00',
        priceDeviationPct: '-0.14',
      },
      {
        supplierId: 2,
        period: '2026-Q4',
        deliveries: 1,
        onTime: 1,
        onTimeRate: '1.0000',
        averageDaysLate: '0.00',
        received: '8',
        rejected: '1',
        rejectRate: '0.1250',
        paidAmount: '70.00',
        agreedAmount: '70.00',
        priceDeviationPct: '0.00',
      },
    ]);
  });

  it('flags two late deliveries in a row; an on-time one clears it', () => {
    const late1 = d(1, '2026-11-01', '2026-10-30', '1', '0');
    const late2 = d(2, '2026-11-08', '2026-11-05', '1', '0');
    const onTime = d(3, '2026-11-15', '2026-11-20', '1', '0');
    expect(reducedShare([late1])).toEqual({ flagged: false, lastTwoDaysLate: [2] });
    expect(reducedShare([late1, late2])).toEqual({ flagged: true, lastTwoDaysLate: [3, 2] });
    expect(reducedShare([late1, late2, onTime])).toEqual({ flagged: false, lastTwoDaysLate: [0, 3] });
    // late, on time, late: not in a row
    expect(
      reducedShare([late1, { ...onTime, receivedOn: '2026-11-03', expectedOn: '2026-11-04' }, late2]).flagged,
    ).toBe(false);
  });
});
