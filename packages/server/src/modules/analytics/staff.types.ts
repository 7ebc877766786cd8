import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Matches } from 'class-validator';
import { DecimalScalar } from '../../core/decimal';
import { DecimalInput } from '../../core/decimal-input';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

@ObjectType({ description: "A salesperson's figures in a period, against their targets." })
export class SalesStaffRow {
  @Field(() => ID) userId: number;
  @Field() name: string;
  @SensitiveField('SalesStaffRow', () => DecimalScalar, P.CatalogSalePriceRead, 'Revenue net of returns.')
  revenue: string | null;
  @SensitiveField('SalesStaffRow', () => DecimalScalar, P.SalesMarginRead) margin: string | null;
  @Field(() => Int, {
    description: 'Orders confirmed (not draft, waiting or cancelled) with an order date in the period.',
  })
  orders: number;
  @Field(() => Int, { description: 'Customers they own created in the period.' }) newCustomers: number;
  @SensitiveField(
    'SalesStaffRow',
    () => DecimalScalar,
    P.SalesReceivableRead,
    'Payments received from their customers.',
  )
  collections: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Returned ÷ shipped quantity × 100 (their orders, in the period).',
  })
  returnsRate: string | null;
  @SensitiveField(
    'SalesStaffRow',
    () => DecimalScalar,
    P.CatalogSalePriceRead,
    'Σ the monthly targets of the months in the period.',
  )
  target: string | null;
  @SensitiveField('SalesStaffRow', () => DecimalScalar, P.CatalogSalePriceRead, 'Revenue ÷ target × 100.')
  achievement: string | null;
  @Field(() => Int, {
    description:
      'Shipment and return lines of their orders in the period: what revenue and margin sum (their drill-down).',
  })
  salesLines: number;
  @Field(() => Int, {
    description: 'Payments received from their customers in the period (the collections drill-down).',
  })
  payments: number;
}

@ObjectType({ description: "A purchaser's orders in a period: on-time deliveries and cycle time." })
export class PurchasingStaffRow {
  @Field(() => ID) userId: number;
  @Field() name: string;
  @Field(() => Int, { description: 'Orders they created with an order date in the period (not drafts or cancelled).' })
  orders: number;
  @Field(() => Int, { description: 'Of those, received (at least partly).' }) received: number;
  @Field(() => Int, { description: 'Of the received with an expected date, first received on or before it.' })
  onTime: number;
  @Field(() => String, { nullable: true, description: 'onTime ÷ received with an expected date × 100.' }) onTimeRate:
    string | null;
  @Field(() => String, { nullable: true, description: 'Average days from order date to first receipt.' })
  cycleDays: string | null;
  @Field(() => Int, { description: 'Their order lines with an agreed price (供货协议价) on the order date.' })
  agreedLines: number;
  @SensitiveField(
    'PurchasingStaffRow',
    () => DecimalScalar,
    P.PurchasingSupplierPriceRead,
    'Σ qty × (price − agreed price) over the lines with an agreed price: what they paid above the agreements (negative: below).',
  )
  overAgreed: string | null;
  @SensitiveField(
    'PurchasingStaffRow',
    () => DecimalScalar,
    P.PurchasingSupplierPriceRead,
    '(Σ qty × price ÷ Σ qty × agreed price − 1) × 100 over the lines with an agreed price; null without any.',
  )
  vsAgreedPct: string | null;
  @Field(() => Int, { description: 'Their order lines of a SKU bought before (a last price paid).' })
  lastPricedLines: number;
  @SensitiveField(
    'PurchasingStaffRow',
    () => DecimalScalar,
    P.CatalogPurchasePriceRead,
    'Σ qty × (price − last price paid) over the lines of a SKU bought before: above the last price (negative: below).',
  )
  overLast: string | null;
  @SensitiveField(
    'PurchasingStaffRow',
    () => DecimalScalar,
    P.CatalogPurchasePriceRead,
    '(Σ qty × price ÷ Σ qty × last price − 1) × 100 over those lines; null without any.',
  )
  vsLastPct: string | null;
}

