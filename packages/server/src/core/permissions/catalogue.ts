/**
 * The one catalogue of permissions. Codes are `area.resource.action`; roles are data built
 * from these codes (the six below are seeded; admins create more).
 */
export const P = {
  // system
  SystemUserRead: 'system.user.read', // the staff directory: names and roles of colleagues
  SystemUserContactRead: 'system.user.contact.read', // colleagues' e-mail and phone
  SystemUserManage: 'system.user.manage', // create, edit, disable, reset passwords, assign roles
  SystemRoleRead: 'system.role.read',
  SystemRoleManage: 'system.role.manage',
  SystemAuditRead: 'system.audit.read',
  SystemAuditAddressRead: 'system.audit.address.read', // the network address in audit rows
  SystemSettingsRead: 'system.settings.read',
  SystemSettingsManage: 'system.settings.manage',
  SystemIntegrationManage: 'system.integration.manage', // API clients, their keys and webhooks (admin only)
  IntegrationTplManage: 'integration.tpl.manage', // 3PL warehouses: connections, requests, confirmations, the review list
  SystemSessionRead: 'system.session.read', // live session and login figures on the overview
  // stock
  StockWarehouseRead: 'stock.warehouse.read',
  StockWarehouseManage: 'stock.warehouse.manage',
  StockBalanceRead: 'stock.balance.read',
  StockCostRead: 'stock.cost.read',
  StockDocumentCreate: 'stock.document.create',
  StockDocumentPost: 'stock.document.post',
  StockCountPerform: 'stock.count.perform', // count (blind: never the book quantity)
  StockCountRead: 'stock.count.read', // counts with book quantities, differences, accuracy and ABC classes
  StockCountManage: 'stock.count.manage', // plan, open, finish and cancel counts; reasons; ABC classes
  StockCountApprove: 'stock.count.approve', // approve a count (not one counted oneself): posts the adjustment
  // catalog
  CatalogProductRead: 'catalog.product.read',
  CatalogProductManage: 'catalog.product.manage',
  CatalogPurchasePriceRead: 'catalog.price.purchase.read',
  CatalogSalePriceRead: 'catalog.price.sale.read',
  // purchasing
  PurchasingSupplierRead: 'purchasing.supplier.read',
  PurchasingSupplierManage: 'purchasing.supplier.manage',
  PurchasingSupplierPriceRead: 'purchasing.supplier.price.read',
  PurchasingOrderCreate: 'purchasing.order.create',
  PurchasingOrderApprove: 'purchasing.order.approve',
  PurchasingReceiptPost: 'purchasing.receipt.post',
  PurchasingOrderRead: 'purchasing.order.read', // orders, receipts, returns (prices are sensitive fields)
  PurchasingReturnPost: 'purchasing.return.post',
  PurchasingInvoiceManage: 'purchasing.invoice.manage', // record supplier invoices (three-way match)
  PurchasingApprovalManage: 'purchasing.approval.manage', // the approval rules (admin only)
  PurchasingPayableRead: 'purchasing.payable.read',
  PurchasingLandedCostManage: 'purchasing.landedcost.manage', // 到岸成本: create, post and cancel landed costs of receipts
  // sales
  SalesCustomerRead: 'sales.customer.read',
  SalesCustomerContactRead: 'sales.customer.contact.read',
  SalesCustomerManage: 'sales.customer.manage',
  SalesCustomerAll: 'sales.customer.all', // without it a salesperson sees only own customers
  SalesOrderCreate: 'sales.order.create',
  SalesOrderRead: 'sales.order.read', // orders, shipments, returns, invoices (prices, cost and margin are sensitive fields)
  SalesReturnPost: 'sales.return.post', // 售后: returns against a shipment
  SalesInvoiceManage: 'sales.invoice.manage', // bill shipped goods
  SalesShipmentPost: 'sales.shipment.post',
  SalesMarginRead: 'sales.margin.read',
  SalesReceivableRead: 'sales.receivable.read',
  SalesBelowCost: 'sales.price.below_cost', // confirm an order priced below cost without approval
  SalesPriceApprove: 'sales.price.approve', // approve or reject orders waiting for price approval (待审批)
  SalesSetupManage: 'sales.setup.manage', // channels, stores, customer tiers
  SalesPlatformManage: 'sales.platform.manage', // online stores: sync status, import orders now, map platform SKUs, review refunds (connecting one: system.integration.manage)
  // promotions (促销)
  PromotionRead: 'sales.promotion.read', // promotions, coupons, redemptions, the simulator (never cost: gift cost needs sales.margin.read)
  PromotionManage: 'sales.promotion.manage', // create, edit, submit and stop promotions; coupon batches and codes
  PromotionApprove: 'sales.promotion.approve', // approve promotions whose budget is above the setting (not one's own)
  // finance and reports
  FinancePaymentManage: 'finance.payment.manage',
  ReportCostRead: 'report.cost.read',
  ReportStaffRead: 'report.staff.read', // everyone's performance (without it: one's own)
  ReportTargetManage: 'report.target.manage', // set the salespeople's monthly targets
  ReportWarehouseFeeManage: 'report.warehousefee.manage', // 仓储费: enter a warehouse's monthly storage and handling fees
} as const;

