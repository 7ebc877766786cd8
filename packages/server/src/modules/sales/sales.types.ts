import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { DecimalScalar } from '../../core/decimal';
import { KeysetPaginated, Paginated } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';
import { OrderPromotion, SalesOrder, SalesOrderStatus } from './sales-order.entity';
import { SalesShipment } from './sales-shipment.entity';
import { ReturnDisposition, ReturnReason, ReturnResolution, SalesReturn } from './sales-return.entity';
import { CustomerPayment, SalesInvoice } from './receivable.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_OR_EMPTY = /^(\d{4}-\d{2}-\d{2})?$/;
const dateMsg = { message: 'a date like 2026-11-25' };

@InputType()
export class SalesOrderLineInput {
  @Field(() => ID) skuId: string;
  @DecimalInput(18, 6, { description: 'In the base unit.' }) qty: string;
  @DecimalInput(18, 6, {
    nullable: true,
    description:
      "Per base unit; the pricing's price (price list for the customer's tier and the channel) when omitted.",
  })
  unitPrice?: string;
}

@InputType()
export class CreateSalesOrderInput {
  @Field(() => ID) customerId: string;
  @Field(() => ID) channelId: string;
  @Field(() => ID, { nullable: true }) storeId?: string;
  @Field(() => ID) warehouseId: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, today when omitted' })
  @IsOptional()
  @Matches(DATE, dateMsg)
  orderDate?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD: promised to ship by (not before the order date).' })
  @IsOptional()
  @Matches(DATE, dateMsg)
  promisedDate?: string;
  @Field({ nullable: true, description: "The customer's address when omitted." })
  @IsOptional()
  @Length(0, 500)
  shipTo?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
  @Field(() => [SalesOrderLineInput]) lines: SalesOrderLineInput[];
  @Field(() => [String], { nullable: true, description: 'Coupon codes (redeemed when the order is confirmed).' })
  couponCodes?: string[];
}

/** One line of an order priced without saving it (`previewSalesOrder`). */
@ObjectType()
export class SalesOrderPreviewLine {
  @Field(() => ID) skuId: string;
  @Field() skuCode: string;
  @Field() skuName: string;
  @Field(() => DecimalScalar) qty: string;
  @Field(() => DecimalScalar, { description: 'Net unit price after promotions and coupons.' }) unitPrice: string;
  @Field(() => DecimalScalar) amount: string;
  @Field(() => DecimalScalar, { description: 'What promotions and coupons took off this line.' }) discount: string;
  @Field({ description: 'A gift line at price 0.' }) gift: boolean;
  @Field(() => [String], { description: 'The price steps as the saved line keeps them (never with a cost).' })
  priceSteps: string[];
}

/** An order priced as saving it would, nothing written: the form shows it before the salesperson saves. */
@ObjectType()
export class SalesOrderPreview {
  @Field(() => DecimalScalar) total: string;
  @Field(() => DecimalScalar) discountTotal: string;
  @Field(() => [OrderPromotion]) promotions: OrderPromotion[];
  @Field(() => [String]) couponCodes: string[];
  @Field(() => [SalesOrderPreviewLine]) lines: SalesOrderPreviewLine[];
}

@InputType()
export class UpdateSalesOrderInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => ID, { nullable: true }) channelId?: string;
  @Field(() => ID, { nullable: true }) storeId?: string;
  @Field(() => ID, { nullable: true }) warehouseId?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD: promised to ship by; an empty string clears it.' })
  @IsOptional()
  @Matches(DATE_OR_EMPTY, dateMsg)
  promisedDate?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) shipTo?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
  @Field(() => [SalesOrderLineInput], {
    nullable: true,
    description: 'Replaces all lines (priced again); gift lines are made by the promotions, never sent.',
  })
  lines?: SalesOrderLineInput[];
  @Field(() => [String], { nullable: true, description: 'Replaces the coupon codes; omitted: kept.' })
  couponCodes?: string[];
}

export enum SalesOrderSort {
  NEWEST = 'newest',
  TOTAL = 'total',
  MARGIN = 'margin',
}
registerEnumType(SalesOrderSort, {
  name: 'SalesOrderSort',
  description: 'TOTAL needs catalog.price.sale.read, MARGIN sales.margin.read.',
});

