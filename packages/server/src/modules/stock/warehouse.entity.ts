import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PickStrategyKind } from '../catalog';

export enum WarehouseKind {
  OWN = 'own',
  THIRD_PARTY = 'third_party',
}
registerEnumType(WarehouseKind, { name: 'WarehouseKind' });

@ObjectType()
@Entity('warehouse')
export class Warehouse {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 30, unique: true })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => WarehouseKind)
  @Column({ type: 'varchar', length: 20, default: WarehouseKind.OWN })
  kind: WarehouseKind;

  @Field({ description: 'Whether balances here may go below zero (off by default).' })
  @Column({ name: 'allow_negative', type: 'boolean', default: false })
  allowNegative: boolean;

  @Field(() => PickStrategyKind, {
    description:
      'How issues pick batches here (a SKU may differ): AUTO = FEFO for expiry-tracked goods, FIFO otherwise.',
  })
  @Column({ name: 'pick_strategy', type: 'varchar', length: 8, default: PickStrategyKind.AUTO })
  pickStrategy: PickStrategyKind;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  version: number;
}
