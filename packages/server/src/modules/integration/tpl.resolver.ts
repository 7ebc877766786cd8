import { Length } from 'class-validator';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../core/context';
import { DecimalInput } from '../../core/decimal-input';
import { DecimalScalar } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { TransferDestination, Warehouse } from '../stock';
import { reviewParamsView, TplReviewParams } from './tpl-review';
import { TplConnection, TplRequest, TplReview } from './tpl.entity';

@InputType()
export class ConnectTplInput {
  @Field() @Length(1, 100) name: string;
  @Field(() => ID, { description: 'The warehouse the 3PL runs.' }) warehouseId: string;
  @Field() @Length(1, 300) baseUrl: string;
  @Field() @Length(1, 100) clientKey: string;
  @Field({ description: 'Sent as the bearer token; never shown again.' }) @Length(1, 200) secret: string;
}

@InputType()
export class TplTransferLineInput {
  @Field(() => ID) skuId: string;
  @DecimalInput(18, 6, { description: 'Base unit, more than zero.' }) qty: string;
}

@InputType()
export class TplTransferInput {
  @Field(() => ID, {
    description:
      "The warehouse the goods leave: a 3PL's (a request to it), or one of ours sending to a 3PL (an advance notice).",
  })
  warehouseId: string;
  @Field(() => ID, { description: 'Where they go: any other warehouse, or the 3PL warehouse they are announced to.' })
  toWarehouseId: string;
  @Field(() => [TplTransferLineInput]) lines: TplTransferLineInput[];
}

@ObjectType({
  description: 'A line of a 3PL request: what to pick or expect, and what the 3PL confirmed (never a price).',
})
export class TplRequestLineView {
  @Field() key: string;
  @Field(() => ID) skuId: number;
  @Field() sku: string;
  @Field() name: string;
  @Field(() => DecimalScalar) qty: string;
  @Field(() => DecimalScalar) confirmed: string;
}

@ObjectType()
export class TplPullResultView {
  @Field(() => Int) received: number;
  @Field(() => Int, { description: 'Confirmations seen before (posted once).' }) duplicates: number;
  @Field(() => Int) posted: number;
  @Field(() => Int, { description: 'Confirmations put on the review list (nothing posted).' }) review: number;
}

@Resolver()
export class TplResolver {
  @Query(() => [TplConnection], { description: 'Warehouses run by 3PLs, with their connection status.' })
  @Allow(P.IntegrationTplManage)
  tplConnections(@Ctx() ctx: Context) {
    return ctx.services.tpl.list();
  }

  @Mutation(() => TplConnection, {
    description: 'Puts a warehouse under a 3PL: from now on its shipments, transfers out and receipts go as requests.',
  })
  @Allow(P.IntegrationTplManage)
  connectTpl(@Ctx() ctx: Context, @Arg('input', () => ConnectTplInput) input: ConnectTplInput) {
    return ctx.services.tpl.connect(ctx, input);
  }

  @Query(() => [TplRequest], { description: 'The latest 200 requests to 3PLs, newest first.' })
  @Allow(P.IntegrationTplManage)
  tplRequests(
    @Ctx() ctx: Context,
    @Arg('connectionId', () => ID, { nullable: true }) connectionId?: string,
    @Arg('status', () => String, { nullable: true }) status?: string,
  ) {
    return ctx.services.tpl.requests(connectionId, status);
  }

  @Query(() => [TplReview], { description: 'The 3PL review list (open items; all with all: true).' })
  @Allow(P.IntegrationTplManage)
  tplReviews(
    @Ctx() ctx: Context,
    @Arg('connectionId', () => ID, { nullable: true }) connectionId?: string,
    @Arg('all', { defaultValue: false }) all?: boolean,
  ) {
    return ctx.services.tpl.reviews(connectionId, !all);
  }

  @Mutation(() => TplRequest, { description: "Sends a confirmed sales order's open lines to its warehouse's 3PL." })
  @Allow(P.IntegrationTplManage)
  requestTplShipment(@Ctx() ctx: Context, @Arg('salesOrderId', () => ID) salesOrderId: string) {
    return ctx.services.tpl.requestShipment(ctx, salesOrderId);
  }

  @Mutation(() => TplRequest, {
    description: "Sends an approved purchase order's open lines to its warehouse's 3PL as an advance shipping notice.",
  })
  @Allow(P.IntegrationTplManage)
  requestTplAsn(@Ctx() ctx: Context, @Arg('purchaseOrderId', () => ID) purchaseOrderId: string) {
    return ctx.services.tpl.requestAsn(ctx, purchaseOrderId);
  }

  @Mutation(() => TplRequest, {
    description:
      "A transfer with a 3PL's warehouse, posted when the 3PL confirms: out of it, a request; into it, an advance shipping notice.",
  })
  @Allow(P.IntegrationTplManage)
  requestTplTransfer(@Ctx() ctx: Context, @Arg('input', () => TplTransferInput) input: TplTransferInput) {
    return ctx.services.tpl.requestTransfer(ctx, input);
  }

