import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 科目映射: the ledger account a kind of posting goes to in the voucher export (Kingdee / Yonyou import). */
@ObjectType()
@Entity('voucher_account')
export class VoucherAccount {
  @Field({ description: 'INVENTORY, COGS, REVENUE, RECEIVABLE, PAYABLE, GRNI, ADJUSTMENT or BANK' })
  @PrimaryColumn({ type: 'varchar', length: 20 })
  key: string;
  @Field() @Column({ type: 'varchar', length: 30 }) code: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}
