import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

export enum SupplierStatus {
  CANDIDATE = 'candidate',
  APPROVED = 'approved',
  SUSPENDED = 'suspended',
}
registerEnumType(SupplierStatus, {
  name: 'SupplierStatus',
  description: 'candidate (being screened), approved, suspended (no new orders).',
});

@ObjectType({ description: '供应商: a supplier with its terms; qualifications and price agreements hang off it.' })
@Entity('supplier')
export class Supplier {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 30, unique: true }) code: string;
  @Field() @Index() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => SupplierStatus)
  @Column({ type: 'varchar', length: 12, default: SupplierStatus.CANDIDATE })
  status: SupplierStatus;
  @Field() @Column({ name: 'contact_person', type: 'varchar', length: 100, default: '' }) contactPerson: string;
  @Field() @Column({ type: 'varchar', length: 40, default: '' }) phone: string;
  @Field() @Column({ type: 'varchar', length: 200, default: '' }) email: string;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) address: string;
  @Field(() => Int, { description: 'Days from the invoice date until payment is due.' })
  @Column({ name: 'payment_terms_days', type: 'int', default: 30 })
  paymentTermsDays: number;
  @Field(() => Int, { description: 'Days from order to delivery, as agreed.' })
  @Column({ name: 'lead_time_days', type: 'int', default: 7 })
  leadTimeDays: number;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) memo: string;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

@ObjectType({ description: 'A qualification document (营业执照, ISO9001 …) with its expiry date.' })
@Entity('supplier_qualification')
@Index(['supplierId'])
@Index(['expiresOn'])
export class SupplierQualification {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'int' }) supplierId: number;
  @Field({ description: 'e.g. 营业执照, ISO9001, 食品经营许可证' })
  @Column({ type: 'varchar', length: 60 })
  kind: string;
  @Field() @Column({ type: 'varchar', length: 100, default: '' }) number: string;
  @Field({ description: 'YYYY-MM-DD: valid through this day.' })
  @Column({ name: 'expires_on', type: 'varchar', length: 10 })
  expiresOn: string;
  @Field({ description: 'A required qualification that has expired blocks new orders.' })
  @Column({ type: 'boolean', default: true })
  required: boolean;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
}

@ObjectType({
  description:
    'A price agreement of a supplier for a SKU, valid from a date (to a date, or open). Never edited: a newer agreement supersedes, so the history stays.',
})
@Entity('supplier_price')
@Index(['supplierId', 'skuId', 'validFrom'])
@Index(['skuId'])
export class SupplierPrice {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'int' }) supplierId: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @SensitiveField('SupplierPrice', () => DecimalScalar, P.PurchasingSupplierPriceRead, 'Agreed price per base unit.')
  @DecimalColumn(18, 6)
  price: string | null;
  @Field({ description: 'YYYY-MM-DD' }) @Column({ name: 'valid_from', type: 'varchar', length: 10 }) validFrom: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive; open when null.' })
  @Column({ name: 'valid_to', type: 'varchar', length: 10, nullable: true })
  validTo: string | null;
  @Field(() => DecimalScalar, { description: '起订量 in base units (0: none).' })
  @QuantityColumn({ name: 'min_order_qty', default: '0.000000' })
  minOrderQty: string;
  @Field(() => DecimalScalar, { description: '箱规: base units per pack (1: any quantity).' })
  @QuantityColumn({ name: 'pack_size', default: '1.000000' })
  packSize: string;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
}