  @Mutation(() => TplPullResultView, {
    description: "Sends what is queued and pulls the 3PL's confirmations now (the background job does both anyway).",
  })
  @Allow(P.IntegrationTplManage)
  async syncTpl(@Ctx() ctx: Context, @Arg('connectionId', () => ID) connectionId: string) {
    await ctx.services.tpl.sendRequests();
    return ctx.services.tpl.pull(connectionId);
  }

  @Mutation(() => [TplReview], {
    description: "Compares the 3PL's stock snapshot with the book; lists each difference for review (adjusts nothing).",
  })
  @Allow(P.IntegrationTplManage)
  reconcileTpl(@Ctx() ctx: Context, @Arg('connectionId', () => ID) connectionId: string) {
    return ctx.services.tpl.reconcile(ctx, connectionId);
  }

  @Query(() => TplStatusView, {
    description:
      "A document's 3PL side: SALES_ORDER or PURCHASE_ORDER (its warehouse), or STOCK_DOCUMENT (a transfer: its destination).",
  })
  @Allow(P.IntegrationTplManage)
  tplStatusOf(
    @Ctx() ctx: Context,
    @Arg('sourceType', { description: 'SALES_ORDER, PURCHASE_ORDER or STOCK_DOCUMENT' }) sourceType: string,
    @Arg('sourceId', () => ID) sourceId: string,
  ) {
    return ctx.services.tpl.statusOf(ctx, sourceType, sourceId);
  }

  @Mutation(() => TplRequest, {
    description:
      'Sends a request now: a queued one at once (its retry wait dropped), a sent one again with the same reference (the 3PL takes a reference once). Returns it after the attempt.',
  })
  @Allow(P.IntegrationTplManage)
  resendTplRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.tpl.resend(ctx, id);
  }

  @Mutation(() => TplRequest, {
    description:
      "Cancels a transfer out of a 3PL's warehouse not confirmed yet: the 3PL cancels it first; refused (TPL_CANCEL_REFUSED) or silent (TPL_UNAVAILABLE), nothing changes. A request with a document is cancelled with its document (DOCUMENT_STATE).",
  })
  @Allow(P.IntegrationTplManage)
  cancelTplRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.tpl.cancelRequest(ctx, id);
  }

  @Mutation(() => TplReview, {
    description: 'Resolves a review item: ADJUST (stock differences: posts the difference with the reason) or DISMISS.',
  })
  @Allow(P.IntegrationTplManage)
  resolveTplReview(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('adjust', { description: 'true: post an adjustment; false: dismiss.' }) adjust: boolean,
    @Arg('note') note: string,
  ) {
    return ctx.services.tpl.resolve(ctx, id, adjust ? 'adjust' : 'dismiss', note);
  }
}

@ObjectType({
  description: "A sales or purchase order's (or a transfer's) 3PL side: who runs its warehouse, what was sent.",
})
export class TplStatusView {
  @Field({ nullable: true, description: "The 3PL connection's name when a 3PL runs the warehouse; null: none does." })
  connectionName?: string;
  @Field(() => [TplRequest], { description: 'Its requests, newest first.' }) requests: TplRequest[];
}

@ObjectType({ description: 'A transfer a 3PL request posted, to link to.' })
export class TplTransferLink {
  @Field(() => ID) id: number;
  @Field() number: string;
}

@Resolver(() => TplRequest)
export class TplRequestResolver {
  @FieldResolver(() => [TplTransferLink], {
    description:
      "The transfers its confirmations posted (a transfer out of the 3PL's warehouse; one per confirmation that brought goods). Empty for other kinds.",
  })
  transfers(@Root() r: TplRequest, @Ctx() ctx: Context): Promise<TplTransferLink[]> {
    return ctx.services.tpl.transfersOf(r);
  }

  @FieldResolver(() => [TplRequestLineView])
  lines(@Root() r: TplRequest, @Ctx() ctx: Context): TplRequestLineView[] {
    return ctx.services.tpl.requestLines(r);
  }
}

@Resolver(() => TplReview)
export class TplReviewResolver {
  @FieldResolver(() => TplReviewParams, {
    nullable: true,
    description:
      "What the item is about, as data (SKU, quantities, references): render it in the reader's language. Null on items from before it was kept.",
  })
  params(@Root() r: TplReview): TplReviewParams | null {
    return reviewParamsView(r.params);
  }
}

const TPL_OPERATED =
  'Run by a 3PL through an active connection: goods move in and out when the 3PL confirms; posting a receipt, shipment or transfer (sending or receiving) there is refused (TPL_OPERATED): send the 3PL a request instead.';

@Resolver(() => Warehouse)
export class TplWarehouseResolver {
  @FieldResolver(() => Boolean, { description: TPL_OPERATED })
  async tplOperated(@Root() w: Warehouse, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.services.tpl.operatedWarehouseIds(ctx)).has(Number(w.id));
  }
}

@Resolver(() => TransferDestination)
export class TplTransferDestinationResolver {
  @FieldResolver(() => Boolean, { description: TPL_OPERATED })
  async tplOperated(@Root() w: TransferDestination, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.services.tpl.operatedWarehouseIds(ctx)).has(Number(w.id));
  }
}
