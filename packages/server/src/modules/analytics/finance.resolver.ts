import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, registerEnumType } from 'type-graphql';
import type { Context } from '../../core/context';
import { ExportFile } from '../../core/export';
import { P } from '../../core/permissions/catalogue';
import { Allow, SignedIn } from '../../core/permissions/guard';
import { CloseChecklist, ConfirmStatementInput, PayableAgeing, Statement, StatementParty } from './finance.types';
import { StatementConfirmation } from './statement.entity';
import { VoucherAccount } from './voucher-account.entity';

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

export const VoucherFormat = { CSV: 'CSV', XLSX: 'XLSX' } as const;
export type VoucherFormat = keyof typeof VoucherFormat;
registerEnumType(VoucherFormat, { name: 'VoucherFormat' });

@Resolver()
export class VoucherResolver {
  @Query(() => ExportFile, {
    description:
      '凭证导出: the period’s postings as vouchers (凭证日期, 凭证号, 摘要, 科目代码, 科目名称, 借方金额, 贷方金额) for Kingdee / Yonyou.',
  })
  @Allow(P.ReportCostRead, P.StockCostRead)
  exportVouchers(
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('format', () => VoucherFormat) format: VoucherFormat,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.vouchers.export(ctx, from, to, format);
  }

  @Query(() => [VoucherAccount], { description: 'The account each kind of posting goes to (defaults until set).' })
  @Allow(P.ReportCostRead)
  voucherAccounts(@Ctx() ctx: Context) {
    return ctx.services.vouchers.accounts();
  }

  @Mutation(() => VoucherAccount)
  @Allow(P.SystemSettingsManage)
  setVoucherAccount(
    @Arg('key') key: string,
    @Arg('code') code: string,
    @Arg('name') name: string,
    @Arg('version', () => Int, { description: '0 while it is the default' }) version: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.vouchers.setAccount(ctx, key, code, name, version);
  }
}
