import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { DecimalScalar } from '../../core/decimal';
import { KeysetPaginated, Paginated } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';
import { PurchaseOrder, PurchaseOrderStatus } from './purchase-order.entity';
import { PurchaseReceipt, PurchaseReturn } from './purchase-receipt.entity';
import { SupplierInvoice, SupplierPayment } from './supplier-invoice.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMsg = { message: 'a date like 2026-11-25' };

@InputType()
export class PurchaseOrderLineInput {
  @Field(() => ID) skuId: string;
  @DecimalInput(18, 6, { description: 'In the base unit.' }) qty: string;
  @DecimalInput(18, 6, {
    nullable: true,
    description: "Per base unit; the supplier's agreed price on the order date when omitted.",
  })
  price?: string;
}

@InputType()
export class CreatePurchaseOrderInput {
  @Field(() => ID) supplierId: string;
  @Field(() => ID) warehouseId: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, today when omitted' })
  @IsOptional()
  @Matches(DATE, dateMsg)
  orderDate?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, dateMsg) expectedDate?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
  @Field(() => [PurchaseOrderLineInput]) lines: PurchaseOrderLineInput[];
}

@InputType()
export class UpdatePurchaseOrderInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => ID, { nullable: true }) warehouseId?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, dateMsg) orderDate?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, dateMsg) expectedDate?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
  @Field(() => [PurchaseOrderLineInput], {
    nullable: true,
    description: 'Replaces all lines (prices default again from the agreement).',
  })
  lines?: PurchaseOrderLineInput[];
}

@InputType()
export class PurchaseOrderFilter {
  @Field(() => PurchaseOrderStatus, { nullable: true }) status?: PurchaseOrderStatus;
  @Field(() => ID, { nullable: true }) supplierId?: string;
  @Field(() => ID, { nullable: true }) warehouseId?: string;
  @Field({ nullable: true, description: 'number contains' }) number?: string;
  @Field({ nullable: true, description: 'order date from (YYYY-MM-DD)' }) from?: string;
  @Field({ nullable: true, description: 'order date to (YYYY-MM-DD)' }) to?: string;
  @Field({ nullable: true, description: 'only orders waiting for a decision I may take' }) awaitingMyDecision?: boolean;
}

export const PurchaseOrderPage = KeysetPaginated(PurchaseOrder, 'PurchaseOrderPage');

@InputType()
export class ApprovalStepInput {
  @Field(() => ID, { nullable: true, description: 'omit to add a step' }) id?: string;
  @Field(() => Int, { nullable: true, description: 'the current version when editing' }) version?: number;
  @Field(() => Int) level: number;
  @DecimalInput(18, 2) minAmount: string;
  @Field(() => [String]) roleCodes: string[];
}

@ObjectType({ description: 'The approval level an order waits for.' })
export class PendingApproval {
  @Field(() => Int) level: number;
  @Field(() => DecimalScalar) minAmount: string;
  @Field(() => [String]) roleCodes: string[];
}

@InputType()
export class ReceiptLineInput {
  @Field(() => ID) orderLineId: string;
  @DecimalInput(18, 6, { description: 'Accepted at inspection, base unit; posted to stock.' })
  acceptedQty: string;
  @DecimalInput(18, 6, { nullable: true, description: 'Rejected at inspection; not posted.' })
  rejectedQty?: string;
  @Field({ nullable: true, description: 'Required when something is rejected.' })
  @IsOptional()
  @Length(0, 200)
  rejectReason?: string;
  @Field({
    nullable: true,
    description:
      'The supplier will replace the rejected units, so they stay on order; false (the default): they are no longer expected.',
  })
  replacementExpected?: boolean;
  @Field(() => ID, { nullable: true }) binId?: string;
  @Field({ nullable: true, description: 'Required for batch-tracked products when something is accepted.' })
  @IsOptional()
  @Length(1, 60)
  batchNo?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, for a new batch' })
  @IsOptional()
  @Matches(DATE, dateMsg)
  expiryDate?: string;
  @Field({
    nullable: true,
    description:
      'Why a batch that has expired or expires within settings.expiryWarningDays is received anyway (required then: EXPIRY_REASON_REQUIRED).',
  })
  @IsOptional()
  @Length(0, 200)
  expiryReason?: string;
}

