import { IsEmail, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { Paginated } from '../../core/paging';
import { Supplier, SupplierQualification, SupplierStatus } from './supplier.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMsg = { message: 'a date like 2026-11-25' };

@InputType()
export class CreateSupplierInput {
  @Field() @Length(1, 30) code: string;
  @Field() @Length(1, 200) name: string;
  @Field(() => SupplierStatus, { nullable: true, description: 'candidate when omitted' }) status?: SupplierStatus;
  @Field({ nullable: true }) @IsOptional() @Length(0, 100) contactPerson?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 40) phone?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail({}, { message: 'an e-mail address' }) email?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) address?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(3650) paymentTermsDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(3650) leadTimeDays?: number;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
}

@InputType()
export class UpdateSupplierInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) name?: string;
  @Field(() => SupplierStatus, { nullable: true }) status?: SupplierStatus;
  @Field({ nullable: true }) @IsOptional() @Length(0, 100) contactPerson?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 40) phone?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^$|^[^@\s]+@[^@\s]+$/, { message: 'an e-mail address' })
  email?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) address?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(3650) paymentTermsDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(3650) leadTimeDays?: number;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
}

@InputType()
export class SupplierFilter {
  @Field({ nullable: true, description: 'code or name contains' }) search?: string;
  @Field(() => SupplierStatus, { nullable: true }) status?: SupplierStatus;
}

@InputType()
export class AddQualificationInput {
  @Field(() => ID) supplierId: string;
  @Field() @Length(1, 60) kind: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 100) number?: string;
  @Field() @Matches(DATE, dateMsg) expiresOn: string;
  @Field({ nullable: true, defaultValue: true }) required?: boolean;
}

@InputType()
export class AddSupplierPriceInput {
  @Field(() => ID) supplierId: string;
  @Field(() => ID) skuId: string;
  @DecimalInput(18, 6, { description: 'Per base unit (needs purchasing.supplier.price.read).' }) price: string;
  @Field() @Matches(DATE, dateMsg) validFrom: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, dateMsg) validTo?: string;
  @DecimalInput(18, 6, { nullable: true }) minOrderQty?: string;
  @DecimalInput(18, 6, { nullable: true }) packSize?: string;
}

export const SupplierPage = Paginated(Supplier, 'SupplierPage');

@ObjectType({ description: 'A qualification that lapses within the asked number of days (or has lapsed).' })
export class QualificationWarning {
  @Field(() => SupplierQualification) qualification: SupplierQualification;
  @Field(() => Supplier) supplier: Supplier;
  @Field(() => Int, { description: 'Days from today to the expiry date; negative once expired.' }) daysLeft: number;
  @Field() expired: boolean;
}
