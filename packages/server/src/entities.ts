import {
  WebhookAttempt,
  WebhookDelivery,
  WebhookEvent,
  WebhookSubscription,
} from './modules/integration/webhook.entity';
import {
  PlatformConnection,
  PlatformOrder,
  PlatformRefund,
  PlatformShipmentPush,
  PlatformSkuMap,
  PlatformStockPush,
} from './modules/integration/platform.entity';
import { ApiClient, ApiKey, ApiRateWindow } from './modules/integration/api-client.entity';
import { TplConfirmation, TplConnection, TplRequest, TplReview } from './modules/integration/tpl.entity';
import { AuditEntry } from './modules/audit/audit-entry.entity';
import { LoginAttempt } from './modules/auth/login-attempt.entity';
import { Role } from './modules/auth/role.entity';
import { Session } from './modules/auth/session.entity';
import { User } from './modules/auth/user.entity';
import { Brand, Category } from './modules/catalog/category.entity';
import { Product, ProductUnit } from './modules/catalog/product.entity';
import { Sku, SkuBarcode } from './modules/catalog/sku.entity';
import { DocSequence, IdempotencyRecord, JobLease } from './core/entities';
import { StockBalance, StockCost, StockLedgerEntry } from './modules/stock/ledger.entity';
import { Batch, Bin, Zone } from './modules/stock/location.entity';
import { StockDocument, StockDocumentLine } from './modules/stock/stock-document.entity';
import { Warehouse } from './modules/stock/warehouse.entity';
import { AlertDailyRun, AlertDigest, AlertOutbox, Notification } from './modules/alerts/alert.entity';
import { SalesTarget } from './modules/analytics/sales-target.entity';
import { WarehouseFee } from './modules/analytics/warehouse-fee.entity';
import { StockSnapshot, StockSnapshotMonth } from './modules/stock/snapshot.entity';
import { StatementConfirmation } from './modules/analytics/statement.entity';
import { VoucherAccount } from './modules/analytics/voucher-account.entity';
import { PrintTemplate } from './modules/output/print-template.entity';
import { ExportJob, ExportJobChunk } from './modules/output/export-job.entity';
import {
  AbcClassification,
  Stocktake,
  StocktakeCount,
  StocktakeLine,
  StocktakeSettings,
  StocktakeSku,
} from './modules/stocktake/stocktake.entity';
import { CompanySettings } from './modules/system/settings.entity';
import { Supplier, SupplierPrice, SupplierQualification } from './modules/partners/supplier.entity';
import {
  PurchaseApprovalStep,
  PurchaseOrder,
  PurchaseOrderApproval,
  PurchaseOrderLine,
} from './modules/purchasing/purchase-order.entity';
import {
  PurchaseReceipt,
  PurchaseReceiptLine,
  PurchaseReturn,
  PurchaseReturnLine,
} from './modules/purchasing/purchase-receipt.entity';
import { LandedCost, LandedCostLine } from './modules/purchasing/landed-cost.entity';
import { SupplierInvoice, SupplierInvoiceLine, SupplierPayment } from './modules/purchasing/supplier-invoice.entity';
import {
  DemandDay,
  DemandSpan,
  FixedSafetyStock,
  ForecastModel,
  KeptSuggestion,
  ReplenishmentSetting,
} from './modules/purchasing/replenishment.entity';
import {
  Customer,
  CustomerAddress,
  CustomerContact,
  CustomerServiceRecord,
  CustomerTier,
  SalesChannel,
  SalesStore,
} from './modules/sales/customer.entity';
import { PriceList, PriceListItem } from './modules/sales/price-list.entity';
import { SalesOrder, SalesOrderLine } from './modules/sales/sales-order.entity';
import { SalesShipment, SalesShipmentLine } from './modules/sales/sales-shipment.entity';
import { SalesReturn, SalesReturnLine } from './modules/sales/sales-return.entity';
import { CustomerPayment, SalesInvoice, SalesInvoiceLine } from './modules/sales/receivable.entity';
import {
  CouponBatch,
  CouponCode,
  CouponRedemption,
  Promotion,
  PromotionSettings,
  PromotionUsage,
} from './modules/promotions/promotion.entity';
import { LuckyDraw, LuckyDrawEntry, LuckyDrawPrize } from './modules/promotions/draw.entity';
import { BirthdayOffer, BirthdayOfferSettings } from './modules/promotions/birthday.entity';

export const entities = [
  Promotion,
  PromotionUsage,
  PromotionSettings,
  CouponBatch,
  CouponCode,
  CouponRedemption,
  LuckyDraw,
  LuckyDrawPrize,
  LuckyDrawEntry,
  BirthdayOfferSettings,
  BirthdayOffer,
  User,
  Role,
  Session,
  LoginAttempt,
  AuditEntry,
  Warehouse,
  CompanySettings,
  Category,
  Brand,
  Product,
  ProductUnit,
  Sku,
  SkuBarcode,
  Zone,
  Bin,
  Batch,
  StockDocument,
  StockDocumentLine,
  StockLedgerEntry,
  StockBalance,
  StockCost,
  DocSequence,
  IdempotencyRecord,
  JobLease,
  Supplier,
  SupplierQualification,
  SupplierPrice,
  PurchaseOrder,
  PurchaseOrderLine,
  PurchaseApprovalStep,
  PurchaseOrderApproval,
  PurchaseReceipt,
  PurchaseReceiptLine,
  PurchaseReturn,
  PurchaseReturnLine,
  LandedCost,
  LandedCostLine,
  SupplierInvoice,
  SupplierInvoiceLine,
  SupplierPayment,
  ReplenishmentSetting,
  FixedSafetyStock,
  DemandDay,
  DemandSpan,
  ForecastModel,
  KeptSuggestion,
  SalesChannel,
  SalesStore,
  CustomerTier,
  Customer,
  CustomerServiceRecord,
  CustomerContact,
  CustomerAddress,
  PriceList,
  PriceListItem,
  SalesOrder,
  SalesOrderLine,
  SalesShipment,
  SalesShipmentLine,
  SalesReturn,
  SalesReturnLine,
  SalesInvoice,
  SalesInvoiceLine,
  CustomerPayment,
  Stocktake,
  StocktakeLine,
  StocktakeCount,
  StocktakeSku,
  AbcClassification,
  StocktakeSettings,
  AlertOutbox,
  AlertDailyRun,
  AlertDigest,
  Notification,
  SalesTarget,
  WarehouseFee,
  StockSnapshot,
  StockSnapshotMonth,
  StatementConfirmation,
  VoucherAccount,
  PrintTemplate,
  ExportJob,
  ExportJobChunk,
  TplConnection,
  TplRequest,
  TplConfirmation,
  TplReview,
  ApiClient,
  ApiKey,
  ApiRateWindow,
  WebhookSubscription,
  WebhookEvent,
  WebhookDelivery,
  WebhookAttempt,
  PlatformConnection,
  PlatformOrder,
  PlatformRefund,
  PlatformShipmentPush,
  PlatformSkuMap,
  PlatformStockPush,
];
