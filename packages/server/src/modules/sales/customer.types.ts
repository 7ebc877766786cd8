import { IsEmail, IsOptional, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { Paginated } from '../../core/paging';
import { ChannelKind, ContactChannel, Customer, ServiceRecordKind } from './customer.entity';

@ObjectType()
export class CustomerPage extends Paginated(Customer, 'CustomerPage') {}

@InputType()
export class CustomerFilter {
  @Field({ nullable: true, description: 'code or name contains' }) search?: string;
  @Field(() => ID, { nullable: true }) tierId?: string;
  @Field(() => ID, { nullable: true }) channelId?: string;
  @Field(() => ID, { nullable: true, description: 'Only with sales.customer.all (others see only their own).' })
  ownerId?: string;
}

@InputType()
export class CreateCustomerInput {
  @Field() @Length(1, 30) code: string;
  @Field() @Length(1, 200) name: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 40) phone?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail({}, { message: 'an e-mail address' }) email?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) address?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^(\d{4}-)?\d{2}-\d{2}$/, { message: 'a date like 1990-05-20 or 05-20' })
  birthday?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) preferences?: string;
  @Field(() => ContactChannel, { nullable: true }) preferredChannel?: ContactChannel | null;
  @Field(() => ID, { nullable: true, description: 'Yourself when omitted; another owner needs sales.customer.all.' })
  ownerId?: string;
  @Field(() => ID, { nullable: true }) channelId?: string;
  @Field(() => ID, { nullable: true, description: 'Fixes the tier by hand.' }) tierId?: string;
  @DecimalInput(18, 2, { nullable: true }) creditLimit?: string;
  @Field(() => Int, { nullable: true, description: 'Days from invoice to due date (30 when omitted).' })
  @IsOptional()
  @Min(0)
  @Max(365)
  paymentTermsDays?: number;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
}

@InputType()
export class UpdateCustomerInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 40) phone?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail({}, { message: 'an e-mail address' }) email?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) address?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^(\d{4}-)?\d{2}-\d{2}$/, { message: 'a date like 1990-05-20 or 05-20' })
  birthday?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) preferences?: string;
  @Field({ nullable: true, description: 'true: no preferred channel any more.' }) clearPreferredChannel?: boolean;
  @Field(() => ContactChannel, { nullable: true }) preferredChannel?: ContactChannel | null;
  @Field(() => ID, { nullable: true }) ownerId?: string;
  @Field(() => ID, { nullable: true }) channelId?: string;
  @Field(() => ID, { nullable: true, description: 'Fixes the tier by hand; see unfixTier.' }) tierId?: string;
  @Field({ nullable: true, description: 'false: the tier follows the RFM rules again.' }) tierFixed?: boolean;
  @DecimalInput(18, 2, { nullable: true }) creditLimit?: string;
  @Field(() => Int, { nullable: true, description: 'Days from invoice to due date (30 when omitted).' })
  @IsOptional()
  @Min(0)
  @Max(365)
  paymentTermsDays?: number;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
}

@InputType()
export class ServiceRecordInput {
  @Field(() => ID) customerId: string;
  @Field(() => ServiceRecordKind) kind: ServiceRecordKind;
  @Field() @Length(1, 1000) content: string;
}

@InputType()
export class ChannelInput {
  @Field(() => ID, { nullable: true, description: 'omit to add' }) id?: string;
  @Field(() => Int, { nullable: true }) version?: number;
  @Field() @Length(1, 30) code: string;
  @Field() @Length(1, 100) name: string;
  @Field(() => ChannelKind) kind: ChannelKind;
  @Field({ nullable: true }) @IsOptional() @Length(0, 30) platform?: string;
  @Field({ nullable: true }) active?: boolean;
}

@InputType()
export class StoreInput {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => Int, { nullable: true }) version?: number;
  @Field(() => ID) channelId: string;
  @Field() @Length(1, 30) code: string;
  @Field() @Length(1, 100) name: string;
  @Field({ nullable: true }) active?: boolean;
}

@InputType()
export class TierInput {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => Int, { nullable: true }) version?: number;
  @Field() @Length(1, 20) code: string;
  @Field() @Length(1, 50) name: string;
  @Field(() => Int) rank: number;
  @DecimalInput(18, 2) minAmount: string;
  @Field(() => Int) minOrders: number;
  @Field(() => Int, { nullable: true }) maxRecencyDays?: number | null;
}

@ObjectType({ description: 'What a tier recompute did.' })
export class TierRecompute {
  @Field({ description: 'YYYY-MM-DD the figures were taken at.' }) asOf: string;
  @Field(() => Int) customers: number;
  @Field(() => Int) changed: number;
  @Field(() => Int, { description: 'Kept: their tier is fixed by hand.' }) fixed: number;
}

@InputType()
export class CustomerContactInput {
  @Field(() => ID, { nullable: true, description: 'omit to add' }) id?: string;
  @Field(() => ID) customerId: string;
  @Field() @Length(1, 100) name: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 100) title?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 40) phone?: string;
  @Field({ nullable: true, description: 'Empty clears it; left out keeps it.' })
  @ValidateIf((_, v) => !!v)
  @IsEmail({}, { message: 'an e-mail address' })
  email?: string;
  @Field({ nullable: true }) primary?: boolean;
}

@InputType()
export class CustomerAddressInput {
  @Field(() => ID, { nullable: true, description: 'omit to add' }) id?: string;
  @Field(() => ID) customerId: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 50) label?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 100) receiver?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 40) phone?: string;
  @Field() @Length(1, 500) address: string;
  @Field({ nullable: true }) isDefault?: boolean;
}
