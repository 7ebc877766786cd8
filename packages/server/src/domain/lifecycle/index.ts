import { DocumentAction as A } from '../../core/actions';

/**
 * One state machine per document type: which action each state allows. Services refuse an action
 * outside its states (`DOCUMENT_STATE`), and the API lists what is possible now
 * (`availableActions`), so the console shows exactly the buttons that will work.
 */
export type Lifecycle<S extends string> = Partial<Record<A, readonly S[]>>;

export const purchaseOrderLifecycle = {
  [A.EDIT]: ['draft', 'rejected'],
  [A.DELETE]: ['draft'],
  [A.SUBMIT]: ['draft', 'rejected'],
  [A.APPROVE]: ['submitted'],
  [A.REJECT]: ['submitted'],
  [A.RECEIVE]: ['approved', 'partly_received'],
  [A.CANCEL]: ['draft', 'submitted', 'approved', 'rejected'],
  [A.CLOSE]: ['approved', 'partly_received', 'received'],
} as const satisfies Lifecycle<string>;

/**
 * A draft priced below cost, confirmed by someone who may not sell below cost, waits in
 * pending_price_approval (待审批): a price approver (never the one who asked) approves, and it is
 * confirmed exactly as a confirmation would, or rejects it back to draft with a note.
 */
export const salesOrderLifecycle = {
  [A.EDIT]: ['draft'],
  [A.CONFIRM]: ['draft'],
  [A.APPROVE]: ['pending_price_approval'],
  [A.REJECT]: ['pending_price_approval'],
  [A.SHIP]: ['confirmed', 'partly_shipped'],
  [A.INVOICE]: ['partly_shipped', 'shipped'],
  [A.CANCEL]: ['draft', 'pending_price_approval', 'confirmed'],
  [A.CLOSE]: ['partly_shipped'],
} as const satisfies Lifecycle<string>;

export const stockDocumentLifecycle = {
  [A.EDIT]: ['draft'],
  [A.DELETE]: ['draft'],
  [A.POST]: ['draft'],
  [A.RECEIVE_TRANSFER]: ['in_transit'],
  [A.CANCEL]: ['in_transit', 'posted'],
} as const satisfies Lifecycle<string>;

/** Whether `status` allows `action` under `lifecycle`. */
export function allows(lifecycle: Lifecycle<string>, action: A, status: string): boolean {
  return (lifecycle[action] ?? []).includes(status);
}

/** The actions a state allows, in the lifecycle's order. */
export function actionsIn(lifecycle: Lifecycle<string>, status: string): A[] {
  return (Object.keys(lifecycle) as A[]).filter((a) => allows(lifecycle, a, status));
}

/** Stocktakes: reasons while open (EDIT), finish counting (SUBMIT), approve once finished, cancel while open. */
export const stocktakeLifecycle = {
  [A.EDIT]: ['counting', 'review'],
  [A.SUBMIT]: ['counting'],
  [A.APPROVE]: ['review'],
  [A.CANCEL]: ['counting', 'review'],
} as const satisfies Lifecycle<string>;
