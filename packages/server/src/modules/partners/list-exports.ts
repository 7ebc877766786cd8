import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import { SupplierStatus, type Supplier } from './supplier.entity';

/** 供应商 as the console's list shows it. */
export const partnersListExports: ListExport[] = [
  {
    name: 'suppliers',
    permissions: [P.PurchasingSupplierRead],
    typeName: 'Supplier',
    filterType: 'SupplierFilter',
    page: (ctx, filter, page) => ctx.services.suppliers.list(filter, page),
    columns: {
      code: { get: (_ctx, s: Supplier) => s.code, text: true },
      name: { get: (_ctx, s: Supplier) => s.name },
      status: { get: (_ctx, s: Supplier) => s.status, enum: SupplierStatus },
      contactPerson: { get: (_ctx, s: Supplier) => s.contactPerson },
      phone: { get: (_ctx, s: Supplier) => s.phone, text: true },
      leadTimeDays: { get: (_ctx, s: Supplier) => s.leadTimeDays },
      paymentTermsDays: { get: (_ctx, s: Supplier) => s.paymentTermsDays },
      createdAt: { get: (_ctx, s: Supplier) => s.createdAt },
    },
  },
];
