import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

export enum LandedCostKind {
  FREIGHT = 'freight',
  DUTY = 'duty',
  HANDLING = 'handling',
  OTHER = 'other',
}
registerEnumType(LandedCostKind, { name: 'LandedCostKind', description: '运费, 关税, 装卸费, 其他' });

export enum LandedCostBasis {
  VALUE = 'value',
  QUANTITY = 'quantity',
  WEIGHT = 'weight',
}
registerEnumType(LandedCostBasis, {
  name: 'LandedCostBasis',
  description:
    "How a cost line is allocated to the receipt's lines: by their value, their accepted (base) quantity, or their weight (refused while the catalogue keeps no weight).",
});

export enum LandedCostStatus {
  DRAFT = 'draft',
  POSTED = 'posted',
  CANCELLED = 'cancelled',
}
registerEnumType(LandedCostStatus, { name: 'LandedCostStatus' });

@ObjectType({
  description:
    "到岸成本 / 费用分摊: freight, duty, handling … on a posted purchase receipt, allocated to its lines; posting adds the amounts to the receipt lines' inventory value at the receipt's date, re-costing later issues.",
})
@Entity('landed_cost')
@Index(['receiptId'])
export class LandedCost {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 40, unique: true }) number: string;
  @Field(() => ID) @Column({ name: 'receipt_id', type: 'int' }) receiptId: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field({ description: "YYYY-MM-DD: the receipt's business date, the day the value is added on." })
  @Column({ name: 'business_date', type: 'varchar', length: 10 })
  businessDate: string;
  @Field(() => LandedCostStatus) @Column({ type: 'varchar', length: 10 }) status: LandedCostStatus;
  @SensitiveField('LandedCost', () => DecimalScalar, P.StockCostRead, 'Σ of the cost lines.')
  @DecimalColumn(18, 2)
  total: string | null;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) memo: string;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'posted_at', type: 'datetime', precision: 3, nullable: true })
  postedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null;
}

@ObjectType()
@Entity('landed_cost_line')
@Index(['landedCostId', 'lineNo'], { unique: true })
export class LandedCostLine {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'landed_cost_id', type: 'int' }) landedCostId: number;
  @Field(() => Int) @Column({ name: 'line_no', type: 'int' }) lineNo: number;
  @Field(() => LandedCostKind) @Column({ type: 'varchar', length: 10 }) kind: LandedCostKind;
  @Field(() => LandedCostBasis) @Column({ type: 'varchar', length: 10 }) basis: LandedCostBasis;
  @SensitiveField('LandedCostLine', () => DecimalScalar, P.StockCostRead, 'The amount to allocate (2 dp).')
  @DecimalColumn(18, 2)
  amount: string | null;
  @Field(() => ID, { nullable: true, description: 'Who charged it (a carrier, the customs broker …).' })
  @Column({ name: 'supplier_id', type: 'int', nullable: true })
  supplierId: number | null;
  @Field() @Column({ type: 'varchar', length: 200, default: '' }) memo: string;
}

@ObjectType({ description: "A receipt line's share of a landed cost, and its unit cost before and after." })
export class LandedCostAllocation {
  @Field(() => ID) receiptLineId: string;
  @Field(() => Int) lineNo: number;
  @Field(() => ID) skuId: string;
  @Field(() => DecimalScalar, { description: 'Accepted (base) quantity: the quantity basis.' }) qty: string;
  @SensitiveField(
    'LandedCostAllocation',
    () => DecimalScalar,
    P.StockCostRead,
    'The line’s purchase value: the value basis.',
  )
  value: string | null;
  @SensitiveField('LandedCostAllocation', () => DecimalScalar, P.StockCostRead, 'This landed cost’s share of the line.')
  amount: string | null;
  @SensitiveField(
    'LandedCostAllocation',
    () => DecimalScalar,
    P.StockCostRead,
    'Unit cost before this landed cost: (value + earlier posted landed costs) ÷ qty, 6 dp.',
  )
  unitCostBefore: string | null;
  @SensitiveField(
    'LandedCostAllocation',
    () => DecimalScalar,
    P.StockCostRead,
    'Unit cost with this landed cost, 6 dp.',
  )
  unitCostAfter: string | null;
}
