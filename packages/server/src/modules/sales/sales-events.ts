import { typed, type DomainEvent, type EventType } from '../../core/events';
import type { SalesOrder, SalesOrderLine } from './sales-order.entity';

/**
 * A sales order's event for the world outside (webhooks): the order as its GraphQL type, so each
 * receiver gets it through its field rules (no total without the sale price permission). The
 * order's events share its ref and so reach each receiver in order.
 */
export function orderEvent(
  type: EventType,
  o: Pick<SalesOrder, 'id' | 'number' | 'status' | 'customerId' | 'warehouseId' | 'storeId' | 'total'>,
  lines?: SalesOrderLine[],
): DomainEvent & { data: { order: Record<string, unknown> } } {
  return {
    type,
    ref: { type: 'sales_order', id: o.id, number: o.number },
    warehouseId: o.warehouseId,
    customerId: o.customerId,
    data: {
      order: typed('SalesOrder', {
        id: String(o.id),
        number: o.number,
        status: o.status,
        customerId: String(o.customerId),
        warehouseId: String(o.warehouseId),
        storeId: o.storeId == null ? null : String(o.storeId),
        total: o.total,
      }),
      ...(lines
        ? {
            lines: lines.map((l) =>
              typed('SalesOrderLine', {
                lineNo: l.lineNo,
                skuId: String(l.skuId),
                qty: l.qty,
                unitPrice: l.unitPrice,
                amount: l.amount,
              }),
            ),
          }
        : {}),
    },
  };
}
