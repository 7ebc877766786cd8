import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../core/decimal';
import { Paginated } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

@ObjectType({ description: 'Stock of one SKU in one warehouse.' })
export class StockLevel {
  @Field(() => ID) warehouseId: number;
  @Field() warehouseCode: string;
  @Field(() => ID) skuId: number;
  @Field() skuCode: string;
  @Field() skuName: string;
  @Field() baseUnit: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'On hand. Null while an open count covers it and the user counts blind (stock.count.perform without stock.count.read).',
  })
  onHand: string | null;
  @Field(() => DecimalScalar) reserved: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Of on hand, in batches whose expiry date is before today: not for sale (scrap, return or quarantine). Null while an open count covers it and the user counts blind (stock.count.perform without stock.count.read).',
  })
  expired: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Of on hand, in quarantine bins and not expired: not for sale until moved out of quarantine. Null while an open count covers it and the user counts blind (stock.count.perform without stock.count.read).',
  })
  quarantined: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'on hand − reserved − expired − quarantined: what a sales order may still reserve. Null while an open count covers it and the user counts blind (stock.count.perform without stock.count.read).',
  })
  available: string | null;
  @SensitiveField('StockLevel', () => DecimalScalar, P.StockCostRead, 'Average unit cost.') unitCost: string | null;
  @SensitiveField('StockLevel', () => DecimalScalar, P.StockCostRead, 'Stock value.') value: string | null;
}
export const StockLevelPage = Paginated(StockLevel, 'StockLevelPage');

export const StockLevelSort = { SKU: 'SKU', ON_HAND: 'ON_HAND', VALUE: 'VALUE' } as const;
export type StockLevelSort = keyof typeof StockLevelSort;
registerEnumType(StockLevelSort, { name: 'StockLevelSort', description: 'VALUE needs stock.cost.read.' });

@InputType()
export class StockLevelFilter {
  @Field(() => ID, { nullable: true }) warehouseId?: string;
  @Field(() => ID, { nullable: true }) skuId?: string;
  @Field(() => ID, { nullable: true, description: 'includes sub-categories' }) categoryId?: string;
  @Field({ nullable: true, description: 'SKU code or name contains' }) search?: string;
  @Field({ nullable: true, description: 'also rows whose stock is zero' }) includeZero?: boolean;
}

@ObjectType({ description: 'Stock in one bin and batch.' })
export class BinBalance {
  @Field(() => ID) warehouseId: number;
  @Field(() => ID) binId: number;
  @Field(() => String, { nullable: true }) binCode: string | null;
  @Field({ description: 'The bin is a quarantine bin: this stock is not for sale.' }) quarantine: boolean;
  @Field(() => ID) batchId: number;
  @Field(() => String, { nullable: true }) batchNo: string | null;
  @Field(() => String, { nullable: true }) expiryDate: string | null;
  @Field({ description: 'The batch expired before today: not for sale.' }) expired: boolean;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Null while an open count covers it and the user counts blind (stock.count.perform without stock.count.read).',
  })
  qty: string | null;
  @Field(() => DecimalScalar) reserved: string;
}

@ObjectType({ description: 'One move on the stock card (库存明细账).' })
export class StockCardRow {
  @Field() businessDate: string;
  @Field(() => ID) documentId: number;
  @Field() documentType: string;
  @Field() documentNumber: string;
  @Field({ description: 'in, out, or recost (a later value correction)' }) kind: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Null while an open count covers it and the user counts blind (stock.count.perform without stock.count.read).',
  })
  qty: string | null;
  @SensitiveField('StockCardRow', () => DecimalScalar, P.StockCostRead) unitCost: string | null;
  @SensitiveField('StockCardRow', () => DecimalScalar, P.StockCostRead) value: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Null while an open count covers it and the user counts blind (stock.count.perform without stock.count.read).',
  })
  balanceQty: string | null;
  @SensitiveField('StockCardRow', () => DecimalScalar, P.StockCostRead) balanceValue: string | null;
}

@ObjectType()
export class StockCard {
  @Field(() => ID) warehouseId: number;
  @Field(() => ID) skuId: number;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Null while an open count covers it and the user counts blind (stock.count.perform without stock.count.read).',
  })
  openingQty: string | null;
  @SensitiveField('StockCard', () => DecimalScalar, P.StockCostRead) openingValue: string | null;
  @Field(() => [StockCardRow]) rows: StockCardRow[];
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Null while an open count covers it and the user counts blind (stock.count.perform without stock.count.read).',
  })
  closingQty: string | null;
  @SensitiveField('StockCard', () => DecimalScalar, P.StockCostRead) closingValue: string | null;
}

export const ValuationGroup = {
  WAREHOUSE: 'WAREHOUSE',
  CATEGORY: 'CATEGORY',
  SKU: 'SKU',
  WAREHOUSE_SKU: 'WAREHOUSE_SKU',
} as const;
export type ValuationGroup = keyof typeof ValuationGroup;
registerEnumType(ValuationGroup, { name: 'ValuationGroup' });

@ObjectType({ description: 'Quantity and value of a group (warehouse, category, SKU).' })
export class ValuationRow {
  @Field({
    description:
      'The warehouse, category or SKU id (warehouse × SKU: "warehouseId:skuId"). Without a warehouse filter and for a user of all warehouses the company valuation counts goods on the road between warehouses (transfers sent and not yet received by the date): by warehouse as the row "transit", by warehouse × SKU as "transit:skuId", and within their category and SKU rows.',
  })
  key: string;
  @Field() label: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Null when an open count covers part of the group and the user counts blind.',
  })
  qty: string | null;
  @SensitiveField('ValuationRow', () => DecimalScalar, P.StockCostRead) value: string | null;
}
