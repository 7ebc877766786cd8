import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageInput, Paginated } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { Supplier } from '../partners';
import { PurchaseApprovalStep, PurchaseOrder, PurchaseOrderApproval, PurchaseOrderLine } from './purchase-order.entity';
import { PurchaseReceipt, PurchaseReceiptLine, PurchaseReturn, PurchaseReturnLine } from './purchase-receipt.entity';
import {
  ApprovalStepInput,
  CreatePurchaseOrderInput,
  CreateSupplierInvoiceInput,
  PendingApproval,
  PurchaseDocFilter,
  PurchaseOrderFilter,
  PurchaseOrderPage,
  PurchaseReceiptPage,
  PurchaseReturnInput,
  PurchaseReturnPage,
  ReceivePurchaseOrderInput,
  RecordSupplierPaymentInput,
  SupplierInvoicePage,
  SupplierPayable,
  SupplierPaymentPage,
  UpdatePurchaseOrderInput,
} from './purchasing.types';
import { SupplierInvoice, SupplierInvoiceLine, SupplierPayment } from './supplier-invoice.entity';
import { ScoreBucket, SupplierDelivery, SupplierScorecard } from './evaluation.types';
import { badInput } from '../../core/errors';
import { FixedSafetyStock, ReplenishmentSetting } from './replenishment.entity';
import { forecastFor, inWarehouseScope, pageFor, suggestionsFor } from './replenishment-scope';
import {
  DemandForecast,
  ReplenishmentFilter,
  ReplenishmentSettingInput,
  ReplenishmentSuggestion,
  SuggestionOrderLine,
  SetFixedSafetyStockInput,
} from './replenishment.types';
import { DocumentAction } from '../../core/actions';

const ReplenishmentPage = Paginated(ReplenishmentSuggestion, 'ReplenishmentPage');

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
export const checkDays = (days: Record<string, string | undefined | null>) => {
  const bad = Object.entries(days).filter(([, v]) => v && !DAY_RE.test(v));
  if (bad.length) throw badInput(bad.map(([field]) => ({ field, message: 'a date like 2026-11-25' })));
};

/** 供应商考核: scorecards per period and the receipts behind them. */
@Resolver()
export class SupplierEvaluationResolver {
  @Query(() => [SupplierScorecard], {
    description: 'Quality, delivery and price per supplier and period (default: the last 365 days, by quarter).',
  })
  @Allow(P.PurchasingSupplierRead)
  async supplierScorecards(
    @Ctx() ctx: Context,
    @Arg('supplierId', () => ID, { nullable: true }) supplierId?: string,
    @Arg('from', () => String, { nullable: true, description: 'YYYY-MM-DD' }) from?: string,
    @Arg('to', () => String, { nullable: true, description: 'YYYY-MM-DD' }) to?: string,
    @Arg('bucket', () => ScoreBucket, { nullable: true }) bucket?: ScoreBucket,
  ) {
    checkDays({ from, to });
    return ctx.services.supplierEvaluation.scorecards(
      { supplierId: supplierId ? Number(supplierId) || -1 : undefined, from: from ?? undefined, to: to ?? undefined },
      bucket ?? ScoreBucket.QUARTER,
    );
  }

  @Query(() => [SupplierDelivery], { description: 'The receipts behind a scorecard, oldest first.' })
  @Allow(P.PurchasingSupplierRead)
  async supplierDeliveries(
    @Ctx() ctx: Context,
    @Arg('supplierId', () => ID) supplierId: string,
    @Arg('from', () => String, { nullable: true }) from?: string,
    @Arg('to', () => String, { nullable: true }) to?: string,
  ) {
    checkDays({ from, to });
    return ctx.services.supplierEvaluation.deliveries({
      supplierId: Number(supplierId) || -1,
      from: from ?? undefined,
      to: to ?? undefined,
    });
  }
}

const KEY = { nullable: true, description: 'A retry with the same key returns the first result.' } as const;

@Resolver(() => PurchaseOrder)
export class PurchaseOrderResolver {
  @FieldResolver(() => [DocumentAction], {
    description: 'What the signed-in user can do to this document now (its state, their permissions and role).',
  })
  availableActions(@Root() doc: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.availableActions(ctx, doc);
  }

