import 'reflect-metadata';
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { decimalRangeCheck } from './core/decimal-input';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import type { Context } from './core/context';
import { DecimalScalar } from './core/decimal';
import { authChecker } from './core/permissions/guard';
import { AuditResolver } from './modules/audit/audit.resolver';
import { createAuditPubSub, redact, type AuditPubSub } from './modules/audit/audit.service';
import { AuthResolver, RoleResolver, UserResolver } from './modules/auth/auth.resolver';
import { CatalogResolver, ProductFieldResolver, SkuFieldResolver } from './modules/catalog/catalog.resolver';
import { LocationResolver } from './modules/stock/location.resolver';
import { WarehouseResolver } from './modules/stock/warehouse.resolver';
import {
  IdempotencyResolver,
  StockDocumentLineResolver,
  StockDocumentResolver,
  StockReportResolver,
} from './modules/stock/stock.resolver';
import { SystemResolver } from './modules/system/system.resolver';
import { AlertDigestResolver, NotificationResolver } from './modules/alerts/alert.resolver';
import { AnalyticsResolver } from './modules/analytics/analytics.resolver';
import { StaffResolver } from './modules/analytics/staff.resolver';
import { WarehouseFeeResolver } from './modules/analytics/warehouse-fee.resolver';
import { FinanceResolver, VoucherResolver } from './modules/analytics/finance.resolver';
import {
  AbcResolver,
  CycleCountDueResolver,
  StocktakeCountResolver,
  StocktakeLineResolver,
  StocktakeResolver,
} from './modules/stocktake/stocktake.resolver';
import { ApiClientResolver } from './modules/integration/api-client.resolver';
import {
  TplRequestResolver,
  TplResolver,
  TplReviewResolver,
  TplTransferDestinationResolver,
  TplWarehouseResolver,
} from './modules/integration/tpl.resolver';
import { WebhookResolver } from './modules/integration/webhook.resolver';
import { PlatformConnectionResolver, PlatformResolver } from './modules/integration/platform.resolver';
import { inTransaction } from './core/db';
import { CustomerResolver, SalesSetupResolver } from './modules/sales/customer.resolver';
import { PriceListResolver } from './modules/sales/price-list.resolver';
import { SalesOrderLineResolver, SalesOrderResolver } from './modules/sales/sales-order.resolver';
import { SalesShipmentLineResolver, SalesShipmentResolver } from './modules/sales/sales-shipment.resolver';
import { SalesReturnLineResolver, SalesReturnResolver } from './modules/sales/sales-return.resolver';
import { CustomerPaymentResolver, SalesInvoiceResolver } from './modules/sales/receivable.resolver';
import { SupplierPriceResolver, SupplierResolver } from './modules/partners/supplier.resolver';
import { CartQuoteResolver, CouponResolver, PromotionResolver } from './modules/promotions/promotion.resolver';
import {
  BirthdayOfferResolver,
  LuckyDrawEntryResolver,
  LuckyDrawPrizeResolver,
  LuckyDrawResolver,
} from './modules/promotions/draw.resolver';
import {
  BirthdayOfferLabelResolver,
  CouponCodeLabelResolver,
  CouponRedemptionLabelResolver,
  LuckyDrawEntryLabelResolver,
} from './modules/promotions/related.resolver';
import {
  PurchaseOrderResolver,
  PurchaseReceiptResolver,
  PurchaseReturnResolver,
  ReplenishmentResolver,
  SupplierEvaluationResolver,
  SupplierInvoiceResolver,
} from './modules/purchasing/purchasing.resolver';
import { LandedCostResolver } from './modules/purchasing/landed-cost.resolver';
import { ListExportResolver } from './modules/output/list-export.resolver';
import { PrintTemplateResolver } from './modules/output/print-template.resolver';
import { registerListExports } from './core/list-export';
import { purchasingListExports } from './modules/purchasing/list-exports';
import { partnersListExports } from './modules/partners/list-exports';
import { stockListExports } from './modules/stock/list-exports';
import { stocktakeListExports } from './modules/stocktake/list-exports';
import { salesListExports } from './modules/sales/list-exports';
import { analyticsListExports } from './modules/analytics/list-exports';
import { auditListExports } from './modules/audit/list-exports';
import { authListExports } from './modules/auth/list-exports';
import { catalogListExports } from './modules/catalog/list-exports';
import { promotionListExports } from './modules/promotions/list-exports';

