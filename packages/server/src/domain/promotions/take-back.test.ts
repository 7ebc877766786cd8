import { describe, expect, it } from 'vitest';
import { thresholdReduction, thresholdTakeBack } from './take-back';

const once = { threshold: '300', off: '50', perMultiple: false };
const multiple = { threshold: '300', off: '50', perMultiple: true, cap: '150' };

describe('满减 taken back on a return', () => {
  // the order of promotion-orders.int.test: tea 12 × 20 − 10 % = 216, rice 5 × 20 = 100; 满300减50 spread 34.18 / 15.82
  const order = (teaKept: string, riceKept = '5', takenBefore = '0.00') => ({
    code: 'MJ300',
    rule: once,
    takenBefore,
    lines: [
      { qty: '12', keptQty: teaKept, base: '216.00', share: '34.18' },
      { qty: '5', keptQty: riceKept, base: '100.00', share: '15.82' },
    ],
  });

  it('a return below the threshold takes back what the kept units carry of the 满减', () => {
    // 6 teas back (84.08 net): kept 108 + 100 = 208 < 300 earns nothing; the kept units carry 17.09 + 15.82
    expect(thresholdTakeBack([order('6')], ['84.08'])).toEqual({
      thresholds: [
        { code: 'MJ300', keptBase: '208.00', keptShare: '32.91', earnedNow: '0.00', owed: '32.91', taken: '32.91' },
      ],
      taken: '32.91',
      refund: '51.17',
      lines: ['32.91'],
    });
  });

  it('a return that keeps the threshold takes nothing back', () => {
    // nothing kept back yet (316 ≥ 300)
    expect(thresholdTakeBack([order('12', '5')], ['0.00']).taken).toBe('0.00');
    // 满250减50: 1 tea back of 12 keeps 198 + 100 = 298 ≥ 250
    const r = thresholdTakeBack([{ ...order('11'), rule: { ...once, threshold: '250' } }], ['14.01']);
    expect([r.thresholds[0].keptBase, r.thresholds[0].earnedNow, r.taken, r.refund]).toEqual([
      '298.00',
      '50.00',
      '0.00',
      '14.01',
    ]);
  });

  it('per multiple: a smaller multiple takes back the multiples lost on the kept units', () => {
    // 7 × 100 = 700: 每满300减50 gives 100 (two multiples), net 85.714286 a unit; 3 back (257.14):
    // kept 400 earns one multiple (50) while the kept 4 units carry 100 × 4 / 7 = 57.14: 7.14 back
    const r = thresholdTakeBack(
      [
        {
          code: 'MJ',
          rule: multiple,
          takenBefore: '0',
          lines: [{ qty: '7', keptQty: '4', base: '700.00', share: '100.00' }],
        },
      ],
      ['257.14'],
    );
    expect(r).toEqual({
      thresholds: [
        { code: 'MJ', keptBase: '400.00', keptShare: '57.14', earnedNow: '50.00', owed: '7.14', taken: '7.14' },
      ],
      taken: '7.14',
      refund: '250.00',
      lines: ['7.14'],
    });
    // the customer paid 600 and got 250 back: 350 for 4 units = 400 less one multiple, exactly
  });

  it('the cap: 每满100减10 at most 30', () => {
    const capped = { threshold: '100', off: '10', perMultiple: true, cap: '30' };
    expect(thresholdReduction(capped, 50000n)).toBe(3000n);
    expect(thresholdReduction(capped, 25000n)).toBe(2000n);
    expect(thresholdReduction(once, 29999n)).toBe(0n);
    expect(thresholdReduction(once, 30000n)).toBe(5000n);
  });

  it('never below a zero refund; what is left stays owed and a later return takes it', () => {
    const first = thresholdTakeBack([order('6')], ['10.00']);
    expect([first.taken, first.refund, first.lines]).toEqual(['10.00', '0.00', ['10.00']]);
    // one more tea back later (14.01): kept 5 teas (90) + 100 = 190; the kept units carry 14.24 + 15.82 = 30.06
    const second = thresholdTakeBack([order('5', '5', first.taken)], ['14.01']);
    expect(second.thresholds[0]).toMatchObject({ keptShare: '30.06', owed: '30.06', taken: '14.01' });
    expect(second.refund).toBe('0.00');
  });

  it('the rest returned later: the kept units owe nothing and the earlier take-back is given back', () => {
    // after the first return took 32.91, the other 6 teas and the 5 rice come back (84.07 + 77.85)
    const r = thresholdTakeBack([order('0', '0', '32.91')], ['84.07', '77.85']);
    expect(r.thresholds[0]).toMatchObject({ keptBase: '0.00', keptShare: '0.00', owed: '0.00', taken: '-32.91' });
    // 161.92 + 32.91: with the first return's 51.17 the customer gets back all of the 246.00 paid
    expect([r.taken, r.refund, r.lines]).toEqual([
      '-32.91',
      '194.83',
      ['-17.09', '-15.82'] /* 32.91 × 84.07 / 161.92 = 17.087, × 77.85 / 161.92 = 15.823 */,
    ]);
  });

  it('spreads the take-back over the returned lines in proportion to their refunds', () => {
    const r = thresholdTakeBack([order('6', '4')], ['84.08', '15.57']);
    // kept 108 + 80 = 188; the kept units carry 17.09 + 12.66 = 29.75
    expect([r.thresholds[0].keptShare, r.taken, r.refund, r.lines]).toEqual([
      '29.75',
      '29.75',
      '69.90',
      ['25.10', '4.65'],
    ]);
  });

  it('two 满减 on one order are each settled; the refund bounds their sum', () => {
    const r = thresholdTakeBack(
      [order('6'), { ...order('6'), code: 'MJ2', rule: { threshold: '200', off: '20', perMultiple: false } }],
      ['40.00'],
    );
    // MJ300 owes 32.91; MJ2 (kept 208 ≥ 200 earns 20, carries 32.91 … of ITS share) owes 12.91 but only 7.09 is left
    expect(r.thresholds.map((t) => [t.code, t.owed, t.taken])).toEqual([
      ['MJ300', '32.91', '32.91'],
      ['MJ2', '12.91', '7.09'],
    ]);
    expect([r.taken, r.refund]).toEqual(['40.00', '0.00']);
  });
});