  @Query(() => PurchaseOrderPage)
  @Allow(P.PurchasingOrderRead)
  purchaseOrders(
    @Ctx() ctx: Context,
    @Arg('filter', () => PurchaseOrderFilter, { nullable: true }) filter?: PurchaseOrderFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.purchaseOrders.list(ctx, filter, page);
  }

  @Query(() => PurchaseOrder)
  @Allow(P.PurchasingOrderRead)
  purchaseOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.get(ctx, id);
  }

  @FieldResolver(() => [PurchaseOrderLine])
  lines(@Root() o: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.lines([o.id]);
  }

  @FieldResolver(() => [PurchaseOrderApproval], {
    description: 'Every decision on the order, oldest first (earlier rounds included).',
  })
  approvals(@Root() o: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.approvals(o.id);
  }

  @FieldResolver(() => PendingApproval, { nullable: true, description: 'The level a submitted order waits for.' })
  pendingApproval(@Root() o: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.pending(o);
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() o: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.services.suppliers.forRow(ctx, o.supplierId);
  }

  @FieldResolver(() => [PurchaseReceipt])
  async receipts(@Root() o: PurchaseOrder, @Ctx() ctx: Context) {
    return (await ctx.services.purchaseReceipts.receipts(ctx, { orderId: String(o.id) }, { offset: 0, limit: 200 }))
      .items;
  }

  @Mutation(() => PurchaseOrder, {
    description: 'A draft; prices default from the supplier agreement valid on the order date.',
  })
  @Allow(P.PurchasingOrderCreate)
  createPurchaseOrder(@Arg('input') input: CreatePurchaseOrderInput, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.create(ctx, input);
  }

  @Mutation(() => PurchaseOrder, { description: 'Edits a draft or a rejected order (which goes back to draft).' })
  @Allow(P.PurchasingOrderCreate)
  updatePurchaseOrder(@Arg('input') input: UpdatePurchaseOrderInput, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.update(ctx, input);
  }

  @Mutation(() => Boolean)
  @Allow(P.PurchasingOrderCreate)
  deletePurchaseOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.deleteDraft(ctx, id);
  }

  @Mutation(() => PurchaseOrder, {
    description: 'Numbers the order and sends it for approval at the levels its total needs.',
  })
  @Allow(P.PurchasingOrderCreate)
  submitPurchaseOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.submit(ctx, id);
  }

  @Mutation(() => PurchaseOrder, {
    description: 'Approves the pending level (and the following ones the approver also holds).',
  })
  @Allow(P.PurchasingOrderApprove)
  approvePurchaseOrder(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ) {
    return ctx.services.purchaseOrders.approve(ctx, id, comment);
  }

  @Mutation(() => PurchaseOrder)
  @Allow(P.PurchasingOrderApprove)
  rejectPurchaseOrder(
    @Arg('id', () => ID) id: string,
    @Arg('comment', () => String) comment: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.purchaseOrders.reject(ctx, id, comment);
  }

  @Mutation(() => PurchaseOrder, { description: 'Calls off an order nothing was received against.' })
  @Allow(P.PurchasingOrderCreate)
  cancelPurchaseOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.cancel(ctx, id);
  }

  @Mutation(() => PurchaseOrder, { description: 'No more receipts expected.' })
  @Allow(P.PurchasingOrderCreate)
  closePurchaseOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.close(ctx, id);
  }

  @Query(() => [PurchaseApprovalStep], { description: 'The approval rules.' })
  @Allow(P.PurchasingOrderRead)
  purchaseApprovalSteps(@Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.steps();
  }

  @Mutation(() => PurchaseApprovalStep, {
    description: 'Adds (no id) or edits (id + version) an approval level. Orders already submitted keep their levels.',
  })
  @Allow(P.PurchasingApprovalManage)
  savePurchaseApprovalStep(@Arg('input') input: ApprovalStepInput, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.saveStep(ctx, input);
  }

  @Mutation(() => Boolean)
  @Allow(P.PurchasingApprovalManage)
  deletePurchaseApprovalStep(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.deleteStep(ctx, id);
  }
}

