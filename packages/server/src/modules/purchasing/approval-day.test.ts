import { describe, expect, it } from 'vitest';
import { PurchaseOrderApproval } from './purchase-order.entity';

describe('a purchase approval prints on its business day', () => {
  it('a decision at 17:30 UTC on the 24th is the 25th in Shanghai (the printed order showed the day before)', () => {
    const a = Object.assign(new PurchaseOrderApproval(), { at: new Date('2026-11-24T17:30:00Z') });
    expect(a.day).toBe('2026-11-25');
  });
});
