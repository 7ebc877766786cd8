import { Length } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../core/decimal';
import { DecimalInput } from '../../core/decimal-input';
import { StatementConfirmation } from './statement.entity';

export const StatementParty = { CUSTOMER: 'CUSTOMER', SUPPLIER: 'SUPPLIER' } as const;
export type StatementParty = keyof typeof StatementParty;
registerEnumType(StatementParty, {
  name: 'StatementParty',
  description:
    'CUSTOMER needs sales.receivable.read (sales staff: their own customers); SUPPLIER purchasing.payable.read.',
});

@ObjectType()
export class StatementLine {
  @Field() date: string;
  @Field({ description: 'INVOICE, PAYMENT or CREDIT (a return credited)' }) kind: string;
  @Field() number: string;
  @Field(() => DecimalScalar, { description: 'Raises the balance (an invoice).' }) debit: string;
  @Field(() => DecimalScalar, { description: 'Lowers it (a payment or a credit).' }) credit: string;
  @Field(() => DecimalScalar) balance: string;
}

@ObjectType({ description: '对账单: opening balance, the period’s invoices, payments and credits, closing balance.' })
export class Statement {
  @Field(() => StatementParty) party: StatementParty;
  @Field(() => ID) partyId: number;
  @Field() partyName: string;
  @Field() from: string;
  @Field() to: string;
  @Field(() => DecimalScalar) opening: string;
  @Field(() => DecimalScalar) invoiced: string;
  @Field(() => DecimalScalar) paid: string;
  @Field(() => DecimalScalar) credited: string;
  @Field(() => DecimalScalar) closing: string;
  @Field(() => [StatementLine]) lines: StatementLine[];
  @Field(() => [StatementConfirmation]) confirmations: StatementConfirmation[];
}

@InputType()
export class ConfirmStatementInput {
  @Field(() => StatementParty) party: StatementParty;
  @Field(() => ID) partyId: string;
  @Field() from: string;
  @Field() to: string;
  @DecimalInput(18, 2, { description: 'The closing balance they confirmed: must equal the statement’s.' })
  closing: string;
  @Field() @Length(1, 100) confirmedBy: string;
  @Field({ nullable: true }) @Length(0, 500) note?: string;
}

@ObjectType({ description: '应付账龄: a supplier’s open invoices by age (days since the invoice date).' })
export class PayableAgeing {
  @Field(() => ID) supplierId: number;
  @Field() supplier: string;
  @Field(() => DecimalScalar) open: string;
  @Field(() => DecimalScalar) age0to30: string;
  @Field(() => DecimalScalar) age31to60: string;
  @Field(() => DecimalScalar) age61to90: string;
  @Field(() => DecimalScalar) ageOver90: string;
  @Field(() => DecimalScalar, { description: 'Open and past its due date.' }) overdue: string;
}

@ObjectType({ description: 'One check before closing the period.' })
export class CloseCheck {
  @Field() key: string;
  @Field(() => Int) count: number;
  @Field({ description: 'Whether it blocks: nothing may be left.' }) ok: boolean;
  @Field() link: string;
}

@ObjectType({ description: '结账检查: what is left before closedThrough may move to the day.' })
export class CloseChecklist {
  @Field() through: string;
  @Field(() => String, { nullable: true }) closedThrough: string | null;
  @Field(() => [CloseCheck]) checks: CloseCheck[];
  @Field({ description: 'Every check passes.' }) ready: boolean;
}