@Resolver(() => PurchaseReceipt)
export class PurchaseReceiptResolver {
  @Query(() => PurchaseReceiptPage)
  @Allow(P.PurchasingOrderRead)
  purchaseReceipts(
    @Ctx() ctx: Context,
    @Arg('filter', () => PurchaseDocFilter, { nullable: true }) filter?: PurchaseDocFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.purchaseReceipts.receipts(ctx, filter, page);
  }

  @Query(() => PurchaseReceipt)
  @Allow(P.PurchasingOrderRead)
  purchaseReceipt(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.purchaseReceipts.receipt(ctx, id);
  }

  @FieldResolver(() => [PurchaseReceiptLine])
  lines(@Root() r: PurchaseReceipt, @Ctx() ctx: Context) {
    return ctx.services.purchaseReceipts.receiptLines([r.id]);
  }

  @Mutation(() => PurchaseReceipt, {
    description:
      'Receives and inspects goods against an approved order; accepted quantities post to stock at the order price.',
  })
  @Allow(P.PurchasingReceiptPost)
  receivePurchaseOrder(
    @Arg('input') input: ReceivePurchaseOrderInput,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey?: string,
  ) {
    return ctx.services.purchaseReceipts.receive(ctx, input, idempotencyKey);
  }
}

@Resolver(() => PurchaseReturn)
export class PurchaseReturnResolver {
  @Query(() => PurchaseReturnPage)
  @Allow(P.PurchasingOrderRead)
  purchaseReturns(
    @Ctx() ctx: Context,
    @Arg('filter', () => PurchaseDocFilter, { nullable: true }) filter?: PurchaseDocFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.purchaseReceipts.returns(ctx, filter, page);
  }

  @Query(() => PurchaseReturn)
  @Allow(P.PurchasingOrderRead)
  purchaseReturn(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.purchaseReceipts.purchaseReturn(ctx, id);
  }

  @FieldResolver(() => [PurchaseReturnLine])
  lines(@Root() r: PurchaseReturn, @Ctx() ctx: Context) {
    return ctx.services.purchaseReceipts.returnLines([r.id]);
  }

  @Mutation(() => PurchaseReturn, {
    description: 'Sends accepted goods of a receipt back to the supplier, at the value they came in at.',
  })
  @Allow(P.PurchasingReturnPost)
  returnToSupplier(
    @Arg('input') input: PurchaseReturnInput,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey?: string,
  ) {
    return ctx.services.purchaseReceipts.returnToSupplier(ctx, input, idempotencyKey);
  }
}

@Resolver(() => SupplierInvoice)
export class SupplierInvoiceResolver {
  @Query(() => SupplierInvoicePage)
  @Allow(P.PurchasingPayableRead)
  supplierInvoices(
    @Ctx() ctx: Context,
    @Arg('supplierId', () => ID, { nullable: true }) supplierId?: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.supplierInvoices.invoices(supplierId, page);
  }

  @FieldResolver(() => [SupplierInvoiceLine])
  lines(@Root() i: SupplierInvoice, @Ctx() ctx: Context) {
    return ctx.services.supplierInvoices.invoiceLines([i.id]);
  }

  @Mutation(() => SupplierInvoice, {
    description:
      'Records a supplier invoice matched to receipt lines (three-way match); a mismatch is INVOICE_MISMATCH.',
  })
  @Allow(P.PurchasingInvoiceManage)
  createSupplierInvoice(@Arg('input') input: CreateSupplierInvoiceInput, @Ctx() ctx: Context) {
    return ctx.services.supplierInvoices.create(ctx, input);
  }

  @Query(() => SupplierPaymentPage)
  @Allow(P.PurchasingPayableRead)
  supplierPayments(
    @Ctx() ctx: Context,
    @Arg('supplierId', () => ID, { nullable: true }) supplierId?: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.supplierInvoices.payments(supplierId, page);
  }

