import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors';
import {
  cancelSplitReview,
  failedReview,
  overReview,
  reviewParamsView,
  shortReview,
  stockDiffReview,
  unknownRequestReview,
  unknownSkuReview,
} from './tpl-review';

/** Each kind of 3PL review item: its params (what the console translates) and its English detail. */
describe('3PL review texts', () => {
  it('keeps quantities as decimal strings and what the 3PL wrote as it wrote it', () => {
    const over = overReview('C-9', 'TPL000007', [
      { problem: 'not_requested', sku: 'X-1' },
      { problem: 'bad_qty', line: '12', sku: 'A-1', given: '1e3' },
      { problem: 'wrong_sku', line: '13', sku: 'B-9', requestedSku: 'B-1' },
      { problem: 'over', line: '14', sku: 'C-1', confirmed: '5.5', open: '2.25', requested: '10' },
    ]);
    expect(over.detail).toBe(
      'Confirmation C-9 of TPL000007: line X-1 was not requested; line 12: "1e3" is not a quantity; line 13: SKU B-9, requested B-1; C-1: 5.5 confirmed, 2.25 open of 10 requested. Nothing was posted.',
    );
    expect(over.params.lines).toHaveLength(4);

    const short = shortReview('C-1', 'TPL000001', 'DB-0001', true, [
      { sku: 'A-1', qty: '10.000000', confirmed: '7.500000' },
    ]);
    expect(short.params).toEqual({
      confirmation: 'C-1',
      request: 'TPL000001',
      source: 'DB-0001',
      transfer: true,
      lines: [{ problem: 'short', sku: 'A-1', requested: '10', confirmed: '7.5' }],
    });
    expect(short.detail).toBe(
      'TPL000001 (DB-0001) confirmed short: A-1 7.5 of 10. The transfer was received whole (a transfer arrives whole): the missing units show in the next snapshot reconciliation.',
    );

    expect(stockDiffReview('2026-12-01', 'A001-02', '74.000000', '72').params).toEqual({
      snapshotDate: '2026-12-01',
      sku: 'A001-02',
      bookQty: '74',
      tplQty: '72',
    });
    expect(unknownSkuReview('2026-12-01', 'ZZZ', 'abc').params).toEqual({
      snapshotDate: '2026-12-01',
      sku: 'ZZZ',
      given: 'abc',
      unknownSku: true,
    });
    expect(unknownRequestReview('C-2', 'TPL999').params).toEqual({ confirmation: 'C-2', request: 'TPL999' });
  });

  it("a refused posting keeps the refusal's code and plain figures", () => {
    const e = new DomainError('PERIOD_CLOSED', 'The period is closed through 2026-11-30.', {
      closedThrough: '2026-11-30',
      lines: [{ index: 0 }],
      count: 2,
    });
    const f = failedReview('C-3', 'TPL000003', e);
    expect(f.params).toEqual({
      confirmation: 'C-3',
      request: 'TPL000003',
      errorCode: 'PERIOD_CLOSED',
      errorParams: { closedThrough: '2026-11-30', count: '2' },
    });
    expect(reviewParamsView(JSON.stringify(f.params))).toMatchObject({
      errorCode: 'PERIOD_CLOSED',
      errorParams: [
        { name: 'closedThrough', value: '2026-11-30' },
        { name: 'count', value: '2' },
      ],
      lines: [],
      transfer: false,
    });
    expect(reviewParamsView(null)).toBeNull();
  });

  it('a request the 3PL cancelled while its document was kept names the refusal', () => {
    const e = new DomainError('TPL_CANCEL_REFUSED', 'The 3PL "仓" has shipped request TPL000009 already.', {
      request: 'TPL000009',
      connectionId: 4,
    });
    const s = cancelSplitReview('TPL000008', 'SO-0001', e);
    expect(s.params).toEqual({
      request: 'TPL000008',
      source: 'SO-0001',
      errorCode: 'TPL_CANCEL_REFUSED',
      errorParams: { request: 'TPL000009', connectionId: '4' },
    });
    expect(s.detail).toBe(
      'The 3PL cancelled request TPL000008 (SO-0001), but cancelling SO-0001 failed: The 3PL "仓" has shipped request TPL000009 already. The request is cancelled here too and SO-0001 stays as it was: send it to the 3PL again, or cancel it again.',
    );
  });
});