@InputType()
export class SalesOrderFilter {
  @Field(() => SalesOrderStatus, { nullable: true }) status?: SalesOrderStatus;
  @Field(() => [SalesOrderStatus], { nullable: true, description: 'any of these' }) statuses?: SalesOrderStatus[];
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => ID, { nullable: true }) channelId?: string;
  @Field(() => ID, { nullable: true }) storeId?: string;
  @Field(() => ID, { nullable: true }) warehouseId?: string;
  @Field({ nullable: true, description: 'order number or customer code/name contains' }) search?: string;
  @Field({ nullable: true, description: 'order date from (YYYY-MM-DD)' }) from?: string;
  @Field({ nullable: true, description: 'order date to (YYYY-MM-DD)' }) to?: string;
}

@ObjectType()
export class SalesOrderPage extends KeysetPaginated(SalesOrder, 'SalesOrderPage') {}
@ObjectType()
export class SalesShipmentPage extends Paginated(SalesShipment, 'SalesShipmentPage') {}
@ObjectType()
export class SalesReturnPage extends Paginated(SalesReturn, 'SalesReturnPage') {}
@ObjectType()
export class SalesInvoicePage extends Paginated(SalesInvoice, 'SalesInvoicePage') {}
@ObjectType()
export class CustomerPaymentPage extends Paginated(CustomerPayment, 'CustomerPaymentPage') {}

@InputType()
export class ShipLineInput {
  @Field(() => ID) orderLineId: string;
  @DecimalInput(18, 6) qty: string;
  @Field({
    nullable: true,
    description:
      'The batch these units leave from (a batch-tracked SKU; a line per batch). Empty: the engine picks FEFO, then FIFO.',
  })
  @IsOptional()
  @Length(0, 60)
  batchNo?: string;
}

@InputType()
export class ShipSalesOrderInput {
  @Field(() => ID) orderId: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, today when omitted' })
  @IsOptional()
  @Matches(DATE, dateMsg)
  businessDate?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
  @Field({
    nullable: true,
    description: "The carrier's tracking number (an online store's order: pushed back to its platform).",
  })
  @IsOptional()
  @Length(0, 64)
  trackingNo?: string;
  @Field({ nullable: true, description: 'The carrier.' }) @IsOptional() @Length(0, 40) carrier?: string;
  @Field(() => [ShipLineInput]) lines: ShipLineInput[];
}

@InputType()
export class SalesReturnLineInput {
  @Field(() => ID) shipmentLineId: string;
  @DecimalInput(18, 6) qty: string;
  @Field(() => ReturnDisposition) disposition: ReturnDisposition;
}

@InputType()
export class SalesReturnInput {
  @Field(() => ID) shipmentId: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, today when omitted' })
  @IsOptional()
  @Matches(DATE, dateMsg)
  businessDate?: string;
  @Field(() => ReturnReason) reason: ReturnReason;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) note?: string;
  @Field(() => ReturnResolution) resolution: ReturnResolution;
  @Field(() => [SalesReturnLineInput]) lines: SalesReturnLineInput[];
}

@InputType()
export class CreateSalesInvoiceInput {
  @Field(() => ID) orderId: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, today when omitted' })
  @IsOptional()
  @Matches(DATE, dateMsg)
  invoiceDate?: string;
}

@InputType()
export class RecordCustomerPaymentInput {
  @Field(() => ID) customerId: string;
  @DecimalInput(18, 2) amount: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, today when omitted' })
  @IsOptional()
  @Matches(DATE, dateMsg)
  receivedOn?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 100) reference?: string;
}

@ObjectType({ description: 'Where a shipped line was picked: bin and batch (FEFO by expiry, then FIFO by receipt).' })
export class ShipmentPick {
  @Field(() => ID, { nullable: true }) binId: number | null;
  @Field(() => String, { nullable: true }) binCode: string | null;
  @Field(() => String, { nullable: true }) batchNo: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) expiryDate: string | null;
  @Field(() => DecimalScalar) qty: string;
}

@ObjectType({
  description:
    'On hand, reserved, not for sale (expired, quarantined) and available (on hand − reserved − expired − quarantined) of a SKU in a warehouse.',
})
export class SkuAvailability {
  @Field(() => ID) skuId: number;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Null while an open count covers it and the user counts blind.',
  })
  onHand: string | null;
  @Field(() => DecimalScalar) reserved: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'In batches expired before today: never sold. Null while an open count covers it and the user counts blind.',
  })
  expired: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'In quarantine bins (not expired): not for sale. Null while an open count covers it and the user counts blind.',
  })
  quarantined: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'What a confirmation may still reserve. Null while an open count covers it and the user counts blind.',
  })
  available: string | null;
}

