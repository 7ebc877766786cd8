import type { DataSource } from 'typeorm';
import { memoryBus, type Bus } from './core/bus';
import type { Config } from './core/config';
import { AuditService, createAuditPubSub } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { RoleService } from './modules/auth/role.service';
import { UserService } from './modules/auth/user.service';
import { BrandService } from './modules/catalog/brand.service';
import { CategoryService } from './modules/catalog/category.service';
import { ProductImport } from './modules/catalog/product-import';
import { ProductWriter } from './modules/catalog/product-writer';
import { ProductService } from './modules/catalog/product.service';
import { SkuService } from './modules/catalog/sku.service';
import { LocationService } from './modules/stock/location.service';
import { WarehouseService } from './modules/stock/warehouse.service';
import { PostingService } from './modules/stock/posting.service';
import { writeSnapshotsThrough } from './modules/stock/snapshots';
import { StockDocumentService } from './modules/stock/stock-document.service';
import { StockReportService } from './modules/stock/stock-report.service';
import { BlindCounts } from './modules/stock/blind-counts';
import { SettingsService } from './modules/system/settings.service';
import { PrintTemplateService } from './modules/output/print-template.service';
import { ExportJobService } from './modules/output/export-job.service';
import { SupplierService } from './modules/partners/supplier.service';
import { PurchaseOrderService } from './modules/purchasing/purchase-order.service';
import { PurchaseReceiptService } from './modules/purchasing/purchase-receipt.service';
import { LandedCostService } from './modules/purchasing/landed-cost.service';
import { SupplierInvoiceService } from './modules/purchasing/supplier-invoice.service';
import { SupplierEvaluationService } from './modules/purchasing/supplier-evaluation.service';
import { ReplenishmentService } from './modules/purchasing/replenishment.service';
import { CustomerService } from './modules/sales/customer.service';
import { PriceListService } from './modules/sales/price-list.service';
import { SalesOrderService } from './modules/sales/sales-order.service';
import { SalesFulfilmentService } from './modules/sales/sales-fulfilment.service';
import { ReceivableService } from './modules/sales/receivable.service';
import { AlertService } from './modules/alerts/alert.service';
import { storageGuard } from './modules/stock/storage-fit';
import { DailyAlerts } from './modules/alerts/daily.service';
import { CouponService } from './modules/promotions/coupon.service';
import { BirthdayService } from './modules/promotions/birthday.service';
import { DrawService } from './modules/promotions/draw.service';
import { customerLabel, customersBornIn, orderLabel } from './modules/sales';
import { PromotionService } from './modules/promotions/promotion.service';
import { useRelatedLabels } from './modules/promotions';
import { ApiClientService } from './modules/integration/api-client.service';
import { TplService } from './modules/integration/tpl.service';
import { WebhookService } from './modules/integration/webhook.service';
import { PlatformService } from './modules/integration/platform.service';
import { AbcService } from './modules/stocktake/abc.service';
import { StocktakeService } from './modules/stocktake/stocktake.service';
import { AnalyticsService } from './modules/analytics/analytics.service';
import { WorkbenchService } from './modules/analytics/workbench.service';
import { StaffService } from './modules/analytics/staff.service';
import { WarehouseFeeService } from './modules/analytics/warehouse-fee.service';
import { FinanceService } from './modules/analytics/finance.service';
import { VoucherService } from './modules/analytics/voucher.service';

