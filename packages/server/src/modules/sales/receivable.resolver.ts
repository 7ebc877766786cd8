import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { ExportFile } from '../../core/export';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { CustomerPayment, SalesInvoice, SalesInvoiceLine } from './receivable.entity';
import { exportCustomerReceivables } from './receivable-export';
import { names, orderNumber } from './related-names';
import {
  CreateSalesInvoiceInput,
  CustomerPaymentPage,
  CustomerReceivable,
  InvoiceAsOf,
  RecordCustomerPaymentInput,
  SalesInvoicePage,
} from './sales.types';

@Resolver(() => SalesInvoice)
export class SalesInvoiceResolver {
  @Query(() => SalesInvoicePage)
  @Allow(P.SalesOrderRead)
  salesInvoices(
    @Ctx() ctx: Context,
    @Arg('orderId', () => ID, { nullable: true }) orderId?: string,
    @Arg('customerId', () => ID, { nullable: true }) customerId?: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.receivables.invoices(ctx, { orderId, customerId }, page);
  }

  @Query(() => CustomerPaymentPage)
  @Allow(P.SalesReceivableRead)
  customerPayments(
    @Ctx() ctx: Context,
    @Arg('customerId', () => ID, { nullable: true }) customerId?: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.receivables.payments(ctx, customerId, page);
  }

  @Query(() => [CustomerReceivable], {
    description:
      "Balances per customer with open invoices by age (0–30, 31–60, 61–90, >90 days) and overdue. A salesperson (without sales.customer.all) sees their own customers' balances only.",
  })
  @Allow(P.SalesReceivableRead)
  customerReceivables(
    @Ctx() ctx: Context,
    @Arg('customerId', () => ID, { nullable: true }) customerId?: string,
    @Arg('asOf', { nullable: true }) asOf?: string,
  ) {
    return ctx.services.receivables.receivables(ctx, { customerId, asOf });
  }

  @Query(() => ExportFile, {
    description: 'customerReceivables as CSV, or xlsx (base64): the same rows and scope.',
  })
  @Allow(P.SalesReceivableRead)
  exportCustomerReceivables(
    @Ctx() ctx: Context,
    @Arg('asOf', { nullable: true }) asOf?: string,
    @Arg('xlsx', { nullable: true }) xlsx?: boolean,
  ) {
    return exportCustomerReceivables(ctx, asOf, xlsx);
  }

  @Query(() => [InvoiceAsOf], {
    description: "A customer's invoices as of a day (newest first): what payments and credits up to then had settled.",
  })
  @Allow(P.SalesReceivableRead)
  customerInvoicesAsOf(
    @Ctx() ctx: Context,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('asOf', { nullable: true }) asOf?: string,
  ) {
    return ctx.services.receivables.invoicesAsOf(ctx, customerId, asOf ?? undefined);
  }

  @Mutation(() => SalesInvoice, { description: 'Bills everything shipped and not yet invoiced on the order.' })
  @Allow(P.SalesInvoiceManage)
  createSalesInvoice(@Arg('input') input: CreateSalesInvoiceInput, @Ctx() ctx: Context) {
    return ctx.services.receivables.createInvoice(ctx, input);
  }

  @Mutation(() => CustomerPayment, { description: 'At most the balance; settles the oldest invoices first.' })
  @Allow(P.FinancePaymentManage)
  recordCustomerPayment(@Arg('input') input: RecordCustomerPaymentInput, @Ctx() ctx: Context) {
    return ctx.services.receivables.pay(ctx, input);
  }

  @FieldResolver(() => [SalesInvoiceLine])
  lines(@Root() i: SalesInvoice, @Ctx() ctx: Context) {
    return ctx.services.receivables.invoiceLines([i.id]);
  }

  @FieldResolver(() => String)
  customerName(@Root() i: SalesInvoice, @Ctx() ctx: Context) {
    return names(ctx, 'customer', i.customerId).then((n) => n ?? '');
  }

  @FieldResolver(() => String)
  async orderNumber(@Root() i: SalesInvoice, @Ctx() ctx: Context) {
    return orderNumber(ctx, i.orderId);
  }
}

@Resolver(() => CustomerPayment)
export class CustomerPaymentResolver {
  @FieldResolver(() => String)
  customerName(@Root() p: CustomerPayment, @Ctx() ctx: Context) {
    return names(ctx, 'customer', p.customerId).then((n) => n ?? '');
  }
}