  @Mutation(() => SupplierPayment, { description: 'A payment to a supplier; at most the open amount.' })
  @Allow(P.FinancePaymentManage)
  recordSupplierPayment(@Arg('input') input: RecordSupplierPaymentInput, @Ctx() ctx: Context) {
    return ctx.services.supplierInvoices.pay(ctx, input);
  }

  @Query(() => [SupplierPayable], { description: 'Amount payable per supplier: Σ invoices − Σ payments.' })
  @Allow(P.PurchasingPayableRead)
  payables(@Ctx() ctx: Context, @Arg('supplierId', () => ID, { nullable: true }) supplierId?: string) {
    return ctx.services.supplierInvoices.payables(supplierId);
  }
}

/** 补货: suggestions with their arithmetic, one SKU's forecast, settings, and drafts from suggestions. */
@Resolver()
export class ReplenishmentResolver {
  @Query(() => [ReplenishmentSuggestion], {
    description: 'Per SKU of the warehouse: forecast, safety stock and the suggested order, with the arithmetic.',
  })
  @Allow(P.PurchasingOrderRead)
  replenishmentSuggestions(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Ctx() ctx: Context,
    @Arg('filter', () => ReplenishmentFilter, { nullable: true }) filter?: ReplenishmentFilter,
  ) {
    return suggestionsFor(ctx, warehouseId, filter ?? {});
  }

  @Query(() => ReplenishmentPage, {
    description:
      'The replenishment list a page at a time, filtered (search, category, preferred supplier, ABC class, needs ordering) before any forecast is made; SKUs in code order.',
  })
  @Allow(P.PurchasingOrderRead)
  replenishmentPage(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Ctx() ctx: Context,
    @Arg('filter', () => ReplenishmentFilter, { nullable: true }) filter?: ReplenishmentFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return pageFor(ctx, warehouseId, filter ?? {}, page);
  }

  @Query(() => DemandForecast)
  @Allow(P.PurchasingOrderRead)
  demandForecast(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('skuId', () => ID) skuId: string,
    @Ctx() ctx: Context,
  ) {
    return forecastFor(ctx, warehouseId, skuId);
  }

  @Query(() => [ReplenishmentSetting])
  @Allow(P.PurchasingOrderRead)
  replenishmentSettings(@Ctx() ctx: Context) {
    return ctx.services.replenishment.settings();
  }

  @Mutation(() => ReplenishmentSetting, {
    description: 'How a SKU or a category is replenished (forecast method, safety stock rule, review period).',
  })
  @Allow(P.PurchasingOrderCreate)
  saveReplenishmentSetting(@Arg('input') input: ReplenishmentSettingInput, @Ctx() ctx: Context) {
    return ctx.services.replenishment.saveSetting(ctx, input);
  }

  @Query(() => [FixedSafetyStock], { description: 'The fixed safety stocks of a warehouse.' })
  @Allow(P.PurchasingOrderRead)
  async fixedSafetyStocks(@Arg('warehouseId', () => ID) warehouseId: string, @Ctx() ctx: Context) {
    return ctx.services.replenishment.fixedSafetyStockList(inWarehouseScope(ctx, warehouseId));
  }

  @Mutation(() => FixedSafetyStock, {
    nullable: true,
    description:
      'Fixes the safety stock of a SKU in a warehouse (固定安全库存), which then wins over its rule; qty null removes it (null is returned).',
  })
  @Allow(P.PurchasingOrderCreate)
  setFixedSafetyStock(@Arg('input') input: SetFixedSafetyStockInput, @Ctx() ctx: Context) {
    inWarehouseScope(ctx, input.warehouseId);
    return ctx.services.replenishment.setFixedSafetyStock(ctx, input.warehouseId, input.skuId, input.qty);
  }

  @Mutation(() => [PurchaseOrder], {
    description: 'Draft purchase orders from chosen suggestions, one per supplier; all or nothing.',
  })
  @Allow(P.PurchasingOrderCreate)
  createPurchaseOrdersFromSuggestions(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('lines', () => [SuggestionOrderLine]) lines: SuggestionOrderLine[],
    @Ctx() ctx: Context,
  ) {
    return ctx.services.replenishment.createOrders(ctx, inWarehouseScope(ctx, warehouseId), lines);
  }
}