/** Every service of one running app, built once over one database. */
export function createServices(ds: DataSource, config: Config, bus: Bus = memoryBus()) {
  const audit = new AuditService(ds, createAuditPubSub(bus));
  const posting = new PostingService(ds);
  // the book withheld from those who count blind while a count is open (the counts register their scopes)
  const blindCounts = new BlindCounts(ds);
  // goods into a bin whose zone does not suit them: refused when the settings say so
  posting.addGuard(storageGuard);
  const settings = new SettingsService(ds, audit);
  // the costing method is fixed once stock was posted
  settings.useStockPosted(() => posting.hasPostings());
  // the period close writes the stock module's monthly snapshots, in the settings' transaction
  settings.onPeriodClosed(async (tx, through) => {
    await writeSnapshotsThrough(tx, through);
  });
  const categories = new CategoryService(ds, audit);
  const brands = new BrandService(ds, audit);
  const products = new ProductService(ds);
  const productWriter = new ProductWriter(ds, audit, products);
  const suppliers = new SupplierService(ds, audit);
  const purchaseOrders = new PurchaseOrderService(ds, audit, suppliers);
  const supplierEvaluation = new SupplierEvaluationService(ds);
  const customers = new CustomerService(ds, audit);
  const priceLists = new PriceListService(ds, audit, customers);
  const promotions = new PromotionService(ds, audit);
  const coupons = new CouponService(ds, audit, promotions);
  // coupons are issued to customers and carts priced for them: sales answers who exists and their tier
  promotions.useCustomers({ find: (tx, ids) => customers.facts(tx, ids) });
  // and the names of the customers and orders its coupons, entries and offers refer to
  useRelatedLabels({ customer: customerLabel, order: orderLabel });
  const salesOrders = new SalesOrderService(ds, audit, customers, priceLists);
  // the tiers' RFM figures come from the orders
  customers.useFigures((tx, ids, from, to) => salesOrders.figures(tx, ids, from, to));
  // lucky draws: a SKU prize is a draft sales order at 0 for the winner; birthday coupons for sales' customers
  const draws = new DrawService(ds, audit, coupons);
  draws.usePrizeOrders(async (tx, ctx, o) =>
    salesOrders.createIn(
      tx,
      ctx,
      {
        customerId: String(o.customerId),
        channelId: String(o.channelId),
        storeId: o.storeId ? String(o.storeId) : undefined,
        warehouseId: String(o.warehouseId),
        memo: o.memo,
        lines: [{ skuId: String(o.skuId), qty: '1', unitPrice: '0' }],
      },
      // a prize is no sale: no promotion prices it, and its cost is promotion expense (orderFigures)
      { allowBelowCost: true, noPromotions: true },
    ),
  );
  const birthdays = new BirthdayService(ds, audit, coupons);
  birthdays.useCustomers((tx, month) => customersBornIn(tx, month));
  const receivables = new ReceivableService(ds, audit, salesOrders);
  const salesFulfilment = new SalesFulfilmentService(ds, audit, posting, salesOrders, receivables);
  const stockDocuments = new StockDocumentService(ds, audit, posting);
  const abc = new AbcService(ds, audit);
  // live alerts: an outbox row in the posting's transaction, dispatched to notifications and subscriptions
  const alerts = new AlertService(ds, posting, bus);
  // replenishment keeps its demand history as postings happen, and filters by the counts' ABC classes
  const replenishment = new ReplenishmentService(ds, audit, suppliers, purchaseOrders, supplierEvaluation, posting);
  replenishment.useClasses((w, skuIds) => abc.classesOf(ds.manager, w, skuIds));
  const warehouseFees = new WarehouseFeeService(ds, audit);
  const analytics = new AnalyticsService(ds, warehouseFees);
  purchaseOrders.useAlerts((tx, a) => alerts.write(tx, a));
  const purchaseReceipts = new PurchaseReceiptService(ds, audit, posting, purchaseOrders);
  // third-party warehouses: requests out, confirmations posted through the documents' own services
  const tpl = new TplService(
    ds,
    audit,
    posting,
    salesOrders,
    salesFulfilment,
    purchaseOrders,
    purchaseReceipts,
    stockDocuments,
    undefined,
    { backoffMs: config.tplIntervalMs ? 5_000 : 0 },
  );
  const stocktakes = new StocktakeService(ds, audit, posting, stockDocuments, abc, alerts);
  blindCounts.use((tx, ws) => stocktakes.blindScopes(tx, ws));
  return {
    ds,
    config,
    bus,
    audit,
    auth: new AuthService(ds, config, audit),
    users: new UserService(ds, audit),
    roles: new RoleService(ds, audit),
    warehouses: new WarehouseService(ds, audit),
    categories,
    brands,
    products,
    skus: new SkuService(ds, products),
    productWriter,
    productImport: new ProductImport(ds, audit, categories, brands, productWriter),
    locations: new LocationService(ds, audit),
    settings,
    posting,
    stockDocuments,
    blindCounts,
    stockReports: new StockReportService(ds, blindCounts),
    suppliers,
    purchaseOrders,
    purchaseReceipts,
    landedCosts: new LandedCostService(ds, audit, posting, purchaseReceipts, suppliers),
    supplierInvoices: new SupplierInvoiceService(ds, audit, suppliers),
    supplierEvaluation,
    customers,
    priceLists,
    salesOrders,
    promotions,
    coupons,
    draws,
    birthdays,
    receivables,
    salesFulfilment,
    tpl,
    abc,
    alerts,
    dailyAlerts: new DailyAlerts(ds, alerts),
    // a full count freezes postings in its scope through a guard it registers with the posting engine
    stocktakes,
    analytics,
    // the home page per position: counts from the lists' own services, figures from the analysis
    workbench: new WorkbenchService(ds, analytics),
    staff: new StaffService(ds, audit),
    warehouseFees,
    finance: new FinanceService(ds, audit),
    vouchers: new VoucherService(ds, audit),
    apiClients: new ApiClientService(ds, audit),
    // events written in the changes' transactions (core/events), sent signed by the dispatcher
    webhooks: new WebhookService(ds, audit, { timeoutMs: config.webhookTimeoutMs }, bus),
    // online stores: orders in from their platforms, shipments out
    platforms: new PlatformService(ds, audit, salesOrders, posting, bus, {
      fulfilment: salesFulfilment,
      timeoutMs: config.platformTimeoutMs,
    }),
    replenishment,
    printTemplates: new PrintTemplateService(ds, audit),
    // big list exports written in the background (下载中心), one process per job (a lease)
    exportJobs: new ExportJobService(ds, {
      backgroundRows: config.exportBackgroundRows,
      keepHours: config.exportKeepHours,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;

// registers the services as `ctx.services` (core/context declares the interface, knowing no module)
declare module './core/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Services extends ReturnType<typeof createServices> {}
}
