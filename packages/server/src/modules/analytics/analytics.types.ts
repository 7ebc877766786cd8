import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

export const AnalysisDimension = {
  WAREHOUSE: 'WAREHOUSE',
  SKU: 'SKU',
  CATEGORY: 'CATEGORY',
  BRAND: 'BRAND',
  CUSTOMER: 'CUSTOMER',
  CUSTOMER_TIER: 'CUSTOMER_TIER',
  SALESPERSON: 'SALESPERSON',
  CHANNEL: 'CHANNEL',
  STORE: 'STORE',
  SUPPLIER: 'SUPPLIER',
  DAY: 'DAY',
  WEEK: 'WEEK',
  MONTH: 'MONTH',
  QUARTER: 'QUARTER',
} as const;
export type AnalysisDimension = keyof typeof AnalysisDimension;
registerEnumType(AnalysisDimension, {
  name: 'AnalysisDimension',
  description:
    'What a row is grouped by. SUPPLIER: the supplier whose receipt last brought the SKU into the warehouse. ' +
    'CUSTOMER, CUSTOMER_TIER need sales.customer.read; SUPPLIER needs purchasing.supplier.read; SALESPERSON needs system.user.read.',
});

export const AnalysisMeasure = {
  QUANTITY: 'QUANTITY',
  REVENUE: 'REVENUE',
  COGS: 'COGS',
  MARGIN: 'MARGIN',
  MARGIN_PCT: 'MARGIN_PCT',
  STOCK_VALUE: 'STOCK_VALUE',
  TURNOVER: 'TURNOVER',
  DAYS_OF_SUPPLY: 'DAYS_OF_SUPPLY',
  WAREHOUSE_COST: 'WAREHOUSE_COST',
  NET_MARGIN: 'NET_MARGIN',
} as const;
export type AnalysisMeasure = keyof typeof AnalysisMeasure;
registerEnumType(AnalysisMeasure, {
  name: 'AnalysisMeasure',
  description:
    'Each needs the permission of its field on AnalysisRow (asking for one without it is FORBIDDEN). ' +
    "STOCK_VALUE, TURNOVER and DAYS_OF_SUPPLY are stock figures, WAREHOUSE_COST (the warehouses' monthly fees allocated to the SKUs, dated on the month's last day) and NET_MARGIN (margin − warehouse cost) too: only with warehouse, SKU, category, brand, supplier or period rows.",
});

/** AnalysisRow field of each measure (the field carries its permission). */
export const MEASURE_FIELD: Record<AnalysisMeasure, keyof AnalysisRow> = {
  QUANTITY: 'quantity',
  REVENUE: 'revenue',
  COGS: 'cogs',
  MARGIN: 'margin',
  MARGIN_PCT: 'marginPct',
  STOCK_VALUE: 'stockValue',
  TURNOVER: 'turnover',
  DAYS_OF_SUPPLY: 'daysOfSupply',
  WAREHOUSE_COST: 'warehouseCost',
  NET_MARGIN: 'netMargin',
};

@InputType()
export class AnalysisFilter {
  @Field(() => [ID], { nullable: true }) warehouseIds?: string[];
  @Field(() => [ID], { nullable: true }) skuIds?: string[];
  @Field(() => ID, { nullable: true, description: 'includes sub-categories' }) categoryId?: string;
  @Field(() => ID, { nullable: true }) brandId?: string;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => ID, { nullable: true }) tierId?: string;
  @Field(() => ID, { nullable: true }) salespersonId?: string;
  @Field(() => ID, { nullable: true }) channelId?: string;
  @Field(() => ID, { nullable: true }) storeId?: string;
  @Field(() => ID, { nullable: true }) supplierId?: string;
}

@InputType()
export class AnalysisInput {
  @Field({ description: 'First business day (YYYY-MM-DD).' }) from: string;
  @Field({ description: 'Last business day (YYYY-MM-DD), inclusive.' }) to: string;
  @Field(() => [AnalysisDimension], { description: 'None, one or two: the rows (and columns of a cross-tab).' })
  dimensions: AnalysisDimension[];
  @Field(() => [AnalysisMeasure]) measures: AnalysisMeasure[];
  @Field(() => AnalysisFilter, { nullable: true }) filter?: AnalysisFilter;
}

