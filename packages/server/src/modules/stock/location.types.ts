import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Paginated } from '../../core/paging';
import { Bin } from './location.entity';

export enum StorageMismatchKind {
  TEMPERATURE = 'TEMPERATURE',
  HUMIDITY = 'HUMIDITY',
  DARK = 'DARK',
  HAZARD = 'HAZARD',
  FOOD_GRADE = 'FOOD_GRADE',
}
registerEnumType(StorageMismatchKind, {
  name: 'StorageMismatch',
  description: 'What a zone does not assure of what a product needs.',
});

export enum PutAwayReasonKind {
  SAME_BATCH = 'SAME_BATCH',
  SAME_SKU = 'SAME_SKU',
  EMPTY_BIN = 'EMPTY_BIN',
}
registerEnumType(PutAwayReasonKind, {
  name: 'PutAwayReason',
  description:
    'Why a bin is suggested: it holds the batch, it holds the SKU, or it is empty and its zone suits the goods.',
});

@InputType()
export class PutAwayLineInput {
  @Field(() => ID) skuId: string;
  @Field(() => String, { nullable: true }) batchNo?: string | null;
}

@ObjectType({ description: '上架建议: where a received line should go (null: no bin fits).' })
export class PutAwaySuggestionResult {
  @Field(() => Int, { description: 'The line it is for (its place in the input).' }) index: number;
  @Field(() => ID) skuId: number;
  @Field(() => ID, { nullable: true }) binId: number | null;
  @Field(() => String, { nullable: true }) binCode: string | null;
  @Field(() => PutAwayReasonKind, { nullable: true }) reason: PutAwayReasonKind | null;
}

@ObjectType({ description: 'Whether a bin suits a SKU (its zone against the product’s storage needs).' })
export class StorageFitResult {
  @Field(() => ID) skuId: number;
  @Field(() => ID) binId: number;
  @Field(() => [StorageMismatchKind], { description: 'Empty: it fits.' }) mismatches: StorageMismatchKind[];
  @Field({ description: 'Posting there is refused (settings.storageRule REFUSE), not only warned of.' })
  refused: boolean;
}

@InputType()
export class ZoneConditionsInput {
  @Field(() => Int, { nullable: true, description: 'Whole °C, -80 to 80.' }) tempMin?: number | null;
  @Field(() => Int, { nullable: true }) tempMax?: number | null;
  @Field(() => Int, { nullable: true, description: 'Whole % RH, 0 to 100.' }) humidityMin?: number | null;
  @Field(() => Int, { nullable: true }) humidityMax?: number | null;
  @Field({ nullable: true }) dark?: boolean;
  @Field(() => String, { nullable: true, description: 'GB 6944 class the zone is licensed for, e.g. "3".' })
  hazardClass?: string | null;
  @Field({ nullable: true }) foodGrade?: boolean;
}

@InputType()
export class CreateZoneInput {
  @Field(() => ID) warehouseId: string;
  @Field() code: string;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'e.g. "2–8 °C", "dry, < 60 % RH"' }) storageCondition?:
    string | null;
  @Field(() => ZoneConditionsInput, { nullable: true, description: 'What the zone assures (none when omitted).' })
  conditions?: ZoneConditionsInput | null;
}

@InputType()
export class UpdateZoneInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version you read; a stale one gets CONFLICT.' }) version: number;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => String, { nullable: true, description: 'null clears it; absent leaves it.' }) storageCondition?:
    string | null;
  @Field(() => ZoneConditionsInput, { nullable: true, description: 'Replaces the conditions when given.' })
  conditions?: ZoneConditionsInput | null;
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