@ObjectType({
  description:
    'An order line of a purchaser against the agreed price and the last price paid (the drill-down of their price figures).',
})
export class PurchasePriceLine {
  @Field(() => ID) orderId: number;
  @Field() orderNumber: string;
  @Field() orderDate: string;
  @Field() supplier: string;
  @Field(() => ID) skuId: number;
  @Field() sku: string;
  @Field(() => DecimalScalar) qty: string;
  @SensitiveField('PurchasePriceLine', () => DecimalScalar, P.CatalogPurchasePriceRead, 'The order price.')
  price: string | null;
  @SensitiveField(
    'PurchasePriceLine',
    () => DecimalScalar,
    P.PurchasingSupplierPriceRead,
    'The agreed price on the order date; null without one.',
  )
  agreedPrice: string | null;
  @SensitiveField(
    'PurchasePriceLine',
    () => DecimalScalar,
    P.PurchasingSupplierPriceRead,
    'qty × (price − agreed price).',
  )
  overAgreed: string | null;
  @SensitiveField(
    'PurchasePriceLine',
    () => DecimalScalar,
    P.CatalogPurchasePriceRead,
    'The price of the SKU on the latest earlier order; null when never bought before.',
  )
  lastPrice: string | null;
  @Field(() => String, { nullable: true, description: 'The order the last price comes from.' })
  lastOrderNumber: string | null;
  @SensitiveField('PurchasePriceLine', () => DecimalScalar, P.CatalogPurchasePriceRead, 'qty × (price − last price).')
  overLast: string | null;
}

@ObjectType({ description: "A keeper's lines on one business day, and their counts' accuracy." })
export class WarehouseStaffRow {
  @Field(() => ID) userId: number;
  @Field() name: string;
  @Field() day: string;
  @Field(() => Int) linesReceived: number;
  @Field(() => Int) linesShipped: number;
  @Field(() => Int, { description: 'Lines of stock documents (transfers, other moves) they posted.' })
  linesMoved: number;
  @Field(() => Int) countsMade: number;
  @Field(() => Int, { description: 'Counts equal to the line’s final quantity.' }) countsRight: number;
}

@ObjectType()
export class StaffPerformance {
  @Field(() => [SalesStaffRow]) sales: SalesStaffRow[];
  @Field(() => [PurchasingStaffRow]) purchasing: PurchasingStaffRow[];
  @Field(() => [WarehouseStaffRow]) warehouse: WarehouseStaffRow[];
}

export const StaffFigure = {
  SALES: 'SALES',
  ORDERS: 'ORDERS',
  COLLECTIONS: 'COLLECTIONS',
  PURCHASE_ORDERS: 'PURCHASE_ORDERS',
  RECEIPTS: 'RECEIPTS',
  SHIPMENTS: 'SHIPMENTS',
  MOVES: 'MOVES',
} as const;
export type StaffFigure = keyof typeof StaffFigure;
registerEnumType(StaffFigure, {
  name: 'StaffFigure',
  description: 'Which figure of a person to list the documents of.',
});

@ObjectType({ description: 'A document behind a staff figure.' })
export class StaffDocument {
  @Field() documentType: string;
  @Field(() => ID) documentId: number;
  @Field() documentNumber: string;
  @Field() businessDate: string;
  @Field(() => Int, { description: 'Lines (for warehouse figures).' }) lines: number;
  @SensitiveField('StaffDocument', () => DecimalScalar, P.CatalogSalePriceRead, 'Revenue, or the payment.')
  amount: string | null;
}

@InputType()
export class SalesTargetInput {
  @Field(() => ID) userId: string;
  @Field({ description: 'YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'a month as YYYY-MM' })
  month: string;
  @DecimalInput(18, 2) revenue: string;
}