// every list page's export, declared by the module that owns the list (core/list-export)
registerListExports([
  ...purchasingListExports,
  ...partnersListExports,
  ...stockListExports,
  ...stocktakeListExports,
  ...salesListExports,
  ...analyticsListExports,
  ...auditListExports,
  ...authListExports,
  ...catalogListExports,
  ...promotionListExports,
]);

export const resolvers: NonEmptyArray<new (...args: any[]) => unknown> = [
  AuthResolver,
  UserResolver,
  PromotionResolver,
  CartQuoteResolver,
  CouponResolver,
  LuckyDrawResolver,
  LuckyDrawPrizeResolver,
  LuckyDrawEntryResolver,
  BirthdayOfferResolver,
  CouponCodeLabelResolver,
  CouponRedemptionLabelResolver,
  LuckyDrawEntryLabelResolver,
  BirthdayOfferLabelResolver,
  RoleResolver,
  AuditResolver,
  WarehouseResolver,
  SystemResolver,
  StockDocumentResolver,
  StockDocumentLineResolver,
  StockReportResolver,
  IdempotencyResolver,
  NotificationResolver,
  AlertDigestResolver,
  AnalyticsResolver,
  StaffResolver,
  WarehouseFeeResolver,
  FinanceResolver,
  VoucherResolver,
  StocktakeResolver,
  StocktakeLineResolver,
  StocktakeCountResolver,
  AbcResolver,
  CycleCountDueResolver,
  CatalogResolver,
  ProductFieldResolver,
  SkuFieldResolver,
  LocationResolver,
  SupplierResolver,
  SupplierPriceResolver,
  PurchaseOrderResolver,
  PurchaseReceiptResolver,
  PurchaseReturnResolver,
  LandedCostResolver,
  SupplierInvoiceResolver,
  SupplierEvaluationResolver,
  ReplenishmentResolver,
  CustomerResolver,
  SalesSetupResolver,
  PriceListResolver,
  SalesOrderResolver,
  SalesOrderLineResolver,
  SalesShipmentResolver,
  SalesShipmentLineResolver,
  SalesReturnResolver,
  SalesReturnLineResolver,
  SalesInvoiceResolver,
  CustomerPaymentResolver,
  TplResolver,
  TplRequestResolver,
  TplReviewResolver,
  TplWarehouseResolver,
  TplTransferDestinationResolver,
  ApiClientResolver,
  WebhookResolver,
  PlatformResolver,
  ListExportResolver,
  PrintTemplateResolver,
  PlatformConnectionResolver,
];

/**
 * Every successful mutation leaves an audit row. Services write a precise one (before/after) in
 * their own transaction; any mutation that did not gets a generic row with its redacted arguments.
 */
async function auditEveryMutation(
  context: Context,
  fieldName: string,
  args: Record<string, unknown>,
  run: () => unknown,
): Promise<unknown> {
  context.auditWritten = false;
  const result = await run();
  if (!context.auditWritten) {
    await inTransaction(context.services.ds, (tx) =>
      context.services.audit.record(tx, context, {
        action: `api.${fieldName}`,
        entityType: '',
        after: redact(args),
      }),
    );
  }
  return result;
}

/**
 * The two schema-wide rules, on the fields they concern only: the Decimal range check on fields
 * whose arguments carry bounded numbers, the audit row on the root mutations. They used to be
 * type-graphql global middlewares, which wrap every field of every object in an async chain: a
 * 200-line quote with its steps resolved some 10,000 fields as promises, and its CPU went to the
 * garbage collector and the async hooks (618 ms of API CPU a quote; bench/README.md). Unlike then,
 * the range check runs before the permission check: a refused user sending a too-large number gets
 * BAD_USER_INPUT instead of FORBIDDEN; nothing is written either way.
 */
function applySchemaRules(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getSubscriptionType()) continue;
    for (const field of Object.values(type.getFields())) {
      const check = decimalRangeCheck(field);
      const audited = type === mutation;
      if (!check && !audited) continue;
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        check?.(args);
        return audited
          ? auditEveryMutation(ctx, info.fieldName, args, () => resolve(source, args, ctx, info))
          : resolve(source, args, ctx, info);
      };
    }
  }
  return schema;
}

export function createSchema(pubSub?: AuditPubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    pubSub: (pubSub ?? createAuditPubSub()) as any,
    // the schema's text is emitted by `pnpm emit-schema` for the console's codegen
    emitSchemaFile: false,
  }).then((schema) => {
    void DecimalScalar;
    return applySchemaRules(schema);
  });
}
