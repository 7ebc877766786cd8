import { Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Paginated } from '../../core/paging';
import { PickStrategyKind } from '../catalog';
import { Warehouse, WarehouseKind } from './warehouse.entity';

@InputType()
export class CreateWarehouseInput {
  @Field() @Length(1, 30) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'letters, digits, _ - only' }) code: string;
  @Field() @Length(1, 100) name: string;
  @Field(() => WarehouseKind, { defaultValue: WarehouseKind.OWN }) kind: WarehouseKind;
  @Field({ defaultValue: false }) allowNegative: boolean;
  @Field(() => PickStrategyKind, { defaultValue: PickStrategyKind.AUTO }) pickStrategy: PickStrategyKind;
}

@InputType()
export class UpdateWarehouseInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ nullable: true }) @Length(1, 100) name?: string;
  @Field(() => WarehouseKind, { nullable: true }) kind?: WarehouseKind;
  @Field({ nullable: true }) allowNegative?: boolean;
  @Field(() => PickStrategyKind, { nullable: true }) pickStrategy?: PickStrategyKind;
  @Field({ nullable: true }) active?: boolean;
}

export const WarehousePage = Paginated(Warehouse, 'WarehousePage');

@ObjectType({ description: 'A warehouse a transfer may be sent to: its name only, whatever your scope.' })
export class TransferDestination {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
}