@ObjectType({
  description: 'What a customer owes: Σ invoices − Σ credits (returns) − Σ payments, with the open invoices by age.',
})
export class CustomerReceivable {
  @Field(() => ID) customerId: number;
  @Field() customerCode: string;
  @Field() customerName: string;
  @SensitiveField('CustomerReceivable', () => DecimalScalar, P.SalesReceivableRead) invoiced: string | null;
  @SensitiveField('CustomerReceivable', () => DecimalScalar, P.SalesReceivableRead, 'Returns credited.') credited:
    string | null;
  @SensitiveField('CustomerReceivable', () => DecimalScalar, P.SalesReceivableRead) paid: string | null;
  @SensitiveField('CustomerReceivable', () => DecimalScalar, P.SalesReceivableRead, 'invoiced − credited − paid')
  balance: string | null;
  @SensitiveField(
    'CustomerReceivable',
    () => DecimalScalar,
    P.SalesReceivableRead,
    'Open amount of invoices 0–30 days old.',
  )
  age0to30: string | null;
  @SensitiveField('CustomerReceivable', () => DecimalScalar, P.SalesReceivableRead, '31–60 days old.') age31to60:
    string | null;
  @SensitiveField('CustomerReceivable', () => DecimalScalar, P.SalesReceivableRead, '61–90 days old.') age61to90:
    string | null;
  @SensitiveField('CustomerReceivable', () => DecimalScalar, P.SalesReceivableRead, 'More than 90 days old.')
  ageOver90: string | null;
  @SensitiveField('CustomerReceivable', () => DecimalScalar, P.SalesReceivableRead, 'Open amount past the due date.')
  overdue: string | null;
  @Field(() => Int, { description: 'Open invoices.' }) openInvoices: number;
}

@ObjectType({ description: "One month of a customer's purchases (orders confirmed, not cancelled)." })
export class CustomerSalesMonth {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => Int) orders: number;
  @SensitiveField('CustomerSalesMonth', () => DecimalScalar, P.CatalogSalePriceRead) amount: string | null;
}

@ObjectType({
  description:
    'Sales of a channel × store over a period: revenue = shipped − credited; COGS and margin need sales.margin.read.',
})
export class SalesOverviewRow {
  @Field(() => ID) channelId: number;
  @Field() channelCode: string;
  @Field() channelName: string;
  @Field(() => ID, { nullable: true }) storeId: number | null;
  @Field(() => String, { nullable: true }) storeName: string | null;
  @Field(() => Int, { description: 'Orders taken (confirmed or later) in the period.' }) orders: number;
  @SensitiveField('SalesOverviewRow', () => DecimalScalar, P.CatalogSalePriceRead) revenue: string | null;
  @SensitiveField('SalesOverviewRow', () => DecimalScalar, P.SalesMarginRead) cogs: string | null;
  @SensitiveField('SalesOverviewRow', () => DecimalScalar, P.SalesMarginRead) margin: string | null;
}

@ObjectType({ description: 'Revenue and margin of one channel on one day.' })
export class SalesOverviewDay {
  @Field({ description: 'YYYY-MM-DD' }) day: string;
  @Field() channelCode: string;
  @SensitiveField('SalesOverviewDay', () => DecimalScalar, P.CatalogSalePriceRead) revenue: string | null;
  @SensitiveField('SalesOverviewDay', () => DecimalScalar, P.SalesMarginRead) margin: string | null;
}

@ObjectType()
export class SalesOverview {
  @Field() from: string;
  @Field() to: string;
  @Field(() => [SalesOverviewRow]) rows: SalesOverviewRow[];
  @Field(() => [SalesOverviewDay]) days: SalesOverviewDay[];
  @SensitiveField('SalesOverview', () => DecimalScalar, P.CatalogSalePriceRead) revenue: string | null;
  @SensitiveField('SalesOverview', () => DecimalScalar, P.SalesMarginRead) cogs: string | null;
  @SensitiveField('SalesOverview', () => DecimalScalar, P.SalesMarginRead) margin: string | null;
}

@ObjectType({
  description:
    'An invoice of a customer as of a day: what payments and credits up to that day had settled (oldest invoice first).',
})
export class InvoiceAsOf {
  @Field(() => ID) invoiceId: number;
  @Field() number: string;
  @Field(() => ID) orderId: number;
  @Field() orderNumber: string;
  @Field() invoiceDate: string;
  @Field() dueDate: string;
  @SensitiveField('InvoiceAsOf', () => DecimalScalar, P.SalesReceivableRead) total: string | null;
  @SensitiveField('InvoiceAsOf', () => DecimalScalar, P.SalesReceivableRead) settled: string | null;
  @SensitiveField('InvoiceAsOf', () => DecimalScalar, P.SalesReceivableRead) open: string | null;
  @Field({ description: 'Open and past its due date on that day.' }) overdue: boolean;
}