export type Permission = (typeof P)[keyof typeof P];
export const ALL_PERMISSIONS: Permission[] = Object.values(P);

/** Codes that left the catalogue: a role saved with one (an older console's list) simply loses it. */
export const RETIRED_PERMISSIONS: readonly string[] = ['sales.order.approve'];

export function isPermission(code: string): code is Permission {
  return (ALL_PERMISSIONS as string[]).includes(code);
}

const without = (...codes: Permission[]) => ALL_PERMISSIONS.filter((c) => !codes.includes(c));

export interface SeedRole {
  code: string;
  name: string;
  nameZh: string;
  permissions: Permission[];
}

/** The six seeded roles of domain.md; "must never see" is the absence of the permissions. */
export const SEEDED_ROLES: SeedRole[] = [
  { code: 'admin', name: 'Administrator', nameZh: '系统管理员', permissions: ALL_PERMISSIONS },
  {
    code: 'manager',
    name: 'Manager',
    nameZh: '经理',
    permissions: without(
      P.SystemUserManage,
      P.SystemRoleManage,
      P.SystemSettingsManage,
      P.SystemAuditAddressRead,
      P.PurchasingApprovalManage,
      P.SystemIntegrationManage,
    ),
  },
  {
    code: 'accountant',
    name: 'Accountant',
    nameZh: '会计',
    permissions: [
      P.SystemUserRead,
      P.SystemSettingsRead,
      P.StockWarehouseRead,
      P.StockBalanceRead,
      P.StockCostRead,
      P.StockCountRead,
      P.CatalogProductRead,
      P.CatalogPurchasePriceRead,
      P.CatalogSalePriceRead,
      P.PurchasingSupplierRead,
      P.PurchasingSupplierPriceRead,
      P.PurchasingPayableRead,
      P.PurchasingOrderRead,
      P.PurchasingInvoiceManage,
      P.PurchasingLandedCostManage,
      P.SalesCustomerRead,
      P.SalesCustomerContactRead,
      P.SalesCustomerAll,
      P.SalesMarginRead,
      P.SalesReceivableRead,
      P.SalesOrderRead,
      P.SalesInvoiceManage,
      P.PromotionRead,
      P.FinancePaymentManage,
      P.ReportCostRead,
      P.ReportWarehouseFeeManage,
    ],
  },
  {
    code: 'purchaser',
    name: 'Purchaser',
    nameZh: '采购员',
    permissions: [
      P.SystemUserRead,
      P.StockWarehouseRead,
      P.StockBalanceRead,
      P.StockCostRead,
      P.CatalogProductRead,
      P.CatalogPurchasePriceRead,
      P.PurchasingSupplierRead,
      P.PurchasingSupplierManage,
      P.PurchasingSupplierPriceRead,
      P.PurchasingOrderCreate,
      P.PurchasingOrderApprove,
      P.PurchasingPayableRead,
      P.PurchasingOrderRead,
      P.PurchasingLandedCostManage,
    ],
  },
  {
    code: 'sales',
    name: 'Salesperson',
    nameZh: '销售员',
    permissions: [
      P.SystemUserRead,
      P.StockWarehouseRead,
      P.StockBalanceRead,
      P.CatalogProductRead,
      P.CatalogSalePriceRead,
      P.SalesCustomerRead,
      P.SalesCustomerContactRead,
      P.SalesCustomerManage,
      P.SalesOrderCreate,
      P.SalesOrderRead,
      P.SalesReturnPost,
      P.PromotionRead,
      // their own customers' balances (the owner scope): they follow up the payments
      P.SalesReceivableRead,
    ],
  },
  {
    code: 'warehouse',
    name: 'Warehouse keeper',
    nameZh: '仓管员',
    permissions: [
      P.SystemUserRead,
      P.StockWarehouseRead,
      P.StockBalanceRead,
      P.StockDocumentCreate,
      P.StockDocumentPost,
      P.StockCountPerform,
      P.CatalogProductRead,
      P.PurchasingReceiptPost,
      P.SalesShipmentPost,
      P.SalesOrderRead,
      P.PurchasingOrderRead,
      P.PurchasingReturnPost,
      P.PurchasingSupplierRead,
    ],
  },
];