@ObjectType({
  description: 'One cell of the analysis: a pair of dimension values and the measures asked for (others null).',
})
export class AnalysisRow {
  @Field(() => String, {
    nullable: true,
    description: 'First dimension value (an id, or a period key); null in the total.',
  })
  key1: string | null;
  @Field(() => String, { nullable: true }) label1: string | null;
  @Field(() => String, { nullable: true }) key2: string | null;
  @Field(() => String, { nullable: true }) label2: string | null;
  @SensitiveField('AnalysisRow', () => DecimalScalar, P.StockBalanceRead, 'Quantity sold, net of returns.')
  quantity: string | null;
  @SensitiveField('AnalysisRow', () => DecimalScalar, P.CatalogSalePriceRead, 'Revenue, net of returns.')
  revenue: string | null;
  @SensitiveField(
    'AnalysisRow',
    () => DecimalScalar,
    P.StockCostRead,
    'Cost of goods sold, net of returns taken back into stock.',
  )
  cogs: string | null;
  @SensitiveField('AnalysisRow', () => DecimalScalar, P.SalesMarginRead, 'Revenue − COGS.')
  margin: string | null;
  @SensitiveField('AnalysisRow', () => DecimalScalar, P.SalesMarginRead, 'Margin ÷ revenue × 100.')
  marginPct: string | null;
  @SensitiveField('AnalysisRow', () => DecimalScalar, P.StockCostRead, 'Stock value at the end of the period.')
  stockValue: string | null;
  @SensitiveField('AnalysisRow', () => DecimalScalar, P.StockCostRead, 'COGS ÷ average stock value.')
  turnover: string | null;
  @SensitiveField('AnalysisRow', () => DecimalScalar, P.StockBalanceRead, 'Closing quantity ÷ quantity sold per day.')
  daysOfSupply: string | null;
  @SensitiveField(
    'AnalysisRow',
    () => DecimalScalar,
    P.StockCostRead,
    "Warehouse fees (storage by space-days, handling by lines moved) allocated to the cell, dated on the month's last day.",
  )
  warehouseCost: string | null;
  @SensitiveField('AnalysisRow', () => DecimalScalar, P.SalesMarginRead, 'Margin − warehouse cost.')
  netMargin: string | null;
  @Field(() => Int, {
    description:
      'How many rows the drill-down of this cell lists (shipment and return lines, warehouse-fee shares); 0 for a cell that is only a stock position: nothing to drill into.',
  })
  drillRows: number;
}

@ObjectType()
export class AnalysisResult {
  @Field(() => [AnalysisDimension]) dimensions: AnalysisDimension[];
  @Field(() => [AnalysisMeasure]) measures: AnalysisMeasure[];
  @Field(() => [AnalysisRow]) rows: AnalysisRow[];
  @Field(() => AnalysisRow) total: AnalysisRow;
}

@ObjectType({ description: 'A document line behind an analysis figure.' })
export class AnalysisDocument {
  @Field({ description: 'sales_shipment or sales_return' }) documentType: string;
  @Field(() => ID) documentId: number;
  @Field() documentNumber: string;
  @Field() businessDate: string;
  @Field(() => ID) lineId: number;
  @Field(() => ID) warehouseId: number;
  @Field() warehouse: string;
  @Field(() => ID) skuId: number;
  @Field() sku: string;
  @Field() customer: string;
  @SensitiveField('AnalysisDocument', () => DecimalScalar, P.StockBalanceRead) quantity: string | null;
  @SensitiveField('AnalysisDocument', () => DecimalScalar, P.CatalogSalePriceRead) revenue: string | null;
  @SensitiveField('AnalysisDocument', () => DecimalScalar, P.StockCostRead) cogs: string | null;
  @SensitiveField('AnalysisDocument', () => DecimalScalar, P.SalesMarginRead) margin: string | null;
}

