import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar } from '../../core/decimal';

export enum CostingMethod {
  MOVING_AVERAGE = 'moving_average',
  FIFO = 'fifo',
}
registerEnumType(CostingMethod, { name: 'CostingMethod' });

export enum StorageRule {
  WARN = 'warn',
  REFUSE = 'refuse',
}
registerEnumType(StorageRule, { name: 'StorageRule' });

/** Company-wide settings: one row, id 1. */
@ObjectType()
@Entity('company_settings')
export class CompanySettings {
  @Field(() => ID)
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Field()
  @Column({ name: 'company_name', type: 'varchar', length: 200, default: '' })
  companyName: string;

  @Field({ description: 'ISO currency code of all amounts.' })
  @Column({ type: 'varchar', length: 3, default: 'CNY' })
  currency: string;

  @Field(() => CostingMethod)
  @Column({ name: 'costing_method', type: 'varchar', length: 20, default: CostingMethod.MOVING_AVERAGE })
  costingMethod: CostingMethod;

  @Field(() => DecimalScalar, { description: 'Default VAT rate, e.g. "0.13".' })
  @DecimalColumn(9, 6, { name: 'default_tax_rate', default: '0.130000' })
  defaultTaxRate: string;

  @Field(() => DecimalScalar, { description: 'Credit limit given to new customers.' })
  @DecimalColumn(18, 2, { name: 'default_credit_limit', default: '0.00' })
  defaultCreditLimit: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: periods up to and including this day are closed; nothing may be posted into them.',
  })
  @Column({ name: 'closed_through', type: 'varchar', length: 10, nullable: true })
  closedThrough: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'JSON: document type → number pattern, e.g. {"transfer":"TR-{yyyyMMdd}-{0000}"}; types not listed use the defaults.',
  })
  @Column({ name: 'number_patterns', type: 'text', nullable: true })
  numberPatterns: string | null;

  @Field(() => DecimalScalar, {
    description: 'Purchase receipts may accept up to the ordered quantity × (1 + this), e.g. "0.05" = 5 %.',
  })
  @DecimalColumn(9, 6, { name: 'purchase_over_receipt_tolerance', default: '0.050000' })
  purchaseOverReceiptTolerance: string;

  @Field(() => Int, {
    description:
      'Receiving a batch that has expired or expires within this many days warns and needs a reason (expiryReason).',
  })
  @Column({ name: 'expiry_warning_days', type: 'int', default: 30 })
  expiryWarningDays: number;
  @Field(() => StorageRule, {
    description:
      'Goods put into a bin whose zone does not suit them: WARN (posted, the form warns) or REFUSE (STORAGE_CONDITION_MISMATCH).',
  })
  @Column({ name: 'storage_rule', type: 'varchar', length: 8, default: 'warn' })
  storageRule: StorageRule;

  @Field(() => Int, {
    description: 'Decimal places shown for unit costs and unit prices (2–6); money totals always show 2.',
  })
  @Column({ name: 'unit_cost_places', type: 'int', default: 4 })
  unitCostPlaces: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  version: number;
}