@InputType()
export class ReceivePurchaseOrderInput {
  @Field(() => ID) orderId: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, today when omitted' })
  @IsOptional()
  @Matches(DATE, dateMsg)
  businessDate?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
  @Field(() => [ReceiptLineInput]) lines: ReceiptLineInput[];
}

@InputType()
export class ReturnLineInput {
  @Field(() => ID) receiptLineId: string;
  @DecimalInput(18, 6) qty: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'The bin the goods leave from when they moved since they came in (e.g. into a quarantine bin); default: the bin they were received into.',
  })
  binId?: string;
}

@InputType()
export class PurchaseReturnInput {
  @Field(() => ID) receiptId: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, today when omitted' })
  @IsOptional()
  @Matches(DATE, dateMsg)
  businessDate?: string;
  @Field() @Length(1, 500) reason: string;
  @Field(() => [ReturnLineInput]) lines: ReturnLineInput[];
}

@InputType()
export class PurchaseDocFilter {
  @Field(() => ID, { nullable: true }) orderId?: string;
  @Field(() => ID, { nullable: true }) supplierId?: string;
  @Field(() => ID, { nullable: true }) warehouseId?: string;
}

export const PurchaseReceiptPage = Paginated(PurchaseReceipt, 'PurchaseReceiptPage');
export const PurchaseReturnPage = Paginated(PurchaseReturn, 'PurchaseReturnPage');

@InputType()
export class InvoiceLineInput {
  @Field(() => ID) receiptLineId: string;
  @DecimalInput(18, 6) qty: string;
  @DecimalInput(18, 6, { description: 'Per base unit; must equal the order price within 0.01.' })
  unitPrice: string;
}

@InputType()
export class CreateSupplierInvoiceInput {
  @Field(() => ID) supplierId: string;
  @Field() @Length(1, 60) invoiceNo: string;
  @Field() @Matches(DATE, dateMsg) invoiceDate: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
  @Field(() => [InvoiceLineInput]) lines: InvoiceLineInput[];
}

@InputType()
export class RecordSupplierPaymentInput {
  @Field(() => ID) supplierId: string;
  @DecimalInput(18, 2) amount: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, today when omitted' })
  @IsOptional()
  @Matches(DATE, dateMsg)
  paidOn?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 100) reference?: string;
}

export const SupplierInvoicePage = Paginated(SupplierInvoice, 'SupplierInvoicePage');
export const SupplierPaymentPage = Paginated(SupplierPayment, 'SupplierPaymentPage');

@ObjectType({ description: 'What is owed to a supplier: Σ invoices − Σ payments.' })
export class SupplierPayable {
  @Field(() => ID) supplierId: number;
  @Field() supplierCode: string;
  @Field() supplierName: string;
  @SensitiveField('SupplierPayable', () => DecimalScalar, P.PurchasingPayableRead) invoiced: string | null;
  @SensitiveField('SupplierPayable', () => DecimalScalar, P.PurchasingPayableRead) paid: string | null;
  @SensitiveField('SupplierPayable', () => DecimalScalar, P.PurchasingPayableRead, 'invoiced − paid') open:
    string | null;
  @SensitiveField(
    'SupplierPayable',
    () => DecimalScalar,
    P.PurchasingPayableRead,
    'Open amount of invoices past their due date (paid oldest first).',
  )
  overdue: string | null;
  @SensitiveField('SupplierPayable', () => DecimalScalar, P.PurchasingPayableRead, 'Open, invoiced 0–30 days ago.')
  age0to30: string | null;
  @SensitiveField('SupplierPayable', () => DecimalScalar, P.PurchasingPayableRead, 'Open, invoiced 31–60 days ago.')
  age31to60: string | null;
  @SensitiveField('SupplierPayable', () => DecimalScalar, P.PurchasingPayableRead, 'Open, invoiced 61–90 days ago.')
  age61to90: string | null;
  @SensitiveField('SupplierPayable', () => DecimalScalar, P.PurchasingPayableRead, 'Open, invoiced over 90 days ago.')
  ageOver90: string | null;
}
