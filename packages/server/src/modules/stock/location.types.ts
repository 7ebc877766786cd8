import { Field, ID, InputType, Int } from 'type-graphql';
import { Paginated } from '../../core/paging';
import { Bin } from './location.entity';

@InputType()
export class CreateZoneInput {
  @Field(() => ID) warehouseId: string;
  @Field() code: string;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'e.g. "2–8 °C", "dry, < 60 % RH"' }) storageCondition?:
    string | null;
}

@InputType()
export class UpdateZoneInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version you read; a stale one gets CONFLICT.' }) version: number;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => String, { nullable: true, description: 'null clears it; absent leaves it.' }) storageCondition?:
    string | null;
}

@InputType()
export class CreateBinInput {
  @Field(() => ID) warehouseId: string;
  @Field(() => ID, { nullable: true, description: 'A zone of the same warehouse.' }) zoneId?: string | null;
  @Field() code: string;
  @Field({ nullable: true, description: 'A quarantine bin (隔离区): its stock is not for sale. Default false.' })
  quarantine?: boolean;
}

@InputType()
export class UpdateBinInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ nullable: true }) code?: string;
  @Field(() => ID, {
    nullable: true,
    description: 'A zone of the same warehouse; null takes the bin out of its zone; absent leaves it.',
  })
  zoneId?: string | null;
  @Field({ nullable: true }) active?: boolean;
  @Field({ nullable: true, description: 'A quarantine bin (隔离区): its stock is not for sale.' })
  quarantine?: boolean;
}

export const BinPage = Paginated(Bin, 'BinPage');