@ObjectType({ description: 'A stock ledger row behind an analysis figure (entries and their re-costs).' })
export class AnalysisLedgerRow {
  @Field(() => ID) id: string;
  @Field() businessDate: string;
  @Field(() => ID) warehouseId: number;
  @Field(() => ID) skuId: number;
  @Field() documentType: string;
  @Field(() => ID) documentId: number;
  @Field() documentNumber: string;
  @Field({ description: 'in, out or recost' }) kind: string;
  @Field(() => DecimalScalar) qty: string;
  @SensitiveField('AnalysisLedgerRow', () => DecimalScalar, P.StockCostRead) unitCost: string | null;
  @SensitiveField('AnalysisLedgerRow', () => DecimalScalar, P.StockCostRead) value: string | null;
  @Field(() => String, { nullable: true, description: 'recost: the document that changed the value' })
  causeNumber: string | null;
}

@ObjectType({
  description:
    "A SKU's share of a warehouse's monthly fees behind a warehouse-cost figure (仓储费分摊), with the fee it comes from.",
})
export class AnalysisFeeRow {
  @Field(() => ID) feeId: number;
  @Field({ description: 'YYYY-MM; the analysis dates the fee on its last day.' }) month: string;
  @Field(() => ID) warehouseId: number;
  @Field() warehouse: string;
  @Field(() => ID) skuId: number;
  @Field() sku: string;
  @Field(() => DecimalScalar, { description: 'Σ over the days of the quantity on hand at the day’s end (base units).' })
  spaceDays: string;
  @Field(() => Int, { description: 'Ledger lines moved in the month.' }) lines: number;
  @SensitiveField('AnalysisFeeRow', () => DecimalScalar, P.StockCostRead, 'Its share of the storage fee.')
  storage: string | null;
  @SensitiveField('AnalysisFeeRow', () => DecimalScalar, P.StockCostRead, 'Its share of the handling fee.')
  handling: string | null;
  @SensitiveField('AnalysisFeeRow', () => DecimalScalar, P.StockCostRead, 'storage + handling.')
  total: string | null;
  @SensitiveField('AnalysisFeeRow', () => DecimalScalar, P.StockCostRead, "The warehouse's storage fee that month.")
  feeStorage: string | null;
  @SensitiveField('AnalysisFeeRow', () => DecimalScalar, P.StockCostRead, "The warehouse's handling fee that month.")
  feeHandling: string | null;
  @Field() memo: string;
}

@ObjectType()
export class AnalysisDrill {
  @Field(() => [AnalysisDocument]) documents: AnalysisDocument[];
  @Field(() => [AnalysisLedgerRow]) ledger: AnalysisLedgerRow[];
  @Field(() => [AnalysisFeeRow], {
    description:
      'With WAREHOUSE_COST or NET_MARGIN asked for: the fee shares behind the cell (its warehouse-cost figure is their total).',
  })
  warehouseFees: AnalysisFeeRow[];
}

@ObjectType({ description: 'Stock that has not moved (no receipt or issue) for a number of days.' })
export class SlowStockRow {
  @Field(() => ID) warehouseId: number;
  @Field() warehouse: string;
  @Field(() => ID) skuId: number;
  @Field() sku: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Null while an open count covers it and the user counts blind.',
  })
  qty: string | null;
  @Field(() => String, { nullable: true }) lastMove: string | null;
  @Field(() => Int, { description: 'Days since the last move (to today).' }) idleDays: number;
  @Field({ description: 'Idle for at least twice the threshold: dead stock.' }) dead: boolean;
  @SensitiveField('SlowStockRow', () => DecimalScalar, P.StockCostRead, 'Value at risk: its stock value.')
  value: string | null;
}

@ObjectType({ description: 'Stock in a batch expiring within the window (or expired).' })
export class NearExpiryRow {
  @Field(() => ID) warehouseId: number;
  @Field() warehouse: string;
  @Field(() => ID) skuId: number;
  @Field() sku: string;
  @Field(() => ID) batchId: number;
  @Field() batchNo: string;
  @Field() expiryDate: string;
  @Field(() => Int, { description: 'Days from today to the expiry date (negative: expired).' }) daysLeft: number;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Null while an open count covers it and the user counts blind.',
  })
  qty: string | null;
  @SensitiveField('NearExpiryRow', () => DecimalScalar, P.StockCostRead, 'At the warehouse × SKU average unit cost.')
  value: string | null;
}
