import { describe, expect, it } from 'vitest';
import { DocumentAction as A } from '../../core/actions';
import { actionsIn, allows, purchaseOrderLifecycle, salesOrderLifecycle, stockDocumentLifecycle } from '.';

describe('document lifecycles', () => {
  it('a submitted purchase order can be approved, rejected or cancelled, not edited or received', () => {
    expect(actionsIn(purchaseOrderLifecycle, 'submitted')).toEqual([A.APPROVE, A.REJECT, A.CANCEL]);
    expect(allows(purchaseOrderLifecycle, A.EDIT, 'submitted')).toBe(false);
    expect(allows(purchaseOrderLifecycle, A.RECEIVE, 'submitted')).toBe(false);
  });
  it('a rejected purchase order goes back to editing; a received one can only be closed', () => {
    expect(actionsIn(purchaseOrderLifecycle, 'rejected')).toEqual([A.EDIT, A.SUBMIT, A.CANCEL]);
    expect(actionsIn(purchaseOrderLifecycle, 'received')).toEqual([A.CLOSE]);
    expect(actionsIn(purchaseOrderLifecycle, 'closed')).toEqual([]);
  });
  it('a sales order ships only once confirmed, and is invoiced only once something shipped', () => {
    expect(actionsIn(salesOrderLifecycle, 'draft')).toEqual([A.EDIT, A.CONFIRM, A.CANCEL]);
    expect(actionsIn(salesOrderLifecycle, 'confirmed')).toEqual([A.SHIP, A.CANCEL]);
    expect(actionsIn(salesOrderLifecycle, 'partly_shipped')).toEqual([A.SHIP, A.INVOICE, A.CLOSE]);
    expect(actionsIn(salesOrderLifecycle, 'paid')).toEqual([]);
  });
  it('a sales order waiting for price approval is approved, rejected or cancelled; nothing else', () => {
    expect(actionsIn(salesOrderLifecycle, 'pending_price_approval')).toEqual([A.APPROVE, A.REJECT, A.CANCEL]);
    expect(allows(salesOrderLifecycle, A.EDIT, 'pending_price_approval')).toBe(false);
    expect(allows(salesOrderLifecycle, A.SHIP, 'pending_price_approval')).toBe(false);
    expect(allows(salesOrderLifecycle, A.APPROVE, 'draft')).toBe(false);
  });
  it('a transfer in transit can arrive or be cancelled; a cancelled document allows nothing', () => {
    expect(actionsIn(stockDocumentLifecycle, 'in_transit')).toEqual([A.RECEIVE_TRANSFER, A.CANCEL]);
    expect(actionsIn(stockDocumentLifecycle, 'cancelled')).toEqual([]);
  });
});
