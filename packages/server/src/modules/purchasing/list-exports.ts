import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import { warehouseLabel } from '../stock';
import { PurchaseOrderStatus, type PurchaseOrder } from './purchase-order.entity';
import type { SupplierPayable } from './purchasing.types';

/** 采购订单 and 应付账款 as the console's lists show them (their services, scopes and field rules). */
export const purchasingListExports: ListExport[] = [
  {
    name: 'purchaseOrders',
    fileName: 'purchase-orders',
    permissions: [P.PurchasingOrderRead],
    typeName: 'PurchaseOrder',
    filterType: 'PurchaseOrderFilter',
    page: (ctx, filter, page) => ctx.services.purchaseOrders.list(ctx, filter, page),
    columns: {
      number: { get: (_ctx, o: PurchaseOrder) => o.number, text: true },
      supplier: {
        get: async (ctx, o: PurchaseOrder) => {
          const s = await ctx.services.suppliers.forRow(ctx, o.supplierId);
          return s ? `${s.code} · ${s.name}` : '';
        },
      },
      status: { get: (_ctx, o: PurchaseOrder) => o.status, enum: PurchaseOrderStatus },
      warehouseId: { get: async (ctx, o: PurchaseOrder) => (await warehouseLabel(ctx, o.warehouseId))?.name ?? '' },
      orderDate: { get: (_ctx, o: PurchaseOrder) => o.orderDate },
      total: { get: (_ctx, o: PurchaseOrder) => o.total },
      createdAt: { get: (_ctx, o: PurchaseOrder) => o.createdAt },
    },
  },
  {
    name: 'payables',
    permissions: [P.PurchasingPayableRead],
    typeName: 'SupplierPayable',
    page: (ctx) => ctx.services.supplierInvoices.payables(undefined),
    columns: {
      supplierCode: { get: (_ctx, r: SupplierPayable) => r.supplierCode, text: true },
      supplierName: { get: (_ctx, r: SupplierPayable) => r.supplierName },
      invoiced: { get: (_ctx, r: SupplierPayable) => r.invoiced },
      paid: { get: (_ctx, r: SupplierPayable) => r.paid },
      open: { get: (_ctx, r: SupplierPayable) => r.open },
      overdue: { get: (_ctx, r: SupplierPayable) => r.overdue },
    },
  },
];
