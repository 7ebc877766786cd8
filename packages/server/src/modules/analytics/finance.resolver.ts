import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { ExportFile } from '../../core/export';
import { P } from '../../core/permissions/catalogue';
import { Allow, SignedIn } from '../../core/permissions/guard';
import { CloseChecklist, ConfirmStatementInput, PayableAgeing, Statement, StatementParty } from './finance.types';
import { StatementConfirmation } from './statement.entity';

@Resolver()
export class FinanceResolver {
  @Query(() => Statement, { description: '对账单 of a customer or supplier for a period.' })
  @SignedIn()
  statement(
    @Arg('party', () => StatementParty) party: StatementParty,
    @Arg('partyId', () => ID) partyId: string,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.finance.statement(ctx, party, partyId, from, to);
  }

  @Query(() => ExportFile, { description: 'The statement as xlsx (headers in the requester language).' })
  @SignedIn()
  exportStatement(
    @Arg('party', () => StatementParty) party: StatementParty,
    @Arg('partyId', () => ID) partyId: string,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.finance.exportStatement(ctx, party, partyId, from, to);
  }

  @Mutation(() => StatementConfirmation, {
    description: 'Records the other side’s confirmation of a statement’s closing balance.',
  })
  @SignedIn()
  confirmStatement(@Arg('input') input: ConfirmStatementInput, @Ctx() ctx: Context) {
    return ctx.services.finance.confirm(ctx, input);
  }

  @Query(() => [PayableAgeing], { description: '应付账龄 as of a day (today when omitted).' })
  @Allow(P.PurchasingPayableRead)
  payablesAgeing(@Ctx() ctx: Context, @Arg('asOf', () => String, { nullable: true }) asOf?: string) {
    return ctx.services.finance.payablesAgeing(ctx, asOf ?? undefined);
  }

  @Query(() => CloseChecklist, {
    description: '结账检查: drafts, unmatched receipts and negative stock up to the day.',
  })
  @Allow(P.SystemSettingsRead)
  closeChecklist(@Arg('through') through: string, @Ctx() ctx: Context) {
    return ctx.services.finance.closeChecklist(ctx, through);
  }
}
